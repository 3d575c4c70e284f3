"""The PDF reader: the corpus PDFs to their labels, drawn tables to their grids, hostile files."""

from __future__ import annotations

import io
import re
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
import pytest
from pdfminer.pdftypes import PDFStream
from pdfminer.psparser import PSLiteralTable
from reportlab.lib.colors import CMYKColor, CMYKColorSep
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

import govinfo_report
from govinfo_report import CellKind, ReportError
from govinfo_report._ir import Document, Paragraph, Table
from govinfo_report._location import Location
from govinfo_report._recognize import recognize
from govinfo_report.readers._pdf import _load, _text
from govinfo_report.readers._pdf._decor import find_decorations
from govinfo_report.readers._pdf._grid import Ruling, build_grid, connected_tables
from govinfo_report.readers.pdf import _Reader, read_pdf
from govinfo_report.synth import consistent_example
from govinfo_report.synth.pdf import render_pdf
from tests.shared import SHARED, parse_corpus_file, shared_dir

CORPUS = sorted((SHARED / "corpus").glob("seed*.pdf")) if (SHARED / "corpus").is_dir() else []

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

WIDTH, HEIGHT = A4
SIZE = 10.0
PAD = 3.0


# -- drawing helpers ------------------------------------------------------------------


def _pdf(*pages: Callable[[Canvas], None], **options: object) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, **options)  # type: ignore[arg-type]
    for draw in pages:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# A cell: (row, column, rowspan, colspan, lines of text).
_Cell = tuple[int, int, int, int, Sequence[str]]


def _table(
    canvas: Canvas,
    left: float,
    top: float,
    widths: Sequence[float],
    heights: Sequence[float],
    cells: Sequence[_Cell],
) -> None:
    """Draw a ruled table: each cell strokes its four sides and prints its lines top-aligned."""
    xs = [left]
    for w in widths:
        xs.append(xs[-1] + w)
    ys = [top]
    for h in heights:
        ys.append(ys[-1] - h)
    canvas.setLineWidth(0.5)
    for row, column, rowspan, colspan, lines in cells:
        x0, x1 = xs[column], xs[column + colspan]
        y1, y0 = ys[row], ys[row + rowspan]
        for a, b, c, d in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
            canvas.line(a, b, c, d)
        canvas.setFont(FONT, SIZE)
        for i, line in enumerate(lines):
            canvas.drawString(x0 + PAD, y1 - PAD - (i + 1) * SIZE * 1.15, line)


def _lines(canvas: Canvas, left: float, top: float, lines: Sequence[str], size: float = 12) -> None:
    canvas.setFont(FONT, size)
    for i, line in enumerate(lines):
        canvas.drawString(left, top - i * size * 1.6, line)


def _text_of(table: Table) -> list[list[tuple[int, int, int, str]]]:
    """Rows of (column, rowspan, colspan, text)."""
    return [[(c.column, c.rowspan, c.colspan, c.text) for c in row] for row in table.rows]


# -- the corpus -----------------------------------------------------------------------


def test_corpus_folder_is_found() -> None:
    folder = shared_dir("corpus")
    assert len(list(folder.glob("seed*.pdf"))) == 5, "expected the five corpus PDFs"


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_pdf_matches_its_seed_label(path: Path) -> None:
    report = parse_corpus_file(path, "pdf")
    # Every value cell of table 三 says where it is: page, box, table, row, column.
    for cell in report.applications.cells():
        assert cell.location is not None
        assert cell.location.carrier == "pdf" and cell.location.page is not None
        assert cell.location.bbox is not None and cell.location.column is not None


def _corpus(name: str) -> Path:
    path = shared_dir("corpus") / name
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return path


def test_corpus_blank_total_row_is_blank_not_zero() -> None:
    report = govinfo_report.parse(_corpus("seed002.pdf"))
    total = report.applications.row("total_processed")
    assert [c.kind for c in total] == [CellKind.BLANK] * 7
    assert report.active.cell("fees", "amount").kind is CellKind.BLANK


def test_corpus_header_row_cut_by_the_page_break_is_rejoined() -> None:
    document = read_pdf(_corpus("seed000.pdf").read_bytes())
    texts = {
        cell.text
        for block in document.blocks
        if isinstance(block, Table)
        for row in block.rows
        for cell in row
    }
    # "自然" ends page 2 and "人" opens page 3; the pieces are one cell again.
    assert {"自然人", "商业企业", "社会公益组织"} <= texts
    assert not {"自然", "人", "商业", "企业"} & texts
    assert any(code == "repair.pdf-cut-row" for code, _, _ in document.notes)


def test_corpus_repeated_header_rows_are_dropped() -> None:
    document = read_pdf(_corpus("seed003.pdf").read_bytes())
    tables = [b for b in document.blocks if isinstance(b, Table)]
    headers = [c for t in tables for row in t.rows for c in row if c.text == "申请人情况"]
    assert len(headers) == 1
    assert any(code == "repair.pdf-repeated-header" for code, _, _ in document.notes)
    # The vertical label cut by the page break is one cell again.
    assert any(c.text == "三、本年度办理结果" for t in tables for row in t.rows for c in row)


def test_corpus_page_numbers_are_dropped_and_noted() -> None:
    document = read_pdf(_corpus("seed001.pdf").read_bytes())
    paragraphs = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert not any(text.strip("— ").isdigit() for text in paragraphs)
    pages = [loc.page for code, _, loc in document.notes if code == "repair.page-number" and loc]
    assert pages == [1, 2, 3, 4, 5]


# -- drawn tables ---------------------------------------------------------------------


def test_ruled_table_grid_merged_and_empty_cells() -> None:
    def page(canvas: Canvas) -> None:
        _lines(canvas, 72, 780, ["二、表格"])
        cells: list[_Cell] = [
            (0, 0, 2, 1, ["项目"]),
            (0, 1, 1, 3, ["申请人情况"]),
            (1, 1, 1, 1, ["自", "然", "人"]),
            (1, 2, 1, 1, ["商业企", "业"]),
            (1, 3, 1, 1, ["总计"]),
            (2, 0, 1, 1, ["新收申请"]),
            (2, 1, 1, 1, []),
            (2, 2, 1, 1, ["5"]),
            (2, 3, 1, 1, ["7"]),
            (3, 0, 1, 1, ["结转"]),
            (3, 1, 1, 1, ["1"]),
            (3, 2, 1, 1, ["/"]),
            (3, 3, 1, 1, ["3"]),
        ]
        _table(canvas, 72, 740, [120, 60, 60, 60], [20, 44, 20, 20], cells)
        # A number drawn in two pieces, kerned apart a little: it is one number.
        canvas.setFont(FONT, SIZE)
        baseline = 740 - 64 - PAD - SIZE * 1.15
        canvas.drawString(72 + 120 + PAD, baseline, "2")
        canvas.drawString(72 + 120 + PAD + 5.0 + 0.8, baseline, "0")

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert _text_of(table) == [
        [(0, 2, 1, "项目"), (1, 1, 3, "申请人情况")],
        [(1, 1, 1, "自然人"), (2, 1, 1, "商业企业"), (3, 1, 1, "总计")],
        [(0, 1, 1, "新收申请"), (1, 1, 1, "20"), (2, 1, 1, "5"), (3, 1, 1, "7")],
        [(0, 1, 1, "结转"), (1, 1, 1, "1"), (2, 1, 1, "/"), (3, 1, 1, "3")],
    ]
    cell = table.rows[2][1]
    assert cell.location.page == 1 and cell.location.table == 0
    assert (cell.location.row, cell.location.column) == (2, 1)
    assert cell.location.bbox == (192.0, 656.0, 252.0, 676.0)
    assert isinstance(document.blocks[0], Paragraph) and document.blocks[0].text == "二、表格"


def test_a_ruling_piece_beyond_a_row_does_not_undo_the_one_inside_it() -> None:
    # A column ruling drawn in pieces: one nearly all the way down the lower row, one
    # in the upper half of the upper row (as Chromium draws a table cut by a page
    # break). The piece above the lower row once counted as negative length there,
    # joining the row's two cells into one ("0 0").
    def ruling(horizontal: bool, pos: float, start: float, end: float) -> Ruling:
        return Ruling(horizontal=horizontal, pos=pos, start=start, end=end)

    rulings = [
        *(ruling(True, y, 0, 100) for y in (0, 20, 40)),
        ruling(False, 0, 0, 40),
        ruling(False, 100, 0, 40),
        ruling(False, 50, 0, 18),
        ruling(False, 50, 30, 40),
    ]
    grid = build_grid(rulings)
    assert grid is not None
    spans = [(cell.row, cell.column, cell.rowspan, cell.colspan) for cell in grid.cells]
    assert spans == [(0, 0, 1, 1), (0, 1, 1, 1), (1, 0, 1, 1), (1, 1, 1, 1)]


def test_empty_cell_is_an_empty_cell() -> None:
    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["规章"]), (0, 1, 1, 1, []), (0, 2, 1, 1, ["4"]),
            (1, 0, 1, 1, ["行政许可"]), (1, 1, 1, 1, ["0"]), (1, 2, 1, 1, []),
        ]  # fmt: skip
        _table(canvas, 72, 700, [100, 50, 50], [20, 20], cells)

    (table,) = read_pdf(_pdf(page)).blocks
    assert isinstance(table, Table)
    assert _text_of(table) == [
        [(0, 1, 1, "规章"), (1, 1, 1, ""), (2, 1, 1, "4")],
        [(0, 1, 1, "行政许可"), (1, 1, 1, "0"), (2, 1, 1, "")],
    ]


def test_table_borders_drawn_as_thin_filled_rectangles() -> None:
    """Word and WPS draw borders as thin filled rectangles, not lines."""

    def page(canvas: Canvas) -> None:
        for y in (700, 680, 660):
            canvas.rect(72, y - 0.25, 200, 0.5, stroke=0, fill=1)
        for x in (72, 172):
            canvas.rect(x - 0.25, 660, 0.5, 40, stroke=0, fill=1)
        # The last border as a thin filled polygon that is not a rectangle.
        path = canvas.beginPath()
        path.moveTo(271.75, 660)
        for point in ((272.25, 660), (272.25, 700), (272.0, 700), (271.75, 699.8)):
            path.lineTo(*point)
        path.close()
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.setFont(FONT, SIZE)
        for row, (a, b) in enumerate([("行政处罚", "12"), ("行政强制", "")]):
            canvas.drawString(75, 686 - 20 * row, a)
            canvas.drawString(175, 686 - 20 * row, b)

    (table,) = read_pdf(_pdf(page)).blocks
    assert isinstance(table, Table)
    assert _text_of(table) == [
        [(0, 1, 1, "行政处罚"), (1, 1, 1, "12")],
        [(0, 1, 1, "行政强制"), (1, 1, 1, "")],
    ]


def test_a_box_around_text_is_not_a_table() -> None:
    def page(canvas: Canvas) -> None:
        canvas.rect(70, 690, 300, 30, stroke=1, fill=0)
        _lines(canvas, 75, 700, ["六、其他需要报告的事项"])

    (block,) = read_pdf(_pdf(page)).blocks
    assert isinstance(block, Paragraph) and block.text == "六、其他需要报告的事项"


def test_table_continued_on_the_next_page() -> None:
    """Repeated header dropped; a row cut by the page break rejoined; one table."""
    header: _Cell = (0, 0, 1, 2, ["项目"])
    widths, size = [106, 60], SIZE

    def first(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            header,
            (1, 0, 1, 1, ["一、新收"]), (1, 1, 1, 1, ["3"]),
            # The label fills its cell and goes on overleaf; its value is printed there.
            (2, 0, 1, 1, ["1.申请人逾期未按收费"]), (2, 1, 1, 1, []),
        ]  # fmt: skip
        _table(canvas, 72, 200, widths, [20, 20, 20], cells)
        _lines(canvas, 280, 40, ["— 1 —"])

    def second(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            header,
            (1, 0, 1, 1, ["通知缴纳费用"]), (1, 1, 1, 1, ["11"]),
            (2, 0, 1, 1, ["四、结转"]), (2, 1, 1, 1, ["0"]),
        ]  # fmt: skip
        _table(canvas, 72, 780, widths, [20, 20, 20], cells)
        _lines(canvas, 280, 40, ["— 2 —"])

    assert size * 10 + 2 * PAD == widths[0]  # "1." and nine characters fill the label cell
    document = read_pdf(_pdf(first, second))
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["项目"],
        ["一、新收", "3"],
        ["1.申请人逾期未按收费通知缴纳费用", "11"],
        ["四、结转", "0"],
    ]
    assert table.rows[3][1].location.page == 2
    codes = [code for code, _, _ in document.notes]
    assert codes.count("repair.page-number") == 2
    assert "repair.pdf-repeated-header" in codes and "repair.pdf-cut-row" in codes


def test_rows_of_a_continued_table_that_are_not_cut_stay_apart() -> None:
    """A short label at the foot of a page does not swallow the next page's first row."""

    def first(canvas: Canvas) -> None:
        _table(canvas, 72, 120, [100, 50], [20], [(0, 0, 1, 1, ["规章"]), (0, 1, 1, 1, [])])

    def second(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["规范性文件"]), (0, 1, 1, 1, [])]
        _table(canvas, 72, 780, [100, 50], [20], cells)

    (table,) = read_pdf(_pdf(first, second)).blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [["规章", ""], ["规范性文件", ""]]


def test_a_clipped_repeated_header_is_still_dropped_and_a_cut_row_rejoined() -> None:
    """LibreOffice clips a tall header cell when it repeats the header (自然人 is left out),
    and lets a row break across pages: a label padded with empty lines goes over whole,
    its values stay above. The repetition is still dropped and the two halves are one row.
    """
    widths = [106, 40, 40]

    def header(clipped: bool) -> list[_Cell]:
        return [
            (0, 0, 2, 1, ["项目"]),
            (0, 1, 1, 2, ["申请人情况"]),
            (1, 1, 1, 1, [] if clipped else ["自然人"]),
            (1, 2, 1, 1, ["总计"]),
        ]

    def first(canvas: Canvas) -> None:
        cells = [
            *header(False),
            (2, 0, 1, 1, ["一、新收"]), (2, 1, 1, 1, ["3"]), (2, 2, 1, 1, ["3"]),
            (3, 0, 1, 1, []), (3, 1, 1, 1, ["1"]), (3, 2, 1, 1, ["1"]),
        ]  # fmt: skip
        _table(canvas, 72, 200, widths, [20, 20, 20, 20], cells)

    def second(canvas: Canvas) -> None:
        cells = [
            *header(True),
            (2, 0, 1, 1, ["二、结转"]), (2, 1, 1, 1, []), (2, 2, 1, 1, []),
            (3, 0, 1, 1, ["三、办结"]), (3, 1, 1, 1, ["2"]), (3, 2, 1, 1, ["2"]),
        ]  # fmt: skip
        _table(canvas, 72, 780, widths, [20, 20, 20, 20], cells)

    document = read_pdf(_pdf(first, second))
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["项目", "申请人情况"],
        ["自然人", "总计"],
        ["一、新收", "3", "3"],
        ["二、结转", "1", "1"],
        ["三、办结", "2", "2"],
    ]
    codes = [code for code, _, _ in document.notes]
    assert "repair.pdf-repeated-header" in codes and "repair.pdf-cut-row" in codes


