"""Print a :class:`SyntheticReport` as a Word document (.docx), laid out like the official form.

The document is built with python-docx: a title, the preamble, the six section
headings with their prose, and the three tables drawn on the official form's
grid with its merged cells (``w:gridSpan`` and ``w:vMerge``, made by
python-docx's ``merge``; see :mod:`govinfo_report.synth._form`), then the
signature and date.

:class:`DocxNoise` switches on what real Word files do that a reader has to
see through; each kind is applied at random to some places, driven by ``seed``:
section numerals drawn by Word's auto-numbering (the paragraph's own
``w:numPr`` or a numbered style's), bookmarks, text cut into several runs,
header cells typed one character per paragraph and labels after empty
paragraphs, padded values, label variants, tracked changes and hidden text in
value cells (an old value deleted, the new one inserted), table 三's header
rows marked as repeated on each page, the title over two paragraphs, and the
whole report inside a one-cell layout table.
"""

from __future__ import annotations

import io
import random
from typing import Any

import attrs
import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from govinfo_report.synth import SyntheticReport, Value, render_value
from govinfo_report.synth._form import FormCell, form_grid

__all__ = ["DocxNoise", "render_docx"]

_W = nsdecls("w")
#: Contact field names as reports print them.
_CONTACT_NAMES = {
    "address": "地址",
    "postcode": "邮编",
    "phone": "电话",
    "email": "电子邮箱",
    "website": "网址",
}


@attrs.frozen(kw_only=True)
class DocxNoise:
    """Which kinds of real-world Word markup to produce."""

    #: section numerals "一、" … "六、" as Word auto-numbering, not text.
    auto_numbering: bool = False
    #: bookmarks (_GoBack, _Hlk…) in the title and in some label cells.
    bookmarks: bool = False
    #: text cut into several runs, as Word's editing leaves it.
    split_runs: bool = False
    #: short header cells one character per paragraph; empty paragraphs before labels.
    split_cells: bool = False
    #: U+3000 and U+00A0 padding around values.
    padding: bool = False
    #: shortened and re-punctuated labels ("(一) 予以公开", "1. 属于国家秘密").
    label_variants: bool = False
    #: tracked changes (an old value deleted, the value inserted) and hidden runs in value cells.
    revisions: bool = False
    #: table 三's three header rows marked to repeat on each page (w:tblHeader).
    repeat_header: bool = False
    #: the title over two paragraphs: the body's name, then "YYYY年政府信息公开工作年度报告".
    title_split: bool = False
    #: the whole report inside a one-cell table (a layout frame).
    frame: bool = False

    @classmethod
    def all(cls) -> DocxNoise:
        """Every kind of noise on."""
        return cls(**{field.name: True for field in attrs.fields(cls)})


