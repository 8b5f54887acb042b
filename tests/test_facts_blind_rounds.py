"""Facts from opening stories in the words the seventh and eighth blind development rounds
(nlu/dev/facts7, nlu/dev/facts8) found missed: a clock time right after its day, a signed
first name, a relative who only looked on, a blow that missed, rooms of a group or ward, a
line manager let in with a reason; more of what goes on, a client's room on a ward, someone
off the street, a blow received."""

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
    ("text", "when"),
    [
        ("patient spuugde in mijn gezicht. gisteren 16.50 kliniek noord", ("2026-12-01", "16:50")),
        ("Gisteren 16.50, net klaar met mijn dienst.", ("2026-12-01", "16:50")),
        ("zondag 23.15 schold hij me uit", ("2026-11-29", "23:15")),
        ("spat on at the front desk hap 2day 8:45 by a patient", ("2026-12-02", "08:45")),
        ("monday night around 10 he yanked my bag", ("2026-11-30", "22:00")),
        ("this night around 2 am a man rang at the desk", ("2026-12-02", "02:00")),
        ("someone scratched my car sat night", ("2026-11-28", None)),
        # at night an hour is the night's own
        ("last night around 2 he called", ("2026-12-02", "02:00")),
        ("vannacht rond 3en gooide hij de koffiekan", ("2026-12-02", "03:00")),
        # not a day: "sat" as a verb, an amount after a day
        ("I sat next to him on monday", ("2026-11-30", None)),
        ("gisteren 10.000 euro schade", ("2026-12-01", None)),
    ],
)
def test_a_time_right_after_its_day(text: str, when: tuple[str, str | None]) -> None:
    value = fact(text, "when")
    assert isinstance(value, dict)
    assert (value["date"], value.get("time")) == when


@pytest.mark.parametrize(
    ("text", "relation"),
    [
        # the client did it; his wife or family only looked on
        (
            "client hit me with his walking stick monday during a home visit. his wife kept "
            "apologising",
            "patient",
        ),
        (
            "resident keeps making comments about my body. his family says hes just confused",
            "patient",
        ),
        ("een man die ik nooit eerder had gezien liep achter me aan", "onbekend"),
        ("Maandag belde een man voor zijn vrouw met buikpijn en schold me uit", "naaste"),
        ("a woman calling about her husband told me she'd come over and stab me", "naaste"),
        ("de buurman die voor hem zorgt stond op straat op me te wachten", "naaste"),
        (
            "I visit Mr. Jansen 3 times a week. his son who lives with him keeps following me",
            "naaste",
        ),
        ("kid from the group kicked me in the shin yesterday", "patient"),
        ("gooide een jeugdige van de groep een stoel naar me", "patient"),
        (
            "At Mrs. Jansen's home this morning she yanked my hair while I was washing her",
            "patient",
        ),
        ("mnr spuugde me vol in mn gezicht bij hem thuis", "patient"),
        # a guess is no fact
        ("a review calling me a murderer. might be a patient, might not, no idea", None),
    ],
)
def test_who_did_it(text: str, relation: str | None) -> None:
    assert fact(text, "perpetrator_relation") == relation


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("a patient took a swing at me at the reception desk, missed me by an inch", "fysiek"),
        ("een patient probeerde me te slaan", "fysiek"),
        ("hij haalde naar me uit", "fysiek"),
        (
            "bij een huisbezoek gooide de zoon van de cliënt een asbak naar me. mis gelukkig.",
            "fysiek",
        ),
        # a blow only threatened stays words
        ("hij dreigde me te slaan", "verbaal"),
    ],
)
def test_a_blow_that_missed_is_physical(text: str, kind: str) -> None:
    assert fact(text, "aro_category") == kind


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("een patiënt kneep keihard in mijn bovenarm op kamer 12", "ward"),
        ("a resident pinched my arm really hard in room 12 during the evening round", "ward"),
        ("in de medicatieruimte duwde hij me opzij", "ward"),
        ("one of the young people from our group threw his plate at me in the living room", "ward"),
        ("a visitor of room 6 screamed at me in the hallway", "ward"),
        (
            "Vannacht om kwart over 4 aan de telefoon op de triage schold een man me uit",
            "reception",
        ),
        ("At Mrs. Jansen's home this morning she yanked my hair", "home_visit"),
        ("ik was bij een cliënte in de woonkamer voor de wondzorg", "home_visit"),
        # meneer Bakker is no bakery
        (
            "toen ik bij meneer Bakker naar buiten liep, stond hij op straat voor het huis",
            "outside",
        ),
        # a living room alone may be the client's
        ("he shouted at me in the living room", None),
    ],
)
def test_where_in_other_rooms(text: str, place: str | None) -> None:
    assert fact(text, "location_kind") == place


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        (
            "Please keep this between me and the aandachtsfunctionaris, my manager doesn't "
            "need to be involved.",
            True,
        ),
        ("My boss knows and wants me to report it, so it can go to her as well.", False),
        ("My manager can be included.", False),
        ("Naar mijn leidinggevende mag, die weet er al van.", False),
        (
            "Ik heb het al aan mijn leidinggevende verteld en die wil dat ik het meld, dus die mag "
            "het zeker zien.",
            False,
        ),
        # only mentioned: nothing decided
        ("my manager Erik came in to help out", None),
    ],
)
def test_line_manager_with_a_reason(text: str, excluded: bool | None) -> None:
    assert fact(text, "exclude_line_manager") == excluded


