"""CJK radicals that stand for ideographs: read as the ideographs they look like.

A PDF's text layer maps each glyph back to a character through the font's ToUnicode
table, and a CJK font draws "民" and the radical "⺠" (U+2EA0) with one glyph. Many
producers then write the radical's code point: the page shows 人民政府 while its text
says 人⺠政府, and nothing matches it. The Kangxi Radicals block (U+2F00-U+2FD5,
"⼀" for 一) has compatibility decompositions, so NFKC folds it; the CJK Radicals
Supplement (U+2E80-U+2EF3: ⺠ for 民, and simplified forms: ⻚ 页, ⻔ 门, ⻓ 长) has none.
Text copied out of such a PDF into a web page, a Word file or a text file carries the
same code points, so every reader's output is folded, and the fold is noted.

The table is Unicode's EquivalentUnifiedIdeograph.txt (Unicode 15.0) for the two
blocks: each radical and the unified ideograph it is equivalent to. A radical in a
report is never meant as one (they belong in dictionaries' radical indexes).
"""

from __future__ import annotations

import re

import attrs

from govinfo_report._ir import Document, Paragraph, Table
from govinfo_report._location import Location

__all__ = ["fold_radicals", "may_hold_radicals"]

# Pairs of characters: a radical, then the ideograph it stands for.
_PAIRS = (
    "⺁厂⺂乛⺃乚⺄乙⺅亻⺆冂⺇𠘨⺈刀⺉刂⺊卜⺋㔾⺌小⺍小⺎兀⺏尣⺐尢⺑𡯂⺒巳⺓幺⺔彑⺕𫜹⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵"
    "⺢氺⺣灬⺤爫⺥爫⺦丬⺧牛⺨犭⺩王⺪𤴔⺫目⺬示⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺴冗⺵𦉫⺶羊⺷𦍌⺸𦍋⺹耂⺺肀⺻聿⺼肉⺽𦥑⺾艹⺿艹⻀艹⻁虎"
    "⻂衤⻃覀⻄西⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻏邑⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐"
    "⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟⼀一⼁丨⼂丶⼃丿⼄乙⼅亅⼆二⼇亠⼈人⼉儿⼊入⼋八⼌冂⼍冖"
    "⼎冫⼏几⼐凵⼑刀⼒力⼓勹⼔匕⼕匚⼖匸⼗十⼘卜⼙卩⼚厂⼛厶⼜又⼝口⼞囗⼟土⼠士⼡夂⼢夊⼣夕⼤大⼥女⼦子⼧宀⼨寸⼩小⼪尢⼫尸⼬屮⼭山"
    "⼮巛⼯工⼰己⼱巾⼲干⼳幺⼴广⼵廴⼶廾⼷弋⼸弓⼹彐⼺彡⼻彳⼼心⼽戈⼾戶⼿手⽀支⽁攴⽂文⽃斗⽄斤⽅方⽆无⽇日⽈曰⽉月⽊木⽋欠⽌止⽍歹"
    "⽎殳⽏毋⽐比⽑毛⽒氏⽓气⽔水⽕火⽖爪⽗父⽘爻⽙爿⽚片⽛牙⽜牛⽝犬⽞玄⽟玉⽠瓜⽡瓦⽢甘⽣生⽤用⽥田⽦疋⽧疒⽨癶⽩白⽪皮⽫皿⽬目⽭矛"
    "⽮矢⽯石⽰示⽱禸⽲禾⽳穴⽴立⽵竹⽶米⽷糸⽸缶⽹网⽺羊⽻羽⽼老⽽而⽾耒⽿耳⾀聿⾁肉⾂臣⾃自⾄至⾅臼⾆舌⾇舛⾈舟⾉艮⾊色⾋艸⾌虍⾍虫"
    "⾎血⾏行⾐衣⾑襾⾒見⾓角⾔言⾕谷⾖豆⾗豕⾘豸⾙貝⾚赤⾛走⾜足⾝身⾞車⾟辛⾠辰⾡辵⾢邑⾣酉⾤釆⾥里⾦金⾧長⾨門⾩阜⾪隶⾫隹⾬雨⾭靑"
    "⾮非⾯面⾰革⾱韋⾲韭⾳音⾴頁⾵風⾶飛⾷食⾸首⾹香⾺馬⾻骨⾼高⾽髟⾾鬥⾿鬯⿀鬲⿁鬼⿂魚⿃鳥⿄鹵⿅鹿⿆麥⿇麻⿈黃⿉黍⿊黑⿋黹⿌黽⿍鼎"
    "⿎鼓⿏鼠⿐鼻⿑齊⿒齒⿓龍⿔龜⿕龠"
)
_FOLD = {ord(_PAIRS[i]): _PAIRS[i + 1] for i in range(0, len(_PAIRS), 2)}
_RADICAL_RE = re.compile("[" + "".join(map(chr, _FOLD)) + "]")
# The two blocks whole: a range, searched faster than the set above, which it contains.
_BLOCKS_RE = re.compile("[\u2e80-\u2fdf]")
# The blocks' characters in UTF-8 are E2 BA 80 to E2 BF 9F: a cheap test on the bytes
# (of all the blocks' code points, where the one above has only those that stand for one).
_RADICAL_UTF8_RE = re.compile(rb"\xe2[\xba-\xbf]")
#: Lead bytes E2 checked one by one before the regex takes over the rest of the bytes.
_LEAD_BYTES_CHECKED = 64


