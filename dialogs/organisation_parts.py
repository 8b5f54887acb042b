"""The parts of an organisation's configuration: report kinds, roles, teams, contacts,
routing rules, referrals and aftercare settings, each validated on its own.

`dialogs.organisation.Organisation` puts them together and checks them against each other
(`dialogs.organisation_checks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Any, Literal, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

__all__ = [
    "CHANNELS",
    "CHOICE_ORDER",
    "ESCALATION_KEYWORDS",
    "Addresses",
    "AftercareConfig",
    "ConfigModel",
    "Contact",
    "Employer",
    "EscalationStep",
    "Identifier",
    "Language",
    "LocalizedText",
    "NonEmptyStr",
    "Referral",
    "ReportKind",
    "Role",
    "RoutingRule",
    "Severity",
    "Team",
    "escalation_contacts",
    "ladder_contacts",
    "localized",
    "may_receive",
]


class ReportKind(StrEnum):
    """The three report kinds of DESIGN.md §3.1."""

    ONLINE_THREAT = "online_threat"
    AGGRESSION = "aggression"
    NIET_PLUIS = "niet_pluis"


class Role(StrEnum):
    """The role of an aanspreekpunt. `security` only receives acute-danger alerts; `ops`
    run the bot (statistics, NLU review, health on the web desk) and never see a case."""

    AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris"
    VERTROUWENSPERSOON = "vertrouwenspersoon"
    LEIDINGGEVENDE = "leidinggevende"
    MELDTEAM = "meldteam"
    SECURITY = "security"
    OPS = "ops"


#: Roles that never receive reports (and so never see a case's content).
NO_REPORTS: frozenset[Role] = frozenset({Role.SECURITY, Role.OPS})


#: The roles a melder can prefer, in the order they are offered (DESIGN.md §3.3).
CHOICE_ORDER: tuple[Role, ...] = (
    Role.AANDACHTSFUNCTIONARIS,
    Role.VERTROUWENSPERSOON,
    Role.MELDTEAM,
    Role.LEIDINGGEVENDE,
)

#: The channels a contact can be reached on; see `Organisation.contact_for_address`.
CHANNELS: tuple[str, ...] = ("console", "telegram", "matrix")

Language = Literal["nl", "en"]

#: Severity of a routing request; rules with severity "high" only apply to "high" requests.
Severity = Literal["normal", "high"]

Identifier = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=64
    ),
]
NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
StrictInt = Annotated[int, Field(strict=True)]
MatrixUserId = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^@[^\s:]+:\S+$")]
#: '!opaque:server', or '!opaque' alone: rooms of room version 12 (the default of current
#: Synapse releases) have ids without a server name.
MatrixRoomId = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^![^\s:]+(:\S+)?$")
]
HttpUrl = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://\S+$")]


class ConfigModel(BaseModel):
    """A part of the configuration: immutable, and unknown keys are refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(ConfigModel):
    """A text per language: Dutch (`nl`) is required, English (`en`) optional.

    In YAML either a mapping `{nl: ..., en: ...}` or a plain string (taken as Dutch).
    """

    nl: NonEmptyStr
    en: NonEmptyStr | None = None

    @model_validator(mode="before")
    @classmethod
    def _plain_string_is_dutch(cls, data: Any) -> Any:
        if isinstance(data, str):
            return {"nl": data}
        return data

    def get(self, lang: str) -> str:
        """The text in `lang`, falling back to Dutch."""
        if lang == "en" and self.en is not None:
            return self.en
        return self.nl

    def __getitem__(self, lang: str) -> str:
        """Dict-style access; raises KeyError for a language without a text."""
        text = {"nl": self.nl, "en": self.en}.get(lang)
        if text is None:
            raise KeyError(lang)
        return text


def localized(text: LocalizedText | str, lang: str) -> str:
    """The text in `lang` (falling back to Dutch); a plain string is returned as is."""
    if isinstance(text, str):
        return text
    return text.get(lang)


