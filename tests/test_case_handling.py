"""Case handling across people: aanspreekpunten claim, ask, act, hand over and close;
anonymous melders answer through the relay; deadlines escalate (controllable clock)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from bot.runtime import Runtime
from tests.stepchat import Answer, Driver, Said, Script
from tests.test_conversation_report import ONLINE_REPORT

QUESTION = "Heeft de afzender ook je telefoonnummer genoemd?"
ANSWER = "Nee, alleen mijn voornaam en de afdeling."


class Clock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def world(make_runtime: Callable[..., Runtime], clock: Clock) -> tuple[Runtime, Driver]:
    runtime = make_runtime(clock=clock)
    return runtime, Driver(runtime)


def outbox(said: Said) -> list[str]:
    return [m["text"] for m in said.messages if m.get("outbox")]


def open_case(code: str, **answers: str | list[str]) -> Script:
    """A contact opens `code` from their cases, then answers `answers` (by step name; a
    list answers a step each time it comes, and the chat ends when it is used up)."""
    return ["cases", Answer("cases", {"case_list": [code], "case_view": [], **answers})]


def report(driver: Driver, user: str = "melder") -> str:
    said = driver.session(ONLINE_REPORT, user=user)
    codes = [w.strip(".,") for t in said.texts for w in t.split() if w.startswith("ZV-")]
    return codes[0]


def test_two_contacts_receive_one_claims_and_the_other_sees_it(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, driver = world
    code = report(driver)
    anna = driver.talk(open_case(code, case_view=["claim"]), user="af-anna")
    assert code in outbox(anna.greeting)[0]
    assert "claim" in anna.question("case_view").choice_ids()
    claimed = anna.reply("case_view")
    assert "opgepakt" in claimed.texts[0]
    assert "claim" not in claimed.choice_ids(), "a claimed case cannot be claimed again"

    team = driver.talk(open_case(code), user="mt-team")
    notices = outbox(team.greeting)
    assert any(code in n for n in notices)
    assert any("Anna de Vries" in n for n in notices)
    view = team.question("case_view")
    assert "Anna de Vries" in view.all_text
    assert "claim" not in view.choice_ids()

    melder = driver.session([], user="melder")
    news = outbox(melder)
    assert len(news) == 1
    assert code in news[0]
    assert "opgepakt" in news[0]
    assert "Anna" not in news[0], "the melder is not told who"
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code)
        assert case is not None
        assert case.status == "acknowledged"
        assert case.claimed_by == "af-anna"


def test_anonymous_relay_both_ways(world: tuple[Runtime, Driver]) -> None:
    runtime, driver = world
    code = report(driver, user="nachtdienst-42")
    driver.session(open_case(code, case_view=["ask"], ask=QUESTION), user="af-anna")

    answers = {"status_list": code, "own_case": ["answer"], "answer": ANSWER}
    melder = driver.talk(["status", Answer("status", answers)], user="nachtdienst-42")
    [notice] = outbox(melder.greeting)
    assert code in notice
    assert QUESTION not in notice, "the notice itself carries no content"
    assert "status" in [c["id"] for m in melder.greeting.messages for c in m["choices"]]
    own_case = melder.question("own_case")
    assert QUESTION in own_case.all_text
    assert "answer" in own_case.choice_ids()
    answered = melder.reply("answer")
    assert "doorgegeven" in answered.texts[0]
    assert "answer" not in answered.choice_ids(), "answered: no open question any more"

    anna = driver.talk(open_case(code), user="af-anna")
    assert any("beantwoord" in n for n in outbox(anna.greeting))
    view = anna.question("case_view").all_text
    assert QUESTION in view
    assert ANSWER in view
    assert "nachtdienst-42" not in view

    with runtime.store.unit() as unit:
        actions = [e.action for e in unit.audit_events()]
        details = " ".join(e.detail for e in unit.audit_events())
    assert "message_question" in actions
    assert "message_answer" in actions
    assert QUESTION not in details, "the audit log has no content"
    assert ANSWER not in details, "the audit log has no content"


def test_actions_notes_close_and_feedback(world: tuple[Runtime, Driver]) -> None:
    runtime, driver = world
    code = report(driver)
    script = open_case(
        code,
        case_view=["note", "action", "action", "close"],
        note="Melder kent de afzender mogelijk.",
        action_group=["warn", "own"],
        action_pick="17",
        action_text="Account gemeld bij Instagram.",
        close_outcome="handled",
        close_feedback="We hebben de zoon aangesproken en het account laten verwijderen.",
    )
    anna = driver.talk(script, user="af-anna")
    assert "opgeslagen" in anna.reply("note").texts[0]
    assert "17" in anna.question("action_pick").choice_ids()
    assert "vastgelegd" in anna.reply("action_pick").texts[0]
    closed = anna.reply("close_feedback")
    assert "afgesloten" in closed.all_text
    assert "Stevig gesprek van leidinggevende met veroorzaker" in closed.all_text
    assert "Account gemeld bij Instagram." in closed.all_text
    assert "close" not in closed.choice_ids()

    melder = driver.talk(["status", Answer("status", {"status_list": code, "own_case": []})])
    assert any("afgesloten" in n for n in outbox(melder.greeting))
    mine = melder.question("own_case").all_text
    assert "We hebben de zoon aangesproken" in mine
    assert "Melder kent de afzender" not in mine, "internal notes never reach the melder"
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code)
        assert case is not None
        assert (case.status, case.outcome) == ("closed", "handled")


def test_hand_over_tells_the_new_contact_and_not_the_melder_who(
    world: tuple[Runtime, Driver],
) -> None:
    _runtime, driver = world
    code = report(driver)
    anna = driver.talk(open_case(code, case_view=["handover"], handover=[]), user="af-anna")
    candidates = anna.question("handover").choice_ids()
    assert "vp-carla" in candidates
    assert "sec-frank" not in candidates
    handover = open_case(code, case_view=["handover"], handover="vp-carla")
    driver.session(handover, user="af-anna")

    carla = driver.talk(open_case(code), user="vp-carla")
    assert any("overgedragen" in n for n in outbox(carla.greeting))
    assert code in carla.question("case_list").choice_ids()
    assert "De zoon van mevrouw K." in carla.question("case_view").all_text

    news = outbox(driver.session([], user="melder"))
    assert any("ander aanspreekpunt" in n for n in news)
    assert not any("Carla" in n for n in news)


def test_unclaimed_case_escalates_once_after_the_deadline(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver)
    clock.advance(hours=23)
    assert runtime.engine.run_due_timers() == 0
    clock.advance(hours=2)
    melder = driver.session([], user="melder")  # any activity runs due timers
    assert any("nog niet opgepakt" in n for n in outbox(melder)), "the melder is told"
    assert runtime.engine.run_due_timers() == 0, "a timer fires once"

    bram = driver.talk(open_case(code), user="af-bram")
    assert any("niet opgepakt" in n for n in outbox(bram.greeting))
    assert code in bram.question("case_list").choice_ids(), "the backup can now open the case"
    assert bram.end == ("cases", "case_view")
    with runtime.store.unit() as unit:
        assert "case_escalated" in [e.action for e in unit.audit_events()]


def test_claimed_case_does_not_escalate(world: tuple[Runtime, Driver], clock: Clock) -> None:
    runtime, driver = world
    code = report(driver)
    driver.session(open_case(code, case_view=["claim"]), user="af-anna")
    clock.advance(hours=30)
    runtime.engine.run_due_timers()
    assert not any("niet opgepakt" in n for n in outbox(driver.session([], user="af-bram")))


def test_an_action_on_an_unclaimed_case_takes_it_and_stops_the_escalation(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver)
    driver.session(["cases", code, "action", "warn", "17"], user="af-anna")
    clock.advance(hours=30)
    runtime.engine.run_due_timers()
    assert not any("niet opgepakt" in n for n in outbox(driver.session([], user="af-bram")))
    news = outbox(driver.session([], user="melder"))
    assert any("opgepakt" in n for n in news), "the melder hears it is picked up"
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code)
        assert case is not None
        assert (case.status, case.claimed_by) == ("in_progress", "af-anna")
        actions = [e.action for e in unit.audit_events(case.id)]
    assert actions.count("case_claimed") == 1
    assert "case_escalated" not in actions


def test_hand_over_is_a_routing_decision_in_the_audit_log(world: tuple[Runtime, Driver]) -> None:
    runtime, driver = world
    code = report(driver)
    driver.session(["cases", code, "handover", "vp-carla"], user="af-anna")
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code)
        assert case is not None
        assert case.claimed_by == "vp-carla"
        events = [(e.action, e.detail) for e in unit.audit_events(case.id)]
    routed = [d for a, d in events if a == "case_routed"]
    assert any('"contact": "vp-carla"' in d and '"handover"' in d for d in routed)
    assert ("case_handed_over", '{"to": "vp-carla"}') in events


def test_48_hour_norm_reminder_until_a_reaction_is_recorded(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver)
    driver.session(open_case(code, case_view=["claim"]), user="af-anna")
    clock.advance(hours=24, minutes=1)
    runtime.engine.run_due_timers()
    reminders = [n for n in outbox(driver.session([], user="af-anna")) if "48 uur" in n]
    assert len(reminders) == 1
    assert code in reminders[0]
    action = open_case(code, case_view=["action"], action_group="warn", action_pick="17")
    driver.session(action, user="af-anna")
    clock.advance(hours=24)
    runtime.engine.run_due_timers()
    assert not [n for n in outbox(driver.session([], user="af-anna")) if "48 uur" in n]


def test_excluded_line_manager_never_sees_the_case(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    answers = {
        "what": "Een bezoeker bedreigde mij bij de balie.",
        "when": "today",
        "where": "reception",
        "aro": "verbaal",
        "who": "bezoeker",
        "evidence": "done",
        "impact": "3",
        "anonymity": "anonymous",
        "team": "kliniek-noord",
        "contact_pref": "none",
        "line_manager": "exclude",
        "summary": "confirm",
    }
    driver.session(["aggression", Answer("aggression", answers)])
    with runtime.store.unit() as unit:
        [case] = unit.all_cases()
    code = case.code
    clock.advance(hours=30)
    runtime.engine.run_due_timers()  # escalation does not bring the manager in either
    dirk = driver.talk(open_case(code), user="lg-dirk")
    assert not outbox(dirk.greeting)
    assert code not in dirk.question("case_list").choice_ids()
    answer = dirk.reply("case_list")
    assert answer.texts[0] == "Die melding bestaat niet of is niet naar jou gestuurd."
    assert dirk.end == ("cases", "case_list")
    anna = driver.talk(open_case(code, case_view=["handover"], handover=[]), user="af-anna")
    assert "lg-dirk" not in anna.question("handover").choice_ids()
    with runtime.store.unit() as unit:
        refused = [e for e in unit.audit_events() if e.action == "case_access_refused"]
    assert refused
    assert refused[0].actor == "lg-dirk"


def test_forged_button_changes_nothing(world: tuple[Runtime, Driver]) -> None:
    runtime, driver = world
    code = report(driver)
    eva = driver.talk(["cases", "claim"], user="lg-eva")
    assert code not in eva.question("case_list").choice_ids()
    # typed, the 'claim' of a case view is just text that the case list does not know
    assert eva.reply("case_list").texts[0] == (
        "Ik weet niet zeker welke je bedoelt. Kies hieronder, typ het nummer, "
        "of zeg het in andere woorden."
    )
    # a button press with another case's code, as a modified client could send it
    from dialogs.messages import Incoming

    forged = Incoming(channel="console", chat_id="lg-eva", user_id="lg-eva", choice=code)
    reply = runtime.engine.handle(forged)
    assert "eerdere vraag" in reply.messages[0].text
    assert not any(code in m.text and "Wat er gebeurde" in m.text for m in reply.messages)
    with runtime.store.unit() as unit:
        refused = [e for e in unit.audit_events() if e.action == "case_access_refused"]
    assert refused
    assert refused[-1].actor == "lg-eva"
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code)
        assert case is not None
        assert case.claimed_by is None


def test_audit_command_lists_events_without_content(
    world: tuple[Runtime, Driver],
    cli_env: dict[str, str],
) -> None:
    from tests.conftest import run_cli

    runtime, driver = world
    code = report(driver)
    driver.session(open_case(code, case_view=["ask"], ask=QUESTION), user="af-anna")
    env = {**cli_env, "ZV_DATA_DIR": str(runtime.settings.data_dir)}
    result = run_cli(["cases", "audit", code.lower()], env)
    assert result.returncode == 0, result.stderr
    assert "case_created" in result.stdout
    assert "case_routed" in result.stdout
    assert "message_question" in result.stdout
    assert QUESTION not in result.stdout
    missing = run_cli(["cases", "audit", "ZV-AAAA"], env)
    assert missing.returncode == 2


def test_a_notice_keeps_the_name_and_the_evidence_in_the_bot(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, driver = world
    from tests.stepchat import StepChat
    from tests.test_conversation_report import ONLINE_ANSWERS

    chat = StepChat(runtime.engine, user="sanne")
    chat.send(choice="online")
    evidence = ["https://example.org/screenshot-van-het-bericht", "done"]
    named = {**ONLINE_ANSWERS, "evidence": evidence, "anonymity": "named", "name": "Sanne de Wit"}
    chat.answer("online_threat", named)
    with runtime.store.unit() as unit:
        (case,) = unit.all_cases()
        notices = [
            m.payload["text"] for m in unit.claim_outbox("console") if m.purpose == "case_notice"
        ]
    assert notices
    for notice in notices:
        assert "Sanne" not in notice
        assert "example.org" not in notice
        assert "Gemeld met naam (die lees je in de bot)." in notice
        assert "1 bestand(en) of link(s), te zien in de bot" in notice
    anna = driver.talk(["cases", case.code], user="af-anna")
    view = anna.question("case_view").all_text
    assert "Gemeld door: Sanne de Wit." in view
    assert "https://example.org/screenshot-van-het-bericht" in view


def test_a_contacts_question_at_the_case_desk_is_not_answered_as_a_melders(
    world: tuple[Runtime, Driver],
) -> None:
    _runtime, driver = world
    report(driver)
    anna = driver.talk(["cases", "wie leest dit eigenlijk?"], user="af-anna")
    reply = anna.reply("case_list", to="wie leest dit eigenlijk?")
    assert reply.texts[0] == (
        "Ik weet niet zeker welke je bedoelt. Kies hieronder, typ het nummer, "
        "of zeg het in andere woorden."
    )


def test_a_contact_closes_in_own_words_and_writing_about_the_case_raises_no_alarm(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, driver = world
    code = report(driver)
    feedback = "We hebben met de zoon gesproken, hij komt voorlopig niet meer op de afdeling."
    closing = open_case(
        code, case_view=["afsluiten"], close_outcome="opgelost", close_feedback=feedback
    )
    anna = driver.talk(closing, user="af-anna")
    assert "112" not in anna.said.all_text, "the words about the case are no emergency"
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code)
        assert case is not None
        assert case.status == "closed"
        assert case.outcome == "handled"
        assert "acute_alert_queued" not in [e.action for e in unit.audit_events()]

    danger = "help hij staat nu met een mes voor mijn deur"
    again = driver.talk([*open_case(code), danger], user="af-anna")
    assert "112" in again.reply("case_view", to=danger).all_text, "a contact in danger: 112"
