"""The seed reports and the findings a reviewer expects of each."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_report
from govinfo_report.checks import CellRef, CheckResult, Status, check
from govinfo_report.model import CellKind, Severity
from tests.shared import seed_files

SEEDS = {p.name[:3]: p for p in seed_files()}


def _result(seed: str) -> CheckResult:
    path = SEEDS.get(seed) or pytest.skip("../shared/seeds is absent")
    return check(govinfo_report.parse(path))


def _statuses(result: CheckResult, family: str) -> list[Status]:
    return [o.status for o in result.by_family(family)]


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_no_seed_fails_a_rule_of_error_severity(seed: str) -> None:
    result = _result(seed)
    assert result.errors == ()
    assert result.ok


def test_002_blank_total_row_makes_the_identities_not_assessable() -> None:
    result = _result("002")
    columns = [c.key for c in result.report.spec.table("applications").columns]
    for family in ("applications.carry_over", "applications.total_processed"):
        outcomes = result.by_family(family)
        assert [o.rule.subject for o in outcomes] == columns
        for outcome in outcomes:
            assert outcome.status is Status.NOT_ASSESSABLE
            # Exactly the blank （七）总计 cell of the rule's column blocks it.
            assert [CellRef.of(c) for c in outcome.unassessable] == [
                CellRef(
                    table="applications", row="total_processed", column=str(outcome.rule.subject)
                )
            ]
            assert outcome.unassessable[0].kind is CellKind.BLANK
    row_total = result.outcome("applications.total[total_processed]")
    assert row_total.status is Status.NOT_ASSESSABLE
    assert len(row_total.unassessable) == 7


def test_002_blanks_are_listed_with_their_lines() -> None:
    result = _result("002")
    blanks = result.outcome("applications.blanks")
    assert blanks.status is Status.FAIL and blanks.severity is Severity.WARNING
    assert [(c.row, c.location.line if c.location else None) for c in blanks.cells] == [
        ("total_processed", line) for line in range(346, 353)
    ]
    assert blanks.actual == 7
    assert "line 346" in blanks.message_en and "is blank" in blanks.message_en
    fee = result.outcome("active.blanks")
    assert fee.status is Status.FAIL
    assert [CellRef.of(c) for c in fee.cells] == [
        CellRef(table="active", row="fees", column="amount")
    ]
    # The fee rule cannot be decided on a blank fee (and （六）2 is 0).
    reported = result.outcome("text.fee_reported")
    assert reported.status is Status.NOT_ASSESSABLE
    assert [c.row for c in reported.unassessable] == ["fees"]


def test_002_regulations_from_a_town_body_are_suspect() -> None:
    result = _result("002")
    outcome = result.outcome("active.regulations_by_level")
    assert outcome.status is Status.FAIL
    assert outcome.severity is Severity.WARNING
    assert outcome.actual == 5
    assert [c.column for c in outcome.cells if c.value] == ["issued", "in_force"]
    assert "叉干镇" in outcome.message_zh and "township" in outcome.message_en
    assert "规章" in outcome.message_zh


def _prose(result: CheckResult) -> str:
    report = result.report
    return "\n".join(p.text for p in report.preamble) + "\n".join(s.text for s in report.sections)


@pytest.mark.parametrize(
    ("seed", "present"),
    [
        ("003", ["〔2020〕109号", "《2024年"]),
        ("002", ["2025年将"]),
        ("004", ["2025年1月8日"]),
        ("001", ["〔2024〕1号", "2023年"]),
    ],
)
def test_years_in_document_numbers_titles_plans_and_dates_are_no_slip(
    seed: str, present: list[str]
) -> None:
    result = _result(seed)
    text = _prose(result)
    for snippet in present:
        assert snippet in text.replace(" ", ""), f"the seed no longer holds {snippet!r}"
    years = result.outcome("text.years")
    assert years.status is Status.PASS, years.message_en
    assert years.expected == result.report.metadata.year


def test_003_has_no_error_and_its_prose_agrees_with_its_tables() -> None:
    result = _result("003")
    assert result.errors == ()
    received = result.outcome("text.received")
    assert received.status is Status.PASS
    assert received.actual == 1
    (span,) = received.spans
    assert "1件" in span.text
    assert (
        result.report.section("overview").paragraphs[span.paragraph].text[span.start : span.end]
        == span.text
    )
    assert result.outcome("text.fee_waived").status is Status.PASS
    assert result.outcome("report.period").status is Status.PASS


def test_001_report_year_is_taken_from_the_body() -> None:
    result = _result("001")
    assert result.outcome("report.year").status is Status.PASS
    assert result.outcome("report.year").actual == 2023
    title = result.outcome("report.title")
    assert title.status is Status.FAIL and title.severity is Severity.WARNING
    assert "2023" in title.message_en and "prose" in title.message_en
    assert result.outcome("text.years").expected == 2023
    # "受理依申请公开0件": the prose says nothing was received, as the table does.
    assert result.outcome("text.received").status is Status.PASS


def test_000_without_a_statistics_period_cannot_be_assessed_on_it() -> None:
    # No period stated: nothing to compare (it read "pass" with "no period is stated").
    result = _result("000")
    assert result.report.metadata.period_start is None
    assert result.outcome("report.period").status is Status.NOT_ASSESSABLE
    # A town government (the name ends in 镇) whose section 一 mentions 考核 but not the rest.
    assert [o.rule.id for o in result.failures] == ["overview.assessment"]
    assessment = result.failures[0]
    assert assessment.severity is Severity.INFO
    assert "评议" in assessment.message_zh and "考核" not in assessment.message_zh


def test_seed_004_zero_statement_of_received_applications() -> None:
    result = _result("004")
    outcome = result.outcome("text.received")
    assert outcome.status is Status.PASS and outcome.actual == 0
    assert outcome.spans and outcome.spans[0].text.startswith("未")


def test_seed_paths_exist() -> None:
    if not SEEDS:
        pytest.skip("../shared/seeds is absent")
    assert all(isinstance(p, Path) and p.is_file() for p in SEEDS.values())
