"""What a case's deadlines do when they come (the timers of `dialogs.deadlines`).

Nothing goes silent: a case nobody picks up climbs the organisation's escalation ladder
step by step and the last step repeats until someone does; the melder is told honestly
at each step; the legal clock reminds the contacts before its deadlines pass. Each
firing is audited and its notices go through the outbox, in the timer's unit of work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from dialogs import callbacks, followtexts, render, texts
from dialogs.casedesk import CaseDesk
from dialogs.catalogue import PERPETRATOR_REACTIONS
from dialogs.deadlines import (
    ESCALATION,
    LEGAL_ACK,
    LEGAL_FEEDBACK,
    REMINDER,
    REMINDER_HOURS,
    REOPENED,
    acknowledge_deadline,
    due_steps,
    feedback_deadline,
    first_timers,
    ladder_position,
    next_escalation,
    reopen_round,
    reopen_timer,
)
from dialogs.i18n import translator
from dialogs.organisation import Contact, EscalationStep, ladder_contacts
from dialogs.routing import team_of
from storage.casework import DueTimer
from storage.repository import CaseRecord


def schedule(desk: CaseDesk, case: CaseRecord) -> None:
    """Store the deadlines of a new case."""
    desk.work.schedule_all(first_timers(desk.org, case))


def fire(desk: CaseDesk, timer: DueTimer) -> None:
    """Run one due timer, then mark it fired (once, whatever happened). A closed case's
    deadlines do nothing (closing cancels them; this is for a timer already taken)."""
    try:
        if timer.kind == callbacks.REMINDER:
            callbacks.remind(desk, timer)
            return
        case = _timer_case(desk, timer)
        handler = _HANDLERS.get(timer.kind)
        if handler is not None and case is not None and case.status != "closed":
            handler(desk, case, timer)
    finally:
        desk.work.mark_fired(timer.id)


def _timer_case(desk: CaseDesk, timer: DueTimer) -> CaseRecord | None:
    if timer.case_id is None:
        return None
    found = desk.unit.cases_by_ids([timer.case_id])
    return found[0] if found else None


def _hours_since_report(desk: CaseDesk, case: CaseRecord) -> int:
    return int((desk.unit.clock() - case.created_at).total_seconds() // 3600)


# -- the escalation ladder --------------------------------------------------------------


def _escalate(desk: CaseDesk, case: CaseRecord, timer: DueTimer) -> None:
    """Nobody picked the case up: bring in the people of this step (those who do not
    have it yet receive it, those who do are reminded), tell the melder honestly the
    first time a step fires, and set the next step (or the last one again)."""
    if case.claimed_by is not None:
        return
    position = ladder_position(desk.org, case, timer, desk.unit.clock())
    routed = tuple(desk.work.routed_contacts(case.id))
    reached = _brought_in(desk, case, position.steps, routed)
    added = [c for c in reached if c.id not in routed]
    desk.unit.record_routings(case.id, [(c.id, c.role.value, "escalation") for c in added])
    hours = _hours_since_report(desk, case)
    for contact in reached:
        _escalation_notice(desk, case, contact, hours, new=contact in added, event=position.event)
    desk.unit.audit(
        "system",
        "case_escalated",
        case_id=case.id,
        step=position.index + 1,
        repeat=position.repeat,
        contacts=[c.id for c in reached],
        added=[c.id for c in added],
    )
    if position.repeat == 0:
        _tell_melder_escalated(desk, case, added, hours, event=position.event)
    desk.work.schedule_all([next_escalation(desk.org, case, position, desk.unit.clock())])


def _brought_in(
    desk: CaseDesk, case: CaseRecord, steps: Sequence[EscalationStep], routed: tuple[str, ...]
) -> list[Contact]:
    """Everyone these ladder steps bring in for this case (those it went to included)."""
    found = ladder_contacts(
        steps,
        desk.org.contacts,
        kind=case.kind,
        team=team_of(case.facts),
        exclude_line_manager=bool(case.facts.get("exclude_line_manager")),
        routed=routed,
    )
    return list(found)


def _escalation_notice(
    desk: CaseDesk, case: CaseRecord, contact: Contact, hours: int, *, new: bool, event: str
) -> None:
    tr = translator(contact.language)
    if new:
        lines = [tr(texts.NOTICE_ESCALATED, code=case.code, hours=hours)]
        lines.extend(render.case_facts(case, tr, desk.org, free_text=False, fields=desk.fields))
    else:
        lines = [tr(followtexts.NOTICE_STILL_UNCLAIMED, code=case.code, hours=hours)]
    desk.notify_contact(contact, "\n".join(lines), purpose="case_escalated", case=case, key=event)


def _tell_melder_escalated(
    desk: CaseDesk, case: CaseRecord, added: list[Contact], hours: int, *, event: str
) -> None:
    roles = [c.role.value for c in added]
    if roles:
        desk.notify_melder(
            case,
            texts.MELDER_ESCALATED,
            purpose="melder_news",
            key=event,
            hours=hours,
            who=lambda tr: render.role_list(roles, tr),
        )
    else:
        desk.notify_melder(
            case, followtexts.MELDER_REMINDED, purpose="melder_news", key=event, hours=hours
        )


# -- reminders ----------------------------------------------------------------------------


def _holders(desk: CaseDesk, case: CaseRecord) -> list[Contact]:
    """Who a reminder is for: whoever holds the case, else everyone it went to."""
    ids = [case.claimed_by] if case.claimed_by else desk.work.routed_contacts(case.id)
    return desk.known(ids)


def _remind_perpetrator(desk: CaseDesk, case: CaseRecord, timer: DueTimer) -> None:
    """Remind of the norm to react to the perpetrator within 48 hours (seed 003)."""
    if any(a.code in PERPETRATOR_REACTIONS for a in desk.work.actions(case.id)):
        return
    hours = int((timer.due_at - case.created_at).total_seconds() // 3600)
    later = [h for h in REMINDER_HOURS if h > hours]
    if later and case.created_at + timedelta(hours=later[0]) <= desk.unit.clock():
        return  # the next reminder is due as well (the bot was down): that one is sent
    for contact in _holders(desk, case):
        tr = translator(contact.language)
        desk.notify_contact(
            contact,
            tr(texts.NOTICE_REMINDER, code=case.code, hours=hours),
            purpose="case_reminder",
            case=case,
            key=f"reminder-{hours}",
        )
    desk.unit.audit("system", "perpetrator_reminder", case_id=case.id, hours=hours)


def _remind_acknowledge(desk: CaseDesk, case: CaseRecord, timer: DueTimer) -> None:
    """Day 5 of the legal clock: the melder must be acknowledged within 7 days."""
    if case.acknowledged_at is not None:
        return
    deadline = acknowledge_deadline(case.created_at)
    for contact in _holders(desk, case):
        tr = translator(contact.language)
        text = tr(
            followtexts.NOTICE_LEGAL_ACK,
            code=case.code,
            date=render.day(deadline, tr, desk.org.timezone),
        )
        desk.notify_contact(contact, text, purpose="legal_reminder", case=case, key="legal-ack")
    desk.unit.audit("system", "legal_reminder", case_id=case.id, deadline="acknowledge")


def _remind_feedback(desk: CaseDesk, case: CaseRecord, timer: DueTimer) -> None:
    """Weeks 10 and 12 of the legal clock: feedback within 3 months of acknowledging."""
    if case.feedback_at is not None or case.acknowledged_at is None:
        return
    week = timer.key.rsplit(":", 1)[-1]
    deadline = feedback_deadline(case.acknowledged_at)
    for contact in _holders(desk, case):
        tr = translator(contact.language)
        text = tr(
            followtexts.NOTICE_LEGAL_FEEDBACK,
            code=case.code,
            date=render.day(deadline, tr, desk.org.timezone),
        )
        desk.notify_contact(
            contact, text, purpose="legal_reminder", case=case, key=f"legal-feedback-{week}"
        )
    desk.unit.audit("system", "legal_reminder", case_id=case.id, deadline="feedback", at=week)


# -- a reopened case nobody reacts to ------------------------------------------------------


def _reopened_unanswered(desk: CaseDesk, case: CaseRecord, timer: DueTimer) -> None:
    """The melder reopened the case and no contact has done anything with it since: the
    ones who have it are reminded, the people of the ladder's steps due since the
    reopening receive it too, the melder hears who; then the next check (daily after the
    last step). Any contact's question, feedback, note or action ends it."""
    reopened_at, n = reopen_round(timer)
    if _reacted_since(desk, case, reopened_at):
        return
    waited = desk.unit.clock() - reopened_at
    routed = tuple(desk.work.routed_contacts(case.id))
    reached = _brought_in(desk, case, due_steps(desk.org, waited), routed)
    added = [c for c in reached if c.id not in routed]
    desk.unit.record_routings(case.id, [(c.id, c.role.value, "escalation") for c in added])
    hours = int(waited.total_seconds() // 3600)
    event = f"reopened-{int(reopened_at.timestamp())}-{n}"
    for contact in [*_holders(desk, case), *added]:
        tr = translator(contact.language)
        msgid = (
            followtexts.NOTICE_REOPENED_NEW
            if contact in added
            else followtexts.NOTICE_REOPENED_WAITING
        )
        text = tr(msgid, code=case.code, hours=hours)
        desk.notify_contact(contact, text, purpose="case_escalated", case=case, key=event)
    if added:
        roles = [c.role.value for c in added]
        desk.notify_melder(
            case,
            followtexts.MELDER_REOPENED_ESCALATED,
            purpose="melder_news",
            key=event,
            hours=hours,
            who=lambda tr: render.role_list(roles, tr),
        )
    desk.unit.audit(
        "system",
        "reopened_case_escalated",
        case_id=case.id,
        check=n + 1,
        added=[c.id for c in added],
    )
    desk.work.schedule_all([reopen_timer(desk.org, case.id, reopened_at, n + 1)])


def _reacted_since(desk: CaseDesk, case: CaseRecord, moment: datetime) -> bool:
    """Whether a contact wrote or did anything on the case since `moment`."""
    wrote = any(
        m.author != "reporter" and m.created_at >= moment
        for m in desk.work.messages(case.id, notes=True)
    )
    return wrote or any(a.created_at >= moment for a in desk.work.actions(case.id))


_HANDLERS: dict[str, Callable[[CaseDesk, CaseRecord, DueTimer], None]] = {
    ESCALATION: _escalate,
    REMINDER: _remind_perpetrator,
    LEGAL_ACK: _remind_acknowledge,
    LEGAL_FEEDBACK: _remind_feedback,
    REOPENED: _reopened_unanswered,
}
