"""The 150+ expression table (tests/time/expressions.tsv) against real corpus items, read at run time."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from jishi.time import normalize_times

TABLE = Path(__file__).with_name("expressions.tsv")


def _rows() -> list[dict[str, str]]:
    lines = [ln for ln in TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


ROWS = _rows()


def test_expressions_table_is_large_enough() -> None:
    assert len(ROWS) >= 150
    assert len({(r["item_id"], r["expression"], r["occurrence"]) for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['item_id']}:{r['expression']}#{r['occurrence']}" for r in ROWS])
def test_expressions_corpus_value(row: dict[str, str], corpus_item, build_document) -> None:
    text, reference = corpus_item(row["item_id"])
    assert reference == row["reference_date"], "reference date of the item changed"
    start, count = -1, 0
    for count in range(int(row["occurrence"])):
        start = text.find(row["expression"], start + 1)
        assert start != -1, f"{row['expression']} occurs only {count} times in {row['item_id']}"
    doc = normalize_times(build_document(row["item_id"], text, reference))
    found = [t for t in doc.times if t.start == start and t.text == row["expression"]]
    assert found, f"no time expression {row['expression']!r} at {start}: {[(t.text, t.start) for t in doc.times]}"
    assert found[0].value == row["expected"], found[0].reason
