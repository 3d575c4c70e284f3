"""The entry point: ``parse(source)``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import IO

from govinfo_report._errors import ReportError
from govinfo_report._recognize import recognize
from govinfo_report.model import Report, Severity
from govinfo_report.readers import Carrier, read_bytes, read_str

__all__ = ["Source", "parse"]

Source = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]

_SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".docx", ".doc", ".wps", ".pdf", ".xml")
#: Longest string that is still taken for a path rather than a document.
_MAX_PATH = 1024


def _read_path(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise ReportError("no such file", str(path)) from None
    except IsADirectoryError:
        raise ReportError("this is a folder, not a file", str(path)) from None
    except OSError as exc:
        raise ReportError(f"the file cannot be read: {exc.strerror or exc}", str(path)) from None


def _read_file(source: object) -> bytes | str:
    try:
        data = source.read()  # type: ignore[attr-defined]
    except OSError as exc:
        raise ReportError(f"the file cannot be read: {exc.strerror or exc}") from None
    if isinstance(data, bytearray):
        data = bytes(data)
    if not isinstance(data, (bytes, str)):
        raise ReportError(f"the file object's read() gave {type(data).__name__}, not bytes or text")
    return data


def _looks_like_path(text: str) -> bool:
    if "\n" in text or len(text) > _MAX_PATH or not text.strip():
        return False
    try:
        if os.path.isfile(text):
            return True
    except (OSError, ValueError):
        return False
    return text.lower().rstrip().endswith(_SUFFIXES)


def parse(source: Source, *, carrier: Carrier | None = None, strict: bool = False) -> Report:
    """Parse an annual report on government information disclosure.

    ``source`` is a path (``str`` or ``os.PathLike``), the document's text
    (``str``), its bytes, or a binary file object. The carrier (plain text,
    HTML, DOCX, PDF) is recognized from the content; ``carrier`` forces one.
    With ``strict=True`` a report whose diagnostics hold an error raises
    instead of being returned.

    Returns a frozen :class:`~govinfo_report.model.Report`. Raises
    :class:`~govinfo_report.ReportError` (a ``ValueError``) saying where the
    problem is, and nothing else: any other exception would be a bug. An
    argument of another type (not a document at all) is a ``TypeError``.
    """
    where: str | None = None
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        where = os.fsdecode(source)
    elif not isinstance(source, (str, bytes, bytearray, memoryview)) and not hasattr(
        source, "read"
    ):
        # A wrong argument is the caller's bug, not a bad document: say so plainly.
        raise TypeError(
            f"parse() takes a path, text, bytes or a binary file, not {type(source).__name__}"
        )
    try:
        if where is not None:
            document = read_bytes(_read_path(Path(where)), carrier=carrier)
        elif isinstance(source, str):
            document = read_str(source, carrier=carrier)
        elif isinstance(source, (bytes, bytearray, memoryview)):
            document = read_bytes(bytes(source), carrier=carrier)
        else:
            data = _read_file(source)
            if isinstance(data, str):
                document = read_str(data, carrier=carrier)
            else:
                document = read_bytes(bytes(data), carrier=carrier)
        report = recognize(document)
    except ReportError as exc:
        if where is not None and exc.where == "whole input":
            raise ReportError(exc.reason, where) from None
        raise
    except RecursionError:
        raise ReportError(
            "the document is nested too deeply to be read", where or "whole input"
        ) from None
    except Exception as exc:  # the contract: only ReportError leaves parse()
        raise ReportError(
            f"internal error while reading the document ({type(exc).__name__}: {exc}); "
            "this is a bug in govinfo_report, please report it",
            where or "whole input",
        ) from exc
    if strict:
        errors = [d for d in report.diagnostics if d.severity is Severity.ERROR]
        if errors:
            first = errors[0]
            raise ReportError(
                f"{len(errors)} error(s) in the report, first: {first.message}",
                first.location or where or "whole input",
            )
    return report
