"""HTML reader: a government web page (or a Word "save as web page") to the IR.

Theory of operation.

1. **Decode.** The bytes are decoded here, not by libxml2, so that the rules
   are ours and the result is known: a BOM first; then a charset declared in
   the first bytes (``<meta charset>``, ``http-equiv`` content type, an XML
   declaration), where GB2312/GBK are read as GB18030, their superset; then
   strict UTF-8; then strict GB18030. A declaration that the bytes contradict
   is noted and the next candidate is tried; a legacy declaration loses to
   bytes that are valid UTF-8 (legacy-encoded Chinese practically never is).
   Bytes full of control characters are refused before decoding. The parser
   is then handed UTF-8 and told so, so it ignores the page's declaration.
2. **Parse.** libxml2's HTML parser (through lxml) builds the tree. It is
   created with ``no_network=True`` and without ``huge_tree``, so it never
   fetches anything, and its HTML mode never reads DTDs or expands declared
   entities (the internal subset of a ``<!DOCTYPE …[…]>`` is cut out before
   parsing anyway). Comments, and with them Word's conditional comments, are
   dropped; Word's "downlevel-revealed" markers (``<![if !supportLists]>``)
   go too, so the list numbers between them stay, as a browser shows them
   (libxml2 2.12 and later drops them itself; before, they are cut out first).
   When libxml2 gives up (nesting deeper than its limit of 256, a text node
   over 10 MB) the rest of the page would be silently lost: that is an error.
   In a page long enough to hold an attribute over that limit, long inline
   ``data:`` URIs (images, never read) are blanked first, so that one big
   picture cannot make the parser give up.
3. **Flow.** One walk over ``<body>`` in document order turns running content
   into paragraphs: each block element (``p``, ``div``, ``h1``…, ``li``…) and
   each ``<br>`` ends a line; whitespace collapses as a browser collapses it,
   while U+3000 and U+00A0 are kept (the value reader strips them). Scripts,
   styles, form controls and hidden elements (``display:none``, ``visibility:hidden``
   or ``collapse``, ``hidden``) are skipped; inline styles are read as CSS reads them
   (visibility is inherited and ``visibility:visible`` shows a descendant again; the
   last declaration wins, ``!important`` first). Struck-through text (``<del>``,
   ``<s>``, ``<strike>``, ``line-through``) is deleted text: left out, and noted.
4. **Tables.** A table whose cells hold tables is a layout grid (unless its own
   cells carry the report's labels): its cells are
   read as running content, so the inner tables come out as tables. So is a
   table of one cell (a box around the article). Any other table becomes a
   :class:`~govinfo_report._ir.Table`: row and column spans are laid out on a
   grid, every cell appears once, in its first row, with its grid column; a
   ``<br>`` or a block boundary inside a cell is a ``"\\n"`` in its text.
   Word's invisible last row of empty cells (``<tr height=0>``) is dropped.
   White text on no ground beside other text in a data cell is a value whited
   out, left out and noted (colours by :mod:`._colour`).
   A hidden cell is laid out as a browser lays it out: one with ``display:none``
   (or ``hidden``) takes no place, so the cells after it move left; one with
   ``visibility:hidden`` keeps its place and shows nothing, so it is read as
   blank, with a note giving the text it hides. So are rows, and the rows of a
   hidden ``<thead>``, ``<tbody>`` or ``<tfoot>``; a rowspan ends with its row
   group, as in a browser. Broken table markup is read as a
   browser's tree builder repairs it (libxml2 leaves it where it stands): rows in
   a wrapper (``<table><form><tr>``) are the table's, cells outside rows make a
   row, the first ``<tfoot>`` goes last, and anything else between the rows, or
   between the cells of a row, is running text before the table.
5. **Content.** A page holds the report among site chrome (header, menus,
   breadcrumbs, footer, related links). The report's content container is the
   deepest element holding every section heading and every report table (a
   table with official labels); blocks outside it are left out. When the
   container has no title before its first heading, the nearest title-like
   paragraph before the container (often an ``<h1>`` beside it) is taken, all
   its lines when ``<br>`` breaks it.
   With fewer than two such anchors the whole body is read.

Every drop or repair is a note in :attr:`Document.notes`. Locations are
element paths (``/html/body/div[3]/table[1]/tbody[1]/tr[4]/td[2]``): the root
and ``body`` unnumbered, every other step numbered among same-named siblings.
"""

from __future__ import annotations

import codecs
import os
import re
from collections.abc import Iterable

import attrs
from lxml import etree

from govinfo_report._errors import ReportError
from govinfo_report._ir import Block, Document, Paragraph, Table, TableCell
from govinfo_report._labels import core, nfkc, section_heading, visible
from govinfo_report._location import Location
from govinfo_report.formats import FORMATS
from govinfo_report.readers import _check_text
from govinfo_report.readers._cjk import fold_radicals, may_hold_radicals
from govinfo_report.readers._colour import BACKED, COLOURED, WHITE, colour, grounded
from govinfo_report.readers._css import apply_stylesheets, cascaded
from govinfo_report.readers._marks import MAX_FOOTNOTE_MARK, footnote_doubt

__all__ = ["read_html"]

# -- limits -------------------------------------------------------------------------

#: Largest input accepted. Real report pages are under 1 MB and Word-saved ones with
#: inline styles reach a few MB; 64 MiB leaves a wide margin while bounding the memory
#: a hostile input can make the parser and the walk use.
MAX_INPUT_BYTES = 64 * 1024 * 1024
#: Deepest element nesting walked. libxml2 stops at 256 without ``huge_tree`` (that is
#: reported as an error); this second guard keeps the recursive walk well inside
#: Python's default recursion limit of 1000 whatever the parser does.
MAX_DEPTH = 300
#: Widest table grid. HTML itself caps ``colspan`` at 1000; report tables have at most
#: 16 columns, so wider is hostile or broken, and would make the grid slow to build.
MAX_COLUMNS = 1000
#: Most table cells in one page. A report has about 300 and a page with chrome a few
#: thousand; 100,000 bounds the memory of the records built for them.
MAX_CELLS = 100_000
#: Most blocks (paragraphs and tables) in one page. A report has a few hundred even when
#: pasted from Word; 100,000 bounds the time (about 2 s) and memory a hostile page costs.
MAX_BLOCKS = 100_000
#: Longest ``data:`` URI kept in a page over :data:`LIBXML2_MAX_LENGTH`. Inline images are
#: never read, and libxml2 refuses an attribute over that length (the page would be lost),
#: so in such a page long ones are blanked before parsing.
MAX_DATA_URI = 4096
#: libxml2's limit on one text node or attribute value without ``huge_tree`` (10,000,000
#: bytes). Only a page longer than this can hold a ``data:`` URI it refuses, so only such a
#: page is searched for them: the search costs as much as a tenth of reading a page.
LIBXML2_MAX_LENGTH = 10_000_000
#: How far a charset declaration is looked for. The HTML standard prescans 1024 bytes,
#: but Chinese government pages often put long keyword/description metas first.
CHARSET_PRESCAN_BYTES = 4096
#: Share of undecodable bytes tolerated (each replaced by U+FFFD and noted) in a page
#: that is in no candidate encoding: a damaged page is read, garbage is refused.
MAX_UNDECODABLE_RATIO = 0.001
#: How much of the page is looked at for control bytes, the sign of binary data: binary
#: formats have them throughout, so 16 KiB tells as well as the whole file, in a fraction
#: of the time.
CONTROL_SCAN_BYTES = 16 * 1024
#: Paragraphs looked back through, before the content container, for the title.
TITLE_LOOKBACK = 12

# -- markup vocabulary ----------------------------------------------------------

#: Elements whose content is never shown as text.
_SKIP = frozenset(
    {
        "head",
        "title",
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "canvas",
        "audio",
        "video",
        "map",
        "select",
        "option",
        "button",
        "textarea",
        "input",
        "xml",
    }
)
#: Elements that start and end a line of running content.
_BLOCK = frozenset(
    {
        "html",
        "body",
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "aside",
        "main",
        "blockquote",
        "center",
        "address",
        "form",
        "fieldset",
        "legend",
        "figure",
        "figcaption",
        "details",
        "summary",
        "hr",
        "caption",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "menu",
        "dir",
    }
)
#: Elements whose text is struck through: deleted text (Word writes a tracked deletion
#: as ``<del>``), and text an editor marked no longer valid (``<s>``, ``<strike>``).
_STRUCK_TAGS = frozenset({"del", "s", "strike"})
#: Elements that are neither running inline text nor a plain block.
_NOT_INLINE = _SKIP | _STRUCK_TAGS | {"br", "table", "pre", "sup"}
_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_CELLS = frozenset({"td", "th"})
_TABLE_PARTS = frozenset({"caption", "colgroup", "col"})
_ROW_PARTS = _ROW_GROUPS | _CELLS | {"tr"}
#: Whether a page holds text between the cells of a row, which a browser moves out before
#: the table: one XPath over the page in C, cheaper than asking each cell for its tail.
#: (Elements there are seen for nothing by the loops over the cells.)
_HAS_ROW_TEXT = etree.XPath("boolean(//tr/text()[normalize-space()])")

