"""The wording the clean stage relies on, loaded from ``jishi/data/clean/layout.yaml``."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from jishi.errors import KnowledgeError

LAYOUT_PATH = Path(__file__).resolve().parents[1] / "data" / "clean" / "layout.yaml"
_KEYS = (
    "section_labels", "heading_patterns", "caption_patterns", "credit_patterns", "dateline_patterns",
    "name_chars", "surnames", "dangling_chars",
)
# Keys added later; a layout file without them gets empty lists.
_OPTIONAL_KEYS = ("staff_credit_patterns", "inline_credit_patterns", "furniture_patterns")


@dataclass(frozen=True)
class LayoutRules:
    """Compiled layout wording (see the header of layout.yaml for each field)."""

    section_labels: frozenset[str]
    heading_patterns: tuple[re.Pattern[str], ...]
    caption_patterns: tuple[re.Pattern[str], ...]
    credit_patterns: tuple[re.Pattern[str], ...]
    dateline_patterns: tuple[re.Pattern[str], ...]
    name_chars: frozenset[str]
    surnames: frozenset[str]
    dangling_chars: frozenset[str]
    staff_credit_patterns: tuple[re.Pattern[str], ...] = ()
    inline_credit_patterns: tuple[re.Pattern[str], ...] = ()
    furniture_patterns: tuple[re.Pattern[str], ...] = ()


def _compile(patterns: list[str], key: str, path: Path) -> tuple[re.Pattern[str], ...]:
    out = []
    for pattern in patterns:
        try:
            out.append(re.compile(pattern))
        except re.error as exc:
            raise KnowledgeError(f"{path}: {key}: bad regex {pattern!r}: {exc}") from exc
    return tuple(out)


def load_rules(path: str | Path = LAYOUT_PATH) -> LayoutRules:
    """Load and compile a layout file.

    Args:
        path: the YAML file (default: the packaged ``jishi/data/clean/layout.yaml``).

    Returns:
        The compiled rules.

    Raises:
        KnowledgeError: the file is missing a key or holds a bad regex.
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read layout rules {path}: {exc}") from exc
    missing = [k for k in _KEYS if not isinstance(data, dict) or k not in data]
    if missing:
        raise KnowledgeError(f"{path}: missing keys {missing}")
    return LayoutRules(
        section_labels=frozenset(str(s).strip() for s in data["section_labels"]),
        heading_patterns=_compile(data["heading_patterns"], "heading_patterns", path),
        caption_patterns=_compile(data["caption_patterns"], "caption_patterns", path),
        credit_patterns=_compile(data["credit_patterns"], "credit_patterns", path),
        dateline_patterns=_compile(data["dateline_patterns"], "dateline_patterns", path),
        name_chars=frozenset("".join(str(data["name_chars"]).split())) | {"·", "•"},
        surnames=frozenset("".join(str(data["surnames"]).split())),
        dangling_chars=frozenset("".join(str(data["dangling_chars"]).split())),
        **{key: _compile(list(data.get(key) or []), key, path) for key in _OPTIONAL_KEYS},
    )


@functools.lru_cache(maxsize=1)
def default_rules() -> LayoutRules:
    """The packaged rules, loaded once per process (a lazy cache, safe to pickle around)."""
    return load_rules()
