"""The records of the checker: rules (data), outcomes and results.

A :class:`Rule` is a declaration: an id, a title in Chinese and in English,
where its authority comes from, how serious a failure is, and what it reads
(table cells, prose). Rules never hold code; the engine looks up how to
decide a rule by its ``method``. An :class:`Outcome` is what one rule says
about one report (or a pair of reports): pass, fail or not assessable, with
the values, cells and prose spans that decided it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Literal

import attrs

from govinfo_report._location import Location
from govinfo_report.model import Cell, Report, Severity

__all__ = [
    "Authority",
    "CellRef",
    "CheckResult",
    "Equation",
    "Number",
    "Outcome",
    "Rule",
    "Status",
    "TextSpan",
]

#: A value a rule compares: a count (``int``), an amount (``Decimal``), or text (a year range…).
Number = int | Decimal


class Authority(enum.Enum):
    """Where a rule's authority comes from (the order of docs/rules.md)."""

    #: Printed in the form itself (the carry-over note in table 三's header).
    FORM = "form"
    #: Implied by the form's arithmetic (totals, non-negative counts).
    ARITHMETIC = "arithmetic"
    #: Completeness (要素齐全): sections, tables, cells, title, year.
    COMPLETENESS = "completeness"
    #: The prose against the tables.
    TEXT = "text"
    #: Plausibility: not impossible, but suspect.
    PLAUSIBILITY = "plausibility"
    #: Across reports: years of one body, or two bodies.
    ACROSS = "across"

    @property
    def title_zh(self) -> str:
        return _AUTHORITY_TITLES[self][0]

    @property
    def title_en(self) -> str:
        return _AUTHORITY_TITLES[self][1]


_AUTHORITY_TITLES = {
    Authority.FORM: ("表格印明的勾稽关系", "Printed in the form"),
    Authority.ARITHMETIC: ("表格隐含的算术关系", "Implied by the form's arithmetic"),
    Authority.COMPLETENESS: ("要素齐全", "Completeness"),
    Authority.TEXT: ("文字与表格一致", "Text against tables"),
    Authority.PLAUSIBILITY: ("合理性", "Plausibility"),
    Authority.ACROSS: ("跨报告", "Across reports"),
}


class Status(enum.Enum):
    """What a rule concluded."""

    PASS = "pass"
    FAIL = "fail"
    #: An operand is blank, a marker, unreadable or missing: the rule cannot decide.
    NOT_ASSESSABLE = "not_assessable"


@attrs.frozen(kw_only=True, order=True)
class CellRef:
    """A cell of the format, by keys: table, row and column."""

    table: str
    row: str
    column: str

    def __str__(self) -> str:
        return f"{self.table}/{self.row}/{self.column}"

    @classmethod
    def of(cls, cell: Cell) -> CellRef:
        return cls(table=cell.table, row=cell.row, column=cell.column)


@attrs.frozen(kw_only=True)
class Equation:
    """``sum(left) == sum(right)``; ``right`` holds the printed total side."""

    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]


@attrs.frozen(kw_only=True, repr=False)
class Rule:
    """A rule a reviewer checks, declared as data."""

    #: Stable id, ``family[subject]`` for rules derived per column or row.
    id: str
    #: Rules derived from one format relation share a family ("applications.carry_over").
    family: str
    title_zh: str
    title_en: str
    authority: Authority
    severity: Severity
    #: How the engine decides the rule ("equation", "values", "sections", …).
    method: str
    #: The column or row a derived rule is about (``None`` for a whole-report rule).
    subject: str | None = None
    #: Table cells the rule reads.
    reads: tuple[CellRef, ...] = ()
    #: Prose the rule reads: "title", "preamble" or a section key.
    reads_text: tuple[str, ...] = ()
    #: For arithmetic rules: the equation, derived from the format description.
    equation: Equation | None = None
    #: Only for reports whose table 三 is printed this way ("split"/"single"); ``None``: all.
    variant: Literal["split", "single"] | None = None
    #: "report": decided on one report; "collection": needs other reports.
    scope: Literal["report", "collection"] = "report"
    #: How the rule decides, for docs/rules.md.
    explanation_zh: str = ""
    explanation_en: str = ""

    def applies_to(self, report: Report) -> bool:
        """Whether the rule runs on ``report`` (its format and printing)."""
        if self.variant is None:
            return True
        try:
            return report.table(self.reads[0].table).variant == self.variant
        except (KeyError, IndexError):
            return False

    def __repr__(self) -> str:
        # The cells a rule reads and its explanations run to kilobytes; its id names it.
        return f"<Rule {self.id} {self.severity.value}>"


@attrs.frozen(kw_only=True)
class TextSpan:
    """A piece of prose a rule read: its paragraph, and the matched substring."""

    #: "title", "preamble", or the key of the section holding the paragraph.
    part: str
    #: Index of the paragraph within its part.
    paragraph: int
    location: Location | None
    #: The matched substring, as printed.
    text: str
    #: Offsets of ``text`` within the paragraph's text.
    start: int
    end: int

    def __str__(self) -> str:
        where = str(self.location) if self.location is not None else self.part
        return f"{where} [{self.start}:{self.end}] “{self.text}”"

    def to_dict(self) -> dict[str, Any]:
        return {
            "part": self.part,
            "paragraph": self.paragraph,
            "location": None if self.location is None else self.location.to_dict(),
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }


