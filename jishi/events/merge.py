"""One event per real event per article: candidates telling the same event are merged.

Two candidates are the same event when they have the same PLOVER type, compatible modes, actors
that overlap or are missing (participants for CONSULT, source and target apart for the others),
dates that agree when both are stated in their own sentence, and locations in the same country.
Within one sentence only CONSULT triggers (前往莫斯科……与普京会面) or references merge: two ASSAULT
triggers in one sentence are two attacks. A reference (会谈结果, 这起暗杀事件) only ever joins an event.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from jishi.document import Event, Evidence, Document
from jishi.events.actorview import ActorView
from jishi.events.extract import DATE_RANK, Candidate
from jishi.events.ontology import Ontology


_PLACE_RANK = {"point": 4, "city": 3, "region": 2, "sea": 2, "country": 0}
ORPHAN_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE"})
_NONSTATE_SECTORS = frozenset({"OPP", "REB", "INS", "UAF"})
# types whose source is the speaker (reliable enough to keep two sides of one country apart)
_SPOKEN_TYPES = frozenset({"REJECT", "ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "AGREE"})
# types whose second trigger in one sentence restates the same act (爆发抗议活动……，抗议政府的决定)
SAME_SENTENCE_TYPES = frozenset({"PROTEST", "ACCUSE", "REQUEST", "THREATEN", "REJECT", "AGREE", "SUPPORT", "SANCTION",
                                 "ASSAULT", "COERCE"})
MATERIAL_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "CONSULT", "AID", "RETREAT", "COOPERATE"})
_PRECISION_RANK = {"day": 3, "week": 2, "month": 1.5, "interval": 1, "year": 0.5}


@dataclass
class Group:
    """Candidates merged into one event; the first is its head."""

    head: Candidate
    members: list[Candidate] = field(default_factory=list)

    @property
    def sentences(self) -> set[int]:
        """Sentences that tell the event (references joined from other sentences do not count)."""
        return {c.sent for c in self.members if not c.reference} or {self.head.sent}

    @property
    def status(self) -> str:
        """The most specific status told: "claimed"/"occurred" give way to a cue such as planned."""
        told = [c for c in self.members if not c.reference] or self.members
        return next((c.status for c in told if c.status not in ("claimed", "occurred")), told[0].status)


def _overlap_ok(a: set[str], b: set[str]) -> tuple[bool, int]:
    """Actor sets (countries) fit when one is empty or one holds the other (USA ⊆ USA+UKR; not
    USA+RUS vs USA+UKR, which are two different pairs of participants)."""
    if not a or not b:
        return True, 0
    if a <= b or b <= a:
        return True, len(a & b)
    return False, 0


def _score(group: Group, cand: Candidate, view: ActorView) -> float | None:
    """How well a candidate fits a group (None: not the same event)."""
    head = group.head
    if head.type != cand.type:
        return None
    if head.ordinal and cand.ordinal and head.ordinal != cand.ordinal:
        return None  # 第20轮制裁 and 第19轮制裁 are two packages
    same_sentence = cand.sent in group.sentences and not cand.reference
    if same_sentence and not cand.sym and (head.mode is None or cand.mode is None or head.mode == cand.mode):
        # one sentence telling one event twice (爆发抗议活动……，抗议政府的决定; 殴打示威者，记者遭到袭击)
        if _one_sentence_duplicate(group, cand, view):
            return 0.5
        return None
    if _named_person_apart(group, cand, view):
        return None
    if not cand.reference and cand.type in _SPOKEN_TYPES and cand.sent not in group.sentences \
            and (_sides_apart(group, cand, view) or _other_body_other_day(group, cand, view)):
        return None
    if not cand.reference and cand.type == "SANCTION" and cand.sent not in group.sentences \
            and _two_bodies(group, cand, view):
        return None
    if head.mode != cand.mode:
        # different modes are different events; an unspecified mode joins a specified one only for
        # CONSULT told as "visit + meet" (前往莫斯科……与普京会面), and never for a bare reference
        if cand.reference and cand.mode is None and head.mode is not None:
            pass  # 此次袭击 refers to an attack of any kind (the rocket fire told before)
        elif cand.reference or head.type != "CONSULT" or (head.mode and cand.mode):
            return None
        elif cand.sent not in group.sentences and not (
                head.date == cand.date and min(head.date_rank, cand.date_rank) >= DATE_RANK["sentence"]):
            return None
    if cand.sent in group.sentences and not (cand.reference or cand.sym):
        return None
    if not cand.reference and cand.sent not in group.sentences and _tense(group.status) != _tense(cand.status):
        return None
    score = 0.0
    strong = DATE_RANK["sentence"]
    if cand.reference and cand.date_rank >= strong and head.date and head.date != cand.date:
        return None  # a reference dated in its own sentence to another day tells another event
    weak_mismatch = False
    if head.date and cand.date:
        overlap = head.date == cand.date or bool(head.date_end and head.date <= cand.date <= head.date_end) \
            or bool(cand.date_end and cand.date <= head.date <= cand.date_end)
        if head.date_rank >= strong and cand.date_rank >= strong:
            if not overlap:
                return None
            score += 1
        elif head.date == cand.date:
            score += 0.5
        elif not overlap:
            weak_mismatch = True  # an inherited day differs from a stated one: needs more in common
    src_h, src_c = view.countries(_all_src(group)), view.countries(cand.source)
    tgt_h, tgt_c = view.countries(_all_tgt(group)), view.countries(cand.target)
    if cand.sym:
        ok, n = _overlap_ok(src_h | tgt_h, src_c | tgt_c)
        if not ok:
            return None
        score += n
    else:
        ok1, n1 = _overlap_ok(src_h, src_c)
        ok2, n2 = _overlap_ok(tgt_h, tgt_c)
        if not (ok1 and ok2):
            return None
        if (src_c & tgt_h and not src_c & src_h) or (tgt_c & src_h and not tgt_c & tgt_h):
            return None  # 胡塞武装击落美军无人机 / 美军击落无人机: the sides are the other way round
        score += n1 + n2
    loc_h = next((c.location for c in group.members if c.location), None)
    names_h = {c.location.get("name") for c in group.members if c.location}
    same_place = bool(cand.location and cand.location.get("name") in names_h)
    if loc_h and cand.location and head.type in MATERIAL_TYPES:
        # (a sanction on banks 在俄罗斯境内 is decided in Brussels: places of verbal acts may differ)
        if loc_h.get("country") and cand.location.get("country") and loc_h["country"] != cand.location["country"]:
            return None
        if same_place:
            score += 1
    if weak_mismatch:
        if not (same_place or (score >= 1 and not (loc_h and cand.location))):
            return None
    if cand.reference:
        # a reference needs something in common besides the type: a mode, actors, day or place
        return score if (score > 0 or (head.mode is not None and head.mode == cand.mode)) else None
    if score == 0 and not (set(cand.source) & set(_all_src(group))):
        # nothing in common but the type: only merge a bare mention (no actors, no own date)
        if cand.source or cand.target or cand.date_rank >= strong:
            return None
    return score


def _side(view: ActorView, actor_id: str) -> str:
    """'opposition' for armed, rebel or opposition groups, 'government' for the rest."""
    actor = view.by_id.get(actor_id)
    if actor is not None and (actor.kind == "group" or actor.sector in _NONSTATE_SECTORS):
        return "opposition"
    return "government"


def _sides_apart(group: Group, cand: Candidate, view: ActorView) -> bool:
    """Whether the sources are two sides of one country (反对派拒绝接受结果 / 当局拒绝了欧盟的请求): the
    countries agree but an opposition and a government are never one agent."""
    a, b = set(_all_src(group)), set(cand.source)
    if not a or not b or a & b:
        return False
    return not ({_side(view, i) for i in a} & {_side(view, i) for i in b})


def _other_body_other_day(group: Group, cand: Candidate, view: ActorView) -> bool:
    """Whether two bodies speak on two days (特派团13日呼吁…… / 人权高专办10日发布报告，报告呼吁……): two
    organisations of one country code (UN, IGO) with no actor in common are two statements."""
    if not (group.head.date and cand.date) or group.head.date == cand.date:
        return False
    a, b = set(_all_src(group)), set(cand.source)
    if not a or not b or a & b:
        return False
    return all(view.by_id.get(i) is not None and view.by_id[i].kind == "organization" for i in a | b)


def _two_bodies(group: Group, cand: Candidate, view: ActorView) -> bool:
    """Whether two measures told in two sentences come from two bodies (关税税则委员会宣布加征关税。商务部同时
    宣布，将……列入不可靠实体清单): two organisations with no actor in common take two measures, even of one
    state and on one day; a later mention of the same measure is a reference or names the same body."""
    a, b = set(_all_src(group)), set(cand.source)
    if not a or not b or a & b:
        return False
    return all(view.by_id.get(i) is not None and view.by_id[i].kind == "organization" for i in a | b)


def _attack_host(groups: list[Group], cand: Candidate, view: ActorView) -> Group | None:
    """The attack a destruction of property is joined to by 并/和/、 right after it in one clause (开枪并纵火,
    炮击村庄并焚烧房屋): arson or destruction in the course of an attack is that attack, not a coercion."""
    if cand.type != "COERCE" or cand.mode != "destroy" or cand.reference or not groups:
        return None
    last = groups[-1]
    prev = max(last.members, key=lambda c: c.end)
    if last.head.type != "ASSAULT" or prev.sent != cand.sent or prev.end > cand.start:
        return None
    between = view.doc.text[prev.end:cand.start]
    if len(between) > 6 or between.strip("并和、且又再") or not between:
        return None
    if cand.source and _all_src(last) and not set(cand.source) & set(_all_src(last)):
        return None
    return last


def _one_sentence_duplicate(group: Group, cand: Candidate, view: ActorView) -> bool:
    """Two triggers of one type in one sentence tell one event unless their actors differ."""
    if cand.type == "COERCE" and cand.mode in ("repress", "restrict") and cand.mode == group.head.mode \
            and set(cand.source) == set(group.head.source):
        pass  # 警方使用催泪瓦斯和水炮驱散人群: one dispersal, told by its means and its aim
    elif cand.type in ("ASSAULT", "COERCE") and ("patient" not in cand.entry.flags or cand.source):
        return False  # 用无人机打击能源设施，并在黑海袭击了两艘油轮: two attacks (two arrests)
    if cand.type not in SAME_SENTENCE_TYPES or cand.mode == "convict":
        return False  # 高管全部辞职，证券事务代表也已辞职: two people, two events
    if _tense(group.status) != _tense(cand.status):
        return False  # 已就此道歉，将发布声明致歉: one done, one to come
    head = group.head
    if min(head.date_rank, cand.date_rank) >= DATE_RANK["clause"] and head.date != cand.date:
        return False  # 5日……，6日……: two days, two events
    for mine, theirs in ((cand.source, _all_src(group)), (cand.target, _all_tgt(group))):
        a, b = view.countries(mine), view.countries(theirs)
        if a and b and not (a <= b or b <= a):
            return False
        if mine and theirs and not a and not b and not set(mine) & set(theirs):
            return False
    return True


def _named_person_apart(group: Group, cand: Candidate, view: ActorView) -> bool:
    """An arrest or attack of a named person is its own event, apart from a mass arrest or another
    person's (警方拘留了112人 / 反对派领导人被警方带走)."""
    if cand.type not in ("COERCE", "ASSAULT") or cand.reference:
        return False
    mine = {i for i in cand.target if view.is_person(i)}
    theirs = {i for i in _all_tgt(group) if view.is_person(i)}
    return mine != theirs and bool(mine or theirs) and not (mine & theirs)


