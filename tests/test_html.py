"""The HTML reader: the corpus pages, table grids, charsets, Word markup and hostile input."""

from __future__ import annotations

import base64
import random
import re
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from lxml import etree

import govinfo_report
from govinfo_report import ReportError
from govinfo_report._ir import Document, Paragraph
from govinfo_report.readers import html as html_reader
from govinfo_report.readers.html import read_html
from govinfo_report.synth import consistent_example
from govinfo_report.synth.html import render_html
from tests.shared import LABEL_FIELDS, SHARED, parse_corpus_file, shared_dir

CORPUS = sorted((SHARED / "corpus").glob("seed*.html")) if (SHARED / "corpus").is_dir() else []


def _corpus(number: str) -> Path:
    path = shared_dir("corpus") / f"seed{number}.html"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def _paragraphs(document: Document) -> list[str]:
    return [block.text for block in document.paragraphs()]


def _page(body: str, head: str = '<meta charset="utf-8">') -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


# -- the corpus --------------------------------------------------------------------


def test_corpus_is_found() -> None:
    folder = shared_dir("corpus")
    assert len(list(folder.glob("seed*.html"))) == 5, "expected the five seed pages"


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_page_matches_its_seed_label(path: Path) -> None:
    parse_corpus_file(path, "html")


def test_gbk_page_with_layout_header_table() -> None:
    data = _corpus("003").read_bytes()
    assert b"charset=gb2312" in data  # the premise of this test
    document = read_html(data)
    assert document.encoding == "gb18030"
    # The site header is a <table>; it is chrome, not one of the report's tables.
    tables = document.tables()
    assert len(tables) == 3
    assert tables[0].rows[0][0].text.startswith("第二十条")
    assert not any(block.location.path == "/html/body/table[1]" for block in document.blocks)
    assert any(code == "html.outside-content" for code, _, _ in document.notes)


def test_notes_at_cells_name_the_table_the_document_yields() -> None:
    # The site header before the report is a data table the reader drops: notes at the
    # cells of the report's tables were numbered with it, naming the next table.
    root = etree.fromstring(
        render_html(consistent_example("青禾镇人民政府", 2023)), etree.HTMLParser()
    )
    tables = root.xpath("//table[.//td[string-length(normalize-space()) > 0]]")
    assert len(tables) >= 4, "the premise: a header table before the report's three"
    for table in tables[-2:]:
        cell = table.xpath(".//td[translate(normalize-space(), '0123456789', '') = '']")[0]
        etree.SubElement(cell, "sup").text = "1"
        hidden = table.xpath(".//td[translate(normalize-space(), '0123456789', '') = '']")[-1]
        hidden.set("style", "visibility:hidden")
    document = read_html(etree.tostring(root, encoding="utf-8"))
    yielded = {table.location.path: table.location.table for table in document.tables()}
    assert sorted(yielded.values()) == [0, 1, 2]
    located = [
        where
        for code, _, where in document.notes
        if code in ("doubt.html-superscript", "html.invisible-cell")
    ]
    assert len(located) == 4
    for where in located:
        assert where is not None and where.path is not None
        (table_path,) = [path for path in yielded if where.path.startswith(path + "/")]
        assert where.table == yielded[table_path], where


def test_a_table_in_one_cell_of_a_report_table_is_that_cell_s_text() -> None:
    # A note set in a box of its own (a table in the header cell) made the whole of
    # table 三 a layout grid: every value of it was lost. So did an empty table an editor
    # left in a cell.
    page = render_html(consistent_example("青禾镇人民政府", 2024), seed=2).decode()
    note = re.search(r"<td([^>]*)>(（本列数据的勾稽关系为[^<]*)</td>", page)
    assert note is not None
    boxed = page.replace(
        note.group(0),
        f"<td{note.group(1)}><table border=0 width='100%'><tr><td>{note.group(2)}"
        "</td></tr></table></td>",
    ).replace("<td>总计</td>", "<td>总计<table></table></td>", 1)
    assert boxed.count("<table") == page.count("<table") + 2
    parsed = govinfo_report.parse(boxed.encode()).to_dict()
    assert parsed == govinfo_report.parse(page.encode()).to_dict()
    document = read_html(boxed.encode())
    texts = [cell.text for table in document.tables() for row in table.rows for cell in row]
    assert note.group(2) in texts


def test_a_fees_row_with_a_fraction_alone_in_a_continued_table_is_read() -> None:
    # Table 二 broken before its last row, which stands alone in a second table: a
    # fragment of values is its section's table's, but "12.5" was no value (a fraction is
    # no count), so the fragment was dropped and the fees lost.
    report = consistent_example("青禾镇人民政府", 2024)
    values = {key: dict(rows) for key, rows in report.values.items()}
    values["active"]["fees"] = (Decimal("12.5"),)
    page = render_html(attrs.evolve(report, values=values)).decode()
    row = re.search(r"<tr><td>行政事业性收费</td>.*?</tr>", page)
    assert row is not None
    broken = page.replace(row.group(0), "</table><table border=1>" + row.group(0), 1)
    parsed = govinfo_report.parse(broken.encode())
    (fees,) = parsed.active.row("fees")
    assert fees.value == Decimal("12.5")
    assert not [d for d in parsed.diagnostics if d.code.startswith("missing.")]


def test_a_section_heading_set_as_a_table_s_first_row_is_the_heading() -> None:
    # Editors set a table's caption as its first row, across the table: the values were
    # read, but sections 二, 三 and 四 were reported missing, though a browser shows them.
    report = consistent_example("青禾镇人民政府", 2024)
    page = render_html(report).decode()
    for number in "二三四":
        heading = re.search(rf"<(h3|p)[^>]*>(?:<strong>)?({number}、[^<]*)<", page)
        assert heading is not None
        end = page.index(f"</{heading.group(1)}>", heading.start()) + len(heading.group(1)) + 3
        page = page[: heading.start()] + page[end:]
        start = page.index(">", page.index("<table", heading.start())) + 1
        page = (
            page[:start] + f"<tr><td colspan=4><b>{heading.group(2)}</b></td></tr>" + page[start:]
        )
    parsed = govinfo_report.parse(page.encode())
    assert all(section.found for section in parsed.sections)
    plain = govinfo_report.parse(render_html(report)).to_dict()
    assert {key: parsed.to_dict()[key] for key in LABEL_FIELDS} == {
        key: plain[key] for key in LABEL_FIELDS
    }
    codes = [d.code for d in parsed.diagnostics]
    assert codes.count("repair.heading-in-table") == 3
    assert "missing.section" not in codes


@pytest.mark.parametrize("split", [True, False], ids=["two tables", "one table of bands"])
def test_table_four_printed_in_bands_is_read_by_its_row_names(split: bool) -> None:
    # To fit a portrait page, table 四 printed as 行政复议's five columns, then 行政诉讼's
    # two groups of five under their names: no row was fifteen values wide, and every
    # value of the table was lost.
    report = consistent_example("青禾镇人民政府", 2024)
    values = {key: dict(rows) for key, rows in report.values.items()}
    values["review_litigation"] = {
        "review": (1, 2, 3, 4, 10),
        "litigation_direct": (5, 6, 7, 8, 26),
        "litigation_after_review": (9, 11, 12, 13, 45),
    }
    report = attrs.evolve(report, values=values)
    page = render_html(report).decode()
    original = re.search(r"<table[^>]*>(?:(?!</table>).)*行政复议.*?</table>", page, re.S)
    assert original is not None
    outcomes = "".join(
        f"<td>{label}</td>" for label in ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    )

    def band(names: list[str], rows: list[str]) -> str:
        head = "".join(f"<td colspan=5>{name}</td>" for name in names)
        cells = "".join(f"<td>{v}</td>" for key in rows for v in values["review_litigation"][key])
        return f"<tr>{head}</tr><tr>{outcomes * len(names)}</tr><tr>{cells}</tr>"

    review = band(["行政复议"], ["review"])
    litigation = band(
        ["未经复议直接起诉", "复议后起诉"], ["litigation_direct", "litigation_after_review"]
    )
    if split:
        tables = f"<table>{review}</table><p></p><table><tr><td colspan=10>行政诉讼</td></tr>{litigation}</table>"
    else:
        tables = (
            "<table>"
            + review
            + "<tr><td colspan=5>行政诉讼</td></tr>"
            + band(["未经复议直接起诉"], ["litigation_direct"])
            + band(["复议后起诉"], ["litigation_after_review"])
            + "</table>"
        )
    parsed = govinfo_report.parse(page.replace(original.group(0), tables).encode())
    assert parsed.to_dict()["review_litigation"] == report.expected()["review_litigation"]
    assert not [d for d in parsed.diagnostics if d.code.startswith(("missing.", "doubt."))]


