"""The administrative level of a body, judged from its name, and the 规章 plausibility rule.

Only State Council departments and the governments of provinces, cities with
districts (设区的市) and autonomous prefectures may make 规章. A name tells the
level where its last administrative division is a township (乡, 镇, 街道,
苏木) or a county (县, 旗, a 区 of a city). A city (市) may or may not have
districts, and a department's powers are not in its name: those are
"unknown", and the rule does not guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from govinfo_report.checks._common import all_zero, fmt, get_cell, unknown, who
from govinfo_report.checks._model import Outcome, Rule, Status
from govinfo_report.checks._text import squash
from govinfo_report.model import Report

__all__ = ["METHODS", "Level", "body_level"]

Level = Literal["township", "county", "higher", "unknown"]

# Words holding a division character that is not a division ("城乡建设", "社区").
_NOT_DIVISIONS = re.compile(
    r"城乡|乡村|乡镇|镇村|县域|区域|社区|小区|园区|景区|城区|片区|街区|辖区|市场|市政|城市|都市|超市|"
    r"州市|省市|市县|市区|区县"
)
# Zones named 区 that are not a city's district (their level varies).
_ZONES = re.compile(r"(?:开发|高新|新|示范|实验|试验|保税|经济|自贸|合作|综合|管理)区")
_DIVISION = re.compile(r"自治区|自治州|自治县|自治旗|街道|苏木|[省市州盟县旗区乡镇]")


def body_level(name: str) -> tuple[Level, str | None]:
    """The level a body's name shows, and the division word that shows it."""
    text = squash(name)
    text = _ZONES.sub(lambda m: "＿" * len(m.group(0)), text)
    text = _NOT_DIVISIONS.sub(lambda m: "＿" * len(m.group(0)), text)
    divisions = list(_DIVISION.finditer(text))
    if not divisions:
        return "unknown", None
    last = divisions[-1]
    word = last.group(0)
    # The place name before the division word, for the message ("叉干镇").
    start = max((m.end() for m in divisions[:-1]), default=0)
    place = text[start : last.end()].replace("＿", "")
    if word in ("乡", "镇", "街道", "苏木"):
        return "township", place
    if word in ("县", "旗", "自治县", "自治旗"):
        return "county", place
    if word == "区":
        # A 区 under a 市 ("XX市XX区") is county level; a lone "XX区" may be a zone.
        if any(m.group(0) in ("市", "州", "盟") for m in divisions[:-1]) or text.endswith(
            ("区人民政府", "区政府")
        ):
            return "county", place
        return "unknown", place
    if word == "市" and any(m.group(0) == "市" for m in divisions[:-1]):
        # "XX市XX市": a county-level city under a prefecture-level one.
        return "county", place
    if word in ("省", "自治区", "自治州", "州", "盟") and squash(name).endswith("人民政府"):
        return "higher", place
    return "unknown", place


_LEVEL_NAMES = {
    "township": ("乡镇（街道）级", "township level"),
    "county": ("县级", "county level"),
}


def regulations_level(rule: Rule, report: Report) -> Outcome:
    cells = tuple(get_cell(report, ref) for ref in rule.reads)
    zero = all_zero(rule, report, cells, "规章件数为0", "规章 counts are 0")
    if zero is not None:
        return zero
    nonzero = [c for c in cells if c.value]
    name = report.metadata.organization
    if name is None:
        return unknown(rule, "机关名称", "the body", cells)
    level, place = body_level(name)
    if level in ("higher", "unknown"):
        return Outcome(
            rule=rule,
            status=Status.PASS if level == "higher" else Status.NOT_ASSESSABLE,
            message_zh=f"“{name}”可以制定规章"
            if level == "higher"
            else f"无法评估：从名称“{name}”看不出机关层级",
            message_en=f"“{name}” may make 规章"
            if level == "higher"
            else f"not assessable: the level of “{name}” cannot be told from its name",
            cells=cells,
        )
    level_zh, level_en = _LEVEL_NAMES[level]
    said_zh = "、".join(f"{who(report, c)}为{fmt(c.value)}" for c in nonzero)
    said_en = "; ".join(f"{who(report, c)} is {fmt(c.value)}" for c in nonzero)
    return Outcome(
        rule=rule,
        status=Status.FAIL,
        message_zh=(
            f"{said_zh}，但“{name}”是{level_zh}机关（{place}），无权制定规章"
            "（只有国务院部门、省级政府、设区的市和自治州政府可以）"
        ),
        message_en=(
            f"{said_en}, but “{name}” is a {level_en} body ({place}), which cannot make 规章 "
            "(only State Council departments and the governments of provinces, cities with "
            "districts and autonomous prefectures can)"
        ),
        cells=cells,
        expected=0,
        actual=nonzero[0].value,
        difference=nonzero[0].value,
    )


METHODS: dict[str, Callable[[Rule, Report], Outcome | list[Outcome]]] = {
    "regulations_level": regulations_level
}
