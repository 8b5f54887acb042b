"""Delivery of the outbox (case notices, acute alerts) to Telegram chats.

A background task claims `telegram` messages, sends them, and records the outcome. Errors
are retried with exponential backoff; Telegram's flood limits are kept by PTB's
`AIORateLimiter` and a `RetryAfter` postpones the message by the time Telegram asks; a
blocked bot (403) or an impossible request (400, such as an unknown chat) is recorded and
not retried. Logs name the outbox message id and purpose, never the text or the chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta

from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from bot.telegram.translate import CHANNEL, outgoing_from_payload
from dialogs.messages import Outgoing
from storage.repository import PendingMessage, Store

log = logging.getLogger(__name__)

#: Sends one outgoing message to a chat address; returns nothing, raises TelegramError.
Send = Callable[[str, Outgoing], Awaitable[None]]

MAX_ATTEMPTS = 20
BATCH = 20


def backoff(attempts: int) -> timedelta:
    """Wait before the next try: 5 s, 10 s, 20 s ... at most one hour."""
    return timedelta(seconds=min(5 * 2 ** max(attempts - 1, 0), 3600))


def retry_after(exc: RetryAfter) -> timedelta:
    """The wait Telegram asked for (read without PTB's int/timedelta deprecation shim)."""
    value = exc._retry_after
    return value if isinstance(value, timedelta) else timedelta(seconds=float(value))


class OutboxSender:
    """Claims and sends the telegram outbox until stopped; `wake()` sends at once."""

    def __init__(
        self,
        store: Store,
        send: Send,
        *,
        interval: float = 2.0,
        lease: timedelta = timedelta(minutes=2),
    ) -> None:
        self.store = store
        self.send = send
        self.interval = interval
        self.lease = lease
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def start(self) -> None:
        """Start the background task."""
        if self._task is None:
            self._stopping = False
            self._task = asyncio.create_task(self._run(), name="zorgveilig-telegram-outbox")

    async def stop(self, grace: float = 5.0) -> None:
        """Stop the background task: it finishes the message it is sending (at most
        `grace` seconds), then ends; a message not marked stays claimed until its lease
        runs out and is sent again then."""
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
        """Look at the outbox now (after a turn that may have queued an alert)."""
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
            except RetryAfter as exc:
                wait = retry_after(exc)
                log.warning("outbox: Telegram asks to wait %.0f s", wait.total_seconds())
                for later in pending[index:]:
                    await asyncio.to_thread(self._failed, later, "retry_after", wait)
                await asyncio.sleep(min(wait.total_seconds(), 60))
                return len(pending)
            except (Forbidden, BadRequest) as exc:
                log.warning(
                    "outbox message %d (%s) cannot be delivered (%s); not retried",
                    message.id,
                    message.purpose,
                    type(exc).__name__,
                )
                await asyncio.to_thread(self._failed, message, type(exc).__name__, None)
            except TelegramError as exc:
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
        return len(pending)

    def _claim(self) -> list[PendingMessage]:
        with self.store.unit() as unit:
            return unit.claim_outbox(CHANNEL, limit=BATCH, lease=self.lease)

    def _delivered(self, message: PendingMessage) -> None:
        with self.store.unit() as unit:
            unit.mark_delivered(message.id)

    def _failed(self, message: PendingMessage, error: str, retry: timedelta | None) -> None:
        with self.store.unit() as unit:
            unit.mark_failed(message.id, error, retry_in=retry)
