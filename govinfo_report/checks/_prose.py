"""Deciding the rules that read the prose: stated numbers, years, and fees.

Theory of operation. Statements are found by patterns on each paragraph's
normalized text (see ``_text``); each names what it counts (received, new,
carried over, handled, carried forward, review, litigation) and is compared
with the table's 总计. A statement the patterns do not recognize is not
compared: the rule reads what it can and never guesses a number. Every
comparison reports the paragraph, the substring and its offsets.

"收到" is ambiguous: reports use it for new applications only and for new
plus carried over. "共收到申请X件" therefore passes if X equals either; when
the sentence adds "（含上年结转Y件）" X must be new plus carried over, and Y is
compared with 上年结转 on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Iterator

import attrs

from govinfo_report.checks._common import (
    all_zero,
    fmt,
    get_cell,
    not_assessable,
    number_cells,
    total,
    unknown,
    who,
)
from govinfo_report.checks._model import CellRef, Number, Outcome, Rule, Status, TextSpan
from govinfo_report.checks._rules import STATEMENT_KINDS
from govinfo_report.checks._text import Prose, cn_number, paragraphs
from govinfo_report.model import Cell, Report

__all__ = ["METHODS", "Statement", "find_statements"]

_NUM = r"(?P<num>\d+|[零〇一二两三四五六七八九十百千]+)"
# A pattern that starts with the number must not start inside a run of digits (or of
# numerals): there each start position would re-scan the whole run looking for "件" (a
# 32,000-digit run took 30 s). A match never starts inside a run anyway: "件" cannot
# follow a shorter part of the run, so the match from the run's first character is found
# first; the look-behinds only skip the doomed starts, one per alternative ("五12件" still
# matches "12件").
_LEAD_NUM = (
    r"(?P<num>(?<!\d)\d+|(?<![零〇一二两三四五六七八九十百千])[零〇一二两三四五六七八九十百千]+)"
)
# Clauses end at these (after normalization "，；：（）" are ASCII).
_GAP = r"[^,;。:!?\d]"
# Words that show a count is not about information-disclosure applications.
_OTHER_MATTERS = re.compile(
    r"复议|诉讼|建议|提案|信访|投诉|举报|咨询|留言|来电|来信|热线|事项办理|政务服务|许可|审批"
)
# Words before "新增" that make it a comparison ("同比新增2件"), not new applications.
_COMPARED_RE = re.compile(r"[比较]\w{0,3}$")
# Words in the gap of a "no cases" phrase that make it about something else: telling an
# applicant of the right to review ("告知…行政复议权利"), the channels for it.
_NOT_NONE_RE = re.compile(r"告知|权利|途径|渠道|救济")

_RECEIVED_RE = re.compile(
    rf"(?P<verb>收到|受理|接收到?|接到)(?P<mid>{_GAP}{{0,24}}?)(?:申请|办件){_GAP}{{0,8}}?{_NUM}件"
)
_INCLUDES_RE = re.compile(
    rf"[,(]?(?:其中|含|包括|包含)+{_GAP}{{0,6}}?"
    rf"(?:上年度?|上一年度?|\d{{4}}年度?)结转{_GAP}{{0,10}}?"
    r"(?P<num>\d+|[零〇一二两三四五六七八九十百千]+)件"
)
# Not "未收到申请行政复议": that is about cases, not applications.
_NONE_RECEIVED_RE = re.compile(
    rf"(?:未|没有)(?:收到|接到|接收到?|受理)(?P<mid>{_GAP}{{0,16}})申请(?!行政复议|行政诉讼|复议|诉讼)"
)
# Words before a count in its clause that make it last year's ("较上年收到申请5件",
# "上年度（2023年）收到申请3件"), not the report year's.
_PAST_RE = re.compile(r"上一?年|去年|上年度|同期")
_NEW_RE = re.compile(rf"(?:新收|新增|新受理|新接收)到?(?P<mid>{_GAP}{{0,20}}?){_NUM}件")
_CARRIED_OVER_RE = re.compile(
    rf"(?:上年度?|上一年度?|\d{{4}}年度?)结转(?!下|至|到)(?P<mid>{_GAP}{{0,16}}?){_NUM}件"
)
_FORWARD_RE = re.compile(
    rf"结转(?:至|到)?(?:下一?年度?|(?P<year>\d{{4}})年度?)(?P<mid>{_GAP}{{0,12}}?){_NUM}件"
)
_FORWARD_AFTER_RE = re.compile(
    rf"{_LEAD_NUM}件(?:申请)?(?P<mid>{_GAP}{{0,4}}?)结转(?:至|到)?(?:下一?年度?|\d{{4}}年)"
)
_PROCESSED_RE = re.compile(
    rf"(?:办结|答复|办理完毕|已办理)(?P<mid>{_GAP}{{0,12}}?){_NUM}件(?!申请)"
)
_PROCESSED_AFTER_RE = re.compile(
    rf"{_LEAD_NUM}件(?:申请)?(?P<mid>(?:均|已|全部|按时|依法|予以)*)(?:办结|答复)"
)
_REVIEW_RE = re.compile(rf"行政复议(?P<mid>{_GAP}{{0,10}}?){_NUM}(?:件|起|宗|次)")
_LITIGATION_RE = re.compile(rf"(?:行政诉讼|提起诉讼)(?P<mid>{_GAP}{{0,10}}?){_NUM}(?:件|起|宗|次)")
_NONE_CASES_RE = re.compile(
    rf"(?:未|没有|无(?!法|正当|理由|需|须|论))(?:发生|出现|收到|产生|涉及|被)?{_GAP}{{0,24}}?"
    r"(?:行政复议|行政诉讼)"
    rf"(?:{_GAP}{{0,12}}?(?:行政复议|行政诉讼))?"
)


# How applications were answered: "予以公开5件", "不予公开2件", "无法提供1件".
_OUTCOME_RE = re.compile(
    rf"(?P<verb>予以公开|部分公开|不予公开|无法提供|不予处理)(?P<mid>{_GAP}{{0,8}}?){_NUM}件"
)
_OUTCOME_KINDS = {
    "予以公开": "granted",
    "部分公开": "partially_granted",
    "不予公开": "denied",
    "无法提供": "unable",
    "不予处理": "not_processed",
}
# Normative documents: "本年制发行政规范性文件9件", "现行有效规范性文件99件", "公开规范性文件9件".
_NORMATIVE_RE = re.compile(
    rf"(?P<verb>制发|印发|出台|制定|废止|现行有效|公开|发布)(?P<mid>{_GAP}{{0,14}}?)"
    rf"(?:行政)?规范性文件{_GAP}{{0,6}}?{_NUM}件"
)
#: Which column of 行政规范性文件 a verb counts; ``None``: 本年制发 or 现行有效.
_NORMATIVE_COLUMNS = {
    "制发": "issued",
    "印发": "issued",
    "出台": "issued",
    "制定": "issued",
    "废止": "repealed",
    "现行有效": "in_force",
}


@attrs.frozen(kw_only=True)
class Statement:
    """A number the prose states about applications or cases."""

    kind: str
    value: int
    span: TextSpan
    #: For "received": the carried-over part the sentence says is included ("含上年结转Y件").
    includes_carried: int | None = None
    #: For "normative": the column the statement counts, or ``None`` for 本年制发 or 现行有效.
    column: str | None = None


def _mid_ok(match: re.Match[str]) -> bool:
    mid = match.groupdict().get("mid") or ""
    return not _OTHER_MATTERS.search(mid)


def _sentence(prose: Prose, position: int) -> str:
    start = max(prose.text.rfind("。", 0, position), 0)
    end = prose.text.find("。", position)
    return prose.text[start : end if end >= 0 else len(prose.text)]


def _last_years(text: str, position: int) -> bool:
    """Whether the clause before ``position`` speaks of last year (a comparison)."""
    start = max(text.rfind(c, 0, position) for c in ",;。:") + 1
    return _PAST_RE.search(text, start, position) is not None


def _about_other_matters(text: str, position: int) -> bool:
    """Whether the last application named before ``position`` in its sentence is one of
    another matter ("受理行政许可申请230件，办结230件")."""
    start = max(text.rfind("。", 0, position), 0)
    at = text.rfind("申请", start, position)
    return at >= 0 and _OTHER_MATTERS.search(text, max(start, at - 8), at) is not None


def _start_of(span: tuple[int, int]) -> int:
    return span[0]


class _Taken:
    """The spans of a paragraph already stated, which no later statement may overlap.

    Only a free span is taken, so no two overlap and, sorted by start, their ends are
    sorted too: of the spans that start before ``end`` only the last can reach past
    ``start``. A bisection finds it (scanning every span made a paragraph of n
    statements cost n², 40 s for 32,000).
    """

    def __init__(self) -> None:
        self.spans: list[tuple[int, int]] = []

    def free(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps no span taken."""
        before = bisect_left(self.spans, end, key=_start_of)
        return before == 0 or self.spans[before - 1][1] <= start

    def take(self, start: int, end: int) -> None:
        """Take ``[start, end)``, which must be free."""
        insort(self.spans, (start, end))


