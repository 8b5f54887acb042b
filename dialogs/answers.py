"""How the open step takes an answer: a button, a number, words, a file or a link."""

from __future__ import annotations

import re
from collections.abc import Callable

from dialogs import facttexts, fields, texts
from dialogs.asides import (
    HELD_KEEP,
    HELD_RETYPE,
    answer_question,
    ask_guess,
    care_for,
    held_decision,
    hold,
    yes_or_no,
)
from dialogs.choosing import choose, pick, plainly_chosen
from dialogs.early import early_answer
from dialogs.evidence_answers import answer_evidence
from dialogs.flow import EXIT_SUBMIT, FLOW_PREFIX, Step, StepKind
from dialogs.guards import GUARDS
from dialogs.learned import read_learned, settle_guess
from dialogs.lexicon import answer_words
from dialogs.matching import match_option
from dialogs.menu_reading import (
    REPORT_INTENTS,
    report_guess,
    story_over_support,
    told_what_happened,
)
from dialogs.navigation import (
    USE_OFFER,
    advance,
    menu_flow,
    offered_value,
    options,
    prompt,
    run_effects,
)
from dialogs.nlu_review import record_low_confidence
from dialogs.storyfacts import read_opening, report_kind
from dialogs.turn import Turn
from nlu.about import names_colleague
from nlu.facts_people import capitalised
from storage.casecode import normalise_code


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
    elif early_answer(turn, step, text):
        return
    elif step.kind is StepKind.CHOICE:
        _answer_choice(turn, step, text)
    elif step.kind is StepKind.TEXT:
        _answer_text(turn, step, text)
    elif step.kind is StepKind.EVIDENCE:
        answer_evidence(turn, step, text)
    else:
        advance(turn, step.target_for(None))


# -- choosing an option -------------------------------------------------------------------


def _answer_choice(turn: Turn, step: Step, text: str) -> None:
    typed = turn.incoming.choice is None and bool(text)
    if _resolve_held(turn, step, text, keep_own_words):
        return
    if typed and _before_choosing(turn, step, text):
        return
    guessed_before = turn.state.guess is not None
    option = pick(turn, step, text, guessing=True)
    notice, turn.notice = turn.notice, None
    if option is not None:
        words = None if guessed_before and yes_or_no(text) else text  # "ja" to "bedoel je?"
        words = words if typed and not _plain_option(turn, step, text) else None
        choose(turn, step, option, words=words, typed=text if typed else None)
    elif guessed_before and typed and not notice:
        _not_understood(turn, step, text)  # an answer to "do you mean?" is no own words
    elif turn.state.guess is not None:
        if not (typed and settle_guess(turn, step, text)):
            offered = options(turn, step)
            guessed = next(o for o in offered if o.id == turn.state.guess)
            ask_guess(turn, step, guessed, offered)
    elif notice:
        turn.say(notice)
        prompt(turn, step, again=True)
    elif typed and (
        answer_question(turn, step, text, known_only=False)
        or care_for(turn, text)
        or _report_instead(turn, text)
    ):
        return
    elif typed and step.free_text_slot and _own_words(turn, text):
        _store_own_words(turn, step, text)
    elif typed and read_learned(turn, step, text):
        return
    else:
        _not_understood(turn, step, text if typed else None)


def _before_choosing(turn: Turn, step: Step, text: str) -> bool:
    """Typed words that are taken before any option is read from them."""
    if _takes_words(turn, step, text):
        return True  # an answer to the contact person's question, typed where it was read
    if _choice_then_question(turn, step, text):
        return True
    # "als ik mijn naam geef, weet hij het dan?" chooses nothing
    return (
        (text.rstrip().endswith("?") or GUARDS.asks_how(text))
        and not _plain_option(turn, step, text)
        and answer_question(turn, step, text, known_only=True)
    )


#: A short answer, then a question: "anoniem. kan mn leidinggevende zien dat ik het was?"
_LEAD_THEN_QUESTION = re.compile(r"^\s*(?P<lead>[^.!?,;]{2,40}?)\s*[.!,;]+\s+(?P<rest>[^?]+\?)\W*$")


#: A lead that sets a condition or asks: "als ik mijn naam geef, ...", "if I go anonymous, ...".
_CONDITION = re.compile(
    r"(?i)^\W*(?:als|indien|wanneer|stel|if|when|suppose|say|what if|wat als|moet|kan|mag|zal"
    r"|should|can|could|will|would|is|are|do|does|wat|what|wie|who|hoe|how|waarom|why)\b"
)