def test_text_hidden_by_a_clipping_path_is_not_read() -> None:
    """LibreOffice repeats a tall header cell in a shorter row: it draws the cell's text
    whole and clips it to the row, so only the first line shows and the rest, hidden,
    lies over the row below. Before, the hidden lines were read into the cut row's label
    below; the repetition, which shows less than the header, was not dropped either, and
    the cut row was not rejoined: its values went missing."""
    # The label column as narrow as "1.信": its line is full, so the label goes on.
    label = 2 * PAD + pdfmetrics.stringWidth("1.信", FONT, SIZE) + 1
    widths = [label, 40, 40]
    lines = ["（本", "列数", "据）"]

    def first(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, lines), (0, 1, 1, 1, ["申请人"]), (0, 2, 1, 1, ["总计"]),
            (1, 0, 1, 1, ["新收"]), (1, 1, 1, 1, ["3"]), (1, 2, 1, 1, ["3"]),
            (2, 0, 1, 1, ["1.信"]), (2, 1, 1, 1, ["28"]), (2, 2, 1, 1, []),
        ]  # fmt: skip
        _table(canvas, 72, 200, widths, [40, 20, 20], cells)

    def second(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, []), (0, 1, 1, 1, ["申请人"]), (0, 2, 1, 1, ["总计"]),
            (1, 0, 1, 1, ["访举"]), (1, 1, 1, 1, []), (1, 2, 1, 1, ["115"]),
            (2, 0, 1, 1, ["2.重"]), (2, 1, 1, 1, ["2"]), (2, 2, 1, 1, ["2"]),
        ]  # fmt: skip
        _table(canvas, 72, 780, widths, [20, 30, 20], cells)
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(72, 760, widths[0], 20)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.setFont(FONT, SIZE)
        for i, line in enumerate(lines):
            canvas.drawString(72 + PAD, 780 - PAD - (i + 1) * SIZE * 1.15, line)
        canvas.restoreState()
        canvas.setFont(FONT, SIZE)
        canvas.drawString(72, 700, "四、结转")  # drawn after the clip: read

    document = read_pdf(_pdf(first, second))
    table, after = document.blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["".join(lines), "申请人", "总计"],
        ["新收", "3", "3"],
        ["1.信访举", "28", "115"],
        ["2.重", "2", "2"],
    ]
    assert isinstance(after, Paragraph) and after.text == "四、结转"
    codes = [code for code, _, _ in document.notes]
    assert "repair.pdf-clipped-text" in codes and "repair.pdf-repeated-header" in codes
    assert "repair.pdf-cut-row" in codes


def test_a_form_xobject_is_drawn_in_the_clip_in_force_where_it_is_drawn() -> None:
    """Text and rulings drawn by a form XObject (a page's content stamped as a form, as
    some printing tools do) are clipped by the clip in force where the form is drawn.
    pdfminer interprets a form afresh, so that clip was forgotten and text hidden by it
    was read."""

    def page(canvas: Canvas) -> None:
        canvas.beginForm("content")
        _table(canvas, 72, 700, [100, 90], [20], [(0, 0, 1, 1, ["收费"]), (0, 1, 1, 1, ["7"])])
        _lines(canvas, 72, 600, ["看得见的一行"])
        _lines(canvas, 72, 500, ["被裁掉的一行"])
        canvas.endForm()
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(0, 550, WIDTH, HEIGHT - 550)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.doForm("content")
        canvas.restoreState()

    document = read_pdf(_pdf(page))
    table, shown = document.blocks
    assert isinstance(table, Table) and [[c.text for c in row] for row in table.rows] == [
        ["收费", "7"]
    ]
    assert isinstance(shown, Paragraph) and shown.text == "看得见的一行"
    assert "repair.pdf-clipped-text" in [code for code, _, _ in document.notes]


def test_a_row_of_values_and_a_row_of_blanks_overleaf_stay_apart() -> None:
    """Each with a label of its own, a full row above and a blank row below are two rows,
    though no cell has text on both sides of the break."""

    def first(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["规章"]), (0, 1, 1, 1, []), (0, 2, 1, 1, ["4"])]
        _table(canvas, 72, 120, [60, 60, 50], [20], cells)

    def second(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, []), (0, 1, 1, 1, ["规范性文件"]), (0, 2, 1, 1, [])]
        _table(canvas, 72, 780, [60, 60, 50], [20], cells)

    (table,) = read_pdf(_pdf(first, second)).blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["规章", "", "4"],
        ["", "规范性文件", ""],
    ]


def test_values_that_went_overleaf_whole_complete_the_row_above() -> None:
    """LibreOffice lets a row break across pages, and a cell whose text does not fit
    above goes over whole: a number under its struck-through old value, table 四's one
    row; the total and "(七)总计" of table 三 with the other values above. Before, the
    parts were two rows, and the values overleaf were read blank (silently wrong)."""
    widths = [60, 40, 40, 40]

    def first(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["结果维持"]), (0, 1, 1, 1, ["总计"]),
            (0, 2, 1, 1, ["甲"]), (0, 3, 1, 1, ["乙"]),
            (1, 0, 1, 1, ["18"]), (1, 1, 1, 1, []), (1, 2, 1, 1, ["2"]), (1, 3, 1, 1, []),
        ]  # fmt: skip
        _table(canvas, 72, 120, widths, [20, 20], cells)

    def second(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, []), (0, 1, 1, 1, ["23"]), (0, 2, 1, 1, []), (0, 3, 1, 1, ["7"]),
        ]  # fmt: skip
        _table(canvas, 72, 780, widths, [20], cells)

    (table,) = read_pdf(_pdf(first, second)).blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["结果维持", "总计", "甲", "乙"],
        ["18", "23", "2", "7"],
    ]

    def first_labelled(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["3.其他"]), (0, 1, 1, 1, ["1"]), (0, 2, 1, 1, ["2"]), (0, 3, 1, 1, ["3"]),
            (1, 0, 1, 1, []), (1, 1, 1, 1, ["306"]), (1, 2, 1, 1, []), (1, 3, 1, 1, ["1912"]),
        ]  # fmt: skip
        _table(canvas, 72, 120, widths, [20, 20], cells)

    def second_labelled(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["（七）总计"]), (0, 1, 1, 1, []), (0, 2, 1, 1, ["301"]), (0, 3, 1, 1, []),
            (1, 0, 1, 1, ["四、结转"]), (1, 1, 1, 1, ["1"]), (1, 2, 1, 1, ["1"]), (1, 3, 1, 1, ["2"]),
        ]  # fmt: skip
        _table(canvas, 72, 780, widths, [20, 20], cells)

    (table,) = read_pdf(_pdf(first_labelled, second_labelled)).blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["3.其他", "1", "2", "3"],
        ["（七）总计", "306", "301", "1912"],
        ["四、结转", "1", "1", "2"],
    ]


def test_a_number_in_a_cell_spanning_rows_overleaf_is_not_glued_to_the_row_above() -> None:
    """The next row's first value, in a cell spanning two rows overleaf, under a number
    that fills its narrow cell above: before, it was taken for a merged cell running over
    the break and glued on ("-27" + "2799" read -272799)."""
    number = 2 * PAD + pdfmetrics.stringWidth("-27", FONT, SIZE) + 1
    widths = [60, number]

    def first(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["7.执法"]), (0, 1, 1, 1, ["-27"])]
        _table(canvas, 72, 120, widths, [20], cells)

    def second(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["8.查询"]), (0, 1, 2, 1, ["2799"]), (1, 0, 1, 1, ["9.其他"]),
        ]  # fmt: skip
        _table(canvas, 72, 780, widths, [20, 20], cells)

    (table,) = read_pdf(_pdf(first, second)).blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["7.执法", "-27"],
        ["8.查询", "2799"],
        ["9.其他"],
    ]


def test_a_label_typed_a_character_a_line_goes_on_overleaf_when_its_values_stay() -> None:
    """A label typed one character a paragraph, cut by the page break ("行" / "政许可"),
    fills no line, so no line width proves the cut; its value stayed above, and nothing
    is overleaf but the label's rest. Before, the value's row was "行" and the blank row
    "政许可" was read as 行政许可 (blank for 20). Two whole rows of blanks stay apart."""
    widths = [80, 40]

    def page(label: Sequence[str], value: Sequence[str], top: float) -> Callable[[Canvas], None]:
        def draw(canvas: Canvas) -> None:
            cells: list[_Cell] = [(0, 0, 1, 1, label), (0, 1, 1, 1, value)]
            _table(canvas, 72, top, widths, [12 * len(label) + 8], cells)

        return draw

    document = read_pdf(_pdf(page(["行"], ["20"], 120), page(["政", "许", "可"], [], 780)))
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [["行政许可", "20"]]

    blanks = _pdf(page(["行", "政", "处", "罚"], [], 120), page(["行", "政", "强", "制"], [], 780))
    (table,) = read_pdf(blanks).blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [["行政处罚", ""], ["行政强制", ""]]


def test_a_number_and_a_bracket_cut_by_the_page_break_are_rejoined() -> None:
    """A label wrapped after a closing bracket ("(三)" / "不予公开") and a number cut in
    its narrow cell ("12" / "34") go on overleaf: one row, the number noted."""
    label_width = 2 * PAD + 2 * SIZE + 0.5  # two characters: "(三)" fills it
    number_width = 2 * PAD + pdfmetrics.stringWidth("12", FONT, SIZE) + 1
    assert pdfmetrics.stringWidth("(三)", FONT, SIZE) > SIZE + 0.5
    widths = [label_width, number_width, 40]

    def first(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["(三)"]), (0, 1, 1, 1, ["12"]), (0, 2, 1, 1, ["7"])]
        _table(canvas, 72, 120, widths, [20], cells)

    def second(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["不予", "公开"]), (0, 1, 1, 1, ["34"]), (0, 2, 1, 1, []),
            (1, 0, 1, 1, ["其他"]), (1, 1, 1, 1, ["1"]), (1, 2, 1, 1, ["2"]),
        ]  # fmt: skip
        _table(canvas, 72, 780, widths, [30, 20], cells)

    document = read_pdf(_pdf(first, second))
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["(三)不予公开", "1234", "7"],
        ["其他", "1", "2"],
    ]
    doubts = [message for code, message, _ in document.notes if code == "doubt.pdf-number-wrapped"]
    assert doubts == ["a number cut by the page break was joined ('1234')"]


def test_digits_on_both_sides_of_a_cut_label_are_one_number() -> None:
    """A row whose label is cut by the page break ("2.其他" / "法律法规禁止") is cut, so its
    value cells' digits on both sides are one number each, though they fill no line
    (digits wrapped one a line in a cell too narrow: "9", "3" above, "6" below). Before,
    the parts stayed two rows and the lower one, whose label matched, read 6 for 936.
    An enumeration alone ("8.") above is a label's start too."""
    label_width = 2 * PAD + pdfmetrics.stringWidth("2.其他", FONT, SIZE) + 0.5  # filled
    number_width = 2 * PAD + 2 * SIZE  # one digit a line, with room to spare
    widths = [label_width, number_width, number_width]

    def page(
        label: list[str], first: list[str], second: list[str], top: float
    ) -> Callable[[Canvas], None]:
        def draw(canvas: Canvas) -> None:
            cells: list[_Cell] = [(0, 0, 1, 1, label), (0, 1, 1, 1, first), (0, 2, 1, 1, second)]
            _table(canvas, 72, top, widths, [60], cells)

        return draw

    document = read_pdf(
        _pdf(
            page(["2.其他"], ["9", "3"], ["4"], 140),
            page(["法律", "法规", "禁止"], ["6"], ["2"], 780),
        )
    )
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["2.其他法律法规禁止", "936", "42"]]
    doubts = [m for code, m, _ in document.notes if code == "doubt.pdf-number-wrapped"]
    assert "a number cut by the page break was joined ('936')" in doubts
    document = read_pdf(
        _pdf(page(["8."], ["5"], [], 140), page(["属于", "查询"], ["1", "5"], ["7"], 780))
    )
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["8.属于查询", "515", "7"]]


def test_an_enumeration_alone_goes_on_overleaf_however_much_of_its_line_it_fills() -> None:
    """cairo's reprint gives a bracket another width, so "(三)" no longer fills its cell;
    an enumeration alone labels nothing, so it goes on ("(三)" / "不予公开") all the
    same. Before, the cut row stayed two rows, and one cell's value overleaf was lost."""
    # "(三)" leaves room in its cell; "1.属" fills the narrow one beside it.
    narrow = 2 * PAD + pdfmetrics.stringWidth("1.属", FONT, SIZE) + 1
    widths = [60, narrow, 40]

    def first(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["(三)"]), (0, 1, 1, 1, ["1.属"]), (0, 2, 1, 1, ["9"])]
        _table(canvas, 72, 120, widths, [20], cells)

    def second(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["不予公开"]), (0, 1, 1, 1, ["于"]), (0, 2, 1, 1, []),
            (1, 0, 1, 1, ["2.其他"]), (1, 1, 1, 1, ["x"]), (1, 2, 1, 1, ["3"]),
        ]  # fmt: skip
        _table(canvas, 72, 780, widths, [20, 20], cells)

    (table,) = read_pdf(_pdf(first, second)).blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["(三)不予公开", "1.属于", "9"],
        ["2.其他", "x", "3"],
    ]


def test_a_repeated_header_whose_edges_lie_a_hair_off_is_dropped() -> None:
    """Chromium draws a repeated header's borders a fraction of a point off: 502.4 on
    one page, 502.6 on the next. Rounded, the edges differed, the repetition stayed, and
    the cut row after it was not rejoined (its total overleaf read blank)."""

    header: list[_Cell] = [
        (0, 0, 1, 1, ["商业企业"]),
        (0, 1, 1, 1, ["其他"]),
        (0, 2, 1, 1, ["总计"]),
    ]

    def first(canvas: Canvas) -> None:
        cells = [*header, (1, 0, 1, 1, ["甲"]), (1, 1, 1, 1, ["5"]), (1, 2, 1, 1, [])]
        _table(canvas, 72.4, 120, [60, 40, 40], [20, 20], cells)

    def second(canvas: Canvas) -> None:
        cells = [*header, (1, 0, 1, 1, []), (1, 1, 1, 1, []), (1, 2, 1, 1, ["71"])]
        _table(canvas, 72.6, 780, [60, 40, 40], [20, 20], cells)

    document = read_pdf(_pdf(first, second))
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["商业企业", "其他", "总计"],
        ["甲", "5", "71"],
    ]
    assert "repair.pdf-repeated-header" in [code for code, _, _ in document.notes]


