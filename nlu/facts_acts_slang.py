"""Acts found by the twenty-fourth facts round, for `nlu.facts_acts`: blows in slang ("kreeg
een jenner", "gaf me een draai om mn oren"), tripping ("lichtte me pootje"), clawing,
flicking water, a thing thrown in the melder's direction ("pleurde een stoel in mn
richting"), being pulled ("trok me naar zich toe") (physical); the melder's partner or
children known, found or named, a photo of their home, their tyres slashed (personal); a
threat to set their house on fire (verbal); standing close while shouting, told with
shouting, is the shouting (verbal, as the older rounds label it).
"""

from __future__ import annotations

import re

from nlu.facts_acts_intimidation import PERSONAL_INTIMIDATION
from nlu.facts_acts_phrasing import PERSONAL_25, PHYSICAL_25, VERBAL_25

__all__ = ["PERSONAL_24", "PHYSICAL_24", "SHOUTING", "VERBAL_24", "on_a_thing", "told_otherwise"]

_MY = r"(?:mijn|m'n|mn|my)"
_ME = r"(?:me|mij)"

# Slang nouns for a blow: "een jenner", "een optater", "een kletser", "een oplawaai".
_BLOW_NOUN = (
    r"(?:jenner|optater|opdoffer|oplazer|oplawaai|kletser|klets|knal|mep|lel|hengst|dreun|hijs"
    r"|beuk|pets|peer|klap|tik|draai\s+om\s+(?:de|mijn|mn|m'n|zijn|zn|je)\s+oren"
    r"|clout|wallop|whack|smack|slap|thump|punch|cuff)"
)
PHYSICAL_24 = re.compile(
    # given or got, in the past (not "ik geef je een optater", a threat): "kreeg een jenner",
    # "gaf me zomaar een draai om mn oren", "gave me a clout"
    rf"\b(?:gaf|gaven|geeft|kreeg|kregen|gekregen|gehad|gave|got|given)\s+(?:{_ME}\s+|me\s+)?"
    rf"(?:\S+\s+){{0,2}}?(?:een|ne|nen|a)\s+(?:\w+\s+)?{_BLOW_NOUN}\b"
    # tripped: "lichtte me pootje", "heeft me pootje gelicht", "pootje lichten"
    r"|\bpootje\s+(?:\S+\s+)?(?:gelicht|lichten|lichtte|licht)\b"
    r"|\b(?:lichtte|licht|lichtten)\s+(?:me|mij|haar|hem)\s+(?:een\s+)?pootje\b"
    # clawed: "clawed my forearm", "clawing at me", "klauwde in mn arm"
    rf"|\bclaw(?:ed|ing|s)?\s+(?:at\s+)?(?:{_MY}|me)\b|\bklauwde\s+(?:\S+\s+){{0,2}}?{_MY}\b"
    # water or a drink flicked or splashed at the melder: "kept flicking water at me"
    r"|\b(?:flick|flicks|flicking|splash|splashing|spetteren|spetterde|sprenkelde)\s+"
    rf"(?:\S+\s+){{0,4}}?(?:at|over|on|naar|op|over)\s+{_ME}\b"
    # a thing thrown the melder's way, hit or missed: "pleurde een stoel in mn richting",
    # "flikkerde zn bord naar me", "chucked a chair in my direction"
    r"|\b(?:flikkerde|flikkert|pleurde|pleurt|mieterde|mietert|kwakte|kwakt|slingerde"
    r"|smeet|gooide|wierp|threw|hurled|chucked|flung|lobbed)"
    # (words thrown are no throw: "hurled abuse at me")
    r"(?!\s+(?:\w+\s+)?(?:abuse|insults?|names|slurs?|threats|scheldwoorden|verwijten)\b)"
    r"\s+(?:\S+\s+){0,5}?"
    rf"(?:in\s+{_MY}\s+richting|in\s+my\s+direction|naar\s+{_ME}(?!\s+toe\b)|at\s+me)\b"
    # pulled towards or along: "trok me naar zich toe", "pulled me towards him"
    r"|\b(?:trok|trekt|sleurde|rukte)\s+(?:me|mij)\s+(?:\S+\s+){0,2}?(?:naar\s+(?:zich|hem|haar)"
    r"|mee|omver|omlaag|naar\s+binnen|tegen)\b"
    r"|\b(?:pulled|dragged|yanked|tugged)\s+me\s+(?:towards|to|into|down|over|along|closer)\b"
)
# The children or family to be found or looked up: "zei dat ze mn kinderen wel zal vinden",
# "said he'd find my kids", "gaat mn moeder opzoeken".
_FAMILY_FOUND = (
    r"\b(?:mijn|mn|m'n|je|jouw)\s+(?:kinderen|kids|dochter|zoon|gezin|moeder|vader|familie)\s+"
    r"(?:\S+\s+){0,3}?(?:vinden|opzoeken|weten\s+te\s+vinden|opwachten)\b"
    r"|\b(?:find|track\s+down|go\s+after|come\s+for|visit|look\s+up)\s+(?:your|my)\s+(?:kids"
    r"|children|daughter|son|family|mum|mother|husband|wife)\b"
)
PERSONAL_24 = re.compile(
    # the partner's or family's name or work known: "ik weet hoe je man heet en waar hij
    # werkt", "knows what my husband is called"
    r"\b(?:weet|weten|wist|know|knows|knew)\s+(?:\S+\s+){0,2}?(?:hoe|what)\s+(?:je|jouw|your"
    r"|mijn|mn|my)\s+(?:man|vrouw|partner|vriend|vriendin|husband|wife|boyfriend|girlfriend"
    r"|moeder|vader|mother|father|mum|mom|dad)\s+(?:heet|is\s+called|'s\s+called)\b"
    r"|\b(?:weet|weten|wist|know|knows|knew)\s+(?:\S+\s+){0,3}?(?:waar|where)\s+(?:je|jouw|your"
    r"|mijn|mn|my)\s+(?:man|vrouw|partner|husband|wife|boyfriend|girlfriend)\s+(?:werkt|works)\b"
    # the children's nursery or school known: "knows which nursery she goes to"
    r"|\b(?:weet|weten|wist|know|knows|knew)\s+(?:\S+\s+){0,3}?(?:which|what|welke|op\s+welke"
    r"|naar\s+welke)\s+(?:nursery|daycare|day\s+care|creche|kinderopvang|kinderdagverblijf"
    r"|opvang|peuterspeelzaal|basisschool|school)\b"
    # a child's name said: "mentioned my daughter's name", "noemde de naam van mn dochter"
    rf"|\b(?:mentioned|said|knew|knows|noemde|noemt|wist|weet)\s+{_MY}\s+(?:daughter|son|kids"
    r"|children|child|husband|wife|partner)(?:'s|s'|')?\s+names?\b"
    r"|\b(?:noemde|noemt|wist|weet)\s+(?:\S+\s+)?naam\s+van\s+(?:mijn|mn|m'n)\s+(?:dochter|zoon"
    r"|kinderen|kind|man|vrouw|partner)\b"
    # where the children or family live known: "wist waar mijn kinderen wonen"
    r"|\b(?:weet|weten|wist|know|knows|knew)\s+(?:waar|where)\s+(?:mijn|mn|m'n|my)\s+(?:kinderen"
    r"|kids|children|dochter|zoon|daughter|son|moeder|vader|mother|father|familie|family)\s+"
    r"(?:wonen|woont|live|lives)\b"
    # the children or family to be found (see `told_otherwise`)
    rf"|{_FAMILY_FOUND}"
    # a photo of the melder's home or family: "liet een foto zien van mijn huis"
    r"|\b(?:foto|photo|picture|pic)\w*\s+(?:\S+\s+){0,2}?(?:van|of)\s+(?:mijn|mn|m'n|my)\s+"
    r"(?:huis|woning|voordeur|straat|house|home|front\s+door|street|kinderen|kids|children)\b"
    # tyres slashed, told noun last: "lekgestoken banden"
    r"|\blek\s*-?\s*gestoken\s+(?:\w+\s+)?(?:banden|band|fietsband\w*|autoband\w*)\b"
    r"|\bslashed\s+(?:\w+\s+)?(?:tyres|tires)\b"
    # a remark on who one is; the "niet" after it is part of the remark, no denial: "dat ik
    # met die hoofddoek niet aan hem mocht komen"
    r"|\bmet\s+(?:die|je|jouw|dat|zo'?n)\s+(?:hoofddoek|hijab|boerka|keppel)\b"
    r"(?:\s+(?:niet|nie)\b)?"
    r"|\bwith\s+(?:that|your|a)\s+(?:headscarf|hijab|veil)\b"
)
#: A threat to set the melder's home or car on fire: verbal, as the older rounds label it;
#: shrieking, a dressing-down ("stond te krijsen", "kreeg de wind van voren").
VERBAL_24 = re.compile(
    r"\bkrijs\w*|\bkrijste\w*|\bgekrijs\w*|\bwind\s+van\s+voren\b|"
    r"\b(?:huis|woning|auto|house|home|car|flat)\s+(?:\S+\s+){0,2}?(?:in\s+de\s+fik|in\s+brand"
    r"|on\s+fire|plat\s*branden|afbranden|burn\w*\s+down)\b"
    r"|\b(?:burn|torch)\s+(?:your|my|je|jouw)\s+(?:house|home|place|car)\b"
)
#: Standing close, a fist or a finger in the face: beside shouting, the shouting tells the
#: kind ("clt ging vlak voor me staan, neus tegen neus, en brulde", "got right up in my
#: face with clenched fists, shouting").
_CLOSE = re.compile(
    r"\b(?:vlak|pal|recht)\s+(?:voor|bij)\s+(?:me|mij|mijn|mn|m'n)\b|\bneus\s+tegen\s+neus\b"
    r"|\bnose\s+to\s+nose\b|\bup\s+(?:in|to)\s+my\s+face\b|\b(?:right\s+)?up\s+close\b"
    r"|\bin\s+front\s+of\s+me\b|\b(?:gebalde|clenched)\s+(?:vuist|vuisten|fists?)\b"
    r"|\bfists?\s+clenched\b|\b(?:hief|hield|raised|held)\s+(?:z'n|zn|zijn|his|her|haar|d'r|a)"
    r"\s+(?:vuist|hand|fist)\b|\bgezicht\s+vlak\s+(?:bij|voor)\b"
)
#: Shouting and abuse in words, short.
SHOUTING = re.compile(
    r"\b(?:brul\w*|schreeuw\w*|riep|roept|tier\w*|krijs\w*|scheld\w*|schold|krijste|shout\w*"
    r"|yell\w*|scream\w*|roar\w*|bellow\w*|swore|swearing|abuse)\b"
)
# A kick or blow "against it", the thing told before ("knalde de deur dicht en trapte
# ertegen"); a word scratched into a car or door ("a nasty word scratched into the door").
_ON_A_THING = re.compile(r"\s+(?:\S+\s+)?er(?:tegen(?:aan)?|op|in|tegenop)\b")
_SCRATCHED_INTO = re.compile(
    r"\s+(?:into|in|on|onto|op|over)\s+(?:the|my|de|het|mijn|mn|m'n)\s+(?:\w+\s+)?(?:door|deur"
    r"|paint|lak|car|auto|bonnet|motorkap|side|zijkant|portier)\b"
)


