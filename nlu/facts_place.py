"""Facts about where: the platform and the place (the account or number is in
nlu/facts_handle.py).

The platform uses the entity vocabulary of `nlu.entities` (the built-in list), with denied
mentions left out ("niet via instagram maar whatsapp"); a phone counts only when someone
called ("hij belde me"), not when a phone is merely there ("screenshot op mijn telefoon").
The team is in nlu/facts_team.py.
"""

from __future__ import annotations

import re
from functools import lru_cache

from nlu.entities import BUILTIN_VOCABULARY, EntityExtractor
from nlu.facts_base import Extracted, Story, first_free, negated, quoted
from nlu.facts_handle import handle
from nlu.facts_place_more import (
    AFTER_THE_VISIT,
    APP_VERBS,
    ELSEWHERE,
    OF_PERSON,
    OUR_GROUP,
    WORKPLACE,
    more_places,
)

__all__ = ["handle", "location_kind", "platform"]


@lru_cache(maxsize=1)
def _platforms() -> EntityExtractor:
    # "op Google" is a Google review (the entity list only knows "google reviews").
    extra = {
        "google": "google-reviews",
        "whatsap": "whatsapp",
        **APP_VERBS,
        "snaps": "snapchat",
        "snapchats": "snapchat",
        "snapje": "snapchat",
        "snap": "snapchat",
        "text": "sms",
        "texts": "sms",
        # texting as a verb: "keeps texting me", "blijft me smsen"
        "texting": "sms",
        "smsen": "sms",
        "smst": "sms",
        "smste": "sms",
        "gesmst": "sms",
        # e-mail as a verb, and apps the list does not know (the report's "other")
        "mailt": "e-mail",
        "mailen": "e-mail",
        "emailing": "e-mail",
        "emails": "e-mail",
        "e-mailt": "e-mail",
        "emailde": "e-mail",
        "dreigmail": "e-mail",
        "dreigmails": "e-mail",
        "werkmail": "e-mail",
        "mailtje": "e-mail",
        "mailtjes": "e-mail",
        # "appen" is WhatsApp in Dutch: "blijft me appen", "hij appte me", "een appje"
        "appen": "whatsapp",
        "appt": "whatsapp",
        "appte": "whatsapp",
        "appten": "whatsapp",
        "geappt": "whatsapp",
        "appje": "whatsapp",
        "appjes": "whatsapp",
        "signal": "other",
        "nextdoor": "other",
        "twitch": "other",
        "strava": "other",
        "vinted": "other",
        "marktplaats": "other",
        "mastodon": "other",
        "bluesky": "other",
        "threads": "other",
        "reddit": "other",
    }
    return EntityExtractor({"platform": {**BUILTIN_VOCABULARY["platform"], **extra}})


_CALLED = re.compile(
    r"\b(?:belt|belde|bellen|gebeld|opgebeld|opbelt|belletje|telefoontje\w*|telefonisch|voicemail"
    r"|ingesproken|calls?\s+(?:me|my|us)|calling\s+(?:me|my|us)"
    # a phone of the workplace: "keeps calling the ward phone", "rang our office line"
    r"|(?:calling|calls|called|ringing|rang)\s+(?:the|our)\s+(?:\w+\s+)?(?:phone|number|line)"
    # (not a name given: "called me a whore", "called me names", "called me stupid")
    r"|called\s+(?:me|my|us|our|the\s+\w+)(?!\s+(?:a|an|names|stupid|lazy|useless|fat|ugly"
    r"|incompetent|racist|every|all)\b)"
    r"|rang|rings|phoned|phoning|phones\s+(?:me|my|us)|phone calls?|on the phone|over the phone"
    r"|calls\s+to\s+(?:me|my)|withheld\s+number|(?:nummer\s+)?onderdrukt(?:\s+nummer)?"
    r"|(?:got|had|received|kreeg)\s+"
    r"(?:a|an|een)\s+call"
    r"|aan de telefoon|aan de lijn)\b"
)


