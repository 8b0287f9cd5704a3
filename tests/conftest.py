"""Shared fixtures. Corpora live in ../shared (never copied into the repo); tests that need
them skip with a clear reason where a clone has no ../shared beside it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("JISHI_SHARED", ROOT.parent / "shared"))
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip(f"../shared not found at {SHARED}: evaluation corpora are absent in this clone")
    return SHARED


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (ROOT / "examples" / "seed-article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES
