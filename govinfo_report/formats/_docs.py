"""Markdown documentation of a format, drawn from its description (docs/format-*.md)."""

from __future__ import annotations

from govinfo_report.formats._spec import FormatSpec, TableSpec

__all__ = ["format_markdown"]


def _table_section(table: TableSpec) -> list[str]:
    out = [f"## Table {table.number} — {table.title} (`{table.key}`)", ""]
    if table.flat:
        out += [
            "Printed as one unlabelled row of values, in row-major order of the rows below "
            "times the columns below.",
            "",
        ]
    out += [
        "### Columns",
        "",
        "| key | label | variants | unit | type | sum of |",
        "|---|---|---|---|---|---|",
    ]
    for column in table.columns:
        out.append(
            f"| `{column.key}` | {column.label} | {'; '.join(column.variants) or '—'} | {column.unit} "
            f"| {column.type} | {', '.join(f'`{k}`' for k in column.sum_of) or '—'} |"
        )
    if table.groups:
        out += [
            "",
            "### Row groups",
            "",
            "| key | label | parent | printed as one row |",
            "|---|---|---|---|",
        ]
        for group in table.groups:
            out.append(
                f"| `{group.key}` | {group.label} | {f'`{group.parent}`' if group.parent else '—'} "
                f"| {f'`{group.single_row}`' if group.single_row else '—'} |"
            )
    out += [
        "",
        "### Rows",
        "",
        "| key | label | variants | parent | columns | note |",
        "|---|---|---|---|---|---|",
    ]
    for row in table.rows:
        notes = []
        if row.block:
            notes.append(f"under {row.block}")
        if row.sum_of_group:
            notes.append(f"sum of the leaf rows of `{row.sum_of_group}`")
        if row.variant == "split":
            notes.append("only where （六） has three rows")
        if row.variant == "single":
            notes.append("only where （六） is one row")
        columns = ", ".join(f"`{c.key}`" for c in table.row_columns(row))
        out.append(
            f"| `{row.key}` | {row.label} | {'; '.join(row.variants) or '—'} "
            f"| {f'`{row.parent}`' if row.parent else '—'} | {columns} | {'; '.join(notes) or '—'} |"
        )
    for identity in table.identities:
        out += [
            "",
            f"Printed identity `{identity.key}` ({identity.note}), per column: "
            f"{' + '.join(f'`{k}`' for k in identity.left)} = "
            f"{' + '.join(f'`{k}`' for k in identity.right)}.",
        ]
    out.append("")
    return out


def format_markdown(spec: FormatSpec) -> str:
    """The whole description of ``spec`` as Markdown."""
    out = [
        f"# The {spec.version} format: {spec.name}",
        "",
        "<!-- Generated from govinfo_report/formats by `python -m govinfo_report.formats`; do not edit. -->",
        "",
        f"Issued by {spec.authority}; applies to {spec.applies_to}. "
        f"Told apart from other formats by the labels: {'、'.join(spec.signatures)}.",
        "",
        "## Sections",
        "",
        "| number | key | title | variants | table |",
        "|---|---|---|---|---|",
    ]
    for section in spec.sections:
        out.append(
            f"| {section.number} | `{section.key}` | {section.title} | {'; '.join(section.variants) or '—'} "
            f"| {f'`{section.table}`' if section.table else '—'} |"
        )
    out.append("")
    for table in spec.tables:
        out += _table_section(table)
    return "\n".join(out)
