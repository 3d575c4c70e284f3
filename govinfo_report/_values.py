"""Reading one value cell: number, blank, not-applicable marker, or unreadable."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from govinfo_report._labels import BOOKMARK_RE, nfkc
from govinfo_report.formats import ValueType
from govinfo_report.model import CellKind

__all__ = ["MARKERS", "read_value"]

#: Printed where a number belongs to say "not applicable / none". Never 0.
MARKERS = frozenset(
    {"/", "\\", "-", "--", "---", "—", "——", "–", "－", "―", "无", "空", "×", "x", "X", "*", "nbsp"}
)

#: Most digits before the decimal point of a value read as a number. Counts in a report
#: stay under a million and fees under a billion yuan: more digits are figures run
#: together or damage, flagged rather than read (and Python cannot even print an
#: integer of over 4,300 digits).
MAX_DIGITS = 15

# Characters NFKC would turn into digits that are no digits of a value: superscripts and
# subscripts (a footnote mark typed as "37¹") and enclosed numbers ("37①", a mark, or
# "①" numbering). Read through NFKC, "37①" would be 371.
_MARK_DIGITS_RE = re.compile(
    "[\u00b2\u00b3\u00b9\u2070-\u209f\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]"
)

# ASCII digits only (NFKC has made full-width ones ASCII): a digit of another script
# ("١٢", Arabic-Indic) in a Chinese report is damage, not a number to read as 12.
_NUMBER_RE = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$", re.ASCII)
_UNIT_RE = re.compile(
    r"^(?P<num>[+-]?[\d,]+(?:\.\d+)?)\s*(?P<unit>万元|元|件|条|个|项|次)$", re.ASCII
)


def _clean(raw: str) -> str:
    text = BOOKMARK_RE.sub("", nfkc(raw)).replace("&nbsp;", "")
    return "".join(text.split())


def _digit_runs(raw: str) -> int:
    """How many runs of characters with digits in them, apart from each other by white
    space or line breaks, ``raw`` holds."""
    text = BOOKMARK_RE.sub("", nfkc(raw))
    return sum(1 for piece in text.split() if any(char.isdigit() for char in piece))


@lru_cache(maxsize=16384)
def read_value(
    raw: str, value_type: ValueType, unit: str
) -> tuple[CellKind, int | Decimal | None, str | None, bool]:
    """Classify ``raw`` and read its value.

    Returns (kind, value, note, doubtful): ``value`` is ``None`` unless the kind
    is a number; ``note`` says what was repaired or doubted, if anything;
    ``doubtful`` says the value read may not be the one printed.
    """
    kind, value, note = _read(raw, value_type, unit)
    if kind is CellKind.NUMBER and not raw.strip().isdigit() and (runs := _digit_runs(raw)) > 1:
        # Digits apart are joined ("12", "34" on two lines: a number wrapped in a narrow
        # cell), but they may as well be two things: a page number under the cell's value
        # ("9", "3" read 93), a list number before it ("1. 150" read 1.150), or the values
        # of two cells run together.
        doubt = (
            f"the value's digits stand apart in {runs} runs, joined as {value}: "
            f"{raw.strip()[:40]!r} (a page number, a list number or another cell may have "
            "run into it)"
        )
        return kind, value, doubt if note is None else f"{note}; {doubt}", True
    return kind, value, note, False


def _read(
    raw: str, value_type: ValueType, unit: str
) -> tuple[CellKind, int | Decimal | None, str | None]:
    text = _clean(raw)
    if not text:
        return CellKind.BLANK, None, None
    if not raw.isascii() and (mark := _MARK_DIGITS_RE.search(raw)):
        return (
            CellKind.UNREADABLE,
            None,
            f"{mark.group()!r} in {raw.strip()[:40]!r} is a footnote mark or an enclosed "
            "number, not digits of the value",
        )
    if text in MARKERS or set(text) <= {"-", "—", "/", "－", "_"}:
        return CellKind.MARKER, None, None
    note = None
    match = _UNIT_RE.match(text)
    if match:
        if match.group("unit") != unit:
            return (
                CellKind.UNREADABLE,
                None,
                f"value {text!r} is in {match.group('unit')}, the column is in {unit}",
            )
        text = match.group("num")
        note = f"unit {unit} removed from {raw.strip()!r}"
    if not _NUMBER_RE.match(text):
        return CellKind.UNREADABLE, None, f"not a number: {raw.strip()!r}"
    if "," in text:
        note = f"thousands separators removed from {raw.strip()!r}"
        text = text.replace(",", "")
    digits = len(text.lstrip("+-").split(".")[0].lstrip("0"))
    if digits > MAX_DIGITS:
        return (
            CellKind.UNREADABLE,
            None,
            f"a number of {digits} digits, too long to be a count or an amount: "
            f"{raw.strip()[:40]!r}",
        )
    try:
        number = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regex admits only valid decimals
        return CellKind.UNREADABLE, None, f"not a number: {raw.strip()!r}"
    if value_type == "amount":
        return CellKind.NUMBER, number, note
    # A count (and a delta) is a whole number of 件: "1.5" is no count (a fee run into
    # the wrong column, or damage), and read as Decimal("1.5") it would pass for one.
    if number != number.to_integral_value():
        return (
            CellKind.UNREADABLE,
            None,
            f"a fraction in a column of whole numbers ({unit}): {raw.strip()[:40]!r}",
        )
    if "." in text:
        zeros = f"the fraction of zeros left out of {raw.strip()[:40]!r}"
        note = zeros if note is None else f"{note}; {zeros}"
    return CellKind.NUMBER, int(number), note
