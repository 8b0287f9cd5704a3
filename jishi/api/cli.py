"""`jishi serve`: the REST API and the web page over a jishi database (uvicorn)."""
from __future__ import annotations

import argparse
import ipaddress
import logging
import os
import socket
import sys

from jishi.api.settings import CACHE_SIZE, DEFAULT_HOST, DEFAULT_PORT, KEEP_ALIVE_S

log = logging.getLogger(__name__)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the REST API (/api/..., docs at /docs) and the web page (/) over a jishi database."""
    import uvicorn

    from jishi.api.app import create_app

    app = create_app(args.db, cache_size=args.cache_size)  # fails here, before binding, on a bad database
    problem = _cannot_bind(args.host, args.port)
    if problem:
        print(f"jishi: cannot serve on {args.host}:{args.port}: {problem}", file=sys.stderr)
        return 1
    url_host = f"[{args.host}]" if _is_ipv6(args.host) else args.host
    print(f"jishi: serving {args.db} at http://{url_host}:{args.port}/ (API docs at /docs; Ctrl-C to stop)",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning" if args.verbose == 0 else "info",
                access_log=args.verbose > 1, timeout_keep_alive=KEEP_ALIVE_S)
    return 0


def _cannot_bind(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be bound (e.g. already in use), or None when it can."""
    family = socket.AF_INET6 if _is_ipv6(host) else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            return exc.strerror or str(exc)
    return None


def _is_ipv6(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).version == 6
    except ValueError:
        return False


def _port(value: str) -> int:
    try:
        port = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a port number: {value!r}") from None
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"port must be 1-65535, got {port}")
    return port


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Add ``jishi serve`` to the CLI.

    Args:
        subparsers: the ``jishi`` sub-command parsers.
    """
    p = subparsers.add_parser("serve", help="serve the REST API and the web page", description=cmd_serve.__doc__)
    p.add_argument("--db", default=os.environ.get("JISHI_DB", "jishi.duckdb"),
                   help="database written by `jishi ingest` (default: $JISHI_DB or jishi.duckdb)")
    p.add_argument("--host", default=DEFAULT_HOST,
                   help=f"address to bind (default {DEFAULT_HOST}; use 0.0.0.0 only behind a trusted network)")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--cache-size", type=int, default=CACHE_SIZE, metavar="N",
                   help=f"answers kept in memory (default {CACHE_SIZE}; 0: no cache)")
    p.set_defaults(func=cmd_serve)
