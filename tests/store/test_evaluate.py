"""Dedup evaluation: labelled pairs file and the false/missed merge counts."""
from __future__ import annotations

from pathlib import Path

import pytest

from jishi.errors import StoreError
from jishi.store.evaluate import Pair, load_pairs, score_pairs

PAIRS = Path(__file__).parent / "dedup_pairs.tsv"


def test_evaluate_pairs_file_holds_ids_and_short_anchors_only():
    pairs = load_pairs(PAIRS)
    assert len(pairs) >= 80 and any(p.same for p in pairs) and any(not p.same for p in pairs)
    for p in pairs:
        assert p.item_a.startswith("xwlb-") and p.item_b.startswith("xwlb-")
        assert 1 <= len(p.anchor_a) <= 8 and 1 <= len(p.anchor_b) <= 8


def test_evaluate_counts_false_and_missed_merges(store):
    pairs = [
        Pair("a1", "举行会谈", "a2", "会谈持续", True),          # merged, same: true merge
        Pair("a5", "大规模导弹", "a6", "发动空袭", True),        # merged, same: true merge
        Pair("a6", "袭击了利沃夫", "a5", "大规模导弹", True),    # not merged, labelled same: missed
        Pair("a3", "会见中国", "a4", "同法国总统", False),       # not merged, different: true split
        Pair("a1", "举行会谈", "a3", "会见中国", False),
        Pair("a1", "不存在的锚", "a2", "会谈持续", True),        # unresolved
    ]
    out = score_pairs(store, pairs)
    assert (out["resolved"], out["unresolved"]) == (5, 1)
    assert (out["true_merges"], out["missed_merges"], out["false_merges"], out["true_splits"]) == (2, 1, 0, 2)
    assert out["missed_merge_rate"] == round(1 / 3, 3) and out["false_merge_rate"] == 0.0
    assert out["errors"][0]["kind"] == "missed"


def test_evaluate_malformed_line_is_reported(tmp_path):
    bad = tmp_path / "pairs.tsv"
    bad.write_text("# header\nx\ty\tz\n", encoding="utf-8")
    with pytest.raises(StoreError, match=":2:"):
        load_pairs(bad)


@pytest.mark.shared
@pytest.mark.slow
def test_evaluate_xwlb_pairs_resolve_in_the_corpus(shared_dir):
    """Every anchor occurs in the text of its item (the labels point at real sentences)."""
    import json

    texts = {}
    with (shared_dir / "data" / "xwlb_cctv_news" / "articles.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            texts[row["id"]] = row.get("text") or ""
    for p in load_pairs(PAIRS):
        assert p.anchor_a in texts[p.item_a] and p.anchor_b in texts[p.item_b], p
