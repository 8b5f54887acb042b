"""Database tables. Columns ending in `_enc` hold encrypted tokens (see storage.crypto).

Plain columns hold only what statistics and routing need: enums, counts, timestamps,
pseudonyms. Free text, names, addresses and evidence are encrypted.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every database (SQLite drops the zone)."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


def _ts(*, nullable: bool = False, index: bool = False) -> sa.Column[datetime]:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


class Conversation(SQLModel, table=True):
    """The state of one chat with the bot, keyed by a pseudonym of channel + chat id."""

    __tablename__ = "conversation"

    key: str = Field(primary_key=True, max_length=64)
    channel: str = Field(max_length=16)
    address_enc: bytes = Field(sa_type=sa.LargeBinary)
    lang: str = Field(default="nl", max_length=8)
    flow: str | None = Field(default=None, max_length=32)
    step: str | None = Field(default=None, max_length=48)
    state_enc: bytes | None = Field(default=None, sa_type=sa.LargeBinary)
    version: int = Field(default=0)
    created_at: datetime = Field(sa_column=_ts())
    updated_at: datetime = Field(sa_column=_ts(index=True))


class Case(SQLModel, table=True):
    """A confirmed report (melding) and its handling as a case (zaak)."""

    __tablename__ = "case"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=16, unique=True, index=True)
    kind: str = Field(max_length=16, index=True)
    status: str = Field(default="new", max_length=16, index=True)
    anonymous: bool
    reporter_ref: str = Field(max_length=64, index=True)
    channel: str = Field(max_length=16)
    lang: str = Field(max_length=8)
    # The report's answers in plain form, as dialogs/fields.py declares them: enums,
    # numbers and flags only; the melder's own words are in details_enc.
    facts: dict[str, Any] = Field(default_factory=dict, sa_type=sa.JSON)
    severity: str = Field(default="normal", max_length=8)
    details_enc: bytes = Field(sa_type=sa.LargeBinary)
    created_at: datetime = Field(sa_column=_ts(index=True))
    updated_at: datetime = Field(sa_column=_ts())
    acknowledged_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    #: The first feedback (terugkoppeling) to the melder: the legal clock's second deadline.
    feedback_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    closed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    claimed_by: str | None = Field(default=None, max_length=64)
    outcome: str | None = Field(default=None, max_length=32)
    checkins: bool = Field(default=True)
    purged_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class Evidence(SQLModel, table=True):
    """A file or link sent as evidence: drafts hang on the conversation until confirmed."""

    __tablename__ = "evidence"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    conversation_key: str | None = Field(default=None, max_length=64, index=True)
    kind: str = Field(max_length=8)
    media_type: str | None = Field(default=None, max_length=128)
    size: int = Field(default=0)
    sha256: str = Field(max_length=64)
    name_enc: bytes = Field(sa_type=sa.LargeBinary)
    data_enc: bytes = Field(sa_type=sa.LargeBinary)
    received_at: datetime = Field(sa_column=_ts())


class RoutingDecision(SQLModel, table=True):
    """Who a case was routed to, and why (rule, preferred, safeguard)."""

    __tablename__ = "routing_decision"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    contact_id: str = Field(max_length=64, index=True)
    role: str = Field(max_length=32)
    reason: str = Field(max_length=16)
    created_at: datetime = Field(sa_column=_ts())


class OutboxMessage(SQLModel, table=True):
    """A message to someone other than the current sender, delivered by a channel once."""

    __tablename__ = "outbox"
    __table_args__ = (sa.Index("ix_outbox_pending", "channel", "recipient", "delivered_at"),)

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(max_length=128, unique=True)
    channel: str = Field(max_length=16)
    recipient: str = Field(max_length=64)
    address_enc: bytes = Field(sa_type=sa.LargeBinary)
    purpose: str = Field(max_length=32)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    payload_enc: bytes = Field(sa_type=sa.LargeBinary)
    created_at: datetime = Field(sa_column=_ts())
    not_before: datetime = Field(sa_column=_ts(index=True))
    attempts: int = Field(default=0)
    claimed_until: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    #: The key of the process delivering it (`storage.locks.Presence`).
    claimed_by: int | None = Field(default=None, sa_type=sa.BigInteger)
    delivered_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    failed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    last_error: str | None = Field(default=None, max_length=200)
    expires_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    quiet_hours: bool = Field(default=False)
    #: 0 goes first (acute alerts and what belongs to them), then 1: the claim's order.
    priority: int = Field(default=1)


class OutboxAttempt(SQLModel, table=True):
    """One try to deliver an outbox message, recorded before the request is made.

    `txn_id` is the try's idempotency id (a Matrix transaction id); an attempt without
    `finished_at` whose message is not delivered was cut off by a crash: in doubt.
    """

    __tablename__ = "outbox_attempt"

    id: int | None = Field(default=None, primary_key=True)
    outbox_id: int = Field(foreign_key="outbox.id", index=True)
    txn_id: str = Field(max_length=64)
    started_at: datetime = Field(sa_column=_ts())
    finished_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    outcome: str | None = Field(default=None, max_length=200)


class AuditEvent(SQLModel, table=True):
    """Append-only log of who did what to which case, when; never the content."""

    __tablename__ = "audit_event"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(sa_column=_ts(index=True))
    actor: str = Field(max_length=64)
    action: str = Field(max_length=48, index=True)
    case_id: int | None = Field(default=None, index=True)
    detail: str = Field(default="", max_length=400)


class ProcessedMessage(SQLModel, table=True):
    """Incoming platform messages already handled: each is answered exactly once."""

    __tablename__ = "processed_message"

    channel: str = Field(primary_key=True, max_length=16)
    message_id: str = Field(primary_key=True, max_length=128)
    processed_at: datetime = Field(sa_column=_ts(index=True))


class InboxUpdate(SQLModel, table=True):
    """A platform update taken in before it is acknowledged, until it is answered.

    `update_enc` (the raw update) is voided in the transaction of its turn; `chat_enc`
    (where a lost answer goes) when the answer went out (`done_at`). Done rows keep only
    their id, so a platform's redelivery is recognised, until the retention purge.
    """

    __tablename__ = "inbox"
    __table_args__ = (sa.Index("ix_inbox_open", "channel", "done_at", "seq"),)

    channel: str = Field(primary_key=True, max_length=16)
    message_id: str = Field(primary_key=True, max_length=128)
    seq: int = Field(sa_type=sa.BigInteger)
    update_enc: bytes | None = Field(default=None, sa_type=sa.LargeBinary)
    chat_enc: bytes | None = Field(default=None, sa_type=sa.LargeBinary)
    received_at: datetime = Field(sa_column=_ts())
    claimed_until: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    #: The key of the process that holds it (`storage.locks.Presence`).
    claimed_by: int | None = Field(default=None, sa_type=sa.BigInteger)
    handled_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    done_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class ChannelState(SQLModel, table=True):
    """Small durable values a channel keeps between runs (sync tokens, offsets)."""

    __tablename__ = "channel_state"

    channel: str = Field(primary_key=True, max_length=16)
    name: str = Field(primary_key=True, max_length=64)
    value: str = Field(max_length=4000)
    updated_at: datetime = Field(sa_column=_ts())


class CaseMessage(SQLModel, table=True):
    """A question or feedback to the melder, their answer, or an internal note.

    `kind` is `question`, `answer`, `feedback`, `note` (never shown to the melder) or
    `news` (a content-free status change); the text is encrypted.
    """

    __tablename__ = "case_message"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    kind: str = Field(max_length=16)
    author: str = Field(max_length=64)
    body_enc: bytes = Field(sa_type=sa.LargeBinary)
    reply_to: int | None = Field(default=None)
    answered_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    created_at: datetime = Field(sa_column=_ts())


class CaseAction(SQLModel, table=True):
    """An action taken on a case, from the seed-002 catalogue or described freely."""

    __tablename__ = "case_action"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    actor: str = Field(max_length=64)
    code: str = Field(max_length=16)
    text_enc: bytes | None = Field(default=None, sa_type=sa.LargeBinary)
    created_at: datetime = Field(sa_column=_ts())


class Timer(SQLModel, table=True):
    """A stored deadline (escalation, reminder, check-in) that fires once."""

    __tablename__ = "timer"

    id: int | None = Field(default=None, primary_key=True)
    dedupe_key: str = Field(max_length=128, unique=True)
    kind: str = Field(max_length=32, index=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    due_at: datetime = Field(sa_column=_ts(index=True))
    fired_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    cancelled_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class NluReview(SQLModel, table=True):
    """A message the NLU was not sure about, kept (redacted, encrypted) for ops to review.

    Rows are deleted after 30 days at most (`storage.nlu_review.purge_expired`).
    """

    __tablename__ = "nlu_review"

    id: int | None = Field(default=None, primary_key=True)
    created_at: datetime = Field(sa_column=_ts(index=True))
    lang: str = Field(max_length=8)
    intent: str = Field(max_length=48)
    confidence: float
    text_enc: bytes = Field(sa_type=sa.LargeBinary)


class CheckIn(SQLModel, table=True):
    """A melder's answer to an aftercare check-in: a 1-5 score and, optionally, words.

    The words are encrypted and shown to the aanspreekpunt only with `shared` consent;
    the score trend is always visible to them.
    """

    __tablename__ = "checkin"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int = Field(foreign_key="case.id", index=True)
    day: int
    score: int | None = Field(default=None)
    text_enc: bytes | None = Field(default=None, sa_type=sa.LargeBinary)
    shared: bool = Field(default=False)
    distress: bool = Field(default=False)
    created_at: datetime = Field(sa_column=_ts())


class CallbackRequest(SQLModel, table=True):
    """A melder's request that someone contacts them: a work item for the contacts it
    went to (`contacts`), claimed by one of them and closed when done.

    `reach` is `phone` (the number, and for someone without a report their name, are
    encrypted) or `chat` (the relay through the bot, which keeps an anonymous melder
    anonymous); `reporter_ref` is the keyed pseudonym of the melder's chat.
    """

    __tablename__ = "callback_request"

    id: int | None = Field(default=None, primary_key=True)
    case_id: int | None = Field(default=None, foreign_key="case.id", index=True)
    reporter_ref: str = Field(max_length=64, index=True)
    lang: str = Field(max_length=8)
    anonymous: bool
    reach: str = Field(max_length=8)
    name_enc: bytes | None = Field(default=None, sa_type=sa.LargeBinary)
    phone_enc: bytes | None = Field(default=None, sa_type=sa.LargeBinary)
    contacts: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    status: str = Field(default="new", max_length=16, index=True)
    claimed_by: str | None = Field(default=None, max_length=64)
    created_at: datetime = Field(sa_column=_ts(index=True))
    claimed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    closed_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class CallbackMessage(SQLModel, table=True):
    """A message on a call-back request: `to_melder` (relayed into the melder's chat),
    `from_melder` (their reply) or `note` (for the contacts only); encrypted."""

    __tablename__ = "callback_message"

    id: int | None = Field(default=None, primary_key=True)
    callback_id: int = Field(foreign_key="callback_request.id", index=True)
    kind: str = Field(max_length=16)
    author: str = Field(max_length=64)
    body_enc: bytes = Field(sa_type=sa.LargeBinary)
    created_at: datetime = Field(sa_column=_ts())


class AcuteAlert(SQLModel, table=True):
    """An acute-danger alert that went to security, so security can reach the melder.

    `reporter_ref` is the keyed pseudonym of the melder's chat (never who they are); `place`
    holds the report fields the alert named (option ids: a team, a home visit) and
    `kinds` the kinds of danger: never the melder's words.
    """

    __tablename__ = "acute_alert"

    id: int | None = Field(default=None, primary_key=True)
    reporter_ref: str = Field(max_length=64, index=True)
    lang: str = Field(max_length=8)
    kinds: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    place: dict[str, str] = Field(default_factory=dict, sa_type=sa.JSON)
    contacts: list[str] = Field(default_factory=list, sa_type=sa.JSON)
    created_at: datetime = Field(sa_column=_ts(index=True))
    all_clear_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class AcuteMessage(SQLModel, table=True):
    """A message relayed between security and the melder after an alert: `to_melder` (a
    question of security) or `from_melder` (the answer); encrypted."""

    __tablename__ = "acute_message"

    id: int | None = Field(default=None, primary_key=True)
    alert_id: int = Field(foreign_key="acute_alert.id", index=True)
    kind: str = Field(max_length=16)
    author: str = Field(max_length=64)
    body_enc: bytes = Field(sa_type=sa.LargeBinary)
    answered_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))
    created_at: datetime = Field(sa_column=_ts())
