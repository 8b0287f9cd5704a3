"""The actors.v1 resolver on sentences written in the style of Chinese news."""
from __future__ import annotations

import pytest

from jishi.actors.resolver import ActorResolver, resolve_both_sides
from jishi.document import Document
from jishi.pipeline import REGISTRY


def _actors(resolver: ActorResolver, doc: Document) -> dict[str, object]:
    resolver([doc])
    return {a.id: a for a in doc.actors}


def _mention_texts(doc: Document, actor_id: str) -> list[str]:
    return [m.text for m in doc.mentions if m.actor_id == actor_id]


def test_resolver_registered_as_stage() -> None:
    spec = REGISTRY["actors.v1"]
    assert spec.requires == ("tokens", "entities")
    assert spec.assigns == ("actors", "mentions")


@pytest.mark.parametrize("text,actor_id,mention", [
    ("乌方表示，将继续与美方保持沟通。", "state:UKR", "乌方"),
    ("乌方表示，将继续与美方保持沟通。", "state:USA", "美方"),
    ("俄罗斯方面尚未回应。", "state:RUS", "俄罗斯方面"),
    ("中方对此表示坚决反对，敦促日方停止挑衅。", "state:JPN", "日方"),
])
def test_resolver_side_forms(resolver, make_doc, text, actor_id, mention) -> None:
    doc = make_doc(text)
    actors = _actors(resolver, doc)
    assert actors[actor_id].kind == "state"
    assert mention in _mention_texts(doc, actor_id)
    assert not any(a.kind == "person" for a in actors.values())


def test_resolver_splits_abbreviation_sequence_into_compound(resolver, make_doc) -> None:
    doc = make_doc("美乌欧代表在日内瓦举行会谈，美乌日内瓦会谈中未解决的分歧仍然存在。")
    actors = _actors(resolver, doc)
    assert {"state:USA", "state:UKR", "region:EUR"} <= set(actors)
    group = next(a for a in actors.values() if a.members)
    assert group.kind == "group" and set(group.members) == {"state:USA", "state:UKR", "region:EUR"}
    assert _mention_texts(doc, "state:USA") == ["美", "美"]
    assert "state:JPN" not in actors  # 日 of 日内瓦 is no Japan


@pytest.mark.parametrize("text,actor_id,expected", [
    ("基辅认为，这份方案偏袒俄罗斯。", "org:UKR:gov", True),
    ("美国特使当天抵达基辅。", "org:UKR:gov", False),
    ("莫斯科表示，愿意继续谈判。", "org:RUS:gov", True),
    ("他将于12月1日前往莫斯科。", "org:RUS:gov", False),
    ("白宫发表声明称，总统将于下周出访。", "org:white-house", True),
    ("特朗普在白宫会见了来访的客人。", "org:white-house", False),
    ("克里姆林宫对这些条款表示怀疑。", "org:kremlin", True),
])
def test_resolver_seats_and_capitals_only_as_actors(resolver, make_doc, text, actor_id, expected) -> None:
    actors = _actors(resolver, make_doc(text))
    assert (actor_id in actors) is expected
    assert not any(a.kind == "person" and a.name in ("基辅", "莫斯科", "白宫", "克里姆林宫") for a in actors.values())


@pytest.mark.parametrize("text,actor_id,country,sector", [
    ("俄国防部当天发布消息说，防空部队击落了多架无人机。", "org:RUS:mod", "RUS", "MIL"),
    ("法国外交部发言人对此表示关切。", "org:FRA:mfa", "FRA", "GOV"),
    ("俄军在战场上稳步推进。", "org:RUS:mil", "RUS", "MIL"),
    ("恐怖袭击嫌疑人被俄安全部队打死。", "org:RUS:security", "RUS", "COP"),
    ("德国政府当天宣布了新的援助计划。", "org:DEU:gov", "DEU", "GOV"),
    ("据俄新社报道，俄联邦安全局称挫败了一起袭击图谋。", "org:fsb", "RUS", "SPY"),
    ("以色列国防军说，哈马斯武装发射了火箭弹。", "org:hamas", "PSE", "REB"),
    ("据《华尔街日报》报道，双方计划下周会面。", "org:wsj", "USA", "MED"),
])
def test_resolver_organisations(resolver, make_doc, text, actor_id, country, sector) -> None:
    actor = _actors(resolver, make_doc(text))[actor_id]
    assert (actor.country, actor.sector) == (country, sector)


