"""Danger now typed in a few words, found missing by an eighth blind development round
(nlu/dev/danger8, nlu/dev/danger/nl-8.yml); and the past stories of that round that must
raise no alarm: a day alone closing the story, a habit of a month, the melder's feelings
now beside a past story, a ban since, someone locked up since."""

from __future__ import annotations

import pytest

from nlu.acute import AcuteDangerRules
from nlu.all_clear import says_all_clear
from nlu.tense import told_in_past


@pytest.fixture(scope="module")
def rules() -> AcuteDangerRules:
    return AcuteDangerRules()


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("machete on ward 3", "weapon_where"),
        ("bloke with a bat at reception", "weapon_where"),
        ("gun?? at the front desk", "weapon_where"),
        ("🔪 bij de balie!!", "weapon_where"),
        ("🔪 behind the nurses station", "weapon_where"),
        ("wapen?? in de wachtkamer", "weapon_where"),
        ("he's got Anke by her hair", "held_by"),
        ("he locked me in the bathroom", "blocked_in"),
        ("trapped in the kitchen with him", "blocked_in"),
        ("man follow me to the bike shed", "follow_me"),
        ("collega krijgt klappen op kamer 9", "taking_blows"),
        (
            "her neighbour is inside, yelling at her and shaking her by the shoulders",
            "taking_blows",
        ),
        ("cliënte klimt over de brugleuning", "about_to_jump"),
        ("someone keeps trying the back door handle, what do i do", "forcing_door"),
        ("slaapdienst alleen en iemand probeert de achterdeur open te wrikken", "forcing_door"),
        (
            "was bezig met de melding van dinsdag maar hij rammelt nu aan mijn kantoordeur",
            "forcing_door",
        ),
        ("ik sta bij de bus en die man van vanmiddag komt weer aanlopen", "walking_up"),
    ],
)
def test_danger_in_a_few_words(rules: AcuteDangerRules, text: str, pattern: str) -> None:
    assert rules.match(text) == pattern


@pytest.mark.parametrize(
    "text",
    [
        # a weapon and a place in a longer story of the past is no short message
        "last week a man with a knife at reception was arrested, we were all shaken",
        # a day closes the story
        "He's huge and had scissors. Friday evening.",
        # said over and over, for when he is out
        "He keeps saying he'll kill me when he gets out of prison.",
        "hij blijft dreigen dat hij me pakt als hij vrijkomt",
        # a month of messages is a habit
        "my client's husband has been texting for a month that he'll get me sacked and worse",
        "Slaap slecht sinds dat met het mes.",
        "Ik voel me vandaag echt onrustig. Maandag legde een patiënt zijn handen om mijn keel "
        "op de afdeling. Het duurde maar een paar seconden maar ik blijf het terugzien.",
        "Het is nu voorbij maar mijn hart gaat nog tekeer. Een half uur geleden dreigde een man "
        "in de wachtkamer de dokter te slaan. De beveiliging heeft hem naar buiten gebracht en "
        "hij is weggereden.",
    ],
)
def test_past_stories_of_the_eighth_round(rules: AcuteDangerRules, text: str) -> None:
    assert not rules.read(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "He's huge and had scissors. Friday evening.",
        "he's massive, and he had me against the wall until the team came. thursday",
        "Right now I'm just angry. Two days ago he spat in my face. Nobody from management "
        "has asked how I am.",
    ],
)
def test_told_in_the_past_overrules_the_classifier(rules: AcuteDangerRules, text: str) -> None:
    assert rules.read(text).past


@pytest.mark.parametrize(
    "text",
    ["He now has a gebiedsverbod.", "ze zit nu vast, de vrouw die kokend water gooide"],
)
def test_a_ban_or_custody_since_is_an_all_clear(text: str) -> None:
    assert says_all_clear(text)


def test_feelings_now_with_danger_in_the_same_sentence_still_count() -> None:
    # only a sentence of feelings alone is set aside
    assert not told_in_past("i'm scared, he's outside. yesterday he hit me")


@pytest.mark.parametrize(
    "text",
    [
        "zit nu op de rand van het bed",
        "staat op het dak van de schuur de goot te repareren",
        "komt weer aanlopen met koffie haha",
    ],
)
def test_everyday_words_near_the_short_rules_raise_no_alarm(
    rules: AcuteDangerRules, text: str
) -> None:
    assert not rules.read(text).acute
