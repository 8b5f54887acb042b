"""Registries for the case flows: the aanspreekpunt's `cases` and the melder's `status`.

The flows in dialogs/flows/menu.py refer to these by name; each effect re-checks that
the person may touch the case before it changes anything.
"""

from __future__ import annotations

from dialogs import callbackflow, followtexts, render, texts
from dialogs.casedesk import CaseDesk
from dialogs.catalogue import ACTION_GROUPS, ACTIONS, OUTCOMES
from dialogs.flow import Option
from dialogs.organisation import Contact
from dialogs.turn import Effect, Registry, Turn
from storage.casecode import normalise_code
from storage.casework import CaseNote
from storage.repository import CaseRecord


def _desk(turn: Turn) -> CaseDesk:
    return CaseDesk(turn.unit, turn.org, turn.env.fields)


def contact_case(turn: Turn) -> tuple[Contact, CaseRecord] | None:
    """The contact and the case they are looking at, if they may (a refusal is audited)."""
    contact = turn.contact
    if contact is None:
        return None
    case = _desk(turn).case_for(contact, turn.slots.get("case_code"))
    if case is None:
        return None
    return contact, case


def case_label(case: CaseRecord, turn: Turn) -> str:
    """A case in a list: its code, kind and status."""
    tr = turn.tr
    return f"{case.code} · {tr(texts.KIND_LABEL[case.kind])} · {tr(texts.CASE_STATUS[case.status])}"


def _name(turn: Turn, contact_id: str | None) -> str:
    if contact_id is None:
        return ""
    try:
        return turn.org.contact(contact_id).name
    except KeyError:
        return contact_id


# -- option sources ---------------------------------------------------------------------


def _my_cases(turn: Turn) -> tuple[Option, ...]:
    """A contact's cases, then the requests to be contacted that went to them."""
    if turn.contact is None:
        return ()
    cases = _desk(turn).cases_of(turn.contact)
    found = tuple(Option(c.code, case_label(c, turn), synonyms=(c.code,)) for c in cases)
    return found + callbackflow.contact_options(turn)


def _actions_in_group(turn: Turn) -> tuple[Option, ...]:
    group = turn.slots.get("action_group")
    for gid, _label, items in ACTION_GROUPS:
        if gid == group:
            return tuple(Option(num, f"{num}. {turn.tr(label)}") for num, label in items)
    return ()


def _handover_contacts(turn: Turn) -> tuple[Option, ...]:
    found = contact_case(turn)
    if found is None:
        return ()
    contact, case = found
    return tuple(
        Option(c.id, f"{c.name} ({turn.tr(texts.ROLE_NAME[c.role.value])})")
        for c in _desk(turn).handover_candidates(contact, case)
    )


_OPTION_SOURCES = {
    "my_cases": _my_cases,
    "actions_in_group": _actions_in_group,
    "handover_contacts": _handover_contacts,
}


# -- option filters ---------------------------------------------------------------------


def _case_actions(turn: Turn, options: tuple[Option, ...]) -> tuple[Option, ...]:
    found = contact_case(turn)
    if found is None:
        return tuple(o for o in options if o.id in ("list", "menu"))
    contact, case = found
    hidden: set[str] = set()
    if not any(e.kind == "file" for e in case.evidence):
        hidden.add("evidence")
    if not _desk(turn).may_have_dossier(contact, case):
        hidden.add("dossier")
    if case.status == "closed":
        hidden |= {"claim", "ask", "action", "progress", "feedback", "close", "handover"}
    else:
        if case.claimed_by is not None:
            hidden.add("claim")
        if case.status == "in_progress":
            hidden.add("progress")
    return tuple(o for o in options if o.id not in hidden)


_OPTION_FILTERS = {
    "case_actions": _case_actions,
}


# -- renderers --------------------------------------------------------------------------


def _render_case_list(turn: Turn) -> str:
    cases = _desk(turn).cases_of(turn.contact) if turn.contact else []
    if not cases and not callbackflow.contact_options(turn):
        return turn.tr(texts.CASES_NONE)
    return turn.tr(texts.CASES_INTRO)


