"""Declarative conversation flows: steps as data, validated when a flow is built.

A flow is a state machine. Each `Step` asks one question and names where to go next;
targets starting with `@` leave the flow: `@submit` registers the report, `@menu`
returns to the main menu, `@flow:NAME` starts another flow. Conditions (`skip_when`),
dynamic option lists (`options_from`), effects and the rest are referred to by name, so
the flow stays data and the names are checked against the registries when it is built.

What sets a flow or step apart (a report, a menu, the story, the summary) is an
attribute here: the engine never tests a flow, step or slot name.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class StepKind(StrEnum):
    """What a step asks for."""

    CHOICE = "choice"  # pick one option (free text is matched against the options)
    TEXT = "text"  # free text in the melder's own words
    EVIDENCE = "evidence"  # files and links, until the melder is done
    INFO = "info"  # show something rendered by name, then continue


class Offer(StrEnum):
    """A ready answer a text step offers as its first option."""

    OPENING = "opening"  # the melder's first sentence, which started the report
    KEPT_WORDS = "kept_words"  # the words an earlier choice was typed in (`keeps_words`)
    PROFILE_NAME = "profile_name"  # the messenger's display name (never stored unasked)


class Audience(StrEnum):
    """Who a start menu is for."""

    MELDER = "melder"
    CONTACT = "contact"


class Resume(StrEnum):
    """What opening the chat again does when the conversation is in this flow."""

    MENU = "menu"  # greet and show the menu
    WELCOME_BACK = "welcome_back"  # say where they were, ask the question again
    ASK_AGAIN = "ask_again"  # ask the open question again, nothing else


class FlowError(ValueError):
    """A flow definition is inconsistent; raised when the flow is built."""


@dataclass(frozen=True)
class Option:
    """One answer of a choice step.

    `value` is stored in the step's slot (default: the id). `intents` are NLU intents that
    select this option when typed as free text; `synonyms` are extra words that match.
    `reply` is said right after the choice; `clears` empties slots that no longer apply;
    `effect` names an action the engine performs when this option is chosen; `cancels`
    stops the report without sending anything; `quiet` asks the step again after the
    effect without showing its view again (a file was sent; nothing in the view changed).
    """

    id: str
    label: str
    value: str | int | bool | None = None
    intents: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    reply: str | None = None
    clears: tuple[str, ...] = ()
    effect: str | None = None
    cancels: bool = False
    quiet: bool = False

    @property
    def stored(self) -> str | int | bool:
        """The value that goes into the slot."""
        return self.id if self.value is None else self.value


@dataclass(frozen=True)
class Step:
    """One question of a flow.

    `outcomes` maps what an effect of this step (or of its options) may report to where
    the conversation goes then; without an outcome it goes to `next`. `story` marks the
    melder's own account of what happened (violence in the past tense is expected there);
    `review` a step where the melder checks answers (the summary; what was understood from
    the story), which stores no report field; `picks_step` a step whose options name the
    step to answer again. `entity` is the NLU entity that answers the step, `rule` a
    named rule that decides a typed answer before the classifier, and `on_unknown` a
    named check for an answer that is not among the options (a guessed case code);
    `doubt` a named check of an answer in words (no day or time at 'when'): an answer it
    doubts is confirmed with the melder before it is stored. A `verbatim` step's text goes
    to another person as written (a question to the melder, a note): it is never taken as
    a question to the bot, distress or a reference to earlier words.
    `busy` keeps a scheduled check-in from interrupting this step of an idle flow.
    `takes_words` names a check (like `on_unknown`) that may take typed words which pick
    no option as a message in their own right (the answer to an open question), before
    they are read as anything else; at a start menu it reads typed words before the
    options do ("ik wil nog wat toevoegen aan mijn melding" is about a sent report).
    `render_with_prompt` says what the renderer gives and the question in one message
    ("I have understood: ... Is that right?"). At a `careful` step an option that cannot
    be undone (one with an effect, or that cancels) is taken from typed words only when
    nothing in them speaks against it ("eh wacht, nee dat wil ik niet"); else it is asked
    back. `keeps_words` names a slot that keeps the words a choice was typed in when they
    tell more than the choice ("2, slaap nog slecht"), for a later step to offer.
    """

    name: str
    kind: StepKind
    prompt: str
    next: str | Mapping[str, str]
    slot: str | None = None
    options: tuple[Option, ...] = ()
    options_from: str | None = None
    options_filter: str | None = None
    effect: str | None = None
    outcomes: Mapping[str, str] = field(default_factory=dict)
    free_text_slot: str | None = None
    skip_when: str | None = None
    offer: Offer | None = None
    render: str | None = None
    min_length: int = 1
    max_length: int = 4000
    summary_label: str | None = None
    story: bool = False
    review: bool = False
    picks_step: bool = False
    entity: str | None = None
    rule: str | None = None
    on_unknown: str | None = None
    takes_words: str | None = None
    doubt: str | None = None
    verbatim: bool = False
    busy: bool = False
    render_with_prompt: bool = False
    careful: bool = False
    keeps_words: str | None = None

    def targets(self) -> tuple[str, ...]:
        """Every step or exit this step can lead to."""
        found = [self.next] if isinstance(self.next, str) else list(self.next.values())
        return tuple(dict.fromkeys([*found, *self.outcomes.values()]))

    @property
    def sends(self) -> bool:
        """Whether an answer here sends the report (the summary to check)."""
        return EXIT_SUBMIT in self.targets()

    def target_for(self, option_id: str | None) -> str:
        """Where to go after this step, given the chosen option (if any)."""
        if isinstance(self.next, str):
            return self.next
        if option_id is not None and option_id in self.next:
            return self.next[option_id]
        return self.next["*"]

    def effects(self) -> tuple[str, ...]:
        """The effects this step and its options may run."""
        named = [o.effect for o in self.options] + [self.effect]
        return tuple(dict.fromkeys(e for e in named if e is not None))

    @property
    def remembered(self) -> bool:
        """Whether 'back' can return to this step (the summary and its editor are not)."""
        return not (self.review or self.picks_step)


EXIT_SUBMIT = "@submit"
EXIT_MENU = "@menu"
FLOW_PREFIX = "@flow:"


@dataclass(frozen=True)
class Known:
    """The names a flow may refer to, from the registries (effects with their outcomes)."""

    flows: frozenset[str]
    fields: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()
    option_sources: frozenset[str] = frozenset()
    option_filters: frozenset[str] = frozenset()
    renderers: frozenset[str] = frozenset()
    effects: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    rules: frozenset[str] = frozenset()
    unknown_checks: frozenset[str] = frozenset()
    doubts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Flow:
    """A named, validated state machine of steps.

    `kind` is the report kind a flow registers on `@submit` (None: not a report);
    `menu_for` makes it the start menu of melders or contacts, where a free sentence
    starts a flow; `idle` flows may be interrupted by a scheduled check-in; `command`
    is the word that opens the flow from anywhere; `timer` the kind of stored timer
    that starts it; `announce` is said when a free sentence starts it. `ongoing_urgent`:
    whether "it is still going on", where a question offers that answer, means danger now
    (a fight), or may only be that answer (online threats that go on).
    """

    name: str
    title: str
    start: str
    steps: tuple[Step, ...]
    kind: str | None = None
    menu_for: Audience | None = None
    idle: bool = False
    resume: Resume = Resume.MENU
    command: str | None = None
    timer: str | None = None
    announce: str | None = None
    casework: bool = False
    ongoing_urgent: bool = True
    by_name: Mapping[str, Step] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {s.name: s for s in self.steps})

    def step(self, name: str) -> Step:
        """The step with this name (KeyError if the flow has none)."""
        return self.by_name[name]

    @property
    def story_slot(self) -> str | None:
        """The slot of the step that asks for the story in the melder's own words."""
        return next((s.slot for s in self.steps if s.story and s.slot), None)

    @property
    def summary(self) -> Step | None:
        """The step where the melder checks a report and may change an answer, if any."""
        pickers = {s.name for s in self.steps if s.picks_step}
        return next(
            (s for s in self.steps if s.review and any(t in pickers for t in s.targets())), None
        )

    def validate(self, known: Known) -> None:
        """Check the flow is a sound state machine; raise FlowError listing every problem."""
        problems = _structure_problems(self)
        for step in self.steps:
            problems.extend(_step_problems(step, self, known))
        if not problems:
            problems.extend(_reachability_problems(self))
        if problems:
            raise FlowError(f"flow {self.name!r}: " + "; ".join(problems))


