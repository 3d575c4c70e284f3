"""The recognizer: from the intermediate representation to a :class:`Report`.

Theory of operation. The recognizer never looks at a carrier; it reads the
blocks of a :class:`~govinfo_report._ir.Document` and the format description.

1. Section headings are found among the paragraphs (numbering variants, lost
   numerals and title variants allowed); everything before section 一 is the
   preamble, where the title, body, year, period and contact details are.
2. Each table block is scored against every table of the format by its labels
   and is assigned to the best one (or to its section's table when it carries
   values only); fragments of one table are joined in order.
3. Within a table, each row is identified by its *labels*, never by position:
   the last cell that matches a row (or a group, for （六）其他处理 printed as
   one row) ends the label part and the cells after it are the values. Extra
   cells (merged-cell padding, lost leading tabs) are dropped only when blank,
   and when more than one placement fits, the placement the table's other rows
   use decides; if that does not settle it, the row is flagged doubtful.
4. Table 四 is printed as one unlabelled row of 15 values; it is found as the
   row of value cells under its header.

Every repair and doubt becomes a :class:`Diagnostic` with its location.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Literal

import attrs

from govinfo_report import _meta
from govinfo_report._errors import ReportError
from govinfo_report._ir import Document, Paragraph, Table, TableCell
from govinfo_report._labels import (
    core,
    label_score,
    nfkc,
    section_heading,
    split_numbering,
    visible,
)
from govinfo_report._location import Location
from govinfo_report._values import read_value
from govinfo_report.formats import FORMATS, FormatSpec, Group, Row, SectionSpec, TableSpec
from govinfo_report.model import (
    Cell,
    CellKind,
    Diagnostic,
    Metadata,
    Report,
    Section,
    Severity,
    TableData,
    TextBlock,
)

__all__ = ["recognize"]

#: Lowest label score accepted as a match.
_MATCH = 0.78
#: Formats met in the wild that have no description yet, by the labels only they print.
_UNDESCRIBED = {
    "2019": ("本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "采购总金额"),
}


def _choose_format(tables: Sequence[Table]) -> tuple[FormatSpec, int]:
    """The described format whose signature labels the tables print most (2021 by default),
    and how many of its signatures they print."""
    hits = {version: _signature_hits(tables, spec.signatures) for version, spec in FORMATS.items()}
    best = max(hits, key=lambda version: (hits[version], version == "2021"))
    for version, signatures in _UNDESCRIBED.items():
        if version not in FORMATS and _signature_hits(tables, signatures) >= 2 > hits[best]:
            raise ReportError(
                f"this report uses the {version} format (its table 二 prints "
                f"{'/'.join(signatures[:2])}), which has no description yet; "
                f"formats read so far: {', '.join(sorted(FORMATS))}",
                tables[0].location,
            )
    return FORMATS[best], hits[best]


class _Diags:
    def __init__(self) -> None:
        self.items: list[Diagnostic] = []

    def add(self, severity: Severity, code: str, message: str, location: Location | None) -> None:
        self.items.append(
            Diagnostic(code=code, severity=severity, message=message, location=location)
        )


# -- sections --------------------------------------------------------------------


@attrs.frozen
class _Heading:
    """A section heading found: its block, section and paragraph.

    ``rest`` is the text after a heading that runs into its first paragraph
    ("一、总体情况2022年，……"): the section's first paragraph; ``paragraph`` then
    holds the heading alone.
    """

    block_index: int
    section: SectionSpec
    paragraph: Paragraph
    rest: str | None = None


# What separates a run-in heading from its paragraph, left off both.
_RUN_IN_SEPARATORS = " \u3000\t。．.：:，,"


def _find_sections(paragraphs: Sequence[tuple[int, Paragraph]], spec: FormatSpec) -> list[_Heading]:
    order = {section.key: i for i, section in enumerate(spec.sections)}
    found: list[_Heading] = []
    last = -1
    for block_index, paragraph in paragraphs:
        text = paragraph.text
        found_heading = section_heading(text)
        if found_heading is None or found_heading[0].key not in order:
            continue
        section, end = found_heading
        if end is None:
            heading = _Heading(block_index, section, paragraph)
        else:
            rest = text[end:].strip(_RUN_IN_SEPARATORS)
            head = attrs.evolve(paragraph, text=text[:end].rstrip())
            heading = _Heading(block_index, section, head, rest or None)
        position = order[heading.section.key]
        if position > last:
            found.append(attrs.evolve(heading, section=spec.section(heading.section.key)))
            last = position
    return found


# -- title and metadata ------------------------------------------------------------


#: Paragraphs of the preamble looked through for the title and the header's date. A
#: report opens with its title, but a web page printed to PDF, or flattened by a crawler,
#: puts the site's banner, menu and breadcrumb first.
TITLE_LOOKAHEAD = 20
#: Paragraphs within which a title that names neither a body nor a year is taken, when
#: none does.
SPLIT_TITLE_LOOKAHEAD = 8
#: Paragraphs at the end looked through for the signature's date.
SIGNATURE_LOOKBACK = 6
# Page furniture that names the report without being its title: a breadcrumb
# ("当前位置：首页 > 政务公开 > …") and the fields of a page's header ("来源：…").
_NOT_TITLE_RE = re.compile(
    r"当前位置|您的位置|你的位置|[>＞»›].*[>＞»›]"
    r"|^(?:来源|发布时间|发布日期|发布机构|浏览次数|字号|索引号|文号)[:：]"
)


def _title_like(text: str) -> str | None:
    """``text`` without white space if it could be (part of) a title, else ``None``."""
    squashed = "".join(nfkc(text).split())
    if len(squashed) > 70 or "。" in squashed or _NOT_TITLE_RE.search(squashed):
        return None
    if "报告" not in squashed and "信息公开" not in squashed:
        return None
    return squashed


def _find_title(preamble: Sequence[Paragraph]) -> tuple[str, Location] | None:
    # A whole title on one line first: it names 信息公开 and 报告, and its body or year
    # (a site's menu entry "政府信息公开年度报告" names neither).
    for i, paragraph in enumerate(preamble[:TITLE_LOOKAHEAD]):
        squashed = _title_like(paragraph.text)
        if (
            squashed is not None
            and "信息公开" in squashed
            and "报告" in squashed
            and _names_body_or_year(squashed)
        ):
            return _title_from(preamble, i, [paragraph], squashed)
    # Then a title cut over lines that names its body or year in its own lines (the line
    # before is taken along as the body's name, but before a menu's "政府信息公开年度报告"
    # it is another menu entry); at last, among the first lines, one that names neither.
    candidates = [_split_title(preamble, i) for i in range(min(len(preamble), TITLE_LOOKAHEAD))]
    chosen = next(
        (found for found in candidates if found is not None and _names_body_or_year(found[2])),
        None,
    ) or next((found for found in candidates[:SPLIT_TITLE_LOOKAHEAD] if found), None)
    return None if chosen is None else _title_from(preamble, *chosen)


def _names_body_or_year(title: str) -> bool:
    return (
        _meta.organization_from_title(title) is not None or _meta.year_from_title(title) is not None
    )


def _split_title(preamble: Sequence[Paragraph], i: int) -> tuple[int, list[Paragraph], str] | None:
    """The lines of a title starting at ``preamble[i]``, cut over lines ("…政府信息公开工作"
    / "年度报告"), as ``_title_from`` takes them (``i``, the lines, their text); or
    ``None``."""
    squashed = _title_like(preamble[i].text)
    if squashed is None:
        return None
    parts = [preamble[i]]
    joined = squashed
    j = i + 1
    while "报告" not in joined and j < len(preamble) and len(preamble[j].text) <= 20:
        parts.append(preamble[j])
        joined += "".join(preamble[j].text.split())
        j += 1
    return (i, parts, joined) if "报告" in joined else None


def _title_from(
    preamble: Sequence[Paragraph], i: int, parts: list[Paragraph], joined: str
) -> tuple[str, Location]:
    """The title made of ``parts`` (from ``preamble[i]`` on), and where it is."""
    # "常张乡人民政府" / "2024年政府信息公开工作年度报告": the body on a line of its own.
    if i > 0 and _meta.organization_from_title(joined) is None:
        previous = preamble[i - 1]
        # A long line only when it names a body ("…管理委员会社会事务管理服务中心"): a
        # sentence before the title is no part of it.
        if "。" not in previous.text and (
            len(previous.text) <= 30 or _meta.names_a_body(previous.text)
        ):
            parts.insert(0, previous)
    # Format characters that show nothing are no part of the title a user reads; nor is a
    # line break inside its paragraph (a Word title broken with w:br reads as the title
    # printed on two lines, or as two paragraphs, do).
    # A crawled page's field name before the title ("标题：…") is no part of it either.
    text = _meta.title_without_field_name(visible("".join(p.text.replace("\n", "") for p in parts)))
    first, last = parts[0].location, parts[-1].location
    location = attrs.evolve(first, end_line=last.end_line or last.line)
    if location.end_line == location.line:
        location = attrs.evolve(location, end_line=None)
    return text, location


def _metadata(
    preamble: Sequence[Paragraph],
    sections: dict[str, Section],
    all_paragraphs: Sequence[Paragraph],
    diags: _Diags,
    ocr: frozenset[_DoubtKey],
    ending: Sequence[str],
    contact_flow: tuple[Sequence[str], Sequence[str]],
) -> Metadata:
    """The report's metadata. ``ending`` holds the lines of the last blocks (see
    :func:`_ending`); ``contact_flow`` the preamble's and section 六's texts in order, their
    tables' rows among them, where contact details are looked for."""
    title_found = _find_title(preamble)
    title = title_location = organization = None
    year: int | None = None
    year_source: Literal["title", "period", "prose"] | None = None
    if title_found:
        title, title_location = title_found
        organization = _meta.organization_from_title(title)
        year = _meta.year_from_title(title)
        if year is not None:
            year_source = "title"
    else:
        diags.add(Severity.WARNING, "missing.title", "no report title found", None)
    overview = sections.get("overview")
    prose = [p.text for p in preamble] + ([p.text for p in overview.paragraphs] if overview else [])
    period = _meta.find_period(prose, year)
    if year is None and period is not None:
        year, year_source = period[0].year, "period"
    if year is None:
        year = _meta.year_from_prose(prose)
        if year is not None:
            year_source = "prose"
            diags.add(
                Severity.INFO,
                "meta.year-from-prose",
                f"the title names no year; {year} is the year the preamble and section 一 speak of",
                title_location,
            )
    if year is None:
        diags.add(Severity.WARNING, "missing.year", "the report year could not be found", None)
    tail = list(ending)
    if organization is None:
        # A title that names no body ("2023年政府信息公开工作年度报告"): the signature's.
        organization = _meta.organization_from_signature(tail)
        if organization is not None:
            diags.add(
                Severity.INFO,
                "meta.organization-from-signature",
                f"the title names no body; {organization} signs the report",
                title_location,
            )
    if organization is None:
        diags.add(
            Severity.WARNING, "missing.organization", "the reporting body could not be found", None
        )
    # The signature closes the report, but a web page printed to PDF has its footer after
    # it (联系我们, 版权所有, ICP备案号), and its header fields after the site's menus.
    published = _meta.find_published(tail, [p.text for p in preamble[:TITLE_LOOKAHEAD]])
    before, texts = contact_flow
    contact_texts = list(before)
    # What follows the signature is the page's, not the report's: a site's footer with
    # its own address, phone and e-mail, printed into the flow.
    signed = _meta.signature_at(texts)
    contact_texts += texts if signed is None else texts[:signed]
    if ocr:
        _doubt_metadata(
            [p for p in all_paragraphs if (key := _doubt_key(p.location)) and key in ocr],
            title,
            prose,
            tail,
            contact_texts,
            diags,
        )
    return Metadata(
        title=title,
        title_location=title_location,
        organization=organization,
        year=year,
        year_source=year_source,
        period_start=period[0] if period else None,
        period_end=period[1] if period else None,
        published=published,
        contact=_meta.find_contact(contact_texts),
    )


