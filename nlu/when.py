"""When it happened, read from the melder's own words: a date and time, or "still going on".

Relative words are resolved against the moment the melder wrote (`reference`) in the
organisation's time zone; calendar dates go through dateparser, which is only called when a
date-like token is present (it is slow, and weak on Dutch relative phrases). The rules, in
order of what the melder would expect:

- The day: vandaag, (eer)gisteren / gister, vanochtend, vanmiddag, vanavond, zojuist; a
  weekday (the most recent one before today; "vorige week dinsdag" is the Tuesday of last
  week); "2 dagen geleden"; a calendar date ("12 november", "3-11", "maandag 30 nov"), in
  the most recent year that puts it in the past. English alike.
- The night: "vannacht" and "last night" are the night just passed: hours 0-6 are today,
  18-23 yesterday. Without a time, "vannacht" is today and "last night" yesterday, as each
  language says it. "zaterdagnacht om 2 uur" is early Sunday.
- The time: "16:30", "15u", "om 3 uur", "half 5" (Dutch: 4:30), "kwart over 3", "tien over
  half 3", "4pm", "half past four". An hour of 1-12 without a part of the day is read as a
  working day: 7-12 as said, 1-6 in the afternoon ("rond half 5" is 16:30); a part of the
  day ("vanochtend", "'s avonds", "vannacht", "in the afternoon") decides instead. A moment
  after the reference cannot have happened: the other half of the day is tried, else the
  time is dropped.
- Only a period ("vorige week", "a few days ago", "weken geleden"): the answer to "when?"
  it falls under, in the past week or longer ago (`nlu.when_period`).
- Still going on ("nog steeds", "blijft maar bellen", "al weken", "sinds maandag",
  "keeps sending") wins over a date: the report is about something that has not stopped.

Conservative by design: a time without a day, two conflicting calendar facts, a date in the
future or a weekday that does not match its date give nothing; the melder is asked then.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from nlu.entities import fold_preserving_length
from nlu.when_clock import Clock, clocks, hours
from nlu.when_ongoing import latest_of, one_off, ongoing_span
from nlu.when_period import Moment, period_said
from nlu.when_words import (
    ABSOLUTE_DATE,
    AGO,
    CORRECTION,
    DAY_WORD,
    HOUR_WORDS,
    NEGATED,
    NIGHT_BETWEEN,
    NOT_A_DAY,
    NUMERIC_DATE,
    ORDINAL_DAY,
    PARTS,
    RELATIVE,
    SHIFT,
    SHIFTS,
    SHORT_WEEKDAYS,
    STARTED,
    TIME_SAID,
    WEEKDAY,
    WEEKDAYS,
)

__all__ = ["Moment", "resolve", "warm_up"]

_MAX_CHARS = 4_000
#: How far a time may be from its day to belong to it ("gisteren ... om 16:30").
_NEAR = 60
#: Words between a day and its time that still read as one phrase ("gisteren rond 16:30").
_ADJACENT = 12


@dataclass(frozen=True)
class _Day:
    """A day mentioned in the text; `night_of` is set for a night (hours 0-6 the day after)."""

    start: int
    end: int
    day: date
    part: str | None = None
    night_of: date | None = None


def resolve(text: str, reference: datetime, timezone: str) -> Moment | None:
    """When the text says it happened, or None when it does not say so clearly."""
    text = text[:_MAX_CHARS]
    folded, index = fold_preserving_length(text)
    if index is not None:  # decomposed accents: read the composed text instead
        text = unicodedata.normalize("NFC", text)
        folded, _ = fold_preserving_length(text)
    now = reference.astimezone(ZoneInfo(timezone)).replace(tzinfo=None)
    days = _days(folded, now)
    single = any(one_off(folded, day.start, day.end) for day in days)
    ongoing = ongoing_span(folded, background=not single)
    latest = latest_of(folded, [(d.start, d.end) for d in days])
    if ongoing is not None and latest is not None:
        days = [days[latest]]  # "keeps texting me, latest one yesterday 22:40": that day
    elif ongoing is not None:
        if single:
            return None  # a repeated thing and a day it happened: which one is reported?
        said = text[ongoing[0] : ongoing[1]].strip()
        # Kept beside "still going on" only when they say something of time ("al weken",
        # "since the summer"); "'s been posting" says nothing an aanspreekpunt needs.
        return Moment(ongoing=True, words=said if TIME_SAID.search(said.casefold()) else "")
    if not days:
        return period_said(folded, text)
    day, clock = _pick(folded, _latest_said(folded, days), _corrected(folded, clocks(folded)))
    return _moment(text, day, clock, now, _shift(folded))


def _shift(folded: str) -> str | None:
    """The part of the day a shift named in the story gives ("in de avonddienst")."""
    found = SHIFT.search(folded)
    return SHIFTS[found.group(0)] if found else None


# ------------------------------------------------------------------------------ days


def _days(folded: str, now: datetime) -> list[_Day]:
    found = [
        *_day_words(folded, now),
        *_weekdays(folded, now),
        *_calendar_dates(folded, now),
        *_ago(folded, now),
    ]
    unreadable = [d for d in found if d.day == date.max]
    found = [d for d in found if not any(u.start <= d.start and d.end <= u.end for u in unreadable)]
    today = now.date()
    kept = [d for d in found if d.day <= today and not _excluded(folded, d.start)]
    kept = [_before_sleep(d, now) for d in kept]
    kept = [d for d in kept if not _not_yet(d, now)]
    kept.sort(key=lambda d: d.start)
    # A shorter hit inside a longer one ("maandag" in "maandag 30 november") is the same day.
    return [
        d
        for d in kept
        if not any(
            o is not d
            and o.start <= d.start
            and d.end <= o.end
            and (o.end - o.start) > (d.end - d.start)
            for o in kept
        )
    ]


#: When a part of the day begins: "vanavond" written at 10:00 cannot have happened yet.
_PART_STARTS = {"morning": 5, "afternoon": 12, "evening": 17}
#: Parts of a day that make "around 9" a clock time: not the night, where an early hour is
#: the day's own ("last night around 2"); a late one is not (see `_moment`).
_CLEAR_PARTS = frozenset(_PART_STARTS)


def _not_yet(day: _Day, now: datetime) -> bool:
    start = _PART_STARTS.get(day.part or "")
    return day.day == now.date() and start is not None and now.hour < start


#: Until this hour the day just ended is still "today" to someone who has not slept: "vanmiddag"
#: or "this evening" written at 00:30 after a late shift is the afternoon or evening before.
_SMALL_HOURS_END = 6


def _before_sleep(day: _Day, now: datetime) -> _Day:
    if now.hour < _SMALL_HOURS_END and _not_yet(day, now):
        return replace(day, day=day.day - timedelta(1))
    return day


def _excluded(folded: str, start: int) -> bool:
    """'elke maandag', 'niet gisteren', 'die ik gisteren wegstuurde': no day the story is
    about."""
    before = folded[max(0, start - 40) : start]
    denied = NEGATED.search(before) and not CORRECTION.search(before[-16:])  # "no sorry, friday"
    return bool(NOT_A_DAY.search(before) or denied or RELATIVE.search(before))


def _day_words(folded: str, now: datetime) -> list[_Day]:
    today = now.date()
    found = []
    for m in DAY_WORD.finditer(folded):
        start, end = m.span()
        if m.group("nl_day"):
            back = 2 if m.group("nl_day").startswith("eer") else 1
            part = PARTS.get(m.group("nl_part") or "")
            found.append(_Day(start, end, today - timedelta(back), part))
        elif m.group("van"):
            part = PARTS[m.group("van")]
            if part == "night":
                yesterday = today - timedelta(1)
                found.append(_Day(start, end, today, "night", night_of=yesterday))
            else:
                found.append(_Day(start, end, today, part))
        elif m.group("today"):
            evening = m.group("today") == "tonight"
            found.append(_Day(start, end, today, "evening" if evening else None))
        elif m.group("en_day"):
            back = 2 if "before" in m.group("en_day") else 1
            found.append(
                _Day(start, end, today - timedelta(back), PARTS.get(m.group("en_part") or ""))
            )
        elif m.group("this"):
            found.append(_Day(start, end, today, PARTS[m.group("this")]))
        elif m.group("this_night"):  # "this night around 2 am": the night just passed
            found.append(_Day(start, end, today, "night", night_of=today - timedelta(1)))
        elif m.group("last_night"):  # (or "the night before last")
            night = today - timedelta(2 if "before" in m.group("last_night") else 1)
            found.append(_Day(start, end, night, "night", night_of=night))
    return found


#: Every weekday the WEEKDAY pattern finds, short ones before a part of the day included.
_WEEKDAY_NUMBERS = WEEKDAYS | SHORT_WEEKDAYS


def _weekdays(folded: str, now: datetime) -> list[_Day]:
    today = now.date()
    found = []
    for m in NIGHT_BETWEEN.finditer(folded):
        first, second = WEEKDAYS.get(m.group("wd")), WEEKDAYS.get(m.group("wd2"))
        if first is not None and second == (first + 1) % 7:
            day = today - timedelta((today.weekday() - first) % 7 or 7)
            found.append(_Day(m.start(), m.end(), day, "night", night_of=day))
    for m in WEEKDAY.finditer(folded):
        weekday = _WEEKDAY_NUMBERS[m.group("wd")]
        last_week = bool(m.group("lastweek")) or (m.group("post") or "").strip() in (
            "vorige week",
            "van vorige week",
            "last week",
            "of last week",
        )
        if last_week:
            monday = today - timedelta(today.weekday() + 7)
            day = monday + timedelta(weekday)
        else:
            back = (today.weekday() - weekday) % 7
            if back == 0:
                if not (m.group("mod") or m.group("post")):
                    continue  # "maandag" said on a Monday: today or a week ago
                back = 7
            day = today - timedelta(back)
        part = PARTS.get(m.group("part") or m.group("en_part") or "")
        night_of = day if part == "night" else None
        found.append(_Day(m.start(), m.end(), day, part, night_of=night_of))
    return found


def _calendar_dates(folded: str, now: datetime) -> list[_Day]:
    found = []
    for m in ABSOLUTE_DATE.finditer(folded):
        if m.group("mon"):
            span = f"{m.group('d')} {m.group('mon')}"
        else:
            span = f"{m.group('d2')} {m.group('mon2')}"
        found.append(_dated(m, _parse_calendar(span, m.group("y"), now)))
    for m in ORDINAL_DAY.finditer(folded):
        number = int(m.group("d") or m.group("d2"))
        today = now.date()
        month_back = today.replace(day=1) - timedelta(days=1)
        day = _safe_date(today.year, today.month, number) if number <= today.day else None
        day = day or _safe_date(month_back.year, month_back.month, number)
        found.append(_dated(m, day))
    for m in NUMERIC_DATE.finditer(folded):
        if m.group("iy"):
            day = _safe_date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
        else:
            day = _parse_calendar(f"{m.group('d')}-{m.group('m')}", m.group("y"), now)
        found.append(_dated(m, day))
    return found


def _dated(m: re.Match[str], day: date | None) -> _Day:
    """A calendar date; one that cannot be read, or whose weekday disagrees, is kept as
    a day of `date.max`, which is dropped together with everything inside it."""
    if day is None or not _weekday_agrees(m.group("wd"), day):
        return _Day(m.start(), m.end(), date.max)
    return _Day(m.start(), m.end(), day)


_ABBREVIATED_WEEKDAYS = {
    "ma": 0, "di": 1, "wo": 2, "do": 3, "vr": 4, "za": 5, "zo": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4,
    "sat": 5, "sun": 6,
}  # fmt: skip


def _weekday_agrees(word: str | None, day: date) -> bool:
    if not word:
        return True
    wanted = WEEKDAYS.get(word, _ABBREVIATED_WEEKDAYS.get(word))
    return wanted is None or wanted == day.weekday()


def _parse_calendar(span: str, year: str | None, now: datetime) -> date | None:
    """Day and month (and year) of a calendar date, by dateparser; the year is the most
    recent one that puts the date on or before today when none is written."""
    parsed = _dateparser(span)
    if parsed is None:
        return None
    if year:
        full = int(year) + (2000 if len(year) == 2 else 0)
        return _safe_date(full, parsed.month, parsed.day)
    candidate = _safe_date(now.year, parsed.month, parsed.day)
    if candidate is None or candidate > now.date():
        candidate = _safe_date(now.year - 1, parsed.month, parsed.day)
    return candidate


def warm_up() -> None:
    """Import and prime dateparser (about 0.3 s, once per process), so the first story
    with a calendar date is not the one that waits for it."""
    _dateparser("1 januari")
    _dateparser("1 january")


@lru_cache(maxsize=256)
def _dateparser(span: str) -> datetime | None:
    import dateparser  # slow to import and to warm up: only when a date is written

    settings = {
        "DATE_ORDER": "DMY",
        "REQUIRE_PARTS": ["day", "month"],
        "PREFER_DAY_OF_MONTH": "first",
    }
    return dateparser.parse(span, languages=["nl", "en"], settings=settings)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _ago(folded: str, now: datetime) -> list[_Day]:
    found = []
    for m in AGO.finditer(folded):
        n_word, unit = m.group("n"), m.group("unit")
        count = _count(n_word)
        if count is None:
            continue
        if unit.startswith(("dag", "day", "nacht", "night", "wee", "wek")):
            days = count * 7 if unit.startswith(("wee", "wek")) else count
            if 1 <= count <= 6 and days <= 28:
                found.append(_Day(m.start(), m.end(), now.date() - timedelta(days=days)))
            continue
        minutes = count * (
            60 if unit.startswith(("uur", "hour")) else 15 if unit == "kwartier" else 1
        )
        # "een uur geleden": the day, not a time (it is only roughly an hour)
        found.append(_Day(m.start(), m.end(), (now - timedelta(minutes=minutes)).date()))
    return found


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word in ("a", "an", "een", "een half", "half a", "half an"):
        return 1
    if word == "anderhalf":
        return None
    return HOUR_WORDS.get(word)


# ------------------------------------------------------------------------ combining


def _latest_said(folded: str, days: list[_Day]) -> list[_Day]:
    """Days without those corrected after ("donderdag, nee sorry vrijdag") and, when
    another remains, without the day a series started ("het begon op 3 november, maar
    gisteren ...")."""
    kept = [
        day
        for day, after in zip(days, [*days[1:], None], strict=False)
        if after is None or not CORRECTION.search(folded, day.end, after.start)
    ]
    later = [d for d in kept if not STARTED.search(folded[max(0, d.start - 30) : d.start])]
    return later or kept


def _corrected(folded: str, times: list[Clock]) -> list[Clock]:
    """Clock times without those corrected after; the correction keeps the part of the
    day ("kwart over twee 's middags, nee wacht, kwart over drie" is 15:15)."""
    kept: list[Clock] = []
    carried: str | None = None
    for clock, after in zip(times, [*times[1:], None], strict=False):
        if after is not None and CORRECTION.search(folded, clock.end, after.start):
            carried = clock.part or carried
            continue
        kept.append(replace(clock, part=clock.part or carried))
        carried = None
    return kept


def _pick(folded: str, days: list[_Day], times: list[Clock]) -> tuple[_Day, Clock | None]:
    """The day the story is about (the first, or the first with a time near it), and its time."""
    near = [(d, _nearest(folded, d, times)) for d in days]
    with_time = [(d, c) for d, c in near if c is not None]
    day, clock = with_time[0] if with_time else near[0]
    if clock is None and len(times) == 1:
        clock = times[0]
    return day, clock


def _nearest(folded: str, day: _Day, times: list[Clock]) -> Clock | None:
    best: tuple[int, Clock] | None = None
    for clock in times:
        gap = clock.start - day.end if clock.start >= day.end else day.start - clock.end
        between = folded[min(day.end, clock.end) : max(day.start, clock.start)]
        if gap > _NEAR or re.search(r"[.!?\n]", between):
            continue
        if best is None or gap < best[0]:
            best = (gap, clock)
    return best[1] if best else None


def _moment(
    text: str, day: _Day, clock: Clock | None, now: datetime, shift: str | None
) -> Moment | None:
    words = text[day.start : day.end]
    if clock is None:
        return Moment(day.day, words=words)
    for candidate in _candidates(day, clock, shift):
        if candidate <= now:
            said = _joined(text, day, clock)
            # "last night around 2" tells the day, no clear time; "maandagavond rond 9 uur",
            # "Sunday afternoon at about 4", "monday night around 10" (22:00) are clear
            clear_part = (
                clock.part is not None
                or day.part in _CLEAR_PARTS
                # ("in de nacht van vrijdag op zaterdag rond 2 uur": the night's own hour)
                or day.part == "night"
                # ("rond 11:00" is written as a clock time; "rond 11 uur" is the morning's)
                or 7 <= clock.hour <= 12
                or bool(_WRITTEN_CLOCK.search(text, clock.start, clock.end))
            )
            if clock.approximate and clock.ambiguous and not clock.minute and not clear_part:
                return Moment(candidate.date(), words=said)
            return Moment(candidate.date(), candidate.time(), False, clock.approximate, said)
    only = _only_past_hour(day, clock, now)
    if only is not None:
        return Moment(only.date(), only.time(), False, clock.approximate, _joined(text, day, clock))
    # No clear time (or one still to come): the day, with the melder's words for the time.
    return Moment(day.day, words=_joined(text, day, clock))


def _only_past_hour(day: _Day, clock: Clock, now: datetime) -> datetime | None:
    """An early hour today that can only be the morning's, the afternoon's still to come:
    "vandaag 6u" written at 10:00 is 06:00 (not "rond 5": a round hour stays unclear)."""
    if day.day != now.date() or not clock.ambiguous or not 1 <= clock.hour <= 6:
        return None
    if day.part or clock.part or (clock.approximate and not clock.minute):
        return None
    morning = datetime.combine(day.day, time(clock.hour, clock.minute))
    return morning if morning <= now < morning + timedelta(hours=12) else None


_WRITTEN_CLOCK = re.compile(r"\d[:.]\d\d")


def _joined(text: str, day: _Day, clock: Clock) -> str:
    """The melder's words for the day and the time: one phrase when they stand together."""
    first, second = sorted(((day.start, day.end), (clock.start, clock.end)))
    if second[0] - first[1] <= _ADJACENT:
        return " ".join(text[first[0] : second[1]].split())
    return f"{text[first[0] : first[1]]} {text[second[0] : second[1]]}"


def _candidates(day: _Day, clock: Clock, shift: str | None) -> list[datetime]:
    """The moments the day and time may mean, most likely first."""
    part = clock.part or day.part or shift
    found = []
    for hour in hours(clock.hour, clock.ambiguous, part):
        on = day.day
        if day.night_of is not None:
            on = day.night_of + timedelta(1) if hour < 12 else day.night_of
        found.append(datetime.combine(on, time(hour % 24, clock.minute)))
    return found