def _structure_problems(flow: Flow) -> list[str]:
    names = [s.name for s in flow.steps]
    problems = [f"step {dup!r} is defined twice" for dup in sorted(_twice(names))]
    if flow.start not in flow.by_name:
        problems.append(f"start step {flow.start!r} does not exist")
    return problems


def _twice(items: list[str]) -> set[str]:
    return {i for i in items if items.count(i) > 1}


def _step_problems(step: Step, flow: Flow, known: Known) -> list[str]:
    where = f"step {step.name!r}"
    problems = [f"{where} {p}" for p in _target_problems(step, flow, known)]
    problems += [f"{where} {p}" for p in _answer_problems(step)]
    problems += [f"{where} {p}" for p in _name_problems(step, known)]
    problems += [f"{where} {p}" for p in _outcome_problems(step, known)]
    if flow.kind is not None and _stores_a_field(step) and step.slot not in known.fields:
        problems.append(f"{where} fills {step.slot!r}, which is no report field")
    return problems


def _stores_a_field(step: Step) -> bool:
    """Whether a report step's answer becomes part of the report (not navigation)."""
    kinds = (StepKind.CHOICE, StepKind.TEXT)
    return step.kind in kinds and not (step.review or step.picks_step)


def _target_problems(step: Step, flow: Flow, known: Known) -> list[str]:
    problems: list[str] = []
    for target in step.targets():
        if target.startswith(FLOW_PREFIX):
            if target[len(FLOW_PREFIX) :] not in known.flows:
                problems.append(f"starts unknown flow {target!r}")
        elif target.startswith("@"):
            if target not in (EXIT_SUBMIT, EXIT_MENU):
                problems.append(f"goes to unknown exit {target!r}")
        elif target not in flow.by_name:
            problems.append(f"goes to unknown step {target!r}")
    if EXIT_SUBMIT in step.targets() and flow.kind is None:
        problems.append("submits a report from a flow that is no report")
    if not isinstance(step.next, str):
        option_ids = {o.id for o in step.options}
        if "*" not in step.next and (step.options_from or set(step.next) != option_ids):
            problems.append("has no '*' target for every possible answer")
        problems += [
            f"routes unknown option {k!r}" for k in step.next if k not in {"*"} | option_ids
        ]
    return problems


