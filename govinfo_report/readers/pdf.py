"""PDF reader (not yet written)."""

from __future__ import annotations

from govinfo_report._errors import ReportError
from govinfo_report._ir import Document

__all__ = ["read_pdf"]


def read_pdf(data: bytes | str) -> Document:
    """Read a PDF document into the intermediate representation."""
    raise ReportError("reading PDF documents is not supported yet")
