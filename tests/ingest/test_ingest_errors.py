"""Every kind of bad input gives one one-line InputError naming the file; the rest is still read."""
from __future__ import annotations

import io
import time
from pathlib import Path

import pytest

from jishi.document import Document
from jishi.errors import InputError
from jishi.ingest import iter_documents
from jishi.ingest import errors as E

GOOD = "外长会晤取得积极成果\n\n两国外长10日举行会谈，双方同意加强合作。"


def _items(paths: list[str], **kwargs) -> list[Document | InputError]:
    return list(iter_documents(paths, **kwargs))


def _one_error(path: Path, kind: type[InputError], **kwargs) -> InputError:
    """Read a bad file next to a good one: one error of `kind`, and the good file still read."""
    good = path.parent / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    items = _items([str(path), str(good)], **kwargs)
    errors = [i for i in items if isinstance(i, InputError)]
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.id for d in docs] == ["good"]
    (err,) = errors
    assert isinstance(err, kind), err
    message = str(err)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert message.endswith(f"[{kind.code}]")
    return err


def test_ingest_error_missing_path(tmp_path: Path) -> None:
    _one_error(tmp_path / "nowhere.txt", E.MissingPathError)


def test_ingest_error_unsupported_extension_named_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4 ...")
    assert "'.pdf'" in str(_one_error(path, E.UnsupportedFileError))


def test_ingest_error_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    _one_error(path, E.EmptyInputError)


def test_ingest_error_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _one_error(path, E.BinaryInputError)


def test_ingest_error_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(bytes([0x81, 0x20, 0xFE, 0x7F, 0xC8, 0x41]) * 20)
    _one_error(path, E.EncodingError)


def test_ingest_error_malformed_json_file_names_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n {"text": "正文。"},\n {"text": }\n]', encoding="utf-8")
    assert "line 3" in str(_one_error(path, E.MalformedRecordError))


def test_ingest_error_html_without_main_text(fixtures_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "nav-only.html"
    path.write_bytes((fixtures_dir / "ingest" / "nav-only.html").read_bytes())
    _one_error(path, E.NoMainTextError)


def test_ingest_error_csv_without_text_column(fixtures_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "nobody.csv"
    path.write_bytes((fixtures_dir / "ingest" / "nobody.csv").read_bytes())
    message = str(_one_error(path, E.NoTextColumnError))
    assert "headline" in message and "--field text=" in message


def test_ingest_error_too_large_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # a sparse 50 MB file: refused from its size alone
        f.seek(50 * 1024 * 1024 - 1)
        f.write(b"\n")
    t0 = time.perf_counter()
    err = _one_error(path, E.TooLargeError)
    assert time.perf_counter() - t0 < 1.0
    assert "50.0 MB" in str(err) and "20 MB limit" in str(err)


def test_ingest_error_too_large_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("会谈继续。" * 400, encoding="utf-8")
    _one_error(path, E.TooLargeError, max_bytes=1000)


def test_ingest_error_too_large_stdin() -> None:
    (err,) = _items(["-"], stdin=io.BytesIO("很长的文本。".encode() * 100), max_bytes=100)
    assert isinstance(err, E.TooLargeError) and str(err).startswith("<stdin>: ")


def test_ingest_error_empty_stdin() -> None:
    (err,) = _items(["-"], stdin=io.StringIO("\n \n"))
    assert isinstance(err, E.EmptyInputError)


@pytest.mark.parametrize("name", ["bad.jsonl", "bad.csv"])
def test_ingest_error_undecodable_stream_record_files(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"\x00\x01binary\x00")
    _one_error(path, E.BinaryInputError)


def test_ingest_errors_never_raise_on_mixed_inputs(tmp_path: Path, fixtures_dir: Path) -> None:
    paths = [str(tmp_path / "missing.txt"), str(fixtures_dir / "ingest" / "records.jsonl"), str(tmp_path)]
    (tmp_path / "x.txt").write_bytes(b"")
    items = _items(paths)
    assert sum(isinstance(i, Document) for i in items) == 2
    assert sum(isinstance(i, InputError) for i in items) == 4  # missing, bad line, no text, empty


def test_ingest_error_folder_without_readable_files(tmp_path: Path) -> None:
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "page1.jpg").write_bytes(b"\xff\xd8\xff")
    _one_error(folder, E.EmptyInputError)
