"""Named doubts about answers in words (`Step.doubt`): is this what the question asked?

An answer a doubt returns a message for is held and confirmed with the melder before it
is stored, never silently stored and never refused.
"""

from __future__ import annotations

import re
from functools import lru_cache

from dialogs import texts
from dialogs.guards import GUARDS
from dialogs.lexicon import all_answer_words, answer_words
from dialogs.turn import Registry, Turn
from dialogs.word_orders import says
from nlu.phrases import tokens

__all__ = ["REGISTRY"]

#: A story shorter than this many words is confirmed before it is kept.
_SHORT_STORY = 3
#: A number that may say when ("3", "14:00", "3-11", "15u", "the 26th"), not digits inside
#: a name ("zorgjustice_010", "@anna88").
_WHEN_NUMBER = re.compile(
    r"(?<![\w@#])\d{1,4}(?:[:./-]\d{1,4})*(?:u|h|e|ste|de|st|nd|rd|th|am|pm|uur)?(?![\w@])"
)


@lru_cache(maxsize=1)
def _when_words() -> frozenset[str]:
    """Words that say when: the one-word phrases of the 'when' options ("gisteren",
    "maandag") and guards.yml's time words (not every word of a longer phrase: "tijdens
    de lunch" does not make "tijdens" a time)."""
    phrases = [p for ps in answer_words("occurred_choice").values() for p in ps]
    words = {w for p in phrases if len(ws := tokens(p)) == 1 for w in ws}
    time_words = GUARDS.words["time_words"]
    return frozenset(words) | {str(w) for w in time_words}


def _when(turn: Turn, text: str) -> str | None:
    """No number and no word of time: probably not when it happened."""
    if _WHEN_NUMBER.search(text) or set(tokens(text)) & _when_words():
        return None
    return texts.HELD_WHEN


#: A name in the answer: a capitalised word that does not open it ("de man van Ingrid").
_NAME = re.compile(r"(?<=\S)\s+[A-Z][a-z\u00C0-\u017F]+")


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    return frozenset(str(w) for w in GUARDS.words["person_words"])


def _who(turn: Turn, text: str) -> str | None:
    """No word of a person, an account or a group, and no name: probably not who did it."""
    if set(tokens(text)) & _person_words() or _NAME.search(text) or "@" in text:
        return None
    if says("withheld", text):
        return None  # "zeg ik liever niet": an answer, kept as said
    return texts.HELD_WHO


#: A capitalised word anywhere: a name as people write one ("lisa de Vries", "Bas").
_CAPITAL = re.compile(r"\b[A-Z\u00C0-\u00DE][a-z\u00DF-\u017F]+")
#: Answer words that are first names too ("ben", "will").
_ALSO_NAMES = frozenset(("ben", "will", "jan", "mark", "bas", "roos"))
#: A name is at most this many words ("Fatima el Amrani", "Lisa van der Berg").
_NAME_WORDS = 5


@lru_cache(maxsize=1)
def _answer_vocabulary() -> frozenset[str]:
    """Every word of the bot's answer phrases ("bellen", "graag", "klaar"): words that
    answer a question, not names."""
    phrases = [p for options in all_answer_words() for ps in options.values() for p in ps]
    return frozenset(w for p in phrases for w in tokens(p)) - _ALSO_NAMES


def _name(turn: Turn, text: str) -> str | None:
    """Only words the bot knows from answers ("bellen", "ja graag", "weet niet"), none
    written as a name: probably not a name."""
    words = tokens(text)
    if not words or len(words) > _NAME_WORDS or _CAPITAL.search(text):
        return None
    return texts.HELD_NAME if _answer_words_only(words) else None


def _answer_words_only(words: list[str]) -> bool:
    """Whether every word is one the bot knows from answers ("ja klopt", "bellen")."""
    return all(w in _answer_vocabulary() for w in words)


#: An answer this short may be an account's name as it shows ("sandra wijnen", "moederinnood").
_HANDLE_WORDS = 3
#: What an account, number or link is written with, or called: "@", digits, "anna_88",
#: "fb.com/x", "het account heet", "privé nummer".
_HANDLE_SIGN = re.compile(
    r"[@\d_/]|\w\.\w|\b(?:account\w*|profiel\w*|naam|nummer|heet|heette|noemt|username"
    r"|gebruikersnaam|link|pagina|groep|kanaal|page|profile|name|number|called|channel|group"
    r"|anoniem|anonymous|prive|privé|private|onbekend|unknown|hidden|verborgen)\b"
    # where it can be seen: "staat in de screenshot", "it's on the photo I sent"
    r"|\b(?:in|op|on) (?:de |het |the |my |mijn |mn |die |that )?(?:screenshots?|foto'?s?|photos?"
    r"|bijlage|attachment)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _not_known() -> tuple[str, ...]:
    """The 'I don't know' phrases of the account question of two words or more."""
    return tuple(p for p in answer_words("handle").get("unknown", ()) if " " in p)


def _handle(turn: Turn, text: str) -> str | None:
    """A sentence with no account, number or link in it, and no word for one, or only the
    bot's own answer words ("ja klopt"): probably not the account ("kan het naar de
    vertrouwenspersoon", "hij heeft ook mijn adres gepost"). Not knowing it in more words
    ("weet ik echt niet meer") is kept as said."""
    if _HANDLE_SIGN.search(text) or says("withheld", text):
        return None
    if len(text.split()) <= _HANDLE_WORDS:
        return texts.HELD_HANDLE if _answer_words_only(tokens(text)) else None
    folded = " ".join(tokens(text))
    if any(f" {p} " in f" {folded} " for p in _not_known()):
        return None
    return texts.HELD_HANDLE


def _story(turn: Turn, text: str) -> str | None:
    """A story of a word or two, or one that would replace a much longer one."""
    step = turn.step
    before = str(turn.slots.get(step.slot) or "") if step is not None and step.slot else ""
    if len(before) > 80 and len(text) * 3 < len(before):
        return texts.HELD_SHORTER_STORY
    if len(text.split()) < _SHORT_STORY:
        return texts.HELD_SHORT_STORY
    return None


REGISTRY = Registry(
    doubts={"when": _when, "story": _story, "who": _who, "name": _name, "handle": _handle}
)