def _ending(document: Document) -> list[str]:
    """The texts of the document's last blocks, where the signature stands: a paragraph's
    text, or a table's rows, each row's cells side by side (a signature set in a borderless
    table, the body beside or above the date)."""
    texts: list[str] = []
    paragraphs = 0
    # Back from the end to the SIGNATURE_LOOKBACK-th paragraph, the tables on the way
    # included (statistics tables attached after the signature do not push it out). Line
    # by line: a line a flattened text glued onto the date's cell ("2025年1月20日\n附件：…")
    # must not hide the date.
    for block in reversed(document.blocks):
        if isinstance(block, Paragraph):
            texts += reversed(block.text.split("\n"))
            paragraphs += 1
            if paragraphs == SIGNATURE_LOOKBACK:
                break
        else:
            for row in reversed(block.rows):
                texts += reversed(_row_text(row).split("\n"))
    return texts[::-1]


def _row_text(row: Sequence[TableCell]) -> str:
    """A table row read as a line: its cells side by side ("地址：" beside "人民路1号")."""
    return " ".join(cell.text.strip() for cell in row)


def _doubt_metadata(
    doubted: Sequence[Paragraph],
    title: str | None,
    prose: Sequence[str],
    tail: Sequence[str],
    contact_texts: Sequence[str],
    diags: _Diags,
) -> None:
    """Warn of the metadata read from ``doubted`` paragraphs: a scan's OCR text.

    The finders are asked again, one paragraph at a time, for the paragraph each field
    came from; this runs only for documents with doubted paragraphs, which are few.
    """
    if not doubted:
        return
    texts = {p.text for p in doubted}
    fields: list[str] = []
    # A part of the title is a doubted paragraph (two characters at least: a lone "2" is
    # in every title's year).
    if title is not None and any(
        len(part := visible(p.text).strip()) >= 2 and part in title for p in doubted
    ):
        fields.append("title (and the body and year read from it)")
    source = next((t for t in prose if _meta.find_period([t])), None)
    if source in texts:
        fields.append("statistics period")
    signed = _meta.signature_at(tail)
    if (
        signed is not None
        and tail[signed] in texts
        and _meta.find_published([tail[signed]], []) is not None
    ):
        fields.append("publication date")
    named: set[str] = set()
    for text in contact_texts:
        found = {key for key, value in attrs.asdict(_meta.find_contact([text])).items() if value}
        if text in texts and found - named:
            fields.append("contact")
            break
        named |= found
    if fields:
        diags.add(
            Severity.WARNING,
            "doubt.metadata-ocr",
            f"the report's {', '.join(fields)} came from a scan's OCR layer, which "
            "confuses similar characters (3 and 8, 1 and 7): check them against the page",
            doubted[0].location,
        )