def test_a_header_alone_at_the_foot_of_a_page_and_repeated_overleaf_is_read_once() -> None:
    """Table 三's header rows were all that fitted on a page, and the next page repeats
    them above the values. Two of the three repeated rows were dropped; the third was
    taken for a row cut by the page break and joined to the first page's ("其他其他"),
    which the recognizer read as a label, losing the row of that name."""
    header: list[_Cell] = [
        (0, 0, 1, 3, ["申请人情况"]),
        (1, 0, 1, 1, ["自然人"]), (1, 1, 1, 2, ["法人或其他组织"]),
        (2, 1, 1, 1, ["商业企业"]), (2, 2, 1, 1, ["其他"]),
        (2, 0, 1, 1, []),
    ]  # fmt: skip

    def first(canvas: Canvas) -> None:
        _table(canvas, 72, 120, [60, 60, 60], [20, 20, 20], header)

    def second(canvas: Canvas) -> None:
        cells = [*header, (3, 0, 1, 1, ["1"]), (3, 1, 1, 1, ["2"]), (3, 2, 1, 1, ["3"])]
        _table(canvas, 72, 780, [60, 60, 60], [20, 20, 20, 20], cells)

    document = read_pdf(_pdf(first, second))
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["申请人情况"],
        ["自然人", "法人或其他组织"],
        ["", "商业企业", "其他"],
        ["1", "2", "3"],
    ]
    assert table.rows[3][0].location.page == 2
    codes = [code for code, _, _ in document.notes]
    assert "repair.pdf-repeated-header" in codes and "repair.pdf-cut-row" not in codes


def test_a_group_label_running_overleaf_does_not_stop_the_row_s_rejoining() -> None:
    """The merged cell of a group ("（三）不予公开") starts in the cut row and runs on
    overleaf, where the row's own label went whole; the values stayed above."""
    widths = [80, 90, 40]

    def first(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["（三）不予公开"]),
            (0, 1, 1, 1, []),
            (0, 2, 1, 1, ["170"]),
        ]
        _table(canvas, 72, 120, widths, [20], cells)

    def second(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 2, 1, []), (0, 1, 1, 1, ["1.属于国家秘密"]), (0, 2, 1, 1, []),
            (1, 1, 1, 1, ["2.其他"]), (1, 2, 1, 1, ["5"]),
        ]  # fmt: skip
        _table(canvas, 72, 780, widths, [20, 20], cells)

    (table,) = read_pdf(_pdf(first, second)).blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["（三）不予公开", "1.属于国家秘密", "170"],
        ["2.其他", "5"],
    ]
    assert table.rows[0][0].rowspan == 2


def test_a_remark_in_brackets_overleaf_closes_the_label_above() -> None:
    """LibreOffice cuts a label typed as two paragraphs between them: "(二)部分公开" with
    its values above, its remark "(区分处理的…)" alone overleaf. No row is labelled by a
    remark, so it is the label's rest; a label of its own overleaf stays a row."""
    widths = [110, 40]

    def first(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["(二)部分公开"]), (0, 1, 1, 1, ["1"])]
        _table(canvas, 72, 120, widths, [20], cells)

    def overleaf(remark: str) -> Callable[[Canvas], None]:
        def second(canvas: Canvas) -> None:
            cells: list[_Cell] = [
                (0, 0, 1, 1, [remark]), (0, 1, 1, 1, []),
                (1, 0, 1, 1, ["(三)不予公开"]), (1, 1, 1, 1, []),
            ]  # fmt: skip
            _table(canvas, 72, 780, widths, [20, 20], cells)

        return second

    # Unclosed, the bracket may open a label of its own: the parts stay apart.
    (table,) = read_pdf(_pdf(first, overleaf("(区分处理的，只计"))).blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["(二)部分公开", "1"],
        ["(区分处理的，只计", ""],
        ["(三)不予公开", ""],
    ]
    document = read_pdf(_pdf(first, overleaf("(区分处理的，只计)")))
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["(二)部分公开(区分处理的，只计)", "1"],
        ["(三)不予公开", ""],
    ]
    assert "repair.pdf-cut-row" in [code for code, _, _ in document.notes]


def test_glyphs_of_a_font_declaring_a_whole_em_of_descent_are_placed_by_their_baseline() -> None:
    """cairo (pdftocairo, GTK's print to file) converts CJK fonts declaring a descent of
    a whole em: pdfminer then boxes their glyphs a line too low. Before, the labels fell
    into the cells below their own and a year left its line ("2024" / "年"): numbers
    were read against the wrong rows."""
    rows = [("规章", "5"), ("行政许可", "9"), ("行政处罚", "0")]

    def page(canvas: Canvas) -> None:
        canvas.setFont(FONT, 12)
        canvas.drawString(72, 760, "某县人民政府")
        canvas.setFont("Helvetica", 12)
        canvas.drawString(72 + 6 * 12, 760, "2024")
        canvas.setFont(FONT, 12)
        canvas.drawString(72 + 6 * 12 + canvas.stringWidth("2024", "Helvetica", 12), 760, "年")
        top, height = 700.0, 16.0
        canvas.setLineWidth(0.5)
        for r in range(len(rows) + 1):
            canvas.line(72, top - r * height, 252, top - r * height)
        for x in (72, 172, 252):
            canvas.line(x, top, x, top - len(rows) * height)
        for r, (label, value) in enumerate(rows):
            baseline = top - r * height - 12
            canvas.setFont(FONT, SIZE)
            canvas.drawString(72 + PAD, baseline, label)
            canvas.setFont("Helvetica", SIZE)
            canvas.drawString(172 + PAD, baseline, value)

    data = _pdf(page)
    assert data.count(b"/Descent -271") == 1  # the CJK font's own, in its descriptor
    document = read_pdf(data.replace(b"/Descent -271", b"/Descent -1000"))
    paragraph, table = document.blocks
    assert isinstance(paragraph, Paragraph) and paragraph.text == "某县人民政府2024年"
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [list(row) for row in rows]
    notes = [message for code, message, _ in document.notes if code == "repair.pdf-font-metrics"]
    assert notes and "STSongStd-Light" in notes[0]  # the name in the PDF
    assert read_pdf(data).notes == ()  # a plausible descent is left alone


def test_struck_through_text_is_left_out_and_underlines_are_not_rulings() -> None:
    """Tracked changes printed with the document: an old value struck through, the new
    one underlined, in one cell ("5̶1̲1̲"); and a struck word in running text."""

    def struck(canvas: Canvas, x: float, y: float, text: str, strike: bool) -> float:
        canvas.setFont(FONT, SIZE)
        canvas.drawString(x, y, text)
        width = pdfmetrics.stringWidth(text, FONT, SIZE)
        canvas.setLineWidth(0.5)
        line_y = y + 0.3 * SIZE if strike else y - 1.5
        canvas.line(x, line_y, x + width, line_y)
        return x + width

    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["新收申请"]), (0, 1, 1, 1, []), (0, 2, 1, 1, ["7"])]
        _table(canvas, 72, 700, [100, 60, 60], [24], cells)
        baseline = 700 - PAD - SIZE * 1.15
        after = struck(canvas, 172 + PAD, baseline, "5", strike=True)
        struck(canvas, after, baseline, "11", strike=False)
        _lines(canvas, 72, 600, ["本年度"], size=SIZE)
        end = 72 + pdfmetrics.stringWidth("本年度", FONT, SIZE)
        after = struck(canvas, end, 600, "未", strike=True)
        _lines(canvas, after, 600, ["收取费用。"], size=SIZE)

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["新收申请", "11", "7"]]
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert texts == ["本年度收取费用。"]
    notes = [
        (message, where)
        for code, message, where in document.notes
        if code == "repair.pdf-struck-text"
    ]
    assert [message.split("'")[1] for message, _ in notes] == ["5", "未"]
    assert all(where is not None and where.page == 1 for _, where in notes)


def test_a_struck_value_filling_a_narrow_cell_is_struck_not_ruled() -> None:
    """Chromium struck a stale "32" in a column barely wider than it: the strike-through
    ran from one side of the cell to the other, so it was taken for a ruling between
    the two, and 32 was read as the value of a blank cell."""
    width = pdfmetrics.stringWidth("32", FONT, SIZE)

    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["尚未审结"]), (0, 1, 1, 1, []), (0, 2, 1, 1, ["7"])]
        _table(canvas, 72, 700, [60, width + 1, 40], [30], cells)
        baseline = 700 - 15 - SIZE * 0.3
        canvas.setFont(FONT, SIZE)
        canvas.drawString(132.5, baseline, "32")
        canvas.rect(132.5, baseline + 0.3 * SIZE, width, 0.5, stroke=0, fill=1)

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["尚未审结", "", "7"]]
    assert [code for code, _, _ in document.notes] == ["repair.pdf-struck-text"]


def test_a_sign_right_after_a_struck_number_is_not_struck() -> None:
    # Chromium strikes "46" and prints "-34" right after it: the strike-through ends
    # where the hyphen starts, within a point or two of its centre, but does not cross it.
    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["其他"]), (0, 1, 1, 1, [])]
        _table(canvas, 72, 700, [100, 80], [24], cells)
        baseline = 700 - PAD - SIZE * 1.15
        size = 8.0  # the hyphen's centre 1.3 pt past the line's end
        canvas.setFont("Helvetica", size)
        canvas.drawString(172 + PAD, baseline, "46-34")
        width = pdfmetrics.stringWidth("46", "Helvetica", size)
        canvas.setLineWidth(0.5)
        canvas.line(172 + PAD, baseline + 0.3 * size, 172 + PAD + width, baseline + 0.3 * size)

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["其他", "-34"]]
    (note,) = [m for code, m, _ in document.notes if code == "repair.pdf-struck-text"]
    assert note.split("'")[1] == "46"


def _marked_row(
    draw: Callable[[Canvas], None], third: Sequence[str] = (), height: float = 24
) -> tuple[list[str], list[tuple[str, Location | None]]]:
    """The texts of a row 行政许可 | (what ``draw`` prints) | ``third``, and the notes
    doubting a superscript (message, where)."""

    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["行政许可"]), (0, 1, 1, 1, []), (0, 2, 1, 1, third)]
        _table(canvas, 72, 700, [100, 60, 60], [height], cells)
        draw(canvas)

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    (row,) = table.rows
    doubts = [(m, w) for code, m, w in document.notes if code == "doubt.pdf-superscript"]
    assert not [code for code, _, _ in document.notes if code == "repair.pdf-font-metrics"]
    return [c.text for c in row], doubts


def _raised(canvas: Canvas, left: float, mark: str, size: float, rise: float) -> None:
    """ "37" then ``mark`` at ``size`` (of the text's) raised by ``rise`` (em) with the text
    rise operator (Ts), as reportlab's <super> and some exporters raise it."""
    text = canvas.beginText(left, 700 - PAD - SIZE * 1.15)
    text.setFont("Helvetica", SIZE)
    text.textOut("37")
    text.setFont("Helvetica", SIZE * size)
    text.setRise(SIZE * rise)
    text.textOut(mark)
    canvas.drawText(text)


def test_a_footnote_mark_after_a_value_is_left_out_and_the_value_doubted() -> None:
    # "37" and a small raised "1" after it: grouped into the value's line, the mark's
    # digit made 371, silently. It is left out, and the cell doubted.
    def draw(canvas: Canvas) -> None:
        baseline = 700 - PAD - SIZE * 1.15
        for left, raised in ((172 + PAD, SIZE * 0.4), (232 + PAD, 0.0)):
            canvas.setFont("Helvetica", SIZE)
            canvas.drawString(left, baseline, "37")
            width = pdfmetrics.stringWidth("37", "Helvetica", SIZE)
            canvas.setFont("Helvetica", SIZE * 0.6)  # raised: a mark; on the line: text
            canvas.drawString(left + width, baseline + raised, "1")

    texts, ((_, where),) = _marked_row(draw)
    assert texts == ["行政许可", "37", "371"]
    assert where is not None and where.bbox is not None and where.bbox[0] == 172


def test_a_footnote_mark_raised_by_the_text_rise_is_left_out_too() -> None:
    # pdfminer raises the glyph's box by the text rise but not its origin, so the mark
    # looked like a glyph of broken metrics, was put back on the line and read 371,
    # silently, with a note blaming the font.
    def draw(canvas: Canvas) -> None:
        _raised(canvas, 172 + PAD, "1", 0.6, 0.4)
        _raised(canvas, 232 + PAD, "1", 0.6, 0.0)

    texts, ((_, where),) = _marked_row(draw)
    assert texts == ["行政许可", "37", "371"]
    assert where is not None and where.bbox is not None and where.bbox[0] == 172


def test_a_footnote_mark_raised_at_full_size_is_left_out_too() -> None:
    # Word's "raised" position exported by LibreOffice, or reportlab's <super size=9> in
    # 9 pt print: the mark is as large as the value and only its place tells it. It was
    # read 371 with no doubt. A two-line cell ("12" over "3", a wrapped number) is not
    # touched: its first line lies a line pitch higher and starts left of the last one's end.
    texts, ((message, _),) = _marked_row(
        lambda canvas: _raised(canvas, 172 + PAD, "1", 1.0, 0.3), third=["12", "3"], height=36
    )
    assert texts == ["行政许可", "37", "123"]
    assert "'1'" in message and "'37'" in message


def test_raised_text_too_long_for_a_mark_is_kept_and_doubted() -> None:
    # Four small raised digits after "37" are too many for a footnote mark: they were read
    # into the value, 371234, with no doubt. They are still read, and the cell doubted.
    texts, ((_, where),) = _marked_row(lambda canvas: _raised(canvas, 172 + PAD, "1234", 0.6, 0.4))
    assert texts == ["行政许可", "371234", ""]
    assert where is not None and where.bbox is not None and where.bbox[0] == 172


