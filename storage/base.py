"""What every repository shares: the transaction's connection, the vault and the clock.

Each aggregate keeps its queries in a repository of its own (conversations, evidence,
cases, outbox, audit, channel state); `storage.unit.Unit` joins them into one unit of
work, so one handled message is one transaction on one connection.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from storage import statements as sql
from storage.crypto import Vault, utf8

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """The real clock (timezone-aware UTC)."""
    return datetime.now(UTC)


class ConcurrentUpdateError(Exception):
    """The conversation changed under us (another process handled a message)."""


class Repository:
    """The shared base of the repositories: the connection, the vault, the clock.

    The hot path runs prebuilt Core statements on the connection; an ORM session joins
    the same transaction only when something asks for `session` (case work, exports),
    so an ordinary message does not pay for one.
    """

    def __init__(self, connection: sa.Connection, vault: Vault, clock: Clock) -> None:
        self.connection = connection
        self.vault = vault
        self.clock = clock
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        """An ORM session inside this unit's transaction (made on first use)."""
        if self._session is None:
            # The session never commits: the unit does, after flushing it.
            self._session = Session(bind=self.connection, expire_on_commit=False)
        return self._session

    def flush(self) -> None:
        """Write pending ORM changes to the database (still uncommitted)."""
        session = self._session
        if session is not None and (session.new or session.dirty or session.deleted):
            session.flush()

    def close(self) -> None:
        """Release the ORM session, if one was made."""
        if self._session is not None:
            self._session.close()
            self._session = None

    def execute(
        self, statement: sa.Executable, params: dict[str, Any] | list[dict[str, Any]]
    ) -> sa.CursorResult[Any]:
        """Run a prebuilt Core statement (`storage.statements`) in this transaction.

        Pending ORM changes are flushed first, so the statement sees everything this
        unit wrote.
        """
        self.flush()
        return self.connection.execute(statement, params)

    def insert_if_new(self, statement: sql.InsertIfNew, params: dict[str, Any]) -> bool:
        """Insert a row unless its unique key is taken; True when it was inserted."""
        return bool(self.insert_all_if_new(statement, [params]))

    def insert_all_if_new(
        self, statement: sql.InsertIfNew, rows: Sequence[dict[str, Any]]
    ) -> list[Any]:
        """Insert the rows whose unique key is free, in one statement; their keys."""
        if not rows:
            return []
        self.flush()
        dialect = self.connection.dialect.name
        result = self.connection.execute(statement.for_dialect(dialect), list(rows))
        return [row[0] for row in result]

    # -- encryption helpers -------------------------------------------------------------

    def _enc_json(self, value: Any) -> bytes:
        return self.vault.encrypt(utf8(json.dumps(value, ensure_ascii=False)))

    def _dec_json(self, token: bytes) -> Any:
        return json.loads(self.vault.decrypt(token))
