"""NLP stage: LAC word segmentation, POS tags and entity spans (``nlp.lac.v1``)."""
from __future__ import annotations

from jishi.nlp.lac import FastLAC, viterbi_batch
from jishi.nlp.stage import ENTITY_LABELS, LacStage

__all__ = ["ENTITY_LABELS", "FastLAC", "LacStage", "viterbi_batch"]
