"""Moving through flows: the next step, skipped steps, asking a question, the menu."""

from __future__ import annotations

import logging

from dialogs import reportflow, texts
from dialogs.care import safety_first
from dialogs.flow import (
    EXIT_MENU,
    EXIT_SUBMIT,
    FLOW_PREFIX,
    Audience,
    Flow,
    Offer,
    Option,
    Step,
    StepKind,
)
from dialogs.messages import Choice
from dialogs.turn import Turn

log = logging.getLogger(__name__)

#: The id of the option that takes a step's offered answer (see `Step.offer`).
USE_OFFER = "use_slot"
#: Short answers that take the offered answer ("Gebruik Lisa?" "ja").
_TAKE_OFFER = (
    "ja",
    "ja graag",
    "graag",
    "ja hoor",
    "klopt",
    "ja dat klopt",
    "dat klopt",
    "dat is het",
    "dat was het",
    "precies",
    "prima",
    "yes",
    "yes please",
    "yep",
    "yeah",
    "ok",
    "that's right",
    "thats right",
    "yes that's right",
    "yes thats right",
    "that's it",
    "thats it",
    "correct",
    # found in the terminal chat: "ja klopt" was held as a story too short
    "ja klopt",
    "klopt ja",
    "ja precies",
    "inderdaad",
    "ja inderdaad",
    "idd",
    "jep",
    "jup",
    "ja zo is het",
    "zo is het",
    "dat is alles",
    "ja dat is het",
    "zoals ik al zei",
    "wat ik al zei",
    "zoals ik zei",
    "yup",
    "exactly",
    "yes correct",
    "yeah thats it",
    "yeah that's it",
    "that's all",
    "thats all",
    "like i said",
    "as i said",
)


def advance(turn: Turn, target: str) -> None:
    """Go to a step of the current flow, or leave it (`@submit`, `@menu`, `@flow:`)."""
    assert turn.flow is not None
    if target == EXIT_SUBMIT:
        code = reportflow.submit(turn)
        enter_menu(turn, ask=False)
        turn.state.sent = code  # the menu offers its receipt
        assert turn.step is not None
        prompt(turn, turn.step)
        return
    if target == EXIT_MENU:
        enter_menu(turn)
        return
    if target.startswith(FLOW_PREFIX):
        start_flow(turn, turn.env.flows[target[len(FLOW_PREFIX) :]])
        return
    if turn.step is not None and turn.step.remembered:
        turn.state.history.append(turn.step.name)
    step = turn.flow.step(target)
    while _skips(turn, step):
        next_target = _skip_target(turn, step)
        if next_target.startswith("@"):
            advance(turn, next_target)
            return
        step = turn.flow.step(next_target)
    if step.review:
        turn.state.editing = False
    prompt(turn, step)


def _skips(turn: Turn, step: Step) -> bool:
    # An answer the melder already gave (confirmed from their story) is kept even where
    # the step would be skipped anyway: "niet naar mijn leidinggevende" stays on record.
    prefill = turn.state.prefill
    if step.slot is not None and step.slot in prefill:
        turn.slots[step.slot] = prefill.pop(step.slot)
        return True
    predicates = turn.env.registry.predicates
    if step.skip_when is not None and predicates[step.skip_when](turn):
        return True
    return turn.state.editing and step.slot in turn.slots


def _skip_target(turn: Turn, step: Step) -> str:
    value = turn.slots.get(step.slot or "")
    routed = step.next if not isinstance(step.next, str) else {}
    for option in step.options:
        if option.stored == value and option.id in routed:
            return step.target_for(option.id)
    return step.target_for(None)


def run_effects(turn: Turn, step: Step, option: Option | None, target: str) -> str:
    """Run the option's and the step's effects; where the conversation goes next."""
    effects = turn.env.registry.effects
    for name in (option.effect if option else None, step.effect):
        if name is not None:
            outcome = effects[name].run(turn)
            if outcome is not None:
                target = step.outcomes[outcome]
    return target


def start_flow(turn: Turn, flow: Flow) -> None:
    """Begin a flow; a report keeps what the first sentence already told."""
    state = turn.state
    prefill, opening, facts, troubled = state.prefill, state.opening, state.facts, state.troubled
    state.reset()
    if flow.kind is not None:
        state.prefill, state.opening, state.facts = prefill, opening, facts
        state.troubled = troubled
        # A new report starts without files: none left over from an addition let go of.
        turn.unit.discard_draft_evidence(turn.key)
    turn.flow, turn.step = flow, None
    advance(turn, flow.start)


