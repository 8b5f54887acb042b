"""Scores on a number scale read from words: "3/5", "not quite a 5 yet", "een 1, ik kom
mn bed niet uit", "three-ish"; never a count ("4 days ago") or the scale itself."""

from __future__ import annotations

import re
from collections.abc import Sequence

from dialogs.flow import Option

__all__ = ["NUMBER_WORDS", "scale_number", "score_in"]

#: Numbers in words, and the words around them ("nummer 3", "de tweede").
NUMBER_WORDS: dict[str, int] = {
    **dict.fromkeys(("een", "eén", "één", "eerste", "one", "first", "1e", "1ste"), 1),
    **dict.fromkeys(("twee", "tweede", "two", "second", "2e", "2de"), 2),
    **dict.fromkeys(("drie", "derde", "three", "third", "3e", "3de"), 3),
    **dict.fromkeys(("vier", "vierde", "four", "fourth", "4e", "4de"), 4),
    **dict.fromkeys(("vijf", "vijfde", "five", "fifth", "5e", "5de"), 5),
    **dict.fromkeys(("zes", "zesde", "six", "sixth", "6e", "6de"), 6),
}


def scale_number(text: str, folded: str, options: Sequence[Option]) -> Option | None:
    """The score typed words give on a scale whose options are numbers (`folded`: the
    text as `matching.fold` gives it), or None."""
    return (
        _out_of(text, options)
        or _short_of(folded, options)
        or _scale_number(_one_accented(text, folded), options)
    )


def score_in(text: str, options: Sequence[Option]) -> Option | None:
    """On a scale whose options are numbers, the score a message plainly gives by number
    ("3/5", "een 1, ik kom mn bed niet uit", not a number inside it); None elsewhere."""
    if not options or not all(o.id.isdigit() for o in options):
        return None
    first = _SCORE_FIRST.match(text)
    if first is None:
        return _out_of(text, options)  # "2 men at the door", "room 3" give no score
    return next((o for o in options if o.id == first.group(1)), None)


#: A score that is the message, or opens it as an answer of its own: "een 1, ik kom mn bed
#: niet uit", "2 - slecht geslapen".
_SCORE_FIRST = re.compile(r"(?i)^\W*(?:(?:een|a|an)\s+)?(\d)\s*(?:[,.;:!)\u2013-]|$)")


_EEN = re.compile(r"\been\b")


def _one_accented(text: str, folded: str) -> str:
    """ "één" is one, never the article the fold makes of it."""
    return _EEN.sub("1", folded, count=1) if "één" in text.lower() else folded


#: Words before a number that opens a longer answer: "een 1, ik kom mn bed niet uit".
_BEFORE_NUMBER = frozenset({"een", "a", "an", "n", "zo", "so", "echt", "really"})
#: Words that make a number a count of something, not a score: "3 dagen geleden".
_UNITS = frozenset(
    {"dag", "dagen", "week", "weken", "maand", "maanden", "jaar", "uur", "keer", "nacht"}
    | {"nachten", "minuten", "min", "night", "nights", "minutes", "day", "days", "weeks"}
    | {"month", "months", "year", "years", "hour", "hours", "times", "x"}
)
#: The longest answer a number that opens it still answers.
_OPENING_NUMBER_WORDS = 20


def _scale_number(folded: str, options: Sequence[Option], *, lone: bool = True) -> Option | None:
    """On a scale whose options are numbers, the one number in a short answer: "2 i
    think", "a 1 honestly", "three-ish", or the number that opens a longer one ("een 1, ik
    kom mn bed niet uit"); not on other questions: "4 days ago" is no 4. Without `lone`, not
    the one number inside a longer answer ("... with two other clients")."""
    words = folded.replace("-", " ").split()
    if len(words) > 5:
        opening = _opening_number(words, options)
        return opening if opening or not lone else _lone_number(folded, options)
    # "een" is also "a" ("een beetje slecht"): only a number when it stands alone.
    found = {int(w) if w.isdigit() else NUMBER_WORDS.get(w) for w in words if w != "een"}
    found.discard(None)
    if len(found) != 1:
        return None
    number = str(found.pop())
    return next((o for o in options if o.id == number), None)


