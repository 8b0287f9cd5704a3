"""Patterns that rules fitted to one article missed (docs/DEV_SET.md, events 1–11), on new sentences.

Each test pins one general pattern: coordinated and long-modified participants, phone calls, missile
launches, relative clauses and claims of responsibility, clause-level events, background PPs, the
newer triggers, negation and conditions, over-merging, roles, and one-sentence duplicates.
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from event_checks import countries_of

from jishi.document import Document

# this module's actor table (what an actor stage would give for these sentences)
MORE_ACTORS: dict[str, tuple[str, str, str | None]] = {
    "美国": ("state:USA", "state", "USA"), "俄罗斯": ("state:RUS", "state", "RUS"),
    "乌克兰": ("state:UKR", "state", "UKR"), "中国": ("state:CHN", "state", "CHN"),
    "以色列": ("state:ISR", "state", "ISR"), "伊朗": ("state:IRN", "state", "IRN"),
    "日本": ("state:JPN", "state", "JPN"), "朝鲜": ("state:PRK", "state", "PRK"),
    "越南": ("state:VNM", "state", "VNM"), "叙利亚": ("state:SYR", "state", "SYR"),
    "普京": ("person:vladimir-putin", "person", "RUS"), "习近平": ("person:xi-jinping", "person", "CHN"),
    "克里姆林宫": ("org:RUS:kremlin", "organization", "RUS"), "英国": ("state:GBR", "state", "GBR"),
    "伊朗外交部": ("org:IRN:mfa", "organization", "IRN"), "新华社": ("org:CHN:xinhua", "organization", "CHN"),
    "巴基斯坦外交部": ("org:PAK:mfa", "organization", "PAK"), "泰国警方": ("org:THA:police", "organization", "THA"),
    "泰国总理": ("person:thai-pm", "person", "THA"), "老挝": ("state:LAO", "state", "LAO"), "德国": ("state:DEU", "state", "DEU"), "警方": ("org:police", "organization", None),
    "巴西": ("state:BRA", "state", "BRA"), "卢拉": ("person:lula", "person", "BRA"),
    "阿根廷": ("state:ARG", "state", "ARG"), "米莱": ("person:javier-milei", "person", "ARG"),
    "苏林": ("person:to-lam", "person", "VNM"), "土耳其": ("state:TUR", "state", "TUR"),
    "库尔德斯坦工人党": ("group:pkk", "group", "TUR"), "库工党": ("group:pkk", "group", "TUR"),
    "真主党": ("group:hezbollah", "group", "LBN"), "黎巴嫩": ("state:LBN", "state", "LBN"),
    "印度": ("state:IND", "state", "IND"), "巴基斯坦": ("state:PAK", "state", "PAK"),
    "芬兰": ("state:FIN", "state", "FIN"), "白俄罗斯": ("state:BLR", "state", "BLR"),
    "亚美尼亚": ("state:ARM", "state", "ARM"), "阿塞拜疆": ("state:AZE", "state", "AZE"),
    "泰国": ("state:THA", "state", "THA"), "马来西亚": ("state:MYS", "state", "MYS"),
    "安瓦尔": ("person:anwar-ibrahim", "person", "MYS"), "斯洛伐克": ("state:SVK", "state", "SVK"),
    "欧盟": ("igo:eu", "organization", "EUR"), "金正恩": ("person:kim-jong-un", "person", "PRK"),
    "美国财政部": ("org:USA:treasury", "organization", "USA"), "俄外交部": ("org:RUS:mfa", "organization", "RUS"),
    "帕夫洛夫": ("person:pavlov", "person", None), "亚美尼亚海警": ("org:ARM:coast-guard", "organization", "ARM"),
}
MORE_PLACES: dict[str, tuple[str | None, float, float]] = {
    "北京": ("CHN", 39.9, 116.4), "加沙": ("PSE", 31.5, 34.47), "布鲁塞尔": ("BEL", 50.85, 4.35),
    "海法": ("ISR", 32.79, 34.99), "黎巴嫩南部": ("LBN", 33.27, 35.2), "克什米尔": ("IND", 34.08, 74.8),
    "埃里温": ("ARM", 40.18, 44.51), "伊德利卜": ("SYR", 35.93, 36.63),
}


@pytest.fixture(scope="module")
def build(builder: Callable[..., Callable[..., Document]]) -> Callable[..., Document]:
    """Clean/nlp/time, hand-made mentions (the shared table plus this module's), events.v1."""
    return builder(MORE_ACTORS, MORE_PLACES, doc_id="p", published="2026-03-11")


def _types(doc: Document) -> list[str]:
    return [e.type for e in doc.events]


# 1. coordinated and long-modified participants ------------------------------------------------

def test_patterns_name_with_bracketed_short_form_keeps_both_sides(build: Callable[..., Document]) -> None:
    doc = build("土耳其和库尔德斯坦工人党（库工党）代表团当天在埃里温恢复间接谈判。")
    [talks] = [e for e in doc.events if e.type == "CONSULT"]
    assert {"state:TUR", "group:pkk"} <= set(talks.source + talks.target)


def test_patterns_partner_with_relative_clause_keeps_the_subject(build: Callable[..., Document]) -> None:
    doc = build("普京在克里姆林宫同来俄进行国事访问的越南国家主席苏林举行会谈。")
    [talks] = [e for e in doc.events if e.type == "CONSULT" and e.mode is None]
    assert "person:vladimir-putin" in talks.source + talks.target
    assert "person:to-lam" in talks.source + talks.target
    assert "state:RUS" not in talks.target  # 来俄 inside the relative clause is no participant


def test_patterns_both_heads_of_state_are_the_parties_of_the_talks(build: Callable[..., Document]) -> None:
    doc = build("4月10日下午，习近平在北京同越南国家主席苏林举行会谈。"
                "会谈后，两国元首共同见证签署经贸、农业、教育、文化、卫生、旅游等领域12份双边合作文件。")
    [signing] = [e for e in doc.events if e.type == "AGREE"]
    assert countries_of(doc, signing.source + signing.target) == {"CHN", "VNM"}
    assert len([e for e in doc.events if e.type == "CONSULT"]) == 1


# 2. phone calls ------------------------------------------------------------------------------------

def test_patterns_phone_call_with_mistagged_partner(build: Callable[..., Document]) -> None:
    doc = build("巴西总统卢拉10日同阿根廷总统米莱通电话，双方同意加强协调。")
    assert _types(doc) == ["CONSULT"]  # 双方同意加强协调 is what the call said, not a deal
    call = doc.events[0]
    assert call.mode == "phone" and call.cameo == "041"
    assert call.source == ["person:lula"] and "person:javier-milei" in call.target


def test_patterns_phone_conversation_noun(build: Callable[..., Document]) -> None:
    doc = build("泰国总理10日与马来西亚总理安瓦尔进行电话交谈。")
    [call] = doc.events
    assert call.type == "CONSULT" and call.mode == "phone"
    assert "person:anwar-ibrahim" in call.target


def test_patterns_call_followed_by_concrete_agreement_keeps_it(build: Callable[..., Document]) -> None:
    doc = build("巴西总统卢拉10日同阿根廷总统米莱通电话，双方同意立即停火。")
    assert "AGREE" in _types(doc)


# 3. missile launches ---------------------------------------------------------------------------------

def test_patterns_launch_towards_a_sea_is_a_show_of_force(build: Callable[..., Document]) -> None:
    doc = build("据日本防卫省消息，朝鲜5日上午向日本海方向发射两枚短程弹道导弹。")
    [launch] = doc.events
    assert (launch.type, launch.mode, launch.cameo) == ("MOBILIZE", "weapons", "150")
    assert launch.source == ["state:PRK"] and launch.target == []  # 日本海 is a sea, not Japan
    assert launch.status == "claimed"


def test_patterns_leader_supervising_a_test_launch(build: Callable[..., Document]) -> None:
    doc = build("金正恩4日现场指导了新型巡航导弹的试射。")
    [test] = doc.events
    assert test.type == "MOBILIZE" and test.source == ["person:kim-jong-un"] and test.date == "2026-03-04"


# 4. relative clauses and claims of responsibility ---------------------------------------------------

def test_patterns_rockets_in_a_relative_clause_and_the_claim(build: Callable[..., Document]) -> None:
    doc = build("黎巴嫩真主党9日从黎巴嫩南部向以色列北部城市海法发射的三枚火箭弹中，两枚被拦截。"
                "真主党宣布对此次袭击负责。")
    [attack] = doc.events
    assert (attack.type, attack.mode) == ("ASSAULT", "heavy-weapons")
    assert "group:hezbollah" in attack.source and "state:ISR" in attack.target
    assert len(attack.evidence) == 2


def test_patterns_rockets_fired_from_a_place_without_subject(build: Callable[..., Document]) -> None:
    doc = build("以色列国防军还说，9日从黎巴嫩南部向以色列北部城市海法发射的三枚火箭弹中，两枚被拦截。")
    [attack] = doc.events
    assert attack.type == "ASSAULT" and countries_of(doc, attack.source) == {"LBN"}


# 5–6. clauses with their own subject and date; background PPs ---------------------------------------

def test_patterns_clause_after_but_and_mediation_background(build: Callable[..., Document]) -> None:
    doc = build("去年5月，印度和巴基斯坦在美国斡旋下达成停火协议，但印度6月2日恢复对克什米尔的军事行动。")
    assert sorted(_types(doc)) == ["AGREE", "ASSAULT"]  # no CONSULT from 在美国斡旋下
    agree = next(e for e in doc.events if e.type == "AGREE")
    attack = next(e for e in doc.events if e.type == "ASSAULT")
    assert countries_of(doc, agree.source + agree.target) == {"IND", "PAK"}
    assert attack.date == "2025-06-02" and attack.source == ["state:IND"]


# 7. new triggers -------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, ptype, cameo", [
    ("芬兰外交部3日宣布，对多名白俄罗斯官员实施入境禁令。", "SANCTION", "163"),
    ("美国国务院3日宣布暂停与亚美尼亚的战略伙伴关系。", "SANCTION", "161"),
    ("反对党领导人帕夫洛夫在冲突中被警方带走。", "COERCE", "173"),
    ("斯洛伐克在最后时刻放弃了对援助方案的反对。", "CONCEDE", "080"),
    ("美国财政部将三家伊朗企业列入制裁名单。", "SANCTION", "163"),
    ("土耳其外交部召见了瑞典驻土大使，就焚烧古兰经事件提出强烈抗议。", "ACCUSE", "114"),
])
def test_patterns_new_triggers(build: Callable[..., Document], text: str, ptype: str, cameo: str) -> None:
    doc = build(text)
    assert [(e.type, e.cameo) for e in doc.events] == [(ptype, cameo)]


