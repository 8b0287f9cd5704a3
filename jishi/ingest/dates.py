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


# A scraped page's timestamp line: "2025-07-08 09:41:12　来源：新华网　【字体：大 中 小】",
# "2026年03月11日 08:15 来源：央视新闻客户端", "发布时间：2026-02-26 06:58", "来源：人民网 2026-04-15 10:20".
_TIMESTAMP_LINE = re.compile(
    r"^(?:(?:发布时间|发布日期|发布于|更新时间|时间|日期)[：:]\s*|来源[：:]\s*\S{1,20}[\s\u3000]+)?"
    r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?"
    r"(?P<clock>[\s\u3000]*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
    r"(?P<rest>(?:[\s\u3000|丨｜]+.{0,80})?)$"
)
# What may follow the date and time on such a line: page furniture, never a sentence.
_TIMESTAMP_REST = re.compile(r"^[\s\u3000|丨｜]*(?:(?:来源|作者|编辑|责任编辑|责编|字体|浏览|阅读|分享|打印|评论)|【)")
_SENTENCE_PUNCT = re.compile(r"[，。！？；,;!?]")
TIMESTAMP_SEARCH_LINES = 8


def timestamp_line_date(line: str) -> str | None:
    """The publication date of a scraped page's timestamp line, or None when ``line`` is not one.

    A timestamp line is a full date (``2025-07-08``, ``2026年03月11日``) with an optional clock time, optionally
    followed by page furniture (``来源：新华网``, ``【字体：大 中 小】``); it holds no sentence punctuation.

    Args:
        line: one stripped line of the raw text.

    Returns:
        The date as ``YYYY-MM-DD``, or None.
    """
    text = line.strip(" \t\u3000\xa0")
    if len(text) > 120 or _SENTENCE_PUNCT.search(text):
        return None
    m = _TIMESTAMP_LINE.match(text)
    if not m:
        return None
    rest = m["rest"].strip(" \t\u3000")
    if rest and not (_TIMESTAMP_REST.match(rest) or (m["clock"] and len(rest) <= 20)):
        return None
    return _valid(int(m["y"]), int(m["m"]), int(m["d"]))


def find_timestamp_line(raw: str, max_lines: int = TIMESTAMP_SEARCH_LINES) -> tuple[int, str, str] | None:
    """The first timestamp line among the opening lines of a raw text.

    Args:
        raw: the raw article text.
        max_lines: how many non-blank lines to look at.

    Returns:
        (offset of the line in ``raw``, the stripped line, its date ``YYYY-MM-DD``), or None.
    """
    pos = 0
    seen = 0
    for chunk in raw.splitlines(keepends=True):
        stripped = chunk.strip(" \t\r\n\u3000\xa0\ufeff")
        if stripped:
            seen += 1
            day = timestamp_line_date(stripped)
            if day:
                return pos + chunk.index(stripped), stripped, day
            if seen >= max_lines:
                break
        pos += len(chunk)
    return None
