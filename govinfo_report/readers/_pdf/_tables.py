"""Tables continued over pages: joining fragments, dropping repeated headers, rejoining cuts.

A *fragment* is a table as drawn on one page. A fragment that opens a page
continues the fragment that closed the page before (nothing but page furniture
between them). Continued fragments are handled in this order:

1. Header rows the continuation repeats (the first rows of the table, same
   cells, same text) are dropped.
2. If the fragments share their outer edges, or their right edges and the
   narrower one starts on a column boundary of the wider (merged columns at the
   left with no ruling across them on one page), they are one table: the column
   boundaries of all of them are merged, so fragments that rule different
   inner columns (a label column split on one page only) still line up, and
   their rows are appended.
3. A row cut by the page break is rejoined: the continuation's first row is
   the rest of the row above when its cells line up with the cells of that
   row, at least one cell continues a *wrapped* line (the last line above
   fills its cell, so the text had to go on, or holds an enumeration alone),
   and every other cell is empty on one side or holds digits on both (a label
   proven cut proves its row cut: the digits are one number); or when no cell has text on both sides, the row above holds
   values, and the row below a label where the row above has none of its own (a
   label padded with empty lines went over whole; no row of the form lacks a
   label) or only values (values that did not fit went over whole). A remark in
   brackets alone overleaf ("(区分处理的…)") closes the label above it, as no
   row of the form is labelled by a remark; a label typed a character a line
   goes on overleaf when all its row's values stayed above; a label drawn again
   whole overleaf, starting with what was drawn of it above (wkhtmltopdf), is read
   once, whole. A merged cell running over the break ("三、本年度办" / "理结果")
   is rejoined by the wrapped-line test, never a number.

Anything not proven to continue stays apart: a wrong join would move labels or
values between rows, while a missed one only leaves a label in two pieces.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

import attrs

from govinfo_report._ir import Table, TableCell
from govinfo_report._location import Location
from govinfo_report._values import MARKERS
from govinfo_report.readers._pdf._grid import Grid, GridCell
from govinfo_report.readers._pdf._text import (
    TextLine,
    enumerated,
    enumeration_only,
    first_token_width,
    is_cjk,
    join_lines,
)

__all__ = ["CellText", "Fragment", "Note", "chain_fragments", "pdf_location", "tables_of_chain"]

#: A reader's note: (code, message, location), as in ``Document.notes``.
Note = tuple[str, str, Location | None]

#: Positions closer than this (points) are the same column boundary across pages.
ALIGN = 2.0
#: Most cell padding, in em: Word's default is 0.19 cm, LibreOffice's 0.1 cm.
PADDING = 0.7

_NUMERIC_RE = re.compile(r"^[\s\d.,，/\\\-—–－]*$")
#: A line may wrap after a closing bracket: "(三)" / "不予公开".
_CLOSING_BRACKETS = frozenset(")）]】〕》」』")
_OPENING_BRACKETS = frozenset("(（[【〔《「『")
# The two parts of a number cut by a page break: a sign or digits, then digits.
_NUMBER_HEAD_RE = re.compile(r"[-−－]?[\d,，]*")
_NUMBER_TAIL_RE = re.compile(r"\d[\d,，.]*")


def pdf_location(page: int, bbox: tuple[float, float, float, float], **fields: int) -> Location:
    """A PDF location, its box rounded to 0.1 pt."""
    x0, y0, x1, y1 = bbox
    return Location(
        carrier="pdf",
        page=page,
        bbox=(round(x0, 1), round(y0, 1), round(x1, 1), round(y1, 1)),
        table=fields.get("table"),
        row=fields.get("row"),
        column=fields.get("column"),
    )


@attrs.frozen(kw_only=True)
class CellText:
    """The text of one cell and the lines it came from."""

    text: str
    lines: tuple[TextLine, ...]


@attrs.define
class _Cell:
    """A cell as it will be emitted: grid cell, page, text and span in table rows."""

    grid: GridCell
    page: int
    text: CellText
    x0: float
    x1: float
    rowspan: int
    extra: list[str] = attrs.field(factory=list)
    column: int = 0
    colspan: int = 1


@attrs.define
class Fragment:
    """A table as drawn on one page."""

    page: int
    grid: Grid
    texts: list[CellText]

    @property
    def top(self) -> float:
        """The top edge of the table."""
        return self.grid.ys[0]


def _row_key(cells: Sequence[_Cell]) -> tuple[tuple[float, float, str], ...]:
    return tuple((c.x0, c.x1, "".join(c.text.text.split())) for c in cells)


def _repeats(row: Sequence[_Cell], head: Sequence[_Cell]) -> bool:
    """Whether ``row`` repeats the header row ``head``: the same cells, the same text.

    A repeated header may show less: a producer clips a tall header cell to the
    height the repetition gives it (LibreOffice leaves 自然人 out of a repeated header
    whose cell it pads with empty lines, and shows only the first line of a long
    one). So a cell of the repetition agrees with the first one when its text is
    empty or a part of the first one's, as long as some cell's text is repeated whole.
    """
    key, original = _row_key(row), _row_key(head)
    if not key or len(key) != len(original):
        return False
    shared = False
    for (x0, x1, text), (head_x0, head_x1, head_text) in zip(key, original, strict=True):
        # Within ALIGN, not to the point: a border a hair off moves a cell's edge
        # across a rounding boundary (502.4 against 502.6).
        if abs(x0 - head_x0) > ALIGN or abs(x1 - head_x1) > ALIGN or text not in head_text:
            return False
        shared = shared or (bool(text) and text == head_text)
    return shared


def _value_like(text: str) -> bool:
    """A number or a not-applicable marker ("/", "—", "无"): a value, never a label's rest."""
    return bool(_NUMERIC_RE.match(text)) or "".join(text.split()) in MARKERS


