"""A melder's rights under the AVG (GDPR): a copy of their data, and erasure.

Both work from the keyed pseudonym of the melder's chat, so they also work for anonymous
melders without any receipt code.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlmodel import col

from storage.callbacks import CallbackWork
from storage.cases import CaseRecord
from storage.casework import CaseWork
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
                    if m.kind in ("question", "answer", "feedback")
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
    """Erase the melder's reports and everything attached to them, and their chat state.

    Returns the deleted cases (read before deletion) so the caller can tell the
    aanspreekpunten; the audit log keeps only that a deletion happened.
    """
    cases = unit.cases_of_reporter(reporter_ref)
    ids = [c.id for c in cases]
    session = unit.session
    # Call-back requests, with their number and messages, also those without a report.
    CallbackWork(unit).delete_of_reporter(reporter_ref)
    if ids:
        for table in (Evidence, CaseMessage, CaseAction, CheckIn, Timer, RoutingDecision):
            session.execute(sa.delete(table).where(col(table.case_id).in_(ids)))
        # Pending notices about the case keep going out, without the link to it.
        session.execute(
            sa.update(OutboxMessage).where(col(OutboxMessage.case_id).in_(ids)).values(case_id=None)
        )
        session.execute(sa.delete(Case).where(col(Case.id).in_(ids)))
    unit.forget_chat(reporter_ref)
    unit.audit("reporter", "data_deleted", count=len(ids))
    return cases
