"""What a contact's desk shows of their cases: the next deadline, unread answers, the
timeline of one case, and the filters and sort orders of the inbox.

The deadlines are those of `dialogs.deadlines` (claim within the organisation's hours,
react to the perpetrator within 48 hours, acknowledge within 7 days, feed back within 3
months of that); nothing here sets or fires a timer, it only reads the case.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from dialogs.catalogue import ACTIONS, OUTCOMES, PERPETRATOR_REACTIONS
from dialogs.deadlines import REMINDER_HOURS, acknowledge_deadline, feedback_deadline
from dialogs.i18n import N_
from dialogs.organisation import Organisation, ReportKind
from storage.casework import CaseWork
from storage.repository import CaseRecord, Unit

#: The deadline kinds, as the inbox names them.
DEADLINE_LABEL = {
    "claim": N_("pick up"),
    "perpetrator": N_("react to the perpetrator (48 hours)"),
    "acknowledge": N_("acknowledgement of receipt (7 days)"),
    "feedback": N_("feedback to the melder (3 months)"),
}
#: Which messages come from the melder (and so can be unread on the desk).
FROM_MELDER = ("answer", "callback")
#: The filters of the inbox: which statuses each shows.
STATUS_FILTERS = {
    "open": ("new", "acknowledged", "in_progress"),
    "new": ("new",),
    "acknowledged": ("acknowledged",),
    "in_progress": ("in_progress",),
    "closed": ("closed",),
    "all": ("new", "acknowledged", "in_progress", "closed"),
}
STATUS_FILTER_LABEL = {
    "open": N_("Open cases"),
    "new": N_("Not picked up"),
    "acknowledged": N_("Picked up"),
    "in_progress": N_("Being handled"),
    "closed": N_("Closed"),
    "all": N_("All cases"),
}
SORTS = {
    "deadline": N_("Next deadline"),
    "newest": N_("Newest first"),
    "oldest": N_("Oldest first"),
    "unread": N_("Unread messages"),
}


@dataclass(frozen=True)
class Deadline:
    """The next thing due on a case, and when."""

    kind: str
    due: datetime


@dataclass(frozen=True)
class InboxRow:
    """One case as the inbox lists it."""

    case: CaseRecord
    deadline: Deadline | None
    unread: int


def deadlines(case: CaseRecord, org: Organisation, actions: Sequence[str]) -> list[Deadline]:
    """The deadlines still open on a case, soonest first (`actions`: catalogue numbers
    recorded on it; a reaction to the perpetrator meets the 48-hour norm)."""
    if case.status == "closed":
        return []
    found: list[Deadline] = []
    if case.claimed_by is None:
        hours = timedelta(hours=org.acknowledge_within_hours)
        found.append(Deadline("claim", case.created_at + hours))
    perpetrator_kinds = (ReportKind.AGGRESSION.value, ReportKind.ONLINE_THREAT.value)
    if case.kind in perpetrator_kinds and not PERPETRATOR_REACTIONS.intersection(actions):
        found.append(Deadline("perpetrator", case.created_at + timedelta(hours=REMINDER_HOURS[-1])))
    if case.acknowledged_at is None:
        found.append(Deadline("acknowledge", acknowledge_deadline(case.created_at)))
    elif case.feedback_at is None:
        found.append(Deadline("feedback", feedback_deadline(case.acknowledged_at)))
    return sorted(found, key=lambda d: d.due)


def last_viewed(unit: Unit, case_id: int, contact_id: str) -> datetime | None:
    """When the contact last opened the case (in the chat or on the desk)."""
    views = [
        e.at
        for e in unit.audit_events(case_id)
        if e.actor == contact_id and e.action == "case_viewed"
    ]
    return views[-1] if views else None


def inbox(unit: Unit, org: Organisation, contact_id: str) -> list[InboxRow]:
    """The cases routed or handed over to a contact, with deadline and unread count."""
    work = CaseWork(unit)
    rows = []
    for case in unit.cases_routed_to(contact_id):
        codes = [a.code for a in work.actions(case.id)]
        upcoming = deadlines(case, org, codes)
        seen = last_viewed(unit, case.id, contact_id)
        unread = sum(
            1
            for m in work.messages(case.id, notes=False)
            if m.kind in FROM_MELDER and (seen is None or m.created_at > seen)
        )
        rows.append(InboxRow(case, upcoming[0] if upcoming else None, unread))
    return rows


def select_rows(
    rows: Sequence[InboxRow], *, status: str, kind: str | None, sort: str
) -> list[InboxRow]:
    """The rows a filter keeps, in the chosen order (unknown values: the defaults)."""
    statuses = STATUS_FILTERS.get(status, STATUS_FILTERS["open"])
    kept = [r for r in rows if r.case.status in statuses and (not kind or r.case.kind == kind)]
    far = datetime.max.replace(tzinfo=kept[0].case.created_at.tzinfo) if kept else None
    orders = {
        "deadline": lambda r: (r.deadline.due if r.deadline else far, r.case.id),
        "newest": lambda r: (-r.case.created_at.timestamp(), r.case.id),
        "oldest": lambda r: (r.case.created_at.timestamp(), r.case.id),
        "unread": lambda r: (-r.unread, r.case.id),
    }
    return sorted(kept, key=orders.get(sort, orders["deadline"]))


# -- the timeline of one case -----------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One moment in a case's history: who, what (a msgid with its values), and the
    words when there are any (questions, answers, notes, feedback, own actions)."""

    at: datetime
    actor: str
    what: str
    values: dict[str, str]
    text: str | None = None
    kind: str = "event"


