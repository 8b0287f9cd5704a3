"""The ``geo.v1`` stage: fill ``doc.places`` with the places an article names.

Candidates are gazetteer matches (longest match over ``doc.analysis_text``) plus LAC LOC entities the
gazetteer knows. A match is kept on evidence that grows with its ambiguity:

* a name touching a name joiner (马里奥·德拉吉) or lying inside a longer PER/ORG span is never a place,
  nor is a country name inside a demonym (乌克兰人);
* hand-typed places and countries fire when they are 3+ characters or line up with token boundaries;
* names known only from GeoNames (many are also common words) need a LAC LOC tag, or, for 3+ characters,
  token boundaries; without tokens, a two-character one needs a place suffix (市, 县, 州…).

Places sharing a name are resolved by the countries the article itself names (伦敦 in Canada or Britain).
"""
from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from jishi.document import Document, Place
from jishi.geo.gazetteer import (
    PLACE_SUFFIXES,
    TIERS,
    Candidate,
    Gazetteer,
    get_gazetteer,
    has_place_suffix,
    touches_joiner,
)
from jishi.pipeline import register

log = logging.getLogger(__name__)

LOC_TAGS = frozenset({"LOC", "ns"})
PER_TAGS = frozenset({"PER", "nr"})
ORG_TAGS = frozenset({"ORG", "nt"})


@dataclass
class _Evidence:
    """Token and entity spans of one document, as the acceptance rules need them."""

    has_tokens: bool = False
    starts: set[int] = field(default_factory=set)
    ends: set[int] = field(default_factory=set)
    loc: list[tuple[int, int]] = field(default_factory=list)
    per: list[tuple[int, int]] = field(default_factory=list)
    org: list[tuple[int, int]] = field(default_factory=list)


_SPAN_TAGS = LOC_TAGS | PER_TAGS | ORG_TAGS


def _collect_evidence(doc: Document) -> _Evidence:
    ev = _Evidence()
    tokens = [tok for sent in doc.sentences for tok in sent.tokens]
    ev.has_tokens = bool(tokens)
    ev.starts = {tok.start for tok in tokens}
    ev.ends = {tok.end for tok in tokens}
    for tok in [tok for tok in tokens if tok.tag in _SPAN_TAGS]:
        span = (tok.start, tok.end)
        if tok.tag in LOC_TAGS:
            ev.loc.append(span)
        elif tok.tag in PER_TAGS:
            ev.per.append(span)
        else:
            ev.org.append(span)
    by_label = {"LOC": ev.loc, "PER": ev.per, "ORG": ev.org}
    for ent in doc.entities:
        if ent.label in by_label:
            by_label[ent.label].append((ent.start, ent.end))
    # a LAC entity repeats its token's span; the rules only ask whether some span holds a match
    ev.loc, ev.per, ev.org = (list(dict.fromkeys(spans)) for spans in (ev.loc, ev.per, ev.org))
    return ev


