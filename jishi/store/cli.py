"""Store commands of the `jishi` CLI: ingest, events, actors, timeline, show, stats, chronicle, export.

Each command wraps one library call (jishi.store) and prints its result; the database is
``--db`` (default: $JISHI_DB or jishi.duckdb).
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Any

DEFAULT_DB = "jishi.duckdb"
EVENT_TABLE_COLUMNS = ("date", "id", "type", "mode", "source_names", "target_names", "location_name",
                       "num_articles", "evidence")


def _db_default() -> str:
    return os.environ.get("JISHI_DB", DEFAULT_DB)


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=_db_default(), help="DuckDB file (default: $JISHI_DB or jishi.duckdb)")


def _add_event_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actor", help="actor id (state:RUS) or name (普京)")
    p.add_argument("--role", choices=("any", "source", "target"), default="any", help="role of --actor")
    p.add_argument("--country", help="ISO3 code(s) of a source or target actor, comma-separated")
    p.add_argument("--type", help="PLOVER type(s), comma-separated (CONSULT,AGREE)")
    p.add_argument("--mode", help="PLOVER mode(s), comma-separated")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="events ending on or after this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="events starting on or before this day")
    p.add_argument("--text", help="substring of the evidence")
    p.add_argument("--article", help="events told by this article id")
    p.add_argument("--min-articles", type=int, help="only events told by at least this many articles")


def _filters(args: argparse.Namespace) -> dict[str, Any]:
    return {"actor": args.actor, "role": args.role, "country": args.country, "type": args.type, "mode": args.mode,
            "since": args.since, "until": args.until, "text": args.text, "article": args.article,
            "min_articles": args.min_articles}


def _open(args: argparse.Namespace):
    from jishi.store import open_db

    return open_db(args.db, read_only=True)


def _print_rows(rows: list[dict[str, Any]], columns: tuple[str, ...] | list[str], fmt: str) -> None:
    from jishi.store import render

    if fmt == "json":
        print(render.to_json(rows))
    elif fmt == "csv":
        sys.stdout.write(render.to_csv(rows, list(rows[0].keys()) if rows else list(columns)))
    else:
        print(render.table(rows, columns) if rows else "(no rows)")


# --------------------------------------------------------------------------- commands

def _progress_bar(total: int | None) -> Any:
    """A tqdm bar on stderr (articles/s, ETA); only called when stderr is a terminal."""
    import shutil

    from tqdm import tqdm

    # shutil falls back to 80x24 where a terminal reports a size of 0 (tqdm would draw nothing)
    size = shutil.get_terminal_size()
    return tqdm(total=total, unit="art", desc="ingest", file=sys.stderr, ncols=min(size.columns, 120),
                nrows=size.lines)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Extract articles with the pipeline and store them in the database (idempotent by content hash)."""
    if args.engine == "ray":
        return _ingest_ray(args)
    if args.out:
        print("jishi: --out (a Parquet dataset) needs --engine ray; use `jishi export --format parquet` "
              "after a local ingest", file=sys.stderr)
        return 2
    from jishi.cli import read_documents
    from jishi.ingest import count_articles
    from jishi.store import ingest_documents, open_db

    errors: list[str] = []
    # Documents stream from the inputs through the pipeline into the store: a corpus larger than memory
    # is fine. The bar's total is a cheap estimate (line counts), or unknown for stdin and .json files.
    docs = read_documents(args, errors)
    with open_db(args.db, read_only=False) as store:  # fails fast when another process holds the file
        show_bar = sys.stderr.isatty() and not args.no_progress
        bar = _progress_bar(count_articles(args.paths)) if show_bar else None
        try:
            report = ingest_documents(store, docs, workers=args.workers, batch_size=args.batch_size,
                                      force=args.force, retry_errors=args.retry_errors,
                                      progress=bar.update if bar else None)
        finally:
            if bar is not None:
                bar.close()
    for msg in report.error_messages[:20]:
        print(f"jishi: {msg}", file=sys.stderr)
    print(f"jishi: {args.db}: {report.stored} articles stored ({report.added} new, {report.replaced} replaced), "
          f"{report.skipped} unchanged, {report.events} events, {report.errors} with errors, "
          f"{len(errors)} unreadable inputs in {report.seconds_total:.1f}s", file=sys.stderr)
    return 1 if (errors and not report.seen) else 0


def _ingest_ray(args: argparse.Namespace) -> int:
    """`jishi ingest --engine ray`: Ray Data map stage, then the global dedup/load step."""
    from jishi.cli import parse_fields
    from jishi.scale.ray_engine import run_ray

    report = run_ray(args.paths, db=args.db, out=args.out,
                     address=args.address, workers=max(args.workers, 1),
                     fields=parse_fields(args.field or []), published=args.published)
    for msg in report.errors[:20]:
        print(f"jishi: {msg}", file=sys.stderr)
    where = f"{args.db} and {args.out}" if args.out else args.db
    print(f"jishi: {where}: {report.stored} articles stored, {report.skipped} unchanged, {report.events} events, "
          f"{len(report.errors)} errors in {report.seconds_total:.1f}s on Ray ({report.workers} workers, "
          f"max worker RSS {report.worker_max_rss_mb:.0f} MB)", file=sys.stderr)
    return 1 if (report.errors and not report.documents) else 0


def cmd_events(args: argparse.Namespace) -> int:
    """List events (cross-article clusters) matching the filters, by date."""
    from jishi.store import render

    with _open(args) as store:
        df = store.events(**_filters(args), order=args.order, limit=args.limit, offset=args.offset)
    _print_rows(render.frame_rows(df), EVENT_TABLE_COLUMNS, args.format)
    return 0


