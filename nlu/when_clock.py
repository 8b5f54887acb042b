"""Clock times in the melder's words: "16:30", "15u", "om 3 uur", "half 5" (Dutch: 4:30),
"kwart over 3", "tien over half 3", "4pm", "half past four", and which hours they may mean.

Part of `nlu.when`; the patterns are in `nlu.when_words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlu.when_words import HOUR_WORDS, MINUTE_WORDS, PART_NEAR, PARTS, RANGE, TIMES

__all__ = ["Clock", "clocks", "hours"]


@dataclass(frozen=True)
class Clock:
    """A time of day in the text; `ambiguous` for an hour 1-12 that may be either half
    of the day, `part` the part of the day said next to it."""

    start: int
    end: int
    hour: int
    minute: int
    ambiguous: bool
    part: str | None
    approximate: bool


#: "een uur of 3" is "rond 3 uur", not one o'clock: read as "rond" (the length kept, so the
#: spans stay the melder's words).
_ROUGHLY = re.compile(r"\b(?:een|1) uur of (?=\S)")


def clocks(folded: str) -> list[Clock]:
    """Every clock time in the folded text, in order; spans ("van 14:00 tot 22:00") not."""
    blanked = RANGE.sub(lambda m: " " * len(m.group(0)), folded)
    blanked = _ROUGHLY.sub(lambda m: "rond".ljust(len(m.group(0))), blanked)
    found: list[Clock] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in TIMES:
        for m in pattern.finditer(blanked):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            clock = _clock(kind, m, blanked)
            if clock is not None:
                found.append(clock)
                taken.append(m.span())
    return sorted(found, key=lambda c: c.start)


#: English words before "half 4": then it is the British half past, not the Dutch half to.
_ENGLISH_HALF = re.compile(r"^(?:around|about|approximately|approx\.?|roughly|at|by)\b")


def _hour_of(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word.endswith("en") and word[:-2].isdigit():  # "rond 2en"
        return int(word[:-2])
    if word.endswith("en") and word not in HOUR_WORDS:  # "drieen", "vieren"
        for stem, value in HOUR_WORDS.items():
            if word in (stem + "en", stem + "n", stem[:-1] + "en", stem + stem[-1] + "en"):
                return value
        return {"tweeen": 2, "drieen": 3, "enen": 1, "elven": 11, "twaalven": 12}.get(word)
    return HOUR_WORDS.get(word)


def _clock(kind: str, m: re.Match[str], folded: str) -> Clock | None:
    groups = m.groupdict()
    approximate = bool(groups.get("approx"))
    if kind in ("noon", "midnight"):
        hour = 12 if kind == "noon" else 0
        return Clock(m.start(), m.end(), hour, 0, False, None, approximate)
    said = _hour_of(groups["h"])
    if said is None:
        return None
    hour = said
    minute = int(groups.get("min") or 0)
    ambiguous = 1 <= hour <= 12
    if kind == "half" and _ENGLISH_HALF.search(m.group(0)):
        kind = "half_past"  # British "about half 4 in the afternoon" is 4:30
    if kind in ("around_half", "past_to", "half", "half_past"):
        hour, minute = _spoken(kind, hour, groups)
    elif kind == "ampm":
        hour = hour % 12 + (12 if groups["ap"] == "p" else 0)
        ambiguous = False
    elif kind == "clock" and groups["h"].startswith("0"):
        ambiguous = False
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    part = _part_near(folded, m.start(), m.end())
    return Clock(m.start(), m.end(), hour, minute, ambiguous and hour <= 12, part, approximate)


def _spoken(kind: str, hour: int, groups: dict[str, str | None]) -> tuple[int, int]:
    """'kwart over 3' = 3:15, 'half 5' = 4:30, 'tien over half 3' = 2:40 (on a 12-hour dial)."""
    minutes = _minutes(groups.get("m") or "")
    before = groups.get("dir") in ("voor", "to")
    if kind == "half":
        return (hour - 1) % 12 or 12, 30
    if kind == "half_past":
        return hour, 30
    base = ((hour - 1) % 12 or 12) * 60 + 30 if kind == "around_half" else hour * 60
    total = base - minutes if before else base + minutes
    return (total // 60) % 12 or 12, total % 60


def _minutes(word: str) -> int:
    return int(word) if word.isdigit() else MINUTE_WORDS.get(word, 0)


def _part_near(folded: str, start: int, end: int) -> str | None:
    after = PART_NEAR.match(folded, end + 1) if end < len(folded) else None
    if after is None:
        after = PART_NEAR.search(folded[end : end + 16])
    before = PART_NEAR.search(folded[max(0, start - 16) : start])
    found = after or before
    return PARTS[found.group("part")] if found else None


def hours(hour: int, ambiguous: bool, part: str | None) -> list[int]:
    """The hours (0-23) a said hour may mean, most likely first. A part of the day decides;
    without one, 7-12 are read as said (a working day), while 1-6 stay unclear: "half 5"
    is 04:30 or 16:30, and a wrong time is worse than none (the words are kept)."""
    if not ambiguous:
        return [hour]
    low, high = hour % 12, hour % 12 + 12
    if part == "morning":
        return [low]
    if part in ("afternoon", "evening"):
        return [high]
    if part == "night":
        return [low] if low <= 6 else [high] if low >= 8 else []
    return [hour] if 7 <= hour <= 12 else []