# Surfaces the entity list only takes after "een" or "via", safe here: "ik kreeg snaps van",
# "text from 06-...".
_MORE_PLATFORMS = (
    (re.compile(r"\bsnaps\b|(?:^|[.!?]\s*)(?:a |een )?snap(?:je)?\s+(?:from|van)\b"), "snapchat"),
    (re.compile(r"(?:^|[.!?]\s*)texts?\b|\btexts?\s+(?=from\b|van\b)"), "sms"),
)


def platform(story: Story) -> Extracted | None:
    """The platform, app or medium of an online threat (the report's options)."""
    folded = story.folded
    found = [(m.start(), m.end(), v) for p, v in _MORE_PLATFORMS for m in p.finditer(folded)]
    for entity in _platforms().extract(story.text):
        if entity.value == "telefoon" and not _CALLED.search(folded):
            continue
        found.append((entity.start, entity.end, entity.value))
    # A phone call counts after any named app: "via whatsapp gebeld" is WhatsApp.
    named = [f for f in found if f[2] != "telefoon"] or found
    hit = first_free(named, folded)
    if hit is None and _CALLED.search(folded) and not found:
        match = _CALLED.search(folded)
        assert match is not None
        if not negated(folded, match.start(), match.end(), verb=True):
            return Extracted("telefoon", story.words(*match.span()))
    if hit is None:
        return None
    return Extracted(hit[2], story.words(hit[0], hit[1]))


# ----------------------------------------------------------------------------- place

# A room of the client's own, unless on a ward: "in his bedroom on the unit" is the ward.
_NOT_ON_WARD = r"(?!,?\s+(?:on|op|in)\s+(?:the|de|het|our|onze)\s+(?:unit|ward|afdeling|groep))"

