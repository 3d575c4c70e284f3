"""Normalizing and matching printed labels against a format description.

Real documents shorten, re-punctuate, wrap and split the official labels
("(一) 予以公开", "1. 属于国家秘密", "危及'三安全一稳定'", "自\\n然\\n人"). Matching
works on a *core* form: compatibility-normalized (full-width to ASCII), without
whitespace, Word bookmark markers, quotes or punctuation, and with the leading
numbering ("三、", "（一）", "1.") removed. Numbering is kept apart because it
disambiguates rows whose text is shared ("3.其他").
"""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher
from functools import lru_cache

from govinfo_report.formats import FORMATS, SectionSpec

__all__ = [
    "BOOKMARK_RE",
    "HEADING_MAX_LENGTH",
    "core",
    "label_score",
    "match_section_heading",
    "nfkc",
    "section_heading",
    "split_numbering",
    "split_run_in_heading",
    "visible",
]

BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]")

_CN_NUM = "一二三四五六七八九十"
_NUMBERING_RE = re.compile(
    rf"""^\s*(?:
        第[{_CN_NUM}]+[部分章节]?[、.．,，:：\s]*      # 第三部分
      | [(（]\s*[{_CN_NUM}\d]+\s*[)）][、.．\s]*     # （一） (1)
      | [{_CN_NUM}]+\s*[、.．,，]\s*                # 三、  三.
      | \d{{1,2}}\s*[、.．,，]\s*(?!\d)             # 3、  1.  (not 1.5)
      | \d{{1,2}}\s*[)）]\s*                        # 1)
    )""",
    re.VERBOSE,
)
# Everything that is not a letter, digit or CJK character is dropped from the core.
_DROP_RE = re.compile(r"[^\w]|_", re.UNICODE)


