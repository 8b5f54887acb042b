"""Call-backs as work items: a melder asks to be contacted, and someone does.

A request goes to the organisation's call-back contact (or whoever holds the melder's
case, or its independent contacts), only to people who may receive that case
(`routing.may_receive`). It appears in their 'My cases', where they claim it, write to the
melder through the bot, keep notes and close it. The melder hears when someone takes it,
and reads and answers the messages in 'Status of my report'. A named melder gives a phone
number (checked, Dutch or international, stored encrypted); an anonymous melder is
reached through the bot's relay and stays anonymous. An unclaimed request is brought up
again every day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import phonenumbers

from dialogs import followtexts, notices, render, texts
from dialogs.casedesk import CaseDesk
from dialogs.deadlines import due_steps
from dialogs.i18n import Translator, translator
from dialogs.messages import Choice, Outgoing
from dialogs.organisation import Contact, ReportKind, Role, ladder_contacts
from dialogs.routing import team_of
from storage.callbacks import Callback, CallbackWork, NewCallback
from storage.casework import DueTimer
from storage.repository import CaseRecord

#: A request nobody claimed is brought up again after this long, until someone does.
REMINDER = "callback_reminder"
REMIND_EVERY = timedelta(hours=24)
PHONE = "phone"
CHAT = "chat"
#: Option ids of requests in a list ('My cases', 'Status of my report').
OPTION_PREFIX = "cb-"
REGION = "NL"


def parse_phone(text: str) -> str | None:
    """The first valid phone number in the text ("06 12345678", "+32 470 12 34 56", "bel
    me op 020-1234567"), in E.164 form; None when there is none."""
    for match in phonenumbers.PhoneNumberMatcher(text, REGION):
        return str(phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164))
    return None


def says_more(text: str) -> bool:
    """Whether a typed answer holds more than its phone number ("na vijven graag")."""
    rest = text
    for match in phonenumbers.PhoneNumberMatcher(text, REGION):
        rest = rest.replace(match.raw_string, " ")
    return len([w for w in rest.split() if len(w) > 2]) >= 2


