"""Carrier benchmark: each reader's speed against a bare baseline, measured in one run.

For every carrier the same files are read by a baseline that does the least any
reader of that carrier must do, and by govinfo_report, both the reader alone
(bytes to the intermediate representation) and the whole ``parse()`` (reader plus
recognizer). Every timing includes reading the file from disk.

========  ===============================================  ===========================
carrier   baseline                                         goal (reader / baseline)
========  ===============================================  ===========================
pdf       pdfplumber: open, ``extract_tables()`` per page  faster (< 1x)
docx      zipfile + lxml walk of ``word/document.xml``     <= 2.5x
html      ``lxml.html`` parse + iteration over elements    <= 2x
text      read + ``splitlines()`` + one regex per line     <= 10x
========  ===============================================  ===========================

Files: ``../shared/corpus/seed*.{pdf,docx,html}`` and, for text, ``../shared/seeds/*.txt``.
A carrier whose reader is not implemented yet (its reader raises "not supported")
is skipped. This is a script, not a test: it prints a table and always exits 0
when it could run.

    python benchmarks/bench_carriers.py            # 15 rounds (5 for PDF)
    python benchmarks/bench_carriers.py --quick    # one round, to see it still runs
    python benchmarks/bench_carriers.py --cold     # memo caches emptied before each file
"""

from __future__ import annotations

import argparse
import gc
import platform
import re
import statistics
import sys
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path

import lxml.html
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import govinfo_report  # noqa: E402
from govinfo_report import ReportError  # noqa: E402
from govinfo_report.readers import read_bytes  # noqa: E402

#: The one regex of the text baseline: a section heading at the start of a line.
_HEADING_RE = re.compile(r"^\s*[一二三四五六七八九十]+、")

Work = Callable[[Path], object]


# -- baselines ------------------------------------------------------------------------


def baseline_text(path: Path) -> object:
    lines = path.read_bytes().decode("utf-8").splitlines()
    return [line for line in lines if _HEADING_RE.match(line)]


def baseline_html(path: Path) -> object:
    document = lxml.html.document_fromstring(path.read_bytes())
    count = 0
    for _ in document.iter():
        count += 1
    return count


def baseline_docx(path: Path) -> object:
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    count = 0
    for _ in root.iter():
        count += 1
    return count


def baseline_pdf(path: Path) -> object:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_tables() for page in pdf.pages]


# -- govinfo_report ------------------------------------------------------------------


def reader(path: Path) -> object:
    return read_bytes(path.read_bytes())


def full_parse(path: Path) -> object:
    return govinfo_report.parse(path)


CARRIERS: dict[str, tuple[str, Work, float, str]] = {
    # carrier: (file pattern, baseline, goal ratio, goal text)
    "pdf": ("corpus/seed*.pdf", baseline_pdf, 1.0, "< 1x (faster)"),
    "docx": ("corpus/seed*.docx", baseline_docx, 2.5, "<= 2.5x"),
    "html": ("corpus/seed*.html", baseline_html, 2.0, "<= 2x"),
    "text": ("seeds/*.txt", baseline_text, 10.0, "<= 10x"),
}


def _clear_caches() -> None:
    """Empty govinfo_report's memo caches, as for documents never seen before."""
    for name, module in list(sys.modules.items()):
        if name == "govinfo_report" or name.startswith("govinfo_report."):
            for value in vars(module).values():
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


def _round(work: Work, files: Sequence[Path], cold: bool) -> float:
    total = 0.0
    for path in files:
        if cold:
            _clear_caches()
        start = time.perf_counter()
        work(path)
        total += time.perf_counter() - start
    return total


def _medians(works: Sequence[Work], files: Sequence[Path], rounds: int, cold: bool) -> list[float]:
    """Median over ``rounds`` of the time each of ``works`` takes on all ``files``, in ms.

    The works take turns within each round, so that load from other processes on the
    machine falls on all of them alike instead of on whichever ran at a busy moment.
    """
    # Objects left by earlier carriers (pdfminer's caches, say) would make every garbage
    # collection of the allocating readers slower: set them aside, keep collection on.
    gc.collect()
    gc.freeze()
    times: list[list[float]] = [[] for _ in works]
    for _ in range(rounds):
        for i, work in enumerate(works):
            times[i].append(_round(work, files, cold))
    return [statistics.median(t) * 1000 for t in times]


def _skip_reason(files: Sequence[Path]) -> str | None:
    try:
        reader(files[0])
    except ReportError as exc:
        return f"reader not usable: {exc.reason}"
    return None


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return (
        f"{cpu}, {os.cpu_count()} cores; Python {platform.python_version()}, "
        f"lxml {'.'.join(map(str, etree.LXML_VERSION[:3]))} "
        f"(libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))}), {platform.system()}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its table."""
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--quick", action="store_true", help="one round, no warm-up")
    options.add_argument("--rounds", type=int, default=15, help="rounds per carrier")
    options.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    options.add_argument("--carrier", action="append", choices=sorted(CARRIERS))
    options.add_argument(
        "--cold",
        action="store_true",
        help="empty govinfo_report's memo caches before each file (a never-seen document)",
    )
    args = options.parse_args(argv)
    if not args.shared.is_dir():
        print(f"{args.shared} is absent: the shared evidence folder is not beside the project")
        return 2
    print(f"machine: {machine()}")
    header = (
        f"{'carrier':8} {'files':>5} {'baseline':>10} {'reader':>10} {'ratio':>7} "
        f"{'parse()':>10} {'ratio':>7}  goal (reader)"
    )
    print(header)
    print("-" * len(header))
    for carrier in args.carrier or list(CARRIERS):
        pattern, baseline, goal, goal_text = CARRIERS[carrier]
        files = sorted(args.shared.glob(pattern))
        if not files:
            print(f"{carrier:8} no files match {pattern}")
            continue
        reason = _skip_reason(files)
        if reason is not None:
            print(f"{carrier:8} skipped: {reason}")
            continue
        rounds = 1 if args.quick else max(1, args.rounds // 3 if carrier == "pdf" else args.rounds)
        if not args.quick:  # warm caches (imports, lru caches, regex compilation)
            for work in (baseline, reader, full_parse):
                _round(work, files, cold=False)
        base, ours, whole = _medians((baseline, reader, full_parse), files, rounds, args.cold)
        verdict = "met" if ours / base <= goal else "MISSED"
        print(
            f"{carrier:8} {len(files):>5} {base:>8.2f}ms {ours:>8.2f}ms {ours / base:>6.2f}x "
            f"{whole:>8.2f}ms {whole / base:>6.2f}x  {goal_text}: {verdict}"
        )
    print(
        f"(medians over {'1 round' if args.quick else f'{args.rounds} rounds'}, all files each; "
        f"{'cold' if args.cold else 'warm'} caches)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
