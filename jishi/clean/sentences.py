"""Sentence splitting for Chinese news text, quote-aware.

A sentence ends at 。！？!?； (and at … when it closes the sentence), and at every paragraph end.
Quoted speech stays whole: a terminator inside “……” ends the sentence only when the quote closes
right after it (``他说：“……。”``); closing quotes and brackets after a terminator stay with their
sentence. Quote marks without a partner in the paragraph are ignored.
"""
from __future__ import annotations

import re

from jishi.document import Sentence

TERMINALS = frozenset("。！？!?；")
ELLIPSIS = "…"
CLOSERS = frozenset("”’」』）)》〉】]")
_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』"}
_SPACE = " \t\u3000\xa0"
# Only these characters can change the splitter's state; the scans jump from one to the next.
_QUOTE_CHARS = "".join(_QUOTES) + "".join(_QUOTES.values())
_QUOTE_MARKS = re.compile(f"[{_QUOTE_CHARS}]")
_MARKS = re.compile(f"[{''.join(sorted(TERMINALS))}{ELLIPSIS}{_QUOTE_CHARS}]")


def _match_quotes(text: str, start: int, end: int) -> tuple[set[int], set[int]]:
    """Positions of paired opening and closing quote marks in ``text[start:end]``."""
    openers: set[int] = set()
    closers: set[int] = set()
    stack: list[tuple[str, int]] = []
    for mark in _QUOTE_MARKS.finditer(text, start, end):
        i = mark.start()
        ch = text[i]
        if ch in _QUOTES:
            stack.append((ch, i))
        elif stack and ch == _QUOTES[stack[-1][0]]:
            openers.add(stack.pop()[1])
            closers.add(i)
        elif ch in _QUOTES.values():
            # A closer that matches an outer opener: drop the unpaired inner ones.
            for k in range(len(stack) - 1, -1, -1):
                if _QUOTES[stack[k][0]] == ch:
                    openers.add(stack[k][1])
                    closers.add(i)
                    del stack[k:]
                    break
    return openers, closers


def _is_terminal_at(text: str, i: int, end: int) -> bool:
    ch = text[i]
    if ch in TERMINALS:
        return True
    if ch != ELLIPSIS:
        return False
    j = i
    while j < end and text[j] == ELLIPSIS:
        j += 1
    # An ellipsis ends a sentence only at the paragraph end or before a closer or terminator.
    return j >= end or text[j] in CLOSERS or text[j] in TERMINALS


def split_paragraph(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` (one paragraph) into sentence spans.

    Args:
        text: the cleaned document text.
        start: paragraph start.
        end: paragraph end (exclusive).

    Returns:
        [start, end) spans, leading and trailing spaces excluded, empty sentences dropped.
    """
    openers, closers = _match_quotes(text, start, end)
    spans: list[tuple[int, int]] = []
    sent_start = start
    depth = 0
    i = start
    while i < end:
        mark = _MARKS.search(text, i, end)  # other characters neither open, close nor end anything
        if mark is None:
            break
        i = mark.start()
        if i in openers:
            depth += 1
            i += 1
            continue
        if i in closers:
            depth -= 1
            i += 1
            continue
        if not _is_terminal_at(text, i, end):
            i += 1
            continue
        j = i + 1
        while j < end and (text[j] in TERMINALS or text[j] == ELLIPSIS):
            j += 1
        if depth > 0:
            # Inside a quote: a sentence ends only if the quotes close right after the terminator.
            k, d = j, depth
            while k < end and k in closers and d > 0:
                d -= 1
                k += 1
            if d > 0:
                i = j
                continue
            depth, j = 0, k
        while j < end and text[j] in CLOSERS and j not in openers:
            j += 1
        spans.append((sent_start, j))
        sent_start = i = j
    if sent_start < end:
        spans.append((sent_start, end))
    out = []
    for s, e in spans:
        while s < e and text[s] in _SPACE:
            s += 1
        while e > s and text[e - 1] in _SPACE:
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def split_sentences(text: str, paragraphs: list[list[int]]) -> list[Sentence]:
    """Split a cleaned text into sentences, paragraph by paragraph.

    Args:
        text: doc.text.
        paragraphs: doc.paragraphs, [start, end) spans.

    Returns:
        Sentences (without tokens) carrying their paragraph index.
    """
    sentences: list[Sentence] = []
    for index, (start, end) in enumerate(paragraphs):
        for s, e in split_paragraph(text, start, end):
            sentences.append(Sentence(start=s, end=e, text=text[s:e], paragraph=index))
    return sentences
