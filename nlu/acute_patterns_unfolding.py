"""Acute-danger rules found missing by a twenty-ninth blind round (nlu/dev/danger29): a fight
or a stabbing as a headline ("fight in day room, 3 pts", "stabbing ward 9 east"), a place and
a cry ("ward 6 HELP"), security not there yet while it goes on, someone at the window or door
hammering now, a bottle smashed into a weapon, someone who no longer responds, an extinguisher
sprayed at the staff, the man from the ward sitting a few rows behind the melder on the
train, a bomb said to go off at a time soon.

Same format as `nlu.acute_patterns_force`; `nlu.acute_patterns` makes them AcutePatterns.
"""

from __future__ import annotations

from nlu.acute_words import Category

# A place of the care building, as a headline names it ("day room", "ward 9 east").
_WHERE = (
    r"(?:the |de |het |t )?(?:day ?room|dagruimte|huiskamer|recreatieruimte|room|rm|ward|unit"
    r"|bay|corridor|hallway|gang|hal|lobby|canteen|kantine|reception|receptie|balie"
    r"|waiting room|wachtkamer|wachtruimte|a&e|a and e|seh|car park|parkeerplaats|kamer|kmr"
    r"|afd\w*|garden|tuin|office|kantoor)\b"
)
# Whom something is done to: "at us", "op ons", "in mn gezicht".
_AT_US = (
    r"(?:at|on|over|in|into|op|naar|over|in) (?:us|me|the staff|the nurses|everyone|ons|mij"
    r"|me|iedereen|de collega'?s|(?:my|our|mijn|mn|m'n|onze) (?:face|eyes|gezicht|ogen))\b"
)

