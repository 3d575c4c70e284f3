"""The intermediate representation every reader produces.

Theory of operation: a reader (plain text, HTML, DOCX, PDF) knows its carrier
and nothing about the report format; it turns the input into an ordered
sequence of blocks, either paragraphs or tables. A table is a list of rows;
each row lists the cells that *start* in it, with their grid column and
row/column span, so a merged cell appears once. Blank cells are present as
cells with empty text: they are how a blank value reaches the recognizer.
The recognizer (``_recognize``) reads only this representation, so adding a
carrier never changes it.
"""

from __future__ import annotations

import attrs

from govinfo_report._location import Location

__all__ = ["Block", "Document", "Paragraph", "Table", "TableCell"]


@attrs.frozen(kw_only=True)
class Paragraph:
    """A paragraph of running text (a heading is a paragraph too)."""

    text: str
    location: Location
    #: Auto-numbering the carrier drew (DOCX w:numPr); the DOCX reader also prefixes it to ``text``.
    numbering: str | None = None


# Neither frozen nor keyword-only, on purpose: a report has hundreds of cells, and a
# frozen attrs instance costs four times a plain slotted one to build (1 µs against
# 0.25 µs), a keyword call more than twice a positional one; either alone was more than
# the text reader's whole budget. The text and HTML readers build cells positionally, in
# field order, and nothing changes a cell once its reader has returned.
@attrs.define
class TableCell:
    """One cell of a table, as it appears in the source.

    Its :class:`Location` is built when asked for, from ``base`` (shared by the
    table's cells) plus the cell's own row, column, lines or element path: most
    cells are never asked where they are.
    """

    text: str
    row: int
    column: int
    #: What the cell shares with its neighbours: carrier, part, page, table.
    base: Location
    #: The cell's own element path (HTML), when the carrier has one.
    path: str | None = None
    #: The cell's own first and last source line (text), when the carrier has lines.
    line: int | None = None
    end_line: int | None = None
    rowspan: int = 1
    colspan: int = 1

    @property
    def location(self) -> Location:
        """Where the cell is: ``base`` with this cell's row, column, lines and path."""
        base = self.base
        return Location(
            carrier=base.carrier,
            line=base.line if self.line is None else self.line,
            end_line=base.end_line if self.line is None else self.end_line,
            path=base.path if self.path is None else self.path,
            part=base.part,
            page=base.page,
            bbox=base.bbox,
            table=base.table,
            row=self.row,
            column=self.column,
        )


@attrs.frozen(kw_only=True)
class Table:
    """A table: rows of cells in reading order."""

    rows: tuple[tuple[TableCell, ...], ...]
    location: Location

    def layout(self) -> list[list[tuple[str, int, int, int, int]]]:
        """Each row's cells as (text, row, column, rowspan, colspan): for tests and debugging."""
        return [
            [(cell.text, cell.row, cell.column, cell.rowspan, cell.colspan) for cell in row]
            for row in self.rows
        ]


Block = Paragraph | Table


@attrs.frozen(kw_only=True)
class Document:
    """A whole input as blocks in reading order."""

    blocks: tuple[Block, ...]
    carrier: str
    #: The text encoding that was used to decode the input, where there was one.
    encoding: str | None = None
    #: Repairs and doubts the reader noted: (code, message, location).
    notes: tuple[tuple[str, str, Location | None], ...] = ()

    def paragraphs(self) -> list[Paragraph]:
        """The paragraph blocks, in order."""
        return [block for block in self.blocks if isinstance(block, Paragraph)]

    def tables(self) -> list[Table]:
        """The table blocks, in order."""
        return [block for block in self.blocks if isinstance(block, Table)]
