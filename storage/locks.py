"""Locks held by a process for as long as it lives: who is alive, who leads.

Several bot processes share one database. Each holds a `SessionLock` on its own key for
its whole life (`Presence`), so another process can tell whether the holder of a claim is
still alive (`holder_alive`) and take over its work the moment it dies, without waiting
for a lease to run out. Work that only one process may do at a time (the Matrix sync, with
its one device and key store) goes to whoever holds that work's lock (the leader).

On PostgreSQL a lock is a session-level advisory lock on a connection of its own, which
the server releases when the process dies (its connection closes). On SQLite (one host)
it is an exclusive `flock` on a file beside the database, which the kernel releases when
the process dies; an in-memory database has one process, so its locks live in memory.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import secrets
import threading
from pathlib import Path
from typing import IO

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from storage.files import private_dir, private_file

log = logging.getLogger(__name__)

#: Keys already held in this process on a database without a file (tests in memory).
_MEMORY_HELD: set[int] = set()
_MEMORY_GUARD = threading.Lock()


def lock_key(name: str) -> int:
    """The 64-bit signed key of a named lock (PostgreSQL's advisory lock key space)."""
    digest = hashlib.blake2b(name.encode(), digest_size=8, person=b"zv-lock").digest()
    return int.from_bytes(digest, "big", signed=True)


def new_process_key() -> int:
    """A key no other process holds: a random positive 63-bit number."""
    return secrets.randbits(62) + 1


class SessionLock:
    """One lock, held by this process from `try_acquire` until `release` or its death.

    Not thread-safe on its own: one owner (a channel's task, the runtime) uses it."""

    def __init__(self, engine: Engine, key: int) -> None:
        self.engine = engine
        self.key = key
        self._connection: Connection | None = None
        self._file: IO[bytes] | None = None
        self._in_memory = False

    @property
    def acquired(self) -> bool:
        """Whether this object took the lock (see `held` for whether it still has it)."""
        return self._connection is not None or self._file is not None or self._in_memory

    @property
    def can_be_lost(self) -> bool:
        """Whether a living holder can lose the lock (a PostgreSQL lock goes with its
        connection; a flock or an in-memory lock only with its process)."""
        return self.engine.dialect.name == "postgresql"

    def try_acquire(self) -> bool:
        """Take the lock if nobody holds it; True when this process holds it now."""
        if self.acquired:
            return self.held()
        if self.engine.dialect.name == "postgresql":
            return self._try_postgres()
        path = _lock_file(self.engine, self.key)
        if path is None:
            with _MEMORY_GUARD:
                if self.key in _MEMORY_HELD:
                    return False
                _MEMORY_HELD.add(self.key)
            self._in_memory = True
            return True
        handle = private_file(path).open("rb")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._file = handle
        return True

    def _try_postgres(self) -> bool:
        connection = self.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            taken = connection.execute(
                sa.text("SELECT pg_try_advisory_lock(:key)"), {"key": self.key}
            ).scalar_one()
        except Exception:
            connection.close()
            raise
        if not taken:
            connection.close()
            return False
        self._connection = connection
        return True

    def held(self) -> bool:
        """Whether the lock is still this process's: on PostgreSQL its connection must
        still answer (a lost connection lost the lock). A lost lock is let go."""
        if self._connection is not None:
            try:
                self._connection.execute(sa.text("SELECT 1"))
            except Exception as exc:
                log.warning("a lock's database connection was lost: %s", type(exc).__name__)
                self.release()
                return False
            return True
        return self._file is not None or self._in_memory

    def release(self) -> None:
        """Let the lock go (also when its connection is gone already)."""
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": self.key})
            except Exception:  # the connection died: the server released the lock
                log.info("a lock's connection was gone at release")
            finally:
                connection.invalidate()
                connection.close()
        handle, self._file = self._file, None
        if handle is not None:
            fcntl.flock(handle, fcntl.LOCK_UN)
            handle.close()
        if self._in_memory:
            self._in_memory = False
            with _MEMORY_GUARD:
                _MEMORY_HELD.discard(self.key)


def holder_alive(connection: Connection, key: int) -> bool:
    """Whether a process holds lock `key` right now, asked inside a transaction of
    `connection` (on PostgreSQL the probe is a transaction-level lock, gone at commit)."""
    if connection.dialect.name == "postgresql":
        free = connection.execute(
            sa.text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": key}
        ).scalar_one()
        return not free
    path = _lock_file(connection.engine, key, create=False)
    if path is None:
        with _MEMORY_GUARD:
            return key in _MEMORY_HELD
    if not path.exists():
        return False
    with path.open("rb") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
    # Nobody holds it: the process is gone, and so may its file be.
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    return False


def free_claims_of_the_dead(
    connection: Connection,
    table: sa.Table,
    *,
    me: int | None,
    open_rows: sa.ColumnElement[bool],
    mine_too: bool = False,
) -> int:
    """Free the claims (`claimed_by`, `claimed_until`) that processes which died hold on
    the `open_rows` of `table`, so their work is taken up now rather than when the lease
    runs out; how many rows were freed. The claims of `me` stay, unless `mine_too` (the
    caller starts: nothing of its own is in progress yet)."""
    holders = connection.execute(
        sa.select(table.c.claimed_by).where(open_rows, table.c.claimed_by.is_not(None)).distinct()
    ).scalars()
    dead = [
        key
        for key in holders
        if (key == me and mine_too) or (key != me and not holder_alive(connection, key))
    ]
    if not dead:
        return 0
    result = connection.execute(
        sa.update(table)
        .where(open_rows, table.c.claimed_by.in_(dead))
        .values(claimed_by=None, claimed_until=None)
    )
    return int(result.rowcount or 0)


class Presence:
    """This process's life, as a lock on its own key: claims it makes (an inbox row) carry
    `key`, and another process takes them over once `holder_alive` says it died."""

    def __init__(self, engine: Engine) -> None:
        self._lock = SessionLock(engine, new_process_key())
        # `alive` runs in the ticker's thread and `stop` in the closing one: one at a
        # time, and never alive again after a stop (it would take a lock nobody releases).
        self._guard = threading.Lock()
        self._stopped = False

    @property
    def key(self) -> int:
        return self._lock.key

    def start(self) -> None:
        """Hold the lock (a fresh random key: nobody else has it)."""
        if not self._lock.try_acquire():
            raise RuntimeError("a fresh process key was taken")

    def alive(self) -> bool:
        """Whether this process still holds its key (its lock connection answers); a lost
        key is taken again: claims made before stay this process's. False once stopped."""
        with self._guard:
            if self._stopped:
                return False
            if self._lock.held():
                return True
            return self._lock.try_acquire()

    def stop(self) -> None:
        """Release the key: what this process still holds can be taken over."""
        with self._guard:
            self._stopped = True
            self._lock.release()
        path = _lock_file(self._lock.engine, self.key, create=False)
        if path is not None:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


def _lock_file(engine: Engine, key: int, *, create: bool = True) -> Path | None:
    """The file whose flock is lock `key` on a SQLite database (None: in memory)."""
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    folder = Path(database + ".locks")
    if create:
        private_dir(folder)
    return folder / f"{key & 0xFFFF_FFFF_FFFF_FFFF:016x}"
