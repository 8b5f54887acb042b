"""Delivery of the outbox (case notices, alerts, check-ins) to Matrix rooms and users.

A background task claims `matrix` messages (check-ins only inside the organisation's
delivery window), sends them and records the outcome; failures are retried with
exponential backoff and given up after `MAX_ATTEMPTS`. Logs name the outbox message id and
purpose, never the text or the address.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from bot.matrix.translate import CHANNEL, outgoing_from_payload
from dialogs.aftercare import window
from dialogs.messages import Outgoing
from dialogs.organisation import Organisation
from storage.repository import PendingMessage, Store

log = logging.getLogger(__name__)

#: Sends one outgoing message to an address (room id or user id); raises on failure.
Send = Callable[[str, Outgoing], Awaitable[None]]

MAX_ATTEMPTS = 20
BATCH = 20


def backoff(attempts: int) -> timedelta:
    """Wait before the next try: 5 s, 10 s, 20 s ... at most one hour."""
    return timedelta(seconds=min(5 * 2 ** max(attempts - 1, 0), 3600))


class OutboxSender:
    """Claims and sends the matrix outbox until stopped; `wake()` sends at once."""

    def __init__(
        self,
        store: Store,
        organisation: Organisation,
        send: Send,
        *,
        interval: float = 2.0,
        lease: timedelta = timedelta(minutes=2),
    ) -> None:
        self.store = store
        self.window = window(organisation)
        self.send = send
        self.interval = interval
        self.lease = lease
        self.delivered = 0  # messages delivered (tests wait on it)
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start the background task."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="zorgveilig-matrix-outbox")

    async def stop(self) -> None:
        """Stop the background task (a message being sent is finished or left claimed)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    def wake(self) -> None:
        """Look at the outbox now (after a turn that may have queued a notice)."""
        self._wake.set()

    async def _run(self) -> None:
        while True:
            self._wake.clear()
            try:
                sent = await self.deliver_once()
            except Exception as exc:  # the database may be briefly unavailable
                log.error("outbox delivery round failed: %s", type(exc).__name__)
                sent = 0
            if sent:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.interval)

    async def deliver_once(self) -> int:
        """Claim due messages and try each once; the number claimed."""
        pending = await asyncio.to_thread(self._claim)
        for message in pending:
            try:
                await self.send(message.address, outgoing_from_payload(message.payload))
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                give_up = message.attempts >= MAX_ATTEMPTS
                retry = None if give_up else backoff(message.attempts)
                log.warning(
                    "outbox message %d (%s) failed (%s), attempt %d%s",
                    message.id,
                    message.purpose,
                    type(exc).__name__,
                    message.attempts,
                    "; given up" if give_up else "",
                )
                await asyncio.to_thread(self._failed, message, type(exc).__name__, retry)
            else:
                await asyncio.to_thread(self._delivered, message)
                self.delivered += 1
        return len(pending)

    def _claim(self) -> list[PendingMessage]:
        with self.store.unit() as unit:
            return unit.claim_outbox(CHANNEL, limit=BATCH, lease=self.lease, window=self.window)

    def _delivered(self, message: PendingMessage) -> None:
        with self.store.unit() as unit:
            unit.mark_delivered(message.id)

    def _failed(self, message: PendingMessage, error: str, retry: timedelta | None) -> None:
        with self.store.unit() as unit:
            unit.mark_failed(message.id, error, retry_in=retry)