# -- tables ------------------------------------------------------------------------


def _value_kind(text: str) -> CellKind:
    """What a cell's text reads as, taken as a count."""
    return read_value(text, "count", "件")[0]


@lru_cache(maxsize=8192)
def _is_value_text(text: str) -> bool:
    """Whether ``text`` is printed as a value: a count, an amount, a blank or a marker."""
    kind = _value_kind(text)
    if kind is CellKind.UNREADABLE:
        # A fraction is no count, but it is a value: an amount in 万元 ("12.5").
        kind = read_value(text, "amount", "万元")[0]
    return kind in (CellKind.NUMBER, CellKind.BLANK, CellKind.MARKER)


@lru_cache(maxsize=64)
def _table_label_cores(spec: TableSpec) -> frozenset[str]:
    return frozenset(core(label) for label in spec.labels) - {""}


def _label_texts(table: Table) -> frozenset[str]:
    """Cores of the table's cells that are labels, not values."""
    texts = {
        core(cell.text)
        for row in table.rows
        for cell in row
        if cell.text.strip() and not _is_value_text(cell.text)
    }
    return frozenset(texts - {""})


def _table_score(texts: frozenset[str], spec: TableSpec, *, fuzzy: bool) -> int:
    """How many distinct labels of ``spec`` the table prints (exactly, or nearly if ``fuzzy``)."""
    labels = _table_label_cores(spec)
    matched = len(labels & texts)
    if fuzzy:
        for label in labels - texts:
            if any(
                label_score(text, label) >= 0.9
                for text in texts
                if len(text) >= 4 and abs(len(text) - len(label)) < 12
            ):
                matched += 1
    return matched


def _signature_hits(tables: Sequence[Table], signatures: Sequence[str]) -> int:
    cores = {core(s) for s in signatures}
    hits = set()
    for table in tables:
        for row in table.rows:
            for cell in row:
                text = core(cell.text)
                for signature in cores:
                    if signature in text:
                        hits.add(signature)
    return len(hits)


@lru_cache(maxsize=16384)
def _match_label(
    spec: TableSpec, text: str, context: str | None
) -> tuple[Literal["row", "group"], Row | Group] | None:
    """The row or group of ``spec`` whose label ``text`` is, given the group in force.

    Cached: reports of one format print the same labels, so a batch of reports
    pays for fuzzy matching once per distinct label.
    """
    text_core = core(text)
    if not text_core:
        return None
    candidates = _label_candidates(spec)
    # Most printed labels are official ones once normalized: score those few first,
    # and fall back to fuzzy matching against every label only when none is clear.
    exact = candidates.by_core.get(text_core, ())
    if exact:
        found = _best_candidate(exact, text, text_core, context)
        if found is not None and found[0] >= 0.95:
            return found[1], found[2]
    found = _best_candidate(candidates.all, text, text_core, context)
    if found is None or found[0] < _MATCH:
        return None
    return found[1], found[2]


_Candidate = tuple[Literal["row", "group"], Row | Group]


@attrs.frozen
class _Candidates:
    all: tuple[_Candidate, ...]
    by_core: dict[str, tuple[_Candidate, ...]]


@lru_cache(maxsize=64)
def _label_candidates(spec: TableSpec) -> _Candidates:
    everything: list[_Candidate] = [("row", row) for row in spec.rows if row.variant != "single"]
    everything += [("group", group) for group in spec.groups]
    by_core: dict[str, list[_Candidate]] = {}
    for candidate in everything:
        for label in candidate[1].labels:
            entries = by_core.setdefault(core(label), [])
            if candidate not in entries:
                entries.append(candidate)
    return _Candidates(
        all=tuple(everything), by_core={key: tuple(value) for key, value in by_core.items()}
    )


def _best_candidate(
    candidates: Sequence[_Candidate], text: str, text_core: str, context: str | None
) -> tuple[float, Literal["row", "group"], Row | Group] | None:
    best: tuple[float, Literal["row", "group"], Row | Group] | None = None
    for kind, item in candidates:
        score = max(label_score(text, label) for label in item.labels)
        parent = item.parent
        if parent is not None and parent == context:
            score += 0.05
        elif parent is not None and len(text_core) <= 4 and context is not None:
            # Short leaves ("3.其他") belong to the group in force.
            score -= 0.2
        if best is None or score > best[0]:
            best = (score, kind, item)
    return best


