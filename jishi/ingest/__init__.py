"""Ingest: files, folders and stdin in, one Document per article out (or a one-line InputError).

Readers by extension::

    .txt .md            whole text; title = first heading-like line; id = file name without extension
    .html .htm          trafilatura main text + title, date, site name, url
    .jsonl .json .csv   records with id, title, text, published, url, source (``fields`` renames them)
    .tsv                like .csv, tab-separated
    folder              recursive, sorted, known extensions only (other files silently skipped)
    -                   stdin: JSON Lines when every non-blank line is a JSON object, else one text

Bad inputs never raise: each yields an :class:`~jishi.errors.InputError` (E1xx, see
:mod:`jishi.ingest.errors`) and the other inputs are still read.
"""
from __future__ import annotations

import io
import json
import logging
import os
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO, TextIO

from jishi.document import Document
from jishi.errors import InputError
from jishi.ingest.dates import find_timestamp_line, normalize_date
from jishi.ingest.encoding import decode_bytes, detect_encoding
from jishi.ingest.errors import (
    EmptyInputError,
    EncodingError,
    MissingPathError,
    TooLargeError,
    UnreadableError,
    UnsupportedFileError,
)
from jishi.ingest.readers import Item, guess_title, iter_csv, iter_json, iter_jsonl, read_html, read_text

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_EXTENSIONS = (".txt", ".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm")
RECORD_EXTENSIONS = (".jsonl", ".ndjson", ".json", ".csv", ".tsv")
KNOWN_EXTENSIONS = TEXT_EXTENSIONS + HTML_EXTENSIONS + RECORD_EXTENSIONS
_SNIFF_BYTES = 1 << 16

__all__ = ["DEFAULT_MAX_BYTES", "KNOWN_EXTENSIONS", "count_articles", "iter_documents", "read_path"]


def iter_documents(
    paths: list[str],
    *,
    fields: dict[str, str] | None = None,
    published: str | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | InputError]:
    """Read articles from files, folders and stdin.

    Args:
        paths: files, folders (read recursively, sorted) or ``-`` for stdin.
        fields: our record field -> the input's field, e.g. {"text": "body"}.
        published: a publication date (any common format) that overrides the inputs' own dates;
            documents then carry published_source="option".
        stdin: the stream read for ``-`` (default: sys.stdin).
        max_bytes: the size limit of one text (files above it are refused without being read).

    Returns:
        An iterator yielding a Document per article and an InputError per bad input, in input order.
    """
    option_date = None
    if published:
        option_date = normalize_date(published)
        if option_date is None:
            yield InputError(f"cannot read the date {published!r}; use YYYY-MM-DD", path="--published")
    for path in paths:
        for item in read_path(path, fields=fields, stdin=stdin, max_bytes=max_bytes):
            if isinstance(item, Document) and option_date:
                if item.published and item.published != option_date:
                    item.meta["published_input"] = item.published
                item.published = option_date
                item.published_source = "option"
                item.published_inferred = False
            elif isinstance(item, Document) and not item.published:
                _published_from_timestamp(item)
            yield item


def count_articles(paths: list[str]) -> int | None:
    """Estimate how many articles ``paths`` hold without decoding them, for a progress bar's total.

    A text or HTML file is one article; a JSON Lines file holds one per non-blank line; a CSV/TSV file one
    per line after the header (a quoted field spanning lines makes this an overestimate). Missing and
    unsupported files count 0 (reading them yields an error instead).

    Args:
        paths: the inputs, as for :func:`iter_documents`.

    Returns:
        The estimate, or None when it cannot be made cheaply (stdin, a .json file).
    """
    total = 0
    for path in paths:
        if path == "-":
            return None
        p = Path(path)
        if p.is_dir():
            files = sorted(_walk(p))
        else:  # an unsupported or missing file yields an error, not an article
            files = [p] if p.is_file() and p.suffix.lower() in KNOWN_EXTENSIONS else []
        for file in files:
            ext = file.suffix.lower()
            if ext == ".json":
                return None
            if ext not in RECORD_EXTENSIONS:
                total += 1
                continue
            try:
                with file.open("rb") as f:
                    lines = sum(1 for line in f if line.strip())
            except OSError:
                continue
            total += max(lines - 1, 0) if ext in (".csv", ".tsv") else lines
    return total


def _published_from_timestamp(doc: Document) -> None:
    """Date a document with no --published, field or HTML date from a timestamp line of its raw text.

    Scraped pages often open with "2025-07-08 09:41:12　来源：新华网"; that line is the best publication date
    such a text carries (published_source="timestamp").
    """
    found = find_timestamp_line(doc.raw_text or "")
    if found:
        doc.published = found[2]
        doc.published_source = "timestamp"
        doc.published_inferred = False
        doc.meta["timestamp_line"] = found[1]


