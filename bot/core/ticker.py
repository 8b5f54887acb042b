"""The running bot's periodic work, once per process whatever the channels: due timers
(escalations, reminders, check-ins) and the daily retention purge (`Runtime.tick`)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from bot.core.threads import in_thread

log = logging.getLogger(__name__)

Wake = Callable[[], None]


class Ticker:
    """Runs `tick` in a worker thread every `interval` seconds while a channel is attached,
    and wakes every attached channel's outbox after it (a timer may have queued a notice).

    Channels in one process share one ticker: the first to `attach` starts it, the last
    to `detach` stops it, so the work runs once however many channels run.
    """

    def __init__(self, tick: Callable[[], object], *, interval: float = 30.0) -> None:
        self.tick = tick
        self.interval = interval
        self.rounds = 0  # rounds done (tests wait on it)
        self._wakes: list[Wake] = []
        self._task: asyncio.Task[None] | None = None

    def attach(self, wake: Wake) -> None:
        """A channel starts: wake its outbox after each round; start ticking if idle."""
        self._wakes.append(wake)
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="zorgveilig-tick")

    async def detach(self, wake: Wake) -> None:
        """A channel stops: stop ticking when no channel is left."""
        with contextlib.suppress(ValueError):
            self._wakes.remove(wake)
        if self._wakes or self._task is None:
            return
        task, self._task = self._task, None
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

    async def _run(self) -> None:
        while True:
            try:
                await in_thread(self.tick)
                for wake in list(self._wakes):
                    wake()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # keep ticking: the next round may succeed
                log.error("periodic work failed: %s", type(exc).__name__)
            self.rounds += 1
            await asyncio.sleep(self.interval)