@attrs.define
class _RowHit:
    row: Row
    values: list[TableCell]
    label: TableCell
    doubt: str | None = None
    #: The cells beside the label, before the values were placed among them.
    beside: list[TableCell] = attrs.field(factory=list)


def _blank_after(cells: Sequence[TableCell], count: int) -> list[TableCell]:
    """``count`` blank cells standing after the last of ``cells`` (on its line), for values
    a line lost with its trailing tabs."""
    last = cells[-1]
    return [
        TableCell("", last.row, last.column + k, last.base, None, last.line, last.end_line)
        for k in range(1, count + 1)
    ]


#: What a blank cell may hold (padding, a line break).
_BLANK = " \t\u3000\xa0\n"
#: Trailing blank cells a row's line may have lost (trimmed tabs) and still be placed as
#: its neighbours are; a row shorter than that stays unread, with an error.
MAX_TRIMMED = 2


def _trimmed(values: list[TableCell], n: int, padding: int) -> tuple[list[TableCell], str] | None:
    """The ``n`` values of a row that lost its trailing blank cells, and the doubt to say.

    The table's other rows of its kind put ``padding`` blank cells (the label's merged
    cells) before their values. A row with those blank cells and fewer than ``n`` after
    them lost its last cells, and only blank cells go so (a line trimmed of its trailing
    tabs): its values stand after the padding, as its neighbours' do, and the missing ones
    are blank. Read without the padding, the row "…\t\t111…116" had its values moved a
    column right: the padding taken for a blank first value, 116 for the total.
    """
    kept = values[padding:]
    lost = n - len(kept)
    if not 0 < lost <= MAX_TRIMMED or len(kept) < 2:
        return None  # many cells short: glued or lost cells, not a trimmed line
    if any(cell.text.strip(_BLANK) for cell in values[:padding]):
        return None
    doubt = (
        f"the row has {len(kept)} cells after the label's padding where the form has {n}; "
        f"its last {lost} (a line trimmed of its trailing tabs) are read blank"
    )
    return kept + _blank_after(kept, lost), doubt


def _numbers_in(cells: Sequence[TableCell]) -> int:
    """How many of ``cells`` hold a number."""
    return sum(1 for c in cells if c.text.strip() and _value_kind(c.text) is CellKind.NUMBER)


def _values_below(table: Table, r: int, label: TableCell) -> str | None:
    """A doubt when ``label`` (in row ``r``) spans rows below that hold values of their own.

    The values read for a row are those beside its label; a label spanning rows whose
    other rows hold values (a ruling drawn across the row's value cells, as wkhtmltopdf
    may leave at a page break) leaves values unread, and those read may be the wrong
    ones.
    """
    for cells in table.rows[r + 1 : r + label.rowspan]:
        if any(c.column > label.column and _is_value_text(c.text) for c in cells):
            return f"its label spans {label.rowspan} table rows, and values stand in one below it"
    return None


