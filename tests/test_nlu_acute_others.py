"""Danger to others found missing by a tenth blind development round (nlu/dev/danger10),
the past and everyday messages near the new rules that must raise no alarm, and the
all-clears and report requests that close a story."""

from __future__ import annotations

import pytest

from nlu.acute import AcuteDangerRules
from nlu.all_clear import says_all_clear


@pytest.fixture(scope="module")
def rules() -> AcuteDangerRules:
    return AcuteDangerRules()


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        (
            "He is banging the head of the other client against the wall in the dayroom, "
            "nobody can stop him",
            "hurting_someone",
        ),
        ("The visitor is shaking the old lady in the wheelchair", "hurting_someone"),
        (
            "Een bezoeker drukt een kussen op het gezicht van zijn moeder in bed",
            "hurting_someone",
        ),
        ("throw the bed and hit collega on head she not wake up", "not_waking"),
        ("mijn collega ligt nu bewusteloos op de gang", "not_waking"),
        ("there's a man climbing over the fence of the closed unit", "intruder"),
        ("the father is inside the building and is searching for me", "intruder"),
        (
            "de broer komt met een groep over de galerij naar me toe gerend",
            "running_at",
        ),
        (
            "he has now opened the door to the room of the other patient, I hear them fighting",
            "fight_heard",
        ),
        (
            "Mijn collega deelde net haar live locatie met 'help' erbij en ze neemt niet op",
            "colleague_cry",
        ),
        (
            "hij heeft mijn collega net de lift in geduwd en is er zelf achteraan gegaan",
            "went_after",
        ),
        ("Pleas fast, patient go crazy in room", "hurry_plea"),
    ],
)
def test_danger_to_others_of_the_tenth_round(
    rules: AcuteDangerRules, text: str, pattern: str
) -> None:
    assert rules.match(text) == pattern


@pytest.mark.parametrize(
    "text",
    [
        "mevrouw reageert niet meer op mijn appjes sinds vorige week",
        "de cliënt reageert niet meer op de medicatie",
        "he doesn't wake up for breakfast anymore, is that normal",
        "she is not responding to my emails",
        "ik zoek naar mijn leidinggevende maar kan hem niet vinden",
        "hij komt elke ochtend naar me toe gerend om me te knuffelen",
        "de bewoner houdt een kussen op schoot",
        "hij drukt een kussen tegen zijn buik",
        "nobody can stop him from smoking on the balcony",
        "niemand krijgt hem rustig als hij zijn medicatie niet krijgt, hoe melden we dat",
        "she shared her location with the help desk",
        "I can hear them fighting next door sometimes at night",
        # found in the terminal chat after the round
        "we can see smoke from the chimney of the house next door",
        "hij zoekt me steeds op via facebook",
        "they're looking for me to work extra shifts",
        "the kids are climbing over the fence at the playground",
        "de kinderen komen op me af rennen als ik binnenkom",
    ],
)
def test_everyday_words_near_the_new_rules_raise_no_alarm(
    rules: AcuteDangerRules, text: str
) -> None:
    assert not rules.read(text).acute


@pytest.mark.parametrize(
    "text",
    [
        # a story closed by a question how to report it
        "Ik zit nu in de auto na het huisbezoek en het is klaar, hij heeft me uitgescholden "
        "en ik ben weggegaan. Hoe maak ik hier een melding van?",
    ],
)
def test_a_closed_story_with_a_report_request_is_past(rules: AcuteDangerRules, text: str) -> None:
    reading = rules.read(text)
    assert not reading.acute
    assert reading.past


@pytest.mark.parametrize(
    "text",
    [
        "The father who was shouting at me has left with the police, we are drinking tea now",
        "de man is met de politie meegegaan, we drinken nu thee met het team",
        "het is klaar, hij is weg",
    ],
)
def test_gone_with_the_police_or_tea_is_an_all_clear(text: str) -> None:
    assert says_all_clear(text)
