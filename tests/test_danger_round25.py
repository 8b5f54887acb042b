"""A twenty-fifth blind development round (nlu/dev/danger25, 82 danger-now and 60 past
messages per language; 0.90 / 0.92 recall and 1.6 / 10 % false alarms before): an ex
staring in "right now" while he "has a restraining order" (the ban read as the close of
the story), a colleague out of reach at a violent client's house or who sent only 'help',
someone at the kitchen window or tapping on it, "he texted 'im outside'. hes outside", a
gas smell "really strong", "wurgen!! bed 6!! kom", a throat squeezed, a colleague heard
screaming behind a locked door. No alarm for a course question, someone who "staat nu niet
meer voor de deur", "wie heeft het broodmes meegenomen", a suspicious parcel that "bleek
labmateriaal", "zit nu vast", or "nu ... niet gewond"."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "my ex is standing outside the clinic window staring at me right now, he has a "
        "restraining order",
        "mn ex staat nu voor het raam van de praktijk naar me te staren, hij heeft een "
        "contactverbod",
        "my colleague dana isnt answering, she's at the house of the guy who threatened her "
        "last week, her car is still there, its been over an hour",
        "collega dana neemt niet op, ze is bij die man die haar vorige week bedreigde, auto "
        "staat er nog, al meer dan een uur",
        "collega op wijkronde stuurde net alleen 'help' en verder niks",
        "there's someone at my kitchen window in the garden",
        "er staat iemand in mn tuin bij het keukenraam",
        "night shift alone, someone is tapping on my window, i can see a shadow",
        "he just texted 'im outside'. hes outside. what do i do",
        "really strong gas smell in the stairwell of the flat where im doing wound care",
        "wurgen!! bed 6!! kom",
        "dronken man in de wachtruimte van de hap knijpt zn vriendin de keel dicht",
        "bewoner heeft collega de linnenkamer in getrokken en de deur op slot gedaan, we horen "
        "haar gillen",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "teaching module: how do you de-escalate someone holding a broken bottle? need it for "
        "the course",
        "lesmodule: hoe de-escaleer je iemand met een kapotte fles? nodig voor de cursus",
        "hij staat nu niet meer voor de deur, ging weg toen de buurman naar buiten kwam. ben "
        "geschrokken maar ok",
        "wie heeft het goede broodmes uit de pantry van de afd weer meegenomen",
        "hij dreigde dat hij 'ooit' mn auto in de fik steekt. zit nu vast. hoe doe ik aangifte",
        "het verdachte pakket bij de balie bleek labmateriaal, politie heeft alles vrijgegeven",
        "gisteren stond er iemand in mn tuin",
    ],
)
def test_what_is_over_or_asked_raises_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "told as over or asked: the classifier is overruled"


@pytest.mark.parametrize(
    "text",
    [
        "clt gooide een uur geleden een beker naar me, ben de woning uit en sta nu geparkeerd "
        "bij kantoor, niet gewond",
        "the window cleaner is at my window",
    ],
)
def test_no_rule_fires_for_what_is_not_danger(text: str) -> None:
    assert danger_rules().match(text) is None
