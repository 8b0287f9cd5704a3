"""Places: the gazetteer (Chinese place names to coordinates) and the ``geo.v1`` stage.

Public names:
    Gazetteer        lookup(name) -> Place | None; find(text) -> [(start, end, Place)] (longest match)
    get_gazetteer    the process-wide Gazetteer (its derived index is cached by sha256 of its sources)
    GeoStage         the stage registered as ``geo.v1`` (requires sentences; assigns places)
    resolve_places   the places of one document
"""
from __future__ import annotations

from jishi.geo.gazetteer import Gazetteer, get_gazetteer
from jishi.geo.stage import GeoStage, resolve_places

__all__ = ["Gazetteer", "GeoStage", "get_gazetteer", "resolve_places"]
