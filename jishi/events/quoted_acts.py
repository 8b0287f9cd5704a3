"""Speech acts told inside a direct quotation whose speaker follows it (docs/DEV_SET2.md 25).

Used by the extractor (round-2 hook) to keep threat and rejection triggers of such quotes.
"""
from __future__ import annotations

import re

# “……，”何咏前说 / “……。”她补充道: a direct quote whose speaker follows it
_TRAILING_SPEAKER_RX = re.compile(r"[^，。；“”！？\n]{1,25}?(?:说|表示|称|补充道|强调|指出|警告)[。，,：:]")
# speech acts that a direct quote tells as events of its speaker (将采取必要措施, 不会接受)
QUOTED_ACT_TYPES = frozenset({"THREATEN", "REJECT"})


def speech_act_in_direct_quote(text: str, close: int, ptype: str) -> bool:
    """Whether a trigger of type ``ptype`` inside a quotation closing at ``close`` is a speech act of the
    speaker named right after the quote (“中方坚决反对，将采取必要措施，”何咏前说).

    Args:
        text: the document text.
        close: offset of the closing quotation mark.
        ptype: the trigger's PLOVER type.

    Returns:
        True when the type is a threat or rejection and a speaker with a speech verb follows the quote.
    """
    return ptype in QUOTED_ACT_TYPES and _TRAILING_SPEAKER_RX.match(text, close + 1) is not None
