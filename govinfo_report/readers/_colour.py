"""Colours of HTML elements: whether text is white, and whether a ground shows it.

A stale value coloured white beside the new one ("9" in white before "125") is unseen on
a white page, and a browser shows 125. The HTML reader asks the elements of a data cell
what colour they give their text and whether they paint a ground behind it; this module
answers from the element's inline ``style`` and its presentational attributes
(``<font color>``, ``bgcolor``), parsing colours with tinycss2 as CSS Color 4 has them.
A page's stylesheets are not asked: linked sheets are never fetched, so the grounds they
paint are unknown, and a white that only a sheet gives is read (see docs/carriers/html.md).
"""

from __future__ import annotations

import functools
import re

import tinycss2
import tinycss2.color4
from lxml import etree

from govinfo_report.readers._css import cascaded

__all__ = ["BACKED", "COLOURED", "WHITE", "colour", "grounded"]

#: What :func:`colour` says of an element: it colours its text white (or transparent)
#: and paints no ground of its own; it colours its text another colour; it paints a
#: ground (a colour other than white, or an image) behind its content, whatever its
#: text's colour.
WHITE = 1
COLOURED = 2
BACKED = 3

#: A channel at least this light, in all three channels, is white: as the PDF reader
#: judges white (a stale value in #FEFEFE is as unseen as in #FFFFFF).
LIGHTEST = 0.98
#: Text this transparent (alpha) is not seen on any ground.
CLEAR = 0.02

_DECLARATION_RE = re.compile(
    r"(?<![\w-])(color|background(?:-color)?)\s*:\s*([^;!]*)(!\s*important)?"
)
_COMMENT_RE = re.compile(r"/\*.*?(?:\*/|$)", re.S)
# HTML's legacy colour attributes take hex digits without the "#" ("FFFFFF").
_BARE_HEX_RE = re.compile(r"[0-9a-fA-F]{3}|[0-9a-fA-F]{6}")
# background's images paint a ground too: whatever they show, white text on them is read.
_IMAGES = frozenset(
    {
        "url", "image", "image-set", "cross-fade", "element", "paint",
        "linear-gradient", "radial-gradient", "conic-gradient",
        "repeating-linear-gradient", "repeating-radial-gradient", "repeating-conic-gradient",
        "-webkit-linear-gradient", "-webkit-radial-gradient", "-webkit-gradient",
        "-moz-linear-gradient", "-moz-radial-gradient",
    }
)  # fmt: skip
#: Tags a browser draws with a ground of their own (``<mark>``: yellow).
_GROUND_TAGS = frozenset({"mark"})


def _rgba(value: object) -> tuple[float, float, float, float] | None:
    """The sRGB channels and alpha of a CSS colour (a string or a token), or ``None``."""
    parsed = tinycss2.color4.parse_color(value)
    if parsed is None or isinstance(parsed, str):  # not a colour, or currentcolor
        return None
    red, green, blue, alpha = parsed.to("srgb")
    return red, green, blue, alpha


def _is_white(rgba: tuple[float, float, float, float]) -> bool:
    red, green, blue, alpha = rgba
    return alpha <= CLEAR or min(red, green, blue) >= LIGHTEST


def _legacy(value: str) -> tuple[float, float, float, float] | None:
    """A ``color``/``bgcolor`` attribute's colour, as HTML reads it."""
    value = value.strip()
    rgba = _rgba(value)
    if rgba is None and _BARE_HEX_RE.fullmatch(value):
        rgba = _rgba("#" + value)
    return rgba


def _paints(value: str) -> bool:
    """Whether a ``background`` value paints a ground behind text (an image, or a colour
    other than white)."""
    painted = False
    for token in tinycss2.parse_component_value_list(value):
        if token.type in ("whitespace", "comment"):
            continue
        if token.type == "function" and token.lower_name in _IMAGES:
            return True
        if token.type == "url":
            return True
        rgba = _rgba(token)
        if rgba is not None and not _is_white(rgba):
            painted = True
    return painted


#: What a declaration says (see :func:`_declared`).
_Said = tuple[float, float, float, float] | str | bool


