"""The routing decision: which aanspreekpunten receive a report (DESIGN.md §3.3, §7).

Pure functions over a validated `Organisation`; no I/O. The guarantees, for every request:

- the result is never empty, has no duplicates, and its order is deterministic (reason
  group first: preferred or rule recipients, then safeguard recipients; within a group the
  order of the contacts in the configuration);
- it contains at least one contact who is not a line manager ("ook een leidinggevende kan
  zelf pleger zijn"): when nothing else does, the safeguard adds the team's
  aandachtsfunctionarissen who are not line managers;
- security contacts never receive reports; with `exclude_line_manager` no line manager does;
- a niet-pluis signal only reaches aandachtsfunctionarissen who are not line managers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from dialogs.organisation import Contact, Organisation, ReportKind, Role, Severity
from dialogs.organisation_parts import may_receive

__all__ = [
    "Reason",
    "Recipient",
    "RoutingRequest",
    "acute_alert_recipients",
    "may_receive",
    "route",
    "team_of",
]

#: Why a contact receives a report: a routing rule, the melder's preferred role, or the
#: safeguard that a report never reaches line managers alone.
Reason = Literal["rule", "preferred", "safeguard"]


@dataclass(frozen=True)
class RoutingRequest:
    """What routing needs to know about a report.

    `team` None means the melder gave no team: every contact serving any team is a
    candidate, and only rules without a team restriction apply. An unknown team id (e.g. a
    team removed from the configuration while a draft was paused) matches only contacts and
    rules that serve all teams.
    """

    kind: ReportKind
    team: str | None
    preferred_role: Role | None
    exclude_line_manager: bool
    severity: Severity = "normal"


@dataclass(frozen=True)
class Recipient:
    """A contact that receives the report, and why (`reason`: rule, preferred, safeguard)."""

    contact: Contact
    reason: Reason


def route(org: Organisation, request: RoutingRequest) -> tuple[Recipient, ...]:
    """The recipients of a report; never empty, always with a non-line-manager."""
    candidates = [
        c
        for c in org.contacts
        if may_receive(c, request.kind, request.exclude_line_manager) and c.serves(request.team)
    ]
    if request.team is None:
        # Without a team we cannot tell whose line manager is whose; sending it to every
        # team's manager would show the report to people not involved (DESIGN §3.9).
        candidates = [c for c in candidates if not (c.line_manager and c.teams)]

    roles = org.rule_roles(request.kind, request.team, request.severity)
    preferred = [
        c
        for c in candidates
        if request.kind is not ReportKind.NIET_PLUIS  # niet-pluis: never by preference
        and request.preferred_role is not None
        and c.role is request.preferred_role
    ]
    recipients = [Recipient(c, "preferred") for c in preferred] or [
        Recipient(c, "rule") for c in candidates if c.role in roles
    ]
    if not any(not r.contact.line_manager for r in recipients):
        recipients.extend(Recipient(c, "safeguard") for c in _safeguard(org, request.team))
    return tuple(recipients)


def _safeguard(org: Organisation, team: str | None) -> tuple[Contact, ...]:
    """The team's non-line-manager aandachtsfunctionarissen, else all of them."""
    independent = tuple(
        c for c in org.contacts if c.role is Role.AANDACHTSFUNCTIONARIS and not c.line_manager
    )
    if not independent:  # A validated Organisation always has one.
        raise ValueError(
            f"organisation '{org.id}' has no aandachtsfunctionaris who is not a line manager"
        )
    return tuple(c for c in independent if c.serves(team)) or independent


def acute_alert_recipients(org: Organisation) -> tuple[Contact, ...]:
    """The contacts to alert on acute danger (security, on-call); may be empty."""
    return org.acute_alert_contacts()


def team_of(answers: Mapping[str, Any]) -> str | None:
    """The team a melder named in their answers, if any ("none": rather not say)."""
    team = answers.get("team")
    return None if team in (None, "none") else str(team)
