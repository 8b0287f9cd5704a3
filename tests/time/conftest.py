"""Corpus access for the time tests: items of ../shared/data read at run time, never copied into the repo.

Item ids:
- ``xwlb-YYYYMMDD-NN``: a 新闻联播 item of xwlb_cctv_news/articles.jsonl; reference date = ``program_date``;
- ``cec/<folder>/<file stem>``: a CEC document; reference date = its ``ReportTime``; text = the sentences'
  text with the XML's pretty-printing whitespace removed, one line per ``<Paragraph>``.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest

from jishi.document import Document, Sentence

_REPORT_TIME = re.compile(r"([12][0-9]{3})\D{1,2}([01]?[0-9])\D{1,2}([0-3]?[0-9])")


@lru_cache(maxsize=2)
def _xwlb(shared: Path) -> dict[str, dict]:
    path = shared / "data" / "xwlb_cctv_news" / "articles.jsonl"
    with path.open(encoding="utf-8") as handle:
        return {rec["id"]: rec for rec in map(json.loads, handle)}


def _cec(shared: Path, item_id: str) -> tuple[str, str | None]:
    _, folder, stem = item_id.split("/", 2)
    root = ET.parse(shared / "data" / "cec_emergency_events" / "CEC" / folder / f"{stem}.xml").getroot()
    report = root.findtext("ReportTime") or ""
    match = _REPORT_TIME.search(report)
    ref = f"{int(match[1]):04d}-{int(match[2]):02d}-{int(match[3]):02d}" if match else None  # '2005-12' 
    paragraphs = []
    for para in root.iter():
        if para.tag != "Paragraph":
            continue
        paragraphs.append("".join("".join(piece.strip() for piece in sent.itertext())
                                  for sent in para.iter("Sentence")))
    return "\n".join(p for p in paragraphs if p), ref


def load_item(shared: Path, item_id: str) -> tuple[str, str | None]:
    """(text, reference date) of a corpus item.

    Args:
        shared: the ../shared folder.
        item_id: an xwlb or cec id (see the module docstring).

    Returns:
        The text and the ISO reference date (None when the CEC ReportTime has no day).
    """
    if item_id.startswith("cec/"):
        return _cec(shared, item_id)
    rec = _xwlb(shared)[item_id]
    return rec["text"], rec["program_date"]


def make_document(item_id: str, text: str, published: str | None) -> Document:
    """A Document as clean.v1 would hand it over: text, paragraphs (lines), sentences split on 。！？."""
    doc = Document(id=item_id, raw_text=text, text=text, analysis_text=text, published=published,
                   published_source="option" if published else None)
    pos = 0
    for index, line in enumerate(text.split("\n")):
        if line.strip():
            doc.paragraphs.append([pos, pos + len(line)])
            for match in re.finditer(r"[^。！？]*[。！？]?", line):
                if match.group().strip():
                    doc.sentences.append(Sentence(pos + match.start(), pos + match.end(), match.group(), index))
        pos += len(line) + 1
    return doc


@pytest.fixture(scope="session")
def corpus_item(shared_dir: Path):
    """A function item_id -> (text, reference date) reading ../shared/data."""
    return lambda item_id: load_item(shared_dir, item_id)


@pytest.fixture(scope="session")
def build_document():
    """The :func:`make_document` helper, as a fixture (test modules here are not a package)."""
    return make_document
