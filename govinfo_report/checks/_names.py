"""Readable names for tables, rows, columns and cells, taken from the format description."""

from __future__ import annotations

from collections.abc import Sequence

from govinfo_report.formats import FormatSpec, TableSpec
from govinfo_report.model import Cell

__all__ = ["cell_name", "cell_where", "column_name", "row_name", "table_name"]


def _short(labels: Sequence[str]) -> str:
    # The shortest printed form is the one a reviewer recognizes at a glance
    # ("（二）部分公开", not the whole parenthetical note).
    return min(labels, key=len)


def table_name(spec: TableSpec) -> str:
    """ "表三" for table 三."""
    return f"表{spec.number}"


def row_name(spec: TableSpec, row_key: str) -> str:
    """A row's label, with its group for the numbered leaves ("（三）不予公开·1.属于国家秘密")."""
    row = spec.row(row_key)
    label = _short(row.labels)
    if row.parent is not None:
        group = spec.group(row.parent)
        # Top-level groups ("三、本年度办理结果") are left out: their rows are already unique.
        if group.parent is not None:
            return f"{_short(group.labels)}·{label}"
    return label


def column_name(spec: TableSpec, column_key: str) -> str:
    return _short(spec.column(column_key).labels)


def cell_name(format_spec: FormatSpec, cell: Cell) -> str:
    """A cell by its labels: "表三 一、本年新收政府信息公开申请数量 / 自然人"."""
    spec = format_spec.table(cell.table)
    row = row_name(spec, cell.row)
    if len(spec.row_columns(spec.row(cell.row))) == 1:
        return f"{table_name(spec)} {row}"
    return f"{table_name(spec)} {row} / {column_name(spec, cell.column)}"


def cell_where(cell: Cell) -> str:
    """Where the cell is in the input, or that it is not there."""
    if cell.location is None:
        return "not in the document" if cell.raw is None else "location unknown"
    return str(cell.location)
