"""Acute-danger rules for situations a fifth blind development round showed missing: a bomb
about to go off, someone trying to get in by the door's code or lock, a person found
hanging, shut in with a cord, a sharp object pressed against the melder, someone on the
way with a threat, a known aggressor lurking near the melder now, shots heard, a melder
told they may not leave, and a weapon followed by "now" in broken English.

Same format and the same tense guards as `nlu.acute_patterns_now`; tried after it.
"""

from __future__ import annotations

from nlu.acute_words import Category

# A post, not a person, standing somewhere ("er staat nu een filmpje van mij op tiktok"),
# nor someone who has gone from there.
_NOT_A_POST_NOR_GONE = (
    r"(?!(?: [\w']+){0,3}? (?:een |het |de |a |the )?(?:filmpje|video|foto|photo|post|bericht\w*"
    r"|reactie|comment|tekst|story|reel|pic|picture)\b)"
    # ("hij staat nu niet meer voor de deur")
    r"(?! (?:nu |now |rn )?(?:niet|no longer|not|nooit|never)\b)"
)

_BODY = (
    r"(?:arm|armen|keel|nek|hals|buik|gezicht|borst|rug|zij|wang|been|pols|throat|neck|face"
    r"|chest|back|side|cheek|stomach|belly|leg|wrist|arms)"
)
# Cords someone may hang themself with.
_CORD = (
    r"(?:riem|broekriem|koord|touw|snoer|kabel|sjaal|laken|veter|strop|belt|cord|rope|cable"
    r"|scarf|sheet|lace|laces|noose|ligature)"
)
# What a threat sent with "I'm on my way" says: "you'll regret it", "met of zonder geweld".
_MENACE = (
    r"(?:regret|spijt (?:krijgen|van)|finish what|afmaken|er geweest|pay for (?:this|it|that)"
    r"|betalen voor|kill|killen|vermoord\w*|doodmaken|doodsteken|doodschieten|geweld|violence"
    r"|hurt (?:you|her|him|them)|pijn doen|te grazen|te pakken nemen|wraak|revenge"
    r"|teach (?:you|her|him) a lesson|lesje leren|kapotmaken|kapot maken|in elkaar slaan"
    r"|steek je|stab|shoot|neerschieten|sort (?:me|you|us|her|him) out)"
)

