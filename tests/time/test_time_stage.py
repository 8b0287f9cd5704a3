"""The registered stage, its data files, the seed article and JioNLP's regression cases."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from jishi.document import Document, Sentence
from jishi.errors import StageError
from jishi.pipeline import REGISTRY, Pipeline
from jishi.time import TimeStage
from jishi.time.jionlp_cases import in_scope, run_cases, value_days
from jishi.time.knowledge import load_knowledge

# Measured on 2026-11-26 (docs/TIME.md): a drop means a rule got worse.
JIONLP_IN_SCOPE = 157
JIONLP_AGREE_FLOOR = 97
JIONLP_START_AGREE_FLOOR = 104


def test_stage_is_registered_with_its_contract() -> None:
    spec = REGISTRY["time.v1"]
    assert spec.requires == ("sentences",)
    assert set(spec.assigns) == {"times", "published"}


def test_stage_runs_in_a_pipeline_and_pickles() -> None:
    text = "11月20日，白宫的计划曝光。23日，美乌欧代表举行会谈。"
    doc = Document(id="d", raw_text=text, text=text, published="2025-12-02",
                   sentences=[Sentence(0, len(text), text)])
    stage = pickle.loads(pickle.dumps(TimeStage()))
    [out] = stage([doc])
    assert [(t.text, t.value) for t in out.times] == [("11月20日", "2025-11-20"), ("23日", "2025-11-23")]


def test_stage_requires_sentences_in_a_pipeline() -> None:
    with pytest.raises(StageError):
        Pipeline(["time.v1"])


def test_stage_knowledge_tables_cover_every_lunar_rule() -> None:
    kb = load_knowledge()
    lunar = {h.rule.split(" ", 1)[1] for h in kb.holidays.values() if h.rule.startswith("lunar")}
    for name in lunar:
        assert all((name, year) in kb.lunar for year in range(1990, 2041)), name
    assert kb.holiday_date("感恩节", 2025).isoformat() == "2025-11-27"
    assert kb.holiday_date("复活节", 2024).isoformat() == "2024-03-31"


def test_stage_seed_article_times_match_the_reference(seed_text: str, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "seed" / "gold.json").read_text(encoding="utf-8"))
    doc = Document(id="seed-article", raw_text=seed_text, published="2025-12-02", published_source="option")
    if "clean.v1" in REGISTRY or _importable("jishi.clean"):
        [doc] = Pipeline(["clean.v1", "time.v1"], on_error=_raise)([doc])
    else:  # the clean stage is another area's work; without it, read the raw text
        doc.text = seed_text
        doc.sentences = [Sentence(0, len(seed_text), seed_text)]
        [doc] = TimeStage()([doc])
    wrong = []
    for want in gold["times"]:
        values = [t.value or "" for t in doc.times if t.text == want["text"]]
        if not any(v.split("/")[0].startswith(want["value"]) for v in values):
            wrong.append((want["text"], want["value"], values))
    assert wrong == []
    assert all(doc.text[t.start:t.end] == t.text for t in doc.times)


def test_stage_jionlp_cases_agreement_does_not_drop(shared_dir: Path) -> None:
    report = run_cases(shared_dir)
    assert report.in_scope == JIONLP_IN_SCOPE
    assert report.agree >= JIONLP_AGREE_FLOOR
    assert report.start_agree >= JIONLP_START_AGREE_FLOOR


def test_stage_jionlp_scope_and_value_days() -> None:
    case = {"text": "下月九号", "time_base_kind": "unix_timestamp", "time_base_iso_utc+8": "2021-06-14T01:06:40+08:00",
            "parse_options": {}, "expected": {"type": "time_point",
                                              "time": ["2021-07-09 00:00:00", "2021-07-09 23:59:59"]}}
    assert in_scope(case)
    assert not in_scope({**case, "parse_options": {"ret_future": True}})
    assert not in_scope({**case, "expected": {"type": "time_point",
                                              "time": ["2021-07-09 08:00:00", "2021-07-09 08:59:59"]}})
    assert value_days("2021-06") == (value_days("2021-06-01")[0], value_days("2021-06-30")[1])
    assert value_days("P4Y") is None


def _importable(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _raise(doc: Document, stage: str, exc: Exception) -> None:
    raise exc
