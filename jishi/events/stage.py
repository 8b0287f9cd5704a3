"""The ``events.v1`` stage: PLOVER events (with CAMEO, Goldstein, quad class) and quotes."""
from __future__ import annotations

import logging

from jishi.document import Document
from jishi.events.actorview import ActorView
from jishi.events.cues import load_cues
from jishi.events.extract import EventExtractor
from jishi.events.lexicon import load_lexicon
from jishi.events.merge import build_events, merge_candidates
from jishi.events.ontology import load_ontology
from jishi.events.quotes import QuoteExtractor
from jishi.events.round2 import Round2Rules
from jishi.events.spans import QuoteIndex, find_quote_pairs
from jishi.pipeline import register

log = logging.getLogger(__name__)


@register("events.v1", requires=("tokens", "times", "actors"), assigns=("events", "quotes"))
class EventStage:
    """Code the events and quotes of each document.

    Args:
        keep_negated: keep negated events (``negated=True``) instead of dropping them (PLOVER drops).
    """

    def __init__(self, *, keep_negated: bool = False) -> None:
        self.keep_negated = keep_negated
        self.ontology = load_ontology()
        self.lexicon = load_lexicon()
        self.cues = load_cues()
        self.extractor = EventExtractor(self.lexicon, self.cues)
        self.round2 = Round2Rules()  # round-2 hook: passive roles, references, threats, blame (round2.py)
        self.quoter = QuoteExtractor(self.cues)

    def __call__(self, docs: list[Document]) -> list[Document]:
        """Fill ``doc.events`` and ``doc.quotes``.

        Args:
            docs: documents after the nlp, time and actor stages (geo optional).

        Returns:
            The same documents. State actors that events name but the actor stage did not list
            (俄方 read as Russia) are appended to ``doc.actors``.
        """
        for doc in docs:
            self.process(doc)
        n_events = sum(len(d.events) for d in docs)
        log.info("events.v1: %d events, %d quotes in %d documents", n_events, sum(len(d.quotes) for d in docs),
                 len(docs))
        return docs

    def process(self, doc: Document) -> Document:
        """Events and quotes of one document (see :meth:`__call__`)."""
        view = ActorView(doc, self.cues)
        qindex = QuoteIndex(find_quote_pairs(doc.text))
        quotes, frames = self.quoter.extract(doc, view, qindex)
        cands = self.extractor.extract(doc, view, frames, qindex)
        cands = self.round2.apply(doc, view, frames, cands)  # round-2 hook (jishi/events/round2.py)
        groups = merge_candidates(cands, view, keep_negated=self.keep_negated)
        events = build_events(doc, groups, view, self.ontology)
        used = {i for e in events for i in e.source + e.target} | {q.speaker for q in quotes if q.speaker}
        doc.actors.extend(a for a in view.new_actors if a.id in used)
        doc.events = events
        doc.quotes = quotes
        log.debug("%s: %d candidates, %d events, %d quotes", doc.id, len(cands), len(events), len(quotes))
        return doc