# HTML collapses ASCII whitespace only; U+3000 and U+00A0 are text.
_WS_RE = re.compile(r"[ \t\n\r\f]+")
_ASCII_SPACE = " \t\n\r\f"
_SPAN_RE = re.compile(r"\s*(\d+)")
# The properties that hide or strike through, in a lower-cased inline style; not the end
# of another property's name (``mso-display``): the value, and whether it is ``!important``.
_CSS_COMMENT_RE = re.compile(r"/\*.*?(?:\*/|$)", re.S)
#: The keywords of ``display`` (one to three of them make a value) and ``visibility``: a
#: declaration with another value is invalid, and CSS drops it.
_DISPLAY_KEYWORDS = frozenset(
    {
        "none", "contents", "block", "inline", "run-in", "flow", "flow-root", "table",
        "flex", "grid", "ruby", "list-item", "inline-block", "inline-table", "inline-flex",
        "inline-grid", "table-row-group", "table-header-group", "table-footer-group",
        "table-row", "table-cell", "table-column-group", "table-column", "table-caption",
        "ruby-base", "ruby-text", "ruby-base-container", "ruby-text-container", "math",
        "-webkit-box", "-webkit-inline-box", "-ms-flexbox", "-ms-inline-flexbox",
        "inherit", "initial", "unset", "revert", "revert-layer",
    }
)  # fmt: skip
_VISIBILITY_KEYWORDS = frozenset(
    {"visible", "hidden", "collapse", "inherit", "initial", "unset", "revert", "revert-layer"}
)
_HIDING_DECLARATION_RE = re.compile(
    r"(?<![\w-])(display|visibility|text-decoration(?:-line)?|vertical-align)\s*:\s*([^;!]*)"
    r"(!\s*important)?"
)
_PARAGRAPH_STRIP = " \u3000\xa0\t"
_FIELD_RE = re.compile("[:：]")

# Word's downlevel-revealed conditionals: the markers go, the content between stays.
_DOWNLEVEL_RE = re.compile(rb"<!\[(?:if\s[^\]>]*|endif)\]>", re.I)
# A DOCTYPE with an internal subset (entity declarations): cut before parsing.
_DOCTYPE_SUBSET_RE = re.compile(rb"<!DOCTYPE[^\[>]*\[.*?\]\s*>", re.I | re.S)
_DATA_URI_RE = re.compile(rb"""(["'])data:[^"']{%d,}\1""" % MAX_DATA_URI)
_HUGE_ADVICE_RE = re.compile(r",?\s*(?:use|try)\s+XML_PARSE_HUGE(?:\s+option)?")
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I | re.S
)
# What can hide an element or strike its text through (see _hiding), looked for in the
# lower-cased page before any element is asked: most pages do neither, and asking each
# element for its style costs more than the rest of the walk. A numeric character reference to ASCII
# could spell any of it inside an attribute, so one makes every element be asked.
# The words are compiled: for a literal, the regex engine's search took a third less time
# than ``in`` on the largest corpus page (69 KB) and as much on the small ones.
_ASCII_LOWER = bytes.maketrans(bytes(range(0x41, 0x5B)), bytes(range(0x61, 0x7B)))
_NON_ASCII = bytes(range(0x80, 0x100))
_MAY_HIDE_WORDS = tuple(
    re.compile(word)
    # "super": not hiding, but a superscript drawn by style is asked for the same way.
    for word in (b"display", b"hidden", b"visibility", b"line-through", b"super")
)
_COLOUR_WORD = re.compile(b"color")
_ASCII_CHARREF_RE = re.compile(rb"&#(?:x0*[2-7][0-9a-f]|0*(?:[3-9][0-9]|1[0-2][0-9]))(?![0-9a-f])")
_XML_ENCODING_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
#: Python codec names read as GB18030, their superset.
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "hz"})
#: Python codecs of the other encodings web pages are written in (the WHATWG Encoding
#: Standard's). Any other charset a page declares is unknown to a browser, and so to us,
#: however Python names it: ``hex`` or ``base64`` turn bytes into bytes, ``punycode``
#: and ``undefined`` fail on any page.
_WEB_CODECS = frozenset(
    {
        "utf-8",
        "big5",
        "big5hkscs",
        "euc_jp",
        "iso2022_jp",
        "shift_jis",
        "cp932",
        "euc_kr",
        "cp949",
        "koi8-r",
        "koi8-u",
        "mac-roman",
        "cp866",
        "cp874",
        "ascii",
        *(f"iso8859-{n}" for n in range(1, 17)),
        *(f"cp{n}" for n in range(1250, 1259)),
    }
)

_Note = tuple[str, str, Location | None]
#: Control characters other than tab, newline, carriage return and form feed.
_CONTROL_BYTES = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])


def _loc(
    path: str, table: int | None = None, row: int | None = None, column: int | None = None
) -> Location:
    return Location(carrier="html", path=path, table=table, row=row, column=column)


def _xpath_safe(path: str) -> str:
    """``path`` with each step through a prefixed element (Word's ``<w:Sdt>``, ``<o:p>``,
    which libxml2 names ``w:sdt``) written ``*[name()='w:sdt'][1]``: XPath reads a prefix
    as a namespace, which the page does not declare, so ``xpath()`` would fail."""
    if ":" not in path:
        return path
    steps = path.split("/")
    for i, step in enumerate(steps):
        name, bracket, rest = step.partition("[")
        if ":" in name:
            steps[i] = f"*[name()='{name}']{bracket}{rest}"
    return "/".join(steps)


# -- decoding -------------------------------------------------------------------


def _declared_charset(data: bytes) -> str | None:
    head = data[:CHARSET_PRESCAN_BYTES]
    match = _META_CHARSET_RE.search(head) or _XML_ENCODING_RE.search(head)
    return match.group(1).decode("ascii").lower() if match else None


def _codec_for(declared: str) -> str | None:
    """The Python codec for a declared charset, or None when unknown."""
    if declared in ("x-gbk", "gb_2312-80", "x-euc-cn", "euc-cn", "cp936", "windows-936"):
        return "gb18030"
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name in _GB_FAMILY:
        return "gb18030"
    if name.startswith(("utf-16", "utf-32")):
        # Without a BOM a UTF-16 declaration cannot be right (the declaration itself was
        # readable as ASCII); browsers read such pages as UTF-8, and so do we.
        return "utf-8"
    return name if name in _WEB_CODECS else None


