"""The one place that writes to the database.

:func:`write_batch` takes article records (jishi.record.to_record) with their content hashes and,
in one transaction: drops the rows of articles whose content changed, inserts the new rows,
links the new article events to earlier ones that tell the same event, re-clusters the touched
components of the link graph (jishi.store.dedup) and refreshes the touched clusters and actors.
Unchanged articles (same id and hash) are skipped. A crash anywhere leaves the batch unwritten.

All values reach SQL as parameters or as registered Arrow tables; no SQL text is built from data.
"""
from __future__ import annotations

import bisect
import calendar
import hashlib
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any

import duckdb
import pyarrow as pa

from jishi.errors import StoreError
from jishi.store import dedup

log = logging.getLogger(__name__)

_SENT_END = re.compile(r"[。！？!?；]+[”’」』）)]*|\n+")
_PRECISION_RANK = {"day": 0, "published": 1, "week": 2, "interval": 2, "month": 3, "year": 4, "vague": 5}


@dataclass
class WriteResult:
    """What one batch changed."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    article_events: int = 0
    links: int = 0
    clusters_touched: int = 0
    article_ids: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- hashing and parsing

def hash_content(*, title: str | None, text: str | None, published: str | None, url: str | None,
                 source: str | None) -> str:
    """sha256 of an article's content fields (stable across processes, unlike hash())."""
    payload = json.dumps([title, text, published, url, source], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record_hash(record: Mapping[str, Any]) -> str:
    """Content hash of a record written without its input document (the Python API)."""
    return hash_content(title=record.get("title"), text=record.get("text"), published=record.get("published"),
                        url=record.get("url"), source=record.get("source"))


def parse_day(value: Any) -> tuple[date | None, str | None]:
    """Parse "YYYY-MM-DD", "YYYY-MM" or "YYYY" into (first day, precision)."""
    if isinstance(value, date):
        return value, "day"
    if not isinstance(value, str) or not value:
        return None, None
    value = value.strip()[:10]
    try:
        if len(value) == 10:
            return date.fromisoformat(value), "day"
        if len(value) == 7:
            return date(int(value[:4]), int(value[5:7]), 1), "month"
        if len(value) == 4 and value.isdigit():
            return date(int(value), 1, 1), "year"
    except ValueError:
        pass
    log.debug("unparsable date %r", value)
    return None, None


def month_end(day: date) -> date:
    """The last day of the month of ``day``."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def dedup_range(ev_date: date | None, ev_end: date | None, precision: str | None,
                published: date | None) -> tuple[date | None, date | None]:
    """The day range dedup compares for an article event (None: never merged)."""
    if ev_date is None:
        return published, published
    if precision == "year" or precision == "vague":
        return None, None
    if precision == "month":
        return ev_date.replace(day=1), month_end(ev_end or ev_date)
    return ev_date, ev_end or ev_date


def sentence_starts(text: str) -> list[int]:
    """Start offsets of the store's sentences (split after 。！？!?； and newlines)."""
    starts = [0]
    for m in _SENT_END.finditer(text):
        if m.end() < len(text):
            starts.append(m.end())
    return starts


def _sentence_of(starts: Sequence[int], pos: int | None) -> int | None:
    if pos is None:
        return None
    return bisect.bisect_right(starts, pos) - 1


# --------------------------------------------------------------------------- record -> rows

def _int(v: Any) -> int | None:
    try:
        return int(v) if v is not None else None
    except (TypeError, ValueError):
        return None


def _float(v: Any) -> float | None:
    try:
        return float(v) if v is not None else None
    except (TypeError, ValueError):
        return None


def _strs(values: Any) -> list[str]:
    return [str(v) for v in (values or []) if v is not None]


def record_rows(record: Mapping[str, Any], content_hash: str, *, pipeline: str | None = None,
                now: datetime | None = None) -> dict[str, list[dict[str, Any]]]:
    """Turn one article record into rows per table (clusters and actors excluded).

    Args:
        record: a CONTRACT.md record (with the jishi.record extras when present).
        content_hash: the article's content hash.
        pipeline: stage names that produced the record.
        now: ingest time.

    Returns:
        {table: [row dict]} for articles, article_actors, actor_mentions, places, article_events,
        event_mentions, quotes and times.
    """
    aid = str(record.get("id") or "")
    if not aid:
        raise StoreError("record without id cannot be stored")
    text = record.get("text") or ""
    starts = sentence_starts(text)
    published, _ = parse_day(record.get("published"))
    events = [e for e in record.get("events") or [] if isinstance(e, Mapping)]
    actors = [a for a in record.get("actors") or [] if isinstance(a, Mapping) and a.get("id")]
    quotes = [q for q in record.get("quotes") or [] if isinstance(q, Mapping)]
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in (
        "articles", "article_actors", "actor_mentions", "places", "article_events", "event_mentions",
        "quotes", "times")}
    rows["articles"].append({
        "id": aid, "content_hash": content_hash, "title": record.get("title"), "published": published,
        "published_inferred": bool(record.get("published_inferred", False)),
        "published_source": record.get("published_source"), "url": record.get("url"),
        "source": record.get("source"), "source_path": record.get("source_path"), "text": text,
        "captions": _strs(record.get("captions")),
        "sections": json.dumps(record.get("sections") or [], ensure_ascii=False),
        "errors": _strs(record.get("errors")), "record_version": _int(record.get("record_version")),
        "pipeline": pipeline, "num_events": len(events), "num_actors": len(actors), "num_quotes": len(quotes),
        "ingested_at": now or datetime.now(timezone.utc).replace(tzinfo=None),
    })
    mentions_by_actor: dict[str, list[tuple[int, int]]] = {}
    seen_actor: set[str] = set()
    for actor in actors:
        act_id = str(actor["id"])
        spans = [(int(m[0]), int(m[1])) for m in actor.get("mentions") or [] if len(m) >= 2]
        mentions_by_actor.setdefault(act_id, []).extend(spans)
        if act_id in seen_actor:  # the same id twice in one record: keep the first description
            continue
        seen_actor.add(act_id)
        rows["article_actors"].append({
            "article_id": aid, "actor_id": act_id, "name": actor.get("name"), "name_en": actor.get("name_en"),
            "kind": actor.get("kind"), "country": actor.get("country"), "sector": actor.get("sector"),
            "title": actor.get("title"), "relation": actor.get("relation"), "members": _strs(actor.get("members")),
            "num_mentions": len(spans),
        })
    for act_id, spans in mentions_by_actor.items():
        for s, e in sorted(set(spans)):
            rows["actor_mentions"].append({"article_id": aid, "actor_id": act_id, "start": s, "end": e,
                                           "text": text[s:e], "sentence": _sentence_of(starts, s)})
    for place in record.get("places") or []:
        if not isinstance(place, Mapping):
            continue
        rows["places"].append({
            "article_id": aid, "place_id": str(place.get("id") or place.get("name") or ""), "name": place.get("name"),
            "country": place.get("country"), "lat": _float(place.get("lat")), "lon": _float(place.get("lon")),
            "precision": place.get("precision"), "parent": place.get("parent"),
            "mentions": [[int(m[0]), int(m[1])] for m in place.get("mentions") or [] if len(m) >= 2],
        })
    seen_uid: set[str] = set()
    for idx, ev in enumerate(events):
        ev_id = str(ev.get("id") or f"e{idx}")
        uid = f"{aid}#{ev_id}"
        if uid in seen_uid:
            uid = f"{uid}~{idx}"
        seen_uid.add(uid)
        ev_date, p1 = parse_day(ev.get("date"))
        ev_end, _ = parse_day(ev.get("date_end"))
        precision = ev.get("date_precision") or p1
        lo, hi = dedup_range(ev_date, ev_end, precision, published)
        loc = ev.get("location") if isinstance(ev.get("location"), Mapping) else {}
        trig = ev.get("trigger") if isinstance(ev.get("trigger"), Mapping) else None
        evidence = [x for x in ev.get("evidence") or [] if isinstance(x, Mapping) and "start" in x]
        src, tgt = _strs(ev.get("source")), _strs(ev.get("target"))
        rows["article_events"].append({
            # every event starts as its own cluster; _recluster rewrites the ones that merge
            "uid": uid, "article_id": aid, "event_id": ev_id, "cluster_id": dedup.cluster_id_for(uid),
            "type": str(ev.get("type") or ""),
            "mode": ev.get("mode"), "cameo": ev.get("cameo"), "goldstein": _float(ev.get("goldstein")),
            "quad_class": _int(ev.get("quad_class")), "status": ev.get("status"),
            "negated": bool(ev.get("negated", False)), "date": ev_date, "date_end": ev_end,
            "date_precision": precision if ev_date else None,
            "location_name": loc.get("name"), "location_country": loc.get("country"),
            "lat": _float(loc.get("lat")), "lon": _float(loc.get("lon")),
            "source_actors": src, "target_actors": tgt, "attribution": _strs(ev.get("attribution")),
            "confidence": _float(ev.get("confidence")),
            "trigger_start": _int(trig.get("start")) if trig else None,
            "trigger_end": _int(trig.get("end")) if trig else None,
            "trigger_text": trig.get("text") if trig else None,
            "evidence_text": evidence[0].get("text") if evidence else None,
            "published": published, "dedup_lo": lo, "dedup_hi": hi,
        })
        for span in evidence:
            s, e = int(span["start"]), int(span["end"])
            rows["event_mentions"].append({
                "cluster_id": dedup.cluster_id_for(uid), "event_uid": uid, "article_id": aid, "event_id": ev_id, "sentence": _sentence_of(starts, s),
                "start": s, "end": e, "text": span.get("text") if span.get("text") is not None else text[s:e],
                "actor1_offset": _first_inside(mentions_by_actor, src, s, e),
                "actor2_offset": _first_inside(mentions_by_actor, tgt, s, e),
                "action_offset": _int(trig.get("start")) if trig and s <= int(trig.get("start", -1)) < e else None,
                "attribution": _strs(ev.get("attribution")), "source_name": record.get("source"),
                "url": record.get("url"), "published": published, "confidence": _float(ev.get("confidence")),
                "doc_len": len(text),
            })
    for idx, q in enumerate(quotes):
        rows["quotes"].append({"article_id": aid, "idx": idx, "speaker": q.get("speaker"),
                               "speaker_text": q.get("speaker_text"), "text": q.get("text"),
                               "start": _int(q.get("start")), "end": _int(q.get("end")),
                               "kind": q.get("kind"), "verb": q.get("verb")})
    for idx, t in enumerate(record.get("times") or []):
        if not isinstance(t, Mapping):
            continue
        rows["times"].append({"article_id": aid, "idx": idx, "text": t.get("text"), "start": _int(t.get("start")),
                              "end": _int(t.get("end")), "value": t.get("value"), "kind": t.get("kind"),
                              "precision": t.get("precision"), "anchor": t.get("anchor"), "reason": t.get("reason")})
    return rows


