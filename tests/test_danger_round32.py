"""A thirty-second blind development round (nlu/dev/danger32, 70 danger-now and 90 past
messages per language, typed as answers in the middle of a report; 0.99 / 0.93 recall and
8.9 / 2.2 % false alarms before, 1.0 / 1.0 and 1.1 / 0 % after): he is back, typed fast
("hes bcak", "hj is trug"), "daar is ie weer", footsteps heard, a colleague pulled into a
room and locked in, standing at the desk shouting with something in his hand. No alarm for
an answer that names the incident reported: "in the corridor where he pinned me", "he'd
been waiting by my car", "at 3am when the clt set fire to his mattress", "i keep hearing
him say he'll kill me", "the CCTV should have him throwing the chair", "the voicemail where
he says he'll burn my house down", "he gets discharged friday and im scared he'll wait for
me", "bedreiging met een mes", "huisarts heeft de schrammen in mn dossier gezet"."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "hes bcak",
        "hj is trug",
        "oh nee daar is ie weer",
        "there he is again, at the window",
        "ff weg, hoor voetstappen, hij is het",
        "hij heeft een collega de badkamer in getrokken en de deur op slot gedaan",
        "he has dragged my colleague into the sluice and locked the door",
        "de clt van vorige week staat net bij de balie mijn naam te roepen",
        "he's at reception with something in his hand",
        # a simple past that is what he just did
        "in the lift with him, he pressed stop",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "in the corridor where he pinned me against the wall",
        "car park outside the clinic, he'd been waiting by my car and shouted he'd kill me",
        "at 3am when the clt set fire to his mattress, we had to evacuate the bay",
        "honestly a 2, i keep hearing him say he'll kill me",
        "i saved the voicemail where he says he'll burn my house down",
        "bedreiging met een mes",
        "threatened with a knife",
    ],
)
def test_answers_about_the_incident_fire_no_rule(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "the incident reported: the classifier is overruled"


@pytest.mark.parametrize(
    "text",
    [
        "the CCTV in the corridor should have him throwing the chair",
        "he gets discharged friday and im scared he'll wait for me outside",
        "huisarts heeft de schrammen bekeken en in mn dossier gezet",
    ],
)
def test_evidence_and_worries_overrule_the_classifier(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text)


def test_a_weapon_in_hand_is_still_danger() -> None:
    assert danger_rules().match("bedreiging met een mes, hij staat nu in de gang") is not None
