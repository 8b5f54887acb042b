"""Facts about where: the platform, the account or number, the place, the melder's team.

The platform uses the entity vocabulary of `nlu.entities` (the built-in list), with denied
mentions left out ("niet via instagram maar whatsapp"); a phone counts only when someone
called ("hij belde me"), not when a phone is merely there ("screenshot op mijn telefoon").
The team is matched fuzzily (rapidfuzz) on the organisation's own team names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from nlu.entities import BUILTIN_VOCABULARY, EntityExtractor
from nlu.facts_base import Extracted, Story, first_free, negated
from nlu.text import fold

__all__ = ["handle", "location_kind", "platform", "team"]


@lru_cache(maxsize=1)
def _platforms() -> EntityExtractor:
    # "op Google" is a Google review (the entity list only knows "google reviews").
    extra = {"google": "google-reviews"}
    return EntityExtractor({"platform": {**BUILTIN_VOCABULARY["platform"], **extra}})


_CALLED = re.compile(
    r"\b(?:belt|belde|bellen|gebeld|opgebeld|opbelt|belletje|telefoontje\w*|telefonisch|voicemail"
    r"|ingesproken|calls?|called|calling|rang|rings|phone calls?|on the phone|over the phone"
    r"|aan de telefoon|aan de lijn)\b"
)


def platform(story: Story) -> Extracted | None:
    """The platform, app or medium of an online threat (the report's options)."""
    folded = story.folded
    found = []
    for entity in _platforms().extract(story.text):
        if entity.value == "telefoon" and not _CALLED.search(folded):
            continue
        found.append((entity.start, entity.end, entity.value))
    # A phone call counts after any named app: "via whatsapp gebeld" is WhatsApp.
    named = [f for f in found if f[2] != "telefoon"] or found
    hit = first_free(named, folded)
    if hit is None and _CALLED.search(folded) and not found:
        match = _CALLED.search(folded)
        assert match is not None
        if not negated(folded, match.start(), match.end(), verb=True):
            return Extracted("telefoon", story.words(*match.span()))
    if hit is None:
        return None
    return Extracted(hit[2], story.words(hit[0], hit[1]))


# ---------------------------------------------------------------------------- handle

_HANDLE = re.compile(
    # links, with or without a scheme: "https://x.com/abc", "facebook.com/boze.man"
    r"(?P<url>(?:https?://|www\.)[^\s<>\"']+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|nl|net|org|be|eu|io"
    r"|me|tv|app|info)/[^\s<>\"']*)"
    # e-mail addresses
    r"|(?P<mail>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    # @handles
    r"|(?P<at>(?<![\w@./])@[A-Za-z0-9_][A-Za-z0-9_.]{1,30})"
    # Dutch and international phone numbers
    r"|(?P<phone>(?<![\w+])(?:\+|00)\d{1,3}[\s-]?(?:\(0\))?[\s-]?\d(?:[\s-]?\d){6,11}(?!\d)"
    r"|(?<![\w+])0\d{1,3}[\s-]?\d(?:[\s-]?\d){5,8}(?!\d))"
)
_TRAILING = ".,;:!?)'\""


def handle(story: Story) -> Extracted | None:
    """The first account name, phone number, e-mail address or link in the story."""
    for match in _HANDLE.finditer(story.text):
        value = match.group(0).rstrip(_TRAILING)
        if match.group("phone") and len(re.sub(r"\D", "", value)) < 9:
            continue
        return Extracted(value, value)
    return None


# ----------------------------------------------------------------------------- place

_PLACES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (value, re.compile(pattern))
    for value, pattern in (
        (
            "reception",
            r"\b(?:balie|receptie|receptiebalie|front ?desk|reception(?: desk| area)?"
            r"|aanmeldbalie|inschrijfbalie)\b",
        ),
        (
            "home_visit",
            r"\b(?:huisbezoek\w*|thuisbezoek\w*|home visits?|house calls?)\b"
            r"|\bbij\s+(?!(?:mij|me|ons|mijzelf)\b)(?:[\w.]+\s+){1,3}?thuis\b"
            r"|\b(?:at|in|to)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?(?:\w+'s\s+)"
            r"(?:home|house|flat|apartment)\b|\b(?:at|in)\s+(?:his|her|their)\s+(?:home|house)\b",
        ),
        (
            "ward",
            r"\b(?:afdeling|verpleegafdeling|verpleegpost|zusterpost|patientenkamer|behandelkamer"
            r"|spreekkamer|(?:op|in) de gang|ward|hallway|corridor|nurses'? station"
            r"|treatment room|consulting room"
            r"|kamer van (?:de|een|mijn)\s+(?:patient|client|bewoner)\w*"
            r"|(?:patient|client|resident)'s room|op (?:mijn|m'n|het) werk(?:plek)?|at work)\b",
        ),
        (
            "outside",
            r"\bbuiten\b(?!\s+(?:\S+\s+){0,3}om\b)(?!\s*(?:werktijd|diensttijd|kantoortijd|het werk"
            r"|werk|dienst|mijn|de )\b)|\b(?:parkeerplaats|parkeergarage|fietsenstalling|op straat"
            r"|op de stoep|car park|parking (?:lot|garage|area)|on the street|in the street"
            r"|outside(?!\s+(?:of\s+)?(?:work|working|office|my|the hours)))\b",
        ),
    )
)
# "ik werk op de afdeling X" describes the workplace, not where it happened.
_WORKPLACE = re.compile(r"\b(?:werk|werkt|work|works)\s+(?:op|bij|in|on|at)\s+(?:\w+\s+){0,2}$")


