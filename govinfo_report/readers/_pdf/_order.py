"""Reading order of a page: text in columns side by side is read a column at a time.

A report exported from Word or WPS has one column, and reading its lines top to bottom
is right. A web page printed to PDF often has a menu beside the article: reading across
the page then joins a menu entry and a line of the title into one line ("法定主动公开内容"
+ "青禾镇人民政府") and interleaves the menu with the article.

So the page is cut the way an XY-cut cuts it, on the loose glyphs and the tables' boxes:
first into bands at horizontal gaps taller than a line's spacing (the site's banner, the
article, the footer), then each band into columns at a vertical gutter that runs through
the whole band. One side of a gutter must be a few lines tall (a menu beside a one-line
title is cut), so that a single line with a wide gap in it (a signature and its date)
stays one line. A band with neither stays whole, and its lines are read top to bottom
as before; on a page of one column the order is the same as reading the whole page top
to bottom.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import attrs

from govinfo_report.readers._pdf._load import Glyph

__all__ = ["Block", "page_blocks"]

#: A horizontal gap at least this tall (in em of the page's usual glyph size) separates
#: two bands: more than the space between lines of one paragraph at single or 1.5 spacing.
BAND_GAP = 1.0
#: A vertical gap at least this wide (em) that runs through a whole band separates columns.
GUTTER = 1.0
#: A side of a gutter spans at least this height (em): three lines of text or more.
MIN_COLUMN_HEIGHT = 3.0
#: Deepest nesting of cuts (bands in columns in bands …): a page has two or three levels.
MAX_DEPTH = 12

Box = tuple[float, float, float, float]


@attrs.frozen
class Block:
    """A part of the page read as a whole: its glyphs, the tables in it (their indices)
    and whether it begins a column (its first line then begins a paragraph)."""

    glyphs: tuple[Glyph, ...]
    tables: tuple[int, ...]
    new_column: bool
    #: The left edge (rounded to the point) of the column the block is in, or ``None``
    #: on a page without columns side by side: margins are measured per column.
    column: int | None = None


# An item of the page: its box, and a glyph or the index of a table.
_Item = tuple[Box, Glyph | int]
# A block being cut: its items, whether it begins a column, the column's left edge.
_Part = tuple[list[_Item], bool, int | None]


def page_blocks(
    glyphs: Sequence[Glyph], tables: Sequence[Box], page: Box, margin: float
) -> list[Block]:
    """The page's blocks in reading order (see the module docstring).

    What lies in the top or bottom ``margin`` (a share of the page's height) is read
    across, as a band of its own: a running header ("date, page title") is printed
    across the page's columns and must stay one line to be known for one.
    """
    items: list[_Item] = [((g.x0, g.y0, g.x1, max(g.y1, g.y0)), g) for g in glyphs]
    items += [(box, index) for index, box in enumerate(tables)]
    sizes = [g.size for g in glyphs if g.size > 0]
    em = statistics.median(sizes) if sizes else 10.0
    height = page[3] - page[1]
    top, bottom = page[3] - margin * height, page[1] + margin * height
    head: list[_Item] = []
    body: list[_Item] = []
    foot: list[_Item] = []
    for item in items:
        centre = (item[0][1] + item[0][3]) / 2
        (head if centre > top else foot if centre < bottom else body).append(item)
    parts: list[_Part] = [(head, False, None)] if head else []
    parts += _split(body, em, 0, None) if body else []
    parts += [(foot, False, None)] if foot else []
    return [
        Block(
            glyphs=tuple(p for _, p in part if isinstance(p, Glyph)),
            tables=tuple(p for _, p in part if isinstance(p, int)),
            new_column=new_column,
            column=column,
        )
        for part, new_column, column in parts
    ]


def _split(items: list[_Item], em: float, depth: int, column: int | None) -> list[_Part]:
    """``items`` in blocks: (items, whether a column starts, the column's left edge)."""
    if len(items) < 2 or depth >= MAX_DEPTH:
        return [(items, False, column)]
    bands = _gaps(items, vertical=False, gap=BAND_GAP * em)
    if len(bands) > 1:
        return [part for band in bands for part in _split(band, em, depth + 1, column)]
    columns = _gaps(items, vertical=True, gap=GUTTER * em)
    if len(columns) > 1 and max(map(_height, columns)) >= MIN_COLUMN_HEIGHT * em:
        out: list[_Part] = []
        for side in columns:
            left = round(min(box[0] for box, _ in side))
            parts = _split(side, em, depth + 1, left)
            out.append((parts[0][0], True, parts[0][2]))
            out.extend(parts[1:])
        return out
    return [(items, False, column)]


def _height(items: Sequence[_Item]) -> float:
    return max(box[3] for box, _ in items) - min(box[1] for box, _ in items)


def _gaps(items: list[_Item], *, vertical: bool, gap: float) -> list[list[_Item]]:
    """``items`` split where their projection on one axis leaves a gap of ``gap`` or more.

    ``vertical``: the gaps are vertical (columns, left to right); else horizontal
    (bands, top to bottom).
    """
    if vertical:
        keyed = sorted(items, key=lambda item: item[0][0])
        start, end = 0, 2  # x0, x1
    else:
        keyed = sorted(items, key=lambda item: -item[0][3])
        start, end = 3, 1  # top (y1), bottom (y0), going down
    groups: list[list[_Item]] = [[keyed[0]]]
    reach = keyed[0][0][end]
    for item in keyed[1:]:
        box = item[0]
        if vertical:
            opens = box[start] - reach >= gap
            reach = box[end] if opens else max(reach, box[end])
        else:
            opens = reach - box[start] >= gap
            reach = box[end] if opens else min(reach, box[end])
        if opens:
            groups.append([item])
        else:
            groups[-1].append(item)
    return groups
