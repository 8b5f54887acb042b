"""Registries for the melder's 'Status of my report' (dialogs/flows/status.py): their
reports, the latest exchange with the contact person, answering (also simply typed),
writing back, adding to a report, reopening it, its receipt and its dossier.

Each effect re-checks that the report is the melder's own before it changes anything.
"""

from __future__ import annotations

from dialogs import callbackflow, followtexts, render, texts
from dialogs.aftercare import CHECKIN
from dialogs.casedesk import CaseDesk
from dialogs.caseflow import case_label
from dialogs.choosing import choose
from dialogs.flow import Option, Step
from dialogs.guards import GUARDS
from dialogs.navigation import prompt
from dialogs.storyfacts import report_kind
from dialogs.turn import Effect, Registry, Turn
from storage.casecode import normalise_code
from storage.casework import MELDER_VISIBLE, CaseNote
from storage.repository import CaseRecord

#: How many of the latest messages the melder's view of a report shows.
EXCHANGE = 4
#: The slot that keeps what the melder said they want to do with a report ("add") until
#: they have chosen which report.
WISH = "own_case_wish"
#: What a wish begins: the outcome of opening the report, as the status flow names it.
_WISHES = ("add", "reply", "answer", "reopen")
#: The wish of an answer typed at the menu: confirmed before it is passed on.
TYPED = "answer_typed"
#: Intents that are no answer to a contact's question, besides those of the menu's options.
_SOCIAL_INTENTS = frozenset({"greet", "goodbye", "thank", "help", "cancel"})


def _desk(turn: Turn) -> CaseDesk:
    return CaseDesk(turn.unit, turn.org, turn.env.fields)


def own_case(turn: Turn) -> CaseRecord | None:
    """The report the melder is looking at, if it is their own."""
    code = turn.slots.get("own_case")
    case = turn.unit.case_by_code(str(code)) if code else None
    if case is None or case.reporter_ref != turn.key:
        return None
    return case


# -- option sources and filters -----------------------------------------------------------


def _own_cases(turn: Turn) -> tuple[Option, ...]:
    """A melder's reports, then their requests to be contacted."""
    cases = turn.unit.cases_of_reporter(turn.key)
    found = tuple(Option(c.code, case_label(c, turn), synonyms=(c.code,)) for c in cases)
    return found + callbackflow.own_options(turn)


def _own_case_actions(turn: Turn, options: tuple[Option, ...]) -> tuple[Option, ...]:
    """What fits the report now: answering an open question (else writing to the contact
    person, such as a reply to their feedback), reopening a closed report, the dossier for
    a named melder, stopping check-ins while some are to come."""
    case = own_case(turn)
    if case is None:
        return tuple(o for o in options if o.id in ("list", "menu"))
    work = _desk(turn).work
    question = work.open_question(case.id)
    hidden = {"answer"} if question is None else {"reply"}
    if case.status != "closed":
        hidden.add("reopen")
    if case.anonymous:
        hidden.add("dossier")  # nobody in the organisation may know it is theirs
    if not case.checkins or not work.pending_timers(case.id, CHECKIN):
        hidden.add("stop_checkins")
    return tuple(o for o in options if o.id not in hidden)


# -- renderers ------------------------------------------------------------------------------


def _render_status(turn: Turn) -> str:
    """The melder's reports, then their requests to be contacted."""
    cases = turn.unit.cases_of_reporter(turn.key)
    requests = callbackflow.own_options(turn)
    lines = [render.status_list(cases, turn.tr, turn.org.timezone)] if cases or not requests else []
    if requests:
        lines.append(turn.tr(followtexts.STATUS_CALLBACKS))
        lines.extend(f"• {o.label}" for o in requests)
    return "\n".join(lines)


_WHO = {
    "question": followtexts.WHO_CONTACT_QUESTION,
    "feedback": followtexts.WHO_CONTACT_FEEDBACK,
    "answer": followtexts.WHO_YOU,
    "reply": followtexts.WHO_YOU,
    "addition": followtexts.WHO_YOU_ADDED,
    "reopen": followtexts.WHO_YOU_REOPENED,
}