class _Writer:
    def __init__(self, document: Any, noise: DocxNoise, seed: int) -> None:
        self.document = document
        self.noise = noise
        self.rng = random.Random(seed)
        self.bookmarks = 0
        self.heading_numbering: tuple[str, str] | None = None  # ("numPr" | "style", id)

    def chance(self, enabled: bool, p: float = 0.3) -> bool:
        return enabled and self.rng.random() < p

    # text
    def runs(self, paragraph: Any, text: str) -> None:
        """Write ``text`` as one run, or cut into a few when runs are split."""
        cuts: list[int] = []
        if len(text) > 2 and self.chance(self.noise.split_runs, 0.5):
            cuts = sorted(self.rng.sample(range(1, len(text)), min(2, len(text) - 1)))
        for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
            paragraph.add_run(text[start:end])

    def bookmark(self, paragraph: Any, name: str | None = None) -> None:
        self.bookmarks += 1
        name = name or f"_Hlk{self.rng.randrange(10**7, 10**8)}"
        number = self.bookmarks
        p = paragraph._p
        start = parse_xml(f'<w:bookmarkStart {_W} w:id="{number}" w:name="{name}"/>')
        end = parse_xml(f'<w:bookmarkEnd {_W} w:id="{number}"/>')
        at = 1 if p.pPr is not None else 0
        p.insert(at, start)
        p.insert(at + 1, end)

    def label(self, label: str) -> str:
        if self.chance(self.noise.label_variants, 0.5):
            label = label.replace("（", "(").replace("）", ") ").replace("，", ", ").strip()
            if label[:1].isdigit() and label[1:2] == ".":
                label = label[:2] + " " + label[2:]
        return label

    # headings
    def numbered_heading(self, paragraph: Any) -> None:
        """Number a section heading "一、" … through Word's auto-numbering."""
        if self.heading_numbering is None:
            numbering = self.document.part.numbering_part.element
            ids = [
                int(a.get(qn("w:abstractNumId")))
                for a in numbering.iterchildren(qn("w:abstractNum"))
            ]
            nums = [int(n.get(qn("w:numId"))) for n in numbering.iterchildren(qn("w:num"))]
            abstract_id, num_id = max(ids, default=0) + 1, max(nums, default=0) + 1
            abstract = parse_xml(
                f'<w:abstractNum {_W} w:abstractNumId="{abstract_id}"><w:lvl w:ilvl="0">'
                '<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>'
                '<w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
            )
            first_num = next(numbering.iterchildren(qn("w:num")), None)
            if first_num is not None:
                first_num.addprevious(abstract)  # the schema wants abstractNum before num
            else:
                numbering.append(abstract)
            numbering.append(
                parse_xml(
                    f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
                    "</w:num>"
                )
            )
            if self.rng.random() < 0.5:
                self.heading_numbering = ("numPr", str(num_id))
            else:
                style = self.document.styles.add_style("ReportHeading", WD_STYLE_TYPE.PARAGRAPH)
                style.element.get_or_add_pPr().append(
                    parse_xml(f'<w:numPr {_W}><w:numId w:val="{num_id}"/></w:numPr>')
                )
                self.heading_numbering = ("style", "ReportHeading")
        kind, ident = self.heading_numbering
        if kind == "style":
            paragraph.style = self.document.styles[ident]
        else:
            paragraph._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="{ident}"/></w:numPr>')
            )

    # cells
    def label_cell(self, cell: Any, text: str) -> None:
        paragraph = cell.paragraphs[0]
        if len(text) <= 4 and self.chance(self.noise.split_cells, 0.5):
            # A vertical header typed one character per paragraph.
            self.runs(paragraph, text[0])
            for character in text[1:]:
                cell.add_paragraph(character)
            return
        if self.chance(self.noise.split_cells, 0.1):
            # The label after empty paragraphs (the first one stays empty too).
            for _ in range(self.rng.randint(1, 17)):
                paragraph = cell.add_paragraph()
        self.runs(paragraph, text)
        if self.chance(self.noise.bookmarks, 0.1):
            self.bookmark(paragraph)

    def value_cell(self, cell: Any, value: Value) -> None:
        text = render_value(value)
        if text and self.chance(self.noise.padding):
            pad = self.rng.choice(["\u3000", "\xa0", "\u3000\u3000"])
            text = pad + text if self.rng.random() < 0.5 else text + pad
        paragraph = cell.paragraphs[0]
        if self.chance(self.noise.revisions, 0.1):
            # An old value deleted and the printed one inserted, as "track changes" keeps them.
            old = str(self.rng.randrange(100))
            paragraph._p.append(
                parse_xml(
                    f'<w:del {_W} w:id="{self.rng.randrange(10**6)}" w:author="x">'
                    f"<w:r><w:delText>{old}</w:delText></w:r></w:del>"
                )
            )
            inserted = parse_xml(f'<w:ins {_W} w:id="{self.rng.randrange(10**6)}" w:author="x"/>')
            if text:
                inserted.append(
                    parse_xml(f"<w:r {_W}><w:t xml:space='preserve'>{text}</w:t></w:r>")
                )
            paragraph._p.append(inserted)
            return
        if self.chance(self.noise.revisions, 0.05):
            hidden = parse_xml(
                f"<w:r {_W}><w:rPr><w:vanish/></w:rPr><w:t>{self.rng.randrange(100)}</w:t></w:r>"
            )
            paragraph._p.append(hidden)
        if text:
            self.runs(paragraph, text)

    def table(self, container: Any, report: SyntheticReport, key: str) -> None:
        spec = report.spec.table(key)
        grid = form_grid(report, spec, self.label)
        table = container.add_table(rows=grid.rows, cols=grid.columns)
        table.style = self.document.styles["Table Grid"]
        cells = [list(row.cells) for row in table.rows]
        merged: list[FormCell] = []
        for form_cell in grid.cells:
            cell = cells[form_cell.row][form_cell.column]
            if form_cell.is_value:
                self.value_cell(cell, form_cell.value)
            elif form_cell.text:
                self.label_cell(cell, form_cell.text)
            if form_cell.rowspan > 1 or form_cell.colspan > 1:
                merged.append(form_cell)
        for form_cell in merged:
            _merge(cells, form_cell)
        if key == "applications" and self.noise.repeat_header:
            for row in table.rows[:3]:
                row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {_W}/>"))


