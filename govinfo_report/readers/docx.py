"""DOCX reader: a Word (OOXML) package into the intermediate representation.

Theory of operation.

1. **The package.** The bytes are opened with :mod:`zipfile` after checks that
   stop hostile input before anything is decompressed: the number of members,
   the total declared uncompressed size and each member's compression ratio
   (a zip bomb), encrypted members. The main part is found through
   ``_rels/.rels`` (normally ``word/document.xml``); its numbering and styles
   parts through the main part's relationships. A zip without a Word main part
   (an .odt, an OFD file) or whose main part is a workbook or a presentation (by
   its root element or content type) and an encrypted Word file (an OLE file
   holding an ``EncryptedPackage`` stream) get an error that names them.
2. **The XML.** Every part is parsed by lxml with entity resolution and
   network access off; a part that declares a DTD is refused (Word never
   writes one; a DTD in a package is an entity attack). ISO 29500 *Strict*
   documents are read by mapping their namespace onto the transitional one.
3. **The walk.** Most of a Word file is formatting. A few scans of the body,
   filtered by tag inside lxml (``iter(tags)`` never hands the other elements
   to Python), find what needs attention: paragraphs holding tabs, breaks or
   careful elements, cells' merge properties, rows' ``w:gridBefore``,
   numbered paragraphs. The walk then goes through the body's blocks in
   order; an ordinary paragraph's text is its ``w:t`` elements, read with one
   more filtered scan. This keeps the reader within a small factor of a bare
   lxml walk (see benchmarks/bench_carriers.py), ten times faster than
   python-docx. The *careful* walk, for the paragraphs that need it, goes
   run by run: ``w:tab``/``w:ptab`` in a run is ``"\\t"``, ``w:br``/``w:cr``
   is ``"\\n"``; deleted text (tracked changes), field instructions, hidden
   and struck-through runs (``w:vanish``, ``w:strike``: the run's own or its
   styles', resolved as Word does) are left out, and so is white text beside
   text that is not white in a table cell (a value whited out); inserted
   runs are read; of ``mc:AlternateContent`` only one branch is read; text
   boxes are read after the paragraph that anchors them. Bookmarks are
   markup and never text. Content controls, custom XML, smart tags and
   hyperlinks are looked through.
4. **Paragraphs** with no visible text are dropped. Word auto-numbering
   (``w:numPr`` in the paragraph or its style) is not in the XML text: the
   numbering part (and, when paragraphs name styles, the styles part) is
   read, counters are kept per list, and the displayed label ("三、",
   "（1）") is computed. It is put in ``Paragraph.numbering`` *and* prefixed
   to the text, so the text is what the reader of the page sees, the same as
   in the PDF or HTML of the same document.
5. **Tables** are laid on their grid: ``w:gridBefore``, ``w:gridSpan`` (and
   the legacy ``w:hMerge``) give each cell its grid column and column span;
   a ``w:vMerge`` chain becomes one cell with a row span, emitted once in the
   row where it starts (its continuation cells are not emitted again; text
   found in one is not shown by Word: it is left out, quoted in a note that
   doubts the merged cell). A cell's paragraphs are
   joined with ``"\\n"``; empty ones are kept, so a cell stays blank when it
   holds nothing. A *layout* table, one with a single cell or a few rows
   holding other tables, is not data: its cells' contents are read as blocks
   in reading order (row by row, cell by cell), so the headings and the real
   tables inside it come out as paragraphs and tables of their own. Tables in
   the cells of a longer (data) table come out after it.

Locations: a paragraph has ``part`` and ``path``, an XPath-like element path
in the part (``/w:document/w:body/w:p[12]``, 1-based as in XPath); a table
has ``part``, ``path`` and ``table`` (0-based index among the tables emitted);
a cell has ``part``, ``table``, ``row`` (the physical row, 0-based) and
``column`` (the grid column, 0-based).

Not read: headers, footers, footnotes, endnotes, comments, embedded
objects and imported chunks (``w:altChunk``, which is noted; a table cell holding
one is doubted, as its value may be in it).
"""

from __future__ import annotations

import io
import itertools
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from typing import Final

import attrs
from lxml import etree

from govinfo_report._errors import ReportError
from govinfo_report._ir import Block, Document, Paragraph, Table, TableCell
from govinfo_report._labels import visible
from govinfo_report._location import Location
from govinfo_report.readers._marks import MAX_FOOTNOTE_MARK, footnote_doubt

__all__ = ["read_docx"]

# -- limits on hostile input --------------------------------------------------------

#: Most members a package may have. Word writes 10-30; a report with many pictures
#: a few hundred. zipfile reads the whole central directory on opening, so a huge
#: count costs time and memory before anything else can be checked.
MAX_MEMBERS: Final = 5_000
#: Largest total declared uncompressed size of all members. Pictures can make a
#: real report tens of megabytes; a gigabyte is beyond any report and is a bomb.
MAX_TOTAL_SIZE: Final = 1 << 30
#: Largest XML part this reader will decompress and parse. The largest real
#: document.xml seen is ~250 kB; lxml needs ~10x the text size in memory.
MAX_PART_SIZE: Final = 64 << 20
#: Highest compression ratio allowed for a member larger than RATIO_GRACE. Word's
#: XML compresses 20-35:1 (measured on the corpus); deflate peaks near 1032:1 on
#: repeated bytes, which is what a zip bomb is made of. 250 leaves room for very
#: repetitive machine-written XML.
MAX_RATIO: Final = 250
#: Members smaller than this are not ratio-checked: a tiny member cannot be a bomb,
#: and a near-empty one compresses at any ratio.
RATIO_GRACE: Final = 1 << 20
#: A table holding tables with at most this many rows is a layout (a frame, or blocks
#: side by side) and is read as its content; a longer one is a data table whose cells
#: happen to hold tables (the form's tables have 4 to 28 rows).
LAYOUT_MAX_ROWS: Final = 3
#: Deepest chain of ``w:basedOn`` styles or numbering style links followed. Word
#: itself stops well below this; a longer (or cyclic) chain is broken input.
MAX_STYLE_DEPTH: Final = 32

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream name (UTF-16-LE in the OLE directory) of an encrypted OOXML package.
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")

# -- names ------------------------------------------------------------------------

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"


def _w(name: str) -> str:
    return f"{{{_W_NS}}}{name}"


W_DOCUMENT = _w("document")
W_BODY = _w("body")
W_P = _w("p")
W_PPR = _w("pPr")
W_PSTYLE = _w("pStyle")
W_RSTYLE = _w("rStyle")
W_NUMPR = _w("numPr")
W_NUMID = _w("numId")
W_ILVL = _w("ilvl")
W_R = _w("r")
W_RPR = _w("rPr")
W_VANISH = _w("vanish")
#: Hidden always, even where hidden text is shown (ISO 29500-1, 17.3.2.36).
W_SPECVANISH = _w("specVanish")
W_STRIKE = _w("strike")
W_VERTALIGN = _w("vertAlign")
W_POSITION = _w("position")
W_DSTRIKE = _w("dstrike")
W_COLOR = _w("color")
W_HIGHLIGHT = _w("highlight")
W_SHD = _w("shd")
W_THEMECOLOR = _w("themeColor")
W_THEMESHADE = _w("themeShade")
W_FILL = _w("fill")
W_T = _w("t")
W_TAB = _w("tab")
W_PTAB = _w("ptab")
W_BR = _w("br")
W_CR = _w("cr")
W_NOBREAKHYPHEN = _w("noBreakHyphen")
W_FLDCHAR = _w("fldChar")
W_SYM = _w("sym")
W_RUBY = _w("ruby")
W_RUBYBASE = _w("rubyBase")
W_FLDCHARTYPE = _w("fldCharType")
W_DRAWING = _w("drawing")
W_PICT = _w("pict")
#: An embedded object (OLE), drawn by VML that may hold a text box, as w:pict does.
W_OBJECT = _w("object")
W_TXBXCONTENT = _w("txbxContent")
W_DEL = _w("del")
W_INS = _w("ins")
W_MOVEFROM = _w("moveFrom")
W_SDT = _w("sdt")
W_SDTCONTENT = _w("sdtContent")
W_CUSTOMXML = _w("customXml")
W_ALTCHUNK = _w("altChunk")
W_TBL = _w("tbl")
W_TR = _w("tr")
W_TRPR = _w("trPr")
W_GRIDBEFORE = _w("gridBefore")
W_TC = _w("tc")
W_TCPR = _w("tcPr")
W_GRIDSPAN = _w("gridSpan")
W_VMERGE = _w("vMerge")
W_HMERGE = _w("hMerge")
W_VAL = _w("val")
MC_ALTERNATE = f"{{{_MC_NS}}}AlternateContent"
MC_CHOICE = f"{{{_MC_NS}}}Choice"
MC_FALLBACK = f"{{{_MC_NS}}}Fallback"
M_T = f"{{{_M_NS}}}t"
M_OMATH = f"{{{_M_NS}}}oMath"
M_OMATHPARA = f"{{{_M_NS}}}oMathPara"

#: Inline wrappers whose content is part of the paragraph's text.
_INLINE_WRAPPERS = frozenset(
    _w(name)
    for name in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)
#: Inline elements that hold text which is not displayed: tracked deletions.
_DELETIONS = frozenset((W_DEL, W_MOVEFROM))
_FALSE = frozenset(("0", "false", "off"))

_Note = tuple[str, str, Location | None]


# -- package ----------------------------------------------------------------------


def _is_encrypted_ooxml(data: bytes) -> bool:
    return data.startswith(_OLE_MAGIC) and _ENCRYPTED_PACKAGE in data


