"""Normalise the publication dates found in records and pages to ``YYYY-MM-DD``."""
from __future__ import annotations

import datetime as dt
import email.utils
import re

_NUMERIC = re.compile(
    r"^\s*(?P<y>\d{4})\s*(?:[-/.年]\s*)(?P<m>\d{1,2})\s*(?:[-/.月]\s*)(?P<d>\d{1,2})\s*日?(?:$|[\sT日,，])"
)
_COMPACT = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:$|[\sT])")
_DMY = re.compile(r"^\s*(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})\s*$")
_EPOCH = re.compile(r"^\s*(?P<s>\d{9,10})(?P<ms>\d{3})?\s*$")
_ENGLISH_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b. %d, %Y")


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def normalize_date(value: object) -> str | None:
    """Read a date in any common format and return it as ``YYYY-MM-DD``.

    Handles ISO dates and datetimes, ``2025/12/2``, ``2025.12.02``, ``2025年12月2日``,
    ``20251202``, ``02/12/2025`` (day first), RFC 2822 (``Tue, 02 Dec 2025 10:00:00 GMT``),
    English month names and Unix timestamps (seconds or milliseconds).

    Args:
        value: a string, a number (timestamp), a date or a datetime.

    Returns:
        The ISO date, or None when the value is empty or not a date.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        value = str(int(value))
    text = str(value).strip()
    if not text:
        return None
    for pattern in (_NUMERIC, _COMPACT, _DMY):
        m = pattern.match(text)
        if m:
            return _valid(int(m["y"]), int(m["m"]), int(m["d"]))
    m = _EPOCH.match(text)
    if m:
        return dt.datetime.fromtimestamp(int(m["s"]), tz=dt.timezone.utc).date().isoformat()
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    for fmt in _ENGLISH_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None
