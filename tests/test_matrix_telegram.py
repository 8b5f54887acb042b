"""Telegram and Matrix in one `zorgveilig run`: one runtime, one database, two channels.

The real command runs in a subprocess with ZV_TELEGRAM_* pointing at the fake Bot API
server (tests/fake_telegram.py) and ZV_MATRIX_* at the real Synapse (tests/test_matrix.py).
af-anna can only be reached on Matrix and the meldteam only in its Telegram group, so a
report on either channel reaches someone on the other one.
"""

from __future__ import annotations

import asyncio
import socket
import time
import uuid
from pathlib import Path

import aiohttp
import nio
import pytest

from bot.settings import Settings
from tests.fake_telegram import TOKEN, FakeTelegram
from tests.running_bot import RunningBot, bot_env
from tests.synapse_server import Synapse
from tests.test_matrix import (  # noqa: F401 (fixtures)
    ANNA,
    BOT,
    CODE,
    DESCRIPTION,
    PASSWORD,
    Person,
    matrix_settings,
    synapse,
    wait_until,
)

MELDER = 424242
ANNA_TELEGRAM = 100000001  # af-anna's chat id in the example organisation (removed here)
MELDTEAM_GROUP = -1000000000004  # the meldteam's Telegram group in the example
STARTED = ("Matrix: syncing", "Telegram: long polling")
SLOW = 60.0

#: A whole online report, typed: (answer, what the next question says).
REPORT = [
    ("online", "Wat is er gebeurd?"),
    (DESCRIPTION, "Wanneer"),
    ("yesterday", "platform"),
    ("instagram", "accountnaam"),
    ("@boze_zoon_1980", "Wie deed het?"),
    ("naaste", "bewijs"),
    ("done", "Hoe gaat het nu met je?"),
    ("2", "anoniem"),
    ("anonymous", "team"),
    ("kliniek-noord", "Naar wie"),
    ("none", "Klopt dit?"),
]


def only_anna_on_matrix_only_meldteam_on_telegram() -> None:
    """af-anna loses her Telegram chat id; the meldteam keeps only its Telegram group (the
    fixture already took the Matrix room ids out)."""
    path = Path(Settings().organisation)
    text = path.read_text()
    line = f"      telegram_chat_id: {ANNA_TELEGRAM}          # EXAMPLE chat id\n"
    assert line in text
    path.write_text(text.replace(line, ""))


async def telegram_report(fake: FakeTelegram) -> str:
    """A melder reports on Telegram by typing; their case code."""

    async def say(text: str, expect: str) -> str:
        seen = len(fake.sent(MELDER))
        fake.message(MELDER, text)

        def answered() -> bool:
            return any(expect.lower() in c.text.lower() for c in fake.sent(MELDER)[seen:])

        await wait_until(answered, SLOW)
        return "\n".join(c.text for c in fake.sent(MELDER)[seen:])

    await say("/start", "Wat wil je doen?")
    for text, expect in REPORT:
        await say(text, expect)
    done = await say("confirm", "Je melding heeft code")
    code = CODE.search(done)
    assert code, done
    return code.group(0)


async def matrix_report(carer: Person, bot: str) -> str:
    """A care worker reports in a direct chat on Matrix by typing; their case code."""
    room = await carer.direct_chat(bot)

    async def answered(expect: str, seen: int) -> str:
        deadline = time.monotonic() + SLOW
        while time.monotonic() < deadline:
            await carer.sync()
            new = "\n".join(carer.texts(room)[seen:])
            if expect.lower() in new.lower():
                return new
            await asyncio.sleep(0.2)
        raise AssertionError(f"the bot did not answer on Matrix ({expect!r})")

    await answered("Wat wil je doen?", 0)
    for text, expect in [*REPORT, ("confirm", "Je melding heeft code")]:
        seen = len(carer.texts(room))
        await carer.send(room, text)
        new = await answered(expect, seen)
    code = CODE.search(new)
    assert code, new
    return code.group(0)


async def matrix_notice(anna: Person, code: str) -> str:
    """af-anna joins the direct chats the bot opens with her and finds the notice."""
    deadline = time.monotonic() + SLOW
    joined: set[str] = set()
    while time.monotonic() < deadline:
        await anna.sync()
        for room_id in set(anna.invites) - joined:
            response = await anna.client.join(room_id)
            assert isinstance(response, nio.JoinResponse), response
            joined.add(room_id)
        found = [t for room in anna.messages for t in anna.texts(room) if code in t]
        if found:
            return found[0]
        await asyncio.sleep(0.2)
    raise AssertionError("af-anna did not receive the case notice on Matrix")


