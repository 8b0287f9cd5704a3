"""The local pool reads its input lazily: a corpus larger than memory streams through it."""
from __future__ import annotations

import pickle
from collections.abc import Iterator

import pytest

from jishi.document import Document
from jishi.errors import InputError, StageError
from jishi.scale.local import IN_FLIGHT_PER_WORKER, run_local

ARTICLE = "新华社北京5月3日电 外交部发言人3日表示，中方愿同各方保持沟通。双方将于下周举行会谈。"


def test_scale_local_pool_streams_with_bounded_read_ahead():
    consumed = 0

    def docs() -> Iterator[Document]:
        nonlocal consumed
        for i in range(40):
            consumed += 1
            yield Document(id=f"a{i}", raw_text=ARTICLE)

    out = run_local(docs(), workers=2, stages=["clean.v1"], batch_size=1)
    first = next(out)
    # when the first result is back, at most the in-flight window (plus the batch being formed) was read
    assert first.id == "a0"
    assert consumed <= IN_FLIGHT_PER_WORKER * 2 + 1
    rest = [d.id for d in out]
    assert rest == [f"a{i}" for i in range(1, 40)]  # every document once, in input order
    assert all(d.text and d.sentences for d in [first])


def test_scale_local_pool_reports_a_worker_that_cannot_start():
    # A pool initializer that raises makes multiprocessing start a new worker, which fails the same way,
    # forever; the engine must instead stop with the worker's error.
    docs = (Document(id=f"a{i}", raw_text=ARTICLE) for i in range(3))
    with pytest.raises(StageError, match="unknown stage 'clean.v9'.*clean.v1"):
        list(run_local(docs, workers=2, stages=["clean.v9"]))


def test_errors_keep_what_they_name_when_pickled():
    err = pickle.loads(pickle.dumps(InputError("not UTF-8", path="dump/a.jsonl")))
    assert type(err) is InputError and str(err) == "dump/a.jsonl: not UTF-8 [E100]"
    assert err.context == {"path": "dump/a.jsonl"}
