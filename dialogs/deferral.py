"""Not now, said where a report waits to be sent: "ok wacht, nog niet", "send it after I've
talked to my husband", "klopt, maar wacht tot ik mn teamleider heb gesproken", "geef me ff
een dag". The report is kept for later; sending too early is the one mistake that cannot be
undone. The words are data: `defer` in dialogs/lexicon/guards.yml. (A day or "later" after a
sending word, "verstuur vrijdag maar", is `later` anywhere: `later_orders` there.)"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dialogs.lexicon import guard_words
from dialogs.word_orders import sure_hit
from nlu.phrases import PhraseIndex, tokens

__all__ = ["defers"]

#: The longest message read for it, in words.
_LONGEST = 25


@lru_cache(maxsize=1)
def _phrases() -> PhraseIndex:
    words: Any = guard_words()
    return PhraseIndex([("defer", str(p)) for p in words["defer"]])


def defers(text: str) -> bool:
    """Whether the message asks not to send the report now (not negated: "not now" in "why
    not now" is a question, read elsewhere first)."""
    words = tokens(text)
    if not words or len(words) > _LONGEST:
        return False
    return any(sure_hit(h) and not h.negated for h in _phrases().find(text, negated=True))
