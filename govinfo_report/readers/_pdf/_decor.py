"""Text decorations: strike-through and underline lines drawn over and under glyphs.

A PDF exported with tracked changes shown (LibreOffice does so by default, Word and WPS
when asked to print the markup) draws a deleted old value struck through next to the
new one, underlined: a cell shows "5̶1̲1̲" and its glyphs read "511". A strike-through
is a thin horizontal line across the middle of a run of glyphs (a quarter em above their
baseline), beginning and ending with the run, whatever lines meet its ends (a ruling runs
between rows of text, never through one); an underline is one just under the
baseline, and no table ruling: vertical lines do not meet it at both ends (at
one end only, it must lie close under the baseline). Struck
glyphs are deleted text and are left out (the reader notes each run); both kinds of line
are taken out of the rulings.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from govinfo_report.readers._pdf._load import Glyph, Segment

__all__ = ["Decorations", "find_decorations"]

#: Where a strike-through lies, in em above the glyphs' baseline: fonts put it at about
#: the middle of the x-height, a quarter em up.
STRIKE_BAND = (0.1, 0.65)
#: Where an underline lies: from this far below the baseline (em) up to the strike band.
#: (The baseline, not the glyph's box: the box's bottom is the font's descent, which
#: fonts give as anything from 0 to a third of an em, so an underline can lie as high
#: in one font's box as a strike-through in another's.)
UNDERLINE_BELOW = 0.45
#: How far below the baseline (em) an underline that a vertical line meets at one end
#: may lie: text filling its cell is underlined up to the cell's side, just under the
#: baseline, while a ruling lies below the glyphs' descent.
UNDERLINE_CLOSE = 0.2
#: How far (in em) a decoration's ends may be from the ends of the run it marks.
END_SLACK = 0.5
#: How close (points) a vertical line must come to a decoration's end to make it a
#: ruling of a table instead (as SNAP in ``_grid``).
TOUCH = 1.5
#: Height (points) of the horizontal bands glyphs are indexed by.
_BAND = 8.0


@attrs.frozen
class Decorations:
    """What :func:`find_decorations` found on a page."""

    #: Runs of struck glyphs, each in reading order.
    struck: tuple[tuple[Glyph, ...], ...]
    #: The page's segments without the decorations.
    segments: tuple[Segment, ...]


def _ends_met(segment: Segment, verticals: Sequence[Segment]) -> int:
    """How many of ``segment``'s two ends a vertical line meets (0, 1 or 2)."""
    start = end = False
    for vertical in verticals:
        if vertical.start - TOUCH <= segment.pos <= vertical.end + TOUCH:
            start = start or abs(vertical.pos - segment.start) <= TOUCH
            end = end or abs(vertical.pos - segment.end) <= TOUCH
            if start and end:
                break
    return start + end


def find_decorations(glyphs: Sequence[Glyph], segments: Sequence[Segment]) -> Decorations:
    """The strike-throughs and underlines among ``segments``, and the glyphs struck."""
    horizontal = [s for s in segments if s.horizontal]
    if not horizontal or not glyphs:
        return Decorations(struck=(), segments=tuple(segments))
    bands: dict[int, list[Glyph]] = {}
    for glyph in glyphs:
        if glyph.direction == 0 and not glyph.text.isspace() and glyph.y1 > glyph.y0:
            for band in range(int(glyph.y0 // _BAND) - 1, int(glyph.y1 // _BAND) + 1):
                bands.setdefault(band, []).append(glyph)
    verticals = [s for s in segments if not s.horizontal]
    struck: list[tuple[Glyph, ...]] = []
    decorations: set[int] = set()
    for number, segment in enumerate(horizontal):
        near = bands.get(int(segment.pos // _BAND))
        if not near:
            continue
        crossed: list[Glyph] = []
        under: list[Glyph] = []
        close = True  # whether every underlined glyph's baseline is just above the line
        for glyph in near:
            # The line runs across a glyph it marks: it covers half the glyph's width or
            # more. (The glyph's centre within a point or two of the line's end is not
            # enough: a hyphen right after a struck number is not struck.)
            covered = min(glyph.x1, segment.end) - max(glyph.x0, segment.start)
            if covered < (glyph.x1 - glyph.x0) / 2 or covered < 0:
                continue
            baseline = glyph.y0 if glyph.baseline is None else glyph.baseline
            offset = (segment.pos - baseline) / max(glyph.size, 1.0)
            if STRIKE_BAND[0] <= offset <= STRIKE_BAND[1]:
                crossed.append(glyph)
            elif -UNDERLINE_BELOW <= offset < STRIKE_BAND[0]:
                under.append(glyph)
                close = close and offset >= -UNDERLINE_CLOSE
        for run, is_strike in ((crossed, True), (under, False)):
            if not run:
                continue
            run.sort(key=lambda g: g.x0)
            slack = END_SLACK * max(g.size for g in run)
            if abs(run[0].x0 - segment.start) > slack or abs(run[-1].x1 - segment.end) > slack:
                continue
            # A line across the middle of glyphs is a strike-through whatever meets its
            # ends (a struck stale value filling a narrow cell from side to side): a ruling
            # runs between rows of text, never through one. A line under them met at both
            # ends is a ruling between two vertical ones; met at one end, it may be a
            # ruling whose other side is missing, or the line under text that fills its
            # cell up to the cell's side: an underline only close under the baseline (a
            # ruling lies below the descent). The vertical lines are asked last, and only
            # for an underline: that looks at every vertical line of the page.
            if is_strike or (met := _ends_met(segment, verticals)) == 0 or (met == 1 and close):
                decorations.add(number)
                if is_strike:
                    struck.append(tuple(run))
                break
    if not decorations:
        return Decorations(struck=(), segments=tuple(segments))
    dropped = {id(horizontal[number]) for number in decorations}
    return Decorations(
        struck=tuple(struck),
        segments=tuple(s for s in segments if id(s) not in dropped),
    )
