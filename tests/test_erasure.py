"""Notices keep the melder's name and evidence in the bot, and erasure ("Verwijder mijn
gegevens") leaves nothing in the outbox: what was not yet delivered is never sent."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import select

from bot.runtime import Runtime
from storage.avg import ERASED
from storage.models import OutboxMessage
from tests.stepchat import Answer, Driver, Script
from tests.test_aftercare import DELETE_MY_DATA
from tests.test_case_handling import ANSWER, QUESTION, Clock, open_case, outbox
from tests.test_conversation_report import CODE, ONLINE_ANSWERS

NAME = "Sanne de Wit"
LINK = "https://example.org/bericht-van-de-zoon"
FILE = "screenshot-dreigbericht.png"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def world(make_runtime: Callable[..., Runtime], clock: Clock) -> tuple[Runtime, Driver]:
    runtime = make_runtime(clock=clock)
    return runtime, Driver(runtime)


def named_report_with_evidence(driver: Driver, folder: Path) -> str:
    """Sanne reports with her name, a screenshot and a link; the case code."""
    screenshot = folder / FILE
    screenshot.write_bytes(b"\x89PNG fake screenshot bytes")
    answers = {
        **ONLINE_ANSWERS,
        "evidence": [str(screenshot), LINK, "done"],
        "anonymity": "named",
        "name": NAME,
    }
    script: Script = ["online", Answer("online_threat", answers)]
    said = driver.session(script, user="sanne")
    found = CODE.search(said.all_text)
    assert found, "the report was confirmed"
    return found.group(0)


def every_notice(runtime: Runtime) -> list[tuple[str, str, str]]:
    """(purpose, recipient, text) of every outbox message ever queued, delivered or not."""
    with runtime.store.unit() as unit:
        rows = unit.session.exec(select(OutboxMessage)).all()
        vault = unit.vault
        payloads = [json.loads(vault.decrypt(row.payload_enc)) for row in rows]
    return [
        (row.purpose, row.recipient, str(payload.get("text", "")))
        for row, payload in zip(rows, payloads, strict=True)
    ]


def leaks(text: str) -> list[str]:
    """What of the melder's name and evidence a text holds."""
    return [s for s in ("Sanne", "de Wit", "example.org", "bericht-van-de-zoon", FILE) if s in text]


def test_erasure_stops_the_notices_not_yet_delivered(
    world: tuple[Runtime, Driver], tmp_path: Path
) -> None:
    runtime, driver = world
    code = named_report_with_evidence(driver, tmp_path)
    with runtime.store.unit() as unit:
        waiting = unit.outbox_counts()["pending"]
    assert waiting, "the new-case notices wait for the contacts (nobody was online)"

    erased = driver.talk(["privacy", DELETE_MY_DATA], user="sanne")
    assert "verwijderd" in erased.reply("delete_confirm").texts[0]

    # Now the contacts come online: on every channel they have, the outbox delivers.
    anna = outbox(driver.session([], user="af-anna"))
    team = outbox(driver.session([], user="mt-team"))
    assert anna, "Anna hears that the melder withdrew"
    for notice in anna + team:
        assert "ingetrokken" in notice, f"only the withdrawal reaches them, not: {notice!r}"
        assert not leaks(notice)
    with runtime.store.unit() as unit:
        elsewhere = [m for ch in ("telegram", "matrix") for m in unit.claim_outbox(ch)]
    assert elsewhere, "the withdrawal goes out on the other channels too"
    for message in elsewhere:
        assert message.purpose == "case_withdrawn", message.purpose
    # and the database keeps none of the stopped messages' words
    with runtime.store.unit() as unit:
        stopped = unit.session.exec(
            select(OutboxMessage).where(OutboxMessage.last_error == ERASED)
        ).all()
    assert len(stopped) >= waiting
    assert all(row.case_id is None for row in stopped)
    for purpose, _recipient, text in every_notice(runtime):
        assert not leaks(text), (purpose, text)
        assert purpose == "case_withdrawn" or not text, f"{purpose} kept its text: {text!r}"
    assert code not in " ".join(t for p, _, t in every_notice(runtime) if p != "case_withdrawn")


def test_no_notice_of_a_named_report_with_evidence_names_the_melder_or_the_evidence(
    world: tuple[Runtime, Driver], clock: Clock, tmp_path: Path
) -> None:
    """Every notice of a case's life: new, escalated, claimed, question, answer, the
    48-hour reminder, hand-over, closed, check-in."""
    runtime, driver = world
    code = named_report_with_evidence(driver, tmp_path)
    clock.advance(hours=25)  # nobody claimed it: escalation to the backup
    runtime.engine.run_due_timers()
    driver.session(open_case(code, case_view=["claim"]), user="af-anna")
    driver.session(open_case(code, case_view=["ask"], ask=QUESTION), user="af-anna")
    answers = {"status_list": code, "own_case": ["answer"], "answer": ANSWER}
    checkin = Answer("checkin", {"score": "4", "words": "skip"})  # the day-1 check-in first
    driver.session([checkin, "status", Answer("status", answers)], user="sanne")
    clock.advance(hours=24, minutes=1)  # no reaction to the perpetrator yet: a reminder
    runtime.engine.run_due_timers()
    driver.session(open_case(code, case_view=["handover"], handover="vp-carla"), user="af-anna")
    close = open_case(
        code, case_view=["close"], close_outcome="handled", close_feedback="Besproken."
    )
    driver.session(close, user="vp-carla")

    notices = every_notice(runtime)
    purposes = {purpose for purpose, _, _ in notices}
    assert purposes >= {
        "case_notice",
        "case_escalated",
        "case_claimed",
        "case_answer",
        "case_reminder",
        "case_handover",
        "melder_news",
        "checkin",
    }, purposes
    assert any(code in text for _, _, text in notices)
    for purpose, _recipient, text in notices:
        assert not leaks(text), (purpose, text)
    # the case view, behind the access check, has them
    carla = driver.talk(open_case(code), user="vp-carla")
    view = carla.question("case_view").all_text
    assert NAME in view
    assert LINK in view
    assert FILE in view
