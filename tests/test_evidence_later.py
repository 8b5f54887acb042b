"""Evidence that is not at hand ("i have screenshots but not on this phone"): the words go
with the story, and the melder hears how to add the files once the report is in (found in
the terminal chat, where only "I've added that to your story" came back)."""

from __future__ import annotations

import pytest

from bot.answer_eval import at_question
from bot.runtime import Runtime

sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@sqlite
@pytest.mark.parametrize(
    ("lang", "words", "hint"),
    [
        ("en", "i have screenshots but not on this phone", "Add something to my report"),
        ("en", "they're on my work phone", "Add something to my report"),
        ("nl", "heb screenshots maar die staan op mn werktelefoon", "Iets toevoegen"),
        ("nl", "kan ze nu niet vinden, moet ik nog opzoeken", "Iets toevoegen"),
    ],
)
def test_evidence_elsewhere_says_how_to_add_it_later(
    runtime: Runtime, lang: str, words: str, hint: str
) -> None:
    reply = at_question(runtime, lang, "online_threat", "evidence", "later", words)
    said = " ".join(m.text for m in reply.messages)
    assert hint in said
    assert reply.messages[-1].choices, "and the evidence question is asked again"


@sqlite
@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "the screenshots show his account name and the time"),
        ("nl", "hij stond thuis bij de client te schreeuwen"),
    ],
)
def test_more_of_the_story_gets_no_hint(runtime: Runtime, lang: str, words: str) -> None:
    reply = at_question(runtime, lang, "online_threat", "evidence", "story", words)
    said = " ".join(m.text for m in reply.messages)
    assert "Add something to my report" not in said
    assert "Iets toevoegen" not in said


@sqlite
@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "I'll send them later, they're on my work phone"), ("nl", "stuur ik later")],
)
def test_files_promised_for_later_do_not_pause_the_report(
    runtime: Runtime, lang: str, words: str
) -> None:
    """ "I'll send them later" at the evidence question is about the files: the report goes
    on (and the melder hears how to add them), it is not put away for later."""
    reply = at_question(runtime, lang, "online_threat", "evidence", "files-later", words)
    said = " ".join(m.text for m in reply.messages)
    assert "30" not in said, "not 'we continue later, I keep it 30 days'"
    assert "Add something to my report" in said or "Iets toevoegen" in said
