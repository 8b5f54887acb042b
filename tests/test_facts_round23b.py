"""Facts in the words of the twenty-third blind facts round, second part (nlu/dev/facts23):
a visitor told by whom they came for ("there with his neighbour who was the patient", "was
er voor zn buurvrouw", "collecting a prescription for someone else") or a friend said to be
no family is a visitor; "a guy I had just treated", "die ik eerder had geholpen", "zn eigen
recept" the patient; a relative quoted from an unknown sender says nothing; "Somebody on X
(@truthaboutcare)" and "no number shown" are unknown unless someone in care is named; a
handle in brackets after its platform, a dotted handle after the word for an account, "020 -
612 34 56" and a link in brackets over the name before it are the handle; "I work in the
wijk", "I was on night shift at kliniek noord" name the team, "wachtkamer van de hap:" does
not."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs.organisation import load_organisation
from dialogs.storyfacts import team_names
from nlu.facts import extract_facts
from tests.test_facts_round9 import NOW
from tests.test_facts_round13 import fact

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("lang", "text", "relation"),
    [
        # visitors, by whom they came for
        ("en", "some guy in the waiting room, there with his neighbour who was the patient,"
         " kept shouting", "bezoeker"),
        ("en", "a man who came with his next-door neighbour shouted at me", "bezoeker"),
        ("nl", "meneer bij de balie (was er voor zn buurvrouw) maakte fotos van mij", "bezoeker"),
        ("nl", "een man die daar met zijn buurman zat schold me uit", "bezoeker"),
        ("en", "man at the counter collecting a prescription for someone else called me an idiot",
         "bezoeker"),
        ("nl", "een vrouw die medicijnen kwam ophalen voor iemand anders schreeuwde", "bezoeker"),
        ("en", "Mr Bakker (client). Every time I visit, his neighbour comes over and stands too"
         " close", "bezoeker"),
        ("nl", "iemand die zich 'een bezorgde buurman' van meneer Koster (clt) noemt dreigde",
         "bezoeker"),
        # a friend who is no family
        ("nl", "bezoeker op de afd (vriend van een pt, geen familie) schreeuwde", "bezoeker"),
        ("en", "a visitor (friend of a patient, not family) threatened me", "bezoeker"),
        # the patient: treated by the melder, there for their own care
        ("en", "a guy I had just treated spat at me as I walked past", "patient"),
        ("en", "a woman we'd earlier stitched up came back and hit me", "patient"),
        ("nl", "kwam een man op me af die ik eerder die avond had geholpen", "patient"),
        ("nl", "een vrouw die we vorige week hadden behandeld dreigde me", "patient"),
        ("nl", "meneer aan de apotheekbalie werd boos omdat zn eigen recept nie klaar was",
         "patient"),
        ("en", "a man got angry because his own prescription was not ready", "patient"),
        # unknown: a relative quoted from an unknown sender, someone on a platform
        ("en", "someone keeps sending me whatsapps saying 'we know what you did to my father'."
         " dont know who it is", "onbekend"),
        ("nl", "mail: 'jij hebt mijn moeder laten vallen'. geen idee wie het stuurde", "onbekend"),
        ("en", "Somebody on X (@truthaboutcare) posted my name", "onbekend"),
        ("nl", "iemand op instagram, @zorgwaakhond, zette mijn foto online", "onbekend"),
        ("nl", "iemand op X (@waakzaam010) heeft mn adres gepost", "onbekend"),
        ("en", "texts to my private phone, no number shown, 'we know where you live'",
         "onbekend"),
        # ... but a patient named stays the patient
        ("en", "a patient called the ward phone 14 times. number was hidden", "patient"),
        ("nl", "een clt belde me met een afgeschermd nummer", "patient"),
        ("nl", "iemand op X (@d_b77) tagt me steeds. hij was vorige week patient bij ons",
         "patient"),
        # "iemand op X" alone may be known: asked
        ("nl", "iemand op instagram zette mijn foto online", None),
        # a relative harmed, in the words of the one who did it
        ("en", "woman at the counter screaming that we were killing her mother", "naaste"),
        ("nl", "hij riep dat jullie zijn vader laten creperen", "naaste"),
        # not these: the melder walking past, a neighbour coming out of his own house, a
        # friend with no word on family, seen before
        ("en", "a patient spat at me as I walked past", "patient"),
        ("en", "the neighbour of one of my clients shouted at me from across the street", None),
        ("en", "a man i had seen before spat at me", None),
        ("nl", "een man die ik niet had geholpen schold me uit", None),
        ("en", "a patient's mum said 'my son is sick'. i don't know who called later", "naaste"),
    ],
)  # fmt: skip
def test_who_did_it(lang: str, text: str, relation: str | None) -> None:
    assert fact("perpetrator_relation", text, lang=lang) == relation


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("a colleague keeps sending me snaps (snapchat: kevvv_92) with pics of my car",
         "kevvv_92"),
        ("hij stuurt me via snapchat (j.bakkerrr) fotos van mijn huis", "j.bakkerrr"),
        ("she messages me on instagram (lisa_b1990) every night", "lisa_b1990"),
        ("berichten via facebook messenger (Jolanda Kuipers) dat ik haar vader laat creperen",
         "Jolanda Kuipers"),
        ("(instagram: nurse.hater) he comments under my photos", "nurse.hater"),
        ("pt belt steeds naar de afdeling. nummer: 020 - 612 34 56", "020 - 612 34 56"),
        ("he calls from 06 - 12345678 every night", "06 - 12345678"),
        ("linkedin bericht van een 'Erik de Graaf' (linkedin.com/in/erikdegraaf1970) dat ik",
         "linkedin.com/in/erikdegraaf1970"),
        ("Instagram: een anoniem account 'zorg.klikker' reageert onder al mijn fotos",
         "zorg.klikker"),
        ("someone made a fake instagram account with my name, nurse.sophie.real, posting photos",
         "nurse.sophie.real"),
        ("A google review by 'Peter vd Berg' names me in full", "Peter vd Berg"),
        ("een review van 'Jan v.d. Veen' over mij", "Jan v.d. Veen"),
        # not these: a word or count in brackets, an abbreviation, a date range
        ("he keeps texting me on whatsapp (again) at night", None),
        ("she called me on whatsapp (2x) yesterday", None),
        ("an account, e.g. on instagram, posted my photo", None),
        ("op facebook (Team Noord) stond een bericht over mij", None),
        ("van 01 - 12 tot 04 - 12 kreeg ik berichten", None),
    ],
)  # fmt: skip
def test_the_handle(text: str, handle: str | None) -> None:
    assert fact("handle", text, lang="en") == handle


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he shoved me into the door frame. I work in the wijk (zuid).", "wijkzorg-zuid"),
        ("very tense, kept staring at me. I work in the wijk. it's Marieke", "wijkzorg-zuid"),
        ("pt kicked me in the shin. I was on night shift at kliniek noord.", "kliniek-noord"),
        ("ik had nachtdienst op kliniek noord toen hij me sloeg", "kliniek-noord"),
        ("i'm doing a late shift at the HAP and a man shouted at me", "huisartsenpost"),
        ("ik werk in de wijk", "wijkzorg-zuid"),
        # a scene alone is no team
        ("wachtkamer van de hap: vrouw gooide een stoel omver", None),
        ("gang van de kliniek: een man schreeuwde tegen me", None),
        ("a man at the entrance of the HAP was on night shift at the garage", None),
        ("Tom from the HAP here, a man hit me", "huisartsenpost"),
    ],
)  # fmt: skip
def test_the_team(text: str, expected: str | None) -> None:
    teams = team_names(load_organisation(ROOT / "config" / "organisation.example.yml"))
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", teams=teams)
    assert (found["team"].value if "team" in found else None) == expected