def display_phone(e164: str) -> str:
    """A number as people dial it: Dutch numbers nationally, others internationally."""
    number = phonenumbers.parse(e164, REGION)
    dutch = phonenumbers.region_code_for_number(number) == REGION
    style = phonenumbers.PhoneNumberFormat.NATIONAL if dutch else None
    return str(
        phonenumbers.format_number(number, style or phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    )


def option_id(callback: Callback) -> str:
    """The id of a request in a list of choices."""
    return f"{OPTION_PREFIX}{callback.id}"


def id_of(option: object) -> int | None:
    """The request id an option id stands for, or None."""
    text = str(option or "")
    if not text.startswith(OPTION_PREFIX) or not text[len(OPTION_PREFIX) :].isdigit():
        return None
    return int(text[len(OPTION_PREFIX) :])


# -- who is asked ---------------------------------------------------------------------------


def recipients(desk: CaseDesk, case: CaseRecord | None) -> list[Contact]:
    """Who is asked to make contact: the configured call-back contact, else whoever holds
    the case, else its independent contacts, else the vertrouwenspersonen or independent
    aandachtsfunctionarissen; only people who may receive the case."""
    org = desk.org

    def allowed(found: list[Contact]) -> list[Contact]:
        return [c for c in found if case is None or desk.may_receive(case, c)]

    configured = org.aftercare.callback_contact
    if configured and (chosen := allowed([org.contact(configured)])):
        return chosen
    if case is not None:
        routed = desk.known(desk.work.routed_contacts(case.id))
        holder = [c for c in routed if c.id == case.claimed_by]
        if chosen := allowed(holder or [c for c in routed if not c.line_manager]):
            return chosen
    trusted = [c for c in org.contacts if c.role is Role.VERTROUWENSPERSOON]
    independent = [
        c for c in org.contacts if c.role is Role.AANDACHTSFUNCTIONARIS and not c.line_manager
    ]
    return allowed(trusted) or allowed(independent)


# -- the melder asks ------------------------------------------------------------------------


def request(
    desk: CaseDesk,
    *,
    reporter_ref: str,
    lang: str,
    case: CaseRecord | None,
    reach: str,
    name: str | None = None,
    phone: str | None = None,
    words: str | None = None,
) -> tuple[Callback, bool]:
    """Make a request (or bring up the open one again); the request and whether it is new.
    `words` are what the melder typed with their number, kept as their first message."""
    work = CallbackWork(desk.unit)
    stamp = desk.unit.clock().strftime("%Y%m%d%H%M%S")
    existing = work.open_of_reporter(reporter_ref)
    if existing is not None:
        _notify_contacts(desk, existing, desk.known(existing.contacts), f"again-{stamp}")
        return existing, False
    if case is not None and not case.anonymous:
        name = name or case.details.get("reporter_name")
    contacts = recipients(desk, case)
    callback = work.create(
        NewCallback(
            reporter_ref=reporter_ref,
            lang=lang,
            anonymous=case.anonymous if case is not None else reach == CHAT,
            reach=reach,
            contacts=[c.id for c in contacts],
            case_id=case.id if case is not None else None,
            name=name if reach == PHONE else None,
            phone=phone if reach == PHONE else None,
        )
    )
    if words:
        work.add_message(callback.id, "from_melder", "reporter", words)
    if case is not None:
        # The case's contacts see that the melder asked for contact (not the number).
        desk.work.add_message(case.id, "callback", "reporter", "")
    _notify_contacts(desk, callback, contacts, "new")
    _schedule_reminder(desk, callback, 1)
    return callback, True


def _schedule_reminder(desk: CaseDesk, callback: Callback, n: int) -> None:
    desk.work.schedule(
        REMINDER,
        desk.unit.clock() + REMIND_EVERY,
        case_id=callback.case_id,
        key=f"{REMINDER}:{callback.id}:{n}",
    )


def _reference(desk: CaseDesk, callback: Callback, tr: Translator) -> str:
    """'about report ZV-7K3Q' or 'no report', as a request names what it is about."""
    case = _case_of(desk, callback)
    if case is None:
        return tr(followtexts.CALLBACK_NO_REPORT)
    return tr(followtexts.CALLBACK_ABOUT, code=case.code)


def _case_of(desk: CaseDesk, callback: Callback) -> CaseRecord | None:
    if callback.case_id is None:
        return None
    found = desk.unit.cases_by_ids([callback.case_id])
    return found[0] if found else None


def _notify_contacts(
    desk: CaseDesk, callback: Callback, contacts: list[Contact], event: str, msgid: str = ""
) -> None:
    """A notice about a request for each of these contacts (no number, no words)."""
    for contact in contacts:
        tr = translator(contact.language)
        ref = _reference(desk, callback, tr)
        lines = [tr(msgid or followtexts.NOTICE_CALLBACK, ref=ref)]
        if not msgid:
            chat = callback.reach == CHAT
            lines.append(
                tr(followtexts.NOTICE_CALLBACK_CHAT if chat else followtexts.NOTICE_CALLBACK_PHONE)
            )
        notices.notify_contact(
            desk.unit,
            contact,
            "\n".join(lines),
            purpose="callback",
            key=f"callback:{callback.id}:{event}",
            case_id=callback.case_id,
        )


def _notify_melder(
    desk: CaseDesk, callback: Callback, event: str, text: Callable[[Translator], str]
) -> None:
    """A notice for the melder, in their chat, without content."""
    found = desk.unit.conversation_address(callback.reporter_ref)
    if found is None:
        return
    tr = translator(callback.lang)
    message = Outgoing(text=text(tr), choices=(Choice("status", tr(texts.STATUS_BUTTON)),))
    notice = notices.Notice(
        callback.reporter_ref,
        [found],
        (message,),
        "melder_news",
        f"callback:{callback.id}:{event}",
        callback.case_id,
    )
    notices.notify(desk.unit, [notice])


# -- the contact's work ---------------------------------------------------------------------


def visible(desk: CaseDesk, contact: Contact, callback_id: int | None) -> Callback | None:
    """The request if it went to this contact; otherwise None, and the attempt is audited."""
    found = CallbackWork(desk.unit).get(callback_id) if callback_id is not None else None
    if found is None or contact.id not in found.contacts:
        desk.unit.audit(contact.id, "callback_access_refused", callback=callback_id)
        return None
    return found


def of_contact(desk: CaseDesk, contact: Contact) -> list[Callback]:
    """The requests that went to a contact, newest first."""
    return CallbackWork(desk.unit).of_contact(contact.id)


def claim(desk: CaseDesk, contact: Contact, callback: Callback, *, tell: bool = True) -> str | None:
    """Claim a request; who holds it afterwards (None: it is closed). The melder hears
    who will contact them and how; the other contacts that it is taken."""
    if callback.status == "closed":
        return None
    taken = CallbackWork(desk.unit).claim(callback.id, contact.id)
    if callback.status == "new" and taken.claimed_by == contact.id:
        for other in desk.known([c for c in callback.contacts if c != contact.id]):
            tr = translator(other.language)
            text = tr(followtexts.NOTICE_CALLBACK_CLAIMED, ref=_reference(desk, callback, tr))
            notices.notify_contact(
                desk.unit,
                other,
                text,
                purpose="callback",
                key=f"callback:{callback.id}:claimed",
                case_id=callback.case_id,
            )
        if tell:
            how = (
                followtexts.CALLBACK_HOW_PHONE
                if callback.reach == PHONE
                else followtexts.CALLBACK_HOW_CHAT
            )
            role = contact.role.value
            _notify_melder(
                desk,
                callback,
                "claimed",
                lambda tr: tr(
                    followtexts.MELDER_CALLBACK_CLAIMED,
                    who=tr(texts.ROLE_LABEL.get(role, role)),
                    how=tr(how),
                ),
            )
    return taken.claimed_by


def write_to_melder(desk: CaseDesk, contact: Contact, callback: Callback, text: str) -> None:
    """Relay a message to the melder (anonymous or not) through the bot."""
    claim(desk, contact, callback, tell=False)
    work = CallbackWork(desk.unit)
    work.add_message(callback.id, "to_melder", contact.id, text)
    n = sum(1 for m in work.messages(callback.id, notes=False) if m.kind == "to_melder")
    _notify_melder(desk, callback, f"m{n}", lambda tr: tr(followtexts.MELDER_CALLBACK_MESSAGE))


def note(desk: CaseDesk, contact: Contact, callback: Callback, text: str) -> None:
    """A note for the request's contacts only."""
    CallbackWork(desk.unit).add_message(callback.id, "note", contact.id, text)


def close(desk: CaseDesk, contact: Contact, callback: Callback) -> None:
    """Close a request; the melder hears it is done and where to turn if they need more."""
    if callback.status == "closed":
        return
    CallbackWork(desk.unit).close(callback.id, contact.id)
    _notify_melder(desk, callback, "closed", lambda tr: tr(followtexts.MELDER_CALLBACK_CLOSED))


# -- the melder's side ----------------------------------------------------------------------


def of_reporter(desk: CaseDesk, reporter_ref: str) -> list[Callback]:
    """A melder's own requests, newest first."""
    return CallbackWork(desk.unit).of_reporter(reporter_ref)


def reply(desk: CaseDesk, reporter_ref: str, callback: Callback, text: str) -> bool:
    """The melder writes back; whoever holds the request (else everyone it went to)
    gets a notice."""
    if callback.reporter_ref != reporter_ref:
        desk.unit.audit("reporter", "callback_access_refused", callback=callback.id)
        return False
    work = CallbackWork(desk.unit)
    work.add_message(callback.id, "from_melder", "reporter", text)
    n = sum(1 for m in work.messages(callback.id, notes=False) if m.kind == "from_melder")
    ids = [callback.claimed_by] if callback.claimed_by else list(callback.contacts)
    _notify_contacts(desk, callback, desk.known(ids), f"r{n}", followtexts.NOTICE_CALLBACK_REPLY)
    return True


# -- nobody took it -------------------------------------------------------------------------


def remind(desk: CaseDesk, timer: DueTimer) -> None:
    """A request nobody claimed in a day: bring it up again, and again the next day; as
    the hours pass it climbs the organisation's escalation ladder like an unclaimed case
    (the people of each step that is due receive it too, and the melder hears who)."""
    parts = timer.key.split(":")
    callback = CallbackWork(desk.unit).get(int(parts[1])) if len(parts) > 2 else None
    if callback is None or callback.status != "new":
        return
    n = int(parts[2])
    holders = desk.known(callback.contacts)
    _notify_contacts(desk, callback, holders, f"remind{n}", followtexts.NOTICE_CALLBACK_REMINDER)
    added = _climb(desk, callback)
    if added:
        _notify_contacts(desk, callback, added, f"escalated{n}")
        hours = int((desk.unit.clock() - callback.created_at).total_seconds() // 3600)
        roles = [c.role.value for c in added]
        _notify_melder(
            desk,
            callback,
            f"escalated{n}",
            lambda tr: tr(
                followtexts.MELDER_CALLBACK_ESCALATED,
                hours=hours,
                who=render.role_list(roles, tr),
            ),
        )
    desk.unit.audit(
        "system",
        "callback_reminder",
        case_id=callback.case_id,
        callback=callback.id,
        added=[c.id for c in added],
    )
    _schedule_reminder(desk, callback, n + 1)


def _climb(desk: CaseDesk, callback: Callback) -> list[Contact]:
    """The people the escalation steps due by now bring in who do not have the request
    yet (added to it, so it is in their 'My cases'); only those who may receive it."""
    org, case = desk.org, _case_of(desk, callback)
    found = ladder_contacts(
        due_steps(org, desk.unit.clock() - callback.created_at),
        org.contacts,
        # A request to talk goes to no line manager; one without a report follows a
        # niet-pluis signal's rule (aandachtsfunctionarissen who are not line managers).
        kind=case.kind if case is not None else ReportKind.NIET_PLUIS.value,
        team=team_of(case.facts) if case is not None else None,
        exclude_line_manager=True,
        routed=callback.contacts,
    )
    added = [c for c in found if c.id not in callback.contacts]
    if added:
        CallbackWork(desk.unit).add_contacts(callback.id, [c.id for c in added])
    return added
