"""Answers at the summary in the words of the seventeenth blind development round: "k" is
a yes; "can i add a photo still", "hmm zo heb ik het niet gezegd" are changes (those
that name the answer are in tests/test_corrections.py); "should go to my team leader not hr"
lets the line manager in instead of keeping them out."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.stepchat import StepChat
from tests.test_answers_more_phrasings import at_summary
from tests.test_answers_round16 import cases
from tests.test_facts_round13 import fact

sqlite = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@sqlite
def test_k_sends_it(runtime: Runtime) -> None:
    chat = at_summary(runtime)
    chat.send("k")
    assert cases(runtime) == 1


@sqlite
@pytest.mark.parametrize(
    "words",
    [
        "can i add a photo still",
        "hmm zo heb ik het niet gezegd",
    ],
)
def test_a_change_in_own_words_asks_what_to_change(runtime: Runtime, words: str) -> None:
    chat = at_summary(runtime)
    chat.send(words)
    assert chat.position() == ("aggression", "edit_field")
    assert cases(runtime) == 0


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "should go to my team leader not hr"),
        ("nl", "moet naar mijn teamleider niet naar p&o"),
    ],
)
def test_the_manager_named_as_the_one_to_get_it_is_let_in(lang: str, text: str) -> None:
    assert fact("exclude_line_manager", text, lang=lang) is False


def test_a_bare_wish_to_report_is_not_offered_as_the_story(runtime: Runtime) -> None:
    """Found in the terminal chat: after "ik wil agressie melden" the story question offered
    "Gebruik wat ik aan het begin schreef", as if those words told what happened."""
    chat = StepChat(runtime.engine)
    reply = chat.send("ik wil agressie melden")
    assert chat.position() == ("aggression", "what")
    assert not any(c.label.startswith("Gebruik wat ik") for m in reply for c in m.choices)
    chat = StepChat(runtime.engine, user="another", lang="en")
    reply = chat.send("someone keeps dming me on insta saying they know where i live")
    assert any(c.label.startswith("Use what I wrote") for m in reply for c in m.choices)
