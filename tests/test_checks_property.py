"""Properties of the arithmetic rules on synthetic reports.

For any consistent report every arithmetic rule passes; change one cell and
exactly the rules that read it fail, naming it, with the right difference;
blank it and exactly those rules become not assessable (never failed).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govinfo_report.checks import CellRef, Rule, Status, check, rules_for
from govinfo_report.formats import FORMAT_2021
from govinfo_report.model import Report
from govinfo_report.synth import SyntheticReport
from tests.checks_support import as_single, blank, cell_of, replace_cell, to_report
from tests.strategies import synthetic_reports

RULES = rules_for(FORMAT_2021)
EQUATIONS = tuple(r for r in RULES if r.equation is not None)
VALUES = tuple(r for r in RULES if r.method == "values")

_settings = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def consistent(draw: st.DrawFn) -> SyntheticReport:
    synthetic = draw(synthetic_reports(consistent=True))
    return as_single(synthetic) if draw(st.booleans()) else synthetic


def _applicable(report: Report) -> list[Rule]:
    return [r for r in EQUATIONS if r.applies_to(report)]


def _equation_outcomes(report: Report) -> dict[str, Status]:
    result = check(report, rules=EQUATIONS)
    return {o.rule.id: o.status for o in result.outcomes}


@st.composite
def report_and_cell(draw: st.DrawFn) -> tuple[Report, CellRef]:
    report = to_report(draw(consistent()))
    refs = sorted({ref for rule in _applicable(report) for ref in rule.reads})
    return report, draw(st.sampled_from(refs))


def test_rules_cover_every_cell_of_tables_three_and_four() -> None:
    read = {ref for rule in EQUATIONS for ref in rule.reads}
    for key in ("applications", "review_litigation"):
        table = FORMAT_2021.table(key)
        for row in table.rows:
            for column in table.row_columns(row):
                assert CellRef(table=key, row=row.key, column=column.key) in read


@_settings
@given(consistent())
def test_consistent_report_passes_every_arithmetic_rule(synthetic: SyntheticReport) -> None:
    report = to_report(synthetic)
    result = check(report, rules=EQUATIONS + VALUES)
    assert result.outcomes, "no rule ran"
    assert [o.rule.id for o in result.outcomes if o.status is not Status.PASS] == []
    # Every applicable arithmetic rule ran exactly once.
    assert sorted(o.rule.id for o in result.outcomes) == sorted(
        r.id for r in (*_applicable(report), *VALUES)
    )


@_settings
@given(report_and_cell(), st.integers(min_value=1, max_value=50), st.booleans())
def test_changing_one_cell_fails_exactly_the_rules_that_read_it(
    drawn: tuple[Report, CellRef], delta: int, down: bool
) -> None:
    report, ref = drawn
    old = cell_of(report, ref).value
    assert isinstance(old, int)
    if down and old >= delta:
        delta = -delta
    changed = replace_cell(report, ref, value=old + delta, raw=str(old + delta))
    result = check(changed, rules=EQUATIONS)
    readers = {r.id for r in _applicable(report) if ref in r.reads}
    assert readers, "every drawn cell is read by some rule"
    failed = {o.rule.id for o in result.outcomes if o.status is Status.FAIL}
    assert failed == readers
    assert all(o.status is Status.PASS for o in result.outcomes if o.rule.id not in readers)
    for outcome in result.outcomes:
        if outcome.rule.id not in readers:
            continue
        assert outcome.rule.equation is not None
        named = [c for c in outcome.cells if CellRef.of(c) == ref]
        assert named and named[0].value == old + delta
        assert named[0].location == cell_of(report, ref).location
        # Messages write short sums term by term and long ones by their non-zero terms.
        if len(outcome.rule.reads) <= 7 or old + delta != 0:
            assert f"({named[0].location}) {old + delta}" in outcome.message_en
            assert f"({named[0].location}) {old + delta}" in outcome.message_zh
        # The printed total side is "actual": a change there moves it, a change in
        # a part moves "expected".
        on_right = ref in outcome.rule.equation.right
        assert outcome.difference == (delta if on_right else -delta)
        assert isinstance(outcome.actual, int) and isinstance(outcome.expected, int)
        assert outcome.actual - outcome.expected == outcome.difference


@_settings
@given(report_and_cell())
def test_blanking_one_cell_makes_its_rules_not_assessable(
    drawn: tuple[Report, CellRef],
) -> None:
    report, ref = drawn
    result = check(blank(report, ref), rules=EQUATIONS)
    readers = {r.id for r in _applicable(report) if ref in r.reads}
    statuses = {o.rule.id: o.status for o in result.outcomes}
    assert {k for k, s in statuses.items() if s is Status.NOT_ASSESSABLE} == readers
    assert Status.FAIL not in statuses.values()
    for outcome in result.outcomes:
        if outcome.rule.id in readers:
            assert [CellRef.of(c) for c in outcome.unassessable] == [ref]
            assert "blank" in outcome.message_en and "空白" in outcome.message_zh


@_settings
@given(consistent(), st.data())
def test_a_negative_count_fails_the_value_rule_naming_it(
    synthetic: SyntheticReport, data: st.DataObject
) -> None:
    report = to_report(synthetic)
    cells = [c for c in report.cells() if c.table != "active"]
    cell = data.draw(st.sampled_from(cells))
    changed = replace_cell(report, CellRef.of(cell), value=-1, raw="-1")
    result = check(changed, rules=VALUES)
    failed = [o for o in result.outcomes if o.status is Status.FAIL]
    assert [o.rule.id for o in failed] == [f"{cell.table}.values"]
    assert [CellRef.of(c) for c in failed[0].cells] == [CellRef.of(cell)]
