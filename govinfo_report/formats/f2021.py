"""The 2021 format (国办公开办函〔2021〕30号), for reports on 2021 and later.

Declarative: nothing here computes. Labels are the official ones; variants
are spellings met in real documents (shortened, re-punctuated, older wording).
"""

from __future__ import annotations

from govinfo_report.formats._spec import (
    Column,
    FormatSpec,
    Group,
    Identity,
    Row,
    SectionSpec,
    TableSpec,
)

__all__ = ["FORMAT_2021", "SECTIONS"]

SECTIONS = (
    SectionSpec(number="一", key="overview", title="总体情况"),
    SectionSpec(
        number="二",
        key="active",
        title="主动公开政府信息情况",
        variants=("行政机关主动公开政府信息情况",),
        table="active",
    ),
    SectionSpec(
        number="三",
        key="applications",
        title="收到和处理政府信息公开申请情况",
        variants=("行政机关收到和处理政府信息公开申请情况",),
        table="applications",
    ),
    SectionSpec(
        number="四",
        key="review_litigation",
        title="政府信息公开行政复议、行政诉讼情况",
        variants=(
            "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
            "因政府信息公开工作被申请行政复议或提起行政诉讼情况",
            "政府信息公开行政复议行政诉讼情况",
        ),
        table="review_litigation",
    ),
    SectionSpec(
        number="五",
        key="problems",
        title="存在的主要问题及改进情况",
        variants=("政府信息公开工作存在的主要问题及改进情况",),
    ),
    SectionSpec(number="六", key="other", title="其他需要报告的事项"),
)

_ACTIVE = TableSpec(
    key="active",
    number="二",
    title="主动公开政府信息情况",
    export="mapping",
    header_labels=("信息内容", "第二十条第（一）项", "第二十条第（五）项"),
    columns=(
        Column(key="issued", label="本年制发件数", variants=("本年新制发件数",)),
        Column(key="repealed", label="本年废止件数"),
        Column(key="in_force", label="现行有效件数"),
        Column(key="decisions", label="本年处理决定数量", variants=("处理决定数量",)),
        Column(
            key="amount",
            label="本年收费金额（单位：万元）",
            variants=("本年收费金额", "收费金额（单位：万元）"),
            unit="万元",
            type="amount",
        ),
    ),
    rows=(
        Row(
            key="regulations",
            label="规章",
            block="第二十条第（一）项",
            columns=("issued", "repealed", "in_force"),
        ),
        Row(
            key="normative_documents",
            label="行政规范性文件",
            variants=("规范性文件",),
            block="第二十条第（一）项",
            columns=("issued", "repealed", "in_force"),
        ),
        Row(key="licensing", label="行政许可", block="第二十条第（五）项", columns=("decisions",)),
        Row(key="punishment", label="行政处罚", block="第二十条第（六）项", columns=("decisions",)),
        Row(
            key="enforcement", label="行政强制", block="第二十条第（六）项", columns=("decisions",)
        ),
        Row(key="fees", label="行政事业性收费", block="第二十条第（八）项", columns=("amount",)),
    ),
)

_APPLICANTS = (
    Column(key="natural_person", label="自然人"),
    Column(key="commercial", label="商业企业", header_path=("法人或其他组织",)),
    Column(key="research", label="科研机构", header_path=("法人或其他组织",)),
    Column(key="social_org", label="社会公益组织", header_path=("法人或其他组织",)),
    Column(key="legal_service", label="法律服务机构", header_path=("法人或其他组织",)),
    Column(key="other", label="其他", header_path=("法人或其他组织",)),
)

