"""Acute-danger rules for danger told by what is about to reach the melder, which the
thirteenth and fourteenth blind development rounds showed missing: someone heard at the
door or coming up the stairs, coming back, smoke coming under a door, shut in a room with
the aggressor, no way past him, a weapon being fetched, someone right outside the room,
stuck somewhere while he rages, coming after the melder, a door kicked in, staff attacked.

Same format and the same tense guards as `nlu.acute_patterns_now`; tried after
`nlu.acute_patterns_hold`.
"""

from __future__ import annotations

from nlu.acute_words import Category

# Whoever the danger is: the aggressor named by a pronoun, in chat forms too.
_HE = r"(?:hij|ie|ze|zij|iemand|he|she|they|someone|somebody)"
# Rooms and spaces of a ward, a home or an office a melder may be shut in.
_ROOM = (
    r"(?:room|dayroom|day room|office|toilet|bathroom|loo|kitchen|bedroom|lift|elevator"
    r"|cellar|basement|shed|linen room|staffroom|staff room|cupboard|closet|storeroom|ward"
    r"|kamer|huiskamer|dagruimte|kantoor|wc|toilet|badkamer|keuken|slaapkamer|lift|kelder"
    r"|schuur|linnenkamer|personeelskamer|teampost|kast|berging|afdeling|woonkamer)"
)

