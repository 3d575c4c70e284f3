"""Official report formats, one declarative description per version.

``FORMATS`` maps a version ("2021") to its :class:`FormatSpec`. Adding a
format means adding a description module here, not writing a parser.
"""

from __future__ import annotations

from govinfo_report.formats._spec import (
    Column,
    FormatSpec,
    Group,
    Identity,
    Row,
    SectionSpec,
    TableSpec,
    ValueType,
)
from govinfo_report.formats.f2021 import FORMAT_2021

__all__ = [
    "FORMATS",
    "FORMAT_2021",
    "Column",
    "FormatSpec",
    "Group",
    "Identity",
    "Row",
    "SectionSpec",
    "TableSpec",
    "ValueType",
]

#: Every format this version of govinfo_report can read, by version string.
FORMATS: dict[str, FormatSpec] = {FORMAT_2021.version: FORMAT_2021}
