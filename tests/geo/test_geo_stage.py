"""The geo.v1 stage on documents built by hand (text, sentences; tokens and entities where a test needs them)."""
from __future__ import annotations

import pickle

import pytest

from jishi.document import Document, Entity, Sentence, Token
from jishi.geo import GeoStage, get_gazetteer
from jishi.pipeline import REGISTRY


def _doc(text: str, words: list[tuple[str, str]] | None = None, entities: list[tuple[str, str]] = ()) -> Document:
    """A document of one sentence; `words` are (word, tag) covering the text in order, `entities` (text, label)."""
    tokens: list[Token] = []
    if words:
        pos = 0
        for word, tag in words:
            start = text.index(word, pos)
            tokens.append(Token(word, tag, start, start + len(word)))
            pos = start + len(word)
        assert "".join(w for w, _ in words) == text
    ents = []
    for word, label in entities:
        start = text.index(word)
        ents.append(Entity(word, label, start, start + len(word)))
    return Document(id="t", raw_text=text, text=text, analysis_text=text,
                    sentences=[Sentence(0, len(text), text, tokens=tokens)], entities=ents)


@pytest.fixture(scope="module")
def stage() -> GeoStage:
    return GeoStage(gazetteer=get_gazetteer())


def _places(stage: GeoStage, doc: Document) -> dict[str, list[str]]:
    [doc] = stage([doc])
    return {p.id: [doc.text[s:e] for s, e in p.mentions] for p in doc.places}


def test_geo_stage_registered_with_its_contract():
    spec = REGISTRY["geo.v1"]
    assert spec.requires == ("sentences",) and spec.assigns == ("places",)
    assert spec.factory is GeoStage


def test_geo_stage_seed_places(stage, seed_text):
    doc = _doc(seed_text)
    [doc] = stage([doc])
    by_id = {p.id: p for p in doc.places}
    for place_id in ("geo:miami", "geo:florida", "geo:geneva", "geo:CHE", "geo:moscow", "geo:paris",
                     "geo:crimea", "geo:black-sea"):
        place = by_id[place_id]
        assert place.lat is not None and place.lon is not None
        assert place.mentions
    assert {seed_text[s:e] for s, e in by_id["geo:florida"].mentions} == {"佛罗里达州", "佛州"}
    assert {seed_text[s:e] for s, e in by_id["geo:miami"].mentions} == {"迈阿密市", "迈阿密"}
    # places come in order of first mention, each once
    firsts = [p.mentions[0][0] for p in doc.places]
    assert firsts == sorted(firsts) and len(by_id) == len(doc.places)


def test_geo_stage_mentions_are_spans_of_doc_text(stage):
    text = "以色列军队当天空袭加沙地带南部城市汗尤尼斯和拉法，黎巴嫩首都贝鲁特南郊也遭到袭击。"
    places = _places(stage, _doc(text))
    assert places == {
        "geo:ISR": ["以色列"], "geo:gaza-strip": ["加沙地带"], "geo:khan-yunis": ["汗尤尼斯"],
        "geo:rafah": ["拉法"], "geo:LBN": ["黎巴嫩"], "geo:beirut": ["贝鲁特"],
    }


def test_geo_stage_short_name_needs_token_boundaries(stage):
    text = "当地小麦加工企业陆续复工。"
    words = [("当地", "r"), ("小麦", "n"), ("加工", "vn"), ("企业", "n"), ("陆续", "d"), ("复工", "v"), ("。", "w")]
    assert _places(stage, _doc(text, words)) == {}
    text = "数万名朝觐者抵达沙特麦加。"
    words = [("数万名", "m"), ("朝觐者", "n"), ("抵达", "v"), ("沙特", "LOC"), ("麦加", "LOC"), ("。", "w")]
    assert _places(stage, _doc(text, words)) == {"geo:SAU": ["沙特"], "geo:mecca": ["麦加"]}


def test_geo_stage_weak_city_needs_loc_tag(stage):
    text = "赞比亚城市基特韦举行春节庙会。"  # 基特韦: a GeoNames-only name (卢萨卡 is hand-typed since round 2)
    assert set(_places(stage, _doc(text))) == {"geo:ZMB"}
    words = [("赞比亚", "LOC"), ("城市", "n"), ("基特韦", "LOC"), ("举行", "v"), ("春节", "TIME"),
             ("庙会", "n"), ("。", "w")]
    places = _places(stage, _doc(text, words))
    kitwe = [pid for pid in places if pid.startswith("geonames:")]
    assert len(kitwe) == 1 and places[kitwe[0]] == ["基特韦"]