_PLACES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (value, re.compile(pattern))
    for value, pattern in (
        # (the desk of a nurses' station is the ward's)
        (
            "reception",
            r"\b(?:balie|receptie|receptiebalie|front ?desk|reception(?: desk| area)?"
            r"|(?<!station )desk|aanmeldbalie|inschrijfbalie|loket|onthaal|counter|triagebalie"
            r"|\w+balie"
            r"|entrance desk|front counter|wachtkamer|wachtruimte|waiting room|waiting area"
            r"|triage ?(?:phone|telefoon)|triagetelefoon)\b"
            # the telephone desk of a GP post: "aan de telefoon op de triage"
            r"|\b(?:op|bij|aan)\s+de\s+triage\b|\btriage\s*(?:call|line|lijn|desk)\b|\btriagelijn\b"
            r"|\baan\s+de\s+telefoon\s+op\s+de\s+(?:hap|huisartsenpost|post)\b",
        ),
        (
            "home_visit",
            r"\b(?:huisbezoek\w*|thuisbezoek\w*|home visits?|house calls?|aan huis"
            r"|thuiszorgadres\w*|(?:house|home|flat) of (?:the|a|my) (?:client|patient)s?"
            r"|(?:client|patient)(?:'s|s)? (?:house|home|flat|place))\b"
            r"|\bbij\s+(?!(?:mij|me|ons|mijzelf)\b)(?:[\w.]+\s+){1,4}?thuis\b"
            r"|\b(?:hem|haar|hen)\s+thuis\b"
            r"|\bwoonkamer van\b(?!\s+(?:de|het|een|onze)\s+(?:woongroep|groep|afdeling|instelling"
            r"|kliniek|locatie)\b)"
            r"|\b(?:at|in|to|leaving|left|outside|from)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+)?"
            r"(?:(?:mr|mrs|ms)\.?\s+)?"
            r"(?:\w+'s\s+)"
            r"(?:home|house|flat|apartment|living room|bungalow|place|kitchen)\b"
            r"|\b(?:of|at|in|inside|from)\s+(?:his|her|their)\s+(?:home|house|flat|apartment|bungalow"
            r"|kitchen|bathroom|bedroom|hallway|living room)\b"
            + _NOT_ON_WARD
            + r"|\b(?:at|in)\s+(?:the\s+)?(?:home|house|flat)\s+of\b"
            r"|\bin\s+(?:zijn|haar|hun)\s+(?:huis|woning|flat|appartement|keuken|badkamer)\b"
            r"|\b(?:him|her|them)\b[^.]{0,20}\bat home\b|\b(?:out\s+of|from|at)\s+her\s+place\b"
            r"|\bbij\s+(?:haar|hem)\s+in\s+(?:de\s+)?(?:hal|gang|keuken|woonkamer|badkamer|slaapkamer)\b"
            # "naar meneer thuis", "bij client in huis", "at home of client"
            r"|\bnaar\s+(?!(?:mij|me|ons|huis)\b)(?:[\w.]+\s+){1,3}?thuis\b"
            r"|\bbij\s+(?:de\s+|een\s+|mijn\s+)?client\w*\s+in\s+(?:huis|de\s+(?:woonkamer|keuken"
            r"|badkamer|slaapkamer|gang))\b"
            r"|\b(?:at|in)\s+(?:the\s+)?home\s+of\b"
            # "in haar slaapkamer thuis", "in zijn woonkamer": the client's own rooms
            r"|\b(?:in|op)\s+(?:zijn|haar|hun|zn|z'n)\s+(?:slaapkamer|woonkamer|badkamer|keuken)"
            r"(?:\s+thuis)?\b" + _NOT_ON_WARD +
            # the stairwell of a client's flat: "in het trappenhuis van de flat van mijn cliënte"
            r"|\b(?:trappenhuis|portiek|galerij|stairwell|stairs)\s+(?:van|of)\s+(?:de|het|her|his"
            r"|the|zijn|haar)\s+(?:flat|building|huis|apartment|woning|block)\b"
            # "every time I come to his flat", "a client at home", "als ik bij meneer de Boer kom"
            r"|\b(?:come|came|go|went|get|got)\s+to\s+(?:his|her|their)\s+(?:flat|apartment|house"
            r"|place|home)\b|\b(?:client|patient|cliente?)s?\s+at\s+home\b"
            r"|\b(?:als|wanneer|toen|steeds als|elke keer als)\s+ik\s+bij\s+(?:haar|hem|meneer"
            r"|mevrouw|mevr|mw|dhr|de heer|client\w*)\b(?:\s+[\w.]+){0,3}?\s+"
            r"(?:kom|kwam|ben|was)\b",
        ),
        (
            "ward",
            r"\b(?:\w*afdeling|verpleegpost|zusterpost|patientenkamer|behandelkamer|unit"
            r"|nursing station"
            r"|spreekkamer|medicijnkamer|medicatiekamer|seh|spoedeisende hulp|op de groep|woongroep"
            r"|ward|group room|groepsruimte"
            r"|living group|leefgroep|huiskamer van de (?:groep|afdeling|woongroep)"
            r"|nurses'? station|treatment room|consulting room|med(?:ication)? room|a&e"
            r"|emergency department|group home|kamer van (?:de|een|mijn)\s+(?:patient|client"
            r"|bewoner)\w*|(?:patient|client|resident)'s room)\b"
            # rooms of a workplace ("at my workplace or ward"); not "at work", which does
            # not say where, nor "in de gang", which may be a client's hall
            r"|\bop de gang\b(?!\s+van\s+(?:zijn|haar|hun|het|de|een)\s+(?:huis|woning|flat"
            r"|portiek|appartement))(?!\s+(?:bij|naast|voor)\s+de\s+(?:kantoren|administratie|directie))"
            r"|\b(?:teampost|teamkamer|personeelskamer|personeelsruimte"
            r"|koffiekamer|linnenkamer|eetzaal|rookruimte|separeer\w*|isoleer\w*"
            r"|activiteitenruimte|recreatieruimte|corridor|day ?room|staff ?room|break ?room"
            r"|seclusion room|dining hall|smoking room|kantoortje|medicatieruimte|medicijnruimte"
            # "op kamer 12", "in room 6": a numbered room is a ward's
            r"|(?:in|op|at|on|to|van|of)\s+(?:kamer|room)\s+\d+|medicijnkar|medicatiekar"
            r"|medication trolley|med trolley|consultation room|keukendeur van de groep"
            r"|huiskamer van groep"
            r"|(?:in|op) de huiskamer(?!\s+van\s+(?:zijn|haar|hun|meneer|mevrouw)))\b",
        ),
        (
            "outside",
            r"\bbuiten\b(?!\s+(?:\S+\s+){0,3}om\b)(?!\s*(?:werktijd|diensttijd|kantoortijd|het werk"
            r"|bezoektijd\w*|werk|dienst|mijn|de )\b)|\b(?:parkeerplaats|parkeergarage"
            r"|parkeerterrein|fietsenstalling|fietsenrek"
            r"|op straat|op de stoep|bushalte|bij (?:mijn|mn|m'n|de|haar|zijn) auto|ingang|tuin"
            r"|stoplicht|schoolplein|speeltuin|pavement"
            r"|sidewalk|schoolyard|playground|in front of the (?:clinic|hospital|building|practice)"
            r"|by (?:my|the|his|her) car|outside my (?:own )?(?:house|home|flat|front door)"
            r"|over straat|aan de overkant"
            r"|voor het (?:ziekenhuis|gebouw|verpleeghuis|pand)|car park|parking (?:lot|garage"
            r"|area)|on the street|in the street|bus stop|entrance|garden|bike (?:shed|racks?)"
            r"|traffic lights?|train station|treinstation|station|fietsenhok|fietsenschuur"
            # on the way home: "on the way home from my evening shift", "onderweg naar huis"
            r"|on (?:my|the) way (?:home|back home|to (?:my|the) (?:car|bus|train|station|bike))"
            r"|onderweg naar (?:huis|mijn auto|de auto|het station|de bus)|op weg naar (?:huis"
            r"|mijn auto|de auto|het station|de bus)|walking home|cycling home"
            r"|outside(?!\s+(?:of\s+)?(?:work|working|office|my|the hours)))\b",
        ),
        (
            "other",
            r"\b(?:in de trein|on the train|supermarkt|supermarket|tankstation|petrol station"
            r"|lidl|aldi|albert heijn|jumbo|(?:in|bij) de action|hema|kruidvat|apotheek"
            r"|pharmacy(?! counter)|chemist|(?:bij|naar|in)\s+de\s+(?:bakker|slager)"
            r"|bakery|butcher|cafe|coffee shop|restaurant|kantine|canteen|bioscoop|cinema"
            r"|sportschool|gym|climbing gym|zwembad|swimming pool|library|bibliotheek|kerk|church"
            r"|moskee|mosque|clubhouse|launderette|wasserette|laundrette|minibus|busje"
            # a ride, not who drives it: "the taxi driver who brings him in"
            r"|taxi(?! ?(?:driver|chauffeur|bestuurder|company|centrale|bedrijf))"
            r"|gas station|day off|ik was (?:gewoon )?vrij|in de bus|on the bus|in de tram"
            r"|on the tram|in de winkel|in a shop|at the shop|(?:on|in) bus \d+|birthday party"
            r"|verjaardag\w*|feestje|party)\b",
        ),
    )
)
_HOME = "home_visit"
# "walking from my car to a client's house, a guy on the street shouted": where they were
# going, not where it happened.
_HEADING = re.compile(
    r"\b(?:walking|cycling|driving|on (?:my|the) way|onderweg|op weg|lopend|fietsend)\b"
    r"(?:\s+\S+){0,4}?\s+(?:(?:to|naar)\s+(?:\S+\s+){0,2})?$"
)


