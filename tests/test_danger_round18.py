"""An eighteenth blind development round: danger now told without an emergency word (keys
taken and locked in, a gas smell, stopped in a lift with the man who threatened the
melder, a colleague dragged off, boxed in in a car park, "HELP" in capitals), and past
messages that read as now (in custody, at the police station, "politie heeft m nu",
"niemand was in gevaar", a daughter's what-if)."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "hes got my keys and locked us in",
        "hij heeft mn sleutels gepakt en ons opgesloten",
        "strong gas smell and the client keeps turning the knobs on the stove",
        "sterke gaslucht, cliënt draait steeds aan de knoppen van het fornuis",
        "im in the lift and the guy who threatened me last week just got in and pressed stop",
        "die man die me vorige week bedreigde staat nu hier aan de balie",
        "collega wordt door een bezoeker van de afdeling afgesleurd",
        "parkeergarage -2 twee mannen hebben me klemgezet",
        "HELP",
        "HULP!!",
    ],
)
def test_danger_now_without_an_emergency_word_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "help",
        "the man who threatened me last month was at reception yesterday",
        "my colleague just came in and said the man who threatened me was arrested",
        "gaslucht bleek het riool te zijn, netbeheerder heeft het gisteren gecontroleerd",
        "in de lift drukte hij gisteren op de noodstop, ik was zo bang",
    ],
)
def test_what_only_looks_like_it_raises_no_rule(text: str) -> None:
    assert danger_rules().match(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "My hands are still trembling. The guy with the bat is in custody now.",
        "mn handen trillen nog. de man met de knuppel zit nu op het bureau",
        "er kwam een dreigbrief aan mij gericht binnen bij de apotheek. politie heeft m nu",
        "hij was dronken en aan het schreeuwen maar niemand was in gevaar, is met een taxi"
        " naar huis",
        "mn dochter vroeg wat ik zou doen als er een man met een pistool de praktijk"
        " binnenkwam. wist niet wat ik moest zeggen",
        "gast komt naar de balie, noemt me een hoer, gooit zn recept naar me en loopt weg."
        " gistermiddag gebeurd",
    ],
)
def test_what_is_over_raises_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)