class _TableReader:
    """Reads the rows of one table spec out of its blocks."""

    def __init__(
        self,
        spec: TableSpec,
        blocks: Sequence[Table],
        diags: _Diags,
        doubted: frozenset[_DoubtKey] = frozenset(),
    ) -> None:
        self.spec = spec
        self.blocks = blocks
        self.diags = diags
        #: The cells a reader doubted (see :func:`_doubted_cells`).
        self.doubted = doubted
        self.column_cores = {core(label) for c in spec.columns for label in c.labels}

    def _match(
        self, text: str, context: str | None
    ) -> tuple[Literal["row", "group"], Row | Group] | None:
        return _match_label(self.spec, text, context)

    def _reader_doubted(self, cell: TableCell) -> bool:
        if not self.doubted:
            return False
        key = _doubt_key(cell.location)
        return key is not None and key in self.doubted

    @staticmethod
    def _fit(
        values: list[TableCell], n: int, preferred: int | None
    ) -> tuple[list[TableCell] | None, str | None, int | None]:
        """Choose the ``n`` value cells among ``values``.

        Returns (cells or None, doubt, offset used when there was a choice).
        """
        if len(values) == n:
            return values, None, None
        blank = [not cell.text.strip(_BLANK) for cell in values]
        if len(values) < n:
            raw = " | ".join(cell.text.strip() for cell in values)
            if (
                len(values) == 1
                and core(values[0].text).isdigit()
                and len(core(values[0].text)) >= n
            ):
                return None, f"{n} values appear glued into one cell ({raw!r})", None
            return None, f"expected {n} values, found {len(values)} ({raw!r})", None
        # The placements that leave out only blank cells: windows of n holding every
        # filled cell (computed from the first and last, as a row can be very long).
        filled = [i for i, is_blank in enumerate(blank) if not is_blank]
        low, high = (filled[-1] - n + 1, filled[0]) if filled else (0, len(values))
        offsets = list(range(max(0, low), min(high, len(values) - n) + 1))
        if not offsets:
            raw = " | ".join(cell.text.strip() for cell in values)
            return None, f"expected {n} values, found more ({raw!r})", None
        windows = {tuple(cell.text.strip() for cell in values[o : o + n]) for o in offsets}
        if len(offsets) == 1:
            return values[offsets[0] : offsets[0] + n], None, offsets[0]
        if len(windows) == 1:
            return values[offsets[0] : offsets[0] + n], None, None
        # More than one placement fits and they differ: whichever is taken, say so.
        doubt = (
            "the blank cells of this row could be placed in more than one way; "
            "the placement the table's other rows use was taken"
        )
        if preferred in offsets:
            assert preferred is not None
            return values[preferred : preferred + n], doubt, None
        return values[offsets[0] : offsets[0] + n], doubt, None

    def _labelled_hits(self) -> list[_RowHit]:
        pending: list[tuple[Row, list[TableCell], TableCell, str | None]] = []
        context: str | None = None
        #: Rows holding values beside no label of the format, with the row read above them
        #: (``None`` once a row below took them for its own).
        orphans: list[tuple[int | None, Sequence[TableCell]] | None] = []
        # Rows are counted on across the blocks: a table cut by a page break may come in
        # two blocks, the upper part of a row in one and the rest in the next.
        position = 0
        orphan_at = -2  # the position of the last orphan
        for table in self.blocks:
            above: int | None = None  # index in ``pending`` of the row read last here
            for r, cells in enumerate(table.rows):
                position += 1
                last: tuple[int, Literal["row", "group"], Row | Group] | None = None
                column_labels = 0
                for i, cell in enumerate(cells):
                    if not cell.text.strip() or _is_value_text(cell.text):
                        continue
                    if core(cell.text) in self.column_cores:
                        column_labels += 1
                        if not split_numbering(cell.text)[0]:
                            continue  # a column header ("总计"), not the row （七）总计
                    match = self._match(cell.text, context)
                    if match is None:
                        continue
                    kind, item = match
                    if kind == "group":
                        context = item.key
                    elif item.parent is not None and item.parent != context:
                        context = item.parent
                    last = (i, kind, item)
                if last is None or column_labels >= 2:
                    if last is None and not column_labels and _numbers_in(cells) >= 2:
                        orphans.append((above, cells))
                        orphan_at = position
                    elif any(cell.text.strip() for cell in cells):
                        above = None  # a header or remark between: not the row above
                    continue
                index, kind, item = last
                values = list(cells[index + 1 :])
                if kind == "group":
                    assert isinstance(item, Group)
                    if item.single_row is None or not values:
                        continue
                    row = self.spec.row(item.single_row)
                else:
                    assert isinstance(item, Row)
                    row = item
                label = cells[index]
                doubt = _values_below(table, r, label)
                previous = orphans[-1] if orphan_at == position - 1 and orphans else None
                if previous is not None and not any(cell.text.strip() for cell in values):
                    # A label cut over two rows ("一、" with the values, then the words
                    # below with nothing beside them): the values above are its own.
                    values = [c for c in previous[1] if c.column > label.column]
                    doubt = "its label is cut over two rows, and the values stand in the upper one"
                    orphans[-1] = None
                pending.append((row, values, label, doubt))
                above = len(pending) - 1
        for entry in orphans:
            if entry is None:
                continue
            owner, orphan = entry
            self._note_orphan(orphan)
            if owner is not None:
                row, values, label, doubt = pending[owner]
                if doubt is None and not any(cell.text.strip() for cell in values):
                    # Its values may be those below, cut from it (a row a page break
                    # split, its label's last characters going with the values).
                    doubt = "the row below it holds values beside no label; they may be its own"
                    pending[owner] = (row, values, label, doubt)
        # Placement the table's unambiguous rows use, by number of trailing cells; and
        # the padding before their first value, by kind of row (its group, its width).
        usual: dict[int, Counter[int]] = {}
        padding: dict[tuple[str | None, int], Counter[int]] = {}
        for row, values, _, _ in pending:
            n = len(self.spec.row_columns(row))
            _, _, offset = self._fit(values, n, None)
            if offset is not None:
                usual.setdefault(len(values), Counter())[offset] += 1
            elif len(values) == n and values[0].text.strip():
                offset = 0
            if offset is not None:
                padding.setdefault((row.parent, n), Counter())[offset] += 1
        hits: list[_RowHit] = []
        for row, values, label, below in pending:
            n = len(self.spec.row_columns(row))
            counter = usual.get(len(values))
            preferred = counter.most_common(1)[0][0] if counter else None
            pads = padding.get((row.parent, n))
            trimmed = _trimmed(values, n, pads.most_common(1)[0][0]) if pads else None
            if trimmed is not None:
                hits.append(
                    _RowHit(
                        row=row, values=trimmed[0], label=label, doubt=trimmed[1], beside=values
                    )
                )
                continue
            chosen, doubt, _ = self._fit(values, n, preferred)
            hits.append(
                _RowHit(
                    row=row, values=chosen or [], label=label, doubt=doubt or below, beside=values
                )
            )
        return hits

    def _resolve_single(self, by_key: dict[str, _RowHit]) -> Literal["split", "single"]:
        """The printing of a table where a group's one-row printing was met: "single",
        unless rows of the split printing were found too.

        Then the group's label stood in the row of its first sub-row, whose own label was
        not recognized (a shortened 1.逾期不补正): the values beside it are that sub-row's
        when it is the one sub-row missing, and doubted; else they are not read, and said.
        """
        single = by_key["other_single"]
        split_only = [row for row in self.spec.rows if row.variant == "split"]
        found = [row for row in split_only if row.key in by_key]
        if not found:
            return "single"
        del by_key["other_single"]
        missing = [row for row in split_only if row.key not in by_key]
        # The sub-row's unrecognized label stands among the cells: not one of the values.
        values = [cell for cell in single.beside if _is_value_text(cell.text)]
        chosen = None
        if len(missing) == 1:
            chosen, _, _ = self._fit(values, len(self.spec.row_columns(missing[0])), None)
        if chosen is not None:
            row = missing[0]
            by_key[row.key] = attrs.evolve(
                single,
                row=row,
                values=chosen,
                doubt=f"its label was not recognized; the values beside its group's label "
                f"({single.label.text.strip()[:20]!r}) were taken for its own",
            )
        else:
            self.diags.add(
                Severity.WARNING,
                "doubt.row-values",
                f"table {self.spec.number}: values beside the group label "
                f"{single.label.text.strip()[:20]!r} belong to a row whose label was not "
                "recognized; they are not read",
                single.label.location,
            )
        return "split"

    def _note_orphan(self, cells: Sequence[TableCell]) -> None:
        """Say that a row holds values beside no label of the format: they are not read."""
        raw = " | ".join(cell.text.strip() for cell in cells)
        self.diags.add(
            Severity.WARNING,
            "doubt.unlabelled-values",
            f"table {self.spec.number}: a row holds values beside no label of the format "
            f"({raw[:80]!r}); they are not read",
            cells[0].location,
        )

    def _flat_hits(self) -> list[_RowHit]:
        """The rows of a table printed as one unlabelled row of values (table 四).

        The row is the one wide enough whose cells are all values. A row of blanks
        only (a spare row, a deleted row left in) gives way to one holding values; of
        several holding values, the first is read and doubted.
        """
        n = len(self.spec.rows) * len(self.spec.columns)
        candidates = [
            cells
            for table in self.blocks
            for cells in table.rows
            if len(cells) >= n and all(_is_value_text(cell.text) for cell in cells)
        ]
        if not candidates and (banded := self._banded_hits()) is not None:
            return banded
        if not candidates:
            # A line trimmed of its trailing tabs lost its last blank cells (see _trimmed).
            short = [
                list(cells)
                for table in self.blocks
                for cells in table.rows
                if n - MAX_TRIMMED <= len(cells) < n
                and all(_is_value_text(cell.text) for cell in cells)
                and _numbers_in(cells) >= 2
            ]
            if not short:
                return self._labelled_hits()
            trimmed = _trimmed(short[0], n, 0)
            assert trimmed is not None
            width = len(self.spec.columns)
            return [
                _RowHit(
                    row=row,
                    values=trimmed[0][r * width : (r + 1) * width],
                    label=short[0][0],
                    doubt=trimmed[1],
                )
                for r, row in enumerate(self.spec.rows)
            ]
        filled = [cells for cells in candidates if any(cell.text.strip() for cell in cells)]
        cells = (filled or candidates)[0]
        chosen, doubt, _ = self._fit(list(cells), n, 0)
        if not filled and doubt is None:
            # A row of empty cells (Word's column-width row, as a tab line) is read as
            # the values, but the table holds numbers elsewhere: the values row itself
            # may be broken over lines the reader could not join.
            numbered = next(
                (row for table in self.blocks for row in table.rows if _numbers_in(row)), None
            )
            if numbered is not None:
                doubt = (
                    "the row of values read is blank, but numbers stand elsewhere in the "
                    f"table ({_row_text(numbered)[:40]!r}): they may be its values"
                )
        others = {tuple(c.text.strip() for c in row) for row in filled} - {
            tuple(c.text.strip() for c in cells)
        }
        if others and doubt is None:
            doubt = (
                f"{len(others) + 1} rows of the table hold values under its header; "
                "the first is read"
            )
        hits = []
        width = len(self.spec.columns)
        for r, row in enumerate(self.spec.rows):
            part = chosen[r * width : (r + 1) * width] if chosen else []
            hits.append(_RowHit(row=row, values=part, label=cells[0], doubt=doubt))
        return hits

    def _banded_hits(self) -> list[_RowHit] | None:
        """The rows of table 四 printed in bands, to fit a page: a row naming one or more
        of its rows (行政复议; 未经复议直接起诉 and 复议后起诉), then, under the columns'
        headers, a row of values for each of them in turn. ``None`` unless every row of
        the table is so found."""
        width = len(self.spec.columns)
        named_rows = {core(label): row for row in self.spec.rows for label in row.labels}
        found: dict[str, _RowHit] = {}
        named: list[Row] = []
        for table in self.blocks:
            for cells in table.rows:
                rows = [
                    named_rows[text] for cell in cells if (text := core(cell.text)) in named_rows
                ]
                if rows:
                    named = rows
                elif (
                    named
                    and len(cells) == width * len(named)
                    and all(_is_value_text(cell.text) for cell in cells)
                ):
                    for i, row in enumerate(named):
                        values = list(cells[i * width : (i + 1) * width])
                        found.setdefault(row.key, _RowHit(row=row, values=values, label=cells[0]))
                    named = []
        if len(found) != len(self.spec.rows):
            return None
        return [found[row.key] for row in self.spec.rows]

    def _printed_units(self) -> dict[str, tuple[str, str]]:
        """Columns whose header (or the label of the row holding them) names another unit
        than the form's: column key -> (the unit printed, the text printing it)."""
        out: dict[str, tuple[str, str]] = {}
        for column in self.spec.columns:
            if column.unit not in _UNITS:
                continue
            stems = {_UNIT_RE.sub("", nfkc(label)).strip() for label in column.labels}
            stems |= {
                nfkc(label)
                for row in self.spec.rows
                if self.spec.row_columns(row) == (column,)
                for label in row.labels
            }
            stems.discard("")
            for table in self.blocks:
                for cells in table.rows:
                    for cell in cells:
                        text = nfkc(cell.text)
                        unit = _UNIT_RE.search(text)
                        if unit and unit.group(1) != column.unit and any(s in text for s in stems):
                            out[column.key] = (unit.group(1), cell.text.strip())
        return out

    def read(self) -> TableData:
        spec = self.spec
        found = bool(self.blocks)
        units = self._printed_units() if found else {}
        hits = self._flat_hits() if spec.flat else self._labelled_hits() if found else []
        by_key: dict[str, _RowHit] = {}
        for candidate in hits:
            if candidate.row.key in by_key:
                previous = by_key[candidate.row.key]
                same = [c.text.strip() for c in previous.values] == [
                    c.text.strip() for c in candidate.values
                ]
                if not same:
                    self.diags.add(
                        Severity.WARNING,
                        "doubt.duplicate-row",
                        f"table {spec.number}: row {candidate.row.key} appears twice; "
                        "the first is kept",
                        candidate.label.location,
                    )
                continue
            by_key[candidate.row.key] = candidate
        variant: Literal["split", "single"] = "single" if "other_single" in by_key else "split"
        if variant == "single":
            variant = self._resolve_single(by_key)
        rows: list[tuple[str, tuple[Cell, ...]]] = []
        for row in spec.rows_for(variant):
            columns = spec.row_columns(row)
            hit = by_key.get(row.key)
            if hit is not None and hit.doubt and not hit.values:
                self.diags.add(
                    Severity.ERROR,
                    "doubt.row-values",
                    f"table {spec.number}, row {row.key}: {hit.doubt}; its values are not read",
                    hit.label.location,
                )
            elif hit is None and found:
                self.diags.add(
                    Severity.ERROR,
                    "missing.row",
                    f"table {spec.number}: row {row.key} ({row.label}) not found",
                    self.blocks[0].location,
                )
            elif hit is not None and hit.doubt:
                self.diags.add(
                    Severity.WARNING,
                    "doubt.row-values",
                    f"table {spec.number}, row {row.key}: {hit.doubt}",
                    hit.label.location,
                )
            cells: list[Cell] = []
            for i, column in enumerate(columns):
                if hit is None or not hit.values:
                    cells.append(
                        Cell(
                            table=spec.key,
                            row=row.key,
                            column=column.key,
                            kind=CellKind.MISSING,
                            value=None,
                            raw=None,
                            location=None if hit is None else hit.label.location,
                        )
                    )
                    continue
                source = hit.values[i]
                kind, value, note, doubted = read_value(source.text, column.type, column.unit)
                printed = units.get(column.key)
                if printed is not None and kind is CellKind.NUMBER and value is not None:
                    # The table says the column is in another unit than the form's.
                    unit, where = printed
                    converted = Decimal(value) * _UNITS[unit] / _UNITS[column.unit]
                    self.diags.add(
                        Severity.WARNING,
                        "doubt.unit",
                        f"table {spec.number}, {row.key}/{column.key}: the table prints this "
                        f"column in {unit} ({where[:30]!r}), the form in {column.unit}: "
                        f"{value} read as {converted.normalize():f}",
                        source.location,
                    )
                    value, doubted = converted.normalize(), True
                    if value == value.to_integral_value():
                        value = int(value)
                if note is not None:
                    self.diags.add(
                        Severity.WARNING
                        if kind is CellKind.UNREADABLE or doubted
                        else Severity.INFO,
                        "doubt.unreadable"
                        if kind is CellKind.UNREADABLE
                        else "doubt.value-apart"
                        if doubted
                        else "repair.value",
                        f"table {spec.number}, {row.key}/{column.key}: {note}",
                        source.location,
                    )
                cells.append(
                    Cell(
                        table=spec.key,
                        row=row.key,
                        column=column.key,
                        kind=kind,
                        value=value,
                        raw=source.text,
                        location=source.location,
                        doubtful=doubted or hit.doubt is not None or self._reader_doubted(source),
                    )
                )
            rows.append((row.key, tuple(cells)))
        if not found:
            self.diags.add(
                Severity.ERROR,
                "missing.table",
                f"table {spec.number} ({spec.title}) not found; its values are missing",
                None,
            )
        return TableData(
            key=spec.key,
            found=found,
            rows=tuple(rows),
            variant=variant,
            location=self.blocks[0].location if self.blocks else None,
        )


