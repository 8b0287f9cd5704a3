"""Cross-article dedup: which article events become one event, why, and independent of order."""
from __future__ import annotations

import random
from datetime import date

import pytest

from store_records import corpus, snapshot

from jishi.store import dedup, open_db

RUBIO = dedup.ActorInfo("person", "USA")
UMEROV = dedup.ActorInfo("person", "UKR")
WITKOFF = dedup.ActorInfo("person", "USA")


def ev(uid: str, article: str, **kw) -> dedup.DedupEvent:
    base = dict(uid=uid, article_id=article, type="CONSULT", lo=date(2025, 11, 30), hi=date(2025, 11, 30),
                mode="meet", source=("person:marco-rubio",), target=("person:rustem-umerov",),
                location_name="佛罗里达州", location_country="USA", lat=27.8, lon=-81.7,
                actors={"person:marco-rubio": RUBIO, "person:rustem-umerov": UMEROV,
                        "person:steve-witkoff": WITKOFF, "state:USA": dedup.ActorInfo("state", "USA"),
                        "state:UKR": dedup.ActorInfo("state", "UKR")})
    base.update(kw)
    return dedup.DedupEvent(**base)


@pytest.mark.parametrize("change, merged", [
    ({}, True),
    ({"lo": date(2025, 12, 1), "hi": date(2025, 12, 1)}, True),            # a day later
    ({"lo": date(2025, 12, 2), "hi": date(2025, 12, 2)}, False),           # two days later
    ({"lo": date(2025, 11, 25), "hi": date(2025, 11, 30)}, True),          # overlapping range
    ({"type": "AGREE"}, False),
    ({"mode": "visit"}, False),
    ({"mode": None}, True),                                                # mode unknown on one side
    ({"source": ("state:USA",)}, True),                                    # state vs its person: same country
    ({"source": ("person:steve-witkoff",)}, False),                        # another person of the same country
    ({"source": ("person:rustem-umerov",), "target": ("person:marco-rubio",)}, True),  # roles swapped, CONSULT
    ({"target": ()}, False),                                               # one shared actor is not enough
    ({"source": ("person:marco-rubio", "person:rustem-umerov"), "target": ()}, True),  # "A and B met"
    ({"lo": date(2025, 11, 1), "hi": date(2025, 11, 30)}, False),          # a month: too vague
    ({"lo": date(2025, 11, 28), "hi": date(2025, 12, 1)}, True),           # a 4-day visit
    ({"location_name": "莫斯科", "location_country": "RUS", "lat": 55.75, "lon": 37.62}, False),
    ({"location_name": "奥兰多", "lat": 28.54, "lon": -81.38}, True),       # ~90 km away
    ({"location_name": "迈阿密", "lat": 25.76, "lon": -80.19}, False),      # ~270 km away
    ({"negated": True}, False),
    ({"lo": None, "hi": None}, False),                                     # undatable
    ({"article_id": "a"}, False),                                          # same article
])
def test_dedup_compare_rules(change, merged):
    a = ev("a#1", "a")
    b = ev("b#1", "b", **change)
    link = dedup.compare(a, b)
    assert (link is not None) == merged
    assert (dedup.compare(b, a) is not None) == merged  # symmetric


def test_dedup_compare_explains_the_merge():
    link = dedup.compare(ev("a#1", "a"), ev("b#1", "b", lo=date(2025, 12, 1), hi=date(2025, 12, 1)))
    assert link is not None and (link.uid_a, link.uid_b) == ("a#1", "b#1")
    assert "type CONSULT/meet" in link.reasons
    assert "person:marco-rubio" in link.reasons and "1 day apart" in link.reasons
    assert "place 佛罗里达州" in link.reasons


def test_dedup_same_minister_meeting_two_counterparts_stays_apart():
    actors = {"person:ding-xuexiang": dedup.ActorInfo("person", "CHN"),
              "person:vladimir-putin": dedup.ActorInfo("person", "RUS"),
              "person:denis-manturov": dedup.ActorInfo("person", "RUS"), "state:RUS": dedup.ActorInfo("state", "RUS")}
    a = ev("a#1", "a", source=("person:ding-xuexiang",), target=("state:RUS", "person:vladimir-putin"), actors=actors,
           location_name=None, location_country=None, lat=None, lon=None)
    b = ev("b#1", "b", source=("person:ding-xuexiang",), target=("state:RUS", "person:denis-manturov"),
           actors=actors, location_name=None, location_country=None, lat=None, lon=None)
    assert dedup.compare(a, b) is None