# (name, pattern, category) of each rule; `nlu.acute_patterns` makes them AcutePatterns.
MORE_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # A bomb about to go off, or a package said to: "iemand belde net dat het gaat
    # ontploffen", "caller said it goes off at noon", "said boom ... do we evacuate".
    (
        "bomb_due",
        r"\b(?:gaat|gaan|zal) (?:[\w']+ ){0,3}?(?:ontploffen|exploderen|af ?gaan)\b"
        r"|\b(?:it|that|this|the bomb|the package|the bag|something)(?:'ll| will| is going to"
        r"|'s going to| goes| is gonna|'s gonna) (?:go off|goes off|explode|blow)\b"
        r"|\b(?:goes|go|going) off at\b"
        # "says it goes off in 20 min", "gaat over een kwartier af"
        r"|\b(?:goes|go|going|gaat) (?:off |af )?(?:in|over) (?:\d+|a|an|een|half|ten|twenty"
        r"|tien|twintig) (?:min|mins|minutes|minuten|uur|hour|hours|kwartier)(?: af)?\b"
        r"|\b(?:moeten|moet|gaan|should|do|must|shall) (?:we|wij|ik|i) (?:[\w']+ )?"
        r"(?:evacueren|evacuate|ontruimen)\b",
        Category.BOMB,
    ),
    # Trying to get in: "trying codes on the keypad of our back door", "probeert de code".
    (
        "getting_in",
        r"\b(?:trying|tries|tried|probeert|proberen)\b[^.!?;\n]{0,30}?\b(?:codes?|keypad"
        r"|(?:the|de|our|onze) (?:lock|slot|deurklink|klink|handle|door handle))\b"
        r"|\b(?:rammelt|rammelen|rattling|rattles|trekt|yanking|pulling) (?:[\w']+ ){0,3}?"
        r"(?:aan )?(?:de|het|the|our|onze|my|mijn) (?:deur|deurklink|klink|door|door handle"
        r"|handle|raam|window)\b",
        Category.THREAT,
    ),
    # Found hanging, or shut in with a cord: "meneer hangt, ik heb hem net gevonden",
    # "locked himself in the bathroom with a belt and isn't answering".
    (
        "hanging_now",
        r"^\W*(?:meneer|mevrouw|mijn client|mijn patient|de client|de patient|de bewoner"
        r"|hij|zij|ze|client|patient|bewoner)\s+hangt\b"
        r"|\b(?:found|vond|gevonden) (?:[\w']+ ){0,3}?(?:hanging|hangend)\b"
        r"|\b(?:locked|locks|shut|barricaded) (?:himself|herself|themselves) (?:[\w']+ ){0,5}?"
        r"with (?:a|an|his|her|their|the) " + _CORD + r"\b"
        r"|\b(?:opgesloten|sluit (?:zich|zichzelf) op) (?:[\w']+ ){0,5}?met (?:een|zijn|haar"
        r"|z'n|zn|de) " + _CORD + r"\b",
        Category.DANGER,
    ),
    # A sharp thing pressed against someone: "drukt die tegen mijn arm", "holding the
    # scissors to my throat".
    (
        "sharp_pressed",
        r"\b(?:drukt|duwt|houdt|zet|prikt|presses|pressing|pushes|pushing|holds|holding|jabs"
        r"|jabbing|puts|putting)\b (?:[\w']+ ){0,3}?(?:tegen|op|in|against|to|into) "
        r"(?:mijn|m'n|mn|my|haar|her|zijn|his|de|the) " + _BODY + r"\b",
        Category.WEAPON,
    ),
    # On the way with a threat: "leaving now, you'll regret taking my kids", "onderweg ...
    # met of zonder geweld", "he's on his way to the shelter to finish what he started".
    (
        "on_the_way",
        r"\b(?:on (?:my|his|her|their) way|onderweg|leaving now|vertrek nu|ik kom eraan"
        r"|komt eraan|kom je halen|coming (?:for|to get) (?:you|me|her|him))\b"
        r"[^\n]{0,120}?\b" + _MENACE + r"\b"
        r"|\b" + _MENACE + r"\b[^\n]{0,120}?\b(?:on (?:my|his|her|their) way|onderweg"
        r"|leaving now|ik kom eraan|komt eraan)\b",
        Category.THREAT,
    ),
    # Someone by the melder's car, bike or door now: "die man van vanochtend staat NU bij
    # mijn fiets", "sitting in his car next to mine rn".
    (
        "lurking_now",
        # (not a post: "op tiktok staat nu een filmpje van mij bij de voordeur")
        r"\b(?:staat|staan|zit|zitten|wacht|wachten|standing|sitting|waiting|parked|is)"
        + _NOT_A_POST_NOR_GONE
        + r" (?:[\w']+ ){0,4}?(?:nu|now|rn|right now)\b[^.!?;\n]{0,30}?\b(?:bij|naast|voor|achter"
        r"|tegenover|at|by|next to|outside|behind|across from) (?:[\w']+ ){0,3}?(?:auto|fiets"
        r"|huis|deur|voordeur|ingang|car|bike|house|door|entrance|mine|gate|poort|hek|raam"
        r"|window)\b"
        r"|\b(?:staat|staan|zit|zitten|wacht|wachten|standing|sitting|waiting|parked|is)"
        + _NOT_A_POST_NOR_GONE
        + r" (?:[\w']+ ){0,4}?(?:bij|naast|voor|achter|tegenover|at|by|next to|outside|behind"
        r"|across from) (?:[\w']+ ){0,3}?(?:auto|fiets|huis|deur|voordeur|ingang|car|bike"
        r"|house|door|entrance|mine|gate|poort|hek|raam|window)\b(?: [\w']+){0,4}? (?:nu|now|rn"
        r"|right now)\b",
        Category.THREAT,
    ),
    # A known aggressor watching: "zit in een auto tegenover de ingang en kijkt steeds naar
    # binnen, dezelfde die me gisteren bedreigde", "staring in, same guy as yesterday".
    (
        "lurking_known",
        r"\b(?:zit|staat|wacht|sitting|standing|waiting|parked|someone|iemand)\b[^.!?;\n]{0,60}?"
        r"\b(?:kijkt (?:steeds |de hele tijd |constant )?naar binnen|(?:steeds |constant )?naar"
        r" binnen (?:kijkt|staart|loert|gluurt)|staart|loert|gluurt"
        r"|staring|watching (?:me|us|the door|the building)|looking in|peering in)\b",
        Category.THREAT,
    ),
    # A baby or child shaken or hurt in front of the melder: "de moeder schudt de baby heel
    # hard door elkaar", "he's shaking the baby".
    (
        "child_hurt_now",
        r"\b(?:schudt|schudden|slaat|slaan|knijpt|gooit) (?:[\w']+ ){0,2}?(?:baby|kind|kindje"
        r"|zoontje|dochtertje|peuter)\b(?: [\w']+){0,4}? (?:door elkaar|heen en weer)?"
        r"|\b(?:is |'s )?(?:shaking|hitting|throwing|squeezing) (?:the|her|his|their|a) (?:baby"
        r"|child|kid|toddler|infant)\b",
        Category.ATTACK,
    ),
    # A colleague shut in with someone, or screaming; a hand kept hidden in a bag while
    # staring: "shut himself in the room with my colleague and she's screaming".
    (
        "colleague_held",
        r"\b(?:shut|locked) (?:himself|herself|themselves) (?:[\w']+ ){0,3}?with (?:my|a|our)"
        r" (?:colleague|coworker|co-worker)\b"
        r"|\b(?:sluit|sloot|heeft) (?:zich|zichzelf) (?:[\w']+ ){0,4}?met (?:mijn|m'n|mn|een|onze)"
        r" collega (?:[\w']+ )?op(?:gesloten)?\b"
        r"|\b(?:my colleague|mijn collega|she|ze|zij)(?:'s| is)? (?:screaming|gilt|krijst"
        r"|schreeuwt om hulp|calling for help)\b"
        r"|\b(?:with|met) (?:his|her|zijn|haar|zn|z'n) hand (?:in|onder|achter) (?:his|her|a|the"
        r"|zijn|haar|zn|z'n|een|de) (?:jas|zak|tas|broekzak|jacket|coat|pocket|bag)\b",
        Category.THREAT,
    ),
    # Shots heard now: "gunshots in the street outside", "ik hoor schoten".
    (
        "shots_now",
        r"\b(?:gunshots?|gun shots?|shots (?:fired|outside|in the street)|ik hoor schoten"
        r"|hoor (?:net )?schoten|er wordt geschoten|er wordt geschoten|someone(?:'s| is)"
        r" shooting|(?<!bij die )(?<!over die )schietpartij)\b",
        Category.WEAPON,
    ),
    # Told they may not leave: "zegt dat ik niet wegga", "says I'm not leaving till ...".
    (
        "not_leaving",
        r"\b(?:zegt|zeggen|says|saying|tells me|told me) (?:dat )?(?:ik|we|wij|i|i'm|we're)"
        r" (?:[\w']+ )?(?:niet (?:weg ?ga|weg ?gaan|weg mag|mag gaan|naar buiten mag)"
        r"|not (?:leaving|going anywhere|allowed to leave)|can'?t leave|won'?t leave)\b",
        Category.TRAPPED,
    ),
    # Someone just arrived, or seen outside now: "wait he just walked into the office", "he
    # just rang the doorbell of my own house and I can see him on the camera".
    (
        "arrived_now",
        r"\b(?:he|she|they|hij|zij|ze)(?:'s| is| has| have)? just (?:walked|came|burst|stormed"
        r"|barged|rang|knocked) (?:in|into|the|at|on)\b"
        r"|\b(?:i can|i could|ik zie|ik kan) (?:see )?(?:him|her|them|hem|haar|ze) (?:zien )?"
        r"(?:on the camera|outside|through the|op de camera|buiten|door het raam)\b",
        Category.THREAT,
    ),
    # Followed by car now: "his car is right behind mine at the traffic light".
    (
        "followed_by_car",
        r"\b(?:his|her|their|a|the|zijn|haar|een|die) (?:[\w']+ )?(?:car|auto|van|busje) is"
        r" (?:right |still |nog (?:steeds )?)?(?:behind|achter) (?:me|mine|my car|mij|mijn auto)\b"
        r"|\brijdt (?:nog )?(?:steeds )?achter (?:me|mij) aan\b",
        Category.THREAT,
    ),
    # A threat to come now: "I'm coming to the practice now and I'll finish what I started".
    (
        "coming_now",
        r"\b(?:i'?m|im|i am) coming (?:to|for) (?:the|your|you|ur) ?(?:practice|clinic|ward|post"
        r"|house|home|work|office)? (?:now|right now)\b"
        r"|\bik kom (?:nu|nu meteen|er nu) (?:naar|langs)\b",
        Category.THREAT,
    ),
    # Going at the melder now: "is screaming in my face", "is climbing over the balcony to
    # get to me", "keeps ramming his car into the gate", "now she's turning on me".
    (
        "at_me_now",
        r"\b(?:is|'s|are|'re) (?:screaming|yelling|shouting) in my face\b"
        r"|(?<!kids )(?<!children )\b(?:is|'s|are|'re|keeps|kept on) (?:climbing|ramming)"
        r"(?: [\w']+){0,3}?"
        r" (?:over|into|onto|up|through)\b"
        r"|\bnow (?:she|he|they)(?:'s| is|'re| are) turning on me\b"
        r"|\b(?:schreeuwt|gilt|brult) (?:nu )?(?:vlak )?in mijn gezicht\b"
        r"|\b(?:klimt|klimmen) (?:nu )?(?:over|op) (?:het|de) (?:balkon|hek|schutting)\b",
        Category.ATTACK,
    ),
    # Dutch, from the same round: "agressie op afdeling 3b nu", "hij staat nog steeds buiten
    # met die stok te wachten", "moet stoppen hij ziet me", "hij heeft mn collega tegen de
    # muur", "de gordijnen vatten vlam".
    (
        "aggression_now_nl",
        r"\b(?:agressie|vechtpartij|geweld|knokpartij)\b(?: (?!meld|report)[\w']+){0,4}? nu\b"
        r"(?! (?:melden|meld|pas|wil))",
        Category.ATTACK,
    ),
    (
        "still_waiting_outside",
        r"\b(?:hij|zij|ze|die \w+|de man|de vrouw|de dader|meneer|mevrouw) (?:staat|zit|wacht"
        r"|loopt) (?:hier )?nog (?:steeds )?(?:buiten|voor de deur"
        r"|bij (?:mijn|de) (?:auto|deur|ingang|voordeur))\b",
        Category.THREAT,
    ),
    (
        "seen_while_hiding",
        r"\b(?:moet|ga) (?:nu )?(?:stoppen|ophouden)\W+(?:hij|ze|zij) (?:ziet|hoort|komt)\b",
        Category.THREAT,
    ),
    (
        "pinned_now",
        r"\b(?:(?:heeft|houdt) (?:hij |ze |zij |ie )?|drukt )(?:mn|mijn|m'n|een|de|onze)"
        r" (?:collega|client|bewoner|bewoonster|patient)\w* (?:[\w']+ )?tegen de (?:muur|grond"
        r"|vloer|deur|kast)\b",
        Category.ATTACK,
    ),
    (
        "catching_fire_nl",
        r"\b(?:vatten|vat) (?:nu )?vlam\b|\bgooit (?:[\w']+ )?vuurwerk (?:naar )?binnen\b",
        Category.FIRE,
    ),
    # A weapon with "now" after it in broken English: "patient take knife and go to the
    # other woman room now".
    (
        "weapon_then_now",
        r"\b(?:take|takes|took|have|has|with|pak|pakt|met) (?:a |an |the |een |de |het )?"
        r"<WEAPON>\b[^,.!?;\n]{0,50}?(?<!only )(?<!just )\b(?:now|nu)\b(?! pas)"
        # (not an old aggressor back on the melder's list: "nu staat ie weer op mn lijst")
        r"(?! (?:[\w']+ ){0,3}?(?:op (?:mn|mijn|m'n|onze|de) (?:lijst|planning|rooster)|(?:a )?"
        r"(?:patient|client|resident) again))",
        Category.WEAPON,
    ),
)

