"""Answers given before their question: "anoniem aub" typed while the bot asks how the melder
is doing. The wish is kept (the anonymity question is then skipped, as for a fact from the
story) and the open question is asked again, instead of "I don't understand"."""

from __future__ import annotations

import re

from dialogs import texts
from dialogs.flow import Step
from dialogs.navigation import prompt
from dialogs.turn import Turn

__all__ = ["early_answer"]

#: Intents that answer the anonymity question, and the answer each gives.
_ANONYMITY = {"want_anonymous": True, "want_named": False}
_SLOT = "anonymous"
#: Steps where such words are their own answer or a change to check.
_NOT_AT = frozenset({_SLOT, "reporter_name"})
#: Words one of which the wish names: the classifier alone takes "I don't know" for one.
_WORDS = re.compile(r"\b(?:anoni\w*|anon|naam|name|identiteit|identity|wie ik ben|who i am)\b")
#: A wish said in passing is short; a longer message is about something else.
_MAX_WORDS = 10


def early_answer(turn: Turn, step: Step, text: str) -> bool:
    """Keep the anonymity wish said at another question of a report and ask that question
    again; False when the message is not such a wish."""
    flow, parse = turn.flow, turn.parse
    if turn.incoming.choice is not None or not text or flow is None or flow.kind is None:
        return False
    if step.slot in _NOT_AT or step.review or len(text.split()) > _MAX_WORDS:
        return False
    if parse is None or parse.intent.confidence < turn.env.config.nlu_threshold:
        return False
    if _WORDS.search(text.lower()) is None:
        return False
    wish = _ANONYMITY.get(parse.intent.name)
    if wish is None or not any(s.slot == _SLOT for s in flow.steps):
        return False
    if _SLOT in turn.slots or _SLOT in turn.state.prefill:
        return False
    turn.state.prefill[_SLOT] = wish
    turn.say(turn.tr(texts.EARLY_ANONYMOUS if wish else texts.EARLY_NAMED))
    prompt(turn, step, again=True)
    return True
