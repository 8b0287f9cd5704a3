"""Quotes in context: pronoun and demonstrative speakers, trimmed speaker spans, statements and their
issuers, quoted words after verbs that attribute them (指责/谴责/敦促 …), pronoun colon quotes."""
from __future__ import annotations

from collections.abc import Callable

import pytest

from jishi.document import Document
from jishi.events import EventStage
from jishi.events.quotes_context import load_quote_cues, trim_speaker
from jishi.pipeline import Pipeline

# the people, bodies and states these sentences name (what an actor stage would resolve)
TABLE: dict[str, tuple[str, str, str]] = {
    "美国": ("state:USA", "state", "USA"), "俄罗斯": ("state:RUS", "state", "RUS"),
    "乌克兰": ("state:UKR", "state", "UKR"), "法国": ("state:FRA", "state", "FRA"),
    "德国": ("state:DEU", "state", "DEU"), "以色列": ("state:ISR", "state", "ISR"),
    "伊朗": ("state:IRN", "state", "IRN"), "日本": ("state:JPN", "state", "JPN"),
    "朝鲜": ("state:PRK", "state", "PRK"), "韩国": ("state:KOR", "state", "KOR"),
    "欧洲": ("region:EUR", "location", "EUR"), "北约": ("igo:nato", "organization", "NATO"),
    "特朗普": ("person:donald-trump", "person", "USA"), "马克龙": ("person:emmanuel-macron", "person", "FRA"),
    "默茨": ("person:friedrich-merz", "person", "DEU"), "王毅": ("person:wang-yi", "person", "CHN"),
    "白宫": ("org:USA:white-house", "organization", "USA"), "巴黎": ("loc:paris", "location", "FRA"),
    "警方": ("org:police", "organization", None),
    "贝尔伯克": ("person:annalena-baerbock", "person", "DEU"), "巴罗": ("person:jean-noel-barrot", "person", "FRA"),
    "库珀": ("person:yvette-cooper", "person", "GBR"), "扎哈罗娃": ("person:maria-zakharova", "person", "RUS"),
    "萨拉赫": ("person:zh:salah", "person", "EGY"), "伊朗外交部": ("org:IRN:mfa", "organization", "IRN"),
    "法国国防部": ("org:FRA:mod", "organization", "FRA"), "欧盟委员会": ("org:EUR:commission", "organization", "EUR"),
    "英国": ("state:GBR", "state", "GBR"), "奥马尔": ("person:zh:omar", "person", "SDN"),
}


@pytest.fixture(scope="module")
def quoted(front: Pipeline, stage: EventStage, mentioner: Callable[..., Document]) -> Callable[..., Document]:
    """Build a document with the extended actor table; ``drop`` removes the mentions starting at the
    given offsets (as when LAC glues a name to the next word and the actor stage misses it)."""

    def build(text: str, drop: tuple[int, ...] = ()) -> Document:
        doc = front([Document(id="q", raw_text=text, published="2026-03-02")])[0]
        mentioner(doc, TABLE)
        doc.mentions = [m for m in doc.mentions if m.start not in drop]
        stage([doc])
        return doc

    return build


def _by_text(doc: Document, part: str) -> list:
    return [q for q in doc.quotes if part in q.text]


def test_events_quotes_pronoun_is_the_nearest_subject_not_the_last_speaker(quoted: Callable[..., Document]) -> None:
    doc = quoted("法国总统马克龙表示，欧洲必须加强防务合作。德国总理默茨随后抵达巴黎。他说，两国将“共同承担责任”。")
    [para] = [q for q in doc.quotes if "共同承担责任" in q.text and q.kind == "paraphrase"]
    assert para.speaker == "person:friedrich-merz"


def test_events_quotes_she_skips_a_person_the_text_calls_male(quoted: Callable[..., Document]) -> None:
    doc = quoted("德国外长贝尔伯克女士同法国外长巴罗先生在柏林举行会谈。巴罗表示，双方立场接近。"
                 "她说，德方“不会放弃对乌克兰的支持”。")
    assert {q.speaker for q in _by_text(doc, "不会放弃")} == {"person:annalena-baerbock"}
    assert {q.speaker for q in _by_text(doc, "双方立场接近")} == {"person:jean-noel-barrot"}


def test_events_quotes_colon_quote_after_a_glued_pronoun(quoted: Callable[..., Document]) -> None:
    doc = quoted("英国外交大臣库珀表示，英方立场不变。她说：“我们将继续向乌克兰提供援助，直到战争结束。”")
    [direct] = [q for q in doc.quotes if q.kind == "direct"]
    assert direct.speaker == "person:yvette-cooper"
    assert direct.text == "我们将继续向乌克兰提供援助，直到战争结束。"