def test_text_painted_white_is_read_on_a_coloured_area_only() -> None:
    # A stale value whited out beside the new one ("9" in white before "125") was read
    # 9125, silently; white text on a shaded cell is seen, and read.
    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, []), (0, 1, 1, 1, []), (0, 2, 1, 1, [])]
        _table(canvas, 72, 700, [100, 60, 60], [24], cells)
        baseline = 700 - PAD - SIZE * 1.15
        canvas.setFillColorRGB(0.1, 0.2, 0.5)  # the shading of the label's cell
        canvas.rect(72.5, 676.5, 99, 23, fill=1, stroke=0)
        canvas.setFillColorRGB(1, 1, 1)  # a white cell, filled white
        canvas.rect(232.5, 676.5, 59, 23, fill=1, stroke=0)
        canvas.setFont(FONT, SIZE)
        canvas.drawString(72 + PAD, baseline, "行政许可")  # white on the shading
        canvas.setFillGray(1)
        canvas.drawString(172 + PAD, baseline, "9")
        canvas.drawString(232 + PAD, baseline, "8")
        canvas.setFillGray(0)
        canvas.drawString(172 + PAD + 10, baseline, "125")
        canvas.drawString(232 + PAD + 10, baseline, "37")

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["行政许可", "125", "37"]]
    (message,) = [m for code, m, _ in document.notes if code == "repair.pdf-white-text"]
    assert "'98'" in message


@pytest.mark.parametrize("mode", [2, 6])
def test_outlined_text_white_inside_a_dark_outline_is_read(mode: int) -> None:
    # Text filled white and stroked black (render mode 2, or 6: and clipped) is seen by its
    # outline; it was judged by its fill alone and left out as white on the white page.
    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["行政许可"]), (0, 1, 1, 1, []), (0, 2, 1, 1, ["37"])]
        _table(canvas, 72, 700, [100, 60, 60], [24], cells)
        text = canvas.beginText(172 + PAD, 700 - PAD - SIZE * 1.15)
        text.setFont(FONT, SIZE)
        text.setTextRenderMode(mode)
        canvas.setFillGray(1)
        canvas.setStrokeGray(0)
        text.textOut("125")
        canvas.drawText(text)

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["行政许可", "125", "37"]]
    assert not [code for code, _, _ in document.notes if code == "repair.pdf-white-text"]


def _white_on(ground: Callable[[Canvas], None]) -> None:
    """Print the label 行政许可 in white on what ``ground`` paints in its cell, and a stale
    "9" in white in the last value cell; the label must be read, the "9" left out."""

    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, []), (0, 1, 1, 1, ["125"]), (0, 2, 1, 1, ["37"])]
        _table(canvas, 72, 700, [100, 60, 60], [24], cells)
        ground(canvas)
        canvas.setFillGray(1)
        canvas.setFont(FONT, SIZE)
        canvas.drawString(72 + PAD, 700 - PAD - SIZE * 1.15, "行政许可")
        canvas.drawString(232 + PAD + 20, 700 - PAD - SIZE * 1.15, "9")  # a stale value

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["行政许可", "125", "37"]]
    (message,) = [m for code, m, _ in document.notes if code == "repair.pdf-white-text"]
    assert "'9'" in message


def test_white_text_on_a_shading_painted_with_sh_is_read() -> None:
    # A gradient painted with the shading operator (sh) makes no layout item: white text
    # on it was taken for white on the white page and left out. The shading is taken to
    # fill the clip it is painted in; white text outside it is still left out.
    def ground(canvas: Canvas) -> None:
        canvas.saveState()
        path = canvas.beginPath()
        path.rect(72.5, 676.5, 99, 23)
        canvas.clipPath(path, stroke=0, fill=0)
        canvas.linearGradient(72, 0, 172, 0, (CMYKColor(1, 0.5, 0, 0), CMYKColor(1, 1, 0, 0)))
        canvas.restoreState()

    _white_on(ground)


def test_white_text_on_a_wide_stroke_is_read_inside_a_wide_frame_it_is_not() -> None:
    # A cell's ground drawn as one thick stroked line (a band of colour) was no coloured
    # area, and the white label on it was left out. A wide stroke paints its pieces widened
    # by half its width: inside a thick frame, the white stale value is still left out.
    def ground(canvas: Canvas) -> None:
        canvas.setStrokeColorRGB(0.1, 0.2, 0.5)
        canvas.setLineWidth(16)
        canvas.line(76, 688, 168, 688)
        canvas.setLineWidth(4)
        canvas.rect(236, 680, 52, 16, stroke=1, fill=0)

    _white_on(ground)


def _spot_black_page(canvas: Canvas) -> None:
    """A table ruled in a spot colour at full tint, its label cell filled with it and the
    label printed white on it (as a printer's file in a spot black draws them)."""
    black = CMYKColorSep(0, 0, 0, 1, spotName="Spot", density=1)
    canvas.setStrokeColor(black)
    cells: list[_Cell] = [(0, 0, 1, 1, []), (0, 1, 1, 1, ["125"]), (0, 2, 1, 1, ["37"])]
    _table(canvas, 72, 700, [100, 60, 60], [24], cells)
    canvas.setFillColor(black)
    canvas.rect(72.5, 676.5, 99, 23, fill=1, stroke=0)
    canvas.setFillGray(1)
    canvas.setFont(FONT, SIZE)
    canvas.drawString(72 + PAD, 700 - PAD - SIZE * 1.15, "行政许可")


@pytest.mark.parametrize("space", ["Separation", "Indexed"])
def test_rulings_and_grounds_in_a_spot_or_indexed_colour_are_not_white(space: str) -> None:
    # A tint of 1 (a spot colour at full tint) and index 1 of a palette whose colour 1 is
    # black were judged by their components alone, as DeviceGray's 1, white: every ruling
    # was dropped (no table was found) and the white label on the filled cell was left out.
    data = _pdf(_spot_black_page)
    match = re.search(rb"\[ /Separation /Spot /DeviceCMYK \d+ 0 R \]", data)
    assert match is not None
    if space == "Indexed":  # the same length, so that the offsets hold
        palette = b"[/Indexed /DeviceRGB 1 <FFFFFF000000>]".ljust(len(match[0]))
        data = data.replace(match[0], palette)
    document = read_pdf(data)
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["行政许可", "125", "37"]]
    assert not [code for code, _, _ in document.notes if code == "repair.pdf-white-text"]


def test_vertical_cell_text_turned_by_a_right_angle() -> None:
    """Word's "text direction" in a narrow cell: glyphs turned 90 or 270 degrees."""

    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, []), (0, 1, 1, 1, []), (0, 2, 1, 1, ["5"])]
        _table(canvas, 72, 700, [24, 24, 60], [80, 80, 80], cells)
        canvas.setFont(FONT, SIZE)
        canvas.saveState()
        canvas.translate(72 + 16, 700 - 75)
        canvas.rotate(90)  # reads bottom to top
        canvas.drawString(0, 0, "结果维持")
        canvas.restoreState()
        canvas.saveState()
        canvas.translate(96 + 8, 700 - 5)
        canvas.rotate(-90)  # reads top to bottom
        canvas.drawString(0, 0, "尚未审结")
        canvas.restoreState()
        _lines(canvas, 96, 780, ["一、总体情况", "本机关全年主动公开政府信息，按时办理公开申请。"])

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [c.text for c in table.rows[0]] == ["结果维持", "尚未审结", "5"]
    assert not document.notes


def test_digits_of_a_letter_spaced_line_stay_together() -> None:
    """A date spread under the signature (分散对齐) and a title set wide spread their
    digits as they spread their Chinese: read with a space wherever digits stood 0.3 em
    apart, the date was "2 0 2 5年1月2 0日", and the report had no publication date. A
    title spread across the page read "年 度 报 告"."""

    def spaced(canvas: Canvas, x: float, y: float, text: str, size: float, tc: float) -> None:
        drawn = canvas.beginText(x, y)
        drawn.setFont(FONT, size)
        drawn.setCharSpace(tc)
        drawn.textOut(text)
        canvas.drawText(drawn)

    def page(canvas: Canvas) -> None:
        spaced(canvas, 72, 800, "年度报告", 22, 66)  # spread across the page (3 em)
        spaced(canvas, 72, 760, "松岭县交通运输局2024年年度报告", 22, 8)  # Word's "expanded"
        spaced(canvas, 380, 600, "2025年1月20日", 12, 4.2)  # as wide as the body's name
        spaced(canvas, 72, 560, "电话：0591", 12, 0)
        spaced(canvas, 72 + 12 * 8, 560, "87654321", 12, 0)  # a number standing apart

    document = read_pdf(_pdf(page))
    assert [paragraph.text for paragraph in document.paragraphs()] == [
        "年度报告",
        "松岭县交通运输局2024年年度报告",
        "2025年1月20日",
        "电话：0591 87654321",
    ]
    assert [code for code, _, _ in document.notes] == ["doubt.pdf-digits-apart"]


def test_turned_watermark_is_left_out() -> None:
    def page(canvas: Canvas) -> None:
        _lines(canvas, 96, 780, ["一、总体情况", "本机关全年主动公开政府信息，按时办理公开申请。"])
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["行政许可"]), (0, 1, 1, 1, ["12"]),
            (1, 0, 1, 1, ["行政处罚"]), (1, 1, 1, 1, ["3"]),
        ]  # fmt: skip
        _table(canvas, 72, 700, [100, 60], [20, 20], cells)
        canvas.saveState()
        canvas.translate(120, 640)
        canvas.rotate(40)
        canvas.setFont(FONT, 36)
        canvas.drawString(0, 0, "内部资料")
        canvas.restoreState()

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["行政许可", "12"], ["行政处罚", "3"]]
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == [
        "一、总体情况",
        "本机关全年主动公开政府信息，按时办理公开申请。",
    ]
    assert [code for code, _, _ in document.notes] == ["repair.pdf-rotated-text"]


# -- paragraphs -----------------------------------------------------------------------


def test_a_right_aligned_signature_line_is_a_paragraph_of_its_own() -> None:
    """A signature's date set right, ending at the margin, and a line after it ("（此件
    公开发布）", a site's "联系我们"): the two were one paragraph, and the date was lost."""
    size = 12.0
    left, chars = 72.0, 30

    def page(canvas: Canvas) -> None:
        _lines(canvas, left, 760, ["年" * chars], size)  # the text width: 30 characters
        _lines(canvas, left, 760 - 1.6 * size, ["度" * 10 + "。"], size)
        date = "2025年1月20日"
        width = pdfmetrics.stringWidth(date, FONT, size)
        _lines(canvas, left + chars * size - width, 700, [date], size)
        _lines(canvas, left, 700 - 1.6 * size, ["（此件公开发布）"], size)

    document = read_pdf(_pdf(page))
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert texts[-2:] == ["2025年1月20日", "（此件公开发布）"]


def test_paragraphs_headings_and_a_paragraph_over_a_page_break() -> None:
    size = 12.0
    left, right_chars = 72.0, 30  # 30 characters fill a line

    def first(canvas: Canvas) -> None:
        canvas.setFont(FONT, 16)
        canvas.drawCentredString(WIDTH / 2, 780, "某某镇人民政府2024年政府信息公开工作年度报告")
        _lines(canvas, left + 2 * size, 740, ["一、总体情况"], size)
        _lines(canvas, left + 2 * size, 716, ["本" * (right_chars - 2)], size)
        _lines(canvas, left, 716 - 1.6 * size, ["年" * right_chars], size)
        _lines(canvas, left, 716 - 3.2 * size, ["度" * 5 + "。"], size)
        _lines(canvas, left + 2 * size, 640, ["下" * (right_chars - 2)], size)
        _lines(canvas, left, 640 - 1.6 * size, ["一" * right_chars], size)
        _lines(canvas, 280, 40, ["— 1 —"])

    def second(canvas: Canvas) -> None:
        _lines(canvas, left, 780, ["步" * 4 + "。"], size)
        _lines(canvas, left + 2 * size, 756, ["二、主动公开政府信息情况"], size)
        _lines(canvas, 280, 40, ["— 2 —"])

    document = read_pdf(_pdf(first, second))
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert texts == [
        "某某镇人民政府2024年政府信息公开工作年度报告",
        "一、总体情况",
        "本" * 28 + "年" * 30 + "度" * 5 + "。",
        "下" * 28 + "一" * 30 + "步" * 4 + "。",
        "二、主动公开政府信息情况",
    ]
    first_block = document.blocks[0]
    assert first_block.location.page == 1 and first_block.location.bbox is not None
    assert [
        loc.page for code, _, loc in document.notes if code == "repair.page-number" and loc
    ] == [1, 2]


def test_a_number_wrapped_with_its_closing_punctuation_stays_in_its_paragraph() -> None:
    # A line ends short at "010-" because "12345678）。" did not fit after it: closing
    # punctuation cannot start a line, so it wraps with the number before it, and the
    # room left must be measured against both (Chromium prints contact lines so).
    size, left, chars = 12.0, 72.0, 30
    token = "12345678）。"
    width = pdfmetrics.stringWidth(token, FONT, size)
    digits = pdfmetrics.stringWidth("12345678", FONT, size)
    dash = pdfmetrics.stringWidth("010-", FONT, size)
    fill = int((chars * size - dash - (width - 0.5 * size)) // size)
    room = chars * size - fill * size - dash
    assert digits + 0.25 * size < room < width + 0.25 * size  # the case this test is about

    def page(canvas: Canvas) -> None:
        lines = ["本" * chars, "年" * fill + "010-", token]
        _lines(canvas, left + 2 * size, 740, ["本" * (chars - 2)], size)
        for i, line in enumerate(lines):
            _lines(canvas, left, 740 - (i + 1) * 1.6 * size, [line], size)
        _lines(canvas, left + 2 * size, 600, ["度" * (chars - 2)], size)
        _lines(canvas, left, 600 - 1.6 * size, ["度" * chars, "度。"], size)

    document = read_pdf(_pdf(page))
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert texts[0] == "本" * (2 * chars - 2) + "年" * fill + "010-" + token
    assert len(texts) == 2


def test_running_header_is_dropped() -> None:
    def page(number: int) -> Callable[[Canvas], None]:
        def draw(canvas: Canvas) -> None:
            _lines(canvas, 72, 810, ["某某县人民政府办公室"], 9)
            _lines(canvas, 96, 700, [f"{'一二三'[number - 1]}、第{number}页"])

        return draw

    document = read_pdf(_pdf(page(1), page(2), page(3)))
    assert [b.text for b in document.blocks] == ["一、第1页", "二、第2页", "三、第3页"]
    assert [code for code, _, _ in document.notes] == ["repair.page-header"] * 3


# -- hostile and unreadable files -----------------------------------------------------


def _message(data: bytes) -> str:
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(data)
    return caught.value.reason


def test_scan_without_text_layer_needs_ocr() -> None:
    from reportlab.lib.utils import ImageReader

    pixels = io.BytesIO()
    # A tiny greyscale PNG drawn with reportlab's own image support.
    from PIL import Image

    Image.new("L", (40, 20), color=128).save(pixels, format="PNG")

    def page(canvas: Canvas) -> None:
        canvas.drawImage(ImageReader(io.BytesIO(pixels.getvalue())), 72, 400, 400, 200)
        canvas.line(72, 380, 472, 380)

    assert "OCR" in _message(_pdf(page, page))


def _invisible(canvas: Canvas, x: float, y: float, text: str) -> None:
    """``text`` drawn in text render mode 3: neither filled nor stroked."""
    drawn = canvas.beginText(x, y)
    drawn.setFont(FONT, SIZE)
    drawn.setTextRenderMode(3)
    drawn.textOut(text)
    canvas.drawText(drawn)


def test_invisible_text_over_no_image_is_left_out_and_noted() -> None:
    # Text in render mode 3 is on no printed page: a stale value hidden in a blank cell
    # must not be read.
    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [(0, 0, 1, 1, ["行政许可"]), (0, 1, 1, 1, [])]
        _table(canvas, 72, 700, [100, 60], [24], cells)
        _invisible(canvas, 172 + PAD, 700 - PAD - SIZE * 1.15, "789")

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["行政许可", ""]]
    (note,) = [m for code, m, _ in document.notes if code == "repair.pdf-invisible-text"]
    assert note.endswith("'789'")


