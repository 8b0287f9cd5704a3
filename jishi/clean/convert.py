"""Traditional -> simplified Chinese for analysis, keeping the length (and so every offset).

OpenCC's phrase conversion (t2s) is used line by line; where it changes a line's length the line is
converted character by character instead, so ``len(convert(text)) == len(text)`` always holds.

One OpenCC t2s object serves the whole process (:func:`t2s_opencc`; the geo stage simplifies names with
it too). Its dictionaries are read from the start-up cache of :mod:`jishi.cache`: opencc_purepy's own
loader parses one 2.5 MB JSON of every conversion's dictionaries (about 0.1 s, paid by every worker on its
first batch), where t2s needs three of them (60 kB).
"""
from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

T2S_SLOTS = ("ts_characters", "ts_phrases", "ts_punctuations")  # the dictionaries OpenCC's t2s reads


def _t2s_slots() -> dict[str, Any]:
    """The t2s dictionaries of opencc_purepy's packaged provider, as ``{slot: (mapping, max length)}``."""
    from opencc_purepy.dictionary_lib import DictionaryMaxlength

    provider = DictionaryMaxlength.get_provider()
    return {slot: getattr(provider, slot) for slot in T2S_SLOTS}


@functools.lru_cache(maxsize=1)
def t2s_opencc() -> Any:
    """The process-wide ``OpenCC("t2s")``, built on its packaged dictionaries' t2s slots only.

    It converts exactly as ``OpenCC("t2s")`` does (t2s reads no other slot); the slots come from the
    start-up cache, keyed by this module and the installed opencc-purepy.
    """
    from opencc_purepy import OpenCC
    from opencc_purepy.dictionary_lib import DictionaryMaxlength

    from jishi.cache import cached, fingerprint

    key = fingerprint(files=[Path(__file__)], packages=("opencc-purepy",))
    dictionary = DictionaryMaxlength()
    for slot, value in cached("opencc-t2s", key, _t2s_slots).items():
        setattr(dictionary, slot, value)
    return OpenCC("t2s", dictionary=dictionary)


class SimplifiedConverter:
    """Length-preserving t2s conversion with the process-wide OpenCC object (:func:`t2s_opencc`, built on
    first use)."""

    def __init__(self) -> None:
        self._chars: dict[str, str] = {}
        self._changed: set[str] = set()  # the characters of _chars that convert to another character

    def __getstate__(self) -> dict[str, Any]:  # Ray/multiprocessing pickle stages: rebuild lazily
        return {"_chars": {}, "_changed": set()}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)

    def _note(self, char: str, out: str) -> None:
        """Remember the conversion of ``char``."""
        self._chars[char] = out
        if out != char:
            self._changed.add(char)

    def convert_char(self, char: str) -> str:
        """One character to simplified (itself when OpenCC maps it to more or fewer characters)."""
        out = self._chars.get(char)
        if out is None:
            conv = t2s_opencc().convert(char)
            out = conv if len(conv) == 1 else char
            self._note(char, out)
        return out

    def _learn(self, chars: set[str]) -> None:
        """Convert many new characters in one OpenCC call (one per line, so no phrase spans two)."""
        if not chars:
            return
        ordered = sorted(chars - {"\n"})
        converted = t2s_opencc().convert("\n".join(ordered)).split("\n")
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
            conv = t2s_opencc().convert(line) if line else line
            if len(conv) != len(line):
                log.debug("t2s changed the length of a line; converting it per character")
                conv = "".join(self.convert_char(ch) for ch in line)
            out.append(conv)
        result = "\n".join(out)
        if len(result) != len(text):  # cannot happen line by line, but offsets depend on it
            result = "".join(self.convert_char(ch) for ch in text)
        return result
