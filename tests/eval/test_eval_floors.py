"""The floors file and the gate: floors are never lowered silently; a figure below its floor fails."""
from __future__ import annotations

from pathlib import Path

import pytest

from jishi.errors import KnowledgeError
from jishi.eval.floors import (
    FLOORS_FILE,
    Floor,
    changed_inputs,
    gate,
    gate_failed,
    history_violations,
    load_floors,
    sha256_file,
)


def _floor(history: list[dict], name: str = "seed", metric: str = "seed_event_f1", **kw) -> Floor:
    last = history[-1]
    return Floor(name=name, metric=metric, value=last["value"], date=last["date"], history=history, **kw)


def test_floors_file_history_never_lowered_silently() -> None:
    floors = load_floors(FLOORS_FILE)
    assert {"seed_event_f1", "peoples_daily_ner_f1"} <= set(floors)
    assert history_violations(floors) == []
    for floor in floors.values():
        assert 0.0 < floor.value <= 1.0
        # a floor pinned above what was measured when it was set would fail every run
        assert all(e["value"] <= e.get("measured", 1.0) for e in floor.history)


def test_floors_file_has_header() -> None:
    head = FLOORS_FILE.read_text(encoding="utf-8").splitlines()[:8]
    text = "\n".join(head)
    for word in ("Source", "Licence", "Date", "Format"):
        assert word in text


def test_floors_history_lowering_without_note_is_reported() -> None:
    floors = {"seed": _floor([{"value": 0.8, "date": "2026-11-01"}, {"value": 0.85, "date": "2026-11-10"},
                              {"value": 0.82, "date": "2026-11-20"}])}
    problems = history_violations(floors)
    assert len(problems) == 1 and "0.82" in problems[0] and "lowered_because" in problems[0]


def test_floors_history_lowering_with_note_is_accepted_and_rebases() -> None:
    history = [{"value": 0.8, "date": "2026-11-01"}, {"value": 0.85, "date": "2026-11-10"},
               {"value": 0.7, "date": "2026-11-20", "lowered_because": "reference file corrected: 3 events added"},
               {"value": 0.75, "date": "2026-11-25"}]
    assert history_violations({"seed": _floor(history)}) == []
    history.append({"value": 0.72, "date": "2026-11-26"})
    assert len(history_violations({"seed": _floor(history)})) == 1


def test_floors_value_must_be_last_history_entry() -> None:
    floor = _floor([{"value": 0.8, "date": "2026-11-01"}])
    floor.value = 0.6  # changed without a history entry
    problems = history_violations({"seed": floor})
    assert problems and "last history entry" in problems[0]


def test_floors_history_dates_never_go_back() -> None:
    floors = {"seed": _floor([{"value": 0.8, "date": "2026-11-10"}, {"value": 0.9, "date": "2026-11-01"}])}
    assert any("dates go back" in p for p in history_violations(floors))


def test_floors_load_rejects_malformed(tmp_path: Path) -> None:
    bad = tmp_path / "floors.yaml"
    bad.write_text("floors:\n  seed: {metric: seed_event_f1, value: 0.8}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_floors(bad)
    bad.write_text("floors:\n  seed: {metric: m, value: 0.8, date: 2026-13-01, history: "
                   "[{value: 0.8, date: 2026-13-01}]}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_floors(bad)
    bad.write_text("floors:\n  seed: {metric: m, value: 0.8, date: '2026-11-31', history: "
                   "[{value: 0.8, date: '2026-11-31'}]}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="YYYY-MM-DD"):
        load_floors(bad)


def test_gate_fails_when_floor_above_measured() -> None:
    floors = {"seed": _floor([{"value": 0.9, "date": "2026-11-26"}]),
              "pd": _floor([{"value": 0.74, "date": "2026-11-26"}], name="pd", metric="peoples_daily_ner_f1",
                           full_run_only=True)}
    checks = gate({"seed_event_f1": 0.85, "peoples_daily_ner_f1": 0.75}, floors)
    assert [c.status for c in checks] == ["fail", "pass"]
    assert gate_failed(checks)
    assert "0.85 < 0.9" in checks[0].reason


def test_gate_passes_at_or_above_floor() -> None:
    floors = {"seed": _floor([{"value": 0.9, "date": "2026-11-26"}])}
    assert [c.status for c in gate({"seed_event_f1": 0.9}, floors)] == ["pass"]
    assert not gate_failed(gate({"seed_event_f1": 0.95}, floors))


def test_gate_skips_unmeasured_and_subset_figures() -> None:
    floors = {"seed": _floor([{"value": 0.9, "date": "2026-11-26"}]),
              "pd": _floor([{"value": 0.74, "date": "2026-11-26"}], name="pd", metric="peoples_daily_ner_f1",
                           full_run_only=True)}
    checks = gate({"seed_event_f1": None, "peoples_daily_ner_f1": 0.5}, floors, full_run=False)
    assert [c.status for c in checks] == ["skipped", "skipped"]
    assert not gate_failed(checks)
    # the same subset figure on a full run is judged
    assert gate_failed(gate({"peoples_daily_ner_f1": 0.5}, floors, full_run=True))


def test_floors_changed_input_fails_until_repinned(tmp_path: Path) -> None:
    (tmp_path / "seed").mkdir()
    gold = tmp_path / "seed" / "gold.json"
    gold.write_text('{"events": []}', encoding="utf-8")
    floor = _floor([{"value": 0.9, "date": "2026-11-26"}])
    floor.inputs = {"seed/gold.json": sha256_file(gold), "seed/absent.txt": "0" * 64}
    assert changed_inputs(floor, tmp_path) == []  # unchanged; absent files are the suites' business
    gold.write_text('{"events": [{"id": "e1"}]}', encoding="utf-8")
    changed = {"seed": changed_inputs(floor, tmp_path)}
    assert len(changed["seed"]) == 1 and "seed/gold.json" in changed["seed"][0]
    checks = gate({"seed_event_f1": 0.95}, {"seed": floor}, changed=changed)
    assert checks[0].status == "fail" and "re-pin" in checks[0].reason


def test_floors_file_inputs_match_shared(shared_dir: Path) -> None:
    for floor in load_floors(FLOORS_FILE).values():
        assert floor.inputs, f"{floor.name} pins no input"
        assert changed_inputs(floor, shared_dir) == []
