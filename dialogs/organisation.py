"""Organisation configuration: teams, aanspreekpunten, routing rules, referrals, aftercare.

The configuration is a YAML file (DESIGN.md §7; example: `config/organisation.example.yml`),
validated at start-up so that the bot refuses a configuration that could misroute a report.
`load_organisation` turns every problem, from YAML syntax to a routing rule that would leave a
team without a recipient who is not a line manager, into one readable `OrganisationError`.

This module holds the whole `Organisation`, its lookups and the loader. The parts (teams,
contacts, routing rules, ...) are in `dialogs.organisation_parts` and the checks between them
in `dialogs.organisation_checks`; the names other modules use are exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import Field, ValidationError, field_validator, model_validator

from dialogs.organisation_checks import ConsistencyError, consistency_problems
from dialogs.organisation_parts import (
    CHANNELS,
    CHOICE_ORDER,
    Addresses,
    AftercareConfig,
    ConfigModel,
    Contact,
    Employer,
    EscalationStep,
    Identifier,
    Language,
    LocalizedText,
    NonEmptyStr,
    Referral,
    ReportKind,
    Role,
    RoutingRule,
    Severity,
    Team,
    WebDeskConfig,
    escalation_contacts,
    ladder_contacts,
    localized,
)
from nlu.facts_people import NAME_PARTICLES

__all__ = [
    "CHANNELS",
    "CHOICE_ORDER",
    "Addresses",
    "AftercareConfig",
    "Contact",
    "Employer",
    "EscalationStep",
    "Language",
    "LocalizedText",
    "Organisation",
    "OrganisationError",
    "Referral",
    "ReportKind",
    "Role",
    "RoutingRule",
    "Severity",
    "Team",
    "WebDeskConfig",
    "escalation_contacts",
    "ladder_contacts",
    "load_organisation",
    "localized",
    "parse_organisation",
]


class Organisation(ConfigModel):
    """The whole configuration of one organisation (DESIGN.md §7)."""

    id: Identifier
    name: NonEmptyStr
    timezone: str = "Europe/Amsterdam"
    teams: tuple[Team, ...]
    contacts: tuple[Contact, ...] = Field(min_length=1)
    routing: tuple[RoutingRule, ...]
    #: Contact ids alerted on acute danger (security, on-call); may be empty.
    acute_alert: tuple[Identifier, ...]
    acknowledge_within_hours: Annotated[int, Field(strict=True, ge=1, le=24 * 14)] = 24
    #: The steps of a case nobody picks up (empty: see `escalation_ladder`).
    escalation: tuple[EscalationStep, ...] = ()
    referrals: tuple[Referral, ...]
    aftercare: AftercareConfig = AftercareConfig()
    web: WebDeskConfig = WebDeskConfig()
    #: The employer's address for the police file (ELA: domiciliekeuze); optional.
    employer: Employer | None = None

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone '{value}' (use an IANA name such as Europe/Amsterdam)"
            ) from None
        return value

    @model_validator(mode="after")
    def _check_consistency(self) -> Self:
        problems = consistency_problems(self)
        if problems:
            raise ConsistencyError(problems)
        return self

    # -- queries ----------------------------------------------------------------------------

    @property
    def escalation_ladder(self) -> tuple[EscalationStep, ...]:
        """The configured escalation steps; without any, one step at the acknowledgement
        deadline to the backups and the team's aandachtsfunctionarissen, daily after."""
        if self.escalation:
            return self.escalation
        default = EscalationStep(
            after_hours=self.acknowledge_within_hours,
            to=("backups", Role.AANDACHTSFUNCTIONARIS.value),
            repeat_hours=24,
        )
        return (default,)

    def contact(self, contact_id: str) -> Contact:
        """The contact with `contact_id`; raises KeyError if there is none."""
        for contact in self.contacts:
            if contact.id == contact_id:
                return contact
        raise KeyError(contact_id)

    def team(self, team_id: str) -> Team:
        """The team with `team_id`; raises KeyError if there is none."""
        for team in self.teams:
            if team.id == team_id:
                return team
        raise KeyError(team_id)

    def contact_for_address(self, channel: str, address: str) -> Contact | None:
        """The contact reachable at `address` on `channel` (console, telegram or matrix).

        On matrix a user id matches before a room id. Raises ValueError for an unknown
        channel.
        """
        if channel == "console":
            return next((c for c in self.contacts if c.addresses.console == address), None)
        if channel == "telegram":
            try:
                chat_id = int(address)
            except ValueError:
                return None
            return next((c for c in self.contacts if c.addresses.telegram_chat_id == chat_id), None)
        if channel == "matrix":
            by_user = (c for c in self.contacts if c.addresses.matrix_user_id == address)
            by_room = (c for c in self.contacts if c.addresses.matrix_room_id == address)
            return next(by_user, None) or next(by_room, None)
        raise ValueError(f"unknown channel {channel!r}; expected one of {', '.join(CHANNELS)}")

    def roles_for_choice(self) -> list[Role]:
        """The roles a melder can choose as preferred aanspreekpunt, in display order."""
        present = {c.role for c in self.contacts}
        return [role for role in CHOICE_ORDER if role in present]

    def role_names(self, role: Role) -> tuple[str, ...]:
        """How a melder may name `role` by its people: each contact's full name, and the
        parts of it ("Anna", "Smit", "de Vries") that no contact of another role carries."""
        others = {part for c in self.contacts if c.role is not role for part in _name_parts(c.name)}
        names: list[str] = []
        for contact in (c for c in self.contacts if c.role is role):
            names.append(contact.name)
            names += [p for p in _name_parts(contact.name) if p not in others]
        return tuple(dict.fromkeys(names))

    def acute_alert_contacts(self) -> tuple[Contact, ...]:
        """The contacts alerted on acute danger, in configured order (may be empty)."""
        return tuple(self.contact(contact_id) for contact_id in self.acute_alert)

    def rule_roles(self, kind: ReportKind, team: str | None, severity: Severity) -> frozenset[Role]:
        """The roles the routing rules give for a report of `kind` from `team`."""
        return frozenset(
            role
            for rule in self.routing
            if rule.applies_to(kind, team, severity)
            for role in rule.roles
        )


