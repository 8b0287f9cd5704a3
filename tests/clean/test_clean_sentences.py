"""Sentence splitting: terminators, quoted speech kept whole, closers kept with their sentence."""
from __future__ import annotations

import pytest

from jishi.clean.sentences import split_paragraph, split_sentences


def _split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_paragraph(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("双方举行会谈。会后发表联合声明。", ["双方举行会谈。", "会后发表联合声明。"]),
        ("会谈取得进展！双方还将继续磋商吗？", ["会谈取得进展！", "双方还将继续磋商吗？"]),
        ("一方面加强合作；另一方面管控分歧。", ["一方面加强合作；", "另一方面管控分歧。"]),
        ("Is it over?He said no!", ["Is it over?", "He said no!"]),
        (
            "他表示：“我们会继续努力。坦白说，这很难。”随后离开会场。",
            ["他表示：“我们会继续努力。坦白说，这很难。”", "随后离开会场。"],
        ),
        ("外长说：“会谈富有成效！”", ["外长说：“会谈富有成效！”"]),
        ("“这是历史性的一天。”总统说。", ["“这是历史性的一天。”", "总统说。"]),
        ("他说“谈判将继续。", ["他说“谈判将继续。"]),  # an unpaired quote mark is ignored
        ("他说“谈判将继续。随后离开。", ["他说“谈判将继续。", "随后离开。"]),
        ("局势仍在发展……", ["局势仍在发展……"]),
        ("他说……我们还会再来。", ["他说……我们还会再来。"]),  # an ellipsis inside a sentence
        ("“到底怎么办……”他问道。", ["“到底怎么办……”", "他问道。"]),
        ("会谈持续4小时。（记者 张三）", ["会谈持续4小时。", "（记者 张三）"]),
        ("会谈持续了4小时（当地时间）。接着举行记者会。", ["会谈持续了4小时（当地时间）。", "接着举行记者会。"]),
        ("他引用了「和平共处。」这句话。", ["他引用了「和平共处。」", "这句话。"]),
        ("什么？！真的吗？！", ["什么？！", "真的吗？！"]),
        ("没有句号的一段", ["没有句号的一段"]),
        ("  前面有空格。 ", ["前面有空格。"]),
    ],
)
def test_clean_sentences_split(text: str, sentences: list[str]) -> None:
    assert _split(text) == sentences


def test_clean_sentences_nested_quotes_stay_whole() -> None:
    text = "他说：“外长告诉我‘会谈结束了。’我们明天回国。”大家都点头。"
    assert _split(text) == ["他说：“外长告诉我‘会谈结束了。’我们明天回国。”", "大家都点头。"]


def test_clean_sentences_paragraph_index_and_offsets() -> None:
    text = "第一段第一句。第一段第二句。\n第二段。"
    sents = split_sentences(text, [[0, 14], [15, 19]])
    assert [(s.text, s.paragraph) for s in sents] == [("第一段第一句。", 0), ("第一段第二句。", 0), ("第二段。", 1)]
    assert all(text[s.start:s.end] == s.text for s in sents)