def test_word_pasted_page_reads_like_plain_markup() -> None:
    document = read_html(_corpus("001").read_bytes())
    tables = document.tables()
    assert len(tables) == 3
    texts = [cell.text for table in tables for row in table.rows for cell in row]
    assert "第二十条第（一）项" in texts
    assert not any("<" in text or "MsoNormal" in text for text in texts + _paragraphs(document))
    # The title sits in an <h1> beside the article; it is taken from there.
    assert _paragraphs(document)[0].endswith("年度报告")


def test_cell_locations_are_element_paths_to_the_cells() -> None:
    data = _corpus("000").read_bytes()
    document = read_html(data)
    tree = etree.fromstring(data, etree.HTMLParser(remove_comments=True))
    checked = 0
    for index, table in enumerate(document.tables()):
        assert table.location.table == index
        for r, row in enumerate(table.rows):
            for cell in row:
                location = cell.location
                assert (location.table, location.row, location.column) == (index, r, cell.column)
                assert location.path is not None
                (element,) = tree.xpath(location.path)
                assert element.tag == "td"
                assert "".join(element.itertext()).split() == cell.text.split()
                checked += 1
    assert checked > 200


def test_blank_value_cells_stay_blank() -> None:
    report = govinfo_report.parse(_corpus("002"))
    fee = report.active.cell("fees", "amount")
    assert fee.kind is govinfo_report.CellKind.BLANK and fee.value is None
    assert fee.location is not None and fee.location.carrier == "html"


# -- tables ------------------------------------------------------------------------

_SPANS = """
<table>
<tr><td rowspan="2" colspan="2">A</td><td colspan="3">B</td></tr>
<tr><th>C</th><td rowspan="2">D</td><td>E</td></tr>
<tr><td>F</td><td>G<br>H</td><td>&nbsp;</td><td></td></tr>
</table>
"""


def test_rowspan_and_colspan_make_grid_columns() -> None:
    (table,) = read_html(_page(_SPANS)).tables()
    assert table.layout() == [
        [("A", 0, 0, 2, 2), ("B", 0, 2, 1, 3)],
        [("C", 1, 2, 1, 1), ("D", 1, 3, 2, 1), ("E", 1, 4, 1, 1)],
        [("F", 2, 0, 1, 1), ("G\nH", 2, 1, 1, 1), ("\xa0", 2, 2, 1, 1), ("", 2, 4, 1, 1)],
    ]
    d = table.rows[1][1].location
    assert (d.table, d.row, d.column) == (0, 1, 3)
    # XPath numbers siblings of the same name: D is the first <td> after a <th>.
    assert d.path == "/html/body/table[1]/tr[2]/td[1]"


def test_spans_past_the_table_are_cut_and_noted() -> None:
    markup = _page(
        "<table><tbody><tr><td rowspan='9'>x</td><td colspan='2px'>y</td></tr>"
        "<tr><td rowspan='0'>z</td><td colspan='junk'>w</td></tr></tbody></table>"
    )
    document = read_html(markup)
    (table,) = document.tables()
    assert table.layout() == [
        [("x", 0, 0, 2, 1), ("y", 0, 1, 1, 2)],
        [("z", 1, 1, 1, 1), ("w", 1, 2, 1, 1)],
    ]
    assert [code for code, _, _ in document.notes].count("html.rowspan") == 1


def test_cell_text_keeps_breaks_and_padding() -> None:
    markup = _page(
        "<table><tr><td>\n  自<br/>然<br/>人\n</td><td><p>一行</p><p>二行</p></td>"
        "<td>\u3000<br><br>0</td><td>0&nbsp;</td><td>结果\n   维持</td></tr></table>"
    )
    (table,) = read_html(markup).tables()
    assert [cell.text for cell in table.rows[0]] == [
        "自\n然\n人",
        "一行\n二行",
        "\u3000\n\n0",
        "0\xa0",
        "结果 维持",
    ]


def test_layout_table_yields_its_inner_tables() -> None:
    markup = _page(
        "<table><tr><td>站点导航</td><td>"
        "<p>正文段落</p><table><tr><td>甲</td><td>1</td></tr></table>"
        "<p>中间段落</p><table><tr><td>乙</td><td>2</td></tr></table>"
        "</td></tr></table>"
    )
    document = read_html(markup)
    kinds = [
        type(block).__name__ + ":" + (block.text if isinstance(block, Paragraph) else "")
        for block in document.blocks
    ]
    assert kinds == [
        "Paragraph:站点导航",
        "Paragraph:正文段落",
        "Table:",
        "Paragraph:中间段落",
        "Table:",
    ]
    inner = document.tables()
    assert [[c.text for c in row] for row in inner[0].rows] == [["甲", "1"]]
    assert inner[1].location.table == 1
    assert any(code == "html.layout-table" for code, _, _ in document.notes)


def test_a_single_cell_table_is_a_box_not_a_table() -> None:
    document = read_html(_page("<table><tr><td><p>一段</p><p>二段</p></td></tr></table>"))
    assert _paragraphs(document) == ["一段", "二段"]
    assert document.tables() == []


def test_caption_head_body_and_preformatted_text() -> None:
    markup = _page(
        "<table><caption>表一</caption><thead><tr><th>项目</th><th>数量</th></tr></thead>"
        "<tbody><tr><td>甲</td><td>1</td></tr></tbody></table>"
        "<pre>第一行\n  缩进  的行</pre><p style='visibility: hidden'>不显示</p>"
    )
    document = read_html(markup)
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == [
        "表一",
        "第一行",
        "缩进  的行",  # inner spaces kept; paragraphs are trimmed like every paragraph
    ]
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [["项目", "数量"], ["甲", "1"]]
    assert table.rows[1][0].location.path == "/html/body/table[1]/tbody[1]/tr[1]/td[1]"


@pytest.mark.parametrize(
    "row",
    [
        "<td colspan='900'>a</td><td colspan='900'>b</td>",
        "<td>a</td>" * (html_reader.MAX_COLUMNS + 1),
    ],
    ids=["spans", "cells"],
)
def test_too_wide_table_is_refused(row: str) -> None:
    markup = _page(f"<table><tr>{row}</tr><tr><td>x</td><td>y</td></tr></table>")
    with pytest.raises(ReportError, match="wider than"):
        read_html(markup)


def test_cell_paths_number_td_and_th_apart_in_long_rows() -> None:
    # Over a hundred cells: past the steps the reader builds once, paths are built anew.
    tags = ["th" if k % 3 == 0 else "td" for k in range(150)]
    row = "".join(f"<{tag}>{k}</{tag}>" for k, tag in enumerate(tags))
    (table,) = read_html(_page(f"<table><tr>{row}</tr><tr><td>x</td></tr></table>")).tables()
    expected, counts = [], {"td": 0, "th": 0}
    for tag in tags:
        counts[tag] += 1
        expected.append(f"/html/body/table[1]/tr[1]/{tag}[{counts[tag]}]")
    assert [cell.location.path for cell in table.rows[0]] == expected
    assert [cell.text for cell in table.rows[0]] == [str(k) for k in range(150)]


# -- running text ----------------------------------------------------------------


def test_paragraphs_from_blocks_and_line_breaks_in_order() -> None:
    markup = _page(
        "<div>甲段<p>乙段</p>丙段<br>丁段</div><ul><li>一项</li><li>二<b>项</b></li></ul>"
        "<h2>  标题\n 二 </h2><table><tr><td>x</td><td>1</td></tr></table><p>\u3000\u3000尾段</p>"
        "<script>var a = '脚本';</script><style>p{}</style><p style='display: none'>隐藏</p>"
    )
    document = read_html(markup)
    kinds = [block.text if isinstance(block, Paragraph) else "<table>" for block in document.blocks]
    assert kinds == ["甲段", "乙段", "丙段", "丁段", "一项", "二项", "标题 二", "<table>", "尾段"]
    assert document.blocks[1].location.path == "/html/body/div[1]/p[1]"


