"""Choosing an option: by button, number, words, rule, entity or intent, and storing it."""

from __future__ import annotations

import re
from collections.abc import Mapping

from dialogs import texts
from dialogs.asides import yes_or_no
from dialogs.fields import ONGOING_OPTION, RELATION
from dialogs.flow import Option, Step, StepKind
from dialogs.lexicon import answer_words
from dialogs.matching import (
    Match,
    is_phrase_list,
    listed_as_such,
    match_option,
    says_option,
)
from dialogs.navigation import advance, cancel, edit, options, prompt, run_effects
from dialogs.scale import score_in
from dialogs.storyfacts import answer_fact
from dialogs.turn import Turn
from nlu.acute_words import Category
from nlu.danger import ONGOING_PATTERN, Danger
from nlu.phrases import without_let

__all__ = ["add_to_story", "answers_the_question", "choose", "corrected", "known_answer", "pick"]

#: Words that offer alternatives: "balie of afdeling", "ward or reception", "1/2".
_ALTERNATIVES = re.compile(r"(?i)\b(?:of|or|en/of|and/or)\b|/")
#: The same in an English chat, where "of" is no "or" ("the front desk of the clinic").
_ALTERNATIVES_EN = re.compile(r"(?i)\b(?:or|and/or)\b|/")


#: Words that speak against an answer that cannot be undone: a no, a doubt, a wait.
_AGAINST = re.compile(
    r"(?i)\b(?:niet|nie|nee|neen|no|not|nope|geen|never|nooit|wacht|wait|hold on|toch|twijfel\w*"
    r"|doubt\w*|misschien|maybe|perhaps|weet niet|not sure|stop|don'?t|dont|oeps|oops)\b"
)


def pick(
    turn: Turn, step: Step, text: str, *, guessing: bool = False, loose: bool = True
) -> Option | None:
    """The option the melder chose by button, number, words, rule, entity or intent.

    With `guessing`, a near miss is kept in `state.guess` for "do you mean ...?", and the
    answer to that question (yes: the guess; no: choose again) is taken here. At a
    `careful` step, typed words that choose what cannot be undone but also speak against
    it are asked back (as a guess) rather than taken."""
    asked_back = turn.state.guess is not None
    offered = options(turn, step)
    if turn.incoming.choice is None:
        text = corrected(without_let(text), keep_no=len(offered) == 2)
    option = _pick(turn, step, offered, text, guessing=guessing, loose=loose)
    if (
        option is not None
        and step.careful
        and turn.incoming.choice is None
        and not asked_back
        and (option.effect is not None or option.cancels)
        and _AGAINST.search(text)
    ):
        if guessing:
            turn.state.guess = option.id
        return None
    return option


def plainly_chosen(turn: Turn, step: Step, text: str) -> Option | None:
    """The option typed words choose as they stand, leaving no "do you mean" and no notice
    behind: to keep the answer in words that also raised an alarm."""
    guess, notice = turn.state.guess, turn.notice
    turn.state.guess = None
    try:
        return pick(turn, step, text)
    finally:
        turn.state.guess, turn.notice = guess, notice


#: Where an answer corrects itself: "een 3... nee, een 2", "he hit me... no, not really, he
#: raised his fist", "ik dacht een 5 maar eerlijk gezegd een 4". What follows counts. A
#: "no" inside a sentence ("no idea who", "no report yet") corrects nothing.
_CORRECTION = re.compile(
    r"(?i)(?:\.\.\.+|…)\s*(?:nou\s+)?(?P<a>nee+|neen|no+|nope|wacht|wait|sorry|actually|eigenlijk"
    r"|i mean|ik bedoel)\b[\s,.!:]*"
    r"|(?:,|;|\s-)\s*(?P<b>nee+|no+|nope)(?:\s*[,.!:]+\s*|\s+(?=(?:wacht|wait|actually|eigenlijk"
    r"|toch|eerlijk|honestly)\b))"
    r"|\b(?:maar|but)\s+(?:eerlijk gezegd|als ik eerlijk ben|honestly|to be honest|eigenlijk"
    r"|actually|toch maar|(?:no|nee)(?=\s*[,.!:]))\b[\s,.!:]*"
    # "vorige week een 2, nu een 4": what is so now counts
    r"|(?:,|;)\s*(?:but\s+|maar\s+)?(?:nu|now)\s+(?=(?:een\s+|a\s+|an\s+)?\d\b)"
)
_NO = re.compile(r"(?i)^(?:nee+|neen|no+|nope)$")
#: A yes with a but, at the summary to check: "ja maar het stukje over mijn collega wil ik
#: anders", "yes but the date is wrong" ask to change something, never to send as it is.
_YES_BUT = re.compile(
    r"(?i)^\W*(?:ja+|jawel|yes|yeah|yep|ok[eé]?|okay|klopt|prima|goed|mostly|grotendeels)\b"
    r"[\w\s,]{0,20}?\b(?<!stuur )(?<!doe )(?<!dien )(?<!ga )(?<!zet )(?<!gooi )(?<!send )(?<!zend )"
    r"(?<!stuur het )(?<!stuur hem )(?<!stuur dit )(?<!het nu )(?<!sturen )(?<!versturen )"
    r"(?:maar|but|alleen|except|behalve)\b"
    r"(?!\W+(?:wel\s+|do\s+|please\s+)?(?:snel|gauw|graag|please|quickly|asap|fast|hurry|soon)\b)\W+\w+"
)
#: Words that open the corrected answer and answer nothing: "als ik eerlijk ben een 2".
_HEDGE = re.compile(
    r"(?i)^(?:als ik eerlijk ben|eerlijk gezegd|to be honest|honestly|eigenlijk|actually)[\s,:]*"
)


