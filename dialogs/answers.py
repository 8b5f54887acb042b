"""How the open step takes an answer: a button, a number, words, a file or a link."""

from __future__ import annotations

from dialogs import render, texts
from dialogs.flow import FLOW_PREFIX, Option, Step, StepKind
from dialogs.matching import find_urls, looks_like_path, match_option
from dialogs.navigation import (
    USE_OFFER,
    advance,
    cancel,
    edit,
    offered_value,
    options,
    prompt,
    run_effects,
)
from dialogs.nlu_review import record_low_confidence
from dialogs.storyfacts import read_opening
from dialogs.turn import Turn


def answer(turn: Turn, text: str) -> None:
    """Let the open step take this message."""
    assert turn.flow is not None
    assert turn.step is not None
    step = turn.step
    if (turn.incoming.attachments or turn.incoming.unreadable) and step.kind is not (
        StepKind.EVIDENCE
    ):
        turn.say(turn.tr(texts.FILES_ONLY_AT_EVIDENCE))
        prompt(turn, step)
    elif step.kind is StepKind.CHOICE and turn.flow.menu_for is not None:
        _answer_menu(turn, step, text)
    elif step.kind is StepKind.CHOICE:
        _answer_choice(turn, step, text)
    elif step.kind is StepKind.TEXT:
        _answer_text(turn, step, text)
    elif step.kind is StepKind.EVIDENCE:
        _answer_evidence(turn, step, text)
    else:
        advance(turn, step.target_for(None))


# -- choosing an option -------------------------------------------------------------------


def pick(turn: Turn, step: Step, text: str) -> Option | None:
    """The option the melder chose by button, number, words, rule, entity or intent."""
    offered = options(turn, step)
    if turn.incoming.choice is not None:
        return _pressed(turn, step, offered, turn.incoming.choice)
    if not text:
        return None
    labels = [turn.tr(o.label) for o in offered]
    found = match_option(text, offered, labels, numbers=True)
    if found.option is not None:
        return found.option
    if found.out_of_range:
        turn.notice = turn.tr(texts.NUMBER_OUT_OF_RANGE, n=len(offered))
        return None
    return _understood(turn, step, offered, text)


def _pressed(turn: Turn, step: Step, offered: tuple[Option, ...], choice: str) -> Option | None:
    picked = next((o for o in offered if o.id == choice), None)
    if picked is None:
        turn.say(turn.tr(texts.STALE_BUTTON))
        if step.on_unknown is not None:  # a forged button may be an access attempt
            turn.env.registry.unknown_checks[step.on_unknown](turn, None)
    return picked


def _understood(turn: Turn, step: Step, offered: tuple[Option, ...], text: str) -> Option | None:
    """An option chosen in other words: a deciding rule, an entity, then the intent."""
    by_id = {o.id: o for o in offered}
    if step.rule is not None:
        decided = turn.env.registry.rules[step.rule](text)
        if decided is not None and decided in by_id:
            return by_id[decided]
    parse = turn.parse
    if parse is None:
        return None
    if step.entity is not None:
        value = parse.entity_value(step.entity)
        if value is not None and value in by_id:
            return by_id[value]
    if parse.intent.confidence >= turn.env.config.nlu_threshold:
        for option in offered:
            if parse.intent.name in option.intents:
                return option
    return None


def _answer_choice(turn: Turn, step: Step, text: str) -> None:
    option = pick(turn, step, text)
    notice, turn.notice = turn.notice, None
    if option is not None:
        choose(turn, step, option)
    elif notice:
        turn.say(notice)
        prompt(turn, step)
    elif turn.incoming.choice is None and text and step.free_text_slot:
        _store_own_words(turn, step, text)
    else:
        if turn.incoming.choice is None:
            checked = step.on_unknown is not None and turn.env.registry.unknown_checks[
                step.on_unknown
            ](turn, text)
            if not checked:
                turn.say(turn.tr(texts.NOT_UNDERSTOOD_CHOICE))
        prompt(turn, step)


def _store_own_words(turn: Turn, step: Step, text: str) -> None:
    """A choice answered in the melder's own words: 'other', with the words kept."""
    assert step.slot is not None
    assert step.free_text_slot is not None
    if len(text) > step.max_length:
        turn.say(turn.tr(texts.TEXT_TOO_LONG, limit=step.max_length))
        prompt(turn, step)
        return
    turn.slots[step.slot] = "other"
    turn.slots[step.free_text_slot] = text
    advance(turn, run_effects(turn, step, None, step.target_for(None)))


def choose(turn: Turn, step: Step, option: Option) -> None:
    """Store the chosen option and go where it leads."""
    assert step.slot is not None
    if step.picks_step:
        edit(turn, option.id)
        return
    turn.slots[step.slot] = option.stored
    if step.free_text_slot:
        turn.slots.pop(step.free_text_slot, None)
    for slot in option.clears:
        turn.slots.pop(slot, None)
    if option.reply:
        turn.say(turn.tr(option.reply))
    if option.cancels:
        cancel(turn)
        return
    advance(turn, run_effects(turn, step, option, step.target_for(option.id)))


# -- the start menu -----------------------------------------------------------------------