def test_word_markup() -> None:
    markup = _page(
        "<!--[if gte mso 9]><xml><w:WordDocument>Normal 0 false</w:WordDocument></xml>"
        "<![endif]-->"
        "<p class=MsoListParagraph><![if !supportLists]><span>一、<span style='font:7.0pt'>"
        "&nbsp;</span></span><![endif]><span>总体<o:p></o:p>情况</span></p>"
        "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        "<table class=MsoNormalTable><tr><td><p class=MsoNormal><span>行政许可<o:p></o:p>"
        "</span></p></td><td><p class=MsoNormal><span lang=EN-US>3<o:p></o:p></span></p></td></tr>"
        "<![if !supportMisalignedColumns]><tr height=0><td width=80></td><td width=40></td>"
        "</tr><![endif]></table>",
        head="<meta http-equiv=Content-Type content='text/html; charset=utf-8'>",
    )
    document = read_html(markup)
    assert _paragraphs(document) == ["一、\xa0总体情况"]
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [["行政许可", "3"]]


@pytest.mark.parametrize("style", ["DISPLAY:NONE", "Display : None", "visibility:HIDDEN"])
def test_hidden_whatever_the_case_of_the_style(style: str) -> None:
    # CSS keywords are case-insensitive: browsers hide all of these.
    markup = _page(
        f"<p>可见</p><p style='{style}'>隐藏段</p>"
        "<table><tr><td>行政许可</td><td>3</td><td>2</td></tr>"
        f"<tr><td>其他</td><td><p style='{style}'><span>9</span></p></td>"
        f"<td><p>5</p><p style='{style}'>8</p></td></tr></table>"
    )
    document = read_html(markup)
    assert _paragraphs(document) == ["可见"]
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["行政许可", "3", "2"],
        ["其他", "", "5"],
    ]


@pytest.mark.parametrize("drops", [True, False], ids=["libxml2-drops", "cut-out-first"])
def test_downlevel_markers_go_and_the_list_number_stays(
    monkeypatch: pytest.MonkeyPatch, drops: bool
) -> None:
    # With libxml2 2.12 and later the parser drops the markers itself; with an older one
    # they are cut out before parsing. Both ways must read the same page the same.
    monkeypatch.setattr(html_reader, "_DROPS_DOWNLEVEL", drops)
    markup = _page(
        "<p class=MsoListParagraph><![if !supportLists]><span>（一）<span>&nbsp;</span>"
        "</span><![endif]><span>主动公开</span></p>"
        "<p>图前<![if !vml]><img src=x.png><![endif]>图后</p>"
    )
    assert _paragraphs(read_html(markup)) == ["（一）\xa0主动公开", "图前图后"]


def test_paragraph_path_is_its_block_when_it_opens_with_white_space() -> None:
    # Leading white space collapses away, but the line still starts in the <p>, not in
    # the <span> that holds its first visible text.
    document = read_html(_page("<div>\n  <p>\n    <span>正文</span>后续</p>\n</div>"))
    (paragraph,) = document.paragraphs()
    assert paragraph.text == "正文后续"
    assert paragraph.location.path == "/html/body/div[1]/p[1]"


# -- the title beside the content container ------------------------------------------

_ARTICLE = (
    "<div class='article'><p>一、总体情况</p><p>本年度工作有序推进。</p>"
    "<p>五、存在的主要问题及改进情况</p><p>仍需改进。</p></div>"
)


@pytest.mark.parametrize(
    "lines",
    [
        ["石桥镇人民政府", "2024年政府信息公开工作年度报告"],
        ["石桥镇人民政府2024年政府信息公开工作", "年度报告"],
        ["石桥镇人民政府2024年政府信息公开工作年度报告"],
    ],
)
def test_title_beside_the_content_is_taken_whole(lines: list[str]) -> None:
    markup = _page(f"<div class='nav'>首页</div><h1>{'<br>'.join(lines)}</h1>{_ARTICLE}")
    document = read_html(markup)
    assert _paragraphs(document)[: len(lines) + 1] == [*lines, "一、总体情况"]
    assert any(code == "html.title-outside-content" for code, _, _ in document.notes)
    report = govinfo_report.parse(markup)
    assert report.to_dict()["organization"] == "石桥镇人民政府"


def test_field_lines_beside_the_title_are_left_out() -> None:
    # One element holding the title between furniture lines: only the title is taken
    # (the date line would otherwise pass for the report's publishing date).
    markup = _page(
        "<div class='head'>栏目：年报<br>石桥镇人民政府2024年政府信息公开工作年度报告"
        f"<br>发布时间：2025-02-03</div>{_ARTICLE}"
    )
    document = read_html(markup)
    assert _paragraphs(document)[:2] == [
        "石桥镇人民政府2024年政府信息公开工作年度报告",
        "一、总体情况",
    ]
    assert govinfo_report.parse(markup).to_dict()["published"] is None


# -- charsets ----------------------------------------------------------------------

_REPORT_BITS = "<h1>某镇人民政府年度报告</h1><p>一、总体情况</p>"


@pytest.mark.parametrize(
    ("head", "encoding"),
    [
        ('<meta charset="gbk">', "gb18030"),
        ("<meta http-equiv='Content-Type' content='text/html; charset=GB2312'>", "gb18030"),
        ("", "gb18030"),  # undeclared, not UTF-8: GB18030
        ('<meta charset="utf-8">', "gb18030"),  # declared wrong: noted, then the fallback
        ('<meta charset="no-such-charset">', "gb18030"),
    ],
)
def test_gbk_pages(head: str, encoding: str) -> None:
    data = _page(_REPORT_BITS, head=head).encode("gbk")
    document = read_html(data)
    assert document.encoding == encoding
    assert _paragraphs(document) == ["某镇人民政府年度报告", "一、总体情况"]
    codes = {code for code, _, _ in document.notes}
    assert ("html.charset-wrong" in codes) == ("utf-8" in head)
    assert ("html.charset-unknown" in codes) == ("no-such" in head)


@pytest.mark.parametrize("charset", ["hex", "base64", "zlib", "rot13", "punycode", "undefined"])
def test_a_charset_no_browser_knows_is_ignored(charset: str) -> None:
    # Python knows these names, but not as encodings of web pages: bytes-to-bytes
    # transforms, or codecs that fail on any page. Such a declaration is unknown.
    for data in (
        _page("<p>annual report</p>", head=f"<meta charset={charset}>").encode("ascii"),
        _page(_REPORT_BITS, head=f"<meta charset={charset}>").encode("gbk"),
    ):
        document = read_html(data)
        assert document.encoding in ("utf-8", "gb18030")
        assert _paragraphs(document) in (
            ["annual report"],
            ["某镇人民政府年度报告", "一、总体情况"],
        )
        assert "html.charset-unknown" in {code for code, _, _ in document.notes}


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_pages_declared_gbk(codec: str) -> None:
    # A BOM overrides the declaration; so do bytes that are valid UTF-8 (and noted).
    data = _page(_REPORT_BITS, head='<meta charset="gbk">').encode(codec)
    document = read_html(data)
    assert document.encoding == codec
    assert _paragraphs(document) == ["某镇人民政府年度报告", "一、总体情况"]
    codes = {code for code, _, _ in document.notes}
    assert ("html.charset-wrong" in codes) == (codec == "utf-8")


def test_text_input_has_no_encoding() -> None:
    document = read_html(_page(_REPORT_BITS))
    assert document.encoding is None
    assert _paragraphs(document)[0] == "某镇人民政府年度报告"


# -- hostile input ------------------------------------------------------------------


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    for prolog in ("", '<?xml version="1.0" encoding="utf-8"?>\n'):
        data = (
            f'{prolog}<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
            "<html><body><p>前&xxe;后</p></body></html>"
        ).encode()
        document = read_html(data)
        text = " ".join(_paragraphs(document))
        assert "TOP-SECRET" not in text
        assert text == "前&xxe;后"
        with pytest.raises(ReportError, match="not a government information disclosure"):
            govinfo_report.parse(data)


