"""What a channel remembers per chat, in the channel state under the chat's pseudonym.

Every channel keeps the same facts: which of its messages carries the live choices (a
Telegram keyboard, a Matrix question answered by reaction), the platform language last
passed to the engine, and the platform message whose answer was sent last (so a message
delivered again is answered once, see `Engine.replay`). Each channel writes them in its
own stored format (`MemoryFormat`), so what a running bot stored stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from storage.repository import Store


@dataclass(frozen=True)
class ChatMemory:
    """One chat's memory. `live` None: no message offers choices to press or react to."""

    live: str | None = None
    choices: tuple[str, ...] = ()
    language: str | None = None
    answered: str | None = None


class MemoryFormat(Protocol):
    """How one channel stores a chat's memory: the kind of chat value, and the value."""

    kind: str

    def dump(self, memory: ChatMemory) -> str: ...

    def load(self, raw: str | None) -> ChatMemory: ...


class ChatMemories:
    """Read and write chats' memories of one channel (each call its own transaction)."""

    def __init__(self, channel: str, store: Store, stored: MemoryFormat) -> None:
        self.channel = channel
        self.store = store
        self.stored = stored

    def _key(self, chat_id: str) -> str:
        return self.store.pseudonym(self.channel, chat_id)

    def get(self, chat_id: str) -> ChatMemory:
        with self.store.unit() as unit:
            raw = unit.chat_value(self.channel, self.stored.kind, self._key(chat_id))
            return self.stored.load(raw)

    def put(self, chat_id: str, memory: ChatMemory) -> None:
        with self.store.unit() as unit:
            value = self.stored.dump(memory)
            unit.set_chat_value(self.channel, self.stored.kind, self._key(chat_id), value)
