"""Write the example reports that ship with govinfo_report.

They are synthetic: made by govinfo_report's own renderer from invented values,
never copied from a real report. Run ``python examples/make_examples.py``.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from govinfo_report.synth import consistent_example
from govinfo_report.synth.text import TextNoise, render_text

HERE = Path(__file__).resolve().parent


def main() -> None:
    report = consistent_example("青禾镇人民政府", 2024)
    noise = TextNoise(bookmarks=True, padding=True, split_cells=True, page_numbers=True)
    (HERE / "qinghe-2024.txt").write_text(
        render_text(report, layout="cells", noise=noise, seed=7), encoding="utf-8"
    )
    # The next year, by the same body, repeating last year's report word for word
    # and number for number: the cross-report rules find the copy (雷同) and a
    # 现行有效件数 that does not carry over.
    values = {key: dict(rows) for key, rows in report.values.items()}
    next_year = attrs.evolve(consistent_example("青禾镇人民政府", 2025), values=values)
    (HERE / "qinghe-2025.txt").write_text(
        render_text(next_year, layout="rows", noise=TextNoise(lost_tabs=True), seed=3),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
