"""Small span helpers shared by quotes and events: quotation-mark pairs, clauses, token lookup."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from jishi.document import Document, Sentence, Token

OPEN_QUOTES = "“「『"
CLOSE_QUOTES = "”」』"
CLAUSE_BREAKS = frozenset("，,；;：:。！？!?\n")
SENTENCE_END = frozenset("。！？!?")
MAX_QUOTE = 600
_QUOTE_MARK_RX = re.compile("[" + re.escape(OPEN_QUOTES + CLOSE_QUOTES) + "\n]")
_CLAUSE_BREAK_RX = re.compile("[" + re.escape("".join(sorted(CLAUSE_BREAKS))) + "]")


def find_quote_pairs(text: str) -> list[tuple[int, int]]:
    """Pairs of quotation marks in a text.

    Args:
        text: doc.text.

    Returns:
        ``(open, close)`` indexes of each “ and its ” (close is the index of the closing mark);
        unclosed marks and runs longer than MAX_QUOTE characters are left out.
    """
    pairs: list[tuple[int, int]] = []
    stack: list[int] = []
    for m in _QUOTE_MARK_RX.finditer(text):
        i, ch = m.start(), m.group()
        if ch in OPEN_QUOTES:
            stack.append(i)
        elif ch in CLOSE_QUOTES and stack:
            j = stack.pop()
            if i - j <= MAX_QUOTE:
                pairs.append((j, i))
        elif ch == "\n" and stack and i - stack[-1] > MAX_QUOTE:
            stack.clear()
    pairs.sort()
    return pairs


class QuoteIndex:
    """Answers "is offset i inside quotation marks" in O(log n)."""

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        self.pairs = pairs
        self._starts = [p[0] for p in pairs]
        self._by_close = {c: (o, c) for o, c in reversed(pairs)}  # the first pair in text order wins

    def enclosing(self, pos: int) -> tuple[int, int] | None:
        """The innermost pair with open < pos < close, or None."""
        i = bisect.bisect_left(self._starts, pos) - 1
        while i >= 0:
            o, c = self.pairs[i]
            if o < pos < c:
                return o, c
            if c < pos and o < pos - MAX_QUOTE:
                break
            i -= 1
        return None

    def pair_closing_at(self, pos: int) -> tuple[int, int] | None:
        """The pair whose closing mark is at ``pos``, or None."""
        return self._by_close.get(pos)

    def first_opening_from(self, pos: int) -> int:
        """Index in ``pairs`` of the first pair opening at or after ``pos``."""
        return bisect.bisect_left(self._starts, pos)

    def opening_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The pairs whose opening mark lies in ``[start, end)``, in text order."""
        i = bisect.bisect_left(self._starts, start)
        return self.pairs[i:bisect.bisect_left(self._starts, end, i)]

    def pair_opening_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self._starts, pos)
        if i < len(self.pairs) and self.pairs[i][0] == pos:
            return self.pairs[i]
        return None


@dataclass(frozen=True)
class Clause:
    start: int
    end: int


def clauses_of(doc: Document, sent: Sentence, limit: int | None = None) -> list[Clause]:
    """Split a sentence at commas, semicolons and colons (outside quotation marks are not required:
    a comma inside “…” still ends a clause, which keeps arguments local).

    Args:
        doc: the document.
        sent: one of its sentences.
        limit: return only the first ``limit`` clauses (default: all).

    Returns:
        Clauses with doc offsets, covering the sentence.
    """
    out: list[Clause] = []
    start = sent.start
    text = doc.text
    for m in _CLAUSE_BREAK_RX.finditer(text, sent.start, sent.end):
        i = m.start()
        if i > start:
            out.append(Clause(start, i))
            if limit is not None and len(out) >= limit:
                return out
        start = i + 1
    if start < sent.end:
        out.append(Clause(start, sent.end))
    return out or [Clause(sent.start, sent.end)]


def clause_at(clauses: list[Clause], pos: int) -> Clause:
    for c in clauses:
        if c.start <= pos < c.end:
            return c
    return clauses[-1]


def tokens_in(tokens: list[Token], start: int, end: int) -> list[Token]:
    """Tokens of a sentence lying inside [start, end)."""
    return [t for t in tokens if t.start >= start and t.end <= end]
