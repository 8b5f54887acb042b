"""A twenty-sixth blind development round (nlu/dev/danger26, 85 danger-now and 65 past
messages per language; 0.89 / 0.89 recall and 9 / 14 % false alarms before): wrists cut and
pressure on the wound, not breathing and CPR started, someone about to jump or run onto the
motorway, a gas pipe hissing or "gas gas gas", a package that ticks, security called in
three words, a colleague overdue and not answering or whose alarm just went off, the man
who threatened the melder crossing towards them right now, a burglar in the staff room.
No alarm for a knife and fork, scissors for a collage, a razor for shaving, an onion cut
for the cooking night, a gas bill that "is insane", a bomb-threat exercise, a fire that is
out, "nu weer rustig", "geen beveiliging nodig", "hij is hier niet meer", "all fine now",
or a threat by phone from someone abroad. Rule names are unique (a twenty-sixth rule named
like an earlier one silently replaced that one's quick test)."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "pt cut her wrists in the shower, lots of blood, im pressing on it",
        "patient collapsed after the fight in the corridor, not breathing, we started CPR",
        "pt staat aan de verkeerde kant van het hek van de parkeergarage, 5e laag, roept dat ie "
        "springt",
        "moeder dreigt met het kind van het balkon te springen, ik ben binnen",
        "suicidal pt ran out onto the motorway, cars swerving",
        "gas pipe hit by the builders, hissing everywhere, patients still in the waiting room",
        "gas gas gas keuken wijkpost",
        "theres a package at the front desk nobody knows who left it and its ticking??",
        "sec to A&E asap",
        "bev spoed SEH",
        "Marieke is op huisbezoek bij dhr V. (die van de melding vorige maand), ze zou om 10 uur "
        "klaar zijn, is nu 11:15 en ze neemt niet op",
        "collega op de gesloten afd reageert niet op pieper, alarm ging daar net af",
        "colleague went into flat 23 for a visit 40 min ago, client is known violent, she's not "
        "answering her phone or the door",
        "sorry to bother, probably nothing, but the man who threatened me last month is "
        "crossing the road towards the clinic right now and staring at me",
        "inbreker in de personeelsruimte, hij heeft mij gezien",
        # earlier rounds' rules still fire beside the new ones
        "cliënte klimt over de brugleuning",
        "rn he's in the hallway with a hammer smashing the pictures, residents still in the lounge",
        "he's off again and now he's got the scissors from the craft room",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "The patient is holding a knife and fork and eating nicely for the first time this week",
        "Dhr zit met mes en vork keurig zn andijvie te eten",
        "Patient is holding scissors and cutting out pictures for his collage, very focused",
        "dhr zit met een schaar plaatjes te knippen voor zn collage, heel geconcentreerd",
        "Jongen staat nu in de keuken met een mes uien te snijden voor de kookavond, gaat "
        "hartstikke goed",
        "zit bij mw in de badkamer, ze heeft een scheermesje vast en scheert haar benen, gaat goed",
        "Bomb threat exercise next Thursday at 10, all staff expected",
        "Brand in de schuur is uit, brandweer is net vertrokken, alle jongeren zijn binnen",
        "vanmiddag ging een bew. door het lint, gooide een stoel om, nu weer rustig op zn kamer."
        " waar meld ik dit?",
        "hij is niet gevaarlijk, alleen luidruchtig. geen beveiliging nodig",
        "He is not dangerous, he's just loud. No need for security.",
        "Niemand gewond geraakt en hij is hier niet meer",
        "Flu jab clinic: a guy fainted and hit his nose, blood everywhere, all fine now lol",
        "Collega is net gebeld door haar ex die haar bedreigde, maar hij zit in Spanje. Ze is "
        "erg overstuur.",
    ],
)
def test_what_is_harmless_or_over_raises_no_alarm(text: str) -> None:
    assert danger_rules().match(text) is None
    assert not classifier_alarm(text), "harmless or over: the classifier is overruled"


@pytest.mark.parametrize(
    "text",
    [
        "ze heeft een scheermesje vast en snijdt in haar armen",
        "he is holding a knife to her throat at dinner",
        "brand in de keuken",
        "hij is hier",
        "he has gone crazy, smashing chairs",
    ],
)
def test_the_same_words_with_harm_still_alarm(text: str) -> None:
    assert danger_rules().match(text) is not None


def test_no_rule_fires_for_a_bill() -> None:
    assert danger_rules().match("The gas bill for the group home is insane this month") is None


def test_every_rule_has_its_own_name() -> None:
    names = Counter(name for name, _ in danger_rules()._patterns)
    assert [name for name, count in names.items() if count > 1] == []
