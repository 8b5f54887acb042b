"""One message being handled (`Turn`), what it can reach, and the registries flows name.

Flows refer to conditions, option lists, renderers and effects by name; the functions
behind the names take the `Turn` and live beside the domain they belong to (cases,
aftercare, privacy, reports). This module imports none of them, so nothing imports
the engine back.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from dialogs.fields import FIELDS, Fields
from dialogs.flow import Flow, Known, Option, Step
from dialogs.i18n import Translator
from dialogs.messages import MAX_ATTACHMENT_BYTES, Choice, Incoming, Outgoing, OutgoingFile
from dialogs.organisation import Contact, Organisation
from dialogs.state import ConversationState
from nlu.danger import Thresholds
from nlu.interpreter import ParseResult
from storage.repository import Unit


@dataclass(frozen=True)
class EngineConfig:
    """Tunables of the engine (see bot.settings for the ZV_* names)."""

    nlu_threshold: float = 0.5
    acute_threshold: float = 0.5
    acute_story_threshold: float = Thresholds.story
    max_text: int = 4000
    max_attachment_bytes: int = MAX_ATTACHMENT_BYTES
    acute_alert_interval: timedelta = timedelta(minutes=10)
    #: How long after an alert "het is voorbij" or "false alarm" sends security an all-clear.
    acute_all_clear_window: timedelta = timedelta(hours=6)
    #: A message clearly in the other language switches the chat from this many words.
    language_switch_words: int = 4
    rate_limit: int = 20
    rate_window: timedelta = timedelta(minutes=1)
    retention_months: int = 12
    #: Days an unfinished report is kept (bot.settings: draft_retention_days).
    draft_days: int = 30

    @property
    def danger_thresholds(self) -> Thresholds:
        """The classifier's acute-danger thresholds for `nlu.danger.decide`."""
        return Thresholds(self.acute_threshold, self.acute_story_threshold)


@dataclass(frozen=True)
class Environment:
    """What every turn can reach: the organisation, tunables, flows and registries."""

    org: Organisation
    config: EngineConfig
    flows: Mapping[str, Flow]
    registry: Registry
    fields: Fields = FIELDS


@dataclass
class Turn:
    """Everything about the message being handled; discarded after the reply."""

    incoming: Incoming
    unit: Unit
    key: str
    tr: Translator
    contact: Contact | None
    flow: Flow | None
    step: Step | None
    state: ConversationState
    env: Environment
    out: list[Outgoing] = field(default_factory=list)
    parse: ParseResult | None = None
    forget: bool = False
    notice: str | None = None
    #: The words gave two options as alternatives ("balie of afdeling"): the guess made
    #: of them is asked back, never settled by a likelier reading.
    torn: bool = False

    @property
    def slots(self) -> dict[str, Any]:
        """Answers given so far in the current flow."""
        return self.state.slots

    @property
    def org(self) -> Organisation:
        """The organisation the bot serves."""
        return self.env.org

    @property
    def actor(self) -> str:
        """Who the audit log names for this message: an aanspreekpunt by id, a melder as
        'reporter' (never who they are)."""
        return self.contact.id if self.contact is not None else "reporter"

    def say(
        self, text: str, choices: tuple[Choice, ...] = (), files: tuple[OutgoingFile, ...] = ()
    ) -> None:
        """Queue a message for the sender."""
        self.out.append(Outgoing(text=text, choices=choices, files=files))


Predicate = Callable[[Turn], bool]
OptionFilter = Callable[[Turn, tuple[Option, ...]], tuple[Option, ...]]
OptionSource = Callable[[Turn], tuple[Option, ...]]
Renderer = Callable[[Turn], str | None]
#: Decides a typed answer before the classifier: an option id, or None to let it pass.
Rule = Callable[[str], str | None]
#: Handles an answer that is not among the options (the text, or None for a forged
#: button); returns whether it answered the melder itself.
UnknownCheck = Callable[[Turn, str | None], bool]
#: Why an answer in words may not be what the question asked (a msgid), or None: fine.
Doubt = Callable[[Turn, str], str | None]


@dataclass(frozen=True)
class Effect:
    """An action a step performs, and the outcomes it may report besides going on.

    `run` returns None to follow the step's `next`, or one of `outcomes`, which the
    step maps to a target (checked when the flow is built, drawn in its diagram).
    """

    run: Callable[[Turn], str | None]
    outcomes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Registry:
    """The named functions flows refer to."""

    predicates: Mapping[str, Predicate] = field(default_factory=dict)
    option_sources: Mapping[str, OptionSource] = field(default_factory=dict)
    option_filters: Mapping[str, OptionFilter] = field(default_factory=dict)
    renderers: Mapping[str, Renderer] = field(default_factory=dict)
    effects: Mapping[str, Effect] = field(default_factory=dict)
    rules: Mapping[str, Rule] = field(default_factory=dict)
    unknown_checks: Mapping[str, UnknownCheck] = field(default_factory=dict)
    doubts: Mapping[str, Doubt] = field(default_factory=dict)

    def joined(self, other: Registry) -> Registry:
        """Both registries in one; a name defined twice is an error."""
        parts: dict[str, dict[str, Any]] = {}
        for part in (
            "predicates",
            "option_sources",
            "option_filters",
            "renderers",
            "effects",
            "rules",
            "unknown_checks",
            "doubts",
        ):
            mine, theirs = getattr(self, part), getattr(other, part)
            if twice := set(mine) & set(theirs):
                raise ValueError(f"{part} defined twice: {sorted(twice)}")
            parts[part] = {**mine, **theirs}
        return Registry(**parts)

    def known(self, flows: frozenset[str], fields: Fields = FIELDS) -> Known:
        """The names flows may use, for `Flow.validate`."""
        return Known(
            flows=flows,
            fields=frozenset(f.name for f in fields),
            predicates=frozenset(self.predicates),
            option_sources=frozenset(self.option_sources),
            option_filters=frozenset(self.option_filters),
            renderers=frozenset(self.renderers),
            effects={name: e.outcomes for name, e in self.effects.items()},
            rules=frozenset(self.rules),
            unknown_checks=frozenset(self.unknown_checks),
            doubts=frozenset(self.doubts),
        )
