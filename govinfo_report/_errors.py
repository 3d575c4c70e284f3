"""The one exception root of govinfo_report.

Every error that :func:`govinfo_report.parse` raises is a :class:`ReportError`
(also a :class:`ValueError`) and names where in the input the problem is.
Any other exception escaping ``parse()`` is a bug.
"""

from __future__ import annotations

from govinfo_report._location import Location

__all__ = ["ReportError"]


class ReportError(ValueError):
    """The input could not be read as a report.

    ``where`` says where in the input the problem was found (a line, a table
    cell, a page, a zip member, or the whole input); ``reason`` says what is wrong.
    """

    def __init__(self, reason: str, where: Location | str = "whole input") -> None:
        self.reason = reason
        self.where = where
        super().__init__(f"{reason} (at {where})")

    def __reduce__(self) -> tuple[type[ReportError], tuple[str, Location | str]]:
        # Pickle from the two parts, not from the message that joins them: an error raised
        # in a worker process (multiprocessing, Dask) reaches the parent as it was raised.
        return type(self), (self.reason, self.where)
