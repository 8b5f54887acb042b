"""Registries for requests to be contacted (dialogs/callbacks.py) in the flows: asking
for contact (aftercare and check-in flows), the request in a contact's 'My cases', and in
the melder's 'Status of my report'.

Each effect re-checks that the person may touch the request before it changes anything.
"""

from __future__ import annotations

from dialogs import callbacks, followtexts, render, texts
from dialogs.casedesk import CaseDesk
from dialogs.flow import Option
from dialogs.matching import match_option
from dialogs.organisation import Contact
from dialogs.turn import Effect, Registry, Turn
from nlu.facts_base import Story
from nlu.facts_people import reporter_name
from nlu.phrases import NEGATIONS, tokens
from storage.callbacks import Callback, CallbackWork
from storage.repository import CaseRecord

REFUSED = "refused"


def _desk(turn: Turn) -> CaseDesk:
    return CaseDesk(turn.unit, turn.org, turn.env.fields)


# -- asking for contact -------------------------------------------------------------------


def _requested_case(turn: Turn) -> CaseRecord | None:
    """The report a request is about: the check-in's, else the melder's newest, if any."""
    code = turn.slots.get("checkin_case")
    case = turn.unit.case_by_code(str(code)) if code else None
    if case is not None and case.reporter_ref == turn.key:
        return case
    own = turn.unit.cases_of_reporter(turn.key)
    return own[0] if own else None


def _way_decided(turn: Turn) -> bool:
    """With a report, its anonymity decides how the melder is reached."""
    return _requested_case(turn) is not None


def _in_chat(turn: Turn) -> bool:
    """An anonymous melder is reached through the chat: no number is asked."""
    case = _requested_case(turn)
    return case is not None and case.anonymous


def _number_known(turn: Turn) -> bool:
    """No number to ask: the melder is reached in the chat, or already gave it."""
    return _in_chat(turn) or bool(turn.slots.get("callback_phone"))


def _way_from_words(turn: Turn) -> str | None:
    """ "ja graag, bel me maar": the way to be reached, said with the yes, is kept as the
    answer to that question (only where no report decides it)."""
    text = turn.incoming.text or ""
    step = turn.flow.by_name.get("callback_way") if turn.flow is not None else None
    if not text or turn.incoming.choice is not None or step is None:
        return None
    if _requested_case(turn) is not None or NEGATIONS & set(tokens(text)):
        return None  # "bel me niet op mijn werk" says when, not how: the question is asked
    labels = [turn.tr(o.label) for o in step.options]
    found = match_option(text, step.options, labels, numbers=False).option
    if found is not None:
        turn.state.prefill["callback_way"] = found.stored
    return None


def _check_name(turn: Turn) -> str | None:
    """A phone number typed as the name is the number: kept (with the words beside it),
    and the name asked again unless the words give it ("ik ben Lisa, 06 ...")."""
    typed = str(turn.slots.get("callback_name") or "")
    number = callbacks.parse_phone(typed)
    if number is None:
        return None
    turn.slots["callback_phone"] = number
    if callbacks.says_more(typed):
        turn.slots["callback_words"] = typed
    named = reporter_name(Story(typed, turn.unit.clock(), turn.org.timezone))
    if named is not None:
        turn.slots["callback_name"] = str(named.value)
        return None
    turn.slots.pop("callback_name", None)
    turn.say(turn.tr(followtexts.CALLBACK_NUMBER_TAKEN))
    return "again"


def _check_phone(turn: Turn) -> str | None:
    typed = str(turn.slots.get("callback_phone") or "")
    if not typed:
        return None  # the chat instead
    number = callbacks.parse_phone(typed)
    if number is None:
        turn.slots.pop("callback_phone", None)
        turn.say(turn.tr(followtexts.CALLBACK_PHONE_INVALID))
        return "invalid"
    turn.slots["callback_phone"] = number
    if callbacks.says_more(typed):
        turn.slots["callback_words"] = typed  # "na vijven": kept for whoever calls
    return None


def _request(turn: Turn) -> str | None:
    slots = turn.slots
    case = _requested_case(turn)
    phone = str(slots.pop("callback_phone", "") or "") or None
    name = str(slots.pop("callback_name", "") or "") or None
    words = str(slots.pop("callback_words", "") or "") or None
    reach = callbacks.PHONE if phone else callbacks.CHAT
    desk = _desk(turn)
    callback, new = callbacks.request(
        desk,
        reporter_ref=turn.key,
        lang=turn.tr.lang,
        case=case,
        reach=reach,
        name=name,
        phone=phone,
        words=words,
    )
    roles = [c.role.value for c in desk.known(callback.contacts)]
    who = render.role_list(roles, turn.tr)
    if not new:
        turn.say(turn.tr(followtexts.CALLBACK_ALREADY, who=who))
    elif callback.phone:
        phone_text = callbacks.display_phone(callback.phone)
        turn.say(turn.tr(followtexts.CALLBACK_REQUESTED_PHONE, who=who, phone=phone_text))
    else:
        turn.say(turn.tr(followtexts.CALLBACK_REQUESTED_CHAT, who=who))
    return None


