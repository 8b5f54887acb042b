"""Scheduled aftercare check-ins and call-back requests (DESIGN.md §8).

Check-ins are stored timers (day 1, 7, 28 by default) that fire once, are delivered
through the outbox only between 09:00 and 20:00 local time, and are dropped when they
could not be delivered for 72 hours. A check-in never interrupts a report in progress:
it waits a few hours and tries again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta

from dialogs import texts
from dialogs.casedesk import CaseDesk
from dialogs.flow import Flow
from dialogs.i18n import translator
from dialogs.messages import Outgoing
from dialogs.notices import Delivery, Notice, notify, notify_contact
from dialogs.organisation import Contact, Organisation, Role
from storage.casework import CaseWork, DueTimer, NewTimer
from storage.repository import CaseRecord, DeliveryWindow, StoredConversation, Unit

log = logging.getLogger(__name__)

CHECKIN = "checkin"
UNDELIVERED_AFTER = timedelta(hours=72)
RETRY_AFTER = timedelta(hours=3)
MAX_RETRIES = 4


def window(org: Organisation) -> DeliveryWindow:
    """When check-ins may be delivered: 09:00-20:00 in the organisation's timezone."""
    return DeliveryWindow(timezone=org.timezone, start_hour=9, end_hour=20)


def schedule_checkins(work: CaseWork, org: Organisation, case: CaseRecord) -> None:
    """Store the check-in timers of a new case, each moved into the delivery window."""
    opens = window(org).next_opening
    work.schedule_all(
        [
            NewTimer(
                CHECKIN,
                opens(case.created_at + timedelta(days=day)),
                case.id,
                f"{CHECKIN}:{case.id}:{day}",
            )
            for day in org.aftercare.checkin_days
        ]
    )


def _day_and_retry(timer: DueTimer) -> tuple[int, int]:
    parts = timer.key.split(":")
    day = int(parts[2])
    retry = int(parts[3][1:]) if len(parts) > 3 else 0
    return day, retry


@dataclass(frozen=True)
class DueCheckin:
    """A check-in to send now: the melder's chat (as loaded, locked), the case and day."""

    conversation: StoredConversation
    case: CaseRecord
    day: int

    @property
    def slots(self) -> dict[str, object]:
        """What the check-in flow needs to know while the melder answers."""
        return {"checkin_case": self.case.code, "checkin_day": self.day}


def due_checkin(
    unit: Unit, org: Organisation, timer: DueTimer, flows: Mapping[str, Flow]
) -> DueCheckin | None:
    """The check-in a fired timer asks for, if it can be sent now. A melder in the middle
    of something gets it a few hours later; a case without check-ins or without a chat
    gets none. The timer is marked fired either way."""
    work = CaseWork(unit)
    work.mark_fired(timer.id)
    cases = unit.cases_by_ids([timer.case_id]) if timer.case_id is not None else []
    if not cases or not cases[0].checkins:
        return None
    case = cases[0]
    day, retry = _day_and_retry(timer)
    conversation = unit.load_conversation(case.reporter_ref)
    if conversation is None:
        log.warning("check-in dropped: the melder's chat is gone")
        return None
    if not _idle(conversation, flows):
        if retry >= MAX_RETRIES:
            log.warning("check-in dropped: the melder stayed busy")
            return None
        due = window(org).next_opening(unit.clock() + RETRY_AFTER)
        work.schedule(CHECKIN, due, case_id=case.id, key=f"{CHECKIN}:{case.id}:{day}:r{retry + 1}")
        return None
    return DueCheckin(conversation, case, day)


def queue_checkin(unit: Unit, due: DueCheckin, messages: Sequence[Outgoing]) -> None:
    """Queue the check-in's first question for the melder, delivered only in the daytime
    window and dropped when it could not be delivered in time."""
    conversation = due.conversation
    # One push notification, not several: the intro and the question in one message.
    message = Outgoing(
        text="\n".join(m.text for m in messages if m.text),
        choices=messages[-1].choices if messages else (),
    )
    notice = Notice(
        due.case.reporter_ref,
        [(conversation.channel, conversation.address)],
        (message,),
        "checkin",
        f"{CHECKIN}:{due.case.id}:{due.day}",
        due.case.id,
        Delivery(expires_at=unit.clock() + UNDELIVERED_AFTER, quiet_hours=True),
    )
    notify(unit, [notice])
    unit.audit("system", "checkin_sent", case_id=due.case.id, day=due.day)


def _idle(conversation: StoredConversation, flows: Mapping[str, Flow]) -> bool:
    """Whether a check-in may replace what the melder is doing (nothing, or reading)."""
    flow = flows.get(conversation.flow) if conversation.flow else None
    if flow is None:
        return True
    step = flow.by_name.get(conversation.step or "")
    return flow.idle and not (step is not None and step.busy)


def callback_contacts(org: Organisation, case: CaseRecord | None, desk: CaseDesk) -> list[Contact]:
    """Who is asked to call back: the configured contact, else the case's holder, else its
    independent aandachtsfunctionarissen, else the vertrouwenspersonen."""
    configured = org.aftercare.callback_contact
    if configured:
        return [org.contact(configured)]
    if case is not None:
        routed = [org.contact(c) for c in desk.work.routed_contacts(case.id)]
        if case.claimed_by:
            routed = [c for c in routed if c.id == case.claimed_by]
        independent = [c for c in routed if not c.line_manager or c.id == case.claimed_by]
        allowed = [c for c in independent if desk.may_receive(case, c)]
        if allowed:
            return allowed
    return [c for c in org.contacts if c.role is Role.VERTROUWENSPERSOON] or [
        c for c in org.contacts if c.role is Role.AANDACHTSFUNCTIONARIS and not c.line_manager
    ]


def request_callback(desk: CaseDesk, case: CaseRecord) -> list[Contact]:
    """Ask someone to contact the melder of a case (through the relay when anonymous)."""
    contacts = callback_contacts(desk.org, case, desk)
    request = desk.work.add_message(case.id, "callback", "reporter", "")
    for contact in contacts:
        tr = translator(contact.language)
        msgid = texts.NOTICE_CALLBACK_ANONYMOUS if case.anonymous else texts.NOTICE_CALLBACK_NAMED
        text = tr(msgid, code=case.code, name=case.details.get("reporter_name", ""))
        desk.notify_contact(contact, text, purpose="callback", case=case, key=f"callback{request}")
    return contacts


def request_callback_without_case(
    unit: Unit, org: Organisation, desk: CaseDesk, reach: str
) -> list[Contact]:
    """Someone without a report asks for contact and left a way to reach them."""
    contacts = callback_contacts(org, None, desk)
    stamp = unit.clock().isoformat()
    for contact in contacts:
        tr = translator(contact.language)
        text = tr(texts.NOTICE_CALLBACK_DIRECT, reach=reach)
        notify_contact(unit, contact, text, purpose="callback", key=f"callback:{stamp}")
    unit.audit("reporter", "callback_requested", contacts=[c.id for c in contacts])
    return contacts
