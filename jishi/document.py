"""The one object that flows through every stage: a `Document` per article.

Every span (sentence, token, entity, time, trigger, quote, evidence) is a pair of offsets
``[start, end)`` into ``doc.text``, the cleaned body. ``doc.offsets[i]`` is the index in
``doc.raw_text`` of cleaned character ``i``, so any span leads back to the raw input.

``doc.analysis_text`` is ``doc.text`` converted to simplified Chinese character by character
(same length, same offsets); NLP stages read it, records quote ``doc.text``.

Stages fill, in order:
    clean   -> text, offsets, analysis_text, captions, sections, paragraphs, sentences (no tokens)
    nlp     -> sentence tokens (LAC words + tags), entities (LAC PER/LOC/ORG/TIME spans)
    time    -> published (if missing), times
    actors  -> actors, mentions
    geo     -> places
    events  -> events, quotes
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class Token:
    """One LAC word with its tag (PER/LOC/ORG/TIME or a POS tag), offsets into doc.text."""

    text: str
    tag: str
    start: int
    end: int


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0
    tokens: list[Token] = field(default_factory=list)


@dataclass
class Section:
    """A heading kept out of the body; ``start`` is where the section's body begins in doc.text."""

    title: str
    start: int


@dataclass
class Entity:
    """A named-entity span (from LAC or a dictionary) before actor resolution."""

    text: str
    label: str  # PER, ORG, LOC, TIME
    start: int
    end: int
    source: str = "lac"  # lac | dict


@dataclass
class TimeExpr:
    text: str
    start: int
    end: int
    value: str | None  # ISO day/month/year, interval "a/b", duration "P4H"; None when unresolved
    kind: str = "date"  # date | interval | duration | set | vague | name (a date inside a 《…》 title)
    precision: str | None = None  # day | month | year | week | interval | vague
    anchor: str | None = None  # ISO date the expression was resolved against
    reason: str | None = None  # why value is None, or which rule decided


@dataclass
class Mention:
    actor_id: str
    text: str
    start: int
    end: int


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # person | organization | state | group | location
    name_en: str | None = None
    country: str | None = None
    sector: str | None = None
    title: str | None = None
    mentions: list[list[int]] = field(default_factory=list)
    relation: str | None = None  # e.g. "总统特朗普的女婿"
    members: list[str] = field(default_factory=list)  # for compound actors (美乌欧代表)


@dataclass
class Place:
    id: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None = None  # city | region | country | sea | point
    parent: str | None = None
    mentions: list[list[int]] = field(default_factory=list)


@dataclass
class Evidence:
    start: int
    end: int
    text: str


@dataclass
class Event:
    id: str
    type: str
    mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    date: str | None = None
    date_end: str | None = None
    date_precision: str | None = None
    location: dict[str, Any] | None = None
    status: str = "occurred"
    attribution: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    trigger: Evidence | None = None
    negated: bool = False
    confidence: float = 0.5


@dataclass
class Quote:
    speaker: str | None
    speaker_text: str
    text: str
    start: int
    end: int
    kind: str = "direct"  # direct | paraphrase
    verb: str | None = None


@dataclass
class Document:
    id: str
    raw_text: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    published_inferred: bool = False
    published_source: str | None = None  # option | field | html | timestamp | dateline | inferred
    url: str | None = None
    source: str | None = None  # outlet
    source_path: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    # clean
    text: str = ""
    offsets: list[int] = field(default_factory=list)
    analysis_text: str = ""
    captions: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[list[int]] = field(default_factory=list)  # [start, end) spans in text
    # nlp
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    # later stages
    times: list[TimeExpr] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the cleaned text back to the raw text."""
        if not self.offsets or start >= end:
            return start, end
        return self.offsets[start], self.offsets[end - 1] + 1

    def sentence_at(self, pos: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= pos < sent.end:
                return sent
        return None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Document":
        data = dict(data)
        data["sections"] = [Section(**s) for s in data.get("sections", [])]
        data["sentences"] = [
            Sentence(**{**s, "tokens": [Token(**t) for t in s.get("tokens", [])]})
            for s in data.get("sentences", [])
        ]
        data["entities"] = [Entity(**e) for e in data.get("entities", [])]
        data["times"] = [TimeExpr(**t) for t in data.get("times", [])]
        data["actors"] = [Actor(**a) for a in data.get("actors", [])]
        data["mentions"] = [Mention(**m) for m in data.get("mentions", [])]
        data["places"] = [Place(**p) for p in data.get("places", [])]
        events = []
        for e in data.get("events", []):
            e = dict(e)
            e["evidence"] = [Evidence(**x) for x in e.get("evidence", [])]
            e["trigger"] = Evidence(**e["trigger"]) if e.get("trigger") else None
            events.append(Event(**e))
        data["events"] = events
        data["quotes"] = [Quote(**q) for q in data.get("quotes", [])]
        return cls(**data)
