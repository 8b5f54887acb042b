"""Melders reporting over Telegram while `zorgveilig run` is killed (SIGKILL) and started
again: the bounded crash test (tests/test_telegram_crash.py) and bench/crash_load.py.

The bot is the real command in its own process, long polling the fake Bot API server
(tests/fake_telegram.py) in this process; or, with `processes` > 1, several such commands
on one PostgreSQL database taking Telegram's webhook behind HAProxy (tests/haproxy.py),
one of them killed at a time. Each melder answers what the bot asks, the way a
person does: a button if the newest keyboard has it, else typed text, and waits for the
answer before going on. A killer task kills the bot at random moments and starts it again.
What is counted is what a person notices: a message never answered, a press refused as
stale, a report made twice, a notice received twice, how long an acute alert took.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
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
from tests.haproxy import Haproxy
from tests.running_bot import RunningBot, bot_env
from tests.synapse_server import free_port

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
    #: Bot messages a melder got twice in a row (an answer sent again after a kill).
    answered_twice: int = 0
    #: The beginnings of those messages (to see which answer it was).
    twice: list[str] = field(default_factory=list)
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


class Bots:
    """The running bot processes: one long polling, or several behind the webhook."""

    def __init__(self, fake: FakeTelegram, envs: list[dict[str, str]]) -> None:
        self.fake = fake
        self.envs = envs
        self.running: list[RunningBot] = []
        self.starting: set[int] = set()

    @property
    def webhook(self) -> bool:
        return len(self.envs) > 1

    async def start(self) -> None:
        """The first process alone (it makes the keys and the schema), then the others."""
        self.running = [await self._start(0)]
        self.running += await asyncio.gather(*(self._start(n) for n in range(1, len(self.envs))))

    async def restart(self, n: int) -> None:
        """Kill process `n` (SIGKILL) and start it again."""
        bot = self.running[n]
        self.starting.add(n)
        try:
            bot.process.kill()
            await bot.stop()
            self.running[n] = await self._start(n)
        finally:
            self.starting.discard(n)

    def serving(self) -> list[int]:
        """The processes up (not being restarted)."""
        return [n for n in range(len(self.envs)) if n not in self.starting]

    async def _start(self, n: int) -> RunningBot:
        polls = self.fake.polls
        bot = await RunningBot.start(self.envs[n])
        if self.webhook:
            await wait_logged(bot, WEBHOOK_READY)
        else:
            await wait_ready(self.fake, bot, polls)
        return bot

    async def stop(self) -> None:
        await asyncio.gather(*(bot.stop() for bot in self.running))


#: What `zorgveilig run` logs once its webhook server takes requests.
WEBHOOK_READY = "Telegram: webhook on"


async def killer(
    bots: Bots,
    kills: int,
    rng: random.Random,
    done: asyncio.Event,
    result: CrashResult,
) -> None:
    """Kill a bot process at random moments and start it again, `kills` times. With
    several processes, the others go on serving while one starts again, and the next
    kill may come before it is up (one process is always left)."""
    restarts: list[asyncio.Task[None]] = []
    try:
        for _ in range(kills):
            await asyncio.sleep(rng.uniform(0.5, 2.5))
            while len(bots.serving()) < 2 and len(bots.envs) > 1 and not done.is_set():
                await asyncio.sleep(0.1)
            if done.is_set():
                return
            result.kills += 1
            restart = asyncio.create_task(bots.restart(rng.choice(bots.serving())))
            restarts.append(restart)
            if len(bots.envs) == 1:
                await restart
    finally:
        await asyncio.gather(*restarts)


async def wait_ready(fake: FakeTelegram, bot: RunningBot, polls: int, timeout: float = 60) -> None:
    """Until the bot's first getUpdates after `polls` (it drained its inbox before)."""
    deadline = time.monotonic() + timeout
    while fake.polls <= polls:
        if not bot.running or time.monotonic() > deadline:
            raise RuntimeError(f"zorgveilig run did not start: {bot.log[-2000:]}")
        await asyncio.sleep(0.02)