#: A score out of the scale's top: "3/5", "1 van de 5", "4 out of 5", "een 2 op 5".
_OUT_OF = re.compile(
    r"(?i)(?<![\d/])(\d)\s*(?:/|van de|van|out of|outta|uit|op|of)\s*(\d)(?![\d/])"
)


#: A score just below a number: "not quite a 5 yet", "nog geen 4", "net geen 3".
_SHORT_OF = re.compile(
    r"^(?:\w+\s+){0,3}?(?:not quite|not yet|net geen|nog geen|nog niet)"
    r"\s+(?:(?:een|a|an|at|at a|op|op een)\s+)?([2-9])\b(?!\s*(?:/|van|out|uur|hours|days|dagen))"
)


def _short_of(folded: str, options: Sequence[Option]) -> Option | None:
    """On a number scale, the score one below the number a message says it is not quite
    at ("not quite a 5 yet but close" is a 4)."""
    found = _SHORT_OF.search(folded)
    if found is None:
        return None
    below = str(int(found.group(1)) - 1)
    return next((o for o in options if o.id == below), None)


def _out_of(text: str, options: Sequence[Option]) -> Option | None:
    """The score of "3/5" on a scale whose options are its numbers, the top being the
    highest option (a date such as "3/11" is no score)."""
    found = _OUT_OF.search(text)
    ids = [o.id for o in options if o.id.isdigit()]
    if found is None or not ids or found.group(2) != max(ids, key=int):
        return None
    return next((o for o in options if o.id == found.group(1)), None)


def _opening_number(words: list[str], options: Sequence[Option]) -> Option | None:
    if len(words) > _OPENING_NUMBER_WORDS:
        return None
    lead = 1 if words[0] in _BEFORE_NUMBER and len(words) > 1 else 0
    first = words[lead]
    value = int(first) if first.isdigit() else NUMBER_WORDS.get(first)
    if value is None or (first == "een" and lead == 0):
        return None
    after = words[lead + 1] if len(words) > lead + 1 else ""
    others = [w for w in words[lead + 1 :] if w.isdigit()]
    if others or after in _UNITS:
        return None  # "1 of 2", "3 dagen geleden ...": ask
    return next((o for o in options if o.id == str(value)), None)


#: What names the scale or rules a number out, so is no score: "op een schaal van 1 tot
#: 5", "on a scale of 1 to 5", "geen 1", "not a 1".
_NOT_THE_SCORE = re.compile(
    r"\b(?:(?:op|on)\s+)?(?:(?:een|a)\s+)?(?:schaal|scale)(?:\s+(?:van|of|from))?"
    r"(?:\s+1\s+(?:tot|to|t m)\s+5)?\b"
    r"|\b1\s+(?:tot|to|t m)\s+5\b"
    r"|\b(?:geen|niet|not|no)\s+(?:een\s+|a\s+)?(?:\d|een|one|twee|two|drie|three|vier|four"
    r"|vijf|five)\b"
)
#: Numbers in words that are never an article or an ordinal ("een", "one" often are).
_CARDINALS = {"twee": 2, "two": 2, "drie": 3, "three": 3, "vier": 4, "four": 4}
_CARDINALS.update({"vijf": 5, "five": 5})


def _lone_number(folded: str, options: Sequence[Option]) -> Option | None:
    """The one number in a longer answer that is not about the scale itself: "vandaag een
    slechte dag, een 2", "onvoldoende, maar geen 1, dus een twee", "i'd put it at a
    three"; none when there are more, or it counts something ("2 nachten")."""
    words = _NOT_THE_SCORE.sub(" ", folded).split()
    if len(words) > _OPENING_NUMBER_WORDS:
        return None
    found = [
        (i, int(w) if w.isdigit() else _CARDINALS[w])
        for i, w in enumerate(words)
        if w.isdigit() or w in _CARDINALS
    ]
    if len(found) != 1:
        return None
    at, value = found[0]
    if at + 1 < len(words) and words[at + 1] in _UNITS:
        return None
    return next((o for o in options if o.id == str(value)), None)
