"""How the Telegram channel stores a private chat's memory (`bot.core.memory`): the
message whose keyboard is live and its choices, the newest message whose keyboard was
replaced, the Telegram language last passed to the engine (so a switch typed in the chat
holds), and the update whose answer was sent last; and which presses that memory takes."""

from __future__ import annotations

import json

from bot.core.memory import ChatMemory, partly_from

#: The channel state's value column holds at most this many characters.
MAX_STORED = 4000


class KeyboardMemory:
    """The stored format: `{"kb": message id, "ch": [choice ids], "bf": message id,
    "lc": language, "an": update, "pa": [update, messages sent], "tn": update}` (`ch`,
    `bf` and `pa` since issue 15, `tn` since 2026-12; older rows lack them)."""

    kind = "chat"

    def dump(self, memory: ChatMemory) -> str:
        data = {
            "kb": _number(memory.live),
            "ch": list(memory.choices),
            "bf": _number(memory.before),
            "lc": memory.language,
            "an": memory.answered,
            "pa": list(memory.partly) if memory.partly else None,
            "tn": memory.turn,
        }
        raw = json.dumps(data)
        if len(raw) > MAX_STORED:  # ids too long to keep: only the live message takes
            raw = json.dumps(data | {"ch": []})
        return raw

    def load(self, raw: str | None) -> ChatMemory:
        if not raw:
            return ChatMemory()
        try:
            data = json.loads(raw)
            keyboard, before = data.get("kb"), data.get("bf")
            language, answered = data.get("lc"), data.get("an")
            choices = data.get("ch") or []
            partly = partly_from(data.get("pa"))
            turn = data.get("tn")
        except (ValueError, AttributeError):
            return ChatMemory()
        return ChatMemory(
            live=str(keyboard) if isinstance(keyboard, int) else None,
            choices=tuple(c for c in choices if isinstance(c, str))
            if isinstance(choices, list)
            else (),
            language=language if isinstance(language, str) else None,
            answered=answered if isinstance(answered, str) else None,
            before=str(before) if isinstance(before, int) else None,
            partly=partly,
            turn=turn if isinstance(turn, str) else None,
        )


def takes_press(memory: ChatMemory, message_id: int, choice: str) -> bool:
    """Whether a press on this message answers the live question: on the live keyboard,
    or with one of the live choices on a keyboard newer than the last one replaced (the
    answer's keyboard when its sending was cut off by a crash, or sent again after one).
    Telegram numbers a chat's messages in order."""
    if memory.live == str(message_id):
        return True
    if choice not in memory.choices:
        return False
    newest_replaced = memory.before if memory.before is not None else memory.live
    return newest_replaced is None or message_id > int(newest_replaced)


def _number(message_id: str | None) -> int | None:
    return int(message_id) if message_id is not None and message_id.isdigit() else None