def test_billion_laughs_is_not_expanded() -> None:
    entities = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    data = f"<!DOCTYPE html [{entities}]><html><body><p>&a9;</p></body></html>".encode()
    document = read_html(data)
    assert _paragraphs(document) == ["&a9;"]
    assert any(code == "html.doctype-subset" for code, _, _ in document.notes)


@pytest.mark.parametrize("low", [0, 1, 128])
def test_garbage_bytes_declared_as_html(low: int) -> None:
    rng = random.Random(low)
    data = b"<html><body>" + bytes(rng.randrange(low, 256) for _ in range(20_000))
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(data)
    assert "not HTML text" in str(caught.value) or "is not text" in str(caught.value)


@pytest.mark.parametrize("tag", ["div", "table><tr><td", "span"])
def test_deep_nesting_is_an_error_not_a_truncated_page(tag: str) -> None:
    close = "</" + tag.split("><")[0] + ">"
    data = f"<html><body>{f'<{tag}>' * 50_000}x{close * 10}<p>一、总体情况</p>".encode()
    with pytest.raises(ReportError, match="stopped here") as caught:
        govinfo_report.parse(data)
    assert "line 1" in str(caught.value)


def test_nesting_within_the_limit_is_read() -> None:
    data = "<html><body>" + "<div>" * 200 + "深处的段落" + "</div>" * 200 + "</body></html>"
    assert _paragraphs(read_html(data)) == ["深处的段落"]


def test_walk_depth_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_reader, "MAX_DEPTH", 10)
    with pytest.raises(ReportError, match="nested deeper than 10"):
        read_html("<html><body>" + "<div>" * 20 + "x" + "</div>" * 20 + "</body></html>")


def test_oversized_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_reader, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(ReportError, match="over the limit"):
        read_html(_page("<p>" + "字" * 1000 + "</p>").encode())


def test_too_many_blocks_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_reader, "MAX_BLOCKS", 50)
    with pytest.raises(ReportError, match="more than 50 paragraphs"):
        read_html(_page("<p>段</p>" * 60))


def test_huge_inline_image_is_blanked_not_fatal() -> None:
    image = "data:image/png;base64," + "A" * 11_000_000  # over libxml2's 10 MB limit
    document = read_html(_page(f'<img src="{image}"><p>图后段落</p>').encode())
    assert _paragraphs(document) == ["图后段落"]
    assert any(code == "html.data-uri" for code, _, _ in document.notes)


def test_long_inline_image_in_an_ordinary_page_is_left_to_the_parser() -> None:
    # Under libxml2's limit no attribute can break the parse: the page is not searched.
    image = "data:image/png;base64," + "A" * 200_000
    document = read_html(_page(f'<img src="{image}"><p>图后段落</p>').encode())
    assert _paragraphs(document) == ["图后段落"]
    assert not any(code == "html.data-uri" for code, _, _ in document.notes)


def test_huge_text_node_is_an_error() -> None:
    with pytest.raises(ReportError, match="stopped here") as caught:
        read_html(_page("<p>" + "a" * 11_000_000 + "</p>").encode())
    assert "XML_PARSE_HUGE" not in str(caught.value)


def test_page_that_is_not_a_report() -> None:
    page = _page(
        "<div class='nav'><a href='/'>首页</a></div><h1>春季植树活动</h1>"
        "<p>镇里组织干部群众在河堤两岸植树。</p><table><tr><td>树种</td><td>株数</td></tr>"
        "<tr><td>杨树</td><td>120</td></tr></table>"
    )
    with pytest.raises(ReportError, match="not a government information disclosure"):
        govinfo_report.parse(page.encode())
    with pytest.raises(ReportError, match="not a government information disclosure"):
        govinfo_report.parse(page)


@pytest.mark.parametrize(
    "hide", ["style='display:none'", "style='Display: NONE; width:40pt'", "hidden"]
)
def test_a_cell_that_takes_no_place_moves_the_next_cells_left(hide: str) -> None:
    # A browser lays out no box for such a cell: the cells after it fill its column,
    # and a column hidden in every row is gone, spans and all.
    markup = _page(
        "<table>"
        f"<tr><td>项目</td><td {hide}>上年</td><td>本年</td><td>合计</td></tr>"
        f"<tr><td rowspan=2>行政许可</td><td {hide} rowspan=2>7</td><td>3</td><td>2</td></tr>"
        f"<tr><td {hide}>9</td><td>4</td><td>1</td></tr>"
        "</table>"
    )
    document = read_html(markup)
    (table,) = document.tables()
    assert [[(cell.text, cell.column) for cell in row] for row in table.rows] == [
        [("项目", 0), ("本年", 1), ("合计", 2)],
        [("行政许可", 0), ("3", 1), ("2", 2)],
        [("4", 1), ("1", 2)],
    ]
    # The kept cells keep the paths of their own elements.
    assert table.rows[1][1].location.path == "/html/body/table[1]/tr[2]/td[3]"
    assert (
        "html.hidden",
        "3 hidden element(s) (display:none or visibility:hidden) were skipped",
        None,
    ) in document.notes


def test_an_invisible_cell_keeps_its_place_and_reads_blank() -> None:
    # visibility:hidden keeps the cell's box: its column stays, its text is not shown.
    markup = _page(
        "<table><tr><td>行政许可</td><td style='visibility:hidden'>5</td><td>3</td></tr>"
        "<tr><td>其他</td><td style='VISIBILITY:hidden' colspan=2><p>旧</p><p>值</p></td></tr>"
        "</table>"
    )
    document = read_html(markup)
    (table,) = document.tables()
    assert [[(cell.text, cell.column, cell.colspan) for cell in row] for row in table.rows] == [
        [("行政许可", 0, 1), ("", 1, 1), ("3", 2, 1)],
        [("其他", 0, 1), ("", 1, 2)],
    ]
    notes = [
        (message, location)
        for code, message, location in document.notes
        if code == "html.invisible-cell"
    ]
    assert [message.rsplit("; ", 1)[1] for message, _ in notes] == [
        "it hides the text '5'",
        "it hides the text '旧\\n值'",
    ]
    first = notes[0][1]
    assert first is not None
    assert (first.path, first.table, first.row, first.column) == (
        "/html/body/table[1]/tr[1]/td[2]",
        0,
        0,
        1,
    )


def test_a_hidden_row_takes_no_place_and_no_rowspan_crosses_it() -> None:
    # A browser lays out only the rows it shows: a rowspan counts shown rows, and the
    # spans of a hidden row's own cells cover nothing.
    markup = _page(
        "<table>"
        "<tr><td rowspan=2>行政许可</td><td>1</td><td>2</td></tr>"
        "<tr style='display:none'><td rowspan=3>旧</td><td>8</td></tr>"
        "<tr><td>3</td><td>4</td></tr>"
        "<tr><td>其他</td><td>5</td><td>6</td></tr>"
        "</table>"
        "<table><tr><td><table><tr><td>甲</td><td>乙</td></tr></table></td></tr>"
        "<tr hidden><td>隐藏行</td></tr></table>"
    )
    document = read_html(markup)
    first = document.tables()[0]
    assert [[(cell.text, cell.row, cell.column) for cell in row] for row in first.rows] == [
        [("行政许可", 0, 0), ("1", 0, 1), ("2", 0, 2)],
        [("3", 1, 1), ("4", 1, 2)],
        [("其他", 2, 0), ("5", 2, 1), ("6", 2, 2)],
    ]
    assert first.rows[1][0].location.path == "/html/body/table[1]/tr[3]/td[1]"
    # In a layout table too, a hidden row is not read.
    assert "隐藏行" not in _paragraphs(document)
    assert len(document.tables()) == 2


def test_an_invisible_row_keeps_its_place_under_a_rowspan() -> None:
    # visibility:hidden (and collapse) keep a row in the table: a rowspan across it
    # counts it, so the next label stays in the first column; its cells read blank.
    for hide in ("visibility:hidden", "visibility:collapse", "VISIBILITY: Collapse"):
        markup = _page(
            "<table>"
            "<tr><td rowspan=3>行政许可</td><td>1</td></tr>"
            f"<tr style='{hide}'><td>旧</td></tr>"
            "<tr><td>2</td></tr>"
            "<tr><td>其他</td><td>3</td></tr>"
            "</table>"
        )
        document = read_html(markup)
        (table,) = document.tables()
        assert [[(cell.text, cell.column) for cell in row] for row in table.rows] == [
            [("行政许可", 0), ("1", 1)],
            [("", 1)],
            [("2", 1)],
            [("其他", 0), ("3", 1)],
        ], hide
        notes = [message for code, message, _ in document.notes if code == "html.invisible-cell"]
        assert len(notes) == 1 and notes[0].endswith("it hides the text '旧'")


