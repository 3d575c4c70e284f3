"""The official form's tables as grids of merged cells, for renderers that draw real tables.

Each table of the 2021 form is laid out as the national template has it:

* table 二: four blocks, each a block title across the 4 columns, a header row
  (信息内容 and the block's columns; a single column spans 3) and its rows;
* table 三: the note over 3 header rows and 3 label columns, 申请人情况 over the
  applicant columns, 总计 down the 3 header rows, 自然人 down 2, 法人或其他组织
  over its 5 columns; then the rows, with 三、本年度办理结果 down all result rows
  and （三）…（六） down their items; a top-level row's label spans the 3 label
  columns, a group-level row's (（一）, （二）, （七）) the last 2;
* table 四: 行政复议 over 5 columns and 行政诉讼 over 10, the review outcomes down
  2 header rows, 未经复议直接起诉 and 复议后起诉 over 5 each, then one row of 15 values.

A renderer draws the cells and merges the spans; it decides how text and values
are printed through the ``label`` hook and the cells' ``value``.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from govinfo_report.formats import TableSpec
from govinfo_report.synth import SyntheticReport, Value, render_value

__all__ = ["FormCell", "FormGrid", "form_grid", "preamble"]

#: The note at the head of table 三, as the form prints it.
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
#: Contact field names as reports print them.
CONTACT_NAMES = {
    "address": "地址",
    "postcode": "邮编",
    "phone": "电话",
    "email": "电子邮箱",
    "website": "网址",
}


def preamble(report: SyntheticReport) -> list[str]:
    """The paragraphs before section 一: the statistics period, then the contact details."""
    year = report.year
    out = [f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"]
    if report.contact:
        parts = "；".join(f"{CONTACT_NAMES[k]}：{v}" for k, v in report.contact.items())
        out.append(f"如对本报告有疑问，请与{report.organization}联系（{parts}）。")
    return out


@attrs.frozen(kw_only=True)
class FormCell:
    """One drawn cell: where it starts, how far it spans, what it says."""

    row: int
    column: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    #: Whether this is a value cell (``value`` is what it prints).
    is_value: bool = False
    value: Value = None


@attrs.define
class FormGrid:
    """A table laid out on its grid."""

    columns: int
    cells: list[FormCell] = attrs.field(factory=list)
    rows: int = 0

    def add(self, row: int, column: int, text: str, rowspan: int = 1, colspan: int = 1) -> None:
        self.cells.append(
            FormCell(row=row, column=column, text=text, rowspan=rowspan, colspan=colspan)
        )
        self.rows = max(self.rows, row + rowspan)

    def value(self, row: int, column: int, value: Value, colspan: int = 1) -> None:
        self.cells.append(
            FormCell(
                row=row,
                column=column,
                text=render_value(value),
                colspan=colspan,
                is_value=True,
                value=value,
            )
        )
        self.rows = max(self.rows, row + 1)


Label = Callable[[str], str]


def _active(report: SyntheticReport, table: TableSpec, label: Label) -> FormGrid:
    grid = FormGrid(4)
    block: str | None = None
    r = 0
    for row in table.rows:
        columns = table.row_columns(row)
        if row.block != block:
            block = row.block
            assert block is not None
            grid.add(r, 0, block, colspan=4)
            grid.add(r + 1, 0, "信息内容")
            if len(columns) == 1:
                grid.add(r + 1, 1, columns[0].label, colspan=3)
            else:
                for i, column in enumerate(columns):
                    grid.add(r + 1, 1 + i, label(column.label))
            r += 2
        values = report.values[table.key][row.key]
        grid.add(r, 0, label(row.label))
        if len(columns) == 1:
            grid.value(r, 1, values[0], colspan=3)
        else:
            for i, value in enumerate(values):
                grid.value(r, 1 + i, value)
        r += 1
    return grid


def _applications(report: SyntheticReport, table: TableSpec, label: Label) -> FormGrid:
    grid = FormGrid(10)
    natural, *legal, total = [label(c.label) for c in table.columns]
    grid.add(0, 0, NOTE, rowspan=3, colspan=3)
    grid.add(0, 3, "申请人情况", colspan=6)
    grid.add(0, 9, total, rowspan=3)
    grid.add(1, 3, natural, rowspan=2)
    grid.add(1, 4, "法人或其他组织", colspan=5)
    for i, text in enumerate(legal):
        grid.add(2, 4 + i, text)
    rows = table.rows_for(report.variant)
    under: dict[str, int] = {}  # rows under each group, to size its merged cell
    for row in rows:
        for group in table.ancestors(row):
            under[group] = under.get(group, 0) + 1
    seen: set[str] = set()
    for offset, row in enumerate(rows):
        r = 3 + offset
        chain = list(reversed(table.ancestors(row)))
        for depth, group in enumerate(chain):
            if group not in seen:
                seen.add(group)
                grid.add(r, min(depth, 1), label(table.group(group).label), rowspan=under[group])
        if not chain:
            grid.add(r, 0, label(row.label), colspan=3)
        elif len(chain) == 1:
            grid.add(r, 1, label(row.label), colspan=2)
        else:
            grid.add(r, 2, label(row.label))
        for i, value in enumerate(report.values[table.key][row.key]):
            grid.value(r, 3 + i, value)
    return grid


def _review(report: SyntheticReport, table: TableSpec, label: Label) -> FormGrid:
    grid = FormGrid(15)
    outcomes = [label(c.label) for c in table.columns]
    grid.add(0, 0, "行政复议", colspan=5)
    grid.add(0, 5, "行政诉讼", colspan=10)
    for i, text in enumerate(outcomes):
        grid.add(1, i, text, rowspan=2)
    grid.add(1, 5, "未经复议直接起诉", colspan=5)
    grid.add(1, 10, "复议后起诉", colspan=5)
    for i, text in enumerate(outcomes * 2):
        grid.add(2, 5 + i, text)
    values = [v for row in table.rows for v in report.values[table.key][row.key]]
    for i, value in enumerate(values):
        grid.value(3, i, value)
    return grid


_BUILDERS = {"active": _active, "applications": _applications, "review_litigation": _review}


def form_grid(report: SyntheticReport, table: TableSpec, label: Label = str) -> FormGrid:
    """Table ``table`` of ``report`` laid out as the official form; ``label`` prints labels."""
    return _BUILDERS[table.key](report, table, label)
