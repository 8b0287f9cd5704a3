"""The Ray engine's work units: every input item is read exactly once, as jishi.ingest reads it, whichever
actor reads which unit and in whatever order (no Ray needed: planning and reading are plain Python)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from jishi.document import Document
from jishi.ingest import iter_documents
from jishi.scale.ray_engine import _expand, _plan_units, _runs, _UnitReader

SENTENCES = [
    "新华社北京3月5日电 国务院总理在人民大会堂会见来访的外国客人，双方就双边关系交换了意见。",
    "外交部发言人4日在例行记者会上表示，中方愿同有关各方加强沟通协调。",
    "商务部6日发布公告，决定对原产于某国的进口产品开展反倾销调查。",
    "国家主席7日同来访的总统举行会谈，两国元首一致同意深化全面合作。",
]


def _shard(path: Path, n: int) -> Path:
    """A JSON Lines shard of ``n`` lines: articles, one malformed line and one record without text."""
    lines = []
    for i in range(n):
        if i == 4:
            lines.append('{"id": "bad", "text": ')  # malformed JSON: an error naming line 5
        elif i == 7:
            lines.append(json.dumps({"id": f"{path.stem}-empty", "title": "无正文"}, ensure_ascii=False))
        else:
            lines.append(json.dumps({"title": f"第{i}条", "text": SENTENCES[i % len(SENTENCES)],
                                     "published": "2024-03-05"}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _key(item: Document | Exception) -> str:
    return json.dumps(item.to_dict(), sort_keys=True, ensure_ascii=False) if isinstance(item, Document) else str(item)


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    _shard(folder / "a.jsonl", 11)
    _shard(folder / "b.jsonl", 9)
    (folder / "c.txt").write_text("外交部长会见客人\n\n" + SENTENCES[0], encoding="utf-8")
    (folder / "d.md").write_text("# 商务部公告\n\n" + SENTENCES[2], encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers,size", [(1, 64), (2, 3), (3, 2)])
def test_ray_units_read_every_item_once_as_ingest_does(inputs: Path, workers: int, size: int):
    files, parquet, errors = _expand([str(inputs)])
    units = _plan_units(files, parquet, size=size, workers=workers, errors=[])
    assert not errors and not parquet
    if size < 11:
        assert len(units) >= 4 * workers  # the shards are cut, so that every actor gets work
    # Units go round-robin to the actors, each with its own reader (as in a pool).
    readers = [_UnitReader(fields=None, published=None) for _ in range(workers)]
    got = [item for i, unit in enumerate(units) for seg in unit for item in readers[i % workers].read(seg)]
    want = list(iter_documents(files))
    assert [_key(x) for x in got] == [_key(x) for x in want]
    assert any("line 5" in str(x) for x in got) and sum(isinstance(x, Document) for x in got) == 18


def test_ray_units_reader_rereads_a_shard_for_an_earlier_unit(inputs: Path):
    path = str(inputs / "a.jsonl")
    reader = _UnitReader(fields=None, published="2025-01-02")
    later = reader.read(("file", path, 6, 9))
    earlier = reader.read(("file", path, 0, 3))
    rest = reader.read(("file", path, 9, None))
    want = list(iter_documents([path], published="2025-01-02"))
    assert [_key(x) for x in later + earlier + rest] == [_key(x) for x in want[6:9] + want[:3] + want[9:]]
    assert all(d.published == "2025-01-02" for d in earlier if isinstance(d, Document))


def test_ray_units_runs_are_open_ended_and_taper():
    runs = _runs([("file", "x.jsonl", 5)], size=2, taper=0)
    assert [seg for seg, _, _ in runs] == [("file", "x.jsonl", 0, 2), ("file", "x.jsonl", 2, 4),
                                        ("file", "x.jsonl", 4, None)]
    # an empty or uncountable file is one whole segment (reading it yields its error)
    assert [seg for seg, _, _ in _runs([("file", "y.json", 0)], size=2, taper=0)] == [("file", "y.json", 0, None)]
    # the last `taper` items of the input are cut in half-size runs, across files
    runs = _runs([("file", "a.jsonl", 10), ("file", "b.jsonl", 6)], size=4, taper=8)
    assert [seg for seg, _, _ in runs] == [("file", "a.jsonl", 0, 4), ("file", "a.jsonl", 4, 8),
                                        ("file", "a.jsonl", 8, None),
                                        ("file", "b.jsonl", 0, 2), ("file", "b.jsonl", 2, 4),
                                        ("file", "b.jsonl", 4, None)]
    assert sum(n for _, n, _ in runs) == 16


def test_ray_units_parquet_rows_across_row_groups(tmp_path: Path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    path = tmp_path / "news.parquet"
    rows = [{"id": f"n{i}", "text": SENTENCES[i % len(SENTENCES)], "published": "2024-03-05"} for i in range(10)]
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=4)
    errors: list[str] = []
    units = _plan_units([], [str(path)], size=3, workers=1, errors=errors)
    reader = _UnitReader(fields=None, published=None)
    docs = [d for unit in units for seg in unit for d in reader.read(seg)]
    assert not errors
    assert [d.id for d in docs] == [r["id"] for r in rows]
    assert all(isinstance(d, Document) and d.published == "2024-03-05" for d in docs)