def test_patterns_sanction_list_target_is_the_listed(build: Callable[..., Document]) -> None:
    doc = build("美国财政部将三家伊朗企业列入制裁名单。")
    [listing] = doc.events
    assert listing.source == ["org:USA:treasury"] and countries_of(doc, listing.target) == {"IRN"}


def test_patterns_water_cannon_is_repression(build: Callable[..., Document]) -> None:
    doc = build("声明说，部分示威者向警察投掷石块，警方使用了水炮和催泪瓦斯。")
    assert ("COERCE", "repress") in [(e.type, e.mode) for e in doc.events]


def test_patterns_reciprocal_measures_are_a_threat_made_now(build: Callable[..., Document]) -> None:
    doc = build("俄罗斯外交部发言人回应称，欧盟的新制裁毫无意义，俄方将采取对等回应措施。")
    [threat] = [e for e in doc.events if e.type == "THREATEN"]
    assert threat.status != "planned" and "state:RUS" in threat.source
    assert "igo:eu" in threat.target  # the other side named earlier in the sentence


def test_patterns_quoted_unacceptable_is_a_rejection_by_the_speaker(build: Callable[..., Document]) -> None:
    doc = build("声明说，土耳其在库工党解除全部武装之前不会停止行动，并称库工党提出的修改方案“不可接受”。")
    [reject] = doc.events  # and no RETREAT from 解除武装 inside 在……之前不会
    assert reject.type == "REJECT" and reject.source == ["state:TUR"] and reject.target == ["group:pkk"]


