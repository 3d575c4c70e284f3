"""``govinfo-report check``: exit statuses, tables, JSON lines, folders, bad input."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import threading
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import govinfo_report
from govinfo_report import cli
from govinfo_report.checks import check_all
from govinfo_report.cli import main
from govinfo_report.synth import consistent_example
from govinfo_report.synth.docx import render_docx
from govinfo_report.synth.html import render_html
from govinfo_report.synth.text import render_text
from tests.shared import seed_files

SEEDS = {p.name[:3]: p for p in seed_files()}


def _seed(seed: str) -> Path:
    return SEEDS.get(seed) or pytest.skip("../shared/seeds is absent")


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["check", *argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _write_example(folder: Path, name: str, organization: str, year: int) -> Path:
    path = folder / name
    path.write_text(render_text(consistent_example(organization, year)), encoding="utf-8")
    return path


def _write_with_total(
    folder: Path, name: str, organization: str, row: str, old: str | None, new: str
) -> None:
    """A 2024 example whose table 三 total of ``row`` has ``old`` (its whole text when
    ``None``) replaced by ``new`` on its line."""
    text = render_text(consistent_example(organization, 2024))
    cell = govinfo_report.parse(text).applications.cell(row, "total")
    assert cell.location is not None and cell.location.line is not None
    lines = text.split("\n")
    at = cell.location.line - 1
    lines[at] = lines[at].replace(cell.raw if old is None else old, new)
    (folder / name).write_text("\n".join(lines), encoding="utf-8")


def test_a_seed_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, str(_seed("003")))
    assert status == 0, out
    assert "body: 沂源县悦庄镇人民政府" in out and "year: 2024" in out
    assert "1 checked, 0 unreadable; 0 with errors" in out
    assert err == ""


def test_all_seeds_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, str(_seed("000").parent))
    assert status == 0
    assert out.count("\n== ") + out.startswith("== ") == 5
    # 002's blank total row is shown, as not assessable, with its lines.
    assert "applications.carry_over[*] ×7" in out and "line 346" in out


def test_a_seed_with_one_value_changed_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = _seed("003")
    report = govinfo_report.parse(source)
    cell = report.applications.cell("new_received", "natural_person")
    assert cell.location is not None and cell.location.line is not None and cell.value == 1
    lines = source.read_text(encoding="utf-8").split("\n")
    index = cell.location.line - 1
    assert lines[index].strip() == "1"
    lines[index] = lines[index].replace("1", "3")
    changed = tmp_path / "003_changed.txt"
    changed.write_text("\n".join(lines), encoding="utf-8")
    status, out, _ = _run(capsys, str(changed))
    assert status == 1
    assert "applications.carry_over[natural_person]" in out
    assert "applications.total[new_received]" in out
    assert f"line {cell.location.line}" in out
    assert "1 with errors" in out
    # Failures come before what could not be assessed, errors before warnings.
    body = out.split("severity  status")[1]
    severities = [line.split()[0] for line in body.splitlines()[1:] if line.startswith("  ")]
    assert severities == sorted(severities, key=["error", "warning", "info"].index)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("broken.docx", b"PK\x03\x04 this is not a zip archive at all"),
        ("empty.txt", b""),
        ("binary.txt", bytes(range(256)) * 4),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    ],
)
def test_an_unreadable_file_exits_2_without_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    status, out, err = _run(capsys, str(path))
    assert status == 2
    assert "unreadable:" in out and "Traceback" not in out + err


def test_a_missing_path_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = _run(capsys, str(tmp_path / "nowhere.txt"))
    assert status == 2 and "no such file" in out


def test_unreadable_input_does_not_stop_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _write_example(tmp_path, "good.txt", "青禾县松岭镇人民政府", 2024)
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4\n garbage")
    (tmp_path / "notes.md").write_text("政府信息公开 notes, not a report", encoding="utf-8")
    (tmp_path / "data.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    status, out, _ = _run(capsys, str(tmp_path))
    assert status == 2
    assert "good.txt" in out and "body: 青禾县松岭镇人民政府" in out
    assert "bad.pdf" in out and "notes.md" not in out and "data.json" not in out
    assert "2 input(s): 1 checked, 1 unreadable" in out


def test_files_without_a_known_suffix_are_tried_by_content(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    report = _write_example(tmp_path, "page", "青禾县松岭镇人民政府", 2024)
    (tmp_path / "LICENSE").write_text("MIT License, nothing to see", encoding="utf-8")
    status, out, _ = _run(capsys, str(tmp_path))
    assert status == 0
    assert str(report) in out and "LICENSE" not in out


def test_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _write_example(tmp_path, "a.txt", "青禾县松岭镇人民政府", 2024)
    (tmp_path / "b.txt").write_bytes(b"")
    status, out, _ = _run(capsys, "--json", str(path), str(tmp_path / "b.txt"))
    assert status == 2
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["type"] for r in records] == ["unreadable", "report", "summary"]
    report = records[1]
    assert report["organization"] == "青禾县松岭镇人民政府" and report["year"] == 2024
    assert report["ok"] is True
    assert all(f["status"] != "pass" for f in report["findings"])
    assert records[2]["checked"] == 1 and records[2]["unreadable"] == 1


def test_all_lists_passes_and_lang_zh(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _write_example(tmp_path, "a.txt", "青禾县松岭镇人民政府", 2024)
    status, out, _ = _run(capsys, "--all", "--lang", "zh", str(path))
    assert status == 0
    assert "pass    applications.carry_over[total]" in out
    assert "相符" in out
    status, out, _ = _run(capsys, "--json", "--all", str(path))
    (report, _summary) = [json.loads(line) for line in out.splitlines()]
    assert any(f["status"] == "pass" for f in report["findings"])


def test_across_reports_on_the_command_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _write_example(tmp_path, "2023.txt", "青禾县松岭镇人民政府", 2023)
    # Last year carried 1 application forward; this year says 3 were carried over.
    _write_with_total(tmp_path, "2024.txt", "青禾县松岭镇人民政府", "carried_over", "1", "3")
    status, out, _ = _run(capsys, str(tmp_path))
    assert status == 1
    assert "across.carried_over[total]" in out
    assert "2023.txt" in out.split("across.carried_over[total]")[1].splitlines()[0]
    # The two reports share their prose and their tables but for one cell.
    assert "across.similar_text" in out


def test_python_dash_m(tmp_path: Path) -> None:
    path = _write_example(tmp_path, "a.txt", "青禾县松岭镇人民政府", 2024)
    done = subprocess.run(
        [sys.executable, "-m", "govinfo_report", "check", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "body: 青禾县松岭镇人民政府" in done.stdout


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    # 64 (sysexits' EX_USAGE), not argparse's 2: that says an input could not be read.
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 64
    assert "usage" in capsys.readouterr().err


def test_parse_writes_one_json_line_per_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = _write_example(tmp_path, "good.txt", "松岭镇人民政府", 2024)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    code = main(["parse", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 2
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["path"] for line in lines] == [str(tmp_path / "bad.txt"), str(good)]
    assert "binary" in lines[0]["error"]
    assert lines[1]["organization"] == "松岭镇人民政府"
    assert lines[1]["applications"] == govinfo_report.parse(good).to_dict()["applications"]


def test_parse_of_readable_reports_exits_0(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _write_example(tmp_path, "a.txt", "松岭镇人民政府", 2024)
    code = main(["parse", str(tmp_path / "a.txt")])
    out = capsys.readouterr().out
    assert code == 0
    assert json.loads(out)["year"] == 2024


def test_json_lines_are_utf_8_whatever_the_console(tmp_path: Path) -> None:
    # On a GBK console the lines were written in GBK, and a character GBK lacks became an
    # escape no JSON reader accepts: no line could be loaded.
    path = tmp_path / "report.txt"
    path.write_text(render_text(consistent_example("𬌗口镇人民政府", 2024)), encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "gbk"}
    for command in (["parse"], ["check", "--json"]):
        done = subprocess.run(
            [sys.executable, "-m", "govinfo_report.cli", *command, str(path)],
            capture_output=True,
            env=env,
            check=False,
        )
        lines = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
        assert any(line.get("organization") == "𬌗口镇人民政府" for line in lines), done.stderr


def test_nothing_under_a_folder_is_passed_over_in_silence(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    good = _write_example(tmp_path, "good.txt", "松岭镇人民政府", 2024)
    (tmp_path / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop").symlink_to(tmp_path)  # a link back up: followed once
    with zipfile.ZipFile(tmp_path / "report.ofd", "w") as archive:
        archive.writestr("OFD.xml", "<ofd:OFD/>")
    code = main(["parse", str(tmp_path)])
    lines = {
        Path(line["path"]).name: line
        for line in map(json.loads, capsys.readouterr().out.splitlines())
    }
    assert code == 2
    assert lines["good.txt"]["path"] == str(good)
    assert lines["good.txt"]["organization"] == "松岭镇人民政府"
    assert lines["gone.pdf"]["error"] == "a broken link"
    assert lines["pipe.txt"]["error"].startswith("not a regular file")
    assert "OFD" in lines["report.ofd"]["error"]
    assert sorted(lines) == ["gone.pdf", "good.txt", "pipe.txt", "report.ofd"]


def test_a_path_too_long_is_a_record_not_a_crash(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _write_example(tmp_path, "good.txt", "松岭镇人民政府", 2024)
    # Nested folders whose whole path is longer than the system allows (PATH_MAX).
    folder = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(60):
            os.mkdir("长" * 80, dir_fd=folder)
            inner = os.open("长" * 80, os.O_RDONLY, dir_fd=folder)
            os.close(folder)
            folder = inner
    finally:
        os.close(folder)
    code = main(["parse", str(tmp_path)])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 2
    assert [line.get("organization") for line in lines if "error" not in line] == ["松岭镇人民政府"]
    assert any("too long" in line["error"] for line in lines if "error" in line)


def test_an_empty_folder_with_json_writes_a_summary_and_says_so_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code = main(["check", "--json", str(tmp_path)])
    captured = capsys.readouterr()
    assert code == 2
    assert json.loads(captured.out) == {
        "type": "summary", "inputs": 0, "checked": 0, "unreadable": 0,
        "reports_with_errors": 0, "error": 0, "warning": 0, "info": 0,
        "not_assessable": 0, "passed": 0,
    }  # fmt: skip
    assert "no report files found" in captured.err


def test_output_that_cannot_be_written_and_an_interruption_exit_apart(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write_example(tmp_path, "good.txt", "松岭镇人民政府", 2024)

    class Full(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(sys, "stdout", Full())
    assert main(["parse", str(path)]) == 3
    assert "cannot write the output: no space left on device" in capsys.readouterr().err

    def interrupted(source: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(govinfo_report, "parse", interrupted)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    assert main(["parse", str(path)]) == 130
    assert "interrupted" in capsys.readouterr().err


def test_one_reason_for_every_rule_is_said_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "old.txt"
    path.write_text(render_text(consistent_example("青禾镇人民政府", 2009)), encoding="utf-8")
    code, out, _ = _run(capsys, str(path))
    assert code == 0
    (line,) = [line for line in out.splitlines() if "n/a" in line]
    assert "rules" in line and "before the 2021 format" in line


def test_a_reason_shared_by_most_rules_is_said_once_beside_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Two texts with no section or table of the form: every rule of one report is not
    # assessable for that one reason, except the comparison across reports, which has a
    # reason of its own; 74 lines saying the same thing hid it.
    paths = []
    for name, body in (("a.txt", "青禾镇人民政府"), ("b.txt", "松岭镇人民政府")):
        path = tmp_path / name
        path.write_text(
            f"{body}2023年政府信息公开工作年度报告\n\n本报告根据条例编制，"
            "全年工作情况如下，请予监督。\n",
            encoding="utf-8",
        )
        paths.append(path)
    results = check_all([govinfo_report.parse(p) for p in paths])
    code, out, _ = _run(capsys, *map(str, paths))
    assert code == 0
    for result, block in zip(results, out.split("\n== ")[:2], strict=True):
        reasons = Counter(o.message("en") for o in result.not_assessable)
        (common, many), *others = reasons.most_common()
        assert others, "a second reason is needed for the test to mean anything"
        lines = [line for line in block.splitlines() if " n/a " in line]
        assert len(lines) == 1 + len(others)
        assert any(f" {many} rules " in line and line.endswith(common) for line in lines)
        for reason, _ in others:
            assert sum(line.endswith(reason) for line in lines) == 1


def _mixed_folder(folder: Path) -> Path:
    """Reports in three carriers, two years of one body (for the rules across reports),
    and a file that cannot be read."""
    _write_example(folder, "a-2023.txt", "青禾县松岭镇人民政府", 2023)
    _write_example(folder, "a-2024.txt", "青禾县松岭镇人民政府", 2024)
    (folder / "b.html").write_bytes(render_html(consistent_example("白云乡人民政府", 2024)))
    (folder / "c.docx").write_bytes(render_docx(consistent_example("红旗街道办事处", 2024)))
    (folder / "d.txt").write_bytes(b"\x00\x01\x02" * 50)
    for n in range(6):
        _write_example(folder, f"e{n}.txt", f"东{n}镇人民政府", 2024)
    return folder


@pytest.mark.parametrize(
    ("command", "thread"),
    [(["check"], False), (["check", "--json", "--all"], False), (["parse"], True)],
)
def test_jobs_change_nothing_but_who_reads(
    command: list[str],
    thread: bool,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = _mixed_folder(tmp_path)
    serial = main([*command, str(folder)])
    expected = capsys.readouterr()
    pools: list[tuple[int, str]] = []

    class Pool(cli.ProcessPoolExecutor):
        def __init__(self, max_workers: int, **options: Any) -> None:
            pools.append((max_workers, options["mp_context"].get_start_method()))
            super().__init__(max_workers, **options)

    monkeypatch.setattr(cli, "ProcessPoolExecutor", Pool)
    # With another thread running (main() called in a notebook), the process is not forked.
    done = threading.Event()
    other = threading.Thread(target=done.wait) if thread else None
    if other is not None:
        other.start()
    try:
        assert main([*command, "--jobs", "3", str(folder)]) == serial == 2
    finally:
        done.set()
    got = capsys.readouterr()
    assert pools == [(3, "forkserver" if thread else "fork")]  # three other processes read
    assert (got.out, got.err) == (expected.out, expected.err)


def test_jobs_must_be_a_count(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = _write_example(tmp_path, "a.txt", "松岭镇人民政府", 2024)
    for bad in ("-1", "two"):
        with pytest.raises(SystemExit) as exc:
            main(["parse", "--jobs", bad, str(path)])
        assert exc.value.code == 64
        assert "--jobs" in capsys.readouterr().err
    assert main(["parse", "-j", "0", str(path), str(path)]) == 0  # one a CPU
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_output_closed_early_stops_the_workers_quietly(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    for n in range(30):  # more lines than a pipe holds, so that writing meets the closed end
        _write_example(folder, f"f{n:02}.txt", f"西{n}镇人民政府", 2024)
    with subprocess.Popen(
        [sys.executable, "-m", "govinfo_report.cli", "parse", "-j", "2", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as run:
        assert run.stdout is not None and run.stderr is not None
        first = json.loads(run.stdout.readline())
        run.stdout.close()
        err = run.stderr.read().decode("utf-8")
        assert run.wait(timeout=120) == 3, err  # not all was written: not 0
    assert first["path"].endswith("a-2023.txt")
    assert err == ""


def test_a_worker_killed_is_said_plainly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _mixed_folder(tmp_path)
    parse = govinfo_report.parse

    def killed(source: Path) -> object:
        if source.name == "b.html":
            os._exit(9)  # as the system's out-of-memory killer ends a process
        return parse(source)

    monkeypatch.setattr(govinfo_report, "parse", killed)  # forked workers inherit it
    assert main(["parse", "-j", "2", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "a worker process died" in err and "Traceback" not in err


def test_a_check_cut_short_by_its_reader_still_exits_with_its_findings(tmp_path: Path) -> None:
    # `check | head` under `set -o pipefail`: the status must say an error rule failed.
    _write_example(tmp_path, "good.txt", "松岭镇人民政府", 2024)
    _write_with_total(tmp_path, "bad.txt", "白云乡人民政府", "new_received", None, "9999")
    command = [sys.executable, "-m", "govinfo_report.cli", "check", "--all", str(tmp_path)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}  # every line written at once
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as run:
        assert run.stdout is not None and run.stderr is not None
        run.stdout.readline()
        run.stdout.close()
        err = run.stderr.read().decode("utf-8")
        assert run.wait(timeout=120) == 1, err
    assert err == ""


def test_a_closed_standard_output_is_said_plainly(tmp_path: Path) -> None:
    path = _write_example(tmp_path, "a.txt", "松岭镇人民政府", 2024)
    done = subprocess.run(
        [sys.executable, "-m", "govinfo_report.cli", "parse", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: os.close(1),  # as cron or a daemon starts it: >&-
        check=False,
    )
    err = done.stderr.decode("utf-8")
    assert done.returncode == 3, err
    assert "standard output is closed" in err and "Traceback" not in err


def test_a_file_name_with_a_newline_stays_on_its_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _write_example(tmp_path, "a\n== forged.txt", "松岭镇人民政府", 2024)
    (tmp_path / "b\tc.txt").write_bytes(b"\x00\x01\x02" * 50)
    status, out, _ = _run(capsys, str(tmp_path))
    assert status == 2
    headers = [line for line in out.splitlines() if line.startswith("== ")]
    assert sorted(headers) == [f"== {tmp_path}/a\\n== forged.txt", f"== {tmp_path}/b\\tc.txt"]
