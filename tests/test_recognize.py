"""The recognizer on small hand-made reports: rows by label, doubts said, never guessed."""

from __future__ import annotations

import json
from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import Cell, CellKind, Severity
from govinfo_report._ir import TableCell
from govinfo_report._location import Location
from govinfo_report._recognize import _TableReader
from govinfo_report._values import read_value
from govinfo_report.synth import consistent_example
from govinfo_report.synth.text import render_text

HEAD = "松岭县交通运输局2024年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n"


def test_table_four_printed_as_labelled_rows() -> None:
    text = HEAD + (
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
        "行政复议\t1\t0\t0\t0\t1\n"
        "未经复议直接起诉\t0\t0\t0\t0\t0\n"
        "复议后起诉\t0\t0\t0\t1\t1\n"
    )
    report = govinfo_report.parse(text)
    assert report.to_dict()["review_litigation"] == {
        "review": [1, 0, 0, 0, 1],
        "litigation_direct": [0, 0, 0, 0, 0],
        "litigation_after_review": [0, 0, 0, 1, 1],
    }


def test_a_blank_row_read_for_table_four_beside_numbers_is_doubted() -> None:
    # A browser's copy of a Word page: the values row broken over lines (a cell's <p>),
    # then Word's column-width row as a line of tabs. The tab line was read as the
    # values: fifteen blanks, not doubted, where the table printed 1 to 15.
    header = (
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "行政复议\t行政诉讼\n"
        "\t\t\t\t\t未经复议直接起诉\t复议后起诉\n"
        + "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3)
        + "\n"
    )
    broken = "1\t2\t\n\n3\n\n\t" + "\t".join(str(i) for i in range(4, 16)) + "\n"
    report = govinfo_report.parse(HEAD + header + broken + "\t" * 14 + "\n")
    cells = [
        cell
        for row in ("review", "litigation_direct")
        for cell in report.review_litigation.row(row)
    ]
    assert all(cell.kind is CellKind.BLANK and cell.doubtful for cell in cells)
    # A table blank throughout (the official template) is read blank, and not doubted.
    blank = govinfo_report.parse(HEAD + header + "\t" * 14 + "\n")
    assert not any(cell.doubtful for cell in blank.review_litigation.cells())


@pytest.mark.parametrize(
    ("lines", "value", "doubtful"),
    [
        # A cell's paragraphs joined by a script ("　", "", "37"): one value.
        ("行政许可\t\u3000\n\n37\n", 37, False),
        ("行政许可\t\u3000\n37\n", 37, False),
        # After an empty cell the number may be a page number or the value: doubted.
        ("行政许可\t\n\n37\n", None, True),
    ],
)
def test_a_number_on_a_line_under_a_row_s_last_cell(
    lines: str, value: int | None, doubtful: bool
) -> None:
    # Read as a page number and dropped, the value was lost: the cell read blank and was
    # not doubted.
    text = HEAD + (
        "二、主动公开政府信息情况\n"
        "第二十条第（五）项\n"
        "信息内容\t本年处理决定数量\n" + lines + "行政处罚\t5\n"
    )
    (cell,) = govinfo_report.parse(text).active.row("licensing")
    assert (cell.value, cell.doubtful) == (value, doubtful)


def test_glued_and_short_rows_are_missing_with_an_error_not_guessed() -> None:
    text = HEAD + (
        "二、主动公开政府信息情况\n"
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        "规章\t6051\n"
        "行政规范性文件\t2\t1\n"
        "行政许可\t5\n"
    )
    report = govinfo_report.parse(text)
    for row in ("regulations", "normative_documents"):
        assert {cell.kind for cell in report.active.row(row)} == {CellKind.MISSING}
    assert report.active.cell("licensing", "decisions").value == 5
    messages = [d.message for d in report.diagnostics if d.code == "doubt.row-values"]
    assert any("glued" in m and "regulations" in m for m in messages)
    assert any("found 2" in m and "normative_documents" in m for m in messages)
    assert all(
        d.severity is Severity.ERROR for d in report.diagnostics if d.code == "doubt.row-values"
    )


def test_ambiguous_blank_placement_is_flagged() -> None:
    text = HEAD + (
        "二、主动公开政府信息情况\n"
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        "规章\t\t0\t\t\n"
    )
    cells = govinfo_report.parse(text).active.row("regulations")
    assert all(cell.doubtful for cell in cells)


