"""Declarative conversation flows: steps as data, validated when a flow is built.

A flow is a state machine. Each `Step` asks one question and names where to go next;
targets starting with `@` leave the flow: `@submit` registers the report, `@menu`
returns to the main menu, `@flow:NAME` starts another flow. Conditions (`skip_when`) and
dynamic option lists (`options_from`) are referred to by name, so the flow stays data
and the names are checked against the engine's registries at build time.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class StepKind(StrEnum):
    """What a step asks for."""

    CHOICE = "choice"  # pick one option (free text is matched against the options)
    TEXT = "text"  # free text in the melder's own words
    EVIDENCE = "evidence"  # files and links, until the melder is done
    INFO = "info"  # show something rendered by name, then continue


class FlowError(ValueError):
    """A flow definition is inconsistent; raised when the flow is built."""


@dataclass(frozen=True)
class Option:
    """One answer of a choice step.

    `value` is stored in the step's slot (default: the id). `intents` are NLU intents that
    select this option when typed as free text; `synonyms` are extra words that match.
    `reply` is said right after the choice; `clears` empties slots that no longer apply;
    `effect` names an action the engine performs when this option is chosen.
    """

    id: str
    label: str
    value: str | int | bool | None = None
    intents: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    reply: str | None = None
    clears: tuple[str, ...] = ()
    effect: str | None = None

    @property
    def stored(self) -> str | int | bool:
        """The value that goes into the slot."""
        return self.id if self.value is None else self.value


@dataclass(frozen=True)
class Step:
    """One question of a flow."""

    name: str
    kind: StepKind
    prompt: str
    next: str | Mapping[str, str]
    slot: str | None = None
    options: tuple[Option, ...] = ()
    options_from: str | None = None
    options_filter: str | None = None
    effect: str | None = None
    free_text_slot: str | None = None
    skip_when: str | None = None
    use_slot_option: str | None = None
    render: str | None = None
    min_length: int = 1
    max_length: int = 4000
    summary_label: str | None = None

    def targets(self) -> tuple[str, ...]:
        """Every step or exit this step can lead to."""
        if isinstance(self.next, str):
            return (self.next,)
        return tuple(dict.fromkeys(self.next.values()))

    def target_for(self, option_id: str | None) -> str:
        """Where to go after this step, given the chosen option (if any)."""
        if isinstance(self.next, str):
            return self.next
        if option_id is not None and option_id in self.next:
            return self.next[option_id]
        return self.next["*"]


EXIT_SUBMIT = "@submit"
EXIT_MENU = "@menu"
FLOW_PREFIX = "@flow:"


@dataclass(frozen=True)
class Flow:
    """A named, validated state machine of steps."""

    name: str
    title: str
    start: str
    steps: tuple[Step, ...]
    by_name: Mapping[str, Step] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {s.name: s for s in self.steps})

    def step(self, name: str) -> Step:
        """The step with this name (KeyError if the flow has none)."""
        return self.by_name[name]

    def validate(
        self,
        *,
        predicates: Iterable[str],
        option_sources: Iterable[str],
        renderers: Iterable[str],
        flows: Iterable[str],
        effects: Iterable[str] = (),
        option_filters: Iterable[str] = (),
    ) -> None:
        """Check the flow is a sound state machine; raise FlowError listing every problem."""
        known_predicates, known_sources = set(predicates), set(option_sources)
        known_renderers, known_flows = set(renderers), set(flows)
        known_effects, known_filters = set(effects), set(option_filters)
        problems: list[str] = []
        names = [s.name for s in self.steps]
        for dup in sorted({n for n in names if names.count(n) > 1}):
            problems.append(f"step {dup!r} is defined twice")
        if self.start not in self.by_name:
            problems.append(f"start step {self.start!r} does not exist")
        for step in self.steps:
            where = f"step {step.name!r}"
            for target in step.targets():
                if target.startswith(FLOW_PREFIX):
                    if target[len(FLOW_PREFIX) :] not in known_flows:
                        problems.append(f"{where} starts unknown flow {target!r}")
                elif target.startswith("@"):
                    if target not in (EXIT_SUBMIT, EXIT_MENU):
                        problems.append(f"{where} goes to unknown exit {target!r}")
                elif target not in self.by_name:
                    problems.append(f"{where} goes to unknown step {target!r}")
            if not isinstance(step.next, str):
                option_ids = {o.id for o in step.options}
                if "*" not in step.next and (step.options_from or set(step.next) != option_ids):
                    problems.append(f"{where} has no '*' target for every possible answer")
                for key in step.next:
                    if key != "*" and key not in option_ids:
                        problems.append(f"{where} routes unknown option {key!r}")
            ids = [o.id for o in step.options]
            for dup in sorted({i for i in ids if ids.count(i) > 1}):
                problems.append(f"{where} has option id {dup!r} twice")
            if step.kind is StepKind.CHOICE and not step.options and not step.options_from:
                problems.append(f"{where} is a choice without options")
            if step.kind in (StepKind.CHOICE, StepKind.TEXT) and step.slot is None:
                problems.append(f"{where} stores its answer nowhere (no slot)")
            if step.skip_when is not None and step.skip_when not in known_predicates:
                problems.append(f"{where} uses unknown condition {step.skip_when!r}")
            if step.options_from is not None and step.options_from not in known_sources:
                problems.append(f"{where} uses unknown option list {step.options_from!r}")
            if step.effect is not None and step.effect not in known_effects:
                problems.append(f"{where} uses unknown effect {step.effect!r}")
            for option in step.options:
                if option.effect is not None and option.effect not in known_effects:
                    problems.append(f"{where} option {option.id!r} uses unknown effect")
            if step.options_filter is not None and step.options_filter not in known_filters:
                problems.append(f"{where} uses unknown option filter {step.options_filter!r}")
            if step.render is not None and step.render not in known_renderers:
                problems.append(f"{where} uses unknown renderer {step.render!r}")
            if step.kind is StepKind.INFO and step.render is None:
                problems.append(f"{where} is an info step without a renderer")
            if step.min_length > step.max_length:
                problems.append(f"{where} has min_length above max_length")
        if not problems:
            problems.extend(self._reachability_problems())
        if problems:
            raise FlowError(f"flow {self.name!r}: " + "; ".join(problems))

    def _reachability_problems(self) -> list[str]:
        reachable: set[str] = set()
        todo = [self.start]
        while todo:
            name = todo.pop()
            if name in reachable:
                continue
            reachable.add(name)
            todo.extend(t for t in self.by_name[name].targets() if not t.startswith("@"))
        problems = [f"step {n!r} cannot be reached" for n in self.by_name if n not in reachable]
        # Every step must be able to leave the flow, or a melder could be stuck forever.
        can_exit: set[str] = set()
        changed = True
        while changed:
            changed = False
            for step in self.steps:
                if step.name in can_exit:
                    continue
                if any(t.startswith("@") or t in can_exit for t in step.targets()):
                    can_exit.add(step.name)
                    changed = True
        problems.extend(
            f"step {n!r} never leads out of the flow" for n in self.by_name if n not in can_exit
        )
        return problems

    def mermaid(self) -> str:
        """The flow as a Mermaid state diagram (kept beside the code in dialogs/diagrams)."""
        lines = ["stateDiagram-v2", f"    [*] --> {self.start}"]
        for step in self.steps:
            note = f"{step.kind.value}"
            if step.slot:
                note += f" → {step.slot}"
            if step.skip_when:
                note += f" (skipped when {step.skip_when})"
            if step.effect:
                note += f" ⇒ {step.effect}"
            lines.append(f"    {step.name}: {step.name}<br/><small>{note}</small>")
        for step in self.steps:
            if isinstance(step.next, str):
                edges = [(step.next, "")]
            else:
                grouped: dict[str, list[str]] = {}
                for option, target in step.next.items():
                    grouped.setdefault(target, []).append("other" if option == "*" else option)
                edges = [(t, ", ".join(opts)) for t, opts in grouped.items()]
            for target, label in edges:
                node = _mermaid_node(target)
                lines.append(f"    {step.name} --> {node}" + (f": {label}" if label else ""))
        return "\n".join(lines) + "\n"


def _mermaid_node(target: str) -> str:
    if target == EXIT_SUBMIT:
        return "submitted"
    if target == EXIT_MENU:
        return "[*]"
    if target.startswith(FLOW_PREFIX):
        return "flow_" + target[len(FLOW_PREFIX) :]
    return target
