"""Ordered stages over documents, and the registry every stage is found in.

A stage is a callable ``(docs: list[Document]) -> list[Document]`` that works on a batch and
declares what it ``requires`` and ``assigns``. Stateless stages are functions decorated with
:func:`register`; stateful ones are classes whose ``__init__`` loads resources once per process.
Engines (CLI, process pool, Ray) all call :meth:`Pipeline.process`; they choose where it runs,
never what it does.
"""
from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from jishi.document import Document
from jishi.errors import StageError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Callable[..., Callable[[list[Document]], list[Document]]]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


REGISTRY: dict[str, StageSpec] = {}

# A batch closes at this many documents or characters, whichever comes first. The NLP stage tags all
# sentences of a batch together in padded ONNX runs, which fill better with more sentences to choose
# from: on short items (~500 characters) batches of ~32k characters tag ~10% faster than batches of 16
# documents, while a batch of long articles still stays a few seconds of work.
DEFAULT_BATCH_DOCS = 64
DEFAULT_BATCH_CHARS = 32_000
# With several workers, the last this-many batches (or Ray work units) per worker of the input are cut in
# half: a worker that runs out of work then waits for the others at most half a batch.
TAPER_PER_WORKER = 2


def doc_chars(doc: Document) -> int:
    """A document's size for batching: the characters of its raw text (of its text if it has none)."""
    return len(doc.raw_text or doc.text or "")


def batched(
    docs: Iterable[Document], *, max_docs: int = DEFAULT_BATCH_DOCS, max_chars: int = DEFAULT_BATCH_CHARS
) -> Iterator[list[Document]]:
    """Group documents, in order, into batches of at most ``max_docs`` documents that stop growing
    once they hold ``max_chars`` characters of raw text (a longer document makes a batch of its own).

    Args:
        docs: documents, read lazily.
        max_docs: most documents in a batch.
        max_chars: a batch is closed when its raw text reaches this many characters.

    Returns:
        An iterator over non-empty batches.
    """
    if max_docs < 1 or max_chars < 1:
        raise ValueError(f"batch limits must be positive, got max_docs={max_docs}, max_chars={max_chars}")
    batch: list[Document] = []
    chars = 0
    for doc in docs:
        batch.append(doc)
        chars += doc_chars(doc)
        if len(batch) >= max_docs or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch

# Built-in stages, in pipeline order, with the module that registers each.
DEFAULT_STAGES: tuple[tuple[str, str], ...] = (
    ("clean.v1", "jishi.clean"),
    ("nlp.lac.v1", "jishi.nlp"),
    ("time.v1", "jishi.time"),
    ("actors.v1", "jishi.actors"),
    ("geo.v1", "jishi.geo"),
    ("events.v1", "jishi.events"),
)


def register(name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()) -> Callable:
    """Register a stage factory under a versioned name.

    A function ``f(docs) -> docs`` is wrapped so that its factory returns it; a class is its own
    factory (instantiated once per pipeline).
    """

    def deco(obj: Any) -> Any:
        factory = obj if isinstance(obj, type) else (lambda **_: obj)  # noqa: E731
        REGISTRY[name] = StageSpec(name, factory, tuple(requires), tuple(assigns))
        return obj

    return deco


def error_record(doc: Document, stage: str, exc: Exception) -> None:
    """Default error handler: keep the error on the document, let the batch go on."""
    doc.errors.append(f"{stage}: {type(exc).__name__}: {exc}")
    log.warning("stage %s failed on %s: %s", stage, doc.id, exc)


def error_raise(doc: Document, stage: str, exc: Exception) -> None:
    raise StageError(f"stage {stage} failed: {exc}", doc_id=doc.id) from exc


class Pipeline:
    """Run registered stages over batches of documents."""

    def __init__(
        self,
        stages: Iterable[str] | None = None,
        *,
        on_error: Callable[[Document, str, Exception], None] = error_record,
        options: dict[str, dict[str, Any]] | None = None,
    ) -> None:
        names = list(stages) if stages is not None else [n for n, _ in DEFAULT_STAGES]
        modules = dict(DEFAULT_STAGES)
        options = options or {}
        self.names = names
        self.on_error = on_error
        self._stages: list[tuple[str, Callable[[list[Document]], list[Document]]]] = []
        available: set[str] = {"raw_text", "id", "published", "title"}
        for name in names:
            if name not in REGISTRY and name in modules:
                importlib.import_module(modules[name])
            if name not in REGISTRY:
                raise StageError(f"unknown stage {name!r}; known: {sorted(set(REGISTRY) | set(modules))}")
            spec = REGISTRY[name]
            missing = [r for r in spec.requires if r not in available]
            if missing:
                raise StageError(f"stage {name} requires {missing}, which no earlier stage assigns")
            available.update(spec.assigns)
            self._stages.append((name, spec.factory(**options.get(name, {}))))

    def __call__(self, docs: list[Document]) -> list[Document]:
        return self.process_batch(docs)

    def process_batch(self, docs: list[Document]) -> list[Document]:
        for name, stage in self._stages:
            log.debug("stage %s on %d documents", name, len(docs))
            try:
                docs = stage(docs)
            except Exception as exc:  # one bad document must not sink the batch: retry one by one
                if len(docs) == 1:
                    self.on_error(docs[0], name, exc)
                    continue
                for doc in docs:
                    try:
                        stage([doc])
                    except Exception as exc1:
                        self.on_error(doc, name, exc1)
        return docs

    def process(
        self,
        docs: Iterable[Document],
        *,
        batch_size: int = DEFAULT_BATCH_DOCS,
        batch_chars: int = DEFAULT_BATCH_CHARS,
    ) -> Iterator[Document]:
        """Process documents in batches (see :func:`batched`), yielding each when its batch is done."""
        for batch in batched(docs, max_docs=batch_size, max_chars=batch_chars):
            yield from self.process_batch(batch)
