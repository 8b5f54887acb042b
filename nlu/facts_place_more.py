"""More ways a story tells where it happened, for `nlu.facts_place`: a client's home by its
door or letterbox ("bij haar voor de deur", "shouted through the letterbox"), by its rooms
("in de gang van haar flat"), by the client's name ("At mrs B's,", "bij mevr B,") or by the
visit ("there for the evening visit") or going in ("bij zijn moeder naar binnen"); the
melder's car as the way out ("followed me to my car"); a day centre and its rooms as the
ward's; the corridor by the offices, and an outing with a client, as somewhere else.
"""

from __future__ import annotations

import re

from nlu.facts_place_grounds import CARE_GROUNDS, GROUNDS
from nlu.facts_place_visits import CARE_PLACES_25, PLACES_25

__all__ = [
    "AFTER_THE_VISIT",
    "APP_VERBS",
    "ELSEWHERE",
    "OF_PERSON",
    "OUR_GROUP",
    "WORKPLACE",
    "more_places",
]

_TITLE = r"(?:mr|mrs|ms|miss|meneer|mevrouw|mevr|mw|dhr)\.?"

#: An app named by its verb: "keeps whatsapping me", "snapt me steeds".
APP_VERBS = {
    "whatsapping": "whatsapp",
    "whatsappt": "whatsapp",
    "whatsappte": "whatsapp",
    "snapt": "snapchat",
    "snapte": "snapchat",
    "snapping": "snapchat",
}

