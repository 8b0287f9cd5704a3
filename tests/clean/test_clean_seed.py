"""The clean stage on the seed article: gold checks, offsets, sections, credits."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jishi.clean import clean_document
from jishi.document import Document
from jishi.pipeline import REGISTRY, Pipeline

SEED_TITLE = "美乌新一轮谈判结束 特朗普称俄乌和平协议 “很有可能”达成"


@pytest.fixture(scope="module")
def seed_doc(seed_text: str) -> Document:
    doc = Document(id="seed-article", raw_text=seed_text, title=SEED_TITLE)
    (doc,) = Pipeline(["clean.v1"]).process_batch([doc])
    assert doc.errors == []
    return doc


def test_clean_registered_with_its_fields() -> None:
    Pipeline(["clean.v1"])
    spec = REGISTRY["clean.v1"]
    assert spec.requires == ("raw_text",)
    assert set(spec.assigns) == {
        "text", "offsets", "analysis_text", "captions", "sections", "paragraphs", "sentences",
    }


@pytest.mark.parametrize("snippet", ["试图“冻结”俄乌冲突", "鲁比奥和乌梅罗夫均未接受", "本版文据新华社、央视新闻"])
def test_clean_seed_must_contain(seed_doc: Document, snippet: str) -> None:
    assert snippet in seed_doc.text


@pytest.mark.parametrize(
    "snippet", ["冻\n", "乌梅罗\n", "“冻特朗普", "“冻鲁比奥", SEED_TITLE, "纵深", "相关新闻", "\n\n"]
)
def test_clean_seed_must_not_contain(seed_doc: Document, snippet: str) -> None:
    assert snippet not in seed_doc.text


def test_clean_seed_captions(seed_doc: Document) -> None:
    assert seed_doc.captions == ["鲁比奥(左)与乌方代表", "特朗普", "泽连斯基"]


def test_clean_seed_sections(seed_doc: Document) -> None:
    titles = [s.title for s in seed_doc.sections]
    assert titles[:4] == ["美乌新一轮谈判结束", "美特使或与普京会面", "特朗普既想“甩包袱”又要“留后手”", "泽连斯基面临“最大政治危机”"]
    assert "纵深" in titles and "相关新闻" in titles
    first = seed_doc.sections[0]
    assert seed_doc.text[first.start:].startswith("美乌新一轮会谈，在迈阿密市附近举行。")
    related = seed_doc.sections[titles.index("相关新闻")]
    assert seed_doc.text[related.start:].startswith("俄罗斯联邦安全局1日说")


def test_clean_seed_offsets_map_back_to_raw(seed_doc: Document) -> None:
    doc = seed_doc
    assert len(doc.offsets) == len(doc.text) == len(doc.analysis_text)
    assert all(doc.raw_text[o] == c for o, c in zip(doc.offsets, doc.text) if c != "\n")
    assert doc.offsets == sorted(doc.offsets)
    start = doc.text.index("乌梅罗夫均未")
    raw_start, raw_end = doc.raw_span(start, start + 4)
    assert doc.raw_text[raw_start:raw_end] == "乌梅罗\n\n夫"


def test_clean_seed_paragraphs_and_sentences(seed_doc: Document) -> None:
    doc = seed_doc
    assert doc.paragraphs[0][0] == 0 and doc.paragraphs[-1][1] == len(doc.text)
    assert "\n".join(doc.text[s:e] for s, e in doc.paragraphs) == doc.text
    assert all("\n" not in s.text and s.text == doc.text[s.start:s.end] for s in doc.sentences)
    assert all(s.tokens == [] for s in doc.sentences)
    quote = "美国参议员马克·沃纳表示：“这个初步方案将意味着乌克兰彻底投降。坦白说，这将是历史上最糟糕的协议之一。”"
    assert quote in [s.text for s in doc.sentences]


def test_clean_seed_credit_line_marked(seed_doc: Document) -> None:
    (credit,) = seed_doc.meta["credit_lines"]
    assert credit["text"] == "本版文据新华社、央视新闻"
    assert seed_doc.text[credit["start"]:credit["end"]] == credit["text"]
    assert "dateline" not in seed_doc.meta


def test_clean_seed_title_found_when_unknown(seed_text: str) -> None:
    doc = clean_document(Document(id="x", raw_text=seed_text))
    assert doc.title == SEED_TITLE
    assert not doc.text.startswith("美乌新一轮谈判结束")


def test_clean_seed_passes_gold_clean_checks(seed_doc: Document, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))["clean"]
    failed = [s for s in gold["must_contain"] if s not in seed_doc.text]
    failed += [s for s in gold["must_not_contain"] if s in seed_doc.text]
    failed += [s for s in gold["captions"] if s not in seed_doc.captions]
    assert failed == []


def _single_newlines(text: str) -> str:
    return re.sub(r"\n+", "\n", text)


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def _indented(text: str) -> str:
    return re.sub(r"\n(?=\S)", "\n\u3000\u3000", text)


@pytest.mark.parametrize("variant", [_single_newlines, _crlf, _indented])
def test_clean_seed_layout_variants(seed_text: str, variant) -> None:
    doc = clean_document(Document(id="v", raw_text=variant(seed_text)))
    assert doc.title == SEED_TITLE
    assert "试图“冻结”俄乌冲突" in doc.text and "鲁比奥和乌梅罗夫均未接受" in doc.text
    assert doc.captions == ["鲁比奥(左)与乌方代表", "特朗普", "泽连斯基"]
    assert len(doc.sections) == 8
