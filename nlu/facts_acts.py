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

__all__ = ["ACT", "aro_category"]

_PHYSICAL = re.compile(
    r"\b(?:sloeg|slaat|sloegen|geslagen|klap|klappen|vuistslag\w*|stompte|stompt|gestompt"
    r"|schopte|schopt|schopten|geschopt|trapte|trapt|getrapt|duwde|duwt|duwden|geduwd|duw"
    r"|weggeduwd|greep|grijpt|gegrepen|vastgegrepen|vastgepakt|beet|bijt|gebeten|krabde|krabt"
    r"|gekrabd|kneep|knijpt|geknepen|wurgde|gewurgd|sleurde|gesleurd|kopstoot|mishandeld"
    r"|mishandelde|aangevallen|aanviel|viel\s+(?:me|mij)\s+aan|raakte|geraakt|mep|trap|stomp"
    r"|schop|knietje|elleboogstoot"
    r"|slaan|schoppen|trappen|stompen|duwen|bijten|krabben|knijpen|wurgen|aanvallen"
    r"|in elkaar slaan|kick|push|bite|attack|swung|caught"
    r"|hit|hits|hitting|punched|punch|kicked|kicks|kicking|pushed|pushing|shoved|grabbed"
    r"|grabbing|bit|bitten|scratched|pinched|slapped|choked|strangled|attacked|assaulted"
    r"|headbutted|physically)\b"
    r"|\b(?:pakte|greep|trok|pulled|held|had)\s+[^.,;]{0,60}?\b(?:arm|armen|hand|pols|keel"
    r"|haar|haren|nek|wrist|throat|hair|neck|shoulders?|schouders?)\b"
    r"|\b(?:handen|hands)\s+(?:om|round|around)\s+(?:mijn|my)\s+(?:keel|nek|throat|neck)"
    r"|\bfysiek\w*\b"
)
# Spitting and throwing count whatever they hit ("spuugde op mijn jas", "threw it at me").
_SPAT_THREW = re.compile(
    r"\b(?:spuugde|spuugt|spoog|gespuugd|bespuugd|spuwde|spugen|spit|spat|spitting)\b"
    r"|\b(?:gooide|gooit|gegooid|smeet|smijt|wierp|threw|thrown|throwing)\b(?=(?:\s+\S+){0,6}?"
    r"\s+(?:naar|tegen|op|over|at|in)\s+(?:\S+\s+){0,3}?(?:me|mij|mijn|my)\b)"
)
_PERSONAL = re.compile(
    r"\b(?:intimid\w*|discrimin\w*|racist\w*|racism\w*|stalk\w*|achtervolg\w*|seksistisch\w*"
    r"|sexist\w*|homofob\w*|homophob\w*|seksue\w*\s+(?:getinte\s+)?(?:opmerking\w*|intimidatie"
    r"|toespeling\w*)|sexual\s+(?:remarks?|comments?|harassment|innuendo|messages?)"
    r"|ongewenste\s+intimiteit\w*|buitenlander\w*|eigen land|go back where|zwarte aap"
    # following, waiting, staring, standing too close
    r"|(?:volgde|volgt)\s+(?:me|mij)|(?:liep|loopt)\s+(?:me|mij)\s+(?:\S+\s+){0,2}?achterna|achter\s+(?:me|mij)"
    r"\s+aan|followed\s+me|follows\s+me|following\s+me|behind\s+me|(?:wacht\w*|stond)\s+"
    r"(?:\S+\s+){0,3}?(?:me|mij)\s+op\b|op\s+te\s+wachten|waiting\s+for\s+me|waits\s+at"
    r"|turning\s+up|(?:me|mij)\s+(?:\S+\s+)?aanstaren|(?:staarde|stared|staring)\s+(?:\S+\s+){0,2}?"
    r"(?:me|mij)|(?:dicht|vlak)\s+(?:bij|voor)\s+(?:me|mij)"
    r"|really\s+close|right\s+in\s+front\s+of\s+me"
    # blocking the way: "ik kon er niet langs", "wouldn't let me out", "boxed in"
    r"|(?:kon|mocht)\s+(?:er\s+)?(?:niet|pas)\s+(?:langs|weg|door|eruit)|liet\s+(?:me|mij)\s+"
    r"niet\s+(?:gaan|weg|langs|door)|(?:couldn'?t|could not)\s+(?:get\s+past|leave"
    r"|get\s+out)|(?:wouldn'?t|would not)\s+let\s+me|locked\s+the|deur\s+dicht"
    # comments on the body, and implicit threats about home and family
    r"|opmerkingen\s+over\s+mijn\s+lichaam|dingen\s+over\s+mijn\s+lichaam|about\s+my\s+body"
    r"|on\s+my\s+body|schatje|lekker\s+ding|sweetheart|sexy"
    r"|(?:weet|weten|know|knows)\s+(?:\w+\s+){0,2}?(?:waar|where|which\s+street)\s+(?:ik|jij|je"
    r"|you|i)\s+(?:woon|woont|live|lives)|(?:je|jouw|your)\s+(?:auto|car)\s+(?:in|on)"
    r"|mond\s+(?:kon|moet|moest)?\s*houden|keep\s+my\s+mouth\s+shut"
    r"|filmde\s+(?:\S+\s+){0,5}?(?:me|mij)|filmed\s+me)\b"
)
_VERBAL = re.compile(
    r"\b(?:schold|scheldt|scholden|gescholden|uitgescholden|uitschelden|uitschold|uitscheldt"
    r"|scheldwoord\w*|schelden|schreeuwde|schreeuwt|schreeuwden|geschreeuwd|schreeuwen|tierde"
    r"|vloekte|vloekt|gevloekt|vloeken|beledigde|beledigt|beledigd|belediging\w*|bedreigde"
    r"|bedreigt|bedreigd|bedreiging\w*|dreigde|dreigt|gedreigd|verbaal|verbale|tekeer|riep"
    r"|shouted|shouting|yelled|yelling|screamed|screaming|swore|swearing|cursed|insulted"
    r"|insulting|threatened|threatening|verbal\w*|called\s+me\s+(?:an?|every)|noemde\s+(?:\S+\s+){0,4}?(?:me|mij)"
    r"|went\s+off\s+at\s+me)\b"
)
_SERIOUS_FIRST = (("fysiek", _PHYSICAL), ("fysiek", _SPAT_THREW), ("persoonlijk", _PERSONAL))
_DISCRIMINATION = re.compile(r"racist\w*|racism\w*|discrimin\w*|zwarte aap|homofob\w*|homophob\w*")
# "dreigde me te slaan", "zei dat hij me zou slaan", "threatened to hit me".
_THREAT_BEFORE = re.compile(
    r"\b(?:dreig\w*|bedreig\w*|zou|zal|zouden|ga|gaat|gaan|wil|wilde|threat\w*"
    r"|would|will|going to|gonna|wanted to)\b(?:\s+\S+){0,4}\s*$"
)
# "probeerde me te slaan", "almost hit me": an attempt is left to the melder to name.
_ATTEMPT_BEFORE = re.compile(
    r"\b(?:probeerde|probeert|bijna|tried to|tries to|almost|nearly)\b(?:\s+\S+){0,3}\s*$"
)
# The melder as the one hit: "me", "ik werd", "mijn arm", but not "mijn motorkap".
_FIRST_PERSON = re.compile(
    r"\b(?:me|mij|ik|i|myself|mezelf)\b|\b(?:mijn|m'n|my)\s+(?!(?:auto|car|motorkap|bonnet|raam"
    r"|window|deur|door|fiets|bike|fietsstuur|handlebars|tas|bag|spullen|things)\b)"
)
# "bedreigd met een mes": a threat with a weapon is neither words nor a blow.
_ARMED = re.compile(
    r"\bmet\s+(?:een|zijn|haar)\s+(?:mes|wapen|pistool|schaar|bijl)|\bwith\s+a\s+(?:knife|gun|weapon)"
)