def test_a_hidden_row_group_is_not_read() -> None:
    # display:none on <thead>, <tbody> or <tfoot> (or the hidden attribute) hides every
    # row in it: last year's rows kept that way must not be read as this year's.
    for hide in ("style='display:none'", "hidden", "style='DISPLAY:NONE'"):
        markup = _page(
            f"<table><thead {hide}><tr><td>项目</td><td>上年</td></tr></thead>"
            "<tbody><tr><td>行政许可</td><td>1</td></tr></tbody>"
            f"<tbody {hide}><tr><td>行政许可</td><td>9</td></tr></tbody>"
            "<tbody><tr><td>其他</td><td>2</td></tr></tbody></table>"
        )
        document = read_html(markup)
        (table,) = document.tables()
        assert [[cell.text for cell in row] for row in table.rows] == [
            ["行政许可", "1"],
            ["其他", "2"],
        ], hide
        assert table.rows[1][1].location.path == "/html/body/table[1]/tbody[3]/tr[1]/td[2]"
        assert (
            "html.hidden",
            "2 hidden element(s) (display:none or visibility:hidden) were skipped",
            None,
        ) in document.notes


def test_a_rowspan_ends_with_its_row_group() -> None:
    # A browser cuts a rowspan at the end of its <thead>, <tbody> or <tfoot> (or of a
    # run of rows outside them), rowspan=0 included, and says nothing; we note it.
    markup = _page(
        "<table><thead><tr><td rowspan=2>项目</td><td>数量</td></tr></thead>"
        "<tbody><tr><td>行政许可</td><td>1</td></tr>"
        "<tr><td rowspan=0>其他</td><td>2</td></tr><tr><td>3</td></tr></tbody>"
        "<tr><td>合计</td><td>6</td></tr></table>"
    )
    document = read_html(markup)
    (table,) = document.tables()
    assert table.layout() == [
        [("项目", 0, 0, 1, 1), ("数量", 0, 1, 1, 1)],
        [("行政许可", 1, 0, 1, 1), ("1", 1, 1, 1, 1)],
        [("其他", 2, 0, 2, 1), ("2", 2, 1, 1, 1)],
        [("3", 3, 1, 1, 1)],
        [("合计", 4, 0, 1, 1), ("6", 4, 1, 1, 1)],
    ]
    (note,) = [message for code, message, _ in document.notes if code == "html.rowspan"]
    assert note.startswith("rowspan 2 runs past the end of its row group")


def test_visibility_is_inherited_and_can_be_overridden() -> None:
    # visibility:visible shows an element inside an invisible one, in a cell and in
    # running text; display:none cannot be undone below, but a later declaration in the
    # same style wins, and !important wins over a later declaration that is not.
    markup = _page(
        "<div style='visibility:hidden'>旧<span style='visibility:visible'>新</span>旧</div>"
        "<p style='display:none;display:block'>显示</p>"
        "<p hidden style='display:block'>也显示</p>"
        "<p style='visibility:hidden !important;visibility:visible'>不显示</p>"
        "<table><tr><td>甲</td><td style='visibility:hidden'>9<span style='visibility:visible'>"
        "7<b style='visibility:hidden'>8</b></span></td>"
        "<td style='mso-display:none'>5</td></tr>"
        "<tr style='visibility:hidden'><td>乙</td><td style='visibility:visible'>4</td>"
        "<td>6</td></tr></table>"
    )
    document = read_html(markup)
    assert _paragraphs(document) == ["新", "显示", "也显示"]
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["甲", "7", "5"],
        ["", "4", ""],
    ]
    notes = [message for code, message, _ in document.notes if code == "html.invisible-cell"]
    assert "read as the text '7' an element in it shows" in notes[0]


def test_struck_through_text_is_left_out_as_deleted_and_noted() -> None:
    # Word writes a tracked deletion as <del>, editors strike old values with <s>,
    # <strike> or a line-through style: "<del>57</del><ins>85</ins>" is 85, not 5785.
    markup = _page(
        "<p>申请<del cite='mailto:x'>57</del><ins>85</ins>件</p>"
        "<p>甲<s>旧</s>乙<strike>x</strike><span style='Text-Decoration: LINE-THROUGH red'>9"
        "</span>丙<span style='text-decoration:line-through;text-decoration:none'>丁</span></p>"
        "<table><tr><td>行政许可</td><td><p><span><del>5</del>6</span></p></td>"
        "<td style='text-decoration-line:line-through'>7</td><td>8</td></tr>"
        "<tr style='text-decoration:underline line-through'><td>其他</td><td>1</td></tr></table>"
    )
    document = read_html(markup)
    assert _paragraphs(document) == ["申请85件", "甲乙丙丁"]
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["行政许可", "6", "", "8"],
        ["", ""],
    ]
    struck = [
        (message.rsplit(": ", 1)[1], location.path if location else None)
        for code, message, location in document.notes
        if code == "html.struck-text"
    ]
    assert struck == [
        ("'57'", "/html/body/p[1]/del[1]"),
        ("'旧'", "/html/body/p[2]/s[1]"),
        ("'x'", "/html/body/p[2]/strike[1]"),
        ("'9'", "/html/body/p[2]/span[1]"),
        ("'5'", "/html/body/table[1]/tr[1]/td[2]/p[1]/span[1]/del[1]"),
        ("'7'", "/html/body/table[1]/tr[1]/td[3]"),
        ("'其他'", "/html/body/table[1]/tr[2]/td[1]"),
        ("'1'", "/html/body/table[1]/tr[2]/td[2]"),
    ]


def test_styles_are_read_as_css_reads_them() -> None:
    # An invalid declaration is dropped, a comment is no declaration, hidden=until-found
    # keeps the cell's place; a struck cell is blank in its place; and the paths of struck
    # elements are the walk's.
    markup = _page(
        "<table><tr><td>行政许可</td><td style='display:none;display:bogus'>9</td>"
        "<td style='visibility:hidden;visibility:hidden visible'>8</td>"
        "<td style='/* display:none; */'>7</td><td hidden=until-found>6</td><td>5</td></tr>"
        "<tr><td>其他</td><td style='visibility:hidden;text-decoration:line-through'>"
        "<span style='visibility:visible'>4</span></td><td>3</td></tr></table>"
        + "".join(f"<p><span style='text-decoration:line-through'>{n}</span>{n}</p>" for n in "12")
    )
    document = read_html(markup)
    (table,) = document.tables()
    assert [[(cell.text, cell.column) for cell in row] for row in table.rows] == [
        [("行政许可", 0), ("", 1), ("7", 2), ("", 3), ("5", 4)],
        [("其他", 0), ("", 1), ("3", 2)],
    ]
    assert _paragraphs(document) == ["1", "2"]
    struck = [location for code, _, location in document.notes if code == "html.struck-text"]
    assert [location.path for location in struck if location] == [
        "/html/body/table[1]/tr[2]/td[2]",
        "/html/body/p[1]/span[1]",
        "/html/body/p[2]/span[1]",
    ]


def test_row_groups_as_a_browser_builds_them() -> None:
    # A caption or column between rows starts another implied body, which a rowspan
    # before it does not cross; a <thead> inside a wrapper still goes first.
    markup = _page(
        "<table><tr><td rowspan=2>行政许可</td><td>1</td></tr><colgroup><col></colgroup>"
        "<tr><td>其他</td><td>2</td></tr></table>"
        "<table><tr><td>行政处罚</td><td>3</td></tr><form><thead><tr><td>项目</td><td>数量</td>"
        "</tr></thead></form></table>"
    )
    first, second = read_html(markup).tables()
    assert first.layout() == [
        [("行政许可", 0, 0, 1, 1), ("1", 0, 1, 1, 1)],
        [("其他", 1, 0, 1, 1), ("2", 1, 1, 1, 1)],
    ]
    assert [[cell.text for cell in row] for row in second.rows] == [
        ["项目", "数量"],
        ["行政处罚", "3"],
    ]


