"""The clean stage (``clean.v1``): raw article text in, cleaned body with an offset map out.

It assigns ``text`` (body without title, headings, captions, staff credits and page furniture; cut
sentences and names rejoined), ``offsets`` (raw index of every cleaned character), ``analysis_text``
(simplified Chinese, same length), ``captions`` (image captions and page furniture such as a timestamp
line), ``sections``, ``paragraphs`` and ``sentences`` (without tokens). Source credit lines ("本版文据新华社")
and datelines stay in the text; staff credits and bylines ("责编：…", "（记者 …）") are taken out. All are
recorded in ``doc.meta["credit_lines"]`` (kind "source" with text offsets, kind "staff" with raw offsets),
``doc.meta["dateline"]``, ``doc.meta["dateline_outlet"]`` and ``doc.meta["timestamp"]`` (the page's timestamp
line and its date, read by the time stage for the publication date). A leading dateline ("新华社北京3月5日电",
"央视网消息（新闻联播）：") is a sentence of its own, so it never opens the first clause; scraping trailers
("(更新时间戳: …)", "分享到：") are taken out with the captions.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jishi.clean.convert import SimplifiedConverter
from jishi.clean.layout import Layout, LayoutAnalyser
from jishi.clean.rules import LayoutRules, default_rules, load_rules
from jishi.clean.sentences import split_sentences
from jishi.document import Document, Section, Sentence
from jishi.pipeline import register

log = logging.getLogger(__name__)

__all__ = ["CleanStage", "clean_document", "load_rules", "split_off_dateline", "split_sentences"]

_DATELINE_PARAGRAPHS = 2
_SPACES = " \t\u3000\xa0"


def _build_text(raw: str, layout: Layout) -> tuple[str, list[int], list[list[int]]]:
    """Join the body paragraphs with newlines; map every character back to the raw text."""
    parts: list[str] = []
    offsets: list[int] = []
    spans: list[list[int]] = []
    length = 0
    for para in layout.paragraphs:
        if parts:
            # The separator maps to the raw character right after the previous paragraph.
            parts.append("\n")
            offsets.append(min(offsets[-1] + 1, len(raw) - 1))
            length += 1
        start = length
        for seg_start, seg_text in para.segments:
            parts.append(seg_text)
            offsets.extend(range(seg_start, seg_start + len(seg_text)))
            length += len(seg_text)
        spans.append([start, length])
    return "".join(parts), offsets, spans


def _find_dateline(doc: Document, spans: list[list[int]], rules: LayoutRules) -> dict[str, Any] | None:
    for start, end in spans[:_DATELINE_PARAGRAPHS]:
        para = doc.text[start:end]
        for pattern in rules.dateline_patterns:
            m = pattern.match(para)
            if m:
                outlet = m.groupdict().get("outlet")
                return {"text": m.group(0), "start": start + m.start(), "end": start + m.end(), "outlet": outlet}
    return None


def split_off_dateline(sentences: list[Sentence], text: str, start: int, end: int) -> list[Sentence]:
    """Make a dateline ("新华社北京3月5日电", "央视网消息（新闻联播）：") a sentence of its own.

    Glued to the first clause ("……电外交部发言人5日表示"), the outlet and place would read as the speaker or
    the source of an attribution; on its own it is only where and when the report was filed. The text and
    its offsets are not changed.

    Args:
        sentences: the sentences of the document, in order.
        text: the cleaned text.
        start: the dateline's start in ``text``.
        end: its end.

    Returns:
        The sentences, the one holding the dateline split in two at its end (unchanged when the dateline
        already ends a sentence or nothing follows it).
    """
    out: list[Sentence] = []
    for sent in sentences:
        if sent.start <= start < end < sent.end:
            rest = end
            while rest < sent.end and text[rest] in _SPACES:
                rest += 1
            if rest < sent.end:
                out.append(Sentence(start=sent.start, end=end, text=text[sent.start:end], paragraph=sent.paragraph))
                out.append(Sentence(start=rest, end=sent.end, text=text[rest:sent.end], paragraph=sent.paragraph))
                continue
        out.append(sent)
    return out


def clean_document(
    doc: Document,
    *,
    rules: LayoutRules | None = None,
    converter: SimplifiedConverter | None = None,
) -> Document:
    """Clean one document in place.

    Args:
        doc: a document with raw_text (and title, when known).
        rules: layout wording (default: the packaged layout.yaml).
        converter: traditional -> simplified converter (default: a new one).

    Returns:
        The same document with text, offsets, analysis_text, captions, sections, paragraphs and
        sentences set; doc.title is set from the first line when it was None and that line is a title.
    """
    rules = rules or default_rules()
    converter = converter or SimplifiedConverter()
    layout = LayoutAnalyser(rules).analyse(doc.raw_text, doc.title)
    text, offsets, spans = _build_text(doc.raw_text, layout)
    # Compute first, then write to the document in one place.
    if doc.title is None and layout.title:
        doc.title = layout.title
    doc.text = text
    doc.offsets = offsets
    doc.paragraphs = spans
    doc.analysis_text = converter.convert(text)
    doc.captions = list(layout.captions)
    doc.sections = [
        Section(title=title, start=spans[index][0] if index < len(spans) else len(text))
        for title, index in layout.headings
    ]
    doc.sentences = split_sentences(text, spans)
    credits = [
        {"text": doc.text[s:e], "start": s, "end": e, "kind": "source"}
        for para, (s, e) in zip(layout.paragraphs, spans)
        if para.credit
    ]
    # staff credits and bylines are out of the text: their offsets index the raw text
    credits += [
        {"text": text, "raw_start": raw_start, "raw_end": raw_start + len(text), "kind": "staff"}
        for raw_start, text in layout.credits
    ]
    if credits:
        credits.sort(key=lambda c: doc.offsets[c["start"]] if "start" in c and doc.offsets else c.get("raw_start", 0))
        doc.meta["credit_lines"] = credits
    if layout.timestamp:
        raw_start, line, day = layout.timestamp
        doc.meta["timestamp"] = {"text": line, "date": day, "raw_start": raw_start}
    dateline = _find_dateline(doc, spans, rules)
    if dateline:
        doc.meta["dateline_outlet"] = dateline.pop("outlet")
        doc.meta["dateline"] = dateline
        doc.sentences = split_off_dateline(doc.sentences, text, dateline["start"], dateline["end"])
    if layout.joins:
        doc.meta["clean_joins"] = layout.joins
    log.debug(
        "%s: %d paragraphs, %d sentences, %d captions, %d sections, %d cuts rejoined",
        doc.id, len(spans), len(doc.sentences), len(doc.captions), len(doc.sections), layout.joins,
    )
    return doc


@register(
    "clean.v1",
    requires=("raw_text",),
    assigns=("text", "offsets", "analysis_text", "captions", "sections", "paragraphs", "sentences"),
)
class CleanStage:
    """Stateful stage: layout rules and the t2s converter are loaded once per process."""

    def __init__(self, rules_path: str | Path | None = None) -> None:
        self.rules = load_rules(rules_path) if rules_path else default_rules()
        self.converter = SimplifiedConverter()

    def __call__(self, docs: list[Document]) -> list[Document]:
        for doc in docs:
            clean_document(doc, rules=self.rules, converter=self.converter)
        return docs
