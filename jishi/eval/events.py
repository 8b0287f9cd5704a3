"""`jishi eval events`: article records scored against reference files in the format of the seed's gold.json.

Either the predictions are given (``--pred``, what ``jishi extract`` printed: they are paired with the
references as ../shared/eval/score.py pairs them) or the pipeline runs on the article each reference names:
``"article"`` is looked for beside the reference file, then in the repository's examples/ folder
(``--input`` overrides: a file for a single reference, or a folder to look in first), and the reference's
``"published"`` is the publication date. Scoring is :mod:`jishi.eval.scoring` (the matching rules of
score.py), so the figures are those score.py gives.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jishi.errors import InputError
from jishi.eval.common import ROOT
from jishi.eval.scoring import load_records, pair, score_article, summarise

log = logging.getLogger(__name__)

EXAMPLES = ROOT / "examples"


def load_golds(gold_paths: list[Path]) -> list[tuple[dict[str, Any], Path]]:
    """The reference articles of one or more reference files, each with the file it came from.

    Args:
        gold_paths: JSON (one object or a list) or JSON-lines files.

    Returns:
        (reference, file) pairs in file order.

    Raises:
        InputError: a file cannot be read or holds no reference.
    """
    out = []
    for path in gold_paths:
        try:
            golds = load_records(str(path))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read the reference file: {exc}", path=str(path)) from exc
        if not golds or not all(isinstance(g, dict) and "events" in g for g in golds):
            raise InputError("not a reference file (objects with an \"events\" list, as gold.json)", path=str(path))
        out += [(g, path) for g in golds]
    return out


def resolve_article(gold: dict[str, Any], gold_path: Path, override: Path | None = None,
                    single: bool = True) -> Path:
    """The article file a reference names.

    Args:
        gold: the reference (its ``"article"`` is a file name or a relative path).
        gold_path: the reference file.
        override: ``--input``: the article itself (a file, only for a single reference) or a folder to
            look in first.
        single: whether this is the only reference being scored.

    Returns:
        The existing article path.

    Raises:
        InputError: the article cannot be found.
    """
    if override is not None and override.is_file():
        if not single:
            raise InputError("--input names one file but the references name several articles; "
                             "give a folder", path=str(override))
        return override
    name = gold.get("article")
    if not name:
        raise InputError("the reference names no \"article\"; give --input FILE", path=str(gold_path))
    folders = ([override] if override is not None else []) + [gold_path.resolve().parent, EXAMPLES, Path.cwd()]
    for folder in folders:
        cand = folder / name
        if cand.is_file():
            return cand
    raise InputError(f"article {name!r} not found in {', '.join(str(f) for f in folders)}", path=str(gold_path))


def extract_records(articles: list[tuple[Path, str | None]]) -> list[dict[str, Any]]:
    """Run the whole pipeline on article files and return their records.

    Args:
        articles: (path, publication date or None) pairs.

    Returns:
        One record (CONTRACT.md) per article, in order.

    Raises:
        InputError: an article cannot be read.
    """
    from jishi.ingest import iter_documents
    from jishi.pipeline import Pipeline
    from jishi.record import to_record
    from jishi.scale.local import run_local

    docs = []
    for path, published in articles:
        items = list(iter_documents([str(path)], published=published))
        bad = [x for x in items if isinstance(x, Exception)]
        if bad:
            raise bad[0]
        if len(items) != 1:
            raise InputError(f"expected one article, read {len(items)}", path=str(path))
        docs.append(items[0])
    return [to_record(doc) for doc in run_local(docs, pipeline=Pipeline())]


def run_events(gold_paths: list[Path], *, pred_path: Path | None = None,
               input_path: Path | None = None) -> dict[str, Any]:
    """Score records against reference files.

    Args:
        gold_paths: reference files (format of ../shared/seed/gold.json).
        pred_path: records printed by ``jishi extract`` (json or jsonl); when None the pipeline runs.
        input_path: article file or folder overriding where articles are looked for.

    Returns:
        {"suite": "events", "gold": [files], "mode": "pred"|"pipeline", "articles": [per-article
        report], "summary": {...}} (the report and summary of score.py).

    Raises:
        InputError: a reference, prediction or article cannot be read.
    """
    golds = load_golds(gold_paths)
    if pred_path is not None:
        try:
            preds = load_records(str(pred_path))
        except (OSError, ValueError) as exc:
            raise InputError(f"cannot read the predictions: {exc}", path=str(pred_path)) from exc
        pairs = pair(preds, [g for g, _ in golds])
        mode = "pred"
        inputs = [str(pred_path)]
    else:
        articles = [(resolve_article(g, path, input_path, single=len(golds) == 1), g.get("published"))
                    for g, path in golds]
        pairs = list(zip(extract_records(articles), [g for g, _ in golds]))
        mode = "pipeline"
        inputs = [_show(a) for a, _ in articles]
    reports = [score_article(p, g) for p, g in pairs]
    return {"suite": "events", "gold": [_show(p) for p in gold_paths], "mode": mode, "inputs": inputs,
            "articles": reports, "summary": summarise(reports)}


def _show(path: Path) -> str:
    path = Path(path).resolve()
    for base in (ROOT, ROOT.parent):
        if path.is_relative_to(base):
            return str(path.relative_to(base)) if base == ROOT else f"../{path.relative_to(base)}"
    return str(path)
