"""Places told by a client's grounds and by desks and rooms said short, for
`nlu.facts_place_more`: in a story about someone in care, the client's driveway or garden
("in their driveway", "op hun oprit", "in de tuin van zijn moeder"), the melder leaving or
entering the house ("when I tried to leave the house") as the home visit, and a numbered room
told on its own (", room 214,") as the ward's; anywhere, a triage window as the reception and
the front of the melder's own house as somewhere else (as "at my own house" is).
"""

from __future__ import annotations

import re

__all__ = ["CARE_GROUNDS", "GROUNDS"]

_HIS = r"(?:his|her|their|zijn|haar|hun|zn|z'n|d'r)"
_KIN_OR_CLIENT = (
    r"(?:moeder|vader|oma|opa|mama|papa|ouders|mum|mom|mother|father|dad|gran|nan|grandma"
    r"|grandpa|parents|client\w*|patient\w*|meneer|mevrouw|mevr|mw|dhr)"
)

GROUNDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "reception",
        re.compile(r"\btriage\s*(?:window|hatch|luik|raam)\b|\btriageloket\b"),
    ),
    (
        "other",
        re.compile(
            r"\bin\s+front\s+of\s+(?:my|mijn)\s+(?:own\s+)?(?:house|home|flat|front\s+door)\b"
        ),
    ),
)
#: Only in a story about someone in care: elsewhere a driveway or garden may be anyone's.
CARE_GROUNDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "home_visit",
        re.compile(
            rf"\b(?:in|on|at|op)\s+{_HIS}\s+(?:driveway|drive|front\s+garden|garden|porch|oprit"
            r"|tuin|voortuin|stoep)\b"
            # (the start before "tuin", which alone is outside)
            rf"|\b(?:in|op|at)\s+(?:de|het|the)\s+(?:\w+)?(?:tuin|oprit|garden|driveway)\s+(?:van|of)"
            rf"\s+(?:{_HIS}|de|het|the|my|mijn|mn)\s+{_KIN_OR_CLIENT}\b"
            # (an attempt or a moment, not "so I couldn't leave the flat": kept there)
            r"|\b(?:(?:tried|trying|went|was\s+about|wanted|got\s+up)\s+to\s+(?:leave|enter)"
            r"|(?:i|we)\s+(?:left|was\s+leaving|were\s+leaving|entered|was\s+entering))\s+the\s+"
            r"(?:house|flat|apartment|bungalow)\b"
        ),
    ),
    (
        "ward",
        re.compile(r"(?:^|[,(;]\s*)(?:room|kamer)\s+\d{1,3}\b(?!\s*(?:uur|hours?|minut\w*|days?))"),
    ),
)