def test_a_footnote_mark_after_a_value_is_left_out_and_the_value_doubted() -> None:
    # "37<sup>1</sup>" shows 37 with a footnote mark: read into the value it was 371,
    # silently. A short superscript in a data cell is left out, and the value doubtful;
    # a long one, or one in running text, is text.
    report = consistent_example("青禾镇人民政府", 2024)
    page = render_html(report, seed=1).decode()
    row = re.search(r'<td>行政许可</td><td colspan="3">(\d+)</td>', page)
    assert row is not None
    marked = page.replace(
        row.group(0),
        row.group(0)
        .replace("</td><td", "<sup>注</sup></td><td")
        .replace(f"{row.group(1)}</td>", f"{row.group(1)}<sup>1</sup></td>"),
    )
    parsed = govinfo_report.parse(marked.encode())
    (cell,) = parsed.active.row("licensing")
    assert (cell.value, cell.doubtful) == (int(row.group(1)), True)
    (plain,) = govinfo_report.parse(page.encode()).active.row("licensing")
    assert (plain.value, plain.doubtful) == (cell.value, False)
    codes = [d.code for d in parsed.diagnostics]
    assert codes.count("doubt.html-superscript") == 2  # the label's mark, and the value's
    document = read_html(
        _page(
            "<table><tr><td>甲</td><td>m<sup>long mark</sup></td></tr></table><p>2024年<sup>1</sup></p>"
        )
    )
    assert [c.text for row in document.tables()[0].rows for c in row] == ["甲", "mlong mark"]
    assert _paragraphs(document) == ["2024年1"]


@pytest.mark.parametrize(
    ("style", "read", "doubted"),
    [
        ("vertical-align:super", "37", True),
        ("COLOR:red; Vertical-Align : SUPER", "37", True),
        # The last valid declaration wins; an invalid one is dropped.
        ("vertical-align:super; vertical-align:baseline", "371", False),
        ("vertical-align:baseline; vertical-align:super top", "371", False),
    ],
)
def test_a_footnote_mark_raised_by_style_is_a_footnote_mark(
    style: str, read: str, doubted: bool
) -> None:
    # A superscript drawn by style, as some editors write it, was read into the value
    # before it: 371, silently.
    document = read_html(
        _page(
            f'<table><tr><td>甲</td><td>37<span style="{style}">1</span></td>'
            f'<td style="{style}">5</td></tr></table>'
            f'<p>2024年<span style="{style}">1</span></p>'
        )
    )
    # A cell is not raised by vertical-align; running text keeps its superscripts.
    assert [c.text for row in document.tables()[0].rows for c in row] == ["甲", read, "5"]
    assert _paragraphs(document) == ["2024年1"]
    codes = [code for code, _, _ in document.notes]
    assert codes.count("doubt.html-superscript") == doubted


def test_a_struck_row_group_reads_blank_in_its_place() -> None:
    # A line through a <tbody> strikes every row in it: in a data table each cell reads
    # blank in its place, in a layout table its content is left out; each is noted.
    markup = _page(
        "<table><tbody style='text-decoration:line-through'><tr><td>旧</td><td>9</td></tr>"
        "</tbody><tbody><tr><td>行政许可</td><td>1</td></tr></tbody></table>"
        "<table><tbody style='text-decoration:line-through'><tr><td><table><tr><td>x</td>"
        "<td>y</td></tr></table></td></tr></tbody></table>"
    )
    document = read_html(markup)
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [["", ""], ["行政许可", "1"]]
    assert _paragraphs(document) == []
    struck = [m.rsplit(": ", 1)[1] for code, m, _ in document.notes if code == "html.struck-text"]
    assert struck == ["'旧'", "'9'", "'xy'"]


def test_broken_table_markup_is_read_as_a_browser_builds_it() -> None:
    # libxml2 keeps such markup where it stands; a browser's tree builder moves it:
    # rows out of a wrapper into the table, cells outside rows into a row of their own,
    # anything else out before the table, and the footer to the bottom.
    markup = _page(
        "<p>前</p><table>说明文字<div>单位：件</div>"
        "<td>甲</td><td>1</td>"
        "<form><tr><td>乙</td><td>2</td></tr></form>"
        "<tfoot><tr><td>合计</td><td>3</td></tr></tfoot>"
        "<tbody><tr><td>丙</td><td>4</td></tr></tbody>"
        "<span>表后注</span></table><p>后</p>"
    )
    document = read_html(markup)
    assert [
        block.text if isinstance(block, Paragraph) else "<table>" for block in document.blocks
    ] == ["前", "说明文字", "单位：件", "表后注", "<table>", "后"]
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["甲", "1"],
        ["乙", "2"],
        ["丙", "4"],
        ["合计", "3"],
    ]
    # Every cell's path leads back to its element in the page as it was written.
    root = etree.fromstring(markup.encode(), etree.HTMLParser())
    for row in table.rows:
        for cell in row:
            path = cell.location.path
            assert path is not None
            (element,) = root.xpath(path)
            assert element.text == cell.text
    assert table.rows[0][1].location.path == "/html/body/table[1]/td[2]"
    assert table.rows[1][0].location.path == "/html/body/table[1]/form[1]/tr[1]/td[1]"


def test_text_between_the_cells_of_a_row_is_read_before_the_table() -> None:
    # libxml2 leaves "<tr>注<td>…" in the row; a browser moves the text, and any element
    # that is no cell, out before the table. Before, the grid read the cells and the
    # text was lost without a word. As in Chromium's tree, the fostered text and the
    # inline <span> make one line, the <div> a block of its own.
    markup = _page(
        "<p>前</p><table><tbody><tr>注：<td>甲</td>见下表<td>1</td>\n</tr>"
        "<tr><span>单位：件</span><td>乙</td><div>说明</div><td>2</td>另<b>注</b></tr>"
        "<tr><td>丙</td><script>var x = 1;</script><td>3</td></tr></tbody></table><p>后</p>"
    )
    document = read_html(markup)
    assert [
        block.text if isinstance(block, Paragraph) else "<table>" for block in document.blocks
    ] == ["前", "注：见下表单位：件", "说明", "另注", "<table>", "后"]
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["甲", "1"],
        ["乙", "2"],
        ["丙", "3"],
    ]
    paths = [block.location.path for block in document.blocks]
    assert paths[1] == "/html/body/table[1]/tbody[1]/tr[1]"
    assert paths[2] == "/html/body/table[1]/tbody[1]/tr[2]/div[1]"


# -- a page that only links to the report ------------------------------------------------

_LINKING_PAGE = """<html><head><meta charset="utf-8"></head><body>
<div class="nav"><a href="/index.html">首页</a> <a href="/guide.pdf">办事指南</a></div>
<h1>{title}</h1><p>发布时间：2024-01-20</p>
<div class="content"><p>附件：<a href="/uploads/2024/nb2023.PDF?v=2">年报.pdf</a></p>
<iframe src="/uploads/2024/nb2023.PDF?v=2"></iframe><embed src="/up/nb.ofd">
<p><a href="/uploads/2024/table.docx#p1">表格</a> <a href="/other.html">其他</a></p></div>
</body></html>"""


def test_a_page_that_only_links_to_its_report_says_where_it_is() -> None:
    page = _LINKING_PAGE.format(title="某县人民政府2023年政府信息公开工作年度报告")
    document = read_html(page.encode("utf-8"))
    (note,) = [n for n in document.notes if n[0] == "html.attached-document"]
    # Each document once, in page order, with its query and fragment; no web page.
    assert note[1] == (
        "links to 4 document(s) that may hold the report: /guide.pdf, "
        "/uploads/2024/nb2023.PDF?v=2, /up/nb.ofd, /uploads/2024/table.docx#p1 "
        "(download it and parse that)"
    )
    assert note[2] is not None and note[2].path == "/html/body/div[1]/a[2]"
    report = govinfo_report.parse(page.encode("utf-8"))
    (warning,) = [d for d in report.diagnostics if d.code == "missing.report-body"]
    assert "/uploads/2024/nb2023.PDF?v=2" in warning.message
    with pytest.raises(ReportError, match=r"the page links to 4 document\(s\)"):
        govinfo_report.parse(_LINKING_PAGE.format(title="关于印发办事指南的通知").encode("utf-8"))


