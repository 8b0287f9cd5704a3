"""The plain-text table of `jishi extract --format table`."""
from __future__ import annotations

from jishi.document import Document
from jishi.record import to_record
from jishi.summary import render_table

TEXT = "11月30日，美乌代表团在佛罗里达州举行会谈。鲁比奥表示，会谈“富有成效”。普京27日重申领土要求。"


def _record() -> dict:
    return {
        "id": "demo",
        "title": "美乌举行新一轮会谈",
        "published": "2025-12-02",
        "published_source": "option",
        "source": "示例日报",
        "text": TEXT,
        "captions": ["鲁比奥(左)与乌方代表"],
        "sections": [{"title": "美乌新一轮谈判结束", "start": 0}],
        "actors": [
            {"id": "state:USA", "name": "美国", "kind": "state"},
            {"id": "state:UKR", "name": "乌克兰", "kind": "state"},
            {"id": "person:vladimir-putin", "name": "普京", "kind": "person"},
        ],
        "times": [{"text": "11月30日", "start": 0, "end": 6, "value": "2025-11-30"}, {"text": "27日", "value": None}],
        "events": [
            {"id": "e2", "type": "THREATEN", "source": ["person:vladimir-putin"], "target": [], "date": None,
             "status": "claimed", "evidence": [{"start": 39, "end": len(TEXT)}], "confidence": 0.4},
            {"id": "e1", "type": "CONSULT", "mode": "meet", "cameo": "043", "source": ["state:USA"],
             "target": ["state:UKR"], "date": "2025-11-30", "attribution": ["华尔街日报"],
             "evidence": [{"start": 0, "end": 23, "text": TEXT[:23]}], "confidence": 0.8},
        ],
        "quotes": [{"speaker": None, "speaker_text": "鲁比奥", "text": "富有成效", "start": 30, "end": 34}],
        "errors": ["events.v1: ValueError: demo"],
    }


def test_summary_render_full_record() -> None:
    out = render_table(_record())
    lines = out.splitlines()
    assert "美乌举行新一轮会谈   [demo]" in lines
    assert "published: 2025-12-02 (option)   source: 示例日报" in lines
    assert "3 actors · 1 quotes · 2 times · 1 captions · 1 sections" in out
    # events by date: dated first, then undated; actors by name; evidence quoted
    assert out.index("  2025-11-30") < out.index("  undated")
    assert "    CONSULT/meet (043)  美国 → 乌克兰  [conf 0.80]" in lines
    assert "      according to: 华尔街日报" in lines
    assert f"      “{TEXT[:23]}”" in lines
    assert "    THREATEN  普京 → ?  [claimed, conf 0.40]" in lines
    assert f"      “{TEXT[39:]}”" in lines  # evidence text read from the offsets
    assert "  鲁比奥: “富有成效”" in lines
    assert "  11月30日 → 2025-11-30" in lines and "  27日 → ?" in lines
    assert "  - 鲁比奥(左)与乌方代表" in lines and "  - 美乌新一轮谈判结束" in lines
    assert "  ! events.v1: ValueError: demo" in lines


def test_summary_render_empty_and_minimal_records() -> None:
    out = render_table({})
    assert "(untitled)   [?]" in out and "published: unknown date" in out
    assert "EVENTS" not in out and "QUOTES" not in out
    minimal = render_table(to_record(Document(id="x", raw_text="正文。", text="正文。")))
    assert "0 events" in minimal and "3 characters" in minimal


def test_summary_render_tolerates_odd_values() -> None:
    record = {"id": "odd", "events": [{"type": "AID", "source": "state:CHN", "evidence": None}],
              "captions": None, "quotes": [{"text": None}], "times": "not a list"}
    out = render_table(record)
    assert "AID  state:CHN → ?" in out and "  ?: “”" in out
