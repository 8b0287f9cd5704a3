"""The nlp.lac.v1 stage: tokens with absolute offsets into doc.text, LAC entities."""
from __future__ import annotations

import pickle

import pytest

from jishi.document import Document, Entity, Sentence
from jishi.errors import StageError
from jishi.nlp import FastLAC, LacStage
from jishi.pipeline import REGISTRY


def _doc(doc_id: str, text: str, analysis_text: str = "", breaks: str = "。！？") -> Document:
    """A document as the clean stage leaves it: sentences split after end punctuation."""
    sentences = []
    start = 0
    for i, char in enumerate(text):
        if char in breaks or i == len(text) - 1:
            sentences.append(Sentence(start=start, end=i + 1, text=text[start : i + 1]))
            start = i + 1
    return Document(id=doc_id, raw_text=text, text=text, analysis_text=analysis_text, sentences=sentences)


TEXT_A = "國務院總理李強11日在北京會見新加坡總理黃循財。雙方就中新關係深入交換意見！"
SIMPLIFIED_A = "国务院总理李强11日在北京会见新加坡总理黄循财。双方就中新关系深入交换意见！"
TEXT_B = "新华社莫斯科3月5日电\n俄罗斯总统普京当天在克里姆林宫会见了到访的印度外长。 外交部发言人表示欢迎。"


@pytest.fixture(scope="module")
def stage() -> LacStage:
    return LacStage()


def test_stage_is_registered() -> None:
    spec = REGISTRY["nlp.lac.v1"]
    assert spec.requires == ("sentences",)
    assert spec.assigns == ("tokens", "entities")
    assert spec.factory is LacStage


def test_stage_token_offsets_point_into_text(stage: LacStage) -> None:
    docs = stage([_doc("a", TEXT_A, SIMPLIFIED_A), _doc("b", TEXT_B), _doc("empty", "")])
    for doc in docs:
        for sent in doc.sentences:
            assert sent.tokens, sent
            assert "".join(t.text for t in sent.tokens) == doc.text[sent.start : sent.end]
            for tok in sent.tokens:
                assert tok.text == doc.text[tok.start : tok.end]
                assert sent.start <= tok.start < tok.end <= sent.end
    assert docs[2].sentences == [] and docs[2].entities == []


def test_stage_reads_analysis_text_and_quotes_text(stage: LacStage) -> None:
    doc = stage([_doc("a", TEXT_A, SIMPLIFIED_A)])[0]
    lac = FastLAC()
    expected = [w for s in doc.sentences for w in lac.run([SIMPLIFIED_A[s.start : s.end]])[0]]
    assert [t.tag for s in doc.sentences for t in s.tokens] == [tag for _, tag in expected]
    people = [e.text for e in doc.entities if e.label == "PER"]
    assert people == ["李強", "黃循財"]  # quoted from doc.text, found on the simplified copy


def test_stage_extracts_entities(stage: LacStage) -> None:
    doc = stage([_doc("b", TEXT_B)])[0]
    found = {(e.text, e.label) for e in doc.entities}
    assert ("普京", "PER") in found
    assert ("莫斯科", "LOC") in found
    assert all(e.source == "lac" and e.text == doc.text[e.start : e.end] for e in doc.entities)
    assert [e.start for e in doc.entities] == sorted(e.start for e in doc.entities)


def test_stage_batch_equals_one_by_one(stage: LacStage) -> None:
    together = stage([_doc("a", TEXT_A, SIMPLIFIED_A), _doc("b", TEXT_B)])
    alone = [stage([_doc("a", TEXT_A, SIMPLIFIED_A)])[0], stage([_doc("b", TEXT_B)])[0]]
    assert [d.to_dict() for d in together] == [d.to_dict() for d in alone]


def test_stage_rerun_keeps_dictionary_entities(stage: LacStage) -> None:
    doc = _doc("b", TEXT_B)
    start = TEXT_B.index("克里姆林宫")
    doc.entities = [Entity(text="克里姆林宫", label="ORG", start=start, end=start + 5, source="dict")]
    stage([doc])
    first = [e for e in doc.entities if e.source == "lac"]
    stage([doc])
    assert [e for e in doc.entities if e.source == "lac"] == first
    assert [e.source for e in doc.entities].count("dict") == 1


def test_stage_rejects_misaligned_analysis_text(stage: LacStage) -> None:
    with pytest.raises(StageError):
        stage([_doc("a", TEXT_A, SIMPLIFIED_A[:-1])])


def test_stage_pickles(stage: LacStage) -> None:
    clone = pickle.loads(pickle.dumps(stage))
    assert clone([_doc("b", TEXT_B)])[0].to_dict() == stage([_doc("b", TEXT_B)])[0].to_dict()


def test_stage_after_clean_on_seed_article(seed_text: str) -> None:
    from jishi.pipeline import Pipeline, error_raise

    doc = Pipeline(["clean.v1", "nlp.lac.v1"], on_error=error_raise).process_batch(
        [Document(id="seed", raw_text=seed_text)]
    )[0]
    assert doc.sentences and all(sent.tokens for sent in doc.sentences)
    for sent in doc.sentences:
        assert sent.tokens[0].start == sent.start and sent.tokens[-1].end == sent.end
        assert all(a.end == b.start for a, b in zip(sent.tokens, sent.tokens[1:]))
        assert all(tok.text == doc.text[tok.start : tok.end] for tok in sent.tokens)
    assert ("鲁比奥", "PER") in {(e.text, e.label) for e in doc.entities}
