"""Answers in the words of the fifteenth blind development round (the summary and the
check-in score): "nog nie sturen maar ook nie weggooien" ("nie" is chat for "niet") and "laat
maar als concept staan" deleted the report, "druk nu, later verder" was thrown away on the
classifier's word alone, "hold on to it pls, ill come back" and "im good, its behind me"
raised an alarm, and "no changes needed" asked what to change."""

from __future__ import annotations

import pytest

from bot.answer_eval import at_question
from bot.runtime import Runtime
from tests.test_answers_more_phrasings import at_summary
from tests.test_answers_round12 import stored
from tests.test_finish_later import texts

sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@sqlite
@pytest.mark.parametrize(
    "words",
    [
        "nog nie sturen maar ook nie weggooien",
        "laat maar als concept staan",
        "druk nu, later verder",
        "even parkeren",
        "hold on to it pls, ill come back",
        "i want to ask my colleague before i send",
    ],
)
def test_not_now_at_the_summary_keeps_the_report(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    reply = texts(chat.send(words))
    assert "30" in reply, "kept for 30 days, and it says so"
    assert "112" not in reply
    chat.send("hoi, daar ben ik weer")
    chat.send("ja klopt, verstuur maar")
    with runtime.store.unit() as unit:
        assert len(unit.all_cases()) == 1, "nothing was lost"


@sqlite
@pytest.mark.parametrize("words", ["no changes needed", "hoeft niks aan veranderd te worden"])
def test_no_changes_needed_sends_it(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    chat.send(words)
    with runtime.store.unit() as unit:
        assert len(unit.all_cases()) == 1


@sqlite
@pytest.mark.parametrize(
    ("lang", "words", "score"),
    [
        ("en", "ok ish", 3),
        ("en", "back to my old self", 5),
        ("en", "im good, its behind me 😊", 5),
        ("nl", "nie goed nie slecht 😐", 3),
    ],
)
def test_a_check_in_score_in_words(runtime: Runtime, lang: str, words: str, score: int) -> None:
    reply = at_question(runtime, lang, "checkin", "score", "score-words", words)
    assert not any("112" in m.text for m in reply.messages)
    _flow, slots = stored(runtime, "score-words", lang)
    assert slots.get("checkin_score") == score


@sqlite
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "no thanks, dont contact me about this again"),
        ("nl", "nee dank je, hoef hier nie meer over benaderd te worden"),
    ],
)
def test_no_more_contact_stops_the_check_ins(runtime: Runtime, lang: str, words: str) -> None:
    at_question(runtime, lang, "checkin", "score", "no-more", words)
    flow, _slots = stored(runtime, "no-more", lang)
    assert flow != "checkin"


@sqlite
@pytest.mark.parametrize(("lang", "words"), [("en", "yes send"), ("nl", "verstuur maar")])
def test_going_on_to_send_at_the_evidence_question_ends_the_list(
    runtime: Runtime, lang: str, words: str
) -> None:
    """Found in the terminal chat: "yes send" at 'Anything else?' was added to the story."""
    at_question(runtime, lang, "aggression", "evidence", "send-on", words)
    _flow, slots = stored(runtime, "send-on", lang)
    assert words not in str(slots.get("description", ""))
    assert slots.get("evidence_done") is not None


@sqlite
def test_one_word_at_the_evidence_question_is_not_added_to_the_story(runtime: Runtime) -> None:
    reply = at_question(runtime, "en", "aggression", "evidence", "one-word", "whoever")
    assert any("Here I can take files" in m.text for m in reply.messages)
    _flow, slots = stored(runtime, "one-word", "en")
    assert "whoever" not in str(slots.get("description", ""))
