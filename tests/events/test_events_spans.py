"""Span helpers: quotation-mark pairs and their index, clauses, suffix tables, gapped trigger parts."""
from __future__ import annotations

from jishi.document import Document, Sentence
from jishi.events.lexicon import CLAUSE_STOPS, _find_within, load_lexicon
from jishi.events.quotes_context import SuffixTable
from jishi.events.spans import QuoteIndex, clauses_of, find_quote_pairs


def test_spans_quote_pairs_nest_and_skip_unclosed_marks() -> None:
    text = "他说：“我们反对所谓的“长臂管辖”。”另有“未闭合"
    pairs = find_quote_pairs(text)
    assert [text[o + 1:c] for o, c in pairs] == ["我们反对所谓的“长臂管辖”。", "长臂管辖"]


def test_spans_quote_index_finds_pairs_by_opening_and_closing_mark() -> None:
    text = "外长称“坚如磐石”，并说“不会让步”。"
    index = QuoteIndex(find_quote_pairs(text))
    first, second = index.pairs
    assert index.pair_closing_at(first[1]) == first
    assert index.pair_closing_at(first[1] - 1) is None
    assert index.opening_in(0, len(text)) == [first, second]
    assert index.opening_in(first[0] + 1, len(text)) == [second]
    assert index.opening_in(second[0] + 1, len(text)) == []
    assert index.first_opening_from(first[0] + 1) == 1


def test_spans_clauses_of_stops_after_the_limit() -> None:
    text = "当天，双方举行会谈，就合作交换意见。"
    doc = Document(id="t", raw_text=text, text=text)
    sent = Sentence(0, len(text), text)
    every = clauses_of(doc, sent)
    assert [text[c.start:c.end] for c in every] == ["当天", "双方举行会谈", "就合作交换意见"]
    assert clauses_of(doc, sent, limit=2) == every[:2]
    assert clauses_of(doc, sent, limit=5) == every


def test_spans_suffix_table_gives_the_longest_word_a_text_ends_with() -> None:
    table = SuffixTable(["长", "部长", "外交部长", "发言人"])
    assert table.longest("俄罗斯外交部长") == "外交部长"
    assert table.longest("俄罗斯外交部长", max_len=3) == "部长"
    assert table.longest("俄罗斯外交部长", min_len=5) is None
    assert table.longest("部长", max_len=1) == "长"
    assert table.longest("记者") is None


def test_spans_gapped_part_is_found_within_the_gap_and_before_a_stop_mark() -> None:
    text = "宣布对伊朗实施制裁，并对其实施"
    assert _find_within(text, "实施", 3, 30, CLAUSE_STOPS) == 5
    assert _find_within(text, "实施", 7, 30, CLAUSE_STOPS) == -1  # the comma ends the clause first
    assert _find_within(text, "实施", 3, 1, CLAUSE_STOPS) == -1  # further away than the gap


def test_spans_two_character_index_keeps_one_character_triggers() -> None:
    lex = load_lexicon()
    for entry in lex.entries:
        if entry.gapped:
            continue
        found = lex.find(entry.trigger + "了")
        assert found and found[0].start == 0 and found[0].end >= len(entry.trigger), entry.trigger
