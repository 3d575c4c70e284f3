"""The DOCX reader: the corpus files, the official template, table grids, numbering, hostile input."""

from __future__ import annotations

import copy
import io
import json
import random
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx as python_docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

import govinfo_report
from govinfo_report import CellKind, ReportError, Severity
from govinfo_report._ir import Document, Paragraph
from govinfo_report.readers import docx as docx_reader
from govinfo_report.readers import read_bytes
from govinfo_report.readers.docx import format_number, read_docx
from tests.shared import SHARED, compare_with_label, parse_corpus_file, shared_dir

CORPUS = sorted((SHARED / "corpus").glob("seed*.docx")) if (SHARED / "corpus").is_dir() else []

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# -- helpers ---------------------------------------------------------------------------


def _corpus(number: str) -> Path:
    path = shared_dir("corpus") / f"seed{number}.docx"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path


def _paragraphs(document: Document) -> list[Paragraph]:
    return document.paragraphs()


def _zip(members: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _package(
    body: str,
    *,
    numbering: str | None = None,
    styles: str | None = None,
    document: str | None = None,
    main: str = "word/document.xml",
) -> bytes:
    """A minimal Word package around ``body`` (the children of w:body)."""
    related = []
    members: dict[str, bytes | str] = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>'
        ),
        "_rels/.rels": (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="{main}"/>'
            "</Relationships>"
        ),
        main: document or f"<w:document {NS}><w:body>{body}</w:body></w:document>",
    }
    if numbering is not None:
        members["word/numbering.xml"] = f"<w:numbering {NS}>{numbering}</w:numbering>"
        related.append(f'<Relationship Id="rId2" Type="{REL}/numbering" Target="numbering.xml"/>')
    if styles is not None:
        members["word/styles.xml"] = f"<w:styles {NS}>{styles}</w:styles>"
        related.append(f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/>')
    folder, name = main.rsplit("/", 1)
    members[f"{folder}/_rels/{name}.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + "".join(related)
        + "</Relationships>"
    )
    return _zip(members)


def _p(text: str = "", ppr: str = "") -> str:
    run = f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>" if text else ""
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{run}</w:p>"


def _tc(content: str, props: str = "") -> str:
    return f"<w:tc>{f'<w:tcPr>{props}</w:tcPr>' if props else ''}{content}</w:tc>"


def _saved(document: python_docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _example_with_licensing_cell() -> tuple[Any, Any]:
    """A synthetic report as python-docx opens it, and its 行政许可 value cell in table 三."""
    from govinfo_report.synth import consistent_example
    from govinfo_report.synth.docx import render_docx

    report = consistent_example("青禾镇人民政府", 2024)
    document = python_docx.Document(io.BytesIO(render_docx(report)))
    cell = next(
        row.cells[-1]
        for table in document.tables
        for row in table.rows
        if row.cells[0].text.strip() == "行政许可"
    )
    return document, cell


# -- the corpus and the official template ------------------------------------------------


def test_corpus_is_found() -> None:
    folder = shared_dir("corpus")
    assert len(list(folder.glob("seed*.docx"))) == 5, "expected the five seed documents"


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_document_matches_its_seed_label(path: Path) -> None:
    report = parse_corpus_file(path, "docx")
    assert report.encoding is None
    assert all(section.found for section in report.sections)
    assert not [d for d in report.diagnostics if d.severity is Severity.ERROR]


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_text_has_no_bookmark_markers(path: Path) -> None:
    document = read_docx(path.read_bytes())
    texts = [p.text for p in _paragraphs(document)]
    texts += [cell.text for table in document.tables() for row in table.rows for cell in row]
    assert texts
    assert not [t for t in texts if "bookmark" in t or "_GoBack" in t or "_Hlk" in t]


def test_auto_numbered_headings_are_shown_and_recognized() -> None:
    # seed002: "三、" and "四、" exist only as Word auto-numbering (w:numPr).
    data = _corpus("002").read_bytes()
    numbered = [p for p in _paragraphs(read_docx(data)) if p.numbering]
    assert [p.numbering for p in numbered if "、" in p.numbering] == ["三、", "四、"]
    assert [p.numbering for p in numbered if "、" not in p.numbering] == [
        f"（{n}）" for n in range(1, 6)
    ]
    assert all(p.text.startswith(p.numbering or "?") for p in numbered)
    report = govinfo_report.parse(data)
    for key, numeral in (("applications", "三、"), ("review_litigation", "四、")):
        heading = report.section(key).heading
        assert heading is not None and heading.startswith(numeral)


def test_corpus_cells_keep_their_paragraph_lines() -> None:
    document = read_docx(_corpus("002").read_bytes())
    cells = [cell for table in document.tables() for row in table.rows for cell in row]
    # The vertical header is three paragraphs, one character each.
    (natural,) = [c for c in cells if c.text.replace("\n", "") == "自然人"]
    assert natural.text.count("\n") == 2 and natural.rowspan == 2
    # The results label comes after a run of empty paragraphs (as lines of the cell)
    # and spans the 22 result rows.
    (results,) = [c for c in cells if c.text.replace("\n", "").endswith("本年度办理结果")]
    lines = results.text.split("\n")
    assert lines[:16] == [""] * 16 and "".join(lines) == "三、本年度办理结果"
    assert (results.column, results.rowspan) == (0, 22)


def test_official_template_reads_blank_never_zero() -> None:
    path = shared_dir("real") / "001.docx"
    report = govinfo_report.parse(path)
    label = json.loads((SHARED / "real" / "labels" / "001.json").read_text(encoding="utf-8"))
    assert compare_with_label(report.to_dict(), label) == []
    cells = list(report.cells())
    assert len(cells) == 10 + 25 * 7 + 15
    assert {c.kind for c in cells} == {CellKind.BLANK}
    assert all(c.value is None and c.raw is not None and c.location for c in cells)
    applications = report.applications
    assert applications.found and applications.variant == "split"
    keys = [key for key, _ in applications.rows]
    assert len(keys) == 25
    assert [k for k in keys if k.startswith("other_")] == [
        "other_overdue_correction",
        "other_overdue_fee",
        "other_other",
    ]
    assert all(section.found for section in report.sections)


def test_official_template_table_three_has_25_value_rows() -> None:
    document = read_docx((shared_dir("real") / "001.docx").read_bytes())
    third = document.tables()[1]
    widths = [len(row) for row in third.rows]
    # 3 header rows, then 25 rows whose last 7 cells are the values (grid columns 3-9).
    assert len(third.rows) == 28
    assert all(width >= 8 for width in widths[3:])
    for row in third.rows[3:]:
        assert [cell.column for cell in row[-7:]] == list(range(3, 10))
        assert all(not cell.text.strip(" \u3000") for cell in row[-7:])


# -- table grids -------------------------------------------------------------------------


def test_grid_span_and_vertical_merge_are_expanded() -> None:
    document = python_docx.Document()
    table = document.add_table(rows=4, cols=4)
    for r in range(4):
        for c in range(4):
            table.cell(r, c).text = f"{r}{c}"
    table.cell(0, 0).merge(table.cell(0, 2)).text = "wide"
    table.cell(1, 0).merge(table.cell(3, 0)).text = "tall"
    table.cell(1, 1).merge(table.cell(2, 2)).text = "block"
    (read,) = read_docx(_saved(document)).tables()
    assert read.layout() == [
        [("wide", 0, 0, 1, 3), ("03", 0, 3, 1, 1)],
        [("tall", 1, 0, 3, 1), ("block", 1, 1, 2, 2), ("13", 1, 3, 1, 1)],
        [("23", 2, 3, 1, 1)],
        [("31", 3, 1, 1, 1), ("32", 3, 2, 1, 1), ("33", 3, 3, 1, 1)],
    ]
    cell = read.rows[1][1]
    assert (cell.location.table, cell.location.row, cell.location.column) == (0, 1, 1)
    assert cell.location.part == "word/document.xml" and cell.location.carrier == "docx"


def test_grid_before_legacy_hmerge_and_orphan_continuation() -> None:
    rows = (
        "<w:tr><w:trPr><w:gridBefore w:val='2'/></w:trPr>" + _tc(_p("a")) + "</w:tr>"
        "<w:tr>"
        + _tc(_p("b"), "<w:hMerge w:val='restart'/>")
        + _tc(_p(), "<w:hMerge/>")
        + _tc(_p("c"))
        + "</w:tr>"
        # A continuation with nothing above to continue is a cell of its own.
        "<w:tr>" + _tc(_p("d")) + _tc(_p("e"), "<w:vMerge/>") + _tc(_p("f")) + "</w:tr>"
    )
    (table,) = read_docx(_package(f"<w:tbl>{rows}</w:tbl>")).tables()
    assert table.layout() == [
        [("a", 0, 2, 1, 1)],
        [("b", 1, 0, 1, 2), ("c", 1, 2, 1, 1)],
        [("d", 2, 0, 1, 1), ("e", 2, 1, 1, 1), ("f", 2, 2, 1, 1)],
    ]


def test_text_in_a_merged_away_cell_is_left_out_quoted_and_the_cell_doubted() -> None:
    # Word and LibreOffice show only a merged cell's first cell: a stray "157" under a
    # merged "150" was added to it, and read 150157.
    rows = (
        "<w:tr>" + _tc(_p("top"), "<w:vMerge w:val='restart'/>") + _tc(_p("x")) + "</w:tr>"
        "<w:tr>" + _tc(_p("stray"), "<w:vMerge/>") + _tc(_p("y")) + "</w:tr>"
        "<w:tr>"
        + _tc(_p("a"), "<w:hMerge w:val='restart'/>")
        + _tc(_p("b"), "<w:hMerge/>")
        + "</w:tr>"
    )
    document = read_docx(_package(f"<w:tbl>{rows}</w:tbl>"))
    (table,) = document.tables()
    assert table.layout() == [
        [("top", 0, 0, 2, 1), ("x", 0, 1, 1, 1)],
        [("y", 1, 1, 1, 1)],
        [("a", 2, 0, 1, 2)],
    ]
    notes = [(m, w) for code, m, w in document.notes if code == "doubt.docx-merged-away-text"]
    assert [(m.split(": ")[1], w.row, w.column) for m, w in notes if w] == [
        ("'stray', left out", 0, 0),
        ("'b', left out", 2, 0),
    ]
    # Through parse(), the merged cell's value is doubtful: a row is added under 行政许可
    # whose value cell continues the value's, holding a stray "157".
    document_with_value, cell = _example_with_licensing_cell()
    value = cell.text.strip()
    row = cell._tc.getparent()
    stray = copy.deepcopy(row)
    for t in stray.iter(qn("w:t")):
        t.text = ""
    stray_cell = stray.findall(qn("w:tc"))[-1]
    stray_cell.find(qn("w:p")).append(parse_xml(f"<w:r {NS}><w:t>157</w:t></w:r>"))
    stray_cell.get_or_add_tcPr().append(parse_xml(f"<w:vMerge {NS}/>"))
    cell._tc.get_or_add_tcPr().append(parse_xml(f"<w:vMerge {NS} w:val='restart'/>"))
    row.addnext(stray)
    parsed = govinfo_report.parse(_saved(document_with_value))
    (read,) = parsed.active.row("licensing")
    assert (read.value, read.doubtful) == (int(value), True)


def test_cell_paragraphs_become_lines_and_blank_cells_stay() -> None:
    cell = _tc(_p("自") + _p("然") + _p("人"))
    padded = _tc(_p() + _p() + _p("label"))
    rows = "<w:tr>" + cell + padded + _tc(_p()) + _tc(_p("\u3000")) + "</w:tr>"
    (table,) = read_docx(_package(f"<w:tbl>{rows}</w:tbl>")).tables()
    assert [c.text for c in table.rows[0]] == ["自\n然\n人", "\n\nlabel", "", "\u3000"]


def test_layout_tables_are_read_as_their_content() -> None:
    inner = "<w:tbl><w:tr>" + _tc(_p("k")) + _tc(_p("7")) + "</w:tr></w:tbl>"
    # A one-cell box around a heading and a data table; then a two-cell table holding one.
    box = "<w:tbl><w:tr>" + _tc(_p("一、总体情况") + inner + _p("after")) + "</w:tr></w:tbl>"
    holder = "<w:tbl><w:tr>" + _tc(_p("left")) + _tc(inner) + "</w:tr></w:tbl>"
    document = read_docx(_package(box + holder))
    kinds = [
        type(block).__name__ + (f":{block.text}" if isinstance(block, Paragraph) else "")
        for block in document.blocks
    ]
    assert kinds == [
        "Paragraph:一、总体情况",
        "Table",
        "Paragraph:after",
        "Paragraph:left",
        "Table",
    ]
    assert [t.location.table for t in document.tables()] == [0, 1]
    assert (document.tables()[1]).layout() == [[("k", 0, 0, 1, 1), ("7", 0, 1, 1, 1)]]
    assert any(code == "repair.docx-layout-table" for code, _, _ in document.notes)


def test_tables_inside_a_data_table_follow_it() -> None:
    inner = "<w:tbl><w:tr>" + _tc(_p("x")) + _tc(_p("1")) + "</w:tr></w:tbl>"
    rows = ["<w:tr>" + _tc(_p(f"r{i}")) + _tc(_p(str(i))) + "</w:tr>" for i in range(4)]
    rows.append("<w:tr>" + _tc(_p("r4") + inner) + _tc(_p("4")) + "</w:tr>")
    document = read_docx(_package("<w:tbl>" + "".join(rows) + "</w:tbl>"))
    outer, nested = document.tables()
    assert [row[0].text for row in outer.rows] == ["r0", "r1", "r2", "r3", "r4"]
    assert nested.layout() == [[("x", 0, 0, 1, 1), ("1", 0, 1, 1, 1)]]
    assert (outer.location.table, nested.location.table) == (0, 1)
    assert nested.location.path == "/w:document/w:body/w:tbl[1]/w:tr[5]/w:tc[1]/w:tbl[1]"
    assert any(code == "repair.docx-nested-table" for code, _, _ in document.notes)


def test_a_frame_of_one_cell_in_a_data_table_is_no_nested_table() -> None:
    # A value framed by a table of one cell is read as lines of its cell: nothing is read
    # after the table, and the note saying tables were read after it was untrue.
    frame = "<w:tbl><w:tr>" + _tc(_p("125")) + "</w:tr></w:tbl>"
    rows = ["<w:tr>" + _tc(_p(f"r{i}")) + _tc(_p(str(i))) + "</w:tr>" for i in range(4)]
    framed = [*rows, "<w:tr>" + _tc(_p("r4")) + _tc(frame + _p()) + "</w:tr>"]
    document = read_docx(_package("<w:tbl>" + "".join(framed) + "</w:tbl>"))
    (table,) = document.tables()
    assert table.rows[4][1].text == "125\n"
    assert document.notes == ()
    # A frame holding a table of its own: that table is read after, and said to be.
    inner = "<w:tbl><w:tr>" + _tc(_p("x")) + _tc(_p("1")) + "</w:tr></w:tbl>"
    frame = "<w:tbl><w:tr>" + _tc(_p("125") + inner) + "</w:tr></w:tbl>"
    framed = [*rows, "<w:tr>" + _tc(_p("r4")) + _tc(frame + _p()) + "</w:tr>"]
    document = read_docx(_package("<w:tbl>" + "".join(framed) + "</w:tbl>"))
    outer, nested = document.tables()
    assert outer.rows[4][1].text == "125\n"
    assert nested.layout() == [[("x", 0, 0, 1, 1), ("1", 0, 1, 1, 1)]]
    assert nested.location.path == (
        "/w:document/w:body/w:tbl[1]/w:tr[5]/w:tc[2]/w:tbl[1]/w:tr[1]/w:tc[1]/w:tbl[1]"
    )
    assert [code for code, _, _ in document.notes] == ["repair.docx-nested-table"]


def test_content_controls_around_blocks_rows_and_cells() -> None:
    sdt = "<w:sdt><w:sdtPr><w:alias w:val='x'/></w:sdtPr><w:sdtContent>{}</w:sdtContent></w:sdt>"
    rows = "<w:tr>" + _tc(_p("a")) + sdt.format(_tc(_p("b"))) + "</w:tr>"
    table = "<w:tbl>" + rows + sdt.format("<w:tr>" + _tc(_p("c")) + _tc(_p("d")) + "</w:tr>")
    body = sdt.format(_p("first")) + table + "</w:tbl>"
    inline = "<w:p><w:r><w:t>x</w:t></w:r>" + sdt.format("<w:r><w:t>y</w:t></w:r>") + "</w:p>"
    document = read_docx(_package(body + inline))
    assert [p.text for p in _paragraphs(document)] == ["first", "xy"]
    assert (document.tables()[0]).layout() == [
        [("a", 0, 0, 1, 1), ("b", 0, 1, 1, 1)],
        [("c", 1, 0, 1, 1), ("d", 1, 1, 1, 1)],
    ]
    assert _paragraphs(document)[0].location.path == (
        "/w:document/w:body/w:sdt[1]/w:sdtContent/w:p[1]"
    )


# -- text ----------------------------------------------------------------------------------


def test_tabs_breaks_and_tab_stops() -> None:
    paragraph = (
        "<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='720'/></w:tabs></w:pPr>"
        "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t>"
        "<w:noBreakHyphen/><w:t>e</w:t></w:r></w:p>"
    )
    stops_only = "<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='720'/></w:tabs></w:pPr></w:p>"
    document = read_docx(_package(paragraph + stops_only + _p("end")))
    assert [p.text for p in _paragraphs(document)] == ["a\tb\nc\nd-e", "end"]


def test_markup_that_is_not_text() -> None:
    body = (
        # A bookmark, a field (instruction and result) and a hidden run.
        "<w:p><w:bookmarkStart w:id='0' w:name='_Hlk1'/><w:r><w:t>one</w:t></w:r>"
        "<w:bookmarkEnd w:id='0'/>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r><w:r><w:t>7</w:t></w:r>"
        "<w:r><w:fldChar w:fldCharType='end'/></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>"
        "<w:r><w:rPr><w:vanish w:val='0'/></w:rPr><w:t>shown</w:t></w:r>"
        # Hidden always, even where hidden text is shown (it read "9shown").
        "<w:r><w:rPr><w:specVanish/></w:rPr><w:t>9</w:t></w:r></w:p>"
        # Tracked changes: the deletion is gone, the insertion is there.
        "<w:p><w:r><w:t>was </w:t></w:r><w:del w:id='1' w:author='a'><w:r>"
        "<w:delText>12</w:delText></w:r></w:del><w:ins w:id='2' w:author='a'><w:r><w:t>13</w:t>"
        "</w:r></w:ins></w:p>"
    )
    document = read_docx(_package(body))
    assert [p.text for p in _paragraphs(document)] == ["one7shown", "was 13"]
    codes = {code for code, _, _ in document.notes}
    assert {"repair.docx-hidden", "repair.docx-tracked-changes"} <= codes


def test_struck_through_runs_are_left_out_as_deleted() -> None:
    # An old value struck by hand beside the new one ("5̶7̶85") is deleted text, as the
    # PDF and HTML readers read it; a strike switched off is not.
    cell = (
        "<w:p><w:r><w:rPr><w:strike/></w:rPr><w:t>57</w:t></w:r><w:r><w:t>85</w:t></w:r>"
        "<w:r><w:rPr><w:dstrike w:val='true'/></w:rPr><w:t>9</w:t></w:r>"
        "<w:r><w:rPr><w:strike w:val='0'/></w:rPr><w:t>0</w:t></w:r></w:p>"
    )
    table = "<w:tbl><w:tr>" + _tc(_p("行政许可")) + _tc(cell) + "</w:tr></w:tbl>"
    document = read_docx(_package(table))
    (read,) = document.tables()
    assert [[c.text for c in row] for row in read.rows] == [["行政许可", "850"]]
    (message,) = [m for code, m, _ in document.notes if code == "repair.docx-struck-text"]
    assert message.endswith("first '57'")


def _styled_run(text: str, style: str = "", own: str = "") -> str:
    props = (f"<w:rStyle w:val='{style}'/>" if style else "") + own
    return f"<w:r>{f'<w:rPr>{props}</w:rPr>' if props else ''}<w:t>{text}</w:t></w:r>"


def test_styles_that_hide_strike_or_raise_text_count_as_a_runs_own_properties() -> None:
    # Word resolves a run's formatting from its paragraph's style, its character style
    # and its own properties. A value struck or hidden through a style is as deleted as
    # one struck directly: read into the cell, "57" and "85" made 5785.
    styles = (
        "<w:style w:type='character' w:styleId='Old'><w:rPr><w:strike/></w:rPr></w:style>"
        "<w:style w:type='character' w:styleId='OldToo'><w:basedOn w:val='Old'/></w:style>"
        "<w:style w:type='character' w:styleId='Twice'><w:rPr><w:dstrike/></w:rPr></w:style>"
        "<w:style w:type='character' w:styleId='Note'>"
        "<w:rPr><w:vertAlign w:val='superscript'/></w:rPr></w:style>"
        "<w:style w:type='character' w:styleId='Plain'/>"
        "<w:style w:type='paragraph' w:styleId='Guide'><w:rPr><w:vanish/></w:rPr></w:style>"
        "<w:style w:type='paragraph' w:styleId='Revised'><w:rPr><w:strike/></w:rPr></w:style>"
        "<w:style w:type='paragraph' w:styleId='RevisedTwice'><w:rPr><w:dstrike/></w:rPr>"
        "</w:style>"
        "<w:style w:type='paragraph' w:styleId='Shown'><w:basedOn w:val='Guide'/>"
        "<w:rPr><w:vanish w:val='0'/></w:rPr></w:style>"
    )
    cells = [
        # character styles, one through w:basedOn
        _styled_run("57", "Old") + _styled_run("85"),
        _styled_run("12", "OldToo") + _styled_run("34", "Plain"),
        _styled_run("9", "Twice") + _styled_run("6"),
        # a footnote mark raised by its style
        _styled_run("37") + _styled_run("1", "Note"),
        # the run's own property decides over its style
        _styled_run("4", "Old", "<w:strike w:val='0'/>") + _styled_run("2", own="<w:strike/>"),
    ]
    paragraphs = [
        # hidden guidance text by its paragraph style, and a derived style that shows it
        ("Guide", _styled_run("填写说明") + _styled_run("88", own="<w:vanish w:val='false'/>")),
        ("Shown", _styled_run("7")),
        # toggles: a struck character style in a struck paragraph style is not struck
        ("Revised", _styled_run("30") + _styled_run("5", "Old")),
        # double strike-through is no toggle: struck twice is struck
        (
            "RevisedTwice",
            _styled_run("66", "Twice") + _styled_run("1", own="<w:dstrike w:val='0'/>"),
        ),
    ]
    table = _value_table(cells)
    body = table + "".join(
        f"<w:p><w:pPr><w:pStyle w:val='{style}'/></w:pPr>{runs}</w:p>" for style, runs in paragraphs
    )
    document = read_docx(_package(body, styles=styles))
    (read,) = document.tables()
    assert [row[1].text for row in read.rows] == ["85", "34", "6", "37", "4"]
    assert [p.text for p in _paragraphs(document)] == ["88", "7", "5", "1"]
    notes = {code: message for code, message, _ in document.notes}
    assert notes["repair.docx-struck-text"] == (
        "struck-through text (w:strike through its style) was left out as deleted, first '57'"
    )
    assert notes["repair.docx-hidden"] == "hidden text (w:vanish through its style) was left out"
    assert "doubt.docx-superscript" in notes
    assert "LibreOffice does not" in notes["repair.docx-style-toggle"]
    # Without a styles part, or when no style formats text, the names are only names.
    unstyled = read_docx(_package(body))
    assert [row[1].text for row in unstyled.tables()[0].rows] == [
        "5785", "1234", "96", "371", "4"
    ]  # fmt: skip


def test_a_character_style_struck_in_word_is_left_out_of_the_value() -> None:
    # The same through python-docx, as a user's "deleted" character style is saved.
    from docx.enum.style import WD_STYLE_TYPE

    document, cell = _example_with_licensing_cell()
    old = document.styles.add_style("旧数", WD_STYLE_TYPE.CHARACTER)
    old.font.strike = True
    value = cell.text.strip()
    paragraph = cell.paragraphs[-1]
    first = paragraph.runs[0]._r
    first.addprevious(paragraph.add_run("999", style="旧数")._r)  # moved before the value
    assert cell.text.strip() == f"999{value}"
    parsed = govinfo_report.parse(_saved(document))
    (read,) = parsed.active.row("licensing")
    assert read.value == int(value)
    assert any(d.code == "repair.docx-struck-text" for d in parsed.diagnostics)


def _run(text: str) -> str:
    return f"<w:r><w:t>{text}</w:t></w:r>"


def test_what_word_shows_of_fields_alternate_content_symbols_ruby_and_frames() -> None:
    # Each cell read as Word shows it; before, each was a wrong value: 2150, blank, 8,
    # blank, 15, 8150.
    field = (
        "<w:p><w:r><w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText>IF </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='begin'/></w:r><w:r><w:instrText>REF a</w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r>" + _run("2") + "<w:r><w:fldChar "
        "w:fldCharType='end'/></w:r><w:r><w:instrText> = 2 </w:instrText></w:r>"
        "<w:r><w:fldChar w:fldCharType='separate'/></w:r>" + _run("150") + "<w:r><w:fldChar "
        "w:fldCharType='end'/></w:r></w:p>"
    )
    around_runs = (
        "<w:p><mc:AlternateContent><mc:Choice Requires='wps'>"
        + _run("150")
        + "</mc:Choice><mc:Fallback>"
        + _run("150")
        + "</mc:Fallback></mc:AlternateContent></w:p>"
    )
    unknown_choice = (
        "<mc:AlternateContent xmlns:x='urn:example:unknown'><mc:Choice Requires='x'>"
        + _p("8")
        + "</mc:Choice><mc:Fallback>"
        + _p("150")
        + "</mc:Fallback></mc:AlternateContent>"
    )
    symbol = "<w:p>" + _run("15") + "<w:r><w:sym w:font='Symbol' w:char='F030'/></w:r></w:p>"
    wingding = "<w:p>" + _run("15") + "<w:r><w:sym w:font='Wingdings' w:char='F0FC'/></w:r></w:p>"
    ruby = (
        "<w:p><w:r><w:ruby><w:rt>"
        + _run("8")
        + "</w:rt><w:rubyBase>"
        + _run("150")
        + "</w:rubyBase></w:ruby></w:r></w:p>"
    )
    frame = "<w:tbl><w:tr>" + _tc(_p("150")) + "</w:tr></w:tbl>" + _p()
    inner = (
        "<w:tbl>" + "".join(f"<w:tr>{_tc(_p('x'))}{_tc(_p('9'))}</w:tr>" for _ in "ab") + "</w:tbl>"
    )
    # A field whose field characters are hidden still begins and ends where they stand.
    hidden = "<w:rPr><w:vanish/></w:rPr>"
    hidden_field = (
        f"<w:p><w:r>{hidden}<w:fldChar w:fldCharType='begin'/></w:r>"
        "<w:r><w:instrText>PAGE</w:instrText></w:r>"
        f"<w:r>{hidden}<w:fldChar w:fldCharType='separate'/></w:r><w:r>{hidden}<w:t>9</w:t></w:r>"
        f"<w:r>{hidden}<w:fldChar w:fldCharType='end'/></w:r>" + _run("150") + "</w:p>"
    )
    cells = [
        field, around_runs, unknown_choice, symbol, wingding, ruby, hidden_field, frame,
        inner + _p(),
    ]  # fmt: skip
    table = (
        "<w:tbl>"
        + "".join(f"<w:tr>{_tc(_p(f'行{i}'))}{_tc(cell)}</w:tr>" for i, cell in enumerate(cells))
        + "</w:tbl>"
    )
    document = read_docx(_package(table))
    first, *after = document.tables()
    assert [row[1].text.strip() for row in first.rows] == [
        "150", "150", "150", "150", "15\uf0fc", "150", "150", "150", ""
    ]  # fmt: skip
    # The table in the last cell comes after, and the empty cell holding it is doubted.
    assert [[c.text for c in row] for row in after[0].rows] == [["x", "9"], ["x", "9"]]
    (doubt,) = [w for code, _, w in document.notes if code == "doubt.docx-table-in-cell"]
    assert doubt is not None and (doubt.row, doubt.column) == (8, 1)
    assert "repair.docx-ruby" in {code for code, _, _ in document.notes}


def test_rows_deleted_as_tracked_changes_are_not_read() -> None:
    deleted = "<w:trPr><w:del w:id='1' w:author='a' w:date='2025-01-01T00:00:00Z'/></w:trPr>"
    table = (
        "<w:tbl>"
        f"<w:tr>{_tc(_p('甲'))}{_tc(_p('1'))}</w:tr>"
        f"<w:tr>{deleted}{_tc(_p('乙'))}{_tc(_p('2'))}</w:tr>"
        f"<w:tr>{_tc(_p('丙'))}{_tc(_p('3'))}</w:tr>"
        "</w:tbl>"
    )
    document = read_docx(_package(table))
    (read,) = document.tables()
    assert [[c.text for c in row] for row in read.rows] == [["甲", "1"], ["丙", "3"]]
    assert "repair.docx-tracked-changes" in {code for code, _, _ in document.notes}


def test_every_location_finds_its_text_in_the_part() -> None:
    # Rows inside a content control, a deleted row, and a paragraph with two text boxes
    # (each written twice, as Word writes them): each path and each cell's row must name
    # the element that holds the text read.
    deleted = "<w:trPr><w:del w:id='1' w:author='a' w:date='2025-01-01T00:00:00Z'/></w:trPr>"
    control = "<w:sdt><w:sdtContent>{}</w:sdtContent></w:sdt>"
    frame = (
        "<w:tbl>"
        f"<w:tr>{deleted}{_tc(_p('旧的'))}</w:tr>"
        + control.format(f"<w:tr>{_tc(_p('框里第一行') + _p('框里第二行'))}</w:tr>")
        + "</w:tbl>"
    )
    data = (
        "<w:tbl>"
        f"<w:tr>{_tc(_p('甲'))}{_tc(_p('1'))}</w:tr>"
        f"<w:tr>{deleted}{_tc(_p('乙'))}{_tc(_p('999'))}</w:tr>"
        f"<w:tr>{_tc(_p('丙'))}{_tc(_p('3'))}</w:tr>"
        "</w:tbl>"
    )

    def box(text: str) -> str:
        content = "<w:txbxContent>" + _p(text) + "</w:txbxContent>"
        return (
            "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing>"
            f"<wps:txbx>{content}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>"
            f"<v:textbox>{content}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        )

    boxes = f"<w:p><w:r><w:t>锚</w:t></w:r>{box('第一个框')}{box('第二个框')}</w:p>"
    package = _package(frame + data + boxes)
    document = read_docx(package)
    part = etree.fromstring(zipfile.ZipFile(io.BytesIO(package)).read("word/document.xml"))
    prefixes = {"w": part.nsmap["w"], "mc": part.nsmap["mc"]}

    def text_at(path: str | None) -> str:
        (element,) = part.xpath(path, namespaces=prefixes)
        return "".join(element.itertext())

    read = [(b.text, text_at(b.location.path)) for b in _paragraphs(document)]
    assert read == [
        ("框里第一行", "框里第一行"),
        ("框里第二行", "框里第二行"),
        ("锚", "锚第一个框第一个框第二个框第二个框"),
        ("第一个框", "第一个框"),
        ("第二个框", "第二个框"),
    ]
    (table,) = document.tables()
    assert text_at(table.location.path) == "甲1乙999丙3"
    rows = part.xpath("w:body/w:tbl[2]/w:tr", namespaces=prefixes)
    for row in table.rows:
        for cell in row:
            tc = rows[cell.location.row].xpath("w:tc", namespaces=prefixes)[cell.location.column]
            assert "".join(tc.itertext()) == cell.text


def test_a_text_box_in_an_embedded_object_is_read_however_the_paragraph_is_walked() -> None:
    # VML in a w:object holds a text box as w:pict does: read when the paragraph was read
    # plainly, it was lost when anything else in it (a tab) made the reader walk it run
    # by run.
    box = (
        "<w:r><w:object><v:shape><v:textbox><w:txbxContent>"
        f"{_p('129')}</w:txbxContent></v:textbox></v:shape></w:object></w:r>"
    )
    cells = [box, "<w:r><w:tab/></w:r>" + box]
    document = read_docx(_package(_value_table(cells)))
    assert [row[1].text.strip() for row in document.tables()[0].rows] == ["129", "129"]


def test_text_box_is_read_once_after_its_paragraph() -> None:
    box = "<w:txbxContent>" + _p("in the box") + "</w:txbxContent>"
    anchor = (
        "<w:p><w:r><w:t>anchor</w:t></w:r><w:r><mc:AlternateContent>"
        f"<mc:Choice Requires='wps'><w:drawing><wps:txbx>{box}</wps:txbx></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:textbox>{box}</v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    document = read_docx(_package(anchor + _p("next")))
    assert [p.text for p in _paragraphs(document)] == ["anchor", "in the box", "next"]
    assert any(code == "repair.docx-textbox" for code, _, _ in document.notes)


def test_locations_of_paragraphs_and_tables() -> None:
    table = "<w:tbl><w:tr>" + _tc(_p("a")) + _tc(_p("b")) + "</w:tr></w:tbl>"
    document = read_docx(_package(_p("x") + _p() + table + _p("y")))
    x, y = _paragraphs(document)
    assert x.location.path == "/w:document/w:body/w:p[1]"
    assert y.location.path == "/w:document/w:body/w:p[3]"
    assert y.location.part == "word/document.xml" and y.location.carrier == "docx"
    (read,) = document.tables()
    assert read.location.path == "/w:document/w:body/w:tbl[1]" and read.location.table == 0
    assert str(read.rows[0][0].location) == "word/document.xml, table 1, row 1, column 1"


def test_main_part_found_through_relationships() -> None:
    document = read_docx(_package(_p("elsewhere"), main="word/main.xml"))
    (paragraph,) = _paragraphs(document)
    assert paragraph.text == "elsewhere" and paragraph.location.part == "word/main.xml"


def test_strict_ooxml_namespace() -> None:
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    xml = f'<w:document xmlns:w="{strict}"><w:body>{_p("strict")}</w:body></w:document>'
    assert [p.text for p in _paragraphs(read_docx(_package("", document=xml)))] == ["strict"]


def test_an_empty_body_is_an_empty_document() -> None:
    data = _package("<w:sectPr/>")
    assert read_docx(data).blocks == ()
    with pytest.raises(ReportError, match="no text"):
        govinfo_report.parse(data)


# -- auto-numbering -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCounting", "十一"),
        (20, "chineseCounting", "二十"),
        (23, "chineseCounting", "二十三"),
        (100, "chineseCounting", "一百"),
        (105, "chineseCounting", "一百零五"),
        (110, "chineseCounting", "一百一十"),
        (1001, "chineseCountingThousand", "一千零一"),
        (12, "chineseLegalSimplified", "壹拾贰"),
        (3, "ideographTraditional", "丙"),
        (13, "ideographZodiac", "子"),
        (2024, "ideographDigital", "二〇二四"),
        (3, "decimalEnclosedCircle", "③"),
        (21, "decimalEnclosedCircle", "21"),
        (4, "ideographEnclosedCircle", "㈣"),
        (2, "decimalEnclosedParen", "⑵"),
        (7, "decimalZero", "07"),
        (12, "decimalFullWidth", "１２"),
        (28, "upperLetter", "BB"),
        (3, "lowerLetter", "c"),
        (1994, "upperRoman", "MCMXCIV"),
        (4, "lowerRoman", "iv"),
        (5, "none", ""),
        (5, "hebrew2", None),
    ],
)
def test_format_number(n: int, fmt: str, shown: str | None) -> None:
    assert format_number(n, fmt) == shown


def _lvl(ilvl: int, fmt: str, text: str, start: int | str = 1, extra: str = "") -> str:
    return (
        f"<w:lvl w:ilvl='{ilvl}'><w:start w:val='{start}'/><w:numFmt w:val='{fmt}'/>"
        f"<w:lvlText w:val='{text}'/>{extra}</w:lvl>"
    )


def _numpr(num_id: int, ilvl: int | None = 0, *, declare: bool = False) -> str:
    level = "" if ilvl is None else f"<w:ilvl w:val='{ilvl}'/>"
    return f"<w:numPr{' ' + NS if declare else ''}>{level}<w:numId w:val='{num_id}'/></w:numPr>"


def test_auto_numbered_report_headings_with_python_docx() -> None:
    document = python_docx.Document()
    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W_NS}}}num")
    abstract = parse_xml(
        f"<w:abstractNum {NS} w:abstractNumId='90'>{_lvl(0, 'chineseCounting', '%1、')}"
        f"{_lvl(1, 'decimal', '（%2）')}</w:abstractNum>"
    )
    first_num.addprevious(abstract)
    numbering.append(parse_xml(f"<w:num {NS} w:numId='90'><w:abstractNumId w:val='90'/></w:num>"))
    titles = ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况"]
    titles += ["政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况"]
    titles += ["其他需要报告的事项"]
    for title in titles:
        heading = document.add_paragraph(title)
        heading._p.get_or_add_pPr().append(parse_xml(_numpr(90, 0, declare=True)))
        for item in ("甲", "乙"):
            sub = document.add_paragraph(item)
            sub._p.get_or_add_pPr().append(parse_xml(_numpr(90, 1, declare=True)))
    data = _saved(document)
    paragraphs = _paragraphs(read_docx(data))
    assert [p.text for p in paragraphs[:6]] == [
        "一、 总体情况",
        "（1） 甲",
        "（2） 乙",
        "二、 主动公开政府信息情况",
        "（1） 甲",  # level 2 restarts under each heading
        "（2） 乙",
    ]
    assert [p.numbering for p in paragraphs[::3]] == [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "六、",
    ]
    report = govinfo_report.parse(data)
    assert [s.heading for s in report.sections] == [
        f"{n}、 {t}" for n, t in zip("一二三四五六", titles, strict=True)
    ]