def test_a_report_page_with_attachments_is_not_noted() -> None:
    # Section headings or report tables present: the page is the report, whatever it links to.
    page = (
        "<html><body><h1>某县2023年政府信息公开工作年度报告</h1><h2>一、总体情况</h2><p>正文。</p>"
        '<h2>五、存在的主要问题及改进情况</h2><p>问题。</p><a href="/nb.pdf">PDF版</a></body></html>'
    )
    document = read_html(page.encode("utf-8"))
    assert not [n for n in document.notes if n[0] == "html.attached-document"]


def test_run_in_headings_anchor_the_report_s_content() -> None:
    page = (
        '<html><body><div class="nav"><a href="/">首页</a> <a href="/gk">政务公开</a></div>'
        '<div class="content"><h1>某镇人民政府2024年政府信息公开工作年度报告</h1>'
        "<p><strong>一、总体情况</strong>2024年，本镇全面推进政务公开。</p>"
        "<p><strong>五、存在的主要问题及改进情况</strong>公开的及时性有待提高。</p>"
        "<p><strong>六、其他需要报告的事项</strong>本年度未收取信息处理费。</p></div>"
        '<div class="footer">版权所有：某镇人民政府</div></body></html>'
    )
    document = read_html(page.encode("utf-8"))
    texts = [block.text for block in document.paragraphs()]
    assert texts[0] == "某镇人民政府2024年政府信息公开工作年度报告"
    assert "版权所有：某镇人民政府" not in texts and "首页 政务公开" not in texts
    assert any(code == "html.outside-content" for code, _, _ in document.notes)


@pytest.mark.parametrize(
    ("charset", "encoding"), [("utf-8", "quoted-printable"), ("gb2312", "base64")]
)
def test_a_page_saved_as_a_single_file_mhtml_is_read_as_its_page(
    charset: str, encoding: str
) -> None:
    # Browsers save a page with its images as one MIME message (.mht, .mhtml): read as
    # text, it was "not a report".
    import email.charset
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    page = render_html(consistent_example("青禾镇人民政府", 2024))
    text = page.decode(html_reader._decode(page, [])[1])
    archive = MIMEMultipart("related")
    body = email.charset.Charset(charset)
    body.body_encoding = (
        email.charset.QP if encoding == "quoted-printable" else email.charset.BASE64
    )
    archive.attach(MIMEText(text, "html", body))  # type: ignore[arg-type]
    archive.attach(MIMEImage(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "png"))
    parsed = govinfo_report.parse(archive.as_bytes())
    direct = govinfo_report.parse(page)
    assert parsed.carrier == "html"
    assert parsed.to_dict()["applications"] == direct.to_dict()["applications"]
    assert parsed.metadata.organization == "青禾镇人民政府"
    assert any(d.code == "repair.mhtml" for d in parsed.diagnostics)
    # The encoding the page was read in is said, as for the page alone (it was None).
    assert parsed.encoding == ("utf-8" if charset == "utf-8" else "gb18030")


def test_the_charset_of_an_mhtml_part_goes_before_the_page_s_and_is_checked() -> None:
    page = render_html(consistent_example("青禾镇人民政府", 2024), encoding="gb2312")
    assert b"gb2312" in page[:2000], "the premise: the page declares its encoding"
    wrong = page.replace(b"gb2312", b"utf-8", 1)

    def archive(part_charset: str, body: bytes) -> bytes:
        return (
            b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n'
            b"--B\r\nContent-Type: text/html; charset=" + part_charset.encode() + b"\r\n"
            b"Content-Transfer-Encoding: base64\r\n\r\n"
            + base64.encodebytes(body)
            + b"\r\n--B--\r\n"
        )

    direct = govinfo_report.parse(page).to_dict()["applications"]
    # The part's charset is right where the page's <meta> is wrong.
    parsed = govinfo_report.parse(archive("GBK", wrong))
    assert parsed.encoding == "gb18030"
    assert parsed.to_dict()["applications"] == direct
    # A part's charset the bytes are not in is not believed; nor is an unknown one.
    for part_charset, code in (
        ("utf-8", "html.charset-wrong"),
        ("x-nonsense", "html.charset-unknown"),
    ):
        parsed = govinfo_report.parse(archive(part_charset, page))
        assert parsed.encoding == "gb18030"
        assert parsed.to_dict()["applications"] == direct
        assert any(d.code == code for d in parsed.diagnostics), part_charset


def test_paths_through_prefixed_elements_can_be_given_to_xpath() -> None:
    # Word saves content controls as <w:Sdt> and empty paragraphs as <o:p>: libxml2 names
    # them "w:sdt" and "o:p", which XPath would read as undeclared namespace prefixes.
    page = _page(
        "<div><w:Sdt><p><o:p>一、总体情况</o:p></p><s>作废</s>"
        "<table><tr><td>甲</td><td rowspan=9>1</td></tr><tr><td>乙</td></tr></table>"
        "</w:Sdt></div>"
    )
    document = read_html(page)
    tree = etree.fromstring(page.encode("utf-8"), etree.HTMLParser()).getroottree()

    def text_at(path: str | None) -> str:
        assert path is not None
        (element,) = tree.xpath(path)
        return "".join(element.itertext())

    (paragraph,) = _paragraphs(document)
    assert text_at(document.blocks[0].location.path) == paragraph == "一、总体情况"
    (table,) = document.tables()
    assert text_at(table.location.path) == "甲1乙"
    assert [[text_at(c.path) for c in row] for row in table.rows] == [["甲", "1"], ["乙"]]
    noted = {code: where for code, _, where in document.notes if where is not None}
    assert text_at(noted["html.struck-text"].path) == "作废"
    assert text_at(noted["html.rowspan"].path) == "1"


def test_a_paragraph_is_where_its_text_is_not_where_its_padding_is() -> None:
    page = _page("<p><span>\u3000</span><span>\u3000</span><span>主动公开情况见下表。</span></p>")
    (paragraph,) = read_html(page).blocks
    assert paragraph.location.path == "/html/body/p[1]/span[3]"


def test_a_cell_styled_vertical_align_super_in_an_invisible_row_stays_invisible() -> None:
    document = read_html(
        _page(
            '<table><tr><td>甲</td><td>1</td></tr><tr style="visibility:hidden">'
            '<td>乙</td><td style="vertical-align:super">125</td></tr></table>'
        )
    )
    assert [[c.text for c in row] for row in document.tables()[0].rows] == [["甲", "1"], ["", ""]]


def _cell_under(style: str, cell: str) -> tuple[str, list[str]]:
    """The text of a data cell holding ``cell`` on a page whose stylesheet is ``style``."""
    document = read_html(
        _page(
            "<table><tr><td>行政许可</td><td>1</td></tr>"
            f"<tr><td>行政处罚</td><td>{cell}</td></tr></table>",
            head=f'<meta charset="utf-8"><style>{style}</style>',
        ).encode()
    )
    return document.tables()[0].rows[1][1].text, [code for code, _, _ in document.notes]


