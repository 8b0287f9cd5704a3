"""Actor spans an event can take its arguments from: the actor stage's mentions, plus state
abbreviations the actor stage left uncovered (俄方, 美乌欧, 乌多座城市), read from LAC tokens."""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass

from jishi.document import Actor, Document, Place, Sentence
from jishi.events.cues import Abbrev, Cues

log = logging.getLogger(__name__)

_ENTITY_TAGS = frozenset({"LOC", "ORG", "PER", "nz", "j"})
_TIGHT_SUFFIXES = frozenset({"军", "方", "媒", "方面", "政府", "当局", "外长", "总统", "总理", "国防部", "外交部"})
_QUANTITY_HEADS = frozenset("多各数几全两三四五六大")
_COMPOUND_TAGS = frozenset({"LOC", "ORG", "PER", "nz", "j", "n", "a", "an"})
# heads of an organisation's unit named after a place (联合国阿富汗援助团, 联合国驻南苏丹特派团)
_UNIT_HEADS = ("援助团", "特派团", "代表团", "办事处", "维和部队", "观察团", "联络处", "稳定团")
# 对阿东部……实施空袭, 在叙南部: a one-character state abbreviation before a part of its territory, after a
# preposition or a list mark (LAC tags 阿东部 PER, 叙 v, 伊西部 LOC, so this is read on the text)
_PART_OF_STATE_RX = re.compile(r"(?<=[对向在于至往赴朝、，和与及])([^\W\d_a-zA-Z东西南北中])"
                               r"(?=(?:东|西|南|北|中|东南|西南|东北|西北)部|境内|边境|领空|领海|领土)")


# 该党/该组织/该小组: an organisation told just before (docs/DEV_SET4.md F3)
_THIS_ORG_RX = re.compile(r"该(党|组织|小组|机构|团体|联盟|运动|委员会|武装)")
_BUILT_BY_RX = re.compile(r"由(?P<by>[^，。；“”]{2,20}?)(?:牵头|主导|领导|率先)?(?:组建|成立|组成|牵头)"
                          r"(?:了)?(?:一个|一支)?(?P<noun>[^，。；]{1,12}?(?:小组|委员会|机构|团体|组织))")
# a meeting or a document as the subject of a speech or decision verb (峰会呼吁, 会议还决定, 报告呼吁)
_MEETING_SUBJECT_RX = re.compile(r"(峰会|首脑会议|领导人会议|部长级会议|会议|大会|报告|声明|公报)"
                                 r"(?:还|也|并|同时|则|最后|随后)?"
                                 r"(?:呼吁|决定|通过|敦促|要求|谴责|强调|宣布|指出|重申|批准|同意|选举|任命|建议|认为|称)")
