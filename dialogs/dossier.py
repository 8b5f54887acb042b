"""The dossier of a case for the police, and the melder's receipt, as documents.

A dossier holds the facts in the melder's own words, a timeline, the evidence list with
each file's SHA-256 and time of receipt (images embedded), the actions taken, and the ELA
page: werkgeversaangifte and domiciliekeuze with the employer's address from the
organisation file, so the melder's home address stays out of the police file (seed 003).
Making one is audited (`dossier_created`); the receipt holds no content at all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dialogs import dossiertexts as dt
from dialogs import pdf, render, texts
from dialogs.catalogue import ACTIONS, OUTCOMES
from dialogs.fields import FIELDS, Fields
from dialogs.i18n import Translator
from dialogs.messages import OutgoingFile
from dialogs.organisation import Organisation, localized
from storage.casework import CaseWork
from storage.repository import CaseRecord, EvidenceItem, Unit

#: Media types embedded as pictures in a dossier.
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif")


@dataclass(frozen=True)
class Requester:
    """Who asks for a dossier: a contact (by id), the melder, or the operator."""

    actor: str
    label: str


def _name(org: Organisation, contact_id: str | None) -> str:
    if contact_id is None:
        return ""
    try:
        return org.contact(contact_id).name
    except KeyError:
        return contact_id


def contact_requester(org: Organisation, contact_id: str, tr: Translator) -> Requester:
    """A contact asking for the dossier, named with their role."""
    contact = org.contact(contact_id)
    role = tr(texts.ROLE_NAME.get(contact.role.value, contact.role.value))
    return Requester(contact.id, tr(dt.DOSSIER_BY_CONTACT, name=contact.name, role=role))


def dossier_file(
    unit: Unit,
    org: Organisation,
    case: CaseRecord,
    requester: Requester,
    tr: Translator,
    fields: Fields = FIELDS,
) -> OutgoingFile:
    """The case's dossier as a PDF file; making it is audited."""
    now = unit.clock()
    tz = org.timezone
    blocks: list[pdf.Block] = [
        pdf.Para(
            tr(
                dt.DOSSIER_INTRO,
                organisation=org.name,
                date=render.when(now, tr, tz),
                who=requester.label,
            )
        )
    ]
    work = CaseWork(unit)
    blocks += _facts(case, work, tr, org, fields)
    blocks += _timeline(unit, work, case, tr, org)
    blocks += _evidence(unit, case, tr, tz)
    blocks += _actions(work, case, tr, org)
    blocks += _ela(case, tr, org)
    document = pdf.Document(
        title=tr(dt.DOSSIER_TITLE, code=case.code),
        running=tr(dt.DOSSIER_RUNNING, organisation=org.name, code=case.code),
        blocks=blocks,
        created=now,
        page_word=tr(dt.PAGE),
    )
    data = pdf.render(document)
    unit.audit(requester.actor, "dossier_created", case_id=case.id)
    stamp = now.strftime("%Y%m%d")
    return OutgoingFile(f"dossier-{case.code}-{stamp}.pdf", data, "application/pdf")


def _facts(
    case: CaseRecord, work: CaseWork, tr: Translator, org: Organisation, fields: Fields
) -> list[pdf.Block]:
    reporter = (
        tr(dt.DOSSIER_ANONYMOUS)
        if case.anonymous
        else str(case.details.get("reporter_name") or tr(texts.SUMMARY_NOT_GIVEN))
    )
    label = texts.LABEL_FEELING if case.kind == "niet_pluis" else texts.LABEL_WHAT
    blocks: list[pdf.Block] = [
        pdf.Heading(tr(dt.DOSSIER_FACTS)),
        pdf.Field(tr(dt.DOSSIER_KIND), tr(texts.KIND_LABEL[case.kind])),
        pdf.Field(tr(dt.DOSSIER_RECEIVED), render.when(case.created_at, tr, org.timezone)),
        pdf.Field(tr(dt.DOSSIER_REPORTED_BY), reporter),
        pdf.Field(tr(label), str(case.details.get("description", ""))),
    ]
    for line in render.case_facts(case, tr, org, free_text=True, fields=fields):
        field_label, _, value = line.removeprefix("• ").partition(": ")
        if field_label != tr(texts.LABEL_EVIDENCE):
            blocks.append(pdf.Field(field_label, value))
    for message in work.messages(case.id, notes=False):
        if message.kind == "addition":
            date = render.when(message.created_at, tr, org.timezone)
            blocks.append(pdf.Field(tr(dt.DOSSIER_ADDED, date=date), message.text))
    return blocks