def _exchange(turn: Turn, messages: list[CaseNote], open_id: int | None) -> list[str]:
    """The latest messages between the melder and the contact person, oldest first (the
    open question is shown on its own, below them)."""
    visible = [m for m in messages if m.kind in MELDER_VISIBLE and m.id != open_id]
    shown = visible[-EXCHANGE:]
    if not shown:
        return []
    tr, tz = turn.tr, turn.org.timezone
    lines = [tr(followtexts.OWN_CASE_EXCHANGE)]
    for m in shown:
        who = tr(_WHO[m.kind])
        date = render.when(m.created_at, tr, tz)
        lines.append(tr(texts.CASE_MESSAGE_LINE, date=date, who=who, text=m.text))
    return lines


def _render_own_case(turn: Turn) -> str:
    case = own_case(turn)
    tr = turn.tr
    if case is None:
        return tr(texts.OWN_CASE_NOT_FOUND)
    lines = [
        tr(
            texts.OWN_CASE_HEADER,
            code=case.code,
            kind=tr(texts.KIND_LABEL[case.kind]),
            date=render.when(case.created_at, tr, turn.org.timezone),
            status=tr(texts.CASE_STATUS[case.status]),
        )
    ]
    work = _desk(turn).work
    question = work.open_question(case.id)
    open_id = question.id if question is not None else None
    exchange = _exchange(turn, work.messages(case.id, notes=False), open_id)
    lines.extend(exchange)
    if question is not None:
        lines.append(tr(followtexts.OWN_CASE_TYPE_ANSWER, text=question.text))
    elif not exchange:
        lines.append(tr(texts.OWN_CASE_NO_NEWS))
    return "\n".join(lines)


def _render_open_question(turn: Turn) -> str | None:
    case = own_case(turn)
    if case is None:
        return None
    question = _desk(turn).work.open_question(case.id)
    return turn.tr(texts.OWN_CASE_QUESTION, text=question.text) if question else None


# -- effects and checks -------------------------------------------------------------------


def _stop_own_checkins(turn: Turn) -> str | None:
    """The melder's one-tap opt-out, from their report, at any time."""
    case = own_case(turn)
    if case is not None:
        _desk(turn).work.set_checkins(case.id, False)
    turn.say(turn.tr(texts.CHECKIN_STOPPED))
    return None


def _relay_answer(turn: Turn) -> str | None:
    text = str(turn.slots.pop("answer_text", ""))
    case = own_case(turn)
    if case is None or not _desk(turn).answer(turn.key, case, text):
        turn.say(turn.tr(texts.NO_OPEN_QUESTION))
        return None
    turn.say(turn.tr(texts.ANSWER_SENT))
    return None


def typed_answer(turn: Turn, text: str | None) -> bool:
    """Words typed in the view of a report with an open question are the answer (what the
    melder typed is never lost for want of a button); False without an open question."""
    case = own_case(turn)
    if text is None or case is None or _desk(turn).work.open_question(case.id) is None:
        return False
    turn.slots["answer_text"] = text
    _relay_answer(turn)
    turn.slots.pop("own_case_nav", None)
    assert turn.step is not None
    prompt(turn, turn.step, again=True)
    return True


def _drop_typed_answer(turn: Turn) -> str | None:
    """A no to passing on what was typed at the menu: nothing is sent."""
    turn.slots.pop("answer_text", None)
    turn.say(turn.tr(followtexts.TYPED_ANSWER_KEPT))
    return None


def _relay_reply(turn: Turn) -> str | None:
    text = str(turn.slots.pop("reply_text", ""))
    case = own_case(turn)
    if case is None or not _desk(turn).reply(turn.key, case, text):
        turn.say(turn.tr(texts.OWN_CASE_NOT_FOUND))
        return None
    turn.say(turn.tr(followtexts.REPLY_SENT))
    return None


def _begin_addition(turn: Turn) -> str | None:
    """Adding starts afresh: files sent to an addition let go of earlier are dropped."""
    turn.unit.discard_draft_evidence(turn.key)
    case = own_case(turn)
    if case is not None and case.status == "closed":
        turn.say(turn.tr(followtexts.ADDITION_CLOSED_NOTE))
    return None


