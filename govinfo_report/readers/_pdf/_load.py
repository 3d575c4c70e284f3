"""Running pdfminer.six: a PDF's bytes become pages of glyphs and ruling segments.

This is the only module that touches pdfminer. Its content-stream interpreter
is run without layout analysis (``laparams=None``): the reader groups glyphs
itself, and pdfminer's grouping (text boxes) would cost time and scramble
tables. Every pdfminer failure becomes a :class:`ReportError` that names the
page; pdfminer's log warnings (it repairs damaged streams silently, with data
loss) are captured: data loss is an error, the rest become notes.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTContainer, LTCurve, LTImage, LTItem, LTRect
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfdevice import PDFDevice, PDFTextSeq
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import (
    PDFGraphicState,
    PDFPageInterpreter,
    PDFResourceManager,
    PDFTextState,
)
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import PDFStream, resolve1
from pdfminer.runlength import rldecode
from pdfminer.utils import Matrix, PathSegment, apply_matrix_pt

from govinfo_report._errors import ReportError
from govinfo_report._location import Location

__all__ = [
    "MAX_DOCUMENT_CONTENT_BYTES",
    "MAX_DOCUMENT_OBJECTS",
    "MAX_FIGURE_DEPTH",
    "MAX_PAGES",
    "MAX_PAGE_OBJECTS",
    "MAX_SAVED_STATES",
    "MAX_STREAM_BYTES",
    "SLANTED",
    "Glyph",
    "PageContent",
    "Segment",
    "load_pages",
]

#: An annual report has 3 to 60 pages; a ministry's with long annexes may reach
#: 100. Reading costs about 20 ms a page, so 300 pages bound the time at a few
#: seconds while leaving room; a longer file is a compilation, not one report.
MAX_PAGES = 300
#: Glyphs plus drawn paths on one page, those of its form XObjects included. A dense
#: page of small print holds about 4,000 glyphs and a ruled table a few hundred
#: segments; a page with more than this is a vector drawing or a hostile file. They
#: are counted as they are drawn, before the time is spent (pdfminer takes about
#: 50 µs a glyph, so this bounds a page at a few seconds).
MAX_PAGE_OBJECTS = 100_000
#: Glyphs plus drawn paths in the whole document. The five corpus reports draw 1,900
#: to 3,300 (about 470 a page), the test suite's PDFs up to 3,750 (and up to 940 a
#: page): this is 66 times the largest, and 300 pages of the corpus's (MAX_PAGES) fit.
#: pdfminer spends 25 to 190 µs on a glyph (the most when each is its own BT ... ET),
#: so this bounds the reading at about half a minute. A small file can draw one form
#: on every page, so the pages' own limits alone would allow far more.
MAX_DOCUMENT_OBJECTS = 250_000
#: Bytes a page's content stream, or a font's stream pdfminer inflates (ToUnicode map,
#: font program), may inflate to. A dense page of text and rulings takes about 100 KB, a
#: full CJK font about 20 MB; more than this is a compression bomb.
MAX_STREAM_BYTES = 32 * 1024 * 1024
#: Nesting of form XObjects, checked as they are run (a form drawn inside a form
#: deeper than this is refused) and again when collecting glyphs (``LTFigure``);
#: real documents nest one or two deep.
MAX_FIGURE_DEPTH = 16
#: Bytes of content streams interpreted in the whole document, a stream counted each
#: time it is run: a stream shared by many pages, and a form drawn many times (or
#: drawing the one below it twice, at every level: 2**depth runs), are paid for each
#: time. An operator that draws nothing (``q Q``) costs pdfminer as much to parse as
#: one that draws, so the objects drawn do not bound the time. The corpus reports run
#: 35 to 64 KB of content, the test suite's PDFs at most 175 KB: this is 24 times the
#: largest. pdfminer parses about 0.2 MB a second of the densest content (two-byte
#: tokens, "q Q"), so this bounds the interpreting at about 20 seconds.
MAX_DOCUMENT_CONTENT_BYTES = 4 * 1024 * 1024
#: Operands left on pdfminer's operand stack: it copies the whole stack at every
#: operator, so a stream of numbers no operator takes followed by operators would
#: cost the square of its length. No operator takes more than 33 (a colour in
#: DeviceN); the ones below are never used.
MAX_OPERANDS = 64
#: Graphics states saved (``q``) and not yet restored. Acrobat's own limit is 28 (ISO
#: 32000-1, annex C) and the PDFs the tests read nest 4 deep; each saved state holds
#: about 600 bytes, so 2 million unclosed ``q`` (within the content budget) would hold
#: over a gigabyte.
MAX_SAVED_STATES = 256
#: A glyph's box reaches from its font's descent below the baseline to one em above
#: that. Fonts declare their descent as they please: outside this range (in em) it is
#: taken for broken, as in the CJK fonts cairo converts (a whole em, which set the
#: glyphs a line too low, apart from the digits beside them and in the cell below),
#: and the glyph is placed by its baseline with USUAL_DESCENT.
DESCENT_RANGE = (-0.5, 0.1)
USUAL_DESCENT = -0.2
#: How far (points) outside the box of the clipping path a glyph's centre may lie and
#: still be read: rounding, and clips drawn a hair inside a cell's border.
CLIP_SLACK = 1.0
#: Segments shorter than this (points) are dots, ticks or glyph parts, not rulings.
MIN_SEGMENT = 2.0
#: A path this thin (points) in one direction is a line, even when drawn as a
#: filled rectangle (as Word and WPS draw table borders).
THIN = 2.0

#: A glyph turned within this many degrees of a right angle is turned by that
#: right angle (vertical text); further off, it is slanted (a watermark).
SNAP_DEGREES = 6.0
#: ``Glyph.direction`` of a glyph that is not turned by a right angle.
SLANTED = -1

_PDFMINER_LOGGERS = ("pdfminer",)


@attrs.frozen(slots=True)
class Glyph:
    """One drawn character, in PDF coordinates (origin bottom left, points)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    font: str
    #: Direction of writing, counter-clockwise from left-to-right: 0, 90 (bottom
    #: to top), 180, 270 (top to bottom, vertical text in a cell), or SLANTED.
    direction: int = 0
    #: The y of the glyph's origin, on its baseline (upright glyphs), or ``None`` when
    #: unknown. ``y0`` is the font's descent below it, which fonts give as they please.
    baseline: float | None = None
    #: Whether the glyph is a scan's OCR layer: invisible text over an image, as good as
    #: the OCR that wrote it.
    ocr: bool = False

    @property
    def cx(self) -> float:
        """Horizontal centre."""
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        """Vertical centre."""
        return (self.y0 + self.y1) / 2