def test_events_quotes_pronoun_is_never_a_quote_text(quoted: Callable[..., Document]) -> None:
    doc = quoted("特朗普8日在白宫对记者说，他认为谈判“很快就会有结果”。")
    assert doc.quotes and all(q.text.strip() not in ("他", "她", "") for q in doc.quotes)
    assert {q.speaker for q in doc.quotes} == {"person:donald-trump"}
    assert any("很快就会有结果" in q.text for q in doc.quotes)


def test_events_quotes_speaker_trimmed_of_place_time_and_addressee(quoted: Callable[..., Document]) -> None:
    text = "萨拉赫当天在记者会上对媒体表示，埃及将继续斡旋。"
    doc = quoted(text, drop=(0,))  # the actor stage missed this mention
    [quote] = doc.quotes
    assert quote.speaker == "person:zh:salah" and quote.speaker_text == "萨拉赫"


def test_events_quotes_ju_jieshao_takes_the_source_as_speaker(quoted: Callable[..., Document]) -> None:
    doc = quoted("据法国国防部介绍，两艘护卫舰已抵达红海。")
    [quote] = doc.quotes
    assert quote.speaker == "org:FRA:mod" and quote.speaker_text == "法国国防部"


def test_events_quotes_person_like_phrase_speaker_is_trimmed(quoted: Callable[..., Document]) -> None:
    doc = quoted("一名联合国官员在接受记者采访时说，援助车队已经进入城区。")
    [quote] = doc.quotes
    assert quote.speaker is None and quote.speaker_text == "一名联合国官员"


def test_events_quotes_trim_speaker_region_tokens(front: Pipeline) -> None:
    doc = front([Document(id="t", raw_text="叙利亚过渡政府发言人当天在大马士革对记者表示，局势稳定。")])[0]
    toks = doc.sentences[0].tokens
    verb = next(t for t in toks if t.text == "表示")
    head = trim_speaker([t for t in toks if t.end <= verb.start], load_quote_cues())
    assert head.text == "叙利亚过渡政府发言人"


def test_events_quotes_a_non_agent_phrase_is_no_speaker(quoted: Callable[..., Document]) -> None:
    doc = quoted("在会上表示，谈判没有进展。")
    assert doc.quotes == []


def test_events_quotes_statement_says_is_its_issuer(quoted: Callable[..., Document]) -> None:
    doc = quoted("伊朗外交部6日发表声明，谴责以色列对大马士革的空袭。声明说，伊朗“保留采取一切必要措施的权利”。")
    quotes = _by_text(doc, "保留采取一切必要措施的权利")
    assert quotes and {q.speaker for q in quotes} == {"org:IRN:mfa"}
    assert not any(q.speaker_text == "声明" for q in doc.quotes)


def test_events_quotes_ju_statement_names_the_issuer(quoted: Callable[..., Document]) -> None:
    doc = quoted("据白宫5日发布的声明，美方已向该地区增派两艘驱逐舰。声明称，美国“不寻求与任何国家发生冲突”。")
    quotes = _by_text(doc, "不寻求与任何国家发生冲突")
    assert quotes and {q.speaker for q in quotes} == {"org:USA:white-house"}


def test_events_quotes_accusation_with_quoted_clause_is_a_quote(quoted: Callable[..., Document]) -> None:
    doc = quoted("俄罗斯外交部发言人扎哈罗娃指责北约“蓄意煽动地区紧张局势”。")
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in direct] == [("蓄意煽动地区紧张局势", "person:maria-zakharova")]


def test_events_quotes_urge_then_quoted_clause_after_comma(quoted: Callable[..., Document]) -> None:
    doc = quoted("王毅敦促日方立即停止挑衅，“不要在错误的道路上越走越远”。")
    assert {q.speaker for q in _by_text(doc, "不要在错误的道路上越走越远")} == {"person:wang-yi"}
    assert any(q.kind == "direct" and q.text == "不要在错误的道路上越走越远" for q in doc.quotes)


def test_events_quotes_accusation_without_quotes_is_no_quote(quoted: Callable[..., Document]) -> None:
    doc = quoted("伊朗谴责以色列对大马士革的空袭。")
    assert doc.quotes == []


def test_events_quotes_scare_quote_after_attributing_verb_stays_scare(quoted: Callable[..., Document]) -> None:
    doc = quoted("伊朗警告美国不要越过“红线”。朝鲜批评韩国参加“自由之盾”演习。")
    assert not any(q.text in ("红线", "自由之盾") for q in doc.quotes)
    assert all(q.kind == "paraphrase" for q in doc.quotes)


