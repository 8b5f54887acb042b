"""Texts built from data: summaries, status lists, case views, referral lists, notices."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from dialogs import texts
from dialogs.flow import Flow, Step
from dialogs.i18n import Translator
from dialogs.organisation import Organisation, localized
from storage.repository import CaseRecord, EvidenceItem


def when(moment: datetime, tr: Translator, tz: str) -> str:
    """A date and time as people in the organisation read it."""
    return format_datetime(moment, "d MMM yyyy HH:mm", tzinfo=ZoneInfo(tz), locale=tr.lang)


def size(n: int) -> str:
    """A file size for people: 812 B, 14 kB, 2.3 MB."""
    if n < 1000:
        return f"{n} B"
    if n < 1_000_000:
        return f"{n / 1000:.0f} kB"
    return f"{n / 1_000_000:.1f} MB"


def role_list(roles: Sequence[str], tr: Translator) -> str:
    """'the aandachtsfunctionaris and the meldteam'."""
    labels = [tr(texts.ROLE_LABEL.get(r, r)) for r in dict.fromkeys(roles)]
    if len(labels) <= 1:
        return "".join(labels)
    return tr(texts.LIST_AND, first=", ".join(labels[:-1]), last=labels[-1])


def referral_list(org: Organisation, tr: Translator) -> str:
    """The organisation's referral list followed by the national numbers."""
    lines = [tr(texts.AFTERCARE_INTRO)]
    for ref in org.referrals:
        line = tr(
            texts.REFERRAL_LINE,
            name=localized(ref.name, tr.lang),
            description=localized(ref.description, tr.lang),
        )
        if ref.phone:
            line += tr(texts.REFERRAL_PHONE, phone=ref.phone)
        if ref.hours:
            line += tr(texts.REFERRAL_HOURS, hours=localized(ref.hours, tr.lang))
        if ref.url:
            line += tr(texts.REFERRAL_URL, url=ref.url)
        lines.append(line)
    lines.append(tr(texts.REFERRAL_NATIONAL))
    return "\n".join(lines)


def evidence_text(items: Sequence[EvidenceItem], tr: Translator) -> str:
    """'2: photo.jpg (1.2 MB), https://...' or 'none'."""
    if not items:
        return tr(texts.SUMMARY_EVIDENCE_NONE)
    names = [i.name if i.kind == "link" else f"{i.name} ({size(i.size)})" for i in items]
    return f"{len(items)}: " + ", ".join(names)


def slot_display(step: Step, slots: dict[str, Any], tr: Translator, org: Organisation) -> str:
    """How a step's answer reads in a summary."""
    slot = step.slot or ""
    value = slots.get(slot)
    if step.free_text_slot and slots.get(step.free_text_slot):
        return str(slots[step.free_text_slot])
    if slot == "anonymous":
        if value:
            return tr(texts.SUMMARY_ANONYMOUS)
        return tr(texts.SUMMARY_NAMED, name=slots.get("reporter_name", ""))
    if slot == "exclude_line_manager":
        return tr(texts.SUMMARY_EXCLUDED_LM if value else texts.SUMMARY_ALLOWED_LM)
    if slot == "impact" and value is not None:
        return tr(texts.SUMMARY_IMPACT, impact=value)
    if slot == "team":
        if value in (None, "none"):
            return tr(texts.SUMMARY_NOT_GIVEN)
        return localized(org.team(str(value)).name, tr.lang)
    if slot == "preferred_role":
        if value in (None, "none"):
            return tr(texts.NO_PREFERENCE)
        return tr(texts.ROLE_CHOICE.get(str(value), str(value)))
    for option in step.options:
        if option.stored == value:
            return tr(option.label)
    if value in (None, ""):
        return tr(texts.SUMMARY_NOT_GIVEN)
    return str(value)


def summary(
    flow: Flow,
    asked: Sequence[Step],
    slots: dict[str, Any],
    evidence: Sequence[EvidenceItem],
    recipients: Sequence[str],
    tr: Translator,
    org: Organisation,
) -> str:
    """The melder's report as it will be sent, with who will see it."""
    lines = [tr(texts.SUMMARY_INTRO, kind=tr(texts.KIND_LABEL[flow.name]))]
    for step in asked:
        if step.summary_label is None:
            continue
        if step.slot == "evidence_done":
            value = evidence_text(evidence, tr)
        else:
            value = slot_display(step, slots, tr, org)
        lines.append(tr(texts.SUMMARY_LINE, label=tr(step.summary_label), value=value))
    lines.append(tr(texts.SUMMARY_RECIPIENTS, recipients=role_list(recipients, tr)))
    return "\n".join(lines)


