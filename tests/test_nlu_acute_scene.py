"""Danger now found missing by a ninth blind development round (nlu/dev/danger9), the past
and harmless messages of that round that must raise no alarm, and everyday words near the
new rules."""

from __future__ import annotations

import pytest

from nlu.acute import AcuteDangerRules
from nlu.all_clear import says_all_clear
from nlu.harmless_context import harmless
from nlu.tense import hypothetical, told_in_past


@pytest.fixture(scope="module")
def rules() -> AcuteDangerRules:
    return AcuteDangerRules()


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("he threw the TV and is now going after the other residents", "going_after"),
        ("hij gaat nu op de andere bewoners af", "going_after"),
        ("guy at reception pulling out a knife", "drawing_weapon"),
        ("fire alarm going off and I see flames in room 3", "fire_seen"),
        ("man on a bike right behind me since I left work, I'm scared", "right_behind"),
        ("resident on the edge of the roof, wont come down", "at_the_edge"),
        (
            "cliënt staat op de brug bij de woonvorm aan de verkeerde kant van de reling",
            "at_the_edge",
        ),
        ("pls hurry he broke through the door", "hurry_plea"),
        (
            "at the bus stop after my shift and the guy from today is standing next to me "
            "saying he knows where I live",
            "standing_next_to",
        ),
        (
            "sta bij de bushalte na mijn dienst en die man van vanmiddag staat naast me, zegt "
            "dat hij weet waar ik woon",
            "standing_next_to",
        ),
        # "net" a few words before the participle: just now, not a story
        ("net telefoon gehad dat er een bom in het gebouw ligt", "bomb"),
    ],
)
def test_danger_in_scenes_of_the_ninth_round(
    rules: AcuteDangerRules, text: str, pattern: str
) -> None:
    assert rules.match(text) == pattern


@pytest.mark.parametrize(
    "text",
    [
        "ik zie rook van de barbecue van de buren",
        "she is standing next to me, saying I should report this",
        "please hurry with my report",
        "I'm getting the scissors for the bandage",
        "just like yesterday he hit me",
    ],
)
def test_everyday_words_near_the_scene_rules_raise_no_alarm(
    rules: AcuteDangerRules, text: str
) -> None:
    assert not rules.read(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "I still shake when I think of him choking me",
        "our new protocol says if a resident has a knife keep distance and call 112, is that "
        "right?",
        "in het nieuwe protocol staat: als een bewoner een mes heeft afstand houden en 112 "
        "bellen. klopt dat?",
        "we practised the evacuation for a bomb threat, it took 12 minutes",
        "we hebben de ontruiming bij een bommelding geoefend, duurde 12 minuten",
    ],
)
def test_memories_protocols_and_drills_are_no_danger(rules: AcuteDangerRules, text: str) -> None:
    assert hypothetical(text.lower())
    assert not rules.read(text).acute


def test_a_memory_with_now_in_it_is_not_set_aside() -> None:
    assert not hypothetical("als ik eraan denk word ik bang, hij staat nu voor de deur")


@pytest.mark.parametrize(
    "text",
    [
        "are residents allowed knife and fork at dinner again or still plastic?",
        "a resident choked on a piece of apple at lunch, we did the heimlich and she's ok",
    ],
)
def test_cutlery_and_food_are_harmless(text: str) -> None:
    assert harmless(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "he just stood there looking at me, didn't say anything",
        "he keeps showing up at my house",
        "hij staat steeds bij mijn huis",
        "hij heeft 10 min tegen de assistente staan schreeuwen",
        "he said he'll come back with his friends",
    ],
)
def test_told_as_a_past_or_a_habit(rules: AcuteDangerRules, text: str) -> None:
    assert rules.read(text).past


@pytest.mark.parametrize(
    "text",
    [
        # what was said is now
        "he said he is on his way here with his brothers to get me",
        # "just" as just now
        "he just walked in with a bat",
        "hij staat te schreeuwen",
    ],
)
def test_still_in_the_present(text: str) -> None:
    assert not told_in_past(text.lower())


@pytest.mark.parametrize(
    "text",
    [
        "ik heb 10 minuten opgesloten gezeten, ben nu thuis",
        "vorige dienst probeerde een bewoner over de balkonrand te klimmen, we hebben hem "
        "teruggehaald en hij zit nu op de crisisafdeling",
    ],
)
def test_home_or_brought_back_is_an_all_clear(text: str) -> None:
    assert says_all_clear(text)
