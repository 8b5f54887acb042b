"""Facts in the words of the eighteenth blind facts round: the melder's things taken or
broken ("kicked the side mirror off", "grabbed my phone and smashed it, he didn't touch me"),
a gun made with fingers, a weapon held at the melder,
waiting for the melder after the shift, remarks on the body and "in one piece" are
intimidation or words, not a blow; "kicked in the shin by a resident" and "kreeg een
elleboog in mn maag" are. Who did it: "pts daughter", "the son from the patient", a woman
with dementia, a new admission, a 14-year-old on the youth group, a review posted
anonymously. Where: a ward by its number or code, the youth group, the meds round, a room
at the clinic, "bij d'r thuis", a supermarket. The team in a tag after the story."""

from __future__ import annotations

import pytest

from nlu.facts import extract_facts
from tests.test_facts_round9 import NOW
from tests.test_facts_round11 import TEAMS
from tests.test_facts_round13 import fact


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "her husband was standing by my car and kicked the side mirror off", "persoonlijk"),
        (
            "en",
            "client grabbed my own phone off his kitchen table and smashed it on the floor. he"
            " didnt touch me",
            "persoonlijk",
        ),
        ("en", "a guy yanked my bag off my shoulder in the car park", "fysiek"),
        ("nl", "cl sloeg met zn vuist op de tafel en brulde dat ik moest ophoepelen", "verbaal"),
        ("nl", "Bewoner maakte met zn vingers een pistool en richtte het op mij", "persoonlijk"),
        ("nl", "jongere pakte een schaar van het bureau en hield die naar me toe", "persoonlijk"),
        (
            "nl",
            "Sinds een week staat de broer van een bewoner bij het fietsenhok buiten te wachten"
            " als mijn dienst erop zit",
            "persoonlijk",
        ),
        ("en", "the husband of a client said i have 'nice tits for a nurse'", "persoonlijk"),
        (
            "en",
            "he said he would make sure i didnt leave his house in one piece",
            "verbaal",
        ),
        ("en", "a patient at the desk called me incompetent, a stupid cow and a liar", "verbaal"),
        ("en", "kicked in the shin by a resident during a hoist transfer", "fysiek"),
        ("nl", "kreeg een elleboog in mn maag van een bewoner bij het douchen", "fysiek"),
        ("en", "mrs V pinches me really hard every time i help her out of bed", "fysiek"),
        (
            "en",
            "pt hurled a chair in my direction. didnt hit me but it landed right next to me",
            "fysiek",
        ),
    ],
)
def test_the_kind_of_aggression_of_the_eighteenth_round(lang: str, text: str, kind: str) -> None:
    assert fact("aro_category", text, lang=lang) == kind


@pytest.mark.parametrize(
    ("lang", "text", "relation"),
    [
        ("en", "pts daughter swore at me at the desk, today 9:15", "naaste"),
        ("en", "an old lady with dementia pulled my hair really hard", "patient"),
        ("en", "we had a new admission on our ward, young guy, he started shouting", "patient"),
        ("en", "youth group, a 14yo girl bit my forearm when i took her phone", "patient"),
        ("nl", "jongere op de groep pakte een schaar van het bureau", "patient"),
        ("en", "someone wrote a review with my name. posted anonymously last thursday", "onbekend"),
        (
            "nl",
            "Iemand stuurt mijn collega's berichten via LinkedIn. Het profiel is nep.",
            "onbekend",
        ),
        (
            "en",
            "meneer grabbed my backside with both hands. at his house, 7:40 this morning",
            "patient",
        ),
        ("nl", "een man die iets kwam afleveren voor de keuken gaf me een klap", "bezoeker"),
    ],
)
def test_who_did_it_in_the_eighteenth_round(lang: str, text: str, relation: str) -> None:
    assert fact("perpetrator_relation", text, lang=lang) == relation


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("nl", "pt sloeg me in mn gezicht. vannacht 03:30. afd 4", "ward"),
        ("en", "pt on 4B spat right in my face this morning", "ward"),
        (
            "en",
            "a visitor slammed the swing door into me as I came through with the meds trolley",
            "ward",
        ),
        ("nl", "jongere beet me in mn hand. vannacht rond kwart over 11. groep de Horizon", "ward"),
        ("en", "pt scratched my neck in his room during morning care. north clinic", "ward"),
        (
            "nl",
            "Mevrouw zee tegen mij da'k een stomme trut was. Bij d'r thuis, gister",
            "home_visit",
        ),
        ("nl", "stond gister in de Jumbo, komt de moeder van een jongere op me af", "other"),
        ("nl", "hij heeft een kras over mijn auto getrokken, op het parkeerterrein", "outside"),
    ],
)
def test_where_in_the_eighteenth_round(lang: str, text: str, place: str) -> None:
    assert fact("location_kind", text, lang=lang) == place


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("Sanne here, triage at the HAP. a man screamed at me", "huisartsenpost"),
        (
            "the dad put his fist up to my face. hap de linde sunday around 2 in the afternoon",
            "huisartsenpost",
        ),
        ("a visitor grabbed my upper arm hard. monday 4pm, ward 3 north clinic", "kliniek-noord"),
        ("full waiting room at the HAP yesterday, a patient shouted at me", None),
    ],
)
def test_the_team_in_a_tag_after_the_story(text: str, team: str | None) -> None:
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", teams=TEAMS)
    assert (found["team"].value if "team" in found else None) == team
