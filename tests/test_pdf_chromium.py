"""Web pages printed to PDF by Chromium, read to their seeds' labels.

A third PDF producer (Skia, Chromium's), and a hard one: the whole page is in the PDF
(the site's banner, menu, breadcrumb and footer around the report), every cell is its
own stroked box, tables are cut by page breaks inside merged cells, and with the Noto
CJK fonts the text layer gives radicals for many ideographs (⼈⺠ for 人民). Every
value of each seed must come back with no doubt, and the metadata with it. Needs
Chromium and a Chinese font; skips without them.
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import Report
from govinfo_report.readers._cjk import may_hold_radicals
from govinfo_report.readers.pdf import read_pdf
from govinfo_report.synth import SyntheticReport
from govinfo_report.synth.html import HtmlNoise, render_html
from tests.shared import (
    CHROMIUM,
    assert_no_silent_wrong_value,
    compare_with_label,
    has_chinese_font,
    print_with_chromium,
    seed_label,
    shared_dir,
)
from tests.strategies import drawn_reports, one_draw

pytestmark = [
    pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine"),
    pytest.mark.skipif(
        CHROMIUM is not None and not has_chinese_font(),
        reason="no Chinese font on this machine: Chromium would print the text as empty boxes",
    ),
]

# The page's header field naming when it was published, which the printed page shows.
_PUBLISHED_RE = re.compile(r"发布时间[:：]\s*(\d{4}-\d{2}-\d{2})")


def _page_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")  # the corpus has a GB2312 page


def _page_text_of_pdf(pdf: Path, page: int) -> str:
    """The text pdfminer finds on one page (1-based), as a check on the test's layout."""
    from pdfminer.high_level import extract_text

    return extract_text(pdf, page_numbers=[page - 1])


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path, Report]]:
    assert CHROMIUM is not None
    folder = tmp_path_factory.mktemp("chromium-pdf")
    pairs = []
    for page in sorted(shared_dir("corpus").glob("seed*.html")):
        pdf = folder / f"{page.stem}.pdf"
        print_with_chromium(page, pdf, folder / "profile")
        pairs.append((page, pdf, govinfo_report.parse(pdf)))
    return pairs


def test_printed_pages_read_to_their_labels(printed: list[tuple[Path, Path, Report]]) -> None:
    assert len(printed) == 5
    for page, pdf, report in printed:
        assert report.carrier == "pdf"
        label = dict(seed_label(pdf.stem.removeprefix("seed")))
        # The seed's text has no publication date; the printed page has the site's.
        published = _PUBLISHED_RE.search(_page_text(page.read_bytes()))
        label["published"] = published.group(1) if published else None
        assert compare_with_label(report.to_dict(), label) == [], pdf.name
        doubts = [d for d in report.diagnostics if d.code.startswith(("doubt.", "missing."))]
        assert doubts == [], pdf.name


def test_no_radical_is_left_in_the_text(printed: list[tuple[Path, Path, Report]]) -> None:
    for _, pdf, report in printed:
        texts = [report.metadata.title or "", report.metadata.organization or ""]
        texts += [block.text for block in report.preamble]
        texts += [block.text for section in report.sections for block in section.paragraphs]
        texts += [cell.raw or "" for table in report.tables for cell in table.cells()]
        assert not may_hold_radicals("\n".join(texts)), pdf.name


@one_draw
@given(
    drawn_reports(
        st.builds(HtmlNoise, **{f.name: st.booleans() for f in attrs.fields(HtmlNoise)}), 10
    )
)
def test_arbitrary_synthetic_pages_printed_give_no_silent_wrong_value(
    tmp_path_factory: pytest.TempPathFactory, drawn: list[tuple[SyntheticReport, HtmlNoise, int]]
) -> None:
    # Pages with a menu beside the article, any values (they wrap in narrow cells), tables
    # cut by page breaks inside merged cells: a value may be missing or doubtful, never
    # silently wrong.
    folder = tmp_path_factory.mktemp("chromium-arbitrary")
    for n, (report, noise, seed) in enumerate(drawn):
        page = folder / f"arbitrary{n}.html"
        page.write_bytes(render_html(report, noise=noise, seed=seed))
        pdf = folder / f"arbitrary{n}.pdf"
        print_with_chromium(page, pdf, folder / "profile")
        assert_no_silent_wrong_value(govinfo_report.parse(pdf), report, pdf.name)


def test_the_browser_s_running_header_and_footer_are_dropped(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Printed as a browser prints by default: the date and the page's <title> across the
    # top of every page (above the site's menu on the first), its address and "1/7" at the
    # foot. The <title> ends with the site's name ("…年度报告_阎村镇人民政府"): it is not
    # the report's title.
    folder = tmp_path_factory.mktemp("chromium-header")
    page = shared_dir("corpus") / "seed001.html"
    pdf = folder / "seed001.pdf"
    print_with_chromium(page, pdf, folder / "profile", header_footer=True)
    report = govinfo_report.parse(pdf)
    label = dict(seed_label("001"))
    published = _PUBLISHED_RE.search(_page_text(page.read_bytes()))
    label["published"] = published.group(1) if published else None
    assert compare_with_label(report.to_dict(), label) == []
    title = re.search(r"<title>(.*?)</title>", _page_text(page.read_bytes()), re.S)
    assert title is not None and "_" in title.group(1)
    assert report.metadata.title is not None and "_" not in report.metadata.title
    codes = [d.code for d in report.diagnostics]
    assert codes.count("repair.page-header") >= 2 * 2  # header and footer, on every page


def test_a_row_split_by_the_page_break_keeps_its_label_whole(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    # Chromium splits a tall row over two pages and, slicing the cells' boxes, draws no
    # ruling along the cut: overleaf, the row's rest is cells with no top. Before, they
    # were no table, and the label's last lines were read as paragraphs.
    # An A4 page holds about 1050 px: twelve lines from 900 px on run over it whatever
    # the font's line height.
    folder = tmp_path_factory.mktemp("chromium-split-row")
    page = folder / "split.html"
    lines = ["行政事业性收费", *(f"第{n}行" for n in range(2, 13))]
    page.write_text(
        '<html><head><meta charset="utf-8"><style>table{border-collapse:collapse}'
        "td{border:1px solid #000;padding:2px;vertical-align:top}</style></head><body>"
        '<div style="height:900px"></div>'
        "<table><tr><td>信息内容</td><td>本年收费金额（单位：万元）</td></tr>"
        f"<tr><td>{'<br>'.join(lines)}</td><td>0</td></tr></table>"
        "<p>三、收到和处理政府信息公开申请情况</p></body></html>",
        encoding="utf-8",
    )
    pdf = folder / "split.pdf"
    print_with_chromium(page, pdf, folder / "profile")
    assert "第12行" in _page_text_of_pdf(pdf, 2)  # the row did run over the page
    document = read_pdf(pdf.read_bytes())
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["信息内容", "本年收费金额（单位：万元）"],
        ["".join(lines), "0"],
    ]
    assert {cell.location.page for cell in table.rows[1]} == {1}
    assert "repair.pdf-cut-row" in [code for code, _, _ in document.notes]
    assert [p.text for p in document.paragraphs()] == ["三、收到和处理政府信息公开申请情况"]
