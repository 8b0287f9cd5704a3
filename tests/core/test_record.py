"""The record: `plain` gives what dataclasses.asdict gives, on a processed article and on odd values."""
from __future__ import annotations

from collections import namedtuple
from dataclasses import asdict, dataclass, field

from jishi.ingest import iter_documents
from jishi.pipeline import Pipeline
from jishi.record import plain, to_record

Span = namedtuple("Span", "start end")


@dataclass
class Inner:
    name: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Outer:
    inner: Inner
    pair: tuple[int, float]
    table: dict[str, list[Inner]]
    tags: set[str]
    flag: bool | None = None


def test_record_plain_equals_asdict_on_odd_values():
    value = Outer(Inner("普京", [Span(0, 2)]), (1, 2.5), {"a": [Inner("泽连斯基")]}, {"x"})
    out = plain(value)
    assert out == asdict(value)
    assert type(out["inner"]["spans"][0]) is Span and type(out["pair"]) is tuple
    assert out["tags"] is not value.tags  # mutable leaves are copies, as asdict makes them


def test_record_plain_equals_asdict_on_the_processed_seed(seed_text: str, tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text, encoding="utf-8")
    doc = next(Pipeline().process(iter_documents([str(path)], published="2025-12-02")))
    record = to_record(doc)
    assert len(record["events"]) >= 5 and len(record["actors"]) >= 5
    for key, items in (("actors", doc.actors), ("places", doc.places), ("times", doc.times),
                       ("events", doc.events), ("quotes", doc.quotes), ("sections", doc.sections)):
        assert record[key] == [asdict(x) for x in items], key
