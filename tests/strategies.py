"""Hypothesis strategies for synthetic 2021-format reports: the one place they live.

``synthetic_reports(consistent=True)`` draws the parts and computes every total,
so all the form's arithmetic holds; ``consistent=False`` draws every cell on its
own: totals that do not add up, blank cells, markers, large and negative numbers,
decimal fees. Both draw the body, year, contact details, prose and the printing
of （六）其他处理 (three rows or one).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, TypeVar

import attrs
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from govinfo_report.formats import FORMAT_2021, Column
from govinfo_report.synth import SyntheticReport, Value
from govinfo_report.synth.docx import DocxNoise

# Characters for invented place names (none of them 年, 关于, 信息 or a digit).
_PLACE = "青禾松岭河湾石桥柳溪云峰东西南北安兴隆丰华明远泉杏梅竹林山川田坪庄"
_SUFFIXES = (
    "镇人民政府",
    "乡人民政府",
    "街道办事处",
    "县人民政府",
    "县交通运输局",
    "区市场监督管理局",
    "市生态环境局",
    "县财政局",
)
MARKERS = ("/", "-", "—", "无")

organizations = st.builds(
    lambda place, suffix: place + suffix,
    st.text(alphabet=_PLACE, min_size=2, max_size=4),
    st.sampled_from(_SUFFIXES),
)
small_counts = st.integers(min_value=0, max_value=30)
amounts = st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False)


def _arbitrary_value(column: Column) -> st.SearchStrategy[Value]:
    numbers: st.SearchStrategy[Value]
    if column.type == "amount":
        numbers = amounts
    else:
        numbers = st.one_of(
            small_counts,
            st.integers(min_value=0, max_value=10**7),
            st.integers(min_value=-50, max_value=-1),
        )
    return st.one_of(numbers, numbers, numbers, st.none(), st.sampled_from(MARKERS))


@st.composite
def _contacts(draw: st.DrawFn) -> dict[str, str]:
    fields = {
        "address": st.builds(
            lambda p, n: f"{p}路{n}号",
            st.text(alphabet=_PLACE, min_size=2, max_size=3),
            st.integers(1, 999),
        ),
        "postcode": st.from_regex(r"[1-8][0-9]{5}", fullmatch=True),
        "phone": st.builds(
            lambda a, b: f"0{a}-{b}", st.integers(100, 999), st.integers(2000000, 89999999)
        ),
        "email": st.builds(
            lambda u: f"{u}@example.gov.cn", st.from_regex(r"[a-z]{3,10}[0-9]{0,4}", fullmatch=True)
        ),
        "website": st.builds(
            lambda h: f"http://www.{h}.gov.cn", st.from_regex(r"[a-z]{3,8}", fullmatch=True)
        ),
    }
    chosen = draw(st.lists(st.sampled_from(sorted(fields)), unique=True, max_size=5))
    return {key: draw(fields[key]) for key in sorted(chosen, key=list(fields).index)}


@st.composite
def _consistent_values(draw: st.DrawFn, variant: str) -> dict[str, dict[str, tuple[Value, ...]]]:
    spec = FORMAT_2021
    applications = spec.table("applications")
    width = len(applications.columns) - 1
    leaves = applications.leaves_of("results", variant)  # type: ignore[arg-type]
    rows: dict[str, list[int]] = {
        row.key: draw(st.lists(small_counts, min_size=width, max_size=width)) for row in leaves
    }
    processed = [sum(rows[row.key][i] for row in leaves) for i in range(width)]
    forward = draw(st.lists(small_counts, min_size=width, max_size=width))
    over = [draw(st.integers(0, p + f)) for p, f in zip(processed, forward, strict=True)]
    rows["total_processed"] = processed
    rows["carried_forward"] = forward
    rows["carried_over"] = over
    rows["new_received"] = [p + f - o for p, f, o in zip(processed, forward, over, strict=True)]
    table3: dict[str, tuple[Value, ...]] = {key: (*vals, sum(vals)) for key, vals in rows.items()}
    table4: dict[str, tuple[Value, ...]] = {}
    for row in spec.table("review_litigation").rows:
        parts = draw(st.lists(small_counts, min_size=4, max_size=4))
        table4[row.key] = (*parts, sum(parts))
    active: dict[str, tuple[Value, ...]] = {}
    for row in spec.table("active").rows:
        columns = spec.table("active").row_columns(row)
        active[row.key] = tuple(
            draw(amounts) if c.type == "amount" else draw(small_counts) for c in columns
        )
    return {"active": active, "applications": table3, "review_litigation": table4}


@st.composite
def _arbitrary_values(draw: st.DrawFn, variant: str) -> dict[str, dict[str, tuple[Value, ...]]]:
    out: dict[str, dict[str, tuple[Value, ...]]] = {}
    for table in FORMAT_2021.tables:
        out[table.key] = {
            row.key: tuple(draw(_arbitrary_value(c)) for c in table.row_columns(row))
            for row in table.rows_for(variant)  # type: ignore[arg-type]
        }
    return out


def _prose(year: int, organization: str, number: int) -> dict[str, tuple[str, ...]]:
    return {
        "overview": (
            f"{year}年，{organization}认真贯彻政府信息公开条例，持续推进政务公开标准化规范化建设。",
            f"按照上级通知（〔{year + 1}〕{number}号）要求，及时更新政府信息公开指南和目录。",
        ),
        "active": ("主动公开情况见下表。",),
        "problems": ("公开内容的及时性还有待提高，下一步将完善信息发布审核机制。",),
        "other": ("本年度未收取信息处理费。",),
    }


@st.composite
def synthetic_reports(draw: st.DrawFn, consistent: bool = True) -> SyntheticReport:
    """A whole synthetic report; see the module docstring."""
    organization = draw(organizations)
    year = draw(st.integers(min_value=2021, max_value=2030))
    variant = "split" if consistent else draw(st.sampled_from(["split", "split", "single"]))
    values: Any = draw(_consistent_values(variant) if consistent else _arbitrary_values(variant))
    published = draw(
        st.one_of(st.none(), st.dates(dt.date(year + 1, 1, 1), dt.date(year + 1, 3, 31)))
    )
    return SyntheticReport(
        organization=organization,
        year=year,
        published=published,
        contact=draw(_contacts()),
        values=values,
        variant=variant,
        prose=_prose(year, organization, draw(st.integers(1, 99))),
    )


#: One draw, the same on every run and never shrunk: for tests whose every try runs an
#: outside program (a browser, an office suite) over a batch of files.
one_draw = settings(
    max_examples=1,
    derandomize=True,
    database=None,
    deadline=None,
    phases=[Phase.generate],
    suppress_health_check=list(HealthCheck),
)

N = TypeVar("N")


def docx_noises(*, keep_off: str | None = None) -> st.SearchStrategy[DocxNoise]:
    """Every kind of Word markup noise on, but for one drawn off in some files (and
    ``keep_off`` off in all of them)."""
    names = [f.name for f in attrs.fields(DocxNoise) if f.name != keep_off]
    fixed = {} if keep_off is None else {keep_off: False}
    return st.sampled_from([None, *names]).map(
        lambda off: attrs.evolve(DocxNoise.all(), **fixed, **({off: False} if off else {}))
    )


def drawn_reports(
    noise: st.SearchStrategy[N], count: int, consistent: bool | None = None
) -> st.SearchStrategy[list[tuple[SyntheticReport, N, int]]]:
    """``count`` synthetic reports, each with a noise and a seed for its renderer;
    consistent or not as ``consistent`` says, either when it is ``None``."""
    reports = (
        st.booleans().flatmap(lambda each: synthetic_reports(consistent=each))
        if consistent is None
        else synthetic_reports(consistent=consistent)
    )
    return st.lists(
        st.tuples(reports, noise, st.integers(0, 2**16)), min_size=count, max_size=count
    )


__all__ = [
    "MARKERS",
    "Decimal",
    "docx_noises",
    "drawn_reports",
    "one_draw",
    "organizations",
    "synthetic_reports",
]