def menu_flow(turn: Turn) -> Flow:
    """The start menu for whoever is writing: a contact's or a melder's."""
    audience = Audience.CONTACT if turn.contact else Audience.MELDER
    return next(f for f in turn.env.flows.values() if f.menu_for is audience)


def enter_menu(turn: Turn, *, ask: bool = True) -> None:
    """Leave whatever flow was going on for the start menu."""
    menu = menu_flow(turn)
    turn.state.reset()
    turn.flow, turn.step = menu, menu.step(menu.start)
    if ask:
        prompt(turn, turn.step)


def cancel(turn: Turn) -> None:
    """Stop a report: nothing is sent, the draft's evidence is deleted."""
    removed = turn.unit.discard_draft_evidence(turn.key)
    log.info("report stopped by melder; %d draft evidence item(s) discarded", removed)
    turn.say(turn.tr(texts.STOPPED))
    enter_menu(turn)


def edit(turn: Turn, step_name: str) -> None:
    """Ask one answered step again from the summary, then return to it (the summary
    itself: nothing is changed after all)."""
    assert turn.flow is not None
    step = turn.flow.step(step_name)
    turn.state.editing = not step.review
    turn.slots.pop("confirmed", None)
    prompt(turn, step)


def reprompt(turn: Turn) -> None:
    """Ask the open question again (or show the menu when there is none)."""
    if turn.flow is None or turn.step is None:
        enter_menu(turn)
    else:
        prompt(turn, turn.step)


def prompt(turn: Turn, step: Step, *, repeat: bool = False, again: bool = False) -> None:
    """Ask a step's question (and show what it renders, unless it is asked `again` right
    after it was shown: a misunderstood answer does not reprint a case or a summary)."""
    turn.step = step
    renderers = turn.env.registry.renderers
    if step.kind is StepKind.INFO:
        assert step.render is not None
        target = run_effects(turn, step, None, step.target_for(None))
        rendered = renderers[step.render](turn)
        if rendered:
            turn.say(rendered)
        advance(turn, target)
        return
    if safety_first(turn):
        return  # the story showed distress: "are you safe now?" comes first
    rendered = None
    # Asked again, a rendered text is not shown twice, unless it is part of the question.
    if step.render is not None and not repeat and (step.render_with_prompt or not again):
        rendered = renderers[step.render](turn)
        if rendered and not step.render_with_prompt:
            turn.say(rendered)
    choices = tuple(Choice(o.id, turn.tr(o.label)) for o in options(turn, step))
    question = turn.tr(texts.EVIDENCE_MORE if repeat else step.prompt, organisation=turn.org.name)
    if rendered and step.render_with_prompt:
        question = f"{rendered} {question}"
    turn.say(question, choices)


def options(turn: Turn, step: Step) -> tuple[Option, ...]:
    """The options a step offers now: its own (filtered), dynamic ones, an offered answer."""
    registry = turn.env.registry
    found = list(step.options)
    if step.options_filter is not None:
        found = list(registry.option_filters[step.options_filter](turn, tuple(found)))
    if step.options_from is not None:
        found = [*registry.option_sources[step.options_from](turn), *found]
    offered = offered_value(turn, step)
    if step.offer is not None and offered:
        label = turn.tr(texts.USE_SLOT_LABELS[step.offer.value], value=offered)
        found.insert(0, Option(USE_OFFER, label, synonyms=_TAKE_OFFER))
    return tuple(found)


#: A first sentence is offered as the story when it has at least this many words, and
#: tells a fact or has at least `STORY_OFFER_WORDS`.
OPENING_WORDS = 4
STORY_OFFER_WORDS = 8


def offered_value(turn: Turn, step: Step) -> str | None:
    """The answer a step offers: the first sentence, or the name the melder gave in their
    story, else the messenger's display name, which is read from the current message and
    never stored unless the melder chooses it (anonymous melders leave no name behind)."""
    if step.offer is Offer.PROFILE_NAME:
        told = turn.state.facts.get("reporter_name", {}).get("value")
        return str(told) if told else turn.incoming.display_name or None
    if step.offer is Offer.KEPT_WORDS:
        steps = turn.flow.steps if turn.flow is not None else ()
        kept = next((s.keeps_words for s in steps if s.keeps_words), None)
        said = turn.slots.get(kept) if kept else None
        return str(said) if said else None
    if step.offer is Offer.OPENING:
        # Not a bare wish to report ("ik wil agressie melden"): a sentence that tells
        # something (a fact read from it) or is long enough to be a story.
        opening = turn.state.opening
        words = len(opening.split()) if opening else 0
        tells = bool(turn.state.facts) or words >= STORY_OFFER_WORDS
        return opening if words >= OPENING_WORDS and tells else None
    return None
