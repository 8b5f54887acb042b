"""The anonymity rule: typed answers at the "anonymous or with your name?" question."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.runtime import Runtime
from nlu.anonymity import preference, wish_in_story
from nlu.training_data import load_training_data
from tests.stepchat import Answer, Driver
from tests.test_conversation_report import ONLINE_ANSWERS, exported

NLU = Path(__file__).resolve().parent.parent / "nlu"
EXPECTED = {"want_anonymous": "anonymous", "want_named": "named"}


@pytest.mark.parametrize("folder", ["data", "heldout"])
def test_the_rule_never_picks_the_wrong_one_and_never_answers_a_question(folder: str) -> None:
    data = load_training_data(NLU / folder)
    decided = 0
    for example in data.examples:
        got = preference(example.text)
        if example.intent in EXPECTED:
            assert got in (None, EXPECTED[example.intent]), example.text
            decided += got is not None
        elif example.intent == "ask_privacy":
            assert got is None, f"a question decided the choice: {example.text}"
    assert decided >= 30, "the rule decides most of the examples"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik wil niet anoniem melden", "named"),
        ("anoniem hoeft voor mij niet", "named"),
        ("geen anonieme melding", "named"),
        ("I don't need to be anonymous", "named"),
        ("met mijn naam erbij", "named"),
        ("liever geen naam", "anonymous"),
        ("not with my name please", "anonymous"),
        ("i'd rather you didn't use my name", "anonymous"),
        ("I don\u2019t need to be anonymous", "named"),  # a phone's curly apostrophe
        ("mijn naam mag er niet bij", "anonymous"),
        ("anoniem", "anonymous"),
        ("wat betekent anoniem precies?", None),
        ("hoe anoniem is anoniem", None),
        ("niet anoniem, maar ook geen naam", None),
        ("maakt me niet uit", None),
    ],
)
def test_negation_decides(text: str, expected: str | None) -> None:
    assert preference(text) == expected


def test_typing_not_anonymous_makes_a_named_report(driver: Driver, runtime: Runtime) -> None:
    # The classifier alone reads "liever niet anoniem" as a wish for anonymity.
    answers = {**ONLINE_ANSWERS, "anonymity": "liever niet anoniem", "name": "Sam de Vries"}
    talk = driver.talk(["online", Answer("online_threat", answers)])
    asked = talk.asked("online_threat")
    assert asked[asked.index("anonymity") + 1] == "name", "the next question asks for the name"
    assert "naam" in talk.question("name").last["text"].lower()
    [case] = exported(runtime)
    assert case["anonymous"] is False
    assert case["reporter_name"] == "Sam de Vries"


def test_typing_no_name_makes_an_anonymous_report(driver: Driver, runtime: Runtime) -> None:
    # The classifier alone is unsure here (want_named, 0.40).
    answers = {**ONLINE_ANSWERS, "anonymity": "i'd rather you didn't use my name"}
    talk = driver.talk(["online", Answer("online_threat", answers)])
    assert "name" not in talk.asked("online_threat")
    [case] = exported(runtime)
    assert case["anonymous"] is True
    assert case["reporter_name"] is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no idea, the account has no name just numbers", None),
        ("zijn profiel heeft geen naam", None),
        ("hij heeft geen naam op zijn profiel", None),
        ("no name on it, just a number", None),
        ("no name please", "anonymous"),
        ("zonder naam graag", "anonymous"),
    ],
)
def test_someone_elses_missing_name_is_no_wish(text: str, expected: str | None) -> None:
    said = wish_in_story(text)
    assert (said[0] if said else None) == expected
