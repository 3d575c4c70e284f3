"""Section headings: the indexed lookup agrees with a plain scan of every title."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

import govinfo_report
from govinfo_report._labels import (
    _DROP_RE,
    _HEADING_MAX_EXTRA,
    _SECTIONS,
    core,
    match_section_heading,
    split_numbering,
    split_run_in_heading,
)
from govinfo_report.formats import SectionSpec
from govinfo_report.synth import consistent_example
from govinfo_report.synth.html import render_html
from govinfo_report.synth.text import render_text


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


# -- headings that run into their first paragraph ---------------------------------------


def _run_in(text: str) -> tuple[str, str, str] | None:
    found = split_run_in_heading(text)
    return None if found is None else (found[0].key, text[: found[1]], text[found[1] :])


def test_a_numbered_heading_running_into_its_paragraph_is_split_where_it_ends() -> None:
    assert _run_in("一、总体情况2022年，我局") == ("overview", "一、总体情况", "2022年，我局")
    assert _run_in("五、存在的主要问题及改进情况（一）存在的问题") == (
        "problems",
        "五、存在的主要问题及改进情况",
        "（一）存在的问题",
    )
    # The title as written, punctuation and spaces inside it kept in the heading.
    assert _run_in("四、 政府信息公开行政复议、行政诉讼情况：本年度") == (
        "review_litigation",
        "四、 政府信息公开行政复议、行政诉讼情况",
        "：本年度",
    )


def test_only_a_section_s_own_number_and_title_start_a_run_in_heading() -> None:
    assert _run_in("一、总体情况") is None  # a heading alone: match_section_heading's
    assert _run_in("（一）主动公开情况。本年度主动公开") is None  # a point within a section
    assert _run_in("二、总体情况。本年度") is None  # the number of another section
    assert _run_in("总体情况良好。本年度") is None  # no number
    assert _run_in("一、总体来看，本年度") is None  # no title


def test_run_in_headings_are_found_in_a_report() -> None:
    report = consistent_example("青禾镇人民政府", 2024)
    text = render_text(report)
    glued = text.replace("一、总体情况\n\n", "一、总体情况。").replace(
        "五、存在的主要问题及改进情况\n\n", "五、存在的主要问题及改进情况："
    )
    assert glued.count("\n") < text.count("\n")
    parsed = govinfo_report.parse(glued)
    sections = {section.key: section for section in parsed.sections}
    assert all(section.found for section in parsed.sections)
    assert sections["overview"].heading == "一、总体情况"
    assert sections["overview"].paragraphs[0].text.startswith("2024年，青禾镇人民政府坚持")
    assert sections["problems"].heading == "五、存在的主要问题及改进情况"
    assert sections["problems"].paragraphs[0].text.startswith("政策解读的形式")
    notes = [d for d in parsed.diagnostics if d.code == "repair.run-in-heading"]
    assert len(notes) == 2
    assert not [d for d in parsed.diagnostics if d.code == "missing.section"]


def test_a_bold_run_in_heading_of_a_web_page() -> None:
    report = consistent_example("青禾镇人民政府", 2024)
    page = render_html(report).decode("utf-8")
    heading = '<h3>一、总体情况</h3>\n<p style="text-indent:2em">'
    assert heading in page
    # "<p><strong>一、总体情况</strong>2024年，…</p>": the heading in bold inside the paragraph.
    glued = page.replace(heading, '<p style="text-indent:2em"><strong>一、总体情况</strong>')
    parsed = govinfo_report.parse(glued.encode("utf-8"))
    overview = parsed.sections[0]
    assert overview.found and overview.heading == "一、总体情况"
    assert overview.paragraphs[0].text.startswith("2024年，青禾镇人民政府坚持")
