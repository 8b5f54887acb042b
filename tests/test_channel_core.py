"""The channel core every messenger shares: one ticker for the periodic work, and the
stored memory of a chat in each channel's own format."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from dataclasses import replace

from bot.core.memory import ChatMemory
from bot.core.threads import in_thread
from bot.core.ticker import Ticker
from bot.matrix.choices import QuestionMemory
from bot.telegram.memory import KeyboardMemory


def test_channels_side_by_side_share_one_round_of_periodic_work() -> None:
    """Telegram and Matrix in one process: timers and the purge run once per round, and
    both outboxes are woken after it (a timer may have queued a notice for either)."""

    async def main() -> None:
        ticks = 0
        woken = {"telegram": 0, "matrix": 0}
        lock = threading.Lock()

        def tick() -> None:
            nonlocal ticks
            with lock:
                ticks += 1

        def telegram() -> None:
            woken["telegram"] += 1

        def matrix() -> None:
            woken["matrix"] += 1

        ticker = Ticker(tick, interval=0.01)
        ticker.attach(telegram)
        ticker.attach(matrix)
        while ticker.rounds < 5:
            await asyncio.sleep(0.01)
        await ticker.detach(matrix)
        assert ticks == ticker.rounds, "one round of work per interval, not one per channel"
        assert woken["matrix"] >= 5
        assert woken["telegram"] >= 5
        rounds = ticker.rounds
        while ticker.rounds < rounds + 2:  # the channel left keeps it going
            await asyncio.sleep(0.01)
        await ticker.detach(lambda: None)  # not attached: changes nothing
        assert ticker.rounds >= rounds + 2
        await ticker.detach(telegram)
        stopped = ticker.rounds
        await asyncio.sleep(0.05)
        assert ticker.rounds == stopped, "the last channel gone, the ticking stops"

    asyncio.run(main())


def test_periodic_work_that_fails_does_not_stop_the_ticker() -> None:
    async def main() -> None:
        calls = 0

        def tick() -> None:
            nonlocal calls
            calls += 1
            if calls == 1:
                raise RuntimeError("the database is briefly away")

        ticker = Ticker(tick, interval=0.01)

        def wake() -> None:
            pass

        ticker.attach(wake)
        while calls < 3:
            await asyncio.sleep(0.01)
        await ticker.detach(wake)

    asyncio.run(main())


def test_a_stop_waits_for_the_periodic_work_in_progress() -> None:
    """A channel that stops while the ticker's thread works on the database waits for it:
    the runtime closes its connections next, and one still in use would be left open."""

    async def main() -> None:
        running, release = threading.Event(), threading.Event()
        finished: list[bool] = []

        def tick() -> None:
            running.set()
            release.wait(5)
            finished.append(True)

        def wake() -> None:
            pass

        ticker = Ticker(tick, interval=0.01)
        ticker.attach(wake)
        await asyncio.to_thread(running.wait, 5)
        stopping = asyncio.ensure_future(ticker.detach(wake))
        await asyncio.sleep(0.05)
        assert not stopping.done(), "the stop waits while the work runs"
        release.set()
        await stopping
        assert finished == [True], "the work ended before the stop did"

    asyncio.run(main())


def test_work_in_a_thread_ends_before_its_cancellation_goes_on() -> None:
    async def main() -> None:
        release = threading.Event()
        steps: list[str] = []

        def work() -> None:
            release.wait(5)
            steps.append("work done")

        task = asyncio.ensure_future(in_thread(work))
        await asyncio.sleep(0.02)
        task.cancel()
        await asyncio.sleep(0.05)
        assert not task.done(), "cancelled, but the thread still works"
        release.set()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        steps.append("cancelled")
        assert task.cancelled()
        assert steps == ["work done", "cancelled"]

    asyncio.run(main())


def test_each_channel_reads_back_what_it_stored_and_what_it_stored_before() -> None:
    telegram, matrix = KeyboardMemory(), QuestionMemory()
    keyboard = ChatMemory(live="42", language="en", answered="7:1001")
    assert telegram.load(telegram.dump(keyboard)) == keyboard
    committed = ChatMemory(choices=("yes",), before="42", answered="7:1001", turn="7:1002")
    assert telegram.load(telegram.dump(committed)) == committed
    # The stored formats of a running bot stay readable.
    assert telegram.load('{"kb": 42, "lc": "en", "an": "7:1001"}') == keyboard
    assert telegram.load('{"kb": null, "lc": null, "an": null}') == ChatMemory()
    question = ChatMemory(live="$q", choices=("yes", "no"), answered="$a")
    assert matrix.load(matrix.dump(question)) == question
    asked = replace(question, turn="$t")
    assert matrix.load(matrix.dump(asked)) == asked
    assert matrix.load('{"ev": "$q", "ch": ["yes", "no"], "an": "$a"}') == question
    assert matrix.load('{"ev": null, "ch": [], "an": "$a"}') == ChatMemory(answered="$a")
    for stored in (telegram, matrix):
        assert stored.load(None) == ChatMemory()
        assert stored.load("[1, 2]") == ChatMemory()