@attrs.frozen(slots=True)
class Segment:
    """An axis-parallel piece of a ruling line.

    ``pos`` is the y of a horizontal segment or the x of a vertical one;
    ``start`` < ``end`` are its extent along the other axis.
    """

    horizontal: bool
    pos: float
    start: float
    end: float


@attrs.frozen(kw_only=True)
class PageContent:
    """What the reader needs of one page."""

    number: int
    bbox: tuple[float, float, float, float]
    glyphs: tuple[Glyph, ...]
    segments: tuple[Segment, ...]
    #: Boxes of the images drawn on the page.
    images: tuple[tuple[float, float, float, float], ...]
    #: Boxes of the glyphs left out as hidden by a clipping path.
    clipped: tuple[tuple[float, float, float, float], ...] = ()
    #: The parts of ruling lines hidden by a clipping path, as (x0, y0, x1, y1).
    hidden_rulings: tuple[tuple[float, float, float, float], ...] = ()


class _Capture(logging.Handler):
    """Collects pdfminer's log records of this thread while a document is read."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.thread = threading.get_ident()
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.records.append(record.getMessage())

    def take(self) -> list[str]:
        records, self.records = self.records, []
        return records


def _direction(a: float, b: float) -> int:
    """The direction of writing of a glyph whose text matrix starts (a, b, ...)."""
    angle = math.degrees(math.atan2(b, a)) % 360
    nearest = round(angle / 90) * 90 % 360
    off = abs((angle - nearest + 180) % 360 - 180)
    return int(nearest) if off <= SNAP_DEGREES else SLANTED


#: Colour spaces whose components say what colour is painted: in an indexed or separation
#: space they are an index or a tint (a spot colour at full tint is 1, as white is in
#: DeviceGray), in Lab a lightness, in a pattern space a pattern's name.
_PLAIN_SPACES = frozenset({"DeviceGray", "DeviceRGB", "DeviceCMYK", "CalGray", "CalRGB"})


def _plain(space: PDFColorSpace | None) -> bool:
    """Whether a colour in ``space`` can be judged white by its components (see
    :data:`_PLAIN_SPACES`; an ICC profile of one, three or four components is gray, RGB or
    CMYK). An unknown space (None) is taken for DeviceGray, pdfminer's default."""
    if space is None:
        return True
    if space.name == "ICCBased":
        return space.ncomponents in (1, 3, 4)
    return space.name in _PLAIN_SPACES


def _painted_white(color: object, space: PDFColorSpace | None) -> bool:
    """Whether paint of ``color`` in colour space ``space`` is white."""
    return _plain(space) and _white(color)


def _white(color: object) -> bool:
    """Whether a colour's components are white (in a space where they say so, see
    :func:`_plain`): a white line is invisible, not a ruling."""
    if isinstance(color, (int, float)):
        components: Sequence[object] = (color,)
    elif isinstance(color, (tuple, list)):
        components = color
    else:
        return False
    if not components or not all(isinstance(c, (int, float)) for c in components):
        return False
    values = [float(c) for c in components]  # type: ignore[arg-type]
    if len(values) == 4:  # CMYK: white is no ink
        return all(v <= 0.02 for v in values)
    return all(v >= 0.98 for v in values)


def _thin(bbox: tuple[float, float, float, float]) -> Segment | None:
    """The ruling a thin shape draws, or None if the shape is not thin."""
    x0, y0, x1, y1 = bbox
    if y1 - y0 <= THIN and x1 - x0 >= MIN_SEGMENT:
        return Segment(True, (y0 + y1) / 2, x0, x1)
    if x1 - x0 <= THIN and y1 - y0 >= MIN_SEGMENT:
        return Segment(False, (x0 + x1) / 2, y0, y1)
    return None


