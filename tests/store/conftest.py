"""Fixtures for the store tests: hand-built records (store_records.py) in throwaway databases."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from store_records import corpus

from jishi.store import Store, open_db


@pytest.fixture
def records() -> list[dict]:
    return corpus()


@pytest.fixture
def store(records: list[dict]) -> Iterator[Store]:
    db = open_db(":memory:", read_only=False)
    db.write_records(records)
    yield db
    db.close()


@pytest.fixture(scope="session")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database file of corpus(), shared by the read-only tests."""
    path = tmp_path_factory.mktemp("store") / "test.duckdb"
    with open_db(path, read_only=False) as db:
        db.write_records(corpus())
    return path
