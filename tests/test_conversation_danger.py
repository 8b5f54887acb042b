"""Danger, never missed: whole conversations in which a melder signals danger now at any step,
in Dutch or English; what security is told (where, what kind, never the story); the
all-clear; stories in the past that raise no alarm."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from bot.runtime import Runtime
from dialogs.state import ConversationState
from nlu.danger import ACUTE_INTENT
from nlu.interpreter import IntentScore, Interpreter, ParseResult
from tests.stepchat import CONFIRMED, StepChat

#: The first line of the safety answer, per language.
FIRST = {"nl": "Bel meteen 112", "en": "Call 112 immediately"}
DANGER_NOW = {
    "nl": "nu staat hij voor de deur met een mes, help",
    "en": "hes waiting by my car in the parking lot and wont let me leave",
}
STORY = "Hij was boos over zijn medicijnen en werd steeds harder."

AGGRESSION = {
    "what": STORY,
    "when": "today",
    "where": "home_visit",
    "aro": "verbaal",
    "who": "patient",
    "evidence": "done",
    "impact": "3",
    "anonymity": "anonymous",
    "team": "kliniek-noord",
    "contact_pref": "none",
    "line_manager": "allow",
}
ONLINE = {
    "what": "Iemand stuurt mij steeds dreigende berichten via WhatsApp.",
    "when": "today",
    "where": "whatsapp",
    "handle": "0612345678",
    "who": "onbekend",
}


class Clock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


# These conversations run on SQLite; storage is tested on both databases elsewhere.
pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.fixture
def bot(make_runtime: Callable[..., Runtime], clock: Clock) -> Runtime:
    return make_runtime(clock=clock)


def chat_at(
    bot: Runtime, flow: str | None, step: str, answers: dict[str, str], **kw: str
) -> StepChat:
    """A melder's chat waiting at `step` of `flow` (None: the menu)."""
    chat = StepChat(bot.engine, lang=kw.get("lang"))
    if flow is None:
        chat.send("hallo" if kw.get("lang") != "en" else "hello")
        return chat
    chat.send(choice=flow)
    name = {"online": "online_threat"}.get(flow, flow)  # the menu's option, the flow's name
    for _ in range(30):
        current, at = chat.position()
        assert current == name, f"left {flow} before {step}"
        if at == step:
            return chat
        assert at is not None
        offered = {c.id for c in chat.said[-1].choices}
        given = {**CONFIRMED, **answers}[at]
        chat.send(choice=given) if given in offered else chat.send(given)
    raise AssertionError(f"never reached {step}")


def stored_slots(bot: Runtime) -> dict[str, object]:
    """The answers the melder's conversation holds."""
    with bot.store.unit() as unit:
        stored = unit.load_conversation(bot.store.pseudonym("console", "melder"), lock=False)
    assert stored is not None
    return dict(ConversationState.from_stored(stored.state, "nl").slots)


def outbox(bot: Runtime, purpose: str) -> list[str]:
    """The texts queued for the security contact's terminal, for one purpose."""
    with bot.store.unit() as unit:
        rows = unit.claim_outbox("console")
    return [r.payload["text"] for r in rows if r.purpose == purpose]


STEPS = [
    (None, "menu"),  # the start menu
    ("aggression", "what"),  # the story of what happened
    ("aggression", "when"),  # a choice question
    ("online", "handle"),  # a free-text question
    ("aggression", "summary"),  # the summary before sending
]


@pytest.mark.parametrize(("flow", "step"), STEPS)
@pytest.mark.parametrize(("chat_lang", "message_lang"), [("nl", "nl"), ("nl", "en"), ("en", "nl")])
def test_danger_now_is_answered_first_with_112_in_its_own_language(
    bot: Runtime, flow: str | None, step: str, chat_lang: str, message_lang: str
) -> None:
    answers = AGGRESSION if flow == "aggression" else ONLINE
    chat = chat_at(bot, flow, step, answers, lang=chat_lang)
    before = chat.position()
    reply = chat.send(DANGER_NOW[message_lang])
    assert FIRST[message_lang] in reply[0].text, "112 comes first, in the message's language"
    assert "0900-8844" in reply[0].text
    assert outbox(bot, "acute_alert"), "security is alerted"
    if step != "what":
        assert chat.position() == before, "and the conversation stays where it was"
    with bot.store.unit() as unit:
        assert unit.all_cases() == [], "an emergency never sends a half-finished report"