def may_hold_radicals(source: bytes | str) -> bool:
    """Whether ``source`` holds a radical that stands for an ideograph (text), or could
    (UTF-8 bytes); ``False`` only when it holds none."""
    if isinstance(source, str):
        return _BLOCKS_RE.search(source) is not None and _RADICAL_RE.search(source) is not None
    # The lead byte E2 is looked for with bytes.find, which runs memchr, several times
    # faster than the regex engine's byte-by-byte loop; in Chinese text E2 leads only some
    # punctuation (“ ” — …), so few are found. A page full of them is left to the regex.
    find = source.find
    at = find(b"\xe2")
    for _ in range(_LEAD_BYTES_CHECKED):
        if at < 0:
            return False
        if b"\xba" <= source[at + 1 : at + 2] <= b"\xbf":
            return True
        at = find(b"\xe2", at + 1)
    return at >= 0 and _RADICAL_UTF8_RE.search(source, at) is not None


def fold_radicals(document: Document) -> Document:
    """``document`` with every radical that stands for an ideograph read as that ideograph.

    Returns ``document`` itself when it holds none; otherwise a copy, with a
    ``repair.cjk-radicals`` note saying how many characters were read so, which one
    came first and where. The cells are the reader's own, not yet returned: they are
    changed in place.
    """
    total = 0
    first: tuple[str, Location] | None = None
    blocks = list(document.blocks)
    for i, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            # The range first: most texts hold no character of the two blocks at all.
            found = _RADICAL_RE.findall(block.text) if _BLOCKS_RE.search(block.text) else None
            if found:
                blocks[i] = attrs.evolve(block, text=block.text.translate(_FOLD))
                total += len(found)
                first = first or (found[0], block.location)
        else:
            assert isinstance(block, Table)
            for row in block.rows:
                for cell in row:
                    text = cell.text
                    found = _RADICAL_RE.findall(text) if _BLOCKS_RE.search(text) else None
                    if found:
                        cell.text = cell.text.translate(_FOLD)
                        total += len(found)
                        first = first or (found[0], cell.location)
    if first is None:
        return document
    radical, where = first
    note = (
        "repair.cjk-radicals",
        f"{total} CJK radical character(s) standing for ideographs, as a PDF font's "
        f"character map gives them, were read as those ideographs "
        f"(the first, {radical!r}, as {radical.translate(_FOLD)!r})",
        where,
    )
    return attrs.evolve(document, blocks=tuple(blocks), notes=(*document.notes, note))
