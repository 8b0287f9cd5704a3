"""Second-round event patterns (docs/DEV_SET2.md 20-41, docs/REAL_TEXT_REVIEW.md 1, 2, 4, 6, 8, 12), on new
sentences written for these tests: measures under 下令/宣布/决定, meeting nouns, letters with demands,
welcome/dismissal/refusal, announced retaliation, conditional threats, blame predicates, coups, passive
roles, places as targets, references, negation, result clauses and restatements.
"""
from __future__ import annotations

from collections.abc import Callable

import pytest
from event_checks import events_of

from jishi.document import Document

ACTORS: dict[str, tuple[str, str, str | None]] = {
    "秘鲁": ("state:PER", "state", "PER"), "厄瓜多尔": ("state:ECU", "state", "ECU"),
    "博鲁阿尔特": ("person:boluarte", "person", "PER"), "阿根廷政府": ("org:ARG:gov", "organization", "ARG"),
    "委内瑞拉": ("state:VEN", "state", "VEN"), "非洲联盟": ("igo:au", "organization", "IGO"),
    "马里": ("state:MLI", "state", "MLI"), "哥伦比亚": ("state:COL", "state", "COL"),
    "佩特罗": ("person:petro", "person", "COL"), "诺沃亚": ("person:noboa", "person", "ECU"),
    "东盟": ("igo:asean", "organization", "IGO"), "马来西亚": ("state:MYS", "state", "MYS"),
    "安理会": ("igo:unsc", "organization", "UN"), "法国": ("state:FRA", "state", "FRA"),
    "伊朗": ("state:IRN", "state", "IRN"), "菲律宾政府": ("org:PHL:gov", "organization", "PHL"),
    "韩国外交部": ("org:KOR:mfa", "organization", "KOR"), "巴西最高法院": ("org:BRA:court", "organization", "BRA"),
    "日本政府": ("org:JPN:gov", "organization", "JPN"), "俄罗斯": ("state:RUS", "state", "RUS"),
    "伊朗外交部": ("org:IRN:mfa", "organization", "IRN"), "以色列": ("state:ISR", "state", "ISR"),
    "朝鲜": ("state:PRK", "state", "PRK"), "欧盟": ("igo:eu", "organization", "EUR"),
    "中国外交部": ("org:CHN:mfa", "organization", "CHN"), "美方": ("state:USA", "state", "USA"),
    "美国": ("state:USA", "state", "USA"), "乌克兰": ("state:UKR", "state", "UKR"),
    "俄方": ("state:RUS", "state", "RUS"), "马里军方": ("org:MLI:military", "organization", "MLI"),
    "叙利亚": ("state:SYR", "state", "SYR"), "伊拉克": ("state:IRQ", "state", "IRQ"),
    "警方": ("org:police", "organization", None), "伊姆兰·汗": ("person:imran-khan", "person", "PAK"),
    "以军": ("org:ISR:idf", "organization", "ISR"), "中方": ("state:CHN", "state", "CHN"),
    "胡塞武装": ("group:houthis", "group", "YEM"), "土耳其": ("state:TUR", "state", "TUR"),
    "希腊": ("state:GRC", "state", "GRC"), "挪威": ("state:NOR", "state", "NOR"),
    "尼日尔军人": ("group:NER:soldiers", "group", "NER"),
}
PLACES: dict[str, tuple[str | None, float, float]] = {
    "吉隆坡": ("MYS", 3.14, 101.69), "贝鲁特": ("LBN", 33.89, 35.5), "基辅": ("UKR", 50.45, 30.52),
    "加沙": ("PSE", 31.5, 34.47), "伊拉克": ("IRQ", 33.3, 44.4),
}


@pytest.fixture(scope="module")
def build(builder: Callable[..., Callable[..., Document]]) -> Callable[..., Document]:
    """Clean/nlp/time, this module's hand-made mentions, events.v1."""
    return builder(ACTORS, PLACES, doc_id="r2", published="2026-05-10")


def _countries(doc: Document, ids: list[str]) -> set[str]:
    by_id = {a.id: a for a in doc.actors}
    return {by_id[i].country for i in ids if i in by_id and by_id[i].country} | \
        {i.split(":")[1] for i in ids if i.startswith("state:") and i not in by_id}


# measures under a governing verb ------------------------------------------------------------------

