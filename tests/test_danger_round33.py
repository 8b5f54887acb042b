"""A thirty-third blind development round (nlu/dev/danger33, 90 / 90 English messages, a
third by non-native speakers, and 60 / 70 Dutch with second-language and dyslexic spelling;
0.93 / 0.97 recall and 5.6 / 2.9 % false alarms before, 1.0 / 1.0 and 1.1 / 0 % after):
headlines ("smoke, unit C, hurry", "door kicked in NOW", "hostage situation office 4",
"colleague down, bleeding, ward 5", "trapped in the kitchen", "client on roof, about to
jump"), a weapon typed as it sounds ("hij heb een pistool"), a scooter riding slowly
beside the melder. No alarm for "what I must do if ...", "it not happen yet", a question
about procedure, a scenario for a course, the slides of a training, an exercise prepared,
"alles oké hier, politie is net vertrokken met de man"."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "smoke, unit C, hurry",
        "rook op afd 3 snel",
        "door kicked in NOW",
        "hostage situation office 4",
        "gijzeling op de afdeling",
        "colleague down, bleeding, ward 5",
        "collega bloedt erg uit haar hoofd",
        "trapped in the kitchen",
        "client on roof, about to jump",
        "hij heb een pistool ik zie het",
        "er rijdt al drie straten lang een scooter stapvoets naast me",
        "a car is crawling alongside me since the station",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "what I must do if the husband of client is coming with knife? I am afraid for this, it "
        "not happen yet",
        "Question about procedure. If a client threatens us with a weapon during a home visit, "
        "are we supposed to leave immediately?",
        "Our team leader asked us to write down what we'd do in a hostage situation, as "
        "preparation for next month's exercise.",
        "I'm on a course about workplace violence and we have to write a scenario. Mine is: a "
        "client pulls a knife.",
        "heeft iemand de slides van de training over gijzeling?",
        "alles oké hier, politie is net vertrokken met de man",
    ],
)
def test_questions_courses_and_all_clears_raise_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "no danger now: the classifier is overruled"


@pytest.mark.parametrize(
    "text",
    [
        "the door was kicked in last night, we've reported it",
        "she was bleeding heavily yesterday but she's fine now",
    ],
)
def test_the_same_words_told_of_the_past_fire_no_rule(text: str) -> None:
    assert danger_rules().match(text) is None


def test_danger_after_the_police_left_still_alarms() -> None:
    text = "politie is net vertrokken, hij staat weer voor de deur met een mes"
    assert danger_rules().match(text) is not None
