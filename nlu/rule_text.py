"""How the rule-based recognisers (acute danger, distress, anonymity) read text.

`fold_for_rules` is the one fold of the rules: lowercase, no accents, straight apostrophes,
single spaces. `normalise_for_rules` also shortens stretched letters ("hellllp"), corrects
one typo in the longer key words ("gevar", "aangevalen") and puts the apostrophe back in
English contractions typed without one ("hes", "wont", "im"), and reads chat shorthand
("hlp", "hs") and dropped g's ("hittin").
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlu.text import fold

__all__ = ["MAX_CHARS", "MAX_SCAN_CHARS", "fold_for_rules", "normalise_for_rules"]

# Words that must never be "corrected" into a key word by the typo tolerance below.
REAL_WORDS: frozenset[str] = frozenset(
    {
        "aanvullen",
        "aanvulling",
        "geval",
        "politiek",
        "politici",
        "dancer",
        "ranger",
        "manger",
        "hanger",
        "banger",
        "policy",
        "polite",
        "polices",
        "attaching",
    }
)

# Key words whose one-typo variants (insert, delete, substitute, swap) are corrected.
TYPO_TOLERANT: tuple[str, ...] = (
    "gevaar",
    "levensgevaar",
    "aangevallen",
    "aanvallen",
    "achtervolgt",
    "achtervolgd",
    "bedreigt",
    "bedreigd",
    "vermoorden",
    "pistool",
    "politie",
    "noodgeval",
    "alsjeblieft",
    "danger",
    "attacking",
    "following",
    "knife",
    "weapon",
    "police",
    "emergency",
)

#: Only the first characters are inspected by the distress and anonymity rules: an answer
#: there is short.
MAX_CHARS = 2_000
#: The acute-danger rules read a message up to this length, whole: an emergency may close a
#: long story. Telegram delivers at most 4,096 characters and a Matrix event at most 64 KiB,
#: so in practice every message is read to its end.
MAX_SCAN_CHARS = 65_536

# English contractions typed without the apostrophe: "hes waiting", "wont let me leave".
# None of them is a Dutch word.
_CONTRACTIONS = re.compile(
    r"\b(?:(?:he|she|that|there|what|who)s|im|(?:they|you)re|(?:won|can|don|doesn|didn"
    r"|isn|aren|wasn|couldn|wouldn|shouldn)t|(?:i|we|they|you)ve)\b"
)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


@lru_cache(maxsize=1)
def _typo_index() -> dict[str, str]:
    """Symmetric-delete index: a word and its one-deletion variants -> the key word."""
    index: dict[str, str] = {}
    for word in TYPO_TOLERANT:
        for variant in {word, *_deletes(word)}:
            index.setdefault(variant, word)
    return index


def _correct_token(token: str) -> str:
    if len(token) < 5 or len(token) > 20 or token in REAL_WORDS:
        return token
    index = _typo_index()
    if token in TYPO_TOLERANT:
        return token
    hit = index.get(token)
    if hit is not None:
        return hit
    for variant in _deletes(token):
        hit = index.get(variant)
        if hit is not None:
            return hit
    return token


_STRETCHED = re.compile(r"([a-z])\1{2,}")  # letters only: "1112" must not become "112"
_TOKEN = re.compile(r"[a-z]{5,}")


def fold_for_rules(text: str, limit: int = MAX_CHARS) -> str:
    """The one text fold (`nlu.text.fold`) of the first `limit` characters."""
    return fold(text, limit=limit)


# Chat shorthand and dropped g's: "hlp he hs a knife", "hes hittin me".
_SHORTHAND = {
    "hlp": "help",
    "halp": "help",
    "hs": "has",
    "hve": "have",
    "plz": "please",
    "wiht": "with",
    "somone": "someone",
    "smeone": "someone",
}
_G_DROPPED = re.compile(
    r"\b(hitt|punch|kick|chok|stabb|follow|com|try|attack|threaten|gett|go|wait|hid|chas|beat"
    r"|shoot|strangl|scream|yell|bang|smash|break|burn|runn|swing|grabb|hurt|push)in'?(?=\W|$)"
)
_SHORT = re.compile(r"\b(?:hlp|halp|hs|hve|plz|wiht|somone|smeone)\b")


def _contraction(match: re.Match[str]) -> str:
    word = match.group(0)
    if word.endswith("nt"):
        return word[:-1] + "'t"  # won't, can't, don't
    for tail in ("s", "m", "re", "ve"):
        if word.endswith(tail):
            return word[: -len(tail)] + "'" + tail
    return word


def normalise_for_rules(text: str, limit: int = MAX_CHARS) -> str:
    """`fold_for_rules`, plus stretched letters shortened, typos corrected and contractions
    restored."""
    text = _STRETCHED.sub(r"\1\1", fold_for_rules(text, limit))
    text = _CONTRACTIONS.sub(_contraction, text)
    text = _SHORT.sub(lambda m: _SHORTHAND[m.group(0)], text)
    text = _G_DROPPED.sub(r"\1ing", text)
    return _TOKEN.sub(lambda m: _correct_token(m.group(0)), text)
