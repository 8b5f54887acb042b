"""Care for a melder who shows distress: a human answer, the crisis numbers when it is that
serious, and "are you safe now?" before the flow goes on (DESIGN.md §8).

A distress message that answers nothing gets it at once (dialogs/asides.py); distress told
in the story of what happened ("ik zit nu in de auto te trillen") gets it right after the
story, before the next question.
"""

from __future__ import annotations

from dialogs import texts
from dialogs.guards import GUARDS
from dialogs.messages import Choice
from dialogs.turn import Turn

__all__ = ["SAFE", "UNSAFE", "ask_safety", "asked_after_story", "note_story", "safety_first"]

SAFE, UNSAFE = "safe", "unsafe"
#: `ConversationState.troubled` once "are you safe now?" was asked after the story.
ASKED = "asked"


def ask_safety(turn: Turn, *, crisis: bool, story: bool = False) -> None:
    """Say we care (about what the story told, or the words just written), give the crisis
    numbers when it is that serious, and ask about safety."""
    turn.say(turn.tr(texts.STORY_CARE if story else texts.CARE))
    if crisis:
        turn.say(turn.tr(texts.CRISIS_NUMBERS))
    choices = (Choice(SAFE, turn.tr(texts.SAFETY_YES)), Choice(UNSAFE, turn.tr(texts.SAFETY_NO)))
    turn.say(turn.tr(texts.SAFETY_QUESTION), choices)
    turn.state.safety = True


def note_story(turn: Turn, text: str) -> None:
    """Remember distress the melder told about themselves in their story, so that the next
    question waits for "are you safe now?"."""
    if turn.contact is None:
        turn.state.troubled = GUARDS.distress_in_story(text)


def safety_first(turn: Turn) -> bool:
    """Ask "are you safe now?" instead of the next question when the story showed distress
    (once); False when it did not."""
    kind = turn.state.troubled
    if kind is None or kind == ASKED:
        return False
    turn.state.troubled = ASKED
    ask_safety(turn, crisis=kind == "suicidal", story=True)
    return True


def asked_after_story(turn: Turn) -> bool:
    """Whether the open "are you safe now?" came after a story, before the next question
    was shown (the flag is cleared: it is asked once)."""
    asked = turn.state.troubled == ASKED
    turn.state.troubled = None
    return asked
