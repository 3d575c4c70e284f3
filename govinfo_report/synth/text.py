"""Print a :class:`SyntheticReport` as flattened plain text, noise included.

Two layouts, as Word-to-text conversion produces them: ``"rows"`` (one table
row per line, cells separated by tabs, merged cells as runs of tabs) and
``"cells"`` (one cell per line, indented by a tab, rows separated by empty
lines). :class:`TextNoise` switches on the damage real documents show; each
kind is applied at random to some places, driven by ``seed``.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Literal

import attrs

from govinfo_report.formats import Row, TableSpec
from govinfo_report.synth import SyntheticReport, Value, render_value
from govinfo_report.synth._form import preamble

__all__ = ["TextNoise", "render_text"]

_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_ARABIC = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6"}


@attrs.frozen(kw_only=True)
class TextNoise:
    """Which kinds of real-world damage to apply."""

    #: rows layout: some rows lose their leading tabs (they move to the end).
    lost_tabs: bool = False
    #: Word bookmark markers ("[bookmark: _Hlk…]") inside cells and the title.
    bookmarks: bool = False
    #: page numbers between paragraphs and between table rows.
    page_numbers: bool = False
    #: U+3000 and U+00A0 padding around values.
    padding: bool = False
    #: full-width digits in values.
    fullwidth_digits: bool = False
    #: thousands separators in values of 1000 and more.
    thousands: bool = False
    #: cells layout: vertical headers, wrapped labels, a value after "　" and an empty line.
    split_cells: bool = False
    #: section numbering "3、", a lost numeral.
    heading_variants: bool = False
    #: the title over two lines (body on a line of its own, or "…工作" / "年度报告").
    title_split: bool = False
    #: shortened and re-punctuated labels ("(一) 予以公开", "1. 属于国家秘密").
    label_variants: bool = False
    #: headings and paragraphs indented by a tab or full-width spaces.
    indented_prose: bool = False

    @classmethod
    def all(cls) -> TextNoise:
        """Every kind of noise on."""
        return cls(**{field.name: True for field in attrs.fields(cls)})


class _Printer:
    def __init__(self, noise: TextNoise, seed: int) -> None:
        self.noise = noise
        self.rng = random.Random(seed)
        self.page = 1

    def chance(self, enabled: bool, p: float = 0.3) -> bool:
        return enabled and self.rng.random() < p

    def value(self, value: Value) -> str:
        text = render_value(value)
        if isinstance(value, (int, Decimal)):
            if not -1000 < value < 1000 and self.chance(self.noise.thousands, 0.5):
                text = f"{value:,}"
            if self.chance(self.noise.fullwidth_digits):
                text = text.translate(_FULLWIDTH)
        if text and self.chance(self.noise.padding):
            pad = self.rng.choice(["\u3000", "\xa0", "\u3000\u3000"])
            text = pad + text if self.rng.random() < 0.5 else text + pad
        return text

    def label(self, label: str) -> str:
        if self.chance(self.noise.label_variants, 0.5):
            label = label.replace("（", "(").replace("）", ") ").replace("，", ", ")
            if label[:1].isdigit() and label[1:2] == ".":
                label = label[:2] + " " + label[2:]
        if self.chance(self.noise.bookmarks, 0.15):
            label = f"[bookmark: _Hlk{self.rng.randrange(10**7, 10**8)}]{label}"
        return label.strip()

    def page_number(self) -> str:
        self.page += 1
        return self.rng.choice([str(self.page), f"- {self.page} -", f"— {self.page} —"])


def _heading(printer: _Printer, number: str, title: str, key: str) -> str:
    if printer.chance(printer.noise.heading_variants, 0.3):
        if key == "problems":
            return title  # the numeral lost
        return f"{_ARABIC[number]}、 {title}"
    return f"{number}、{title}"


def _indent(printer: _Printer, text: str) -> str:
    if printer.chance(printer.noise.indented_prose, 0.5):
        return printer.rng.choice(["\t", "\u3000\u3000", "\t\u3000"]) + text
    return text


def _title_lines(printer: _Printer, report: SyntheticReport) -> list[str]:
    body = report.organization
    rest = f"{report.year}年政府信息公开工作年度报告"
    prefix = "[bookmark: _GoBack]" if printer.chance(printer.noise.bookmarks) else ""
    if printer.chance(printer.noise.title_split, 0.5):
        if printer.rng.random() < 0.5:
            return [prefix + body, "", rest]
        return [prefix + body + f"{report.year}年政府信息公开工作", "年度报告"]
    return [prefix + body + rest]


# -- tables, cells layout -------------------------------------------------------------


def _cells_table(printer: _Printer, rows: list[list[str]]) -> list[str]:
    """Print rows of cell texts one cell per line; a cell may hold newlines."""
    out: list[str] = []
    for i, row in enumerate(rows):
        if i and printer.chance(printer.noise.page_numbers, 0.05):
            out += [printer.page_number(), ""]
        for cell in row:
            out.append("\t" + cell)
        out.append("")
    return out


def _split_value(printer: _Printer, text: str) -> str:
    if text and printer.chance(printer.noise.split_cells, 0.1):
        return "\u3000\n\n" + text.strip("\u3000\xa0")
    return text


def _split_label(printer: _Printer, text: str, vertical: bool = False) -> str:
    if not printer.chance(printer.noise.split_cells, 0.3):
        return text
    if vertical and len(text) <= 4:
        return "\n".join(text)
    # A converter never cuts through a bookmark marker: cut in the label after it.
    start = text.rfind("]") + 1
    if len(text) - start >= 12:
        cut = printer.rng.randrange(start + 4, len(text) - 3)
        return text[:cut] + "\n" + text[cut:]
    return text


def _active_rows(
    printer: _Printer, report: SyntheticReport, table: TableSpec, cells: bool
) -> list[list[str]]:
    rows: list[list[str]] = []
    block: str | None = None
    width = max(len(table.row_columns(row)) for row in table.rows) + 1
    for row in table.rows:
        columns = table.row_columns(row)
        if row.block != block:
            block = row.block
            assert block is not None
            rows.append([block] if cells else [block] + [""] * (width - 1))
            header = [
                "信息内容",
                *(printer.label(c.label) if c.type != "amount" else c.label for c in columns),
            ]
            if not cells and row.key != "fees":
                header += [""] * (width - len(header))
            rows.append(header)
        values = [printer.value(v) for v in report.values[table.key][row.key]]
        if cells:
            values = [_split_value(printer, v) for v in values]
        line = [printer.label(row.label), *values]
        if not cells and row.key != "fees":
            line += [""] * (width - len(line))
        rows.append(line)
    return rows


def _applications_rows(
    printer: _Printer, report: SyntheticReport, table: TableSpec, cells: bool
) -> list[list[str]]:
    note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    applicants = [printer.label(c.label) for c in table.columns]
    natural, *legal, total = applicants
    if cells:
        rows = [
            [_split_label(printer, note), "申请人情况"],
            [
                "",
                _split_label(printer, natural, vertical=True),
                "法人或其他组织",
                _split_label(printer, total, vertical=True),
            ],
            ["", "", *legal, ""],
        ]
    else:
        rows = [
            [note, "", "申请人情况", "", "", "", "", "", total, ""],
            ["", "", natural, "法人或其他组织", "", "", "", "", "", ""],
            ["", "", "", *legal, "", ""],
        ]
    seen_groups: set[str] = set()
    for row in table.rows_for(report.variant):
        values = [printer.value(v) for v in report.values[table.key][row.key]]
        if cells:
            values = [_split_value(printer, v) for v in values]
        label = printer.label(row.label)
        lost = not cells and printer.chance(printer.noise.lost_tabs, 0.1)
        chain = _group_chain(table, row)
        new_groups = [g for g in chain if g not in seen_groups]
        seen_groups.update(chain)
        group_labels = [printer.label(table.group(g).label) for g in chain]
        if not chain:  # 一、二、四: top-level rows
            line = [label, *values] if cells else [label, "", *values, ""]
        elif len(chain) == 1:  # （一）（二）（七） and （六） printed as one row
            first = "results" in new_groups
            head = _split_label(printer, group_labels[0]) if first else ""
            line = [head, label, *values] if cells else [head, label, *values, ""]
        else:  # leaves under （三）…（六）
            head = group_labels[1] if chain[1] in new_groups else ""
            line = ["", head, _split_label(printer, label) if cells else label, *values]
        if lost:
            pad = printer.rng.choice([0, 1])
            line = [label, *([""] * pad), *values, *([""] * (2 - pad))]
        rows.append(line)
    return rows


def _group_chain(table: TableSpec, row: Row) -> list[str]:
    """Group keys from the top down to ``row``."""
    return list(reversed(table.ancestors(row)))


def _review_rows(
    printer: _Printer, report: SyntheticReport, table: TableSpec, cells: bool
) -> list[list[str]]:
    outcomes = [printer.label(c.label) for c in table.columns]
    values = [
        _split_value(printer, printer.value(v)) if cells else printer.value(v)
        for row in table.rows
        for v in report.values[table.key][row.key]
    ]
    if cells:
        vertical = [_split_label(printer, o, vertical=True) for o in outcomes]
        return [
            ["行政复议", "行政诉讼"],
            [*vertical, "未经复议直接起诉", "复议后起诉"],
            ["", "", "", "", "", *outcomes, *outcomes],
            values,
        ]
    spaced = [o[:-2] + " " + o[-2:] for o in outcomes]
    return [
        ["行政复议", "", "", "", "", "行政诉讼", *[""] * 9],
        [*spaced, "未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""],
        ["", "", "", "", "", *spaced, *spaced],
        values,
    ]


def _rows_table(printer: _Printer, rows: list[list[str]]) -> list[str]:
    out: list[str] = []
    for i, row in enumerate(rows):
        if i and printer.chance(printer.noise.page_numbers, 0.05):
            out.append(printer.page_number())
        out.append("\t".join(row))
    return out


# -- the whole document ---------------------------------------------------------------


def render_text(
    report: SyntheticReport,
    *,
    layout: Literal["rows", "cells"] = "cells",
    noise: TextNoise | None = None,
    seed: int = 0,
) -> str:
    """Print ``report`` as flattened text in ``layout`` with ``noise``."""
    printer = _Printer(noise or TextNoise(), seed)
    cells = layout == "cells"
    spec = report.spec
    lines: list[str] = ["", *_title_lines(printer, report), ""]
    lines += preamble(report)
    builders = {
        "active": _active_rows,
        "applications": _applications_rows,
        "review_litigation": _review_rows,
    }
    for section in spec.sections:
        heading = _heading(printer, section.number, section.title, section.key)
        lines += ["", _indent(printer, heading), ""]
        for paragraph in report.prose.get(section.key, ()):
            lines.append(_indent(printer, paragraph))
            if printer.chance(printer.noise.page_numbers, 0.2):
                lines += ["", printer.page_number()]
            lines.append("")
        if section.table is not None:
            table = spec.table(section.table)
            rows = builders[table.key](printer, report, table, cells)
            lines += _cells_table(printer, rows) if cells else _rows_table(printer, rows)
    if report.published is not None:
        date = report.published
        lines += ["", report.organization, f"{date.year}年{date.month}月{date.day}日"]
    lines.append("")
    return "\n".join(lines)
