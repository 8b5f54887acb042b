"""Texts built from data: summaries, status lists, case views, referral lists, notices."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_datetime

from dialogs import content, texts
from dialogs.fields import FIELDS, WHEN_OPTIONS, Fields, ReportField, Storage
from dialogs.flow import Flow, Step, StepKind
from dialogs.i18n import Translator
from dialogs.organisation import Organisation, localized
from storage.repository import CaseRecord, EvidenceItem


def when(moment: datetime, tr: Translator, tz: str) -> str:
    """A date and time as people in the organisation read it."""
    return format_datetime(moment, "d MMM yyyy HH:mm", tzinfo=ZoneInfo(tz), locale=tr.lang)


def day(moment: datetime, tr: Translator, tz: str) -> str:
    """A date as people in the organisation read it: '2 maart 2027'."""
    local = moment.astimezone(ZoneInfo(tz))
    return format_date(local.date(), "d MMMM yyyy", locale=tr.lang)


def size(n: int) -> str:
    """A file size for people: 812 B, 14 kB, 2.3 MB."""
    if n < 1000:
        return f"{n} B"
    if n < 1_000_000:
        return f"{n / 1000:.0f} kB"
    return f"{n / 1_000_000:.1f} MB"


def role_list(roles: Sequence[str], tr: Translator) -> str:
    """'the aandachtsfunctionaris and the meldteam'."""
    return joined([tr(texts.ROLE_LABEL.get(r, r)) for r in dict.fromkeys(roles)], tr)


def joined(items: Sequence[str], tr: Translator) -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return tr(texts.LIST_AND, first=", ".join(items[:-1]), last=items[-1])


def referral_list(org: Organisation, tr: Translator, *, national: bool = True) -> str:
    """The organisation's referral list followed by the national numbers (not `national`:
    only victim support, where the crisis numbers were just given)."""
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
    lines.append(tr(texts.REFERRAL_NATIONAL if national else texts.REFERRAL_VICTIM_SUPPORT))
    return "\n".join(lines)


def evidence_text(items: Sequence[EvidenceItem], tr: Translator) -> str:
    """'2: photo.jpg (1.2 MB), https://...' or 'none'."""
    if not items:
        return tr(texts.SUMMARY_EVIDENCE_NONE)
    names = [i.name if i.kind == "link" else f"{i.name} ({size(i.size)})" for i in items]
    return f"{len(items)}: " + ", ".join(names)


def slot_display(
    step: Step, field: ReportField, slots: dict[str, Any], tr: Translator, org: Organisation
) -> str:
    """How a step's answer reads in a summary."""
    value = slots.get(field.name)
    if field.display is not None:
        shown = _DISPLAYS[field.display](value, slots, tr, org)
        return shown if shown is not None else tr(texts.SUMMARY_NOT_GIVEN)
    if step.free_text_slot and slots.get(step.free_text_slot):
        return str(slots[step.free_text_slot])
    for option in step.options:
        if option.stored == value:
            return tr(option.label)
    if value in (None, ""):
        return tr(texts.SUMMARY_NOT_GIVEN)
    return str(value)


Display = Callable[[Any, Mapping[str, Any], Translator, Organisation], "str | None"]


def _anonymity(value: Any, answers: Mapping[str, Any], tr: Translator, org: Organisation) -> str:
    if value:
        return tr(texts.SUMMARY_ANONYMOUS)
    return tr(texts.SUMMARY_NAMED)


def _line_manager(value: Any, answers: Mapping[str, Any], tr: Translator, org: Organisation) -> str:
    return tr(texts.SUMMARY_EXCLUDED_LM if value else texts.SUMMARY_ALLOWED_LM)


def _impact(
    value: Any, answers: Mapping[str, Any], tr: Translator, org: Organisation
) -> str | None:
    return None if value is None else tr(texts.SUMMARY_IMPACT, impact=value)


def _team(value: Any, answers: Mapping[str, Any], tr: Translator, org: Organisation) -> str | None:
    if value in (None, "none"):
        return None
    try:
        team = org.team(str(value))
    except KeyError:  # a team removed from the configuration since it was chosen
        return str(value)
    return localized(team.name, tr.lang)


def _role(value: Any, answers: Mapping[str, Any], tr: Translator, org: Organisation) -> str:
    if value in (None, "none"):
        return tr(texts.NO_PREFERENCE)
    return tr(texts.ROLE_CHOICE.get(str(value), str(value)))


def _moment(
    value: Any, answers: Mapping[str, Any], tr: Translator, org: Organisation
) -> str | None:
    """When it happened: the resolved moment with the melder's words ("di 1 dec 2026
    16:30 (gisteren rond half 5)"); else the choice, with the words if there are any."""
    at, words = answers.get("occurred_at"), answers.get("occurred")
    if at:
        shown = moment(str(at), tr, org.timezone)
        return f"{shown} ({words})" if words else shown
    label = next((o.label for o in WHEN_OPTIONS if o.stored == value), None)
    if words:
        return str(words) if label is None else f"{tr(label)}: {words}"
    return tr(label) if label else None


