"""DOCX reader (not yet written)."""

from __future__ import annotations

from govinfo_report._errors import ReportError
from govinfo_report._ir import Document

__all__ = ["read_docx"]


def read_docx(data: bytes | str) -> Document:
    """Read a DOCX document into the intermediate representation."""
    raise ReportError("reading DOCX documents is not supported yet")
