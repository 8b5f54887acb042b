"""The last reading of an answer in own words: what the answers of the development sets
teach (`nlu.answer_model`), when the lexicon, the rules and the intent found no option.

A likely option is taken where a wrong one is corrected at the summary at no cost (how
it went, what kind of aggression, where); where the answer decides something on its own
(anonymity, the line manager, sharing with the contact person, sending or deleting) only
the choice that keeps the melder most private or undoes nothing is taken, the other is
asked back ("Bedoel je ...?"), as is any option that acts or cancels.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Mapping
from pathlib import Path

from dialogs.asides import ask_guess
from dialogs.choosing import choose
from dialogs.flow import Flow, Option, Step
from dialogs.navigation import options
from dialogs.turn import Turn
from nlu.answer_model import NONE, AnswerModel, load_examples, load_non_answers
from nlu.factory import DEV_DIR

__all__ = ["ALIASES", "ASKED_AT", "read_learned", "settle_guess", "warm_up"]

logger = logging.getLogger(__name__)

#: Where an answer set's question is asked, when it is not a step of that name.
ASKED_AT = {"evidence_more": "evidence"}
#: Answer sets name a few options by their meaning rather than their id.
ALIASES = {"any": "none"}
#: How likely the option must be to be taken as the answer, and to be asked back.
TAKE = 0.5
GUESS = 0.4
#: How likely it must be to be taken where the lexicon made a guess of its own.
SURE = 0.7
#: Questions whose answer decides something on its own: only the choice that keeps the
#: melder most private, or undoes nothing, is taken; the other is asked back.
_PRIVATE_FIRST = {
    "anonymous": "anonymous",
    "exclude_line_manager": "exclude",
    "checkin_shared": "no",
    "delete_confirmed": "no",
    "confirmed": "edit",
}
#: What an option may do and still be taken from a likely reading.
_HARMLESS_EFFECTS = frozenset({"callback_way_from_words"})


#: Questions not learned: the organisation's own team names (matched by name instead).
_NOT_LEARNED = frozenset({"team"})
#: The guard messages that ask to stop ("stop met vragen"): an answer where stopping is one.
_STOPPING = frozenset({"cancel"})
_YES_NO = frozenset({"yes", "no"})
#: At most this many texts that are no answer per answer learned from (a spread sample).
_NONE_PER_ANSWER = 3
#: Questions a yes or a no answers ("ja" at the summary sends, at the line manager allows).
_YES_OR_NO = frozenset(
    {
        "anonymous",
        "callback",
        "checkin_shared",
        "confirmed",
        "delete_confirmed",
        "exclude_line_manager",
        "niet_pluis_mode",
    }
)


@functools.cache
def _examples() -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {}
    for (flow, question), text, option in load_examples(DEV_DIR / "answers"):
        key = f"{flow}.{ASKED_AT.get(question, question)}"
        found.setdefault(key, []).append((text, ALIASES.get(option, option)))
    return found


@functools.cache
def _non_answers() -> list[tuple[str, str]]:
    return load_non_answers(DEV_DIR / "guards")


def _all_answers() -> list[tuple[str, str]]:
    return [answer for found in _examples().values() for answer in found]


class _Learned:
    """The answer model, with each question's examples drawn from the answer sets: its
    own answers, and as what is no answer, the texts it must not take (a story at the
    evidence question) and a share of the answers to questions with other options."""

    def __init__(self, flows: Mapping[str, Flow]) -> None:
        self._flows = flows
        self.model = AnswerModel(self._examples_for)

    def _ids(self, key: str) -> frozenset[str]:
        flow, _, name = key.partition(".")
        step = self._flows[flow].step(name)
        static = frozenset(o.id for o in step.options)
        return static or frozenset(o for _, o in _examples().get(key, ()))

    def _examples_for(self, key: str) -> list[tuple[str, str]]:
        flow, _, name = key.partition(".")
        steps = self._flows[flow].by_name if flow in self._flows else {}
        slot = steps[name].slot if name in steps else None
        if slot is None or slot in _NOT_LEARNED:
            return []
        ids = self._ids(key)
        own = [(t, o if o in ids else NONE) for t, o in _examples().get(key, ())]
        # What is no answer: the guard sets' questions, commands and distress (a wish to stop
        # is an answer where stopping is an option), and a yes or a no where neither is one.
        stops = "stop" in ids
        guards = [t for t, what in _non_answers() if not (stops and what in _STOPPING)]
        yes_no = [] if slot in _YES_OR_NO else [t for t, o in _all_answers() if o in _YES_NO]
        others = [*guards, *yes_no]
        room = _NONE_PER_ANSWER * len(own)
        every = max(1, -(-len(others) // room)) if room else 1
        return [*own, *((t, NONE) for t in others[::every])]


#: One model per set of flows (by their names: the shipped flows, or a test's own).
_LEARNED: dict[tuple[str, ...], _Learned] = {}


def _model(flows: Mapping[str, Flow]) -> AnswerModel:
    names = tuple(sorted(flows))
    if names not in _LEARNED:
        _LEARNED[names] = _Learned(flows)
    return _LEARNED[names].model


def read_learned(turn: Turn, step: Step, text: str) -> bool:
    """Take or ask back the option the answer most likely gives; False when none is
    likely enough (then the question is asked again as before)."""
    found = _likeliest(turn, step, text, GUESS)
    if found is None:
        return False
    option, likely, offered = found
    if likely >= TAKE and _may_take(step, option):
        choose(turn, step, option, words=text)
    else:
        turn.state.guess = option.id
        ask_guess(turn, step, option, offered)
    return True


def settle_guess(turn: Turn, step: Step, text: str) -> bool:
    """Where the lexicon's phrases only make a guess (a near miss, two options as much),
    take the option the answer sets teach when it is very likely and may be taken; one
    that may not be taken, or words that gave two options as much (but for the most
    private choice), make it the guess asked back."""
    found = _likeliest(turn, step, text, SURE)
    if found is None:
        return False
    option = found[0]
    # Two options given as much stay a question, unless the likelier one keeps it private.
    torn = turn.torn and step.slot not in _PRIVATE_FIRST
    if torn or not _may_take(step, option):
        turn.state.guess = option.id  # asked back, as the likelier one
        return False
    turn.state.guess = None
    choose(turn, step, option, words=text)
    return True


def _likeliest(
    turn: Turn, step: Step, text: str, at_least: float
) -> tuple[Option, float, tuple[Option, ...]] | None:
    """The offered option the answer most likely gives, its probability and the options
    offered; None below `at_least`."""
    if turn.flow is None or not text:
        return None
    offered = options(turn, step)
    key = f"{turn.flow.name}.{step.name}"
    found = _model(turn.env.flows).read(key, text, {o.id for o in offered})
    if found is None or found[1] < at_least:
        return None
    return next(o for o in offered if o.id == found[0]), found[1], offered


def _may_take(step: Step, option: Option) -> bool:
    if step.slot in _PRIVATE_FIRST:
        return option.id == _PRIVATE_FIRST[step.slot]
    if step.careful or option.cancels:
        return False
    return option.effect is None or option.effect in _HARMLESS_EFFECTS


def warm_up(
    flows: Mapping[str, Flow], store: Path | None = None, stop: threading.Event | None = None
) -> None:
    """Learn every question now (some seconds in all), so that no melder waits for it:
    for a server, in a thread of its own at start, until `stop` is set. With a `store`,
    what it holds is taken when it learned from the same answers, and otherwise what is
    learned is kept there for the next start."""
    learned = _model(flows)
    keys = sorted(_examples())
    if store is not None and learned.load(store, keys):
        return
    if learned.learn(keys, stop) and store is not None:
        try:
            learned.save(store, keys)
        except OSError as exc:
            logger.warning("answer models not stored: %s", exc.strerror)
