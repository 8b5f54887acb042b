"""More ways of saying when (nlu/when.py): a time right after the part of the day, "8 in
the morning", "1600 hrs", a day of the month alone, "fri", nights ago, a correction
("donderdag, nee sorry, vrijdag"), and the day a series started left for the day told."""

from __future__ import annotations

import pytest

from tests.test_nlu_when import when


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        ("she spat at me this morning 7.45", "2026-12-02", "07:45"),
        ("vanochtend 6.50 bij de overdracht", "2026-12-02", "06:50"),
        ("zaterdag 9 's avonds op de groep", "2026-11-28", "21:00"),
        ("saturday 8 in the morning at the bus stop", "2026-11-28", "08:00"),
        ("Thursday 26 november, 1600 hrs, home visit", "2026-11-26", "16:00"),
        ("30/11 om 13.20. Ik werk in de wijk", "2026-11-30", "13:20"),
        ("on the 26th she left a review", "2026-11-26", None),
        ("op de 27e om 14:00 aan de balie", "2026-11-27", "14:00"),
        ("fri 20:15 at the reception desk", "2026-11-27", "20:15"),
        ("he said it 2 nights ago", "2026-11-30", None),
        ("thursday, no sorry friday, after the evening round", "2026-11-27", None),
        (
            "gisteren om kwart over twee 's middags, nee wacht, kwart over drie",
            "2026-12-01",
            "15:15",
        ),
        (
            "het begon op 3 november, maar gisteren om 9:30 versperde hij de gang",
            "2026-12-01",
            "09:30",
        ),
    ],
)
def test_more_ways_of_saying_when(text: str, date: str, time: str | None) -> None:
    expected: dict[str, object] = {"date": date}
    if time is not None:
        expected["time"] = time
    assert when(text) == expected


@pytest.mark.parametrize("text", ["for the 3rd time he came in", "on the 2nd floor", "de 2e keer"])
def test_an_ordinal_that_is_no_day(text: str) -> None:
    assert when(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "ik ben net bedreigd door een bezoeker",
        "hij heeft me net geslagen op de gang",
        "i was just threatened at the desk",
        "i just got a message saying he knows where i live",
    ],
)
def test_just_now_in_the_verb_is_today(text: str) -> None:
    assert when(text) == {"date": "2026-12-02"}


@pytest.mark.parametrize(
    "text",
    [
        "het is net als vorige keer",
        "hij is net zo boos als altijd",
        "i just wanted to ask something",
    ],
)
def test_net_and_just_without_an_event_are_no_day(text: str) -> None:
    assert when(text) is None