def test_numbering_levels_restarts_styles_and_bullets() -> None:
    numbering = (
        "<w:abstractNum w:abstractNumId='1'>"
        + _lvl(0, "decimal", "%1.")
        + _lvl(1, "lowerLetter", "%1.%2", extra="<w:suff w:val='nothing'/>")
        + "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId='2'>" + _lvl(0, "bullet", "\uf0b7") + "</w:abstractNum>"
        "<w:abstractNum w:abstractNumId='3'>" + _lvl(0, "hebrew2", "%1)") + "</w:abstractNum>"
        "<w:num w:numId='1'><w:abstractNumId w:val='1'/></w:num>"
        # Another instance of list 1 continues its count...
        "<w:num w:numId='2'><w:abstractNumId w:val='1'/></w:num>"
        # ...unless it restarts it.
        "<w:num w:numId='3'><w:abstractNumId w:val='1'/>"
        "<w:lvlOverride w:ilvl='0'><w:startOverride w:val='5'/></w:lvlOverride></w:num>"
        "<w:num w:numId='4'><w:abstractNumId w:val='2'/></w:num>"
        "<w:num w:numId='5'><w:abstractNumId w:val='3'/></w:num>"
    )
    styles = (
        "<w:style w:type='paragraph' w:default='1' w:styleId='Normal'/>"
        "<w:style w:type='table' w:styleId='Grid'><w:pPr><w:numPr><w:numId w:val='1'/></w:numPr>"
        "</w:pPr></w:style>"
        "<w:style w:type='paragraph' w:styleId='Numbered'><w:pPr>"
        "<w:numPr><w:numId w:val='1'/></w:numPr></w:pPr></w:style>"
        "<w:style w:type='paragraph' w:styleId='Child'><w:basedOn w:val='Numbered'/></w:style>"
    )
    body = (
        _p("a", _numpr(1))
        + _p("a1", _numpr(1, 1))
        + _p("a2", _numpr(1, 1))
        + _p("b", _numpr(2))
        + _p("b1", _numpr(2, 1))
        + _p("restart", _numpr(3))
        + _p("bullet", _numpr(4))
        + _p("by style", "<w:pStyle w:val='Child'/>")
        + _p("switched off", "<w:pStyle w:val='Child'/>" + _numpr(0))
        + _p("hebrew", _numpr(5))
    )
    document = read_docx(_package(body, numbering=numbering, styles=styles))
    assert [p.text for p in _paragraphs(document)] == [
        "1. a",
        "1.aa1",
        "1.ba2",
        "2. b",
        "2.ab1",
        "5. restart",
        "bullet",
        "3. by style",
        "switched off",
        "1) hebrew",
    ]
    assert [p.numbering for p in _paragraphs(document)][6:8] == [None, "3."]
    assert [code for code, _, _ in document.notes] == ["doubt.docx-numbering"]