def _choice_then_question(turn: Turn, step: Step, text: str) -> bool:
    """An option chosen in a few words with a question after it ("with my name. will I
    get a phone call?"): the question is answered and the choice taken, so the melder need
    not give it again. Where the answer sends the report, only a question the receipt
    answers comes with it (`_send_then_told`)."""
    found = _LEAD_THEN_QUESTION.match(text)
    if found is None or step.picks_step or step.careful:
        return False
    if _CONDITION.match(found["lead"]):
        return False  # "als ik mijn naam geef, weet hij het dan?" chooses nothing
    if step.sends or step.review:
        return _send_then_told(turn, step, found["lead"], found["rest"])
    option = plainly_chosen(turn, step, found["lead"])
    if option is None or option.effect is not None or option.cancels:
        return False
    answer_question(turn, None, found["rest"], known_only=False)
    choose(turn, step, option)
    return True


def _send_then_told(turn: Turn, step: Step, lead: str, question: str) -> bool:
    """ "yes correct. how long before I hear something?" at the summary: a plain yes with a
    question about what happens after sending, which the receipt answers; the report is
    sent. Any other question ("yes send it, who will read it?", "ja. kan mijn leidinggevende
    dit zien?") is answered before anything is sent, and the summary asked again."""
    option = plainly_chosen(turn, step, lead)
    if option is None or step.target_for(option.id) != EXIT_SUBMIT:
        return False
    if GUARDS.question_topic(question) == "what_next":
        choose(turn, step, option)
        return True
    return answer_question(turn, step, question, known_only=False)


def _takes_words(turn: Turn, step: Step, text: str) -> bool:
    """Typed words that pick none of the step's options, which its `takes_words` check
    takes as a message of their own (it says so itself); False: read them as usual."""
    if step.takes_words is None:
        return False
    if normalise_code(text) is not None:
        # A case code is never read for typos: one character off the melder's own code
        # may be another melder's report (the step's check refuses and audits that).
        return turn.env.registry.unknown_checks[step.takes_words](turn, text)
    offered = options(turn, step)
    labels = [turn.tr(o.label) for o in offered]
    found = match_option(text, offered, labels, numbers=True, words=answer_words(step.slot))
    if found.option is not None or found.out_of_range:
        return False
    return turn.env.registry.unknown_checks[step.takes_words](turn, text)


#: Intents that say a message is about something else than the question's subject.
_ELSEWHERE = frozenset(
    {
        "want_anonymous",
        "want_named",
        "cancel",
        "help",
        "greet",
        "goodbye",
        "thank",
        "ask_status",
        "ask_privacy",
        "delete_data",
        "ask_aftercare",
    }
)


def _own_words(turn: Turn, text: str) -> bool:
    """Whether a message that chose no option can be the answer in the melder's own
    words: not filler ("klaar"), not clearly about something else ("anoniem graag")."""
    tiny = all(len(w) < 3 for w in text.split())
    if GUARDS.says_nothing(text) or yes_or_no(text) == "yes" or tiny:
        return False  # "klaar", "ok", "ja klopt" (to "waar?"), "x": no answer in words
    parse = turn.parse
    return not (
        parse is not None
        and parse.intent.name in _ELSEWHERE
        and parse.intent.confidence >= turn.env.config.nlu_threshold
    )


def _not_understood(turn: Turn, step: Step, text: str | None) -> None:
    checked = (
        text is not None
        and step.on_unknown is not None
        and turn.env.registry.unknown_checks[step.on_unknown](turn, text)
    )
    if text is not None and not checked:
        turn.say(turn.tr(texts.NOT_UNDERSTOOD_OPTIONS))
    if checked and turn.step is not step:
        return  # the check took the words as an answer: the conversation went on
    prompt(turn, step, again=True)


#: What keeps an accepted answer in words (as the story, the melder's own words, ...).
Store = Callable[[Turn, Step, str], None]


def _resolve_held(turn: Turn, step: Step, text: str, store: Store) -> bool:
    """The answer to "shall I keep it like this?" about a held answer: keep it, or ask the
    question again. False (and the held answer dropped) when the message is another
    answer; a story the melder goes on with is added to."""
    held, turn.state.held = turn.state.held, None
    if held is None:
        return False
    decision = held_decision(turn, text)
    if decision == HELD_KEEP:
        store(turn, step, held)
    elif decision == HELD_RETYPE:
        turn.say(turn.tr(texts.HELD_RETYPE_ASK))
        prompt(turn, step, again=True)
    elif step.story and text and turn.incoming.choice is None:
        store(turn, step, f"{held}\n{text}")
    else:
        return False
    return True