def corrected(text: str, *, keep_no: bool = False) -> str:
    """The words after the last place where an answer corrects itself, or the whole text.
    With `keep_no` (a yes/no question) a correcting "nee" is kept: it is the answer."""
    last = None
    for last in _CORRECTION.finditer(text):  # noqa: B007 - the last one is kept
        pass
    if last is None:
        return text
    word = last.group("a") or last.group("b") or ""
    start = last.start("a") if last.group("a") else last.start("b") if last.group("b") else 0
    rest = text[start:] if keep_no and _NO.match(word) else text[last.end() :]
    rest = _HEDGE.sub("", rest.strip())
    return rest if any(c.isalnum() for c in rest) else text


def _pick(
    turn: Turn, step: Step, offered: tuple[Option, ...], text: str, *, guessing: bool, loose: bool
) -> Option | None:
    guess, turn.state.guess = turn.state.guess, None
    if turn.incoming.choice is not None:
        return _pressed(turn, step, offered, turn.incoming.choice)
    if not text:
        return None
    if guess is not None and (said := yes_or_no(text)) is not None:
        return _guess_answered(turn, step, offered, text, guess, yes=said == "yes")
    if (qualified := _yes_but(step, offered, text)) is not None:
        return qualified
    labels = [turn.tr(o.label) for o in offered]
    words = answer_words(step.slot)
    found = _as_such(text, offered, labels, words, story=not loose)
    if found.option is None and not found.out_of_range and loose:
        decided = _ruled(turn, step, offered, text)
        if decided is not None:
            return decided
        found = match_option(text, offered, labels, numbers=True, words=words)
        # An answer in words is read as the story is (the field's extractor) before the
        # lexicon's choice: the extractor weighs what is said ("first he swore, then he
        # shoved me" is physical), where the lexicon counts the words that match. Two
        # options given as alternatives ("balie of afdeling") stay a question to the melder.
        either = found.tie and _alternatives(turn, text)
        stated = None if either else answer_fact(turn, step, offered, text, tie=found.tie)
        if stated is not None:
            return stated
    if found.option is not None:
        return found.option
    if found.out_of_range:
        turn.notice = turn.tr(texts.NUMBER_OUT_OF_RANGE, n=len(offered))
        return None
    # Words that give two options as much are asked back, not settled by the classifier.
    understood = None if found.tie else _understood(turn, step, offered, text)
    if understood is None and guessing and found.guess is not None:
        turn.state.guess = found.guess.id
        turn.torn = found.tie and _alternatives(turn, text)
    return understood


def _guess_answered(
    turn: Turn, step: Step, offered: tuple[Option, ...], text: str, guess: str, *, yes: bool
) -> Option | None:
    """The answer to "do you mean ...?": yes takes the guess; no takes the option its words
    name instead ("no its aggression really"), else the melder chooses again."""
    if yes:
        return next((o for o in offered if o.id == guess), None)
    other = _instead(turn, step, offered, text, guess)
    if other is None:
        turn.notice = turn.tr(texts.GUESS_REJECTED)
    return other


#: A "no" that opens an answer to "do you mean ...?": what follows may say what instead.
_NO_LEAD = re.compile(r"(?i)^\W*(?:nee+|neen|no+|nope|nah)\b[\s,.!:-]*")