def test_events_quotes_statement_without_speech_verb_then_quoted_reaction(quoted: Callable[..., Document]) -> None:
    doc = quoted("欧盟委员会3日发表声明，对叙利亚沿海地区的暴力事件“深表忧虑”，呼吁各方保持克制。")
    assert any(q.kind == "direct" and q.text == "深表忧虑" and q.speaker == "org:EUR:commission"
               for q in doc.quotes)


def test_events_quotes_statement_continuation_sentence(quoted: Callable[..., Document]) -> None:
    doc = quoted("欧盟委员会发表声明说，新一轮援助将于下月到位。欧方对乌克兰的支持“坚定不移”。")
    assert any(q.text == "坚定不移" and q.speaker == "org:EUR:commission" for q in doc.quotes)


def test_events_quotes_continuation_needs_the_same_paragraph(quoted: Callable[..., Document]) -> None:
    doc = quoted("欧盟委员会发表声明说，新一轮援助将于下月到位。\n\n分析称，欧方对乌克兰的支持“坚定不移”，但力度有限。")
    assert not any(q.speaker == "org:EUR:commission" and "坚定不移" in q.text for q in doc.quotes)


def test_events_quotes_demonstrative_party_is_the_speaker_not_the_object(quoted: Callable[..., Document]) -> None:
    doc = quoted("反对党“自由联盟”领导人奥马尔在抗议中被警方带走，该党称他遭到“任意逮捕”。")
    quotes = _by_text(doc, "任意逮捕")
    assert quotes and all(q.speaker != "person:zh:omar" for q in quotes)
    assert {q.speaker_text for q in quotes} == {"自由联盟"}


def test_events_quotes_demonstrative_state(quoted: Callable[..., Document]) -> None:
    doc = quoted("朝鲜9日试射了一枚新型导弹。该国表示，此次试射“达到了预期目的”。")
    assert {q.speaker for q in _by_text(doc, "达到了预期目的")} == {"state:PRK"}


def test_events_quotes_demonstrative_is_the_earlier_speaker_not_a_reported_actor(
        quoted: Callable[..., Document]) -> None:
    doc = quoted("叙利亚卫生部门5日称，以色列军队的空袭造成12人死亡。该部门称，医院药品严重短缺。")
    quotes = _by_text(doc, "医院药品严重短缺")
    assert quotes and {q.speaker_text for q in quotes} == {"叙利亚卫生部门"}
    assert all(q.speaker != "state:ISR" for q in quotes)


def test_events_quotes_pronoun_subject_of_an_embedded_speech_verb(quoted: Callable[..., Document]) -> None:
    doc = quoted("默茨还表示，他计划在与马克龙会面时重申，德国不会改变对乌政策。")
    assert {q.speaker for q in _by_text(doc, "德国不会改变对乌政策")} == {"person:friedrich-merz"}


def test_events_quotes_plural_person_phrase_is_a_speaker(quoted: Callable[..., Document]) -> None:
    doc = quoted("与会嘉宾们认为，多边合作仍是应对挑战的唯一出路。")
    [quote] = doc.quotes
    assert quote.speaker is None and quote.speaker_text == "与会嘉宾们"


def test_events_quotes_nominal_warning_attributes_nothing(quoted: Callable[..., Document]) -> None:
    doc = quoted("两艘日本船只不顾中方多次警告，执意驶入所谓“争议海域”。")
    assert doc.quotes == []


def test_events_quotes_attributed_words_end_with_the_quoted_clause(quoted: Callable[..., Document]) -> None:
    doc = quoted("伊朗外交部指责美国在谈判中“毫无诚意”，并宣布暂停与美方的间接接触。")
    [para] = [q for q in doc.quotes if q.kind == "paraphrase"]
    assert para.text == "美国在谈判中“毫无诚意”" and para.speaker == "org:IRN:mfa"


def test_events_quotes_pronoun_after_a_speaker_the_actor_stage_missed(quoted: Callable[..., Document]) -> None:
    text = "德国总理默茨访问巴黎。萨拉赫在记者会上表示，埃及将继续斡旋。他说，各方“应当保持克制”。"
    doc = quoted(text, drop=(text.index("萨拉赫"),))
    assert {q.speaker for q in _by_text(doc, "应当保持克制")} == {"person:zh:salah"}


def test_events_quotes_gender_cues_come_from_the_text(quoted: Callable[..., Document]) -> None:
    from jishi.events.actorview import ActorView
    from jishi.events.cues import load_cues
    from jishi.events.quotes_context import gender_of_persons

    doc = quoted("女外长贝尔伯克会见了巴罗先生。妇女代表团团长库珀出席。")
    genders = gender_of_persons(doc, ActorView(doc, load_cues()), load_quote_cues())
    assert genders == {"person:annalena-baerbock": "f", "person:jean-noel-barrot": "m"}
