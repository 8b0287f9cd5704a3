"""Name boundaries, places read as persons, and country inference (sentences written for these tests)."""
from __future__ import annotations

import pytest

from jishi.actors.resolver import ActorResolver
from jishi.document import Document, Sentence, Token


@pytest.fixture(scope="module")
def kb_resolver() -> ActorResolver:
    """The package KB with the package persons file (for well-known persons such as 毛宁)."""
    return ActorResolver()


def _hand_doc(sentences: list[list[tuple[str, str]]]) -> Document:
    """A document from hand-tokenised sentences: (word, LAC tag) pairs, sentences joined without spaces."""
    text = "".join(w for sent in sentences for w, _ in sent)
    doc = Document(id="t", raw_text=text, text=text, analysis_text=text, published="2026-03-01")
    pos = 0
    for sent in sentences:
        start = pos
        tokens = []
        for word, tag in sent:
            tokens.append(Token(word, tag, pos, pos + len(word)))
            pos += len(word)
        doc.sentences.append(Sentence(start, pos, text[start:pos], tokens=tokens))
    return doc


def _run(resolver: ActorResolver, doc: Document) -> dict[str, object]:
    resolver([doc])
    return {a.id: a for a in doc.actors}


def _persons(doc: Document) -> dict[str, object]:
    return {a.name: a for a in doc.actors if a.kind == "person"}


def test_actors_boundaries_name_does_not_swallow_verb_head(bare_resolver, make_doc) -> None:
    # LAC reads 巴德尔通/PER 电话/n: 通 begins 通电话
    doc = make_doc("阿曼外交大臣巴德尔通电话，双方讨论了也门局势。")
    _run(bare_resolver, doc)
    persons = _persons(doc)
    assert "巴德尔" in persons and "巴德尔通" not in persons
    assert persons["巴德尔"].country == "OMN"


def test_actors_boundaries_known_name_wins_over_longer_candidate(kb_resolver, make_doc) -> None:
    # LAC reads 毛宁敦/PER 促/v: the spokesperson is 毛宁, and the bare 外交部 is China's
    doc = make_doc("外交部发言人毛宁敦促日方停止挑衅。毛宁说，中方的立场是一贯的。")
    actors = _run(kb_resolver, doc)
    persons = _persons(doc)
    assert "毛宁敦" not in persons
    assert persons["毛宁"].id == "person:mao-ning"
    assert [m.text for m in doc.mentions if m.actor_id == "person:mao-ning"] == ["毛宁", "毛宁"]
    assert actors["org:CHN:mfa"].country == "CHN"


def test_actors_boundaries_qualified_ministry_is_not_china(bare_resolver, make_doc) -> None:
    doc = make_doc("该国外交部随后发表声明。")
    actors = _run(bare_resolver, doc)
    assert "org:CHN:mfa" not in actors


def test_actors_boundaries_suffix_of_document_name_joins_it(bare_resolver) -> None:
    # the second sentence has the title glued to the first character of the name (总理巴/n 比什/PER)
    doc = _hand_doc([
        [("捷克", "LOC"), ("总理", "n"), ("巴比什", "PER"), ("当天", "TIME"), ("表示", "v"), ("。", "w")],
        [("捷克", "LOC"), ("总理巴", "n"), ("比什", "PER"), ("随后", "d"), ("离开", "v"), ("。", "w")],
    ])
    _run(bare_resolver, doc)
    persons = _persons(doc)
    assert set(persons) == {"巴比什"}
    assert len(persons["巴比什"].mentions) == 2 and persons["巴比什"].country == "CZE"


@pytest.mark.parametrize("words", [
    [("叛军", "n"), ("逼近", "v"), ("东部", "f"), ("城市", "n"), ("卢韦罗", "PER"), ("。", "w")],
    [("交火", "vn"), ("发生", "v"), ("在", "p"), ("卢韦罗", "PER"), ("以西", "f"), ("。", "w")],
    [("叛军", "n"), ("占领", "v"), ("了", "u"), ("该省", "r"), ("首府", "n"), ("卢韦罗", "PER"), ("。", "w")],
])
def test_actors_boundaries_place_context_is_no_person(bare_resolver, words) -> None:
    doc = _hand_doc([words])
    _run(bare_resolver, doc)
    assert _persons(doc) == {}


def test_actors_boundaries_place_once_is_place_everywhere(bare_resolver) -> None:
    doc = _hand_doc([
        [("武装", "n"), ("分子", "n"), ("袭击", "v"), ("了", "u"), ("城市", "n"), ("卢韦罗", "PER"), ("。", "w")],
        [("卢韦罗", "PER"), ("局势", "n"), ("紧张", "a"), ("。", "w")],
    ])
    _run(bare_resolver, doc)
    assert _persons(doc) == {}