NEAR_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # Heard at the door or the lock now: "ik hoor hem aan de deur morrelen", "I can hear him
    # fiddling with the lock".
    (
        "heard_at_door",
        r"\b(?:ik|we) (?:hoor|horen) (?:hem|haar|iemand|ze|die man) (?:nu |weer |nog |steeds )*"
        r"(?:aan|bij|op) (?:de|mijn|mn|m'n|onze|het) \w*(?:deur|slot|raam|klink)\b"
        r"|\b(?:ik|we) (?:hoor|horen) (?:hem|haar|iemand|ze) (?:[\w']+ ){0,4}?(?:morrelen"
        r"|rommelen|prutsen|rammelen|wrikken)\b"
        r"|\b(?:i|we) (?:can )?hear (?:him|her|someone|somebody|them) (?:[\w']+ ){0,2}?"
        r"(?:fiddling|messing|rattling|trying|at the (?:door|lock|window|handle))\b",
        Category.THREAT,
    ),
    # Coming up the stairs or back now, heard or seen: "ik denk dat hij weer de trap op komt",
    # "denk dat ie terugkomt ik hoor de auto weer", "he's coming back up the stairs".
    (
        "coming_near",
        rf"\b{_HE} (?:komt|komen|loopt|lopen) (?:nu |weer |net |alweer )*de trap (?:op|af)\b"
        rf"|\b{_HE} (?:nu |weer |net |alweer )*de trap (?:op|af) (?:komt|komen|loopt|lopen|rent)\b"
        r"|\b(?:komt|loopt|rent) (?:ie|hij|ze|zij) (?:nu |weer |net |alweer )*de trap (?:op|af)\b"
        rf"|\b{_HE}(?:'s|'re| is| are) (?:now |coming |walking |running )+(?:back )?(?:up|down)"
        r" (?:the )?stairs\b"
        rf"|\b{_HE} (?:komt|komen) (?:nu |weer |alweer )*terug\b[^.!?\n]{{0,30}}?\b(?:ik|we)"
        r" (?:hoor|horen|zie|zien)\b"
        rf"|\b{_HE} terugkomt\b[^.!?\n]{{0,30}}?\b(?:ik|we) (?:hoor|horen|zie|zien)\b"
        rf"|\b{_HE}(?:'s|'re| is| are) (?:coming|driving|walking) back\b[^.!?\n]{{0,30}}?\b"
        r"(?:i|we) (?:can )?(?:hear|see)\b",
        Category.THREAT,
    ),
    # Smoke coming in now: "er komt rook onder de deur vandaan", "smoke is coming under the
    # door".
    (
        "smoke_coming",
        r"\bkomt (?:er )?(?:nu )?(?:rook|vuur) (?:[\w']+ ){0,6}?(?:vandaan|uit|onder|door"
        r"|naar binnen)\b"
        r"|\bsmoke (?:is )?(?:coming|pouring|seeping) (?:in )?(?:under|through|out of|into"
        r"|from under)\b",
        Category.FIRE,
    ),
    # Shut in with the aggressor: "me and 2 patients are locked in the dayroom with him",
    # "we zitten opgesloten in de huiskamer met hem".
    (
        "shut_in_with_him",
        r"\b(?:locked|trapped|stuck|shut) in (?:the |a |his |her |this |de |het )?(?:[\w']+ )?"
        + _ROOM
        + r" with (?:him|her|them)\b"
        r"|\b(?:opgesloten|vast|ingesloten) in (?:de |het |een |zijn |haar )?(?:[\w']+ )?"
        + _ROOM
        + r" (?:met|samen met) (?:hem|haar|die man)\b",
        Category.TRAPPED,
    ),
    # No way past him now: "standing in the doorway with a fork, i cant get past", "ik kan er
    # niet langs".
    (
        "no_way_past",
        r"\b(?:i|we) (?:can't|cannot|can not) get (?:past|by|round|around|out past)"
        r"(?: (?:him|her|them))?(?=\s*(?:[,.!]|$|and|help|pls|please))"
        r"|\b(?:ik|we) (?:kan|kunnen) (?:er )?niet (?:langs|voorbij|omheen)(?: (?:hem|haar))?"
        r"(?=\s*(?:[,.!]|$|en\b|help|aub|pls))",
        Category.TRAPPED,
    ),
    # A weapon being fetched now: "went to get something from the shed, i think its the axe",
    # "hij is een mes gaan halen", "gaat zijn hamer halen".
    (
        "fetching_weapon",
        r"\b(?:went|has gone|'s gone|is going|'s going|gone) (?:off )?(?:to )?(?:get|fetch"
        r"|grab) [^.!?\n]{0,50}?\b(?:<WEAPON>)\b"
        r"|\b(?:is|gaat|ging) (?:nu |net )?(?:een |zijn |haar |het |de |z'n |zn )?<WEAPON>"
        r" (?:gaan )?(?:halen|pakken)\b",
        Category.WEAPON,
    ),
    # Right outside the room the melder is in: "hes right outside the room", "hij staat
    # vlak voor de deur van de wc".
    (
        "right_outside",
        r"\b(?:he's|she's|they're|he is|she is|they are) (?:now |still )?(?:right|just) outside"
        r" (?:the|my|our|this) (?:[\w']+ )?(?:room|door|office|toilet|bathroom|kitchen|window)\b"
        r"|\b(?:hij|ze|zij) (?:staat|zit|wacht) (?:nu |nog )?vlak (?:voor|bij) (?:de|het|mijn|mn)"
        r" (?:deur|raam|kamer|wc)\b",
        Category.THREAT,
    ),
    # Taking cover now: "shots outside, were under the desks", "we liggen allemaal onder de
    # tafels". (Told afterwards, a past time or a "when ..." after it guards it.)
    (
        "taking_cover",
        r"\b(?:we're|we are|were|i'm|i am|zitten|liggen|zit|lig) (?:all |allemaal |nu |now "
        r"|still |nog )*(?:hiding |verstopt |gedoken )?(?:under|onder) (?:the|our|a|de|het|een"
        r"|onze) (?:desks?|tables?|bureaus?|tafels?|balie|counter|beds?|bedden)\b",
        Category.DANGER,
    ),
    # A weapon drawn on someone, with where people are now after it: "patient pulled a knife
    # on my partner in the back, im in the cab", "trok een mes op mn collega, ze zit nog binnen".
    (
        "weapon_drawn_now",
        r"\b(?:pulled|drew|pulls|draws) (?:a|an|his|her|the) <WEAPON> on <VICTIM>\b[^.!?\n]{0,40}?"
        r"\b(?:i'm|i am|we're|we are|he's|she's|he is|she is) (?:now |still )?(?:in|at|inside"
        r"|outside|locked|hiding|stuck|trapped)\b"
        r"|\btrok (?:een|zijn|haar|het) <WEAPON> (?:op|tegen) <VICTIM>\b[^.!?\n]{0,40}?"
        r"\b(?:ik zit|ik sta|we zitten|ze zit|hij zit|hij staat|ze staat) (?:nu |nog )*(?:in|bij"
        r"|binnen|buiten|vast|opgesloten)\b",
        Category.WEAPON,
    ),
    # Coming after the melder now, or kicking a door in: "hes coming down after me", "ze
    # trappen de deur van de praktijk in" (the Dutch verb split around the door).
    (
        "coming_after_me",
        r"\b(?:is|'s|are|'re) (?:now |still )?(?:coming|running|rushing) (?:down |up |back |out )?"
        r"(?:after|for) (?:me|us|my colleague|her|him)\b"
        r"|\b(?:trappen|trapt|schoppen|schopt|beuken|beukt|rammen|ramt) (?:nu )?(?:de|het|mijn|mn"
        r"|onze) \w*(?:deur|raam) (?:[\w']+ ){0,4}?in\b",
        Category.THREAT,
    ),
    # Attacking staff now, the Dutch verb split: "valt personeel aan", "valt mn collega aan".
    (
        "attacking_staff",
        r"\bvalt (?:nu |weer )?(?:hij |ie |ze |zij )?(?:nu |weer )?(?:het )?(?:personeel|<VICTIM>"
        r"|de verpleging|de begeleiding|iedereen|mensen) (?:[\w']+ )?aan\b",
        Category.ATTACK,
    ),
    # The one who threatened online is here now: "hes literally at reception rn and asking
    # for me by name" (a place of work with a word of now after it, or asking for the melder).
    (
        "here_for_me",
        r"\b(?:he's|she's|he is|she is|they're|they are) (?:literally |actually |just |still )*"
        r"(?:at|in) (?:the |our )?(?:reception|front desk|waiting room|lobby|entrance|practice"
        r"|clinic|ward)\b(?=[^.!?\n]{0,20}?\b(?:now|rn|right now|asking for me|looking for me)\b)",
        Category.THREAT,
    ),
    # A crowd at the ambulance now: "crowd around the ambulance rocking it", "groep mensen om
    # de ambu heen, ze slaan op de ramen".
    (
        "crowd_at_the_vehicle",
        r"\b(?:crowd|group|mob|gang|men|lads|groep|menigte|mannen|jongens)\b[^.!?\n]{0,25}?"
        r"\b(?:around|surrounding|om|rond|rondom) (?:the|our|my|de|onze|mijn) (?:ambulance|ambu"
        r"|car|van|bus|auto|wagen)\b[^.!?\n]{0,20}?\b(?:rocking|banging|shaking|hitting|kicking"
        r"|slaan|schoppen|bonken|schudden|trappen|heen)\b",
        Category.THREAT,
    ),
    # Boiling water again: "she threw boiling water at me and shes filling the kettle again".
    (
        "kettle_again",
        r"\b(?:filling|fills|boiling|switching on|switches on|turning on|turns on|zet|vult)"
        r" (?:the|de) (?:kettle|waterkoker) (?:weer |again )?(?:aan|on|again)?",
        Category.ATTACK,
    ),
    # Back and raging: "hes back!!! the guy from yesterday, in the lobby shouting for me".
    (
        "back_raging",
        r"\b(?:he's|she's|they're|hij is|ze is) (?:back|terug)(?=\s*!|\s+(?:now|again|nu|weer)\b)"
        r"(?=[^.?\n]{0,60}?\b(?:shouting|screaming|yelling|banging|lobby|reception|waiting room"
        r"|schreeuwt|schreeuwen|tiert|bonkt|balie|wachtkamer)\b)",
        Category.THREAT,
    ),
    # Stuck somewhere while he rages or threatens now: "stuck in the toilet at the clients
    # flat hes yelling hell burn the place down".
    (
        "stuck_while_raging",
        r"\b(?:stuck|trapped|hiding|locked) in (?:the|a|his|her|their|my) (?:[\w']+ )?"
        + _ROOM
        + r"\b[^.!?\n]{0,40}?\b(?:he's|she's|they're|he is|she is|hes|shes) (?:still )?"
        r"(?:yelling|shouting|screaming|banging|kicking|threatening|smashing|raging|trying)\b",
        Category.TRAPPED,
    ),
    # The door locked on the melder just now: "pts partner just locked the front door and
    # took my work phone", "heeft de voordeur op slot gedaan".
    (
        "door_locked_now",
        r"\bjust locked (?:the|my|our) (?:front |back )?door\b|\b(?:heeft|hebben) (?:de|onze)"
        r" (?:voor|achter)?deur (?:op slot|dicht) (?:gedaan|gedraaid)\b",
        Category.TRAPPED,
    ),
    # Stopped in a lift with him: "im in the lift and the guy ... got in and pressed stop"
    # (the lift is in `needs`: a past time between the two must not govern the stop).
    (
        "stopped_lift",
        r"\b(?:drukt|pressed|presses|hit|hits|pushed|pushes|pressing|pushing) (?:op )?"
        r"(?:de |the )?(?:nood)?stop(?:knop| button)?\b",
        Category.TRAPPED,
    ),
    # The man who threatened the melder is here now: "die man die me vorige week bedreigde
    # stapt net in", "the guy who threatened me last week just walked in" (who he is, in
    # `needs`, may be dated: that must not date his coming).
    (
        "threatener_here",
        r"\b(?:stapt|komt|loopt) net (?:in|binnen)\b|\bjust (?:got|walked|came|stepped) in\b"
        r"|\b(?:staat|zit|wacht) (?:nu |weer |gewoon )*(?:hier|voor|bij|buiten|in de wachtkamer"
        r"|op de parkeerplaats)\b"
        r"|\bis (?:here|outside|at the door|at reception|in the waiting room)\b",
        Category.THREAT,
    ),
    # A letter or parcel with powder in it, just come in: "net kwam er een envelop binnen met
    # wit poeder", "just now a letter came in with white powder in it".
    (
        "powder_letter",
        r"\b(?:white|wit|witte|unknown|onbekend|onbekende|suspicious|verdacht|verdachte)"
        r" (?:powder|poeder|substance|stof)\b",
        Category.BOMB,
    ),
    # Coming for the melder now: "zegt dat ie me komt halen", "dat ie daar nu heen rijdt",
    # "he's driving to my house now" (a "now" in `needs`).
    (
        "coming_to_get_me",
        r"\bdat (?:ie|hij|ze|zij) (?:me|mij|ons) (?:nu )?(?:komt|gaat|komen) (?:halen|pakken"
        r"|grijpen|afmaken)\b"
        r"|\b(?:ie|hij|ze|zij) (?:daar |er |hier )?(?:nu |rn )(?:[\w']+ ){0,2}?(?:heen|naartoe"
        r"|hierheen) (?:rijdt|komt|gaat|fietst|loopt)\b"
        r"|\b(?:he's|he is|she's|she is|they're|they are) (?:now )?(?:driving|heading|going"
        r"|coming) (?:over )?(?:there|here|to (?:my|our) (?:house|home|place|address|kids))\b",
        Category.THREAT,
    ),
)

