"""Round-2 actor rules (docs/DEV_SET2.md items 6-12, docs/REAL_TEXT_REVIEW.md classes 7 and 10), on sentences
written for these tests."""
from __future__ import annotations

from jishi.actors.frames import is_short_of, join_hyphen_names
from jishi.document import Token


def _actors(resolver, make_doc, text: str) -> dict[str, object]:
    doc = make_doc(text)
    resolver([doc])
    return {a.name: a for a in doc.actors}


def _persons(resolver, make_doc, text: str) -> dict[str, object]:
    return {n: a for n, a in _actors(resolver, make_doc, text).items() if a.kind == "person"}


def test_actors_round2_hyphen_joins_transliterated_name(bare_resolver, make_doc) -> None:
    persons = _persons(bare_resolver, make_doc, "海地总理米歇尔·让-巴蒂斯特当天宣布全国进入紧急状态。")
    assert list(persons) == ["米歇尔·让-巴蒂斯特"]
    assert persons["米歇尔·让-巴蒂斯特"].country == "HTI"
    persons = _persons(bare_resolver, make_doc, "法国外交部发言人让-诺埃尔·巴罗说，法方对此表示关切。")
    assert list(persons) == ["让-诺埃尔·巴罗"]


def test_actors_round2_hyphen_tokens_join_and_no_name_ends_in_joiner() -> None:
    text = "菲尔斯-艾梅表示"
    toks = [Token("菲尔斯", "PER", 0, 3), Token("-", "w", 3, 4), Token("艾梅", "PER", 4, 6), Token("表示", "v", 6, 8)]
    out = join_hyphen_names(text, toks)
    assert [(t.text, t.tag) for t in out] == [("菲尔斯-艾梅", "PER"), ("表示", "v")]
    # no hyphen, no joiner: the tokens come back untouched
    assert join_hyphen_names("他说", [Token("他", "r", 0, 1), Token("说", "v", 1, 2)])[1].text == "说"


def test_actors_round2_hyphen_name_gets_title_country(bare_resolver, make_doc) -> None:
    persons = _persons(bare_resolver, make_doc, "海地警察总监菲尔斯-艾梅表示，警方已逮捕12名嫌疑人。")
    assert "菲尔斯-艾梅" in persons and "艾梅" not in persons and "菲尔斯" not in persons
    assert not any(n.endswith("·") for n in persons)


def test_actors_round2_long_place_after_locative_is_no_person(bare_resolver, make_doc) -> None:
    persons = _persons(bare_resolver, make_doc, "一枚火箭弹在基尔亚特希莫纳落地，造成两人受伤。")
    assert persons == {}
    persons = _persons(bare_resolver, make_doc, "暴徒在首都比绍总统府附近开枪。")
    assert persons == {}


def test_actors_round2_ship_name_is_no_person(bare_resolver, make_doc) -> None:
    persons = _persons(bare_resolver, make_doc, "美军“福特”号航母抵达地中海东部。")
    assert persons == {}


def test_actors_round2_bare_title_takes_state_of_paragraph(bare_resolver, make_doc) -> None:
    persons = _persons(bare_resolver, make_doc, "几内亚比绍军方26日宣布接管政权。总统恩巴洛被军人逮捕。")
    assert persons["恩巴洛"].country == "GNB"


def test_actors_round2_bare_title_falls_back_to_main_state(bare_resolver, make_doc) -> None:
    text = ("马里过渡政府宣布推迟选举。马里外交部随后发表声明。\n"
            "反对派总统候选人卡马拉表示拒绝承认这一决定。")
    persons = _persons(bare_resolver, make_doc, text)
    assert persons["卡马拉"].country == "MLI"
    assert persons["卡马拉"].title.endswith("候选人")


def test_actors_round2_led_by_names_the_leader(bare_resolver, make_doc) -> None:
    persons = _persons(bare_resolver, make_doc, "由尼日利亚总统提努布率领的代表团抵达阿克拉。")
    assert persons["提努布"].country == "NGA" and persons["提努布"].title == "总统"


def test_actors_round2_role_noun_and_take_office_titles(bare_resolver, make_doc) -> None:
    persons = _persons(bare_resolver, make_doc, "陆军将领马马杜·迪奥普出任过渡总统。")
    assert persons["马马杜·迪奥普"].title == "陆军将领"
    persons = _persons(bare_resolver, make_doc, "前外长阿卜杜勒·萨利赫宣布，阿卜杜勒·萨利赫出任过渡总统。")
    assert persons["阿卜杜勒·萨利赫"].title