# A web page printed to PDF, or flattened by a crawler, before its report: the site's
# banner, search box, menu (with an entry naming the report kind), breadcrumb and the
# fields of the article's header.
_SITE_CHROME = (
    "青禾镇人民政府门户网站",
    "请输入关键字 搜索",
    "首页",
    "政务公开",
    "政府信息公开年度报告",
    "政务服务",
    "互动交流",
    "走进青禾镇",
    "当前位置：首页 > 政务公开 > 政府信息公开 > 政府信息公开年报",
)


def test_the_title_is_found_after_a_web_page_s_chrome() -> None:
    report = consistent_example("青禾镇人民政府", 2024)
    title, *rest = render_text(report).lstrip("\n").split("\n")
    lines = [
        *_SITE_CHROME,
        title,
        "发布时间：2025-01-20  来源：青禾镇人民政府  字号：大 中 小",
        *rest,
    ]
    parsed = govinfo_report.parse("\n".join(lines))
    assert parsed.metadata.title == "青禾镇人民政府2024年政府信息公开工作年度报告"
    assert parsed.metadata.organization == "青禾镇人民政府"
    assert parsed.metadata.year == 2024
    assert not [d for d in parsed.diagnostics if d.code.startswith("missing.")]


def test_a_breadcrumb_is_not_taken_for_the_start_of_a_title() -> None:
    # Within the first lines, a breadcrumb naming 信息公开 once began a title cut over lines.
    text = (
        "当前位置：首页 > 政务公开 > 政府信息公开年报\n"
        "阎村镇人民政府政府信息公开工作年度报告\n" + HEAD.split("\n", 1)[1]
    )
    parsed = govinfo_report.parse(text)
    assert parsed.metadata.title == "阎村镇人民政府政府信息公开工作年度报告"
    assert parsed.metadata.organization == "阎村镇人民政府"


def test_a_title_cut_over_lines_after_a_menu_and_a_signature_before_a_footer() -> None:
    # A web page printed to PDF: the menu first, the title over two lines past the first
    # eight paragraphs, the site's footer after the signature. A menu entry naming the
    # report kind ("政府信息公开年度报告") is not taken for the title.
    report = consistent_example("青禾镇人民政府", 2024)
    lines = render_text(report).lstrip("\n").split("\n")
    title, rest = lines[0], lines[1:]
    assert title == "青禾镇人民政府2024年政府信息公开工作年度报告"
    page = [
        *_SITE_CHROME,
        "青禾镇人民政府2024年政府信息公开工作",
        "年度报告",
        *rest,
        "联系我们 | 网站地图",
        "版权所有：青禾镇人民政府 主办：青禾镇人民政府办公室",
        "豫ICP备43430103号 网站标识码：9971308976",
    ]
    parsed = govinfo_report.parse("\n".join(page))
    assert parsed.metadata.title == title
    assert parsed.metadata.organization == "青禾镇人民政府"
    assert parsed.metadata.published == report.published


def test_values_in_a_row_that_a_row_s_label_spans_make_its_values_doubtful() -> None:
    """The values read for a row are those beside its label. When the label spans a table
    row below that holds values (a ruling drawn across the row's value cells, as
    wkhtmltopdf may leave at a page break), the row was read as its blanks beside the
    label, silently; it is now doubted. Without a label spanning it, the row below is one
    of values beside no label, which doubts the blank row above for another reason."""

    def page(rowspan: int) -> str:
        label = f'<td rowspan="{rowspan}">规章</td>' if rowspan > 1 else "<td>规章</td>"
        return (
            "<html><body><h1>松岭县交通运输局2024年政府信息公开工作年度报告</h1>"
            "<p>一、总体情况</p><p>本年度依法公开政府信息。</p>"
            "<p>二、主动公开政府信息情况</p><table>"
            "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
            f"<tr>{label}<td></td><td></td><td></td></tr>"
            "<tr><td>3</td><td>1</td><td>5</td></tr>"
            "<tr><td>行政规范性文件</td><td>2</td><td>0</td><td>7</td></tr>"
            "</table></body></html>"
        )

    spanned = govinfo_report.parse(page(2))
    assert all(cell.doubtful for cell in spanned.active.row("regulations"))
    messages = [d.message for d in spanned.diagnostics if d.code == "doubt.row-values"]
    assert any("regulations" in m and "spans 2 table rows" in m for m in messages)
    assert not any(cell.doubtful for cell in spanned.active.row("normative_documents"))
    plain = govinfo_report.parse(page(1))
    messages = [d.message for d in plain.diagnostics if d.code == "doubt.row-values"]
    assert not any("spans" in m for m in messages)
    assert any("regulations" in m and "beside no label" in m for m in messages)


