"""The write path: idempotent by content hash, replacement of changed articles, transactions."""
from __future__ import annotations

import copy

import pytest

from store_records import corpus, make_record, snapshot

from jishi.errors import StoreError
from jishi.store import open_db, writer


def test_writer_rewrite_same_records_changes_nothing(store, records):
    before = snapshot(store.con)
    result = store.write_records(corpus())
    assert (result.added, result.replaced, result.unchanged) == (0, 0, len(records))
    assert snapshot(store.con) == before


def test_writer_stores_every_part_of_the_record(store, records):
    counts = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "article_events", "event_mentions", "actor_mentions", "times")}
    assert counts["articles"] == len(records)
    assert counts["article_events"] == sum(len(r["events"]) for r in records)
    assert counts["event_mentions"] == sum(len(e["evidence"]) for r in records for e in r["events"])
    assert counts["actor_mentions"] == sum(len(a["mentions"]) for r in records for a in r["actors"])
    assert counts["times"] == sum(len(r["times"]) for r in records)
    # offsets index the stored text
    for text, s, e, quote in store.con.execute(
            "SELECT a.text, m.start, m.\"end\", m.text FROM event_mentions m JOIN articles a ON a.id = m.article_id"
    ).fetchall():
        assert text[s:e] == quote


def test_writer_changed_article_replaces_its_rows(store, records):
    changed = make_record("a2", "2025-12-01", "俄罗斯总统普京2日在莫斯科会见中国外交部长王毅。", [
        {"type": "CONSULT", "mode": "meet", "source": ["person:vladimir-putin"], "target": ["person:wang-yi"],
         "date": "2025-12-01", "evidence": "俄罗斯总统普京2日在莫斯科会见中国外交部长王毅。", "trigger": "会见",
         "place": "莫斯科"}], names={"person:vladimir-putin": ["普京"], "person:wang-yi": ["王毅"]})
    result = store.write_records([changed])
    assert (result.added, result.replaced) == (0, 1)
    assert store.con.execute("SELECT count(*) FROM articles WHERE id = 'a2'").fetchone()[0] == 1
    assert store.con.execute("SELECT count(*) FROM article_events WHERE article_id = 'a2'").fetchone()[0] == 1
    texts = [r[0] for r in store.con.execute("SELECT text FROM event_mentions WHERE article_id = 'a2'").fetchall()]
    assert texts == ["俄罗斯总统普京2日在莫斯科会见中国外交部长王毅。"]
    # the Rubio talks lost their second report; the Putin–Wang Yi meeting gained one
    rubio = store.events(actor="鲁比奥")
    assert list(rubio["num_articles"]) == [1]
    putin = store.events(actor="person:vladimir-putin")
    assert list(putin["num_articles"]) == [2]
    # equal to a database built directly from the final records
    fresh = open_db(":memory:", read_only=False)
    final = [r for r in records if r["id"] != "a2"] + [changed]
    fresh.write_records(final)
    assert snapshot(fresh.con) == snapshot(store.con)


def test_writer_delete_articles_reclusters_neighbours(store):
    assert store.delete_articles(["a5", "missing"]) == 1
    assault = store.events(type="ASSAULT", order="date")
    assert sorted(assault["num_articles"]) == [1, 1]
    assert store.con.execute("SELECT count(*) FROM merge_links WHERE uid_a LIKE 'a5#%' OR uid_b LIKE 'a5#%'"
                             ).fetchone()[0] == 0
    assert store.actor("org:russian-armed-forces") is None


def test_writer_failed_batch_writes_nothing(store, monkeypatch):
    before = snapshot(store.con)
    extra = copy.deepcopy(corpus()[0])
    extra["id"] = "a9"

    def boom(*_a, **_k):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(writer, "_refresh_actors", boom)
    with pytest.raises(RuntimeError):
        store.write_records([extra])
    assert snapshot(store.con) == before


def test_writer_record_without_id_is_a_store_error():
    db = open_db(":memory:", read_only=False)
    with pytest.raises(StoreError):
        db.write_records([{"title": "无编号", "text": "正文。"}])


def test_writer_read_only_store_refuses_writes(db_file):
    with open_db(db_file) as db, pytest.raises(StoreError, match="read-only"):
        db.write_records(corpus())


@pytest.mark.parametrize("text, expected", [
    ("第一句。第二句！第三句？", [0, 4, 8]),
    ("他说：“我们同意。”随后离开。", [0, 10]),
    ("标题\n正文一句。", [0, 3]),
])
def test_writer_sentence_starts_split_after_terminators(text, expected):
    assert writer.sentence_starts(text) == expected


@pytest.mark.parametrize("value, expected", [
    ("2025-11-30", ("2025-11-30", "day")),
    ("2025-11", ("2025-11-01", "month")),
    ("2025", ("2025-01-01", "year")),
    ("去年", (None, None)),
    (None, (None, None)),
])
def test_writer_parse_day_reads_iso_prefixes(value, expected):
    day, precision = writer.parse_day(value)
    assert (day.isoformat() if day else None, precision) == expected
