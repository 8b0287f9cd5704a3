"""Entity layer against raw LAC on the NER corpora (a subset: the first sentences of each)."""
from __future__ import annotations

import pytest

from jishi.actors.ner_eval import CORPORA, evaluate, read_bio

SUBSET = 400  # sentences per corpus; the full run is `python -m jishi.actors.ner_eval`


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_ner_layer_beats_raw_lac(shared_dir, lac, resolver, corpus) -> None:
    report = evaluate(shared_dir / CORPORA[corpus], limit=SUBSET, resolver=resolver, lac=lac, name=corpus)
    raw, layer = report.counts["lac"], report.counts["layer"]
    assert report.sentences == SUBSET
    assert layer["ALL"].f1 >= raw["ALL"].f1
    assert layer["PER"].precision >= raw["PER"].precision
    assert layer["PER"].recall >= raw["PER"].recall  # the dictionaries must not cost 1998 names


@pytest.mark.shared
def test_ner_read_bio_spans(shared_dir) -> None:
    text, spans = next(iter(read_bio(shared_dir / CORPORA["msra"])))
    assert spans and all(0 <= s < e <= len(text) and label in ("PER", "LOC", "ORG") for s, e, label in spans)
    assert "\uff11" not in text  # full-width digits are normalised