def _active_page(rows: str) -> str:
    return (
        "<html><body><h1>松岭县交通运输局2024年政府信息公开工作年度报告</h1>"
        "<p>一、总体情况</p><p>本年度依法公开政府信息。</p>"
        "<p>二、主动公开政府信息情况</p><table>"
        "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
        f"{rows}"
        "<tr><td>行政规范性文件</td><td>2</td><td>0</td><td>7</td></tr>"
        "</table></body></html>"
    )


def test_values_beside_no_label_are_said_and_doubt_the_blank_row_above() -> None:
    """A row cut by a page break and not rejoined (wkhtmltopdf on A6 paper draws the
    label's first line with the row's values hidden on one page, and its last character
    "量" with the values on the next) leaves values beside no label of the format. They
    were dropped with no word, and the row above read as blanks, silently."""
    cut = govinfo_report.parse(
        _active_page(
            "<tr><td>规章</td><td></td><td></td><td></td></tr>"
            "<tr><td>章</td><td>3</td><td>1</td><td>5</td></tr>"
        )
    )
    (orphan,) = [d for d in cut.diagnostics if d.code == "doubt.unlabelled-values"]
    assert "'章 | 3 | 1 | 5'" in orphan.message and orphan.location is not None
    assert orphan.location.path is not None and orphan.location.path.endswith("tr[3]/td[1]")
    assert all(cell.doubtful for cell in cut.active.row("regulations"))
    assert not any(cell.doubtful for cell in cut.active.row("normative_documents"))
    blank = "<tr><td>规章</td><td></td><td></td><td></td></tr>"
    values = "<tr><td></td><td>3</td><td>1</td><td>5</td></tr>"
    cases = {
        # Beside a row with values of its own: the values below are said, the row is sure.
        "full row above": ("<tr><td>规章</td><td>4</td><td>0</td><td>9</td></tr>" + values, 1),
        # A heading row between them: the values are not the blank row's.
        "heading between": (blank + "<tr><td>（以下为往年数据）</td></tr>" + values, 1),
        # One number beside no label (a footnote mark) is no row of values.
        "one number": (blank + "<tr><td></td><td>3</td></tr>", 0),
    }
    for name, (rows, said) in cases.items():
        report = govinfo_report.parse(_active_page(rows))
        codes = [d.code for d in report.diagnostics]
        assert codes.count("doubt.unlabelled-values") == said, name
        assert not any(cell.doubtful for cell in report.active.row("regulations")), name


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["", " ", "\u3000", "0", "7", "/"]), min_size=1, max_size=14),
    st.integers(1, 8),
    st.one_of(st.none(), st.integers(0, 8)),
)
def test_fitting_values_to_a_row_leaves_out_only_blank_cells(
    texts: list[str], n: int, preferred: int | None
) -> None:
    # The placements of n values among a row's cells are the windows outside which
    # every cell is blank; they are found from the first and last filled cells, as a
    # row can have thousands of cells. Against the definition, cell by cell.
    base = Location(carrier="text")
    values = [TableCell(text, 0, i, base) for i, text in enumerate(texts)]
    chosen, doubt, offset = _TableReader._fit(values, n, preferred)
    if len(values) <= n:
        assert chosen is (values if len(values) == n else None)
        return
    blank = [not text.strip(" \t\u3000\xa0\n") for text in texts]
    fits = [
        o
        for o in range(len(values) - n + 1)
        if all(blank[i] for i in range(len(values)) if not o <= i < o + n)
    ]
    if not fits:
        assert chosen is None and doubt is not None
        return
    assert chosen is not None
    start = values.index(chosen[0])
    assert start in fits and len(chosen) == n
    windows = {tuple(text.strip() for text in texts[o : o + n]) for o in fits}
    assert (doubt is None) == (len(windows) == 1)
    assert offset == (fits[0] if len(fits) == 1 else None)
    if len(windows) > 1 and preferred in fits:
        assert start == preferred


