"""From ruling segments to table grids with merged cells.

Theory of operation, as a chain of plain functions whose results can be drawn
when debugging:

1. :func:`merge_rulings`: segments on one line (same y for horizontal ones,
   within :data:`SNAP`) that touch or overlap are joined into rulings.
2. :func:`connected_tables`: rulings that cross or touch form one table; a group
   with at least two horizontal and two vertical rulings is a table candidate, and
   so is one row of cells with no ruling along one side (a row cut at a page break).
3. :func:`build_grid`: the distinct x of the vertical rulings are the column
   boundaries, the distinct y of the horizontal ones the row boundaries (plus
   the outer edges where a side is open). Every box of that grid is joined to
   its right (lower) neighbour when no ruling covers at least half of the
   boundary between them; the groups of joined boxes are the physical cells,
   so a merged cell comes out once with its row and column span.

Only rulings count, not the text, so an empty cell is still a cell.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import attrs

from govinfo_report.readers._pdf._load import Segment

__all__ = [
    "MAX_RULINGS",
    "Grid",
    "GridCell",
    "Ruling",
    "build_grid",
    "connected_tables",
    "merge_rulings",
]

#: Coordinates closer than this (points) are the same line: borders drawn by
#: adjacent cells are offset by about half a line width, well under 1 pt.
SNAP = 1.5
#: Grid boundaries closer than this (points) are merged: no real cell is this
#: narrow, while double borders and misaligned segments are.
MIN_CELL = 4.0
#: A boundary is ruled when rulings cover at least this share of its length.
COVERED = 0.5
#: How far (points) beside a table the side of a column with no ruling across it may be:
#: a label column of table 三 is 2 to 6 characters wide.
SIDE_COLUMN = 100.0
#: How much of the table's height such a side must run along.
SIDE_COVERED = 0.9
#: A column is at least this wide (points: one character and its padding); closer, a
#: vertical line beside a table is a change bar (tracked changes printed in the margin).
SIDE_MIN_WIDTH = 12.0
#: Rows a table must have for a line beside it to be taken for a column's side (a row open
#: at a page break, with no ruling along the cut, counts).
SIDE_MIN_ROWS = 3
#: More rulings than this on one page are not a table (a chart, hatching); the
#: pairwise crossing test would also grow quadratically.
MAX_RULINGS = 3000
#: Grid boxes in one table; a report's largest table has about 30 x 12.
MAX_BOXES = 40_000


@attrs.frozen(slots=True)
class Ruling:
    """A ruling line: ``pos`` across, ``start``..``end`` along."""

    horizontal: bool
    pos: float
    start: float
    end: float


@attrs.frozen(kw_only=True)
class GridCell:
    """A physical cell: its first grid row and column, spans and box."""

    row: int
    column: int
    rowspan: int
    colspan: int
    bbox: tuple[float, float, float, float]


@attrs.frozen(kw_only=True)
class Grid:
    """A table's grid: boundaries, cells and which cell owns each box.

    ``xs`` ascend (left to right); ``ys`` descend (top to bottom, PDF y grows upward).
    """

    xs: tuple[float, ...]
    ys: tuple[float, ...]
    cells: tuple[GridCell, ...]
    owner: tuple[tuple[int, ...], ...]
    #: ``ys`` negated (ascending), for bisection.
    neg_ys: tuple[float, ...]
    #: Cells whose joined boxes do not form a rectangle (a ruling is missing in part).
    irregular: int = 0
    #: The indices in ``cells`` of the rectangles those were cut into.
    cut_cells: tuple[int, ...] = ()
    #: No ruling along the top (bottom) edge: the table goes on beyond it, as
    #: where some producers cut a row at a page break.
    open_top: bool = False
    open_bottom: bool = False
    #: No ruling along the left (right) edge, as where a table wider than the paper
    #: is cut by the page's side.
    open_left: bool = False
    open_right: bool = False

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        """The table's outer box (x0, y0, x1, y1)."""
        return (self.xs[0], self.ys[-1], self.xs[-1], self.ys[0])

    def contains(self, x: float, y: float) -> bool:
        """Whether a point is inside the table."""
        return self.xs[0] <= x <= self.xs[-1] and self.ys[-1] <= y <= self.ys[0]

    def cell_at(self, x: float, y: float) -> int | None:
        """Index in ``cells`` of the cell holding a point, or None outside the grid."""
        if not self.contains(x, y):
            return None
        column = min(max(bisect_right(self.xs, x) - 1, 0), len(self.xs) - 2)
        row = min(max(bisect_right(self.neg_ys, -y) - 1, 0), len(self.ys) - 2)
        return self.owner[row][column]


