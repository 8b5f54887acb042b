"""Messages that are no answer, in the words of the ninth blind development round
(nlu/dev/guards/*-9.yml): throwing the report away in other words, a slip of the finger
told as "verkeerd gedrukt", whether the team leader can see who sent it, distress told as
what keeps coming back ("I keep seeing his face", "ik zie er zo tegenop"), and a language
name with a typo."""

from __future__ import annotations

import pytest

from dialogs.guard_eval import recognised


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("just throw it away please", "cancel"),
        ("gooi maar weg, ik doe het niet", "cancel"),
        ("could you delete everything i wrote, not sending it", "cancel"),
        ("sorry verkeerd geklikt", "back"),
        ("i pressed the wrong button", "back"),
        ("can they see it's me who sent this?", "question_anonymity"),
        ("kan mijn leidinggevende zien dat ik dit heb ingevuld", "question_anonymity"),
        ("I keep seeing her face when I close my eyes", "distress"),
        ("ik zie er zo tegenop om morgen te gaan", "distress"),
        ("ik ben echt een wrak", "distress"),
        ("engelish pls", "language_en"),
    ],
)
def test_no_answer_in_other_words(text: str, kind: str) -> None:
    assert recognised(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        # a story's words near the new ones stay answers
        "he threw his plate away and shouted",
        "hij zag mijn gezicht en begon te lachen",
    ],
)
def test_answers_near_the_new_words_stay_answers(text: str) -> None:
    assert recognised(text) is None