_MEETING_AFTER_RX = re.compile(r"(?:第?[0-9一二三四五六七八九十]+届)?(?:峰会|首脑会议|领导人会议|部长级会议|大会|特别会议)")
_REPORT_NOUNS = frozenset({"报告", "声明", "公报"})
_ISSUED_RX = re.compile(r"(?:发布|发表|公布|发出)(?:了)?(?:一份|一项)?[^，。；]{0,12}?(报告|声明|公报)")
_CLAUSE_OPENERS = frozenset("。！？；，：\n”")


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
        self._forces: dict[str, list[tuple[int, Actor]]] | None = None
        self.abbrevs = self._document_abbrevs()
        places: list[tuple[int, int, Place]] = []
        for place in doc.places:
            for start, end in place.mentions:
                places.append((start, end, place))
        places.sort(key=lambda p: p[0])
        self.places = places
        self._place_starts = [p[0] for p in places]
        spans: list[ActorSpan] = []
        covered = bytearray(len(doc.text) + 1)
        for m in doc.mentions:
            actor = self.by_id.get(m.actor_id)
            ids: tuple[str, ...] = (m.actor_id,)
            if actor is not None and actor.members:
                ids = tuple(i for i in actor.members if i) or ids
            spans.append(ActorSpan(m.start, m.end, ids, m.text, actor.kind if actor else None))
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        spans = self._unit_spans(spans)
        for sent in doc.sentences:
            spans.extend(self._abbreviation_spans(sent, covered))
        spans.extend(self._bare_force_spans(covered))
        spans.extend(self._part_of_state_spans(covered))
        spans.sort(key=lambda s: (s.start, -s.end))
        # keep the outermost span: 美乌欧代表 (a compound with members) hides its parts 美, 乌, 欧
        outer: list[ActorSpan] = []
        for span in spans:
            if outer and span.start >= outer[-1].start and span.end <= outer[-1].end:
                continue
            outer.append(span)
        spans = outer
        extra = self._anaphor_spans(spans, covered)
        if extra:
            spans = sorted(spans + extra, key=lambda s: (s.start, -s.end))
        self.spans = spans
        self._starts = [s.start for s in spans]

    def _anaphor_spans(self, spans: list[ActorSpan], covered: bytearray) -> list[ActorSpan]:
        """Agents that name no actor but stand for one told before (docs/DEV_SET4.md F3): 该党/该小组 (the
        last actor whose name ends in the noun, or the 由X of 由X牵头组建……小组), a meeting acting as subject
        (峰会呼吁, 会议还决定: the organisation whose meeting the report named), a report or statement acting
        as subject (报告呼吁: who issued it)."""
        text = self.doc.text
        out: list[ActorSpan] = []
        starts = [sp.start for sp in spans]

        def before(pos: int) -> list[ActorSpan]:
            return spans[:bisect.bisect_left(starts, pos)]

        for m in _THIS_ORG_RX.finditer(text):
            if covered[m.start()]:
                continue
            noun = m.group(1)
            found = next((sp for sp in reversed(before(m.start()))
                          if sp.text.endswith(noun) or any(
                              (self.by_id.get(i) is not None and (self.by_id[i].name or "").endswith(noun))
                              for i in sp.ids)), None)
            ids: tuple[str, ...] = found.ids if found is not None else ()
            if not ids:
                # 由乌干达总统穆塞韦尼牵头组建一个调解小组。……该小组: the group's leader stands for it
                built = None
                for b in _BUILT_BY_RX.finditer(text, max(0, m.start() - 400), m.start()):
                    if b.group("noun").endswith(noun):
                        built = b
                if built is not None:
                    ids = tuple(i for sp in self.in_range_of(spans, built.start("by"), built.end("by"))
                                for i in sp.ids)
            if ids:
                out.append(ActorSpan(m.start(), m.end(), ids, m.group(0), self._kind(ids)))
        meetings: list[tuple[int, tuple[str, ...]]] = []
        for sp in spans:
            if _MEETING_AFTER_RX.match(text, sp.end) and sp.kind in ("organization", "state", None):
                meetings.append((sp.end, sp.ids))
        for m in _MEETING_SUBJECT_RX.finditer(text):
            at = m.start(1)
            if covered[at] or not (at == 0 or text[at - 1] in _CLAUSE_OPENERS):
                continue
            if m.group(1) in _REPORT_NOUNS:
                issued = None
                for b in _ISSUED_RX.finditer(text, max(0, at - 300), at):
                    if b.group(1) == m.group(1) or m.group(1) in b.group(0):
                        issued = b
                if issued is None:
                    continue
                sent_start = max(text.rfind(c, 0, issued.start()) for c in "。！？\n") + 1
                subj = [sp for sp in spans if sent_start <= sp.start and sp.end <= issued.start()]
                if subj:
                    out.append(ActorSpan(at, m.end(1), subj[0].ids, m.group(1), subj[0].kind))
                continue
            held = [ids for end, ids in meetings if end <= at]
            if held:
                out.append(ActorSpan(at, m.end(1), held[-1], m.group(1), self._kind(held[-1])))
        return out

    @staticmethod
    def in_range_of(spans: list[ActorSpan], start: int, end: int) -> list[ActorSpan]:
        """Spans of a list inside ``[start, end)``."""
        return [sp for sp in spans if start <= sp.start and sp.end <= end]

    def _kind(self, ids: tuple[str, ...]) -> str | None:
        actor = self.by_id.get(ids[0]) if ids else None
        return actor.kind if actor is not None else None

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

    def _unit_spans(self, spans: list[ActorSpan]) -> list[ActorSpan]:
        """One span for a unit of an organisation that LAC reads as one ORG word but the actor stage split
        into the parent and a place (联合国|阿富汗|援助团): the unit acts for its parent, not for the place."""
        by_start = {s.start: s for s in spans}
        merged: dict[int, ActorSpan] = {}
        inside: set[int] = set()
        for sent in self.doc.sentences:
            for tok in sent.tokens:
                if tok.tag != "ORG":
                    continue
                first = by_start.get(tok.start)
                if first is None or first.end >= tok.end or first.kind != "organization" \
                        or not tok.text.endswith(_UNIT_HEADS):
                    continue
                parts = [s for s in spans if tok.start <= s.start and s.end <= tok.end]
                if len(parts) < 2:
                    continue
                merged[tok.start] = ActorSpan(tok.start, tok.end, first.ids, tok.text, first.kind)
                inside.update(id(s) for s in parts)
        if not merged:
            return spans
        return [s for s in spans if id(s) not in inside] + list(merged.values())

    def _part_of_state_spans(self, covered: bytearray) -> list[ActorSpan]:
        """A state abbreviation before a part of its territory (对阿东部……, 向叙南部……): the state, when the
        document names it in full (so that 阿 is Afghanistan only in a report naming 阿富汗)."""
        named = {a.country for a in self.doc.actors if a.kind == "state" and a.country}
        out: list[ActorSpan] = []
        text = self.doc.text
        for m in _PART_OF_STATE_RX.finditer(text):
            at = m.start(1)
            abbrev = self.abbrevs.get(m.group(1))
            if covered[at] or abbrev is None or abbrev.iso3 not in named:
                continue
            out.append(ActorSpan(at, at + 1, (self.state_id(abbrev.iso3, abbrev.name),), m.group(1), "state"))
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
        text = self.doc.text
        if not words or not any(w in text for w in words):
            return []  # (a word read from one token or from several is written in the text as it is)
        out: list[ActorSpan] = []
        iso: str | None = None
        looked = False
        by_first: dict[str, list[str]] = {}
        for w in sorted(words, key=len, reverse=True):
            by_first.setdefault(w[0], []).append(w)
        for sent in self.doc.sentences:
            ends: set[int] | None = None
            for tok in sent.tokens:
                word = tok.text
                if word not in words:
                    if word[:1] not in by_first:
                        continue
                    # 安全|部队: LAC splits some of the words; a word made of whole tokens counts
                    if ends is None:
                        ends = {t.end for t in sent.tokens}
                    word = next((w for w in by_first[word[0]]
                                 if len(w) > len(tok.text) and text.startswith(w, tok.start)
                                 and tok.start + len(w) in ends), tok.text)
                if word not in words or covered[tok.start] or (out and tok.start < out[-1].end):
                    continue  # (武装|帮派: 帮派 inside the 武装帮派 just read)
                if tok.start > 0 and (covered[tok.start - 1] or text[tok.start - 1] in self.abbrevs):
                    continue  # 格鲁吉亚警方, 以警方: the country is written
                if not looked:
                    iso, looked = self.main_country(), True
                suffix, sector, kind = words[word]
                here = iso
                if sector == "CVL":
                    # 数千名民众聚集在格鲁吉亚首都……: civilians of the state where the sentence sets them (the
                    # article's main state is often the other side: 空袭造成多名民众死亡)
                    here = next((p.country for s, e, p in self.places_in(tok.end, sent.end)
                                 if p.country and len(p.country) == 3 and p.country != "EUR"), None)
                if here is None and sector != "CVL":
                    # 几内亚比绍军方……被军人逮捕……要求军方: no main country, but the force was named before
                    told = self._told_force(sector, tok.start)
                    if told is not None:
                        told.mentions.append([tok.start, tok.start + len(word)])
                        out.append(ActorSpan(tok.start, tok.start + len(word), (told.id,), word, told.kind))
                        continue
                if here is None:
                    continue
                aid = f"{kind}:{here.lower()}-{suffix}"
                actor = self.by_id.get(aid)
                if actor is None:
                    state = next((a for a in self.doc.actors if a.kind == "state" and a.country == here), None)
                    name = (state.name if state else here) + word
                    actor = Actor(id=aid, name=name, kind=kind if kind != "org" else "organization",
                                  country=here, sector=sector)
                    self.by_id[aid] = actor
                    self.new_actors.append(actor)
                end = tok.start + len(word)
                actor.mentions.append([tok.start, end])
                out.append(ActorSpan(tok.start, end, (aid,), word, actor.kind))
        return out

    def _told_force(self, sector: str, pos: int) -> Actor | None:
        """The nearest actor of a sector (MIL, COP, GOV…) of one country named before `pos`: the one a bare
        军方/军人/警方 stands for when the article is about several countries."""
        if self._forces is None:
            # (start, actor) of each named force of one state, in text order: built once per document
            self._forces = {}
            for m in sorted(self.doc.mentions, key=lambda m: m.start):
                actor = self.by_id.get(m.actor_id)
                if (actor is not None and actor.sector and actor.kind != "person" and not actor.members
                        and actor.country and len(actor.country) == 3 and actor.country not in ("IGO", "EUR")):
                    self._forces.setdefault(actor.sector, []).append((m.start, actor))
        told = self._forces.get(sector, [])
        i = bisect.bisect_left(told, pos, key=lambda f: f[0])
        return told[i - 1][1] if i > 0 else None

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
