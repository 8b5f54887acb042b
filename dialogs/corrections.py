"""Corrections in the melder's own words at the summary: "het was niet een bezoeker maar
de zoon van een patiënt" or "eergisteren" changes the answer at once and shows the summary
again; "de datum klopt niet" asks the question of that answer, instead of first asking
which answer to change. The same holds at "Wat wil je aanpassen?"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from dialogs import facttexts as ft
from dialogs import storyfacts
from dialogs.choosing import add_to_story, plainly_chosen
from dialogs.fields import ReportField
from dialogs.flow import Step
from dialogs.guards import GUARDS
from dialogs.navigation import advance, edit, prompt
from dialogs.reportflow import answered
from dialogs.turn import Turn
from nlu.facts_base import Extracted
from nlu.text import words

__all__ = ["correct_in_words", "named_answer"]

#: The summary's option to change something.
_EDIT = "edit"
#: Facts other rules look after at the summary: the wish to be anonymous or named is asked
#: again (dialogs/early.py), the line manager kept there, the name asked with the wish.
_ELSEWHERE = frozenset({"anonymous", "exclude_line_manager", "reporter_name"})
#: A correction that states its new value is short, or says it corrects; longer words that
#: add something ("ik wil nog toevoegen dat hij gisteren ook al belde") add, not correct.
_SHORT = 8
_CORRECTS = re.compile(
    r"\b(?:niet|geen|maar|eigenlijk|moet|klopt|fout|verkeerd|ipv|plaats|not|no|but|actually"
    r"|should|wrong|instead|wasn'?t|isn'?t)\b"
)
_ADDS = re.compile(
    r"\b(?:ook|nog|toevoegen|voeg|erbij|vergeten|daarnaast|bovendien|also|add|forgot|too"
    r"|another)\b"
)
#: "de naam van de patiënt staat erin" is about the story: a name names no answer (the wish
#: to be named or not is read by dialogs/early.py).
_NOT_NAMING = frozenset({"naam", "name"})
#: "dat is niet waar" says it is not true: no place named.
_NOT_TRUE = re.compile(r"\b(?:niet|nie|helemaal niet)\s+waar\b")


def correct_in_words(turn: Turn, step: Step, text: str) -> bool:
    """A correction typed at the summary or at "what do you want to change?": a new value
    is taken and the summary shown again, a named answer's question asked; False when the
    words are no such correction (the question's own reading goes on)."""
    flow = turn.flow
    if turn.incoming.choice is not None or not text or flow is None or flow.kind is None:
        return False
    if step is not flow.summary and not step.picks_step:
        return not step.review and change_earlier(turn, text)
    if _asks(text):
        return False  # "wie ziet het?" asks; it names nothing to change
    if step is flow.summary and _added_to_story(turn, text):
        prompt(turn, step)  # the summary again, with the story as it is now
        return True
    if step.review:
        chosen = plainly_chosen(turn, step, text)
        if chosen is not None and chosen.id != _EDIT:
            return False
    editable = _editable(turn)
    changed = _changed(turn, editable, text)
    if changed:
        _change(turn, editable, changed)
        if step.review:
            prompt(turn, step)  # the summary again, with the new answer
        else:
            advance(turn, step.target_for(None))
        return True
    named = _named(editable, text)
    if len(named) != 1:
        return False
    edit(turn, named[0].name)
    return True


#: Words at the summary that add to the story: "er mist nog dat hij ook heeft gespuugd", "I
#: forgot to say he also spat at me", "ik wil nog toevoegen dat ...".
_ADDING = re.compile(
    r"\b(?:er mist|mist nog|(?:wil|wou) (?:nog |ook )?(?:iets )?toevoegen|vergeten te (?:zeggen"
    r"|melden|vertellen|noemen)|wat ik (?:nog )?vergat|forgot to (?:say|mention|add|tell)"
    r"|i'?d like to add|i want to add|(?:hij|zij|ze|he|she|they)(?: heeft| hebben| has| have"
    r"| had)? (?:ook|also))\b"
)
#: Fewer words than this add nothing to tell ("er mist iets").
_ADD_WORDS = 5


def _added_to_story(turn: Turn, text: str) -> bool:
    """More of what happened, said at the summary, added to the story told (said so)."""
    folded = words(text)
    if len(folded.split()) < _ADD_WORDS or _ADDING.search(folded) is None:
        return False
    return add_to_story(turn, text)


def change_earlier(turn: Turn, text: str) -> bool:
    """An earlier answer corrected in so many words at another question ("actually it was
    his son not her husband" at 'when?'; "the time is wrong, it was monday around 8 pm"):
    taken and said back, and the open question asked again. Only words that say they
    correct count ("actually", "eigenlijk", "not ... but", "klopt niet"), never the open
    question's own answer."""
    step = turn.step
    if step is None or turn.flow is None or step.story or step.verbatim:
        return False  # a story (also one rewritten from the summary) is kept as written
    folded = words(text)
    contrast = _CONTRAST.search(folded) is not None
    if not (contrast or _CORRECTS_EARLIER.search(folded)) or _asks(text):
        return False
    editable = {
        name: found for name, found in _editable(turn).items() if found[0].name != step.name
    }
    named = _named(editable, text)
    # "stalken eigenlijk" answers the open question: only a contrast ("not X but Y") or the
    # answer named ("the time is wrong, ...") says an earlier one is meant
    changed = {
        fact: found
        for fact, found in _changed(turn, editable, text).items()
        if contrast or any(f.extract == fact for s, f in editable.values() if s in named)
    }
    if not changed:
        return False
    _change(turn, editable, changed)
    prompt(turn, step, again=True)
    return True


#: Words that say an earlier answer is corrected, at another question: with the answer
#: named ("de tijd klopt niet, het was ..."), or a contrast ("geen familie maar een bezoeker").
_CORRECTS_EARLIER = re.compile(
    r"\b(?:klopt niet|is wrong|was wrong|wrong|is fout|verkeerd|instead|ipv|in plaats van"
    r"|correction|correctie)\b"
)
_DET = r"(?:de|het|een|the|a|an|his|her|their|zijn|haar|hun|mijn|my|op|in|at|on|bij|om)"
_CONTRAST = re.compile(
    rf"\b(?:not|isn'?t|wasn'?t|niet|geen)\s+(?:{_DET}\s+)?\w+(?:\s+\w+)?,?\s+(?:but|maar)\s+"
    rf"{_DET}\b"
)


def _asks(text: str) -> bool:
    return text.rstrip().endswith("?") or GUARDS.asks_how(text)


def named_answer(turn: Turn, text: str) -> Step | None:
    """The one answered question of a report that words going back name ("de datum die ik
    gaf klopt niet" two questions later: when), if they name one."""
    if not text or turn.flow is None or turn.flow.kind is None:
        return None
    named = _named(_editable(turn), text)
    return named[0] if len(named) == 1 else None


def _editable(turn: Turn) -> dict[str, tuple[Step, ReportField]]:
    """The answered questions of the report whose answer can be changed, by field name."""
    found: dict[str, tuple[Step, ReportField]] = {}
    for step, _ in answered(turn):
        field = turn.env.fields.get(step.slot or "")
        if field is not None:
            found.setdefault(field.name, (step, field))
    return found


def _changed(
    turn: Turn, editable: Mapping[str, tuple[Step, ReportField]], text: str
) -> dict[str, tuple[Extracted, dict[str, Any]]]:
    """The facts the words state that differ from the answers given, with their slots."""
    folded = words(text)
    if len(folded.split()) > _SHORT and (not _CORRECTS.search(folded) or _ADDS.search(folded)):
        return {}
    assert turn.flow is not None
    asked = {field.extract: field for _, field in editable.values() if field.extract}
    now, tz = turn.unit.clock(), turn.org.timezone
    found = {}
    for name, fact in storyfacts.read(turn, text, asked).items():
        if name in _ELSEWHERE or _denied(text, fact.words):
            continue
        field = asked[name]
        values = storyfacts.slots_for(name, fact, field, now, tz)
        if _same_day(values, turn.slots):
            continue  # "het was dinsdag" of a Tuesday at 15:00 keeps the time it had
        if any(turn.slots.get(slot) != value for slot, value in values.items()):
            found[name] = (fact, values)
    return found


def _denied(text: str, said: str) -> bool:
    """Whether the words a value was read from are denied right after them ("vandaag
    niet, ben te moe" is not today; "gisteren, niet vandaag" is yesterday)."""
    start = text.casefold().find(said.casefold()) if said else -1
    return start >= 0 and bool(_DENIED_AFTER.match(text, start + len(said)))


_DENIED_AFTER = re.compile(r"(?i)\s*(?:niet|nie|not|no)\s*(?:[,.!?;:]|$)")


def _same_day(values: Mapping[str, Any], slots: Mapping[str, Any]) -> bool:
    """Whether a new moment without a time is the day of the moment given."""
    new, given = values.get(storyfacts.WHEN_AT), slots.get(storyfacts.WHEN_AT)
    return (
        isinstance(new, str)
        and isinstance(given, str)
        and "T" not in new
        and (given.startswith(new))
    )


def _change(
    turn: Turn,
    editable: Mapping[str, tuple[Step, ReportField]],
    changed: Mapping[str, tuple[Extracted, dict[str, Any]]],
) -> None:
    """Take the new answers in place of the old ones, and say them back."""
    said = []
    for name, (fact, values) in changed.items():
        field_name = next(f.name for _, f in editable.values() if f.extract == name)
        step, field = editable[field_name]
        # The old answer's own words go with it: they told the old value.
        stale = [step.free_text_slot, step.keeps_words]
        if name == storyfacts.WHEN:
            stale += [storyfacts.WHEN_WORDS, storyfacts.WHEN_AT]
        for slot in stale:
            if slot is not None:
                turn.slots.pop(slot, None)
        turn.slots.update(values)
        said.append(storyfacts.said_now(turn, name, fact, field))
    turn.say(turn.tr(ft.CHANGED, facts=", ".join(said)))


def _named(editable: Mapping[str, tuple[Step, ReportField]], text: str) -> list[Step]:
    """The answered questions the words name ("de datum klopt niet": when)."""
    said = set(re.findall(r"[\w']+", _NOT_TRUE.sub(" ", words(text)))) - _NOT_NAMING
    steps: list[Step] = []
    for step, field in editable.values():
        if said & set(field.named_by) and step not in steps:
            steps.append(step)
    return steps
