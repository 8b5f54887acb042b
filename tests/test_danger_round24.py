"""A twenty-fourth blind development round, in English only: "hes back", "its him. hes in
reception", hands round "marias neck", "omg he pulled a gun", a car driving at people and a
man walking up to the door now are danger now; a question for training ("how should
reception react if a patient pulls a knife") is not. Kept in nlu/dev/danger24: its misses
are a colleague not answering her phone after a visit to a violent client and "bay 3!!!!!"
(no word of what is wrong), and "with a knife" alone is taken for danger."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "hes back",
        "its him. hes in reception",
        "hes got his hands round marias neck pls",
        "omg he pulled a gun",
        "car driving straight at people outside a&e entrance omg",
        "van keeps circling the house, he just parked and is walking up to the door",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "for training: how should reception react if a patient pulls a knife",
        "he's back on the ward next week and I'm dreading it",
        "omg he pulled a gun in that film last night",
    ],
)
def test_a_question_for_training_or_what_comes_raises_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)