def _instead(
    turn: Turn, step: Step, offered: tuple[Option, ...], text: str, guess: str
) -> Option | None:
    """The other option a "no" to a guess names in its words ("nee, de balie"), if one."""
    rest = _NO_LEAD.sub("", text, count=1)
    if rest == text or not rest.strip():
        return None
    labels = [turn.tr(o.label) for o in offered]
    found = match_option(rest, offered, labels, numbers=True, words=answer_words(step.slot))
    if found.option is None or found.tie or found.option.id == guess:
        return None
    return found.option


def _as_such(
    text: str,
    offered: tuple[Option, ...],
    labels: list[str],
    words: Mapping[str, tuple[str, ...]],
    *,
    story: bool,
) -> Match:
    """The option as such (number, label, synonym); where the answer is a story, also
    its listed words when they are the whole message."""
    found = match_option(text, offered, labels, numbers=True, words=words, loose=False)
    if found.option is None and not found.out_of_range and story:
        return Match(listed_as_such(text, offered, words))
    return found


def _alternatives(turn: Turn, text: str) -> bool:
    pattern = _ALTERNATIVES_EN if turn.state.lang == "en" else _ALTERNATIVES
    return pattern.search(text) is not None


def answers_the_question(turn: Turn, text: str) -> bool:
    """Whether typed words clearly give an option of the open choice question ("ja, gooi
    het maar weg" at "Alles verwijderen?"): then a command phrase in them is the answer's
    wording, not the command."""
    choice = _open_choice(turn)
    if choice is None:
        return False
    offered, labels, words = choice
    found = match_option(text, offered, labels, numbers=False, words=words)
    return found.option is not None and says_option(text, offered, labels, words)


def known_answer(turn: Turn, text: str) -> bool:
    """Whether the message is, word for word, one or more of the open report question's own
    answer phrases ("alles staat er goed in" at "Klopt dit?", "kicking and punching" at
    "what kind of aggression?"), or gives a score by its number: the
    classifier, which reads "staat er" as someone standing there, does not raise an alarm
    on it; the rules still may."""
    choice = None if turn.incoming.choice is not None else _open_choice(turn)
    if choice is None:
        return False
    scale = [o for o in choice[0] if o.id.isdigit()]  # "een 1, ik kom mn bed niet uit"
    return is_phrase_list(text, *choice) or score_in(text, scale) is not None


def ongoing_answer(turn: Turn, danger: Danger) -> bool:
    """Whether only "it is still going on" raised the alarm, at a question (not the story)
    of a report where it may only be the answer (online threats that go on: "it's still
    going on" typed at "who did it?" too), and no fight is named ("slaan en schoppen, het
    gaat nog door" stays danger)."""
    flow, step = turn.flow, turn.step
    if danger.pattern != ONGOING_PATTERN or danger.categories != (Category.DANGER,):
        return False
    if flow is None or step is None or flow.ongoing_urgent or flow.casework:
        return False
    asked = (step,) if step.story else flow.steps
    return any(o.id == ONGOING_OPTION for s in asked for o in s.options)


def _open_choice(
    turn: Turn,
) -> tuple[tuple[Option, ...], list[str], Mapping[str, tuple[str, ...]]] | None:
    """The open choice question of a report or aftercare (not a menu), or the evidence
    question's "done": its options as offered, their labels as shown, and their words; None
    when no such question is open."""
    step = turn.step
    if step is None or turn.flow is None:
        return None
    if step.kind is not StepKind.CHOICE and not (step.kind is StepKind.EVIDENCE and step.options):
        return None
    if turn.flow.menu_for is not None:
        return None
    offered = options(turn, step)
    return offered, [turn.tr(o.label) for o in offered], answer_words(step.slot)


def _yes_but(step: Step, offered: tuple[Option, ...], text: str) -> Option | None:
    """At the summary to check, a yes with a but is a wish to change something; "klopt
    wel maar ik wil het toch niet insturen" is one not to send it."""
    if not step.review or not (found := _YES_BUT.match(text)):
        return None
    wish = "cancel" if _NOT_SENDING.search(text, found.start()) else "edit"
    return next((o for o in offered if o.id == wish), None)


#: After a yes with a but, the wish not to send at all.
_NOT_SENDING = re.compile(
    r"(?i)\b(?:toch\s+)?niet\s+(?:in|ver|op|door)?sturen|\bwil\s+(?:het\s+|dit\s+)?toch\s+niet"
    r"|\b(?:don'?t|do\s+not)\s+(?:want\s+to\s+)?send|\bnot\s+send(?:ing)?\b|\brather\s+not\s+send"
    r"|\b(?:niet|toch\s+niet)\s+melden\b"
)


