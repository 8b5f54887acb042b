"""Answers in the words of the ninth blind development round (nlu/dev/answers/*-9.yml)
that were refused or taken wrong: 'ready' and 'that was the only foto' end the evidence, a
hood up or a hidden number is someone unknown, 'can you add' at the summary is a change and
'another time' a cancel, 'send it to my supervisor' names the line manager."""

from __future__ import annotations

import pytest

from bot.runtime import Runtime
from tests.test_answers_round8 import picked

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "ready"),
        ("en", "enough i think"),
        ("en", "that was the only foto"),
        ("en", "ok"),
        ("nl", "oké"),
    ],
)
def test_no_more_evidence_in_other_words(runtime: Runtime, lang: str, words: str) -> None:
    assert picked(runtime, "online_threat", "evidence", lang, words) == "done"


@pytest.mark.parametrize(
    ("lang", "words", "who"),
    [
        ("en", "no idea, he had his hood up", "onbekend"),
        ("nl", "weet niet, hij had zijn capuchon op", "onbekend"),
        ("en", "it came from a hidden number", "onbekend"),
        ("nl", "het nummer was afgeschermd", "onbekend"),
        ("nl", "een man die even langs kwam", "bezoeker"),
    ],
)
def test_who_did_it(runtime: Runtime, lang: str, words: str, who: str) -> None:
    assert picked(runtime, "online_threat", "who", lang, words) == who


@pytest.mark.parametrize(
    ("lang", "words", "choice"),
    [
        ("en", "can you add that he spat at me", "edit"),
        ("nl", "voeg toe dat hij ook spuugde", "edit"),
        ("nl", "ik heb spijt dat ik begon, gooi maar weg", "cancel"),
    ],
)
def test_at_the_summary(runtime: Runtime, lang: str, words: str, choice: str) -> None:
    assert picked(runtime, "online_threat", "summary", lang, words) == choice
