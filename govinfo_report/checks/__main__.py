"""``python -m govinfo_report.checks --markdown``: print docs/rules.md from the rule declarations."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence

from govinfo_report.checks._docs import markdown
from govinfo_report.cli import _Parser  # a usage error exits 64, as govinfo-report's does


def main(argv: Sequence[str] | None = None) -> int:
    """Print the rules as Markdown (the text of docs/rules.md)."""
    parser = _Parser(
        prog="python -m govinfo_report.checks",
        description="List the reviewer's rules. Exit status: 0 printed, 64 a usage error.",
    )
    parser.add_argument(
        "--markdown", action="store_true", required=True, help="print docs/rules.md"
    )
    parser.parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        # The text is docs/rules.md, a UTF-8 file: an ASCII or GBK console's encoding made a
        # UnicodeEncodeError (or a file in another encoding) of ``> docs/rules.md``.
        sys.stdout.reconfigure(encoding="utf-8")
    sys.stdout.write(markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
