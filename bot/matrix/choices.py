"""The live question of a direct chat, so a keycap reaction can answer it.

When the bot asks a question with choices it reacts to its own message with 1️⃣ 2️⃣ …;
a person's reaction with one of those keys to *that* message answers like typing the
number. The event id of the newest question and its choices' ids are the room's memory
(`bot.core.memory`), kept under the room's pseudonym, so a restart still knows them.
Pure: no network, no database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.core.memory import ChatMemory, partly_from
from bot.matrix.translate import KEYCAPS, keycap_number

#: The channel state's value column holds at most this many characters.
MAX_STORED = 4000


class QuestionMemory:
    """The stored format: `{"ev": event id, "ch": [choice ids], "an": event answered,
    "pa": [event, messages sent], "tn": event whose turn was committed last}`.

    `ev` None: the newest message asks nothing to choose from (free text, or no question
    yet), so no reaction answers anything."""

    kind = "choices"

    def dump(self, memory: ChatMemory) -> str:
        choices = list(memory.choices[: len(KEYCAPS)])
        partly = list(memory.partly) if memory.partly else None
        data = {
            "ev": memory.live,
            "ch": choices,
            "an": memory.answered,
            "pa": partly,
            "tn": memory.turn,
        }
        raw = json.dumps(data)
        if len(raw) > MAX_STORED:  # ids too long to keep: the numbered list still works
            raw = json.dumps(data | {"ch": []})
        return raw

    def load(self, raw: str | None) -> ChatMemory:
        if not raw:
            return ChatMemory()
        try:
            data = json.loads(raw)
            event_id = data.get("ev")
            choices = data.get("ch")
            answered = data.get("an")
            partly = partly_from(data.get("pa"))
            turn = data.get("tn")
        except (ValueError, AttributeError):
            return ChatMemory()
        answered = answered if isinstance(answered, str) else None
        turn = turn if isinstance(turn, str) else None
        if not isinstance(event_id, str) or not isinstance(choices, list):
            return ChatMemory(answered=answered, partly=partly, turn=turn)
        kept = tuple(c for c in choices if isinstance(c, str))
        return ChatMemory(live=event_id, choices=kept, answered=answered, partly=partly, turn=turn)


@dataclass(frozen=True)
class ReactionAnswer:
    """What a reaction means: the id of the chosen option, or a stale keycap, or nothing."""

    choice: str | None = None
    stale: bool = False


def answer_for(memory: ChatMemory, reacts_to: str, key: str) -> ReactionAnswer:
    """Read a person's reaction against the room's live question.

    - a keycap the bot offered, on the live question: that option;
    - a keycap on any other message: stale (the person meant an earlier question);
    - any other key (👍, a number beyond the options): nothing.
    """
    number = keycap_number(key)
    if number is None:
        return ReactionAnswer()
    if memory.live is None or reacts_to != memory.live:
        return ReactionAnswer(stale=True)
    if number > min(len(memory.choices), len(KEYCAPS)):
        return ReactionAnswer()
    return ReactionAnswer(choice=memory.choices[number - 1])
