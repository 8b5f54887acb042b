"""Acute-danger rules for danger typed in a few words, which an eighth blind development
round showed missing: a weapon and where it is ("machete on ward 3", "🔪 bij de balie!!",
"gun?? at the front desk"), someone held by the hair, the door blocked, shut in or trapped
with him, "man follow me" in broken English, a colleague taking blows, a client climbing
over a railing, someone forcing a back door, the man from earlier walking up again; and
from the twenty-third round, a threat to hurt the melder now and a gate rammed with a van.

Same format and the same tense guards as `nlu.acute_patterns_now`; tried after
`nlu.acute_patterns_senses`.
"""

from __future__ import annotations

from nlu.acute_words import Category

# Where in a workplace or home: "on ward 3", "at reception", "bij de balie", "in de
# wachtkamer", "behind the nurses station".
_PREPOSITION = r"(?:on|at|in|behind|near|by|outside|op|bij|in|achter|aan|voor) "
_PLACE_NOUN = (
    r"(?:the |de |het |our |onze |my |mijn )?(?:ward|afdeling|reception|receptie|front desk|desk"
    r"|balie|wachtkamer|waiting"
    r" room|nurses'? station|verpleegpost|kamer|room|gang|corridor|hallway|entrance|ingang"
    r"|car park|parkeerplaats|kitchen|keuken|dayroom|huiskamer|lobby|hal|groep|unit|office"
    r"|kantoor|spreekkamer)\b"
)
_PLACE = _PREPOSITION + _PLACE_NOUN
_WEAPONS = (
    r"(?:knife|knives|machete|axe|hatchet|gun|pistol|bat|baseball bat|crowbar|hammer|scissors"
    r"|blade|mes|messen|machete|bijl|pistool|vuurwapen|wapen|knuppel|honkbalknuppel|koevoet"
    r"|hamer|schaar|🔪|🔫)"
)