def test_patterns_driving_away_a_boat_targets_the_intruder(build: Callable[..., Document]) -> None:
    doc = build("阿塞拜疆渔船5日擅自闯入亚美尼亚领海，亚美尼亚海警依法采取管控措施，将其驱离。")
    [expel] = doc.events
    assert expel.type == "COERCE" and expel.source == ["org:ARM:coast-guard"] and expel.target == ["state:AZE"]


# 8. negation, conditions, intentions --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "以色列在对方交还全部战俘之前不会停止军事行动。",
    "他说，前提是叛军必须撤出其占领的城镇。",
    "美国国务院发表声明说，此次试射虽未对美国人员、领土及盟友构成直接威胁。",
    "建交30多年来，两国关系经受住国际风云变幻考验。",
    "双方要继续相互支持，共同打击“三股势力”。",
    "美方对日本的防卫承诺“坚如磐石”。",
    "越南渔船不顾中国多次警告，执意闯入相关海域。",
    "一支前往加沙的联合国车队返回基地。",
])
def test_patterns_no_event_told(build: Callable[..., Document], text: str) -> None:
    assert build(text).events == []


def test_patterns_dropping_talks_from_the_agenda(build: Callable[..., Document]) -> None:
    doc = build("上月28日，亚美尼亚总理宣布，亚美尼亚在2030年底之前不再把开启入盟谈判列入议程。")
    [halt] = doc.events  # no CONSULT from the negated talks; the deadline is not the date
    assert (halt.type, halt.mode) == ("SANCTION", "halt-negotiations") and halt.date == "2026-02-28"


