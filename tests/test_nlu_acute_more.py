"""Acute-danger rules of `nlu.acute_patterns_more` and the guards added with them: a bomb
about to go off, someone at the lock, a person found hanging, a blade pressed against the
melder, a threat "on my way", someone by the melder's car now, shots, "you're not leaving";
and the false alarms they must not raise (a knife for cooking, idioms, a fear of some day,
a story closed at its end)."""

from __future__ import annotations

import pytest

from nlu.acute import AcuteDangerRules


@pytest.fixture(scope="module")
def rules() -> AcuteDangerRules:
    return AcuteDangerRules()


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("de beller zei dat het pakket om drie uur gaat ontploffen", "bomb_due"),
        ("a guy dropped a bag in the lobby and ran, should we evacuate", "bomb_due"),
        ("someone is trying the code on our staff entrance again and again", "getting_in"),
        ("iemand rammelt aan de deurklink van de spreekkamer", "getting_in"),
        ("mevrouw hangt, wat moet ik doen", "hanging_now"),
        ("he's locked himself in the toilet with a rope", "hanging_now"),
        ("hij houdt de naald tegen mijn nek", "sharp_pressed"),
        ("she's pressing the broken glass against my arm", "sharp_pressed"),
        ("hij appt dat hij onderweg is en dat ik er spijt van ga krijgen", "on_the_way"),
        ("got a voicemail: on my way, you'll pay for this", "on_the_way"),
        ("die vent van gisteren zit nu in zijn auto naast de mijne bij de ingang", "lurking_now"),
        ("the man who shouted at me earlier is waiting by my car right now", "lurking_now"),
        (
            "een man zit al een uur in een busje en loert naar binnen, dezelfde als vorige week",
            "lurking_known",
        ),
        ("gunshots at the back of the building", "shots_now"),
        ("he says I'm not leaving until he sees the file", "not_leaving"),
        ("patient take scissors and go to the office now", "weapon_then_now"),
        # a sixth blind round (nlu/dev/danger/*-6.yml)
        ("reporting last month's incident... wait he just walked into the office", "arrived_now"),
        ("he rang the doorbell of my house and I can see him on the camera", "arrived_now"),
        ("his car is right behind mine at the traffic light", "followed_by_car"),
        ("voicemail from him: I'm coming to the practice now", "coming_now"),
        ("stuck in the lift with him, he pressed stop and is screaming in my face", "at_me_now"),
        ("he keeps ramming his car into the gate of the clinic", "at_me_now"),
        ("he is climbing over the balcony to get to me", "at_me_now"),
        (
            "the man who threatened me is standing at the gate of the group home right now",
            "lurking_now",
        ),
        ("de vader schudt het kindje hard door elkaar", "child_hurt_now"),
        ("ze sluit zich met mijn collega op in de kamer", "colleague_held"),
        ("de moeder wordt aan haar haren door de gang gesleurd", "assault_now"),
        ("hij zoekt me, ik zit in de douche", "approaching"),
        ("he keeps staring at me with his hand in his jacket", "colleague_held"),
    ],
)
def test_danger_now_matches(rules: AcuteDangerRules, text: str, pattern: str) -> None:
    assert rules.match(text) == pattern


@pytest.mark.parametrize(
    "text",
    [
        # reported speech in the present is now
        "my client's brother just phoned and said he's on his way here to kill me",
        # minutes ago is now
        "bommelding binnengekomen 3 min geleden",
        # a following car, in any word order
        "er rijdt al tien minuten een scooter achter me",
        "a car is driving alongside me and the man keeps shouting",
        # something sharp in his hand
        "hij is terug en heeft iets scherps in zn hand",
    ],
)
def test_more_ways_of_danger_now(rules: AcuteDangerRules, text: str) -> None:
    assert rules.read(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "ik sta aardappels te schillen met een mesje, ik meld het straks",
        "I'm cutting bandages with scissors, will type the rest later",
        "hij is een tikkende tijdbom maar vandaag is hij rustig",
        "our new manager is the bomb honestly",
        "de bom is gebarsten in het team over de vakantierooster",
        "we kregen een bom geld voor de nieuwe afdeling",
        "I'm afraid that one day he'll turn up with a gun",
        "back in 2019 a client pulled a knife on me, I never reported it",
        "last month a patient came at me with a pen, only now I have time to report it",
        "hij gooit zijn bord, schreeuwt, duwt de tafel om. Gebeurde vorige week dinsdagavond.",
        # answers at "what kind of aggression was it?" that tell the past incident
        "he dropped a load of f-bombs at me",
        "ze zoekt me op via facebook",
        "hij heeft me aan mijn haren getrokken",
        "die jongen heeft het steeds over messen",
        "she keeps following me to the bus after late shifts",
        "hij is achter me aangekomen tot bij de fietsenstalling",
    ],
)
def test_harmless_contexts_do_not_match(rules: AcuteDangerRules, text: str) -> None:
    assert not rules.read(text).acute


