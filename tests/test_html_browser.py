"""The HTML reader's table grids against a real browser's layout of the same pages.

A page says what a browser shows, so Chromium is the oracle: it lays each page out,
and for every table that holds no table a small script reports each shown cell's
row and column (the rank of its box's top and left edges among the table's cells)
and its rendered text. The reader must give the same cells at the same places with
the same text (white space aside). Chromium comes from the system (Debian's
``chromium`` package, which ``.ci/run`` installs when it can); without it these
tests skip.
"""

from __future__ import annotations

import html
import json
import random
import re
import subprocess
from pathlib import Path

import attrs
import pytest
from lxml import etree

from govinfo_report._ir import Paragraph
from govinfo_report.readers.html import read_html
from govinfo_report.synth import consistent_example
from govinfo_report.synth.html import HtmlNoise, render_html
from tests.shared import CHROMIUM, shared_dir

_BROWSER = CHROMIUM
pytestmark = pytest.mark.skipif(
    _BROWSER is None, reason="no Chromium on this machine: the browser oracle cannot run"
)

# Struck-through text is deleted text to the reader, not to a browser: it is taken out
# of the page before the browser's text is read.
_UNSTRIKE = """
document.querySelectorAll('del, s, strike, [style*="line-through" i]').forEach(
  (element) => element.remove());
"""

# White text on no painted ground beside other text in a cell is a value whited out to
# the reader; a browser paints it, unseen, and its innerText has it. Such text is taken
# out of each cell, by the colours and grounds the browser computed, before its text is
# read. (A cell all in white is read by the reader too: it is left.)
_UNWHITEN = """
function channels(value) { return value.match(/[\\d.]+/g).map(Number); }
function unseen(element) {
  const c = channels(getComputedStyle(element).color);
  if (!((c.length > 3 && c[3] <= 0.02) || Math.min(c[0], c[1], c[2]) >= 249.9)) return false;
  for (let e = element; e && e !== document.body; e = e.parentElement) {
    const style = getComputedStyle(e);
    const g = channels(style.backgroundColor);
    const clear = g.length > 3 && g[3] === 0;
    if ((!clear && Math.min(g[0], g[1], g[2]) < 249.9) || style.backgroundImage !== 'none')
      return false;
  }
  return true;
}
document.querySelectorAll('td, th').forEach((cell) => {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  const hidden = [];
  let seen = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest('td, th') !== cell) continue;
    if (unseen(node.parentElement)) hidden.push(node);
    else if (node.textContent.trim()) seen = true;
  }
  if (seen) hidden.forEach((node) => { node.textContent = ''; });
});
"""

# Reports each leaf table's shown cells as [row, column, innerText], by the ranks of
# their boxes' edges; a cell with no box (display:none) is not shown.
_LAYOUT_SCRIPT = """
(function () {
  const out = [];
  document.querySelectorAll('table').forEach((table, index) => {
    if (table.querySelector('table')) return;
    const boxes = [];
    for (const cell of table.querySelectorAll('td, th')) {
      if (cell.closest('table') !== table) continue;
      const box = cell.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      boxes.push([Math.round(box.top), Math.round(box.left), cell.innerText]);
    }
    const tops = [...new Set(boxes.map(b => b[0]))].sort((a, b) => a - b);
    const lefts = [...new Set(boxes.map(b => b[1]))].sort((a, b) => a - b);
    out.push({index: index,
              cells: boxes.map(b => [tops.indexOf(b[0]), lefts.indexOf(b[1]), b[2]])});
  });
  const pre = document.createElement('pre');
  pre.id = '__layout__';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
"""

_Cells = list[tuple[int, int, str]]


@pytest.fixture(scope="module")
def profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chromium-profile")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\xa0", " ").replace("\u3000", " "))


def _ranked(cells: _Cells) -> _Cells:
    """Cells by rank of row and column; rows of only empty cells dropped.

    Ranks, because a browser knows no empty grid row or column, and the empty rows
    go because the reader drops Word's invisible column-width row on purpose.
    """
    cells = [(row, column, _squash(text)) for row, column, text in cells]
    filled = {row for row, _, text in cells if text}
    cells = [cell for cell in cells if cell[0] in filled]
    rows = sorted({row for row, _, _ in cells})
    columns = sorted({column for _, column, _ in cells})
    return sorted((rows.index(r), columns.index(c), text) for r, c, text in cells)


