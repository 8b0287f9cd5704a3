"""Both engines give identical databases; the local pool gives the same records as one process."""
from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from jishi.ingest import iter_documents
from jishi.record import to_record
from jishi.scale.local import run_local
from jishi.store.db import snapshot

SAMPLE = 24


@pytest.fixture(scope="module")
def xwlb_sample(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample of the xwlb corpus, as two JSONL shards (written outside the repo, at test time)."""
    out = tmp_path_factory.mktemp("shards")
    lines = list(itertools.islice(
        (shared_dir / "data" / "xwlb_cctv_news" / "articles.jsonl").open(encoding="utf-8"), SAMPLE))
    (out / "part-0.jsonl").write_text("".join(lines[: SAMPLE // 2]), encoding="utf-8")
    (out / "part-1.jsonl").write_text("".join(lines[SAMPLE // 2:]), encoding="utf-8")
    return out


def test_scale_local_pool_equals_single_process(xwlb_sample: Path):
    docs = [d for d in iter_documents([str(xwlb_sample)]) if not isinstance(d, Exception)]
    one = [json.dumps(to_record(d), sort_keys=True) for d in run_local(iter(docs), workers=1)]
    docs = [d for d in iter_documents([str(xwlb_sample)]) if not isinstance(d, Exception)]
    two = [json.dumps(to_record(d), sort_keys=True) for d in run_local(iter(docs), workers=2, batch_size=3)]
    assert len(one) == SAMPLE
    assert one == two


@pytest.mark.ray
def test_scale_ray_engine_equals_local_engine(xwlb_sample: Path, tmp_path: Path):
    pytest.importorskip("ray", reason="the Ray engine needs the optional extra: pip install 'jishi[ray]'")
    import duckdb

    from jishi.cli import main

    local_db, ray_db, lake = tmp_path / "local.duckdb", tmp_path / "ray.duckdb", tmp_path / "lake"
    assert main(["ingest", str(xwlb_sample), "--db", str(local_db), "--workers", "2"]) == 0
    assert main(["ingest", str(xwlb_sample), "--db", str(ray_db), "--engine", "ray", "--workers", "2",
                 "--out", str(lake)]) == 0
    with duckdb.connect(str(local_db), read_only=True) as a, duckdb.connect(str(ray_db), read_only=True) as b:
        snap_a, snap_b = snapshot(a), snapshot(b)
    assert len(snap_a["articles"]) == SAMPLE
    assert snap_a["events"], "the sample should yield events"
    assert snap_a == snap_b
    # The lake: record shards from the map stage and one Parquet file per table after dedup.
    import pyarrow.parquet as pq

    assert list((lake / "records").glob("*.parquet"))
    assert pq.read_table(lake / "tables" / "events.parquet").num_rows == len(snap_a["events"])
    # Re-running on Ray changes nothing (idempotent by content hash).
    assert main(["ingest", str(xwlb_sample), "--db", str(ray_db), "--engine", "ray", "--workers", "2"]) == 0
    with duckdb.connect(str(ray_db), read_only=True) as b:
        assert snapshot(b) == snap_b