def _decode(data: bytes, notes: list[_Note], charset: str | None = None) -> tuple[bytes, str]:
    """The page as UTF-8 bytes, and the name of the encoding it was read in.

    ``charset`` is one declared outside the page (a MIME part's): it goes before the
    page's own, as a browser puts the HTTP header's before the ``<meta>``.
    """
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReportError(
                    f"the page starts with a {codec} byte order mark but is not {codec} "
                    f"(bad bytes at offset {exc.start})"
                ) from None
            _check_text(text)
            return text.encode("utf-8"), codec
    if b"\x00" in data:
        raise ReportError("binary data: the page holds NUL bytes and is not HTML text")
    # Control bytes are control characters in UTF-8 and GB18030 alike (their multi-byte
    # sequences use no byte below 0x30), so the bytes can be checked before decoding.
    head = data[:CONTROL_SCAN_BYTES]
    if len(head) - len(head.translate(None, _CONTROL_BYTES)) > max(8, len(head) // 100):
        raise ReportError("binary data: the page is full of control characters, not HTML text")
    candidates: list[str] = []
    declared = _declared_charset(data)
    if charset:
        if _codec_for(charset.lower()) is None:
            notes.append(
                ("html.charset-unknown", f"unknown charset {charset!r} of the part ignored", None)
            )
        else:
            declared = charset.lower()
    known = None if declared is None else _codec_for(declared)
    if declared is not None:
        if known is None:
            notes.append(
                ("html.charset-unknown", f"unknown declared charset {declared!r} ignored", None)
            )
        else:
            candidates.append(known)
    candidates += [c for c in ("utf-8", "gb18030") if c not in candidates]
    if candidates[0] != "utf-8" and not data.isascii():
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            # Chinese text in a legacy encoding is practically never valid UTF-8, while
            # CMS templates that declare gb2312 around UTF-8 content are common.
            notes.append(
                (
                    "html.charset-wrong",
                    f"the page declares {declared!r} but is UTF-8; read as UTF-8",
                    None,
                )
            )
            return data, "utf-8"
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            if codec == known:
                notes.append(
                    (
                        "html.charset-wrong",
                        f"the page declares {declared!r} but is not in it; "
                        "other encodings were tried",
                        None,
                    )
                )
            continue
        return (data if codec == "utf-8" else text.encode("utf-8")), codec
    codec = candidates[0]
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd")
    if bad > MAX_UNDECODABLE_RATIO * len(data):
        raise ReportError(
            f"the page is not text: {bad} of its {len(data)} bytes are invalid in "
            f"{' and '.join(candidates)}"
        )
    notes.append(
        (
            "html.undecodable",
            f"{bad} byte(s) invalid in {codec} were replaced by U+FFFD",
            None,
        )
    )
    return text.encode("utf-8"), codec


# -- parsing ----------------------------------------------------------------------


# libxml2 2.12 and later read "<![if …]>" and "<![endif]>" as bogus comments, as browsers
# do, and remove_comments drops them; with an older one they are cut out first.
_DROPS_DOWNLEVEL = etree.LIBXML_VERSION >= (2, 12)


def _parse(markup: bytes, notes: list[_Note]) -> etree._Element:
    if not _DROPS_DOWNLEVEL and b"<![" in markup:
        markup = _DOWNLEVEL_RE.sub(b"", markup)
    if len(markup) > LIBXML2_MAX_LENGTH and b"data:" in markup:
        markup, count = _DATA_URI_RE.subn(b'""', markup)
        if count:
            notes.append(
                ("html.data-uri", f"{count} long inline data: URI(s) (images) were blanked", None)
            )
    head = markup[:CHARSET_PRESCAN_BYTES]
    if b"[" in head and _DOCTYPE_SUBSET_RE.search(head):
        markup = _DOCTYPE_SUBSET_RE.sub(b"<!DOCTYPE html>", markup, count=1)
        notes.append(
            (
                "html.doctype-subset",
                "a DOCTYPE internal subset (entity declarations) was removed unread",
                None,
            )
        )
    parser = etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=False,
    )
    try:
        root = etree.fromstring(markup, parser)
    except (etree.LxmlError, ValueError) as exc:
        raise ReportError(f"the page cannot be parsed as HTML: {exc}") from None
    for entry in parser.error_log:
        if entry.level_name == "FATAL":
            # libxml2's advice to its caller is not for our users.
            message = _HUGE_ADVICE_RE.sub("", entry.message.strip())
            raise ReportError(
                f"the HTML parser stopped here, so the rest of the page would be lost: {message}"
                + (
                    " (the limit is a guard against hostile input)"
                    if entry.type_name == "ERR_RESOURCE_LIMIT"
                    else ""
                ),
                f"line {entry.line}, column {entry.column}",
            )
    if root is None:
        raise ReportError("the page holds no HTML elements")
    return root


# -- running content ---------------------------------------------------------------


class _Lines:
    """Lines of running content being built: inline text joins, breaks end a line."""

    __slots__ = ("bare", "lines", "parts", "path", "plain")

    def __init__(self) -> None:
        self.parts: list[str] = []
        #: Completed lines: (text, path of the block it started in, has text outside links).
        self.lines: list[tuple[str, str, bool]] = []
        #: Path of the element the current line started in; "" while no line is started
        #: (a line starts with its first text, even white space that collapses away).
        self.path = ""
        self.plain = False
        #: The line holds only padding (U+3000, U+00A0), which the paragraph loses: the
        #: element its first real text comes in is where it is, not the padding's.
        self.bare = False

    def add(self, text: str, path: str, in_link: bool) -> None:
        parts = self.parts
        if not parts:
            if not self.path:
                self.path = path  # the line starts here, even if with white space
            if not text.strip(_ASCII_SPACE):
                return  # white space that starts a line collapses away (most tails)
            self.bare = not text.strip(_PARAGRAPH_STRIP)
        elif self.bare and text.strip(_PARAGRAPH_STRIP):
            self.path = path
            self.bare = False
        parts.append(text)
        if not in_link and not self.plain and text.strip():
            self.plain = True

    def end(self, hard: bool = False) -> None:
        """End the line: a ``<br>`` (hard) keeps an empty line, a block boundary does not."""
        parts = self.parts
        if parts:
            text = _collapse(parts[0] if len(parts) == 1 else "".join(parts))
            if text or hard:
                self.push(text, self.path, self.plain)
            self.parts = []
            self.plain = self.bare = False
        elif hard:
            self.push("", self.path, False)
        self.path = ""

    def push(self, text: str, path: str, plain: bool) -> None:
        """Add a finished line."""
        self.lines.append((text, path, plain))


class _Flow(_Lines):
    """The running content of the page: each finished line is a paragraph at once.

    Its ``lines`` stay empty: :meth:`push` appends to the page's blocks instead.
    """

    __slots__ = ("blocks",)

    def __init__(self, blocks: list[_RawBlock]) -> None:
        super().__init__()
        self.blocks = blocks

    def push(self, text: str, path: str, plain: bool) -> None:
        stripped = text.strip(_PARAGRAPH_STRIP)
        if stripped:
            blocks = self.blocks
            blocks.append(_RawParagraph(stripped, path, plain))
            if len(blocks) > MAX_BLOCKS:
                raise ReportError(f"the page has more than {MAX_BLOCKS} paragraphs and tables")


class _Unseen(_Lines):
    """The lines of an element laid out but not shown (``visibility:hidden``).

    Its text and breaks go nowhere, as a browser's rendered text has none of them
    (not even the line breaks of its blocks and ``<br>``); a descendant made visible
    again (``visibility:visible``) writes to ``shown``, the lines the element is in.
    """

    __slots__ = ("shown",)

    def __init__(self, shown: _Lines) -> None:
        super().__init__()
        self.shown = shown

    def add(self, text: str, path: str, in_link: bool) -> None:
        pass

    def end(self, hard: bool = False) -> None:
        pass

    def push(self, text: str, path: str, plain: bool) -> None:
        pass


class _Whited(_Unseen):
    """The lines of an element whose text is white on no ground, in a data cell: unseen,
    as on the white page, but kept in ``sink`` to be quoted in a note. A descendant
    coloured otherwise, or painting a ground, writes to ``shown`` again."""

    __slots__ = ("sink",)

    def __init__(self, shown: _Lines, sink: list[str]) -> None:
        super().__init__(shown)
        self.sink = sink

    def add(self, text: str, path: str, in_link: bool) -> None:
        self.sink.append(text)


#: What :meth:`_Walker._lines_for` gives for an element whose text is struck through:
#: lines that take nothing, told apart by identity so that the caller notes the text.
_STRUCK_OUT: _Lines = _Unseen(_Lines())
#: What :meth:`_Walker._lines_for` gives for an inline element raised as a superscript
#: (``vertical-align: super``) inside a data cell: read as a ``<sup>`` is.
_RAISED_OUT: _Lines = _Unseen(_Lines())


@attrs.define
class _RawTable:
    path: str
    #: The cells, built once: their ``base`` says table ``index`` (among the page's data
    #: tables), which is their index in the document unless a table before them is left out.
    rows: list[tuple[TableCell, ...]]
    index: int


@attrs.define
class _RawParagraph:
    text: str
    path: str
    plain: bool


_RawBlock = _RawTable | _RawParagraph
#: A table row: its ``<tr>``, or the cells a browser puts in a row it implies; the row's
#: path (the cells' parent); the ``<td>`` and ``<th>`` before it in that parent; its row
#: group (``<thead>``, ``<tbody>``, ``<tfoot>``), or ``None`` for the body a browser
#: implies around rows outside groups; how that group is shown (see :func:`_hiding`).
_Row = tuple[etree._Element | list[etree._Element], str, int, int, etree._Element | None, int]


#: How an element is shown (see :func:`_hiding`): as its parent is (0), not at all and
#: taking no place (display:none), laid out but not shown (visibility:hidden), shown even
#: inside an element that is not (visibility:visible), or struck through (deleted text).
_REMOVED = 1
_INVISIBLE = 2
_SHOWN = 3
_STRUCK = 4
#: Raised as a superscript (``vertical-align: super``), and shown.
_RAISED = 5


