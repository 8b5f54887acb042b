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

from bot.core.records import record
from bot.core.threads import in_thread
from storage.inbox import InboxEntry, InboxItem
from storage.repository import Store

log = logging.getLogger(__name__)

#: Hands a never-handled update back to the channel (which handles it as if new).
Handle = Callable[[InboxEntry], Awaitable[None]]
#: Sends the stored answer to a handled message again if it never went out.
Replay = Callable[[str, str], Awaitable[None]]


class Inbox:
    """One channel's durable intake (each call its own transaction, in a worker thread).

    `holder`: the key of this process (`storage.locks.Presence`): what it takes in is
    its own until it answers it or dies; what a dead process held is taken over."""

    def __init__(
        self,
        channel: str,
        store: Store,
        holder: int,
        *,
        lease: timedelta = timedelta(minutes=5),
    ):
        self.channel = channel
        self.store = store
        self.holder = holder
        self.lease = lease
        #: Updates taken over whose turn committed: their answers wait for `replay_lost`.
        self._lost: list[InboxEntry] = []
        #: Nothing of this channel is in progress in this process before its first take-over.
        self._starting = True

    async def keep(self, items: Sequence[InboxItem]) -> set[str]:
        """Store updates before acknowledging them; the ids not stored before."""
        if not items:
            return set()
        return set(await in_thread(self._keep, items))

    def _keep(self, items: Sequence[InboxItem]) -> list[str]:
        with self.store.unit() as unit:
            return unit.store_inbox(self.channel, items, holder=self.holder, lease=self.lease)

    async def done(self, message_id: str) -> None:
        """The update is answered (or needs no answer): only its id stays."""
        await record(self._done, [message_id])

    def _done(self, message_ids: Sequence[str]) -> None:
        with self.store.unit() as unit:
            unit.finish_inbox(self.channel, message_ids)

    async def take_over(self, handle: Handle) -> int:
        """Take what a stopped or dead process left (this one's past life included) and
        hand its unhandled updates to `handle`, in order; lost answers wait for
        `replay_lost`. How many updates were taken over."""
        entries = await in_thread(self._claim, self._starting)
        self._starting = False
        unhandled = [entry for entry in entries if entry.update is not None]
        self._lost.extend(entry for entry in entries if entry.update is None)
        for entry in unhandled:
            await handle(entry)
        if entries:
            log.warning(
                "%s: took over %d update(s) a stop or crash left, %d not handled yet",
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
        lost, self._lost = self._lost, []
        if not lost:
            return 0
        newest: dict[str, int] = {}
        for entry in [*lost, *await in_thread(self._open)]:
            if entry.chat is not None:
                newest[entry.chat] = max(newest.get(entry.chat, entry.seq), entry.seq)
        again = [e for e in lost if e.chat is not None and newest[e.chat] == e.seq]
        passed = [e.message_id for e in lost if e not in again]
        if passed:
            await in_thread(self._done, passed)
        await asyncio.gather(*(self._replay(entry, replay) for entry in again))
        if again:
            log.warning("%s: %d lost answer(s) sent again", self.channel, len(again))
        return len(again)

    async def sweep(self, handle: Handle, replay: Replay) -> int:
        """Take over what a process that died meanwhile left, and answer it (several
        processes share the channel); how many updates were taken over."""
        taken = await self.take_over(handle)
        await self.replay_lost(replay)
        return taken

    def _claim(self, starting: bool) -> list[InboxEntry]:
        with self.store.unit() as unit:
            return unit.claim_inbox(
                self.channel, holder=self.holder, lease=self.lease, starting=starting
            )

    def _open(self) -> list[InboxEntry]:
        with self.store.unit() as unit:
            return unit.open_inbox_entries(self.channel)

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