SHORT_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # A weapon and where, in a few words: "machete on ward 3", "bloke with a bat at
    # reception", "wapen?? in de wachtkamer", "🔪 bij de balie!!".
    (
        "weapon_where",
        r"^[^\w🔪🔫]*(?:(?:a |an |een |de |the |someone |iemand |some )?(?:guy|bloke|man|woman"
        r"|lad|vent|gast|kerel|jongen|vrouw|patient|client|bewoner|someone|iemand)?\s?(?:with"
        r"|met) )?"
        r"(?:a |an |een |de |the )?"
        + _WEAPONS
        + r"\W*(?:\s|$)(?:[\w'?!]+ ){0,2}?"
        # (the preposition may go: "pistool!! receptie")
        + f"(?:{_PREPOSITION})?{_PLACE_NOUN}"
        + r"(?:\s*\S+){0,3}\W*$",
        Category.WEAPON,
    ),
    # Held by the hair or throat now: "he's got Anke by her hair", "hij heeft haar bij de keel".
    (
        "held_by",
        r"\b(?:he|she|they)(?:'s| has|'ve| have) got (?:[\w']+ ){1,2}?by (?:the|her|his|my|their)"
        r" (?:hair|throat|neck|arm|arms|collar|wrist)\b"
        r"|\b(?:hij|zij|ze) heeft (?:haar|hem|mij|me|mijn collega|[\w']+) (?:bij|aan) (?:de|haar"
        r"|zijn|mijn|d'r|z'n) (?:keel|haren|haar|nek|kraag|arm|pols)\b(?! (?:gehad|gepakt|vast"
        r"gehad))",
        Category.ATTACK,
    ),
    # The door blocked or the melder trapped with him: "he took my keys, blocking door",
    # "trapped in the kitchen with him", "he locked me in the bathroom".
    (
        "blocked_in",
        r"\b(?:blocking|blocks) (?:the |my |our )?(?:door|doorway|exit|way out)\b"
        r"|\btrapped (?:in|inside) (?:the |a |my |his |her )?\w+ with (?:him|her|them)\b"
        r"|\b(?:he|she|they) (?:has |have )?locked me (?:in|inside)\b"
        r"|\b(?:hij|zij|ze) (?:heeft|hebben) (?:me|mij) (?:in|op) (?:de|het|een) \w+ opgesloten\b"
        r"|\b(?:zit|sta|zitten) (?:opgesloten|vast) (?:in|op) (?:de|het|een) \w+ met (?:hem|haar"
        r"|hen)\b",
        Category.TRAPPED,
    ),
    # Followed, in broken English: "man follow me to the bike shed".
    (
        "follow_me",
        r"\b(?:man|guy|he|she|someone|somebody|person|client|patient) (?:is )?follow me\b",
        Category.FOLLOWED,
    ),
    # A colleague taking blows now: "collega krijgt klappen op kamer 9", "she's getting
    # beaten".
    (
        "taking_blows",
        r"\b(?:krijgt|krijgen) (?:nu )?(?:klappen|slaag|een pak slaag|rake klappen|trappen)\b"
        r"|\b(?:is|'s) getting (?:beaten|hit|punched|kicked|battered)\b"
        r"|\bshaking (?:her|him|me|the \w+) (?:by|hard|violently|back and forth)\b",
        Category.ATTACK,
    ),
    # Someone about to jump: "cliënte klimt over de brugleuning", "standing on the ledge".
    (
        "about_to_jump",
        r"\b(?:klimt|klimmen) (?:nu )?(?:over|op) (?:de|het|een) (?:\w*leuning|reling|balustrade"
        r"|dak|dakrand|vensterbank|rand|brug)\b"
        # (standing or sitting only at an edge: "zit op de rand van het bed" is no danger)
        r"|\b(?:staat|zit) (?:nu )?op (?:de|het|een) (?:\w*leuning|reling|balustrade|dakrand"
        r"|rand van (?:het dak|de brug|het balkon))\b"
        r"|\b(?:climbing|climbs) (?:over|on) (?:the|a) (?:railing|balcony|ledge|roof|bridge"
        r"|parapet|window ?sill)\b"
        r"|\b(?:standing|sitting) on (?:the|a) (?:railing|ledge|parapet|balustrade|edge of the"
        r" (?:roof|bridge|balcony))\b",
        Category.DANGER,
    ),
    # Forcing a door: "someone keeps trying the back door handle", "probeert de achterdeur
    # open te wrikken", "rammelt nu aan mijn kantoordeur".
    (
        "forcing_door",
        r"\b(?:trying|tries|probeert|proberen) (?:[\w']+ ){0,2}?(?:the|de|our|onze|my|mijn|mn|m'n) "
        r"(?:\w+ )?(?:door|deur|\w+deur|window|raam)(?: handle)? (?:open te )?(?:handle|wrikken"
        r"|breken|forceren|krijgen|maken|open)?\b"
        r"|\b(?:rammelt|rammelen|bonkt|bonken|schopt|trapt) (?:nu )?aan (?:de|het|mijn|onze|m'n"
        r"|mn) \w*deur\b",
        Category.THREAT,
    ),
    # Threatened to be hurt now: "he's going to do me now", "gaat me nu pakken".
    (
        "hurt_me_now",
        r"\b(?:going to|gonna|will|'ll) (?:do|get|kill|stab|hurt|batter|sort|smash) (?:me|us|her"
        r"|him)(?: in| out)? (?:now|right now|rn|tonight)\b"
        r"|\b(?:gaat|komt) (?:me|mij|ons|haar) (?:nu|nou|vanavond) (?:pakken|afmaken|vermoorden"
        r"|neersteken|slaan)\b",
        Category.THREAT,
    ),
    # Ramming a gate or door with a vehicle: "he's ramming the gate with his van" (Dutch
    # "ramt tegen het hek" is `force_at_door`).
    (
        "ramming",
        r"\b(?:is |'s )?ramm(?:ing|s) (?:into )?(?:the|my|our|a) (?:\w+ )?(?:gate|door"
        r"|car|fence|wall|building|entrance)\b",
        Category.DANGER,
    ),
    # (twenty-fourth round) "hes back", "its him. hes in reception", "omg he pulled a gun", a
    # car driving at people, walking up to the door now
    (
        "he_is_back",
        r"^\W*(?:omg\W+|oh no\W+|shit\W+)?(?:it'?s him\W+)?(?:he's|she's|they're) (?:back|here"
        r"|in (?:reception|the building|the waiting room|the ward|the corridor))(?: again)?\W*$",
        Category.THREAT,
    ),
    (
        "exclaimed_weapon",
        r"^\W*(?:omg|oh my god|oh god|wtf|jezus|jesus|shit|fuck)\b[^.!?]{0,40}\b(?:gun|knife|pistol"
        r"|machete|axe|mes|pistool)\b[^.!?]{0,20}$",
        Category.WEAPON,
    ),
    (
        "driving_at",
        r"\b(?:car|van|auto|busje|vehicle|truck)\s+(?:is\s+)?(?:driving|rijdt|speeding)\s+(?:straight"
        r"\s+|right\s+|recht\s+)?(?:at|into|op|in)\s+(?:people|the crowd|mensen|de mensen|us|ons)\b"
        r"|\b(?:is|he's|she's) walking up to (?:the|my|our) (?:door|front door|house|car)\b",
        Category.DANGER,
    ),
    # The man from earlier walking up again: "die man van vanmiddag komt weer aanlopen".
    (
        "walking_up",
        # (someone named before it: "komt weer aanlopen met koffie" is no one)
        r"\b(?:man|vent|gast|kerel|jongen|vader|zoon|broer|hij|ie)\b(?: \S+){0,5}? (?:komt"
        r"|komen) (?:nu |weer |net |alweer )*(?:aanlopen|aangelopen|aanrijden|op (?:me|mij|ons)"
        r" aflopen)\b",
        Category.THREAT,
    ),
    # From the twenty-fifth round: he wrote that he is outside, and he is ("he just texted
    # 'im outside'. hes outside. what do i do"); or he is outside and the melder asks what to
    # do now.
    (
        "outside_said",
        r"\b(?:texted|messaged|sent|wrote|stuurde|appte|smste|schreef|bericht|message|text)\b"
        r"[^\n]{0,120}?\b(?:he's|hes|he is|she's|she is|they're|hij staat|hij is|ze staat|zij"
        r" staat|ze is|zij is) (?:now |right |nu |gewoon )?(?:outside|out there|buiten|daar"
        r" buiten)\b"
        r"|\b(?:he's|hes|he is|she's|she is|hij staat|ze staat) (?:now |right |nu )?(?:outside"
        r"|out there|buiten)\W+(?:what do i do|what should i do|wat moet ik doen|wat nu|help)\b",
        Category.THREAT,
    ),
    # A cry of what is happening and where: "wurgen!! bed 6!! kom", "stabbing!! bay 4".
    (
        "cry_where",
        r"^\W*(?:wurg\w*|strangl\w*|chok\w*|steekpartij|steken|stabbing|vechtpartij|vechten"
        r"|fight|fighting)\s*!+\s*(?:(?:bed|kamer|room|bay|afd|ward|unit)\s*\d+\w?\b|"
        + _PLACE_NOUN
        + r")",
        Category.ATTACK,
    ),
)