@pytest.mark.parametrize("words", [
    # short forms inside a split transliteration are no states: 哈/PER 尔格萨/PER, 廷巴/LOC 克图/PER
    [("会议", "n"), ("在", "p"), ("哈", "PER"), ("尔格萨", "PER"), ("举行", "v"), ("。", "w")],
    [("叛军", "n"), ("逼近", "v"), ("廷巴", "LOC"), ("克图", "PER"), ("。", "w")],
])
def test_actors_boundaries_split_name_has_no_state_shorts(bare_resolver, words) -> None:
    doc = _hand_doc([words])
    actors = _run(bare_resolver, doc)
    assert not any(a.kind == "state" for a in actors.values()), actors


def test_actors_boundaries_zhong_closes_zai_frame(bare_resolver, make_doc) -> None:
    # LAC reads 行动/n 中共/ORG: 中 ends 在…行动中
    doc = make_doc("警方在周末的清场行动中共逮捕了40人。")
    actors = _run(bare_resolver, doc)
    assert "org:cpc" not in actors and "state:CHN" not in actors


def test_actors_boundaries_cpc_still_found(bare_resolver, make_doc) -> None:
    doc = make_doc("中共中央政治局当天召开会议。")
    _ = _run(bare_resolver, doc)
    assert any(a.country == "CHN" for a in doc.actors)


def test_actors_boundaries_short_form_of_named_state(bare_resolver, make_doc) -> None:
    doc = make_doc("马耳他总理阿贝拉当天表示，马方将继续奉行中立政策。")
    actors = _run(bare_resolver, doc)
    assert "state:MLT" in actors and "state:MYS" not in actors
    assert "马方" in [m.text for m in doc.mentions if m.actor_id == "state:MLT"]


def test_actors_boundaries_initial_of_named_state_with_ministry(bare_resolver, make_doc) -> None:
    doc = make_doc("塞浦路斯政府当天宣布，塞外交部已召见土耳其大使。")
    actors = _run(bare_resolver, doc)
    assert actors["org:CYP:mfa"].country == "CYP"


def test_actors_boundaries_initial_needs_named_state(bare_resolver, make_doc) -> None:
    doc = make_doc("塞外交部已召见土耳其大使。")
    actors = _run(bare_resolver, doc)
    assert "org:CYP:mfa" not in actors


def test_actors_boundaries_country_before_glued_title(bare_resolver) -> None:
    # LAC may glue state, ministry and title into one ORG word
    doc = _hand_doc([[("芬兰外交部长", "ORG"), ("瓦尔托宁", "PER"), ("当天", "TIME"), ("表示", "v"), ("。", "w")]])
    _run(bare_resolver, doc)
    person = _persons(doc)["瓦尔托宁"]
    assert person.country == "FIN" and person.title == "外交部长"


def test_actors_boundaries_spouse_takes_country(kb_resolver, make_doc) -> None:
    doc = make_doc("法国总统马克龙和夫人布丽吉特抵达北京。")
    _run(kb_resolver, doc)
    assert _persons(doc)["布丽吉特"].country == "FRA"


def test_actors_boundaries_quoted_party_and_its_leader(bare_resolver, make_doc) -> None:
    doc = make_doc("保加利亚首都索非亚爆发抗议。保加利亚警方拘留了数十人。"
                   "反对党“祖国联盟”领导人之一马尔科夫当天被捕。保加利亚政府尚未回应。")
    actors = _run(bare_resolver, doc)
    party = actors["org:zh:祖国联盟"]
    assert party.name == "祖国联盟" and party.country == "BGR" and party.sector == "PTY"
    assert _persons(doc)["马尔科夫"].country == "BGR"


def test_actors_boundaries_quoted_network_named_after_state(bare_resolver, make_doc) -> None:
    doc = make_doc("据当地组织“马里人权网络”称，袭击造成多人死亡。")
    actors = _run(bare_resolver, doc)
    assert actors["org:zh:马里人权网络"].country == "MLI"


def test_actors_boundaries_coordinated_states(bare_resolver, make_doc) -> None:
    doc = make_doc("挪威、丹麦和芬兰三国外交部当天发表联合声明。")
    actors = _run(bare_resolver, doc)
    groups = [a for a in actors.values() if a.members]
    assert len(groups) == 1
    assert groups[0].members == ["state:DNK", "state:FIN", "state:NOR"]
    assert "org:zh:芬兰三国外交部" not in actors


def test_actors_boundaries_compound_with_armed_forces(bare_resolver, make_doc) -> None:
    doc = make_doc("美菲两国军队当天开始联合演习。")
    actors = _run(bare_resolver, doc)
    group = next(a for a in actors.values() if a.members)
    assert group.members == ["state:PHL", "state:USA"] and group.name == "美菲两国军队"


def test_actors_boundaries_embassy_belongs_to_sender(bare_resolver, make_doc) -> None:
    doc = make_doc("白俄罗斯当天驱逐了波兰驻白俄罗斯使馆一名外交官。")
    actors = _run(bare_resolver, doc)
    assert "org:POL:embassy" in actors and "org:BLR:embassy" not in actors


