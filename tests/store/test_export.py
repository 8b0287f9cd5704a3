"""Exports: GDELT 2.0 event columns, PLOVER JSONL, Parquet and CSV folders."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from jishi.cli import main
from jishi.store import TABLES, open_db
from jishi.store.export import GDELT_COLUMNS, export, gdelt_event_id


def test_export_gdelt_has_the_61_event_columns(db_file, tmp_path):
    out = tmp_path / "events.tsv"
    assert main(["export", "--db", str(db_file), "--format", "gdelt", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8"), delimiter="\t"))
    assert len(GDELT_COLUMNS) == 61 and list(rows[0]) == list(GDELT_COLUMNS)
    assert len(rows) == 5
    with open_db(db_file) as db:
        eid = db.events(actor="鲁比奥")["id"].iloc[0]
    row = next(r for r in rows if r["GLOBALEVENTID"] == str(gdelt_event_id(eid)))
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == ("20251130", "202511", "2025")
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == ("USAGOV", "MARCO RUBIO", "USA")
    assert (row["Actor2CountryCode"], row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == (
        "UKR", "040", "040", "04")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")
    assert (row["ActionGeo_CountryCode"], row["ActionGeo_FullName"], row["ActionGeo_Type"]) == ("USA", "佛罗里达州", "4")
    assert row["Actor1Geo_CountryCode"] == "USA"  # ISO3, where GDELT has FIPS
    assert row["SOURCEURL"] == "https://example.org/a1" and row["DATEADDED"] == "20251130000000"
    assert row["IsRootEvent"] == "1"


def test_export_plover_records(db_file, tmp_path):
    out = tmp_path / "events.jsonl"
    with open_db(db_file) as db:
        export(db, "plover", out)
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 5
    rec = next(r for r in recs if r["event"] == "CONSULT" and r["num_articles"] == 2)
    for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "event_loc", "text_info",
                "cite_info"):
        assert key in rec
    assert rec["actor"][0] == {"code": "USA", "sector": "GOV", "actor_text": "鲁比奥",
                               "identifier_id": "person:marco-rubio", "identifier_text": "Marco Rubio",
                               "office": "国务卿"}
    assert rec["recipient"][0]["code"] == "UKR"
    assert rec["event_loc"]["country code"] == "US" and rec["event_loc"]["cc3"] == "USA"
    assert rec["cite_info"]["citation"] == "a1" and rec["cite_info"]["language"] == "zh"
    assert len(rec["event_text"]) == 2 and rec["attribution"] == ["美国媒体"]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_tables_one_file_each(db_file, tmp_path, fmt):
    out = tmp_path / fmt
    with open_db(db_file) as db:
        files = export(db, fmt, out)
        counts = {t: db.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert sorted(p.name for p in files) == sorted(f"{t}.{fmt}" for t in TABLES)
    for t in TABLES:
        path = out / f"{t}.{fmt}"
        n = pq.read_table(path).num_rows if fmt == "parquet" else len(list(csv.DictReader(path.open(encoding="utf-8"))))
        assert n == counts[t]
