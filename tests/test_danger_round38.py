"""A thirty-eighth blind development round (nlu/dev/danger38, situations and wordings a
rule-writer would not think of first; 0.97 / 0.91 recall and 2.9 / 5.7 % false alarms
before, 1.0 / 1.0 and 0 / 2.9 % after): "ward 3 fire", a stalker in the building now, a
ward stormed, a nurse grabbed, "krijg hem er niet af", a drunk visitor kicking the glass
door. No alarm for an evacuation plan asked about, "has been sectioned ... we're all having
tea now", "de man met de knuppel is opgenomen met een rm", "man was al weg voor de politie
kwam"."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "ward 3 fire",
        "afd 3 brand",
        "the ex patient who stalks me is in the building, just saw him by the lifts on 2",
        "mijn stalker is nu in het gebouw ik zag hem net bij de lift",
        "hele familie stormt de afd op, ze duwen de vpk opzij",
        "zoon met afdelingsverbod is hier, grijpt vpk vast en wil zn moeder met geweld meenemen",
        "hij heeft mn collega op bed vastgepind krijg hem er niet af",
        "alleen op nachtdienst, dronken bezoeker trapt tegen de glazen deur en die begint te "
        "barsten",
    ],
)
def test_danger_now_in_unexpected_words_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "whats the evacuation plan if a patient sets his mattress on fire?",
        "the guy with the bat has been sectioned, glass is swept up, we're all having tea now",
        "de man met de knuppel is opgenomen met een rm, glas is opgeveegd, we zitten aan de thee",
        "dreiging met kapotte fles voor de praktijk maandag, man was al weg voor de politie kwam",
    ],
)
def test_over_or_asked_raises_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "no danger now: the classifier is overruled"
