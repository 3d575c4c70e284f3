"""Footnote marks after values, as every reader finds them.

A mark printed after a value (``37`` and a superscript ``1``) is no part of it: read into
the value's text it would make 371, silently. Each reader finds superscripts in its own
way (``<sup>``, a superscript run, small raised glyphs); they share what counts as a
mark and how the doubt about the cell is worded, so that the same report reads the same
in every carrier.
"""

from __future__ import annotations

__all__ = ["MAX_FOOTNOTE_MARK", "footnote_doubt"]

#: Longest superscript in a table cell taken for a footnote mark ("12¹", "5*", "3[1]"):
#: a longer one is text (a unit's exponent stays with its unit anyway).
MAX_FOOTNOTE_MARK = 3


def footnote_doubt(marks: list[str], text: str) -> str:
    """The message of a reader's doubt about a cell whose superscripts were left out."""
    return (
        f"superscript {' '.join(marks)!r} in the cell reading {text[:40]!r} was taken for a "
        "footnote mark and left out"
    )
