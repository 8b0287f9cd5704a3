"""Round-3 actor rules (docs/DEV_SET3.md E3): one-character short forms bound to the states an article names,
and 两国/双方 read as the pair of states the story names together. Sentences written for these tests."""
from __future__ import annotations


def _at(doc, word: str, nth: int = 1) -> list:
    """The actors of the mentions that cover the ``nth`` occurrence of ``word``."""
    pos = -1
    for _ in range(nth):
        pos = doc.text.index(word, pos + 1)
    by_id = {a.id: a for a in doc.actors}
    return [by_id[m.actor_id] for m in doc.mentions if m.start <= pos and pos + len(word) <= m.end]


def _countries_at(resolver, make_doc, text: str, word: str, nth: int = 1) -> set[str]:
    doc = make_doc(text)
    resolver([doc])
    out: set[str] = set()
    for a in _at(doc, word, nth):
        if a.members:
            out |= {m.split(":", 1)[1] for m in a.members}
        elif a.country:
            out.add(a.country)
    return out


def test_actors_round3_short_form_takes_the_speakers_state(bare_resolver, make_doc) -> None:
    text = ("阿尔及利亚外交部发言人说，阿根廷的提议值得考虑。阿尔及利亚外交部发言人次日回应称，阿方拒绝任何附加条件。"
            "阿根廷外交部在声明中说，阿方对此表示遗憾。")
    assert _countries_at(bare_resolver, make_doc, text, "阿方", 1) == {"DZA"}
    assert _countries_at(bare_resolver, make_doc, text, "阿方", 2) == {"ARG"}


def test_actors_round3_short_form_never_names_an_unnamed_state(bare_resolver, make_doc) -> None:
    doc = make_doc("阿尔及利亚与阿根廷签署了农业合作协议。阿方表示，协议将惠及两国农民。")
    bare_resolver([doc])
    assert "AFG" not in {a.country for a in doc.actors}
    assert {a.country for a in _at(doc, "阿方")} == {"ARG"}  # the state named last before it


def test_actors_round3_sequence_of_short_forms_reads_named_states(bare_resolver, make_doc) -> None:
    text = "巴基斯坦和阿富汗边境再度发生交火。土耳其外交部呼吁巴阿双方保持克制。"
    assert _countries_at(bare_resolver, make_doc, text, "巴阿双方") == {"PAK", "AFG"}
    doc = make_doc(text)
    bare_resolver([doc])
    assert "PSE" not in {a.country for a in doc.actors}


def test_actors_round3_two_states_are_the_pair_named_together(bare_resolver, make_doc) -> None:
    text = ("埃塞俄比亚和厄立特里亚去年在利雅得签署了和平协议。埃塞俄比亚政府发言人20日表示，边境局势总体平稳。"
            "据埃塞俄比亚媒体报道，两国外长计划下月在内罗毕举行会晤。")
    assert _countries_at(bare_resolver, make_doc, text, "两国") == {"ETH", "ERI"}


def test_actors_round3_both_sides_skip_the_host_of_the_talks(bare_resolver, make_doc) -> None:
    text = "本月初，苏丹与南苏丹在埃塞俄比亚首都亚的斯亚贝巴举行了新一轮会谈，双方同意下月继续磋商。"
    assert _countries_at(bare_resolver, make_doc, text, "双方") == {"SDN", "SSD"}


def test_actors_round3_two_states_in_a_modifier_make_no_group(bare_resolver, make_doc) -> None:
    doc = make_doc("埃塞俄比亚和厄立特里亚去年签署了和平协议。分析人士认为，两国关系正在改善。")
    bare_resolver([doc])
    assert not [a for a in _at(doc, "两国") if a.members]


# --- docs/DEV_SET3.md A1/A2: outlets, specific bodies, short names, no spurious persons ----------------------

def _actors(resolver, make_doc, text: str) -> dict[str, object]:
    doc = make_doc(text)
    resolver([doc])
    return {a.name: a for a in doc.actors}


def test_actors_round3_common_news_agencies_are_known(bare_resolver, make_doc) -> None:
    doc = make_doc("据马新社报道，马来西亚总理12日抵达雅加达。另据沙特通讯社和俄塔社报道，会谈将于下周举行。")
    bare_resolver([doc])
    for word, country in (("马新社", "MYS"), ("沙特通讯社", "SAU"), ("俄塔社", "RUS")):
        found = _at(doc, word)
        assert [(a.country, a.sector) for a in found] == [(country, "MED")], word
    assert {a.name for a in doc.actors} >= {"马新社", "俄塔社"}  # written as Chinese media write them


def test_actors_round3_outlet_keeps_its_chinese_written_name(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "据美国有线电视新闻网报道，五角大楼已向该地区增派兵力。")
    assert actors["美国有线电视新闻网"].country == "USA"
    # 中新网 is the agency's website, not the agency itself
    actors = _actors(bare_resolver, make_doc, "中新网1月28日电 据中国新闻社报道，会议在北京举行。")
    assert actors["中国新闻网"].id != actors["中国新闻社"].id


def test_actors_round3_outlets_are_no_pair_of_states(bare_resolver, make_doc) -> None:
    doc = make_doc("据沙特通讯社和俄塔社报道，两国外长当天通了电话。")
    bare_resolver([doc])
    assert not [a for a in doc.actors if a.members]


