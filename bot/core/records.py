"""Recording what went out, in a thread pool of its own.

Between a platform taking a message and the bot recording that it did, a crash leaves
the message in doubt, and Telegram offers no way to ask whether it arrived: it is sent
again (`bot.core.outbox`, `TurnRunner.replay`). Recorded through the default pool, the
write would wait behind the turns that pool runs (each reads a message and stores the
answer), so under load that window grew from one commit to the queue's length. Here it
waits only for other records.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="zorgveilig-record")


async def record(call: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """Run a short write (what went out, how far an answer got) in the records' pool."""
    context = contextvars.copy_context()
    bound = functools.partial(context.run, call, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(_POOL, bound)
