"""Cases and their routing: confirmed reports and the contacts they went to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from storage import statements as sql
from storage.audit import AuditRepository
from storage.base import ConcurrentUpdateError
from storage.casecode import new_code
from storage.evidence import EvidenceItem, EvidenceRepository
from storage.models import Case, RoutingDecision


@dataclass(frozen=True)
class CaseRecord:
    """A case with its free text decrypted.

    `facts` are the report's answers in plain form (enums, numbers, flags), `details`
    the melder's own words; which answer goes where is declared in dialogs/fields.py.
    """

    id: int
    code: str
    kind: str
    status: str
    anonymous: bool
    reporter_ref: str
    channel: str
    lang: str
    severity: str
    facts: dict[str, Any]
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
    feedback_at: datetime | None = None


@dataclass
class NewCase:
    """What the engine hands over when a melder confirms a report."""

    kind: str
    anonymous: bool
    reporter_ref: str
    channel: str
    lang: str
    details: dict[str, Any]
    facts: dict[str, Any] = field(default_factory=dict)
    severity: str = "normal"


class CaseRepository(EvidenceRepository, AuditRepository):
    """Creates and reads cases and records where they were routed.

    A case takes its draft evidence along and audits its creation and routing in the
    same transaction, hence the evidence and audit repositories as its bases.
    """

    def create_case(self, new: NewCase, *, conversation_key: str | None = None) -> CaseRecord:
        """Register a confirmed report under a fresh unique code; attach draft evidence."""
        now = self.clock()
        details = dict(new.details)
        code = self._free_case_code()
        case_id = self._insert_case(self._new_case_row(new, code, details, now))
        evidence: tuple[EvidenceItem, ...] = ()
        if conversation_key is not None:
            evidence = self.attach_draft_evidence(conversation_key, case_id)
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
            severity=new.severity,
            facts=dict(new.facts),
            details=details,
            created_at=now,
            updated_at=now,
            evidence=evidence,
        )

    def _free_case_code(self) -> str:
        """A code no case has yet; longer codes when short ones keep being taken."""
        for attempt in range(40):
            code = new_code(4 + attempt // 10)
            if self.execute(sql.CASE_CODE_TAKEN, {"code": code}).first() is None:
                return code
        raise RuntimeError("could not allocate a unique case code")

    def _new_case_row(
        self, new: NewCase, code: str, details: dict[str, Any], now: datetime
    ) -> dict[str, Any]:
        """The row of a new case, its details encrypted."""
        return {
            "code": code,
            "kind": new.kind,
            "status": "new",
            "anonymous": new.anonymous,
            "reporter_ref": new.reporter_ref,
            "channel": new.channel,
            "lang": new.lang,
            "severity": new.severity,
            "facts": new.facts,
            "details_enc": self._enc_json(details),
            "checkins": True,
            "created_at": now,
            "updated_at": now,
        }

    def _insert_case(self, values: dict[str, Any]) -> int:
        """Insert a new case's row; its id."""
        try:
            inserted = self.execute(sql.INSERT_CASE, values)
        except IntegrityError as exc:
            # Another process took the same fresh code at the same moment: the engine
            # handles the whole message again, with a new code.
            raise ConcurrentUpdateError("case code taken concurrently") from exc
        primary_key = inserted.inserted_primary_key
        assert primary_key is not None
        return int(primary_key[0])

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
            severity=row.severity,
            facts=dict(row.facts or {}),
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
            feedback_at=row.feedback_at,
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
