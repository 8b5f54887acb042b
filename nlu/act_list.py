"""A message that only lists acts, as a form answer ("slaan en schoppen", "kicking and
hitting, both arms", "pushed + spat"): what was done, told afterwards, not danger now. The
classifier alone reads such words as an attack; the rules still fire for danger told in
them ("slaan en schoppen NU")."""

from __future__ import annotations

import re

from nlu.rule_text import normalise_for_rules

__all__ = ["lists_acts"]

_ACT = (
    r"(?:kicking|hitting|punching|biting|spitting|pushing|shoving|scratching|pinching|grabbing"
    r"|throwing|shouting|swearing|threatening|slapping|kicked|hit|punched|bit|spat|pushed"
    r"|shoved|scratched|pinched|grabbed|slapped|slaan|schoppen|stompen|bijten|spugen|duwen"
    r"|krabben|knijpen|trappen|schelden|dreigen|gooien|slaag|klappen|duw|schop|klap|trap"
    r"|gebeten|geslagen|geschopt|gespuugd|geduwd|gekrabd|geknepen)"
)
_ACT_LIST = re.compile(
    rf"^\W*{_ACT}(?:\s*(?:,|\+|&|/|and|en|or|of)\s*{_ACT})*"
    r"(?:\s*,?\s*(?:both arms|beide armen|in (?:the|my|mn|mijn|het|m'n) \w+|op (?:mn|mijn|m'n) \w+"
    r"|meerdere keren|several times|a few times))?\W*$"
)


def lists_acts(text: str) -> bool:
    """Whether a message only lists acts (and where they landed)."""
    return len(text) <= 80 and _ACT_LIST.match(normalise_for_rules(text)) is not None
