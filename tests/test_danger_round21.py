"""A twenty-first blind development round: white powder in a letter just come in is danger
now; no alarm for a story under a past header that ends in how the melder sleeps since
("i still can't sleep"), a question whether a past event may still be reported, a fear that
it happens again, a situation under control, a bite healing and the owner fined, a youth
placed elsewhere, a fist last month from a man who is the melder's client again."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "just now a letter came in with white powder in it, it's on the desk, what do we do",
        "net kwam er een envelop binnen met wit poeder, ligt op het bureau, wat moeten we doen",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Saturday night: I'm at the door of the flat, he opens it, he has a knife in his hand,"
        " he screams he will kill me. I run down the stairs. That's what happened and i still"
        " can't sleep.",
        "Zaterdagnacht: ik sta bij de deur van de flat, hij heeft een mes in zn hand. Ik ren de"
        " trap af. Dat is wat er gebeurde en ik slaap er nog steeds slecht van.",
        "Can I still report something from 2 months ago? A patient's father cornered me in the"
        " corridor and said he'd burn my house down.",
        "Few weeks ago a group surrounded our ambulance on the estate and smashed a window. Now"
        " we get sent there without police and I'm worried it will happen again.",
        "He's being discharged tomorrow and I'm worried he'll come back to the ward.",
        "De pt die me aanviel wordt morgen ontslagen en ik ben echt bang om hem weer op de"
        " afdeling tegen te komen.",
        "Situation is under control now, patient is in seclusion, colleague has a bruise on her"
        " cheek. Writing the report now.",
        "The dog bite is healing. The owner has been fined. Just closing this case.",
        "The youth we work with got into a fight in the group home on Saturday and used a"
        " broken bottle. He's now placed elsewhere.",
        "hij gaf me vorige maand een vuistslag in mn gezicht en nu is hij weer mijn cl, leiding"
        " zegt dat het prima is",
    ],
)
def test_what_is_over_or_feared_raises_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'm worried he'll come back, he's at the door again now",
        "ik ben bang dat hij terugkomt, nu staat hij weer voor de deur met een mes",
    ],
)
def test_a_fear_with_news_of_now_still_alarms(text: str) -> None:
    assert classifier_alarm(text) or danger_rules().match(text) is not None
