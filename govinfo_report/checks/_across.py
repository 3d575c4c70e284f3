"""Rules across reports: consecutive years of one body, and near-identical reports.

Bodies are matched by normalized name: compatibility-normalized, without
whitespace or punctuation, "人民政府" read as "政府"; a name that is another
with its parent's place name in front ("长子县常张乡政府" and "常张乡政府") is
the same body. Outcomes of a pair are attached to the later report (by year,
then by the order given), naming the earlier one.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

import attrs

from govinfo_report.checks._common import fmt, get_cell, not_assessable, number_cells, who
from govinfo_report.checks._engine import check
from govinfo_report.checks._model import CellRef, CheckResult, Number, Outcome, Rule, Status
from govinfo_report.checks._rules import across_rules
from govinfo_report.checks._similar import (
    MIN_NONZERO,
    MIN_SHINGLES,
    SHINGLE,
    SIMILAR_TEXT,
    Masked,
    masked_prose,
    sample,
    shared_passages,
    shingles,
)
from govinfo_report.checks._text import squash
from govinfo_report.formats import FORMAT_2021
from govinfo_report.model import Cell, CellKind, Report

__all__ = ["check_all", "normalize_body", "same_body"]


_PLACE_END = re.compile(r"[省市州盟县旗区乡镇]$")


def normalize_body(name: str) -> str:
    """The comparable form of a body's name."""
    return squash(name).replace("人民政府", "政府")


def same_body(a: str, b: str) -> bool:
    """Whether two names designate one body (equal, or one with its parent's place in front)."""
    x, y = sorted((normalize_body(a), normalize_body(b)), key=len)
    if x == y:
        return True
    return len(x) >= 4 and y.endswith(x) and bool(_PLACE_END.search(y[: -len(x)]))


def _rules() -> dict[str, list[Rule]]:
    out: dict[str, list[Rule]] = defaultdict(list)
    for rule in across_rules(FORMAT_2021):
        out[rule.family].append(rule)
    return out


def _cells(report: Report, refs: Sequence[CellRef]) -> tuple[Cell, ...]:
    return tuple(get_cell(report, ref) for ref in refs)


def _carried_over(rule: Rule, this: Report, last: Report, last_name: str) -> Outcome:
    over = get_cell(this, rule.reads[0])
    forward = get_cell(last, rule.reads[1])
    bad = number_cells((over, forward))
    year = last.metadata.year
    if bad:
        outcome = not_assessable(rule, this, (over,), bad)
        return attrs.evolve(outcome, other=last_name, other_cells=(forward,))
    assert over.value is not None and forward.value is not None
    difference = over.value - forward.value
    status = Status.PASS if difference == 0 else Status.FAIL
    zh = (
        f"{who(this, over)}为{fmt(over.value)}，上年（{year}年，{last_name}）"
        f"“结转下年度继续办理”为{fmt(forward.value)}"
    )
    en = (
        f"{who(this, over)} is {fmt(over.value)}; last year's ({year}, {last_name}) "
        f"carried_forward is {fmt(forward.value)}"
    )
    return Outcome(
        rule=rule,
        status=status,
        message_zh=zh + ("" if difference == 0 else f"，相差{fmt(difference)}"),
        message_en=en + ("" if difference == 0 else f"; difference {fmt(difference)}"),
        cells=(over,),
        other=last_name,
        other_cells=(forward,),
        expected=forward.value,
        actual=over.value,
        difference=difference,
    )


def _in_force(rule: Rule, this: Report, last: Report, last_name: str) -> Outcome:
    issued, repealed, in_force = _cells(this, rule.reads)
    before = get_cell(last, rule.reads[2])
    bad = number_cells((issued, repealed, in_force, before))
    if bad:
        outcome = not_assessable(rule, this, (issued, repealed, in_force), bad)
        return attrs.evolve(outcome, other=last_name, other_cells=(before,))
    assert None not in (issued.value, repealed.value, in_force.value, before.value)
    expected: Number = before.value + issued.value - repealed.value  # type: ignore[operator]
    actual = in_force.value
    assert actual is not None
    difference = actual - expected
    zh = (
        f"上年现行有效{fmt(before.value)} + 本年制发{fmt(issued.value)} − 本年废止"
        f"{fmt(repealed.value)} = {fmt(expected)}，本年现行有效件数为{fmt(actual)}"
    )
    en = (
        f"last year's in force {fmt(before.value)} + issued {fmt(issued.value)} − repealed "
        f"{fmt(repealed.value)} = {fmt(expected)}; this year's in force is {fmt(actual)}"
    )
    return Outcome(
        rule=rule,
        status=Status.PASS if difference == 0 else Status.FAIL,
        message_zh=zh + ("" if difference == 0 else f"，相差{fmt(difference)}"),
        message_en=en + ("" if difference == 0 else f"; difference {fmt(difference)}"),
        cells=(issued, repealed, in_force),
        other=last_name,
        other_cells=(before,),
        expected=expected,
        actual=actual,
        difference=difference,
    )


