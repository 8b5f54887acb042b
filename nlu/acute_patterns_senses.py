"""Acute-danger rules for danger told by what the melder hears, sees or smells now, or by its
status, which a seventh blind development round showed missing: "I hear fighting", "ik zie
hem staan", "brandlucht en rook", "the hall is burning", "status: happening now", "still
knocking", "coming upstairs", "patients hiding behind the desk", "he's been trying the
handle for 5 min", "the line went dead", someone on top of a colleague, a client biting or
cutting their own arm.

Same format and the same tense guards as `nlu.acute_patterns_now`; tried after
`nlu.acute_patterns_more`.
"""

from __future__ import annotations

from nlu.acute_words import Category

# Sounds of violence: "ik hoor gevecht", "I can hear screaming from room 4".
_SOUNDS = (
    r"(?:fighting|a fight|screaming|screams|her scream|him scream|them fight|yelling and banging"
    r"|banging|crashing|glass breaking|smashing|someone scream\w*|her crying for help|shouting for"
    r" help|cries for help|gevecht|vechten|geschreeuw|gegil|gillen|gil|gebonk|klappen|glas"
    r" breken|hulpgeroep|om hulp roepen|om hulp schreeuwen)"
)
# Body parts someone may harm themself in.
_BODY_NL = r"(?:arm|armen|hand|handen|hoofd|pols|polsen|been|benen|huid|gezicht|vingers?|nek)"
_BODY_EN = r"(?:arm|arms|hand|hands|head|wrist|wrists|leg|legs|skin|face|fingers?|neck)"
_SOMEONE = (
    r"(?:hem|haar|ze|hen|die man|die vrouw|de man|de vader|him|her|them|the man|the guy|that guy)"
)

