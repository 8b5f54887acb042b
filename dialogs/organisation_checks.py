"""Checks across the parts of an organisation: ids, references, addresses, routing gaps.

Each check yields readable problems; `Organisation` refuses itself when there are any, with
every problem listed (`ConsistencyError`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from dialogs.organisation_parts import (
    CHOICE_ORDER,
    ESCALATION_KEYWORDS,
    AftercareConfig,
    Contact,
    EscalationStep,
    Referral,
    ReportKind,
    Role,
    RoutingRule,
    Severity,
    Team,
    escalation_contacts,
)

__all__ = ["ConsistencyError", "Sections", "consistency_problems"]


class ConsistencyError(ValueError):
    """Several consistency problems found at once; each is a separate line."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


class Sections(Protocol):
    """What the checks read of an organisation (`dialogs.organisation.Organisation`)."""

    @property
    def teams(self) -> tuple[Team, ...]: ...

    @property
    def contacts(self) -> tuple[Contact, ...]: ...

    @property
    def routing(self) -> tuple[RoutingRule, ...]: ...

    @property
    def referrals(self) -> tuple[Referral, ...]: ...

    @property
    def acute_alert(self) -> tuple[str, ...]: ...

    @property
    def aftercare(self) -> AftercareConfig: ...

    @property
    def escalation(self) -> tuple[EscalationStep, ...]: ...

    @property
    def escalation_ladder(self) -> tuple[EscalationStep, ...]: ...

    def rule_roles(
        self, kind: ReportKind, team: str | None, severity: Severity
    ) -> frozenset[Role]: ...


def consistency_problems(org: Sections) -> list[str]:
    """Every problem between the parts, in a stable order; empty when consistent."""
    return [
        *_duplicate_ids(org),
        *_dangling_references(org),
        *_duplicate_addresses(org),
        *_routing_problems(org),
        *_escalation_problems(org),
    ]


def _duplicate_ids(org: Sections) -> Iterable[str]:
    for section, ids, noun in (
        ("teams", [t.id for t in org.teams], "team"),
        ("contacts", [c.id for c in org.contacts], "contact"),
        ("referrals", [r.id for r in org.referrals], "referral"),
    ):
        first: dict[str, int] = {}
        for index, item_id in enumerate(ids):
            if item_id in first:
                yield (
                    f"{section}[{index}]: duplicate {noun} id '{item_id}' "
                    f"(also {section}[{first[item_id]}])"
                )
            else:
                first[item_id] = index


def _dangling_references(org: Sections) -> Iterable[str]:
    yield from _contact_references(org)
    team_ids = {t.id for t in org.teams}
    for index, rule in enumerate(org.routing):
        for team in rule.teams:
            if team not in team_ids:
                yield (
                    f"routing[{index}] ({rule.describe()}): team '{team}' "
                    "is not defined under teams"
                )
    yield from _alert_references(org)


def _contact_references(org: Sections) -> Iterable[str]:
    team_ids = {t.id for t in org.teams}
    contacts = {c.id: c for c in org.contacts}
    for index, contact in enumerate(org.contacts):
        where = f"contacts[{index}] ({contact.id})"
        for team in contact.teams:
            if team not in team_ids:
                yield f"{where}: team '{team}' is not defined under teams"
        if contact.backup is None or contact.backup == contact.id:
            continue
        backup = contacts.get(contact.backup)
        if backup is None:
            yield f"{where}: backup '{contact.backup}' is not a contact id"
        elif not backup.receives_reports:
            yield (
                f"{where}: backup '{contact.backup}' has role {backup.role.value}, "
                "which never receives reports"
            )


def _alert_references(org: Sections) -> Iterable[str]:
    contacts = {c.id: c for c in org.contacts}
    callback = org.aftercare.callback_contact
    if callback is not None:
        if callback not in contacts:
            yield f"aftercare.callback_contact: '{callback}' is not a contact id"
        elif not contacts[callback].receives_reports:
            yield (
                f"aftercare.callback_contact: '{callback}' has role "
                f"{contacts[callback].role.value}, which never receives reports"
            )
    seen: set[str] = set()
    for index, contact_id in enumerate(org.acute_alert):
        if contact_id not in contacts:
            yield f"acute_alert[{index}]: '{contact_id}' is not a contact id"
        elif contact_id in seen:
            yield f"acute_alert[{index}]: '{contact_id}' is listed twice"
        seen.add(contact_id)


