"""Who did it in everyday words, for `nlu.facts_relation_more` (which adds these to its own):
a patient's family named by the bed ("the guy from bed 3's family"), a neighbour brought
along for care ("a man who brought his neighbour to the post") as a visitor, and strangers
told as "some lady I never saw before" or "a man none of us knew".
"""

from __future__ import annotations

import re

__all__ = ["BEZOEKER_EVERYDAY", "NAASTE_EVERYDAY", "ONBEKEND_EVERYDAY"]

_HIS = r"(?:zijn|haar|hun|zn|z'n|d'r|his|her|their)"

#: The family of whoever lies in a numbered bed or room: "the guy from bed 3's family",
#: "the family of the man in room 4".
NAASTE_EVERYDAY = re.compile(
    r"\b(?:bed|room|kamer)\s+\d{1,3}'s\s+(?:family|relatives?|wife|husband|son|daughter"
    r"|mum|mom|dad|mother|father|brother|sister|missus|hubby)\b"
    r"|\b(?:family|relatives?)\s+(?:of|from)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:in|from)\s+"
    r"(?:bed|room)\s+\d{1,3}\b"
)
#: Someone who brought a neighbour or acquaintance for care (not a relative): a visitor.
BEZOEKER_EVERYDAY = re.compile(
    rf"\b(?:who|die|that)\s+(?:had\s+)?(?:brought|bracht|had\s+gebracht)\s+{_HIS}\s+"
    r"(?:neighbou?r|buurman|buurvrouw|acquaintance|kennis|housemate|huisgenoot|huisgenote"
    r"|flatmate)\b"
)
#: A stranger in plain words: "some lady I never saw before", "a man none of us knew".
ONBEKEND_EVERYDAY = re.compile(
    r"\b(?:lady|ladies|gentleman|chap|fella|fellow|dude|bloke|geezer|woman|man|guy|girl|boy"
    r"|lad|someone|somebody)\s+(?:that\s+|who\s+|whom\s+)?(?:i|we)(?:'ve|'d|\s+have|\s+had)?\s+"
    r"never\s+(?:saw|seen|met)\b"
    r"|\b(?:none\s+of\s+us|not\s+one\s+of\s+us)\s+(?:knew|knows|had\s+seen|recogni[sz]ed)\b"
    r"|\b(?:die|dat)\s+niemand\s+van\s+ons\s+(?:kende|kent|herkende)\b"
)
