"""Answers given before their question: "anoniem aub" typed while the bot asks how the melder
is doing, "niet naar mijn leidinggevende" at the summary. The wish is kept (the question is
then skipped, as for a fact from the story) and the open question is asked again, instead of
"I don't understand"."""

from __future__ import annotations

import re

from dialogs import render, texts
from dialogs.asides import ask_guess
from dialogs.choosing import choose, pick, plainly_chosen
from dialogs.corrections import correct_in_words
from dialogs.flow import Step, StepKind
from dialogs.navigation import edit, options, prompt
from dialogs.organisation import Role
from dialogs.reportflow import routing_request
from dialogs.routing import route
from dialogs.storyfacts import read
from dialogs.turn import Turn
from nlu.anonymity import wish_in_story

__all__ = ["early_answer"]

_SLOT = "anonymous"
_NAME = "reporter_name"
#: Steps where such words are their own answer or a change to check (the story is read for
#: facts as a whole: "iemand belt mij steeds anoniem" is about the caller).
_NOT_AT = frozenset({_SLOT, _NAME})
#: A wish said in passing is short; a longer message is about something else.
_MAX_WORDS = 10


#: Where a wish's first clause ends; a reason may follow it ("not to my team leader, she is
#: friends with him", "can you make it not anonymous? they can know its me").
_FIRST_CLAUSE = re.compile(r"[,.;!?]")


def _words_of_wish(text: str) -> int:
    """The words of a message's first clause, where a wish said in passing stands."""
    return len(_FIRST_CLAUSE.split(text, maxsplit=1)[0].split())


def early_answer(turn: Turn, step: Step, text: str) -> bool:
    """An anonymity or line-manager wish said at another question of a report: kept, and
    the open question asked again; False when the message is no such wish."""
    return (
        _early_anonymity(turn, step, text)
        or _early_line_manager(turn, step, text)
        or _recipient_at_summary(turn, step, text)
        or correct_in_words(turn, step, text)
    )


def _early_anonymity(turn: Turn, step: Step, text: str) -> bool:
    """Keep the anonymity wish said at another question of a report and ask that question
    again; False when the message is not such a wish. The story's rules decide, negation
    included: "niet anoniem" is a wish to be named; "wat betekent anoniem?" and "een anoniem
    nummer" (the handle asked for) are none."""
    flow = turn.flow
    if turn.incoming.choice is not None or not text or flow is None or flow.kind is None:
        return False
    if step.slot in _NOT_AT or step.story or _words_of_wish(text) > _MAX_WORDS:
        return False
    asks = next((s for s in flow.steps if s.slot == _SLOT), None)
    if asks is None:
        return False
    if step is flow.summary:
        return _anonymity_at_summary(turn, asks, text)
    if _SLOT in turn.slots or _SLOT in turn.state.prefill:
        return False
    said = wish_in_story(text)
    if said is None:
        return False
    anonymous = said[0] == "anonymous"
    turn.state.prefill[_SLOT] = anonymous
    # "mag met naam, ik ben Joyce": the name given with the wish is kept too
    name = None if anonymous else read(turn, text, (_NAME,)).get(_NAME)
    if name is not None and _NAME not in turn.slots:
        turn.state.prefill[_NAME] = name.value
        turn.say(turn.tr(texts.EARLY_NAMED_AS, name=name.value))
    else:
        turn.say(turn.tr(texts.EARLY_ANONYMOUS if anonymous else texts.EARLY_NAMED))
    prompt(turn, step, again=True)
    return True


def _an_option(turn: Turn, step: Step, text: str) -> bool:
    """Whether the words plainly choose an option of the open choice question."""
    if step.kind is not StepKind.CHOICE or step.review:
        return False
    return plainly_chosen(turn, step, text) is not None


def _anonymity_at_summary(turn: Turn, asks: Step, text: str) -> bool:
    """ "I'd rather not have my name on this" at the summary of a named report (or the other
    way round): the anonymity question is asked again, so the change is the melder's own
    explicit choice. A wish that matches the report is left to the summary's words."""
    said = wish_in_story(text)
    if said is None or turn.slots.get(_SLOT) is (said[0] == "anonymous"):
        return False  # as it is: "anoniem klopt, verstuur" is the summary's own yes
    edit(turn, asks.name)
    return True


_LINE_MANAGER = "exclude_line_manager"
#: The field of the question that chooses who receives the report.
_RECIPIENT = "preferred_role"


