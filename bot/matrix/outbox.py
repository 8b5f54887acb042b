"""Delivery of the outbox (case notices, alerts, check-ins) to Matrix rooms and users.

The shared loop (bot.outbox_loop) claims, sends and records; every Matrix failure is
retried with backoff and given up after `MAX_ATTEMPTS`. Check-ins keep the organisation's
delivery hours because the store applies them to every claim.
"""

from __future__ import annotations

from datetime import timedelta

from bot.matrix.translate import CHANNEL
from bot.outbox_loop import OutboxLoop, Send
from storage.repository import Store


class OutboxSender(OutboxLoop):
    """The matrix outbox loop."""

    def __init__(
        self,
        store: Store,
        send: Send,
        *,
        interval: float = 2.0,
        lease: timedelta = timedelta(minutes=2),
    ) -> None:
        super().__init__(CHANNEL, store, send, interval=interval, lease=lease)
