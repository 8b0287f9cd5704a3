"""`lookup_actor`: resolve a span of text to an actor, for the events, attribution and quote stages."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from jishi.actors import kb as kb_module
from jishi.actors.kb import Entry, KnowledgeBase, normalize_text
from jishi.cache import cached, fingerprint
from jishi.document import Actor

_LEAD = re.compile(r"^(?:据|一位|一名|一些|多位|多名|几位|数名|两名|两位|部分|其他|有|另一位|"
                   r"不愿(?:透露|公开)(?:姓名|身份)的|匿名的?|知情的?|熟悉情况的|消息人士称?的?)+")
_QUOTES = "《》“”\"'「」『』 "
_MIDDLE = re.compile(r"^(?:多家|几家|一家|各大|一些|部分|多名|多位|一名|一位|主要)")


@functools.lru_cache(maxsize=2)
def default_kb() -> KnowledgeBase:
    """The knowledge base from the package data, loaded once per process (from the start-up cache of
    :mod:`jishi.cache` when its data files and the module that builds it are unchanged)."""
    key = fingerprint(
        files=[Path(kb_module.__file__), *sorted(p for p in kb_module.DATA_DIR.iterdir() if p.is_file())],
        packages=("pyyaml",),
        version="actor-kb",
    )
    return cached("actor-kb", key, KnowledgeBase.load)


def lookup_actor(name: str, *, date: str | None = None, kb: KnowledgeBase | None = None) -> Actor | None:
    """Resolve a span of text to an actor.

    Args:
        name: the text as written: a name ("俄新社", "鲁比奥"), a state with a generic word ("俄方",
            "美国政府", "俄国防部"), or a described source ("一位美国官员" -> the US government, GOV).
        date: YYYY-MM-DD; picks a person's office, and the holder of a title ("美国国务卿").
        kb: the knowledge base (default: the package data).

    Returns:
        The actor (without mentions), or None when nothing in the text is known.
    """
    kb = kb or default_kb()
    text = _LEAD.sub("", normalize_text(name).strip(_QUOTES)).strip(_QUOTES)
    if not text:
        return None
    eid = kb.person_names.get(text) or kb.aliases.get(text)
    if eid:
        return _actor(kb.entries[eid], date)
    if text in kb.capitals:
        return _actor(kb.entry(f"org:{kb.capitals[text]}:gov"), date)
    base, rest = _state_prefix(kb, text)
    if base is not None:
        rest = _MIDDLE.sub("", rest)
        if not rest:
            return _actor(base, date)
        suffix = kb.suffix_at(rest, 0)
        if suffix is not None:
            composed = kb.compose(base.id, suffix)
            tail = rest[len(suffix.text):]
            # 美国政府高级官员: the organisation, then what the person is in it
            if composed is not None and (not tail or tail in kb.suffixes or tail in kb.titles):
                actor = _actor(composed, date)
                title = kb.titles.get(tail)
                if title is not None and title.kind == "title" and tail not in kb.suffixes:
                    actor.title = title.word
                return actor
        title = kb.titles.get(rest) or kb.titles.get(rest.removeprefix("高级"))
        if title is not None and title.kind == "title":
            holders = kb.persons_with_office(base.country, title.word, date)
            if len(holders) == 1:
                return _actor(holders[0], date)
            gov = kb.entry(f"org:{base.country}:gov") if base.kind == "state" else base
            if gov is not None:
                actor = _actor(gov, date)
                actor.title = title.word
                actor.sector = title.sector or actor.sector
                return actor
        if rest in kb.aliases:
            return _actor(kb.entries[kb.aliases[rest]], date)
    ending = kb.ending_of(text)
    if ending is not None and len(text) >= 3:
        return Actor(f"org:zh:{text}", text, ending.kind, None, base.country if base else None, ending.sector)
    return None


def _state_prefix(kb: KnowledgeBase, text: str) -> tuple[Entry | None, str]:
    """The longest state/region name or short form at the start of ``text``, and what follows it."""
    for n, eid in kb.alias_lengths(text, 0):
        entry = kb.entries[eid]
        if entry.kind in ("state", "location") or entry.id.startswith("igo:"):
            return entry, text[n:]
    for n in (2, 1):
        if text[:n] in kb.shorts and len(text) > n:
            return kb.entries[kb.shorts[text[:n]]], text[n:]
    return None, text


def _actor(entry: Entry | None, date: str | None) -> Actor | None:
    if entry is None:
        return None
    actor = Actor(entry.id, entry.name, entry.kind, entry.name_en, entry.country, entry.sector)
    if entry.kind == "person":
        office = entry.office_at(date)
        if office is not None:
            actor.title, actor.sector = office.title, office.sector
            actor.country = office.country or entry.country
    return actor
