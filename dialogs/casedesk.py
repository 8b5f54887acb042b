"""What aanspreekpunten do with a case, and what the melder hears about it.

Every operation checks that the contact may see the case (routed or handed over to
them, DESIGN §3.9), writes its change and an audit event, and queues the notices for the
other people involved through the outbox, all in the caller's unit of work. Notices to
the melder carry no content: they say there is news and where to read it.
"""

from __future__ import annotations

import logging
from typing import Any

from dialogs import dossier, followtexts, notices, render, texts
from dialogs.catalogue import PERPETRATOR_REACTIONS
from dialogs.deadlines import (
    CASE_TIMERS,
    ESCALATION,
    LEGAL_ACK,
    LEGAL_FEEDBACK,
    REMINDER,
    feedback_deadline,
    feedback_timers,
    reopen_timer,
)
from dialogs.fields import FIELDS, Fields
from dialogs.i18n import Translator, translator
from dialogs.messages import Choice, Outgoing, OutgoingFile
from dialogs.notices import Notice, case_key
from dialogs.organisation import Contact, Organisation
from dialogs.routing import may_receive
from storage.casework import CaseWork, Taken
from storage.repository import CaseRecord, Unit

log = logging.getLogger(__name__)


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

    def notify_melder(
        self, case: CaseRecord, msgid: str, *, purpose: str, key: str, **params: Any
    ) -> None:
        """Queue a content-free notice for the melder, in their chat, in their language
        (`params` fill the text: a date, the roles asked to help, never content)."""
        found = self.unit.conversation_address(case.reporter_ref)
        if found is None:
            log.warning("melder of a case has no conversation any more; notice dropped")
            return
        tr = translator(case.lang)
        filled = {k: v(tr) if callable(v) else v for k, v in params.items()}
        message = Outgoing(
            text=tr(msgid, code=case.code, **filled),
            choices=(Choice("status", tr(texts.STATUS_BUTTON)),),
        )
        notice = Notice(
            case.reporter_ref, [found], (message,), purpose, case_key(case, key), case.id
        )
        notices.notify(self.unit, [notice])

    def known(self, ids: list[str] | tuple[str, ...]) -> list[Contact]:
        """The contacts of these ids that the organisation file still has, in order."""
        return [self.org.contact(c) for c in dict.fromkeys(ids) if _known(self.org, c)]

    def _others(self, case: CaseRecord, contact: Contact) -> list[Contact]:
        return self.known([c for c in self.work.routed_contacts(case.id) if c != contact.id])

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
        taken for the first time is acknowledged, so its escalation and acknowledgement
        timers stop and the feedback clock starts; when the contact took it themself the
        other contacts hear who did and the melder gets the acknowledgement of receipt
        (unless `tell_melder` is off: a question to the melder says so by itself)."""
        to = holder.id if holder is not None else None
        taken = self.work.take(case.id, contact.id, status=status, holder=to)
        if taken.first:
            self.work.cancel_timers(case.id, (ESCALATION, LEGAL_ACK))
            if case.feedback_at is None:
                self.work.schedule_all(feedback_timers(case.id, self.unit.clock()))
            if holder is None:
                self._announce_claim(contact, case, tell_melder=tell_melder)
        return taken

    def _announce_claim(self, contact: Contact, case: CaseRecord, *, tell_melder: bool) -> None:
        for other in self._others(case, contact):
            tr = translator(other.language)
            text = tr(texts.NOTICE_CLAIMED, code=case.code, name=contact.name)
            self.notify_contact(other, text, purpose="case_claimed", case=case, key="claimed")
        if tell_melder:
            deadline = feedback_deadline(self.unit.clock())
            self.notify_melder(
                case,
                texts.MELDER_CLAIMED,
                purpose="melder_news",
                key="claimed",
                date=lambda tr: render.day(deadline, tr, self.org.timezone),
            )

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

    def give_feedback(self, contact: Contact, case: CaseRecord, feedback: str) -> None:
        """Feedback (terugkoppeling) to the melder without closing: what has been done so
        far. The first one stops the legal clock's feedback reminders."""
        self.work.add_message(case.id, "feedback", contact.id, feedback)
        self._take(contact, case, tell_melder=False)
        self.work.cancel_timers(case.id, (LEGAL_FEEDBACK,))
        n = self._count(case, "feedback")
        self.notify_melder(case, followtexts.MELDER_FEEDBACK, purpose="melder_news", key=f"f{n}")

    def close(self, contact: Contact, case: CaseRecord, outcome: str, feedback: str) -> None:
        """Close with an outcome; the melder finds the feedback in their status view. The
        case's deadlines stop; the melder's check-ins go on (aftercare follows the person,
        not the case)."""
        self.work.add_message(case.id, "feedback", contact.id, feedback)
        self.work.close(case.id, contact.id, outcome)
        self.work.cancel_timers(case.id, CASE_TIMERS)
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

    def may_have_dossier(self, contact: Contact, case: CaseRecord) -> bool:
        """The dossier for the police goes to the contact handling the case (who holds
        it), while the case may still reach them."""
        return case.claimed_by == contact.id and self.may_receive(case, contact)

    def dossier(self, contact: Contact, case: CaseRecord, tr: Translator) -> OutgoingFile | None:
        """The case's dossier for the police (PDF, `dossier_created`) for the contact who
        may have it (`may_have_dossier`); None for anyone else, audited as refused."""
        if not self.may_have_dossier(contact, case):
            self.unit.audit(contact.id, "dossier_refused", case_id=case.id)
            return None
        requester = dossier.contact_requester(self.org, contact.id, tr)
        return dossier.dossier_file(self.unit, self.org, case, requester, tr, self.fields)

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

    def _handlers(self, case: CaseRecord) -> list[Contact]:
        """Who hears what the melder writes: whoever holds the case, else everyone it
        went to (only people who may still receive it)."""
        holder = self.known([case.claimed_by]) if case.claimed_by else []
        found = holder or self.known(self.work.routed_contacts(case.id))
        return [c for c in found if self.may_receive(case, c)]

    def _tell(
        self, contacts: list[Contact], case: CaseRecord, msgid: str, *, key: str, **params: Any
    ) -> None:
        """A content-free notice about the melder's message to each of these contacts."""
        for contact in contacts:
            tr = translator(contact.language)
            filled = {k: v(tr) if callable(v) else v for k, v in params.items()}
            text = tr(msgid, code=case.code, **filled)
            self.notify_contact(contact, text, purpose="case_melder", case=case, key=key)

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

    def reply(self, reporter_ref: str, case: CaseRecord, text: str) -> bool:
        """A message of the melder to whoever handles the case (a reply to feedback)."""
        if case.reporter_ref != reporter_ref:
            self.unit.audit("reporter", "case_access_refused", case_id=case.id)
            return False
        message = self.work.add_message(case.id, "reply", "reporter", text)
        self._tell(self._handlers(case), case, followtexts.NOTICE_REPLY, key=f"reply-{message}")
        return True

    def add(self, reporter_ref: str, case: CaseRecord, text: str | None) -> int | None:
        """What the melder adds to their report after sending: words (a case message) and
        the files and links sent meanwhile (their draft evidence, now the case's). The
        contacts hear it. How many files were added; None when nothing was."""
        if case.reporter_ref != reporter_ref:
            self.unit.audit("reporter", "case_access_refused", case_id=case.id)
            return None
        items = self.unit.attach_draft_evidence(reporter_ref, case.id)
        files = len(items) - len(case.evidence)
        if not text and not files:
            return None
        parts: list[Any] = []
        # The event key names what was added (a message, or the newest file), never content.
        key = f"addition-e{max(i.id for i in items)}" if files else ""
        if text:
            message = self.work.add_message(case.id, "addition", "reporter", text)
            key = f"addition-m{message}"
            parts.append(lambda tr: tr(followtexts.ADDITION_WHAT_TEXT))
        if files:
            self.unit.audit("reporter", "evidence_added", case_id=case.id, count=files)
            parts.append(lambda tr: tr(followtexts.ADDITION_WHAT_FILES, n=files))
        self._tell(
            self._handlers(case),
            case,
            followtexts.NOTICE_ADDITION,
            key=key,
            what=lambda tr: render.joined([p(tr) for p in parts], tr),
        )
        return files

    def reopen(self, reporter_ref: str, case: CaseRecord, reason: str) -> bool:
        """The melder reopens a closed case with a reason; every contact it went to hears
        it. False when it was not closed (or not theirs)."""
        if case.reporter_ref != reporter_ref:
            self.unit.audit("reporter", "case_access_refused", case_id=case.id)
            return False
        if not self.work.reopen(case.id):
            return False
        message = self.work.add_message(case.id, "reopen", "reporter", reason)
        # Nothing goes silent after a reopening either: unanswered, it climbs the ladder.
        self.work.schedule_all([reopen_timer(self.org, case.id, self.unit.clock())])
        everyone = [
            c for c in self.known(self.work.routed_contacts(case.id)) if self.may_receive(case, c)
        ]
        self._tell(everyone, case, followtexts.NOTICE_REOPENED, key=f"reopened-{message}")
        return True


def _known(org: Organisation, contact_id: str) -> bool:
    try:
        org.contact(contact_id)
    except KeyError:
        return False
    return True