def _tense(status: str) -> str:
    """Statuses that may describe one event: future ones together, past ones together."""
    if status in ("planned", "hypothetical"):
        return "future"
    if status == "denied":
        return "denied"
    return "past"


def _all_src(group: Group) -> list[str]:
    return [i for c in group.members for i in c.source]


def _all_tgt(group: Group) -> list[str]:
    return [i for c in group.members for i in c.target]


def merge_candidates(cands: list[Candidate], view: ActorView, *, keep_negated: bool = False) -> list[Group]:
    """Group candidates into events.

    Args:
        cands: candidates in text order.
        view: the document's actors (for countries).
        keep_negated: keep negated candidates as events of their own (flagged) instead of dropping.

    Returns:
        Groups in order of their first evidence.
    """
    groups: list[Group] = []
    own_types: dict[int, set[str]] = {}
    for cand in cands:
        if not cand.reference and not cand.negated:
            own_types.setdefault(cand.sent, set()).add(cand.type)
    for cand in cands:
        if cand.reference and own_types.get(cand.sent) and cand.type not in own_types[cand.sent]:
            continue  # 研究动用被冻结的资产提供贷款: a background mention of a sentence telling another event
        if cand.negated:
            if keep_negated and not cand.reference:
                groups.append(Group(cand, [cand]))
            continue
        host = _attack_host(groups, cand, view)
        if host is not None:
            host.members.append(cand)  # 向民众开枪并纵火: the arson is part of the shooting
            continue
        best, best_score = None, -1.0
        for g in groups:
            if g.head.negated:
                continue
            s = _score(g, cand, view)
            if s is not None and s > best_score:
                best, best_score = g, s
        if best is not None:
            best.members.append(cand)
            if (cand.sent == best.head.sent and not cand.reference and best.head.mode is None and cand.mode
                    and not best.head.reference
                    and not (cand.type in _SPOKEN_TYPES and cand.start - best.head.end > 4)):
                # 举行抗议游行: the more specific trigger names the event (but 呼吁……，并要求……: the
                # first of two spoken demands stays the head)
                best.head = cand
        elif not cand.reference:
            groups.append(Group(cand, [cand]))
    # An article about an attack it only names (谴责昆明暴力恐怖袭击事件) still reports that attack: the
    # first anchored reference of a material type no told event covers becomes an event of its own.
    told = {g.head.type for g in groups}
    for cand in cands:
        if (cand.reference and cand.anchored and cand.type in ORPHAN_TYPES and cand.type not in told
                and not cand.modifier
                and not cand.negated and cand.status in ("occurred", "claimed", "ongoing")):
            cand.conf = round(cand.conf * 0.8, 3)
            groups.append(Group(cand, [cand]))
            told.add(cand.type)
    groups.sort(key=lambda g: g.head.start)
    return groups


