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


@attrs.frozen(kw_only=True)
class TableCell:
    """One cell of a table, as it appears in the source."""

    text: str
    row: int
    column: int
    location: Location
    rowspan: int = 1
    colspan: int = 1


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
