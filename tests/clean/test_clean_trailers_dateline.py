"""Scraping trailers leave the text; a leading dateline is a sentence of its own (texts written for these tests)."""
from __future__ import annotations

import pytest

from jishi.clean import clean_document
from jishi.document import Document


def clean(raw: str) -> Document:
    return clean_document(Document(id="t", raw_text=raw))


def check_offsets(doc: Document) -> None:
    assert len(doc.offsets) == len(doc.text) == len(doc.analysis_text)
    assert all(doc.raw_text[o] == c for o, c in zip(doc.offsets, doc.text) if c != "\n")
    assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences)


@pytest.mark.parametrize("trailer", [
    "(更新时间戳: 1731465930906)",
    "（更新时间：2025-03-08 19:42）",
    "[发布时间: 2025-03-08 19:42:10]",
])
def test_clean_trailers_update_stamp_line_is_removed(trailer: str) -> None:
    raw = f"央视网消息：智利外长7日在圣地亚哥会见秘鲁外长。\n双方就边境合作交换意见。\n---\n{trailer}"
    doc = clean(raw)
    assert doc.text == "央视网消息：智利外长7日在圣地亚哥会见秘鲁外长。\n双方就边境合作交换意见。"
    assert trailer in doc.captions
    check_offsets(doc)


def test_clean_trailers_update_stamp_glued_to_last_sentence() -> None:
    doc = clean("肯尼亚警方8日逮捕了12名抗议者。\n内罗毕局势趋于平静。(更新时间戳: 1731465930906)")
    assert doc.text.endswith("内罗毕局势趋于平静。")
    assert "(更新时间戳: 1731465930906)" in doc.captions
    check_offsets(doc)


def test_clean_trailers_page_tools_are_removed() -> None:
    doc = clean("挪威首相9日访问冰岛。\n两国签署了渔业协议。\n分享到：微信 微博\n【返回顶部】")
    assert doc.text == "挪威首相9日访问冰岛。\n两国签署了渔业协议。"
    check_offsets(doc)


def test_clean_trailers_stamp_words_inside_a_sentence_stay() -> None:
    raw = "该系统记录每笔交易的更新时间戳，以便核查。\n监管部门表示满意。"
    assert clean(raw).text == raw


@pytest.mark.parametrize("raw, dateline, first", [
    ("新华社布达佩斯5月6日电 匈牙利外长6日表示，匈方反对新的制裁方案。", "新华社布达佩斯5月6日电",
     "匈牙利外长6日表示，匈方反对新的制裁方案。"),
    ("新华社布达佩斯5月6日电匈牙利外长6日表示，匈方反对新的制裁方案。", "新华社布达佩斯5月6日电",
     "匈牙利外长6日表示，匈方反对新的制裁方案。"),
    ("新华网内罗毕５月６日电（记者王某李某）肯尼亚警方６日说，一座警察局遭到袭击。", "新华网内罗毕５月６日电",
     "肯尼亚警方６日说，一座警察局遭到袭击。"),
    ("中新网5月6日讯据法新社报道，智利总统6日宣布改组内阁。", "中新网5月6日讯", "据法新社报道，智利总统6日宣布改组内阁。"),
])
def test_clean_dateline_is_split_off_the_first_sentence(raw: str, dateline: str, first: str) -> None:
    doc = clean(raw)
    assert doc.meta["dateline"]["text"] == dateline
    a, b = doc.meta["dateline"]["start"], doc.meta["dateline"]["end"]
    assert doc.text[a:b] == dateline  # the dateline stays in the text, offsets unchanged
    assert [s.text for s in doc.sentences] == [dateline, first]
    check_offsets(doc)


def test_clean_dateline_alone_in_its_paragraph_is_one_sentence() -> None:
    doc = clean("新华社开罗5月6日电\n埃及外交部6日发表声明，谴责这一袭击。")
    assert [s.text for s in doc.sentences] == ["新华社开罗5月6日电", "埃及外交部6日发表声明，谴责这一袭击。"]
