"""Acute-danger rules for danger told by what the aggressor does to hold or reach people,
which a twelfth blind development round showed missing: a door locked and the key kept, a
colleague dragged along the corridor or pinned to the floor, a man standing in the melder's
own front garden, a threat shouted now, a push or punch that happened a moment ago, and the
aggressor here again, shouting.

Same format and the same tense guards as `nlu.acute_patterns_now`; tried after
`nlu.acute_patterns_others`.
"""

from __future__ import annotations

from nlu.acute_words import Category

# The key taken or kept from the melder, in the present or a moment ago: "put the key in his
# pocket", "took my keys", "geeft de sleutel niet", "stak de sleutel in zijn zak".
_KEY = (
    r"(?:(?:put|puts|putting|kept|keeps|keeping|took|takes|taking|pocketed|pockets|grabbed"
    r"|snatched|hid|hides|won't give|will not give|refuses to give|won't hand)\b[^.!?\n]{0,25}?"
    r"\bkeys?\b"
    r"|(?:stak|steekt|houdt|pakte|pakt|nam|neemt|geeft|verstopt|verstopte)\b[^.!?\n]{0,25}?"
    r"\b(?:sleutel|sleutels|sleutelbos)\b)"
)
# A door locked or blocked: "locked the front door", "blocking door", "op slot gedaan".
_DOOR = (
    r"(?:(?:locked|locks|locking|bolted|bolts|blocking|blocks|blocked) (?:the |my |our |his |her"
    r" |de )?(?:[\w']+ )?(?:door|doors|exit|way out)|op slot|afgesloten|blokkeert (?:de |het )?"
    r"(?:[\w']+ )?(?:deur|uitgang))"
)
# Someone whose body can be held, dragged or pinned (the macro's victims, plus chat forms).
_VICTIM_SHORT = (
    r"(?:<VICTIM>|mn collega|m'n collega|d'r|m|the nurse|the carer|de verpleegkundige"
    r"|de begeleider|de zuster)"
)

