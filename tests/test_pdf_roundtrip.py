"""parse(render_pdf(report)) gives back every value and the metadata (few examples: PDF is slow)."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import CellKind
from govinfo_report.synth import SyntheticReport, consistent_example
from govinfo_report.synth.pdf import PdfNoise, render_pdf
from tests.shared import assert_round_trip_values
from tests.strategies import synthetic_reports

noises = st.builds(
    PdfNoise,
    page_numbers=st.booleans(),
    running_header=st.booleans(),
    repeat_header=st.booleans(),
    label_variants=st.booleans(),
    title_split=st.booleans(),
    cut_rows=st.booleans(),
    # Space before each table moves the page breaks to other rows of table 三.
    shift=st.sampled_from([0.0, 80.0, 160.0, 240.0, 320.0, 400.0]),
)


def _assert_round_trip(report: SyntheticReport, data: bytes) -> None:
    assert_round_trip_values(govinfo_report.parse(data), report, "pdf")


def test_example_report_with_all_noise() -> None:
    report = consistent_example("青禾镇人民政府", 2024)
    data = render_pdf(report, noise=PdfNoise.all())
    _assert_round_trip(report, data)
    parsed = govinfo_report.parse(data)
    codes = {d.code for d in parsed.diagnostics}
    assert {"repair.page-number", "repair.page-header", "repair.pdf-repeated-header"} <= codes


@pytest.mark.parametrize("consistent", [True, False], ids=["consistent", "arbitrary"])
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_round_trip(consistent: bool, data: st.DataObject) -> None:
    report = data.draw(synthetic_reports(consistent=consistent), label="report")
    noise = data.draw(noises, label="noise")
    seed = data.draw(st.integers(0, 2**16), label="seed")
    _assert_round_trip(report, render_pdf(report, noise=noise, seed=seed))


def test_blank_and_marker_cells_survive() -> None:
    report = consistent_example("石桥乡人民政府", 2023)
    values = {key: dict(rows) for key, rows in report.values.items()}
    values["applications"]["granted"] = (None, 1, "/", 0, None, "—", 7)
    values["active"]["fees"] = (None,)
    blanked = attrs.evolve(report, values=values)
    parsed = govinfo_report.parse(render_pdf(blanked, noise=PdfNoise(shift=200.0)))
    kinds = [c.kind for c in parsed.applications.row("granted")]
    assert kinds[0] is CellKind.BLANK and kinds[2] is CellKind.MARKER
    assert parsed.active.cell("fees", "amount").kind is CellKind.BLANK
    _assert_round_trip(blanked, render_pdf(blanked))


def test_whole_rows_on_both_sides_of_a_break_under_merged_cells_stay_apart() -> None:
    # The group cells merged over the page break leave the table's bottom edge open, so
    # the row above was taken for cut: "4.无正当理由…" (237…243) and the next page's
    # "5.要求行政机关确认…" (244…250) were joined, 237244…, and row 5 was missing. A label
    # overleaf that opens an item of its own is no label's rest.
    report = consistent_example("某县人民政府办公室", 2024)
    count = iter(range(101, 1000))
    values = {
        table: {row: tuple(type(v)(next(count)) for v in cells) for row, cells in rows.items()}
        for table, rows in report.values.items()
    }
    distinct = attrs.evolve(report, values=values)
    noise = PdfNoise(
        repeat_header=True, cut_rows=True, shift=150.0, page_numbers=True, running_header=True
    )
    assert_round_trip_values(
        govinfo_report.parse(render_pdf(distinct, noise=noise)), distinct, "pdf"
    )
