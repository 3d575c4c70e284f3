"""White text in HTML data cells: a stale value whited out beside the new one."""

from __future__ import annotations

import re

import pytest
from lxml import etree

import govinfo_report
from govinfo_report.readers import _colour
from govinfo_report.readers.html import read_html
from govinfo_report.synth import consistent_example
from govinfo_report.synth.html import render_html


def _cell(inner: str, *, td: str = "", table: str = "") -> tuple[str, list[str]]:
    """The text of a data cell holding ``inner``, and the page's white-text notes."""
    document = read_html(
        f'<html><head><meta charset="utf-8"></head><body><table{table}>'
        f"<tr><td>项目</td><td>数量</td></tr>"
        f"<tr><td>行政许可</td><td{td}>{inner}</td></tr></table></body></html>".encode()
    )
    notes = [message for code, message, _ in document.notes if code == "html.white-text"]
    return document.tables()[0].rows[1][1].text, notes


@pytest.mark.parametrize(
    "inner",
    [
        '<span style="color:white">9</span>125',
        '<span style="COLOR: #FFF">9</span>125',
        '<span style="color:#fefefe">9</span>125',
        '<span style="color:rgb(255, 255, 255)">9</span>125',
        '<span style="color:hsl(0 0% 100%)">9</span>125',
        '<span style="color:rgba(0,0,0,0)">9</span>125',  # transparent: unseen anywhere
        '<font color="#FFFFFF">9</font>125',
        '<font color="ffffff">9</font>125',  # HTML reads the hex digits without "#"
        # Word's pasted markup: the new value in its own span.
        "<p class=MsoNormal><span style='font-family:宋体;color:white'>9</span>"
        "<span style='font-family:宋体;color:black'>125</span></p>",
        "1<span style='color:white'>9</span>25",  # a chain of one child: not the fast path
        # Inside white, a descendant coloured otherwise is seen.
        "<span style='color:white'><span style='color:#000'>1</span>9</span>25",
        # The last valid declaration wins, an !important one first.
        "<span style='color:black;color:white'>9</span>125",
        "<span style='color:white!important;color:black'>9</span>125",
        "<span style='color:white;color:nonsense'>9</span>125",
        "<span style='color:white;/* color:black */'>9</span>125",
    ],
)
def test_white_text_beside_other_text_is_left_out_and_noted(inner: str) -> None:
    # Read, the stale 9 whited out beside 125 made 9125 (or 1925), silently.
    text, notes = _cell(inner)
    assert text == "125"
    assert len(notes) == 1 and notes[0].endswith("'9'"), notes


@pytest.mark.parametrize(
    ("inner", "td", "table"),
    [
        # White on a ground: seen, and read.
        ("<span style='color:white;background:#036'>9</span>125", "", ""),
        ("<span style='color:white;background-color:red'>9</span>125", "", ""),
        ("<span style='color:white;background:url(x.png)'>9</span>125", "", ""),
        ("<mark><span style='color:white'>9</span></mark>125", "", ""),
        ("<span style='color:white'>9</span>125", ' bgcolor="#003366"', ""),
        ("<span style='color:white'>9</span>125", ' style="background:navy"', ""),
        ("<span style='color:white'>9</span>125", "", ' bgcolor="navy"'),
        ("<span style='color:white'>9</span>125", "", ' style="background-color:#1e6fb8"'),
        # Not white: the last valid declaration is another colour; near-white is grey.
        ("<span style='color:white;color:black'>9</span>125", "", ""),
        ("<span style='color:#f0f0f0'>9</span>125", "", ""),
        ("<span style='color:currentcolor'>9</span>125", "", ""),
    ],
)
def test_white_text_that_is_seen_is_read(inner: str, td: str, table: str) -> None:
    assert _cell(inner, td=td, table=table) == ("9125", [])


