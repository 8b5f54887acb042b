"""Prebuilt SQL statements for the per-message hot path.

Building a statement with the ORM costs more than running it on SQLite. These are built
once, with bind parameters, and run as Core statements on the unit's connection (see
`Unit.execute`), so a handled message pays only for compiling-cache lookups and the
database itself. Only plain writes and reads live here; anything that needs the identity
map stays ORM in the repositories.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storage.models import (
    AuditEvent,
    Case,
    ChannelState,
    Conversation,
    Evidence,
    InboxUpdate,
    OutboxMessage,
    ProcessedMessage,
    RoutingDecision,
    Timer,
)


def table(model: type) -> sa.Table:
    """The Core table of a SQLModel class."""
    return cast(sa.Table, model.__table__)  # type: ignore[attr-defined]


CONVERSATION = table(Conversation)
CASE = table(Case)
EVIDENCE = table(Evidence)
ROUTING = table(RoutingDecision)
OUTBOX = table(OutboxMessage)
AUDIT = table(AuditEvent)
PROCESSED = table(ProcessedMessage)
CHANNEL_STATE = table(ChannelState)
TIMER = table(Timer)
INBOX = table(InboxUpdate)

LOAD_CONVERSATION = sa.select(CONVERSATION).where(CONVERSATION.c.key == sa.bindparam("key"))
LOAD_CONVERSATION_LOCKED = LOAD_CONVERSATION.with_for_update()
INSERT_CONVERSATION = sa.insert(CONVERSATION)
UPDATE_CONVERSATION = (
    sa.update(CONVERSATION)
    .where(
        CONVERSATION.c.key == sa.bindparam("b_key"),
        CONVERSATION.c.version == sa.bindparam("b_version"),
    )
    .values(
        lang=sa.bindparam("lang"),
        flow=sa.bindparam("flow"),
        step=sa.bindparam("step"),
        state_enc=sa.bindparam("state_enc"),
        version=sa.bindparam("version"),
        updated_at=sa.bindparam("updated_at"),
    )
)

ATTACH_DRAFT_EVIDENCE = (
    sa.update(EVIDENCE)
    .where(
        EVIDENCE.c.conversation_key == sa.bindparam("b_conversation_key"),
        EVIDENCE.c.case_id.is_(None),
    )
    .values(case_id=sa.bindparam("case_id"), conversation_key=None)
)

CASE_CODE_TAKEN = sa.select(CASE.c.id).where(CASE.c.code == sa.bindparam("code"))
INSERT_CASE = sa.insert(CASE)

INSERT_AUDIT = sa.insert(AUDIT)

#: A channel's rows about one chat are named `<purpose>:<the chat's pseudonym>`; the
#: suffix is a pseudonym (base32), which holds no LIKE wildcard.
DELETE_CHAT_VALUES = sa.delete(CHANNEL_STATE).where(
    CHANNEL_STATE.c.channel == sa.bindparam("channel"),
    CHANNEL_STATE.c.name.endswith(sa.bindparam("suffix")),
)
INSERT_ROUTING = sa.insert(ROUTING)
ROUTING_OF_CASE = (
    sa.select(ROUTING.c.contact_id, ROUTING.c.role, ROUTING.c.reason)
    .where(ROUTING.c.case_id == sa.bindparam("case_id"))
    .order_by(ROUTING.c.id)
)
_EVIDENCE_ITEM = sa.select(
    EVIDENCE.c.id,
    EVIDENCE.c.kind,
    EVIDENCE.c.name_enc,
    EVIDENCE.c.media_type,
    EVIDENCE.c.size,
    EVIDENCE.c.sha256,
    EVIDENCE.c.received_at,
).order_by(EVIDENCE.c.id)
EVIDENCE_OF_CASE = _EVIDENCE_ITEM.where(EVIDENCE.c.case_id == sa.bindparam("case_id"))
DRAFT_EVIDENCE = _EVIDENCE_ITEM.where(
    EVIDENCE.c.conversation_key == sa.bindparam("conversation_key"),
    EVIDENCE.c.case_id.is_(None),
)
DISCARD_DRAFT_EVIDENCE = sa.delete(EVIDENCE).where(
    EVIDENCE.c.conversation_key == sa.bindparam("conversation_key"),
    EVIDENCE.c.case_id.is_(None),
)


@dataclass(frozen=True)
class InsertIfNew:
    """`INSERT ... ON CONFLICT DO NOTHING` on a unique key, per dialect.

    One statement instead of a look-up and an insert; a returned row says the row was
    new. Both supported databases (SQLite, PostgreSQL) have the clause.
    """

    sqlite: sa.Insert
    postgresql: sa.Insert

    def for_dialect(self, name: str) -> sa.Insert:
        """The statement for a dialect name (`sqlite` or `postgresql`)."""
        return self.postgresql if name == "postgresql" else self.sqlite


def insert_if_new(target: sa.Table, *keys: str) -> InsertIfNew:
    """An insert that skips rows whose `keys` are taken already."""
    columns = [target.c[k] for k in keys]
    # RETURNING tells whether the row went in: psycopg reports no row count for it.
    return InsertIfNew(
        sqlite=sqlite_insert(target)
        .on_conflict_do_nothing(index_elements=columns)
        .returning(columns[0]),
        postgresql=postgresql_insert(target)
        .on_conflict_do_nothing(index_elements=columns)
        .returning(columns[0]),
    )


#: Messages a recipient refused (e.g. a blocked bot) go out again once they are back.
REOPEN_REFUSED = (
    sa.update(OUTBOX)
    .where(
        # Not named after columns: in an UPDATE those names belong to the SET clause.
        OUTBOX.c.channel == sa.bindparam("b_channel"),
        OUTBOX.c.recipient.in_(sa.bindparam("recipients", expanding=True)),
        OUTBOX.c.delivered_at.is_(None),
        OUTBOX.c.failed_at.is_not(None),
        OUTBOX.c.last_error == sa.bindparam("b_error"),
        sa.or_(OUTBOX.c.expires_at.is_(None), OUTBOX.c.expires_at > sa.bindparam("now")),
    )
    .values(failed_at=None, last_error=None, not_before=sa.bindparam("now"))
)

INSERT_PROCESSED = insert_if_new(PROCESSED, "channel", "message_id")
INSERT_INBOX = insert_if_new(INBOX, "message_id", "channel")
#: An update's turn commits: its content goes, in the same transaction.
VOID_INBOX = (
    sa.update(INBOX)
    .where(
        INBOX.c.channel == sa.bindparam("b_channel"),
        INBOX.c.message_id == sa.bindparam("b_message_id"),
        INBOX.c.handled_at.is_(None),
    )
    .values(update_enc=None, handled_at=sa.bindparam("now"))
)
#: Answered: only the id is kept, to recognise a redelivery.
FINISH_INBOX = (
    sa.update(INBOX)
    .where(
        INBOX.c.channel == sa.bindparam("b_channel"),
        INBOX.c.message_id.in_(sa.bindparam("ids", expanding=True)),
    )
    .values(
        update_enc=None,
        chat_enc=None,
        claimed_until=None,
        claimed_by=None,
        done_at=sa.bindparam("now"),
    )
)
INSERT_OUTBOX = insert_if_new(OUTBOX, "dedupe_key")
INSERT_TIMER = insert_if_new(TIMER, "dedupe_key")
