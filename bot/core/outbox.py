"""Delivery of the outbox for a messenger channel: one loop, shared by every channel.

A background task claims the channel's due messages (the store applies the quiet hours),
sends each through the channel's `send`, and records the outcome. What a failure means is
the channel's to say (`classify`): retry after a backoff, give up, or also pause the rest
of the round (a rate limit). Logs name the outbox message id and purpose, never the text or
the address.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from dialogs.messages import Outgoing, outgoing_from_payload
from storage.repository import PendingMessage, Store

log = logging.getLogger(__name__)

#: Sends one outgoing message to an address; raises on failure.
Send = Callable[[str, Outgoing], Awaitable[None]]

MAX_ATTEMPTS = 20
BATCH = 20


def backoff(attempts: int) -> timedelta:
    """Wait before the next try: 5 s, 10 s, 20 s ... at most one hour."""
    return timedelta(seconds=min(5 * 2 ** max(attempts - 1, 0), 3600))


@dataclass(frozen=True)
class Failure:
    """What to do after a failed send: retry after `retry_in` (None: give up); with `pause`,
    also postpone the rest of this round and wait that long (the service asked us to)."""

    retry_in: timedelta | None
    pause: timedelta | None = None


def retry_with_backoff(message: PendingMessage, exc: Exception) -> Failure:
    """The default: back off, and give up after `MAX_ATTEMPTS`."""
    give_up = message.attempts >= MAX_ATTEMPTS
    return Failure(None if give_up else backoff(message.attempts))


#: What a failed send means for the message (a channel's own rules, or the default).
Classify = Callable[[PendingMessage, Exception], Failure]


class OutboxLoop:
    """Claims and sends one channel's outbox until stopped; `wake()` sends at once."""

    def __init__(
        self,
        channel: str,
        store: Store,
        send: Send,
        *,
        classify: Classify = retry_with_backoff,
        interval: float = 2.0,
        lease: timedelta = timedelta(minutes=2),
    ) -> None:
        self.channel = channel
        self.store = store
        self.send = send
        self.classify = classify
        self.interval = interval
        self.lease = lease
        self.delivered = 0  # messages delivered (tests wait on it)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def start(self) -> None:
        """Start the background task."""
        if self._task is None:
            self._stopping = False
            name = f"zorgveilig-{self.channel}-outbox"
            self._task = asyncio.create_task(self._run(), name=name)

    async def stop(self, grace: float = 5.0) -> None:
        """Stop: the message being sent is finished (at most `grace` seconds); one not
        marked stays claimed until its lease runs out and is sent again then."""
        task, self._task = self._task, None
        if task is None:
            return
        # A flag, not only cancel(): in Python 3.11 `wait_for` can swallow a cancellation
        # that arrives just as its inner wait finishes, which would keep the loop running.
        self._stopping = True
        self._wake.set()
        done, _ = await asyncio.wait({task}, timeout=grace)
        if not done:
            task.cancel()
            await asyncio.wait({task}, timeout=grace)

    def wake(self) -> None:
        """Look at the outbox now (after a turn that may have queued a notice)."""
        self._wake.set()

    async def _run(self) -> None:
        while not self._stopping:
            self._wake.clear()
            try:
                sent = await self.deliver_once()
            except Exception as exc:  # the database may be briefly unavailable
                log.error("outbox delivery round failed: %s", type(exc).__name__)
                sent = 0
            if sent or self._stopping:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.interval)

    async def deliver_once(self) -> int:
        """Claim due messages and try each once; the number claimed."""
        pending = await asyncio.to_thread(self._claim)
        for index, message in enumerate(pending):
            try:
                await self.send(message.address, outgoing_from_payload(message.payload))
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                failure = self.classify(message, exc)
                log.warning(
                    "outbox message %d (%s) failed (%s), attempt %d%s",
                    message.id,
                    message.purpose,
                    type(exc).__name__,
                    message.attempts,
                    "; given up" if failure.retry_in is None else "",
                )
                if failure.pause is not None:
                    for later in pending[index:]:
                        await asyncio.to_thread(self._failed, later, "paused", failure.pause)
                    await asyncio.sleep(min(failure.pause.total_seconds(), 60))
                    return len(pending)
                await asyncio.to_thread(self._failed, message, type(exc).__name__, failure.retry_in)
            else:
                await asyncio.to_thread(self._delivered, message)
                self.delivered += 1
        return len(pending)

    def _claim(self) -> list[PendingMessage]:
        with self.store.unit() as unit:
            return unit.claim_outbox(self.channel, limit=BATCH, lease=self.lease)

    def _delivered(self, message: PendingMessage) -> None:
        with self.store.unit() as unit:
            unit.mark_delivered(message.id)

    def _failed(self, message: PendingMessage, error: str, retry: timedelta | None) -> None:
        with self.store.unit() as unit:
            unit.mark_failed(message.id, error, retry_in=retry)
