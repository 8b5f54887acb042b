"""Evidence that exists but is not at hand, said at the evidence question ("i have
screenshots but not on this phone", "staan op mn werktelefoon"): the melder is told how to
add it once the report is in. The words are data: `evidence_later` in
dialogs/lexicon/guards.yml."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from dialogs.lexicon import guard_words
from dialogs.word_orders import sure_hit
from nlu.phrases import PhraseIndex

__all__ = ["evidence_later"]


@lru_cache(maxsize=1)
def _phrases() -> PhraseIndex:
    words: Any = guard_words()
    return PhraseIndex([("later", str(p)) for p in words["evidence_later"]])


def evidence_later(text: str) -> bool:
    """Whether the message says the evidence is elsewhere or comes later (not negated)."""
    return any(sure_hit(h) and not h.negated for h in _phrases().find(text, negated=True))