def test_a_long_message_ending_in_danger_is_answered_with_112(bot: Runtime) -> None:
    chat = chat_at(bot, "aggression", "what", AGGRESSION)
    long = (STORY + " ") * 90 + DANGER_NOW["nl"]
    assert len(long) > 4_500
    reply = chat.send(long)
    assert FIRST["nl"] in reply[0].text
    assert "te lang" not in reply[0].text
    assert outbox(bot, "acute_alert")
    assert chat.position() == ("aggression", "what"), "too long to keep: asked again"
    assert reply[-1].text == chat.said[-len(reply) - 1].text


def test_a_long_message_without_danger_is_only_too_long(bot: Runtime) -> None:
    chat = chat_at(bot, "aggression", "what", AGGRESSION)
    reply = chat.send((STORY + " ") * 90)
    assert "te lang" in reply[0].text
    assert "112" not in reply[0].text
    assert outbox(bot, "acute_alert") == []


def test_the_alert_names_team_place_and_kind_and_none_of_the_story(bot: Runtime) -> None:
    chat = chat_at(bot, "aggression", "summary", AGGRESSION)
    chat.send("hij pakt nu een keukenmes uit de la")
    [alert] = outbox(bot, "acute_alert")
    assert "Soort gevaar: wapen" in alert  # Frank reads Dutch
    assert "Team of locatie: Kliniek Noord" in alert
    assert "Bij een huisbezoek" in alert
    for word in ("medicijnen", "dienblad", "keukenmes", "la"):
        assert word not in alert.lower().split(), f"{word!r} from the melder's words"


def test_a_team_or_home_visit_named_in_the_message_reaches_the_alert(bot: Runtime) -> None:
    chat = chat_at(bot, None, "menu", {})
    chat.send("ik ben op huisbezoek voor de Wijkverpleging Zuid en hij slaat me")
    [alert] = outbox(bot, "acute_alert")
    assert "Wijkverpleging Zuid" in alert
    assert "Bij een huisbezoek" in alert
    assert "fysiek geweld" in alert


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("er ligt een bom in de wachtkamer", "bommelding"),
        ("hij steekt de gordijnen in brand", "brand"),
        ("ik word gevolgd naar mijn auto", "wordt gevolgd"),
        ("ik heb me verstopt in de wc, hij zoekt me", "opgesloten of verstopt"),
        ("help!", "geen soort genoemd"),
    ],
)
def test_the_alert_names_the_kind_of_danger(bot: Runtime, message: str, kind: str) -> None:
    chat_at(bot, None, "menu", {}).send(message)
    [alert] = outbox(bot, "acute_alert")
    assert kind in alert
    assert "niet bekend" in alert, "no team or place known: the alert says so"


@pytest.mark.parametrize(
    ("danger", "over", "thanks"),
    [
        ("hij staat voor de deur met een mes", "het is voorbij", "Fijn om te horen"),
        ("he is attacking me", "false alarm, sorry", "Good to hear"),
        ("ik word aangevallen", "I'm safe now", "Good to hear"),
    ],
)
def test_an_all_clear_reaches_security_and_thanks_the_melder(
    bot: Runtime, danger: str, over: str, thanks: str
) -> None:
    security = "beveiliging" if thanks.startswith("Fijn") else "security"
    chat = chat_at(bot, "aggression", "when", AGGRESSION)
    asked = chat.said[-1].text
    chat.send(danger)
    assert outbox(bot, "acute_alert")
    reply = chat.send(over)
    assert thanks in reply[0].text
    assert security in reply[0].text.lower()
    [notice] = outbox(bot, "acute_all_clear")
    assert "Sein veilig" in notice
    assert "voorbij" in notice
    assert chat.position() == ("aggression", "when"), "and the report goes on"
    assert reply[-1].choices, asked
    chat.send(over)
    assert outbox(bot, "acute_all_clear") == [], "one all-clear per alert"


def test_no_all_clear_without_a_recent_alert(bot: Runtime, clock: Clock) -> None:
    chat = chat_at(bot, None, "menu", {})
    assert "Fijn om te horen" not in chat.send("het is voorbij")[0].text
    chat.send("hij slaat me")
    outbox(bot, "acute_alert")
    clock.now += timedelta(hours=7)
    reply = chat.send("het is voorbij")
    assert "Fijn om te horen" not in reply[0].text
    assert outbox(bot, "acute_all_clear") == []