def test_a_level_that_never_restarts_counts_on() -> None:
    numbering = (
        "<w:abstractNum w:abstractNumId='1'>"
        + _lvl(0, "decimal", "%1.")
        + _lvl(1, "decimal", "(%2)", extra="<w:lvlRestart w:val='0'/>")
        + "</w:abstractNum><w:num w:numId='1'><w:abstractNumId w:val='1'/></w:num>"
    )
    body = "".join(_p(t, _numpr(1, level)) for t, level in (("a", 0), ("x", 1), ("b", 0), ("y", 1)))
    document = read_docx(_package(body, numbering=numbering))
    assert [p.numbering for p in _paragraphs(document)] == ["1.", "(1)", "2.", "(2)"]


@pytest.mark.parametrize(
    ("fmt", "start", "numbers"),
    [
        ("decimal", "9" * 5000, ["2147483647.", "2147483648."]),  # past what Python prints
        ("ideographDigital", "1" + "0" * 40, ["二一四七四八三六四七.", "二一四七四八三六四八."]),
        ("lowerLetter", "1" + "0" * 12, ["2147483647.", "2147483648."]),  # 80 million "a"s
        ("upperLetter", "27", ["AA.", "BB."]),
    ],
    ids=["5000 digits", "ideographs", "letters", "letters in range"],
)
def test_a_damaged_list_start_is_held_to_a_32_bit_number(
    fmt: str, start: str, numbers: list[str]
) -> None:
    # OOXML's decimal numbers are 32-bit: a larger w:start is damage, held to the range;
    # letters are repeated at most MAX_LETTER_REPEAT times, and beyond that are digits.
    numbering = (
        "<w:abstractNum w:abstractNumId='1'>"
        + _lvl(0, fmt, "%1.", start=start)
        + "</w:abstractNum><w:num w:numId='1'><w:abstractNumId w:val='1'/></w:num>"
    )
    body = _p("a", _numpr(1, 0)) + _p("b", _numpr(1, 0))
    document = read_docx(_package(body, numbering=numbering))
    assert [p.numbering for p in _paragraphs(document)] == numbers