MORE_PLACES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (value, re.compile(pattern))
    for value, pattern in (
        (
            "home_visit",
            r"\b(?:at|from|in|outside|to)\s+(?:his|her|their)\s+place\b"
            r"|\bbij\s+(?:haar|hem|hun)\s+(?:voor|aan)\s+de\s+(?:voor)?deur\b"
            r"|\b(?:through|door)\s+(?:the|de|her|his|their|haar|zijn)\s+(?:letterbox|letter\s+box"
            r"|mail\s+slot|brievenbus)\b"
            # the client by name as the place: "At mrs B's, Saturday", "bij mevr B, zaterdag"
            rf"|\bat\s+{_TITLE}\s+\w+(?:\s\w+)?'s(?=\s*(?:[,.;:]|$))"
            rf"|(?:^|[.,;]\s*)bij\s+{_TITLE}\s+\w+(?:\s\w+)?(?=\s*[,.;:])"
            # the nurse's own visit: "while I was there for the evening visit"
            r"|\b(?:for|during|on|at)\s+(?:the|my|our|her|his)\s+(?:morning|evening|afternoon"
            r"|night|late|early)\s+visit\b"
            # going into someone's home: "toen ik bij zijn moeder naar binnen wilde"
            r"|\bbij\s+(?:zijn|haar|hun|zn|z'n|de|een|mijn)\s+(?:\w+\s+)?naar\s+binnen\b"
            # (eighteenth round) "bij d'r thuis", "at his house"
            r"|\bbij\s+(?:d'r|z'n|zn)\s+thuis\b|\bat\s+(?:his|her|their)\s+(?:house|home|flat)\b"
            # (twentieth round) "the gentleman I visit at home", "meneer waar ik elke ochtend kom"
            r"|\b(?:i|we)\s+visit\s+at\s+home\b"
            rf"|\b(?:{_TITLE}|meneer|mevrouw)\s+(?:\w+\s+)?waar\s+ik\s+(?:\w+\s+){{0,4}}?kom\b"
            # (twenty-first round) "thuis bij hem", "tijdens mn bezoek bij haar"
            r"|\bthuis\s+bij\s+(?:hem|haar|hen)\b|\btijdens\s+(?:mn|mijn|m'n)\s+bezoek\s+bij\b"
            # (twenty-second round) the client's front door: "at her front door", "at the front
            # door of the house", "bij de voordeur van mevr" (not "my front door": the melder's)
            r"|\b(?:at|by|on|to)\s+(?:his|her|their)\s+front\s+door(?:step)?\b"
            r"|\bfront\s+door\s+of\s+(?:the|his|her|their)\s+(?:house|home|flat|bungalow)\b"
            rf"|\bvoordeur\s+van\s+(?:{_TITLE}|haar|hem|hen|de\s+client\w*|mijn\s+client\w*)(?!\w)"
            r"|\b(?:bij|aan|voor)\s+(?:haar|zijn|zn|z'n|d'r|hun)\s+voordeur\b",
        ),
        (
            "outside",
            # the melder's car as the way out: "followed me to my car", "naar mn auto"
            r"\b(?:to|naar|towards|richting)\s+(?:my|mijn|mn|m'n)\s+(?:car|auto)\b"
            # getting out of the car: "toen ik uit de auto stapte", "as I got out of my car"
            r"|\buit\s+(?:de|mijn|mn|m'n)\s+auto\s+stapte\b"
            r"|\b(?:got|getting|get)\s+out\s+of\s+(?:the|my)\s+car\b"
            # (twenty-fourth round) a car park or garden by its kind: "personeelsparkeerterrein",
            # "in de voortuin", "at the tram stop"
            r"|\b\w+(?:parkeerplaats|parkeerterrein|parkeergarage)\b|\b(?:in|op)\s+de\s+\w+tuin\b"
            r"|\b(?:tram\s?stop|tramhalte)\b"
            # (twenty-second round) followed from one place to another: on the way, outdoors
            # ("followed me from his flat all the way to the bus stop")
            r"|\b(?:followed|chased|volgde|achtervolgde|liep)\s+(?:me|mij)\s+(?:\S+\s+)?(?:from"
            r"|vanaf)\s+(?:\S+\s+){1,3}?(?:(?:all\s+the\s+way\s+)?to|tot|naar|helemaal\s+naar)\b",
        ),
        (
            "ward",
            # also its rooms: "in de dagbestedingsruimte", "in the day care room"
            r"\b(?:dagbesteding\w*|dagcentrum|day\s?centre|day\s?center"
            r"|day\s?care\s+(?:room|centre|center|unit))\b"
            # the youth group, the meds round, a ward by its code: "on 4B"
            r"|\byouth\s+(?:group|unit|home)\b|\bmeds?\s+(?:trolley|round)\b|\bmedicijn(?:kar|ronde)\b"
            r"|\bmedicatieronde\b|\b(?:on|op)\s+\d{1,2}[a-z]\b|\bafd(?:eling|\.)?\s*\d{1,2}\b"
            r"|\bgroep\s+de\s+\w+|(?:^|[,.;]\s*)(?:de\s+)?(?:leef)?groep\s*(?:[,.;]|$)"
            # a room of their own, at a clinic: "op haar kamer ... kliniek noord"
            r"|\b(?:in|op)\s+(?:his|her|zijn|haar|zn|d'r)\s+(?:room|kamer)\b(?=[\s\S]{0,100}\b(?:kliniek"
            r"|clinic|afd\w*|ward|unit)\b)"
            # a numbered room at the clinic: "room 12 on North Clinic", "kamer 14 kliniek noord"
            r"|\b(?:room|kamer)\s+\d{1,3}\b(?=[^.!?]{0,30}\b(?:kliniek|clinic|afd\w*|ward|unit)\b)"
            r"|\bafd\.?\s+[a-z]\b(?=\s*(?:[,.;:]|$))"
            # the ward in short: "op de afd", "op mn afd", "op de gesloten afd", "afdelingsdeur"
            r"|\b(?:op|in|on)\s+(?:de|het|mn|mijn|m'n|onze|our|the)\s+(?:gesloten\s+|open\s+)?"
            r"afd\b(?!\.?\s*\d)|\bafdelingsdeur\b"
            # (twenty-second round) a room of one's own in a home of care: "mocht nie op haar
            # kamer roken" (a client's own home has a "slaapkamer")
            r"|\bop\s+(?:haar|zijn|zn|z'n|d'r)\s+kamer\b"
            # (twenty-third round) a numbered bed or a room typed short: "the man in bed 4",
            # "bew van kmr 5", "dagbehandeling" (day treatment, like the day centre)
            r"|\b(?:in|op|at|on|to|van|of|from|naast|next\s+to)\s+(?:bed|kmr\.?)\s*\d{1,3}\b"
            r"(?!\s*(?:uur|hours?|dagen|days|weken|weeks|minuten|minutes))|\bdagbehandeling\b"
            # (twenty-fourth round) the ward typed short in a care note: "huiskamer afd", "PG
            # afd de Linde", "afd, vanochtend"; and a client's own "kamer" (a home has a
            # "slaapkamer"): "de deur van zn kamer" (not "liep naar zn kamer": where he went)
            r"|\b(?:pg|psychogeriatrische|somatische|huiskamer|gang|teampost)[\s-]afd\b"
            r"|(?:^|[.,;]\s*)afd\s*(?:[,.;]|$)"
            r"|\b(?:deur|raam)\s+van\s+(?:haar|zijn|zn|z'n|d'r)\s+kamer\b",
        ),
        (
            "other",
            # the offices of the building are no ward: "in de gang bij de kantoren", "in the
            # corridor by the offices"
            r"\b(?:in|on|op)\s+(?:the|de|het)\s+(?:corridor|hallway|gang|hal)\s+(?:by|near|at"
            r"|next\s+to|outside|bij|naast|van|voor)\s+(?:the|de|het)\s+(?:offices|kantoren"
            r"|administration|administratie|directie)\b"
            # out with a client, away from the ward: "went with a client to the dentist, and in
            # the waiting room there he hit me", "ging met een bewoner naar het ziekenhuis"
            r"|\b(?:went|go|going|ging|gaan)\s+(?:\w+\s+)?(?:with|met)\s+(?:a|an|my|een|mijn)\s+"
            r"(?:client|patient|resident|bewoner)\w*\s+(?:to|naar)\b"
            # a shop or gym off duty: "in de Jumbo", "at the supermarket"
            r"|\b(?:in|bij)\s+de\s+(?:jumbo|ah|lidl|aldi|plus|supermarkt|sportschool)\b"
            r"|\b(?:op|bij)\s+het\s+(?:sportpark|sportveld|voetbalveld)\b"
            r"|\bat\s+(?:the\s+)?(?:supermarket|gym|tesco|lidl|aldi|shops)\b"
            # (twenty-second round) the melder's own home: "stond bij mij thuis voor de deur",
            # "turned up at my house"
            r"|\bbij\s+(?:mij|me)\s+thuis\b|\bat\s+my\s+(?:own\s+)?(?:house|home|flat|place)\b"
            # (twenty-third round) a train or bus by its hour or line: "on the 11 pm train home",
            # "in de laatste trein", "in de nachtbus" (not the stop or station: outside)
            r"|\b(?:on|in)\s+the\s+(?:[\w.:]+\s+){1,3}?(?:train|tram|bus)\b(?!\s*(?:stop|station))"
            r"|\bin\s+de\s+(?:\w+\s+){1,2}?(?:trein|tram|bus)\b|\b(?:nachtbus|nachttrein)\b",
        ),
    )
)
# Rooms of someone's own home ("in de gang van haar flat") are a home visit in a story about
# someone in care; otherwise whose home it is stays open ("in de gang van zijn huis").
_HOME_ROOMS = (
    "home_visit",
    re.compile(
        r"\b(?:gang|hal|keuken|woonkamer|badkamer|slaapkamer|trappenhuis|portiek|galerij"
        r"|voordeur)\s+van\s+(?:zijn|haar|hun|zn|z'n|d'r)\s+(?:huis|woning|flat|appartement)\b"
    ),
)
# The client's door, lift or stairwell, in a story about someone in care: "the client's son
# stood on the doorstep", "bij de voordeur", "in de lift van de flat" (not "my front door").
_CLIENT_DOOR = (
    "home_visit",
    re.compile(
        r"\b(?:on|at|by|bij|op|aan|voor)\s+(?:the|de)\s+(?:front\s+)?(?:doorstep|front\s+door"
        r"|voordeur)\b(?!\s+(?:of|van)\s+(?:my|mijn|mn|m'n|our|ons|onze|the|de|het)\s+(?!flat\b))"
        r"|\b(?:lift|elevator|stairwell|staircase|trappenhuis|portiek|galerij)\s+(?:of|van|in)\s+"
        r"(?:the|de|het|her|his|their|zijn|haar|hun|zn)\s+(?:block\s+of\s+flats|flat(?:gebouw)?"
        r"|apartment(?:\s+(?:block|building))?|building|woning|appartement\w*)\b"
    ),
)
_IN_CARE = re.compile(
    r"\b(?:client\w*|clt|patient\w*|pt|mevr|mw|mnr|dhr|mevrouw|meneer|service\s+users?)\b"
)