def test_round2_ordered_border_closure_and_trade_suspension_are_two_events(build: Callable[..., Document]) -> None:
    doc = build("秘鲁总统博鲁阿尔特9日下令关闭与厄瓜多尔接壤的全部陆路口岸，并宣布暂停两国边境贸易。")
    [close] = events_of(doc, "COERCE")
    [trade] = events_of(doc, "SANCTION")
    assert close.cameo == "172" and trade.cameo == "163"
    assert _countries(doc, close.source) == {"PER"} and _countries(doc, trade.source) == {"PER"}
    assert close.date == "2026-05-09"


def test_round2_decided_visa_suspension_is_sanction(build: Callable[..., Document]) -> None:
    doc = build("阿根廷政府决定暂停向委内瑞拉公民发放签证。")
    [ev] = events_of(doc, "SANCTION")
    assert _countries(doc, ev.source) == {"ARG"}


def test_round2_membership_suspension_targets_the_member(build: Callable[..., Document]) -> None:
    doc = build("非洲联盟宣布暂停马里的成员资格。")
    [ev] = events_of(doc, "SANCTION")
    assert ev.source == ["igo:au"] and _countries(doc, ev.target) == {"MLI"}


def test_round2_reinforced_patrols_are_mobilize(build: Callable[..., Document]) -> None:
    doc = build("哥伦比亚总统佩特罗下令加强与委内瑞拉边境巡逻。")
    [ev] = events_of(doc, "MOBILIZE")
    assert _countries(doc, ev.source) == {"COL"}


def test_round2_emergency_and_curfew(build: Callable[..., Document]) -> None:
    doc = build("厄瓜多尔总统诺沃亚宣布全国进入紧急状态，并在多个省份实施宵禁。")
    assert sorted(e.cameo for e in events_of(doc, "COERCE")) == ["1723", "1724"]


# meetings -----------------------------------------------------------------------------------------

def test_round2_summit_noun_held_at_a_place_is_consult(build: Callable[..., Document]) -> None:
    doc = build("东盟峰会10日在马来西亚吉隆坡举行。")
    [ev] = events_of(doc, "CONSULT")
    assert "igo:asean" in ev.source + ev.target


def test_round2_emergency_meeting_is_consult(build: Callable[..., Document]) -> None:
    doc = build("安理会9日召开紧急会议，讨论苏丹局势。")
    [ev] = events_of(doc, "CONSULT")
    assert ev.source == ["igo:unsc"] and ev.date == "2026-05-09"


def test_round2_talks_in_a_temporal_clause_are_an_event(build: Callable[..., Document]) -> None:
    doc = build("法国外长在与伊朗外长会谈时表示，法方愿意推动对话。")
    [ev] = events_of(doc, "CONSULT")
    assert {"FRA", "IRN"} <= _countries(doc, ev.source + ev.target)


# letters, welcome, dismissal, refusal ------------------------------------------------------------

def test_round2_letter_with_a_demand_is_request_by_the_writer(build: Callable[..., Document]) -> None:
    doc = build("菲律宾政府致函东盟秘书长，要求召开特别会议。")
    [ev] = events_of(doc, "REQUEST")
    assert _countries(doc, ev.source) == {"PHL"} and ev.target == ["igo:asean"]


def test_round2_welcome_is_support(build: Callable[..., Document]) -> None:
    doc = build("伊朗外交部对此表示欢迎。")
    [ev] = events_of(doc, "SUPPORT")
    assert _countries(doc, ev.source) == {"IRN"}


def test_round2_court_dismissal_is_reject(build: Callable[..., Document]) -> None:
    doc = build("巴西最高法院驳回了前总统的上诉。")
    [ev] = events_of(doc, "REJECT")
    assert _countries(doc, ev.source) == {"BRA"}


def test_round2_will_not_accept_is_reject_by_the_speaker(build: Callable[..., Document]) -> None:
    doc = build("日本政府表示不会接受俄罗斯提出的条件。")
    [ev] = events_of(doc, "REJECT")
    assert _countries(doc, ev.source) == {"JPN"}


# threats ----------------------------------------------------------------------------------------

def test_round2_announced_firm_response_is_threaten(build: Callable[..., Document]) -> None:
    doc = build("伊朗外交部发言人表示，伊朗将对以色列的行为作出坚决回应。")
    [ev] = events_of(doc, "THREATEN")
    assert _countries(doc, ev.source) == {"IRN"} and _countries(doc, ev.target) == {"ISR"}
    assert ev.status == "claimed"


