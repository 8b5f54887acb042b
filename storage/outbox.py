"""The outbox: messages to other people, sent by each channel's outbox loop.

A message is queued in the transaction that decided to send it, so it exists only if that
transaction commits; its dedupe key queues it once.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlmodel import col, select

from storage import statements as sql
from storage.base import Repository
from storage.locks import free_claims_of_the_dead
from storage.models import OutboxAttempt, OutboxMessage

log = logging.getLogger(__name__)

#: The outbox's priorities: urgent messages are claimed before every ordinary one.
URGENT, ORDINARY = 0, 1


@dataclass(frozen=True)
class Envelope:
    """A message to queue in the outbox (see `Unit.enqueue`)."""

    channel: str
    recipient: str
    address: str
    purpose: str
    payload: dict[str, Any]
    dedupe_key: str
    case_id: int | None = None
    not_before: datetime | None = None
    expires_at: datetime | None = None
    quiet_hours: bool = False
    #: Goes before everything else (an acute alert): see `claim_outbox`.
    urgent: bool = False


@dataclass(frozen=True)
class PendingMessage:
    """An outbox message claimed for delivery."""

    id: int
    channel: str
    recipient: str
    address: str
    purpose: str
    payload: dict[str, Any]
    attempts: int
    #: The idempotency id of an earlier try cut off by a crash (sent or not: in doubt).
    doubt: str | None = None
    urgent: bool = False

    @property
    def txn_id(self) -> str:
        """This try's idempotency id (a Matrix transaction id)."""
        return f"zv-outbox-{self.id}-{self.attempts}"


@dataclass(frozen=True)
class DeliveryWindow:
    """Local hours in which quiet-hours messages (check-ins) may be delivered."""

    timezone: str = "Europe/Amsterdam"
    start_hour: int = 9
    end_hour: int = 20

    def is_open(self, moment: datetime) -> bool:
        """Whether a message may go out at this moment."""
        local = moment.astimezone(ZoneInfo(self.timezone))
        return self.start_hour <= local.hour < self.end_hour

    def next_opening(self, moment: datetime) -> datetime:
        """The moment itself when open, else the next start of the window (in UTC)."""
        if self.is_open(moment):
            return moment
        local = moment.astimezone(ZoneInfo(self.timezone))
        opening = local.replace(hour=self.start_hour, minute=0, second=0, microsecond=0)
        if local.hour >= self.end_hour:
            opening += timedelta(days=1)
        return opening.astimezone(UTC)


