"""PLOVER types, CAMEO codes with Goldstein scores, and the CAMEO→PLOVER crosswalk.

All three are data files under ``jishi/data/events`` (see their headers); this module only reads
them. ``Ontology.code(cameo)`` gives what an event record carries besides its type: the CAMEO
code, its Goldstein score and PLOVER's quad class.
"""
from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from jishi import yamlfile
from jishi.errors import KnowledgeError

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "events"

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True)
class PloverType:
    """One PLOVER event type."""

    name: str
    quad_class: int
    default_cameo: str
    score: float
    modes: tuple[str, ...]
    description: str


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code with its Goldstein weight."""

    code: str
    name: str
    goldstein: float
    gdelt_quad: int


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Read a TSV data file whose header lines start with ``#``.

    Args:
        path: the file.

    Returns:
        One dict per data row, keyed by the column names of the first non-comment line.
    """
    if not path.is_file():
        raise KnowledgeError(f"data file missing: {path}", path=str(path))
    with path.open(encoding="utf-8") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    if not rows:
        raise KnowledgeError(f"data file has no rows: {path}", path=str(path))
    for i, row in enumerate(rows):
        if None in row or any(v is None for v in row.values()):
            raise KnowledgeError(f"row {i + 1} has the wrong number of columns: {row}", path=str(path))
    return rows


def read_yaml(path: Path, *, list_keys: tuple[str, ...] = ()) -> dict[str, Any]:
    """Read a YAML data file (a mapping), checking that ``list_keys`` hold lists.

    Args:
        path: the file.
        list_keys: keys whose values must be lists.

    Returns:
        The mapping.

    Raises:
        KnowledgeError: the file is missing or unreadable, not a mapping, or a list key is not a list.
    """
    try:
        raw = yamlfile.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {path.name}: {exc}", path=str(path)) from exc
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{path.name}: not a mapping", path=str(path))
    for key in list_keys:
        if not isinstance(raw.get(key), list):
            raise KnowledgeError(f"{path.name}: {key} must be a list", path=str(path))
    return raw


class Ontology:
    """PLOVER types, CAMEO codes and the crosswalk, loaded once.

    Args:
        data_dir: folder holding plover.tsv, cameo.tsv and cameo_plover.tsv.
    """

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.types: dict[str, PloverType] = {}
        for row in read_tsv(data_dir / "plover.tsv"):
            name = row["type"]
            if name not in PLOVER_TYPES:
                raise KnowledgeError(f"unknown PLOVER type {name!r}", path=str(data_dir / "plover.tsv"))
            self.types[name] = PloverType(
                name=name,
                quad_class=int(row["quad_class"]),
                default_cameo=row["default_cameo"],
                score=float(row["score"]),
                modes=tuple(m for m in row["modes"].split(",") if m),
                description=row["description"],
            )
        missing = set(PLOVER_TYPES) - set(self.types)
        if missing:
            raise KnowledgeError(f"plover.tsv lacks types {sorted(missing)}", path=str(data_dir / "plover.tsv"))
        self.cameo: dict[str, CameoCode] = {
            row["code"]: CameoCode(row["code"], row["name"], float(row["goldstein"]), int(row["gdelt_quad"]))
            for row in read_tsv(data_dir / "cameo.tsv")
        }
        self.crosswalk: dict[str, tuple[str | None, str | None]] = {}
        for row in read_tsv(data_dir / "cameo_plover.tsv"):
            plover = row["plover"]
            if plover != "-" and plover not in self.types:
                raise KnowledgeError(f"crosswalk names unknown type {plover!r}", path=str(data_dir))
            if row["cameo"] not in self.cameo:
                raise KnowledgeError(f"crosswalk names unknown CAMEO code {row['cameo']!r}", path=str(data_dir))
            self.crosswalk[row["cameo"]] = (None if plover == "-" else plover, row["mode"] or None)
        for t in self.types.values():
            if t.default_cameo not in self.cameo:
                raise KnowledgeError(f"{t.name}: default CAMEO {t.default_cameo} unknown", path=str(data_dir))

    def goldstein(self, code: str) -> float | None:
        """Goldstein score of a CAMEO code (None when the code is unknown)."""
        entry = self.cameo.get(code)
        return entry.goldstein if entry else None

    def to_plover(self, code: str) -> tuple[str | None, str | None]:
        """Map a CAMEO code to (PLOVER type, mode) through the longest listed prefix.

        Args:
            code: a CAMEO code such as "0871".

        Returns:
            (type, mode); type is None for codes PLOVER does not code as events (statements).
        """
        for n in range(len(code), 1, -1):
            if code[:n] in self.crosswalk:
                return self.crosswalk[code[:n]]
        return (None, None)

    def quad_class(self, plover_type: str) -> int:
        """PLOVER quad class (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict)."""
        return self.types[plover_type].quad_class


@lru_cache(maxsize=2)
def load_ontology(data_dir: Path = DATA_DIR) -> Ontology:
    """The ontology, read once per process (a lazy cache, safe to pickle around)."""
    return Ontology(data_dir)
