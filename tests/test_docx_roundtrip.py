"""parse(render_docx(report)) gives back every value and the metadata, whatever the Word noise.

In a Word table every cell is explicit, merged cells included, so unlike flattened
text there is no placement to doubt: every value must come back exactly, blank as
``None``, with no doubt or missing-value diagnostic.
"""

from __future__ import annotations

import io
import zipfile

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.readers.docx import read_docx
from govinfo_report.synth import consistent_example
from govinfo_report.synth.docx import DocxNoise, render_docx
from tests.shared import assert_round_trip_values
from tests.strategies import synthetic_reports


def _noise() -> st.SearchStrategy[DocxNoise]:
    return st.builds(DocxNoise, **{field.name: st.booleans() for field in attrs.fields(DocxNoise)})


@pytest.mark.parametrize("consistent", [True, False], ids=["consistent", "arbitrary"])
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_round_trip(consistent: bool, data: st.DataObject) -> None:
    report = data.draw(synthetic_reports(consistent=consistent), label="report")
    noise = data.draw(_noise(), label="noise")
    seed = data.draw(st.integers(0, 2**16), label="seed")
    parsed = govinfo_report.parse(render_docx(report, noise=noise, seed=seed))
    assert_round_trip_values(parsed, report, "docx")
    assert all(section.found for section in parsed.sections)
    assert not [d for d in parsed.diagnostics if d.code.startswith(("doubt.", "missing."))]


def test_every_kind_of_noise_is_there() -> None:
    # The renderer must really produce what each noise names, or the round trip proves nothing.
    report = consistent_example("青禾镇人民政府", 2024)
    data = render_docx(report, noise=DocxNoise.all(), seed=7)
    document = read_docx(data)
    codes = {code for code, _, _ in document.notes}
    assert {
        "repair.docx-layout-table",
        "repair.docx-tracked-changes",
        "repair.docx-hidden",
    } <= codes
    numbered = [block for block in document.blocks if getattr(block, "numbering", None)]
    assert [block.numbering for block in numbered] == [f"{n}、" for n in "一二三四五六"]
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    for markup in (b"w:bookmarkStart", b"w:tblHeader", b"w:gridSpan", b'w:vMerge w:val="restart"'):
        assert markup in xml, markup
    plain = read_docx(render_docx(report, seed=7))
    assert not plain.notes
    assert not [block for block in plain.blocks if getattr(block, "numbering", None)]
