"""Fixtures for the API tests: a test database built through the store's write function, and the
app in-process through httpx's ASGI transport (no socket)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from asgi_client import ASGIClient
from chronicle_records import build_records, write_test_db


@pytest.fixture(scope="session")
def test_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_test_db(tmp_path_factory.mktemp("api-db") / "chronicle.duckdb")


@pytest.fixture(scope="session")
def records() -> list[dict]:
    return build_records()


@pytest.fixture(scope="session")
def client(test_db: Path) -> Iterator[ASGIClient]:
    from jishi.api.app import create_app

    app = create_app(test_db)
    yield ASGIClient(app)
    app.state.chronicle.close()