# 9. over-merging ----------------------------------------------------------------------------------------------

def test_patterns_background_reference_does_not_join(build: Callable[..., Document]) -> None:
    doc = build("欧盟24日批准对俄罗斯的新一轮制裁。她还说，欧盟正在研究动用被冻结的俄罗斯资产为乌克兰提供贷款。",
                published="2026-02-26")
    [sanction] = [e for e in doc.events if e.type == "SANCTION"]
    assert len(sanction.evidence) == 1


def test_patterns_numbered_packages_are_two_events(build: Callable[..., Document]) -> None:
    doc = build("欧盟24日批准第20轮对俄罗斯制裁。去年10月，欧盟通过第19轮制裁，宣布将禁止进口俄罗斯液化天然气。",
                published="2026-02-26")
    first, second = [e for e in doc.events if e.type == "SANCTION"]
    assert first.date == "2026-02-24" and second.date == "2025-10-01"
    assert second.target == ["state:RUS"]


def test_patterns_sanction_place_does_not_split_one_package(build: Callable[..., Document]) -> None:
    doc = build("欧盟24日在布鲁塞尔批准第20轮对俄罗斯制裁。此轮制裁还对俄罗斯境内的20家银行实施交易禁令。",
                published="2026-02-26")
    assert len([e for e in doc.events if e.type == "SANCTION"]) == 1


def test_patterns_count_of_attacks_is_not_a_new_attack(build: Callable[..., Document]) -> None:
    doc = build("叙利亚6日对伊德利卜发动空袭。这是本月以来伊德利卜遭受的第四次空袭。")
    assert _types(doc) == ["ASSAULT"]


# 10. roles ---------------------------------------------------------------------------------------------------------

def test_patterns_urging_after_speech_is_the_speakers(build: Callable[..., Document]) -> None:
    doc = build("日本政府发言人表示，朝鲜的行为破坏地区稳定，敦促朝鲜停止挑衅。")
    [request] = doc.events
    assert request.type == "REQUEST" and countries_of(doc, request.source) == {"JPN"}
    assert request.target == ["state:PRK"]


def test_patterns_topic_phrase_names_the_closing_side(build: Callable[..., Document]) -> None:
    doc = build("俄外交部召见了芬兰驻俄大使，就芬方上周关闭俄罗斯驻图尔库领事馆一事提出强烈抗议。")
    protest = [e for e in doc.events if e.type == "ACCUSE"]
    closing = [e for e in doc.events if e.type == "SANCTION"]
    assert len(protest) == 1 and protest[0].source == ["org:RUS:mfa"]
    assert len(closing) == 1 and countries_of(doc, closing[0].source) == {"FIN"}


def test_patterns_bare_police_is_the_country_of_the_story(build: Callable[..., Document]) -> None:
    doc = build("亚美尼亚首都埃里温2日爆发抗议。亚美尼亚内政部说，警方在行动中拘留了30人。"
                "亚美尼亚总统表示，反对派拒绝承认选举结果。", drop=("警方",))
    arrest = next(e for e in doc.events if e.type == "COERCE")
    reject = next(e for e in doc.events if e.type == "REJECT")
    assert countries_of(doc, arrest.source) == {"ARM"} and countries_of(doc, reject.source) == {"ARM"}


# 11. duplicates -------------------------------------------------------------------------------------------------------

def test_patterns_one_protest_told_twice_in_a_sentence(build: Callable[..., Document]) -> None:
    doc = build("数千名示威者聚集在议会大楼前举行抗议活动，抗议政府暂停入盟谈判的决定。")
    assert _types(doc).count("PROTEST") == 1


def test_patterns_order_to_leave_is_part_of_the_expulsion(build: Callable[..., Document]) -> None:
    doc = build("芬兰外交部5日宣布驱逐俄罗斯驻赫尔辛基使馆一名外交官，并要求俄罗斯外交官在48小时内离境。")
    assert _types(doc) == ["SANCTION"]


