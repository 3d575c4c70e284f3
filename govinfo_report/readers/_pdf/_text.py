"""From glyphs to text lines, cell text and paragraphs.

A *line* is the glyphs whose vertical centres fall in one band, read left to
right. Spaces the PDF draws are kept; a space is added only where glyphs stand
apart (a gap wider than :data:`WORD_GAP` em between Latin letters or digits, or
:data:`CJK_GAP` em between Chinese characters): a kerned number ("2" "0" of 20)
stays one number. Lines are joined without a space where either side is Chinese
(a wrapped "商业企" + "业"), with one otherwise.

Paragraphs are rebuilt from lines with the signals Chinese documents give: a
first-line indent, a line that ends short of the right margin, a change of
size or typeface, leading enumeration ("一、", "（二）") and a wider gap than the
page's usual line pitch.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from govinfo_report.readers._marks import MAX_FOOTNOTE_MARK
from govinfo_report.readers._pdf._load import Glyph

__all__ = [
    "TextLine",
    "enumerated",
    "group_lines",
    "join_lines",
    "paragraph_breaks",
]

#: Gap (in em of the font size) between Latin letters or digits that is a space.
WORD_GAP = 0.3
#: Gap between Chinese characters that separates two items (justified text
#: spreads characters by a fraction of an em; that is not a space).
CJK_GAP = 1.5
#: Two drawings of the same character this close (em) are one (fake bold).
DUPLICATE = 0.2
#: A line starting more than this (em) after the left margin is indented.
INDENT = 0.6
#: A pitch this many times the page's usual line pitch separates paragraphs.
WIDE_PITCH = 1.3
#: Lines further apart than this (em, baseline to baseline) on one page are never one
#: paragraph, whatever the page's usual pitch (unknown on a page of a few lines): the
#: widest line spacing of a report (a fixed 28 pt under 10.5 pt print) is under 3 em.
MAX_LINE_GAP = 4.0
#: Sizes differing by more than this share belong to different paragraphs.
SIZE_CHANGE = 0.15

_SUBSET_RE = re.compile(r"^[A-Z]{6}\+")
#: Enumeration that opens a heading or list item: "一、" "（二）" "3." "第四部分".
_ENUMERATION_RE = re.compile(
    # "(1)" to "(99)", not "(010)", an area code before a phone number.
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*(?:[一二三四五六七八九十]{1,3}|[1-9]\d?)\s*[)）]"
    r"|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十]{1,3}[部分章节条])"
)


def is_cjk(char: str) -> bool:
    """Whether a character is Chinese (ideograph or full-width punctuation)."""
    if not char:
        return False
    code = ord(char[0])
    return (
        0x3000 <= code <= 0x303F  # CJK punctuation
        or 0x3400 <= code <= 0x9FFF  # ideographs
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x2FA1F
        or char[0] in "“”‘’—…·"
    )


def enumerated(text: str) -> bool:
    """Whether ``text`` opens with enumeration ("一、", "（二）", "3.", "第四部分")."""
    return bool(_ENUMERATION_RE.match(text))


def enumeration_only(text: str) -> bool:
    """Whether ``text`` is an enumeration and nothing else ("（三）", "2."): no label."""
    match = _ENUMERATION_RE.match(text)
    return match is not None and not text[match.end() :].strip()


def _family(font: str) -> str:
    return _SUBSET_RE.sub("", font)


@attrs.frozen(kw_only=True)
class TextLine:
    """Glyphs on one baseline, left to right, with their text."""

    glyphs: tuple[Glyph, ...]
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    #: Typeface of the line's Chinese glyphs (None when there are none).
    cjk_font: str | None
    #: Whether a space was put between two digit runs standing apart.
    split_digits: bool = False
    #: Direction of writing (``Glyph.direction``); for a turned line the
    #: coordinates are those of its own frame, where it reads left to right.
    direction: int = 0

    @property
    def top(self) -> float:
        """The top edge (PDF y grows upward)."""
        return self.y1


def _line_text(glyphs: Sequence[Glyph]) -> tuple[str, bool]:
    text, split_digits, spaced = _spaced(glyphs, 0.0)
    if spaced and (tracking := _tracking(glyphs)) > 0.0:
        # A line set letter-spaced (a date spread under the signature, a title set wide
        # or spread across the page, WPS's justification by kerning) spreads its digits as
        # it spreads its Chinese: "2 0 2 5年" is 2025年, "年 度 报 告" 年度报告. Only a gap
        # wider than the spacing is a space.
        text, split_digits, _ = _spaced(glyphs, tracking)
    return text, split_digits


def _spaced(glyphs: Sequence[Glyph], tracking: float) -> tuple[str, bool, bool]:
    """The text of a line's glyphs, a space put where they stand apart beyond the line's
    letter-spacing (``tracking``, in em): Latin letters or digits more than ``WORD_GAP``
    em, Chinese characters more than ``CJK_GAP`` em. Also whether two digit runs were so
    parted, and whether any space was put."""
    parts: list[str] = []
    split_digits = spaced = False
    previous: Glyph | None = None
    word_gap, cjk_gap = WORD_GAP + tracking, CJK_GAP + tracking
    for glyph in glyphs:
        if previous is not None:
            gap = glyph.x0 - previous.x1
            size = max(previous.size, glyph.size, 1.0)
            last = parts[-1][-1:] if parts else ""
            first = glyph.text[:1]
            if not (last.isspace() or first.isspace()):
                cjk = is_cjk(last) or is_cjk(first)
                if gap > (cjk_gap if cjk else word_gap) * size:
                    parts.append(" ")
                    spaced = True
                    if last.isdigit() and first.isdigit():
                        split_digits = True
        parts.append(glyph.text)
        previous = glyph
    return "".join(parts), split_digits, spaced


def _tracking(glyphs: Sequence[Glyph]) -> float:
    """A line's letter-spacing (em): the gap every character beside a Chinese one gets
    (they are otherwise set solid), taken as the lower quartile of those gaps, so that a
    wide gap or two (a space, a value beside its label) are not spacing; 0 when fewer than
    two such gaps tell it."""
    gaps: list[float] = []
    previous: Glyph | None = None
    for glyph in glyphs:
        if glyph.text.isspace():
            previous = None
            continue
        if previous is not None and (is_cjk(previous.text[-1:]) or is_cjk(glyph.text[:1])):
            gaps.append((glyph.x0 - previous.x1) / max(previous.size, glyph.size, 1.0))
        previous = glyph
    if len(gaps) < 2:
        return 0.0
    gaps.sort()
    return max(gaps[len(gaps) // 4], 0.0)


def _middle(values: list[float]) -> float:
    """The median (upper, for an even count), without ``statistics``' overhead."""
    values.sort()
    return values[len(values) // 2]


def _make_line(glyphs: list[Glyph], direction: int) -> TextLine:
    glyphs.sort(key=lambda g: g.x0)
    kept: list[Glyph] = []
    sizes: list[float] = []
    fonts: dict[str, int] = {}
    x0 = y0 = float("inf")
    x1 = y1 = float("-inf")
    for glyph in glyphs:
        if kept:
            last = kept[-1]
            if (
                glyph.text == last.text
                and abs(glyph.x0 - last.x0) < DUPLICATE * glyph.size
                and abs(glyph.y0 - last.y0) < DUPLICATE * glyph.size
            ):
                continue  # drawn twice, offset a little: fake bold
        kept.append(glyph)
        # Plain comparisons: this runs for every glyph of the document.
        if glyph.x0 < x0:
            x0 = glyph.x0
        if glyph.y0 < y0:
            y0 = glyph.y0
        if glyph.x1 > x1:
            x1 = glyph.x1
        if glyph.y1 > y1:
            y1 = glyph.y1
        if not glyph.text.isspace():
            sizes.append(glyph.size)
            if is_cjk(glyph.text):
                fonts[glyph.font] = fonts.get(glyph.font, 0) + 1
    text, split_digits = _line_text(kept)
    return TextLine(
        glyphs=tuple(kept),
        text=text,
        x0=x0,
        y0=y0,
        x1=x1,
        y1=y1,
        size=_middle(sizes or [g.size for g in kept]),
        cjk_font=_family(max(fonts, key=fonts.__getitem__)) if fonts else None,
        split_digits=split_digits,
        direction=direction,
    )


def _turn(glyph: Glyph, direction: int) -> Glyph:
    """The glyph in the frame where text written in ``direction`` reads left to right."""
    x0, y0, x1, y1 = glyph.x0, glyph.y0, glyph.x1, glyph.y1
    if direction == 90:
        x0, y0, x1, y1 = y0, -x1, y1, -x0
    elif direction == 180:
        x0, y0, x1, y1 = -x1, -y1, -x0, -y0
    elif direction == 270:
        x0, y0, x1, y1 = -y1, x0, -y0, x1
    return attrs.evolve(glyph, x0=x0, y0=y0, x1=x1, y1=y1)


#: A footnote mark in a cell ("37¹"): up to MAX_FOOTNOTE_MARK glyphs, at most this
#: share of the size of the cell's text, whose baseline is raised at least this much (in
#: the text's em) above the baseline of the text beside them.
SUPERSCRIPT_SIZE = 0.75
SUPERSCRIPT_RISE = 0.25
#: A mark at the full size of the text (Word's "raised" position, 3 pt, exported by
#: LibreOffice: 0.32 em over 11 pt print; reportlab's <super size=9> in 9 pt text) is told
#: by its place alone: raised SUPERSCRIPT_RISE to this much (em) above the baseline of the
#: cell's last line, and standing right after that line's end. A line above lies a whole
#: line pitch higher (an em or more) and starts left of that end.
RAISED_MAX = 0.8


def _baseline(glyph: Glyph) -> float:
    return glyph.y0 if glyph.baseline is None else glyph.baseline


def _raised_tail(glyphs: Sequence[Glyph], main: float) -> list[Glyph]:
    """The glyphs raised at the end of a cell's text, whatever their size: right after
    the end of its last line, every glyph on their baseline, raised by SUPERSCRIPT_RISE to
    RAISED_MAX em. An OCR layer's glyphs stand where the OCR guessed: none is raised."""
    upright = [g for g in glyphs if g.direction == 0 and not g.text.isspace() and not g.ocr]
    if len(upright) < 2:
        return []
    low = min(_baseline(g) for g in upright)  # the baseline of the last line
    rise, highest = SUPERSCRIPT_RISE * main, RAISED_MAX * main
    last = [g for g in upright if _baseline(g) - low < rise]
    raised = [g for g in upright if rise <= _baseline(g) - low <= highest]
    if not raised or not last:
        return []
    end = max(g.x1 for g in last)
    first = min(g.x0 for g in raised)
    # Right after the last line, nothing of theirs left of its end (that is a line above).
    if first < end - DUPLICATE * main or first - end > WORD_GAP * main:
        return []
    return raised


def footnote_marks(
    glyphs: Sequence[Glyph],
) -> tuple[Sequence[Glyph], list[Glyph], list[Glyph]]:
    """The glyphs of a cell without its footnote marks, the marks, and the raised glyphs
    kept as too many for a mark (more than MAX_FOOTNOTE_MARK: "101" and a raised "1234").

    A mark printed after a value is small and raised, or raised at the end of the cell's
    text (:func:`_raised_tail`): grouped into the value's line, its digit would join the
    number ("37" and "¹" read 371).
    """
    sizes = [g.size for g in glyphs if not g.text.isspace()]
    if not sizes:
        return glyphs, [], []
    main = Counter(round(size, 1) for size in sizes).most_common(1)[0][0]
    small = SUPERSCRIPT_SIZE * main
    marks = []
    if min(sizes) <= SUPERSCRIPT_SIZE * max(sizes):  # (one size of print: no small mark)
        for glyph in glyphs:
            if glyph.text.isspace() or glyph.direction != 0 or glyph.size > small:
                continue
            beside = [
                _baseline(other)
                for other in glyphs
                if other.direction == 0 and other.size > small and other.y0 <= glyph.cy <= other.y1
            ]
            if beside and _baseline(glyph) - statistics.median(beside) >= SUPERSCRIPT_RISE * main:
                marks.append(glyph)
    if not marks:
        baselines = [_baseline(g) for g in glyphs if g.direction == 0]
        if not baselines or max(baselines) - min(baselines) < SUPERSCRIPT_RISE * main:
            return glyphs, [], []  # one baseline (nearly every cell): no mark
        marks = _raised_tail(glyphs, main)
        if not marks:
            return glyphs, [], []
    if len(marks) > MAX_FOOTNOTE_MARK:
        return glyphs, [], marks
    gone = {id(glyph) for glyph in marks}
    return [glyph for glyph in glyphs if id(glyph) not in gone], marks, []


def group_lines(glyphs: Iterable[Glyph]) -> list[TextLine]:
    """Group glyphs into lines, top to bottom.

    Glyphs are taken in order of their vertical centre; a glyph joins the
    current line while its centre lies within the band of the line's first
    glyph, so characters of different fonts on one baseline stay together.
    Lines made only of spaces are dropped. When most glyphs are turned by a
    right angle (vertical text in a cell), lines are formed in the frame where
    that text reads left to right.
    """
    glyphs = list(glyphs)
    direction = 0
    if any(g.direction for g in glyphs):
        directions = Counter(g.direction for g in glyphs if not g.text.isspace())
        direction = directions.most_common(1)[0][0] if directions else 0
        if direction in (90, 180, 270):
            glyphs = [_turn(g, direction) for g in glyphs]
        else:
            direction = 0
    keyed = sorted(((-(g.y0 + g.y1) / 2, i) for i, g in enumerate(glyphs)))
    lines: list[TextLine] = []
    current: list[Glyph] = []
    low = high = 0.0
    for negative_centre, i in keyed:
        glyph = glyphs[i]
        if current and low <= -negative_centre <= high:
            current.append(glyph)
            continue
        if current and not all(g.text.isspace() for g in current):
            lines.append(_make_line(current, direction))
        current = [glyph]
        low, high = glyph.y0, glyph.y1
    if current and not all(g.text.isspace() for g in current):
        lines.append(_make_line(current, direction))
    return lines


def join_lines(texts: Sequence[str]) -> str:
    """Join the lines of a cell or paragraph.

    No space where a side is Chinese (a wrapped "商业企" + "业"). Between
    other characters a space only where the PDF draws one at the break: a
    wrapped number, URL or e-mail address ("www.example.gov." + "cn", which
    CJK line breaking cuts anywhere) is one word again.
    """
    out = ""
    spaced = False
    for raw in texts:
        text = raw.strip()
        if not text:
            spaced = spaced or bool(raw)
            continue
        if out and (spaced or raw[:1].isspace()) and not (is_cjk(out[-1]) or is_cjk(text[0])):
            out += " "
        out += text
        spaced = raw[-1:].isspace()
    return out


def wraps_number(texts: Sequence[str]) -> bool:
    """Whether joining these lines joins digits to digits (a number over two lines)."""
    stripped = [t.strip() for t in texts if t.strip()]
    return any(a[-1].isdigit() and b[0].isdigit() for a, b in itertools.pairwise(stripped))


def measure_margins(lines: Sequence[TextLine]) -> tuple[float, float]:
    """Left and right margins of running text, measured over many lines.

    Only lines of the body size count (titles and headings may be wider or
    centred). Left: where most lines start, or a start shared by two lines
    up to 3 em further left (when most lines are first lines, indented).
    Right: where the full lines end.
    """
    if not lines:
        return 0.0, 0.0
    sizes = Counter(round(line.size) for line in lines for _ in line.glyphs)
    body_size = sizes.most_common(1)[0][0]
    # (Print under half a point rounds to size 0, and matches only itself: then all lines.)
    body = [
        line for line in lines if abs(line.size - body_size) <= SIZE_CHANGE * body_size
    ] or list(lines)
    starts = Counter(round(line.x0) for line in body)
    most = max(starts.values())
    left = float(min(x for x, n in starts.items() if n == most))
    shared = [x for x, n in starts.items() if n >= 2 and left - 3 * body_size <= x < left]
    if shared:
        left = float(min(shared))
    # Full lines end together (justified) or nearly (ragged): the ends near the
    # top tenth, without a line that runs into the margin (a long URL).
    ends = sorted((line.x1 for line in body), reverse=True)
    high = ends[len(ends) // 10]
    right = statistics.median(e for e in ends if abs(e - high) <= body_size)
    return left, right


#: What a paragraph's last sentence ends with, before any closing quote or bracket.
_SENTENCE_END = frozenset("。！？；：…!?;:.")
_CLOSERS = "”’」』）)】〕》"


def _ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence ("…为例外。", "…如下：", "…。）")."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _SENTENCE_END


#: Punctuation that may not start a line: it is moved down with the character before it.
_CLOSING = set("，。、；：？！）》」』”’〉】〕…—,.;:?!)]}%")


def first_token_width(line: TextLine) -> float:
    """Width of what a line break could not have split off the start of ``line``.

    A Latin word or number runs to the next space or Chinese character; either
    takes the closing punctuation after it along ("12345678）。" wraps whole). If
    this did not fit at the end of the line above, the break was forced by wrapping.
    """
    glyphs = line.glyphs
    end = 0
    if not is_cjk(glyphs[0].text):
        while (
            end + 1 < len(glyphs)
            and not glyphs[end + 1].text.isspace()
            and not is_cjk(glyphs[end + 1].text)
        ):
            end += 1
    while end + 1 < len(glyphs) and glyphs[end + 1].text in _CLOSING:
        end += 1
    return glyphs[end].x1 - glyphs[0].x0


def usual_pitch(lines: Sequence[TextLine]) -> float | None:
    """The usual pitch (baseline to baseline) of consecutive lines, in em."""
    pitches = [
        (a.y0 - b.y0) / max(a.size, 1.0)
        for a, b in itertools.pairwise(lines)
        if abs(a.size - b.size) <= SIZE_CHANGE * a.size and 0 < a.y0 - b.y0 < 3 * a.size
    ]
    return statistics.median(pitches) if len(pitches) >= 2 else None


def _starts_paragraph(
    line: TextLine,
    previous: TextLine,
    margins: tuple[float, float],
    pitch: float | None,
    same_page: bool,
) -> bool:
    left, right = margins
    em = max(line.size, 1.0)
    if abs(line.size - previous.size) > SIZE_CHANGE * max(line.size, previous.size):
        return True
    if same_page and (previous.y0 - line.y0) / em > MAX_LINE_GAP:
        return True
    if previous.x0 > (left + right) / 2 and previous.x1 - previous.x0 < (right - left) / 2:
        # The line above stands right of the middle: right-aligned (a signature's body or
        # date), a paragraph of its own, even when it ends at the margin ("2025年1月20日"
        # then "（此件公开发布）" was one paragraph, and the date was lost).
        return True
    if line.cjk_font and previous.cjk_font and line.cjk_font != previous.cjk_font:
        return True
    if enumerated(line.text):
        return True
    room = right - previous.x1
    short = room > max(first_token_width(line), 0.5 * em) + 0.25 * em
    if (
        pitch is not None
        and (previous.y0 - line.y0) / em > WIDE_PITCH * pitch
        and (short or _ends_sentence(previous.text))
    ):
        # A wide gap between paragraphs; not after a full line cut mid-sentence, which
        # goes on whatever its spacing (a paragraph pasted from Word at 28 pt spacing
        # among others at 1.5 lines).
        return True
    if line.text[:1] in _CLOSING:
        return False  # no paragraph starts with "，" or "）": the line goes on
    if short:
        return True  # the line above ended short: its paragraph ended there
    if line.x0 > left + INDENT * em and line.x0 > previous.x0 - 0.5 * em:
        # Indented: a new paragraph, unless it is the next line of a centred
        # paragraph (the line above spans the text width, this one is centred).
        # A line starting left of the line above goes on that line's paragraph
        # (whose first line was indented), even right of the measured margin, as
        # in a column beside a web page's menu.
        centred = abs((line.x0 - left) - (right - line.x1)) <= em
        full_above = previous.x0 <= left + INDENT * em
        return not (centred and full_above)
    return False


def paragraph_breaks(
    lines: Sequence[TextLine],
    *,
    fresh: Sequence[bool],
    same_page: Sequence[bool],
    margins: Sequence[tuple[float, float]],
    pitches: Sequence[float | None],
) -> list[bool]:
    """For each line, whether it starts a new paragraph.

    ``fresh[i]`` forces a break (the line follows a table); ``same_page[i]``
    says whether line i is on the page of line i - 1 (the pitch test applies
    only there); ``margins[i]`` and ``pitches[i]`` are those of line i's page,
    measured by the caller over the whole document (:func:`measure_margins`,
    :func:`usual_pitch`), since a few lines between two tables are too few.
    """
    starts: list[bool] = []
    for i, line in enumerate(lines):
        if i == 0 or fresh[i]:
            starts.append(True)
            continue
        starts.append(
            _starts_paragraph(
                line,
                lines[i - 1],
                margins[i],
                pitches[i] if same_page[i] else None,
                same_page[i],
            )
        )
    return starts