def aro_category(story: Story) -> Extracted | None:
    """fysiek, persoonlijk or verbaal: the most serious act the story tells."""
    folded = story.folded
    for value, pattern in _SERIOUS_FIRST:
        for match in pattern.finditer(folded):
            if not _counts(folded, match, physical=pattern is _PHYSICAL):
                continue
            if _DISCRIMINATION.fullmatch(match.group(0)) and _insulted(folded):
                return None  # a slur among insults: personal or verbal is the melder's call
            return Extracted(value, story.words(*match.span()))
    if _ARMED.search(folded):
        return None
    for match in _VERBAL.finditer(folded):
        if not negated(folded, match.start(), match.end(), verb=True):
            return Extracted("verbaal", story.words(*match.span()))
    threat = next((m for m in _PHYSICAL.finditer(folded) if _threatened(folded, m.start())), None)
    return None if threat is None else Extracted("verbaal", story.words(*threat.span()))


def _insulted(folded: str) -> bool:
    return any(not negated(folded, *m.span(), verb=True) for m in _VERBAL.finditer(folded))


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


#: Any act of aggression or harassment, to tell who did something ("de vader dreigde").
ACT = re.compile(
    "|".join(p.pattern for p in (_PHYSICAL, _SPAT_THREW, _PERSONAL, _VERBAL))
    + r"|\b(?:stuurde|stuurt|belde|belt|schreef|schrijft|postte|post|zei|zegt|kwam|komt|ging"
    r"|gaat|stond|staat|filmde|filmt|wachtte|wacht|greep|trok|pakte|sends?|sent|wrote|writes"
    r"|called|calls|said|says|came|comes|stood|stands|filmed|films|waited|waits|went|goes"
    r"|keeps|kept|posted|posts|shared|deelde|tekeer|gedeeld|gepost|gestuurd|geschreven|gebeld"
    r"|gedreigd|gezegd|geplaatst|gefilmd)\b"
)
