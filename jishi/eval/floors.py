"""Pinned floors and the gate of ``jishi eval all --gate``.

A floor is the lowest acceptable value of one measured figure (jishi/data/eval/floors.yaml). Floors rise
as the system improves and are never lowered silently: the file keeps each floor's history, and
:func:`history_violations` reports any entry lower than an earlier one unless it carries
``lowered_because:``. The gate (:func:`gate`) compares measured figures with the floors.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jishi.errors import KnowledgeError

log = logging.getLogger(__name__)

FLOORS_FILE = Path(__file__).resolve().parents[1] / "data" / "eval" / "floors.yaml"


@dataclass
class Floor:
    """One pinned floor: the figure it bounds, its value and date, and every value it has had."""

    name: str
    metric: str
    value: float
    date: str
    history: list[dict[str, Any]] = field(default_factory=list)
    full_run_only: bool = False
    inputs: dict[str, str] = field(default_factory=dict)  # path under the shared folder -> sha256


@dataclass
class Check:
    """The gate's verdict on one floor: ``pass``, ``fail`` or ``skipped`` (with why)."""

    name: str
    floor: float
    measured: float | None
    status: str
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "floor": self.floor, "measured": self.measured, "status": self.status,
                "reason": self.reason}


def _day(value: Any, where: str) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise KnowledgeError(f"{where}: date {value!r} is not YYYY-MM-DD", path=str(FLOORS_FILE)) from exc


def load_floors(path: Path = FLOORS_FILE) -> dict[str, Floor]:
    """Read the floors file.

    Args:
        path: a YAML file ``floors: {name: {metric, value, date, history: [{value, date, ...}]}}``.

    Returns:
        The floors by name.

    Raises:
        KnowledgeError: the file is missing or malformed.
    """
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError) as exc:  # PyYAML raises ValueError on 2026-13-01
        raise KnowledgeError(f"cannot read floors: {exc}", path=str(path)) from exc
    if not isinstance(data, dict) or not isinstance(data.get("floors"), dict):
        raise KnowledgeError("floors file must hold a mapping `floors:`", path=str(path))
    out = {}
    for name, spec in data["floors"].items():
        if not isinstance(spec, dict) or not {"metric", "value", "date", "history"} <= set(spec):
            raise KnowledgeError(f"floor {name!r} needs metric, value, date and history", path=str(path))
        history = spec["history"]
        if not isinstance(history, list) or not history:
            raise KnowledgeError(f"floor {name!r}: history must list at least the current value", path=str(path))
        entries = []
        for k, entry in enumerate(history):
            if not isinstance(entry, dict) or "value" not in entry or "date" not in entry:
                raise KnowledgeError(f"floor {name!r}: history entry {k} needs value and date", path=str(path))
            entries.append({**entry, "value": float(entry["value"]),
                            "date": _day(entry["date"], f"floor {name!r} history {k}")})
        out[name] = Floor(name=name, metric=str(spec["metric"]), value=float(spec["value"]),
                          date=_day(spec["date"], f"floor {name!r}"), history=entries,
                          full_run_only=bool(spec.get("full_run_only", False)),
                          inputs={str(k): str(v) for k, v in (spec.get("inputs") or {}).items()})
    return out


def sha256_file(path: Path) -> str:
    """The hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def changed_inputs(floor: Floor, shared: Path | None) -> list[str]:
    """The pinned inputs of a floor whose content differs from what the floor was measured on.

    A floor compares like with like only while its reference and corpus are unchanged; when one changes,
    the floor must be re-pinned (new sha256, and a history entry if the value moves).

    Args:
        floor: the floor.
        shared: the shared folder (None: nothing to compare; the suites skip anyway).

    Returns:
        Messages naming each changed file (absent files are not reported: their suite is skipped).
    """
    if shared is None:
        return []
    out = []
    for rel, want in floor.inputs.items():
        path = shared / rel
        if path.is_file() and sha256_file(path) != want:
            out.append(f"{rel} changed since the floor was pinned (sha256 {want[:12]}…)")
    return out


def history_violations(floors: dict[str, Floor]) -> list[str]:
    """Floors lowered silently, or whose current value is not their last history entry.

    The history lists every value a floor has had, oldest first, the last one being the current value and
    date. An entry lower than any earlier value must carry ``lowered_because:``; such an entry starts a new
    baseline (later entries are compared with it and what follows it). Dates never go back.

    Args:
        floors: from :func:`load_floors`.

    Returns:
        One message per violation (empty when the history is sound).
    """
    problems = []
    for floor in floors.values():
        last = floor.history[-1]
        if last["value"] != floor.value or last["date"] != floor.date:
            problems.append(f"{floor.name}: value {floor.value} ({floor.date}) is not the last history entry "
                            f"{last['value']} ({last['date']}); add the change to the history")
        baseline: list[float] = []
        previous_date = ""
        for entry in floor.history:
            if entry["date"] < previous_date:
                problems.append(f"{floor.name}: history dates go back ({entry['date']} after {previous_date})")
            previous_date = entry["date"]
            if entry.get("lowered_because"):
                baseline = [entry["value"]]
                continue
            if baseline and entry["value"] < max(baseline):
                problems.append(f"{floor.name}: lowered to {entry['value']} on {entry['date']} below "
                                f"{max(baseline)} without a lowered_because: note")
            baseline.append(entry["value"])
    return problems


def gate(measured: dict[str, float | None], floors: dict[str, Floor], *, full_run: bool = True,
         changed: dict[str, list[str]] | None = None) -> list[Check]:
    """Compare measured figures with their floors.

    Args:
        measured: metric name -> value (None or absent: not measured in this run, e.g. data absent).
        floors: the pinned floors.
        full_run: False when corpora were cut by ``--limit``; floors marked ``full_run_only`` are then not
            checked (a subset's figure says nothing about the corpus' one).
        changed: floor name -> its changed inputs (:func:`changed_inputs`); such a floor fails until re-pinned.

    Returns:
        One check per floor, in the file's order.
    """
    checks = []
    for floor in floors.values():
        value = measured.get(floor.metric)
        moved = (changed or {}).get(floor.name)
        if value is not None and moved:
            checks.append(Check(floor.name, floor.value, value, "fail", "; ".join(moved) + ": re-pin the floor"))
        elif value is None:
            checks.append(Check(floor.name, floor.value, None, "skipped", f"{floor.metric} not measured"))
        elif floor.full_run_only and not full_run:
            checks.append(Check(floor.name, floor.value, value, "skipped", "measured on a --limit subset"))
        elif value < floor.value:
            checks.append(Check(floor.name, floor.value, value, "fail", f"{floor.metric} {value} < {floor.value}"))
        else:
            checks.append(Check(floor.name, floor.value, value, "pass"))
    return checks


def gate_failed(checks: list[Check]) -> bool:
    """Whether any check failed."""
    return any(c.status == "fail" for c in checks)
