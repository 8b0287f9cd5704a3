"""Corpus access for the time tests: items of ../shared/data read at run time, never copied into the repo.

Item ids:
- ``xwlb-YYYYMMDD-NN``: a 新闻联播 item of xwlb_cctv_news/articles.jsonl; reference date = ``program_date``;
- ``cec/<folder>/<file stem>``: a CEC document; reference date = its ``ReportTime``; text = the sentences'
  text with the XML's pretty-printing whitespace removed, one line per ``<Paragraph>``.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from jishi.eval.time_eval import CorpusItems, item_document


@lru_cache(maxsize=2)
def _items(shared: Path) -> CorpusItems:
    return CorpusItems(shared)


def load_item(shared: Path, item_id: str) -> tuple[str, str | None]:
    """(text, reference date) of a corpus item (xwlb or cec id), read as `jishi eval time` reads it."""
    return _items(shared).load(item_id)


# The Document as clean.v1 would hand it over, built as `jishi eval time` builds it.
make_document = item_document


@pytest.fixture(scope="session")
def corpus_item(shared_dir: Path):
    """A function item_id -> (text, reference date) reading ../shared/data."""
    return lambda item_id: load_item(shared_dir, item_id)


@pytest.fixture(scope="session")
def build_document():
    """The :func:`make_document` helper, as a fixture (test modules here are not a package)."""
    return make_document
