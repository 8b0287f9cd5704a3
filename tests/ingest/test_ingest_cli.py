"""`jishi extract` on good and bad inputs: one-line errors on stderr, no tracebacks, exit status."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

import jishi.scale.local
from jishi.cli import main

GOOD = "外长会晤取得积极成果\n\n两国外长10日举行会谈，双方同意加强合作。"


@pytest.fixture(autouse=True)
def clean_only_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run `extract` with the clean stage only, so these tests do not depend on later stages."""
    real = jishi.scale.local.run_local

    def run_clean(docs, *, workers=1, **kwargs):
        return real(docs, workers=workers, stages=["clean.v1"])

    monkeypatch.setattr(jishi.scale.local, "run_local", run_clean)


def _bad_inputs(tmp_path: Path) -> list[str]:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    (tmp_path / "slides.pptx").write_bytes(b"PK\x03\x04")
    (tmp_path / "dump.jsonl").write_text('{"text": "正文。"\n', encoding="utf-8")
    return [str(tmp_path / n) for n in ("missing.txt", "empty.txt", "binary.txt", "slides.pptx", "dump.jsonl")]


def test_ingest_cli_bad_inputs_one_line_each_and_good_ones_printed(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = _bad_inputs(tmp_path)
    status = main(["extract", *bad, str(good), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["good"]
    assert records[0]["title"] == "外长会晤取得积极成果"
    assert records[0]["text"] == "两国外长10日举行会谈，双方同意加强合作。"
    lines = err.strip().splitlines()
    assert len(lines) == len(bad)
    assert "Traceback" not in err
    for path, line in zip(bad, lines):
        assert line.startswith(f"jishi: {path}: ") and line.rstrip().endswith("]")
    assert "line 1: malformed JSON" in lines[-1]


def test_ingest_cli_exit_status_nonzero_when_nothing_read(tmp_path: Path, capsys) -> None:
    status = main(["extract", *_bad_inputs(tmp_path)])
    out, err = capsys.readouterr()
    assert status == 1
    assert json.loads(out) == []  # the json format prints an empty array
    assert "Traceback" not in err and err.count("\n") == 5


def test_ingest_cli_table_format(tmp_path: Path, capsys) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    assert main(["extract", str(good), "--format", "table", "--published", "2025-07-10"]) == 0
    out = capsys.readouterr().out
    assert "外长会晤取得积极成果" in out and "published: 2025-07-10 (option)" in out


def test_ingest_cli_stdin(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode("gb18030")), encoding="latin-1"))
    assert main(["extract", "-"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["id"] == "stdin" and rec["text"].startswith("两国外长10日")


def test_ingest_cli_field_mapping(fixtures_dir: Path, capsys) -> None:
    path = fixtures_dir / "ingest" / "records.csv"
    status = main(["extract", str(path), "--field", "text=body", "--field", "title=headline", "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert status == 0
    (rec,) = [json.loads(line) for line in out.splitlines()]
    assert rec["id"] == "csv-1" and rec["title"] == "两国签署经贸合作协议"
    assert err.count("\n") == 1 and "[E108]" in err
