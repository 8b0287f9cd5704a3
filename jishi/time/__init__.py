"""Time: the publication date and every time expression, normalised against the article's own timeline.

The ``time.v1`` stage (:class:`TimeStage`) requires sentences and assigns ``times`` and ``published``.
"""
from jishi.time.stage import TimeStage, normalize_times

__all__ = ["TimeStage", "normalize_times"]
