"""Trigger precision/recall/F1 of the events stage on DuEE 1.0 dev, for the DuEE types that map to PLOVER.

DuEE (Baidu, sentence-level) annotates event triggers with 65 types; those with a PLOVER counterpart
are scored here (``DUEE_TO_PLOVER``). A predicted event counts when its PLOVER type (and mode, where the
map names one) is scored; it is correct when a gold trigger of a mapped type overlaps its trigger span
("strict"), or when the sentence holds a gold event of that type ("sentence" level, which forgives a
different choice of trigger word: 判处 vs 有期徒刑). No actor stage runs: arguments are not scored.

Usage: ``python -m jishi.events.duee_eval [DATA_DIR] [--limit N]`` prints the figures as JSON.
"""
from __future__ import annotations

import argparse
import json
import logging
from collections import Counter
from pathlib import Path
from typing import Any

from jishi.clean.sentences import split_sentences
from jishi.document import Document, Event
from jishi.errors import InputError

log = logging.getLogger(__name__)

# DuEE event type -> (PLOVER type, mode or None for any mode). ASSAULT is scored without its "kill"
# mode: DuEE files killings (杀害, 打死) under 人生-死亡, not 袭击.
DUEE_TO_PLOVER: dict[str, tuple[str, str | None]] = {
    "交往-会见": ("CONSULT", None),
    "灾害/意外-袭击": ("ASSAULT", "-kill"),
    "司法行为-拘捕": ("COERCE", "arrest"),
    "组织行为-游行": ("PROTEST", None),
    "组织行为-罢工": ("PROTEST", None),
    "司法行为-起诉": ("ACCUSE", "lawsuit"),
    "交往-道歉": ("CONCEDE", "apologize"),
    "司法行为-入狱": ("SANCTION", "convict"),
}


def load_duee(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Read DuEE JSON lines.

    Args:
        path: duee_dev.json.
        limit: read at most this many sentences.

    Returns:
        The records (text, event_list).
    """
    if not path.is_file():
        raise InputError(f"DuEE file not found: {path}", path=str(path))
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                out.append(json.loads(line))
                if limit and len(out) >= limit:
                    break
    return out


def _documents(records: list[dict[str, Any]]) -> list[Document]:
    docs = []
    for i, rec in enumerate(records):
        text = rec["text"]
        doc = Document(id=f"duee-{i}", raw_text=text, text=text, analysis_text=text)
        doc.paragraphs = [[0, len(text)]]
        doc.sentences = split_sentences(text, doc.paragraphs)
        docs.append(doc)
    return docs


def _scored(event: Event, keys: set[tuple[str, str | None]]) -> tuple[str, str | None] | None:
    for ptype, mode in keys:
        if event.type != ptype:
            continue
        if mode is None or event.mode == mode or (mode.startswith("-") and event.mode != mode[1:]):
            return ptype, mode
    return None


def evaluate_duee(data_dir: Path, *, limit: int | None = None) -> dict[str, Any]:
    """Run tokens + events.v1 over DuEE dev and score triggers.

    Args:
        data_dir: folder holding duee_dev.json.
        limit: score only the first N sentences.

    Returns:
        {"micro": {...}, "per_type": {...}, "sentences": n, "gold": n} with precision/recall/F1 at the
        strict (trigger overlap) and sentence levels.
    """
    from jishi.events.stage import EventStage
    from jishi.nlp.stage import LacStage

    records = load_duee(data_dir / "duee_dev.json", limit)
    docs = _documents(records)
    LacStage()(docs)
    EventStage()(docs)
    keys = set(DUEE_TO_PLOVER.values())
    c: Counter[str] = Counter()
    for rec, doc in zip(records, docs):
        gold = []
        for ev in rec.get("event_list", []):
            mapped = DUEE_TO_PLOVER.get(ev["event_type"])
            if mapped:
                s = ev["trigger_start_index"]
                gold.append((mapped, s, s + len(ev["trigger"])))
        preds = [(k, e.trigger.start, e.trigger.end) for e in doc.events if e.trigger and (k := _scored(e, keys))]
        for key, s, e in preds:
            name = key[0]
            c[f"pred|{name}"] += 1
            if any(g[0] == key and g[1] < e and s < g[2] for g in gold):
                c[f"tp_strict|{name}"] += 1
            if any(g[0] == key for g in gold):
                c[f"tp_sent_pred|{name}"] += 1
        for key, s, e in gold:
            name = key[0]
            c[f"gold|{name}"] += 1
            if any(p[0] == key and s < p[2] and p[1] < e for p in preds):
                c[f"found_strict|{name}"] += 1
            if any(p[0] == key for p in preds):
                c[f"found_sent|{name}"] += 1
    names = sorted({k.split("|")[1] for k in c})
    per_type = {n: _prf(c, n) for n in names}
    return {"micro": _prf(c, None), "per_type": per_type, "sentences": len(records),
            "gold": sum(v for k, v in c.items() if k.startswith("gold|"))}


def _prf(c: Counter[str], name: str | None) -> dict[str, Any]:
    def total(prefix: str) -> int:
        return sum(v for k, v in c.items() if k.startswith(prefix + "|") and (name is None or k.endswith("|" + name)))

    out: dict[str, Any] = {"pred": total("pred"), "gold": total("gold")}
    for level, tp_p, tp_g in (("strict", "tp_strict", "found_strict"), ("sentence", "tp_sent_pred", "found_sent")):
        p = total(tp_p) / out["pred"] if out["pred"] else 0.0
        r = total(tp_g) / out["gold"] if out["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[level] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data_dir", nargs="?", default=str(Path(__file__).resolve().parents[3] / "shared/data/duee1_dev"))
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    result = evaluate_duee(Path(args.data_dir), limit=args.limit)
    print(json.dumps(result, ensure_ascii=False, indent=1))  # script entry point: prints its report
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
