"""Stop, back, pause and resume, acute danger in every state, and bad input."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlmodel import select

from bot.runtime import Runtime
from dialogs.flows import ALL_FLOWS
from storage.models import Case, Evidence, OutboxMessage
from tests.conftest import Driver
from tests.test_conversation_report import ONLINE_ANONYMOUS

ACUTE = "help hij staat nu voor de deur met een mes"


def counts(runtime: Runtime) -> tuple[int, int, int]:
    """(cases, evidence rows, outbox messages) in the database."""
    with runtime.store.unit() as unit:
        cases = len(unit.session.exec(select(Case)).all())
        evidence = len(unit.session.exec(select(Evidence)).all())
        outbox = len(unit.session.exec(select(OutboxMessage)).all())
    return cases, evidence, outbox


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("at", range(1, len(ONLINE_ANONYMOUS)))
def test_stop_at_any_step_sends_and_keeps_nothing(
    driver: Driver, runtime: Runtime, at: int, tmp_path: object
) -> None:
    lines = ONLINE_ANONYMOUS[:at]
    if at > 6:
        lines = [*lines[:6], "https://example.org/bewijs", *lines[6:]]
    turns = driver.turns([*lines, "stop"])
    stopped = turns[-1]
    assert "niets" in stopped.texts[0].lower()  # "Er is niets verstuurd"
    assert "online" in stopped.choice_ids()
    assert counts(runtime) == (0, 0, 0)
    # and the next session starts fresh at the menu, not in the stopped report
    fresh = driver.session([])
    assert "online" in fresh.choice_ids()
    assert "Welkom terug" not in fresh.all_text


def test_back_goes_one_question_back_and_keeps_going(driver: Driver, runtime: Runtime) -> None:
    turns = driver.turns(
        ["online", "Iemand belde en schold mij uit.", "terug", "Andere tekst hier", "today"]
    )
    assert "eigen woorden" in turns[3].last["text"]
    assert turns[5].last["choices"][0]["id"] == "instagram"
    back_at_start = driver.turns(["stop", "online", "terug"])
    assert "eerste vraag" in back_at_start[3].texts[0]


def test_quit_mid_report_and_continue_at_the_same_step(
    runtime: Runtime, make_runtime: Callable[..., Runtime]
) -> None:
    first = Driver(runtime).turns(ONLINE_ANONYMOUS[:5])
    assert "unknown" in first[-1].choice_ids(), "stopped at the question about the account"
    handle_question = first[-1].last["text"]

    restarted = Driver(make_runtime())  # a new process on the same database
    resumed = restarted.turns(ONLINE_ANONYMOUS[5 - 1 + 1 :])
    assert "Welkom terug" in resumed[0].texts[0]
    assert resumed[0].last["text"] == handle_question
    assert "ZV-" in resumed[-1].all_text
    assert counts(runtime)[0] == 1


def _prefix_for_every_step() -> list[tuple[str, list[str]]]:
    """Input that brings a melder to each step of each report flow (and the menu)."""
    online = ONLINE_ANONYMOUS[:-1]
    aggression = [
        "aggression",
        "Hij schopte tegen mijn been.",
        "today",
        "ward",
        "fysiek",
        "patient",
        "done",
        "2",
        "named",
        "Ali",
        "kliniek-noord",
        "none",
        "allow",
    ]
    niet_pluis = ["niet_pluis", "Er klopt iets niet.", "client", "melden", "anonymous", "none"]
    cases = [("menu", [])]
    for name, lines in (("online", online), ("aggression", aggression), ("niet_pluis", niet_pluis)):
        cases.extend((f"{name}-{i}", lines[:i]) for i in range(1, len(lines) + 1))
    return cases


def _full(said: object) -> str:
    """The evidence question is asked in full again, after a short 'anything else?'."""
    from dialogs.flows.report import EVIDENCE
    from dialogs.i18n import translator

    return translator("nl")(EVIDENCE.prompt)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(("where", "prefix"), _prefix_for_every_step())
def test_acute_danger_answers_first_in_every_state(
    driver: Driver, runtime: Runtime, where: str, prefix: list[str]
) -> None:
    turns = driver.turns([*prefix, ACUTE])
    before, after = turns[-2], turns[-1]
    first = after.texts[0]
    assert "112" in first
    assert "0900-8844" in first
    assert "beveiliging" in after.all_text.lower() or "security" in after.all_text.lower()
    story = "eigen woorden" in before.last["text"] or "dit gevoel" in before.last["text"]
    if story:
        # their own words about what happened are kept, and the report goes on
        assert after.last["text"] != before.last["text"]
        assert after.last["choices"], "the next question (when / about) follows"
    else:
        # the conversation is where it was: the same question is asked again
        assert after.last["choices"] == before.last["choices"]
        assert where == "menu" or after.last["text"] in (before.last["text"], _full(before))
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
    turns = driver.turns([ACUTE, ACUTE, "ik word nu aangevallen"])
    assert all("112" in t.texts[0] for t in turns[1:]), "every message gets the safety answer"
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
    turns = driver.turns(["online", "Iemand bedreigt mij via de telefoon.", bad, "today"])
    answer = turns[3]
    if expected:
        assert expected in answer.texts[0].lower()
    assert answer.last["choices"] == turns[2].last["choices"], "the same question again"
    assert turns[4].last["choices"][0]["id"] == "instagram", "and the conversation goes on"
    assert counts(runtime) == (0, 0, 0)


def test_text_that_is_too_short_is_asked_again(driver: Driver) -> None:
    turns = driver.turns(["online", "a"])
    assert "kort" in turns[2].texts[0]


def test_unknown_menu_text_is_honest_and_shows_the_menu(driver: Driver) -> None:
    turns = driver.turns(["wat is het weer morgen in utrecht", "qwrtpz"])
    for turn in turns[1:]:
        assert "online" in turn.choice_ids()
    assert "kan ik je niet" in turns[1].texts[0] or "niet zeker" in turns[1].texts[0]


def test_every_flow_is_valid_and_has_a_current_diagram() -> None:
    from dialogs.diagrams import check_diagrams

    assert len(ALL_FLOWS) >= 9
    assert check_diagrams() == [], "run: make diagrams"


@pytest.mark.parametrize("text", ["help", "/help", "menu", "Help"])
def test_help_shows_the_menu_without_an_alarm(driver: Driver, runtime: Runtime, text: str) -> None:
    turns = driver.turns([text])
    assert "112" in turns[1].texts[0]  # the help text names 112 for emergencies ...
    assert "0900-8844" not in turns[1].all_text  # ... but this is not the emergency answer
    assert "online" in turns[1].choice_ids()
    assert counts(runtime) == (0, 0, 0)


def test_help_in_a_report_explains_stop_and_back(driver: Driver) -> None:
    turns = driver.turns(["online", "help"])
    assert "stop" in turns[2].texts[0]
    assert "terug" in turns[2].texts[0]


def test_english_report_end_to_end(driver: Driver) -> None:
    turns = driver.turns(
        [
            "I am being threatened on facebook by a relative of a patient",
            "use_slot",
            "yes",  # "I have understood: via Facebook, by a relative ... Is that right?"
            "today",
            "I don't know",
            "done",
            "4",
            "anonymous",
            "none",
            "none",
            "confirm",
        ],
        lang="en",
    )
    assert "online threat" in turns[1].texts[0]
    assert "I have understood: via Facebook" in turns[2].last["text"]
    assert "Facebook" in turns[10].all_text
    assert "Your report has code ZV-" in turns[11].all_text
    assert "Slachtofferhulp" in turns[11].all_text


def test_status_lists_own_reports_only(driver: Driver) -> None:
    from tests.test_conversation_report import ONLINE_ANONYMOUS

    driver.session(ONLINE_ANONYMOUS, user="melder-a")
    mine = driver.turns(["status"], user="melder-a")[1].all_text
    other = driver.turns(["status"], user="melder-b")[1].all_text
    assert "ZV-" in mine
    assert "online bedreiging" in mine
    assert "ZV-" not in other


def test_privacy_explains_anonymity_honestly(driver: Driver) -> None:
    text = driver.turns(["privacy"])[1].all_text
    assert "versleuteld" in text  # stored encrypted
    assert "Telegram" in text  # the messenger knows you talked to the bot
    assert "12 maanden" in text  # retention
    assert "geheim" in text.lower()  # no false promise of absolute secrecy


def test_numbers_pick_listed_options_in_text_questions_and_stay_text_otherwise(
    driver: Driver, runtime: Runtime
) -> None:
    opening = "ik word bedreigd op instagram door de zoon van een patiënt"
    turns = driver.turns([opening, "1", "ja", "today", "0612345678"])
    assert "Klopt dat?" in turns[2].last["text"], "1 chose 'use what I wrote at the start'"
    assert "Wanneer" in turns[3].last["text"]
    assert turns[5].last["choices"][0]["id"] == "done", "who did it was in the first sentence"
    driver.session(["done", "3", "anonymous", "none", "none", "confirm"])
    with runtime.store.unit() as unit:
        [case] = unit.all_cases()
    assert case.details["description"] == opening
    assert case.details["handle"] == "0612345678"


def test_change_an_answer_from_the_summary(driver: Driver, runtime: Runtime) -> None:
    lines = [
        "niet_pluis",
        "Een bewoner heeft sinds kort blauwe plekken die niemand kan verklaren.",
        "client",
        "melden",
        "named",
        "Joke",
        "none",
    ]
    turns = driver.turns([*lines, "edit", "anonymity", "anonymous", "confirm"])
    assert "anonymity" in turns[8].choice_ids()
    assert "Anoniem" in turns[9].last["text"] or "anoniem" in turns[9].last["text"]
    summary = turns[10].all_text
    assert "anoniem" in summary
    assert "Joke" not in summary, "the name no longer applies"
    with runtime.store.unit() as unit:
        [case] = unit.all_cases()
    assert case.anonymous
    assert "reporter_name" not in case.details


def test_contact_can_report_too(driver: Driver) -> None:
    turns = driver.turns(["report", "online"], user="af-anna")
    assert "cases" in turns[0].choice_ids()
    assert "online" in turns[1].choice_ids()
    assert "eigen woorden" in turns[2].last["text"]


def test_slash_commands_mid_report_keep_the_report(driver: Driver, runtime: Runtime) -> None:
    turns = driver.turns(
        ["online", "/foo", "/status", "/privacy", "Iemand belt mij steeds anoniem."]
    )
    assert "commando" in turns[2].texts[0]
    assert "eigen woorden" in turns[2].last["text"], "the same question again"
    assert "meldingen" in turns[3].texts[0] or "nog geen" in turns[3].texts[0]
    assert "eigen woorden" in turns[3].last["text"]
    assert "versleuteld" in turns[4].all_text
    assert "Klopt dat?" in turns[5].last["text"], "and the report went on"


def test_rate_limit_is_kind_and_lets_an_emergency_through(driver: Driver, runtime: Runtime) -> None:
    lines = ["online", "Iemand stuurt mij steeds berichten via WhatsApp."] + ["x"] * 25 + [ACUTE]
    turns = driver.turns(lines)
    limited = [t for t in turns[1:] if "veel berichten" in t.texts[0]]
    assert len(limited) >= 5
    assert "112" in turns[-1].texts[0]
    assert "0900-8844" in turns[-1].texts[0]
    assert counts(runtime)[0] == 0


def test_unclear_messages_are_kept_redacted_for_review(driver: Driver, runtime: Runtime) -> None:
    from storage.nlu_review import review_items

    driver.session(["hmm meneer Jansen 0612345678 tja"])
    with runtime.store.unit() as unit:
        items = review_items(unit)
    texts = [i.text for i in items]
    assert texts == ["hmm meneer [naam] [telefoon] tja"]


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