def test_a_scan_s_ocr_layer_is_read_as_the_text_the_image_shows() -> None:
    # A searchable scan: the page is a picture, and OCR put its text over the picture,
    # invisible. That text is what the page shows: read, and noted as OCR.
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    pixels = io.BytesIO()
    Image.new("L", (60, 80), color=230).save(pixels, format="PNG")

    def page(canvas: Canvas) -> None:
        canvas.drawImage(ImageReader(io.BytesIO(pixels.getvalue())), 0, 0, WIDTH, HEIGHT)
        _invisible(canvas, 72, 700, "一、总体情况")
        _invisible(canvas, 72, 680, "本年度新收申请12件。")

    document = read_pdf(_pdf(page))
    assert [b.text for b in document.blocks] == ["一、总体情况", "本年度新收申请12件。"]
    assert "repair.pdf-ocr-layer" in {code for code, _, _ in document.notes}

    # In a table, each cell read from the OCR layer is doubted: its value is as good as
    # the OCR that wrote it.
    def table_page(canvas: Canvas) -> None:
        canvas.drawImage(ImageReader(io.BytesIO(pixels.getvalue())), 0, 0, WIDTH, HEIGHT)
        _table(canvas, 72, 700, [100, 60], [24], [(0, 0, 1, 1, []), (0, 1, 1, 1, [])])
        baseline = 700 - PAD - SIZE * 1.15
        _invisible(canvas, 72 + PAD, baseline, "行政许可")
        _invisible(canvas, 172 + PAD, baseline, "37")

    document = read_pdf(_pdf(table_page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["行政许可", "37"]]
    boxes = [w.bbox for code, _, w in document.notes if code == "doubt.pdf-ocr" and w]
    assert sorted(box[0] for box in boxes if box) == [72, 172]


def test_metadata_read_from_a_scan_s_ocr_layer_is_doubted() -> None:
    # The title and the signature's date of a scanned page come from OCR, which confuses
    # 3 and 8: a warning names those fields, not the period printed as text.
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    pixels = io.BytesIO()
    Image.new("L", (60, 80), color=230).save(pixels, format="PNG")

    def page(canvas: Canvas) -> None:
        _lines(canvas, 72, 700, ["本报告统计期限自2024年1月1日起至2024年12月31日止。"])
        canvas.drawImage(ImageReader(io.BytesIO(pixels.getvalue())), 0, 0, WIDTH, 500)
        _invisible(canvas, 72, 400, "青禾镇人民政府2024年政府信息公开工作年度报告")
        _invisible(canvas, 72, 100, "2025年1月28日")

    report = govinfo_report.parse(_pdf(page))
    assert report.metadata.organization == "青禾镇人民政府"
    (warning,) = [d for d in report.diagnostics if d.code == "doubt.metadata-ocr"]
    assert "title" in warning.message and "publication date" in warning.message
    assert "period" not in warning.message and "contact" not in warning.message

    # Printed as text, the same page gives no such warning.
    def printed(canvas: Canvas) -> None:
        _lines(canvas, 72, 700, ["本报告统计期限自2024年1月1日起至2024年12月31日止。"])
        _lines(canvas, 72, 400, ["青禾镇人民政府2024年政府信息公开工作年度报告"])
        _lines(canvas, 72, 100, ["2025年1月28日"])

    report = govinfo_report.parse(_pdf(printed))
    assert report.metadata.published is not None
    assert not [d for d in report.diagnostics if d.code == "doubt.metadata-ocr"]


def test_table_pasted_as_a_picture_is_noted() -> None:
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    pixels = io.BytesIO()
    Image.new("L", (60, 30), color=200).save(pixels, format="PNG")

    def page(canvas: Canvas) -> None:
        _lines(canvas, 96, 780, ["三、收到和处理政府信息公开申请情况"])
        canvas.drawImage(ImageReader(io.BytesIO(pixels.getvalue())), 72, 300, 450, 400)

    document = read_pdf(_pdf(page))
    (note,) = document.notes
    assert note[0] == "doubt.pdf-image"
    assert note[2] is not None and note[2].page == 1 and note[2].bbox == (72.0, 300.0, 522.0, 700.0)


def test_lines_only_needs_ocr() -> None:
    def page(canvas: Canvas) -> None:
        _table(canvas, 72, 700, [100, 50], [20, 20], [(0, 0, 1, 1, []), (1, 1, 1, 1, [])])

    assert "OCR" in _message(_pdf(page))


def test_a_text_layer_of_wrong_characters_is_said_to_need_ocr() -> None:
    """mutool's conversion leaves fonts that map every glyph to a control or Latin
    character: the text cannot be Chinese, and the error says so and what to do, rather
    than that the file is no report."""

    def garbled(canvas: Canvas) -> None:
        _lines(canvas, 72, 760, ["!#$%&()*+,-./0123456789:;<=>?@ABCDEFG" for _ in range(8)])

    message = _message(_pdf(garbled))
    assert "0 Chinese characters in" in message and "OCR" in message
    assert "'!#$%&()*+" in message  # what the text starts with

    def mixed(canvas: Canvas) -> None:
        garbled(canvas)
        _lines(canvas, 72, 500, ["某县人民政府"])  # a few ideographs among many: not garbled

    assert "Chinese characters" not in _message(_pdf(mixed))


def test_truncated_pdf_is_an_error() -> None:
    data = _pdf(lambda canvas: _lines(canvas, 72, 700, ["一、总体情况"]))
    for cut in (len(data) // 3, len(data) - 10):
        assert "truncated" in _message(data[:cut])


def test_truncated_corpus_pdf_is_an_error() -> None:
    data = _corpus("seed004.pdf").read_bytes()
    assert "truncated" in _message(data[: len(data) // 2])


def test_garbage_after_the_pdf_header_is_an_error() -> None:
    reason = _message(b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    assert "damaged" in reason


def test_damaged_content_stream_is_an_error_naming_the_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "useA85", 0)  # plain Flate streams, to damage them
    data = _pdf(lambda canvas: _lines(canvas, 72, 700, ["一、总体情况"] * 40), pageCompression=1)
    start = data.index(b"stream\n", data.index(b"/FlateDecode")) + 7
    damaged = data[: start + 20] + b"\x00" * 60 + data[start + 80 :]
    assert len(damaged) == len(data) and read_pdf(data).blocks  # undamaged, it reads
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(damaged)
    assert "damaged" in caught.value.reason
    assert "page 1" in str(caught.value.where)


def test_missing_page_content_is_an_error_naming_the_page() -> None:
    data = _pdf(lambda canvas: _lines(canvas, 72, 700, ["一、总体情况"] * 3))
    contents = re.search(rb"/Contents (\d) 0 R", data)
    assert contents is not None and data.count(b" obj") < 9
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(data.replace(contents.group(0), b"/Contents 9 0 R"))
    assert "missing" in caught.value.reason
    assert "page 1" in str(caught.value.where)


def test_bytes_before_the_header_are_skipped() -> None:
    data = _pdf(lambda canvas: _lines(canvas, 72, 700, ["一、总体情况"]))
    for prefix in (b"\n\n", b"\xef\xbb\xbf", b"HTTP/1.1 200 OK\r\n\r\n"):
        document = read_pdf(prefix + data)
        assert [b.text for b in document.blocks] == ["一、总体情况"]
        assert [code for code, _, _ in document.notes] == ["repair.pdf-prefix"]


def test_encrypted_pdf_needs_its_password() -> None:
    data = _pdf(lambda canvas: _lines(canvas, 72, 700, ["一、总体情况"]), encrypt="secret")
    assert "password" in _message(data)


def test_pdf_with_only_an_owner_password_is_read() -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", 12)
        canvas.drawString(72, 700, "Annual report 2024")

    encryption = StandardEncryption("", ownerPassword="owner", canCopy=0)
    document = read_pdf(_pdf(page, encrypt=encryption))
    assert [b.text for b in document.blocks] == ["Annual report 2024"]


def test_page_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_load, "MAX_PAGES", 2)
    data = _pdf(*[lambda canvas: _lines(canvas, 72, 700, ["一、总体情况"])] * 3)
    assert "more than 2 pages" in _message(data)


def test_compression_bomb_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "useA85", 0)
    monkeypatch.setattr(_load, "MAX_STREAM_BYTES", 2000)
    data = _pdf(lambda canvas: _lines(canvas, 72, 700, ["一、总体情况"] * 40), pageCompression=1)
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(data)
    assert "compression bomb" in caught.value.reason
    assert "page 1" in str(caught.value.where)


def _long_page(canvas: Canvas) -> None:
    _lines(canvas, 72, 700, ["一、总体情况"] * 40)


def _form_page(canvas: Canvas) -> None:
    canvas.beginForm("lines")
    _long_page(canvas)
    canvas.endForm()
    canvas.doForm("lines")


@pytest.mark.parametrize("case", ["ascii85 and flate", "encrypted", "form"])
def test_compression_bomb_is_refused_through_chains_encryption_and_forms(
    monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    # The size was checked only for a page's stream with Flate alone: reportlab's default
    # [/ASCII85Decode /FlateDecode], an encrypted stream and a form XObject's stream were
    # inflated whole by pdfminer (a 505 KB file took 861 MB of memory).
    from reportlab.lib.pdfencrypt import StandardEncryption

    monkeypatch.setattr(_load, "MAX_STREAM_BYTES", 2000)
    options: dict[str, object] = {"pageCompression": 1}
    if case == "encrypted":
        options["encrypt"] = StandardEncryption("", ownerPassword="owner")
    data = _pdf(_form_page if case == "form" else _long_page, **options)
    if case == "ascii85 and flate":
        assert b"/ASCII85Decode" in data
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(data)
    assert "compression bomb" in caught.value.reason
    assert "page 1" in str(caught.value.where)


@pytest.mark.parametrize(
    ("filters", "raw"),
    [
        ("RunLengthDecode", b"\x81A" * 20 + b"\x80"),  # 20 runs of 128 "A"s
        ("ASCII85Decode", b"z" * 600 + b"~>"),  # 600 times four zero bytes
        ("ASCIIHexDecode FlateDecode", zlib.compress(b" " * 3000).hex().encode()),
    ],
    ids=["run length", "ascii85 z", "hex then flate"],
)
def test_every_filter_of_a_chain_is_checked_for_a_bomb(
    monkeypatch: pytest.MonkeyPatch, filters: str, raw: bytes
) -> None:
    monkeypatch.setattr(_load, "MAX_STREAM_BYTES", 2000)
    names = [PSLiteralTable.intern(name) for name in filters.split()]
    stream = PDFStream({"Filter": names, "Length": len(raw)}, raw)
    with pytest.raises(ReportError, match="compression bomb"):
        _load._check_inflated_size(stream, raw)
    monkeypatch.setattr(_load, "MAX_STREAM_BYTES", 4000)
    _load._check_inflated_size(stream, raw)  # within the limit: nothing said


def test_object_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_load, "MAX_PAGE_OBJECTS", 5)
    data = _pdf(lambda canvas: _lines(canvas, 72, 700, ["一、总体情况"]))
    assert "drawn objects" in _message(data)


def test_object_limit_counts_what_forms_draw(monkeypatch: pytest.MonkeyPatch) -> None:
    # A form XObject is one object of the page's layout however much it draws: a small
    # file can draw a huge form, or one form on every page. What is drawn is counted.
    monkeypatch.setattr(_load, "MAX_PAGE_OBJECTS", 50)

    def page(canvas: Canvas) -> None:
        canvas.beginForm("rows")
        _lines(canvas, 72, 700, ["一、总体情况", "二、主动公开政府信息情况"])
        canvas.endForm()
        for _ in range(5):
            canvas.doForm("rows")

    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(_pdf(page))
    assert "drawn objects" in caught.value.reason
    assert "form XObjects included" in caught.value.reason
    assert "page 1" in str(caught.value.where)


def test_document_object_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_load, "MAX_DOCUMENT_OBJECTS", 30)
    data = _pdf(*[lambda canvas: _lines(canvas, 72, 700, ["二、主动公开政府信息情况"])] * 4)
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(data)
    assert "more than 30 glyphs and paths in all" in caught.value.reason
    assert "page 3" in str(caught.value.where)


def _raw_pdf(
    pages: Sequence[bytes],
    forms: Sequence[bytes] = (),
    fanout: int = 1,
    font_streams: dict[str, bytes] | None = None,
) -> bytes:
    """A PDF written by hand, for what reportlab cannot draw: pages showing a title and
    running their content (the same stream object when two pages pass the same bytes),
    and form XObjects nested in a chain, each drawing the one after it ``fanout`` times
    and the last one running ``forms[-1]``; a page draws the first with ``/X Do``. The
    font may carry Flate streams: ``{"ToUnicode": …}`` in its dictionary, ``{"FontFile":
    …}`` in its descriptor."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(extra: bytes, data: bytes) -> int:
        return add(b"<< %s /Length %d >>\nstream\n%s\nendstream" % (extra, len(data), data))

    entries = b""
    for key, data in (font_streams or {}).items():
        number = stream(b"/Filter /FlateDecode", zlib.compress(data))
        if key == "ToUnicode":
            entries += b" /ToUnicode %d 0 R" % number
        else:
            descriptor = add(
                b"<< /Type /FontDescriptor /FontName /Helvetica /Flags 32 "
                b"/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 "
                b"/CapHeight 700 /StemV 80 /%s %d 0 R >>" % (key.encode(), number)
            )
            entries += b" /FontDescriptor %d 0 R" % descriptor
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica%s >>" % entries)
    form = 0
    for index, body in enumerate(reversed(forms)):
        inner = b" /Resources << /XObject << /X %d 0 R >> >>" % form if index else b""
        data = b"/X Do\n" * fanout if index else body
        form = stream(b"/Type /XObject /Subtype /Form /BBox [0 0 595 842]" + inner, data)
    resources = b"<< /Font << /F1 %d 0 R >>%s >>" % (
        font,
        b" /XObject << /X %d 0 R >>" % form if form else b"",
    )
    contents: dict[bytes, int] = {}
    kids = []
    for content in pages:
        if content not in contents:
            contents[content] = stream(
                b"", b"BT /F1 12 Tf 72 800 Td (Annual report) Tj ET\n" + content
            )
        kids.append(
            b"<< /Type /Page /Parent PARENT /MediaBox [0 0 595 842] /Resources %s "
            b"/Contents %d 0 R >>" % (resources, contents[content])
        )
    parent = len(objects) + len(kids) + 1
    numbers = [add(kid.replace(b"PARENT", b"%d 0 R" % parent)) for kid in kids]
    refs = b" ".join(b"%d 0 R" % number for number in numbers)
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (refs, len(numbers)))
    root = add(b"<< /Type /Catalog /Pages %d 0 R >>" % parent)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        root,
        xref,
    )
    return bytes(out)


@pytest.mark.parametrize("key", ["ToUnicode", "FontFile"])
def test_a_font_stream_bomb_is_refused(monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    # pdfminer inflates a font's ToUnicode map and a simple font's program whole when it
    # loads the font: a 430 KB file took 640 MB of memory, and a larger one would take
    # all there is.
    monkeypatch.setattr(_load, "MAX_STREAM_BYTES", 2000)
    data = _raw_pdf([b""], font_streams={key: b" " * 3000})
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(data)
    assert "a font's stream inflates to more than 2000 bytes" in caught.value.reason
    assert "compression bomb" in caught.value.reason
    assert "page 1" in str(caught.value.where)
    monkeypatch.setattr(_load, "MAX_STREAM_BYTES", 4000)
    assert [block.text for block in read_pdf(data).blocks] == ["Annual report"]


def test_raw_pdf_with_forms_is_read() -> None:
    # The helper's forms are run: text three forms deep is read.
    data = _raw_pdf([b"/X Do\n"], [b"", b"", b"BT /F1 12 Tf 72 700 Td (Inside) Tj ET\n"])
    assert [block.text for block in read_pdf(data).blocks] == ["Annual report", "Inside"]


def test_forms_nested_too_deep_are_refused_as_they_are_run() -> None:
    # Checked while interpreting: each form drawing the one below twice doubles the
    # work at every level (depth 14 of a 3.5 KB file ran for minutes), all of it spent
    # before the layout pdfminer returns could be looked at.
    depth = _load.MAX_FIGURE_DEPTH + 1
    data = _raw_pdf([b"/X Do\n"], [b""] * (depth - 1) + [b"q Q\n"])
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(data)
    assert f"nested more than {_load.MAX_FIGURE_DEPTH} deep" in caught.value.reason
    assert "MAX_FIGURE_DEPTH" in caught.value.reason
    assert "page 1" in str(caught.value.where)
    # One level less is read.
    data = _raw_pdf([b"/X Do\n"], [b""] * (depth - 2) + [b"q Q\n"])
    assert [block.text for block in read_pdf(data).blocks] == ["Annual report"]


def _tokens_parsed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the tokens pdfminer's content parser reads, whatever the reader does."""
    from pdfminer.psparser import PSBaseParser

    count = [0]
    nexttoken = PSBaseParser.nexttoken

    def counting(self: PSBaseParser) -> object:
        count[0] += 1
        return nexttoken(self)

    monkeypatch.setattr(PSBaseParser, "nexttoken", counting)
    return count


def test_graphics_states_saved_and_never_restored_are_refused() -> None:
    # Each "q" keeps a copy of the graphics state until its "Q": two million of them,
    # within the content budget, held over a gigabyte.
    deep = _raw_pdf([b"q " * (_load.MAX_SAVED_STATES + 1) + b"\n"])
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(deep)
    assert "MAX_SAVED_STATES" in caught.value.reason
    assert "page 1" in str(caught.value.where)
    # As deep as allowed, then all restored, and again: read.
    nested = b"q " * _load.MAX_SAVED_STATES + b"Q " * _load.MAX_SAVED_STATES + b"\n"
    assert [block.text for block in read_pdf(_raw_pdf([nested * 2])).blocks] == ["Annual report"]


def test_operators_that_draw_nothing_count_against_the_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "q Q" draws nothing and costs pdfminer as much as text: 1.6 million of them (a
    # 7 KB file) took half a minute. A small variant, under a small limit.
    monkeypatch.setattr(_load, "MAX_DOCUMENT_CONTENT_BYTES", 3000)
    parsed = _tokens_parsed(monkeypatch)
    data = _raw_pdf([b"q Q\n" * 100_000])
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(data)
    assert "more than 3000 bytes" in caught.value.reason
    assert "MAX_DOCUMENT_CONTENT_BYTES" in caught.value.reason
    assert "page 1" in str(caught.value.where)
    # Refused as the limit is reached, not after the 200,000 tokens were read.
    assert parsed[0] < 4000


def test_a_stream_shared_by_pages_counts_each_time_it_is_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_load, "MAX_DOCUMENT_CONTENT_BYTES", 4000)
    shared = b"q Q\n" * 300  # 1,200 bytes, one stream object for all pages
    data = _raw_pdf([shared] * 6)
    assert data.count(b"q Q") == 300
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(data)
    assert "MAX_DOCUMENT_CONTENT_BYTES" in caught.value.reason
    assert "page 4" in str(caught.value.where)


def test_forms_drawing_the_one_below_twice_count_each_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Depth 10 under the depth limit, but 2**10 runs of the bottom form.
    monkeypatch.setattr(_load, "MAX_DOCUMENT_CONTENT_BYTES", 5000)
    parsed = _tokens_parsed(monkeypatch)
    data = _raw_pdf([b"/X Do\n"], [b""] * 9 + [b"q Q\n" * 20], fanout=2)
    assert len(data) < 3000
    with pytest.raises(ReportError) as caught:
        govinfo_report.parse(data)
    assert "MAX_DOCUMENT_CONTENT_BYTES" in caught.value.reason
    assert "page 1" in str(caught.value.where)
    assert parsed[0] < 6000  # of the 2**10 * 40 the file asks for


def test_operands_no_operator_takes_are_not_copied_at_every_operator(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # pdfminer copies its whole operand stack at each operator: 20,000 stray numbers
    # then 20,000 operators would copy 400 million entries.
    from pdfminer.pdfinterp import PDFPageInterpreter

    deepest = [0]
    pop = PDFPageInterpreter.pop

    def measuring(self: PDFPageInterpreter, n: int) -> object:
        deepest[0] = max(deepest[0], len(self.argstack))
        return pop(self, n)

    monkeypatch.setattr(PDFPageInterpreter, "pop", measuring)
    data = _raw_pdf([b"1 " * 20_000 + b"\n" + b"1 w\n" * 2_000])
    assert [block.text for block in read_pdf(data).blocks] == ["Annual report"]
    assert deepest[0] <= _load.MAX_OPERANDS + 1


def test_a_glyph_placed_by_an_infinite_number_is_left_out_and_noted() -> None:
    # pdfminer reads a number too long for a float as infinity; a glyph drawn in such
    # a matrix is on no page.
    def page(canvas: Canvas) -> None:
        _lines(canvas, 72, 700, ["一、总体情况"])
        canvas._code.append("q 1" + "0" * 400 + ".0 0 0 1 0 0 cm")
        _lines(canvas, 72, 600, ["隐"])
        canvas._code.append("Q")

    document = read_pdf(_pdf(page))
    assert [block.text for block in document.blocks] == ["一、总体情况"]
    (note,) = [message for code, message, _ in document.notes if code == "repair.pdf-unplaced"]
    assert note.startswith("1 glyph(s)")


def test_a_page_of_infinite_size_is_an_error() -> None:
    data = _pdf(lambda canvas: _lines(canvas, 72, 700, ["一、总体情况"]))
    box = re.search(rb"/MediaBox \[ 0 0 ([0-9.]+) ", data)
    assert box is not None
    data = data.replace(box.group(1), b"1" + b"0" * 400 + b".0")
    with pytest.raises(ReportError) as caught:
        read_pdf(data)
    assert "MediaBox" in caught.value.reason
    assert "page 1" in str(caught.value.where)


def test_print_too_small_to_measure_does_not_break_the_margins() -> None:
    # Text under half a point rounds to size 0, the size no line is within a share of.
    document = read_pdf(
        _pdf(lambda canvas: _lines(canvas, 72, 700, ["一、总体情况", "二、主动公开"], size=0.4))
    )
    assert [block.text for block in document.blocks] == ["一、总体情况", "二、主动公开"]


def test_ruling_limit_reads_the_table_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from govinfo_report.readers import pdf

    monkeypatch.setattr(pdf, "MAX_RULINGS", 3)

    def page(canvas: Canvas) -> None:
        _table(canvas, 72, 700, [100, 50], [20], [(0, 0, 1, 1, ["规章"]), (0, 1, 1, 1, ["7"])])

    document = read_pdf(_pdf(page))
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == ["规章 7"]
    assert [code for code, _, _ in document.notes] == ["doubt.pdf-rulings"]


def test_reader_refuses_text() -> None:
    with pytest.raises(ReportError):
        read_pdf("%PDF-1.7")  # type: ignore[arg-type]


def test_a_warning_given_on_every_page_is_one_note_naming_the_pages() -> None:
    reader = _Reader()
    for number in (1, 2, 3):
        glyph = _load.Glyph("字", 72, 700, 82, 710, 10, "F")
        content = _load.PageContent(
            number=number, bbox=(0, 0, WIDTH, HEIGHT), glyphs=(glyph,), segments=(), images=()
        )
        notes = [("repair.pdf", "pdfminer: a font flaw")]
        if number == 2:
            notes.append(("repair.pdf", "pdfminer: another flaw"))
        reader.add_page(content, notes)
    document = reader.finish()
    warnings = [(message, where) for code, message, where in document.notes if code == "repair.pdf"]
    assert [message for message, _ in warnings] == [
        "pdfminer: a font flaw (pages 1, 2, 3)",
        "pdfminer: another flaw",
    ]
    assert [where.page for _, where in warnings if where is not None] == [1, 2]


def test_a_menu_beside_the_article_is_read_as_a_column_of_its_own() -> None:
    """A web page printed to PDF: a banner across, a menu on the left, the article on the
    right, whose title shares a baseline with a menu entry; a signature and its date on one
    line with a wide gap stay one line."""
    size = 10.0
    menu = [
        "首页",
        "政务公开",
        "政务服务",
        "政府信息公开指南",
        "法定主动公开内容",
        "政府信息公开年报",
    ]

    def page(canvas: Canvas) -> None:
        _lines(canvas, 40, 800, ["某某镇人民政府门户网站 设为首页 | 加入收藏"], size)
        for i, entry in enumerate(menu):
            _lines(canvas, 40, 760 - i * 16, [entry], size)
        canvas.setFont(FONT, 14)
        canvas.drawString(160, 760 - 4 * 16, "某某镇人民政府2024年政府信息公开工作年度报告")
        _lines(canvas, 160 + 2 * size, 640, ["本" * 36], size)
        _lines(canvas, 160, 640 - 1.5 * size, ["年" * 38, "度。"], size)
        canvas.setFont(FONT, size)
        canvas.drawString(160, 560, "某某镇人民政府")
        canvas.drawString(160 + 20 * size, 560, "2025年1月20日")

    document = read_pdf(_pdf(page))
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert texts == [
        "某某镇人民政府门户网站 设为首页 | 加入收藏",
        *menu,
        "某某镇人民政府2024年政府信息公开工作年度报告",
        "本" * 36 + "年" * 38 + "度。",
        "某某镇人民政府 2025年1月20日",
    ]


def test_an_underline_is_told_from_a_strike_through_by_the_baseline() -> None:
    # Helvetica's box reaches a fifth of an em below the baseline: a link's underline just
    # under the baseline lies as high in that box as a strike-through in a CJK font's.
    def page(canvas: Canvas) -> None:
        canvas.setFont("Helvetica", SIZE)
        canvas.drawString(72, 700, "www.example.gov.cn")
        width = pdfmetrics.stringWidth("www.example.gov.cn", "Helvetica", SIZE)
        canvas.setLineWidth(0.5)
        canvas.line(72, 699.5, 72 + width, 699.5)  # underline, half a point under
        canvas.drawString(72, 680, "old new")
        old = pdfmetrics.stringWidth("old", "Helvetica", SIZE)
        canvas.line(72, 680 + 0.3 * SIZE, 72 + old, 680 + 0.3 * SIZE)  # strike-through

    document = read_pdf(_pdf(page))
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert texts == ["www.example.gov.cn", "new"]


def test_an_underline_up_to_a_cell_s_side_is_no_ruling_a_ruling_with_one_side_is() -> None:
    """LibreOffice underlines an inserted number that fills its cell up to the cell's
    side: met by a vertical line at one end, the underline was taken for a ruling and cut
    the cell in two ("722" / "105" read 722). A ruling whose other side is missing, a
    third of an em under the text above it, stays a ruling."""
    width = 2 * PAD + pdfmetrics.stringWidth("722", "Helvetica", SIZE)

    def page(canvas: Canvas) -> None:
        _table(canvas, 72, 700, [60, width], [30], [(0, 0, 1, 1, ["总计"]), (0, 1, 1, 1, [])])
        canvas.setFont("Helvetica", SIZE)
        x = 72 + 60 + PAD
        for i, text in enumerate(["722", "105"]):
            baseline = 700 - PAD - (i + 1) * SIZE * 1.15
            canvas.drawString(x, baseline, text)
            canvas.line(x, baseline - 0.1 * SIZE, 72 + 60 + width, baseline - 0.1 * SIZE)
        # Below: a row whose bottom ruling has a side at its left end only, under text
        # that spans it exactly.
        canvas.setFont(FONT, SIZE)
        label = pdfmetrics.stringWidth("本年处理决定", FONT, SIZE)
        canvas.drawString(72, 600, "本年处理决定")
        canvas.line(72, 600 - 0.35 * SIZE, 72 + label, 600 - 0.35 * SIZE)
        canvas.line(72, 600 - 0.35 * SIZE, 72, 560)
        canvas.line(72 + label + 40, 600 - 0.35 * SIZE, 72 + label + 40, 560)
        canvas.line(72, 560, 72 + label + 40, 560)
        canvas.drawString(74, 570, "30")

    data = _pdf(page)
    first = read_pdf(data).tables()[0]
    assert [[c.text for c in row] for row in first.rows] == [["总计", "722105"]]
    content, _ = next(iter(_load.load_pages(data)))
    kept = find_decorations(content.glyphs, content.segments).segments
    assert any(s.horizontal and abs(s.pos - (600 - 0.35 * SIZE)) < 0.5 for s in kept)


def test_what_is_drawn_outside_the_page_is_not_read() -> None:
    """wkhtmltopdf draws a table that runs over the page whole, clipped at the page's
    edge, and draws the rest again on the next page: the part outside is not read."""

    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["规章"]), (0, 1, 1, 1, ["5"]),
            (1, 0, 1, 1, ["行政许可"]), (1, 1, 1, 1, ["9"]),
        ]  # fmt: skip
        _table(canvas, 72, 25, [100, 50], [25, 25], cells)  # the second row below the page

    document = read_pdf(_pdf(page))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["规章", "5"]]
    assert not any("9" in b.text or "行政许可" in b.text for b in document.paragraphs())
    notes = [message for code, message, _ in document.notes if code == "repair.pdf-outside-page"]
    assert notes and notes[0].startswith("5 glyph(s)")