@pytest.mark.parametrize(
    ("inner", "td"),
    [
        ("<span style='color:white'>9</span>", ""),  # a header in white on a shaded cell
        ("<p><span style='color:white'>合计</span></p>", ""),
        ("<b>9</b>", ' style="color:#fff"'),
        ("9", ' style="color:#fff"'),
        ("\u200b<span style='color:white'>9</span>", ""),  # a zero-width space shows nothing
    ],
)
def test_a_cell_that_is_all_white_is_read(inner: str, td: str) -> None:
    # Its ground may be painted by the page's stylesheet, which is not read: all of it is
    # read, as a browser shows it on a ground.
    text, notes = _cell(inner, td=td)
    assert re.sub(r"<[^>]+>", "", inner).replace("\u200b", "") == text.replace("\u200b", "")
    assert notes == []


def test_the_cells_own_white_is_inherited_by_its_text() -> None:
    text, notes = _cell("9<span style='color:black'>125</span>", td=' style="color:white"')
    assert (text, len(notes)) == ("125", 1)


def test_white_text_outside_data_cells_is_read() -> None:
    document = read_html(
        '<html><head><meta charset="utf-8"></head><body>'
        "<p>2024年<span style='color:white'>度</span>报告</p></body></html>".encode()
    )
    assert [p.text for p in document.paragraphs()] == ["2024年度报告"]


def test_a_whited_out_value_in_a_report_reads_as_shown() -> None:
    report = consistent_example("青禾镇人民政府", 2024)
    page = render_html(report, seed=1).decode()
    row = re.search(r'<td>行政许可</td><td colspan="3">(\d+)</td>', page)
    assert row is not None
    whited = page.replace(
        row.group(0),
        row.group(0).replace(
            ">" + row.group(1), '><span style="color:#FFFFFF">9</span>' + row.group(1)
        ),
    )
    parsed = govinfo_report.parse(whited.encode())
    (cell,) = parsed.active.row("licensing")
    assert cell.value == int(row.group(1))
    (note,) = [d for d in parsed.diagnostics if d.code == "html.white-text"]
    assert note.location is not None and note.location.table == 0
    assert note.location.path is not None and note.location.path.endswith("/td[2]")


def test_colour_reads_css_as_css_does() -> None:
    def of(markup: str) -> int:
        return _colour.colour(etree.fromstring(markup, etree.HTMLParser()).find(".//body/*"))

    assert of("<span style='color:white'>a</span>") == _colour.WHITE
    assert of("<span style='color:white; background:#fff'>a</span>") == _colour.WHITE
    assert of("<span style='color:white; background:none'>a</span>") == _colour.WHITE
    assert of("<span style='color:white; background:transparent'>a</span>") == _colour.WHITE
    assert of("<span style='color:white; background:#fafafa'>a</span>") == _colour.WHITE
    assert of("<span style='color:#333'>a</span>") == _colour.COLOURED
    assert of("<span style='color:initial'>a</span>") == _colour.COLOURED
    assert of("<font color='garbage'>a</font>") == _colour.COLOURED
    assert of("<span style='color:inherit'>a</span>") == 0
    assert of("<span style='font-size:9pt'>a</span>") == 0
    assert of("<td bgcolor='x-garbage'>a</td>") == _colour.BACKED  # a browser paints some colour
    assert of("<td bgcolor='white'>a</td>") == 0
    # A style's background undoes bgcolor; an invalid background-color is dropped.
    assert of("<td bgcolor='navy' style='background:none'>a</td>") == 0
    assert of("<td style='background-color:navy;background-color:bogus'>a</td>") == _colour.BACKED


def test_each_elements_colour_is_read_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # White and black nested alternately: each white one asked every element above it
    # for a ground, so the work grew with the square of the depth (a 680 KB page of such
    # cells took 13 s). The answers are kept for the page.
    from govinfo_report.readers import html as html_reader

    calls = 0
    original = _colour.colour

    def counted(element: etree._Element) -> int:
        nonlocal calls
        calls += 1
        return original(element)

    monkeypatch.setattr(_colour, "colour", counted)
    monkeypatch.setattr(html_reader, "colour", counted)
    depth = 120
    inner = "x"
    for i in range(depth):
        inner = f'<span style="color:{"white" if i % 2 else "black"}">{i % 10}{inner}</span>'
    text, notes = _cell("1" + inner)
    assert text and len(notes) == 1
    # Each element at most three times: the fast path's look, the walk's, a ground's.
    assert calls <= 3 * (depth + 1), calls