def _first_inside(mentions: Mapping[str, list[tuple[int, int]]], ids: Iterable[str], start: int,
                  end: int) -> int | None:
    hits = [s for i in ids for s, _ in mentions.get(i, []) if start <= s < end]
    return min(hits) if hits else None


# --------------------------------------------------------------------------- low-level writes

_PER_ARTICLE_TABLES = ("article_actors", "actor_mentions", "places", "article_events", "event_mentions",
                       "quotes", "times")


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    clean = [{k: v for k, v in r.items() if not k.startswith("_")} for r in rows]
    tmp = pa.Table.from_pylist(clean)
    con.register("_jishi_rows", tmp)
    try:
        # table names come from this module's constants, never from data
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _jishi_rows")
    finally:
        con.unregister("_jishi_rows")


def _ids_table(con: duckdb.DuckDBPyConnection, name: str, values: Iterable[str]) -> None:
    con.register(name, pa.table({"v": pa.array(sorted(set(values)), type=pa.string())}))


def _delete_articles(con: duckdb.DuckDBPyConnection, article_ids: list[str]) -> tuple[set[str], set[str]]:
    """Delete every row of these articles. Returns (uids of neighbours to re-cluster, actor ids)."""
    _ids_table(con, "_jishi_del", article_ids)
    try:
        old_uids = {r[0] for r in con.execute(
            "SELECT uid FROM article_events WHERE article_id IN (SELECT v FROM _jishi_del)").fetchall()}
        actor_ids = {r[0] for r in con.execute(
            "SELECT DISTINCT actor_id FROM article_actors WHERE article_id IN (SELECT v FROM _jishi_del)").fetchall()}
        neighbours: set[str] = set()
        if old_uids:
            _ids_table(con, "_jishi_olduids", old_uids)
            try:
                for a, b in con.execute(
                        "SELECT uid_a, uid_b FROM merge_links WHERE uid_a IN (SELECT v FROM _jishi_olduids) "
                        "OR uid_b IN (SELECT v FROM _jishi_olduids)").fetchall():
                    neighbours.update((a, b))
                neighbours.update(r[0] for r in con.execute(
                    "SELECT uid FROM article_events WHERE cluster_id IN (SELECT cluster_id FROM article_events "
                    "WHERE uid IN (SELECT v FROM _jishi_olduids))").fetchall())
                old_clusters = [r[0] for r in con.execute(
                    "SELECT DISTINCT cluster_id FROM article_events WHERE uid IN (SELECT v FROM _jishi_olduids) "
                    "AND cluster_id IS NOT NULL").fetchall()]
                actor_ids.update(r[0] for r in con.execute(
                    "SELECT DISTINCT actor_id FROM event_actors WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))",
                    [old_clusters]).fetchall())
                con.execute("DELETE FROM event_actors WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))", [old_clusters])
                con.execute("DELETE FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [old_clusters])
                con.execute("DELETE FROM merge_links WHERE uid_a IN (SELECT v FROM _jishi_olduids) "
                            "OR uid_b IN (SELECT v FROM _jishi_olduids)")
            finally:
                con.unregister("_jishi_olduids")
        for table in _PER_ARTICLE_TABLES:
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT v FROM _jishi_del)")
        con.execute("DELETE FROM articles WHERE id IN (SELECT v FROM _jishi_del)")
    finally:
        con.unregister("_jishi_del")
    return neighbours - old_uids, actor_ids