def test_rather_not_my_name_on_it_is_anonymous() -> None:
    text = "a patient threw a mug of tea at me. Daan (nurse). Prefer not to have my name on it."
    assert fact(text, "anonymous") is True
    assert fact("I'd rather not put my name on it", "anonymous") is True
    assert fact("keep my name well out of it please", "anonymous") is True
    assert fact("liever niet met mn naam erbij, ben bang voor de familie", "anonymous") is True


# ------------------------------------------------------------ the eighth round (facts8)


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        # more of what goes on is no one-off day
        (
            "Ik word al dagen gebeld door een cliënt. Het gaat nog steeds door, vanochtend "
            "belde hij weer vier keer.",
            "when",
            {"choice": "ongoing"},
        ),
        (
            "An account keeps posting that I abuse patients. It started Saturday and there was "
            "a new post this morning.",
            "when",
            {"choice": "ongoing"},
        ),
        # a client's own room, unless on the ward; the stairwell of a client's flat
        (
            "I got kicked by a young person in our care, in his bedroom on the unit",
            "location_kind",
            "ward",
        ),
        (
            "Ik werd gisteren in het trappenhuis van de flat van mijn cliënte tegen de muur geduwd",
            "location_kind",
            "home_visit",
        ),
        (
            "When I was leaving Mrs Bakker's flat her son was waiting for me",
            "location_kind",
            "home_visit",
        ),
        ("a man followed me from the clinic to the train station", "location_kind", "outside"),
        # who: in our care, off the street, a blow against a body part by a patient
        (
            "I got kicked in the stomach by a young person in our care",
            "perpetrator_relation",
            "patient",
        ),
        ("a man walked in off the street and punched me", "perpetrator_relation", "onbekend"),
        (
            "kreeg ik een trap tegen mijn been van een patiënt die naar de separeer moest",
            "perpetrator_relation",
            "patient",
        ),
        # acts: a blow received, run into with a wheelchair, called names, a long threat
        ("Kreeg gisteren een klap van een jongen van de groep", "aro_category", "fysiek"),
        (
            "bij de receptie reed een bezoeker gister met zn rolstoel expres tegen mijn schenen",
            "aro_category",
            "fysiek",
        ),
        (
            "een man heeft mij uitgemaakt voor alles wat mooi en lelijk is",
            "aro_category",
            "verbaal",
        ),
        (
            "bij de fietsenstalling dreigde een jongen die ik niet kende me in elkaar te slaan",
            "aro_category",
            "verbaal",
        ),
        # "wilde" is no threat ten words back: the push stands
        (
            "toen ik langs haar wilde naar de slaapkamer van mevrouw gaf ze me een harde zet",
            "aro_category",
            "fysiek",
        ),
    ],
)
def test_facts_of_the_eighth_round(text: str, name: str, value: object) -> None:
    assert fact(text, name) == value


@pytest.mark.parametrize(
    ("text", "excluded"),
    [
        ("not to be shared with my team leader", True),
        ("my manager isn't to see this", True),
        ("please make sure my manager doesn't get this", True),
        ("I'd rather this didn't go to my manager", True),
        ("my manager must not find out", True),
        ("copy my manager in", False),
        ("please include my line manager", False),
        ("share it with my manager too", False),
        ("my team leader can have a copy", False),
        ("happy for my manager to see it", False),
        ("no objection to my manager seeing it", False),
        # a copy of something else decides nothing
        ("he said my manager can have a copy of the rota", None),
    ],
)
def test_line_manager_in_more_english_words(text: str, excluded: bool | None) -> None:
    assert fact(text, "exclude_line_manager") == excluded


@pytest.mark.parametrize(
    "text",
    [
        "Jo here, happy to go on record",
        "happy to be identified, I'm Grace",
        "use my real name, Hannah",
    ],
)
def test_named_in_more_english_words(text: str) -> None:
    assert fact(text, "anonymous") is False