def test_a_story_closed_at_its_end_overrules_the_classifier(rules: AcuteDangerRules) -> None:
    reading = rules.read("ik loop de kamer in en hij begint te schoppen. Gebeurde zaterdagnacht")
    assert reading.past


def test_a_knife_for_cooking_is_harmless_but_not_when_someone_comes_at_me(
    rules: AcuteDangerRules,
) -> None:
    assert not rules.read("ik sta met een mes uien te snijden").acute
    assert rules.read("ik sta uien te snijden en hij pakt het mes en komt op me af").acute


def test_the_melder_still_somewhere_is_no_danger(rules: AcuteDangerRules) -> None:
    """ "still waiting outside" is danger when someone else waits, not when the melder does."""
    assert not rules.read("ik zit nog bij de auto van mijn collega").acute
    assert not rules.read("ik wil nu agressie melden").acute


def test_what_keeps_getting_out_of_hand_is_no_danger_now(rules: AcuteDangerRules) -> None:
    """A niet-pluis-gevoel about how things keep going is no emergency; it getting out of
    hand now still is."""
    assert not rules.read("how group activities go, it keeps getting out of hand").acute
    assert not rules.read("het loopt steeds uit de hand bij de groepsactiviteiten").acute
    assert rules.read("het loopt nu helemaal uit de hand, help").acute
    assert rules.read("it's getting out of hand in the waiting room").acute


@pytest.mark.parametrize(
    "text",
    [
        # the melder away from it at the end of a story told in the past
        "he hit me and blocked the door, but after 10 min he let me go. I'm home now",
        "hij sloeg met zijn wandelstok, ik zit nu in mijn auto een paar straten verder en wil"
        " het melden",
        # why it is reported only now, after the story's close
        "He came up the stairs with an axe. That was in 2019, I'm only reporting it now because"
        " my new manager asked",
        # the danger's own all-clear as the last words
        "No idea who he is, the man with the crowbar. Police have him now",
        "The patient barricaded the ward door, the police opened it at 4 am. Everyone is fine",
    ],
)
def test_a_story_closed_by_its_last_words_is_told_in_the_past(
    rules: AcuteDangerRules, text: str
) -> None:
    reading = rules.read(text)
    assert reading.past
    assert not reading.acute


@pytest.mark.parametrize(
    "text",
    [
        "he hit me last week. I'm home now and he's outside my house with a knife",
        "He came up the stairs with an axe. That was in 2019, I'm reporting it now because he"
        " is at the door with an axe again",
        "Police have him now but his brother is at the door with a knife",
    ],
)
def test_news_after_a_story_s_close_is_still_read(rules: AcuteDangerRules, text: str) -> None:
    assert rules.read(text).acute


@pytest.mark.parametrize(
    "text",
    [
        "Still happening",
        "In room 7 and its still going on",
        "is nog bezig",
        "kicking punching ongoing",
        "het is nu nog aan de gang",
    ],
)
def test_it_still_going_on_is_read_as_now(rules: AcuteDangerRules, text: str) -> None:
    assert rules.read(text).pattern == "still_going_on"


@pytest.mark.parametrize(
    "text",
    [
        "ik ben nog bezig met typen",
        "nothing is happening right now but he's been messaging me for months",
        "it's an ongoing issue with this client",
        "de afspraak gaat door",
    ],
)
def test_the_melder_busy_or_nothing_going_on_is_no_danger(
    rules: AcuteDangerRules, text: str
) -> None:
    assert not rules.read(text).acute
