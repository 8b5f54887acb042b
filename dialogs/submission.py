"""Turning a confirmed conversation into a case: register, route, notify.

Everything here runs inside the engine's unit of work, so the case, its routing
decisions and the outbox messages are committed together or not at all.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from dialogs import render, texts
from dialogs.fields import FIELDS, Fields
from dialogs.i18n import translator
from dialogs.messages import Outgoing
from dialogs.notices import Notice, case_key, contact_addresses, notify
from dialogs.organisation import Contact, Organisation
from dialogs.routing import Recipient, RoutingRequest
from storage.repository import CaseRecord, NewCase, Unit


def submit_report(
    unit: Unit,
    org: Organisation,
    fields: Fields,
    *,
    kind: str,
    slots: dict[str, Any],
    conversation_key: str,
    channel: str,
    lang: str,
    request: RoutingRequest,
    recipients: Sequence[Recipient],
) -> CaseRecord:
    """Register the case, store the routing, and queue a notice for every recipient."""
    anonymous = bool(slots.get("anonymous", True))
    facts, details = fields.split(slots, anonymous=anonymous)
    new = NewCase(
        kind=kind,
        anonymous=anonymous,
        reporter_ref=conversation_key,
        channel=channel,
        lang=lang,
        details=details,
        facts=facts,
        severity=request.severity,
    )
    case = unit.create_case(new, conversation_key=conversation_key)
    routed = tuple((r.contact.id, r.contact.role.value, r.reason) for r in recipients)
    unit.record_routings(case.id, routed)
    case = dataclasses.replace(case, routed_to=routed)
    notify(
        unit,
        [
            Notice(
                recipient.contact.id,
                contact_addresses(recipient.contact),
                (case_notice(case, recipient.contact, org, fields),),
                "case_notice",
                case_key(case, "notice"),
                case.id,
            )
            for recipient in recipients
        ],
    )
    return case


def case_notice(
    case: CaseRecord, contact: Contact, org: Organisation, fields: Fields = FIELDS
) -> Outgoing:
    """The new-case notice for an aanspreekpunt, in their language, without the story."""
    tr = translator(contact.language)
    lines = [
        tr(
            texts.NOTICE_NEW_CASE,
            code=case.code,
            kind=tr(texts.KIND_LABEL[case.kind]),
            hours=org.acknowledge_within_hours,
        )
    ]
    if case.anonymous:
        lines.append(tr(texts.NOTICE_MELDER_ANONYMOUS))
    else:  # the name is the melder's own words: it stays in the bot
        lines.append(tr(texts.NOTICE_MELDER_NAMED_IN_BOT))
    mode = case.facts.get("niet_pluis_mode")
    if mode in texts.NOTICE_NIET_PLUIS_MODE:
        lines.append(tr(texts.NOTICE_NIET_PLUIS_MODE[mode]))
    lines.extend(render.case_facts(case, tr, org, free_text=False, fields=fields))
    return Outgoing(text="\n".join(lines))
