"""jishi (纪事): Chinese news reports in, a faithful, queryable chronicle of political events out."""
from __future__ import annotations

from jishi.document import Document
from jishi.pipeline import Pipeline, register
from jishi.record import to_record

__version__ = "0.1.0"

__all__ = ["Document", "Pipeline", "register", "to_record", "open", "__version__"]


def open(path: str = "jishi.duckdb", *, read_only: bool = True):  # noqa: A001 - mirrors duckdb.connect
    """Open a jishi database for querying (see jishi.store)."""
    from jishi.store import open_db

    return open_db(path, read_only=read_only)
