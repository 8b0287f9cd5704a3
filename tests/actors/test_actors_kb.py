"""The knowledge base: data files, headers, states from the packages, dated offices."""
from __future__ import annotations

from pathlib import Path

import pytest

from jishi.actors.build_states import build_rows
from jishi.actors.kb import DATA_DIR, KnowledgeBase, Office, normalize_text
from jishi.errors import KnowledgeError

TSV_FILES = ("states.tsv", "state_aliases.tsv", "igos.tsv", "orgs.tsv", "org_suffixes.tsv", "titles.tsv",
             "not_persons.tsv")


@pytest.fixture(scope="module")
def kb(small_persons: Path) -> KnowledgeBase:
    return KnowledgeBase.load(persons_path=small_persons)


@pytest.mark.parametrize("name", TSV_FILES)
def test_kb_data_files_have_headers(name: str) -> None:
    head = "\n".join(line for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[:15]
                     if line.startswith("#")).lower()
    for word in ("source", "format"):
        assert word in head, f"{name} header lacks {word}"
    assert "date" in head or "generated" in head


def test_kb_states_file_is_what_the_script_builds() -> None:
    lines = [line for line in (DATA_DIR / "states.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    assert lines == ["\t".join(row) for row in build_rows()]
    assert len(lines) >= 240


def test_kb_covers_states_igos_and_organisations(kb: KnowledgeBase) -> None:
    kinds = [e.kind for e in kb.entries.values()]
    assert kinds.count("state") >= 240
    assert sum(1 for e in kb.entries.values() if e.id.startswith("org:")) >= 250
    for alias, eid in [("乌克兰", "state:UKR"), ("北约", "igo:nato"), ("俄联邦安全局", "org:fsb"),
                       ("乌克兰国防部情报总局", "org:gur"), ("塔斯社", "org:tass"), ("胡塞武装", "org:houthis"),
                       ("央视", "org:cmg"), ("世卫组织", "igo:who"), ("巴勒斯坦", "state:PSE")]:
        assert kb.aliases[alias] == eid
    assert kb.entries["igo:nato"].country == "NATO"
    assert kb.entries["org:fsb"].sector == "SPY"
    assert kb.entries["org:hamas"].sector == "REB"
    assert kb.entries["org:white-house"].seat


@pytest.mark.parametrize("short,iso", [("美", "USA"), ("俄", "RUS"), ("乌", "UKR"), ("朝", "PRK"), ("以", "ISR")])
def test_kb_short_forms(kb: KnowledgeBase, short: str, iso: str) -> None:
    assert kb.shorts[short] == f"state:{iso}"


def test_kb_composes_state_and_generic_word(kb: KnowledgeBase) -> None:
    assert kb.compose("state:RUS", kb.suffixes["国防部"]).id == "org:RUS:mod"
    assert kb.compose("state:UKR", kb.suffixes["方"]).id == "state:UKR"
    gov = kb.compose("state:DEU", kb.suffixes["政府"])
    assert (gov.id, gov.name, gov.sector, gov.country) == ("org:DEU:gov", "德国政府", "GOV", "DEU")
    assert kb.compose("igo:nato", kb.suffixes["国防部"]) is None


@pytest.mark.parametrize("date,title,sector", [("2024-06-01", "参议员", "LEG"), ("2025-12-02", "国务卿", "GOV"),
                                               ("2025-01-20", "国务卿", None)])
def test_kb_office_by_date(kb: KnowledgeBase, date: str, title: str, sector: str | None) -> None:
    office = kb.entries["person:marco-rubio"].office_at(date)
    if sector is None:  # between two offices ([start, end) intervals): the last one before the date
        assert office.title == "参议员"
    else:
        assert (office.title, office.sector) == (title, sector)


def test_kb_office_interval_is_half_open() -> None:
    office = Office("总统", "GOV", "2021-01-20", "2025-01-20")
    assert office.active("2021-01-20") and office.active("2025-01-19") and not office.active("2025-01-20")


def test_kb_shared_name_decided_by_context(kb: KnowledgeBase) -> None:
    assert kb.choose_person("沃尔兹", date="2025-03-01", title="国家安全顾问").id == "person:mike-waltz"
    assert kb.choose_person("沃尔兹", date="2025-12-01", title="州长").id == "person:tim-walz"
    assert kb.choose_person("沃尔兹", context={"person:tim-walz"}).id == "person:tim-walz"


def test_kb_normalize_keeps_length() -> None:
    assert normalize_text("ＣＮＮ报道１９９７年") == "CNN报道1997年"


def test_kb_malformed_persons_file_raises(tmp_path: Path) -> None:
    bad = tmp_path / "persons.yaml"
    bad.write_text("- {name: 无名}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        KnowledgeBase.load(persons_path=bad)
