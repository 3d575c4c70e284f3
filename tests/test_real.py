"""Real crawled reports (../shared/real): never a wrong number.

Crawled texts glue table cells together, and some use the 2019 or older formats.
Until they are read in full, parse() must give either the documented error or a
Report whose every number agrees with the hand-checked label; anything else it
cannot read must be missing and said so in the diagnostics.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import govinfo_report
from govinfo_report import CellKind, ReportError, Severity
from tests.shared import SHARED, shared_dir

REAL = sorted((SHARED / "real").glob("*.txt")) if (SHARED / "real").is_dir() else []


def _label(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (shared_dir("real", "labels") / f"{path.stem}.json").read_text(encoding="utf-8")
    )
    return data


def _label_value(label: dict[str, Any], cell: govinfo_report.Cell) -> object:
    table = label.get(cell.table)
    if table is None or cell.row not in table:
        return "absent"
    value = table[cell.row]
    if isinstance(value, list):
        columns = {"applications": 7, "review_litigation": 5}
        keys = (
            [
                "natural_person",
                "commercial",
                "research",
                "social_org",
                "legal_service",
                "other",
                "total",
            ]
            if cell.table == "applications"
            else ["maintained", "corrected", "other", "pending", "total"]
        )
        assert len(value) == columns[cell.table]
        return value[keys.index(cell.column)]
    if isinstance(value, dict):
        return value.get(cell.column, "absent")
    return value


def test_real_folder_is_found() -> None:
    assert len(list(shared_dir("real").glob("*.txt"))) >= 6


@pytest.mark.parametrize("path", REAL, ids=[p.stem for p in REAL])
def test_real_report_never_gives_a_wrong_number(path: Path) -> None:
    label = _label(path)
    try:
        report = govinfo_report.parse(path)
    except ReportError as exc:
        assert "internal error" not in str(exc)
        return
    if label.get("organization"):
        assert report.metadata.organization == label["organization"]
    if label.get("year"):
        assert report.metadata.year == label["year"]
    numbers = [c for c in report.cells() if c.kind is CellKind.NUMBER]
    for cell in numbers:
        if label.get("format") == "2021":
            assert _label_value(label, cell) == cell.value, (cell.table, cell.row, cell.column)
        else:
            pytest.fail(f"a {label.get('format')} report must not yield 2021-format numbers")
    unread = [c for c in report.cells() if c.kind is CellKind.MISSING]
    if unread:
        assert any(
            d.severity is Severity.ERROR and d.code.startswith(("missing.", "doubt."))
            for d in report.diagnostics
        )


def test_old_report_is_not_passed_off_as_2021_format() -> None:
    (path,) = [p for p in REAL if p.stem == "006"] or [pytest.skip("real reports absent")]
    report = govinfo_report.parse(path)
    codes = {d.code for d in report.diagnostics if d.severity is Severity.WARNING}
    assert {"doubt.format", "doubt.format-year"} <= codes
    assert not [c for c in report.cells() if c.kind is CellKind.NUMBER]
