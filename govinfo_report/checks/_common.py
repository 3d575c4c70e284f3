"""Helpers every rule uses: fetching cells, naming them, and the not-assessable outcome."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from govinfo_report.checks._model import CellRef, Number, Outcome, Rule, Status
from govinfo_report.checks._names import cell_name, cell_where
from govinfo_report.formats import FORMATS
from govinfo_report.model import Cell, CellKind, Report

__all__ = [
    "all_zero",
    "fmt",
    "get_cell",
    "kind_phrase",
    "list_cells",
    "not_assessable",
    "number_cells",
    "total",
    "unknown",
    "who",
]

#: How many cells a message names before it says "and N more".
MAX_NAMED = 6


def get_cell(report: Report, ref: CellRef) -> Cell:
    """The report's cell at ``ref``; a MISSING cell when the report has no such cell."""
    try:
        return report.table(ref.table).cell(ref.row, ref.column)
    except KeyError:
        return Cell(
            table=ref.table,
            row=ref.row,
            column=ref.column,
            kind=CellKind.MISSING,
            value=None,
            raw=None,
        )


def number_cells(cells: Sequence[Cell]) -> tuple[Cell, ...]:
    """The cells among ``cells`` that do not hold a number."""
    return tuple(c for c in cells if c.kind is not CellKind.NUMBER)


def fmt(value: Number | str | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    return str(value)


def kind_phrase(cell: Cell) -> tuple[str, str]:
    """What a non-number cell holds, in Chinese and in English."""
    raw = (cell.raw or "").strip()
    if cell.kind is CellKind.BLANK:
        return "为空白", "is blank"
    if cell.kind is CellKind.MARKER:
        return f"为“{raw}”", f"holds the marker “{raw}”"
    if cell.kind is CellKind.UNREADABLE:
        return f"为无法读出数字的“{raw}”", f"holds “{raw}”, not a number"
    if cell.kind is CellKind.MISSING:
        return "缺失（文档中没有这一格）", "is missing (the document has no such cell)"
    return f"为{fmt(cell.value)}", f"is {fmt(cell.value)}"


def _spec_name(report: Report, cell: Cell) -> str:
    spec = FORMATS.get(report.format)
    if spec is None:
        return str(CellRef.of(cell))
    try:
        return cell_name(spec, cell)
    except KeyError:
        return str(CellRef.of(cell))


def who(report: Report, cell: Cell) -> str:
    """A cell's name and where it is: "表三 （七）总计 / 自然人 (line 346)"."""
    return f"{_spec_name(report, cell)} ({cell_where(cell)})"


def _missing_summary(report: Report, cells: Sequence[Cell], lang: str) -> list[str]:
    """Missing cells, one phrase per table: a lost table is one fact, not 175."""
    by_table: dict[str, int] = {}
    for cell in cells:
        by_table[cell.table] = by_table.get(cell.table, 0) + 1
    out = []
    spec = FORMATS.get(report.format)
    for table, count in by_table.items():
        name = f"表{spec.table(table).number}" if spec is not None else table
        found = report.table(table).found if table in {t.key for t in report.tables} else False
        if lang == "zh":
            why = "未找到该表" if not found else "缺行"
            out.append(f"{name}有{count}格缺失（{why}）")
        else:
            why = "the table was not found" if not found else "rows are missing"
            out.append(f"{count} cell(s) of {name} missing ({why})")
    return out


def list_cells(report: Report, cells: Sequence[Cell], *, lang: str) -> str:
    """Name the cells, each with what it holds, at most ``MAX_NAMED`` of them.

    Cells missing from the document are summarized per table.
    """
    present = [c for c in cells if c.kind is not CellKind.MISSING]
    missing = [c for c in cells if c.kind is CellKind.MISSING]
    parts = []
    for cell in present[:MAX_NAMED]:
        zh, en = kind_phrase(cell)
        parts.append(f"{who(report, cell)}{zh}" if lang == "zh" else f"{who(report, cell)} {en}")
    rest = len(present) - MAX_NAMED
    if rest > 0:
        parts.append(f"另有{rest}格" if lang == "zh" else f"and {rest} more")
    parts += _missing_summary(report, missing, lang)
    return ("；" if lang == "zh" else "; ").join(parts)


def not_assessable(
    rule: Rule, report: Report, cells: Sequence[Cell], bad: Sequence[Cell]
) -> Outcome:
    """The rule cannot decide: ``bad`` are the operands that are not numbers."""
    return Outcome(
        rule=rule,
        status=Status.NOT_ASSESSABLE,
        message_zh="无法评估：" + list_cells(report, bad, lang="zh"),
        message_en="not assessable: " + list_cells(report, bad, lang="en"),
        cells=tuple(cells),
        unassessable=tuple(bad),
    )


def total(cells: Sequence[Cell]) -> Number:
    """The sum of cells that all hold numbers."""
    out: Number = 0
    for cell in cells:
        assert cell.value is not None, "total() of a cell that holds no number"
        out += cell.value
    return out


def all_zero(rule: Rule, report: Report, cells: Sequence[Cell], zh: str, en: str) -> Outcome | None:
    """For rules that only matter when a cell is non-zero.

    ``None`` when some cell is a non-zero number (the rule must look further);
    otherwise a pass when all are 0, or not assessable naming the cells that
    hold no number (a blank could hide a non-zero value).
    """
    if any(c.value for c in cells):
        return None
    bad = number_cells(cells)
    if bad:
        return not_assessable(rule, report, cells, bad)
    return Outcome(rule=rule, status=Status.PASS, message_zh=zh, message_en=en, cells=tuple(cells))


def unknown(rule: Rule, zh: str, en: str, cells: Sequence[Cell] = ()) -> Outcome:
    """Not assessable because a fact about the report is unknown ("the report year")."""
    return Outcome(
        rule=rule,
        status=Status.NOT_ASSESSABLE,
        message_zh=f"无法评估：{zh}未知",
        message_en=f"not assessable: {en} is unknown",
        cells=tuple(cells),
    )