def _timeline(
    unit: Unit, work: CaseWork, case: CaseRecord, tr: Translator, org: Organisation
) -> list[pdf.Block]:
    entries: list[tuple[datetime, int, str]] = []
    for event in unit.audit_events(case.id):
        line = _event_line(event.action, _detail(event.detail), tr, org)
        if line:
            entries.append((event.at, 0, line))
    for item in case.evidence:
        entries.append(
            (item.received_at, 1, tr(dt.TIMELINE_EVIDENCE, name=item.name, sha=item.sha256[:16]))
        )
    for message in work.messages(case.id, notes=False):
        line = _message_line(message.kind, message.author, message.text, tr, org)
        if line:
            entries.append((message.created_at, 2, line))
    for action in work.actions(case.id):
        label = _action_label(action.code, action.text, tr)
        line = tr(dt.TIMELINE_ACTION, name=_name(org, action.actor), action=label)
        entries.append((action.created_at, 3, line))
    entries.sort(key=lambda e: (e[0], e[1]))
    blocks: list[pdf.Block] = [pdf.Heading(tr(dt.DOSSIER_TIMELINE))]
    for at, _, line in entries:
        blocks.append(pdf.Field(render.when(at, tr, org.timezone), line))
    return blocks


def _detail(raw: str) -> dict[str, Any]:
    try:
        found = json.loads(raw) if raw else {}
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _event_line(action: str, detail: dict[str, Any], tr: Translator, org: Organisation) -> str:
    """A timeline line for the audit events a police file cares about; '' for the rest."""
    if action == "case_created":
        return tr(dt.TIMELINE_CREATED)
    if action == "case_routed":
        contact = str(detail.get("contact", ""))
        role = org.contact(contact).role.value if _name(org, contact) != contact else ""
        role_name = tr(texts.ROLE_NAME.get(role, role))
        return tr(dt.TIMELINE_ROUTED, name=_name(org, contact), role=role_name)
    if action == "case_claimed":
        return tr(dt.TIMELINE_CLAIMED, name=_name(org, str(detail.get("holder", ""))))
    if action == "case_handed_over":
        return tr(dt.TIMELINE_HANDED_OVER, name=_name(org, str(detail.get("to", ""))))
    if action == "case_closed":
        outcome = dict(OUTCOMES).get(str(detail.get("outcome", "")), "")
        return tr(dt.TIMELINE_CLOSED, outcome=tr(outcome) if outcome else "")
    return ""


_MESSAGE_LINES = {
    "question": dt.TIMELINE_QUESTION,
    "answer": dt.TIMELINE_ANSWER,
    "reply": dt.TIMELINE_REPLY,
    "addition": dt.TIMELINE_ADDITION,
    "reopen": dt.TIMELINE_REOPEN,
    "feedback": dt.TIMELINE_FEEDBACK,
}


def _message_line(kind: str, author: str, text: str, tr: Translator, org: Organisation) -> str:
    """A message in the timeline; internal notes and call-back markers stay out."""
    msgid = _MESSAGE_LINES.get(kind)
    return tr(msgid, name=_name(org, author), text=text) if msgid else ""


def _action_label(code: str, text: str | None, tr: Translator) -> str:
    return f"{code}. {tr(ACTIONS[code])}" if code in ACTIONS else (text or "")


def _evidence(unit: Unit, case: CaseRecord, tr: Translator, tz: str) -> list[pdf.Block]:
    blocks: list[pdf.Block] = [pdf.Heading(tr(dt.DOSSIER_EVIDENCE))]
    if not case.evidence:
        return [*blocks, pdf.Para(tr(dt.DOSSIER_EVIDENCE_NONE))]
    for n, item in enumerate(case.evidence, start=1):
        blocks += _evidence_item(unit, n, item, tr, tz)
    return blocks


