"""The gazetteer: names to places with coordinates, longest match, the cached index."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from jishi.geo.gazetteer import (
    PLACES_TSV,
    PRECISIONS,
    Gazetteer,
    _hand_rows,
    get_gazetteer,
    load_index,
    source_digest,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


# The seed article's places (issue 4): id, country, precision, and a box the coordinates must fall in.
SEED_PLACES = [
    ("迈阿密", "geo:miami", "USA", "city", (25.5, 26.0, -80.5, -80.0)),
    ("佛罗里达州", "geo:florida", "USA", "region", (24.5, 31.0, -87.7, -80.0)),
    ("佛州", "geo:florida", "USA", "region", (24.5, 31.0, -87.7, -80.0)),
    ("日内瓦", "geo:geneva", "CHE", "city", (46.1, 46.3, 6.0, 6.3)),
    ("瑞士", "geo:CHE", "CHE", "country", (45.8, 47.9, 5.9, 10.5)),
    ("莫斯科", "geo:moscow", "RUS", "city", (55.5, 56.0, 37.3, 37.9)),
    ("巴黎", "geo:paris", "FRA", "city", (48.7, 49.0, 2.2, 2.5)),
    ("克里米亚", "geo:crimea", "UKR", "region", (44.3, 46.3, 32.4, 36.7)),
    ("黑海", "geo:black-sea", None, "sea", (40.9, 46.7, 27.4, 41.8)),
]


@pytest.mark.parametrize(("name", "place_id", "country", "precision", "box"), SEED_PLACES)
def test_gazetteer_seed_places_resolve_with_coordinates(gaz, name, place_id, country, precision, box):
    place = gaz.lookup(name)
    assert place is not None
    assert (place.id, place.country, place.precision) == (place_id, country, precision)
    lat_min, lat_max, lon_min, lon_max = box
    assert lat_min <= place.lat <= lat_max and lon_min <= place.lon <= lon_max
    assert place.mentions == []


@pytest.mark.parametrize(
    ("name", "place_id"),
    [
        ("美国", "geo:USA"), ("美利坚合众国", "geo:USA"), ("俄罗斯联邦", "geo:RUS"), ("朝鲜", "geo:PRK"),
        ("韩国", "geo:KOR"), ("巴勒斯坦", "geo:PSE"), ("沙特阿拉伯", "geo:SAU"), ("阿联酋", "geo:ARE"),
        ("刚果（金）", "geo:COD"), ("多米尼加", "geo:DOM"), ("台湾", "geo:TWN"), ("香港", "geo:HKG"),
        ("加州", "geo:california"), ("得州", "geo:texas"), ("华盛顿", "geo:washington-dc"),
        ("华盛顿州", "geo:washington-state"), ("加沙地带", "geo:gaza-strip"), ("加沙城", "geo:gaza-city"),
        ("拉法", "geo:rafah"), ("汗尤尼斯", "geo:khan-yunis"), ("约旦河西岸", "geo:west-bank"),
        ("戈兰高地", "geo:golan-heights"), ("顿巴斯", "geo:donbas"), ("霍尔木兹海峡", "geo:strait-of-hormuz"),
        ("曼德海峡", "geo:bab-el-mandeb"), ("台湾海峡", "geo:taiwan-strait"), ("亚速海", "geo:sea-of-azov"),
        ("别尔哥罗德", "geo:belgorod"), ("库尔斯克州", "geo:kursk-oblast"), ("哈尔科夫", "geo:kharkiv"),
        ("海参崴", "geo:vladivostok"), ("东京", "geo:tokyo"),
    ],
)
def test_gazetteer_lookup_names_as_chinese_media_write_them(gaz, name, place_id):
    place = gaz.lookup(name)
    assert place is not None and place.id == place_id
    assert place.lat is not None and place.lon is not None


def test_gazetteer_lookup_converts_traditional_characters(gaz):
    assert gaz.lookup("日內瓦").id == "geo:geneva"
    assert gaz.lookup("基輔").id == "geo:kyiv"


def test_gazetteer_lookup_unknown_name_is_none(gaz):
    assert gaz.lookup("谈判桌") is None
    assert gaz.lookup("") is None


def test_gazetteer_geonames_cities_carry_chinese_names(gaz):
    # ~12k GeoNames cities with Chinese alternate names, beyond the hand-typed places
    assert len(gaz) > 12000
    place = gaz.lookup("斯摩棱斯克")
    assert place.id.startswith("geonames:") and place.country == "RUS" and place.precision == "city"
    place = gaz.lookup("石家庄")
    assert place.country == "CHN" and 37.5 < place.lat < 38.5


def test_gazetteer_every_country_has_coordinates(gaz):
    import pycountry

    missing = [c.alpha_3 for c in pycountry.countries if gaz.place(f"geo:{c.alpha_3}") is None]
    assert len(missing) <= 2, missing  # only territories CLDR gives no Chinese name, if any
    for code in ("USA", "CHN", "UKR", "RUS", "PSE", "VAT", "SSD"):
        place = gaz.place(f"geo:{code}")
        assert place.lat is not None and place.lon is not None and place.country == code


def test_gazetteer_hand_rows_resolve_to_themselves(gaz):
    for row in _hand_rows():
        place = gaz.place(row["id"])
        assert place is not None, row["id"]
        assert place.precision in PRECISIONS
        assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180, row["id"]
        assert place.parent is None or gaz.place(place.parent) is not None, (row["id"], place.parent)
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            assert row["id"] in [c.place_id for c in gaz.candidates(name)], (row["id"], name)


def test_gazetteer_hand_place_parent_chain(gaz):
    miami = gaz.lookup("迈阿密")
    assert miami.parent == "geo:florida"
    assert gaz.place(miami.parent).parent == "geo:USA"


def test_gazetteer_find_longest_match(gaz):
    text = "23日，美乌欧代表在瑞士日内瓦举行会谈，随后乌方代表团前往第聂伯罗彼得罗夫斯克州。"
    found = [(text[s:e], p.id) for s, e, p in gaz.find(text)]
    assert found == [("瑞士", "geo:CHE"), ("日内瓦", "geo:geneva"),
                     ("第聂伯罗彼得罗夫斯克州", "geo:dnipropetrovsk-oblast")]


def test_gazetteer_find_prefers_longer_names(gaz):
    text = "以军在约旦河西岸北部城市杰宁展开行动，印度尼西亚外长表示关切。"
    found = [text[s:e] for s, e, _ in gaz.find(text)]
    assert found == ["约旦河西岸", "杰宁", "印度尼西亚"]


def test_gazetteer_find_offsets_index_the_text(gaz):
    text = "美国和乌克兰代表团在美国佛罗里达州迈阿密市附近举行会谈。"
    for start, end, place in gaz.find(text):
        assert text[start:end] in (place.name, "迈阿密市", "佛罗里达州")


def test_gazetteer_find_skips_parts_of_personal_names(gaz):
    text = "意大利前总理马里奥·德拉吉和塞尔维亚总统亚历山大·武契奇出席会议。"
    found = [text[s:e] for s, e, _ in gaz.find(text)]
    assert found == ["意大利", "塞尔维亚"]


@pytest.mark.parametrize(
    "text",
    ["中非合作论坛成果丰硕。", "人类站在新的十字路口。", "粤港澳大湾区建设加快推进。",
     "新兴市场国家代表出席会议。"],
)
def test_gazetteer_find_common_words_are_not_places(gaz, text):
    assert gaz.find(text) == []


def test_gazetteer_find_weak_names_need_a_suffix_without_tokens(gaz):
    text = "江西省新余市渝水区一小区发生火灾。"
    assert [(text[s:e], p.country) for s, e, p in gaz.find(text)] == [("江西省", "CHN"), ("新余市", "CHN")]
    # 基特韦 is known from GeoNames only (卢萨卡, a capital, is hand-typed since round 2): it needs a LOC tag
    assert gaz.find("赞比亚城市基特韦举行春节庙会。")[-1][2].id == "geo:ZMB"


def test_gazetteer_context_country_chooses_among_namesakes(gaz):
    assert gaz.lookup("伦敦").country == "GBR"
    assert gaz.lookup("伦敦", countries=["GBR", "CAN"]).country == "GBR"
    assert gaz.lookup("伦敦", countries=["CAN"]).country == "CAN"
    # a small namesake does not displace a capital: Washington, Tyne and Wear has 67 000 people
    assert gaz.lookup("华盛顿", countries=["GBR"]).id == "geo:washington-dc"


def test_gazetteer_digest_changes_with_a_source(tmp_path: Path):
    copy = tmp_path / "places.tsv"
    copy.write_text(PLACES_TSV.read_text(encoding="utf-8"), encoding="utf-8")
    before = source_digest([copy])
    assert before == source_digest([copy])  # stable across calls (sha256, never hash())
    copy.write_text(copy.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert source_digest([copy]) != before


def test_gazetteer_cache_round_trip(tmp_path: Path):
    built = load_index(cache_dir=tmp_path)
    files = list(tmp_path.glob("gazetteer-*.json"))
    assert len(files) == 1
    started = time.perf_counter()
    cached = Gazetteer(load_index(cache_dir=tmp_path))
    elapsed = time.perf_counter() - started
    assert len(cached) == len(built["places"])
    assert cached.lookup("日内瓦").id == "geo:geneva"
    assert elapsed < 3.0  # ~0.15 s measured on a busy 2-core machine; the budget is ~1 s per process


@pytest.mark.parametrize(("name", "country"), [
    ("库塔伊西", "GEO"), ("巴统", "GEO"), ("阿什凯隆", "ISR"), ("卡杜格利", "SDN"), ("尼亚拉", "SDN"),
    ("科尔多凡", "SDN"), ("戈马", "COD"), ("北基伍省", "COD"), ("巴马科", "MLI"), ("瓦加杜古", "BFA"),
    ("尼亚美", "NER"), ("塔伊兹", "YEM"), ("实皆", "MMR"), ("若开邦", "MMR"), ("克拉马托尔斯克", "UKR"),
    ("布良斯克", "RUS"), ("班加西", "LBY"), ("纳巴提耶", "LBN"),
])
def test_gazetteer_conflict_cities_have_coordinates(name, country):
    place = get_gazetteer().lookup(name)
    assert place is not None and place.country == country
    assert place.lat is not None and place.lon is not None
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180
