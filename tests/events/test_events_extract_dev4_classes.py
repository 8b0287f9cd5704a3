"""General failure classes found on the fourth development set (docs/DEV_SET4.md F1, F3, F4, F6–F8, P), on
new sentences written for these tests (other names and topics than dev4).

Each test pins one pattern: the formal wording of expulsions, crowd control, searches, escorts, handing over
evidence and intelligence, summit nouns, support of another side's position, accusations inside reported
speech, a response announced against a named side, summons with a 就…一事 topic, a leader's mediation,
meetings, reports and 该X as agents, negated attendance, stated reasons, meetings as settings, requests that
only frame an act (应X请求), the date of a span, and two sides of one country kept apart when merging.
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from event_checks import countries_of, events_of

from jishi.document import Document

ACTORS: dict[str, tuple[str, str, str | None]] = {
    "瑞典": ("state:SWE", "state", "SWE"), "瑞典政府": ("org:SWE:gov", "organization", "SWE"),
    "伊朗": ("state:IRN", "state", "IRN"), "伊方": ("state:IRN", "state", "IRN"),
    "挪威": ("state:NOR", "state", "NOR"), "挪威外交部": ("org:NOR:mfa", "organization", "NOR"),
    "比利时": ("state:BEL", "state", "BEL"), "比方": ("state:BEL", "state", "BEL"),
    "荷兰": ("state:NLD", "state", "NLD"), "荷方": ("state:NLD", "state", "NLD"),
    "法国": ("state:FRA", "state", "FRA"), "法方": ("state:FRA", "state", "FRA"),
    "埃及": ("state:EGY", "state", "EGY"), "埃方": ("state:EGY", "state", "EGY"),
    "约旦": ("state:JOR", "state", "JOR"), "中方": ("state:CHN", "state", "CHN"),
    "东盟": ("igo:asean", "organization", "IGO"), "日本": ("state:JPN", "state", "JPN"),
    "韩国": ("state:KOR", "state", "KOR"), "日本海上保安厅": ("org:JPN:jcg", "organization", "JPN"),
    "伊朗情报机构": ("org:IRN:intel", "organization", "IRN"), "肯尼亚": ("state:KEN", "state", "KEN"),
    "穆达瓦迪": ("person:mudavadi", "person", "KEN"), "阿尔及利亚": ("state:DZA", "state", "DZA"),
    "摩洛哥": ("state:MAR", "state", "MAR"), "塞西": ("person:sisi", "person", "EGY"),
    "苏丹政府": ("org:SDN:gov", "organization", "SDN"), "快速支援部队": ("group:rsf", "group", "SDN"),
    "拉马福萨": ("person:ramaphosa", "person", "ZAF"), "布尔汉": ("person:burhan", "person", "SDN"),
    "世界卫生组织": ("igo:who", "organization", "UN"), "缅甸军方": ("org:MMR:mil", "organization", "MMR"),
    "缅甸": ("state:MMR", "state", "MMR"), "国家复兴党": ("group:MWI:nrp", "group", "MWI"),
    "马拉维": ("state:MWI", "state", "MWI"), "马拉维政府": ("org:MWI:gov", "organization", "MWI"),
    "反对派": ("group:MWI:opp", "group", "MWI"), "欧盟": ("igo:eu", "organization", "EUR"),
    "美国": ("state:USA", "state", "USA"), "以色列": ("state:ISR", "state", "ISR"),
    "马克龙": ("person:macron", "person", "FRA"), "默茨": ("person:merz", "person", "DEU"),
    "巴西": ("state:BRA", "state", "BRA"), "叛军": ("group:rebels", "group", None),
    "联合国难民署": ("igo:unhcr", "organization", "UN"),
}
PLACES: dict[str, tuple[str | None, None, None, str]] = {  # (country, no coordinates, precision)
    "马尼拉": ("PHL", None, None, "city"), "奥斯陆": ("NOR", None, None, "city"), "开罗": ("EGY", None, None, "city"),
    "喀土穆": ("SDN", None, None, "city"), "利隆圭": ("MWI", None, None, "city"), "巴黎": ("FRA", None, None, "city"),
    "加沙": ("PSE", None, None, "city"),
}


@pytest.fixture(scope="module")
def build(builder: Callable[..., Callable[..., Document]]) -> Callable[..., Document]:
    """Clean/nlp/time, this module's mentions and places, events.v1."""
    return builder(ACTORS, PLACES, doc_id="d4", published="2026-06-10")


