"""The page's own stylesheets, where they hide, strike or raise elements.

A page may hide a stale value with a class (``<style>.old{display:none}</style>`` and
``<span class="old">9</span>125``): a browser shows 125. The HTML reader decides what is
shown from each element's inline ``style`` (see ``html._hiding``); this module brings the
rules of the page's ``<style>`` elements to it, by writing the declarations that matter
(``display``, ``visibility``, ``text-decoration``, ``vertical-align``) into the ``style``
of every element a rule's selector matches, before the element's own declarations, in
the cascade's order (specificity, then order in the page). Inline declarations then win
over the sheet's, and ``!important`` ones over those that are not, as in CSS. Only table
rows and cells, and what is inside a cell, are styled so (see :func:`_in_a_table`).

tinycss2 parses the sheets and cssselect turns selectors into XPath, which libxml2 runs.
Rules inside at-rules (``@media print``, ``@supports``) are not applied, nor are
selectors cssselect cannot match statically (``:hover``, ``::before``); sheets the page
links to are not fetched (the reader never touches the network).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeVar

import cssselect
import tinycss2
from lxml import etree

from govinfo_report._location import Location

__all__ = [
    "MAX_STYLE_CHARS",
    "MAX_STYLE_RULES",
    "MAX_STYLE_WORK",
    "apply_stylesheets",
    "cascaded",
]

_Value = TypeVar("_Value")


def cascaded(declarations: Iterable[tuple[str, _Value | None, object]]) -> dict[str, _Value]:
    """The value each property ends with among one element's declarations, given in order
    as (property, value, important): the last valid one (a value of ``None`` is not valid,
    and CSS drops it), an ``!important`` one before any that is not."""
    won: dict[str, _Value] = {}
    strong: set[str] = set()
    for name, value, important in declarations:
        if value is None:
            continue
        if important:
            strong.add(name)
        elif name in strong:
            continue
        won[name] = value
    return won


#: Stylesheet text read per page (characters); a page with more is read without its
#: sheets, with a note. Real pages inline a few kilobytes.
MAX_STYLE_CHARS = 1_000_000
#: Selectors that hide, strike or raise, applied per page: each is one search of the
#: whole page, so a page with more is read without them, with a note.
MAX_STYLE_RULES = 500
#: A selector longer than this (characters) is not applied: no real one is.
MAX_SELECTOR_CHARS = 300
#: Selectors times the page's elements, at most: each selector tests every element (and,
#: with a descendant combinator, its ancestors). Over it, the sheets are not applied,
#: with a note. A large real page (5,000 elements, 50 such rules) is 250,000.
MAX_STYLE_WORK = 2_000_000

#: The properties the reader acts on.
_PROPERTIES = frozenset(
    {"display", "visibility", "text-decoration", "text-decoration-line", "vertical-align"}
)
#: Sheets without these words hold no rule that matters (most sheets): not parsed.
_WORDS_RE = re.compile(r"display|visibility|line-through|super", re.IGNORECASE)

#: Values that hide, strike, raise, or show again inside a hidden element.
_MATTERS_RE = re.compile(r"none|hidden|collapse|visible|line-through|super", re.IGNORECASE)


class _Translator(cssselect.HTMLTranslator):
    """cssselect's translation, with combinators written as tests on the element.

    cssselect writes ``A B`` as a path, ``A/descendant-or-self::*/B``, whose node sets
    libxml2 merges at a cost that grows with the page's size times its depth (``div p``
    took 8 s on a page of 20,000 paragraphs 50 deep). Written as ``B[ancestor::A]`` and
    ``B[parent::A]`` (for ``A > B``), a selector is one test per element, and with at most
    one descendant combinator (see :func:`_accepted`) the cost is at most the page's size
    times its depth.
    """

    def xpath_descendant_combinator(
        self, left: cssselect.xpath.XPathExpr, right: cssselect.xpath.XPathExpr
    ) -> cssselect.xpath.XPathExpr:
        right.add_condition(f"ancestor::{_step(left)}")
        return right

    def xpath_child_combinator(
        self, left: cssselect.xpath.XPathExpr, right: cssselect.xpath.XPathExpr
    ) -> cssselect.xpath.XPathExpr:
        right.add_condition(f"parent::{_step(left)}")
        return right


def _step(expression: cssselect.xpath.XPathExpr) -> str:
    """An expression of one element (a name test and its conditions) as an XPath step."""
    condition = f"[{expression.condition}]" if expression.condition else ""
    return f"{expression.element}{condition}"


def _accepted(xpath: str) -> bool:
    """Whether a selector's XPath costs at most the page's size times its depth.

    Not: sibling combinators and the pseudo-classes that count siblings
    (``:first-child``, ``:nth-of-type``…), ``:has()``, more than one descendant
    combinator: each is a search per element, which a hostile page makes quadratic.
    """
    rest = xpath.removeprefix("descendant-or-self::")
    return (
        rest != xpath
        and rest.count("ancestor::") <= 1
        and not any(axis in rest for axis in _COSTLY)
        and "/" not in rest.replace("ancestor::", "").replace("parent::", "")
    )


_COSTLY = ("descendant", "following", "preceding", "count(", "last(", "position(")

_TRANSLATOR = _Translator()

_Note = tuple[str, str, Location | None]


def apply_stylesheets(root: etree._Element, notes: list[_Note]) -> None:
    """Write the rules of the page's ``<style>`` elements that hide, strike or raise
    elements into the inline ``style`` of the elements they match (see the module)."""
    sheets = [
        text
        for style in root.iter("style")
        if (text := style.text) and _WORDS_RE.search(text) and _for_screen(style.get("media"))
    ]
    if not sheets:
        return
    if sum(map(len, sheets)) > MAX_STYLE_CHARS:
        notes.append(
            (
                "html.stylesheet-not-applied",
                f"the page's stylesheets are over {MAX_STYLE_CHARS} characters and were not "
                "applied: an element they hide is read",
                None,
            )
        )
        return
    rules: list[tuple[tuple[int, int, int], int, str, str]] = []
    costly = 0  # selectors not applied for their cost (see _accepted)
    for sheet in sheets:
        wanted = _candidate_rules(sheet)
        for rule in tinycss2.parse_stylesheet(wanted, skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule":
                continue  # an at-rule (@media print…) or a parse error: not applied
            declarations = _declarations(rule.content)
            if not declarations:
                continue
            prelude = tinycss2.serialize(rule.prelude).strip()
            if len(prelude) > MAX_SELECTOR_CHARS:
                costly += 1
                continue
            try:
                selectors = cssselect.parse(prelude)
            except cssselect.SelectorError:
                continue  # as a browser drops a rule whose selector it cannot read
            for selector in selectors:
                if selector.pseudo_element is not None:
                    # ::before, ::first-line: generated content, not the element
                    # (cssselect's XPath would match the element itself).
                    continue
                try:
                    xpath = _TRANSLATOR.selector_to_xpath(selector)
                except cssselect.ExpressionError:
                    continue  # a selector with nothing static to match
                # (A state such as :hover is translated to a test no element passes.)
                if not _accepted(xpath):
                    costly += 1
                    continue
                rules.append((selector.specificity(), len(rules), xpath, declarations))
    counted = root.xpath("count(//*)") if rules else 0.0
    elements = int(counted) if isinstance(counted, float) else 0
    if len(rules) > MAX_STYLE_RULES or len(rules) * elements > MAX_STYLE_WORK:
        notes.append(
            (
                "html.stylesheet-not-applied",
                f"the page's stylesheets have {len(rules)} rules that hide, strike or raise "
                f"elements, for {elements} elements, over the limits (MAX_STYLE_RULES "
                f"{MAX_STYLE_RULES}, MAX_STYLE_WORK {MAX_STYLE_WORK}); they were not applied: "
                "an element they hide is read",
                None,
            )
        )
        return
    matched: dict[etree._Element, list[str]] = {}
    for _, _, xpath, declarations in sorted(rules):
        found = root.xpath(xpath)
        if isinstance(found, list):
            for element in found:
                if isinstance(element, etree._Element):
                    matched.setdefault(element, []).append(declarations)
    styled = 0
    for element, merged in matched.items():
        if not _in_a_table(element):
            continue
        if not _MATTERS_RE.search("".join(merged)) and element.get("hidden") is None:
            # Only defaults (a reset's "vertical-align: baseline", "display: block"):
            # nothing to hide, strike, raise or show again, and every styled element
            # costs the reader a look at its style.
            continue
        inline = element.get("style")
        # The sheet's declarations first: the element's own come after and win.
        element.set("style", ";".join(merged) + (";" + inline if inline else ""))
        styled += 1
    if styled:
        notes.append(
            (
                "html.stylesheet",
                f"the page's stylesheets were applied to {styled} element(s) they hide, "
                "strike, raise or show",
                None,
            )
        )
    if costly:
        notes.append(
            (
                "html.stylesheet-not-applied",
                f"{costly} selector(s) of the page's stylesheets that hide, strike or raise "
                "elements were not applied (sibling combinators, :nth-child and the like, "
                f":has(), more than one descendant combinator, over {MAX_SELECTOR_CHARS} "
                "characters): an element they hide is read",
                None,
            )
        )


def _in_a_table(element: etree._Element) -> bool:
    """Whether ``element`` is a table's row, row group or cell, or inside a cell, and holds
    no table.

    Only there are the sheet's rules applied. A stale value or row is hidden in a table;
    a page's sheet also hides what its scripts show (a tab, a folded panel, the whole
    article until it is loaded), which is all a reader without scripts would then lose.
    """
    if element.tag in _TABLE_PARTS or any(
        ancestor.tag in ("td", "th") for ancestor in element.iterancestors()
    ):
        return next(element.iterdescendants("table"), None) is None
    return False


#: Table rows and row groups, and cells: styled by the sheets, as what is inside a cell is.
_TABLE_PARTS = frozenset({"td", "th", "tr", "thead", "tbody", "tfoot"})


_COMMENT_RE = re.compile(r"/\*.*?(?:\*/|\Z)", re.DOTALL)
_BRACE_RE = re.compile(r"[{}]")


def _candidate_rules(sheet: str) -> str:
    """The top-level rules of ``sheet`` whose block names a property that matters, or the
    whole sheet when its braces do not pair (a brace in a string: tinycss2 sorts it out).

    tinycss2 takes about a millisecond a kilobyte, and a site's inline sheet may be tens
    of kilobytes of which a few rules hide anything: the rest is not parsed. At-rules
    (``@media``…) are left out whole, as their rules are not applied.
    """
    text = _COMMENT_RE.sub(" ", sheet)
    kept: list[str] = []
    depth = 0
    start = 0  # where the current top-level rule's prelude starts
    opened = 0  # where its block opens
    for brace in _BRACE_RE.finditer(text):
        if brace.group() == "{":
            if depth == 0:
                opened = brace.start()
            depth += 1
            continue
        depth -= 1
        if depth < 0:
            return sheet
        if depth == 0:
            # A statement before the rule ends at a semicolon ("@import …;", "@charset").
            start = max(start, text.rfind(";", start, opened) + 1)
            if not text[start:opened].lstrip().startswith("@") and _WORDS_RE.search(
                text, opened, brace.start()
            ):
                kept.append(text[start : brace.end()])
            start = brace.end()
    return sheet if depth else "\n".join(kept)


def _for_screen(media: str | None) -> bool:
    """Whether a ``<style media=…>`` applies on a screen: no media, or a list naming
    ``all`` or ``screen`` (media queries after them are taken as true)."""
    if media is None or not media.strip():
        return True
    for query in media.lower().split(","):
        query = query.strip()
        if not query or query.startswith("("):
            return True  # a media feature alone is "all and (…)"
        words = query.split()
        if words[0] == "only":
            words = words[1:]
        if words and words[0] in ("all", "screen"):
            return True
    return False


def _declarations(content: list[object] | None) -> str:
    """The declarations of a rule's block that matter, as inline style text."""
    if not content:
        return ""
    out = []
    for declaration in tinycss2.parse_declaration_list(
        content, skip_comments=True, skip_whitespace=True
    ):
        if declaration.type == "declaration" and declaration.lower_name in _PROPERTIES:
            value = tinycss2.serialize(declaration.value).strip()
            important = " !important" if declaration.important else ""
            out.append(f"{declaration.lower_name}:{value}{important}")
    return ";".join(out)
