"""How the Telegram channel stores a private chat's memory (`bot.core.memory`): the
message whose keyboard is live, the Telegram language last passed to the engine (so a
switch typed in the chat holds), and the update whose answer was sent last."""

from __future__ import annotations

import json

from bot.core.memory import ChatMemory


class KeyboardMemory:
    """The stored format: `{"kb": message id, "lc": language, "an": update}`."""

    kind = "chat"

    def dump(self, memory: ChatMemory) -> str:
        keyboard = int(memory.live) if memory.live is not None else None
        return json.dumps({"kb": keyboard, "lc": memory.language, "an": memory.answered})

    def load(self, raw: str | None) -> ChatMemory:
        if not raw:
            return ChatMemory()
        try:
            data = json.loads(raw)
            keyboard = data.get("kb")
            language = data.get("lc")
            answered = data.get("an")
        except (ValueError, AttributeError):
            return ChatMemory()
        return ChatMemory(
            live=str(keyboard) if isinstance(keyboard, int) else None,
            language=language if isinstance(language, str) else None,
            answered=answered if isinstance(answered, str) else None,
        )
