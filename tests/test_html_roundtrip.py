"""parse(render_html(report)) gives back every value and the metadata, whatever the page's noise.

An HTML table keeps every cell explicit, merged cells included, so unlike flattened
text there is no placement to doubt: every value must come back exactly, blank as
``None``, with no doubt or missing-value diagnostic, through the site's chrome,
Word's markup and a legacy encoding alike.
"""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import CellKind
from govinfo_report.readers.html import read_html
from govinfo_report.synth import SyntheticReport, consistent_example
from govinfo_report.synth.html import HtmlNoise, render_html
from tests.shared import assert_round_trip_values
from tests.strategies import synthetic_reports

LEGACY = ("gb2312", "gbk", "gb18030")


def _noise() -> st.SearchStrategy[HtmlNoise]:
    return st.builds(HtmlNoise, **{field.name: st.booleans() for field in attrs.fields(HtmlNoise)})


def _assert_round_trip(report: SyntheticReport, data: bytes, legacy: bool) -> None:
    parsed = govinfo_report.parse(data)
    assert_round_trip_values(parsed, report, "html")
    assert parsed.encoding == ("gb18030" if legacy else "utf-8")
    assert all(section.found for section in parsed.sections)
    assert not [d for d in parsed.diagnostics if d.code.startswith(("doubt.", "missing."))]
    # The page declares the charset it is in: nothing to repair there.
    assert not [d for d in parsed.diagnostics if d.code == "html.charset-wrong"]


@pytest.mark.parametrize("consistent", [True, False], ids=["consistent", "arbitrary"])
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_round_trip(consistent: bool, data: st.DataObject) -> None:
    report = data.draw(synthetic_reports(consistent=consistent), label="report")
    noise = data.draw(_noise(), label="noise")
    seed = data.draw(st.integers(0, 2**16), label="seed")
    encoding = data.draw(st.sampled_from(["utf-8", "utf-8", *LEGACY]), label="encoding")
    page = render_html(report, noise=noise, seed=seed, encoding=encoding)
    _assert_round_trip(report, page, legacy=encoding in LEGACY or noise.legacy_encoding)


def test_every_kind_of_noise_is_there() -> None:
    # The renderer must really produce what each noise names, or the round trip proves nothing.
    report = consistent_example("青禾镇人民政府", 2024)
    pages = [render_html(report, noise=HtmlNoise.all(), seed=seed) for seed in range(8)]
    for data in pages:
        assert re.search(rb'charset="?(gb2312|gbk)"?', data)
    # Each kind is placed at random: over eight pages every one shows up.
    page = "".join(data.decode("gb18030") for data in pages)
    for markup in (
        "&nbsp;",  # padding
        "\u3000",
        "自<br>然<br>人",  # a vertical header
        "class=MsoNormal",  # Word
        "<o:p></o:p>",
        "<!--[if gte mso 9]>",
        "<![if !supportLists]>",
        "<tr height=0>",
        "<thead>",  # table markup
        "<th ",
        "(二) ",  # label variants
        'style="display:none"',  # hidden elements
        '<h1 class="detail-title">',  # the title beside the content
    ):
        assert markup in page, markup
    assert re.search("[０-９]", page), "full-width digits"
    assert re.search(r"<td (style='display:none'|hidden)>\d+</td>", page), "a hidden column"
    assert re.search(r"<tr (style='display:none'|hidden)><td rowspan=2>旧", page), "a hidden row"
    assert re.search(r"<tbody (style='display:none'|hidden)><tr><td>", page), "a hidden body"
    assert re.search(r"<(del|s|strike)[ >]\d+</|line-through'>\d+<", page), "struck values"
    assert re.search(r"(#FFFFFF|color:white|#ffffff|255\))['\"]>\d+</", page), "whited values"
    assert "color:#fff;background:" in page, "a label in white on its own ground"
    assert re.search(r"<td[^>]*>(?:(?!</td>).)*<table", page, re.S), "a layout table"
    data = pages[0]
    document = read_html(data)
    codes = {code for code, _, _ in document.notes}
    assert {
        "html.hidden",
        "html.layout-table",
        "html.outside-content",
        "html.title-outside-content",
    } <= codes
    assert document.encoding == "gb18030"
    _assert_round_trip(report, data, legacy=True)
    plain = read_html(render_html(report, seed=7))
    assert {code for code, _, _ in plain.notes} == {"html.outside-content"}
    assert plain.encoding == "utf-8"


def test_blank_and_marker_cells_survive_a_legacy_encoding() -> None:
    # GB2312 has no "—": the page writes it as a character reference, as content systems do.
    report = consistent_example("石桥乡人民政府", 2023)
    values = {key: dict(rows) for key, rows in report.values.items()}
    values["applications"]["granted"] = (None, 1, "—", 0, None, "/", 7)
    values["active"]["fees"] = (None,)
    blanked = attrs.evolve(report, values=values)
    data = render_html(blanked, noise=HtmlNoise(padding=True, word_markup=True), encoding="gb2312")
    assert b"&#8212;" in data
    parsed = govinfo_report.parse(data)
    kinds = [cell.kind for cell in parsed.applications.row("granted")]
    assert kinds[0] is CellKind.BLANK and kinds[2] is CellKind.MARKER
    assert parsed.active.cell("fees", "amount").kind is CellKind.BLANK
    _assert_round_trip(blanked, data, legacy=True)


def test_invisible_blank_cells_read_blank_and_are_noted() -> None:
    # A blank value cell whose stale number was hidden with visibility:hidden keeps its
    # place: a browser shows it empty, and so must the value be.
    report = consistent_example("石桥乡人民政府", 2023)
    values = {key: dict(rows) for key, rows in report.values.items()}
    values["applications"]["granted"] = (None, None, None, None, None, None, None)
    blanked = attrs.evolve(report, values=values)
    pages = [render_html(blanked, noise=HtmlNoise(hidden=True), seed=seed) for seed in range(4)]
    assert any(b"visibility:hidden" in page for page in pages)
    for page in pages:
        invisible = page.count(b"visibility:hidden")
        notes = [n for n in read_html(page).notes if n[0] == "html.invisible-cell"]
        assert len(notes) == invisible
        _assert_round_trip(blanked, page, legacy=False)