def test_actors_boundaries_place_body(bare_resolver, make_doc) -> None:
    doc = make_doc("汗尤尼斯卫生部门当天说，空袭造成多人死亡。")
    actors = _run(bare_resolver, doc)
    body = actors["org:zh:汗尤尼斯卫生部门"]
    assert body.country == "PSE" and body.kind == "organization"
    assert not _persons(doc)


@pytest.mark.parametrize("text,outlet", [
    ("人民网北京5月3日电 记者从有关部门获悉。", "org:people-cn"),
    ("据央视新闻报道，会议于当天闭幕。", "org:cctv-news"),
    ("央视网消息：会议于当天闭幕。", "org:cctv-com"),
    ("据环球网报道，会议于当天闭幕。", "org:huanqiu"),
])
def test_actors_boundaries_outlets_keep_their_own_name(bare_resolver, make_doc, text, outlet) -> None:
    doc = make_doc(text)
    actors = _run(bare_resolver, doc)
    assert actors[outlet].sector == "MED" and actors[outlet].country == "CHN"
    assert "org:peoples-daily" not in actors and "org:cmg" not in actors


def test_actors_boundaries_kb_verb_heads_loaded(bare_resolver) -> None:
    kb = bare_resolver.kb
    assert kb.verb_head_after("通", "电话，") and kb.verb_head_after("敦", "促各方")
    assert not kb.verb_head_after("通", "过了")
    assert "首府" in kb.place_before and "以西" in kb.place_after and "外交部" in kb.home_bodies


def test_actors_boundaries_split_side_form_of_named_state(bare_resolver) -> None:
    doc = _hand_doc([[("利比亚", "LOC"), ("召见", "v"), ("了", "u"), ("马耳他", "LOC"), ("大使", "n"), ("，", "w"),
                      ("就", "d"), ("马", "v"), ("方", "d"), ("扣押", "v"), ("渔船", "n"), ("提出", "v"),
                      ("抗议", "vn"), ("。", "w")]])
    actors = _run(bare_resolver, doc)
    assert [m.text for m in doc.mentions if m.actor_id == "state:MLT"] == ["马耳他", "马方"]
    assert "state:MYS" not in actors


def test_actors_boundaries_split_side_form_needs_named_state(bare_resolver) -> None:
    doc = _hand_doc([[("他", "r"), ("说", "v"), ("，", "w"), ("大家", "r"), ("都", "d"), ("爱", "v"), ("方", "d"),
                      ("便", "d"), ("。", "w")]])
    assert _run(bare_resolver, doc) == {}


def test_actors_boundaries_bare_police_of_main_state(bare_resolver, make_doc) -> None:
    doc = make_doc("塞尔维亚首都贝尔格莱德爆发大规模抗议。塞尔维亚政府呼吁民众保持克制。"
                   "警方当晚使用催泪瓦斯驱散人群。塞尔维亚总统随后发表讲话。")
    actors = _run(bare_resolver, doc)
    assert actors["org:SRB:police"].country == "SRB"
    assert "警方" in [m.text for m in doc.mentions if m.actor_id == "org:SRB:police"]


def test_actors_boundaries_bare_police_needs_a_main_state(bare_resolver, make_doc) -> None:
    doc = make_doc("法国和德国都发生了抗议。警方逮捕了多人。")
    actors = _run(bare_resolver, doc)
    assert not any(a.sector == "COP" for a in actors.values())


def test_actors_boundaries_lone_region_character_tagged_person(bare_resolver) -> None:
    # the tail of a name split over a line break: 亚/PER is no mention of Asia
    doc = _hand_doc([[("亚", "PER"), ("在", "p"), ("声明", "n"), ("中", "f"), ("说", "v"), ("。", "w")]])
    assert _run(bare_resolver, doc) == {}


def test_actors_boundaries_region_compound_still_found(bare_resolver, make_doc) -> None:
    doc = make_doc("中非合作论坛部长级会议当天开幕，亚太地区多国代表出席。")
    actors = _run(bare_resolver, doc)
    assert "region:ASA" in actors or any(a.country == "ASA" for a in actors.values())


def test_actors_boundaries_non_governmental_is_not_africa(bare_resolver, make_doc) -> None:
    doc = make_doc("总理指责外国资助的非政府组织企图策划颠覆活动。")
    actors = _run(bare_resolver, doc)
    assert "region:AFR" not in actors


@pytest.mark.parametrize("text,actor_id,name", [
    ("据吉尔吉斯斯坦总统新闻局消息，两国元首举行了会谈。", "org:KGZ:presidential-press", "吉尔吉斯斯坦总统新闻局"),
    ("乌克兰内务部当天说，救援工作仍在进行。", "org:UKR:interior", "乌克兰内务部"),
    ("欧盟理事会当天通过决定，延长对该国的制裁。", "igo:council-eu", "欧盟理事会"),
    ("日本联合参谋本部当天发表声明。", "org:JPN:jcs", "日本联合参谋本部"),
])
def test_actors_boundaries_specific_bodies(bare_resolver, make_doc, text, actor_id, name) -> None:
    doc = make_doc(text)
    actors = _run(bare_resolver, doc)
    assert actors[actor_id].name == name
