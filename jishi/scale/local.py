"""The local engine: the pipeline in this process, or in a pool of worker processes.

Each worker builds its own `Pipeline` once (so the LAC model is loaded once per worker) and
processes batches of documents; results come back in input order.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
from collections.abc import Iterable, Iterator

from jishi.document import Document
from jishi.pipeline import Pipeline

_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(stages: list[str] | None) -> None:
    global _WORKER_PIPELINE  # one per worker process, by design
    _WORKER_PIPELINE = Pipeline(stages)


def _run_batch(batch: list[Document]) -> list[Document]:
    if _WORKER_PIPELINE is None:
        raise RuntimeError("worker pipeline not initialised")
    return [_slim(doc) for doc in _WORKER_PIPELINE.process_batch(batch)]


def _slim(doc: Document) -> Document:
    """Drop the NLP internals (LAC tokens and raw entity spans) before a document travels back from a
    worker: the record never carries them, and pickling them is most of the parent's work, which
    competes with the workers for the same cores."""
    for sent in doc.sentences:
        sent.tokens = []
    doc.entities = []
    return doc


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(docs)
    while batch := list(itertools.islice(it, size)):
        yield batch


def run_local(
    docs: Iterable[Document],
    *,
    workers: int = 1,
    stages: list[str] | None = None,
    batch_size: int = 8,
    pipeline: Pipeline | None = None,
) -> Iterator[Document]:
    """Process documents with the full pipeline, in order.

    Args:
        docs: documents from `jishi.ingest`.
        workers: worker processes; 1 runs in this process.
        stages: stage names (default: the whole pipeline).
        batch_size: documents per batch sent to a worker.
        pipeline: an already built pipeline to reuse (workers == 1 only).

    Returns:
        An iterator over the processed documents, in input order. With workers > 1 they come back
        without sentence tokens and LAC entity spans (everything the record holds is there).
    """
    if workers <= 1:
        pipe = pipeline or Pipeline(stages)
        yield from pipe.process(docs, batch_size=batch_size)
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(stages,)) as pool:
        for batch in pool.imap(_run_batch, _batches(docs, batch_size)):
            yield from batch
