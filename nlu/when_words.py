"""The words of `nlu.when` as data: day words, weekdays, months, clock times, ongoing markers.

Every pattern is matched against text folded by `nlu.entities.fold_preserving_length`
(lowercase, no accents, straight apostrophes, offsets unchanged), in Dutch and English at
once: melders mix them ("gisteren at 4pm" is rare, "om 16:30 yesterday" rarer, but a Dutch
date in an English conversation is common).
"""

from __future__ import annotations

import re

from nlu.when_ongoing_words import ONGOING

__all__ = [
    "ABSOLUTE_DATE",
    "AGO",
    "DAY_WORD",
    "HOUR_WORDS",
    "MINUTE_WORDS",
    "MONTHS",
    "NEGATED",
    "NIGHT_BETWEEN",
    "NOT_A_DAY",
    "NUMERIC_DATE",
    "ONGOING",
    "PARTS",
    "PART_NEAR",
    "PAST",
    "PREP",
    "RANGE",
    "RELATIVE",
    "SHIFT",
    "SHIFTS",
    "SHORT_WEEKDAYS",
    "STARTED",
    "TIMES",
    "TIME_SAID",
    "WEEKDAY",
    "WEEKDAYS",
]

#: Hour and count words (Dutch and English); "een" only where it cannot be an article.
HOUR_WORDS: dict[str, int] = {
    "een": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
#: Minutes before or after an hour: "kwart over 3", "tien voor half 4", "twenty to five".
MINUTE_WORDS: dict[str, int] = {
    "vijf": 5,
    "tien": 10,
    "kwart": 15,
    "twintig": 20,
    "five": 5,
    "ten": 10,
    "quarter": 15,
    "a quarter": 15,
    "twenty": 20,
    "twenty-five": 25,
    "twenty five": 25,
}
_DUTCH_HOURS = "een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf"
_ENGLISH_HOURS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_HOUR = rf"(?:1[0-2]|0?[1-9]|{_DUTCH_HOURS}|{_ENGLISH_HOURS})"
# "om drieën", "rond vieren", "rond 2en": the Dutch hour with -en.
_HOUR_EN_FORM = (
    r"(?:enen|tweeen|drieen|vieren|vijven|zessen|zevenen|achten|negenen|tienen|elven|twaalven"
    r"|(?:1[0-2]|[1-9])en)"
)
_MINUTES = (
    r"(?:[1-9]|1[0-9]|2[0-9]|vijf|tien|kwart|twintig|five|ten|(?:a )?quarter|twenty(?:[ -]five)?)"
)
#: A preposition before a time; `approx` marks an approximate one ("rond half 5", "around 4").
PREP = (
    r"(?:\b(?P<approx>rond(?:om)?|omstreeks|ongeveer|tegen|circa|ca\.|around|about|approximately"
    r"|approx\.?|roughly)\s+(?:om\s+|at\s+)?|\b(?P<at>om|at|by)\s+)"
)

#: Parts of the day and how they are written.
PARTS: dict[str, str] = {
    "ochtend": "morning",
    "ochtends": "morning",
    "morgen": "morning",
    "morgens": "morning",
    "morning": "morning",
    "middag": "afternoon",
    "middags": "afternoon",
    "afternoon": "afternoon",
    "avond": "evening",
    "avonds": "evening",
    "evening": "evening",
    "nacht": "night",
    "nachts": "night",
    "night": "night",
    "av": "evening",  # "om 9 uur sav", "'s av": 's avonds typed short
}
#: A part of the day next to a time: "'s avonds", "in de ochtend", "in the afternoon", "at night".
PART_NEAR = re.compile(
    r"(?:'?s\s?|in de |in the |at |op de )(?P<part>ochtends?|morgens?|middags?|avonds?|nachts?"
    r"|morning|afternoon|evening|night|(?<=s)av|(?<=s )av)\b"  # "sav": 's avonds typed short
)
_NOT_AFTER_BARE = (
    r"(?![:.,]?\d|\s*(?:uur|hours?|minuten|minutes|dagen|days|weken|weeks|jaar|years|keer|times"
    r"|euro|procent|mensen|people|patient\w*|client\w*|collega\w*|kinderen|children)\b)"
)

WEEKDAYS: dict[str, int] = {
    "maandag": 0,
    "dinsdag": 1,
    "woensdag": 2,
    "donderdag": 3,
    "vrijdag": 4,
    "zaterdag": 5,
    "zondag": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    # abbreviations that are no other word ("fri 20:15"); not "sat", "sun", "wed", "do", "zo"
    "tue": 1,
    "tues": 1,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
}

#: Clock times, each with a named kind the resolver reads (see nlu.when._clock).
# Right after a part of the day: "this morning 7.45" (lookbehinds: each a fixed width).
_AFTER_PART = (
    "(?:"
    + "|".join(
        f"(?<={w} )"
        for w in (
            "morning",
            "afternoon",
            "evening",
            "night",
            "ochtend",
            "morgen",
            "middag",
            "avond",
            "nacht",
            "vanochtend",
            "vanmorgen",
            "vanmiddag",
            "vanavond",
            "vannacht",
            "gisteravond",
            "gisterochtend",
            "gistermiddag",
            "gisternacht",
            # a day said right before it: "gisteren 16.50", "zondag 23.15", "2day 8.45"
            "gisteren",
            "gister",
            "vandaag",
            "today",
            "2day",
            "yesterday",
            *WEEKDAYS,
        )
    )
    + ")"
)

TIMES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern))
    for kind, pattern in (
        # "tien over half 3" (14:40), "vijf voor half 4" (15:25)
        (
            "around_half",
            rf"(?:{PREP})?\b(?P<m>{_MINUTES})\s+(?P<dir>over|voor)\s+half\s+(?P<h>{_HOUR})\b",
        ),
        # "kwart over 3", "tien voor 4", "quarter past three", "twenty to five"
        (
            "past_to",
            rf"(?:{PREP})?\b(?P<m>{_MINUTES})\s+(?:minuten\s+|minutes\s+)?(?P<dir>over|voor|past|to)"
            rf"\s+(?P<h>{_HOUR})\b(?!\s*(?:uur|u)\s+(?:lang|geleden))",
        ),
        # "half past four"
        ("half_past", rf"(?:{PREP})?\bhalf\s+past\s+(?P<h>{_HOUR})\b"),
        # "half 5" (Dutch: 4:30), "half vijf"
        ("half", rf"(?:{PREP})?\bhalf\s+(?P<h>{_HOUR})\b(?!\s*(?:uur|hour|dag|day|jaar|year))"),
        # "4pm", "4:30 p.m."
        (
            "ampm",
            rf"(?:{PREP})?\b(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ap>[ap])(?:\.m\.|\s?m\b)",
        ),
        # "16:30", "8:45" (a colon is a clock time anywhere), "16.30 uur", "om 16.30"
        (
            "clock",
            rf"(?:{PREP})?(?<![\d:.,/-])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?!\d|:\d)"
            r"(?:\s*(?:uur|u|h)\b)?",
        ),
        (
            "clock",
            rf"(?:{PREP})?(?<![\d:.,/-])(?P<h>[01]?\d|2[0-3])\.(?P<min>[0-5]\d)\s*(?:uur|u|h)\b",
        ),
        # ("om 13.20." at the end of a sentence)
        ("clock", rf"{PREP}(?<![\d:.,/-])(?P<h>[01]?\d|2[0-3])\.(?P<min>[0-5]\d)(?![\d,]|\.\d)"),
        # "this morning 7.45", "vanavond 9.15": right after a part of the day
        ("clock", _AFTER_PART + r"(?P<h>[01]?\d|2[0-3])\.(?P<min>[0-5]\d)(?!\d|[,.]\d)"),
        # "1600 hrs", "0830 uur"
        ("clock", r"(?<![\d:.,/-])(?P<h>[01]\d|2[0-3])(?P<min>[0-5]\d)\s*(?:hrs|hours|uur|u|h)\b"),
        # "15u", "15u30", "15h", "15h30"
        ("clock", rf"(?:{PREP})?(?<![\d:.,/-])(?P<h>[01]?\d|2[0-3])[uh](?P<min>[0-5]\d)?\b"),
        # "om 3 uur", "om 15 uur", "rond drie uur"
        ("hour", rf"{PREP}(?P<h>{_HOUR}|1[3-9]|2[0-3]|00?)\s+uur\b(?!\s+(?:lang|geleden|later))"),
        # "4 o'clock", "drie uur 's middags"
        ("hour", rf"(?:{PREP})?\b(?P<h>{_HOUR})\s+o'?\s?clock\b"),
        (
            "hour",
            rf"(?:{PREP})?\b(?P<h>{_HOUR}|1[3-9]|2[0-3])\s+uur(?=\s+(?:'?s\s?|in de )"
            r"(?:ochtends?|morgens?|middags?|avonds?|nachts?|(?<=s)av\b))",
        ),
        # "8 in the morning", "9 's avonds"; not a date's month: "4/12 in de middag"
        (
            "hour",
            rf"(?:{PREP})?(?<![\d/.-])\b(?P<h>{_HOUR}|1[0-2]|0?[1-9])(?=\s+(?:in the (?:morning"
            r"|afternoon|evening)|at night|'?s\s?(?:ochtends|morgens|middags|avonds|nachts)"
            r"|in de (?:ochtend|middag|avond)))",
        ),
        # "maandag 11 uur", "gisteren 9 uur": an hour right after its day
        (
            "hour",
            _AFTER_PART + rf"(?P<h>{_HOUR}|1[3-9]|2[0-3])\s+uur\b(?!\s+(?:lang|geleden|later))",
        ),
        # "om 3", "rond drieën", "at 4", "at 9ish": a bare hour right after the preposition
        ("bare", rf"{PREP}(?P<h>1[0-2]|0?[1-9]|{_HOUR_EN_FORM})(?:\b|(?=ish\b)){_NOT_AFTER_BARE}"),
        # "Friday morning, 10ish": the "-ish" alone says it is about that hour
        ("bare", r"(?<![\d:.,/-])\b(?P<h>1[0-2]|0?[1-9])(?P<approx>ish)\b"),
        ("noon", r"\b(?P<h>noon|midday|middaguur)\b"),
        ("midnight", r"\b(?:om\s+|at\s+)?(?P<h>middernacht|midnight)\b"),
    )
)