def _heading_to(folded: str, start: int) -> bool:
    """Whether a place at `start` is where the melder was walking or driving to."""
    heading = _HEADING.search(folded, max(0, start - 60), start)
    if heading is None:
        return False
    return folded.startswith(("to ", "naar "), start) or bool(
        re.search(r"\b(?:to|naar)\s+(?:\S+\s+){0,2}$", heading.group(0))
    )


def _past_or_ahead(folded: str, start: int) -> bool:
    """A home visit the melder was going to, or had left ("after the home visit")."""
    return _heading_to(folded, start) or bool(AFTER_THE_VISIT.search(folded, 0, start))


_DOORSTEP = re.compile(r"op de stoep|pavement|sidewalk")
_ON_WARD = re.compile(
    r"\s+(?:on|in|of|op|van|bij)\s+(?:the|de|het|our|onze|a|een)\s+(?:[\w-]+\s+)?$"
)
#: How far after a ward a desk may be named to be where on the ward it happened.
_NEAR = 40
# A living room or hallway is a ward's in a story about a group or numbered rooms ("one of
# the young people from our group threw his plate at me in the living room", "a visitor of
# room 6 screamed at me in the hallway"); otherwise it may be a client's home.
_SHARED_ROOM = re.compile(
    r"\b(?:woonkamer|huiskamer|living\s?room|lounge|hallway|hall|gang|keuken|kitchen"
    r"|dining\s?room|eetkamer|eetzaal|shower|douche|(?:op|in|on|out\s+of|uit)\s+(?:zijn|haar|z'n"
    r"|zn|his|her)\s+(?:(?:mum|mom|dad|mother|father|moeder|vader)'?s?\s+)?(?:kamer|room|bedroom"
    r"|slaapkamer|bed))\b"
    # ("His room on the 3rd floor of the care home": the room told on its own)
    r"|(?:^|(?<=[.!?;,]))\s*(?:his|her|zijn|haar|zn)\s+(?:room|kamer)\b"
)
# ... or about residents of a home: "een bewoner ... op zijn kamer", "a resident ... in the
# shower in his room", "the dining room of the nursing home".
_INSTITUTION = re.compile(
    r"\b(?:(?:onze|our|de|the|van de|from the|of the)\s+(?:leef|woon)?(?:groep|group)"
    r"|(?:kamer|room)\s+\d+|bewoner\w*|bewoonster\w*|residents?|verpleeghuis|verzorgingshuis"
    r"|nursing home|care home)\b" + OUR_GROUP
)