def _statements_in(prose: Prose, report_year: int | None) -> Iterator[Statement]:
    text = prose.text
    taken = _Taken()
    free = taken.free

    def emit(
        kind: str, start: int, end: int, value: int | None, carried: int | None = None
    ) -> Iterator[Statement]:
        if value is None or not free(start, end):
            return
        taken.take(start, end)
        span = prose.span(start, end)
        yield Statement(kind=kind, value=value, span=span, includes_carried=carried)

    for match in _RECEIVED_RE.finditer(text):
        if not _mid_ok(match) or _last_years(text, match.start()):
            continue
        new_only = match.start() > 0 and text[match.start() - 1] == "新"
        tail = _INCLUDES_RE.match(text, match.end())
        carried = cn_number(tail.group("num")) if tail else None
        end = tail.end() if tail else match.end()
        value = cn_number(match.group("num"))
        if new_only:
            yield from emit("new_received", match.start() - 1, match.end(), value)
            continue
        yield from emit("received", match.start(), end, value, carried)
    for match in _NONE_RECEIVED_RE.finditer(text):
        if _mid_ok(match):
            yield from emit("received", match.start(), match.end(), 0)
    for match in _NEW_RE.finditer(text):
        if not _mid_ok(match):
            continue
        if match.group(0).startswith("新增") and (
            # "新增" counts anything ("新增规范性文件3件"): applications only when it says so,
            # and not in a comparison ("同比新增2件").
            not ("申请" in match.group("mid") or text.startswith("申请", match.end()))
            or _COMPARED_RE.search(text, max(0, match.start() - 4), match.start())
        ):
            continue
        yield from emit("new_received", match.start(), match.end(), cn_number(match.group("num")))
    for pattern, kind in (
        (_CARRIED_OVER_RE, "carried_over"),
        (_FORWARD_RE, "carried_forward"),
        (_FORWARD_AFTER_RE, "carried_forward"),
    ):
        for match in pattern.finditer(text):
            if not _mid_ok(match):
                continue
            said = kind
            year = match.groupdict().get("year")
            if year is not None and report_year is not None and int(year) <= report_year:
                # "2023年结转至2024年…2件" in a 2024 report: carried over into this year.
                if int(year) < report_year:
                    continue
                said = "carried_over"
            yield from emit(said, match.start(), match.end(), cn_number(match.group("num")))
    for pattern in (_PROCESSED_RE, _PROCESSED_AFTER_RE):
        for match in pattern.finditer(text):
            # "办结5件" is about applications only where the sentence speaks of them.
            sentence = _sentence(prose, match.start())
            if (
                _mid_ok(match)
                and ("申请" in sentence or "办件" in sentence)
                and not _about_other_matters(text, match.start())
            ):
                yield from emit(
                    "processed", match.start(), match.end(), cn_number(match.group("num"))
                )
    for pattern, kind in ((_REVIEW_RE, "review"), (_LITIGATION_RE, "litigation")):
        for match in pattern.finditer(text):
            mid = match.group("mid")
            if "诉讼" in mid or "复议" in mid or "率" in mid:
                continue
            yield from emit(kind, match.start(), match.end(), cn_number(match.group("num")))
    for match in _OUTCOME_RE.finditer(text):
        if _mid_ok(match) and not _last_years(text, match.start()):
            kind = _OUTCOME_KINDS[match.group("verb")]
            yield from emit(kind, match.start(), match.end(), cn_number(match.group("num")))
    for match in _NORMATIVE_RE.finditer(text):
        if _mid_ok(match) and free(match.start(), match.end()):
            verb = match.group("verb")
            column = _NORMATIVE_COLUMNS.get(verb)
            if column is None and "现行有效" in match.group("mid"):
                column = "in_force"
            taken.take(match.start(), match.end())
            span = prose.span(match.start(), match.end())
            value = cn_number(match.group("num"))
            if value is not None:
                yield Statement(kind="normative", value=value, span=span, column=column)
    for match in _NONE_CASES_RE.finditer(text):
        said = match.group(0)
        if not free(match.start(), match.end()) or _NOT_NONE_RE.search(said):
            continue
        span = prose.span(match.start(), match.end())
        taken.take(match.start(), match.end())
        if "复议" in said:
            yield Statement(kind="review", value=0, span=span)
        if "诉讼" in said:
            yield Statement(kind="litigation", value=0, span=span)