# The melder's car or bike right before a verb told last: "mijn auto eraf getrapt" (not
# the melder pushed off it: "van mn fiets geduwd").
_VEHICLE = r"(?:eigen\s+|own\s+)?(?:auto|fiets|scooter|car|bike)\s+"
_VEHICLE_BEFORE = re.compile(
    rf"(?:\b{_MY}\s+{_VEHICLE}(?:eraf|af|kapot|in|stuk)\s*|(?<!\bvan\s)(?<!\boff\s)\b{_MY}\s+"
    rf"{_VEHICLE})$"
)


def on_a_thing(folded: str, start: int, end: int, blows: frozenset[str]) -> bool:
    """Whether a blow lands "against it" or a scratch is in a car or door, not the melder."""
    word = folded[start:end]
    if word in blows and _ON_A_THING.match(folded, end):
        return True
    if _VEHICLE_BEFORE.search(folded, max(0, start - 40), start):
        return True  # "de spiegel van mijn eigen auto eraf getrapt": the car, not the melder
    return word.startswith("scratch") and _SCRATCHED_INTO.match(folded, end) is not None


# A threat to the melder's life or home told beside one to find the family.
_LIFE_THREAT = re.compile(
    r"\b(?:kill\w*|vermoord\w*|dood\w*|afmaken|in\s+de\s+fik|in\s+brand|burn\w*|stab\w*)\b"
)
_FAMILY = re.compile(_FAMILY_FOUND)


def told_otherwise(folded: str, match: re.Match[str]) -> bool:
    """Whether a personal match is told as words, as the older rounds label it: standing
    close or a fist shown beside shouting ("ging vlak voor me staan en brulde"), or the
    family to be found beside a threat to kill or burn ("he'll kill me and find my kids")."""
    if _FAMILY.fullmatch(match.group(0)):
        return _LIFE_THREAT.search(folded) is not None
    close = _CLOSE.search(folded, max(0, match.start() - 20), match.end() + 20)
    near = close is not None and close.start() <= match.end() and match.start() <= close.end()
    return near and SHOUTING.search(folded) is not None


# (twenty-fifth round) More acts of each kind: see nlu.facts_acts_phrasing; intimidation at
# the melder's home, a keyed car, a slur about being foreign: see nlu.facts_acts_intimidation.
PHYSICAL_24 = re.compile(f"{PHYSICAL_24.pattern}|{PHYSICAL_25.pattern}")
PERSONAL_24 = re.compile(
    f"{PERSONAL_24.pattern}|{PERSONAL_25.pattern}|{PERSONAL_INTIMIDATION.pattern}"
)
VERBAL_24 = re.compile(f"{VERBAL_24.pattern}|{VERBAL_25.pattern}")