def moment(at: str, tr: Translator, tz: str) -> str:
    """A stored moment as people read it: a date ("di 1 dec 2026") or a date and time."""
    if "T" not in at:
        return format_date(date.fromisoformat(at), "EEE d MMM yyyy", locale=tr.lang)
    return format_datetime(
        datetime.fromisoformat(at), "EEE d MMM yyyy HH:mm", tzinfo=ZoneInfo(tz), locale=tr.lang
    )


#: Ways to show a value that its options alone cannot give (`ReportField.display`).
_DISPLAYS: dict[str, Display] = {
    "moment": _moment,
    "anonymity": _anonymity,
    "line_manager": _line_manager,
    "impact": _impact,
    "team": _team,
    "role": _role,
}


def summary(
    flow: Flow,
    asked: Sequence[Step],
    slots: dict[str, Any],
    evidence: Sequence[EvidenceItem],
    recipients: Sequence[str],
    tr: Translator,
    org: Organisation,
    fields: Fields = FIELDS,
) -> str:
    """The melder's report as it will be sent, with who will see it."""
    assert flow.kind is not None
    lines = [tr(texts.SUMMARY_INTRO, kind=tr(texts.KIND_LABEL[flow.kind]))]
    for step in asked:
        field = fields.get(step.slot or "")
        if step.kind is StepKind.EVIDENCE:
            label, value = step.summary_label or texts.LABEL_EVIDENCE, evidence_text(evidence, tr)
        elif field is not None:
            label, value = (
                step.summary_label or field.label,
                slot_display(step, field, slots, tr, org),
            )
        else:
            continue
        lines.append(tr(texts.SUMMARY_LINE, label=tr(label), value=value))
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


def case_facts(
    case: CaseRecord, tr: Translator, org: Organisation, *, free_text: bool, fields: Fields = FIELDS
) -> list[str]:
    """What an aanspreekpunt reads about a case, line by line.

    Without `free_text` (notices that travel through the messenger) only the structured
    answers are shown; the melder's own words stay in the bot.
    """
    answers = {**case.facts, **case.details}
    lines: list[str] = []
    for field in fields:
        if field.case_label is None:
            continue
        value = _fact(field, answers, tr, org, free_text=free_text)
        if value is not None:
            lines.append(tr(texts.SUMMARY_LINE, label=tr(field.case_label), value=value))
    if case.evidence:  # files and links the melder added (reports without them say nothing)
        # File names and links are the melder's own words: only their number travels.
        evidence = (
            evidence_text(case.evidence, tr)
            if free_text
            else tr(texts.NOTICE_EVIDENCE_COUNT, n=len(case.evidence))
        )
        lines.append(tr(texts.SUMMARY_LINE, label=tr(texts.LABEL_EVIDENCE), value=evidence))
    return lines


def alert_place(
    place: Mapping[str, Any], tr: Translator, org: Organisation, fields: Fields = FIELDS
) -> list[str]:
    """Where the melder is, as an acute-danger alert says it: "Team or location: ...".
    Only the structured answers of the `alert` fields, never the melder's own words."""
    lines = []
    for field in fields:
        if field.alert and field.case_label is not None:
            value = _fact(field, place, tr, org, free_text=False)
            if value is not None:
                lines.append(tr(texts.SUMMARY_LINE, label=tr(field.case_label), value=value))
    return lines


def _fact(
    field: ReportField,
    answers: Mapping[str, Any],
    tr: Translator,
    org: Organisation,
    *,
    free_text: bool,
) -> str | None:
    """One answer as a contact reads it; None when there is nothing (they may) see."""
    value = answers.get(field.name)
    if field.storage is Storage.ENCRYPTED:
        return str(value) if free_text and value else None
    if field.display is not None:
        if not free_text and field.own_words:  # the melder's words stay in the bot
            answers = {k: v for k, v in answers.items() if k != field.own_words}
        return _DISPLAYS[field.display](value, answers, tr, org)
    label = field.option_label(value)
    words = answers.get(field.own_words) if field.own_words and free_text else None
    if words:
        return str(words) if label is None else f"{tr(label)}: {words}"
    return None if label is None else tr(label)


def case_view(
    case: CaseRecord,
    contact_id: str,
    tr: Translator,
    org: Organisation,
    fields: Fields = FIELDS,
) -> str:
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
    mode = case.facts.get("niet_pluis_mode")
    if mode in texts.NOTICE_NIET_PLUIS_MODE:
        lines.append(tr(texts.NOTICE_NIET_PLUIS_MODE[mode]))
    label = texts.LABEL_FEELING if case.kind == "niet_pluis" else texts.LABEL_WHAT
    lines.append(tr(texts.SUMMARY_LINE, label=tr(label), value=case.details.get("description", "")))
    lines.extend(case_facts(case, tr, org, free_text=True, fields=fields))
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
