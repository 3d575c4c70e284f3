"""Searching the prose while keeping every match tied to its paragraph and offsets.

Matching happens on a normalized copy of each paragraph (compatibility-
normalized, without whitespace or Word bookmark markers), so "2024 年" and
"２０２４年" read alike; an index map leads every match back to the exact
substring of the paragraph as printed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import attrs

from govinfo_report._labels import BOOKMARK_RE
from govinfo_report.checks._model import TextSpan
from govinfo_report.model import Report, TextBlock

__all__ = ["Prose", "cn_number", "paragraphs", "squash"]


@attrs.frozen(kw_only=True)
class Prose:
    """One paragraph, normalized, with the map back to the printed text."""

    part: str
    index: int
    block: TextBlock
    #: The normalized text searched.
    text: str
    #: ``origin[i]`` is the offset in ``block.text`` of ``text[i]``.
    origin: tuple[int, ...]

    @classmethod
    def of(cls, part: str, index: int, block: TextBlock) -> Prose:
        text, origin = _normalize(block.text)
        return cls(part=part, index=index, block=block, text=text, origin=origin)

    def span(self, start: int, end: int) -> TextSpan:
        """The printed substring behind ``text[start:end]``."""
        if not self.origin or start >= end:
            return TextSpan(
                part=self.part,
                paragraph=self.index,
                location=self.block.location,
                text="",
                start=0,
                end=0,
            )
        first = self.origin[start]
        last = self.origin[end - 1] + 1
        return TextSpan(
            part=self.part,
            paragraph=self.index,
            location=self.block.location,
            text=self.block.text[first:last],
            start=first,
            end=last,
        )


@lru_cache(maxsize=4096)
def _normalize(raw: str) -> tuple[str, tuple[int, ...]]:
    # Cached: every rule that reads the prose normalizes the same paragraphs.
    skip: set[int] = set()
    for match in BOOKMARK_RE.finditer(raw):
        skip.update(range(match.start(), match.end()))
    chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(raw):
        if i in skip:
            continue
        for normalized in unicodedata.normalize("NFKC", char):
            if normalized.isspace():
                continue
            chars.append(normalized)
            origin.append(i)
    return "".join(chars), tuple(origin)


def paragraphs(report: Report, parts: tuple[str, ...] | None = None) -> Iterator[Prose]:
    """The report's prose, preamble first, then each section's paragraphs."""
    if parts is None or "preamble" in parts:
        for i, block in enumerate(report.preamble):
            yield Prose.of("preamble", i, block)
    for section in report.sections:
        if parts is not None and section.key not in parts:
            continue
        for i, block in enumerate(section.paragraphs):
            yield Prose.of(section.key, i, block)


_DROP_RE = re.compile(r"[^\w]|_")


def squash(text: str) -> str:
    """Text without whitespace, punctuation or bookmark markers, normalized."""
    text = BOOKMARK_RE.sub("", unicodedata.normalize("NFKC", text))
    return _DROP_RE.sub("", text)


_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_number(text: str) -> int | None:
    """``"12"`` → 12, ``"十二"`` → 12, ``"两"`` → 2; ``None`` when it is not a number."""
    if text.isdigit():
        return int(text)
    total = 0
    digit: int | None = None
    for char in text:
        if char in _CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # "二四" is not a count
            digit = _CN_DIGITS[char]
        elif char in _CN_UNITS:
            total += (1 if digit is None else digit) * _CN_UNITS[char]
            digit = None
        else:
            return None
    return total + (digit or 0)
