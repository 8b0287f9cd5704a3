"""The article record of ../shared/eval/CONTRACT.md: the boundary between extraction and the rest.

The store, exports and web read records, never NLP internals.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import Any

from jishi.document import Document

RECORD_VERSION = 1


def to_record(doc: Document) -> dict[str, Any]:
    """Turn a processed document into its JSON record.

    Args:
        doc: a document that has been through the pipeline (any prefix of it).

    Returns:
        A dict with the contract's fields plus provenance extras (url, source, sections, errors).
    """
    return {
        "id": doc.id,
        "title": doc.title,
        "published": doc.published,
        "published_inferred": doc.published_inferred,
        "published_source": doc.published_source,
        "url": doc.url,
        "source": doc.source,
        "source_path": doc.source_path,
        "text": doc.text,
        "captions": list(doc.captions),
        "sections": [asdict(s) for s in doc.sections],
        "actors": [asdict(a) for a in doc.actors],
        "places": [asdict(p) for p in doc.places],
        "times": [asdict(t) for t in doc.times],
        "events": [_event_record(e) for e in doc.events],
        "quotes": [asdict(q) for q in doc.quotes],
        "errors": list(doc.errors),
        "record_version": RECORD_VERSION,
    }


def _event_record(event: Any) -> dict[str, Any]:
    rec = asdict(event)
    return rec