def cmd_chronicle(args: argparse.Namespace) -> int:
    """Print the chronicle: events by date with actors, type, place and evidence."""
    from jishi.store import render

    with _open(args) as store:
        df = store.events(**_filters(args), order="date", limit=args.limit)
    rows = render.frame_rows(df)
    print(render.chronicle(rows, color=sys.stdout.isatty()) if rows else "(no events)")
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    """List actors with their article, mention and event counts."""
    from jishi.store import render

    with _open(args) as store:
        df = store.actors(q=args.q, kind=args.kind, country=args.country, order=args.order, limit=args.limit,
                          offset=args.offset)
    cols = ("id", "name", "name_en", "kind", "country", "sector", "title", "num_events", "num_articles",
            "num_mentions", "first_seen", "last_seen")
    _print_rows(render.frame_rows(df), cols, args.format)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    """An actor's events by date, with its role in each."""
    from jishi.store import render

    with _open(args) as store:
        df = store.timeline(args.actor, since=args.since, until=args.until, type=args.type, limit=args.limit)
    cols = ("date", "role", "type", "mode", "source_names", "target_names", "location_name", "num_articles",
            "id", "evidence")
    _print_rows(render.frame_rows(df), cols, args.format)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """Show one event: its evidence in every article, with actors, trigger and times highlighted."""
    from jishi.errors import StoreError
    from jishi.store import render

    with _open(args) as store:
        ev = store.event(args.event_id)
    if ev is None:
        raise StoreError(f"no event {args.event_id!r} in {args.db}")
    if args.format == "json":
        print(render.to_json(ev))
    else:
        print(render.show_event(ev, color=sys.stdout.isatty()))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Counts: articles, events, actors, dedup ratio, events by type and month."""
    from jishi.store import render

    with _open(args) as store:
        st = store.stats()
    if args.format == "json":
        print(render.to_json(st))
        return 0
    for key, value in st.items():
        if isinstance(value, dict):
            print(f"{key}:")
            for k, v in value.items():
                print(f"  {k:<12} {v}")
        elif isinstance(value, list) and value and isinstance(value[0], dict):
            print(f"{key}:")
            for item in value:
                print("  " + "  ".join(str(v) for v in item.values()))
        else:
            print(f"{key:<22} {render.cell(value)}")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Export the database: gdelt (TSV), plover (JSONL), parquet or csv (one file per table in a folder)."""
    from jishi.store.export import export

    with _open(args) as store:
        written = export(store, args.format, args.out)
    for path in written:
        print(path)
    return 0


# --------------------------------------------------------------------------- registration

def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add the store's sub-commands to the `jishi` parser."""
    from jishi.cli import add_input_options

    p = subparsers.add_parser("ingest", help="extract articles and store them in a database",
                              description=cmd_ingest.__doc__)
    add_input_options(p)
    _add_db(p)
    p.add_argument("--batch-size", type=int, default=256, help="articles per write transaction (default 256)")
    p.add_argument("--force", action="store_true", help="re-extract articles even when unchanged")
    p.add_argument("--retry-errors", action="store_true", help="re-extract unchanged articles that had errors")
    p.add_argument("--no-progress", action="store_true", help="no progress bar (it is off anyway when "
                   "stderr is not a terminal)")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="local: a process pool (--workers N); ray: Ray Data actor pools (pip install 'jishi[ray]')")
    p.add_argument("--address", help="Ray cluster address (auto, ray://host:10001); default: a local Ray")
    p.add_argument("--out", metavar="DIR", help="with --engine ray: also leave a Parquet dataset for a lake in DIR "
                   "(records/ shards from the map stage, tables/ after dedup)")
    p.set_defaults(func=cmd_ingest)

    p = subparsers.add_parser("events", help="list events", description=cmd_events.__doc__)
    _add_db(p)
    _add_event_filters(p)
    p.add_argument("--order", choices=("date", "-date", "articles", "mentions", "confidence"), default="date")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_events)

    p = subparsers.add_parser("chronicle", help="print events by date with evidence",
                              description=cmd_chronicle.__doc__)
    _add_db(p)
    _add_event_filters(p)
    p.add_argument("--limit", type=int, default=1000)
    p.set_defaults(func=cmd_chronicle)

    p = subparsers.add_parser("actors", help="list actors", description=cmd_actors.__doc__)
    _add_db(p)
    p.add_argument("--q", help="substring of id or name")
    p.add_argument("--kind", help="person, organization, state, group, location")
    p.add_argument("--country", help="ISO3 code(s)")
    p.add_argument("--order", choices=("events", "articles", "mentions", "name", "id"), default="events")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_actors)

    p = subparsers.add_parser("timeline", help="an actor's events by date", description=cmd_timeline.__doc__)
    _add_db(p)
    p.add_argument("actor", help="actor id or name")
    p.add_argument("--since", metavar="YYYY-MM-DD")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.add_argument("--type", help="PLOVER type(s)")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(func=cmd_timeline)

    p = subparsers.add_parser("show", help="one event with its highlighted evidence", description=cmd_show.__doc__)
    _add_db(p)
    p.add_argument("event_id", help="event id (ev-…) or article event uid (ARTICLE#EVENT)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_show)

    p = subparsers.add_parser("stats", help="database statistics", description=cmd_stats.__doc__)
    _add_db(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_stats)

    p = subparsers.add_parser("export", help="export to gdelt, plover, parquet or csv", description=cmd_export.__doc__)
    _add_db(p)
    p.add_argument("--format", choices=("gdelt", "plover", "parquet", "csv"), required=True)
    p.add_argument("out", help="output file (gdelt, plover) or folder (parquet, csv)")
    p.set_defaults(func=cmd_export)

