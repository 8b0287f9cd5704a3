"""Traditional -> simplified Chinese for analysis, keeping the length (and so every offset).

OpenCC's phrase conversion (t2s) is used line by line; where it changes a line's length the line is
converted character by character instead, so ``len(convert(text)) == len(text)`` always holds.
"""
from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)


class SimplifiedConverter:
    """Length-preserving t2s conversion; the OpenCC object is created on first use."""

    def __init__(self) -> None:
        self._cc: Any = None
        self._chars: dict[str, str] = {}
        self._changed: set[str] = set()  # the characters of _chars that convert to another character

    def __getstate__(self) -> dict[str, Any]:  # Ray/multiprocessing pickle stages: rebuild lazily
        return {"_cc": None, "_chars": {}, "_changed": set()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def _opencc(self) -> Any:
        if self._cc is None:
            from opencc_purepy import OpenCC

            self._cc = OpenCC("t2s")
        return self._cc

    def _note(self, char: str, out: str) -> None:
        """Remember the conversion of ``char``."""
        self._chars[char] = out
        if out != char:
            self._changed.add(char)

    def convert_char(self, char: str) -> str:
        """One character to simplified (itself when OpenCC maps it to more or fewer characters)."""
        out = self._chars.get(char)
        if out is None:
            conv = self._opencc().convert(char)
            out = conv if len(conv) == 1 else char
            self._note(char, out)
        return out

    def _learn(self, chars: set[str]) -> None:
        """Convert many new characters in one OpenCC call (one per line, so no phrase spans two)."""
        if not chars:
            return
        ordered = sorted(chars - {"\n"})
        converted = self._opencc().convert("\n".join(ordered)).split("\n")
        if len(converted) != len(ordered):
            for ch in ordered:
                self.convert_char(ch)
            return
        for ch, conv in zip(ordered, converted):
            self._note(ch, conv if len(conv) == 1 else ch)

    def convert(self, text: str) -> str:
        """Convert ``text`` to simplified Chinese without changing its length.

        Args:
            text: any text (simplified text comes back unchanged, quickly).

        Returns:
            The simplified text, ``len(result) == len(text)``.
        """
        chars = set(text)
        self._learn({ch for ch in chars.difference(self._chars) if not ch.isascii()})
        if self._changed.isdisjoint(chars):  # no character converts to another: nothing to do
            return text
        out = []
        for line in text.split("\n"):
            conv = self._opencc().convert(line) if line else line
            if len(conv) != len(line):
                log.debug("t2s changed the length of a line; converting it per character")
                conv = "".join(self.convert_char(ch) for ch in line)
            out.append(conv)
        result = "\n".join(out)
        if len(result) != len(text):  # cannot happen line by line, but offsets depend on it
            result = "".join(self.convert_char(ch) for ch in text)
        return result