def test_resolver_title_from_apposition_and_joined_surname(bare_resolver, make_doc) -> None:
    doc = make_doc("美国参议员马克·沃纳表示，这项协议不可接受。沃纳说，国会将举行听证会。")
    persons = [a for a in _actors(bare_resolver, doc).values() if a.kind == "person"]
    assert len(persons) == 1
    warner = persons[0]
    assert (warner.name, warner.country, warner.sector, warner.title) == ("马克·沃纳", "USA", "LEG", "参议员")
    assert warner.id == "person:zh:马克·沃纳:USA"
    assert [doc.text[s:e] for s, e in warner.mentions] == ["马克·沃纳", "沃纳"]


def test_resolver_title_chain_gives_country(bare_resolver, make_doc) -> None:
    doc = make_doc("乌方代表团团长、乌国家安全与国防委员会秘书乌梅罗夫在社交媒体发文说，谈判艰难但富有成效。")
    umerov = next(a for a in _actors(bare_resolver, doc).values() if a.kind == "person")
    assert (umerov.name, umerov.country, umerov.sector, umerov.title) == ("乌梅罗夫", "UKR", "GOV", "秘书")


def test_resolver_relation_kept_with_anchor_country(bare_resolver, make_doc) -> None:
    doc = make_doc("美国总统特朗普的女婿库什纳也参加了会谈。")
    kushner = next(a for a in _actors(bare_resolver, doc).values() if a.name == "库什纳")
    assert kushner.country == "USA"
    assert kushner.relation == "总统特朗普的女婿"


@pytest.mark.parametrize("text,word", [
    ("坦白说，这将是历史上最糟糕的协议之一。", "坦白"),
    ("特朗普施压乌克兰接受方案。", "施压"),
    ("美乌新一轮会谈在迈阿密附近举行。", "美乌"),
    ("乌方代表团团长表示，会谈富有成效。", "乌方"),
    ("他表示，基辅似乎已做好准备。", "基辅"),
])
def test_resolver_non_names_are_no_persons(bare_resolver, make_doc, text, word) -> None:
    persons = [a.name for a in _actors(bare_resolver, make_doc(text)).values() if a.kind == "person"]
    assert word not in persons


@pytest.mark.parametrize("published,title,sector", [("2024-06-01", "参议员", "LEG"), ("2025-12-02", "国务卿", "GOV")])
def test_resolver_office_by_publication_date(resolver, make_doc, published, title, sector) -> None:
    doc = make_doc("鲁比奥在会谈后表示，仍有很多工作要做。", published=published)
    rubio = _actors(resolver, doc)["person:marco-rubio"]
    assert (rubio.title, rubio.sector, rubio.country, rubio.name_en) == (title, sector, "USA", "Marco Rubio")


def test_resolver_article_title_wins_over_office(resolver, make_doc) -> None:
    doc = make_doc("联合国秘书长古特雷斯呼吁各方保持克制。")
    guterres = _actors(resolver, doc)["person:antonio-guterres"]
    assert (guterres.title, guterres.country, guterres.sector) == ("秘书长", "UN", "IGO")


def test_resolver_shared_name_follows_full_form(resolver, make_doc) -> None:
    doc = make_doc("明尼苏达州州长蒂姆·沃尔兹当天表示反对。沃尔兹说，州政府将提起诉讼。")
    actors = _actors(resolver, doc)
    assert "person:tim-walz" in actors and "person:mike-waltz" not in actors


def test_resolver_both_sides_of_a_compound(resolver, make_doc) -> None:
    doc = make_doc("乌美双方同意继续磋商。")
    resolver([doc])
    pos = doc.text.index("双方")
    assert set(_ids_at(doc, pos)) == {"state:UKR", "state:USA"}
    assert set(resolve_both_sides(doc, pos)) == {"state:UKR", "state:USA"}