_APPLICATIONS = TableSpec(
    key="applications",
    number="三",
    title="收到和处理政府信息公开申请情况",
    header_labels=(
        "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
        "申请人情况",
        "法人或其他组织",
    ),
    columns=(
        *_APPLICANTS,
        Column(key="total", label="总计", sum_of=tuple(c.key for c in _APPLICANTS)),
    ),
    groups=(
        Group(key="results", label="三、本年度办理结果", variants=("本年度办理结果",)),
        Group(key="denied", label="（三）不予公开", parent="results"),
        Group(key="unable", label="（四）无法提供", parent="results"),
        Group(key="not_processed", label="（五）不予处理", parent="results"),
        Group(
            key="other_processing",
            label="（六）其他处理",
            parent="results",
            single_row="other_single",
        ),
    ),
    rows=(
        Row(key="new_received", label="一、本年新收政府信息公开申请数量"),
        Row(key="carried_over", label="二、上年结转政府信息公开申请数量"),
        Row(key="granted", label="（一）予以公开", parent="results"),
        Row(
            key="partially_granted",
            label="（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            variants=("（二）部分公开",),
            parent="results",
        ),
        Row(key="denied_state_secret", label="1.属于国家秘密", parent="denied"),
        Row(key="denied_prohibited_by_law", label="2.其他法律行政法规禁止公开", parent="denied"),
        Row(
            key="denied_three_safeties",
            label="3.危及“三安全一稳定”",
            variants=("3.危及三安全一稳定",),
            parent="denied",
        ),
        Row(key="denied_third_party", label="4.保护第三方合法权益", parent="denied"),
        Row(key="denied_internal_affairs", label="5.属于三类内部事务信息", parent="denied"),
        Row(key="denied_process_info", label="6.属于四类过程性信息", parent="denied"),
        Row(key="denied_enforcement_files", label="7.属于行政执法案卷", parent="denied"),
        Row(key="denied_admin_query", label="8.属于行政查询事项", parent="denied"),
        Row(key="unable_not_held", label="1.本机关不掌握相关政府信息", parent="unable"),
        Row(key="unable_needs_creation", label="2.没有现成信息需要另行制作", parent="unable"),
        Row(key="unable_unclear", label="3.补正后申请内容仍不明确", parent="unable"),
        Row(key="not_processed_petition", label="1.信访举报投诉类申请", parent="not_processed"),
        Row(key="not_processed_repeated", label="2.重复申请", parent="not_processed"),
        Row(key="not_processed_publication", label="3.要求提供公开出版物", parent="not_processed"),
        Row(
            key="not_processed_massive",
            label="4.无正当理由大量反复申请",
            parent="not_processed",
        ),
        Row(
            key="not_processed_confirm",
            label="5.要求行政机关确认或重新出具已获取信息",
            parent="not_processed",
        ),
        Row(
            key="other_overdue_correction",
            label="1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            variants=("1.申请人无正当理由逾期不补正",),
            parent="other_processing",
            variant="split",
        ),
        Row(
            key="other_overdue_fee",
            label="2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            variants=("2.申请人逾期未按收费通知要求缴纳费用",),
            parent="other_processing",
            variant="split",
        ),
        Row(key="other_other", label="3.其他", parent="other_processing", variant="split"),
        Row(key="other_single", label="（六）其他处理", parent="results", variant="single"),
        Row(key="total_processed", label="（七）总计", parent="results", sum_of_group="results"),
        Row(key="carried_forward", label="四、结转下年度继续办理"),
    ),
    identities=(
        Identity(
            key="carry_over",
            left=("new_received", "carried_over"),
            right=("total_processed", "carried_forward"),
            note="第一项加第二项之和，等于第三项加第四项之和",
        ),
    ),
)

_OUTCOMES = (
    Column(key="maintained", label="结果维持"),
    Column(key="corrected", label="结果纠正"),
    Column(key="other", label="其他结果"),
    Column(key="pending", label="尚未审结"),
)

_REVIEW = TableSpec(
    key="review_litigation",
    number="四",
    title="政府信息公开行政复议、行政诉讼情况",
    flat=True,
    header_labels=("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"),
    columns=(
        *_OUTCOMES,
        Column(key="total", label="总计", sum_of=tuple(c.key for c in _OUTCOMES)),
    ),
    rows=(
        Row(key="review", label="行政复议"),
        Row(key="litigation_direct", label="未经复议直接起诉"),
        Row(key="litigation_after_review", label="复议后起诉"),
    ),
)

FORMAT_2021 = FormatSpec(
    version="2021",
    name="2021年版政府信息公开工作年度报告格式",
    authority="国办公开办函〔2021〕30号",
    applies_to="reports on 2021 and later years",
    first_year=2021,
    sections=SECTIONS,
    tables=(_ACTIVE, _APPLICATIONS, _REVIEW),
    signatures=("本年制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额"),
)
