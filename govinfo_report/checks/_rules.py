"""The rule declarations: data, derived from the format description where it has arithmetic.

Theory of operation. Every arithmetic rule comes out of the format
description, never out of a hand-written list of rows:

- each :class:`~govinfo_report.formats.Identity` of a table gives one rule per
  value column (table 三's carry-over identity, printed in its header);
- each row with ``sum_of_group`` gives one rule per column for each printing
  of the table whose leaves (``TableSpec.leaves_of``) differ;
- each column with ``sum_of`` gives one rule per row that has it
  (``rows_for`` both printings), e.g. 总计 = the six applicant columns;
- each table gives one rule on the type of its values (``Column.type``).

The other rules (completeness, text against tables, plausibility, across
reports) are declared below as plain records. ``rules_for(spec)`` returns
them all, in the order of docs/rules.md.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from govinfo_report.checks._model import Authority, CellRef, Equation, Rule
from govinfo_report.checks._names import column_name, row_name, table_name
from govinfo_report.checks._similar import MIN_NONZERO, SHINGLE, SIMILAR_TEXT
from govinfo_report.formats import FORMAT_2021, FormatSpec, TableSpec
from govinfo_report.model import Severity

__all__ = ["STATEMENT_KINDS", "across_rules", "rule_by_id", "rules_for"]

_VARIANTS: tuple[Literal["split", "single"], ...] = ("split", "single")
_PROSE = (
    "preamble",
    "overview",
    "active",
    "applications",
    "review_litigation",
    "problems",
    "other",
)


def _ref(table: TableSpec, row: str, column: str) -> CellRef:
    return CellRef(table=table.key, row=row, column=column)


def _identity_rules(table: TableSpec) -> list[Rule]:
    rules = []
    for identity in table.identities:
        for column in table.columns:
            left = tuple(_ref(table, r, column.key) for r in identity.left)
            right = tuple(_ref(table, r, column.key) for r in identity.right)
            col = column_name(table, column.key)
            rules.append(
                Rule(
                    id=f"{table.key}.{identity.key}[{column.key}]",
                    family=f"{table.key}.{identity.key}",
                    subject=column.key,
                    title_zh=f"{table_name(table)}勾稽关系（{col}列）：{identity.note}",
                    title_en=(
                        f"table {table.number} printed identity, column {column.key}: "
                        f"{' + '.join(identity.left)} = {' + '.join(identity.right)}"
                    ),
                    authority=Authority.FORM,
                    severity=Severity.ERROR,
                    method="equation",
                    reads=left + right,
                    equation=Equation(left=left, right=right),
                    explanation_zh="表头印明的勾稽关系，逐列核对。",
                    explanation_en="The identity printed in the table's header, per column.",
                )
            )
    return rules


def _group_sum_rules(table: TableSpec) -> list[Rule]:
    rules = []
    for row in table.rows:
        if row.sum_of_group is None:
            continue
        group = table.group(row.sum_of_group)
        by_variant = {v: table.leaves_of(group.key, v) for v in _VARIANTS}
        # One rule per printing only where the printings' leaves differ.
        variants: tuple[Literal["split", "single"] | None, ...] = (
            (None,) if by_variant["split"] == by_variant["single"] else _VARIANTS
        )
        for variant in variants:
            leaves = by_variant[variant or "split"]
            suffix = "" if variant in (None, "split") else f".{variant}"
            for column in table.row_columns(row):
                left = tuple(_ref(table, leaf.key, column.key) for leaf in leaves)
                right = (_ref(table, row.key, column.key),)
                col = column_name(table, column.key)
                printing = {
                    None: ("", ""),
                    "split": ("", ""),
                    "single": ("，（六）其他处理印为一行时", "; （六）其他处理 printed as one row"),
                }[variant]
                rules.append(
                    Rule(
                        id=f"{table.key}.{row.key}{suffix}[{column.key}]",
                        family=f"{table.key}.{row.key}{suffix}",
                        subject=column.key,
                        title_zh=(
                            f"{table_name(table)}{row_name(table, row.key)}等于"
                            f"{group.label}下{len(leaves)}个末级项之和（{col}列{printing[0]}）"
                        ),
                        title_en=(
                            f"table {table.number}: {row.key} = the sum of the {len(leaves)} "
                            f"leaf rows under {group.key}, column {column.key}{printing[1]}"
                        ),
                        authority=Authority.ARITHMETIC,
                        severity=Severity.ERROR,
                        method="equation",
                        reads=left + right,
                        equation=Equation(left=left, right=right),
                        variant=variant,
                        explanation_zh="合计行等于其下各末级项之和，逐列核对。",
                        explanation_en="A total row equals the sum of the leaf rows under it, per column.",
                    )
                )
    return rules


def _column_sum_rules(table: TableSpec) -> list[Rule]:
    rules = []
    for column in table.columns:
        if not column.sum_of:
            continue
        for row in table.rows:
            keys = {c.key for c in table.row_columns(row)}
            if column.key not in keys or not set(column.sum_of) <= keys:
                continue
            left = tuple(_ref(table, row.key, part) for part in column.sum_of)
            right = (_ref(table, row.key, column.key),)
            parts_zh = "、".join(column_name(table, p) for p in column.sum_of)
            rules.append(
                Rule(
                    id=f"{table.key}.{column.key}[{row.key}]",
                    family=f"{table.key}.{column.key}",
                    subject=row.key,
                    title_zh=(
                        f"{table_name(table)}{row_name(table, row.key)}："
                        f"{column_name(table, column.key)}等于{parts_zh}之和"
                    ),
                    title_en=(
                        f"table {table.number}, row {row.key}: "
                        f"{column.key} = {' + '.join(column.sum_of)}"
                    ),
                    authority=Authority.ARITHMETIC,
                    severity=Severity.ERROR,
                    method="equation",
                    reads=left + right,
                    equation=Equation(left=left, right=right),
                    variant=row.variant,
                    explanation_zh="合计列等于各分列之和，逐行核对。",
                    explanation_en="A total column equals the sum of its part columns, per row.",
                )
            )
    return rules


def _all_cells(table: TableSpec) -> tuple[CellRef, ...]:
    return tuple(
        _ref(table, row.key, column.key) for row in table.rows for column in table.row_columns(row)
    )


def _value_rules(table: TableSpec) -> Rule:
    types = {c.type for c in table.columns}
    zh = "件数为非负整数" + ("，金额为非负数" if "amount" in types else "")
    en = "counts are non-negative whole numbers" + (
        ", amounts non-negative decimals" if "amount" in types else ""
    )
    return Rule(
        id=f"{table.key}.values",
        family=f"{table.key}.values",
        title_zh=f"{table_name(table)}数值类型：{zh}",
        title_en=f"table {table.number} value types: {en}",
        authority=Authority.ARITHMETIC,
        severity=Severity.ERROR,
        method="values",
        reads=_all_cells(table),
        explanation_zh="只看填了数字的格子；空白等由“空白格”规则列出。",
        explanation_en="Only cells holding numbers are judged; blanks are listed by the blanks rule.",
    )


def _completeness_rules(spec: FormatSpec) -> list[Rule]:
    numbers = "、".join(s.number for s in spec.sections)
    rules = [
        Rule(
            id="report.sections",
            family="report.sections",
            title_zh=f"六个部分（{numbers}）齐全且顺序正确",
            title_en="all six sections present, in order",
            authority=Authority.COMPLETENESS,
            severity=Severity.ERROR,
            method="sections",
            reads_text=tuple(s.key for s in spec.sections),
            explanation_zh="按格式规定的标题（含常见变体）查找六个部分。",
            explanation_en="The six headings of the format (and their variants) are looked for in order.",
        )
    ]
    for table in spec.tables:
        rules.append(
            Rule(
                id=f"{table.key}.complete",
                family=f"{table.key}.complete",
                title_zh=f"{table_name(table)}（{table.title}）齐全：所有行和列都在",
                title_en=f"table {table.number} ({table.key}) present with all its rows and columns",
                authority=Authority.COMPLETENESS,
                severity=Severity.ERROR,
                method="table_complete",
                reads=_all_cells(table),
                explanation_zh="表格缺失或缺行时，列出缺少的格子。",
                explanation_en="A table or row that is not in the document: its cells are listed.",
            )
        )
    for table in spec.tables:
        rules.append(
            Rule(
                id=f"{table.key}.blanks",
                family=f"{table.key}.blanks",
                title_zh=f"{table_name(table)}应填数字的格子未留空（空白、“/”、“-”、文字均不是0）",
                title_en=(
                    f"table {table.number}: no blank cell where a number is required "
                    "(blank, '/', '-' or text is not 0)"
                ),
                authority=Authority.COMPLETENESS,
                severity=Severity.WARNING,
                method="blanks",
                reads=_all_cells(table),
                explanation_zh="列出每个空白、占位符或无法读出数字的格子及其位置。",
                explanation_en="Every blank, marker or unreadable cell is listed with where it is.",
            )
        )
    rules += [
        Rule(
            id="report.title",
            family="report.title",
            title_zh="标题写明机关名称和年度",
            title_en="the title names the body and the year",
            authority=Authority.COMPLETENESS,
            severity=Severity.WARNING,
            method="title",
            reads_text=("title",),
        ),
        Rule(
            id="report.year",
            family="report.year",
            title_zh="能确定报告年度",
            title_en="the report year can be told",
            authority=Authority.COMPLETENESS,
            severity=Severity.WARNING,
            method="year",
            reads_text=("title", "preamble", "overview"),
            explanation_zh="依次取标题、统计期限、正文中的年份。",
            explanation_en="From the title, else the statistics period, else the prose.",
        ),
        Rule(
            id="report.period",
            family="report.period",
            title_zh="统计期限与报告年度一致",
            title_en="the statistics period matches the report year",
            authority=Authority.COMPLETENESS,
            severity=Severity.WARNING,
            method="period",
            reads_text=("preamble", "overview"),
            explanation_zh="统计期限应为报告年度的1月1日至12月31日；未写明统计期限时无法评估。",
            explanation_en=(
                "The period must run from 1 January to 31 December of the report year; "
                "for a report that states no period it is not assessable."
            ),
        ),
        Rule(
            id="problems.content",
            family="problems.content",
            title_zh="第五部分（存在的主要问题及改进情况）有实际内容，不是空白或“无”",
            title_en="section 五 (problems and improvements) is neither empty nor just “无”",
            authority=Authority.COMPLETENESS,
            severity=Severity.WARNING,
            method="problems",
            reads_text=("problems",),
        ),
        Rule(
            id="overview.assessment",
            family="overview.assessment",
            title_zh="政府在总体情况中报告工作考核、社会评议和责任追究结果",
            title_en=(
                "a government reports the results of assessment, public appraisal and "
                "accountability (工作考核、社会评议和责任追究) in section 一"
            ),
            authority=Authority.COMPLETENESS,
            severity=Severity.INFO,
            method="assessment",
            reads_text=("overview",),
            explanation_zh=(
                "仅适用于政府（名称以“人民政府”或乡、镇、县、区、市等结尾）；"
                "查找“考核”“评议”“责任追究”。"
            ),
            explanation_en=(
                "Only for governments (a name ending in 人民政府, or in a place: 乡, 镇, 县, 区, "
                "市…); looks for 考核, 评议 and 责任追究 in section 一."
            ),
        ),
    ]
    return rules


#: Statements about applications and cases the prose makes, and the cells each is read against.
#: kind → (Chinese name, English name, cells (table, row, column)).
def _group_totals(group: str) -> tuple[tuple[str, str, str], ...]:
    """The 总计 cells of a group's rows in table 三 (as printed with （六） split)."""
    spec = FORMAT_2021.table("applications")
    return tuple(("applications", row.key, "total") for row in spec.leaves_of(group, "split"))


