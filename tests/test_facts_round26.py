"""Facts in the words of the twenty-sixth blind facts round (nlu/dev/facts26): "9ish" is an
hour, "a patient just bit me" today, "a while back" longer ago; a client's driveway or
garden, the melder trying to leave the house, a numbered room said short, a triage window,
the front of the melder's own house and the desk of a nurses' station; the patient's
"missus", the family of the one in bed 3, someone who brought a neighbour, "some lady I
never saw before", "it's probably nothing" as no guess; a warning beside a knife only shown,
a job threatened, turning up at the melder's home, a keyed car, a slur about being foreign;
"it should not go to my manager"; "Geplaatst door 'M. Bakker'" and a name signed in a quoted
message are no melder's name; "volgt me op Instagram" is no repetition."""

from __future__ import annotations

import pytest

from nlu.facts import extract_facts
from tests.test_facts_round9 import NOW
from tests.test_facts_round12 import TEAMS


def facts(text: str, *, lang: str) -> dict[str, object]:
    found = extract_facts(text, reference=NOW, timezone="Europe/Amsterdam", teams=TEAMS, lang=lang)
    return {name: extracted.value for name, extracted in found.items()}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Yesterday at 15:00 the client's missus shouted at me in their driveway when I came"
            " for the evening care. I'm with Wijkverpleging Zuid.",
            {
                "when": {"date": "2026-12-01", "time": "15:00"},
                "location_kind": "home_visit",
                "perpetrator_relation": "naaste",
                "aro_category": "verbaal",
                "team": "wijkzorg-zuid",
            },
        ),
        (
            "en",
            "A patient just bit my arm while I was helping him into bed, room 12.",
            {
                "when": {"date": "2026-12-02"},
                "location_kind": "ward",
                "perpetrator_relation": "patient",
                "aro_category": "fysiek",
            },
        ),
        (
            "en",
            "Some lady I never saw before stood in front of my own house shouting that she knows"
            " where I work. Tuesday morning, 9ish.",
            {
                "when": {"date": "2026-12-01", "time": "09:00", "approximate": True},
                "location_kind": "other",
                "perpetrator_relation": "onbekend",
                "aro_category": "persoonlijk",
            },
        ),
        (
            "en",
            "It's probably nothing, but the patient's son took a knife out of his coat at the"
            " triage window and said 'watch yourself'. He didn't touch me. A while back, and it"
            " should not go to my manager.",
            {
                "when": {"choice": "earlier"},
                "location_kind": "reception",
                "perpetrator_relation": "naaste",
                "aro_category": "verbaal",
                "exclude_line_manager": True,
            },
        ),
        (
            "en",
            "A man who brought his neighbour in for treatment swore at me over the nurses'"
            " station desk and said he'd make sure I lost my job.",
            {
                "location_kind": "ward",
                "perpetrator_relation": "bezoeker",
                "aro_category": "verbaal",
            },
        ),
        (
            "nl",
            "Gisteren om half 11 heeft de zoon van mijn cliënte mijn autoband lekgestoken in de"
            " tuin van zijn moeder. Ik werk bij Wijkverpleging Zuid.",
            {
                "when": {"date": "2026-12-01", "time": "10:30"},
                "location_kind": "home_visit",
                "perpetrator_relation": "naaste",
                "aro_category": "persoonlijk",
            },
        ),
        (
            "nl",
            "Al maanden staat de broer van een van mijn cliënten steeds bij mij thuis voor de deur"
            " en roept dingen.",
            {
                "when": {"choice": "ongoing"},
                "location_kind": "other",
                "perpetrator_relation": "naaste",
                "aro_category": "persoonlijk",
            },
        ),
        (
            "nl",
            "Iemand die ik niet ken heeft gisteren een review gezet dat ik 'moet oppassen'."
            " Geplaatst door 'K. Visser'.",
            {
                "when": {"date": "2026-12-01"},
                "handle": "K. Visser",
                "aro_category": "verbaal",
                "reporter_name": None,
            },
        ),
        (
            "nl",
            "Een oud-cliënt volgt me op Instagram en stuurde maandag een DM: 'ik kom je"
            " opzoeken, groetjes Sander'.",
            {"when": {"date": "2026-11-30"}, "reporter_name": None},
        ),
    ],
)
def test_whole_stories(lang: str, text: str, expected: dict[str, object]) -> None:
    found = facts(text, lang=lang)
    assert {name: found.get(name) for name in expected} == expected


def test_the_melders_own_just_is_no_day() -> None:
    # what the melder wants to do is no act that happened today
    assert "when" not in facts("I just wanted to report something", lang="en")


def test_a_relative_quoted_by_a_stranger_is_theirs() -> None:
    # "my dad" in a post by someone the melder doesn't know says nothing of who posted it
    found = facts("Someone I don't know posted 'she hurt my dad' about me", lang="en")
    assert found.get("perpetrator_relation") == "onbekend"
