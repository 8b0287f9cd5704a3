"""Folders of reference-annotated articles (`<name>.txt` + `<name>.gold.json`, the seed's format).

The project keeps several such sets under tests/fixtures (dev, dev2, holdout); this module checks a
set's reference files and scores the pipeline on it with the rules of jishi.eval.scoring.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from jishi.eval.scoring import load_records, pair, score_article, summarise

PLOVER_TYPES = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def gold_files(folder: Path) -> list[Path]:
    """The reference annotations of a set, sorted by name."""
    return sorted(Path(folder).glob("*.gold.json"))


def flat_article(folder: Path, gold: dict[str, Any]) -> str:
    """The article text without its captions and line breaks: roughly what a correct cleaner keeps."""
    text = (Path(folder) / gold["article"]).read_text(encoding="utf-8")
    for caption in gold["clean"]["captions"]:
        text = text.replace(caption, "")
    return re.sub(r"\s*\n\s*", "", text)


def check_gold_file(path: Path) -> list[str]:
    """Problems in one reference file: every anchor, time, quote, scare quote and actor must occur in the
    article, types must be PLOVER, countries codes.

    Args:
        path: a `<name>.gold.json` beside its `<name>.txt`.

    Returns:
        Human-readable problems (empty when the file is well-formed).
    """
    folder = path.parent
    gold = json.loads(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    if gold.get("article") != path.name.replace(".gold.json", ".txt"):
        problems.append(f"article {gold.get('article')!r} does not match the file name")
        return problems
    if not re.fullmatch(r"20\d\d-\d\d-\d\d", gold.get("published") or ""):
        problems.append(f"published {gold.get('published')!r} is not YYYY-MM-DD")
    raw = (folder / gold["article"]).read_text(encoding="utf-8")
    flat = flat_article(folder, gold)
    problems += [f"caption {c!r} not in the article" for c in gold["clean"]["captions"] if c not in raw]
    problems += [f"must_contain {s!r} not in the article" for s in gold["clean"]["must_contain"] if s not in flat]
    ids = [e["id"] for e in gold["events"]]
    if len(ids) != len(set(ids)):
        problems.append("duplicate event ids")
    for ev in gold["events"]:
        if not set(ev["types"]) <= PLOVER_TYPES:
            problems.append(f"event {ev['id']}: types {ev['types']} are not all PLOVER")
        if not any(a in flat for a in ev["anchors"]):
            problems.append(f"event {ev['id']}: no anchor occurs in the article")
        for key in ("participants", "source_any", "target_any"):
            if not all(re.fullmatch(r"[A-Z]{2,4}", c) for c in ev.get(key, [])):
                problems.append(f"event {ev['id']}: {key} holds a value that is not a country/region code")
    problems += [f"time {t['text']!r} not in the article" for t in gold["times"] if t["text"] not in flat]
    problems += [f"quote {q['contains']!r} not in the article" for q in gold["quotes"] if q["contains"] not in flat]
    problems += [f"scare quote “{s}” not in the article" for s in gold["scare_quotes"] if f"“{s}”" not in flat]
    problems += [f"actor {a['names']} not in the article" for a in gold["actors"]
                 if not any(n in flat for n in a["names"])]
    return problems


def score_gold_set(folder: Path, *, workers: int = 1) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Run the whole pipeline over a set's articles (each with its reference's publication date) and score.

    Args:
        folder: the set's folder.
        workers: pipeline worker processes.

    Returns:
        (per-article reports, micro-averaged summary) as jishi.eval.scoring gives them.
    """
    from jishi.errors import InputError
    from jishi.ingest import iter_documents
    from jishi.record import to_record
    from jishi.scale.local import run_local

    golds = [g for path in gold_files(folder) for g in load_records(str(path))]
    docs = []
    for gold in golds:
        items = list(iter_documents([str(Path(folder) / gold["article"])], published=gold["published"]))
        errors = [str(i) for i in items if isinstance(i, InputError)]
        if errors or len(items) != 1:
            raise InputError(f"cannot read {gold['article']}: {errors}", path=str(folder))
        docs.append(items[0])
    preds = [to_record(doc) for doc in run_local(docs, workers=workers)]
    reports = [score_article(p, g) for p, g in pair(preds, golds)]
    return reports, summarise(reports)
