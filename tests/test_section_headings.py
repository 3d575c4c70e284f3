"""Section headings: the indexed lookup agrees with a plain scan of every title."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from govinfo_report._labels import (
    _DROP_RE,
    _HEADING_MAX_EXTRA,
    _SECTIONS,
    core,
    match_section_heading,
    split_numbering,
)
from govinfo_report.formats import SectionSpec


def _scan(text: str) -> SectionSpec | None:
    """The rule written the obvious way: every section, every title, in order."""
    numbering, rest = split_numbering(text)
    rest_core = _DROP_RE.sub("", rest)
    if not rest_core or len(rest_core) > 40:
        return None
    for section in _SECTIONS:
        for title in section.titles:
            title_core = core(title)
            extra = len(rest_core) - len(title_core)
            if rest_core.startswith(title_core) and extra <= 2:
                return section
            if (
                rest_core.endswith(title_core)
                and extra <= _HEADING_MAX_EXTRA
                and (numbering or extra <= 8)
            ):
                return section
    return None


_TITLES = [title for section in _SECTIONS for title in section.titles]
_NUMBERINGS = ["", "一、", "三、", "3、", "（二）", "第四部分 ", "6."]
_NOISE = ["", "工作", "情况", "的", "本机关", "2024年政府信息公开工作", "。", " ", "12", "a"]


@given(
    st.sampled_from(_NUMBERINGS),
    st.sampled_from(_NOISE),
    st.sampled_from(_TITLES),
    st.sampled_from(_NOISE),
    st.sampled_from([*_TITLES, ""]),
)
@example("五、", "", "政府信息公开工作存在的主要问题及改进情况", "", "")
@example("", "", "总体情况", "", "")
@example("", "", "总体情况", "本机关", "")  # three characters after a title: not a heading
@settings(max_examples=1000)
def test_lookup_is_the_scan(numbering: str, before: str, title: str, after: str, more: str) -> None:
    text = f"{numbering}{before}{title}{after}{more}"
    assert match_section_heading(text) == _scan(text)


@given(st.text(max_size=50))
def test_lookup_is_the_scan_on_any_text(text: str) -> None:
    assert match_section_heading(text) == _scan(text)


def test_short_ascii_is_never_a_heading() -> None:
    assert match_section_heading("12") is None
    assert match_section_heading("一、总体情况") is not None
