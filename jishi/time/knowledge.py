"""The time stage's knowledge: word lists (lexicon.yaml) and holidays (holidays.tsv, lunar_holidays.tsv).

Loaded once per process by :func:`load_knowledge`; malformed files raise :class:`KnowledgeError`.
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from jishi import yamlfile
from jishi.errors import KnowledgeError

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "time"


@dataclass(frozen=True)
class Holiday:
    name: str
    rule: str
    span: int = 1


@dataclass(frozen=True)
class TimeKnowledge:
    """Everything the extractor and resolver read from data files."""

    relative_days: dict[str, int]
    anaphoric_days: dict[str, int]
    relative_years: dict[str, int]
    anaphoric_years: dict[str, int]
    relative_months: dict[str, int]
    anaphoric_months: dict[str, int]
    vague: dict[str, tuple[int, int]]
    future_cues: tuple[str, ...]
    not_time: tuple[str, ...]
    guards: dict[str, dict[str, str]]
    holidays: dict[str, Holiday]
    lunar: dict[tuple[str, int], dt.date] = field(default_factory=dict)
    speech_verbs: tuple[str, ...] = ()
    day_parts: dict[str, str] = field(default_factory=dict)  # part-of-day suffix -> characters it may not precede
    postpositions: dict[str, str] = field(default_factory=dict)  # 内/以内/前 -> characters it may not precede

    def holiday_date(self, name: str, year: int) -> dt.date | None:
        """Date of holiday ``name`` in Gregorian ``year``.

        Args:
            name: a key of ``holidays``.
            year: the Gregorian year.

        Returns:
            The date, or None when the rule cannot date that year (lunar table out of range).
        """
        holiday = self.holidays[name]
        kind, _, arg = holiday.rule.partition(" ")
        if kind == "fixed":
            month, day = (int(x) for x in arg.split("-"))
            return dt.date(year, month, day)
        if kind == "nth_weekday":
            month, nth, weekday = (int(x) for x in arg.split())
            first = dt.date(year, month, 1)
            shift = (weekday - 1 - first.weekday()) % 7
            return first + dt.timedelta(days=shift + 7 * (nth - 1))
        if kind == "last_weekday":
            month, weekday = (int(x) for x in arg.split())
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            last = nxt - dt.timedelta(days=1)
            return last - dt.timedelta(days=(last.weekday() - (weekday - 1)) % 7)
        if kind == "easter":
            return _easter(year)
        if kind == "lunar":
            return self.lunar.get((arg, year))
        raise KnowledgeError(f"holiday {name}: unknown rule {holiday.rule!r}", path=str(DATA_DIR))


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741
    m = (a + 11 * h + 22 * l) // 451
    month = (h + l - 7 * m + 114) // 31
    day = (h + l - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def _read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a '#'-commented TSV with a header line."""
    try:
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    except OSError as exc:
        raise KnowledgeError(f"cannot read {path.name}: {exc}", path=str(path)) from exc
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise KnowledgeError(f"{path.name}: row {number} has {len(cells)} cells, want {len(header)}",
                                 path=str(path))
        rows.append(dict(zip(header, cells)))
    return rows


def _mapping(data: dict[str, Any], key: str) -> dict[str, Any]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise KnowledgeError(f"lexicon.yaml: {key} must be a mapping", path=str(DATA_DIR / "lexicon.yaml"))
    return value


@lru_cache(maxsize=4)
def load_knowledge(data_dir: Path = DATA_DIR) -> TimeKnowledge:
    """Load the time lexicon and holiday tables (cached per process).

    Args:
        data_dir: folder holding lexicon.yaml, holidays.tsv and lunar_holidays.tsv.

    Returns:
        The frozen :class:`TimeKnowledge`.
    """
    path = data_dir / "lexicon.yaml"
    try:
        data = yamlfile.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read lexicon.yaml: {exc}", path=str(path)) from exc
    holidays = {}
    for row in _read_tsv(data_dir / "holidays.tsv"):
        holidays[row["name"]] = Holiday(row["name"], row["rule"], int(row["span"]))
    lunar = {(row["name"], int(row["year"])): dt.date.fromisoformat(row["date"])
             for row in _read_tsv(data_dir / "lunar_holidays.tsv")}
    vague = {k: (int(v[0]), int(v[1])) for k, v in _mapping(data, "vague").items()}
    knowledge = TimeKnowledge(
        relative_days=dict(_mapping(data, "relative_days")),
        anaphoric_days=dict(_mapping(data, "anaphoric_days")),
        relative_years=dict(_mapping(data, "relative_years")),
        anaphoric_years=dict(_mapping(data, "anaphoric_years")),
        relative_months=dict(_mapping(data, "relative_months")),
        anaphoric_months=dict(_mapping(data, "anaphoric_months")),
        vague=vague,
        future_cues=tuple(data.get("future_cues") or ()),
        not_time=tuple(data.get("not_time") or ()),
        guards={k: dict(v) for k, v in _mapping(data, "guards").items()},
        holidays=holidays,
        lunar=lunar,
        speech_verbs=tuple(data.get("speech_verbs") or ()),
        day_parts={str(k): str(v or "") for k, v in _mapping(data, "day_parts").items()},
        postpositions={str(k): str(v or "") for k, v in _mapping(data, "postpositions").items()},
    )
    for holiday in holidays.values():  # fail at load time, not on the first article that names it
        knowledge.holiday_date(holiday.name, 2025)
    log.debug("time knowledge: %d holidays, %d lunar dates", len(holidays), len(lunar))
    return knowledge
