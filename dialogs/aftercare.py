"""Scheduled aftercare check-ins (DESIGN.md §8); call-backs are in `dialogs.callbacks`.

Check-ins are stored timers (day 1, 7, 28 by default) that fire once, are delivered
through the outbox only between 09:00 and 20:00 local time, and are dropped when they
could not be delivered for 72 hours. A check-in never interrupts a report in progress:
it waits a few hours and tries again. Aftercare follows the person, not the case: the
check-ins go on when the case closes; only the melder's opt-out or erasure stops them.
A check-in whose next one is due as well (the bot was down) is skipped for that one.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from dialogs.flow import Flow
from dialogs.messages import Outgoing
from dialogs.notices import Delivery, Notice, notify
from dialogs.organisation import Organisation
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
    since: int = 0

    @property
    def slots(self) -> dict[str, object]:
        """What the check-in flow needs to know while the melder answers: the case, the
        scheduled day, and the whole days since the report as it is sent (later than the
        day when the bot was down or the melder busy)."""
        since = max(self.since, self.day)
        return {"checkin_case": self.case.code, "checkin_day": self.day, "checkin_since": since}


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
    if _overtaken(org, case, day, unit.clock()):
        log.info("check-in skipped: the next one is due as well")
        return None
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
    return DueCheckin(conversation, case, day, (unit.clock() - case.created_at).days)


def _overtaken(org: Organisation, case: CaseRecord, day: int, now: datetime) -> bool:
    """Whether a later check-in of this case is due by now too (only the latest is asked)."""
    later = [d for d in org.aftercare.checkin_days if d > day]
    opens = window(org).next_opening
    return bool(later) and opens(case.created_at + timedelta(days=later[0])) <= now


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
