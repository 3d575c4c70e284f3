"""The rules one by one, on synthetic reports with chosen values and prose.

The base report is ``consistent_example``: 11 new applications, 1 carried
over, 11 handled, 1 carried forward (总计 column), 1 administrative review,
no litigation.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import govinfo_report
from govinfo_report.checks import (
    Authority,
    CellRef,
    CheckResult,
    Outcome,
    Status,
    check,
    rule_by_id,
    rules_for,
)
from govinfo_report.checks.__main__ import main as checks_main
from govinfo_report.checks._docs import markdown
from govinfo_report.checks._level import body_level
from govinfo_report.formats import FORMAT_2021, Identity
from govinfo_report.model import CellKind, Report, Severity
from govinfo_report.synth import SyntheticReport, consistent_example
from tests.checks_support import as_single, blank, replace_cell, set_values, to_report, with_prose

ORG = "青禾县松岭镇人民政府"
YEAR = 2024
DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules.md"


def _base() -> SyntheticReport:
    return consistent_example(ORG, YEAR)


def _check(synthetic: SyntheticReport) -> CheckResult:
    return check(to_report(synthetic))


def _overview(*paragraphs: str) -> CheckResult:
    return _check(with_prose(_base(), overview=paragraphs))


def _only(result: CheckResult, rule_id: str) -> Outcome:
    (outcome,) = [o for o in result.outcomes if o.rule.id == rule_id]
    return outcome


def _span_is_exact(result: CheckResult, outcome: Outcome) -> None:
    for span in outcome.spans:
        part = result.report.section(span.part) if span.part != "preamble" else None
        paragraphs = part.paragraphs if part else result.report.preamble
        assert paragraphs[span.paragraph].text[span.start : span.end] == span.text


# -- the base report ----------------------------------------------------------------------


def test_the_base_report_fails_nothing_but_the_assessment_note() -> None:
    result = _check(_base())
    assert [o.rule.id for o in result.failures] == ["overview.assessment"]
    # The synthetic prose states no statistics period: nothing to compare it with.
    assert [o.rule.id for o in result.not_assessable] == ["report.period"]
    assert result.ok


def test_every_outcome_is_json_serializable() -> None:
    result = _check(with_prose(_base(), overview=("2023年，共收到申请99件。",)))
    for outcome in result.outcomes:
        json.dumps(outcome.to_dict(), ensure_ascii=False)


# -- statements in the prose ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status", "expected"),
    [
        ("全年共收到政府信息公开申请11件。", Status.PASS, 11),  # new only
        ("全年共收到政府信息公开申请12件。", Status.PASS, 12),  # new + carried over
        ("全年共收到政府信息公开申请13件。", Status.FAIL, 12),
        ("全年共收到政府信息公开申请12件（含上年结转1件）。", Status.PASS, 12),
        ("全年共收到政府信息公开申请11件（含上年结转1件）。", Status.FAIL, 12),
        ("本年度共受理依申请公开事项十二件。", Status.PASS, 12),
        ("全年共收到政府信息公开申请１１件。", Status.PASS, 11),
    ],
)
def test_received_is_read_both_ways(sentence: str, status: Status, expected: int) -> None:
    result = _overview(sentence)
    outcome = _only(result, "text.received")
    assert outcome.status is status, outcome.message_en
    assert outcome.expected == expected
    assert [CellRef.of(c) for c in outcome.cells] == [
        CellRef(table="applications", row="new_received", column="total"),
        CellRef(table="applications", row="carried_over", column="total"),
    ]
    _span_is_exact(result, outcome)
    assert outcome.spans[0].location is not None


def test_received_with_included_carry_over_also_checks_the_carry_over() -> None:
    result = _overview("全年共收到政府信息公开申请12件（其中上年结转2件），均已按时答复。")
    assert _only(result, "text.received").status is Status.PASS
    carried = _only(result, "text.carried_over")
    assert carried.status is Status.FAIL
    assert (carried.expected, carried.actual, carried.difference) == (1, 2, 1)
    assert "2" in carried.message_en and "1" in carried.message_en


@pytest.mark.parametrize(
    ("sentence", "rule", "status", "expected", "actual"),
    [
        ("本年新收政府信息公开申请10件。", "text.new_received", Status.FAIL, 11, 10),
        ("本年新收政府信息公开申请11件。", "text.new_received", Status.PASS, 11, 11),
        ("上年结转政府信息公开申请1件。", "text.carried_over", Status.PASS, 1, 1),
        ("对收到的申请，全年办结9件。", "text.processed", Status.FAIL, 11, 9),
        ("对收到的申请，全年办结11件。", "text.processed", Status.PASS, 11, 11),
        ("结转下年度继续办理2件。", "text.carried_forward", Status.FAIL, 1, 2),
        ("另有1件申请结转至下一年度办理。", "text.carried_forward", Status.PASS, 1, 1),
        ("全年被申请行政复议1件。", "text.review", Status.PASS, 1, 1),
        ("全年被申请行政复议3件。", "text.review", Status.FAIL, 1, 3),
        ("全年被提起行政诉讼2件。", "text.litigation", Status.FAIL, 0, 2),
    ],
)
def test_stated_numbers_are_compared_with_the_tables(
    sentence: str, rule: str, status: Status, expected: int, actual: int
) -> None:
    result = _overview(sentence)
    outcome = _only(result, rule)
    assert (outcome.status, outcome.expected, outcome.actual) == (status, expected, actual)
    _span_is_exact(result, outcome)
    if status is Status.FAIL:
        assert outcome.difference == actual - expected
        assert outcome.spans[0].text in outcome.message_zh


def test_a_stated_absence_of_cases_is_a_zero() -> None:
    result = _overview("本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。")
    review = _only(result, "text.review")
    assert review.status is Status.FAIL and review.actual == 0 and review.expected == 1
    assert _only(result, "text.litigation").status is Status.PASS


def test_counts_of_other_matters_are_not_statements() -> None:
    result = _overview(
        "全年收到人大代表建议5件，受理群众咨询申请30件。",
        "全年答复网民留言20件。",
        "本年度未收到行政复议申请。",
    )
    for kind in ("received", "processed", "new_received"):
        outcome = _only(result, f"text.{kind}")
        assert outcome.status is Status.PASS and outcome.spans == ()


@pytest.mark.parametrize(
    "sentence",
    [
        # "新增" counts anything; a comparison is no count of applications
        "本年新增规范性文件3件。",
        "本年度新增主动公开政府信息3件。",
        "共收到政府信息公开申请11件，同比新增2件。",
        # applications of another matter (行政许可), and what is done with them
        "全年受理行政许可申请230件，办结230件。",
        # 无 in 无法 or 无正当理由 says nothing about cases; telling of the right to review
        "对无法提供的信息均告知申请人救济途径即行政复议和行政诉讼。",
        "无正当理由大量反复申请的依法不予处理并告知行政复议权利。",
    ],
)
def test_sentences_that_state_no_count_of_applications_or_cases(sentence: str) -> None:
    result = _overview(sentence)
    kinds = ["new_received", "processed", "review", "litigation"]
    if "共收到" not in sentence:  # which does state the number received
        kinds.append("received")
    for kind in kinds:
        outcome = _only(result, f"text.{kind}")
        assert outcome.status is Status.PASS and outcome.spans == (), (kind, outcome.message_en)


def test_carried_to_the_report_year_is_carried_over_not_forward() -> None:
    # In a report on YEAR, "结转至YEAR年" is last year's applications carried into it.
    result = _overview(f"{YEAR - 1}年结转至{YEAR}年办理的申请1件，结转至{YEAR + 1}年1件。")
    over = _only(result, "text.carried_over")
    assert (over.status, over.actual) == (Status.PASS, 1) and over.spans
    forward = _only(result, "text.carried_forward")
    assert (forward.status, forward.actual) == (Status.PASS, 1)
    assert forward.spans[0].text.startswith(f"结转至{YEAR + 1}")


@pytest.mark.parametrize(
    ("sentence", "status", "column"),
    [
        ("本年制发行政规范性文件9件。", Status.FAIL, "issued"),
        ("现行有效规范性文件99件。", Status.FAIL, "in_force"),
        ("本年废止规范性文件5件。", Status.FAIL, "repealed"),
        ("主动公开规范性文件9件。", Status.FAIL, None),
    ],
)
def test_normative_documents_stated_in_the_prose(
    sentence: str, status: Status, column: str | None
) -> None:
    base = _base()
    issued, repealed, in_force = base.values["active"]["normative_documents"]
    outcome = _only(_overview(sentence), "text.normative")
    assert outcome.status is status
    # The sentence stating the table's own number passes.
    value = {"issued": issued, "repealed": repealed, "in_force": in_force, None: in_force}[column]
    fixed = re.sub(r"\d+件", f"{value}件", sentence)
    assert _only(_overview(fixed), "text.normative").status is Status.PASS, fixed
    if column is not None:
        assert [CellRef.of(c).column for c in outcome.cells] == [column]


def test_a_statement_against_a_blank_cell_is_not_assessable() -> None:
    ref = CellRef(table="applications", row="carried_forward", column="total")
    report = blank(to_report(with_prose(_base(), overview=("结转下年度继续办理1件。",))), ref)
    outcome = _only(check(report), "text.carried_forward")
    assert outcome.status is Status.NOT_ASSESSABLE
    assert [CellRef.of(c) for c in outcome.unassessable] == [ref]
    assert outcome.spans and outcome.spans[0].text == "结转下年度继续办理1件"


# -- years ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "根据上级通知（政办发〔2023〕5号）要求开展工作。",
        "认真落实《2023年政务公开工作要点》各项任务。",
        "与2023年相比，申请数量有所增加。",
        "自2019年以来持续推进政务公开。",
        "围绕“十四五”（2021-2025年）规划开展工作。",
        "2025年将继续加强政策解读。",
        "计划在2025年开展两次培训。",
        "2025年我镇将继续加大公开力度。",
        "本报告于2025年1月10日发布。",
        "对标2035年远景目标推进工作。",
        "2023年结转的申请已全部办结。",
    ],
)
def test_years_that_are_not_slips(sentence: str) -> None:
    outcome = _only(_overview(f"{YEAR}年，我镇持续推进政务公开。", sentence), "text.years")
    assert outcome.status is Status.PASS, outcome.message_en


@pytest.mark.parametrize(
    ("sentence", "year"),
    [("2023年，我镇认真贯彻条例要求。", 2023), ("2023 年度，共发布信息80条。", 2023),
     ("2025年，我镇认真贯彻条例要求。", 2025)],
)  # fmt: skip
def test_a_year_slip_is_reported_with_its_span(sentence: str, year: int) -> None:
    result = _overview(sentence)
    outcome = _only(result, "text.years")
    assert outcome.status is Status.FAIL
    assert (outcome.expected, outcome.actual, outcome.difference) == (YEAR, year, year - YEAR)
    (span,) = outcome.spans
    assert span.text.replace(" ", "") == f"{year}年"
    _span_is_exact(result, outcome)
    assert str(span.location) in outcome.message_en


def test_years_are_not_assessable_without_a_report_year() -> None:
    report = to_report(_base())
    report = attrs.evolve(report, metadata=attrs.evolve(report.metadata, year=None))
    assert _only(check(report), "text.years").status is Status.NOT_ASSESSABLE


# -- fees -------------------------------------------------------------------------------


def _with_fee(fee: Decimal, other: str) -> CheckResult:
    synthetic = set_values(_base(), "active", {"fees": (fee,)})
    return _check(with_prose(synthetic, other=(other,)))


def test_a_fee_must_be_reported_in_section_six() -> None:
    assert _only(_with_fee(Decimal("1.5"), "无。"), "text.fee_reported").status is Status.FAIL
    outcome = _only(_with_fee(Decimal("1.5"), "本年度收取信息处理费1.5万元。"), "text.fee_reported")
    assert outcome.status is Status.PASS
    assert _only(_with_fee(Decimal(0), "无。"), "text.fee_reported").status is Status.PASS


def test_no_fee_said_in_section_six_against_row_six_two() -> None:
    unpaid = (1, 0, 0, 0, 0, 0, 1)
    synthetic = set_values(_base(), "applications", {"other_overdue_fee": unpaid})
    result = _check(with_prose(synthetic, other=("本年度未收取信息处理费。",)))
    outcome = _only(result, "text.fee_waived")
    assert outcome.status is Status.FAIL
    assert outcome.actual == 1 and outcome.spans[0].text == "未收取信息处理费"
    # （六）2 is non-zero, so the fee rule wants 信息处理费 reported: it is.
    assert _only(result, "text.fee_reported").status is Status.PASS
    # The whole row counts: a fee notice to one applicant with the total left blank.
    ref = CellRef(table="applications", row="other_overdue_fee", column="total")
    report = blank(to_report(with_prose(synthetic, other=("本年度未收取信息处理费。",))), ref)
    outcome = _only(check(report), "text.fee_waived")
    assert (outcome.status, outcome.actual) == (Status.FAIL, 1)
    # A fee that was charged is no "no fee": 10元 holds "0元", 0.5万元 holds "为0".
    for charged in (
        "本年度共收取信息处理费10元。",
        "收取信息处理费为0.5万元。",
        "信息处理费共计200元。",
    ):
        outcome = _only(_check(with_prose(synthetic, other=(charged,))), "text.fee_waived")
        assert outcome.status is Status.PASS and outcome.spans == (), charged
    for waived in ("信息处理费为0元。", "信息处理费为0。", "信息处理费0.00元。"):
        outcome = _only(_check(with_prose(synthetic, other=(waived,))), "text.fee_waived")
        assert outcome.status is Status.FAIL, waived
    # Printed as one row, there is no （六）2 to compare.
    single = check(to_report(as_single(with_prose(synthetic, other=("本年度未收取信息处理费。",)))))
    assert [o for o in single.outcomes if o.rule.id == "text.fee_waived"] == []


# -- plausibility -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("青禾县松岭镇人民政府", "township"),
        ("松岭乡人民政府", "township"),
        ("河湾区东关街道办事处", "township"),
        ("平原城乡一体化示范区师寨镇", "township"),
        ("青禾县交通运输局", "county"),
        ("青禾县乡村振兴局", "county"),
        ("河湾市石桥区市场监督管理局", "county"),
        ("河湾市住房和城乡建设局", "unknown"),
        ("河湾市人民政府", "unknown"),
        ("北江省人民政府", "higher"),
        ("平潭综合实验区市场监督管理局", "unknown"),
        ("国家统计局", "unknown"),
    ],
)
def test_body_level_from_its_name(name: str, level: str) -> None:
    assert body_level(name)[0] == level


@pytest.mark.parametrize(
    ("organization", "status"),
    [
        ("青禾县交通运输局", Status.FAIL),
        ("河湾市生态环境局", Status.NOT_ASSESSABLE),
        ("北江省人民政府", Status.PASS),
    ],
)
def test_regulations_by_level(organization: str, status: Status) -> None:
    synthetic = set_values(_base(), "active", {"regulations": (1, 0, 3)})
    synthetic = attrs.evolve(synthetic, organization=organization)
    outcome = _only(_check(synthetic), "active.regulations_by_level")
    assert outcome.status is status
    if status is Status.FAIL:
        assert outcome.actual == 1 and "county" in outcome.message_en


def test_zero_regulations_pass_whoever_reports() -> None:
    outcome = _only(_check(_base()), "active.regulations_by_level")
    assert outcome.status is Status.PASS


# -- value types ------------------------------------------------------------------------


def test_a_fractional_count_and_a_negative_fee_fail_their_value_rules() -> None:
    report = to_report(_base())
    count = CellRef(table="applications", row="granted", column="commercial")
    fee = CellRef(table="active", row="fees", column="amount")
    report = replace_cell(report, count, value=Decimal("1.5"), raw="1.5")
    report = replace_cell(report, fee, value=Decimal("-2"), raw="-2")
    result = check(report)
    applications = _only(result, "applications.values")
    assert applications.status is Status.FAIL and "whole" in applications.message_en
    assert [CellRef.of(c) for c in applications.cells] == [count]
    active = _only(result, "active.values")
    assert active.status is Status.FAIL and "negative" in active.message_en


# -- completeness -----------------------------------------------------------------------


def _with_report(change: object) -> CheckResult:
    report = to_report(_base())
    assert callable(change)
    return check(change(report))


def test_a_missing_section_fails_the_sections_rule() -> None:
    def drop_five(report: Report) -> Report:
        sections = tuple(
            attrs.evolve(s, heading=None, paragraphs=()) if s.key == "problems" else s
            for s in report.sections
        )
        return attrs.evolve(report, sections=sections)

    result = _with_report(drop_five)
    outcome = _only(result, "report.sections")
    assert outcome.status is Status.FAIL and "五" in outcome.message_zh
    assert outcome.severity is Severity.ERROR
    assert _only(result, "problems.content").status is Status.NOT_ASSESSABLE


@pytest.mark.parametrize("text", ["无", "无。", "暂无"])
def test_section_five_saying_nothing_fails(text: str) -> None:
    outcome = _only(_check(with_prose(_base(), problems=(text,))), "problems.content")
    assert outcome.status is Status.FAIL and text in outcome.message_zh


def test_an_empty_section_five_fails() -> None:
    outcome = _only(_check(with_prose(_base(), problems=())), "problems.content")
    assert outcome.status is Status.FAIL


def test_a_table_not_found_fails_completeness_and_its_arithmetic_is_not_assessable() -> None:
    def lose_table_four(report: Report) -> Report:
        tables = []
        for table in report.tables:
            if table.key == "review_litigation":
                rows = tuple(
                    (key, tuple(
                        attrs.evolve(c, kind=CellKind.MISSING, value=None, raw=None, location=None)
                        for c in cells
                    ))
                    for key, cells in table.rows
                )  # fmt: skip
                table = attrs.evolve(table, found=False, rows=rows)
            tables.append(table)
        return attrs.evolve(report, tables=tuple(tables))

    result = _with_report(lose_table_four)
    complete = _only(result, "review_litigation.complete")
    assert complete.status is Status.FAIL and "not found" in complete.message_en
    total = _only(result, "review_litigation.total[review]")
    assert total.status is Status.NOT_ASSESSABLE and "missing" in total.message_en
    assert _only(result, "review_litigation.blanks").status is Status.NOT_ASSESSABLE


def test_a_missing_row_is_named() -> None:
    def lose_row(report: Report) -> Report:
        ref = CellRef(table="applications", row="granted", column="natural_person")
        for column in ("natural_person", "commercial", "research", "social_org"):
            ref = attrs.evolve(ref, column=column)
            report = replace_cell(report, ref, kind=CellKind.MISSING, value=None, raw=None)
        return report

    outcome = _only(_with_report(lose_row), "applications.complete")
    assert outcome.status is Status.FAIL and "granted" in outcome.message_en
    assert len(outcome.cells) == 4


def test_a_period_of_another_year_fails() -> None:
    def period(report: Report) -> Report:
        meta = attrs.evolve(
            report.metadata, period_start=dt.date(2023, 1, 1), period_end=dt.date(2023, 12, 31)
        )
        return attrs.evolve(report, metadata=meta)

    outcome = _only(_with_report(period), "report.period")
    assert outcome.status is Status.FAIL and "2023-01-01" in outcome.message_en


def test_no_title_and_a_title_without_year() -> None:
    def no_title(report: Report) -> Report:
        return attrs.evolve(report, metadata=attrs.evolve(report.metadata, title=None))

    def no_year(report: Report) -> Report:
        title = f"{ORG}政府信息公开工作年度报告"
        return attrs.evolve(report, metadata=attrs.evolve(report.metadata, title=title))

    assert _only(_with_report(no_title), "report.title").status is Status.FAIL
    outcome = _only(_with_report(no_year), "report.title")
    assert outcome.status is Status.FAIL and "year" in outcome.message_en


def test_assessment_is_asked_of_governments_only() -> None:
    words = "全年开展政务公开工作考核，组织社会评议，未发生责任追究情况。"
    assert _only(_overview(words), "overview.assessment").status is Status.PASS
    department = attrs.evolve(_base(), organization="青禾县财政局")
    assert _only(_check(department), "overview.assessment").status is Status.PASS
    assert _only(_check(_base()), "overview.assessment").severity is Severity.INFO


# -- the declarations -------------------------------------------------------------------


def test_rules_are_complete_declarations() -> None:
    for rule in rules_for(FORMAT_2021):
        assert rule.title_zh and rule.title_en and rule.method
        assert rule.reads or rule.reads_text or rule.family.startswith("report.")
        assert rule_by_id(FORMAT_2021, rule.id) is rule
    families = {r.family for r in rules_for(FORMAT_2021)}
    assert {"applications.carry_over", "applications.total_processed", "applications.total"} <= (
        families
    )


def test_arithmetic_rules_follow_the_format_description() -> None:
    table = FORMAT_2021.table("review_litigation")
    extra = Identity(
        key="blocks", left=("litigation_direct",), right=("litigation_after_review",), note="x"
    )
    spec = attrs.evolve(
        FORMAT_2021,
        tables=tuple(
            attrs.evolve(t, identities=(extra,)) if t.key == table.key else t
            for t in FORMAT_2021.tables
        ),
    )
    new = [r for r in rules_for(spec) if r.family == "review_litigation.blocks"]
    assert [r.subject for r in new] == [c.key for c in table.columns]
    assert all(r.authority is Authority.FORM and r.equation is not None for r in new)
    assert len(rules_for(spec)) == len(rules_for(FORMAT_2021)) + len(table.columns)


def test_docs_rules_md_is_up_to_date() -> None:
    assert DOCS.read_text(encoding="utf-8") == markdown(), (
        "docs/rules.md is stale: run `python -m govinfo_report.checks --markdown > docs/rules.md`"
    )


@pytest.mark.parametrize("encoding", ["ascii", "gbk"])
def test_the_markdown_is_utf_8_whatever_the_console(encoding: str) -> None:
    # On an ASCII console `--markdown` died of a UnicodeEncodeError; on a GBK one
    # `> docs/rules.md` made a GBK file.
    done = subprocess.run(
        [sys.executable, "-m", "govinfo_report.checks", "--markdown"],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": encoding, "PYTHONPATH": str(DOCS.parent.parent)},
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert done.stdout == DOCS.read_bytes()


@pytest.mark.parametrize(
    "sentence",
    [
        "本年度未收到申请行政复议、提起行政诉讼情况。",  # about cases, not applications
        "较上年收到申请5件减少4件。",  # last year's count
        "上年度（2023年）收到申请3件。",
    ],
)
def test_counts_that_are_not_this_year_s_applications_are_not_statements(sentence: str) -> None:
    outcome = _only(_overview(sentence), "text.received")
    assert outcome.status is Status.PASS and outcome.spans == (), outcome.message_en


def test_a_report_the_format_does_not_fit_is_not_assessable_not_failed() -> None:
    # A 2009 report read against the 2021 form, or a text whose sections and tables run
    # together, failed every structural rule at error severity: the reader's limits
    # reported as the report's defects.
    old = to_report(_base())
    old = attrs.evolve(old, metadata=attrs.evolve(old.metadata, year=2009))
    result = check(old)
    assert result.failures == () and result.ok
    assert all("before the 2021 format" in o.message_en for o in result.not_assessable)
    glued = govinfo_report.parse(
        "青禾镇人民政府2024年政府信息公开工作年度报告\n"
        "发布日期：2025-01-20。一、总体情况2024年，本机关……二、主动公开政府信息情况规章000"
        "行政规范性文件6051"
    )
    result = check(glued)
    assert result.failures == () and result.ok
    assert any("none of the format's sections" in o.message_en for o in result.not_assessable)


def test_fee_rule_is_not_assessable_without_section_six() -> None:
    report = to_report(with_prose(_base(), other=("本年度未收取信息处理费。",)))
    sections = tuple(
        attrs.evolve(s, heading=None) if s.key == "other" else s for s in report.sections
    )
    outcome = _only(check(attrs.evolve(report, sections=sections)), "text.fee_waived")
    assert outcome.status is Status.NOT_ASSESSABLE


@pytest.mark.parametrize(
    ("sentence", "rule", "status", "expected"),
    [
        ("其中予以公开7件，部分公开1件。", "text.granted", Status.PASS, 7),
        ("其中予以公开6件。", "text.granted", Status.FAIL, 7),
        ("部分公开2件。", "text.partially_granted", Status.FAIL, 1),
        # a group's count is the sum of its rows (no total is printed for it)
        (
            "不予公开2件，分别属于本机关不掌握相关政府信息及行政执法案卷。",
            "text.denied",
            Status.FAIL,
            0,
        ),
        ("无法提供2件。", "text.unable", Status.PASS, 2),
        ("不予处理1件。", "text.not_processed", Status.PASS, 1),
    ],
)
def test_stated_outcomes_are_compared_with_table_three(
    sentence: str, rule: str, status: Status, expected: int
) -> None:
    # A reviewer compares "不予公开2件" with the table: the prose and the table of one
    # real report disagreed, and no rule said so.
    outcome = _only(_overview(sentence), rule)
    assert (outcome.status, outcome.expected) == (status, expected)


@pytest.mark.parametrize("argv", [[], ["--bogus"], ["--markdown", "extra"]])
def test_a_checks_command_line_not_understood_exits_64(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # 64 as govinfo-report and `python -m govinfo_report.formats` say a usage error; 2
    # is their status for an input that could not be read.
    with pytest.raises(SystemExit) as exc:
        checks_main(argv)
    assert exc.value.code == 64
    captured = capsys.readouterr()
    assert "usage: python -m govinfo_report.checks" in captured.err
    assert captured.out == ""
