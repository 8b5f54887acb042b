"""Answers at the summary in the words of the seventeenth blind development round: "k" is
a yes; "can i add a photo still", "ik zei avond niet middag", "hmm zo heb ik het niet
gezegd", "weet niet zeker over de tijd" are changes; "should go to my team leader not hr"
lets the line manager in instead of keeping them out."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
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
        "ik zei avond niet middag",
        "hmm zo heb ik het niet gezegd",
        "hmm weet niet zeker over de tijd",
        "vorige week woensdag, niet deze week",
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