#: The quick test per rule (`AcutePattern.needs`): words one of which a text must hold.
MORE_NEEDS: dict[str, str] = {
    "bomb_due": r"bom|bomb|pakket|package|parcel|tas|bag|rucksack|backpack|rugzak|koffer"
    r"|suitcase|device|apparaat|explosie|explosive|belde|beller|caller|called|rang|evacu|ontruim",
    "getting_in": r"trying|tries|tried|probeert|proberen|rammel|rattl|trekt|yank|pulling",
    "hanging_now": r"hangt|hanging|hangend|locked|locks|shut|barricaded|opgesloten|sluit",
    "sharp_pressed": r"naald|spuit|injectie|mes|schaar|scherf|glas|scheermes|needle"
    r"|syringe|knife|blade|scissors|shard|glass|razor|stanley|schroevendraaier|screwdriver"
    r"|scalpel",
    "on_the_way": r"on my way|on his way|on her way|on their way|onderweg|leaving now|vertrek nu"
    r"|kom eraan|komt eraan|kom je halen|coming for|coming to get",
    "lurking_now": r"nu|now|rn|right now",
    "lurking_known": r"bedreig|dreigde|threaten|same guy|same man|same person|same one"
    r"|same bloke|dezelfde|zelfde|the guy from|the man from|die man van|die vent van"
    r"|die gast van|that guy from",
    "child_hurt_now": r"baby|kind|zoontje|dochtertje|peuter|child|kid|toddler|infant",
    "colleague_held": r"shut|locked|sluit|sloot|heeft|screaming|gilt|krijst|schreeuwt"
    r"|calling for help|with|met",
    "shots_now": r"gunshot|gun shot|shots|schoten|geschoten|shooting|schietpartij",
    "not_leaving": r"zegt|zeggen|says|saying|tells|told",
    "weapon_then_now": r"now|nu",
    "arrived_now": r"just|zie|kan|can|could",
    "followed_by_car": r"car|auto|van|busje|rijdt",
    "coming_now": r"coming|kom",
    "at_me_now": r"screaming|yelling|shouting|climbing|ramming|turning|schreeuwt|gilt|brult"
    r"|klimt|klimmen",
    "aggression_now_nl": r"nu",
    "still_waiting_outside": r"nog",
    "seen_while_hiding": r"ziet|hoort|komt",
    "pinned_now": r"tegen de",
    "catching_fire_nl": r"vlam|vuurwerk",
}

