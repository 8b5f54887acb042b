"""Acute-danger rules found missing by a thirty-first blind round (nlu/dev/danger31): someone
close to the melder now, without a weapon or a blow named. Standing by the melder's car,
between the melder and the door, standing over the melder; a face seen through the glass of
the melder's own door; a group circling the melder's bike and not letting them through;
someone calling for help from a room a client locked himself in with them.

Same format as `nlu.acute_patterns_force`; `nlu.acute_patterns` makes them AcutePatterns.
"""

from __future__ import annotations

from nlu.acute_words import Category

CLOSE_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # By the melder's car or bike now: "is in the car park standing next to my car", "staat
    # bij mn auto te wachten".
    (
        "at_my_car",
        r"\b(?<!been )(?<!was )(?<!were )(?:standing|waiting|sitting|leaning|lurking"
        r"|hanging around) (?:right )?(?:next to|by"
        r"|at|near|beside|around|against|on) (?:my|our) (?:car|bike|van)\b"
        r"|\b(?:staat|staan|zit|wacht|wachten|leunt) (?:nu |weer |nog )?(?:bij|naast|tegen|op|aan)"
        r" (?:mijn|mn|m'n|onze) (?:auto|fiets|scooter|bus)\b",
        Category.THREAT,
    ),
    # Between the melder and the way out: "he's in the hallway between me and the door",
    # "hij staat tussen mij en de deur".
    (
        "between_me_and_door",
        r"\bbetween (?:me|us) and the (?:door|exit|way out|front door|stairs)\b"
        r"|\btussen (?:mij|me|ons) en de (?:deur|uitgang|voordeur|trap)\b",
        Category.TRAPPED,
    ),
    # Standing over the melder now: "he's standing over me", "staat over me heen gebogen".
    (
        "standing_over_me",
        r"\b(?:he's|hes|he is|she's|shes|she is|they're|they are|is|'s) (?:now |still |just )?"
        r"standing over (?:me|us)\b"
        r"|\b(?:staat|staan|hangt) (?:nu |nog )?(?:over|boven) (?:me|mij|ons) (?:heen|gebogen)\b",
        Category.DANGER,
    ),
    # A face at the melder's door or window now: "I can see his face through the glass", "ik
    # zie hem door het raam".
    (
        "seen_through_glass",
        r"\b(?:i|we) can (?:see|hear) (?:him|her|them|his face|her face|his shadow)"
        r" (?:[\w']+ ){0,2}?(?:through|at|outside|behind) (?:the|my|our) (?:glass|window|door"
        r"|back door|front door|letterbox)\b"
        r"|\b(?:ik|we) (?:zie|zien|hoor|horen) (?:hem|haar|ze|zijn gezicht) (?:nu )?(?:door|bij"
        r"|achter|aan) (?:het|de|mijn|mn|ons) (?:raam|ruit|glas|deur|achterdeur|voordeur"
        r"|brievenbus)\b",
        Category.THREAT,
    ),
    # Circled and stopped: "rijden rondjes om me heen ... laten me nie door", "circling me".
    (
        "circling_me",
        r"\brondjes om (?:me|mij|ons) heen\b|\b(?:are|is|'re|'s) circling (?:me|us|around me)\b"
        r"|\b(?:laten|laat) (?:me|mij|ons) (?:niet|nie|er niet|er nie) (?:door|langs|erdoor|gaan"
        r"|weg)\b",
        Category.THREAT,
    ),
    # Someone calling for help now: "de buurman roept om hulp", "she's screaming for help".
    (
        "calling_for_help",
        r"\b(?:roept|roepen|schreeuwt|schreeuwen|gilt|gillen) (?:[\w']+ ){0,2}?om hulp\b"
        r"|\b(?:is|'s|are|'re) (?:now )?(?:calling|screaming|shouting|crying|yelling) (?:out )?for"
        r" help\b",
        Category.DANGER,
    ),
    # (thirty-second round) he is back, typed fast: "hes bcak", "hj is trug"; "daar is ie
    # weer", "there he is again"; footsteps heard; a colleague pulled in and locked in ("hij
    # heeft een collega de badkamer in getrokken en de deur op slot gedaan"); standing at the
    # desk shouting, with something in his hand.
    (
        "back_typed_fast",
        r"^\W*(?:he'?s|hes|she'?s|shes|hij is|hj is|hy is|ie is|ze is) (?:weer |again )?"
        r"(?:bcak|bakc|bck|bak|trug|terg|teurg|terig|trg)\b"
        r"|\b(?:daar|hier) is (?:ie|hij|ze|zij) (?:nu )?weer\b|\bthere (?:he|she) is again\b"
        r"|\b(?:is|'s) here again\W+(?:right )?now\b",
        Category.THREAT,
    ),
    (
        "footsteps",
        r"\b(?:hoor|horen|hear) (?:[\w']+ ){0,2}?(?:voetstappen|footsteps)\b",
        Category.THREAT,
    ),
    (
        "pulled_in_locked",
        r"\b(?:heeft|hebben|has|have|'s) (?:een |mijn |mn |my |a |the |de )?(?:collega|colleague"
        r"|vpk|nurse|begeleider|verpleegkundige|bewoner|medebewoner|resident|hca)\w* (?:[\w']+ )"
        r"{0,4}?(?:in getrokken|in gesleurd|binnen getrokken|meegesleurd|dragged|pulled)\b"
        r"[^.!?]{0,40}?\b(?:op slot gedaan|op slot gedraaid|afgesloten|locked(?: the door)?)"
        r"|\b(?:has|have|'s) (?:just )?(?:dragged|pulled) (?:my |a |the |our )?(?:colleague|nurse"
        r"|hca|resident|carer)\w* (?:[\w']+ ){0,4}?(?:and )?(?:locked|shut) (?:the door|her|him"
        r"|them|it)\b",
        Category.TRAPPED,
    ),
    (
        "at_the_desk_shouting",
        r"\bstaat (?:nu |net |weer |daar )?(?:bij|aan|voor|op) (?:de|het|mijn|mn|onze) \w+"
        r" (?:[\w']+ ){0,3}?te (?:roepen|schreeuwen|schelden|tieren|razen|bonken|dreigen)\b"
        r"|\bmet iets in (?:zn|zijn|z'n|haar) hand\b|\bwith something in (?:his|her) hands?\b",
        Category.THREAT,
    ),
    # (thirty-third round) headlines: "smoke, unit C, hurry", "door kicked in NOW", "colleague
    # down, bleeding", "trapped in the kitchen", "client on roof, about to jump"; a weapon
    # typed as it sounds ("hij heb een pistool"); a scooter riding slowly beside the melder.
    (
        "smoke_hurry",
        r"^\W*(?:smoke|rook|fire|brand|flames|vlammen)\W+(?:[\w&]+\s*){0,3}\W+(?:hurry|snel|quick"
        r"|now|nu|help|asap|schiet op)\b",
        Category.FIRE,
    ),
    (
        "door_kicked_in",
        r"^\W*(?:the |de |front |back |voor|achter)?(?:door|deur)\w* (?:is |wordt |being )?"
        r"(?:kicked in|ingetrapt|ingeschopt|forced|geforceerd|opengebroken|broken down"
        r"|smashed in)\b",
        Category.THREAT,
    ),
    (
        "colleague_down",
        r"^\W*(?:colleague|collega|nurse|vpk|staff member|crewmate|medic|porter|officer) (?:is )?"
        r"down\b|\b(?:is |'s )?bleeding (?:heavily|badly|a lot|everywhere|from (?:his|her) head)"
        r"|\bbloedt (?:hevig|erg|flink|heel erg|uit (?:zn|zijn|haar) hoofd)\b",
        Category.DANGER,
    ),
    (
        "trapped_headline",
        r"^\W*(?:trapped|stuck|locked in|opgesloten|ingesloten)\s+(?:in|op|at)\s+(?:the |de |het "
        r"|a |een |my |mijn |mn )?\w+(?:\s+\w+)?\W*$",
        Category.TRAPPED,
    ),
    (
        "about_to_jump_words",
        r"\b(?:about to|going to|gonna|threatening to|trying to) jump\b"
        r"|\b(?:wil|gaat|dreigt te|staat op het punt te) springen\b",
        Category.DANGER,
    ),
    (
        "weapon_typed_as_said",
        r"\b(?:hij|ze|zij|ie|hy) (?:heb|hep|heef|heefd|hebt) (?:een |n |nu )?<WEAPON>",
        Category.WEAPON,
    ),
    (
        "riding_beside_me",
        r"\b(?:rijdt|rijden|fietst|fietsen) (?:al )?(?:[\w']+ ){0,6}?(?:stapvoets|langzaam) naast"
        r" (?:me|mij|ons)\b|\b(?:al|for) (?:\w+ ){1,2}(?:straten|streets|blocks) (?:lang )?"
        r"(?:[\w']+ ){0,6}?(?:naast|achter|next to|behind) (?:me|mij|us|ons)\b"
        r"|\b(?:driving|riding|crawling|cruising) (?:slowly )?(?:alongside|next to|beside) me\b",
        Category.FOLLOWED,
    ),
    # (thirty-fourth round) in front of the only exit, still going after smashing things,
    # holding a weapon again now, his car parked across from the melder's home, barged back in,
    # on the window ledge, waiting somewhere with a weapon.
    (
        "in_front_of_exit",
        r"\bstanding (?:right )?in front of (?:the|my|our) (?:only )?(?:exit|door|way out)\b"
        r"|\bstaat (?:nu )?voor de (?:enige )?uitgang\b",
        Category.TRAPPED,
    ),
    (
        "rampage_still_going",
        r"\b(?:smashed|smashing|trashed|trashing|wrecked|wrecking|throwing|sloopt|slaat|gooit"
        r"|vernielt)\b[^.!?]{0,60}?\b(?:still going|still at it|nog steeds bezig|gaat (?:nog steeds"
        r"|maar) door)\b",
        Category.DANGER,
    ),
    (
        "holding_it_now",
        r"\b(?:holding|waving|swinging|pointing) it (?:now|right now|at (?:me|us))\b"
        r"|\b(?:houdt|zwaait) (?:hem|het|m) (?:nu )?(?:vast|rond|naar (?:me|ons))\b",
        Category.WEAPON,
    ),
    (
        "car_across_my_home",
        r"\b(?:his|her|their|zijn|zn|haar|a|een|the|de) (?:car|auto|van|busje) (?:is|staat)"
        r" (?:now |nu )?(?:parked |geparkeerd )?(?:across from|opposite|outside|in front of"
        r"|tegenover|voor) (?:my|mijn|mn|m'n) (?:house|home|flat|door|huis|deur|woning)\b",
        Category.FOLLOWED,
    ),
    (
        "barged_in",
        r"\b(?:has|'s) just (?:barged|stormed|burst|forced (?:his|her|their) way) (?:back )?"
        r"(?:in|into|onto)\b|\b(?:is|'s|are|'re) (?:barging|storming|bursting) (?:back )?(?:in"
        r"|into|onto)\b",
        Category.THREAT,
    ),
    (
        "on_the_ledge",
        r"\b(?:is|'s|are|'re) (?:up |out )?on (?:the|a) (?:window ?ledge|ledge|window ?sill"
        r"|railing|parapet)\b|\b(?:zit|staat) (?:nu )?op de (?:vensterbank|richel|dakrand)\b",
        Category.DANGER,
    ),
    (
        "threatening_us_now",
        r"\b(?:dreigt|dreigen) (?:ons|me|mij) (?:nu )?(?:in elkaar te slaan|te slaan|af te maken"
        r"|te vermoorden|te steken)\b"
        r"|\b(?:is|are|'s|'re) (?:now )?threatening to (?:beat|kill|stab|hit) (?:us|me)\b",
        Category.THREAT,
    ),
    (
        "throwing_there_now",
        r"\b(?:staat|staan|zit|zitten|ligt) (?:nu |weer )(?:[\w']+ ){0,5}?te (?:gooien|smijten"
        r"|slopen|vechten|slaan|schoppen|trappen)\b",
        Category.ATTACK,
    ),
    (
        "waiting_with_weapon",
        r"\b(?:zit|staat|wacht|hides|hiding|waiting|sitting|standing|lurking) (?:[\w']+ ){1,8}?"
        r"(?:met|with) (?:een |a |an |zn |zijn |his |her )?<WEAPON>",
        Category.WEAPON,
    ),
)

