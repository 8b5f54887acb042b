"""Per-chat ordering: the updates of one chat are handled one after another, in the order
they arrived; different chats are handled in parallel."""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Hashable

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]
Spawn = Callable[[Awaitable[None]], "asyncio.Task[None]"]


class ChatQueues:
    """A FIFO queue per chat, drained by one worker task per busy chat.

    `submit` never waits, so the update dispatcher can hand over the next update at once;
    a worker ends when its chat's queue is empty (no task per idle chat is kept).
    """

    def __init__(self, spawn: Spawn | None = None) -> None:
        self._queues: dict[Hashable, deque[Job]] = {}
        self._workers: set[asyncio.Task[None]] = set()
        self._spawn: Spawn = spawn or asyncio.ensure_future
        self._idle = asyncio.Event()
        self._idle.set()

    def submit(self, chat: Hashable, job: Job) -> None:
        """Queue a job behind the chat's earlier jobs."""
        queue = self._queues.get(chat)
        if queue is not None:
            queue.append(job)
            return
        self._queues[chat] = deque([job])
        self._idle.clear()
        task = self._spawn(self._drain(chat))
        self._workers.add(task)
        task.add_done_callback(self._workers.discard)

    async def _drain(self, chat: Hashable) -> None:
        queue = self._queues[chat]
        try:
            while queue:
                job = queue[0]
                try:
                    await job()
                except Exception as exc:  # one failed update must not stop the chat
                    log.error("handling an update failed: %s", type(exc).__name__)
                finally:
                    queue.popleft()
        finally:
            del self._queues[chat]
            if not self._queues:
                self._idle.set()

    @property
    def busy_chats(self) -> int:
        """How many chats have work queued or running."""
        return len(self._queues)

    async def join(self) -> None:
        """Wait until every queued job of every chat is done."""
        await self._idle.wait()
