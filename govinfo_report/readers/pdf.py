"""PDF reader: rebuild tables from their ruling lines and paragraphs from glyphs.

Theory of operation. A PDF has no tables and no paragraphs, only glyphs at
positions and painted paths; pdfminer's own text output reads a table as all
its labels, then each number column, with empty cells gone. So this reader
works from geometry:

1. ``_pdf._load`` runs pdfminer.six's interpreter (no layout analysis) and keeps,
   per page, the glyphs and the axis-parallel pieces of painted paths (lines,
   thin filled shapes as Word draws borders, sides of stroked rectangles). A
   page without glyphs but with images is a scan; a document of scans needs OCR.
   ``_pdf._decor`` then finds text decorations: a strike-through (a thin line across
   the middle of a run of glyphs, as tracked changes print a deleted value) and an
   underline are taken out of the rulings, and struck glyphs are left out, noted.
2. ``_pdf._grid`` joins ruling pieces into rulings, groups the rulings that
   touch into tables and builds each table's grid; a boundary with no ruling
   joins two grid boxes into one merged cell, so rowspan and colspan come from
   the missing rulings and every physical cell, empty or not, appears once.
3. Each glyph goes to the cell holding its centre, or to the running text.
   ``_pdf._text`` groups glyphs into lines (a kerned "2" "0" stays 20; digits
   that stand apart are flagged) and joins a cell's lines (no space between
   Chinese lines: "自" "然" "人" becomes 自然人). Vertical cell text (glyphs
   turned by a right angle) is read in its own direction; slanted glyphs (a
   watermark) are left out; large images are noted, as their content is not read.
4. Page furniture is dropped and noted: page numbers ("— 3 —", "第3页") and
   text repeated at the same place in the top or bottom band of most pages.
5. Pages are read top to bottom; text in columns side by side (a printed web
   page's menu beside the article) a column at a time (``_pdf._order``). A table
   fragment that ends a page and one that opens the next page continue each
   other (``_pdf._tables``): header rows the continuation repeats are dropped,
   and when the outer edges line up the rows are appended to one table on merged
   column boundaries (a row cut by the page break is rejoined when an open edge,
   a wrapped line or number, or values above and their label below prove the
   cut); otherwise the continuation stays a separate table, which the
   recognizer joins by its row labels.
6. Lines outside tables become paragraphs (``_pdf._text.paragraph_breaks``):
   a heading ("一、总体情况") is a paragraph of its own; a paragraph running
   over a page break is joined.

Locations are ``Location(carrier="pdf", page=<1-based>, bbox=(x0, y0, x1, y1))``
in PDF points (origin at the bottom left), with ``table``/``row``/``column``
for cells. pdfminer never raises out of this module: see ``_pdf._load``.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Sequence

import attrs

from govinfo_report._errors import ReportError
from govinfo_report._ir import Block, Document, Paragraph, Table
from govinfo_report._location import Location
from govinfo_report.readers._marks import MAX_FOOTNOTE_MARK, footnote_doubt
from govinfo_report.readers._pdf._decor import find_decorations
from govinfo_report.readers._pdf._grid import (
    MAX_RULINGS,
    Grid,
    build_grid,
    connected_tables,
    merge_rulings,
)
from govinfo_report.readers._pdf._load import (
    MIN_SEGMENT,
    SLANTED,
    Glyph,
    PageContent,
    Segment,
    load_pages,
)
from govinfo_report.readers._pdf._order import page_blocks
from govinfo_report.readers._pdf._tables import (
    CellText,
    Fragment,
    Note,
    chain_fragments,
    pdf_location,
    tables_of_chain,
)
from govinfo_report.readers._pdf._text import (
    TextLine,
    footnote_marks,
    group_lines,
    join_lines,
    measure_margins,
    paragraph_breaks,
    usual_pitch,
    wraps_number,
)

__all__ = ["read_pdf"]

#: Share of the page height, at the top and at the bottom, where running
#: headers, footers and page numbers live.
FURNITURE_BAND = 0.1
#: Share of the page an image must cover for its content to be worth a note
#: (a table pasted as a picture); logos and seals are smaller.
LARGE_IMAGE = 0.1
#: Share of a page's glyphs that may be slanted and be left out as a watermark.
MAX_SLANTED = 0.2
#: Share of a document's unreadable glyphs ("(cid:12)": no Unicode mapping)
#: above which its text layer is unusable.
MAX_UNMAPPED = 0.3
#: A text layer of at least MIN_GLYPHS_FOR_CHINESE glyphs, fewer than MIN_CHINESE of them
#: ideographs, is not readable as a report: its fonts map glyphs to the wrong characters
#: (mutool's conversion leaves "!\"#$%&'" for the first glyphs of each font), or it is
#: in another language. A report's text is mostly ideographs.
MIN_GLYPHS_FOR_CHINESE = 200
MIN_CHINESE = 0.01
#: Glyphs quoted from such a text layer in the error.
SAMPLE_GLYPHS = 30
#: A document with images and fewer glyphs than this is a scan (which may carry
#: a stray glyph or two, such as a stamp's caption), not a text document.
MIN_GLYPHS = 20

_PAGE_NUMBER_RE = re.compile(
    r"^[-—–－·•\s]*(?:\d{1,4}|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)[-—–－·•\s]*$",
    re.IGNORECASE,
)
_UNMAPPED_RE = re.compile(r"^\(cid:\d+\)$")


@attrs.define
class _Page:
    """A page read: its tables and text lines by their top edge."""

    number: int
    bbox: tuple[float, float, float, float]
    #: (top, item) in reading order.
    items: list[tuple[float, TextLine | Fragment]]
    #: ``id`` of the first item of each column of text beside another (``_pdf._order``).
    column_starts: set[int] = attrs.field(factory=set)
    #: The column (its left edge) of each line in one, by ``id``.
    columns: dict[int, int] = attrs.field(factory=dict)

    def margin_key(self, line: TextLine) -> tuple[int, int | None]:
        """Which lines share margins with ``line``: those of pages of one width (a
        landscape page has its own), in the same column when there are columns."""
        return round(self.bbox[2] - self.bbox[0]), self.columns.get(id(line))


class _Reader:
    """Collects the pages one by one, then assembles the document (``finish``)."""

    def __init__(self) -> None:
        self.notes: list[Note] = []
        self.pages: list[_Page] = []
        self.glyphs = 0
        self.unmapped = 0
        #: Ideographs among the glyphs, and the text of the first glyphs (for the error
        #: when there are next to none).
        self.chinese = 0
        self.sample: list[str] = []
        self.image_pages: list[int] = []
        self.margins: dict[tuple[int, int | None], tuple[float, float]] = {}
        self.pitch: dict[int, float | None] = {}
        #: The pages each loading note was given for, by (code, message).
        self.warned: dict[tuple[str, str], list[int]] = {}

    # -- one page ------------------------------------------------------------
    def add_page(self, content: PageContent, notes: Sequence[tuple[str, str]]) -> None:
        """Find the page's tables, fill their cells and group the other glyphs into lines."""
        page = content.number
        where = Location(carrier="pdf", page=page)
        for code, message in notes:
            # The same warning on every page (a font's flaw) is one note naming the pages.
            pages = self.warned.get((code, message))
            if pages is None:
                self.warned[code, message] = [page]
                self.notes.append((code, message, where))
            else:
                pages.append(page)
        shown, segments = self._on_the_page(content)
        page_glyphs = self._without_watermark(page, shown)
        decorations = find_decorations(page_glyphs, segments)
        if decorations.struck:
            page_glyphs = self._without_struck_text(page, page_glyphs, decorations.struck)
        glyphs = [g for g in page_glyphs if not g.text.isspace()]
        self.glyphs += len(glyphs)
        self.unmapped += sum(1 for g in glyphs if _UNMAPPED_RE.match(g.text))
        self.chinese += sum(1 for g in glyphs if "\u3400" <= g.text[0] <= "\u9fff")
        if len(self.sample) < SAMPLE_GLYPHS:
            self.sample += [g.text for g in glyphs[: SAMPLE_GLYPHS - len(self.sample)]]
        if not glyphs and content.images:
            self.image_pages.append(page)
        elif glyphs:
            self._note_large_images(content)
        grids = self._grids(page, decorations.segments)
        self._note_cut_at_the_side(page, grids, content)
        per_cell, loose = _place(grids, page_glyphs)
        fragments = [
            fragment
            for grid, glyph_lists in zip(grids, per_cell, strict=True)
            if (fragment := self._fragment(page, grid, glyph_lists)) is not None
        ]
        items: list[tuple[float, TextLine | Fragment]] = []
        column_starts: set[int] = set()
        columns: dict[int, int] = {}
        for block in page_blocks(
            loose, [f.grid.bbox for f in fragments], content.bbox, FURNITURE_BAND
        ):
            # Within a block (the whole page, unless it has columns side by side), top
            # to bottom.
            lines = group_lines(block.glyphs)
            part: list[tuple[float, TextLine | Fragment]] = [
                (fragments[i].top, fragments[i]) for i in block.tables
            ]
            part.extend((line.top, line) for line in lines)
            part.sort(key=lambda item: -item[0])
            if block.new_column and part:
                column_starts.add(id(part[0][1]))
            if block.column is not None and lines and _narrow(lines):
                # A menu or list beside the article: each line is an entry of its own.
                column_starts.update(id(line) for line in lines)
            if block.column is not None:
                columns.update((id(line), block.column) for line in lines)
            items.extend(part)
        self.pages.append(
            _Page(
                number=page,
                bbox=content.bbox,
                items=items,
                column_starts=column_starts,
                columns=columns,
            )
        )

    def _fragment(
        self, page: int, grid: Grid, glyph_lists: Sequence[Sequence[Glyph]]
    ) -> Fragment | None:
        """The table on this page with its cells' text, or None if every cell is empty."""
        texts = []
        for cell, cell_glyphs in zip(grid.cells, glyph_lists, strict=True):
            glyphs, marks, kept = footnote_marks(cell_glyphs)
            if any(glyph.ocr for glyph in glyphs):
                # Recognized from the scan, not printed: a value is as good as the OCR.
                self.notes.append(
                    (
                        "doubt.pdf-ocr",
                        "the cell's text comes from a scan's OCR layer",
                        pdf_location(page, cell.bbox),
                    )
                )
            lines = group_lines(glyphs)
            text = join_lines([line.text for line in lines])
            if marks:
                self.notes.append(
                    (
                        "doubt.pdf-superscript",
                        footnote_doubt(["".join(glyph.text for glyph in marks)], text),
                        pdf_location(page, cell.bbox),
                    )
                )
            if kept:
                raised = "".join(glyph.text for glyph in sorted(kept, key=lambda g: g.x0))
                self.notes.append(
                    (
                        "doubt.pdf-superscript",
                        f"raised text {raised!r} in the cell reading {text[:40]!r} was kept: "
                        f"a footnote mark is at most {MAX_FOOTNOTE_MARK} characters, but it "
                        "may be one, read into the value",
                        pdf_location(page, cell.bbox),
                    )
                )
            if any(line.split_digits for line in lines):
                self.notes.append(
                    (
                        "doubt.pdf-digits-apart",
                        f"digits standing apart in one cell ({text!r}) may be two numbers",
                        pdf_location(page, cell.bbox),
                    )
                )
            if len(lines) > 1 and wraps_number([line.text for line in lines]):
                self.notes.append(
                    (
                        "doubt.pdf-number-wrapped",
                        f"a number wrapped over lines in one cell was joined ({text!r})",
                        pdf_location(page, cell.bbox),
                    )
                )
            texts.append(CellText(text=text, lines=tuple(lines)))
        if not any(t.text.strip() for t in texts):
            return None  # ruled but empty: a frame or a signature box
        return Fragment(page=page, grid=grid, texts=texts)

    def _note_large_images(self, content: PageContent) -> None:
        x0, y0, x1, y1 = content.bbox
        area = (x1 - x0) * (y1 - y0)
        for box in content.images:
            if (box[2] - box[0]) * (box[3] - box[1]) >= LARGE_IMAGE * area:
                self.notes.append(
                    (
                        "doubt.pdf-image",
                        "a large image on this page is not read (a table or text pasted "
                        "as a picture needs OCR)",
                        pdf_location(content.number, box),
                    )
                )

    def _without_watermark(self, page: int, glyphs: tuple[Glyph, ...]) -> tuple[Glyph, ...]:
        """The page's glyphs without slanted ones, when those are a few (a watermark)."""
        visible = [g for g in glyphs if not g.text.isspace()]
        turned = sum(1 for g in visible if g.direction != 0)
        if turned > len(visible) / 2:
            self.notes.append(
                (
                    "doubt.pdf-rotated-page",
                    "most text on this page is turned sideways, upside down or slanted; "
                    "its reading order may be wrong",
                    Location(carrier="pdf", page=page),
                )
            )
            return glyphs
        slanted = [g for g in visible if g.direction == SLANTED]
        if not slanted or len(slanted) > MAX_SLANTED * len(visible):
            return glyphs
        text = "".join(g.text for g in slanted)
        self.notes.append(
            (
                "repair.pdf-rotated-text",
                f"slanted text left out (a watermark or stamp): {text[:40]!r}",
                Location(carrier="pdf", page=page),
            )
        )
        return tuple(g for g in glyphs if g.direction != SLANTED)

    def _on_the_page(self, content: PageContent) -> tuple[tuple[Glyph, ...], list[Segment]]:
        """The glyphs and ruling pieces inside the page's box, the pieces cut to it.

        A viewer shows only the page's box. Some producers (wkhtmltopdf) draw a table
        that runs over the page whole, clipped at the page's edge, and draw the rest
        again on the next page: what lies outside must not be read twice.
        """
        x0, y0, x1, y1 = content.bbox
        shown = tuple(g for g in content.glyphs if _within(g.cx, x0, x1) and _within(g.cy, y0, y1))
        outside = sum(1 for g in content.glyphs if not g.text.isspace()) - sum(
            1 for g in shown if not g.text.isspace()
        )
        if outside:
            self.notes.append(
                (
                    "repair.pdf-outside-page",
                    f"{outside} glyph(s) drawn outside the page's box, which a viewer does not "
                    "show, were left out",
                    Location(carrier="pdf", page=content.number),
                )
            )
        segments = []
        for segment in content.segments:
            low, high = (x0, x1) if segment.horizontal else (y0, y1)
            across_low, across_high = (y0, y1) if segment.horizontal else (x0, x1)
            if not _within(segment.pos, across_low, across_high):
                continue
            start, end = max(segment.start, low), min(segment.end, high)
            if end - start >= MIN_SEGMENT:
                segments.append(
                    segment
                    if (start, end) == (segment.start, segment.end)
                    else attrs.evolve(segment, start=start, end=end)
                )
        return shown, segments

    def _note_cut_at_the_side(self, page: int, grids: Sequence[Grid], content: PageContent) -> None:
        """Doubt the cells of a table that the page's side, or a clip, cuts on the left or right.

        A table wider than the paper (a web page of fixed width, printed) runs to the
        page's side, or to the edge of the printed area where the producer clips it, with
        no ruling there; what lies beyond is not shown. A number in a cell at that side
        may have lost its last digits (0.79 shows as 0.7), or be gone whole (the cell
        reads blank). The table is taken as cut when it reaches the page's side, or when
        its side has no ruling and text or rulings hidden by a clip, or text drawn off the
        page, lie across it or just beyond it.
        """
        left, low, right, high = content.bbox
        hidden: list[tuple[float, float, float, float]] | None = None  # found when needed
        for grid in grids:
            x0, y0, x1, y1 = grid.bbox
            # A table reaching the page's side is cut there, whatever is drawn along it
            # (LibreOffice rules that side at the page's edge).
            cut_right = x1 >= right - 2 * EDGE
            cut_left = x0 <= left + 2 * EDGE
            if (grid.open_right and not cut_right) or (grid.open_left and not cut_left):
                # Within the page, an open side with hidden text across it or just beyond
                # it (not a sidebar further on).
                if hidden is None:
                    hidden = list(content.clipped) + list(content.hidden_rulings)
                    hidden += [
                        (g.x0, g.y0, g.x1, g.y1)
                        for g in content.glyphs
                        if not _within(g.cx, left, right)
                        and _within(g.cy, low, high)
                        and not g.text.isspace()
                    ]
                beyond = [(a, b) for a, g_y0, b, g_y1 in hidden if y0 <= (g_y0 + g_y1) / 2 <= y1]
                cut_right = cut_right or (
                    grid.open_right and any(b > x1 and a < x1 + SIDE_REACH for a, b in beyond)
                )
                cut_left = cut_left or (
                    grid.open_left and any(a < x0 and b > x0 - SIDE_REACH for a, b in beyond)
                )
            if not (cut_right or cut_left):
                continue
            for cell in grid.cells:
                if (cut_right and cell.bbox[2] == x1) or (cut_left and cell.bbox[0] == x0):
                    self.notes.append(
                        (
                            "doubt.pdf-cut-at-page-side",
                            "the table runs past the side of the page or of its printed "
                            "area, which cuts this cell: its value may have lost digits, or "
                            "be missing whole",
                            pdf_location(page, cell.bbox),
                        )
                    )

    def _without_struck_text(
        self, page: int, glyphs: tuple[Glyph, ...], struck: Sequence[Sequence[Glyph]]
    ) -> tuple[Glyph, ...]:
        """``glyphs`` without the struck ones: deleted text, as tracked changes show it."""
        for run in struck:
            self.notes.append(
                (
                    "repair.pdf-struck-text",
                    f"struck-through text {''.join(g.text for g in run)!r} was left out, "
                    "as deleted (tracked changes printed with the document)",
                    pdf_location(
                        page,
                        (
                            min(g.x0 for g in run),
                            min(g.y0 for g in run),
                            max(g.x1 for g in run),
                            max(g.y1 for g in run),
                        ),
                    ),
                )
            )
        gone = {id(glyph) for run in struck for glyph in run}
        return tuple(g for g in glyphs if id(g) not in gone)

    def _grids(self, page: int, segments: Sequence[Segment]) -> list[Grid]:
        """The page's tables, innermost first (a glyph goes to the innermost table)."""
        where = Location(carrier="pdf", page=page)
        rulings = merge_rulings(segments)
        if len(rulings) > MAX_RULINGS:
            self.notes.append(
                (
                    "doubt.pdf-rulings",
                    f"more than {MAX_RULINGS} ruling lines on this page: its tables are not "
                    "rebuilt and their text is read as running text",
                    where,
                )
            )
            return []
        grids: list[Grid] = []
        for group in connected_tables(rulings):
            grid = build_grid(group)
            if grid is None:
                self.notes.append(
                    (
                        "doubt.pdf-rulings",
                        "a grid of ruling lines too fine to be a table was not rebuilt",
                        where,
                    )
                )
                continue
            if len(grid.cells) < 2:
                continue  # a box around text is not a table
            for index in grid.cut_cells:
                # At each piece's box, so that the value read there is doubted.
                self.notes.append(
                    (
                        "doubt.pdf-irregular-cell",
                        "this cell is a piece of a merged cell that is not rectangular (a "
                        "ruling is missing in part), cut into rectangles: its text may be "
                        "misplaced",
                        pdf_location(page, grid.cells[index].bbox),
                    )
                )
            grids.append(grid)
        grids.sort(key=lambda g: (g.bbox[2] - g.bbox[0]) * (g.bbox[3] - g.bbox[1]))
        return grids

    def _name_warned_pages(self) -> None:
        """Say on which pages a loading note given on several pages was given."""
        repeated = {key: pages for key, pages in self.warned.items() if len(pages) > 1}
        if not repeated:
            return
        for i, (code, message, where) in enumerate(self.notes):
            pages = repeated.get((code, message))
            if pages is not None:
                listed = ", ".join(map(str, pages))
                self.notes[i] = (code, f"{message} (pages {listed})", where)

    # -- furniture -----------------------------------------------------------
    def _drop_furniture(self) -> None:
        def band(page: _Page, line: TextLine) -> str | None:
            _, y0, _, y1 = page.bbox
            height = y1 - y0
            if line.y0 >= y1 - FURNITURE_BAND * height:
                return "top"
            if line.y1 <= y0 + FURNITURE_BAND * height:
                return "bottom"
            return None

        def shape(text: str) -> str:
            return re.sub(r"\d+", "#", "".join(text.split()))

        recurring: Counter[tuple[str, str]] = Counter()
        for page in self.pages:
            seen = set()
            for _, item in page.items:
                if isinstance(item, TextLine):
                    where = band(page, item)
                    if where is not None:
                        seen.add((where, shape(item.text)))
            recurring.update(seen)
        threshold = max(2, (len(self.pages) + 1) // 2)
        for page in self.pages:
            kept: list[tuple[float, TextLine | Fragment]] = []
            for top, item in page.items:
                if isinstance(item, TextLine):
                    where = band(page, item)
                    if where is not None:
                        location = pdf_location(page.number, (item.x0, item.y0, item.x1, item.y1))
                        if _PAGE_NUMBER_RE.match(item.text):
                            self.notes.append(
                                ("repair.page-number", "page number dropped", location)
                            )
                            continue
                        if recurring[(where, shape(item.text))] >= threshold:
                            self.notes.append(
                                (
                                    "repair.page-header",
                                    f"running page {'header' if where == 'top' else 'footer'} "
                                    f"dropped: {item.text.strip()!r}",
                                    location,
                                )
                            )
                            continue
                kept.append((top, item))
            page.items = kept

    # -- the whole document --------------------------------------------------
    def _check_text_layer(self) -> None:
        if self.glyphs == 0 or (self.glyphs < MIN_GLYPHS and self.image_pages):
            what = (
                "its pages are images (a scan)"
                if self.image_pages
                else "its text is drawn as shapes"
            )
            raise ReportError(
                f"this PDF has no text layer: {what}; it needs OCR before it can be read"
            )
        if self.unmapped > MAX_UNMAPPED * self.glyphs:
            raise ReportError(
                "this PDF's fonts have no Unicode mapping, so its text cannot be "
                "extracted; it needs OCR (or an export with embedded Unicode fonts)"
            )
        if self.glyphs >= MIN_GLYPHS_FOR_CHINESE and self.chinese < MIN_CHINESE * self.glyphs:
            sample = "".join(self.sample)
            raise ReportError(
                f"this PDF's text holds {self.chinese} Chinese characters in {self.glyphs} "
                f"glyphs (it starts {sample!r}): it is not a Chinese report, or its fonts "
                "map their glyphs to the wrong characters, as some converters leave them; "
                "then it needs OCR, or an export with embedded Unicode fonts"
            )
        for page in self.image_pages:
            self.notes.append(
                (
                    "doubt.pdf-image-page",
                    "this page is an image without text (a scan); its content is not read "
                    "and needs OCR",
                    Location(carrier="pdf", page=page),
                )
            )

    def _measure(self) -> None:
        """Margins per page width (and column) and line pitch per page, over all running
        text."""
        by_key: dict[tuple[int, int | None], list[TextLine]] = {}
        for page in self.pages:
            lines = [item for _, item in page.items if isinstance(item, TextLine)]
            for line in lines:
                by_key.setdefault(page.margin_key(line), []).append(line)
            self.pitch[page.number] = usual_pitch(lines)
        self.margins = {key: measure_margins(lines) for key, lines in by_key.items()}

    def finish(self) -> Document:
        self._name_warned_pages()
        self._check_text_layer()
        self._drop_furniture()
        self._measure()
        flow: list[tuple[int, TextLine | Fragment]] = [
            (page.number, item) for page in self.pages for _, item in page.items
        ]
        blocks: list[Block] = []
        chains = chain_fragments(flow)
        pending: list[tuple[int, TextLine]] = []
        fresh: list[bool] = []
        after_table = False
        column_starts = {i for page in self.pages for i in page.column_starts}
        for page, item in flow:
            if isinstance(item, TextLine):
                pending.append((page, item))
                fresh.append(after_table or id(item) in column_starts)
                after_table = False
                continue
            after_table = True
            chain = chains.get(id(item))
            if chain is None:
                continue  # a continuation, emitted with its chain's head
            blocks.extend(self._paragraphs(pending, fresh))
            pending, fresh = [], []
            index = sum(isinstance(b, Table) for b in blocks)
            blocks.extend(tables_of_chain(chain, index, self.notes))
        blocks.extend(self._paragraphs(pending, fresh))
        return Document(blocks=tuple(blocks), carrier="pdf", notes=tuple(self.notes))

    def _paragraphs(
        self, lines: Sequence[tuple[int, TextLine]], fresh: Sequence[bool]
    ) -> list[Paragraph]:
        if not lines:
            return []
        same_page = [i > 0 and lines[i - 1][0] == page for i, (page, _) in enumerate(lines)]
        by_number = {page.number: page for page in self.pages}
        starts = paragraph_breaks(
            [line for _, line in lines],
            fresh=fresh,
            same_page=same_page,
            margins=[self.margins[by_number[page].margin_key(line)] for page, line in lines],
            pitches=[self.pitch[page] for page, _ in lines],
        )
        paragraphs: list[Paragraph] = []
        group: list[tuple[int, TextLine]] = []

        def flush() -> None:
            if not group:
                return
            page = group[0][0]
            first_page = [line for p, line in group if p == page]
            bbox = (
                min(line.x0 for line in first_page),
                min(line.y0 for line in first_page),
                max(line.x1 for line in first_page),
                max(line.y1 for line in first_page),
            )
            text = join_lines([line.text for _, line in group])
            if text:
                location = pdf_location(page, bbox)
                paragraphs.append(Paragraph(text=text, location=location))
                if any(glyph.ocr for _, line in group for glyph in line.glyphs):
                    # The title, dates and contact read from it are as good as the OCR.
                    self.notes.append(
                        (
                            "doubt.pdf-ocr",
                            "the paragraph's text comes from a scan's OCR layer",
                            location,
                        )
                    )
            for p, line in group:
                if line.split_digits:
                    self.notes.append(
                        (
                            "doubt.pdf-digits-apart",
                            f"digits standing apart in a line ({line.text.strip()!r}) "
                            "were kept apart by a space",
                            pdf_location(p, (line.x0, line.y0, line.x1, line.y1)),
                        )
                    )

        for (page, line), start in zip(lines, starts, strict=True):
            if start:
                flush()
                group = []
            group.append((page, line))
        flush()
        return paragraphs


#: How far (points) beyond the page's box a glyph's centre or a ruling may lie and still
#: count as on the page: rounding in producers' coordinates.
EDGE = 1.0


def _within(value: float, low: float, high: float) -> bool:
    """Whether a coordinate lies on the page between ``low`` and ``high`` (within EDGE)."""
    return low - EDGE <= value <= high + EDGE


#: How far (points, about a character) beyond a table's open side hidden text may begin
#: and still be taken for the text of a cell that side cuts.
SIDE_REACH = 12.0
#: A column of text narrower than this (em) is a menu or a list, not running prose.
NARROW_COLUMN = 12.0


def _narrow(lines: Sequence[TextLine]) -> bool:
    width = max(line.x1 for line in lines) - min(line.x0 for line in lines)
    return width < NARROW_COLUMN * statistics.median(line.size for line in lines)


def _place(
    grids: Sequence[Grid], glyphs: Sequence[Glyph]
) -> tuple[list[list[list[Glyph]]], list[Glyph]]:
    """Each glyph to the cell holding its centre (per grid, per cell), or to the loose text."""
    per_cell: list[list[list[Glyph]]] = [[[] for _ in grid.cells] for grid in grids]
    loose: list[Glyph] = []
    for glyph in glyphs:
        x, y = glyph.cx, glyph.cy
        for t, grid in enumerate(grids):
            index = grid.cell_at(x, y)
            if index is not None:
                per_cell[t][index].append(glyph)
                break
        else:
            loose.append(glyph)
    return per_cell, loose


def read_pdf(data: bytes) -> Document:
    """Read a PDF document into the intermediate representation.

    Raises :class:`ReportError` for a scan without text layer, an encrypted,
    damaged or truncated file, or one beyond the limits of ``_pdf._load``.
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ReportError("a PDF document must be given as bytes")
    reader = _Reader()
    for content, notes in load_pages(bytes(data)):
        reader.add_page(content, notes)
    return reader.finish()