def test_a_row_of_thousands_of_blank_cells_is_read() -> None:
    # A label, its values, then 20,000 blank cells (a crawled page's broken row): the
    # values are read. (Trying every placement against every cell, as the recognizer
    # did, took minutes on this row.)
    text = render_text(consistent_example("青禾镇人民政府", 2024), layout="rows")
    line = next(line for line in text.split("\n") if line.startswith("行政许可\t"))
    report = govinfo_report.parse(text.replace(line, line + "\t" * 20_000, 1))
    (cell,) = report.active.row("licensing")
    (plain,) = govinfo_report.parse(text).active.row("licensing")
    assert (cell.kind, cell.value) == (CellKind.NUMBER, plain.value)


def _licensing_read_from(figure: str) -> tuple[govinfo_report.Report, Cell]:
    """A synthetic report whose 行政许可 value is printed as ``figure``, and that cell."""
    text = render_text(consistent_example("青禾镇人民政府", 2024), layout="rows")
    line = next(line for line in text.split("\n") if line.startswith("行政许可\t"))
    report = govinfo_report.parse(text.replace(line, f"行政许可\t{figure}\t\t", 1))
    (cell,) = report.active.row("licensing")
    return report, cell


def test_a_number_too_long_to_be_a_value_is_unreadable_not_read() -> None:
    # Figures run together or damage: flagged, not read, and the report still prints
    # (Python cannot print an integer of over 4,300 digits, so json.dumps failed on it).
    for figure, kind in (
        ("9" * 5000, CellKind.UNREADABLE),
        ("1" * 16, CellKind.UNREADABLE),
        ("1" * 15, CellKind.NUMBER),
    ):
        report, cell = _licensing_read_from(figure)
        assert cell.kind is kind
        json.dumps(report.to_dict(), default=str)


def test_a_footnote_mark_typed_after_a_value_is_not_read_as_its_digit() -> None:
    # NFKC turns "①" and "¹" into digits: "37①" was read 371, silently. A value holding
    # a superscript, subscript or enclosed number is unreadable, and said so.
    for figure in ("37①", "37¹", "3⁷", "37㉑"):
        report, cell = _licensing_read_from(figure)
        assert (cell.kind, cell.value, cell.raw) == (CellKind.UNREADABLE, None, figure)
        warnings = [d for d in report.diagnostics if d.code == "doubt.unreadable"]
        assert len(warnings) == 1 and "footnote mark" in warnings[0].message
    # Full-width digits are digits.
    _, cell = _licensing_read_from("３７")
    assert (cell.kind, cell.value) == (CellKind.NUMBER, 37)


def test_a_fraction_in_a_count_column_is_unreadable_and_said() -> None:
    # "1.5" in a 件 column was read as Decimal("1.5") with no doubt; docs/model.md says
    # a count is an int. "3.0" is the whole number 3, read with a note.
    for figure in ("1.5", "１．５"):
        report, cell = _licensing_read_from(figure)
        assert (cell.kind, cell.value) == (CellKind.UNREADABLE, None)
        (warning,) = [d for d in report.diagnostics if d.code == "doubt.unreadable"]
        assert "a fraction in a column of whole numbers" in warning.message
    report, cell = _licensing_read_from("3.0")
    assert (cell.kind, cell.value, type(cell.value)) == (CellKind.NUMBER, 3, int)
    assert any(
        d.code == "repair.value" and "fraction of zeros" in d.message for d in report.diagnostics
    )


def test_digits_of_other_scripts_are_unreadable_not_read() -> None:
    # Python reads "١٢" (Arabic-Indic) and "१२" (Devanagari) as 12: in a Chinese report
    # they are damage, and were read as numbers without a word.
    for figure in ("١٢", "१२", "١٢件"):
        report, cell = _licensing_read_from(figure)
        assert (cell.kind, cell.value, cell.raw) == (CellKind.UNREADABLE, None, figure)
        assert any(d.code == "doubt.unreadable" for d in report.diagnostics)