#: Fewest distinct labels of its own a run of rows must print to be split off as a table.
SPLIT_MIN_LABELS = 3


@lru_cache(maxsize=8)
def _own_label_cores(spec: FormatSpec) -> dict[str, frozenset[str]]:
    """Per table of ``spec``, the cores of the labels no other table of it prints."""
    own: dict[str, frozenset[str]] = {}
    for t in spec.tables:
        others = frozenset().union(*(_table_label_cores(o) for o in spec.tables if o is not t))
        own[t.key] = _table_label_cores(t) - others
    return own


def _split_joined(table: Table, spec: FormatSpec) -> list[Table]:
    """``table`` cut where one of the form's tables ends and the next begins, when it holds
    several printed one after another (a flattened text gathers the tables at the end,
    with only blank lines between, into one region); else ``[table]``.

    A row belongs to a table by the labels it prints that no other table of the form has.
    Only runs that follow each other without interleaving, each with at least
    :data:`SPLIT_MIN_LABELS` such labels, are cut apart, each where its first such row is.
    """
    own = _own_label_cores(spec)
    first: dict[str, int] = {}
    last: dict[str, int] = {}
    labels: dict[str, set[str]] = {}
    for r, row in enumerate(table.rows):
        for cell in row:
            if not cell.text.strip() or _is_value_text(cell.text):
                continue
            text = core(cell.text)
            for key, cores in own.items():
                if text in cores:
                    first.setdefault(key, r)
                    last[key] = r
                    labels.setdefault(key, set()).add(text)
    runs = sorted((first[key], last[key]) for key in first if len(labels[key]) >= SPLIT_MIN_LABELS)
    if len(runs) < 2 or any(b[0] <= a[1] for a, b in itertools.pairwise(runs)):
        return [table]
    cuts = [0, *(start for start, _ in runs[1:]), len(table.rows)]
    return [
        Table(rows=table.rows[start:end], location=table.location)
        for start, end in itertools.pairwise(cuts)
    ]


