"""What the time tests share: normalising a hand-written text, and finding an expression's value in it."""
from __future__ import annotations

from jishi.document import Document, TimeExpr
from jishi.time import normalize_times


def run(text: str, published: str | None = "2025-12-02", **kwargs) -> Document:
    """Normalise a hand-written text (paragraphs = lines) with a given publication date."""
    doc = Document(id="t", raw_text=text, text=text, published=published,
                   published_source="option" if published else None, **kwargs)
    pos = 0
    for line in text.split("\n"):
        doc.paragraphs.append([pos, pos + len(line)])
        pos += len(line) + 1
    return normalize_times(doc)


def time_of(doc: Document, expression: str, nth: int = 1) -> TimeExpr:
    """The ``nth`` time expression written ``expression`` (the test fails, listing what was found, if none)."""
    found = [t for t in doc.times if t.text == expression]
    assert len(found) >= nth, f"{expression!r} not found in {[(t.text, t.value) for t in doc.times]}"
    return found[nth - 1]


def value_of(doc: Document, expression: str, nth: int = 1) -> str | None:
    """The value of the ``nth`` time expression written ``expression``."""
    return time_of(doc, expression, nth).value


def values_of(doc: Document, expression: str) -> list[str | None]:
    """The values of every time expression written ``expression``, in order (at least one)."""
    found = [t.value for t in doc.times if t.text == expression]
    assert found, f"{expression!r} not found in {[(t.text, t.value) for t in doc.times]}"
    return found