def test_a_value_whose_digits_stand_on_several_lines_is_read_but_doubted() -> None:
    # A page number right under a cell's value ("9", then "3") was joined to it: 93,
    # silently. Digits on separate lines may be one wrapped number or two things run
    # together: the joined number is read and flagged. One value split from its padding
    # by an empty paragraph ("　", "", "0") is one line of digits, and sure.
    text = render_text(consistent_example("青禾镇人民政府", 2024), layout="cells")
    lines = text.split("\n")
    at = lines.index("\t行政许可") + 1
    value = lines[at].strip()
    plain = govinfo_report.parse(text)
    (cell,) = plain.active.row("licensing")
    assert (cell.value, cell.doubtful) == (int(value), False)
    glued = govinfo_report.parse("\n".join([*lines[: at + 1], "3", *lines[at + 1 :]]))
    (cell,) = glued.active.row("licensing")
    assert (cell.value, cell.doubtful, cell.raw) == (int(value + "3"), True, f"{value}\n3")
    (warning,) = [d for d in glued.diagnostics if d.code == "doubt.value-apart"]
    assert warning.severity is Severity.WARNING and "2 runs" in warning.message
    padded = govinfo_report.parse("\n".join([*lines[:at], "\t\u3000", "", value, *lines[at + 1 :]]))
    (cell,) = padded.active.row("licensing")
    assert (cell.value, cell.doubtful) == (int(value), False)
    assert not [d for d in padded.diagnostics if d.code == "doubt.value-apart"]


def test_characters_that_show_nothing_are_no_part_of_a_value() -> None:
    # A zero-width space, a soft hyphen or a byte order mark beside a number made it
    # unreadable, though the page shows the number; a visible minus sign still does.
    for figure in ("3\u200b7", "37\u00ad", "\ufeff37", "\u200d37\u2060"):
        _, cell = _licensing_read_from(figure)
        assert (cell.kind, cell.value, cell.raw) == (CellKind.NUMBER, 37, figure)
    _, cell = _licensing_read_from("\u221237")
    assert cell.kind is CellKind.UNREADABLE


def test_table_four_is_read_from_its_row_of_values_not_a_blank_row_above() -> None:
    # A spare row of empty cells (or a deleted one left in) above table 四's values was
    # taken for its values: all fifteen read blank, silently.
    text = render_text(consistent_example("青禾镇人民政府", 2024), layout="rows")
    lines = text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.count("\t") == 14 and line[:1].isdigit())
    values = lines[at].split("\t")
    plain = govinfo_report.parse(text).review_litigation
    spare = govinfo_report.parse("\n".join([*lines[:at], "\t" * 14, *lines[at:]]))
    read = [(c.kind, c.value, c.doubtful) for _, row in spare.review_litigation.rows for c in row]
    assert read == [(c.kind, c.value, False) for _, row in plain.rows for c in row]
    assert [c.value for _, row in plain.rows for c in row] == [int(v) for v in values]
    # Two rows of values: the first is read, and doubted.
    other = "\t".join(str(int(v) + 1) for v in values)
    twice = govinfo_report.parse("\n".join([*lines[: at + 1], other, *lines[at + 1 :]]))
    cells = [c for _, row in twice.review_litigation.rows for c in row]
    assert [c.value for c in cells] == [int(v) for v in values]
    assert all(c.doubtful for c in cells)
    assert any("2 rows of the table hold values" in d.message for d in twice.diagnostics)


def test_digits_split_by_a_space_are_doubted_but_a_unit_after_a_space_is_not() -> None:
    # Word's list number before a value ("1." then a tab, then 150) read 1.150, silently.
    # In a count column 1.150 is no count: unreadable, and said; in an amount, doubted.
    report, cell = _licensing_read_from("1. 150")
    assert (cell.kind, cell.value) == (CellKind.UNREADABLE, None)
    assert any(d.code == "doubt.unreadable" and "'1. 150'" in d.message for d in report.diagnostics)
    assert read_value("1. 150", "amount", "万元")[::3] == (CellKind.NUMBER, True)
    _, cell = _licensing_read_from("12 件")
    assert (cell.value, cell.doubtful) == (12, False)
    _, cell = _licensing_read_from("\u3000\u300012\xa0")
    assert (cell.value, cell.doubtful) == (12, False)


