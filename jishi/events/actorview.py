"""Actor spans an event can take its arguments from: the actor stage's mentions, plus state
abbreviations the actor stage left uncovered (俄方, 美乌欧, 乌多座城市), read from LAC tokens."""
from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass

from jishi.document import Actor, Document, Place, Sentence
from jishi.events.cues import Abbrev, Cues

log = logging.getLogger(__name__)

_ENTITY_TAGS = frozenset({"LOC", "ORG", "PER", "nz", "j"})
_TIGHT_SUFFIXES = frozenset({"军", "方", "媒", "方面", "政府", "当局", "外长", "总统", "总理", "国防部", "外交部"})
_QUANTITY_HEADS = frozenset("多各数几全两三四五六大")
_COMPOUND_TAGS = frozenset({"LOC", "ORG", "PER", "nz", "j", "n", "a", "an"})


@dataclass(frozen=True)
class ActorSpan:
    """Actors named by one span of doc.text (several for compound actors such as 美乌欧代表)."""

    start: int
    end: int
    ids: tuple[str, ...]
    text: str
    kind: str | None


class ActorView:
    """Actor and place spans of one document, sorted by offset.

    Args:
        doc: a document after the actor (and, when present, geo) stage.
        cues: the loaded cues (for the abbreviation table and actor suffixes).
    """

    def __init__(self, doc: Document, cues: Cues) -> None:
        self.doc = doc
        self.cues = cues
        self.by_id: dict[str, Actor] = {a.id: a for a in doc.actors}
        self.new_actors: list[Actor] = []
        self.abbrevs = self._document_abbrevs()
        spans: list[ActorSpan] = []
        covered = bytearray(len(doc.text) + 1)
        for m in doc.mentions:
            actor = self.by_id.get(m.actor_id)
            ids: tuple[str, ...] = (m.actor_id,)
            if actor is not None and actor.members:
                ids = tuple(i for i in actor.members if i) or ids
            spans.append(ActorSpan(m.start, m.end, ids, m.text, actor.kind if actor else None))
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        for sent in doc.sentences:
            spans.extend(self._abbreviation_spans(sent, covered))
        spans.extend(self._bare_force_spans(covered))
        spans.sort(key=lambda s: (s.start, -s.end))
        # keep the outermost span: 美乌欧代表 (a compound with members) hides its parts 美, 乌, 欧
        outer: list[ActorSpan] = []
        for span in spans:
            if outer and span.start >= outer[-1].start and span.end <= outer[-1].end:
                continue
            outer.append(span)
        spans = outer
        self.spans = spans
        self._starts = [s.start for s in spans]
        places: list[tuple[int, int, Place]] = []
        for place in doc.places:
            for start, end in place.mentions:
                places.append((start, end, place))
        places.sort(key=lambda p: p[0])
        self.places = places
        self._place_starts = [p[0] for p in places]

    def _document_abbrevs(self) -> dict[str, Abbrev]:
        """The abbreviation table plus, for this document, the first character of each state it names
        when no other named state shares it (爱方 in a report naming 爱沙尼亚, 美格 naming 格鲁吉亚)."""
        table = dict(self.cues.abbrevs)
        firsts: dict[str, set[tuple[str, str]]] = {}
        for actor in self.doc.actors:
            if actor.kind == "state" and actor.country and len(actor.country) == 3 and actor.name:
                firsts.setdefault(actor.name[0], set()).add((actor.country, actor.name))
        for char, states in firsts.items():
            if char not in table and len(states) == 1:
                iso, name = next(iter(states))
                table[char] = Abbrev(char, iso, name, False)
        return table

    def _abbreviation_spans(self, sent: Sentence, covered: bytearray) -> list[ActorSpan]:
        """State abbreviations in LAC tokens not covered by a mention (俄方, 俄军, 美乌欧, 乌 + 城市)."""
        out: list[ActorSpan] = []
        abbrevs = self.abbrevs
        suffixes = self.cues.actor_suffixes
        toks = sent.tokens
        for i in [i for i, t in enumerate(toks) if t.text[:1] in abbrevs]:
            tok = toks[i]
            if covered[tok.start]:
                continue
            text = tok.text
            n = 0
            while n < len(text) and n < 4 and text[n] in abbrevs:
                n += 1
            prefix, rest = text[:n], text[n:]
            nxt = toks[i + 1].text if i + 1 < len(toks) else ""
            ok = False
            end = tok.end
            if not rest:
                if len(prefix) >= 2:
                    ok = tok.tag in _COMPOUND_TAGS
                elif nxt in suffixes and not covered[toks[i + 1].start]:
                    # 以/p 军/n: a weak abbreviation counts before a side or government word
                    ok = abbrevs[prefix].strong or tok.tag in _ENTITY_TAGS or nxt in _TIGHT_SUFFIXES
                    if ok and (suffixes.get(nxt) is not None or nxt in _TIGHT_SUFFIXES):
                        end = toks[i + 1].end
                else:
                    ok = abbrevs[prefix].strong and tok.tag not in {"p", "d", "c", "u", "f", "m", "q", "v"} \
                        or tok.tag in _ENTITY_TAGS
            elif rest in suffixes:
                ok = True
            elif len(prefix) == 1 and abbrevs[prefix].strong and rest[0] in _QUANTITY_HEADS and len(rest) <= 2:
                # LAC glues the state to a quantifier: 乌多/nz 座 城市 -> 乌 + 多座城市
                ok, end = True, tok.start + 1
            if not ok:
                continue
            ids = tuple(dict.fromkeys(self.state_id(abbrevs[c].iso3, abbrevs[c].name) for c in prefix))
            out.append(ActorSpan(tok.start, end, ids, self.doc.text[tok.start:end], "state"))
        return out

    def main_country(self) -> str | None:
        """The one country an article is about: at least half of the country-bearing mentions
        (and three or more), else None."""
        counts: dict[str, int] = {}
        for m in self.doc.mentions:
            actor = self.by_id.get(m.actor_id)
            if actor is not None and actor.country and len(actor.country) == 3 and not actor.members:
                counts[actor.country] = counts.get(actor.country, 0) + 1
        if not counts:
            return None
        best = max(counts, key=lambda c: counts[c])
        total = sum(counts.values())
        return best if counts[best] >= 3 and counts[best] * 2 >= total else None

    def _bare_force_spans(self, covered: bytearray) -> list[ActorSpan]:
        """Bare 警方/防暴警察/军方/反对派 in an article about one country are that country's police,
        military or opposition (a named country before them is already a mention or abbreviation)."""
        words = self.cues.bare_actors
        if not words:
            return []
        out: list[ActorSpan] = []
        iso: str | None = None
        looked = False
        text = self.doc.text
        for sent in self.doc.sentences:
            for tok in [t for t in sent.tokens if t.text in words]:
                if covered[tok.start]:
                    continue
                if tok.start > 0 and (covered[tok.start - 1] or text[tok.start - 1] in self.abbrevs):
                    continue  # 格鲁吉亚警方, 以警方: the country is written
                if not looked:
                    iso, looked = self.main_country(), True
                if iso is None:
                    return []
                suffix, sector, kind = words[tok.text]
                aid = f"{kind}:{iso.lower()}-{suffix}"
                actor = self.by_id.get(aid)
                if actor is None:
                    state = next((a for a in self.doc.actors if a.kind == "state" and a.country == iso), None)
                    name = (state.name if state else iso) + tok.text
                    actor = Actor(id=aid, name=name, kind=kind if kind != "org" else "organization",
                                  country=iso, sector=sector)
                    self.by_id[aid] = actor
                    self.new_actors.append(actor)
                actor.mentions.append([tok.start, tok.end])
                out.append(ActorSpan(tok.start, tok.end, (aid,), tok.text, actor.kind))
        return out

    def state_id(self, iso3: str, name: str | None = None) -> str:
        """The id of the state (or region) actor for an ISO code, adding the actor when missing.

        Args:
            iso3: ISO 3166-1 alpha-3 code, or EUR.
            name: Chinese name for a new actor.

        Returns:
            An actor id present in ``self.by_id``.
        """
        for key in (f"state:{iso3}", f"region:{iso3}"):
            if key in self.by_id:
                return key
        for actor in self.by_id.values():
            if actor.country == iso3 and actor.kind in ("state", "location") and not actor.members:
                if actor.kind == "state" or iso3 == "EUR":
                    return actor.id
        kind = "location" if iso3 == "EUR" else "state"
        aid = f"region:{iso3}" if iso3 == "EUR" else f"state:{iso3}"
        actor = Actor(id=aid, name=name or iso3, kind=kind, country=iso3)
        self.by_id[aid] = actor
        self.new_actors.append(actor)
        return aid

    def in_range(self, start: int, end: int) -> list[ActorSpan]:
        """Actor spans lying inside ``[start, end)``, in text order."""
        i = bisect.bisect_left(self._starts, start)
        j = bisect.bisect_left(self._starts, end, i)
        return [s for s in self.spans[i:j] if s.end <= end]

    def places_in(self, start: int, end: int) -> list[tuple[int, int, Place]]:
        """Place mentions inside ``[start, end)``."""
        i = bisect.bisect_left(self._place_starts, start)
        out = []
        while i < len(self.places) and self.places[i][0] < end:
            if self.places[i][1] <= end:
                out.append(self.places[i])
            i += 1
        return out

    def country(self, actor_id: str) -> str | None:
        actor = self.by_id.get(actor_id)
        return actor.country if actor else None

    def countries(self, ids: list[str]) -> set[str]:
        """Countries of actor ids (compound actors count with their members)."""
        return {c for c in (self.country(i) for i in ids) if c}

    def is_person(self, actor_id: str) -> bool:
        actor = self.by_id.get(actor_id)
        return bool(actor and actor.kind == "person")
