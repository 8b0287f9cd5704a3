"""Load benchmark of the REST API: many concurrent clients against /api/events on loopback.

``jishi serve`` runs in a child process on 127.0.0.1 (a free port); this process runs N asyncio
clients with keep-alive connections (bare HTTP/1.1 over asyncio streams), each sending GET
/api/events with random filters, pages and date windows as fast as answers come back, for a fixed
time. The server keeps an answer cache (the database is read-only while served); ``--cache-size 0``
measures without it. Every answer other than HTTP 200 with ``ok: true``, and every transport error
or timeout, counts as an error.

Database: ``--db PATH`` (e.g. the one ``jishi ingest`` wrote), or by default a synthetic chronicle
built through the store's write function from the hand-written test records of
tests/api/chronicle_records.py, repeated with ids and dates shifted (``--copies``, 5 articles and
7 events per copy) so that queries page through a few thousand events.

Bounded: at most ``--duration`` seconds of load (plus start-up), at most ``--max-requests``
requests, a 10 s timeout per request (a timeout counts as an error). Loopback only. Usage::

    .venv/bin/python bench/bench_api.py [--clients 200] [--duration 30] [--db PATH] [--copies 300]
"""
from __future__ import annotations

import argparse
import asyncio
import copy
import datetime as dt
import importlib.util
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"  # never anything but loopback
REQUEST_TIMEOUT_S = 10.0
FILTERS: tuple[dict[str, Any], ...] = (
    {},
    {"country": "RUS"},
    {"actor": "普京"},
    {"actor": "state:UKR", "type": "ASSAULT"},
    {"type": "CONSULT"},
    {"text": "会谈"},
)
PAGES = 40  # offsets 0, 50, ..., 1950: with the date windows, ~10^4 distinct queries


def _query(rng: random.Random) -> dict[str, Any]:
    """A random page of a random filter, half of them inside a random 60-day window."""
    params = dict(rng.choice(FILTERS))
    params["limit"] = rng.choice((20, 50, 100))
    params["offset"] = 50 * rng.randrange(PAGES) if rng.random() < 0.5 else 0
    if rng.random() < 0.5:
        start = dt.date(2025, 11, 1) + dt.timedelta(days=rng.randrange(900))
        params["since"], params["until"] = start.isoformat(), (start + dt.timedelta(days=60)).isoformat()
    return params


def _records_module() -> Any:
    spec = importlib.util.spec_from_file_location("chronicle_records", ROOT / "tests" / "api" / "chronicle_records.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _shift(value: Any, days: int) -> Any:
    if not isinstance(value, str) or len(value) != 10:
        return value
    return (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()


def build_db(path: Path, *, copies: int) -> dict[str, int]:
    """Write ``copies`` shifted copies of the test chronicle (3 days apart, so copies never merge).

    Args:
        path: new .duckdb file.
        copies: how many copies of the five test articles.

    Returns:
        ``{"articles": n, "events": clusters}`` as stored.
    """
    from jishi.store.db import connect
    from jishi.store.writer import record_hash, write_batch

    base = _records_module().build_records()
    con = connect(path, read_only=False)
    try:
        for start in range(0, copies, 50):
            batch = []
            for k in range(start, min(copies, start + 50)):
                for rec in base:
                    new = copy.deepcopy(rec)
                    new["id"] = f"{rec['id']}-{k:04d}"
                    new["published"] = _shift(rec["published"], 3 * k)
                    for ev in new["events"]:
                        ev["date"] = _shift(ev["date"], 3 * k)
                    for t in new["times"]:
                        t["value"] = _shift(t["value"], 3 * k)
                    batch.append((new, record_hash(new)))
            write_batch(con, batch, pipeline="bench")
        articles, events = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)").fetchone()
    finally:
        con.close()
    return {"articles": int(articles), "events": int(events)}


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _start_server(db: Path, port: int, log: Path, *, cache_size: int | None = None) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "jishi", "serve", "--db", str(db), "--host", HOST, "--port", str(port)]
    if cache_size is not None:
        cmd += ["--cache-size", str(cache_size)]
    with open(log, "wb") as err:  # a file, not a pipe: a full pipe would stall the server
        proc = subprocess.Popen(
            cmd,
            stdout=subprocess.DEVNULL, stderr=err, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"jishi serve exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"http://{HOST}:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("jishi serve did not answer within 30 s")


class _Connection:
    """One keep-alive HTTP/1.1 connection speaking just enough of the protocol for GET + JSON.

    httpx's pool costs ~17 ms of client CPU per request with 200 connections on this machine, as
    much as the server's work; a bare asyncio stream keeps the load generator out of the way.
    """

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {HOST}:{self.port}\r\nAccept: application/json\r\n\r\n"
                          .encode("ascii"))
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
        if "content-length" not in headers:
            raise ConnectionError("answer without content-length")
        body = await self.reader.readexactly(int(headers["content-length"]))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None


