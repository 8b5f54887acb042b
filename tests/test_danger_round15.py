"""A fifteenth blind development round: someone from the messages now at reception, petrol
and a rag lit at the door, a siren emoji with "now"; and past messages that raised an
alarm: "next time", a dream, a documentary, "not an emergency", a delusion "in his head",
a report's header for a past day, treated and stable, "nu is hij er niet", "he hasnt come"."""

from __future__ import annotations

import pytest

from nlu.acute import AcuteDangerRules
from tests.danger_checks import classifier_alarm, danger_rules


@pytest.fixture(scope="module")
def rules() -> AcuteDangerRules:
    return danger_rules()


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("she's in the waiting room right now, the woman who emailed me", "here_for_me"),
        ("there's a strong petrol smell in the corridor", "fire_sensed"),
        ("someone is lighting a rag by the back door", "fire_sensed"),
        ("🚨 nu", "alarm_emoji"),
    ],
)
def test_danger_of_the_fifteenth_round(rules: AcuteDangerRules, text: str, pattern: str) -> None:
    assert rules.match(text) == pattern


@pytest.mark.parametrize(
    "text",
    [
        "do i call 112 next time he turns up at the desk?",
        "moet ik de volgende keer de politie bellen als hij weer met een mes komt",
        "i keep dreaming he comes in with a gun",
        "saw a documentary about nurses getting attacked",
        "who do i ring if its not an emergency",
        "he talks about knives and bombs in his head, not aimed at anyone",
        "report for tuesday: he shouts, he kicks the door, he throws a chair at me",
        "verslag van woensdag: hij slaat, hij schopt, hij gooit met een stoel",
        "she cut her arm with a razor last night, she's on the ward now and stable",
        "hij dreigde terug te komen. nu is hij er niet",
        "he says he knows where i live. he hasnt come but i'm scared",
        "zaterdag een hond op me afgestuurd, gebeten maar het is al behandeld",
    ],
)
def test_what_is_imagined_asked_or_over_raises_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)
