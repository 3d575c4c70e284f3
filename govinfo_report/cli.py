"""The command line: ``govinfo-report check PATH...``.

Each input is parsed and checked; then the rules across reports run over all
of them. Per report the body, year and findings are printed as a table
(failures by severity, then what could not be assessed; passes with
``--all``), and a summary line ends the output. ``--json`` writes one JSON
object per line instead. The exit status is 0 when no rule of error
severity failed, 1 when one did, and 2 when an input could not be read (the
others are still checked), also when the output is closed early (``| head``); 3
when the output could not be written (a full disk, a closed standard output, or,
for ``parse``, a pipe closed before every input was read), 64 for a command line
that is not understood, 130 when interrupted.
JSON lines are always written in UTF-8, whatever the console's encoding.
``--jobs N`` reads N files at a time in worker processes; the output is the same.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import multiprocessing
import os
import stat
import sys
import threading
import unicodedata
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Literal, NoReturn, TextIO

import attrs

import govinfo_report
from govinfo_report._errors import ReportError
from govinfo_report.checks import CellRef, CheckResult, Outcome, Status, check_all
from govinfo_report.checks._common import list_cells
from govinfo_report.model import Cell, Report, Severity
from govinfo_report.readers import sniff

__all__ = ["main"]

#: Report files found in folders by their suffix.
REPORT_SUFFIXES = frozenset({".txt", ".html", ".htm", ".shtml", ".docx", ".pdf", ".doc", ".wps"})
#: Files in folders that are never reports (data, code, images, archives of other things).
NOT_REPORTS = frozenset(
    {
        ".json", ".jsonl", ".md", ".rst", ".py", ".pyc", ".csv", ".tsv", ".yml", ".yaml",
        ".toml", ".cfg", ".ini", ".js", ".css", ".png", ".jpg", ".jpeg", ".gif", ".svg",
        ".gz", ".bz2", ".xz", ".7z", ".tar", ".exe", ".so", ".log",
    }
)  # fmt: skip
#: How many bytes are read to tell a file without a known suffix by its content.
_SNIFF_BYTES = 65536

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE, EXIT_OUTPUT = 0, 1, 2, 3
#: A command line that is not understood (sysexits' EX_USAGE), apart from the 2 of an
#: unreadable input.
EXIT_USAGE = 64
EXIT_INTERRUPTED = 130


@attrs.frozen(kw_only=True)
class _Unreadable:
    path: str
    reason: str
    where: str


def _looks_like_report(path: Path) -> bool:
    """For a file without a known suffix: is it a document worth reading?"""
    try:
        with path.open("rb") as handle:
            head = handle.read(_SNIFF_BYTES)
    except OSError:
        return True  # let parse() say why it cannot be read
    kind = sniff(head)
    if kind in ("pdf", "html", "ole", "zip", "rtf", "mhtml"):
        # Documents: a zip that is no Word file (an OFD, an .odt, an .xlsx) or an old
        # Office file gets a record saying what it is and what to do, never silence.
        return True
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        return "信息公开" in unicodedata.normalize("NFKC", text)
    return False


def _unreadable(name: str, reason: str) -> tuple[str, _Unreadable]:
    """The input ``name`` with why it cannot be read (the record says where: the input)."""
    return name, _Unreadable(path=name, reason=reason, where=name)


def _walk(folder: Path) -> Iterator[tuple[str, Path | _Unreadable]]:
    """The report files under ``folder``, in name order, and a record for each file or
    folder that cannot be looked at (no permission, a broken link, a name too long):
    nothing under it is passed over in silence. Linked folders are followed once."""
    found: list[tuple[str, Path | _Unreadable]] = []
    seen: set[tuple[int, int]] = set()

    def failed(exc: OSError) -> None:
        found.append(_unreadable(str(exc.filename or folder), _os_reason(exc)))

    for root, folders, files in os.walk(folder, onerror=failed, followlinks=True):
        try:
            info = os.stat(root)
        except OSError as exc:
            failed(exc)
            folders[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:  # a link back up the tree
            folders[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if name.startswith("."):
                continue
            path = Path(root, name)
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                reason = "a broken link" if path.is_symlink() else _os_reason(exc)
                found.append(_unreadable(str(path), reason))
                continue
            if not stat.S_ISREG(mode):
                found.append(
                    _unreadable(str(path), "not a regular file (a pipe, socket or device)")
                )
                continue
            suffix = path.suffix.lower()
            if suffix in NOT_REPORTS:
                continue
            if suffix in REPORT_SUFFIXES or _looks_like_report(path):
                found.append((str(path), path))
    found.sort(key=lambda item: item[0])
    return iter(found)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def discover(paths: Iterable[str]) -> Iterator[tuple[str, Path | _Unreadable]]:
    """Input files: (name, path) for each file given or found in a folder, or (name, why
    it cannot be read) for what is absent or cannot be looked at."""
    for given in paths:
        path = Path(given)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists()
        except OSError as exc:  # a name too long, a loop of links
            yield _unreadable(given, _os_reason(exc))
            continue
        if is_dir:
            yield from _walk(path)
        elif exists:
            yield given, path
        elif path.is_symlink():
            yield _unreadable(given, "a broken link")
        else:
            yield _unreadable(given, "no such file or folder")


def _read(name: str, path: Path | _Unreadable) -> Report | _Unreadable:
    if isinstance(path, _Unreadable):
        return path
    try:
        return govinfo_report.parse(path)
    except ReportError as exc:
        return _Unreadable(path=name, reason=exc.reason, where=str(exc.where))


def _read_input(item: tuple[str, Path | _Unreadable]) -> Report | _Unreadable:
    return _read(*item)


def _reads(
    inputs: Sequence[tuple[str, Path | _Unreadable]], jobs: int
) -> Generator[Report | _Unreadable, None, None]:
    """Each input read, in the order given: in this process, or in ``jobs`` processes."""
    if jobs == 1 or len(inputs) < 2:
        for name, path in inputs:
            yield _read(name, path)
        return
    # Forked workers start at once with the modules imported here; but forking a process
    # that runs other threads (main() called in a notebook, say) may deadlock, and then a
    # fork server, which starts clean, forks them instead.
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        method = "fork"
    else:
        method = "forkserver" if "forkserver" in methods else "spawn"
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(max_workers=min(jobs, len(inputs)), mp_context=context)
    try:
        # Results come back in input order, as they do read one by one.
        yield from pool.map(_read_input, inputs)
    finally:
        # When the output is closed early (| head) or the run is interrupted, the files not
        # started are dropped: only those being read are waited for.
        pool.shutdown(wait=True, cancel_futures=True)


# -- the table ---------------------------------------------------------------------------

_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _shown(name: str) -> str:
    """A file name as one line of the table: control characters (a newline in a name)
    written as escapes, so that a name cannot break the table or forge a line of it."""
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)


def _width(text: str) -> int:
    """Columns a string takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