def _horizontal_pair(above: _Cell, below: _Cell) -> bool:
    """Whether both parts of a cut cell hold lines, none of them vertical text (whose
    lines are not measured against the cell's width): what every cut test needs."""
    lines = (*above.text.lines, *below.text.lines)
    return bool(above.text.lines and below.text.lines) and not any(line.direction for line in lines)


def _wrapped_into(above: _Cell, below: _Cell) -> bool:
    """Whether ``below``'s text is the rest of ``above``'s, cut at a wrapped line."""
    if not _horizontal_pair(above, below):
        return False
    before, after = above.text.text.strip(), below.text.text.strip()
    if not before or not after or _value_like(after):
        return False
    if _value_like(before) and not enumeration_only(before):  # "8." is a label's start
        return False
    if enumerated(after):
        return False
    if enumeration_only(before):
        # An enumeration alone ("(三)", "8.") labels nothing: it goes on, however much of
        # its line it fills (fonts a printer converted may give its bracket another width).
        return True
    if not (is_cjk(before[-1]) or before[-1].isalnum() or before[-1] in _CLOSING_BRACKETS):
        return False  # a sentence's end ("。", "：") ends a paragraph, not a wrapped line
    return _fills_cell(above, below)


def _remark_of(above: _Cell, below: _Cell) -> bool:
    """Whether ``below`` is a remark in brackets closing the label ``above``.

    A label typed as two paragraphs, "(二)部分公开" and "(区分处理的，只计这一情形，不计
    其他情形)", is cut between them when its row breaks across pages. No row of the form
    is labelled by a remark alone, so the remark overleaf belongs to the label above.
    """
    if not _horizontal_pair(above, below):
        return False
    before, after = above.text.text.strip(), below.text.text.strip()
    if not before or _value_like(before) or enumerated(after):
        return False
    return (
        len(after) > 2
        and after[0] in _OPENING_BRACKETS
        and after[-1] in _CLOSING_BRACKETS
        and not any(c in _OPENING_BRACKETS or c in _CLOSING_BRACKETS for c in after[1:-1])
    )