def _hiding(element: etree._Element) -> int:
    """How ``element`` is shown, by its inline style and ``hidden`` attribute.

    :data:`_REMOVED` for ``display:none`` and for the ``hidden`` attribute (which browsers
    style ``display:none``, unless the element's own style sets another display);
    :data:`_STRUCK` for ``text-decoration: line-through``, deleted text (it propagates to
    the element's content, which nothing inside can undo); :data:`_INVISIBLE` for
    ``visibility:hidden`` and ``collapse``, which keep the element's place (a collapsed
    table row still counts for the row spans across it), and for ``hidden="until-found"``;
    :data:`_SHOWN` for ``visibility:visible``, which shows an element inside an invisible
    one; :data:`_RAISED` for ``vertical-align: super`` (a superscript drawn by style);
    else 0. Visibility is inherited, display is not: the walk carries an invisible
    element's state down to its descendants. As in CSS, comments are no declarations, an
    invalid declaration is dropped, the last valid one of a property wins, and an
    ``!important`` one wins over those that are not.
    """
    style = element.get("style")
    hidden = element.get("hidden")
    # hidden="until-found" keeps the element's box and hides its content (until a search
    # of the page finds it): laid out, not shown.
    by_attribute = 0 if hidden is None else _attribute_hiding(hidden)
    if style is None:
        return by_attribute
    lowered = style.lower()  # CSS keywords are case-insensitive
    # Word puts a style on every element: test cheaply before the regex.
    if not (
        "none" in lowered
        or "visib" in lowered
        or "line-through" in lowered
        or "super" in lowered
        or (hidden is not None and "display" in lowered)
    ):
        return by_attribute
    if "/*" in lowered:
        lowered = _CSS_COMMENT_RE.sub(" ", lowered)
    values = cascaded(
        # text-decoration-line is a longhand of text-decoration: one property.
        (name[:15], _valid_words(name, value.split()), important)
        for name, value, important in _HIDING_DECLARATION_RE.findall(lowered)
    )
    display = values["display"][0] if "display" in values else None
    visibility = values["visibility"][0] if "visibility" in values else None
    struck = "line-through" in values.get("text-decoration", ())
    raised = values.get("vertical-align", [""])[0] == "super"
    if display == "none":
        return _REMOVED
    if display is None and by_attribute == _REMOVED:
        return _REMOVED
    if struck:
        return _STRUCK
    if visibility in ("hidden", "collapse") or by_attribute == _INVISIBLE:
        return _INVISIBLE
    if visibility in ("visible", "initial"):
        return _SHOWN
    return _RAISED if raised else 0


def _valid_words(name: str, words: list[str]) -> list[str] | None:
    """The words of a ``display``, ``visibility``, ``text-decoration`` or
    ``vertical-align`` value, or ``None`` where the declaration is not valid."""
    if name == "display":
        valid = bool(words) and len(words) <= 3 and _DISPLAY_KEYWORDS.issuperset(words)
    elif name == "visibility":
        valid = len(words) == 1 and words[0] in _VISIBILITY_KEYWORDS
    elif name == "vertical-align":
        valid = len(words) == 1
    else:
        valid = True
    return words if valid else None


def _attribute_hiding(value: str) -> int:
    """How the ``hidden`` attribute with ``value`` hides its element."""
    return _INVISIBLE if value.strip().lower() == "until-found" else _REMOVED


def _may_hide(markup: bytes) -> tuple[bool, bool]:
    """Whether any element of the page could be hidden or struck through by its attributes,
    and whether any could colour its text (white, see :mod:`._colour`); ``False`` only when
    none can."""
    # The words are ASCII, and so is every byte of UTF-8 text that is part of one: the
    # search runs over the page's ASCII alone, lower-cased in the same pass. In a page of
    # Chinese that is half the bytes or less, and four searches take a third less time.
    # (Dropping bytes can join two pieces into a word, never break one: at worst every
    # element is asked.)
    low = markup.translate(_ASCII_LOWER, _NON_ASCII)
    if _ASCII_CHARREF_RE.search(low) is not None:
        return True, True
    # "color" is in every way to colour text or paint a ground but <mark>, which matters
    # only where some text is white.
    return any(word.search(low) for word in _MAY_HIDE_WORDS), _COLOUR_WORD.search(low) is not None


def _row_strays(
    row: etree._Element, path: str, foster: list[tuple[etree._Element | str, str]]
) -> None:
    """Put what stands between the cells of ``row`` (at ``path``) into ``foster``.

    A browser moves text and elements that are no cell (``<tr>注<td>…``,
    ``<tr><div>…</div><td>…``) out before the table; libxml2 leaves them in the row,
    where the grid, reading cells only, would lose them.
    """
    text = row.text
    if text and text.strip(_ASCII_SPACE):
        foster.append((text, path))
    counts: dict[str, int] = {}
    for child in row:
        tag = child.tag
        if isinstance(tag, str):
            number = counts[tag] = counts.get(tag, 0) + 1
            if tag not in _CELLS and tag not in _SKIP:
                foster.append((child, f"{path}/{tag}[{number}]"))
        text = child.tail
        if text and text.strip(_ASCII_SPACE):
            foster.append((text, path))


