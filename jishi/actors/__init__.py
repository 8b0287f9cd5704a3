"""Actors: the knowledge base of states, IGOs, organisations and persons, and the ``actors.v1`` stage.

Public names:
    ActorResolver        the stage class registered as ``actors.v1`` (requires tokens, entities;
                         assigns actors, mentions)
    KnowledgeBase        the loaded data files under jishi/data/actors
    lookup_actor         resolve a span of text ("俄新社", "一位美国官员") to an Actor, for other stages
    resolve_both_sides   the two parties 双方 stands for at a position
"""
from __future__ import annotations

from jishi.actors.kb import KnowledgeBase
from jishi.actors.lookup import lookup_actor
from jishi.actors.resolver import ActorResolver, resolve_both_sides

__all__ = ["ActorResolver", "KnowledgeBase", "lookup_actor", "resolve_both_sides"]
