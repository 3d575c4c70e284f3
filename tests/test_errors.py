"""The error contract: parse() raises ReportError, saying where, and nothing else."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report import CellKind, ReportError, Severity
from govinfo_report.synth import consistent_example
from govinfo_report.synth.text import TextNoise, render_text

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXAMPLE = render_text(
    consistent_example("青禾镇人民政府", 2024), layout="cells", noise=TextNoise.all()
)


def _parse_or_report_error(source: str | bytes) -> None:
    try:
        report = govinfo_report.parse(source)
    except ReportError as exc:
        assert "internal error" not in str(exc), str(exc)
        assert exc.where is not None
    else:
        assert isinstance(report, govinfo_report.Report)


@FUZZ
@given(st.text())
def test_arbitrary_text_gives_report_or_report_error(text: str) -> None:
    _parse_or_report_error(text)


@FUZZ
@given(st.binary())
def test_arbitrary_bytes_give_report_or_report_error(data: bytes) -> None:
    _parse_or_report_error(data)


@FUZZ
@given(st.data())
def test_damaged_reports_give_report_or_report_error(data: st.DataObject) -> None:
    lines = EXAMPLE.split("\n")
    start = data.draw(st.integers(0, len(lines) - 1))
    length = data.draw(st.integers(0, 60))
    junk = data.draw(st.lists(st.text(max_size=20), max_size=3))
    damaged = "\n".join(lines[:start] + junk + lines[start + length :])
    _parse_or_report_error(damaged)
    _parse_or_report_error(damaged.encode("gb18030"))


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (b"", "empty"),
        ("   \n\n", "empty"),
        (b"\x00\x01\x02\x03" * 64, "binary"),
        # One NUL byte is enough: no text holds one. Read as text, it gave a report.
        (EXAMPLE.encode("utf-8") + b"\x00", "binary data: the input holds NUL bytes"),
        # DEL counts as a control character as the C0 ones do.
        (EXAMPLE.encode("utf-8") + b"\x7f" * 2000, "binary data: .* full of control characters"),
        (EXAMPLE + "\x7f" * 2000, "binary data: .* full of control characters"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, r"old binary Word \(\.doc\)"),
        (
            b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} 2024\\par }",
            r"RTF documents are not supported; save the file as \.docx",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le"),
            r"Excel workbook \(\.xls\)",
        ),
        (
            b"From: <Saved by Blink>\nMIME-Version: 1.0\nContent-Type: multipart/related;"
            b' boundary="b"\n\n--b\nContent-Type: image/png\n\nxx\n--b--\n',
            "holds no web page",
        ),
        (
            "今天天气很好。\n我们去公园散步，看见了很多花。",
            "not a government information disclosure",
        ),
        ("missing-file.pdf", "no such file"),
    ],
)
def test_not_a_report_is_a_clear_error(source: str | bytes, message: str) -> None:
    with pytest.raises(ReportError, match=message) as info:
        govinfo_report.parse(source)
    assert isinstance(info.value, ValueError)


CLEAN = render_text(consistent_example("青禾镇人民政府", 2024), layout="rows")
_PAGE = "<html><body><p>" + CLEAN.replace("\n", "</p><p>") + "</p></body></html>"
_TABLE = (
    "<table>" + "".join(f"<tr><td>{line}</td></tr>" for line in CLEAN.splitlines()) + "</table>"
)
CARRIERS: dict[str, tuple[str | bytes, str]] = {
    # A page saved as UTF-16 (Windows' "Unicode"): its markup is found past the BOM.
    "UTF-16-LE page": (_PAGE.encode("utf-16-le").join((b"\xff\xfe", b"")), "html"),
    "UTF-16-BE page": (_PAGE.encode("utf-16-be").join((b"\xfe\xff", b"")), "html"),
    # A fragment copied out of a page starts at its table.
    "table fragment": (_TABLE.encode("utf-8"), "html"),
    "table fragment as str": (_TABLE, "html"),
    # A page break before each page, as pdftotext writes it: a form feed is no binary
    # control character (here more of them than the control characters allowed).
    "form feeds": ("\n\f".join(CLEAN.splitlines()).encode("utf-8"), "text"),
    # The words of an MHTML header in the prose make no MHTML archive: its headers must
    # come first.
    "multipart/related in prose": (
        ("说明：附件以 multipart/related 格式发送。\n" + CLEAN).encode("utf-8"),
        "text",
    ),
}


@pytest.mark.parametrize("name", sorted(CARRIERS))
def test_the_carrier_is_chosen_by_content(name: str) -> None:
    source, carrier = CARRIERS[name]
    report = govinfo_report.parse(source)
    assert report.carrier == carrier
    if "fragment" not in name:  # a report laid out as one-cell rows is not read as one
        assert all(section.found for section in report.sections)
        assert report.metadata.year == 2024


def test_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ReportError, match="folder") as info:
        govinfo_report.parse(tmp_path)
    assert str(tmp_path) in str(info.value)


def test_undecodable_bytes_say_so() -> None:
    with pytest.raises(ReportError, match="GB18030"):
        govinfo_report.parse(b"\xff\xfe\xfd" * 3 + "一、总体情况".encode() + b"\x81\x20")


def test_file_object_and_pathlike() -> None:
    report = govinfo_report.parse(io.BytesIO(EXAMPLE.encode("utf-8")))
    assert report.metadata.organization == "青禾镇人民政府"


def test_missing_table_returns_report_with_diagnostics() -> None:
    lines = EXAMPLE.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("四、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("五、"))
    report = govinfo_report.parse("\n".join(lines[:start] + lines[end:]))
    assert not report.review_litigation.found
    assert {c.kind for c in report.review_litigation.cells()} == {CellKind.MISSING}
    codes = {(d.code, d.severity) for d in report.diagnostics}
    assert ("missing.table", Severity.ERROR) in codes
    assert ("missing.section", Severity.WARNING) in codes
    assert report.to_dict()["review_litigation"]["review"] == [None] * 5


def test_strict_mode_raises_on_errors() -> None:
    lines = EXAMPLE.split("\n")
    damaged = "\n".join(line for line in lines if "结转下年度" not in line)
    report = govinfo_report.parse(damaged)
    assert report.applications.row("carried_forward")[0].kind is CellKind.MISSING
    with pytest.raises(ReportError, match="carried_forward"):
        govinfo_report.parse(damaged, strict=True)


def test_undescribed_2019_format_is_a_clear_error_not_wrong_numbers() -> None:
    text = (
        "青禾县交通运输局2020年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n"
        "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n"
        "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n行政许可\t5\t-1\t8\n"
    )
    with pytest.raises(ReportError, match="2019 format") as info:
        govinfo_report.parse(text)
    assert "line" in str(info.value)


def test_a_bug_inside_a_reader_is_still_a_report_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import govinfo_report._parse as parse_module

    def broken(document: object) -> None:
        raise TypeError("unexpected")

    monkeypatch.setattr(parse_module, "recognize", broken)
    with pytest.raises(ReportError, match=r"internal error.*TypeError"):
        govinfo_report.parse(EXAMPLE)


def test_wrong_argument_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="not int"):
        govinfo_report.parse(42)  # type: ignore[arg-type]


def test_file_object_that_fails_to_read_is_a_report_error() -> None:
    class Failing(io.RawIOBase):
        def read(self, size: int = -1) -> bytes:
            raise OSError(5, "Input/output error")

    with pytest.raises(ReportError, match="cannot be read: Input/output error"):
        govinfo_report.parse(Failing())


def test_text_holding_a_lone_surrogate_is_a_clear_error() -> None:
    # Text decoded with errors="surrogateescape" holds a lone surrogate for each byte
    # that was not decodable: the report read would hold text no output can encode.
    text = EXAMPLE.replace("青禾镇", "青\udcb5禾镇", 1)
    line = EXAMPLE[: EXAMPLE.index("青禾镇")].count("\n") + 1
    for source in (text, f"<html><body><p>{text}</p></body></html>"):
        with pytest.raises(ReportError) as caught:
            govinfo_report.parse(source)
        assert "lone surrogate (U+DCB5)" in caught.value.reason
        assert caught.value.where == f"line {line}"


@pytest.mark.parametrize(
    "where",
    ["whole input", govinfo_report.Location(carrier="html", path="/html/body/p[2]")],
)
def test_report_error_survives_pickling(where: str | govinfo_report.Location) -> None:
    # Errors raised in worker processes (multiprocessing, Dask) are pickled to the parent.
    import pickle

    error = ReportError("the page holds no HTML elements", where)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is ReportError
    assert (again.reason, again.where, str(again)) == (error.reason, error.where, str(error))


def test_a_text_over_the_size_limit_is_refused_at_once() -> None:
    # 62 MB of text took 93 s and 2.9 GB before it gave a report: a pipeline over
    # downloaded files must not spend that on one input.
    from govinfo_report.readers.text import MAX_INPUT_CHARS

    line = "本年度未收取信息处理费。\n"
    text = line * (MAX_INPUT_CHARS // len(line) + 1)
    for source in (text, text.encode("utf-8")):
        with pytest.raises(ReportError, match="over the limit of"):
            govinfo_report.parse(source)
    assert govinfo_report.parse(EXAMPLE[:MAX_INPUT_CHARS]).metadata.year == 2024
