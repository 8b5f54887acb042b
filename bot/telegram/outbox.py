"""What a failed Telegram send of an outbox message means (the loop is `bot.core.outbox`).

A `RetryAfter` postpones the round by the time Telegram asks (PTB's `AIORateLimiter` keeps
the flood limits otherwise); a blocked bot (403) or an impossible request (400, such as an
unknown chat) is recorded and not retried; anything else is retried with backoff.
"""

from __future__ import annotations

from datetime import timedelta

from telegram.error import BadRequest, Forbidden, RetryAfter

from bot.core.outbox import Failure, retry_with_backoff
from storage.repository import PendingMessage

__all__ = ["classify", "retry_after"]


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
