"""Case handling by aanspreekpunten: claims, relayed messages, actions, hand-overs, timers.

Every change writes an audit event (who, what, when; never the content) in the same
transaction as the change itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage import statements as sql
from storage.models import Case, CaseAction, CaseMessage, CheckIn, RoutingDecision, Timer
from storage.unit import Unit

#: The statuses of DESIGN.md §7, in order.
STATUSES = ("new", "acknowledged", "in_progress", "closed")

#: The kinds of case messages: to the melder (`question`, `feedback`), from the melder
#: (`answer` to a question, `reply` to feedback or a message of their own, `addition` to
#: the report, `reopen` with the reason), and for the contacts only (`note`, `callback`).
FROM_MELDER = ("answer", "reply", "addition", "reopen")
#: What the melder sees of a case's messages (their AVG copy holds the same).
MELDER_VISIBLE = ("question", "feedback", *FROM_MELDER)


@dataclass(frozen=True)
class CaseNote:
    """A decrypted message of a case (question, answer, feedback, note, news)."""

    id: int
    kind: str
    author: str
    text: str
    created_at: datetime
    reply_to: int | None
    answered: bool


@dataclass(frozen=True)
class ActionTaken:
    """An action recorded on a case."""

    code: str
    actor: str
    text: str | None
    created_at: datetime


@dataclass(frozen=True)
class DueTimer:
    """A timer whose moment has come."""

    id: int
    kind: str
    case_id: int | None
    due_at: datetime
    key: str


@dataclass(frozen=True)
class CheckInAnswer:
    """A check-in answer; `text` only when the melder agreed to share it (or for them)."""

    day: int
    score: int | None
    text: str | None
    shared: bool
    distress: bool
    created_at: datetime


@dataclass(frozen=True)
class Taken:
    """What a `take` left: who holds the case, whether it was just taken for the first
    time (nobody held it), and its status."""

    holder: str | None
    first: bool
    status: str


@dataclass(frozen=True)
class NewTimer:
    """A timer to store: fires once at `due_at`; `key` makes storing it idempotent."""

    kind: str
    due_at: datetime
    case_id: int | None
    key: str


class CaseWork:
    """Case-handling operations within one unit of work."""

    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    @property
    def session(self) -> Session:
        """The unit's ORM session (made only when case work needs it)."""
        return self.unit.session

    def _case(self, case_id: int) -> Case:
        row = self.session.get(Case, case_id, with_for_update=True)
        if row is None:
            raise LookupError(case_id)
        return row

    def routed_contacts(self, case_id: int) -> list[str]:
        """Contacts that received the case (routing and hand-overs), in order."""
        rows = self.session.exec(
            select(RoutingDecision.contact_id)
            .where(RoutingDecision.case_id == case_id)
            .order_by(col(RoutingDecision.id))
        ).all()
        return list(dict.fromkeys(rows))

    def may_see(self, case_id: int, contact_id: str) -> bool:
        """Only contacts a case was routed or handed over to may see it (DESIGN §3.9)."""
        return contact_id in self.routed_contacts(case_id)

    def take(
        self, case_id: int, actor: str, *, status: str = "acknowledged", holder: str | None = None
    ) -> Taken:
        """The one state transition of case handling (claim, question, in progress, action,
        hand-over): the case gets a holder (`holder`, else whoever holds it, else `actor`)
        and moves forward to `status`, never back. Each change is audited; a closed case
        does not move."""
        if status not in STATUSES or status == "closed":
            raise ValueError(status)
        row = self._case(case_id)
        if row.status == "closed":
            return Taken(holder=None, first=False, status=row.status)
        now = self.unit.clock()
        first = row.claimed_by is None
        new_holder = holder or row.claimed_by or actor
        if new_holder != row.claimed_by:
            row.claimed_by = new_holder
            row.acknowledged_at = row.acknowledged_at or now
            if first:
                self.unit.audit(actor, "case_claimed", case_id=case_id, holder=new_holder)
        if STATUSES.index(status) > STATUSES.index(row.status):
            row.status = status
            self.unit.audit(actor, "case_status_changed", case_id=case_id, status=status)
        row.updated_at = now
        self.session.add(row)
        return Taken(holder=new_holder, first=first, status=row.status)

    def close(self, case_id: int, actor: str, outcome: str) -> None:
        """Close the case with an outcome code (its timers are the caller's to cancel:
        some, such as check-ins, go on)."""
        row = self._case(case_id)
        now = self.unit.clock()
        row.status = "closed"
        row.outcome = outcome
        row.closed_at = now
        row.updated_at = now
        row.claimed_by = row.claimed_by or actor
        # Closing with feedback is also the acknowledgement, when nothing came before.
        row.acknowledged_at = row.acknowledged_at or now
        self.session.add(row)
        self.unit.audit(actor, "case_closed", case_id=case_id, outcome=outcome)

    def reopen(self, case_id: int) -> bool:
        """Reopen a closed case at the melder's request: it is in progress again with the
        contact who held it; False when it was not closed."""
        row = self._case(case_id)
        if row.status != "closed":
            return False
        row.status = "in_progress" if row.claimed_by else "new"
        row.closed_at = None
        row.outcome = None
        row.updated_at = self.unit.clock()
        self.session.add(row)
        self.unit.audit("reporter", "case_reopened", case_id=case_id)
        return True

    def add_message(
        self, case_id: int, kind: str, author: str, text: str, *, reply_to: int | None = None
    ) -> int:
        """Store a question, answer, feedback, note or news item (encrypted)."""
        message = CaseMessage(
            case_id=case_id,
            kind=kind,
            author=author,
            body_enc=self.unit.vault.encrypt_text(text),
            reply_to=reply_to,
            created_at=self.unit.clock(),
        )
        self.session.add(message)
        if reply_to is not None:
            question = self.session.get(CaseMessage, reply_to)
            if question is not None and question.case_id == case_id:
                question.answered_at = self.unit.clock()
                self.session.add(question)
        row = self._case(case_id)
        row.updated_at = self.unit.clock()
        if kind == "feedback":
            row.feedback_at = row.feedback_at or row.updated_at
        self.session.add(row)
        self.session.flush()
        self.unit.audit(author, f"message_{kind}", case_id=case_id)
        assert message.id is not None
        return message.id

    def messages(self, case_id: int, *, notes: bool) -> list[CaseNote]:
        """The case's messages, oldest first; internal notes only when `notes`."""
        stmt = select(CaseMessage).where(CaseMessage.case_id == case_id)
        if not notes:
            stmt = stmt.where(CaseMessage.kind != "note")
        rows = self.session.exec(stmt.order_by(col(CaseMessage.id))).all()
        return [
            CaseNote(
                id=r.id or 0,
                kind=r.kind,
                author=r.author,
                text=self.unit.vault.decrypt_text(r.body_enc),
                created_at=r.created_at,
                reply_to=r.reply_to,
                answered=r.answered_at is not None,
            )
            for r in rows
        ]

    def open_question(self, case_id: int) -> CaseNote | None:
        """The oldest question to the melder that has no answer yet."""
        for note in self.messages(case_id, notes=False):
            if note.kind == "question" and not note.answered:
                return note
        return None

    def record_action(self, case_id: int, actor: str, code: str, text: str | None) -> None:
        """Record an action taken (catalogue number, or `other` with a description)."""
        self.session.add(
            CaseAction(
                case_id=case_id,
                actor=actor,
                code=code,
                text_enc=self.unit.vault.encrypt_text(text) if text else None,
                created_at=self.unit.clock(),
            )
        )
        self.unit.audit(actor, "action_recorded", case_id=case_id, code=code)

    def actions(self, case_id: int) -> list[ActionTaken]:
        """Actions recorded on a case, oldest first."""
        rows = self.session.exec(
            select(CaseAction).where(CaseAction.case_id == case_id).order_by(col(CaseAction.id))
        ).all()
        return [
            ActionTaken(
                code=r.code,
                actor=r.actor,
                text=self.unit.vault.decrypt_text(r.text_enc) if r.text_enc else None,
                created_at=r.created_at,
            )
            for r in rows
        ]

    # -- timers -------------------------------------------------------------------------

    def schedule(self, kind: str, due_at: datetime, *, case_id: int | None, key: str) -> bool:
        """Store a timer once (by key); False when it existed already."""
        return self.schedule_all([NewTimer(kind, due_at, case_id, key)]) == 1

    def schedule_all(self, timers: Sequence[NewTimer]) -> int:
        """Store several timers in one statement (each once, by key); how many were new."""
        rows = [
            {"dedupe_key": t.key, "kind": t.kind, "case_id": t.case_id, "due_at": t.due_at}
            for t in timers
        ]
        return len(self.unit.insert_all_if_new(sql.INSERT_TIMER, rows))

    def due_timers(self, now: datetime, *, limit: int = 100) -> list[DueTimer]:
        """Timers due now, locked for this transaction (other processes skip them)."""
        rows = self.session.exec(
            select(Timer)
            .where(
                col(Timer.due_at) <= now,
                col(Timer.fired_at).is_(None),
                col(Timer.cancelled_at).is_(None),
            )
            .order_by(col(Timer.due_at), col(Timer.id))
            .limit(limit)
            .with_for_update(skip_locked=True)
        ).all()
        return [DueTimer(r.id or 0, r.kind, r.case_id, r.due_at, r.dedupe_key) for r in rows]

    def mark_fired(self, timer_id: int) -> None:
        """A timer fired: it never fires again."""
        self.session.execute(
            sa.update(Timer).where(col(Timer.id) == timer_id).values(fired_at=self.unit.clock())
        )

    def pending_timers(self, case_id: int, kind: str) -> int:
        """How many of a case's timers of one kind have yet to fire."""
        rows = self.session.exec(
            select(Timer.id).where(
                Timer.case_id == case_id,
                Timer.kind == kind,
                col(Timer.fired_at).is_(None),
                col(Timer.cancelled_at).is_(None),
            )
        ).all()
        return len(rows)

    def cancel_timers(self, case_id: int, kinds: tuple[str, ...] | None = None) -> None:
        """Cancel a case's pending timers (all, or of some kinds)."""
        stmt = sa.update(Timer).where(col(Timer.case_id) == case_id, col(Timer.fired_at).is_(None))
        if kinds is not None:
            stmt = stmt.where(col(Timer.kind).in_(kinds))
        self.session.execute(stmt.values(cancelled_at=self.unit.clock()))

    # -- aftercare check-ins --------------------------------------------------------------

    def record_checkin(
        self,
        case_id: int,
        *,
        day: int,
        score: int | None,
        text: str | None,
        shared: bool,
        distress: bool,
    ) -> None:
        """Store a check-in answer; the words are encrypted."""
        self.session.add(
            CheckIn(
                case_id=case_id,
                day=day,
                score=score,
                text_enc=self.unit.vault.encrypt_text(text) if text else None,
                shared=shared and bool(text),
                distress=distress,
                created_at=self.unit.clock(),
            )
        )
        self.unit.audit("reporter", "checkin_answered", case_id=case_id, day=day)

    def checkins(self, case_id: int, *, for_contact: bool) -> list[CheckInAnswer]:
        """A case's check-ins, oldest first; for a contact, words only when shared."""
        rows = self.session.exec(
            select(CheckIn).where(CheckIn.case_id == case_id).order_by(col(CheckIn.id))
        ).all()
        found = []
        for r in rows:
            readable = r.text_enc is not None and (r.shared or not for_contact)
            found.append(
                CheckInAnswer(
                    day=r.day,
                    score=r.score,
                    text=self.unit.vault.decrypt_text(r.text_enc)
                    if readable and r.text_enc
                    else None,
                    shared=r.shared,
                    distress=r.distress,
                    created_at=r.created_at,
                )
            )
        return found

    def set_checkins(self, case_id: int, enabled: bool) -> None:
        """Switch a case's check-ins on or off (the melder's one-tap opt-out)."""
        row = self._case(case_id)
        row.checkins = enabled
        self.session.add(row)
        if not enabled:
            self.cancel_timers(case_id, ("checkin",))
        self.unit.audit("reporter", "checkins_" + ("on" if enabled else "off"), case_id=case_id)