HOLD_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # A door locked and the key kept, in one sentence (either order): "he just locked the front
    # door and put the key in his pocket", "he took my keys, blocking door", "heeft de deur op
    # slot gedaan met mij erin en geeft de sleutel niet". (A key alone may be a lost key.)
    (
        "key_kept",
        rf"\b{_DOOR}\b[^.!?\n]{{0,60}}?\b{_KEY}|\b{_KEY}[^.!?\n]{{0,40}}?\b{_DOOR}\b",
        Category.TRAPPED,
    ),
    # Dragged along now: "sleurt haar over de gang", "trekt haar aan haar haren", "he's
    # dragging the nurse down the corridor".
    (
        "dragging_someone",
        rf"\b(?:sleurt|sleept|trekt) {_VICTIM_SHORT} (?:[\w']+ ){{0,2}}?(?:over|door|langs|aan"
        r"|naar|mee) (?:de|het|haar|zijn|d'r|z'n|een) (?:gang|vloer|grond|haren|haar|kamer|trap"
        r"|straat|gangen|parkeerplaats)\b"
        rf"|\b(?:is|'s|are|'re) (?:now |still )?(?:dragging|pulling) {_VICTIM_SHORT}"
        r" (?:[\w']+ ){0,2}?(?:across|along|down|through|by|over|out of|into) (?:the|her|his|a)"
        r" (?:hall|hallway|corridor|floor|ground|hair|room|stairs|street|car park)\b",
        Category.ATTACK,
    ),
    # Held down now: "nu heeft ie mn collega op de grond", "he's got her pinned to the floor",
    # "is kneeling on my colleague", "I can't get him off her".
    (
        "pinned_down",
        rf"\b(?:heeft|houdt|hebben|houden|drukt|duwt) (?:ie |hij |ze |zij )?{_VICTIM_SHORT}"
        r" (?:nu |weer |gewoon |nog steeds )*(?:op|tegen) (?:de|het) (?:grond|vloer|muur)\b"
        rf"(?! ?(?:gegooid|geduwd|gedrukt|gegooit|gesmeten|gelegd))"
        rf"|\b(?:has|'s got|has got|is holding|'s holding|is pinning|'s pinning|holds|pins)"
        rf" {_VICTIM_SHORT} (?:down )?(?:pinned )?(?:on|to|against|onto) (?:the) (?:floor|ground"
        r"|wall)\b"
        rf"|\b(?:is|'s) (?:sitting|kneeling|lying) on (?:top of )?{_VICTIM_SHORT}\b"
        r"|\b(?:zit|ligt) (?:boven ?op|bovenop|op) (?:mn|mijn|m'n) collega\b"
        r"|\b(?:can't|cannot|can not) (?:get|pull|drag) (?:him|her|them) off (?:her|him|me|them"
        r"|my colleague)\b",
        Category.ATTACK,
    ),
    # A man in the melder's own front garden or on the driveway now: "he is actually standing
    # in my front garden right now", "hij staat echt in mn voortuin nu". (Only "my": "our
    # garden" of a care home is where residents sit.)
    (
        "at_my_home",
        r"\b<PERSON>(?: is| are|'s|'re)? (?:now |actually |really |just |still |right |standing"
        r" |waiting |lurking |hanging around |sitting )*(?:in|on|at) my (?:front |back )?(?:garden"
        r"|yard|driveway|drive|porch|doorstep)\b"
        r"(?! (?:chair|chairs|furniture|hose|table|party|centre|center|tools|gloves|sale))"
        r"|\b<PERSON> (?:staat|zit|loopt|wacht|is) (?:nu |echt |gewoon |weer |al |hier |nog )*"
        r"(?:in|op|bij) (?:mijn|mn|m'n) (?:voortuin|achtertuin|tuin|tuintje|oprit|stoep|erf"
        r"|portiek|balkon)\b",
        Category.THREAT,
    ),
    # A threat shouted now: "roept dat ie de dokter gaat pakken", "is shouting that he's going
    # to kill her".
    (
        "threat_shouted",
        r"\b(?:roept|schreeuwt|brult|gilt|krijst) (?:nu |steeds |de hele tijd )?(?:dat )?"
        r"(?:ie|hij|ze|zij) (?:[\w']+ ){0,3}?(?:gaat|zal|komt) (?:[\w']+ ){0,3}?(?:pakken"
        r"|vermoorden|afmaken|slaan|steken|neersteken|doodmaken|kapotmaken|te grazen nemen)\b"
        r"|\b(?:is |'s |are |'re )?(?:shouting|yelling|screaming|roaring|shouts|yells|screams)"
        r" (?:that )?(?:he|she|they)(?:'s|'re| is| are)? (?:going to|gonna|'ll|will) (?:get|kill"
        r"|hurt|stab|beat|hit|smash|do|murder)\b",
        Category.THREAT,
    ),
    # A push or punch a moment ago, at someone, against something: "he just shoved my
    # colleague against the wall", "punched the nurse to the floor just now". (Not "just" as
    # "merely" after a past marker: the tense guards read the clause.)
    (
        "just_hurt_someone",
        r"\bjust (?:shoved|pushed|punched|hit|kicked|slapped|threw|slammed|smashed|headbutted)"
        rf" {_VICTIM_SHORT} (?:[\w']+ ){{0,2}}?(?:against|into|onto|to|on) (?:the|a) (?:wall"
        r"|floor|ground|door|table)\b",
        Category.ATTACK,
    ),
    # The aggressor here again now, raging: "the son is here again right now shouting in the
    # corridor", "is back now and screaming".
    (
        "here_again_raging",
        r"\b(?:is|'s|are|'re) (?:here|back) (?:again )?(?:right )?now,? (?:and )?(?:is |'s )?"
        r"(?:shouting|screaming|yelling|swearing|kicking|banging|threatening|raging|smashing"
        r"|throwing)\b"
        r"|\b(?:is|zijn) (?:nu |net |weer )*(?:hier|terug) (?:[\w']+ )?(?:en )?(?:staat |loopt )?"
        r"(?:te )?(?:schreeuwen|schreeuwt|tieren|tiert|schopt|schoppen|slaat|gooit|dreigt)\b",
        Category.THREAT,
    ),
    # (thirty-seventh round) Kept in now: "he's keeping me in the kitchen, took my phone".
    (
        "kept_in_now",
        r"\b(?:he's|he is|hes|she's|she is|shes|they're|they are) (?:now |still )?keeping (?:me|us"
        r"|my colleague|her|him) (?:in|inside|here|locked|hostage|prisoner)\b"
        r"|\b(?:houdt|houden) (?:me|mij|ons|mijn collega|mn collega) (?:hier |nu )*(?:binnen"
        r"|gevangen|opgesloten)\b",
        Category.TRAPPED,
    ),
    # Held by the clothes or the throat: "een heeft mijn werkjas vast", "clt houdt de
    # verzorgende bij haar keel tegen de koelkast", "he's got her by the throat".
    (
        "held_by_now",
        r"\b(?:heeft|houdt|hebben|houden) (?:mijn|m'n|mn) \w*(?:jas|arm|tas|haar|haren|pols|shirt"
        r"|trui|kraag|mouw|keycord) vast\b"
        r"|\b(?:houdt|pakt|grijpt|knijpt) (?:[\w']+ ){1,3}?bij (?:haar|zijn|de|mijn|mn|m'n"
        r"|z'n|d'r) (?:keel|nek|strot)\b"
        r"|\b(?:has|'s got|have|'ve got|got) (?:me|her|him|my colleague|us) by the (?:throat|neck"
        r"|hair|collar)\b",
        Category.ATTACK,
    ),
    # Named where he is, now: "he came back. he's in the hallway right now".
    (
        "there_right_now",
        r"\b(?:he's|she's|he is|she is|hes|shes|they're|they are) (?:in|at|outside) the (?:hallway"
        r"|corridor|hall|lobby|stairwell|garden|car park|parking lot|front door|back door)"
        r" (?:right now|now|as we speak)\b",
        Category.THREAT,
    ),
    # (thirty-eighth round) A stalker in the building now, a ward stormed, a colleague held
    # and not freed: "mijn stalker is nu in het gebouw", "hele familie stormt de afd op",
    # "grijpt vpk vast", "krijg hem er niet af".
    (
        "stalker_inside",
        r"\b(?:(?:my|mijn|mn|m'n|the|de) stalker|(?:man|guy|woman|ex[- ]?patient|patient|client)"
        r" who (?:stalks|is stalking) me) (?:is|staat|zit) (?:now |nu |here |hier )*"
        r"(?:in|at|bij|op) (?:the|het|de) (?:building|gebouw|ward|afdeling|afd|entrance|ingang"
        r"|lobby|hal"
        r"|reception|receptie)\b",
        Category.FOLLOWED,
    ),
    (
        "storming_in",
        r"\b(?:stormt|stormen) (?:de |het )?(?:afd\w*|afdeling|gang|praktijk|balie|kamer|gebouw"
        r"|spoed|seh)\w* (?:op|binnen|in)\b"
        r"|\bstorming (?:the |onto the |into the )?(?:ward|unit|department|building|reception"
        r"|surgery)\b",
        Category.ATTACK,
    ),
    (
        "held_not_freed",
        r"\b(?:grijpt|pakt|houdt) (?:de |een |mijn |mn |m'n )?(?:vpk|verpleegkundige|collega"
        r"|verzorgende|begeleider|assistente|arts|dokter|me|mij|ons|haar|hem) vast\b"
        r"|\bkrijg (?:hem|haar|ze|die) er niet (?:af|vanaf)\b"
        r"|\b(?:can't|cannot|cant) get (?:him|her|them) off (?:her|him|me|my colleague|them)\b",
        Category.ATTACK,
    ),
)

#: Quick word tests (see `AcutePattern.needs`).
HOLD_NEEDS: dict[str, str] = {
    "key_kept": r"key|sleutel",
    "dragging_someone": r"sleurt|sleept|trekt|dragging|pulling",
    "pinned_down": r"grond|vloer|muur|floor|ground|wall|on top|bovenop|boven op|collega|off",
    "at_my_home": (
        r"garden|yard|drive|porch|doorstep|tuin|voortuin|achtertuin|oprit|stoep|erf|portiek|balkon"
    ),
    "threat_shouted": r"roept|schreeuwt|brult|gilt|krijst|shout|yell|scream|roar",
    "just_hurt_someone": r"just",
    "here_again_raging": r"here|back|hier|terug",
    "kept_in_now": r"keeping|houdt|houden",
    "held_by_now": r"vast|keel|nek|strot|throat|neck|hair|collar",
    "there_right_now": r"now|as we speak",
    "stalker_inside": r"stalker|stalks|stalking",
    "storming_in": r"stormt|stormen|storming",
    "held_not_freed": r"vast|krijg|get",
}
