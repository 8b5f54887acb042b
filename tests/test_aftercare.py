"""Aftercare that keeps going: check-ins on the right days, within delivery hours, once;
opt-out; distress leads to support and a call-back; survives restarts (controllable clock)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.runtime import Runtime
from tests.stepchat import Answer, Driver, Said
from tests.test_case_handling import Clock, open_case, outbox, report

#: In the privacy menu: delete my data, yes.
DELETE_MY_DATA = Answer("privacy", {"choose": "delete", "delete_confirm": "yes"})


@pytest.fixture
def world(make_runtime: Callable[..., Runtime], clock: Clock) -> tuple[Runtime, Driver]:
    runtime = make_runtime(clock=clock)
    return runtime, Driver(runtime)


@pytest.fixture
def clock() -> Clock:
    return Clock()  # 2026-11-23 10:00 UTC = 11:00 in Amsterdam


def checkins(said: Said) -> list[dict[str, Any]]:
    return [m for m in said.messages if m.get("outbox") and "Hoe gaat het nu" in m["text"]]


def test_checkins_on_day_1_7_and_28_each_once(world: tuple[Runtime, Driver], clock: Clock) -> None:
    runtime, driver = world
    code = report(driver)
    seen: list[int] = []
    for day in (1, 7, 28):
        clock.now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC) + timedelta(days=day, minutes=1)
        talk = driver.talk([Answer("checkin", {"score": "4", "words": "skip"})])
        found = checkins(talk.greeting)
        assert len(found) == 1, f"one check-in on day {day}"
        assert code in str(found[0]["text"])
        since = "een dag geleden" if day == 1 else f"{day} dagen geleden"
        assert since in str(found[0]["text"]), "plain Dutch, no 'dag(en)'"
        assert talk.asked("checkin") == ["score", "words"]
        assert "Dank je" in talk.reply("words").all_text
        seen.append(day)
        assert not checkins(driver.session([])), "and it is not sent twice"
    assert seen == [1, 7, 28]
    with runtime.store.unit() as unit:
        sent = [e for e in unit.audit_events() if e.action == "checkin_sent"]
        answered = [e for e in unit.audit_events() if e.action == "checkin_answered"]
    assert len(sent) == 3
    assert len(answered) == 3


@pytest.mark.parametrize("words", ["nee hoor", "Nee, dank je!", "niks te zeggen"])
def test_no_words_in_own_words_skips_them(
    world: tuple[Runtime, Driver], clock: Clock, words: str
) -> None:
    """ "nee hoor" at "Wil je er iets over kwijt?" is a no, not words that answer nothing:
    the check-in ends with thanks and asks nothing about sharing."""
    runtime, driver = world
    report(driver)
    clock.advance(days=1, minutes=1)
    talk = driver.talk([Answer("checkin", {"score": "3", "words": words})])
    assert talk.asked("checkin") == ["score", "words"]
    assert "Dank je" in talk.reply("words").all_text
    assert "nog geen antwoord" not in talk.reply("words").all_text
    with runtime.store.unit() as unit:
        answered = [e for e in unit.audit_events() if e.action == "checkin_answered"]
    assert len(answered) == 1


def test_words_typed_with_the_score_are_offered_as_the_words(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    """ "3, slaap nog steeds niet zo goed" answers the score and is offered at "Wil je er
    iets over kwijt?" ('Gebruik wat ik net schreef'), so it need not be typed again."""
    _runtime, driver = world
    code = report(driver)
    clock.advance(days=1, minutes=1)
    answers = {"score": "3, slaap nog steeds niet zo goed", "words": "use_slot", "share": "yes"}
    talk = driver.talk([Answer("checkin", answers)])
    assert "use_slot" in talk.question("words").choice_ids(), "Gebruik wat ik net schreef"
    assert talk.asked("checkin") == ["score", "words", "share"]
    anna = driver.talk(open_case(code), user="af-anna")
    assert "slaap nog steeds niet zo goed" in anna.question("case_view").all_text, "shared"


def test_a_score_alone_offers_nothing_to_use(world: tuple[Runtime, Driver], clock: Clock) -> None:
    _runtime, driver = world
    report(driver)
    clock.advance(days=1, minutes=1)
    talk = driver.talk([Answer("checkin", {"score": "een 3 denk ik", "words": "skip"})])
    assert "use_slot" not in talk.question("words").choice_ids()