_QUOTE_CLOSES = re.compile(r"[^.!?\n'\"]*['\"](?!\w)")


def _said_in_quotes(folded: str, start: int, end: int) -> bool:
    """A place in what someone said, quoted and closed: "'mooi huis met een tuin'"."""
    return quoted(folded, start) and bool(_QUOTE_CLOSES.match(folded, end))


def location_kind(story: Story) -> Extracted | None:
    """Where in-person aggression happened: the first place mentioned and not denied."""
    folded = story.folded
    found = [
        (m.start(), m.end(), value)
        for value, pattern in _PLACES + more_places(folded)
        for m in pattern.finditer(folded)
        if not WORKPLACE.search(folded[max(0, m.start() - 30) : m.start()])
        and not ELSEWHERE.search(folded[max(0, m.start() - 30) : m.start()])
        and not OF_PERSON.search(folded[max(0, m.start() - 50) : m.start()])
        and not _said_in_quotes(folded, m.start(), m.end())
    ]
    found = [f for f in found if not (f[2] == _HOME and _past_or_ahead(folded, f[0]))]
    hit = first_free(found, folded)
    if hit is not None and hit[2] == "outside" and _DOORSTEP.fullmatch(folded, hit[0], hit[1]):
        # "staat op de stoep als ik bij haar kom": the doorstep of a home visit
        hit = next((f for f in found if f[2] == _HOME), hit)
    if hit is None:
        room = _SHARED_ROOM.search(folded) if _INSTITUTION.search(folded) else None
        if room is None or negated(folded, room.start(), room.end()):
            return None
        return Extracted("ward", story.words(room.start(), room.end()))
    if hit[2] == "other":
        # A room of a ward is the ward: "in the physio gym on the rehab ward".
        ward = next((f for f in found if f[2] == "ward" and 0 <= f[0] - hit[1] < _NEAR), None)
        if ward is not None and _ON_WARD.match(folded, hit[1], ward[0]):
            hit = ward
    if hit[2] == "ward":
        # A desk is the reception, also on a ward: "op de afdeling bij de balie".
        desk = next((f for f in found if f[2] == "reception" and 0 <= f[0] - hit[1] < _NEAR), None)
        if desk is not None and not negated(folded, desk[0], desk[1]):
            hit = desk
    return Extracted(hit[2], story.words(hit[0], hit[1]))