def _plain_option(turn: Turn, step: Step, text: str) -> bool:
    """Whether the text is an option's number, id, label or synonym as such."""
    offered = options(turn, step)
    labels = [turn.tr(o.label) for o in offered]
    return match_option(text, offered, labels, loose=False).option is not None


def _store_own_words(turn: Turn, step: Step, text: str) -> None:
    """A choice answered in the melder's own words: 'other', with the words kept."""
    problem = texts.TEXT_TOO_LONG if len(text) > step.max_length else None
    _check_then_store(turn, step, text, problem, keep_own_words)


def _check_then_store(turn: Turn, step: Step, text: str, problem: str | None, store: Store) -> None:
    """Store typed words unless they are refused (`problem`, a msgid) or doubted (the
    step's named doubt: then they are held until the melder confirms them)."""
    if problem is not None:
        turn.say(turn.tr(problem, limit=step.max_length))
        prompt(turn, step, again=True)
        return
    doubt = _doubt(turn, step, text)
    if doubt is not None:
        hold(turn, step, text, doubt)
        return
    store(turn, step, text)


def keep_own_words(turn: Turn, step: Step, text: str) -> None:
    """Store a choice's answer in the melder's own words and go on."""
    assert step.slot is not None
    assert step.free_text_slot is not None
    turn.slots[step.slot] = "other"
    turn.slots[step.free_text_slot] = text
    if step.slot == fields.RELATION and names_colleague(text):
        turn.say(turn.tr(facttexts.COLLEAGUE_NOTE))
    advance(turn, run_effects(turn, step, None, step.target_for(None)))


# -- the start menu -----------------------------------------------------------------------


#: A wish to report said in words ("ik wil agressie op het werk melden"), beside the intent.
_REPORT_WORD = re.compile(r"(?i)\b(?:melden|meld|melding|report|reporten|aangeven|aangifte)\b")


def _report_instead(turn: Turn, text: str) -> bool:
    """Outside a report (privacy, status, a check-in), "ik wil agressie op het werk melden"
    starts that report, as it would at the menu."""
    parse = turn.parse
    if turn.flow is None or turn.flow.kind is not None or turn.contact is not None:
        return False
    if parse is None or parse.intent.name not in REPORT_INTENTS:
        return False
    if parse.intent.confidence < turn.env.config.nlu_threshold:
        return False
    if not (_REPORT_WORD.search(text) or report_kind(turn, text) is not None):
        return False  # "vorige week een 2, nu een 4" at a check-in started a report
    menu = menu_flow(turn)
    step = menu.step(menu.start)
    option = next((o for o in step.options if parse.intent.name in o.intents), None)
    if option is None:
        return False
    turn.state.reset()
    turn.flow, turn.step = menu, step
    target = step.target_for(option.id)
    _start_from_text(turn, target, parse.text)
    advance(turn, target)
    return True


def _answer_menu(turn: Turn, step: Step, text: str) -> None:
    typed = turn.incoming.choice is None and bool(text)
    takes = turn.env.registry.unknown_checks[step.takes_words] if step.takes_words else None
    if typed and takes is not None and takes(turn, text):
        return  # words about a report already sent: that report, at once
    guessed, asked_about = turn.state.guess, turn.state.held
    turn.state.held = None
    option = pick(turn, step, text)
    reported = option is not None and bool(REPORT_INTENTS & set(option.intents))
    if option is not None and typed and not reported and GUARDS.wants_to_report(text):
        option = None  # "i want to report something" looks like "I want to talk to someone"
    if option is not None and typed and not reported:
        option = story_over_support(turn, step, option, text)
    if option is None and typed:
        option = told_what_happened(turn, step, text)
    if option is None and typed and (guess := report_guess(turn, step)) is not None:
        turn.state.held = text  # the words asked about: the story once the guess is taken
        ask_guess(turn, step, guess, options(turn, step))
        return  # "something feels off with a colleague, she grabbed a resident's arm"
    if option is not None:
        target = step.target_for(option.id)
        if asked_about is not None and guessed is not None:
            _start_from_text(turn, target, asked_about)  # the words the guess was about
        elif turn.incoming.choice is None and turn.parse is not None and text:
            _start_from_text(turn, target, turn.parse.text)
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
    if text and (answer_question(turn, None, text, known_only=True) or care_for(turn, text)):
        return not turn.state.safety
    if text and GUARDS.wants_to_report(text):
        turn.say(turn.tr(texts.REPORT_WHICH))
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