@attrs.frozen
class _Line:
    severity: str
    status: str
    rule: str
    message: str


Lang = Literal["zh", "en"]


def _grouped_not_assessable(report: Report, outcomes: Sequence[Outcome], lang: Lang) -> list[_Line]:
    """Not-assessable outcomes of one family on one line, with the cells that block them."""
    families: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        families.setdefault(outcome.rule.family, []).append(outcome)
    lines = []
    for family, members in families.items():
        first = members[0]
        if len(members) == 1:
            lines.append(_Line(first.severity.value, "n/a", first.rule.id, first.message(lang)))
            continue
        blocking: dict[CellRef, Cell] = {}
        for outcome in members:
            for cell in outcome.unassessable:
                blocking.setdefault(CellRef.of(cell), cell)
        if blocking:
            head = "无法评估：" if lang == "zh" else "not assessable: "
            message = head + list_cells(report, list(blocking.values()), lang=lang)
        else:
            message = first.message(lang)
        lines.append(_Line(first.severity.value, "n/a", f"{family}[*] ×{len(members)}", message))
    return lines


#: Rule families sharing one reason for being not assessable, from which the reason is
#: said once for all of them.
_SAID_ONCE = 3


def _lines(result: CheckResult, *, show_all: bool, lang: Lang) -> list[_Line]:
    failures = sorted(
        (o for o in result.outcomes if o.status is Status.FAIL),
        key=lambda o: _SEVERITY_RANK[o.severity],
    )
    lines = [_Line(o.severity.value, "fail", o.rule.id, o.message(lang)) for o in failures]
    blocked = list(result.not_assessable)
    by_reason: dict[str, list[Outcome]] = {}
    for outcome in blocked:
        by_reason.setdefault(outcome.message(lang), []).append(outcome)
    for reason, members in by_reason.items():
        if len({o.rule.family for o in members}) >= _SAID_ONCE:
            # One reason for many rules (no table found, a format that does not fit the
            # report): said once, not once a rule. The rules' cells, if any, differ.
            everyone = len(members) == len(blocked) and not failures and not result.passed
            what = f"all {len(members)} rules" if everyone else f"{len(members)} rules"
            severities = {o.severity.value for o in members}
            severity = severities.pop() if len(severities) == 1 else "-"
            lines.append(_Line(severity, "n/a", what, reason))
            said = {id(o) for o in members}
            blocked = [o for o in blocked if id(o) not in said]
    lines += _grouped_not_assessable(result.report, blocked, lang)
    if show_all:
        lines += [
            _Line(o.severity.value, "pass", o.rule.id, o.message(lang)) for o in result.passed
        ]
    return lines


