"""What the bot does with a message that is not (yet) an answer to its question.

A question to the bot is answered, then the bot's question is asked again. Distress gets a
human answer and "are you safe now?" before anything else. An answer that does not look
like one (no day or time at 'when', a one-word story) is held and confirmed before it is
stored. A near miss at a choice question becomes "do you mean ...?".
"""

from __future__ import annotations

import re

from dialogs import texts
from dialogs.care import SAFE, UNSAFE, ask_safety
from dialogs.flow import Option, Step
from dialogs.guards import GUARDS
from dialogs.lexicon import answer_words
from dialogs.matching import gesture_word
from dialogs.messages import Choice
from dialogs.navigation import prompt
from dialogs.turn import Turn
from nlu.phrases import PhraseIndex

__all__ = [
    "HELD_KEEP",
    "HELD_RETYPE",
    "SAFE",
    "UNSAFE",
    "answer_question",
    "ask_guess",
    "ask_safety",
    "care_for",
    "hold",
    "safety_answer",
    "says_safe",
    "yes_or_no",
]

HELD_KEEP, HELD_RETYPE = "held_keep", "held_retype"

_TOPICS = {
    "anonymity": texts.QUESTION_ANONYMITY,
    "who_reads": texts.QUESTION_WHO_READS,
    "what_next": texts.QUESTION_WHAT_NEXT,
    "data": texts.QUESTION_DATA,
    "evidence": texts.QUESTION_EVIDENCE,
}
_SAFETY = PhraseIndex((key, p) for key, phrases in answer_words("safety").items() for p in phrases)
#: An answer to "are you safe now?" longer than this is about something else.
_SAFETY_WORDS = 12
#: A yes with more words than this says more than yes ("ja, hij staat voor de deur").
_PLAIN_YES = 3
#: "ja, maar ...": what follows a yes qualifies it.
_BUT = re.compile(r"(?i)\b(?:maar|but|behalve|except)\b")
_YES_NO = PhraseIndex(
    (key, p) for key, phrases in answer_words("callback").items() for p in phrases
)


def yes_or_no(text: str) -> str | None:
    """ "yes" or "no" for a short answer that says only that ("ja hoor", "nee", "👍"),
    else None."""
    text = gesture_word(text)
    hits = _YES_NO.find(text)
    keys = {h.key for h in hits}
    if len(keys) != 1 or len(text.split()) > 5:
        return None
    return keys.pop()


def answer_question(turn: Turn, step: Step | None, text: str, *, known_only: bool) -> bool:
    """Answer a question to the bot and ask the open question again; False when the
    message is no question (or, with `known_only`, not one the bot knows about)."""
    if turn.contact is not None:
        return False  # a contact's words at the case desk are never a melder's question
    topic = GUARDS.question_topic(text)
    if topic is None and (known_only or not GUARDS.is_question(text)):
        return False
    msgid = _TOPICS.get(topic or "", texts.QUESTION_UNKNOWN)
    turn.say(
        turn.tr(
            msgid,
            hours=turn.org.acknowledge_within_hours,
            months=turn.env.config.retention_months,
        )
    )
    if step is not None:
        prompt(turn, step, again=True)
    return True


def care_for(turn: Turn, text: str) -> bool:
    """Distress in a melder's message that answered nothing: a human answer and "are you
    safe now?" (the engine takes the answer); False when there is no distress."""
    kind = GUARDS.distress(text) if turn.contact is None else None
    if kind is None:
        return False
    ask_safety(turn, crisis=kind == "suicidal")
    return True


def safety_answer(turn: Turn, text: str) -> str | None:
    """SAFE or UNSAFE for the answer to "are you safe now?", None when it is not about that.

    A yes counts only as it stands ("ja hoor"), before a "but" ("ja maar ik ben nog bang"),
    or with words of a safe place ("ja, zit in de personeelskamer"): "ja, hij staat voor de
    deur" is no plain yes. Words of not being safe ("hij is er nog") always count."""
    if turn.incoming.choice in (SAFE, UNSAFE):
        return turn.incoming.choice
    if not text or len(text.split()) > _SAFETY_WORDS:
        return None
    keys = {UNSAFE if h.negated else h.key for h in _SAFETY.find(text, negated=True)}
    said = yes_or_no(text)
    if UNSAFE in keys or said == "no":
        return UNSAFE
    if SAFE in keys:
        return SAFE
    plain = said == "yes" and len(text.split()) <= _PLAIN_YES
    parts = _BUT.split(text, maxsplit=1)
    before_but = len(parts) > 1 and yes_or_no(parts[0]) == "yes"
    return SAFE if plain or before_but else None


def says_safe(turn: Turn, text: str) -> bool:
    """Whether the answer to an open "are you safe now?" says safe without a but ("ja hoor,
    zit nu in de personeelskamer"): then only the rules may still find danger in it, not
    the classifier, which reads "zit nu in de ..." as hiding."""
    return turn.state.safety and safety_answer(turn, text) == SAFE and not _BUT.search(text)


def hold(turn: Turn, step: Step, text: str, doubt: str) -> None:
    """Keep an answer that does not look like one until the melder confirms it."""
    turn.state.held = text
    choices = (
        Choice(HELD_KEEP, turn.tr(texts.HELD_KEEP)),
        Choice(HELD_RETYPE, turn.tr(texts.HELD_RETYPE)),
    )
    turn.say(turn.tr(doubt), choices)


def held_decision(turn: Turn, text: str) -> str | None:
    """HELD_KEEP or HELD_RETYPE for the answer to a held answer's doubt, else None."""
    if turn.incoming.choice in (HELD_KEEP, HELD_RETYPE):
        return turn.incoming.choice
    said = yes_or_no(text) if text else None
    return {"yes": HELD_KEEP, "no": HELD_RETYPE}.get(said or "")


def ask_guess(turn: Turn, step: Step, guess: Option, offered: tuple[Option, ...]) -> None:
    """ "Do you mean ...?" with the guess first and the other options after it."""
    turn.state.guess = guess.id
    label = turn.tr(guess.label)
    choices = [Choice(guess.id, turn.tr(texts.GUESS_YES))]
    choices += [Choice(o.id, turn.tr(o.label)) for o in offered if o.id != guess.id]
    turn.say(turn.tr(texts.GUESS_QUESTION, label=label), tuple(choices))
