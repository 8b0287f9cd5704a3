"""The trigger lexicon: Chinese words and gapped patterns → PLOVER type, mode and CAMEO code.

Entries live in ``jishi/data/events/triggers.tsv``. Matching is a first-character scan of the
sentence text and an index on the first two characters (linear in the sentence length times the
few entries sharing a beginning),
leftmost-longest, with LAC token boundaries respected so that a trigger never starts or ends
inside a word (会见 in 会见室 is one LAC word and does not match).
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jishi.errors import KnowledgeError
from jishi.events.ontology import DATA_DIR, Ontology, load_ontology, read_tsv

log = logging.getLogger(__name__)

GAP = "…"
MAX_GAP = 30
SENTENCE_STOPS = frozenset("。！？!?；;")
POS_VALUES = frozenset({"v", "n", "vn"})
FLAG_VALUES = frozenset({"sym", "patient", "place", "light", "cross", "object", "future", "quoted", "reported"})
CLAUSE_STOPS = SENTENCE_STOPS | frozenset("，,：:")


@dataclass(frozen=True)
class TriggerEntry:
    """One lexicon row."""

    trigger: str
    parts: tuple[str, ...]
    type: str
    mode: str | None
    cameo: str
    pos: str
    flags: frozenset[str]
    target_iso: str | None
    conf: float

    @property
    def gapped(self) -> bool:
        return len(self.parts) > 1


@dataclass
class TriggerMatch:
    """A lexicon entry found in a text, ``[start, end)`` relative to that text."""

    entry: TriggerEntry
    start: int
    end: int
    inner: list["TriggerMatch"] = field(default_factory=list)


def _parse_entry(row: dict[str, str], ontology: Ontology, path: Path) -> TriggerEntry:
    trigger = row["trigger"].strip()
    parts = tuple(p for p in trigger.split(GAP) if p)
    if not parts:
        raise KnowledgeError(f"empty trigger in row {row}", path=str(path))
    ptype = row["type"]
    if ptype not in ontology.types:
        raise KnowledgeError(f"{trigger}: unknown PLOVER type {ptype!r}", path=str(path))
    cameo = row["cameo"]
    if cameo not in ontology.cameo:
        raise KnowledgeError(f"{trigger}: unknown CAMEO code {cameo!r}", path=str(path))
    crossed, _ = ontology.to_plover(cameo)
    if crossed != ptype:
        raise KnowledgeError(f"{trigger}: CAMEO {cameo} maps to {crossed}, not {ptype}", path=str(path))
    if row["pos"] not in POS_VALUES:
        raise KnowledgeError(f"{trigger}: pos must be one of {sorted(POS_VALUES)}", path=str(path))
    flags: set[str] = set()
    target_iso = None
    for flag in filter(None, (f.strip() for f in row["flags"].split(","))):
        if flag.startswith("target="):
            target_iso = flag.split("=", 1)[1]
        elif flag in FLAG_VALUES:
            flags.add(flag)
        else:
            raise KnowledgeError(f"{trigger}: unknown flag {flag!r}", path=str(path))
    mode = row["mode"] or None
    if mode and mode not in ontology.types[ptype].modes:
        raise KnowledgeError(f"{trigger}: mode {mode!r} is not a mode of {ptype}", path=str(path))
    return TriggerEntry(trigger, parts, ptype, mode, cameo, row["pos"], frozenset(flags), target_iso,
                        float(row["conf"]))


class TriggerLexicon:
    """Compiled trigger lexicon.

    Args:
        path: the triggers TSV.
        ontology: the ontology the entries are checked against.
    """

    def __init__(self, path: Path = DATA_DIR / "triggers.tsv", ontology: Ontology | None = None) -> None:
        ontology = ontology or load_ontology()
        self.entries: list[TriggerEntry] = []
        seen: set[str] = set()
        for row in read_tsv(path):
            entry = _parse_entry(row, ontology, path)
            if entry.trigger in seen:
                raise KnowledgeError(f"duplicate trigger {entry.trigger!r}", path=str(path))
            seen.add(entry.trigger)
            self.entries.append(entry)
        self._index: dict[str, list[TriggerEntry]] = {}
        for entry in self.entries:
            self._index.setdefault(entry.parts[0][0], []).append(entry)
        for bucket in self._index.values():
            bucket.sort(key=lambda e: (-len(e.parts[0]), -len(e.parts)))
        # the same buckets narrowed by the first two characters: the entries beginning with them,
        # then the one-character entries of the first (which come last in each bucket)
        self._by_one: dict[str, list[TriggerEntry]] = {}
        by_two: dict[str, list[TriggerEntry]] = {}
        for char, bucket in self._index.items():
            for entry in bucket:
                first = entry.parts[0]
                if len(first) >= 2:
                    by_two.setdefault(first[:2], []).append(entry)
                else:
                    self._by_one.setdefault(char, []).append(entry)
        self._by_two = {two: bucket + self._by_one.get(two[0], []) for two, bucket in by_two.items()}
        # the first characters of the entries, to find where a match may start in one C-level scan
        self._first_rx = re.compile("[" + "".join(re.escape(ch) for ch in sorted(self._index)) + "]")

    def __len__(self) -> int:
        return len(self.entries)

    def _match_at(self, text: str, i: int, bucket: list[TriggerEntry], ends: set[int] | None) -> list[TriggerMatch]:
        found: list[TriggerMatch] = []
        for entry in bucket:
            first = entry.parts[0]
            if not text.startswith(first, i):
                continue
            end = i + len(first)
            ok = ends is None or end in ends or entry.gapped
            if not ok:
                continue
            stops = SENTENCE_STOPS if "cross" in entry.flags else CLAUSE_STOPS
            for part in entry.parts[1:]:
                pos = _find_within(text, part, end, MAX_GAP, stops)
                if pos < 0:  # later parts need only end a word (弹道|导弹 is one LAC word: 弹道导弹)
                    ok = False
                    break
                end = pos + len(part)
            if ok and (ends is None or end in ends):
                found.append(TriggerMatch(entry, i, end))
        return found

    def find(self, text: str, *, starts: set[int] | None = None, ends: set[int] | None = None) -> list[TriggerMatch]:
        """Find triggers in a sentence, leftmost-longest.

        Args:
            text: the sentence.
            starts: offsets (relative to text) where words start; None skips the boundary check.
            ends: offsets where words end.

        Returns:
            Non-overlapping matches in text order; a match that covers shorter ones of the same type
            keeps them in ``inner`` (发动导弹和无人机袭击 keeps 无人机袭击 for its mode).
        """
        candidates: list[TriggerMatch] = []
        by_two, by_one = self._by_two, self._by_one
        for hit in self._first_rx.finditer(text):
            i = hit.start()
            if starts is not None and i not in starts:
                continue  # a match starts at a word start
            bucket = by_two.get(text[i:i + 2]) or by_one.get(text[i])  # the entries that may match here
            if bucket:
                candidates.extend(self._match_at(text, i, bucket, ends))
        candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
        chosen: list[TriggerMatch] = []
        for m in candidates:
            host = next((c for c in chosen if c.start <= m.start and m.end <= c.end), None)
            if host is not None:
                if host.entry.type == m.entry.type:
                    host.inner.append(m)
                continue
            if any(c.start < m.end and m.start < c.end for c in chosen):
                continue
            chosen.append(m)
        return chosen


def _find_within(text: str, part: str, start: int, gap: int, stops: frozenset[str] = SENTENCE_STOPS) -> int:
    """Index of ``part`` in ``text`` at most ``gap`` characters after ``start``, before any stop mark."""
    limit = min(len(text), start + gap + len(part))
    pos = text.find(part, start, limit)
    if pos < 0 or not stops.isdisjoint(text[start:pos + 1]):
        return -1
    return pos


@lru_cache(maxsize=2)
def load_lexicon(path: Path = DATA_DIR / "triggers.tsv") -> TriggerLexicon:
    """The trigger lexicon, compiled once per process."""
    return TriggerLexicon(path)
