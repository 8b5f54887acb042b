"""Security and the melder after an acute-danger alert: security asks ("waar ben je
precies?"), the question appears in the melder's chat, and whatever the melder types next
goes back to security. It works the same for an anonymous melder: the alert holds only the
keyed pseudonym of their chat.

The question and the answer are the only notices that carry words: they are written for
the other side, in an emergency, and say so. Everything is audited without content.
"""

from __future__ import annotations

from datetime import timedelta

from dialogs import followtexts, render, texts
from dialogs.i18n import Translator, translator
from dialogs.messages import Outgoing
from dialogs.notices import Notice, notify, notify_contact
from dialogs.organisation import Contact, Organisation
from dialogs.turn import Turn
from storage.alerts import Alert, AlertWork
from storage.repository import Unit

#: How far back security's list of alerts reaches.
ALERTS_SHOWN = timedelta(hours=24)


def visible_alerts(unit: Unit, contact: Contact) -> list[Alert]:
    """The alerts that went to this contact in the last day, newest first."""
    return AlertWork(unit).of_contact(contact.id, unit.clock() - ALERTS_SHOWN)


def alert_for(unit: Unit, contact: Contact, alert_id: int | None) -> Alert | None:
    """An alert this contact received; otherwise None, and the attempt is audited."""
    alert = AlertWork(unit).get(alert_id) if alert_id is not None else None
    if alert is None or contact.id not in alert.contacts:
        unit.audit(contact.id, "alert_access_refused", alert=alert_id)
        return None
    return alert


def kinds_text(alert: Alert, tr: Translator) -> str:
    """The kinds of danger an alert named, for people."""
    named = [tr(texts.DANGER_KIND[k]) for k in alert.kinds if k in texts.DANGER_KIND]
    return ", ".join(named) or tr(texts.DANGER_KIND["acute_danger"])


def ask_melder(unit: Unit, org: Organisation, contact: Contact, alert: Alert, text: str) -> bool:
    """Put security's question in the melder's chat; False when that chat is gone."""
    found = unit.conversation_address(alert.reporter_ref)
    if found is None:
        unit.audit(contact.id, "acute_question_undeliverable", alert=alert.id)
        return False
    message_id = AlertWork(unit).add_message(alert.id, "to_melder", contact.id, text)
    tr = translator(alert.lang)
    message = Outgoing(text=tr(followtexts.MELDER_SECURITY_ASKS, text=text))
    notify(
        unit,
        [Notice(alert.reporter_ref, [found], (message,), "acute_relay", f"acute-q:{message_id}")],
    )
    return True


def take_answer(turn: Turn, text: str, *, quiet: bool = False) -> bool:
    """A melder's message while security waits for their answer goes to security (also
    when it is about danger again); False when no question is open."""
    if not text or turn.contact is not None:
        return False
    # Only a chat that alerted security can have a question waiting: the lookup is
    # skipped for every other message (it would cost a query per message).
    latest = turn.state.acute_alert
    alerted = turn.state.alerted_at or (latest.at if latest is not None else None)
    since = turn.unit.clock() - turn.env.config.acute_all_clear_window
    if alerted is None or alerted < since.timestamp():
        return False
    work = AlertWork(turn.unit)
    found = work.open_question(turn.key, since)
    if found is None:
        return False
    alert, _question = found
    message_id = work.add_message(alert.id, "from_melder", "reporter", text)
    for contact_id in alert.contacts:
        try:
            contact = turn.org.contact(contact_id)
        except KeyError:
            continue
        tr = translator(contact.language)
        time = render.when(alert.created_at, tr, turn.org.timezone)
        notice = tr(followtexts.NOTICE_SECURITY_ANSWER, time=time, text=text)
        key = f"acute-a:{message_id}"
        notify_contact(turn.unit, contact, notice, purpose="acute_relay", key=key)
    if not quiet:
        turn.say(turn.tr(followtexts.SECURITY_ANSWER_SENT))
    return True
