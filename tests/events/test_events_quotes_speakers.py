"""Quote speakers the actor stage leaves unresolved or that stand after the quotation: postposed
speakers (“……”，X说 / “……。”X说。 / “……，”X说，“……”), times glued to the speaker, a name after a
title that no mention covers (or glued to the next word), unknown organisations, 全称（简称） short
forms, pronouns after such speakers, and scare quotes nested in a direct quote."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from jishi.document import Document, Token
from jishi.events import EventStage
from jishi.events.quotes_context import load_quote_cues, trim_speaker
from jishi.pipeline import Pipeline

# what an actor stage would resolve in these sentences; unknown names are deliberately absent
TABLE: dict[str, tuple[str, str, str]] = {
    "法国": ("state:FRA", "state", "FRA"), "英国": ("state:GBR", "state", "GBR"),
    "德国": ("state:DEU", "state", "DEU"), "秘鲁": ("state:PER", "state", "PER"),
    "哈萨克斯坦": ("state:KAZ", "state", "KAZ"), "美国": ("state:USA", "state", "USA"),
    "巴罗": ("person:jean-noel-barrot", "person", "FRA"), "库珀": ("person:yvette-cooper", "person", "GBR"),
    "默茨": ("person:friedrich-merz", "person", "DEU"),
}


@pytest.fixture(scope="module")
def said(front: Pipeline, stage: EventStage, mentioner: Callable[..., Document]) -> Callable[[str], Document]:
    def build(text: str) -> Document:
        doc = front([Document(id="s", raw_text=text, published="2026-04-15")])[0]
        mentioner(doc, TABLE)
        stage([doc])
        return doc

    return build


def _actor(doc: Document, aid: str | None):
    return next((a for a in doc.actors if a.id == aid), None)


def test_events_quotes_speaker_after_a_sentence_final_quotation(said: Callable[[str], Document]) -> None:
    doc = said("“我们不会在渔业问题上作出任何让步。”法国外长巴罗说。")
    [quote] = doc.quotes
    assert quote.kind == "direct" and quote.speaker == "person:jean-noel-barrot"
    assert quote.text.startswith("我们不会在渔业问题上") and doc.text[quote.start:quote.end] == quote.text


def test_events_quotes_speaker_between_two_quotations(said: Callable[[str], Document]) -> None:
    doc = said("“谈判的大门仍然敞开，”库珀说，“但留给各方的时间不多了。”")
    assert sorted(q.text for q in doc.quotes) == ["但留给各方的时间不多了。", "谈判的大门仍然敞开"]
    assert {q.speaker for q in doc.quotes} == {"person:yvette-cooper"}


def test_events_quotes_pronoun_after_the_quotation_is_the_person_named_before(
        said: Callable[[str], Document]) -> None:
    doc = said("德国总理默茨周二抵达维尔纽斯。“德国将履行对盟友的全部承诺。”他补充道。")
    [quote] = doc.quotes
    assert quote.speaker == "person:friedrich-merz" and quote.text.startswith("德国将履行")


def test_events_quotes_speaker_after_quotation_and_comma(said: Callable[[str], Document]) -> None:
    doc = said("“港口的局势正在失控”，英国外交大臣库珀表示。")
    [quote] = doc.quotes
    assert quote.speaker == "person:yvette-cooper" and quote.text == "港口的局势正在失控"


def test_events_quotes_quoted_name_before_a_later_speaker_is_not_his_quote(said: Callable[[str], Document]) -> None:
    doc = said("外界对“北极之光”计划议论纷纷，巴罗说，法方将继续评估这一计划。")
    assert not any(q.text == "北极之光" for q in doc.quotes)
    assert any(q.kind == "paraphrase" and q.speaker == "person:jean-noel-barrot" for q in doc.quotes)


def test_events_quotes_times_are_not_part_of_the_speaker(said: Callable[[str], Document]) -> None:
    doc = said("智利警方当地时间5日表示，已有20名示威者被拘留。韩国媒体今天（4月15日）称，会谈将推迟。")
    texts = [q.speaker_text for q in doc.quotes if q.kind == "paraphrase"]
    assert texts == ["智利警方", "韩国媒体"]


def test_events_quotes_name_after_a_title_is_the_speaker(said: Callable[[str], Document]) -> None:
    doc = said("秘鲁外长冈萨雷斯20日说，秘方希望尽快恢复同邻国的对话。他表示，边境口岸将于下月重新开放。")
    paras = [q for q in doc.quotes if q.kind == "paraphrase"]
    assert [q.speaker_text for q in paras] == ["冈萨雷斯", "冈萨雷斯"]
    person = _actor(doc, paras[0].speaker)
    assert person is not None and person.kind == "person" and person.country == "PER" and person.title == "外长"
    assert paras[1].speaker == paras[0].speaker


def test_events_quotes_name_glued_to_the_next_time_word(said: Callable[[str], Document]) -> None:
    doc = said("哈萨克斯坦外长努尔特列乌同一天说，双方将扩大能源领域合作。")
    [quote] = doc.quotes
    assert quote.speaker_text == "努尔特列乌"
    assert _actor(doc, quote.speaker).country == "KAZ"


def test_events_quotes_unknown_organisation_speaks_for_itself(said: Callable[[str], Document]) -> None:
    doc = said("美国芝加哥警局表示，已有十余人因涉嫌纵火被捕。")
    [quote] = doc.quotes
    org = _actor(doc, quote.speaker)
    assert org is not None and org.kind == "organization" and org.sector == "COP" and org.country == "USA"
    assert quote.speaker_text == "美国芝加哥警局"


def test_events_quotes_no_organisation_is_made_from_a_negated_phrase(said: Callable[[str], Document]) -> None:
    doc = said("截至目前，没有武装组织表示对袭击负责。")
    assert all(q.speaker is None for q in doc.quotes)


def test_events_quotes_short_form_in_brackets_names_the_organisation(said: Callable[[str], Document]) -> None:
    doc = said("联合国驻马里多层面综合稳定特派团（马里稳定团）9日发表声明。马里稳定团说，一名维和人员在巡逻时受伤。")
    [quote] = [q for q in doc.quotes if "维和人员" in q.text]
    org = _actor(doc, quote.speaker)
    assert quote.speaker_text == "马里稳定团" and org is not None and org.name == "联合国驻马里多层面综合稳定特派团"


def test_events_quotes_scare_quote_inside_a_direct_quote_is_not_a_quote(said: Callable[[str], Document]) -> None:
    doc = said("巴罗说：“我们反对所谓的“绝对安全”，这种想法只会带来新的对抗。”")
    [quote] = doc.quotes
    assert quote.kind == "direct" and quote.text.startswith("我们反对所谓的")


def test_events_quotes_state_short_form_title_and_name_in_one_word(said: Callable[[str], Document]) -> None:
    doc = said("乌总理斯维里坚科当天说，乌方需要更多能源援助。")
    [quote] = doc.quotes
    assert quote.speaker_text == "斯维里坚科"
    person = _actor(doc, quote.speaker)
    assert person is not None and person.kind == "person" and person.country == "UKR"


def _toks(*parts: tuple[str, str]) -> list[Token]:
    out, pos = [], 0
    for text, tag in parts:
        out.append(Token(text, tag, pos, pos + len(text)))
        pos += len(text)
    return out


def test_events_quotes_trim_speaker_drops_glued_and_bracketed_times() -> None:
    qc = load_quote_cues()
    head = trim_speaker(_toks(("韩国", "LOC"), ("媒体", "n"), ("今天", "TIME"), ("（", "w"), ("4月15日", "TIME"),
                              ("）", "w")), qc)
    assert head.text == "韩国媒体" and head.end == 4
    head = trim_speaker(_toks(("警方", "n"), ("当地时间", "n"), ("5日", "TIME")), qc)
    assert head.text == "警方"
    # a name LAC glued to the time word after it: 努尔特列乌同/一天, 卡斯蒂略当天/PER
    assert trim_speaker(_toks(("外长", "n"), ("努尔特列乌同", "PER"), ("一天", "TIME")), qc).text == "外长努尔特列乌"
    assert trim_speaker(_toks(("总统", "n"), ("卡斯蒂略当天", "PER")), qc).text == "总统卡斯蒂略"
