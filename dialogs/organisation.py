"""Organisation configuration: teams, aanspreekpunten, routing rules, referrals, aftercare.

The configuration is a YAML file (DESIGN.md §7; example: `config/organisation.example.yml`),
validated at start-up so that the bot refuses a configuration that could misroute a report.
`load_organisation` turns every problem, from YAML syntax to a routing rule that would leave a
team without a recipient who is not a line manager, into one readable `OrganisationError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

__all__ = [
    "CHANNELS",
    "CHOICE_ORDER",
    "Addresses",
    "AftercareConfig",
    "Contact",
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
    "load_organisation",
    "localized",
    "parse_organisation",
]


class ReportKind(StrEnum):
    """The three report kinds of DESIGN.md §3.1."""

    ONLINE_THREAT = "online_threat"
    AGGRESSION = "aggression"
    NIET_PLUIS = "niet_pluis"


class Role(StrEnum):
    """The role of an aanspreekpunt. `security` only receives acute-danger alerts."""

    AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris"
    VERTROUWENSPERSOON = "vertrouwenspersoon"
    LEIDINGGEVENDE = "leidinggevende"
    MELDTEAM = "meldteam"
    SECURITY = "security"


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


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(_Frozen):
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


class Team(_Frozen):
    """A team or location a melder can belong to."""

    id: Identifier
    name: LocalizedText


class Addresses(_Frozen):
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


class Contact(_Frozen):
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
        """Security contacts only get acute-danger alerts, never reports."""
        return self.role is not Role.SECURITY


class RoutingRule(_Frozen):
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


class Referral(_Frozen):
    """An aftercare referral of the organisation (vertrouwenspersoon, bedrijfsarts, ...)."""

    id: Identifier
    name: LocalizedText
    description: LocalizedText
    phone: NonEmptyStr | None = None
    url: HttpUrl | None = None
    hours: LocalizedText | None = None


class AftercareConfig(_Frozen):
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


class _ConsistencyError(ValueError):
    """Several consistency problems found at once; each is a separate line."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


class Organisation(_Frozen):
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
    referrals: tuple[Referral, ...]
    aftercare: AftercareConfig = AftercareConfig()

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
        problems = [
            *self._duplicate_ids(),
            *self._dangling_references(),
            *self._duplicate_addresses(),
            *self._routing_problems(),
        ]
        if problems:
            raise _ConsistencyError(problems)
        return self

    # -- validation helpers ---------------------------------------------------------------

    def _duplicate_ids(self) -> Iterable[str]:
        for section, ids, noun in (
            ("teams", [t.id for t in self.teams], "team"),
            ("contacts", [c.id for c in self.contacts], "contact"),
            ("referrals", [r.id for r in self.referrals], "referral"),
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

    def _dangling_references(self) -> Iterable[str]:
        yield from self._contact_references()
        team_ids = {t.id for t in self.teams}
        for index, rule in enumerate(self.routing):
            for team in rule.teams:
                if team not in team_ids:
                    yield (
                        f"routing[{index}] ({rule.describe()}): team '{team}' "
                        "is not defined under teams"
                    )
        yield from self._alert_references()

    def _contact_references(self) -> Iterable[str]:
        team_ids = {t.id for t in self.teams}
        contacts = {c.id: c for c in self.contacts}
        for index, contact in enumerate(self.contacts):
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
                    f"{where}: backup '{contact.backup}' has role security, "
                    "which never receives reports"
                )

    def _alert_references(self) -> Iterable[str]:
        contacts = {c.id: c for c in self.contacts}
        callback = self.aftercare.callback_contact
        if callback is not None:
            if callback not in contacts:
                yield f"aftercare.callback_contact: '{callback}' is not a contact id"
            elif not contacts[callback].receives_reports:
                yield f"aftercare.callback_contact: '{callback}' has role security"
        seen: set[str] = set()
        for index, contact_id in enumerate(self.acute_alert):
            if contact_id not in contacts:
                yield f"acute_alert[{index}]: '{contact_id}' is not a contact id"
            elif contact_id in seen:
                yield f"acute_alert[{index}]: '{contact_id}' is listed twice"
            seen.add(contact_id)

    def _duplicate_addresses(self) -> Iterable[str]:
        for field in ("console", "telegram_chat_id", "matrix_user_id", "matrix_room_id"):
            owner: dict[object, str] = {}
            for index, contact in enumerate(self.contacts):
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

    def _routing_problems(self) -> Iterable[str]:
        if not any(
            c.role is Role.AANDACHTSFUNCTIONARIS and not c.line_manager for c in self.contacts
        ):
            yield (
                "contacts: there is no contact with role aandachtsfunctionaris and "
                "line_manager false; at least one is required because a line manager may "
                "be the perpetrator ('ook een leidinggevende kan zelf pleger zijn')"
            )
        for kind in ReportKind:
            if not any(rule.kind is kind for rule in self.routing):
                yield f"routing: no rule for report kind '{kind.value}'"
                continue
            # High-severity rules only add roles, so checking normal severity suffices.
            for team in [*(t.id for t in self.teams), None]:
                roles = self.rule_roles(kind, team, "normal")
                if any(
                    c.role in roles and c.receives_reports and not c.line_manager
                    for c in self.contacts
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

    # -- queries ----------------------------------------------------------------------------

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
        if isinstance(cause, _ConsistencyError):
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
