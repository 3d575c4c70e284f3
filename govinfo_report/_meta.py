"""Metadata from prose: title, body, report year, statistics period, date, contact."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence

from govinfo_report._labels import nfkc
from govinfo_report.model import Contact

__all__ = [
    "find_contact",
    "find_period",
    "find_published",
    "names_a_body",
    "organization_from_signature",
    "organization_from_title",
    "signature_at",
    "title_without_field_name",
    "year_from_prose",
    "year_from_title",
]

_YEAR = r"(?:19|20)\d{2}"
_TITLE_YEAR_RE = re.compile(rf"({_YEAR})\s*年度?")
# The field name a crawled page prints before the title: "标题: XX局2022年度…".
_TITLE_FIELD_RE = re.compile(r"^\s*(?:标\s*题|题\s*目|名\s*称)\s*[:：]\s*")
_TITLE_ORG_RE = re.compile(
    rf"^(?P<org>.*?)(?:关于(?:公布|印发|发布)?)?(?:{_YEAR}\s*年度?)?(?:政府)?信息公开"
)
# Tried first: the body before the report's year, so that a body whose name says 信息公开
# ("云溪市政府信息公开办公室2023年政府信息公开…") is not cut at it.
_TITLE_ORG_YEAR_RE = re.compile(
    rf"^(?P<org>.*?)(?:关于(?:公布|印发|发布)?)?{_YEAR}\s*年度?(?:政府)?信息公开"
)


def _date(prefix: str) -> str:
    return (
        rf"(?P<{prefix}y>{_YEAR})\s*年\s*(?P<{prefix}m>\d{{1,2}})\s*月"
        rf"\s*(?P<{prefix}d>\d{{1,2}})\s*日"
    )


def _spaced(*words: str) -> str:
    """A pattern for any of ``words`` with spaces between their characters: forms align
    their field names with ideographic spaces ("电　　话：", "地　　址："), which NFKC
    makes spaces."""
    return "(?:" + "|".join(r"\s*".join(map(re.escape, word)) for word in words) + ")"


# The start's year may be left to the title ("统计期限为1月1日—12月31日"); the days may be
# left out ("统计期限为2023年1月至12月": from the first month's first day to the last
# month's last).
_PERIOD_RE = re.compile(
    _spaced("统计")
    + r"\s*"
    + _spaced("期限", "年限", "时限", "时间", "区间", "期间", "周期", "范围", "口径")
    + r"[^0-9]{0,6}"
    + rf"(?:(?P<ay>{_YEAR})\s*年\s*)?(?P<am>\d{{1,2}})\s*月(?:\s*(?P<ad>\d{{1,2}})\s*日|(?!\s*\d))"
    + rf"[^0-9]{{0,6}}(?:(?P<by>{_YEAR})\s*年\s*)?(?P<bm>\d{{1,2}})\s*月"
    + r"(?:\s*(?P<bd>\d{1,2})\s*日|(?!\s*\d))"
)
_DATE_LINE_RE = re.compile(r"^(?P<who>.{0,40}?)\s*" + _date("") + r"\s*$")
# What stands before a date that is no signature: a note on the data ("注：本报告数据统计
# 截至2024年12月31日").
_NOT_SIGNATURE_RE = re.compile(r"^注|截[至止]|统计|数据")
# A web page's own date, printed in its header or footer: no signature where one is.
_PAGE_FIELD_RE = re.compile(
    _spaced("发布", "更新", "录入", "修改", "上传", "生成")
    + r"\s*"
    + _spaced("日期", "时间")
    + r"\s*[:：]"
)
_ISO_DATE_RE = re.compile(r"(?:发布(?:时间|日期)|成文日期)\s*[:：]\s*" + _date(""))
# A date written in digits alone ("2025-01-20", "2025.1.20", "2025/01/20"), read as the
# same date in 年月日.
# One separator, written twice and touching the digits ("2025-01-20", "2025.1.20",
# "2025/1/20"): a table row's values "1934 / 1 -1", read as a row of the ending, are no
# date.
_DIGIT_DATE_RE = re.compile(rf"(?<!\d)({_YEAR})([-./])(\d{{1,2}})\2(\d{{1,2}})(?![\d.])")
# Years inside document numbers (〔2024〕1号, [2024]) and book titles are not report years.
_DOCNO_RE = re.compile(rf"[〔\[［(（]\s*{_YEAR}\s*[〕\]］)）]|《[^》]{{0,80}}》")
_PROSE_YEAR_RE = re.compile(rf"({_YEAR})\s*年")

# Field names that end the field before them when fields share a line ("地址：…路1号
# 邮编：100000 电话：…").
_NEXT_FIELD = (
    r"\s*(?:"
    + _spaced("邮政编码", "邮编", "联系电话", "电话", "传真", "电子邮箱", "邮箱", "网址", "网站")
    + r"|E-?mail)"
)


def _field(name: str) -> str:
    """A pattern for a field name before its value: with a colon ("地址：人民路1号"), or
    standing alone before white space, as a table's cell does ("地址" | "人民路1号", read
    as "地址 人民路1号"; a tab in a flattened text). Alone, the name must start the text
    or follow white space or punctuation: "办公地址在人民路" and "的办公地址 为…" are prose."""
    return (
        rf"(?:(?:{name})\s*[:：]|(?<![^\s；;，,。、|｜(（])(?:{name})(?=\s))\s*"
        # The value is no other field's name: a header row "地址 邮编 电话" has none.
        rf"(?!{_NEXT_FIELD})"
    )


_ADDRESS_RE = re.compile(
    # "网站地址：http://…" is the web address's field, not the address's.
    _field(r"(?:" + _spaced("通讯", "联系", "办公") + r")?\s*(?<!站)" + _spaced("地址"))
    + r"(?P<v>[^；;，,。（()）\n]{2,60}?)(?="
    + _NEXT_FIELD
    + r"|[；;，,。（()）\n]|$)"
)
_POSTCODE_RE = re.compile(
    _spaced("邮政编码", "邮政编", "邮编码", "邮编") + r"\s*[:：]?\s*(?P<v>\d{6})(?!\d)"
)
# A mobile number first: the landline pattern would take its first 8 digits.
_PHONE_RE = re.compile(
    _spaced("电话", "联系方式", "热线", "咨询电话")
    + r"(?:\s*[/、]\s*"
    + _spaced("传真")
    + r")?(?:\s*"
    + _spaced("号码")
    + r")?\s*[:：]?\s*(?P<v>1[3-9]\d{9}(?!\d)|(?:\(?0\d{2,3}\)?[-－—\s]?)?\d{7,8}(?:[-转]\d{1,5})?)"
)
# The address starts where no character of one stands before it: else a long run of
# such characters with no "@" is tried from each of its characters (quadratic time).
_EMAIL_RE = re.compile(
    r"(?<![A-Za-z0-9._%+-])(?P<v>[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})"
)
# Only a web address given as a contact ("网址：…"), not the site the report is posted on.
_WEB_RE = re.compile(
    _field(_spaced("网址", "网站地址", "网站", "官网", "门户网站"))
    + r"(?P<v>https?://[A-Za-z0-9./?=&_%#:-]+|www\.[A-Za-z0-9.-]+\.[A-Za-z]{2,}[A-Za-z0-9./?=&_%#-]*)"
)


_CN_DIGIT = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_YEAR_RE = re.compile(r"[〇○零一二三四五六七八九]{4}(?=\s*年)")
# 元月 is January; 廿 is twenty and 卅 thirty (廿日, 廿八日, 卅一日).
# White space may stand between the parts ("二〇二四年 元月 八日", as a date spread to the
# width of the signature is typed): it is kept, as in dates written in digits.
_CN_MONTH_DAY_RE = re.compile(
    r"(?P<lead>[年至到—－~～-]\s*)(?P<month>[一二三四五六七八九十]{1,3}|元)(?=\s*月)"
    r"|(?P<lead_day>月\s*)(?P<day>[一二三四五六七八九十廿卅]{1,3})(?=\s*日)"
)


_CN_DAY_NUMBER_RE = re.compile(r"[一二三四五六七八九]|[二三]?十[一二三四五六七八九]?")


def _cn_number(text: str) -> str:
    """一 … 三十一, as written in dates (元 for the first month, 廿 and 卅 for 二十 and
    三十), in digits; anything else ("三四月", two months; "十十") as it is."""
    if text == "元":
        return "1"
    numeral = text.replace("廿", "二十").replace("卅", "三十")
    if not _CN_DAY_NUMBER_RE.fullmatch(numeral):
        return text
    if "十" not in numeral:
        return str(_CN_DIGIT[numeral])
    tens, _, ones = numeral.partition("十")
    return str((_CN_DIGIT[tens] if tens else 1) * 10 + (_CN_DIGIT[ones] if ones else 0))


def _dates_in_digits(text: str) -> str:
    """Compatibility-normalize, and write dates in Chinese numerals (二〇二四年一月八日) in digits."""
    text = nfkc(text)
    if "-" in text or "." in text or "/" in text:
        text = _DIGIT_DATE_RE.sub(r"\1年\3月\4日", text)
    if not any(char in _CN_DIGIT or char in "十元廿卅" for char in text):
        return text
    text = _CN_YEAR_RE.sub(lambda m: "".join(str(_CN_DIGIT[c]) for c in m.group(0)), text)
    return _CN_MONTH_DAY_RE.sub(_month_day_in_digits, text)


def _month_day_in_digits(match: re.Match[str]) -> str:
    if match["month"] is not None:
        return match["lead"] + _cn_number(match["month"])
    return match["lead_day"] + _cn_number(match["day"])


def _squash(text: str) -> str:
    return "".join(_dates_in_digits(text).split())


def year_from_title(title: str) -> int | None:
    match = _TITLE_YEAR_RE.search(_squash(title))
    return int(match.group(1)) if match else None


def title_without_field_name(title: str) -> str:
    """``title`` without the field name a crawled page prints before it ("标题: XX局2022年度
    …", "题目：…")."""
    return _TITLE_FIELD_RE.sub("", title, count=1)


def organization_from_title(title: str) -> str | None:
    # Some titles put the year first ("2024年XX局…") or stand in 《》.
    squashed = title_without_field_name(_squash(title)).replace("《", "").replace("》", "")
    squashed = re.sub(rf"^{_YEAR}年度?", "", squashed)
    match = _TITLE_ORG_YEAR_RE.match(squashed) or _TITLE_ORG_RE.match(squashed)
    if not match:
        return None
    org = match.group("org").strip("，,：: ")
    return _as_printed(org, title) or None


def _as_printed(found: str, text: str) -> str:
    """``found``, read in ``text`` as normalized, in the characters ``text`` prints: a body's
    name keeps its full-width brackets ("中国（上海）…"), which the reading turned into
    ASCII. As found where the normalization changed the text's length (rare)."""
    printed = "".join(text.split())
    normal = nfkc(printed)
    at = normal.find(found)
    if at < 0 or len(normal) != len(printed):
        return found
    return printed[at : at + len(found)]


def find_period(texts: Sequence[str], year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """The statistics period ("统计期限自2024年1月1日起至2024年12月31日止"); ``year`` (the
    title's) for a period that gives none ("统计期限为1月1日—12月31日")."""
    for text in texts:
        match = _PERIOD_RE.search(_dates_in_digits(text))
        if not match:
            continue
        start_year = int(match["ay"]) if match["ay"] else year
        if start_year is None:
            continue
        try:
            start = dt.date(start_year, int(match["am"]), int(match["ad"] or 1))
            end_year = int(match["by"]) if match["by"] else start.year
            end_month = int(match["bm"])
            last = calendar.monthrange(end_year, end_month)[1] if 1 <= end_month <= 12 else 0
            end = dt.date(end_year, end_month, int(match["bd"]) if match["bd"] else last)
        except ValueError:
            continue
        return start, end
    return None


def year_from_prose(texts: Sequence[str]) -> int | None:
    """The year the prose speaks of most, leaving out document numbers and titles."""
    counts: Counter[int] = Counter()
    for text in texts:
        cleaned = _DOCNO_RE.sub("", nfkc(text))
        counts.update(int(y) for y in _PROSE_YEAR_RE.findall(cleaned))
    if not counts:
        return None
    (year, _), *rest = counts.most_common()
    if rest and rest[0][1] == counts[year]:
        return None  # a tie: no year stands out
    return year


def _signature(text: str) -> re.Match[str] | None:
    """``text`` as a signature's date line ("常张乡人民政府 2025年1月8日"), if it is one."""
    match = _DATE_LINE_RE.match(_dates_in_digits(text).strip())
    return match if match and not _NOT_SIGNATURE_RE.search(match["who"]) else None


def signature_at(texts: Sequence[str]) -> int | None:
    """The index of the last of ``texts`` that is a signature's date line, if any.

    A line signed by a body (its name before the date, or on the line above) goes before
    any other dated line: a page's list of related links ("…2022年…年度报告 2023-01-16")
    or its counter ("浏览次数：12 2025-02-11") may follow the signature inside the article.
    A line whose text before the date names a report, or a field other than a date
    ("浏览次数：12"), is never one. A web
    page's field ("发布日期：2024-02-02", its footer's or header's) is one only where no
    other is: the page's date does not override the report's signature before it.
    """
    page_field = loose = None
    for i in range(len(texts) - 1, -1, -1):
        match = _signature(texts[i])
        if match is None:
            continue
        if _PAGE_FIELD_RE.search(texts[i]):
            page_field = i if page_field is None else page_field
            continue
        who = "".join(nfkc(match["who"]).split())
        if "报告" in who or (":" in who and not who.split(":")[0].endswith(("日期", "时间"))):
            continue  # a link to a report, or a field other than the date, with its date
        if _signer(texts, i, who) is not None:
            return i
        loose = i if loose is None else loose
    return loose if loose is not None else page_field


def _signer(texts: Sequence[str], at: int, who: str) -> str | None:
    """The body that signs the date line ``texts[at]`` (``who`` is what stands before its
    date, white space taken out): ``who``, or the line above when ``who`` is empty, when
    it names a body."""
    if not who:
        above = (text for text in reversed(texts[:at]) if text.strip())
        who = "".join(nfkc(next(above, "")).split())
    return who if _BODY_RE.match(who) else None


# What a body's name ends with ("青禾镇人民政府", "松岭县交通运输局", "…街道办事处",
# "…管理委员会", "…政务服务中心"): a line that ends otherwise is no body.
_BODY_RE = re.compile(
    r"^[\u4e00-\u9fff0-9A-Za-z（）()]{2,40}?"
    r"(?:人民政府|政府|办事处|委员会|管委会|联合会|办公室|办|局|厅|委|部|署|中心|所|站|院|馆|处|队)$"
)


def names_a_body(text: str) -> bool:
    """Whether ``text`` (white space aside) is a body's name (see :data:`_BODY_RE`)."""
    return _BODY_RE.match("".join(nfkc(text).split())) is not None


def organization_from_signature(last_paragraphs: Sequence[str]) -> str | None:
    """The body that signs the report (its name before the signature's date, on the same
    line or the line above: "青禾镇人民政府 / 2024年1月20日"), if the line names one."""
    at = signature_at(last_paragraphs)
    if at is None or _PAGE_FIELD_RE.search(last_paragraphs[at]):
        return None
    match = _signature(last_paragraphs[at])
    assert match is not None
    return _signer(last_paragraphs, at, "".join(match["who"].split()))


def find_published(last_paragraphs: Sequence[str], header: Sequence[str]) -> dt.date | None:
    """The signature date at the end ("常张乡人民政府 2025年1月8日"), else a header date."""
    at = signature_at(last_paragraphs)
    if at is not None:
        match = _signature(last_paragraphs[at])
        assert match is not None
        try:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return None
    for text in header:
        iso = _ISO_DATE_RE.search(_dates_in_digits(text))
        if iso:
            try:
                return dt.date(int(iso["y"]), int(iso["m"]), int(iso["d"]))
            except ValueError:
                return None
    return None


def find_contact(texts: Sequence[str]) -> Contact:
    """Address, 邮编, phone, e-mail and web address, each the first one given."""
    found: dict[str, str] = {}
    # A line that starts with the colon of a field whose name ends the line before
    # ("…；邮编" / "：100000；电话…", a text wrapped at the page's width) goes on it.
    joined: list[str] = []
    for text in texts:
        if joined and text.lstrip(" \u3000").startswith(("：", ":")):
            joined[-1] += text.lstrip(" \u3000")
        else:
            joined.append(text)
    patterns = {
        "address": _ADDRESS_RE,
        "postcode": _POSTCODE_RE,
        "phone": _PHONE_RE,
        "email": _EMAIL_RE,
        "website": _WEB_RE,
    }
    for text in joined:
        normalized = nfkc(text)
        for key, pattern in patterns.items():
            if key in found:
                continue
            match = pattern.search(normalized)
            if match:
                value = match.group("v").strip()
                if key == "website" and "@" in value:
                    continue
                found[key] = value
    return Contact(**found)
