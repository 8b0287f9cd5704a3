"""Read side of the store: the :class:`Store` object that ``jishi.open()`` returns.

Every filter is bound as a ``?`` parameter; WHERE clauses are assembled from the fixed fragments
below, so nothing a user types ever becomes SQL text. Results are pandas DataFrames (``arrow=True``
gives a pyarrow Table) with pagination by ``limit`` / ``offset``.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd  # noqa: F401 - DuckDB imports it on first use; pay that once at open, not mid-ingest

from jishi.errors import StoreError
from jishi.store import db, writer

log = logging.getLogger(__name__)

EVENT_COLUMNS = (
    "id", "date", "date_end", "date_precision", "type", "mode", "cameo", "goldstein", "quad_class", "status",
    "negated", "source_actors", "source_names", "target_actors", "target_names", "source_countries",
    "target_countries", "location_name", "location_country", "lat", "lon", "num_mentions", "num_sources",
    "num_articles", "confidence", "attributions", "evidence", "first_article", "first_published",
)
EVENT_ORDERS = {
    "date": "e.date ASC NULLS LAST, e.id",
    "-date": "e.date DESC NULLS LAST, e.id",
    "articles": "e.num_articles DESC, e.date ASC NULLS LAST, e.id",
    "mentions": "e.num_mentions DESC, e.date ASC NULLS LAST, e.id",
    "confidence": "e.confidence DESC NULLS LAST, e.date ASC NULLS LAST, e.id",
}
ACTOR_ORDERS = {
    "events": "a.num_events DESC, a.num_articles DESC, a.id",
    "articles": "a.num_articles DESC, a.id",
    "mentions": "a.num_mentions DESC, a.id",
    "name": "a.name, a.id",
    "id": "a.id",
}
MAX_LIMIT = 100_000


@dataclass
class _Where:
    """A WHERE clause built from fixed fragments and bound parameters."""

    parts: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, fragment: str, *params: Any) -> None:
        self.parts.append(fragment)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.parts)) if self.parts else ""


def _as_list(value: str | Iterable[str] | None) -> list[str]:
    """Accept "A,B", ["A", "B"] or None."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    return [str(v).strip() for v in items if str(v).strip()]


