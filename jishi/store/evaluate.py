"""Dedup evaluation against labelled event pairs: false merges and missed merges.

A labelled pair names two article events by article id and a short anchor (a few characters
that the event's evidence contains) and says whether they tell the same real-world event. The
file holds ids and anchors only, never article text (tests/store/dedup_pairs.tsv)::

    # comments
    item_a <TAB> anchor_a <TAB> item_b <TAB> anchor_b <TAB> same (1|0) <TAB> note

Against a database holding those articles, each side resolves to the article events whose
evidence contains the anchor; a pair is *merged* when some event of one side shares a cluster
with some event of the other. Sides that resolve to nothing are counted as unresolved (the
extraction did not produce that event), not scored.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jishi.errors import StoreError
from jishi.store.query import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pair:
    item_a: str
    anchor_a: str
    item_b: str
    anchor_b: str
    same: bool
    note: str = ""


def load_pairs(path: str | Path) -> list[Pair]:
    """Read a labelled pairs file.

    Args:
        path: the TSV file (see module docstring).

    Returns:
        The pairs, in file order.

    Raises:
        StoreError: a malformed line (with its number).
    """
    pairs = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 5 or cols[4].strip() not in ("0", "1"):
            raise StoreError(f"{path}:{n}: expected item_a, anchor_a, item_b, anchor_b, same(0/1), note")
        pairs.append(Pair(cols[0].strip(), cols[1].strip(), cols[2].strip(), cols[3].strip(), cols[4].strip() == "1",
                          cols[5].strip() if len(cols) > 5 else ""))
    return pairs


def _clusters(store: Store, item: str, anchor: str) -> set[str]:
    rows = store.con.execute(
        "SELECT DISTINCT cluster_id FROM event_mentions WHERE article_id = ? AND contains(text, ?)",
        [item, anchor]).fetchall()
    return {r[0] for r in rows if r[0]}


def score_pairs(store: Store, pairs: list[Pair]) -> dict[str, Any]:
    """Count false and missed merges of the store's clusters against labelled pairs.

    Args:
        store: a database holding the pairs' articles.
        pairs: labelled pairs (:func:`load_pairs`).

    Returns:
        Counts (pairs, resolved, same/different, merged, false_merges, missed_merges), the rates
        false_merge_rate (of resolved different pairs) and missed_merge_rate (of resolved same
        pairs), merge precision/recall, and the list of wrong pairs for inspection.
    """
    out: dict[str, Any] = {"pairs": len(pairs), "resolved": 0, "unresolved": 0, "same": 0, "different": 0,
                           "true_merges": 0, "false_merges": 0, "missed_merges": 0, "true_splits": 0,
                           "errors": []}
    for p in pairs:
        ca, cb = _clusters(store, p.item_a, p.anchor_a), _clusters(store, p.item_b, p.anchor_b)
        if not ca or not cb:
            out["unresolved"] += 1
            continue
        out["resolved"] += 1
        merged = bool(ca & cb)
        out["same" if p.same else "different"] += 1
        if p.same and merged:
            out["true_merges"] += 1
        elif p.same:
            out["missed_merges"] += 1
            out["errors"].append({"kind": "missed", **p.__dict__})
        elif merged:
            out["false_merges"] += 1
            out["errors"].append({"kind": "false", **p.__dict__})
        else:
            out["true_splits"] += 1
    merges = out["true_merges"] + out["false_merges"]
    out["false_merge_rate"] = round(out["false_merges"] / out["different"], 3) if out["different"] else None
    out["missed_merge_rate"] = round(out["missed_merges"] / out["same"], 3) if out["same"] else None
    out["merge_precision"] = round(out["true_merges"] / merges, 3) if merges else None
    out["merge_recall"] = round(out["true_merges"] / out["same"], 3) if out["same"] else None
    return out
