"""One Matrix sync for all processes on one database: the leader runs the channel.

The bot's device and its crypto store may only be used by one process at a time, and two
processes syncing would each answer what they see. So the process that holds the
account's lock (`storage.locks.SessionLock`, a PostgreSQL advisory lock or a flock beside
the SQLite file) runs the whole channel: login, sync, outbox. The others stand by without
opening the client or its store, and try the lock every `standby_interval` seconds; the
lock goes when its holder dies, so one of them takes over within that interval. The sync
token and the device id are in the database: the new leader goes on where the old one was,
and answers nothing twice (each event is claimed by its id).

Two syncs never overlap, also when the leader lives but lost its lock (its connection was
cut, so the server let the lock go): the leader checks its lock every quarter interval
(`check_every`) and stops syncing when the check fails or does not answer within that
time; a process that takes the lock waits `handover_wait`, longer than the leader needs to
notice, before it syncs.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from bot.core.ticker import Ticker
from bot.matrix.channel import MatrixChannel, MatrixOptions
from bot.runtime import Runtime
from storage.locks import SessionLock, lock_key

log = logging.getLogger(__name__)

T = TypeVar("T")

STANDING_BY = "Matrix: standing by (another process syncs)"
STOPPED = "Matrix: stopped syncing"


def check_every(standby_interval: float) -> float:
    """Seconds between the leader's checks of its lock, and how long one check may take."""
    return standby_interval / 4


def handover_wait(standby_interval: float) -> float:
    """Seconds a process that took the lock waits before it syncs: a leader that lost the
    lock notices within two checks (one interval, one check's time) and then stops."""
    return 3 * check_every(standby_interval) + 0.5


class MatrixLeader:
    """Runs `MatrixChannel` while this process holds the Matrix lock; `stop()` ends it."""

    def __init__(self, runtime: Runtime, options: MatrixOptions, ticker: Ticker) -> None:
        self.runtime = runtime
        self.options = options
        self.ticker = ticker
        self.lock = SessionLock(runtime.store.engine, lock_key("matrix:" + options.user_id))
        self.channel: MatrixChannel | None = None
        self._watch: asyncio.Task[None] | None = None
        # The lock's connection is used from worker threads; one at a time, also when a
        # cancelled check's thread is still running as `stop` releases.
        self._guard = threading.Lock()

    async def start(self) -> None:
        """Lead if the lock is free (on PostgreSQL once an old leader has surely stopped;
        a failed start fails, as a lone process's does), else stand by; from then on,
        check the lock: standing by every `standby_interval`, leading four times as often."""
        if await self._locked(self.lock.try_acquire) and await self._old_leader_stopped():
            await self._lead()
        else:
            log.warning(STANDING_BY)
        self._watch = asyncio.create_task(self._watch_lock(), name="zorgveilig-matrix-leader")

    async def stop(self) -> None:
        """Stop the channel, if leading, and let the lock go: a standby takes over."""
        watch, self._watch = self._watch, None
        if watch is not None:
            watch.cancel()
            await asyncio.gather(watch, return_exceptions=True)
        await self._step_down()

    async def _lead(self) -> None:
        """Run the channel (the lock is held); a failed start lets the lock go."""
        channel = MatrixChannel(self.runtime, self.options, self.ticker)
        self.channel = channel
        try:
            await channel.start()
        except BaseException:
            await self._step_down()
            raise
        log.warning("Matrix: syncing")

    async def _step_down(self) -> None:
        channel, self.channel = self.channel, None
        try:
            if channel is not None:
                await channel.stop()
                log.warning(STOPPED)
        finally:
            await self._locked(self.lock.release)

    async def _watch_lock(self) -> None:
        while True:
            leading = self.channel is not None
            interval = self.options.standby_interval
            await asyncio.sleep(check_every(interval) if leading else interval)
            try:
                await self._check()
            except Exception as exc:  # the database may be away for a while: go on asking
                log.error("Matrix: checking the sync lock failed (%s)", type(exc).__name__)

    async def _check(self) -> None:
        """Leading: stop at once when the lock is lost or its check does not answer in
        time. Standing by: take it if free, and sync once an old leader has stopped."""
        if self.channel is not None:
            if await self._still_held():
                return
            # Another process may hold it already: two syncs must not overlap.
            log.warning("Matrix: the sync lock was lost; stopping")
            await self._step_down()
            log.warning(STANDING_BY)
        elif await self._locked(self.lock.try_acquire) and await self._old_leader_stopped():
            log.warning("Matrix: taking over")
            try:
                await self._lead()
            except Exception as exc:  # e.g. the homeserver is down: another try later
                log.error("Matrix: taking over failed (%s); trying again", type(exc).__name__)

    async def _old_leader_stopped(self) -> bool:
        """After taking the lock: wait until a leader that lost it but lives has noticed
        (on PostgreSQL, where a lock goes with its connection; a flock goes only with its
        process). Whether the lock is still held then."""
        if not self.lock.can_be_lost:
            return True
        await asyncio.sleep(handover_wait(self.options.standby_interval))
        return await self._locked(self.lock.held)

    async def _still_held(self) -> bool:
        """Whether the lock's connection answers within one check's time."""
        check = asyncio.ensure_future(self._locked(self.lock.held))
        done, _ = await asyncio.wait({check}, timeout=check_every(self.options.standby_interval))
        if check in done:
            return check.result()
        # No answer in time: the server may have let the lock go. The check's thread ends
        # on its own; releasing waits for it (`_guard`).
        log.warning("Matrix: the sync lock's check did not answer in time")
        check.add_done_callback(lambda task: task.exception())
        return False

    async def _locked(self, call: Callable[[], T]) -> T:
        """Run a blocking lock call in a worker thread, one at a time."""

        def guarded() -> T:
            with self._guard:
                return call()

        return await asyncio.to_thread(guarded)