def test_resolver_both_sides_from_context(resolver, make_doc) -> None:
    doc = make_doc("中国外长王毅同俄罗斯外长拉夫罗夫通电话。双方就乌克兰问题交换了意见。")
    resolver([doc])
    pos = doc.text.index("双方")
    assert set(resolve_both_sides(doc, pos)) == {"state:CHN", "state:RUS"}


def _ids_at(doc: Document, pos: int) -> list[str]:
    """The parties named at ``pos``: members of a compound actor mentioned there, or the actors."""
    actors = {a.id: a for a in doc.actors}
    out: list[str] = []
    for m in doc.mentions:
        if m.start <= pos < m.end:
            out.extend(actors[m.actor_id].members or [m.actor_id])
    return out


def test_resolver_mentions_point_into_text(resolver, make_doc) -> None:
    doc = make_doc("美国国务卿鲁比奥表示，与乌方的会谈富有成效。据塔斯社报道，俄方尚未回应。")
    resolver([doc])
    assert doc.mentions
    for m in doc.mentions:
        assert doc.text[m.start:m.end] == m.text
    ids = {a.id for a in doc.actors}
    assert {m.actor_id for m in doc.mentions} == ids


def test_resolver_pickles_without_models(resolver, make_doc) -> None:
    import pickle

    doc = make_doc("俄新社报道，普京当天会见了到访的美国特使威特科夫。")
    resolver([doc])  # loads the LAC model used for name checks
    clone = pickle.loads(pickle.dumps(resolver))
    again = make_doc("俄新社报道，普京当天会见了到访的美国特使威特科夫。")
    clone([again])
    assert [a.id for a in again.actors] == [a.id for a in doc.actors]


def test_resolver_works_from_entities_when_tokens_are_missing(resolver, make_doc) -> None:
    doc = make_doc("据塔斯社报道，俄罗斯联邦安全局称挫败了一起袭击图谋。")
    for sent in doc.sentences:
        sent.tokens = []
    ids = {a.id for a in _actors(resolver, doc).values()}
    assert {"org:tass", "org:fsb"} <= ids


def test_resolver_both_sides_of_earlier_talks(resolver, make_doc) -> None:
    doc = make_doc("美国国务卿鲁比奥在谈判后表示，与乌方的会谈富有成效。此外，特朗普称俄罗斯和乌克兰都希望结束冲突。"
                   "泽连斯基当天发文称，双方会谈具有建设性。")
    resolver([doc])
    assert set(_ids_at(doc, doc.text.index("双方"))) == {"state:USA", "state:UKR"}


@pytest.mark.parametrize("text,expected", [
    ("中美两国外长当天通了电话。", {("中", "LOC"), ("美", "LOC")}),
    ("美国政府当天宣布了新的措施。", {("美国", "LOC")}),
    ("菲律宾中央银行日前决定降息。", {("菲律宾中央银行", "ORG")}),
])
def test_resolver_entity_layer_follows_corpus_conventions(resolver, make_doc, text, expected) -> None:
    doc = make_doc(text)
    spans = {(doc.text[s:e], label) for s, e, label in resolver.entity_spans(doc)}
    assert expected <= spans


@pytest.mark.parametrize("text,not_person", [
    ("乌军用海马斯火箭炮袭击了目标。", "海马斯"),
    ("俄军攻占了扎波罗热州的一个村庄。", "扎波罗热"),
    ("以军对黎南部发动空袭。", "黎南部"),
])
def test_resolver_places_and_weapons_are_no_persons(bare_resolver, make_doc, text, not_person) -> None:
    persons = [a.name for a in _actors(bare_resolver, make_doc(text)).values() if a.kind == "person"]
    assert not_person not in persons


def test_resolver_title_as_written_and_host_state(bare_resolver, make_doc) -> None:
    doc = make_doc("中国驻俄罗斯大使张汉晖到机场迎接。英国司法大臣马哈茂德今天表示，将严惩暴力行为。")
    persons = {a.name: a for a in _actors(bare_resolver, doc).values() if a.kind == "person"}
    assert (persons["张汉晖"].country, persons["张汉晖"].title) == ("CHN", "大使")
    assert (persons["马哈茂德"].country, persons["马哈茂德"].title) == ("GBR", "司法大臣")
