"""Run JioNLP's own time-parser regression cases through our normaliser (issue 3).

The cases (../shared/data/jionlp_time_cases/jionlp_time_parser_cases.jsonl) are JioNLP's conventions, not a
neutral gold standard. Scope: the cases our normaliser is meant to handle, decided from the case alone,
not from our output:

- the expected type is ``time_point`` or ``time_span`` (durations and periodic sets are not dates);
- the reference time is fully known (``unix_timestamp``, ``list_ymdhms``, ``datetime``) and no parse option
  is set (``ret_future`` and friends change JioNLP's conventions);
- the expected span is whole days: it starts at 00:00:00 and ends at 23:59:59 (clock times are out of scope:
  news events are dated to the day) and neither end is open (``-inf``/``inf``).

A case agrees when our value covers exactly the same first and last day; ``start_agree`` counts the cases
whose first day matches, which is what ``score.py`` checks (``value.split("/")[0]``). The function is
``run_cases``; docs/TIME.md reports the figures and explains each class of disagreement.
"""
from __future__ import annotations

import calendar
import datetime as dt
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jishi.document import Document
from jishi.errors import InputError
from jishi.time.stage import normalize_times

log = logging.getLogger(__name__)

IN_SCOPE_BASES = {"unix_timestamp", "list_ymdhms", "datetime"}
CASES_FILE = Path("data") / "jionlp_time_cases" / "jionlp_time_parser_cases.jsonl"


@dataclass
class CaseReport:
    total: int = 0
    in_scope: int = 0
    recognised: int = 0
    agree: int = 0
    start_agree: int = 0
    disagreements: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "in_scope": self.in_scope, "recognised": self.recognised,
                "agree": self.agree, "start_agree": self.start_agree, "disagreements": self.disagreements}


def _base_date(case: dict[str, Any]) -> dt.date | None:
    iso = case.get("time_base_iso_utc+8")
    return dt.date.fromisoformat(iso[:10]) if iso else None


def in_scope(case: dict[str, Any]) -> bool:
    """True when a JioNLP case is one our normaliser is meant to handle (see the module docstring).

    Args:
        case: one record of jionlp_time_parser_cases.jsonl.

    Returns:
        Whether the case is in scope.
    """
    expected = case.get("expected") or {}
    if expected.get("type") not in ("time_point", "time_span") or case.get("parse_options"):
        return False
    if case.get("time_base_kind") not in IN_SCOPE_BASES or _base_date(case) is None:
        return False
    start, end = (expected.get("time") or ["", ""])[:2]
    return (isinstance(start, str) and isinstance(end, str) and start.endswith("00:00:00")
            and end.endswith("23:59:59"))


def value_days(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day covered by an ISO value ("2021-06", "2021", "2021-06-01/2021-06-10").

    Args:
        value: a TimeExpr value; durations return None.

    Returns:
        (first day, last day) or None.
    """
    if not value or value.startswith("P"):
        return None
    first, _, last = value.partition("/")
    last = last or first
    return _edge(first, start=True), _edge(last, start=False)


def _edge(part: str, *, start: bool) -> dt.date:
    pieces = [int(x) for x in part.split("-")]
    year = pieces[0]
    month = pieces[1] if len(pieces) > 1 else (1 if start else 12)
    if len(pieces) > 2:
        return dt.date(year, month, pieces[2])
    return dt.date(year, month, 1 if start else calendar.monthrange(year, month)[1])


def normalise_expression(text: str, base: dt.date) -> str | None:
    """Our value for a stand-alone expression: the longest time expression found in ``text``.

    Args:
        text: the case text.
        base: the reference (publication) date.

    Returns:
        The ISO value, or None when nothing is recognised or it stays unresolved.
    """
    doc = Document(id="jionlp-case", raw_text=text, text=text, published=base.isoformat(),
                   published_source="option")
    normalize_times(doc, use_jionlp=False)  # our rules only: comparing jionlp with itself says nothing
    times = sorted(doc.times, key=lambda t: (t.end - t.start, t.value is not None), reverse=True)
    return times[0].value if times else None


def run_cases(shared_dir: Path) -> CaseReport:
    """Run the in-scope JioNLP parser cases and count agreement.

    Args:
        shared_dir: the ../shared folder (holds data/jionlp_time_cases).

    Returns:
        Counts and the list of disagreements (text, base, expected days, our value).
    """
    path = shared_dir / CASES_FILE
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"cannot read JioNLP cases: {exc}", path=str(path)) from exc
    report = CaseReport()
    for line in lines:
        if not line.strip():
            continue
        case = json.loads(line)
        report.total += 1
        if not in_scope(case):
            continue
        report.in_scope += 1
        base = _base_date(case)
        want = tuple(dt.date.fromisoformat(x[:10]) for x in case["expected"]["time"][:2])
        ours = normalise_expression(case["text"], base)
        got = value_days(ours) if ours else None
        if got is not None:
            report.recognised += 1
        if got == want:
            report.agree += 1
        if got is not None and got[0] == want[0]:
            report.start_agree += 1
        if got != want:
            report.disagreements.append({"text": case["text"], "base": base.isoformat(),
                                         "expected": [d.isoformat() for d in want], "ours": ours,
                                         "line": case.get("source_line")})
    log.info("jionlp cases: %d in scope of %d, %d agree", report.in_scope, report.total, report.agree)
    return report