def _pressed(turn: Turn, step: Step, offered: tuple[Option, ...], choice: str) -> Option | None:
    picked = next((o for o in offered if o.id == choice), None)
    if picked is None:
        turn.say(turn.tr(texts.STALE_BUTTON))
        if step.on_unknown is not None:  # a forged button may be an access attempt
            turn.env.registry.unknown_checks[step.on_unknown](turn, None)
        else:  # a choice this question does not offer is refused, and audited
            flow = turn.flow.name if turn.flow is not None else ""
            turn.unit.audit(turn.actor, "choice_refused", step=f"{flow}.{step.name}")
    return picked


def _ruled(turn: Turn, step: Step, offered: tuple[Option, ...], text: str) -> Option | None:
    """The option the step's deciding rule reads in an answer in words, if it has one: it
    weighs what the lexicon only counts (negation, who did what to whom)."""
    if step.rule is None:
        return None
    decided = turn.env.registry.rules[step.rule](text)
    return next((o for o in offered if o.id == decided), None)


def _understood(turn: Turn, step: Step, offered: tuple[Option, ...], text: str) -> Option | None:
    """An option chosen in other words: an entity, then the intent."""
    by_id = {o.id: o for o in offered}
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
                if step.careful and option.cancels:
                    # Only the classifier reads a wish to throw the report away ("druk nu,
                    # later verder"): asked back, never done on its word alone.
                    turn.state.guess = option.id
                    return None
                return option
    return None


#: Typed words kept beside a choice (`Step.keeps_words`) have at least this many words: "een
#: 3 denk ik" is the choice, "2, slaap nog steeds slecht" tells more.
KEPT_WORDS = 5


def choose(
    turn: Turn, step: Step, option: Option, *, words: str | None = None, typed: str | None = None
) -> None:
    """Store the chosen option and go where it leads; `words`, the melder's own words
    for it ("vanochtend rond 7 uur" for 'today'), are kept beside it where the step keeps
    own words; `typed`, the whole message it was chosen in, where it `keeps_words`."""
    assert step.slot is not None
    if step.picks_step:
        edit(turn, option.id)
        return
    turn.slots[step.slot] = option.stored
    if step.free_text_slot and step.kind is StepKind.CHOICE:
        turn.slots.pop(step.free_text_slot, None)
        if words and len(words) <= step.max_length:
            turn.slots[step.free_text_slot] = words
    if step.keeps_words:
        turn.slots.pop(step.keeps_words, None)
        if typed and len(typed.split()) >= KEPT_WORDS and len(typed) <= step.max_length:
            turn.slots[step.keeps_words] = typed
    for slot in option.clears:
        turn.slots.pop(slot, None)
    _add_to_story(turn, step, typed)
    if option.reply:
        turn.say(turn.tr(option.reply))
    if option.cancels:
        cancel(turn)
        return
    target = run_effects(turn, step, option, step.target_for(option.id))
    if option.quiet and target == step.name:
        prompt(turn, step, again=True)  # a file was sent: the view above did not change
        return
    advance(turn, target)


#: Questions about the incident itself, where a long answer tells more of what happened.
_ABOUT_THE_INCIDENT = frozenset({"occurred_choice", "location_kind", "aro_category", RELATION})
#: An answer there this long is added to the story as well: "he screamed at me and slammed
#: his fist on the counter, said he knew where i parked" is more than "verbal".
STORY_ADD_WORDS = 8


def _add_to_story(turn: Turn, step: Step, typed: str | None) -> None:
    """Add a long answer about the incident to the story already told, so nothing of it is
    lost (the story question, if still to come, asks for it anyway)."""
    if typed is None or step.slot not in _ABOUT_THE_INCIDENT or turn.flow is None:
        return
    if len(typed.split()) >= STORY_ADD_WORDS:
        add_to_story(turn, typed)


def add_to_story(turn: Turn, text: str) -> bool:
    """Add words to the story already told, said so ("I've added that to your story");
    False when there is no story yet or the words are in it already."""
    slot = turn.flow.story_slot if turn.flow is not None else None
    before = str(turn.slots.get(slot) or "") if slot is not None else ""
    if slot is None or not before or text in before:
        return False
    turn.slots[slot] = f"{before}\n{text}"
    turn.say(turn.tr(texts.ADDED_TO_STORY))
    return True
