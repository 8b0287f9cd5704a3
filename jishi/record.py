"""The article record of ../shared/eval/CONTRACT.md: the boundary between extraction and the rest.

The store, exports and web read records, never NLP internals.
"""
from __future__ import annotations

import copy
from dataclasses import fields, is_dataclass
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
        "sections": [plain(s) for s in doc.sections],
        "actors": [plain(a) for a in doc.actors],
        "places": [plain(p) for p in doc.places],
        "times": [plain(t) for t in doc.times],
        "events": [plain(e) for e in doc.events],
        "quotes": [plain(q) for q in doc.quotes],
        "errors": list(doc.errors),
        "record_version": RECORD_VERSION,
    }


_ATOMS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # dataclass -> its field names, in order (a lazy cache)


def plain(obj: Any) -> Any:
    """What ``dataclasses.asdict`` makes of a value (dataclasses to dicts, recursively), equal to it.

    ``asdict`` deep-copies every leaf and looks up each dataclass's fields on every call: a third of a
    millisecond per article, paid once per article on every path (CLI, store, Ray). Here atoms are
    returned as they are (they are immutable) and field names are looked up once per class.

    Args:
        obj: a dataclass instance, or a list, tuple or dict of them, or an atom.

    Returns:
        The plain value: dicts, lists, tuples and atoms.
    """
    cls = type(obj)
    if cls in _ATOMS:
        return obj
    names = _FIELD_NAMES.get(cls)
    if names is None and is_dataclass(cls):
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls))
    if names is not None:
        return {name: plain(getattr(obj, name)) for name in names}
    if cls is list:
        return [plain(v) for v in obj]
    if cls is dict:
        return {plain(k): plain(v) for k, v in obj.items()}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):  # a named tuple, rebuilt as asdict does
        return cls(*[plain(v) for v in obj])
    if isinstance(obj, (list, tuple)):
        return cls(plain(v) for v in obj)
    if isinstance(obj, dict):
        return cls((plain(k), plain(v)) for k, v in obj.items())
    return copy.deepcopy(obj)
