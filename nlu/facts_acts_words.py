"""Acts found by the twenty-second facts round, for `nlu.facts_acts`: nails dug into the
melder and the melder pressed against a wall (physical); the melder's bike or car damaged,
their children's names or school known, someone not wanted "over de vloer" for their
skin (personal); a weapon only shown or mentioned (no category: the melder's call); a door
slammed in the melder's face (with insults, the insults are it); short verbal phrasings.
"""

from __future__ import annotations

import re

__all__ = [
    "ARMED",
    "DOOR_IN_FACE",
    "PERSONAL_22",
    "PERSONAL_23",
    "PHYSICAL_22",
    "VERBAL_MORE",
    "WEAPON_WORD",
    "weapon_shown",
]

_MY = r"(?:mijn|m'n|mn|my)"

PHYSICAL_22 = re.compile(
    # nails dug in: "zette haar nagels in mn arm", "dug her nails into my wrist"
    rf"\bnagels\s+(?:\S+\s+)?in\s+{_MY}\s+\w+|\bnails\s+(?:\S+\s+)?into\s+{_MY}\s+\w+"
    # pressed or pinned against something: "drukte me tegen de muur", "pinned me against
    # the wall", "werd tegen de kast geduwd"
    r"|\b(?:drukte|drukt|duwde|duwt|klemde|klemt|smeet|smijt|gooide|pinde|pressed|pinned|pushed"
    r"|shoved|slammed|forced|threw|held)\s+(?:me|mij)\s+(?:\S+\s+){0,2}?(?:tegen|against"
    r"|into|up\s+against)\s+(?:de|het|een|the|a)\s+(?:muur|wand|deur|kast|grond|vloer|balie"
    r"|auto|radiator|wall|door|floor|ground|counter|desk|cupboard|car)\b"
    r"|\btegen\s+(?:de|het|een)\s+(?:muur|wand|deur|kast|grond|vloer|balie)\s+(?:aan\s+)?"
    r"(?:gedrukt|geduwd|geklemd|gesmeten|gegooid|gepind)\b"
)
# The melder's vehicle, and damage done to it.
_VEHICLE = r"(?:auto|fiets|scooter|brommer|motor|car|bike|motorbike)"
_DAMAGE = (
    r"(?:kras|krassen|deuk|deuken|bekrast|gekrast|vernield|ingeslagen|lekgestoken|lek\s*gestoken"
    r"|lek\s*stak|lek|scratch\w*|keyed|dent\w*|smashed|slashed|vandali[sz]ed|damaged|kicked\s+in)"
)
PERSONAL_22 = re.compile(
    # the melder's bike or car damaged: "mn fietsbanden lek stak", "scratched 'snitch' into
    # my bike", "bij mn auto ... een diepe kras over de hele zijkant"
    rf"\b{_MY}\s+(?:\w+\s+)?(?:fiets|auto)?band(?:en)?\s+(?:\S+\s+){{0,3}}?lek\w*\b"
    rf"|\b{_MY}\s+{_VEHICLE}\b[^.!?]{{0,80}}?\b{_DAMAGE}\b"
    rf"|\b{_DAMAGE}\s+(?:['\"][^'\"]{{1,30}}['\"]\s+|\S+\s+){{0,4}}?(?:op|in|over|into|on|onto)\s+"
    rf"{_MY}\s+{_VEHICLE}\b"
    # the melder's children known: "ik weet hoe je dochter heet en waar ze op school zit",
    # "I know what your son is called"
    r"|\b(?:weet|weten|wist|know|knows|knew)\s+(?:\S+\s+){0,2}?(?:hoe|what)\s+(?:je|jouw|your"
    r"|mijn|mn|my)\s+(?:dochter|zoon|kinderen|kids|kind|daughter|son|children|child)\s+"
    r"(?:heet|heten|is\s+called|are\s+called)\b"
    r"|\bwaar\s+(?:ze|hij|zij|je\s+\w+|jouw\s+\w+)\s+op\s+school\s+(?:zit|zitten|gaat|gaan)\b"
    r"|\bwhere\s+(?:she|he|they|your\s+\w+)\s+go(?:es)?\s+to\s+school\b"
    # not wanted for one's skin or origin: "wil geen zwarte over de vloer", "doesn't want a
    # black nurse in his house"
    r"|\bgeen\s+(?:zwarte|bruine|buitenlander\w*|allochto\w*|moslim\w*|marokkaan\w*|turk\w*"
    r"|polen|pool)\s+(?:\S+\s+){0,3}?(?:over\s+de\s+vloer|in\s+(?:zijn|zn|z'n|haar|mijn|mn)\s+huis"
    r"|aan\s+(?:zijn|zn|z'n|haar)\s+(?:lijf|bed))\b"
    r"|\b(?:no|any)\s+(?:black|brown|foreign|muslim)\s+(?:\w+\s+)?(?:in|near|touching)\s+"
    r"(?:his|her|my|the)\s+(?:house|home|room|bed)\b"
)
PERSONAL_23 = re.compile(
    # the melder's home known: "hij wist waar ik woonde", "weet dat ik in de Vogelbuurt woon",
    # "knew where I lived", "noemde mn straat", "named my street"
    r"(?<!\bik )(?<!\bi )\b(?:weet|wist|weten|know|knows|knew)\s+(?:precies\s+|exactly\s+)?"
    r"(?:waar|dat|where|that)\s+(?:ik|i)\s+(?:\S+\s+){0,4}?(?:woon|woonde|live|lived)\b"
    rf"|\b(?:noemde|noemt|named|names|wist|knew)\s+(?:ook\s+|even\s+|also\s+)?{_MY}\s+"
    r"(?:straat|street|adres|address|huisnummer|woonplaats)\b"
    # the melder's children at school: "komt langs bij mijn kinderen op school", "at my kids'
    # school"
    rf"|\b(?:bij|naar|at|to|outside)\s+{_MY}\s+(?:kinderen|kids|kind|zoon|dochter|children|son"
    r"|daughter)(?:'s|s'|')?\s+(?:op\s+school|school)\b"
    # people by their skin: "dat zwarte mensen niet aan hem mogen komen", "no black people"
    r"|\b(?:zwarte|bruine|black|brown)\s+(?:mensen|people|lui|vrouwen|women|verpleegkundigen"
    r"|nurses|zusters)\b(?:\s+(?:niet|not|never|nooit)\b(?:\s+\S+){0,4}?\s+(?:mogen|mag|may"
    r"|can|komen|touch\w*|aanraken))?"
)
# A threat with a weapon ("bedreigd met een mes") is neither words nor a blow, and neither is
# a weapon only shown or mentioned: "pulled a knife out and waved it around", "pakte een
# keukenmes uit de la en hield het omhoog", "zei dat ie een mes in zn jaszak had".
_WEAPON_NL = (
    r"(?:keuken|vlees|brood|zak|steek|stiletto)?mes|pistool|vuurwapen|wapen|schaar|bijl|hamer"
)
_WEAPON_EN = r"knife|gun|pistol|blade|weapon|scissors|machete|axe|hammer"
ARMED = re.compile(
    r"\bmet\s+(?:een|zijn|haar)\s+(?:mes|wapen|pistool|schaar|bijl)|\bwith\s+a\s+(?:knife|gun"
    r"|weapon)"
)
_WEAPON_SHOWN = re.compile(
    r"\b(?:pulled|drew|took|got|whipped|waved|brandished|held|showed|flashed|pointed|produced)"
    rf"\s+(?:out\s+)?(?:a|an|his|her|the)\s+(?:\w+\s+)?(?:{_WEAPON_EN})\b"
    r"|\b(?:pakte|trok|haalde|toonde|liet|hield|zwaaide|greep)\s+(?:\S+\s+){0,3}?(?:een|zijn|zn"
    rf"|z'n|haar|het|dat)\s+(?:{_WEAPON_NL})\b"
    rf"|\b(?:een|a)\s+(?:{_WEAPON_NL}|{_WEAPON_EN})\s+(?:in|bij|on)\s+(?:zijn|zn|z'n|haar|his"
    r"|her|him|zich)\b"
)
#: The weapon itself among words of harm: "zei dat ie een mes bij zich had" says no harm.
WEAPON_WORD = re.compile(rf"{_WEAPON_NL}|{_WEAPON_EN}")
# "didn't see a knife on him", "heeft geen mes laten zien"
_DENIED = re.compile(r"\b(?:didn'?t|did\s+not|not|no|never|niet?|geen|nooit)\s+(?:\S+\s+){0,2}$")