#: The quick test per rule (`AcutePattern.needs`).
CLOSE_NEEDS: dict[str, str] = {
    "at_my_car": r"car|bike|van|auto|fiets|scooter|bus",
    "between_me_and_door": r"between|tussen",
    "standing_over_me": r"standing over|over|boven",
    "seen_through_glass": r"see|hear|zie|hoor",
    "circling_me": r"rondjes|circling|laten|laat",
    "calling_for_help": r"hulp|help",
    "back_typed_fast": r"he|she|hij|hj|hy|ie|ze|daar|hier|there",
    "footsteps": r"voetstappen|footsteps",
    "pulled_in_locked": r"slot|afgesloten|locked",
    "at_the_desk_shouting": r"staat|met iets|with something",
    "smoke_hurry": r"smoke|rook|fire|brand|flames|vlammen",
    "door_kicked_in": r"door|deur|voordeur|achterdeur",
    "colleague_down": r"down|bleeding|bloedt",
    "trapped_headline": r"trapped|stuck|locked|opgesloten|ingesloten",
    "about_to_jump_words": r"jump|springen",
    "weapon_typed_as_said": r"heb|hep|heef|hebt",
    "riding_beside_me": r"rijdt|rijden|fietst|fietsen|straten|streets|blocks|driving|riding"
    r"|crawling|cruising",
    "in_front_of_exit": r"standing|staat",
    "rampage_still_going": r"still|nog steeds|gaat",
    "holding_it_now": r"holding|waving|swinging|pointing|houdt|zwaait",
    "car_across_my_home": r"car|auto|van|busje",
    "barged_in": r"barg|storm|burst|forced",
    "on_the_ledge": r"ledge|sill|railing|parapet|vensterbank|richel|dakrand",
    "threatening_us_now": r"dreigt|dreigen|threatening",
    "throwing_there_now": r"gooien|smijten|slopen|vechten|slaan|schoppen|trappen",
    "waiting_with_weapon": r"<WEAPON>",
}
