"""The format description is coherent, and the docs drawn from it are up to date."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo_report.formats import FORMATS
from govinfo_report.formats._docs import format_markdown

DOCS = Path(__file__).resolve().parent.parent / "docs"


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
