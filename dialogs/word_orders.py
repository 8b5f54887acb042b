"""How the guard lexicon (dialogs/lexicon/guards.yml) is read: phrase hits that can stand
among other words, and word orders (`lead`, `gap` or `between`, `then`) as patterns."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dialogs.lexicon import guard_words
from nlu.phrases import Hit, PhraseIndex, tokens

__all__ = ["BETWEEN", "key_phrases", "says", "sure_hit", "word_order"]


def sure_hit(hit: Hit) -> bool:
    """A hit that can stand among other words: exact, or a phrase of two words or more. One
    word found by typo correction may be another word ("verstuur" is not "overstuur")."""
    return hit.exact or hit.end - hit.start >= 2


@lru_cache(maxsize=16)
def _list_index(key: str) -> PhraseIndex:
    words: Any = guard_words()
    return PhraseIndex([(key, str(p)) for p in words[key]])


def says(key: str, text: str) -> bool:
    """Whether the message holds, not negated, a sure hit of the phrase list `key` of
    guards.yml ("defer", "evidence_later")."""
    return any(sure_hit(h) and not h.negated for h in _list_index(key).find(text, negated=True))


def key_phrases(groups: Any) -> list[tuple[str, str]]:
    """(key, phrase) pairs of a mapping of keys to phrase lists."""
    return [(str(key), str(p)) for key, phrases in dict(groups).items() for p in phrases]


#: How many `between` words a word order allows (guards.yml, distress.orders).
BETWEEN = 4


def word_order(entry: Any, *, opening: bool = False) -> re.Pattern[str]:
    """A word order of guards.yml (`lead`, `between` or `gap`, `at_least`, `then`,
    `not_before`) as a pattern over the folded words joined by spaces; `opening`: only at
    the start of the message."""

    def alternatives(key: str) -> str:
        return "|".join(re.escape(" ".join(tokens(str(p)))) for p in entry.get(key, ()))

    if "between" in entry:
        least = int(entry.get("at_least", 0))
        middle = rf"(?: (?:{alternatives('between')})){{{least},{BETWEEN}}}"
    else:
        middle = rf"(?: \S+){{0,{int(entry.get('gap', 0))}}}"
    after = rf"(?! (?:{alternatives('not_before')})\b)" if "not_before" in entry else ""
    start = "^" if opening else r"\b"
    lead, then = alternatives("lead"), alternatives("then")
    return re.compile(rf"{start}(?:{lead}){middle} (?:{then})\b{after}")