def test_patterns_summoning_an_envoy_not_the_host_country(build: Callable[..., Document]) -> None:
    doc = build("伊朗外交部3日召见英国驻伊朗大使，就此提出交涉。")
    [protest] = doc.events
    assert protest.type == "ACCUSE" and "state:IRN" not in protest.target


def test_patterns_summoning_at_home_is_no_protest(build: Callable[..., Document]) -> None:
    assert build("国王3日召见总理，听取政府工作汇报。").events == []


@pytest.mark.parametrize("text", [
    "中方支持伊美通过对话协商解决分歧，反对单边制裁。",
    "以色列总理表示，必要时将再次采取军事行动。",
])
def test_patterns_stances_conditions_and_offices_tell_no_event(build: Callable[..., Document], text: str) -> None:
    assert build(text).events == []


def test_patterns_office_named_after_operations_is_no_attack(build: Callable[..., Document]) -> None:
    assert _types(build("两国军事行动局局长3日下午通过热线进行了通话。")) == ["CONSULT"]


def test_patterns_time_reference_to_talks_is_not_talks(build: Callable[..., Document]) -> None:
    doc = build("就在会谈举行前一天，美国财政部9日宣布对多家伊朗企业实施制裁。")
    assert _types(doc) == ["SANCTION"]


def test_patterns_second_demand_after_an_appeal_is_its_content(build: Callable[..., Document]) -> None:
    doc = build("美国和德国驻泰国使馆发表联合声明，呼吁泰国当局尊重集会权利，并对失踪事件展开调查。")
    assert _types(doc) == ["REQUEST"]


def test_patterns_demand_and_protest_are_two_acts(build: Callable[..., Document]) -> None:
    doc = build("数以千计的示威者聚集在市中心，要求泰国总理下台，并抗议多名活动人士在羁押期间死亡。")
    assert sorted(_types(doc)) == ["PROTEST", "REQUEST"]


def test_patterns_dispersal_told_by_means_and_aim_is_one(build: Callable[..., Document]) -> None:
    doc = build("泰国警方使用催泪瓦斯和水炮驱散人群。")
    assert _types(doc) == ["COERCE"]


def test_patterns_dateline_outlet_is_no_actor(build: Callable[..., Document]) -> None:
    doc = build("新华社曼谷7月7日电泰国首都曼谷7日爆发大规模抗议示威。")
    [protest] = doc.events
    assert "org:CHN:xinhua" not in protest.source


def test_patterns_topic_phrase_ends_at_the_main_verb(build: Callable[..., Document]) -> None:
    doc = build("巴基斯坦外交部3日召见印度驻巴基斯坦高级专员公署临时代办，就印军越界行为提出强烈抗议。")
    [protest] = doc.events
    assert countries_of(doc, protest.source) == {"PAK"} and countries_of(doc, protest.target) == {"IND"}


def test_patterns_passive_with_a_non_actor_agent(build: Callable[..., Document]) -> None:
    doc = build("据法新社报道，泰国总理在总理府被军人逮捕。")
    [arrest] = doc.events
    assert arrest.type == "COERCE" and arrest.source == [] and countries_of(doc, arrest.target) == {"THA"}


def test_patterns_possible_continuation_is_hypothetical(build: Callable[..., Document]) -> None:
    doc = build("据彭博社报道，越南和老挝工作层可能于本月下旬在河内继续磋商。")
    [talks] = doc.events
    assert talks.status == "hypothetical"


def test_patterns_topics_of_talks_are_no_measures(build: Callable[..., Document]) -> None:
    doc = build("双方围绕落实两国元首通话共识，就关税、出口管制等问题进行了深入的沟通。")
    assert doc.events == []


def test_patterns_dropped_subject_that_is_no_actor(build: Callable[..., Document]) -> None:
    doc = build("泰国警方发言人8日说，数百名持枪分子闯入居民区，向民众开枪。")
    [attack] = doc.events
    assert attack.type == "ASSAULT" and attack.source == []


def test_patterns_locative_is_no_subject(build: Callable[..., Document]) -> None:
    doc = build("泰国警方9日发表声明说，行动中击毙8名帮派成员，逮捕了21名嫌犯。")
    arrest = next(e for e in doc.events if e.type == "COERCE")
    assert countries_of(doc, arrest.source) == {"THA"}
