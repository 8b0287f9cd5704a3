"""The ontology tables: PLOVER types, CAMEO codes with Goldstein scores, the crosswalk."""
from __future__ import annotations

from pathlib import Path

import pytest

from jishi.errors import KnowledgeError
from jishi.events.ontology import DATA_DIR, PLOVER_TYPES, Ontology, load_ontology


def test_ontology_has_sixteen_plover_types_with_quads() -> None:
    onto = load_ontology()
    assert set(onto.types) == set(PLOVER_TYPES)
    assert onto.quad_class("CONSULT") == 1
    assert onto.quad_class("AID") == 2
    assert onto.quad_class("ACCUSE") == 3
    assert onto.quad_class("ASSAULT") == 4
    assert "visit" in onto.types["CONSULT"].modes


def test_ontology_cameo_list_is_complete_with_goldstein() -> None:
    onto = load_ontology()
    assert len(onto.cameo) >= 300
    assert onto.goldstein("046") == 7.0
    assert onto.goldstein("195") == -10.0
    assert onto.goldstein("0871") == 9.0
    assert onto.goldstein("999") is None


@pytest.mark.parametrize("code,ptype,mode", [
    ("042", "CONSULT", "visit"), ("0231", "REQUEST", "aid"), ("057", "AGREE", "sign"),
    ("0871", "RETREAT", "ceasefire"), ("1123", "ACCUSE", "aggression"), ("163", "SANCTION", "embargo"),
    ("173", "COERCE", "arrest"), ("1723", "COERCE", "curfew"), ("195", "ASSAULT", "aerial"),
    ("1412", "PROTEST", "demonstrate"), ("013", None, None),
])
def test_ontology_crosswalk_maps_by_longest_prefix(code: str, ptype: str | None, mode: str | None) -> None:
    assert load_ontology().to_plover(code) == (ptype, mode)


def test_ontology_rejects_a_crosswalk_to_an_unknown_type(tmp_path: Path) -> None:
    for name in ("plover.tsv", "cameo.tsv"):
        (tmp_path / name).write_text((DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "cameo_plover.tsv").write_text("# bad\ncameo\tplover\tmode\n04\tMEET\t\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="unknown type"):
        Ontology(tmp_path)