SENSES_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # Heard now: "I hear fighting", "ik hoor gegil uit kamer 4".
    (
        "hears_violence",
        r"\b(?:i|we) (?:can )?(?:hear|still hear) " + _SOUNDS + r"\b"
        r"|\b(?:ik|we) (?:hoor|horen) (?:[\w']+ ){0,2}?" + _SOUNDS + r"\b"
        # (not children at play: "gegil van de kinderen op het schoolplein")
        r"(?! (?:van|of) (?:de |the )?(?:kinderen|kids|kindjes|children))",
        Category.ATTACK,
    ),
    # Seen now, near the melder's home or the door: "ik zie hem staan", "I can see him
    # standing across the street".
    (
        "sees_him_there",
        r"(?:\bik zie " + _SOMEONE + r" (?:nu |nog |daar |gewoon )?(?:staan|lopen|zitten|wachten"
        r"|rondlopen|rondhangen)\b"
        r"|\bi (?:can )?see " + _SOMEONE + r" (?:standing|outside|out there|waiting|across"
        r"|at the|in the (?:street|garden|car park|parking lot)|lurking|walking around)\b)"
        # (not on a photo, in a memory or a dream)
        r"(?!(?: [\w']+){0,3} (?:op de foto|op foto|op het filmpje|on the photo|in the photo"
        r"|in the picture|in my (?:head|memory|mind|dreams?)|in mijn (?:hoofd|dromen|droom)))",
        Category.THREAT,
    ),
    # Fire now: "brandlucht en rook", "the hall is burning", "smoke everywhere".
    (
        "fire_sensed",
        r"\bbrandlucht\b|\b(?:ik|we) (?:ruik|ruiken) (?:brand|rook|vuur|gas)\b"
        r"|\b(?:smell|smells|smelling) (?:of )?(?:smoke|burning|fire|gas|petrol|gasoline)\b"
        r"|\b(?:petrol|gasoline|benzine) ?(?:smell|lucht|stank)\b"
        r"|\b(?:lighting|lights|lit|steekt) (?:a|the|een|de) (?:rag|cloth|doek|lap|lont|fuse)\b"
        r"|\bsmoke (?:everywhere|coming|in the|from the|pouring)\b"
        r"(?! (?:[\w']+ ){0,2}?(?:chimney|chimneys|bbq|barbecue|exhaust|vape|cigarette|pipe))"
        r"|\b(?:rook|vuur|vlammen) (?:overal|uit de|komt|in de gang|op de gang)\b"
        r"|\b(?:hall|hallway|room|kitchen|building|corridor|flat|house|ward|bin|curtains?|bed"
        r"|mattress|car)s? (?:is|are) (?:burning(?! hot)|on fire|in flames)\b",
        Category.FIRE,
    ),
    # Status now, as in a form: "status: happening now", "het gebeurt nu", "it's happening
    # right now".
    (
        "happening_now",
        # ("still happening" is the rule `still_going_on`, an answer at "when?" of online
        # threats)
        r"(?<!nothing )(?<!nothing's )(?<!not )(?<!n't )(?<!nothing is )(?<!nothing else is )"
        r"(?<!still )(?<!still is )(?<!'s still )\b(?:(?:it'?s|it is|this is|is) )?happening"
        r" (?:right )?now\b"
        r"|\bhet gebeurt (?:nu|op dit moment)\b(?! (?:niet|niks|niets))"
        r"|(?<!er )\bgebeurt (?:nu|op dit moment)\b(?! (?:niet|niks|niets))",
        None,
    ),
    # Still at it: "still outside. still knocking", "hij staat nog steeds te bonken".
    (
        "still_at_the_door",
        r"(?<!heart )(?<!heart is )(?<!heart's )"
        r"\bstill (?:knocking|banging|kicking (?:the|my|our) door|hammering|pounding|ringing"
        r"|rattling|trying (?:the|my|our) (?:door|handle|window|lock))\b"
        r"|\bnog (?:steeds |altijd )?(?:aan het |te )?(?:bonken|kloppen|bonzen|aanbellen|rammelen"
        r"|schoppen tegen de deur)\b",
        Category.THREAT,
    ),
    # Coming for the melder now: "kicked the door in. coming upstairs", "hij komt naar boven".
    (
        "coming_up",
        r"(?:^|(?<=[.!?,;] ))(?:he'?s |she'?s |they'?re |hes |shes )?coming (?:upstairs"
        r"|up the stairs|this way|for (?:me|us|her|him)|towards (?:me|us)|at (?:me|us))\b"
        # ("coming up", "coming in" need who comes: "Morning, coming in for my shift")
        r"|\b(?:he'?s|she'?s|they'?re|hes|shes) coming (?:up|in|inside)\b(?! with\b)"
        r"|\b(?:hij|zij|ze) (?:komt|komen) (?:nu )?(?:naar boven|de trap op|naar binnen"
        r"|deze kant op|op (?:me|mij|ons) af|achter (?:me|mij|ons) aan)\b",
        Category.THREAT,
    ),
    # Others hiding from him now: "patients hiding behind the desk", "collega's verstoppen zich".
    (
        "others_hiding",
        r"\b(?:patients|people|everyone|everybody|colleagues|staff|clients|residents|kids|we)"
        r" (?:are )?(?:hiding|taking cover|barricaded)(?= (?:in|behind|under|inside|from (?:him"
        r"|her|them))\b|\W*$)"
        r"|\b(?:patienten|mensen|iedereen|collega'?s|clienten|bewoners|kinderen|we|wij)"
        r" (?:verstoppen|verschuilen) (?:zich|ons)\b",
        Category.DANGER,
    ),
    # Going on for minutes: "he's been trying the handle for 5 min", "is al 10 minuten aan het
    # bonken".
    (
        "for_minutes",
        r"\b(?:he|she|they)(?:'s|'re| has| have| is| are)? been (?:trying|banging|kicking"
        r"|knocking|hitting|screaming|shouting|pounding) (?:[\w']+ ){0,4}?for"
        r" (?:\d+|a few|ten|five|twenty) (?:min|mins|minutes)\b"
        r"|\b(?:is|zijn) (?:al )?(?:\d+|tien|vijf|twintig) (?:min|minuten) (?:aan het )?(?:bonken"
        r"|schoppen|slaan|schreeuwen|proberen|rammelen)\b",
        Category.THREAT,
    ),
    # A colleague cut off mid-call: "she called screaming, then the line went dead".
    (
        "line_went_dead",
        r"\b(?:line|call|phone) (?:went|goes|has gone) dead\b.{0,60}\bstill (?:there|inside)\b"
        r"|\b(?:verbinding|lijn) (?:viel weg|werd verbroken|is verbroken)\b.{0,60}\bnog (?:daar"
        r"|binnen)\b",
        Category.DANGER,
    ),
    # On top of someone now: "he is on top of the night nurse", "hij zit bovenop haar".
    (
        "on_top_of",
        r"\b(?:he|she|they)(?:'s|'re| is| are) (?:on top of|sitting on|kneeling on) (?:her|him|me"
        r"|my|the|a|our)\b"
        r"|\b(?:hij|zij|ze) (?:zit|ligt|zitten|liggen) boven ?op (?:haar|hem|mij|me|mijn|de|een"
        r"|onze)\b(?! (?:stoel|bank|bed|kamer|plek|telefoon))"
        # (on a person only: "hij ligt op de afdeling", "ze zit op haar kamer" are places)
        r"|\b(?:hij|zij|ze) (?:zit|ligt|zitten|liggen) op (?:haar|hem|mij|me)(?=\s*(?:[,.!?]|$"
        r"|en\b))",
        Category.ATTACK,
    ),
    # Harming themself now: "client is zn eigen arm aan het openbijten", "biting his own arm".
    (
        "self_harm_doing",
        r"\b(?:zijn|haar|zn|z'n|d'r) eigen " + _BODY_NL + r" (?:aan het|zit te|ligt te|staat te)"
        r" \w+(?:en|ten)\b"
        r"|\b(?:is|zit|staat) (?:zichzelf|zich) (?:aan het |te )?(?:snijden|krassen|bijten|slaan"
        r"|verwonden|wurgen)\b"
        r"|\b(?:biting|cutting|scratching|hitting|banging|burning) (?:his|her|their) own "
        + _BODY_EN
        + r"\b",
        Category.DANGER,
    ),
)

#: Quick word tests (see `AcutePattern.needs`).
SENSES_NEEDS: dict[str, str] = {
    "hears_violence": r"hear|hoor",
    "sees_him_there": r"zie|see",
    "fire_sensed": r"brand|ruik|smell|smoke|rook|vuur|vlam|burning|fire|flames|petrol|gasoline"
    r"|benzine|lighting|lights|lit|steekt",
    "happening_now": r"happening|gebeurt",
    "still_at_the_door": r"still|nog",
    "coming_up": r"coming|komt|komen",
    "others_hiding": r"hiding|cover|barricad|verstop|verschuil",
    "for_minutes": r"min",
    "line_went_dead": r"dead|verbinding|lijn",
    "on_top_of": r"top|sitting|kneeling|zit|ligt",
    "self_harm_doing": r"eigen|own|zichzelf|zich",
}