def test_geo_stage_no_place_inside_a_person_name(stage):
    text = "会见时，洛桑江村表示，双方合作前景广阔。"
    words = [("会见", "v"), ("时", "n"), ("，", "w"), ("洛桑江村", "PER"), ("表示", "v"), ("，", "w"),
             ("双方", "n"), ("合作", "vn"), ("前景", "n"), ("广阔", "a"), ("。", "w")]
    assert _places(stage, _doc(text, words, [("洛桑江村", "PER")])) == {}


def test_geo_stage_known_place_survives_a_lac_per_tag(stage):
    # LAC tags 基辅 PER in the seed article; the gazetteer knows it is Kyiv.
    text = "他表示，基辅似乎已做好准备。"
    words = [("他", "r"), ("表示", "v"), ("，", "w"), ("基辅", "PER"), ("似乎", "d"), ("已", "d"),
             ("做好", "v"), ("准备", "vn"), ("。", "w")]
    assert _places(stage, _doc(text, words, [("基辅", "PER")])) == {"geo:kyiv": ["基辅"]}


def test_geo_stage_no_place_inside_an_organization(stage):
    text = "俄罗斯联邦安全局1日说，俄方在克里米亚挫败一起袭击图谋。"
    ents = [("俄罗斯联邦安全局", "ORG"), ("克里米亚", "LOC")]
    assert _places(stage, _doc(text, entities=ents)) == {"geo:crimea": ["克里米亚"]}


def test_geo_stage_demonym_is_not_a_place(stage):
    text = "他称对方准备战斗到最后一个乌克兰人。"
    words = [("他", "r"), ("称", "v"), ("对方", "r"), ("准备", "v"), ("战斗", "vn"), ("到", "v"),
             ("最后", "f"), ("一个", "m"), ("乌克兰人", "LOC"), ("。", "w")]
    assert _places(stage, _doc(text, words)) == {}


def test_geo_stage_lac_loc_span_with_suffix(stage):
    text = "会谈在迈阿密市附近举行。"
    words = [("会谈", "vn"), ("在", "p"), ("迈阿密市", "LOC"), ("附近", "f"), ("举行", "v"), ("。", "w")]
    assert _places(stage, _doc(text, words, [("迈阿密市", "LOC")])) == {"geo:miami": ["迈阿密市"]}


def test_geo_stage_merged_lac_span_is_split(stage):
    text = "会谈涉及美乌日内瓦会谈中未解决的分歧。"
    words = [("会谈", "vn"), ("涉及", "v"), ("美乌日内瓦", "LOC"), ("会谈", "vn"), ("中", "f"),
             ("未", "d"), ("解决", "v"), ("的", "u"), ("分歧", "n"), ("。", "w")]
    assert _places(stage, _doc(text, words, [("美乌日内瓦", "LOC")])) == {"geo:geneva": ["日内瓦"]}


@pytest.mark.parametrize(
    ("text", "country"),
    [("加拿大警方说，伦敦市一处民宅发生枪击。", "CAN"), ("英国首相斯塔默当天在伦敦发表讲话。", "GBR")],
)
def test_geo_stage_article_countries_choose_among_namesakes(stage, text, country):
    [doc] = stage([_doc(text)])
    london = [p for p in doc.places if doc.text[p.mentions[0][0]:p.mentions[0][1]].startswith("伦敦")]
    assert len(london) == 1 and london[0].country == country


def test_geo_stage_empty_document(stage):
    [doc] = stage([Document(id="e", raw_text="")])
    assert doc.places == []


def test_geo_stage_pickles_small(stage):
    blob = pickle.dumps(stage)
    assert len(blob) < 1000  # the gazetteer is reloaded on the other side, not shipped
    clone = pickle.loads(blob)
    assert _places(clone, _doc("代表团抵达日内瓦。")) == {"geo:geneva": ["日内瓦"]}


def test_geo_stage_two_character_place_inside_longer_loc_word(stage):
    # 哈马 (Hama) is a city, but not inside 哈马斯
    text = "哈马斯代表团抵达开罗。"
    words = [("哈马斯", "LOC"), ("代表团", "n"), ("抵达", "v"), ("开罗", "LOC"), ("。", "w")]
    places = _places(stage, _doc(text, words))
    assert "geo:hama" not in places and "geo:cairo" in places


@pytest.mark.parametrize(("text", "words", "place_id"), [
    ("北达尔富尔州首府遭炮击。", [("北达尔富尔州", "LOC"), ("首府", "n"), ("遭", "v"), ("炮击", "vn"), ("。", "w")],
     "geo:north-darfur"),
    ("叛军逼近达尔富尔地区。", [("叛军", "n"), ("逼近", "v"), ("达尔富尔地区", "LOC"), ("。", "w")], "geo:darfur"),
])
def test_geo_stage_place_with_direction_or_region_word_in_loc(stage, text, words, place_id):
    assert place_id in _places(stage, _doc(text, words))
