"""A fourteenth blind development round, heavy on what is over: vivid stories told in the
present that end as over ("this was at the end of my shift yesterday", "2 weken geleden,
nu pas durf ik het te melden", "pt in custody, we're back at station"), the melder at the
doctor's, a patient's delusion, a client's fear for someone else, knives in a cooking
group; and danger now it missed: coming down after the melder, a door kicked in, staff
attacked."""

from __future__ import annotations

import pytest

from nlu.acute import AcuteDangerRules
from nlu.all_clear import says_all_clear
from tests.danger_checks import classifier_alarm, danger_rules


@pytest.fixture(scope="module")
def rules() -> AcuteDangerRules:
    return danger_rules()


@pytest.mark.parametrize(
    ("text", "pattern"),
    [
        ("he shoved me into the wall and hes coming down after me", "coming_after_me"),
        ("ze beuken nu de deur van de huiskamer in", "coming_after_me"),
        ("nu valt hij de begeleiding aan", "attacking_staff"),
    ],
)
def test_danger_of_the_fourteenth_round(rules: AcuteDangerRules, text: str, pattern: str) -> None:
    assert rules.match(text) == pattern


@pytest.mark.parametrize(
    "text",
    [
        "he grabs my hair and pulls me to the floor. that was during the night shift, he "
        "apologised later",
        "ze schopt me, gooit met een stoel. was gister aan het eind van mn dienst",
        "hij pakt een schaar en komt op me af. 3 weken geleden, nu pas durf ik het te melden",
        "he kicks the door in and screams he'll kill me. ok thats the story from monday",
        "hij bedreigde me met een mes. politie kwam en nam hem mee, wil het ff vastleggen",
        "he bit my arm and drew blood, i'm at the gp now for a tetanus shot",
        "een bewoner zegt dat er een man met een mes in de kast zit, hij is in de war, geen "
        "echt gevaar",
        "my client is scared her ex will stab her, she's not in danger now, just upset",
        "we're chopping onions and peppers with the group rn, knives on the table",
        "nu pas meld ik het, hij heeft me in april in mijn gezicht geslagen",
    ],
)
def test_what_is_over_or_not_real_raises_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)


def test_getting_punched_as_a_saying_is_no_attack(rules: AcuteDangerRules) -> None:
    assert rules.match("she says getting punched is part of the job on this ward") is None


@pytest.mark.parametrize(
    "text",
    [
        "hij zit nu in een cel",
        "pt in custody, we're back at the station",
        "zit nu bij de huisarts",
        "het incident is voorbij",
    ],
)
def test_aftermath_is_an_all_clear(text: str) -> None:
    assert says_all_clear(text)


@pytest.mark.parametrize(
    "text",
    [
        "he hit me last week. i'm at the gp now and he's in the waiting room with a knife",
        "het was gister, maar nu staat hij weer voor de deur met een mes",
    ],
)
def test_danger_after_the_close_still_alarms(rules: AcuteDangerRules, text: str) -> None:
    assert rules.match(text) is not None
