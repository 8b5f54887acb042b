"""What a channel remembers per chat, in the channel state under the chat's pseudonym.

Every channel keeps the same facts: which of its messages carries the live choices (a
Telegram keyboard, a Matrix question answered by reaction) and which choices those are,
the newest message whose choices are no longer live, the platform language last passed
to the engine, and the platform message whose answer was sent last (so a message
delivered again is answered once, see `Engine.replay`), and how much of an answer of
several messages went out while it is being sent. The choices of an answer are
remembered in its turn's transaction, before the answer is sent (`pending`), so a crash
before the sent message is known leaves its choices live. Each channel writes them in its
own stored format (`MemoryFormat`), so what a running bot stored stays readable.

Several processes (or a replay beside a new turn) may answer in one chat at once, so a
write after sending changes the memory as it is then, under a row lock (`update`), and
an answer sets the live choices only while its turn is the chat's newest (`turn`): an
older answer sent again must not take the newer question's choices away.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from dialogs.messages import Outgoing
from storage.repository import Store, Unit


@dataclass(frozen=True)
class ChatMemory:
    """One chat's memory. `live` None: no known message offers choices (an answer whose
    message is not known yet may: `choices`); `before`: the newest message whose choices
    were replaced."""

    live: str | None = None
    choices: tuple[str, ...] = ()
    language: str | None = None
    answered: str | None = None
    before: str | None = None
    #: (message, n): the first n messages of the answer to that message went out, the
    #: rest not yet (a crash in between must not send those n again).
    partly: tuple[str, int] | None = None
    #: The platform message whose turn's answer was committed last (None: a greeting, or
    #: a memory stored before this was kept).
    turn: str | None = None

    def pending(self, messages: Sequence[Outgoing], turn: str | None) -> ChatMemory:
        """The answer to message `turn` is committed, not yet sent: its choices are live,
        the live message's are not."""
        choices: tuple[str, ...] = ()
        for outgoing in messages:
            if outgoing.choices:
                choices = tuple(c.id for c in outgoing.choices)
        before = self.live or self.before
        return replace(self, live=None, choices=choices, before=before, turn=turn)

    def went_live(self, live: str | None, choices: tuple[str, ...]) -> ChatMemory:
        """A message was sent; `live`: the one of it with choices, if any."""
        replaced = self.live if self.live is not None and self.live != live else self.before
        return replace(self, live=live, choices=choices, before=replaced)


def partly_from(value: object) -> tuple[str, int] | None:
    """`partly` as stored (`[message, n]`), or None when it is not that."""
    if isinstance(value, list) and len(value) == 2:
        message, count = value
        if isinstance(message, str) and isinstance(count, int) and count > 0:
            return message, count
    return None


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

    def update(
        self, chat_id: str, change: Callable[[ChatMemory], ChatMemory | None]
    ) -> ChatMemory | None:
        """Change the chat's memory as it is now, read under a row lock and written in the
        same transaction; what was written (None: `change` left it as it was)."""
        with self.store.unit() as unit:
            current = self.read(unit, chat_id, lock=True)
            changed = change(current)
            if changed is None or changed == current:
                return None
            self.write(unit, chat_id, changed)
            return changed

    def get(self, chat_id: str) -> ChatMemory:
        with self.store.unit() as unit:
            return self.read(unit, chat_id)

    def read(self, unit: Unit, chat_id: str, *, lock: bool = False) -> ChatMemory:
        """The chat's memory, in a unit of work the caller holds (`lock`: to change it)."""
        key = self._key(chat_id)
        return self.stored.load(unit.chat_value(self.channel, self.stored.kind, key, lock=lock))

    def write(self, unit: Unit, chat_id: str, memory: ChatMemory) -> None:
        """Remember, in a unit of work the caller holds (a turn's)."""
        value = self.stored.dump(memory)
        unit.set_chat_value(self.channel, self.stored.kind, self._key(chat_id), value)
