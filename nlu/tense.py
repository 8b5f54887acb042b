"""Whether a message is told wholly in the past (or as a habit): the rules' reading of tense.

The acute-danger rules decide tense where they and the classifier disagree: a message with a
past marker ("gisteren", "bedreigde", "threatened") and no verb or word that places anything
in the present ("staat", "is", "nu", "still"), or with a habitual one ("al weken", "every
shift") and no "now", is a story, not an emergency, whatever the classifier makes of its
danger words. A present auxiliary that
only forms a perfect tense ("hij heeft me geslagen", "he has hit me") does not count as
present. Reads text folded by `nlu.rule_text.normalise_for_rules`.
"""

from __future__ import annotations

import re

from nlu.acute_words import expand_macros

__all__ = ["hypothetical", "names_event", "told_in_past"]

_PAST = re.compile(
    expand_macros(r"\b(?:<PAST_TIME>|<HABIT>|<PAST_FINITE>|<PARTICIPLE>)\b|\b[a-z]{3,}ed\b")
)
_HABIT = re.compile(expand_macros(r"\b<HABIT>\b"))
_NOW = re.compile(expand_macros(r"\b(?:<NOW>|net|zojuist|just|nog steeds|still)\b"))
_PRESENT = re.compile(
    expand_macros(
        r"\b(?:<NOW>|<PRESENT>|net|zojuist|just|nog steeds|still)(?=\W|$)"
        # a passive in the present: "being attacked", "getting beaten up"
        r"|(?<!\bwas )(?<!\bwere )\b(?:being|getting)\b"
    )
)
# Auxiliaries of a perfect tense, and the participles that complete it.
_AUXILIARIES = frozenset(
    {"heb", "hebt", "heeft", "hebben", "ben", "bent", "is", "has", "have", "he's", "she's"}
)
_PARTICIPLE = re.compile(
    expand_macros(
        r"\b(?:[a-z]{2,5})?ge[a-z]{3,}(?:d|t|en)\b|\b(?:be|ver|ont|her)[a-z]{3,}[dt]\b"
        r"|\b<PARTICIPLE>\b|\b[a-z]{3,}ed\b|\b(?:been|hit|bit|got|done|gone|thrown|taken|held"
        r"|stolen|beaten|broken|seen|told|said|had|shot)\b"
    )
)
_CLAUSE_END = re.compile(r"[,.!?;:\n]|\b(?:en|maar|want|and|but|because)\b")
#: How far after an auxiliary its participle may stand (Dutch puts it at the clause's end).
_PERFECT_REACH = 60


def _perfect(text: str, auxiliary: re.Match[str]) -> bool:
    """Whether a present auxiliary only forms a perfect tense with a participle after it."""
    if auxiliary.group(0) not in _AUXILIARIES:
        return False
    end = min(len(text), auxiliary.end() + _PERFECT_REACH)
    stop = _CLAUSE_END.search(text, auxiliary.end(), end)
    return _PARTICIPLE.search(text, auxiliary.end(), stop.start() if stop else end) is not None


# "hij zei dat hij terug zou komen", "he said he'd wait": a verb after "would" is reported,
# not present.
_WOULD = re.compile(r"\b(?:zou|zouden|would|'d)\b(?:\s+[\w']+){0,3}\s*$")


def _reported(text: str, cue: re.Match[str]) -> bool:
    """Whether a present-looking verb only completes a "would" ("zou komen", "'d wait")."""
    return _WOULD.search(text, max(0, cue.start() - 30), cue.start()) is not None


def told_in_past(folded: str) -> bool:
    """True when the text has a past marker and nothing in the present, or a habitual
    marker ("al weken", "every shift") and no "now"."""
    cues = list(_PRESENT.finditer(folded))
    perfect = sum(_perfect(folded, cue) or _reported(folded, cue) for cue in cues)
    if _PAST.search(folded) is None and not perfect:
        return False
    if _HABIT.search(folded) is not None and _NOW.search(folded) is None:
        return True
    return perfect == len(cues)


# "stel iemand bedreigt me met een mes", "what should I do if he ever ...": a case imagined
# or asked about, not happening.
_HYPOTHETICAL = re.compile(
    r"^(?:stel|say|suppose|imagine)\b"
    r"|\b(?:stel dat|stel je voor|gesteld dat|wat als|mocht (?:hij|zij|ze|iemand|er)|what if"
    r"|suppose|supposing|in case|in het geval|voor het geval|hypothetisch|hypothetically)\b"
    r"|\b(?:als|wanneer|if|when) (?:\w+ ){0,3}?(?:ooit|ever)\b"
    r"|\bwat (?:moet|moeten|doe|doen|kan|kunnen) (?:ik|we|je|jij|wij) (?:\w+ ){0,3}?"
    r"(?:als|wanneer)\b"
    r"|\bwhat (?:should|do|must|can) (?:i|we|you) do (?:\w+ ){0,2}?(?:if|when)\b"
)


def hypothetical(folded: str) -> bool:
    """True when the text imagines or asks about a case and says nothing happens now."""
    return _HYPOTHETICAL.search(folded) is not None and _NOW.search(folded) is None


# Anything that makes a message more than a place or a thing: a verb (present or past), "now",
# a danger or injury word, a weapon, a cry for help, an English verb in -ing.
_EVENT = re.compile(
    expand_macros(
        r"\b(?:<PRESENT>|<NOW>|<DANGER>|<INJURY>|<WEAPON>|<PAST_FINITE>|<PARTICIPLE>"
        r"|help|hulp|hlp|112|sos|brand|fire|rook|smoke|bom|bomb|gas|[a-z]{3,}ing|[a-z]{3,}ed)\b"
        # a Dutch verb after its subject: "hij scheldt", "die man spuugt"
        r"|\b(?:hij|zij|ze|ie|iemand|er|man|vrouw|patient|client|vader|zoon)\s+[a-z]{2,}t\b"
    )
)


def names_event(folded: str) -> bool:
    """Whether the text tells of something happening, not only of a place or a thing."""
    return _EVENT.search(folded) is not None
