"""The rules across reports on large collections: work counted, results as before.

Not timed. The pairing of consecutive years counts its calls of ``same_body``; the
containment scores count the pairs they visit. Both are compared with the old
all-pairs algorithms, kept here as references, on random collections.
"""

from __future__ import annotations

import random
from itertools import combinations

import attrs
from _pytest.monkeypatch import MonkeyPatch
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report.checks import _across
from govinfo_report.checks._across import MIN_SAMPLE, same_body
from govinfo_report.checks._similar import MIN_SHINGLES, SIMILAR_TEXT, sample
from govinfo_report.model import Report
from govinfo_report.synth import consistent_example
from tests.checks_support import to_report

_BASE = to_report(consistent_example("青禾镇人民政府", 2023))


def _as(organization: str | None, year: int | None) -> Report:
    metadata = attrs.evolve(_BASE.metadata, organization=organization, year=year)
    return attrs.evolve(_BASE, metadata=metadata)


def _old_year_pairs(reports: list[Report]) -> list[tuple[int, int]]:
    """The old pairing: every pair a year apart given to ``same_body`` (the reference)."""
    out = []
    for i, j in combinations(range(len(reports)), 2):
        a, b = reports[i].metadata, reports[j].metadata
        if a.organization is None or b.organization is None or a.year is None or b.year is None:
            continue
        if abs(a.year - b.year) == 1 and same_body(a.organization, b.organization):
            out.append((i, j))
    return out


def test_distinct_bodies_are_not_compared_pair_by_pair(monkeypatch: MonkeyPatch) -> None:
    # 1,500 bodies over three years: the old pairing called same_body 500,000 times.
    calls = [0]

    def counting(a: str, b: str) -> bool:
        calls[0] += 1
        return same_body(a, b)

    monkeypatch.setattr(_across, "same_body", counting)
    reports = [_as(f"第{k // 3}号镇人民政府", 2021 + k % 3) for k in range(1500)]
    found = _across._years(reports, [str(k) for k in range(1500)], _across._rules())
    assert len({index for index, _ in found}) == 1000
    assert calls[0] == 1000


_PLACES = st.sampled_from(["青禾县", "松岭镇", "石桥乡", "河湾区", "", "财政局", "人民政府"])
_NAMES = st.lists(_PLACES, min_size=1, max_size=3).map("".join)
_REPORTS = st.lists(
    st.tuples(
        st.none() | _NAMES | st.sampled_from(["松岭镇 人民政府", "松岭镇政府"]),
        st.none() | st.integers(2020, 2023),
    ),
    max_size=25,
)


@settings(max_examples=300, deadline=None)
@given(_REPORTS)
def test_year_pairs_are_those_of_all_pairs(drawn: list[tuple[str | None, int | None]]) -> None:
    reports = [_as(name, year) for name, year in drawn]
    assert _across._year_pairs(reports) == _old_year_pairs(reports)


def _old_scores(sets: list[frozenset[str]]) -> dict[tuple[int, int], float]:
    """The old scores: every pair visited (the reference)."""
    samples = [sample(s) for s in sets]
    out: dict[tuple[int, int], float] = {}
    for i, j in combinations(range(len(sets)), 2):
        a, b = sets[i], sets[j]
        if min(len(a), len(b)) < MIN_SHINGLES:
            continue
        sa, sb = samples[i], samples[j]
        if min(len(sa), len(sb)) >= MIN_SAMPLE:
            estimate = len(sa & sb) / min(len(sa), len(sb))
            if estimate < SIMILAR_TEXT / 2:
                continue
        out[i, j] = len(a & b) / min(len(a), len(b))
    return out


_POOL = "政府信息公开工作年度报告依法主动申请办理答复推进规范标准平台建设培训考核监督落实"


def _text(chance: random.Random, size: int) -> str:
    return "".join(chance.choice(_POOL) for _ in range(size))


def _shingled(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 8] for i in range(len(text) - 7))


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 2**32), st.integers(2, 14))
def test_scores_are_those_of_all_pairs(seed: int, count: int) -> None:
    # Reports made of passages drawn from a few shared ones and their own wording, of
    # sizes around MIN_SHINGLES and MIN_SAMPLE, so that pairs fall on both sides of the
    # estimate's cut, and some samples are too small to trust.
    chance = random.Random(seed)
    passages = [_text(chance, chance.choice([40, 300, 900, 2000])) for _ in range(5)]
    sets = []
    for _ in range(count):
        parts = chance.sample(passages, chance.randint(0, 3))
        own = _text(chance, chance.choice([0, 30, 100, 600, 1500]))
        sets.append(_shingled("".join([*parts, own])))
    got = _across._scores(sets)
    assert list(got.items()) == list(_old_scores(sets).items())


def test_unrelated_reports_sharing_boilerplate_are_not_visited() -> None:
    # 400 reports of their own wording plus one boilerplate paragraph all print: the old
    # scores visited all 79,800 pairs; none shares enough to be worth a look.
    chance = random.Random(7)
    boilerplate = _text(chance, 400)
    sets = [_shingled(boilerplate + _text(chance, 2000)) for _ in range(400)]
    samples = [sample(s) for s in sets]
    visited = sum(len(others) for _, others in _across._candidates(sets, samples))
    assert visited <= 40
    assert _across._scores(sets) == _old_scores(sets) == {}
