"""Ingest: documents -> pipeline -> records -> the store, in batches, skipping known content.

An article whose id and content hash are already stored is not even extracted again, so a
re-run after a crash only does the work that is missing, and re-ingesting changes nothing.
"""
from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from jishi.document import Document
from jishi.store.query import Store

log = logging.getLogger(__name__)


@dataclass
class IngestReport:
    """Counts and timings of one ingest run."""

    seen: int = 0
    skipped: int = 0
    added: int = 0
    replaced: int = 0
    events: int = 0
    links: int = 0
    errors: int = 0
    batches: int = 0
    seconds_total: float = 0.0
    seconds_extract: float = 0.0
    seconds_store: float = 0.0
    error_messages: list[str] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.added + self.replaced

    def to_dict(self) -> dict[str, object]:
        out = {k: v for k, v in self.__dict__.items() if k != "error_messages"}
        out["stored"] = self.stored
        out["storage_share"] = round(self.seconds_store / self.seconds_extract, 4) if self.seconds_extract else None
        return out


def content_hash(doc: Document) -> str:
    """sha256 of what an input article says (raw text and metadata), before any processing.

    Args:
        doc: a document as read by jishi.ingest.

    Returns:
        Hex digest; equal inputs give equal hashes in every process.
    """
    payload = json.dumps([doc.id, doc.title, doc.raw_text, doc.published, doc.url, doc.source],
                         ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def available_stages() -> list[str]:
    """The default pipeline's stages, up to the first one that is not installed.

    While parts of the pipeline are missing (e.g. a checkout without the event stage), ingest
    stores what the existing stages extract instead of failing; the stage list is kept on each
    article (articles.pipeline) and articles are extracted again once the pipeline grows.

    Returns:
        Stage names in pipeline order.
    """
    import importlib

    from jishi.pipeline import DEFAULT_STAGES, REGISTRY

    names: list[str] = []
    for name, module in DEFAULT_STAGES:
        if name not in REGISTRY:
            try:
                importlib.import_module(module)
            except ImportError as exc:
                log.warning("stage %s unavailable (%s); ingesting with %s", name, exc, names)
                break
        if name not in REGISTRY:
            log.warning("stage %s is not registered by %s; ingesting with %s", name, module, names)
            break
        names.append(name)
    return names


def ingest_documents(
    store: Store,
    docs: Iterable[Document],
    *,
    workers: int = 1,
    batch_size: int = 256,
    stages: list[str] | None = None,
    force: bool = False,
    retry_errors: bool = False,
    progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Run the pipeline over documents and store their records, one transaction per batch.

    Args:
        store: a store opened with read_only=False.
        docs: input documents (jishi.ingest.iter_documents).
        workers: pipeline worker processes.
        batch_size: articles per write transaction.
        stages: pipeline stage names (default: :func:`available_stages`).
        force: re-extract and rewrite articles even when their content and pipeline are unchanged.
        retry_errors: re-extract unchanged articles whose stored record carries stage errors.
        progress: called with the number of articles finished (stored or skipped) as they finish.

    Returns:
        An :class:`IngestReport`.
    """
    from jishi.record import to_record
    from jishi.scale.local import run_local

    report = IngestReport()
    t_start = time.perf_counter()
    stages = list(stages) if stages is not None else available_stages()
    pipeline_name = ",".join(stages)
    known = {} if force else store.content_hashes(with_errors=not retry_errors, pipeline=pipeline_name)
    hashes: dict[str, str] = {}

    def todo() -> Iterator[Document]:
        for doc in docs:
            report.seen += 1
            h = content_hash(doc)
            if known.get(doc.id) == h:
                report.skipped += 1
                if progress:
                    progress(1)
                continue
            hashes[doc.id] = h
            yield doc

    batch: list[tuple[dict, str]] = []

    def flush() -> None:
        if not batch:
            return
        t0 = time.perf_counter()
        res = store.write_records([r for r, _ in batch], hashes=[h for _, h in batch], pipeline=pipeline_name)
        report.seconds_store += time.perf_counter() - t0
        report.added += res.added
        report.replaced += res.replaced
        report.events += res.article_events
        report.links += res.links
        report.batches += 1
        if progress:
            progress(len(batch))
        batch.clear()

    processed = run_local(todo(), workers=workers, stages=stages)
    while True:
        t0 = time.perf_counter()
        try:
            doc = next(processed)
        except StopIteration:
            report.seconds_extract += time.perf_counter() - t0
            break
        report.seconds_extract += time.perf_counter() - t0
        record = to_record(doc)
        if record.get("errors"):
            report.errors += 1
            report.error_messages.extend(f"{doc.id}: {e}" for e in record["errors"])
        batch.append((record, hashes.get(doc.id) or content_hash(doc)))
        if len(batch) >= batch_size:
            flush()
    flush()
    report.seconds_total = time.perf_counter() - t_start
    log.info("ingest: %d seen, %d skipped, %d added, %d replaced in %.1fs (extract %.1fs, store %.1fs)",
             report.seen, report.skipped, report.added, report.replaced, report.seconds_total,
             report.seconds_extract, report.seconds_store)
    return report
