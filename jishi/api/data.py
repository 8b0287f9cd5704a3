"""Read-only access to a jishi database for the API: every answer as JSON-ready dicts.

Queries go through the store's Python API (:class:`jishi.store.Store`: ``events``, ``count_events``,
``event``, ``actors``, ``actor``, ``timeline``, ``article``, ``stats``), so that the API filters exactly
as ``jishi events`` does. What the store does not offer is here, as parameterised SQL only:

- span lists of an article (actor mentions, place mentions, event evidence spans);
- the aggregates of the page (network edges, events per day, places), computed by DuckDB over the
  Arrow table of the filtered events that ``Store.events`` returns;
- the country codes the filter can take.

Each worker thread opens its own read-only :class:`Store` (DuckDB connections are not shared
between threads; in one process they share one database instance). A read-only database cannot
be written while it is open (DuckDB's file lock keeps writers out), so answers are cached.
"""
from __future__ import annotations

import datetime as dt
import functools
import logging
import math
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from jishi.api.settings import CACHE_SIZE
from jishi.errors import StoreError

log = logging.getLogger(__name__)

FALLBACK_EVENT_TYPES = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})
AGGREGATE_LIMIT = None  # Store.events(limit=None): every matching event (the store caps at 100,000)


@dataclass(frozen=True)
class EventFilters:
    """The filters of ``jishi events``: all optional, combined with AND."""

    actor: str | None = None  # actor id, Chinese name or English name (source or target)
    country: str | None = None  # country code of a source or target actor
    type: str | None = None  # PLOVER type
    since: dt.date | None = None  # events ending on or after this day
    until: dt.date | None = None  # events starting on or before this day
    text: str | None = None  # substring of an evidence sentence

    def to_store(self) -> dict[str, Any]:
        """Keyword arguments for ``Store.events`` / ``Store.count_events``."""
        return {k: v for k, v in asdict(self).items() if v is not None}


@functools.lru_cache(maxsize=1)
def load_event_types() -> frozenset[str]:
    """The PLOVER types of jishi/data/events/plover.tsv (the sixteen of CONTRACT.md if it is absent).

    Returns:
        Upper-case type names accepted by the ``type`` filter.
    """
    try:
        text = resources.files("jishi").joinpath("data/events/plover.tsv").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return FALLBACK_EVENT_TYPES
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    types = {line.split("\t", 1)[0].strip().upper() for line in lines[1:]}
    return frozenset(types) or FALLBACK_EVENT_TYPES


