"""The `jishi` command line: thin wrappers that parse, call the library and print.

Each sub-package that offers commands has a ``cli`` module with ``add_commands(subparsers)``;
each command sets ``func(args) -> int``. Only this module prints or exits.
"""
from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
from collections.abc import Iterable, Iterator

from jishi.document import Document
from jishi.errors import InputError, JishiError

log = logging.getLogger("jishi")

# Modules that add sub-commands besides `extract`.
COMMAND_MODULES = ("jishi.store.cli", "jishi.api.cli", "jishi.eval.cli")


def _configure_logging(verbosity: int) -> None:
    level = logging.WARNING if verbosity == 0 else logging.INFO if verbosity == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def parse_fields(specs: Iterable[str]) -> dict[str, str]:
    """Parse ``--field text=body`` options into {our_field: their_field}."""
    out: dict[str, str] = {}
    for spec in specs:
        ours, sep, theirs = spec.partition("=")
        if not sep or not ours or not theirs:
            raise SystemExit(f"jishi: --field takes OURS=THEIRS (e.g. text=body), got {spec!r}")
        out[ours.strip()] = theirs.strip()
    return out


def read_documents(args: argparse.Namespace, errors: list[str]) -> Iterator[Document]:
    """Yield the documents named on the command line; record one-line errors for bad inputs."""
    from jishi.ingest import iter_documents

    for item in iter_documents(
        args.paths, fields=parse_fields(args.field or []), published=getattr(args, "published", None)
    ):
        if isinstance(item, InputError):
            errors.append(str(item))
            print(f"jishi: {item}", file=sys.stderr)
        else:
            yield item


def add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", help="files, folders (recursive) or - for stdin")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for inputs that carry none")
    p.add_argument("--field", action="append", metavar="OURS=THEIRS",
                   help="map a record field for JSON/CSV dumps, e.g. --field text=body")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract article records (CONTRACT.md) from articles and print them."""
    from jishi.record import to_record
    from jishi.scale.local import run_local

    errors: list[str] = []
    docs = read_documents(args, errors)
    records = [to_record(doc) for doc in run_local(docs, workers=args.workers)]
    for rec in records:
        for err in rec.get("errors", []):
            print(f"jishi: {rec['id']}: {err}", file=sys.stderr)
    if args.format == "jsonl":
        for rec in records:
            print(json.dumps(rec, ensure_ascii=False))
    elif args.format == "json":
        payload = records[0] if len(records) == 1 else records
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        from jishi.summary import render_table

        for rec in records:
            print(render_table(rec))
    if not records and errors:
        return 1
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jishi", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="count", default=0, help="-v info, -vv debug (on stderr)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("extract", help="print article records (JSON) for articles",
                       description=cmd_extract.__doc__)
    add_input_options(p)
    p.add_argument("--format", choices=("json", "jsonl", "table"), default="json")
    p.set_defaults(func=cmd_extract)
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.add_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        return int(args.func(args) or 0)
    except JishiError as exc:
        print(f"jishi: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("jishi: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
