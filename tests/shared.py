"""Access to ../shared (seeds, corpus, real reports): evidence, read in place, never copied."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import govinfo_report
from govinfo_report import Cell, CellKind, Report
from govinfo_report.synth import SyntheticReport

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"

#: The system's Chromium (Debian's ``chromium``, which ``.ci/run`` installs when it can),
#: or ``None``: the tests that need a browser skip without it.
CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)


def print_with_chromium(page: Path, pdf: Path, profile: Path, header_footer: bool = False) -> None:
    """Print the web page ``page`` to ``pdf`` with the system's Chromium, as "Save as PDF"
    does (without the browser's running header and footer unless ``header_footer``)."""
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            *([] if header_footer else ["--no-pdf-header-footer"]),
            f"--user-data-dir={profile}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )


def has_chinese_font() -> bool:
    """Whether fontconfig knows a Chinese font: without one, Chromium and LibreOffice print
    Chinese text as empty boxes."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return False
    found = subprocess.run([fc_list, ":lang=zh", "family"], capture_output=True, text=True)
    return bool(found.stdout.strip())


#: The value fields of a label file, compared by equality with Report.to_dict().
LABEL_FIELDS = (
    "organization",
    "year",
    "published",
    "contact",
    "active",
    "applications",
    "review_litigation",
)


#: What a synthetic report's round trip compares: metadata, then the three tables.
ROUND_TRIP_FIELDS = ("format", "organization", "year", "published", "contact")
ROUND_TRIP_TABLES = ("active", "applications", "review_litigation")


def assert_round_trip_values(parsed: Report, report: SyntheticReport, carrier: str) -> None:
    """``parsed`` read back every metadata field and table value ``report`` was rendered with."""
    got, want = parsed.to_dict(), report.expected()
    for field in (*ROUND_TRIP_FIELDS, *ROUND_TRIP_TABLES):
        assert got[field] == want[field], field
    assert parsed.carrier == carrier


def shared_dir(*parts: str) -> Path:
    """A folder under ../shared, or skip the test with a clear message."""
    path = SHARED.joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"{path} is absent: the shared evidence folder is not beside the project")
    return path


def seed_files() -> list[Path]:
    """The seed reports; empty when ../shared is absent (tests then skip)."""
    folder = SHARED / "seeds"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def seed_label(seed_id: str) -> dict[str, Any]:
    """The label of seed NNN (``"002"``)."""
    (path,) = shared_dir("seeds", "labels").glob(f"{seed_id}_*.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def parse_corpus_file(path: Path, carrier: str) -> Report:
    """Parse ``../shared/corpus/seedNNN.*`` and assert it gives its seed's label, every value."""
    report = govinfo_report.parse(path)
    label = seed_label(path.stem.removeprefix("seed"))
    assert report.carrier == carrier
    assert compare_with_label(report.to_dict(), label) == []
    assert report.format == label["format"]
    return report


def compare_with_label(export: dict[str, Any], label: dict[str, Any]) -> list[str]:
    """Differences between an export and a label, one line each."""
    problems = []
    for field in LABEL_FIELDS:
        got, want = export.get(field), label.get(field)
        if got == want:
            continue
        if isinstance(got, dict) and isinstance(want, dict):
            for key in sorted(set(got) | set(want)):
                if got.get(key) != want.get(key):
                    problems.append(f"{field}.{key}: got {got.get(key)!r}, want {want.get(key)!r}")
        else:
            problems.append(f"{field}: got {got!r}, want {want!r}")
    return problems


def _flat(
    value: object, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], object]]:
    """Every leaf of a ``to_dict()`` table value, by its path (row key, column)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flat(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _flat(item, (*path, index))
    else:
        yield path, value


def _cell(report: Report, table: str, path: tuple[str | int, ...]) -> Cell:
    row, *column = path
    assert isinstance(row, str)
    data = report.table(table)
    if not column:
        return data.row(row)[0]
    if isinstance(column[0], int):
        return data.row(row)[column[0]]
    return data.cell(row, column[0])


def assert_no_silent_wrong_value(parsed: Report, report: SyntheticReport, name: str) -> None:
    """Every table value of ``parsed`` is ``report``'s, or missing, or flagged doubtful."""
    got, want = parsed.to_dict(), report.expected()
    for table in ROUND_TRIP_TABLES:
        values = dict(_flat(got[table]))
        for path, expected in _flat(want[table]):
            if values[path] != expected:
                cell = _cell(parsed, table, path)
                assert cell.kind is CellKind.MISSING or cell.doubtful, (name, table, path)