async def _load(port: int, *, clients: int, duration: float, max_requests: int) -> dict[str, Any]:
    latencies: list[float] = []
    errors: dict[str, int] = {}
    sent = 0
    stop_at = time.monotonic() + duration

    async def worker(k: int) -> None:
        nonlocal sent
        rng = random.Random(k)  # reproducible request mix
        conn = _Connection(port)
        try:
            while time.monotonic() < stop_at and sent < max_requests:
                sent += 1
                target = "/api/events?" + urlencode(_query(rng))
                t0 = time.perf_counter()
                try:
                    status, body = await asyncio.wait_for(conn.get(target), REQUEST_TIMEOUT_S)
                    ok = status == 200 and json.loads(body).get("ok") is True
                    key = None if ok else f"HTTP {status}"
                except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
                    key = type(exc).__name__
                    await conn.close()
                if key is None:
                    latencies.append(time.perf_counter() - t0)
                else:
                    errors[key] = errors.get(key, 0) + 1
        finally:
            await conn.close()

    t_start = time.monotonic()
    await asyncio.gather(*(worker(k) for k in range(clients)))
    elapsed = time.monotonic() - t_start
    latencies.sort()

    def pct(p: float) -> float | None:
        if not latencies:
            return None
        return round(1000 * latencies[min(len(latencies) - 1, int(p * len(latencies)))], 1)

    return {
        "requests": len(latencies) + sum(errors.values()),
        "ok": len(latencies),
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "seconds": round(elapsed, 1),
        "requests_per_s": round((len(latencies) + sum(errors.values())) / elapsed, 1) if elapsed else None,
        "p50_ms": pct(0.50),
        "p90_ms": pct(0.90),
        "p99_ms": pct(0.99),
        "max_ms": round(1000 * latencies[-1], 1) if latencies else None,
    }


def run(*, db: str | Path | None = None, clients: int = 200, duration: float = 30.0, copies: int = 300,
        max_requests: int = 500_000, cache_size: int | None = None) -> dict[str, Any]:
    """Run the load benchmark.

    Args:
        db: database to serve; None builds the synthetic chronicle in a temporary folder.
        clients: concurrent clients (connections).
        duration: seconds of load.
        copies: copies of the test chronicle in the synthetic database.
        max_requests: stop early after this many requests.
        cache_size: the server's ``--cache-size`` (None: its default; 0: no answer cache).

    Returns:
        Figures: clients, duration, database size, requests, errors, requests/s, p50/p90/p99/max in ms.
    """
    with tempfile.TemporaryDirectory(prefix="jishi-bench-api-") as tmp:
        if db is None:
            path = Path(tmp) / "bench.duckdb"
            t0 = time.perf_counter()
            size = build_db(path, copies=copies)
            size["build_s"] = round(time.perf_counter() - t0, 1)
        else:
            path = Path(db)
            size = {}
        port = _free_port()
        server = _start_server(path, port, Path(tmp) / "serve.log", cache_size=cache_size)
        try:
            stats = httpx.get(f"http://{HOST}:{port}/api/stats", timeout=5).json()["stats"]
            server_cpu0, client_cpu0 = _cpu_seconds(server.pid), _own_cpu_seconds()
            figures = asyncio.run(_load(port, clients=clients, duration=duration, max_requests=max_requests))
            figures["server_cpu_s"] = round(_cpu_seconds(server.pid) - server_cpu0, 1)
            figures["client_cpu_s"] = round(_own_cpu_seconds() - client_cpu0, 1)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
    return {"bench": "api", "endpoint": "/api/events", "clients": clients, "duration_s": duration,
            "db": str(db) if db else "synthetic", "cache_size": cache_size,
            "articles": stats["articles"], "events": stats["events"],
            **{k: v for k, v in size.items() if k == "build_s"}, **figures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database to serve (default: a synthetic chronicle)")
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--duration", type=float, default=30.0)
    parser.add_argument("--copies", type=int, default=300)
    parser.add_argument("--cache-size", type=int, help="the server's answer cache (0: off; default: its default)")
    args = parser.parse_args()
    print(json.dumps(run(db=args.db, clients=args.clients, duration=args.duration, copies=args.copies,
                         cache_size=args.cache_size), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
