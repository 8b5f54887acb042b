"""Call-back requests: a melder asks to be contacted, a contact claims it, writes, closes.

Every change writes an audit event (who, what, when; never the content) in the same
transaction; the phone number, the name and the messages are encrypted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, col, select

from storage.models import CallbackMessage, CallbackRequest
from storage.unit import Unit

#: The statuses of a call-back request, in order.
CALLBACK_STATUSES = ("new", "claimed", "closed")


@dataclass(frozen=True)
class Callback:
    """A call-back request with its name and number decrypted."""

    id: int
    case_id: int | None
    reporter_ref: str
    lang: str
    anonymous: bool
    reach: str
    name: str | None
    phone: str | None
    contacts: tuple[str, ...]
    status: str
    claimed_by: str | None
    created_at: datetime
    claimed_at: datetime | None
    closed_at: datetime | None


@dataclass(frozen=True)
class NewCallback:
    """What a request holds when it is made."""

    reporter_ref: str
    lang: str
    anonymous: bool
    reach: str
    contacts: Sequence[str]
    case_id: int | None = None
    name: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class CallbackNote:
    """A decrypted message of a call-back request."""

    kind: str
    author: str
    text: str
    created_at: datetime


class CallbackWork:
    """Call-back operations within one unit of work."""

    def __init__(self, unit: Unit) -> None:
        self.unit = unit

    @property
    def session(self) -> Session:
        """The unit's ORM session."""
        return self.unit.session

    def _row(self, callback_id: int) -> CallbackRequest:
        row = self.session.get(CallbackRequest, callback_id, with_for_update=True)
        if row is None:
            raise LookupError(callback_id)
        return row

    def _record(self, row: CallbackRequest) -> Callback:
        vault = self.unit.vault
        assert row.id is not None
        return Callback(
            id=row.id,
            case_id=row.case_id,
            reporter_ref=row.reporter_ref,
            lang=row.lang,
            anonymous=row.anonymous,
            reach=row.reach,
            name=vault.decrypt_text(row.name_enc) if row.name_enc else None,
            phone=vault.decrypt_text(row.phone_enc) if row.phone_enc else None,
            contacts=tuple(row.contacts or ()),
            status=row.status,
            claimed_by=row.claimed_by,
            created_at=row.created_at,
            claimed_at=row.claimed_at,
            closed_at=row.closed_at,
        )

    def create(self, new: NewCallback) -> Callback:
        """Store a request (its name and number encrypted) and audit it."""
        vault = self.unit.vault
        row = CallbackRequest(
            case_id=new.case_id,
            reporter_ref=new.reporter_ref,
            lang=new.lang,
            anonymous=new.anonymous,
            reach=new.reach,
            name_enc=vault.encrypt_text(new.name) if new.name else None,
            phone_enc=vault.encrypt_text(new.phone) if new.phone else None,
            contacts=list(new.contacts),
            created_at=self.unit.clock(),
        )
        self.session.add(row)
        self.session.flush()
        record = self._record(row)
        self.unit.audit(
            "reporter",
            "callback_requested",
            case_id=new.case_id,
            callback=record.id,
            reach=new.reach,
            contacts=list(new.contacts),
        )
        return record

    def add_contacts(self, callback_id: int, contact_ids: Sequence[str]) -> None:
        """Give a request to more contacts (an escalation step brought them in)."""
        row = self._row(callback_id)
        row.contacts = list(dict.fromkeys([*(row.contacts or ()), *contact_ids]))
        self.session.add(row)

    def get(self, callback_id: int) -> Callback | None:
        """A request by id, or None."""
        row = self.session.get(CallbackRequest, callback_id)
        return self._record(row) if row is not None else None

    def _select(self, *where: sa.ColumnElement[bool]) -> list[Callback]:
        stmt = select(CallbackRequest).where(*where).order_by(col(CallbackRequest.id).desc())
        return [self._record(r) for r in self.session.exec(stmt).all()]

    def of_contact(self, contact_id: str) -> list[Callback]:
        """The requests that went to a contact, newest first."""
        return [c for c in self._select() if contact_id in c.contacts]

    def of_reporter(self, reporter_ref: str) -> list[Callback]:
        """A melder's own requests, newest first."""
        return self._select(col(CallbackRequest.reporter_ref) == reporter_ref)

    def open_of_reporter(self, reporter_ref: str) -> Callback | None:
        """The melder's newest request that is not closed, if any."""
        found = self._select(
            col(CallbackRequest.reporter_ref) == reporter_ref,
            col(CallbackRequest.status) != "closed",
        )
        return found[0] if found else None

    def claim(self, callback_id: int, actor: str) -> Callback:
        """Claim a new request (a claimed or closed one stays as it is)."""
        row = self._row(callback_id)
        if row.status == "new":
            row.status = "claimed"
            row.claimed_by = actor
            row.claimed_at = self.unit.clock()
            self.session.add(row)
            self.unit.audit(actor, "callback_claimed", case_id=row.case_id, callback=row.id)
        return self._record(row)

    def close(self, callback_id: int, actor: str) -> Callback:
        """Close a request: contact was made, or will not be."""
        row = self._row(callback_id)
        if row.status != "closed":
            row.status = "closed"
            row.claimed_by = row.claimed_by or actor
            row.claimed_at = row.claimed_at or self.unit.clock()
            row.closed_at = self.unit.clock()
            self.session.add(row)
            self.unit.audit(actor, "callback_closed", case_id=row.case_id, callback=row.id)
        return self._record(row)

    def add_message(self, callback_id: int, kind: str, author: str, text: str) -> None:
        """Store a message to or from the melder, or a note (encrypted), and audit it."""
        row = self._row(callback_id)
        self.session.add(
            CallbackMessage(
                callback_id=callback_id,
                kind=kind,
                author=author,
                body_enc=self.unit.vault.encrypt_text(text),
                created_at=self.unit.clock(),
            )
        )
        self.unit.audit(author, f"callback_{kind}", case_id=row.case_id, callback=callback_id)

    def messages(self, callback_id: int, *, notes: bool) -> list[CallbackNote]:
        """A request's messages, oldest first; notes only when `notes`."""
        stmt = select(CallbackMessage).where(CallbackMessage.callback_id == callback_id)
        if not notes:
            stmt = stmt.where(CallbackMessage.kind != "note")
        rows = self.session.exec(stmt.order_by(col(CallbackMessage.id))).all()
        return [
            CallbackNote(r.kind, r.author, self.unit.vault.decrypt_text(r.body_enc), r.created_at)
            for r in rows
        ]

    def delete_of_reporter(self, reporter_ref: str) -> int:
        """Erase a melder's requests and their messages (AVG); how many there were."""
        ids = [c.id for c in self.of_reporter(reporter_ref)]
        self._delete(ids)
        return len(ids)

    def purge_closed(self, before: datetime) -> int:
        """Delete requests closed before `before` (retention); how many."""
        ids = self.session.exec(
            select(CallbackRequest.id).where(
                CallbackRequest.status == "closed", col(CallbackRequest.closed_at) < before
            )
        ).all()
        found = [i for i in ids if i is not None]
        self._delete(found)
        return len(found)

    def _delete(self, ids: Sequence[int]) -> None:
        if not ids:
            return
        self.session.execute(
            sa.delete(CallbackMessage).where(col(CallbackMessage.callback_id).in_(list(ids)))
        )
        self.session.execute(sa.delete(CallbackRequest).where(col(CallbackRequest.id).in_(ids)))