#: The last reports' statements: each text rule asks for them (identity-checked, tiny).
_LAST: list[tuple[Report, tuple[Statement, ...]]] = []


def find_statements(report: Report) -> tuple[Statement, ...]:
    """Every statement of a count the prose makes, in reading order."""
    for seen, statements in _LAST:
        if seen is report:
            return statements
    out: list[Statement] = []
    for prose in paragraphs(report):
        out.extend(_statements_in(prose, report.metadata.year))
    found = tuple(out)
    _LAST[:] = [(report, found), *_LAST[:3]]
    return found


def _cells(report: Report, kind: str) -> tuple[Cell, ...]:
    _, _, refs = STATEMENT_KINDS[kind]
    return tuple(get_cell(report, CellRef(table=t, row=r, column=c)) for t, r, c in refs)


def _judge(rule: Rule, report: Report, statement: Statement) -> Outcome:
    zh_name, en_name, _ = STATEMENT_KINDS[statement.kind]
    cells = _cells(report, statement.kind)
    said = f"“{statement.span.text}”"
    where = str(statement.span.location) if statement.span.location else statement.span.part
    expected: Number
    if statement.kind == "received":
        new, carried = cells
        if new.value is None:
            return attrs.evolve(
                not_assessable(rule, report, cells, (new,)), spans=(statement.span,)
            )
        if statement.includes_carried is None and statement.value == new.value:
            # "收到" read as new applications only.
            expected, ok = new.value, True
        elif carried.value is None:
            return attrs.evolve(
                not_assessable(rule, report, cells, (carried,)), spans=(statement.span,)
            )
        else:
            expected = new.value + carried.value
            ok = statement.value == expected
        table_zh = f"表中本年新收{fmt(new.value)}件、上年结转{fmt(carried.value)}件"
        table_en = f"the table has {fmt(new.value)} new and {fmt(carried.value)} carried over"
    elif statement.kind == "normative":
        by_column = dict(zip(("issued", "repealed", "in_force"), cells, strict=True))
        if statement.column is not None:
            cells = (by_column[statement.column],)
        else:
            cells = (by_column["issued"], by_column["in_force"])
        bad = number_cells(cells)
        if bad:
            return attrs.evolve(not_assessable(rule, report, cells, bad), spans=(statement.span,))
        values = [cell.value for cell in cells if cell.value is not None]
        ok = statement.value in values
        expected = statement.value if ok else values[0]
        table_zh = "表中" + "、".join(f"{who(report, c)}为{fmt(c.value)}件" for c in cells)
        table_en = "the table has " + ", ".join(f"{who(report, c)} {fmt(c.value)}" for c in cells)
    else:
        bad = number_cells(cells)
        if bad:
            return attrs.evolve(not_assessable(rule, report, cells, bad), spans=(statement.span,))
        expected = total(cells)
        ok = statement.value == expected
        table_zh, table_en = f"表中为{fmt(expected)}件", f"the table says {fmt(expected)}"
    if ok:
        return Outcome(
            rule=rule,
            status=Status.PASS,
            message_zh=f"{where}{said}与表格一致",
            message_en=f"{where} {said} agrees with the tables",
            cells=cells,
            spans=(statement.span,),
            expected=expected,
            actual=statement.value,
            difference=0,
        )
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=f"正文{said}（{where}）称{zh_name}{statement.value}件，但{table_zh}",
        message_en=(
            f"the prose {said} ({where}) states {statement.value} {en_name}, but {table_en}"
        ),
        cells=cells,
        spans=(statement.span,),
        expected=expected,
        actual=statement.value,
        difference=statement.value - expected,
    )


