"""Small span helpers shared by quotes and events: quotation-mark pairs, clauses, token lookup."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from jishi.document import Document, Sentence, Token

OPEN_QUOTES = "“「『"
CLOSE_QUOTES = "”」』"
CLAUSE_BREAKS = frozenset("，,；;：:。！？!?\n")
SENTENCE_END = frozenset("。！？!?")
MAX_QUOTE = 600


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
    for i, ch in enumerate(text):
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

    def pair_opening_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_left(self._starts, pos)
        if i < len(self.pairs) and self.pairs[i][0] == pos:
            return self.pairs[i]
        return None


@dataclass(frozen=True)
class Clause:
    start: int
    end: int


def clauses_of(doc: Document, sent: Sentence) -> list[Clause]:
    """Split a sentence at commas, semicolons and colons (outside quotation marks are not required:
    a comma inside “…” still ends a clause, which keeps arguments local).

    Returns:
        Clauses with doc offsets, covering the sentence.
    """
    out: list[Clause] = []
    start = sent.start
    text = doc.text
    for i in range(sent.start, sent.end):
        if text[i] in CLAUSE_BREAKS:
            if i > start:
                out.append(Clause(start, i))
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
