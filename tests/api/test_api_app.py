"""The REST API in-process over a test database written by the store (tests/api/chronicle_records.py)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from asgi_client import ASGIClient
from chronicle_records import XSS_IMG, XSS_SCRIPT, XSS_URL

import jishi.api.app as app_module
from jishi.api.app import create_app
from jishi.api.data import Chronicle
from jishi.errors import StoreError
from jishi.web import STATIC_DIR


def _ok(resp) -> dict:
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["ok"] is True
    return body


def _event_id(client, **filters) -> str:
    events = _ok(client.get("/api/events", params=filters))["events"]
    assert len(events) == 1, events
    return events[0]["id"]


# -- events -----------------------------------------------------------------------------------

def test_api_events_newest_first_with_total(client):
    body = _ok(client.get("/api/events"))
    assert body["total"] == 6  # 7 article events, the two reports of the Miami talks merged into one
    dates = [e["date"] for e in body["events"]]
    assert dates == sorted(dates, reverse=True)
    first = body["events"][0]
    assert first["type"] == "CONSULT" and first["date"] == "2025-12-02"
    assert [a["name"] for a in first["source"]] == ["威特科夫"]
    assert [a["name_en"] for a in first["target"]] == ["Vladimir Putin"]
    assert first["location"] == {"name": "莫斯科", "country": "RUS", "lat": 55.7558, "lon": 37.6173}


def test_api_events_paginate_without_overlap(client):
    pages = [_ok(client.get("/api/events", params={"limit": 2, "offset": off})) for off in (0, 2, 4, 6)]
    assert all(p["total"] == 6 for p in pages)
    ids = [e["id"] for p in pages for e in p["events"]]
    assert [len(p["events"]) for p in pages] == [2, 2, 2, 0]
    assert len(set(ids)) == 6


@pytest.mark.parametrize("actor", ["普京", "person:vladimir-putin", "vladimir putin"])
def test_api_events_filter_by_actor_name_or_id(client, actor):
    body = _ok(client.get("/api/events", params={"actor": actor}))
    assert sorted(e["type"] for e in body["events"]) == ["CONSULT", "THREATEN"]


@pytest.mark.parametrize(("params", "types"), [
    ({"country": "RUS"}, ["ACCUSE", "ASSAULT", "CONSULT", "REJECT", "THREATEN"]),
    ({"country": "rus", "type": "assault"}, ["ASSAULT"]),
    ({"type": "CONSULT"}, ["CONSULT", "CONSULT"]),
    ({"since": "2025-11-30"}, ["CONSULT", "CONSULT", "REJECT"]),
    ({"until": "2025-11-27"}, ["ACCUSE", "THREATEN"]),
    ({"since": "2025-11-29", "until": "2025-11-29"}, ["ASSAULT"]),
    ({"text": "迈阿密"}, ["CONSULT"]),
    ({"text": "举行新一轮会谈"}, ["CONSULT"]),  # in the second report's evidence only
    ({"actor": "乌克兰", "type": "REJECT"}, []),  # Ukraine is not a party of Zelensky's refusal
    ({"actor": "泽连斯基", "type": "REJECT"}, ["REJECT"]),
])
def test_api_events_filters(client, params, types):
    body = _ok(client.get("/api/events", params=params))
    assert sorted(e["type"] for e in body["events"]) == types
    assert body["total"] == len(types)


def test_api_event_detail_keeps_every_mention_with_evidence_trigger_and_attribution(client, records):
    event_id = _event_id(client, text="迈阿密")
    event = _ok(client.get(f"/api/events/{event_id}"))["event"]
    assert event["num_articles"] == 2 and event["num_mentions"] == 2
    assert {m["article_id"] for m in event["mentions"]} == {"xinhua-miami-talks", "cctv-miami-followup"}
    assert event["attribution"] == ["美联社"]
    assert event["merge_reasons"] and "CONSULT" in event["merge_reasons"][0]
    texts = {rec["id"]: rec["text"] for rec in records}
    for m in event["mentions"]:
        text = texts[m["article_id"]]
        assert text[m["start"]:m["end"]] == m["text"]
        assert text[m["trigger"]["start"]:m["trigger"]["end"]] == m["trigger"]["text"]
        assert m["start"] <= m["trigger"]["start"] < m["trigger"]["end"] <= m["end"]
        assert m["url"].startswith("https://")
    followup = next(m for m in event["mentions"] if m["article_id"] == "cctv-miami-followup")
    assert followup["attribution"] == ["美联社"] and followup["source"] == "央视新闻"
    assert len(event["members"]) == 2


def test_api_event_mentions_carry_highlight_spans(client, records):
    event_id = _event_id(client, actor="威特科夫")
    event = _ok(client.get(f"/api/events/{event_id}"))["event"]
    (mention,) = event["mentions"]
    text = next(rec["text"] for rec in records if rec["id"] == mention["article_id"])
    marked = {(h["kind"], text[h["start"]:h["end"]]) for h in mention["highlights"]}
    assert {("source", "威特科夫"), ("target", "普京"), ("trigger", "会面"), ("time", "12月2日")} <= marked
    assert all(mention["start"] <= h["start"] < h["end"] <= mention["end"] for h in mention["highlights"])
    # an article event uid finds its cluster too
    assert _ok(client.get(f"/api/events/{mention['article_id']}%23e1"))["event"]["id"] == event_id


def test_api_unknown_event_answers_404_envelope(client):
    resp = client.get("/api/events/ev-nope")
    assert resp.status_code == 404
    assert resp.json() == {"ok": False, "error": "event 'ev-nope' not found", "errors": [], "status": 404}


# -- actors -----------------------------------------------------------------------------------

def test_api_actors_most_active_first_and_searchable(client):
    body = _ok(client.get("/api/actors"))
    assert body["total"] == 9
    counts = [a["num_events"] for a in body["actors"]]
    assert counts == sorted(counts, reverse=True)
    found = _ok(client.get("/api/actors", params={"q": "putin"}))["actors"]
    assert [a["id"] for a in found] == ["person:vladimir-putin"]
    states = _ok(client.get("/api/actors", params={"kind": "state"}))["actors"]
    assert {a["id"] for a in states} == {"state:USA", "state:UKR", "state:RUS"}


def test_api_actor_timeline_oldest_first_with_roles(client):
    body = _ok(client.get("/api/actors/person:vladimir-putin/timeline"))
    assert body["actor"]["name"] == "普京" and body["actor"]["title"] == "总统"
    assert [(e["date"], e["type"], e["role"]) for e in body["events"]] == [
        ("2025-11-27", "THREATEN", "source"), ("2025-12-02", "CONSULT", "target")]
    assert client.get("/api/actors/person:nobody/timeline").status_code == 404


# -- aggregates -------------------------------------------------------------------------------

def test_api_network_counts_edges_with_mean_goldstein(client):
    body = _ok(client.get("/api/network"))
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    assert edges[("state:USA", "state:UKR")]["count"] == 1  # one merged event, not two reports
    assert edges[("state:RUS", "state:UKR")]["mean_goldstein"] == -10.0
    assert edges[("state:RUS", "state:UKR")]["types"] == {"ASSAULT": 1}
    nodes = {n["id"]: n for n in body["nodes"]}
    assert set(nodes) == {a for pair in edges for a in pair}
    assert nodes["state:UKR"]["events"] == 3
    conflict = _ok(client.get("/api/network", params={"type": "ASSAULT"}))
    assert [(e["source"], e["target"]) for e in conflict["edges"]] == [("state:RUS", "state:UKR")]
    dated = _ok(client.get("/api/network", params={"since": "2025-12-01"}))
    assert [(e["source"], e["target"]) for e in dated["edges"]] == [("person:steve-witkoff", "person:vladimir-putin")]


def test_api_days_split_by_quad_class(client):
    days = {d["date"]: d for d in _ok(client.get("/api/days"))["days"]}
    assert days["2025-11-30"] == {"date": "2025-11-30", "total": 2, "by_quad": {"1": 1, "3": 1}}
    assert days["2025-11-29"]["by_quad"] == {"4": 1}
    assert sum(d["total"] for d in days.values()) == 6


def test_api_places_have_coordinates_and_events(client):
    places = {p["name"]: p for p in _ok(client.get("/api/places"))["places"]}
    assert set(places) == {"迈阿密", "莫斯科", "基辅"}
    assert places["基辅"]["quad_class"] == 4 and places["基辅"]["lat"] == pytest.approx(50.45, abs=0.01)
    event = _ok(client.get(f"/api/events/{places['迈阿密']['event_ids'][0]}"))["event"]
    assert event["location"]["name"] == "迈阿密"


def test_api_stats_counts(client):
    stats = _ok(client.get("/api/stats"))["stats"]
    assert (stats["articles"], stats["events"], stats["article_events"], stats["actors"]) == (5, 6, 7, 9)
    assert stats["countries"] == ["RUS", "UKR", "USA"]
    assert (stats["first_date"], stats["last_date"]) == ("2025-11-25", "2025-12-02")


# -- articles ---------------------------------------------------------------------------------

def test_api_article_spans_index_its_text(client):
    article = _ok(client.get("/api/articles/cctv-witkoff-moscow"))["article"]
    text = article["text"]
    spans = article["spans"]
    assert {a["actor_id"] for a in spans["actors"]} >= {"person:steve-witkoff", "person:vladimir-putin"}
    for kind in ("actors", "places", "times", "quotes"):
        assert spans[kind], kind
        for s in spans[kind]:
            assert text[s["start"]:s["end"]] == (s["name"] if kind == "places" else s["text"]), (kind, s)
    assert [t["value"] for t in spans["times"]] == ["2025-12-02", "2025-11-27"]
    for ev in spans["events"]:
        assert ev["start"] <= ev["trigger_start"] < ev["trigger_end"] <= ev["end"]
        assert text[ev["trigger_start"]:ev["trigger_end"]] == ev["trigger_text"]
    assert client.get("/api/articles/missing").status_code == 404


# -- errors and validation --------------------------------------------------------------------

@pytest.mark.parametrize(("params", "bad"), [
    ({"limit": 0}, "limit"),
    ({"limit": 100000}, "limit"),
    ({"limit": "ten"}, "limit"),
    ({"offset": -1}, "offset"),
    ({"since": "2025-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"since": "2025-12-02", "until": "2025-11-01"}, "until"),
    ({"type": "BOMBARD"}, "type"),
    ({"type": "CONSULT'; DROP TABLE events; --"}, "type"),
    ({"country": "R1"}, "country"),
    ({"text": "长" * 201}, "text"),
])
def test_api_invalid_query_answers_422_envelope(client, params, bad):
    resp = client.get("/api/events", params=params)
    assert resp.status_code == 422
    body = resp.json()
    assert body["ok"] is False and body["status"] == 422
    assert bad in body["error"]
    assert any(e["loc"][-1] == bad for e in body["errors"])


def test_api_filter_values_never_reach_sql_as_text(client):
    body = _ok(client.get("/api/events", params={"text": "' OR 1=1 --", "actor": "x') OR TRUE --"}))
    assert body["total"] == 0
    assert _ok(client.get("/api/stats"))["stats"]["events"] == 6


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/api/nothing", 404), ("GET", "/nothing.html", 404), ("POST", "/api/events", 405),
])
def test_api_unknown_routes_answer_envelope(client, method, path, status):
    resp = client.request(method, path)
    assert resp.status_code == status
    body = resp.json()
    assert body["ok"] is False and body["status"] == status and body["error"]


def test_api_crash_answers_500_envelope_with_headers(test_db):
    class Broken(Chronicle):
        def stats(self):
            raise RuntimeError("boom")

    chronicle = Broken(test_db)
    resp = ASGIClient(create_app(chronicle)).get("/api/stats")
    chronicle.close()
    assert resp.status_code == 500
    assert resp.json() == {"ok": False, "error": "internal server error", "errors": [], "status": 500}
    assert resp.headers["x-content-type-options"] == "nosniff"


def test_api_empty_database_answers_empty_lists(tmp_path):
    from jishi.store.db import connect

    connect(tmp_path / "empty.duckdb", read_only=False).close()
    chronicle = Chronicle(tmp_path / "empty.duckdb")
    empty = ASGIClient(create_app(chronicle))
    try:
        assert _ok(empty.get("/api/events", params={"offset": 50}))["total"] == 0
        assert _ok(empty.get("/api/network"))["edges"] == []
        assert _ok(empty.get("/api/days"))["days"] == []
        assert _ok(empty.get("/api/places"))["places"] == []
        stats = _ok(empty.get("/api/stats"))["stats"]
        assert (stats["articles"], stats["events"], stats["countries"]) == (0, 0, [])
        assert empty.get("/").status_code == 200
    finally:
        chronicle.close()


def test_api_missing_database_fails_at_start(tmp_path):
    with pytest.raises(StoreError, match="no jishi database"):
        create_app(tmp_path / "absent.duckdb")


# -- security ---------------------------------------------------------------------------------

@pytest.mark.parametrize("path", ["/", "/api/events", "/api/nothing", "/docs", "/static/app.js", "/openapi.json"])
def test_api_security_headers_on_every_answer(client, path):
    headers = client.get(path).headers
    csp = dict(part.strip().split(" ", 1) for part in headers["content-security-policy"].split(";"))
    assert csp["script-src"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["object-src"] == "'none'"
    assert "unsafe" not in csp["default-src"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"


def test_api_xss_article_comes_back_as_json_strings(client):
    resp = client.get("/api/articles/xss-probe")
    assert resp.headers["content-type"] == "application/json"
    article = resp.json()["article"]
    assert XSS_SCRIPT in article["title"] and XSS_IMG in article["text"] and article["url"] == XSS_URL
    event_id = _event_id(client, type="ACCUSE")
    event = _ok(client.get(f"/api/events/{event_id}"))["event"]
    assert event["source"][0]["name"].endswith(XSS_IMG)
    assert event["mentions"][0]["url"] == XSS_URL  # data, to be shown as text: the page links http(s) only


def test_api_page_and_docs_load_nothing_external_and_no_inline_script(client):
    for path in ("/", "/docs"):
        html = client.get(path).text
        assert not re.search(r"(src|href)=\"(https?:)?//", html), path
        scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, flags=re.S)
        assert scripts, path
        for attrs, body in scripts:
            assert re.search(r'src="/static/', attrs) and not body.strip(), (path, attrs)
        for ref in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
            assert client.get(ref).status_code == 200, ref


def test_api_page_scripts_never_parse_data_as_html():
    for js in ("app.js", "i18n.js", "swagger-init.js"):
        code = (STATIC_DIR / js).read_text(encoding="utf-8")
        sinks = re.findall(r"\.(?:innerHTML|outerHTML)\b|insertAdjacentHTML|document\.write|\beval\(|new Function"
                           r"|\.html\(|DOMParser|createContextualFragment", code)
        assert not sinks, (js, sinks)


def test_api_openapi_documents_every_endpoint(client):
    spec = _ok_json(client.get("/openapi.json"))
    paths = set(spec["paths"])
    assert paths == {"/api/events", "/api/events/{event_id}", "/api/actors", "/api/actors/{actor_id}",
                     "/api/actors/{actor_id}/timeline", "/api/network", "/api/days", "/api/places",
                     "/api/articles/{article_id}", "/api/stats"}
    for path, ops in spec["paths"].items():
        assert ops["get"].get("summary"), path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert params == {"actor", "country", "type", "since", "until", "text", "limit", "offset"}
    for path, ops in spec["paths"].items():  # errors are documented as the envelope, not FastAPI's default
        schema = ops["get"]["responses"]["422"]["content"]["application/json"]["schema"]
        assert schema["$ref"].endswith("/ErrorEnvelope"), path
    assert "HTTPValidationError" not in spec["components"]["schemas"]


def _ok_json(resp) -> dict:
    assert resp.status_code == 200, resp.text
    return resp.json()


def test_api_vendored_assets_carry_licences():
    vendor = Path(STATIC_DIR) / "vendor"
    for asset, licence in [("d3.min.js", "LICENSE-d3.txt"), ("topojson-client.min.js", "LICENSE-topojson-client.txt"),
                           ("countries-110m.json", "LICENSE-world-atlas.txt"),
                           ("swagger-ui-bundle.js", "LICENSE-swagger-ui.txt")]:
        assert (vendor / asset).stat().st_size > 1000 and (vendor / licence).is_file()
    assert app_module.DOCS_HTML.count("/static/vendor/") == 2
