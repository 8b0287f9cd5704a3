"""The Python API (jishi.open): filters, pagination, Arrow, and parameterised SQL."""
from __future__ import annotations

import pyarrow as pa
import pytest

import jishi
from jishi.errors import StoreError


@pytest.mark.parametrize("filters, expected", [
    ({"country": "RUS"}, {"a3", "a5", "a6"}),
    ({"country": "rus,fra"}, {"a3", "a4", "a5", "a6"}),
    ({"type": "ASSAULT"}, {"a5", "a6"}),
    ({"actor": "普京"}, {"a3"}),
    ({"actor": "Vladimir Putin"}, {"a3"}),
    ({"actor": "state:UKR", "role": "target"}, {"a5", "a6"}),
    ({"actor": "state:UKR", "role": "source"}, set()),
    ({"since": "2025-12-01"}, {"a3", "a4"}),
    ({"until": "2025-11-30", "type": "CONSULT"}, {"a1", "a2"}),
    ({"since": "2025-12", "until": "2025-12"}, {"a3", "a4"}),
    ({"text": "利沃夫"}, {"a6"}),
    ({"text": "空袭"}, {"a5", "a6"}),
    ({"article": "a2"}, {"a1", "a2"}),
    ({"min_articles": 2}, {"a1", "a2", "a5", "a6"}),
])
def test_query_events_filters(db_file, filters, expected):
    with jishi.open(str(db_file)) as db:
        df = db.events(**filters)
        articles = set()
        for eid in df["id"]:
            articles |= {m["article_id"] for m in db.event(eid)["members"]}
        assert articles == expected
        assert db.count_events(**filters) == len(df)


def test_query_events_arrow_and_pagination(db_file):
    with jishi.open(str(db_file)) as db:
        table = db.events(arrow=True)
        assert isinstance(table, pa.Table) and table.num_rows == 5
        ids = [db.events(limit=2, offset=o)["id"].tolist() for o in (0, 2, 4)]
        assert sum(ids, []) == table.column("id").to_pylist()
        dates = db.events()["date"].tolist()
        assert dates == sorted(dates)


@pytest.mark.parametrize("evil", [
    "'; DROP TABLE events; --",
    "x' OR '1'='1",
    "%",
    "鲁比奥') OR (1=1",
])
def test_query_user_text_never_becomes_sql(db_file, evil):
    with jishi.open(str(db_file)) as db:
        for key in ("text", "actor", "country", "type", "article"):
            assert len(db.events(**{key: evil})) == 0
        assert len(db.actors(q=evil)) == 0
        assert db.stats()["events"] == 5


@pytest.mark.parametrize("bad", [{"since": "昨天"}, {"order": "id; DROP TABLE x"}, {"limit": -1}])
def test_query_bad_arguments_are_store_errors(db_file, bad):
    with jishi.open(str(db_file)) as db, pytest.raises(StoreError):
        db.events(**bad)


def test_query_actors_timeline_and_stats(db_file):
    with jishi.open(str(db_file)) as db:
        actors = db.actors()
        assert actors.iloc[0]["id"] in ("state:RUS", "state:UKR")
        assert set(db.actors(kind="person", country="UKR")["id"]) == {"person:rustem-umerov",
                                                                      "person:volodymyr-zelensky"}
        assert db.actor("鲁比奥")["title"] == "国务卿"
        line = db.timeline("乌克兰")
        assert set(line["role"]) == {"target"} and len(line) == 2
        with pytest.raises(StoreError, match="no actor"):
            db.timeline("无此人")
        st = db.stats()
        assert (st["articles"], st["events"], st["article_events"], st["multi_article_events"]) == (6, 5, 7, 2)
        assert st["events_by_type"] == {"CONSULT": 3, "ASSAULT": 2}


def test_query_event_has_highlight_spans(db_file):
    with jishi.open(str(db_file)) as db:
        eid = db.events(actor="鲁比奥")["id"].iloc[0]
        ev = db.event(eid)
        first = ev["members"][0]["mentions"][0]
        kinds = {s["kind"]: first["text"][s["start"]:s["end"]] for s in first["spans"]}
        assert kinds == {"source": "鲁比奥", "target": "乌梅罗夫", "trigger": "会谈", "time": "30日"}
        assert db.event("a2#a2-e0")["id"] == eid
        assert db.event("ev-missing") is None


def test_query_articles_and_article(db_file):
    with jishi.open(str(db_file)) as db:
        assert db.articles(text="基辅")["id"].tolist() == ["a5", "a6"]
        art = db.article("a6")
        assert len(art["events"]) == 2 and art["source"] == "央视新闻"
        assert db.article("nope") is None


def test_query_open_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no jishi database"):
        jishi.open(str(tmp_path / "none.duckdb"))
