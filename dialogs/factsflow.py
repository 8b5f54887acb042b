"""Registry of the story-facts steps (dialogs/flows/common.py `understood_steps`): read the
story, confirm what was taken in one message, correct one item, resolve 'when' answers.

The words the melder types at the confirmation work as well as the buttons: "ja klopt"
confirms, "nee, de tijd klopt niet" drops the time (its question is asked in its place),
"nee, het was eergisteren" changes it, and words that state more of the story ("bij de
receptie") add to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from dialogs import facttexts as ft
from dialogs import storyfacts
from dialogs.choosing import choose
from dialogs.turn import Effect, Registry, Turn
from nlu.facts_base import Extracted
from nlu.text import words

#: The options of the confirmation step (see dialogs/flows/common.py).
YES, FIX = "yes", "fix"
#: The option of the item step that changes nothing after all.
NOTHING = "none"
#: The outcome of a correction said in words, after which the report goes on.
CORRECTED = "corrected"

_YES = re.compile(
    r"^(?:ja|jawel|jazeker|klopt|correct|precies|juist|helemaal goed|prima|goed|ok|oke|okay"
    r"|yes|yep|yeah|yup|right|exactly|that'?s right|that is right|dat klopt|dat is goed"
    r"|sure|fine|all good)\b"
)
_NO = re.compile(
    r"^(?:nee|neen|no|nope|niet|bijna|almost|not)\b|\b(?:klopt niet|klopt geen|niet goed"
    r"|niet helemaal|is fout|zijn fout|fout|verkeerd|not right|isn'?t right|wrong|incorrect"
    r"|not quite|not correct|behalve|except|maar|but)\b"
)


def answer_kind(text: str) -> str | None:
    """'yes' or 'fix' for a typed answer to the confirmation ("ja klopt", "nee, de tijd
    klopt niet", "ja, maar het was eergisteren"); None when it says neither."""
    folded = words(text)
    if _NO.search(folded):
        return FIX
    if _YES.search(folded):
        return YES
    return None


def named_facts(text: str) -> set[str]:
    """The facts a correction names ("de tijd klopt niet": the time)."""
    found = set(re.findall(r"[\w']+", words(text)))
    return {name for name, said in storyfacts.ITEM_WORDS.items() if found & set(said)}


def item_rule(text: str) -> str | None:
    """The one fact a typed answer at 'what is not right?' names, if it names one."""
    named = named_facts(text)
    if named == {"platform", "location_kind"}:
        return "location_kind"  # "waar": an online report offers the platform by its words
    return next(iter(named)) if len(named) == 1 else None


# ------------------------------------------------------------------------- effects


def _accept(turn: Turn) -> None:
    storyfacts.accept(turn)


def _correct_in_words(turn: Turn) -> str | None:
    """A 'no' that says what is wrong, or what it should be, needs no further question."""
    text = turn.parse.text if turn.parse is not None else ""
    if not text or turn.flow is None:
        return None
    facts = {name: fact for name, fact, _ in storyfacts.shown(turn)}
    named = named_facts(text) & set(facts)
    told = storyfacts.extract(turn, turn.flow, text)
    changed = {n: f for n, f in told.items() if n in facts and f.value != facts[n].value}
    if not (named or changed):
        return None
    if changed:
        _take(turn, changed)
    else:
        turn.say(turn.tr(ft.WILL_ASK))
    storyfacts.accept(turn, drop=named - set(changed))
    return CORRECTED


def _told_more(turn: Turn, text: str | None) -> bool:
    """Words at "Klopt dat?" that say neither yes nor no but state facts the report asks
    for ("bij de receptie", "het was de man van een patiënte"): they are added, or take
    the place of what was understood, and the confirmation is asked again with them."""
    if turn.flow is None or not text:
        return False
    known = storyfacts.pending(turn)
    said = storyfacts.extract(turn, turn.flow, text)
    told = {
        name: fact
        for name, fact in said.items()
        if name not in known or known[name].value != fact.value
    }
    if not told:
        return bool(said) and _agreed(turn)
    _take(turn, told)
    return True


def _agreed(turn: Turn) -> bool:
    """Words that only say again what was understood ("op de afdeling", "een patient"):
    that is a yes."""
    step = turn.step
    yes = next((o for o in step.options if o.id == YES), None) if step is not None else None
    if step is None or yes is None:
        return False
    choose(turn, step, yes)
    return True


def _take(turn: Turn, told: Mapping[str, Extracted]) -> None:
    """Keep facts the melder typed at the confirmation in place of (or beside) what was
    understood, and say them back."""
    turn.state.facts.update({name: fact.as_json() for name, fact in told.items()})
    said = [p for n, _, p in storyfacts.phrases(turn) if n in told]
    if said:
        turn.say(turn.tr(ft.CHANGED, facts=", ".join(said)))


def _drop_chosen(turn: Turn) -> None:
    assert turn.step is not None
    chosen = turn.slots.get(turn.step.slot or "")
    if chosen != NOTHING:
        turn.say(turn.tr(ft.WILL_ASK))
    storyfacts.accept(turn, drop=() if chosen == NOTHING else (str(chosen),))


def _nothing_understood(turn: Turn) -> bool:
    return not storyfacts.shown(turn)


REGISTRY = Registry(
    predicates={"nothing_understood": _nothing_understood},
    option_sources={"understood_items": storyfacts.item_options},
    renderers={"understood": storyfacts.understood_text},
    effects={
        "read_story": Effect(storyfacts.read_story),
        "accept_facts": Effect(_accept),
        "correct_in_words": Effect(_correct_in_words, outcomes=(CORRECTED,)),
        "drop_fact": Effect(_drop_chosen),
        "resolve_when": Effect(storyfacts.resolve_answer),
    },
    rules={"understood_answer": answer_kind, "understood_item": item_rule},
    unknown_checks={"told_more": _told_more},
)
