"""Messages that are not an answer to the open question.

A command in other words ("stop please", "nee wacht. terug"), a question to the bot ("wie
leest dit?", "weet hij dan wie ik ben?"), a word that says nothing where words are asked
("klaar" as who did it), distress ("ik durf niet naar huis", 😢), or a reference to what
the melder already wrote ("zie hierboven"). The words are data: dialogs/lexicon/guards.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from dialogs.lexicon import guard_words
from nlu.distress import distress
from nlu.phrases import Hit, PhraseIndex, tokens

__all__ = ["GUARDS", "Guards"]

#: The longest message that can be a filler-only answer, in words.
_SHORT = 6
#: The longest message that can be a command in a sentence ("laat maar zitten, ik wil hier
#: niet meer mee verder"): one command phrase, every other word filler.
_COMMAND = 14
#: The longest message in which a strong command phrase counts among other words.
_STRONG = 20
#: Words after "weet" that make a statement of it: "weet niet", "weet ik veel".
_NOT_ASKING = frozenset({"niet", "nie", "ik", "het", "wel", "echt", "ook", "nog", "zeker"})
#: Words after a verb that make a statement of it ("gaat wel, beetje geschrokken", "is
#: goed hoor", "kan beter"): a Dutch question puts the subject there ("gaat hij ...").
_VERB_STATEMENT = frozenset(
    {
        "wel",
        "niet",
        "nie",
        "goed",
        "slecht",
        "prima",
        "beter",
        "best",
        "redelijk",
        "matig",
        "ok",
        "oke",
        "oké",
    }
)
#: Question words that stay questions whatever follows ("hoe goed ...", "waarom niet ...").
_WH = frozenset(
    {
        "wie",
        "wat",
        "waarom",
        "hoe",
        "wanneer",
        "welke",
        "waar",
        "who",
        "what",
        "why",
        "how",
        "which",
        "where",
        "when",
    }
)
#: The longest message taken as a question to the bot, in words.
_QUESTION = 20
#: A question asked as a statement: "ik vraag me af of iemand dit vandaag nog leest".
_WONDERING = re.compile(r"\b(?:vraag me af|vroeg me af|i'?m wondering|i wonder|was wondering)\b")


def _sure(hit: Hit) -> bool:
    """A hit that can stand among other words: exact, or a phrase of two words or more. One
    word found by typo correction may be another word ("verstuur" is not "overstuur")."""
    return hit.exact or hit.end - hit.start >= 2


def _phrases(groups: Any) -> list[tuple[str, str]]:
    return [(str(key), str(p)) for key, phrases in dict(groups).items() for p in phrases]


@dataclass(frozen=True)
class Guards:
    """The guard words, indexed once."""

    words: Any

    @cached_property
    def _commands(self) -> PhraseIndex:
        return PhraseIndex(_phrases(self.words["commands"]))

    @cached_property
    def _strong_commands(self) -> PhraseIndex:
        return PhraseIndex(_phrases(self.words["strong_commands"]))

    @cached_property
    def _topics(self) -> PhraseIndex:
        return PhraseIndex(_phrases(self.words["questions"]))

    @cached_property
    def _distress(self) -> PhraseIndex:
        return PhraseIndex(("distress", str(p)) for p in self.words["distress"]["phrases"])

    @cached_property
    def _report_wish(self) -> PhraseIndex:
        return PhraseIndex(("report", str(p)) for p in self.words["report_wish"])

    @cached_property
    def _own_report(self) -> PhraseIndex:
        return PhraseIndex(_phrases(self.words["own_report"]))

    @cached_property
    def _see_above(self) -> PhraseIndex:
        return PhraseIndex(("see_above", str(p)) for p in self.words["see_above"])

    @cached_property
    def filler(self) -> frozenset[str]:
        """Words that add nothing to a command and alone answer nothing."""
        return frozenset(w for p in self.words["filler"] for w in tokens(str(p)))

    @cached_property
    def _question_words(self) -> frozenset[str]:
        return frozenset(str(w) for w in self.words["question_words"])

    def command(self, text: str) -> str | None:
        """The command a message stands for: a phrase that means it among other words ("ik
        heb de verkeerde datum gegeven, kan ik terug"), or a short message of one command
        phrase and filler ("nee wacht. terug")."""
        words = tokens(text)
        if not words or len(words) > _STRONG:
            return None
        strong = {h.key for h in self._strong_commands.find(text) if _sure(h)}
        if strong == {"back", "menu"}:
            strong = {"menu"}  # "kan ik terug naar het beginscherm": back all the way
        if len(strong) == 1:
            return strong.pop()
        if len(words) > _COMMAND:
            return None
        hits = self._commands.find(words)
        if len({h.key for h in hits}) != 1:
            return None
        covered = {i for h in hits for i in range(h.start, h.end)}
        rest = [w for i, w in enumerate(words) if i not in covered]
        return hits[0].key if all(w in self.filler for w in rest) else None

    def says_nothing(self, text: str) -> bool:
        """Only filler ("klaar", "ok", "ja"): no answer where words are asked."""
        words = tokens(text)
        return len(words) <= _SHORT and all(w in self.filler for w in words)

    def is_question(self, text: str) -> bool:
        """A question (ends with '?' or starts with a question word), not a story."""
        words = tokens(text)
        if not words or len(words) > _QUESTION:
            return False
        if text.rstrip().endswith("?") or _WONDERING.search(text.lower()):
            return True
        # "weet ik niet", "weet niet precies, rond 8 uur" start like "weet hij wie ik ben"
        # but ask nothing.
        second = words[1] if len(words) > 1 else ""
        if words[0] in ("weet", "weten") and second in _NOT_ASKING:
            return False
        if words[0] not in _WH and second in _VERB_STATEMENT:
            return False
        return words[0] in self._question_words and len(words) >= 4 and not self.says_nothing(text)

    def question_topic(self, text: str) -> str | None:
        """What a question to the bot is about (anonymity, who reads, ...), if known; "wie
        ziet mijn naam?" is about anonymity, the most specific topic."""
        if not self.is_question(text):
            return None
        keys = [h.key for h in self._topics.find(text)]
        return "anonymity" if "anonymity" in keys else (keys[0] if keys else None)

    def distress(self, text: str) -> str | None:
        """The kind of distress a message shows ("suicidal", "distress"), or None."""
        named = distress(text)
        if named is not None:
            return named
        if any(e in text for e in self.words["distress"]["emoji"]):
            return "distress"
        return "distress" if any(_sure(h) for h in self._distress.find(text)) else None

    def wants_to_report(self, text: str) -> bool:
        """ "ik wil iets melden", "I need to report something": a report, but not which."""
        return len(tokens(text)) <= _QUESTION and bool(self._report_wish.find(text))

    def refers_back(self, text: str) -> bool:
        """ "zie hierboven", "wat ik al schreef": the melder points at an earlier message."""
        return len(tokens(text)) <= 8 and bool(self._see_above.find(text))

    def own_report(self, text: str) -> str | None:
        """What a melder wants to do with a report they sent ("add", "reply", "answer",
        "reopen"), or "view" when they only point at it ("die", "mijn melding"); None
        when the words say neither, or more than one thing."""
        if len(tokens(text)) > _QUESTION:
            return None
        keys = {h.key for h in self._own_report.find(text) if _sure(h)}
        actions = keys - {"view"}
        if len(actions) == 1:
            return actions.pop()
        return "view" if keys == {"view"} else None


@lru_cache(maxsize=1)
def _guards() -> Guards:
    return Guards(guard_words())


GUARDS = _guards()
