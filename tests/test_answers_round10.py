"""Answers in the words of the tenth blind development round (nlu/dev/answers/*-10.yml) that
were refused or taken wrong: a colleague named only to rule them out, "fine mostly", the
client's kitchen as a home visit, "afd" as the ward, "denk dat dit alles is" as no more
evidence, and "he waits for me after my shift" told as a kind of aggression, not an alarm."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from nlu.about import about
from nlu.acute import AcuteDangerRules
from tests.test_answers_round8 import picked

sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.mark.parametrize(
    "words",
    [
        "its about a client, not about a colleague",
        "over een client, niet over een collega",
    ],
)
def test_a_colleague_ruled_out_is_not_what_it_is_about(words: str) -> None:
    assert about(words) == "client"


@sqlite
@pytest.mark.parametrize(
    ("lang", "step", "words", "choice"),
    [
        ("en", "impact", "fine mostly", "4"),
        ("nl", "impact", "grotendeels goed", "4"),
        ("en", "where", "in the clients kitchen", "home_visit"),
        ("nl", "where", "afd", "ward"),
        ("nl", "evidence", "denk dat dit alles is", "done"),
        ("en", "summary", "actually id rather not report it after all, never mind", "cancel"),
    ],
)
def test_answers_of_the_tenth_round(
    runtime: Runtime, lang: str, step: str, words: str, choice: str
) -> None:
    flow = "aggression" if step == "where" else "online_threat"
    assert picked(runtime, flow, step, lang, words) == choice


@pytest.mark.parametrize(
    "text",
    [
        "stalking, hij wacht me op na mn dienst",
        "stalking, he waits for me after my shift",
        "iemand volgt me steeds naar huis",
    ],
)
def test_a_habit_told_as_the_kind_of_aggression_raises_no_alarm(text: str) -> None:
    assert not AcuteDangerRules().read(text).acute


def test_waiting_now_still_alarms() -> None:
    assert (
        AcuteDangerRules().read("hij wacht me nu op na mn dienst, hij staat bij de uitgang").acute
    )
