"""Messages that are not an answer to the open question.

A command in other words ("stop please", "nee wacht. terug"), a correction of an earlier
answer ("de tijd die ik net gaf klopt niet": one question back), a question to the bot
("wie leest dit?", "weet hij dan wie ik ben?"), a word that says nothing where words are
asked ("klaar" as who did it), distress ("ik durf niet naar huis", "ik voel me zo klein",
😢), or a reference to what the melder already wrote ("zie hierboven"). The words are
data: dialogs/lexicon/guards.yml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from dialogs.lexicon import guard_words
from dialogs.word_orders import key_phrases, sure_hit, word_order
from nlu.distress import distress
from nlu.phrases import NEGATIONS, PhraseIndex, tokens, without_let

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
#: "(dat) kan ik niet zien/zeggen": no question, an answer that the melder cannot tell.
_CANNOT_TELL = frozenset(
    ("zien", "zeggen", "weten", "vertellen", "herkennen", "nagaan", "achterhalen", "terugvinden",
     "plaatsen", "inschatten", "beoordelen")
)  # fmt: skip
#: Words after a verb that make a statement of it ("gaat wel, beetje geschrokken", "is
#: goed hoor", "kan beter"): a Dutch question puts the subject there ("gaat hij ...").
_VERB_STATEMENT = frozenset(
    {"wel", "niet", "nie", "goed", "slecht", "prima", "beter", "best", "redelijk", "matig", "ok"}
    | {"oke", "oké"}
)
#: Question words that stay questions whatever follows ("hoe goed ...", "waarom niet ...").
_WH = frozenset(
    {"wie", "wat", "waarom", "hoe", "wanneer", "welke", "waar", "who", "what", "why", "how"}
    | {"which", "where", "when"}
)
#: The longest message taken as a question to the bot, in words.
_QUESTION = 20
#: The longest message that corrects an earlier answer in words of its own ("de tijd die
#: ik net gaf klopt niet, mag ik die nog aanpassen").
_CORRECTION = 20
#: The longest question without "?" or a question word that asks about anonymity, with
#: the verb first and its subject second ("komt hij mijn achternaam te weten").
_INVERTED = 10
#: Someone else as the subject right after an opening verb: a Dutch question ("weet hij
#: ...", "krijgen ze ...").
_SUBJECTS = frozenset({"hij", "zij", "ze", "iemand", "men", "die"})
#: Dutch verb forms that open such a question: "komt", "ziet", "krijgen" (not imperatives
#: or other words ending so: "laat ze maar weten", "dat hij").
_VERB_FIRST = re.compile(r"^\w{2,}(?:t|en)$")
_NOT_VERBS = frozenset({"laat", "dat", "wat", "met", "niet", "want", "toen", "dan", "alleen"})
#: Words that make a question of a message without "?" ("als ik dit meld, weet de moeder
#: dan ...", "my name wont be visible right", "blijf ik anoniem als ik dit invul").
_CONDITION = frozenset({"als", "if", "stel", "wanneer"})
_TAG = frozenset({"right", "he", "hè", "eh", "hé"})
_ME = frozenset({"ik", "mijn", "mn", "m'n", "my", "me"})
#: Verbs that open a Dutch question about the melder: "word ik genoemd", "blijf ik anoniem".
_ASKING_VERBS = frozenset(
    {"word", "blijf", "kom", "sta", "ben", "krijg", "ga", "zal", "wordt", "komt", "staat"}
    | {"blijft", "gaat", "is", "kan", "mag", "moet", "zie", "hoor"}
)


def _asked_in_words(words: list[str]) -> bool:
    """A question by its words alone: the melder's own act as the condition ("als ik dit
    meld, weet ..."; not "als hij mijn naam weet, ..." in a story), a tag last ("... right"),
    or a verb before the melder ("word ik genoemd", "komt mijn naam erbij te staan")."""
    if len(words) < 3:
        return False
    verb = words[0] in _ASKING_VERBS or (
        words[1] != "ik" and _VERB_FIRST.match(words[0]) is not None and words[0] not in _NOT_VERBS
    )
    verb_first = words[1] in _ME and verb
    own_condition = words[0] in _CONDITION and words[1] in ("ik", "i")
    return own_condition or words[-1] in _TAG or verb_first


#: A question asked as a statement: "ik vraag me af of iemand dit vandaag nog leest".
_WONDERING = re.compile(
    r"\b(?:vraag me af|vroeg me af|i'?m wondering|i wonder|was wondering|need to know if"
    r"|want to know if|(?:wil|moet) (?:\w+ ){0,2}?weten of|wil dat eerst weten)\b"
    r"|\b(?:or not|of niet)\?"
    r"|\b(?:is|blijft) (?:this|it|het|dit) (?:really |echt |wel )?(?:anonymous|anoniem"
    r"|anonimous|confidential|vertrouwelijk)\b"
)
#: Not knowing how to do something, said as a statement: "i have screenshots but dont know
#: how to send them", "weet niet hoe ik die stuur" (a question only on a known topic).
_HOW_TO = re.compile(
    r"\b(?:don'?t know how|dont know how|do not know how|not sure how|weet (?:ik )?niet hoe)"
    r"\s+(?:to|i|ik|je|dat|moet)\b"
    # a question without its mark: "ik heb screenshots maar hoe stuur ik die"
    r"|\b(?:maar|en|but|so)\s+hoe\s+(?:stuur|verstuur|upload|moet|kan)\s+ik\b"
    r"|\b(?:but|so|and)\s+how\s+(?:do|can|should)\s+i\b"
)


#: How a question whether one can stop opens: "kan ik ...", "mag ik ...", "can i ...".
_MAY_I = re.compile(
    r"^(?:\w+\s+){0,2}?(?:(?:kan|kun|mag|moet)\s+(?:ik|we|je)|(?:can|could|may|should)\s+(?:i|we)"
    r"|is\s+het\s+mogelijk|is\s+it\s+possible|how\s+(?:do|can)\s+i|hoe\s+(?:kan|moet)\s+ik"
    r"|hoe\s+(?:stop|annuleer))\b"
)
#: Sentences of a story, and the turns within one ("het is voorbij, maar ik ...").
_SENTENCES = re.compile(r"[.!?;:,\n]+|\b(?:maar|but|en|and)\b")
#: A longer sentence of a story tells the event; distress is said in a short one.
_STORY_CLAUSE = 10


@dataclass(frozen=True)
class Guards:
    """The guard words, indexed once."""

    words: Any

    @cached_property
    def _commands(self) -> PhraseIndex:
        return PhraseIndex(key_phrases(self.words["commands"]))

    @cached_property
    def _strong_commands(self) -> PhraseIndex:
        return PhraseIndex(key_phrases(self.words["strong_commands"]))

    @cached_property
    def _reasons(self) -> PhraseIndex:
        return PhraseIndex(("reason", str(p)) for p in self.words["command_reasons"])

    @cached_property
    def _stop_wish(self) -> PhraseIndex:
        return PhraseIndex(("stop", str(p)) for p in self.words["stop_wish"]["phrases"])

    @cached_property
    def _quoted(self) -> frozenset[str]:
        return frozenset(str(w) for w in self.words["stop_wish"]["quoted"])

    @cached_property
    def _topics(self) -> PhraseIndex:
        return PhraseIndex(key_phrases(self.words["questions"]))

    @cached_property
    def _distress(self) -> PhraseIndex:
        return PhraseIndex(("distress", str(p)) for p in self.words["distress"]["phrases"])

    @cached_property
    def _report_wish(self) -> PhraseIndex:
        return PhraseIndex(("report", str(p)) for p in self.words["report_wish"])

    @cached_property
    def _own_report(self) -> PhraseIndex:
        return PhraseIndex(key_phrases(self.words["own_report"]))

    @cached_property
    def _see_above(self) -> PhraseIndex:
        return PhraseIndex(("see_above", str(p)) for p in self.words["see_above"])

    @cached_property
    def _correction(self) -> tuple[PhraseIndex, ...]:
        """One index per kind of word, so that "nog wijzigen" (earlier) keeps "wijzigen"
        (change)."""
        groups = self.words["correction"]
        kinds = ("earlier", "wrong", "change")
        return tuple(PhraseIndex((key, str(p)) for p in groups[key]) for key in kinds)

    @cached_property
    def _others(self) -> frozenset[str]:
        return frozenset(str(w) for w in self.words["correction"]["others"])

    @cached_property
    def _rhetorical(self) -> tuple[re.Pattern[str], ...]:
        return tuple(word_order(e, opening=True) for e in self.words["rhetorical"])

    @cached_property
    def _distress_orders(self) -> tuple[re.Pattern[str], ...]:
        return tuple(word_order(e) for e in self.words["distress"]["orders"])

    @cached_property
    def _later_orders(self) -> tuple[re.Pattern[str], ...]:
        return tuple(word_order(e) for e in self.words["later_orders"])

    @cached_property
    def filler(self) -> frozenset[str]:
        """Words that add nothing to a command and alone answer nothing."""
        return frozenset(w for p in self.words["filler"] for w in tokens(str(p)))

    @cached_property
    def _command_filler(self) -> frozenset[str]:
        """Filler, and the words that only stand around a command ("restart the bot")."""
        extra = (w for p in self.words["command_filler"] for w in tokens(str(p)))
        return self.filler | frozenset(extra)

    @cached_property
    def _question_words(self) -> frozenset[str]:
        return frozenset(str(w) for w in self.words["question_words"])

    def command(self, text: str) -> str | None:
        """The command a message stands for: a phrase that means it among other words ("ik
        heb de verkeerde datum gegeven, kan ik terug"), or a short message of one command
        phrase and filler ("nee wacht. terug")."""
        text = without_let(text)
        words = tokens(text)
        if not words or len(words) > _STRONG or distress(text) == "suicidal":
            return None  # "ik wil niet meer leven" gives up no report: it asks for care
        found = self._strong_commands.find(text)
        strong = {h.key for h in found if sure_hit(h)}
        if not strong and self._later_order(words):
            strong = {"later"}  # "I'll send it tomorrow": not now
        if strong == {"back", "menu"}:
            strong = {"menu"}  # "kan ik terug naar het beginscherm": back all the way
        later = [h for h in found if h.key == "later"]
        if strong == {"later"} and any(
            h.key == "stop" and not any(h.start >= s.start and h.end <= s.end for s in later)
            for h in self._commands.find(words)
        ):
            return "stop"  # "annuleren, ik doe het een andere keer": later is its reason
        if len(strong) == 1:
            return strong.pop()
        if len(words) > _COMMAND:
            return None
        hits = self._commands.find(words)
        if {h.key for h in hits} == {"stop", "later"}:
            hits = [h for h in hits if h.key == "stop"]  # "stop, doe het later wel": a reason
        if len({h.key for h in hits}) == 1:
            reasons = self._reasons.find(words) if hits[0].key in ("stop", "later") else []
            covered = {i for h in [*hits, *reasons] for i in range(h.start, h.end)}
            rest = [w for i, w in enumerate(words) if i not in covered]
            if all(w in self._command_filler for w in rest):
                return hits[0].key
        return "back" if self.corrects(text) else None

    def finish_later(self, text: str) -> bool:
        """Whether a message that is `later` says so in so many words ("ik doe het een
        andere keer", "I'll send it tomorrow"), not by a short word of the command list: in
        a report, that wins over an option the words seem to give ("do it" in "I'll do it
        another time" is no "send it")."""
        text = without_let(text)
        found = self._strong_commands.find(text)
        return any(h.key == "later" and sure_hit(h) for h in found) or self._later_order(
            tokens(text)
        )

    def _later_order(self, words: list[str]) -> bool:
        joined = " ".join(words)
        return any(p.search(joined) for p in self._later_orders)

    def stop_wish(self, text: str) -> int | None:
        """Words that most likely ask to give up the report, among other words ("laat maar,
        het was eigenlijk ook niet zo erg"): how many words the message holds besides the
        wish and filler; None when it holds no such wish (or quotes it, or negates it)."""
        text = without_let(text)
        words = tokens(text)
        if not words or len(words) > _STRONG or distress(text) == "suicidal":
            return None
        if self.asks_to_stop(text):
            return 0  # "kan ik dit nog annuleren?": asked back, no words to keep
        if self.is_question(text):
            return None
        if any(
            w in self._quoted and self._others.intersection(words[max(0, i - 2) : i])
            for i, w in enumerate(words)
        ):
            return None  # "hij zei: laat maar": someone else's words, told in the story
        hits = [h for h in self._stop_wish.find(text, negated=True) if sure_hit(h)]
        if not hits or any(h.negated for h in hits):
            return None
        spoken = sum(w not in self._command_filler for w in words)
        return max(0, spoken - sum(h.end - h.start for h in hits))

    def asks_to_stop(self, text: str) -> bool:
        """A question whether the report can be given up ("kan ik dit nog annuleren?", "can
        i just abort this?"): the bot asks back whether to stop, which answers it."""
        words = tokens(text)
        if self._others.intersection(words) or not _MAY_I.match(" ".join(words)):
            return False  # "wie leest dit als ik het laat maar?" asks something else
        hits = [
            h
            for index in (self._commands, self._stop_wish)
            for h in index.find(text, negated=True)
            if sure_hit(h) and (index is self._stop_wish or h.key == "stop")
        ]
        return bool(hits) and not any(h.negated for h in hits)

    def corrects(self, text: str) -> bool:
        """A short message about the melder's own earlier answer that says it was wrong or
        asks to change it ("I picked the wrong place, can I change it"): one step back.
        Words about someone else make it a story ("hij zei dat ik ...")."""
        words = tokens(text)
        if len(words) > _CORRECTION or self._others.intersection(words):
            return False
        keys = {h.key for index in self._correction for h in index.find(text) if sure_hit(h)}
        return "earlier" in keys and bool(keys & {"wrong", "change"})

    def says_nothing(self, text: str) -> bool:
        """Only filler ("klaar", "ok", "ja"): no answer where words are asked."""
        words = tokens(text)
        return len(words) <= _SHORT and all(w in self.filler for w in words)

    def is_question(self, text: str) -> bool:
        """A question (ends with '?' or starts with a question word), not a story."""
        words = tokens(text)
        if not words or len(words) > _QUESTION:
            return False
        if any(p.search(" ".join(words)) for p in self._rhetorical):
            return False  # "why me?", "waarom overkomt mij dit nou weer": distress
        if text.rstrip().endswith("?") or _WONDERING.search(text.lower()):
            return True
        # "weet ik niet", "weet niet precies, rond 8 uur" start like "weet hij wie ik ben"
        # but ask nothing.
        second = words[1] if len(words) > 1 else ""
        if words[0] in ("weet", "weten") and second in _NOT_ASKING:
            return False
        if words[0] not in _WH and second in _VERB_STATEMENT:
            return False
        cannot = words[0] in ("kan", "kon") and words[1:3] == ["ik", "niet"]
        if cannot and len(words) > 3 and words[3] in _CANNOT_TELL:
            return False  # "kan ik niet zien, account heeft geen foto": an answer
        return words[0] in self._question_words and len(words) >= 4 and not self.says_nothing(text)

    def asks_how(self, text: str) -> bool:
        """ "dont know how to send them": a question to the bot, when its topic is known."""
        return _HOW_TO.search(text.lower()) is not None and bool(self._topics.find(text))

    def question_topic(self, text: str) -> str | None:
        """What a question to the bot is about (anonymity, who reads, ...), if known; "wie
        ziet mijn naam?" is about anonymity, the most specific topic."""
        asked = self.is_question(text)
        if not asked and self.asks_how(text):
            return next(iter(h.key for h in self._topics.find(text)), None)
        if not asked and not self._inverted(text) and not _asked_in_words(tokens(text)):
            return None
        # A question may hold a negation: "won't that give me away?" asks all the same.
        keys = [h.key for h in self._topics.find(text, negated=True)]
        if not asked:  # a question in its word order only: about anonymity alone
            return "anonymity" if "anonymity" in keys else None
        if "anonymity" in keys or self._about_them(text, keys):
            return "anonymity"
        return keys[0] if keys else None

    def _about_them(self, text: str, keys: list[str]) -> bool:
        """Whether a question asks if the person it is about sees or learns something
        ("krijgt die man dit te lezen?", "does the client get to read this"): the melder's
        anonymity, not who handles the report."""
        words = tokens(text)
        party = self._parties.find(words)
        return bool(party) and ("who_reads" in keys or bool(self._learns.find(words)))

    @cached_property
    def _parties(self) -> PhraseIndex:
        return PhraseIndex(("party", str(p)) for p in self.words["about_them"]["parties"])

    @cached_property
    def _learns(self) -> PhraseIndex:
        return PhraseIndex(("learns", str(p)) for p in self.words["about_them"]["learns"])

    @staticmethod
    def _inverted(text: str) -> bool:
        """A short message that opens with a verb and then its subject, as a Dutch
        question does ("komt hij mijn achternaam te weten"), though without "?"."""
        words = tokens(text.split(",")[0])
        return (
            3 <= len(words) <= _INVERTED
            and words[1] in _SUBJECTS
            and bool(_VERB_FIRST.match(words[0]))
            and words[0] not in _NOT_VERBS
        )

    @cached_property
    def _story_i(self) -> frozenset[str]:
        return frozenset(self.words["distress"]["story_i"])

    @cached_property
    def _story_me(self) -> frozenset[str]:
        return self._story_i | frozenset(self.words["distress"]["story_me"])

    @cached_property
    def _story_others(self) -> frozenset[str]:
        return frozenset(self.words["distress"]["story_others"])

    @cached_property
    def _story_events(self) -> re.Pattern[str]:
        said = sorted(self.words["distress"]["story_events"], key=len, reverse=True)
        return re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in said) + r")\b")

    def distress(self, text: str) -> str | None:
        """The kind of distress a message shows ("suicidal", "distress"), or None."""
        return self._crisis_or_emoji(text) or self._distress_in_words(text)

    def _crisis_or_emoji(self, text: str) -> str | None:
        """Distress named outright (`nlu.distress`: crisis words) or shown by an emoji."""
        named = distress(text)
        if named is not None:
            return named
        return "distress" if any(e in text for e in self.words["distress"]["emoji"]) else None

    def _distress_in_words(self, text: str) -> str | None:
        """Distress in the guard phrases, a rhetorical "why me?", or freer word order."""
        if any(sure_hit(h) for h in self._distress.find(text)):
            return "distress"
        words = tokens(text)
        if any(p.search(" ".join(words)) for p in self._rhetorical):
            return "distress"  # "why me?"
        return "distress" if self._distress_in_other_words(words) else None

    def distress_in_story(self, text: str) -> str | None:
        """Distress the melder tells about themselves in a story ("ik zit nu in de auto te
        trillen", "i'm terrified", 😰), or None. Read per sentence: a long sentence that
        tells the event counts only with crisis words or an emoji, and fear someone else
        feels ("hij is erg bang voor zijn zoon") does not count."""
        for part in _SENTENCES.split(text):
            part = self._story_events.sub(" ", part.lower())
            words = tokens(part)
            if not words:
                continue
            felt = self._crisis_or_emoji(part)
            kind = felt or self._distress_in_words(part)
            if kind is None:
                continue
            if len(words) > _STORY_CLAUSE and not felt:
                continue  # "... grabbed my shoulders and shook me": the event, not a feeling
            said = set(words)
            if said & self._story_others and not said & self._story_i:
                continue  # "she's too scared to report it"
            if felt or said & self._story_me:
                return kind
        return None

    def _distress_in_other_words(self, words: list[str]) -> bool:
        """Distress in freer word order ("ik vind dit echt heel moeilijk"), not negated
        right before ("I don't feel unsafe")."""
        joined = " ".join(words)
        for pattern in self._distress_orders:
            for found in pattern.finditer(joined):
                before = joined[: found.start()].split()[-2:]
                if not NEGATIONS.intersection(before):
                    return True
        return False

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
        keys = {h.key for h in self._own_report.find(text) if sure_hit(h)}
        actions = keys - {"view"}
        if len(actions) == 1:
            return actions.pop()
        return "view" if keys == {"view"} else None


@lru_cache(maxsize=1)
def _guards() -> Guards:
    return Guards(guard_words())


GUARDS = _guards()