#: Quick word tests (see `AcutePattern.needs`).
NEAR_NEEDS: dict[str, str] = {
    "heard_at_door": r"hoor|horen|hear",
    "coming_near": r"trap|stairs|terug|back",
    "smoke_coming": r"rook|vuur|smoke",
    "shut_in_with_him": r"locked|trapped|stuck|shut|opgesloten|vast|ingesloten",
    "no_way_past": r"get|langs|voorbij|omheen",
    "fetching_weapon": r"get|fetch|grab|halen|pakken",
    "right_outside": r"outside|vlak",
    "taking_cover": r"under|onder",
    "weapon_drawn_now": r"pulled|drew|pulls|draws|trok",
    "stuck_while_raging": r"stuck|trapped|hiding|locked",
    "coming_after_me": r"after|for|deur|raam",
    "attacking_staff": r"valt",
    "back_raging": r"back|terug",
    "crowd_at_the_vehicle": r"ambulance|ambu|car|van|bus|auto|wagen",
    "kettle_again": r"kokend|boiling|heet water|hot water",
    "here_for_me": r"reception|desk|waiting|lobby|entrance|practice|clinic|ward",
    "stopped_lift": r"\b(?:lift|elevator)\b",
    "door_locked_now": r"locked|\w*deur",
    "coming_to_get_me": r"\b(?:nu|now|rn)\b",
    # (he comes in the same sentence as who he is)
    "threatener_here": r"\bdie (?:me|mij|ons) (?:[\w']+ ){0,3}?(?:bedreig|aanviel|sloeg|stalk)"
    r"\w*[^.!?]{0,30}?\b(?:stapt|komt|loopt|staat|zit) (?:nu |net )?(?:in|binnen|hier|voor|bij)"
    r"|\b(?:who|that) (?:[\w']+ ){0,2}?(?:threaten|attack|stalk|hit|assault)\w* (?:me|us)\b"
    r"[^.!?]{0,30}?\b(?:just (?:got|walked|came|stepped) in|is (?:here|outside|at))",
}