def _start_from_text(turn: Turn, target: str, text: str) -> None:
    """A free sentence chose a report: say so, and keep what it already told us."""
    flow = (
        turn.env.flows.get(target[len(FLOW_PREFIX) :]) if target.startswith(FLOW_PREFIX) else None
    )
    if flow is None or flow.kind is None:
        return
    if flow.announce:
        turn.say(turn.tr(flow.announce))
    read_opening(turn, flow, text)


# -- free text --------------------------------------------------------------------------


def _answer_text(turn: Turn, step: Step, text: str) -> None:
    assert step.slot is not None
    if _resolve_held(turn, step, text, _store_text):
        return
    if turn.incoming.choice is not None or (text and options(turn, step)):
        # A number picks a listed option (the console and Matrix show them numbered);
        # any other number is an answer in its own right, such as a phone number. Words
        # pick an option only as such or as its listed words: they are the answer.
        option = pick(turn, step, text, loose=_lexicon_only(step))
        turn.notice = None
        if option is not None and _more_than_a_shortcut(turn, step, text):
            option = None  # "the group is called Ouders Oost, no idea who ...": the answer
        if option is not None:
            value = offered_value(turn, step) if option.id == USE_OFFER else option.stored
            turn.slots[step.slot] = value
            advance(turn, run_effects(turn, step, option, step.target_for(option.id)))
            return
        if turn.incoming.choice is not None:
            prompt(turn, step, again=True)
            return
    if _aside_from_text(turn, step, text):
        return
    _check_then_store(turn, step, text, _text_problem(step, text), _store_text)


#: Typed words longer than this hold more than a shortcut such as 'I don't know'.
_SHORTCUT_WORDS = 8
#: A number, an @ or a web address beside a shortcut tells more than it: "nummer eindigt
#: op 77, rest weet ik niet".
_DETAIL = re.compile(r"[@\d]|\w\.\w{2,}")


def _more_than_a_shortcut(turn: Turn, step: Step, text: str) -> bool:
    """Whether words that named a shortcut of a free-text question ('I don't know') tell
    more than that: then they are the answer, and nothing they say is lost. Not where the
    answer is checked (a phone number): there the shortcut is the answer."""
    return (
        step.effect is None
        and turn.incoming.choice is None
        and (len(text.split()) > _SHORTCUT_WORDS or _DETAIL.search(text) is not None)
        and not _plain_option(turn, step, text)
    )


def _lexicon_only(step: Step) -> bool:
    """Whether typed words may pick a shortcut of a free-text question by its listed words
    ("weet ik niet" for 'I don't know' at the account question), never by a word of its
    label inside a story."""
    return bool(answer_words(step.slot)) and not step.story


def _aside_from_text(turn: Turn, step: Step, text: str) -> bool:
    """A message at a free-text question that is something else: a pointer to what was
    written before, a question to the bot, distress, or a word that answers nothing."""
    if not text or step.verbatim:
        return False
    offered = offered_value(turn, step) if step.offer is not None else None
    if offered and GUARDS.refers_back(text):
        _store_text(turn, step, offered)
        return True
    if answer_question(turn, step, text, known_only=step.story):
        return True
    if not step.story and care_for(turn, text):
        return True
    if GUARDS.says_nothing(text):
        turn.say(turn.tr(texts.NOT_AN_ANSWER))
        prompt(turn, step, again=True)
        return True
    return False


def _store_text(turn: Turn, step: Step, text: str) -> None:
    assert step.slot is not None
    turn.slots[step.slot] = capitalised(text) if step.doubt == "name" else text  # "anouk"
    advance(turn, run_effects(turn, step, None, step.target_for(None)))


def _doubt(turn: Turn, step: Step, text: str) -> str | None:
    """Why a typed answer may not be what the step asked (its named doubt), or None."""
    if step.doubt is None:
        return None
    return turn.env.registry.doubts[step.doubt](turn, text)


def _text_problem(step: Step, text: str) -> str | None:
    if not text:
        return texts.EMPTY_MESSAGE
    if len(text) < step.min_length or len(text.split()) == 0:
        return texts.TEXT_TOO_SHORT
    if len(text) > step.max_length:
        return texts.TEXT_TOO_LONG
    return None
