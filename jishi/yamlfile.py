"""Reading the YAML knowledge files fast: libyaml's C parser when PyYAML has it (it usually does).

The pure-Python parser takes ~0.8 s for ``actors/persons.yaml`` alone, paid by every worker process at
start-up; the C parser builds the same objects in a fifth of that.
"""
from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """Parse YAML text like :func:`yaml.safe_load` (same safe tags, same objects), with the C parser if any.

    Args:
        text: the YAML document.

    Returns:
        The parsed object. Raises :class:`yaml.YAMLError` on bad YAML, as ``yaml.safe_load`` does.
    """
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a SafeLoader (C or Python)