def _open_zip(data: bytes) -> zipfile.ZipFile:
    if _is_encrypted_ooxml(data):
        raise ReportError(
            "this Office document (.docx) is encrypted with a password; open it in Word or "
            "WPS, save it without the password and parse that"
        )
    if data.startswith(_OLE_MAGIC):
        from govinfo_report.readers import ole_message

        raise ReportError(ole_message(data))
    if not data.startswith(b"PK"):
        raise ReportError("not a DOCX file: a .docx is a zip archive and this is not one")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as exc:  # zipfile raises BadZipFile, OSError, EOFError, ValueError...
        raise ReportError(
            f"the DOCX file is damaged or truncated: its zip structure cannot be read ({exc})",
            "zip archive",
        ) from None
    _check_members(archive)
    return archive


def _check_members(archive: zipfile.ZipFile) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ReportError(
            f"the zip archive has {len(members)} members (at most {MAX_MEMBERS} are accepted); "
            "this is not a Word document",
            "zip archive",
        )
    total = sum(info.file_size for info in members)
    if total > MAX_TOTAL_SIZE:
        raise ReportError(
            f"the zip archive would unpack to {total:,} bytes (at most {MAX_TOTAL_SIZE:,} are "
            "accepted): a zip bomb or not a report",
            "zip archive",
        )
    for info in members:
        if info.file_size > RATIO_GRACE:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > MAX_RATIO:
                raise ReportError(
                    f"member {info.filename} is compressed {_ratio_shown(info)}:1 (at most "
                    f"{MAX_RATIO}:1 is accepted): a zip bomb",
                    f"zip member {info.filename}",
                )


def _ratio_shown(info: zipfile.ZipInfo) -> str:
    """The member's compression ratio rounded up to a tenth ("250.5", "2097152"): rounded
    to the nearest, a ratio just over MAX_RATIO read as the limit itself ("compressed
    250:1 (at most 250:1 is accepted)"). Integers, so that no float error shows."""
    tenths = -(-info.file_size * 10 // max(info.compress_size, 1))
    whole, tenth = divmod(tenths, 10)
    return f"{whole}.{tenth}" if tenth else str(whole)


def _read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    where = f"zip member {name}"
    if info.flag_bits & 0x1:
        raise ReportError(
            "the DOCX file's members are encrypted (password-protected zip); "
            "save the document without a password and parse that",
            where,
        )
    if info.file_size > MAX_PART_SIZE:
        raise ReportError(
            f"the part is {info.file_size:,} bytes uncompressed (at most {MAX_PART_SIZE:,} "
            "are read)",
            where,
        )
    try:
        with archive.open(info) as handle:
            # The declared size is checked above; reading one byte more catches a lie.
            content = handle.read(MAX_PART_SIZE + 1)
    except Exception as exc:  # BadZipFile (bad CRC), zlib.error, EOFError, NotImplementedError
        raise ReportError(
            f"the DOCX file is damaged or truncated: the part cannot be decompressed "
            f"({type(exc).__name__}: {exc})",
            where,
        ) from None
    if len(content) > MAX_PART_SIZE:
        raise ReportError(f"the part unpacks to more than {MAX_PART_SIZE:,} bytes", where)
    return content


def _parse_xml(content: bytes, where: str) -> etree._Element:
    if _STRICT_W_NS in content:
        # ISO 29500 Strict: same element names under another namespace.
        content = content.replace(_STRICT_W_NS, _W_NS.encode())
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(content, parser)
    except etree.XMLSyntaxError as exc:
        if "depth" in str(exc):  # libxml2's limit without huge_tree: 256 levels
            raise ReportError(
                "the part is nested too deeply to be read (more than 256 levels)", where
            ) from None
        raise ReportError(f"the part is not well-formed XML ({exc})", where) from None
    except ValueError as exc:  # e.g. an encoding declaration lxml cannot use
        raise ReportError(f"the part cannot be parsed as XML ({exc})", where) from None
    if root.getroottree().docinfo.internalDTD is not None:
        raise ReportError(
            "the part declares a DTD (<!DOCTYPE>), which Word never writes; it is refused "
            "because DTD entities are a known attack on XML readers",
            where,
        )
    return root


def _relationships(archive: zipfile.ZipFile, source: str) -> dict[str, str]:
    """Relationship type (last path segment) → target part name, for part ``source``."""
    folder, name = posixpath.split(source)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels_name not in archive.NameToInfo:
        return {}
    root = _parse_xml(_read_member(archive, rels_name), rels_name)
    out: dict[str, str] = {}
    for rel in root.iter(f"{{{_RELS_NS}}}Relationship"):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not kind or not target:
            continue
        if target.startswith("/"):
            part = target.lstrip("/")
        else:
            part = posixpath.normpath(posixpath.join(folder, target))
        out.setdefault(kind, part)
    return out


def _not_word(archive: zipfile.ZipFile) -> ReportError:
    names = set(archive.NameToInfo)
    if "xl/workbook.xml" in names:
        what = "an Excel workbook (.xlsx)"
    elif "ppt/presentation.xml" in names:
        what = "a PowerPoint presentation (.pptx)"
    elif "OFD.xml" in names:
        what = "an OFD document"
    elif "mimetype" in names and "content.xml" in names:
        what = "an OpenDocument file (.odt/.ods)"
    else:
        what = "a zip archive"
    return ReportError(
        f"this is {what}, not a Word document: it has no word/document.xml; "
        "save the report as .docx or PDF and parse that",
        "zip archive",
    )


#: Other Office formats, by a word of their main part's root namespace or content type
#: (``…/spreadsheetml/2006/main``, ``…spreadsheetml.sheet.main+xml``,
#: ``application/vnd.ms-excel.sheet.macroEnabled.main+xml``, and Strict's namespaces).
_OTHER_FORMATS = (
    (("spreadsheetml", "ms-excel"), "an Excel workbook (.xlsx)"),
    (("presentationml", "ms-powerpoint"), "a PowerPoint presentation (.pptx)"),
)


def _content_type(archive: zipfile.ZipFile, part: str) -> str:
    """The content type ``[Content_Types].xml`` gives ``part`` ("" when it says none or
    cannot be read: it only names a format in an error)."""
    if "[Content_Types].xml" not in archive.NameToInfo:
        return ""
    try:
        types = _parse_xml(_read_member(archive, "[Content_Types].xml"), "[Content_Types].xml")
    except ReportError:
        return ""
    # Part names and extensions compare without regard to case (ISO 29500-2, 9.1.1).
    name = f"/{part}".lower()
    extension = posixpath.splitext(part)[1].lstrip(".").lower()
    default = ""
    for entry in types:
        if entry.tag == f"{{{_TYPES_NS}}}Override":
            if (entry.get("PartName") or "").lower() == name:
                return entry.get("ContentType") or ""
        elif (
            entry.tag == f"{{{_TYPES_NS}}}Default"
            and (entry.get("Extension") or "").lower() == extension
        ):
            default = entry.get("ContentType") or ""
    return default


def _other_format(archive: zipfile.ZipFile, part: str, root_tag: str | None) -> str | None:
    """The Office format the main part's root (``None``: not parsed) or its content type
    names, if not Word's: an .xlsx or .pptx has a main part too (``xl/workbook.xml``),
    found through the same relationship as a Word document's."""
    namespace = "" if root_tag is None else etree.QName(root_tag).namespace or ""
    content_type = _content_type(archive, part)
    for words, what in _OTHER_FORMATS:
        if any(word in namespace or word in content_type for word in words):
            return what
    return None


def _another_format(what: str, part: str) -> ReportError:
    return ReportError(
        f"this is {what}, not a Word document; save the report as .docx or PDF and parse that",
        part,
    )


def _main_root(archive: zipfile.ZipFile, part: str) -> etree._Element:
    """The main part's root element, which must be a Word document's."""
    try:
        root = _parse_xml(_read_member(archive, part), part)
    except ReportError:
        # A workbook too large or damaged to parse is still a workbook, not a damaged
        # Word document.
        what = _other_format(archive, part, None)
        if what is None:
            raise
        raise _another_format(what, part) from None
    if root.tag != W_DOCUMENT:
        what = _other_format(archive, part, root.tag)
        if what is not None:
            raise _another_format(what, part)
        raise ReportError(
            f"the main part is not a Word document (its root element is {root.tag!r})", part
        )
    return root


#: The style a style definition is based on.
_BASED_ON_RE = re.compile(rb'<w:basedOn w:val="([^"]*)"')


def _style_definitions(content: bytes, wanted: set[str]) -> bytes | None:
    """The definitions of the styles ``wanted`` and of the styles they are based on.

    Numbering comes from a style only for the styles the body names (and those
    they are based on, and list styles); but a styles part is mostly other
    styles and latent-style entries (350 kB in python-docx's template, 5 ms to
    parse). The few definitions needed are found in the bytes by their
    ``w:styleId`` and parsed under the part's own root tag, which declares the
    namespaces. ``None`` (parse the whole part) when a definition cannot be
    found that way: another prefix, quoting or encoding, an escaped id, a DTD.
    """
    root_start = content.find(b"<w:styles")
    root_end = content.find(b">", root_start)
    if root_start < 0 or root_end < 0 or b"<!DOCTYPE" in content[:root_start]:
        return None
    kept = [content[root_start : root_end + 1]]
    seen: set[str] = set()
    queue = sorted(wanted)
    while queue:
        style_id = queue.pop()
        if style_id in seen:
            continue
        seen.add(style_id)
        if any(c in style_id for c in "&<>\"'"):
            return None
        name = style_id.encode()
        at = content.find(b'w:styleId="' + name + b'"')
        if at < 0:
            if name in content:
                return None  # defined, but written another way
            continue  # not defined at all: it numbers nothing
        start = content.rfind(b"<w:style", 0, at)
        head_end = content.find(b">", at)
        if start < 0 or head_end < 0:
            return None
        if content[head_end - 1 : head_end] == b"/":
            end = head_end + 1
        else:
            end = content.find(b"</w:style>", head_end)
            if end < 0:
                return None
            end += len(b"</w:style>")
        definition = content[start:end]
        kept.append(definition)
        based_on = _BASED_ON_RE.search(definition)
        if based_on is not None:
            queue.append(based_on.group(1).decode("utf-8", "replace"))
    kept.append(b"</w:styles>")
    return b"".join(kept)


def _styles(content: bytes, part: str, wanted: set[str]) -> etree._Element:
    cut = _style_definitions(content, wanted)
    if cut is not None:
        try:
            return _parse_xml(cut, part)
        except ReportError:
            pass  # the cut went wrong somewhere: parse the part as it is
    return _parse_xml(content, part)


def _main_part(archive: zipfile.ZipFile) -> str:
    target = _relationships(archive, "").get("officeDocument")
    if target is not None and target in archive.NameToInfo:
        return target
    if "word/document.xml" in archive.NameToInfo:
        return "word/document.xml"
    raise _not_word(archive)


# -- numbering ----------------------------------------------------------------------

_CN_DIGITS = "零一二三四五六七八九"
_CN_UNITS = ("", "十", "百", "千")
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CN_LEGAL_UNITS = ("", "拾", "佰", "仟")
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _chinese(n: int, digits: str, units: tuple[str, ...], short_ten: bool) -> str:
    """Chinese counting (一, 十一, 二十, 一百零五) for 1 <= n < 10000."""
    if not 0 < n < 10_000:
        return str(n)
    if short_ten and 10 <= n < 20:
        return units[1] + (digits[n % 10] if n % 10 else "")
    out: list[str] = []
    zero = False
    for power in (3, 2, 1, 0):
        digit = n // 10**power % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append(digits[0])
            zero = False
        out.append(digits[digit] + units[power])
    return "".join(out)


#: Most times a letter is repeated in letter numbering (A … Z, AA … ZZ …): beyond, the
#: number is shown in digits, so that a damaged ``w:start`` cannot build a huge string.
MAX_LETTER_REPEAT = 30


def _letters(n: int, upper: bool) -> str:
    # Word's letter numbering repeats the letter: A … Z, AA … ZZ, AAA …
    letter = chr(ord("A" if upper else "a") + (n - 1) % 26)
    repeat = (n - 1) // 26 + 1
    return letter * repeat if n > 0 and repeat <= MAX_LETTER_REPEAT else str(n)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, symbol in _ROMAN:
        while n >= value:
            out.append(symbol)
            n -= value
    return "".join(out)


def _enclosed(n: int, first: int, count: int) -> str:
    return chr(first + n - 1) if 1 <= n <= count else str(n)


def _cn(n: int) -> str:
    return _chinese(n, _CN_DIGITS, _CN_UNITS, True)


def _digits(n: int) -> str:
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))


