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
        # an item holding only a scraper's trailer ("---", "(更新时间戳: …)") has no body at all
        assert doc.sentences or not doc.text.strip(), doc.id
        assert all(doc.text[s.start:s.end] == s.text for s in doc.sentences), doc.id
        assert "时间戳" not in doc.text, doc.id
        assert doc.published and doc.published_source == "field"  # program_date
        with_dateline += doc.meta.get("dateline_outlet") == "央视网"
        if doc.meta.get("dateline"):  # the dateline is a sentence of its own, never the start of a clause
            assert doc.meta["dateline"]["end"] in {s.end for s in doc.sentences}, doc.id
    # Transcripts carry no photo captions: the only debris is the scraper's update stamp.
    captions = [c for d in docs for c in d.captions]
    assert captions and all(c.startswith("(更新时间戳") for c in captions)
    assert with_dateline / len(docs) > 0.95
