"""The wording the clean stage relies on, loaded from ``jishi/data/clean/layout.yaml``."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from jishi import yamlfile
from jishi.errors import KnowledgeError

LAYOUT_PATH = Path(__file__).resolve().parents[1] / "data" / "clean" / "layout.yaml"
_KEYS = (
    "section_labels", "heading_patterns", "caption_patterns", "credit_patterns", "dateline_patterns",
    "name_chars", "surnames", "dangling_chars",
)
# Keys added later; a layout file without them gets empty lists.
_OPTIONAL_KEYS = ("staff_credit_patterns", "inline_credit_patterns", "furniture_patterns")
# Pattern lists only ever tested with match or fullmatch (not search): LayoutRules joins each into one pattern.
_JOINED = ("heading_patterns", "credit_patterns", "staff_credit_patterns", "furniture_patterns")


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
    # each pattern list joined into one pattern (see any_of), by field name; filled in __post_init__
    joined: dict[str, re.Pattern[str] | None] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for key in _JOINED:
            self.joined[key] = any_of(getattr(self, key))

    def match_any(self, key: str, text: str, *, full: bool = False) -> bool:
        """True when one of the patterns of field ``key`` matches at the start of ``text`` (all of it with
        ``full``), as ``any(p.match(text) for p in patterns)`` but with one joined pattern where possible.

        Args:
            key: one of the pattern fields tested with match or fullmatch (see ``_JOINED``).
            text: the text.
            full: require the match to cover the whole text (``fullmatch``).

        Returns:
            Whether any pattern matches.
        """
        joined = self.joined[key]
        if joined is not None:
            return (joined.fullmatch(text) if full else joined.match(text)) is not None
        patterns: tuple[re.Pattern[str], ...] = getattr(self, key)
        if full:
            return any(p.fullmatch(text) for p in patterns)
        return any(p.match(text) for p in patterns)


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
        data = yamlfile.safe_load(path.read_text(encoding="utf-8"))
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


def any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One pattern that matches (``match``/``fullmatch``) a text exactly when one of ``patterns`` does.

    A line is tested against a whole list of patterns many times over; one joined pattern runs several times
    faster.

    Args:
        patterns: compiled patterns (a tuple of a :class:`LayoutRules` field).

    Returns:
        The joined pattern, or None when the patterns cannot be joined without changing what they match
        (none given, capturing groups, differing or inline flags): then test them one by one.
    """
    if not patterns or any(p.groups for p in patterns) or len({p.flags for p in patterns}) > 1:
        return None
    try:
        return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), patterns[0].flags)
    except re.error:  # e.g. an inline global flag such as (?i) that must open the pattern
        return None


@functools.lru_cache(maxsize=1)
def default_rules() -> LayoutRules:
    """The packaged rules, loaded once per process (a lazy cache, safe to pickle around)."""
    return load_rules()