# --------------------------------------------------------------------------- dedup in the database

_DEDUP_COLS = ("uid, article_id, type, mode, source_actors, target_actors, negated, location_name, "
               "location_country, lat, lon, published, dedup_lo, dedup_hi")


def _load_dedup_events(con: duckdb.DuckDBPyConnection, uids: Iterable[str]) -> dict[str, dedup.DedupEvent]:
    _ids_table(con, "_jishi_u", uids)
    try:
        rows = con.execute(f"SELECT {_DEDUP_COLS} FROM article_events WHERE uid IN (SELECT v FROM _jishi_u)").fetchall()
        actor_rows = con.execute(
            "SELECT article_id, actor_id, kind, country FROM article_actors WHERE article_id IN "
            "(SELECT article_id FROM article_events WHERE uid IN (SELECT v FROM _jishi_u))").fetchall()
    finally:
        con.unregister("_jishi_u")
    infos: dict[str, dict[str, dedup.ActorInfo]] = {}
    for art, act, kind, country in actor_rows:
        infos.setdefault(art, {})[act] = dedup.ActorInfo(kind, country)
    out = {}
    for (uid, art, typ, mode, src, tgt, neg, lname, lcountry, lat, lon, pub, lo, hi) in rows:
        out[uid] = dedup.DedupEvent(uid=uid, article_id=art, type=typ, lo=lo, hi=hi, mode=mode,
                                    source=tuple(src or ()), target=tuple(tgt or ()), negated=bool(neg),
                                    location_name=lname, location_country=lcountry, lat=lat, lon=lon,
                                    published=pub, actors=infos.get(art, {}))
    return out