#: OOXML number formats (``w:numFmt``) → rendering of a counter.
_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(_FULL_WIDTH),
    "decimalFullWidth2": lambda n: str(n).translate(_FULL_WIDTH),
    "upperLetter": lambda n: _letters(n, True),
    "lowerLetter": lambda n: _letters(n, False),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "chineseCounting": _cn,
    "chineseCountingThousand": _cn,
    "japaneseCounting": _cn,
    "taiwaneseCounting": _cn,
    "taiwaneseCountingThousand": _cn,
    "chineseLegalSimplified": lambda n: _chinese(n, _CN_LEGAL_DIGITS, _CN_LEGAL_UNITS, False),
    "ideographDigital": _digits,
    "taiwaneseDigital": _digits,
    "ideographTraditional": lambda n: _TIANGAN[(n - 1) % 10],
    "ideographZodiac": lambda n: _DIZHI[(n - 1) % 12],
    "decimalEnclosedCircle": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, 0x2460, 20),
    "decimalEnclosedParen": lambda n: _enclosed(n, 0x2474, 20),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, 0x2488, 20),
    "ideographEnclosedCircle": lambda n: _enclosed(n, 0x3220, 10),
    "ideographParenthesized": lambda n: _enclosed(n, 0x3220, 10),
    "none": lambda n: "",
}


def format_number(n: int, fmt: str) -> str | None:
    """Render counter ``n`` in the OOXML number format ``fmt`` (``None``: format unknown)."""
    render = _FORMATS.get(fmt)
    return None if render is None else render(n)


@attrs.frozen(kw_only=True)
class _Level:
    fmt: str
    text: str | None
    start: int
    suffix: str
    style: str | None
    #: ``w:lvlRestart``: the (1-based) level after whose use this one restarts; 0: never.
    #: ``None``: after any higher level.
    restart: int | None
    legal: bool