def test_actors_round3_military_unit_is_its_own_body(bare_resolver, make_doc) -> None:
    doc = make_doc("俄罗斯海军黑海舰队发言人说，两艘护卫舰已返回基地。黑海舰队随后发表声明称，演习顺利结束。")
    bare_resolver([doc])
    fleet = [a for a in doc.actors if a.name == "俄罗斯海军黑海舰队"]
    assert fleet and fleet[0].country == "RUS"
    assert len(fleet[0].mentions) == 2  # the later 黑海舰队 is the same body
    assert "俄罗斯海军" not in {a.name for a in doc.actors}


def test_actors_round3_un_body_named_by_its_place_is_one_organisation(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "联合国南苏丹特派团9日发表声明，呼吁冲突各方保持克制。")
    assert actors["联合国南苏丹特派团"].country == "UN"
    assert "南苏丹" not in actors and "联合国" not in actors


def test_actors_round3_committee_of_a_known_body_in_a_title(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "另据塔斯社报道，俄罗斯国家杜马国防委员会主席卡尔塔波洛夫表示，俄方将作出回应。")
    assert actors["俄罗斯国家杜马国防委员会"].country == "RUS"
    assert actors["卡尔塔波洛夫"].kind == "person"


def test_actors_round3_quoted_party_name_ending_in_party(bare_resolver, make_doc) -> None:
    text = "塞尔维亚议会选举临近。塞尔维亚总统称选举将如期举行。塞尔维亚反对派“人民阵线党”领导人则呼吁推迟选举。"
    actors = _actors(bare_resolver, make_doc, text)
    assert actors["人民阵线党"].country == "SRB" and actors["人民阵线党"].sector == "PTY"


def test_actors_round3_interim_government_of_a_short_form(bare_resolver, make_doc) -> None:
    text = "阿富汗临时政府发言人12日说，边境局势已恢复平静。阿临时政府发言人随后表示，将派出调查组。"
    actors = _actors(bare_resolver, make_doc, text)
    assert actors["阿富汗临时政府"].country == "AFG"
    assert not [a for a in actors.values() if a.kind == "person" and "政府" in a.name]
    assert _actors(bare_resolver, make_doc, "马里过渡政府12日宣布推迟选举。")["马里过渡政府"].country == "MLI"


def test_actors_round3_short_name_after_a_spokesperson_title(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "伊拉克外交部发言人萨赫则在记者会上表示，伊方反对任何外国军事干预。")
    assert actors["萨赫"].kind == "person" and actors["萨赫"].country == "IRQ"
    actors = _actors(bare_resolver, make_doc, "马里过渡政府发言人迈加12日说，政府军收复了北部城镇。")
    assert actors["迈加"].country == "MLI"
    # a word that is no name after the title stays out
    persons = [n for n, a in _actors(bare_resolver, make_doc, "伊拉克外交部发言人今天表示反对。").items()
               if a.kind == "person"]
    assert persons == []


def test_actors_round3_weapon_and_line_names_are_no_persons(bare_resolver, make_doc) -> None:
    for text in ("伊朗海军试射了“卡德尔”巡航导弹。", "阿军凌晨对杜兰德线附近的一处哨所发动袭击。"):
        assert [a for a in _actors(bare_resolver, make_doc, text).values() if a.kind == "person"] == []


def test_actors_round3_two_side_forms_joined_by_a_preposition(bare_resolver, make_doc) -> None:
    text = "亚美尼亚和阿塞拜疆在边境交换了被扣押人员。亚方向阿方移交了9名阿塞拜疆人。"
    doc = make_doc(text)
    bare_resolver([doc])
    assert not [a for a in doc.actors if a.kind == "person"]
    assert {a.country for a in _at(doc, "亚方")} == {"ARM"}
    assert {a.country for a in _at(doc, "阿方")} == {"AZE"}


def test_actors_round3_ministry_words_compose_with_their_state(bare_resolver, make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "柬埔寨新闻部发言人说，泰军率先开火。")
    assert actors["柬埔寨新闻部"].country == "KHM" and actors["柬埔寨新闻部"].kind == "organization"
    actors = _actors(bare_resolver, make_doc, "据老挝新闻部消息，当地时间凌晨发生洪灾。")
    assert actors["老挝新闻部"].country == "LAO"


def test_actors_round3_person_country_from_a_city_or_an_organisation_before_the_title(bare_resolver,
                                                                                      make_doc) -> None:
    actors = _actors(bare_resolver, make_doc, "芝加哥市长约翰逊表示反对。")
    assert actors["约翰逊"].country == "USA"
    actors = _actors(bare_resolver, make_doc, "也门胡塞武装高级成员阿里说，袭击将继续。")
    assert actors["阿里"].country == "YEM" and actors["阿里"].title == "高级成员"


def test_actors_round3_last_name_alone_is_the_full_names_person(bare_resolver, make_doc) -> None:
    doc = make_doc("孟加拉国外交部发言人穆罕默德·拉菲克·汗8日表示，孟方对此深表关切。汗说，孟方已向印方提出交涉。")
    bare_resolver([doc])
    persons = [a for a in doc.actors if a.kind == "person"]
    assert [a.name for a in persons] == ["穆罕默德·拉菲克·汗"]
    assert [a.id for a in _at(doc, "汗", 2)] == [persons[0].id]  # 汗说: a mention of the same person
