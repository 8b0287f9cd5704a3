"""One event per real event per article; stable ids."""
from __future__ import annotations

from collections.abc import Callable

from jishi.document import Document
from jishi.events.merge import event_id

STORY = (
    "11月30日，美国和乌克兰代表团在迈阿密开始新一轮会谈。\n"
    "美国国务卿鲁比奥在会谈后表示，会谈富有成效。\n"
    "美乌新一轮会谈，在迈阿密市附近举行。\n"
    "23日，美乌欧代表在瑞士日内瓦举行会谈。"
)


def test_merge_tells_one_event_from_several_sentences(make_doc: Callable[..., Document]) -> None:
    doc = make_doc(STORY)
    consults = [e for e in doc.events if e.type == "CONSULT"]
    assert len(consults) == 2  # Miami (told three times) and Geneva
    miami = consults[0]
    assert len(miami.evidence) == 3 and miami.date == "2025-11-30"
    assert consults[1].date == "2025-11-23" and len(consults[1].evidence) == 1


def test_merge_keeps_two_attacks_in_one_sentence_apart(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("乌方用无人机打击俄能源设施，并在黑海袭击了两艘油轮。")
    assert [e.type for e in doc.events] == ["ASSAULT", "ASSAULT"]
    assert len({e.id for e in doc.events}) == 2


def test_merge_reference_adds_evidence_and_its_agent(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("俄罗斯联邦安全局1日说，一名男子企图暗杀俄高级官员。据俄新社报道，这起未遂暗杀事件由乌克兰国防部情报总局策划。")
    [event] = [e for e in doc.events if e.mode == "assassinate"]
    assert len(event.evidence) == 2
    assert "org:UKR:hur" in event.source


def test_merge_event_ids_are_stable_hashes() -> None:
    a = event_id("doc-1", "CONSULT", 0, 40)
    assert a == event_id("doc-1", "CONSULT", 0, 40)
    assert a != event_id("doc-2", "CONSULT", 0, 40)
    assert a.startswith("ev:") and len(a) == 19


def test_merge_keeps_apart_same_type_events_of_different_days_and_places(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("警方5日在首尔出动大批警力，并拘留了12名示威者。\n另据报道，日本警方7日在东京逮捕了两名男子。")
    arrests = [e for e in doc.events if e.type == "COERCE"]
    assert [e.date for e in arrests] == ["2025-11-05", "2025-11-07"]
    assert arrests[1].attribution == []


def test_merge_joins_a_later_mention_at_the_same_place(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("11月30日，美国和乌克兰代表团在迈阿密开始新一轮会谈。\n有分析称，局势复杂。\n"
                   "12月1日，各方继续评估局势。\n美乌代表团的会谈在迈阿密附近举行。")
    consults = [e for e in doc.events if e.type == "CONSULT"]
    assert len(consults) == 1 and len(consults[0].evidence) == 2
    assert consults[0].date == "2025-11-30"