def _drawn_again(above: _Cell, below: _Cell) -> bool:
    """Whether ``below`` is ``above``'s label drawn again whole overleaf.

    wkhtmltopdf prints the lines of a cut cell that fit above the break, clipped, and the
    whole cell again on the next page: "8." above, "8.属于行政查询事项" below. The text
    below then starts with the text above; the label is the one below.
    """
    if not _horizontal_pair(above, below):
        return False
    before, after = "".join(above.text.text.split()), "".join(below.text.text.split())
    return (
        bool(before)
        and len(after) > len(before)
        and after.startswith(before)
        and not _value_like(after)
        # A number above is a value, unless it is an enumeration alone ("8."): a value
        # "1" over a label "1. 属于国家秘密" is no label drawn twice.
        and (not _value_like(before) or enumeration_only(before))
    )


def _stacked(above: _Cell, below: _Cell) -> bool:
    """Whether both parts are lines of one Chinese character each: a label typed a
    character a paragraph ("行" / "政" "许" "可"), which no line width proves cut."""
    if not _horizontal_pair(above, below):
        return False
    lines = (*above.text.lines, *below.text.lines)
    return all(len(t := line.text.strip()) == 1 and is_cjk(t) for line in lines)


def _fills_cell(above: _Cell, below: _Cell) -> bool:
    """Whether ``above``'s last line left no room for ``below``'s first word."""
    last = above.text.lines[-1]
    # The cell's padding: where its text starts, at most PADDING em (centred
    # text starts far from the edge without the cell being padded that much).
    em = max(last.size, 1.0)
    padding = max(0.0, min(min(line.x0 for line in above.text.lines) - above.x0, PADDING * em))
    room = (above.x1 - padding) - last.x1
    return room < first_token_width(below.text.lines[0]) + 0.1 * em


def _number_cut(above: _Cell, below: _Cell) -> bool:
    """Whether the break cut a number: digits (or its sign) filling the cell above, digits
    below, as in a narrow cell padded with U+3000 ("　　-" / "37")."""
    if not _horizontal_pair(above, below):
        return False
    before, after = above.text.text.strip(), below.text.text.strip()
    return (
        bool(before)
        and bool(_NUMBER_HEAD_RE.fullmatch(before))
        and bool(_NUMBER_TAIL_RE.fullmatch(after))
        and _fills_cell(above, below)
    )


@attrs.define
class _Table:
    """Rows of cells being assembled from one or more fragments."""

    rows: list[list[_Cell]] = attrs.field(factory=list)
    #: The cells reaching the bottom of the last row, left to right.
    bottom: list[_Cell] = attrs.field(factory=list)


def _fragment_rows(fragment: Fragment) -> list[list[_Cell]]:
    rows: list[list[_Cell]] = [[] for _ in range(len(fragment.grid.ys) - 1)]
    for cell, text in zip(fragment.grid.cells, fragment.texts, strict=True):
        rows[cell.row].append(
            _Cell(
                grid=cell,
                page=fragment.page,
                text=text,
                x0=cell.bbox[0],
                x1=cell.bbox[2],
                rowspan=cell.rowspan,
            )
        )
    return rows


def _bottom_cells(rows: Sequence[Sequence[_Cell]]) -> list[_Cell]:
    """The cells that reach the last row (started in it or spanning down to it)."""
    last = len(rows) - 1
    out = [cell for r, row in enumerate(rows) for cell in row if r + cell.rowspan - 1 >= last]
    return sorted(out, key=lambda c: c.x0)


def _pairs(upper: Sequence[_Cell], lower: Sequence[_Cell]) -> list[tuple[_Cell, _Cell]] | None:
    """Pair each lower cell with the upper cell of the same horizontal extent.

    An empty lower cell left of all the upper cells is a merged column the page above
    did not draw (see :func:`_nested_edges`): it has no pair, and is left as it is.
    """
    pairs = []
    left = min((u.x0 for u in upper), default=0.0)
    for cell in lower:
        match = [u for u in upper if abs(u.x0 - cell.x0) <= ALIGN and abs(u.x1 - cell.x1) <= ALIGN]
        if not match:
            if cell.x1 <= left + ALIGN and not cell.text.text.strip():
                continue
            return None
        pairs.append((match[0], cell))
    return pairs