def test_round2_counterstrike_promise_is_threaten(build: Callable[..., Document]) -> None:
    doc = build("朝鲜国防相说，朝鲜必将予以强硬反击。")
    [ev] = events_of(doc, "THREATEN")
    assert ev.cameo == "138" and _countries(doc, ev.source) == {"PRK"}


def test_round2_conditional_sanction_is_threaten_by_the_consequent_subject(build: Callable[..., Document]) -> None:
    doc = build("土耳其外长说，如果希腊继续在争议海域勘探，土耳其将对希腊企业实施制裁。")
    assert not events_of(doc, "SANCTION")
    [ev] = events_of(doc, "THREATEN")
    assert _countries(doc, ev.source) == {"TUR"} and _countries(doc, ev.target) == {"GRC"}


def test_round2_conditional_retaliation_is_threaten(build: Callable[..., Document]) -> None:
    doc = build("俄外交部发言人说，如果欧盟没收俄罗斯资产，俄方将采取报复措施。")
    [ev] = events_of(doc, "THREATEN")
    assert _countries(doc, ev.source) == {"RUS"} and _countries(doc, ev.target) == {"EUR"}


# blame predicates -------------------------------------------------------------------------------

def test_round2_escalation_blame_is_accuse_by_the_speaker(build: Callable[..., Document]) -> None:
    doc = build("中国外交部发言人指出，美方的行为使局势升级。")
    [ev] = events_of(doc, "ACCUSE")
    assert _countries(doc, ev.source) == {"CHN"} and _countries(doc, ev.target) == {"USA"}


def test_round2_unkept_promise_is_accuse_not_agree(build: Callable[..., Document]) -> None:
    doc = build("俄方称乌克兰并未履行承诺。")
    assert not events_of(doc, "AGREE")
    [ev] = events_of(doc, "ACCUSE")
    assert _countries(doc, ev.source) == {"RUS"} and _countries(doc, ev.target) == {"UKR"}


def test_round2_violation_inside_an_accusation_is_not_coded_twice(build: Callable[..., Document]) -> None:
    doc = build("伊朗指责美国违反了核协议。")
    [ev] = events_of(doc, "ACCUSE")
    assert _countries(doc, ev.source) == {"IRN"} and _countries(doc, ev.target) == {"USA"}


def test_round2_outlet_evaluation_without_speaker_is_no_event(build: Callable[..., Document]) -> None:
    doc = build("美方的部署使局势升级。")
    assert not events_of(doc, "ACCUSE")


# coups ------------------------------------------------------------------------------------------

def test_round2_army_taking_control_of_the_country_is_coerce(build: Callable[..., Document]) -> None:
    doc = build("马里军方宣布“全面控制国家”。")
    [ev] = events_of(doc, "COERCE")
    assert ev.mode == "seize" and _countries(doc, ev.source) == {"MLI"}


def test_round2_coup_and_seizure_in_one_sentence_are_one_event(build: Callable[..., Document]) -> None:
    doc = build("尼日尔军人发动政变，接管政权。")
    assert len(events_of(doc, "COERCE")) == 1


# passive roles and places -----------------------------------------------------------------------

def test_round2_passive_agent_is_source(build: Callable[..., Document]) -> None:
    doc = build("叙利亚一处军事基地遭以色列战机袭击。")
    [ev] = events_of(doc, "ASSAULT")
    assert _countries(doc, ev.source) == {"ISR"} and _countries(doc, ev.target) == {"SYR"}


def test_round2_arrest_by_police_never_makes_the_victim_source(build: Callable[..., Document]) -> None:
    doc = build("伊姆兰·汗被警方逮捕。")
    [ev] = events_of(doc, "COERCE")
    assert "person:imran-khan" not in ev.source and "person:imran-khan" in ev.target


def test_round2_agentless_passive_has_empty_source(build: Callable[..., Document]) -> None:
    doc = build("伊拉克境内一处美军基地遭到袭击。")
    [ev] = events_of(doc, "ASSAULT")
    assert ev.source == []


def test_round2_place_country_is_not_the_attacker(build: Callable[..., Document]) -> None:
    doc = build("伊拉克境内发生恐怖袭击，造成多人伤亡。")
    for ev in events_of(doc, "ASSAULT"):
        assert "state:IRQ" not in ev.source


def test_round2_strike_on_a_city_district_targets_its_country(build: Callable[..., Document]) -> None:
    doc = build("以军对贝鲁特南郊发动空袭。")
    [ev] = events_of(doc, "ASSAULT")
    assert _countries(doc, ev.target) == {"LBN"}


