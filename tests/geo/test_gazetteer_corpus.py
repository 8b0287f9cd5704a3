"""Gazetteer matches against gold NER spans of 1990s news (read from ../shared at test time)."""
from __future__ import annotations

from pathlib import Path

import pytest

from jishi.geo import get_gazetteer

CORPORA = [("msra_ner_test/msra_test_bio.txt", ("LOC", "NS"), ("ORG", "NT")),
           ("peoples_daily_ner/example.test", ("LOC", "NS"), ("ORG", "NT"))]


def _read_bio(path: Path) -> list[tuple[str, list[str]]]:
    sents, chars, tags = [], [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if chars:
                sents.append(("".join(chars), tags))
                chars, tags = [], []
            continue
        chars.append(parts[0])
        tags.append(parts[1])
    if chars:
        sents.append(("".join(chars), tags))
    return sents


def _spans(tags: list[str]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for i, tag in enumerate(tags):
        if tag.startswith("B-"):
            out.append((tag[2:], i, i + 1))
        elif tag.startswith("I-") and out and out[-1][0] == tag[2:] and out[-1][2] == i:
            out[-1] = (out[-1][0], out[-1][1], i + 1)
    return out


@pytest.mark.shared
@pytest.mark.parametrize(("rel", "loc", "org"), CORPORA)
def test_gazetteer_corpus_matches_fall_in_gold_places(shared_dir, rel, loc, org):
    """Nearly every gazetteer match lies in a gold LOC span, or in an ORG span (中国外交部), never loose."""
    path = shared_dir / "data" / rel
    if not path.exists():
        pytest.skip(f"{rel} absent")
    gaz = get_gazetteer()
    in_place = loose = 0
    for text, tags in _read_bio(path):
        gold = [(s, e) for lab, s, e in _spans(tags) if lab in loc + org]
        for start, end, _ in gaz.find(text):
            if any(s <= start and end <= e for s, e in gold):
                in_place += 1
            else:
                loose += 1
    assert in_place > 1500
    assert loose / (in_place + loose) < 0.03  # measured 1.05 % (MSRA) and 1.49 % (People's Daily)