# Reports the page's shown text, line by line, with each table that holds no table as
# one line "[table]": the running text in the order a browser's tree builder leaves it.
_FLOW_SCRIPT = """
(function () {
  document.querySelectorAll('table').forEach((table) => {
    if (table.querySelector('table')) return;
    const mark = document.createElement('div');
    mark.textContent = '[table]';
    table.replaceWith(mark);
  });
  const text = document.body.innerText;
  const pre = document.createElement('pre');
  pre.id = '__layout__';
  pre.textContent = JSON.stringify(text.split('\\n'));
  document.body.appendChild(pre);
})();
"""


def _browser_result(page: bytes, script: str, folder: Path, profile: Path) -> object:
    """What ``script`` leaves as JSON in ``<pre id="__layout__">`` after Chromium loads ``page``."""
    assert _BROWSER is not None
    # The script is ASCII, so it can follow the page whatever the page's charset.
    source = folder / "page.html"
    source.write_bytes(
        page + b"<script>" + (_UNSTRIKE + _UNWHITEN + script).encode() + b"</script>"
    )
    done = subprocess.run(
        [
            _BROWSER,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--dump-dom",
            source.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    found = re.search(r'<pre id="__layout__">(.*?)</pre>', done.stdout.decode("utf-8"), re.S)
    assert found, f"Chromium did not lay the page out: {done.stderr.decode()[-500:]}"
    return json.loads(html.unescape(found.group(1)))


def _browser_tables(page: bytes, folder: Path, profile: Path) -> dict[int, _Cells]:
    tables = _browser_result(page, _LAYOUT_SCRIPT, folder, profile)
    assert isinstance(tables, list)
    return {table["index"]: _ranked([tuple(cell) for cell in table["cells"]]) for table in tables}


def _browser_flow(page: bytes, folder: Path, profile: Path) -> list[str]:
    lines = _browser_result(page, _FLOW_SCRIPT, folder, profile)
    assert isinstance(lines, list)
    return [squashed for line in lines if (squashed := _squash(line))]


def _reader_tables(page: bytes) -> dict[int, _Cells]:
    """The reader's tables, keyed by their element's place among the page's tables."""
    document = read_html(page)
    root = etree.fromstring(page, etree.HTMLParser(remove_comments=True, remove_pis=True))
    elements = list(root.iter("table"))
    tables: dict[int, _Cells] = {}
    for table in document.tables():
        assert table.location.path is not None
        (element,) = root.xpath(table.location.path)
        cells = [(cell.row, cell.column, cell.text) for row in table.rows for cell in row]
        tables[elements.index(element)] = _ranked(cells)
    return tables


def _assert_as_browser(page: bytes, folder: Path, profile: Path) -> None:
    ours = _reader_tables(page)
    assert ours, "the reader found no table"
    theirs = _browser_tables(page, folder, profile)
    for index, cells in ours.items():
        assert index in theirs, f"table {index} is not a table of cells in the browser"
        assert cells == theirs[index], f"table {index}"


def _assert_flow_as_browser(page: bytes, folder: Path, profile: Path) -> None:
    """The reader's paragraphs, with each table as one line "[table]", are the browser's."""
    ours = [
        _squash(block.text) if isinstance(block, Paragraph) else "[table]"
        for block in read_html(page).blocks
    ]
    assert ours == _browser_flow(page, folder, profile)


def _snippet(body: str) -> bytes:
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode()


_EDGE_CASES = {
    "rowspan 0 runs to the end": "<table><tr><td rowspan=0>甲</td><td>1</td></tr>"
    "<tr><td>2</td></tr><tr><td>3</td></tr></table>",
    "rowspan past the end": "<table><tr><td rowspan=5>甲</td><td>1</td></tr>"
    "<tr><td>2</td></tr></table>",
    "junk spans": "<table><tr><td colspan='2px'>甲</td><td colspan=x>1</td></tr>"
    "<tr><td>a</td><td>b</td><td>c</td></tr></table>",
    "spans that overlap": "<table><tr><td>a</td><td rowspan=2>b</td><td>c</td></tr>"
    "<tr><td colspan=3>wide</td></tr><tr><td>1</td><td>2</td><td>3</td></tr></table>",
    "footer before body": "<table><thead><tr><td>头</td><td>h</td></tr></thead>"
    "<tfoot><tr><td>脚</td><td>f</td></tr></tfoot><tbody><tr><td>身</td><td>b</td></tr>"
    "</tbody></table>",
    "rows in a form": "<table><form><tr><td>a</td><td>b</td></tr></form>"
    "<form><tbody><tr><td>c</td><td>d</td></tr></tbody></form></table>",
    "cells outside rows": "<table><td>a</td><td>b</td><tr><td>c</td><td>d</td></tr></table>",
    "rows outside and inside groups": "<table><tbody><tr><td>a</td></tr></tbody>"
    "<tr><td>b</td></tr><tbody><tr><td>c</td></tr></tbody></table>",
    "unclosed cells and rows": "<table><tr><td>a<td>b<tr><td>c<td>d</table>",
    "a hidden row crossed by a rowspan": "<table><tr><td rowspan=2>A</td><td>1</td><td>2</td>"
    "</tr><tr style='display:none'><td rowspan=3>old</td><td>8</td></tr>"
    "<tr><td>3</td><td>4</td></tr><tr><td>B</td><td>5</td><td>6</td></tr></table>",
    "hidden and invisible cells": "<table><tr><td colspan=2>甲</td><td style='display:none'>x"
    "</td><td>1</td></tr><tr><td>a</td><td hidden>9</td><td style='visibility:hidden'>5</td>"
    "<td>b</td><td>2</td></tr></table>",
    "breaks and hidden text in cells": "<table><tr><td>自<br>然<br>人</td>"
    "<td><span style='display:none'>9</span>3</td></tr></table>",
}


@pytest.mark.parametrize("body", list(_EDGE_CASES.values()), ids=list(_EDGE_CASES))
def test_edge_cases_as_a_browser_lays_them_out(body: str, tmp_path: Path, profile: Path) -> None:
    _assert_as_browser(_snippet(body), tmp_path, profile)


_MISPLACED_TEXT = {
    "text and elements between rows": "<p>前</p><table>说明文字<div>单位：件</div>"
    "<tr><td>甲</td><td>1</td></tr><span>表后</span>注<tr><td>乙</td><td>2</td></tr>"
    "</table><p>后</p>",
    "text and elements between cells": "<p>前</p><table><tbody><tr>注：<td>甲</td>见下表"
    "<td>1</td>\n</tr><tr><span>单位：件</span><td>乙</td><div>说明</div><td>2</td>另<b>注</b>"
    "</tr><tr><td>丙</td><script>var x = 1;</script><td>3</td></tr></tbody></table><p>后</p>",
    "text in a layout table's rows": "<table><tr>页眉<td><p>一、总体情况</p>"
    "<table><tr><td>甲</td><td>1</td></tr></table></td></tr></table>",
}


@pytest.mark.parametrize("body", list(_MISPLACED_TEXT.values()), ids=list(_MISPLACED_TEXT))
def test_text_misplaced_in_tables_reads_in_a_browsers_order(
    body: str, tmp_path: Path, profile: Path
) -> None:
    _assert_flow_as_browser(_snippet(body), tmp_path, profile)


_HIDDEN_TABLE_PARTS = {
    "an invisible row crossed by a rowspan": "<table><tr><td rowspan=3>A</td><td>1</td></tr>"
    "<tr style='visibility:hidden'><td>x</td></tr><tr><td>2</td></tr>"
    "<tr><td>B</td><td>3</td></tr></table>",
    "a collapsed row crossed by a rowspan": "<table><tr><td rowspan=3>A</td><td>1</td></tr>"
    "<tr style='visibility:collapse'><td>x</td></tr><tr><td>2</td></tr>"
    "<tr><td>B</td><td>3</td></tr></table>",
    "hidden row groups": "<table><thead style='display:none'><tr><td>h</td><td>x</td></tr>"
    "</thead><tbody><tr><td rowspan=3>A</td><td>1</td></tr></tbody><tbody hidden><tr><td>9"
    "</td></tr></tbody><tbody><tr><td>2</td></tr><tr><td>B</td><td>3</td></tr></tbody></table>",
    "rowspans end with their row group": "<table><thead><tr><td rowspan=2>H</td><td>h</td>"
    "</tr></thead><tbody><tr><td>a</td><td>1</td></tr><tr><td rowspan=0>b</td><td>2</td></tr>"
    "<tr><td>3</td></tr></tbody><tr><td>c</td><td>4</td></tr></table>",
    "an invisible row group with a visible row": "<table><tbody style='visibility:hidden'>"
    "<tr><td>x</td><td>9</td></tr><tr style='visibility:visible'><td>y</td><td>5</td></tr>"
    "</tbody><tbody><tr><td>a</td><td>1</td></tr></tbody></table>",
    "visible parts of invisible cells": "<table><tr><td style='visibility:hidden'>x<span "
    "style='visibility:visible'>1<b style='visibility:hidden'>9</b>2</span></td><td>3</td></tr>"
    "<tr style='visibility:hidden'><td>y</td><td style='visibility:visible'>5</td></tr></table>",
    "declarations that override": "<table><tr><td style='display:none;display:table-cell'>7"
    "</td><td hidden style='display:table-cell'>8</td><td style='visibility:hidden !important;"
    "visibility:visible'>9</td><td style='mso-display:none'>1</td></tr></table>",
    "invalid declarations and comments": "<table><tr><td style='display:none;display:bogus'>x"
    "</td><td style='visibility:hidden;visibility:hidden visible'>y</td><td style='/* display:"
    "none; */ color:red'>z</td><td style='display:none;display:'>w</td><td>1</td></tr></table>",
    "hidden until found": "<table><tr><td hidden=until-found>x</td><td>1</td></tr>"
    "<tr><td>a</td><td>b</td></tr></table>",
    "a column between rows ends the implied body": "<table><tr><td rowspan=2>A</td><td>1</td>"
    "</tr><colgroup><col></colgroup><tr><td>2</td><td>3</td></tr></table>",
    "a head inside a wrapper": "<table><tr><td>b</td><td>1</td></tr><form><thead><tr><td>h"
    "</td><td>x</td></tr></thead></form></table>",
}


@pytest.mark.parametrize("body", list(_HIDDEN_TABLE_PARTS.values()), ids=list(_HIDDEN_TABLE_PARTS))
def test_hidden_table_parts_as_a_browser_lays_them_out(
    body: str, tmp_path: Path, profile: Path
) -> None:
    _assert_as_browser(_snippet(body), tmp_path, profile)


_HIDDEN_TEXT = {
    "visible inside invisible": "<div style='visibility:hidden'>甲<span style='visibility:"
    "visible'>七</span>乙<div style='visibility:visible'>八</div></div><p>后</p>",
    "invisible blocks and breaks": "<div>甲<div style='visibility:hidden'>x</div>乙</div>"
    "<p>丙<span style='visibility:hidden'>x<br>y</span>丁</p>",
    "hidden inside visible inside invisible": "<div style='visibility:hidden'><p>a<span "
    "style='visibility:visible'>七<span style='display:none'>x</span>八</span></p></div>",
    "overridden hiding": "<p hidden style='display:block'>七</p><p hidden>八</p>"
    "<p style='visibility:collapse'>九</p>",
}


@pytest.mark.parametrize("body", list(_HIDDEN_TEXT.values()), ids=list(_HIDDEN_TEXT))
def test_hidden_text_reads_as_a_browser_shows_it(body: str, tmp_path: Path, profile: Path) -> None:
    _assert_flow_as_browser(_snippet(body), tmp_path, profile)


def test_corpus_pages_as_a_browser_lays_them_out(tmp_path: Path, profile: Path) -> None:
    pages = sorted(shared_dir("corpus").glob("seed*.html"))
    assert pages
    for path in pages:
        _assert_as_browser(path.read_bytes(), tmp_path, profile)


@pytest.mark.parametrize("seed", range(6))
def test_synthetic_pages_as_a_browser_lays_them_out(
    seed: int, tmp_path: Path, profile: Path
) -> None:
    # Every kind of noise on even seeds, a random half of them on odd ones; blank cells
    # in a fifth of the rows (where invisible stale values can hide).
    rng = random.Random(seed)
    report = consistent_example("青禾镇人民政府", 2024)
    values = {key: dict(rows) for key, rows in report.values.items()}
    for rows in values.values():
        for key, row in list(rows.items()):
            if rng.random() < 0.2:
                rows[key] = tuple(None if rng.random() < 0.5 else value for value in row)
    report = attrs.evolve(report, values=values)
    names = [field.name for field in attrs.fields(HtmlNoise)]
    noise = (
        HtmlNoise.all()
        if seed % 2 == 0
        else HtmlNoise(**{name: rng.random() < 0.5 for name in names})
    )
    page = render_html(report, noise=noise, seed=seed, encoding=rng.choice(["utf-8", "gbk"]))
    _assert_as_browser(page, tmp_path, profile)