STATEMENT_KINDS: dict[str, tuple[str, str, tuple[tuple[str, str, str], ...]]] = {
    "received": (
        "共收到申请",
        "applications received",
        (("applications", "new_received", "total"), ("applications", "carried_over", "total")),
    ),
    "new_received": (
        "本年新收申请",
        "new applications",
        (("applications", "new_received", "total"),),
    ),
    "carried_over": (
        "上年结转申请",
        "applications carried over from last year",
        (("applications", "carried_over", "total"),),
    ),
    "processed": (
        "办结（答复）申请",
        "applications handled",
        (("applications", "total_processed", "total"),),
    ),
    "carried_forward": (
        "结转下年度继续办理",
        "applications carried forward",
        (("applications", "carried_forward", "total"),),
    ),
    "normative": (
        "行政规范性文件",
        "normative documents",
        (
            ("active", "normative_documents", "issued"),
            ("active", "normative_documents", "repealed"),
            ("active", "normative_documents", "in_force"),
        ),
    ),
    "granted": ("予以公开", "applications granted", (("applications", "granted", "total"),)),
    "partially_granted": (
        "部分公开",
        "applications partially granted",
        (("applications", "partially_granted", "total"),),
    ),
    # A group's count is the sum of its rows' totals (the form prints no total for it).
    **{
        kind: (zh, en, _group_totals(kind))
        for kind, zh, en in (
            ("denied", "不予公开", "applications denied"),
            ("unable", "无法提供", "applications the body could not answer"),
            ("not_processed", "不予处理", "applications not processed"),
        )
    },
    "review": (
        "行政复议案件",
        "administrative review cases",
        (("review_litigation", "review", "total"),),
    ),
    "litigation": (
        "行政诉讼案件",
        "administrative litigation cases",
        (
            ("review_litigation", "litigation_direct", "total"),
            ("review_litigation", "litigation_after_review", "total"),
        ),
    ),
}


