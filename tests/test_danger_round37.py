"""A thirty-seventh blind development round (nlu/dev/danger37, stories told afterwards that
sound like now, and danger now told calmly or second-hand; 0.95 / 0.97 recall and 6.7 / 5.6 %
false alarms before, 1.0 / 1.0 and 1.1 / 1.1 % after): kept in the kitchen, held by the
coat or the throat, "he's in the hallway right now", a colleague's attack just texted to the
melder at home. No alarm for a trainer who played a man with a knife, "what would happen if
..., do i call 112 or you?", "he's nowhere around", "what now?" after a story, "he got
arrested after threatening the receptionist. we're all ok", news on nu.nl, "hij is binnen
gebleven", "alles ok.", "bij die schietpartij van zaterdag"."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "he's keeping me in the kitchen, took my phone, typing this on the work tablet he "
        "doesn't know about",
        "bij de fietsenstalling, 3 jongens om me heen, een heeft mijn werkjas vast en ze willen "
        "de tas met medicatie",
        "clt houdt de verzorgende bij haar keel tegen de koelkast",
        "he came back. he's in the hallway right now. the one from the report I filed yesterday",
        "the youth worker on nights just texted me that a boy is attacking her in the office, "
        "she's alone there. i'm at home",
    ],
)
def test_danger_now_told_calmly_or_second_hand_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "We had a de-escalation training today and the trainer played a guy with a knife, "
        "really realistic, scared a few of us.",
        "what would happen if someone threatened me at the door, do i call 112 or you?",
        "in the car now, drove off. he kicked my car door as I was getting in. pretty sure it's "
        "dented. he's nowhere around, I'm fine",
        "i got home and realised how scared i was. earlier he slammed the door on my hand. "
        "swollen but not broken. what now?",
        "he got arrested outside the surgery after threatening the receptionist. we're all ok, "
        "closing up now",
        "op nu.nl staat dat er een huisarts in Zwolle met een mes is bedreigd. komt zoiets ook "
        "bij jullie binnen?",
        "hij bleef in de spreekkamer herhalen 'ik wacht buiten op je'. ben met de poh via de "
        "achterkant naar huis gegaan, alles ok. wel onrustig",
    ],
)
def test_stories_told_afterwards_raise_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "no danger now: the classifier is overruled"


@pytest.mark.parametrize(
    "text",
    [
        "net weggelopen uit de flat. sta bij de bushalte, hij is binnen gebleven. hij schopte "
        "tegen mijn tas en zei dat ik dood moest",
        "bij die schietpartij bij het winkelcentrum van zaterdag stond ik als ambu ter plaatse, "
        "heb alles gezien. zelf niet geraakt. moet ik dat hier melden?",
        "zaterdag heeft hij mij bij mn keel gepakt, ik heb nog steeds blauwe plekken",
    ],
)
def test_no_rule_reads_these_as_now(text: str) -> None:
    """(The classifier, unsure of these, raises no alarm either: nlu/dev/danger37.)"""
    assert danger_rules().match(text) is None


def test_a_question_with_danger_after_it_still_alarms() -> None:
    text = (
        "Quick question, if someone is standing in front of my car and won't let me drive off, "
        "do I ring 999 or the on-call manager? he's hitting the bonnet"
    )
    assert danger_rules().match(text) is not None or classifier_alarm(text)
