"""Round-4 actor rules (docs/DEV_SET4.md F5 and F9): armed groups under their short head (X武装, X方面), UN bodies
named by a place with brackets, names LAC glued to a verb or cut in two, a title's state before a region in its
portfolio, and intergovernmental bodies of their own. Sentences written for these tests."""
from __future__ import annotations

from jishi.actors.kb import KnowledgeBase
from jishi.document import Token


def _actors(resolver, make_doc, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    """name -> (kind, country, title) of every actor the resolver finds."""
    doc = make_doc(text)
    resolver([doc])
    return {a.name: (a.kind, a.country, a.title) for a in doc.actors}


def test_actors_round4_group_head_forms() -> None:
    heads = set(KnowledgeBase._group_heads("K7运动", ("“K7运动”",)))
    assert {"K7", "K7武装", "K7方面", "K7成员"} <= heads
    # a two-character Chinese head is too common a word to stand alone (基地组织 -> no 基地)
    assert not set(KnowledgeBase._group_heads("基地组织", ("“基地”组织",)))


def test_actors_round4_group_short_head_is_the_group(bare_resolver, make_doc) -> None:
    text = ("以色列军方称，伊斯兰圣战武装当天向南部城镇发射火箭弹。伊斯兰圣战方面随后否认。"
            "努斯拉阵线发言人阿布·哈桑说，袭击与该组织无关。")
    doc = make_doc(text)
    bare_resolver([doc])
    by_id = {a.id: a for a in doc.actors}
    named = {doc.text[m.start:m.end]: by_id[m.actor_id] for m in doc.mentions}
    assert named["伊斯兰圣战武装"].country == "PSE" and named["伊斯兰圣战方面"].country == "PSE"
    assert named["伊斯兰圣战武装"].id == named["伊斯兰圣战方面"].id
    assert named["阿布·哈桑"].country == "SYR" and named["阿布·哈桑"].title == "发言人"


def test_actors_round4_un_body_named_by_a_bracketed_place(bare_resolver, make_doc) -> None:
    found = _actors(bare_resolver, make_doc, "联合国刚果（布）稳定特派团20日发表声明，呼吁各方保持克制。")
    assert found.get("联合国刚果（布）稳定特派团", (None, None))[:2] == ("organization", "UN")
    assert "COG" not in {c for _, c, _ in found.values()}
    found = _actors(bare_resolver, make_doc, "联合国马里多层面综合稳定团发言人说，巡逻队遭到袭击。")
    assert found.get("联合国马里多层面综合稳定团", (None, None))[:2] == ("organization", "UN")


def _tokens(text: str, parts: list[tuple[str, str]]) -> list[Token]:
    out, pos = [], 0
    for word, tag in parts:
        assert text.startswith(word, pos)
        out.append(Token(word, tag, pos, pos + len(word)))
        pos += len(word)
    return out


def test_actors_round4_name_stops_before_the_verb(bare_resolver) -> None:
    # LAC glued the name's last character to 率 (…/利率/团) or swallowed 通 of 通电话 (…通/电话)
    text = "约旦首相哈苏纳利率团与会。"
    tokens = _tokens(text, [("约旦", "LOC"), ("首相", "n"), ("哈苏纳", "PER"), ("利率", "n"), ("团", "n"),
                            ("与会", "vn"), ("。", "w")])
    words = [(t.text, t.tag) for t in bare_resolver._unglue_names(text, tokens)]
    assert ("哈苏纳利", "PER") in words and ("率", "v") in words
    text = "总统图瓦德拉通电话。"
    tokens = _tokens(text, [("总统", "n"), ("图瓦德拉通", "PER"), ("电话", "n"), ("。", "w")])
    words = [(t.text, t.tag) for t in bare_resolver._unglue_names(text, tokens)]
    assert words[:3] == [("总统", "n"), ("图瓦德拉", "PER"), ("通", "v")]
    text = "其政治领导人卡贝雷率团出席。"
    tokens = _tokens(text, [("其", "r"), ("政治", "n"), ("领导人", "n"), ("卡贝雷率", "LOC"), ("团", "n"),
                            ("出席", "v"), ("。", "w")])
    words = [(t.text, t.tag) for t in bare_resolver._unglue_names(text, tokens)]
    assert ("卡贝雷", "PER") in words
    # 利率 that is no 率团 stays a word
    text = "行长鲍威尔利率决议公布后说。"
    tokens = _tokens(text, [("行长", "n"), ("鲍威尔", "PER"), ("利率", "n"), ("决议", "n"), ("公布", "v"),
                            ("后", "f"), ("说", "v"), ("。", "w")])
    assert bare_resolver._unglue_names(text, tokens) == tokens


def test_actors_round4_name_after_a_title_is_no_run_of_short_forms(bare_resolver, make_doc) -> None:
    # 德比 spells 德 (Germany) + 比 (Belgium); after 总统 it is a name, and it stays one in a later bare mention
    text = "加蓬外长当天与乍得总统德比通电话，讨论边境局势。现年70岁的德比自1990年起执政。"
    found = _actors(bare_resolver, make_doc, text)
    assert found.get("德比", (None, None))[:2] == ("person", "TCD")
    assert "比利时" not in found and "德国" not in found


def test_actors_round4_long_transliteration_cut_in_two(bare_resolver) -> None:
    text = "马耳他政府发言人帕帕佐普卢蒂斯当天表示关切。"
    tokens = _tokens(text, [("马耳他政府", "ORG"), ("发言人", "n"), ("帕帕佐普", "PER"), ("卢蒂斯", "PER"),
                            ("当天", "TIME"), ("表示", "v"), ("关切", "vn"), ("。", "w")])
    words = [(t.text, t.tag) for t in bare_resolver._merge_fragments(text, tokens)]
    assert ("帕帕佐普卢蒂斯", "PER") in words
    # two names of their own stay apart when either is written alone elsewhere
    text = "他说要施压泽连斯基。泽连斯基拒绝。"
    tokens = _tokens(text, [("他", "r"), ("说", "v"), ("要", "v"), ("施压", "PER"), ("泽连斯基", "PER"), ("。", "w"),
                            ("泽连斯基", "PER"), ("拒绝", "v"), ("。", "w")])
    assert bare_resolver._merge_fragments(text, tokens) == tokens


def test_actors_round4_two_chinese_names_glued_stay_two(bare_resolver) -> None:
    # a list of officials without separators: each piece is a Chinese name (surname + given name)
    text = "出席会议的有孔繁森韦国清彭德怀。"
    tokens = _tokens(text, [("出席", "v"), ("会议", "n"), ("的", "u"), ("有", "v"), ("孔繁森", "PER"),
                            ("韦国清", "PER"), ("彭德怀", "PER"), ("。", "w")])
    assert bare_resolver._merge_fragments(text, tokens) == tokens


def test_actors_round4_name_cut_into_characters_after_a_title(bare_resolver) -> None:
    text = "该组织发言人恩约卡则否认。"
    tokens = _tokens(text, [("该", "r"), ("组织", "n"), ("发言人", "n"), ("恩", "PER"), ("约", "v"), ("卡", "n"),
                            ("则", "d"), ("否认", "v"), ("。", "w")])
    words = [(t.text, t.tag) for t in bare_resolver._unglue_names(text, tokens)]
    assert ("恩约卡", "PER") in words
    # a one-character name before 说 stays as it is
    text = "发言人汗说。"
    tokens = _tokens(text, [("发言人", "n"), ("汗", "PER"), ("说", "v"), ("。", "w")])
    assert bare_resolver._unglue_names(text, tokens) == tokens


def test_actors_round4_region_in_the_portfolio_is_not_the_state(bare_resolver, make_doc) -> None:
    found = _actors(bare_resolver, make_doc, "印度政府中东问题特使辛格出席了会议。欧盟中亚事务特别代表马雷克说。")
    assert found["辛格"][1] == "IND"
    assert found["马雷克"][1] == "EUR"


def test_actors_round4_regional_bodies_of_their_own(bare_resolver, make_doc) -> None:
    found = _actors(bare_resolver, make_doc, "中部非洲国家经济共同体轮值主席呼吁停火。非盟委员会当天发表声明。"
                                            "非洲联盟此前已暂停该国成员资格。")
    assert found.get("中部非洲国家经济共同体", (None, None))[1] == "IGO"
    assert found.get("非盟委员会", (None, None))[1] == "IGO"
    assert "非盟" in found  # the AU itself stays a separate actor


def test_actors_round4_org_token_after_a_title_is_a_person(bare_resolver) -> None:
    text = "并选举莫桑比克总统查波瓦为共同体轮值主席。"
    tokens = _tokens(text, [("并", "c"), ("选举", "v"), ("莫桑比克", "LOC"), ("总统", "n"), ("查波瓦", "ORG"),
                            ("为", "v"), ("共同体", "n"), ("轮值", "n"), ("主席", "n"), ("。", "w")])
    words = [(t.text, t.tag) for t in bare_resolver._unglue_names(text, tokens)]
    assert ("查波瓦", "PER") in words
    # a state inside the word and a title after it: 主席国马来西亚 总理
    text = "东盟轮值主席国马来西亚总理安瓦尔说。"
    tokens = _tokens(text, [("东盟", "ORG"), ("轮值", "n"), ("主席", "n"), ("国马来西亚", "ORG"), ("总理", "n"),
                            ("安瓦尔", "PER"), ("说", "v"), ("。", "w")])
    assert bare_resolver._unglue_names(text, tokens) == tokens


def test_actors_round4_name_introducer_and_nationality(bare_resolver, make_doc) -> None:
    found = _actors(bare_resolver, make_doc, "警方说，被捕男子名叫萨巴赫，是一名叙利亚籍厨师。")
    assert found.get("萨巴赫", (None,))[0] == "person"
    found = _actors(bare_resolver, make_doc, "居住在柏林的达吉斯坦籍记者伊万诺夫当天遭到袭击。")
    assert found.get("伊万诺夫", (None, None))[:2] == ("person", "RUS")


def test_actors_round4_party_named_alliance_and_quoted_state(bare_resolver, make_doc) -> None:
    found = _actors(bare_resolver, make_doc, "执政党加蓬民主联盟在议会选举中获得多数席位。")
    assert found.get("加蓬民主联盟", (None, None))[:2] == ("organization", "GAB")
    found = _actors(bare_resolver, make_doc, "“撒哈拉阿拉伯民主共和国”总统加利在开幕式上发言，摩洛哥代表提出抗议。")
    assert found.get("加利", (None, None))[:2] == ("person", "ESH")
