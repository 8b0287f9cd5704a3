"""Round-5 actor rule (docs/DEV_SET2.md, Round 3): a state name LAC glued to the preposition before it
(暂停|向海地|公民|发放签证) is still a mention of that state. Sentences written for these tests."""
from __future__ import annotations

from jishi.document import Document, Sentence, Token


def _hand_doc(words: list[tuple[str, str]]) -> Document:
    """A one-sentence document from hand-tokenised (word, LAC tag) pairs."""
    text = "".join(w for w, _ in words)
    doc = Document(id="t", raw_text=text, text=text, analysis_text=text, published="2026-04-01")
    tokens, pos = [], 0
    for word, tag in words:
        tokens.append(Token(word, tag, pos, pos + len(word)))
        pos += len(word)
    doc.sentences.append(Sentence(0, pos, text, tokens=tokens))
    return doc


def test_actors_round5_state_glued_to_a_preposition_is_a_mention(bare_resolver) -> None:
    doc = _hand_doc([("巴拿马", "LOC"), ("政府", "n"), ("3日", "TIME"), ("宣布", "v"), ("暂停", "v"),
                     ("向委内瑞拉", "p"), ("公民", "n"), ("发放", "v"), ("签证", "n"), ("。", "w")])
    bare_resolver([doc])
    by_id = {a.id: a for a in doc.actors}
    named = {doc.text[m.start:m.end]: by_id[m.actor_id].country for m in doc.mentions}
    # (委内瑞拉 or 委内瑞拉公民: the state's people are the state's too)
    assert {n: c for n, c in named.items() if n.startswith("委内瑞拉")} and \
        all(c == "VEN" for n, c in named.items() if n.startswith("委内瑞拉")), named
    assert not any(n.startswith("向") for n in named), named


def test_actors_round5_preposition_before_an_unknown_word_is_left_alone(bare_resolver) -> None:
    doc = _hand_doc([("警方", "n"), ("向人群", "p"), ("发射", "v"), ("催泪弹", "n"), ("。", "w")])
    bare_resolver([doc])
    assert not doc.mentions