def _merge(cells: list[list[Any]], span: FormCell) -> None:
    """Merge the cells ``span`` covers the way Word writes it.

    In each row of the span the first cell widens (``w:gridSpan``) and the
    others go; down the rows the first row's cell starts a vertical merge
    (``w:vMerge="restart"``) that the cells below continue (``w:vMerge``).
    python-docx's own ``merge`` writes the same markup, but forty times slower.
    """
    for r in range(span.row, span.row + span.rowspan):
        first = cells[r][span.column]._tc
        properties = first.get_or_add_tcPr()
        if span.colspan > 1:
            properties.append(parse_xml(f'<w:gridSpan {_W} w:val="{span.colspan}"/>'))
            for other in cells[r][span.column + 1 : span.column + span.colspan]:
                other._tc.getparent().remove(other._tc)
        if span.rowspan > 1:
            restart = ' w:val="restart"' if r == span.row else ""
            properties.append(parse_xml(f"<w:vMerge {_W}{restart}/>"))


def render_docx(report: SyntheticReport, *, noise: DocxNoise | None = None, seed: int = 0) -> bytes:
    """Print ``report`` as a .docx (bytes) with ``noise``."""
    noise = noise or DocxNoise()
    document = docx.Document()
    writer = _Writer(document, noise, seed)
    container: Any = document
    if noise.frame:
        container = document.add_table(rows=1, cols=1).cell(0, 0)

    def paragraph(text: str) -> Any:
        made = container.add_paragraph()
        writer.runs(made, text)
        return made

    rest = f"{report.year}年政府信息公开工作年度报告"
    titles = [report.organization, rest] if noise.title_split else [report.organization + rest]
    for i, text in enumerate(titles):
        title = paragraph(text)
        if i == 0 and writer.chance(noise.bookmarks, 0.5):
            writer.bookmark(title, "_GoBack")
    paragraph(f"本报告中所列数据的统计期限自{report.year}年1月1日起至{report.year}年12月31日止。")
    if report.contact:
        parts = "；".join(f"{_CONTACT_NAMES[k]}：{v}" for k, v in report.contact.items())
        paragraph(f"如对本报告有疑问，请与{report.organization}联系（{parts}）。")
    spec = report.spec
    for section in spec.sections:
        if noise.auto_numbering:
            writer.numbered_heading(paragraph(section.title))
        else:
            paragraph(f"{section.number}、{section.title}")
        for text in report.prose.get(section.key, ()):
            paragraph(text)
        if section.table is not None:
            writer.table(container, report, section.table)
    if report.published is not None:
        date = report.published
        paragraph(report.organization)
        paragraph(f"{date.year}年{date.month}月{date.day}日")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