class _Walker:
    """One walk over the body, collecting paragraphs and tables in document order."""

    def __init__(
        self,
        notes: list[_Note],
        may_hide: bool = True,
        row_text: bool = True,
        may_colour: bool = True,
    ) -> None:
        self.notes = notes
        #: False when the page cannot hide anything: no element is then asked.
        self.may_hide = may_hide
        #: False when no element of the page can colour its text: data cells are then
        #: not asked for white text.
        self.may_colour = may_colour
        #: While a data cell with markup is read on a page that may colour text: the
        #: white text met in it (see :class:`_Whited`); else None.
        self.whited: list[str] | None = None
        #: Whether each element asked paints a ground or lies on one (see
        #: :func:`._colour.grounded`).
        self.grounds: dict[etree._Element, bool] = {}
        #: False when no row of the page holds text outside its cells.
        self.row_text = row_text
        self.blocks: list[_RawBlock] = []
        self.flow = _Flow(self.blocks)
        self.cells = 0
        #: Footnote marks (short superscripts) met in the data cell being read, or None
        #: outside data cells.
        self.marks: list[str] | None = None
        self.hidden = 0
        self.layout_tables = 0
        self.data_tables = 0

    def _lines_for(self, element: etree._Element, lines: _Lines) -> _Lines | None:
        """The lines ``element``'s content goes to, when it is in ``lines``' element.

        ``None`` when it is not laid out (``display:none``); :data:`_STRUCK_OUT` when its
        text is struck through (the caller notes it, knowing its path); its own
        :class:`_Unseen` lines when it is laid out but not shown; the shown lines again
        when it is made visible inside an invisible element. Skipped and invisible
        elements are counted.
        """
        hiding = _hiding(element) if self.may_hide else 0
        if not hiding:
            return lines if self.whited is None else self._coloured(element, lines)
        if hiding == _RAISED:
            # vertical-align does not raise a block or a table's part; outside a data
            # cell a superscript is text, as <sup> is.
            if self.marks is None or element.tag in _BLOCK or element.tag in _ROW_PARTS:
                return lines
            return _RAISED_OUT
        if hiding == _REMOVED:
            self.hidden += 1
            return None
        if hiding == _STRUCK:
            return _STRUCK_OUT
        if hiding == _INVISIBLE:
            if isinstance(lines, _Unseen):
                return lines
            self.hidden += 1
            return _Unseen(lines)
        # visibility:visible shows an element again, not white text: that stays unseen.
        return (
            lines.shown if isinstance(lines, _Unseen) and not isinstance(lines, _Whited) else lines
        )

    def _coloured(self, element: etree._Element, lines: _Lines) -> _Lines:
        """The lines ``element``'s content goes to in a data cell, by its text's colour and
        its ground: white text on no ground is unseen (see :class:`_Whited`)."""
        own = colour(element)
        if own == WHITE:
            if isinstance(lines, _Unseen) or self.whited is None or grounded(element, self.grounds):
                return lines
            return _Whited(lines, self.whited)
        if own in (COLOURED, BACKED) and isinstance(lines, _Whited):
            return lines.shown
        return lines

    def walk(
        self, element: etree._Element, path: str, lines: _Lines, depth: int, in_link: bool
    ) -> None:
        """Walk the children of ``element`` (at ``path``) into ``lines``.

        ``lines`` is the running flow, or a cell's own lines inside a data table.
        """
        if depth > MAX_DEPTH:
            raise ReportError(f"the page is nested deeper than {MAX_DEPTH} elements", path)
        text = element.text
        if text:
            lines.add(text, path, in_link)
        # Elements are asked how they are shown when the page may hide some, or, in a
        # data cell, colour some text.
        may_hide = self.may_hide or self.whited is not None
        counts: dict[str, int] = {}
        for child in element:
            tag = child.tag
            if isinstance(tag, str):  # libxml2's HTML parser gives tag names in lower case
                number = counts[tag] = counts.get(tag, 0) + 1
                if tag in _SKIP:
                    pass
                elif may_hide and (into := self._lines_for(child, lines)) is not lines:
                    # Not shown, or shown again inside an element that is not.
                    if into is None:
                        pass
                    elif into is _STRUCK_OUT:
                        if not isinstance(lines, _Unseen):
                            self._struck(child, f"{path}/{tag}[{number}]")
                    elif into is _RAISED_OUT:
                        self._element(
                            child, f"{path}/{tag}[{number}]", "sup", lines, depth, in_link
                        )
                    elif tag == "br":
                        into.end(True)
                    else:
                        self._element(child, f"{path}/{tag}[{number}]", tag, into, depth, in_link)
                elif tag == "br":
                    lines.end(True)
                elif tag not in _NOT_INLINE and len(child) == 0:
                    # A leaf (<a>, <strong>, <li>, an empty <p>): most elements are,
                    # and they need no walk of their own.
                    text = child.text
                    if tag in _BLOCK:
                        lines.end()
                        if text:
                            lines.add(text, f"{path}/{tag}[{number}]", in_link)
                            lines.end()
                    elif text:
                        # The path is only needed when the leaf starts a line.
                        leaf = (
                            lines.path
                            if lines.path and not lines.bare
                            else f"{path}/{tag}[{number}]"
                        )
                        lines.add(text, leaf, in_link or tag == "a")
                else:
                    self._element(child, f"{path}/{tag}[{number}]", tag, lines, depth, in_link)
            text = child.tail
            if text:
                lines.add(text, path, in_link)

    def _element(
        self,
        child: etree._Element,
        child_path: str,
        tag: str,
        lines: _Lines,
        depth: int,
        in_link: bool,
    ) -> None:
        """An element with children, or a table, ``<pre>`` or struck text: what it adds to
        ``lines``."""
        if tag in _STRUCK_TAGS:
            if not isinstance(lines, _Unseen):
                self._struck(child, child_path)
        elif (
            tag == "sup"
            and self.marks is not None
            and len(mark := _collapse("".join(str(t) for t in child.itertext())))
            <= MAX_FOOTNOTE_MARK
        ):
            # A footnote mark after a value ("12<sup>1</sup>") is no part of it: read
            # into the value, it would make 121. Left out, and the cell doubted.
            if mark and not isinstance(lines, _Unseen):
                self.marks.append(mark)
        elif tag == "table":
            lines.end()
            self._table(child, child_path, lines, depth + 1, in_link)
        elif tag in _BLOCK:
            lines.end()
            self.walk(child, child_path, lines, depth + 1, in_link)
            lines.end()
        elif tag == "pre":
            # Preformatted text keeps its spaces and line breaks.
            lines.end()
            for line in "".join(str(t) for t in child.itertext()).split("\n"):
                lines.push(line, child_path, not in_link)
            lines.end()
        else:
            self.walk(child, child_path, lines, depth + 1, in_link or tag == "a")

    # tables
    def _rows(
        self,
        table: etree._Element,
        path: str,
        foster: list[tuple[etree._Element | str, str]],
        strays: bool,
        group: etree._Element | None = None,
        hiding: int = 0,
        parts: dict[str, list[_Row]] | None = None,
    ) -> list[_Row]:
        """The rows of ``table`` (or of a row group or wrapper in it), as a browser has them.

        Markup a browser moves out of the table goes to ``foster``, to be read before it:
        text between rows, and elements that are no table part (a ``<p>``, a ``<div>``).
        Rows inside such a wrapper (``<table><form><tr>…``) stay the table's, and cells
        outside any row (``<table><td>…``) form the row a browser implies for them. A
        table's first ``<thead>`` comes first and its first ``<tfoot>`` last, wherever
        they stand. When ``strays`` is true, text and elements between the cells of a
        row go to ``foster`` too, in their place. Each row says its row ``group`` and how
        the group is shown (``hiding``): a browser's tree builder moves strays out of the
        table whatever the group's style, so those of a hidden group are read too.
        ``parts`` gathers the first ``<thead>`` and ``<tfoot>`` met, in a wrapper too.
        """
        rows: list[_Row] = []
        top = parts is None
        if parts is None:
            parts = {}
        counts: dict[str, int] = {}
        stray: list[etree._Element] = []  # cells outside rows, waiting for their row
        stray_at = (0, 0)  # td and th before them: their paths number on from there
        text = table.text
        if text and text.strip(_ASCII_SPACE):
            foster.append((text, path))
        for child in table:
            tag = child.tag  # libxml2's HTML parser gives tag names in lower case
            if tag == "tr" and not stray:  # the usual child, first
                number = counts[tag] = counts.get(tag, 0) + 1
                rows.append((child, f"{path}/tr[{number}]", 0, 0, group, hiding))
                if strays:
                    _row_strays(child, rows[-1][1], foster)
            elif isinstance(tag, str):
                number = counts[tag] = counts.get(tag, 0) + 1
                if tag in _CELLS:
                    if not stray:
                        stray_at = (
                            counts.get("td", 0) - (tag == "td"),
                            counts.get("th", 0) - (tag == "th"),
                        )
                    stray.append(child)
                else:
                    if stray:
                        rows.append((stray, path, *stray_at, group, hiding))
                        stray = []
                    if tag == "tr":
                        rows.append((child, f"{path}/tr[{number}]", 0, 0, group, hiding))
                        if strays:
                            _row_strays(child, rows[-1][1], foster)
                    elif tag in _ROW_GROUPS:
                        part = self._rows(
                            child,
                            f"{path}/{tag}[{number}]",
                            foster,
                            strays,
                            child,
                            _hiding(child) if self.may_hide else 0,
                        )
                        if tag in ("thead", "tfoot") and tag not in parts:
                            parts[tag] = part
                        else:
                            rows += part
                    elif tag in _TABLE_PARTS:
                        if table.tag not in _ROW_GROUPS:
                            # A caption or column between rows ends the body a browser
                            # implies around the rows before: the rows after are another
                            # row group, which no rowspan before crosses.
                            group = child
                    elif tag in _SKIP:
                        pass
                    elif any(part.tag in _ROW_PARTS for part in child):
                        # A wrapper around rows (<form>): its rows are the table's (a
                        # browser moves the wrapper out, so its style does not count).
                        rows += self._rows(
                            child, f"{path}/{tag}[{number}]", foster, strays, group, hiding, parts
                        )
                    else:
                        foster.append((child, f"{path}/{tag}[{number}]"))
            text = child.tail
            if text and text.strip(_ASCII_SPACE):
                foster.append((text, path))
        if stray:
            rows.append((stray, path, *stray_at, group, hiding))
        if top and parts:
            rows = parts.get("thead", []) + rows + parts.get("tfoot", [])
        return rows

    @staticmethod
    def _cells(row: _Row) -> list[tuple[etree._Element, str]]:
        cells = []
        element, path, tds, ths, _, _ = row
        for child in element:
            tag = child.tag
            if tag == "td":  # libxml2's HTML parser gives tag names in lower case
                tds += 1
                cells.append((child, f"{path}/td[{tds}]"))
            elif tag == "th":
                ths += 1
                cells.append((child, f"{path}/th[{ths}]"))
        return cells

    def _table(
        self, table: etree._Element, path: str, lines: _Lines, depth: int, in_link: bool
    ) -> None:
        foster: list[tuple[etree._Element | str, str]] = []
        # A table holding tables is a layout grid, unless its own cells carry the report's
        # labels: then the table in one of its cells (a note set in a box, an empty one
        # an editor left) is that cell's text.
        nested = next(table.iterdescendants("table"), None) is not None and not _labelled(table)
        # Text or elements between the cells of a row are looked for row by row only where
        # they may be: in a small layout table always, in a data table when it has such
        # text or when its grid meets such an element.
        precise = nested or self.row_text
        rows = self._rows(table, path, foster, precise)
        if self.may_hide:
            # Row groups not shown, each counted once (their rows are left out below).
            self.hidden += len({id(row[4]) for row in rows if row[5] in (_REMOVED, _INVISIBLE)})
        one_cell = len(rows) == 1 and len(self._cells(rows[0])) == 1
        layout = nested or one_cell or lines is not self.flow
        grid = None
        if not layout:
            grid, stray_elements = self._grid(rows, path, depth)
            if stray_elements and not precise:
                foster = []
                self._rows(table, path, foster, True)
        elif not precise:
            foster = []
            self._rows(table, path, foster, True)
        for item, item_path in foster:
            # Read before the table, where a browser shows it.
            if isinstance(item, str):
                lines.add(item, item_path, in_link)
            elif (into := self._lines_for(item, lines) if self.may_hide else lines) is not None:
                if into is _STRUCK_OUT:
                    self._struck(item, item_path)
                elif into is _RAISED_OUT:
                    self._element(item, item_path, "sup", lines, depth, in_link)
                else:
                    self._element(item, item_path, str(item.tag), into, depth, in_link)
        if foster:
            lines.end()
        caption = table.find("caption")
        if caption is not None:
            self.walk(caption, f"{path}/caption[1]", lines, depth + 1, in_link)
            lines.end()
        if grid is not None:
            self.blocks.append(grid)
            return
        # A layout grid (or a table inside a data cell): its cells are running content.
        if nested:
            self.layout_tables += 1
        for row in rows:
            row_lines = self._row_lines(row, lines) if self.may_hide else lines
            if row_lines is None:
                continue
            for cell, cell_path in self._cells(row):
                into = self._lines_for(cell, row_lines) if self.may_hide else row_lines
                if into is _STRUCK_OUT:
                    if not isinstance(row_lines, _Unseen):
                        self._struck(cell, cell_path)
                elif into is not None:
                    self.walk(cell, cell_path, into, depth + 2, in_link)
                    lines.end()

    def _row_lines(self, row: _Row, lines: _Lines) -> _Lines | None:
        """The lines the cells of ``row`` go to, by how its group and the row are shown
        (see :meth:`_lines_for`); ``None`` when either is not laid out."""
        element, path, _, _, _, hiding = row
        if hiding == _REMOVED:
            return None
        if hiding == _STRUCK:
            if not isinstance(lines, _Unseen) and isinstance(element, etree._Element):
                self._struck(element, path)
            return None
        if hiding == _INVISIBLE:
            lines = lines if isinstance(lines, _Unseen) else _Unseen(lines)
        elif hiding == _SHOWN and isinstance(lines, _Unseen):
            lines = lines.shown
        # A row a browser implies for cells outside rows has no attributes.
        if isinstance(element, list):
            return lines
        into = self._lines_for(element, lines)
        if into is _STRUCK_OUT:
            if not isinstance(lines, _Unseen):
                self._struck(element, path)
            return None
        return into

    def _grid(self, rows: list[_Row], path: str, depth: int) -> tuple[_RawTable, bool]:
        """Lay the cells out on the grid the row and column spans make.

        The second value says whether an element that is no cell stands between the
        cells of a row (the caller reads it before the table).

        One tight loop, where a page's time goes (a few hundred cells): only the
        attributes a cell has are asked for, and a cell's path is built only when kept.
        """
        may_hide = self.may_hide
        may_colour = self.may_colour
        # A row not laid out (display:none, or in a row group that is not) takes no
        # place, as in a browser: the grid is made of the other rows, and a rowspan
        # counts only them. An invisible row (visibility:hidden or collapse) keeps its
        # place, and its cells show only what is made visible again.
        laid: list[tuple[etree._Element | list[etree._Element], str, int, int, bool, bool]] = []
        ends: list[int] = []  # per row: the index after the last row of its row group
        group: etree._Element | bool | None = False  # the row group of the last row
        for element, row_path, tds, ths, row_group, hiding in rows:
            invisible = hiding == _INVISIBLE
            struck = hiding == _STRUCK  # a line through a row group strikes its rows
            if hiding == _REMOVED:
                continue
            if isinstance(element, etree._Element):
                if may_hide and (own := _hiding(element)):
                    if own == _REMOVED:
                        self.hidden += 1
                        continue
                    if own == _INVISIBLE and not invisible:
                        self.hidden += 1
                    invisible = own == _INVISIBLE or (invisible and own != _SHOWN)
                    struck = struck or own == _STRUCK
                if (
                    # Word's invisible last row of empty cells fixing the column widths.
                    element.get("height") == "0" and not any(t.strip() for t in element.itertext())
                ):
                    continue
            # A rowspan ends with its row group (rowspan=0 runs to the group's end): a
            # browser's groups are each <thead>, <tbody> and <tfoot>, and each run of
            # rows outside them.
            if row_group is not group:
                ends += [len(laid)] * (len(laid) - len(ends))
                group = row_group
            laid.append((element, row_path, tds, ths, invisible, struck))
        ends += [len(laid)] * (len(laid) - len(ends))
        out: list[tuple[TableCell, ...]] = []
        busy: dict[int, int] = {}  # grid column -> rows it stays covered after this one
        index = self.data_tables
        self.data_tables += 1
        base = Location(carrier="html", table=index)
        cells = self.cells
        stray_elements = False
        text: str | None  # a cell's text; every branch below leaves it a str
        for r, (row, row_path, tds, ths, row_invisible, row_struck) in enumerate(laid):
            if ":" in row_path:  # a prefixed element on the way (rare): once a row, not a cell
                row_path = _xpath_safe(row_path)
            placed: list[TableCell] = []
            column = 0
            left = ends[r] - r  # rows a rowspan may cover, this one included
            for cell in row:
                # libxml2's HTML parser gives tag and attribute names in lower case.
                tag = cell.tag
                if tag == "td":
                    tds += 1
                    step = _TD_STEPS[tds] if tds < _STEPS else f"/td[{tds}]"
                elif tag == "th":
                    ths += 1
                    step = _TH_STEPS[ths] if ths < _STEPS else f"/th[{ths}]"
                else:
                    if isinstance(tag, str) and tag not in _SKIP:
                        stray_elements = True  # read before the table by the caller
                    continue
                if busy:
                    while column in busy:
                        column += 1
                rowspan = colspan = 1
                invisible = row_invisible
                struck = row_struck
                # keys() first: Word gives every cell a long style, costly to fetch.
                names = cell.keys()
                if names:
                    if may_hide and ("style" in names or "hidden" in names):
                        hiding = _hiding(cell)
                        if hiding == _REMOVED:
                            # No place in the grid: the cells after it move left,
                            # as in a browser: a column hidden in every row is gone.
                            self.hidden += 1
                            continue
                        if hiding == _STRUCK:
                            struck = True
                        elif hiding in (_INVISIBLE, _SHOWN):
                            invisible = hiding == _INVISIBLE
                    if "colspan" in names:
                        colspan = _span(cell.get("colspan", ""), 1, MAX_COLUMNS)
                    if "rowspan" in names:
                        rowspan = _span(cell.get("rowspan", ""), 0, 65534)
                        if rowspan == 0 or rowspan > left:
                            if rowspan:
                                self.notes.append(
                                    (
                                        "html.rowspan",
                                        f"rowspan {rowspan} runs past the end of its row "
                                        f"group (the table's body, head or foot); cut to {left}",
                                        _loc(row_path + step),
                                    )
                                )
                            rowspan = left
                if column + colspan > MAX_COLUMNS:
                    raise ReportError(
                        f"the table is wider than {MAX_COLUMNS} columns", row_path + step
                    )
                # The common cases, plain text and one line of inline markup, are read
                # here; any other cell is walked.
                if invisible:
                    cell_path = row_path + step
                    text = self._invisible_cell(
                        cell, cell_path, depth, _loc(cell_path, index, r, column)
                    )
                elif struck:
                    text = ""  # the cell's text is struck through: deleted
                    self._struck(cell, row_path + step)
                elif len(cell) == 0:
                    text = cell.text
                    if text is None:
                        text = ""
                    elif not text.isalnum():  # most cells are numbers: no call
                        text = _collapse(text)
                else:
                    # A cell coloured white itself is read by the walk, which sees what
                    # inside it is coloured otherwise.
                    white = (
                        may_colour and colour(cell) == WHITE and not grounded(cell, self.grounds)
                    )
                    chained = None if white else _chain_text(cell, may_hide, may_colour)
                    if chained is None:
                        text, said = self._markup_cell(cell, row_path + step, depth, white)
                        if said:
                            where = _loc(row_path + step, index, r, column)
                            self.notes += [(code, what, where) for code, what in said]
                    else:
                        text = _collapse(chained) if chained else ""
                # text, row, column, base, path, line, end_line, rowspan, colspan
                placed.append(
                    TableCell(text, r, column, base, row_path + step, None, None, rowspan, colspan)
                )
                if rowspan > 1:
                    for k in range(column, column + colspan):
                        busy[k] = rowspan
                column += colspan
            cells += tds + ths
            if cells > MAX_CELLS:
                raise ReportError(f"the page has more than {MAX_CELLS} table cells", path)
            if busy:
                # One row down: every covered column is covered for one row less.
                busy = {k: v - 1 for k, v in busy.items() if v > 1}
            out.append(tuple(placed))
        self.cells = cells
        while out and not out[-1]:
            out.pop()  # last rows whose every cell takes no place hold nothing
        return _RawTable(path=path, rows=out, index=index), stray_elements

    def _markup_cell(
        self, cell: etree._Element, path: str, depth: int, white: bool
    ) -> tuple[str, list[tuple[str, str]]]:
        """The text of a data cell with markup, whose own colour is ``white`` (on no
        ground), and what is to be noted at the cell: (code, message).

        Superscripts after its text are footnote marks, left out; white text beside
        text that is not white is a stale value whited out, left out. Where either is
        all the cell holds, it is the cell's text, as a browser shows it (raised, or
        white on a ground the page's sheets may paint): the cell is read again, the
        first reading's notes and counts taken back.
        """
        said: list[tuple[str, str]] = []
        noted, hidden = len(self.notes), self.hidden
        marks = self.marks = []
        whited = self.whited = [] if self.may_colour else None
        text = self._cell_text(cell, path, depth, white)
        self.whited = None
        unseen = visible(_collapse("".join(whited))).strip(_PARAGRAPH_STRIP) if whited else ""
        # Characters that show nothing (a zero-width space) are no text beside it.
        if unseen and not visible(text).strip(_PARAGRAPH_STRIP):
            del self.notes[noted:]
            self.hidden = hidden
            marks = self.marks = []
            text = self._cell_text(cell, path, depth)
            unseen = ""
        self.marks = None
        if marks and not visible(text).strip(_PARAGRAPH_STRIP):
            del self.notes[noted:]
            self.hidden = hidden
            text = self._cell_text(cell, path, depth)
        elif marks:
            said.append(("doubt.html-superscript", footnote_doubt(marks, text)))
        if unseen:
            said.append(
                (
                    "html.white-text",
                    "white text on no coloured ground, beside text that is not white, was "
                    f"left out as a value whited out (unseen on the white page): {unseen[:40]!r}",
                )
            )
        return text, said

    def _struck(self, element: etree._Element, path: str) -> None:
        """Note the text of a struck-through element, which is left out as deleted."""
        text = _collapse("".join(str(t) for t in element.itertext())).strip(_PARAGRAPH_STRIP)
        if text:
            self.notes.append(
                (
                    "html.struck-text",
                    f"struck-through text was left out as deleted: {text[:40]!r}",
                    _loc(path),
                )
            )

    def _invisible_cell(
        self, cell: etree._Element, path: str, depth: int, location: Location
    ) -> str:
        """The text a browser shows of a cell laid out but not shown (``visibility:hidden``
        or ``collapse``, its own or its row's): only what an element in it makes visible
        again, usually nothing. A note says what the cell hides."""
        shown = _Lines()
        self.walk(cell, path, _Unseen(shown), depth + 1, False)
        shown.end()
        text = "\n".join(line for line, _, _ in shown.lines)
        counted = self.hidden
        hidden = self._cell_text(cell, path, depth).strip(_PARAGRAPH_STRIP)
        self.hidden = counted  # the elements hidden inside were counted by the walk above
        what = f"hides the text {hidden[:40]!r}" if hidden else "is empty"
        read = f"read as the text {text[:40]!r} an element in it shows" if text else "read as blank"
        self.notes.append(
            (
                "html.invisible-cell",
                f"a table cell styled visibility:hidden (or its row) was {read}, as a browser "
                f"shows it; it {what}",
                location,
            )
        )
        return _collapse(text) if text else ""

    def _cell_text(self, cell: etree._Element, path: str, depth: int, white: bool = False) -> str:
        """The text of a cell with markup: its lines joined by newlines. A ``white`` cell's
        own text is unseen (see :class:`_Whited`)."""
        lines = _Lines()
        into = lines if not white or self.whited is None else _Whited(lines, self.whited)
        self.walk(cell, path, into, depth + 1, False)
        lines.end()
        return "\n".join(text for text, _, _ in lines.lines)