def _print_table(lines: Sequence[_Line], out: TextIO) -> None:
    if not lines:
        return
    header = _Line("severity", "status", "rule", "message")
    rows = [header, *lines]
    widths = [max(_width(getattr(r, f)) for r in rows) for f in ("severity", "status", "rule")]
    for row in rows:
        cells = [row.severity, row.status, row.rule]
        out.write(
            "  "
            + "  ".join(_pad(c, w) for c, w in zip(cells, widths, strict=True))
            + "  "
            + row.message
            + "\n"
        )


def _counts(result: CheckResult) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for outcome in result.failures:
        out[outcome.severity.value] += 1
    out["not_assessable"] = len(result.not_assessable)
    out["passed"] = len(result.passed)
    return out


def _print_report(result: CheckResult, *, show_all: bool, lang: Lang, out: TextIO) -> None:
    report = result.report
    meta = report.metadata
    counts = _counts(result)
    out.write(f"== {_shown(str(result.name))}\n")
    body = meta.organization or ("（未知）" if lang == "zh" else "(unknown)")
    year = meta.year if meta.year is not None else "?"
    out.write(
        f"   body: {body}   year: {year}   format: {report.format} ({report.carrier})   "
        f"errors: {counts['error']}  warnings: {counts['warning']}  infos: {counts['info']}  "
        f"not assessable: {counts['not_assessable']}  passed: {counts['passed']}\n"
    )
    _print_table(_lines(result, show_all=show_all, lang=lang), out)
    # Missing sections and tables are findings already; the parser's doubts are not.
    notes = [
        d
        for d in report.diagnostics
        if show_all or (d.severity is not Severity.INFO and not d.code.startswith("missing."))
    ]
    for diagnostic in notes:
        out.write(f"   reading note: {diagnostic}\n")
    out.write("\n")


def _json_line(result: CheckResult, *, show_all: bool) -> dict[str, Any]:
    report = result.report
    shown = [o for o in result.outcomes if show_all or o.status is not Status.PASS]
    return {
        "type": "report",
        "path": result.name,
        "organization": report.metadata.organization,
        "year": report.metadata.year,
        "format": report.format,
        "carrier": report.carrier,
        "ok": result.ok,
        "counts": _counts(result),
        "findings": [o.to_dict() for o in shown],
        "diagnostics": [d.to_dict() for d in report.diagnostics],
    }