def test_dedup_participants_of_one_country_are_not_enough():
    actors = {"person:xi-jinping": dedup.ActorInfo("person", "CHN"), "org:cpc": dedup.ActorInfo("organization", "CHN"),
              "state:CHN": dedup.ActorInfo("state", "CHN"), "org:cppcc": dedup.ActorInfo("organization", "CHN")}
    a = ev("a#1", "a", source=("person:xi-jinping", "state:CHN"), target=(), actors=actors)
    b = ev("b#1", "b", source=("org:cpc",), target=("org:cppcc",), actors=actors)
    assert dedup.compare(a, b) is None


def test_dedup_directed_types_need_both_roles():
    a = ev("a#1", "a", type="ASSAULT", mode=None, source=("state:USA",), target=("state:UKR",))
    b = ev("b#1", "b", type="ASSAULT", mode=None, source=("state:UKR",), target=("state:USA",))
    assert dedup.compare(a, b) is None                      # roles swapped: another attack
    c = ev("c#1", "c", type="ASSAULT", mode=None, source=("state:USA",), target=())
    assert dedup.compare(a, c) is None                      # target unknown: not enough
    d = ev("d#1", "d", type="ASSAULT", mode=None, source=("person:marco-rubio",), target=("state:UKR",))
    assert dedup.compare(a, d) is not None                  # a state and its official match by country


def test_dedup_cluster_uses_complete_linkage():
    # a~b and b~c but not a~c (three days apart): b joins one of them, never both
    a = ev("a#1", "a", lo=date(2025, 11, 29), hi=date(2025, 11, 29))
    b = ev("b#1", "b", lo=date(2025, 11, 30), hi=date(2025, 11, 30))
    c = ev("c#1", "c", lo=date(2025, 12, 1), hi=date(2025, 12, 2))
    events = {e.uid: e for e in (a, b, c)}
    links = [lk for lk in (dedup.compare(a, b), dedup.compare(b, c), dedup.compare(a, c)) if lk]
    assert len(links) == 2
    assign = dedup.cluster(events, links)
    assert len(set(assign.values())) == 2
    assert assign[a.uid] != assign[c.uid]
    assert dedup.cluster(events, list(reversed(links))) == assign


def test_dedup_cluster_id_names_the_first_report():
    a = ev("z#1", "z", published=date(2025, 11, 30))
    b = ev("b#1", "b", published=date(2025, 12, 1))
    assign = dedup.cluster({a.uid: a, b.uid: b}, [dedup.compare(a, b)])
    assert set(assign.values()) == {dedup.cluster_id_for("z#1")}


def test_dedup_store_merges_the_same_event_from_two_articles(store):
    rubio = store.events(actor="鲁比奥")
    assert len(rubio) == 1
    row = rubio.iloc[0]
    assert (row["num_articles"], row["num_mentions"], row["num_sources"]) == (2, 2, 2)
    assert list(row["attributions"]) == ["美国媒体"]
    ev_full = store.event(row["id"])
    assert {m["article_id"] for m in ev_full["members"]} == {"a1", "a2"}
    assert "person:marco-rubio" in ev_full["merge_reasons"]
    # different meetings on the same day stay apart
    assert len(store.events(type="CONSULT", since="2025-12-01", until="2025-12-01")) == 2


def test_dedup_result_does_not_depend_on_order_or_batches(store):
    expected = snapshot(store.con)
    rng = random.Random(7)
    for _ in range(3):
        recs = corpus()
        rng.shuffle(recs)
        db = open_db(":memory:", read_only=False)
        cut = rng.randrange(1, len(recs))
        db.write_records(recs[:cut])
        db.write_records(recs[cut:])
        assert snapshot(db.con) == expected
        db.close()