def _plain(value: Number | str | None) -> int | float | str | None:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def cell_to_dict(cell: Cell) -> dict[str, Any]:
    """A cell as JSON-compatible data (value, raw text, kind and location)."""
    return {
        "cell": str(CellRef.of(cell)),
        "kind": cell.kind.value,
        "value": _plain(cell.value),
        "raw": cell.raw,
        "location": None if cell.location is None else cell.location.to_dict(),
        "doubtful": cell.doubtful,
    }


#: How much of an outcome's message its repr shows (a list of blank cells runs to kilobytes).
_REPR_MESSAGE = 80


def _shorten(text: str, width: int = _REPR_MESSAGE) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


@attrs.frozen(kw_only=True, repr=False)
class Outcome:
    """What one rule concluded about one report."""

    rule: Rule
    status: Status
    message_zh: str
    message_en: str
    #: Every cell involved, with its location.
    cells: tuple[Cell, ...] = ()
    #: The operands that are not numbers (why the rule is not assessable).
    unassessable: tuple[Cell, ...] = ()
    #: Prose the rule read (the statement compared, the year that slipped…).
    spans: tuple[TextSpan, ...] = ()
    expected: Number | str | None = None
    actual: Number | str | None = None
    difference: Number | None = None
    #: Across reports: the other report (its name), and its cells and spans.
    other: str | None = None
    other_cells: tuple[Cell, ...] = ()
    other_spans: tuple[TextSpan, ...] = ()
    #: A similarity score in [0, 1] (雷同 rules).
    score: float | None = None

    @property
    def severity(self) -> Severity:
        return self.rule.severity

    @property
    def passed(self) -> bool:
        return self.status is Status.PASS

    @property
    def failed(self) -> bool:
        return self.status is Status.FAIL

    def message(self, lang: Literal["zh", "en"] = "en") -> str:
        return self.message_zh if lang == "zh" else self.message_en

    def to_dict(self) -> dict[str, Any]:
        """JSON-compatible form."""
        out: dict[str, Any] = {
            "rule": self.rule.id,
            "family": self.rule.family,
            "status": self.status.value,
            "severity": self.rule.severity.value,
            "authority": self.rule.authority.value,
            "title_zh": self.rule.title_zh,
            "title_en": self.rule.title_en,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
            "expected": _plain(self.expected),
            "actual": _plain(self.actual),
            "difference": _plain(self.difference),
            "cells": [cell_to_dict(c) for c in self.cells],
            "unassessable": [str(CellRef.of(c)) for c in self.unassessable],
            "spans": [s.to_dict() for s in self.spans],
        }
        if self.other is not None:
            out["other"] = self.other
            out["other_cells"] = [cell_to_dict(c) for c in self.other_cells]
            out["other_spans"] = [s.to_dict() for s in self.other_spans]
        if self.score is not None:
            out["score"] = round(self.score, 4)
        return out

    def __repr__(self) -> str:
        # The full record holds the rule and every cell it read: say what it concluded.
        return (
            f"<Outcome {self.status.value} {self.severity.value} {self.rule.id}: "
            f"{_shorten(self.message_en)}>"
        )


_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(kw_only=True, repr=False)
class CheckResult:
    """Every rule's outcome on one report."""

    report: Report
    outcomes: tuple[Outcome, ...]
    #: What the report is called in messages (its path, for the command line).
    name: str | None = None

    def __iter__(self) -> Iterator[Outcome]:
        return iter(self.outcomes)

    def __len__(self) -> int:
        return len(self.outcomes)

    @property
    def failures(self) -> tuple[Outcome, ...]:
        """Failed rules, errors first, then warnings, then infos."""
        failed = [o for o in self.outcomes if o.status is Status.FAIL]
        return tuple(sorted(failed, key=lambda o: _SEVERITY_ORDER[o.severity]))

    @property
    def errors(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.failures if o.severity is Severity.ERROR)

    @property
    def not_assessable(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.status is Status.NOT_ASSESSABLE)

    @property
    def passed(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.status is Status.PASS)

    @property
    def ok(self) -> bool:
        """No rule of error severity failed."""
        return not self.errors

    def outcome(self, rule_id: str) -> Outcome:
        """The (first) outcome of rule ``rule_id``."""
        for outcome in self.outcomes:
            if outcome.rule.id == rule_id:
                return outcome
        raise KeyError(rule_id)

    def by_family(self, family: str) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.rule.family == family)

    def __repr__(self) -> str:
        # The full record (the report and every outcome with its rule) runs to hundreds of
        # kilobytes, too much for a notebook: say whose report and how it fared.
        meta = self.report.metadata
        who = f"{meta.organization or '?'} {meta.year or '?'}"
        if self.name is not None and self.name != who:  # check_all's default name is ``who``
            who += f" ({self.name!r})"
        errors = len(self.errors)
        return (
            f"<CheckResult {who}: "
            f"{len(self.failures)} failed ({errors} error{'' if errors == 1 else 's'}), "
            f"{len(self.not_assessable)} not assessable, {len(self.passed)} passed>"
        )