#: Who wrote a case message, as the contact's view says it (by message kind).
_WHO = {
    "question": texts.WHO_QUESTION,
    "note": texts.WHO_NOTE,
    "feedback": texts.WHO_FEEDBACK,
    "answer": texts.WHO_MELDER,
    "reply": followtexts.WHO_MELDER_REPLY,
    "addition": followtexts.WHO_MELDER_ADDITION,
    "reopen": followtexts.WHO_MELDER_REOPEN,
    "callback": texts.WHO_MELDER,
}


def _message_lines(turn: Turn, messages: list[CaseNote]) -> list[str]:
    """A case's messages in the contact's view, oldest first."""
    tr, tz = turn.tr, turn.org.timezone
    lines = [tr(texts.CASE_MESSAGES)] if messages else []
    for m in messages:
        who = tr(_WHO[m.kind], name=_name(turn, m.author)) if m.kind in _WHO else m.kind
        lines.append(
            tr(
                texts.CASE_MESSAGE_LINE,
                date=render.when(m.created_at, tr, tz),
                who=who,
                # A call-back request holds no words of its own: say what it is.
                text=tr(texts.CALLBACK_ASKED) if m.kind == "callback" else m.text,
            )
        )
    return lines


def _render_case_view(turn: Turn) -> str:
    found = contact_case(turn)
    if found is None:
        return turn.tr(texts.CASE_NOT_YOURS)
    contact, case = found
    tr, tz = turn.tr, turn.org.timezone
    turn.unit.audit(contact.id, "case_viewed", case_id=case.id)
    lines = [render.case_view(case, contact.id, tr, turn.org, turn.env.fields)]
    if case.claimed_by:
        lines.append(tr(texts.CASE_HOLDER, name=_name(turn, case.claimed_by)))
    elif case.status != "closed":
        lines.append(tr(texts.CASE_UNCLAIMED))
    if case.outcome:
        outcome = dict(OUTCOMES).get(case.outcome, case.outcome)
        lines.append(tr(texts.OUTCOME_LINE, outcome=tr(outcome)))
    work = _desk(turn).work
    lines.extend(_message_lines(turn, work.messages(case.id, notes=True)))
    checkins = work.checkins(case.id, for_contact=True)
    scored = [c for c in checkins if c.score is not None]
    if scored:
        trend = ", ".join(tr(texts.CHECKIN_TREND_ITEM, day=c.day, score=c.score) for c in scored)
        lines.append(tr(texts.CHECKIN_TREND, trend=trend))
        for c in checkins:
            if c.text:
                lines.append(tr(texts.CHECKIN_SHARED_WORDS, day=c.day, text=c.text))
    actions = work.actions(case.id)
    if actions:
        lines.append(tr(texts.CASE_ACTIONS))
        for a in actions:
            label = f"{a.code}. {tr(ACTIONS[a.code])}" if a.code in ACTIONS else (a.text or "")
            lines.append(
                tr(
                    texts.CASE_ACTION_LINE,
                    date=render.when(a.created_at, tr, tz),
                    name=_name(turn, a.actor),
                    action=label,
                )
            )
    return "\n".join(lines)


_RENDERERS = {
    "case_list": _render_case_list,
    "case_view": _render_case_view,
}


# -- effects ----------------------------------------------------------------------------


REFUSED = "refused"


def _refused(turn: Turn) -> str:
    turn.say(turn.tr(texts.CASE_NOT_YOURS))
    return REFUSED


def _claim(turn: Turn) -> str | None:
    found = contact_case(turn)
    if found is None:
        return _refused(turn)
    contact, case = found
    holder = _desk(turn).claim(contact, case)
    if holder is None:
        turn.say(turn.tr(texts.CASE_CLOSED_ALREADY))
    elif holder == contact.id:
        turn.say(turn.tr(texts.CLAIMED_BY_YOU))
    else:
        turn.say(turn.tr(texts.CLAIMED_BY_OTHER, name=_name(turn, holder)))
    return None