def test_a_late_checkin_says_how_long_ago_it_really_is(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    """The first check-in sent three days late (the bot was down) says three days, not
    "een dag geleden"."""
    _runtime, driver = world
    report(driver)
    clock.advance(days=3, minutes=1)
    talk = driver.talk([Answer("checkin", {"score": "4", "words": "skip"})])
    [found] = checkins(talk.greeting)
    assert "3 dagen geleden" in str(found["text"])
    assert "een dag geleden" not in str(found["text"])


def test_no_checkin_at_night(world: tuple[Runtime, Driver], clock: Clock) -> None:
    _runtime, driver = world
    clock.now = datetime(2026, 11, 23, 19, 30, tzinfo=UTC)  # 20:30 in Amsterdam
    report(driver)
    clock.now = datetime(2026, 11, 24, 20, 0, tzinfo=UTC)  # day 1, 21:00 local
    assert not checkins(driver.session([]))
    clock.now = datetime(2026, 11, 25, 5, 30, tzinfo=UTC)  # 06:30 local
    assert not checkins(driver.session([]))
    clock.now = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)  # 09:00 local
    assert len(checkins(driver.session([]))) == 1


def test_undelivered_checkin_is_dropped_after_72_hours(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    runtime, driver = world
    report(driver)
    clock.advance(days=1, minutes=1)
    assert runtime.engine.run_due_timers() >= 1  # queued, but the melder is not online
    clock.advance(hours=73)
    assert not checkins(driver.session([])), "not delivered late"
    with runtime.store.unit() as unit:
        assert unit.outbox_counts()["failed"] >= 1


def test_checkins_survive_a_restart(make_runtime: Callable[..., Runtime], clock: Clock) -> None:
    report(Driver(make_runtime(clock=clock)))
    clock.advance(days=1, minutes=1)
    restarted = Driver(make_runtime(clock=clock))  # a new process, the same database
    assert len(checkins(restarted.session([]))) == 1


def test_opt_out_with_one_tap(world: tuple[Runtime, Driver], clock: Clock) -> None:
    _runtime, driver = world
    report(driver)
    clock.advance(days=1, minutes=1)
    talk = driver.talk([Answer("checkin", {"score": "stop"})])
    [checkin] = checkins(talk.greeting)
    assert "stop" in [c["id"] for c in checkin["choices"]]
    assert "niet meer" in talk.reply("score").texts[0]
    assert talk.end == ("menu", "menu")
    clock.advance(days=30)
    assert not checkins(driver.session([]))


def test_a_checkin_waits_while_the_melder_is_writing_a_report(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    _runtime, driver = world
    report(driver)
    driver.session(["aggression", "Een bezoeker schold mij uit.", "ja"])
    clock.advance(days=1, minutes=1)
    busy = driver.talk([Answer("aggression", {"when": "today"}, until="where")])
    assert not checkins(busy.greeting)
    assert not checkins(busy.reply("when"))
    assert "Waar" in busy.reply("when").last["text"], "the report goes on undisturbed"
    driver.session(["stop"])
    clock.advance(hours=3, minutes=1)
    assert len(checkins(driver.session([]))) == 1


def test_low_score_offers_support_and_a_callback_through_the_relay(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    _runtime, driver = world
    code = report(driver)
    clock.advance(days=1, minutes=1)
    answers = {
        "score": "2",
        "words": "Ik slaap slecht en ben bang op straat.",
        "share": "no",
        "support": "yes",
    }
    talk = driver.talk([Answer("checkin", answers)])
    support = talk.question("support")
    assert "113" in support.all_text
    assert "0800-0113" in support.all_text
    assert support.all_text.count("0800-0113") == 1, "each number once, not twice"
    assert support.all_text.count("Bel 112") == 1
    assert "Slachtofferhulp" in support.all_text
    assert "huisarts" in support.all_text
    assert "yes" in support.choice_ids()
    assert "gevraagd" in talk.reply("support").texts[0]

    carla = driver.talk(["cases"], user="vp-carla")
    [notice] = [n for n in outbox(carla.greeting) if "contact" in n]
    assert code in notice
    assert "anoniem" in notice
    labels = [c["label"] for c in carla.question("case_list").last["choices"]]
    assert f"Verzoek om contact · {code} · nog niet opgepakt" in labels, "a work item"
    anna = driver.talk(open_case(code), user="af-anna")
    view = anna.question("case_view").all_text
    assert "dag 1: 2/5" in view, "the aanspreekpunt sees the score trend"
    assert "slaap slecht" not in view, "but not the words without consent"
    assert "melder: vroeg om contact" in view, "the call-back request, in Dutch"
    assert "asked for contact" not in view


def test_words_of_distress_lead_to_support_even_with_a_good_score(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    _runtime, driver = world
    code = report(driver)
    clock.advance(days=1, minutes=1)
    answers = {
        "score": "4",
        "words": "eerlijk gezegd kan ik het niet meer aan",
        "share": "yes",
        "support": "no",
    }
    talk = driver.talk([Answer("checkin", answers)])
    assert "0800-0113" in talk.question("support").all_text
    anna = driver.talk(open_case(code), user="af-anna")
    assert "kan ik het niet meer aan" in anna.question("case_view").all_text, "shared"


def test_no_call_back_after_a_low_score_says_where_help_is_later(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    _runtime, driver = world
    report(driver)
    clock.advance(days=1, minutes=1)
    answers = {"score": "1", "words": "skip", "support": "no"}
    talk = driver.talk([Answer("checkin", answers)])
    assert "Ik wil met iemand praten" in talk.reply("support").texts[0]


def test_talk_to_someone_without_a_report_asks_how_to_reach_them(
    world: tuple[Runtime, Driver],
) -> None:
    _runtime, driver = world
    answers = {
        "callback": "yes",
        "callback_way": "phone",
        "callback_name": "Sanne",
        "callback_phone": "06 12345678",
    }
    talk = driver.talk(["aftercare", Answer("aftercare", answers)], user="nieuw")
    assert "Slachtofferhulp" in talk.question("callback").all_text
    assert "Hoe wil je dat we contact opnemen?" in talk.question("callback_way").last["text"]
    assert talk.reply("callback_phone").texts[0] == (
        "Ik heb de vertrouwenspersoon gevraagd je te bellen op 06 12345678."
    )
    carla = driver.session([], user="vp-carla")
    assert any("Een melder vraagt om contact (zonder melding)" in n for n in outbox(carla))
    assert not any("06 12345678" in n for n in outbox(carla)), "the number stays in the bot"


def test_melder_exports_and_deletes_their_data(world: tuple[Runtime, Driver], clock: Clock) -> None:
    import json
    from pathlib import Path

    runtime, driver = world
    code = report(driver)
    driver.session(open_case(code, case_view=["ask"], ask="Mag ik je bellen?"), user="af-anna")
    exported = driver.session(["privacy", "export"])
    [file] = [r for r in exported.records if r["type"] == "file"]
    data = json.loads(Path(file["path"]).read_text(encoding="utf-8"))
    assert oct(Path(file["path"]).stat().st_mode & 0o777) == "0o600"
    [mine] = data["reports"]
    assert mine["code"] == code
    assert "De zoon van mevrouw K." in mine["your_answers"]["description"]
    assert [m["text"] for m in mine["messages"]] == ["Mag ik je bellen?"]

    talk = driver.talk(["privacy", DELETE_MY_DATA])
    assert "Weet je het zeker" in talk.question("delete_confirm").last["text"]
    assert "verwijderd" in talk.reply("delete_confirm").texts[0]
    with runtime.store.unit() as unit:
        assert unit.case_by_code(code) is None
        assert unit.cases_of_reporter(runtime.store.pseudonym("console", "melder")) == []
        actions = [e.action for e in unit.audit_events()]
    assert "data_deleted" in actions
    anna = driver.session([], user="af-anna")
    assert any("ingetrokken" in n and code in n for n in outbox(anna))
    clock.advance(days=2)
    assert not checkins(driver.session([])), "check-ins stop with the deletion"
    fresh = driver.session([])
    assert "Welkom terug" not in fresh.all_text
