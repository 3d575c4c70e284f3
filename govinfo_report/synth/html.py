"""Print a :class:`SyntheticReport` as a government web page, laid out like the official form.

The page is what a site's content system publishes: a header (a layout table
with the site's name and links), a navigation menu, breadcrumbs, a line with
the publishing date and source, and a footer with the copyright and the ICP
number; the report itself sits in a content container: the title, the
preamble (statistics period and contact details), the six section headings
with their prose, the three tables drawn on the official form's grid with
``rowspan``/``colspan`` (see :mod:`govinfo_report.synth._form`), and the
signature and date.

:class:`HtmlNoise` switches on what real pages do that a reader has to see
through, each kind only as far as ``docs/carriers/html.md`` says the HTML
reader supports it; each is applied at random to some places, driven by
``seed``: ``&nbsp;`` and U+3000 padding in value and blank cells, ``<br>``
inside label cells (vertical headers 自<br>然<br>人, wrapped labels), markup
pasted from Word (``class="MsoNormal"``, ``<span style=…>`` runs, ``<o:p>``,
conditional comments, list numbers between downlevel-revealed conditionals,
the invisible column-width row), the page in GB2312 or GBK with its
``<meta>`` declaration, full-width digits, a layout ``<table>`` around the
page, label variants, hidden elements and cells holding stale text, ``<thead>``/``<th>``
table markup, the title in an ``<h1>`` beside the content container or over
two lines, and section headings numbered "3、" or in their variant wording.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from decimal import Decimal
from html import escape

import attrs

from govinfo_report.formats import Column, Group, Row
from govinfo_report.synth import SyntheticReport, Value, render_value
from govinfo_report.synth._form import FormCell, form_grid, preamble

__all__ = ["HtmlNoise", "render_html"]

_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
#: Word's inline styles, as "save as web page" and pasting into an editor leave them.
_WORD_FONT = "font-size:12.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:宋体"
_WORD_CELL = "border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt"
_WORD_HEAD = (
    "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View>"
    "<w:Zoom>0</w:Zoom><w:PunctuationKerning/></w:WordDocument></xml><![endif]-->"
)
_NAV = ("首页", "政务公开", "政务服务", "互动交流", "走进本地")
_SIDEBAR = ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报")


@attrs.frozen(kw_only=True)
class HtmlNoise:
    """Which kinds of real-world markup and damage to produce."""

    #: ``&nbsp;`` and U+3000 around values, ``&nbsp;`` in blank cells, indented prose.
    padding: bool = False
    #: ``<br>`` in label cells: short headers one character a line, long labels wrapped.
    label_breaks: bool = False
    #: markup pasted from Word: MsoNormal paragraphs, styled spans, ``<o:p>``, conditional
    #: comments, list numbers in downlevel-revealed conditionals, the column-width row.
    word_markup: bool = False
    #: the page in GB2312 or GBK, declared in a ``<meta>`` (when ``encoding`` is UTF-8).
    legacy_encoding: bool = False
    #: full-width digits in values.
    fullwidth_digits: bool = False
    #: the whole page inside a layout table (header row, sidebar cell, content cell).
    frame: bool = False
    #: shortened and re-punctuated labels ("(一) 予以公开", "（二）部分公开").
    label_variants: bool = False
    #: hidden elements (``display:none``, ``hidden``) holding stale values and text; a
    #: column of stale cells hidden in every row, a hidden stale row, stale rows in a
    #: hidden ``<tbody>``; blank cells holding a stale value made invisible
    #: (``visibility:hidden``); stale values struck through before the value (Word's
    #: tracked deletion ``<del>``, ``<s>``, ``<strike>``, a line-through style); stale
    #: values coloured white before a value; labels in white on a ground of their own.
    hidden: bool = False
    #: ``<thead>``/``<tbody>`` row groups, ``<th>`` header cells, upper-case tags.
    table_markup: bool = False
    #: the title in an ``<h1>`` beside the content container, not inside it.
    title_outside: bool = False
    #: the title over two lines (``<br>``): the body's name, or "…工作" / "年度报告".
    title_split: bool = False
    #: section headings in Arabic numerals ("3、") or their variant wording.
    heading_variants: bool = False

    @classmethod
    def all(cls) -> HtmlNoise:
        """Every kind of noise on."""
        return cls(**{field.name: True for field in attrs.fields(cls)})


class _Writer:
    def __init__(self, report: SyntheticReport, noise: HtmlNoise, seed: int) -> None:
        self.report = report
        self.noise = noise
        self.rng = random.Random(seed)
        # Variants by official label: the form grid's label hook is given label text.
        variants: dict[str, list[str]] = {}
        for table in report.spec.tables:
            items: list[Row | Column | Group] = [*table.rows, *table.columns, *table.groups]
            for item in items:
                variants.setdefault(item.label, []).extend(item.variants)
        self.variants = variants

    def chance(self, enabled: bool, p: float = 0.3) -> bool:
        return enabled and self.rng.random() < p

    # -- text ------------------------------------------------------------------------

    def runs(self, text: str) -> str:
        """``text`` escaped; from Word, in styled spans, sometimes cut into several."""
        if not self.chance(self.noise.word_markup, 0.5):
            return escape(text, quote=False)
        cuts: list[int] = []
        if len(text) > 2 and self.rng.random() < 0.5:
            cuts = sorted(self.rng.sample(range(1, len(text)), min(2, len(text) - 1)))
        spans = []
        for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True):
            lang = " lang=EN-US" if text[start:end].isascii() else ""
            spans.append(f"<span{lang} style='{_WORD_FONT}'>{escape(text[start:end], quote=False)}")
            spans.append("</span>")
        if self.rng.random() < 0.5:
            spans.insert(-1, "<o:p></o:p>")
        return "".join(spans)

    def paragraph(self, text: str, style: str = "text-indent:2em") -> str:
        if self.chance(self.noise.padding, 0.3):
            text = "\u3000\u3000" + text
        inner = self.runs(text)
        if self.chance(self.noise.word_markup, 0.5):
            return f"<p class=MsoNormal style='{style};line-height:28.0pt'>{inner}</p>"
        return f'<p style="{style}">{inner}</p>'

    def heading(self, number: str, title: str, variants: tuple[str, ...]) -> str:
        if self.chance(self.noise.heading_variants, 0.5):
            if variants and self.rng.random() < 0.5:
                title = self.rng.choice(variants)
            else:
                number = str("一二三四五六七八九十".index(number) + 1)
        if self.chance(self.noise.word_markup, 0.5):
            # A Word list paragraph: the numeral between downlevel-revealed conditionals.
            gap = "&nbsp;" * self.rng.randint(1, 4)
            return (
                "<p class=MsoListParagraph style='margin-left:0cm;text-indent:32.0pt;"
                "mso-list:l0 level1 lfo1'><![if !supportLists]><b><span style='"
                f"{_WORD_FONT}'>{number}、<span style='font:7.0pt \"Times New Roman\"'>{gap}"
                f"</span></span></b><![endif]><b><span style='{_WORD_FONT}'>"
                f"{escape(title, quote=False)}<o:p></o:p></span></b></p>"
            )
        text = escape(f"{number}、{title}", quote=False)
        if self.rng.random() < 0.5:
            return f'<p style="text-indent:2em"><strong>{text}</strong></p>'
        return f"<h3>{text}</h3>"

    def label(self, label: str) -> str:
        """The ``label`` hook of the form grid: official text, or a variant."""
        if self.chance(self.noise.label_variants, 0.5):
            choices = self.variants.get(label)
            if choices and self.rng.random() < 0.5:
                label = self.rng.choice(choices)
            label = label.replace("（", "(").replace("）", ") ").replace("，", ", ").strip()
            if label[:1].isdigit() and label[1:2] == ".":
                label = label[:2] + " " + label[2:]
        return label

    def hidden(self, text: str, inline: bool) -> str:
        """An element the browser does not show, holding ``text``."""
        tag = "span" if inline else "p"
        kind = self.rng.randrange(3)
        if kind == 0:
            return f'<{tag} style="display:none">{escape(text, quote=False)}</{tag}>'
        if kind == 1:
            return f"<{tag} style='display:none;mso-hide:all'>{escape(text, quote=False)}</{tag}>"
        return f"<{tag} hidden>{escape(text, quote=False)}</{tag}>"

    def struck(self, text: str) -> str:
        """``text`` struck through: deleted, as a tracked change or by hand."""
        return self.rng.choice(
            [
                f'<del cite="mailto:editor" datetime="2025-01-10T09:00:00">{text}</del>',
                f"<s>{text}</s>",
                f"<strike>{text}</strike>",
                f"<span style='text-decoration:line-through'>{text}</span>",
            ]
        )

    def whited(self, text: str) -> str:
        """``text`` coloured white: unseen on the page, as a stale value whited out."""
        return self.rng.choice(
            [
                f'<span style="color:#FFFFFF">{text}</span>',
                f"<span style='font-family:宋体;color:white'>{text}</span>",
                f'<font color="#ffffff">{text}</font>',
                f'<span style="color:rgb(255, 255, 255)">{text}</span>',
            ]
        )

    # -- tables ----------------------------------------------------------------------

    def value_text(self, value: Value) -> str:
        text = escape(render_value(value), quote=False)
        if isinstance(value, (int, Decimal)) and self.chance(self.noise.fullwidth_digits):
            text = text.translate(_FULLWIDTH)
        if not text:
            if self.chance(self.noise.padding, 0.5):
                return self.rng.choice(["&nbsp;", "\u3000", "&nbsp;&nbsp;", "\n  "])
            return ""
        if self.chance(self.noise.padding):
            pad = self.rng.choice(["&nbsp;", "\u3000", "\u3000\u3000", "&nbsp;&nbsp;", "\n   "])
            text = pad + text if self.rng.random() < 0.5 else text + pad
        elif self.chance(self.noise.padding, 0.05):
            # A value after an indent and empty lines, as some editors leave it.
            text = "\u3000<br><br>" + text
        return text

    def value_inner(self, cell: FormCell) -> str:
        text = self.value_text(cell.value)
        if self.chance(self.noise.hidden, 0.05):
            stale = self.hidden(str(self.rng.randrange(100)), inline=True)
            text = stale + text if self.rng.random() < 0.5 else text + stale
        elif self.chance(self.noise.hidden, 0.05):
            text = self.struck(str(self.rng.randrange(100))) + text
        elif render_value(cell.value) and self.chance(self.noise.hidden, 0.05):
            # Beside a value only: a cell all in white is read (its ground is unknown).
            text = self.whited(str(self.rng.randrange(100))) + text
        if self.chance(self.noise.word_markup, 0.5):
            body = "&nbsp;" if not text.strip() else text
            return (
                "<p class=MsoNormal align=center style='text-align:center'>"
                f"<span lang=EN-US style='{_WORD_FONT}'>{body}<o:p></o:p></span></p>"
            )
        return text

    def label_inner(self, text: str) -> str:
        if self.chance(self.noise.label_breaks, 0.4):
            if len(text) <= 4:
                # A vertical header: one character a line, or a paragraph each.
                characters = [escape(character, quote=False) for character in text]
                if self.rng.random() < 0.5:
                    return "".join(f"<p>{character}</p>" for character in characters)
                return "<br>".join(characters)
            if len(text) >= 12:
                cut = self.rng.randrange(4, len(text) - 3)
                return self.runs(text[:cut]) + "<br>" + self.runs(text[cut:])
        return self.runs(text)

    def cell(self, cell: FormCell, header: bool) -> str:
        tag = "th" if header and self.noise.table_markup else "td"
        attributes = ""
        if cell.rowspan > 1:
            attributes += f' rowspan="{cell.rowspan}"'
        if cell.colspan > 1:
            attributes += f' colspan="{cell.colspan}"'
        word = self.chance(self.noise.word_markup, 0.5)
        style = _WORD_CELL if word else ""
        if word:
            attributes += f" width={self.rng.randrange(40, 120)}"
        if cell.is_value:
            inner = self.value_inner(cell)
            if cell.value is None and self.chance(self.noise.hidden, 0.3):
                # A blank cell whose stale value was made invisible, not deleted: the
                # cell keeps its place, and a browser shows it empty.
                style = f"{style};visibility:hidden" if style else "visibility:hidden"
                inner = str(self.rng.randrange(100))
        else:
            inner = self.label_inner(cell.text)
            if self.chance(self.noise.hidden, 0.05):
                # A label in white on a ground it paints: seen, and read.
                inner = f"<span style='color:#fff;background:#1e6fb8'>{inner}</span>"
            if word and not inner.startswith("<p>"):
                inner = f"<p class=MsoNormal align=center>{inner}</p>"
        if style:
            attributes += f" style='{style}'"
        if self.noise.table_markup and self.rng.random() < 0.3:
            tag = tag.upper()
        return f"<{tag}{attributes}>{inner}</{tag}>"

    def table(self, key: str) -> str:
        report = self.report
        grid = form_grid(report, report.spec.table(key), self.label)
        rows: list[list[FormCell]] = [[] for _ in range(grid.rows)]
        for form_cell in sorted(grid.cells, key=lambda c: c.column):
            rows[form_cell.row].append(form_cell)  # in a row, cells go left to right
        # Rows holding only header cells (and no value) form the table's head.
        head = 0
        while head < len(rows) and not any(c.is_value for c in rows[head]) and key != "active":
            head += 1
        word = self.chance(self.noise.word_markup, 0.5)
        attributes = (
            " class=MsoNormalTable border=1 cellspacing=0 cellpadding=0"
            " style='border-collapse:collapse'"
            if word
            else ' class="tb" border="1" cellspacing="0" cellpadding="0" width="100%"'
        )
        out = [f"<table{attributes}>"]
        groups = self.noise.table_markup
        # A column of stale cells hidden in every row (display:none takes no place).
        hidden_at = self.rng.randrange(4) if self.chance(self.noise.hidden, 0.3) else None
        # A stale row hidden between two rows, maybe inside a rowspan: a browser counts
        # only the rows it shows, so the spans drawn for the form stay right.
        stale_row = self.rng.randrange(1, len(rows)) if self.chance(self.noise.hidden) else None
        # Last year's first body row, kept in a hidden body of its own between the head
        # and the body: a browser lays out none of its rows (a reader that did would meet
        # the row's labels twice), and no rowspan crosses a row group.
        stale_group = groups and head > 0 and self.chance(self.noise.hidden, 0.3)
        for r, row in enumerate(rows):
            if groups and r == 0 and head:
                out.append("<thead>")
            if groups and r == head:
                if stale_group:
                    hide = self.rng.choice(["style='display:none'", "hidden"])
                    stale = "".join(
                        f"<td>{self.rng.randrange(100) if c.is_value else escape(c.text)}</td>"
                        for c in row
                    )
                    out.append(f"<tbody {hide}><tr>{stale}</tr></tbody>")
                out.append("<tbody>")
            if r == stale_row:
                stale = "".join(f"<td>{self.rng.randrange(100)}</td>" for _ in range(3))
                hide = self.rng.choice(["style='display:none'", "hidden"])
                out.append(f"<tr {hide}><td rowspan=2>旧</td>{stale}</tr>")
            drawn = [self.cell(c, header=r < head) for c in row]
            if hidden_at is not None:
                hide = self.rng.choice(["style='display:none'", "hidden"])
                drawn.insert(
                    min(hidden_at, len(drawn)), f"<td {hide}>{self.rng.randrange(100)}</td>"
                )
            cells = "".join(drawn)
            out.append(f"<tr>{cells}</tr>")
            if groups and r == head - 1:
                out.append("</thead>")
        if word and self.rng.random() < 0.5:
            # Word's invisible last row fixing the column widths.
            widths = "".join(
                f"<td width={self.rng.randrange(30, 90)} style='border:none'></td>"
                for _ in range(grid.columns)
            )
            out.append(f"<![if !supportMisalignedColumns]><tr height=0>{widths}</tr><![endif]>")
        if groups:
            out.append("</tbody>")
        out.append("</table>")
        return "\n".join(out)

    # -- the report and the page -----------------------------------------------------

    def title(self) -> str:
        return f"{self.report.organization}{self.report.year}年政府信息公开工作年度报告"

    def title_markup(self) -> str:
        """The title, escaped, maybe broken over two lines."""
        report = self.report
        if not self.noise.title_split:
            return escape(self.title(), quote=False)
        if self.rng.random() < 0.5:
            first, second = report.organization, f"{report.year}年政府信息公开工作年度报告"
        else:
            first, second = f"{report.organization}{report.year}年政府信息公开工作", "年度报告"
        return f"{escape(first, quote=False)}<br>{escape(second, quote=False)}"

    def content(self) -> Iterator[str]:
        """The report: what the content container holds."""
        report = self.report
        if self.chance(self.noise.word_markup, 0.5):
            yield _WORD_HEAD  # Word's document properties, pasted with the text
        if not self.noise.title_outside:
            yield f'<p style="text-align:center"><strong>{self.title_markup()}</strong></p>'
        for text in preamble(report):
            yield self.paragraph(text)
        for section in report.spec.sections:
            yield self.heading(section.number, section.title, section.variants)
            for text in report.prose.get(section.key, ()):
                yield self.paragraph(text)
                if self.chance(self.noise.word_markup, 0.2):
                    yield "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>"
                if self.chance(self.noise.hidden, 0.1):
                    yield self.hidden(f"{report.year - 1}年12月31日", inline=False)
            if section.table is not None:
                yield self.table(section.table)
        if self.chance(self.noise.hidden, 0.5):
            # A stale signature date the editor hid rather than deleted.
            yield self.hidden(f"{report.year}年1月{self.rng.randint(1, 28)}日", inline=False)
        if report.published is not None:
            date = report.published
            right = "text-align:right"
            yield self.paragraph(report.organization, right)
            yield self.paragraph(f"{date.year}年{date.month}月{date.day}日", right)

    def page(self, charset: str) -> str:
        report = self.report
        site = report.organization
        title = escape(self.title(), quote=False)
        day = report.published or dt.date(report.year + 1, 1, 15)
        if self.rng.random() < 0.5:
            declaration = f'<meta charset="{charset}">'
        else:
            declaration = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        head = (
            f"<head>{declaration}\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="ArticleTitle" content="{title}">\n'
            f"<title>{title}_{escape(site)}</title>\n"
            "<style>.tb td{border:1px solid #000;text-align:center}</style>\n"
            "<script>var _hmt = _hmt || []; function zoom(s) { return s; }</script>\n"
            + (_WORD_HEAD if self.noise.word_markup else "")
            + "</head>"
        )
        header = (
            '<table class="top" width="1000" border="0" cellspacing="0" cellpadding="0">'
            '<tr><td width="120"><img src="/images/logo.png" alt=""></td>'
            f'<td class="site-name">{escape(site)}</td>'
            '<td align="right"><a href="/">设为首页</a> | <a href="#">加入收藏</a> | '
            '<a href="#">无障碍浏览</a></td></tr></table>'
        )
        nav = (
            '<div class="nav"><ul>'
            + "".join(f'<li><a href="/c{i}/">{name}</a></li>' for i, name in enumerate(_NAV))
            + "</ul></div>"
        )
        crumbs = (
            '<div class="position">当前位置：<a href="/">首页</a> &gt; '
            '<a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/ndbg/">政府信息公开年报</a></div>'
        )
        info = (
            f'<div class="info">发布时间：{day.isoformat()}&nbsp;&nbsp;来源：{escape(site)}'
            '&nbsp;&nbsp;字号：<a href="javascript:zoom(18)">大</a> '
            '<a href="javascript:zoom(14)">小</a></div>'
        )
        h1 = ""
        if self.noise.title_outside:
            h1 = f'<h1 class="detail-title">{self.title_markup()}</h1>'
        article = '<div class="article" id="zoom">\n' + "\n".join(self.content()) + "\n</div>"
        if self.noise.word_markup and self.rng.random() < 0.5:
            article = f"<div class=WordSection1>{article}</div>"
        detail = f'<div class="detail">{h1}{info}\n{article}</div>'
        footer = (
            '<div class="footer"><p><a href="/lxwm/">联系我们</a> | <a href="/wzdt/">网站地图</a></p>'
            f"<p>版权所有：{escape(site)}　主办：{escape(site)}办公室</p>"
            f"<p>{self.rng.choice('京冀晋鲁豫苏浙')}ICP备{self.rng.randrange(10**7, 10**8)}号"
            "　网站标识码："
            f"{self.rng.randrange(10**9, 10**10)}</p></div>"
        )
        if self.noise.frame:
            sidebar = "".join(
                f'<li><a href="/s{i}/">{name}</a></li>' for i, name in enumerate(_SIDEBAR)
            )
            body = (
                '<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center">'
                f'<tr><td colspan="2">{header}{nav}</td></tr>'
                f'<tr><td width="200" valign="top"><ul class="side">{sidebar}</ul></td>'
                f'<td valign="top">{crumbs}\n{detail}</td></tr>'
                f'<tr><td colspan="2">{footer}</td></tr></table>'
            )
        else:
            body = f'{header}\n{nav}\n<div class="main">{crumbs}\n{detail}</div>\n{footer}'
        return f'<!DOCTYPE html>\n<html lang="zh-CN">\n{head}\n<body>\n{body}\n</body>\n</html>\n'


def render_html(
    report: SyntheticReport,
    *,
    noise: HtmlNoise | None = None,
    seed: int = 0,
    encoding: str = "utf-8",
) -> bytes:
    """Print ``report`` as a whole web page (bytes in ``encoding``) with ``noise``.

    A legacy ``encoding`` (``"gb2312"``, ``"gbk"``) is declared in the page's
    ``<meta>``; characters it cannot encode are written as character references,
    as content systems do.
    """
    noise = noise or HtmlNoise()
    writer = _Writer(report, noise, seed)
    if noise.legacy_encoding and encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        encoding = writer.rng.choice(["gb2312", "gbk"])
    page = writer.page(encoding)
    return page.encode(encoding, errors="xmlcharrefreplace")
