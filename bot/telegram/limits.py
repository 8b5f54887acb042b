"""Telegram's flood limits with one lane per chat (a `BaseRateLimiter` for PTB).

PTB's `AIORateLimiter` keeps an overall rate and a rate per group, but a `RetryAfter`
from any chat pauses every request of the bot: one throttled group chat would hold an
acute alert to someone else. Here a `RetryAfter` pauses only the chat it came for (all
chats only when a request named none); a group waits for its own rate before it takes a
share of the overall rate, so it never holds a slot another chat could use. An urgent
outbox message (an acute alert, `SENDING_URGENT`) does not queue for the overall rate:
Telegram's 30 a second is a soft limit, and the alert must not wait behind 50 answers.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

from bot.core.outbox import SENDING_URGENT
from bot.telegram.outbox import retry_after

log = logging.getLogger(__name__)

Result = bool | dict[str, Any] | list[dict[str, Any]]
#: Where a request waits: a chat id, or None for requests to no chat (getMe ...).
Lane = int | str | None


class ChatLanes(BaseRateLimiter[int]):
    """Overall and per-group rates; a `RetryAfter` pauses its own chat, then retries
    (at most `max_retries` times)."""

    def __init__(
        self, overall_max_rate: float = 30, group_max_rate: float = 20, max_retries: int = 2
    ) -> None:
        self._overall = AsyncLimiter(overall_max_rate, 1) if overall_max_rate > 0 else None
        self._group_rate = group_max_rate
        self._groups: dict[Lane, AsyncLimiter] = {}
        self._paused: dict[Lane, float] = {}
        self._max_retries = max_retries

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to free."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        lane = _lane(data.get("chat_id"))
        retries = rate_limit_args if rate_limit_args is not None else self._max_retries
        for attempt in range(retries + 1):
            await self._wait_paused(lane)
            try:
                await self._acquire(lane)
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt >= retries:
                    raise
                wait = retry_after(exc).total_seconds() + 0.1
                log.info("Telegram asked to wait %.1f s (one chat, or all without one)", wait)
                self._paused[lane] = asyncio.get_running_loop().time() + wait
        raise AssertionError("unreachable")

    async def _wait_paused(self, lane: Lane) -> None:
        loop = asyncio.get_running_loop()
        for key in (None, lane):  # a pause of the whole bot holds every chat
            until = self._paused.get(key)
            if until is not None and until > loop.time():
                await asyncio.sleep(until - loop.time())

    async def _acquire(self, lane: Lane) -> None:
        """The group's own rate first, then a share of the overall one (requests to a chat)."""
        if lane is None:
            return
        if self._group_rate > 0 and (isinstance(lane, str) or lane < 0):
            if lane not in self._groups:
                self._groups[lane] = AsyncLimiter(self._group_rate, 60)
            await self._groups[lane].acquire()
        if self._overall is not None and not SENDING_URGENT.get():
            await self._overall.acquire()


def _lane(chat_id: object) -> Lane:
    if chat_id is None:
        return None
    with contextlib.suppress(ValueError, TypeError):
        return int(str(chat_id))
    return str(chat_id)