def _answer_problems(step: Step) -> list[str]:
    problems = [
        f"has option id {dup!r} twice" for dup in sorted(_twice([o.id for o in step.options]))
    ]
    if step.kind is StepKind.CHOICE and not step.options and not step.options_from:
        problems.append("is a choice without options")
    if step.kind in (StepKind.CHOICE, StepKind.TEXT) and step.slot is None:
        problems.append("stores its answer nowhere (no slot)")
    if step.kind is StepKind.INFO and step.render is None:
        problems.append("is an info step without a renderer")
    if step.min_length > step.max_length:
        problems.append("has min_length above max_length")
    return problems


def _name_problems(step: Step, known: Known) -> list[str]:
    named = (
        ("condition", step.skip_when, known.predicates),
        ("option list", step.options_from, known.option_sources),
        ("option filter", step.options_filter, known.option_filters),
        ("renderer", step.render, known.renderers),
        ("rule", step.rule, known.rules),
        ("check", step.on_unknown, known.unknown_checks),
        ("check", step.takes_words, known.unknown_checks),
        ("doubt", step.doubt, known.doubts),
        *(("effect", effect, frozenset(known.effects)) for effect in step.effects()),
    )
    return [
        f"uses unknown {what} {name!r}" for what, name, names in named if name and name not in names
    ]


def _outcome_problems(step: Step, known: Known) -> list[str]:
    """Every outcome an effect may report has a target, and no target waits for nothing."""
    possible = {o for e in step.effects() for o in known.effects.get(e, ())}
    problems = [f"has no target for outcome {o!r}" for o in sorted(possible - set(step.outcomes))]
    problems += [
        f"maps outcome {o!r} no effect reports" for o in sorted(set(step.outcomes) - possible)
    ]
    return problems


def _reachability_problems(flow: Flow) -> list[str]:
    reachable: set[str] = set()
    todo = [flow.start]
    while todo:
        name = todo.pop()
        if name in reachable:
            continue
        reachable.add(name)
        todo.extend(t for t in flow.by_name[name].targets() if not t.startswith("@"))
    problems = [f"step {n!r} cannot be reached" for n in flow.by_name if n not in reachable]
    # Every step must be able to leave the flow, or a melder could be stuck forever.
    can_exit: set[str] = set()
    changed = True
    while changed:
        changed = False
        for step in flow.steps:
            if step.name not in can_exit and any(
                t.startswith("@") or t in can_exit for t in step.targets()
            ):
                can_exit.add(step.name)
                changed = True
    problems.extend(
        f"step {n!r} never leads out of the flow" for n in flow.by_name if n not in can_exit
    )
    return problems
