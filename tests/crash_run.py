"""Melders reporting over Telegram while `zorgveilig run` is killed (SIGKILL) and started
again: the bounded crash test (tests/test_telegram_crash.py) and bench/crash_load.py.

The bot is the real command in its own process, long polling the fake Bot API server
(tests/fake_telegram.py) in this process. Each melder answers what the bot asks, the way a
person does: a button if the newest keyboard has it, else typed text, and waits for the
answer before going on. A killer task kills the bot at random moments and starts it again.
What is counted is what a person notices: a message never answered, a press refused as
stale, a report made twice, a notice received twice, how long an acute alert took.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import statistics
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from bot.core import channel_texts
from dialogs.i18n import translator
from tests.fake_telegram import Call, FakeTelegram
from tests.running_bot import RunningBot, bot_env

DESCRIPTION = "Hij stuurde: 'ik weet waar je woont, pas maar op'."
#: A whole anonymous online report (as tests/test_telegram.py answers it).
REPORT = (
    "/start",
    "online",
    DESCRIPTION,
    "yesterday",
    "instagram",
    "@boze_zoon_1980",
    "naaste",
    "done",
    "2",
    "anonymous",
    "kliniek-noord",
    "none",
    "confirm",
)
#: The answers given by pressing a button (the others are typed).
PRESSED = frozenset(REPORT[1:2] + REPORT[3:5] + REPORT[6:])
ACUTE = "help hij staat nu voor de deur met een mes"
SECURITY = 100000007  # sec-frank, alerted on acute danger in the example organisation
CONTACTS = (100000001, -1000000000004)  # af-anna and the meldteam's group chat
STALE = translator("nl")(channel_texts.BUTTON_STALE)


@dataclass
class CrashResult:
    """What the melders noticed."""

    melders: int
    kills: int = 0
    unanswered: int = 0
    stale_presses: int = 0
    codes: int = 0
    cases: int = 0
    notices: int = 0
    duplicate_notices: int = 0
    alert_latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def duplicate_cases(self) -> int:
        """Reports beyond one per melder."""
        return max(self.cases - self.melders, 0)

    def alert_summary(self) -> str:
        if not self.alert_latencies:
            return "no alerts"
        p50 = statistics.median(self.alert_latencies)
        return f"p50 {p50:.2f} s, max {max(self.alert_latencies):.2f} s"


class Chats:
    """The bot's messages per chat with their arrival times; wakes waiting melders."""

    def __init__(self, fake: FakeTelegram) -> None:
        self.fake = fake
        self.arrived: dict[int, list[float]] = {}
        self.changed = asyncio.Event()
        fake.on_send = self._sent

    def _sent(self, call: Call) -> None:
        self.arrived.setdefault(call.chat_id or 0, []).append(time.monotonic())
        self.changed.set()

    def count(self, chat: int) -> int:
        return len(self.arrived.get(chat, []))

    async def wait(self, condition: object, timeout: float) -> bool:
        """Wait until `condition()` holds; False after `timeout` seconds."""
        assert callable(condition)
        deadline = time.monotonic() + timeout
        while not condition():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), min(remaining, 0.2))
        return True


async def melder(
    fake: FakeTelegram,
    chats: Chats,
    chat: int,
    result: CrashResult,
    patience: float,
    rng: random.Random,
) -> None:
    """One melder's whole report; a message not answered within `patience` (or a button
    to press that never comes) is counted and ends the report (a person would give up or
    start again)."""
    for step, value in enumerate(REPORT):
        await asyncio.sleep(rng.uniform(0.1, 0.6))  # reading and typing
        before = chats.count(chat)
        keyboards = [c for c in fake.sent(chat) if c.buttons]
        if keyboards and value in keyboards[-1].choice_ids:
            message_id = keyboards[-1].params["message_id"]
            fake.callback(chat, value, message_id=message_id)
        else:
            fake.message(chat, value)
        nxt = REPORT[step + 1] if step + 1 < len(REPORT) else None
        answered = await chats.wait(lambda b=before: chats.count(chat) > b, patience)
        if not answered or not await _whole_answer(fake, chats, chat, nxt, patience):
            result.unanswered += 1
            return


async def _whole_answer(
    fake: FakeTelegram, chats: Chats, chat: int, nxt: str | None, patience: float
) -> bool:
    """Wait for the rest of an answer: the keyboard with the next button to press, or
    else a pause; False when that keyboard did not come."""
    if nxt in PRESSED:

        def shown() -> bool:
            keyboards = [c for c in fake.sent(chat) if c.buttons]
            return bool(keyboards) and nxt in keyboards[-1].choice_ids

        return await chats.wait(shown, patience)
    while True:
        count = chats.count(chat)
        await asyncio.sleep(0.3)
        if chats.count(chat) == count:
            return True