def _merge_line(segments: list[Segment], horizontal: bool) -> list[Ruling]:
    """Join segments lying on one line (their ``pos`` within SNAP) that touch."""
    out: list[Ruling] = []
    segments.sort(key=lambda s: s.pos)
    group: list[Segment] = []

    def flush() -> None:
        if not group:
            return
        pos = sum(s.pos for s in group) / len(group)
        group.sort(key=lambda s: s.start)
        start, end = group[0].start, group[0].end
        for s in group[1:]:
            if s.start <= end + SNAP:
                end = max(end, s.end)
            else:
                out.append(Ruling(horizontal, pos, start, end))
                start, end = s.start, s.end
        out.append(Ruling(horizontal, pos, start, end))

    for segment in segments:
        if group and segment.pos - group[-1].pos > SNAP:
            flush()
            group = []
        group.append(segment)
    flush()
    return out


def merge_rulings(segments: Sequence[Segment]) -> list[Ruling]:
    """Join the segments of each ruling line."""
    horizontal = [s for s in segments if s.horizontal]
    vertical = [s for s in segments if not s.horizontal]
    return _merge_line(horizontal, True) + _merge_line(vertical, False)


def _touch(h: Ruling, v: Ruling) -> bool:
    return h.start - SNAP <= v.pos <= h.end + SNAP and v.start - SNAP <= h.pos <= v.end + SNAP


