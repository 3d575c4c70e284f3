"""Plain-text reader: rebuild paragraphs and tables from flattened text.

Theory of operation. When a Word or PDF report is turned into text, its
tables come out in one of two layouts:

* **row per line**: cells separated by tabs; merged cells leave runs of tabs;
  a row may lose its leading tabs;
* **cell per line**: every cell on its own line, indented by a tab; rows
  separated by blank lines; an empty cell is a bare tab line; a cell's text may
  run over several lines (a vertical header "自\\n然\\n人", a wrapped label), even
  across blank lines ("\\t　", "", "0").

The reader first cuts the text into *regions*: a table region starts at a line
holding a tab and runs on through tab lines, blank lines and short untabbed
continuation lines until a section heading or prose. Each region's layout is
then decided by its lines' shape and the region is split into rows and cells.
Everything else becomes paragraphs. Page numbers and Word bookmark markers are
dropped, and every such repair is noted with its line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from govinfo_report._errors import ReportError
from govinfo_report._ir import Block, Document, Paragraph, Table, TableCell
from govinfo_report._labels import BOOKMARK_RE, HEADING_MAX_LENGTH, match_section_heading
from govinfo_report._location import Location

__all__ = ["MAX_INPUT_CHARS", "read_text"]

#: Longest text read, in characters. A report is tens of thousands; the reader keeps
#: about 50 bytes per character while it works, so 8 Mi characters (some 20 s and
#: 400 MB) is the most a pipeline should spend on one input before saying no.
MAX_INPUT_CHARS = 8 * 1024 * 1024

_PAGE_NUMBER_RE = re.compile(
    r"^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|\d{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})\s*$"
)
#: A lone value: a number or a not-applicable marker.
_VALUE_RE = re.compile(r"^[-+－]?[\d０-９.,，]+$|^[/／\\\-－—–无]+$")
#: An untabbed line longer than this inside a table region is prose, not a cell.
_MAX_CONTINUATION = 40
#: An indented line this long with a full stop is prose, not a cell (the longest official
#: label, （六）2's, has 37 characters).
_MIN_PROSE = 45
#: An indented line ending with a full stop is a sentence from this length on.
_MIN_SENTENCE = 8
#: After a blank line, an untabbed line joins the table only if this short.
_MAX_LOOSE_CONTINUATION = 24

_Note = tuple[str, str, Location | None]


def _loc(first: int, last: int | None = None) -> Location:
    return Location(carrier="text", line=first, end_line=last if last != first else None)


def _is_blank(line: str) -> bool:
    return "\t" not in line and not line.strip(" \u3000\xa0\ufeff")


#: A Markdown heading's marker: one to six "#" and a space.
_MARKDOWN_HEADING_RE = re.compile(r"#{1,6}[ \t]+(?=\S)")


def _is_page_number(line: str) -> bool:
    return bool(_PAGE_NUMBER_RE.match(line))


def _is_heading(line: str) -> bool:
    return len(line) <= HEADING_MAX_LENGTH and match_section_heading(line) is not None


@lru_cache(maxsize=16384)
def _is_indented_text(line: str) -> bool:
    """A heading or a sentence of prose indented by tabs: a paragraph, not a table cell.

    Converters often indent paragraphs with a tab; a cell's text is a label or a
    value, not a sentence ending with a full stop, and never a section heading.
    """
    stripped = line.strip(" \u3000\xa0\t")
    if "\t" in stripped or not stripped:
        return False
    if _is_heading(stripped):
        return True
    if len(stripped) >= _MIN_SENTENCE and stripped.rstrip("”’）)").endswith(("。", "！", "？")):
        return True
    return len(stripped) >= _MIN_PROSE and ("。" in stripped or "；" in stripped)


#: What a cell holding only padding holds (a value split by an empty paragraph).
_PADDING = " \u3000\xa0\n"


class _Reader:
    def __init__(self, text: str) -> None:
        self.notes: list[_Note] = []
        self.lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.lines[0] = self.lines[0].lstrip("\ufeff")
        if "\f" in text:
            # A form feed is a page break (pdftotext writes one before each page): no
            # text. Left in, it made a line that was neither blank nor content, and cut a
            # value from its cell. Removed, the line numbers stay those of the text.
            for index, line in enumerate(self.lines):
                if "\f" in line:
                    self.lines[index] = line.replace("\f", "")
                    self.notes.append(
                        ("repair.page-break", "page break (form feed) removed", _loc(index + 1))
                    )
        if "[bookmark:" in text:
            for index, line in enumerate(self.lines):
                cleaned = BOOKMARK_RE.sub("", line) if "[bookmark:" in line else line
                if cleaned != line:
                    self.notes.append(
                        ("repair.bookmark", "Word bookmark marker removed", _loc(index + 1))
                    )
                    self.lines[index] = cleaned

    # -- regions -------------------------------------------------------------
    def _next_nonblank(self, index: int) -> int | None:
        while index < len(self.lines):
            if not _is_blank(self.lines[index]):
                return index
            index += 1
        return None

    def _table_resumes(self, index: int) -> bool:
        """Whether a tab line follows, past blanks and a few short untabbed lines."""
        short_lines = 0
        while True:
            found = self._next_nonblank(index)
            if found is None:
                return False
            index = found
            line = self.lines[index]
            if "\t" in line:
                return not _is_indented_text(line)
            stripped = line.strip()
            short_lines += 1
            if short_lines > 3 or len(stripped) > _MAX_LOOSE_CONTINUATION or _is_heading(stripped):
                return False
            index += 1

    def _region_end(self, start: int) -> int:
        """Index one past the last line of the table region starting at ``start``."""
        index = start
        last_content = start
        while index < len(self.lines):
            line = self.lines[index]
            if "\t" in line:
                if _is_indented_text(line):
                    break
                last_content = index
            elif _is_blank(line):
                pass
            else:
                stripped = line.strip()
                if _is_heading(stripped):
                    break
                after_blank = _is_blank(self.lines[index - 1])
                if not after_blank:
                    if len(stripped) > _MAX_CONTINUATION:
                        break
                else:
                    table_goes_on = self._table_resumes(index + 1)
                    # "\t　", "", "0": a value split by an empty paragraph, even as the
                    # table's last cell.
                    last_cell = self.lines[last_content].rsplit("\t", 1)[-1]
                    split_value = (
                        "\t" in self.lines[last_content]
                        and bool(last_cell)
                        and not last_cell.strip(" \u3000\xa0")
                        and _VALUE_RE.match(stripped) is not None
                    )
                    if split_value:
                        table_goes_on = True
                    if not (
                        (len(stripped) <= _MAX_LOOSE_CONTINUATION and table_goes_on)
                        or (_is_page_number(stripped) and table_goes_on)
                    ):
                        break
                last_content = index
            index += 1
        return last_content + 1

    # -- layouts -------------------------------------------------------------
    @staticmethod
    def _cell_per_line(lines: list[str]) -> bool:
        tab_lines = [line for line in lines if "\t" in line]
        single = sum(1 for line in tab_lines if line.startswith("\t") and line.count("\t") == 1)
        return single >= 0.8 * len(tab_lines)

    def _rows_per_line(self, start: int, end: int) -> list[list[tuple[str, int, int]]]:
        rows: list[list[tuple[str, int, int]]] = []
        for index in range(start, end):
            line = self.lines[index]
            number = index + 1
            if _is_blank(line):
                continue
            if "\t" not in line and _is_page_number(line):
                row = rows[-1] if rows else None
                last = row[-1] if row else None
                if last is not None and last[0] and not last[0].strip(_PADDING):
                    # "\t　", then the number on a line of its own: one value split from
                    # its padding (a cell's paragraphs joined by a script, or by a
                    # browser's copy), as in the one-cell-per-line layout.
                    assert row is not None
                    row[-1] = (last[0] + "\n" + line.strip(), last[1], number)
                    self.notes.append(
                        (
                            "repair.split-cell",
                            "a number on a line of its own after a cell holding only padding "
                            "was read as that cell's value",
                            _loc(last[1], number),
                        )
                    )
                    continue
                self.notes.append(("repair.page-number", "page number dropped", _loc(number)))
                if last is not None and not last[0]:
                    assert row is not None
                    # After an empty last cell the number may be its value, its paragraph
                    # put on lines of its own: the cell is doubted.
                    self.notes.append(
                        (
                            "doubt.text-page-number",
                            f"the number {line.strip()!r} on a line of its own after this "
                            "empty cell was dropped as a page number; it may be the cell's value",
                            Location(carrier="text", line=last[1], column=len(row) - 1),
                        )
                    )
                continue
            rows.append([(cell, number, number) for cell in line.split("\t")])
        return rows

    def _cells_per_line(self, start: int, end: int) -> list[list[tuple[str, int, int]]]:
        rows: list[list[tuple[str, int, int]]] = []
        row: list[tuple[str, int, int]] = []
        pending_break = False
        # Lines that continue the last cell of ``row``, joined to it when something else
        # comes (joining each as it comes copies the cell every time: quadratic time for
        # a cell of many lines); the last of them; whether the cell so far is padding.
        more: list[str] = []
        more_at = 0
        blank = False
        for index in range(start, end):
            line = self.lines[index]
            number = index + 1
            if "\t" in line:
                if more:
                    text, first, _ = row[-1]
                    row[-1] = ("\n".join([text, *more]), first, more_at)
                    more = []
                head, *cells = line.split("\t")
                if head and head.strip() and row:
                    text, first, _ = row[-1]
                    row[-1] = (text + "\n" + head, first, number)
                if pending_break and row:
                    rows.append(row)
                    row = []
                pending_break = False
                row += [(cell, number, number) for cell in cells]
                continue
            if _is_blank(line):
                if row:
                    pending_break = True
                continue
            # An untabbed line: the current cell goes on, or a page number.
            stripped = line.strip()
            if not row:
                row.append((line, number, number))
                continue
            text, first, _ = row[-1]
            if not more:
                blank = not text.strip(_PADDING)
            # After an empty line a lone number is a page number, unless the cell so far
            # is padding only ("\t　", "", "0": one value split by an empty paragraph).
            padded = (bool(text) or bool(more)) and blank
            if pending_break and not padded and _is_page_number(stripped):
                self.notes.append(("repair.page-number", "page number dropped", _loc(number)))
                continue
            if pending_break:
                self.notes.append(
                    (
                        "repair.split-cell",
                        "cell text continued after an empty line was joined to its cell",
                        _loc(first, number),
                    )
                )
            more.append(line)
            more_at = number
            blank = blank and not line.strip(_PADDING)
            pending_break = False
        if more:
            text, first, _ = row[-1]
            row[-1] = ("\n".join([text, *more]), first, more_at)
        if row:
            rows.append(row)
        return rows

    def _table(self, start: int, end: int, table_index: int) -> Table:
        lines = self.lines[start:end]
        if self._cell_per_line(lines):
            raw_rows = self._cells_per_line(start, end)
        else:
            raw_rows = self._rows_per_line(start, end)
        base = Location(carrier="text", table=table_index)
        rows: list[tuple[TableCell, ...]] = []
        # Loops and list comprehensions, not nested generators: this is the text
        # reader's hottest spot (a few hundred cells per report).
        for r, raw in enumerate(raw_rows):
            rows.append(
                tuple(
                    [
                        # text, row, column, base, path, line, end_line
                        TableCell(text, r, c, base, None, first, None if last == first else last)
                        for c, (text, first, last) in enumerate(raw)
                    ]
                )
            )
        return Table(rows=tuple(rows), location=_loc(start + 1, end))

    # -- whole document ------------------------------------------------------
    def read(self) -> list[Block]:
        blocks: list[Block] = []
        index = 0
        tables = 0
        while index < len(self.lines):
            line = self.lines[index]
            if "\t" in line and not _is_indented_text(line):
                end = self._region_end(index)
                table = self._table(index, end, tables)
                if any(
                    sum(1 for cell in row if cell.text.strip(_PADDING)) > 1 for row in table.rows
                ):
                    blocks.append(table)
                    tables += 1
                    index = end
                    continue
                # No row holds two things: lines indented by tabs (a centred title, a
                # signature's date), not a table. They are read as paragraphs below.
                self.notes.append(
                    (
                        "repair.indented-text",
                        "lines indented by tabs, with no table in them, were read as text",
                        _loc(index + 1, end),
                    )
                )
                for at in range(index, end):
                    self._paragraph(at, blocks)
                index = end
                continue
            self._paragraph(index, blocks)
            index += 1
        return blocks

    def _paragraph(self, index: int, blocks: list[Block]) -> None:
        """Line ``index`` as a paragraph, unless it is blank or a page number."""
        stripped = self.lines[index].strip(" \u3000\xa0\t")
        if not stripped:
            return
        if _is_page_number(stripped):
            self.notes.append(("repair.page-number", "page number dropped", _loc(index + 1)))
            return
        if stripped.startswith("#") and (marker := _MARKDOWN_HEADING_RE.match(stripped)):
            # A web page dumped as Markdown (html2text) marks its title and headings "# ":
            # left in, the title and the body read from it began with "#".
            stripped = stripped[marker.end() :]
            self.notes.append(
                (
                    "repair.markdown-heading",
                    "a Markdown heading marker was left out",
                    _loc(index + 1),
                )
            )
        blocks.append(Paragraph(text=stripped, location=_loc(index + 1)))


def read_text(text: str, *, encoding: str | None = None) -> Document:
    """Read plain text into the intermediate representation.

    Raises :class:`ReportError` for a text over :data:`MAX_INPUT_CHARS` characters.
    """
    if len(text) > MAX_INPUT_CHARS:
        raise ReportError(
            f"the text is {len(text)} characters long, over the limit of {MAX_INPUT_CHARS} "
            "(a report is tens of thousands)"
        )
    reader = _Reader(text)
    blocks = reader.read()
    return Document(
        blocks=tuple(blocks), carrier="text", encoding=encoding, notes=tuple(reader.notes)
    )