def _side_doubts(document: Document) -> set[tuple[float, float, float, float] | None]:
    """The boxes the reader doubted as cut by the page's (or a clip's) side."""
    return {
        location.bbox
        for code, _, location in document.notes
        if code == "doubt.pdf-cut-at-page-side" and location is not None
    }


@pytest.mark.parametrize("ruled_at_the_edge", [False, True], ids=["open", "ruled"])
def test_a_table_cut_by_the_page_s_side_has_its_cells_there_doubted(
    ruled_at_the_edge: bool,
) -> None:
    """A table wider than the paper (a web page of fixed width, printed) is cut by the
    page's side: a number there loses the digits beyond it (426249.94 shows as 426249.9),
    silently, unless the cell is doubted. Chromium leaves that side open; LibreOffice
    rules it at the page's edge. A table inside the page gets no such doubt."""

    def page(left: float) -> Callable[[Canvas], None]:
        def draw(canvas: Canvas) -> None:
            cells: list[_Cell] = [
                (0, 0, 1, 1, ["行政事业性收费"]), (0, 1, 1, 1, ["426249.94"]),
                (1, 0, 1, 1, ["行政许可"]), (1, 1, 1, 1, ["7"]),
            ]  # fmt: skip
            _table(canvas, left, 700, [100, 90], [20, 20], cells)
            if ruled_at_the_edge:
                canvas.line(WIDTH, 660, WIDTH, 700)

        return draw

    cut = read_pdf(_pdf(page(WIDTH - 140)))
    (table,) = [b for b in cut.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [
        ["行政事业性收费", "426249.9"],
        ["行政许可", "7"],
    ]
    assert _side_doubts(cut) == {row[1].location.bbox for row in table.rows}
    assert _side_doubts(read_pdf(_pdf(page(72)))) == set()


def test_a_table_cut_by_a_clip_at_its_open_side_has_its_cells_there_doubted() -> None:
    """Chromium clips a table wider than the printed area at the area's edge, inside the
    page: the side there has no ruling, and the glyph across the edge is hidden by the
    clip. That glyph is the evidence of the cut; hidden text far beyond the side (a
    sidebar clipped away) is none."""

    def page(reach: float) -> Callable[[Canvas], None]:
        def draw(canvas: Canvas) -> None:
            canvas.setLineWidth(0.5)
            for y in (700, 680, 660):
                canvas.line(72, y, 262, y)
            for x in (72, 172):
                canvas.line(x, 660, x, 700)  # no ruling along the right side, at 262
            canvas.setFont(FONT, SIZE)
            canvas.drawString(72 + PAD, 687, "行政事业性收费")
            canvas.drawString(72 + PAD, 667, "行政许可")
            canvas.drawString(172 + PAD, 667, "7")
            canvas.saveState()
            clip = canvas.beginPath()
            clip.rect(0, 0, 262, HEIGHT)
            canvas.clipPath(clip, stroke=0, fill=0)
            canvas.drawString(reach, 687, "426249.94")
            canvas.restoreState()

        return draw

    cut = read_pdf(_pdf(page(229)))
    (table,) = [b for b in cut.blocks if isinstance(b, Table)]
    assert table.rows[0][1].text == "426249.9"
    assert _side_doubts(cut) == {row[1].location.bbox for row in table.rows}
    # Text clipped away well beyond the side is no evidence of a cut.
    assert _side_doubts(read_pdf(_pdf(page(300)))) == set()


def test_rulings_hidden_by_a_clip_do_not_close_a_table_s_side() -> None:
    """Chromium on paper narrower than a fixed-width table draws the whole table and
    clips it at the edge of the printed area. The cell's right side lies beyond the
    clip, drawn but not seen; read as a ruling, it closed the table's side, so the cut
    at the clip went unnoticed and 9463195 was read as 9463, silently."""

    def page(clip_at: float) -> Callable[[Canvas], None]:
        def draw(canvas: Canvas) -> None:
            canvas.saveState()
            clip = canvas.beginPath()
            clip.rect(0, 0, clip_at, HEIGHT)
            canvas.clipPath(clip, stroke=0, fill=0)
            cells: list[_Cell] = [
                (0, 0, 1, 1, ["行政事业性收费"]), (0, 1, 1, 1, ["426249.94"]),
                (1, 0, 1, 1, ["行政许可"]), (1, 1, 1, 1, ["7"]),
            ]  # fmt: skip
            _table(canvas, 72, 700, [100, 90], [20, 20], cells)
            canvas.restoreState()

        return draw

    cut = read_pdf(_pdf(page(200)))
    (table,) = [b for b in cut.blocks if isinstance(b, Table)]
    assert table.rows[0][1].text == "426249"
    assert round(table.rows[0][1].location.bbox[2]) == 201  # cut at the clip, not at 262
    assert _side_doubts(cut) == {row[1].location.bbox for row in table.rows}
    # A clip around the whole table hides nothing, and cuts no ruling.
    whole = read_pdf(_pdf(page(263)))
    (table,) = [b for b in whole.blocks if isinstance(b, Table)]
    assert table.rows[0][1].text == "426249.94"
    assert round(table.rows[0][1].location.bbox[2]) == 262
    assert _side_doubts(whole) == set()


def test_a_label_drawn_again_whole_overleaf_is_read_once_with_its_values() -> None:
    """wkhtmltopdf prints the lines of a cut cell that fit above the break and the whole
    cell again on the next page: "8." above with the row's values, "8.属于行政查询事项"
    overleaf with none. "8." reads as a number, so the two parts seemed to conflict and
    stayed two rows: the label overleaf got blank values, silently."""

    def part(
        across: Sequence[float], low: float, high: float, texts: Sequence[tuple[float, float, str]]
    ) -> Callable[[Canvas], None]:
        def draw(canvas: Canvas) -> None:
            canvas.setLineWidth(0.5)
            for y in across:
                canvas.line(72, y, 222, y)
            for x in (72, 172, 222):
                canvas.line(x, low, x, high)
            canvas.setFont(FONT, SIZE)
            for x, y, text in texts:
                canvas.drawString(x + PAD, y, text)

        return draw

    # The last row runs to the page's foot with no ruling there; overleaf it goes on with
    # no ruling along its top.
    def first(above: str) -> Callable[[Canvas], None]:
        texts = [(72, 107, "7.属于执法案卷"), (172, 107, "3"), (72, 87, above), (172, 87, "0")]
        return part((120, 100), 60, 120, texts)

    second = part(
        (740, 720),
        720,
        790,
        [
            (72, 770, "8.属于行政"),
            (72, 757, "查询事项"),
            (72, 727, "(四)无法提供"),
            (172, 727, "5"),
        ],
    )

    document = read_pdf(_pdf(first("8."), second))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [
        ["7.属于执法案卷", "3"],
        ["8.属于行政查询事项", "0"],
        ["(四)无法提供", "5"],
    ]
    assert "repair.pdf-cut-row" in [code for code, _, _ in document.notes]
    # A number above that is no enumeration ("8") is a value, not a label's start: the
    # rows stay apart (the conflicting parts are never joined).
    apart = read_pdf(_pdf(first("8"), second))
    (table,) = [b for b in apart.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows[1:3]] == [
        ["8", "0"],
        ["8.属于行政查询事项", ""],
    ]


def test_a_row_cut_where_the_page_above_drew_no_merged_column_is_rejoined() -> None:
    """A row taller than what is left of the page (Chromium's print of a LibreOffice web
    page, labels wrapped a character a line): the page above holds only its values, and
    no ruling crosses the merged column at the left there, so that page's table starts a
    column further right. The fragments' left edges differed, so they were two tables: the
    label overleaf got blank values and the values above went unlabelled."""

    def first(canvas: Canvas) -> None:
        canvas.setLineWidth(0.5)
        canvas.line(132, 160, 312, 160)
        for x in (132, 262, 312):
            canvas.line(x, 80, x, 160)  # open at the page's foot
        canvas.setFont(FONT, SIZE)
        canvas.drawString(262 + PAD, 147, "8")

    def second(canvas: Canvas) -> None:
        canvas.setLineWidth(0.5)
        for y in (750, 710):
            canvas.line(132, y, 312, y)
        canvas.line(72, 670, 312, 670)
        for x in (72, 132, 262, 312):
            canvas.line(x, 670, x, 790)  # open at the top: the row goes on from the page before
        canvas.setFont(FONT, SIZE)
        rows = (("3.危及稳定", ""), ("4. 保护权益", "25"), ("5. 内部事务", "23"))
        for (label, value), top in zip(rows, (790, 750, 710), strict=True):
            canvas.drawString(132 + PAD, top - PAD - SIZE, label)
            if value:
                canvas.drawString(262 + PAD, top - PAD - SIZE, value)

    document = read_pdf(_pdf(first, second))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    pairs = [[c.text for c in row if c.text] for row in table.rows]
    assert pairs == [["3.危及稳定", "8"], ["4. 保护权益", "25"], ["5. 内部事务", "23"]]
    assert "repair.pdf-cut-row" in [code for code, _, _ in document.notes]


def test_a_row_cut_with_no_ruling_along_the_cut_is_rejoined() -> None:
    """The last row of a table cut by the page break with its text all overleaf: an empty
    row at the foot of the page, and overleaf one row of cells with no ruling along its
    top (Chromium's default, and reportlab's, leave the cut edge undrawn). Before, that
    row was no table (one horizontal ruling) and was read as a paragraph: the row was lost.
    """

    def first(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["信息内容"]), (0, 1, 1, 1, ["本年收费金额"]),
            (1, 0, 1, 1, []), (1, 1, 1, 1, []),
        ]  # fmt: skip
        _table(canvas, 72, 80, [100, 80], [20, 20], cells)

    def second(canvas: Canvas) -> None:
        canvas.setLineWidth(0.5)
        top, bottom = 790, 770
        canvas.line(72, bottom, 252, bottom)
        for x in (72, 172, 252):
            canvas.line(x, bottom, x, top)
        canvas.setFont(FONT, SIZE)
        canvas.drawString(72 + PAD, bottom + 6, "行政事业性收费")
        canvas.drawString(172 + PAD, bottom + 6, "0")
        _lines(canvas, 72, 740, ["三、收到和处理政府信息公开申请情况"])

    document = read_pdf(_pdf(first, second))
    table, heading = document.blocks
    assert isinstance(table, Table) and isinstance(heading, Paragraph)
    assert [[c.text for c in row] for row in table.rows] == [
        ["信息内容", "本年收费金额"],
        ["行政事业性收费", "0"],
    ]
    assert "repair.pdf-cut-row" in [code for code, _, _ in document.notes]


