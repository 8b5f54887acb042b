"""A statement that opens with a verb is no question to the bot ("gaat wel, beetje
geschrokken", "is goed zo"), and rooms of a workplace in the story are its place."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.runtime import Runtime
from nlu.facts import extract_facts
from tests.stepchat import StepChat
from tests.test_understanding import AGGRESSION_NL, only_case


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_a_statement_at_the_evidence_question_is_story_not_a_question(runtime: Runtime) -> None:
    chat = StepChat(runtime.engine)
    chat.send("ik wil agressie melden")
    chat.answer("aggression", AGGRESSION_NL, until="evidence")
    chat.send("https://example.org/foto")
    reply = chat.send("gaat wel, beetje geschrokken nog")
    assert reply[0].text == "Ik heb dat bij je verhaal gezet."
    reply = chat.send("kan ik dit later nog aanvullen?")
    assert reply[0].text != "Ik heb dat bij je verhaal gezet."
    assert chat.position() == ("aggression", "evidence")
    chat.send("is goed zo, meer heb ik niet")
    assert chat.position() == ("aggression", "impact")
    chat.answer("aggression", AGGRESSION_NL)
    description = str(only_case(runtime)["description"])
    assert "beetje geschrokken" in description
    assert "aanvullen" not in description


@pytest.mark.parametrize(
    ("story", "place"),
    [
        ("een bewoner werd boos op de gang en duwde me", "ward"),
        ("in de teampost gooide hij een stoel om", "ward"),
        ("a resident spat at me in the day room", "ward"),
        ("in de gang van zijn huis schreeuwde hij tegen me", None),
        ("something happened at work and it still bothers me", None),
    ],
)
def test_rooms_of_the_workplace_are_the_ward(story: str, place: str | None) -> None:
    facts = extract_facts(
        story, reference=datetime(2026, 12, 2, 9, tzinfo=UTC), timezone="Europe/Amsterdam"
    )
    found = facts.get("location_kind")
    assert (found.value if found else None) == place