def _later(reports: Sequence[Report], i: int, j: int) -> tuple[int, int]:
    """(later, earlier) of reports ``i < j``: by year, then by the order given."""
    yi, yj = reports[i].metadata.year, reports[j].metadata.year
    if yi is not None and yj is not None and yi > yj:
        return i, j
    return j, i


def _fingerprint(report: Report) -> tuple[tuple[str, object], ...]:
    return tuple(
        (str(CellRef.of(cell)), cell.value if cell.kind is CellKind.NUMBER else cell.kind.value)
        for cell in report.cells()
    )


def _year_pairs(reports: Sequence[Report]) -> list[tuple[int, int]]:
    """Every pair ``i < j`` of reports of one body a year apart, in order.

    Only candidates are given to :func:`same_body`: reports a year apart whose normalized
    names are equal or one a suffix of the other, the only names it can accept. Comparing
    every pair of reports a year apart cost 40 s for 8,000 bodies.
    """
    by_name: dict[tuple[str, int], list[int]] = defaultdict(list)
    keys: list[tuple[str, int] | None] = []
    for k, report in enumerate(reports):
        meta = report.metadata
        if meta.organization is None or meta.year is None:
            keys.append(None)
            continue
        key = (normalize_body(meta.organization), meta.year)
        keys.append(key)
        by_name[key].append(k)
    candidates: set[tuple[int, int]] = set()
    for k, held in enumerate(keys):
        if held is None:
            continue
        name, year = held
        # A name and its suffixes of 4 characters or more (a superset of the parents'
        # place names same_body strips); the longer name of a pair finds the shorter.
        for other in {name} | {name[n:] for n in range(1, len(name) - 3)}:
            for near in (year - 1, year + 1):
                for m in by_name.get((other, near), ()):
                    candidates.add((min(k, m), max(k, m)))
    out = []
    for i, j in sorted(candidates):
        a, b = reports[i].metadata, reports[j].metadata
        assert a.organization is not None and b.organization is not None
        if same_body(a.organization, b.organization):
            out.append((i, j))
    return out


def _years(
    reports: Sequence[Report], names: Sequence[str], rules: dict[str, list[Rule]]
) -> list[tuple[int, Outcome]]:
    out: list[tuple[int, Outcome]] = []
    for i, j in _year_pairs(reports):
        later, earlier = _later(reports, i, j)
        this, last = reports[later], reports[earlier]
        for rule in rules["across.carried_over"]:
            out.append((later, _carried_over(rule, this, last, names[earlier])))
        for rule in rules["across.in_force"]:
            out.append((later, _in_force(rule, this, last, names[earlier])))
    return out