#: Cell path steps built once: ``/td[1]``… (a page's cells reuse a few dozen).
_STEPS = 64
_TD_STEPS = tuple(f"/td[{n}]" for n in range(_STEPS))
_TH_STEPS = tuple(f"/th[{n}]" for n in range(_STEPS))


def _collapse(text: str) -> str:
    """``text`` with ASCII whitespace collapsed as a browser shows it (U+00A0 and U+3000 kept)."""
    if text.isalnum():
        return text  # a number, or a label without punctuation
    text = text.strip(_ASCII_SPACE)
    if "  " not in text and (
        # Printable: no tab or newline left. U+00A0 and U+3000 are not printable but
        # are kept, and pad many a cell ("0\xa0"): the four characters are looked for.
        text.isprintable() or not ("\n" in text or "\t" in text or "\r" in text or "\f" in text)
    ):
        return text
    return _WS_RE.sub(" ", text)


def _chain_text(cell: etree._Element, may_hide: bool, may_colour: bool = False) -> str | None:
    """The text of a cell that is one line of visible inline markup, else ``None``.

    The usual Word cell is ``<td><p><span>text<o:p></o:p></span></p></td>``: a chain
    of only children, at most one of them a block wrapping everything. Its text is
    read along the chain (the texts going down, then the tails coming back up),
    without the walk. Anything else (two children, a ``<br>``, a hidden or skipped
    element, a second block, white text when ``may_colour``) is left to the walk.
    """
    texts: list[str] = []
    tails: list[str] = []
    element = cell
    block = False
    visible = False  # text other than ASCII whitespace (U+00A0 is text) seen going down
    while True:
        text = element.text
        if text:
            texts.append(text)
            if not visible and text.strip(_ASCII_SPACE):
                visible = True
        size = len(element)
        if size == 0:
            break
        if size > 1:
            return None
        element = element[0]
        tag = element.tag
        if tag in _BLOCK:
            # Text before the block (above it on the way down) or after it (the
            # tails so far, of the elements it is inside), or a second block: more
            # than one line.
            if block or visible or (tails and any(t.strip(_ASCII_SPACE) for t in tails)):
                return None
            block = True
        elif tag in _NOT_INLINE or not isinstance(tag, str):
            return None
        if may_hide and _hiding(element):
            return None  # the walk skips it or its text, and counts it
        if may_colour and colour(element) == WHITE:
            return None  # the walk sees whether it stands beside other text
        tail = element.tail
        if tail:
            if tag in _BLOCK and tail.strip(_ASCII_SPACE):
                return None  # text after the block is a line of its own
            tails.append(tail)
    if tails:
        texts.extend(reversed(tails))
    elif len(texts) == 1:
        return texts[0]  # the usual Word cell: the text of its innermost span
    return "".join(texts)


