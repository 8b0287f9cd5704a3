"""Throughput of the two engines with 1 and 2 workers on the xwlb corpus (issue 8).

Measures, in one run:
  - local engine (jishi.scale.local.run_local, a process pool) with 1 and 2 workers: articles/s and
    chars/s of the whole extraction (documents in, records out);
  - Ray engine (jishi.scale.ray_engine.run_ray, Ray Data actor pool, local `ray.init(num_cpus=N)`)
    with 1 and 2 workers, map stage only (records written as Parquet shards) and end to end (with the
    global dedup/load step into DuckDB);
  - scaling efficiency 1 → 2 workers = (throughput at 2) / (2 × throughput at 1);
  - Ray's overhead against the local engine at 2 workers;
  - peak RSS of a worker;
  - a paper projection of the workers needed for 500 k articles a day.

Usage::

    .venv/bin/python bench/bench_scale.py [--limit N] [--no-ray]
"""
from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("JISHI_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "data" / "xwlb_cctv_news" / "articles.jsonl"
ARTICLES_PER_DAY = 500_000


def _docs(path: Path):
    from jishi.ingest import iter_documents

    return [d for d in iter_documents([str(path)]) if not isinstance(d, Exception)]


def _local(path: Path, workers: int) -> dict:
    from jishi.record import to_record
    from jishi.scale.local import run_local

    docs = _docs(path)
    chars = sum(len(d.raw_text) for d in docs)
    t0 = time.perf_counter()
    n = sum(1 for d in run_local(iter(docs), workers=workers, batch_size=8) if to_record(d))
    secs = time.perf_counter() - t0
    return {"articles": n, "seconds": round(secs, 2), "articles_per_s": round(n / secs, 2),
            "chars_per_s": round(chars / secs)}


def _ray(path: Path, workers: int) -> dict:
    import ray

    from jishi.scale.ray_engine import run_ray

    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            rep = run_ray([str(path)], db=str(Path(tmp) / "ray.duckdb"), workers=workers)
    finally:
        ray.shutdown()
    return {"articles": rep.documents, "seconds_map": round(rep.seconds_map, 2),
            "seconds_total": round(rep.seconds_total, 2),
            "articles_per_s": round(rep.documents / rep.seconds_map, 2),
            "articles_per_s_end_to_end": round(rep.documents / rep.seconds_total, 2),
            "worker_max_rss_mb": rep.worker_max_rss_mb}


def run(limit: int | None = None, *, corpus: Path = CORPUS, with_ray: bool = True) -> dict:
    """Measure both engines; returns the figures as a dict (see the module docstring)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sample.jsonl"
        with corpus.open(encoding="utf-8") as src:
            path.write_text("".join(itertools.islice(src, limit)), encoding="utf-8")
        out: dict = {"corpus": str(corpus), "limit": limit, "cpus": os.cpu_count()}
        _local(path, 1)  # warm the page cache and the geo index cache
        out["local_1"] = _local(path, 1)
        out["local_2"] = _local(path, 2)
        out["local_scaling_efficiency"] = round(
            out["local_2"]["articles_per_s"] / (2 * out["local_1"]["articles_per_s"]), 3)
        out["driver_max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        out["children_max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
        if with_ray:
            try:
                import ray  # noqa: F401
            except ImportError:
                out["ray"] = "not installed (pip install 'jishi[ray]')"
            else:
                out["ray_1"] = _ray(path, 1)
                out["ray_2"] = _ray(path, 2)
                out["ray_scaling_efficiency"] = round(
                    out["ray_2"]["articles_per_s"] / (2 * out["ray_1"]["articles_per_s"]), 3)
                out["ray_overhead_at_2"] = round(
                    out["local_2"]["articles_per_s"] / out["ray_2"]["articles_per_s"] - 1, 3)
        per_worker = out["local_1"]["articles_per_s"]
        per_day = per_worker * 86_400
        out["projection_500k_per_day"] = {
            "articles_per_worker_per_day": round(per_day),
            "workers_needed_at_100pct": round(ARTICLES_PER_DAY / per_day, 2),
            "workers_needed_at_50pct_utilisation": int(-(-ARTICLES_PER_DAY // (per_day * 0.5))),
            "arithmetic": f"{ARTICLES_PER_DAY} / ({per_worker} art/s × 86400 s) = "
                          f"{ARTICLES_PER_DAY / per_day:.2f} workers; ×2 for 50 % utilisation/peaks",
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--no-ray", action="store_true")
    args = ap.parse_args()
    print(json.dumps(run(args.limit, with_ray=not args.no_ray), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
