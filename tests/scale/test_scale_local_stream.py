"""The local pool reads its input lazily: a corpus larger than memory streams through it."""
from __future__ import annotations

import pickle
from collections.abc import Iterator

import pytest

from jishi.document import Document
from jishi.errors import InputError, StageError
from jishi.pipeline import TAPER_PER_WORKER, batched
from jishi.scale.local import IN_FLIGHT_PER_WORKER, run_local, tapered

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
    # when the first result is back, at most the in-flight window, the batches held back to be halved at
    # the end of the input (tapered) and the batch being formed were read
    assert first.id == "a0"
    assert consumed <= (IN_FLIGHT_PER_WORKER + TAPER_PER_WORKER) * 2 + 1
    rest = [d.id for d in out]
    assert rest == [f"a{i}" for i in range(1, 40)]  # every document once, in input order
    assert all(d.text and d.sentences for d in [first])


def _doc(i: int, chars: int) -> Document:
    return Document(id=f"d{i}", raw_text=ARTICLE[:chars])


def test_tapered_halves_the_last_batches_by_text_and_keeps_order():
    sizes = [40, 40, 40, 40, 30, 30, 20, 20, 40, 5, 5, 5, 5, 33]
    docs = [_doc(i, n) for i, n in enumerate(sizes)]
    batches = list(batched(docs, max_docs=4))  # 4 + 4 + 4 + 2 documents
    out = list(tapered(iter(batches), 2))
    assert [[d.id for d in b] for b in out] == [
        ["d0", "d1", "d2", "d3"], ["d4", "d5", "d6", "d7"],
        ["d8"], ["d9", "d10", "d11"],  # 40 | 15 characters: d8 alone is past half of 55
        ["d12"], ["d13"]]
    assert [d.id for b in out for d in b] == [d.id for d in docs]


def test_tapered_passes_the_first_batches_on_before_reading_ahead():
    read = []

    def batches() -> Iterator[list[Document]]:
        for i in range(6):
            read.append(i)
            yield [_doc(2 * i, 20), _doc(2 * i + 1, 20)]

    out = tapered(batches(), 2, lead=2)
    assert [d.id for d in next(out)] == ["d0", "d1"] and read == [0]  # the workers start before any read-ahead
    assert [d.id for d in next(out)] == ["d2", "d3"] and read == [0, 1]
    assert [d.id for d in next(out)] == ["d4", "d5"] and read == [0, 1, 2, 3, 4]  # now 2 are held back
    assert [[d.id for d in b] for b in out] == [["d6", "d7"], ["d8"], ["d9"], ["d10"], ["d11"]]


def test_tapered_keeps_single_documents_and_short_inputs_whole():
    docs = [_doc(i, 20) for i in range(3)]
    assert [[d.id for d in b] for b in tapered(iter([[docs[0]], docs[1:]]), 4)] == [["d0"], ["d1"], ["d2"]]
    assert [[d.id for d in b] for b in tapered(iter([docs]), 0)] == [["d0", "d1", "d2"]]
    assert list(tapered(iter([]), 2)) == []


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
