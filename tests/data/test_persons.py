"""Validate jishi/data/actors/persons.yaml: schema, uniqueness, codes, dates, and known offices by date."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pycountry
import pytest
import yaml

PERSONS = Path(__file__).resolve().parents[2] / "jishi" / "data" / "actors" / "persons.yaml"
SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "MED", "BUS", "CVL", "REB", "OPP", "PTY", "IGO", "NGO", "REL",
           "EDU", "HLH"}
BODIES = {"EUR", "NATO", "UN", "IGO"}
KEYS = {"id", "name", "aliases", "shared", "name_en", "country", "offices", "note"}
OFFICE_KEYS = {"title", "sector", "start", "end", "title_variants", "country"}
# Offices that one person holds at a time in a country; two holders must never overlap.
SINGLE_HOLDER = {"总统", "总理", "首相", "国务卿", "外交部长", "国防部长", "国务院总理", "国家主席", "国防大臣",
                 "外交大臣", "联合国秘书长", "北约秘书长", "欧盟委员会主席", "欧洲理事会主席", "白宫新闻秘书",
                 "国家安全事务助理", "联邦安全会议秘书", "国家安全与国防委员会秘书", "外务大臣", "防卫大臣"}
HAN = re.compile(r"[\u4e00-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff]")


def _date(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


@pytest.fixture(scope="module")
def persons() -> list[dict[str, Any]]:
    data = yaml.safe_load(PERSONS.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    return data


def _titles_at(person: dict[str, Any], day: str) -> set[str]:
    when = dt.date.fromisoformat(day)
    return {
        o["title"]
        for o in person["offices"]
        if _date(o["start"]) <= when and (o["end"] is None or when < _date(o["end"]))
    }


def test_persons_header_names_source_and_date() -> None:
    head = PERSONS.read_text(encoding="utf-8").split("\n- id:", 1)[0]
    for word in ("source:", "date:", "format:", "licence:"):
        assert word in head


def test_persons_cover_several_hundred(persons: list[dict[str, Any]]) -> None:
    assert len(persons) >= 300


def test_persons_schema(persons: list[dict[str, Any]]) -> None:
    for p in persons:
        assert set(p) <= KEYS, p["id"]
        assert {"id", "name", "aliases", "name_en", "country", "offices"} <= set(p), p.get("id")
        assert re.fullmatch(r"person:[a-z0-9]+(-[a-z0-9]+)*", p["id"]), p["id"]
        assert isinstance(p["aliases"], list) and all(isinstance(a, str) and a for a in p["aliases"]), p["id"]
        assert p["name"] not in p["aliases"], p["id"]
        assert len(set(p["aliases"])) == len(p["aliases"]), p["id"]
        for text in [p["name"], *p["aliases"]]:
            assert HAN.search(text) and not KANA.search(text), (p["id"], text)
        assert p["offices"], p["id"]
        for office in p["offices"]:
            assert set(office) <= OFFICE_KEYS and {"title", "sector", "start", "end"} <= set(office), p["id"]


def test_persons_ids_and_names_unique(persons: list[dict[str, Any]]) -> None:
    ids = [p["id"] for p in persons]
    assert len(ids) == len(set(ids))
    names = [p["name"] for p in persons]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]


def test_persons_shared_aliases_flagged(persons: list[dict[str, Any]]) -> None:
    """A written form used by two persons must be listed in `shared` by each of them."""
    owners: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in persons:
        for text in {p["name"], *p["aliases"]}:
            owners[text].append(p)
    for text, ps in owners.items():
        if len(ps) > 1:
            for p in ps:
                assert text in p.get("shared", []), f"{text!r} used by {[q['id'] for q in ps]} but not flagged"
    for p in persons:
        for text in p.get("shared", []):
            assert len(owners[text]) > 1, f"{p['id']} flags {text!r} as shared but nobody else uses it"


def test_persons_country_codes_valid(persons: list[dict[str, Any]]) -> None:
    for p in persons:
        code = p["country"]
        assert code in BODIES or pycountry.countries.get(alpha_3=code) is not None, (p["id"], code)


def test_persons_office_sectors_and_dates(persons: list[dict[str, Any]]) -> None:
    for p in persons:
        for office in p["offices"]:
            assert office["sector"] in SECTORS, (p["id"], office)
            assert HAN.search(office["title"]), (p["id"], office)
            start, end = _date(office["start"]), _date(office["end"])
            assert start is not None and dt.date(1950, 1, 1) <= start <= dt.date(2026, 12, 31), (p["id"], office)
            assert end is None or start <= end, (p["id"], office)
            assert isinstance(office.get("title_variants", []), list)
            code = office.get("country")
            assert code is None or code in BODIES or pycountry.countries.get(alpha_3=code), (p["id"], code)


def test_persons_single_holder_offices_do_not_overlap(persons: list[dict[str, Any]]) -> None:
    spans: dict[tuple[str, str], list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for p in persons:
        for office in p["offices"]:
            if office["title"] in SINGLE_HOLDER:
                end = _date(office["end"]) or dt.date(2100, 1, 1)
                spans[(office.get("country", p["country"]), office["title"])].append((_date(office["start"]), end, p["id"]))
    for key, items in spans.items():
        items.sort()
        for (s1, e1, a), (s2, e2, b) in zip(items, items[1:]):
            assert a == b or e1 <= s2, f"{key}: {a} until {e1} overlaps {b} from {s2}"


SPOT_CHECKS = [
    ("鲁比奥", "2024-06-01", "参议员"),
    ("鲁比奥", "2025-12-02", "国务卿"),
    ("特朗普", "2019-06-01", "总统"),
    ("特朗普", "2025-12-02", "总统"),
    ("拜登", "2022-06-01", "总统"),
    ("万斯", "2024-06-01", "参议员"),
    ("万斯", "2025-06-01", "副总统"),
    ("沃尔兹", "2025-03-01", "国家安全事务助理"),
    ("赫格塞思", "2025-12-02", "国防部长"),
    ("威特科夫", "2025-12-02", "中东问题特使"),
    ("乌梅罗夫", "2024-06-01", "国防部长"),
    ("乌梅罗夫", "2025-12-02", "国家安全与国防委员会秘书"),
    ("泽连斯基", "2025-12-02", "总统"),
    ("库列巴", "2023-06-01", "外交部长"),
    ("西比加", "2025-06-01", "外交部长"),
    ("普京", "2025-12-02", "总统"),
    ("绍伊古", "2023-06-01", "国防部长"),
    ("绍伊古", "2025-06-01", "联邦安全会议秘书"),
    ("别洛乌索夫", "2025-06-01", "国防部长"),
    ("佩斯科夫", "2025-06-01", "总统新闻秘书"),
    ("马克·沃纳", "2025-12-02", "参议员"),
    ("马克龙", "2025-12-02", "总统"),
    ("苏纳克", "2023-06-01", "首相"),
    ("斯塔默", "2025-06-01", "首相"),
    ("朔尔茨", "2024-06-01", "总理"),
    ("默茨", "2025-12-02", "总理"),
    ("岸田文雄", "2023-06-01", "首相"),
    ("石破茂", "2025-01-01", "首相"),
    ("高市早苗", "2025-12-02", "首相"),
    ("尹锡悦", "2023-06-01", "总统"),
    ("李在明", "2025-12-02", "总统"),
    ("王毅", "2024-06-01", "外交部长"),
    ("秦刚", "2023-05-01", "外交部长"),
    ("董军", "2024-06-01", "国防部长"),
    ("韩正", "2024-06-01", "国家副主席"),
    ("吕特", "2025-06-01", "北约秘书长"),
    ("斯托尔滕贝格", "2023-06-01", "北约秘书长"),
    ("卡拉斯", "2025-06-01", "欧盟外交与安全政策高级代表"),
    ("科斯塔", "2025-06-01", "欧洲理事会主席"),
    ("古特雷斯", "2025-06-01", "联合国秘书长"),
    ("佩泽希齐扬", "2025-06-01", "总统"),
    ("内塔尼亚胡", "2024-06-01", "总理"),
]


@pytest.mark.parametrize(("name", "day", "title"), SPOT_CHECKS)
def test_persons_office_by_date(persons: list[dict[str, Any]], name: str, day: str, title: str) -> None:
    person = next(p for p in persons if p["name"] == name)
    assert title in _titles_at(person, day)


@pytest.mark.parametrize(
    ("name", "day", "title"),
    [("鲁比奥", "2025-12-02", "参议员"), ("拜登", "2025-12-02", "总统"), ("王毅", "2023-03-01", "外交部长"),
     ("乌梅罗夫", "2025-12-02", "国防部长"), ("斯托尔滕贝格", "2025-06-01", "北约秘书长")],
)
def test_persons_office_ended(persons: list[dict[str, Any]], name: str, day: str, title: str) -> None:
    person = next(p for p in persons if p["name"] == name)
    assert title not in _titles_at(person, day)


def test_persons_kushner_has_no_office_in_2025(persons: list[dict[str, Any]]) -> None:
    person = next(p for p in persons if p["name"] == "库什纳")
    assert _titles_at(person, "2025-12-02") == set()
    assert person["country"] == "USA"