def _early_line_manager(turn: Turn, step: Step, text: str) -> bool:
    """ "niet naar mijn leidinggevende" at another question, also at the summary (the line
    manager question is skipped when the route does not reach them): kept. Permission is
    kept only before that question: at the summary it would promise a route it cannot."""
    flow = turn.flow
    if turn.incoming.choice is not None or not text or flow is None or flow.kind is None:
        return False
    if step.slot == _LINE_MANAGER or step.story or _words_of_wish(text) > _MAX_WORDS:
        return False
    if not any(s.slot == _LINE_MANAGER for s in flow.steps):
        return False
    found = read(turn, text, (_LINE_MANAGER,)).get(_LINE_MANAGER)
    if found is None or _stops(turn, step, text) or _asked(text, found.words):
        return False
    if not found.value and _an_option(turn, step, text):
        return False  # "just my line manager" at who receives it: that option
    at_summary = step is flow.summary  # (not the story's "Klopt dat?", also a review step)
    if at_summary and found.value is False and not _reached_when_allowed(turn):
        # Permission cannot add them here: the question where the route is chosen.
        turn.say(turn.tr(texts.LINE_MANAGER_VIA_EDIT))
        chooses = next((s for s in flow.steps if s.slot == _RECIPIENT), None)
        if chooses is not None:
            edit(turn, chooses.name)
        else:
            prompt(turn, step, again=True)
        return True
    if at_summary or _LINE_MANAGER in turn.slots:
        turn.slots[_LINE_MANAGER] = found.value
    else:
        turn.state.prefill[_LINE_MANAGER] = found.value
    turn.say(turn.tr(texts.EARLY_NO_LINE_MANAGER if found.value else texts.EARLY_LINE_MANAGER_OK))
    # The option is read from the words beside the wish: "niet naar mijn leidinggevende" at
    # "who receives it?" names the line manager's option only to keep them out.
    rest = _without(text, found.words)
    if step.kind is StepKind.CHOICE and not step.review and rest:
        option = pick(turn, step, rest, guessing=True)
        turn.notice = None
        if option is not None:  # "3, en niet naar mijn leidinggevende": the 3 answers it
            choose(turn, step, option)
            return True
        if turn.state.guess is not None:
            # "I'd prefer the vertrouwenspersoon, I don't trust my team leader": the near
            # miss is asked back ("do you mean ...?"), not dropped
            offered = options(turn, step)
            ask_guess(turn, step, next(o for o in offered if o.id == turn.state.guess), offered)
            return True
    # At the summary, shown again in full: who receives the report may have changed.
    prompt(turn, step, again=not step.review)
    return True


def _asked(text: str, words: str) -> bool:
    """Whether the words a wish was read from stand in a question ("krijgt mijn
    leidinggevende het ook te zien?"): that asks, it wishes nothing."""
    start = text.casefold().find(words.casefold()) if words else -1
    if start < 0:
        return False
    end = _SENTENCE_END.search(text, start + len(words))
    return end is not None and end.group(0) == "?"


#: The end of a sentence, and what kind.
_SENTENCE_END = re.compile(r"[.!?]")


def _stops(turn: Turn, step: Step, text: str) -> bool:
    """Whether the words at the summary plainly stop the report ("pls dont send, my manager
    already knows", "nvm i'll talk to my supervisor myself"): the manager is named only as
    the reason."""
    if not step.review:
        return False
    option = plainly_chosen(turn, step, text)
    return option is not None and option.cancels


def _without(text: str, words: str) -> str:
    """The text without the words a fact was read from, and the commas and "en" that
    joined them ("3, en niet naar mijn leidinggevende" is "3")."""
    start = text.casefold().find(words.casefold()) if words else -1
    if start < 0:
        return text
    rest = text[:start] + " " + text[start + len(words) :]
    return re.sub(r"(?i)(?:^|[\s,;]+)(?:en|and|maar|but)?[\s,;.!]*$", "", rest).strip(" ,;")


def _reached_when_allowed(turn: Turn) -> bool:
    """Whether this report's route reaches a line manager once the melder allows it (an
    earlier "niet naar mijn leidinggevende" took them off)."""
    slots = turn.slots
    before = slots.get(_LINE_MANAGER)
    slots[_LINE_MANAGER] = False
    try:
        return not turn.env.registry.predicates["line_manager_not_involved"](turn)
    finally:
        if before is None:
            slots.pop(_LINE_MANAGER, None)
        else:
            slots[_LINE_MANAGER] = before


_ROLE = "preferred_role"
#: Where the melder says whom to send it to: "stuur het maar naar de vertrouwenspersoon",
#: "send it to my supervisor", "graag bij het meldteam".
_SEND_TO = re.compile(r"(?i)\b(?:naar|to|bij|aan)\s+(?P<who>\S.*)$")
#: The longest such message ("klopt wel ja, verzend maar naar de aandachtsfunctionaris").
_RECIPIENT_WORDS = 14


def _recipient_at_summary(turn: Turn, step: Step, text: str) -> bool:
    """At the summary, a recipient named who does not get the report yet ("stuur het naar
    de vertrouwenspersoon" was sent to the aandachtsfunctionaris): the route changes to
    them and the summary is shown again to check. One who gets it already ("verzend maar
    naar de aandachtsfunctionaris") leaves the answer to the summary's own words."""
    flow = turn.flow
    if not step.sends or turn.incoming.choice is not None or flow is None or flow.kind is None:
        return False
    asked = next((s for s in flow.steps if s.slot == _ROLE), None)
    found = _SEND_TO.search(text)
    if _stops(turn, step, text):
        return False  # "nvm i'll just talk to my supervisor myself"
    if asked is None or found is None or len(text.split()) > _RECIPIENT_WORDS:
        return False
    option = plainly_chosen(turn, asked, found["who"])
    if option is None or option.id not in {r.value for r in Role}:
        return False
    if any(
        r.contact.role.value == option.id
        for r in route(turn.org, routing_request(flow.kind, turn.slots))
    ):
        return False
    turn.slots[_ROLE] = option.id
    if option.id == Role.LEIDINGGEVENDE.value:
        turn.slots[_LINE_MANAGER] = False  # asked for in so many words
    receivers = route(turn.org, routing_request(flow.kind, turn.slots))
    roles = [r.contact.role.value for r in receivers] or [option.id]
    turn.say(turn.tr(texts.EARLY_RECIPIENT, recipients=render.role_list(roles, turn.tr)))
    prompt(turn, step)  # the summary in full: who receives it has changed
    return True