def _child(element: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child named ``tag`` (``iterchildren`` filters in C: twice as fast as ``find``)."""
    if element is None:
        return None
    return next(element.iterchildren(tag), None)


def _props(element: etree._Element, tag: str) -> etree._Element | None:
    """The properties child (``w:pPr``, ``w:rPr``, ``w:tcPr``), which the schema puts first."""
    for child in element:
        return child if child.tag == tag else None
    return None


def _val(element: etree._Element | None, child: str) -> str | None:
    found = _child(element, child)
    return None if found is None else found.get(W_VAL)


#: OOXML's decimal numbers (``ST_DecimalNumber``: a list's ``w:start``, a span) are 32-bit
#: integers. A larger one is damage: it is held to the range, so that a counter stays a
#: number that prints (Python refuses to print an integer of over 4,300 digits).
_LARGEST_DECIMAL = 2**31 - 1


def _int(value: str | None, default: int) -> int:
    try:
        number = int(value) if value is not None else default
    except ValueError:
        assert value is not None
        digits = value.strip()
        if digits.lstrip("+-").isdigit():  # too long a number to convert: far out of range
            return -_LARGEST_DECIMAL if digits.startswith("-") else _LARGEST_DECIMAL
        return default
    return max(-_LARGEST_DECIMAL, min(number, _LARGEST_DECIMAL))


def _read_level(lvl: etree._Element) -> _Level:
    text_el = _child(lvl, _w("lvlText"))
    legal = _child(lvl, _w("isLgl"))
    restart = _val(lvl, _w("lvlRestart"))
    return _Level(
        fmt=_val(lvl, _w("numFmt")) or "decimal",
        text=None if text_el is None else (text_el.get(W_VAL) or ""),
        start=_int(_val(lvl, _w("start")), 0),
        suffix=_val(lvl, _w("suff")) or "tab",
        style=_val(lvl, W_PSTYLE),
        restart=None if restart is None else _int(restart, 1),
        legal=legal is not None and legal.get(W_VAL) not in _FALSE,
    )


class _Numbering:
    """Word's list numbering: which label each numbered paragraph shows.

    Counters are kept per abstract list (``w:abstractNum``), as Word does: two
    ``w:num`` instances of one abstract list continue each other's numbering,
    unless an instance overrides a level's start (``w:startOverride``, Word's
    "restart numbering"), which gives it counters of its own.
    """

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.abstract_link: dict[str, str] = {}
        self.nums: dict[str, tuple[str, dict[int, _Level], bool]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.unknown_formats: set[str] = set()
        # Paragraph styles: id → (basedOn, numId, ilvl).
        self.styles: dict[str, tuple[str | None, str | None, str | None]] = {}
        self.default_style: str | None = None
        if styles is not None:
            self._read_styles(styles)
        if numbering is not None:
            self._read_numbering(numbering)
        #: Styles that number their paragraphs (directly or through w:basedOn).
        self.numbered_styles = frozenset(
            style_id for style_id in self.styles if self._style_numpr(style_id)[0] is not None
        )

    def _read_styles(self, styles: etree._Element) -> None:
        for style in styles.iter(_w("style")):
            if style.get(_w("type")) not in (None, "paragraph", "numbering"):
                continue
            style_id = style.get(_w("styleId"))
            if style_id is None:
                continue
            numpr = _child(_child(style, W_PPR), W_NUMPR)
            self.styles[style_id] = (
                _val(style, _w("basedOn")),
                _val(numpr, W_NUMID),
                _val(numpr, W_ILVL),
            )
            if style.get(_w("default")) in ("1", "true", "on") and style.get(_w("type")) in (
                None,
                "paragraph",
            ):
                self.default_style = style_id

    def _read_numbering(self, numbering: etree._Element) -> None:
        for abstract in numbering.iter(_w("abstractNum")):
            abstract_id = abstract.get(_w("abstractNumId"))
            if abstract_id is None:
                continue
            self.abstract[abstract_id] = {
                _int(lvl.get(W_ILVL), 0): _read_level(lvl) for lvl in abstract.iter(_w("lvl"))
            }
            link = _val(abstract, _w("numStyleLink"))
            if link is not None:
                self.abstract_link[abstract_id] = link
        for num in numbering.iter(_w("num")):
            num_id = num.get(W_NUMID)
            abstract_id = _val(num, _w("abstractNumId"))
            if num_id is None or abstract_id is None:
                continue
            overrides: dict[int, _Level] = {}
            restarts = False
            for override in num.iter(_w("lvlOverride")):
                level = _int(override.get(W_ILVL), 0)
                lvl = _child(override, _w("lvl"))
                start = _val(override, _w("startOverride"))
                if lvl is not None:
                    overrides[level] = _read_level(lvl)
                if start is not None:
                    restarts = True
                    base = overrides.get(level) or self._levels(abstract_id).get(level)
                    if base is not None:
                        overrides[level] = attrs.evolve(base, start=_int(start, base.start))
            self.nums[num_id] = (abstract_id, overrides, restarts)

    def _levels(self, abstract_id: str) -> dict[int, _Level]:
        """An abstract list's levels, following ``w:numStyleLink`` to the list it names."""
        for _ in range(MAX_STYLE_DEPTH):
            link = self.abstract_link.get(abstract_id)
            levels = self.abstract.get(abstract_id, {})
            if link is None or (levels and any(lvl.text is not None for lvl in levels.values())):
                return levels
            num_id = self._style_numpr(link)[0]
            if num_id is None or num_id not in self.nums:
                return levels
            abstract_id = self.nums[num_id][0]
        return {}

    def _style_numpr(self, style_id: str | None) -> tuple[str | None, str | None]:
        num_id = ilvl = None
        for _ in range(MAX_STYLE_DEPTH):
            if style_id is None or style_id not in self.styles:
                break
            based_on, style_num, style_ilvl = self.styles[style_id]
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_ilvl
            style_id = based_on
        return num_id, ilvl

    def label(self, ppr: etree._Element | None) -> tuple[str, str] | None:
        """The (label, separator) a paragraph with properties ``ppr`` shows, advancing the count."""
        numpr = style = None
        if ppr is not None:
            for child in ppr.iterchildren(W_PSTYLE, W_NUMPR):
                if child.tag == W_PSTYLE:
                    style = child
                else:
                    numpr = child
        style_id = (None if style is None else style.get(W_VAL)) or self.default_style
        if numpr is None and style_id not in self.numbered_styles:
            return None
        num_id, ilvl_text = _val(numpr, W_NUMID), _val(numpr, W_ILVL)
        if num_id is None or ilvl_text is None:
            style_num, style_ilvl = self._style_numpr(style_id)
            num_id = num_id if num_id is not None else style_num
            ilvl_text = ilvl_text if ilvl_text is not None else style_ilvl
        if num_id is None or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, overrides, restarts = self.nums[num_id]
        levels = {**self._levels(abstract_id), **overrides}
        if ilvl_text is not None:
            ilvl = _int(ilvl_text, 0)
        else:
            # A style-numbered paragraph takes the level that names its style.
            ilvl = next((i for i, lvl in levels.items() if lvl.style == style_id), 0)
        level = levels.get(ilvl)
        if level is None or level.fmt == "bullet" or not level.text:
            return None
        key = f"num:{num_id}" if restarts else f"abstract:{abstract_id}"
        counters = self.counters.setdefault(key, [None] * 9)
        if not 0 <= ilvl < 9:
            return None
        current = counters[ilvl]
        counters[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            restart = getattr(levels.get(deeper), "restart", None)
            if restart is None or ilvl < restart:
                counters[deeper] = None
        text = level.text
        for referenced in range(9):
            marker = f"%{referenced + 1}"
            if marker not in text:
                continue
            ref_level = levels.get(referenced)
            value = counters[referenced]
            if value is None:
                value = ref_level.start if ref_level is not None else 1
            fmt = "decimal" if level.legal or ref_level is None else ref_level.fmt
            rendered = format_number(value, fmt)
            if rendered is None:
                self.unknown_formats.add(fmt)
                rendered = str(value)
            text = text.replace(marker, rendered)
        separator = "" if level.suffix == "nothing" else " "
        return text, separator


# -- formatting through styles ----------------------------------------------------------

#: Words whose absence from the styles part means no style can hide, strike, raise or
#: whiten text: the part is then not parsed for them (a prefix-free byte search; white in
#: upper and in lower case).
_FORMAT_WORDS = (
    b"vanish",
    b"strike",
    b"vertAlign",
    b"position",
    b"FFFFFF",
    b"ffffff",
    b"background1",
)

#: What a style does to text: (hidden, struck, double-struck, superscript, raised, white,
#: on a ground), each ``None`` when neither the style nor those it is based on say.
#: Superscript is ``w:vertAlign``; raised is a positive ``w:position`` (Word's "raised"
#: character position), an independent property: a run can be raised without being
#: superscript. White is a white ``w:color`` (see :func:`_white`); on a ground, a
#: highlight or a shading of the text's own (see :func:`_ground`), on which white is seen.
_StyleFormat = tuple[
    bool | None, bool | None, bool | None, bool | None, bool | None, bool | None, bool | None
]
#: What a run with no style and no properties of its own is.
_PLAIN: Final = (False, False, False, False, False, False, False)
#: What run properties that say nothing say.
_UNSAID: Final = (None, None, None, None, None, None, None)

#: The number a ``w:position`` starts with: half-points, or a measure with its unit
#: ("3pt", ISO 29500's later editions); only its sign matters here.
_POSITION_RE = re.compile(r"\s*([+-]?(?:\d+\.?\d*|\.\d+))")


def _raised(position: etree._Element | None) -> bool | None:
    """Whether a ``w:position`` raises text (``None`` when absent). Lowered text (a
    negative position) is not raised: it is read as text, as subscript is."""
    if position is None:
        return None
    found = _POSITION_RE.match(position.get(W_VAL) or "")
    return found is not None and float(found.group(1)) > 0


def _on(element: etree._Element | None) -> bool | None:
    """An on/off property's value: ``None`` when absent (``w:val`` absent means on)."""
    if element is None:
        return None
    return element.get(W_VAL) not in _FALSE


#: ``w:color/@w:val`` values that name no colour: the theme colour, if any, decides.
_NO_RGB = frozenset(("", "AUTO"))


def _white(color: etree._Element | None) -> bool | None:
    """Whether a ``w:color`` is white (``None`` when absent).

    Word writes the colour it shows in ``w:val`` (hex RGB) and, for a theme colour, the
    theme's name beside it: ``w:val`` decides when it is a colour (FFFFFF in any case is
    white, anything else is not, so a tinted "background1" written BFBFBF is grey). Only
    when it names none (absent, or ``auto``: the automatic colour, black on white) is
    ``w:themeColor="background1"`` white, Word's "White, Background 1" in the default
    theme, unless ``w:themeShade`` darkens it. ``auto`` alone is not white.
    """
    if color is None:
        return None
    rgb = (color.get(W_VAL) or "").upper()
    if rgb not in _NO_RGB:
        return rgb == "FFFFFF"
    return color.get(W_THEMECOLOR) == "background1" and color.get(W_THEMESHADE) in (None, "FF")


def _ground(rpr: etree._Element) -> bool | None:
    """Whether text is set on a ground of its own, on which white text is seen: a
    highlight (``w:highlight`` other than ``none`` or ``white``) or a shading that paints
    a colour other than white (see :func:`_shading_seen`). ``None`` when neither is
    said."""
    highlight = _child(rpr, W_HIGHLIGHT)
    shading = _child(rpr, W_SHD)
    if highlight is None and shading is None:
        return None
    if highlight is not None and (highlight.get(W_VAL) or "none") not in ("none", "white"):
        return True
    return _shading_seen(shading)


def _own_format(rpr: etree._Element | None, colour: bool = True) -> _StyleFormat:
    """What run properties (a run's, or a style's) say themselves; their colour only when
    ``colour`` (a document with no white anywhere need not look)."""
    if rpr is None:
        return _UNSAID
    align = _child(rpr, W_VERTALIGN)
    return (
        True if _on(_child(rpr, W_SPECVANISH)) else _on(_child(rpr, W_VANISH)),
        _on(_child(rpr, W_STRIKE)),
        _on(_child(rpr, W_DSTRIKE)),
        None if align is None else align.get(W_VAL) == "superscript",
        _raised(_child(rpr, W_POSITION)),
        _white(_child(rpr, W_COLOR)) if colour else None,
        _ground(rpr) if colour else None,
    )


def _nearer(near: _StyleFormat, far: _StyleFormat) -> _StyleFormat:
    """What ``near`` says, and ``far`` where ``near`` does not say."""
    return (
        near[0] if near[0] is not None else far[0],
        near[1] if near[1] is not None else far[1],
        near[2] if near[2] is not None else far[2],
        near[3] if near[3] is not None else far[3],
        near[4] if near[4] is not None else far[4],
        near[5] if near[5] is not None else far[5],
        near[6] if near[6] is not None else far[6],
    )


def _styled(paragraph: _StyleFormat | None, character: _StyleFormat | None) -> _StyleFormat:
    """What a paragraph style and a character style together do to a run's text.

    Hidden and single-struck text are *toggle* properties (ISO 29500-1, 17.7.3): a style
    turning one on inverts what the level before it gave, so a struck character style in
    a struck paragraph style gives text that is not struck, as in Word (LibreOffice
    strikes it); a style turning it off changes nothing. Double strike-through,
    superscript, position, colour and the text's ground are ordinary properties: the
    character style decides when it says.
    """
    if paragraph is None:
        paragraph = _PLAIN
    if character is None:
        return paragraph
    return (
        bool(paragraph[0]) != bool(character[0]),
        bool(paragraph[1]) != bool(character[1]),
        character[2] if character[2] is not None else paragraph[2],
        character[3] if character[3] is not None else paragraph[3],
        character[4] if character[4] is not None else paragraph[4],
        character[5] if character[5] is not None else paragraph[5],
        character[6] if character[6] is not None else paragraph[6],
    )


def _style_formats(styles: etree._Element) -> dict[str, _StyleFormat]:
    """What each paragraph and character style does to text, through its ``w:basedOn``
    chain (the nearest definition wins); only the styles that hide, strike, raise or
    whiten text (or set it on a ground).

    Table styles and the document defaults are not read (a table style that hides or
    strikes text is not known to occur; one that whitens a header row's text shades it
    too, and its text is read as before).
    """
    own: dict[str, tuple[str | None, _StyleFormat]] = {}
    for style in styles.iter(_w("style")):
        style_id = style.get(_w("styleId"))
        if style_id is not None and style.get(_w("type")) in (None, "paragraph", "character"):
            own[style_id] = (_val(style, _w("basedOn")), _own_format(_child(style, W_RPR)))
    resolved: dict[str, _StyleFormat] = {}

    def resolve(style_id: str, depth: int) -> _StyleFormat:
        # Each style is resolved once, through its base's resolution: a chain longer than
        # MAX_STYLE_DEPTH (or a cycle) is broken input, and is cut there.
        found = resolved.get(style_id)
        if found is None:
            based_on, found = own[style_id]
            if based_on is not None and based_on in own and depth < MAX_STYLE_DEPTH:
                found = _nearer(found, resolve(based_on, depth + 1))
            resolved[style_id] = found
        return found

    formats: dict[str, _StyleFormat] = {}
    for style_id in own:
        if any(values := resolve(style_id, 0)):
            formats[style_id] = values
    return formats


# -- the walk -----------------------------------------------------------------------

#: Characters that run elements stand for.
_CHARS = {W_TAB: "\t", W_PTAB: "\t", W_BR: "\n", W_CR: "\n", W_NOBREAKHYPHEN: "-"}
#: Elements that hide, duplicate or add text, which only the careful walk handles:
#: fields (a field nested in another's instruction), symbols, ruby, tracked changes,
#: hidden, struck-through, superscript and raised runs, drawings and text boxes,
#: alternate content, math.
_CAREFUL = (
    W_FLDCHAR,
    W_SYM,
    W_RUBY,
    W_DEL,
    W_MOVEFROM,
    W_INS,
    W_VANISH,
    W_SPECVANISH,
    W_STRIKE,
    W_DSTRIKE,
    W_VERTALIGN,
    W_POSITION,
    MC_ALTERNATE,
    W_DRAWING,
    W_PICT,
    W_OBJECT,
    M_OMATH,
)
#: What is stripped from a paragraph's ends (the text reader strips the same).
_SPACE = " \u3000\xa0\t\n"

#: Marks around the text of a white run in a table cell, and around an auto-numbering
#: label there (neither white nor not: its colour is the paragraph mark's), while the cell
#: is read: C0 controls, which XML 1.0 does not allow in text (see :func:`_unwhitened`).
_WHITE_START: Final = "\x01"
_WHITE_END: Final = "\x02"
_LABEL_START: Final = "\x03"
_LABEL_END: Final = "\x04"
_WHITE_MARKS = re.compile("([\x01-\x04])")


def _shading_seen(shd: etree._Element | None) -> bool:
    """Whether a ``w:shd`` paints a colour other than white: its fill, a theme fill other
    than the background's, or a pattern (``w:val`` other than ``clear`` and ``nil``: solid,
    a percentage, stripes) in a colour other than white. A pattern's automatic colour
    (``auto``, or none given) is black, as Word draws it: "50%" over no fill is grey."""
    if shd is None:
        return False
    fill = (shd.get(W_FILL) or "").upper()
    if fill not in _NO_RGB and fill != "FFFFFF":
        return True
    theme = shd.get(_w("themeFill"))
    if theme is not None and theme not in ("background1", "light1"):
        return True
    color = (shd.get(_w("color")) or "").upper()
    return shd.get(W_VAL) not in (None, "clear", "nil") and color != "FFFFFF"


def _shaded(tc: etree._Element, tbl: etree._Element) -> bool:
    """Whether the cell ``tc`` of ``tbl`` is on a ground other than white: its own shading,
    its table's, or a paragraph's in it. (A table style's is not known: see
    :func:`_style_formats`.)"""
    grounds = [_child(_child(tc, W_TCPR), W_SHD), _child(_child(tbl, _w("tblPr")), W_SHD)]
    grounds += [_child(ppr, W_SHD) for ppr in tc.iter(W_PPR)]
    return any(_shading_seen(shd) for shd in grounds)


def _unwhitened(text: str) -> tuple[str, str]:
    """A table cell's text as shown, and the white text left out of it.

    ``text`` holds white runs' text between :data:`_WHITE_START` and :data:`_WHITE_END`.
    White text beside text that is not white (a stale "9" in white before "125") is a
    value whited out: unseen on the white page, it is left out, as the PDF reader leaves
    out glyphs painted white on no coloured area. (On a shaded cell both show, and this
    is not asked: see :meth:`_Walker.cell_text`.) A cell whose text is all white (a header
    in white on a cell shaded by its table style) is read as it is, and so is white space
    in white. An auto-numbering label is kept, and shows neither way.
    """
    shown: list[str] = []
    every: list[str] = []
    white: list[str] = []
    depth = 0
    label = False
    not_white = False  # text that is not white, other than labels, is in the cell
    for piece in _WHITE_MARKS.split(text):
        if piece == _WHITE_START:
            depth += 1
        elif piece == _WHITE_END:
            depth = max(0, depth - 1)
        elif piece in (_LABEL_START, _LABEL_END):
            label = piece == _LABEL_START
        else:
            every.append(piece)
            if depth and not label and visible(piece).strip(_SPACE):
                white.append(piece)
            else:
                shown.append(piece)
                not_white = not_white or (not label and bool(visible(piece).strip(_SPACE)))
    if white and not_white:
        return "".join(shown), "".join(white)
    return "".join(every), ""


def _symbol(sym: etree._Element) -> str:
    """The character a ``w:sym`` shows, as far as text can say it.

    Symbol fonts are addressed through the private use area (U+F020…U+F0FF for the font's
    codes 0x20…0xFF); the Symbol font's digits and ASCII punctuation (0x20…0x3F) are
    those characters. Any other symbol is kept as its code point: in a value it makes the
    value unreadable, never a digit less.
    """
    try:
        code = int(sym.get(_w("char")) or "", 16)
    except ValueError:
        return ""
    if (sym.get(_w("font")) or "").strip().lower() == "symbol":
        ascii_code = code - 0xF000 if 0xF000 <= code <= 0xF0FF else code
        if 0x20 <= ascii_code <= 0x3F:
            return chr(ascii_code)
    if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""
    if code < 0x20:
        # A C0 control: no character to show, and XML text could not hold it (the cell's
        # white-text marks, _WHITE_START…, rely on that). Unreadable, as a symbol is.
        return "\ufffd"
    return chr(code)


#: Namespaces whose markup Word understands, by the start of their names: those of
#: OOXML and Microsoft Office. An ``mc:Choice`` requiring another is not Word's to take.
_UNDERSTOOD_NAMESPACES = (
    "http://schemas.openxmlformats.org/",
    "http://purl.oclc.org/ooxml/",
    "http://schemas.microsoft.com/office/",
    "urn:schemas-microsoft-com:",
)


def _branch(alternate: etree._Element) -> etree._Element | None:
    """The branch of ``mc:AlternateContent`` that Word shows: the first ``mc:Choice`` whose
    required namespaces it understands, else the ``mc:Fallback``."""
    fallback = None
    for branch in alternate:
        if branch.tag == MC_CHOICE:
            prefixes = (branch.get("Requires") or "").split()
            if all(
                (branch.nsmap.get(prefix) or "").startswith(_UNDERSTOOD_NAMESPACES)
                for prefix in prefixes
            ):
                return branch
        elif branch.tag == MC_FALLBACK and fallback is None:
            fallback = branch
    return fallback


#: Prefixes the element paths of locations write (the rest are written by local name).
_PATH_PREFIXES = {_W_NS: "w", _MC_NS: "mc"}


def _wrapped(parent: etree._Element, *tags: str) -> Iterator[etree._Element]:
    """Children of ``parent`` named one of ``tags``, looking through content controls,
    custom XML and alternate content."""
    for child in parent:
        if child.tag in tags:
            yield child
        elif child.tag == W_SDT:
            content = _child(child, W_SDTCONTENT)
            if content is not None:
                yield from _wrapped(content, *tags)
        elif child.tag == W_CUSTOMXML:
            yield from _wrapped(child, *tags)
        elif child.tag == MC_ALTERNATE:
            branch = _branch(child)
            if branch is not None:
                yield from _wrapped(branch, *tags)


def _owner(element: etree._Element, properties: str, owner: str) -> etree._Element | None:
    """The element (``w:tc``) whose properties (``w:tcPr``) hold ``element`` directly.

    ``None`` for the same property inside a tracked change (``w:tcPrChange``),
    which describes the old formatting, not the document.
    """
    props = element.getparent()
    if props is None or props.tag != properties:
        return None
    parent = props.getparent()
    return parent if parent is not None and parent.tag == owner else None


def _top_boxes(root: etree._Element) -> list[etree._Element]:
    """Text boxes under ``root`` that are not inside another text box."""
    boxes = []
    for box in root.iter(W_TXBXCONTENT):
        parent = box.getparent()
        while parent is not None and parent is not root and parent.tag != W_TXBXCONTENT:
            parent = parent.getparent()
        if parent is None or parent is root:
            boxes.append(box)
    return boxes


class _Scan:
    """What the walk needs to know about the body, found by C-filtered scans.

    ``iter(tags)`` finds elements without handing the others to Python. One
    scan per concern, keyed by the element concerned, lets the walk read an
    ordinary paragraph with a single ``iter(w:t)`` and place a cell without
    looking into its properties: most of a Word file is formatting that the
    walk then never touches.
    """

    def __init__(
        self,
        body: etree._Element,
        numbering: _Numbering | None,
        formats: dict[str, _StyleFormat],
    ) -> None:
        #: Paragraphs with tabs, breaks or careful elements, white text, or a style that
        #: hides, strikes, raises or whitens text: they get the careful walk.
        self.careful: set[etree._Element] = set()
        #: Rows deleted as a tracked change (``w:trPr/w:del``): not read, as if all
        #: changes were accepted.
        self.deleted_rows: set[etree._Element] = set()
        #: Whether alternate content stands outside a run (around runs, paragraphs, rows).
        blocks_alternate = False
        for element in body.iter(*_CHARS, *_CAREFUL, *((W_PSTYLE, W_RSTYLE) if formats else ())):
            parent = element.getparent()
            if element.tag == W_DEL and (row := _owner(element, W_TRPR, W_TR)) is not None:
                self.deleted_rows.add(row)
                continue
            if element.tag == MC_ALTERNATE and parent is not None and parent.tag != W_R:
                blocks_alternate = True
            if element.tag == W_TAB and (parent is None or parent.tag != W_R):
                continue  # a tab stop (w:pPr/w:tabs/w:tab), not a tab character
            if element.tag in (W_PSTYLE, W_RSTYLE) and element.get(W_VAL) not in formats:
                continue
            while parent is not None and parent.tag != W_P:
                parent = parent.getparent()
            if parent is not None:
                self.careful.add(parent)
        #: Whether any text can be white: a white ``w:color`` in the body or a style that
        #: whitens text. Only then are runs' colours looked at. ``iter(w:color)`` costs
        #: nothing in a document without a colour: lxml knows the name is not in it.
        self.white = any(values[5] for values in formats.values())
        for color in body.iter(W_COLOR):
            if _white(color):
                self.white = True
                parent = color.getparent()
                while parent is not None and parent.tag != W_P:
                    parent = parent.getparent()
                if parent is not None:
                    self.careful.add(parent)
        #: Cell → its w:gridSpan, w:vMerge and w:hMerge values.
        self.cell_props: dict[etree._Element, dict[str, str]] = {}
        for prop in body.iter(W_GRIDSPAN, W_VMERGE, W_HMERGE):
            cell = _owner(prop, W_TCPR, W_TC)
            if cell is not None:
                # An absent w:val on w:vMerge/w:hMerge means "continue".
                self.cell_props.setdefault(cell, {})[prop.tag] = prop.get(W_VAL) or "continue"
        #: Row → the grid columns it leaves empty before its first cell.
        self.grid_before: dict[etree._Element, int] = {}
        for prop in body.iter(W_GRIDBEFORE):
            row = _owner(prop, W_TRPR, W_TR)
            if row is not None:
                self.grid_before[row] = max(0, _int(prop.get(W_VAL), 0))
        #: Paragraphs that may be auto-numbered (``None``: all may be).
        self.numbered: set[etree._Element] | None = set()
        if numbering is not None and numbering.default_style in numbering.numbered_styles:
            self.numbered = None
        elif numbering is not None:
            for numpr in body.iter(W_NUMPR):
                paragraph = _owner(numpr, W_PPR, W_P)
                if paragraph is not None:
                    self.numbered.add(paragraph)
            if numbering.numbered_styles:
                for style in body.iter(W_PSTYLE):
                    paragraph = _owner(style, W_PPR, W_P)
                    if paragraph is not None and style.get(W_VAL) in numbering.numbered_styles:
                        self.numbered.add(paragraph)
        #: Whether content controls, custom XML or alternate content (other than a run's
        #: own, which the careful walk reads) wrap any blocks, rows or cells.
        self.wrapped = blocks_alternate or next(body.iter(W_SDT, W_CUSTOMXML), None) is not None


@attrs.define
class _CellBuild:
    row: int
    column: int
    colspan: int
    text: str
    rowspan: int = 1


class _Walker:
    def __init__(
        self,
        part: str,
        numbering: _Numbering | None,
        scan: _Scan,
        formats: dict[str, _StyleFormat],
    ) -> None:
        self.part = part
        self.numbering = numbering
        self.scan = scan
        #: Styles that hide, strike or raise text (see :func:`_style_formats`).
        self.formats = formats
        #: What the style of the paragraph being read does to its text, if anything.
        self.paragraph_format: _StyleFormat | None = None
        #: The fields open in the paragraph being read, innermost last: True while in
        #: its instruction, False in its result.
        self.fields: list[bool] = []
        #: Tables (other than frames of one cell) met in the table cell being read, in a
        #: text box of the cell too, with their paths: read after the table.
        self.cell_tables: list[tuple[etree._Element, str]] = []
        #: Imported chunks (``w:altChunk``) met in the table cell being read.
        self.cell_chunks = 0
        self.blocks: list[Block] = []
        self.notes: list[_Note] = []
        self.noted: set[str] = set()
        self.tables = 0
        #: Elements' numbers among their same-named siblings, for element paths.
        self.numbers: dict[etree._Element, int] = {}
        #: Footnote marks (short superscript runs) met in the table cell being read, or
        #: None outside table cells.
        self.marks: list[str] | None = None
        #: Whether runs' colours are looked at (some text of the document can be white).
        self.colour = scan.white

    def children(self, parent: etree._Element, *tags: str) -> Iterator[etree._Element]:
        """Children named one of ``tags``, through content controls if the document has any."""
        return _wrapped(parent, *tags) if self.scan.wrapped else parent.iterchildren(*tags)

    def steps(self, ancestor: etree._Element, element: etree._Element) -> str:
        """The XPath steps from ``ancestor`` down to ``element``, each numbered among its
        same-named siblings: through content controls, custom XML and alternate content as
        they stand in the part, and counting rows a reader leaves out (deleted ones)."""
        steps: list[str] = []
        node = element
        while node is not ancestor:
            parent = node.getparent()
            if parent is None:
                raise ValueError("the element is not inside the ancestor")
            number = self.numbers.get(node)
            if number is None:
                # A parent's children are numbered all at once: asked for each cell of a
                # table of thousands of rows, counting each row's preceding siblings anew
                # was quadratic.
                counts: dict[object, int] = {}
                for child in parent:
                    counts[child.tag] = self.numbers[child] = counts.get(child.tag, 0) + 1
                number = self.numbers[node]
            qname = etree.QName(node)
            prefix = _PATH_PREFIXES.get(qname.namespace or "")
            name = (
                f"{prefix}:{qname.localname}" if prefix else f"*[local-name()='{qname.localname}']"
            )
            steps.append(f"{name}[{number}]")
            node = parent
        return "/".join(reversed(steps))

    def note(self, code: str, message: str, location: Location | None) -> None:
        if code not in self.noted:  # one note per kind of repair: the first place is enough
            self.noted.add(code)
            self.notes.append((code, message, location))

    def where(self, path: str) -> Location:
        return Location(carrier="docx", part=self.part, path=path)

    # blocks
    def blocks_in(self, parent: etree._Element, path: str) -> None:
        """Emit the paragraphs and tables among ``parent``'s children, in order."""
        paragraphs = tables = controls = custom = alternates = 0
        for child in parent:
            tag = child.tag
            if tag == W_P:
                paragraphs += 1
                self.paragraph(child, f"{path}/w:p[{paragraphs}]")
            elif tag == W_TBL:
                tables += 1
                self.table(child, f"{path}/w:tbl[{tables}]")
            elif tag == W_SDT:
                controls += 1
                content = _child(child, W_SDTCONTENT)
                if content is not None:
                    self.blocks_in(content, f"{path}/w:sdt[{controls}]/w:sdtContent")
            elif tag == W_CUSTOMXML:
                custom += 1
                self.blocks_in(child, f"{path}/w:customXml[{custom}]")
            elif tag == MC_ALTERNATE:
                alternates += 1
                branch = _branch(child)
                if branch is not None:
                    self.blocks_in(branch, f"{path}/mc:AlternateContent[{alternates}]/*")
            elif tag == W_ALTCHUNK:
                self.note(
                    "doubt.docx-altchunk",
                    "the document imports content from another file (w:altChunk), "
                    "which is not read",
                    self.where(path),
                )

    def paragraph(self, p: etree._Element, path: str) -> None:
        text, numbering, boxes = self.paragraph_text(p)
        stripped = text.strip(_SPACE)
        if stripped:
            location = self.where(path)
            self.blocks.append(Paragraph(text=stripped, location=location, numbering=numbering))
        if boxes:
            # Numbered among all the paragraph's boxes, as the path's XPath counts them:
            # the copies in alternate content not read, and boxes in boxes, count too.
            every = list(p.iter(W_TXBXCONTENT))
        for box in boxes:
            self.note(
                "repair.docx-textbox",
                "text in a text box was read after the paragraph that anchors it",
                self.where(path),
            )
            self.blocks_in(box, f"({path}//w:txbxContent)[{every.index(box) + 1}]")

    def paragraph_text(self, p: etree._Element) -> tuple[str, str | None, list[etree._Element]]:
        """(text as displayed, auto-numbering label or None, text boxes anchored here)."""
        boxes: list[etree._Element] = []
        if p in self.scan.careful:
            self.paragraph_format = None
            if self.formats:
                style = _child(_props(p, W_PPR), W_PSTYLE)
                if style is not None:
                    self.paragraph_format = self.formats.get(style.get(W_VAL) or "")
            out: list[str] = []
            # Fields open in this paragraph (True while in one's instruction). Kept per
            # paragraph: a field left open by damage must not hide the text after it.
            self.fields = []
            self.inline(p, out, boxes)
        else:
            out = [t.text for t in p.iter(W_T) if t.text]
        numbering = None
        if self.numbering is not None and (self.scan.numbered is None or p in self.scan.numbered):
            found = self.numbering.label(_props(p, W_PPR))
            if found is not None:
                numbering, separator = found
                if self.colour and self.marks is not None:
                    out.insert(0, _LABEL_START + numbering + separator + _LABEL_END)
                else:
                    out.insert(0, numbering + separator)
        return "".join(out), numbering, boxes

    def inline(self, parent: etree._Element, out: list[str], boxes: list[etree._Element]) -> None:
        """The careful walk of a paragraph's content."""
        for child in parent:
            tag = child.tag
            if tag == W_R:
                self.run(child, out, boxes)
            elif tag in _INLINE_WRAPPERS:
                if tag == W_INS:
                    self.note_tracked_changes()
                self.inline(child, out, boxes)
            elif tag == W_SDT:
                content = _child(child, W_SDTCONTENT)
                if content is not None:
                    self.inline(content, out, boxes)
            elif tag in _DELETIONS:
                self.note_tracked_changes()
            elif tag == MC_ALTERNATE:
                branch = _branch(child)
                if branch is not None:
                    self.inline(branch, out, boxes)
            elif tag in (M_OMATHPARA, M_OMATH):
                out.extend(t.text or "" for t in child.iter(M_T))

    def note_tracked_changes(self) -> None:
        self.note(
            "repair.docx-tracked-changes",
            "the document has tracked changes; it is read with all changes accepted",
            None,
        )

    def run(self, run: etree._Element, out: list[str], boxes: list[etree._Element]) -> None:
        rpr = _child(run, W_RPR)
        white = False
        if rpr is not None or self.paragraph_format is not None:
            own, resolved = self.format(rpr)
            if self.left_out(run, own, resolved):
                # Its text is not read, but a field it begins or ends still does.
                for mark in run.iterchildren(W_FLDCHAR):
                    self.field_char(mark)
                return
            # White text in a data cell (not on a ground of its own) is marked: the cell
            # decides whether it is a value whited out (see :func:`_unwhitened`).
            white = bool(resolved[5] and not resolved[6] and self.marks is not None)
        if white:
            out.append(_WHITE_START)
        self.run_content(run, out, boxes)
        if white:
            out.append(_WHITE_END)

    def run_content(self, run: etree._Element, out: list[str], boxes: list[etree._Element]) -> None:
        for child in run:
            tag = child.tag
            if tag == W_T:
                # Text inside a field's instruction (a field nested in it, as IF and REF
                # fields hold them) is not shown: only the outer field's result is.
                if child.text and True not in self.fields:
                    out.append(child.text)
            elif tag == W_FLDCHAR:
                self.field_char(child)
            elif tag in _CHARS:
                if True not in self.fields:
                    out.append(_CHARS[tag])
            elif tag == W_SYM:
                if True not in self.fields:
                    out.append(_symbol(child))
            elif tag == W_RUBY:
                # A phonetic guide over characters (w:rt) is not their text: the base is.
                self.note("repair.docx-ruby", "ruby text (a phonetic guide) was left out", None)
                for base in child.iterchildren(W_RUBYBASE):
                    for inner in base.iterchildren(W_R):
                        self.run(inner, out, boxes)
            elif tag in (W_DRAWING, W_PICT, W_OBJECT):
                boxes.extend(_top_boxes(child))
            elif tag == MC_ALTERNATE:
                # Choice and Fallback hold the same content twice: read one of them.
                branch = _branch(child)
                if branch is not None:
                    self.run(branch, out, boxes)

    def field_char(self, mark: etree._Element) -> None:
        """A field begins (its instruction follows), shows its result, or ends."""
        kind = mark.get(W_FLDCHARTYPE)
        if kind == "begin":
            self.fields.append(True)
        elif kind == "separate" and self.fields:
            self.fields[-1] = False
        elif kind == "end" and self.fields:
            self.fields.pop()

    def format(self, rpr: etree._Element | None) -> tuple[_StyleFormat, _StyleFormat]:
        """What a run's own properties say, and what its formatting is: its own properties
        decide, then its character style and its paragraph's style (see :func:`_styled`)."""
        styled = self.paragraph_format
        if self.formats and rpr is not None:
            style = _child(rpr, W_RSTYLE)
            character = None if style is None else self.formats.get(style.get(W_VAL) or "")
            if character is not None:
                if styled is not None and any(
                    styled[k] and character[k] and _child(rpr, tag) is None
                    for k, tag in ((0, W_VANISH), (1, W_STRIKE))
                ):
                    self.note(
                        "repair.docx-style-toggle",
                        "text hidden or struck through by both its paragraph style and its "
                        "character style is shown, as Word shows it (LibreOffice does not)",
                        None,
                    )
                styled = _styled(styled, character)
        if styled is None:
            styled = _PLAIN
        own = _own_format(rpr, self.colour)
        return own, _nearer(own, styled)

    def left_out(self, run: etree._Element, own: _StyleFormat, resolved: _StyleFormat) -> bool:
        """Whether the run's text is not read: hidden, struck through (deleted), or a
        footnote mark in a table cell (a short superscript or raised run, kept in
        :attr:`marks`), by its formatting ``resolved`` (``own``: its own properties')."""
        hidden, strike, dstrike, superscript, raised = resolved[:5]
        by_style = " through its style" if own[0] is None and hidden else ""
        if hidden:
            self.note("repair.docx-hidden", f"hidden text (w:vanish{by_style}) was left out", None)
            return True
        if strike or dstrike:
            # Struck-through text is deleted text, as the PDF and HTML readers read it: an
            # old value struck by hand beside the new one is not part of the number.
            by_style = " through its style" if own[1] is None and own[2] is None else ""
            text = "".join(t.text or "" for t in run.iter(W_T))
            self.note(
                "repair.docx-struck-text",
                f"struck-through text (w:strike{by_style}) was left out as deleted, "
                f"first {text[:40]!r}",
                None,
            )
            return True
        if (
            (superscript or raised)
            and self.marks is not None
            and len(mark := "".join(t.text or "" for t in run.iter(W_T)).strip())
            <= MAX_FOOTNOTE_MARK
        ):
            # A footnote mark after a value ("12" then a superscript "1") is no part of
            # it: read into the value, it would make 121. A mark raised by w:position
            # (Word's "raised" character position) is one too, whatever its size: such
            # marks are often as large as the value, and no digit of a number is raised.
            if mark:
                self.marks.append(mark)
            return True
        return False

    # tables
    def table(self, tbl: etree._Element, path: str) -> None:
        rows = list(self.children(tbl, W_TR))
        # A cell's row is its row in the part (what its location says), deleted rows counted.
        numbers: Sequence[int] = range(len(rows))
        if self.scan.deleted_rows:
            kept = [(n, row) for n, row in enumerate(rows) if row not in self.scan.deleted_rows]
            if len(kept) < len(rows):
                self.note_tracked_changes()
                numbers = [n for n, _ in kept]
                rows = [row for _, row in kept]
        cells = [list(self.children(tr, W_TC)) for tr in rows]
        # tbl.iter() yields the table itself first: the others are tables inside it. A
        # table of one cell is a frame round a cell's text, read as its lines: it makes
        # no table nested (a short table with a framed value is no layout table).
        nested = any(
            self.box_cell(inner) is None for inner in itertools.islice(tbl.iter(W_TBL), 1, None)
        )
        if sum(len(row) for row in cells) == 1 or (nested and len(rows) <= LAYOUT_MAX_ROWS):
            self.note(
                "repair.docx-layout-table",
                "a layout table (a single cell, or a few rows holding tables) was read as "
                "its contents",
                self.where(path),
            )
            for row in cells:
                for tc in row:
                    self.blocks_in(tc, f"{path}/{self.steps(tbl, tc)}")
            return
        index = self.tables
        self.tables += 1
        # The grid, and the tables met in its cells, read after it (see :meth:`lines`).
        built, after = self.grid(tbl, path, rows, cells, index, numbers)
        part = self.part
        base = Location(carrier="docx", part=part, table=index)
        table_rows = tuple(
            tuple(
                TableCell(
                    text=cell.text,
                    row=cell.row,
                    column=cell.column,
                    rowspan=cell.rowspan,
                    colspan=cell.colspan,
                    base=base,
                )
                for cell in row
            )
            for row in built
        )
        location = Location(carrier="docx", part=part, path=path, table=index)
        self.blocks.append(Table(rows=table_rows, location=location))
        if nested:
            # A data table with tables in some cells: those come after it, tables of their
            # own. Only when there are any: a frame of one cell round a value was read as
            # lines of its cell, and nothing comes after the table for it.
            if after:
                self.note(
                    "repair.docx-nested-table",
                    "tables inside the cells of a table were read as tables after it",
                    location,
                )
            for inner, inner_path in after:
                self.table(inner, inner_path)

    def box_cell(self, tbl: etree._Element) -> etree._Element | None:
        """The cell of a table of one cell, else ``None``."""
        rows = list(itertools.islice(self.children(tbl, W_TR), 2))
        if len(rows) != 1:
            return None
        cells = list(itertools.islice(self.children(rows[0], W_TC), 2))
        return cells[0] if len(cells) == 1 else None

    def grid(
        self,
        tbl: etree._Element,
        path: str,
        rows: list[etree._Element],
        cells: list[list[etree._Element]],
        index: int,
        numbers: Sequence[int],
    ) -> tuple[list[list[_CellBuild]], list[tuple[etree._Element, str]]]:
        """Lay the cells of ``tbl`` (at ``path``) on the table grid, joining merged cells
        into one; ``numbers`` gives each row's number in the part. Also the tables met in
        the cells, with their paths."""
        built: list[list[_CellBuild]] = []
        after: list[tuple[etree._Element, str]] = []
        cell_props = self.scan.cell_props
        # Vertical merges still open, by grid column of their first cell.
        open_merges: dict[int, _CellBuild] = {}
        for r, tr, tcs in zip(numbers, rows, cells, strict=True):
            row: list[_CellBuild] = []
            still_open: dict[int, _CellBuild] = {}
            column = self.scan.grid_before.get(tr, 0)
            for tc in tcs:
                props = cell_props.get(tc, {})
                span = max(1, _int(props.get(W_GRIDSPAN), 1))
                vmerge = props.get(W_VMERGE)
                noted = len(self.notes)
                marks = self.marks = []
                self.cell_tables = []
                self.cell_chunks = 0
                text, whited = self.cell_text(tc, tbl, path)
                self.marks = None
                if marks and not visible(text).strip(_SPACE):
                    # Nothing beside the superscripts for them to mark: they are the
                    # cell's text, as Word shows it (raised). Read again as text, the
                    # notes of the first reading taken back first.
                    # (A kind of note given once, first given there, may be given again.)
                    self.noted -= {code for code, _, _ in self.notes[noted:]}
                    del self.notes[noted:]
                    marks = []
                    self.cell_tables = []
                    self.cell_chunks = 0
                    text, whited = self.cell_text(tc, tbl, path)
                after += self.cell_tables
                if props.get(W_HMERGE) == "continue" and row:
                    # Legacy horizontal merge: this cell widens the one before it.
                    target = row[-1]
                    target.colspan += span
                    self._merged_away(target, text, index)
                else:
                    head = open_merges.get(column) if vmerge == "continue" else None
                    if head is not None:
                        target = head
                        head.rowspan += 1
                        self._merged_away(head, text, index)
                        still_open[column] = head
                    else:
                        target = _CellBuild(row=r, column=column, colspan=span, text=text)
                        row.append(target)
                        if vmerge is not None:
                            still_open[column] = target
                if marks:
                    self._note_marks(marks, target, index)
                if whited:
                    self._cell_note(
                        "repair.docx-white-text",
                        "text coloured white beside text that is not (a value whited out, "
                        f"unseen on the white page) was left out: {whited[:40]!r}",
                        target,
                        index,
                    )
                if self.cell_tables and not visible(text).strip(_SPACE):
                    # An empty cell holding a table: its value may be in that table.
                    self._cell_note(
                        "doubt.docx-table-in-cell",
                        "the cell holds nothing but a table, read as a table of its own "
                        "after this one: its value may be in it",
                        target,
                        index,
                    )
                if self.cell_chunks:
                    # Content imported from another file is not read: the cell's value
                    # may be there, so the cell is not simply blank (or what it shows).
                    self._cell_note(
                        "doubt.docx-altchunk",
                        "the cell imports content from another file (w:altChunk), which is "
                        "not read: its value may be in it",
                        target,
                        index,
                    )
                column += span
            open_merges = still_open
            built.append(row)
        return built, after

    def _cell_note(self, code: str, message: str, cell: _CellBuild, index: int) -> None:
        """A note about ``cell`` of table ``index``; for a ``doubt.`` note the recognizer
        marks its value doubtful."""
        location = Location(
            carrier="docx", part=self.part, table=index, row=cell.row, column=cell.column
        )
        self.notes.append((code, message, location))

    def _note_marks(self, marks: list[str], cell: _CellBuild, index: int) -> None:
        """Doubt a table cell whose superscripts were taken for footnote marks."""
        self._cell_note("doubt.docx-superscript", footnote_doubt(marks, cell.text), cell, index)

    def _merged_away(self, cell: _CellBuild, text: str, index: int) -> None:
        """Text in a cell merged into ``cell``: Word and LibreOffice show only the first
        cell's. It is left out and quoted, and ``cell`` doubted: added, a stray "157"
        under a merged "150" made 150157."""
        stripped = text.strip(_SPACE)
        if stripped:
            message = f"a cell merged into this one holds text that is not shown: {stripped[:40]!r}, left out"
            self._cell_note("doubt.docx-merged-away-text", message, cell, index)

    def cell_text(self, tc: etree._Element, tbl: etree._Element, path: str) -> tuple[str, str]:
        """The text of the cell ``tc`` of ``tbl`` (at ``path``), and the white text left
        out of it (see :func:`_unwhitened`)."""
        # Paragraphs of a cell are lines of its text; empty ones are kept (a vertical
        # header "自/然/人" is three paragraphs; blank lines before a label stay lines).
        lines: list[str] = []
        # The cell's path only when a table in it needs one: most cells hold none.
        self.lines(tc, lines, lambda: f"{path}/{self.steps(tbl, tc)}")
        text = "\n".join(lines)
        if self.colour:
            if _WHITE_START in text and _shaded(tc, tbl):
                # On a shaded cell (or paragraph, or table) white text is seen, and text
                # in the automatic colour is shown white too: nothing is whited out.
                return _WHITE_MARKS.sub("", text), ""
            return _unwhitened(text)
        return text, ""

    def lines(self, parent: etree._Element, out: list[str], path: Callable[[], str]) -> None:
        """The lines of a cell (``parent``, at ``path()``): its paragraphs, those of text
        boxes in them and those of a table of one cell in it (a frame round a value).
        Another table in it, in a text box too, goes to :attr:`cell_tables` with its path,
        to be read after the table; an imported chunk (``w:altChunk``), which is not
        read, is counted in :attr:`cell_chunks`."""
        for child in self.children(parent, W_P, W_TBL, W_ALTCHUNK):
            if child.tag == W_ALTCHUNK:
                self.cell_chunks += 1
                continue
            if child.tag == W_TBL:
                box = self.box_cell(child)
                table_path = self._below(path, parent, child)
                if box is None:
                    self.cell_tables.append((child, table_path()))
                else:
                    self.lines(box, out, self._below(table_path, child, box))
                continue
            text, _, boxes = self.paragraph_text(child)
            out.append(text)
            if boxes:
                # Numbered as the paragraph's own boxes are (see :meth:`paragraph`).
                every = list(child.iter(W_TXBXCONTENT))
                p_path = self._below(path, parent, child)
                for box in boxes:
                    self.lines(box, out, _box_path(p_path, every.index(box) + 1))

    def _below(
        self, path: Callable[[], str], parent: etree._Element, child: etree._Element
    ) -> Callable[[], str]:
        """The path of ``child`` of ``parent`` (at ``path()``), when asked for."""
        return lambda: f"{path()}/{self.steps(parent, child)}"


def _box_path(path: Callable[[], str], number: int) -> Callable[[], str]:
    """The path of the ``number``th text box of the paragraph at ``path()``, when asked."""
    return lambda: f"({path()}//w:txbxContent)[{number}]"


def _styles_used(
    archive: zipfile.ZipFile, part: str, body: etree._Element
) -> tuple[_Numbering | None, dict[str, _StyleFormat]]:
    """The document's list numbering, and the styles its body names that hide, strike or
    raise text (see :func:`_style_formats`).

    Numbering is read only if a paragraph can be numbered: by its own ``w:numPr`` or by
    its style's; a body with neither needs neither part (numbering through the default
    paragraph style alone, which would number every paragraph, is not read). Styles are
    read only when paragraphs or runs name one, or when a list is defined by a style; for
    formatting alone, only when the styles part holds a word of :data:`_FORMAT_WORDS`.
    """
    direct = next(body.iter(W_NUMPR), None) is not None
    paragraph_styles = {element.get(W_VAL) or "" for element in body.iter(W_PSTYLE)}
    run_styles = {element.get(W_VAL) or "" for element in body.iter(W_RSTYLE)}
    related = _relationships(archive, part)
    numbering_part = related.get("numbering")
    numbering = None
    wanted = paragraph_styles | run_styles
    if (direct or paragraph_styles) and numbering_part in archive.NameToInfo:
        numbering = _parse_xml(_read_member(archive, numbering_part), numbering_part)
        # List styles lists link to matter too.
        wanted |= {element.get(W_VAL) or "" for element in numbering.iter(_w("numStyleLink"))}
    wanted.discard("")
    styles = None
    styles_part = related.get("styles")
    if wanted and styles_part in archive.NameToInfo:
        content = _read_member(archive, styles_part)
        if numbering is not None or any(word in content for word in _FORMAT_WORDS):
            styles = _styles(content, styles_part, wanted)
    return (
        None if numbering is None else _Numbering(numbering, styles),
        {} if styles is None else _style_formats(styles),
    )


def read_docx(data: bytes) -> Document:
    """Read a DOCX (Word 2007+ / WPS) document into the intermediate representation.

    Raises :class:`~govinfo_report.ReportError` for an encrypted, damaged,
    truncated or hostile file, or a zip that is not a Word document.
    """
    with _open_zip(data) as archive:
        part = _main_part(archive)
        root = _main_root(archive, part)
        body = _child(root, W_BODY)
        if body is None:
            return Document(blocks=(), carrier="docx")
        numbering, formats = _styles_used(archive, part, body)
    walker = _Walker(part, numbering, _Scan(body, numbering, formats), formats)
    walker.blocks_in(body, "/w:document/w:body")
    if numbering is not None and numbering.unknown_formats:
        walker.notes.append(
            (
                "doubt.docx-numbering",
                "auto-numbering in format(s) "
                + ", ".join(sorted(numbering.unknown_formats))
                + " was shown as decimal numbers",
                None,
            )
        )
    return Document(blocks=tuple(walker.blocks), carrier="docx", notes=tuple(walker.notes))
