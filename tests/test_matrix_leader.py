"""Several `zorgveilig run` processes on one database: exactly one syncs Matrix.

Two real processes share the database and the data folder (with the crypto store); a
melder on the real Synapse gets one answer per message. When the syncing process is killed
the other one takes over within 30 seconds and answers what came in meanwhile, once.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable
from dataclasses import replace

import pytest
import sqlalchemy as sa

from bot.core.ticker import Ticker
from bot.matrix.homeserver import MatrixError
from bot.matrix.leader import STANDING_BY, STOPPED, MatrixLeader
from bot.matrix.run import options_from
from bot.runtime import Runtime
from bot.settings import Settings
from storage.locks import SessionLock
from tests.running_bot import RunningBot, bot_env
from tests.synapse_server import Synapse
from tests.test_matrix import (  # noqa: F401 (fixtures)
    BOT,
    DESCRIPTION,
    PASSWORD,
    Person,
    matrix_settings,
    synapse,
    wait_until,
)

SYNCING = "Matrix: syncing"
TAKEOVER = 30.0  # what the README promises after the syncing process dies
START = 60.0


async def answered(melder: Person, room: str, expect: str, timeout: float = START) -> float:
    """Sync until a message of the bot contains `expect`; when it arrived (monotonic)."""
    deadline = time.monotonic() + timeout
    while not any(expect in text for text in melder.texts(room)):
        assert time.monotonic() < deadline, f"no answer with {expect!r}: {melder.texts(room)}"
        await asyncio.sleep(0.2)
        await melder.sync()
    return time.monotonic()


async def started(bots: list[RunningBot]) -> tuple[RunningBot, RunningBot]:
    """Wait until one process syncs and the other stands by: (leader, standby)."""

    def settled(bot: RunningBot) -> bool:
        return bot.logged(SYNCING) or bot.logged(STANDING_BY) or not bot.running

    await wait_until(lambda: all(settled(bot) for bot in bots), START)
    for bot in bots:
        assert bot.running, bot.log[-3000:]
    leaders = [bot for bot in bots if bot.logged(SYNCING)]
    assert len(leaders) == 1, "exactly one process syncs"
    [standby] = [bot for bot in bots if bot is not leaders[0]]
    assert standby.logged(STANDING_BY)
    return leaders[0], standby


async def say(melder: Person, room: str, text: str, expect: str) -> float:
    await melder.send(room, text)
    return await answered(melder, room, expect)


@pytest.mark.postgresql_only  # the case that matters; SQLite's lock: the tests below
def test_one_process_syncs_and_another_takes_over_when_it_dies(
    matrix_settings: Settings,  # noqa: F811
    synapse: Synapse,  # noqa: F811
    cli_env: dict[str, str],
) -> None:
    """Each message is answered once, also the one sent right after the leader died."""
    env = bot_env(cli_env)

    async def main() -> None:
        first = await RunningBot.start(env)
        bots = [first]
        melder = Person(synapse, "melder-" + uuid.uuid4().hex[:8])
        synapse.register(melder.user_id[1:].split(":")[0], PASSWORD)
        try:
            # The second starts once the first made the data folder's keys.
            await wait_until(lambda: first.logged("ready in") or not first.running, START)
            bots.append(await RunningBot.start(env))
            leader, standby = await started(bots)
            await melder.login()
            room = await melder.direct_chat(synapse.user_id(BOT))
            await answered(melder, room, "Wat wil je doen?")
            await say(melder, room, "online", "Wat is er gebeurd?")

            leader.process.kill()
            await leader.process.wait()
            killed = time.monotonic()
            arrived = await say(melder, room, DESCRIPTION, "Wanneer")
            assert arrived - killed < TAKEOVER
            await wait_until(lambda: standby.logged(SYNCING))  # logged after its first sync
            assert standby.logged("Matrix: taking over")
            print(f"\nanswered {arrived - killed:.1f} s after the kill")
            await say(melder, room, "yesterday", "platform")
            await asyncio.sleep(2)  # time for an answer sent twice to show
            await melder.sync()
            texts = melder.texts(room)
            for expect in ("Wat wil je doen?", "Wat is er gebeurd?", "Wanneer", "platform"):
                assert len([text for text in texts if expect in text]) == 1, texts
            assert len(set(texts)) == len(texts), "no message of the bot twice"
        finally:
            await melder.close()
            for bot in bots:
                await bot.stop()
        assert standby.process.returncode == 0, "the new leader stops cleanly on SIGINT"
        assert "Traceback" not in standby.log, standby.log[-3000:]
        assert melder.user_id not in standby.log + leader.log
        assert room not in standby.log + leader.log

    asyncio.run(main())


def leaders(runtime: Runtime, password: str = PASSWORD) -> tuple[MatrixLeader, MatrixLeader]:
    """Two would-be leaders as two processes would run them (each its own lock)."""
    options = replace(
        options_from(runtime.settings),
        sync_timeout_ms=2000,
        outbox_interval=0.3,
        tick_interval=1.0,
        standby_interval=0.2,
        password=password,
    )
    return (
        MatrixLeader(runtime, options, Ticker(runtime.tick)),
        MatrixLeader(runtime, options, Ticker(runtime.tick)),
    )


def test_a_stopped_leader_hands_over_and_a_lost_lock_stops_syncing(
    matrix_settings: Settings,  # noqa: F811
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,  # noqa: F811
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Stopping lets the lock go at once; on PostgreSQL, a leader whose lock connection is
    cut stops syncing (another may hold the lock by then) and stands by."""
    runtime = make_runtime(fresh_settings=True)

    async def main() -> None:
        first, second = leaders(runtime)
        try:
            await first.start()
            await second.start()
            assert first.channel is not None, "the first to start leads"
            assert second.channel is None
            assert STANDING_BY in caplog.text

            await first.stop()
            await wait_until(lambda: second.channel is not None and second.channel.synced.is_set())
            assert first.channel is None
            if runtime.store.engine.dialect.name != "postgresql":
                return
            await first.start()  # stands by again
            # The sync lock's connection only (the process's own lock stays).
            key = second.lock.key & 0xFFFF_FFFF_FFFF_FFFF
            with runtime.store.engine.connect() as connection:
                cut = connection.execute(
                    sa.text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_locks "
                        "WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid() "
                        "AND classid::text::bigint = :high AND objid::text::bigint = :low "
                        "AND database = (SELECT oid FROM pg_database "
                        "WHERE datname = current_database())"
                    ),
                    {"high": key >> 32, "low": key & 0xFFFF_FFFF},
                ).scalar_one()
            assert cut == 1
            cut_at = len(caplog.records)
            # The database answers the leader's check slowly now: it must not sync on until
            # the answer comes while the other process already syncs.
            held = second.lock.held

            def slow_held() -> bool:
                time.sleep(1.5)
                return held()

            second.lock.held = slow_held
            await wait_until(lambda: second.channel is None)
            await wait_until(lambda: first.channel is not None and first.channel.synced.is_set())
            after = [record.getMessage() for record in caplog.records[cut_at:]]
            assert "Matrix: the sync lock's check did not answer in time" in after
            stopped, took_over = after.index(STOPPED), after.index("Matrix: taking over")
            assert stopped < took_over, f"two syncs overlapped: {after}"
        finally:
            await first.stop()
            await second.stop()

    asyncio.run(asyncio.wait_for(main(), 60))


@pytest.mark.sqlite_only  # the lock's part is the same on PostgreSQL (tests above)
def test_a_failed_login_fails_the_start_and_lets_the_lock_go(
    matrix_settings: Settings,  # noqa: F811
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,  # noqa: F811
) -> None:
    """A wrong password ends `zorgveilig run` as before, and leaves the lock free."""
    runtime = make_runtime(fresh_settings=True)
    leader, _ = leaders(runtime, "wrong-" + PASSWORD)

    async def main() -> None:
        with pytest.raises(MatrixError, match="login with ZV_MATRIX_PASSWORD"):
            await leader.start()
        await leader.stop()

    asyncio.run(main())
    lock = SessionLock(runtime.store.engine, leader.lock.key)
    assert lock.try_acquire(), "nobody holds the lock"
    lock.release()