EVENT_LABEL = {
    "case_created": N_("Report received"),
    "case_routed": N_("Sent to {contact}"),
    "case_claimed": N_("Picked up"),
    "case_status_changed": N_("Status: {status}"),
    "case_handed_over": N_("Handed over to {to}"),
    "case_escalated": N_("Escalated (step {step}): nobody had picked it up"),
    "perpetrator_reminder": N_("Reminder: react to the perpetrator within 48 hours"),
    "legal_reminder": N_("Reminder of the legal deadline"),
    "case_closed": N_("Closed: {outcome}"),
    "evidence_downloaded": N_("Evidence downloaded"),
}
MESSAGE_LABEL = {
    "question": N_("Question to the melder"),
    "answer": N_("Answer from the melder"),
    "note": N_("Internal note"),
    "feedback": N_("Feedback to the melder"),
    "callback": N_("The melder asked to be contacted"),
}
ACTION_LABEL = N_("Action: {action}")


def _event_values(detail: str) -> dict[str, str]:
    try:
        loaded = json.loads(detail) if detail else {}
    except ValueError:
        return {}
    values = {k: str(v) for k, v in loaded.items() if isinstance(v, str | int)}
    if "outcome" in values:
        values["outcome"] = dict(OUTCOMES).get(values["outcome"], values["outcome"])
    return values


def timeline(unit: Unit, case: CaseRecord) -> list[TimelineEntry]:
    """Routing, claims, questions and answers, notes, actions, escalations and closing,
    oldest first: the audit trail for what happened, the case's messages for the words."""
    work = CaseWork(unit)
    found = [
        TimelineEntry(e.at, e.actor, EVENT_LABEL[e.action], _event_values(e.detail))
        for e in unit.audit_events(case.id)
        if e.action in EVENT_LABEL
    ]
    for m in work.messages(case.id, notes=True):
        text = None if m.kind == "callback" else m.text
        found.append(TimelineEntry(m.created_at, m.author, MESSAGE_LABEL[m.kind], {}, text, m.kind))
    for a in work.actions(case.id):
        label = ACTIONS.get(a.code, "")
        entry = TimelineEntry(
            a.created_at, a.actor, ACTION_LABEL, {"action": label}, a.text, "action"
        )
        found.append(entry)
    return sorted(found, key=lambda t: t.at)