# references, negation, results ------------------------------------------------------------------

def test_round2_condemned_attack_is_not_the_condemners_attack(build: Callable[..., Document]) -> None:
    doc = build("乌克兰谴责俄罗斯对基辅发动导弹袭击。")
    assert "state:UKR" not in {i for e in events_of(doc, "ASSAULT") for i in e.source}
    assert all(_countries(doc, e.source) == {"RUS"} for e in events_of(doc, "ASSAULT"))


def test_round2_urged_stop_is_not_a_new_operation(build: Callable[..., Document]) -> None:
    doc = build("中方呼吁以色列停止对加沙的军事行动。")
    assert [e.type for e in doc.events] == ["REQUEST"]


def test_round2_not_yet_agreed_is_no_agreement(build: Callable[..., Document]) -> None:
    doc = build("挪威和伊朗尚未就会谈地点达成一致。")
    assert not events_of(doc, "AGREE")


def test_round2_uncertain_talks_are_no_event(build: Callable[..., Document]) -> None:
    doc = build("美方不确定是否会与伊朗举行会谈。")
    assert not doc.events


def test_round2_missile_launch_at_a_target_is_assault(build: Callable[..., Document]) -> None:
    doc = build("胡塞武装向以色列发射了多枚导弹。")
    [ev] = events_of(doc, "ASSAULT")
    assert _countries(doc, ev.source) == {"YEM"} and _countries(doc, ev.target) == {"ISR"}


def test_round2_endangering_peace_is_not_a_threat(build: Callable[..., Document]) -> None:
    doc = build("这些行为威胁到地区和平与稳定。")
    assert not doc.events


def test_round2_result_clause_adds_no_event(build: Callable[..., Document]) -> None:
    doc = build("以军空袭造成多座房屋被炸毁。")
    assert len(doc.events) == 1


def test_round2_restatement_is_no_new_meeting(build: Callable[..., Document]) -> None:
    doc = build("这是两国元首今年以来首次会晤。")
    assert not doc.events


def test_round2_incident_named_after_dui_is_a_reference_with_its_own_agent(build: Callable[..., Document]) -> None:
    doc = build("挪威代表表示，挪威对以军袭击加沙援助车队事件表示强烈谴责。")
    assert all("state:NOR" not in e.source for e in events_of(doc, "ASSAULT"))
    [acc] = events_of(doc, "ACCUSE")
    assert _countries(doc, acc.source) == {"NOR"}


def test_round2_condemned_listing_keeps_its_agent_and_object(build: Callable[..., Document]) -> None:
    doc = build("委内瑞拉外长谴责美国将委内瑞拉列入制裁名单。")
    [sanction] = events_of(doc, "SANCTION")
    assert _countries(doc, sanction.source) == {"USA"} and _countries(doc, sanction.target) == {"VEN"}


def test_round2_aircraft_emergency_is_no_state_of_emergency(build: Callable[..., Document]) -> None:
    doc = build("一架客机起飞后出现故障，飞机进入紧急状态并返航。")
    assert not events_of(doc, "COERCE")


def test_round2_conditional_tariff_rise_is_threaten(build: Callable[..., Document]) -> None:
    doc = build("他说，如果挪威对土耳其产品实施报复，土耳其将把对挪关税提高到更高水平。")
    assert not events_of(doc, "SANCTION")
    [ev] = events_of(doc, "THREATEN")
    assert _countries(doc, ev.source) == {"TUR"} and _countries(doc, ev.target) == {"NOR"}


def test_round2_additional_funds_are_aid(build: Callable[..., Document]) -> None:
    doc = build("声明说，欧盟已向马里追加提供300万欧元资金。")
    [ev] = events_of(doc, "AID")
    assert ev.source == ["igo:eu"]


def test_round2_joint_operation_is_coerce(build: Callable[..., Document]) -> None:
    doc = build("哥伦比亚警方与军队9日起在边境地区展开联合行动。", )
    [ev] = events_of(doc, "COERCE")
    assert ev.date == "2026-05-09"


def test_round2_mediation_mission_is_consult(build: Callable[..., Document]) -> None:
    doc = build("东盟已派出一个调解团，将于下周前往马里。")
    assert any(e.mode == "mediate" and "igo:asean" in e.source for e in events_of(doc, "CONSULT"))


