"""Metadata from prose: dates and years written in Chinese numerals, titles, periods."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

import govinfo_report
from govinfo_report import _meta


@pytest.mark.parametrize(
    ("title", "organization", "year"),
    [
        ("青禾镇人民政府二〇二三年政府信息公开工作年度报告", "青禾镇人民政府", 2023),
        ("松岭县交通运输局 2024 年度政府信息公开工作年度报告", "松岭县交通运输局", 2024),
        ("标题: 云峰区财政局2022年政府信息公开工作年度报告", "云峰区财政局", 2022),
        ("题目：云峰区教育局2024年政府信息公开工作年度报告", "云峰区教育局", 2024),
        ("名称：云峰区民政局2024年政府信息公开工作年度报告", "云峰区民政局", 2024),
        ("杏林乡人民政府政府信息公开工作年度报告", "杏林乡人民政府", None),
    ],
)
def test_title(title: str, organization: str, year: int | None) -> None:
    assert _meta.organization_from_title(title) == organization
    assert _meta.year_from_title(title) == year


@pytest.mark.parametrize(
    ("lines", "date"),
    [
        (["青禾镇人民政府", "二〇二四年一月二十八日"], dt.date(2024, 1, 28)),
        (["2024年十月十日"], dt.date(2024, 10, 10)),
        (["松岭县交通运输局 2025年3月1日"], dt.date(2025, 3, 1)),
        (["下一步，我局将于2025年3月1日前完成整改。"], None),
    ],
)
def test_signature_date(lines: list[str], date: dt.date | None) -> None:
    assert _meta.find_published(lines, []) == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        # Every numeral once, 〇 and ○ and 零 alike for zero, and a space before 年 (a
        # signature's year spaced out to the width of the name above it).
        ("青禾县人民政府办公室 二零二四年一月八日", dt.date(2024, 1, 8)),
        ("青禾县人民政府 二〇二四年九月九日", dt.date(2024, 9, 9)),
        ("青禾县人民政府 二○一九年十二月三十一日", dt.date(2019, 12, 31)),
        ("二〇二三年七月六日", dt.date(2023, 7, 6)),
        ("二〇二五年五月四日", dt.date(2025, 5, 4)),
        ("青禾县人民政府 二〇二四 年一月八日", dt.date(2024, 1, 8)),
    ],
)
def test_a_signature_date_in_chinese_numerals(line: str, date: dt.date) -> None:
    # Each numeral read as its own digit: one misread shifts the date (九 as 10 gave
    # 2024-10-10), one missing made the report's date none at all.
    assert _meta.find_published([line], []) == date


@pytest.mark.parametrize(
    ("line", "date"),
    [
        # 注 in a name is no note: only a line that starts with it is one.
        ("青禾市企业注册登记中心 2025年1月8日", dt.date(2025, 1, 8)),
        ("注：本报告由青禾县财政局编制 2025年1月8日", None),
    ],
)
def test_a_note_before_a_date_is_no_signature(line: str, date: dt.date | None) -> None:
    assert _meta.find_published([line], []) == date


def test_a_tie_between_the_years_of_the_prose_gives_no_year() -> None:
    # Two years named as often: neither stands out, and guessing one would give half the
    # reports a wrong year.
    assert _meta.year_from_prose(["2023年，本局……", "2024年，本局……"]) is None
    assert _meta.year_from_prose(["2023年，本局……", "2024年，本局……", "2024年"]) == 2024


def test_a_phone_extension_is_part_of_the_number() -> None:
    for text, phone in (
        ("联系电话：0371-12345678-801", "0371-12345678-801"),
        ("咨询电话：0371-12345678转801", "0371-12345678转801"),
    ):
        assert _meta.find_contact([text]).phone == phone


def test_period_in_chinese_numerals() -> None:
    text = "本报告统计期限自二〇二三年一月一日起至二〇二三年十二月三十一日止。"
    assert _meta.find_period([text]) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


def test_prose_year_leaves_out_document_numbers_and_titles() -> None:
    texts = [
        "按照《关于做好2024年政务公开工作的通知》（某政办〔2024〕3号）要求，我镇2023年共公开信息120条。"
    ]
    assert _meta.year_from_prose(texts) == 2023


def test_an_email_address_after_a_long_run_of_its_characters_is_found() -> None:
    # The address pattern starts only where no character of an address stands before:
    # a long run of them with no "@" (a crawled line of "aaaa…") is read once, not
    # tried from each of its characters, which took minutes for 100,000.
    run = "a" * 100_000
    contact = _meta.find_contact([run, f"{run} 电子邮箱：zwgk@example.gov.cn", "x.y@mail.cn"])
    assert contact.email == "zwgk@example.gov.cn"
    assert _meta.find_contact(["邮箱b@c@d.gov.cn"]).email == "c@d.gov.cn"


def test_characters_that_show_nothing_and_spaced_field_names() -> None:
    # Zero-width spaces, soft hyphens and joiners pasted into a name or a field broke
    # every match; forms space their field names out ("电　　话：").
    zwsp, shy = "\u200b", "\u00ad"
    title = f"青禾镇{zwsp}人民政府202{zwsp}4年政府信{shy}息公开工作年度报告"
    assert _meta.organization_from_title(title) == "青禾镇人民政府"
    assert _meta.year_from_title(title) == 2024
    period = _meta.find_period([f"统\xa0计{shy}期限自2024年1月1日起至2024年12月31日止。"])
    assert period == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert _meta.find_published([f"2025年1月{zwsp}20日"], []) == dt.date(2025, 1, 20)
    contact = _meta.find_contact(
        [f"地\u3000\u3000址：人民路1{zwsp}号；邮\u3000编：100000；电\u3000\u3000话：010-12345678"]
    )
    assert (contact.address, contact.postcode, contact.phone) == (
        "人民路1号",
        "100000",
        "010-12345678",
    )


@pytest.mark.parametrize(
    ("title", "organization"),
    [
        ("2024年青禾县人民政府办公室政府信息公开工作年度报告", "青禾县人民政府办公室"),
        (
            "青禾县人民政府办公室关于公布2024年政府信息公开工作年度报告的通知",
            "青禾县人民政府办公室",
        ),
        ("《青禾县人民政府办公室2024年政府信息公开工作年度报告》", "青禾县人民政府办公室"),
    ],
)
def test_the_body_of_titles_with_the_year_first_a_notice_or_book_marks(
    title: str, organization: str
) -> None:
    assert _meta.organization_from_title(title) == organization


def test_dates_and_periods_in_digits_and_a_period_without_its_year() -> None:
    for line in ("2025-01-20", "2025.1.20", "青禾镇人民政府 2025/01/20"):
        assert _meta.find_published([line], []) == dt.date(2025, 1, 20), line
    # A note on the data is no signature; a header date in 年月日 is one.
    assert _meta.find_published(["注：本报告数据统计截至2024年12月31日"], []) is None
    assert _meta.find_published([], ["发布时间：2025年01月26日"]) == dt.date(2025, 1, 26)
    for sentence in (
        "统计期限为2024-01-01至2024-12-31。",
        "统计期限为2024.1.1—2024.12.31。",
        "统计口径为2024年1月1日至2024年12月31日。",
        # six characters between the dates, the end's year said in words
        "本报告统计期限自2024年1月1日起，截至当年12月31日止。",
    ):
        assert _meta.find_period([sentence]) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert _meta.find_period(["统计期限为1月1日—12月31日。"]) is None
    assert _meta.find_period(["统计期限为1月1日—12月31日。"], 2024) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电话：13912345678", {"phone": "13912345678"}),
        (
            "地址：青禾县人民路1号 邮编：100000 电话：010-12345678",
            {"address": "青禾县人民路1号", "postcode": "100000", "phone": "010-12345678"},
        ),
        (
            "地址：青禾县人民路1号（邮编：100000）",
            {"address": "青禾县人民路1号", "postcode": "100000"},
        ),
        ("电话/传真：010-12345678", {"phone": "010-12345678"}),
        ("地址：人民路 1 号", {"address": "人民路 1 号"}),
    ],
)
def test_contact_fields_sharing_a_line_and_mobile_numbers(
    text: str, expected: dict[str, str]
) -> None:
    contact = _meta.find_contact([text])
    assert {k: v for k, v in attrs.asdict(contact).items() if v} == expected


def test_a_site_footer_after_the_signature_is_not_the_report_s_contact() -> None:
    from govinfo_report.synth import consistent_example
    from govinfo_report.synth.text import render_text

    text = render_text(consistent_example("青禾镇人民政府", 2024), layout="rows")
    footer = (
        "\n联系我们 | 网站地图\n地址：青禾县政府路8号 邮编：100099 电子邮箱：webmaster@qh.gov.cn\n"
    )
    report = govinfo_report.parse(text + footer)
    assert report.metadata.contact == govinfo_report.parse(text).metadata.contact


def test_a_signature_set_in_a_table_is_found() -> None:
    # Body and date side by side in a borderless table (a web page's or Word's layout):
    # the date was looked for in paragraphs only.
    from govinfo_report.synth import consistent_example
    from govinfo_report.synth.text import render_text

    report = consistent_example("青禾镇人民政府", 2024)
    text = render_text(report, layout="rows")
    signature = "青禾镇人民政府\n2025年1月20日"
    assert signature in text
    tabled = text.replace(signature, "青禾镇人民政府\t2025年1月20日")
    assert govinfo_report.parse(tabled).metadata.published == dt.date(2025, 1, 20)


@pytest.mark.parametrize("where", ["preamble", "section 六", "after the signature"])
def test_a_contact_block_set_as_a_table_is_read(where: str) -> None:
    # Field beside value ("地址：" | "人民路1号"): the contact was looked for in paragraphs
    # only, and came out empty in every carrier. A table after the signature is the
    # site's (its footer), not the report's.
    from govinfo_report.synth import consistent_example
    from govinfo_report.synth.html import render_html

    page = render_html(consistent_example("青禾镇人民政府", 2024)).decode("utf-8")
    paragraph = "（地址：人民路1号；邮编：100000；电话：010-12345678）"
    assert paragraph in page
    page = page.replace(paragraph, "")
    rows = [("地址：", "人民路1号"), ("邮编：", "100000"), ("联系电话：", "010-12345678")]
    table = "<table>" + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows) + "</table>"
    at = {
        "preamble": "<h3>一、总体情况</h3>",
        "section 六": "<h3>六、其他需要报告的事项</h3>",
        "after the signature": "2025年1月20日</p>",
    }[where]
    assert at in page
    page = page.replace(at, at + table if where != "preamble" else table + at, 1)
    contact = govinfo_report.parse(page.encode("utf-8")).metadata.contact
    found = {k: v for k, v in attrs.asdict(contact).items() if v} if contact else {}
    if where == "after the signature":
        assert found == {}
    else:
        assert found == {"address": "人民路1号", "postcode": "100000", "phone": "010-12345678"}


def test_a_line_glued_onto_the_signature_s_date_cell_does_not_hide_the_date() -> None:
    # In the one-cell-per-line layout, a short line after a blank joins the cell before
    # it: the date's cell read "2025年1月20日\n附件：联系人名单", and no date was found.
    from govinfo_report.synth import consistent_example
    from govinfo_report.synth.text import render_text

    text = render_text(consistent_example("青禾镇人民政府", 2024), layout="cells")
    signature = "青禾镇人民政府\n2025年1月20日"
    assert signature in text
    attached = "\t青禾镇人民政府\n\n\t2025年1月20日\n\n附件：联系人名单\n\n\t姓名\n\t电话\n"
    report = govinfo_report.parse(text.replace(signature, attached))
    assert report.metadata.published == dt.date(2025, 1, 20)


def test_a_table_row_of_values_is_no_date_in_digits() -> None:
    # Table 三's last rows are read with the ending, where the signature is looked for:
    # "1934 / 1 -1" (three cells) was read as the date 1934-01-01 (found by the round
    # trip of an arbitrary report). A date in digits writes one separator twice, touching
    # its digits.
    assert _meta.find_published(["6.属于四类过程性信息  0 1934 / 1 -1"], []) is None
    assert _meta.find_published(["青禾镇人民政府 2025-1/20"], []) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A field name alone before its value: a table's cells read side by side, or a tab.
        ("地址 人民路1号", {"address": "人民路1号"}),
        ("联系地址\t人民路1号 邮编\t100000", {"address": "人民路1号", "postcode": "100000"}),
        ("地\u3000\u3000址\u3000人民路1号", {"address": "人民路1号"}),
        ("网址\thttp://www.qh.gov.cn", {"website": "http://www.qh.gov.cn"}),
        ("网站 www.qh.gov.cn", {"website": "www.qh.gov.cn"}),
        # Prose is no field: the name runs into the words before or after it.
        ("地址在人民路1号", {}),
        ("本单位办公地址 为人民路1号", {}),
        ("在政府网站 www.qh.gov.cn 公开", {}),
        # A header row names fields only; "网站地址" is the web address's field.
        ("地址 邮编 电话", {}),
        ("网站地址：http://www.qh.gov.cn", {"website": "http://www.qh.gov.cn"}),
    ],
)
def test_contact_field_names_without_a_colon(text: str, expected: dict[str, str]) -> None:
    contact = _meta.find_contact([text])
    assert {k: v for k, v in attrs.asdict(contact).items() if v} == expected


@pytest.mark.parametrize("carrier", ["text", "html"])
def test_a_contact_table_without_colons_is_read(carrier: str) -> None:
    # "地址\t人民路1号" (a text's table row), <td>地址</td><td>人民路1号</td>: the address
    # and web address needed a colon after their field names, and were lost.
    from govinfo_report.synth import consistent_example
    from govinfo_report.synth.html import render_html
    from govinfo_report.synth.text import render_text

    rows = [
        ("地址", "人民路1号"),
        ("邮编", "100000"),
        ("电话", "010-12345678"),
        ("电子邮箱", "qh@example.gov.cn"),
        ("网址", "http://www.qh.gov.cn"),
    ]
    paragraph = "（地址：人民路1号；邮编：100000；电话：010-12345678）"
    example = consistent_example("青禾镇人民政府", 2024)
    if carrier == "html":
        page = render_html(example).decode("utf-8")
        table = "<table>" + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)
        document = page.replace(paragraph, "").replace(
            "<h3>一、总体情况</h3>", table + "</table><h3>一、总体情况</h3>", 1
        )
    else:
        text = render_text(example, layout="rows")
        block = "".join(f"{k}\t{v}\n" for k, v in rows)
        document = text.replace(paragraph, "").replace(
            "一、总体情况\n", block + "\n一、总体情况\n", 1
        )
    assert document.count("人民路1号") == 1
    contact = govinfo_report.parse(document).metadata.contact
    assert contact is not None
    assert attrs.asdict(contact) == {
        "address": "人民路1号",
        "postcode": "100000",
        "phone": "010-12345678",
        "email": "qh@example.gov.cn",
        "website": "http://www.qh.gov.cn",
    }


@pytest.mark.parametrize("prefix", ["标题：", "标题: ", "题目：", "标\u3000题："])
def test_a_crawled_page_s_field_name_is_no_part_of_the_title(prefix: str) -> None:
    # A crawler's header "标题：…年度报告" gave the title with its field name (the body
    # was read without it already).
    from govinfo_report.synth import consistent_example
    from govinfo_report.synth.text import render_text

    title = "青禾镇人民政府2024年政府信息公开工作年度报告"
    text = render_text(consistent_example("青禾镇人民政府", 2024), layout="rows")
    assert title in text
    header = f"{prefix}{title}\n发布时间：2025-01-22\n来源：青禾镇人民政府\n"
    metadata = govinfo_report.parse(text.replace(title, header, 1)).metadata
    assert (metadata.title, metadata.organization) == (title, "青禾镇人民政府")
    assert _meta.title_without_field_name(f"{prefix}{title}") == title
    # A title that merely names a 题目 keeps it.
    assert _meta.title_without_field_name("题目库中心2024年政府信息公开工作年度报告").startswith(
        "题目"
    )


def test_a_field_whose_colon_wrapped_onto_the_next_line_is_read() -> None:
    # Text wrapped at a page's width (pdftotext) put the colon of 邮编 at the start of the
    # next line: the postcode was lost.
    lines = ["请与本局联系（地址：人民路1号；邮编", "：100000；电话：010-12345678）。"]
    contact = _meta.find_contact(lines)
    assert (contact.address, contact.postcode, contact.phone) == (
        "人民路1号",
        "100000",
        "010-12345678",
    )


def test_a_markdown_title_marker_is_left_out() -> None:
    # A page dumped as Markdown (html2text) marks its title "# ": the title and the body
    # read from it began with "#".
    report = govinfo_report.parse(
        "# 青山县交通运输局2022年政府信息公开工作年度报告\n一、总体情况\n本年度依法公开。\n"
    )
    assert report.metadata.title == "青山县交通运输局2022年政府信息公开工作年度报告"
    assert report.metadata.organization == "青山县交通运输局"
    assert any(d.code == "repair.markdown-heading" for d in report.diagnostics)


def test_dated_lines_of_the_page_after_the_signature_do_not_override_it() -> None:
    # A site's related links and counter inside the article, after the signature: the
    # last dated line won, and the report was published on 2023-01-16.
    signed = ["青禾镇人民政府", "2025年1月20日"]
    links = ["相关信息", "青禾镇人民政府2022年政府信息公开工作年度报告 2023-01-16"]
    assert _meta.find_published(signed + links, []) == dt.date(2025, 1, 20)
    news = ["青禾镇召开政务公开工作推进会 2025-02-11"]  # a link naming no report
    assert _meta.find_published(signed + news, []) == dt.date(2025, 1, 20)
    assert _meta.find_published(["青禾镇人民政府 2025年1月20日", *news], []) == dt.date(2025, 1, 20)
    # A line not signed by a body is still a signature where no other is; a field other
    # than a date, or a link to a report, never is.
    counter = ["浏览次数：12　2025-02-11"]
    assert _meta.find_published(["（盖章）", "2025年1月20日", *counter], []) == dt.date(2025, 1, 20)
    assert _meta.find_published(counter, []) is None
    assert _meta.find_published(links, []) is None


def test_a_page_s_date_after_the_signature_does_not_override_it() -> None:
    # A footer's "发布日期：2024-02-02" after the signature's "2024年1月20日" was taken for
    # the signature: the publication date was the page's, and the footer's contact lines
    # before it were read as the report's.
    lines = ["青禾镇人民政府", "2024年1月20日", "", "发布日期：2024-02-02"]
    assert _meta.find_published(lines, []) == dt.date(2024, 1, 20)
    assert _meta.signature_at(lines) == 1
    assert _meta.find_published(["青禾镇人民政府", "更新时间：2024年2月2日"], []) == dt.date(
        2024, 2, 2
    )
    # A signature's own field ("日期：") is a signature, not the page's.
    assert _meta.find_published(["日期：2024年1月20日"], []) == dt.date(2024, 1, 20)

    from govinfo_report.synth import consistent_example
    from govinfo_report.synth.text import render_text

    text = render_text(consistent_example("青禾镇人民政府", 2024), layout="rows")
    assert "青禾镇人民政府\n2025年1月20日" in text
    footer = (
        "\n地址：青禾县政府路8号 邮编：100099 电子邮箱：webmaster@qh.gov.cn\n发布日期：2025-02-02\n"
    )
    report = govinfo_report.parse(text + footer)
    assert report.metadata.published == dt.date(2025, 1, 20)
    assert report.metadata.contact == govinfo_report.parse(text).metadata.contact


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("二〇二四年元月二十日", dt.date(2024, 1, 20)),
        ("2024年元月20日", dt.date(2024, 1, 20)),
        ("二〇二四年一月廿日", dt.date(2024, 1, 20)),
        ("青禾镇人民政府 二〇二四年一月廿八日", dt.date(2024, 1, 28)),
        ("二〇二四年三月卅日", dt.date(2024, 3, 30)),
        ("二〇二四年三月卅一日", dt.date(2024, 3, 31)),
        ("二〇二四年二月卅日", None),
        # White space between the parts, as a date spread to a signature's width is typed.
        ("二〇二四年 元月 八日", dt.date(2024, 1, 8)),
        ("二〇二五年一月 二十日", dt.date(2025, 1, 20)),
    ],
)
def test_a_signature_date_with_yuanyue_nian_and_sa(line: str, date: dt.date | None) -> None:
    # 元月 (January), 廿 (20) and 卅 (30) gave no date at all.
    assert _meta.find_published(["青禾镇人民政府", line], []) == date


@pytest.mark.parametrize("line", ["2023年三四月份，本局开展培训。", "二〇二四年十二月十十日"])
def test_numerals_that_are_no_month_or_day_are_no_crash(line: str) -> None:
    # "三四月" (two months) and "十十" were looked up as one numeral: KeyError, and
    # parse() failed with an internal error.
    assert _meta.find_published([line], []) is None
    assert _meta.year_from_title(line) in (2023, 2024)
    report = govinfo_report.parse(
        "青禾镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n" + line + "\n"
    )
    assert report.metadata.published is None


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        # Months only: from the first month's first day to the last month's last.
        ("本报告所列数据统计期限为2023年1月至12月。", (dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
        ("统计期限为2024年1月至2024年2月。", (dt.date(2024, 1, 1), dt.date(2024, 2, 29))),
        # The end's month in Chinese numerals after 至, with no year of its own.
        (
            "本报告所列数据统计期限为二〇二三年一月一日至十二月三十一日。",
            (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        ),
        # No month 13; two months run together are no period.
        ("统计期限为2023年1月至13月。", None),
        ("统计期限为2023年1月12月。", None),
    ],
)
def test_a_period_of_months_or_in_chinese_numerals_without_the_end_s_year(
    sentence: str, period: tuple[dt.date, dt.date] | None
) -> None:
    # Neither wording was read: the period came out empty.
    assert _meta.find_period([sentence]) == period


def test_a_period_of_months_is_read_into_the_report() -> None:
    from govinfo_report.synth import consistent_example
    from govinfo_report.synth.text import render_text

    text = render_text(consistent_example("青禾镇人民政府", 2024), layout="rows")
    sentence = next(line for line in text.split("\n") if "统计期限" in line)
    report = govinfo_report.parse(
        text.replace(sentence, "本报告所列数据统计期限为2024年1月至12月。", 1)
    )
    assert (report.metadata.period_start, report.metadata.period_end) == (
        dt.date(2024, 1, 1),
        dt.date(2024, 12, 31),
    )


@pytest.mark.parametrize(
    ("lines", "organization"),
    [
        (["青禾镇人民政府", "2024年1月20日"], "青禾镇人民政府"),
        (["青禾县交通运输局 二〇二四年元月二十日"], "青禾县交通运输局"),
        (["青禾县人民政府办公室", "", "2024-01-20"], "青禾县人民政府办公室"),
        (["青禾街道办事处", "2024年1月20日"], "青禾街道办事处"),
        # A line above the date that names no body: a sentence, a closing word, a title.
        (["本年度未收取信息处理费。", "2024年1月20日"], None),
        (["特此报告", "2024年1月20日"], None),
        (["2023年政府信息公开工作年度报告", "2024年1月20日"], None),
        # A page's own date is no signature of a body.
        (["青禾镇人民政府", "发布日期：2024-01-20"], None),
    ],
)
def test_the_body_that_signs_the_report(lines: list[str], organization: str | None) -> None:
    assert _meta.organization_from_signature(lines) == organization


def test_a_body_named_only_in_the_signature_is_the_organization() -> None:
    # "2023年政府信息公开工作年度报告" names no body; "青禾镇人民政府" above the date at the
    # end does: organization was null, with missing.organization.
    from govinfo_report.synth import consistent_example
    from govinfo_report.synth.text import render_text

    text = render_text(consistent_example("青禾镇人民政府", 2024), layout="rows")
    title = "青禾镇人民政府2024年政府信息公开工作年度报告"
    assert title in text and "青禾镇人民政府\n2025年1月20日" in text
    report = govinfo_report.parse(text.replace(title, "2024年政府信息公开工作年度报告", 1))
    assert report.metadata.organization == "青禾镇人民政府"
    codes = {d.code for d in report.diagnostics}
    assert "meta.organization-from-signature" in codes
    assert "missing.organization" not in codes
    # A signature with no body's name leaves it missing.
    unsigned = text.replace(title, "2024年政府信息公开工作年度报告", 1).replace(
        "青禾镇人民政府\n2025年1月20日", "2025年1月20日"
    )
    report = govinfo_report.parse(unsigned)
    assert report.metadata.organization is None
    assert "missing.organization" in {d.code for d in report.diagnostics}


@pytest.mark.parametrize(
    ("title", "body"),
    [
        # The name's full-width brackets, as printed (they came back as ASCII ones).
        ("中国（上海）自由贸易试验区管理委员会2024年政府信息公开工作年度报告",
         "中国（上海）自由贸易试验区管理委员会"),
        ("云溪市人民政府外事办公室（市港澳事务办公室）2024年度政府信息公开工作年度报告",
         "云溪市人民政府外事办公室（市港澳事务办公室）"),
        # A body whose name says 信息公开 was cut there ("云溪市").
        ("云溪市政府信息公开办公室2023年政府信息公开工作年度报告", "云溪市政府信息公开办公室"),
    ],
)  # fmt: skip
def test_the_body_is_read_from_the_title_as_printed(title: str, body: str) -> None:
    assert _meta.organization_from_title(title) == body
