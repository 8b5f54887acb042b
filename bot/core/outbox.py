"""Delivery of the outbox for a messenger channel: one loop, shared by every channel.

A background task claims the channel's due messages, urgent ones first (the store applies
the quiet hours), and hands each to its address's lane: one chat's messages go out in
order, different chats in parallel, so a throttled group chat or a slow request never
holds an acute alert to someone else. Each send's outcome is recorded. What a failure
means is the channel's to say (`classify`): retry after a backoff, give up, or also pause
the rest of that lane (a rate limit). Logs name the outbox message id and purpose, never
the text or the address.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import timedelta

from bot.core.records import record
from bot.core.threads import in_thread
from dialogs.messages import Outgoing, outgoing_from_payload
from storage.repository import PendingMessage, Store

log = logging.getLogger(__name__)

#: Sends one outgoing message to an address under an idempotency id; raises on failure.
Send = Callable[[str, Outgoing, str], Awaitable[None]]

#: True while an urgent message (an acute alert) is being sent: a channel's rate limiter
#: lets it pass the overall rate, so it never queues behind other chats' messages.
SENDING_URGENT: ContextVar[bool] = ContextVar("zorgveilig_sending_urgent", default=False)

MAX_ATTEMPTS = 20
BATCH = 20
#: Seconds between looks for what a process that died held (its notices here, its
#: updates in a channel's inbox).
TAKE_OVER_EVERY = 5.0


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
        holder: int | None = None,
        classify: Classify = retry_with_backoff,
        interval: float = 2.0,
        lease: timedelta = timedelta(minutes=2),
        idempotent: bool = False,
    ) -> None:
        self.channel = channel
        self.store = store
        self.send = send
        self.classify = classify
        self.interval = interval
        self.lease = lease
        #: The platform drops a send whose idempotency id it saw before (Matrix txn ids):
        #: a try cut off by a crash is repeated under its own id, so it arrives once.
        self.idempotent = idempotent
        #: This process's key (`storage.locks.Presence`): claims carry it, and a claim of
        #: a process that died is taken over (first claim, then every TAKE_OVER_EVERY).
        self.holder = holder
        self.delivered = 0  # messages delivered (tests wait on it)
        self.in_doubt = 0  # tries cut off by a crash, repeated (counted, logged)
        self._taken_over_at: float | None = None
        self._lanes: dict[str, deque[PendingMessage]] = {}
        self._lane_tasks: set[asyncio.Task[None]] = set()
        self._in_hand: set[int] = set()
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
        for lane in self._lanes.values():
            lane.clear()  # still claimed: sent after the lease, by this or another process
        if self._lane_tasks:
            _, late = await asyncio.wait(set(self._lane_tasks), timeout=grace)
            for lane_task in late:
                lane_task.cancel()

    def wake(self) -> None:
        """Look at the outbox now (after a turn that may have queued a notice)."""
        self._wake.set()

    async def _run(self) -> None:
        while not self._stopping:
            self._wake.clear()
            try:
                new = await self.claim_round()
            except Exception as exc:  # the database may be briefly unavailable
                log.error("outbox delivery round failed: %s", type(exc).__name__)
                new = 0
            if new or self._stopping:
                continue
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.interval)

    async def claim_round(self) -> int:
        """Claim due messages and hand each to its address's lane (lanes run on their
        own); how many were new to this loop."""
        pending = await in_thread(self._claim)
        new = [message for message in pending if message.id not in self._in_hand]
        for message in new:
            self._in_hand.add(message.id)
            lane = self._lanes.get(message.address)
            if lane is None:
                lane = self._lanes[message.address] = deque()
                task = asyncio.create_task(self._lane(message.address, lane))
                self._lane_tasks.add(task)
                task.add_done_callback(self._lane_tasks.discard)
            lane.append(message)
        return len(new)

    async def deliver_once(self) -> int:
        """One round, waiting until its lanes are done (tests drive the loop by hand);
        the number of messages claimed."""
        claimed = await self.claim_round()
        while self._lane_tasks:
            await asyncio.wait(set(self._lane_tasks))
        return claimed

    async def _lane(self, address: str, lane: deque[PendingMessage]) -> None:
        """Send one address's messages in order until none is left."""
        try:
            while lane:
                message = lane.popleft()
                try:
                    pause = await self._send_one(message)
                finally:
                    self._in_hand.discard(message.id)
                if pause is not None:
                    # The service asked this chat to wait: the rest of its lane waits too.
                    while lane:
                        later = lane.popleft()
                        self._in_hand.discard(later.id)
                        await in_thread(self._failed, later, "paused", pause)
        finally:
            del self._lanes[address]

    async def _send_one(self, message: PendingMessage) -> timedelta | None:
        """Send and record one message; the pause its lane must take, if any."""
        txn_id = message.txn_id
        if message.doubt is not None:
            self.in_doubt += 1
            if self.idempotent:
                txn_id = message.doubt  # the platform keeps the first, if it arrived
            else:
                log.warning(
                    "outbox message %d (%s): a try was cut off by a crash; sent again, "
                    "it may arrive twice",
                    message.id,
                    message.purpose,
                )
        await record(self._begin, message, txn_id)
        urgent = SENDING_URGENT.set(message.urgent)
        try:
            await self.send(message.address, outgoing_from_payload(message.payload), txn_id)
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
            retry = failure.pause if failure.pause is not None else failure.retry_in
            await record(self._failed, message, type(exc).__name__, retry)
            return failure.pause
        finally:
            SENDING_URGENT.reset(urgent)
        await record(self._delivered, message)
        self.delivered += 1
        return None

    def _claim(self) -> list[PendingMessage]:
        now, last = time.monotonic(), self._taken_over_at
        starting = last is None
        take_over = last is None or now - last >= TAKE_OVER_EVERY
        if take_over:
            self._taken_over_at = now
        with self.store.unit() as unit:
            return unit.claim_outbox(
                self.channel,
                limit=BATCH,
                lease=self.lease,
                holder=self.holder,
                take_over=take_over,
                starting=starting,
            )

    def _begin(self, message: PendingMessage, txn_id: str) -> None:
        with self.store.unit() as unit:
            unit.begin_attempt(message.id, txn_id)

    def _delivered(self, message: PendingMessage) -> None:
        with self.store.unit() as unit:
            unit.mark_delivered(message.id)

    def _failed(self, message: PendingMessage, error: str, retry: timedelta | None) -> None:
        with self.store.unit() as unit:
            unit.mark_failed(message.id, error, retry_in=retry)
