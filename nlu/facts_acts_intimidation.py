"""Acts of intimidation and warnings, for `nlu.facts_acts` and `nlu.facts_acts_slang`: turning
up at the melder's own home again and again ("staat regelmatig bij mij thuis voor de deur",
"keeps turning up at my own home"), the melder's car keyed, a slur about being foreign
(personal); a threat in words, also beside a weapon only shown: "threatened to", "'watch
yourself'", "zei dat ik 'moest oppassen'", "he'd make sure I lost my job" (verbal).
"""

from __future__ import annotations

import re

__all__ = ["PERSONAL_INTIMIDATION", "THREAT_WORDS"]

_MY = r"(?:mijn|m'n|mn|my)"

PERSONAL_INTIMIDATION = re.compile(
    # at the melder's own home, told in the present or with many words between
    r"\b(?:staat|staan|stond|stonden|komt|kwam|verschijnt|verscheen|stands|stood|turns?\s+up"
    r"|turning\s+up|turned\s+up|shows?\s+up|showing\s+up|showed\s+up)\s+(?:\S+\s+){0,9}?"
    rf"(?:bij\s+(?:mij|me)\s+thuis|(?:bij|voor)\s+{_MY}\s+(?:eigen\s+)?(?:huis|voordeur|woning)"
    rf"|(?:at|outside|in\s+front\s+of)\s+{_MY}\s+(?:own\s+)?(?:house|home|flat|front\s+door"
    r"|place))\b"
    # the melder's car keyed: "keyed the side of my car"
    rf"|\bkeyed\s+(?:\S+\s+){{0,4}}?{_MY}\s+(?:own\s+)?car\b"
    # a slur about being foreign: "called me a 'stupid foreigner'", "vuile buitenlander"
    r"|\b(?:stupid|dirty|bloody|fucking|effing|filthy|domme|vuile|kut|kanker)\s+(?:foreigner"
    r"|immigrant|migrant|buitenlander|allochtoon)s?\b"
)
# "threatened to come back with a knife": a threat in words, also with a weapon named; a
# warning ("'watch yourself'", "dat ik 'moest oppassen'") or one's job at stake.
THREAT_WORDS = re.compile(
    r"\b(?:threatened|dreigde|dreigt|gedreigd)\s+(?:(?:me|mij)\s+)?(?:to|that|te|dat|om)\b"
    r"|\bwatch\s+(?:yourself|your\s+back|your\s+step)\b"
    r"|\b(?:moet|moest|moeten)\s+(?:je\s+|jij\s+|ik\s+|u\s+)?(?:maar\s+|goed\s+|wel\s+)?"
    r"(?:oppassen|uitkijken)\b"
    r"|\bmake\s+sure\s+(?:i|you)\s+(?:\S+\s+){0,2}?(?:lost|lose|get\s+fired|got\s+fired"
    r"|get\s+sacked|got\s+sacked)\b|\b(?:get|got|have)\s+(?:me|you)\s+(?:fired|sacked)\b"
    r"|\bzorgen?\s+dat\s+(?:je|jij|ik)\s+(?:\S+\s+){0,3}?(?:ontslagen|baan\s+kwijt)\b"
)
