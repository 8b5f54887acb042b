"""What aanspreekpunten do with a case, and what the melder hears about it.

Every operation checks that the contact may see the case (routed or handed over to
them, DESIGN §3.9), writes its change and an audit event, and queues the notices for the
other people involved through the outbox, all in the caller's unit of work. Notices to
the melder carry no content: they say there is news and where to read it.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from dialogs import notices, render, texts
from dialogs.catalogue import PERPETRATOR_REACTIONS
from dialogs.i18n import translator
from dialogs.messages import Choice, Outgoing
from dialogs.notices import Notice, case_key
from dialogs.organisation import Contact, Organisation, ReportKind, Role
from dialogs.routing import team_of
from storage.casework import CaseWork, DueTimer, NewTimer
from storage.repository import CaseRecord, Unit

log = logging.getLogger(__name__)

ESCALATION = "ack_deadline"
REMINDER = "perpetrator_reminder"
REMINDER_HOURS = (24, 48)


class CaseDesk:
    """Case operations for one unit of work."""

    def __init__(self, unit: Unit, org: Organisation) -> None:
        self.unit = unit
        self.org = org
        self.work = CaseWork(unit)

    # -- access -------------------------------------------------------------------------

    def case_for(self, contact: Contact, code: str | None) -> CaseRecord | None:
        """The case if this contact may see it; otherwise None, and the attempt is audited."""
        case = self.unit.case_by_code(code) if code else None
        if case is None or not self.work.may_see(case.id, contact.id):
            self.unit.audit(contact.id, "case_access_refused", case_id=case.id if case else None)
            return None
        return case

    def cases_of(self, contact: Contact) -> list[CaseRecord]:
        """Cases routed or handed over to a contact."""
        return self.unit.cases_routed_to(contact.id)

    # -- notices ------------------------------------------------------------------------

    def notify_contact(
        self, contact: Contact, text: str, *, purpose: str, case: CaseRecord, key: str
    ) -> None:
        """Queue a notice for a contact on each of their channels."""
        notices.notify_contact(
            self.unit, contact, text, purpose=purpose, key=case_key(case, key), case_id=case.id
        )

    def notify_melder(self, case: CaseRecord, msgid: str, *, purpose: str, key: str) -> None:
        """Queue a content-free notice for the melder, in their chat, in their language."""
        found = self.unit.conversation_address(case.reporter_ref)
        if found is None:
            log.warning("melder of a case has no conversation any more; notice dropped")
            return
        tr = translator(case.lang)
        message = Outgoing(
            text=tr(msgid, code=case.code),
            choices=(Choice("status", tr(texts.STATUS_BUTTON)),),
        )
        notice = Notice(
            case.reporter_ref, [found], (message,), purpose, case_key(case, key), case.id
        )
        notices.notify(self.unit, [notice])

    def _others(self, case: CaseRecord, contact: Contact) -> list[Contact]:
        ids = [c for c in self.work.routed_contacts(case.id) if c != contact.id]
        return [self.org.contact(c) for c in ids if _known(self.org, c)]

    def _count(self, case: CaseRecord, kind: str) -> int:
        return sum(1 for m in self.work.messages(case.id, notes=True) if m.kind == kind)

    # -- the aanspreekpunt's operations -------------------------------------------------

    def claim(self, contact: Contact, case: CaseRecord) -> str | None:
        """Claim; tell the others who took it and the melder that it is picked up."""
        holder = self.work.claim(case.id, contact.id)
        if holder == contact.id and case.claimed_by is None:
            for other in self._others(case, contact):
                tr = translator(other.language)
                text = tr(texts.NOTICE_CLAIMED, code=case.code, name=contact.name)
                self.notify_contact(other, text, purpose="case_claimed", case=case, key="claimed")
            self.notify_melder(case, texts.MELDER_CLAIMED, purpose="melder_news", key="claimed")
            self.work.cancel_timers(case.id, (ESCALATION,))
        return holder

    def ask(self, contact: Contact, case: CaseRecord, question: str) -> None:
        """Relay a question to the melder (anonymous or not) through the bot."""
        self.work.add_message(case.id, "question", contact.id, question)
        self.work.claim(case.id, contact.id)
        n = self._count(case, "question")
        self.notify_melder(case, texts.MELDER_QUESTION, purpose="melder_news", key=f"q{n}")

    def note(self, contact: Contact, case: CaseRecord, text: str) -> None:
        """Add an internal note, visible to the case's contacts only."""
        self.work.add_message(case.id, "note", contact.id, text)

    def record_action(
        self, contact: Contact, case: CaseRecord, code: str, text: str | None
    ) -> None:
        """Record an action from the catalogue, or an own action (`other`)."""
        self.work.record_action(case.id, contact.id, code, text)
        if code in PERPETRATOR_REACTIONS:
            self.work.cancel_timers(case.id, (REMINDER,))

    def mark_in_progress(self, contact: Contact, case: CaseRecord) -> None:
        """Set the status to in progress (and claim it if nobody had)."""
        was_new = case.claimed_by is None
        self.work.set_status(case.id, contact.id, "in_progress")
        if was_new:
            self.work.cancel_timers(case.id, (ESCALATION,))
            self.notify_melder(case, texts.MELDER_CLAIMED, purpose="melder_news", key="claimed")

    def close(self, contact: Contact, case: CaseRecord, outcome: str, feedback: str) -> None:
        """Close with an outcome; the melder finds the feedback in their status view."""
        self.work.add_message(case.id, "feedback", contact.id, feedback)
        self.work.close(case.id, contact.id, outcome)
        self.notify_melder(case, texts.MELDER_CLOSED, purpose="melder_news", key="closed")
        for other in self._others(case, contact):
            tr = translator(other.language)
            text = tr(texts.NOTICE_CLOSED, code=case.code, name=contact.name)
            self.notify_contact(other, text, purpose="case_closed", case=case, key="closed")

    def handover_candidates(self, contact: Contact, case: CaseRecord) -> list[Contact]:
        """Who may take the case over: never security, never a line manager the melder
        excluded, for niet-pluis only aandachtsfunctionarissen who are not line managers."""
        found = []
        for other in self.org.contacts:
            if other.id == contact.id or not other.receives_reports:
                continue
            if other.line_manager and _line_manager_excluded(case):
                continue
            if case.kind == "niet_pluis" and other.role is not Role.AANDACHTSFUNCTIONARIS:
                continue
            found.append(other)
        return found

    def hand_over(self, contact: Contact, case: CaseRecord, to_id: str) -> Contact | None:
        """Hand the case over; the new contact gets a notice, the melder hears someone
        else takes it over (not who)."""
        allowed = {c.id: c for c in self.handover_candidates(contact, case)}
        target = allowed.get(to_id)
        if target is None:
            self.unit.audit(contact.id, "handover_refused", case_id=case.id)
            return None
        self.work.hand_over(case.id, contact.id, target.id, target.role.value)
        tr = translator(target.language)
        lines = [tr(texts.NOTICE_HANDED_OVER, code=case.code, name=contact.name)]
        lines.extend(render.case_facts(case, tr, self.org, free_text=False))
        self.notify_contact(
            target, "\n".join(lines), purpose="case_handover", case=case, key=f"to-{target.id}"
        )
        self.notify_melder(
            case, texts.MELDER_HANDED_OVER, purpose="melder_news", key=f"handover-{target.id}"
        )
        return target

    # -- the melder's side --------------------------------------------------------------

    def answer(self, reporter_ref: str, case: CaseRecord, text: str) -> bool:
        """The melder answers the open question; the contact who asked gets a notice."""
        if case.reporter_ref != reporter_ref:
            self.unit.audit("reporter", "case_access_refused", case_id=case.id)
            return False
        question = self.work.open_question(case.id)
        if question is None:
            return False
        self.work.add_message(case.id, "answer", "reporter", text, reply_to=question.id)
        if _known(self.org, question.author):
            asker = self.org.contact(question.author)
            tr = translator(asker.language)
            self.notify_contact(
                asker,
                tr(texts.NOTICE_ANSWERED, code=case.code),
                purpose="case_answer",
                case=case,
                key=f"answer-{question.id}",
            )
        return True

    # -- timers -------------------------------------------------------------------------

    def schedule(self, case: CaseRecord) -> None:
        """Deadlines of a new case: escalation if unclaimed, and the 48-hour reminders."""
        hours = self.org.acknowledge_within_hours
        timers = [
            NewTimer(
                ESCALATION,
                case.created_at + timedelta(hours=hours),
                case.id,
                f"{ESCALATION}:{case.id}",
            )
        ]
        if case.kind in (ReportKind.AGGRESSION.value, ReportKind.ONLINE_THREAT.value):
            timers += [
                NewTimer(
                    REMINDER,
                    case.created_at + timedelta(hours=h),
                    case.id,
                    f"{REMINDER}:{case.id}:{h}",
                )
                for h in REMINDER_HOURS
            ]
        self.work.schedule_all(timers)

    def fire(self, timer: DueTimer) -> None:
        """Run one due timer, then mark it fired (once, whatever happened)."""
        try:
            case = self._timer_case(timer)
            if case is not None and case.status != "closed":
                if timer.kind == ESCALATION and case.claimed_by is None:
                    self._escalate(case)
                elif timer.kind == REMINDER:
                    self._remind(case, timer)
        finally:
            self.work.mark_fired(timer.id)

    def _timer_case(self, timer: DueTimer) -> CaseRecord | None:
        if timer.case_id is None:
            return None
        for case in self.unit.cases_by_ids([timer.case_id]):
            return case
        return None

    def _escalate(self, case: CaseRecord) -> None:
        """Nobody claimed the case in time: bring in the backups and an independent
        aandachtsfunctionaris, and tell the melder their report is being picked up."""
        routed = self.work.routed_contacts(case.id)
        wanted: list[Contact] = []
        for contact_id in routed:
            if not _known(self.org, contact_id):
                continue
            backup = self.org.contact(contact_id).backup
            if backup and _known(self.org, backup):
                wanted.append(self.org.contact(backup))
        wanted.extend(
            c
            for c in self.org.contacts
            if c.role is Role.AANDACHTSFUNCTIONARIS
            and not c.line_manager
            and c.serves(team_of(case.facts))
        )
        excluded_lm = _line_manager_excluded(case)
        added = []
        for contact in dict.fromkeys(wanted):
            if contact.line_manager and excluded_lm:
                continue
            if not contact.receives_reports:
                continue
            if contact.id not in routed:
                self.unit.record_routing(case.id, contact.id, contact.role.value, "escalation")
            added.append(contact)
        for contact in added:
            tr = translator(contact.language)
            lines = [
                tr(texts.NOTICE_ESCALATED, code=case.code, hours=self.org.acknowledge_within_hours)
            ]
            lines.extend(render.case_facts(case, tr, self.org, free_text=False))
            self.notify_contact(
                contact, "\n".join(lines), purpose="case_escalated", case=case, key="escalated"
            )
        self.unit.audit("system", "case_escalated", case_id=case.id, contacts=[c.id for c in added])
        self.notify_melder(case, texts.MELDER_ESCALATED, purpose="melder_news", key="escalated")

    def _remind(self, case: CaseRecord, timer: DueTimer) -> None:
        """Remind of the norm to react to the perpetrator within 48 hours (seed 003)."""
        if any(a.code in PERPETRATOR_REACTIONS for a in self.work.actions(case.id)):
            return
        ids = [case.claimed_by] if case.claimed_by else self.work.routed_contacts(case.id)
        hours = int((timer.due_at - case.created_at).total_seconds() // 3600)
        for contact_id in ids:
            if contact_id is None or not _known(self.org, contact_id):
                continue
            contact = self.org.contact(contact_id)
            tr = translator(contact.language)
            self.notify_contact(
                contact,
                tr(texts.NOTICE_REMINDER, code=case.code, hours=hours),
                purpose="case_reminder",
                case=case,
                key=f"reminder-{hours}",
            )
        self.unit.audit("system", "perpetrator_reminder", case_id=case.id, hours=hours)


def _known(org: Organisation, contact_id: str) -> bool:
    try:
        org.contact(contact_id)
    except KeyError:
        return False
    return True


def _line_manager_excluded(case: CaseRecord) -> bool:
    """The melder excluded line managers, or the case is a niet-pluis signal."""
    return bool(case.facts.get("exclude_line_manager")) or case.kind == "niet_pluis"
