"""The clean stage over the CCTV transcript corpus (read at test time from ../shared, never copied)."""
from __future__ import annotations

from pathlib import Path

from jishi.clean import CleanStage
from jishi.document import Document
from jishi.ingest import iter_documents


def test_clean_corpus_xwlb_invariants(shared_dir: Path) -> None:
    path = shared_dir / "data" / "xwlb_cctv_news" / "articles.jsonl"
    docs = [d for d in iter_documents([str(path)]) if isinstance(d, Document)]
    assert len(docs) > 900
    CleanStage()(docs)
    with_dateline = 0
    for doc in docs:
        assert len(doc.offsets) == len(doc.text) == len(doc.analysis_text), doc.id
        assert all(doc.raw_text[o] == c for o, c in zip(doc.offsets, doc.text) if c != "\n"), doc.id
        assert doc.sentences and all(doc.text[s.start:s.end] == s.text for s in doc.sentences), doc.id
        assert doc.published and doc.published_source == "field"  # program_date
        with_dateline += doc.meta.get("dateline_outlet") == "央视网"
    # Transcripts carry no photo captions; every item opens with the CCTV dateline.
    assert sum(len(d.captions) for d in docs) == 0
    assert with_dateline / len(docs) > 0.95
