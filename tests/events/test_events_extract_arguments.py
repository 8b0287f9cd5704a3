"""Source and target: subjects, 与/对/向 phrases, passives, compounds, country prefixes, dropped subjects."""
from __future__ import annotations

from collections.abc import Callable

from event_checks import countries_of

from jishi.document import Document, Event


def _one(doc: Document, ptype: str) -> Event:
    events = [e for e in doc.events if e.type == ptype]
    assert len(events) == 1, [(e.type, e.trigger.text if e.trigger else None) for e in doc.events]
    return events[0]


def test_extract_arguments_partner_phrase_is_a_participant(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("泽连斯基将赴巴黎与法国总统马克龙会晤。")
    event = _one(doc, "CONSULT")
    assert countries_of(doc, event.source) == {"UKR"}
    assert countries_of(doc, event.target) == {"FRA"}


def test_extract_arguments_compound_actor_expands_to_states(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("23日，美乌欧代表在瑞士日内瓦举行会谈。")
    event = _one(doc, "CONSULT")
    assert countries_of(doc, event.source + event.target) == {"USA", "UKR", "EUR"}
    assert event.date == "2025-11-23"
    assert event.location and event.location["name"] == "日内瓦"


def test_extract_arguments_country_prefix_on_a_noun_is_the_target(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("乌方持续用远程无人机打击俄能源和国防基础设施。")
    event = _one(doc, "ASSAULT")
    assert countries_of(doc, event.source) == {"UKR"}
    assert countries_of(doc, event.target) == {"RUS"}


def test_extract_arguments_target_after_dui(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("俄方近期持续对乌多座城市发动导弹和无人机袭击。")
    event = _one(doc, "ASSAULT")
    assert countries_of(doc, event.source) == {"RUS"}
    assert countries_of(doc, event.target) == {"UKR"}
    assert event.status == "ongoing"


def test_extract_arguments_passive_bei_makes_the_agent_the_source(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("一名嫌疑人在克里米亚被俄安全部队打死。")
    event = _one(doc, "ASSAULT")
    assert countries_of(doc, event.source) == {"RUS"}


def test_extract_arguments_implicit_agent_keeps_the_event(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("俄罗斯联邦安全局1日说，其同伙被捕。")
    event = _one(doc, "COERCE")
    assert event.source == [] and event.mode == "arrest"


def test_extract_arguments_dropped_subject_comes_from_the_previous_clause(
        make_doc: Callable[..., Document]) -> None:
    doc = make_doc("但俄方尚无让步迹象，近期持续对乌克兰城市发动袭击。")
    event = _one(doc, "ASSAULT")
    assert countries_of(doc, event.source) == {"RUS"}
    assert [e.type for e in doc.events] == ["ASSAULT"]  # 尚无让步 is negated, not a CONCEDE


def test_extract_arguments_relative_clause_agent_is_the_head_noun(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("俄方在克里米亚打死一名企图暗杀俄高级官员的嫌疑人。")
    kinds = {e.mode: e for e in doc.events if e.type == "ASSAULT"}
    assert countries_of(doc, kinds["kill"].source) == {"RUS"}
    assassination = kinds["assassinate"]
    assert assassination.source == []
    assert countries_of(doc, assassination.target) == {"RUS"}
    assert assassination.status == "attempted" and assassination.cameo == "185"


def test_extract_arguments_embedded_subject_after_a_verb(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("朝鲜外务省发表声明，强烈谴责美韩举行联合军演。")
    drill = _one(doc, "COOPERATE")
    assert countries_of(doc, drill.source) == {"USA", "KOR"}
    accuse = _one(doc, "ACCUSE")
    assert countries_of(doc, accuse.source) == {"PRK"}


def test_extract_arguments_visit_needs_a_foreign_destination(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("美国特使威特科夫于12月1日前往俄罗斯首都莫斯科。")
    event = _one(doc, "CONSULT")
    assert event.mode == "visit" and countries_of(doc, event.target) == {"RUS"}
    assert make_doc("记者随后前往现场了解情况。").events == []


def test_extract_arguments_nominal_attack_named_by_a_condemnation(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("伊朗外交部发言人谴责以色列对伊朗领事馆的袭击。")
    attack = _one(doc, "ASSAULT")
    assert countries_of(doc, attack.source) == {"ISR"}
    assert countries_of(doc, attack.target) == {"IRN"}
    assert countries_of(doc, _one(doc, "ACCUSE").source) == {"IRN"}


def test_extract_arguments_missile_launch_at_a_state_is_an_attack(make_doc: Callable[..., Document]) -> None:
    test = make_doc("朝鲜12日向朝鲜半岛东部海域发射了一枚弹道导弹。")
    assert _one(test, "MOBILIZE").mode == "weapons"
    strike = make_doc("俄军今天向乌克兰发射了数十枚导弹。")
    event = _one(strike, "ASSAULT")
    assert event.mode == "missile" and countries_of(strike, event.target) == {"UKR"}


def test_extract_arguments_request_target_is_the_addressee(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("泽连斯基呼吁欧洲向乌克兰提供更多防空系统。")
    event = _one(doc, "REQUEST")
    assert countries_of(doc, event.source) == {"UKR"}
    assert countries_of(doc, event.target) == {"EUR"}
