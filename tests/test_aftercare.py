"""Aftercare that keeps going: check-ins on the right days, within delivery hours, once;
opt-out; distress leads to support and a call-back; survives restarts (controllable clock)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from bot.runtime import Runtime
from tests.conftest import Driver, Said
from tests.test_case_handling import Clock, outbox, report


@pytest.fixture
def world(make_runtime: Callable[..., Runtime], clock: Clock) -> tuple[Runtime, Driver]:
    runtime = make_runtime(clock=clock)
    return runtime, Driver(runtime)


@pytest.fixture
def clock() -> Clock:
    return Clock()  # 2026-11-23 10:00 UTC = 11:00 in Amsterdam


def checkins(said: Said) -> list[dict[str, object]]:
    return [m for m in said.messages if m.get("outbox") and "Hoe gaat het nu" in m["text"]]


def test_checkins_on_day_1_7_and_28_each_once(world: tuple[Runtime, Driver], clock: Clock) -> None:
    runtime, driver = world
    code = report(driver)
    seen: list[int] = []
    for day in (1, 7, 28):
        clock.now = datetime(2026, 11, 23, 10, 0, tzinfo=UTC) + timedelta(days=day, minutes=1)
        said = driver.turns(["4", "skip"])
        found = checkins(said[0])
        assert len(found) == 1, f"one check-in on day {day}"
        assert code in str(found[0]["text"])
        assert "Dank je" in said[2].all_text
        seen.append(day)
        assert not checkins(driver.session([])), "and it is not sent twice"
    assert seen == [1, 7, 28]
    with runtime.store.unit() as unit:
        sent = [e for e in unit.audit_events() if e.action == "checkin_sent"]
        answered = [e for e in unit.audit_events() if e.action == "checkin_answered"]
    assert len(sent) == 3
    assert len(answered) == 3


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
    said = driver.turns(["stop"])
    assert "stop" in [c["id"] for c in checkins(said[0])[0]["choices"]]  # type: ignore[index]
    assert "niet meer" in said[1].texts[0]
    clock.advance(days=30)
    assert not checkins(driver.session([]))


def test_a_checkin_waits_while_the_melder_is_writing_a_report(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    _runtime, driver = world
    report(driver)
    driver.session(["aggression", "Een bezoeker schold mij uit.", "ja"])
    clock.advance(days=1, minutes=1)
    busy = driver.turns(["today"])
    assert not checkins(busy[0])
    assert not checkins(busy[1])
    assert "Waar" in busy[1].last["text"], "the report goes on undisturbed"
    driver.session(["stop"])
    clock.advance(hours=3, minutes=1)
    assert len(checkins(driver.session([]))) == 1


def test_low_score_offers_support_and_a_callback_through_the_relay(
    world: tuple[Runtime, Driver], clock: Clock
) -> None:
    _runtime, driver = world
    code = report(driver)
    clock.advance(days=1, minutes=1)
    said = driver.turns(["2", "Ik slaap slecht en ben bang op straat.", "no", "yes"])
    support = said[3].all_text
    assert "113" in support
    assert "0800-0113" in support
    assert "huisarts" in support
    assert "yes" in said[3].choice_ids()
    assert "gevraagd" in said[4].texts[0]

    carla = driver.turns(["cases", code], user="vp-carla")
    [notice] = [n for n in outbox(carla[0]) if "contact" in n]
    assert code in notice
    assert "anoniem" in notice
    anna = driver.turns(["cases", code], user="af-anna")
    view = anna[2].all_text
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
    said = driver.turns(["4", "eerlijk gezegd kan ik het niet meer aan", "yes", "no"])
    assert "0800-0113" in said[3].all_text
    anna = driver.turns(["cases", code], user="af-anna")
    assert "kan ik het niet meer aan" in anna[2].all_text, "shared with consent"


def test_talk_to_someone_without_a_report_asks_how_to_reach_them(
    world: tuple[Runtime, Driver],
) -> None:
    _runtime, driver = world
    said = driver.turns(["aftercare", "yes", "Sanne, 06 12345678"], user="nieuw")
    assert "Slachtofferhulp" in said[1].all_text
    assert "bereiken" in said[2].last["text"]
    assert "Carla" in said[3].texts[0] or "vertrouwenspersoon" in said[3].texts[0]
    carla = driver.session([], user="vp-carla")
    assert any("06 12345678" in n for n in outbox(carla))


def test_melder_exports_and_deletes_their_data(world: tuple[Runtime, Driver], clock: Clock) -> None:
    import json
    from pathlib import Path

    runtime, driver = world
    code = report(driver)
    driver.session(["cases", code, "ask", "Mag ik je bellen?"], user="af-anna")
    exported = driver.session(["privacy", "export"])
    [file] = [r for r in exported.records if r["type"] == "file"]
    data = json.loads(Path(file["path"]).read_text(encoding="utf-8"))
    assert oct(Path(file["path"]).stat().st_mode & 0o777) == "0o600"
    [mine] = data["reports"]
    assert mine["code"] == code
    assert "De zoon van mevrouw K." in mine["your_answers"]["description"]
    assert [m["text"] for m in mine["messages"]] == ["Mag ik je bellen?"]

    said = driver.turns(["privacy", "delete", "yes"])
    assert "Weet je het zeker" in said[2].last["text"]
    assert "verwijderd" in said[3].texts[0]
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