def _complementary(table: _Table, pairs: Sequence[tuple[_Cell, _Cell]]) -> bool:
    """Whether the page break cut a row into parts that complete each other.

    A producer that lets a row break across pages prints each cell's lines on either
    side, and a cell's text that does not fit above goes over whole: a label padded
    with empty lines, a number wrapped in its narrow cell, an inserted value printed
    under the deleted one. Then no cell has text on both sides, the row above holds
    values, and the row below holds either a label, when the row above has none of its
    own, or only values: neither part is a row of the form by itself (every row of it
    has a label, but table 四's one row, which has no second), so together they are the
    one row.
    """
    last = table.rows[-1] if table.rows else []
    values_above = label_above = values_below = label_below = False
    for above, below in pairs:
        a, b = above.text.text.strip(), below.text.text.strip()
        if a and b:
            return False
        if a:
            if _value_like(a):
                values_above = True
            elif below.rowspan <= 1 and any(c is above for c in last):
                # A label of the row's own (not a group's, running on overleaf).
                label_above = True
        if b:
            if _value_like(b):
                values_below = True
            else:
                label_below = True
    if not values_above:
        return False
    return not label_above if label_below else values_below


def _rejoin(table: _Table, rows: list[list[_Cell]], open_edge: bool, notes: list[Note]) -> None:
    """Rejoin a row or merged cells that the page break cut (see the module doc).

    ``open_edge``: the table above has no ruling along its bottom or the
    continuation none along its top, which is how some producers draw a row
    they cut; otherwise the cut is proven by a wrapped line.
    """
    if not rows or not table.rows:
        return
    first = rows[0]
    pairs = _pairs(table.bottom, first)
    if pairs is None:
        return
    numbers = [_number_cut(above, below) for above, below in pairs]
    labels = [_wrapped_into(above, below) for above, below in pairs]
    texts = [(above.text.text.strip(), below.text.text.strip()) for above, below in pairs]
    if any(labels):
        # The row's label is proven cut, so the row is: digits on both sides of the break
        # in a value cell are one number cut by it, though they fill no line (digits
        # wrapped one a line in a narrow cell: "936" above, "8" below, for 9368).
        numbers = [
            number
            or (
                bool(a)
                and bool(_NUMBER_HEAD_RE.fullmatch(a))
                and bool(b)
                and bool(_NUMBER_TAIL_RE.fullmatch(b))
            )
            for number, (a, b) in zip(numbers, texts, strict=True)
        ]
    # A label typed a character a line goes on overleaf without filling its line; it is
    # taken to go on only when the row's values all stayed above (so two whole rows of
    # blanks, each so labelled, stay apart).
    values_stayed = any(a and _value_like(a) for a, _ in texts) and not any(
        b and _value_like(b) for _, b in texts
    )
    again = [_drawn_again(above, below) for above, below in pairs]
    wrapped = [
        number
        or label
        or repeated
        or _remark_of(above, below)
        or (values_stayed and _stacked(above, below))
        for (above, below), number, label, repeated in zip(
            pairs, numbers, labels, again, strict=True
        )
    ]
    if open_edge:
        # Cut for sure, where the edge is open: the two parts conflict only where both hold
        # a value, or where a label overleaf opens an item of its own ("5.要求…" under
        # "4.无正当理由…"), which no label's rest does. (The edge may be open only under
        # cells merged over the break, the row above being whole.)
        conflict = any(
            a and b and (_value_like(a) or _value_like(b) or enumerated(b)) and not w
            for (a, b), w in zip(texts, wrapped, strict=True)
        )
    else:
        conflict = any(a and b and not w for (a, b), w in zip(texts, wrapped, strict=True))
    if (open_edge or any(wrapped) or _complementary(table, pairs)) and not conflict:
        # A cut row: its rest is merged up and the row disappears.
        for (above, below), repeated in zip(pairs, again, strict=True):
            if repeated:
                above.text = below.text  # the whole label, of which above is the start
            elif below.text.text.strip():
                above.extra.append(below.text.text)
            above.rowspan += below.rowspan - 1
        rows.pop(0)
        notes.append(
            (
                "repair.pdf-cut-row",
                "a table row cut by the page break was rejoined",
                pdf_location(first[0].page, _union([c.grid.bbox for c in first])),
            )
        )
        for (above, below), number in zip(pairs, numbers, strict=True):
            if number:
                number_text = above.text.text.strip() + below.text.text.strip()
                notes.append(
                    (
                        "doubt.pdf-number-wrapped",
                        f"a number cut by the page break was joined ({number_text!r})",
                        # Where the joined number is read: the cell above.
                        pdf_location(above.page, above.grid.bbox),
                    )
                )
        return
    for (above, below), joined in zip(pairs, labels, strict=True):
        if joined and (above.rowspan > 1 or below.rowspan > 1):
            # A merged cell running over the break: a label, its wrapped line proving the
            # cut. A number in a cell spanning rows, beside labels that do not go on, is
            # the first value of the next row (the join would glue "-27" to "2799").
            above.extra.append(below.text.text)
            above.rowspan += below.rowspan
            first.remove(below)
            notes.append(
                (
                    "repair.pdf-cut-cell",
                    "a merged cell cut by the page break was rejoined",
                    pdf_location(below.page, below.grid.bbox),
                )
            )