def _link_new_events(con: duckdb.DuckDBPyConnection, new_uids: set[str]) -> list[dedup.Link]:
    """Compare new article events with every candidate (same type, day ranges within a day)."""
    if not new_uids:
        return []
    _ids_table(con, "_jishi_new", new_uids)
    try:
        pairs = con.execute(
            "SELECT n.uid, o.uid FROM article_events n JOIN article_events o "
            "ON o.type = n.type AND o.article_id <> n.article_id "
            "AND o.dedup_lo <= n.dedup_hi + INTERVAL 1 DAY AND n.dedup_lo <= o.dedup_hi + INTERVAL 1 DAY "
            "WHERE n.uid IN (SELECT v FROM _jishi_new) AND n.dedup_lo IS NOT NULL").fetchall()
    finally:
        con.unregister("_jishi_new")
    wanted = {tuple(sorted(p)) for p in pairs}
    if not wanted:
        return []
    evs = _load_dedup_events(con, {u for p in wanted for u in p})
    links = []
    for a, b in sorted(wanted):
        link = dedup.compare(evs[a], evs[b])
        if link is not None:
            links.append(link)
    return links


def _component(con: duckdb.DuckDBPyConnection, seeds: set[str]) -> set[str]:
    """All uids connected to the seeds through merge_links."""
    seen = set(seeds)
    frontier = set(seeds)
    while frontier:
        _ids_table(con, "_jishi_f", frontier)
        try:
            rows = con.execute("SELECT uid_a, uid_b FROM merge_links WHERE uid_a IN (SELECT v FROM _jishi_f) "
                               "OR uid_b IN (SELECT v FROM _jishi_f)").fetchall()
        finally:
            con.unregister("_jishi_f")
        nxt = {u for r in rows for u in r} - seen
        seen |= nxt
        frontier = nxt
    return seen


