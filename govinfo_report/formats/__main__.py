"""Write docs/format-<version>.md for every format: ``python -m govinfo_report.formats [DIR]``."""

from __future__ import annotations

import sys
from pathlib import Path

from govinfo_report.formats import FORMATS
from govinfo_report.formats._docs import format_markdown


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else Path("docs")
    folder.mkdir(parents=True, exist_ok=True)
    for version, spec in FORMATS.items():
        path = folder / f"format-{version}.md"
        path.write_text(format_markdown(spec) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
