"""A sixteenth blind development round, written as tired care workers answer afterwards:
form answers that only list acts, moved to another ward, walked out with a ban, the marks
still seen; and danger now it missed: a crowd rocking the ambulance, the kettle on again
after boiling water was thrown."""

from __future__ import annotations

import pytest

from nlu.act_list import lists_acts
from nlu.acute import AcuteDangerRules
from nlu.all_clear import says_all_clear
from tests.danger_checks import classifier_alarm, danger_rules


@pytest.fixture(scope="module")
def rules() -> AcuteDangerRules:
    return danger_rules()


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("a group of lads around our ambulance banging on it", "crowd_at_the_vehicle"),
        ("hij gooide kokend water en vult de waterkoker weer", "kettle_again"),
    ],
)
def test_danger_of_the_sixteenth_round(rules: AcuteDangerRules, text: str, pattern: str) -> None:
    assert rules.match(text) == pattern


@pytest.mark.parametrize(
    "text", ["bijten en krabben", "punching + kicking, both arms", "geslagen, geschopt"]
)
def test_a_list_of_acts_is_a_form_answer(text: str) -> None:
    assert lists_acts(text)
    assert not classifier_alarm(text)


def test_a_list_of_acts_with_now_still_alarms(rules: AcuteDangerRules) -> None:
    assert not lists_acts("slaan en schoppen nu help")


@pytest.mark.parametrize(
    "text",
    [
        "security came and she's on a different ward now",
        "hij is naar buiten begeleid en heeft een huisverbod",
        "i can still see the finger marks on my arm",
        "ze ligt nu op een andere afdeling",
    ],
)
def test_moved_banned_or_marks_left_are_all_clears(text: str) -> None:
    assert says_all_clear(text)
