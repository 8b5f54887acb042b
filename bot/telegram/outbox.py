"""Delivery of the outbox (case notices, alerts, check-ins) to Telegram chats.

The shared loop (bot.outbox_loop) does the claiming and recording; this module says what a
Telegram error means: a `RetryAfter` postpones the round by the time Telegram asks (PTB's
`AIORateLimiter` keeps the flood limits otherwise); a blocked bot (403) or an impossible
request (400, such as an unknown chat) is recorded and not retried; anything else is
retried with backoff.
"""

from __future__ import annotations

from datetime import timedelta

from telegram.error import BadRequest, Forbidden, RetryAfter

from bot.outbox_loop import Failure, OutboxLoop, Send, backoff, retry_with_backoff
from bot.telegram.translate import CHANNEL
from storage.repository import PendingMessage, Store

__all__ = ["OutboxSender", "backoff", "classify", "retry_after"]


def retry_after(exc: RetryAfter) -> timedelta:
    """The wait Telegram asked for (read without PTB's int/timedelta deprecation shim)."""
    value = exc._retry_after
    return value if isinstance(value, timedelta) else timedelta(seconds=float(value))


def classify(message: PendingMessage, exc: Exception) -> Failure:
    """What a failed Telegram send means for the message."""
    if isinstance(exc, RetryAfter):
        wait = retry_after(exc)
        return Failure(retry_in=wait, pause=wait)
    if isinstance(exc, Forbidden | BadRequest):
        return Failure(retry_in=None)
    return retry_with_backoff(message, exc)


class OutboxSender(OutboxLoop):
    """The telegram outbox loop."""

    def __init__(
        self,
        store: Store,
        send: Send,
        *,
        interval: float = 2.0,
        lease: timedelta = timedelta(minutes=2),
    ) -> None:
        super().__init__(CHANNEL, store, send, classify=classify, interval=interval, lease=lease)
