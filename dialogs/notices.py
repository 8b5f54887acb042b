"""Messages to people other than the one chatting: every notice goes through here.

A notice is queued in the outbox, in the caller's unit of work, once per channel the
recipient can be reached on. Its dedupe key is always `<event key>:<recipient>:<channel>`,
so the same event never reaches the same person twice on a channel, whatever retries,
crashes or double clicks happen. Event keys name the event, never its content:
`case:<code>:claimed`, `acute:<chat>:<bucket>`, `checkin:<case>:<day>`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from dialogs.messages import Outgoing, payload
from dialogs.organisation import Contact
from storage.repository import CaseRecord, Envelope, Unit

__all__ = ["Delivery", "Notice", "case_key", "contact_addresses", "notify", "notify_contact"]

#: Notices about acute danger: the outbox sends them before any other (issue 15).
URGENT_PURPOSES = frozenset({"acute_alert", "acute_relay", "acute_all_clear"})


def contact_addresses(contact: Contact) -> list[tuple[str, str]]:
    """(channel, address) pairs where a contact can be reached."""
    found: list[tuple[str, str]] = []
    addresses = contact.addresses
    if addresses.console:
        found.append(("console", addresses.console))
    if addresses.telegram_chat_id is not None:
        found.append(("telegram", str(addresses.telegram_chat_id)))
    if addresses.matrix_room_id:
        found.append(("matrix", addresses.matrix_room_id))
    elif addresses.matrix_user_id:
        found.append(("matrix", addresses.matrix_user_id))
    return found


def case_key(case: CaseRecord, event: str) -> str:
    """The event key of something that happened to a case."""
    return f"case:{case.code}:{event}"


@dataclass(frozen=True)
class Delivery:
    """When a notice may go out: not before a moment, within the delivery window, or
    dropped when it could not be delivered in time."""

    not_before: datetime | None = None
    expires_at: datetime | None = None
    quiet_hours: bool = False


@dataclass(frozen=True)
class Notice:
    """One message for one recipient, for one event."""

    recipient: str
    addresses: Sequence[tuple[str, str]]
    messages: Sequence[Outgoing]
    purpose: str
    key: str
    case_id: int | None = None
    delivery: Delivery = Delivery()

    def envelopes(self) -> list[Envelope]:
        """The outbox rows of this notice: each message on each channel, deduplicated."""
        found = []
        for channel, address in self.addresses:
            for n, message in enumerate(self.messages):
                suffix = f":{n}" if n else ""
                found.append(
                    Envelope(
                        channel=channel,
                        recipient=self.recipient,
                        address=address,
                        purpose=self.purpose,
                        payload=payload(message),
                        dedupe_key=f"{self.key}:{self.recipient}:{channel}{suffix}",
                        case_id=self.case_id,
                        not_before=self.delivery.not_before,
                        expires_at=self.delivery.expires_at,
                        quiet_hours=self.delivery.quiet_hours,
                        urgent=self.purpose in URGENT_PURPOSES,
                    )
                )
        return found


def notify(unit: Unit, notices: Sequence[Notice]) -> int:
    """Queue notices in the outbox; how many messages were new (0: all queued before)."""
    envelopes = [e for notice in notices for e in notice.envelopes()]
    return unit.enqueue_all(envelopes) if envelopes else 0


def notify_contact(
    unit: Unit,
    contact: Contact,
    text: str,
    *,
    purpose: str,
    key: str,
    case_id: int | None = None,
) -> int:
    """Queue a text notice for a contact on each of their channels."""
    notice = Notice(
        contact.id, contact_addresses(contact), (Outgoing(text=text),), purpose, key, case_id
    )
    return notify(unit, [notice])