class OutboxRepository(Repository):
    """Queues messages, hands them out for delivery and records how that went."""

    #: The organisation's delivery hours for quiet-hours messages (see `claim_outbox`).
    window: DeliveryWindow | None = None

    def enqueue(
        self,
        *,
        channel: str,
        recipient: str,
        address: str,
        purpose: str,
        payload: dict[str, Any],
        dedupe_key: str,
        case_id: int | None = None,
        not_before: datetime | None = None,
        expires_at: datetime | None = None,
        quiet_hours: bool = False,
    ) -> bool:
        """Queue a message for another person; False when the dedupe key was queued before.

        `quiet_hours` messages are only handed out within the delivery window given to
        `claim_outbox`; a message not delivered by `expires_at` is dropped.
        """
        envelope = Envelope(
            channel=channel,
            recipient=recipient,
            address=address,
            purpose=purpose,
            payload=payload,
            dedupe_key=dedupe_key,
            case_id=case_id,
            not_before=not_before,
            expires_at=expires_at,
            quiet_hours=quiet_hours,
        )
        return self.enqueue_all([envelope]) == 1

    def enqueue_all(self, envelopes: Sequence[Envelope]) -> int:
        """Queue several messages in one statement (see `enqueue`); how many were new."""
        now = self.clock()
        rows = [
            {
                "dedupe_key": e.dedupe_key,
                "channel": e.channel,
                "recipient": e.recipient,
                "address_enc": self.vault.encrypt_text(e.address),
                "purpose": e.purpose,
                "case_id": e.case_id,
                "payload_enc": self._enc_json(e.payload),
                "created_at": now,
                "not_before": e.not_before or now,
                "attempts": 0,
                "expires_at": e.expires_at,
                "quiet_hours": e.quiet_hours,
                "priority": URGENT if e.urgent else ORDINARY,
            }
            for e in envelopes
        ]
        return len(self.insert_all_if_new(sql.INSERT_OUTBOX, rows))

    def claim_outbox(
        self,
        channel: str,
        *,
        recipients: Sequence[str] | None = None,
        limit: int = 50,
        lease: timedelta = timedelta(minutes=2),
        window: DeliveryWindow | None = None,
        holder: int | None = None,
        take_over: bool = False,
        starting: bool = False,
    ) -> list[PendingMessage]:
        """Claim due, undelivered messages for a channel (optionally for some recipients),
        urgent ones first, for process `holder`; `take_over`: first free those that a
        process which died held (`storage.locks`), rather than wait for their lease;
        `starting`: the channel starts in this process, so also those `holder` held.

        Expired messages are dropped (marked failed); quiet-hours messages outside the
        `window` wait for its next opening.
        """
        now = self.clock()
        window = window or self.window
        claimed = []
        if take_over:
            table = sql.OUTBOX
            open_rows = sa.and_(
                table.c.channel == channel,
                table.c.delivered_at.is_(None),
                table.c.failed_at.is_(None),
            )
            freed = free_claims_of_the_dead(
                self.connection, table, me=holder, open_rows=open_rows, mine_too=starting
            )
            if freed:
                log.warning("took over %d undelivered message(s) of a stopped process", freed)
        for row in self._due_messages(channel, recipients, limit, now):
            if row.expires_at is not None and row.expires_at <= now:
                row.failed_at = now
                row.last_error = "expired undelivered"
                self.session.add(row)
                log.warning("dropped an undelivered %s message after its expiry", row.purpose)
            elif row.quiet_hours and window is not None and not window.is_open(now):
                row.not_before = window.next_opening(now)
                self.session.add(row)
            else:
                claimed.append(self._claim(row, until=now + lease, holder=holder))
        return claimed

    def _due_messages(
        self,
        channel: str,
        recipients: Sequence[str] | None,
        limit: int,
        now: datetime,
    ) -> Sequence[OutboxMessage]:
        """A channel's due messages nobody holds, urgent ones first, locked for this
        transaction (other processes skip them)."""
        stmt = (
            select(OutboxMessage)
            .where(
                OutboxMessage.channel == channel,
                col(OutboxMessage.delivered_at).is_(None),
                col(OutboxMessage.failed_at).is_(None),
                col(OutboxMessage.not_before) <= now,
                sa.or_(
                    col(OutboxMessage.claimed_until).is_(None),
                    col(OutboxMessage.claimed_until) < now,
                ),
            )
            .order_by(col(OutboxMessage.priority), col(OutboxMessage.id))
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        if recipients is not None:
            stmt = stmt.where(col(OutboxMessage.recipient).in_(list(recipients)))
        return self.session.exec(stmt).all()

    def _claim(self, row: OutboxMessage, *, until: datetime, holder: int | None) -> PendingMessage:
        """Hold a message for one delivery attempt, until `until`; its content decrypted."""
        row.claimed_until = until
        row.claimed_by = holder
        doubt = self._unfinished_attempt(row.id) if row.attempts else None
        row.attempts += 1
        self.session.add(row)
        assert row.id is not None
        return PendingMessage(
            id=row.id,
            channel=row.channel,
            recipient=row.recipient,
            address=self.vault.decrypt_text(row.address_enc),
            purpose=row.purpose,
            payload=self._dec_json(row.payload_enc),
            attempts=row.attempts,
            doubt=doubt,
            urgent=row.priority == URGENT,
        )

    def _unfinished_attempt(self, message_id: int | None) -> str | None:
        """The idempotency id of the newest try of a message that never got a result."""
        attempt = self.session.exec(
            select(OutboxAttempt)
            .where(
                col(OutboxAttempt.outbox_id) == message_id,
                col(OutboxAttempt.finished_at).is_(None),
            )
            .order_by(col(OutboxAttempt.id).desc())
            .limit(1)
        ).first()
        return attempt.txn_id if attempt is not None else None

    def begin_attempt(self, message_id: int, txn_id: str) -> None:
        """Record a try before its request is made (committed first: a crash during the
        request leaves it without a result, so the next claim knows it is in doubt)."""
        started = OutboxAttempt(outbox_id=message_id, txn_id=txn_id, started_at=self.clock())
        self.session.add(started)

    def _finish_attempts(self, message_id: int, outcome: str) -> None:
        self.execute(
            sa.update(OutboxAttempt)
            .where(
                col(OutboxAttempt.outbox_id) == message_id,
                col(OutboxAttempt.finished_at).is_(None),
            )
            .values(finished_at=self.clock(), outcome=outcome[:200]),
            {},
        )

    def mark_delivered(self, message_id: int) -> None:
        """Record successful delivery; a delivered message is never claimed again."""
        self._finish_attempts(message_id, "delivered")
        row = self.session.get(OutboxMessage, message_id)
        if row is not None and row.delivered_at is None:
            row.delivered_at = self.clock()
            row.claimed_until = None
            row.claimed_by = None
            self.session.add(row)

    def mark_failed(self, message_id: int, error: str, *, retry_in: timedelta | None) -> None:
        """Record a failed attempt: retry later, or give up (`retry_in` None)."""
        self._finish_attempts(message_id, error)
        row = self.session.get(OutboxMessage, message_id)
        if row is None:
            return
        row.last_error = error[:200]
        row.claimed_until = None
        row.claimed_by = None
        if retry_in is None:
            row.failed_at = self.clock()
        else:
            row.not_before = self.clock() + retry_in
        self.session.add(row)

    def reopen_refused(self, channel: str, recipients: Sequence[str], *, error: str) -> int:
        """Deliver again the messages given up with `error` (a recipient who had blocked
        the bot and is back); expired ones stay dropped. How many were reopened."""
        if not recipients:
            return 0
        result = self.execute(
            sql.REOPEN_REFUSED,
            {
                "b_channel": channel,
                "recipients": list(recipients),
                "b_error": error,
                "now": self.clock(),
            },
        )
        return int(result.rowcount or 0)

    def outbox_counts(self) -> dict[str, int]:
        """Pending, delivered and failed message counts (for status output and tests)."""
        pending = self.session.exec(
            select(sa.func.count())
            .select_from(OutboxMessage)
            .where(
                col(OutboxMessage.delivered_at).is_(None), col(OutboxMessage.failed_at).is_(None)
            )
        ).one()
        delivered = self.session.exec(
            select(sa.func.count())
            .select_from(OutboxMessage)
            .where(col(OutboxMessage.delivered_at).is_not(None))
        ).one()
        failed = self.session.exec(
            select(sa.func.count())
            .select_from(OutboxMessage)
            .where(col(OutboxMessage.failed_at).is_not(None))
        ).one()
        return {"pending": int(pending), "delivered": int(delivered), "failed": int(failed)}