def _add_to_case(turn: Turn) -> str | None:
    words = str(turn.slots.pop("addition_text", "") or "") or None
    turn.slots.pop("addition", None)
    case = own_case(turn)
    if case is None:
        turn.unit.discard_draft_evidence(turn.key)
        turn.say(turn.tr(texts.OWN_CASE_NOT_FOUND))
        return None
    if _desk(turn).add(turn.key, case, words) is None:
        turn.say(turn.tr(followtexts.ADDITION_EMPTY))
    else:
        turn.say(turn.tr(followtexts.ADDITION_SENT, code=case.code))
    return None


def _drop_addition(turn: Turn) -> str | None:
    turn.slots.pop("addition_text", None)
    turn.slots.pop("addition", None)
    turn.unit.discard_draft_evidence(turn.key)
    turn.say(turn.tr(followtexts.ADDITION_DROPPED))
    return None


def _reopen(turn: Turn) -> str | None:
    reason = str(turn.slots.pop("reopen_text", "") or "")
    case = own_case(turn)
    if not reason:
        turn.say(turn.tr(followtexts.REOPEN_KEPT))
    elif case is None or not _desk(turn).reopen(turn.key, case, reason):
        turn.say(turn.tr(followtexts.NOT_CLOSED))
    else:
        turn.say(turn.tr(followtexts.REOPENED, code=case.code))
    return None


# -- a report chosen and an action begun in the melder's words ------------------------------


def own_report_wish(turn: Turn, text: str | None) -> bool:
    """At the menu, words about a report already sent ("ik wil nog wat toevoegen aan mijn
    melding", "reageren op de terugkoppeling"): with one report it opens and the action
    begins; with more, the list asks which one and the action follows the choice. False
    for anything else (a new report, "mijn melding" alone: the menu reads those)."""
    wish = GUARDS.own_report(text) if text else None
    if wish is None and text and _answer_at_the_menu(turn, text):
        return True
    if wish not in _WISHES or GUARDS.wants_to_report(str(text)):
        return False
    if not turn.unit.cases_of_reporter(turn.key):
        return False
    listed = _begin_status(turn, wish)
    if not _open_the_only_one(turn):
        turn.say(turn.tr(followtexts.WHICH_REPORT_FIRST))
        prompt(turn, listed)
    return True


#: Fewer words than this at the menu are no answer to a contact's question ("hoi", "status").
_ANSWER_WORDS = 3


def _answer_at_the_menu(turn: Turn, text: str) -> bool:
    """Words typed at the menu right after a contact's question came in ("nee ik was
    alleen, mn collega zat achter"): with one report waiting for an answer, and words that
    choose nothing of the menu, they are kept as the answer to it and passed on only after
    a yes (never lost for want of opening the report first)."""
    if len(text.split()) < _ANSWER_WORDS or text.rstrip().endswith("?"):
        return False
    parse, menu = turn.parse, turn.step
    if parse is not None and parse.intent.confidence >= turn.env.config.nlu_threshold:
        chosen = {i for o in menu.options for i in o.intents} if menu else set()
        if parse.intent.name in chosen | _SOCIAL_INTENTS:
            return False  # "ik wil met iemand praten", "hoe staat het met mijn melding"
    desk = _desk(turn)
    asked = [(c, desk.work.open_question(c.id)) for c in turn.unit.cases_of_reporter(turn.key)]
    waiting = [(c, q) for c, q in asked if q is not None]
    if len(waiting) != 1:
        return False
    if GUARDS.wants_to_report(text) or report_kind(turn, text) is not None:
        return False  # a new report, told at the menu
    [(case, _)] = waiting
    listed = _begin_status(turn, TYPED)
    turn.slots["answer_text"] = text
    turn.say(turn.tr(followtexts.ANSWER_AT_MENU, code=case.code))
    choose(turn, listed, next(o for o in _own_cases(turn) if o.id == case.code))
    return True


def _begin_status(turn: Turn, wish: str) -> Step:
    """The status flow from its list of reports (returned), with the action the melder
    wants first."""
    flow = turn.env.flows["status"]
    turn.state.reset()
    turn.flow, turn.step = flow, flow.step(flow.start)
    turn.slots[WISH] = wish
    return turn.step