class Team(ConfigModel):
    """A team or location a melder can belong to; `aliases` are other names people use
    for it ("HAP", "de kliniek"), so a typed answer or a story can name it."""

    id: Identifier
    name: LocalizedText
    aliases: tuple[NonEmptyStr, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the team: Dutch, English and the aliases."""
        return tuple(n for n in (self.name.nl, self.name.en, *self.aliases) if n)


class Addresses(ConfigModel):
    """How to reach a contact; at least one address is required."""

    console: NonEmptyStr | None = None
    telegram_chat_id: StrictInt | None = None
    matrix_user_id: MatrixUserId | None = None
    matrix_room_id: MatrixRoomId | None = None

    def is_empty(self) -> bool:
        """True when no address at all is given."""
        return all(
            value is None
            for value in (
                self.console,
                self.telegram_chat_id,
                self.matrix_user_id,
                self.matrix_room_id,
            )
        )


class Contact(ConfigModel):
    """An aanspreekpunt: a person (or shared inbox) who may receive reports or alerts."""

    id: Identifier
    name: NonEmptyStr
    role: Role
    line_manager: bool = False
    #: Team ids this contact serves; empty means all teams.
    teams: tuple[Identifier, ...] = ()
    addresses: Addresses = Addresses()
    #: Id of the contact a case escalates to when not acknowledged in time.
    backup: Identifier | None = None
    language: Language = "nl"

    @model_validator(mode="after")
    def _check_contact(self) -> Self:
        problems: list[str] = []
        if self.role is Role.LEIDINGGEVENDE and not self.line_manager:
            problems.append(
                f"contact '{self.id}' has role leidinggevende, so line_manager must be true"
            )
        if self.addresses.is_empty():
            problems.append(
                f"contact '{self.id}' has no address: give at least one of "
                "console, telegram_chat_id, matrix_user_id, matrix_room_id"
            )
        if self.backup is not None and self.backup == self.id:
            problems.append(f"contact '{self.id}' names itself as backup")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def serves(self, team: str | None) -> bool:
        """Whether this contact serves `team` (None: a melder who gave no team)."""
        return team is None or not self.teams or team in self.teams

    @property
    def receives_reports(self) -> bool:
        """Security contacts only get acute-danger alerts, ops none: never reports."""
        return self.role not in NO_REPORTS


class RoutingRule(ConfigModel):
    """Which roles receive reports of `kind` (optionally per team, or only at high severity)."""

    kind: ReportKind
    roles: tuple[Role, ...] = Field(min_length=1)
    #: Team ids the rule applies to; empty means all teams (and a melder without a team).
    teams: tuple[Identifier, ...] = ()
    severity: Literal["any", "high"] = "any"

    @model_validator(mode="after")
    def _check_rule(self) -> Self:
        problems: list[str] = []
        if Role.SECURITY in self.roles:
            problems.append(
                f"rule '{self.describe()}' names security; security contacts only receive "
                "acute-danger alerts (acute_alert), never reports"
            )
        if Role.OPS in self.roles:
            problems.append(
                f"rule '{self.describe()}' names ops; ops see statistics, never reports"
            )
        if self.kind is ReportKind.NIET_PLUIS:
            others = [r.value for r in self.roles if r is not Role.AANDACHTSFUNCTIONARIS]
            if others:
                problems.append(
                    f"rule '{self.describe()}': niet_pluis signals may only be routed to "
                    f"aandachtsfunctionaris, not to {', '.join(others)}"
                )
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def applies_to(self, kind: ReportKind, team: str | None, severity: Severity) -> bool:
        """Whether this rule applies to a report of `kind` from `team` at `severity`.

        A team-specific rule never applies to a melder who gave no team.
        """
        if self.kind is not kind:
            return False
        if self.severity == "high" and severity != "high":
            return False
        return not self.teams or (team is not None and team in self.teams)

    def describe(self) -> str:
        """A short human-readable form, e.g. `aggression [kliniek-noord, high] -> meldteam`."""
        qualifiers = [*self.teams, *(["high"] if self.severity == "high" else [])]
        scope = f" [{', '.join(qualifiers)}]" if qualifiers else ""
        return f"{self.kind.value}{scope} -> {', '.join(r.value for r in self.roles)}"


class Referral(ConfigModel):
    """An aftercare referral of the organisation (vertrouwenspersoon, bedrijfsarts, ...)."""

    id: Identifier
    name: LocalizedText
    description: LocalizedText
    phone: NonEmptyStr | None = None
    url: HttpUrl | None = None
    hours: LocalizedText | None = None


class WebDeskConfig(ConfigModel):
    """The web desk (bot/web): whether a TOTP code is required after the login link."""

    require_totp: bool = False


class Employer(ConfigModel):
    """The employer as the police file names it (ELA): with werkgeversaangifte and
    domiciliekeuze the employer's address stands in the aangifte instead of the care
    worker's home address. Shown on the last page of a case's dossier."""

    name: NonEmptyStr
    address: NonEmptyStr
    postal_code: NonEmptyStr
    city: NonEmptyStr
    phone: NonEmptyStr | None = None
    #: Who at the employer deals with the police about aangifte (a role or a desk).
    contact: LocalizedText | None = None


class AftercareConfig(ConfigModel):
    """Aftercare settings: the days after a report on which the bot checks in, and who is
    asked to call back a melder who wants to talk (default: the case's contact person)."""

    checkin_days: tuple[Annotated[int, Field(strict=True, ge=1, le=365)], ...] = (1, 7, 28)
    callback_contact: str | None = None

    @field_validator("checkin_days")
    @classmethod
    def _sorted_unique(cls, days: tuple[int, ...]) -> tuple[int, ...]:
        duplicates = sorted({d for d in days if days.count(d) > 1})
        if duplicates:
            raise ValueError(f"check-in days occur more than once: {duplicates}")
        return tuple(sorted(days))


def may_receive(contact: Contact, kind: ReportKind | str, exclude_line_manager: bool) -> bool:
    """Whether a contact may ever receive this case: by routing, hand-over, escalation or
    call-back. Never security or anyone who does not take reports; never a line manager
    the melder excluded; a niet-pluis signal only reaches aandachtsfunctionarissen who are
    not line managers. (The one rule; `dialogs.routing` exports it.)"""
    if not contact.receives_reports:
        return False
    niet_pluis = ReportKind(kind) is ReportKind.NIET_PLUIS
    if contact.line_manager and (exclude_line_manager or niet_pluis):
        return False
    return not niet_pluis or contact.role is Role.AANDACHTSFUNCTIONARIS


#: The escalation target that means: the backups of everyone the case went to.
BACKUPS = "backups"
#: Words an escalation step's `to` understands besides contact ids.
ESCALATION_KEYWORDS: tuple[str, ...] = (
    BACKUPS,
    *(r.value for r in Role if r not in NO_REPORTS),
)

Hours = Annotated[int, Field(strict=True, ge=1, le=24 * 365)]


class EscalationStep(ConfigModel):
    """One step of the escalation ladder of a case nobody picks up: `after_hours` after
    the report, the case goes to `to` (`backups`, a role, or contact ids); the last step
    repeats every `repeat_hours` until someone picks the case up."""

    after_hours: Hours
    to: tuple[Identifier, ...] = Field(min_length=1)
    repeat_hours: Hours | None = None


def escalation_contacts(
    step: EscalationStep,
    contacts: tuple[Contact, ...],
    *,
    kind: ReportKind | str,
    team: str | None,
    exclude_line_manager: bool,
    routed: tuple[str, ...] = (),
) -> tuple[Contact, ...]:
    """Who a step brings in for a case of `kind` from `team` that went to `routed`: the
    backups of those, contacts of a named role who serve the team, named contacts; only
    those who `may_receive` the case, each once, in that order."""
    by_id = {c.id: c for c in contacts}
    wanted: list[Contact] = []
    for target in step.to:
        if target == BACKUPS:
            backups = (by_id[r].backup for r in routed if r in by_id)
            wanted.extend(by_id[b] for b in backups if b is not None and b in by_id)
        elif target in ESCALATION_KEYWORDS:
            wanted.extend(c for c in contacts if c.role.value == target and c.serves(team))
        elif target in by_id:
            wanted.append(by_id[target])
    return tuple(c for c in dict.fromkeys(wanted) if may_receive(c, kind, exclude_line_manager))


def ladder_contacts(
    steps: Sequence[EscalationStep],
    contacts: tuple[Contact, ...],
    *,
    kind: ReportKind | str,
    team: str | None,
    exclude_line_manager: bool,
    routed: tuple[str, ...] = (),
) -> tuple[Contact, ...]:
    """Everyone these escalation steps bring in (`escalation_contacts` of each), each once,
    in ladder order."""
    found = (
        contact
        for step in steps
        for contact in escalation_contacts(
            step,
            contacts,
            kind=kind,
            team=team,
            exclude_line_manager=exclude_line_manager,
            routed=routed,
        )
    )
    return tuple(dict.fromkeys(found))
