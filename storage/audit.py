"""The audit trail: who did what to which case, and when; never the content."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlmodel import col, select

from storage import statements as sql
from storage.base import Repository
from storage.models import AuditEvent


class AuditRepository(Repository):
    """Appends and reads audit events."""

    def audit(self, actor: str, action: str, *, case_id: int | None = None, **detail: Any) -> None:
        """Append an audit event; `detail` holds ids and enums only, never content."""
        self.execute(sql.INSERT_AUDIT, self._audit_row(actor, action, case_id, detail))

    def audit_cases(self, actor: str, action: str, case_ids: Sequence[int], **detail: Any) -> None:
        """Append the same audit event to each of these cases, in one statement."""
        rows = [self._audit_row(actor, action, case_id, detail) for case_id in case_ids]
        if rows:
            self.execute(sql.INSERT_AUDIT, rows)

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