def _rows_text() -> str:
    return render_text(consistent_example("青禾镇人民政府", 2024), layout="rows")


def test_a_first_sub_row_whose_label_is_not_recognized_keeps_the_split_printing() -> None:
    # The group label （六）其他处理 stands in its first sub-row's row; with that sub-row's
    # label unrecognized, the table was taken for the one-row printing, and two rows read
    # right were dropped with it.
    text = _rows_text()
    line = next(line for line in text.split("\n") if "1.申请人无正当理由逾期不补正" in line)
    cells = line.split("\t")
    cells[2], cells[3:] = "1.逾期不补正（不再处理）", ["1", "2", "0", "0", "0", "0", "3"]
    report = govinfo_report.parse(text.replace(line, "\t".join(cells), 1))
    table = report.applications
    assert table.variant == "split"
    (*_, total) = table.row("other_overdue_correction")
    assert (total.value, total.doubtful) == (3, True)
    assert all(not c.doubtful for c in table.row("other_overdue_fee"))
    assert any("its label was not recognized" in d.message for d in report.diagnostics)


def _label_cut_over_two_rows() -> tuple[str, list[str]]:
    """A report whose 一、本年新收… row is cut over two rows: "一、" and the values, then the
    label's words beside blank cells; and the values."""
    text = _rows_text()
    line = next(line for line in text.split("\n") if line.startswith("一、本年新收"))
    _, *values = line.split("\t")
    cut = "\n".join(
        ["一、\t" + "\t".join(values), "本年新收政府信息公开申请数量" + "\t" * len(values)]
    )
    return text.replace(line, cut, 1), values


def test_values_in_the_upper_row_of_a_label_cut_over_two_rows_are_its_own() -> None:
    # "一、" with the values, then the label's words on the next row beside blank cells:
    # the row was read blank, silently.
    text, values = _label_cut_over_two_rows()
    report = govinfo_report.parse(text)
    cells = report.applications.row("new_received")
    assert [c.value for c in cells] == [int(v) for v in values if v]
    assert all(c.doubtful for c in cells)
    assert not any(d.code == "doubt.unlabelled-values" for d in report.diagnostics)


@pytest.mark.parametrize("label", ["本年收费金额（单位：元）", "本年收费金额(元)"])
def test_fees_printed_in_yuan_are_read_in_wan_yuan_and_doubted(label: str) -> None:
    text = _rows_text().replace("本年收费金额（单位：万元）", label, 1)
    text = text.replace("行政事业性收费\t0", "行政事业性收费\t251000", 1)
    report = govinfo_report.parse(text)
    (fees,) = report.active.row("fees")
    assert (fees.value, fees.raw, fees.doubtful) == (Decimal("25.1"), "251000", True)
    (warning,) = [d for d in report.diagnostics if d.code == "doubt.unit"]
    assert "251000 read as 25.1" in warning.message
    plain = govinfo_report.parse(
        _rows_text().replace("行政事业性收费\t0", "行政事业性收费\t25.1", 1)
    )
    (fees,) = plain.active.row("fees")
    assert (fees.value, fees.doubtful) == (Decimal("25.1"), False)


def test_values_above_a_label_cut_over_two_tables_are_its_own() -> None:
    # A page break may leave a table in two blocks (a PDF whose fragments could not be
    # joined): the row's upper part, "一、" and the values, ends one; the label's words
    # beside blanks start the next.
    from govinfo_report._ir import Table
    from govinfo_report._recognize import recognize
    from govinfo_report.readers.text import read_text

    text, values = _label_cut_over_two_rows()
    document = read_text(text)
    blocks: list[object] = []
    for block in document.blocks:
        at = next(
            (r for r, row in enumerate(getattr(block, "rows", ())) if row[0].text == "一、"), None
        )
        if isinstance(block, Table) and at is not None:
            blocks += [
                Table(rows=block.rows[: at + 1], location=block.location),
                Table(rows=block.rows[at + 1 :], location=block.location),
            ]
        else:
            blocks.append(block)
    report = recognize(attrs.evolve(document, blocks=tuple(blocks)))
    cells = report.applications.row("new_received")
    assert [c.value for c in cells] == [int(v) for v in values if v]
    assert all(c.doubtful for c in cells)


