"""The seed article scored with ../shared/eval/score.py's actor figures."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from jishi.actors.resolver import ActorResolver
from jishi.record import to_record


def _scorer(shared_dir: Path):
    spec = importlib.util.spec_from_file_location("jishi_score", shared_dir / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _figures(shared_dir: Path, doc) -> dict:
    score = _scorer(shared_dir)
    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))
    report = score.score_article(to_record(doc), gold)
    figures = score.summarise([report])
    return {**figures, "non_persons": report["non_persons_as_persons"], "missing": report["actors_missing"]}


def _check(figures: dict) -> None:
    assert figures["actor_recall"] >= 0.95, figures["missing"]
    assert figures["person_precision"] >= 0.95
    assert figures["non_persons"] == []
    assert figures["actor_titles"] >= 0.8


@pytest.mark.shared
def test_seed_actors_with_pipeline(shared_dir, seed_text) -> None:
    from jishi.document import Document
    from jishi.pipeline import Pipeline, error_raise

    doc = Document(id="seed-article", raw_text=seed_text, published="2025-12-02")
    Pipeline(["clean.v1", "nlp.lac.v1", "actors.v1"], on_error=error_raise)([doc])
    _check(_figures(shared_dir, doc))


@pytest.mark.shared
def test_seed_actors_from_text_alone(shared_dir, seed_text, make_doc, bare_resolver: ActorResolver) -> None:
    """Without any persons file, titles and countries come from apposition only."""
    doc = make_doc(seed_text, published="2025-12-02")
    doc.id = "seed-article"
    bare_resolver([doc])
    _check(_figures(shared_dir, doc))
