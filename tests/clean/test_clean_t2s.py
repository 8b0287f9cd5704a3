"""The process-wide t2s converter (jishi.clean.convert.t2s_opencc) converts exactly as OpenCC("t2s")."""
from __future__ import annotations

import pytest

from jishi.clean.convert import t2s_opencc

opencc_purepy = pytest.importorskip("opencc_purepy")

SAMPLES = [
    "著名的學者在臺灣發表了演講",  # characters and phrases
    "乾隆皇帝下詔，於是頭髮變白了。",
    "他們著手準備，著實不易",
    "簡體字",
    "「引號」與（括號）",  # punctuation stays (t2s without punctuation)
    "mixed English 與 中文 123",
]


def test_one_object_per_process() -> None:
    assert t2s_opencc() is t2s_opencc()


@pytest.mark.parametrize("text", SAMPLES)
def test_same_as_packaged_t2s(text: str) -> None:
    reference = opencc_purepy.OpenCC("t2s")
    assert t2s_opencc().convert(text) == reference.convert(text)
    assert t2s_opencc().convert(text, True) == reference.convert(text, True)


def test_same_on_every_dictionary_key() -> None:
    from opencc_purepy.dictionary_lib import DictionaryMaxlength

    provider = DictionaryMaxlength.get_provider()
    keys = sorted(provider.ts_phrases[0]) + sorted(provider.ts_characters[0])
    text = "\n".join(keys)
    assert t2s_opencc().convert(text) == opencc_purepy.OpenCC("t2s").convert(text)
