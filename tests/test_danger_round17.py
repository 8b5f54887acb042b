"""A seventeenth blind development round, past messages a bot easily takes for danger now:
a heart still pounding or racing, asking when to call 112, "that was my whole week",
taken along, stepped in, admitted later, at A&E; and danger now it missed: back and
shouting in the lobby. Being followed on the way home stays danger."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


def test_back_and_shouting_alarms() -> None:
    text = "shes back!! the woman from this morning, at reception screaming my name"
    assert danger_rules().match(text) == "back_raging"


@pytest.mark.parametrize(
    "text",
    [
        "heart still pounding, hes gone but he nearly hit me with his car",
        "mn hart gaat nog tekeer, ze is weg",
        "moet ik 112 bellen als een client alleen dreigt?",
        "when should i call the police, when he threatens or when he hits?",
        "kicked, punched and spat at. that was my whole shift",
        "hij gooit de stoel, de politie kwam en heeft hem meegenomen",
        "ze grijpt mn arm, gelukkig greep mn collega in",
        "he headbutted me, i'm in a&e now",
    ],
)
def test_what_is_over_or_asked_raises_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)


def test_followed_on_the_way_home_stays_danger() -> None:
    assert danger_rules().match("word gevolgd op weg naar huis, hij steekt over als ik oversteek")
