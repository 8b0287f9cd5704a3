"""Killed runs: `python -m jishi ingest` killed with SIGKILL at several points, then rerun, equals a clean run.

Runs the real pipeline over the first 60 items of ../shared/data/xwlb_cctv_news (three programme
days, so dedup has candidates), read at test time into a temporary file, never copied into the repo.
60 items rather than 150 keep the whole test under ~90 s on a shared 2-core machine.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from store_records import snapshot

from jishi.store import open_db

N_ITEMS = 160  # ~80k characters: three pipeline batches (jishi.pipeline.batched), so kills land mid-extraction
BATCH = 8
pytestmark = [pytest.mark.slow, pytest.mark.shared]


@pytest.fixture(scope="module")
def subset(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = shared_dir / "data" / "xwlb_cctv_news" / "articles.jsonl"
    out = tmp_path_factory.mktemp("xwlb") / "subset.jsonl"
    with src.open(encoding="utf-8") as fh:
        lines = [line for _, line in zip(range(N_ITEMS), fh)]
    out.write_text("".join(lines), encoding="utf-8")
    return out


def _cmd(subset: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "jishi", "-v", "ingest", str(subset), "--db", str(db), "--batch-size", str(BATCH)]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONUNBUFFERED": "1"}


def _run_until(cmd: list[str], *, commits: int | None = None, delay: float = 0.0) -> int:
    """Start the CLI, SIGKILL it after `commits` stored batches (+delay s) or after `delay` s. Returns commits seen."""
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=_env())
    seen = 0
    try:
        if commits is None:
            time.sleep(delay)
        else:
            for line in proc.stderr:
                if "jishi.store.writer: stored" in line:
                    seen += 1
                    if seen >= commits:
                        break
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
        proc.stderr.close()
    return seen


CRASH_IN_TRANSACTION = textwrap.dedent("""
    import os, signal, sys
    from jishi.cli import main
    from jishi.store import writer

    real = writer._refresh_actors
    calls = {"n": 0}

    def crash(con, ids):
        calls["n"] += 1
        real(con, ids)
        if calls["n"] == int(sys.argv[1]):   # rows of this batch are written but not committed
            os.kill(os.getpid(), signal.SIGKILL)

    writer._refresh_actors = crash
    sys.exit(main(sys.argv[2:]))
""")


def test_ingest_kill_and_resume_equals_clean_run(subset: Path, tmp_path: Path):
    clean_db, killed_db = tmp_path / "clean.duckdb", tmp_path / "killed.duckdb"
    done = subprocess.run(_cmd(subset, clean_db), capture_output=True, text=True, env=_env(), timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]

    _run_until(_cmd(subset, killed_db), delay=1.0)                    # during start-up / first batch
    assert _run_until(_cmd(subset, killed_db), commits=1) == 1        # right after a commit
    assert _run_until(_cmd(subset, killed_db), commits=2, delay=0.3) == 2  # in the middle of extraction
    crash = subprocess.run([sys.executable, "-c", CRASH_IN_TRANSACTION, "2", *_cmd(subset, killed_db)[3:]],
                           capture_output=True, text=True, env=_env(), timeout=300)
    assert crash.returncode == -signal.SIGKILL                        # killed inside a write transaction
    with open_db(killed_db) as db:
        partial = db.stats()["articles"]
    rerun = subprocess.run(_cmd(subset, killed_db), capture_output=True, text=True, env=_env(), timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]

    with open_db(clean_db) as a, open_db(killed_db) as b:
        expected, got = snapshot(a.con), snapshot(b.con)
        n_articles = a.stats()["articles"]
    assert 0 < partial < n_articles
    assert n_articles >= N_ITEMS - 5  # items without a body may be reported, not stored
    for table in expected:
        assert got[table] == expected[table], f"table {table} differs after kill and resume"
    # and a third run changes nothing at all
    again = subprocess.run(_cmd(subset, killed_db), capture_output=True, text=True, env=_env(), timeout=300)
    assert again.returncode == 0 and f"{n_articles} unchanged" in again.stderr
    with open_db(killed_db) as b:
        assert snapshot(b.con) == expected
