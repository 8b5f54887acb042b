"""Nobody is left hanging after a report: call-backs are work items, check-ins follow the
person, an unclaimed case climbs the escalation ladder, and the legal clock reminds the
contacts. Whole scenarios with several people through the console (JSONL), on a clock
the test moves."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.runtime import Runtime
from storage.models import CallbackRequest
from storage.repository import CaseRecord
from tests.stepchat import Answer, Driver
from tests.test_aftercare import checkins
from tests.test_case_handling import Clock, open_case, outbox, report
from tests.test_conversation_report import ONLINE_ANSWERS

#: A report with a name, as Sanne makes it.
NAMED = {**ONLINE_ANSWERS, "anonymity": "named", "name": "Sanne de Wit"}


@pytest.fixture
def clock() -> Clock:
    return Clock()  # 2026-11-23 10:00 UTC = 11:00 in Amsterdam


@pytest.fixture
def world(make_runtime: Callable[..., Runtime], clock: Clock) -> tuple[Runtime, Driver]:
    runtime = make_runtime(clock=clock)
    return runtime, Driver(runtime)


def named_report(driver: Driver, user: str = "sanne") -> str:
    said = driver.session(["online", Answer("online_threat", NAMED)], user=user)
    return next(w.strip(".,") for t in said.texts for w in t.split() if w.startswith("ZV-"))


def callback_ids(driver: Driver, user: str) -> list[str]:
    """The requests to be contacted in a contact's 'My cases'."""
    listed = driver.talk(["cases"], user=user).question("case_list").choice_ids()
    return [c for c in listed if c.startswith("cb-")]


def open_callback(user: str, choice: str, **answers: str | list[str]) -> list[str | Answer]:
    """A contact opens a request to be contacted from 'My cases', then answers `answers`."""
    return ["cases", Answer("cases", {"case_list": [choice], "callback_view": [], **answers})]


def audit_actions(runtime: Runtime) -> list[str]:
    with runtime.store.unit() as unit:
        return [e.action for e in unit.audit_events()]


# -- call-backs are work items --------------------------------------------------------------


