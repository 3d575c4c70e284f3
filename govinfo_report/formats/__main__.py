"""Write docs/format-<version>.md for every format: ``python -m govinfo_report.formats [DIR]``."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence
from pathlib import Path

from govinfo_report.cli import _Parser  # a usage error exits 64, as govinfo-report's does
from govinfo_report.formats import FORMATS
from govinfo_report.formats._docs import format_markdown


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m govinfo_report.formats",
        description="Write the description of every official format as Markdown, one file "
        "format-<version>.md per format, into DIR. Exit status: 0 written, 64 a usage error.",
    )
    parser.add_argument(
        "folder",
        nargs="?",
        default=Path("docs"),
        type=Path,
        metavar="DIR",
        help="the folder to write into, made if absent (default: docs)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Write docs/format-<version>.md (or into the folder given) for every format."""
    args = _parser().parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        # The folder's name is printed back: a console that cannot show it must not fail.
        sys.stdout.reconfigure(errors="backslashreplace")
    folder: Path = args.folder
    folder.mkdir(parents=True, exist_ok=True)
    for version, spec in FORMATS.items():
        path = folder / f"format-{version}.md"
        path.write_text(format_markdown(spec) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