def _json_value(value: Any) -> Any:
    """Database values to JSON: dates as ISO strings, NaN as None, lists and maps recursively."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_value(v) for k, v in value.items()}
    return value


def _json_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: _json_value(v) for k, v in row.items()}


class Chronicle:
    """Queries over one jishi database, opened read-only, safe to call from many threads.

    Args:
        path: the .duckdb file written by ``jishi ingest``.
        cache_size: answers kept in memory (0 turns the cache off).
    """

    def __init__(self, path: str | Path, *, cache_size: int = CACHE_SIZE) -> None:
        self.path = str(path)
        self.cache_size = cache_size
        self._lock = threading.Lock()
        self._local = threading.local()
        self._stores: list[Any] = []
        self._cache: OrderedDict[tuple, Any] = OrderedDict()
        self._refs: dict[str, dict[str, Any]] | None = None

    # -- connections and cache ---------------------------------------------------------------

    def _store(self) -> Any:
        store = getattr(self._local, "store", None)
        if store is None:
            from jishi.store import open_db

            store = open_db(self.path, read_only=True)
            with self._lock:
                if not self._stores:
                    # Many small concurrent queries: one DuckDB thread each beats all threads on each
                    # (a 50-event page: 11 ms -> 5.5 ms on 2 busy cores). The setting is per database.
                    store.con.execute("SET threads = 1")
                self._stores.append(store)
            self._local.store = store
        return store

    def check(self) -> None:
        """Open the database now, so that a bad path fails at start-up, not on the first request.

        Raises:
            StoreError: missing file, another process holds the write lock, or not a jishi database.
        """
        self._store()

    def close(self) -> None:
        """Close every thread's connection and drop the cache."""
        with self._lock:
            for store in self._stores:
                try:
                    store.close()
                except duckdb.Error:
                    pass
            self._stores = []
            self._cache.clear()
            self._refs = None
        self._local = threading.local()

    def _cached(self, key: tuple, compute: Callable[[], Any]) -> Any:
        if self.cache_size <= 0:
            return compute()
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        value = compute()
        with self._lock:
            self._cache[key] = value
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return value

    def _sql(self, sql: str, params: list[Any] | None = None, **tables: Any) -> list[dict[str, Any]]:
        """Run parameterised SQL on this thread's connection; ``tables`` are Arrow tables to register."""
        cur = self._store().con.cursor()
        try:
            for name, table in tables.items():
                cur.register(name, table)
            rel = cur.execute(sql, params or [])
            names = [d[0] for d in rel.description]
            return [{n: _json_value(v) for n, v in zip(names, row, strict=True)} for row in rel.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"query failed on {self.path}: {exc}") from exc
        finally:
            cur.close()

    # -- actors ------------------------------------------------------------------------------

    def _actor_refs(self, ids: set[str]) -> dict[str, dict[str, Any]]:
        """Short descriptions ``{id, name, name_en, kind, country}`` by actor id (cached)."""
        if self._refs is None:
            table = self._store().actors(limit=None, arrow=True).select(["id", "name", "name_en", "kind", "country"])
            self._refs = {r["id"]: r for r in table.to_pylist()}
        # An id with no actors row (should not happen) is still shown, by its id.
        return {i: dict(self._refs.get(i) or {"id": i, "name": None, "name_en": None, "kind": None, "country": None})
                for i in ids}

    def actors(self, *, q: str | None = None, country: str | None = None, kind: str | None = None,
               limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """Actors, most events first.

        Args:
            q: substring of the id, Chinese name or English name.
            country: country code.
            kind: person | organization | state | group | location.
            limit: page size.
            offset: rows to skip.

        Returns:
            (total matching, one page of actor dicts).
        """
        def compute() -> tuple[int, list[dict[str, Any]]]:
            store = self._store()
            rows = store.actors(q=q, kind=kind, country=country, order="events", limit=limit, offset=offset,
                                arrow=True).to_pylist()
            if offset == 0 and len(rows) < limit:
                total = len(rows)
            else:
                total = store.actors(q=q, kind=kind, country=country, limit=None, arrow=True).num_rows
            return total, [_json_row(r) for r in rows]

        return self._cached(("actors", q, country, kind, limit, offset), compute)

    def actor(self, actor: str) -> dict[str, Any] | None:
        """One actor by id or name (``Store.actor``), or None."""
        def compute() -> dict[str, Any] | None:
            row = self._store().actor(actor)
            return _json_row(row) if row else None

        return self._cached(("actor", actor), compute)

    def timeline(self, actor_id: str, *, limit: int = 500, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """Events an actor is source or target of, oldest first (undated last).

        Args:
            actor_id: an actor id (see :meth:`actor` to resolve names).
            limit: page size.
            offset: rows to skip.

        Returns:
            (total, one page of event summaries, each with ``role``: source, target or both).
        """
        def compute() -> tuple[int, list[dict[str, Any]]]:
            store = self._store()
            rows = store.timeline(actor_id, limit=limit, offset=offset, arrow=True).to_pylist()
            total = store.count_events(actor=actor_id)
            events = self._summaries(rows)
            for event, row in zip(events, rows, strict=True):
                roles = set((row.get("role") or "").split("+")) - {""}
                event["role"] = "both" if len(roles) > 1 else (roles.pop() if roles else None)
            return total, events

        return self._cached(("timeline", actor_id, limit, offset), compute)

    # -- events ------------------------------------------------------------------------------

    def _summaries(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        ids = {a for r in rows for a in (r["source_actors"] or []) + (r["target_actors"] or [])}
        refs = self._actor_refs(ids)
        return [self._summary(r, refs) for r in rows]

    @staticmethod
    def _summary(row: dict[str, Any], refs: dict[str, dict[str, Any]]) -> dict[str, Any]:
        row = _json_row(row)
        location = None
        if row["location_name"] or row["lat"] is not None:
            location = {"name": row["location_name"], "country": row["location_country"],
                        "lat": row["lat"], "lon": row["lon"]}
        return {
            "id": row["id"],
            "type": row["type"],
            "mode": row["mode"],
            "cameo": row["cameo"],
            "goldstein": row["goldstein"],
            "quad_class": row["quad_class"],
            "status": row["status"],
            "negated": bool(row["negated"]),
            "date": row["date"],
            "date_end": row["date_end"],
            "date_precision": row["date_precision"],
            "location": location,
            "source": [refs[a] for a in row["source_actors"] or []],
            "target": [refs[a] for a in row["target_actors"] or []],
            "num_mentions": row["num_mentions"],
            "num_sources": row["num_sources"],
            "num_articles": row["num_articles"],
            "confidence": row["confidence"],
            "first_article": row["first_article"],
            "first_published": row["first_published"],
            "evidence": row["evidence"],
            "attribution": row["attributions"] or [],
        }

    def events(self, filters: EventFilters, *, limit: int = 50, offset: int = 0
               ) -> tuple[int, list[dict[str, Any]]]:
        """Cross-article events matching ``filters``, newest first (undated last).

        Args:
            filters: the ``jishi events`` filters.
            limit: page size.
            offset: rows to skip.

        Returns:
            (total matching, one page of event summaries with actor names resolved).
        """
        def compute() -> tuple[int, list[dict[str, Any]]]:
            store = self._store()
            kwargs = filters.to_store()
            rows = store.events(**kwargs, order="-date", limit=limit, offset=offset, arrow=True).to_pylist()
            if offset == 0 and len(rows) < limit:
                total = len(rows)
            else:
                total = store.count_events(**kwargs)
            return total, self._summaries(rows)

        return self._cached(("events", filters, limit, offset), compute)

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One cross-article event with every mention (evidence span, highlights, trigger, source).

        Args:
            event_id: an ``events.id`` (cluster id) or an article event uid ("ARTICLE#EVENT").

        Returns:
            The event summary plus ``mentions`` (one per evidence span, with absolute ``highlights``
            of kind source, target, actor, time and trigger), ``members`` (each article's telling)
            and ``merge_reasons``; None when there is no such event.
        """
        return self._cached(("event", event_id), lambda: self._event(event_id))

    def _event(self, event_id: str) -> dict[str, Any] | None:
        raw = self._store().event(event_id)
        if raw is None:
            return None
        event = self._summaries([raw])[0]
        event["merge_reasons"] = [line for line in (raw.get("merge_reasons") or "").splitlines() if line.strip()]
        mentions, members = [], []
        for member in raw.get("members") or []:
            m = _json_row({k: v for k, v in member.items() if k != "mentions"})
            members.append({k: m.get(k) for k in (
                "uid", "article_id", "event_id", "type", "mode", "status", "date", "date_end", "attribution",
                "confidence", "source_actors", "target_actors", "title", "source", "published")})
            ts, te = m.get("trigger_start"), m.get("trigger_end")
            for span in member.get("mentions") or []:
                s, e = span["start"], span["end"]
                inside = ts is not None and te is not None and s <= ts and te <= e
                mentions.append({
                    "article_id": m["article_id"],
                    "event_id": m["event_id"],
                    "article_title": m.get("title"),
                    "source": m.get("source"),
                    "url": m.get("url"),
                    "published": m.get("published"),
                    "sentence": span.get("sentence"),
                    "start": s,
                    "end": e,
                    "text": span.get("text"),
                    "attribution": list(span.get("attribution") or []),
                    "trigger": {"start": ts, "end": te, "text": m.get("trigger_text")} if inside else None,
                    "highlights": [
                        {**{k: v for k, v in h.items() if k not in ("start", "end")},
                         "start": s + h["start"], "end": s + h["end"]}
                        for h in span.get("spans") or []
                    ],
                })
        event["mentions"] = mentions
        event["members"] = members
        return event

    # -- aggregates over the filtered events -------------------------------------------------

    def _filtered(self, filters: EventFilters) -> Any:
        """Arrow table of every event matching ``filters`` (Store.events, capped by the store)."""
        return self._store().events(**filters.to_store(), order="date", limit=AGGREGATE_LIMIT, arrow=True)

    def network(self, filters: EventFilters, *, limit: int = 150
                ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Directed actor-actor edges over the filtered events.

        Args:
            filters: the ``jishi events`` filters.
            limit: keep the most frequent edges.

        Returns:
            (nodes: actors on the kept edges with ``events`` = filtered events they are in,
             edges: ``{source, target, count, mean_goldstein, types}``).
        """
        return self._cached(("network", filters, limit), lambda: self._network(filters, limit))

    def _network(self, filters: EventFilters, limit: int) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        events = self._filtered(filters)
        edges = self._sql(
            "WITH s AS (SELECT id, type, goldstein, unnest(source_actors) AS src, target_actors FROM f), "
            "p AS (SELECT id, type, goldstein, src, unnest(target_actors) AS tgt FROM s) "
            "SELECT src AS source, tgt AS target, count(DISTINCT id) AS count, avg(goldstein) AS mean_goldstein, "
            "histogram(type) AS types FROM p WHERE src <> tgt GROUP BY src, tgt "
            "ORDER BY count DESC, source, target LIMIT ?",
            [limit], f=events,
        )
        for edge in edges:
            g = edge["mean_goldstein"]
            edge["mean_goldstein"] = None if g is None else round(float(g), 2)
        ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
        counts = {r["actor"]: r["n"] for r in self._sql(
            "SELECT actor, count(DISTINCT id) AS n FROM (SELECT id, unnest(list_concat(source_actors, target_actors)) "
            "AS actor FROM f) WHERE list_contains(?, actor) GROUP BY actor",
            [ids], f=events,
        )} if ids else {}
        refs = self._actor_refs(set(ids))
        nodes = [{**refs[i], "events": int(counts.get(i, 0))} for i in ids]
        return nodes, edges

    def days(self, filters: EventFilters) -> list[dict[str, Any]]:
        """Events per start day, split by PLOVER quad class ("0" when unknown).

        Returns:
            ``[{date, total, by_quad: {"1": n, ...}}]`` sorted by date; undated events left out.
        """
        def compute() -> list[dict[str, Any]]:
            rows = self._sql(
                "SELECT date, coalesce(quad_class, 0) AS quad, count(*) AS n FROM f "
                "WHERE date IS NOT NULL GROUP BY ALL ORDER BY date, quad",
                f=self._filtered(filters),
            )
            out: dict[str, dict[str, Any]] = {}
            for r in rows:
                day = out.setdefault(r["date"], {"date": r["date"], "total": 0, "by_quad": {}})
                day["total"] += r["n"]
                day["by_quad"][str(r["quad"])] = r["n"]
            return list(out.values())

        return self._cached(("days", filters), compute)

    def places(self, filters: EventFilters) -> list[dict[str, Any]]:
        """Locations of the filtered events that have coordinates.

        Returns:
            ``[{name, country, lat, lon, count, quad_class (most frequent), event_ids (up to 10)}]``.
        """
        return self._cached(("places", filters), lambda: self._sql(
            "SELECT location_name AS name, location_country AS country, lat, lon, count(*) AS count, "
            "mode(quad_class) AS quad_class, list(id ORDER BY date DESC NULLS LAST, id)[1:10] AS event_ids "
            "FROM f WHERE lat IS NOT NULL AND lon IS NOT NULL GROUP BY ALL ORDER BY count DESC, name",
            f=self._filtered(filters),
        ))

    # -- articles ----------------------------------------------------------------------------

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article's cleaned text with every span the pipeline found in it.

        Args:
            article_id: the record id.

        Returns:
            ``{id, title, published, url, source, text, captions, spans: {actors, places, times, events,
            quotes}}``; spans are ``[start, end)`` offsets into ``text``. None when absent.
        """
        return self._cached(("article", article_id), lambda: self._article(article_id))

    def _article(self, article_id: str) -> dict[str, Any] | None:
        raw = self._store().article(article_id)
        if raw is None:
            return None
        article = {k: _json_value(raw.get(k)) for k in (
            "id", "title", "published", "published_inferred", "url", "source", "text", "captions", "num_events",
            "num_actors", "num_quotes")}
        article["captions"] = article["captions"] or []
        # Spans the store's article() does not list: every actor mention, place mention and evidence span.
        actors = self._sql(
            "SELECT m.actor_id, m.start, m.\"end\", m.text, a.name, a.name_en, a.kind, a.country "
            "FROM actor_mentions m LEFT JOIN actors a ON a.id = m.actor_id "
            "WHERE m.article_id = ? ORDER BY m.start, m.\"end\", m.actor_id",
            [article_id],
        )
        places = self._sql(
            "SELECT place_id, name, country, lat, lon, span[1] AS start, span[2] AS \"end\" "
            "FROM (SELECT place_id, name, country, lat, lon, unnest(mentions) AS span FROM places "
            "WHERE article_id = ?) ORDER BY start, place_id",
            [article_id],
        )
        evidence = self._sql(
            "SELECT cluster_id, event_id, start, \"end\" FROM event_mentions WHERE article_id = ? "
            "ORDER BY start, event_id",
            [article_id],
        )
        by_event = {e["event_id"]: e for e in raw.get("events") or []}
        events = []
        for span in evidence:
            ev = by_event.get(span["event_id"], {})
            events.append({**span, "type": ev.get("type"), "status": ev.get("status"),
                           "trigger_start": ev.get("trigger_start"), "trigger_end": ev.get("trigger_end"),
                           "trigger_text": ev.get("trigger_text")})
        times = [{k: _json_value(t.get(k)) for k in ("text", "start", "end", "value", "kind", "precision")}
                 for t in sorted(raw.get("times") or [], key=lambda t: (t.get("start") or 0))]
        quotes = [{k: t.get(k) for k in ("speaker", "speaker_text", "text", "start", "end", "kind", "verb")}
                  for t in sorted(raw.get("quotes") or [], key=lambda q: (q.get("start") or 0))]
        article["spans"] = {"actors": actors, "places": places, "times": times, "events": events, "quotes": quotes}
        return article

    def stats(self) -> dict[str, Any]:
        """Counts over the database (``Store.stats``) plus what the page needs for its filters.

        Returns:
            The store's stats, with ``articles``, ``events``, ``article_events``, ``actors``,
            ``first_date``/``last_date`` (events) and ``countries`` (codes of source/target actors).
        """
        def compute() -> dict[str, Any]:
            stats = _json_value(self._store().stats())
            stats.pop("database", None)  # a server path is no business of the client
            first, last = (stats.get("event_date_range") or [None, None])[:2]
            stats["first_date"], stats["last_date"] = first, last
            stats["countries"] = [r["c"] for r in self._sql(
                "SELECT DISTINCT c FROM (SELECT unnest(source_countries) AS c FROM events "
                "UNION SELECT unnest(target_countries) FROM events) WHERE c IS NOT NULL ORDER BY c")]
            return stats

        return self._cached(("stats",), compute)
