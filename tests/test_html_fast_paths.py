"""The HTML reader's fast paths agree with its general walk.

The reader reads the usual cells (plain text, one line of Word's inline markup) and
leaf elements without walking them, and skips the per-element hidden test on pages that
cannot hide anything. These tests hold each shortcut to the slow path it replaces.
"""

from __future__ import annotations

import re
from unittest import mock

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from lxml import etree

from govinfo_report.readers import html as html_reader
from govinfo_report.readers.html import read_html


def _page(body: str) -> str:
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'


# -- cells: the chain read against the walk ------------------------------------------

_TAGS = ["span", "p", "div", "b", "font", "a", "br", "o:p", "strong", "script"]
_TEXTS = st.sampled_from(["", " ", "\n", "\xa0", "12", "规章", " 行政 许可 ", "\u3000"])


@st.composite
def _cell_markup(draw: st.DrawFn, depth: int = 0) -> str:
    """A small tree of the markup found in table cells, chains of only children likely."""
    out = [draw(_TEXTS)]
    children = draw(st.integers(0, 1 if depth < 3 and draw(st.booleans()) else 2))
    for _ in range(children if depth < 4 else 0):
        tag = draw(st.sampled_from(_TAGS))
        style = draw(st.sampled_from(["", ' style="font-size:10pt"', ' style="display:none"']))
        if tag == "br":
            out.append("<br>")
        else:
            out.append(f"<{tag}{style}>{draw(_cell_markup(depth + 1))}</{tag}>")
        out.append(draw(_TEXTS))
    return "".join(out)


def _cell(markup: str) -> etree._Element:
    root = etree.fromstring(
        f"<html><body><table><tr><td>{markup}</td></tr></table></body></html>",
        etree.HTMLParser(encoding="utf-8"),
    )
    (cell,) = root.iter("td")
    return cell


def _walked(cell: etree._Element) -> str:
    walker = html_reader._Walker([], may_hide=True)
    return walker._cell_text(cell, "/td", 1)


@settings(max_examples=400, deadline=None)
@given(_cell_markup())
# U+00A0 is text, not space, to the walk; text after a block, at any level, is a new line.
@example("\xa0<p></p>\xa0")
@example("<span><p>\xa0</p></span>\xa0")
def test_chain_text_is_the_walk_or_declines(markup: str) -> None:
    cell = _cell(markup)
    chained = html_reader._chain_text(cell, may_hide=True)
    if chained is not None:
        # The reader collapses ASCII whitespace in a chained cell as the walk does.
        collapsed = re.sub(r"[ \t\n\r\f]+", " ", chained).strip(" ")
        assert collapsed == _walked(cell)


def test_chain_text_reads_the_usual_word_cell() -> None:
    cell = _cell('<p class="MsoNormal"><span style="font-family:宋体">规章<o:p></o:p></span></p>')
    assert html_reader._chain_text(cell, may_hide=True) == "规章"


def test_chain_text_declines_two_lines() -> None:
    assert html_reader._chain_text(_cell("<p>甲</p><p>乙</p>"), may_hide=True) is None
    assert html_reader._chain_text(_cell("甲<p>乙</p>"), may_hide=True) is None
    assert html_reader._chain_text(_cell("<span>甲<br>乙</span>"), may_hide=True) is None


# -- pages that cannot hide anything ---------------------------------------------------


def test_may_hide_sees_every_way_to_hide() -> None:
    assert not html_reader._may_hide(b"<p style='font-size:10pt'>a</p>")[0]
    assert html_reader._may_hide(b"<p style='DISPLAY: NONE'>a</p>")[0]
    assert html_reader._may_hide(b"<p style='visibility:hidden'>a</p>")[0]
    assert html_reader._may_hide(b"<p hidden>a</p>")[0]
    assert html_reader._may_hide(b"<tr style='Visibility: Collapse'><td>a</td></tr>")[0]
    assert html_reader._may_hide(
        "<p>甲<span style='text-decoration:LINE-THROUGH'>9</span></p>".encode()
    )[0]
    # Only the page's ASCII is searched: a word among Chinese text is still found.
    assert html_reader._may_hide("<p>甲</p><p style='display:none'>乙</p>".encode())[0]
    # A character reference could spell the style: every element is then asked.
    assert html_reader._may_hide(b"<p style='display&#58;none'>a</p>")[0]
    assert not html_reader._may_hide(b"<p>&#35268;&#31456;</p>")[0]


