"""Running the rules on a report: each rule's ``method`` names how it is decided."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from govinfo_report.checks import _arith, _complete, _level, _prose
from govinfo_report.checks._model import CheckResult, Outcome, Rule
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
    for rule in chosen:
        if rule.scope != "report" or not rule.applies_to(report):
            continue
        outcomes.extend(decide(rule, report))
    return CheckResult(report=report, outcomes=tuple(outcomes), name=name)