def _render_next(turn: Turn) -> str:
    return turn.tr(followtexts.CALLBACK_NEXT)


# -- in a contact's list ------------------------------------------------------------------


def _label(callback: Callback, turn: Turn, case: CaseRecord | None) -> str:
    tr = turn.tr
    about = case.code if case is not None else tr(followtexts.CALLBACK_NO_REPORT)
    status = tr(followtexts.CALLBACK_STATUS[callback.status])
    return f"{tr(followtexts.CALLBACK_LABEL)} · {about} · {status}"


def _case_of(turn: Turn, callback: Callback) -> CaseRecord | None:
    if callback.case_id is None:
        return None
    found = turn.unit.cases_by_ids([callback.case_id])
    return found[0] if found else None


def contact_options(turn: Turn) -> tuple[Option, ...]:
    """The requests to be contacted in a contact's 'My cases' (open ones first)."""
    if turn.contact is None:
        return ()
    found = callbacks.of_contact(_desk(turn), turn.contact)
    found.sort(key=lambda c: c.status == "closed")
    return tuple(Option(callbacks.option_id(c), _label(c, turn, _case_of(turn, c))) for c in found)


def own_options(turn: Turn) -> tuple[Option, ...]:
    """The melder's own requests in 'Status of my report'."""
    return tuple(
        Option(callbacks.option_id(c), _label(c, turn, _case_of(turn, c)))
        for c in callbacks.of_reporter(_desk(turn), turn.key)
    )


def _open_work_item(turn: Turn) -> str | None:
    """A request chosen from 'My cases' opens its own view."""
    chosen = callbacks.id_of(turn.slots.get("case_code"))
    if chosen is None:
        return None
    turn.slots.pop("case_code", None)
    turn.slots["callback"] = chosen
    return "callback"


def _contact_callback(turn: Turn) -> tuple[Contact, Callback] | None:
    contact = turn.contact
    if contact is None:
        return None
    found = callbacks.visible(_desk(turn), contact, turn.slots.get("callback"))
    return (contact, found) if found is not None else None


def _refused(turn: Turn) -> str:
    turn.say(turn.tr(followtexts.CALLBACK_NOT_YOURS))
    return REFUSED


def _name(turn: Turn, contact_id: str | None) -> str:
    known = _desk(turn).known([contact_id]) if contact_id else []
    return known[0].name if known else (contact_id or "")


def _render_view(turn: Turn) -> str:
    found = _contact_callback(turn)
    if found is None:
        return turn.tr(followtexts.CALLBACK_NOT_YOURS)
    contact, callback = found
    tr, tz = turn.tr, turn.org.timezone
    turn.unit.audit(contact.id, "callback_viewed", case_id=callback.case_id, callback=callback.id)
    status = tr(followtexts.CALLBACK_STATUS[callback.status])
    date = render.when(callback.created_at, tr, tz)
    lines = [tr(followtexts.CALLBACK_HEADER, date=date, status=status)]
    case = _case_of(turn, callback)
    if case is not None:
        kind = tr(texts.KIND_LABEL[case.kind])
        lines.append(tr(followtexts.CALLBACK_CASE_LINE, code=case.code, kind=kind))
    else:
        lines.append(tr(followtexts.CALLBACK_NO_CASE_LINE))
    if callback.phone:
        phone = callbacks.display_phone(callback.phone)
        lines.append(tr(followtexts.CALLBACK_PHONE_LINE, phone=phone, name=callback.name or "-"))
    else:
        lines.append(tr(followtexts.CALLBACK_CHAT_LINE))
    if callback.claimed_by:
        lines.append(tr(texts.CASE_HOLDER, name=_name(turn, callback.claimed_by)))
    lines.extend(_message_lines(turn, callback, contact_view=True))
    return "\n".join(lines)


def _message_lines(turn: Turn, callback: Callback, *, contact_view: bool) -> list[str]:
    """The messages of a request; the contacts' notes only in their view."""
    tr, tz = turn.tr, turn.org.timezone
    found = CallbackWork(turn.unit).messages(callback.id, notes=contact_view)
    if not found:
        return []
    lines = [tr(texts.CASE_MESSAGES)]
    for m in found:
        if m.kind == "from_melder":
            who = tr(texts.WHO_MELDER) if contact_view else tr(followtexts.WHO_YOU)
        elif m.kind == "note":
            who = tr(texts.WHO_NOTE, name=_name(turn, m.author))
        elif contact_view:
            who = tr(followtexts.WHO_TO_MELDER, name=_name(turn, m.author))
        else:
            who = tr(followtexts.WHO_CONTACT)
        date = render.when(m.created_at, tr, tz)
        lines.append(tr(texts.CASE_MESSAGE_LINE, date=date, who=who, text=m.text))
    return lines


def _actions(turn: Turn, options: tuple[Option, ...]) -> tuple[Option, ...]:
    found = _contact_callback(turn)
    if found is None:
        return tuple(o for o in options if o.id in ("list", "menu"))
    contact, callback = found
    hidden: set[str] = set()
    if callback.status == "closed":
        hidden = {"claim", "message", "close"}
    elif callback.claimed_by is not None:
        hidden.add("claim")
    case = _case_of(turn, callback)
    if case is None or not _desk(turn).work.may_see(case.id, contact.id):
        hidden.add("case")
    return tuple(o for o in options if o.id not in hidden)