# -- loading ----------------------------------------------------------------------------------


class OrganisationError(Exception):
    """The organisation configuration cannot be used; the message lists every problem."""

    def __init__(self, message: str, problems: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.problems: tuple[str, ...] = tuple(problems) or (message,)


class _StrictLoader(yaml.SafeLoader):
    """A safe loader that refuses duplicate keys instead of silently keeping the last."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    f"while constructing a mapping (first '{key}' at line "
                    f"{seen[key].start_mark.line + 1})",
                    node.start_mark,
                    f"found duplicate key '{key}'",
                    key_node.start_mark,
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


def load_organisation(path: Path) -> Organisation:
    """Read and validate the organisation configuration at `path`.

    Raises OrganisationError listing every problem: unreadable file, YAML syntax (with line
    and column), schema errors as dotted paths such as `contacts[2].role`, and consistency
    problems such as dangling references or routing gaps.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OrganisationError(f"{path}: cannot read the organisation file: {exc}") from exc
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise OrganisationError(_yaml_error_message(path, exc)) from exc
    except yaml.YAMLError as exc:
        raise OrganisationError(f"{path}: YAML error: {exc}") from exc
    finally:
        loader.dispose()
    return parse_organisation(data, source=str(path), node=node)


def parse_organisation(
    data: Any, source: str = "<organisation>", node: yaml.Node | None = None
) -> Organisation:
    """Validate already-parsed configuration data; raises OrganisationError like the loader.

    `node` is the YAML node tree of `data`, used to add line numbers to the messages.
    """
    if not isinstance(data, dict):
        kind = "empty" if data is None else f"a {type(data).__name__}"
        raise OrganisationError(
            f"{source}: the organisation file must be a mapping (id, name, teams, contacts, "
            f"routing, ...), but it is {kind}"
        )
    try:
        return Organisation.model_validate(data)
    except ValidationError as exc:
        problems, consistency_checked = _describe_validation_error(exc, data, node)
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    message = f"{source}: invalid organisation configuration ({count}):\n" + "\n".join(
        f"  - {problem}" for problem in problems
    )
    if not consistency_checked:
        message += (
            "\n(References between sections and the routing rules are checked once these "
            "problems are fixed.)"
        )
    raise OrganisationError(message, problems)


def _yaml_error_message(path: Path, exc: yaml.MarkedYAMLError) -> str:
    mark = exc.problem_mark or exc.context_mark
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    what = "; ".join(part for part in (exc.context, exc.problem) if part) or "invalid YAML"
    return f"{path}: YAML syntax error{where}: {what}"


def _describe_validation_error(
    exc: ValidationError, data: dict[str, Any], node: yaml.Node | None
) -> tuple[list[str], bool]:
    """One readable line per error, and whether the cross-section checks ran.

    Pydantic runs the Organisation-level checks only when every field validated, so schema
    errors and consistency problems never come together.
    """
    problems: list[str] = []
    consistency_checked = False
    for error in exc.errors():
        cause = (error.get("ctx") or {}).get("error")
        if isinstance(cause, ConsistencyError):
            problems.extend(cause.problems)
            consistency_checked = True
            continue
        loc = tuple(error["loc"])
        message = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
        notes: list[str] = []
        owner = _owner_id(loc, data)
        if owner is not None and f"'{owner}'" not in message:
            notes.append(f"{_NOUNS[str(loc[0])]} '{owner}'")
        line = _line_of(node, loc)
        if line is not None:
            notes.append(f"line {line}")
        where = (_dotted(loc) or "organisation") + (f" ({', '.join(notes)})" if notes else "")
        value = error.get("input")
        if error["type"] not in ("missing", "extra_forbidden") and isinstance(
            value, str | int | float | bool
        ):
            message += f" (got {value!r})"
        problems.append(f"{where}: {message}")
    return problems, consistency_checked


def _dotted(loc: Sequence[int | str]) -> str:
    """('contacts', 2, 'role') -> 'contacts[2].role'."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_NOUNS = {"teams": "team", "contacts": "contact", "referrals": "referral"}


def _owner_id(loc: Sequence[int | str], data: dict[str, Any]) -> str | None:
    """The id of the team/contact/referral an error location points into, if any."""
    if len(loc) >= 2 and loc[0] in _NOUNS and isinstance(loc[1], int):
        items = data.get(str(loc[0]))
        if isinstance(items, list) and 0 <= loc[1] < len(items) and isinstance(items[loc[1]], dict):
            owner = items[loc[1]].get("id")
            if isinstance(owner, str):
                return owner
    return None


def _line_of(node: yaml.Node | None, loc: Sequence[int | str]) -> int | None:
    """The 1-based YAML line of the deepest node on `loc` that exists."""
    line: int | None = None
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if getattr(k, "value", None) == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if 0 <= part < len(node.value) else None
        node = child
    if node is not None:
        line = node.start_mark.line + 1
    return line


_PARTICLES = frozenset(NAME_PARTICLES)


def _name_parts(name: str) -> list[str]:
    """The first name, the surname with and without its particles: "Anna de Vries" gives
    "anna", "de vries", "vries"."""
    words = name.lower().split()
    if len(words) < 2:
        return []
    first, rest = words[0], words[1:]
    bare = [w for w in rest if w not in _PARTICLES]
    parts = [first, " ".join(rest)]
    if bare:
        parts.append(" ".join(bare))
    return [p for p in dict.fromkeys(parts) if len(p) >= 3 and p not in _PARTICLES]