def _declared(name: str, value: str) -> _Said | None:
    """What a ``color`` (the colour, or "coloured" for one we need not name),
    ``background`` or ``background-color`` (whether it paints a ground) declaration says;
    ``None`` when it says nothing (``inherit``) or is not valid."""
    if name == "color":
        if value in ("inherit", "currentcolor", "unset", "revert", "revert-layer"):
            return None
        return "coloured" if value == "initial" else _rgba(value)
    if name == "background":
        return _paints(value)
    rgba = _rgba(value)  # background-color: one colour
    return None if rgba is None else not _is_white(rgba)


def _style_says(style: str) -> tuple[_Said | None, bool | None]:
    """What an inline ``style`` says of its element's text colour and of its ground
    (``None`` where it says nothing). Kept for the styles a page repeats (a page pasted
    from Word styles thousands of spans alike, and tinycss2 takes tens of microseconds a
    colour), unless long: the kept ones stay in memory after the page."""
    if len(style) <= _KEPT_STYLE:
        return _kept_style_says(style)
    return _read_style(style)


#: The longest inline style whose reading is kept (Word's are 100 to 300 characters).
_KEPT_STYLE = 512


@functools.lru_cache(maxsize=4096)
def _kept_style_says(style: str) -> tuple[_Said | None, bool | None]:
    return _read_style(style)


def _read_style(style: str) -> tuple[_Said | None, bool | None]:
    lowered = style.lower()
    if "color" not in lowered and "background" not in lowered:
        return None, None
    if "/*" in lowered:
        lowered = _COMMENT_RE.sub(" ", lowered)
    values: dict[str, _Said] = cascaded(
        # background-color is a longhand of background: one property ([:10]).
        (name[:10], _declared(name, value.strip()), important)
        for name, value, important in _DECLARATION_RE.findall(lowered)
    )
    ground = values.get("background")
    return values.get("color"), None if ground is None else bool(ground)


def colour(element: etree._Element) -> int:
    """What ``element`` does to its text's colour and ground (:data:`WHITE`,
    :data:`COLOURED`, :data:`BACKED`), or 0 when its own style says nothing of either.

    As in CSS, the last valid declaration of a property wins and an ``!important`` one
    wins over those that are not; a ``style`` declaration goes before ``<font color>``
    and ``bgcolor``. A colour that is not valid, ``inherit`` and ``currentcolor`` say
    nothing; ``initial`` is the page's text colour, black.
    """
    tag = element.tag
    backed: bool | None = tag in _GROUND_TAGS or None
    text: _Said | None = None
    attribute = element.get("bgcolor")
    if attribute is not None and attribute.strip():
        rgba = _legacy(attribute)
        # A value a browser reads as some colour we cannot name is a ground all the same.
        backed = backed or rgba is None or not _is_white(rgba)
    if tag == "font" and (attribute := element.get("color")) is not None:
        text = _legacy(attribute) or "coloured"
    style = element.get("style")
    if style is not None:
        said, ground = _style_says(style)
        text = text if said is None else said
        if ground is not None:
            backed = ground or tag in _GROUND_TAGS
    if backed:
        return BACKED
    if text is None:
        return 0
    if isinstance(text, tuple) and _is_white(text):
        return WHITE
    return COLOURED


def grounded(element: etree._Element, memo: dict[etree._Element, bool]) -> bool:
    """Whether an element around ``element`` (up to the page's ``<body>``) paints a
    ground, so that white text in ``element`` is seen.

    ``memo`` keeps the answer for each element asked on the way up, for the page: each
    element's colour is then read once, however deep white and other colours alternate.
    """
    way: list[etree._Element] = []
    above = element.getparent()
    found = False
    while above is not None and above.tag != "body":
        known = memo.get(above)
        if known is not None:
            found = known
            break
        way.append(above)
        if colour(above) == BACKED:
            found = True
            break
        above = above.getparent()
    # Every element on the way lies under where the answer was found: it shares it.
    for passed in way:
        memo[passed] = found
    return found
