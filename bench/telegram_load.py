"""Load benchmark over the Telegram channel: `zorgveilig run` against a fake Bot API server.

The bot runs as it does in production: the real `zorgveilig run` command in its own
process, with python-telegram-bot long polling a fake Bot API server on 127.0.0.1 (the
one the tests use, `tests/fake_telegram.py`, here in the benchmark's process). Measured:

- start-up: from starting `zorgveilig run` until its first getUpdates (ready), once with
  the NLU model still to be trained and once with the trained model on disk;
- the same simulated melders as `bench/engine_load.py` (typed free text, button presses
  as callback queries), each waiting for the bot's answer before the next message: messages
  per second, latency from the update being available to the first answer arriving, the bot
  process's CPU time per message, and its resident memory (at ready and at peak).

    .venv/bin/python bench/telegram_load.py --conversations 1 100

Not a test: numbers go into bench/README.md. Traffic stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.engine_load import SCRIPTS, Line, Press, percentile  # noqa: E402
from tests.fake_telegram import TOKEN, Call, FakeTelegram  # noqa: E402

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def memory_mb(pid: int, field: str) -> float:
    """A memory figure of a process from /proc (VmRSS: now, VmHWM: peak), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


class Replies:
    """Every sendMessage per chat, with the moment it arrived; wakes waiting melders."""

    def __init__(self) -> None:
        self.by_chat: dict[int, list[tuple[float, Call]]] = defaultdict(list)
        self._waiters: dict[int, asyncio.Event] = {}

    def __call__(self, call: Call) -> None:
        chat = call.chat_id or 0
        self.by_chat[chat].append((time.perf_counter(), call))
        waiter = self._waiters.get(chat)
        if waiter is not None:
            waiter.set()

    async def wait_for(self, chat: int, count: int, timeout: float = 60.0) -> None:
        """Wait until `chat` has received `count` messages in all."""
        waiter = self._waiters.setdefault(chat, asyncio.Event())
        deadline = time.monotonic() + timeout
        while len(self.by_chat[chat]) < count:
            waiter.clear()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"chat {chat}: {len(self.by_chat[chat])} of {count} replies")
            try:
                await asyncio.wait_for(waiter.wait(), remaining)
            except TimeoutError:
                continue

    async def settle(self, chat: int, quiet: float) -> int:
        """Wait until `chat` received nothing for `quiet` seconds; how many it has."""
        while True:
            count = len(self.by_chat[chat])
            await asyncio.sleep(quiet)
            if len(self.by_chat[chat]) == count:
                return count


@dataclass
class Bot:
    """A running `zorgveilig run` process."""

    process: subprocess.Popen[bytes]
    started: float
    log: Path


def start_bot(env: dict[str, str]) -> Bot:
    """Start `zorgveilig run` with the benchmark's environment."""
    command = [str(ROOT / ".venv" / "bin" / "zorgveilig"), "run"]
    log = Path(env["ZV_DATA_DIR"]).parent / "bot.log"
    with log.open("ab") as stderr:  # a file, not a pipe: a full pipe would stall the bot
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=stderr, cwd=ROOT
        )
    return Bot(process, time.perf_counter(), log)


async def wait_ready(fake: FakeTelegram, bot: Bot, polls_before: int) -> float:
    """Seconds from start until the bot's first getUpdates."""
    while fake.polls <= polls_before:
        if bot.process.poll() is not None:
            error = bot.log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"zorgveilig run stopped: {error}")
        await asyncio.sleep(0.005)
    return time.perf_counter() - bot.started


async def stop_bot(bot: Bot) -> None:
    """Stop the bot the way an operator does (SIGINT) and wait for it."""
    bot.process.send_signal(signal.SIGINT)
    for _ in range(300):
        if bot.process.poll() is not None:
            return
        await asyncio.sleep(0.05)
    bot.process.kill()


def send(fake: FakeTelegram, replies: Replies, chat: int, line: Line) -> None:
    """Make one update from a script line: a typed message or a button press."""
    keyboards = [c for _, c in replies.by_chat[chat] if c.buttons]
    if isinstance(line, Press) and not keyboards:
        fake.message(chat, line.choice)  # a first message: no buttons shown yet, so typed
    elif isinstance(line, Press):
        keyboard = keyboards[-1]
        if line.choice not in keyboard.choice_ids:
            raise RuntimeError(f"no button {line.choice!r} in {keyboard.choice_ids}")
        fake.callback(chat, line.choice, message_id=keyboard.params["message_id"])
    else:
        fake.message(chat, line)


