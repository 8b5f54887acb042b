"""A wish to give up the report in other words ("laat maar, het was eigenlijk ook niet zo
erg", "please cancel, she apologised already"): asked back before the draft is deleted.

A command ("stop", "ik stop ermee") stops at once; these words are likely but not sure
enough to delete what the melder wrote, so "Wil je stoppen met deze melding?" comes first.
No keeps the words: a message with enough besides the wish is taken as the answer it
may also be; a bare wish asks the question again.
"""

from __future__ import annotations

import re

from dialogs import texts
from dialogs.answers import answer
from dialogs.asides import yes_or_no
from dialogs.flow import StepKind
from dialogs.guards import GUARDS
from dialogs.messages import Choice
from dialogs.navigation import cancel, reprompt
from dialogs.turn import Turn
from nlu.phrases import tokens

__all__ = ["STOP_NO", "STOP_YES", "ask_to_stop", "stop_answer"]

STOP_YES, STOP_NO = "stop_yes", "stop_no"
#: Words besides the wish that make the message an answer as well ("laat maar, hij is
#: weer rustig en ik wil het eerst met mijn team bespreken" at the story question).
_ANSWER_WORDS = 6


def ask_to_stop(turn: Turn, text: str) -> bool:
    """At a question of a report that asks for words, ask "do you want to stop?" when the
    message most likely says so; False when it does not."""
    step = turn.step
    if turn.flow is None or turn.flow.kind is None or step is None:
        return False
    if turn.contact is not None:
        return False
    if step.kind is not StepKind.TEXT and not GUARDS.asks_to_stop(text):
        return False  # at a choice, only "kan ik stoppen?": other words choose
    if GUARDS.stop_wish(text) is None:
        return False
    turn.state.stopping = text
    choices = (Choice(STOP_YES, turn.tr(texts.STOP_YES)), Choice(STOP_NO, turn.tr(texts.STOP_NO)))
    turn.say(turn.tr(texts.STOP_CONFIRM), choices)
    return True


def stop_answer(turn: Turn, text: str) -> bool:
    """The answer to "do you want to stop?": yes stops the report, no goes on (keeping
    the words when they also answer the question). False when the message is about
    something else: it is then taken as it comes."""
    words, turn.state.stopping = turn.state.stopping, None
    choice = turn.incoming.choice
    said = _yes_or_no(text) if text and choice is None else None
    if choice == STOP_YES or said == "yes" or (choice is None and GUARDS.command(text) == "stop"):
        cancel(turn)
        return True
    if choice != STOP_NO and said != "no":
        return False
    turn.say(turn.tr(texts.STOP_GOING_ON))
    if choice is None and _told(text):
        answer(turn, _OPENING.sub("", text))  # "nee, een bezoeker schopte me ...": the answer
    elif words and (GUARDS.stop_wish(words) or 0) >= _ANSWER_WORDS:
        answer(turn, words)
    else:
        reprompt(turn)
    return True


def _yes_or_no(text: str) -> str | None:
    """A yes or no as the whole answer, or as its first word ("no keep going")."""
    said = yes_or_no(text)
    if said is None and (first := tokens(text)[:1]):
        said = yes_or_no(first[0])
    return said


def _told(text: str) -> bool:
    """Whether a no says more than "go on": words enough to answer the question ("nee, een
    bezoeker schopte me gisteren bij de balie")."""
    rest = _GO_ON.sub(" ", text)
    return sum(w not in GUARDS.filler for w in tokens(rest)) >= _TOLD_WORDS


#: The words of a no that only ask to go on.
_GO_ON = re.compile(
    r"(?i)\b(?:ga|gaan|gewoon)?\s*(?:maar\s+)?(?:door|verder)\b|\bkeep\s+going\b|\bgo\s+on\b"
    r"|\bcarry\s+on\b|\bcontinue\b(?:\s+with\s+(?:the|my|this)\s+report)?"
)
#: The no and the wish to go on that open such an answer: not part of it.
_OPENING = re.compile(
    r"(?i)^\W*(?:nee+|neen|no+|nope)\b[\s,.!:]*(?:(?:ga\s+)?(?:maar\s+)?(?:door|verder)"
    r"|keep\s+going|go\s+on|carry\s+on)?[\s,.!:]*"
)
#: Content words after a no that make it an answer too (a story in a few words).
_TOLD_WORDS = 3
