"""Not now, said where a report waits to be sent: "ok wacht, nog niet", "send it after I've
talked to my husband", "klopt, maar stuur het maandag pas", "geef me ff een dag". The report
is kept for later; sending too early is the one mistake that cannot be undone. The words are
data: `defer` and `defer_orders` in dialogs/lexicon/guards.yml."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dialogs.lexicon import guard_words
from dialogs.word_orders import sure_hit, word_order
from nlu.phrases import PhraseIndex, tokens

__all__ = ["defers"]

#: The longest message read for it, in words.
_LONGEST = 25


@lru_cache(maxsize=1)
def _words() -> tuple[PhraseIndex, tuple[re.Pattern[str], ...]]:
    words: Any = guard_words()
    phrases = PhraseIndex([("defer", str(p)) for p in words["defer"]])
    return phrases, tuple(word_order(e) for e in words["defer_orders"])


def defers(text: str) -> bool:
    """Whether the message asks not to send the report now (not negated: "not now" in "why
    not now" is a question, read elsewhere first)."""
    words = tokens(text)
    if not words or len(words) > _LONGEST:
        return False
    phrases, orders = _words()
    if any(sure_hit(h) and not h.negated for h in phrases.find(text, negated=True)):
        return True
    joined = " ".join(words)
    return any(p.search(joined) for p in orders)