def test_only_the_styles_needed_are_cut_out_of_the_styles_part() -> None:
    styles = (
        '<w:docDefaults/><w:latentStyles><w:lsdException w:name="Normal"/></w:latentStyles>'
        '<w:style w:type="table" w:styleId="Grid"><w:tblPr/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Base"><w:pPr>'
        '<w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="character" w:styleId="Strong"/>'
        '<w:style w:type="paragraph" w:styleId="Child"><w:basedOn w:val="Base"/></w:style>'
    )
    content = f"<w:styles {NS}>{styles}</w:styles>".encode()
    cut = docx_reader._style_definitions(content, {"Child", "Missing"})
    assert cut is not None
    assert b'w:styleId="Child"' in cut and b'w:styleId="Base"' in cut  # followed w:basedOn
    assert b"Grid" not in cut and b"Strong" not in cut and b"latentStyles" not in cut
    # A definition written another way (single quotes, another prefix) is not cut: parse whole.
    assert (
        docx_reader._style_definitions(content.replace(b'"Child"', b"'Child'"), {"Child"}) is None
    )
    assert docx_reader._style_definitions(content.replace(b"w:", b"x:"), {"Child"}) is None
    assert docx_reader._style_definitions(content, {"A&B"}) is None


# -- hostile and broken input --------------------------------------------------------------