def _show(doc: Document) -> list[tuple[str, str, list[str], list[str]]]:
    return [(e.type, e.trigger.text, e.source, e.target) for e in doc.events]


# ---------------------------------------------------------------- F1: lexicon gaps
@pytest.mark.parametrize("text", [
    "瑞典政府10日宣布将两名伊朗驻瑞典使馆外交官列为“不受欢迎的人”，限其48小时内离境。",
    "作为回应，伊朗9日驱逐了一名瑞典驻伊朗使馆武官。",
])
def test_extract_expulsion_in_its_formal_wording(build: Callable[..., Document], text: str) -> None:
    doc = build(text)
    events = [e for e in events_of(doc, "SANCTION") if e.mode == "expel"]
    assert len(events) == 1, _show(doc)
    assert {"SWE", "IRN"} == countries_of(doc, events[0].source) | countries_of(doc, events[0].target)


def test_extract_crowd_control_and_search_are_coercion(build: Callable[..., Document]) -> None:
    doc = build("马拉维首都利隆圭9日爆发抗议。马拉维政府宣布宵禁。马拉维警方随即向示威者发射催泪弹和震爆弹。")
    assert any(e.trigger.text.startswith("发射催泪弹") for e in events_of(doc, "COERCE")), _show(doc)
    doc = build("马拉维警方10日凌晨搜查了国家复兴党位于利隆圭的总部。")
    [event] = events_of(doc, "COERCE")
    assert event.trigger.text == "搜查" and "MWI" in countries_of(doc, event.target)


def test_extract_bare_security_forces_split_by_lac_are_the_state_s(build: Callable[..., Document]) -> None:
    doc = build("马拉维反对派9日在利隆圭举行抗议。马拉维政府拒绝对话。安全部队随即向人群发射催泪弹。")
    [event] = [e for e in events_of(doc, "COERCE") if "催泪弹" in e.trigger.text]
    assert countries_of(doc, event.source) == {"MWI"}, _show(doc)


def test_extract_escort_and_handing_over_evidence_and_intelligence(build: Callable[..., Document]) -> None:
    doc = build("日本派海上保安厅巡逻船为在该海域作业的日本渔船护航。")
    assert [e.trigger.text for e in events_of(doc, "MOBILIZE")] == ["护航"]
    doc = build("法方已向比利时提供了与该案有关的情报。")
    [event] = events_of(doc, "COOPERATE")
    assert event.mode == "intelligence"
    assert countries_of(doc, event.source) == {"FRA"} and countries_of(doc, event.target) == {"BEL"}


def test_extract_request_that_frames_an_act_is_neither_event_nor_agent(build: Callable[..., Document]) -> None:
    # 应比方请求: the side that asked is no role of the handing over, and its request is told elsewhere
    doc = build("荷兰司法部长9日证实，荷方已应比方请求，向比利时移交了嫌疑人的通话记录。")
    [event] = events_of(doc, "COOPERATE")
    assert countries_of(doc, event.source) == {"NLD"} and countries_of(doc, event.target) == {"BEL"}, _show(doc)
    assert not events_of(doc, "REQUEST")
    doc = build("应法国总统马克龙邀请，默茨10日访问巴黎。")
    assert not events_of(doc, "REQUEST") and events_of(doc, "CONSULT")


def test_extract_summit_noun_with_its_light_verb_after_a_span(build: Callable[..., Document]) -> None:
    doc = build("第12届东盟首脑会议9日至10日在菲律宾首都马尼拉举行。联合国秘书长出席开幕式并发表讲话。",
                published="2026-06-12")
    [event] = events_of(doc, "CONSULT")
    assert event.trigger.text == "首脑会议"
    assert (event.date, event.date_end) == ("2026-06-09", "2026-06-10")


def test_extract_sentence_after_a_span_is_dated_by_its_start(build: Callable[..., Document]) -> None:
    doc = build("第12届东盟首脑会议9日至10日在马尼拉举行。埃及总统塞西出席开幕式，呼吁各方加强合作。",
                published="2026-06-12")
    [event] = events_of(doc, "REQUEST")
    assert event.date == "2026-06-09", _show(doc)


# ---------------------------------------------------------------- F4: support and reported accusations
@pytest.mark.parametrize("text,source,target", [
    ("埃及外长10日表示，埃方支持约旦维护领土完整的立场。", "EGY", "JOR"),
    ("中方支持东盟在地区事务中发挥中心作用。", "CHN", "IGO"),
])
def test_extract_support_of_a_position_or_role(build: Callable[..., Document], text: str, source: str,
                                               target: str) -> None:
    doc = build(text)
    [event] = events_of(doc, "SUPPORT")
    assert countries_of(doc, event.source) == {source} and countries_of(doc, event.target) == {target}


