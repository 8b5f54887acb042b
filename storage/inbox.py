"""The inbox: platform updates kept from before they are acknowledged until answered.

A channel stores each update here (encrypted) before it tells the platform it has it, so
a crash loses none: on start the channel drains what is left. An update whose turn
committed is voided in that turn's transaction (see `claim_message`); what remains is the
chat, so an answer lost in a crash can be sent again; it goes when the answer went out
(`finish_inbox`). Rows are keyed by the platform's id: a redelivered update is stored once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from storage import statements as sql
from storage.base import Repository
from storage.locks import free_claims_of_the_dead


@dataclass(frozen=True)
class InboxItem:
    """An update to store: its message id, its order, the raw update, and its chat."""

    message_id: str
    seq: int
    update: dict[str, Any]
    chat: str | None


@dataclass(frozen=True)
class InboxEntry:
    """An update claimed from the inbox: the raw update, or None when its turn committed
    already (then only its answer may be missing, for `chat`)."""

    message_id: str
    seq: int
    update: dict[str, Any] | None
    chat: str | None


class InboxRepository(Repository):
    """Stores, claims, voids and finishes a channel's incoming updates."""

    def store_inbox(
        self, channel: str, items: Sequence[InboxItem], *, holder: int, lease: timedelta
    ) -> list[str]:
        """Store updates, held by process `holder` for `lease`; the ids that were new."""
        now = self.clock()
        rows = [
            {
                "channel": channel,
                "message_id": item.message_id,
                "seq": item.seq,
                "update_enc": self._enc_json(item.update),
                "chat_enc": self.vault.encrypt_text(item.chat) if item.chat else None,
                "received_at": now,
                "claimed_until": now + lease,
                "claimed_by": holder,
            }
            for item in items
        ]
        return [str(key) for key in self.insert_all_if_new(sql.INSERT_INBOX, rows)]

    def claim_inbox(
        self,
        channel: str,
        *,
        holder: int,
        lease: timedelta,
        starting: bool = False,
        limit: int = 500,
    ) -> list[InboxEntry]:
        """Take over, in order, the updates not yet answered that no living process holds:
        their holder died (its lock is free: `storage.locks`), their lease ran out, or
        nobody held them. Those of process `holder` itself stay where they are, unless
        the channel is `starting` in it (then none of them is in progress)."""
        now = self.clock()
        table = sql.INBOX
        open_rows = sa.and_(table.c.channel == channel, table.c.done_at.is_(None))
        free_claims_of_the_dead(
            self.connection, table, me=holder, open_rows=open_rows, mine_too=starting
        )
        stmt = (
            sa.select(table.c.message_id, table.c.seq, table.c.update_enc, table.c.chat_enc)
            .where(
                open_rows,
                sa.or_(table.c.claimed_until.is_(None), table.c.claimed_until < now),
            )
            .order_by(table.c.seq)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        rows = self.execute(stmt, {}).all()
        if not rows:
            return []
        self.execute(
            sa.update(table)
            .where(
                table.c.channel == channel,
                table.c.message_id.in_([row.message_id for row in rows]),
            )
            .values(claimed_until=now + lease, claimed_by=holder),
            {},
        )
        return [self._entry(row) for row in rows]

    def open_inbox_entries(self, channel: str, *, limit: int = 2000) -> list[InboxEntry]:
        """The updates of a channel not answered yet, whoever holds them, in order (to see
        whether a chat went on after a lost answer); nothing is claimed."""
        table = sql.INBOX
        stmt = (
            sa.select(table.c.message_id, table.c.seq, table.c.update_enc, table.c.chat_enc)
            .where(table.c.channel == channel, table.c.done_at.is_(None))
            .order_by(table.c.seq)
            .limit(limit)
        )
        return [self._entry(row, with_update=False) for row in self.execute(stmt, {}).all()]

    def _entry(self, row: sa.Row[Any], *, with_update: bool = True) -> InboxEntry:
        return InboxEntry(
            message_id=row.message_id,
            seq=row.seq,
            update=self._dec_json(row.update_enc) if with_update and row.update_enc else None,
            chat=self.vault.decrypt_text(row.chat_enc) if row.chat_enc else None,
        )

    def finish_inbox(self, channel: str, message_ids: Sequence[str]) -> None:
        """Updates answered (or needing no answer): nothing of them is kept but the id."""
        if message_ids:
            self.execute(
                sql.FINISH_INBOX,
                {"b_channel": channel, "ids": list(message_ids), "now": self.clock()},
            )

    def open_inbox(self, channel: str) -> int:
        """How many updates of a channel are not answered yet (status, tests)."""
        table = sql.INBOX
        stmt = (
            sa.select(sa.func.count())
            .select_from(table)
            .where(table.c.channel == channel, table.c.done_at.is_(None))
        )
        return int(self.execute(stmt, {}).scalar_one())
