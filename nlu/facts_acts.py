"""What kind of aggression a story describes, in the ARO categories of the report.

Fysiek (hitting, kicking, spitting, pushing, grabbing, biting, throwing things at someone)
before persoonlijk (intimidation, discrimination, stalking, sexual remarks) before verbaal
(shouting, swearing, insults, threats in words): a story of shouting and then pushing is
physical aggression. A physical word inside a threat ("dreigde me te slaan", "threatened to
hit me") is a threat in words, and denied acts ("hij sloeg me niet") do not count.
"""

from __future__ import annotations

import re

from nlu.facts_base import Extracted, Story, clause_around, negated

__all__ = ["aro_category"]

_PHYSICAL = re.compile(
    r"\b(?:sloeg|slaat|sloegen|geslagen|klap|klappen|vuistslag\w*|stompte|stompt|gestompt"
    r"|schopte|schopt|schopten|geschopt|trapte|trapt|getrapt|spuugde|spuugt|spoog|gespuugd"
    r"|bespuugd|spuwde|duwde|duwt|duwden|geduwd|weggeduwd|greep|grijpt|gegrepen|vastgegrepen"
    r"|vastgepakt|beet|bijt|gebeten|krabde|krabt|gekrabd|kneep|knijpt|geknepen|wurgde|gewurgd"
    r"|sleurde|gesleurd|kopstoot|mishandeld|mishandelde|aangevallen|aanviel|viel\s+(?:me|mij)\s+aan"
    r"|slaan|schoppen|trappen|stompen|spugen|duwen|bijten|krabben|knijpen|wurgen|aanvallen"
    r"|in elkaar slaan|kick|push|bite|spit|attack"
    r"|hit|hits|hitting|punched|punch|kicked|kicks|kicking|spat|spit|spitting|pushed|pushing"
    r"|shoved|grabbed|grabbing|bit|bitten|scratched|pinched|slapped|choked|strangled"
    r"|attacked|assaulted|headbutted|physically)\b"
    r"|\b(?:gooide|gooit|gegooid|smeet|smijt|wierp|threw|thrown|throwing)\b(?=(?:\s+\S+){0,5}?"
    r"\s+(?:naar|tegen|op|at)\s+(?:me|mij|mijn|my|me)\b)"
    r"|\bfysiek\w*\b"
)
_PERSONAL = re.compile(
    r"\b(?:intimid\w*|discrimin\w*|racist\w*|racism\w*|stalk\w*|achtervolg\w*|seksistisch\w*"
    r"|sexist\w*|homofob\w*|homophob\w*|seksuele?\s+(?:opmerking\w*|intimidatie|toespeling\w*)"
    r"|sexual\s+(?:remarks?|comments?|harassment|innuendo)|ongewenste\s+intimiteit\w*"
    r"|(?:volgde|volgt)\s+(?:me|mij)|(?:liep|loopt)\s+(?:me|mij)\s+achterna"
    r"|followed\s+me|follows\s+me|following\s+me)\b"
)
_VERBAL = re.compile(
    r"\b(?:schold|scheldt|scholden|gescholden|uitgescholden|uitschelden|uitschold|uitscheldt"
    r"|scheldwoord\w*|schreeuwde|schreeuwt|schreeuwden|geschreeuwd|tierde|vloekte|vloekt"
    r"|gevloekt|beledigde|beledigt|beledigd|belediging\w*|bedreigde|bedreigt|bedreigd"
    r"|bedreiging\w*|dreigde|dreigt|gedreigd|verbaal|verbale|shouted|shouting|yelled|yelling"
    r"|screamed|screaming|swore|swearing|cursed|insulted|insulting|threatened|threatening"
    r"|verbal\w*|called\s+me\s+an?)\b"
)
# "dreigde me te slaan", "zei dat hij me zou slaan", "threatened to hit me".
_THREAT_BEFORE = re.compile(
    r"\b(?:dreig\w*|bedreig\w*|zou|zal|zouden|ga|gaat|gaan|wil|wilde|threat\w*"
    r"|would|will|going to|gonna|wanted to)\b(?:\s+\S+){0,4}\s*$"
)
# "probeerde me te slaan", "almost hit me": an attempt is left to the melder to name.
_ATTEMPT_BEFORE = re.compile(
    r"\b(?:probeerde|probeert|bijna|tried to|tries to|almost|nearly)\b(?:\s+\S+){0,3}\s*$"
)
_FIRST_PERSON = re.compile(r"\b(?:me|mij|mijn|m'n|ik|my|i|myself|mezelf)\b")
# "bedreigd met een mes": a threat with a weapon is neither words nor a blow.
_ARMED = re.compile(
    r"\bmet\s+(?:een|zijn|haar)\s+(?:mes|wapen|pistool|schaar|bijl)|\bwith\s+a\s+(?:knife|gun|weapon)"
)


def aro_category(story: Story) -> Extracted | None:
    """fysiek, persoonlijk or verbaal: the most serious act the story tells."""
    folded = story.folded
    for value, pattern in (("fysiek", _PHYSICAL), ("persoonlijk", _PERSONAL)):
        for match in pattern.finditer(folded):
            if _counts(folded, match, physical=value == "fysiek"):
                return Extracted(value, story.words(*match.span()))
    if _ARMED.search(folded):
        return None
    for match in _VERBAL.finditer(folded):
        if not negated(folded, match.start(), match.end(), verb=True):
            return Extracted("verbaal", story.words(*match.span()))
    threat = next((m for m in _PHYSICAL.finditer(folded) if _threatened(folded, m.start())), None)
    return None if threat is None else Extracted("verbaal", story.words(*threat.span()))


def _counts(folded: str, match: re.Match[str], *, physical: bool) -> bool:
    start, end = match.span()
    if negated(folded, start, end, verb=True):
        return False
    if not physical:
        return True
    if _threatened(folded, start) or _attempted(folded, start):
        return False
    left, right = clause_around(folded, start, end)
    return bool(_FIRST_PERSON.search(folded[left:right])) or match.group(0).startswith("fysiek")


def _threatened(folded: str, start: int) -> bool:
    left, _ = clause_around(folded, start, start)
    return bool(_THREAT_BEFORE.search(folded[max(left, start - 40) : start]))


def _attempted(folded: str, start: int) -> bool:
    left, _ = clause_around(folded, start, start)
    return bool(_ATTEMPT_BEFORE.search(folded[max(left, start - 30) : start]))
