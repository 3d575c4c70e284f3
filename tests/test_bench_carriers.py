"""The carrier benchmark script still runs (one round); its timings are not judged here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.shared import shared_dir

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_carriers.py"


def test_benchmark_runs_in_quick_mode() -> None:
    shared = shared_dir("corpus").parent
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--quick", "--shared", str(shared)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("machine: ")
    rows = {line.split()[0]: line for line in lines[3:] if line and not line.startswith("(")}
    assert set(rows) == {"pdf", "docx", "html", "text"}
    for carrier, row in rows.items():
        # Each carrier is measured, or says why it was skipped; never a traceback.
        assert ("x " in row and ("met" in row or "MISSED" in row)) or "skipped:" in row, carrier
    # The HTML and text readers exist, so those two are always measured.
    assert "skipped" not in rows["html"] and "skipped" not in rows["text"]