def _minimal() -> bytes:
    return _package(_p("一、总体情况") + _p("text"))


def _not_word(kind: str) -> bytes:
    members: dict[str, dict[str, bytes | str]] = {
        "xlsx": {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"},
        "pptx": {"ppt/presentation.xml": "<presentation/>"},
        "odt": {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"},
        "ofd": {"OFD.xml": "<ofd:OFD/>"},
        "zip": {"readme.txt": "hello"},
    }
    return _zip(members[kind])


@pytest.mark.parametrize(
    ("kind", "message"),
    [
        ("xlsx", "Excel workbook"),
        ("pptx", "PowerPoint"),
        ("odt", "OpenDocument"),
        ("ofd", "OFD"),
        ("zip", "zip archive, not a Word document"),
    ],
)
def test_zip_that_is_not_a_word_document(kind: str, message: str) -> None:
    with pytest.raises(ReportError, match=message):
        govinfo_report.parse(_not_word(kind))


def _office_package(main: str, root: str, content_type: str | None) -> bytes:
    """A package laid out as Excel or PowerPoint writes one: its main part found through
    the same officeDocument relationship as a Word document's."""
    override = (
        f'<Override PartName="/{main}" ContentType="{content_type}"/>' if content_type else ""
    )
    return _zip(
        {
            "[Content_Types].xml": (
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                f'<Default Extension="xml" ContentType="application/xml"/>{override}</Types>'
            ),
            "_rels/.rels": (
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="{main}"/>'
                "</Relationships>"
            ),
            main: root,
        }
    )


OOXML = "http://schemas.openxmlformats.org"
EXCEL = r"this is an Excel workbook \(\.xlsx\), not a Word document"
POWERPOINT = r"this is a PowerPoint presentation \(\.pptx\), not a Word document"


@pytest.mark.parametrize(
    ("main", "root", "content_type", "message"),
    [
        # by the root element's namespace, with or without the content type saying so
        (
            "xl/workbook.xml",
            f"<workbook xmlns='{OOXML}/spreadsheetml/2006/main'><sheets/></workbook>",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            EXCEL,
        ),
        (
            "ppt/presentation.xml",
            "<p:presentation xmlns:p='http://purl.oclc.org/ooxml/presentationml/main'/>",
            None,
            POWERPOINT,
        ),
        # by the content type: a macro-enabled workbook whose part cannot even be parsed
        (
            "xl/workbook.xml",
            "<workbook",
            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            EXCEL,
        ),
    ],
)
def test_an_office_package_with_another_main_part_is_named(
    main: str, root: str, content_type: str | None, message: str
) -> None:
    # An .xlsx has a main part too: the error said "the main part is not a Word document
    # (its root element is '{…spreadsheetml…}workbook')" instead of what the file is.
    data = _office_package(main, root, content_type)
    with pytest.raises(ReportError, match=message):
        govinfo_report.parse(data)
    with pytest.raises(ReportError, match=message):
        read_docx(data)


def _encrypted_ooxml() -> bytes:
    # The OLE header and a directory entry naming the EncryptedPackage stream.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0") + bytes(64)
    return header + entry + bytes(1024)


# What our code says of an old binary Word file: r"\.doc" alone also matches ".docx" in
# the messages about an encrypted package or a file that is no zip.
LEGACY_DOC = r"this is an old binary Word \(\.doc\) or WPS \(\.wps\) file.*save it as \.docx"


def test_encrypted_docx_says_so() -> None:
    with pytest.raises(ReportError, match="encrypted with a password"):
        govinfo_report.parse(_encrypted_ooxml())
    legacy = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le")
    with pytest.raises(ReportError, match=LEGACY_DOC):
        govinfo_report.parse(legacy + bytes(1024))
    with pytest.raises(ReportError, match=LEGACY_DOC):
        read_docx(legacy)
    # Given as a .docx (its file name said so): still the .doc, not a locked .docx.
    with pytest.raises(ReportError, match=LEGACY_DOC):
        read_bytes(legacy + bytes(1024), carrier="docx")


def test_a_docx_holding_the_name_of_an_encrypted_package_is_read() -> None:
    # Only an OLE file holding an EncryptedPackage stream is a locked .docx: a zip whose
    # stored picture happens to hold the stream's name is an ordinary document.
    picture = b"\x89PNG\r\n\x1a\n" + "EncryptedPackage".encode("utf-16-le") + bytes(16)
    members = {**_members(_minimal()), "word/media/image1.png": picture}
    data = _zip(members, zipfile.ZIP_STORED)
    assert "EncryptedPackage".encode("utf-16-le") in data
    assert [p.text for p in _paragraphs(read_docx(data))] == ["一、总体情况", "text"]


def test_bytes_before_the_zip_are_no_docx() -> None:
    # A zip with something before it (a self-extracting stub, junk) is no Word file;
    # zipfile would find the archive at its end and read it.
    data = b"MZ-junk-prefix" + _minimal()
    for read in (read_docx, lambda data: read_bytes(data, carrier="docx")):
        with pytest.raises(ReportError, match=r"not a DOCX file: a \.docx is a zip archive"):
            read(data)


def _with_encrypted_flag() -> bytes:
    # Set bit 0 ("encrypted") of the general purpose flags in the central directory
    # entry of word/document.xml, as a password-protected zip has it.
    data = bytearray(_minimal())
    name = data.index(b"PK\x01\x02")
    while data[name + 46 : name + 46 + 17] != b"word/document.xml":
        name = data.index(b"PK\x01\x02", name + 4)
    data[name + 8] |= 0x1
    return bytes(data)


def _bomb() -> bytes:
    # 4 MiB of one byte deflates about 1000:1, the signature of a zip bomb.
    return _zip({"word/document.xml": b"<" + b"a" * (4 << 20), "_rels/.rels": "<x/>"})


def _corrupt_member() -> bytes:
    data = bytearray(_minimal())
    offset = data.index(b"word/document.xml") + len("word/document.xml") + 4
    for i in range(offset, offset + 40):
        data[i] ^= 0x5A
    return bytes(data)


def _entities(kind: str) -> bytes:
    if kind == "billion laughs":
        dtd = '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
        text = "&b;"
    else:
        dtd = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        text = "&x;"
    xml = f"{dtd}<w:document {NS}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    return _package("", document=xml)


def _dtd_in_styles() -> bytes:
    styles = "<w:style w:type='paragraph' w:styleId='S'><w:pPr><w:numPr/></w:pPr></w:style>"
    data = _package(_p("x", "<w:pStyle w:val='S'/>"), numbering="", styles=styles)
    source = zipfile.ZipFile(io.BytesIO(data))
    members: dict[str, bytes | str] = {
        info.filename: source.read(info) for info in source.infolist()
    }
    members["word/styles.xml"] = b'<!DOCTYPE w:styles [<!ENTITY e "e">]>' + bytes(
        members["word/styles.xml"]  # type: ignore[arg-type]
    )
    return _zip(members)


def _deep_tables() -> bytes:
    depth = 120  # w:tbl/w:tr/w:tc per level: well past libxml2's 256 levels
    body = "<w:tbl><w:tr><w:tc>" * depth + _p("deep") + "</w:tc></w:tr></w:tbl>" * depth
    return _package(body)


HOSTILE: dict[str, tuple[Callable[[], bytes], str]] = {
    "not a zip": (
        lambda: b"PK\x03\x04 this is not really a zip file at all",
        "damaged or truncated",
    ),
    "truncated": (lambda: _minimal()[: len(_minimal()) // 2], "damaged or truncated"),
    "corrupt member": (_corrupt_member, "damaged or truncated"),
    # zipfile's own error says "password required" too: match what our code says.
    "encrypted members": (
        _with_encrypted_flag,
        r"members are encrypted \(password-protected zip\)",
    ),
    "zip bomb": (_bomb, "zip bomb"),
    "billion laughs": (lambda: _entities("billion laughs"), "DTD"),
    "external entity": (lambda: _entities("external"), "DTD"),
    "DTD in styles": (_dtd_in_styles, "DTD"),
    "malformed XML": (lambda: _package("<w:p><w:r>"), "not well-formed"),
    "deep nesting": (_deep_tables, "nested too deeply"),
    "wrong root": (lambda: _package("", document=f"<w:numbering {NS}/>"), "not a Word document"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_and_broken_input_is_a_clear_report_error(name: str) -> None:
    build, message = HOSTILE[name]
    data = build()
    with pytest.raises(ReportError, match=message) as caught:
        govinfo_report.parse(data)
    assert "internal error" not in str(caught.value)
    with pytest.raises(ReportError, match=message):
        read_docx(data)


@pytest.mark.parametrize(
    ("limit", "value", "message"),
    [
        ("MAX_MEMBERS", 3, "members"),
        ("MAX_TOTAL_SIZE", 500, "zip bomb or not a report"),
        ("MAX_PART_SIZE", 100, "uncompressed"),
    ],
)
def test_limits(monkeypatch: pytest.MonkeyPatch, limit: str, value: int, message: str) -> None:
    data = _minimal()
    read_docx(data)  # within the real limits
    monkeypatch.setattr(docx_reader, limit, value)
    with pytest.raises(ReportError, match=message):
        govinfo_report.parse(data)


def _members(data: bytes) -> dict[str, bytes | str]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {info.filename: archive.read(info) for info in archive.infolist()}


def _forged(data: bytes, name: str, *, compressed: int, uncompressed: int) -> bytes:
    """``data`` with the sizes its central directory declares for member ``name``
    rewritten. zipfile trusts them on opening, and a member never read is never held to
    them: the limits are tested at their real values without gigabytes."""
    forged = bytearray(data)
    at = forged.index(b"PK\x01\x02")
    while True:
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", forged, at + 28)
        if forged[at + 46 : at + 46 + name_length] == name.encode():
            struct.pack_into("<II", forged, at + 20, compressed, uncompressed)
            return bytes(forged)
        at = forged.index(b"PK\x01\x02", at + 46 + name_length + extra_length + comment_length)


def _with_pad(*, compressed: int, uncompressed: int) -> bytes:
    """The minimal document with a member it never reads, declared at these sizes."""
    data = _zip({**_members(_minimal()), "customXml/pad.bin": b"pad"})
    return _forged(data, "customXml/pad.bin", compressed=compressed, uncompressed=uncompressed)


def _with_members(count: int) -> bytes:
    members = _members(_minimal())
    members.update({f"customXml/item{i}.xml": "" for i in range(count - len(members))})
    return _zip(members, zipfile.ZIP_STORED)


def _with_total(total: int) -> bytes:
    """Declared sizes adding up to ``total``, the pad at a ratio of 100:1."""
    real = sum(len(content) for content in _members(_minimal()).values())
    return _with_pad(compressed=(total - real) // 100, uncompressed=total - real)


def _with_document_size(size: int) -> bytes:
    """A 300 kB document.xml, stored, declared ``size`` bytes uncompressed."""
    data = _package(_p("一、总体情况") + _p("x" * 300_000))
    data = _zip(_members(data), zipfile.ZIP_STORED)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    return _forged(data, info.filename, compressed=info.compress_size, uncompressed=size)


MIB = 1 << 20


# Each limit at its documented value (docs/carriers/docx.md), read at the limit and
# refused one over: "at most N are accepted" must hold to the byte.
@pytest.mark.parametrize(
    ("build", "message"),
    [
        # MAX_MEMBERS
        (lambda: _with_members(5_000), None),
        (lambda: _with_members(5_001), r"has 5001 members \(at most 5000 are accepted\)"),
        # MAX_TOTAL_SIZE
        (lambda: _with_total(1 << 30), None),
        (lambda: _with_total((1 << 30) + 1), "would unpack to 1,073,741,825 bytes"),
        # MAX_RATIO, for a member over RATIO_GRACE
        (lambda: _with_pad(compressed=10_000, uncompressed=2_500_000), None),
        (lambda: _with_pad(compressed=10_000, uncompressed=2_505_000), "a zip bomb"),
        # RATIO_GRACE: a member up to 1 MiB is not ratio-checked
        (lambda: _with_pad(compressed=1_000, uncompressed=MIB), None),
        (lambda: _with_pad(compressed=1_000, uncompressed=MIB + 1), "a zip bomb"),
        # MAX_PART_SIZE, checked on the declared size before anything is decompressed
        (lambda: _with_document_size(64 * MIB), None),
        (lambda: _with_document_size(64 * MIB + 1), "the part is 67,108,865 bytes uncompressed"),
    ],
    ids=[
        f"{limit}-{at}"
        for limit in ("members", "total", "ratio", "grace", "part")
        for at in ("at", "over")
    ],
)
def test_each_limit_holds_at_its_value(build: Callable[[], bytes], message: str | None) -> None:
    data = build()
    if message is None:
        assert _paragraphs(read_docx(data))[0].text == "一、总体情况"
    else:
        with pytest.raises(ReportError, match=message):
            read_docx(data)


@pytest.mark.parametrize("over", [0, 1])
def test_a_part_of_exactly_the_largest_size_is_read_whole(
    monkeypatch: pytest.MonkeyPatch, over: int
) -> None:
    # The part is read to one byte past the limit, to catch a declared size that lies:
    # a part of exactly MAX_PART_SIZE bytes must come out whole, not cut or refused.
    data = _minimal()
    size = len(_members(data)["word/document.xml"])
    monkeypatch.setattr(docx_reader, "MAX_PART_SIZE", size - over)
    if over:
        with pytest.raises(ReportError, match="uncompressed"):
            read_docx(data)
    else:
        assert [p.text for p in _paragraphs(read_docx(data))] == ["一、总体情况", "text"]


def test_a_member_declared_with_no_compressed_bytes_is_a_zip_bomb() -> None:
    # A forged compressed size of 0: the ratio is taken over at least one byte, not a
    # ZeroDivisionError that parse() reports as an internal error.
    data = _with_pad(compressed=0, uncompressed=2 * MIB)
    bomb = r"compressed 2097152:1 \(at most 250:1 is accepted\): a zip bomb"
    with pytest.raises(ReportError, match=bomb):
        read_docx(data)
    with pytest.raises(ReportError, match=bomb):
        govinfo_report.parse(data)


@pytest.mark.parametrize(
    ("compressed", "uncompressed", "shown"),
    [
        (10_000, 2_505_000, "250.5"),
        (10_000, 2_500_001, "250.1"),
        (1_000, MIB + 1, "1048.6"),
        (10_000, 2_600_000, "260"),
    ],
)
def test_a_ratio_just_over_the_limit_is_not_shown_as_the_limit(
    compressed: int, uncompressed: int, shown: str
) -> None:
    # 250.5:1 was shown rounded, "compressed 250:1 (at most 250:1 is accepted)": a
    # refusal whose reason reads as allowed. Rounded up to a tenth, it is over the limit.
    data = _with_pad(compressed=compressed, uncompressed=uncompressed)
    with pytest.raises(ReportError, match=rf"compressed {shown}:1 \(at most 250:1"):
        read_docx(data)


def test_members_that_cannot_be_bombs_are_read() -> None:
    # Over 1 MiB a picture hardly compresses (about 1:1); under it, a member of padding
    # may compress at any ratio (500 kB of spaces, about 1000:1): neither is a bomb.
    picture = random.Random(1).randbytes(2 * MIB)
    spaces = b" " * 500_000
    for extra in ({"word/media/image1.png": picture}, {"customXml/item1.xml": spaces}):
        data = _zip({**_members(_minimal()), **extra})
        assert [p.text for p in _paragraphs(read_docx(data))] == ["一、总体情况", "text"]


def test_limits_have_sane_values() -> None:
    assert 1_000 <= docx_reader.MAX_MEMBERS <= 100_000
    assert docx_reader.MAX_PART_SIZE <= docx_reader.MAX_TOTAL_SIZE <= 4 << 30
    assert 50 <= docx_reader.MAX_RATIO <= 1000


def test_random_damage_never_escapes_as_another_error() -> None:
    data = _minimal()
    rng = random.Random(20250101)
    for _ in range(300):
        damaged = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            govinfo_report.parse(bytes(damaged))
        except ReportError as exc:
            assert "internal error" not in str(exc), exc


def test_a_superscript_footnote_mark_after_a_value_is_left_out_and_the_value_doubted() -> None:
    # Word's footnote-style mark typed as a superscript run after a value: read into the
    # value, "37" and "1" made 371, silently. The mark is left out, the value doubtful.
    document, cell = _example_with_licensing_cell()
    value = cell.text.strip()
    mark = cell.paragraphs[-1].add_run("1")
    mark.font.superscript = True
    parsed = govinfo_report.parse(_saved(document))
    (read,) = parsed.active.row("licensing")
    assert (read.value, read.doubtful) == (int(value), True)
    (note,) = [d for d in parsed.diagnostics if d.code == "doubt.docx-superscript"]
    assert note.message.startswith("superscript '1' in the cell reading")
    plain = read_docx(
        _package(
            "<w:tbl><w:tr>"
            + _tc(_p("甲"))
            + _tc(
                "<w:p><w:r><w:t>m</w:t></w:r><w:r><w:rPr><w:vertAlign w:val='superscript'/></w:rPr>"
                "<w:t>long mark</w:t></w:r></w:p>"
            )
            + "</w:tr></w:tbl>"
        )
    )
    assert [c.text for row in plain.tables()[0].rows for c in row] == ["甲", "mlong mark"]


def test_a_mark_raised_by_its_position_after_a_value_is_left_out_and_the_value_doubted() -> None:
    # Word's "raised" character position (w:position) rather than superscript, at the
    # value's own size, as footnote-like marks often are: "125" and a raised "1" read 1251.
    document, cell = _example_with_licensing_cell()
    value = cell.text.strip()
    mark = cell.paragraphs[-1].add_run("1")
    mark._r.get_or_add_rPr().append(parse_xml(f"<w:position xmlns:w='{W_NS}' w:val='6'/>"))
    parsed = govinfo_report.parse(_saved(document))
    (read,) = parsed.active.row("licensing")
    assert (read.value, read.doubtful) == (int(value), True)
    (note,) = [d for d in parsed.diagnostics if d.code == "doubt.docx-superscript"]
    assert note.message.startswith("superscript '1' in the cell reading")
    styles = (
        "<w:style w:type='character' w:styleId='Raised'><w:rPr><w:position w:val='4'/>"
        "</w:rPr></w:style>"
    )
    cells = [
        # raised in half-points, in a measure with its unit, through a character style
        _styled_run("125") + _styled_run("1", own="<w:position w:val='6'/>"),
        _styled_run("125") + _styled_run("2", own="<w:position w:val='3pt'/>"),
        _styled_run("125") + _styled_run("3", "Raised"),
        # the run's own position decides over its style's
        _styled_run("125") + _styled_run("4", "Raised", "<w:position w:val='0'/>"),
        # lowered text is read, as subscript is (no footnote mark is lowered)
        _styled_run("125") + _styled_run("5", own="<w:position w:val='-6'/>"),
        _styled_run("125") + _styled_run("6", own="<w:vertAlign w:val='subscript'/>"),
        # a longer raised run is text, as a longer superscript is
        _styled_run("m") + _styled_run("long mark", own="<w:position w:val='6'/>"),
    ]
    table = _value_table(cells)
    # A raised value beside a character that shows nothing is the cell's text, as a
    # raised value alone is (the zero-width space made it a footnote mark: blank).
    alone = _value_table(
        [_styled_run("\u200b") + _styled_run("130", own="<w:position w:val='4'/>")]
    )
    assert read_docx(_package(alone)).tables()[0].rows[0][1].text == "\u200b130"
    # Outside a table a raised run is text, as a superscript is.
    body = table + "<w:p>" + cells[0] + "</w:p>"
    raw = read_docx(_package(body, styles=styles))
    (read_table,) = raw.tables()
    assert [row[1].text for row in read_table.rows] == [
        "125", "125", "125", "1254", "1255", "1256", "mlong mark"
    ]  # fmt: skip
    assert [p.text for p in _paragraphs(raw)] == ["1251"]
    doubted = [
        (where.row, message)
        for code, message, where in raw.notes
        if code == "doubt.docx-superscript" and where is not None
    ]
    assert [row for row, _ in doubted] == [0, 1, 2]
    assert [message.split("'")[1] for _, message in doubted] == ["1", "2", "3"]


def test_an_imported_chunk_in_a_table_cell_is_noted_and_the_cell_doubted() -> None:
    # A value cell whose content is imported from another file (w:altChunk, not read):
    # the cell read as an ordinary blank, with no note, where a value may be in the chunk.
    document, cell = _example_with_licensing_cell()
    tc = cell._tc
    for paragraph in tc.findall(qn("w:p")):
        tc.remove(paragraph)
    tc.append(parse_xml(f"<w:altChunk xmlns:w='{W_NS}' xmlns:r='{REL}' r:id='rId99'/>"))
    tc.append(parse_xml(f"<w:p xmlns:w='{W_NS}'/>"))
    parsed = govinfo_report.parse(_saved(document))
    (read,) = parsed.active.row("licensing")
    assert (read.kind, read.value, read.doubtful) == (CellKind.BLANK, None, True)
    (note,) = [d for d in parsed.diagnostics if d.code == "doubt.docx-altchunk"]
    assert note.message == (
        "the cell imports content from another file (w:altChunk), which is not read: "
        "its value may be in it"
    )
    assert note.location is not None and read.location is not None
    where = (note.location.table, note.location.row, note.location.column)
    assert where == (read.location.table, read.location.row, read.location.column)


def _coloured(text: str, color: str = "<w:color w:val='FFFFFF'/>", more: str = "") -> str:
    """A run of ``text`` in a colour (white by default), with more run properties."""
    return f"<w:r><w:rPr>{color}{more}</w:rPr><w:t>{text}</w:t></w:r>"


def _value_table(cells: list[str], header: str = "") -> str:
    """A table of a label and a value cell per row (``cells``: the value cells' runs),
    under an optional header row (``header``: its cells)."""
    rows = "".join(
        f"<w:tr>{_tc(_p(f'行{i}'))}{_tc(f'<w:p>{cell}</w:p>')}</w:tr>"
        for i, cell in enumerate(cells)
    )
    return "<w:tbl>" + (f"<w:tr>{header}</w:tr>" if header else "") + rows + "</w:tbl>"


def _white_notes(document: Document) -> list[tuple[int | None, int | None, str]]:
    return [
        (where.row, where.column, message)
        for code, message, where in document.notes
        if code == "repair.docx-white-text" and where is not None
    ]


def test_a_stale_value_whited_out_before_the_new_one_is_left_out_and_noted() -> None:
    # A stale "9" coloured white before the value in the normal colour: Word shows the
    # value alone, the reader read 9 and the value as one number, silently.
    from docx.shared import RGBColor

    document, cell = _example_with_licensing_cell()
    value = cell.text.strip()
    paragraph = cell.paragraphs[-1]
    stale = paragraph.add_run("9")
    stale.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    paragraph.runs[0]._r.addprevious(stale._r)  # moved before the value
    assert cell.text.strip() == f"9{value}"
    parsed = govinfo_report.parse(_saved(document))
    (read,) = parsed.active.row("licensing")
    assert (read.value, read.doubtful) == (int(value), False)
    (note,) = [d for d in parsed.diagnostics if d.code == "repair.docx-white-text"]
    assert note.message.endswith("was left out: '9'")
    assert note.location is not None and read.location is not None
    where = (note.location.table, note.location.row, note.location.column)
    assert where == (read.location.table, read.location.row, read.location.column)
    # White as Word writes it in other ways: lower case, the theme's "White, Background 1"
    # (its w:val a cache of the colour, or auto). A colour that only looks like it is not
    # white: the theme colour darkened (written BFBFBF), auto, black.
    cells = [
        _coloured("9", "<w:color w:val='ffffff'/>") + _run("125"),
        _coloured("9", "<w:color w:val='FFFFFF' w:themeColor='background1'/>") + _run("125"),
        _coloured("9", "<w:color w:themeColor='background1'/>") + _run("125"),
        _coloured("9", "<w:color w:val='auto' w:themeColor='background1'/>") + _run("125"),
        # the stale value after the new one, and a line of its own, are whited out too
        _run("125") + _coloured("9"),
        _coloured("9") + "</w:p><w:p>" + _run("125"),
        _coloured("9", "<w:color w:val='BFBFBF' w:themeColor='background1' w:themeShade='BF'/>")
        + _run("125"),
        _coloured("9", "<w:color w:themeColor='background1' w:themeShade='BF'/>") + _run("125"),
        _coloured("9", "<w:color w:val='auto'/>") + _run("125"),
        _coloured("9", "<w:color w:val='000000'/>") + _run("125"),
        # white space in white is space
        _run("1") + _coloured(" ") + _run("25"),
    ]
    # Outside a table white text is read as before (a heading on a dark band is white).
    raw = read_docx(_package(_value_table(cells) + "<w:p>" + cells[0] + "</w:p>"))
    assert [row[1].text for row in raw.tables()[0].rows] == [
        "125", "125", "125", "125", "125", "\n125", "9125", "9125", "9125", "9125", "1 25"
    ]  # fmt: skip
    assert [p.text for p in _paragraphs(raw)] == ["9125"]
    assert [(row, column) for row, column, _ in _white_notes(raw)] == [
        (0, 1), (1, 1), (2, 1), (3, 1), (4, 1), (5, 1)
    ]  # fmt: skip


def test_a_header_in_white_on_a_shaded_cell_is_read_as_before() -> None:
    # A header row in white on a dark fill is legitimate: all the cell's text is white.
    # Only the value cell below, white beside black, is a value whited out. An
    # auto-numbering label ("1.") is in neither colour: a numbered header stays whole.
    shaded = "<w:shd w:val='clear' w:color='auto' w:fill='1F4E79'/>"
    header = (
        _tc(f"<w:p>{_coloured('项目')}</w:p>", shaded)
        + _tc(f"<w:p>{_coloured('件数')}</w:p><w:p>{_coloured('（件）')}</w:p>", shaded)
        + _tc(f"<w:p><w:pPr>{_numpr(1)}</w:pPr>{_coloured('备注')}</w:p>", shaded)
    )
    numbering = (
        "<w:abstractNum w:abstractNumId='1'>" + _lvl(0, "decimal", "%1.") + "</w:abstractNum>"
        "<w:num w:numId='1'><w:abstractNumId w:val='1'/></w:num>"
    )
    table = _value_table([_coloured("9") + _run("125")], header)
    document = read_docx(_package(table, numbering=numbering))
    (read,) = document.tables()
    assert [[c.text for c in row] for row in read.rows] == [
        ["项目", "件数\n（件）", "1. 备注"],
        ["行0", "125"],
    ]
    assert [(row, column) for row, column, _ in _white_notes(document)] == [(1, 1)]


def test_white_through_a_character_or_paragraph_style_is_left_out() -> None:
    # The colour resolved as Word resolves it: the run's own, its character style (and
    # the styles that one is based on), its paragraph's style. The body names no colour.
    styles = (
        "<w:style w:type='character' w:styleId='Stale'><w:rPr><w:color w:val='FFFFFF'/>"
        "</w:rPr></w:style>"
        "<w:style w:type='character' w:styleId='StaleToo'><w:basedOn w:val='Stale'/></w:style>"
        "<w:style w:type='paragraph' w:styleId='Blank'><w:rPr>"
        "<w:color w:themeColor='background1'/></w:rPr></w:style>"
    )
    cells = [
        _styled_run("9", "Stale") + _styled_run("125"),
        _styled_run("9", "StaleToo") + _styled_run("125"),
        # the run's own colour decides over its style's
        _styled_run("9", "Stale", "<w:color w:val='000000'/>") + _styled_run("125"),
    ]
    table = _value_table(cells)
    # a paragraph style whitening the cell's text, the value in its own colour
    paragraph = (
        "<w:p><w:pPr><w:pStyle w:val='Blank'/></w:pPr>"
        + _styled_run("9")
        + _styled_run("125", own="<w:color w:val='000000'/>")
        + "</w:p>"
    )
    table = table.replace("</w:tbl>", f"<w:tr>{_tc(_p('行3'))}{_tc(paragraph)}</w:tr></w:tbl>")
    document = read_docx(_package(table, styles=styles))
    assert [row[1].text for row in document.tables()[0].rows] == ["125", "125", "9125", "125"]
    notes = _white_notes(document)
    assert [(row, column) for row, column, _ in notes] == [(0, 1), (1, 1), (3, 1)]
    assert all(message.endswith("'9'") for _, _, message in notes)


def test_white_text_highlighted_or_shaded_is_seen_and_read() -> None:
    # White on a highlight or on a shading of the text's own is seen: it is read. Only
    # white on no ground of its own is a value whited out.
    cells = [
        _coloured("9", more="<w:highlight w:val='black'/>") + _run("125"),
        _coloured("9", more="<w:shd w:val='clear' w:color='auto' w:fill='C00000'/>") + _run("125"),
        _coloured("9", more="<w:shd w:val='pct25' w:color='auto' w:fill='auto'/>") + _run("125"),
        # a highlight or shading that is none, or white, shows nothing
        _coloured("9", more="<w:highlight w:val='none'/>") + _run("125"),
        _coloured("9", more="<w:highlight w:val='white'/>") + _run("125"),
        _coloured("9", more="<w:shd w:val='clear' w:color='auto' w:fill='FFFFFF'/>") + _run("125"),
        _coloured("9", more="<w:shd w:val='clear' w:color='auto' w:fill='auto'/>") + _run("125"),
    ]
    document = read_docx(_package(_value_table(cells)))
    assert [row[1].text for row in document.tables()[0].rows] == [
        "9125", "9125", "9125", "125", "125", "125", "125"
    ]  # fmt: skip
    assert [row for row, _, _ in _white_notes(document)] == [3, 4, 5, 6]


def test_a_value_cell_all_in_white_is_read() -> None:
    # A cell whose text is all white is no white-out pattern: its value is read (the
    # cell may be shaded by a table style, which the reader does not read).
    cells = [
        _coloured("125"),
        _coloured("1") + _coloured("25", "<w:color w:val='ffffff'/>"),
        _coloured("9") + _run("125"),
    ]
    document = read_docx(_package(_value_table(cells)))
    assert [row[1].text for row in document.tables()[0].rows] == ["125", "125", "125"]
    assert [row for row, _, _ in _white_notes(document)] == [2]


def test_a_title_broken_by_a_line_break_reads_as_one_line() -> None:
    # The title's two lines in one paragraph (w:br): the title kept the break, where the
    # same title printed in any other carrier reads as one line.
    title = "<w:p><w:r><w:t>青禾镇人民政府</w:t><w:br/><w:t>2024年政府信息公开工作年度报告</w:t></w:r></w:p>"
    report = govinfo_report.parse(_package(title + _p("一、总体情况") + _p("2024年，…")))
    assert report.metadata.title == "青禾镇人民政府2024年政府信息公开工作年度报告"
    assert report.metadata.organization == "青禾镇人民政府"


def test_element_paths_in_a_long_table_cost_work_in_proportion_to_its_rows() -> None:
    # Each cell's path counted its row's preceding siblings anew: a table of rows each
    # holding a table in a cell took 31 s for 16,000 rows. Counted in lines the reader
    # runs (not in time): twice the rows must cost about twice the work, not four times.
    import sys

    inner = "<w:tbl><w:tr>" + _tc(_p("x")) + _tc(_p("1")) + "</w:tr></w:tbl><w:p/>"
    row = "<w:tr>" + _tc(inner) + _tc(_p("2")) + "</w:tr>"
    source = docx_reader.__file__

    def work(rows: int) -> int:
        package = _package("<w:tbl>" + row * rows + "</w:tbl>")
        lines = 0

        def trace(frame: Any, event: str, arg: object) -> Any:
            nonlocal lines
            if frame.f_code.co_filename != source:
                return None
            if event == "line":
                lines += 1
            return trace

        sys.settrace(trace)
        try:
            read_docx(package)
        finally:
            sys.settrace(None)
        return lines

    assert work(600) < 2.2 * work(300)


def test_a_symbol_naming_a_control_character_is_unreadable_and_marks_nothing() -> None:
    # A w:sym naming U+0001…U+001F shows no character; read as the control, it also
    # spelled the marks the reader puts around white text in a cell while reading it.
    sym = "<w:r><w:sym w:font='Arial' w:char='{}'/></w:r>"
    cells = [
        _run("12") + sym.format("0001"),
        _coloured("9") + sym.format("0002") + _run("125"),
    ]
    raw = read_docx(_package(_value_table(cells)))
    assert [row[1].text for row in raw.tables()[0].rows] == ["12\ufffd", "\ufffd125"]


def test_a_table_in_a_text_box_in_a_data_cell_is_read_after_the_table() -> None:
    # The cell was doubted with "read as a table of its own after this one", but only
    # tables standing in the cell itself were read: one in a text box was lost.
    inner = (
        "<w:tbl>" + "".join(f"<w:tr>{_tc(_p('x'))}{_tc(_p(n))}</w:tr>" for n in "78") + "</w:tbl>"
    )
    content = f"<w:txbxContent>{_p('框')}{inner}</w:txbxContent>"
    box = (
        "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing>"
        f"<wps:txbx>{content}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f"<v:textbox>{content}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )
    package = _package(
        _value_table(["<w:r><w:t>1</w:t></w:r>", box, "<w:r><w:t>3</w:t></w:r>", ""])
    )
    document = read_docx(package)
    data, after = document.tables()
    assert [row[1].text for row in data.rows] == ["1", "\n框", "3", ""]
    assert [[c.text for c in row] for row in after.rows] == [["x", "7"], ["x", "8"]]
    part = etree.fromstring(zipfile.ZipFile(io.BytesIO(package)).read("word/document.xml"))
    prefixes = {"w": part.nsmap["w"], "mc": part.nsmap["mc"]}
    (element,) = part.xpath(after.location.path, namespaces=prefixes)
    assert "".join(element.itertext()) == "x7x8"
    codes = [code for code, _, _ in document.notes]
    assert "repair.docx-nested-table" in codes and "doubt.docx-table-in-cell" not in codes


def test_a_short_table_with_a_framed_value_is_a_table() -> None:
    # A table of three rows or fewer holding tables is a layout table, read as its
    # contents; a frame of one cell round a value is no table in it, so a small table
    # (a contact table) whose value is framed came out as paragraphs.
    frame = "<w:tbl><w:tr>" + _tc(_p("0591-12345678")) + "</w:tr></w:tbl>" + _p()
    table = (
        "<w:tbl>"
        f"<w:tr>{_tc(_p('联系电话'))}{_tc(frame)}</w:tr>"
        f"<w:tr>{_tc(_p('电子邮箱'))}{_tc(_p('a@b.cn'))}</w:tr>"
        "</w:tbl>"
    )
    document = read_docx(_package(table))
    (read,) = document.tables()
    assert [[c.text for c in row] for row in read.rows] == [
        ["联系电话", "0591-12345678\n"],
        ["电子邮箱", "a@b.cn"],
    ]
    assert not _paragraphs(document)
    assert not [code for code, _, _ in document.notes if code == "repair.docx-layout-table"]


def test_a_superscript_that_is_the_whole_cell_is_its_text() -> None:
    # A footnote mark marks text beside it: a cell holding nothing but a superscript run
    # shows that text, raised, and it is the value (it read blank, doubted).
    sup = "<w:rPr><w:vertAlign w:val='superscript'/></w:rPr>"
    cells = [
        f"<w:r>{sup}<w:t>101</w:t></w:r>",
        _run("5") + f"<w:r>{sup}<w:t>1</w:t></w:r>",
        "<w:r><w:rPr><w:position w:val='6'/></w:rPr><w:t>7</w:t></w:r>",
    ]
    document = read_docx(_package(_value_table(cells)))
    assert [row[1].text for row in document.tables()[0].rows] == ["101", "5", "7"]
    doubts = [w for code, _, w in document.notes if code == "doubt.docx-superscript"]
    assert [(w.row, w.column) for w in doubts if w is not None] == [(1, 1)]


def test_white_text_on_a_shaded_cell_paragraph_or_table_is_read() -> None:
    # On a dark fill Word shows white text, and text in the automatic colour white too:
    # "1" in white then "01" in auto on a navy cell shows 101, which was read 1.
    white_then_auto = _coloured("1") + _coloured("01", "<w:color w:val='auto'/>")
    navy = "<w:shd w:val='clear' w:color='auto' w:fill='1F3864'/>"

    def table(tc_props: str = "", p_props: str = "", tbl_props: str = "") -> str:
        cell = f"<w:tc><w:tcPr>{tc_props}</w:tcPr><w:p><w:pPr>{p_props}</w:pPr>"
        cell += f"{white_then_auto}</w:p></w:tc>"
        return f"<w:tbl><w:tblPr>{tbl_props}</w:tblPr><w:tr>{_tc(_p('甲'))}{cell}</w:tr></w:tbl>"

    shaded = [
        table(tc_props=navy),
        table(p_props=navy),
        table(tbl_props=navy),
        table(tc_props="<w:shd w:val='clear' w:themeFill='text2'/>"),
        table(tc_props="<w:shd w:val='solid' w:color='000000' w:fill='auto'/>"),
        # A pattern in the automatic colour is drawn black: "50%" over no fill is grey,
        # and the white "1" on it was left out (26 for 126).
        table(tc_props="<w:shd w:val='pct50' w:color='auto' w:fill='auto'/>"),
        table(tc_props="<w:shd w:val='solid'/>"),
        table(tc_props="<w:shd w:val='diagStripe' w:color='C00000' w:fill='FFFFFF'/>"),
    ]
    for xml in shaded:
        document = read_docx(_package(xml))
        assert document.tables()[0].rows[0][1].text == "101", xml
        assert not _white_notes(document)
    # A white fill, or a pattern in white over it, is no ground: the white "1" is
    # whited out.
    for props in (
        "<w:shd w:val='clear' w:color='auto' w:fill='FFFFFF'/>",
        "<w:shd w:val='pct50' w:color='FFFFFF' w:fill='auto'/>",
        "<w:shd w:val='nil'/>",
    ):
        document = read_docx(_package(table(tc_props=props)))
        assert document.tables()[0].rows[0][1].text == "01", props
        assert len(_white_notes(document)) == 1