def _segments_of(
    item: LTCurve, out: list[Segment], hidden: list[tuple[float, float, float, float]]
) -> None:
    """The rulings a painted path draws, cut at the sides of the clip it was drawn in.

    A ruling drawn beyond the clip's left or right side is not seen: a table wider than
    the printed area (Chromium on narrow paper) is cut there, and its side drawn beyond
    would close a side the clip left open. The parts hidden go to ``hidden``: rulings
    running on past the edge are the mark of a table cut there. Above and below the
    clip, rulings are kept as drawn: a producer cutting a row at a page break draws the
    row's border a hair beyond the break, and where rows end is read from it.
    """
    clip = getattr(item, "clip", None)
    if clip is None:
        _drawn_segments(item, out)
        return
    drawn: list[Segment] = []
    _drawn_segments(item, drawn)
    low, high = clip[0] - CLIP_SLACK, clip[2] + CLIP_SLACK
    for segment in drawn:
        if not segment.horizontal:
            if low <= segment.pos <= high:
                out.append(segment)
            else:
                hidden.append((segment.pos, segment.start, segment.pos, segment.end))
            continue
        start, end = max(segment.start, low), min(segment.end, high)
        if end - start >= MIN_SEGMENT:
            out.append(Segment(True, segment.pos, start, end))
        for a, b in (
            (segment.start, min(start, segment.end)),
            (max(end, segment.start), segment.end),
        ):
            if b - a >= MIN_SEGMENT:
                hidden.append((a, segment.pos, b, segment.pos))


def _stroke(item: LTCurve) -> tuple[object, PDFColorSpace | None]:
    """A path's stroking colour and its colour space (see _ClippingAggregator.paint_path)."""
    spaces = getattr(item, "spaces", None)
    return item.stroking_color, None if spaces is None else spaces[0]


def _fill(item: LTCurve) -> tuple[object, PDFColorSpace | None]:
    """A path's filling colour and its colour space."""
    spaces = getattr(item, "spaces", None)
    return item.non_stroking_color, None if spaces is None else spaces[1]


def _drawn_segments(item: LTCurve, out: list[Segment]) -> None:
    """The rulings a painted path draws (none for shading or white paint)."""
    if not (item.stroke or item.fill):
        return
    if _painted_white(*(_stroke(item) if item.stroke else _fill(item))):
        return
    thin = _thin(item.bbox)
    if thin is not None:
        # A line, a hairline box, or a thin filled shape (how Word draws borders).
        out.append(thin)
        return
    if not item.stroke:
        return  # a filled area: shading, not a ruling
    if isinstance(item, LTRect):
        x0, y0, x1, y1 = item.bbox
        out.extend(
            (
                Segment(True, y0, x0, x1),
                Segment(True, y1, x0, x1),
                Segment(False, x0, y0, y1),
                Segment(False, x1, y0, y1),
            )
        )
        return
    for (ax, ay), (bx, by) in itertools.pairwise(item.pts):
        if abs(ay - by) <= THIN / 2 and abs(ax - bx) >= MIN_SEGMENT:
            out.append(Segment(True, (ay + by) / 2, min(ax, bx), max(ax, bx)))
        elif abs(ax - bx) <= THIN / 2 and abs(ay - by) >= MIN_SEGMENT:
            out.append(Segment(False, (ax + bx) / 2, min(ay, by), max(ay, by)))


@attrs.define
class _Collected:
    """What a page draws, as it is collected (see :func:`_collect`)."""

    glyphs: list[Glyph] = attrs.field(factory=list)
    segments: list[Segment] = attrs.field(factory=list)
    images: list[tuple[float, float, float, float]] = attrs.field(factory=list)
    #: Fonts whose glyphs were placed by their baselines (see :data:`DESCENT_RANGE`).
    misplaced: set[str] = attrs.field(factory=set)
    #: Boxes of the glyphs left out as hidden by a clipping path.
    clipped: list[tuple[float, float, float, float]] = attrs.field(factory=list)
    #: The parts of ruling lines hidden by a clipping path.
    hidden_rulings: list[tuple[float, float, float, float]] = attrs.field(factory=list)
    #: Glyphs, paths and images left out because a number placing them is infinite or
    #: undefined (an overflowing number in a matrix): they are on no page.
    unplaced: int = 0
    #: Glyphs drawn in an invisible text render mode (3, or 7: clip only), kept apart
    #: until the page's images are known (see :func:`_visible_text`).
    invisible: list[Glyph] = attrs.field(factory=list)
    #: The text of the invisible glyphs left out, and how many were kept over an image.
    unseen_text: list[str] = attrs.field(factory=list)
    #: Glyphs painted white, kept apart until the page's coloured areas are known (see
    #: :func:`_visible_text`), and the text of those left out.
    white: list[Glyph] = attrs.field(factory=list)
    white_text: list[str] = attrs.field(factory=list)
    #: Boxes of the areas filled with a colour other than white (cell shading), and of
    #: the clips a shading was painted in (``sh``): white text on them is seen.
    grounds: list[tuple[float, float, float, float]] = attrs.field(factory=list)
    ocr_glyphs: int = 0


