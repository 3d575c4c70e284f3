"""``python -m govinfo_report check PATH...``: the command line (see :mod:`govinfo_report.cli`)."""

from __future__ import annotations

import sys

from govinfo_report.cli import main

if __name__ == "__main__":
    sys.exit(main())