def _union(boxes: Sequence[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _same_edges(a: Grid, b: Grid) -> bool:
    return abs(a.xs[0] - b.xs[0]) <= ALIGN and abs(a.xs[-1] - b.xs[-1]) <= ALIGN


def _nested_edges(a: Grid, b: Grid) -> bool:
    """Whether one grid is the other's columns from one of its boundaries on: the same
    right edge, and the narrower one's left edge on a column boundary of the wider. A page
    on which merged columns at the left ("三、本年度办理结果") have no ruling across them
    draws the table without them."""
    if abs(a.xs[-1] - b.xs[-1]) > ALIGN:
        return False
    wide, narrow = (a, b) if a.xs[0] < b.xs[0] else (b, a)
    return any(abs(x - narrow.xs[0]) <= ALIGN for x in wide.xs[1:-1])


def chain_fragments(flow: Sequence[tuple[int, object]]) -> dict[int, list[Fragment]]:
    """Group fragments continued over page breaks; keyed by ``id`` of the first.

    ``flow`` is the document's items in reading order as (page, item). A
    fragment continues the previous one when it is the first item of its page
    and the previous fragment was the last item of the page before.
    """
    chains: dict[int, list[Fragment]] = {}
    current: list[Fragment] | None = None
    for i, (page, item) in enumerate(flow):
        if not isinstance(item, Fragment):
            current = None
            continue
        previous = flow[i - 1] if i > 0 else None
        if (
            current is not None
            and previous is not None
            and previous[1] is current[-1]
            and page == previous[0] + 1
        ):
            current.append(item)
            continue
        current = [item]
        chains[id(item)] = current
    return chains


def _columns(tables: Sequence[_Table]) -> None:
    """Give every cell its column and span on the merged column boundaries."""
    edges = sorted({e for t in tables for row in t.rows for c in row for e in (c.x0, c.x1)})
    bounds: list[float] = []
    for edge in edges:
        if not bounds or edge - bounds[-1] > ALIGN:
            bounds.append(edge)

    def index(x: float) -> int:
        i = bisect_left(bounds, x)
        if i == len(bounds) or (i > 0 and x - bounds[i - 1] < bounds[i] - x):
            return i - 1
        return i

    for table in tables:
        for row in table.rows:
            for cell in row:
                start, end = index(cell.x0), index(cell.x1)
                cell.column = start
                cell.colspan = max(1, end - start)


def tables_of_chain(chain: Sequence[Fragment], first_index: int, notes: list[Note]) -> list[Table]:
    """The Table blocks of one chain of fragments (see the module doc)."""
    head_rows = _fragment_rows(chain[0])
    groups: list[tuple[_Table, list[Fragment]]] = [(_Table(rows=head_rows), [chain[0]])]
    groups[0][0].bottom = _bottom_cells(head_rows)
    for fragment in chain[1:]:
        rows = _fragment_rows(fragment)
        # 1. header rows repeated from the table's first rows
        # Every row of the first fragment may be repeated (a header alone at the foot of
        # a page, all of it drawn again overleaf); the continuation keeps a row.
        repeated = 0
        while repeated < min(len(head_rows), len(rows) - 1) and _repeats(
            rows[repeated], head_rows[repeated]
        ):
            repeated += 1
        if repeated:
            notes.append(
                (
                    "repair.pdf-repeated-header",
                    f"{repeated} header row(s) repeated on the continued table dropped",
                    pdf_location(fragment.page, fragment.grid.bbox),
                )
            )
            del rows[:repeated]
        table, members = groups[-1]
        if _same_edges(members[-1].grid, fragment.grid) or _nested_edges(
            members[-1].grid, fragment.grid
        ):
            # 2./3. the same table: rejoin a cut row, append the rest.
            open_edge = members[-1].grid.open_bottom or fragment.grid.open_top
            _rejoin(table, rows, open_edge, notes)
            table.rows.extend(rows)
            if rows:
                table.bottom = _bottom_cells(table.rows)
            members.append(fragment)
        else:
            new = _Table(rows=rows, bottom=_bottom_cells(rows))
            groups.append((new, [fragment]))
    out: list[Table] = []
    for table, members in groups:
        _columns([table])
        out.append(_emit(table, members[0], first_index + len(out), notes))
    return out


def _joined_text(cell: _Cell) -> str:
    """A cell's text with what was rejoined to it from across page breaks."""
    return join_lines([cell.text.text, *cell.extra]) if cell.extra else cell.text.text


def _emit(table: _Table, head: Fragment, index: int, notes: list[Note]) -> Table:
    rows: list[tuple[TableCell, ...]] = []
    # Rows where a label starts: a value spanning into one is no longer that row's alone.
    texts = {id(cell): _joined_text(cell) for row in table.rows for cell in row}
    labelled = {
        r
        for r, row in enumerate(table.rows)
        if any((text := texts[id(cell)].strip()) and not _value_like(text) for cell in row)
    }
    for r, row in enumerate(table.rows):
        cells = []
        for cell in sorted(row, key=lambda c: c.x0):
            text = texts[id(cell)]
            if (
                cell.rowspan > 1
                and text.strip()
                and _value_like(text.strip())
                and any(below in labelled for below in range(r + 1, r + cell.rowspan))
            ):
                # The form's values are one a row: a value spanning labelled rows is a
                # ruling missing between them, or a marker meant for all of them.
                notes.append(
                    (
                        "doubt.pdf-merged-value",
                        f"a value ({text.strip()!r}) in a cell merged across {cell.rowspan} "
                        "rows (a ruling missing between them?) may belong to another of them",
                        pdf_location(cell.page, cell.grid.bbox),
                    )
                )
            cells.append(
                TableCell(
                    text=text,
                    row=r,
                    column=cell.column,
                    rowspan=cell.rowspan,
                    colspan=cell.colspan,
                    # Each cell has its own box: PDF is the one carrier with no shared base.
                    base=pdf_location(cell.page, cell.grid.bbox, table=index),
                )
            )
        rows.append(tuple(cells))
    return Table(rows=tuple(rows), location=pdf_location(head.page, head.grid.bbox, table=index))