#: Format characters that show nothing: zero-width spaces and joiners, the soft hyphen,
#: direction marks and isolates, the word joiner, a byte order mark inside the text. Text
#: pasted from web pages and chat tools carries them between the characters of a name or
#: a number, where they would break every match ("青禾镇\u200b人民政府").
_INVISIBLE_RE = re.compile(
    "[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)


def visible(text: str) -> str:
    """``text`` without the format characters that show nothing."""
    return text if text.isascii() else _INVISIBLE_RE.sub("", text)


def nfkc(text: str) -> str:
    """Compatibility-normalize (full-width digits, letters and spaces to ASCII), and drop
    the format characters that show nothing (see :func:`visible`)."""
    return unicodedata.normalize("NFKC", visible(text))


def split_numbering(text: str) -> tuple[str, str]:
    """Split leading numbering off a label: ``"（三）不予公开"`` → ``("三", "不予公开")``."""
    text = BOOKMARK_RE.sub("", nfkc(text)).strip()
    match = _NUMBERING_RE.match(text)
    if not match:
        return "", text
    numbering = _DROP_RE.sub("", match.group(0))
    return numbering, text[match.end() :]


@lru_cache(maxsize=4096)
def core(text: str) -> str:
    """The comparable core of a label: no numbering, whitespace or punctuation."""
    _, rest = split_numbering(text)
    return _DROP_RE.sub("", rest)


@lru_cache(maxsize=8192)
def _numbering_core(text: str) -> str:
    return split_numbering(text)[0]


#: Below this similarity a cheap upper bound stands in for the exact ratio.
_FAR = 0.5


@lru_cache(maxsize=16384)
def label_score(printed: str, official: str) -> float:
    """How well a printed label matches an official one, from 0 to 1.

    1.0 is the same core text. Shortened labels (the printed text is a prefix
    of the official one) and labels with extra trailing words score high;
    otherwise the similarity ratio of the cores. Numbering that disagrees
    (printed "2." against official "3.") lowers the score. Scores under 0.5
    are upper bounds, not exact ratios: no caller accepts a match that low.
    """
    a = core(printed)
    b = core(official)
    if not a or not b:
        return 0.0
    if a == b:
        score = 1.0
    elif len(a) >= 4 and b.startswith(a):
        score = 0.8 + 0.15 * len(a) / len(b)
    elif len(b) >= 2 and a.startswith(b) and len(a) <= 2 * len(b) + 8:
        score = 0.85
    elif 2 * min(len(a), len(b)) / (len(a) + len(b)) < _FAR:
        # Lengths alone rule out a match: the bound is score enough.
        score = 2 * min(len(a), len(b)) / (len(a) + len(b))
    else:
        matcher = SequenceMatcher(None, a, b, autojunk=False)
        quick = matcher.quick_ratio()
        score = quick if quick < _FAR else matcher.ratio()
    num_a = _numbering_core(printed)
    num_b = _numbering_core(official)
    if num_a and num_b and num_a != num_b:
        score -= 0.15
    return score


#: A heading is short; a sentence that names all six sections is not one.
_HEADING_MAX_EXTRA = 14


def _section_specs() -> tuple[SectionSpec, ...]:
    seen: dict[str, SectionSpec] = {}
    for spec in FORMATS.values():
        for section in spec.sections:
            seen.setdefault(section.key, section)
    return tuple(seen.values())


_SECTIONS = _section_specs()


def _titles_by_length() -> tuple[tuple[int, dict[str, int]], ...]:
    """For each length of title core, shortest first: core -> its first place in _TITLES."""
    by_length: dict[int, dict[str, int]] = {}
    for place, (_, title_core) in enumerate(_TITLES):
        by_length.setdefault(len(title_core), {}).setdefault(title_core, place)
    return tuple(sorted(by_length.items()))


#: Every (section, title core), in the order of the format descriptions.
_TITLES = tuple((section, core(title)) for section in _SECTIONS for title in section.titles)
_TITLES_BY_LENGTH = _titles_by_length()
#: No heading is shorter than its shortest title ("总体情况"): shorter ASCII text, such as
#: a value cell, is rejected before normalizing (NFKC leaves ASCII as it is, while it may
#: lengthen other text).
_HEADING_MIN_LENGTH = min(len(title_core) for _, title_core in _TITLES)


@lru_cache(maxsize=8192)
def match_section_heading(text: str) -> SectionSpec | None:
    """The section whose heading ``text`` is, or ``None``.

    Accepts numbering variants ("三、", "3、", none at all) and the title
    variants of the format descriptions; rejects sentences that merely
    mention a title.
    """
    if len(text) < _HEADING_MIN_LENGTH and text.isascii():
        return None
    numbering, rest = split_numbering(text)
    rest_core = _DROP_RE.sub("", rest)
    if not rest_core or len(rest_core) > 40:
        return None
    # The first title, in the order of the descriptions, that the text starts with (a
    # character or two of trailing noise allowed) or ends with (a few words of lead-in:
    # "五、政府信息公开工作存在的主要问题及改进情况"). One dict lookup per title length.
    size = len(rest_core)
    first: int | None = None
    for length, positions in _TITLES_BY_LENGTH:
        if length > size:
            break
        extra = size - length
        if extra <= 2:
            found = positions.get(rest_core[:length])
            if found is not None and (first is None or found < first):
                first = found
        if extra <= _HEADING_MAX_EXTRA and (numbering or extra <= 8):
            found = positions.get(rest_core[size - length :])
            if found is not None and (first is None or found < first):
                first = found
    return None if first is None else _TITLES[first][0]


# A section's own numbering: its Chinese numeral and "、" (or a full stop), unbracketed.
_SECTION_NUMBER_RE = re.compile(rf"\s*([{_CN_NUM}]+)\s*[、.．]")


def split_run_in_heading(text: str) -> tuple[SectionSpec, int] | None:
    """A section heading that runs into the section's first paragraph, and where it ends.

    Web pages and crawled text often print "一、总体情况2022年，我局……" or
    "五、存在的主要问题及改进情况：……" as one paragraph. The text must start with
    the section's own number ("一、", not "（一）", which numbers the points within a
    section and may repeat a title's words) and a title of that section, and go on
    after it. Returns the section and the index in ``text`` where its heading ends,
    or ``None``.
    """
    numbered = _SECTION_NUMBER_RE.match(text)
    if numbered is None:
        return None
    rest_core = _DROP_RE.sub("", nfkc(text[numbered.end() :]))
    best: tuple[SectionSpec, str] | None = None
    for section, title_core in _TITLES:
        if (
            section.number == numbered.group(1)
            and len(rest_core) > len(title_core)
            and rest_core.startswith(title_core)
            and (best is None or len(title_core) > len(best[1]))
        ):
            best = (section, title_core)
    if best is None:
        return None
    section, title_core = best
    # The title's characters in order in the text as written, punctuation between skipped.
    position = numbered.end()
    for char in title_core:
        while position < len(text) and nfkc(text[position]) != char:
            if _DROP_RE.fullmatch(text[position]) is None:
                return None  # a word character that is not the title's
            position += 1
        if position == len(text):
            return None
        position += 1
    return section, position


#: Longest paragraph taken for a section heading by itself (the longest title with its
#: numbering and a few words of lead-in is well under this).
HEADING_MAX_LENGTH = 60


def section_heading(text: str) -> tuple[SectionSpec, int | None] | None:
    """The section ``text`` heads, and where its heading ends when it runs into the
    section's first paragraph (``None`` when ``text`` is the heading alone); or ``None``.
    """
    if len(text) <= HEADING_MAX_LENGTH:
        section = match_section_heading(text)
        if section is not None:
            return section, None
    return split_run_in_heading(text)