def _collect(container: Iterable[LTItem], out: _Collected, depth: int) -> None:
    """Walk a page (and its form XObjects) collecting glyphs, segments and images."""
    for item in container:
        if isinstance(item, LTChar):
            text = item.get_text()
            if not text:
                continue
            matrix = item.matrix
            # The origin's y, raised by the text rise (see _ClippingAggregator.render_char).
            baseline = matrix[5] + matrix[3] * getattr(item, "rise", 0.0)
            # One sum tells whether any of them is infinite or NaN (inf - inf is NaN).
            if not math.isfinite(item.x0 + item.x1 + item.y0 + item.y1 + matrix[0] + matrix[1]):
                out.unplaced += 1
                continue
            direction = _direction(matrix[0], matrix[1])
            y0, y1 = item.y0, item.y1
            height = y1 - y0
            misplaced = False
            if direction == 0 and height > 0:
                low, high = DESCENT_RANGE
                if not low <= (y0 - baseline) / height <= high:
                    y0 = baseline + USUAL_DESCENT * height
                    y1 = y0 + height
                    misplaced = True
            clip = getattr(item.graphicstate, "clip", None)
            if clip is not None:
                # The glyph's centre, where it is drawn (its box placed as above).
                x, y = (item.x0 + item.x1) / 2, (y0 + y1) / 2
                if not (
                    clip[0] - CLIP_SLACK <= x <= clip[2] + CLIP_SLACK
                    and clip[1] - CLIP_SLACK <= y <= clip[3] + CLIP_SLACK
                ):
                    out.clipped.append((item.x0, y0, item.x1, y1))
                    continue
            if misplaced:
                out.misplaced.add(item.fontname)
            glyph = Glyph(
                text,
                item.x0,
                y0,
                item.x1,
                y1,
                item.size,
                item.fontname,
                direction=direction,
                baseline=baseline,
            )
            if getattr(item, "invisible", False):
                out.invisible.append(glyph)
            elif _white_glyph(item):
                out.white.append(glyph)
            else:
                out.glyphs.append(glyph)
        elif isinstance(item, (LTCurve, LTImage)) and not math.isfinite(
            item.x0 + item.x1 + item.y0 + item.y1
        ):
            out.unplaced += 1
        elif isinstance(item, LTCurve):
            _segments_of(item, out.segments, out.hidden_rulings)
            if item.fill and not _painted_white(*_fill(item)) and _thin(item.bbox) is None:
                out.grounds.append(item.bbox)
            if item.stroke and item.linewidth > THIN and not _painted_white(*_stroke(item)):
                _stroked_grounds(item, out.grounds)
        elif isinstance(item, LTImage):
            x0, y0, x1, y1 = item.bbox
            out.images.append((x0, y0, x1, y1))
        elif isinstance(item, LTContainer) and depth < MAX_FIGURE_DEPTH:
            _collect(item, out, depth + 1)


def _stroked_grounds(item: LTCurve, out: list[tuple[float, float, float, float]]) -> None:
    """The areas a wide stroke paints: each straight piece of the path (a curve's piece
    from end to end), widened by half the line's width on every side. A stroke wider than
    :data:`THIN` is no line but a band of colour (a cell's ground drawn as one thick line),
    and white text on it is seen."""
    half = item.linewidth / 2
    points = list(item.pts)
    if isinstance(item, LTRect) and points:
        points.append(points[0])  # pdfminer gives a rectangle's corners, not its closing side
    for (ax, ay), (bx, by) in itertools.pairwise(points):
        out.append((min(ax, bx) - half, min(ay, by) - half, max(ax, bx) + half, max(ay, by) + half))


#: Black as a fill colour's components: in gray (0.0 is false already), RGB and CMYK.
_BLACK = frozenset({(0.0, 0.0, 0.0), (0.0, 0.0, 0.0, 1.0), (0.0,)})


def _white_glyph(item: LTChar) -> bool:
    """Whether a glyph is painted white: its fill and, when it is stroked (text render
    modes 1, 2, 5 and 6), its outline. Outlined text, white inside a dark outline, is
    seen by its outline."""
    state = item.graphicstate
    render = getattr(item, "render", 0)
    if render not in (1, 5):  # filled
        color = state.ncolor
        # Black (0, or black in RGB or CMYK), or no colour: the usual glyph, answered at
        # once (a page draws thousands).
        if (
            not color
            or (isinstance(color, tuple) and color in _BLACK)
            or not _painted_white(color, item.ncs)
        ):
            return False
    if render in (1, 2, 5, 6):  # stroked
        return _painted_white(state.scolor, state.scs)
    return True


def _visible_text(collected: _Collected) -> None:
    """Sort the page's invisible glyphs: an OCR layer over a scanned image is kept, as
    the text the image shows; any other invisible text is not on the page, and is left out
    (a stale value hidden in a cell would otherwise be read). Glyphs painted white are
    seen on a coloured area or an image, and left out elsewhere: white on the white page,
    a stale value whited out is as hidden as one in render mode 3."""
    grounds = collected.images + collected.grounds
    for glyph in collected.white:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.y0 + glyph.y1) / 2
        if any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in grounds):
            collected.glyphs.append(glyph)
        elif not glyph.text.isspace():
            collected.white_text.append(glyph.text)
    images = collected.images
    for glyph in collected.invisible:
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.y0 + glyph.y1) / 2
        if any(x0 <= x <= x1 and y0 <= y <= y1 for x0, y0, x1, y1 in images):
            collected.glyphs.append(attrs.evolve(glyph, ocr=True))
            collected.ocr_glyphs += 1
        else:
            collected.unseen_text.append(glyph.text)


