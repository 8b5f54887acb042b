"""When it happened, also with a typo in the words of time: "yesterdy evening", "this mornin
around 8", "vanochend om 8 uur", "gisteravnd rond 9", "last nite", "yday", "vnmrgn om 8u".

`nlu.when.resolve` reads the words as typed. Only when it finds nothing are the words of
the text that are close to a word of time (rapidfuzz, ratio ≥ 85, five letters or more)
read as that word, and the text read again; the melder's own words are kept beside the
moment, as typed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from functools import lru_cache

from rapidfuzz import fuzz, process

from nlu.when import Moment, resolve

__all__ = ["resolve_with_typos"]

#: The words of time a typo is read as.
_VOCABULARY = (
    "gisteren", "gister", "eergisteren", "gisteravond", "gisterochtend", "gistermiddag",
    "gisternacht", "vanochtend", "vanmorgen", "vanmiddag", "vanavond", "vannacht", "vandaag",
    "yesterday", "today", "tonight", "morning", "afternoon", "evening", "night", "maandag",
    "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "ochtend", "middag", "avond",
    "afgelopen", "vorige", "geleden", "around",
)  # fmt: skip
#: Spellings of the phone that no ratio reaches.
_ALIASES = {
    "tonite": "tonight", "2nite": "tonight", "nite": "night", "yday": "yesterday",
    "yest": "yesterday", "ystdy": "yesterday", "2day": "today", "gistr": "gister",
    "vnmrgn": "vanmorgen", "vmrgn": "vanmorgen", "vnmorgen": "vanmorgen",
    "vnochtend": "vanochtend", "vnavond": "vanavond", "vnmiddag": "vanmiddag",
    "vnnacht": "vannacht", "gistravond": "gisteravond",
}  # fmt: skip
#: Words that are right as they are, near a word of time ("weken" is no "week").
_KEEP = frozenset(
    {"weken", "morgen", "morgens", "avonds", "nachts", "middags", "ochtends", "nachten"}
    | {"evenings", "mornings", "nights", "middle", "moment", "vandaan", "vandaar", "nachtje"}
    | {"avondje", "middagje", "weekends"}
    # every such day is a habit, not a day: "dinsdags", "on mondays"
    | {f"{day}s" for day in ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")}
    | {f"{day}s" for day in ("zaterdag", "zondag", "monday", "tuesday", "wednesday")}
    | {f"{day}s" for day in ("thursday", "friday", "saturday", "sunday")}
)
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_MIN_LENGTH = 5
_SCORE = 85


def resolve_with_typos(text: str, reference: datetime, timezone: str) -> Moment | None:
    """`nlu.when.resolve`, and when it finds nothing, again with typos in the words of time
    read as those words."""
    moment = resolve(text, reference, timezone)
    if moment is not None:
        return moment
    corrected = _corrected(text)
    if corrected is None:
        return None
    fixed, pieces = corrected
    moment = resolve(fixed, reference, timezone)
    if moment is None:
        return None
    return replace(moment, words=_as_typed(text, fixed, pieces, moment.words))


Piece = tuple[int, int, int, int]  # start and end in the corrected text, then in the typed


def _corrected(text: str) -> tuple[str, list[Piece]] | None:
    """The text with typos in words of time corrected, and where each piece came from; None
    when there was nothing to correct."""
    out: list[str] = []
    pieces: list[Piece] = []
    at = changed = 0
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        better = _better(word.casefold())
        if better is None:
            continue
        gap = text[at : match.start()]
        start = sum(len(p) for p in out) + len(gap)
        out.append(gap)
        out.append(better)
        pieces.append((start, start + len(better), match.start(), match.end()))
        at = match.end()
        changed += 1
    if not changed:
        return None
    out.append(text[at:])
    return "".join(out), pieces


@lru_cache(maxsize=4096)
def _better(word: str) -> str | None:
    """The word of time a word is a typo of, or None."""
    if word in _ALIASES:
        return _ALIASES[word]
    if len(word) < _MIN_LENGTH or word in _KEEP or word in _VOCABULARY:
        return None
    found = process.extractOne(word, _VOCABULARY, scorer=fuzz.ratio, score_cutoff=_SCORE)
    return None if found is None else str(found[0])


def _as_typed(text: str, fixed: str, pieces: list[Piece], words: str) -> str:
    """The melder's own words for what `words` says in the corrected text."""
    start = fixed.find(words)
    if start < 0 or not words:
        return words
    end = start + len(words)
    return text[_typed_at(start, pieces, end=False) : _typed_at(end, pieces, end=True)].strip()


def _typed_at(position: int, pieces: list[Piece], *, end: bool) -> int:
    """Where a position of the corrected text lies in the typed text."""
    shift = 0
    for c_start, c_end, t_start, t_end in pieces:
        if position < c_start or (end and position == c_start):
            break
        if position <= c_end:
            return t_end if end or position == c_end else t_start
        shift = t_end - c_end
    return position + shift
