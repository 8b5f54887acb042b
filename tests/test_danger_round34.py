"""A thirty-fourth blind development round (nlu/dev/danger34, 70 danger-now and 90 past
messages per language, written so that only tense and time tell now from earlier; 0.89 /
0.97 recall and 7.8 / 8.9 % false alarms before, 1.0 / 0.99 and 0 / 0 % after): a present
participle or "security not here yet" after a comma is a new clause ("picked up a big bit
of glass, standing in front of the only exit"), still going after smashing the tv, holding
it now, his car parked across from the melder's home, barged back in, on the window ledge
("says if I come closer he jumps" is now), "staan nu met stoelen te gooien". No alarm for
a story dated by an aside ("this is sunday evening I'm talking about", "was dinsdag in de
avonddienst", "zondag, laat in de avond.", "dat was begin deze week", "it's all on cctv
from last night", "that's what our new pt did on his first day"), "eind van de dienst,
eindelijk tijd om in te vullen:", a de-escalation scenario, a worry about the next home
visit, what the protocol calls an emergency, a fire put out quickly and 1:1 obs, "nu is ie
weer de oude", a laughing emoji after a threat."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "He's broken the lounge window and picked up a big bit of glass, standing in front of "
        "the only exit",
        "ED cubicle 5 pt pulled a blade, security not here yet",
        "dad came in drunk, already smashed the tv, still going",
        "client had a knife last week and we took it off him. he's found another one, holding "
        "it now",
        "he followed me home last night too, and now his car is parked across from my house",
        "the visitor I reported yesterday is here again. right now. in the corridor",
        "he's up on the window ledge, 3rd floor, says if I come closer he jumps",
        "tonight's been fine till now, but he's just barged back onto the unit",
        "na de lunch kreeg ie bezoek van zn broer en die staan nu samen met stoelen te gooien",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "my colleague says if I eat the last biscuit she'll kill me 😂",
        "so he's shouting, he's throwing the cups, he's pulling the curtains down - this is "
        "sunday evening I'm talking about, it's taken me till now to write it",
        "he stands there, fists up, right in my face. next thing, two porters are holding him. "
        "it's all on cctv from last night",
        "he's got a screwdriver in his hand and he's going 'who's first' - that's what our new "
        "pt did on his first day, three weeks ago",
        "we're doing a de-escalation scenario tomorrow: 'pt has a knife and is standing at the "
        "exit'. any tips on making it realistic?",
        "worried about my home visit to him on monday. last time he locked the door. can "
        "someone come with me?",
        "pt set fire to the bin in his room this afternoon, put out quickly, room's been "
        "cleaned, he's on 1:1 obs now",
        "ze zit op de trap met een glasscherf en zegt dat wie naar boven komt t gaat merken. "
        "zondag, laat in de avond. wil t gwn even kwijt",
        "hij heeft de deur van de keuken op slot gedaan en ik kon er nie uit, na een kwartier "
        "deed ie open. was dinsdag in de avonddienst, nu is ie weer de oude",
        "hij pakt de waterkoker, gooit t water naar me... gelukkig miste ie. dat was begin deze "
        "week, ben er nog steeds van geschrokken",
        "bew had vannacht brand gesticht in de prullenbak, snel geblust, kamer is schoongemaakt "
        "en hij heeft nu 1 op 1 begeleiding",
        "wanneer is iets een 'noodsituatie' volgens t protocol?",
        "eind van de dienst, eindelijk tijd om in te vullen: vechtpartij tussen 2 bew bij t "
        "ontbijt, ik kreeg een elleboog tegen mn kaak",
        "ging om ruzie over de afstandsbediening. bew gooide de stoel, raakte me aan mn been. "
        "nu zit ie op zn kamer en is t rustig",
    ],
)
def test_stories_dated_or_closed_raise_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "told after the fact: the classifier is overruled"


def test_a_training_talked_about_does_not_hide_danger_now() -> None:
    text = (
        "We discussed the de-escalation training at our team meeting today. Funny timing "
        "though, because the patient in bay 4 just went for the HCA and has her pinned "
        "against the wall"
    )
    assert danger_rules().match(text) is not None
