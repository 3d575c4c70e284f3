"""PDFs from a real producer: Word files exported by LibreOffice, read to their values.

The corpus PDFs are drawn by one program; reports in the wild come from office suites.
LibreOffice's export (stroked rulings, its own font subsets and text runs) of the corpus
Word files must give every value of the seed, with no doubt; its export of synthetic
Word files with every kind of markup noise must give back every value they were written
with (tracked changes, which it prints, and rows it lets break across pages included).
Needs LibreOffice (Debian's ``libreoffice-writer-nogui``) and a CJK font on the machine;
skips without them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

import govinfo_report
from govinfo_report.synth import SyntheticReport, consistent_example
from govinfo_report.synth.docx import DocxNoise, render_docx
from tests.office import OFFICE, convert
from tests.shared import (
    assert_no_silent_wrong_value,
    assert_round_trip_values,
    compare_with_label,
    has_chinese_font,
    seed_label,
    shared_dir,
)
from tests.strategies import docx_noises, drawn_reports, one_draw

pytestmark = [
    pytest.mark.skipif(OFFICE is None, reason="no LibreOffice on this machine"),
    pytest.mark.skipif(
        OFFICE is not None and not has_chinese_font(),
        reason="no Chinese font on this machine: LibreOffice would print the text as empty boxes",
    ),
]


def _export(sources: list[Path], folder: Path) -> list[Path]:
    """``sources`` exported to PDF by LibreOffice into ``folder``, in the same order."""
    return convert(sources, folder, "pdf")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    sources = sorted(shared_dir("corpus").glob("seed*.docx"))
    return _export(sources, tmp_path_factory.mktemp("libreoffice"))


_BODIES = (
    "青禾镇人民政府",
    "松岭县交通运输局",
    "河湾街道办事处",
    "石桥乡人民政府",
    "柳溪区市场监督管理局",
)


def test_noisy_synthetic_word_files_exported_read_back_exactly(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Word markup noise as LibreOffice prints it: tracked changes shown (the old value
    # struck through beside the new one), label cells padded with empty lines (rows cut
    # by page breaks, the label going over whole), header rows repeated and clipped.
    folder = tmp_path_factory.mktemp("libreoffice-synthetic")
    reports = [consistent_example(body, 2021 + n % 4) for n, body in enumerate(_BODIES)]
    sources = []
    for n, report in enumerate(reports):
        source = folder / f"synthetic{n}.docx"
        source.write_bytes(render_docx(report, noise=DocxNoise.all(), seed=n))
        sources.append(source)
    for report, pdf in zip(reports, _export(sources, folder), strict=True):
        parsed = govinfo_report.parse(pdf)
        assert_round_trip_values(parsed, report, "pdf")
        assert not [d for d in parsed.diagnostics if d.code.startswith("missing.")], pdf.name
        assert any(d.code == "repair.pdf-struck-text" for d in parsed.diagnostics), pdf.name


def test_libreoffice_exports_read_to_their_labels(exported: list[Path]) -> None:
    for pdf in exported:
        report = govinfo_report.parse(pdf)
        assert report.carrier == "pdf"
        label = seed_label(pdf.stem.removeprefix("seed"))
        assert compare_with_label(report.to_dict(), label) == [], pdf.name
        doubts = [d for d in report.diagnostics if d.code.startswith(("doubt.", "missing."))]
        assert doubts == [], pdf.name


@one_draw
@given(
    drawn_reports(
        docx_noises(),
        8,
        consistent=False,
    )
)
def test_arbitrary_synthetic_word_files_exported_give_no_silent_wrong_value(
    tmp_path_factory: pytest.TempPathFactory, drawn: list[tuple[SyntheticReport, DocxNoise, int]]
) -> None:
    # Any values (large ones wrap in their narrow cells, negative ones, markers, blanks)
    # with any markup noise: a value may be missing or doubtful, never silently wrong.
    folder = tmp_path_factory.mktemp("libreoffice-arbitrary")
    sources = []
    for n, (report, noise, seed) in enumerate(drawn):
        source = folder / f"arbitrary{n}.docx"
        source.write_bytes(render_docx(report, noise=noise, seed=seed))
        sources.append(source)
    for (report, _, _), pdf in zip(drawn, _export(sources, folder), strict=True):
        assert_no_silent_wrong_value(govinfo_report.parse(pdf), report, pdf.name)