def _evidence_item(
    unit: Unit, n: int, item: EvidenceItem, tr: Translator, tz: str
) -> list[pdf.Block]:
    kind = tr(dt.DOSSIER_EVIDENCE_LINK if item.kind == "link" else dt.DOSSIER_EVIDENCE_FILE)
    blocks: list[pdf.Block] = [
        pdf.Heading(tr(dt.DOSSIER_EVIDENCE_ITEM, n=n, name=item.name)),
        pdf.Field(tr(dt.DOSSIER_EVIDENCE_TYPE), f"{kind}, {item.media_type or '-'}"),
        pdf.Field(tr(dt.DOSSIER_EVIDENCE_SIZE), render.size(item.size)),
        pdf.Field("SHA-256", item.sha256),
        pdf.Field(tr(dt.DOSSIER_EVIDENCE_RECEIVED), render.when(item.received_at, tr, tz)),
    ]
    if item.kind == "file" and (item.media_type or "") in IMAGE_TYPES:
        data = unit.evidence_content(item.id)
        missing = tr(dt.DOSSIER_IMAGE_MISSING)
        blocks.append(pdf.Image(data, f"{n}. {item.name}", missing))
    return blocks


def _actions(
    work: CaseWork, case: CaseRecord, tr: Translator, org: Organisation
) -> list[pdf.Block]:
    blocks: list[pdf.Block] = [pdf.Heading(tr(dt.DOSSIER_ACTIONS))]
    actions = work.actions(case.id)
    if not actions:
        return [*blocks, pdf.Para(tr(dt.DOSSIER_ACTIONS_NONE))]
    for action in actions:
        line = tr(
            dt.DOSSIER_ACTION_LINE,
            date=render.when(action.created_at, tr, org.timezone),
            name=_name(org, action.actor),
            action=_action_label(action.code, action.text, tr),
        )
        blocks.append(pdf.Para(line))
    return blocks


def _ela(case: CaseRecord, tr: Translator, org: Organisation) -> list[pdf.Block]:
    """The page for the aangifte: ELA, werkgeversaangifte, domiciliekeuze (seed 003)."""
    employer = org.employer
    address = (
        f"{employer.name}, {employer.address}, {employer.postal_code} {employer.city}"
        if employer
        else tr(dt.ELA_NO_ADDRESS)
    )
    blocks: list[pdf.Block] = [
        pdf.Heading(tr(dt.ELA_TITLE), new_page=True),
        pdf.Para(tr(dt.ELA_WHAT)),
        pdf.Para(tr(dt.ELA_EMPLOYER)),
        pdf.Para(tr(dt.ELA_DOMICILE)),
        pdf.Field(tr(dt.ELA_ADDRESS), address),
    ]
    if employer and employer.phone:
        blocks.append(pdf.Field(tr(dt.ELA_PHONE), employer.phone))
    if employer and employer.contact:
        blocks.append(pdf.Field(tr(dt.ELA_CONTACT), localized(employer.contact, tr.lang)))
    if case.claimed_by:
        blocks.append(pdf.Field(tr(dt.ELA_HANDLER), _name(org, case.claimed_by)))
    blocks += [pdf.Para(tr(dt.ELA_NO_HOME)), pdf.Para(tr(dt.ELA_DAMAGES))]
    return blocks


# -- the receipt ----------------------------------------------------------------------------


def receipt(
    unit: Unit, org: Organisation, case: CaseRecord, tr: Translator
) -> tuple[str, OutgoingFile]:
    """The melder's dated receipt of a report: case code, time of receipt, kind, who it
    went to; as a message and the same as a PDF. No content of the report."""
    now, tz = unit.clock(), org.timezone
    roles = [role for _, role, _ in case.routed_to]
    text = tr(
        dt.RECEIPT_TEXT,
        organisation=org.name,
        code=case.code,
        received=render.when(case.created_at, tr, tz),
        kind=tr(texts.KIND_LABEL[case.kind]),
        recipients=render.role_list(roles, tr),
        anonymity=tr(dt.RECEIPT_ANONYMOUS if case.anonymous else dt.RECEIPT_NAMED),
        issued=render.when(now, tr, tz),
    )
    lines = text.split("\n")
    blocks: list[pdf.Block] = [pdf.Para(lines[0])]
    blocks += [pdf.Field(*line.split(": ", 1)) for line in lines[1:-1] if ": " in line]
    blocks.append(pdf.Para(lines[-1]))
    document = pdf.Document(
        title=tr(dt.RECEIPT_TITLE, code=case.code),
        running=tr(dt.RECEIPT_RUNNING, organisation=org.name),
        blocks=blocks,
        created=now,
        page_word=tr(dt.PAGE),
    )
    unit.audit("reporter", "receipt_sent", case_id=case.id)
    name = f"ontvangstbewijs-{case.code}.pdf" if tr.lang == "nl" else f"receipt-{case.code}.pdf"
    return text, OutgoingFile(name, pdf.render(document), "application/pdf")