def _collected_notes(collected: _Collected) -> list[tuple[str, str]]:
    notes = []
    for code, glyphs, what in (
        ("repair.pdf-white-text", collected.white_text, "painted white on no coloured area "
         "(unseen on the white page)"),
        ("repair.pdf-invisible-text", collected.unseen_text, "of invisible text (text render "
         "mode 3) over no image"),
    ):  # fmt: skip
        if glyphs:
            text = "".join(glyphs)
            notes.append((code, f"{len(text)} glyph(s) {what} were left out: {text[:40]!r}"))
    if collected.ocr_glyphs:
        notes.append(
            (
                "repair.pdf-ocr-layer",
                f"{collected.ocr_glyphs} glyph(s) of invisible text over an image were read "
                "as the text the image shows (a scan's OCR layer); the values in it are "
                "doubtful, as good as the OCR",
            )
        )
    if collected.misplaced:
        names = ", ".join(sorted(collected.misplaced))
        notes.append(
            (
                "repair.pdf-font-metrics",
                f"font(s) {names} declare an implausible descent; their glyphs were placed "
                "by their baselines",
            )
        )
    if collected.clipped:
        notes.append(
            (
                "repair.pdf-clipped-text",
                f"{len(collected.clipped)} glyph(s) hidden by a clipping path (text running out "
                "of its cell or frame) were left out",
            )
        )
    if collected.unplaced:
        notes.append(
            (
                "repair.pdf-unplaced",
                f"{collected.unplaced} glyph(s), path(s) or image(s) placed by an infinite or "
                "undefined number (an overflowing matrix or box) were left out",
            )
        )
    return notes


class _ClipState(PDFGraphicState):
    """The graphic state, with the box (device space) of the clipping path, if any."""

    def __init__(self) -> None:
        super().__init__()
        self.clip: tuple[float, float, float, float] | None = None

    def copy(self) -> _ClipState:
        state = _ClipState()
        state.__dict__.update(self.__dict__)
        return state


