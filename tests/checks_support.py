"""Building :class:`Report` objects straight from synthetic values, for the checks' tests.

The checks read a ``Report``; these helpers make one from a
:class:`~govinfo_report.synth.SyntheticReport` without printing and parsing
it, so a property test of the rules fails only for the rules. Every cell gets
a location (a made-up line number) so messages can be checked to name it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

import attrs

from govinfo_report import Location
from govinfo_report.checks import CellRef
from govinfo_report.formats import FORMAT_2021
from govinfo_report.model import (
    Cell,
    CellKind,
    Metadata,
    Report,
    Section,
    TableData,
    TextBlock,
)
from govinfo_report.synth import SyntheticReport, Value

__all__ = ["as_single", "blank", "cell_of", "replace_cell", "to_report", "with_prose"]

#: Line numbers of table cells start here (prose lines are numbered from 1).
_FIRST_CELL_LINE = 1000


def _cell(table: str, row: str, column: str, value: Value, line: int) -> Cell:
    location = Location(carrier="text", line=line)
    if value is None:
        return Cell(
            table=table, row=row, column=column, kind=CellKind.BLANK, value=None, raw="",
            location=location,
        )  # fmt: skip
    if isinstance(value, str):
        return Cell(
            table=table, row=row, column=column, kind=CellKind.MARKER, value=None, raw=value,
            location=location,
        )  # fmt: skip
    return Cell(
        table=table, row=row, column=column, kind=CellKind.NUMBER, value=value, raw=str(value),
        location=location,
    )  # fmt: skip


def to_report(synthetic: SyntheticReport) -> Report:
    """The report a perfect parser would read from ``synthetic`` printed."""
    spec = synthetic.spec
    line = _FIRST_CELL_LINE
    tables = []
    for table in spec.tables:
        rows = []
        for row in table.rows_for(synthetic.variant):
            values = synthetic.values[table.key][row.key]
            cells = []
            for column, value in zip(table.row_columns(row), values, strict=True):
                cells.append(_cell(table.key, row.key, column.key, value, line))
                line += 1
            rows.append((row.key, tuple(cells)))
        tables.append(
            TableData(key=table.key, found=True, rows=tuple(rows), variant=synthetic.variant)
        )
    prose_line = 10
    sections = []
    for section in spec.sections:
        paragraphs = []
        for text in synthetic.prose.get(section.key, ()):
            paragraphs.append(
                TextBlock(text=text, location=Location(carrier="text", line=prose_line))
            )
            prose_line += 1
        sections.append(
            Section(
                number=section.number,
                key=section.key,
                heading=f"{section.number}、{section.title}",
                paragraphs=tuple(paragraphs),
                location=Location(carrier="text", line=prose_line),
            )
        )
        prose_line += 1
    title = f"{synthetic.organization}{synthetic.year}年政府信息公开工作年度报告"
    return Report(
        format=spec.version,
        carrier="text",
        encoding="utf-8",
        metadata=Metadata(
            title=title,
            title_location=Location(carrier="text", line=1),
            organization=synthetic.organization,
            year=synthetic.year,
            year_source="title",
        ),
        preamble=(TextBlock(text=title, location=Location(carrier="text", line=1)),),
        sections=tuple(sections),
        tables=tuple(tables),
        diagnostics=(),
    )


def as_single(synthetic: SyntheticReport) -> SyntheticReport:
    """The same report with （六）其他处理 printed as one row (the sum of its three)."""
    applications = FORMAT_2021.table("applications")
    split = [r.key for r in applications.rows if r.variant == "split"]
    rows = dict(synthetic.values["applications"])
    parts = [rows.pop(key) for key in split]
    total: list[Value] = []
    for column in zip(*parts, strict=True):
        numbers = [v for v in column if isinstance(v, (int, Decimal))]
        total.append(sum(numbers) if len(numbers) == len(column) else None)
    rows["other_single"] = tuple(total)
    values = {**synthetic.values, "applications": rows}
    return attrs.evolve(synthetic, values=values, variant="single")


def with_prose(synthetic: SyntheticReport, **sections: Sequence[str]) -> SyntheticReport:
    """``synthetic`` with the prose of some sections replaced."""
    prose: dict[str, tuple[str, ...]] = dict(synthetic.prose)
    prose.update({key: tuple(texts) for key, texts in sections.items()})
    return attrs.evolve(synthetic, prose=prose)


def cell_of(report: Report, ref: CellRef) -> Cell:
    return report.table(ref.table).cell(ref.row, ref.column)


def replace_cell(report: Report, ref: CellRef, **changes: object) -> Report:
    """``report`` with the cell at ``ref`` changed (``kind=…, value=…, raw=…``)."""
    tables = []
    for table in report.tables:
        if table.key != ref.table:
            tables.append(table)
            continue
        rows = []
        for key, cells in table.rows:
            if key == ref.row:
                cells = tuple(
                    attrs.evolve(c, **changes) if c.column == ref.column else c  # type: ignore[arg-type]
                    for c in cells
                )
            rows.append((key, cells))
        tables.append(attrs.evolve(table, rows=tuple(rows)))
    return attrs.evolve(report, tables=tuple(tables))


def blank(report: Report, ref: CellRef) -> Report:
    """``report`` with the cell at ``ref`` blank."""
    return replace_cell(report, ref, kind=CellKind.BLANK, value=None, raw="")


def set_values(
    synthetic: SyntheticReport, table: str, rows: Mapping[str, tuple[Value, ...]]
) -> SyntheticReport:
    """``synthetic`` with some rows of ``table`` replaced."""
    values = {**synthetic.values, table: {**synthetic.values[table], **rows}}
    return attrs.evolve(synthetic, values=values)