def test_extract_bare_support_of_an_action_stays_out(build: Callable[..., Document]) -> None:
    assert not events_of(build("中方支持通过对话协商解决分歧。"), "SUPPORT")


@pytest.mark.parametrize("text,source,target", [
    ("挪威外交部称，调查显示伊朗情报机构涉嫌策划上月在奥斯陆发生的一起绑架案。", "NOR", "IRN"),
    ("日本海上保安厅援引渔船船长的说法称，韩国巡逻船“故意冲撞”渔船。", "JPN", "KOR"),
    ("摩洛哥代表团当天退场。阿尔及利亚外长对记者说，摩方的做法“不尊重东盟成员国的平等地位”。", "DZA", "MAR"),
])
def test_extract_wrongful_act_in_reported_speech_is_an_accusation(build: Callable[..., Document], text: str,
                                                                  source: str, target: str) -> None:
    doc = build(text)
    events = events_of(doc, "ACCUSE")
    assert events, _show(doc)
    assert countries_of(doc, events[-1].source) == {source} and target in countries_of(doc, events[-1].target)
    assert events[-1].status == "claimed"


def test_extract_suspicion_told_by_the_narrator_is_no_accusation(build: Callable[..., Document]) -> None:
    assert not events_of(build("一名男子因涉嫌策划袭击被警方逮捕。"), "ACCUSE")


# ---------------------------------------------------------------- F7: announced response
def test_extract_response_announced_against_a_side_is_a_threat(build: Callable[..., Document]) -> None:
    doc = build("伊朗外交部发言人10日晚表示，伊方将对法方的“敌对行为”作出回应。")
    [event] = events_of(doc, "THREATEN")
    assert countries_of(doc, event.source) == {"IRN"} and countries_of(doc, event.target) == {"FRA"}
    assert not events_of(build("外交部发言人对此作出回应。"), "THREATEN")


# ---------------------------------------------------------------- F6: summons and mediation
def test_extract_summons_with_a_topic_keeps_the_summoner_as_source(build: Callable[..., Document]) -> None:
    doc = build("肯尼亚外交部长穆达瓦迪当天召见了法国驻肯尼亚高级专员，就法国驻蒙巴萨名誉领事公开质疑选举结果"
                "一事提出抗议，指责法方“干涉肯尼亚内政”。")
    summons = [e for e in events_of(doc, "ACCUSE") if e.trigger.text.startswith("召见")]
    assert summons, _show(doc)
    assert countries_of(doc, summons[0].source) == {"KEN"} and countries_of(doc, summons[0].target) == {"FRA"}
    [blame] = [e for e in events_of(doc, "ACCUSE") if e.trigger.text == "指责"]
    assert countries_of(doc, blame.source) == {"KEN"} and countries_of(doc, blame.target) == {"FRA"}


def test_extract_leader_mediating_in_person_is_a_consult(build: Callable[..., Document]) -> None:
    doc = build("在埃及总统塞西的斡旋下，苏丹政府与快速支援部队10日在开罗签署停火协议。双方计划下月举行第二轮谈判。")
    [mediation] = [e for e in events_of(doc, "CONSULT") if e.mode == "mediate"]
    assert countries_of(doc, mediation.source) == {"EGY"} and countries_of(doc, mediation.target) == {"SDN"}
    assert mediation.date == "2026-06-10"
    talks = [e for e in events_of(doc, "CONSULT") if e.mode != "mediate"]
    assert talks and "EGY" not in countries_of(doc, talks[0].source + talks[0].target), _show(doc)
    assert events_of(doc, "AGREE")


# ---------------------------------------------------------------- F3: meetings, reports and 该X as agents
def test_extract_meeting_as_subject_stands_for_its_organisation(build: Callable[..., Document]) -> None:
    doc = build("第12届东盟首脑会议9日在马尼拉举行。峰会呼吁缅甸军方立即停止暴力。会议还决定继续暂停缅甸的成员资格。")
    [call] = events_of(doc, "REQUEST")
    assert countries_of(doc, call.source) == {"IGO"} and countries_of(doc, call.target) == {"MMR"}
    [suspension] = events_of(doc, "SANCTION")
    assert countries_of(doc, suspension.source) == {"IGO"}


