"""Acute-danger rules for danger to others and danger told by what is done or heard, which
a tenth blind development round showed missing: someone's head banged against a wall, a
pillow pressed on a face, an old lady shaken, a colleague hit who does not wake up, someone
climbing over the fence, searching for the melder, a group running at the melder, fighting
heard behind a door, a colleague who shared her live location with "help" and does not
answer, a colleague pushed into the lift and followed.

Same format and the same tense guards as `nlu.acute_patterns_now`; tried after
`nlu.acute_patterns_scene`.
"""

from __future__ import annotations

from nlu.acute_words import Category

_SOMEONE = (
    r"(?:the |a |an |her |his |my |our |de |het |een |haar |zijn |mijn |onze )?(?:\w+ )?(?:lady"
    r"|man|woman|client|patient|resident|baby|child|kid|colleague|girl|boy|mother|father|mum"
    r"|dad|vrouw|man|client|patient|bewoner|bewoonster|baby|kind|collega|moeder|vader|meisje"
    r"|jongen|her|him|haar|hem)"
)

OTHERS_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # Hurting someone now: "he is banging the head of the other client against the wall",
    # "drukt een kussen op het gezicht van zijn moeder", "is shaking the old lady".
    (
        "hurting_someone",
        r"\b(?:is|'s|are|'re) (?:banging|smashing|slamming|bashing|ramming)\b(?: \S+){0,6}? "
        r"(?:against|into|on) (?:the|a) (?:wall|floor|door|table|radiator)\b"
        r"|\b(?:slaat|bonkt|ramt) (?:\S+ ){0,5}?(?:hoofd|kop) (?:\S+ ){0,3}?tegen (?:de|het|een)"
        r" (?:muur|vloer|deur|tafel)\b"
        r"|\b(?:drukt|houdt|is pressing|is holding|presses) (?:een |a |the |het |de )?(?:kussen"
        r"|pillow) (?:op|over|on|tegen|against) (?:\S+ ){0,2}?(?:gezicht|hoofd|mond|face|head"
        r"|mouth)\b"
        rf"|\b(?:is|'s|are) shaking {_SOMEONE}\b"
        # "nobody can stop him", "niemand krijgt hem rustig"; not what he does ("from
        # smoking") or when ("als hij zijn medicatie niet krijgt")
        r"|\b(?:nobody|no one|no-one) can stop (?:him|her|them)\b(?! from)"
        r"|\bniemand (?:kan|krijgt) (?:hem|haar|ze) (?:stoppen|tegenhouden|rustig|in bedwang)\b"
        r"(?![^.,!?]*\b(?:als|wanneer|if|when)\b)",
        Category.ATTACK,
    ),
    # Someone hit who does not come round: "hit collega on head she not wake up", "ze is
    # bewusteloos", "reageert niet meer".
    (
        "not_waking",
        r"\b(?:she|he|they|collega|colleague|client|patient|ze|zij|hij)\b(?: \S+){0,2}? "
        r"(?:is |'s )?"
        r"(?:not|isn'?t|doesn'?t|does not|won'?t|not) (?:wake|waking|waken|breathing|responding)"
        r"(?: up)?\b(?! (?:up )?(?:to|for|in the morning|easily)\b)"
        r"|\b(?:is|'s|ligt) (?:nu )?(?:unconscious|bewusteloos|buiten bewustzijn)\b"
        # not to messages or medication: "reageert niet meer op mijn appjes"
        r"|\breageert (?:nergens meer op|niet meer\b(?! op\b(?! (?:aanspreken|pijnprikkels))))",
        Category.ATTACK,
    ),
    # An intruder climbing in, someone searching for the melder: "there's a man climbing
    # over the fence of the closed unit", "he is searching for me", "zoekt naar mij".
    (
        "intruder",
        # (children at play are no intruders)
        r"(?<!kids are )(?<!children are )(?<!kinderen )(?<!kids )"
        r"\b(?:climbing|climbs|klimt|klimmen) (?:over|through|in|into|door) (?:the|a|het|de|een)"
        r" (?:fence|gate|wall|window|hek|poort|raam|muur|schutting)\b"
        r"|\b(?:is|'s|are) (?:now )?(?:searching|looking|hunting) for (?:me|us|her|him)\b"
        # (not "zoekt me op": looks me up, visits me)
        r"|\b(?:zoekt|zoeken) (?:nu )?(?:naar (?:mij|me|ons)|(?:mij|me|ons)\b"
        r"(?! (?:steeds |vaak |telkens |altijd |weer )*op\b))"
        r"(?! (?:op |via )?(?:facebook|insta|google|internet|linkedin))",
        Category.THREAT,
    ),
    # People running at the melder: "de broer komt met een groep naar me toe gerend".
    (
        "running_at",
        r"\b(?:komt|komen) (?:\S+ ){0,6}?(?:naar (?:me|mij|ons) toe (?:gerend|rennen|gestormd)"
        r"|op (?:me|mij|ons) af(?:gerend|gestormd|rennen)?)\b"
        r"|\b(?:is|are|'s|'re) (?:running|charging|storming) (?:at|towards|toward) (?:me|us)\b",
        Category.THREAT,
    ),
    # A fight heard: "I hear them fighting", "ik hoor ze vechten".
    (
        "fight_heard",
        r"\bi (?:can )?hear (?:them|him|her|people|someone|somebody) (?:fighting|hitting|struggling"
        r"|beating)\b|\bik hoor (?:ze|hen|hem|haar|mensen|iemand) (?:vechten|slaan|worstelen)\b"
        # a colleague heard screaming: "we horen haar gillen", "I can hear her screaming"
        r"|\b(?:ik|we|wij) (?:kan |kunnen )?(?:hoor|horen) (?:haar|hem|mijn collega|de collega"
        r"|collega) (?:[\w']+ )?(?:gillen|schreeuwen|om hulp roepen|roepen om hulp)\b"
        r"|\b(?:i|we) (?:can )?hear (?:her|him|my colleague|the colleague) (?:screaming|crying"
        r" for help|yelling for help|calling for help|shouting for help)\b",
        Category.ATTACK,
    ),
    # A colleague's cry by phone: "deelde net haar live locatie met 'help' erbij en ze neemt
    # niet op", "she texted help and isn't answering".
    (
        "colleague_cry",
        r"\b(?:live ?locatie|live ?location|locatie gedeeld|shared (?:her|his) location)\b"
        r"[^.!?]{0,40}\bhelp\b(?! ?desk)"
        r"|\bhelp\b[^.!?]{0,60}\b(?:neemt (?:ze |hij )?niet (?:meer )?op|(?:is )?not answering"
        r"|isn'?t answering|doesn'?t answer|won'?t answer)\b",
        Category.DANGER,
    ),
    # A colleague out of reach where the danger is: "collega dana neemt niet op, ze is bij
    # die man die haar vorige week bedreigde, auto staat er nog", "isn't answering, she's at
    # the house of the guy who threatened her"; or her cry and nothing else: "just sent
    # 'help' and nothing else" (danger round 25).
    (
        "colleague_unreachable",
        r"\b(?:colleague|collega|she|he|ze|zij|hij)\b[^.!?]{0,40}?\b(?:(?:isn'?t|is not|not"
        r"|hasn'?t been|has not been) (?:answering|picking up|responding|reachable)|neemt (?:haar"
        r" |zijn )?(?:telefoon )?niet (?:meer )?op|reageert (?:niet|nergens)|(?:is )?niet"
        r" bereikbaar)\b(?=[^.!?]{0,100}?\b(?:at (?:the |his |her |their |a )?(?:house|home|flat"
        r"|place|address)|is bij (?:die|de|een|het) (?:man|vrouw|cli[eë]nt|client|adres|huis"
        r"|familie)|(?:auto|car) (?:is |staat )?(?:er |still |nog )*(?:there|outside|er|voor)"
        r"|(?:been|al) (?:over |more than |meer dan |ruim )?(?:an|one|1|\d+|een|half) (?:hour"
        r"|hours|uur)|aggress|agressie|violent|threatened|bedreigd))"
        r"|\b(?:colleague|collega)\b[^.!?]{0,40}?\b(?:sent|texted|messaged|stuurde|appte|smste"
        r"|sms'te|stuurt|sends)\b (?:me |mij |ons |us )?(?:net |just |zojuist |only |alleen )*"
        r"['\"‘“]?help\b",
        Category.DANGER,
    ),
    # Someone pushed in and followed just now: "heeft mijn collega net de lift in geduwd en
    # is er zelf achteraan gegaan".
    (
        "went_after",
        r"\b(?:is|zijn) (?:er |haar |hem )?(?:zelf )?(?:achteraan|achter (?:haar|hem|ze) aan)"
        r" (?:gegaan|gerend|gestormd)\b",
        Category.ATTACK,
    ),
    # Found missing by an eleventh blind round (nlu/dev/danger11): signs of danger now.
    # Followed for minutes: "the same van has been behind me for the last twenty minutes".
    (
        "behind_for_minutes",
        r"\b(?:has|have|'s|'ve) been (?:right |driving |walking )?behind (?:me|us) for (?:the"
        r" (?:last|past) )?(?:\S+ ){0,2}?(?:minutes|mins|min)\b",
        Category.FOLLOWED,
    ),
    # Blocking the way out, at it now: "he's standing between me and the door", "he's
    # banging on the windows", "he's kicking it", "pulling at my bag".
    (
        "at_it_now",
        r"\b(?:standing|staat) (?:[\w']+ ){0,2}?(?:between me and|tussen mij en|tussen me en)"
        r" (?:the|de|het) (?:door|deur|exit|uitgang)\b"
        r"|\b(?:he's|hes|he is|she's|she is|they're|they are) (?:now )?(?:banging|hammering"
        r"|pounding|kicking|pulling|tugging) (?:on |at |against )?(?:the |my |our |it\b)"
        r"(?:(?:car |front |back )?(?:windows?|door|bag|car|arm|hair)\b)?",
        Category.ATTACK,
    ),
    # A blade or a fork held to someone's neck: "is holding it to my colleague's neck".
    (
        "held_to_neck",
        r"\b(?:holding|holds|pressing|presses|houdt|drukt) (?:it|a \w+|the \w+|het|een \w+"
        r"|de \w+) (?:to|against|tegen|op) (?:my |her |his |the |mijn |haar |zijn )?(?:\w+'s )?"
        r"(?:colleague's |collega's )?(?:neck|throat|keel|nek)\b",
        Category.WEAPON,
    ),
    # Someone hiding from him now: "the door she's hiding behind", "we zitten verstopt",
    # lights off and keeping still: "heb het licht uitgedaan en hou me stil".
    (
        "hiding_now",
        r"\b(?:she's|she is|he's|he is|they're|they are) hiding (?:behind|in|under|from)\b"
        r"|\b(?:licht|lampen|lights?) (?:uit|uitgedaan|off)\b[^.!?]{0,30}\b(?:hou|houd|houden"
        r"|keeping|staying) (?:me |mij |ons )?(?:stil|quiet|still)\b"
        r"|\bzie (?:zijn|zn|z'n|een|die) zaklamp\b|\bsee (?:his|a|the) (?:torch|flashlight)\b",
        Category.TRAPPED,
    ),
    # Choking or a ligature now: "has gone blue and isn't coughing", "doing back blows",
    # "is tying something around her neck", "iets om haar nek aan het knopen".
    (
        "airway_now",
        r"\b(?:has gone|gone|going|turning|is turning|is going) blue\b|\bback blows\b"
        r"|\b(?:loopt|is) (?:\w+ )?blauw aan(?:gelopen)?\b"
        r"|\bheimlich\b(?! (?:gedaan|toegepast|uitgevoerd|gegeven))"
        r"|\b(?:is|'s) (?:tying|knotting|wrapping) (?:\S+ ){0,3}?(?:around|round) (?:her|his|their"
        r"|my) (?:own )?(?:neck|throat)\b"
        r"|\bom (?:haar|zijn|d'r|z'n) (?:eigen )?(?:nek|keel) (?:aan het )?(?:knopen|binden"
        r"|draaien)\b",
        Category.DANGER,
    ),
    # A bomb threat just in, someone at the lock, smoke everywhere: "bomb threat just came
    # in", "iemand probeert erin", "overal rook".
    (
        "signs_now",
        r"\bbomb threat (?:just )?(?:came in|coming in|received|called in|phoned in)\b"
        r"|\bbommelding (?:net |zojuist )?(?:binnen|binnengekomen|gekregen)\b"
        r"|\b(?:probeert|proberen) (?:erin|binnen te komen|naar binnen|de deur open te (?:maken"
        r"|breken|krijgen))\b|\b(?:is|'s|are|'re) trying to (?:get in|break in|open (?:the|my)"
        r" (?:door|car))\b",
        None,
    ),
    # Just walked in armed: "hij is net de teamkamer binnengelopen met het fruitmesje".
    (
        "walked_in_armed",
        r"\b(?:is|zijn) (?:net|zojuist|nu) (?:\S+ ){0,3}?(?:binnengelopen|binnengekomen"
        r"|binnengestormd|naar binnen gelopen) met (?:een|het|de|zijn|haar|z'n|zn) \w*<WEAPON>\b",
        Category.WEAPON,
    ),
    # Watching the melder's home now: "die man van vanochtend staat in de tuin naar mn raam
    # te staren", "he's standing in my garden staring at the window".
    (
        "watching_home",
        r"\b(?:staat|staan|zit) (?:nu |weer |nog |gewoon )*(?:in (?:de|mijn|mn|m'n|onze) tuin )?"
        r"naar (?:mijn|mn|m'n|ons|het) raam te (?:staren|kijken|loeren)\b"
        r"|\b(?:standing|is|'s) (?:now |still )?in (?:my|our|the) (?:garden|yard|driveway)"
        r" (?:staring|looking|watching)\b"
        # someone at the melder's window or in the garden: "er staat iemand in mn tuin bij het
        # keukenraam", "there's someone at my kitchen window", "someone is tapping on my window"
        r"|\b(?:er )?(?:staat|zit|loopt|is) (?:nu |weer )?(?:iemand|een man|een vent|een kerel)"
        r" (?:in (?:mijn|mn|m'n|onze|de) tuin|bij (?:mijn|mn|m'n|het|ons|onze) \w*raam)\b"
        r"|\b(?:there's|there is|theres) (?:someone|somebody|a man|a guy) (?:at|outside|by"
        r"|in) (?:my|our) (?:[\w']+ )?(?:window|garden|yard)\b"
        r"|\b(?:someone|somebody|iemand)(?: is)? (?:tapping|knocking|tikt|klopt) (?:on|at|op"
        r"|tegen) (?:my|our|mijn|mn|m'n|ons|onze|het) (?:[\w']+ )?(?:window|\w*raam)\b",
        Category.THREAT,
    ),
    # Someone at the handle of the melder's hiding place: "de deurklink gaat steeds op en neer".
    (
        "handle_moving",
        r"\b(?:deur)?klink (?:\S+ ){0,5}?(?:gaat|beweegt|wordt) (?:steeds |telkens |de hele tijd )?"
        r"(?:op en neer|naar beneden|omlaag)\b|\b(?:door ?)?handle (?:\S+ ){0,3}?(?:keeps )?"
        r"(?:moving|going (?:up and )?down|rattling|being tried|turning)\b",
        Category.THREAT,
    ),
    # A gun being loaded, heard: "hoor hem in de kamer hiernaast iets laden".
    (
        "loading_heard",
        r"\b(?:hoor|horen) (?:hem|haar|iemand|ze) (?:\S+ ){0,6}?(?:laden|doorladen|herladen)\b"
        r"|\bhear (?:him|her|someone|them) (?:\S+ ){0,6}?(?:loading|cocking|reloading)\b",
        Category.WEAPON,
    ),
    # A weapon pointed at the melder, in a clause's own word order: "als een pt een schaar
    # naar me wijst? hij doet het nog steeds".
    (
        "weapon_pointed",
        r"\b<WEAPON> (?:naar|op) (?:me|mij|ons) (?:wijst|wijzen|richt|richten|houdt|zwaait)\b",
        Category.WEAPON,
    ),
    ("smoke_everywhere", r"\boveral rook\b|\brook overal\b|\bsmoke everywhere\b", Category.FIRE),
)

