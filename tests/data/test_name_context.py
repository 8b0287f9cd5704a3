"""jishi/data/actors/name_context.tsv: the words around names, well-formed and loaded by role."""
from __future__ import annotations

from pathlib import Path

from jishi.actors.kb import KnowledgeBase

PATH = Path(__file__).resolve().parents[2] / "jishi" / "data" / "actors" / "name_context.tsv"
ROLES = {"verb_head", "place_before", "place_after", "spouse", "home_body", "local_body"}


def _rows() -> list[list[str]]:
    return [line.split("\t") for line in PATH.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def test_name_context_rows_have_word_and_known_role() -> None:
    rows = _rows()
    assert rows
    for row in rows:
        assert len(row) == 2 and row[0].strip() and row[1] in ROLES, row
    words = [(w, r) for w, r in rows]
    assert len(words) == len(set(words))


def test_name_context_header_names_source_licence_date() -> None:
    head = PATH.read_text(encoding="utf-8").split("\n", 6)[:5]
    text = "\n".join(head)
    assert "source" in text and "licence" in text and "date" in text


def test_name_context_loaded_into_kb() -> None:
    kb = KnowledgeBase.load()
    rows = _rows()
    assert {w for w, r in rows if r == "verb_head"} == kb.verb_heads
    assert set(kb.place_before) == {w for w, r in rows if r == "place_before"}
    # longest first, so that 港口城市 wins over 城市
    assert [len(w) for w in kb.place_before] == sorted((len(w) for w in kb.place_before), reverse=True)
    assert all(w in kb.suffixes for w in kb.home_bodies)


def test_name_context_local_bodies_compose() -> None:
    kb = KnowledgeBase.load()
    assert kb.local_bodies and all(w in kb.suffixes for w in kb.local_bodies)
