"""Database engine set-up and schema migrations (Alembic, run on start-up)."""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url

from storage import web_tables as _web_tables  # noqa: F401  (the desk's tables on the metadata)
from storage.files import private_dir, private_file, tighten_if_present

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def create_db_engine(url: str) -> Engine:
    """Create an engine; for SQLite, make the file's folder and tune for one writer."""
    parsed = make_url(url)
    kwargs: dict[str, Any] = {"future": True}
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            _private_sqlite(Path(parsed.database))
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
        # Units take turns on SQLite (one writer): reuse the most recent connection, whose
        # page cache is warm, instead of cycling through the pool and warming each one.
        kwargs["pool_use_lifo"] = True
    else:
        kwargs["pool_pre_ping"] = True
    engine = sa.create_engine(url, **kwargs)
    if parsed.get_backend_name() == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _private_sqlite(database: Path) -> None:
    """The database file 0600 before SQLite opens it: SQLite gives its -wal and -shm files
    the database file's mode, so they are private too (older ones are tightened)."""
    private_dir(database.parent, tighten=False)
    private_file(database)
    for suffix in ("-wal", "-shm", "-journal"):
        tighten_if_present(database.with_name(database.name + suffix))


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    # WAL lets readers (an aanspreekpunt's chat) work while a melder's chat writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # 32 MB of page cache per connection (SQLite's default is 2 MB): the indexes of a
    # large case table stay in memory, so latency does not grow with the stored cases.
    cursor.execute("PRAGMA cache_size=-32000")
    # A running bot checkpoints the WAL in the background (storage.checkpoints); the commit
    # that crosses this threshold (about 40 MB of log) does it only when that falls behind.
    cursor.execute("PRAGMA wal_autocheckpoint=10000")
    cursor.close()


def alembic_config(engine: Engine) -> Config:
    """An Alembic config bound to this engine (no alembic.ini needed)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration, one process at a time: processes that
    start together on a fresh database would otherwise create the same tables twice."""
    with migration_lock(engine):
        command.upgrade(alembic_config(engine), "heads")


#: The PostgreSQL advisory lock key every bot process takes around its migration.
MIGRATION_LOCK_KEY = 0x5A56_4D49  # "ZVMI"


@contextmanager
def migration_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's migration lock: a PostgreSQL advisory lock, or for SQLite an
    exclusive lock on a file beside the database. Both go when the process dies."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            key = {"key": MIGRATION_LOCK_KEY}
            connection.execute(sa.text("SELECT pg_advisory_lock(:key)"), key)
            try:
                yield
            finally:
                connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"), key)
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    path = private_file(Path(database + ".migration-lock"))
    with path.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
