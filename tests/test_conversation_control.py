"""Stop, back, pause and resume, acute danger in every state, and bad input."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import select

from bot.runtime import Runtime
from dialogs.flows import ALL_FLOWS
from storage.models import Case, Evidence, OutboxMessage
from tests.stepchat import Answer, Driver, Script
from tests.test_conversation_report import ONLINE_ANSWERS, ONLINE_REPORT, WHAT_HAPPENED

ACUTE = "help hij staat nu voor de deur met een mes"
SAFETY = (
    "Ben je nu in gevaar? Bel meteen 112 (politie, ambulance, brandweer).\n"
    "Geen spoed, maar heb je wel de politie nodig? Bel 0900-8844.\n"
    "Ga naar een veilige plek. Waarschuw een collega als dat kan."
)
SECURITY_WARNED = (
    "Ik heb de beveiliging van je organisatie gewaarschuwd dat je misschien in gevaar bent."
)

#: Each report flow: the menu choice that starts it, and the answer to each of its steps
#: (in the order asked).
REPORTS: dict[str, tuple[str, dict[str, str]]] = {
    "online_threat": ("online", ONLINE_ANSWERS),
    "aggression": (
        "aggression",
        {
            "what": "Hij schopte tegen mijn been.",
            "understood": "yes",  # "Ik heb begrepen: fysieke agressie" (so aro is not asked)
            "when": "today",
            "where": "ward",
            "who": "patient",
            "evidence": "done",
            "impact": "2",
            "anonymity": "named",
            "name": "Ali",
            "team": "kliniek-noord",
            "contact_pref": "none",
            "line_manager": "allow",
            "summary": "confirm",
        },
    ),
    "niet_pluis": (
        "niet_pluis",
        {
            "what": "Er klopt iets niet.",
            "about": "client",
            "mode": "melden",
            "anonymity": "anonymous",
            "team": "none",
            "summary": "confirm",
        },
    ),
}

#: The menu and every step of every report flow, as (flow, step).
EVERY_STEP = [
    ("menu", "menu"),
    *((flow, step) for flow, (_, answers) in REPORTS.items() for step in answers),
]


def reach(flow: str, step: str) -> Script:
    """What a melder sends to come to `step` of `flow` (at the menu: nothing)."""
    if flow == "menu":
        return []
    choice, answers = REPORTS[flow]
    return [choice, Answer(flow, answers, until=step)]


def step_id(where: tuple[str, str]) -> str:
    return "-".join(where)


def counts(runtime: Runtime) -> tuple[int, int, int]:
    """(cases, evidence rows, outbox messages) in the database."""
    with runtime.store.unit() as unit:
        cases = len(unit.session.exec(select(Case)).all())
        evidence = len(unit.session.exec(select(Evidence)).all())
        outbox = len(unit.session.exec(select(OutboxMessage)).all())
    return cases, evidence, outbox


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("step", list(ONLINE_ANSWERS))
def test_stop_at_any_step_sends_and_keeps_nothing(
    driver: Driver, runtime: Runtime, step: str
) -> None:
    answers = {**ONLINE_ANSWERS, "evidence": ["https://example.org/bewijs", "done"]}
    talk = driver.talk(["online", Answer("online_threat", answers, until=step), "stop"])
    stopped = talk.reply(step, "online_threat")
    assert "niets" in stopped.texts[0].lower()  # "Er is niets verstuurd"
    assert "online" in stopped.choice_ids()
    assert counts(runtime) == (0, 0, 0)
    # and the next session starts fresh at the menu, not in the stopped report
    fresh = driver.session([])
    assert "online" in fresh.choice_ids()
    assert "Welkom terug" not in fresh.all_text


def test_back_goes_one_question_back_and_keeps_going(driver: Driver, runtime: Runtime) -> None:
    answers = {
        "what": ["Iemand deed heel vervelend tegen mij.", "Andere tekst hier"],
        "when": ["terug", "today"],
    }
    talk = driver.talk(["online", Answer("online_threat", answers, until="where")])
    assert talk.asked("online_threat") == ["what", "when", "what", "when"]
    assert talk.reply("when", to="terug").last["text"] == WHAT_HAPPENED, "the story again"
    assert talk.reply("when", to="today").last["choices"][0]["id"] == "instagram"
    back_at_start = driver.talk(["stop", "online", "terug"])
    assert "eerste vraag" in back_at_start.reply("what").texts[0]
    assert back_at_start.end == ("online_threat", "what")


def test_quit_mid_report_and_continue_at_the_same_step(
    runtime: Runtime, make_runtime: Callable[..., Runtime]
) -> None:
    first = Driver(runtime).talk(
        ["online", Answer("online_threat", ONLINE_ANSWERS, until="handle")]
    )
    assert first.end == ("online_threat", "handle"), "stopped at the question about the account"
    who_question = first.question("handle")
    assert "unknown" in who_question.choice_ids()

    restarted = Driver(make_runtime())  # a new process on the same database
    resumed = restarted.talk([Answer("online_threat", ONLINE_ANSWERS)])
    assert "Welkom terug" in resumed.greeting.texts[0]
    assert resumed.greeting.last == who_question.last
    steps = list(ONLINE_ANSWERS)
    assert resumed.asked("online_threat") == steps[steps.index("handle") :]
    assert "ZV-" in resumed.reply("summary").all_text
    assert counts(runtime)[0] == 1


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("flow", "step"), EVERY_STEP, ids=map(step_id, EVERY_STEP))
def test_acute_danger_answers_first_in_every_state(
    driver: Driver, runtime: Runtime, flow: str, step: str
) -> None:
    talk = driver.talk([*reach(flow, step), ACUTE])
    before = talk.question(step, flow)
    after = talk.reply(step, flow, to=ACUTE)
    assert after.texts[:2] == [SAFETY, SECURITY_WARNED]
    if step == "what":
        # their own words about what happened are kept, and the report goes on
        # (the emergency tells no facts to confirm, so the question after the story follows)
        steps = [s for s in REPORTS[flow][1] if s != "understood"]
        assert talk.end == (flow, steps[steps.index(step) + 1]), "when / about follows"
        assert after.last["text"] != before.last["text"]
        assert after.last["choices"], "the next question (when / about) follows"
    else:
        # the conversation is where it was: the same question is asked again
        assert talk.end == (flow, step)
        assert after.last == before.last
    with runtime.store.unit() as unit:
        alerts = unit.session.exec(
            select(OutboxMessage).where(OutboxMessage.purpose == "acute_alert")
        ).all()
    assert alerts
    assert {a.recipient for a in alerts} == {"sec-frank"}
    assert counts(runtime)[0] == 0, "an emergency never submits a half-finished report"


def test_security_contact_receives_the_alert(driver: Driver) -> None:
    driver.session([ACUTE])
    frank = driver.session([], user="sec-frank")
    alerts = [m for m in frank.messages if m.get("outbox")]
    assert len(alerts) == 1
    assert "112" in alerts[0]["text"]


def test_repeated_emergency_messages_alert_once_per_interval(
    driver: Driver, runtime: Runtime
) -> None:
    talk = driver.talk([ACUTE, ACUTE, "ik word nu aangevallen"])
    assert [t.said.texts[0] for t in talk.turns] == [SAFETY] * 3, "each gets the safety answer"
    with runtime.store.unit() as unit:
        alerts = unit.session.exec(
            select(OutboxMessage).where(OutboxMessage.purpose == "acute_alert")
        ).all()
    # one alert on each of the security contact's channels (console, Telegram, Matrix)
    assert sorted(a.channel for a in alerts) == ["console", "matrix", "telegram"]


@pytest.mark.parametrize(
    ("bad", "expected"),
    [
        ("", "leeg"),
        ("   ", "leeg"),
        ("x" * 100_000, "te lang"),
        ("\x00\x01\x02\x1b[31m", None),
        ("/foo", None),
        ("9", "1 tot"),
        ("0", "1 tot"),
    ],
)
def test_bad_input_gets_a_kind_answer_and_changes_nothing(
    driver: Driver, runtime: Runtime, bad: str, expected: str | None
) -> None:
    answers = {"what": "Iemand bedreigt mij via de telefoon.", "when": [bad, "today"]}
    talk = driver.talk(["online", Answer("online_threat", answers, until="where")])
    answer = talk.reply("when", to=bad)
    if expected:
        assert expected in answer.texts[0].lower()
    assert talk.asked("online_threat") == ["what", "when", "when"], "the same question again"
    assert answer.last == talk.question("when").last
    assert talk.reply("when", to="today").last["choices"][0]["id"] == "instagram", "and on"
    assert counts(runtime) == (0, 0, 0)


def test_text_that_is_too_short_is_asked_again(driver: Driver) -> None:
    talk = driver.talk(["online", Answer("online_threat", {"what": ["a"]})])
    assert "kort" in talk.reply("what").texts[0]
    assert talk.end == ("online_threat", "what")


def test_unknown_menu_text_is_honest_and_shows_the_menu(driver: Driver) -> None:
    weather, gibberish = "wat is het weer morgen in utrecht", "qwrtpz"
    talk = driver.talk([weather, gibberish])
    for turn in talk.turns:
        assert "online" in turn.said.choice_ids()
    assert talk.reply("menu", to=weather).texts[0] == (
        "Daarmee kan ik je niet helpen. Ik ben er voor meldingen van bedreiging, agressie en "
        "niet-pluis-gevoelens."
    )
    assert talk.reply("menu", to=gibberish).texts[0] == (
        "Ik weet niet zeker wat je bedoelt. Kies wat je wilt doen:"
    )


def test_every_flow_is_valid_and_has_a_current_diagram() -> None:
    from dialogs.diagrams import check_diagrams

    assert len(ALL_FLOWS) >= 9
    assert check_diagrams() == [], "run: make diagrams"


@pytest.mark.parametrize("text", ["help", "/help", "menu", "Help"])
def test_help_shows_the_menu_without_an_alarm(driver: Driver, runtime: Runtime, text: str) -> None:
    helped = driver.talk([text]).reply("menu")
    assert "112" in helped.texts[0]  # the help text names 112 for emergencies ...
    assert "0900-8844" not in helped.all_text  # ... but this is not the emergency answer
    assert "online" in helped.choice_ids()
    assert counts(runtime) == (0, 0, 0)


def test_help_in_a_report_explains_stop_and_back(driver: Driver) -> None:
    helped = driver.talk(["online", "help"]).reply("what")
    assert "stop" in helped.texts[0]
    assert "terug" in helped.texts[0]


def test_english_report_end_to_end(driver: Driver) -> None:
    answers = {
        "what": "use_slot",
        "understood": "yes",  # on Facebook, by a relative of a patient
        "when": "today",
        "handle": "I don't know",
        "evidence": "done",
        "impact": "4",
        "anonymity": "anonymous",
        "team": "none",
        "contact_pref": "none",
        "summary": "confirm",
    }
    opening = "I am being threatened on facebook by a relative of a patient"
    talk = driver.talk([opening, Answer("online_threat", answers)], lang="en")
    assert talk.asked("online_threat") == list(answers)
    assert "online threat" in talk.question("what").texts[0]
    assert "Facebook" in talk.question("summary").all_text
    done = talk.reply("summary").all_text
    assert "Your report has code ZV-" in done
    assert "Slachtofferhulp" in done


def test_status_lists_own_reports_only(driver: Driver) -> None:
    driver.session(ONLINE_REPORT, user="melder-a")
    mine = driver.talk(["status"], user="melder-a").reply("menu").all_text
    other = driver.talk(["status"], user="melder-b").reply("menu").all_text
    assert "ZV-" in mine
    assert "online bedreiging" in mine
    assert "ZV-" not in other


def test_privacy_explains_anonymity_honestly(driver: Driver) -> None:
    text = driver.talk(["privacy"]).reply("menu").all_text
    assert "versleuteld" in text  # stored encrypted
    assert "Telegram" in text  # the messenger knows you talked to the bot
    assert "12 maanden" in text  # retention
    assert "geheim" in text.lower()  # no false promise of absolute secrecy


def test_numbers_pick_listed_options_in_text_questions_and_stay_text_otherwise(
    driver: Driver, runtime: Runtime
) -> None:
    opening = "ik word bedreigd op instagram door de zoon van een patiënt"
    answers = {
        "what": "1",
        "understood": "yes",
        "when": "today",
        "handle": "0612345678",
        "evidence": "done",
        "impact": "3",
        "anonymity": "anonymous",
        "team": "none",
        "contact_pref": "none",
        "summary": "confirm",
    }
    talk = driver.talk([opening, Answer("online_threat", answers)])
    assert "use_slot" in talk.question("what").choice_ids()
    understood = talk.reply("what").last["text"]
    assert understood.startswith("Ik heb begrepen: via Instagram"), "1 chose the first sentence"
    # who did it came with the first sentence: the number is the handle, and on it goes
    assert talk.asked("online_threat") == list(answers)
    with runtime.store.unit() as unit:
        [case] = unit.all_cases()
    assert case.details["description"] == opening
    assert case.details["handle"] == "0612345678"


def test_change_an_answer_from_the_summary(driver: Driver, runtime: Runtime) -> None:
    answers = {
        "what": "Een bewoner heeft sinds kort blauwe plekken die niemand kan verklaren.",
        "about": "client",
        "mode": "melden",
        "anonymity": ["named", "anonymous"],
        "name": "Joke",
        "team": "none",
        "summary": ["edit", "confirm"],
        "edit_field": "anonymity",
    }
    talk = driver.talk(["niet_pluis", Answer("niet_pluis", answers)])
    assert "Joke" in talk.question("summary").all_text
    assert "anonymity" in talk.reply("summary", to="edit").choice_ids()
    asked_again = talk.reply("edit_field")
    assert asked_again.last["text"].startswith("Wil je anoniem melden of met je naam?\n")
    assert asked_again.last == talk.question("anonymity").last, "the same question as before"
    summary = talk.reply("anonymity", to="anonymous").all_text
    assert "anoniem" in summary
    assert "Joke" not in summary, "the name no longer applies"
    with runtime.store.unit() as unit:
        [case] = unit.all_cases()
    assert case.anonymous
    assert "reporter_name" not in case.details


def test_contact_can_report_too(driver: Driver) -> None:
    talk = driver.talk(["report", "online"], user="af-anna")
    assert "cases" in talk.greeting.choice_ids()
    assert "online" in talk.reply("menu", "contact_menu").choice_ids()
    assert talk.reply("menu", "menu").last["text"] == WHAT_HAPPENED
    assert talk.end == ("online_threat", "what")


def test_slash_commands_mid_report_keep_the_report(driver: Driver, runtime: Runtime) -> None:
    answers = {"what": "Iemand belt mij steeds anoniem."}
    talk = driver.talk(
        [
            "online",
            "/foo",
            "/status",
            "/privacy",
            Answer("online_threat", answers, until="understood"),
        ]
    )
    unknown = talk.reply("what", to="/foo")
    assert "commando" in unknown.texts[0]
    assert unknown.last["text"] == WHAT_HAPPENED, "the same question again"
    status = talk.reply("what", to="/status")
    assert status.texts[0] == "Je hebt vanuit deze chat nog geen meldingen gedaan."
    assert status.last["text"] == WHAT_HAPPENED
    assert "versleuteld" in talk.reply("what", to="/privacy").all_text
    assert talk.asked("online_threat") == ["what"] * 4
    went_on = talk.reply("what", to=answers["what"]).last["text"]
    assert went_on.startswith("Ik heb begrepen:"), "the report went on"


def test_rate_limit_is_kind_and_lets_an_emergency_through(driver: Driver, runtime: Runtime) -> None:
    lines = ["online", "Iemand stuurt mij steeds berichten via WhatsApp."] + ["x"] * 25 + [ACUTE]
    talk = driver.talk(lines)
    limited = [t for t in talk.turns if "veel berichten" in t.said.texts[0]]
    assert len(limited) >= 5
    assert talk.last.texts[0] == SAFETY, "the answer to the emergency, the last message"
    assert counts(runtime)[0] == 0


def test_unclear_messages_are_kept_redacted_for_review(driver: Driver, runtime: Runtime) -> None:
    from storage.nlu_review import review_items

    driver.session(["pfff meneer Jansen 0612345678 enfin"])
    with runtime.store.unit() as unit:
        items = review_items(unit)
    texts = [i.text for i in items]
    assert texts == ["pfff meneer [naam] [telefoon] enfin"]


def test_messenger_name_is_offered_but_only_stored_when_chosen(runtime: Runtime) -> None:
    from dialogs.messages import Incoming

    engine = runtime.engine

    def say(text: str, chat: str) -> list[str]:
        reply = engine.handle(
            Incoming(
                channel="telegram", chat_id=chat, user_id=chat, text=text, display_name="Joke B."
            )
        )
        return [c.id for m in reply.messages for c in m.choices]

    for line in ["niet_pluis", "Er klopt iets niet bij een bewoner.", "client", "melden"]:
        say(line, "anon")
    say("anonymous", "anon")
    with runtime.store.unit() as unit:
        stored = unit.load_conversation(runtime.store.pseudonym("telegram", "anon"))
    assert stored is not None
    assert "Joke" not in str(stored.state), "an anonymous melder's name is not kept"

    for line in ["niet_pluis", "Er klopt iets niet bij een bewoner.", "client", "melden"]:
        say(line, "named")
    assert "use_slot" in say("named", "named")
    say("use_slot", "named")
    say("none", "named")
    say("confirm", "named")
    with runtime.store.unit() as unit:
        case = unit.cases_of_reporter(runtime.store.pseudonym("telegram", "named"))[0]
    assert case.details["reporter_name"] == "Joke B."