def test_may_hide_sees_every_way_to_colour_text() -> None:
    assert html_reader._may_hide(b"<p style='font-size:10pt'>a</p>") == (False, False)
    assert html_reader._may_hide(b"<span style='COLOR:#FFF'>9</span>") == (False, True)
    assert html_reader._may_hide(b"<font color=white>9</font>")[1]
    assert html_reader._may_hide(b"<td bgcolor=navy>a</td>")[1]
    assert html_reader._may_hide(b"<span style='col&#111;r:white'>9</span>") == (True, True)


def test_hidden_by_a_character_reference_is_still_skipped() -> None:
    document = read_html(_page("<p>看得见</p><p style='display&#58;none'>看不见</p>"))
    assert [block.text for block in document.paragraphs()] == ["看得见"]


def test_hidden_cell_content_in_a_page_that_hides() -> None:
    page = _page(
        "<table><tr><td>信息内容</td><td><span style='display:none'>9</span>1</td></tr>"
        "<tr><td>规章</td><td>2</td></tr></table>"
    )
    (table,) = read_html(page).tables()
    assert [cell.text for cell in table.rows[0]] == ["信息内容", "1"]


# -- text between the cells of a row ----------------------------------------------------

_BETWEEN = st.sampled_from(
    ["", "", "\n  ", "注", "\xa0", "<span>单位：件</span>", "<div>说明</div>", "<script>x</script>"]
)


@st.composite
def _table_with_strays(draw: st.DrawFn) -> str:
    """A table, maybe in a layout table, with text or elements between some cells."""
    rows = []
    for r in range(draw(st.integers(1, 3))):
        cells = "".join(f"{draw(_BETWEEN)}<td>{r}{c}</td>" for c in range(draw(st.integers(1, 3))))
        rows.append(f"<tr>{cells}{draw(_BETWEEN)}</tr>")
    table = f"<table><tbody>{''.join(rows)}</tbody></table>"
    if draw(st.booleans()):
        table = f"<table><tr><td>{table}</td><td>侧栏</td></tr></table>"
    return f"<p>前</p>{table}<p>后</p>"


def _blocks(markup: str) -> list[object]:
    document = read_html(_page(markup))
    return [
        (block.text, block.location)
        if hasattr(block, "text")
        else [[(cell.text, cell.location) for cell in row] for row in block.rows]
        for block in document.blocks
    ]


@settings(max_examples=200, deadline=None)
@given(_table_with_strays())
def test_looking_for_row_text_only_where_it_may_be_loses_nothing(markup: str) -> None:
    # The shortcut: rows are searched for text outside their cells only when one XPath
    # over the page finds some, or when the grid meets an element there. The slow path
    # searches every row of every table.
    fast = _blocks(markup)
    with mock.patch.object(html_reader, "_HAS_ROW_TEXT", lambda root: True):
        assert _blocks(markup) == fast


# -- cells built once, numbered by the tables kept ---------------------------------------


def test_tables_left_out_do_not_shift_the_numbering() -> None:
    chrome = "<table><tr><td>站点</td><td>导航</td></tr><tr><td>首页</td><td>公开</td></tr></table>"
    report = (
        "<div id='report'><p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p>"
        "<table><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td>"
        "<td>现行有效件数</td></tr><tr><td>规章</td><td>1</td><td>0</td><td>3</td></tr>"
        "<tr><td>行政规范性文件</td><td>2</td><td>0</td><td>4</td></tr></table>"
        "<p>三、收到和处理政府信息公开申请情况</p></div>"
    )
    document = read_html(_page(f"<div id='top'>{chrome}</div>{report}"))
    (table,) = document.tables()
    assert table.location.table == 0
    cell = table.rows[1][1]
    assert cell.text == "1"
    assert (cell.location.table, cell.location.row, cell.location.column) == (0, 1, 1)
    assert cell.location.path is not None and cell.location.path.endswith("/tr[2]/td[2]")


def test_binary_bytes_are_refused_as_control_characters() -> None:
    import random

    from govinfo_report import ReportError

    rng = random.Random(4)
    noise = bytes(rng.randrange(1, 256) for _ in range(40_000))
    with pytest.raises(ReportError, match="control characters"):
        read_html(b"<html><body>" + noise)


@given(st.text(alphabet=st.sampled_from("a1规（） \t\n\r\f\xa0\u3000"), min_size=1))
@example("规章 ")
@example(" 规章")
@example("行政  许可")
@example("\xa0")
def test_collapse_is_the_whitespace_rule(text: str) -> None:
    assert html_reader._collapse(text) == re.sub(r"[ \t\n\r\f]+", " ", text).strip(" ")
