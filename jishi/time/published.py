"""The publication date, from the first source that applies (issue 3).

1. ``doc.published`` as ingest set it (``--published``, an input field, HTML metadata, a timestamp line): kept
   with its source;
2. a timestamp line of a scraped page ("2025-07-08 09:41:12　来源：新华网"), which the clean stage records in
   ``doc.meta["timestamp"]``;
3. a dateline: ``doc.meta["dateline"]`` when the clean stage found one, else one in the first paragraph
   ("新华社北京12月1日电", "新华网上海5月12日电"), its year from the context;
   its year from the timestamp line, else the id's date, else the full date written nearest the dateline;
4. inferred, flagged ``published_inferred``: a date in the document id or file name, else the latest full date
   (year, month and day) written in the text.
Never the machine clock: with none of these, ``published`` stays None.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from jishi.document import Document
from jishi.time.numbers import parse_number, to_ascii_digits

log = logging.getLogger(__name__)

CN = "〇零一二三四五六七八九十"
DATELINE = re.compile(
    r"^[^。！？\n]{0,40}?(?:(?P<y>[12][0-9]{3})年)?(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月"
    r"(?P<d>3[01]|[12][0-9]|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日"
    r"(?:[0-9]{1,2}时)?(?:电|讯)"
)
FULL_DATE = re.compile(r"(?<![0-9])(?P<y>[12][0-9]{3})年(?P<m>1[0-2]|0?[1-9])月(?P<d>3[01]|[12][0-9]|0?[1-9])[日号]")
ID_DATE = re.compile(r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})[-_/.]?(?P<m>1[0-2]|0[1-9])[-_/.]?(?P<d>3[01]|[12][0-9]|0[1-9])(?![0-9])")
YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")


@dataclass(frozen=True)
class Publication:
    date: dt.date | None
    source: str | None
    inferred: bool


def parse_iso_day(value: str | None) -> dt.date | None:
    """Read 'YYYY-MM-DD' (a longer ISO timestamp is cut to its day); None when absent or invalid.

    Args:
        value: the string ingest stored in ``doc.published``.

    Returns:
        The date or None.
    """
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_dateline(text: str) -> tuple[int | None, int, int] | None:
    """(year or None, month, day) of a dateline such as 新华社北京12月1日电 at the start of ``text``.

    Args:
        text: the first paragraph of the article (or the dateline string itself).

    Returns:
        The parts, or None when the paragraph opens with no dateline.
    """
    match = DATELINE.search(to_ascii_digits(text))
    if not match:
        return None
    year = int(match.group("y")) if match.group("y") else None
    month, day = parse_number(match.group("m")), parse_number(match.group("d"))
    if month is None or day is None:
        return None
    return year, int(month), int(day)


def _id_date(doc: Document) -> dt.date | None:
    for value in (doc.id, doc.source_path, doc.url):
        if value:
            match = ID_DATE.search(str(value))
            if match:
                found = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
                if found:
                    return found
    return None


def _latest_full_date(text: str) -> dt.date | None:
    dates = [_safe_date(int(m["y"]), int(m["m"]), int(m["d"])) for m in FULL_DATE.finditer(to_ascii_digits(text))]
    dates = [d for d in dates if d]
    return max(dates) if dates else None


def _first_full_date(text: str) -> dt.date | None:
    """The first valid full date of the text: the one written nearest a dateline at its start."""
    for m in FULL_DATE.finditer(to_ascii_digits(text)):
        found = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if found:
            return found
    return None


def _timestamp_date(doc: Document) -> dt.date | None:
    """The date of the timestamp line the clean stage found (``doc.meta["timestamp"]``), if any."""
    stamp = doc.meta.get("timestamp") if isinstance(doc.meta, dict) else None
    if isinstance(stamp, dict):
        return parse_iso_day(stamp.get("date"))
    return None


def _dateline_year(doc: Document, text: str, month: int, day: int) -> int | None:
    """The year of a year-less dateline: from the timestamp line, the id's date, else the full date written
    nearest the dateline (a later background date such as 2023年10月7日爆发 says nothing of the report's year),
    else a year written."""
    for known in (_timestamp_date(doc), _id_date(doc), _first_full_date(text)):
        if known:
            candidate = _safe_date(known.year, month, day)
            if candidate and (candidate - known).days > 180:  # a December dateline, a January id date
                return known.year - 1
            if candidate and (known - candidate).days > 180:  # a January dateline, a December id date
                return known.year + 1
            return known.year
    years = [int(y) for y in YEAR.findall(to_ascii_digits(text))]
    return max(years) if years else None


def determine_published(doc: Document, text: str, first_paragraph: str) -> Publication:
    """Decide the publication date of ``doc`` (see the module docstring for the order).

    Args:
        doc: the document; its ``published``, ``published_source``, ``meta``, ``id`` are read.
        text: the cleaned text.
        first_paragraph: the text of the first paragraph, searched for a dateline.

    Returns:
        The date (or None), the source name and whether it was inferred.
    """
    given = parse_iso_day(doc.published)
    if given is not None:
        return Publication(given, doc.published_source, doc.published_inferred)
    if doc.published:
        log.warning("%s: published %r is not a YYYY-MM-DD date; looking for another", doc.id, doc.published)
    stamped = _timestamp_date(doc)
    if stamped is not None:
        return Publication(stamped, "timestamp", False)
    dateline = doc.meta.get("dateline") if isinstance(doc.meta, dict) else None
    if isinstance(dateline, dict):
        dateline = dateline.get("date") or dateline.get("text")
    parts = None
    if isinstance(dateline, str) and dateline:
        from_meta = parse_iso_day(dateline)
        if from_meta:
            return Publication(from_meta, "dateline", False)
        parts = find_dateline(dateline)
    if parts is None:
        parts = find_dateline(first_paragraph)
    if parts is not None:
        year, month, day = parts
        if year is None:
            year = _dateline_year(doc, text, month, day)
        found = _safe_date(year, month, day) if year else None
        if found:
            return Publication(found, "dateline", False)
        log.info("%s: dateline %s-%s without a year in context", doc.id, month, day)
    inferred = _id_date(doc) or _latest_full_date(text)
    if inferred:
        return Publication(inferred, "inferred", True)
    return Publication(None, None, False)