def _claim(turn: Turn) -> str | None:
    found = _contact_callback(turn)
    if found is None:
        return _refused(turn)
    contact, callback = found
    holder = callbacks.claim(_desk(turn), contact, callback)
    if holder is None:
        turn.say(turn.tr(texts.CASE_CLOSED_ALREADY))
    elif holder == contact.id:
        turn.say(turn.tr(followtexts.CALLBACK_CLAIMED_BY_YOU))
    else:
        turn.say(turn.tr(texts.CLAIMED_BY_OTHER, name=_name(turn, holder)))
    return None


def _write(turn: Turn) -> str | None:
    found = _contact_callback(turn)
    text = str(turn.slots.pop("callback_text", ""))
    if found is None:
        return _refused(turn)
    callbacks.write_to_melder(_desk(turn), *found, text)
    turn.say(turn.tr(followtexts.CALLBACK_MESSAGE_SENT))
    return None


def _note(turn: Turn) -> str | None:
    found = _contact_callback(turn)
    text = str(turn.slots.pop("callback_note_text", ""))
    if found is None:
        return _refused(turn)
    callbacks.note(_desk(turn), *found, text)
    turn.say(turn.tr(texts.NOTE_SAVED))
    return None


def _close(turn: Turn) -> str | None:
    found = _contact_callback(turn)
    if found is None:
        return _refused(turn)
    callbacks.close(_desk(turn), *found)
    turn.say(turn.tr(followtexts.CALLBACK_CLOSED_DONE))
    return None


def _open_case(turn: Turn) -> str | None:
    """The report a request is about, for a contact it was routed to."""
    found = _contact_callback(turn)
    case = _case_of(turn, found[1]) if found is not None else None
    if found is None or case is None:
        return _refused(turn)
    turn.slots["case_code"] = case.code
    return None


# -- in the melder's status -----------------------------------------------------------------


def open_own_item(turn: Turn) -> str | None:
    """A request chosen from 'Status of my report' opens its own view."""
    chosen = callbacks.id_of(turn.slots.get("own_case"))
    if chosen is None:
        return None
    turn.slots.pop("own_case", None)
    turn.slots["own_callback"] = chosen
    return "callback"


def _own_callback(turn: Turn) -> Callback | None:
    chosen = turn.slots.get("own_callback")
    found = CallbackWork(turn.unit).get(int(chosen)) if isinstance(chosen, int) else None
    return found if found is not None and found.reporter_ref == turn.key else None


def _render_own(turn: Turn) -> str:
    callback = _own_callback(turn)
    tr = turn.tr
    if callback is None:
        return tr(texts.OWN_CASE_NOT_FOUND)
    date = render.when(callback.created_at, tr, turn.org.timezone)
    status = tr(followtexts.CALLBACK_STATUS[callback.status])
    lines = [tr(followtexts.OWN_CALLBACK_HEADER, date=date, status=status)]
    if callback.phone:
        phone = callbacks.display_phone(callback.phone)
        lines.append(tr(followtexts.OWN_CALLBACK_PHONE, phone=phone))
    else:
        lines.append(tr(followtexts.OWN_CALLBACK_CHAT))
    lines.extend(_message_lines(turn, callback, contact_view=False))
    return "\n".join(lines)


def _own_actions(turn: Turn, options: tuple[Option, ...]) -> tuple[Option, ...]:
    callback = _own_callback(turn)
    if callback is None or callback.status == "closed":
        return tuple(o for o in options if o.id != "reply")
    return options


def _reply(turn: Turn) -> str | None:
    text = str(turn.slots.pop("callback_reply_text", ""))
    callback = _own_callback(turn)
    if callback is None or not callbacks.reply(_desk(turn), turn.key, callback, text):
        turn.say(turn.tr(texts.OWN_CASE_NOT_FOUND))
        return None
    turn.say(turn.tr(followtexts.OWN_CALLBACK_REPLY_SENT))
    return None


REGISTRY = Registry(
    predicates={"callback_way_decided": _way_decided, "callback_number_known": _number_known},
    option_filters={"callback_actions": _actions, "own_callback_actions": _own_actions},
    renderers={
        "callback_next": _render_next,
        "callback_view": _render_view,
        "own_callback": _render_own,
    },
    effects={
        "check_phone": Effect(_check_phone, ("invalid",)),
        "check_callback_name": Effect(_check_name, ("again",)),
        "callback_way_from_words": Effect(_way_from_words),
        "request_callback": Effect(_request),
        "open_work_item": Effect(_open_work_item, ("callback",)),
        "claim_callback": Effect(_claim, (REFUSED,)),
        "relay_callback_message": Effect(_write, (REFUSED,)),
        "add_callback_note": Effect(_note, (REFUSED,)),
        "close_callback": Effect(_close, (REFUSED,)),
        "open_callback_case": Effect(_open_case, (REFUSED,)),
        "relay_callback_reply": Effect(_reply),
    },
)
