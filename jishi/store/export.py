"""Exports of a store: GDELT 2.0 events (TSV), PLOVER (JSONL), Parquet and CSV (one file per table).

GDELT: one row per event (cluster), the 61 columns of the GDELT 2.0 Event table in their order,
tab-separated with one header row. Actor1/Actor2 are the first source/target actor; country
codes are ISO 3166-1 alpha-3 everywhere, also in the *Geo_CountryCode columns where GDELT uses
FIPS 10-4. GLOBALEVENTID is a stable integer derived from our event id. AvgTone, ethnic, religion
and known-group codes and ADM codes are empty (not extracted).

PLOVER: one JSON object per line with the fields of the PLOVER manual's JSON table (id, date,
enddate, actor, recipient, event, mode, context, event_loc, event_text, quad_code, event_scale,
text_info, cite_info), plus jishi extras (cameo, status, attribution, num_*, mentions).
"""
from __future__ import annotations

import csv
import hashlib
import json
import logging
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from jishi import __version__
from jishi.errors import StoreError
from jishi.store.query import TABLES, Store
from jishi.store.render import plain

log = logging.getLogger(__name__)

FORMATS = ("gdelt", "plover", "parquet", "csv")

_ACTOR_COLS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
               "Type1Code", "Type2Code", "Type3Code")
_GEO_COLS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR_COLS) + tuple(f"Actor2{c}" for c in _ACTOR_COLS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
       "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO_COLS) + tuple(f"Actor2Geo_{c}" for c in _GEO_COLS)
    + tuple(f"ActionGeo_{c}" for c in _GEO_COLS)
    + ("DATEADDED", "SOURCEURL")
)


