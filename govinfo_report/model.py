"""The typed, frozen result of :func:`govinfo_report.parse`.

A :class:`Report` holds the metadata, the six sections, and tables 二/三/四
as :class:`TableData` whose every :class:`Cell` keeps its raw text, its
kind, its value and where it came from. Blank is never 0: a blank cell has
kind ``BLANK`` and value ``None``. ``Report.to_dict()`` is the plain-values
view; its keys are documented in docs/export.md.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Literal

import attrs

from govinfo_report._location import Location
from govinfo_report.formats import FORMATS, FormatSpec, TableSpec

__all__ = [
    "Cell",
    "CellKind",
    "Contact",
    "Diagnostic",
    "Metadata",
    "Report",
    "Section",
    "Severity",
    "TableData",
    "TextBlock",
]


class CellKind(enum.Enum):
    """What a value cell holds."""

    #: A number: ``Cell.value`` is an ``int`` (counts) or a ``Decimal`` (amounts).
    NUMBER = "number"
    #: Nothing at all. Not 0.
    BLANK = "blank"
    #: A not-applicable marker such as "/", "-", "—" or "无". Not 0.
    MARKER = "marker"
    #: Text that is not a number ("3601627.4元" in a 万元 column, "若干").
    UNREADABLE = "unreadable"
    #: The document has no cell for this value (a table or row is missing or damaged).
    MISSING = "missing"


class Severity(enum.Enum):
    """How serious a diagnostic is."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


@attrs.frozen(kw_only=True)
class Diagnostic:
    """A repair the parser made or a doubt it has, with where."""

    code: str
    severity: Severity
    message: str
    location: Location | None = None

    def __str__(self) -> str:
        where = f" [{self.location}]" if self.location is not None else ""
        return f"{self.severity.value}: {self.code}: {self.message}{where}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "location": None if self.location is None else self.location.to_dict(),
        }


@attrs.frozen(kw_only=True)
class Cell:
    """One value cell of a table."""

    table: str
    row: str
    column: str
    kind: CellKind
    value: int | Decimal | None
    #: The cell's text as printed (``None`` when the cell is missing).
    raw: str | None
    location: Location | None = None
    #: The parser is not sure this cell was placed right; a diagnostic says why.
    doubtful: bool = False


@attrs.frozen(kw_only=True, repr=False)
class TableData:
    """A recognized table: for each row key, its cells in column order."""

    key: str
    #: Whether the table was found in the document at all.
    found: bool
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]
    #: Table 三's printing of （六）其他处理: "split" (three rows) or "single" (one row).
    variant: Literal["split", "single"] = "split"
    location: Location | None = None

    def row(self, key: str) -> tuple[Cell, ...]:
        """The cells of row ``key``, in column order."""
        for row_key, cells in self.rows:
            if row_key == key:
                return cells
        raise KeyError(f"table {self.key!r} has no row {key!r}")

    def cell(self, row: str, column: str) -> Cell:
        """The cell at (``row``, ``column``)."""
        for cell in self.row(row):
            if cell.column == column:
                return cell
        raise KeyError(f"row {row!r} of table {self.key!r} has no column {column!r}")

    def values(self, row: str) -> tuple[int | Decimal | None, ...]:
        """The values of row ``row`` (``None`` where not a number)."""
        return tuple(cell.value for cell in self.row(row))

    def cells(self) -> Iterator[Cell]:
        for _, cells in self.rows:
            yield from cells

    def __repr__(self) -> str:
        # A table has hundreds of cells: a summary reads better in a notebook or a log.
        kinds: dict[str, int] = {}
        for cell in self.cells():
            kinds[cell.kind.value] = kinds.get(cell.kind.value, 0) + 1
        parts = [f"{len(self.rows)} rows", *(f"{n} {kind}" for kind, n in sorted(kinds.items()))]
        if not self.found:
            parts.append("not found")
        return f"<TableData {self.key!r}: {', '.join(parts)}>"


@attrs.frozen(kw_only=True)
class TextBlock:
    """A paragraph of prose with its location."""

    text: str
    location: Location


@attrs.frozen(kw_only=True)
class Section:
    """One of the six numbered sections."""

    #: The official numeral ("一" … "六").
    number: str
    key: str
    #: The heading as printed (``None`` when the section was not found).
    heading: str | None
    paragraphs: tuple[TextBlock, ...] = ()
    location: Location | None = None

    @property
    def found(self) -> bool:
        return self.heading is not None

    @property
    def text(self) -> str:
        """The section's prose, paragraphs separated by newlines."""
        return "\n".join(p.text for p in self.paragraphs)


