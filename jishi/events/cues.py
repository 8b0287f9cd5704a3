"""Context cues (cues.yaml) and country abbreviations (country_abbrev.tsv), loaded once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from jishi.errors import KnowledgeError
from jishi.events.ontology import DATA_DIR, read_tsv, read_yaml

STATUS_ORDER = ("denied", "hypothetical", "attempted", "planned", "ongoing", "claimed", "occurred")

_LIST_KEYS = (
    "negation", "negation_skip", "light_before", "light_after", "reference_after", "reference_before",
    "embedding_verbs", "target_markers", "partner_markers", "agent_markers", "location_markers",
    "location_after", "conjunctions", "pronouns", "speech_verbs", "speech_verbs_bare", "speech_not",
    "generic_speakers", "attribution_frames", "natural_forces", "self_sources", "attribution_trim",
    "reference_governors", "reference_heads",
)


@dataclass(frozen=True)
class Abbrev:
    """A one-character state abbreviation."""

    char: str
    iso3: str
    name: str
    strong: bool


class Cues:
    """Word lists and compiled regexes of cues.yaml, plus the country abbreviations.

    Args:
        data_dir: folder holding cues.yaml and country_abbrev.tsv.
    """

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        path = data_dir / "cues.yaml"
        raw = read_yaml(path, list_keys=_LIST_KEYS)
        self.sets: dict[str, frozenset[str]] = {k: frozenset(map(str, raw[k])) for k in _LIST_KEYS}
        status = raw.get("status") or {}
        if set(status) - set(STATUS_ORDER):
            raise KnowledgeError(f"cues.yaml: unknown status {sorted(set(status) - set(STATUS_ORDER))}", path=str(path))
        self.status_before: dict[str, str] = {}
        for name in STATUS_ORDER:
            for word in status.get(name, []):
                self.status_before.setdefault(str(word), name)
        self.status_after: dict[str, str] = {
            str(w): name for name, words in (raw.get("status_after") or {}).items() for w in words
        }
        try:
            self.not_event_after = {k: re.compile(v) for k, v in (raw.get("not_event_after") or {}).items()}
            self.not_event_before = {k: re.compile(v) for k, v in (raw.get("not_event_before") or {}).items()}
            # triggers that are events only with a cue around them (民众聚集……，要求……: a gathering is a protest
            # only when the crowd demands or protests)
            self.event_needs_before = {k: re.compile(v) for k, v in (raw.get("event_needs_before") or {}).items()}
            self.event_needs_after = {k: re.compile(v) for k, v in (raw.get("event_needs_after") or {}).items()}
            self.attribution_frames = [re.compile(p) for p in raw["attribution_frames"]]
        except re.error as exc:
            raise KnowledgeError(f"cues.yaml: bad regex: {exc}", path=str(path)) from exc
        self.actor_suffixes: dict[str, str | None] = dict(raw.get("actor_suffixes") or {})
        self.bare_actors: dict[str, tuple[str, str, str]] = {}
        for word, spec in (raw.get("bare_actors") or {}).items():
            parts = [x.strip() for x in str(spec).split(",")]
            if len(parts) != 3 or parts[2] not in ("org", "group"):
                raise KnowledgeError(f"cues.yaml: bare_actors {word}: want 'suffix, SECTOR, org|group'",
                                     path=str(path))
            self.bare_actors[str(word)] = (parts[0], parts[1], parts[2])
        self.speech_verbs_by_len = sorted(self.sets["speech_verbs"], key=len, reverse=True)
        # the longest speech_not phrase starting at each offset (a lookahead finds overlapping ones)
        not_speech = "|".join(re.escape(w) for w in sorted(self.sets["speech_not"], key=len, reverse=True) if w)
        self.speech_not_rx = re.compile(f"(?=({not_speech}))") if not_speech else None
        self.abbrevs: dict[str, Abbrev] = {
            row["abbr"]: Abbrev(row["abbr"], row["iso3"], row["name"], row["strong"] == "1")
            for row in read_tsv(data_dir / "country_abbrev.tsv")
        }
        for a in self.abbrevs.values():
            if len(a.char) != 1 or len(a.iso3) != 3:
                raise KnowledgeError(f"country_abbrev.tsv: bad row {a}", path=str(data_dir))

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.sets[key]


@lru_cache(maxsize=2)
def load_cues(data_dir: Path = DATA_DIR) -> Cues:
    """The cues, read once per process."""
    return Cues(data_dir)
