"""The plain-text reader on small hand-made inputs: what is a table and what is prose."""

from __future__ import annotations

from govinfo_report.readers.text import read_text


def test_tab_indented_headings_and_sentences_are_paragraphs() -> None:
    text = "\t一、总体情况\n\t本年度我局依法公开政府信息，运行平稳。\n\t规章\n\t0\n\t0\n\t0\n"
    document = read_text(text)
    assert [p.text for p in document.paragraphs()] == [
        "一、总体情况",
        "本年度我局依法公开政府信息，运行平稳。",
    ]
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [["规章", "0", "0", "0"]]


def test_value_after_padding_and_empty_line_is_joined_even_last() -> None:
    document = read_text("\t行政许可\n\t\u3000\n\n7\n\n\n五、存在的主要问题及改进情况\n")
    (table,) = document.tables()
    assert [cell.text for cell in table.rows[0]] == ["行政许可", "\u3000\n7"]
    assert document.paragraphs()[0].text == "五、存在的主要问题及改进情况"
    assert [note[0] for note in document.notes] == ["repair.split-cell"]


def test_page_number_after_an_empty_cell_is_dropped() -> None:
    document = read_text("\t行政处罚\n\t\n\n12\n\n\t行政强制\n\t3\n")
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["行政处罚", ""],
        ["行政强制", "3"],
    ]
    assert [note[0] for note in document.notes] == ["repair.page-number"]


def test_rows_layout_keeps_merged_cell_padding_as_cells() -> None:
    document = read_text("规章\t1\t\t\n行政许可\t\t2\n")
    (table,) = document.tables()
    assert table.layout()[0] == [
        ("规章", 0, 0, 1, 1),
        ("1", 0, 1, 1, 1),
        ("", 0, 2, 1, 1),
        ("", 0, 3, 1, 1),
    ]
    assert [cell.location.line for cell in table.rows[1]] == [2, 2, 2]


def test_a_cell_continued_over_many_lines_is_joined_once() -> None:
    # Each untabbed line continues the last cell; the lines are joined when the cell
    # ends (joining each as it came copied the cell every time: 19 s for 400,000).
    lines = [f"第{i}行" for i in range(50_000)]
    document = read_text("\t行政许可\n\t说明\n" + "\n".join(lines) + "\n\t7\n\t\n")
    (table,) = document.tables()
    cells = [cell for row in table.rows for cell in row]
    assert [cell.text for cell in cells] == ["行政许可", "说明\n" + "\n".join(lines), "7", ""]
    assert (cells[1].location.line, cells[1].location.end_line) == (2, 50_002)


def test_a_form_feed_is_a_page_break_not_text() -> None:
    # pdftotext writes a form feed before each page. On a line of its own after a padding
    # cell, it was neither blank nor content: the value after it was taken for a page
    # number and the cell read blank, silently. The line numbers stay the text's.
    document = read_text("\t行政许可\n\t\u3000\n\f\n\n11\n\n\f\t行政强制\n\t3\n")
    (table,) = document.tables()
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["行政许可", "\u3000\n11"],
        ["行政强制", "3"],
    ]
    assert table.rows[1][0].location.line == 7
    notes = [(code, location.line) for code, _, location in document.notes if location]
    assert ("repair.page-break", 3) in notes and ("repair.page-break", 7) in notes


def test_lines_indented_by_tabs_with_no_table_in_them_are_paragraphs() -> None:
    # A centred title or a signature's date indented by tabs was cut into a one-cell
    # "table": the title, the body's name and the date were lost to the metadata.
    text = (
        "\t\t青禾镇人民政府2024年政府信息公开工作年度报告\n\n一、总体情况\n"
        "\t规章\t1\t0\t1\n\n六、其他需要报告的事项\n本机关无其他需要报告的事项。\n"
        "青禾镇人民政府\n\t\t2025年1月20日\n"
    )
    document = read_text(text)
    assert [p.text for p in document.paragraphs()] == [
        "青禾镇人民政府2024年政府信息公开工作年度报告",
        "一、总体情况",
        "六、其他需要报告的事项",
        "本机关无其他需要报告的事项。",
        "青禾镇人民政府",
        "2025年1月20日",
    ]
    (table,) = document.tables()
    assert [cell.text for cell in table.rows[0]] == ["", "规章", "1", "0", "1"]
    assert [code for code, _, _ in document.notes].count("repair.indented-text") == 2
