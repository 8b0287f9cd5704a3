"""`jishi eval all`: every suite whose data is present, the measured figures the floors bound, the gate."""
from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jishi.eval.common import EvalSkipped, require_data, today, versions
from jishi.eval.floors import FLOORS_FILE, changed_inputs, gate, history_violations, load_floors

log = logging.getLogger(__name__)

SUITES = ("events", "ner", "time", "duee", "cec", "speed")
SEED_GOLD = Path("seed") / "gold.json"


def run_suite(name: str, shared: Path | None, *, limit: int | None = None,
              speed_limit: int | None = None) -> dict[str, Any]:
    """Run one suite with its defaults (events: the seed reference in the shared folder).

    Args:
        name: one of :data:`SUITES`.
        shared: the shared folder (None when absent).
        limit: the subset size for corpus suites (None: whole corpora).
        speed_limit: xwlb items for the speed suite (default :data:`jishi.eval.speed.DEFAULT_ARTICLES`,
            or ``limit`` when that is set).

    Returns:
        The suite's result.

    Raises:
        EvalSkipped: the suite's data is absent.
    """
    if name == "events":
        from jishi.eval.events import run_events

        gold = require_data(shared, SEED_GOLD, "events (seed)")
        return run_events([gold])
    if name == "ner":
        from jishi.eval.suites import run_ner

        return run_ner(shared, limit=limit)
    if name == "time":
        from jishi.eval.time_eval import run_time

        return run_time(shared, limit=limit)
    if name == "duee":
        from jishi.eval.suites import run_duee

        return run_duee(shared, limit=limit)
    if name == "cec":
        from jishi.eval.suites import run_cec

        return run_cec(shared, limit=limit)
    if name == "speed":
        from jishi.eval.speed import CORPUS, DEFAULT_ARTICLES, run_speed

        corpus = require_data(shared, CORPUS, "speed")
        n = speed_limit if speed_limit is not None else (limit if limit is not None else DEFAULT_ARTICLES)
        return run_speed(corpus, limit=n)
    raise ValueError(f"unknown suite {name!r}; known: {SUITES}")


def measured_metrics(suites: dict[str, dict[str, Any]]) -> dict[str, float | None]:
    """The figures floors may bound, from suite results (None where the suite was skipped).

    Args:
        suites: suite name -> result.

    Returns:
        {"seed_event_f1", "peoples_daily_ner_f1" (entity layer, ALL), "msra_ner_f1", "duee_trigger_f1"
        (strict), "cec_assault_f1", "time_table_accuracy"}.
    """
    def dig(*keys: str) -> float | None:
        node: Any = suites
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                return None
            node = node[key]
        return node if isinstance(node, (int, float)) else None

    return {
        "seed_event_f1": dig("events", "summary", "event_f1"),
        "peoples_daily_ner_f1": dig("ner", "corpora", "peoples_daily", "layer", "ALL", "f1"),
        "msra_ner_f1": dig("ner", "corpora", "msra", "layer", "ALL", "f1"),
        "duee_trigger_f1": dig("duee", "micro", "strict", "f1"),
        "cec_assault_f1": dig("cec", "detection", "f1"),
        "time_table_accuracy": dig("time", "expressions", "accuracy"),
    }


def run_all(shared: Path | None, *, limit: int | None = None, speed_limit: int | None = None,
            suites: tuple[str, ...] | list[str] = SUITES, floors_path: Path = FLOORS_FILE,
            on_result: Callable[[str, dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Run every suite (skipping those whose data is absent) and check the floors.

    Args:
        shared: the shared folder.
        limit: subset size for corpus suites (None: whole corpora; floors marked full_run_only are then
            not checked).
        speed_limit: xwlb items for the speed suite.
        suites: which suites to run.
        floors_path: the floors file.
        on_result: called with (name, result) as each suite ends (the CLI prints tables with it).

    Returns:
        {"date", "versions", "limit", "suites": {name: result or {"suite", "skipped"}}, "measured",
        "gate": [checks], "floor_history": [violations], "passed": bool}.
    """
    out: dict[str, Any] = {"date": today(), "versions": versions(), "limit": limit, "suites": {}}
    for name in suites:
        try:
            result = run_suite(name, shared, limit=limit, speed_limit=speed_limit)
        except EvalSkipped as exc:
            log.warning("%s", exc)
            result = {"suite": name, "skipped": str(exc)}
        out["suites"][name] = result
        if on_result is not None:
            on_result(name, result)
    floors = load_floors(floors_path)
    out["measured"] = measured_metrics(out["suites"])
    changed = {name: changed_inputs(floor, shared) for name, floor in floors.items()}
    checks = gate(out["measured"], floors, full_run=limit is None, changed=changed)
    out["gate"] = [c.to_dict() for c in checks]
    out["floor_history"] = history_violations(floors)
    out["passed"] = not any(c.status == "fail" for c in checks) and not out["floor_history"]
    return out
