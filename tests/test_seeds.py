"""The five seed reports parse to exactly their labels, every value, null included."""

from __future__ import annotations

from pathlib import Path

import pytest

import govinfo_report
from govinfo_report import CellKind, Severity
from tests.shared import compare_with_label, seed_files, seed_label, shared_dir

SEEDS = seed_files()


def test_seed_folder_is_found() -> None:
    folder = shared_dir("seeds")
    assert len(list(folder.glob("*.txt"))) == 5, "expected the five seed reports"


@pytest.mark.parametrize("path", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_seed_matches_label(path: Path) -> None:
    report = govinfo_report.parse(path)
    label = seed_label(path.name[:3])
    assert compare_with_label(report.to_dict(), label) == []
    assert report.format == label["format"]


@pytest.mark.parametrize("path", SEEDS, ids=[p.name[:3] for p in SEEDS])
def test_seed_parses_from_text_bytes_and_file(path: Path) -> None:
    data = path.read_bytes()
    from_path = govinfo_report.parse(path).to_dict()
    from_str_path = govinfo_report.parse(str(path)).to_dict()
    from_text = govinfo_report.parse(data.decode("utf-8")).to_dict()
    from_bytes = govinfo_report.parse(data).to_dict()
    with path.open("rb") as handle:
        from_file = govinfo_report.parse(handle).to_dict()
    for other in (from_str_path, from_text, from_bytes, from_file):
        assert other["applications"] == from_path["applications"]
        assert other["organization"] == from_path["organization"]
    assert from_bytes["encoding"] == "utf-8"


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_seed_in_other_encodings(encoding: str) -> None:
    path = SEEDS[3] if SEEDS else pytest.skip("seeds absent")
    text = path.read_text(encoding="utf-8")
    report = govinfo_report.parse(text.encode(encoding))
    assert report.encoding == encoding
    assert compare_with_label(report.to_dict(), seed_label("003")) == []


def test_seed_002_blank_cells_are_blank_not_zero() -> None:
    (path,) = [p for p in SEEDS if p.name.startswith("002")] or [pytest.skip("seeds absent")]
    report = govinfo_report.parse(path)
    fee = report.active.cell("fees", "amount")
    assert fee.kind is CellKind.BLANK and fee.value is None
    total = report.applications.row("total_processed")
    assert [c.kind for c in total] == [CellKind.BLANK] * 7
    # Each blank cell says where it is: the "（七）总计" row sits on lines 346-352.
    assert [c.location.line for c in total if c.location] == list(range(346, 353))
    assert report.metadata.period_start is not None
    assert report.section("applications").heading == "3、 收到和处理政府信息公开申请情况"


def test_seed_001_year_from_prose_is_reported() -> None:
    (path,) = [p for p in SEEDS if p.name.startswith("001")] or [pytest.skip("seeds absent")]
    report = govinfo_report.parse(path)
    assert report.metadata.year == 2023
    assert report.metadata.year_source == "prose"
    assert any(d.code == "meta.year-from-prose" for d in report.diagnostics)


def test_seed_004_signature_date_and_lost_section_number() -> None:
    (path,) = [p for p in SEEDS if p.name.startswith("004")] or [pytest.skip("seeds absent")]
    report = govinfo_report.parse(path)
    assert report.section("problems").heading == "存在的主要问题及改进情况"
    assert str(report.metadata.published) == "2025-01-08"
    assert not [d for d in report.diagnostics if d.severity is Severity.ERROR]


def test_seed_003_contact() -> None:
    (path,) = [p for p in SEEDS if p.name.startswith("003")] or [pytest.skip("seeds absent")]
    contact = govinfo_report.parse(path).metadata.contact
    assert contact.postcode == "256102"
    assert contact.website is None


def test_reprs_summarize() -> None:
    (path,) = [p for p in SEEDS if p.name.startswith("002")] or [pytest.skip("seeds absent")]
    report = govinfo_report.parse(path)
    assert repr(report).startswith("<Report 大安市叉干镇综合服务中心 2024 (2021 format, text): 6/6")
    assert repr(report.applications) == "<TableData 'applications': 25 rows, 7 blank, 168 number>"
