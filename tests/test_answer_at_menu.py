"""A contact person's question answered by typing at the menu, right after its notice
("nee ik was alleen, mn collega zat achter"): kept as the answer and passed on only after
a yes, never lost for want of opening the report first. Words that choose
something of the menu, or a new report, are read as before."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.runtime import Runtime
from tests.stepchat import Driver
from tests.test_case_handling import Clock, open_case, report

QUESTION = "Was er een collega bij die het zag?"


@pytest.fixture
def world(make_runtime: Callable[..., Runtime]) -> tuple[Runtime, Driver]:
    runtime = make_runtime(clock=Clock())
    return runtime, Driver(runtime)


def asked(driver: Driver) -> str:
    """A sent report with an open question of its contact person; its code."""
    code = report(driver)
    driver.session(open_case(code, case_view=["ask"], ask=QUESTION), user="af-anna")
    return code


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_words_at_the_menu_are_held_as_the_answer_and_sent_on_yes(
    world: tuple[Runtime, Driver],
) -> None:
    _runtime, driver = world
    code = asked(driver)
    typed = "nee ik was alleen, mn collega zat achter"
    said = driver.talk(["menu", typed, "ja stuur maar door"])
    held = said.turns[1].said.texts
    assert held[0] == f"Het aanspreekpunt stelde je een vraag over melding {code}."
    assert any(QUESTION in t for t in held)
    assert held[-1] == "Is wat je schreef je antwoord daarop? Dan geef ik het door."
    assert said.turns[2].said.texts[0] == "Dank je. Je antwoord is doorgegeven."
    anna = driver.talk(open_case(code), user="af-anna")
    assert f"melder: {typed}" in anna.question("case_view").all_text


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize("no", ["nee", "nee dat was niet voor jou bedoeld"])
def test_a_no_to_the_held_answer_sends_nothing(world: tuple[Runtime, Driver], no: str) -> None:
    """Found trying it in own words: "nee dat was niet voor jou bedoeld" was sent as the
    answer instead of the words before it, and neither was meant for the contact."""
    _runtime, driver = world
    code = asked(driver)
    said = driver.talk(["menu", "ik weet het eigenlijk niet meer zo goed", no])
    assert said.turns[2].said.texts[0] == "Goed, ik heb niets doorgegeven."
    assert said.end == ("menu", "menu")
    unclear = driver.talk(["menu", "ik weet het eigenlijk niet meer zo goed", "hmm weet niet"])
    assert unclear.end == ("status", "answer_typed"), "unclear words send nothing either"
    anna = driver.talk(open_case(code), user="af-anna")
    view = anna.question("case_view").all_text
    assert "melder: ik weet het" not in view
    assert "melder: nee" not in view


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    "text",
    [
        "ik wil graag met iemand praten",
        "gisteren sloeg een patient me weer op de afdeling",
        "hoi",
        "wie leest mijn antwoord eigenlijk?",
    ],
)
def test_words_that_choose_from_the_menu_are_no_answer(
    world: tuple[Runtime, Driver], text: str
) -> None:
    _runtime, driver = world
    asked(driver)
    said = driver.talk(["menu", text])
    assert not any("stelde je een vraag" in t for t in said.last.texts)


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_without_an_open_question_words_at_the_menu_are_read_as_before(
    world: tuple[Runtime, Driver],
) -> None:
    _runtime, driver = world
    report(driver)
    said = driver.talk(["menu", "nee ik was alleen, mn collega zat achter"])
    assert not any("stelde je een vraag" in t for t in said.last.texts)
