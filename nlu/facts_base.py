"""What every fact extractor shares: the extracted value, the text as it reads it, negation.

A fact extractor (nlu/facts.py registers them by name) takes a `Story` and returns an
`Extracted` (the value and the melder's own words it came from) or None. Extractors are
pure and fast (regular expressions over the folded text, compiled once) and conservative:
a wrong fact is worse than a missing one, because a missing one is simply asked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from nlu.entities import fold_preserving_length
from nlu.text import quoted, sentence_start

__all__ = [
    "MAX_CHARS",
    "Extracted",
    "Story",
    "clause_around",
    "first_free",
    "negated",
    "quoted",
    "sentence_start",
]

#: Stories are read up to this many characters (the story step takes at most 4,000).
MAX_CHARS = 4_000


@dataclass(frozen=True)
class Extracted:
    """A fact read from a story: its value (JSON-safe) and the words it was read from."""

    value: Any
    words: str

    def as_json(self) -> dict[str, Any]:
        """The fact as a JSON document (kept in the conversation state)."""
        return {"value": self.value, "words": self.words}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Extracted:
        """The fact from its JSON document."""
        return cls(data.get("value"), str(data.get("words") or ""))


@dataclass(frozen=True)
class Story:
    """The text an extractor reads: as written (`text`) and folded (`folded`: lowercase, no
    accents, straight apostrophes; the same length, so offsets are shared), with what the
    extractors need to resolve it."""

    text: str
    reference: datetime
    timezone: str
    teams: Mapping[str, Sequence[str]] = field(default_factory=dict)
    lang: str = "nl"
    folded: str = field(init=False)

    def __post_init__(self) -> None:
        text = unicodedata.normalize("NFC", self.text[:MAX_CHARS])
        object.__setattr__(self, "text", text)
        folded, _ = fold_preserving_length(text)
        # "kneep mw. me": the point of a title ends no sentence (same length: spans hold)
        folded = _TITLE_POINT.sub(lambda m: m.group(1) + " ", folded)
        object.__setattr__(self, "folded", folded)

    def words(self, start: int, end: int) -> str:
        """The melder's own words between two offsets, with whitespace tidied."""
        return " ".join(self.text[start:end].split()).strip(" ,;:")


# A clause ends at punctuation or at a contrasting word: "geen patiënt, maar een bezoeker".
_CLAUSE_BREAK = re.compile(r"[.;:!?\n(),\"]|\b(?:maar|but|wel|toch|instead|rather)\b")
# "nie" is how many melders type "niet" (spoken Dutch drops the t); it is no other word.
_NEGATOR = re.compile(
    r"\b(?:niet|nie|geen|nooit|not|no|never|wasn'?t|weren'?t|isn'?t|didn'?t|doesn'?t|don'?t"
    r"|in plaats van|instead of|rather than)\b"
)
_NEGATOR_AFTER = re.compile(
    r"^\s*(?:(?:me|mij|hem|haar|ons|het|heeft|hij|ze|zij|had)\s+){0,3}(?:niet|nie|nooit)\b"
)
# Right before a verb: "heeft me niet geslagen", "didn't hit", "niet echt geduwd".
_NEGATOR_VERB = re.compile(
    # (not the broken "een man ik ken niet gooit")
    r"(?<!\bken )(?<!\bkende )\b(?:niet|nie|nooit|geen|no|not|never|didn'?t|doesn'?t|don'?t"
    r"|wasn'?t)\s+(?:(?:echt|eens|zelf|wel"
    r"|really|even)\s+)?$"
)


_TITLE_POINT = re.compile(r"\b(mw|dhr|mevr|mr|mrs|ms|dr|pt|clt)\.(?=\s)")


def clause_around(folded: str, start: int, end: int) -> tuple[int, int]:
    """The clause (between punctuation or 'maar'/'but') that holds a span."""
    left = 0
    for match in _CLAUSE_BREAK.finditer(folded, 0, start):
        left = match.end()
    right_match = _CLAUSE_BREAK.search(folded, end)
    return left, right_match.start() if right_match else len(folded)


# Words that may stand between a negation and what it denies: "niet via instagram", "geen
# patiënt", "niet bij ons op de afdeling", "it wasn't a patient".
_BETWEEN = frozenset(
    (
        "een", "de", "het", "a", "an", "the", "via", "op", "on", "bij", "at", "in", "aan",
        "naar", "to", "ons", "onze", "mijn", "m'n", "my", "our", "zijn", "haar", "his", "her",
        "van", "of", "met", "with", "door", "by", "or", "nor", "noch", "happen", "happened",
    )
)  # fmt: skip
_INSTEAD = re.compile(
    r"\b(?:in plaats van|instead of|rather than)\s+(?:(?:de|het|een|the|a|an|via|op|on)\s+){0,2}$"
)
#: How many words a negation may stand before what it denies.
NEGATION_REACH = 5


def negated(folded: str, start: int, end: int, *, verb: bool = False) -> bool:
    """Whether a mention is denied: a negation before it in its clause with only small words
    between ("niet via instagram", "it wasn't a patient", "niet bij ons op de afdeling", but
    not "een man die ik niet kende en die ..."); for a verb (`verb`), a negation right
    before or after it ("heeft me niet geslagen", "hij sloeg me niet")."""
    left, right = clause_around(folded, start, end)
    if verb:
        return bool(
            _NEGATOR_VERB.search(folded[left:start]) or _NEGATOR_AFTER.match(folded[end:right])
        )
    if _INSTEAD.search(folded[left:start]):
        return True
    for token in reversed(folded[left:start].split()[-NEGATION_REACH:]):
        if _NEGATOR.fullmatch(token):
            return True
        if token not in _BETWEEN:
            return False
    return False


def first_free(found: Sequence[tuple[int, int, Any]], folded: str) -> tuple[int, int, Any] | None:
    """The first mention (start, end, value) that is not denied."""
    for start, end, value in sorted(found, key=lambda f: f[0]):
        if not negated(folded, start, end):
            return start, end, value
    return None
