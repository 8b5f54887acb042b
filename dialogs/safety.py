"""What the bot does about acute danger (DESIGN.md §3.4): answer first with 112, alert
security with where and what kind of danger, and tell them the all-clear.

Whether a message signals danger is decided in `nlu.danger`; this module acts on it inside
the engine's unit of work. An alert names the kind of danger and where the melder is (the
team and place their report holds, a team named in the message, a home visit the message
tells of, else the team of their latest report), never the melder or their words.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from dialogs import acute_relay, chat_language, followtexts, render, texts
from dialogs.answers import answer
from dialogs.choosing import plainly_chosen
from dialogs.fields import HOME_VISIT, Fields, ReportField
from dialogs.flow import StepKind
from dialogs.i18n import Translator, translator
from dialogs.messages import Outgoing
from dialogs.navigation import enter_menu, prompt
from dialogs.notices import notify_contact
from dialogs.organisation import Contact, Organisation, localized
from dialogs.state import AcuteAlert
from dialogs.turn import Turn
from nlu.all_clear import says_all_clear
from nlu.danger import Danger
from nlu.text import words
from storage.alerts import AlertWork

__all__ = ["alert_security", "alert_text", "all_clear", "answer_danger", "place_lines"]

log = logging.getLogger(__name__)


def answer_danger(turn: Turn, text: str, danger: Danger, *, keep_words: bool) -> None:
    """Safety first: 112 and 0900-8844 in the message's own language, alert security, and
    go on where the conversation was. In the story of what happened the words are kept as
    the answer (unless `keep_words` is false: a message too long to keep)."""
    tr = chat_language.of_message(turn, text)
    chat_language.follow(turn, text, announce=False)
    acute_relay.take_answer(turn, text, quiet=True)  # security asked: this is the answer too
    turn.say(tr(texts.ACUTE_DANGER))
    contacts = alert_security(turn, danger, text)
    if contacts:
        turn.say(
            tr(texts.ACUTE_ALERTED, contacts=render.role_list([c.role.value for c in contacts], tr))
        )
    log.info(
        "acute danger recognised by the %s (%s); %d alert contact(s)",
        danger.by,
        ",".join(danger.categories),
        len(contacts),
    )
    in_report = turn.flow is not None and turn.flow.kind is not None
    if in_report:
        turn.say(tr(texts.ACUTE_CONTINUE))
    if keep_words and turn.step is not None and turn.step.story:
        answer(turn, text)
    elif keep_words and in_report and danger.by == "classifier" and _answers_the_choice(turn, text):
        # The classifier alone: most likely what happened told at a question about it ("he
        # hit me with his stick" at "what kind?"), so the answer is kept. Words the rules
        # read as happening now tell the emergency, not the incident: the question stays.
        answer(turn, text)
    elif in_report and turn.step is not None:
        prompt(turn, turn.step)
    else:
        enter_menu(turn)


def _answers_the_choice(turn: Turn, text: str) -> bool:
    """Whether words that raised an alarm also plainly answer the open question of a
    report (not the summary, nothing that cannot be undone): then they are kept, so that a
    false alarm costs the melder nothing."""
    step = turn.step
    if step is None or step.kind is not StepKind.CHOICE or step.review or step.careful:
        return False
    option = plainly_chosen(turn, step, text)
    return option is not None and option.effect is None and not option.cancels


def alert_security(turn: Turn, danger: Danger, text: str) -> list[Contact]:
    """Queue the alert for the organisation's security contacts, at most once per interval
    per chat, and remember it for an all-clear. Returns the contacts alerted."""
    org, unit = turn.org, turn.unit
    contacts = list(org.acute_alert_contacts())
    if not contacts:
        unit.audit("system", "acute_danger_no_alert_contact")
        return []
    now = unit.clock()
    place = _place(turn, text, home_visit=turn.parse is not None and turn.parse.danger.home_visit)
    bucket = int(now.timestamp() // turn.env.config.acute_alert_interval.total_seconds())
    queued = 0
    for contact in contacts:
        notice = alert_text(contact, org, danger.categories, place, now, turn.env.fields)
        key = f"acute:{turn.key}:{bucket}"
        queued += notify_contact(unit, contact, notice.text, purpose="acute_alert", key=key)
    if queued:
        kinds = [c.value for c in danger.categories]
        ids = [c.id for c in contacts]
        # Kept so security can ask the melder a question through the bot (acute_relay).
        AlertWork(unit).create(turn.key, lang=turn.tr.lang, kinds=kinds, place=place, contacts=ids)
        turn.state.alerted_at = now.timestamp()
        unit.audit("system", "acute_alert_queued", contacts=ids, kinds=kinds)
    turn.state.acute_alert = AcuteAlert(now.timestamp(), place)
    return contacts


def alert_text(
    contact: Contact,
    org: Organisation,
    kinds: Sequence[str],
    place: Mapping[str, str],
    now: datetime,
    fields: Fields,
) -> Outgoing:
    """The alert for one contact, in their language: time, kind of danger, where."""
    tr = translator(contact.language)
    kind = ", ".join(tr(texts.DANGER_KIND[k]) for k in kinds if k in texts.DANGER_KIND)
    lines = [
        tr(texts.ACUTE_ALERT_NOTICE, time=render.when(now, tr, org.timezone)),
        tr(texts.SUMMARY_LINE, label=tr(texts.ACUTE_ALERT_KIND), value=kind),
        *place_lines(place, tr, org, fields),
        tr(followtexts.ALERT_RELAY_HINT),
    ]
    return Outgoing(text="\n".join(lines))


def place_lines(
    place: Mapping[str, str], tr: Translator, org: Organisation, fields: Fields
) -> list[str]:
    """Where an alert said the melder is, or that it is not known."""
    lines = render.alert_place(place, tr, org, fields) if place else []
    if not lines:
        no_place = tr(texts.ACUTE_ALERT_NO_PLACE)
        lines = [tr(texts.SUMMARY_LINE, label=tr(texts.ACUTE_ALERT_WHERE), value=no_place)]
    return lines


def _place(turn: Turn, text: str, *, home_visit: bool) -> dict[str, str]:
    """Where the melder is, by the report fields an alert names (`ReportField.alert`)."""
    place: dict[str, str] = {}
    for field in turn.env.fields:
        if not field.alert:
            continue
        value = turn.slots.get(field.name)
        if value in (None, "", "none", "other"):
            value = _told(turn, field, text, home_visit=home_visit)
        if value not in (None, "", "none", "other"):
            place[field.name] = str(value)
    return place


def _told(turn: Turn, field: ReportField, text: str, *, home_visit: bool) -> str | None:
    """A place the message itself tells (a team's name, a home visit), or for a team the
    team of the melder's latest report."""
    if field.display == "team":
        return _team_named(turn.org, text) or _latest(turn, field.name)
    if home_visit and any(o.id == HOME_VISIT for o in field.options):
        return HOME_VISIT
    return None


def _team_named(org: Organisation, text: str) -> str | None:
    folded = f" {words(text)} "
    for team in org.teams:
        names = {words(team.id.replace("-", " "))}
        names |= {words(localized(team.name, lang)) for lang in ("nl", "en")}
        if any(f" {name} " in folded for name in names if name):
            return team.id
    return None


def _latest(turn: Turn, name: str) -> str | None:
    """An answer of the melder's latest report."""
    for case in turn.unit.cases_of_reporter(turn.key)[:1]:
        value = case.facts.get(name)
        return str(value) if value else None
    return None


def all_clear(turn: Turn, text: str) -> bool:
    """After a recent alert, "het is voorbij" or "false alarm" tells security the all-clear
    and the melder thanks; returns whether this message was that."""
    alert = turn.state.acute_alert
    if alert is None or not text:
        return False
    now = turn.unit.clock()
    alerted = datetime.fromtimestamp(alert.at, tz=UTC)
    if now - alerted > turn.env.config.acute_all_clear_window:
        turn.state.acute_alert = None
        return False
    if not says_all_clear(text):
        return False
    turn.state.acute_alert = None
    latest = AlertWork(turn.unit).latest_of_reporter(turn.key)
    if latest is not None:
        AlertWork(turn.unit).mark_all_clear(latest.id)
    contacts = list(turn.org.acute_alert_contacts())
    for contact in contacts:
        tr = translator(contact.language)
        lines = [
            tr(
                texts.ACUTE_ALL_CLEAR_NOTICE,
                time=render.when(now, tr, turn.org.timezone),
                alerted=render.when(alerted, tr, turn.org.timezone),
            ),
            *place_lines(alert.place, tr, turn.org, turn.env.fields),
        ]
        key = f"acute-clear:{turn.key}:{int(alert.at)}"
        notify_contact(turn.unit, contact, "\n".join(lines), purpose="acute_all_clear", key=key)
    turn.unit.audit("system", "acute_all_clear_queued", contacts=[c.id for c in contacts])
    tr = chat_language.of_message(turn, text)
    names = render.role_list([c.role.value for c in contacts], tr)
    turn.say(tr(texts.ACUTE_ALL_CLEAR, contacts=names))
    log.info("all-clear after an acute alert; %d contact(s) told", len(contacts))
    return True
