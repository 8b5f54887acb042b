"""Answers in the words of the thirteenth blind development round (nlu/dev/answers/*-13.yml):
"don't send it yet" at the summary deleted the report, "anonymous. can my manager still see
it was me?" answered the question but lost the choice, "not anon" was anonymous, and "not
quite a 5 yet" was a 5."""

from __future__ import annotations

import pytest

from bot.answer_eval import at_question
from bot.runtime import Runtime
from dialogs.flow import Option
from dialogs.matching import fold
from dialogs.scale import scale_number
from tests.test_answers_more_phrasings import at_summary
from tests.test_answers_round12 import stored
from tests.test_finish_later import texts

sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@sqlite
@pytest.mark.parametrize(
    "words",
    [
        "don't send it yet",
        "nog niet versturen",
        "liever nog een paar dagen wachten met versturen",
        "I'd rather wait a few days",
        "Can it wait? My team leader is off today",
    ],
)
def test_not_yet_at_the_summary_keeps_the_report(runtime: Runtime, words: str) -> None:
    """A 'don't send' with a 'yet' is about when: the report is kept, not deleted."""
    chat = at_summary(runtime)
    reply = texts(chat.send(words))
    assert "30" in reply, "kept for 30 days, and it says so"
    assert chat.position() == ("aggression", "summary")
    chat.send("hoi, daar ben ik weer")
    chat.send("ja klopt, verstuur maar")
    with runtime.store.unit() as unit:
        assert len(unit.all_cases()) == 1, "nothing was lost"


@sqlite
@pytest.mark.parametrize(
    "words", ["no dont send it, delete everything", "nee niet versturen, gooi maar weg"]
)
def test_dont_send_with_delete_still_deletes(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    reply = texts(chat.send(words))
    assert "30" not in reply
    assert chat.position() == ("menu", "menu")
    with runtime.store.unit() as unit:
        assert unit.all_cases() == []


@sqlite
def test_a_wish_to_add_something_is_no_not_now(runtime: Runtime) -> None:
    """ "before it goes out" asks to change the report first, not to keep it for later."""
    chat = at_summary(runtime)
    reply = texts(chat.send("mostly right but you left out that he spat. I want that in first"))
    assert "30" not in reply
    assert chat.position() != ("aggression", "summary")


@sqlite
@pytest.mark.parametrize(
    ("lang", "words", "anonymous", "answer"),
    [
        ("en", "anonymous. can my manager still see it was me?", True, "does not see who"),
        ("nl", "anoniem. kan mn leidinggevende dan zien dat ik het was?", True, "niet wie je"),
        ("en", "with my name. will I get a phone call?", False, "can't answer that"),
        ("nl", "met naam, krijg ik dan een telefoontje?", False, "niet beantwoorden"),
    ],
)
def test_a_choice_then_a_question_answers_it_and_keeps_the_choice(
    runtime: Runtime, lang: str, words: str, anonymous: bool, answer: str
) -> None:
    reply = at_question(runtime, lang, "online_threat", "anonymity", "asks-too", words)
    said = " ".join(m.text for m in reply.messages)
    assert answer in said, "the question is answered"
    _flow, slots = stored(runtime, "asks-too", lang)
    assert slots["anonymous"] is anonymous, "and the choice is not asked again"


@sqlite
def test_a_question_without_a_choice_chooses_nothing(runtime: Runtime) -> None:
    reply = at_question(runtime, "en", "online_threat", "anonymity", "only-asks", "will he know?")
    assert "anonymously or with your name?" in reply.messages[-1].text, "asked again"


@sqlite
@pytest.mark.parametrize(("lang", "words"), [("en", "not anon"), ("nl", "niet anon")])
def test_not_anon_is_named(runtime: Runtime, lang: str, words: str) -> None:
    at_question(runtime, lang, "online_threat", "anonymity", "not-anon", words)
    _flow, slots = stored(runtime, "not-anon", lang)
    assert slots["anonymous"] is False


@sqlite
@pytest.mark.parametrize(
    ("lang", "words", "score"),
    [
        ("en", "not quite a 5 yet but close", 4),
        ("nl", "nog geen 4, maar het gaat beter", 3),
        ("nl", "net geen 3 denk ik", 2),
    ],
)
def test_a_score_just_below_a_number(
    runtime: Runtime, lang: str, words: str, score: int | None
) -> None:
    at_question(runtime, lang, "checkin", "score", "short-of", words)
    _flow, slots = stored(runtime, "short-of", lang)
    assert slots.get("checkin_score") == score


@pytest.mark.parametrize(
    "words", ["not yet 5 hours of sleep", "still not 3 days since it happened"]
)
def test_a_count_below_a_number_is_no_score(words: str) -> None:
    scale = [Option(str(n), str(n)) for n in range(1, 6)]
    assert scale_number(words, fold(words), scale) is None
