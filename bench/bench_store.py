"""Store benchmark: ingest of the xwlb corpus (articles/s, storage vs extraction time) and query latency.

Runs the real pipeline over ../shared/data/xwlb_cctv_news/articles.jsonl (989 items) into a
temporary DuckDB file through ``jishi.store.ingest_documents`` (the code behind ``jishi ingest``),
timing extraction (waiting on the pipeline) and storage (the write transactions, dedup included)
separately. Then it opens the database read-only and times filtered ``events`` calls.

Targets: storage <= 15 % of extraction time; a filtered events call < 100 ms (median). It also
scores dedup against the labelled pairs of tests/store/dedup_pairs.tsv (false and missed merges;
only meaningful over the whole corpus, since the pairs name items from all of it).

Usage::

    .venv/bin/python bench/bench_store.py [--limit N] [--workers 1] [--db PATH]
"""
from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("JISHI_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "xwlb_cctv_news" / "articles.jsonl"
STORAGE_TARGET = 0.15
LATENCY_TARGET_MS = 100.0
PAIRS = ROOT / "tests" / "store" / "dedup_pairs.tsv"
QUERIES: tuple[dict[str, Any], ...] = (
    {"country": "RUS", "since": "2024-06-01"},
    {"type": "CONSULT", "since": "2025-01-01", "until": "2025-06-30"},
    {"actor": "习近平", "limit": 50},
    {"text": "会谈", "country": "CHN"},
    {"country": "USA", "type": "SANCTION,ACCUSE,REJECT"},
)


def _documents(corpus: Path, limit: int | None) -> list:
    from jishi.document import Document
    from jishi.ingest import iter_documents

    docs = [d for d in iter_documents([str(corpus)]) if isinstance(d, Document)]
    return docs[:limit] if limit else docs


def _latency(db_path: Path, *, repeats: int = 15) -> dict[str, Any]:
    import jishi

    out: dict[str, Any] = {}
    worst = 0.0
    with jishi.open(str(db_path)) as db:
        for q in QUERIES:
            db.events(**q)  # warm-up
            times = []
            for _ in range(repeats):
                t0 = time.perf_counter()
                df = db.events(**q)
                times.append((time.perf_counter() - t0) * 1000)
            key = "&".join(f"{k}={v}" for k, v in q.items())
            med = statistics.median(times)
            worst = max(worst, med)
            out[key] = {"median_ms": round(med, 2), "max_ms": round(max(times), 2), "rows": len(df)}
    return {"queries": out, "worst_median_ms": round(worst, 2), "target_ms": LATENCY_TARGET_MS,
            "ok": worst < LATENCY_TARGET_MS}


def run(limit: int | None = None, *, corpus: Path = CORPUS, workers: int = 1, db: Path | None = None,
        batch_size: int = 256) -> dict:
    """Ingest the xwlb corpus into a fresh database and time it, then time filtered queries.

    Args:
        limit: only the first N items (None: all 989).
        corpus: the JSON Lines corpus.
        workers: pipeline worker processes.
        db: database file to write (default: a temporary file, removed afterwards).
        batch_size: articles per write transaction (the CLI default is 256).

    Returns:
        A dict of figures: articles, articles_per_s, seconds (extract, store, total), storage_share and
        storage_ok, dedup counts, query latency per filter and latency_ok, and dedup_pairs (false and
        missed merges on the labelled pairs).
    """
    from jishi.store import ingest_documents, open_db

    if not corpus.exists():
        return {"skipped": f"corpus not found: {corpus}"}
    tmp = None
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench-store-")
        db = Path(tmp.name) / "bench.duckdb"
    try:
        docs = _documents(corpus, limit)
        with open_db(db, read_only=False) as store:
            report = ingest_documents(store, docs, workers=workers, batch_size=batch_size)
            stats = store.stats()
        share = report.seconds_store / report.seconds_extract if report.seconds_extract else None
        result = {
            "corpus": str(corpus), "articles": report.stored, "workers": workers, "batch_size": batch_size,
            "articles_per_s": round(report.stored / report.seconds_total, 2) if report.seconds_total else None,
            "seconds_total": round(report.seconds_total, 2), "seconds_extract": round(report.seconds_extract, 2),
            "seconds_store": round(report.seconds_store, 2),
            "store_ms_per_article": round(1000 * report.seconds_store / max(report.stored, 1), 2),
            "storage_share": round(share, 4) if share is not None else None,
            "storage_target": STORAGE_TARGET, "storage_ok": share is not None and share <= STORAGE_TARGET,
            "article_events": stats["article_events"], "events": stats["events"],
            "multi_article_events": stats["multi_article_events"], "merge_links": stats["merge_links"],
            "articles_with_errors": stats["articles_with_errors"],
        }
        result["latency"] = _latency(db)
        result["latency_ok"] = result["latency"]["ok"]
        if PAIRS.exists():
            from jishi.store.evaluate import load_pairs, score_pairs

            with open_db(db) as store:
                scores = score_pairs(store, load_pairs(PAIRS))
            scores["errors"] = [f"{e['kind']}: {e['item_a']}/{e['item_b']} {e['note']}" for e in scores["errors"]]
            result["dedup_pairs"] = scores
        return result
    finally:
        if tmp is not None:
            tmp.cleanup()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N items only")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=256)
    parser.add_argument("--db", type=Path, default=None, help="keep the database at this path")
    args = parser.parse_args(argv)
    # some pipeline dependencies print banners on import: keep stdout for the JSON figures
    with contextlib.redirect_stdout(sys.stderr):
        result = run(args.limit, workers=args.workers, db=args.db, batch_size=args.batch_size)
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0 if result.get("skipped") or (result["storage_ok"] and result["latency_ok"]) else 1


if __name__ == "__main__":
    sys.exit(main())