def _write_json(
    results: Sequence[CheckResult],
    unreadable: Sequence[_Unreadable],
    summary: dict[str, Any],
    *,
    show_all: bool,
    out: TextIO,
) -> None:
    for bad in unreadable:
        line = {"type": "unreadable", "path": bad.path, "reason": bad.reason, "where": bad.where}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    for result in results:
        out.write(json.dumps(_json_line(result, show_all=show_all), ensure_ascii=False) + "\n")
    out.write(json.dumps({"type": "summary", **summary}, ensure_ascii=False) + "\n")


def _write_tables(
    results: Sequence[CheckResult],
    unreadable: Sequence[_Unreadable],
    summary: dict[str, Any],
    *,
    show_all: bool,
    lang: Lang,
    out: TextIO,
) -> None:
    for bad in unreadable:
        out.write(f"== {_shown(bad.path)}\n   unreadable: {bad.reason} (at {bad.where})\n\n")
    for result in results:
        _print_report(result, show_all=show_all, lang=lang, out=out)
    out.write(
        f"{summary['inputs']} input(s): {summary['checked']} checked, "
        f"{summary['unreadable']} unreadable; {summary['reports_with_errors']} with errors; "
        f"failed rules: {summary['error']} error, {summary['warning']} warning, "
        f"{summary['info']} info; {summary['not_assessable']} not assessable; "
        f"{summary['passed']} passed\n"
    )


_ZERO_TOTALS = {"error": 0, "warning": 0, "info": 0, "not_assessable": 0, "passed": 0}


def _check_command(args: argparse.Namespace, out: TextIO) -> int:
    lang: Lang = args.lang
    inputs = list(discover(args.paths))
    if not inputs:
        _say("no report files found")
        if args.json:
            empty = dict.fromkeys(("inputs", "checked", "unreadable", "reports_with_errors"), 0)
            out.write(json.dumps({"type": "summary", **empty, **_ZERO_TOTALS}) + "\n")
        return EXIT_UNREADABLE
    reports: list[Report] = []
    names: list[str] = []
    unreadable: list[_Unreadable] = []
    with contextlib.closing(_reads(inputs, args.jobs)) as reads:
        for (name, _), read in zip(inputs, reads, strict=True):
            if isinstance(read, _Unreadable):
                unreadable.append(read)
            else:
                reports.append(read)
                names.append(name)
    results = check_all(reports, names)
    totals = dict(_ZERO_TOTALS)
    for result in results:
        for key, value in _counts(result).items():
            totals[key] += value
    failing = sum(1 for r in results if not r.ok)
    summary: dict[str, Any] = {
        "inputs": len(inputs),
        "checked": len(results),
        "unreadable": len(unreadable),
        "reports_with_errors": failing,
        **totals,
    }
    status = EXIT_UNREADABLE if unreadable else EXIT_ERRORS if failing else EXIT_OK
    try:
        if args.json:
            _write_json(results, unreadable, summary, show_all=args.all, out=out)
        else:
            _write_tables(results, unreadable, summary, show_all=args.all, lang=lang, out=out)
    except BrokenPipeError:
        # The reader went away (| head) after every report was checked: the status still
        # says what the checks found, as a script testing it (set -o pipefail) expects.
        _drop_output()
    return status


def _parse_command(args: argparse.Namespace, out: TextIO) -> int:
    """One JSON line per input: the report's plain values, or why it could not be read."""
    inputs = list(discover(args.paths))
    if not inputs:
        _say("no report files found")
        return EXIT_UNREADABLE
    status = EXIT_OK
    with contextlib.closing(_reads(inputs, args.jobs)) as reads:
        for (name, _), read in zip(inputs, reads, strict=True):
            if isinstance(read, _Unreadable):
                status = EXIT_UNREADABLE
                line: dict[str, Any] = {"path": name, "error": read.reason, "where": read.where}
            else:
                line = {"path": name, **read.to_dict()}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # Not argparse's 2, which says an input could not be read.
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _jobs(value: str) -> int:
    """``--jobs``: a number of processes, 0 for one per CPU this process may use."""
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 0:
        raise argparse.ArgumentTypeError(f"not 0 or more: {jobs}")
    if jobs == 0:
        try:
            return len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            return os.cpu_count() or 1
    return jobs