#: Quick word tests (see `AcutePattern.needs`).
OTHERS_NEEDS: dict[str, str] = {
    "hurting_someone": r"bang|smash|slam|bash|ramm|slaat|bonkt|ramt|drukt|houdt|press|hold"
    r"|shaking|stop|niemand",
    "not_waking": r"wak|breath|respond|unconscious|bewust|reageert",
    "intruder": r"climb|klim|search|looking|hunting|zoek",
    "running_at": r"komt|komen|running|charging|storming",
    "fight_heard": r"hear|hoor|horen",
    "colleague_cry": r"help",
    "colleague_unreachable": r"colleague|collega",
    "went_after": r"achter",
    "behind_for_minutes": r"behind",
    "at_it_now": r"between|tussen|banging|hammering|pounding|kicking|pulling|tugging",
    "held_to_neck": r"neck|throat|keel|nek",
    "hiding_now": r"hiding|licht|lamp|light|zaklamp|torch|flashlight",
    "airway_now": r"blue|blows|blauw|heimlich|neck|throat|nek|keel",
    "signs_now": r"bomb|probe|trying",
    "smoke_everywhere": r"rook|smoke",
    "walked_in_armed": r"binnen",
    "watching_home": r"tuin|\w*raam|garden|yard|driveway|window",
    "handle_moving": r"klink|deurklink|handle|doorhandle",
    "loading_heard": r"hoor|horen|hear",
    "weapon_pointed": r"wijst|wijzen|richt|houdt|zwaait",
}
