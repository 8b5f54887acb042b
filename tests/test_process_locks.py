"""Process locks (storage.locks): a process that dies lets go of its claims at once, and
work for one process at a time has exactly one leader, on SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.runtime import Runtime
from storage.db import create_db_engine
from storage.locks import Presence, SessionLock, holder_alive, lock_key

HOLD = """
import sys, time
from bot.runtime import Runtime
from storage.db import create_db_engine
from storage.locks import SessionLock
lock = SessionLock(create_db_engine(sys.argv[1]), int(sys.argv[2]))
print("held" if lock.try_acquire() else "refused", flush=True)
time.sleep(600)
"""


@pytest.fixture
def engine(database_url: str | None, tmp_path: Path) -> Iterator[Engine]:
    url = database_url or f"sqlite:///{tmp_path / 'var' / 'zorgveilig.db'}"
    db = create_db_engine(url)
    yield db
    db.dispose()


def _hold_elsewhere(engine: Engine, key: int) -> subprocess.Popen[str]:
    """Another process that takes lock `key` and keeps it until killed."""
    url = engine.url.render_as_string(hide_password=False)
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD, url, str(key)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    return process


def _kill(process: subprocess.Popen[str]) -> None:
    process.kill()
    process.wait()
    assert process.stdout is not None
    process.stdout.close()


def _alive(engine: Engine, key: int) -> bool:
    with engine.begin() as connection:
        return holder_alive(connection, key)


def _free(engine: Engine, key: int) -> None:
    lock = SessionLock(engine, key)
    assert lock.try_acquire(), "nobody holds the lock now"
    lock.release()


def _until(condition: object, timeout: float = 10.0) -> bool:
    assert callable(condition)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_killed_process_is_seen_dead_at_once(engine: Engine) -> None:
    key = lock_key("test-process")
    other = _hold_elsewhere(engine, key)
    try:
        assert _alive(engine, key), "a living holder is alive"
        assert not SessionLock(engine, key).try_acquire(), "its lock cannot be taken"
    finally:
        _kill(other)
    assert _until(lambda: not _alive(engine, key), 5), "dead within seconds of the kill"
    _free(engine, key)


def test_one_leader_at_a_time_and_a_successor_when_it_dies(engine: Engine) -> None:
    key = lock_key("matrix-sync")
    leader = _hold_elsewhere(engine, key)
    standby = SessionLock(engine, key)
    try:
        assert not standby.try_acquire(), "the second process waits"
        assert not standby.try_acquire(), "and keeps waiting while the leader lives"
    finally:
        _kill(leader)
    assert _until(standby.try_acquire, 5), "the standby leads once the leader died"
    assert standby.held()
    standby.release()
    assert not standby.held()
    _free(engine, key)


def test_presence_is_alive_until_stopped(engine: Engine) -> None:
    presence = Presence(engine)
    presence.start()
    assert presence.alive()
    assert _alive(engine, presence.key), "seen alive by others"
    presence.stop()
    assert not _alive(engine, presence.key), "a stopped process is not alive"
    assert not _alive(engine, 12345), "a key nobody ever held is not alive"


def test_a_stopped_presence_is_not_taken_again_by_a_late_check(engine: Engine) -> None:
    """The ticker's thread may check `alive` just after the process stopped: it must not
    take the key again (a lock, and its connection, that nobody would ever release)."""
    presence = Presence(engine)
    presence.start()
    presence.stop()
    assert not presence.alive(), "stopped is stopped"
    assert not _alive(engine, presence.key), "the key stays free"
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            locks = connection.execute(
                sa.text(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database ="
                    " (SELECT oid FROM pg_database WHERE datname = current_database())"
                )
            ).scalar_one()
        assert locks == 0, "no advisory lock is left behind"
    else:
        folder = Path(str(engine.url.database) + ".locks")
        assert not list(folder.iterdir()), "no lock file is left behind"
    _free(engine, presence.key)


def test_a_leader_whose_connection_was_cut_knows_it_lost(
    database_url: str | None, engine: Engine
) -> None:
    if database_url is None:
        pytest.skip("a cut connection is PostgreSQL's case")
    lock = SessionLock(engine, lock_key("cut"))
    assert lock.try_acquire()
    with engine.connect() as admin:
        admin.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_locks "
                "WHERE locktype = 'advisory' AND pid <> pg_backend_pid() "
                # (only this test's database: another test running beside it keeps its own)
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            )
        )
        admin.commit()
    assert _until(lambda: not lock.held(), 5), "held() says the lock is gone"
    _free(engine, lock_key("cut"))


@pytest.mark.postgresql_only  # a cut connection is PostgreSQL's case
def test_a_process_whose_lock_connection_was_cut_takes_its_key_again(
    runtime: Runtime, engine: Engine
) -> None:
    presence = runtime.presence
    with engine.connect() as admin:
        admin.execute(
            sa.text(
                "SELECT pg_terminate_backend(pid) FROM pg_locks "
                "WHERE locktype = 'advisory' AND pid <> pg_backend_pid() "
                # (only this test's database: another test running beside it keeps its own)
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            )
        )
        admin.commit()
    assert _until(lambda: not _alive(engine, presence.key), 5), "others see it gone"
    runtime.tick()  # the running bot's periodic work
    assert _alive(engine, presence.key), "the process took its key again"


def test_sqlite_lock_files_are_private(tmp_path: Path) -> None:
    db = create_db_engine(f"sqlite:///{tmp_path / 'var' / 'zorgveilig.db'}")
    presence = Presence(db)
    presence.start()
    folder = tmp_path / "var" / "zorgveilig.db.locks"
    assert folder.stat().st_mode & 0o777 == 0o700
    (held,) = folder.iterdir()
    assert held.stat().st_mode & 0o777 == 0o600
    presence.stop()
    assert not list(folder.iterdir()), "a stopped process leaves no file"
    db.dispose()
