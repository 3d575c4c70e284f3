"""The reviewer's rules: check a parsed report (or a collection of reports).

>>> from govinfo_report import parse
>>> from govinfo_report.checks import check
>>> result = check(parse("report.docx"))          # doctest: +SKIP
>>> [o.message_en for o in result.failures]        # doctest: +SKIP

Every rule is declared as data (:class:`Rule`): an id, a title in Chinese and
in English, its authority, a severity and what it reads. The arithmetic rules
are derived from the format description. Each rule's :class:`Outcome` is a
pass, a failure (with expected and actual values, the difference, every cell
involved with its location, and a message in both languages) or *not
assessable* when an operand is blank, a marker, unreadable or missing: a
blank is never taken for 0. docs/rules.md lists every rule; it is generated
by ``python -m govinfo_report.checks --markdown``.
"""

from __future__ import annotations

from govinfo_report.checks._across import check_all, normalize_body, same_body
from govinfo_report.checks._engine import check
from govinfo_report.checks._model import (
    Authority,
    CellRef,
    CheckResult,
    Equation,
    Outcome,
    Rule,
    Status,
    TextSpan,
)
from govinfo_report.checks._rules import across_rules, rule_by_id, rules_for

__all__ = [
    "Authority",
    "CellRef",
    "CheckResult",
    "Equation",
    "Outcome",
    "Rule",
    "Status",
    "TextSpan",
    "across_rules",
    "check",
    "check_all",
    "normalize_body",
    "rule_by_id",
    "rules_for",
    "same_body",
]