#: "van 14:00 tot 22:00", "tussen 3 en 4", "from 2 to 10", "9-17 uur": a span, not a moment.
RANGE = re.compile(
    r"\b(?:van|vanaf|tussen|from|between)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:uur|u|h|am|pm)?\s*"
    r"(?:tot|en|to|and|until|till|-)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:uur|u|h|am|pm)?"
    r"|\b\d{1,2}(?:[:.]\d{2})?\s*(?:-|–|tot|to)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:uur|u|h)\b"
    r"|\b\d{1,2}[:.]\d{2}\s*(?:-|–)\s*\d{1,2}[:.]\d{2}"
)

# ------------------------------------------------------------------------------- dates

#: Day words: (days back, part of the day). "vannacht" and "last night" are the night just
#: passed (see nlu.when); "gisternacht" is left alone: people mean two different nights by it.
DAY_WORD = re.compile(
    r"\b(?:(?P<nl_day>eergister(?:en)?|gister(?:en)?)(?P<nl_part>ochtend|morgen|middag|avond)?"
    r"|(?:van|afgelopen\s+(?=nacht\b))(?P<van>ochtend|morgen|middag|avond|nacht)"
    r"|(?P<today>vandaag|today|2day|tonight|zojuist|daarnet|zonet|zo-even|zoeven|just now|net nog"
    r"|(?<![\w,;] )(?<!\w)net(?=\s+(?:bij|op|in|aan|toen|werd|kwam|gebeurd|gebeurde|is|was"
    r"|heeft|had|een|de|het)\b|\s+om\s+(?:\d|half\b|kwart\b))"
    # "ik ben net bedreigd", "hij heeft me net geslagen"; not "het is net als", "net zo".
    r"|(?:(?<=\bben )|(?<=\bwerd )|(?<=\bheeft )|(?<=\bhebben )|(?<=\bis )|(?<=\bme )"
    r"|(?<=\bmij )|(?<=\bheb )|(?<=\bkreeg )|(?<=\bkregen ))net"
    r"(?!\s+(?:zo|als|niet|wat|even|iets|genoeg|op tijd|goed|om de|om het|om te)\b)"
    r"(?=\s+\w)"
    # "i was just threatened", "i just got a message", "he has just left".
    r"|(?:(?<=\bwas )|(?<=\bhas )|(?<=\bhave )|(?<=\bve ))just(?=\s+(?:got|been|\w+ed)\b)"
    r"|(?<=\bi )just(?=\s+(?:got|had|received)\b)"
    # someone else's act: "a resident just spat in my face" (not "I just wanted to")
    r"|(?<!\bi )(?<!\bwe )just(?=\s+(?:spat|hit|bit|kicked|punched|slapped|pushed|shoved"
    r"|grabbed|threw|scratched|pinched|headbutted|attacked|assaulted|threatened|shouted"
    r"|screamed|yelled|swore|groped|choked|tried\s+to)\b))"
    r"|(?P<en_day>(?:the )?day before yesterday|yesterday)"
    r"(?:\s+(?:in the\s+)?(?P<en_part>morning|afternoon|evening))?"
    r"|this\s+(?P<this>morning|afternoon|evening)"
    r"|(?P<last_night>last night|the night before last)|(?P<this_night>this night))\b"
)
_WEEKDAY = "|".join(WEEKDAYS)
#: Short weekdays that are also other words ("I sat", "the sun"): a weekday only right before
#: a part of the day ("sat night", "sun morning").
SHORT_WEEKDAYS: dict[str, int] = {"mon": 0, "wed": 2, "sat": 5, "sun": 6}
WEEKDAY = re.compile(
    rf"\b(?:(?P<lastweek>vorige week|last week)\s+(?:op\s+|on\s+)?)?"
    rf"(?:(?P<mod>afgelopen|vorige|jongstleden|last|this past|past)\s+)?"
    rf"(?P<wd>{_WEEKDAY}|(?:{'|'.join(SHORT_WEEKDAYS)})(?=\s+(?:morning|afternoon|evening|night)\b))"
    r"(?P<part>ochtend|morgen|middag|avond|nacht)?"
    r"(?:\s+(?P<en_part>morning|afternoon|evening|night))?"
    r"(?:\s+(?P<post>vorige week|van vorige week|last week|of last week|jongstleden|j\.?l\.?))?\b"
)
#: Words before a weekday or day that make it no single day: "elke maandag", "sinds gisteren".
NOT_A_DAY = re.compile(r"\b(?:elke|iedere|every|each|tot|until|till)\s+(?:\w+\s+)?$")
MONTHS: dict[str, int] = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "feb": 2,
    "february": 2,
    "maart": 3,
    "mrt": 3,
    "mar": 3,
    "march": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "augustus": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "oct": 10,
    "october": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WD_PREFIX = (
    rf"(?:(?P<wd>{_WEEKDAY}|ma|di|wo|do|vr|za|zo|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"\.?,?\s+(?:the\s+)?)?"
)
#: "12 november", "maandag 30 nov", "on 12 November 2026", "November 12th", "12th of Nov".
ABSOLUTE_DATE = re.compile(
    rf"\b{_WD_PREFIX}(?:(?P<d>[0-3]?\d)(?:e|ste|de|st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\b\.?"
    rf"|(?P<mon2>{_MONTH})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\b)(?:,?\s+(?P<y>20\d\d))?"
)
#: "3-11", "3/11", "12-11-2026", "2026-11-12"; not a phone number ("06-12 34 56 78").
NUMERIC_DATE = re.compile(
    rf"(?<![\w./+-]){_WD_PREFIX}(?:(?P<d>[0-3]?\d)[-/](?P<m>[01]?\d)(?:[-/](?P<y>(?:20)?\d\d))?"
    r"|(?P<iy>20\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d))"
    r"(?![\w/:-]|\.\d|\s*(?:uur|u\b|h\b|:)|\s\d\d\s\d\d)"
)
#: A day of the month alone: "on the 26th", "29th, 16:30", "op de 27e", "de 28ste".
ORDINAL_DAY = re.compile(
    rf"\b{_WD_PREFIX}(?:(?:on\s+)?(?:the\s+)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)"
    rf"|(?:op\s+)?de\s+(?P<d2>[0-3]?\d)(?:e|ste|de))\b(?!\s+(?:of\s+)?(?:{_MONTH})\b)"
    r"(?!\s+(?:keer|time|times|floor|verdieping|etage|plaats|place|week|day|dag|minute|minuut"
    r"|birthday|verjaardag|century|eeuw|jaar|year))"
)
#: Words that correct what was just said: "thursday, no sorry friday", "nee wacht".
CORRECTION = re.compile(
    r"\b(?:no\s+sorry|nee\s+sorry|sorry\s+no|no\s+wait|nee\s+wacht|wacht\s+nee|i\s+mean|ik\s+bedoel"
    r"|or\s+rather|of\s+eigenlijk|nee\s+toch|eh\s+nee|uh\s+no|correction|correctie)\b"
)
#: "2 dagen geleden", "2 nights ago", "a week ago", "an hour ago", "een half uur geleden".
AGO = re.compile(
    r"\b(?P<n>\d{1,2}|een|anderhalf|twee|drie|vier|vijf|zes|a|an|one|two|three|four|five|six"
    r"|een half|half an?)\s+(?P<unit>dag|dagen|days?|nachten|nights?|weke?n?|weeks?|uur|uren"
    r"|hours?|minuten|minutes|kwartier)"
    r"\s+(?:geleden|ago)\b"
)

