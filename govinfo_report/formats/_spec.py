"""The vocabulary in which an official report format is described.

A format description is plain data built from these classes: the sections,
the tables, every row and column with its official label, the variants met in
practice, a stable English key, a unit, and the arithmetic the form implies.
The recognizer maps documents onto it, the checks derive their arithmetic
rules from it, the synthetic-report renderers draw it, and the docs print it.
"""

from __future__ import annotations

from typing import Literal

import attrs

__all__ = [
    "Column",
    "FormatSpec",
    "Group",
    "Identity",
    "Row",
    "SectionSpec",
    "TableSpec",
    "ValueType",
]

#: count: a non-negative whole number of 件; amount: a non-negative decimal (万元);
#: delta: a whole number that may be negative (2019 本年增/减).
ValueType = Literal["count", "amount", "delta"]


@attrs.frozen(kw_only=True, cache_hash=True)
class Column:
    """A value column."""

    key: str
    label: str
    variants: tuple[str, ...] = ()
    unit: str = "件"
    type: ValueType = "count"
    #: Keys of the columns this one is printed as the sum of (e.g. 总计).
    sum_of: tuple[str, ...] = ()
    #: Labels of header cells that group this column (e.g. 法人或其他组织).
    header_path: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)


@attrs.frozen(kw_only=True, cache_hash=True)
class Group:
    """A heading row of a table's row hierarchy (table 三's （三）不予公开 …)."""

    key: str
    label: str
    variants: tuple[str, ...] = ()
    parent: str | None = None
    #: Where some documents print this group as one row of values, the key of that row.
    single_row: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)


@attrs.frozen(kw_only=True, cache_hash=True)
class Row:
    """A row of values."""

    key: str
    label: str
    variants: tuple[str, ...] = ()
    #: Key of the group this row belongs to, if any.
    parent: str | None = None
    #: The value columns of this row (a subset of the table's, for table 二).
    columns: tuple[str, ...] = ()
    #: This row is printed as the sum of every leaf row under this group.
    sum_of_group: str | None = None
    #: Rows that exist only in one printing of the table: "split" rows replace a
    #: group's "single" row. ``None``: always present.
    variant: Literal["split", "single"] | None = None
    #: The block heading this row sits under (table 二's 第二十条第（一）项 …).
    block: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.label, *self.variants)


@attrs.frozen(kw_only=True, cache_hash=True)
class Identity:
    """A printed identity: sum of ``left`` rows = sum of ``right`` rows, per column."""

    key: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    note: str


@attrs.frozen(kw_only=True, cache_hash=True)
class TableSpec:
    """One of the report's statistical tables."""

    key: str
    number: str
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    groups: tuple[Group, ...] = ()
    identities: tuple[Identity, ...] = ()
    #: How a row's values are exported by ``Report.to_dict()``: a list in column
    #: order, or a mapping of column key to value (a lone value for one column).
    export: Literal["list", "mapping"] = "list"
    #: The values are printed as one unlabelled row, in row-major order of
    #: ``rows`` × ``columns`` (table 四); row labels are header cells then.
    flat: bool = False
    #: Header texts that identify this table (besides its row and column labels).
    header_labels: tuple[str, ...] = ()

    @property
    def labels(self) -> tuple[str, ...]:
        """Every label the table prints: header texts, rows, groups and columns, variants too."""
        out: list[str] = [*self.header_labels]
        for row in self.rows:
            out.extend(row.labels)
        for group in self.groups:
            out.extend(group.labels)
        for column in self.columns:
            out.extend(column.labels)
        return tuple(out)

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    def row(self, key: str) -> Row:
        for row in self.rows:
            if row.key == key:
                return row
        raise KeyError(key)

    def group(self, key: str) -> Group:
        for group in self.groups:
            if group.key == key:
                return group
        raise KeyError(key)

    def row_columns(self, row: Row) -> tuple[Column, ...]:
        """The value columns of ``row``, in order."""
        if not row.columns:
            return self.columns
        return tuple(self.column(key) for key in row.columns)

    def ancestors(self, row: Row) -> tuple[str, ...]:
        """Group keys above ``row``, nearest first."""
        out: list[str] = []
        parent = row.parent
        while parent is not None:
            out.append(parent)
            parent = self.group(parent).parent
        return tuple(out)

    def leaves_of(self, group: str, variant: Literal["split", "single"]) -> tuple[Row, ...]:
        """Rows under ``group`` that hold values of their own (not sums), for a printing."""
        return tuple(
            row
            for row in self.rows
            if group in self.ancestors(row)
            and row.sum_of_group is None
            and row.variant in (None, variant)
        )

    def rows_for(self, variant: Literal["split", "single"]) -> tuple[Row, ...]:
        """The rows present in one printing of the table."""
        return tuple(row for row in self.rows if row.variant in (None, variant))


@attrs.frozen(kw_only=True, cache_hash=True)
class SectionSpec:
    """One of the six numbered sections."""

    number: str
    key: str
    title: str
    variants: tuple[str, ...] = ()
    #: Key of the table printed in this section, if any.
    table: str | None = None

    @property
    def titles(self) -> tuple[str, ...]:
        return (self.title, *self.variants)


@attrs.frozen(kw_only=True, cache_hash=True)
class FormatSpec:
    """A whole official format."""

    version: str
    name: str
    authority: str
    applies_to: str
    #: The first report year the format is meant for.
    first_year: int
    sections: tuple[SectionSpec, ...]
    tables: tuple[TableSpec, ...]
    #: Labels found only in this format's tables: how a document is told apart.
    signatures: tuple[str, ...]

    def table(self, key: str) -> TableSpec:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def section(self, key: str) -> SectionSpec:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)
