"""The words that work in every state: stop, later, back, menu, status, privacy, a language."""

from __future__ import annotations

from dialogs import chat_language, followtexts, texts
from dialogs.corrections import change_earlier, named_answer
from dialogs.flow import StepKind
from dialogs.navigation import (
    cancel,
    edit,
    enter_menu,
    prompt,
    reprompt,
    start_flow,
)
from dialogs.turn import Turn


def run_command(turn: Turn, command: str) -> None:
    """Carry out a global command (see `dialogs.matching.COMMANDS`)."""
    in_report = turn.flow is not None and turn.flow.kind is not None
    if command == "stop":
        if in_report:
            cancel(turn)
        elif turn.step is not None and turn.step.kind is StepKind.EVIDENCE:
            # Files sent to add to a report are not added: nothing reaches anyone.
            turn.unit.discard_draft_evidence(turn.key)
            turn.say(turn.tr(followtexts.ADDITION_DROPPED))
            enter_menu(turn)
        else:
            turn.say(turn.tr(texts.NOTHING_TO_STOP))
            enter_menu(turn)
    elif command == "later":
        if in_report:
            # The draft stays as it is (until the retention sweep resets it).
            turn.state.paused = True
            turn.say(turn.tr(texts.PAUSED, days=turn.env.config.draft_days))
        else:
            turn.say(turn.tr(texts.NOTHING_TO_PAUSE))
            enter_menu(turn)
    elif command == "back":
        _back(turn)
    elif command == "menu":
        if in_report and turn.flow is not None and turn.step is not None:
            turn.say(turn.tr(texts.IN_FLOW_MENU, flow=turn.tr(turn.flow.title)))
            prompt(turn, turn.step)
        else:
            turn.say(turn.tr(texts.HELP))
            enter_menu(turn)
    elif command in ("lang_en", "lang_nl"):
        # Asked for explicitly: the chat holds this language from now on.
        chat_language.switch(turn, command.removeprefix("lang_"), hold=True)
        turn.say(turn.tr(texts.LANGUAGE_SWITCHED))
        reprompt(turn)
    else:
        _open_flow(turn, command, in_report=in_report)


def _open_flow(turn: Turn, command: str, *, in_report: bool) -> None:
    """A command that opens a flow ('status', 'privacy'); in a report only its first
    screen is shown, and the report goes on."""
    flow = next((f for f in turn.env.flows.values() if f.command == command), None)
    if flow is None:
        turn.say(turn.tr(texts.UNKNOWN_COMMAND))
        reprompt(turn)
    elif in_report:
        render = flow.step(flow.start).render
        rendered = turn.env.registry.renderers[render](turn) if render else None
        if rendered:
            turn.say(rendered)
        reprompt(turn)
    else:
        start_flow(turn, flow)


def _back(turn: Turn) -> None:
    if turn.flow is None or turn.step is None or turn.flow.kind is None:
        reprompt(turn)
        return
    history = turn.state.history
    if change_earlier(turn, turn.incoming.text):
        return  # "the time is wrong, it was monday around 8 pm": taken, this question again
    named = named_answer(turn, turn.incoming.text)
    if named is not None and named is not turn.step:
        # "de datum klopt niet" two questions on: that question, then back to this one
        if turn.step.remembered and not turn.state.editing:
            history.append(turn.step.name)
        edit(turn, named.name)
        return
    if turn.state.editing or turn.step.picks_step:
        _back_from_change(turn)
        return
    if not turn.state.history:
        turn.say(turn.tr(texts.BACK_AT_START))
        prompt(turn, turn.step)
        return
    previous = turn.flow.step(turn.state.history.pop())
    turn.state.editing = False
    prompt(turn, previous)


def _back_from_change(turn: Turn) -> None:
    """'Back' while an answer is changed: to the question the change was asked from (one
    not answered yet), else to the summary it was asked from; answered questions stay
    skipped on the way."""
    assert turn.flow is not None
    assert turn.step is not None
    history, summary = turn.state.history, turn.flow.summary
    if history and _unanswered(turn, history[-1]):
        turn.state.editing = False  # back where the change was asked: on as before
        prompt(turn, turn.flow.step(history.pop()))
    elif summary is not None and (turn.step.picks_step or not _unanswered(turn, turn.step.name)):
        edit(turn, summary.name)
    elif history:
        prompt(turn, turn.flow.step(history.pop()))
    else:
        prompt(turn, turn.step)


def _unanswered(turn: Turn, step_name: str) -> bool:
    assert turn.flow is not None
    slot = turn.flow.step(step_name).slot
    return slot is not None and slot not in turn.slots
