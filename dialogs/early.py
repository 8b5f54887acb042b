"""Answers given before their question: "anoniem aub" typed while the bot asks how the melder
is doing. The wish is kept (the anonymity question is then skipped, as for a fact from the
story) and the open question is asked again, instead of "I don't understand"."""

from __future__ import annotations

from dialogs import texts
from dialogs.flow import Step
from dialogs.navigation import prompt
from dialogs.turn import Turn
from nlu.anonymity import wish_in_story

__all__ = ["early_answer"]

_SLOT = "anonymous"
#: Steps where such words are their own answer or a change to check (the story is read for
#: facts as a whole: "iemand belt mij steeds anoniem" is about the caller).
_NOT_AT = frozenset({_SLOT, "reporter_name"})
#: A wish said in passing is short; a longer message is about something else.
_MAX_WORDS = 10


def early_answer(turn: Turn, step: Step, text: str) -> bool:
    """Keep the anonymity wish said at another question of a report and ask that question
    again; False when the message is not such a wish. The story's rules decide, negation
    included: "niet anoniem" is a wish to be named; "wat betekent anoniem?" and "een anoniem
    nummer" (the handle asked for) are none."""
    flow = turn.flow
    if turn.incoming.choice is not None or not text or flow is None or flow.kind is None:
        return False
    if step.slot in _NOT_AT or step.review or step.story or len(text.split()) > _MAX_WORDS:
        return False
    if not any(s.slot == _SLOT for s in flow.steps):
        return False
    if _SLOT in turn.slots or _SLOT in turn.state.prefill:
        return False
    said = wish_in_story(text)
    if said is None:
        return False
    anonymous = said[0] == "anonymous"
    turn.state.prefill[_SLOT] = anonymous
    turn.say(turn.tr(texts.EARLY_ANONYMOUS if anonymous else texts.EARLY_NAMED))
    prompt(turn, step, again=True)
    return True