def _mark_in_progress(turn: Turn) -> str | None:
    found = contact_case(turn)
    if found is None:
        return _refused(turn)
    _desk(turn).mark_in_progress(*found)
    turn.say(turn.tr(texts.STATUS_SET))
    return None


def _relay_question(turn: Turn) -> str | None:
    found = contact_case(turn)
    text = str(turn.slots.pop("question_text", ""))
    if found is None:
        return _refused(turn)
    _desk(turn).ask(*found, text)
    turn.say(turn.tr(texts.QUESTION_SENT))
    return None


def _add_note(turn: Turn) -> str | None:
    found = contact_case(turn)
    text = str(turn.slots.pop("note_text", ""))
    if found is None:
        return _refused(turn)
    _desk(turn).note(*found, text)
    turn.say(turn.tr(texts.NOTE_SAVED))
    return None


def _record_action(turn: Turn) -> str | None:
    found = contact_case(turn)
    own = turn.slots.pop("action_text", None)
    code = str(turn.slots.pop("action_code", "other")) if own is None else "other"
    if found is None:
        return _refused(turn)
    _desk(turn).record_action(*found, code, str(own) if own else None)
    turn.say(turn.tr(texts.ACTION_SAVED))
    return None


def _give_feedback(turn: Turn) -> str | None:
    found = contact_case(turn)
    feedback = str(turn.slots.pop("feedback_text", ""))
    if found is None:
        return _refused(turn)
    _desk(turn).give_feedback(*found, feedback)
    turn.say(turn.tr(followtexts.FEEDBACK_SENT))
    return None


def _close_case(turn: Turn) -> str | None:
    found = contact_case(turn)
    feedback = str(turn.slots.pop("feedback_text", ""))
    outcome = str(turn.slots.pop("outcome", "handled"))
    if found is None:
        return _refused(turn)
    _desk(turn).close(*found, outcome, feedback)
    turn.say(turn.tr(texts.CASE_CLOSED_DONE))
    return None


def _hand_over(turn: Turn) -> str | None:
    to_id = str(turn.slots.pop("handover_to", ""))
    if to_id == "cancel_handover":
        return None
    found = contact_case(turn)
    if found is None:
        return _refused(turn)
    target = _desk(turn).hand_over(*found, to_id)
    if target is None:
        turn.say(turn.tr(texts.NO_HANDOVER_CANDIDATES))
        return "no_candidates"
    turn.say(turn.tr(texts.HANDED_OVER_DONE, name=target.name))
    return None


def audit_guessed_code(turn: Turn, text: str | None) -> bool:
    """A case code that is not in the contact's list, typed or on a forged button, is an
    access attempt: refuse and audit it."""
    if text is None:
        turn.unit.audit(turn.actor, "case_access_refused", forged_button=True)
        return False
    code = normalise_code(text)
    if code is None or turn.contact is None:
        return False
    _desk(turn).case_for(turn.contact, code)
    turn.say(turn.tr(texts.CASE_NOT_YOURS))
    return True


REGISTRY = Registry(
    option_sources=_OPTION_SOURCES,
    option_filters=_OPTION_FILTERS,
    renderers=_RENDERERS,
    effects={
        "claim_case": Effect(_claim, (REFUSED,)),
        "mark_in_progress": Effect(_mark_in_progress, (REFUSED,)),
        "relay_question": Effect(_relay_question, (REFUSED,)),
        "add_note": Effect(_add_note, (REFUSED,)),
        "record_action": Effect(_record_action, (REFUSED,)),
        "give_feedback": Effect(_give_feedback, (REFUSED,)),
        "close_case": Effect(_close_case, (REFUSED,)),
        "hand_over": Effect(_hand_over, (REFUSED, "no_candidates")),
    },
    unknown_checks={
        "guessed_case_code": audit_guessed_code,
    },
)