def test_round2_threat_against_a_district_targets_its_country(build: Callable[..., Document]) -> None:
    doc = build("以色列国防部长警告说，如果袭击继续，以色列将对贝鲁特南郊发动打击。")
    [ev] = events_of(doc, "THREATEN")
    assert _countries(doc, ev.target) == {"LBN"}


def test_round2_arrival_after_fleeing_is_no_visit(build: Callable[..., Document]) -> None:
    doc = build("马里前总统已乘坐一架飞机离开马里，抵达法国首都巴黎。")
    assert not events_of(doc, "CONSULT")


def test_round2_accused_in_a_relative_clause_is_background(build: Callable[..., Document]) -> None:
    doc = build("被捕者中有一名被指控为走私团伙提供武器的前警官。")
    assert not events_of(doc, "ACCUSE")


def test_round2_curfew_with_shixing(build: Callable[..., Document]) -> None:
    doc = build("马里军方宣布在首都实行宵禁。")
    [ev] = events_of(doc, "COERCE")
    assert ev.cameo == "1723"


def test_round2_topic_of_an_emergency_meeting_is_no_participant(build: Callable[..., Document]) -> None:
    doc = build("安理会20日就马里局势举行紧急会议。")
    [ev] = events_of(doc, "CONSULT")
    assert "state:MLI" not in ev.source and "igo:unsc" in ev.source


def test_round2_meeting_clause_without_partner_stays_a_reference(build: Callable[..., Document]) -> None:
    doc = build("法国外长在同大家会见时表示，对话很重要。")
    assert not events_of(doc, "CONSULT")


def test_round2_rockets_fired_from_a_country_towards_another(build: Callable[..., Document]) -> None:
    doc = build("当天晚上约有30枚火箭弹从叙利亚境内射向以色列北部地区。")
    [ev] = events_of(doc, "ASSAULT")
    assert _countries(doc, ev.source) == {"SYR"} and _countries(doc, ev.target) == {"ISR"}


def test_round2_threat_inside_a_direct_quote_with_trailing_speaker(build: Callable[..., Document]) -> None:
    doc = build("“伊朗将采取必要措施，坚决维护自身安全，”伊朗外交部发言人说。")
    [ev] = events_of(doc, "THREATEN")
    assert _countries(doc, ev.source) == {"IRN"}


def test_round2_attack_word_inside_a_quote_stays_out(build: Callable[..., Document]) -> None:
    doc = build("“以色列正在对加沙发动袭击，”伊朗外交部发言人说。")
    assert not events_of(doc, "ASSAULT")


def test_round2_same_clause_attack_told_by_two_actors_of_one_country_is_one_event(
        build: Callable[..., Document]) -> None:
    doc = build("以军和以色列空军当天对加沙发动袭击和轰炸。")
    assert len(events_of(doc, "ASSAULT")) == 1


def test_round2_two_measures_in_one_clause_stay_apart(build: Callable[..., Document]) -> None:
    doc = build("马里军方宣布关闭边境并实行宵禁。")
    assert sorted(e.cameo for e in events_of(doc, "COERCE")) == ["172", "1723"]


def test_round2_future_forced_disarmament_is_the_speakers_threat(build: Callable[..., Document]) -> None:
    doc = build("以色列国防部长表示，胡塞武装将被解除武装。")
    assert not events_of(doc, "RETREAT")
    [ev] = events_of(doc, "THREATEN")
    assert _countries(doc, ev.source) == {"ISR"} and _countries(doc, ev.target) == {"YEM"}


def test_round2_captured_settlements_are_occupation(build: Callable[..., Document]) -> None:
    doc = build("俄方称，俄军本周控制了乌克兰东部的3个居民点。")
    [ev] = events_of(doc, "ASSAULT")
    assert ev.mode == "occupy"


def test_round2_coup_targets_the_militarys_own_state(build: Callable[..., Document]) -> None:
    doc = build("马里军方26日发动政变。")
    [ev] = events_of(doc, "COERCE")
    assert _countries(doc, ev.target) == {"MLI"}


def test_round2_spokesman_reporting_an_attack_is_not_its_agent(build: Callable[..., Document]) -> None:
    doc = build("博鲁阿尔特8日说，武装分子闯入居民区向民众开枪。")
    assert all("person:boluarte" not in e.source for e in events_of(doc, "ASSAULT"))


def test_round2_crater_clause_adds_no_second_bombing(build: Callable[..., Document]) -> None:
    doc = build("以军空袭加沙一处营地，地面被炸出一个大坑。")
    assert len(events_of(doc, "ASSAULT")) == 1