def statement(rule: Rule, report: Report) -> list[Outcome]:
    """One outcome per statement of the rule's kind; a pass when the prose states none."""
    kind = rule.subject
    assert kind is not None
    found = [s for s in find_statements(report) if s.kind == kind]
    # "（含上年结转Y件）" also states the carried-over number on its own.
    if kind == "carried_over":
        found += [
            Statement(kind="carried_over", value=s.includes_carried, span=s.span)
            for s in find_statements(report)
            if s.kind == "received" and s.includes_carried is not None
        ]
    if not found:
        zh, en, _ = STATEMENT_KINDS[kind]
        return [
            Outcome(
                rule=rule,
                status=Status.PASS,
                message_zh=f"正文未提及{zh}件数",
                message_en=f"the prose states no number of {en}",
            )
        ]
    return [_judge(rule, report, s) for s in found]


# -- years ----------------------------------------------------------------------------

_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})年")
_FULL_DATE_RE = re.compile(r"^度?\d{1,2}月")
_RANGE_AFTER_RE = re.compile(r"^度?(?:[-—–~～至到])(?:19|20)\d{2}")
_RANGE_BEFORE_RE = re.compile(r"(?:19|20)\d{2}年?[-—–~～至到]$")
_PAST_BEFORE_RE = re.compile(
    r"(?:与|较|比|同比|相比|对比|自|从|截至|截止|去年|上年|上一年|始于|早在)[^,;。]{0,4}$"
)
_PAST_AFTER_RE = re.compile(
    r"^度?(?:以来|至今|起|开始|相比|比|同期|结转|底|末|基础上|以前|之前|前|修订|修正|颁布|印发|施行|出台|成立|实施)"
)
_PLAN_BEFORE_RE = re.compile(
    r"(?:在|到|至|于|计划|预计|力争|争取|将|拟|确保|截至|截止|明年)[^,;。]{0,2}$"
)
_PLAN_AFTER_RE = re.compile(
    r"^度?(?:前|底|以前|之前|内|起|开始|工作|重点|上半年|下半年|第|春节|元旦|目标)"
)
# Words of intent anywhere in the clause after a later year ("2021年我办将继续…").
_PLAN_WORDS_RE = re.compile(r"将|要|计划|拟|力争|争取|继续|进一步|着力|持续|努力|确保|不断")
_CLAUSE_END_RE = re.compile(r"[,;。!?]")


