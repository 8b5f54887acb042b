"""Answers in the words of the fourteenth blind development round (nlu/dev/answers/*-14.yml):
"I don't trust my team leader" at 'who receives it?' was read as no preference (and let
the line manager in), "I'd prefer the vertrouwenspersoon" was asked back as 'No
preference', phone triage was 'somewhere else', and "only had that one" at 'anything
else?' was added to the story."""

from __future__ import annotations

import pytest

from bot.answer_eval import at_question
from bot.runtime import Runtime
from tests.test_answers_round12 import stored
from tests.test_facts_round9 import fact

sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.mark.parametrize(
    "text",
    ["I don't trust my team leader", "i dont really trust my manager", "I can't trust my boss"],
)
def test_distrust_of_the_line_manager_keeps_them_out(text: str) -> None:
    assert fact(text, "exclude_line_manager") is True


@sqlite
def test_a_recipient_and_distrust_of_the_line_manager_are_both_kept(runtime: Runtime) -> None:
    words = "I'd prefer the vertrouwenspersoon, I don't trust my team leader"
    reply = at_question(runtime, "en", "online_threat", "contact_pref", "trust", words)
    said = " ".join(m.text for m in reply.messages)
    assert "will not go to your own line manager" in said
    assert "No preference" not in said.split("Send to:")[-1].split("\n")[0]
    _flow, slots = stored(runtime, "trust", "en")
    assert slots["preferred_role"] == "vertrouwenspersoon"
    assert slots["exclude_line_manager"] is True


@sqlite
@pytest.mark.parametrize(("lang", "words"), [("en", "no preference"), ("nl", "geen voorkeur")])
def test_no_preference_is_still_no_preference(runtime: Runtime, lang: str, words: str) -> None:
    at_question(runtime, lang, "online_threat", "contact_pref", "any", words)
    _flow, slots = stored(runtime, "any", lang)
    assert slots["preferred_role"] == "none"  # the "no preference" option


@sqlite
@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "doing phone triage at the practice"), ("nl", "telefonische triage op de praktijk")],
)
def test_phone_triage_is_the_desk(runtime: Runtime, lang: str, words: str) -> None:
    at_question(runtime, lang, "aggression", "where", "triage", words)
    _flow, slots = stored(runtime, "triage", lang)
    assert slots["location_kind"] == "reception"


@sqlite
@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "only had that one"), ("nl", "alleen die screenshot"), ("nl", "rest is verwijderd")],
)
def test_only_that_one_is_done(runtime: Runtime, lang: str, words: str) -> None:
    at_question(runtime, lang, "online_threat", "evidence_more", "one", words)
    _flow, slots = stored(runtime, "one", lang)
    assert words not in str(slots.get("description")), "not added to the story"