@pytest.mark.parametrize("layout", ["rows", "cells"])
def test_tables_gathered_at_the_end_are_cut_apart_by_their_labels(layout: str) -> None:
    # The three tables printed after section 六 with only blank lines between are one
    # table region in a flattened text: tables 二 and 四 were lost as "missing".
    text = render_text(consistent_example("青禾镇人民政府", 2024), layout=layout)  # type: ignore[arg-type]
    prose: list[str] = []
    tables: list[list[str]] = []
    table: list[str] | None = None
    for line in text.split("\n"):
        if "\t" in line:
            if table is None:
                table = []
                tables.append(table)
            table.append(line)
        elif table is None or line.strip():
            table = None
            prose.append(line)
        else:
            table.append(line)  # a blank line inside a table region stays there
    assert len(tables) >= 3
    gathered = "\n".join(prose) + "\n\n" + "\n\n\n".join("\n".join(t) for t in tables) + "\n"
    expected = govinfo_report.parse(text).to_dict()
    report = govinfo_report.parse(gathered)
    got = report.to_dict()
    for key in ("active", "applications", "review_litigation"):
        assert got[key] == expected[key], key
    assert any(d.code == "repair.tables-joined" for d in report.diagnostics)


@pytest.mark.parametrize("trim", ["the rows", "every line"])
def test_a_row_whose_line_lost_its_trailing_blank_cells_keeps_its_values_in_place(
    trim: str,
) -> None:
    # One row per line, the last value blank and the line trimmed of its trailing tabs
    # (editors and crawlers trim lines): the label's padding cell was taken for a blank
    # first value, every value moved a column right and the total took the last one,
    # silently; rows without padding, table 二's and table 四's line were not read at all.
    # The row's neighbours show its padding, and only blank cells go with trailing tabs.
    base = consistent_example("青禾镇人民政府", 2024)
    count = iter(range(101, 1000))
    values = {
        table: {row: tuple(next(count) for _ in cells) for row, cells in rows.items()}
        for table, rows in base.values.items()
    }
    blanked = {("applications", "new_received"), ("applications", "granted"),
               ("active", "regulations"), ("review_litigation", "litigation_direct")}  # fmt: skip
    for table, row in blanked:
        values[table][row] = (*values[table][row][:-1], None)
    report = attrs.evolve(base, values=values)
    lines = render_text(report, layout="rows").split("\n")
    endings = (
        "本年新收政府信息公开申请数量",
        "予以公开",
        "规章",
        "\t".join(map(str, values["review_litigation"]["review"])),
    )
    lines = [
        line.rstrip("\t") if trim == "every line" or any(e in line for e in endings) else line
        for line in lines
    ]
    parsed = govinfo_report.parse("\n".join(lines))
    expected = report.expected()
    got = parsed.to_dict()
    for table in ("active", "applications", "review_litigation"):
        assert got[table] == expected[table], table
    doubted = {(c.table, c.row) for c in parsed.cells() if c.doubtful}
    assert {(t, r) for t, r in blanked if t != "review_litigation"} <= doubted


@pytest.mark.parametrize("carrier", ["docx", "pdf"])
def test_a_long_body_name_on_its_own_title_line_is_part_of_the_title(carrier: str) -> None:
    # The line before "2023年政府信息公开工作年度报告" was taken into the title only when
    # 30 characters or fewer: a 33-character body was left out of the title, and out of
    # the report when it signed nowhere. A longer line is taken when it names a body.
    from govinfo_report.synth.docx import DocxNoise, render_docx
    from govinfo_report.synth.pdf import PdfNoise, render_pdf

    body = "云溪省云溪市东城区高新技术产业开发区管理委员会社会事务管理服务中心"
    report = attrs.evolve(consistent_example(body, 2023), published=None)
    data = (
        render_docx(report, noise=DocxNoise(title_split=True))
        if carrier == "docx"
        else render_pdf(report, noise=PdfNoise(title_split=True))
    )
    parsed = govinfo_report.parse(data)
    assert parsed.metadata.title == f"{body}2023年政府信息公开工作年度报告"
    assert parsed.metadata.organization == body