def _answer_menu(turn: Turn, step: Step, text: str) -> None:
    option = pick(turn, step, text)
    if option is not None:
        target = step.target_for(option.id)
        if turn.incoming.choice is None and turn.parse is not None and text:
            _start_from_text(turn, target)
        advance(turn, target)
        return
    if turn.incoming.choice is None and not _answer_small_talk(turn, text):
        return  # a goodbye is not followed by the menu again
    prompt(turn, step)


def _answer_small_talk(turn: Turn, text: str) -> bool:
    """A sentence that chose nothing in the menu: help, small talk, or 'not sure'.

    Returns whether the menu's question should follow.
    """
    parse = turn.parse
    notice, turn.notice = turn.notice, None
    if notice:
        turn.say(notice)
        return True
    if parse is None or parse.intent.confidence < turn.env.config.nlu_threshold:
        if parse is not None and text:
            # Kept (redacted, at most 30 days) so ops can teach the classifier.
            record_low_confidence(turn.unit, text, parse, turn.tr.lang)
        turn.say(turn.tr(texts.NOT_SURE))
        return True
    intent = parse.intent.name
    if intent == "help":
        turn.say(turn.tr(texts.HELP))
    elif intent == "out_of_scope":
        turn.say(turn.tr(texts.OUT_OF_SCOPE))
    elif intent in texts.SMALL_TALK:
        turn.say(turn.tr(texts.SMALL_TALK[intent]))
    else:
        turn.say(turn.tr(texts.NOT_SURE))
    return intent != "goodbye"


def _start_from_text(turn: Turn, target: str) -> None:
    """A free sentence chose a report: say so, and keep what it already told us."""
    flow = (
        turn.env.flows.get(target[len(FLOW_PREFIX) :]) if target.startswith(FLOW_PREFIX) else None
    )
    if flow is None or flow.kind is None or turn.parse is None:
        return
    if flow.announce:
        turn.say(turn.tr(flow.announce))
    read_opening(turn, flow, turn.parse.text)


# -- free text --------------------------------------------------------------------------


def _answer_text(turn: Turn, step: Step, text: str) -> None:
    assert step.slot is not None
    if turn.incoming.choice is not None or (text and options(turn, step)):
        # A number picks a listed option (the console and Matrix show them numbered);
        # any other number is an answer in its own right, such as a phone number.
        option = pick(turn, step, text)
        turn.notice = None
        if option is not None:
            value = offered_value(turn, step) if option.id == USE_OFFER else option.stored
            turn.slots[step.slot] = value
            advance(turn, run_effects(turn, step, option, step.target_for(option.id)))
            return
        if turn.incoming.choice is not None:
            prompt(turn, step)
            return
    problem = _text_problem(step, text)
    if problem is not None:
        turn.say(turn.tr(problem, limit=step.max_length))
        prompt(turn, step)
        return
    turn.slots[step.slot] = text
    advance(turn, run_effects(turn, step, None, step.target_for(None)))


def _text_problem(step: Step, text: str) -> str | None:
    if not text:
        return texts.EMPTY_MESSAGE
    if len(text) < step.min_length or len(text.split()) == 0:
        return texts.TEXT_TOO_SHORT
    if len(text) > step.max_length:
        return texts.TEXT_TOO_LONG
    return None


# -- evidence ---------------------------------------------------------------------------


def _answer_evidence(turn: Turn, step: Step, text: str) -> None:
    incoming = turn.incoming
    took = _take_files(turn)
    if not incoming.attachments and text:
        urls = _take_links(turn, text)
        if not urls:
            option = pick(turn, step, text)
            if option is not None:
                choose(turn, step, option)
                return
            if looks_like_path(text):
                turn.say(turn.tr(texts.EVIDENCE_UNREADABLE, name=text))
            else:
                notice, turn.notice = turn.notice, None
                turn.say(notice or turn.tr(texts.EVIDENCE_WHAT))
        took = True
    elif incoming.choice is not None:
        option = pick(turn, step, text)
        if option is not None:
            choose(turn, step, option)
            return
    if took or incoming.choice is not None:
        prompt(turn, step, repeat=True)


def _take_files(turn: Turn) -> bool:
    """Store the message's files as draft evidence; whether there were any."""
    limit = turn.env.config.max_attachment_bytes
    took = False
    for attachment in turn.incoming.attachments:
        if not attachment.data:
            turn.say(turn.tr(texts.EVIDENCE_EMPTY_FILE, name=attachment.filename))
            continue
        if len(attachment.data) > limit:
            turn.say(
                turn.tr(
                    texts.EVIDENCE_TOO_LARGE, name=attachment.filename, limit=render.size(limit)
                )
            )
            continue
        item = turn.unit.add_draft_evidence(
            turn.key,
            kind="file",
            name=attachment.filename,
            media_type=attachment.media_type,
            data=attachment.data,
        )
        turn.say(turn.tr(texts.EVIDENCE_RECEIVED, name=item.name, size=render.size(item.size)))
        took = True
    for name in turn.incoming.unreadable:
        turn.say(turn.tr(texts.EVIDENCE_UNREADABLE, name=name))
        took = True
    return took


def _take_links(turn: Turn, text: str) -> list[str]:
    urls = find_urls(text)
    for url in urls:
        turn.unit.add_draft_evidence(
            turn.key, kind="link", name=url, media_type=None, data=url.encode()
        )
        turn.say(turn.tr(texts.EVIDENCE_LINK_RECEIVED, name=url))
    return urls