def _recluster(con: duckdb.DuckDBPyConnection, seeds: set[str]) -> tuple[int, set[str]]:
    """Re-cluster the components holding the seeds; rewrite their clusters. Returns (#clusters, actor ids)."""
    comp = _component(con, seeds)
    evs = _load_dedup_events(con, comp)
    comp = set(evs)  # seeds deleted meanwhile drop out
    if not comp:
        return 0, set()
    _ids_table(con, "_jishi_c", comp)
    try:
        links = [dedup.Link(a, b, s, r) for a, b, s, r in con.execute(
            "SELECT uid_a, uid_b, score, reasons FROM merge_links WHERE uid_a IN (SELECT v FROM _jishi_c) "
            "AND uid_b IN (SELECT v FROM _jishi_c)").fetchall()]
        current = dict(con.execute(
            "SELECT uid, cluster_id FROM article_events WHERE uid IN (SELECT v FROM _jishi_c)").fetchall())
    finally:
        con.unregister("_jishi_c")
    old_clusters = sorted({c for c in current.values() if c})
    assign = dedup.cluster(evs, links)
    changed = {u: c for u, c in assign.items() if current.get(u) != c}
    actor_ids = {r[0] for r in con.execute(
        "SELECT DISTINCT actor_id FROM event_actors WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))",
        [old_clusters]).fetchall()}
    con.execute("DELETE FROM event_actors WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))", [old_clusters])
    con.execute("DELETE FROM events WHERE id IN (SELECT unnest(?::VARCHAR[]))", [old_clusters])
    if changed:
        amap = pa.table({"uid": pa.array(list(changed), pa.string()),
                         "cid": pa.array(list(changed.values()), pa.string())})
        con.register("_jishi_assign", amap)
        try:
            con.execute("UPDATE article_events SET cluster_id = a.cid FROM _jishi_assign a "
                        "WHERE article_events.uid = a.uid")
            con.execute("UPDATE event_mentions SET cluster_id = a.cid FROM _jishi_assign a "
                        "WHERE event_mentions.event_uid = a.uid")
        finally:
            con.unregister("_jishi_assign")
    if links:
        amap = pa.table({"uid": pa.array(list(assign), pa.string()), "cid": pa.array(list(assign.values()), pa.string())})
        con.register("_jishi_assign", amap)
        try:
            con.execute("UPDATE merge_links SET cluster_id = CASE WHEN x.cid = y.cid THEN x.cid ELSE NULL END "
                        "FROM _jishi_assign x, _jishi_assign y "
                        "WHERE merge_links.uid_a = x.uid AND merge_links.uid_b = y.uid")
        finally:
            con.unregister("_jishi_assign")
    clusters = sorted(set(assign.values()))
    actor_ids |= _write_clusters(con, clusters)
    return len(clusters), actor_ids


