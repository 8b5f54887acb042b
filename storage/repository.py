"""Repositories over the tables: one `Unit` of work per handled message.

Encryption happens here, so callers deal in plain values and nothing readable
reaches the database by accident.
"""

from __future__ import annotations

import functools
import json
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage import statements as sql
from storage.casecode import new_code
from storage.checkpoints import WalCheckpointer
from storage.crypto import Vault, sha256_hex
from storage.models import (
    AuditEvent,
    Case,
    ChannelState,
    Conversation,
    Evidence,
    OutboxMessage,
    RoutingDecision,
)

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utcnow() -> datetime:
    """The real clock (timezone-aware UTC)."""
    return datetime.now(UTC)


class ConcurrentUpdateError(Exception):
    """The conversation changed under us (another process handled a message)."""


@dataclass(frozen=True)
class StoredConversation:
    """A conversation's persisted state, decrypted (the chat address only when asked)."""

    key: str
    channel: str
    lang: str
    flow: str | None
    step: str | None
    state: dict[str, Any]
    version: int
    updated_at: datetime
    address_enc: bytes = field(repr=False, compare=False, default=b"")
    vault: Vault | None = field(repr=False, compare=False, default=None)

    @functools.cached_property
    def address(self) -> str:
        """The raw chat address (decrypted on first use: most turns never need it)."""
        assert self.vault is not None
        return self.vault.decrypt_text(self.address_enc)


@dataclass(frozen=True)
class EvidenceItem:
    """Evidence as shown to people: name, type, size, hash; content only on request."""

    id: int
    kind: str
    name: str
    media_type: str | None
    size: int
    sha256: str
    received_at: datetime


@dataclass(frozen=True)
class CaseRecord:
    """A case with its free text decrypted."""

    id: int
    code: str
    kind: str
    status: str
    anonymous: bool
    reporter_ref: str
    channel: str
    lang: str
    team: str | None
    platform: str | None
    perpetrator_relation: str | None
    aro_category: str | None
    location_kind: str | None
    occurred_choice: str | None
    impact: int | None
    about: str | None
    niet_pluis_mode: str | None
    preferred_role: str | None
    exclude_line_manager: bool
    severity: str
    details: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    evidence: tuple[EvidenceItem, ...] = ()
    routed_to: tuple[tuple[str, str, str], ...] = ()
    claimed_by: str | None = None
    outcome: str | None = None
    checkins: bool = True
    acknowledged_at: datetime | None = None
    closed_at: datetime | None = None


@dataclass
class NewCase:
    """What the engine hands over when a melder confirms a report."""

    kind: str
    anonymous: bool
    reporter_ref: str
    channel: str
    lang: str
    details: dict[str, Any]
    team: str | None = None
    platform: str | None = None
    perpetrator_relation: str | None = None
    aro_category: str | None = None
    location_kind: str | None = None
    occurred_choice: str | None = None
    impact: int | None = None
    about: str | None = None
    niet_pluis_mode: str | None = None
    preferred_role: str | None = None
    exclude_line_manager: bool = False
    severity: str = "normal"
    extra: dict[str, Any] = field(default_factory=dict)


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


