"""The unit of work: one transaction per handled message, over every repository.

Encryption happens in the repositories, so callers deal in plain values and nothing
readable reaches the database by accident.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from storage.audit import AuditRepository
from storage.base import Clock, utcnow
from storage.cases import CaseRepository
from storage.channel_state import ChannelStateRepository
from storage.checkpoints import WalCheckpointer
from storage.conversations import ConversationRepository
from storage.crypto import Vault
from storage.evidence import EvidenceRepository
from storage.inbox import InboxRepository
from storage.models import Conversation
from storage.outbox import DeliveryWindow, OutboxRepository


class Store:
    """Entry point to the database: hands out units of work."""

    def __init__(
        self,
        engine: Engine,
        vault: Vault,
        clock: Clock = utcnow,
        window: DeliveryWindow | None = None,
    ) -> None:
        self.engine = engine
        self.vault = vault
        self.clock = clock
        # The organisation's delivery hours for quiet-hours messages: every channel's
        # outbox claims honour them, so no channel can send a check-in at night.
        self.window = window
        # SQLite has one writer at a time, and a transaction that has to wait for it sleeps
        # in SQLite's busy handler (1, 2, 5 ... 100 ms steps). Threads of one process take
        # turns on this lock instead; other processes still meet the busy timeout.
        self._turns: AbstractContextManager[Any] = (
            threading.RLock() if engine.dialect.name == "sqlite" else nullcontext()
        )
        self._checkpointer: WalCheckpointer | None = None

    def start_background_work(self) -> None:
        """For a long-running process: checkpoint SQLite's WAL off the message path."""
        if self.engine.dialect.name == "sqlite" and self._checkpointer is None:
            self._checkpointer = WalCheckpointer(self.engine).start()

    def close(self) -> None:
        """Stop background work and release the database connections."""
        if self._checkpointer is not None:
            self._checkpointer.stop()
            self._checkpointer = None
        self.engine.dispose()

    @contextmanager
    def unit(self) -> Iterator[Unit]:
        """A transaction: committed when the block ends, rolled back on an exception."""
        with self._turns, self.engine.connect() as connection:
            transaction = connection.begin()
            unit = Unit(connection, self.vault, self.clock, self.window)
            try:
                yield unit
                unit.flush()
                transaction.commit()
            except BaseException:
                transaction.rollback()
                raise
            finally:
                unit.close()

    def pseudonym(self, channel: str, address: str) -> str:
        """The stored key of a chat (see `Vault.pseudonym`)."""
        return self.vault.pseudonym(channel, address)


class Unit(
    ConversationRepository,
    CaseRepository,
    EvidenceRepository,
    OutboxRepository,
    ChannelStateRepository,
    InboxRepository,
    AuditRepository,
):
    """Every repository's operations inside one transaction, on one connection.

    What spans aggregates (forgetting a chat) lives here; the rest in the repositories.
    """

    def __init__(
        self,
        connection: sa.Connection,
        vault: Vault,
        clock: Clock,
        window: DeliveryWindow | None = None,
    ) -> None:
        super().__init__(connection, vault, clock)
        self.window = window

    def forget_chat(self, conversation_key: str) -> bool:
        """Delete a chat: its conversation, its draft evidence and what its channel
        remembers of it (erasure, retention). False when there was no such chat."""
        row = self.session.get(Conversation, conversation_key)
        if row is None:
            return False
        self.discard_draft_evidence(conversation_key)
        self.forget_chat_values(row.channel, conversation_key)
        self.session.delete(row)
        return True