def test_extract_report_as_subject_stands_for_its_issuer(build: Callable[..., Document]) -> None:
    doc = build("世界卫生组织10日发布报告称，疫情有所缓解。报告呼吁缅甸军方保障医疗通道。")
    [call] = events_of(doc, "REQUEST")
    assert countries_of(doc, call.source) == {"UN"}, _show(doc)


def test_extract_this_party_and_this_panel_resolve_to_their_antecedents(build: Callable[..., Document]) -> None:
    doc = build("国家复兴党发言人10日说，其领导人被警方带走。该党要求当局立即释放他。")
    [demand] = events_of(doc, "REQUEST")
    assert countries_of(doc, demand.source) == {"MWI"}, _show(doc)
    doc = build("东盟宣布由南非总统拉马福萨牵头组建一个调解小组。该小组计划于下月前往喀土穆，与布尔汉举行会谈。")
    visits = [e for e in events_of(doc, "CONSULT") if e.trigger.text in ("前往", "举行会谈")]
    assert visits and "ZAF" in countries_of(doc, visits[0].source), _show(doc)


# ---------------------------------------------------------------- P: false positives
@pytest.mark.parametrize("text", [
    "埃及总统塞西因国内事务未出席本届峰会。",
    "巴西表示不会参加此后的闭门磋商。",
])
def test_extract_negated_attendance_is_no_meeting(build: Callable[..., Document], text: str) -> None:
    assert not events_of(build(text), "CONSULT"), _show(build(text))


def test_extract_what_would_not_be_tolerated_did_not_happen(build: Callable[..., Document]) -> None:
    assert not events_of(build("苏丹政府发言人表示，不会容忍叛军借停火之机重新集结。"), "MOBILIZE")


def test_extract_stated_reason_is_no_event(build: Callable[..., Document]) -> None:
    doc = build("美国宣布对两名指挥官实施制裁，理由是他们直接参与指挥了对邻国的军事行动。")
    assert events_of(doc, "SANCTION") and not events_of(doc, "ASSAULT"), _show(doc)
    doc = build("以色列以遭到火箭弹袭击为由对加沙发动空袭。")
    [strike] = events_of(doc, "ASSAULT")
    assert strike.trigger.text == "空袭" and countries_of(doc, strike.source) == {"ISR"}, _show(doc)


def test_extract_meeting_as_setting_is_no_new_meeting(build: Callable[..., Document]) -> None:
    assert not events_of(build("2023年2月的峰会上，两国代表发生争执。"), "CONSULT")


def test_merge_keeps_opposition_and_government_refusals_apart(build: Callable[..., Document]) -> None:
    doc = build("马拉维选举委员会9日宣布结果。反对派拒绝接受这一结果。马拉维政府已拒绝了欧盟派观察员的请求。")
    rejects = events_of(doc, "REJECT")
    assert len(rejects) == 2, _show(doc)


def test_extract_support_alleged_by_an_accusation_is_no_aid(build: Callable[..., Document]) -> None:
    doc = build("联合国专家组长期指责伊朗向叛军提供武器和资金支持。")
    assert events_of(doc, "ACCUSE") and not events_of(doc, "AID"), _show(doc)
    assert events_of(build("法方10日向约旦提供了一批人道主义援助。"), "AID")


def test_extract_person_named_among_the_arrested_is_a_target(build: Callable[..., Document]) -> None:
    doc = build("马拉维警方9日逮捕了包括国家复兴党领导人在内的数十人。")
    [arrest] = events_of(doc, "COERCE")
    assert "MWI" in countries_of(doc, arrest.target), _show(doc)


def test_merge_keeps_two_bodies_speaking_on_two_days_apart(build: Callable[..., Document]) -> None:
    doc = build("联合国难民署10日发表声明，呼吁缅甸军方保持克制。"
                "世界卫生组织8日发布报告称，疫情有所缓解。报告呼吁各方保障医疗通道。", published="2026-06-11")
    calls = events_of(doc, "REQUEST")
    assert len(calls) == 2, _show(doc)
    assert {e.date for e in calls} == {"2026-06-08", "2026-06-10"}


def test_merge_keeps_the_first_of_two_demands_as_head(build: Callable[..., Document]) -> None:
    doc = build("世界卫生组织10日发布报告，呼吁冲突各方停止针对医护人员的暴力行为，并要求缅甸军方对相关事件展开调查。")
    calls = events_of(doc, "REQUEST")
    assert calls and calls[0].trigger.text == "呼吁", _show(doc)