def _mode(values: Iterable[Any]) -> Any:
    """Most frequent non-null value; ties go to the value seen first (callers pass a stable order)."""
    counts = Counter(v for v in values if v not in (None, ""))
    if not counts:
        return None
    best = max(counts.values())
    for v in values:
        if counts.get(v) == best:
            return v
    return None


def _write_clusters(con: duckdb.DuckDBPyConnection, cluster_ids: list[str]) -> set[str]:
    """Compute and insert the events rows and event_actors of these clusters. Returns their actor ids."""
    if not cluster_ids:
        return set()
    members = con.execute(
        "SELECT e.cluster_id, e.uid, e.article_id, e.type, e.mode, e.cameo, e.goldstein, e.quad_class, e.status, "
        "e.negated, e.date, e.date_end, e.date_precision, e.location_name, e.location_country, e.lat, e.lon, "
        "e.source_actors, e.target_actors, e.attribution, e.confidence, e.evidence_text, e.published, "
        "a.source, e.event_id "
        "FROM article_events e JOIN articles a ON a.id = e.article_id "
        "WHERE e.cluster_id IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY e.cluster_id, e.published NULLS LAST, e.dedup_lo NULLS LAST, e.uid", [cluster_ids]).fetchall()
    mention_counts = dict(con.execute(
        "SELECT cluster_id, count(*) FROM event_mentions WHERE cluster_id IN (SELECT unnest(?::VARCHAR[])) "
        "GROUP BY cluster_id", [cluster_ids]).fetchall())
    art_ids = sorted({m[2] for m in members})
    actor_rows = con.execute(
        "SELECT article_id, actor_id, name, country FROM article_actors WHERE article_id IN "
        "(SELECT unnest(?::VARCHAR[])) ORDER BY article_id, actor_id", [art_ids]).fetchall()
    actor_by_article: dict[tuple[str, str], tuple[str | None, str | None]] = {
        (r[0], r[1]): (r[2], r[3]) for r in actor_rows}
    links = con.execute(
        "SELECT cluster_id, uid_a, uid_b, reasons FROM merge_links WHERE cluster_id IN (SELECT unnest(?::VARCHAR[])) "
        "ORDER BY cluster_id, uid_a, uid_b", [cluster_ids]).fetchall()
    reasons_by: dict[str, list[str]] = {}
    for cid, a, b, why in links:
        reasons_by.setdefault(cid, []).append(f"{a} = {b}: {why}")
    grouped: dict[str, list[tuple]] = {}
    for m in members:
        grouped.setdefault(m[0], []).append(m)
    event_rows, ea_rows = [], []
    touched_actors: set[str] = set()
    for cid in cluster_ids:
        ms = grouped.get(cid)
        if not ms:
            continue
        rep = ms[0]
        names: dict[str, list[str]] = {}
        countries: dict[str, list[str]] = {}
        for m in ms:
            for act in list(m[17] or []) + list(m[18] or []):
                nm, ct = actor_by_article.get((m[2], act), (None, None))
                names.setdefault(act, []).append(nm)
                countries.setdefault(act, []).append(ct)
        src = sorted({a for m in ms for a in (m[17] or [])})
        tgt = sorted({a for m in ms for a in (m[18] or [])})
        dates = [m[10] for m in ms if m[10] is not None]
        ends = [m[11] or m[10] for m in ms if m[10] is not None]
        start = min(dates) if dates else None
        end = max(ends) if ends else None
        precisions = [m[12] for m in ms if m[12]]
        loc = _mode([m[13] for m in ms])
        loc_row = next((m for m in ms if m[13] == loc), rep) if loc else rep
        cameo = _mode([m[5] for m in ms])
        cameo_row = next((m for m in ms if m[5] == cameo), rep) if cameo else rep
        sources = set()
        for m in ms:
            sources.update(m[19] or [m[23] or "(unknown outlet)"])
        event_rows.append({
            "id": cid, "type": rep[3], "mode": _mode([m[4] for m in ms]), "cameo": cameo,
            "goldstein": cameo_row[6], "quad_class": cameo_row[7], "status": _mode([m[8] for m in ms]),
            "negated": bool(rep[9]), "date": start, "date_end": end if end and start and end > start else None,
            "date_precision": min(precisions, key=lambda p: _PRECISION_RANK.get(p, 9)) if precisions else None,
            "location_name": loc_row[13] if loc else None, "location_country": loc_row[14] if loc else None,
            "lat": loc_row[15] if loc else None, "lon": loc_row[16] if loc else None,
            "source_actors": src, "target_actors": tgt,
            "source_names": [_mode(names.get(a, [])) or a for a in src],
            "target_names": [_mode(names.get(a, [])) or a for a in tgt],
            "source_countries": sorted({c for a in src for c in countries.get(a, []) if c}),
            "target_countries": sorted({c for a in tgt for c in countries.get(a, []) if c}),
            "num_mentions": int(mention_counts.get(cid, 0)), "num_sources": len(sources),
            "num_articles": len({m[2] for m in ms}),
            "confidence": max((m[20] for m in ms if m[20] is not None), default=None),
            "first_article": rep[2], "first_published": rep[22], "evidence": rep[21],
            "attributions": sorted({x for m in ms for x in (m[19] or [])}),
            "merge_reasons": "\n".join(reasons_by.get(cid, [])) or None,
        })
        for role, ids in (("source", src), ("target", tgt)):
            for act in ids:
                ea_rows.append({"cluster_id": cid, "actor_id": act, "role": role})
                touched_actors.add(act)
    _insert(con, "events", event_rows)
    _insert(con, "event_actors", ea_rows)
    return touched_actors


