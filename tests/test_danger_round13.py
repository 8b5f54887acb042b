"""Danger told by what is about to reach the melder, found missing by a thirteenth blind
development round: someone heard at the door or on the stairs, coming back, smoke under a
door, shut in with the aggressor, no way past him, a weapon being fetched, a bomb threat
that just came in; and the past messages that raised an alarm: a party game, a phone full of
messages, a feeling of being cornered, a long "if ..." question, the melder elsewhere now,
the aggressor taken away."""

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
        ("we horen hem aan de voordeur morrelen", "heard_at_door"),
        ("i can hear him rattling at the lock of the office", "heard_at_door"),
        ("volgens mij komt ie nu de trap op", "coming_near"),
        ("ik geloof dat hij de trap op loopt", "coming_near"),
        ("he's coming back up the stairs", "coming_near"),
        ("denk dat ze terugkomt, ik hoor haar auto", "coming_near"),
        ("er komt nu rook onder de deur door", "smoke_coming"),
        ("smoke is coming under the office door", "smoke_coming"),
        ("my colleague is locked in the kitchen with him", "shut_in_with_him"),
        ("mijn collega is ingesloten in de keuken met hem", "shut_in_with_him"),
        ("hes blocking the hallway, i cant get past him", "no_way_past"),
        ("hij staat in de deuropening, ik kan er niet langs", "no_way_past"),
        ("he's gone to get a knife from the kitchen", "fetching_weapon"),
        ("hij gaat nu zijn hamer halen", "fetching_weapon"),
        ("i'm in the bathroom, she's right outside the door", "right_outside"),
        ("stuck in the loo at his flat, hes yelling at the door", "stuck_while_raging"),
        ("iemand probeert mn voordeur open te krijgen", "forcing_door"),
        ("were all under the desks, someone is walking round the ward", "taking_cover"),
        ("we liggen allemaal onder de tafels in de wachtkamer", "taking_cover"),
        ("he pulled a knife on my colleague, she's still in the kitchen", "weapon_drawn_now"),
    ],
)
def test_danger_of_the_thirteenth_round(rules: AcuteDangerRules, text: str, pattern: str) -> None:
    assert rules.match(text) == pattern


def test_a_bomb_threat_that_just_came_in_alarms(rules: AcuteDangerRules) -> None:
    assert rules.match("a bomb threat just came in by phone, we are still in the building")


def test_where_he_is_now_after_what_he_did(rules: AcuteDangerRules) -> None:
    assert rules.match("he took my keys, he's right outside the room now") == "right_outside"


@pytest.mark.parametrize(
    "text",
    [
        "we played pass the bomb with the kids at the day centre",
        "my phone is blowing up with messages from his family",
        "voel me klem gezet door mijn teamleider",
        "ik hoor hem nog steeds schreeuwen in mijn hoofd",
        "yesterday he went to get a knife from the kitchen but I took it off him",
        "i was stuck in the lift for an hour last week",
        "de trap op lopen gaat niet meer sinds hij me schopte",
        "i can't get past the login screen of the rota app",
        "we were hiding under the tables when the fire alarm went off last week",
        "last week a client pulled a knife on my partner, i'm in the office writing it up",
    ],
)
def test_everyday_and_past_words_near_the_new_rules_raise_no_alarm(
    rules: AcuteDangerRules, text: str
) -> None:
    assert rules.match(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "if that man from the group chat ever shows up at the practice again do i call 112",
        "vannacht stond hij te bonken maar hij kwam er niet in. ik zit nu bij mn moeder",
        "werd achtervolgd naar huis maar ben nu binnen en de deur zit op slot",
        "hij is door de beveiliging naar buiten gebracht, ik zit nu met koffie in de kantine",
        "die man met het mes is 10 min geleden door de politie meegenomen",
        "this afternoon he cornered me with a knife. i got away and the police came. i'm safe "
        "but i don't know what happens next",
    ],
)
def test_what_is_over_raises_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)


@pytest.mark.parametrize(
    "text",
    ["ik zit nu bij mn zus", "ben nu binnen en de deur is op slot", "i'm at my sister's now"],
)
def test_the_melder_somewhere_else_is_an_all_clear(text: str) -> None:
    assert says_all_clear(text)
