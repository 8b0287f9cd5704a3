"""The local engine: the pipeline in this process, or in a pool of worker processes.

Each worker builds its own `Pipeline` once (so the LAC model is loaded once per worker) and
processes batches of documents; results come back in input order.
"""
from __future__ import annotations

import itertools
import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult

from jishi.document import Document
from jishi.pipeline import (DEFAULT_BATCH_CHARS, DEFAULT_BATCH_DOCS, TAPER_PER_WORKER, Pipeline, batched,
                            doc_chars)

IN_FLIGHT_PER_WORKER = 2  # batches queued or running per worker: enough to keep it busy, and bounded memory
_WORKER_PIPELINE: Pipeline | None = None
_WORKER_ERROR: Exception | None = None


def _init_worker(stages: list[str] | None) -> None:
    """Build the worker's pipeline. A failure is kept and raised by the first batch: an initializer
    that raises makes ``multiprocessing.Pool`` start a new worker, which fails the same way, forever."""
    global _WORKER_PIPELINE, _WORKER_ERROR  # one per worker process, by design
    try:
        _WORKER_PIPELINE = Pipeline(stages)
    except Exception as exc:  # noqa: BLE001  re-raised in the parent by _run_batch
        _WORKER_ERROR = exc


def _run_batch(batch: list[Document]) -> list[Document]:
    if _WORKER_ERROR is not None:
        raise _WORKER_ERROR
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


def tapered(batches: Iterable[list[Document]], tail: int, *, lead: int = 0) -> Iterator[list[Document]]:
    """The batches, in order, with the last ``tail`` of them cut in two halves of about equal text.

    A pool hands batches to whichever worker is free, so the workers run out of work at most one batch
    apart; with the last batches halved, at most half a batch. The end of a stream is known only once it
    is reached, so ``tail`` batches are held back until then (``tail`` more batches in memory). The first
    ``lead`` batches are passed on at once, so that the workers start on them while the parent reads
    ahead (a folder of HTML pages is read at tens of pages a second).

    Args:
        batches: batches from :func:`jishi.pipeline.batched`.
        tail: batches to halve at the end of the input (0: none).
        lead: batches never held back, at the start.

    Returns:
        An iterator over the batches, with the same documents in the same order.
    """
    batches = iter(batches)
    yield from itertools.islice(batches, lead)
    held: deque[list[Document]] = deque()
    for batch in batches:
        held.append(batch)
        if len(held) > tail:
            yield held.popleft()
    for batch in held:
        if len(batch) == 1:
            yield batch
            continue
        cut = _halfway(batch)
        yield batch[:cut]
        yield batch[cut:]


def _halfway(batch: list[Document]) -> int:
    """Where to cut a batch of 2+ documents into halves of about equal text: before the first document
    whose middle lies past half of the batch's characters (never before the first or after the last)."""
    sizes = [doc_chars(d) for d in batch]
    half, front = sum(sizes) / 2, 0
    for cut, size in enumerate(sizes[:-1], start=1):
        front += size
        if front + sizes[cut] / 2 > half:
            return cut
    return len(sizes) - 1


def run_local(
    docs: Iterable[Document],
    *,
    workers: int = 1,
    stages: list[str] | None = None,
    batch_size: int = DEFAULT_BATCH_DOCS,
    batch_chars: int = DEFAULT_BATCH_CHARS,
    pipeline: Pipeline | None = None,
) -> Iterator[Document]:
    """Process documents with the full pipeline, in order.

    Args:
        docs: documents from `jishi.ingest`.
        workers: worker processes; 1 runs in this process.
        stages: stage names (default: the whole pipeline).
        batch_size: most documents in a batch (one stage call; one task sent to a worker).
        batch_chars: a batch closes once it holds this many characters of raw text.
        pipeline: an already built pipeline to reuse (workers == 1 only).

    Returns:
        An iterator over the processed documents, in input order. With workers > 1 they come back
        without sentence tokens and LAC entity spans (everything the record holds is there).
    """
    if workers <= 1:
        pipe = pipeline or Pipeline(stages)
        yield from pipe.process(docs, batch_size=batch_size, batch_chars=batch_chars)
        return
    ctx = mp.get_context("spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(stages,)) as pool:
        # At most two batches per worker are in flight (Pool.imap would read the whole input ahead into
        # its task queue); results come back in input order. The last batches are halved (tapered), so
        # that the workers finish together.
        pending: deque[AsyncResult] = deque()
        batches = batched(docs, max_docs=batch_size, max_chars=batch_chars)
        for batch in tapered(batches, TAPER_PER_WORKER * workers, lead=IN_FLIGHT_PER_WORKER * workers):
            pending.append(pool.apply_async(_run_batch, (batch,)))
            if len(pending) >= IN_FLIGHT_PER_WORKER * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
