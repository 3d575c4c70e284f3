"""Rules across reports: consecutive years of one body, and near-identical reports.

Bodies are matched by normalized name: compatibility-normalized, without
whitespace or punctuation, "人民政府" read as "政府"; a name that is another
with its parent's place name in front ("长子县常张乡政府" and "常张乡政府") is
the same body. Outcomes of a pair are attached to the later report (by year,
then by the order given), naming the earlier one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from itertools import combinations

import attrs

from govinfo_report.checks._common import fmt, get_cell, not_assessable, number_cells, who
from govinfo_report.checks._engine import check
from govinfo_report.checks._model import CellRef, CheckResult, Number, Outcome, Rule, Status
from govinfo_report.checks._rules import across_rules
from govinfo_report.checks._similar import (
    MIN_NONZERO,
    MIN_SHINGLES,
    SIMILAR_TEXT,
    masked_prose,
    shared_passages,
    shingles,
)
from govinfo_report.checks._text import squash
from govinfo_report.formats import FORMAT_2021
from govinfo_report.model import Cell, CellKind, Report

__all__ = ["check_all", "normalize_body", "same_body"]


_PLACE_END = re.compile(r"[省市州盟县旗区乡镇]$")


def normalize_body(name: str) -> str:
    """The comparable form of a body's name."""
    return squash(name).replace("人民政府", "政府")


def same_body(a: str, b: str) -> bool:
    """Whether two names designate one body (equal, or one with its parent's place in front)."""
    x, y = sorted((normalize_body(a), normalize_body(b)), key=len)
    if x == y:
        return True
    return len(x) >= 4 and y.endswith(x) and bool(_PLACE_END.search(y[: -len(x)]))


def _rules() -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = defaultdict(list)
    for rule in across_rules(FORMAT_2021):
        out[rule.family].append(rule)
    return out


def _cells(report: Report, refs: Sequence[CellRef]) -> tuple[Cell, ...]:
    return tuple(get_cell(report, ref) for ref in refs)


def _carried_over(rule: Rule, this: Report, last: Report, last_name: str) -> Outcome:
    over = get_cell(this, rule.reads[0])
    forward = get_cell(last, rule.reads[1])
    bad = number_cells((over, forward))
    year = last.metadata.year
    if bad:
        outcome = not_assessable(rule, this, (over,), bad)
        return attrs.evolve(outcome, other=last_name, other_cells=(forward,))
    assert over.value is not None and forward.value is not None
    difference = over.value - forward.value
    status = Status.PASS if difference == 0 else Status.FAIL
    zh = (
        f"{who(this, over)}为{fmt(over.value)}，上年（{year}年，{last_name}）"
        f"“结转下年度继续办理”为{fmt(forward.value)}"
    )
    en = (
        f"{who(this, over)} is {fmt(over.value)}; last year's ({year}, {last_name}) "
        f"carried_forward is {fmt(forward.value)}"
    )
    return Outcome(
        rule=rule,
        status=status,
        message_zh=zh + ("" if difference == 0 else f"，相差{fmt(difference)}"),
        message_en=en + ("" if difference == 0 else f"; difference {fmt(difference)}"),
        cells=(over,),
        other=last_name,
        other_cells=(forward,),
        expected=forward.value,
        actual=over.value,
        difference=difference,
    )


def _in_force(rule: Rule, this: Report, last: Report, last_name: str) -> Outcome:
    issued, repealed, in_force = _cells(this, rule.reads)
    before = get_cell(last, rule.reads[2])
    bad = number_cells((issued, repealed, in_force, before))
    if bad:
        outcome = not_assessable(rule, this, (issued, repealed, in_force), bad)
        return attrs.evolve(outcome, other=last_name, other_cells=(before,))
    assert None not in (issued.value, repealed.value, in_force.value, before.value)
    expected: Number = before.value + issued.value - repealed.value  # type: ignore[operator]
    actual = in_force.value
    assert actual is not None
    difference = actual - expected
    zh = (
        f"上年现行有效{fmt(before.value)} + 本年制发{fmt(issued.value)} − 本年废止"
        f"{fmt(repealed.value)} = {fmt(expected)}，本年现行有效件数为{fmt(actual)}"
    )
    en = (
        f"last year's in force {fmt(before.value)} + issued {fmt(issued.value)} − repealed "
        f"{fmt(repealed.value)} = {fmt(expected)}; this year's in force is {fmt(actual)}"
    )
    return Outcome(
        rule=rule,
        status=Status.PASS if difference == 0 else Status.FAIL,
        message_zh=zh + ("" if difference == 0 else f"，相差{fmt(difference)}"),
        message_en=en + ("" if difference == 0 else f"; difference {fmt(difference)}"),
        cells=(issued, repealed, in_force),
        other=last_name,
        other_cells=(before,),
        expected=expected,
        actual=actual,
        difference=difference,
    )


def _later(reports: Sequence[Report], i: int, j: int) -> tuple[int, int]:
    """(later, earlier) of reports ``i < j``: by year, then by the order given."""
    yi, yj = reports[i].metadata.year, reports[j].metadata.year
    if yi is not None and yj is not None and yi > yj:
        return i, j
    return j, i


def _fingerprint(report: Report) -> tuple[tuple[str, object], ...]:
    return tuple(
        (str(CellRef.of(cell)), cell.value if cell.kind is CellKind.NUMBER else cell.kind.value)
        for cell in report.cells()
    )


