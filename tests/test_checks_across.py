"""Rules across reports: consecutive years of one body, and near-identical reports (雷同)."""

from __future__ import annotations

import pytest

import govinfo_report
from govinfo_report.checks import CheckResult, Outcome, Status, check_all, same_body
from govinfo_report.synth import SyntheticReport, consistent_example
from tests.checks_support import set_values, to_report, with_prose
from tests.shared import seed_files

ORG = "青禾县松岭镇人民政府"

# Invented paragraphs, long enough to compare; the two say different things.
PROSE_A = (
    "{org}把政务公开纳入年度重点工作，由分管负责同志牵头，党政办公室具体承办，"
    "每月梳理一次应公开事项清单，逐项明确责任人和完成时限，确保应公开尽公开。",
    "在便民服务中心设置查阅点，配备触摸屏和纸质资料，群众可以随时查阅财政预算、"
    "惠民补贴发放和村级项目建设等信息，全年接待查阅群众三百余人次。",
)
PROSE_B = (
    "{org}围绕乡村振兴和民生保障两条主线，集中发布了高标准农田建设、养老服务补贴、"
    "农村道路养护等方面的信息，并用通俗易懂的图解方式解读新出台的政策。",
    "针对部分网站栏目更新不及时的问题，建立了周检查、月通报制度，"
    "对发现的错链断链和过期信息及时整改，栏目内容的准确性明显提高。",
)


def _years(over: tuple[int, ...], in_force: int) -> tuple[SyntheticReport, SyntheticReport]:
    """Two years of one body; ``over`` is the second year's 上年结转 row."""
    first = consistent_example(ORG, 2023)
    second = consistent_example("松岭镇政府", 2024)
    processed = second.values["applications"]["total_processed"]
    forward = second.values["applications"]["carried_forward"]
    new = tuple(p + f - o for p, f, o in zip(processed, forward, over, strict=True))  # type: ignore[operator]
    second = set_values(second, "applications", {"carried_over": over, "new_received": new})
    second = set_values(second, "active", {"normative_documents": (2, 1, in_force)})
    return first, second


def _family(result: CheckResult, family: str) -> list[Outcome]:
    return list(result.by_family(family))


def test_names_of_one_body_match() -> None:
    assert same_body("青禾县松岭镇人民政府", "松岭镇政府")
    assert same_body("松岭镇人民政府", "松岭镇 人民政府")
    assert not same_body("松岭镇人民政府", "石桥镇人民政府")
    assert not same_body("青禾县财政局", "河湾县财政局")


def test_consecutive_years_that_carry_over_pass() -> None:
    first, second = _years((1, 0, 0, 0, 0, 0, 1), in_force=15)
    results = check_all([to_report(second), to_report(first)], ["b.txt", "a.txt"])
    carried = _family(results[0], "across.carried_over")
    assert [o.status for o in carried] == [Status.PASS] * 7
    assert all(o.other == "a.txt" for o in carried)
    assert [o.status for o in _family(results[0], "across.in_force")] == [Status.PASS] * 2
    # The earlier year gets no outcome of these rules.
    assert _family(results[1], "across.carried_over") == []


def test_a_broken_carry_over_between_years_fails_per_column() -> None:
    first, second = _years((2, 0, 0, 0, 0, 0, 2), in_force=15)
    results = check_all([to_report(first), to_report(second)], ["2023.txt", "2024.txt"])
    failed = [o for o in _family(results[1], "across.carried_over") if o.failed]
    assert [o.rule.subject for o in failed] == ["natural_person", "total"]
    for outcome in failed:
        assert (outcome.expected, outcome.actual, outcome.difference) == (1, 2, 1)
        assert outcome.cells[0].row == "carried_over" and outcome.cells[0].location is not None
        assert outcome.other_cells[0].row == "carried_forward"
        assert "2023.txt" in outcome.message_en and "2023" in outcome.message_zh
    assert not results[1].ok


def test_in_force_must_follow_last_year() -> None:
    first, second = _years((1, 0, 0, 0, 0, 0, 1), in_force=14)
    (_, result) = check_all([to_report(first), to_report(second)])
    (outcome,) = [o for o in _family(result, "across.in_force") if o.failed]
    assert outcome.rule.subject == "normative_documents"
    assert (outcome.expected, outcome.actual, outcome.difference) == (15, 14, -1)


def test_years_two_apart_or_other_bodies_are_not_compared() -> None:
    first = consistent_example(ORG, 2022)
    other = consistent_example("石桥镇人民政府", 2023)
    _, second = _years((5, 0, 0, 0, 0, 0, 5), in_force=1)
    results = check_all([to_report(first), to_report(other), to_report(second)])
    assert all(_family(r, "across.carried_over") == [] for r in results)


def _prosed(org: str, year: int, prose: tuple[str, ...]) -> SyntheticReport:
    paragraphs = tuple(p.format(org=org) for p in prose)
    return with_prose(consistent_example(org, year), overview=paragraphs)


