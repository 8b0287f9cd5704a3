"""Time normalisation figures: the repository's expression table and the in-scope JioNLP cases.

The expression table (tests/time/expressions.tsv) names short expressions in real corpus items with the
value a careful reader gives them; it stores ids, never sentences. Each row is checked as
tests/time/test_corpus_expressions.py checks it: the item is read from ../shared at run time (xwlb items
with their ``program_date``, CEC documents with their ReportTime as the reference date), cut into
paragraphs (lines) and sentences (after 。！？), normalised by :func:`jishi.time.normalize_times`, and the
row is correct when a time expression with that text starts at the row's occurrence and its value equals
the expected one.

The JioNLP cases are JioNLP's own parser regression cases, run by
:func:`jishi.time.jionlp_cases.run_cases` (its docstring gives the scope).
"""
from __future__ import annotations

import csv
import json
import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from jishi.document import Document, Sentence
from jishi.errors import InputError
from jishi.eval.common import ROOT, EvalSkipped, require_data

log = logging.getLogger(__name__)

TABLE = ROOT / "tests" / "time" / "expressions.tsv"
_REPORT_TIME = re.compile(r"([12][0-9]{3})\D{1,2}([01]?[0-9])\D{1,2}([0-3]?[0-9])")
_SENTENCE = re.compile(r"[^。！？]*[。！？]?")


def read_table(path: Path = TABLE) -> list[dict[str, str]]:
    """Rows of the expression table (comment lines skipped).

    Args:
        path: the TSV file.

    Returns:
        Dicts with item_id, reference_date, expression, occurrence, expected.

    Raises:
        EvalSkipped: the table is absent (an installed package without the repository's tests/).
    """
    if not path.is_file():
        raise EvalSkipped(f"time expressions: skipped, the table {path} is absent (run from a clone)")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


class CorpusItems:
    """Corpus items by id, read from the shared folder on demand (``xwlb-…`` and ``cec/<folder>/<stem>``)."""

    def __init__(self, shared: Path) -> None:
        self.shared = shared
        self._xwlb: dict[str, dict[str, Any]] | None = None

    def load(self, item_id: str) -> tuple[str, str | None]:
        """(text, reference date) of an item.

        Args:
            item_id: an xwlb or cec id.

        Returns:
            The text (one line per paragraph for CEC) and the ISO reference date (None when unreadable).

        Raises:
            InputError: the item does not exist.
        """
        if item_id.startswith("cec/"):
            return self._cec(item_id)
        if self._xwlb is None:
            path = self.shared / "data" / "xwlb_cctv_news" / "articles.jsonl"
            with path.open(encoding="utf-8") as handle:
                self._xwlb = {rec["id"]: rec for rec in map(json.loads, handle)}
        rec = self._xwlb.get(item_id)
        if rec is None:
            raise InputError(f"no xwlb item {item_id!r}")
        return rec["text"], rec["program_date"]

    def _cec(self, item_id: str) -> tuple[str, str | None]:
        _, folder, stem = item_id.split("/", 2)
        path = self.shared / "data" / "cec_emergency_events" / "CEC" / folder / f"{stem}.xml"
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as exc:
            raise InputError(f"cannot read CEC item: {exc}", path=str(path)) from exc
        match = _REPORT_TIME.search(root.findtext("ReportTime") or "")
        ref = f"{int(match[1]):04d}-{int(match[2]):02d}-{int(match[3]):02d}" if match else None
        paragraphs = ["".join("".join(piece.strip() for piece in sent.itertext()) for sent in para.iter("Sentence"))
                      for para in root.iter("Paragraph")]
        return "\n".join(p for p in paragraphs if p), ref


def item_document(item_id: str, text: str, published: str | None) -> Document:
    """A Document as clean.v1 would hand it over: paragraphs are lines, sentences end after 。！？.

    Args:
        item_id: the id.
        text: the item text.
        published: the reference date.

    Returns:
        The document (no tokens).
    """
    doc = Document(id=item_id, raw_text=text, text=text, analysis_text=text, published=published,
                   published_source="option" if published else None)
    pos = 0
    for index, line in enumerate(text.split("\n")):
        if line.strip():
            doc.paragraphs.append([pos, pos + len(line)])
            for match in _SENTENCE.finditer(line):
                if match.group().strip():
                    doc.sentences.append(Sentence(pos + match.start(), pos + match.end(), match.group(), index))
        pos += len(line) + 1
    return doc