def test_an_open_row_of_cells_is_a_table_a_bracket_is_not() -> None:
    def rulings(sides: Sequence[float], hanging: bool) -> list[Ruling]:
        line = Ruling(horizontal=True, pos=100, start=min(sides), end=max(sides))
        start, end = (80.0, 100.0) if hanging else (100.0, 120.0)
        return [line] + [Ruling(horizontal=False, pos=x, start=start, end=end) for x in sides]

    for hanging in (False, True):
        (group,) = connected_tables(rulings([50, 100, 150], hanging))
        grid = build_grid(group)
        assert grid is not None and len(grid.cells) == 2
        assert (grid.open_top, grid.open_bottom) == (not hanging, hanging)
        # Two sides only (a bracket, a box open on one side): no cells to speak of.
        assert connected_tables(rulings([50, 150], hanging)) == []
    # Sides of different lengths are no row cut at a page break.
    uneven = rulings([50, 100, 150], False)
    uneven[2] = Ruling(horizontal=False, pos=100, start=100, end=110)
    assert connected_tables(uneven) == []


def test_a_ruling_crossed_by_sides_running_from_cut_to_cut_is_two_open_rows() -> None:
    """The page in the middle of rows taller than a page: one ruling, crossed by the
    cells' sides, which all run from the page's top cut to its foot cut."""

    def rulings(sides: Sequence[float], ends: Sequence[tuple[float, float]]) -> list[Ruling]:
        line = Ruling(horizontal=True, pos=100, start=min(sides), end=max(sides))
        return [line] + [
            Ruling(horizontal=False, pos=x, start=s, end=e)
            for x, (s, e) in zip(sides, ends, strict=True)
        ]

    (group,) = connected_tables(rulings([50, 100, 150], [(40, 300)] * 3))
    grid = build_grid(group)
    assert grid is not None and len(grid.cells) == 4
    assert grid.open_top and grid.open_bottom
    # A cross, or two sides: no cells to speak of.
    assert connected_tables(rulings([50, 150], [(40, 300)] * 2)) == []
    # Sides that do not all end at the same cuts are no page's middle.
    assert connected_tables(rulings([50, 100, 150], [(40, 300), (40, 300), (60, 300)])) == []
    assert connected_tables(rulings([50, 100, 150], [(40, 300), (40, 280), (40, 300)])) == []


