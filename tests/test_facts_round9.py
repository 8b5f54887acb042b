"""Facts from opening stories in the words of the ninth blind development round
(nlu/dev/facts9): what was done told as grabs, stares and gestures; a waiting room, a
medication room, a bike shed; who did it told as a taxi driver, someone calling for his
mother, a hidden number or 'geen patiënt'; names signed with initials or in brackets; an
ongoing threat told as 'three weeks now'."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from nlu.facts import extract_facts

NOW = datetime(2026, 12, 2, 10, tzinfo=ZoneInfo("Europe/Amsterdam"))  # a Wednesday


def fact(text: str, name: str) -> object:
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", only=[name])
    return found[name].value if name in found else None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("he grabbed me by the wrist and wouldn't let go", "fysiek"),
        ("ze trok aan mijn haren bij het wassen", "fysiek"),
        ("he tried to hit me but I stepped back", "fysiek"),
        ("he stood really close to my face and kept staring at me", "persoonlijk"),
        ("hij bleef me aanstaren en maakte seksuele gebaren", "persoonlijk"),
        ("hij stond bij mijn auto te wachten toen mijn dienst klaar was", "persoonlijk"),
        ("he took photos of me on the ward without asking", "persoonlijk"),
        ("he called me names and told me to piss off", "verbaal"),
        ("hij riep dat ik moest oprotten", "verbaal"),
    ],
)
def test_what_was_done(text: str, kind: str) -> None:
    assert fact(text, "aro_category") == kind


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("a man in the waiting room started shouting at me", "reception"),
        # the taxi driver is who, not where
        ("the taxi driver who brings him in shouted at me in the waiting room", "reception"),
        ("in de taxi naar huis greep hij mijn arm", "other"),
        ("in de wachtkamer begon een vrouw te schelden", "reception"),
        ("in de medicatiekamer duwde hij me tegen de kast", "ward"),
        ("bij het fietsenhok stond hij me op te wachten", "outside"),
        ("on my way home he followed me to the station", "outside"),
        ("when I came to his flat for the insulin he threatened me", "home_visit"),
        ("als ik bij meneer de Vries kom begint hij te schelden", "home_visit"),
        ("a relative of a resident insulted me in the hallway of the nursing home", "ward"),
    ],
)
def test_where(text: str, place: str | None) -> None:
    assert fact(text, "location_kind") == place


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        ("een man die belde voor zijn moeder schold me uit", "naaste"),
        ("a woman who was there with her sick child screamed at me", "naaste"),
        ("the taxi driver who brings him in shouted at me", "bezoeker"),
        ("de bezorger werd boos toen ik de deur niet opendeed", "bezoeker"),
        ("het was geen patiënt, gewoon iemand uit de buurt", "bezoeker"),
        ("iemand belde met een afgeschermd nummer en dreigde me", "onbekend"),
        ("he called from a hidden number and said he'd find me", "onbekend"),
        ("the lady I visit for her insulin slapped me", "patient"),
    ],
)
def test_who_did_it(text: str, relation: str | None) -> None:
    assert fact(text, "perpetrator_relation") == relation


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("mag met naam. groeten van J. Mulder", "J. Mulder"),
        ("you can use my name (Marta K.)", "Marta K."),
        ("he shouted at me at the desk. this is from Sanne, with my name please", "Sanne"),
    ],
)
def test_names_signed(text: str, name: str) -> None:
    assert fact(text, "reporter_name") == name


@pytest.mark.parametrize(
    "text",
    [
        "he has been sending me messages for three weeks now",
        "it has gone on since the start of the year",
        "steeds als ik bij hem kom begint hij weer",
    ],
)
def test_still_going_on(text: str) -> None:
    assert fact(text, "when") == {"choice": "ongoing"}


def test_what_a_post_says_is_not_ongoing() -> None:
    text = "gisteren een review geplaatst waarin ze schrijft dat ik steeds fouten maak"
    assert fact(text, "when") != {"choice": "ongoing"}


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("zo-even schold een man me uit", "2026-12-02"),
        ("zoeven belde hij weer", "2026-12-02"),
    ],
)
def test_just_now_is_today(text: str, when: str) -> None:
    value = fact(text, "when")
    assert isinstance(value, dict)
    assert value["date"] == when


def test_a_manager_to_keep_out_said_as_a_wish() -> None:
    text = "I would prefer my supervisor is not informed about this"
    assert fact(text, "exclude_line_manager") is True
