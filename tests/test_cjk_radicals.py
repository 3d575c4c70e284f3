"""CJK radicals standing for ideographs are read as those ideographs, whatever the carrier.

A PDF font draws 民 and the radical ⺠ (U+2EA0) with one glyph, and many producers map
the glyph back to the radical: the text says 人⺠政府 where the page shows 人民政府.
Text copied out of such a PDF carries the radicals into web pages, Word files and
plain text. Each reader's output must hold the ideographs, with a note.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import Report
from govinfo_report._ir import Document, Paragraph, Table, TableCell
from govinfo_report._location import Location
from govinfo_report.readers import read_bytes
from govinfo_report.readers._cjk import fold_radicals, may_hold_radicals
from govinfo_report.readers.pdf import read_pdf
from govinfo_report.synth import consistent_example
from govinfo_report.synth.docx import render_docx
from govinfo_report.synth.html import render_html
from govinfo_report.synth.pdf import render_pdf
from govinfo_report.synth.text import render_text
from tests.shared import assert_round_trip_values

# Ideographs of a report and the radicals a PDF font's map gives for them: 民 and 一
# (in every body's name and heading), 人, 门 (部门), 页 (首页).
_RADICAL_OF = str.maketrans(
    {"民": "\u2ea0", "一": "\u2f00", "人": "\u2f08", "门": "\u2ed4", "页": "\u2eda"}
)
_ALL_RADICALS = "".join(
    chr(code)
    for code in range(0x2E80, 0x2FE0)
    if unicodedata.name(chr(code), "").startswith(("CJK RADICAL", "KANGXI RADICAL"))
)
_REPORT = consistent_example("青禾镇人民政府", 2024)


def _fold(text: str) -> str:
    document = Document(
        blocks=(Paragraph(text=text, location=Location(carrier="text", line=1)),),
        carrier="text",
    )
    folded = fold_radicals(document).blocks[0]
    assert isinstance(folded, Paragraph)
    return folded.text


def _no_radicals_left(report: Report) -> None:
    texts = [report.metadata.title or "", report.metadata.organization or ""]
    texts += [block.text for section in report.sections for block in section.paragraphs]
    assert not any(may_hold_radicals(text) for text in texts)
    notes = [d for d in report.diagnostics if d.code == "repair.cjk-radicals"]
    assert len(notes) == 1
    assert notes[0].location is not None


def test_every_radical_that_stands_for_an_ideograph_is_folded() -> None:
    # The Kangxi radicals have compatibility decompositions: the table must agree with them.
    for code in range(0x2F00, 0x2FD6):
        assert _fold(chr(code)) == unicodedata.normalize("NFKC", chr(code)), hex(code)
    supplement = [r for r in _ALL_RADICALS if ord(r) < 0x2F00]
    assert len(supplement) == 115
    for radical in supplement:
        folded = _fold(radical)
        if radical == "\u2e80":  # CJK RADICAL REPEAT stands for no ideograph
            assert folded == radical
            continue
        assert len(folded) == 1 and folded != radical, unicodedata.name(radical)
        # An ideograph (this Python's Unicode data may predate the newest of them).
        assert unicodedata.category(folded) in ("Lo", "Cn"), unicodedata.name(radical)
    assert _fold("人\u2ea0政府\u2f00、总体情况") == "人民政府一、总体情况"


@given(
    st.text(alphabet=st.characters(min_codepoint=0x2E00, max_codepoint=0x3010) | st.characters())
)
def test_the_quick_test_never_misses_a_radical(text: str) -> None:
    held = any(_fold(char) != char for char in text if "\u2e80" <= char <= "\u2fdf")
    assert may_hold_radicals(text) is held
    if held:
        assert may_hold_radicals(text.encode("utf-8", "surrogatepass"))


@given(
    st.lists(
        st.sampled_from(["“", "—", "…", "民", "a", "\u2ea0", "\u2fd5", "\u2e7f"]), max_size=150
    ).map("".join),
    st.booleans(),
)
def test_the_byte_test_finds_the_lead_bytes_the_regex_finds(text: str, cut: bool) -> None:
    # Many E2 lead bytes (“ — …) before a radical take the test past the ones it checks
    # one by one, to the regex; a cut last character leaves a lone lead byte at the end.
    data = text.encode("utf-8")
    if cut and data:
        data = data[:-1]
    found = any(b"\xe2" + bytes([lead]) in data for lead in range(0xBA, 0xC0))
    assert may_hold_radicals(data) is found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("“" * 100 + "人\u2ea0政府", True),
        ("“" * 100 + "人民政府", False),
        ("—" * 64 + "\u2fd5", True),
    ],
)
def test_the_byte_test_looks_past_many_lead_bytes(text: str, found: bool) -> None:
    assert may_hold_radicals(text.encode("utf-8")) is found
    assert may_hold_radicals(text.encode("utf-8")[:-1]) is found  # a lone lead byte at the end


def test_a_radical_that_stands_for_no_ideograph_is_left_and_not_counted() -> None:
    # U+2E80 CJK RADICAL REPEAT stands for no ideograph; U+2E9A is unassigned.
    assert not may_hold_radicals("\u2e80\u2e9a")
    document = Document(
        blocks=(Paragraph(text="\u2e80人\u2ea0", location=Location(carrier="text", line=1)),),
        carrier="text",
    )
    ((code, message, _),) = fold_radicals(document).notes
    assert code == "repair.cjk-radicals" and message.startswith("1 CJK radical")


def test_table_cells_are_folded_and_the_first_is_located() -> None:
    base = Location(carrier="pdf", page=1, table=0)
    cells = (TableCell("\u2f08数", 0, 0, base), TableCell("3", 0, 1, base))
    paragraph = Paragraph(text="总体情况", location=Location(carrier="pdf", page=1))
    document = Document(blocks=(paragraph, Table(rows=(cells,), location=base)), carrier="pdf")
    folded = fold_radicals(document)
    assert [cell.text for cell in cells] == ["人数", "3"]
    ((code, message, where),) = folded.notes
    assert code == "repair.cjk-radicals"
    assert message.startswith("1 CJK radical")
    assert "'\u2f08', as '人'" in message
    assert where == cells[0].location


def test_a_document_without_radicals_is_left_as_it_is() -> None:
    document = read_bytes(render_html(_REPORT))
    assert fold_radicals(document) is document
    assert not [note for note in document.notes if note[0] == "repair.cjk-radicals"]


def test_plain_text_with_radicals() -> None:
    text = render_text(_REPORT).translate(_RADICAL_OF)
    assert "\u2ea0" in text and "\u2f00" in text
    parsed = govinfo_report.parse(text.encode("utf-8"))
    assert_round_trip_values(parsed, _REPORT, "text")
    _no_radicals_left(parsed)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_web_page_with_radicals(encoding: str) -> None:
    page = render_html(_REPORT, encoding=encoding)
    changed = page.decode(encoding).translate(_RADICAL_OF).encode(encoding)
    assert changed != page
    parsed = govinfo_report.parse(changed)
    assert_round_trip_values(parsed, _REPORT, "html")
    _no_radicals_left(parsed)


def test_a_word_file_with_radicals() -> None:
    source = zipfile.ZipFile(io.BytesIO(render_docx(_REPORT)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.decode("utf-8").translate(_RADICAL_OF).encode("utf-8")
            target.writestr(item, data)
    parsed = govinfo_report.parse(out.getvalue())
    assert_round_trip_values(parsed, _REPORT, "docx")
    _no_radicals_left(parsed)


def test_a_pdf_whose_font_map_gives_radicals() -> None:
    # Drawn with the radical's code point, the font's character map gives it back as such
    # (U+2F00 comes back as 一 here: only the supplement's radicals survive the trip).
    report = consistent_example("青禾镇人\u2ea0政府", 2024)
    data = render_pdf(report)
    assert "\u2ea0" in "".join(
        block.text for block in read_pdf(data).blocks if isinstance(block, Paragraph)
    )
    parsed = govinfo_report.parse(data)
    assert parsed.metadata.organization == "青禾镇人民政府"
    got, want = parsed.to_dict(), report.expected()
    for field in ("active", "applications", "review_litigation", "year"):
        assert got[field] == want[field], field
    _no_radicals_left(parsed)
