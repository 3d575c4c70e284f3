"""Near-identical prose (雷同): character shingles, containment, and the shared passages.

Theory of operation. Each report's prose (sections 一, 五 and 六) is reduced to
the characters that carry wording: punctuation and whitespace are dropped,
the body's own name becomes one placeholder and every run of digits
becomes "0", so a copy that only swapped the name and the year reads as
identical. The text is cut into overlapping 8-character shingles; two
reports are compared by *containment*, the share of the smaller shingle
set found in the larger (a short report pasted whole into a longer one is a
copy, which Jaccard would understate). Different real township reports
share under 10 % at this length (their common phrases are short); a copy
shares most. For a flagged pair the shared passages are found paragraph by
paragraph with difflib and traced back to the printed text.
"""

from __future__ import annotations

import re
import zlib
from bisect import bisect_left
from collections import defaultdict
from difflib import SequenceMatcher

import attrs

from govinfo_report.checks._model import TextSpan
from govinfo_report.checks._text import Prose, paragraphs, squash
from govinfo_report.model import Report

__all__ = [
    "MAX_ALIGNED",
    "MIN_NONZERO",
    "MIN_SHINGLES",
    "SAMPLE_RATE",
    "SHINGLE",
    "SIMILAR_TEXT",
    "Masked",
    "Passage",
    "masked_prose",
    "sample",
    "shared_passages",
    "shingles",
]

#: Shingle length in characters: long enough that shared boilerplate phrases of
#: the form ("政府信息公开工作") rarely make a whole shingle in common.
SHINGLE = 8
#: Containment of shingles at or above which two reports' prose is 雷同.
SIMILAR_TEXT = 0.5
#: Below this many shingles a prose is too short to call a copy.
MIN_SHINGLES = 60
#: Identical tables are a copy only with at least this many non-zero values: two bodies
#: that received no application and made no decision print the same all-zero tables.
MIN_NONZERO = 10
#: Passages shorter than this (masked characters) are not worth showing.
MIN_PASSAGE = 20
#: Longest paragraph (masked characters) difflib aligns. difflib's time grows faster
#: than the square of the length (2,000 characters: 0.2 s; 8,000: 11 s; 32,000: over
#: 120 s), while the longest paragraph of the real reports at hand has 300; a pair with
#: a longer paragraph is aligned on shared shingles instead, in linear time.
MAX_ALIGNED = 2000
#: Places in the other paragraph a shingle is extended from, at most, when aligning on
#: shingles: the first ones after the last passage found, which keeps passages in order.
_TRIES = 8
#: The parts of a report whose wording is the body's own.
PARTS = ("overview", "problems", "other")

_WORD_RE = re.compile(r"\w")


def _shingles_of(text: str) -> frozenset[str]:
    return frozenset(text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1))


@attrs.frozen(kw_only=True)
class Masked:
    """A paragraph's wording, masked, with the map back to the printed text."""

    prose: Prose
    text: str
    #: ``origin[i]``: index into ``prose.text`` of ``text[i]``.
    origin: tuple[int, ...]
    shingles: frozenset[str]

    def span(self, start: int, end: int) -> TextSpan:
        return self.prose.span(self.origin[start], self.origin[end - 1] + 1)


_PLACE_RE = re.compile(r"[^省市州盟县旗区乡镇]+?(?:自治区|自治州|自治县|街道|[省市州盟县旗区乡镇])")


def _names(report: Report) -> list[str]:
    """The body's name and its place names ("沂源县悦庄镇人民政府", "悦庄镇", "悦庄")."""
    organization = report.metadata.organization
    if not organization:
        return []
    name = squash(organization)
    out = {name, name.removesuffix("人民政府"), name.removesuffix("政府")}
    for match in _PLACE_RE.finditer(name):
        place = match.group(0)
        out.update((place, place[:-1]))
    return sorted((n for n in out if len(n) >= 2), key=len, reverse=True)


def masked_prose(report: Report) -> list[Masked]:
    """The report's own wording, paragraph by paragraph, masked."""
    names = _names(report)
    name_re = re.compile("|".join(re.escape(n) for n in names)) if names else None
    out = []
    for prose in paragraphs(report, PARTS):
        text = prose.text
        chars: list[str] = []
        origin: list[int] = []
        i = 0
        while i < len(text):
            match = name_re.match(text, i) if name_re else None
            if match:
                chars.append("◎")
                origin.append(i)
                i = match.end()
                continue
            char = text[i]
            if char.isdigit():
                chars.append("0")
                origin.append(i)
                while i < len(text) and text[i].isdigit():
                    i += 1
                continue
            if _WORD_RE.match(char) and char != "_":
                chars.append(char)
                origin.append(i)
            i += 1
        if chars:
            masked = "".join(chars)
            out.append(
                Masked(
                    prose=prose, text=masked, origin=tuple(origin), shingles=_shingles_of(masked)
                )
            )
    return out


