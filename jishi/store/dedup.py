"""Cross-article dedup: which article events tell the same real-world event.

Two steps, both pure functions so that they can be tested without a database:

1. :func:`compare` decides whether two article events (from different articles) may be the same
   event, and says why: same PLOVER type, compatible modes, the same participants (source and
   target both match, one actor id shared in the same role, for directed types; matching participants from two
   countries for symmetric ones; actors match by id, or by country unless both are persons; no
   country whose named people differ), dates within a day or overlapping ranges of at most a
   week, compatible places, same polarity. A passing pair is a *link*.
2. :func:`cluster` groups the article events of one connected component of the link graph by
   complete linkage: two groups merge only when every cross pair is linked and no article would
   appear twice. Links are taken best first, ties broken by ids, so the result depends only on
   the set of events and links, never on ingest order; this is what makes a killed and resumed
   ingest equal a clean one.

Cluster ids are ``ev-`` plus a hash of the representative member, the one reported first (then
smallest uid), so a cluster keeps its id as later reports join it.
"""
from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

# Types where "A met B" and "B met A" tell the same event.
SYMMETRIC_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
DATE_SLACK = timedelta(days=1)
MAX_RANGE_DAYS = 7  # longer ranges ("this year", "12月") are too vague to say two reports meet
MAX_PLACE_KM = 150.0


@dataclass(frozen=True)
class ActorInfo:
    """What dedup needs to know about an actor id in one article."""

    kind: str | None = None
    country: str | None = None


@dataclass
class DedupEvent:
    """One article event as dedup sees it."""

    uid: str
    article_id: str
    type: str
    lo: date | None
    hi: date | None
    mode: str | None = None
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()
    negated: bool = False
    location_name: str | None = None
    location_country: str | None = None
    lat: float | None = None
    lon: float | None = None
    published: date | None = None
    actors: Mapping[str, ActorInfo] = field(default_factory=dict)


@dataclass(frozen=True)
class Link:
    uid_a: str
    uid_b: str
    score: float
    reasons: str


def _matches(a_ids: Iterable[str], b_ids: Iterable[str], a: DedupEvent, b: DedupEvent) -> tuple[set[str], set[str], list[str]]:
    """Which actors of two lists match: (matched of a, matched of b, notes).

    Ids match exactly. Actors of one country match unless both are persons (two different
    people of one country are different participants; a state and its president are not).
    """
    got_a, got_b, notes = set(), set(), []
    for x in a_ids:
        ax = a.actors.get(x, ActorInfo())
        for y in b_ids:
            by = b.actors.get(y, ActorInfo())
            if x == y:
                got_a.add(x), got_b.add(y), notes.append(x)
            elif ax.country and ax.country == by.country and not (ax.kind == "person" and by.kind == "person"):
                got_a.add(x), got_b.add(y), notes.append(f"{x}~{y} ({ax.country})")
    return got_a, got_b, sorted(set(notes))


def _person_conflict(a_ids: Iterable[str], b_ids: Iterable[str], a: DedupEvent, b: DedupEvent) -> str | None:
    """A country for which both events name people and no person is shared (a different meeting)."""
    def people(ids: Iterable[str], ev: DedupEvent) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for i in ids:
            info = ev.actors.get(i, ActorInfo())
            if info.kind == "person" and info.country:
                out.setdefault(info.country, set()).add(i)
        return out

    pa_, pb = people(a_ids, a), people(b_ids, b)
    for country in sorted(set(pa_) & set(pb)):
        if not pa_[country] & pb[country]:
            return country
    return None


def _countries(ids: Iterable[str], ev: DedupEvent) -> set[str]:
    return {ev.actors.get(i, ActorInfo()).country or i for i in ids}


def _actors_compatible(a: DedupEvent, b: DedupEvent) -> tuple[bool, list[str]]:
    """Do the two events have the same participants?

    Directed types: the source lists must match and the target lists must match (so both
    events name both roles), with at least one actor id shared. Symmetric types (CONSULT,
    COOPERATE, AGREE), where "A met B", "B met A" and "A and B met" are one event: the matching
    participants of each event cover at least two countries. Either way, when both events name
    people of one country and none of them is shared, they are different meetings (the same
    minister meeting two counterparts). A single shared actor is never enough: a leader appears
    in many events a day.
    """
    pa_, pb = set(a.source) | set(a.target), set(b.source) | set(b.target)
    if _person_conflict(pa_, pb, a, b):
        return False, []
    if a.type in SYMMETRIC_TYPES:
        got_a, got_b, notes = _matches(sorted(pa_), sorted(pb), a, b)
        ok = len(_countries(got_a, a)) >= 2 and len(_countries(got_b, b)) >= 2
        return ok, [f"participants: {', '.join(notes)}"]
    notes = []
    shared_id = False
    for role, xa, xb in (("source", a.source, b.source), ("target", a.target, b.target)):
        got_a, _, what = _matches(xa, xb, a, b)
        if not got_a:
            return False, []
        shared_id = shared_id or bool(set(xa) & set(xb))
        notes.append(f"{role}: {', '.join(what)}")
    return shared_id, notes


