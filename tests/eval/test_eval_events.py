"""`jishi eval events`: the figures equal those of ../shared/eval/score.py, and references find their articles."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from jishi.errors import InputError
from jishi.eval.events import extract_records, load_golds, resolve_article, run_events

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "fixtures" / "dev"
DEV_GOLDS = sorted(DEV.glob("*.gold.json"))


def _score_py(shared: Path, golds: list[Path], pred: Path) -> dict:
    proc = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", *map(str, golds),
                           "--pred", str(pred), "--json"], capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def dev_pred(tmp_path_factory) -> Path:
    """Records of the pipeline on the dev articles, as `jishi extract --format json` prints them."""
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in DEV_GOLDS]
    records = extract_records([(DEV / g["article"], g["published"]) for g in golds])
    out = tmp_path_factory.mktemp("pred") / "dev.json"
    out.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return out


def test_events_seed_equals_score_py(shared_dir: Path, tmp_path: Path) -> None:
    gold = shared_dir / "seed" / "gold.json"
    if not gold.is_file() or not (shared_dir / "eval" / "score.py").is_file():
        pytest.skip("../shared has no seed reference or score.py")
    ours = run_events([gold])  # the pipeline on the article the reference names
    assert ours["mode"] == "pipeline" and ours["inputs"][0].endswith("seed-article.txt")
    rec = extract_records([(ROOT / "examples" / "seed-article.txt", "2025-12-02")])
    pred = tmp_path / "seed.json"
    pred.write_text(json.dumps(rec[0], ensure_ascii=False), encoding="utf-8")
    theirs = _score_py(shared_dir, [gold], pred)
    assert ours["summary"] == theirs["summary"]
    assert ours["articles"] == theirs["articles"]
    assert run_events([gold], pred_path=pred)["summary"] == theirs["summary"]


def test_events_dev_set_equals_score_py(shared_dir: Path, dev_pred: Path) -> None:
    if not (shared_dir / "eval" / "score.py").is_file():
        pytest.skip("../shared has no eval/score.py")
    theirs = _score_py(shared_dir, DEV_GOLDS, dev_pred)
    ours = run_events(DEV_GOLDS, pred_path=dev_pred)
    assert ours["summary"] == theirs["summary"]
    assert ours["articles"] == theirs["articles"]
    # imperfect figures on the dev set: the equality above compares real numbers, not ones and zeros
    assert 0 < ours["summary"]["event_f1"] < 1


def test_events_pipeline_mode_equals_pred_mode(dev_pred: Path) -> None:
    gold = DEV / "tbilisi-protests.gold.json"
    piped = run_events([gold])
    assert piped["inputs"] == ["tests/fixtures/dev/tbilisi-protests.txt"]
    assert piped["summary"] == run_events([gold], pred_path=dev_pred)["summary"]
    assert piped["summary"]["articles_without_prediction"] == 0


def test_events_input_override_file_and_folder(tmp_path: Path) -> None:
    gold_path = DEV / "gaza-doha-talks.gold.json"
    gold = load_golds([gold_path])[0][0]
    renamed = tmp_path / "any-name.txt"
    shutil.copy(DEV / gold["article"], renamed)
    assert resolve_article(gold, gold_path, renamed) == renamed
    folder = tmp_path / "articles"
    folder.mkdir()
    shutil.copy(DEV / gold["article"], folder / gold["article"])
    assert resolve_article(gold, gold_path, folder) == folder / gold["article"]
    with pytest.raises(InputError, match="one file"):
        resolve_article(gold, gold_path, renamed, single=False)


def test_events_article_resolved_beside_gold_then_examples(tmp_path: Path) -> None:
    gold_path = tmp_path / "mine.gold.json"
    gold = {"article": "seed-article.txt", "published": "2025-12-02", "events": []}
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    assert resolve_article(gold, gold_path) == ROOT / "examples" / "seed-article.txt"
    beside = tmp_path / "seed-article.txt"
    beside.write_text("本报讯 某国外长昨日会见来访的邻国总理。", encoding="utf-8")
    assert resolve_article(gold, gold_path) == tmp_path / "seed-article.txt"
    with pytest.raises(InputError, match="not found"):
        resolve_article({**gold, "article": "absent.txt"}, gold_path)


def test_events_rejects_file_that_is_not_a_reference(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"id": "a", "text": "..."}', encoding="utf-8")
    with pytest.raises(InputError, match="not a reference"):
        load_golds([path])
