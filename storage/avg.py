"""A melder's rights under the AVG (GDPR): a copy of their data, and erasure.

Both work from the keyed pseudonym of the melder's chat, so they also work for anonymous
melders without any receipt code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlmodel import col

from storage.alerts import AlertWork
from storage.callbacks import CallbackWork
from storage.cases import CaseRecord
from storage.casework import MELDER_VISIBLE, CaseWork
from storage.models import (
    Case,
    CaseAction,
    CaseMessage,
    CheckIn,
    Evidence,
    OutboxMessage,
    RoutingDecision,
    Timer,
)
from storage.unit import Unit

#: Why an undelivered message was never sent (the outbox's `last_error`).
ERASED = "erased with the melder's data"


def export_reporter_data(unit: Unit, reporter_ref: str) -> dict[str, Any]:
    """Everything stored about this melder's reports, as the melder may see it.

    Internal notes of aanspreekpunten are left out: they are the organisation's working
    notes; the melder's own words, answers, check-ins and the feedback to them are in.
    """
    work = CaseWork(unit)
    reports = []
    for case in unit.cases_of_reporter(reporter_ref):
        reports.append(
            {
                "code": case.code,
                "kind": case.kind,
                "status": case.status,
                "anonymous": case.anonymous,
                "created_at": case.created_at.isoformat(),
                "your_answers": {**case.facts, **case.details},
                "evidence": [
                    {
                        "name": e.name,
                        "sha256": e.sha256,
                        "size": e.size,
                        "received_at": e.received_at.isoformat(),
                    }
                    for e in case.evidence
                ],
                "sent_to_roles": sorted({role for _, role, _ in case.routed_to}),
                "messages": [
                    {"kind": m.kind, "text": m.text, "at": m.created_at.isoformat()}
                    for m in work.messages(case.id, notes=False)
                    if m.kind in MELDER_VISIBLE
                ],
                "checkins": [
                    {"day": c.day, "score": c.score, "words": c.text, "shared": c.shared}
                    for c in work.checkins(case.id, for_contact=False)
                ],
            }
        )
    unit.audit("reporter", "data_exported", count=len(reports))
    return {
        "format": "zorgveilig-export",
        "version": 1,
        "reports": reports,
        "contact_requests": _callbacks(unit, reporter_ref),
    }


def _callbacks(unit: Unit, reporter_ref: str) -> list[dict[str, Any]]:
    """The melder's requests to be contacted, with their number and the messages to and
    from them (the contacts' notes left out, as with cases)."""
    work = CallbackWork(unit)
    return [
        {
            "requested_at": c.created_at.isoformat(),
            "status": c.status,
            "reach": c.reach,
            "name": c.name,
            "phone": c.phone,
            "messages": [
                {"kind": m.kind, "text": m.text, "at": m.created_at.isoformat()}
                for m in work.messages(c.id, notes=False)
            ],
        }
        for c in work.of_reporter(reporter_ref)
    ]


def delete_reporter_data(unit: Unit, reporter_ref: str) -> list[CaseRecord]:
    """Erase the melder's reports and everything attached to them, every message about
    them or to the melder still waiting in the outbox, and their chat state.

    Returns the deleted cases (read before deletion) so the caller can tell the
    aanspreekpunten; the audit log keeps only that a deletion happened.
    """
    cases = unit.cases_of_reporter(reporter_ref)
    ids = [c.id for c in cases]
    session = unit.session
    void_outbox(unit, ids, reporter_ref)  # first: those messages point at the cases
    # Call-back requests, with their number and messages, also those without a report.
    CallbackWork(unit).delete_of_reporter(reporter_ref)
    # Acute alerts point at the melder's chat; they and the relayed messages go too.
    AlertWork(unit).delete_of_reporter(reporter_ref)
    if ids:
        for table in (Evidence, CaseMessage, CaseAction, CheckIn, Timer, RoutingDecision):
            session.execute(sa.delete(table).where(col(table.case_id).in_(ids)))
        session.execute(sa.delete(Case).where(col(Case.id).in_(ids)))
    unit.forget_chat(reporter_ref)
    unit.audit("reporter", "data_deleted", count=len(ids))
    return cases


def void_outbox(unit: Unit, case_ids: Sequence[int], reporter_ref: str) -> int:
    """Void every outbox message about these cases or to this melder, in the erasure's
    transaction: an undelivered one is never sent (it is marked failed), and no row keeps
    its text or the melder's address. How many undelivered messages were stopped."""
    about = sa.or_(
        col(OutboxMessage.case_id).in_(list(case_ids)), col(OutboxMessage.recipient) == reporter_ref
    )
    session = unit.session
    stopped = session.execute(
        sa.update(OutboxMessage)
        .where(about, col(OutboxMessage.delivered_at).is_(None))
        .where(col(OutboxMessage.failed_at).is_(None))
        .values(failed_at=unit.clock(), claimed_until=None, last_error=ERASED)
    )
    session.execute(
        sa.update(OutboxMessage)
        .where(about)
        .values(
            case_id=None, payload_enc=unit.vault.encrypt(b"{}"), address_enc=unit.vault.encrypt(b"")
        )
    )
    return int(getattr(stopped, "rowcount", 0) or 0)
