"""Quotes: speech verbs, speakers, direct quotes versus scare quotes, paraphrases."""
from __future__ import annotations

from collections.abc import Callable

from jishi.document import Document


def test_quotes_direct_quote_after_colon_spans_sentences(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("美国参议员马克·沃纳表示：“这个方案意味着乌克兰彻底投降。坦白说，这是最糟糕的协议之一。”")
    [quote] = doc.quotes
    assert quote.kind == "direct" and quote.speaker == "person:mark-warner"
    assert quote.text.startswith("这个方案") and quote.text.endswith("协议之一。")
    assert doc.text[quote.start:quote.end] == quote.text


def test_quotes_paraphrase_keeps_partial_quotes_and_speaker(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("鲁比奥在会谈后表示，与乌方的会谈“富有成效”，但仍有很多工作要做。")
    para = [q for q in doc.quotes if q.kind == "paraphrase"]
    assert para and para[0].speaker == "person:marco-rubio" and "富有成效" in para[0].text
    assert any(q.kind == "direct" and q.text == "富有成效" for q in doc.quotes)


def test_quotes_pronoun_is_the_last_named_speaker(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("特朗普称，谈判进展顺利。他表示，乌克兰正面临“一些棘手的小问题”。")
    assert [q.speaker for q in doc.quotes if q.kind == "paraphrase"] == ["person:donald-trump"] * 2


def test_quotes_scare_quotes_and_names_are_not_quotes(make_doc: Callable[..., Document]) -> None:
    text = ("随着美国提出的“28点新计划”引发争议，俄乌局势坐上了“过山车”。特朗普在“空军一号”接受媒体采访。"
            "不过也有分析指出，特朗普试图“冻结”俄乌冲突。")
    doc = make_doc(text)
    scare = {"28点新计划", "过山车", "空军一号", "冻结"}
    assert not any(q.text in scare for q in doc.quotes)
    assert [q.kind for q in doc.quotes] == ["paraphrase"]
    assert doc.quotes[0].speaker is None and doc.quotes[0].speaker_text == "有分析"


def test_quotes_speaker_is_the_subject_not_the_addressee(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("鲁比奥走出会场时向媒体表示，谈判“微妙、复杂”。")
    assert {q.speaker for q in doc.quotes} == {"person:marco-rubio"}


def test_quotes_fixed_phrases_with_shuo_are_not_speech(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("也就是说，这个方案已经失效。所有声称拥有的土地都将收复。")
    assert doc.quotes == []


def test_quotes_biao_shi_with_an_object_is_not_speech(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("克里姆林宫对接受这些条款的意愿表示怀疑。")
    assert doc.quotes == []


def test_quotes_postposed_speaker_after_the_quotation(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("“我们不会屈服于任何威胁，”伊朗外长在社交媒体上写道。")
    [quote] = doc.quotes
    assert quote.kind == "direct" and quote.text == "我们不会屈服于任何威胁"
    assert quote.speaker == "state:IRN" or quote.speaker_text.startswith("伊朗")


def test_quotes_speaker_phrase_keeps_the_name(make_doc: Callable[..., Document]) -> None:
    doc = make_doc("俄罗斯总统新闻秘书佩斯科夫当天对记者说：“我们尚未收到任何正式提议。”")
    [quote] = doc.quotes
    assert quote.speaker_text.endswith("佩斯科夫") and quote.text.startswith("我们尚未")
