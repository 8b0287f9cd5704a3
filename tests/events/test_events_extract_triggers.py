"""Each trigger class gives its PLOVER type, mode and CAMEO code, on sentences in news style."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from jishi.document import Document

CASES = [
    ("国家主席习近平12日在北京会见了到访的法国总统马克龙。", "CONSULT", "host", "043"),
    ("国家主席习近平同美国总统特朗普通电话。", "CONSULT", "phone", "041"),
    ("德国总理默茨16日访问北京。", "CONSULT", "visit", "042"),
    ("中国和越南14日签署了一项海上合作协议。", "AGREE", "sign", "057"),
    ("哈马斯同意释放全部被扣押人员。", "AGREE", "retreat", "030"),
    ("日本宣布向菲律宾提供人道主义援助。", "AID", "humanitarian", "073"),
    ("以色列和哈马斯10日宣布停火。", "RETREAT", "ceasefire", "0871"),
    ("俄罗斯和乌克兰9日交换战俘。", "RETREAT", "release", "0841"),
    ("中方呼吁各方立即停火。", "REQUEST", "ceasefire", "0256"),
    ("法国外交部强烈谴责这起针对平民的暴行。", "ACCUSE", "criticize", "111"),
    ("伊朗拒绝了美国提出的谈判建议。", "REJECT", "meet", "120"),
    ("特朗普威胁对欧洲商品加征关税。", "THREATEN", "sanction", "1312"),
    ("数千名民众周末在巴黎举行示威游行。", "PROTEST", "demonstrate", "141"),
    ("法国多地工人15日举行罢工。", "PROTEST", "strike", "143"),
    ("美国宣布对伊朗实施新一轮制裁。", "SANCTION", "embargo", "163"),
    ("俄罗斯宣布驱逐两名德国外交官。", "SANCTION", "expel", "166"),
    ("朝鲜在边境地区集结大批部队。", "MOBILIZE", "troops", "154"),
    ("韩国警方13日逮捕了两名男子。", "COERCE", "arrest", "173"),
    ("该国政府宣布在首都实施宵禁。", "COERCE", "curfew", "1723"),
    ("以色列军队11日对加沙地带发动空袭。", "ASSAULT", "aerial", "195"),
    ("俄军炮击乌克兰东部城镇。", "ASSAULT", "heavy-weapons", "194"),
]


@pytest.mark.parametrize("text,ptype,mode,cameo", CASES)
def test_extract_trigger_classes(make_doc: Callable[..., Document], text: str, ptype: str, mode: str | None,
                                 cameo: str) -> None:
    doc = make_doc(text)
    events = [e for e in doc.events if e.type == ptype]
    assert events, f"no {ptype} in {text}: {[(e.type, e.trigger.text) for e in doc.events]}"
    event = events[0]
    assert event.mode == mode
    assert event.cameo == cameo
    assert event.goldstein is not None and event.quad_class in (1, 2, 3, 4)
    assert event.evidence[0].text == doc.text[event.evidence[0].start:event.evidence[0].end]


@pytest.mark.parametrize("text", [
    "警方正在加大打击犯罪的力度。",          # law enforcement campaign, not an attack
    "双方在会见室外合影留念。",              # 会见室
    "该网站访问量大幅增加。",                # web traffic
    "这一举动释放了积极信号。",              # metaphor
    "慕尼黑啤酒节举行盛大花车游行。",        # a parade, not a protest
    "警方抓获了一名恐怖袭击嫌疑人。",        # 袭击 as a reference inside a noun phrase
])
def test_extract_words_containing_triggers_are_not_events(make_doc: Callable[..., Document], text: str) -> None:
    doc = make_doc(text)
    assert [e.type for e in doc.events if e.type in ("ASSAULT", "CONSULT", "RETREAT", "PROTEST")] == []


def test_extract_triggers_inside_quotation_marks_are_not_events(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("美国参议员马克·沃纳表示：“这将意味着乌克兰彻底投降。”")
    assert doc.events == []
