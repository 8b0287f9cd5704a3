"""The store commands through jishi.cli.main (in-process) and the second-writer message."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import textwrap

import pytest

from jishi.cli import main
from jishi.errors import StoreError
from jishi.store import open_db


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_events_formats(db_file, capsys):
    code, out, _ = run(capsys, "events", "--db", str(db_file), "--country", "RUS", "--type", "ASSAULT",
                       "--format", "json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2 and {r["type"] for r in rows} == {"ASSAULT"}
    assert rows[0]["date"] == "2025-11-30"
    _, out, _ = run(capsys, "events", "--db", str(db_file), "--since", "2025-12-01", "--format", "csv")
    parsed = list(csv.DictReader(io.StringIO(out)))
    assert {r["source_names"] for r in parsed} == {'["普京"]', '["泽连斯基"]'}
    _, out, _ = run(capsys, "events", "--db", str(db_file), "--actor", "鲁比奥")
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["date", "id", "type"] and len(lines) == 2 and "乌梅罗夫" in lines[1]


def test_cli_show_plain_when_not_a_tty(db_file, capsys):
    with open_db(db_file) as db:
        eid = db.events(actor="鲁比奥")["id"].iloc[0]
    code, out, _ = run(capsys, "show", eid, "--db", str(db_file))
    assert code == 0 and "\033[" not in out
    assert "according to: 美国媒体" in out and "merged:" in out
    assert "(source 鲁比奥; time 30日; target 乌梅罗夫; trigger 会谈)" in out


def test_cli_show_highlights_on_a_tty():
    from jishi.store.render import ANSI, highlight

    text = "鲁比奥30日会谈"
    spans = [{"kind": "source", "start": 0, "end": 3}, {"kind": "time", "start": 3, "end": 6},
             {"kind": "trigger", "start": 6, "end": 8}]
    out = highlight(text, spans, color=True)
    assert out == (f"{ANSI['source']}鲁比奥{ANSI['reset']}{ANSI['time']}30日{ANSI['reset']}"
                   f"{ANSI['trigger']}会谈{ANSI['reset']}")
    assert highlight(text, spans, color=False) == text


def test_cli_show_unknown_event_is_an_error(db_file, capsys):
    code, _, err = run(capsys, "show", "ev-nope", "--db", str(db_file))
    assert code == 2 and "no event 'ev-nope'" in err


def test_cli_actors_timeline_stats_chronicle(db_file, capsys):
    _, out, _ = run(capsys, "actors", "--db", str(db_file), "--kind", "person", "--format", "json")
    assert {a["id"] for a in json.loads(out)} >= {"person:marco-rubio", "person:wang-yi"}
    _, out, _ = run(capsys, "timeline", "普京", "--db", str(db_file), "--format", "json")
    assert [r["role"] for r in json.loads(out)] == ["source"]
    _, out, _ = run(capsys, "stats", "--db", str(db_file), "--format", "json")
    assert json.loads(out)["events"] == 5
    _, out, _ = run(capsys, "chronicle", "--db", str(db_file))
    days = [line for line in out.splitlines() if line and not line.startswith(" ")]
    assert days == ["2025-11-30", "2025-12-01"]
    assert "CONSULT/meet       鲁比奥 → 乌梅罗夫  @佛罗里达州  (2 articles, 2 sources)" in out


def test_cli_missing_database_is_one_line(tmp_path, capsys):
    code, _, err = run(capsys, "events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and err.count("\n") == 1 and "no jishi database" in err


HOLDER = textwrap.dedent("""
    import sys, time
    from jishi.store import open_db
    db = open_db(sys.argv[1], read_only=False)
    print("ready", flush=True)
    time.sleep(30)
""")


@pytest.fixture
def held_db(tmp_path):
    path = tmp_path / "held.duckdb"
    with open_db(path, read_only=False):
        pass
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "ready"
        yield path, proc.pid
    finally:
        proc.kill()
        proc.wait()


def test_cli_second_writer_gets_a_clear_message(held_db, capsys):
    path, pid = held_db
    with pytest.raises(StoreError) as info:
        open_db(path, read_only=False)
    msg = str(info.value)
    assert f"database {path} is in use by another jishi process (pid {pid})" in msg
    assert "Traceback" not in msg and "IO Error" not in msg
    # the CLI prints it on one line and exits with 2
    seed = tmp_path_seed = path.parent / "one.txt"
    tmp_path_seed.write_text("新华社北京12月1日电 外交部发言人1日在例行记者会上回答了记者提问。\n", encoding="utf-8")
    code, _, err = run(capsys, "ingest", str(seed), "--db", str(path))
    assert code == 2 and "is in use by another jishi process" in err and "Traceback" not in err


def test_cli_ingest_is_idempotent_and_silent_without_a_tty(tmp_path, capsys):
    seed = tmp_path / "seed.txt"
    seed.write_text("新华社北京12月1日电 国务院总理李强1日在北京人民大会堂会见斯洛伐克总理菲佐。\n"
                    "双方就深化两国合作交换了意见。\n", encoding="utf-8")
    db = tmp_path / "cli.duckdb"
    code, out, err = run(capsys, "ingest", str(seed), "--db", str(db), "--published", "2025-12-01")
    assert code == 0 and out == ""
    assert "1 articles stored (1 new, 0 replaced), 0 unchanged" in err
    assert "art/s" not in err and "\r" not in err  # no progress bar when stderr is not a terminal
    with open_db(db) as store:
        before = store.stats()
    code, _, err = run(capsys, "ingest", str(seed), "--db", str(db), "--published", "2025-12-01")
    assert code == 0 and "0 articles stored (0 new, 0 replaced), 1 unchanged" in err
    with open_db(db) as store:
        assert store.stats() == before
