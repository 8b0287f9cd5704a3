"""The local pool reads its input lazily: a corpus larger than memory streams through it."""
from __future__ import annotations

from collections.abc import Iterator

from jishi.document import Document
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