def _in_book_title(text: str, position: int) -> bool:
    opened = text.rfind("《", 0, position)
    return opened >= 0 and text.rfind("》", 0, position) < opened


def _slip(text: str, start: int, end: int, year: int, report_year: int) -> bool:
    """Whether the year at ``text[start:end]`` stands where the report year belongs."""
    if year == report_year or _in_book_title(text, start):
        return False
    before, after = text[max(0, start - 8) : start], text[end : end + 8]
    if (
        _FULL_DATE_RE.match(after)
        or _RANGE_AFTER_RE.match(after)
        or _RANGE_BEFORE_RE.search(before)
    ):
        return False
    if year > report_year:
        # Plans ("2025年将…", "计划在2025年…", "2021年我办将继续…") and long-term goals ("2035年").
        clause_end = _CLAUSE_END_RE.search(text, end)
        clause = text[end : clause_end.start() if clause_end else len(text)]
        return not (
            year - report_year >= 2
            or _PLAN_BEFORE_RE.search(before)
            or _PLAN_AFTER_RE.match(after)
            or _PLAN_WORDS_RE.search(clause)
        )
    return not (_PAST_BEFORE_RE.search(before) or _PAST_AFTER_RE.match(after))


def years(rule: Rule, report: Report) -> Outcome:
    report_year = report.metadata.year
    if report_year is None:
        return unknown(rule, "报告年度", "the report year")
    slips: list[tuple[int, TextSpan, str]] = []
    for prose in paragraphs(report):
        text = prose.text
        for match in _YEAR_RE.finditer(text):
            year = int(match.group(1))
            if _slip(text, match.start(), match.end(), year, report_year):
                context = prose.block.text[
                    max(0, prose.origin[match.start()] - 10) : prose.origin[match.end() - 1] + 12
                ].strip()
                slips.append((year, prose.span(match.start(), match.end()), context))
    if not slips:
        return Outcome(
            rule=rule,
            status=Status.PASS,
            message_zh=f"正文年份与报告年度{report_year}一致",
            message_en=f"the years in the prose agree with the report year {report_year}",
            expected=report_year,
        )
    zh = "；".join(f"{s.location or s.part}“…{c}…”" for _, s, c in slips[:6])
    en = "; ".join(f"{s.location or s.part} “…{c}…”" for _, s, c in slips[:6])
    more = len(slips) - 6
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=f"报告年度为{report_year}，正文却写{slips[0][0]}年：{zh}"
        + (f"；另有{more}处" if more > 0 else ""),
        message_en=f"the report year is {report_year}, but the prose says {slips[0][0]}: {en}"
        + (f"; and {more} more" if more > 0 else ""),
        spans=tuple(s for _, s, _ in slips),
        expected=report_year,
        actual=slips[0][0],
        difference=slips[0][0] - report_year,
    )