@pytest.mark.parametrize(
    ("flow", "step", "message"),
    [
        (None, "menu", "hij bedreigde mijn kind"),
        (None, "menu", "gisteren sloeg hij me"),
        (None, "menu", "he threatened my child"),
        ("aggression", "aro", "hij schold en dreigde"),
        ("aggression", "when", "hij bedreigde mijn kind"),
        ("aggression", "what", "Vorige week stond hij met een mes aan de balie en dreigde hij."),
    ],
)
def test_an_incident_told_in_the_past_raises_no_alarm(
    bot: Runtime, flow: str | None, step: str, message: str
) -> None:
    chat = chat_at(bot, flow, step, AGGRESSION)
    reply = chat.send(message)
    assert all("112" not in m.text for m in reply)
    assert outbox(bot, "acute_alert") == []


def test_an_all_clear_at_the_story_question_is_not_taken_as_the_story(bot: Runtime) -> None:
    chat = chat_at(bot, None, "menu", {})
    chat.send("help, er staat een man met een mes in de gang")
    chat.send(choice="aggression")
    assert chat.position() == ("aggression", "what")
    reply = chat.send("ik ben veilig, hij is weg")
    assert "Fijn om te horen" in reply[0].text
    assert chat.position() == ("aggression", "what"), "the story question is asked again"
    assert outbox(bot, "acute_all_clear")


@pytest.mark.parametrize("place", ["op de parkeerplaats bij mn auto", "buiten voor de ingang"])
def test_a_place_typed_at_where_is_an_answer_not_an_alarm(bot: Runtime, place: str) -> None:
    chat = chat_at(bot, "aggression", "where", AGGRESSION, lang="nl")
    reply = chat.send(place)
    assert "112" not in reply[0].text
    assert not outbox(bot, "acute_alert"), "security is not alerted for a place"
    assert chat.position() == ("aggression", "aro"), "the place was the answer"


@pytest.mark.parametrize(
    ("step", "lang", "answer"),
    [
        ("team", "nl", "ik zit op kliniek noord, ik sta meestal op de opname"),
        ("line_manager", "en", "rather not, she's hopeless with this kind of thing"),
        ("who", "en", "her son, he's also her carer"),
        ("aro", "en", "he hit me with his walking stick"),
        ("aro", "nl", "hij ging in de deuropening staan zodat ik er niet uit kon"),
    ],
)
def test_an_ordinary_answer_in_the_present_or_past_raises_no_alarm(
    bot: Runtime, step: str, lang: str, answer: str
) -> None:
    """Found at the questions: "ik zit op kliniek noord" and "her son, he's also her carer"
    were answered with 112 and security was alerted."""
    chat = chat_at(bot, "aggression", step, AGGRESSION, lang=lang)
    reply = chat.send(answer)
    assert all("112" not in m.text for m in reply)
    assert not outbox(bot, "acute_alert")
    assert chat.position() != ("aggression", step), "the answer was taken"


class AlarmedBy:
    """The real interpreter, except that the classifier reads one text as danger now (as
    the trained one did with some ordinary answers: "Shouting and bad words")."""

    def __init__(self, real: Interpreter, text: str) -> None:
        self.real, self.text = real, text

    def parse(self, text: str) -> ParseResult:
        parsed = self.real.parse(text)
        if text != self.text:
            return parsed
        score = IntentScore(ACUTE_INTENT, 0.9)
        return dataclasses.replace(parsed, intent=score, ranking=(score,))


@pytest.mark.parametrize(
    ("lang", "words", "over", "kept"),
    [
        ("en", "pushing and shoving, nothing more", "no it was this morning, its over", "fysiek"),
        ("nl", "dreigen dat hij me kapot maakt", "nee dat was vanochtend", "verbaal"),
    ],
)
def test_an_answer_the_classifier_took_for_danger_is_kept(
    bot: Runtime, lang: str, words: str, over: str, kept: str
) -> None:
    """A false alarm costs the melder nothing: the answer stands, the all-clear follows."""
    chat = chat_at(bot, "aggression", "aro", AGGRESSION, lang=lang)
    bot.engine.interpreter = AlarmedBy(bot.engine.interpreter, words)
    reply = chat.send(words)
    assert FIRST[lang] in reply[0].text
    assert outbox(bot, "acute_alert"), "danger first: security is alerted"
    assert chat.position() == ("aggression", "who"), "the kind of aggression was answered"
    assert stored_slots(bot)["aro_category"] == kept
    chat.send(over)
    assert outbox(bot, "acute_all_clear"), "security hears it is over"
    assert chat.position() == ("aggression", "who")