@attrs.frozen(kw_only=True)
class Contact:
    """Contact details the report gives."""

    address: str | None = None
    postcode: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None

    def to_dict(self) -> dict[str, str] | None:
        out = {k: v for k, v in attrs.asdict(self).items() if v is not None}
        return out or None


@attrs.frozen(kw_only=True)
class Metadata:
    """Who reports on which year, and how to reach them."""

    title: str | None = None
    title_location: Location | None = None
    organization: str | None = None
    year: int | None = None
    #: Where the year was read: "title", "period" or "prose".
    year_source: Literal["title", "period", "prose"] | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    published: dt.date | None = None
    contact: Contact = Contact()


def _plain(value: int | Decimal | None) -> int | float | None:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _export_table(spec: TableSpec, data: TableData) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for row in spec.rows_for(data.variant):
        cells = data.row(row.key)
        values = [_plain(cell.value) for cell in cells]
        if spec.export == "list":
            out[row.key] = values
        elif len(cells) == 1:
            out[row.key] = values[0]
        else:
            out[row.key] = {cell.column: _plain(cell.value) for cell in cells}
    return out


@attrs.frozen(kw_only=True, repr=False)
class Report:
    """A parsed annual report."""

    #: Version of the official format the report follows ("2021").
    format: str
    #: The carrier the report was read from: "text", "html", "docx" or "pdf".
    carrier: str
    #: The text encoding used to decode the input, where there was one.
    encoding: str | None
    metadata: Metadata
    #: Paragraphs before section 一 (title block, preamble).
    preamble: tuple[TextBlock, ...]
    sections: tuple[Section, ...]
    tables: tuple[TableData, ...]
    diagnostics: tuple[Diagnostic, ...]

    @property
    def spec(self) -> FormatSpec:
        """The format description the report was read against."""
        return FORMATS[self.format]

    def table(self, key: str) -> TableData:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    @property
    def active(self) -> TableData:
        """Table 二 (主动公开政府信息情况)."""
        return self.table("active")

    @property
    def applications(self) -> TableData:
        """Table 三 (收到和处理政府信息公开申请情况)."""
        return self.table("applications")

    @property
    def review_litigation(self) -> TableData:
        """Table 四 (行政复议、行政诉讼)."""
        return self.table("review_litigation")

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)

    def __repr__(self) -> str:
        # The full record is huge; say who, which year, and how sure the parser is.
        meta = self.metadata
        errors = sum(1 for d in self.diagnostics if d.severity is Severity.ERROR)
        sections = sum(1 for s in self.sections if s.found)
        return (
            f"<Report {meta.organization or '?'} {meta.year or '?'} ({self.format} format, "
            f"{self.carrier}): {sections}/{len(self.sections)} sections, "
            f"{sum(1 for t in self.tables if t.found)}/{len(self.tables)} tables, "
            f"{len(self.diagnostics)} diagnostics ({errors} errors)>"
        )

    def cells(self) -> Iterator[Cell]:
        """Every value cell of every table, in table, row and column order."""
        for table in self.tables:
            yield from table.cells()

    def to_dict(self) -> dict[str, Any]:
        """Plain values, JSON-compatible; the keys are described in docs/export.md."""
        meta = self.metadata
        out: dict[str, Any] = {
            "format": self.format,
            "organization": meta.organization,
            "year": meta.year,
            "published": None if meta.published is None else meta.published.isoformat(),
            "contact": meta.contact.to_dict(),
        }
        for table in self.tables:
            out[table.key] = _export_table(self.spec.table(table.key), table)
        out["title"] = meta.title
        out["year_source"] = meta.year_source
        out["period"] = {
            "start": None if meta.period_start is None else meta.period_start.isoformat(),
            "end": None if meta.period_end is None else meta.period_end.isoformat(),
        }
        out["sections"] = [
            {"number": s.number, "key": s.key, "heading": s.heading, "text": s.text}
            for s in self.sections
        ]
        out["carrier"] = self.carrier
        out["encoding"] = self.encoding
        out["diagnostics"] = [d.to_dict() for d in self.diagnostics]
        return out
