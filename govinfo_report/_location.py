"""Source locations: where in the input a value, block or problem came from."""

from __future__ import annotations

import attrs

__all__ = ["Location"]


@attrs.frozen(kw_only=True, repr=False)
class Location:
    """Where something is in the source document.

    Only the fields that make sense for the carrier are set: ``line``/``end_line``
    (1-based) for plain text; ``path`` (an element path) for HTML; ``table``,
    ``row`` and ``column`` (0-based) for tables of any carrier; ``page``
    (1-based) and ``bbox`` (x0, y0, x1, y1 in PDF points) for PDF;
    ``part`` for a member of a container (e.g. ``word/document.xml``).
    """

    carrier: str
    line: int | None = None
    end_line: int | None = None
    path: str | None = None
    part: str | None = None
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        bits: list[str] = []
        if self.part is not None:
            bits.append(self.part)
        if self.page is not None:
            bits.append(f"page {self.page}")
        if self.line is not None:
            if self.end_line is not None and self.end_line != self.line:
                bits.append(f"lines {self.line}-{self.end_line}")
            else:
                bits.append(f"line {self.line}")
        if self.path is not None:
            bits.append(self.path)
        if self.table is not None:
            bits.append(f"table {self.table + 1}")
        if self.row is not None:
            bits.append(f"row {self.row + 1}")
        if self.column is not None:
            bits.append(f"column {self.column + 1}")
        if self.bbox is not None:
            x0, y0, x1, y1 = self.bbox
            bits.append(f"box ({x0:.0f},{y0:.0f},{x1:.0f},{y1:.0f})")
        return ", ".join(bits) if bits else f"{self.carrier} input"

    def __repr__(self) -> str:
        # Most fields are unset for any one carrier: show the set ones, still as a call that
        # ``eval`` turns back into an equal location.
        set_fields = ", ".join(
            f"{field.name}={value!r}"
            for field in attrs.fields(Location)
            if (value := getattr(self, field.name)) is not None
        )
        return f"Location({set_fields})"

    def to_dict(self) -> dict[str, object]:
        """JSON-compatible form, with unset fields left out."""
        out: dict[str, object] = {}
        for field in attrs.fields(Location):
            value = getattr(self, field.name)
            if value is not None:
                out[field.name] = list(value) if isinstance(value, tuple) else value
        return out
