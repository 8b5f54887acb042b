"""Places found by the twenty-fifth facts round, for `nlu.facts_place_more`: a client's home
by the melder's coming or going ("kwam ik bij mijn cliënt", "Ik kom net bij mevrouw
vandaan", "toen ik bij mw. de Wit naar binnen wilde"), by the visit ("thuiszorgbezoek",
"tijdens mijn bezoek"), by its door or garden ("my client's front door"), and in a story
about someone in care by its gallery or front garden ("op de galerij"); a client's room
named by the client ("op de kamer van meneer") as the ward's; a back exit as outside; the
melder's own home ("bij mijn huis") as somewhere else, as "bij mij thuis" is.
"""

from __future__ import annotations

import re

__all__ = ["CARE_PLACES_25", "PLACES_25"]

_CLIENT = (
    r"(?:(?:mijn|mn|m'n|een|de|onze)\s+)?(?:client\w*|clt|patient\w*|pt)"
    r"|meneer|mevrouw|mevr|mw|mnr|dhr|de\s+heer"
)

PLACES_25: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "home_visit",
        re.compile(
            # coming to or leaving a client: "kwam ik bij mijn cliënt", "ik kom net bij
            # mevrouw vandaan", "toen ik bij mw. de Wit naar binnen wilde"
            rf"\b(?:kwam|kom|was|ben)\s+ik\s+bij\s+(?:{_CLIENT})\b"
            rf"|\bik\s+(?:\w+\s+){{0,2}}?bij\s+(?:{_CLIENT})\b(?:\s+[\w.]+){{0,3}}?\s+(?:vandaan"
            r"|naar\s+binnen|binnen\s+(?:kwam|kom|wilde|ging|was))\b"
            # the visit itself: "thuiszorgbezoek", "tijdens mijn bezoek", "during my visit"
            r"|\bthuiszorg\s*bezoek\w*|\btijdens\s+mijn\s+(?:\w+)?bezoek\b|\bduring\s+my\s+visit\b"
            # the client's door or garden: "my client's front door", "the patient's doorstep"
            r"|\b(?:client|patient)(?:'s|s)\s+(?:front\s+|back\s+)?(?:door|doorstep|garden|porch"
            r"|driveway|gallery)\b"
        ),
    ),
    (
        "ward",
        # a client's room named by the client: "op de kamer van meneer"
        re.compile(r"\bop\s+de\s+kamer\s+van\s+(?:meneer|mevrouw|mevr|mw|dhr|mnr)\b"),
    ),
    (
        "outside",
        re.compile(
            r"\b(?:achteruitgang|achteringang|zijingang|zijuitgang|nooduitgang"
            r"|back\s+entrance|side\s+entrance|back\s+exit|staff\s+entrance)\b"
        ),
    ),
    (
        "other",
        # the melder's own home, someone turning up there, as "bij mij thuis": "stond
        # gisteravond ineens bij mijn huis" (not "fietste achter me aan tot bij mn huis")
        re.compile(
            r"\b(?:stond|stonden|kwam|kwamen|verscheen)\s+(?:[^\s.!?,]+\s+){0,6}?(?:bij|aan)\s+"
            r"(?:mijn|mn|m'n)\s+(?:eigen\s+)?(?:huis|woning)\b"
        ),
    ),
)
#: A client's gallery or front garden, in a story about someone in care: "op de galerij",
#: "in the front garden" (elsewhere a gallery may be a museum's, a garden a park's).
CARE_PLACES_25: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "home_visit",
        re.compile(r"\b(?:galerij|gallery|voortuin|front\s+garden)\b"),
    ),
)