def _add_jobs(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="read N files at a time, in separate processes (0: one per CPU; default 1); "
        "the output is the same, in the same order",
    )


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="govinfo-report",
        description="Read and check annual reports on government information disclosure "
        "(政府信息公开工作年度报告).",
    )
    parser.add_argument("--version", action="version", version=govinfo_report.__version__)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check reports against the reviewer's rules",
        description="Check reports: arithmetic, completeness, text against tables, "
        "plausibility, and across reports (carry-over between years, 雷同). Exit status: "
        "0 no error, 1 a rule of error severity failed, 2 an input could not be read, "
        "3 the output could not be written, 64 a usage error, 130 interrupted; when the "
        "output is closed early (| head), the status still says what the checks found.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    check.add_argument("--all", action="store_true", help="also list passed rules")
    check.add_argument("--json", action="store_true", help="write JSON lines instead of tables")
    check.add_argument(
        "--lang", choices=("en", "zh"), default="en", help="language of messages (default: en)"
    )
    _add_jobs(check)
    parse = commands.add_parser(
        "parse",
        help="read reports and write their values as JSON lines",
        description="Read reports and write one JSON line per input: its path and the values "
        "of Report.to_dict() (see docs/export.md), or its path, 'error' and 'where' when it "
        "could not be read; always in UTF-8. Exit status: 0 all read, 2 an input could not "
        "be read, 3 the output could not be written (also a pipe closed before the end), "
        "64 a usage error, 130 interrupted.",
    )
    parse.add_argument("paths", nargs="+", metavar="PATH", help="report files or folders")
    _add_jobs(parse)
    return parser


def _say(message: str) -> None:
    """Tell the user ``message`` on stderr, when there is one (a daemon may have none)."""
    if sys.stderr is not None:
        sys.stderr.write(f"govinfo-report: {message}\n")


def _drop_output() -> None:
    """Send what is still buffered for stdout nowhere: its flush at exit would fail again."""
    with contextlib.suppress(OSError, ValueError):  # no descriptor (a test's captured output)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    stdout = sys.stdout
    if stdout is None:  # started with its standard output closed (>&-)
        _say("cannot write the output: the standard output is closed")
        return EXIT_OUTPUT
    if isinstance(stdout, io.TextIOWrapper):
        if args.command == "parse" or args.json:
            # JSON lines are UTF-8 (a GBK console's encoding made lines no reader decodes).
            stdout.reconfigure(encoding="utf-8", errors="backslashreplace")
        else:
            # A terminal that cannot show Chinese must not turn a report into a traceback.
            stdout.reconfigure(errors="backslashreplace")
    commands = {"check": _check_command, "parse": _parse_command}
    if args.command not in commands:  # pragma: no cover - argparse requires a command
        raise AssertionError(args.command)
    try:
        return commands[args.command](args, stdout)
    except BrokenPipeError:
        # The reader went away (| head) before every input was read: nothing more to say,
        # but the run did not do all it was asked, so its status cannot be 0.
        _drop_output()
        return EXIT_OUTPUT
    except OSError as exc:
        # Reading errors are records; what is left is writing (a full disk).
        _say(f"cannot write the output: {_os_reason(exc)}")
        _drop_output()
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        _say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenProcessPool:
        # The system killed a worker (out of memory, say): which file it was reading is
        # not known, so no report is written for any.
        _say(
            "a worker process died while reading (killed by the system, or out of memory); "
            "run without --jobs to find the file"
        )
        return EXIT_UNREADABLE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
