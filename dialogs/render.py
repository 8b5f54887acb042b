"""Texts built from data: summaries, status lists, case views, referral lists, notices."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

from dialogs import content, texts
from dialogs.flow import Flow, Option, Step
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


def _option_label(options: Sequence[Option], value: object, tr: Translator) -> str | None:
    for option in options:
        if option.stored == value:
            return tr(option.label)
    return None


def case_facts(
    case: CaseRecord, tr: Translator, org: Organisation, *, free_text: bool
) -> list[str]:
    """What an aanspreekpunt reads about a case, line by line.

    Without `free_text` (notices that travel through the messenger) only the structured
    answers are shown; the melder's own words stay in the bot.
    """
    from dialogs.flows.niet_pluis import ABOUT
    from dialogs.flows.report import ARO, LOCATION, PLATFORM, WHEN, WHO

    details = case.details
    facts: list[tuple[str, str | None]] = []

    def chosen(step: Step, value: object, text_key: str | None) -> str | None:
        label = _option_label(step.options, value, tr)
        if free_text and text_key and details.get(text_key):
            return str(details[text_key]) if label is None else f"{label}: {details[text_key]}"
        return label

    facts.append((texts.LABEL_WHEN, chosen(WHEN, case.occurred_choice, "occurred")))
    if case.kind == "online_threat":
        facts.append((texts.LABEL_WHERE, chosen(PLATFORM, case.platform, "platform_text")))
        if free_text and details.get("handle"):
            facts.append((texts.LABEL_HANDLE, str(details["handle"])))
    if case.kind == "aggression":
        facts.append((texts.LABEL_WHERE, chosen(LOCATION, case.location_kind, "location")))
        facts.append((texts.LABEL_ARO, chosen(ARO, case.aro_category, None)))
    if case.kind == "niet_pluis":
        facts.append((texts.LABEL_ABOUT, chosen(ABOUT, case.about, None)))
    else:
        relation = chosen(WHO, case.perpetrator_relation, "perpetrator_text")
        facts.append((texts.LABEL_WHO, relation))
        facts.append((texts.LABEL_EVIDENCE, evidence_text(case.evidence, tr)))
    if case.impact is not None:
        facts.append((texts.LABEL_IMPACT, tr(texts.SUMMARY_IMPACT, impact=case.impact)))
    if case.team:
        facts.append((texts.LABEL_TEAM, localized(org.team(case.team).name, tr.lang)))
    return [
        tr(texts.SUMMARY_LINE, label=tr(label), value=value)
        for label, value in facts
        if value is not None
    ]


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
    lines.extend(case_facts(case, tr, org, free_text=True))
    for contact, role, reason in case.routed_to:
        if contact == contact_id and reason in texts.CASE_REASON:
            lines.append(tr(texts.CASE_REASON[reason], role=tr(texts.ROLE_NAME.get(role, role))))
            break
    return "\n".join(lines)


def immediate_aftercare(kind: str, platform: str | None, tr: Translator) -> str:
    """The support and next steps right after a report (dialogs/content/aftercare.yml);
    for online threats with a known platform, where to report it there."""
    data = content.load("aftercare")
    lines = [tr(line) for line in data["immediate"][kind]]
    howto = data["platform_reporting"].get(platform or "", None)
    if kind == "online_threat" and howto:
        lines.append("   " + tr(howto))
    return "\n".join(lines)
