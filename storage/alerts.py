"""Acute-danger alerts and the relay between security and the melder.

An alert keeps the keyed pseudonym of the melder's chat, never who they are, so security
can ask the melder a question through the bot, also an anonymous melder. Every change is
audited (never the content); the messages are encrypted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage.models import AcuteAlert, AcuteMessage
from storage.unit import Unit


@dataclass(frozen=True)
class Alert:
    """An acute-danger alert as security sees it (no words of the melder)."""

    id: int
    reporter_ref: str
    lang: str
    kinds: tuple[str, ...]
    place: dict[str, str]
    contacts: tuple[str, ...]
    created_at: datetime
    all_clear_at: datetime | None


@dataclass(frozen=True)
class AlertNote:
    """A decrypted message between security and the melder."""

    id: int
    kind: str
    author: str
    text: str
    created_at: datetime
    answered: bool


class AlertWork:
    """Alert operations within one unit of work."""

    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    @property
    def session(self) -> Session:
        """The unit's ORM session."""
        return self.unit.session

    @staticmethod
    def _record(row: AcuteAlert) -> Alert:
        assert row.id is not None
        return Alert(
            id=row.id,
            reporter_ref=row.reporter_ref,
            lang=row.lang,
            kinds=tuple(row.kinds or ()),
            place=dict(row.place or {}),
            contacts=tuple(row.contacts or ()),
            created_at=row.created_at,
            all_clear_at=row.all_clear_at,
        )

    def create(
        self,
        reporter_ref: str,
        *,
        lang: str,
        kinds: Sequence[str],
        place: dict[str, str],
        contacts: Sequence[str],
    ) -> Alert:
        """Store an alert that went to `contacts`."""
        row = AcuteAlert(
            reporter_ref=reporter_ref,
            lang=lang,
            kinds=list(kinds),
            place=dict(place),
            contacts=list(contacts),
            created_at=self.unit.clock(),
        )
        self.session.add(row)
        self.session.flush()
        return self._record(row)

    def get(self, alert_id: int) -> Alert | None:
        """An alert by id, or None."""
        row = self.session.get(AcuteAlert, alert_id)
        return self._record(row) if row is not None else None

    def latest_of_reporter(self, reporter_ref: str) -> Alert | None:
        """The melder's newest alert, if any."""
        row = self.session.exec(
            select(AcuteAlert)
            .where(AcuteAlert.reporter_ref == reporter_ref)
            .order_by(col(AcuteAlert.id).desc())
        ).first()
        return self._record(row) if row is not None else None

    def of_contact(self, contact_id: str, since: datetime) -> list[Alert]:
        """The alerts that went to a contact since a moment, newest first."""
        rows = self.session.exec(
            select(AcuteAlert)
            .where(col(AcuteAlert.created_at) >= since)
            .order_by(col(AcuteAlert.id).desc())
        ).all()
        return [self._record(r) for r in rows if contact_id in (r.contacts or ())]

    def mark_all_clear(self, alert_id: int) -> None:
        """The melder said it is over."""
        row = self.session.get(AcuteAlert, alert_id, with_for_update=True)
        if row is not None and row.all_clear_at is None:
            row.all_clear_at = self.unit.clock()
            self.session.add(row)

    def add_message(self, alert_id: int, kind: str, author: str, text: str) -> int:
        """Store a question to the melder or their answer (encrypted), and audit it; an
        answer answers every open question of the alert."""
        now = self.unit.clock()
        if kind == "from_melder":
            self.session.execute(
                sa.update(AcuteMessage)
                .where(
                    col(AcuteMessage.alert_id) == alert_id,
                    col(AcuteMessage.kind) == "to_melder",
                    col(AcuteMessage.answered_at).is_(None),
                )
                .values(answered_at=now)
            )
        message = AcuteMessage(
            alert_id=alert_id,
            kind=kind,
            author=author,
            body_enc=self.unit.vault.encrypt_text(text),
            created_at=now,
        )
        self.session.add(message)
        self.session.flush()
        self.unit.audit(author, f"acute_{kind}", alert=alert_id)
        assert message.id is not None
        return message.id

    def messages(self, alert_id: int) -> list[AlertNote]:
        """An alert's messages, oldest first."""
        rows = self.session.exec(
            select(AcuteMessage)
            .where(AcuteMessage.alert_id == alert_id)
            .order_by(col(AcuteMessage.id))
        ).all()
        return [
            AlertNote(
                r.id or 0,
                r.kind,
                r.author,
                self.unit.vault.decrypt_text(r.body_enc),
                r.created_at,
                r.answered_at is not None,
            )
            for r in rows
        ]

    def open_question(self, reporter_ref: str, since: datetime) -> tuple[Alert, AlertNote] | None:
        """The newest unanswered question of security to this melder since a moment."""
        alert = self.latest_of_reporter(reporter_ref)
        if alert is None or alert.created_at < since:
            return None
        open_ = [m for m in self.messages(alert.id) if m.kind == "to_melder" and not m.answered]
        return (alert, open_[-1]) if open_ else None

    def delete_of_reporter(self, reporter_ref: str) -> int:
        """Erase a melder's alerts and their messages (AVG); how many there were."""
        ids = self.session.exec(
            select(AcuteAlert.id).where(AcuteAlert.reporter_ref == reporter_ref)
        ).all()
        return self._delete([i for i in ids if i is not None])

    def purge_before(self, before: datetime) -> int:
        """Delete alerts older than `before` with their messages (retention); how many."""
        ids = self.session.exec(
            select(AcuteAlert.id).where(col(AcuteAlert.created_at) < before)
        ).all()
        return self._delete([i for i in ids if i is not None])

    def _delete(self, ids: Sequence[int]) -> int:
        if ids:
            self.session.execute(
                sa.delete(AcuteMessage).where(col(AcuteMessage.alert_id).in_(list(ids)))
            )
            self.session.execute(sa.delete(AcuteAlert).where(col(AcuteAlert.id).in_(list(ids))))
        return len(ids)
