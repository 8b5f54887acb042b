"""An answer sent again after a crash, while the melder already went on.

The process that committed a turn died after its answer reached the melder and before it
recorded that; the melder answered the question, and another process handles that while
Telegram delivers the first message again. The older answer sent again must not take the
newer question's buttons away: that press was once refused as "belongs to an earlier
question" in the several-processes crash test, and the melder was left without an
answer.
"""

from __future__ import annotations

import asyncio
import itertools

import pytest

from bot.core.memory import ChatMemory
from bot.core.turns import ChannelParts, TurnRunner
from bot.runtime import Runtime
from bot.telegram.memory import KeyboardMemory, takes_press
from dialogs.messages import Incoming, Outgoing

CHAT = "2000001"
DESCRIPTION = "Hij stuurde: 'ik weet waar je woont, pas maar op'."


class KilledError(Exception):
    """The process died right after the platform took a message."""


class Chat:
    """A Telegram chat as the runner sees it: numbered messages, a send that can die
    after the platform took it, and a send that can wait."""

    def __init__(self) -> None:
        self.numbers = itertools.count(100)
        self.sent: list[tuple[str, Outgoing]] = []
        self.die_after_next = False
        self.hold: asyncio.Event | None = None

    async def send(
        self, chat_id: str, outgoing: Outgoing, *, tries: int, txn_id: str | None = None
    ) -> str | None:
        hold, self.hold = self.hold, None  # the next send alone waits
        if hold is not None:
            await hold.wait()
        number = str(next(self.numbers))
        self.sent.append((number, outgoing))
        if self.die_after_next:
            self.die_after_next = False
            raise KilledError
        return number if outgoing.choices else None

    async def went_live(self, chat_id: str, memory: ChatMemory) -> None:
        pass

    async def chat_for(self, address: str) -> str:
        return address

    def keyboard(self) -> tuple[str, tuple[str, ...]]:
        """The newest message with buttons and their choices."""
        number, outgoing = next((n, o) for n, o in reversed(self.sent) if o.choices)
        return number, tuple(c.id for c in outgoing.choices)


def message(number: int, text: str = "", choice: str | None = None) -> Incoming:
    return Incoming(
        channel="telegram",
        chat_id=CHAT,
        user_id=CHAT,
        text=text,
        choice=choice,
        message_id=f"{CHAT}:{number}",
    )


def test_an_older_answer_sent_again_leaves_the_newest_buttons_live(runtime: Runtime) -> None:
    chat = Chat()
    runner = TurnRunner(runtime, chat, ChannelParts("telegram", KeyboardMemory()))

    async def main() -> None:
        await runner.converse(message(1, text="/start"), start=True)
        menu, choices = chat.keyboard()
        assert "online" in choices
        # The answer to the press reaches the melder; the process dies before recording it.
        chat.die_after_next = True
        with pytest.raises(KilledError):
            await runner.converse(message(2, choice="online"))
        asked = len(chat.sent)
        # Telegram delivers the press again to another process, whose send of the answer
        # is slow; meanwhile the melder answers the question they saw.
        chat.hold = hold = asyncio.Event()
        again = asyncio.create_task(runner.converse(message(2, choice="online")))
        while chat.hold is not None:  # until the answer sent again waits in its send
            await asyncio.sleep(0.01)
        await runner.converse(message(3, text=DESCRIPTION))
        hold.set()
        await again
        newest, choices = next(
            (n, tuple(c.id for c in o.choices))
            for n, o in reversed(chat.sent[asked:])
            if o.choices and "yesterday" in {c.id for c in o.choices}
        )
        memory = await runner.memory(CHAT)
        assert takes_press(memory, int(newest), "yesterday"), "the newest question's buttons work"
        assert not takes_press(memory, int(menu), "online"), "the menu's press is stale"
        # Delivered once more now: the melder went on, so nothing is sent again.
        before = len(chat.sent)
        await runner.converse(message(2, choice="online"))
        assert len(chat.sent) == before
        await runner.converse(message(4, choice="yesterday"))
        assert "yesterday" not in chat.keyboard()[1], "the press was taken: the next question"

    asyncio.run(main())