@pytest.mark.parametrize(
    ("style", "cell", "read", "code"),
    [
        # A stale value hidden by a class: a browser shows 125 (it read 9125, silently).
        (".old{display:none}", '<span class="old">9</span>125', "125", "html.hidden"),
        ("<!-- .old{visibility:hidden} -->", '<span class="old">9</span>125', "125", "html.hidden"),
        # A statement before the rule, and a brace in a string (the rules that matter are
        # picked out of a sheet before it is parsed, by its braces).
        (
            '@charset "utf-8"; @import url(a.css); .old{display:none}',
            '<span class="old">9</span>125',
            "125",
            "html.hidden",
        ),
        (
            '.a{content:"}"} .old{display:none}',
            '<span class="old">9</span>125',
            "125",
            "html.hidden",
        ),
        # CSS keywords in any letter case.
        (".old{DISPLAY:NONE}", '<span class="old">9</span>125', "125", "html.hidden"),
        (
            ".old{text-decoration:LINE-THROUGH}",
            '<span class="old">9</span>125',
            "125",
            "html.struck-text",
        ),
        # A selector too long to be applied is said, as one too costly is.
        (
            "td " + "." + "x" * 300 + "{display:none}",
            f'<span class="{"x" * 300}">9</span>125',
            "9125",
            "html.stylesheet-not-applied",
        ),
        (
            "td span.del{text-decoration:line-through}",
            '<span class="del">9</span>125',
            "125",
            "html.struck-text",
        ),
        (
            ".fn{vertical-align:super}",
            '125<span class="fn">1</span>',
            "125",
            "doubt.html-superscript",
        ),
        # The cascade: a more specific rule, the element's own style, !important.
        (
            ".old{display:none} #y.old{display:inline}",
            '<span class="old" id="y">9</span>125',
            "9125",
            "html.stylesheet",
        ),
        (
            ".old{display:none}",
            '<span class="old" style="display:inline">9</span>125',
            "9125",
            "html.stylesheet",
        ),
        (
            ".old{display:none!important}",
            '<span class="old" style="display:inline">9</span>125',
            "125",
            "html.hidden",
        ),
        # Combinators, each a test of the element's parent or ancestors.
        (
            "table td > span.old{display:none}",
            '<span class="old">9</span>125',
            "125",
            "html.hidden",
        ),
        ("table .old{display:none}", '<span class="old">9</span>125', "125", "html.hidden"),
        # Not applied, for what they would cost on a hostile page (each a search per
        # element): two descendant combinators, siblings, :has().
        (
            "table tr .old{display:none}",
            '<span class="old">9</span>125',
            "9125",
            "html.stylesheet-not-applied",
        ),
        (
            "span:first-child{display:none}",
            '<span class="old">9</span>125',
            "9125",
            "html.stylesheet-not-applied",
        ),
        (
            "b + span{display:none}",
            "<b></b><span>9</span>125",
            "9125",
            "html.stylesheet-not-applied",
        ),
        (
            "td:has(span){visibility:hidden}",
            "<span>9</span>125",
            "9125",
            "html.stylesheet-not-applied",
        ),
        # Not applied: another medium, a state, generated content, a selector not CSS.
        ("@media print{.old{display:none}}", '<span class="old">9</span>125', "9125", None),
        ("a:hover .old{display:none}", '<span class="old">9</span>125', "9125", None),
        (".old::before{display:none}", '<span class="old">9</span>125', "9125", None),
        ("}}{{ :::{display:none}", '<span class="old">9</span>125', "9125", None),
    ],
)
def test_the_page_s_stylesheet_hides_strikes_and_raises_in_table_cells(
    style: str, cell: str, read: str, code: str | None
) -> None:
    text, codes = _cell_under(style, cell)
    assert text == read
    if code is None or code == "html.stylesheet-not-applied":
        assert "html.stylesheet" not in codes
    else:
        assert "html.stylesheet" in codes
    assert code is None or code in codes


def test_a_stylesheet_hiding_what_scripts_show_leaves_the_report_read() -> None:
    # A tab or a panel the page's scripts show: hidden by the sheet alone, the report
    # would be lost. The sheet is applied to table rows and cells and inside cells only.
    document = read_html(
        _page(
            '<div class="tab"><p>一、总体情况</p><table><tr><td>行政许可</td><td>3</td></tr>'
            '<tr class="tab"><td>行政处罚</td><td>4</td></tr></table></div>',
            head="<style>.tab{display:none}</style>",
        ).encode()
    )
    assert [[c.text for c in row] for row in document.tables()[0].rows] == [["行政许可", "3"]]
    assert "一、总体情况" in _paragraphs(document)


def test_stylesheets_over_the_limits_are_not_applied_and_said_so(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from govinfo_report.readers import _css

    style = "".join(f".c{k}{{display:none}}" for k in range(6))
    monkeypatch.setattr(_css, "MAX_STYLE_RULES", 5)
    text, codes = _cell_under(style, '<span class="c1">9</span>125')
    assert (text, codes.count("html.stylesheet-not-applied")) == ("9125", 1)
    monkeypatch.setattr(_css, "MAX_STYLE_RULES", 6)
    assert _cell_under(style, '<span class="c1">9</span>125')[0] == "125"
    monkeypatch.setattr(_css, "MAX_STYLE_CHARS", len(style) - 1)
    text, codes = _cell_under(style, '<span class="c1">9</span>125')
    assert (text, codes.count("html.stylesheet-not-applied")) == ("9125", 1)
    monkeypatch.setattr(_css, "MAX_STYLE_CHARS", len(style))
    assert _cell_under(style, '<span class="c1">9</span>125')[0] == "125"
    # Selectors times elements: the page has 13 elements, and 6 selectors test each.
    monkeypatch.setattr(_css, "MAX_STYLE_WORK", 6 * 13 - 1)
    text, codes = _cell_under(style, '<span class="c1">9</span>125')
    assert (text, codes.count("html.stylesheet-not-applied")) == ("9125", 1)
    monkeypatch.setattr(_css, "MAX_STYLE_WORK", 6 * 13)
    assert _cell_under(style, '<span class="c1">9</span>125')[0] == "125"


@pytest.mark.parametrize(
    ("media", "read"),
    [
        (None, "125"),
        ("screen", "125"),
        ("all", "125"),
        ("(min-width: 10px)", "125"),
        ("print", "9125"),
        ("speech, print", "9125"),
        ("print, screen", "125"),
    ],
)
def test_a_style_element_for_another_medium_is_not_applied(media: str | None, read: str) -> None:
    # <style media="print"> is for the printed page: a browser on screen shows what it hides.
    attribute = "" if media is None else f' media="{media}"'
    document = read_html(
        _page(
            '<table><tr><td>行政许可</td><td><span class="old">9</span>125</td></tr></table>',
            head=f'<meta charset="utf-8"><style{attribute}>.old{{display:none}}</style>',
        ).encode()
    )
    assert document.tables()[0].rows[0][1].text == read


def test_a_row_group_hidden_by_the_stylesheet_is_not_read() -> None:
    # A stale row kept in a <tbody> a class hides: read, it came first and was kept.
    document = read_html(
        _page(
            '<table><tbody class="old"><tr><td>规章</td><td>1</td></tr></tbody>'
            "<tbody><tr><td>规章</td><td>101</td></tr></tbody></table>",
            head='<meta charset="utf-8"><style>.old{display:none}</style>',
        ).encode()
    )
    assert [[c.text for c in row] for row in document.tables()[0].rows] == [["规章", "101"]]


def test_a_superscript_that_is_the_whole_cell_is_its_text() -> None:
    # A footnote mark marks text beside it: a cell holding nothing but a superscript
    # shows that text, raised, and it is the value (it read blank, doubted).
    document = read_html(
        _page(
            "<table><tr><td>甲</td><td><sup>101</sup></td><td>5<sup>1</sup></td>"
            '<td><b><span style="vertical-align:super">7</span></b><s>9</s></td></tr></table>'
        )
    )
    assert [c.text for c in document.tables()[0].rows[0]] == ["甲", "101", "5", "7"]
    # A character that shows nothing (a zero-width space) is nothing beside it either.
    beside = read_html(_page("<table><tr><td>甲</td><td>\u200b<sup>130</sup></td></tr></table>"))
    assert beside.tables()[0].rows[0][1].text == "\u200b130"
    codes = [code for code, _, _ in document.notes]
    assert codes.count("doubt.html-superscript") == 1  # the "1" after 5 only
    assert codes.count("html.struck-text") == 1  # said once, though the cell was read twice


def test_only_the_rules_that_matter_are_parsed(monkeypatch: pytest.MonkeyPatch) -> None:
    # tinycss2 takes about a millisecond a kilobyte: a site's sheet of tens of kilobytes
    # of layout rules cost more than reading the page. Only rules naming a property that
    # matters, outside at-rules, reach it.
    from govinfo_report.readers import _css

    parsed: list[str] = []
    parse = _css.tinycss2.parse_stylesheet

    def recording(sheet: str, **options: bool) -> list[object]:
        parsed.append(sheet)
        return parse(sheet, **options)

    monkeypatch.setattr(_css.tinycss2, "parse_stylesheet", recording)
    layout = ".nav li a{color:#036;padding:0 10px} /* .x{display:none} */ " * 200
    style = layout + "@media print{.old{display:inline}} .old{display:none}"
    assert _cell_under(style, '<span class="old">9</span>125')[0] == "125"
    assert [sheet.strip() for sheet in parsed] == [".old{display:none}"]