#: Words before a day that make it the start of something still going on ("sinds maandag").
STARTED = re.compile(
    r"\b(?:sinds|since|vanaf|from|begon|begonnen|startte|started|began|begun)\s+(?:\w+\s+){0,2}$"
)
#: A one-off event in the past tense: with still-going-on, a past day makes the story unclear
#: ("al maanden opmerkingen, vandaag ging hij te ver": which moment is the report about?).
PAST = re.compile(
    r"\b(?:was|waren|werd|werden|had|hadden|ging|kwam|zei|sloeg|stond|liep|zag|gaf|vroeg|deed"
    r"|kreeg|schreef|stuurde|belde|riep|trok|greep|bleef|vond|nam|hield|wilde|begon|heeft"
    r"|hebben|is\s+\w+\s+ge\w+|went|came|said|asked|hit|were|did|told|got|grabbed|threw|spat"
    r"|bit|took|made|wrote|sent|called|tried|shouted|pushed|kicked|\w{3,}ed"
    # Dutch weak past tense ("duwde", "schopte"), not adjectives that end alike
    r"|(?!(?:grote|oude|late|beste|eerste|laatste|vreemde|rode|goede|hele|halve|brede|mede"
    r"|vorige|andere|zijde|tweede|derde|vierde|vijfde|zesde|zevende|achtste|harde|zachte"
    r"|lichte|echte|rechte|slechte|witte|zwarte|gewone|dode)\b)\w{2,}(?:de|te|den|ten))\b"
)
#: Shift words that tell the part of the day of a bare hour ("in de avonddienst om 8 uur").
SHIFTS: dict[str, str] = {
    "avonddienst": "evening",
    "late dienst": "evening",
    "evening shift": "evening",
    "late shift": "evening",
    "nachtdienst": "night",
    "night shift": "night",
    "ochtenddienst": "morning",
    "vroege dienst": "morning",
    "morning shift": "morning",
    "early shift": "morning",
    # the rounds of home care and wards: "during the evening round, around half past 8"
    "avondronde": "evening",
    "evening round": "evening",
    "evening visit": "evening",
    "ochtendronde": "morning",
    "morning round": "morning",
    "morning visit": "morning",
}
SHIFT = re.compile(r"\b(?:" + "|".join(SHIFTS) + r")\b")
#: "de nacht van zaterdag op zondag", "the night from Saturday to Sunday".
NIGHT_BETWEEN = re.compile(
    r"\b(?:in\s+)?(?:de nacht van|the night (?:from|of|between))\s+(?P<wd>\w+)\s+"
    r"(?:op|to|on|and)\s+(?P<wd2>\w+)\b"
)
#: A day inside a relative clause tells about something else: "een patiënt die ik gisteren
#: wegstuurde heeft ... geschreven".
RELATIVE = re.compile(
    # (not past a clause that closes on not knowing them: "iemand die ik niet ken heeft
    # gisteren")
    r"\b(?:die|dat|wie|who|whom|that)\s+(?:ik|i|we|wij)\s+(?:(?!(?:niet|nooit|don'?t|didn'?t)\s+"
    r"(?:ken|kende|kenden|herken|herkende|know|knew)\s)[^\s.!?]+\s+){0,3}$"
    r"|\b(?:a|an|the)\s+\w+\s+i\s+\w+(?:\s+(?:away|off|out|in|up|down))?\s+$"
)

#: A negation right before a day word: "niet gisteren maar eergisteren".
NEGATED = re.compile(r"\b(?:niet|geen|not|no|never|nooit)\s+(?:\w+\s+)?$")

#: Words of time among the words of something going on ("al weken", "since the summer"): only
#: then are they kept beside "still going on".
TIME_SAID = re.compile(
    r"\b(?:still|nog|steeds|sinds|since|for|al|weeks?|weken|days?|dagen|months?|maanden|every"
    r"|elke|iedere|daily|dagelijks|ongoing|gaande|gang|door|again|weer|nights?|nachten|keeps?"
    r"|blijft|telkens|continues|going on)\b"
)