def _assign_tables(
    tables: Sequence[tuple[int, Table]],
    section_at: dict[int, str | None],
    spec: FormatSpec,
) -> dict[str, list[Table]]:
    assigned: dict[str, list[Table]] = {t.key: [] for t in spec.tables}
    section_tables = {s.key: s.table for s in spec.sections}
    for block_index, table in tables:
        texts = _label_texts(table)
        scores = {t.key: _table_score(texts, t, fuzzy=False) for t in spec.tables}
        top = sorted(scores.values())
        if top[-1] < 3 or top[-1] - top[-2] < 2:
            # Exact labels do not settle it: count shortened and re-punctuated ones too.
            scores = {t.key: _table_score(texts, t, fuzzy=True) for t in spec.tables}
        best = max(scores, key=lambda key: scores[key])
        section_key = section_at.get(block_index)
        home = section_tables.get(section_key) if section_key else None
        if scores[best] >= 2:
            if home is not None and scores[home] == scores[best]:
                best = home
            assigned[best].append(table)
        elif home is not None and any(
            cell.text.strip() and _is_value_text(cell.text) for row in table.rows for cell in row
        ):
            # A fragment with values only (a page's continuation): its section says whose.
            assigned[home].append(table)
    return assigned


# -- the whole document -------------------------------------------------------------


#: Units a column may be printed in, by how many yuan one is.
_UNITS = {"元": Decimal(1), "万元": Decimal(10000)}
# A unit printed in brackets after a header or a row label: "（单位：元）", "(万元)".
_UNIT_RE = re.compile(r"[(（]\s*(?:单位\s*[:：]?\s*)?(万元|元)\s*[)）]")

#: How a reader's doubt about one cell and the cell find each other (see :func:`_doubt_key`).
_DoubtKey = tuple[object, ...]


def _doubt_key(location: Location) -> _DoubtKey | None:
    """The key of the cell at ``location``: its page and box in a PDF, its element path in
    a web page, its part, table, row and column in a Word file, its first line and column
    in a text; ``None`` for a location that is no cell's."""
    if location.bbox is not None:
        return (location.page, location.bbox)
    if location.path is not None and location.row is not None:
        return (location.path,)
    if location.carrier == "docx" and location.row is not None:
        return (location.part, location.table, location.row, location.column)
    if location.carrier == "text" and location.column is not None:
        return (location.line, location.column)
    return None


def _doubted_cells(document: Document, code: str = "doubt.") -> frozenset[_DoubtKey]:
    """The cells a reader's ``doubt.`` note points at.

    A PDF reader's doubt about one cell (a number wrapped or cut by a page break and
    joined, digits standing apart, a value in a cell merged across rows) is located by
    the cell's box, as the cell itself is; the HTML reader's (a superscript taken for a
    footnote mark) by the cell's element path, the DOCX reader's by the cell's part,
    table, row and column. Its value is then marked doubtful. A PDF reader's doubt about
    a paragraph (read from a scan's OCR layer) is located by the paragraph's box.
    ``code`` (or its start) chooses the notes.
    """
    return frozenset(
        key
        for note_code, _, location in document.notes
        if note_code.startswith(code)
        and location is not None
        and (key := _doubt_key(location)) is not None
    )


