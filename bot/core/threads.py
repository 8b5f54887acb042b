"""Blocking work (the database) in a worker thread, which a stop waits for."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


async def in_thread(func: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """`asyncio.to_thread`, except that a cancelled caller waits for the thread to end
    before the cancellation goes on.

    A thread cannot be stopped: `to_thread` alone would let a stopping channel go on
    while its thread still holds a pooled database connection, which the runtime's
    `close()` then cannot give back (it is left open until garbage collection) and, for
    a lock's connection, keeps the lock."""
    work = asyncio.ensure_future(asyncio.to_thread(func, *args, **kwargs))
    try:
        return await asyncio.shield(work)
    except asyncio.CancelledError:
        await asyncio.wait({work})
        if not work.cancelled():
            with contextlib.suppress(Exception):
                work.result()  # the stop wins; its failure is nobody's to report now
        raise
