"""Print a :class:`SyntheticReport` as a PDF, laid out like the official form.

The document is set with reportlab's platypus in the built-in Chinese font
(STSong-Light, a CID font that needs no font file): a centred title, headings,
indented prose wrapped at the text width, and the three tables ruled cell by
cell with the official form's merged cells (table 三: the note over three
header rows, 申请人情况 over the applicant columns, 三、本年度办理结果 down the
results, （三）…（六） down their items; table 四: 行政复议 and 行政诉讼 over
their outcomes). Narrow columns make labels wrap, one or two characters a line,
as in the real form. Tables run over page breaks between rows.

:class:`PdfNoise` switches on what real PDFs add: page numbers and a running
header in the margins, table 三's header repeated on each page, printed label
variants, the title over two lines, and extra space before the tables so that
page breaks fall in different rows.

This module needs reportlab, a test dependency (``pip install govinfo_report[test]``).
"""

from __future__ import annotations

import io
import random
from collections.abc import Sequence
from typing import Any

import attrs
from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.pdfbase import pdfmetrics  # type: ignore[import-untyped]
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from govinfo_report.synth import SyntheticReport
from govinfo_report.synth._form import FormGrid, form_grid

__all__ = ["PdfNoise", "render_pdf"]

#: reportlab's built-in simplified Chinese font (no font file needed).
FONT = "STSong-Light"
#: Body text size and the tables' size, in points.
BODY = 12.0
CELL = 9.0
#: Page margins, in points (A4 is 595 x 842).
MARGIN = 72.0


@attrs.frozen(kw_only=True)
class PdfNoise:
    """Which kinds of real-world furniture and variation to print."""

    #: "— N —" centred at the foot of every page.
    page_numbers: bool = False
    #: the body's name in the top margin of every page.
    running_header: bool = False
    #: table 三's three header rows printed again at the top of each page it runs onto.
    repeat_header: bool = False
    #: shortened and re-punctuated labels ("(一) 予以公开", "1. 属于国家秘密").
    label_variants: bool = False
    #: the title over two lines: the body's name, then "YYYY年政府信息公开工作年度报告".
    title_split: bool = False
    #: rows may break across pages (a long label goes on overleaf), as Word allows.
    cut_rows: bool = False
    #: blank space (points) before each table, so page breaks fall in other rows.
    shift: float = 0.0

    @classmethod
    def all(cls) -> PdfNoise:
        """Every kind of noise on (and a shift)."""
        return cls(
            page_numbers=True,
            running_header=True,
            repeat_header=True,
            label_variants=True,
            title_split=True,
            cut_rows=True,
            shift=120.0,
        )


class _Labels:
    def __init__(self, noise: PdfNoise, seed: int) -> None:
        self.noise = noise
        self.rng = random.Random(seed)

    def __call__(self, label: str) -> str:
        if self.noise.label_variants and self.rng.random() < 0.5:
            label = label.replace("（", "(").replace("）", ") ").replace("，", ", ").strip()
            if label[:1].isdigit() and label[1:2] == ".":
                label = label[:2] + " " + label[2:]
        return label


_WIDTHS = {
    # Fractions of the text width; narrow label columns make labels wrap as in the form.
    "active": (0.28, 0.24, 0.24, 0.24),
    "applications": (0.055, 0.1, 0.235, *([0.087] * 7)),
    "review_litigation": tuple([1 / 15] * 15),
}


def _platypus_table(grid: FormGrid, widths: Sequence[float], repeat: int, cut: bool) -> Any:

    style = ParagraphStyle(
        "cell", fontName=FONT, fontSize=CELL, leading=CELL * 1.3, wordWrap="CJK", alignment=1
    )
    data: list[list[Any]] = [[""] * grid.columns for _ in range(grid.rows)]
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP" if cut else "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for cell in grid.cells:
        text = cell.text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        row, column = cell.row, cell.column
        data[row][column] = Paragraph(text, style) if text else ""
        if cell.rowspan > 1 or cell.colspan > 1:
            end = (column + cell.colspan - 1, row + cell.rowspan - 1)
            commands.append(("SPAN", (column, row), end))
    return Table(
        data,
        colWidths=list(widths),
        style=TableStyle(commands),
        repeatRows=repeat,
        splitInRow=1 if cut else 0,
    )


def render_pdf(report: SyntheticReport, *, noise: PdfNoise | None = None, seed: int = 0) -> bytes:
    """Print ``report`` as a PDF (bytes) with ``noise``."""

    noise = noise or PdfNoise()
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    label = _Labels(noise, seed)
    width = A4[0] - 2 * MARGIN

    def style(name: str, size: float, **extra: Any) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=FONT, fontSize=size, leading=size * 1.6, wordWrap="CJK", **extra
        )

    title = style("title", 18, alignment=1, spaceAfter=12)
    heading = style("heading", 14, firstLineIndent=2 * BODY, spaceBefore=8, spaceAfter=4)
    body = style("body", BODY, firstLineIndent=2 * BODY, alignment=4)
    right = style("right", BODY, alignment=2)

    def paragraph(text: str, kind: ParagraphStyle) -> Any:
        return Paragraph(text.replace("&", "&amp;").replace("<", "&lt;"), kind)

    story: list[Any] = []
    rest = f"{report.year}年政府信息公开工作年度报告"
    if noise.title_split:
        story += [paragraph(report.organization, title), paragraph(rest, title)]
    else:
        story.append(paragraph(report.organization + rest, title))
    story.append(
        paragraph(
            f"本报告中所列数据的统计期限自{report.year}年1月1日起至{report.year}年12月31日止。",
            body,
        )
    )
    if report.contact:
        names = {
            "address": "地址",
            "postcode": "邮编",
            "phone": "电话",
            "email": "电子邮箱",
            "website": "网址",
        }
        parts = "；".join(f"{names[key]}：{value}" for key, value in report.contact.items())
        story.append(
            paragraph(f"如对本报告有疑问，请与{report.organization}联系（{parts}）。", body)
        )
    spec = report.spec
    for section in spec.sections:
        story.append(paragraph(f"{section.number}、{section.title}", heading))
        for text in report.prose.get(section.key, ()):
            story.append(paragraph(text, body))
        if section.table is not None:
            table = spec.table(section.table)
            grid = form_grid(report, table, label)
            widths = [f * width for f in _WIDTHS[table.key]]
            repeat = 3 if noise.repeat_header and table.key == "applications" else 0
            if noise.shift:
                story.append(Spacer(width, noise.shift))
            story.append(_platypus_table(grid, widths, repeat, noise.cut_rows))
    if report.published is not None:
        date = report.published
        story += [
            Spacer(width, BODY),
            paragraph(report.organization, right),
            paragraph(f"{date.year}年{date.month}月{date.day}日", right),
        ]

    def furniture(canvas: Any, document: Any) -> None:
        canvas.saveState()
        if noise.page_numbers:
            canvas.setFont(FONT, 10)
            canvas.drawCentredString(A4[0] / 2, 36, f"— {document.page} —")
        if noise.running_header:
            canvas.setFont(FONT, 9)
            canvas.drawString(MARGIN, A4[1] - 40, report.organization)
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title="",
        author="",
        invariant=1,
    )
    document.build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()