def _duplicate_addresses(org: Sections) -> Iterable[str]:
    for field in ("console", "telegram_chat_id", "matrix_user_id", "matrix_room_id"):
        owner: dict[object, str] = {}
        for index, contact in enumerate(org.contacts):
            value = getattr(contact.addresses, field)
            if value is None:
                continue
            if value in owner and owner[value] != contact.id:
                yield (
                    f"contacts[{index}] ({contact.id}): {field} {value!r} "
                    f"is also used by contact '{owner[value]}'"
                )
            else:
                owner.setdefault(value, contact.id)


def _routing_problems(org: Sections) -> Iterable[str]:
    if not any(c.role is Role.AANDACHTSFUNCTIONARIS and not c.line_manager for c in org.contacts):
        yield (
            "contacts: there is no contact with role aandachtsfunctionaris and "
            "line_manager false; at least one is required because a line manager may "
            "be the perpetrator ('ook een leidinggevende kan zelf pleger zijn')"
        )
    for kind in ReportKind:
        if not any(rule.kind is kind for rule in org.routing):
            yield f"routing: no rule for report kind '{kind.value}'"
            continue
        # High-severity rules only add roles, so checking normal severity suffices.
        for team in [*(t.id for t in org.teams), None]:
            roles = org.rule_roles(kind, team, "normal")
            if any(
                c.role in roles and c.receives_reports and not c.line_manager
                for c in org.contacts
                if c.serves(team)
            ):
                continue
            source = f"team '{team}'" if team else "a melder who gives no team"
            given = ", ".join(r.value for r in CHOICE_ORDER if r in roles) or "no roles"
            yield (
                f"routing: a '{kind.value}' report from {source} would reach no contact "
                f"who is not a line manager (the rules give: {given}; no contact with "
                "one of these roles serves this team without being a line manager)"
            )


def _escalation_problems(org: Sections) -> Iterable[str]:
    """The ladder's steps come one after the other, name people who can take a case, and
    the last one (which repeats) reaches someone for every kind of report from every team,
    also when the melder excluded their line manager."""
    contacts = {c.id: c for c in org.contacts}
    steps = org.escalation
    for index, step in enumerate(steps):
        where = f"escalation[{index}]"
        if index and step.after_hours <= steps[index - 1].after_hours:
            yield f"{where}: after_hours must be later than the step before"
        if step.repeat_hours is not None and index < len(steps) - 1:
            yield f"{where}: only the last step repeats (repeat_hours)"
        for target in step.to:
            if target in ESCALATION_KEYWORDS:
                continue
            if target not in contacts:
                yield (
                    f"{where}: '{target}' is neither a contact id nor one of "
                    f"{', '.join(ESCALATION_KEYWORDS)}"
                )
            elif not contacts[target].receives_reports:
                role = contacts[target].role.value
                yield f"{where}: '{target}' has role {role}, which never receives reports"
    yield from _ladder_end_problems(org)


def _ladder_end_problems(org: Sections) -> Iterable[str]:
    last = org.escalation_ladder[-1]
    where = f"escalation[{len(org.escalation) - 1}]" if org.escalation else "escalation"
    for kind in ReportKind:
        for team in [*(t.id for t in org.teams), None]:
            reached = escalation_contacts(
                last, org.contacts, kind=kind, team=team, exclude_line_manager=True
            )
            if not reached:
                source = f"team '{team}'" if team else "a melder who gives no team"
                yield (
                    f"{where}: the last escalation step ends with no one for a "
                    f"'{kind.value}' report from {source} (its targets {list(last.to)} give "
                    "no contact who may receive it; 'backups' alone is not enough, name a "
                    "role or a contact who is not a line manager)"
                )
                return
