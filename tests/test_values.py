"""Reading one value cell (``_values.read_value``): numbers, blanks, markers, doubt."""

from __future__ import annotations

from decimal import Decimal

import pytest

from govinfo_report import CellKind
from govinfo_report._values import read_value
from govinfo_report.formats import ValueType


def _count(raw: str) -> tuple[CellKind, int | Decimal | None, str | None, bool]:
    return read_value(raw, "count", "件")


# Written out, not taken from MARKERS: a marker dropped from the set must fail here.
# The last ones are padded, escaped or made of dashes and slashes in any number.
MARKERS_PRINTED = (
    *("/", "\\", "-", "--", "---", "—", "——", "–", "－", "―", "无", "空", "×", "x", "X", "*"),
    *("nbsp", "&nbsp;/", " / ", "———", "-/-", "__—"),
)


@pytest.mark.parametrize("raw", MARKERS_PRINTED)
def test_a_not_applicable_marker_is_a_marker_never_a_number_or_unreadable(raw: str) -> None:
    # A dash, slash or "无" printed where a count belongs says "none / not applicable":
    # read as unreadable it would be flagged as damage on every report that uses one
    # (U+2013 and U+2015 are the dashes Word's autocorrect and some fonts give).
    assert _count(raw) == (CellKind.MARKER, None, None, False)


@pytest.mark.parametrize(
    ("raw", "value", "note"),
    [
        ("12", 12, None),
        ("1,234", 1234, "thousands separators removed from '1,234'"),
        ("12,345,678", 12345678, "thousands separators removed from '12,345,678'"),
        ("12件", 12, "unit 件 removed from '12件'"),
    ],
)
def test_a_count_is_read_and_every_repair_is_noted(raw: str, value: int, note: str | None) -> None:
    # A plain number is read as printed, with no note: a note says what was repaired,
    # and one on every cell would drown the repairs that were made.
    assert _count(raw) == (CellKind.NUMBER, value, note, False)


@pytest.mark.parametrize("raw", ["1,23", "1,2345", "12,34,567", ",123", "1,234,"])
def test_commas_that_are_no_thousands_separators_make_the_value_unreadable(raw: str) -> None:
    # "1,23" may be a decimal comma or two values run together: read as 123 it would be
    # a wrong number passed as a right one.
    kind, value, note, doubtful = _count(raw)
    assert (kind, value, note, doubtful) == (
        CellKind.UNREADABLE,
        None,
        f"not a number: {raw!r}",
        False,
    )


@pytest.mark.parametrize(
    ("raw", "value_type", "unit", "value"),
    [
        ("12", "count", "件", 12),
        ("12.0", "count", "件", 12),
        ("12", "amount", "万元", Decimal("12")),
        ("0.50", "amount", "万元", Decimal("0.50")),
    ],
)
def test_a_count_is_an_int_and_an_amount_a_decimal(
    raw: str, value_type: ValueType, unit: str, value: int | Decimal
) -> None:
    # docs/model.md: NUMBER holds an int for counts, a Decimal for amounts in 万元. The
    # type is asserted, as Decimal("12") == 12: JSON output and sums differ between them.
    kind, read, _, _ = read_value(raw, value_type, unit)
    assert kind is CellKind.NUMBER
    assert read == value
    assert type(read) is type(value)


def test_digits_apart_are_joined_and_doubted_with_what_was_repaired() -> None:
    # "1 2" is a number wrapped in a narrow cell, or a page number run into it: read,
    # but doubted, and the note says how it was joined (and any repair before it).
    kind, value, note, doubtful = _count("1 2")
    assert (kind, value, doubtful) == (CellKind.NUMBER, 12, True)
    assert note is not None
    assert note.startswith("the value's digits stand apart in 2 runs, joined as 12: '1 2'")
    kind, value, note, doubtful = _count("1 2件")
    assert (kind, value, doubtful) == (CellKind.NUMBER, 12, True)
    assert note is not None
    assert note.startswith("unit 件 removed from '1 2件'; the value's digits stand apart")


def test_digits_apart_in_what_is_no_number_are_not_doubted_as_joined() -> None:
    # An unreadable value was not joined: saying "joined as None" and doubting it would
    # report a repair that was never made.
    assert _count("12 34abc") == (CellKind.UNREADABLE, None, "not a number: '12 34abc'", False)


@pytest.mark.parametrize("raw", ["1.5", "0.5", "１．５", "2.50件"])
def test_a_fraction_in_a_count_column_is_unreadable(raw: str) -> None:
    # docs/model.md: a count is an int. "1.5" in a 件 column was read as Decimal("1.5"),
    # undoubted: a count with a fractional part is no count (a fee in the wrong column,
    # damage), and is said as such.
    kind, value, note, _ = _count(raw)
    assert (kind, value) == (CellKind.UNREADABLE, None)
    assert note is not None
    assert note.startswith("a fraction in a column of whole numbers (件)")
    assert read_value(raw.removesuffix("件"), "amount", "万元")[0] is CellKind.NUMBER


def test_a_whole_count_written_with_a_fraction_of_zeros_is_read_with_a_note() -> None:
    # "3.0" is the whole number 3 as a spreadsheet prints it: read, and the repair said.
    assert _count("3.0") == (
        CellKind.NUMBER,
        3,
        "the fraction of zeros left out of '3.0'",
        False,
    )
    assert _count("1,234.00")[1:3] == (
        1234,
        "thousands separators removed from '1,234.00'; the fraction of zeros left out of "
        "'1,234.00'",
    )
