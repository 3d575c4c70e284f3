"""The prose patterns and the statement finder on adversarial input, and that they read
normal prose as before.

Not timed: the work is counted. A pattern that begins with a number is tried at every
position of a long run of digits, and each try that is not anchored re-scans the run;
counting the positions where the number can begin is counting those scans. The spans of
the statements already found were scanned whole on every new statement; the finder's
results are compared with the old algorithm, kept here as the reference.
"""

from __future__ import annotations

import re

from _pytest.monkeypatch import MonkeyPatch
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo_report.checks import _prose
from govinfo_report.checks._text import Prose
from govinfo_report.model import Location, TextBlock

# The number as the patterns had it before they were anchored (the reference).
_OLD_NUM = r"(?P<num>\d+|[零〇一二两三四五六七八九十百千]+)"
_NUMERALS = "零〇一二两三四五六七八九十百千"
_LEADING = ("_FORWARD_AFTER_RE", "_PROCESSED_AFTER_RE")


def _patterns_starting_with_a_number() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (name, value)
        for name, value in vars(_prose).items()
        if isinstance(value, re.Pattern) and value.pattern.startswith("(?P<num>")
    ]


def test_every_pattern_that_starts_with_a_number_is_anchored() -> None:
    found = _patterns_starting_with_a_number()
    assert {name for name, _ in found} >= set(_LEADING)
    for name, pattern in found:
        assert pattern.pattern.startswith(_prose._LEAD_NUM), name


def test_a_long_run_is_scanned_from_one_position_only() -> None:
    # Each position the number can begin at scans the run to its end: 20,000 positions
    # of a 20,000-character run made 2·10⁸ steps; anchored, one position scans it.
    lead = re.compile(_prose._LEAD_NUM)
    for run in ("7" * 20_000, "三" * 20_000):
        text = f"共{run}项"
        starts = [i for i in range(len(text)) if lead.match(text, i)]
        assert starts == [1]
        for _, pattern in _patterns_starting_with_a_number():
            assert list(pattern.finditer(text)) == []


_WORDS = ("1", "2", "0", "12", "三", "十", "两", "五", "件", "申请", "均", "已", "予以")
_PIECES = st.sampled_from(
    (*_WORDS, "依法", "办结", "答复", "结转", "至", "下年度", "下一年", "2024年", "，", "。")
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=30))
def test_the_anchored_patterns_match_what_the_old_ones_did(pieces: list[str]) -> None:
    text = "".join(pieces)
    for name in _LEADING:
        new = getattr(_prose, name)
        old = re.compile(_OLD_NUM + new.pattern.removeprefix(_prose._LEAD_NUM))
        got = [(m.span(), m.groupdict()) for m in new.finditer(text)]
        assert got == [(m.span(), m.groupdict()) for m in old.finditer(text)], name


def _old_free(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """The old test for overlap: every span taken is scanned (the reference)."""
    return all(end <= a or start >= b for a, b in taken)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=60))
def test_taken_spans_answer_as_the_full_scan_did(tries: list[tuple[int, int]]) -> None:
    # The finder takes a span only when it is free, in any order of positions (one
    # pattern after another); the same protocol is played on both.
    taken = _prose._Taken()
    reference: list[tuple[int, int]] = []
    for start, length in tries:
        end = start + length
        free = taken.free(start, end)
        assert free == _old_free(reference, start, end), (reference, start, end)
        if free:
            taken.take(start, end)
            reference.append((start, end))


def test_a_paragraph_of_many_statements_costs_n_log_n(monkeypatch: MonkeyPatch) -> None:
    # Counted: the spans the bisections look at. The full scan looked at every span taken,
    # n²/2 for n statements (8·10⁶ here); bisection looks at about log₂ n per test.
    looked = [0]
    start_of = _prose._start_of

    def counting(span: tuple[int, int]) -> int:
        looked[0] += 1
        return start_of(span)

    monkeypatch.setattr(_prose, "_start_of", counting)
    n = 4000
    text = "".join(f"收到申请{i}件，" for i in range(n)) + "。"
    prose = Prose.of("overview", 0, TextBlock(text=text, location=Location(carrier="text", line=1)))
    found = list(_prose._statements_in(prose, 2024))
    assert [s.value for s in found] == list(range(n))
    assert looked[0] <= n * 2 * (n.bit_length() + 1)
