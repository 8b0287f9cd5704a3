"""A plain-text summary of an article record for people (``jishi extract --format table``).

Reads only the record (CONTRACT.md), never NLP internals; every list may be empty or missing.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

RULE = "─" * 60
EVIDENCE_CHARS = 90
QUOTE_CHARS = 90


def _clip(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _items(record: Mapping[str, Any], key: str) -> list[Any]:
    value = record.get(key)
    return list(value) if isinstance(value, Sequence) and not isinstance(value, (str, bytes)) else []


def _actor_names(record: Mapping[str, Any]) -> dict[str, str]:
    names: dict[str, str] = {}
    for actor in _items(record, "actors"):
        if isinstance(actor, Mapping) and actor.get("id"):
            names[str(actor["id"])] = str(actor.get("name") or actor["id"])
    return names


def _who(ids: Any, names: Mapping[str, str]) -> str:
    if not ids:
        return "?"
    if isinstance(ids, str):
        ids = [ids]
    return "、".join(names.get(str(i), str(i)) for i in ids)


def _event_lines(event: Mapping[str, Any], names: Mapping[str, str], text: str) -> list[str]:
    kind = str(event.get("type") or "?")
    if event.get("mode"):
        kind += f"/{event['mode']}"
    if event.get("cameo"):
        kind += f" ({event['cameo']})"
    head = f"    {kind}  {_who(event.get('source'), names)} → {_who(event.get('target'), names)}"
    flags = []
    status = event.get("status")
    if status and status != "occurred":
        flags.append(str(status))
    if event.get("negated"):
        flags.append("negated")
    if event.get("date_end") and event.get("date_end") != event.get("date"):
        flags.append(f"until {event['date_end']}")
    location = event.get("location")
    if isinstance(location, Mapping) and location.get("name"):
        flags.append(f"at {location['name']}")
    if isinstance(event.get("confidence"), (int, float)):
        flags.append(f"conf {event['confidence']:.2f}")
    if flags:
        head += "  [" + ", ".join(flags) + "]"
    lines = [head]
    if event.get("attribution"):
        lines.append(f"      according to: {'、'.join(str(a) for a in event['attribution'])}")
    for ev in _items(event, "evidence")[:2]:
        if not isinstance(ev, Mapping):
            continue
        snippet = ev.get("text")
        if not snippet and isinstance(ev.get("start"), int) and isinstance(ev.get("end"), int):
            snippet = text[ev["start"]:ev["end"]]
        if snippet:
            lines.append(f"      “{_clip(snippet, EVIDENCE_CHARS)}”")
    return lines


def _event_sort_key(event: Mapping[str, Any]) -> tuple[int, str, int]:
    date = event.get("date")
    evidence = _items(event, "evidence")
    start = evidence[0].get("start", 0) if evidence and isinstance(evidence[0], Mapping) else 0
    return (0 if date else 1, str(date or ""), int(start or 0))


def render_table(record: Mapping[str, Any]) -> str:
    """Render an article record as a readable plain-text block.

    Args:
        record: a record as made by :func:`jishi.record.to_record` (any field may be missing).

    Returns:
        Multi-line text: title, publication, counts, then events grouped by date (type, actors,
        evidence), quotes, times, captions, sections and errors; sections with nothing are left out.
    """
    names = _actor_names(record)
    text = str(record.get("text") or "")
    events = [e for e in _items(record, "events") if isinstance(e, Mapping)]
    quotes = [q for q in _items(record, "quotes") if isinstance(q, Mapping)]
    times = [t for t in _items(record, "times") if isinstance(t, Mapping)]
    captions = _items(record, "captions")
    sections = _items(record, "sections")
    errors = _items(record, "errors")

    out = [RULE, f"{record.get('title') or '(untitled)'}   [{record.get('id', '?')}]"]
    published = record.get("published") or "unknown date"
    how = record.get("published_source")
    if record.get("published_inferred"):
        how = f"{how or ''}, inferred".lstrip(", ")
    line = f"published: {published}" + (f" ({how})" if how and record.get("published") else "")
    if record.get("source"):
        line += f"   source: {record['source']}"
    out.append(line)
    if record.get("url"):
        out.append(f"url: {record['url']}")
    out.append(
        f"{len(text)} characters · {len(events)} events · {len(names)} actors · {len(quotes)} quotes · "
        f"{len(times)} times · {len(captions)} captions · {len(sections)} sections"
    )

    if events:
        out += ["", "EVENTS"]
        current: object = object()
        for event in sorted(events, key=_event_sort_key):
            date = event.get("date") or "undated"
            if date != current:
                out.append(f"  {date}")
                current = date
            out += _event_lines(event, names, text)
    if quotes:
        out += ["", "QUOTES"]
        for q in quotes:
            speaker = q.get("speaker_text") or names.get(str(q.get("speaker")), "") or "?"
            mark = "" if q.get("kind", "direct") == "direct" else " (paraphrase)"
            out.append(f"  {speaker}{mark}: “{_clip(q.get('text') or '', QUOTE_CHARS)}”")
    if times:
        out += ["", "TIMES"]
        for t in times:
            out.append(f"  {t.get('text', '?')} → {t.get('value') or '?'}")
    if captions:
        out += ["", "CAPTIONS"]
        out += [f"  - {_clip(c, EVIDENCE_CHARS)}" for c in captions]
    if sections:
        out += ["", "SECTIONS"]
        for s in sections:
            title = s.get("title", "?") if isinstance(s, Mapping) else str(s)
            out.append(f"  - {title}")
    if errors:
        out += ["", "ERRORS"]
        out += [f"  ! {e}" for e in errors]
    out.append(RULE)
    return "\n".join(out)
