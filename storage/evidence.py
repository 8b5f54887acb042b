"""Evidence: files and links a melder sends, drafts until their report is confirmed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from storage import statements as sql
from storage.base import Repository
from storage.crypto import sha256_hex
from storage.models import Evidence


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


class EvidenceRepository(Repository):
    """Stores evidence encrypted; shows it by name, type, size and hash."""

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

    def attach_draft_evidence(
        self, conversation_key: str, case_id: int
    ) -> tuple[EvidenceItem, ...]:
        """Give a conversation's draft evidence to its confirmed case; the case's evidence."""
        self.execute(
            sql.ATTACH_DRAFT_EVIDENCE,
            {"b_conversation_key": conversation_key, "case_id": case_id},
        )
        rows = self.execute(sql.EVIDENCE_OF_CASE, {"case_id": case_id})
        return tuple(self._evidence_item(r) for r in rows)

    def discard_draft_evidence(self, conversation_key: str) -> int:
        """Delete unconfirmed evidence (the melder stopped)."""
        # A prebuilt statement: every new report starts with this, most with nothing to do.
        result = self.execute(sql.DISCARD_DRAFT_EVIDENCE, {"conversation_key": conversation_key})
        return int(result.rowcount or 0)

    def evidence_content(self, evidence_id: int) -> bytes:
        """Decrypted content of one evidence item."""
        row = self.session.get(Evidence, evidence_id)
        if row is None:
            raise LookupError(evidence_id)
        return self.vault.decrypt(row.data_enc)