def read_path(
    path: str,
    *,
    fields: Mapping[str, str] | None = None,
    stdin: TextIO | BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Item]:
    """Read one command-line input: a file, a folder or ``-``.

    Args:
        path: the input.
        fields, stdin, max_bytes: as for :func:`iter_documents`.

    Returns:
        An iterator of Documents and InputErrors.
    """
    if path == "-":
        yield from _read_stdin(stdin if stdin is not None else sys.stdin, fields=fields, max_bytes=max_bytes)
        return
    p = Path(path)
    if p.is_dir():
        files = sorted(_walk(p))
        if not files:
            yield EmptyInputError(f"folder holds no readable files ({' '.join(KNOWN_EXTENSIONS)})", path=path)
        for file in files:
            yield from _read_file(file, fields=fields, max_bytes=max_bytes)
        return
    if not p.exists():
        yield MissingPathError("no such file or folder", path=path)
        return
    if p.suffix.lower() not in KNOWN_EXTENSIONS:
        yield UnsupportedFileError(
            f"unsupported file type {p.suffix or '(no extension)'!r}; known: {' '.join(KNOWN_EXTENSIONS)}",
            path=path,
        )
        return
    yield from _read_file(p, fields=fields, max_bytes=max_bytes)


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and Path(name).suffix.lower() in KNOWN_EXTENSIONS:
                yield Path(root) / name


def _size_error(size: int, max_bytes: int, path: str) -> TooLargeError:
    return TooLargeError(
        f"text of {size / 2**20:.1f} MB is above the {max_bytes / 2**20:g} MB limit", path=path
    )


def _read_file(p: Path, *, fields: Mapping[str, str] | None, max_bytes: int) -> Iterator[Item]:
    path = str(p)
    ext = p.suffix.lower()
    try:
        if ext in (".jsonl", ".ndjson", ".csv", ".tsv"):
            yield from _read_stream_records(p, ext, fields=fields, max_bytes=max_bytes)
            return
        size = p.stat().st_size
        if size > max_bytes:
            yield _size_error(size, max_bytes, path)
            return
        data = p.read_bytes()
    except OSError as exc:
        yield UnreadableError(f"cannot read: {exc.strerror or exc}", path=path)
        return
    try:
        text, encoding = decode_bytes(data, path=path)
        del data
        if ext in HTML_EXTENSIONS:
            docs: list[Item] = [read_html(text, path=path, doc_id=p.stem)]
        elif ext == ".json":
            docs = list(iter_json(text, path=path, stem=p.stem, fields=fields, max_chars=max_bytes))
        else:
            docs = [read_text(text, path=path, doc_id=p.stem, markdown=ext != ".txt")]
    except InputError as exc:
        yield exc
        return
    for doc in docs:
        if isinstance(doc, Document):
            doc.meta.setdefault("encoding", encoding)
        yield doc


def _read_stream_records(
    p: Path, ext: str, *, fields: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Item]:
    """Stream a JSON Lines or CSV file (these dumps may be far larger than one text)."""
    path = str(p)
    with p.open("rb") as raw:
        head = raw.read(_SNIFF_BYTES)
        if not head.strip():
            yield EmptyInputError("empty file", path=path)
            return
        try:
            encoding = detect_encoding(head, path=path)
        except InputError as exc:
            yield exc
            return
        raw.seek(0)
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
        if ext in (".csv", ".tsv"):
            items = iter_csv(
                stream, path=path, stem=p.stem, fields=fields, max_chars=max_bytes,
                delimiter="\t" if ext == ".tsv" else ",",
            )
        else:
            items = iter_jsonl(stream, path=path, stem=p.stem, fields=fields, max_chars=max_bytes)
        count = 0
        try:
            for item in items:
                if isinstance(item, Document):
                    item.meta.setdefault("encoding", encoding)
                    count += 1
                yield item
        except UnicodeDecodeError:
            yield EncodingError(f"undecodable bytes as {encoding} after {count} records", path=path)


def _read_stdin(
    stream: TextIO | BinaryIO, *, fields: Mapping[str, str] | None, max_bytes: int
) -> Iterator[Item]:
    path = "<stdin>"
    source = getattr(stream, "buffer", stream)
    data = source.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield _size_error(len(data), max_bytes, path)
        return
    if isinstance(data, bytes):
        try:
            text, _ = decode_bytes(data, path=path)
        except InputError as exc:
            yield exc
            return
    else:
        text = data
        if not text.strip():
            yield EmptyInputError("empty input", path=path)
            return
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(_is_json_object(line) for line in lines):
        yield from iter_jsonl(text.splitlines(), path=path, stem="stdin", fields=fields, max_chars=max_bytes)
        return
    yield Document(
        id="stdin", raw_text=text, title=guess_title(text), source_path="-", meta={"format": "text"}
    )


def _is_json_object(line: str) -> bool:
    line = line.strip()
    if not (line.startswith("{") and line.endswith("}")):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False