# --------------------------------------------------------------------------- actors

def _refresh_actors(con: duckdb.DuckDBPyConnection, actor_ids: set[str]) -> None:
    """Recompute the canonical actor rows of these ids from every article that names them."""
    if not actor_ids:
        return
    ids = sorted(actor_ids)
    con.execute("DELETE FROM actors WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
    rows = con.execute(
        "SELECT aa.actor_id, aa.name, aa.name_en, aa.kind, aa.country, aa.sector, aa.title, aa.num_mentions, "
        "ar.published FROM article_actors aa JOIN articles ar ON ar.id = aa.article_id "
        "WHERE aa.actor_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY aa.actor_id, aa.article_id", [ids]).fetchall()
    n_events = dict(con.execute(
        "SELECT actor_id, count(DISTINCT cluster_id) FROM event_actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[])) "
        "GROUP BY actor_id", [ids]).fetchall())
    by_id: dict[str, list[tuple]] = {}
    for r in rows:
        by_id.setdefault(r[0], []).append(r)
    out = []
    for act, rs in by_id.items():
        def pick(i: int, rs: list[tuple] = rs) -> Any:
            vals = sorted((r[i] for r in rs if r[i] not in (None, "")), key=str)
            return _mode(vals)
        days = [r[8] for r in rs if r[8] is not None]
        out.append({"id": act, "name": pick(1), "name_en": pick(2), "kind": pick(3), "country": pick(4),
                    "sector": pick(5), "title": pick(6), "num_articles": len(rs),
                    "num_mentions": sum(r[7] or 0 for r in rs), "num_events": int(n_events.get(act, 0)),
                    "first_seen": min(days) if days else None, "last_seen": max(days) if days else None})
    _insert(con, "actors", out)


# --------------------------------------------------------------------------- the write function

def write_batch(con: duckdb.DuckDBPyConnection, items: Sequence[tuple[Mapping[str, Any], str]], *,
                pipeline: str | None = None) -> WriteResult:
    """Write article records in one transaction (the only write path of the store).

    Args:
        con: a writable connection (jishi.store.db.connect(read_only=False)).
        items: (record, content_hash) pairs; a later duplicate id wins.
        pipeline: stage names that produced the records.

    Returns:
        A :class:`WriteResult` with counts.

    Raises:
        StoreError: the database refused the batch (nothing of it is written).
    """
    latest: dict[str, tuple[Mapping[str, Any], str]] = {}
    for record, chash in items:
        latest[str(record.get("id"))] = (record, chash)
    result = WriteResult()
    if not latest:
        return result
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    try:
        con.begin()
        known = dict(con.execute("SELECT id, content_hash FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                 [sorted(latest)]).fetchall())
        todo = {aid: v for aid, v in latest.items() if known.get(aid) != v[1]}
        result.unchanged = len(latest) - len(todo)
        changed = sorted(aid for aid in todo if aid in known)
        result.replaced, result.added = len(changed), len(todo) - len(changed)
        result.article_ids = sorted(todo)
        seeds: set[str] = set()
        actor_ids: set[str] = set()
        if changed:
            neighbours, old_actors = _delete_articles(con, changed)
            seeds |= neighbours
            actor_ids |= old_actors
        tables: dict[str, list[dict[str, Any]]] = {}
        for aid in sorted(todo):
            record, chash = todo[aid]
            for table, rows in record_rows(record, chash, pipeline=pipeline, now=now).items():
                tables.setdefault(table, []).extend(rows)
        for table in ("articles",) + _PER_ARTICLE_TABLES:
            _insert(con, table, tables.get(table, []))
        new_uids = {r["uid"] for r in tables.get("article_events", [])}
        actor_ids |= {r["actor_id"] for r in tables.get("article_actors", [])}
        links = _link_new_events(con, new_uids)
        _insert(con, "merge_links", [{"uid_a": lk.uid_a, "uid_b": lk.uid_b, "score": lk.score,
                                      "reasons": lk.reasons, "cluster_id": None} for lk in links])
        result.links = len(links)
        result.article_events = len(new_uids)
        n_clusters, cluster_actors = _recluster(con, seeds | new_uids)
        result.clusters_touched = n_clusters
        _refresh_actors(con, actor_ids | cluster_actors)
        con.commit()
    except duckdb.Error as exc:
        _rollback(con)
        raise StoreError(f"writing {len(latest)} articles failed: {exc}") from exc
    except BaseException:
        _rollback(con)
        raise
    log.info("stored %d articles (%d new, %d replaced, %d unchanged), %d events, %d links",
             len(todo), result.added, result.replaced, result.unchanged, result.article_events, result.links)
    return result


def delete_articles(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> int:
    """Remove articles and everything derived from them, re-clustering their former neighbours.

    Args:
        con: a writable connection.
        article_ids: ids to remove (unknown ids are ignored).

    Returns:
        The number of articles removed.
    """
    try:
        con.begin()
        present = [r[0] for r in con.execute("SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                             [list(article_ids)]).fetchall()]
        if present:
            neighbours, actor_ids = _delete_articles(con, present)
            _, more = _recluster(con, neighbours)
            _refresh_actors(con, actor_ids | more)
        con.commit()
    except duckdb.Error as exc:
        _rollback(con)
        raise StoreError(f"deleting articles failed: {exc}") from exc
    return len(present)


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    try:
        con.rollback()
    except duckdb.Error:
        pass
