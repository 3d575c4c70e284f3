"""Deciding the arithmetic rules: equations derived from the format, and value types."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from govinfo_report.checks._common import fmt, get_cell, not_assessable, number_cells, total, who
from govinfo_report.checks._model import Number, Outcome, Rule, Status
from govinfo_report.formats import FORMATS
from govinfo_report.model import Cell, CellKind, Report

__all__ = ["equation", "values"]

#: Up to this many terms a sum is written out term by term in a message.
_MAX_TERMS = 6


def _terms(report: Report, cells: Sequence[Cell], value: Number, lang: str) -> str:
    if len(cells) == 1:
        return f"{who(report, cells[0])} {fmt(cells[0].value)}"
    if len(cells) <= _MAX_TERMS:
        joined = " + ".join(f"{who(report, c)} {fmt(c.value)}" for c in cells)
        return f"{joined} = {fmt(value)}"
    # Every non-zero term is named: the wrong one is among them, or is a 0 that should not be.
    nonzero = [c for c in cells if c.value]
    shown = "; ".join(f"{who(report, c)} {fmt(c.value)}" for c in nonzero)
    if lang == "zh":
        return f"{len(cells)}项之和 {fmt(value)}（非零项：{shown or '无'}）"
    return f"the sum of {len(cells)} rows, {fmt(value)} (non-zero: {shown or 'none'})"


def equation(rule: Rule, report: Report) -> Outcome:
    """``sum(left) == sum(right)``: pass, fail with the difference, or not assessable."""
    assert rule.equation is not None
    left = [get_cell(report, ref) for ref in rule.equation.left]
    right = [get_cell(report, ref) for ref in rule.equation.right]
    cells = (*left, *right)
    bad = number_cells(cells)
    if bad:
        return not_assessable(rule, report, cells, bad)
    expected = total(left)
    actual = total(right)
    difference = actual - expected
    if difference == 0:
        return Outcome(
            rule=rule,
            status=Status.PASS,
            message_zh=f"相符：{fmt(actual)}",
            message_en=f"holds: {fmt(actual)}",
            cells=cells,
            expected=expected,
            actual=actual,
            difference=difference,
        )
    right_zh, right_en = _terms(report, right, actual, "zh"), _terms(report, right, actual, "en")
    left_zh, left_en = _terms(report, left, expected, "zh"), _terms(report, left, expected, "en")
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=f"{right_zh}，但应为 {left_zh}；相差 {fmt(difference)}",
        message_en=f"{right_en}, but it should be {left_en}; difference {fmt(difference)}",
        cells=cells,
        expected=expected,
        actual=actual,
        difference=difference,
    )


def values(rule: Rule, report: Report) -> Outcome:
    """Counts are non-negative whole numbers; amounts non-negative; deltas whole numbers."""
    spec = FORMATS[report.format].table(rule.reads[0].table)
    types = {c.key: c.type for c in spec.columns}
    cells = tuple(report.table(spec.key).cells()) if rule.reads else ()
    numbers = [c for c in cells if c.kind is CellKind.NUMBER]
    if not numbers:
        return not_assessable(rule, report, cells, cells)
    wrong: list[tuple[Cell, str, str]] = []
    for cell in numbers:
        kind = types[cell.column]
        value = cell.value
        assert value is not None
        whole = not isinstance(value, Decimal) or value == value.to_integral_value()
        if kind in ("count", "delta") and not whole:
            wrong.append((cell, "不是整数", "is not a whole number"))
        elif kind in ("count", "amount") and value < 0:
            wrong.append((cell, "为负数", "is negative"))
    if not wrong:
        return Outcome(
            rule=rule,
            status=Status.PASS,
            message_zh=f"{len(numbers)}个数值类型正确",
            message_en=f"{len(numbers)} values of the right type",
            cells=tuple(numbers),
        )
    zh = "；".join(f"{who(report, c)} {fmt(c.value)} {z}" for c, z, _ in wrong)
    en = "; ".join(f"{who(report, c)} {fmt(c.value)} {e}" for c, _, e in wrong)
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=zh,
        message_en=en,
        cells=tuple(c for c, _, _ in wrong),
        actual=wrong[0][0].value,
    )