def test_danger_the_rules_read_as_now_leaves_the_question_open(bot: Runtime) -> None:
    """ "hij slaat me" tells the emergency, not necessarily the incident being reported."""
    chat = chat_at(bot, "aggression", "aro", AGGRESSION, lang="nl")
    reply = chat.send("hij slaat me nu")
    assert FIRST["nl"] in reply[0].text
    assert chat.position() == ("aggression", "aro")
    assert "aro_category" not in stored_slots(bot)


@pytest.mark.parametrize(
    ("step", "words", "then"),
    [
        ("summary", "alles staat er goed in", "menu"),  # sent
        ("team", "die staat er niet bij", "contact_pref"),
        ("aro", "schoppen en slaan", "who"),  # the question's own words, joined
    ],
)
def test_an_answer_the_bot_knows_word_for_word_raises_no_alarm(
    bot: Runtime, step: str, words: str, then: str
) -> None:
    """Words that are, as they stand, one of the question's own answers ("alles staat er
    goed in" at "Klopt dit?") are that answer, whatever the classifier reads in "staat er"."""
    chat = chat_at(bot, "aggression", step, AGGRESSION)
    bot.engine.interpreter = AlarmedBy(bot.engine.interpreter, words)
    reply = chat.send(words)
    assert all(FIRST["nl"] not in r.text for r in reply)
    assert not outbox(bot, "acute_alert")
    assert chat.position()[1] == then


def test_more_than_a_known_answer_is_still_read_for_danger(bot: Runtime) -> None:
    words = "alles staat er goed in maar hij staat weer bij de deur"
    chat = chat_at(bot, "aggression", "summary", AGGRESSION)
    bot.engine.interpreter = AlarmedBy(bot.engine.interpreter, words)
    reply = chat.send(words)
    assert FIRST["nl"] in reply[0].text
    assert outbox(bot, "acute_alert")


def test_it_still_going_on_is_danger_in_a_fight(bot: Runtime) -> None:
    chat = chat_at(bot, "aggression", "where", AGGRESSION)
    reply = chat.send("op kamer 7 en het is nog steeds aan de gang")
    assert FIRST["nl"] in reply[0].text
    assert outbox(bot, "acute_alert")


def test_it_still_going_on_in_an_online_report_is_taken_back_in_so_many_words(
    bot: Runtime,
) -> None:
    """Of online threats "het is nog steeds aan de gang" may only mean they go on; danger
    first all the same, and "ik ben niet in gevaar" tells security the all-clear."""
    chat = chat_at(bot, "online", "what", ONLINE)
    reply = chat.send("iemand zet mijn adres online en het is nog steeds aan de gang")
    assert FIRST["nl"] in reply[0].text
    assert outbox(bot, "acute_alert")
    at = chat.position()
    reply = chat.send("nee sorry, ik bedoel dat de berichten doorgaan. ik ben niet in gevaar")
    assert outbox(bot, "acute_all_clear"), "security hears there is no danger"
    assert "Fijn om te horen" in reply[0].text
    assert chat.position() == at, "the open question is asked again"


@pytest.mark.parametrize(("step", "lang"), [("who", "en"), ("who", "nl")])
def test_online_threats_still_going_on_at_another_question_raise_no_alarm(
    bot: Runtime, step: str, lang: str
) -> None:
    """Found in the terminal chat: "it's still going on" typed at "Who did it?" of an
    online report alerted security; there it can only mean the messages go on."""
    chat = chat_at(bot, "online", step, ONLINE, lang=lang)
    reply = chat.send("it's still going on" if lang == "en" else "het gaat nog steeds door")
    assert all("112" not in m.text for m in reply)
    assert not outbox(bot, "acute_alert")


@pytest.mark.parametrize("answer", ["het gaat nog steeds door", "still happening, 3 more today"])
def test_online_threats_still_going_on_at_when_are_its_answer(bot: Runtime, answer: str) -> None:
    """At "when?" of online threats, that they still go on is the question's own answer."""
    story = "Iemand heeft mijn adres op Facebook gezet."
    chat = chat_at(bot, "online", "when", {**ONLINE, "what": story})
    reply = chat.send(answer)
    assert all("112" not in m.text for m in reply)
    assert not outbox(bot, "acute_alert")
    assert stored_slots(bot)["occurred_choice"] == "ongoing"