def event_id(doc_id: str, ptype: str, start: int, end: int, salt: str = "") -> str:
    """A stable event id: sha1 of article id, type and first evidence span (never ``hash()``)."""
    raw = f"{doc_id}|{ptype}|{start}:{end}{salt}".encode("utf-8")
    return "ev:" + hashlib.sha1(raw).hexdigest()[:16]


def build_events(doc: Document, groups: list[Group], view: ActorView, ontology: Ontology) -> list[Event]:
    """Turn groups into Event records.

    Args:
        doc: the document (for ids and evidence text).
        groups: merged candidates.
        view: actor spans (unused ids are never emitted).
        ontology: for Goldstein scores and quad classes.

    Returns:
        Events in text order.
    """
    events: list[Event] = []
    seen_ids: set[str] = set()
    for g in groups:
        head = g.head
        evidence: list[Evidence] = []
        for c in g.members:
            if not any(e.start == c.sent_start for e in evidence):
                evidence.append(Evidence(c.sent_start, c.sent_end, doc.text[c.sent_start:c.sent_end]))
        evidence.sort(key=lambda e: e.start)
        told = [c for c in g.members if not c.reference] or g.members[:1]
        source = list(dict.fromkeys(i for c in told for i in c.source))
        target = list(dict.fromkeys(i for c in told for i in c.target))
        refs = [c for c in g.members if c.reference and c not in told]
        if not source:
            source = list(dict.fromkeys(i for c in refs for i in c.source))
        if not target:
            target = list(dict.fromkeys(i for c in refs for i in c.target))
        target = [i for i in target if i not in source]
        dated = max(told, key=lambda c: (c.date_rank, _PRECISION_RANK.get(c.date_precision or "", 0)))
        mode = head.mode or next((c.mode for c in g.members if c.mode and not c.reference), None)
        cameo = head.cameo
        status = g.status
        if cameo == "186" and status == "attempted":
            cameo = "185"  # CAMEO: attempt to assassinate
        attribution = list(dict.fromkeys(a for c in g.members if not c.reference for a in c.attribution))
        conf = max(c.conf for c in g.members) + 0.03 * (len(evidence) - 1)
        eid = event_id(doc.id, head.type, evidence[0].start, evidence[0].end)
        if eid in seen_ids:
            eid = event_id(doc.id, head.type, evidence[0].start, evidence[0].end, f"|{head.start}")
        seen_ids.add(eid)
        located = [c.location for c in g.members if c.location]
        location = max(located, key=lambda loc: _PLACE_RANK.get(loc.get("precision") or "", 1)) if located else None
        events.append(Event(
            id=eid, type=head.type, mode=mode, cameo=cameo, goldstein=ontology.goldstein(cameo),
            quad_class=ontology.quad_class(head.type), source=source, target=target,
            date=dated.date, date_end=dated.date_end, date_precision=dated.date_precision,
            location=location, status=status, attribution=attribution, evidence=evidence,
            trigger=Evidence(head.start, head.end, doc.text[head.start:head.end]),
            negated=head.negated, confidence=round(min(0.99, conf), 3),
        ))
    return events