def _heading_rows(document: Document, diags: _Diags) -> Document:
    """``document`` with a paragraph put before each table whose first row is a section
    heading alone ("三、收到和处理政府信息公开申请情况" in one cell across the table, as
    editors set a table's caption): the heading a reader sees. The row stays in the
    table, where no label of the form takes it."""
    blocks: list[Paragraph | Table] = []
    for block in document.blocks:
        if isinstance(block, Table) and block.rows:
            texts = [cell for cell in block.rows[0] if cell.text.strip()]
            if len(texts) == 1 and (found := section_heading(texts[0].text)) and found[1] is None:
                cell = texts[0]
                blocks.append(Paragraph(text=cell.text.strip(), location=cell.location))
                diags.add(
                    Severity.INFO,
                    "repair.heading-in-table",
                    f"the heading of section {found[0].number} is the first row of a table; "
                    "it was read as the section's heading",
                    cell.location,
                )
        blocks.append(block)
    if len(blocks) == len(document.blocks):
        return document
    return attrs.evolve(document, blocks=tuple(blocks))


def recognize(document: Document) -> Report:
    """Map a document onto the format description and read every value."""
    diags = _Diags()
    for code, message, location in document.notes:
        diags.add(Severity.INFO, code, message, location)
    document = _heading_rows(document, diags)
    paragraphs = [
        (i, block) for i, block in enumerate(document.blocks) if isinstance(block, Paragraph)
    ]
    tables = [(i, block) for i, block in enumerate(document.blocks) if isinstance(block, Table)]
    if not paragraphs and not tables:
        raise ReportError("the input holds no text: it is empty or not a document")

    spec, signature_hits = _choose_format([t for _, t in tables])

    headings = _find_sections(paragraphs, spec)
    heading_blocks = {heading.block_index: heading for heading in headings}
    section_at: dict[int, str | None] = {}
    current: str | None = None
    section_paragraphs: dict[str, list[TextBlock]] = {s.key: [] for s in spec.sections}
    preamble: list[Paragraph] = []
    # Where contact details are looked for, in order: the preamble's and section 六's
    # paragraphs and the rows of their tables (a contact block set as a table).
    contact_flow: dict[str | None, list[str]] = {None: [], "other": []}
    for i, block in enumerate(document.blocks):
        if i in heading_blocks:
            heading = heading_blocks[i]
            current = heading.section.key
            section_at[i] = current
            if heading.rest is not None:
                section_paragraphs[current].append(
                    TextBlock(text=heading.rest, location=heading.paragraph.location)
                )
                if current in contact_flow:
                    contact_flow[current].append(heading.rest)
                diags.add(
                    Severity.INFO,
                    "repair.run-in-heading",
                    f"the heading of section {heading.section.number} runs into its first "
                    "paragraph; they were read apart",
                    heading.paragraph.location,
                )
            continue
        section_at[i] = current
        if isinstance(block, Paragraph):
            if current is None:
                preamble.append(block)
            else:
                section_paragraphs[current].append(
                    TextBlock(text=block.text, location=block.location)
                )
            if current in contact_flow:
                contact_flow[current].append(block.text)
        elif current in contact_flow:
            contact_flow[current] += [_row_text(row) for row in block.rows]
    found_headings = {heading.section.key: heading.paragraph for heading in headings}
    sections: list[Section] = []
    for section_spec in spec.sections:
        heading_paragraph = found_headings.get(section_spec.key)
        if heading_paragraph is None:
            diags.add(
                Severity.WARNING,
                "missing.section",
                f"section {section_spec.number} ({section_spec.title}) not found",
                None,
            )
        sections.append(
            Section(
                number=section_spec.number,
                key=section_spec.key,
                heading=None if heading_paragraph is None else heading_paragraph.text,
                paragraphs=tuple(section_paragraphs[section_spec.key]),
                location=None if heading_paragraph is None else heading_paragraph.location,
            )
        )
    by_key = {s.key: s for s in sections}
    doubted = _doubted_cells(document)
    metadata = _metadata(
        preamble,
        by_key,
        [p for _, p in paragraphs],
        diags,
        _doubted_cells(document, "doubt.pdf-ocr"),
        _ending(document),
        (contact_flow[None], contact_flow["other"]),
    )
    if signature_hits == 0:
        diags.add(
            Severity.WARNING,
            "doubt.format",
            f"no table prints a label that only the {spec.version} format has; the report was "
            f"read against that format for want of a better one",
            None,
        )
    if metadata.year is not None and metadata.year < spec.first_year:
        diags.add(
            Severity.WARNING,
            "doubt.format-year",
            f"the {spec.version} format is for reports on {spec.first_year} and later; "
            f"this report is on {metadata.year}",
            metadata.title_location,
        )

    parts: list[tuple[int, Table]] = []
    for i, table in tables:
        split = _split_joined(table, spec)
        if len(split) > 1:
            diags.add(
                Severity.INFO,
                "repair.tables-joined",
                f"{len(split)} of the form's tables, printed one after another with only "
                "blank lines between, were read as one table and cut apart by their labels",
                table.location,
            )
        parts += [(i, part) for part in split]
    assigned = _assign_tables(parts, section_at, spec)
    table_data = [_TableReader(t, assigned[t.key], diags, doubted).read() for t in spec.tables]

    if not headings and not any(t.found for t in table_data):
        # A page that only links to the report (or shows it in a frame): say where it is.
        attached = next((n for n in document.notes if n[0] == "html.attached-document"), None)
        if metadata.title is None or "信息公开" not in metadata.title:
            raise ReportError(
                "not a government information disclosure annual report: no report title, "
                "section headings or tables of the official format were found"
                + ("" if attached is None else f"; the page {attached[1]}")
            )
        if attached is not None:
            diags.add(
                Severity.WARNING,
                "missing.report-body",
                "the page names the report but holds none of its sections or tables; it "
                + attached[1],
                attached[2],
            )
    return Report(
        format=spec.version,
        carrier=document.carrier,
        encoding=document.encoding,
        metadata=metadata,
        preamble=tuple(TextBlock(text=p.text, location=p.location) for p in preamble),
        sections=tuple(sections),
        tables=tuple(table_data),
        diagnostics=tuple(diags.items),
    )