# -- fees -------------------------------------------------------------------------------

_FEE_CELL = CellRef(table="active", row="fees", column="amount")
_UNPAID_CELL = CellRef(table="applications", row="other_overdue_fee", column="total")
# "信息处理费为0" or "…0元", but not "10元" or "为0.5万元": the 0 stands alone.
_NO_FEE_RE = re.compile(
    r"(?:未|无|没有|不|免)(?:收取|收|产生|涉及|发生)[^,;。]{0,10}?(?:信息处理费|处理费|费用)"
    r"|信息处理费[^,;。\d]{0,6}?(?:(?<![\d.])0(?:\.0+)?(?![\d.])|为零|为无|无)"
)


def _row_cells(report: Report, ref: CellRef) -> tuple[Cell, ...]:
    """Every cell of the row ``ref`` is in (empty when the table has no such row)."""
    table = report.table(ref.table)
    return next((cells for key, cells in table.rows if key == ref.row), ())


def _section_six(report: Report) -> list[Prose]:
    return list(paragraphs(report, ("other",)))


def fee_reported(rule: Rule, report: Report) -> Outcome:
    cells = [get_cell(report, _FEE_CELL)]
    unpaid_table = report.table("applications")
    if unpaid_table.variant == "split":
        cells.append(get_cell(report, _UNPAID_CELL))
    zero = all_zero(
        rule, report, cells, "收费金额和（六）2均为0", "the fee and row （六）2 are both 0"
    )
    if zero is not None:
        return zero
    nonzero = [c for c in cells if c.value]
    section = _section_six(report)
    for prose in section:
        at = prose.text.find("处理费")
        if at >= 0:
            return Outcome(
                rule=rule,
                status=Status.PASS,
                message_zh="第六部分报告了信息处理费情况",
                message_en="section 六 reports on 信息处理费",
                cells=tuple(cells),
                spans=(prose.span(max(0, at - 2), at + 3),),
            )
    said_zh = "、".join(f"{who(report, c)}为{fmt(c.value)}" for c in nonzero)
    said_en = "; ".join(f"{who(report, c)} is {fmt(c.value)}" for c in nonzero)
    where_zh = "第六部分未提及信息处理费" if section else "没有第六部分"
    where_en = "section 六 does not mention 信息处理费" if section else "there is no section 六"
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=f"{said_zh}，但{where_zh}",
        message_en=f"{said_en}, but {where_en}",
        cells=tuple(cells),
        actual=nonzero[0].value,
    )


