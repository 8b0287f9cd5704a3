"""Opening the DuckDB file: lock errors become StoreError, the schema is created on first write."""
from __future__ import annotations

import logging
import re
from importlib import resources
from pathlib import Path

import duckdb

from jishi.errors import StoreError

log = logging.getLogger(__name__)

SCHEMA_VERSION = "1"


def schema_sql() -> str:
    """The CREATE statements of schema.sql."""
    return resources.files("jishi.store").joinpath("schema.sql").read_text(encoding="utf-8")


def connect(path: str | Path, *, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open a database file, translating DuckDB's lock and IO errors.

    Args:
        path: the .duckdb file (":memory:" for a throwaway database).
        read_only: open for queries only; the file must exist.

    Returns:
        A DuckDB connection; for writers the schema exists when this returns.

    Raises:
        StoreError: the file is missing (read-only), locked by another process, or unreadable.
    """
    name = str(path)
    if read_only and name != ":memory:" and not Path(name).exists():
        raise StoreError(f"no jishi database at {name} (create it with `jishi ingest PATH --db {name}`)")
    try:
        con = duckdb.connect(name, read_only=read_only)
    except duckdb.IOException as exc:
        text = str(exc)
        if "lock" in text.lower():
            pid = re.search(r"PID (\d+)", text)
            who = f" (pid {pid.group(1)})" if pid else ""
            raise StoreError(
                f"database {name} is in use by another jishi process{who}; wait for it to finish "
                "or use another --db"
            ) from exc
        raise StoreError(f"cannot open database {name}: {text}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"cannot open database {name}: {exc}") from exc
    if read_only:
        _check_schema(con, name)
    else:
        _create_schema(con)
    return con


def _create_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(schema_sql())
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    row = rows[0] if rows else None
    if row is None:
        con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    elif row[0] != SCHEMA_VERSION:
        raise StoreError(f"database schema version {row[0]} is not {SCHEMA_VERSION}; re-ingest into a new --db")


def _check_schema(con: duckdb.DuckDBPyConnection, name: str) -> None:
    try:
        rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
        row = rows[0] if rows else None
    except duckdb.CatalogException as exc:
        raise StoreError(f"{name} is not a jishi database (no meta table)") from exc
    if row is None or row[0] != SCHEMA_VERSION:
        raise StoreError(f"{name}: schema version {row[0] if row else None} is not {SCHEMA_VERSION}")


def snapshot(con: duckdb.DuckDBPyConnection) -> dict[str, list[tuple]]:
    """Every table's rows, sorted, without ingest timestamps: equal snapshots mean equal databases.

    Used to check that a killed and resumed run, or another engine, leaves the same database.

    Args:
        con: an open connection.

    Returns:
        {table name: sorted rows}.
    """
    out = {}
    tables = con.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
                         "ORDER BY 1").fetchall()
    for (table,) in tables:
        cols = [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table]).fetchall() if r[0] != "ingested_at"]
        # Identifiers come from the catalogue, quoted; no user data reaches this SQL.
        col_sql = ", ".join('"' + c.replace('"', '""') + '"' for c in cols)
        rows = con.execute(f'SELECT {col_sql} FROM "{table}"').fetchall()
        out[table] = sorted(rows, key=repr)
    return out
