"""`jishi serve`: options, start-up failures, and a real server on loopback."""
from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx
import pytest

from jishi.api.settings import CACHE_SIZE, DEFAULT_HOST, DEFAULT_PORT
from jishi.cli import build_parser, main


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_api_cli_serve_defaults_to_loopback(monkeypatch):
    monkeypatch.delenv("JISHI_DB", raising=False)
    args = build_parser().parse_args(["serve"])
    assert (args.db, args.host, args.port, args.cache_size) == ("jishi.duckdb", DEFAULT_HOST, DEFAULT_PORT, CACHE_SIZE)
    assert DEFAULT_HOST == "127.0.0.1"
    args = build_parser().parse_args(["serve", "--db", "x.duckdb", "--host", "::1", "--port", "9000"])
    assert (args.db, args.host, args.port) == ("x.duckdb", "::1", 9000)


@pytest.mark.parametrize("port", ["0", "70000", "http"])
def test_api_cli_serve_rejects_bad_port(port, capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--port", port])
    assert "port" in capsys.readouterr().err


def test_api_cli_serve_reports_missing_database(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "no jishi database" in err and "jishi ingest" in err


def test_api_cli_serve_reports_busy_port(test_db, capsys):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        assert main(["serve", "--db", str(test_db), "--port", str(port)]) == 1
    assert f"cannot serve on 127.0.0.1:{port}" in capsys.readouterr().err


def test_api_cli_serve_answers_on_loopback(test_db):
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "jishi", "serve", "--db", str(test_db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(f"jishi serve did not answer: {proc.stderr.read1().decode(errors='replace')}")
                time.sleep(0.1)
        assert resp.json()["stats"]["events"] == 6
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=5)
        assert page.status_code == 200 and "纪事" in page.text
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=15)
    assert f"http://127.0.0.1:{port}/" in err.decode()
