"""A part of the day told in the small hours: someone writing at 00:30 after a late shift
means the afternoon or evening just gone by "vanmiddag" or "this evening", not one still
to come (found in the terminal chat, where the bot asked "When did it happen?" after
midnight). From 06:00 a part of the day still to come gives nothing, as before."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlu.facts import extract_facts


def when(text: str, written: str) -> object:
    reference = datetime.fromisoformat(f"2026-12-07T{written}:00+01:00")
    found = extract_facts(text, reference=reference, timezone="Europe/Amsterdam", only=["when"])
    return found["when"].value if "when" in found else None


@pytest.mark.parametrize(
    ("text", "written", "expected"),
    [
        ("he grabbed my arm this afternoon", "00:30", {"date": "2026-12-06"}),
        ("vanavond schreeuwde hij tegen me", "02:15", {"date": "2026-12-06"}),
        ("tonight the son threatened me at the door", "01:00", {"date": "2026-12-06"}),
        (
            "hij greep mijn arm vanmiddag rond 3 uur",
            "00:30",
            {"date": "2026-12-06", "time": "15:00", "approximate": True},
        ),
        # the morning has begun by 05:30: this morning is today
        ("this morning he hit me", "05:30", {"date": "2026-12-07"}),
    ],
)
def test_a_part_of_the_day_in_the_small_hours_is_the_day_just_gone(
    text: str, written: str, expected: object
) -> None:
    assert when(text, written) == expected


@pytest.mark.parametrize(
    ("text", "written"),
    [("he grabbed my arm this afternoon", "10:00"), ("vanavond schreeuwde hij", "09:00")],
)
def test_a_part_of_the_day_still_to_come_gives_nothing(text: str, written: str) -> None:
    assert when(text, written) is None
