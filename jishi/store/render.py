"""Terminal rendering of store results: aligned tables (CJK-aware), CSV/JSON, highlighted evidence.

Pure functions returning strings; the CLI prints them.
"""
from __future__ import annotations

import csv
import io
import json
import math
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd

ANSI = {
    "source": "\033[1;36m",   # bold cyan
    "target": "\033[1;35m",   # bold magenta
    "actor": "\033[36m",
    "trigger": "\033[1;4;33m",  # bold underlined yellow
    "time": "\033[32m",
    "dim": "\033[2m",
    "bold": "\033[1m",
    "reset": "\033[0m",
}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _clip(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out, w = [], 0
    for ch in text:
        cw = 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        if w + cw > width - 1:
            break
        out.append(ch)
        w += cw
    return "".join(out) + "…"


def plain(value: Any) -> Any:
    """A JSON-friendly version of a cell (dates as ISO strings, numpy/lists as lists, NaN as None)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, (datetime, pd.Timestamp)):
        if (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0):
            return value.strftime("%Y-%m-%d")
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "tolist"):
        return plain(value.tolist())
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    return value


def cell(value: Any) -> str:
    """A cell as short text (lists joined with commas)."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, list):
        return ",".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def table(rows: Sequence[Mapping[str, Any]], columns: Sequence[str], *, max_width: int = 40) -> str:
    """An aligned text table of the given columns."""
    cells = [[_clip(cell(r.get(c)), max_width) for c in columns] for r in rows]
    widths = [max([_width(c)] + [_width(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c + " " * (widths[i] - _width(c)) for i, c in enumerate(columns)).rstrip()]
    for row in cells:
        lines.append("  ".join(v + " " * (widths[i] - _width(v)) for i, v in enumerate(row)).rstrip())
    return "\n".join(lines)


def frame_rows(df: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as plain dicts."""
    return [{k: plain(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def to_csv(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    """CSV text; list cells are JSON arrays."""
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(columns)
    for r in rows:
        w.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, list) else ("" if v is None else v)
                    for v in (plain(r.get(c)) for c in columns)])
    return buf.getvalue()


def to_json(rows: Any) -> str:
    return json.dumps(plain(rows), ensure_ascii=False, indent=1)


def highlight(text: str, spans: Iterable[Mapping[str, Any]], *, color: bool) -> str:
    """Evidence text with actor, trigger and time spans marked by ANSI colours (color=True) or left plain."""
    if not color:
        return text
    spans = sorted((s for s in spans if 0 <= s["start"] < s["end"] <= len(text)), key=lambda s: (s["start"], -s["end"]))
    out, pos = [], 0
    for s in spans:
        if s["start"] < pos:  # overlapping span: the earlier one wins
            continue
        out.append(text[pos:s["start"]])
        out.append(ANSI.get(s["kind"], "") + text[s["start"]:s["end"]] + ANSI["reset"])
        pos = s["end"]
    out.append(text[pos:])
    return "".join(out)


def _who(names: Sequence[str] | None) -> str:
    names = [n for n in (names or []) if n]
    return "、".join(names) if names else "?"


def event_line(ev: Mapping[str, Any]) -> str:
    """One line: type/mode  source → target  @place  (n articles); no arrow when no target is known."""
    kind = ev.get("type") or "?"
    if ev.get("mode"):
        kind += f"/{ev['mode']}"
    line = f"{kind:<18} {_who(ev.get('source_names'))}"
    if ev.get("target_names") is not None and len(ev.get("target_names")):
        line += f" → {_who(ev.get('target_names'))}"
    if ev.get("location_name"):
        line += f"  @{ev['location_name']}"
    n = ev.get("num_articles") or 0
    if n > 1:
        line += f"  ({n} articles, {ev.get('num_sources')} sources)"
    return line


def show_event(ev: Mapping[str, Any], *, color: bool) -> str:
    """The full view of one event: header, merge reasons and every member's evidence."""
    c = ANSI if color else {k: "" for k in ANSI}
    when = cell(ev.get("date")) + (f"..{cell(ev.get('date_end'))}" if ev.get("date_end") else "")
    lines = [f"{c['bold']}{ev['id']}{c['reset']}  {when}  {event_line(ev)}"]
    lines.append(f"  cameo {cell(ev.get('cameo')) or '-'}  goldstein {cell(ev.get('goldstein')) or '-'}  "
                 f"quad {cell(ev.get('quad_class')) or '-'}  status {cell(ev.get('status')) or '-'}  "
                 f"confidence {cell(ev.get('confidence')) or '-'}")
    lines.append(f"  {ev.get('num_mentions')} mentions, {ev.get('num_sources')} sources, "
                 f"{ev.get('num_articles')} articles")
    for link in ev.get("links", []):
        lines.append(f"  {c['dim']}merged: {link['uid_a']} = {link['uid_b']}: {link['reasons']}{c['reset']}")
    for m in ev.get("members", []):
        lines.append("")
        head = f"  [{m['article_id']}] {cell(m.get('published'))} {m.get('title') or ''}".rstrip()
        lines.append(f"{c['bold']}{head}{c['reset']}")
        if m.get("url"):
            lines.append(f"    {m['url']}")
        attribution = plain(m.get("attribution")) or []
        lines.append(f"    according to: {'、'.join(attribution) if attribution else (m.get('source') or 'the outlet')}")
        for men in m.get("mentions", []):
            lines.append("    " + highlight(men["text"] or "", men["spans"], color=color))
            if not color:
                marks = [f"{s['kind']} {men['text'][s['start']:s['end']]}" for s in men["spans"]]
                if marks:
                    lines.append("      (" + "; ".join(marks) + ")")
    return "\n".join(lines)


def chronicle(rows: Sequence[Mapping[str, Any]], *, color: bool, width: int = 100) -> str:
    """Events by date: a date heading, then one line per event and its evidence."""
    c = ANSI if color else {k: "" for k in ANSI}
    lines: list[str] = []
    current = object()
    for ev in rows:
        day = cell(ev.get("date")) or "undated"
        if day != current:
            if lines:
                lines.append("")
            lines.append(f"{c['bold']}{day}{c['reset']}")
            current = day
        lines.append(f"  {event_line(ev)}  {c['dim']}{ev['id']}{c['reset']}")
        if ev.get("evidence"):
            lines.append(f"    {c['dim']}{_clip(str(ev['evidence']).strip(), width)}{c['reset']}")
    return "\n".join(lines)
