"""At-least-once intake for a channel: keep each update before acknowledging it, finish
it once answered, and drain what a crash left on start.

The channel stores a batch (`keep`) before it tells the platform it has it; handling
runs from there. A turn voids the update's content in its own transaction (storage's
`claim_message`); the channel calls `done` when the answer went out. What is left on
start is either an update never handled, handed back to the channel (`drain`), or one
whose turn committed but whose answer may not have arrived: its stored answer is sent
again (`replay_lost`, through `TurnRunner.replay`, which stays quiet when it did
arrive), after the channel stored what the platform still held.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import timedelta

from storage.inbox import InboxEntry, InboxItem
from storage.repository import Store

log = logging.getLogger(__name__)

#: Hands a never-handled update back to the channel (which handles it as if new).
Handle = Callable[[InboxEntry], Awaitable[None]]
#: Sends the stored answer to a handled message again if it never went out.
Replay = Callable[[str, str], Awaitable[None]]


class Inbox:
    """One channel's durable intake (each call its own transaction, in a worker thread)."""

    def __init__(self, channel: str, store: Store, *, lease: timedelta = timedelta(minutes=5)):
        self.channel = channel
        self.store = store
        self.lease = lease

    async def keep(self, items: Sequence[InboxItem]) -> set[str]:
        """Store updates before acknowledging them; the ids not stored before."""
        if not items:
            return set()
        return set(await asyncio.to_thread(self._keep, items))

    def _keep(self, items: Sequence[InboxItem]) -> list[str]:
        with self.store.unit() as unit:
            return unit.store_inbox(self.channel, items, lease=self.lease)

    async def done(self, message_id: str) -> None:
        """The update is answered (or needs no answer): only its id stays."""
        await asyncio.to_thread(self._done, [message_id])

    def _done(self, message_ids: Sequence[str]) -> None:
        with self.store.unit() as unit:
            unit.finish_inbox(self.channel, message_ids)

    async def drain(self, handle: Handle, *, steal: bool = True) -> int:
        """Hand what a stop or crash left unhandled to `handle`, in order; lost answers wait
        for `replay_lost`. `steal`: also updates another process held (the only process
        of this channel starts). How many updates were left."""
        entries = await asyncio.to_thread(self._claim, steal)
        unhandled = [entry for entry in entries if entry.update is not None]
        for entry in unhandled:
            await handle(entry)
        if entries:
            log.warning(
                "%s: %d update(s) left by a stop or crash, %d not handled yet",
                self.channel,
                len(entries),
                len(unhandled),
            )
        return len(entries)

    async def replay_lost(self, replay: Replay) -> int:
        """Send again the answers a crash may have lost (chats in parallel), once what the
        platform still held is in the inbox too: only a chat's newest message is answered
        again, since a newer one shows the person went on (and its answer follows). How
        many were sent again."""
        entries = await asyncio.to_thread(self._claim, True)
        newest: dict[str, InboxEntry] = {}
        for entry in entries:
            newest[entry.chat or ""] = entry
        again = [e for e in newest.values() if e.update is None and e.chat]
        passed = [e.message_id for e in entries if e.update is None and e not in again]
        if passed:
            await asyncio.to_thread(self._done, passed)
        await asyncio.gather(*(self._replay(entry, replay) for entry in again))
        if again:
            log.warning("%s: %d lost answer(s) sent again", self.channel, len(again))
        return len(again)

    def _claim(self, steal: bool) -> list[InboxEntry]:
        with self.store.unit() as unit:
            return unit.claim_inbox(self.channel, lease=self.lease, steal=steal)

    async def _replay(self, entry: InboxEntry, replay: Replay) -> None:
        assert entry.chat is not None
        try:
            await replay(entry.chat, entry.message_id)
        except Exception as exc:  # one chat's failure must not hold the others
            error = type(exc).__name__
            log.error("%s: a lost answer could not be sent: %s", self.channel, error)
            return
        await self.done(entry.message_id)

    def open(self) -> int:
        """Updates not answered yet (tests, status)."""
        with self.store.unit() as unit:
            return unit.open_inbox(self.channel)