def _span(value: str, zero: int, most: int) -> int:
    """A rowspan/colspan the way browsers read it: leading digits, else 1; 0 is ``zero``."""
    if value.isdigit() and value.isascii() and len(value) < 8:
        number = int(value)  # the usual "3", without the regex
    else:
        match = _SPAN_RE.match(value)
        if not match:
            return 1
        number = int(match.group(1)[:7])
    if number == 0:
        return zero
    return min(number, most)


# -- finding the report in the page ------------------------------------------------


def _report_label_cores() -> frozenset[str]:
    cores: set[str] = set()
    for spec in FORMATS.values():
        for table in spec.tables:
            labels = table.labels
            # Short labels ("总计", "其他") appear in any table; they do not identify one.
            cores.update(c for c in map(core, labels) if len(c) >= 4)
    return frozenset(cores)


_REPORT_LABELS = _report_label_cores()


def _two_labels(texts: Iterable[str]) -> bool:
    """Whether at least two of ``texts`` (cells' texts) are official labels of the report's
    tables."""
    hits = 0
    for text in texts:
        if 4 <= len(text) <= 80 and core(text) in _REPORT_LABELS:
            hits += 1
            if hits >= 2:
                return True
    return False


def _is_report_table(table: _RawTable) -> bool:
    return _two_labels(cell.text for row in table.rows for cell in row)


def _labelled(table: etree._Element) -> bool:
    """Whether at least two of ``table``'s own cells (in its rows, or its row groups'),
    other than those holding a table, carry official labels of the report's tables."""
    cells = _OWN_CELLS_XPATH(table)
    assert isinstance(cells, list)
    return _two_labels(
        _collapse("".join(str(piece) for piece in cell.itertext())).strip(_PARAGRAPH_STRIP)
        for cell in cells
        if isinstance(cell, etree._Element) and next(cell.iterdescendants("table"), None) is None
    )


_OWN_CELLS_XPATH = etree.XPath("./tr/td | ./tr/th | ./*/tr/td | ./*/tr/th")


def _is_heading(block: _RawBlock) -> bool:
    """Whether ``block`` is a section heading, or starts with one that runs into its text
    (``<p><strong>一、总体情况</strong>2024年……</p>``)."""
    return isinstance(block, _RawParagraph) and section_heading(block.text) is not None


def _title_like(text: str, strict: bool) -> bool:
    if "。" in text:
        return False  # a sentence (NFKC keeps "。"): prose is skipped before normalizing it
    squashed = "".join(nfkc(text).split())
    if len(squashed) > 70 or "。" in squashed or "报告" not in squashed:
        return False
    return not strict or "信息公开" in squashed


def _common_path(paths: list[str]) -> str:
    # commonprefix compares any sequences: here lists of steps, not characters.
    return "/".join(os.path.commonprefix([path.split("/") for path in paths]))  # noqa: RUF071