UNFOLDING_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # A fight or stabbing as a headline: "fight in day room, 3 pts", "stabbing ward 9 east",
    # "fight in the corridor spreading" (the Dutch "vechtpartij" alone is a rule already).
    (
        "fight_headline",
        rf"^\W*(?:a |an )?(?:fight|fighting|brawl|mass brawl|stabbing|punch-?up|fist ?fight"
        rf"|knokpartij|gevecht|hostage situation|hostage|gijzeling)\s+(?:(?:in|on|at|op|in|bij"
        rf"|outside)\s+)?{_WHERE}",
        Category.ATTACK,
    ),
    # A place and a cry: "ward 6 HELP", "kmr 4 hulp!!" (a bare "help" is no alarm).
    (
        "place_then_help",
        r"^\W*(?:ward|room|rm|kamer|kmr|afd|afdeling|bay|bed|unit|gang|corridor)\s*\d+\w?"
        r"(?:\s+\w+)?\s*[,!.]*\s*(?:help|hulp|hlep)\b",
        Category.DANGER,
    ),
    # Help called for that has not come while it goes on: "security still not here",
    # "beveiliging is er nog steeds niet", "politie nog niet hier".
    (
        "help_not_come",
        r"\b(?:security|police|backup|back-up|beveiliging|bev|politie|bewaking|ambulance)"
        r" (?:is |are |'s )?(?:still |nog |yet )?(?:not|niet|nie|isn't|aren't|nowhere)"
        r" (?:here|there|to be seen)(?: yet)?\b"
        r"|\b(?:beveiliging|bev|politie|bewaking|ambulance) (?:is |zijn )?(?:er |hier )"
        r"(?:nog (?:steeds )?|steeds )(?:niet|nie)\b"
        r"|\b(?:beveiliging|bev|politie|bewaking|ambulance) (?:is |zijn )?(?:nog (?:steeds )?"
        r"|steeds )(?:niet|nie) (?:er|hier)\b",
        Category.DANGER,
    ),
    # Someone at the window or door hammering now: "is at the window hammering and screaming
    # my name", "staat op de ruit te bonken".
    (
        "hammering_at_window",
        r"\b(?:is|'s|are|'re|staat|staan|zit) (?:now |nu |still |nog )?(?:at|on|aan|op|bij|tegen)"
        r" (?:the|my|our|de|het|t|mijn|mn|ons|onze) (?:[\w']+ )?(?:window|door|raam|ruit|deur)"
        r"\w*,? (?:hammering|banging|pounding|kicking|bashing|te bonken|te slaan|te trappen"
        r"|te beuken|te rammen)\b",
        Category.THREAT,
    ),
    # A bottle or glass smashed into a weapon: "he's smashed a bottle in the corridor",
    # "slaat een fles kapot".
    (
        "bottle_smashed",
        r"\b(?:he|she|they|hij|ze|zij|ie)(?:'s|'ve| has| have| is| heeft| hebben)? (?:just |net )?"
        r"(?:smashed|smashing|broken|breaking|broke) (?:a |the |his |her |een |de )?(?:bottle"
        r"|glass|beer bottle|wine bottle)\b"
        r"|\b(?:slaat|slaan|gooit|heeft|hebben) (?:net |zojuist )?(?:een |de |zn |zijn )?(?:fles"
        r"|bierfles|wijnfles|glas) (?:kapot|stuk)\w*",
        Category.WEAPON,
    ),
    # Someone who no longer responds: "barely responding now", "reageert nie meer", "is niet
    # aanspreekbaar" (not an answer that does not come: "not responding to my texts").
    (
        "not_responding",
        r"\b(?:barely|not|no longer|hardly) (?:responding|responsive|reacting)\b(?! to (?:[\w']+ )?"
        r"(?:texts?|messages?|e-?mails?|mails?|calls?|letters?|complaints?|requests?|questions?"
        r"|treatment|medication|meds|antibiotics)\b)"
        r"|\bunresponsive\b"
        # (not "reageert niet meer op de medicatie")
        r"|\breageert (?:niet|nie) meer\b(?! op\b)|\breageert nergens meer op\b"
        r"|\bis (?:niet|nie) (?:meer )?aanspreekbaar\b",
        Category.DANGER,
    ),
    # Something sprayed at the staff now: "is spraying it at us", "spuit de brandblusser op
    # ons leeg".
    (
        "spraying_at_us",
        rf"\b(?:is|'s|are|'re) (?:now )?spraying (?:[\w']+ ){{0,3}}?{_AT_US}"
        # (not the syringe: "iemand richtte een spuit op me")
        rf"|\b(?:spuit|spuiten) (?:de |het |een |zn |zijn |haar |met (?:de |een )?)?(?:brandblusser"
        rf"|blusser|blusapparaat|spray|pepperspray|deo|deodorant|haarlak|water|bleek|schuim"
        rf"|poeder)\w* (?:[\w']+ ){{0,2}}?{_AT_US}",
        Category.ATTACK,
    ),
    # The man from work on the train, a few rows behind the melder: "zit 2 banken achter me",
    # "is elke keer mee overgestapt", "two rows behind me on the bus".
    (
        "behind_me_travelling",
        r"\b(?:zit|zitten|staat|sits|is sitting|is standing|'s sitting|'s standing)"
        r" (?:nu |now |just )?(?:\d+|een|twee|drie|paar|a|two|three|a few|a couple of)"
        r" (?:banken|bankjes|rijen|stoelen|plekken|rows|seats) (?:achter|behind)"
        r" (?:me|mij|us|ons)\b",
        Category.FOLLOWED,
    ),
    # Someone waiting outside the melder's home now: "there's a guy sitting in a car outside
    # my house", "er staat een auto voor mn huis met iemand erin".
    (
        "outside_my_home",
        r"\b(?:there's|theres|there is|er staat|er zit|er rijdt) (?:a |an |some |een |die |that"
        r" |the same )?(?:guy|man|bloke|woman|car|van|someone|somebody|iemand|auto|busje|vent"
        r"|gast|vrouw)\b[^.!?]{0,40}?\b(?:outside|in front of|voor|bij|across from|tegenover)"
        r" (?:my|mijn|mn|m'n|our|ons|onze) (?:house|home|flat|front door|door|huis|deur|voordeur"
        r"|woning|appartement|place|building|flat)\b",
        Category.THREAT,
    ),
    # A bomb said to go off soon: "zegt dat er iets in de parkeergarage ontploft om 3 uur",
    # "says something will go off in the car park in 20 minutes".
    (
        "bomb_timed",
        r"\b(?:iets|something|een bom|a bomb|bom|bomb|explosief|explosive)s? (?:[\w']+ ){0,6}?"
        r"(?:ontploft|gaat ontploffen|explodes|will explode|is going to explode|goes off"
        r"|will go off|is going to go off)\b[^.!?]{0,20}?(?:om \d|at \d|over \d+|in \d+"
        r"|binnen \d+|within \d+)",
        Category.BOMB,
    ),
)

#: The quick test per rule (`AcutePattern.needs`).
UNFOLDING_NEEDS: dict[str, str] = {
    "fight_headline": r"fight|brawl|stabbing|punch|knokpartij|gevecht|hostage|gijzeling",
    "place_then_help": r"help|hulp|hlep",
    "help_not_come": r"security|police|backup|back-up|beveiliging|bev|politie|bewaking"
    r"|ambulance",
    "hammering_at_window": r"hammering|banging|pounding|kicking|bashing|bonken|slaan|trappen"
    r"|beuken|rammen",
    "bottle_smashed": r"bottle|glass|fles|bierfles|wijnfles|glas",
    "not_responding": r"responding|responsive|reacting|unresponsive|reageert|aanspreekbaar",
    "spraying_at_us": r"spraying|spuit",
    "behind_me_travelling": r"achter|behind",
    "outside_my_home": r"there|er staat|er zit|er rijdt",
    "bomb_timed": r"ontploft|ontploffen|explode|explodes|goes off|go off",
}