def fee_waived(rule: Rule, report: Report) -> Outcome:
    if not any(s.found for s in report.sections if s.key == "other"):
        return Outcome(
            rule=rule,
            status=Status.NOT_ASSESSABLE,
            message_zh="无法评估：未找到第六部分",
            message_en="not assessable: section 六 was not found",
        )
    found: TextSpan | None = None
    for prose in _section_six(report):
        match = _NO_FEE_RE.search(prose.text)
        if match:
            found = prose.span(match.start(), match.end())
            break
    if found is None:
        return Outcome(
            rule=rule,
            status=Status.PASS,
            message_zh="第六部分未称未收取信息处理费",
            message_en="section 六 does not say that no fee was charged",
        )
    # The whole row counts, not only its total: a fee notice to one applicant, with the
    # total left blank, is as much against "no fee charged" as a total of 1.
    total_cell = get_cell(report, _UNPAID_CELL)
    row = _row_cells(report, _UNPAID_CELL) or (total_cell,)
    charged = [c for c in row if c.value]
    cell = total_cell if total_cell.value else charged[0] if charged else total_cell
    if not charged and any(c.value is None for c in row):
        blank = tuple(c for c in row if c.value is None)
        return attrs.evolve(not_assessable(rule, report, row, blank), spans=(found,))
    if not charged:
        return Outcome(
            rule=rule,
            status=Status.PASS,
            message_zh="（六）2为0，与第六部分一致",
            message_en="row （六）2 is 0, as section 六 says",
            cells=row,
            spans=(found,),
            expected=0,
            actual=0,
        )
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=(
            f"第六部分称“{found.text}”，但（六）2（逾期未缴纳费用）有{fmt(cell.value)}件，"
            "说明发出过收费通知"
        ),
        message_en=(
            f"section 六 says “{found.text}”, but row （六）2 (fee not paid) counts "
            f"{fmt(cell.value)}: fee notices were sent"
        ),
        cells=(cell,),
        spans=(found,),
        expected=0,
        actual=cell.value,
        difference=cell.value,
    )


METHODS: dict[str, Callable[[Rule, Report], Outcome | list[Outcome]]] = {
    "statement": statement,
    "years": years,
    "fee_reported": fee_reported,
    "fee_waived": fee_waived,
}