def _clip(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[:size] + "…"


#: Fewest sampled shingles from which a sample's estimate decides that a pair is no copy.
MIN_SAMPLE = 100


def _union(index: dict[str, list[int]], keys: Iterable[str], everyone: int) -> set[int]:
    """The reports ``index`` gives for ``keys``, stopping once all ``everyone`` are in
    (near-identical reports all hold the same shingles: no need to add them again)."""
    out: set[int] = set()
    for key in keys:
        out.update(index.get(key, ()))
        if len(out) == everyone:
            break
    return out


def _candidates(
    sets: Sequence[frozenset[str]], samples: Sequence[frozenset[str]]
) -> Iterator[tuple[int, list[int]]]:
    """For each report ``i`` (ascending), the reports ``j > i`` (ascending) worth scoring.

    These are every pair of long enough prose whose sample is too small to trust (scored
    whatever they share) and, of the others, at least every pair whose estimate can reach
    half the threshold. For those an inverted index finds the pairs sharing a sampled
    shingle in the *prefix* of the smaller sample: its shingles ordered rarest first,
    all but the ``o - 1`` last, ``o`` being the fewest shared shingles the estimate needs.
    A pair sharing ``o`` shingles shares one there (the prefix filter of set-similarity
    joins), and the boilerplate every report holds, sorted last, names no candidates.
    Visiting every pair cost 40 s and 1.6 GB for 2,000 reports.
    """
    sized = [k for k, s in enumerate(sets) if len(s) >= MIN_SHINGLES]
    small = [k for k in sized if len(samples[k]) < MIN_SAMPLE]
    large = [k for k in sized if len(samples[k]) >= MIN_SAMPLE]
    frequency = Counter(chain.from_iterable(samples[k] for k in large))
    holders: dict[str, list[int]] = defaultdict(list)
    prefix_holders: dict[str, list[int]] = defaultdict(list)
    prefixes: dict[int, list[str]] = {}
    for k in large:
        # Rarest first, ties by the shingle itself: one order for every sample.
        ordered = sorted(sorted(samples[k]), key=frequency.__getitem__)
        # One shingle fewer than the estimate needs, so that no rounding of the quotient
        # can pass a pair the filter dropped.
        needed = max(1, math.ceil(SIMILAR_TEXT / 2 * len(ordered)) - 1)
        prefixes[k] = ordered[: len(ordered) - needed + 1]
        # A shingle of one sample only names no pair: most of them, left out of the index.
        for shingle in ordered:
            if frequency[shingle] > 1:
                holders[shingle].append(k)
        for shingle in prefixes[k]:
            if frequency[shingle] > 1:
                prefix_holders[shingle].append(k)
    small_set = set(small)
    for i in sized:
        if i in small_set:
            yield i, [j for j in sized if j > i]
            continue
        size = len(samples[i])
        # Pairs where i's sample is the smaller: its prefix against whole samples; where
        # j's is, j's prefix against i's whole sample.
        bigger = _union(holders, prefixes[i], len(large))
        smaller = _union(prefix_holders, samples[i], len(large))
        found = {j for j in bigger if len(samples[j]) >= size}
        found.update(j for j in smaller if len(samples[j]) <= size)
        found.update(small)
        yield i, sorted(j for j in found if j > i)


def _score_pairs(sets: Sequence[frozenset[str]]) -> Iterator[tuple[tuple[int, int], float]]:
    """Containment of every pair ``i < j`` that could reach the threshold, exactly, in order.

    A sample of each set (a fixed eighth of the shingles, by checksum) estimates
    every pair cheaply; only pairs whose estimate reaches half the threshold are
    computed exactly, so a large collection of unrelated reports stays fast. The
    estimate is trusted only from :data:`MIN_SAMPLE` sampled shingles on: a pair at the
    threshold then estimates under half of it about once in ten million pairs (a
    binomial tail), where a sample of 8 missed a pair at 52 % as 10 %. A pair not
    computed exactly is absent from the result. Only the pairs :func:`_candidates`
    names are visited; they come in the order of ``combinations``, on which the ties of
    the closest report depend.
    """
    samples = [sample(s) for s in sets]
    for i, others in _candidates(sets, samples):
        a, sa = sets[i], samples[i]
        for j in others:
            b, sb = sets[j], samples[j]
            if min(len(sa), len(sb)) >= MIN_SAMPLE:
                estimate = len(sa & sb) / min(len(sa), len(sb))
                if estimate < SIMILAR_TEXT / 2:
                    continue
            yield (i, j), len(a & b) / min(len(a), len(b))


def _scores(sets: Sequence[frozenset[str]]) -> dict[tuple[int, int], float]:
    """The pairs of :func:`_score_pairs` and their containment, as a dict."""
    return dict(_score_pairs(sets))


def _similar_text(
    reports: Sequence[Report], names: Sequence[str], rule: Rule
) -> list[tuple[int, Outcome]]:
    masked = [masked_prose(r) for r in reports]
    sets = [shingles(m) for m in masked]
    # For each report the best report it copies (it is the later of the pair; highest
    # score, then first given) and how many it copies. Only these are kept, and the scores
    # are consumed as they come: n near-identical reports make n²/2 pairs, which held as a
    # dict and as lists of copies took hundreds of MB for a few thousand reports.
    best: dict[int, tuple[float, int]] = {}
    count: dict[int, int] = defaultdict(int)
    involved: set[int] = set()
    closest: dict[int, tuple[float, int]] = {}
    for (i, j), score in _score_pairs(sets):
        for k, other in ((i, j), (j, i)):
            if score > closest.get(k, (-1.0, -1))[0]:
                closest[k] = (score, other)
        if score >= SIMILAR_TEXT:
            later, earlier = _later(reports, i, j)
            held = best.get(later)
            if held is None or (-score, earlier) < (-held[0], held[1]):
                best[later] = (score, earlier)
            count[later] += 1
            involved.update((i, j))
    out: list[tuple[int, Outcome]] = []
    for k in range(len(reports)):
        if k in best:
            out.append((k, _copy(rule, names, masked, sets, k, best[k], count[k])))
        elif k not in involved and len(reports) >= 2:
            out.append((k, _not_copied(rule, names, len(sets[k]), closest.get(k), len(reports))))
    return out


def _copy(
    rule: Rule,
    names: Sequence[str],
    masked: Sequence[list[Masked]],
    sets: Sequence[frozenset[str]],
    k: int,
    match: tuple[float, int],
    copied: int,
) -> Outcome:
    score, other = match
    passages = shared_passages(masked[k], masked[other])
    jaccard = len(sets[k] & sets[other]) / len(sets[k] | sets[other])
    longest = _clip(passages[0].here.text) if passages else ""
    more = copied - 1
    more_zh = f"；另与{more}份报告雷同" if more else ""
    more_en = f"; and near-identical to {more} other report(s)" if more else ""
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=(
            f"正文与{names[other]}雷同：{score:.0%}的{SHINGLE}字片段相同"
            f"（Jaccard {jaccard:.2f}）；最长的相同段落：“{longest}”{more_zh}"
        ),
        message_en=(
            f"the prose is near-identical to {names[other]}: {score:.0%} of its "
            f"{SHINGLE}-character passages are shared (Jaccard {jaccard:.2f}); longest "
            f"shared passage: “{longest}”{more_en}"
        ),
        spans=tuple(p.here for p in passages),
        other=names[other],
        other_spans=tuple(p.there for p in passages),
        score=score,
    )


