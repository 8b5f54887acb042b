"""Registries for the aftercare and check-in flows (dialogs/flows/aftercare.py)."""

from __future__ import annotations

from dialogs import render, texts
from dialogs.casedesk import CaseDesk
from dialogs.turn import Effect, Registry, Turn
from nlu.distress import distress
from storage.repository import CaseRecord


def _checkin_case(turn: Turn) -> CaseRecord | None:
    code = turn.slots.get("checkin_case")
    case = turn.unit.case_by_code(str(code)) if code else None
    return case if case is not None and case.reporter_ref == turn.key else None


def _stop_checkins(turn: Turn) -> str | None:
    case = _checkin_case(turn)
    if case is not None:
        CaseDesk(turn.unit, turn.org, turn.env.fields).work.set_checkins(case.id, False)
    turn.say(turn.tr(texts.CHECKIN_STOPPED))
    return None


def _record_checkin(turn: Turn) -> str | None:
    """Store the answer; a low score or words of distress lead to support."""
    slots = turn.slots
    case = _checkin_case(turn)
    score = slots.get("checkin_score")
    words = str(slots.pop("checkin_text", "") or "")
    slots.pop("checkin_said", None)  # offered as the words, kept only if chosen
    shared = bool(slots.pop("checkin_shared", False))
    troubled = distress(words) is not None
    if case is not None:
        CaseDesk(turn.unit, turn.org, turn.env.fields).work.record_checkin(
            case.id,
            day=int(slots.get("checkin_day", 0)),
            score=int(score) if isinstance(score, int) else None,
            text=words or None,
            shared=shared,
            distress=troubled,
        )
    low = isinstance(score, int) and score <= 2
    return "distress" if (low or troubled) else None


def _no_checkin_text(turn: Turn) -> bool:
    return not turn.slots.get("checkin_text")


def _render_checkin_intro(turn: Turn) -> str:
    code = turn.slots.get("checkin_case")
    day = turn.slots.get("checkin_since", turn.slots.get("checkin_day"))
    msgid = texts.CHECKIN_INTRO_DAY if day == 1 else texts.CHECKIN_INTRO
    return turn.tr(msgid, code=code, days=day)


def _render_checkin_thanks(turn: Turn) -> str:
    return turn.tr(texts.CHECKIN_THANKS)


def _render_crisis_support(turn: Turn) -> str:
    return "\n".join(
        [
            turn.tr(texts.CHECKIN_LOW),
            turn.tr(texts.CRISIS_NUMBERS),
            render.referral_list(turn.org, turn.tr, national=False),
        ]
    )


def _render_aftercare(turn: Turn) -> str:
    return render.referral_list(turn.org, turn.tr)


REGISTRY = Registry(
    effects={
        "stop_checkins": Effect(_stop_checkins),
        "record_checkin": Effect(_record_checkin, ("distress",)),
    },
    predicates={"no_checkin_text": _no_checkin_text},
    renderers={
        "checkin_intro": _render_checkin_intro,
        "checkin_thanks": _render_checkin_thanks,
        "crisis_support": _render_crisis_support,
        "aftercare": _render_aftercare,
    },
)