def _holding(spans: list[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The spans that hold [start, end), in their order: all the rules below look at no others."""
    return [(s, e) for s, e in spans if s <= start and end <= e]


def _inside(spans: list[tuple[int, int]], start: int, end: int, *, strictly: bool = False) -> bool:
    return any(s <= start and end <= e and (not strictly or (s, e) != (start, end)) for s, e in spans)


def _edge_of_loc(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e and (s == start or e == end) for s, e in spans)


# What may stand around a place name inside one LAC LOC word (加沙地带, 乌克兰东部, 北科尔多凡州, 迈阿密市).
LOC_HEADS = ("东", "西", "南", "北", "中", "上", "下", "大", "新", "老")
LOC_TAILS = ("东部", "西部", "南部", "北部", "中部", "东北", "西北", "东南", "西南", "地带", "地区", "一带", "边境",
             "境内", "沿岸", "沿海", "郊区", "市区", "城区", "首都", "港", "湾", "岛", "河", "山", "湖", "海",
             "市", "县", "州", "省", "区", "镇", "村", "邦", "营", "南郊", "北郊", "东郊", "西郊", "近郊", "附近")


def _inside_other_name(text: str, start: int, end: int, loc: list[tuple[int, int]], gaz: Gazetteer) -> bool:
    """Whether the match lies inside a longer LOC word (of ``loc``) whose rest is no place word (哈马 in 哈马斯)."""
    for s, e in loc:
        if s <= start and end <= e and (s, e) != (start, end):
            before, after = text[s:start], text[end:e]
            ok_before = not before or before in LOC_HEADS or bool(gaz.candidates(before))
            ok_after = not after or after.startswith(LOC_TAILS) or bool(gaz.candidates(after))
            # a place of three characters or more may end a longer word (美乌日内瓦); a two-character one
            # needs a place word on both sides
            if not ok_after or (not ok_before and end - start < 3):
                return True
    return False


def _accept(text: str, start: int, end: int, cands: list[Candidate], ev: _Evidence, gaz: Gazetteer) -> bool:
    """Decide whether a gazetteer match is a place mention (see the module docstring)."""
    if touches_joiner(text, start, end):
        return False
    best = min(c.tier for c in cands)
    org, per = _holding(ev.org, start, end), _holding(ev.per, start, end)
    if _inside(org, start, end, strictly=True) or _inside(per, start, end, strictly=True):
        return False
    loc = _holding(ev.loc, start, end)
    in_loc = bool(loc)
    if in_loc and _inside_other_name(text, start, end, loc, gaz):
        return False
    # LAC tags some well-known places as PER (基辅 on the seed): trust the gazetteer for hand/country names.
    if per and not in_loc and best == TIERS["geonames"]:
        return False
    # A demonym is no place mention: 乌克兰人 (one LAC token), 美国人.
    if end < len(text) and text[end] == "人" and gaz.precision(cands[0].place_id) == "country":
        if not ev.has_tokens or end not in ev.ends:
            return False
    suffixed = has_place_suffix(text, end)
    aligned = not ev.has_tokens or (start in ev.starts and (end in ev.ends or suffixed))
    if best < TIERS["geonames"]:
        return end - start >= 3 or aligned or in_loc
    if ev.has_tokens:
        return _edge_of_loc(loc, start, end) or (end - start >= 3 and aligned)
    return gaz.weak_name_ok(text, start, end, cands)


class _Taken:
    """Spans already matched, to test overlap by their characters (one set lookup per character)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.chars = {pos for s, e in spans for pos in range(s, e)}
        self.by_chars = all(s < e for s, e in spans)  # an empty span has no characters to find

    def overlaps(self, start: int, end: int) -> bool:
        if self.by_chars and start < end:
            return not self.chars.isdisjoint(range(start, end))
        return any(s < end and start < e for s, e in self.spans)


def _loc_entity_matches(
    text: str, gaz: Gazetteer, ev: _Evidence, taken: list[tuple[int, int]]
) -> list[tuple[int, int, list[Candidate]]]:
    """LOC spans the longest-match scan missed that the gazetteer knows (with a place suffix stripped)."""
    out = []
    matched = _Taken(taken)
    for start, end in sorted(set(ev.loc)):
        if matched.overlaps(start, end):
            continue
        name = text[start:end]
        cands = gaz.candidates(name)
        if not cands and len(name) > 2 and name[-1] in PLACE_SUFFIXES:  # 迈阿密市 -> 迈阿密
            cands = gaz.candidates(name[:-1])
        if cands:
            out.append((start, end, cands))
    return out


# Words before a place that make it an origin, not where anything happens (原产于美国的大豆, 来自法国的代表团).
ORIGIN_BEFORE = ("原产于", "原产地为", "原产自", "产自", "产于", "来自", "源自", "进口自")
# One-character city abbreviations after 在 (在京会见): the abbreviation and the city it stands for.
CITY_ABBREVIATIONS = {"京": "北京", "沪": "上海", "港": "香港"}
# What after 在港 shows a harbour, not Hong Kong (在港口, 在港区).
HARBOUR_NEXT = frozenset("口区湾内外务")


def _drop_framed(text: str, doc: Document, matches: list) -> list:
    """Drop places written as an origin (原产于X) or inside the name of an organisation or group actor
    (联合国驻黎巴嫩临时部队), which the actors stage has already read (empty when it has not run)."""
    inside = [(s, e) for a in doc.actors if a.id.startswith(("org:zh:", "group:")) for s, e in a.mentions]
    out = []
    for m in matches:
        start, end = m[0], m[1]
        if text[max(0, start - 4):start].endswith(ORIGIN_BEFORE):
            continue
        if any(s <= start and end <= e and (s, e) != (start, end) for s, e in inside):
            continue
        out.append(m)
    return out


def _city_abbreviations(text: str, gaz: Gazetteer, taken: list[tuple[int, int]]) -> list:
    """在京会见 / 在沪举行: a one-character city abbreviation after 在 is the city."""
    out = []
    pos = text.find("在")
    while pos >= 0:
        ch = text[pos + 1:pos + 2]
        nxt = text[pos + 2:pos + 3]
        if ch in CITY_ABBREVIATIONS and nxt and nxt not in HARBOUR_NEXT and not any(
                s <= pos + 1 < e for s, e in taken):
            cands = gaz.candidates(CITY_ABBREVIATIONS[ch])
            if cands:
                out.append((pos + 1, pos + 2, cands))
        pos = text.find("在", pos + 1)
    return out


def resolve_places(doc: Document, gaz: Gazetteer) -> list[Place]:
    """Find and resolve the places of one document.

    Args:
        doc: a document with text (and, when the nlp stage ran, tokens and entities).
        gaz: the gazetteer.

    Returns:
        One `Place` per distinct place, in order of first mention, with all its [start, end) mentions.
    """
    text = doc.analysis_text or doc.text
    ev = _collect_evidence(doc)
    matches = [m for m in gaz.scan(text) if _accept(text, *m, ev, gaz)]
    matches += _loc_entity_matches(text, gaz, ev, [(s, e) for s, e, _ in matches])
    matches = _drop_framed(text, doc, matches)  # round 2: 原产于X, 来自X, places inside actor names
    matches += _city_abbreviations(text, gaz, [(s, e) for s, e, _ in matches])
    matches.sort(key=lambda m: m[0])
    # The article's own countries: unambiguous country-level mentions, most mentioned first.
    context = Counter(
        gaz.country(c[0].place_id) for _, _, c in matches
        if len(c) == 1 and gaz.precision(c[0].place_id) == "country"
    )
    countries = [code for code, _ in context.most_common() if code]
    mentions: dict[str, list[list[int]]] = {}
    for start, end, cands in matches:
        chosen = gaz.choose(cands, countries=countries)
        mentions.setdefault(chosen.place_id, []).append([start, end])
    places = []
    for place_id, spans in mentions.items():
        place = gaz.place(place_id)
        if place is not None:
            place.mentions = spans
            places.append(place)
    return places


@register("geo.v1", requires=("sentences",), assigns=("places",))
class GeoStage:
    """Stage ``geo.v1``: places with coordinates for every document."""

    def __init__(self, *, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or get_gazetteer()

    def __call__(self, docs: list[Document]) -> list[Document]:
        for doc in docs:
            doc.places = resolve_places(doc, self.gazetteer)
            log.debug("geo: %d places in %s", len(doc.places), doc.id)
        return docs

    def __getstate__(self) -> dict[str, object]:
        # Ray workers pickle stages: ship nothing, reload the (cached) gazetteer on the other side.
        return {}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.gazetteer = get_gazetteer()
