"""Per-chat ordering: the updates of one chat are handled one after another, in the order
they arrived; different chats are handled in parallel.

python-telegram-bot starts a task per update, in arrival order, and hands each to the
application's `BaseUpdateProcessor`; this one lets an update wait for its chat's earlier
updates (an `asyncio.Lock` serves its waiters first come, first served).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

#: Updates in progress at once (all chats): above what one bot meets, below a runaway.
MAX_CONCURRENT_UPDATES = 256


def chat_of(update: object) -> Hashable | None:
    """The chat an update belongs to (a button press: the chat of its message)."""
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    user = update.effective_user
    return user.id if user is not None else None


class PerChatOrder(BaseUpdateProcessor):
    """One chat's updates in order, chats in parallel."""

    def __init__(self, max_concurrent_updates: int = MAX_CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._chats: dict[Hashable, tuple[asyncio.Lock, int]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = chat_of(update)
        if chat is None:
            await coroutine
            return
        lock, users = self._chats.get(chat, (asyncio.Lock(), 0))
        self._chats[chat] = (lock, users + 1)
        try:
            async with lock:
                await coroutine
        finally:
            lock, users = self._chats[chat]
            if users == 1:
                del self._chats[chat]  # no task is kept per idle chat
            else:
                self._chats[chat] = (lock, users - 1)

    @property
    def busy_chats(self) -> int:
        """How many chats have updates queued or running."""
        return len(self._chats)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free: `Application.stop` waits for the updates in progress."""