def _as_day(value: str | date | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    day, precision = writer.parse_day(value)
    if day is None:
        raise StoreError(f"--{name} takes YYYY-MM-DD (or YYYY-MM, YYYY), got {value!r}")
    if name == "until" and precision == "month":
        return writer.month_end(day)
    if name == "until" and precision == "year":
        return date(day.year, 12, 31)
    return day


def _first(rel: Any) -> tuple | None:
    """The first row of a result, fetching it whole (DuckDB refuses other work on a half-read result)."""
    rows = rel.fetchall()
    return rows[0] if rows else None


def _page(limit: int | None, offset: int) -> tuple[int, int]:
    lim = MAX_LIMIT if limit is None else int(limit)
    if lim < 0 or offset < 0:
        raise StoreError("limit and offset must be >= 0")
    return min(lim, MAX_LIMIT), int(offset)


class Store:
    """A jishi database: queries for everyone, writes (ingest) when opened with read_only=False.

    Use :func:`jishi.store.open_db` (or ``jishi.open``) to get one; close it (or use ``with``) to
    release the file.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only

    # ----------------------------------------------------------------- lifecycle
    def close(self) -> None:
        """Release the database file."""
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r}, read_only={self.read_only})"

    # ----------------------------------------------------------------- writes
    def write_records(self, records: Iterable[Mapping[str, Any]], *, hashes: Sequence[str] | None = None,
                      pipeline: str | None = None) -> writer.WriteResult:
        """Store article records in one transaction (see jishi.store.writer.write_batch).

        Args:
            records: CONTRACT.md records.
            hashes: their content hashes (default: a hash of each record's content fields).
            pipeline: stage names that produced them.

        Returns:
            What changed.
        """
        self._need_writer()
        records = list(records)
        chashes = list(hashes) if hashes is not None else [writer.record_hash(r) for r in records]
        if len(chashes) != len(records):
            raise StoreError("write_records: one hash per record")
        return writer.write_batch(self.con, list(zip(records, chashes)), pipeline=pipeline)

    def delete_articles(self, article_ids: Sequence[str]) -> int:
        """Remove articles and all rows derived from them. Returns how many were removed."""
        self._need_writer()
        return writer.delete_articles(self.con, list(article_ids))

    def content_hashes(self, *, with_errors: bool = True, pipeline: str | None = None) -> dict[str, str]:
        """{article id: content hash} of stored articles.

        Args:
            with_errors: False leaves out articles whose record carries stage errors.
            pipeline: only articles extracted by this stage list (articles.pipeline).

        Returns:
            The mapping.
        """
        w = _Where()
        if not with_errors:
            w.add("len(errors) = 0")
        if pipeline is not None:
            w.add("pipeline = ?", pipeline)
        return dict(self.con.execute(f"SELECT id, content_hash FROM articles{w.sql()}", w.params).fetchall())

    def _need_writer(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; open it with read_only=False to write")

    # ----------------------------------------------------------------- helpers
    def _frame(self, sql: str, params: list[Any], *, arrow: bool) -> Any:
        if arrow:
            cur = self.con.cursor()  # a fresh cursor: con may hold a half-fetched result
            try:
                return cur.sql(sql, params=params).to_arrow_table()
            finally:
                cur.close()
        return self.con.execute(sql, params).df()

    def _event_where(self, *, actor: str | None = None, role: str | None = None,
                     country: str | Iterable[str] | None = None, type: str | Iterable[str] | None = None,  # noqa: A002
                     mode: str | Iterable[str] | None = None, since: str | date | None = None,
                     until: str | date | None = None, text: str | None = None, article: str | None = None,
                     min_confidence: float | None = None, min_articles: int | None = None) -> _Where:
        w = _Where()
        if actor:
            if role not in (None, "any", "source", "target"):
                raise StoreError(f"role must be source, target or any, got {role!r}")
            fragment = ("e.id IN (SELECT ea.cluster_id FROM event_actors ea WHERE ea.actor_id IN ("
                        "SELECT a.id FROM actors a WHERE a.id = ? OR a.name = ? OR lower(a.name_en) = lower(?) "
                        "UNION SELECT aa.actor_id FROM article_actors aa WHERE aa.name = ?)")
            params: list[Any] = [actor, actor, actor, actor]
            if role in ("source", "target"):
                fragment += " AND ea.role = ?"
                params.append(role)
            w.add(fragment + ")", *params)
        countries = [c.upper() for c in _as_list(country)]
        if countries:
            w.add("(list_has_any(e.source_countries, ?::VARCHAR[]) OR list_has_any(e.target_countries, ?::VARCHAR[]))",
                  countries, countries)
        types = [t.upper() for t in _as_list(type)]
        if types:
            w.add("list_contains(?::VARCHAR[], e.type)", types)
        modes = _as_list(mode)
        if modes:
            w.add("list_contains(?::VARCHAR[], e.mode)", modes)
        lo, hi = _as_day(since, "since"), _as_day(until, "until")
        if lo:
            w.add("coalesce(e.date_end, e.date) >= ?", lo)
        if hi:
            w.add("e.date <= ?", hi)
        if text:
            w.add("(contains(e.evidence, ?) OR EXISTS (SELECT 1 FROM event_mentions m "
                  "WHERE m.cluster_id = e.id AND contains(m.text, ?)))", text, text)
        if article:
            w.add("e.id IN (SELECT cluster_id FROM article_events WHERE article_id = ?)", article)
        if min_confidence is not None:
            w.add("e.confidence >= ?", float(min_confidence))
        if min_articles is not None:
            w.add("e.num_articles >= ?", int(min_articles))
        return w

    # ----------------------------------------------------------------- events
    def events(self, *, actor: str | None = None, role: str | None = None,
               country: str | Iterable[str] | None = None, type: str | Iterable[str] | None = None,  # noqa: A002
               mode: str | Iterable[str] | None = None, since: str | date | None = None,
               until: str | date | None = None, text: str | None = None, article: str | None = None,
               min_confidence: float | None = None, min_articles: int | None = None, order: str = "date",
               limit: int | None = 100, offset: int = 0, arrow: bool = False) -> Any:
        """Events (cross-article clusters) matching all the given filters.

        Args:
            actor: actor id ("state:RUS"), canonical name ("普京"), English name, or a name as written.
            role: with actor: "source", "target" or "any" (default any).
            country: ISO3 code(s) of a source or target actor ("RUS" or "RUS,UKR" or a list).
            type: PLOVER type(s) ("CONSULT" or a list).
            mode: PLOVER mode(s).
            since: events that end on or after this day ("YYYY-MM-DD"; "YYYY-MM" and "YYYY" too).
            until: events that start on or before this day.
            text: substring of any evidence sentence.
            article: only events told by this article id.
            min_confidence: lowest confidence kept.
            min_articles: lowest num_articles kept.
            order: "date" (default), "-date", "articles", "mentions" or "confidence".
            limit: page size (None: everything, capped at 100,000).
            offset: rows to skip.
            arrow: return a pyarrow Table instead of a pandas DataFrame.

        Returns:
            One row per event with the columns of EVENT_COLUMNS.
        """
        if order not in EVENT_ORDERS:
            raise StoreError(f"unknown order {order!r}; use one of {', '.join(EVENT_ORDERS)}")
        w = self._event_where(actor=actor, role=role, country=country, type=type, mode=mode, since=since,
                              until=until, text=text, article=article, min_confidence=min_confidence,
                              min_articles=min_articles)
        lim, off = _page(limit, offset)
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        sql = f"SELECT {cols} FROM events e{w.sql()} ORDER BY {EVENT_ORDERS[order]} LIMIT ? OFFSET ?"
        return self._frame(sql, w.params + [lim, off], arrow=arrow)

    def count_events(self, **filters: Any) -> int:
        """How many events match the filters of :meth:`events` (for pagination)."""
        w = self._event_where(**filters)
        return int(self.con.execute(f"SELECT count(*) FROM events e{w.sql()}", w.params).fetchall()[0][0])

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event with everything behind it.

        Args:
            event_id: a cluster id ("ev-…") or an article event uid ("ARTICLE#EVENT").

        Returns:
            The event's columns plus ``members`` (each article's telling, with its ``mentions``:
            evidence spans, highlight spans for actors, trigger and times) and ``links`` (why members
            were merged); None when there is no such event.
        """
        if "#" in event_id:
            row = _first(self.con.execute("SELECT cluster_id FROM article_events WHERE uid = ?", [event_id]))
            if row is None:
                return None
            event_id = row[0]
        cols = ", ".join(EVENT_COLUMNS) + ", merge_reasons"
        rel = self.con.execute(f"SELECT {cols} FROM events WHERE id = ?", [event_id])
        names = [d[0] for d in rel.description]
        row = _first(rel)
        if row is None:
            return None
        out = dict(zip(names, row))
        mrel = self.con.execute(
            "SELECT e.uid, e.article_id, e.event_id, e.type, e.mode, e.cameo, e.status, e.date, e.date_end, "
            "e.date_precision, e.source_actors, e.target_actors, e.attribution, e.confidence, e.trigger_start, "
            "e.trigger_end, e.trigger_text, e.location_name, a.title, a.url, a.source, a.published "
            "FROM article_events e JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ? "
            "ORDER BY a.published NULLS LAST, e.uid", [event_id])
        mnames = [d[0] for d in mrel.description]
        members = [dict(zip(mnames, r)) for r in mrel.fetchall()]
        for m in members:
            m["mentions"] = self._mentions(m)
        out["members"] = members
        out["links"] = [dict(zip(("uid_a", "uid_b", "score", "reasons"), r)) for r in self.con.execute(
            "SELECT uid_a, uid_b, score, reasons FROM merge_links WHERE cluster_id = ? ORDER BY uid_a, uid_b",
            [event_id]).fetchall()]
        return out

    def _mentions(self, member: Mapping[str, Any]) -> list[dict[str, Any]]:
        aid, uid = member["article_id"], member["uid"]
        rows = self.con.execute(
            "SELECT sentence, start, \"end\", text, attribution FROM event_mentions WHERE event_uid = ? "
            "ORDER BY start", [uid]).fetchall()
        actor_ids = list(member["source_actors"] or []) + list(member["target_actors"] or [])
        out = []
        for sentence, s, e, text, attribution in rows:
            spans: list[dict[str, Any]] = []
            for act, ms, me in self.con.execute(
                    "SELECT actor_id, start, \"end\" FROM actor_mentions WHERE article_id = ? AND start >= ? "
                    "AND \"end\" <= ? ORDER BY start", [aid, s, e]).fetchall():
                kind = "source" if act in (member["source_actors"] or []) else (
                    "target" if act in actor_ids else "actor")
                spans.append({"kind": kind, "start": ms - s, "end": me - s, "actor_id": act})
            for ts, te, value in self.con.execute(
                    "SELECT start, \"end\", value FROM times WHERE article_id = ? AND start >= ? AND \"end\" <= ? "
                    "ORDER BY start", [aid, s, e]).fetchall():
                spans.append({"kind": "time", "start": ts - s, "end": te - s, "value": value})
            ts, te = member.get("trigger_start"), member.get("trigger_end")
            if ts is not None and te is not None and s <= ts and te <= e:
                spans.append({"kind": "trigger", "start": ts - s, "end": te - s})
            out.append({"sentence": sentence, "start": s, "end": e, "text": text, "attribution": list(attribution or []),
                        "spans": sorted(spans, key=lambda x: (x["start"], x["end"]))})
        return out

    # ----------------------------------------------------------------- actors
    def actors(self, *, q: str | None = None, kind: str | Iterable[str] | None = None,
               country: str | Iterable[str] | None = None, order: str = "events", limit: int | None = 100,
               offset: int = 0, arrow: bool = False) -> Any:
        """Canonical actors with their counts.

        Args:
            q: substring of the id, Chinese name or English name.
            kind: person, organization, state, group, location (one or a list).
            country: ISO3 code(s).
            order: "events" (default), "articles", "mentions", "name" or "id".
            limit: page size; offset: rows to skip; arrow: pyarrow Table instead of DataFrame.

        Returns:
            Rows of the actors table.
        """
        if order not in ACTOR_ORDERS:
            raise StoreError(f"unknown order {order!r}; use one of {', '.join(ACTOR_ORDERS)}")
        w = _Where()
        if q:
            w.add("(contains(a.id, ?) OR contains(a.name, ?) OR contains(lower(coalesce(a.name_en, '')), lower(?)))",
                  q, q, q)
        kinds = _as_list(kind)
        if kinds:
            w.add("list_contains(?::VARCHAR[], a.kind)", kinds)
        countries = [c.upper() for c in _as_list(country)]
        if countries:
            w.add("list_contains(?::VARCHAR[], a.country)", countries)
        lim, off = _page(limit, offset)
        sql = f"SELECT a.* FROM actors a{w.sql()} ORDER BY {ACTOR_ORDERS[order]} LIMIT ? OFFSET ?"
        return self._frame(sql, w.params + [lim, off], arrow=arrow)

    def actor(self, actor: str) -> dict[str, Any] | None:
        """One actor by id or name (the one with most events when a name is ambiguous), or None."""
        rel = self.con.execute(
            "SELECT * FROM actors WHERE id = ? OR name = ? OR lower(name_en) = lower(?) "
            "ORDER BY (id = ?) DESC, num_events DESC, id LIMIT 1", [actor, actor, actor, actor])
        names = [d[0] for d in rel.description]
        row = _first(rel)
        return dict(zip(names, row)) if row else None

    def timeline(self, actor: str, *, since: str | date | None = None, until: str | date | None = None,
                 type: str | Iterable[str] | None = None, limit: int | None = 1000, offset: int = 0,  # noqa: A002
                 arrow: bool = False) -> Any:
        """The events an actor took part in, by date, with its role.

        Args:
            actor: actor id or name (resolved with :meth:`actor`).
            since, until, type: as in :meth:`events`.
            limit, offset, arrow: as in :meth:`events`.

        Returns:
            Event rows plus ``role`` (source/target) and ``actor_id``.

        Raises:
            StoreError: no such actor.
        """
        found = self.actor(actor)
        if found is None:
            raise StoreError(f"no actor {actor!r} in {self.path}")
        w = self._event_where(since=since, until=until, type=type)
        w.add("ea.actor_id = ?", found["id"])
        lim, off = _page(limit, offset)
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        sql = (f"SELECT ea.actor_id, string_agg(ea.role, '+' ORDER BY ea.role) AS role, {cols} FROM events e "
               f"JOIN event_actors ea ON ea.cluster_id = e.id{w.sql()} GROUP BY ALL "
               f"ORDER BY {EVENT_ORDERS['date']} LIMIT ? OFFSET ?")
        return self._frame(sql, w.params + [lim, off], arrow=arrow)

    # ----------------------------------------------------------------- articles and more
    def articles(self, *, since: str | date | None = None, until: str | date | None = None,
                 text: str | None = None, source: str | None = None, with_text: bool = False,
                 limit: int | None = 100, offset: int = 0, arrow: bool = False) -> Any:
        """Stored articles, newest last.

        Args:
            since, until: published date range.
            text: substring of the title or body.
            source: outlet.
            with_text: include the body and captions.
            limit, offset, arrow: as in :meth:`events`.

        Returns:
            Article rows (id, title, published, url, source, counts, errors…).
        """
        w = _Where()
        lo, hi = _as_day(since, "since"), _as_day(until, "until")
        if lo:
            w.add("published >= ?", lo)
        if hi:
            w.add("published <= ?", hi)
        if text:
            w.add("(contains(coalesce(title, ''), ?) OR contains(text, ?))", text, text)
        if source:
            w.add("source = ?", source)
        cols = ("id, title, published, published_source, url, source, source_path, num_events, num_actors, "
                "num_quotes, errors, content_hash, pipeline, ingested_at")
        if with_text:
            cols += ", text, captions, sections"
        lim, off = _page(limit, offset)
        sql = f"SELECT {cols} FROM articles{w.sql()} ORDER BY published NULLS LAST, id LIMIT ? OFFSET ?"
        return self._frame(sql, w.params + [lim, off], arrow=arrow)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text, actors, events (with cluster ids), quotes and times; or None."""
        rel = self.con.execute("SELECT * FROM articles WHERE id = ?", [article_id])
        names = [d[0] for d in rel.description]
        row = _first(rel)
        if row is None:
            return None
        out = dict(zip(names, row))
        for key, sql in (
            ("actors", "SELECT * FROM article_actors WHERE article_id = ? ORDER BY actor_id"),
            ("events", "SELECT * FROM article_events WHERE article_id = ? ORDER BY uid"),
            ("quotes", "SELECT * FROM quotes WHERE article_id = ? ORDER BY idx"),
            ("times", "SELECT * FROM times WHERE article_id = ? ORDER BY idx"),
        ):
            r = self.con.execute(sql, [article_id])
            cn = [d[0] for d in r.description]
            out[key] = [dict(zip(cn, x)) for x in r.fetchall()]
        return out

    def quotes(self, *, speaker: str | None = None, article: str | None = None, text: str | None = None,
               limit: int | None = 100, offset: int = 0, arrow: bool = False) -> Any:
        """Quotes, optionally by speaker (actor id or name as written), article or substring."""
        w = _Where()
        if speaker:
            w.add("(q.speaker = ? OR q.speaker_text = ? OR q.speaker IN (SELECT id FROM actors WHERE name = ?))",
                  speaker, speaker, speaker)
        if article:
            w.add("q.article_id = ?", article)
        if text:
            w.add("contains(q.text, ?)", text)
        lim, off = _page(limit, offset)
        sql = (f"SELECT q.*, a.published, a.title FROM quotes q JOIN articles a ON a.id = q.article_id{w.sql()} "
               "ORDER BY a.published NULLS LAST, q.article_id, q.idx LIMIT ? OFFSET ?")
        return self._frame(sql, w.params + [lim, off], arrow=arrow)

    def stats(self) -> dict[str, Any]:
        """Counts and distributions: tables, events by type and month, dedup ratio, top actors."""
        one = lambda sql: self.con.execute(sql).fetchall()[0][0]  # noqa: E731
        out: dict[str, Any] = {"database": self.path}
        for table in ("articles", "actors", "actor_mentions", "article_events", "events", "event_mentions",
                      "merge_links", "quotes", "times", "places"):
            out[table] = int(one(f"SELECT count(*) FROM {table}"))
        out["articles_with_errors"] = int(one("SELECT count(*) FROM articles WHERE len(errors) > 0"))
        out["multi_article_events"] = int(one("SELECT count(*) FROM events WHERE num_articles > 1"))
        out["dedup_ratio"] = round(out["article_events"] / out["events"], 3) if out["events"] else None
        lo, hi = self.con.execute("SELECT min(published), max(published) FROM articles").fetchall()[0]
        out["published_range"] = [str(lo) if lo else None, str(hi) if hi else None]
        lo, hi = self.con.execute("SELECT min(date), max(coalesce(date_end, date)) FROM events").fetchall()[0]
        out["event_date_range"] = [str(lo) if lo else None, str(hi) if hi else None]
        out["events_by_type"] = dict(self.con.execute(
            "SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC, type").fetchall())
        out["events_by_month"] = dict(self.con.execute(
            "SELECT strftime(date, '%Y-%m') AS m, count(*) FROM events WHERE date IS NOT NULL GROUP BY m ORDER BY m"
        ).fetchall())
        out["top_actors"] = [
            {"id": r[0], "name": r[1], "events": int(r[2])} for r in self.con.execute(
                "SELECT id, name, num_events FROM actors ORDER BY num_events DESC, id LIMIT 10").fetchall()]
        return out

    def table(self, name: str, *, arrow: bool = True) -> Any:
        """A whole table (for exports). ``name`` must be one of :data:`TABLES`."""
        if name not in TABLES:
            raise StoreError(f"unknown table {name!r}; tables: {', '.join(TABLES)}")
        return self._frame(f"SELECT * FROM {name} ORDER BY ALL", [], arrow=arrow)


TABLES = ("articles", "actors", "article_actors", "actor_mentions", "places", "events", "article_events",
          "event_mentions", "event_actors", "merge_links", "quotes", "times")


def open_db(path: str | Path = "jishi.duckdb", *, read_only: bool = True) -> Store:
    """Open a jishi database.

    Args:
        path: the DuckDB file.
        read_only: True for queries (the file must exist; several readers may share it); False to
            write (creates the file and schema; one writer at a time).

    Returns:
        A :class:`Store`.

    Raises:
        StoreError: missing file, another process holding it, or not a jishi database.
    """
    con = db.connect(path, read_only=read_only)
    return Store(con, str(path), read_only=read_only)
