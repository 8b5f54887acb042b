"""Registries for security's 'Acute danger alerts' (dialogs/flows/alerts.py): the alerts
that went to them, where and what kind of danger, the all-clear, and a question to the
melder through the bot (dialogs/acute_relay.py)."""

from __future__ import annotations

from dialogs import acute_relay, followtexts, render, texts
from dialogs.flow import Option
from dialogs.organisation import Contact
from dialogs.safety import place_lines
from dialogs.turn import Effect, Registry, Turn
from storage.alerts import Alert, AlertWork

REFUSED = "refused"
OPTION_PREFIX = "alert-"


def _alert_id(value: object) -> int | None:
    text = str(value or "")
    digits = text.removeprefix(OPTION_PREFIX)
    return int(digits) if text.startswith(OPTION_PREFIX) and digits.isdigit() else None


def _contact_alert(turn: Turn) -> tuple[Contact, Alert] | None:
    contact = turn.contact
    if contact is None:
        return None
    alert = acute_relay.alert_for(turn.unit, contact, _alert_id(turn.slots.get("alert")))
    return (contact, alert) if alert is not None else None


def _label(turn: Turn, alert: Alert) -> str:
    tr = turn.tr
    time = render.when(alert.created_at, tr, turn.org.timezone)
    msgid = followtexts.ALERT_LABEL_CLEAR if alert.all_clear_at else followtexts.ALERT_LABEL
    return tr(msgid, time=time, kind=acute_relay.kinds_text(alert, tr))


def _my_alerts(turn: Turn) -> tuple[Option, ...]:
    if turn.contact is None:
        return ()
    found = acute_relay.visible_alerts(turn.unit, turn.contact)
    return tuple(Option(f"{OPTION_PREFIX}{a.id}", _label(turn, a)) for a in found)


def _contact_menu(turn: Turn, options: tuple[Option, ...]) -> tuple[Option, ...]:
    """Alerts only for the contacts the organisation alerts on acute danger."""
    alerted = turn.contact is not None and turn.contact.id in turn.org.acute_alert
    return options if alerted else tuple(o for o in options if o.id != "alerts")


def _render_list(turn: Turn) -> str:
    hours = int(acute_relay.ALERTS_SHOWN.total_seconds() // 3600)
    shown = _my_alerts(turn)
    return turn.tr(followtexts.ALERTS_INTRO if shown else followtexts.ALERTS_NONE, hours=hours)


def _render_view(turn: Turn) -> str:
    found = _contact_alert(turn)
    tr, tz = turn.tr, turn.org.timezone
    if found is None:
        return tr(followtexts.ALERT_NOT_YOURS)
    contact, alert = found
    turn.unit.audit(contact.id, "alert_viewed", alert=alert.id)
    lines = [
        tr(followtexts.ALERT_HEADER, time=render.when(alert.created_at, tr, tz)),
        tr(
            texts.SUMMARY_LINE,
            label=tr(texts.ACUTE_ALERT_KIND),
            value=acute_relay.kinds_text(alert, tr),
        ),
        *place_lines(alert.place, tr, turn.org, turn.env.fields),
    ]
    if alert.all_clear_at is not None:
        lines.append(tr(followtexts.ALERT_CLEAR_LINE, time=render.when(alert.all_clear_at, tr, tz)))
    else:
        lines.append(tr(followtexts.ALERT_OPEN_LINE))
    messages = AlertWork(turn.unit).messages(alert.id)
    if messages:
        lines.append(tr(texts.CASE_MESSAGES))
    for m in messages:
        name = _name(turn, m.author)
        who = (
            tr(followtexts.WHO_SECURITY, name=name)
            if m.kind == "to_melder"
            else tr(followtexts.WHO_PERSON)
        )
        date = render.when(m.created_at, tr, tz)
        lines.append(tr(texts.CASE_MESSAGE_LINE, date=date, who=who, text=m.text))
    return "\n".join(lines)


def _name(turn: Turn, contact_id: str) -> str:
    try:
        return turn.org.contact(contact_id).name
    except KeyError:
        return contact_id


def _ask(turn: Turn) -> str | None:
    text = str(turn.slots.pop("alert_question", ""))
    found = _contact_alert(turn)
    if found is None:
        turn.say(turn.tr(followtexts.ALERT_NOT_YOURS))
        return REFUSED
    contact, alert = found
    if not acute_relay.ask_melder(turn.unit, turn.org, contact, alert, text):
        turn.say(turn.tr(followtexts.ALERT_NOT_YOURS))
        return REFUSED
    turn.say(turn.tr(followtexts.ALERT_ASKED))
    return None


def _guessed_alert(turn: Turn, text: str | None) -> bool:
    """A forged alert button is an access attempt: audited."""
    if text is None and turn.contact is not None:
        turn.unit.audit(turn.contact.id, "alert_access_refused", forged_button=True)
    return False


REGISTRY = Registry(
    option_sources={"my_alerts": _my_alerts},
    option_filters={"contact_menu": _contact_menu},
    renderers={"alert_list": _render_list, "alert_view": _render_view},
    effects={"ask_melder": Effect(_ask, (REFUSED,))},
    unknown_checks={"guessed_alert": _guessed_alert},
)