async def alerter(fake: FakeTelegram, chats: Chats, chat: int, result: CrashResult) -> None:
    """A melder in acute danger: how long until security has the alert."""
    before = chats.count(SECURITY)
    start = time.monotonic()
    fake.message(chat, ACUTE)
    if await chats.wait(lambda: chats.count(SECURITY) > before, 120):
        result.alert_latencies.append(chats.arrived[SECURITY][before] - start)


async def killer(
    fake: FakeTelegram,
    env: dict[str, str],
    holder: list[RunningBot],
    kills: int,
    rng: random.Random,
    done: asyncio.Event,
    result: CrashResult,
) -> None:
    """Kill the bot at random moments and start it again, `kills` times."""
    for _ in range(kills):
        await asyncio.sleep(rng.uniform(0.5, 2.5))
        if done.is_set():
            return
        bot = holder[0]
        bot.process.kill()
        await bot.stop()
        result.kills += 1
        polls = fake.polls
        holder[0] = await RunningBot.start(env)
        await wait_ready(fake, holder[0], polls)


async def wait_ready(fake: FakeTelegram, bot: RunningBot, polls: int, timeout: float = 60) -> None:
    """Until the bot's first getUpdates after `polls` (it drained its inbox before)."""
    deadline = time.monotonic() + timeout
    while fake.polls <= polls:
        if not bot.running or time.monotonic() > deadline:
            raise RuntimeError(f"zorgveilig run did not start: {bot.log[-2000:]}")
        await asyncio.sleep(0.02)


async def crash_run(
    cli_env: dict[str, str],
    data_dir: Path,
    *,
    melders: int,
    kills: int,
    alerts: int = 0,
    seed: int = 15,
    patience: float = 60.0,
    max_rate: float = 10000,
    outbox_timeout: float = 90,
) -> CrashResult:
    """Melders report while the bot is killed `kills` times; then what they noticed."""
    rng = random.Random(seed)
    fake = FakeTelegram()
    await fake.start()
    chats = Chats(fake)
    env = bot_env(cli_env, telegram_url=fake.base_url) | {
        "ZV_LOG_LEVEL": "INFO",
        "ZV_RATE_LIMIT": "100000",
        "ZV_TELEGRAM_MAX_RATE": str(max_rate),
    }
    result = CrashResult(melders)
    started = time.monotonic()
    holder = [await RunningBot.start(env)]
    try:
        await wait_ready(fake, holder[0], 0)
        done = asyncio.Event()
        kill_task = asyncio.create_task(killer(fake, env, holder, kills, rng, done, result))

        async def late(n: int) -> None:
            await asyncio.sleep(rng.uniform(0, 8.0))  # not all at once
            await melder(fake, chats, 2_000_000 + n, result, patience, rng)

        async def alarm(n: int) -> None:
            await asyncio.sleep(rng.uniform(1.0, 6.0))
            await alerter(fake, chats, 3_000_000 + n, result)

        work = [late(n) for n in range(melders)] + [alarm(n) for n in range(alerts)]
        await asyncio.gather(*work)
        done.set()
        await kill_task
        # The outbox goes on after the last answer: wait until the notices are out.
        await _outbox_empty(data_dir, timeout=outbox_timeout)
    finally:
        await holder[0].stop()
        await fake.stop()
    result.seconds = time.monotonic() - started
    _count(fake, result, data_dir)
    return result


async def _outbox_empty(data_dir: Path, timeout: float) -> None:
    """Until the bot has no undelivered Telegram message (bounded; contacts also have
    Matrix and console addresses, which no process here delivers)."""
    db = sa.create_engine(f"sqlite:///{data_dir / 'zorgveilig.db'}")
    query = sa.text(
        "SELECT COUNT(*) FROM outbox WHERE channel = 'telegram' "
        "AND delivered_at IS NULL AND failed_at IS NULL"
    )
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            with db.connect() as connection:
                if connection.execute(query).scalar_one() == 0:
                    return
            await asyncio.sleep(0.5)
    finally:
        db.dispose()


def _count(fake: FakeTelegram, result: CrashResult, data_dir: Path) -> None:
    melders = range(2_000_000, 2_000_000 + result.melders)
    result.codes = sum(1 for chat in melders if any("ZV-" in c.text for c in fake.sent(chat)))
    result.stale_presses = sum(
        1 for c in fake.called("answerCallbackQuery") if c.params.get("text") == STALE
    )
    sent = Counter((c.chat_id, c.text) for chat in CONTACTS for c in fake.sent(chat))
    result.notices = sum(sent.values())
    result.duplicate_notices = sum(n - 1 for n in sent.values())
    db = sa.create_engine(f"sqlite:///{data_dir / 'zorgveilig.db'}")
    with db.connect() as connection:
        result.cases = int(connection.execute(sa.text('SELECT COUNT(*) FROM "case"')).scalar_one())
    db.dispose()
