"""govinfo_report: read and check China's annual reports on government information disclosure.

>>> import govinfo_report
>>> report = govinfo_report.parse("report.docx")      # doctest: +SKIP
>>> report.applications.values("new_received")         # doctest: +SKIP
"""

from __future__ import annotations

from govinfo_report._errors import ReportError
from govinfo_report._location import Location
from govinfo_report._parse import Source, parse
from govinfo_report.model import (
    Cell,
    CellKind,
    Contact,
    Diagnostic,
    Metadata,
    Report,
    Section,
    Severity,
    TableData,
    TextBlock,
)

__all__ = [
    "Cell",
    "CellKind",
    "Contact",
    "Diagnostic",
    "Location",
    "Metadata",
    "Report",
    "ReportError",
    "Section",
    "Severity",
    "Source",
    "TableData",
    "TextBlock",
    "parse",
]

__version__ = "0.1.0.dev0"