class Unit:
    """Repository operations inside one transaction.

    The hot path runs prebuilt Core statements on the connection; an ORM session joins
    the same transaction only when something asks for `session` (case work, exports),
    so an ordinary message does not pay for one.
    """

    def __init__(
        self,
        connection: sa.Connection,
        vault: Vault,
        clock: Clock,
        window: DeliveryWindow | None = None,
    ) -> None:
        self.connection = connection
        self.vault = vault
        self.clock = clock
        self.window = window
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
        return self.vault.encrypt(json.dumps(value, ensure_ascii=False).encode("utf-8"))

    def _dec_json(self, token: bytes) -> Any:
        return json.loads(self.vault.decrypt(token))

    # -- conversations ------------------------------------------------------------------

    def load_conversation(self, key: str, *, lock: bool = True) -> StoredConversation | None:
        """Load a conversation; on PostgreSQL the row stays locked until commit."""
        statement = sql.LOAD_CONVERSATION_LOCKED if lock else sql.LOAD_CONVERSATION
        row = self.execute(statement, {"key": key}).first()
        if row is None:
            return None
        state = self._dec_json(row.state_enc) if row.state_enc else {}
        return StoredConversation(
            key=row.key,
            channel=row.channel,
            address_enc=row.address_enc,
            vault=self.vault,
            lang=row.lang,
            flow=row.flow,
            step=row.step,
            state=state,
            version=row.version,
            updated_at=row.updated_at,
        )

    def save_conversation(
        self,
        *,
        key: str,
        channel: str,
        address: str,
        lang: str,
        flow: str | None,
        step: str | None,
        state: dict[str, Any],
        expected_version: int | None,
    ) -> int:
        """Insert or update; `expected_version` None means the row must not exist yet."""
        now = self.clock()
        state_enc = self._enc_json(state) if state else None
        if expected_version is None:
            try:
                self.execute(
                    sql.INSERT_CONVERSATION,
                    {
                        "key": key,
                        "channel": channel,
                        "address_enc": self.vault.encrypt_text(address),
                        "lang": lang,
                        "flow": flow,
                        "step": step,
                        "state_enc": state_enc,
                        "version": 1,
                        "created_at": now,
                        "updated_at": now,
                    },
                )
            except IntegrityError as exc:
                raise ConcurrentUpdateError(key) from exc
            return 1
        result = self.execute(
            sql.UPDATE_CONVERSATION,
            {
                "b_key": key,
                "b_version": expected_version,
                "lang": lang,
                "flow": flow,
                "step": step,
                "state_enc": state_enc,
                "version": expected_version + 1,
                "updated_at": now,
            },
        )
        if result.rowcount != 1:
            raise ConcurrentUpdateError(key)
        return expected_version + 1

    def conversation_address(self, key: str) -> tuple[str, str] | None:
        """(channel, raw address) for delivering to a pseudonymous chat."""
        row = self.session.get(Conversation, key)
        if row is None:
            return None
        return row.channel, self.vault.decrypt_text(row.address_enc)

    # -- evidence -----------------------------------------------------------------------

    def add_draft_evidence(
        self, conversation_key: str, *, kind: str, name: str, media_type: str | None, data: bytes
    ) -> EvidenceItem:
        """Store a file or link sent during a report that is not yet confirmed."""
        row = Evidence(
            conversation_key=conversation_key,
            kind=kind,
            media_type=media_type,
            size=len(data),
            sha256=sha256_hex(data),
            name_enc=self.vault.encrypt_text(name),
            data_enc=self.vault.encrypt(data),
            received_at=self.clock(),
        )
        self.session.add(row)
        self.session.flush()
        return self._evidence_item(row)

    def _evidence_item(self, row: Any) -> EvidenceItem:
        """An evidence row (ORM object or Core row) as shown to people."""
        return EvidenceItem(
            id=row.id,
            kind=row.kind,
            name=self.vault.decrypt_text(row.name_enc),
            media_type=row.media_type,
            size=row.size,
            sha256=row.sha256,
            received_at=row.received_at,
        )

    def draft_evidence(self, conversation_key: str) -> list[EvidenceItem]:
        """Evidence of the report being written in this conversation."""
        rows = self.execute(sql.DRAFT_EVIDENCE, {"conversation_key": conversation_key})
        return [self._evidence_item(r) for r in rows]

    def discard_draft_evidence(self, conversation_key: str) -> int:
        """Delete unconfirmed evidence (the melder stopped)."""
        result = self.session.execute(
            sa.delete(Evidence).where(
                col(Evidence.conversation_key) == conversation_key,
                col(Evidence.case_id).is_(None),
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)

    def evidence_content(self, evidence_id: int) -> bytes:
        """Decrypted content of one evidence item."""
        row = self.session.get(Evidence, evidence_id)
        if row is None:
            raise LookupError(evidence_id)
        return self.vault.decrypt(row.data_enc)

    # -- cases --------------------------------------------------------------------------

    def create_case(self, new: NewCase, *, conversation_key: str | None = None) -> CaseRecord:
        """Register a confirmed report under a fresh unique code; attach draft evidence."""
        now = self.clock()
        details = dict(new.details)
        details.update(new.extra)
        for attempt in range(40):
            code = new_code(4 + attempt // 10)
            if self.execute(sql.CASE_CODE_TAKEN, {"code": code}).first() is None:
                break
        else:
            raise RuntimeError("could not allocate a unique case code")
        values: dict[str, Any] = {
            "code": code,
            "kind": new.kind,
            "status": "new",
            "anonymous": new.anonymous,
            "reporter_ref": new.reporter_ref,
            "channel": new.channel,
            "lang": new.lang,
            "team": new.team,
            "platform": new.platform,
            "perpetrator_relation": new.perpetrator_relation,
            "aro_category": new.aro_category,
            "location_kind": new.location_kind,
            "occurred_choice": new.occurred_choice,
            "impact": new.impact,
            "about": new.about,
            "niet_pluis_mode": new.niet_pluis_mode,
            "preferred_role": new.preferred_role,
            "exclude_line_manager": new.exclude_line_manager,
            "severity": new.severity,
            "details_enc": self._enc_json(details),
            "checkins": True,
            "created_at": now,
            "updated_at": now,
        }
        try:
            inserted = self.execute(sql.INSERT_CASE, values)
        except IntegrityError as exc:
            # Another process took the same fresh code at the same moment: the engine
            # handles the whole message again, with a new code.
            raise ConcurrentUpdateError("case code taken concurrently") from exc
        primary_key = inserted.inserted_primary_key
        assert primary_key is not None
        case_id = int(primary_key[0])
        evidence: tuple[EvidenceItem, ...] = ()
        if conversation_key is not None:
            self.execute(
                sql.ATTACH_DRAFT_EVIDENCE,
                {"b_conversation_key": conversation_key, "case_id": case_id},
            )
            rows = self.execute(sql.EVIDENCE_OF_CASE, {"case_id": case_id})
            evidence = tuple(self._evidence_item(r) for r in rows)
        self.audit("reporter", "case_created", case_id=case_id, kind=new.kind)
        return CaseRecord(
            id=case_id,
            code=code,
            kind=new.kind,
            status="new",
            anonymous=new.anonymous,
            reporter_ref=new.reporter_ref,
            channel=new.channel,
            lang=new.lang,
            team=new.team,
            platform=new.platform,
            perpetrator_relation=new.perpetrator_relation,
            aro_category=new.aro_category,
            location_kind=new.location_kind,
            occurred_choice=new.occurred_choice,
            impact=new.impact,
            about=new.about,
            niet_pluis_mode=new.niet_pluis_mode,
            preferred_role=new.preferred_role,
            exclude_line_manager=new.exclude_line_manager,
            severity=new.severity,
            details=details,
            created_at=now,
            updated_at=now,
            evidence=evidence,
        )

    def _case_record(self, row: Case) -> CaseRecord:
        assert row.id is not None
        evidence = self.execute(sql.EVIDENCE_OF_CASE, {"case_id": row.id}).all()
        routed = self.execute(sql.ROUTING_OF_CASE, {"case_id": row.id}).all()
        return CaseRecord(
            id=row.id,
            code=row.code,
            kind=row.kind,
            status=row.status,
            anonymous=row.anonymous,
            reporter_ref=row.reporter_ref,
            channel=row.channel,
            lang=row.lang,
            team=row.team,
            platform=row.platform,
            perpetrator_relation=row.perpetrator_relation,
            aro_category=row.aro_category,
            location_kind=row.location_kind,
            occurred_choice=row.occurred_choice,
            impact=row.impact,
            about=row.about,
            niet_pluis_mode=row.niet_pluis_mode,
            preferred_role=row.preferred_role,
            exclude_line_manager=row.exclude_line_manager,
            severity=row.severity,
            details=self._dec_json(row.details_enc),
            created_at=row.created_at,
            updated_at=row.updated_at,
            evidence=tuple(self._evidence_item(e) for e in evidence),
            routed_to=tuple((r.contact_id, r.role, r.reason) for r in routed),
            claimed_by=row.claimed_by,
            outcome=row.outcome,
            checkins=row.checkins,
            acknowledged_at=row.acknowledged_at,
            closed_at=row.closed_at,
        )

    def case_by_code(self, code: str) -> CaseRecord | None:
        """A case by its code, or None."""
        row = self.session.exec(select(Case).where(Case.code == code)).first()
        return self._case_record(row) if row else None

    def cases_of_reporter(self, reporter_ref: str) -> list[CaseRecord]:
        """The melder's own cases, newest first."""
        rows = self.session.exec(
            select(Case)
            .where(Case.reporter_ref == reporter_ref)
            .order_by(col(Case.created_at).desc(), col(Case.id).desc())
        ).all()
        return [self._case_record(r) for r in rows]

    def cases_routed_to(self, contact_id: str) -> list[CaseRecord]:
        """Cases routed to a contact, newest first: all a contact may see (DESIGN §3.9)."""
        rows = self.session.exec(
            select(Case)
            .join(RoutingDecision, col(RoutingDecision.case_id) == col(Case.id))
            .where(RoutingDecision.contact_id == contact_id)
            .order_by(col(Case.created_at).desc(), col(Case.id).desc())
        ).all()
        unique = {r.id: r for r in rows}
        return [self._case_record(r) for r in unique.values()]

    def cases_by_ids(self, ids: Sequence[int]) -> list[CaseRecord]:
        """Cases by database id (timers refer to cases this way)."""
        rows = self.session.exec(select(Case).where(col(Case.id).in_(list(ids)))).all()
        return [self._case_record(r) for r in rows]

    def all_cases(self) -> list[CaseRecord]:
        """Every case, oldest first (operator export)."""
        rows = self.session.exec(select(Case).order_by(col(Case.id))).all()
        return [self._case_record(r) for r in rows]

    def record_routing(self, case_id: int, contact_id: str, role: str, reason: str) -> None:
        """Store one routing decision."""
        self.record_routings(case_id, [(contact_id, role, reason)])

    def record_routings(self, case_id: int, decisions: Sequence[tuple[str, str, str]]) -> None:
        """Store a case's routing decisions, (contact id, role, reason) each, and audit them."""
        if not decisions:
            return
        now = self.clock()
        self.execute(
            sql.INSERT_ROUTING,
            [
                {
                    "case_id": case_id,
                    "contact_id": contact,
                    "role": role,
                    "reason": reason,
                    "created_at": now,
                }
                for contact, role, reason in decisions
            ],
        )
        self.execute(
            sql.INSERT_AUDIT,
            [
                self._audit_row(
                    "system", "case_routed", case_id, {"contact": contact, "reason": reason}
                )
                for contact, _, reason in decisions
            ],
        )

    # -- outbox -------------------------------------------------------------------------

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
    ) -> list[PendingMessage]:
        """Claim due, undelivered messages for a channel (optionally for some recipients).

        Expired messages are dropped (marked failed); quiet-hours messages outside the
        `window` wait for its next opening.
        """
        now = self.clock()
        window = window or self.window
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
            .order_by(col(OutboxMessage.id))
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        if recipients is not None:
            stmt = stmt.where(col(OutboxMessage.recipient).in_(list(recipients)))
        rows = self.session.exec(stmt).all()
        claimed = []
        for row in rows:
            if row.expires_at is not None and row.expires_at <= now:
                row.failed_at = now
                row.last_error = "expired undelivered"
                self.session.add(row)
                log.warning("dropped an undelivered %s message after its expiry", row.purpose)
                continue
            if row.quiet_hours and window is not None and not window.is_open(now):
                row.not_before = window.next_opening(now)
                self.session.add(row)
                continue
            row.claimed_until = now + lease
            row.attempts += 1
            self.session.add(row)
            assert row.id is not None
            claimed.append(
                PendingMessage(
                    id=row.id,
                    channel=row.channel,
                    recipient=row.recipient,
                    address=self.vault.decrypt_text(row.address_enc),
                    purpose=row.purpose,
                    payload=self._dec_json(row.payload_enc),
                    attempts=row.attempts,
                )
            )
        return claimed

    def mark_delivered(self, message_id: int) -> None:
        """Record successful delivery; a delivered message is never claimed again."""
        row = self.session.get(OutboxMessage, message_id)
        if row is not None and row.delivered_at is None:
            row.delivered_at = self.clock()
            row.claimed_until = None
            self.session.add(row)

    def mark_failed(self, message_id: int, error: str, *, retry_in: timedelta | None) -> None:
        """Record a failed attempt: retry later, or give up (`retry_in` None)."""
        row = self.session.get(OutboxMessage, message_id)
        if row is None:
            return
        row.last_error = error[:200]
        row.claimed_until = None
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

    # -- channels -------------------------------------------------------------------------

    def claim_message(self, channel: str, message_id: str) -> bool:
        """Record an incoming platform message; False when it was handled before.

        Runs in the same transaction as the handling, so a crash either keeps both the
        answer's effects and this record, or neither: no message is handled twice.
        """
        # A concurrent handler of the same message makes this insert wait for its commit,
        # then skip the row: that handler answered it.
        params = {"channel": channel, "message_id": message_id, "processed_at": self.clock()}
        return self.insert_if_new(sql.INSERT_PROCESSED, params)

    def channel_value(self, channel: str, name: str) -> str | None:
        """A value a channel stored earlier (sync token, offset), or None."""
        row = self.session.get(ChannelState, (channel, name))
        return row.value if row else None

    def set_channel_value(self, channel: str, name: str, value: str) -> None:
        """Store a channel's value (insert or replace)."""
        row = self.session.get(ChannelState, (channel, name))
        if row is None:
            row = ChannelState(channel=channel, name=name, value=value, updated_at=self.clock())
        else:
            row.value = value
            row.updated_at = self.clock()
        self.session.add(row)

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

    def forget_chat_values(self, channel: str, conversation_key: str) -> int:
        """Delete what a channel remembers about one chat (its rows named after the chat's
        pseudonym, e.g. Telegram's live keyboard); how many went."""
        if "%" in conversation_key or "_" in conversation_key:
            raise ValueError("not a conversation key")
        result = self.execute(
            sql.DELETE_CHAT_VALUES,
            {"channel": channel, "suffix": ":" + conversation_key},
        )
        return int(result.rowcount or 0)

    # -- audit --------------------------------------------------------------------------

    def audit(self, actor: str, action: str, *, case_id: int | None = None, **detail: Any) -> None:
        """Append an audit event; `detail` holds ids and enums only, never content."""
        self.execute(sql.INSERT_AUDIT, self._audit_row(actor, action, case_id, detail))

    def _audit_row(
        self, actor: str, action: str, case_id: int | None, detail: dict[str, Any]
    ) -> dict[str, Any]:
        return {
            "at": self.clock(),
            "actor": actor,
            "action": action,
            "case_id": case_id,
            "detail": json.dumps(detail, sort_keys=True)[:400] if detail else "",
        }

    def audit_events(self, case_id: int | None = None) -> list[AuditEvent]:
        """Audit events, oldest first, optionally for one case."""
        stmt = select(AuditEvent).order_by(col(AuditEvent.id))
        if case_id is not None:
            stmt = stmt.where(AuditEvent.case_id == case_id)
        return list(self.session.exec(stmt).all())
