"""Facts in the words of the twentieth blind facts round (nlu/dev/facts20): "a week ago" is a
day; the way home known, waiting at the melder's car, their car scratched and "I know your
car" are personal; "zei dat hij de boel kort en klein kwam slaan" is words, not a blow;
"One of our youths", "clnt" and "Mrs. Bakker's nephew" say who; a patient file, a client's
neighbour and the melder's own private number do not; "whatsapping", "snapt me" name the
app; an anonymous account is no wish to be anonymous; a numbered room names the ward and
tags the team; "Ruben van Kliniek Noord" is Ruben."""

from __future__ import annotations

import pytest

from nlu.facts import extract_facts
from tests.test_facts_round9 import NOW
from tests.test_facts_round11 import TEAMS
from tests.test_facts_round13 import fact


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Ward B, North Clinic, a week ago.", "2026-11-25"),
        ("Kliniek Noord, afd B, een week geleden.", "2026-11-25"),
        ("twee weken geleden op de afdeling", "2026-11-18"),
    ],
)
def test_weeks_ago_are_a_day(text: str, day: str) -> None:
    assert fact("when", text, lang="en") == {"date": day}


@pytest.mark.parametrize(
    ("lang", "text", "kind"),
    [
        ("en", "a patient was waiting next to my car and said he knows which way I drive home",
         "persoonlijk"),
        ("nl", "Patiënt stond bij mijn auto te wachten toen ik klaar was", "persoonlijk"),
        ("en", "Somebody scratched 'bitch' into the paint of my car on Thursday", "persoonlijk"),
        ("nl", "Iemand heeft 'vuile hoer' in de lak van mn auto gekrast", "persoonlijk"),
        ("en", "the brother got right in my face and said 'watch yourself, I know your car'",
         "persoonlijk"),
        ("nl", "Meneer zei dat hij de boel kort en klein kwam slaan als zijn vrouw geen visite"
         " kreeg.", "verbaal"),
        ("nl", "hij kwam binnen en sloeg me", "fysiek"),
        # left to the melder: the writers of two rounds disagree
        ("en", "a former patient said he knows where my kids go to school", None),
    ],
)  # fmt: skip
def test_the_kind_of_aggression(lang: str, text: str, kind: str | None) -> None:
    assert fact("aro_category", text, lang=lang) == kind


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("One of our youths (16) threw his plate at me at dinner", "patient"),
        ("clnt kicked me in the shin wen i was putting on his stockings", "patient"),
        ("Mrs. Bakker's nephew turned up and called me a lazy cow", "naaste"),
        ("The locum doctor threw a patient file at me", None),
        ("the neighbour of one of my clients shouted at me from across the street", None),
        ("A client phoned my private number at 2 am on Sunday", "patient"),
        ("someone called me from a private number", "onbekend"),
        ("The Instagram account @linde_exposed (anonymous) is posting pictures of us", "onbekend"),
    ],
)
def test_who_did_it(text: str, relation: str | None) -> None:
    assert fact("perpetrator_relation", text, lang="en") == relation


@pytest.mark.parametrize(
    ("lang", "text", "platform"),
    [
        ("en", "ex client keeps whatsapping my work phone from 06 12345678", "whatsapp"),
        ("nl", "Broer van een patiënt snapt me steeds met rare foto's", "snapchat"),
    ],
)
def test_the_app_as_a_verb(lang: str, text: str, platform: str) -> None:
    assert fact("platform", text, lang=lang) == platform


@pytest.mark.parametrize(
    ("lang", "text", "anonymous"),
    [
        ("en", "An anonymous X account @zorgwaakhond posted my name", None),
        ("en", "The Instagram account @linde_exposed (anonymous) is posting pictures", None),
        ("nl", "ik wil anoniem blijven, iemand stuurt me berichten", True),
        ("nl", "Ik ben Joris, je mag mijn naam gewoon gebruiken.", False),
    ],
)
def test_an_anonymous_account_is_no_wish(lang: str, text: str, anonymous: bool | None) -> None:
    assert fact("anonymous", text, lang=lang) == anonymous


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("client hit me in the face during morning care, room 12 on North Clinic", "ward"),
        ("clt sloeg me tijdens de ochtendzorg, kamer 14 kliniek noord", "ward"),
        ("This didn't happen on the ward but outside in the smoking area", "outside"),
        ("The elderly gentleman I visit at home has been making sexual remarks", "home_visit"),
        ("Meneer waar ik al weken elke ochtend kom maakt seksuele opmerkingen", "home_visit"),
        ("riep iemand vanaf een balkon naar me toen ik uit de auto stapte", "outside"),
    ],
)
def test_the_place(text: str, place: str | None) -> None:
    assert fact("location_kind", text, lang="en") == place


def read(text: str) -> dict[str, object]:
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", teams=TEAMS)
    return {name: f.value for name, f in found.items()}


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("clt sloeg me vanochtend in mn gezicht, kamer 14 kliniek noord", "kliniek-noord"),
        ("Tuesday 1 December, 14:10, North Clinic ward 2: patient threw a chair at me",
         "kliniek-noord"),
        ("Hi, Mark here from North Clinic, fine to use my name", "kliniek-noord"),
        ("Zaterdagochtend zat ik bij de HAP aan de telefoon bij de balie", "huisartsenpost"),
        # the scene only: where the melder works is asked
        ("Someone spat at me in the car park of North Clinic on Thursday evening", None),
    ],
)  # fmt: skip
def test_the_team_from_a_tag_not_a_scene(text: str, team: str | None) -> None:
    assert read(text).get("team") == team


def test_a_name_said_with_the_team_is_the_name() -> None:
    text = "Ik ben Ruben van Kliniek Noord, naam mag erbij."
    assert read(text)["reporter_name"] == "Ruben"