@pytest.mark.sqlite_only  # one process, one database: the channels share it the same way
def test_zorgveilig_run_serves_telegram_and_matrix_together(
    matrix_settings: Settings,  # noqa: F811
    synapse: Synapse,  # noqa: F811
    cli_env: dict[str, str],
) -> None:
    only_anna_on_matrix_only_meldteam_on_telegram()

    async def main() -> None:
        fake = FakeTelegram()
        await fake.start()
        bot = await RunningBot.start(bot_env(cli_env, telegram_url=fake.base_url))
        carer = Person(synapse, "carer-" + uuid.uuid4().hex[:8])
        synapse.register(carer.user_id[1:].split(":")[0], PASSWORD)
        anna = Person(synapse, ANNA)

        def started() -> bool:
            return all(bot.logged(mark) for mark in STARTED)

        try:
            await wait_until(lambda: started() or not bot.running, 90)
            assert bot.running, bot.log[-2000:]
            await carer.login()
            await anna.login()

            # Both channels answer at the same time: a report on each.
            telegram_code, matrix_code = await asyncio.gather(
                telegram_report(fake), matrix_report(carer, synapse.user_id(BOT))
            )
            assert telegram_code != matrix_code

            # The Telegram melder's case reaches af-anna on Matrix, without the story ...
            notice = await matrix_notice(anna, telegram_code)
            assert DESCRIPTION not in notice
            # ... and the Matrix carer's case reaches the meldteam's Telegram group.
            await wait_until(
                lambda: any(matrix_code in c.text for c in fake.sent(MELDTEAM_GROUP)), SLOW
            )
            assert any(telegram_code in c.text for c in fake.sent(MELDTEAM_GROUP))
            assert fake.sent(ANNA_TELEGRAM) == [], "af-anna has no Telegram address here"
            assert await matrix_notice(anna, matrix_code)
        finally:
            await carer.close()
            await anna.close()
            returncode = await bot.stop()
            await fake.stop()
        logged = bot.log
        assert returncode == 0, logged[-2000:]
        assert TOKEN not in logged
        assert PASSWORD not in logged
        assert DESCRIPTION not in logged
        assert str(MELDER) not in logged

    asyncio.run(asyncio.wait_for(main(), 240))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.sqlite_only
def test_zorgveilig_run_serves_a_telegram_webhook_next_to_matrix(
    matrix_settings: Settings,  # noqa: F811
    synapse: Synapse,  # noqa: F811
    cli_env: dict[str, str],
) -> None:
    """The webhook server and the Matrix sync loop share one process and one event loop:
    an update posted to the webhook and a direct chat on Matrix are both answered."""

    async def main() -> None:
        fake = FakeTelegram()
        await fake.start()
        port = free_port()
        url = f"https://bot.example.org/telegram/{port}"
        env = bot_env(cli_env, telegram_url=fake.base_url) | {
            "ZV_TELEGRAM_WEBHOOK_URL": url,
            "ZV_TELEGRAM_WEBHOOK_SECRET": "s3cret-token",
            "ZV_TELEGRAM_WEBHOOK_LISTEN": "127.0.0.1",
            "ZV_TELEGRAM_WEBHOOK_PORT": str(port),
        }
        bot = await RunningBot.start(env)
        carer = Person(synapse, "carer-" + uuid.uuid4().hex[:8])
        synapse.register(carer.user_id[1:].split(":")[0], PASSWORD)

        def started() -> bool:
            return bot.logged("Matrix: syncing") and bot.logged("Telegram: webhook on")

        try:
            await wait_until(lambda: started() or not bot.running, 90)
            assert bot.running, bot.log[-2000:]
            [hook] = fake.called("setWebhook")
            assert hook.params["url"] == url
            update = {
                "update_id": 91001,
                "message": {
                    "message_id": 1,
                    "date": 1_700_000_000,
                    "chat": {"id": MELDER, "type": "private", "first_name": "M"},
                    "from": {"id": MELDER, "is_bot": False, "first_name": "M"},
                    "text": "/start",
                },
            }
            headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
            local = f"http://127.0.0.1:{port}/telegram/{port}"
            async with (
                aiohttp.ClientSession() as http,
                http.post(local, json=update, headers=headers) as response,
            ):
                assert response.status == 200
            await carer.login()
            room = await carer.direct_chat(synapse.user_id(BOT))

            async def greeted_on_matrix() -> bool:
                await carer.sync()
                return any("Wat wil je doen?" in t for t in carer.texts(room))

            deadline = time.monotonic() + SLOW
            while not await greeted_on_matrix():
                assert time.monotonic() < deadline, "the bot did not greet on Matrix"
                await asyncio.sleep(0.2)
            await wait_until(
                lambda: any("Wat wil je doen?" in c.text for c in fake.sent(MELDER)), SLOW
            )
        finally:
            await carer.close()
            returncode = await bot.stop()
            await fake.stop()
        logged = bot.log
        assert returncode == 0, logged[-2000:]
        assert TOKEN not in logged
        assert "s3cret-token" not in logged
        assert PASSWORD not in logged

    asyncio.run(asyncio.wait_for(main(), 240))