def test_joined_boxes_that_are_no_rectangle_are_cut_into_rectangles() -> None:
    """A ruling missing in part joins a cell and a sliver of the row below into an L
    (Chromium's print of a row cut at the page's foot). Taken as its bounding box, the
    cell overlapped the label and values before it and pushed them a column along."""
    xs, ys = [0.0, 60, 100, 140], [0.0, 8, 28, 48]  # ys upward: a sliver row at the foot
    rulings = [Ruling(horizontal=True, pos=y, start=0, end=140) for y in ys[1:]]
    rulings.append(Ruling(horizontal=True, pos=0, start=0, end=140))
    for x in xs:
        rulings.append(Ruling(horizontal=False, pos=x, start=8 if x in (60, 100) else 0, end=48))
    # The box in the middle of the row above the sliver has no floor: it joins the sliver.
    rulings = [r for r in rulings if not (r.horizontal and r.pos == 8)]
    rulings += [
        Ruling(horizontal=True, pos=8, start=0, end=60),
        Ruling(horizontal=True, pos=8, start=100, end=140),
    ]
    (group,) = connected_tables(rulings)
    grid = build_grid(group)
    assert grid is not None and grid.irregular == 1
    cells = sorted((c.row, c.column, c.rowspan, c.colspan) for c in grid.cells)
    # Row 1: label, the floorless cell, value; the sliver below is a cell of its own.
    assert (1, 0, 1, 1) in cells and (1, 2, 1, 1) in cells
    assert (1, 1, 2, 1) in cells  # the floorless cell with the sliver's box under it
    assert (2, 0, 1, 1) in cells and (2, 2, 1, 1) in cells
    covered = [
        (r, c) for r0, c0, h, w in cells for r in range(r0, r0 + h) for c in range(c0, c0 + w)
    ]
    assert len(covered) == len(set(covered)) == 3 * 3  # no box twice, none left out
    # The pieces the L was cut into, each doubted by the reader at its own box.
    pieces = [grid.cells[i] for i in grid.cut_cells]
    assert sorted((c.row, c.column, c.rowspan, c.colspan) for c in pieces) == [
        (1, 1, 2, 1),
        (2, 0, 1, 1),
        (2, 2, 1, 1),
    ]


def test_a_value_in_a_piece_of_a_cut_cell_is_doubted() -> None:
    """The doubt about a merged cell that is no rectangle named the whole table's box, so
    it reached no cell: the value read in a piece looked as sure as any."""
    xs, ys = [100.0, 220, 300, 380], [500.0, 516, 556, 596]  # a sliver row at the foot

    def page(canvas: Canvas) -> None:
        canvas.setLineWidth(0.8)
        for y in ys:
            if y == 516:  # the floor of the middle box is missing
                canvas.line(100, y, 220, y)
                canvas.line(300, y, 380, y)
            else:
                canvas.line(100, y, 380, y)
        for x in xs:
            canvas.line(x, 516 if x in (220, 300) else 500, x, 596)
        canvas.setFont("STSong-Light", 10)
        for x, y, text in ((110, 570, "甲"), (250, 570, "6"), (310, 570, "8")):
            canvas.drawString(x, y, text)
        for x, y, text in ((110, 530, "乙"), (250, 530, "7"), (310, 530, "9")):
            canvas.drawString(x, y, text)

    document = read_pdf(_pdf(page))
    doubted = [
        where.bbox for code, _, where in document.notes if code == "doubt.pdf-irregular-cell"
    ]
    assert len(doubted) == 3
    ((seven,),) = [
        [cell for cell in row if cell.text == "7"]
        for table in document.tables()
        for row in table.rows
        if any(cell.text == "7" for cell in row)
    ]
    assert seven.location.bbox in doubted


def test_a_reader_s_doubt_about_a_cell_marks_its_value_doubtful() -> None:
    """A doubt the PDF reader notes at a cell's box (a number joined over lines, a value
    in a cell merged across rows) marks that cell's value doubtful, and no other. Before,
    it was only a note: the value looked as sure as any."""
    report = consistent_example("青禾镇人民政府", 2024)
    document = read_pdf(render_pdf(report))
    (row,) = [r for t in document.tables() for r in t.rows if r and r[0].text == "规章"]
    location = row[1].location
    assert location.page is not None and location.bbox is not None
    note = ("doubt.pdf-number-wrapped", "a number wrapped over lines was joined", location)
    doubted = recognize(attrs.evolve(document, notes=(*document.notes, note)))
    first, *others = doubted.active.row("regulations")
    assert first.doubtful and not any(cell.doubtful for cell in others)
    assert not any(c.doubtful for _, cells in doubted.applications.rows for c in cells)
    assert not recognize(document).active.row("regulations")[0].doubtful


def test_a_value_in_a_cell_merged_across_labelled_rows_is_doubtful() -> None:
    """A ruling missing between two rows' value cells makes one cell of both: its value
    is read for the first row and noted as a doubt, so that cell is doubtful."""

    def page(canvas: Canvas) -> None:
        cells: list[_Cell] = [
            (0, 0, 1, 1, ["信息内容"]), (0, 1, 1, 1, ["本年处理决定数量"]),
            (1, 0, 1, 1, ["行政处罚"]), (1, 1, 2, 1, ["", "", "30"]),
            (2, 0, 1, 1, ["行政强制"]),
        ]  # fmt: skip
        _table(canvas, 72, 700, [80, 100], [20, 20, 20], cells)

    document = read_pdf(_pdf(page))
    (table,) = document.tables()
    assert [[c.text for c in row] for row in table.rows] == [
        ["信息内容", "本年处理决定数量"],
        ["行政处罚", "30"],
        ["行政强制"],
    ]
    (note,) = [n for n in document.notes if n[0] == "doubt.pdf-merged-value"]
    assert note[2] is not None and note[2].bbox == table.rows[1][1].location.bbox


def _rulings_of_a_page_in_the_middle(side: float, rows: int) -> list[Ruling]:
    """A table page whose first column is one merged cell from the page before to the
    next: no ruling crosses it, and its left side (at ``side``) touches nothing."""
    ys = [20.0 * r for r in range(rows + 1)]
    rulings = [Ruling(horizontal=True, pos=y, start=50, end=150) for y in ys]
    rulings += [Ruling(horizontal=False, pos=x, start=0, end=ys[-1]) for x in (50, 100, 150)]
    rulings.append(Ruling(horizontal=False, pos=side, start=0, end=ys[-1]))
    return rulings


def test_the_side_of_a_column_no_ruling_crosses_belongs_to_the_table() -> None:
    (group,) = connected_tables(_rulings_of_a_page_in_the_middle(side=20, rows=4))
    grid = build_grid(group)
    assert grid is not None
    assert grid.xs[0] == 20  # the table keeps its first column
    first = [cell for cell in grid.cells if cell.column == 0]
    assert [(cell.row, cell.rowspan) for cell in first] == [(0, 4)]


def test_a_change_bar_or_a_short_table_gets_no_side_column() -> None:
    # A change bar sits closer to the text than any column is wide; beside a row or two,
    # a change bar runs as long as a column's side would.
    for side, rows in ((43, 4), (20, 2)):
        (group,) = connected_tables(_rulings_of_a_page_in_the_middle(side=side, rows=rows))
        grid = build_grid(group)
        assert grid is not None and grid.xs[0] == 50, (side, rows)


def _open_table(
    canvas: Canvas, ys: Sequence[float], rows: Sequence[Sequence[str]], merged: str
) -> None:
    """Rows of a label and a value beside a merged first column, from ``ys[0]`` down to
    ``ys[-1]``, with no ruling along either end (cut there by page breaks) and none across
    the merged column: Chromium's print of a tall table's page in the middle."""
    xs = (72, 132, 262, 312)
    canvas.setLineWidth(0.5)
    for x in xs:
        canvas.line(x, ys[-1], x, ys[0])
    for y in ys[1:-1]:
        canvas.line(xs[1], y, xs[-1], y)
    canvas.setFont(FONT, SIZE)
    if merged:
        canvas.drawString(xs[0] + PAD, ys[0] - PAD - SIZE, merged)
    for (label, value), y in zip(rows, ys, strict=False):
        for x, text in ((xs[1], label), (xs[2], value)):
            if text:
                canvas.drawString(x + PAD, y - PAD - SIZE, text)


def test_a_page_with_no_ruling_at_either_end_keeps_its_merged_column() -> None:
    """A tall table printed over pages (Chromium's print of a web page): a page in the
    middle is cut at both ends with no ruling along the cuts, and the merged column beside
    its rows ("三、本年度办理结果") has no ruling across it. Its side counts as the table's
    only when the table has three rows or more, and the two open rows were not counted: the
    page lost its first column, no longer lined up with the page before, and the row cut
    by the break was not rejoined. The label overleaf got blank values and the values
    above went with no label: a blank read where the value was 8."""
    cut = [("1. 属于国家秘密", "23"), ("2. 其他法规禁止", "26"), ("", "8")]
    overleaf = [
        ("3.危及稳定", ""), ("4. 保护第三方权益", "25"),
        ("5. 属于内部事务", "23"), ("6. 属于过程信息", "4"),
    ]  # fmt: skip

    def first(canvas: Canvas) -> None:
        _open_table(canvas, [160, 140, 120, 80], cut, "三、本年度")
        # The page's foot is the cut: the table is closed at its top only.
        canvas.line(72, 160, 312, 160)

    def second(canvas: Canvas) -> None:
        _open_table(canvas, [790, 750, 730, 710, 670], overleaf, "")

    document = read_pdf(_pdf(first, second))
    (table,) = [block for block in document.blocks if isinstance(block, Table)]
    pairs = [[c.text for c in row if c.column > 0] for row in table.rows]
    assert pairs == [
        ["1. 属于国家秘密", "23"],
        ["2. 其他法规禁止", "26"],
        ["3.危及稳定", "8"],
        ["4. 保护第三方权益", "25"],
        ["5. 属于内部事务", "23"],
        ["6. 属于过程信息", "4"],
    ]
    assert "repair.pdf-cut-row" in [code for code, _, _ in document.notes]


def test_a_page_holding_only_the_end_of_a_row_and_the_start_of_the_next_is_joined() -> None:
    """Rows taller than a page (labels wrapped a character a line, Chromium's print of
    LibreOffice's web page on letter landscape): a page in the middle holds the end of
    one row and the start of the next, with one ruling between them, none across the
    merged columns, and the sides running from cut to cut. That page was no table (one
    ruling across, crossed by the sides) and was read as paragraphs: the label of 表三's
    (六) lost its sub-rows, and (六) was read as one row holding its first sub-row's
    values, with no doubt."""

    def first(canvas: Canvas) -> None:
        _open_table(canvas, [160, 120, 80], [("（五）不予", "7"), ("1. 属于", "23")], "三、本年度")
        canvas.line(72, 160, 312, 160)

    def second(canvas: Canvas) -> None:
        _open_table(canvas, [790, 500, 72], [("国家秘密", ""), ("2. 其他法律", "26")], "")

    def third(canvas: Canvas) -> None:
        rows = [("法规禁止", ""), ("3.危及稳定", "8"), ("4. 保护", "25")]
        _open_table(canvas, [790, 760, 740, 700], rows, "")
        canvas.line(72, 700, 312, 700)

    document = read_pdf(_pdf(first, second, third))
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert [[c.text for c in row if c.column > 0] for row in table.rows] == [
        ["（五）不予", "7"],
        ["1. 属于国家秘密", "23"],
        ["2. 其他法律法规禁止", "26"],
        ["3.危及稳定", "8"],
        ["4. 保护", "25"],
    ]
    assert [n[2].page for n in document.notes if n[0] == "repair.pdf-cut-row"] == [2, 3]


def test_a_full_line_cut_mid_sentence_goes_on_across_a_wide_line_gap() -> None:
    """A paragraph pasted from Word at 28 pt line spacing among paragraphs at 1.5 lines:
    its full first line, cut mid-sentence, goes on; a full line that ends a sentence
    before a wide gap ends its paragraph (paragraphs set apart by space, not indent)."""
    size, left, chars = 12.0, 72.0, 30

    def page(canvas: Canvas) -> None:
        y = 760.0
        for text in (*["本" * chars] * 4, *["年" * chars] * 3, "度" * 10 + "。"):
            _lines(canvas, left, y, [text], size)
            y -= 1.5 * size
        y -= 1.5 * size
        _lines(canvas, left, y, ["请" * (chars - 1) + "电"], size)  # full, mid-sentence
        y -= 28.0
        _lines(canvas, left, y, ["话：010-12345678。"], size)
        y -= 1.5 * size + 28.0
        _lines(canvas, left, y, ["工" * (chars - 1) + "。"], size)  # full, ends a sentence
        y -= 28.0
        _lines(canvas, left, y, ["作" * 5 + "。"], size)

    document = read_pdf(_pdf(page))
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert texts == [
        "本" * chars * 4 + "年" * chars * 3 + "度" * 10 + "。",
        "请" * (chars - 1) + "电话：010-12345678。",
        "工" * (chars - 1) + "。",
        "作" * 5 + "。",
    ]


def test_a_running_header_across_a_menu_and_an_article_is_dropped() -> None:
    """A browser's header (date, page title) runs across the top of every page, just above
    the site's menu and the article beside it: it stays one line, known as furniture."""
    size = 10.0
    header = ("2024/1/20 10:30", "某某镇人民政府政府信息公开工作年度报告_某某镇")

    def page(first: bool) -> Callable[[Canvas], None]:
        def draw(canvas: Canvas) -> None:
            canvas.setFont(FONT, size)
            canvas.drawString(24, 815, header[0])
            canvas.drawString(250, 815, header[1])
            if first:
                for i, entry in enumerate(["首页", "政务公开", "政务服务", "互动交流"]):
                    _lines(canvas, 40, 800 - i * 16, [entry], size)
            for i in range(6):
                _lines(canvas, 160, 795 - i * 16, ["本" * 30 + ("。" if i == 5 else "")], size)

        return draw

    document = read_pdf(_pdf(page(True), page(False)))
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert not any(header[1] in text or header[0] in text for text in texts)
    dropped = [
        where.page for code, _, where in document.notes if code == "repair.page-header" and where
    ]
    assert dropped == [1, 2]


def test_an_area_code_in_brackets_opens_no_item() -> None:
    # "(010)12345678" at a line's start was taken for an enumeration, "(1)", and began a
    # paragraph: the phone went apart from its field name ("电话：") and was lost.
    assert _text.enumerated("(1)属于国家秘密") and _text.enumerated("（12）其他")
    assert not _text.enumerated("(010)12345678") and not _text.enumerated("（0591）1234567")


def test_a_phone_with_its_area_code_in_brackets_is_read_wherever_the_line_wraps() -> None:
    base = consistent_example("云溪市民政局", 2024)
    for length in range(1, 30):
        report = attrs.evolve(base, contact={"address": "人" * length, "phone": "(010)12345678"})
        parsed = govinfo_report.parse(render_pdf(report))
        assert parsed.metadata.contact is not None
        assert parsed.metadata.contact.phone == "(010)12345678", length
