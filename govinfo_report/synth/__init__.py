"""Synthetic reports: values drawn from the format description, rendered in every carrier.

A :class:`SyntheticReport` holds what a report says (body, year, contact,
prose and every table value) independent of how it is printed. Renderers
(``govinfo_report.synth.text`` and the other carrier modules) print it; the
round-trip tests parse what they print and compare with
:meth:`SyntheticReport.expected`, which has the shape of ``Report.to_dict()``.
The project's shipped example report is made this way too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Literal

import attrs

from govinfo_report.formats import FORMAT_2021, FormatSpec, TableSpec

__all__ = ["SyntheticReport", "Value", "consistent_example", "render_value"]

#: A printed value: a number, a not-applicable marker ("/", "-", "—", "无"), or ``None`` for blank.
Value = int | Decimal | str | None


def _plain(value: Value) -> int | float | None:
    if isinstance(value, str) or value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def render_value(value: Value) -> str:
    """The plain printed form of a value (blank is the empty string)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


@attrs.frozen(kw_only=True)
class SyntheticReport:
    """What a report says, independent of how it is printed."""

    organization: str
    year: int
    published: dt.date | None = None
    #: Contact fields by key (address, postcode, phone, email, website).
    contact: Mapping[str, str] = attrs.field(factory=dict)
    #: table key → row key → values in the row's column order.
    values: Mapping[str, Mapping[str, tuple[Value, ...]]]
    variant: Literal["split", "single"] = "split"
    #: section key → paragraphs of prose (section 二–四 hold their table after the prose).
    prose: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict)
    spec: FormatSpec = attrs.field(default=FORMAT_2021, repr=False)

    def rows(self, table: TableSpec) -> tuple[tuple[str, tuple[Value, ...]], ...]:
        """(row key, values) for every row printed in ``table``."""
        return tuple(
            (row.key, self.values[table.key][row.key]) for row in table.rows_for(self.variant)
        )

    def expected(self) -> dict[str, Any]:
        """The values ``Report.to_dict()`` must give back."""
        out: dict[str, Any] = {
            "format": self.spec.version,
            "organization": self.organization,
            "year": self.year,
            "published": None if self.published is None else self.published.isoformat(),
            "contact": dict(self.contact) or None,
        }
        for table in self.spec.tables:
            exported: dict[str, Any] = {}
            for row in table.rows_for(self.variant):
                values = self.values[table.key][row.key]
                columns = table.row_columns(row)
                if table.export == "list":
                    exported[row.key] = [_plain(v) for v in values]
                elif len(columns) == 1:
                    exported[row.key] = _plain(values[0])
                else:
                    exported[row.key] = {
                        c.key: _plain(v) for c, v in zip(columns, values, strict=True)
                    }
            out[table.key] = exported
        return out


def consistent_example(organization: str, year: int) -> SyntheticReport:
    """A small, arithmetically consistent report (the shipped example is built from it)."""
    spec = FORMAT_2021
    applications = spec.table("applications")
    width = len(applications.columns) - 1
    leaf = {row.key: [0] * width for row in applications.rows_for("split")}
    leaf["granted"] = [5, 1, 0, 0, 1, 0]
    leaf["partially_granted"] = [1, 0, 0, 0, 0, 0]
    leaf["unable_not_held"] = [2, 0, 0, 0, 0, 0]
    leaf["not_processed_repeated"] = [1, 0, 0, 0, 0, 0]
    processed = [
        sum(leaf[r.key][i] for r in applications.leaves_of("results", "split"))
        for i in range(width)
    ]
    leaf["total_processed"] = processed
    leaf["carried_over"] = [1, 0, 0, 0, 0, 0]
    leaf["carried_forward"] = [1, 0, 0, 0, 0, 0]
    leaf["new_received"] = [
        p + f - c
        for p, f, c in zip(processed, leaf["carried_forward"], leaf["carried_over"], strict=True)
    ]
    table3: dict[str, tuple[Value, ...]] = {key: (*vals, sum(vals)) for key, vals in leaf.items()}
    review: dict[str, tuple[Value, ...]] = {
        "review": (1, 0, 0, 0, 1),
        "litigation_direct": (0, 0, 0, 0, 0),
        "litigation_after_review": (0, 0, 0, 0, 0),
    }
    active: dict[str, tuple[Value, ...]] = {
        "regulations": (0, 0, 0),
        "normative_documents": (2, 1, 14),
        "licensing": (37,),
        "punishment": (5,),
        "enforcement": (0,),
        "fees": (Decimal("0"),),
    }
    received = sum(leaf["new_received"])
    prose = {
        "overview": (
            f"{year}年，{organization}坚持以公开为常态、不公开为例外，全面推进政务公开工作。",
            f"全年共收到政府信息公开申请{received}件，上年结转{sum(leaf['carried_over'])}件，"
            f"办结{sum(processed)}件，结转下年度继续办理{sum(leaf['carried_forward'])}件。",
        ),
        "problems": ("政策解读的形式还不够丰富，下一步将加强解读材料与文件同步发布。",),
        "other": ("本年度未收取信息处理费。",),
    }
    return SyntheticReport(
        organization=organization,
        year=year,
        published=dt.date(year + 1, 1, 20),
        contact={"address": "人民路1号", "postcode": "100000", "phone": "010-12345678"},
        values={"active": active, "applications": table3, "review_litigation": review},
        prose=prose,
    )
