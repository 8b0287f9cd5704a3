"""The pipeline registry, stage order and error handling."""
from __future__ import annotations

import pytest

from jishi.document import Document, Evidence, Event, Quote, Sentence, Token
from jishi.errors import StageError
from jishi.pipeline import DEFAULT_STAGES, REGISTRY, Pipeline, register


def test_pipeline_registry_pins_builtin_stages():
    Pipeline()  # importing builds the registry
    assert [name for name, _ in DEFAULT_STAGES] == [
        "clean.v1", "nlp.lac.v1", "time.v1", "actors.v1", "geo.v1", "events.v1",
    ]
    for name, _ in DEFAULT_STAGES:
        assert name in REGISTRY


def test_pipeline_rejects_unknown_stage():
    with pytest.raises(StageError, match="unknown stage"):
        Pipeline(["no.such.stage"])


def test_pipeline_checks_requirements_before_running():
    with pytest.raises(StageError, match="requires"):
        Pipeline(["nlp.lac.v1"])  # needs sentences from clean.v1


def test_pipeline_records_a_failing_document_and_goes_on():
    @register("test.fail_on_marker.v1")
    def fail_on_marker(docs):
        for doc in docs:
            if "炸" in doc.raw_text:
                raise ValueError("boom")
            doc.meta["seen"] = True
        return docs

    pipe = Pipeline(["test.fail_on_marker.v1"])
    docs = [Document(id="a", raw_text="外交部发言人表示。"), Document(id="b", raw_text="炸药"),
            Document(id="c", raw_text="双方举行会谈。")]
    out = pipe.process_batch(docs)
    assert [d.id for d in out] == ["a", "b", "c"]
    assert out[0].meta["seen"] and out[2].meta["seen"]
    assert out[1].errors and "boom" in out[1].errors[0]


def test_document_round_trips_through_dict():
    doc = Document(id="x", raw_text="普京27日表示。", text="普京27日表示。", offsets=list(range(8)))
    doc.sentences = [Sentence(0, 8, doc.text, 0, [Token("普京", "PER", 0, 2)])]
    doc.events = [Event(id="e1", type="THREATEN", evidence=[Evidence(0, 8, doc.text)],
                        trigger=Evidence(4, 6, "表示"))]
    doc.quotes = [Quote(speaker=None, speaker_text="普京", text="……", start=0, end=2)]
    again = Document.from_dict(doc.to_dict())
    assert again == doc
    assert again.raw_span(0, 2) == (0, 2)


def test_pipeline_batches_close_at_a_document_or_character_limit():
    from jishi.pipeline import batched

    docs = [Document(id=str(i), raw_text="中" * n) for i, n in enumerate([10, 10, 10, 50, 5, 5, 5, 5, 5])]
    sizes = [[d.id for d in b] for b in batched(docs, max_docs=4, max_chars=25)]
    # 10+10+10 reaches 25 characters; 50 alone exceeds it; then four 5s hit the document limit
    assert sizes == [["0", "1", "2"], ["3"], ["4", "5", "6", "7"], ["8"]]
    assert [d.id for b in batched(iter(docs)) for d in b] == [d.id for d in docs]  # order kept, lazily read
    with pytest.raises(ValueError, match="positive"):
        list(batched(docs, max_docs=0))


def test_pipeline_process_yields_every_document_once_in_order():
    @register("test.count_batches.v1")
    def count_batches(docs):
        for doc in docs:
            doc.meta["batch_len"] = len(docs)
        return docs

    pipe = Pipeline(["test.count_batches.v1"])
    docs = [Document(id=str(i), raw_text="外交部发言人表示。" * 100) for i in range(7)]  # 900 chars each
    out = list(pipe.process(docs, batch_size=64, batch_chars=2000))
    assert [d.id for d in out] == [str(i) for i in range(7)]
    assert [d.meta["batch_len"] for d in out] == [3, 3, 3, 3, 3, 3, 1]
