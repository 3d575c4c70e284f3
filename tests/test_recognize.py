"""The recognizer on small hand-made reports: rows by label, doubts said, never guessed."""

from __future__ import annotations

import govinfo_report
from govinfo_report import CellKind, Severity

HEAD = "松岭县交通运输局2024年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开政府信息。\n"


def test_table_four_printed_as_labelled_rows() -> None:
    text = HEAD + (
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n"
        "行政复议\t1\t0\t0\t0\t1\n"
        "未经复议直接起诉\t0\t0\t0\t0\t0\n"
        "复议后起诉\t0\t0\t0\t1\t1\n"
    )
    report = govinfo_report.parse(text)
    assert report.to_dict()["review_litigation"] == {
        "review": [1, 0, 0, 0, 1],
        "litigation_direct": [0, 0, 0, 0, 0],
        "litigation_after_review": [0, 0, 0, 1, 1],
    }


def test_glued_and_short_rows_are_missing_with_an_error_not_guessed() -> None:
    text = HEAD + (
        "二、主动公开政府信息情况\n"
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        "规章\t6051\n"
        "行政规范性文件\t2\t1\n"
        "行政许可\t5\n"
    )
    report = govinfo_report.parse(text)
    for row in ("regulations", "normative_documents"):
        assert {cell.kind for cell in report.active.row(row)} == {CellKind.MISSING}
    assert report.active.cell("licensing", "decisions").value == 5
    messages = [d.message for d in report.diagnostics if d.code == "doubt.row-values"]
    assert any("glued" in m and "regulations" in m for m in messages)
    assert any("found 2" in m and "normative_documents" in m for m in messages)
    assert all(
        d.severity is Severity.ERROR for d in report.diagnostics if d.code == "doubt.row-values"
    )


def test_ambiguous_blank_placement_is_flagged() -> None:
    text = HEAD + (
        "二、主动公开政府信息情况\n"
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
        "规章\t\t0\t\t\n"
    )
    cells = govinfo_report.parse(text).active.row("regulations")
    assert all(cell.doubtful for cell in cells)