def own_case_by_words(turn: Turn, text: str | None) -> bool:
    """At the list of reports, words that name no report: "die", "mijn melding" or an
    action ("toevoegen") open a melder's only report (and begin the action); with more
    reports an action is kept until they choose one. False: read the words as usual."""
    code = normalise_code(text) if text else None
    if code is not None:
        return _by_code(turn, code, text or "")
    wish = GUARDS.own_report(text) if text else None
    if wish is None:
        return False
    if wish in _WISHES:
        turn.slots[WISH] = wish
    if _open_the_only_one(turn):
        return True
    if wish not in _WISHES:
        return False  # "die" among several reports says not which
    assert turn.step is not None
    turn.say(turn.tr(followtexts.WHICH_REPORT_FIRST))
    prompt(turn, turn.step)
    return True


def _by_code(turn: Turn, code: str, text: str) -> bool:
    """A case code typed at the list: the melder's own report of exactly that code, or
    refused and audited (never the own report one character off it)."""
    assert turn.step is not None
    own = next((o for o in _own_cases(turn) if o.id == code), None)
    if own is not None:
        choose(turn, turn.step, own)
    else:
        audit_guessed_own_code(turn, text)
        prompt(turn, turn.step, again=True)
    return True


def _open_the_only_one(turn: Turn) -> bool:
    offered = _own_cases(turn)
    if len(offered) != 1 or turn.step is None:
        return False
    choose(turn, turn.step, offered[0])
    return True


def _open_own_report(turn: Turn) -> str | None:
    """A report chosen from the list: its view, or at once the action the melder asked
    for (the view is said first, so they see which report it is)."""
    if callbackflow.open_own_item(turn) == "callback":
        turn.slots.pop(WISH, None)
        return "callback"
    wish = turn.slots.pop(WISH, None)
    case = own_case(turn)
    if wish is None or case is None or turn.flow is None:
        return None
    if wish == TYPED:
        return TYPED  # the question it answers is shown with "shall I pass it on?"
    allowed = {o.id for o in _own_case_actions(turn, turn.flow.step("own_case").options)}
    # Writing to the contact person while they wait for an answer is that answer, and
    # an answer without an open question is a message to them.
    if wish == "reply" and "answer" in allowed:
        wish = "answer"
    elif wish == "answer" and "reply" in allowed:
        wish = "reply"
    if wish not in allowed:
        return None  # reopening a report that is open: its view shows what can be done
    turn.say(_render_own_case(turn))
    if wish == "add":
        _begin_addition(turn)
    return str(wish)


def audit_guessed_own_code(turn: Turn, text: str | None) -> bool:
    """The melder's side: a case code that is not one of their own reports (another
    melder's, or a guess), typed or on a forged button, is refused and audited, with the
    case it aimed at when that exists (so `cases audit` shows it) and never the words."""
    if text is None:
        turn.unit.audit(turn.actor, "case_access_refused", forged_button=True)
        return False
    code = normalise_code(text)
    if code is None:
        return False
    case = turn.unit.case_by_code(code)
    if case is not None and case.reporter_ref == turn.key:
        return False  # their own, written in a way the list did not recognise
    turn.unit.audit(turn.actor, "case_access_refused", case_id=case.id if case else None)
    turn.say(turn.tr(texts.OWN_CASE_NOT_FOUND))
    return True


REGISTRY = Registry(
    option_sources={"own_cases": _own_cases},
    option_filters={"own_case_actions": _own_case_actions},
    renderers={
        "status": _render_status,
        "own_case": _render_own_case,
        "open_question": _render_open_question,
    },
    effects={
        "open_own_report": Effect(_open_own_report, ("callback", *_WISHES, TYPED)),
        "stop_own_checkins": Effect(_stop_own_checkins),
        "relay_answer": Effect(_relay_answer),
        "drop_typed_answer": Effect(_drop_typed_answer),
        "relay_reply": Effect(_relay_reply),
        "begin_addition": Effect(_begin_addition),
        "add_to_case": Effect(_add_to_case),
        "drop_addition": Effect(_drop_addition),
        "reopen_case": Effect(_reopen),
    },
    unknown_checks={
        "guessed_own_case_code": audit_guessed_own_code,
        "typed_answer": typed_answer,
        "own_report_wish": own_report_wish,
        "own_case_by_words": own_case_by_words,
    },
)
