"""Facts from opening stories in the words of the tenth blind development round
(nlu/dev/facts10): clients named by title or abbreviation ("dhr gooide", "kneep mw. me",
"clt trok me", "a pt's wife", "Clt's brother"), a former client also from a hidden number, a
fist raised but no blow, a door slammed in the face, a room by its number, the medication
trolley, "by my car", and the GP post told as "ik assisteer op de hap"."""

from __future__ import annotations

import pytest

from nlu.facts import extract_facts
from tests.test_facts_round9 import NOW, fact


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("dhr gooide zn koffiemok naar me toen ik zn steunkousen wilde aantrekken", "patient"),
        ("afgelopen weekend kneep mw. me zo hard in mn arm tijdens de wondzorg", "patient"),
        ("clt trok me aan mn haar toen ik haar uit bed hielp", "patient"),
        ("mr D grabbed my wrist and twisted it while I was giving his insulin", "patient"),
        ("a pt's wife scratched my arm when I tried to stop her", "naaste"),
        ("Clt's brother told me in her hallway that he knows where my kids go to school", "naaste"),
        ("Mrs T's partner yelled at me in her living room", "naaste"),
        ("gisteren bij een patiënt thuis begon zn broer tegen me te schreeuwen", "naaste"),
        (
            "a former client phoned my work mobile and said he'd burn my car. number was withheld",
            "patient",
        ),
        ("krijg sms'jes van een ex-cliënt van ons, sinds oktober elke paar dagen", "patient"),
        ("Someone on the street next to our car park threw an egg at me", "onbekend"),
        (
            "a 1-star google review says 'this nurse will pay'. posted by 'Truthteller88'",
            "onbekend",
        ),
        (
            "grandson of one of my clients has been hanging around, I think he followed me home",
            "naaste",
        ),
        # a guess about who it was still leaves it open
        ("I think it was the son of a patient who shouted at me", None),
    ],
)
def test_who_did_it(text: str, who: str | None) -> None:
    assert fact(text, "perpetrator_relation") == who


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("clt dhr B. hief z'n vuist naar me op bij de medicijnkar. sloeg niet", "persoonlijk"),
        (
            "The husband of a patient slammed the door of the nurses station in my face",
            "persoonlijk",
        ),
        ("pt kwam met zn gezicht vlak bij het mijne staan en ademde heel zwaar", "persoonlijk"),
        ("eergisteren sloeg mw. me bij het douchen met de douchekop", "fysiek"),
    ],
)
def test_what_was_done(text: str, kind: str) -> None:
    assert fact(text, "aro_category") == kind


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Visitor to room 12 swore at me when I asked him to leave", "ward"),
        ("gisteravond gooide dhr. van kamer 12 zn dienblad naar me", "ward"),
        ("clt hief z'n vuist naar me op bij de medicijnkar", "ward"),
        ("patient's boyfriend was waiting by my car when i came out", "outside"),
        ("clients son blocked the front door of her house when i wanted to leave", "home_visit"),
        ("de kleinzoon van mw. duwde me bij haar in de hal tegen de kapstok", "home_visit"),
    ],
)
def test_where(text: str, place: str) -> None:
    assert fact(text, "location_kind") == place


def test_the_gp_post_told_as_where_the_melder_assists() -> None:
    teams = {
        "huisartsenpost": ["Huisartsenpost De Linde", "HAP"],
        "kliniek-noord": ["Kliniek Noord"],
    }
    text = "ik assisteer op de hap. gistermiddag werd dhr boos"
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", teams=teams)
    assert found["team"].value == "huisartsenpost"
