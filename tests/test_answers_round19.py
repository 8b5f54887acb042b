"""Answers in the words of the nineteenth blind development round (anonymity, who did it, the
evidence list, the check-in score, a call back): "laat iemand me bellen" raised an alarm and
"bel me aub niet" was a yes; "da hoeft nie mee mijn naam he" made a report named; "kan ik
niet zien, account heeft geen foto" was taken for a question; "the son from the patient"
was the patient; "zit nog een blauwe plek" at the evidence question called for 112."""

from __future__ import annotations

import pytest

from bot.answer_eval import at_question
from bot.runtime import Runtime
from tests.test_answers_round12 import stored

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def _said(reply: object) -> str:
    return " ".join(m.text for m in reply.messages)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("lang", "words", "wanted"),
    [
        ("nl", "bel me aub niet", False),
        ("nl", "zou ik waarderen", True),
        ("en", "yh", True),
        ("nl", "pls laat iemand me bellen, gaat echt niet goed", True),
        ("nl", "laat iemand me bellen", True),
    ],
)
def test_a_call_back_asked_for_or_declined_in_own_words(
    runtime: Runtime, lang: str, words: str, wanted: bool
) -> None:
    reply = at_question(runtime, lang, "aftercare", "callback", "call", words)
    assert "112" not in _said(reply), "a call asked for is no emergency"
    flow, slots = stored(runtime, "call", lang)
    if wanted:
        assert slots.get("callback") is True, "asked next how to be called"
    else:
        assert flow != "aftercare", "no call: the question is done with"


@pytest.mark.parametrize(
    ("lang", "words", "score"),
    [
        ("en", "bit better than last week but still bad", 2),
        ("nl", "iets beter dan vorige week maar nog steeds slecht", 2),
        ("nl", "goed maar nog niet helemaal", 4),
        ("en", "halfway there 🤷", 3),
    ],
)
def test_a_check_in_score_told_with_its_but(
    runtime: Runtime, lang: str, words: str, score: int
) -> None:
    at_question(runtime, lang, "checkin", "score", "score", words)
    _flow, slots = stored(runtime, "score", lang)
    assert slots.get("checkin_score") == score


@pytest.mark.parametrize(
    "words",
    ["ik wil dit soort appjes niet meer", "laat me er maar mee met rust, ik wil het vergeten"],
)
def test_no_more_of_these_messages_stops_the_check_ins(runtime: Runtime, words: str) -> None:
    at_question(runtime, "nl", "checkin", "score", "stop", words)
    flow, _slots = stored(runtime, "stop", "nl")
    assert flow != "checkin"


@pytest.mark.parametrize(
    ("lang", "words", "anonymous"),
    [
        ("en", "dont put me on it 😬", True),
        ("nl", "da hoeft nie mee mijn naam he", True),
        ("en", "you can say it was me, i want a follow up", False),
        ("en", "i want them to know it was me who reported, im done hiding", False),
        ("nl", "zet me er maar bij 👍", False),
    ],
)
def test_anonymous_or_named_in_own_words(
    runtime: Runtime, lang: str, words: str, anonymous: bool
) -> None:
    at_question(runtime, lang, "online_threat", "anonymity", "anon", words)
    _flow, slots = stored(runtime, "anon", lang)
    assert slots.get("anonymous") is anonymous


@pytest.mark.parametrize(
    ("lang", "words", "relation"),
    [
        ("en", "lady i do home care for every morning", "patient"),
        ("en", "the man who was in for his wound care", "patient"),
        ("nl", "de mevrouw waar ik elke ochtend thuiszorg doe", "patient"),
        ("en", "the son from the patient, he was very angry", "naaste"),
        ("en", "anon account on instagram", "onbekend"),
        ("nl", "kan ik niet zien, account heeft geen foto en rare naam", "onbekend"),
    ],
)
def test_who_did_it_in_own_words(runtime: Runtime, lang: str, words: str, relation: str) -> None:
    reply = at_question(runtime, lang, "online_threat", "who", "who", words)
    assert "beantwoorden" not in _said(reply), "an answer, not a question to the bot"
    _flow, slots = stored(runtime, "who", lang)
    assert slots.get("perpetrator_relation") == relation


@pytest.mark.parametrize(
    "words",
    [
        "hij heeft ook mn arm vastgepakt, zit nog een blauwe plek",
        "hij noemde me vuile buitenlander, staat niet op de foto",
    ],
)
def test_more_of_the_story_at_the_evidence_question_is_kept_without_an_alarm(
    runtime: Runtime, words: str
) -> None:
    reply = at_question(runtime, "nl", "online_threat", "evidence", "more", words)
    assert "112" not in _said(reply)
    _flow, slots = stored(runtime, "more", "nl")
    assert words in str(slots.get("description", ""))


@pytest.mark.parametrize(
    ("flow", "step", "words", "held"),
    [
        ("aftercare", "callback_name", "bellen", True),
        ("aftercare", "callback_name", "lisa", False),
        ("aftercare", "callback_name", "Ben", False),
        ("aggression", "name", "thuiszorg", True),
        ("aggression", "name", "fatima el amrani", False),
    ],
)
def test_words_that_are_no_name_are_confirmed_before_they_are_the_name(
    runtime: Runtime, flow: str, step: str, words: str, held: bool
) -> None:
    """Found in the terminal chat: "bellen" at "Whom should they ask for?" became the name."""
    reply = at_question(runtime, "nl", flow, step, "name", words)
    assert ("Ik zie daar geen naam in" in _said(reply)) is held
    _flow, slots = stored(runtime, "name", "nl")
    # (a name typed in lower case is stored as written: "lisa" is Lisa)
    assert (words.casefold() in [str(v).casefold() for v in slots.values()]) is not held