def _nth(text: str, needle: str, n: int) -> int:
    start = -1
    for _ in range(n):
        start = text.find(needle, start + 1)
        if start == -1:
            return -1
    return start


def run_expressions(shared: Path | None, *, table: Path = TABLE, limit: int | None = None) -> dict[str, Any]:
    """Check the expression table against the corpus.

    Args:
        shared: the shared folder.
        table: the TSV table.
        limit: only the first ``limit`` rows.

    Returns:
        {"rows", "found" (an expression with that text at that place), "correct" (and the expected value),
        "accuracy", "by_kind": {xwlb|cec: {rows, correct}}, "wrong": [first 30 rows not correct]}.

    Raises:
        EvalSkipped: the table or the corpora are absent.
    """
    from jishi.time import normalize_times

    rows = read_table(table)[:limit] if limit is not None else read_table(table)
    require_data(shared, Path("data") / "xwlb_cctv_news" / "articles.jsonl", "time expressions")
    items = CorpusItems(shared)  # type: ignore[arg-type]  # require_data ensured it
    docs: dict[str, Document] = {}
    refs: dict[str, str | None] = {}
    found = correct = 0
    by_kind: dict[str, dict[str, int]] = {}
    wrong = []
    for row in rows:
        kind = "cec" if row["item_id"].startswith("cec/") else "xwlb"
        tally = by_kind.setdefault(kind, {"rows": 0, "correct": 0})
        tally["rows"] += 1
        if row["item_id"] not in docs:
            text, ref = items.load(row["item_id"])
            refs[row["item_id"]] = ref
            docs[row["item_id"]] = normalize_times(item_document(row["item_id"], text, ref))
        doc = docs[row["item_id"]]
        start = _nth(doc.text, row["expression"], int(row["occurrence"]))
        hits = [t for t in doc.times if t.start == start and t.text == row["expression"]] if start >= 0 else []
        got = hits[0].value if hits else None
        if hits:
            found += 1
        if hits and got == row["expected"] and refs[row["item_id"]] == row["reference_date"]:
            correct += 1
            tally["correct"] += 1
        elif len(wrong) < 30:
            wrong.append({"item_id": row["item_id"], "expression": row["expression"],
                          "expected": row["expected"], "ours": got if hits else "(not found)"})
    n = len(rows)
    return {"table": str(table.relative_to(ROOT)) if table.is_relative_to(ROOT) else str(table),
            "rows": n, "items": len(docs), "found": found, "correct": correct,
            "accuracy": round(correct / n, 4) if n else None, "by_kind": by_kind, "wrong": wrong}


def run_jionlp(shared: Path | None) -> dict[str, Any]:
    """JioNLP's in-scope parser cases through our normaliser.

    Args:
        shared: the shared folder.

    Returns:
        {"total", "in_scope", "recognised", "agree", "start_agree", "agreement", "start_agreement",
        "disagreements": [first 30]}.

    Raises:
        EvalSkipped: the cases are absent.
    """
    from jishi.time.jionlp_cases import CASES_FILE, run_cases

    require_data(shared, CASES_FILE, "time jionlp")
    rep = run_cases(shared).to_dict()  # type: ignore[arg-type]
    n = rep["in_scope"]
    rep["agreement"] = round(rep["agree"] / n, 4) if n else None
    rep["start_agreement"] = round(rep["start_agree"] / n, 4) if n else None
    rep["disagreements"] = rep["disagreements"][:30]
    return rep


def run_time(shared: Path | None, *, table: Path = TABLE, limit: int | None = None) -> dict[str, Any]:
    """Both time checks; a part whose data is absent carries {"skipped": message}.

    Args:
        shared: the shared folder.
        table: the expression table.
        limit: only the first ``limit`` table rows (the JioNLP cases always run whole: they are quick).

    Returns:
        {"suite": "time", "limit", "expressions": {...}, "jionlp": {...}}.

    Raises:
        EvalSkipped: neither part can run.
    """
    out: dict[str, Any] = {"suite": "time", "limit": limit}
    skipped = []
    try:
        out["expressions"] = run_expressions(shared, table=table, limit=limit)
    except EvalSkipped as exc:
        out["expressions"] = {"skipped": str(exc)}
        skipped.append(str(exc))
    try:
        out["jionlp"] = run_jionlp(shared)
    except EvalSkipped as exc:
        out["jionlp"] = {"skipped": str(exc)}
        skipped.append(str(exc))
    if len(skipped) == 2:
        raise EvalSkipped("; ".join(skipped))
    return out