async def calibrate(fake: FakeTelegram, replies: Replies) -> dict[str, list[int]]:
    """How many messages the bot sends for each line of each script (one slow pass)."""
    counts: dict[str, list[int]] = {}
    for n, (kind, lines) in enumerate(SCRIPTS.items()):
        chat = 900_000 + n
        counts[kind] = []
        for line in lines:
            before = len(replies.by_chat[chat])
            send(fake, replies, chat, line)
            await replies.wait_for(chat, before + 1)
            counts[kind].append(await replies.settle(chat, 0.4) - before)
    return counts


@dataclass
class Result:
    """One measured load."""

    conversations: int
    messages: int
    seconds: float
    latencies: list[float]
    cpu_ms_per_message: float
    peak_rss_mb: float


async def load(
    fake: FakeTelegram,
    replies: Replies,
    bot: Bot,
    counts: dict[str, list[int]],
    conversations: int,
    reports: int,
    rng: random.Random,
    first_chat: int,
) -> Result:
    """Keep `conversations` melders busy at once until `reports` reports are complete;
    each melder answers as soon as the bot has."""
    latencies: list[float] = []
    chats = itertools.count(first_chat)
    remaining = max(conversations, reports)

    async def report(chat: int, kind: str) -> None:
        total = 0
        for line, expected in zip(SCRIPTS[kind], counts[kind], strict=True):
            await asyncio.sleep(rng.random() * 0.002)  # people do not type in lockstep
            start = time.perf_counter()
            send(fake, replies, chat, line)
            await replies.wait_for(chat, total + 1)
            latencies.append((replies.by_chat[chat][total][0] - start) * 1000)
            total += expected
            await replies.wait_for(chat, total)

    async def melder() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await report(next(chats), rng.choice(list(SCRIPTS)))

    pid = bot.process.pid
    cpu_before = cpu_seconds(pid)
    started = time.perf_counter()
    await asyncio.gather(*(melder() for _ in range(conversations)))
    seconds = time.perf_counter() - started
    cpu = cpu_seconds(pid) - cpu_before
    return Result(
        conversations,
        len(latencies),
        seconds,
        latencies,
        cpu / len(latencies) * 1000,
        memory_mb(pid, "VmHWM"),
    )


async def main() -> int:
    """Start-up twice, then the load matrix; prints Markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, nargs="+", default=[1, 100])
    parser.add_argument(
        "--reports", type=int, default=100, help="complete reports per row, at least"
    )
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    workdir = Path(tempfile.mkdtemp(prefix="zv-bench-telegram-"))
    fake = FakeTelegram()
    replies = Replies()
    fake.on_send = replies
    await fake.start()
    env = {
        **os.environ,
        "ZV_DATA_DIR": str(workdir / "var"),
        "ZV_TELEGRAM_TOKEN": TOKEN,
        "ZV_TELEGRAM_BASE_URL": fake.base_url,
        "ZV_TELEGRAM_MAX_RATE": "10000",
        "ZV_RATE_LIMIT": "100000",
    }
    try:
        bot = start_bot(env)
        cold = await wait_ready(fake, bot, fake.polls)
        await stop_bot(bot)
        bot = start_bot(env)
        warm = await wait_ready(fake, bot, fake.polls)
        ready_rss = memory_mb(bot.process.pid, "VmRSS")
        print(f"start-up: {cold:.2f} s training the model, {warm:.2f} s with it", file=sys.stderr)
        counts = await calibrate(fake, replies)
        calls_before = len(fake.calls)
        results = []
        first_chat = 1_000_000
        for conversations in args.conversations:
            result = await load(
                fake, replies, bot, counts, conversations, args.reports, rng, first_chat
            )
            first_chat += max(conversations, args.reports)
            results.append(result)
            print(f"done: {conversations} conversations", file=sys.stderr)
        requests = Counter(c.method for c in fake.calls[calls_before:])
        await stop_bot(bot)
    finally:
        await fake.stop()
        shutil.rmtree(workdir, ignore_errors=True)

    print("| start of `zorgveilig run` until ready | seconds | RSS at ready MB |")
    print("|---|---:|---:|")
    print(f"| first start (trains the NLU model) | {cold:.2f} | – |")
    print(f"| start with the trained model on disk | {warm:.2f} | {ready_rss:.0f} |")
    print()
    print(
        "| conversations | messages | msg/s | p50 ms | p95 ms | p99 ms "
        "| bot CPU ms/msg | bot peak RSS MB |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(
            f"| {r.conversations:,} | {r.messages:,} | {r.messages / r.seconds:,.0f} | "
            f"{statistics.median(r.latencies):.2f} | {percentile(r.latencies, 95):.2f} | "
            f"{percentile(r.latencies, 99):.2f} | {r.cpu_ms_per_message:.2f} | "
            f"{r.peak_rss_mb:.0f} |"
        )
    handled = sum(r.messages for r in results)
    per_message = ", ".join(
        f"{method} {count / handled:.2f}" for method, count in requests.most_common()
    )
    print(f"\nBot API requests per handled message: {per_message}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
