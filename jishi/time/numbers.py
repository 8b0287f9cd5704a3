"""Numbers as Chinese news writes them: ASCII or full-width digits, or Chinese numerals.

``parse_number("二十三") == 23``, ``parse_number("２０２５") == 2025``, ``parse_number("二〇二五") == 2025``.
"""
from __future__ import annotations

import re

FULLWIDTH = str.maketrans("０１２３４５６７８９．", "0123456789.")
_FULLWIDTH_CHARS = re.compile("[０-９．]")

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_TENS = {"廿": 20, "卅": 30}


def to_ascii_digits(text: str) -> str:
    """Replace full-width digits and full stops by ASCII ones (same length).

    Args:
        text: any string.

    Returns:
        The string with ０-９ and ． mapped to 0-9 and ``.``.
    """
    if _FULLWIDTH_CHARS.search(text) is None:  # the usual case; translate() is slow on long texts
        return text
    return text.translate(FULLWIDTH)


def parse_number(text: str) -> float | None:
    """Read a cardinal number written in digits or Chinese numerals.

    Args:
        text: "23", "２３", "二十三", "廿三", "两", "二〇二五", "1.5".

    Returns:
        The number (an int-valued float is returned as int), or None when ``text`` is not a number.
    """
    text = to_ascii_digits(text.strip())
    if not text:
        return None
    if all(c.isdigit() or c == "." for c in text):
        try:
            value = float(text)
        except ValueError:
            return None
        return int(value) if value.is_integer() else value
    if all(c in _DIGITS or c.isdigit() for c in text):  # digit by digit: 二〇二五, 二00二
        return int("".join(str(_DIGITS.get(c, c)) for c in text))
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char in _TENS:
            total += _TENS[char]
            current = 0
        elif char in _UNITS:
            total += (current or 1) * _UNITS[char]
            current = 0
        else:
            return None
    return total + current
