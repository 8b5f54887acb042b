"""Answers in the words of the twelfth blind development round (nlu/dev/answers/*-12.yml):
"not really no" to a call-back was a yes, "vorige week een 2, nu een 4" at a check-in
started a new aggression report, and a choice corrected after "but no," or "maar toch maar"
kept the first word."""

from __future__ import annotations

import pytest

from bot.answer_eval import at_question
from bot.runtime import Runtime
from dialogs.state import ConversationState
from tests.test_answers_round8 import picked

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def stored(runtime: Runtime, chat: str, lang: str) -> tuple[str | None, dict[str, object]]:
    """Where a console chat stands after its message, and its answers."""
    with runtime.store.unit() as unit:
        found = unit.load_conversation(runtime.store.pseudonym("console", chat))
    assert found is not None
    return found.flow, dict(ConversationState.from_stored(found.state, lang).slots)


@pytest.mark.parametrize(
    ("lang", "words", "choice"),
    [
        ("en", "not really no", "no"),
        ("nl", "niet echt nee", "no"),
        ("en", "nobody please, i just want to move on", "no"),
        ("nl", "eerlijk gezegd wel, ik weet niet goed wat ik nu moet", "yes"),
        ("nl", "mag, als ze eerst even appen", "yes"),
    ],
)
def test_a_call_back_in_other_words(runtime: Runtime, lang: str, words: str, choice: str) -> None:
    assert picked(runtime, "aftercare", "callback", lang, words) == choice


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "i was going to say with my name but no, anonymous is safer"),
        ("nl", "eerst dacht ik met naam maar toch maar anoniem"),
    ],
)
def test_a_corrected_choice_counts_from_the_correction(
    runtime: Runtime, lang: str, words: str
) -> None:
    at_question(runtime, lang, "online_threat", "anonymity", "corrected", words)
    flow, slots = stored(runtime, "corrected", lang)
    assert flow == "online_threat"
    assert slots["anonymous"] is True


@pytest.mark.parametrize(
    ("lang", "words"), [("nl", "vorige week een 2, nu een 4"), ("en", "was a 2 last week, now a 4")]
)
def test_a_score_that_went_up_is_the_score_now_and_starts_no_report(
    runtime: Runtime, lang: str, words: str
) -> None:
    reply = at_question(runtime, lang, "checkin", "score", "went-up", words)
    said = " ".join(m.text for m in reply.messages)
    assert "agressie" not in said.lower()
    assert "aggression" not in said.lower()
    flow, slots = stored(runtime, "went-up", lang)
    assert flow == "checkin"
    assert slots["checkin_score"] == 4
