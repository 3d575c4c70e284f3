"""Word files and web pages as LibreOffice writes them, read to their values.

Reports are edited and saved in office suites: a Word file saved again by LibreOffice
is written in LibreOffice's own WordprocessingML; "save as web page" turns it into
LibreOffice's HTML (``<font>`` runs, a ``<p>`` in every cell); and a web page opened in
Writer and saved becomes a Word file with the page's markup turned into Word's. Each must read as
the original does: the corpus files to their seeds' labels, with no doubt, and
synthetic reports with markup noise to the values they were written with.

Two things LibreOffice does to a document are the producer's, not the reader's, and are
kept out of the synthetic draws here (docs/carriers/html.md and docx.md say so): its HTML
export writes tracked changes as plain text (the deleted old value runs into the new
one), and its HTML import shows what the page hides (``visibility:hidden`` cells,
``display:none`` text), so the Word file it saves shows them too.

Needs LibreOffice (Debian's ``libreoffice-writer-nogui``); skips without it.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report.synth import SyntheticReport
from govinfo_report.synth.docx import DocxNoise, render_docx
from govinfo_report.synth.html import HtmlNoise, render_html
from tests.office import OFFICE, convert
from tests.shared import (
    CHROMIUM,
    ROUND_TRIP_FIELDS,
    ROUND_TRIP_TABLES,
    assert_no_silent_wrong_value,
    assert_round_trip_values,
    compare_with_label,
    has_chinese_font,
    print_with_chromium,
    seed_label,
    shared_dir,
)
from tests.strategies import docx_noises, drawn_reports, one_draw

pytestmark = pytest.mark.skipif(OFFICE is None, reason="no LibreOffice on this machine")

_AS_DOCX = "docx:MS Word 2007 XML"
_AS_HTML = "html:HTML (StarWriter)"
#: The import filter that opens a web page as a Word-processor document.
_PAGE_IN_WRITER = "HTML (StarWriter)"


def _doubts(report: govinfo_report.Report) -> list[str]:
    return [d.code for d in report.diagnostics if d.code.startswith(("doubt.", "missing."))]


@pytest.mark.parametrize(
    ("target", "carrier"),
    [(_AS_DOCX, "docx"), (_AS_HTML, "html")],
    ids=["saved-again", "saved-as-web-page"],
)
def test_corpus_word_files_saved_by_libreoffice_read_to_their_labels(
    tmp_path: Path, target: str, carrier: str
) -> None:
    sources = sorted(shared_dir("corpus").glob("seed*.docx"))
    for path in convert(sources, tmp_path, target):
        report = govinfo_report.parse(path)
        assert report.carrier == carrier
        label = seed_label(path.stem.removeprefix("seed"))
        assert compare_with_label(report.to_dict(), label) == [], path.name
        assert _doubts(report) == [], path.name


def test_corpus_web_pages_opened_and_saved_as_word_files_read_to_their_labels(
    tmp_path: Path,
) -> None:
    sources = sorted(shared_dir("corpus").glob("seed*.html"))
    saved = convert(sources, tmp_path, _AS_DOCX, opened_as=_PAGE_IN_WRITER)
    for source, path in zip(sources, saved, strict=True):
        report = govinfo_report.parse(path)
        assert report.carrier == "docx"
        label = seed_label(path.stem.removeprefix("seed"))
        problems = compare_with_label(report.to_dict(), label)
        # The page's own line "发布时间：2024-01-25" is site furniture the HTML reader
        # leaves out; in the Word file it is the document's text, and a date it states.
        published = report.to_dict()["published"]
        if published is not None and label.get("published") is None:
            assert published in source.read_bytes().decode("utf-8", "replace"), path.name
            problems = [p for p in problems if not p.startswith("published:")]
        assert problems == [], path.name
        assert _doubts(report) == [], path.name


def _write(folder: Path, suffix: str, files: list[tuple[SyntheticReport, bytes]]) -> list[Path]:
    """The rendered files written under ``folder``/in, for LibreOffice to open."""
    (folder / "in").mkdir()
    paths = []
    for n, (_, data) in enumerate(files):
        path = folder / "in" / f"synthetic{n}{suffix}"
        path.write_bytes(data)
        paths.append(path)
    return paths


def _assert_word_files_read_back(
    folder: Path, drawn: list[tuple[SyntheticReport, DocxNoise, int]], target: str, carrier: str
) -> None:
    """The drawn reports, written as Word files and converted to ``target``, read back exactly."""
    rendered = [(r, render_docx(r, noise=noise, seed=seed)) for r, noise, seed in drawn]
    saved = convert(_write(folder, ".docx", rendered), folder, target)
    for (report, _), path in zip(rendered, saved, strict=True):
        assert_round_trip_values(govinfo_report.parse(path), report, carrier)


@one_draw
@given(drawn_reports(docx_noises(), 8))
def test_noisy_synthetic_word_files_saved_again_read_back_exactly(
    tmp_path_factory: pytest.TempPathFactory,
    drawn: list[tuple[SyntheticReport, DocxNoise, int]],
) -> None:
    _assert_word_files_read_back(
        tmp_path_factory.mktemp("libreoffice-docx"), drawn, _AS_DOCX, "docx"
    )


@one_draw
@given(drawn_reports(docx_noises(keep_off="revisions"), 8))
def test_noisy_synthetic_word_files_saved_as_web_pages_read_back_exactly(
    tmp_path_factory: pytest.TempPathFactory,
    drawn: list[tuple[SyntheticReport, DocxNoise, int]],
) -> None:
    _assert_word_files_read_back(
        tmp_path_factory.mktemp("libreoffice-html"), drawn, _AS_HTML, "html"
    )


@one_draw
@given(
    drawn_reports(
        st.builds(
            HtmlNoise,
            **{
                f.name: st.just(False) if f.name == "hidden" else st.booleans()
                for f in attrs.fields(HtmlNoise)
            },
        ),
        8,
    )
)
def test_noisy_synthetic_web_pages_opened_and_saved_as_word_files_read_back_exactly(
    tmp_path_factory: pytest.TempPathFactory,
    drawn: list[tuple[SyntheticReport, HtmlNoise, int]],
) -> None:
    folder = tmp_path_factory.mktemp("libreoffice-page-docx")
    rendered = [(r, render_html(r, noise=noise, seed=seed)) for r, noise, seed in drawn]
    pages = _write(folder, ".html", rendered)
    saved = convert(pages, folder, _AS_DOCX, opened_as=_PAGE_IN_WRITER)
    for (report, page), path in zip(rendered, saved, strict=True):
        parsed = govinfo_report.parse(path)
        got, want = parsed.to_dict(), report.expected()
        for field in (*ROUND_TRIP_FIELDS, *ROUND_TRIP_TABLES):
            if field == "published" and got[field] != want[field]:
                # The page's "发布时间" line, furniture of the page, is text of the Word file.
                assert got[field] in page.decode("utf-8", "replace"), path.name
                continue
            assert got[field] == want[field], (path.name, field)


@pytest.mark.skipif(
    CHROMIUM is None or not has_chinese_font(),
    reason="no Chromium, or no Chinese font for it to print with, on this machine",
)
@one_draw
@given(drawn_reports(docx_noises(keep_off="revisions"), 8))
def test_web_pages_saved_by_libreoffice_printed_by_chromium_give_no_silent_wrong_value(
    tmp_path_factory: pytest.TempPathFactory,
    drawn: list[tuple[SyntheticReport, DocxNoise, int]],
) -> None:
    # LibreOffice's web page of a Word file puts table 三 in one tall table of merged cells;
    # Chromium prints it over several pages, the ones in the middle cut at both ends with no
    # ruling along the cuts. A value may be missing or doubtful, never silently wrong.
    folder = tmp_path_factory.mktemp("libreoffice-html-chromium")
    rendered = [(r, render_docx(r, noise=noise, seed=seed)) for r, noise, seed in drawn]
    pages = convert(_write(folder, ".docx", rendered), folder, _AS_HTML)
    for (report, _), page in zip(rendered, pages, strict=True):
        pdf = page.with_suffix(".pdf")
        print_with_chromium(page, pdf, folder / "chromium")
        assert_no_silent_wrong_value(govinfo_report.parse(pdf), report, pdf.name)
