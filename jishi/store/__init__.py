"""The store: article records in a DuckDB file, deduplicated across articles, queryable.

    import jishi
    db = jishi.open("jishi.duckdb")
    db.events(country="RUS", since="2025-11-01")        # pandas DataFrame
    db.events(type="CONSULT", arrow=True)               # pyarrow Table

Layout: ``schema.sql`` (tables), ``db`` (open, lock errors), ``writer`` (the only write path),
``dedup`` (cross-article clustering), ``query`` (the Store object), ``ingest`` (pipeline -> store),
``export`` (gdelt, plover, parquet, csv), ``render`` (terminal output) and ``cli``. See docs/STORE.md.
"""
from __future__ import annotations

from jishi.errors import StoreError
from jishi.store.ingest import IngestReport, content_hash, ingest_documents
from jishi.store.query import TABLES, Store, open_db

__all__ = ["Store", "StoreError", "open_db", "ingest_documents", "IngestReport", "content_hash", "TABLES"]