def more_places(folded: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The places of this module that a story may tell."""
    if _IN_CARE.search(folded):
        return (
            *MORE_PLACES,
            *PLACES_25,
            *GROUNDS,
            _HOME_ROOMS,
            _CLIENT_DOOR,
            *CARE_PLACES_25,
            *CARE_GROUNDS,
        )
    return (*MORE_PLACES, *PLACES_25, *GROUNDS)


#: A home visit that was over: "followed me to my car after the home visit".
AFTER_THE_VISIT = re.compile(r"\b(?:after|na)\s+(?:the|het|my|mijn|mn|a|een|ons)\s+$")
#: A group said short: "jongen vd groep", "a boy from the group".
OUR_GROUP = r"|\bv\.?d\.?\s+(?:leef|woon)?groep\b"
#: "van een andere afdeling", "from another ward": where someone came from, not the place.
ELSEWHERE = re.compile(r"\b(?:van|from)\s+(?:een\s+|an\s+|the\s+)?(?:andere|another|other)\s+$")
#: "ik werk op de afdeling X" describes the workplace, not where it happened.
WORKPLACE = re.compile(
    r"\b(?:werk|werkt|work|works)\s+(?:(?:niet|not|zelf)\s+)?(?:op|bij|in|on|at)\s+(?:\w+\s+){0,3}$"
)
#: "een patiënt van mijn afdeling", "a lad from our residential unit", "meneer van de
#: dagbesteding": who, not where.
OF_PERSON = re.compile(
    r"(?:patient\w*|client\w*|bewoner\w*|bewoonster\w*|resident\w*|jongen|meisje|jongere|lad"
    r"|boy|girl|teenager|meneer|mevrouw|deelnemer\w*)\s+(?:van|from|of|uit)\s+(?:mijn|onze|ons"
    r"|our|my|the|de|een)\s+(?:[\w-]+\s+){0,2}$"
)
