"""Readers: text and Markdown, HTML (trafilatura), and record dumps (JSON Lines, JSON, CSV).

Each reader turns one decoded input into Documents. Record readers yield an
:class:`~jishi.errors.InputError` for each bad record and go on with the next one.
"""
from __future__ import annotations

import csv
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TextIO

from jishi.document import Document
from jishi.errors import InputError
from jishi.ingest.dates import normalize_date
from jishi.ingest.errors import (
    EmptyInputError,
    MalformedRecordError,
    MissingTextError,
    NoMainTextError,
    NoTextColumnError,
    TooLargeError,
)

log = logging.getLogger(__name__)

Item = Document | InputError

RECORD_FIELDS = ("id", "title", "text", "published", "url", "source")
# Record fields read as the publication date when `published` is absent (in this order).
PUBLISHED_FALLBACKS = ("program_date", "pub_date", "publish_date", "publish_time", "pubdate", "date")
_TITLE_MAX_CHARS = 60
_MIN_MAIN_TEXT_CHARS = 20
_SENTENCE_END = "。！？!?；;…"
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>.+?)\s*#*\s*$")


def guess_title(text: str, *, markdown: bool = False) -> str | None:
    """Find the title of a plain-text article: a Markdown heading or a short first line.

    Args:
        text: the whole article.
        markdown: also accept the first ``#`` heading anywhere before the first paragraph.

    Returns:
        The title, or None when the first line reads like body text (or is the only line).
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    m = _MD_HEADING.match(lines[0])
    if m:
        return m["title"].strip()
    if markdown:
        for line in lines[:5]:
            m = _MD_HEADING.match(line)
            if m:
                return m["title"].strip()
    first = lines[0]
    if len(lines) < 2 or len(first) > _TITLE_MAX_CHARS or first[-1] in _SENTENCE_END or "。" in first:
        return None
    return first


def read_text(text: str, *, path: str, doc_id: str, markdown: bool = False) -> Document:
    """Make a Document of a plain-text or Markdown article.

    Args:
        text: the decoded file.
        path: where it came from.
        doc_id: the document id (the file name without extension).
        markdown: the input is Markdown (``#`` headings).

    Returns:
        The Document, with raw_text = the whole text and title = its first heading-like line.
    """
    if not text.strip():
        raise EmptyInputError("empty file", path=path)
    return Document(
        id=doc_id,
        raw_text=text,
        title=guess_title(text, markdown=markdown),
        source_path=path,
        meta={"format": "markdown" if markdown else "text"},
    )


def read_html(html: str, *, path: str, doc_id: str) -> Document:
    """Extract the main text and metadata of an HTML page with trafilatura.

    Args:
        html: the decoded page.
        path: where it came from.
        doc_id: the document id.

    Returns:
        A Document whose raw_text is the extracted main text; title, url, source (site name) and
        published (from the page metadata, published_source="html") when the page has them.

    Raises:
        NoMainTextError: trafilatura finds no main text.
    """
    import trafilatura

    try:
        result = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_recall=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        raise NoMainTextError(f"cannot parse HTML: {exc}", path=path) from exc
    result = result.as_dict() if hasattr(result, "as_dict") else (result or {})
    text = result.get("text") or ""
    if not _is_main_text(text):
        raise NoMainTextError("HTML page without main text", path=path)
    published = normalize_date(result.get("date"))
    meta: dict[str, Any] = {"format": "html"}
    for key in ("author", "hostname", "description", "categories", "tags"):
        if result.get(key):
            meta[key] = result[key]
    return Document(
        id=doc_id,
        raw_text=text,
        title=(result.get("title") or None),
        published=published,
        published_source="html" if published else None,
        url=result.get("url") or None,
        source=result.get("sitename") or None,
        source_path=path,
        meta=meta,
    )


def _is_main_text(text: str) -> bool:
    """Reject what trafilatura falls back to on pages without an article: a few link words."""
    squashed = "".join(text.split())
    return len(squashed) >= _MIN_MAIN_TEXT_CHARS or any(ch in _SENTENCE_END for ch in squashed)


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else str(value)
    return text.strip() or None


def record_to_document(
    record: Mapping[str, Any],
    *,
    path: str,
    default_id: str,
    fields: Mapping[str, str] | None = None,
    max_chars: int | None = None,
) -> Document:
    """Make a Document of one JSON/CSV record.

    Args:
        record: the record (a JSON object or a CSV row).
        path: the file it came from.
        default_id: the id used when the record has none (file stem and line number).
        fields: our field -> their field, e.g. {"text": "body"}.
        max_chars: refuse texts longer than this.

    Returns:
        The Document; fields other than id/title/text/published/url/source go to doc.meta.

    Raises:
        MissingTextError: the record has no text.
        TooLargeError: the text is longer than max_chars.
    """
    fields = dict(fields or {})
    keys = {ours: fields.get(ours, ours) for ours in RECORD_FIELDS}
    doc_id = _as_str(record.get(keys["id"])) or default_id
    text = record.get(keys["text"])
    if isinstance(text, list) and all(isinstance(t, str) for t in text):
        text = "\n".join(text)  # a body given as a list of paragraphs
    if not isinstance(text, str) or not text.strip():
        raise MissingTextError(f"record {doc_id} has no text (field {keys['text']!r})", path=path)
    if max_chars is not None and len(text) > max_chars:
        raise TooLargeError(f"record {doc_id}: text of {len(text)} characters is above the limit", path=path)
    meta = {k: v for k, v in record.items() if k not in keys.values()}
    published = None
    raw_published = record.get(keys["published"])
    if raw_published in (None, "") and "published" not in fields:
        raw_published = next((record[k] for k in PUBLISHED_FALLBACKS if record.get(k) not in (None, "")), None)
    if raw_published not in (None, ""):
        published = normalize_date(raw_published)
        if published is None:
            meta["published_raw"] = raw_published
            log.warning("%s: record %s: cannot read published date %r", path, doc_id, raw_published)
    meta["format"] = "record"
    return Document(
        id=doc_id,
        raw_text=text,
        title=_as_str(record.get(keys["title"])),
        published=published,
        published_source="field" if published else None,
        url=_as_str(record.get(keys["url"])),
        source=_as_str(record.get(keys["source"])),
        source_path=path,
        meta=meta,
    )


def _records_to_items(
    records: Iterable[tuple[int, Any]],
    *,
    path: str,
    stem: str,
    unit: str,
    fields: Mapping[str, str] | None,
    max_chars: int | None,
) -> Iterator[Item]:
    for number, record in records:
        if isinstance(record, InputError):
            yield record
            continue
        if not isinstance(record, Mapping):
            yield MalformedRecordError(f"{unit} {number}: not a JSON object", path=path)
            continue
        try:
            yield record_to_document(
                record, path=path, default_id=f"{stem}-{number}", fields=fields, max_chars=max_chars
            )
        except InputError as exc:
            exc.message = f"{unit} {number}: {exc.message}"
            yield exc


def _parse_json_lines(lines: Iterable[str], *, path: str) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, MalformedRecordError(f"line {number}: malformed JSON ({exc.msg})", path=path)


def iter_jsonl(
    lines: Iterable[str],
    *,
    path: str,
    stem: str,
    fields: Mapping[str, str] | None = None,
    max_chars: int | None = None,
) -> Iterator[Item]:
    """Read JSON Lines: one record per line; a malformed line is an error naming its number.

    Args:
        lines: the lines of the file (a text stream works).
        path: the file, for messages.
        stem: the file name without extension, for default ids (``stem-LINE``).
        fields: our field -> their field.
        max_chars: refuse longer texts.

    Returns:
        An iterator of Documents and InputErrors.
    """
    seen = False
    for item in _records_to_items(
        _parse_json_lines(lines, path=path), path=path, stem=stem, unit="line", fields=fields, max_chars=max_chars
    ):
        seen = True
        yield item
    if not seen:
        yield EmptyInputError("empty file (no JSON lines)", path=path)


def iter_json(
    text: str,
    *,
    path: str,
    stem: str,
    fields: Mapping[str, str] | None = None,
    max_chars: int | None = None,
) -> Iterator[Item]:
    """Read a JSON file holding an array of records or a single record.

    A file of several JSON objects one per line (JSON Lines named ``.json``) is read as JSON Lines.

    Args:
        text: the decoded file.
        path, stem, fields, max_chars: as for :func:`iter_jsonl`.

    Returns:
        An iterator of Documents and InputErrors (record numbers count from 1).
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            yield from iter_jsonl(text.splitlines(), path=path, stem=stem, fields=fields, max_chars=max_chars)
            return
        yield MalformedRecordError(f"malformed JSON at line {exc.lineno} column {exc.colno} ({exc.msg})", path=path)
        return
    if isinstance(data, Mapping):
        items: list[tuple[int, Any]] = [(1, data)]
    elif isinstance(data, list):
        items = list(enumerate(data, start=1))
    else:
        yield MalformedRecordError("JSON is neither an object nor an array of objects", path=path)
        return
    if not items:
        yield EmptyInputError("empty JSON array", path=path)
        return
    yield from _records_to_items(items, path=path, stem=stem, unit="record", fields=fields, max_chars=max_chars)


def iter_csv(
    stream: TextIO,
    *,
    path: str,
    stem: str,
    fields: Mapping[str, str] | None = None,
    max_chars: int | None = None,
    delimiter: str = ",",
) -> Iterator[Item]:
    """Read a CSV (or TSV) file whose header names the record fields.

    Args:
        stream: the decoded file, opened with ``newline=""``.
        path, stem, fields, max_chars: as for :func:`iter_jsonl`; default ids use the line number.
        delimiter: "," for CSV, "\\t" for TSV.

    Returns:
        An iterator of Documents and InputErrors.
    """
    limit = max(csv.field_size_limit(), (max_chars or 0) + 1)
    csv.field_size_limit(limit)  # the default 128 kB is too small for long articles
    reader = csv.DictReader(stream, delimiter=delimiter)
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        yield MalformedRecordError(f"malformed CSV header ({exc})", path=path)
        return
    if not header:
        yield EmptyInputError("empty CSV file", path=path)
        return
    text_col = dict(fields or {}).get("text", "text")
    if text_col not in header:
        yield NoTextColumnError(
            f"CSV has no {text_col!r} column (columns: {', '.join(h for h in header if h)}); "
            "name it with --field text=COLUMN",
            path=path,
        )
        return

    def rows() -> Iterator[tuple[int, Any]]:
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                message = f"line {reader.line_num}: malformed CSV ({exc})"
                yield reader.line_num, MalformedRecordError(message, path=path)
                continue
            row.pop(None, None)  # cells beyond the header
            yield reader.line_num, row

    seen = False
    for item in _records_to_items(rows(), path=path, stem=stem, unit="line", fields=fields, max_chars=max_chars):
        seen = True
        yield item
    if not seen:
        yield EmptyInputError("CSV file without rows", path=path)
