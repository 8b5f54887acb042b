"""Still going on, or one moment: the words of repetition in a story, and whether a day
told beside them is a one-off act in the past.

Part of `nlu.when`; the patterns are in `nlu.when_words`. Repetition that only describes
who did it ("zelfde vent die al een tijdje bij de ingang rondhangt", "the guy who's been
hanging around for weeks") is background when the story tells one act on a day: the report
is about that day.
"""

from __future__ import annotations

import re

from nlu.facts_base import clause_around, quoted
from nlu.when_words import NEGATED, ONGOING, PAST, STARTED

__all__ = ["latest_of", "one_off", "ongoing_span"]

#: A post's content told in the present: "een review waarin ze mij noemt en schrijft dat".
_CONTENT = re.compile(
    r"\b(?:waarin|waarop|in which|where (?:she|he|they) (?:says|writes))\b[^.!?]*$"
)
_AGAIN = re.compile(r"\b(?:weer|alweer|opnieuw|again|nog een|another|a new|new one|nieuwe?)\b")
#: Repetition inside a clause that says who someone is: "dezelfde man die al weken ...",
#: "same guy who's been hanging around", "a man that keeps turning up".
_WHO_IT_IS = re.compile(
    r"\b(?:man|vent|kerel|gast|gozer|jongen|vrouw|meid|persoon|iemand|guy|bloke|lad|woman"
    r"|person|someone|somebody|one)\s+(?:die|dat|who|that)(?:'s|'d)?\b[^.,;!?]{0,60}$"
)


#: A negation that closes a relative clause before the verb: "iemand die ik niet ken stuurt
#: me", "a guy I don't know keeps texting me": it denies nothing of what goes on.
_WHO_NOT_KNOWN = re.compile(
    r"\b(?:die|dat|who|that|i)\s+(?:\w+\s+){0,2}?(?:niet|don'?t|do not)\s+(?:ken|kennen|know"
    r"|herken|recognise|recognize)\s+$"
)


#: The melder's own years of work before a stretch of time: "I've been visiting Mr D for two
#: years", "ik kom al jaren bij meneer", "I've known her for ages".
_OWN_HISTORY = re.compile(
    r"\b(?:i'?ve|i\s+have|i\s+had|i'd)\s+(?:been\s+)?(?:visiting|known|worked|working|caring\s+for"
    r"|nursing|looking\s+after|seeing|treating|supporting)\b[^.!?]{0,40}$"
    r"|\bik\s+(?:kom|werk|ken|verzorg|help|bezoek|begeleid)\s+(?:\w+\s+){0,3}$"
)
#: Following an account: "volgt me op Instagram en stuurde zaterdag een DM" tells a day.
_FOLLOWS_ONLINE = re.compile(
    r"(?:\S+\s+){0,3}?(?:volgt|follows)\s+(?:me|mij)\s+(?:op|on)\s+(?:instagram|insta|facebook|fb"
    r"|tiktok|x|twitter|snapchat|linkedin|youtube|socials?|social\s+media)\b"
)
#: Right after what would go on, that it stopped: "stuurt me niet meer", "belt nooit meer".
_STOPPED_AFTER = re.compile(r"\s+(?:\S+\s+){0,2}?(?:niet meer|nooit meer|not anymore|no more)\b")


def ongoing_span(folded: str, *, background: bool = True) -> tuple[int, int] | None:
    """Where the text says something still goes on; with `background` False, not where it
    only says who someone is."""
    for pattern in ONGOING:
        for match in pattern.finditer(folded):
            start = match.start()
            if NEGATED.search(folded[max(0, start - 12) : start]) and not _WHO_NOT_KNOWN.search(
                folded, max(0, start - 40), start
            ):
                continue
            if _STOPPED_AFTER.match(folded, match.end()):
                continue  # "hij stuurt me niet meer", "she doesn't text me anymore"
            if _CONTENT.search(folded, max(0, start - 40), start):
                continue  # what a post says: "een review geplaatst waarin ze schrijft dat ik"
            if not background and _WHO_IT_IS.search(folded, max(0, start - 80), start):
                continue
            if _FOLLOWS_ONLINE.match(folded, start):
                continue  # "volgt me op Instagram": a follower, not what goes on
            if _OWN_HISTORY.search(folded, max(0, start - 60), start):
                continue  # "I've been visiting Mr D for two years": the melder's own work
            if not quoted(folded, start):  # not in what someone wrote
                return match.span()
    return None


def one_off(folded: str, start: int, end: int) -> bool:
    """A day told with a one-off act in the past tense, not the start of what goes on."""
    if STARTED.search(folded[max(0, start - 30) : start]):
        return False
    left, right = clause_around(folded, start, end)
    clause = folded[left:right]
    if _AGAIN.search(clause):
        return False  # "vanochtend belde hij weer", "a new post this morning": more of it
    return bool(PAST.search(clause)) and not STARTED.search(clause + " ")


#: Right before a day, that it is the latest time of what keeps happening: "last one was
#: yesterday", "latest one yesterday 22:40", "most recently Monday evening", "laatste bericht
#: zondag", "de laatste keer was gisteren".
_LATEST_BEFORE = re.compile(
    r"\b(?:(?:the\s+)?last\s+(?:one|time|message|text|post)|(?:the\s+)?latest(?:\s+(?:one|message"
    r"|text|post))?|most\s+recently|(?:de\s+)?laatste(?:\s+(?:keer|bericht|berichtje|mail|post"
    r"|sms'?je))?)\s+(?:(?:was|came|kwam|is|one)\s+)?(?:(?:on|op)\s+)?$"
)
#: That it has not stopped, in so many words ("and she keeps going", "het gaat maar door",
#: "hasn't stopped"), or since when ("since the summer"): then it is still going on.
_STILL = re.compile(
    r"\b(?:still|nog\s+steeds|nog\s+altijd|keeps?\s+going|keeps?\s+at\s+it|gaat\s+(?:maar\s+"
    r"|gewoon\s+|nog\s+|steeds\s+)*door|(?:hasn'?t|has\s+not|hasnt)\s+stopped|won'?t\s+stop"
    r"|(?:houdt|stopt)\s+(?:er\s+)?(?:maar\s+)?(?:niet|nooit)\b|blijft\s+maar|sinds|since)\b"
)


def latest_of(folded: str, spans: list[tuple[int, int]]) -> int | None:
    """Which day (by its index among `spans`) is told as the latest time of what keeps
    happening, when the story does not say it still goes on: that day is the report's."""
    if _STILL.search(folded):
        return None
    for index, (start, _) in enumerate(spans):
        if _LATEST_BEFORE.search(folded, max(0, start - 30), start):
            return index
    return None