def test_a_named_melders_call_back_is_claimed_noted_and_closed(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = named_report(driver)
    clock.advance(days=1, minutes=1)
    answers = {
        "score": "1",
        "words": "skip",
        "support": "yes",
        "callback_phone": ["bel me maar", "06 12345678"],
    }
    sanne = driver.talk([Answer("checkin", answers)], user="sanne")
    assert sanne.asked("checkin") == [
        "score",
        "words",
        "support",
        "callback_phone",
        "callback_phone",
    ], "a named melder is asked for a number (and asked again when there is none)"
    assert "telefoonnummer" in sanne.question("callback_phone").last["text"]
    assert "chat" in sanne.question("callback_phone").choice_ids(), "or the chat instead"
    invalid, valid = sanne.replies("callback_phone")
    assert "06 12345678" in invalid.texts[0], "how to type it"
    assert valid.texts[0] == ("Ik heb de vertrouwenspersoon gevraagd je te bellen op 06 12345678.")

    carla = driver.talk(["cases"], user="vp-carla")
    [notice] = outbox(carla.greeting)
    assert code in notice
    assert "gebeld" in notice
    assert "12345678" not in notice, "the number stays in the bot"
    listing = carla.question("case_list")
    assert "Er zijn nog geen meldingen" not in listing.all_text
    [choice] = [c for c in listing.last["choices"] if c["id"].startswith("cb-")]
    assert choice["label"] == f"Verzoek om contact · {code} · nog niet opgepakt"

    script = open_callback(
        "vp-carla", choice["id"], callback_view=["claim", "note", "close"], callback_note="Gebeld."
    )
    carla = driver.talk(script, user="vp-carla")
    view = carla.question("callback_view").all_text
    assert "Bellen: 06 12345678 (Sanne de Wit)." in view
    assert "· nog niet opgepakt" in view
    assert "opgepakt" in carla.reply("callback_view", to="claim").texts[0]
    assert "Carla Smit" in carla.reply("callback_view", to="claim").all_text
    assert "claim" not in carla.reply("callback_view", to="claim").choice_ids()
    assert "Gebeld." in carla.reply("callback_note").all_text
    closed = carla.reply("callback_view", to="close")
    assert "afgerond" in closed.texts[0]
    assert "close" not in closed.choice_ids()

    news = outbox(driver.session([], user="sanne"))
    assert any("opgepakt door de vertrouwenspersoon" in n and "telefonisch" in n for n in news)
    assert any("afgerond" in n for n in news)
    assert not any("Gebeld." in n for n in news), "notes stay with the contacts"
    actions = audit_actions(runtime)
    for action in ("callback_requested", "callback_claimed", "callback_note", "callback_closed"):
        assert action in actions
    with runtime.store.unit() as unit:
        [row] = unit.session.exec(select(CallbackRequest)).all()
        assert row.phone_enc is not None
        assert b"612345678" not in row.phone_enc, "the number is stored encrypted"
        details = " ".join(e.detail for e in unit.audit_events())
    assert "612345678" not in details


def test_an_anonymous_melder_is_reached_through_the_chat_relay(
    world: tuple[Runtime, Driver],
) -> None:
    _runtime, driver = world
    code = report(driver, user="nachtdienst-7")
    asked = driver.talk(
        ["aftercare", Answer("aftercare", {"callback": "yes"})], user="nachtdienst-7"
    )
    assert asked.asked("aftercare") == ["callback"], "no number asked: they stay anonymous"
    assert "hier in deze chat" in asked.reply("callback").texts[0]

    [choice] = callback_ids(driver, "vp-carla")
    hello = "Hoi, ik ben Carla, de vertrouwenspersoon. Wanneer schikt het om te chatten?"
    carla = driver.talk(
        open_callback("vp-carla", choice, callback_view=["message"], callback_message=hello),
        user="vp-carla",
    )
    view = carla.question("callback_view").all_text
    assert "Via de chat" in view
    assert "nachtdienst-7" not in view
    assert "doorgegeven" in carla.reply("callback_message").texts[0]

    answer = "Vanavond na achten graag."
    melder = driver.talk(
        [
            "status",
            Answer(
                "status",
                {"status_list": choice, "own_callback": ["reply"], "callback_reply": answer},
            ),
        ],
        user="nachtdienst-7",
    )
    assert any("bericht voor je" in n for n in outbox(melder.greeting))
    assert hello not in " ".join(outbox(melder.greeting)), "the notice carries no content"
    assert choice in melder.question("status_list").choice_ids()
    mine = melder.question("own_callback").all_text
    assert hello in mine
    assert "Het contact loopt hier in deze chat." in mine
    assert "doorgegeven" in melder.reply("callback_reply").texts[0]

    carla = driver.talk(open_callback("vp-carla", choice), user="vp-carla")
    assert any("gereageerd" in n for n in outbox(carla.greeting))
    assert answer in carla.question("callback_view").all_text
    anna = driver.talk(open_case(code), user="af-anna")
    view = anna.question("case_view").all_text
    assert "melder: vroeg om contact" in view, "the case's contacts see that contact was asked"
    assert hello not in view, "but not the conversation"
    assert answer not in view


def test_someone_without_a_report_chooses_how_to_be_reached(
    world: tuple[Runtime, Driver],
) -> None:
    _runtime, driver = world
    answers = {
        "callback": "yes",
        "callback_way": "phone",
        "callback_name": "Sanne",
        "callback_phone": "+32 470 12 34 56",
    }
    talk = driver.talk(["aftercare", Answer("aftercare", answers)], user="nieuw")
    assert talk.asked("aftercare") == list(answers)
    assert "anoniem" in talk.question("callback_way").last["text"]
    assert talk.reply("callback_phone").texts[0] == (
        "Ik heb de vertrouwenspersoon gevraagd je te bellen op +32 470 12 34 56."
    )
    [choice] = callback_ids(driver, "vp-carla")
    carla = driver.talk(open_callback("vp-carla", choice), user="vp-carla")
    view = carla.question("callback_view").all_text
    assert "Niet over een melding." in view
    assert "Bellen: +32 470 12 34 56 (Sanne)." in view
    assert "case" not in carla.question("callback_view").choice_ids(), "no report to open"

    chat = driver.talk(
        ["aftercare", Answer("aftercare", {"callback": "yes", "callback_way": "chat"})],
        user="anders",
    )
    assert "hier in deze chat" in chat.reply("callback_way").texts[0]


def test_a_call_back_asked_for_in_own_words_keeps_the_number_wherever_it_is_typed(
    world: tuple[Runtime, Driver],
) -> None:
    runtime, driver = world
    said = driver.talk(
        [
            "ik wil graag met iemand praten",
            "ja graag, bel me maar",
            "mijn nummer is 06-12345678, liefst na 5 uur",
            "Lisa",
        ],
        user="anders",
    )
    assert said.asked("aftercare") == ["callback", "callback_name", "callback_name"], (
        "'bel me' answered how; the number typed as the name is taken, the name asked again"
    )
    assert said.turns[2].said.texts[0] == "Dank je, je nummer heb ik."
    assert "bellen op 06 12345678" in said.turns[3].said.texts[0]
    with runtime.store.unit() as unit:
        [request] = unit.session.exec(select(CallbackRequest)).all()
        assert request.phone_enc is not None
        assert unit.vault.decrypt_text(request.phone_enc) == "+31612345678"
        assert request.name_enc is not None
        assert unit.vault.decrypt_text(request.name_enc) == "Lisa"

    named = driver.talk(
        ["ik wil met iemand praten", "ja, bel me", "ik ben Sanne, 0201234567 na vijven"],
        user="sanne",
    )
    assert named.asked("aftercare") == ["callback", "callback_name"], "name and number at once"
    assert "bellen op 020 123 4567" in named.last.texts[0]


def test_an_unclaimed_call_back_is_brought_up_every_day(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    report(driver)
    driver.session(["aftercare", Answer("aftercare", {"callback": "yes"})])
    clock.advance(hours=23)
    assert len(outbox(driver.session([], user="vp-carla"))) == 1, "the request, no reminder yet"
    for day in (1, 2):
        clock.advance(hours=24 if day == 2 else 1, minutes=1)
        reminders = [n for n in outbox(driver.session([], user="vp-carla")) if "wacht" in n]
        assert len(reminders) == 1, f"reminded on day {day}"
    [choice] = callback_ids(driver, "vp-carla")
    driver.session(open_callback("vp-carla", choice, callback_view=["claim"]), user="vp-carla")
    clock.advance(days=3)
    assert not [n for n in outbox(driver.session([], user="vp-carla")) if "wacht" in n]
    assert audit_actions(runtime).count("callback_reminder") == 2


def test_an_unclaimed_call_back_climbs_the_escalation_ladder(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    _runtime, driver = world
    report(driver)
    driver.session(["aftercare", Answer("aftercare", {"callback": "yes"})])
    assert not callback_ids(driver, "af-anna"), "at first only the call-back contact has it"
    clock.advance(hours=24, minutes=1)
    driver.session([], user="vp-carla")  # the timers run between messages
    [anna_new] = [n for n in outbox(driver.session([], user="af-anna")) if "contact" in n]
    assert "vraagt om contact" in anna_new, "Carla's backup gets it as new"
    [choice] = callback_ids(driver, "af-anna")
    told = [n for n in outbox(driver.session(["menu"])) if "verzoek om contact" in n]
    assert len(told) == 1
    assert "24 uur" in told[0]
    assert "aandachtsfunctionaris" in told[0], "the melder hears who was asked"

    clock.advance(hours=48)  # 72 hours: the aandachtsfunctionarissen and the meldteam
    driver.session([], user="vp-carla")
    assert callback_ids(driver, "mt-team"), "the next step has it in 'My cases' too"
    assert not callback_ids(driver, "lg-dirk"), "never a line manager"
    driver.session(open_callback("af-anna", choice, callback_view=["claim"]), user="af-anna")
    clock.advance(days=3)
    driver.session([], user="vp-carla")
    assert not [n for n in outbox(driver.session([], user="mt-team")) if "wacht" in n]


# -- aftercare follows the person -----------------------------------------------------------


def test_checkins_go_on_after_the_case_is_closed_until_the_melder_opts_out(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver)
    close = open_case(
        code, case_view=["close"], close_outcome="handled", close_feedback="Afgehandeld."
    )
    driver.session(close, user="af-anna")
    clock.advance(days=1, minutes=1)
    talk = driver.talk([Answer("checkin", {"score": "3", "words": "skip"})])
    assert len(checkins(talk.greeting)) == 1, "day 1, after the case closed"
    clock.advance(days=6)
    assert len(checkins(driver.session([]))) == 1, "day 7"
    driver.session(["menu"])

    own = driver.talk(
        ["status", Answer("status", {"status_list": code, "own_case": ["stop_checkins"]})]
    )
    assert "stop_checkins" in own.question("own_case").choice_ids(), "one tap, any time"
    assert "niet meer" in own.reply("own_case").texts[0]
    assert "stop_checkins" not in own.reply("own_case").choice_ids()
    clock.advance(days=30)
    assert not checkins(driver.session([])), "day 28 does not come after the opt-out"
    with runtime.store.unit() as unit:
        events = [e.action for e in unit.audit_events()]
    assert "checkins_off" in events


# -- nothing goes silent --------------------------------------------------------------------


def test_an_unclaimed_case_climbs_the_ladder_to_the_end(
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
    assert [c for c, _, _ in case.routed_to] == ["af-anna"]
    driver.session([], user="af-anna")  # the new-case notice

    def round_at(hours: int) -> dict[str, list[str]]:
        clock.now = case.created_at + timedelta(hours=hours, minutes=1)
        runtime.engine.run_due_timers()
        users = ("melder", "af-anna", "af-bram", "mt-team", "lg-dirk", "vp-carla")
        return {u: outbox(driver.session([], user=u)) for u in users}

    first = round_at(24)
    assert any("binnen 24 uur niet opgepakt" in n for n in first["af-bram"]), "the backup"
    assert not first["mt-team"], "not yet the meldteam"
    [told] = [n for n in first["melder"] if "opgepakt" in n]
    assert "nog niet opgepakt, 24 uur" in told
    assert "de aandachtsfunctionaris" in told, "honest: who was asked now"

    second = round_at(72)
    assert any("niet opgepakt" in n and case.code in n for n in second["mt-team"])
    assert any("nog steeds niet opgepakt" in n for n in second["af-anna"])
    [told] = [n for n in second["melder"] if "opgepakt" in n]
    assert "72 uur" in told
    assert "het meldteam" in told

    third = round_at(96)
    assert any("nog steeds niet opgepakt, 96 uur" in n for n in third["af-anna"])
    assert any("opnieuw aan herinnerd" in n for n in third["melder"])
    fourth = round_at(120)
    assert any("nog steeds niet opgepakt, 120 uur" in n for n in fourth["af-anna"]), "daily"
    assert not [n for n in fourth["melder"] if "opgepakt" in n], "the melder heard it before"
    for seen in (first, second, third, fourth):
        assert not seen["lg-dirk"], "never the line manager the melder excluded"
        assert not seen["vp-carla"], "nor anyone the ladder does not name"

    driver.session(open_case(case.code, case_view=["claim"]), user="af-anna")
    assert not [n for n in round_at(200)["af-anna"] if "opgepakt" in n], "claimed: silence"
    with runtime.store.unit() as unit:
        steps = [e.detail for e in unit.audit_events(case.id) if e.action == "case_escalated"]
    assert len(steps) == 4
    assert [next(p.strip() for p in d.strip("{}").split(",") if '"step"' in p) for d in steps] == [
        '"step": 1',
        '"step": 2',
        '"step": 3',
        '"step": 3',
    ]
    assert '"added": ["af-bram"]' in steps[0]
    assert '"added": ["mt-team"]' in steps[1]


# -- the legal clock ------------------------------------------------------------------------


def test_a_reopened_case_nobody_reacts_to_climbs_the_ladder_again(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver)
    close = open_case(
        code, case_view=["close"], close_outcome="handled", close_feedback="Afgehandeld."
    )
    driver.session(close, user="af-anna")
    clock.advance(days=10)
    reason = "Hij heeft me opnieuw bedreigd, nu via WhatsApp."
    own = {"status_list": code, "own_case": ["reopen"], "reopen_reason": reason}
    driver.session(["status", Answer("status", own)])
    for user in ("af-anna", "af-bram", "mt-team", "melder"):
        driver.session([], user=user)  # what was said so far

    def round_at(hours: int) -> dict[str, list[str]]:
        clock.advance(hours=hours)
        runtime.engine.run_due_timers()
        return {u: outbox(driver.session([], user=u)) for u in ("melder", "af-anna", "af-bram")}

    first = round_at(24)
    assert any("nog niet op gereageerd" in n for n in first["af-anna"]), "the holder"
    assert any("Kun jij hem oppakken" in n and code in n for n in first["af-bram"]), "backup"
    [told] = [n for n in first["melder"] if "heropende melding" in n]
    assert "24 uur" in told
    assert "aandachtsfunctionaris" in told
    assert "af-bram" in [c for c, _, _ in only_case(runtime).routed_to]

    driver.session(open_case(code, case_view=["note"], note="Ik bel haar morgen."), user="af-bram")
    later = round_at(72)
    assert not any(code in n for n in later["af-anna"] + later["af-bram"]), "a reaction ends it"
    assert audit_actions(runtime).count("reopened_case_escalated") == 1


def only_case(runtime: Runtime) -> CaseRecord:
    with runtime.store.unit() as unit:
        [case] = unit.all_cases()
    return case


def legal_reminders(notices: list[str], marker: str) -> list[str]:
    return [n for n in notices if "Wettelijke termijn" in n and marker in n]


def test_acknowledgement_reminder_on_day_5_once_then_the_acknowledgement(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver)
    driver.session(["stop"], user="af-anna")
    clock.advance(days=5, minutes=1)
    runtime.engine.run_due_timers()
    anna = outbox(driver.session([], user="af-anna"))
    [reminder] = legal_reminders(anna, "ontvangstbevestiging")
    assert code in reminder
    assert "30 november 2026" in reminder, "the deadline, day 7"
    clock.advance(hours=1)
    runtime.engine.run_due_timers()
    assert not legal_reminders(outbox(driver.session([], user="af-anna")), "ontvangst")

    driver.session(open_case(code, case_view=["claim"]), user="af-anna")
    news = outbox(driver.session([]))
    [ack] = [n for n in news if "Ontvangstbevestiging" in n]
    assert "Uiterlijk 28 februari 2027" in ack, "the feedback deadline: 3 months later"


def test_feedback_reminders_at_weeks_10_and_12_and_none_after_closing(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    kept, closed, answered = report(driver), report(driver, "b"), report(driver, "c")
    for code in (kept, closed, answered):
        driver.session(open_case(code, case_view=["claim"]), user="af-anna")
    feedback = open_case(answered, case_view=["feedback"], feedback="We spreken de zoon aan.")
    driver.session(feedback, user="af-anna")

    clock.advance(weeks=10, minutes=1)
    runtime.engine.run_due_timers()
    week10 = legal_reminders(outbox(driver.session([], user="af-anna")), "3 maanden")
    assert [kept in n for n in week10].count(True) == 1
    assert [closed in n for n in week10].count(True) == 1
    assert not [n for n in week10 if answered in n], "feedback given: no reminder"
    runtime.engine.run_due_timers()
    assert not legal_reminders(outbox(driver.session([], user="af-anna")), "3 maanden"), "once"

    close = open_case(closed, case_view=["close"], close_outcome="handled", close_feedback="Klaar.")
    driver.session(close, user="af-anna")
    clock.advance(weeks=2)
    runtime.engine.run_due_timers()
    week12 = legal_reminders(outbox(driver.session([], user="af-anna")), "3 maanden")
    assert len(week12) == 1
    assert kept in week12[0], "the open case is reminded again at week 12"
    melder = driver.talk(
        ["menu", "status", Answer("status", {"status_list": answered, "own_case": []})],
        user="c",  # the check-in of day 28 waits; 'menu' leaves it
    )
    assert "We spreken de zoon aan." in melder.question("own_case").all_text


def test_stats_show_the_legal_clock_per_quarter(
    world: tuple[Runtime, Driver], clock: Clock, cli_env: dict[str, str]
) -> None:
    from bot.stats import COUNTED, LEGAL, as_table
    from storage.statistics import quarter_stats
    from tests.conftest import run_cli

    runtime, driver = world
    codes = [report(driver, f"m{i}") for i in range(6)]
    clock.advance(days=1)
    for code in codes[:5]:
        driver.session(open_case(code, case_view=["claim"]), user="af-anna")
    clock.advance(days=10)
    for code in codes[:5]:
        driver.session(
            open_case(code, case_view=["feedback"], feedback="Tussenbericht."), user="af-anna"
        )
    with runtime.store.unit() as unit:
        stats = quarter_stats(unit, "2026Q4", COUNTED, legal=LEGAL)
    assert stats.acknowledged_late is None, "one case past day 7: a count below 5, suppressed"
    assert stats.days_to_feedback_median == 10.0
    assert stats.feedback_late == 0
    clock.advance(days=100)
    with runtime.store.unit() as unit:
        later = quarter_stats(unit, "2026Q4", COUNTED, legal=LEGAL)
    assert later.feedback_late == 0, "feedback given in time stays in time"
    table = as_table(later)
    assert "Legal clock" in table
    assert "acknowledged after 7 days" in table

    env = {**cli_env, "ZV_DATA_DIR": str(runtime.settings.data_dir)}
    result = run_cli(["stats", "--period", "2026Q4"], env)
    assert result.returncode == 0, result.stderr
    assert "median days, acknowledgement to feedback" in result.stdout


# -- time can be shown ----------------------------------------------------------------------


def test_timers_run_at_shows_a_checkin_an_escalation_and_a_legal_reminder(
    world: tuple[Runtime, Driver], clock: Clock, cli_env: dict[str, str]
) -> None:
    from tests.conftest import run_cli

    runtime, driver = world
    code = report(driver)
    env = {**cli_env, "ZV_DATA_DIR": str(runtime.settings.data_dir)}
    result = run_cli(["timers", "run", "--at", "2026-11-28 11:00"], env)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith("Timers as of 2026-11-28 11:00 (Europe/Amsterdam)")
    assert f"→ melder of {code}" in out
    assert "Hoe gaat het nu met je?" in out, "the check-in of day 1"
    assert "binnen 24 uur niet opgepakt" in out or "niet opgepakt" in out, "an escalation step"
    assert "Wettelijke termijn" in out, "the day-5 reminder"
    assert out.rstrip().splitlines()[-1].startswith('{"fired": ')

    again = run_cli(["timers", "run", "--at", "2026-11-28 11:00"], env)
    assert '"queued": 0' in again.stdout, "each timer fires once"
    clock.now = datetime(2026, 11, 28, 10, 1, tzinfo=UTC)  # the bot's own clock moves on
    bram = outbox(driver.session([], user="af-bram"))
    assert any(code in n and "niet opgepakt" in n for n in bram), "delivered now, in the chat"
    bad = run_cli(["timers", "run", "--at", "volgende week"], env)
    assert bad.returncode == 2


def test_a_bot_that_was_down_climbs_to_the_step_that_is_due_in_one_go(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    code = report(driver)  # an online threat: the aandachtsfunctionaris and the meldteam
    clock.advance(hours=100)  # nobody ran the timers for four days
    runtime.engine.run_due_timers()
    news = [n for n in outbox(driver.session(["menu"])) if "nog niet opgepakt" in n]
    assert len(news) == 1, "one honest message, not one per missed step"
    assert "100 uur" in news[0]
    assert "de aandachtsfunctionaris" in news[0], "af-bram, the backup, came in"
    anna = [n for n in outbox(driver.session([], user="af-anna")) if "nog steeds" in n]
    assert len(anna) == 1
    with runtime.store.unit() as unit:
        case = unit.case_by_code(code)
        assert case is not None
        [event] = [e.detail for e in unit.audit_events(case.id) if e.action == "case_escalated"]
    assert '"step": 3' in event
    assert '"added": ["af-bram"]' in event
