"""Events, quotes and attribution (issue 5): who did what to whom, as PLOVER with CAMEO, and who said so.

Public names:
    EventStage      the ``events.v1`` pipeline stage (registered on import)
    load_ontology   PLOVER types, CAMEO codes with Goldstein scores, CAMEO→PLOVER crosswalk
    load_lexicon    the compiled Chinese trigger lexicon
"""
from jishi.events.lexicon import TriggerLexicon, load_lexicon
from jishi.events.ontology import Ontology, load_ontology
from jishi.events.stage import EventStage

__all__ = ["EventStage", "Ontology", "TriggerLexicon", "load_lexicon", "load_ontology"]
