"""The live question of a direct chat, so a keycap reaction can answer it.

When the bot asks a question with choices it reacts to its own message with 1️⃣ 2️⃣ …;
a person's reaction with one of those keys to *that* message answers like typing the
number. The event id of the newest question and its choices' ids are kept per room in the
channel state (under the room's pseudonym), so a restart still knows them. Pure: no
network, no database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.matrix.translate import KEYCAPS, keycap_number

#: The channel state row of a room's live question: this prefix plus the room's pseudonym.
NAME_PREFIX = "choices:"
#: The channel state's value column holds at most this many characters.
MAX_STORED = 4000


@dataclass(frozen=True)
class LiveChoices:
    """The bot's newest question in a room: its event and the ids of its first ten choices.

    `event_id` None: the newest message asks nothing to choose from (free text, or no
    question yet), so no reaction answers anything. `answered`: the event whose answer
    this question is (so a redelivered event is answered once, see `Engine.replay`).
    """

    event_id: str | None = None
    choices: tuple[str, ...] = ()
    answered: str | None = None

    @classmethod
    def of(cls, event_id: str, choice_ids: tuple[str, ...]) -> LiveChoices:
        """The question just sent; choices beyond the tenth are only answered by typing."""
        return cls(event_id, choice_ids[: len(KEYCAPS)])

    def dump(self) -> str:
        raw = json.dumps({"ev": self.event_id, "ch": list(self.choices), "an": self.answered})
        if len(raw) > MAX_STORED:  # ids too long to keep: the numbered list still works
            raw = json.dumps({"ev": self.event_id, "ch": [], "an": self.answered})
        return raw

    @classmethod
    def load(cls, raw: str | None) -> LiveChoices:
        if not raw:
            return cls()
        try:
            data = json.loads(raw)
            event_id = data.get("ev")
            choices = data.get("ch")
            answered = data.get("an")
        except (ValueError, AttributeError):
            return cls()
        answered = answered if isinstance(answered, str) else None
        if not isinstance(event_id, str) or not isinstance(choices, list):
            return cls(answered=answered)
        return cls(event_id, tuple(c for c in choices if isinstance(c, str)), answered)


@dataclass(frozen=True)
class ReactionAnswer:
    """What a reaction means: the id of the chosen option, or a stale keycap, or nothing."""

    choice: str | None = None
    stale: bool = False


def answer_for(live: LiveChoices, reacts_to: str, key: str) -> ReactionAnswer:
    """Read a person's reaction against the room's live question.

    - a keycap the bot offered, on the live question: that option;
    - a keycap on any other message: stale (the person meant an earlier question);
    - any other key (👍, a number beyond the options): nothing.
    """
    number = keycap_number(key)
    if number is None:
        return ReactionAnswer()
    if live.event_id is None or reacts_to != live.event_id:
        return ReactionAnswer(stale=True)
    if number > len(live.choices):
        return ReactionAnswer()
    return ReactionAnswer(choice=live.choices[number - 1])
