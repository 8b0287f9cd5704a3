"""lookup_actor: spans of text to actors, for the events, attribution and quote stages."""
from __future__ import annotations

from pathlib import Path

import pytest

from jishi.actors.kb import KnowledgeBase
from jishi.actors.lookup import lookup_actor


@pytest.fixture(scope="module")
def kb(small_persons: Path) -> KnowledgeBase:
    return KnowledgeBase.load(persons_path=small_persons)


@pytest.mark.parametrize("text,actor_id,country,sector", [
    ("俄新社", "org:ria", "RUS", "MED"),
    ("《华尔街日报》", "org:wsj", "USA", "MED"),
    ("一位美国官员", "org:USA:gov", "USA", "GOV"),
    ("不愿透露姓名的美国政府高级官员", "org:USA:gov", "USA", "GOV"),
    ("美国多家媒体", "org:USA:media", "USA", "MED"),
    ("俄方", "state:RUS", "RUS", None),
    ("俄国防部", "org:RUS:mod", "RUS", "MIL"),
    ("基辅", "org:UKR:gov", "UKR", "GOV"),
    ("北约", "igo:nato", "NATO", "IGO"),
])
def test_lookup_actor_resolves_spans(kb, text, actor_id, country, sector) -> None:
    actor = lookup_actor(text, date="2025-12-02", kb=kb)
    assert (actor.id, actor.country, actor.sector) == (actor_id, country, sector)


def test_lookup_actor_title_holder_by_date(kb) -> None:
    assert lookup_actor("美国国务卿", date="2025-12-02", kb=kb).id == "person:marco-rubio"
    before = lookup_actor("美国国务卿", date="2024-06-01", kb=kb)  # no holder in the small file then
    assert (before.id, before.title) == ("org:USA:gov", "国务卿")


def test_lookup_actor_person_office_by_date(kb) -> None:
    assert lookup_actor("鲁比奥", date="2024-06-01", kb=kb).title == "参议员"
    assert lookup_actor("鲁比奥", date="2025-12-02", kb=kb).title == "国务卿"


@pytest.mark.parametrize("text", ["", "他们", "会谈"])
def test_lookup_actor_unknown_is_none(kb, text) -> None:
    assert lookup_actor(text, kb=kb) is None
