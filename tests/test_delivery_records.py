"""What went out is recorded at once, also while every worker of the default pool is busy.

A message the platform took but the bot did not record yet is in doubt after a crash, and
on Telegram it is sent again. Recording through the default thread pool would wait
behind the turns it runs; `bot.core.records` has a pool of its own.
"""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor

from bot.core.outbox import OutboxLoop
from bot.runtime import Runtime
from dialogs.messages import Outgoing


def test_a_delivery_is_recorded_while_turns_fill_every_worker(runtime: Runtime) -> None:
    with runtime.store.unit() as unit:
        unit.enqueue(
            channel="telegram",
            recipient="af-anna",
            address="1001",
            purpose="case_notice",
            payload={"text": "Nieuwe melding ZV-TEST"},
            dedupe_key="notice-1",
        )
    turns_done = threading.Event()
    sent: list[str] = []

    async def main() -> None:
        loop = asyncio.get_running_loop()
        loop.set_default_executor(ThreadPoolExecutor(max_workers=2))

        async def send(address: str, outgoing: Outgoing, txn_id: str) -> None:
            # While the request is under way, turns of other melders take every worker.
            for _ in range(2):
                loop.run_in_executor(None, turns_done.wait)
            sent.append(outgoing.text)

        outbox = OutboxLoop("telegram", runtime.store, send)
        try:
            assert await asyncio.wait_for(outbox.deliver_once(), 30) == 1
        finally:
            turns_done.set()

    asyncio.run(main())
    assert sent == ["Nieuwe melding ZV-TEST"]
    with runtime.store.unit() as unit:
        assert unit.outbox_counts() == {"pending": 0, "delivered": 1, "failed": 0}