def _text_rules(spec: FormatSpec) -> list[Rule]:
    rules = []
    for kind, (zh, en, cells) in STATEMENT_KINDS.items():
        refs = tuple(CellRef(table=t, row=r, column=c) for t, r, c in cells)
        if kind == "received":
            how_zh = (
                "“收到申请X件”可能指本年新收，也可能含上年结转：两者之一相符即通过；"
                "写明“（含上年结转Y件）”时X应等于新收加结转。"
            )
            how_en = (
                "'收到 X' may mean new only or new plus carried over: either passes; with "
                "'（含上年结转Y件）' X must be new plus carried over."
            )
        elif kind == "normative":
            how_zh = (
                "“制发/印发/出台规范性文件X件”对本年制发件数，“废止…X件”对本年废止件数，"
                "“现行有效…X件”对现行有效件数；只说“公开规范性文件X件”时与两者之一相符即通过。"
            )
            how_en = (
                "'制发/印发/出台 X' is the issued column, '废止 X' the repealed one, '现行有效 X' "
                "the in-force one; a bare '公开 X' passes if it equals issued or in force."
            )
        else:
            how_zh = "正文所述件数应等于表中对应的总计。"
            how_en = "The number the prose states must equal the table's total."
        rules.append(
            Rule(
                id=f"text.{kind}",
                family=f"text.{kind}",
                subject=kind,
                title_zh=f"正文所述{zh}件数与表格一致",
                title_en=f"the number of {en} stated in the prose matches the tables",
                authority=Authority.TEXT,
                severity=Severity.WARNING,
                method="statement",
                reads=refs,
                reads_text=_PROSE,
                explanation_zh=how_zh + "正文未提及时视为通过。",
                explanation_en=how_en + " A report whose prose states no such number passes.",
            )
        )
    fee = CellRef(table="active", row="fees", column="amount")
    unpaid = CellRef(table="applications", row="other_overdue_fee", column="total")
    rules += [
        Rule(
            id="text.years",
            family="text.years",
            title_zh="正文中的年份与报告年度一致",
            title_en="years in the prose agree with the report year",
            authority=Authority.TEXT,
            severity=Severity.WARNING,
            method="years",
            reads_text=_PROSE,
            explanation_zh=(
                "不计文号（〔2024〕1号）、书名号内的文件名、比较或起止（与2023年相比、"
                "2019年以来、2021-2025年）、完整日期、以后年度的计划（2025年将…）。"
            ),
            explanation_en=(
                "Leaves out document numbers (〔2024〕1号), titles in 《》, comparisons and "
                "ranges (与2023年相比, 2019年以来, 2021-2025年), full dates, and plans for "
                "later years (2025年将…)."
            ),
        ),
        Rule(
            id="text.fee_reported",
            family="text.fee_reported",
            title_zh="收费金额或（六）2不为0时，第六部分报告信息处理费情况",
            title_en=(
                "a non-zero fee (table 二) or row （六）2 (unpaid fee) is reported in "
                "section 六 (信息处理费)"
            ),
            authority=Authority.TEXT,
            severity=Severity.WARNING,
            method="fee_reported",
            reads=(fee, unpaid),
            reads_text=("other",),
        ),
        Rule(
            id="text.fee_waived",
            family="text.fee_waived",
            title_zh="第六部分称未收取信息处理费时，（六）2为0",
            title_en="when section 六 says no 信息处理费 was charged, row （六）2 is 0",
            authority=Authority.TEXT,
            severity=Severity.WARNING,
            method="fee_waived",
            reads=tuple(
                CellRef(table="applications", row="other_overdue_fee", column=c.key)
                for c in spec.table("applications").row_columns(
                    spec.table("applications").row("other_overdue_fee")
                )
            ),
            reads_text=("other",),
            variant="split",
        ),
        Rule(
            id="active.regulations_by_level",
            family="active.regulations_by_level",
            title_zh="无权制定规章的机关（乡镇、街道、县级）规章件数为0",
            title_en=("a body that cannot make 规章 (township, town, county level) reports 0 规章"),
            authority=Authority.PLAUSIBILITY,
            severity=Severity.WARNING,
            method="regulations_level",
            reads=tuple(
                CellRef(table="active", row="regulations", column=c.key)
                for c in spec.table("active").row_columns(spec.table("active").row("regulations"))
            ),
            reads_text=("title",),
            explanation_zh=(
                "只有国务院部门、省级政府、设区的市和自治州政府可以制定规章；"
                "机关层级由名称判断（乡、镇、街道、县、旗、市辖区），判断不出时不评估。"
            ),
            explanation_en=(
                "Only State Council departments and the governments of provinces, cities with "
                "districts and autonomous prefectures make 规章. The level is judged from the "
                "body's name (乡, 镇, 街道, 县, 旗, a city's 区); when it cannot be told, the rule "
                "is not assessable."
            ),
        ),
    ]
    return rules