#: Quick word tests (see `AcutePattern.needs`).
SHORT_NEEDS: dict[str, str] = {
    "weapon_where": r"knife|knives|machete|axe|hatchet|gun|pistol|bat|crowbar|hammer|scissors"
    r"|blade|mes|bijl|pistool|wapen|knuppel|koevoet|hamer|schaar|🔪|🔫",
    "held_by": r"got|heeft",
    "blocked_in": r"block|trapped|locked|opgesloten|vast",
    "follow_me": r"follow me",
    "taking_blows": r"klappen|slaag|trappen|getting|shaking",
    "about_to_jump": r"klim|staat|zit|climb|standing|sitting",
    "forcing_door": r"trying|tries|probeer|rammel|bonk|schopt|trapt",
    "walking_up": r"aanlopen|aangelopen|aanrijden|aflopen",
    "hurt_me_now": r"now|rn|tonight|nu|nou|vanavond",
    "ramming": r"ramm|rams",
    "he_is_back": r"back|here|reception|building|waiting|ward|corridor",
    "exclaimed_weapon": r"gun|knife|pistol|machete|axe|mes|pistool",
    "driving_at": r"driving|rijdt|speeding|walking up",
    "outside_said": r"outside|out there|buiten",
    "cry_where": r"wurg|strangl|chok|steek|steken|stabbing|vecht|fight",
}