def _not_copied(
    rule: Rule, names: Sequence[str], size: int, closest: tuple[float, int] | None, count: int
) -> Outcome:
    if size < MIN_SHINGLES:
        return Outcome(
            rule=rule,
            status=Status.NOT_ASSESSABLE,
            message_zh="无法评估：正文太短",
            message_en="not assessable: the prose is too short to compare",
        )
    zh, en, score, other = "", "", None, None
    if closest is not None:
        score, index = closest
        other = names[index]
        zh, en = f"（最接近：{other}，{score:.0%}）", f" (closest: {other}, {score:.0%})"
    return Outcome(
        rule=rule,
        status=Status.PASS,
        message_zh=f"与其他{count - 1}份报告不雷同{zh}",
        message_en=f"not near-identical to any of {count - 1} others{en}",
        score=score,
        other=other,
    )


def _same_data(
    reports: Sequence[Report], names: Sequence[str], rule: Rule
) -> list[tuple[int, Outcome]]:
    groups: dict[tuple[tuple[str, object], ...], list[int]] = defaultdict(list)
    for k, report in enumerate(reports):
        groups[_fingerprint(report)].append(k)
    out: list[tuple[int, Outcome]] = []
    for members in groups.values():
        first = members[0]
        nonzero = [c for c in reports[first].cells() if c.kind is CellKind.NUMBER and c.value]
        if len(members) < 2 or len(nonzero) < MIN_NONZERO:
            continue
        for k in members[1:]:
            later, earlier = _later(reports, first, k)
            out.append(
                (
                    later,
                    Outcome(
                        rule=rule,
                        status=Status.FAIL,
                        message_zh=(
                            f"表格数据与{names[earlier]}完全相同（{len(nonzero)}个非零数值）"
                        ),
                        message_en=(
                            f"the tables are identical to those of {names[earlier]} "
                            f"({len(nonzero)} non-zero values)"
                        ),
                        cells=tuple(nonzero),
                        other=names[earlier],
                        score=1.0,
                    ),
                )
            )
    return out


def check_all(
    reports: Sequence[Report], names: Sequence[str] | None = None
) -> tuple[CheckResult, ...]:
    """Check each report, then the rules across them; one result per report, in order.

    ``names`` say what each report is called in messages (e.g. its path);
    by default "body year".
    """
    if names is None:
        names = [
            f"{r.metadata.organization or '?'} {r.metadata.year or '?'}".strip() for r in reports
        ]
    if len(names) != len(reports):
        raise ValueError("names and reports differ in number")
    rules = _rules()
    extra: dict[int, list[Outcome]] = defaultdict(list)
    found = _years(reports, names, rules)
    if len(reports) >= 2:
        found += _similar_text(reports, names, rules["across.similar_text"][0])
        found += _same_data(reports, names, rules["across.same_data"][0])
    for index, outcome in found:
        extra[index].append(outcome)
    results = []
    for k, report in enumerate(reports):
        result = check(report, name=names[k])
        results.append(attrs.evolve(result, outcomes=result.outcomes + tuple(extra[k])))
    return tuple(results)
