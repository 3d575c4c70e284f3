"""HTML reader (not yet written)."""

from __future__ import annotations

from govinfo_report._errors import ReportError
from govinfo_report._ir import Document

__all__ = ["read_html"]


def read_html(data: bytes | str) -> Document:
    """Read a HTML document into the intermediate representation."""
    raise ReportError("reading HTML documents is not supported yet")
