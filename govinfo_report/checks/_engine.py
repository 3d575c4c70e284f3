"""Running the rules on a report: each rule's ``method`` names how it is decided."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from govinfo_report.checks import _arith, _complete, _level, _prose
from govinfo_report.checks._model import CheckResult, Outcome, Rule, Status
from govinfo_report.checks._rules import rules_for
from govinfo_report.model import Report

__all__ = ["check", "decide"]

Method = Callable[[Rule, Report], Outcome | list[Outcome]]

_METHODS: dict[str, Method] = {
    "equation": _arith.equation,
    "values": _arith.values,
    **_complete.METHODS,
    **_prose.METHODS,
    **_level.METHODS,
}


def decide(rule: Rule, report: Report) -> list[Outcome]:
    """The outcomes of one rule on one report (text rules give one per statement)."""
    result = _METHODS[rule.method](rule, report)
    return result if isinstance(result, list) else [result]


def check(
    report: Report, *, rules: Iterable[Rule] | None = None, name: str | None = None
) -> CheckResult:
    """Decide every rule of the report's format on ``report``.

    ``rules`` restricts the run to some rules (by default all per-report
    rules of the format); rules for another printing of table 三 are skipped.
    Returns a :class:`CheckResult` with one or more outcomes per rule.
    """
    chosen = rules_for(report.spec) if rules is None else tuple(rules)
    outcomes: list[Outcome] = []
    unchecked = _not_checkable(report)
    for rule in chosen:
        if rule.scope != "report" or not rule.applies_to(report):
            continue
        if unchecked is not None:
            outcomes.append(
                Outcome(
                    rule=rule,
                    status=Status.NOT_ASSESSABLE,
                    message_zh=f"无法评估：{unchecked[0]}",
                    message_en=f"not assessable: {unchecked[1]}",
                )
            )
            continue
        outcomes.extend(decide(rule, report))
    return CheckResult(report=report, outcomes=tuple(outcomes), name=name)


def _not_checkable(report: Report) -> tuple[str, str] | None:
    """Why the format's rules say nothing about ``report`` (zh, en), if they do not.

    A report on a year before its format (a 2009 report read against the 2021 form), or
    one in which none of the format's sections and tables was found (crawled text run
    together, another format), would fail every rule for what the reading could not
    see: its findings would blame the report for the reader's limits.
    """
    spec = report.spec
    year = report.metadata.year
    if year is not None and year < spec.first_year:
        return (
            f"报告年度{year}早于{spec.version}年版格式（适用于{spec.first_year}年及以后），"
            "其规则不适用",
            f"the report is on {year}, before the {spec.version} format (for "
            f"{spec.first_year} and later): its rules do not apply",
        )
    if not any(s.found for s in report.sections) and not any(t.found for t in report.tables):
        return (
            "文中未找到格式的任何部分和表格（可能是抓取时连在一起的文字，或其他格式）",
            "none of the format's sections and tables was found in the document (text "
            "run together by a crawler, or another format), so nothing is checked against it",
        )
    return None