def gdelt_event_id(event_id: str) -> int:
    """A stable positive integer for an event id (GDELT ids are integers)."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:13], 16)


def _iso2(iso3: str | None) -> str | None:
    if not iso3 or len(iso3) != 3:
        return None
    try:
        import pycountry

        country = pycountry.countries.get(alpha_3=iso3)
    except (ImportError, LookupError, KeyError):
        return None
    return country.alpha_2 if country else None


def _country_name(iso3: str | None) -> str:
    if not iso3:
        return ""
    try:
        import pycountry

        country = pycountry.countries.get(alpha_3=iso3)
    except (ImportError, LookupError, KeyError):
        country = None
    return country.name if country else iso3


def _actors_by_id(store: Store) -> dict[str, dict[str, Any]]:
    rel = store.con.execute("SELECT * FROM actors")
    names = [d[0] for d in rel.description]
    return {r[0]: dict(zip(names, r)) for r in rel.fetchall()}


def _all_events(store: Store) -> list[dict[str, Any]]:
    rel = store.con.execute("SELECT * FROM events ORDER BY date NULLS LAST, id")
    names = [d[0] for d in rel.description]
    return [dict(zip(names, r)) for r in rel.fetchall()]


def _fmt(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    return str(v).replace("\t", " ").replace("\n", " ")


def gdelt_rows(store: Store) -> list[list[str]]:
    """Events as GDELT 2.0 event rows (see module docstring for the mapping)."""
    actors = _actors_by_id(store)
    first_mention = dict(store.con.execute(
        "SELECT cluster_id, min(sentence) FROM event_mentions GROUP BY cluster_id").fetchall())
    urls = dict(store.con.execute("SELECT id, url FROM articles").fetchall())
    out = []
    for ev in _all_events(store):
        day: date | None = ev["date"]
        row: dict[str, Any] = {c: None for c in GDELT_COLUMNS}
        row["GLOBALEVENTID"] = gdelt_event_id(ev["id"])
        if day:
            row["SQLDATE"] = day.strftime("%Y%m%d")
            row["MonthYear"] = day.strftime("%Y%m")
            row["Year"] = day.year
            row["FractionDate"] = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}"
        for n, ids in ((1, ev["source_actors"]), (2, ev["target_actors"])):
            if not ids:
                continue
            act = actors.get(ids[0], {"id": ids[0]})
            country, sector = act.get("country"), act.get("sector")
            row[f"Actor{n}Code"] = (country or "") + (sector or "") or None
            row[f"Actor{n}Name"] = (act.get("name_en") or act.get("name") or ids[0]).upper()
            row[f"Actor{n}CountryCode"] = country
            row[f"Actor{n}Type1Code"] = sector
            if country:
                row[f"Actor{n}Geo_Type"] = 1
                row[f"Actor{n}Geo_FullName"] = _country_name(country)
                row[f"Actor{n}Geo_CountryCode"] = country
        row["IsRootEvent"] = 1 if first_mention.get(ev["id"]) == 0 else 0
        cameo = ev.get("cameo")
        if cameo:
            row["EventCode"], row["EventBaseCode"], row["EventRootCode"] = cameo, cameo[:3], cameo[:2]
        row["QuadClass"] = ev.get("quad_class")
        row["GoldsteinScale"] = ev.get("goldstein")
        row["NumMentions"], row["NumSources"], row["NumArticles"] = (
            ev["num_mentions"], ev["num_sources"], ev["num_articles"])
        if ev.get("location_name") or ev.get("location_country"):
            is_country = ev.get("lat") is None or ev.get("location_name") in (None, _country_name(ev.get("location_country")))
            row["ActionGeo_Type"] = 1 if is_country else 4
            row["ActionGeo_FullName"] = ev.get("location_name") or _country_name(ev.get("location_country"))
            row["ActionGeo_CountryCode"] = ev.get("location_country")
            row["ActionGeo_Lat"], row["ActionGeo_Long"] = ev.get("lat"), ev.get("lon")
        added = ev.get("first_published") or day
        row["DATEADDED"] = added.strftime("%Y%m%d000000") if added else None
        row["SOURCEURL"] = urls.get(ev.get("first_article"))
        out.append([_fmt(row[c]) for c in GDELT_COLUMNS])
    return out


def _plover_actor(act_id: str, actors: Mapping[str, Mapping[str, Any]], written: Mapping[str, str]) -> dict[str, Any]:
    act = actors.get(act_id, {})
    return {"code": act.get("country"), "sector": act.get("sector"),
            "actor_text": written.get(act_id) or act.get("name"), "identifier_id": act_id,
            "identifier_text": act.get("name_en") or act.get("name"), "office": act.get("title")}


def plover_records(store: Store) -> list[dict[str, Any]]:
    """Events as PLOVER JSON records (see module docstring)."""
    actors = _actors_by_id(store)
    arts = {r[0]: {"title": r[1], "url": r[2], "source": r[3]}
            for r in store.con.execute("SELECT id, title, url, source FROM articles").fetchall()}
    mentions: dict[str, list[dict[str, Any]]] = {}
    for cid, aid, sent, s, e, text, attribution in store.con.execute(
            "SELECT cluster_id, article_id, sentence, start, \"end\", text, attribution FROM event_mentions "
            "ORDER BY cluster_id, published NULLS LAST, article_id, start").fetchall():
        mentions.setdefault(cid, []).append({"article_id": aid, "sequence": sent, "start": s, "end": e, "text": text,
                                             "attribution": list(attribution or [])})
    written = {(r[0], r[1]): r[2] for r in store.con.execute(
        "SELECT article_id, actor_id, name FROM article_actors").fetchall()}
    out = []
    for ev in _all_events(store):
        ms = mentions.get(ev["id"], [])
        first = ms[0] if ms else None
        rep_art = ev.get("first_article")
        names = {a: written.get((rep_art, a)) for a in list(ev["source_actors"] or []) + list(ev["target_actors"] or [])}
        art = arts.get(rep_art, {})
        loc = None
        if ev.get("location_name") or ev.get("location_country"):
            loc = {"name": ev.get("location_name"), "latitude": ev.get("lat"), "longitude": ev.get("lon"),
                   "country code": _iso2(ev.get("location_country")), "cc3": ev.get("location_country")}
        out.append(plain({
            "id": ev["id"], "date": ev.get("date"), "enddate": ev.get("date_end"),
            "actor": [_plover_actor(a, actors, names) for a in ev["source_actors"] or []],
            "recipient": [_plover_actor(a, actors, names) for a in ev["target_actors"] or []],
            "event": ev["type"], "mode": ev.get("mode"), "context": [], "event_loc": loc,
            "event_text": [m["text"] for m in ms], "quad_code": ev.get("quad_class"),
            "event_scale": ev.get("goldstein"),
            "text_info": ({"sequence": first["sequence"], "start": first["start"], "end": first["end"]}
                          if first else None),
            "cite_info": {"corpus": art.get("source"), "citation": rep_art, "url": art.get("url"),
                          "title": art.get("title"), "language": "zh", "publication": art.get("source"),
                          "coder": f"jishi {__version__}", "codebook": "plover"},
            "cameo": ev.get("cameo"), "status": ev.get("status"), "attribution": ev.get("attributions"),
            "num_mentions": ev["num_mentions"], "num_sources": ev["num_sources"],
            "num_articles": ev["num_articles"], "confidence": ev.get("confidence"), "mentions": ms,
        }))
    return out


def _write_tables(store: Store, folder: Path, fmt: str) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            path = folder / f"{name}.parquet"
            pq.write_table(store.table(name, arrow=True), path)
        else:
            path = folder / f"{name}.csv"
            df = store.table(name, arrow=False)
            with path.open("w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(list(df.columns))
                for row in df.itertuples(index=False):
                    w.writerow([json.dumps(v, ensure_ascii=False) if isinstance(v, list) else
                                ("" if v is None else v) for v in (plain(x) for x in row)])
        written.append(path)
    return written


def export(store: Store, fmt: str, out: str | Path) -> list[Path]:
    """Export a store.

    Args:
        store: an open store.
        fmt: "gdelt" (TSV file), "plover" (JSONL file), "parquet" or "csv" (a folder, one file per table).
        out: the output file or folder.

    Returns:
        The files written.
    """
    out = Path(out)
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt in ("parquet", "csv"):
        if out.exists() and not out.is_dir():
            raise StoreError(f"{out} exists and is not a folder; {fmt} export writes one file per table")
        return _write_tables(store, out, fmt)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        if fmt == "gdelt":
            fh.write("\t".join(GDELT_COLUMNS) + "\n")
            for row in gdelt_rows(store):
                fh.write("\t".join(row) + "\n")
        else:
            for rec in plover_records(store):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    log.info("exported %s to %s", fmt, out)
    return [out]


__all__ = ["FORMATS", "GDELT_COLUMNS", "export", "gdelt_rows", "plover_records", "gdelt_event_id"]