async def wait_logged(bot: RunningBot, mark: str, timeout: float = 60) -> None:
    """Until the bot logged `mark`."""
    deadline = time.monotonic() + timeout
    while not bot.logged(mark):
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
    processes: int = 1,
    database_url: str | None = None,
) -> CrashResult:
    """Melders report while a bot process is killed `kills` times; then what they noticed.
    At least `melders` report; more come if the kills are not through when those are done.
    `processes` > 1: that many processes on `database_url` behind HAProxy's webhook."""
    rng = random.Random(seed)
    fake = FakeTelegram()
    await fake.start()
    chats = Chats(fake)
    env = bot_env(cli_env, telegram_url=fake.base_url) | {
        "ZV_LOG_LEVEL": "INFO",
        "ZV_RATE_LIMIT": "100000",
        "ZV_TELEGRAM_MAX_RATE": str(max_rate),
    }
    if database_url is not None:
        env["ZV_DATABASE_URL"] = database_url
    db_url = database_url or f"sqlite:///{data_dir / 'zorgveilig.db'}"
    proxy: Haproxy | None = None
    envs = [env]
    if processes > 1:
        front, *ports = (free_port() for _ in range(processes + 1))
        proxy = await Haproxy.start(data_dir.parent / "haproxy", front, ports)
        envs = [
            env
            | {
                "ZV_TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{front}/telegram",
                "ZV_TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
                "ZV_TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1",
                "ZV_TELEGRAM_WEBHOOK_PORT": str(port),
            }
            for port in ports
        ]
    result = CrashResult(melders)
    started = time.monotonic()
    bots = Bots(fake, envs)
    try:
        await bots.start()
        done = asyncio.Event()
        kill_task = asyncio.create_task(killer(bots, kills, rng, done, result))

        async def late(n: int) -> None:
            await asyncio.sleep(rng.uniform(0, 8.0))  # not all at once
            await melder(fake, chats, 2_000_000 + n, result, patience, rng)

        async def alarm(n: int) -> None:
            await asyncio.sleep(rng.uniform(1.0, 6.0))
            await alerter(fake, chats, 3_000_000 + n, result)

        work = [late(n) for n in range(melders)] + [alarm(n) for n in range(alerts)]
        await asyncio.gather(*work)
        # Under a loaded machine's slow restarts the melders may be done before the last
        # kill: more melders come, one after another, until the killer is through.
        while not kill_task.done():
            await melder(fake, chats, 2_000_000 + result.melders, result, patience, rng)
            result.melders += 1
        done.set()
        await kill_task
        # The outbox goes on after the last answer: wait until the notices are out.
        await _outbox_empty(db_url, timeout=outbox_timeout)
    finally:
        await bots.stop()
        if proxy is not None:
            await proxy.stop()
        await fake.stop()
    result.seconds = time.monotonic() - started
    _count(fake, result, db_url)
    return result


#: The webhook's secret token in these runs (Telegram sends it, the bot checks it).
WEBHOOK_SECRET = "crash-run-webhook-secret"


async def _outbox_empty(db_url: str, timeout: float) -> None:
    """Until the bot has no undelivered Telegram message (bounded; contacts also have
    Matrix and console addresses, which no process here delivers)."""
    db = sa.create_engine(db_url)
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


def _count(fake: FakeTelegram, result: CrashResult, db_url: str) -> None:
    melders = range(2_000_000, 2_000_000 + result.melders)
    result.codes = sum(1 for chat in melders if any("ZV-" in c.text for c in fake.sent(chat)))
    result.stale_presses = sum(
        1 for c in fake.called("answerCallbackQuery") if c.params.get("text") == STALE
    )
    sent = Counter((c.chat_id, c.text) for chat in CONTACTS for c in fake.sent(chat))
    result.notices = sum(sent.values())
    result.duplicate_notices = sum(n - 1 for n in sent.values())
    for chat in melders:
        texts = [c.text for c in fake.sent(chat)]
        again = [a for a, b in itertools.pairwise(texts) if a == b]
        result.answered_twice += len(again)
        result.twice += [text[:50] for text in again]
    db = sa.create_engine(db_url)
    with db.connect() as connection:
        result.cases = int(connection.execute(sa.text('SELECT COUNT(*) FROM "case"')).scalar_one())
    db.dispose()
