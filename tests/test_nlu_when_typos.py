"""When it happened, with a typo in the words of time (nlu/when_typos.py): read as the word
meant, the melder's words kept as typed; words that only look like one stay as they are."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlu.when_typos import resolve_with_typos

NOW = datetime.fromisoformat("2026-12-02T10:00:00+01:00")  # a Wednesday morning
TZ = "Europe/Amsterdam"


@pytest.mark.parametrize(
    ("text", "date", "time"),
    [
        ("this mornin around 8", "2026-12-02", "08:00"),
        ("yesteday at 3pm", "2026-12-01", "15:00"),
        ("vanochend om 8 uur", "2026-12-02", "08:00"),
        ("gisteravnd rond 9", "2026-12-01", "21:00"),
        ("pateint trew his dinner tray at me yesterdy arond 17.30", "2026-12-01", "17:30"),
    ],
)
def test_a_typo_in_the_words_of_time_is_read_as_meant(text: str, date: str, time: str) -> None:
    moment = resolve_with_typos(text, NOW, TZ)
    assert moment is not None
    value = moment.as_value()
    assert (value["date"], value["time"]) == (date, time)


def test_the_words_are_kept_as_typed() -> None:
    moment = resolve_with_typos("na de overdracht, gisterochtnd", NOW, TZ)
    assert moment is not None
    assert moment.words == "gisterochtnd"


@pytest.mark.parametrize(
    "text",
    [
        "weet niet eens waar het vandaan komt",
        "dinsdags komt hij altijd langs",
        "mijn collega deed het",
    ],
)
def test_words_that_only_look_like_a_time_say_none(text: str) -> None:
    assert resolve_with_typos(text, NOW, TZ) is None