class _ClippingAggregator(PDFPageAggregator):
    """pdfminer's layout device, giving each painted path the clip it was drawn in, and
    counting what is drawn against :data:`MAX_PAGE_OBJECTS` and
    :data:`MAX_DOCUMENT_OBJECTS`."""

    page_objects = 0
    document_objects = 0
    #: The boxes (device space) of the clips in force where the page painted a shading
    #: with ``sh``, which makes no layout item (see _ClippingInterpreter.do_sh).
    shaded: list[tuple[float, float, float, float]]

    def begin_page(self, page: PDFPage, ctm: Matrix) -> None:
        self.page_objects = 0
        self.shaded = []
        super().begin_page(page, ctm)

    def _count(self) -> None:
        self.page_objects += 1
        self.document_objects += 1
        if self.page_objects > MAX_PAGE_OBJECTS:
            raise ReportError(
                f"the page holds more than {MAX_PAGE_OBJECTS} drawn objects (glyphs and "
                "paths, its form XObjects included); this is a drawing or a hostile file, "
                "not a report page"
            )
        if self.document_objects > MAX_DOCUMENT_OBJECTS:
            raise ReportError(
                f"the PDF draws more than {MAX_DOCUMENT_OBJECTS} glyphs and paths in all: "
                "far more than an annual report (a dense page holds about 4,000)"
            )

    #: Whether the string being drawn is invisible (text render mode 3, or 7: clip only).
    invisible = False

    def render_string(
        self,
        textstate: PDFTextState,
        seq: PDFTextSeq,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> None:
        self.invisible = textstate.render in (3, 7)
        self.render = textstate.render
        self.rise = textstate.rise
        super().render_string(textstate, seq, ncs, graphicstate)

    #: The text rise (``Ts``) of the string being drawn, in text space.
    rise: float = 0.0
    #: The text render mode of the string being drawn (0 fill, 1 stroke, 2 both…).
    render: int = 0

    def render_char(self, *args: Any, **kwargs: Any) -> float:
        self._count()
        advance = super().render_char(*args, **kwargs)
        if self.invisible:
            self.cur_item._objs[-1].invisible = True  # type: ignore[attr-defined]
        if self.render:
            self.cur_item._objs[-1].render = self.render  # type: ignore[attr-defined]
        if self.rise:
            # pdfminer raises the glyph's box by the rise but not its matrix, which
            # places the origin: without it a raised footnote mark ("125¹" drawn with
            # Ts) would seem a glyph of broken metrics, be put back on the baseline
            # and read into the number.
            self.cur_item._objs[-1].rise = self.rise  # type: ignore[attr-defined]
        return advance

    def paint_path(
        self,
        gstate: PDFGraphicState,
        stroke: bool,
        fill: bool,
        evenodd: bool,
        path: Sequence[PathSegment],
    ) -> None:
        self._count()
        items = self.cur_item._objs
        before = len(items)
        super().paint_path(gstate, stroke, fill, evenodd, path)
        clip = getattr(gstate, "clip", None)
        # pdfminer's items keep the colours but not their spaces, without which a spot
        # colour at full tint (1) or index 1 of a palette looks white.
        spaces = (gstate.scs, gstate.ncs)
        for item in items[before:]:
            item.spaces = spaces  # type: ignore[attr-defined]
            if clip is not None:
                item.clip = clip  # type: ignore[attr-defined]


class _Budget:
    """The content-stream bytes run so far in one document, shared by the interpreters
    pdfminer makes for the form XObjects."""

    __slots__ = ("checked", "content")

    def __init__(self) -> None:
        self.content = 0
        #: The font streams already checked for a compression bomb (by object).
        self.checked: set[int] = set()


class _ClippingInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, keeping the clipping path's box in the graphic state.

    pdfminer ignores clipping, so text a producer draws whole and clips to its cell
    (LibreOffice's repeated header cell, cut short on a continued page) would be read
    where it is hidden, inside the cells below. The box of the path is taken for the
    clip (a rectangle, as producers clip cells and frames), intersected with the clip
    in force; each glyph and painted path keeps the state it was drawn in. A form
    XObject, which pdfminer interprets afresh, starts in the clip in force where it is
    drawn.
    """

    def __init__(self, rsrcmgr: PDFResourceManager, device: PDFDevice) -> None:
        super().__init__(rsrcmgr, device)
        #: The clip in force where the form XObject this interpreter draws is drawn.
        self.inherited: tuple[float, float, float, float] | None = None
        #: How many form XObjects deep this interpreter runs (0: the page's content).
        self.depth = 0
        self.budget = _Budget()

    def dup(self) -> PDFPageInterpreter:
        # pdfminer makes a new interpreter for each form XObject it draws.
        interpreter = super().dup()
        if isinstance(interpreter, _ClippingInterpreter):
            interpreter.inherited = getattr(self.graphicstate, "clip", None)
            interpreter.depth = self.depth + 1
            interpreter.budget = self.budget
        return interpreter

    def render_contents(
        self,
        resources: dict[object, object],
        streams: Sequence[object],
        ctm: Matrix = (1, 0, 0, 1, 0, 0),
    ) -> None:
        # Checked as the forms are run: each form can draw the one below it twice, so
        # the work doubles at each level and would be spent before any check on the
        # layout pdfminer returns.
        if self.depth > MAX_FIGURE_DEPTH:
            raise ReportError(
                f"form XObjects are nested more than {MAX_FIGURE_DEPTH} deep "
                "(MAX_FIGURE_DEPTH) on this page; a report nests them one or two deep: "
                "this is a hostile file"
            )
        super().render_contents(resources, streams, ctm)

    def init_resources(self, resources: dict[object, object]) -> None:
        # pdfminer decodes a font's ToUnicode map and its font program whole, in memory,
        # when it loads the font: a few hundred kilobytes could inflate to gigabytes.
        # Each is checked first, once a document.
        fonts = resolve1(resources.get("Font")) if isinstance(resources, dict) else None
        if isinstance(fonts, dict):
            checked = self.budget.checked
            for spec in fonts.values():
                for stream in _font_streams(resolve1(spec)):
                    if id(stream) not in checked:
                        checked.add(id(stream))
                        if stream.rawdata is not None and stream.get_filters():
                            _check_inflated_size(stream, stream.rawdata, "a font's stream")
        super().init_resources(resources)

    def do_q(self) -> None:
        if len(self.gstack) >= MAX_SAVED_STATES:
            raise ReportError(
                f"more than {MAX_SAVED_STATES} graphics states saved and not restored "
                "(MAX_SAVED_STATES); a PDF writer nests a few: this is a hostile file"
            )
        super().do_q()

    def pop(self, n: int) -> list[Any]:
        # pdfminer copies the whole operand stack at every operator: operands that no
        # operator took are dropped first (see MAX_OPERANDS).
        if len(self.argstack) > MAX_OPERANDS:
            del self.argstack[:-MAX_OPERANDS]
        result: list[Any] = super().pop(n)
        return result

    def execute(self, streams: Sequence[object]) -> None:
        # Charged before pdfminer parses them, each time they are run (pdfminer offers no
        # hook inside its loop over the operators). The decoded data is kept by the
        # stream, so asking its length here costs pdfminer nothing later.
        budget = self.budget
        for item in streams:
            stream = resolve1(item)
            if isinstance(stream, PDFStream):
                raw = stream.rawdata
                if raw is not None and stream.get_filters():
                    # Not decoded yet: a form XObject's stream (the page's were checked
                    # in _lost_streams), which pdfminer would inflate whole.
                    _check_inflated_size(stream, raw)
                budget.content += len(stream.get_data())
        if budget.content > MAX_DOCUMENT_CONTENT_BYTES:
            raise ReportError(
                f"the PDF's content streams run to more than {MAX_DOCUMENT_CONTENT_BYTES} "
                "bytes in all (MAX_DOCUMENT_CONTENT_BYTES), a stream counted each time a "
                "page or a form runs it; an annual report needs far less: this is a "
                "hostile file"
            )
        super().execute(streams)

    def init_state(self, ctm: Matrix) -> None:
        super().init_state(ctm)
        self.graphicstate = _ClipState()
        self.graphicstate.clip = self.inherited

    def do_sh(self, name: object) -> None:
        # A shading (a gradient) painted over the whole clip: pdfminer draws nothing for it,
        # but white text on it is seen. Where the shading itself ends (its coordinates,
        # its own box) is not worked out: the clip's box holds all it paints, so white text
        # is never dropped from it; what lies outside is sure to be unpainted.
        device = self.device
        if isinstance(device, _ClippingAggregator):
            clip = getattr(self.graphicstate, "clip", None)
            device.shaded.append(clip or (-math.inf, -math.inf, math.inf, math.inf))
        super().do_sh(name)

    def do_W(self) -> None:
        self._clip()

    def do_W_a(self) -> None:
        self._clip()

    def _clip(self) -> None:
        points = [
            apply_matrix_pt(self.ctm, (float(segment[i]), float(segment[i + 1])))
            for segment in self.curpath
            for i in range(1, len(segment) - 1, 2)
        ]
        state = self.graphicstate
        if not points or not isinstance(state, _ClipState):
            return
        xs, ys = [x for x, _ in points], [y for _, y in points]
        box = (min(xs), min(ys), max(xs), max(ys))
        if state.clip is not None:
            old = state.clip
            box = (
                max(box[0], old[0]),
                max(box[1], old[1]),
                min(box[2], old[2]),
                min(box[3], old[3]),
            )
        # A new state: glyphs drawn before keep the clip they were drawn in.
        clipped = state.copy()
        clipped.clip = box
        self.graphicstate = clipped


def _open(data: bytes) -> PDFDocument:
    if b"%%EOF" not in data[-4096:] and b"%%EOF" not in data:
        raise ReportError(
            "the PDF is truncated or damaged: it has no %%EOF end marker (the file was "
            "probably cut off while downloading or copying); get the complete file"
        )
    try:
        return PDFDocument(PDFParser(io.BytesIO(data)), password="")
    except PDFPasswordIncorrect:
        raise ReportError(
            "the PDF is encrypted and needs a password to be opened; "
            "save an unprotected copy and parse that"
        ) from None
    except PDFEncryptionError as exc:
        raise ReportError(
            f"the PDF is encrypted in a way that cannot be read ({exc}); "
            "save an unprotected copy and parse that"
        ) from None
    except Exception as exc:  # pdfminer raises many types on damaged files
        raise ReportError(f"the PDF is damaged and cannot be opened ({_describe(exc)})") from None


def _describe(exc: BaseException) -> str:
    text = str(exc)
    if len(text) > 120:
        text = text[:117] + "..."
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _page_list(document: PDFDocument) -> list[PDFPage]:
    pages: list[PDFPage] = []
    try:
        for page in PDFPage.create_pages(document):
            pages.append(page)
            if len(pages) > MAX_PAGES:
                raise ReportError(
                    f"the PDF has more than {MAX_PAGES} pages; an annual report is far "
                    "shorter, so this is a compilation or not a report"
                )
    except ReportError:
        raise
    except Exception as exc:
        raise ReportError(f"the PDF's page tree is damaged ({_describe(exc)})") from None
    if not pages:
        raise ReportError("the PDF has no pages")
    return pages


def _pdfminer_notes(messages: Sequence[str]) -> list[tuple[str, str]]:
    return [("repair.pdf", f"pdfminer: {message}") for message in dict.fromkeys(messages)]


def _lost_streams(page: PDFPage) -> int:
    """Count the page's content streams that are missing or decode to nothing.

    pdfminer replaces a stream it cannot find or inflate with nothing,
    silently; the page would then read as empty. Decoding here first
    (pdfminer caches the result, so nothing is decoded twice) lets the reader
    say so.
    """
    lost = 0
    for item in page.contents:
        stream = resolve1(item)
        if not isinstance(stream, PDFStream):
            lost += 1  # /Contents names an object the file does not hold
            continue
        raw = stream.rawdata
        if raw is None or len(raw) < 16 or not stream.get_filters():
            continue
        _check_inflated_size(stream, raw)
        if not stream.get_data():
            lost += 1
    return lost


#: Filter names (and their abbreviations) whose output is checked against
#: MAX_STREAM_BYTES step by step, as pdfminer would decode them.
_FLATE = frozenset({"FlateDecode", "Fl"})
_LZW = frozenset({"LZWDecode", "LZW"})
_RUN_LENGTH = frozenset({"RunLengthDecode", "RL"})
_ASCII85 = frozenset({"ASCII85Decode", "A85"})
_ASCII_HEX = frozenset({"ASCIIHexDecode", "AHx"})
#: Input fed to the inflater at a time: on damage, what it inflated from the piece it was
#: fed is lost (zlib gives nothing of it), so that bounds what the check misses.
_INFLATE_PIECE = 1024


def _font_streams(spec: object) -> list[PDFStream]:
    """The streams pdfminer decodes when it loads the font ``spec``: its ToUnicode map;
    the font program of a simple font without an encoding (FontFile, read for the
    encoding in it); a CID font's TrueType program (FontFile2, read for its cmap)."""
    if not isinstance(spec, dict):
        return []
    found = [spec.get("ToUnicode")]
    descriptor = resolve1(spec.get("FontDescriptor"))
    if isinstance(descriptor, dict) and "Encoding" not in spec:
        found.append(descriptor.get("FontFile"))
    descendants = resolve1(spec.get("DescendantFonts"))
    if isinstance(descendants, list):
        for font in descendants[:4]:  # one, by the standard
            font = resolve1(font)
            if isinstance(font, dict):
                descriptor = resolve1(font.get("FontDescriptor"))
                found.append(font.get("ToUnicode"))
                if isinstance(descriptor, dict):
                    found.append(descriptor.get("FontFile2"))
    return [stream for item in found if isinstance(stream := resolve1(item), PDFStream)]


def _check_inflated_size(
    stream: PDFStream, raw: bytes, what: str = "a page content stream"
) -> None:
    """Refuse a stream (``what`` it is, for the message) that decodes to more than
    MAX_STREAM_BYTES.

    pdfminer decodes a stream whole, in memory; a few kilobytes can inflate to
    gigabytes (a "zip bomb"). Decoding first, each filter of the chain in turn and each
    stopped at the limit, costs little: content streams are small. An encrypted stream is
    decrypted first (decryption does not enlarge it). A chain holding another filter
    (an image's, which pdfminer passes through undecoded, or CCITT fax) is checked up to
    that filter only; predictors change no stream's size much and are not applied.
    """
    data = raw
    try:
        if stream.decipher is not None:
            if stream.objid is None or stream.genno is None:
                return  # not an object of the file: pdfminer cannot decrypt it either
            data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
        for name, _ in stream.get_filters():
            name = getattr(name, "name", None)
            if name in _FLATE:
                data = _inflate(data)
            elif name in _LZW:
                data = _unlzw(data)
            elif name in _RUN_LENGTH:
                if _run_length_size(data) > MAX_STREAM_BYTES:
                    _refuse_bomb(what)
                data = rldecode(data)
            elif name in _ASCII85:
                # Five characters make four bytes, and "z" alone makes four zero bytes.
                if 4 * data.count(b"z") + len(data) > MAX_STREAM_BYTES:
                    _refuse_bomb(what)
                data = ascii85decode(data)
            elif name in _ASCII_HEX:
                data = asciihexdecode(data)  # two characters a byte: never larger
            else:
                return
            if len(data) > MAX_STREAM_BYTES:
                _refuse_bomb(what)
    except ReportError:
        raise
    except Exception:
        return  # damaged: pdfminer's own decoding says so


def _refuse_bomb(what: str) -> None:
    raise ReportError(
        f"{what} inflates to more than {MAX_STREAM_BYTES} bytes; "
        "this is a hostile file (a compression bomb), not a report page"
    )


def _inflate(data: bytes) -> bytes:
    """``data`` inflated, up to one byte over MAX_STREAM_BYTES. On damage, what inflated
    before it (pdfminer keeps it all when only the checksum is wrong)."""
    inflater = zlib.decompressobj()
    out = bytearray()
    try:
        for start in range(0, len(data), _INFLATE_PIECE):
            piece = data[start : start + _INFLATE_PIECE]
            while piece and len(out) <= MAX_STREAM_BYTES and not inflater.eof:
                out += inflater.decompress(piece, MAX_STREAM_BYTES + 1 - len(out))
                piece = inflater.unconsumed_tail
            if len(out) > MAX_STREAM_BYTES or inflater.eof:
                break
    except zlib.error:
        pass
    return bytes(out)


def _unlzw(data: bytes) -> bytes:
    """``data`` LZW-decoded by pdfminer's decoder, a code at a time, stopped one byte
    over MAX_STREAM_BYTES."""
    out = bytearray()
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        out += chunk
        if len(out) > MAX_STREAM_BYTES:
            break
    return bytes(out)


def _run_length_size(data: bytes) -> int:
    """The size ``data`` run-length decodes to (PDF's RunLengthDecode: a length byte
    under 128 copies that many bytes plus one, over 128 repeats the next byte 257 minus
    it times, 128 ends), counted up to one byte over MAX_STREAM_BYTES."""
    size = index = 0
    while index < len(data) and size <= MAX_STREAM_BYTES:
        length = data[index]
        if length == 128:
            break
        if length < 128:
            size += length + 1
            index += length + 2
        else:
            size += 257 - length
            index += 2
    return size


def _data_loss(messages: Sequence[str]) -> str | None:
    for message in messages:
        lowered = message.lower()
        if "data-loss" in lowered or "corrupt" in lowered:
            return message
    return None


def load_pages(data: bytes) -> Iterator[tuple[PageContent, list[tuple[str, str]]]]:
    """Interpret every page; yield its content and the notes about it (code, message).

    The notes are pdfminer's warnings (``repair.pdf``) and, with the first
    page, the repairs made to open the file.
    """
    capture = _Capture()
    loggers = [logging.getLogger(name) for name in _PDFMINER_LOGGERS]
    for logger in loggers:
        logger.addHandler(capture)
    try:
        opening: list[tuple[str, str]] = []
        start = data.find(b"%PDF-", 0, 1024)
        if start > 0:
            # Offsets in a PDF count from its header; readers skip what comes
            # before it (a mail or HTTP header, a byte order mark).
            data = data[start:]
            opening.append(
                ("repair.pdf-prefix", f"{start} bytes before the %PDF- header were skipped")
            )
        document = _open(data)
        pages = _page_list(document)
        manager = PDFResourceManager(caching=True)
        device = _ClippingAggregator(manager, laparams=None)
        interpreter = _ClippingInterpreter(manager, device)
        opening += _pdfminer_notes(capture.take())
        for number, page in enumerate(pages, 1):
            where = Location(carrier="pdf", page=number)
            try:
                if _lost_streams(page):
                    raise ReportError(
                        "the PDF is damaged: this page's content is missing or cannot be "
                        "decompressed",
                        where,
                    )
                interpreter.process_page(page)
                layout = device.get_result()
            except ReportError as exc:
                if exc.where == "whole input":
                    raise ReportError(exc.reason, where) from None
                raise
            except Exception as exc:
                raise ReportError(
                    f"the page's content cannot be read ({_describe(exc)})", where
                ) from None
            if not math.isfinite(sum(layout.bbox)):
                raise ReportError(
                    "the page's size (its MediaBox) is not a finite number: the PDF is damaged",
                    where,
                )
            collected = _Collected()
            collected.grounds.extend(device.shaded)
            _collect(layout, collected, 0)
            if collected.invisible or collected.white:
                _visible_text(collected)
            messages = capture.take()
            lost = _data_loss(messages)
            if lost is not None:
                raise ReportError(
                    f"the PDF is damaged: part of this page's content is lost ({lost})", where
                )
            x0, y0, x1, y1 = layout.bbox
            yield (
                PageContent(
                    number=number,
                    bbox=(x0, y0, x1, y1),
                    glyphs=tuple(collected.glyphs),
                    segments=tuple(collected.segments),
                    images=tuple(collected.images),
                    clipped=tuple(collected.clipped),
                    hidden_rulings=tuple(collected.hidden_rulings),
                ),
                opening + _pdfminer_notes(messages) + _collected_notes(collected),
            )
            opening = []
    finally:
        for logger in loggers:
            logger.removeHandler(capture)
