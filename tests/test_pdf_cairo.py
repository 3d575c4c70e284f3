"""PDFs printed again through cairo, read to their seeds' labels.

Linux prints to a file through cairo (GTK's "Print to File", Evince, pdftocairo), so a
report printed on a Linux desktop is a cairo PDF whatever made it first. cairo writes
the glyphs anew and converts the CJK fonts, and the converted fonts declare a descent of
a whole em: read as declared, every Chinese glyph sits a line lower than its digits.
Every corpus PDF printed so must still give every value of its seed, with no doubt.
Needs ``pdftocairo`` (Debian's ``poppler-utils``); skips without it. The fonts travel
inside the PDFs, so no font is needed on the machine.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

import govinfo_report
from tests.shared import compare_with_label, seed_label, shared_dir

_CAIRO = shutil.which("pdftocairo")
pytestmark = pytest.mark.skipif(_CAIRO is None, reason="no pdftocairo on this machine")


def test_corpus_pdfs_printed_through_cairo_read_to_their_labels(tmp_path: Path) -> None:
    assert _CAIRO is not None
    sources = sorted(shared_dir("corpus").glob("seed*.pdf"))
    assert sources
    for source in sources:
        printed = tmp_path / source.name
        subprocess.run(
            [_CAIRO, "-pdf", str(source), str(printed)],
            capture_output=True,
            timeout=120,
            check=True,
        )
        report = govinfo_report.parse(printed)
        label = seed_label(source.stem.removeprefix("seed"))
        assert compare_with_label(report.to_dict(), label) == [], source.name
        codes = [d.code for d in report.diagnostics]
        assert not [code for code in codes if code.startswith(("doubt.", "missing."))]
        # The printing is what the fix is for: cairo's fonts were seen to be broken.
        assert "repair.pdf-font-metrics" in codes, source.name
