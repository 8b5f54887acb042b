"""Facts from opening stories in the words of the twelfth blind development round: the
latest time of what keeps happening as the day, British "half 4", an approximate time
written as a clock time; visiting hours (no visitor), a guess in brackets, a relative of a
former patient, the one after "door", a sender said unknown, an outing with a client; a
day care room, the corridor by the offices, a place in what someone said, going into a
client's home, a relative's room in a care home; sexual talk and remarks on clothes, a
door slammed beside shouting, "de volgende keer"; "appen"; a reviewer called '...', a
username; the manager as "she" a sentence on, "already told"; "put it on tiktok"; a team
in a tag with a day, time or shift, the staff car park."""

from __future__ import annotations

import pytest

from nlu.facts import extract_facts
from tests.test_facts_round9 import NOW, fact

TEAMS = {
    "huisartsenpost": ["Huisartsenpost De Linde", "HAP", "huisartsenpost"],
    "kliniek-noord": ["Kliniek Noord", "North Clinic", "de kliniek"],
    "wijkzorg-zuid": ["Wijkverpleging Zuid", "wijkzorg"],
}


@pytest.mark.parametrize(
    ("text", "when"),
    [
        # the latest time of what keeps happening is the report's day
        (
            "a relative keeps phoning me at home, the last one was on saturday",
            {"date": "2026-11-28"},
        ),
        (
            "bewoner blijft me uitschelden, de laatste keer was gisteren om 14:10",
            {"date": "2026-12-01", "time": "14:10"},
        ),
        # British "half 4" after an English word is half past four
        (
            "a man swore at me at the desk, monday around half 4 in the afternoon",
            {"date": "2026-11-30", "time": "16:30", "approximate": True},
        ),
        # an approximate time written as a clock time is one
        (
            "dhr greep mijn arm, 27 november rond 10:00",
            {"date": "2026-11-27", "time": "10:00", "approximate": True},
        ),
    ],
)
def test_when(text: str, when: dict[str, object]) -> None:
    assert fact(text, "when") == when


@pytest.mark.parametrize(
    "text",
    [
        # said to go on, or since when: the latest time is no single day
        "he keeps texting me, latest one yesterday, and he is still at it",
        "sinds de zomer mailt hij me, de laatste kwam afgelopen zondag",
    ],
)
def test_the_latest_time_of_what_still_goes_on_is_no_day(text: str) -> None:
    assert fact(text, "when") in (None, {"choice": "ongoing"})


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("a resident hit me because visiting hours were over", "patient"),
        ("a visitor (a friend of the patient, i think) kicked me", "bezoeker"),
        ("got a threatening e-mail from the sister of a former client", "naaste"),
        ("ik werd door een client op de gang geduwd", "patient"),
        ("dreigmail op mijn werkadres gekregen. de afzender is onbekend", "onbekend"),
        ("I went with a resident to the dentist and in the waiting room she slapped me", "patient"),
    ],
)
def test_who_did_it(text: str, who: str) -> None:
    assert fact(text, "perpetrator_relation") == who


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("a client threw a cup at me in the day care room", "ward"),
        ("client schopte me in de dagbestedingsruimte", "ward"),
        ("a visitor shouted at me in the hallway near the offices", "other"),
        ("hij schold me uit op de gang bij de kantoren", "other"),
        ("pt zei 'ik weet je auto te vinden op de parkeerplaats'. op de afdeling gebeurd", "ward"),
        ("de man van een client duwde me toen ik bij haar moeder naar binnen ging", "home_visit"),
        ("the son of a resident shoved me out of his dad's room", "ward"),
        ("went with a client to the hospital for a scan and in the hallway he pushed me", "other"),
    ],
)
def test_where(text: str, place: str) -> None:
    assert fact(text, "location_kind") == place


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("a resident kept saying sexual things to me during the wash", "persoonlijk"),
        ("he said I'd look nicer without my uniform", "persoonlijk"),
        ("meneer zei dat ik zo strak in mijn uniform zat", "persoonlijk"),
        # a door slammed beside shouting is part of the shouting
        ("hij schreeuwde tegen me en gooide toen de deur dicht", "verbaal"),
        # "de volgende keer" is no following
        ("hij riep dat hij me de volgende keer zou pakken", "verbaal"),
    ],
)
def test_what_was_done(text: str, kind: str) -> None:
    assert fact(text, "aro_category") == kind


def test_a_door_slammed_alone_is_intimidation() -> None:
    assert fact("pt smeet de deur zo hard dicht dat het glas brak", "aro_category") == "persoonlijk"


def test_appen_is_whatsapp() -> None:
    assert fact("zijn zus appt me elke avond", "platform") == "whatsapp"


@pytest.mark.parametrize(
    ("text", "handle"),
    [
        ("a bad review about me, the reviewer is called 'Jan de Wit'", "Jan de Wit"),
        ("hij stuurt snaps, gebruikersnaam: keesje", "keesje"),
    ],
)
def test_handle(text: str, handle: str) -> None:
    assert fact(text, "handle") == handle


@pytest.mark.parametrize(
    ("text", "exclude"),
    [
        ("my supervisor screamed at me. she's the one, so he shouldn't see this", True),
        ("my team lead was already informed, he's fine reading this", False),
    ],
)
def test_line_manager(text: str, exclude: bool) -> None:
    assert fact(text, "exclude_line_manager") is exclude


def test_where_it_was_posted_is_no_name_wish() -> None:
    text = "a visitor filmed me and put it on instagram with mean comments"
    assert fact(text, "anonymous") is None


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("pt beet me. maandag 14:00 avonddienst kliniek noord", "kliniek-noord"),
        ("a man spat at me. friday 9pm, HAP De Linde", "huisartsenpost"),
        ("een briefje op mijn fiets in de personeelsstalling van de kliniek", "kliniek-noord"),
    ],
)
def test_team(text: str, team: str) -> None:
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", teams=TEAMS)
    assert found["team"].value == team
