"""Turn the bytes of an input into text: BOMs, UTF-8, GB18030/GBK and Big5, and binary detection.

Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); NUL bytes mean binary; strict UTF-8;
otherwise every legacy Chinese encoding that decodes the bytes strictly is scored for
plausibility and the best one wins. GB18030 decodes most Big5 byte strings too (and the reverse),
but the result is then full of rare characters, kana and Cyrillic: the plausibility score is the
share of characters that are ASCII, common punctuation, or *frequent* hanzi of that encoding
(GB2312 level 1 for GB, the Big5 "frequent characters" block for Big5).
"""
from __future__ import annotations

import codecs
import logging
import unicodedata

from jishi.ingest.errors import BinaryInputError, EmptyInputError, EncodingError

log = logging.getLogger(__name__)

# (bom, codec name) -- UTF-32 before UTF-16: the UTF-32 LE BOM starts with the UTF-16 LE BOM.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_LEGACY = ("gb18030", "big5", "cp950")
_SAMPLE_CHARS = 20000
_MIN_PLAUSIBILITY = 0.75
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def detect_bom(data: bytes) -> str | None:
    """Return the codec named by a byte-order mark at the start of ``data``, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def _is_frequent_hanzi(char: str, encoding: str) -> bool:
    """True when ``char`` is in the frequent-character block of ``encoding``."""
    if encoding == "gb18030":
        try:
            lead = char.encode("gb2312")[0]
        except UnicodeEncodeError:
            return False
        return 0xB0 <= lead <= 0xD7  # GB2312 level 1: the 3,755 most frequent hanzi
    try:
        lead = char.encode("big5")[0]
    except UnicodeEncodeError:
        return False
    return 0xA4 <= lead <= 0xC6  # Big5 常用字 block: A440-C67E


def plausibility(text: str, encoding: str) -> float:
    """Share of non-space characters that look like ordinary Chinese text in ``encoding``.

    Args:
        text: decoded text (only its first 20,000 characters are scored).
        encoding: the codec it was decoded with ("gb18030", "big5" or "cp950").

    Returns:
        A number in [0, 1]; correctly decoded news text scores above 0.9.
    """
    sample = text[:_SAMPLE_CHARS]
    seen: dict[str, bool] = {}
    good = total = 0
    for char in sample:
        if char.isspace():
            continue
        total += 1
        ok = seen.get(char)
        if ok is None:
            if char.isascii():
                ok = char.isprintable()
            elif "\u4e00" <= char <= "\u9fff":
                ok = _is_frequent_hanzi(char, encoding)
            else:
                # CJK and full-width punctuation are fine; kana, Cyrillic, box drawing are not.
                ok = unicodedata.category(char).startswith("P") and (
                    "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef" or "\u2010" <= char <= "\u2027"
                )
            seen[char] = ok
        good += ok
    return good / total if total else 0.0


def _control_share(text: str) -> float:
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in _ALLOWED_CONTROLS)
    return bad / len(sample)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-16 text that has NUL bytes but no BOM, when the result reads as Chinese or ASCII."""
    if len(data) % 2:
        return None
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if max(plausibility(text, "gb18030"), plausibility(text, "big5")) >= 0.95 and not _control_share(text):
            return text, name
    return None


def _decode_legacy(data: bytes, *, path: str, complete: bool) -> tuple[str, str]:
    """Decode with the most plausible legacy Chinese codec (GB18030, Big5, CP950)."""
    best: tuple[str, str] | None = None
    best_score = 0.0
    for name in _LEGACY:
        try:
            text = data.decode(name)
        except UnicodeDecodeError as exc:
            # A prefix may end inside a multi-byte character.
            at_end = exc.start >= len(data) - 1 and exc.reason in ("incomplete multibyte sequence", "truncated data")
            if complete or not at_end:
                continue
            text = data[: exc.start].decode(name, errors="replace")
        score = plausibility(text, name)
        log.debug("%s: %s plausibility %.2f", path, name, score)
        if score > best_score:
            best, best_score = (text, name), score
    if best is None or best_score < _MIN_PLAUSIBILITY:
        raise EncodingError(
            "undecodable bytes: not UTF-8, UTF-16, GB18030 or Big5 text"
            + (f" (best guess {best[1]} is implausible)" if best else ""),
            path=path,
        )
    return best


def _decode(data: bytes, *, path: str, complete: bool) -> tuple[str, str]:
    bom = detect_bom(data)
    if bom:
        try:
            return data.decode(bom), bom
        except UnicodeDecodeError as exc:
            if complete:
                raise EncodingError(f"undecodable bytes at byte {exc.start} as {bom}", path=path) from exc
            return data[: exc.start].decode(bom), bom
    if b"\x00" in data[:65536]:
        found = _utf16_without_bom(data if complete else data[: len(data) // 2 * 2])
        if found:
            return found
        raise BinaryInputError("binary file (NUL bytes), not text", path=path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # A prefix may cut a multi-byte character at its very end: that is still UTF-8.
        if not complete and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data[: exc.start].decode("utf-8"), "utf-8"
    return _decode_legacy(data, path=path, complete=complete)


def detect_encoding(data: bytes, *, path: str = "") -> str:
    """Name the codec of a stream from a prefix of its bytes (the prefix may end anywhere).

    Args:
        data: the first bytes of the input.
        path: used in error messages.

    Returns:
        A Python codec name.

    Raises:
        BinaryInputError: NUL bytes outside a UTF-16/32 text.
        EncodingError: no supported encoding gives plausible text.
    """
    return _decode(data, path=path, complete=False)[1]


def decode_bytes(data: bytes, *, path: str = "") -> tuple[str, str]:
    """Decode the bytes of a text input (each candidate codec decodes it at most once).

    Args:
        data: the whole input.
        path: used in error messages.

    Returns:
        (text, encoding): the text with any BOM removed, and the codec used.

    Raises:
        EmptyInputError: no bytes, or only whitespace.
        BinaryInputError: NUL bytes or many control characters.
        EncodingError: undecodable bytes.
    """
    if not data.strip():
        raise EmptyInputError("empty file", path=path)
    text, encoding = _decode(data, path=path, complete=True)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise BinaryInputError("binary file (control characters), not text", path=path)
    if not text.strip():
        raise EmptyInputError("empty file", path=path)
    return text, encoding