def shingles(parts: list[Masked]) -> frozenset[str]:
    """The report's set of shingles (paragraphs joined: a shingle may span two)."""
    return _shingles_of("".join(p.text for p in parts))


#: One shingle in this many is kept in a sample (chosen by checksum, so runs agree).
SAMPLE_RATE = 8


def sample(shingles: frozenset[str]) -> frozenset[str]:
    """A fixed fraction of ``shingles``, the same shingles for every report."""
    return frozenset(s for s in shingles if zlib.crc32(s.encode()) % SAMPLE_RATE == 0)


def _extend(a: str, b: str, i: int, j: int) -> int:
    """How many characters ``a`` and ``b`` have in common from ``i`` and ``j`` on."""
    size = 0
    while i + size < len(a) and j + size < len(b) and a[i + size] == b[j + size]:
        size += 1
    return size


def _anchored_blocks(a: str, b: str) -> list[tuple[int, int, int]]:
    """Passages ``(at_a, at_b, size)`` of ``a`` found in ``b``, in order, in linear time.

    From each position of ``a`` whose shingle ``b`` holds after the last passage found,
    the longest run in common from a few of its places in ``b`` is a passage; the search
    goes on after it. Each step compares at most :data:`_TRIES` runs and moves past the
    longest, so the work is linear. Unlike difflib this does not look for the longest
    passage first; it is used only past :data:`MAX_ALIGNED`.
    """
    places: dict[str, list[int]] = defaultdict(list)
    for j in range(len(b) - SHINGLE + 1):
        places[b[j : j + SHINGLE]].append(j)
    blocks: list[tuple[int, int, int]] = []
    i, after = 0, 0
    while i <= len(a) - SHINGLE:
        found = places.get(a[i : i + SHINGLE], [])
        first = bisect_left(found, after)
        best, at = 0, -1
        for j in found[first : first + _TRIES]:
            size = _extend(a, b, i, j)
            if size > best:
                best, at = size, j
        if best:
            blocks.append((i, at, best))
            i, after = i + best, at + best
        else:
            i += 1
    return blocks


@attrs.frozen(kw_only=True)
class Passage:
    """A passage two reports share: its printed text in each."""

    here: TextSpan
    there: TextSpan
    length: int


def shared_passages(a: list[Masked], b: list[Masked], limit: int = 5) -> list[Passage]:
    """The longest passages ``a`` shares with ``b``, longest first.

    Each paragraph of ``a`` is paired with the paragraph of ``b`` it shares the
    most shingles with; only the ``limit`` best-sharing pairs are aligned with
    difflib (identical paragraphs need no alignment), or on shared shingles when a
    paragraph is longer than :data:`MAX_ALIGNED`.
    """
    pairs: list[tuple[int, Masked, Masked]] = []
    for para in a:
        if len(para.text) < MIN_PASSAGE or not b:
            continue
        overlaps = [len(para.shingles & other.shingles) for other in b]
        best = max(range(len(b)), key=overlaps.__getitem__)
        if overlaps[best]:
            pairs.append((overlaps[best], para, b[best]))
    pairs.sort(key=lambda p: -p[0])
    found: list[Passage] = []
    for _, para, other in pairs[:limit]:
        if para.text == other.text:
            blocks = [(0, 0, len(para.text))]
        elif max(len(para.text), len(other.text)) > MAX_ALIGNED:
            blocks = _anchored_blocks(para.text, other.text)
        else:
            matcher = SequenceMatcher(None, para.text, other.text, autojunk=False)
            blocks = [(m.a, m.b, m.size) for m in matcher.get_matching_blocks()]
        for at_a, at_b, size in blocks:
            if size >= MIN_PASSAGE:
                found.append(
                    Passage(
                        here=para.span(at_a, at_a + size),
                        there=other.span(at_b, at_b + size),
                        length=size,
                    )
                )
    found.sort(key=lambda p: -p.length)
    return found[:limit]