def across_rules(spec: FormatSpec) -> tuple[Rule, ...]:
    """The rules that need more than one report."""
    applications = spec.table("applications")
    active = spec.table("active")
    rules = []
    for column in applications.columns:
        col = column_name(applications, column.key)
        rules.append(
            Rule(
                id=f"across.carried_over[{column.key}]",
                family="across.carried_over",
                subject=column.key,
                title_zh=f"本年“上年结转”等于上年报告“结转下年度继续办理”（{col}列）",
                title_en=(
                    f"carried_over this year = last year's carried_forward, column {column.key}"
                ),
                authority=Authority.ACROSS,
                severity=Severity.ERROR,
                method="across_carried_over",
                reads=(
                    CellRef(table="applications", row="carried_over", column=column.key),
                    CellRef(table="applications", row="carried_forward", column=column.key),
                ),
                scope="collection",
                explanation_zh="同一机关相邻两年的报告（机关名称规范化后比较）。",
                explanation_en="Two consecutive years of one body (names compared normalized).",
            )
        )
    for row_key in ("regulations", "normative_documents"):
        row = row_name(active, row_key)
        rules.append(
            Rule(
                id=f"across.in_force[{row_key}]",
                family="across.in_force",
                subject=row_key,
                title_zh=f"{row}现行有效件数 = 上年现行有效件数 + 本年制发 − 本年废止",
                title_en=f"{row_key}: in_force = last year's in_force + issued − repealed",
                authority=Authority.ACROSS,
                severity=Severity.WARNING,
                method="across_in_force",
                reads=tuple(
                    CellRef(table="active", row=row_key, column=c)
                    for c in ("issued", "repealed", "in_force")
                ),
                scope="collection",
                explanation_zh="文件到期自然失效也会减少现行有效件数，故为警告。",
                explanation_en=(
                    "Documents that lapse at the end of their term also leave the in-force "
                    "count, hence a warning."
                ),
            )
        )
    rules += [
        Rule(
            id="across.similar_text",
            family="across.similar_text",
            title_zh="报告正文与另一份报告（本机关其他年度或其他机关）雷同",
            title_en="the prose is near-identical to another report (another year or body)",
            authority=Authority.ACROSS,
            severity=Severity.WARNING,
            method="across_similar_text",
            reads_text=("overview", "problems", "other"),
            scope="collection",
            explanation_zh=(
                f"去掉机关名称、年份和数字后，按{SHINGLE}字片段计算覆盖率（较短一份中与另一份"
                f"相同的片段比例），达到{SIMILAR_TEXT:.0%}即为雷同，并列出相同的段落。"
            ),
            explanation_en=(
                f"With body names, years and digits masked, the share of {SHINGLE}-character "
                "shingles of the shorter prose found in the other (containment); at "
                f"{SIMILAR_TEXT:.0%} or more the pair is flagged, with the passages they share."
            ),
        ),
        Rule(
            id="across.same_data",
            family="across.same_data",
            title_zh="报告表格数据与另一份报告完全相同",
            title_en="the tables hold exactly the same numbers as another report",
            authority=Authority.ACROSS,
            severity=Severity.WARNING,
            method="across_same_data",
            reads=tuple(c for t in spec.tables for c in _all_cells(t)),
            scope="collection",
            explanation_zh=(
                f"所有格子相同且至少有{MIN_NONZERO}个非零数值（全为0的表格相同不算雷同）。"
            ),
            explanation_en=(
                f"Every cell equal, with at least {MIN_NONZERO} non-zero values (two all-zero "
                "tables are not a copy)."
            ),
        ),
    ]
    return tuple(rules)


@cache
def rules_for(spec: FormatSpec) -> tuple[Rule, ...]:
    """Every rule on one report of format ``spec``, in documentation order."""
    rules: list[Rule] = []
    for table in spec.tables:
        rules += _identity_rules(table)
    for table in spec.tables:
        rules += _group_sum_rules(table)
        rules += _column_sum_rules(table)
    rules += [_value_rules(table) for table in spec.tables]
    rules += _completeness_rules(spec)
    rules += _text_rules(spec)
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)), "rule ids must be unique"
    return tuple(rules)


def rule_by_id(spec: FormatSpec, rule_id: str) -> Rule:
    """The rule ``rule_id`` (per-report or across reports)."""
    for rule in (*rules_for(spec), *across_rules(spec)):
        if rule.id == rule_id:
            return rule
    raise KeyError(rule_id)