def location_kind(story: Story) -> Extracted | None:
    """Where in-person aggression happened: the first place mentioned and not denied."""
    folded = story.folded
    found = [
        (m.start(), m.end(), value)
        for value, pattern in _PLACES
        for m in pattern.finditer(folded)
        if not _WORKPLACE.search(folded[max(0, m.start() - 30) : m.start()])
    ]
    hit = first_free(found, folded)
    if hit is None:
        return None
    return Extracted(hit[2], story.words(hit[0], hit[1]))


# ------------------------------------------------------------------------------ team

#: Words of team names that name no team on their own ("Kliniek Noord": "noord").
_GENERIC = frozenset(
    (
        "de", "het", "van", "en", "the", "of", "and", "team", "teams", "locatie", "location",
        "afdeling", "department", "service", "dienst", "zorg", "care", "nursing", "verpleging",
        "noord", "zuid", "oost", "west", "north", "south", "east", "centrum", "centre",
        "center", "out", "hours", "gp",
    )
)  # fmt: skip
_DISTINCT_LENGTH = 7  # a single word names a team when it is this long and only theirs
_PHRASE_LENGTH = 10  # part of a team's name ("gp out of hours") names it when this long
_SCORE = 90
_TOKEN = re.compile(r"[\w']+")

TeamNames = tuple[tuple[str, tuple[str, ...]], ...]


def team(story: Story) -> Extracted | None:
    """The melder's team: a team's name, or a part of it only that team has, in the story
    (fuzzy: "wijkverpleging zuid", "de huisartsenpost", "the GP out-of-hours service");
    nothing when two teams are named."""
    if len(story.teams) < 2:
        return None
    folded = story.folded.replace("-", " ")
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(folded)]
    names = tuple((t, tuple(n)) for t, n in sorted(story.teams.items()))
    hits: dict[str, tuple[int, int]] = {}
    for team_id, (phrases, words) in _team_words(names).items():
        span = _phrase_span(phrases, folded) or _word_span(words, tokens)
        if span is not None and not negated(story.folded, *span):
            hits[team_id] = span
    if len(hits) != 1:
        return None
    [(team_id, (start, end))] = hits.items()
    return Extracted(team_id, story.words(start, end))


def _phrase_span(phrases: tuple[str, ...], folded: str) -> tuple[int, int] | None:
    for phrase in phrases:
        found = fuzz.partial_ratio_alignment(phrase, folded, score_cutoff=_SCORE)
        if found is None:
            continue
        start, end = found.dest_start, found.dest_end
        while start > 0 and folded[start - 1].isalnum():
            start -= 1
        while end < len(folded) and folded[end].isalnum():
            end += 1
        if end - start <= len(phrase) + 3:
            return start, end
    return None


def _word_span(
    words: tuple[str, ...], tokens: list[tuple[int, int, str]]
) -> tuple[int, int] | None:
    for word in words:
        for start, end, token in tokens:
            if abs(len(token) - len(word)) <= 2 and fuzz.ratio(word, token) >= _SCORE:
                return start, end
    return None


@lru_cache(maxsize=8)
def _team_words(teams: TeamNames) -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Per team: the parts of its names no other team has (longest first), and its long
    words no other team has."""
    grams = {t: _ngrams((*names, t)) for t, names in teams}
    words = {t: {w for g in grams[t] for w in g.split() if w not in _GENERIC} for t in grams}
    found = {}
    for team_id in grams:
        other_grams = set().union(*(g for t, g in grams.items() if t != team_id))
        other_words = set().union(*(w for t, w in words.items() if t != team_id))
        phrases = sorted(
            (g for g in grams[team_id] - other_grams if len(g) >= _PHRASE_LENGTH and " " in g),
            key=len,
            reverse=True,
        )
        distinct = sorted(w for w in words[team_id] - other_words if len(w) >= _DISTINCT_LENGTH)
        found[team_id] = (tuple(phrases), tuple(distinct))
    return found


def _ngrams(names: Sequence[str]) -> set[str]:
    """Every run of words of the names, folded, hyphens as spaces."""
    found: set[str] = set()
    for name in names:
        tokens = _TOKEN.findall(fold(name).replace("-", " ").replace("_", " "))
        for size in range(1, len(tokens) + 1):
            for i in range(len(tokens) - size + 1):
                found.add(" ".join(tokens[i : i + size]))
    return found
