"""Deciding the completeness rules: sections, tables, blank cells, title, year, period, section 五."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from govinfo_report import _meta
from govinfo_report.checks._common import get_cell, list_cells, not_assessable, unknown
from govinfo_report.checks._model import CellRef, Outcome, Rule, Status, TextSpan
from govinfo_report.checks._text import Prose, paragraphs, squash
from govinfo_report.model import CellKind, Report

__all__ = ["METHODS"]


def _pass(rule: Rule, zh: str, en: str, spans: tuple[TextSpan, ...] = ()) -> Outcome:
    return Outcome(rule=rule, status=Status.PASS, message_zh=zh, message_en=en, spans=spans)


def sections(rule: Rule, report: Report) -> Outcome:
    missing = [s for s in report.sections if not s.found]
    if not missing:
        return _pass(rule, "六个部分齐全", "all six sections found")
    zh = "、".join(f"{s.number}、{report.spec.section(s.key).title}" for s in missing)
    en = ", ".join(f"{s.number} ({s.key})" for s in missing)
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=f"未找到（或顺序不对）：{zh}",
        message_en=f"not found, or out of order: section {en}",
        expected=len(report.sections),
        actual=len(report.sections) - len(missing),
    )


def table_complete(rule: Rule, report: Report) -> Outcome:
    cells = tuple(get_cell(report, ref) for ref in rule.reads if ref_in_printing(report, ref))
    key = rule.reads[0].table
    spec = report.spec.table(key)
    if not report.table(key).found:
        return Outcome(
            rule=rule,
            status=Status.FAIL,
            message_zh=f"未找到表{spec.number}（{spec.title}），其{len(cells)}个数值均缺失",
            message_en=f"table {spec.number} ({spec.title}) not found: its {len(cells)} values are missing",
            cells=cells,
            expected=len(cells),
            actual=0,
        )
    missing = tuple(c for c in cells if c.kind is CellKind.MISSING)
    if not missing:
        return _pass(rule, f"{len(cells)}格齐全", f"all {len(cells)} cells present")
    rows = sorted({c.row for c in missing}, key=[r.key for r in spec.rows].index)
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=f"缺少{len(rows)}行：{'、'.join(spec.row(r).label for r in rows)}",
        message_en=f"{len(rows)} row(s) missing: {', '.join(rows)}",
        cells=missing,
        unassessable=missing,
        expected=len(cells),
        actual=len(cells) - len(missing),
    )


def ref_in_printing(report: Report, ref: CellRef) -> bool:
    """Whether the cell belongs to the printing (split/single) the report uses."""
    try:
        table = report.table(ref.table)
        row = report.spec.table(ref.table).row(ref.row)
    except KeyError:
        return False
    return row.variant in (None, table.variant)


def blanks(rule: Rule, report: Report) -> Outcome:
    key = rule.reads[0].table
    cells = tuple(get_cell(report, ref) for ref in rule.reads if ref_in_printing(report, ref))
    if not report.table(key).found:
        return not_assessable(rule, report, cells, cells)
    empty = tuple(
        c for c in cells if c.kind in (CellKind.BLANK, CellKind.MARKER, CellKind.UNREADABLE)
    )
    if not empty:
        return _pass(rule, "没有空白格", "no blank cells")
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=f"{len(empty)}格不是数字：" + list_cells(report, empty, lang="zh"),
        message_en=f"{len(empty)} cell(s) hold no number: " + list_cells(report, empty, lang="en"),
        cells=empty,
        unassessable=empty,
        expected=0,
        actual=len(empty),
    )


def _title_span(report: Report) -> tuple[TextSpan, ...]:
    meta = report.metadata
    if meta.title is None:
        return ()
    text = meta.title
    return (
        TextSpan(
            part="title",
            paragraph=0,
            location=meta.title_location,
            text=text,
            start=0,
            end=len(text),
        ),
    )


def title(rule: Rule, report: Report) -> Outcome:
    meta = report.metadata
    if meta.title is None:
        return Outcome(
            rule=rule,
            status=Status.FAIL,
            message_zh="未找到报告标题",
            message_en="no report title found",
        )
    lacks_zh, lacks_en = [], []
    if _meta.organization_from_title(meta.title) is None:
        lacks_zh.append("机关名称")
        lacks_en.append("the body")
    if _meta.year_from_title(meta.title) is None:
        lacks_zh.append("年度")
        lacks_en.append("the year")
    spans = _title_span(report)
    if not lacks_zh:
        return _pass(
            rule, "标题写明了机关和年度", "the title names the body and the year", spans=spans
        )
    zh = f"标题“{meta.title}”未写明{'和'.join(lacks_zh)}"
    en = f"the title “{meta.title}” does not name {' or '.join(lacks_en)}"
    if meta.year is not None and _meta.year_from_title(meta.title) is None:
        source = {"period": ("统计期限", "statistics period"), "prose": ("正文", "prose")}
        where_zh, where_en = source.get(meta.year_source or "", ("正文", "prose"))
        zh += f"（报告年度{meta.year}取自{where_zh}）"
        en += f" (the report year {meta.year} is taken from the {where_en})"
    return Outcome(
        rule=rule, status=Status.FAIL, message_zh=zh, message_en=en, spans=spans, actual=meta.title
    )


def year(rule: Rule, report: Report) -> Outcome:
    meta = report.metadata
    if meta.year is None:
        return Outcome(
            rule=rule,
            status=Status.FAIL,
            message_zh="标题、统计期限和正文都不能确定报告年度",
            message_en="neither the title, the statistics period nor the prose tells the report year",
        )
    source = {"title": ("标题", "title"), "period": ("统计期限", "statistics period")}
    zh, en = source.get(meta.year_source or "", ("正文", "prose"))
    return Outcome(
        rule=rule,
        status=Status.PASS,
        message_zh=f"报告年度{meta.year}（取自{zh}）",
        message_en=f"report year {meta.year} (from the {en})",
        actual=meta.year,
    )


_PERIOD_WORD_RE = re.compile(r"统计(?:期限|年限|时限|时间|区间|期间|周期|范围)")


def _period_span(report: Report) -> tuple[TextSpan, ...]:
    for prose in paragraphs(report, ("preamble", "overview")):
        match = _PERIOD_WORD_RE.search(prose.text)
        if match:
            # The period runs to the end of its clause.
            end = prose.text.find("。", match.end())
            return (prose.span(match.start(), end if end > 0 else len(prose.text)),)
    return ()


def period(rule: Rule, report: Report) -> Outcome:
    meta = report.metadata
    if meta.year is None:
        return unknown(rule, "报告年度", "the report year")
    if meta.period_start is None or meta.period_end is None:
        return Outcome(
            rule=rule,
            status=Status.NOT_ASSESSABLE,
            message_zh="无法评估：未写明统计期限",
            message_en="not assessable: no statistics period is stated",
        )
    start, end = meta.period_start, meta.period_end
    want_start, want_end = dt.date(meta.year, 1, 1), dt.date(meta.year, 12, 31)
    spans = _period_span(report)
    stated = f"{start.isoformat()} – {end.isoformat()}"
    wanted = f"{want_start.isoformat()} – {want_end.isoformat()}"
    if (start, end) == (want_start, want_end):
        return Outcome(
            rule=rule,
            status=Status.PASS,
            message_zh=f"统计期限{stated}",
            message_en=f"statistics period {stated}",
            spans=spans,
            expected=wanted,
            actual=stated,
        )
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=f"统计期限为{stated}，报告年度{meta.year}应为{wanted}",
        message_en=f"the statistics period is {stated}; for the report year {meta.year} it is {wanted}",
        spans=spans,
        expected=wanted,
        actual=stated,
    )


#: Shorter than this (without punctuation), section 五 says nothing ("无", "暂无", "无问题").
_MIN_PROBLEMS = 8


def problems(rule: Rule, report: Report) -> Outcome:
    section = report.section("problems")
    if not section.found:
        return Outcome(
            rule=rule,
            status=Status.NOT_ASSESSABLE,
            message_zh="无法评估：未找到第五部分",
            message_en="not assessable: section 五 was not found",
        )
    text = squash(section.text)
    spans = tuple(
        prose.span(0, len(prose.text))
        for prose in (Prose.of("problems", i, p) for i, p in enumerate(section.paragraphs[:1]))
    )
    if len(text) >= _MIN_PROBLEMS:
        return _pass(
            rule, f"第五部分有{len(text)}字", f"section 五 has {len(text)} characters", spans=spans
        )
    shown = section.text.strip() or "（空白）"
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=f"第五部分只有“{shown}”，没有写明存在的问题和改进情况",
        message_en=f"section 五 says only “{shown}”: no problems or improvements are reported",
        spans=spans,
        actual=len(text),
    )


_ASSESSMENT_WORDS = (
    ("考核", "考核 (assessment)"),
    ("评议", "评议 (public appraisal)"),
    ("责任追究", "责任追究 (accountability)"),
)
# A name that ends in a division is the place's government ("XX镇"); a 街道办事处 is an agency.
_GOVERNMENT_RE = re.compile(r"(?:人民政府|政府|[省市州盟县旗区乡镇])$")


def assessment(rule: Rule, report: Report) -> Outcome:
    organization = report.metadata.organization
    if organization is None:
        return unknown(rule, "机关名称", "the body")
    if not _GOVERNMENT_RE.search(squash(organization)):
        return _pass(rule, "不是人民政府，不适用", "not a government: does not apply")
    overview = report.section("overview")
    text = squash(overview.text)
    absent = [(zh, en) for zh, en in _ASSESSMENT_WORDS if zh not in text]
    if not absent:
        return _pass(rule, "已报告", "reported")
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=f"第一部分未提及{'、'.join(zh for zh, _ in absent)}",
        message_en=f"section 一 does not mention {' or '.join(en for _, en in absent)}",
    )


METHODS: dict[str, Callable[[Rule, Report], Outcome | list[Outcome]]] = {
    "sections": sections,
    "table_complete": table_complete,
    "blanks": blanks,
    "title": title,
    "year": year,
    "period": period,
    "problems": problems,
    "assessment": assessment,
}