def connected_tables(rulings: Sequence[Ruling]) -> list[list[Ruling]]:
    """Groups of rulings that cross or touch, each with >= 2 rulings per direction.

    The caller keeps ``rulings`` under :data:`MAX_RULINGS` (the test is pairwise).
    """
    parent = list(range(len(rulings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    horizontal = [i for i, r in enumerate(rulings) if r.horizontal]
    vertical = [i for i, r in enumerate(rulings) if not r.horizontal]
    for i in horizontal:
        across = rulings[i]
        for j in vertical:
            if _touch(across, rulings[j]):
                a, b = find(i), find(j)
                if a != b:
                    parent[a] = b
    groups: dict[int, list[Ruling]] = {}
    for i, ruling in enumerate(rulings):
        groups.setdefault(find(i), []).append(ruling)
    tables = []
    loose: list[Ruling] = []  # vertical rulings of no table
    for group in groups.values():
        count = sum(1 for r in group if r.horizontal)
        if (count >= 2 and len(group) - count >= 2) or _open_row(group):
            tables.append(group)
        else:
            loose.extend(r for r in group if not r.horizontal)
    for group in tables:
        group.extend(_side_borders(group, loose))
    # Top to bottom: the order the tables are read in.
    tables.sort(key=lambda g: -max(r.pos if r.horizontal else r.end for r in g))
    return tables


def _open_row(group: Sequence[Ruling]) -> bool:
    """Whether ``group`` is one row of cells open at the top or the bottom, or two rows
    open at both.

    A producer that cuts a row at a page break may draw no ruling along the cut: the
    part on either page is then one horizontal ruling with the cells' sides standing
    on it (or hanging from it), all ending at the cut. A page in the middle of a table
    whose rows are taller than what is left of a page may hold only the end of one row
    and the start of the next: one ruling, the sides crossing it and ending at both
    cuts. At least three sides (two cells) are asked for, so a bracket, a box around
    text or a cross is not taken.
    """
    horizontal = [r for r in group if r.horizontal]
    vertical = [r for r in group if not r.horizontal]
    if len(horizontal) != 1 or len(vertical) < 3:
        return False
    (line,) = horizontal
    if (
        abs(line.start - min(v.pos for v in vertical)) > SNAP
        or abs(line.end - max(v.pos for v in vertical)) > SNAP
    ):
        return False  # the sides are not the row's ends
    if all(abs(v.start - line.pos) <= SNAP for v in vertical):
        ends = [v.end for v in vertical]  # standing on the line: open at the top
    elif all(abs(v.end - line.pos) <= SNAP for v in vertical):
        ends = [v.start for v in vertical]  # hanging from it: open at the bottom
    else:
        # Crossing it: open at both ends, and every side runs from cut to cut.
        starts = [v.start for v in vertical]
        ends = [v.end for v in vertical]
        return (
            max(starts) - min(starts) <= SNAP
            and line.pos - starts[0] >= MIN_CELL
            and max(ends) - min(ends) <= SNAP
            and ends[0] - line.pos >= MIN_CELL
        )
    return max(ends) - min(ends) <= SNAP and abs(ends[0] - line.pos) >= MIN_CELL


def _side_borders(group: Sequence[Ruling], loose: list[Ruling]) -> list[Ruling]:
    """Vertical rulings beside ``group`` that are the side of a column crossing it whole.

    A merged cell running down a whole page (table 三's "三、本年度办理结果", continued
    from the page before and going on to the next) has no ruling across it there: its
    outer side touches nothing, and the table would lose the column. A loose vertical
    ruling beside a table of a few rows, a column's width away and along nearly all its
    height, is that side (a change bar in the margin is closer). Taken rulings are removed
    from ``loose``.
    """
    horizontal = [r for r in group if r.horizontal]
    bottom = min(r.start for r in group if not r.horizontal)
    top = max(r.end for r in group if not r.horizontal)
    # A row cut by a page break may have no ruling along the cut: the sides then run past
    # the last ruling across, and that open row counts too (a fragment in the middle of a
    # long table, cut at both ends, has two rulings fewer than rows plus one).
    rows = len(horizontal) - 1
    rows += int(top - max(r.pos for r in horizontal) > MIN_CELL)
    rows += int(min(r.pos for r in horizontal) - bottom > MIN_CELL)
    if rows < SIDE_MIN_ROWS:
        return []  # a row or two: a change bar beside it is as long as a side
    left = min(r.start for r in horizontal)
    right = max(r.end for r in horizontal)
    height = top - bottom
    taken = [
        r
        for r in loose
        if (
            SIDE_MIN_WIDTH <= left - r.pos <= SIDE_COLUMN
            or SIDE_MIN_WIDTH <= r.pos - right <= SIDE_COLUMN
        )
        and min(r.end, top) - max(r.start, bottom) >= SIDE_COVERED * height
    ]
    for ruling in taken:
        loose.remove(ruling)
    return taken


def _boundaries(values: Sequence[float]) -> list[float]:
    """Sorted distinct positions: values within MIN_CELL of each other are one."""
    out: list[list[float]] = []
    for value in sorted(values):
        if out and value - out[-1][-1] <= MIN_CELL:
            out[-1].append(value)
        else:
            out.append([value])
    return [sum(group) / len(group) for group in out]


def _nearest(bounds: Sequence[float], value: float) -> int | None:
    i = bisect_right(bounds, value)
    best: int | None = None
    for j in (i - 1, i):
        if (
            0 <= j < len(bounds)
            and abs(bounds[j] - value) <= MIN_CELL
            and (best is None or abs(bounds[j] - value) < abs(bounds[best] - value))
        ):
            best = j
    return best


def _coverage(rulings: Sequence[Ruling], low: float, high: float) -> float:
    """Share of [low, high] covered by the rulings' extents."""
    spans = sorted((max(r.start, low), min(r.end, high)) for r in rulings)
    covered = 0.0
    reach = low
    for start, end in spans:
        start = max(start, reach)
        if end <= start:
            continue  # within what is counted already, or wholly outside [low, high]
        covered += end - start
        reach = end
    return covered / (high - low) if high > low else 0.0


def _rectangles(boxes: set[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Cut joined grid boxes that are no rectangle into rectangles (row, column, rowspan,
    colspan): from the first box left, the largest rectangle of the boxes starting there.

    A ruling missing in part joins boxes into an L or a step (a cell and a sliver of
    the row below it, a merged label and the box beside it). Taken whole, its bounding
    box would overlap the cells around it and push the values after it out of their
    columns; cut, each piece stays in the rows and columns it covers, a tall merged
    label whole.
    """
    out = []
    left = set(boxes)
    while left:
        r0, c0 = min(left)
        best = (0, 1, 1)
        width = None
        r = r0
        while (r, c0) in left:
            run = 0
            while (r, c0 + run) in left:
                run += 1
            width = run if width is None else min(width, run)
            height = r - r0 + 1
            if height * width > best[0]:
                best = (height * width, height, width)
            r += 1
        _, height, width = best
        out.append((r0, c0, height, width))
        left -= {(r, c) for r in range(r0, r0 + height) for c in range(c0, c0 + width)}
    return out


def build_grid(rulings: Sequence[Ruling]) -> Grid | None:
    """The grid and cells of one group of rulings, or None if it is not a table."""
    horizontal = [r for r in rulings if r.horizontal]
    vertical = [r for r in rulings if not r.horizontal]
    left = min(r.start for r in horizontal)
    right = max(r.end for r in horizontal)
    bottom = min(r.start for r in vertical)
    top = max(r.end for r in vertical)
    # The outer edges count even where a side is open (no ruling drawn there).
    xs = _boundaries([r.pos for r in vertical] + [left, right])
    ys_up = _boundaries([r.pos for r in horizontal] + [bottom, top])
    if len(xs) < 2 or len(ys_up) < 2:
        return None
    ys = ys_up[::-1]
    rows, columns = len(ys) - 1, len(xs) - 1
    if rows * columns > MAX_BOXES:
        return None
    # Rulings by the boundary they lie on.
    on_x: dict[int, list[Ruling]] = {}
    for ruling in vertical:
        i = _nearest(xs, ruling.pos)
        if i is not None:
            on_x.setdefault(i, []).append(ruling)
    on_y: dict[int, list[Ruling]] = {}
    for ruling in horizontal:
        i = _nearest(ys_up, ruling.pos)
        if i is not None:
            on_y.setdefault(len(ys_up) - 1 - i, []).append(ruling)

    parent = list(range(rows * columns))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(rows):
        for c in range(columns):
            box = r * columns + c
            if c + 1 < columns and _coverage(on_x.get(c + 1, ()), ys[r + 1], ys[r]) < COVERED:
                a, b = find(box), find(box + 1)
                if a != b:
                    parent[b] = a
            if r + 1 < rows and _coverage(on_y.get(r + 1, ()), xs[c], xs[c + 1]) < COVERED:
                a, b = find(box), find(box + columns)
                if a != b:
                    parent[b] = a
    members: dict[int, list[int]] = {}
    for box in range(rows * columns):
        members.setdefault(find(box), []).append(box)
    rectangles: list[tuple[int, int, int, int]] = []  # (row, column, rowspan, colspan)
    irregular = 0
    cut: set[tuple[int, int, int, int]] = set()
    for boxes in members.values():
        rs = [b // columns for b in boxes]
        cs = [b % columns for b in boxes]
        r0, r1, c0, c1 = min(rs), max(rs), min(cs), max(cs)
        if (r1 - r0 + 1) * (c1 - c0 + 1) == len(boxes):
            rectangles.append((r0, c0, r1 - r0 + 1, c1 - c0 + 1))
        else:
            irregular += 1
            pieces = _rectangles({(b // columns, b % columns) for b in boxes})
            rectangles.extend(pieces)
            cut.update(pieces)
    rectangles.sort()
    cells: list[GridCell] = []
    owner = [[0] * columns for _ in range(rows)]
    for index, (r0, c0, rowspan, colspan) in enumerate(rectangles):
        for r in range(r0, r0 + rowspan):
            for c in range(c0, c0 + colspan):
                owner[r][c] = index
        cells.append(
            GridCell(
                row=r0,
                column=c0,
                rowspan=rowspan,
                colspan=colspan,
                bbox=(xs[c0], ys[r0 + rowspan], xs[c0 + colspan], ys[r0]),
            )
        )
    return Grid(
        xs=tuple(xs),
        ys=tuple(ys),
        neg_ys=tuple(-y for y in ys),
        cells=tuple(cells),
        owner=tuple(tuple(row) for row in owner),
        irregular=irregular,
        cut_cells=tuple(i for i, rectangle in enumerate(rectangles) if rectangle in cut),
        open_top=_coverage(on_y.get(0, ()), xs[0], xs[-1]) < COVERED,
        open_bottom=_coverage(on_y.get(rows, ()), xs[0], xs[-1]) < COVERED,
        open_left=_coverage(on_x.get(0, ()), ys[-1], ys[0]) < COVERED,
        open_right=_coverage(on_x.get(columns, ()), ys[-1], ys[0]) < COVERED,
    )
