"""PDFs from a real producer: the corpus Word files exported by LibreOffice, read to their labels.

The corpus PDFs are drawn by one program; reports in the wild come from office suites.
LibreOffice's export (stroked rulings, its own font subsets and text runs) must give
every value of the seed, with no doubt. Needs LibreOffice (Debian's
``libreoffice-writer-nogui``) and a CJK font on the machine; skips without them.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import govinfo_report
from tests.shared import compare_with_label, seed_label, shared_dir

_OFFICE = next(
    (found for name in ("soffice", "libreoffice") if (found := shutil.which(name))), None
)
pytestmark = pytest.mark.skipif(_OFFICE is None, reason="no LibreOffice on this machine")


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    assert _OFFICE is not None
    sources = sorted(shared_dir("corpus").glob("seed*.docx"))
    folder = tmp_path_factory.mktemp("libreoffice")
    subprocess.run(
        [
            _OFFICE,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *map(str, sources),
        ],
        capture_output=True,
        timeout=300,
        check=True,
    )
    pdfs = sorted(folder.glob("seed*.pdf"))
    assert [pdf.stem for pdf in pdfs] == [source.stem for source in sources]
    return pdfs


def test_libreoffice_exports_read_to_their_labels(exported: list[Path]) -> None:
    for pdf in exported:
        report = govinfo_report.parse(pdf)
        assert report.carrier == "pdf"
        label = seed_label(pdf.stem.removeprefix("seed"))
        assert compare_with_label(report.to_dict(), label) == [], pdf.name
        doubts = [d for d in report.diagnostics if d.code.startswith(("doubt.", "missing."))]
        assert doubts == [], pdf.name
