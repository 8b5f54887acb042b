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
from dialogs.fields import FIELDS, Fields
from dialogs.i18n import translator
from dialogs.messages import Choice, Outgoing
from dialogs.notices import Notice, case_key
from dialogs.organisation import Contact, Organisation, ReportKind, Role
from dialogs.routing import may_receive, team_of
from storage.casework import CaseWork, DueTimer, NewTimer, Taken
from storage.repository import CaseRecord, Unit

log = logging.getLogger(__name__)

ESCALATION = "ack_deadline"
REMINDER = "perpetrator_reminder"
REMINDER_HOURS = (24, 48)


class CaseDesk:
    """Case operations for one unit of work."""

    def __init__(self, unit: Unit, org: Organisation, fields: Fields = FIELDS) -> None:
        self.unit = unit
        self.org = org
        self.fields = fields
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

    def _take(
        self,
        contact: Contact,
        case: CaseRecord,
        *,
        status: str = "acknowledged",
        holder: Contact | None = None,
        tell_melder: bool = True,
    ) -> Taken:
        """The one state transition (`CaseWork.take`) and what follows from it: a case
        taken for the first time stops its escalation timer, and when the contact took it
        themself the other contacts hear who did and the melder that it is picked up
        (unless `tell_melder` is off: a question to the melder says so by itself)."""
        to = holder.id if holder is not None else None
        taken = self.work.take(case.id, contact.id, status=status, holder=to)
        if taken.first:
            self.work.cancel_timers(case.id, (ESCALATION,))
            if holder is None:
                self._announce_claim(contact, case, tell_melder=tell_melder)
        return taken

    def _announce_claim(self, contact: Contact, case: CaseRecord, *, tell_melder: bool) -> None:
        for other in self._others(case, contact):
            tr = translator(other.language)
            text = tr(texts.NOTICE_CLAIMED, code=case.code, name=contact.name)
            self.notify_contact(other, text, purpose="case_claimed", case=case, key="claimed")
        if tell_melder:
            self.notify_melder(case, texts.MELDER_CLAIMED, purpose="melder_news", key="claimed")

    def claim(self, contact: Contact, case: CaseRecord) -> str | None:
        """Claim; returns who holds the case afterwards (None: it is closed)."""
        return self._take(contact, case).holder

    def ask(self, contact: Contact, case: CaseRecord, question: str) -> None:
        """Relay a question to the melder (anonymous or not) through the bot."""
        self.work.add_message(case.id, "question", contact.id, question)
        self._take(contact, case, tell_melder=False)
        n = self._count(case, "question")
        self.notify_melder(case, texts.MELDER_QUESTION, purpose="melder_news", key=f"q{n}")

    def note(self, contact: Contact, case: CaseRecord, text: str) -> None:
        """Add an internal note, visible to the case's contacts only."""
        self.work.add_message(case.id, "note", contact.id, text)

    def record_action(
        self, contact: Contact, case: CaseRecord, code: str, text: str | None
    ) -> None:
        """Record an action from the catalogue, or an own action (`other`): the case is
        then in progress."""
        self.work.record_action(case.id, contact.id, code, text)
        self._take(contact, case, status="in_progress")
        if code in PERPETRATOR_REACTIONS:
            self.work.cancel_timers(case.id, (REMINDER,))

    def mark_in_progress(self, contact: Contact, case: CaseRecord) -> None:
        """Set the status to in progress (and claim it if nobody had)."""
        self._take(contact, case, status="in_progress")

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
        """Who may take the case over: anyone who may receive it (`routing.may_receive`)."""
        return [c for c in self.org.contacts if c.id != contact.id and self.may_receive(case, c)]

    def may_receive(self, case: CaseRecord, contact: Contact) -> bool:
        """Whether this case may reach this contact (the one rule, `routing.may_receive`)."""
        excluded = bool(case.facts.get("exclude_line_manager"))
        return may_receive(contact, case.kind, excluded)

    def hand_over(self, contact: Contact, case: CaseRecord, to_id: str) -> Contact | None:
        """Hand the case over; the new contact gets a notice, the melder hears someone
        else takes it over (not who)."""
        allowed = {c.id: c for c in self.handover_candidates(contact, case)}
        target = allowed.get(to_id)
        if target is None:
            self.unit.audit(contact.id, "handover_refused", case_id=case.id)
            return None
        if not self.work.may_see(case.id, target.id):
            self.unit.record_routing(case.id, target.id, target.role.value, "handover")
        self._take(contact, case, holder=target)
        self.unit.audit(contact.id, "case_handed_over", case_id=case.id, to=target.id)
        tr = translator(target.language)
        lines = [tr(texts.NOTICE_HANDED_OVER, code=case.code, name=contact.name)]
        lines.extend(render.case_facts(case, tr, self.org, free_text=False, fields=self.fields))
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
        added = []
        for contact in dict.fromkeys(wanted):
            if not self.may_receive(case, contact):
                continue
            if contact.id not in routed:
                self.unit.record_routing(case.id, contact.id, contact.role.value, "escalation")
            added.append(contact)
        for contact in added:
            tr = translator(contact.language)
            lines = [
                tr(texts.NOTICE_ESCALATED, code=case.code, hours=self.org.acknowledge_within_hours)
            ]
            lines.extend(render.case_facts(case, tr, self.org, free_text=False, fields=self.fields))
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