def weapon_shown(folded: str) -> bool:
    """Whether a weapon is shown or said to be carried, and not denied."""
    return any(
        not _DENIED.search(folded, max(0, m.start() - 30), m.start())
        for m in _WEAPON_SHOWN.finditer(folded)
    )


#: A door slammed in the melder's face ("slammed the door in my face", "smeet de deur voor
#: mn neus dicht"): beside shouting it is the shouting that tells the kind.
DOOR_IN_FACE = re.compile(
    r"\bslammed\s+(?:\S+\s+){0,7}?in\s+my\s+face\b"
    r"|\b(?:smeet|sloeg|gooide|knalde)\s+(?:\S+\s+){0,3}?(?:de|het)\s+\w*deur\s+(?:voor|in)\s+"
    r"(?:mijn|mn|m'n)\s+(?:neus|gezicht)\s+dicht\b"
)
# Words only, told short: "hurled abuse at me", "gave me a mouthful", "called me all sorts",
# "hij zegt hij gaat mij kapot maken".
VERBAL_MORE = re.compile(
    r"\b(?:hurled|hurling|shouting|screaming)\s+abuse\b|\bmouthful\b|\ball\s+sorts\b"
    r"|\bvan\s+alles\s+(?:uit|uitmaken|genoemd)|\bvoor\s+van\s+alles\b|\broar\w*|\bbrul\w*"
    r"|\bbulder\w*|\buitkaffer\w*"
    r"|\b(?:he|she|they|hij|ze|zij)\s+(?:say|says|said|zegt|zei|zeg)\s+(?:\S+\s+){0,3}?(?:will|gonna"
    r"|going\s+to|gaat|ga|zal|zou)\b"
    r"|\bwon'?t\s+leave\s+here\s+in\s+one\s+piece\b|\bniet\s+heel(?:huids)?\s+weg\b"
)