def _years(
    reports: Sequence[Report], names: Sequence[str], rules: dict[str, list[Rule]]
) -> list[tuple[int, Outcome]]:
    out: list[tuple[int, Outcome]] = []
    for i, j in combinations(range(len(reports)), 2):
        a, b = reports[i].metadata, reports[j].metadata
        if a.organization is None or b.organization is None or a.year is None or b.year is None:
            continue
        if abs(a.year - b.year) != 1 or not same_body(a.organization, b.organization):
            continue
        later, earlier = _later(reports, i, j)
        this, last = reports[later], reports[earlier]
        for rule in rules["across.carried_over"]:
            out.append((later, _carried_over(rule, this, last, names[earlier])))
        for rule in rules["across.in_force"]:
            out.append((later, _in_force(rule, this, last, names[earlier])))
    return out


def _clip(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[:size] + "…"


def _similar_text(
    reports: Sequence[Report], names: Sequence[str], rule: Rule
) -> list[tuple[int, Outcome]]:
    masked = [masked_prose(r) for r in reports]
    sets = [shingles(m) for m in masked]
    out: list[tuple[int, Outcome]] = []
    best: dict[int, tuple[float, int]] = {}
    flagged: set[int] = set()
    for i, j in combinations(range(len(reports)), 2):
        a, b = sets[i], sets[j]
        if min(len(a), len(b)) < MIN_SHINGLES:
            continue
        common = len(a & b)
        score = common / min(len(a), len(b))
        for k, other in ((i, j), (j, i)):
            if score > best.get(k, (-1.0, -1))[0]:
                best[k] = (score, other)
        if score < SIMILAR_TEXT:
            continue
        later, earlier = _later(reports, i, j)
        passages = shared_passages(masked[later], masked[earlier])
        jaccard = common / len(a | b)
        longest = _clip(passages[0].here.text) if passages else ""
        flagged.update((later, earlier))
        out.append(
            (
                later,
                Outcome(
                    rule=rule,
                    status=Status.FAIL,
                    message_zh=(
                        f"正文与{names[earlier]}雷同：{score:.0%}的8字片段相同"
                        f"（Jaccard {jaccard:.2f}）；最长的相同段落：“{longest}”"
                    ),
                    message_en=(
                        f"the prose is near-identical to {names[earlier]}: {score:.0%} of its "
                        f"8-character passages are shared (Jaccard {jaccard:.2f}); longest "
                        f"shared passage: “{longest}”"
                    ),
                    spans=tuple(p.here for p in passages),
                    other=names[earlier],
                    other_spans=tuple(p.there for p in passages),
                    score=score,
                ),
            )
        )
    for k in range(len(reports)):
        if k in flagged or len(reports) < 2:
            continue
        if len(sets[k]) < MIN_SHINGLES:
            out.append(
                (
                    k,
                    Outcome(
                        rule=rule,
                        status=Status.NOT_ASSESSABLE,
                        message_zh="无法评估：正文太短",
                        message_en="not assessable: the prose is too short to compare",
                    ),
                )
            )
            continue
        score, other = best.get(k, (0.0, -1))
        closest = f"（最接近：{names[other]}，{score:.0%}）" if other >= 0 else ""
        closest_en = f" (closest: {names[other]}, {score:.0%})" if other >= 0 else ""
        out.append(
            (
                k,
                Outcome(
                    rule=rule,
                    status=Status.PASS,
                    message_zh=f"与其他{len(reports) - 1}份报告不雷同{closest}",
                    message_en=f"not near-identical to any of {len(reports) - 1} others{closest_en}",
                    score=score if other >= 0 else None,
                    other=names[other] if other >= 0 else None,
                ),
            )
        )
    return out


def _same_data(
    reports: Sequence[Report], names: Sequence[str], rule: Rule
) -> list[tuple[int, Outcome]]:
    groups: dict[tuple[tuple[str, object], ...], list[int]] = defaultdict(list)
    for k, report in enumerate(reports):
        groups[_fingerprint(report)].append(k)
    out: list[tuple[int, Outcome]] = []
    for members in groups.values():
        first = members[0]
        nonzero = [c for c in reports[first].cells() if c.kind is CellKind.NUMBER and c.value]
        if len(members) < 2 or len(nonzero) < MIN_NONZERO:
            continue
        for k in members[1:]:
            later, earlier = _later(reports, first, k)
            out.append(
                (
                    later,
                    Outcome(
                        rule=rule,
                        status=Status.FAIL,
                        message_zh=(
                            f"表格数据与{names[earlier]}完全相同（{len(nonzero)}个非零数值）"
                        ),
                        message_en=(
                            f"the tables are identical to those of {names[earlier]} "
                            f"({len(nonzero)} non-zero values)"
                        ),
                        cells=tuple(nonzero),
                        other=names[earlier],
                        score=1.0,
                    ),
                )
            )
    return out


def check_all(
    reports: Sequence[Report], names: Sequence[str] | None = None
) -> tuple[CheckResult, ...]:
    """Check each report, then the rules across them; one result per report, in order.

    ``names`` say what each report is called in messages (e.g. its path);
    by default "body year".
    """
    if names is None:
        names = [
            f"{r.metadata.organization or '?'} {r.metadata.year or '?'}".strip() for r in reports
        ]
    if len(names) != len(reports):
        raise ValueError("names and reports differ in number")
    rules = _rules()
    extra: dict[int, list[Outcome]] = defaultdict(list)
    found = _years(reports, names, rules)
    if len(reports) >= 2:
        found += _similar_text(reports, names, rules["across.similar_text"][0])
        found += _same_data(reports, names, rules["across.same_data"][0])
    for index, outcome in found:
        extra[index].append(outcome)
    results = []
    for k, report in enumerate(reports):
        result = check(report, name=names[k])
        results.append(attrs.evolve(result, outcomes=result.outcomes + tuple(extra[k])))
    return tuple(results)
