"""When it happened, from the melder's own words (nlu/when.py): relative Dutch and English
phrases resolved against the moment they wrote, in the organisation's time zone."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlu.when import resolve

# A Wednesday morning in Amsterdam (the dates below: Tue 1 Dec is yesterday).
NOW = datetime.fromisoformat("2026-12-02T10:00:00+01:00")
TZ = "Europe/Amsterdam"


def when(text: str, now: datetime = NOW) -> dict[str, object] | None:
    moment = resolve(text, now, TZ)
    if moment is None:
        return None
    return {k: v for k, v in moment.as_value().items() if k != "approximate"}


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        # "half 5" may be 04:30 or 16:30: the day only (the words keep the time)
        ("gisteren rond half 5", "2026-12-01", None),
        ("gisteren rond half 5 's middags", "2026-12-01", "16:30"),
        ("vanmiddag om kwart over 3", None, None),  # written at 10:00: not yet
        ("gister om kwart over 3 in de middag", "2026-12-01", "15:15"),
        ("eergisteren om tien over half 3 's nachts", "2026-11-30", "02:40"),
        ("gisteren om half 9", "2026-12-01", "08:30"),  # 7-12: the working morning
        ("in de avonddienst van gisteren om half 9", "2026-12-01", "20:30"),
        ("vanochtend om 8 uur", "2026-12-02", "08:00"),
        ("vannacht om 3 uur", "2026-12-02", "03:00"),  # the night just passed
        ("vannacht om 23:30", "2026-12-01", "23:30"),
        ("vannacht", "2026-12-02", None),
        ("gisteren om 15u", "2026-12-01", "15:00"),
        ("gisteren om 14.30 uur", "2026-12-01", "14:30"),
        ("gisteren rond 8 uur 's avonds", "2026-12-01", "20:00"),
        ("gisteravond om 9", "2026-12-01", "21:00"),
        ("afgelopen zaterdag rond 23:00", "2026-11-28", "23:00"),
        ("vorige week dinsdag", "2026-11-24", None),
        ("dinsdag", "2026-12-01", None),
        ("zaterdagavond om half 11", "2026-11-28", "22:30"),
        ("12 november", "2026-11-12", None),
        ("op 3-11 om 15.00", "2026-11-03", "15:00"),
        ("maandag 30 nov om 14:30", "2026-11-30", "14:30"),
        ("10 december", "2025-12-10", None),  # a date without a year lies in the past
        ("2 uur geleden", "2026-12-02", None),
        ("de nacht van zaterdag op zondag om 1 uur", "2026-11-29", "01:00"),
        ("yesterday around 4:30 pm", "2026-12-01", "16:30"),
        ("this morning at quarter past eight", "2026-12-02", "08:15"),
        ("the day before yesterday at half past three in the afternoon", "2026-11-30", "15:30"),
        ("last Saturday at 11pm", "2026-11-28", "23:00"),
        ("last night around 2 am", "2026-12-02", "02:00"),
        ("last night", "2026-12-01", None),
        ("the night before last at about 11", "2026-11-30", "23:00"),
        ("the night before last around 2 am", "2026-12-01", "02:00"),
        ("Sunday night at 1:15", "2026-11-30", "01:15"),
        ("two days ago", "2026-11-30", None),
        ("on Monday 30 November at 14:30", "2026-11-30", "14:30"),
        # "een uur of 3" is about three o'clock, not one o'clock
        ("gistermiddag om een uur of 3", "2026-12-01", "15:00"),
        ("gisteravond een uur of 9", "2026-12-01", "21:00"),
        ("vanochtend om een uur of half 8", "2026-12-02", "07:30"),
        ("gistermiddag om een uur", "2026-12-01", "13:00"),
    ],
)
def test_relative_and_calendar_dates_are_resolved(
    text: str, date: str | None, time: str | None
) -> None:
    expected: dict[str, object] | None = {"date": date} if date else None
    if expected is not None and time:
        expected["time"] = time
    assert when(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "hij stuurt me nog steeds berichten",
        "hij blijft maar bellen",
        "ik word al weken lastiggevallen",
        "sinds vorige week krijg ik elke dag mailtjes",
        "hij stuurt me berichten via instagram",
        "he keeps sending me messages",
        "he is still calling me every day",
        "iemand bedreigt me sinds zaterdag op facebook",
        "ik wil melden dat iemand me sinds zaterdag bedreigt op facebook",
        "sinds zaterdag word ik bedreigd",
        "he threatens me since saturday",
        "er zit iemand op insta die me steeds berichtjes stuurt",
    ],
)
def test_still_going_on(text: str) -> None:
    assert when(text) == {"choice": "ongoing"}


@pytest.mark.parametrize(
    "text",
    [
        "vanavond",  # written at 10:00: the evening has not come yet
        "vanmiddag om 3 uur",
        "om 16:30 kwam er een man binnen",  # a time without a day
        "woensdag",  # said on a Wednesday: today, or a week ago?
        "dinsdag 30 november",  # 30 November is a Monday
        "elke maandag komt hij langs",
        # ("vorige week" is the answer "in the past week" now: tests/test_when_period.py)
        "ik ben nog steeds van slag",  # still upset is not still going on
        "",
    ],
)
def test_nothing_clear_gives_nothing(text: str) -> None:
    assert when(text) is None


def test_the_melders_words_are_kept() -> None:
    moment = resolve("Gisteren rond 16:30 kwam hij aan de balie", NOW, TZ)
    assert moment is not None
    assert moment.words == "Gisteren rond 16:30"
    assert moment.approximate
    unclear = resolve("Gisteren rond half 5 kwam hij aan de balie", NOW, TZ)
    assert unclear is not None
    assert unclear.time is None
    assert unclear.words == "Gisteren rond half 5", "the time the melder said stays readable"


def test_still_going_on_with_a_one_off_day_is_unclear() -> None:
    assert when("al maanden maakt hij opmerkingen, vandaag ging hij te ver") is None
    assert when("sinds maandag stuurt hij me berichten") == {"choice": "ongoing"}
    assert when("sinds gisteren staat er een bericht over mij online") == {"date": "2026-12-01"}
    assert when("sinds gisteren staat er een post van haar") == {"date": "2026-12-01"}


def test_a_time_far_from_its_day_and_spans_of_hours_are_left_out() -> None:
    assert when("gisteren had ik dienst van 14:00 tot 22:00") == {"date": "2026-12-01"}
    assert when("gisteren heb ik 3 uur lang gewacht") == {"date": "2026-12-01"}
    assert when("niet gisteren maar eergisteren") == {"date": "2026-11-30"}


def test_the_time_zone_decides_the_day() -> None:
    late = datetime.fromisoformat("2026-12-01T23:30:00+00:00")  # 00:30 on 2 Dec in Amsterdam
    assert when("vandaag", late) == {"date": "2026-12-02"}


def test_words_of_something_going_on_are_kept_only_when_they_tell_time() -> None:
    posting = resolve("someone's been posting my home address in a facebook group", NOW, TZ)
    weeks = resolve("hij stuurt al weken berichten", NOW, TZ)
    assert posting is not None
    assert posting.ongoing
    assert posting.words == ""
    assert weeks is not None
    assert weeks.ongoing
    assert weeks.words == "al weken"
