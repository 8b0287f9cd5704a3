"""Generate ``jishi/data/actors/states.tsv``: every ISO 3166-1 state with its Chinese name.

The facts come from two maintained packages rather than from typing: pycountry (ISO 3166-1 codes and
English names) and babel's CLDR data (``Locale('zh').territories``, the Chinese names). Short forms,
side forms, seats and other aliases are hand-written in ``state_aliases.tsv``; this file holds only
what the packages know, so it can be regenerated when they update.

Run: ``python -m jishi.actors.build_states`` (writes the file in place; prints nothing).
"""
from __future__ import annotations

import argparse
import datetime as dt
import logging
from importlib.metadata import version
from pathlib import Path

log = logging.getLogger(__name__)

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "actors" / "states.tsv"
COLUMNS = ("iso3", "iso2", "numeric", "name_zh", "name_en", "official_name_en")


def build_rows() -> list[tuple[str, ...]]:
    """Join pycountry's ISO 3166-1 list with CLDR's Chinese territory names.

    Returns:
        One tuple per state, in the order of ``COLUMNS``, sorted by ISO alpha-3 code.
    """
    import pycountry
    from babel import Locale

    zh = Locale("zh").territories
    rows = []
    for country in pycountry.countries:
        name_zh = zh.get(country.alpha_2)
        if not name_zh:
            log.warning("no CLDR Chinese name for %s", country.alpha_3)
            continue
        rows.append((
            country.alpha_3,
            country.alpha_2,
            country.numeric,
            name_zh,
            getattr(country, "common_name", None) or country.name,
            getattr(country, "official_name", "") or "",
        ))
    return sorted(rows)


def write_states(path: Path = DEFAULT_OUT) -> int:
    """Write the states table with its header.

    Args:
        path: where to write the TSV.

    Returns:
        The number of states written.
    """
    rows = build_rows()
    header = [
        "# states.tsv — ISO 3166-1 states with Chinese names (generated; do not edit by hand)",
        f"# source: pycountry {version('pycountry')} (ISO 3166-1, LGPL-2.1) and babel {version('babel')} "
        "CLDR Locale('zh').territories (Unicode licence)",
        f"# generated: {dt.date.today().isoformat()} by jishi/actors/build_states.py",
        "# format: TSV, one state a line: " + "\t".join(COLUMNS),
    ]
    lines = header + ["\t".join(row) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output TSV path")
    args = parser.parse_args(argv)
    n = write_states(args.out)
    log.info("wrote %d states to %s", n, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
