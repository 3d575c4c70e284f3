"""The format description is coherent, and the docs drawn from it are up to date."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govinfo_report.formats import FORMATS
from govinfo_report.formats.__main__ import main
from govinfo_report.formats._docs import format_markdown

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


@pytest.mark.parametrize("version", sorted(FORMATS))
def test_docs_are_generated_from_the_description(version: str) -> None:
    committed = (DOCS / f"format-{version}.md").read_text(encoding="utf-8")
    assert committed == format_markdown(FORMATS[version]) + "\n", (
        "docs are stale: run `python -m govinfo_report.formats docs`"
    )


@pytest.mark.parametrize("version", sorted(FORMATS))
def test_description_is_coherent(version: str) -> None:
    spec = FORMATS[version]
    assert [s.number for s in spec.sections] == list("一二三四五六")
    for table in spec.tables:
        keys = [row.key for row in table.rows]
        assert len(keys) == len(set(keys)), f"duplicate row keys in {table.key}"
        groups = {group.key for group in table.groups}
        for row in table.rows:
            assert row.parent is None or row.parent in groups
            for column in table.row_columns(row):
                assert column in table.columns
        for column in table.columns:
            assert set(column.sum_of) <= {c.key for c in table.columns}
        for identity in table.identities:
            assert set(identity.left + identity.right) <= set(keys)


def test_2021_table_shapes() -> None:
    spec = FORMATS["2021"]
    applications = spec.table("applications")
    assert len(applications.rows_for("split")) == 25
    assert len(applications.rows_for("single")) == 23
    assert len(applications.leaves_of("results", "split")) == 21
    assert len(applications.leaves_of("results", "single")) == 19
    assert len(applications.columns) == 7
    assert sum(len(spec.table("active").row_columns(r)) for r in spec.table("active").rows) == 10
    review = spec.table("review_litigation")
    assert len(review.rows) * len(review.columns) == 15


def test_the_command_line_writes_into_docs_or_the_folder_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([]) == 0
    assert main(["out/formats"]) == 0
    for folder in (tmp_path / "docs", tmp_path / "out" / "formats"):
        written = sorted(p.name for p in folder.iterdir())
        assert written == [f"format-{version}.md" for version in sorted(FORMATS)]
        for name in written:
            assert (folder / name).read_text(encoding="utf-8") == (DOCS / name).read_text(
                encoding="utf-8"
            )
    assert capsys.readouterr().out.splitlines()[0] == "wrote docs/format-2021.md"


def test_help_prints_usage_and_writes_nothing(tmp_path: Path) -> None:
    # --help was taken for the folder: ./--help/format-2021.md was written.
    done = subprocess.run(
        [sys.executable, "-m", "govinfo_report.formats", "--help"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # this project, not an installed copy
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("usage: python -m govinfo_report.formats [-h] [DIR]")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [["--bogus"], ["-x", "docs"], ["one", "two"]])
def test_a_command_line_not_understood_exits_64(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 64
    assert "usage:" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