def _distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _places_compatible(a: DedupEvent, b: DedupEvent) -> tuple[bool, str | None]:
    if not (a.location_name or a.location_country) or not (b.location_name or b.location_country):
        return True, None
    if a.location_country and b.location_country and a.location_country != b.location_country:
        return False, None
    if a.location_name and a.location_name == b.location_name:
        return True, f"place {a.location_name}"
    if None not in (a.lat, a.lon, b.lat, b.lon):
        km = _distance_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if km > MAX_PLACE_KM:
            return False, None
        return True, f"places {a.location_name}/{b.location_name} {km:.0f} km apart"
    if a.location_name and b.location_name and (a.location_name in b.location_name or b.location_name in a.location_name):
        return True, f"places {a.location_name}/{b.location_name} nested"
    return True, f"places {a.location_name or a.location_country}/{b.location_name or b.location_country} same country"


def _date_gap(a: DedupEvent, b: DedupEvent) -> int | None:
    """Days between the two ranges (0 when they overlap); None when a date is missing."""
    if a.lo is None or b.lo is None:
        return None
    for ev in (a, b):
        if ev.hi is not None and (ev.hi - ev.lo).days > MAX_RANGE_DAYS:
            return None
    a_hi, b_hi = a.hi or a.lo, b.hi or b.lo
    if a.lo <= b_hi and b.lo <= a_hi:
        return 0
    return min(abs((a.lo - b_hi).days), abs((b.lo - a_hi).days))


def compare(a: DedupEvent, b: DedupEvent) -> Link | None:
    """Decide whether two article events may tell the same real-world event.

    Args:
        a: one article event.
        b: another, from a different article.

    Returns:
        A :class:`Link` (uids ordered, a score for ordering, the reasons as text), or None.
    """
    if a.article_id == b.article_id or a.type != b.type or a.negated != b.negated:
        return None
    if a.mode and b.mode and a.mode != b.mode:
        return None
    gap = _date_gap(a, b)
    if gap is None or gap > DATE_SLACK.days:
        return None
    ok, actor_notes = _actors_compatible(a, b)
    if not ok:
        return None
    place_ok, place_note = _places_compatible(a, b)
    if not place_ok:
        return None
    shared_ids = (set(a.source) | set(a.target)) & (set(b.source) | set(b.target))
    score = 1.0 + len(shared_ids) + (0.5 if a.mode and a.mode == b.mode else 0.0) + (0.5 if gap == 0 else 0.0)
    score += 0.5 if place_note and place_note.startswith("place ") else 0.0
    reasons = [f"type {a.type}" + (f"/{a.mode}" if a.mode and a.mode == b.mode else "")]
    reasons += actor_notes
    reasons.append("dates overlap" if gap == 0 else f"dates {gap} day apart")
    if place_note:
        reasons.append(place_note)
    x, y = sorted((a.uid, b.uid))
    return Link(x, y, round(score, 3), "; ".join(reasons))


def _rep_key(ev: DedupEvent) -> tuple:
    return (ev.published or date.max, ev.lo or date.max, ev.uid)


def cluster_id_for(uid: str) -> str:
    """The cluster id named after its representative member's uid (stable, not salted)."""
    return "ev-" + hashlib.sha256(uid.encode("utf-8")).hexdigest()[:16]


def cluster(events: Mapping[str, DedupEvent], links: Iterable[Link]) -> dict[str, str]:
    """Group article events by complete linkage over their links.

    Args:
        events: uid -> event, all the events of one (or several) connected components.
        links: the links among them (others are ignored).

    Returns:
        uid -> cluster id for every event given.
    """
    linked: set[tuple[str, str]] = set()
    usable = [lk for lk in links if lk.uid_a in events and lk.uid_b in events]
    for lk in usable:
        linked.add((lk.uid_a, lk.uid_b))
    group_of: dict[str, int] = {}
    members: dict[int, list[str]] = {}
    for i, uid in enumerate(sorted(events)):
        group_of[uid] = i
        members[i] = [uid]
    for lk in sorted(usable, key=lambda x: (-x.score, x.uid_a, x.uid_b)):
        ga, gb = group_of[lk.uid_a], group_of[lk.uid_b]
        if ga == gb:
            continue
        ma, mb = members[ga], members[gb]
        if {events[u].article_id for u in ma} & {events[u].article_id for u in mb}:
            continue
        if not all(tuple(sorted((u, v))) in linked for u in ma for v in mb):
            continue
        keep, gone = min(ga, gb), max(ga, gb)
        members[keep] = ma + mb if keep == ga else mb + ma
        for u in members[gone]:
            group_of[u] = keep
        del members[gone]
    out: dict[str, str] = {}
    for uids in members.values():
        rep = min((events[u] for u in uids), key=_rep_key)
        cid = cluster_id_for(rep.uid)
        for u in uids:
            out[u] = cid
    return out
