"""parse(render_text(report)) gives back every value and the metadata, in both layouts."""

from __future__ import annotations

from typing import Literal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.synth import SyntheticReport
from govinfo_report.synth.text import TextNoise, render_text
from tests.shared import ROUND_TRIP_FIELDS, ROUND_TRIP_TABLES
from tests.strategies import synthetic_reports


def _noise() -> st.SearchStrategy[TextNoise]:
    import attrs

    return st.builds(TextNoise, **{field.name: st.booleans() for field in attrs.fields(TextNoise)})


ROUND_TRIP = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _assert_round_trip(report: SyntheticReport, text: str, allow_flagged: bool) -> None:
    parsed = govinfo_report.parse(text)
    got = parsed.to_dict()
    want = report.expected()
    for field in ROUND_TRIP_FIELDS:
        assert got[field] == want[field], field
    assert all(section.found for section in parsed.sections)
    for key, paragraphs in report.prose.items():
        assert parsed.section(key).text.split("\n")[: len(paragraphs)] == list(paragraphs)
    flagged = {(c.table, c.row) for c in parsed.cells() if c.doubtful}
    for table in ROUND_TRIP_TABLES:
        for row, values in want[table].items():
            if got[table].get(row) == values:
                continue
            # Where blank cells of a row can be placed in several ways, the parser
            # must say so for that row, never return a silently wrong value.
            assert allow_flagged and (table, row) in flagged, (
                table,
                row,
                got[table].get(row),
                values,
            )
            assert any(d.code == "doubt.row-values" for d in parsed.diagnostics)


@pytest.mark.parametrize("layout", ["cells", "rows"])
@pytest.mark.parametrize("consistent", [True, False], ids=["consistent", "arbitrary"])
@ROUND_TRIP
@given(data=st.data())
def test_round_trip(
    layout: Literal["cells", "rows"], consistent: bool, data: st.DataObject
) -> None:
    report = data.draw(synthetic_reports(consistent=consistent), label="report")
    noise = data.draw(_noise(), label="noise")
    seed = data.draw(st.integers(0, 2**16), label="seed")
    text = render_text(report, layout=layout, noise=noise, seed=seed)
    # One row per line cannot tell a blank first or last value from merged-cell padding
    # when no other row of the table shows the placement: such rows must be flagged.
    _assert_round_trip(report, text, allow_flagged=layout == "rows" and not consistent)
