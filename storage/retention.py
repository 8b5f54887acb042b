"""Retention (DESIGN.md §6): closed cases are purged after a period, keeping only
anonymous statistics; unfinished reports after 30 days; technical leftovers after a while.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import col, select

from storage.alerts import AlertWork
from storage.callbacks import CallbackWork
from storage.models import (
    AuditEvent,
    Case,
    CaseAction,
    CaseMessage,
    CheckIn,
    Conversation,
    Evidence,
    InboxUpdate,
    OutboxAttempt,
    OutboxMessage,
    ProcessedMessage,
    Timer,
)
from storage.nlu_review import purge_expired
from storage.unit import Unit

#: Flows whose state is an unfinished report (a draft).
DRAFT_FLOWS = ("online_threat", "aggression", "niet_pluis")


@dataclass(frozen=True)
class PurgeResult:
    """What one purge run removed (counts only)."""

    cases: int
    drafts: int
    outbox: int
    processed: int
    chats: int = 0
    reviews: int = 0
    callbacks: int = 0
    alerts: int = 0

    def as_dict(self) -> dict[str, int]:
        """For logs and the CLI."""
        return {
            "cases": self.cases,
            "drafts": self.drafts,
            "outbox": self.outbox,
            "processed": self.processed,
            "chats": self.chats,
            "reviews": self.reviews,
            "callbacks": self.callbacks,
            "alerts": self.alerts,
        }


def purge(
    unit: Unit,
    *,
    closed_after: timedelta = timedelta(days=365),
    drafts_after: timedelta = timedelta(days=30),
    technical_after: timedelta = timedelta(days=30),
) -> PurgeResult:
    """Apply the retention rules once.

    A purged case keeps its row with the fields statistics need (kind, dates, ARO category,
    platform, relation, team, anonymous, actions by number); its words, evidence, messages,
    check-in words and the link to the melder's chat are gone.
    """
    now = unit.clock()
    cases = _purge_closed_cases(unit, now - closed_after, now=now)
    drafts = _reset_stale_drafts(unit, now - drafts_after)
    chats = _forget_idle_chats(unit, now - closed_after)
    # Unclear messages kept for NLU review: 30 days at most, also when no new one comes.
    reviews = purge_expired(unit)
    # Closed call-back requests (the number, the messages) go after the same period.
    callbacks = CallbackWork(unit).purge_closed(now - closed_after)
    outbox, processed = _purge_technical(unit, now - technical_after)
    # Acute alerts and what security and the melder wrote: technical data, 30 days.
    alerts = AlertWork(unit).purge_before(now - technical_after)
    result = PurgeResult(
        cases=cases,
        drafts=drafts,
        outbox=outbox,
        processed=processed,
        chats=chats,
        reviews=reviews,
        callbacks=callbacks,
        alerts=alerts,
    )
    unit.session.add(
        AuditEvent(
            at=now,
            actor="system",
            action="retention_purge",
            detail=json.dumps(result.as_dict(), sort_keys=True),
        )
    )
    return result


def _purge_closed_cases(unit: Unit, before: datetime, *, now: datetime) -> int:
    """Purge the cases closed before `before`: their words go, their statistics stay."""
    session = unit.session
    old_cases = session.exec(
        select(Case.id).where(
            Case.status == "closed",
            col(Case.closed_at) < before,
            col(Case.purged_at).is_(None),
        )
    ).all()
    ids = [i for i in old_cases if i is not None]
    if not ids:
        return 0
    session.execute(sa.delete(Evidence).where(col(Evidence.case_id).in_(ids)))
    session.execute(sa.delete(CaseMessage).where(col(CaseMessage.case_id).in_(ids)))
    session.execute(sa.delete(Timer).where(col(Timer.case_id).in_(ids)))
    session.execute(
        sa.update(CaseAction).where(col(CaseAction.case_id).in_(ids)).values(text_enc=None)
    )
    session.execute(sa.update(CheckIn).where(col(CheckIn.case_id).in_(ids)).values(text_enc=None))
    session.execute(
        sa.update(OutboxMessage).where(col(OutboxMessage.case_id).in_(ids)).values(case_id=None)
    )
    empty = unit.vault.encrypt(json.dumps({}).encode())
    session.execute(
        sa.update(Case)
        .where(col(Case.id).in_(ids))
        .values(details_enc=empty, reporter_ref="purged", purged_at=now, checkins=False)
    )
    for case_id in ids:
        unit.audit("system", "case_purged", case_id=case_id)
    return len(ids)


def _reset_stale_drafts(unit: Unit, before: datetime) -> int:
    """Unfinished reports untouched since `before`: the conversation forgets its answers,
    draft evidence goes. How many there were."""
    session = unit.session
    stale = session.exec(
        select(Conversation).where(
            col(Conversation.flow).in_(DRAFT_FLOWS),
            col(Conversation.updated_at) < before,
        )
    ).all()
    for conversation in stale:
        unit.discard_draft_evidence(conversation.key)
        conversation.flow, conversation.step, conversation.state_enc = None, None, None
        conversation.version += 1
        session.add(conversation)
    return len(stale)


def _purge_technical(unit: Unit, before: datetime) -> tuple[int, int]:
    """Delete outbox messages delivered or given up before `before`, and the record of
    platform messages handled before it; how many of each."""
    session = unit.session
    old = sa.or_(col(OutboxMessage.delivered_at) < before, col(OutboxMessage.failed_at) < before)
    # The attempts first: they point at their message.
    session.execute(
        sa.delete(OutboxAttempt).where(
            col(OutboxAttempt.outbox_id).in_(select(OutboxMessage.id).where(old))
        )
    )
    outbox = session.execute(sa.delete(OutboxMessage).where(old))
    processed = session.execute(
        sa.delete(ProcessedMessage).where(col(ProcessedMessage.processed_at) < before)
    )
    # Answered updates keep only their id, to recognise a redelivery: as long as above.
    session.execute(sa.delete(InboxUpdate).where(col(InboxUpdate.done_at) < before))
    return int(getattr(outbox, "rowcount", 0) or 0), int(getattr(processed, "rowcount", 0) or 0)


def _forget_idle_chats(unit: Unit, before: datetime) -> int:
    """Delete chats unused since `before` that no kept case points to: the conversation
    (with its encrypted address), its draft evidence and what the channel remembers of it.
    Someone writing again later simply starts afresh."""
    session = unit.session
    kept = select(Case.reporter_ref).where(col(Case.purged_at).is_(None))
    idle = session.exec(
        select(Conversation.key).where(
            col(Conversation.updated_at) < before, col(Conversation.key).not_in(kept)
        )
    ).all()
    return sum(unit.forget_chat(key) for key in idle)