def test_a_copy_paste_pair_is_found_and_a_different_one_is_not() -> None:
    original = _prosed("松岭镇人民政府", 2023, PROSE_A)
    copy = _prosed("石桥镇人民政府", 2024, PROSE_A)
    different = _prosed("河湾乡人民政府", 2024, PROSE_B)
    # Different data, so that only the prose is compared.
    different = set_values(different, "active", {"licensing": (12,)})
    copy = set_values(copy, "active", {"licensing": (13,)})
    names = ["original", "copy", "different"]
    results = check_all([to_report(r) for r in (original, copy, different)], names)
    (flagged,) = _family(results[1], "across.similar_text")
    assert flagged.status is Status.FAIL
    assert flagged.other == "original"
    assert flagged.score is not None and flagged.score > 0.9
    assert flagged.spans and flagged.other_spans
    assert flagged.spans[0].text in copy.prose["overview"][0] + copy.prose["overview"][1]
    assert "original" in flagged.message_en and "雷同" in flagged.message_zh
    (other,) = _family(results[2], "across.similar_text")
    assert other.status is Status.PASS
    assert other.score is not None and other.score < 0.5
    # Both sides of a flagged pair are spared a pass.
    assert _family(results[0], "across.similar_text") == []


def test_identical_tables_are_found_but_identical_zeros_are_not() -> None:
    one = _prosed("松岭镇人民政府", 2024, PROSE_A)
    two = _prosed("河湾乡人民政府", 2024, PROSE_B)
    results = check_all([to_report(one), to_report(two)], ["one", "two"])
    (same,) = _family(results[1], "across.same_data")
    assert same.status is Status.FAIL and same.other == "one"
    assert len(same.cells) >= 10

    def zeros(synthetic: SyntheticReport) -> SyntheticReport:
        values = {
            table: {row: tuple(0 for _ in cells) for row, cells in rows.items()}
            for table, rows in synthetic.values.items()
        }
        return set_values(set_values(set_values(
            synthetic, "active", values["active"]), "applications", values["applications"]),
            "review_litigation", values["review_litigation"])  # fmt: skip

    results = check_all([to_report(zeros(one)), to_report(zeros(two))])
    assert all(_family(r, "across.same_data") == [] for r in results)


def test_a_seed_and_its_renamed_copy_are_near_identical() -> None:
    seeds = {p.name[:3]: p for p in seed_files()}
    if "003" not in seeds or "004" not in seeds:
        pytest.skip("../shared/seeds is absent")
    text = seeds["003"].read_text(encoding="utf-8")
    report = govinfo_report.parse(text)
    organization = report.metadata.organization
    assert organization
    copy = govinfo_report.parse(text.replace("悦庄", "青禾").replace("2024", "2023"))
    other = govinfo_report.parse(seeds["004"])
    results = check_all([report, copy, other], ["003", "copy", "004"])
    (flagged,) = _family(results[0], "across.similar_text")
    assert flagged.failed and flagged.other == "copy" and flagged.score == pytest.approx(1.0)
    (unrelated,) = _family(results[2], "across.similar_text")
    assert unrelated.passed


def test_each_copy_names_the_report_it_repeats_once() -> None:
    reports = [_prosed("松岭镇人民政府", year, PROSE_A) for year in (2022, 2023, 2024)]
    reports = [set_values(r, "active", {"licensing": (i,)}) for i, r in enumerate(reports)]
    results = check_all([to_report(r) for r in reports], ["2022", "2023", "2024"])
    assert _family(results[0], "across.similar_text") == []
    (second,) = _family(results[1], "across.similar_text")
    assert second.failed and second.other == "2022"
    (third,) = _family(results[2], "across.similar_text")
    assert third.failed and third.other == "2022"
    assert "1 other report" in third.message_en


def test_a_pair_over_the_threshold_is_never_passed_on_a_small_sample() -> None:
    # Containment is estimated from an eighth of the shingles to skip unrelated pairs
    # quickly; on a small sample the estimate missed a pair at 52 % as 10 %. Pairs of
    # prose sharing a little over half their wording, of many sizes, are all flagged.
    import random

    from govinfo_report.checks._across import _scores
    from govinfo_report.checks._similar import SIMILAR_TEXT

    pool = "政府信息公开工作年度报告依法主动申请办理答复推进规范标准平台建设培训考核监督落实"
    checked = 0
    for seed in range(1500):
        chance = random.Random(seed)
        size = chance.choice([60, 70, 80, 100, 900] if seed % 50 else [5000])
        shared = "".join(chance.choice(pool) for _ in range(size))
        own = ["".join(chance.choice(pool) for _ in range(int(size * 0.8))) for _ in "ab"]
        sets = [
            frozenset(text[i : i + 8] for i in range(len(text) - 7))
            for text in (shared + own[0], shared + own[1])
        ]
        exact = len(sets[0] & sets[1]) / min(len(s) for s in sets)
        if exact < SIMILAR_TEXT:
            continue
        assert _scores(sets).get((0, 1), 0) == exact, (seed, size, exact)
        checked += 1
    assert checked > 200