# It is still going on: "still happening", "is nog bezig", "kicking punching ongoing". Tried
# last of all the rules, so the engine can tell when it alone fired: only at "when?" of an
# online threat, which offers "still going on" as an answer, does it let it go (letting it
# go at all that report's questions missed blind danger, 27 -> 31 of 873 en).
ONGOING = (
    "still_going_on",
    r"\b(?:still (?:happening|going on|going at it|at it|in progress)"
    r"|(?<!nothing )(?<!not )(?:is|are|'s|'re) (?:still )?(?:happening|going on) (?:right )?now"
    r"|(?<!nothing's )ongoing(?= *(?:[,.!?]|$))"
    # (not the melder's own "ik ben nog bezig met typen")
    r"|(?<!ik ben )(?<!ben ik )(?<!we zijn )(?<!wij zijn )(?<!zijn we )nog (?:steeds |altijd )?"
    r"(?:bezig|aan de gang|gaande|aan het gebeuren)(?! (?:met|mee)\b)"
    r"|gaat (?:nog steeds|nog altijd|nog|steeds|maar) door(?= *(?:[,.!?]|$))"
    r"|is (?:nu )?(?:aan de gang|gaande))\b",
    None,
    # (a quick test first: most messages have none of these words)
    r"still|happening|going on|ongoing|nog|door|gang|gaande",
)
