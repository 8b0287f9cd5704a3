"""The trigger lexicon: size, consistency with the ontology, leftmost-longest matching."""
from __future__ import annotations

from pathlib import Path

import pytest

from jishi.errors import KnowledgeError
from jishi.events.lexicon import TriggerLexicon, load_lexicon
from jishi.events.ontology import DATA_DIR, PLOVER_TYPES


def test_lexicon_has_several_hundred_triggers_over_all_types() -> None:
    lex = load_lexicon()
    assert len(lex) >= 350
    assert {e.type for e in lex.entries} == set(PLOVER_TYPES)


def test_lexicon_prefers_the_longest_match_and_keeps_inner_modes() -> None:
    lex = load_lexicon()
    text = "俄军对乌多座城市发动导弹和无人机袭击"
    [m] = lex.find(text)
    assert text[m.start:m.end] == "发动导弹和无人机袭击"
    assert any(x.entry.mode == "drone" for x in m.inner)


def test_lexicon_gapped_pattern_stays_inside_the_sentence() -> None:
    lex = load_lexicon()
    assert [m.entry.trigger for m in lex.find("他称要么和谈，要么武力夺回。")] == ["要么…要么…武力"]
    assert lex.find("要么和谈。要么武力夺回") == []


def test_lexicon_respects_word_boundaries() -> None:
    lex = load_lexicon()
    text = "双方在会见室交谈"
    # LAC keeps 会见室 as one word: no trigger may start or end inside it
    starts, ends = {0, 2, 3, 6}, {2, 3, 6, 8}
    assert lex.find(text, starts=starts, ends=ends) == []
    assert lex.find(text)  # without word boundaries the substring would match


def test_lexicon_rejects_a_trigger_whose_cameo_code_disagrees(tmp_path: Path) -> None:
    bad = tmp_path / "triggers.tsv"
    bad.write_text("# x\ntrigger\ttype\tmode\tcameo\tpos\tflags\tconf\n会谈\tASSAULT\t\t040\tn\t\t0.5\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="maps to CONSULT"):
        TriggerLexicon(bad)
    assert (DATA_DIR / "triggers.tsv").is_file()
