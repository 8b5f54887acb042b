"""A twenty-third blind development round: a rucksack that "will go off", a parcel with
wires and a ticking noise, the brother standing by the melder's bike, someone by "mn auto"
(the same man who has stalked her for weeks), a gas smell ("gasgeur") with the gas stove
about to be lit, a threat to "do me now", a van ramming the gate, and a plea for someone to
come while he waits outside "every time" are danger now; a story read in the news and the
melder "zit nu veilig op kantoor" are not. Kept in nlu/dev/danger23: its misses are "has
pinned me against the wall" (a perfect tense, read as told) and "keeps ramming the gate"
("keeps" reads as a habit)."""

from __future__ import annotations

import pytest

from tests.danger_checks import classifier_alarm, danger_rules


@pytest.mark.parametrize(
    "text",
    [
        "someone just left a rucksack at reception and rang saying it'll go off at 3",
        "parcel addressed to Dr Evans just arrived, wires sticking out of it and it's making a"
        " ticking noise",
        "Weeks ago this family started sending me messages. Tonight I finished late and the"
        " brother is standing by my bike in the car park watching me through the glass",
        "er staat iemand bij mn auto in de garage vd kliniek, zelfde vent die me al weken"
        " stalkt, ik durf de lift nie uit",
        "gasgeur heel sterk bij de meterkast van mw Jansen en ze wil koffie zetten op het gasstel",
        "the patient I discharged this morning is here, right in my face, saying he's going to"
        " do me now",
        "he is ramming the gate with his van and the kids are in the garden",
    ],
)
def test_danger_now_alarms(text: str) -> None:
    assert danger_rules().match(text) is not None


def test_a_plea_for_help_while_he_waits_is_no_habit_told() -> None:
    """ "every time" would make it a habit told; "kan er iemand komen??" makes it now."""
    assert classifier_alarm(
        "kan er iemand komen?? hij staat met de auto op de stoep te wachten en elke keer als ik"
        " naar buiten loop start ie de motor"
    )


@pytest.mark.parametrize(
    "text",
    [
        "las net over die steekpartij in dat ziekenhuis in Rotterdam, schrok me kapot",
        "zit nu veilig op kantoor, maar op de terugweg van het huisbezoek reed er een auto een"
        " hele tijd achter me aan",
        "he say he will kill me when i come again",
    ],
)
def test_news_read_or_the_melder_safe_raises_no_alarm(text: str) -> None:
    assert not classifier_alarm(text)


@pytest.mark.parametrize(
    "text",
    [
        "er is een steekpartij op de gang",
        "zit nu veilig op kantoor maar hij staat nu buiten met een mes",
        # a threat for when the melder comes out is now, unlike one for when they come again
        "he's outside waiting for me, says he'll get me when i come out, my shift ends in 5 min",
    ],
)
def test_the_same_words_of_now_still_alarm(text: str) -> None:
    assert danger_rules().match(text) is not None