def status_list(cases: Sequence[CaseRecord], tr: Translator, tz: str) -> str:
    """The melder's own reports with their status."""
    if not cases:
        return tr(texts.STATUS_NONE)
    lines = [tr(texts.STATUS_INTRO)]
    for case in cases:
        lines.append(
            tr(
                texts.STATUS_LINE,
                code=case.code,
                kind=tr(texts.KIND_LABEL[case.kind]),
                date=when(case.created_at, tr, tz),
                status=tr(texts.CASE_STATUS[case.status]),
            )
        )
    return "\n".join(lines)


def case_facts(case: CaseRecord, tr: Translator, org: Organisation) -> list[str]:
    """Summary lines of a case without free text (safe for notices)."""
    from dialogs.flows import REPORT_FLOWS  # local: avoid an import cycle at module load
    from dialogs.flows.niet_pluis import NIET_PLUIS
    from dialogs.flows.report import AGGRESSION, ONLINE_THREAT

    assert case.kind in REPORT_FLOWS
    flow = {"online_threat": ONLINE_THREAT, "aggression": AGGRESSION, "niet_pluis": NIET_PLUIS}[
        case.kind
    ]
    slots = case_slots(case)
    lines = []
    for step in flow.steps:
        if step.summary_label is None or step.slot in ("description", "reporter_name"):
            continue
        if step.slot in ("anonymous", "preferred_role", "exclude_line_manager", "team"):
            continue
        if step.slot == "evidence_done":
            value = evidence_text(case.evidence, tr)
        elif step.slot not in slots or slots[step.slot] is None:
            continue
        else:
            value = slot_display(step, slots, tr, org)
        lines.append(tr(texts.SUMMARY_LINE, label=tr(step.summary_label), value=value))
    if case.team:
        lines.append(
            tr(
                texts.SUMMARY_LINE,
                label=tr(texts.LABEL_TEAM),
                value=localized(org.team(case.team).name, tr.lang),
            )
        )
    return lines


def case_slots(case: CaseRecord) -> dict[str, Any]:
    """A case's fields under the slot names the flows use."""
    slots: dict[str, Any] = dict(case.details)
    slots.update(
        {
            "occurred_choice": case.occurred_choice,
            "platform": case.platform,
            "perpetrator_relation": case.perpetrator_relation,
            "aro_category": case.aro_category,
            "location_kind": case.location_kind,
            "impact": case.impact,
            "about": case.about,
            "niet_pluis_mode": case.niet_pluis_mode,
            "anonymous": case.anonymous,
            "team": case.team,
        }
    )
    return slots


def case_view(case: CaseRecord, contact_id: str, tr: Translator, org: Organisation) -> str:
    """The full case for an aanspreekpunt it was routed to (decrypted description)."""
    lines = [
        tr(
            texts.CASE_HEADER,
            code=case.code,
            kind=tr(texts.KIND_LABEL[case.kind]),
            date=when(case.created_at, tr, org.timezone),
            status=tr(texts.CASE_STATUS[case.status]),
        )
    ]
    if case.anonymous:
        lines.append(tr(texts.NOTICE_MELDER_ANONYMOUS))
    else:
        lines.append(tr(texts.NOTICE_MELDER_NAMED, name=case.details.get("reporter_name", "")))
    if case.niet_pluis_mode:
        lines.append(tr(texts.NOTICE_NIET_PLUIS_MODE[case.niet_pluis_mode]))
    label = texts.LABEL_FEELING if case.kind == "niet_pluis" else texts.LABEL_WHAT
    lines.append(tr(texts.SUMMARY_LINE, label=tr(label), value=case.details.get("description", "")))
    lines.extend(case_facts(case, tr, org))
    for contact, role, reason in case.routed_to:
        if contact == contact_id and reason in texts.CASE_REASON:
            lines.append(tr(texts.CASE_REASON[reason], role=tr(texts.ROLE_LABEL.get(role, role))))
            break
    return "\n".join(lines)