def test_actors_round2_media_frames(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "据秘鲁《商报》报道，利马发生抗议。")
    assert actors["商报"].kind == "organization" and actors["商报"].country == "PER"
    assert actors["商报"].sector == "MED"
    actors = _actors(bare_resolver, make_doc, "总理在接受英国天空新闻频道采访时表示，政府不会让步。")
    assert any(a.sector == "MED" and "天空新闻频道" in n for n, a in actors.items())


def test_actors_round2_interview_with_reporter_is_no_outlet(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "他在接受记者采访时表示，谈判仍在继续。")
    assert not any(a.sector == "MED" for a in actors.values())


def test_actors_round2_full_and_short_name_are_one_actor(bare_resolver, make_doc) -> None:
    text = "联合国驻南苏丹特派团（南苏丹特派团）发表声明。南苏丹特派团呼吁各方保持克制。"
    actors = _actors(bare_resolver, make_doc, text)
    full = actors["联合国驻南苏丹特派团"]
    assert full.country == "UN"
    assert len(full.mentions) == 3
    assert is_short_of("联黎部队", "联合国驻黎巴嫩临时部队") and not is_short_of("黎部队", "联合国驻黎巴嫩临时部队")


def test_actors_round2_country_from_modifiers(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "叙利亚武装组织“自由旅”宣称对袭击负责。")
    assert actors["自由旅"].country == "SYR"
    persons = _persons(bare_resolver, make_doc, "芝加哥市长约翰逊宣布进入紧急状态。")
    assert persons["约翰逊"].country == "USA"


def test_actors_round2_short_form_compound_and_clause_initial_short(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "美英联军对也门发动空袭。")
    group = next(a for a in actors.values() if a.kind == "group")
    assert group.members == ["state:GBR", "state:USA"]
    actors = _actors(bare_resolver, make_doc, "巴方提出停火建议。以政府拒绝了该提议。")
    assert any(a.country == "ISR" and a.id.startswith("org:ISR") for a in actors.values())


def test_actors_round2_listed_states_before_deng(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "荷兰、比利时和卢森堡等欧洲国家发表联合声明。")
    group = next(a for a in actors.values() if a.kind == "group")
    assert group.members == ["state:BEL", "state:LUX", "state:NLD"]
    assert {"荷兰", "比利时", "卢森堡"} <= set(actors)
    assert not any(a.kind == "location" for a in actors.values())


def test_actors_round2_title_without_glued_verb_or_prefix(bare_resolver, make_doc) -> None:
    persons = _persons(bare_resolver, make_doc, "新任总统阿里表示将推动改革。")
    assert persons["阿里"].title == "总统" and persons["阿里"].country is None
    persons = _persons(bare_resolver, make_doc, "总统提名国防部长赫格塞斯出席听证会。")
    assert persons["赫格塞斯"].title == "国防部长"


def test_actors_round2_led_by_name_made_of_short_forms(bare_resolver, make_doc) -> None:
    # 比奥 would read as 比 (Belgium) + 奥 (Austria) without the frame
    actors = _actors(bare_resolver, make_doc, "联合国派出一个由塞拉利昂总统比奥率领的观察团。")
    assert actors["比奥"].kind == "person" and actors["比奥"].country == "SLE"
    assert "比利时" not in actors and "奥地利" not in actors


def test_actors_round2_unknown_body_glued_after_known_group_takes_its_country(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "以军称死者是真主党拉德万部队的一名指挥官。")
    assert actors["拉德万部队"].country == "LBN"


def test_actors_round2_located_at_is_a_place(bare_resolver, make_doc) -> None:
    persons = _persons(bare_resolver, make_doc, "战机轰炸了位于卡法尔基拉的一处仓库。")
    assert persons == {}


def test_actors_round2_topic_head_is_no_person(bare_resolver, make_doc) -> None:
    persons = _persons(bare_resolver, make_doc, "双方讨论了朝核问题和地区安全。")
    assert persons == {}


def test_actors_round2_state_government_takes_country_of_its_place(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "得州政府宣布向边境增派国民警卫队。")
    assert any(a.country == "USA" and "政府" in a.name for a in actors.values())


def test_actors_round2_name_tagged_nz_after_title(bare_resolver, make_doc) -> None:
    persons = _persons(bare_resolver, make_doc, "美国驻联合国代表华尔兹20日敦促安理会采取行动。")
    assert persons["华尔兹"].country == "USA"


def test_actors_round2_igo_mission_is_a_body_of_the_igo(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "联合国驻苏丹特派团发表声明，对平民伤亡表示关切。")
    mission = actors["联合国驻苏丹特派团"]
    assert mission.country == "UN" and mission.sector == "IGO"
    assert "苏丹" not in actors
