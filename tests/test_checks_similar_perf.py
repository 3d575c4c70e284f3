"""The shared passages of two near-identical reports: as before for paragraphs difflib
aligns, in linear work past :data:`MAX_ALIGNED`.

Not timed: the characters compared are counted, and difflib must not be called on
long paragraphs (8,000 characters took it 15 s, 32,000 over 120 s).
"""

from __future__ import annotations

import random
from difflib import SequenceMatcher

from _pytest.monkeypatch import MonkeyPatch
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report.checks import _similar
from govinfo_report.checks._similar import (
    MAX_ALIGNED,
    MIN_PASSAGE,
    Masked,
    Passage,
    shared_passages,
)
from govinfo_report.checks._text import Prose
from govinfo_report.model import Location, TextBlock

_POOL = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也说年政府信息公开"


def _masked(texts: list[str]) -> list[Masked]:
    out = []
    for k, text in enumerate(texts):
        prose = Prose.of("overview", k, TextBlock(text=text, location=Location(carrier="text")))
        assert prose.text == text
        shingles = frozenset(text[i : i + 8] for i in range(len(text) - 7))
        out.append(
            Masked(prose=prose, text=text, origin=tuple(range(len(text))), shingles=shingles)
        )
    return out


def _old_shared_passages(a: list[Masked], b: list[Masked], limit: int = 5) -> list[Passage]:
    """The old passages: difflib on every pair of paragraphs (the reference)."""
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


def _text(chance: random.Random, size: int) -> str:
    return "".join(chance.choice(_POOL) for _ in range(size))


def _edited(chance: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(chance.randint(0, 12)):
        at = chance.randrange(len(chars) + 1)
        chars[at:at] = _text(chance, chance.randint(0, 3))
        del chars[at : at + chance.randint(0, 3)]
    return "".join(chars)


@settings(max_examples=80, deadline=None)
@given(st.integers(0, 2**32))
def test_passages_within_the_limit_are_those_of_difflib(seed: int) -> None:
    chance = random.Random(seed)
    shared = [_text(chance, chance.choice([10, 30, 120, 400, 1000])) for _ in range(4)]
    a = [_edited(chance, t) for t in chance.sample(shared, chance.randint(1, 4))]
    b = [_edited(chance, t) for t in chance.sample(shared, chance.randint(1, 4))]
    a += [_text(chance, chance.randint(1, 200))]
    assert max(map(len, a + b)) <= MAX_ALIGNED
    masked_a, masked_b = _masked(a), _masked(b)
    assert shared_passages(masked_a, masked_b) == _old_shared_passages(masked_a, masked_b)


def _counted_extensions(monkeypatch: MonkeyPatch) -> list[int]:
    """Count the characters the long-paragraph alignment compares (one more per call)."""
    compared = [0]
    extend = _similar._extend

    def counting(a: str, b: str, i: int, j: int) -> int:
        size = extend(a, b, i, j)
        compared[0] += size + 1
        return size

    monkeypatch.setattr(_similar, "_extend", counting)
    return compared


def test_long_paragraphs_are_aligned_in_linear_work(monkeypatch: MonkeyPatch) -> None:
    compared = _counted_extensions(monkeypatch)

    def no_difflib(*args: object, **kwargs: object) -> None:
        raise AssertionError("difflib on a paragraph past MAX_ALIGNED")

    monkeypatch.setattr(_similar, "SequenceMatcher", no_difflib)
    chance = random.Random(3)
    n = 30_000
    chars = list(_text(chance, n))
    here = "".join(chars)
    for k in range(0, n, 50):
        chars[k] = "甲"
    # One passage of 299 characters shared whole: the longest, and found.
    chars[10_001:10_300] = here[10_001:10_300]
    there = "".join(chars)
    passages = shared_passages(_masked([here]), _masked([there]))
    assert compared[0] <= 10 * n
    assert [p.length for p in passages] == [299, 49, 49, 49, 49]
    assert all(p.here.text == p.there.text for p in passages)
    assert passages[0].here.start == 10_001


def test_periodic_long_paragraphs_are_aligned_in_linear_work(monkeypatch: MonkeyPatch) -> None:
    compared = _counted_extensions(monkeypatch)
    n = 30_000
    here = ("政府信息公开工作" * (n // 8 + 1))[:n]
    there = here[: n // 2] + "甲" + here[n // 2 + 1 :]
    passages = shared_passages(_masked([here]), _masked([there]))
    assert compared[0] <= 10 * n
    # The half before the change, then the half after it less at most a shingle: the
    # shingles realign on the period, where difflib would find all of it.
    first, second = (p.length for p in passages[:2])
    assert first == n // 2
    assert n // 2 - 1 - 8 <= second <= n // 2 - 1
