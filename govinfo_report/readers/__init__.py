"""Readers: one per carrier, each producing the intermediate representation.

The carrier is chosen by content (magic bytes, markup), never by file name
alone. Readers for HTML, DOCX and PDF are imported only when needed.
"""

from __future__ import annotations

import codecs
import re
from typing import Literal

import attrs

from govinfo_report._errors import ReportError
from govinfo_report._ir import Document
from govinfo_report.readers._cjk import fold_radicals, may_hold_radicals

__all__ = ["Carrier", "decode_text", "read_bytes", "read_str", "sniff"]

Carrier = Literal["text", "html", "docx", "pdf"]

_HTML_STR_RE = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|table|meta|div|p)[\s>]", re.I)
_HTML_RE = re.compile(_HTML_STR_RE.pattern.encode("ascii"), re.I)
#: The stream of an encrypted (password-protected) OOXML package, as the OLE directory
#: names it (UTF-16-LE): such an OLE file is a locked .docx, not a .doc.
_ENCRYPTED_OOXML = "EncryptedPackage".encode("utf-16-le")
#: Streams that name the Office program of an OLE file other than Word (UTF-16-LE).
_OLE_PROGRAMS = (
    ("Workbook".encode("utf-16-le"), "an Excel workbook (.xls)"),
    ("PowerPoint Document".encode("utf-16-le"), "a PowerPoint presentation (.ppt)"),
)
# A web page saved as a single file (MHTML, .mht/.mhtml): a MIME message whose headers
# come first and which is multipart/related.
_MIME_HEADER_RE = re.compile(
    rb"^(?:From|MIME-Version|Content-Type|Subject|Date|Snapshot-Content-Location|X-[\w-]+):", re.I
)
#: Control characters other than tab, newline, carriage return and form feed.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Half of a UTF-16 surrogate pair alone is no character: text decoded with
# errors="surrogateescape" holds one for each byte it could not decode.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def sniff(data: bytes) -> str:
    """Name the carrier of ``data`` from its first bytes."""
    head = data[:2048]
    if head.startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if _MIME_HEADER_RE.match(head.lstrip()) and b"multipart/related" in data[:8192].lower():
        return "mhtml"
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            text = head[2:].decode(codec, errors="ignore")
            return "html" if _HTML_STR_RE.search(text[:1024]) else "text"
    if _HTML_RE.search(head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1024]):
        return "html"
    return "text"


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode text bytes: a BOM first, then strict UTF-8, then GB18030.

    GB18030 is a superset of GBK and GB2312, so it covers the legacy Chinese
    encodings in one step. Returns (text, encoding name).
    """
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        if b"\x00" in data:
            raise ReportError(
                "binary data: the input holds NUL bytes and is not a known document format"
            )
        candidates = ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, encoding
    raise ReportError(
        "the text is neither UTF-8 (with or without BOM), UTF-16 with BOM, nor GB18030/GBK"
    )


def _check_text(text: str) -> None:
    controls = _CONTROL_RE.findall(text[:65536])
    if len(controls) > max(8, len(text[:65536]) // 100):
        raise ReportError("binary data: the input is full of control characters, not text")
    surrogate = _SURROGATE_RE.search(text)
    if surrogate is not None:
        raise ReportError(
            f"the text holds a lone surrogate (U+{ord(surrogate.group()):04X}), which is no "
            "character: it was decoded with errors='surrogateescape', or is damaged; give "
            "the file's bytes instead, and the encoding is found",
            f"line {text.count(chr(10), 0, surrogate.start()) + 1}",
        )


def read_str(text: str, *, carrier: Carrier | None = None) -> Document:
    """Read an already decoded document (plain text or HTML markup)."""
    if carrier is None:
        carrier = "html" if _HTML_STR_RE.search(text[:2048]) else "text"
    if carrier == "html":
        from govinfo_report.readers.html import read_html

        return read_html(text)  # which reads CJK radicals as ideographs itself
    if carrier != "text":
        raise ReportError(f"a {carrier} document must be given as bytes, not as text")
    _check_text(text)
    from govinfo_report.readers.text import read_text

    return _folded(read_text(text), text)


def _folded(document: Document, source: bytes | str | None = None) -> Document:
    """``document`` with CJK radicals read as the ideographs they stand for (see ``_cjk``).

    ``source``, the input as text or as bytes the reader found to be UTF-8, is
    searched first, as one search over it costs less than one per block of text.
    """
    searchable = isinstance(source, str) or document.encoding in ("utf-8", "utf-8-sig")
    if source is not None and searchable and not may_hold_radicals(source):
        return document
    return fold_radicals(document)


def ole_message(data: bytes) -> str:
    """What to say of an old Office (OLE) file: which program's it is, and what to do."""
    for stream, what in _OLE_PROGRAMS:
        if stream in data[: 1 << 20] or stream in data[-(1 << 16) :]:
            return f"this is {what}, not a report document; a report is a Word, PDF or web page"
    return (
        "this is an old binary Word (.doc) or WPS (.wps) file, which cannot be read; "
        "save it as .docx (or PDF) in Word, WPS or LibreOffice and parse that"
    )


def _read_mhtml(data: bytes) -> Document:
    """A web page saved as a single file (MHTML): its page, read as HTML."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() != "text/html":
            continue
        page = part.get_payload(decode=True)
        if not isinstance(page, bytes) or not page.strip():
            continue
        from govinfo_report.readers.html import read_html

        # The part's charset goes before the page's <meta>, checked like it: decoded
        # here, a GB2312 part holding GBK characters fell back to detection, and the
        # report did not say which encoding it was read in.
        document = read_html(page, charset=part.get_content_charset())
        note = ("repair.mhtml", "the web page was read out of an MHTML archive (.mht)", None)
        return attrs.evolve(document, notes=(note, *document.notes))
    raise ReportError("this MHTML archive (.mht) holds no web page to read")


def read_bytes(data: bytes, *, carrier: Carrier | None = None) -> Document:
    """Read a document from its bytes, choosing the reader by content."""
    if not data or data.isspace():  # not strip(): that would copy a large file
        raise ReportError("the input is empty")
    kind = carrier or sniff(data)
    if kind == "ole" and _ENCRYPTED_OOXML not in data:
        raise ReportError(ole_message(data))
    if kind == "mhtml":
        return _read_mhtml(data)
    if kind == "rtf":
        raise ReportError("RTF documents are not supported; save the file as .docx and parse that")
    if kind in ("zip", "docx", "ole"):  # an "ole" here is an encrypted .docx, which it reports
        from govinfo_report.readers.docx import read_docx

        return _folded(read_docx(data))
    if kind == "pdf":
        from govinfo_report.readers.pdf import read_pdf

        return _folded(read_pdf(data))
    if kind == "html":
        from govinfo_report.readers.html import read_html

        return read_html(data)  # which reads CJK radicals as ideographs itself
    text, encoding = decode_text(data)
    _check_text(text)
    from govinfo_report.readers.text import read_text

    return _folded(read_text(text, encoding=encoding), data)
