"""Background WAL checkpoints for SQLite, off the path of a handled message.

In WAL mode a commit only appends to the write-ahead log; now and then the log is copied
into the database file and synced (a checkpoint). Left to SQLite, the commit that crosses
the threshold does that work, and that melder waits tens of milliseconds. A running bot
checkpoints from this thread instead; SQLite's own threshold stays as a fallback for when
the thread falls behind (see `storage.db`).
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)


class WalCheckpointer:
    """A daemon thread running `PRAGMA wal_checkpoint(PASSIVE)` every `interval` seconds.

    PASSIVE never waits for readers or writers, so it does not hold up a message.
    """

    def __init__(self, engine: Engine, interval: float = 0.25) -> None:
        self.engine = engine
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)

    def start(self) -> WalCheckpointer:
        """Start the thread (returns self)."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop the thread and wait for it."""
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def checkpoint(self) -> None:
        """One passive checkpoint now."""
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.checkpoint()
            except SQLAlchemyError as exc:  # a busy or closing database: try again later
                log.debug("WAL checkpoint skipped: %s", type(exc).__name__)
