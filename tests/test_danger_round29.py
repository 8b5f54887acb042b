"""A twenty-ninth blind development round (nlu/dev/danger29, 70 danger-now and 80 past
messages per language; 0.86 / 0.96 recall and 7.5 / 5.0 % false alarms before, 1.0 / 1.0
and 2.5 / 1.3 % after): a fight or a stabbing as a headline, a place and a cry, security
not there yet, someone hammering at the window, a smashed bottle, someone who no longer
responds, an extinguisher sprayed at the staff, the man from work a few rows behind on the
train, a bomb said to go off soon, someone outside the melder's home. No alarm for a
question on the protocol for a case that has not happened, an exercise being prepared, a
patient who settled and talks to the doctor, a car that drove off, "hij zit geboeid"."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "brawl in the dayroom, 4 residents",
        "stabbing on ward 3",
        "gevecht in de huiskamer afd 2",
        "room 4 HELP",
        "two men kicking off at reception, security still not here",
        "beveiliging is er nog steeds niet en hij slaat met zn vuist op de balie",
        "nights, alone on the unit, the guy who got discharged this morning is at the window "
        "hammering and screaming my name",
        "Now the brother's come back drunk, he's smashed a bottle in the corridor",
        "hij heeft net een fles kapotgeslagen op de gang",
        "na de vechtpartij in de hal is een man neergevallen, reageert nie meer",
        "he's not responding and his lips are blue",
        "pt spuit de brandblusser leeg op ons",
        "clt pulled the extinguisher off the wall and is spraying it at us",
        "zit in de bus en die man van de balie zit 3 stoelen achter me",
        "he's sitting two rows behind me on the tram, same guy from the waiting room",
        "tweede telefoontje net, zegt dat er iets in de parkeergarage ontploft om 3 uur",
        "there's a guy sitting in a car outside my house, same one who threatened me today",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "what are the rules about restraint if a pt grabs a weapon? asking for the training module",
        "ward is doing lockdown practice tomorrow morning, we'll be simulating an intruder "
        "with a knife",
        "wat is de bedoeling als een clt weer met een mes gaat zwaaien tijdens een huisbezoek?",
        "als een bew de deur barricadeert met mij erin, wat is dan het protocol? wil t gwn "
        "weten voor de zekerheid",
        "pt was screaming 'I'll burn this place down' at handover. he settled and is talking "
        "to the psychiatrist now",
        "okay update: the man outside the house drove off 40 min ago and hasn't come back. "
        "I'm inside with my husband.",
        "politie is er, hij zit geboeid in de auto. wij zijn allemaal oké, dank",
        "update: die auto die voor mn huis stond is weggereden, ben al een uur binnen met de "
        "deur op slot",
        "there was a fight in the dayroom yesterday, all settled now",
        "last week there was a stabbing on ward 3, the patient is on another ward now",
    ],
)
def test_what_is_asked_or_over_raises_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "no danger now: the classifier is overruled"


@pytest.mark.parametrize(
    "text",
    [
        "de politie is nog steeds niet langs geweest voor mijn aangifte",
        "hij reageert niet op mijn berichten sinds gisteren",
        "he's not responding to my emails about the complaint",
        "is het normaal dat ik een dag later nog tril nadat iemand een spuit op me richtte",
        "the man who sat behind me on the bus last week was the patient's son",
        "vorige week zei een beller dat er iets in de hal zou ontploffen",
    ],
)
def test_the_same_words_about_something_else_fire_no_rule(text: str) -> None:
    assert danger_rules().match(text) is None


@pytest.mark.parametrize(
    "text",
    [
        # the police leaving is no all-clear
        "the son says he'll finish me as soon as the police are gone, and the police just "
        "drove off",
        "politie is weg maar hij staat nu weer met een mes in de gang",
    ],
)
def test_danger_now_after_words_of_leaving_still_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None or classifier_alarm(text)