def _select(blocks: list[_RawBlock], notes: list[_Note]) -> tuple[list[_RawBlock], int]:
    """The blocks of the report's content container (see the module docstring, 5), and
    how many section headings and report tables (its anchors) the page has."""
    anchors = [
        block.path
        for block in blocks
        if _is_heading(block) or (isinstance(block, _RawTable) and _is_report_table(block))
    ]
    if len(anchors) < 2:
        return blocks, len(anchors)
    container = _common_path(anchors)
    below = container + "/"
    chosen = [block for block in blocks if block.path.startswith(below) or block.path == container]
    if len(chosen) == len(blocks):
        return blocks, len(anchors)
    first = blocks.index(chosen[0])
    dropped = len(blocks) - len(chosen)
    notes.append(
        (
            "html.outside-content",
            f"{dropped} block(s) of the page outside the report's content container "
            "(site header, menus, footer) were left out",
            _loc(container),
        )
    )
    heading_at = next((i for i, block in enumerate(chosen) if _is_heading(block)), len(chosen))
    has_title = any(
        isinstance(block, _RawParagraph) and _title_like(block.text, strict=False)
        for block in chosen[:heading_at]
    )
    if not has_title:
        title = _title_before(blocks[:first])
        if title:
            chosen[:0] = title
            notes.append(
                (
                    "html.title-outside-content",
                    "the title was taken from beside the report's content container",
                    _loc(title[0].path),
                )
            )
    return chosen, len(anchors)


def _title_before(blocks: list[_RawBlock]) -> list[_RawParagraph]:
    """The nearest title-like element among the paragraphs before the content container.

    A title broken by ``<br>`` (``<h1>某镇人民政府<br>2024年…年度报告</h1>``) is several
    lines of one element: they are judged, and taken, together, unless one of them names
    a field; failing that, a single line of the element may be the title.
    """
    runs: list[list[_RawParagraph]] = []  # consecutive lines of one element, nearest first
    looked = 0
    joins = False
    for block in reversed(blocks):
        if not isinstance(block, _RawParagraph):
            joins = False
            continue
        looked += 1
        if looked > TITLE_LOOKBACK:
            break
        if joins and runs[-1][0].path == block.path:
            runs[-1].insert(0, block)
        else:
            runs.append([block])
        joins = True
    for run in runs:
        # A line naming a field (来源：, 发布时间：) is page furniture, never part of a title.
        whole = len(run) > 1 and all(line.plain and not _FIELD_RE.search(line.text) for line in run)
        if whole and _title_like("".join(line.text for line in run), strict=True):
            return run
        for line in reversed(run):
            if line.plain and _title_like(line.text, strict=True):
                return [line]
    return []


# -- documents the page links to -------------------------------------------------------

#: Extensions of the documents a report is published in, besides web pages (OFD is the
#: Chinese standard for fixed-layout electronic documents).
_DOCUMENT_EXTENSIONS = (".pdf", ".doc", ".docx", ".wps", ".ofd")
#: Most attached documents named in one note.
MAX_ATTACHED_NAMED = 5
_ATTACHED_XPATH = etree.XPath(
    "//body//a[@href] | //body//iframe[@src] | //body//embed[@src] | //body//object[@data]"
)


def _note_attached_documents(root: etree._Element, notes: list[_Note]) -> None:
    """Note the documents (PDF, Word, WPS, OFD) the page links to or frames."""
    found: dict[str, etree._Element] = {}  # URL -> the first element naming it
    elements = _ATTACHED_XPATH(root)
    assert isinstance(elements, list)
    for element in elements:
        assert isinstance(element, etree._Element)
        url = (element.get("href") or element.get("src") or element.get("data") or "").strip()
        # The file name's extension, before any query or fragment.
        name = url.split("#", 1)[0].split("?", 1)[0].lower()
        if name.endswith(_DOCUMENT_EXTENSIONS) and url not in found:
            found[url] = element
    if not found:
        return
    urls = list(found)
    listed = ", ".join(urls[:MAX_ATTACHED_NAMED]) + (" …" if len(urls) > MAX_ATTACHED_NAMED else "")
    notes.append(
        (
            "html.attached-document",
            f"links to {len(urls)} document(s) that may hold the report: {listed} "
            "(download it and parse that)",
            _loc(_path_of(found[urls[0]])),
        )
    )


def _path_of(element: etree._Element) -> str:
    """``element``'s path as the walk writes it: the root and ``body`` unnumbered."""
    steps: list[str] = []
    node = element
    while (parent := node.getparent()) is not None:
        tag = str(node.tag)
        if tag == "body" and parent.getparent() is None:
            steps.append(tag)
        else:
            number = 1 + sum(
                1 for sibling in node.itersiblings(preceding=True) if sibling.tag == tag
            )
            steps.append(_xpath_safe(f"{tag}[{number}]"))
        node = parent
    steps.append(str(node.tag))
    return "/" + "/".join(reversed(steps))


# -- the reader ---------------------------------------------------------------------


def _build(chosen: list[_RawBlock], renumbered: dict[int, int]) -> list[Block]:
    """The blocks chosen, their tables numbered among the tables yielded; ``renumbered``
    gets each table's number in the walk (among all the page's data tables) mapped to it."""
    blocks: list[Block] = []
    tables = 0
    for raw in chosen:
        if isinstance(raw, _RawParagraph):
            blocks.append(Paragraph(text=raw.text, location=_loc(_xpath_safe(raw.path))))
            continue
        index = tables
        tables += 1
        renumbered[raw.index] = index
        if raw.index != index:
            # A data table before this one was outside the report: number it anew. The
            # cells were built by this reader a moment ago and nothing else holds them.
            base = Location(carrier="html", table=index)
            for row in raw.rows:
                for cell in row:
                    cell.base = base
        location = _loc(_xpath_safe(raw.path), table=index)
        blocks.append(Table(rows=tuple(raw.rows), location=location))
    return blocks


def _note_located(note: _Note, renumbered: dict[int, int]) -> _Note:
    """``note`` with its path safe for ``xpath()`` and its table numbered as yielded."""
    code, message, where = note
    if where is None:
        return note
    if where.path is not None and ":" in where.path:
        where = attrs.evolve(where, path=_xpath_safe(where.path))
    if where.table is not None and renumbered.get(where.table) != where.table:
        # Numbered in the walk, before the tables outside the report were dropped: a
        # note at a cell must name the table the document yields, and a note about a
        # table not yielded names none (its path still says where it is).
        where = attrs.evolve(where, table=renumbered.get(where.table))
    return code, message, where


def read_html(data: bytes | str, *, charset: str | None = None) -> Document:
    """Read an HTML page into the intermediate representation.

    ``data`` is the page's bytes (the encoding is found as the module docstring
    says) or its already decoded text. ``charset`` is the page's encoding as declared
    where it came from (an HTTP header, a MIME part), which goes before the page's own
    declaration; the bytes are still checked against it. CJK radicals standing for ideographs are read
    as the ideographs (see :mod:`govinfo_report.readers._cjk`). Raises
    :class:`ReportError` for input that is not a readable page.
    """
    notes: list[_Note] = []
    if isinstance(data, str):
        _check_text(data)
        markup = data.encode("utf-8", errors="replace")
        encoding: str | None = None
    else:
        if len(data) > MAX_INPUT_BYTES:
            raise ReportError(
                f"the page is {len(data)} bytes long, over the limit of {MAX_INPUT_BYTES}"
            )
        markup, encoding = _decode(data, notes, charset)
    if len(markup) > MAX_INPUT_BYTES:
        raise ReportError(f"the page is over the limit of {MAX_INPUT_BYTES} bytes")
    root = _parse(markup, notes)
    apply_stylesheets(root, notes)
    body = root.find("body")
    may_hide, may_colour = _may_hide(markup)
    walker = _Walker(notes, may_hide, bool(_HAS_ROW_TEXT(root)), may_colour)
    if body is None:
        walker.walk(root, "/" + str(root.tag), walker.flow, 1, False)
    else:
        walker.walk(body, f"/{root.tag}/body", walker.flow, 2, False)
    walker.flow.end()
    if walker.hidden:
        notes.append(
            (
                "html.hidden",
                f"{walker.hidden} hidden element(s) (display:none or visibility:hidden) were skipped",
                None,
            )
        )
    if walker.layout_tables:
        notes.append(
            (
                "html.layout-table",
                f"{walker.layout_tables} layout table(s) holding tables were read as "
                "running content",
                None,
            )
        )
    chosen, anchors = _select(walker.blocks, notes)
    if not anchors:
        # No section heading and no report table: the report may be a document the page
        # only links to or shows in a frame, as many sites publish it.
        _note_attached_documents(root, notes)
    renumbered: dict[int, int] = {}
    blocks = _build(chosen, renumbered)
    notes = [_note_located(note, renumbered) for note in notes]
    document = Document(blocks=tuple(blocks), carrier="html", encoding=encoding, notes=tuple(notes))
    # Radicals standing for ideographs (see _cjk) are looked for once, in the page as UTF-8,
    # whatever it came in: for a GB page, or a page given as text, that is one search over
    # bytes instead of one over every block (or a slower one over the text).
    return fold_radicals(document) if may_hold_radicals(markup) else document
