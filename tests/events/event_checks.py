"""Small checks the event tests share: the countries of actor ids, the events of one type."""
from __future__ import annotations

from jishi.document import Document, Event


def countries_of(doc: Document, ids: list[str]) -> set[str]:
    """Countries of the document's actors among ``ids`` (ids without an actor or a country are skipped)."""
    by_id = {a.id: a for a in doc.actors}
    return {by_id[i].country for i in ids if i in by_id and by_id[i].country}


def events_of(doc: Document, ptype: str) -> list[Event]:
    """The document's events of one PLOVER type, in order."""
    return [e for e in doc.events if e.type == ptype]
