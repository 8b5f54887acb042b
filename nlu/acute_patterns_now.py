"""Acute-danger rules for situations the other lists leave out: a weapon named as the whole
message ("mes", "pistool balie"), self-harm under way (pills just swallowed, drinking a
cleaning product, a cord around the neck, hanging from a balcony, on a ledge), a car used
against the crew (the wheel grabbed, boxed in), a group or an animal coming at someone,
a robbery, a window or door being smashed or kicked in, someone right beside a melder who
cannot talk, and a person held or told to stay.

Same format and the same tense guards as `nlu.acute_patterns_force`; tried after it.
"""

from __future__ import annotations

from nlu.acute_words import Category

# Cleaning products and other poisons someone may drink.
_POISON = (
    r"(?:ontsmettingsmiddel|desinfectiemiddel|bleek|bleekwater|chloor|wasbenzine|spiritus"
    r"|terpentine|antivries|schoonmaakmiddel|ammonia|ontstopper|gootsteenontstopper|lampolie"
    r"|handgel|alcoholgel|bleach|disinfectant|antifreeze|white spirit|drain cleaner|lamp oil"
    r"|cleaning (?:fluid|product|liquid)|hand sanitiser|hand sanitizer|weedkiller"
    r"|onkruidverdelger|rattengif|rat poison|gif|poison)"
)
_PILLS = (
    r"(?:pillen|pilletjes|tabletten|medicijnen|medicatie|slaappillen|paracetamol|strip|strips"
    r"|pills|tablets|meds|medication|sleeping pills|painkillers|overdosis|overdose)"
)
# Where a weapon named alone stands: "pistool balie", "knife reception", "mes kamer 4".
_SPOT = (
    r"(?:balie|receptie|wachtkamer|gang|hal|ingang|uitgang|kamer|spreekkamer|afdeling"
    r"|keuken|parkeerplaats|lift|trap|reception|desk|front desk|waiting room|hallway"
    r"|corridor|entrance|exit|lobby|ward|room|kitchen|car park|parking lot|stairs|lift"
    r"|here|hier|buiten|outside|binnen|inside)(?: \d{1,4}[a-z]?)?"
)

# (name, pattern, category) of each rule; `nlu.acute_patterns` makes them AcutePatterns.
NOW_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # A weapon named as the whole message, maybe with where: "mes!", "pistool balie",
    # "gun reception", "knife room 4"; and typed in haste: "he gota knife", "hy heft een mes".
    (
        "weapon_alone",
        # (Anchored as a whole, and short: tried once per message, not at every position.)
        r"^(?=[^\n]{0,40}$)\W*(?:(?:een |a |an )?<WEAPON>(?: (?:op |in |bij |aan |at |in the"
        r" |on the |by the )?(?:de |het |the )?" + _SPOT + r")?|" + _SPOT + r"\W*<WEAPON>)\W*$",
        Category.WEAPON,
    ),
    (
        "weapon_typed",
        r"\b(?:gota|gotta|gotsa|gt a|heft|heeeft|heef|hept|hep) (?:een |'n |n |a |an )?"
        r"<WEAPON>\b",
        Category.WEAPON,
    ),
    # A bow, a farm tool or a sword carried at people (not one on a wall): "komt met een
    # kruisboog naar buiten", "door een client met een hooivork in een hoek gedreven".
    (
        "odd_weapon",
        r"\b(?:met|with) (?:een|a|an|zijn|haar|his|her|their|de|the) (?:[\w']+ )?(?:kruisboog"
        r"|crossbow|pijl en boog|bow and arrow|hooivork|riek|pitchfork|zeis|scythe|zwaard|sword"
        r"|speer|spear|zwaarden|swords|bijlen|axes)\b(?! (?:aan|op|on|in) (?:de|het|the|his|her"
        r"|zijn|haar|z'n) (?:muur|wall|schuur|shed|kast|cupboard))",
        Category.WEAPON,
    ),
    # A weapon just taken up, told in the perfect: "has locked the door ... and picked up a
    # kitchen knife", "they've cornered me and one of them pulled a knife".
    (
        "weapon_taken_up",
        r"\b(?:has|'s|have|'ve)\b[^.!?;\n]{0,80}?\b(?:picked up|grabbed|pulled(?: out)?"
        r"|taken out|got out|drawn) (?:a|an|the|his|her|their) (?:[\w']+ )?<WEAPON>\b",
        Category.WEAPON,
    ),
    # Cornered or boxed in: "in een hoek gedreven", "backed into a corner", "klemgereden",
    # "boxing me in with his car", "cornered me in the stairwell".
    (
        "cornered",
        r"\b(?:in een hoek (?:gedreven|gedrukt|geduwd)|in de hoek (?:gedreven|gedrukt|geduwd)"
        r"|drijft (?:[\w']+ ){0,3}?in (?:een|de) hoek|backed into a corner|cornered (?:me|us"
        r"|her|him|my colleague)|(?:is |are |'s |'re )?cornering (?:me|us|her|him)"
        r"|klemgereden|(?<!voel me )(?<!voel me echt )(?<!voel me zo )(?<!voel ik me )(?<!voelt )"
        r"klem (?:gereden|rijden|gezet|zetten)|klemrijdt|klemrijden|klemgezet|klemzetten"
        r"|(?:boxing|boxed|hemming|hemmed|blocking|blocked) (?:me|us|her|him) in"
        r"|(?:boxing|blocking|cutting) (?:me|us) off)\b",
        Category.TRAPPED,
    ),
    # The car used against the crew: "grijpt het stuur", "grabbed the steering wheel".
    (
        "car_danger",
        r"\b(?:grijpt|grijpen|pakt|rukt|trekt|grabs|grabbed|grabbing|yanks|yanking|pulls"
        r"|pulling|grabs at) (?:[\w']+ ){0,3}?(?:het stuur|aan het stuur|(?:the|my|our)"
        r" (?:steering )?wheel)\b"
        r"|\b(?:is |'s )?(?:driving|drives|rijdt|rijden) (?:off|away|weg) (?:[\w']+ ){0,2}?"
        r"(?:in|with|met) (?:the|my|our|a|de|mijn|onze|een|het) (?:[\w']+ )?(?:car|van|auto|bus"
        r"|busje)\b",
        Category.THREAT,
    ),
    # Self-harm under way: pills just swallowed, a cleaning product drunk, cutting now, a
    # cord around the neck, hanging from a balcony, on a ledge saying they'll jump.
    (
        "self_harm_now",
        r"\b(?:net|zojuist|just)\b[^.!?;\n]{0,40}?\b(?:swallowed|taken|took|geslikt|ingenomen"
        r"|doorgeslikt|genomen|slikte)\b[^.!?;\n]{0,30}?\b" + _PILLS + r"\b"
        r"|\b(?:net|zojuist)\b[^.!?;\n]{0,30}?\b" + _PILLS + r"\b[^.!?;\n]{0,30}?\b(?:geslikt"
        r"|ingenomen|doorgeslikt|genomen)\b"
        r"|\b" + _PILLS + r"\b[^.!?;\n]{0,40}?\b(?:ingenomen|geslikt|doorgeslikt|swallowed)"
        r"\b[^.!?\n]{0,30}?\b(?:net|zojuist|just now|reageert|responding|unresponsive"
        r"|aanspreekbaar|bewusteloos|unconscious)\b"
        r"|\b(?:slikt|slikken|is swallowing|swallowing|is taking|neemt) (?:[\w']+ ){0,4}?"
        + _PILLS
        + r"\b(?= [\w' ]{0,30}?\b(?:nu|now|right now|in)\b|\s*[,.!]|$)"
        r"|\b(?:drinkt|drinken|is drinking|drinking|drinks|slikt|swallowing|gulping|is gulping)"
        r" (?:[\w']+ ){0,4}?" + _POISON + r"\w*\b"
        r"|\b(?:is |'s )?(?:cutting|slashing) (?:(?:at|into) )?(?:his|her|their|himself"
        r"|herself|themselves)(?: (?:arm|arms|wrist|wrists|leg|legs|throat))?\b"
        r"|\b(?:snijdt|snijden|kerft|kerven|krast|krassen) (?:zich|zichzelf|in (?:zijn|haar|z'n"
        r"|zn) (?:arm|armen|pols|polsen|been|benen|keel))\b"
        r"|\b(?:kabel|stroomkabel|snoer|koord|touw|strop|riem|broekriem|sjaal|laken|veter|cord"
        r"|rope|belt|noose|cable|scarf|sheet|ligature|lace)s? (?:[\w']+ ){0,3}?(?:om|rond"
        r"|around|round) (?:zijn|haar|z'n|zn|de|his|her|their|the) (?:nek|hals|keel|neck"
        r"|throat)\b"
        r"|\bhangt (?:[\w']+ ){0,4}?aan (?:het|de|een|zijn|haar) (?:balkon|deurpost|balustrade"
        r"|reling|leuning|trapleuning|dakrand|raam|raamkozijn|kozijn|brug|touw|kabel|riem)\b"
        r"|\b(?:is |'s )?(?:hanging|dangling) (?:[\w']+ ){0,2}?(?:from|off|over|out of|by)"
        r" (?:the|a|his|her) (?:balcony|door ?frame|doorframe|railing|window|ledge|roof"
        r"|banister|bridge|rope|cord|belt)\b"
        r"|\b(?:vensterbank|raamkozijn|dakrand|balustrade|reling|brugleuning|ledge|window sill"
        r"|windowsill|roof|railing|dak|balkon|balcony)\b[^.!?;\n]{0,80}?\b(?:(?:he|she|they)"
        r"(?:'ll| will| is going to|'s going to| wants to) jump|threaten\w* to jump|(?:gaat|wil"
        r"|dreigt (?:[\w']+ ){0,3}?te) springen|zegt dat (?:hij|ze|zij) (?:gaat )?springt?)\b"
        r"|\b(?:houdt|holding|holds) (?:[\w']+ ){0,3}?(?:over|out of) (?:de|het|the|a)"
        r" (?:trapleuning|leuning|balustrade|balkon|reling|raam|stair ?rail|railing|balcony"
        r"|banister|window|edge)\b"
        r"|\b(?:threatening|threatens) to drop\b|\bdreigt (?:[\w']+ ){0,3}?te laten vallen\b"
        # locked in alone with a blade: "locked himself in the shower with a razor blade"
        r"|\b(?:locked|locks|barricaded|shut) (?:himself|herself|themselves) (?:[\w']+ ){0,5}?"
        r"with (?:a|an|his|her|their) <WEAPON>"
        r"|\b(?:opgesloten|sluit (?:zich|zichzelf) op) (?:[\w']+ ){0,4}?met (?:een|zijn|haar"
        r"|z'n) <WEAPON>",
        None,
    ),
    # Gas smelt now: "ik ruik een sterke gaslucht", "I can smell gas".
    (
        "gas_smell",
        r"\b(?:ruik|ruiken|ruikt|smell|smells|smelling) (?:[\w']+ ){0,3}?(?:gaslucht|gaslek"
        r"|gas)\b|\b(?:er is|there's|there is) (?:een |a )?(?:gaslek|gas leak|gaslucht)\b"
        r"|\b(?:stinkt|stinks|reeks) (?:[\w']+ ){0,2}?(?:naar|of) gas\b"
        # the smell alone, as a fragment: "strong gas smell and ...", "sterke gaslucht, ..."
        r"|(?:^|[.!?,;]\s*)\W*(?:(?:really |very |zeer |heel |erg )?(?:strong|heavy|sterke|zware"
        r"|een) )?(?:gas smell|smell of gas|gaslucht|gasgeur)\b(?!,? (?:bleek|turned out|was|were"
        r"|kwam|came|van gisteren|yesterday))"
        # the smell growing: "de gaslucht in het appartement wordt heel sterk"
        r"|\b(?:gaslucht|gasgeur|gas smell|smell of gas)\b(?: [\w']+){0,5}? (?:wordt|is|gets"
        r"|is getting) (?:nu |now )?(?:heel |erg |zo |steeds |really |very |so )?(?:sterk\w*"
        r"|erger|strong\w*|worse)\b",
        Category.FIRE,
    ),
    # Kept from leaving or told to stay: "wil me niet naar buiten laten", "won't let me out",
    # "zegt dat ik moet blijven zitten".
    (
        "kept_inside",
        r"\b(?:wil|wilt|willen|laat|laten) (?:me|mij|ons) (?:[\w']+ ){0,2}?niet (?:naar buiten"
        r"|weg|gaan|eruit|de deur uit|vertrekken)\b"
        r"|\b(?:won't|will not|doesn't|does not|refuses to) let (?:me|us) (?:out|leave|go out"
        r"|get out|get down|get off|get past|through)\b"
        r"|\b(?:zegt|roept|schreeuwt|says|tells me|shouts|yells) (?:[\w']+ ){0,2}?(?:dat )?"
        r"(?:ik|we|wij|i) (?:moet|moeten|have to|must|need to|'ve got to) (?:blijven zitten"
        r"|hier blijven|blijven staan|stay put|stay here|sit down and stay|stay seated)\b",
        Category.TRAPPED,
    ),
    # Someone or something coming at the crew: "er komen drie mannen met stokken op ons af",
    # "de bewoner komt met een kruisboog naar buiten", a dog snarling at the melder.
    (
        "coming_at",
        r"\b(?:komen|komt|lopen|loopt|rennen|rent|stormen|stormt) (?:[\w']+ ){0,6}?op (?:ons"
        r"|me|mij) af\b"
        r"|\b(?:komt|komen|loopt|lopen|rent|rennen) (?:[\w']+ ){0,3}?met (?:een |zijn |haar )?"
        r"(?:<WEAPON>|kruisboog|hooivork|riek|zwaard|speer|stokken|knuppels) (?:naar buiten"
        r"|naar ons|naar me|naar mij|op ons|op me)\b"
        r"|\b(?:coming|running|charging|heading|rushing|storming) (?:out )?(?:[\w']+ ){0,2}?"
        r"(?:at|towards|for) (?:us|me|the crew|the ambulance)\b"
        r"|\b(?:hond|honden|dog|dogs|pitbull|rottweiler|herder)\b[^.!?;\n]{0,60}?\b(?:grommend"
        r"|gromt|grommen|bijt|bijten|hapt|valt (?:me|mij|ons|haar|hem) aan|springt (?:tegen|op)"
        r" (?:me|mij|ons)|snarling|growling|snapping|biting|lunging|attacking|bites|jumps at"
        r"|jumping at)\b",
        Category.ATTACK,
    ),
    # A robbery under way: "overval in de apotheek", "mannen met bivakmutsen".
    (
        "robbery_now",
        r"^\W*(?:een |an? )?(?:overval|hold-?up|holdup|armed robbery|robbery)\b"
        r"|\b(?:er is|there's|there is) (?:een |an? )?(?:overval|hold-?up|holdup|armed robbery"
        r"|robbery)\b|\b(?:bivakmuts|bivakmutsen|balaclava|balaclavas)\b"
        r"|\b(?:being robbed|(?:worden|wordt|word) (?:beroofd|overvallen))\b",
        Category.THREAT,
    ),
    # Glass smashed or a door kicked in now: "smashing the glass of the entrance", "trapt de
    # deur in", "he's doing it right now", "hij is er al mee bezig".
    (
        "breaking_in_now",
        r"\b(?:smashing|breaking|shattering|kicking in|kicking down|bashing in|smashes"
        r"|breaks) (?:[\w']+ ){0,3}?(?:glass|window|windows|door|doors|windscreen|windshield)\b"
        r"|\b(?:slaat|slaan|gooit|gooien|trapt|trappen|schopt|beukt|ramt) (?:[\w']+ ){0,3}?"
        r"(?:ruit|ruiten|raam|ramen|glas|deur|voordeur) (?:in|kapot|stuk)\b"
        r"|\b(?:intrapt|intrappen|inbeukt|inbeuken|ingooit|ingooien|kicks (?:the|my|our)"
        r" (?:[\w']+ )?door in)\b"
        r"|\b(?:is|zijn) er (?:nu |al |nu al )?mee bezig\b"
        r"|\b(?:he's|she's|they're|he is|she is|they are) doing it (?:right )?now\b",
        Category.THREAT,
    ),
    # Someone right beside a melder who cannot talk, or a stalker beside them now.
    (
        "beside_me",
        r"\b(?:kan|can't|cannot|can not|kunnen) (?:nu |now )?(?:niet )?(?:praten|bellen|talk"
        r"|speak|call|typen|type)\b[^.!?;\n]{0,40}?\b(?:naast|next to|beside|achter|behind|bij"
        r"|near) (?:me|mij|us|ons)\b"
        r"|\b(?:staat|zit|loopt|is|'s|standing|sitting|walking) (?:(?:nu|now|right|hier|here"
        r"|gewoon) )*(?:naast|next to|beside|achter|behind) (?:me|mij|us|ons)\b[\w' ]{0,40}?"
        r"\b(?:right now|nu|now)\b",
        Category.THREAT,
    ),
    # Pulled by the hair, chased, a weapon swung at people, screams, someone in the street:
    # "wordt aan haar haren over de balie getrokken", "loopt achter de jongeren aan".
    (
        "assault_now",
        # (the participle only in the passive: "heeft me aan mijn haren getrokken" is over)
        r"\baan (?:haar|zijn|mijn|m'n|mn|de) haren (?:[\w']+ ){0,4}?(?:trekt|sleurt)\b"
        r"|\b(?:wordt|word|worden) (?:[\w']+ ){0,4}?aan (?:haar|zijn|mijn|m'n|mn|de) haren"
        r" (?:[\w']+ ){0,4}?(?:getrokken|gesleurd|gesleept)\b"
        r"|\b(?:trekt|sleurt|trekken|sleept) (?:[\w']+ ){0,3}?aan (?:haar|zijn|mijn|m'n|mn|de)"
        r" haren\b"
        r"|\b(?:pulling|dragging|yanking|pulls|drags) (?:[\w']+ ){0,3}?by (?:her|his|my|the)"
        r" hair\b"
        r"|\b(?:loopt|lopen|rent|rennen|zit|zitten) (?:[\w']+ ){0,4}?achter (?:[\w']+ ){0,3}?"
        r"aan\b"
        r"|\b(?:swinging|swings|waving|zwaait|slingert|zwaaien) (?:[\w']+ ){0,3}?(?:at|naar"
        r"|towards) <VICTIM>\b"
        r"|\b(?:(?:a|een|the|de) (?:woman|vrouw|child|kind|girl|meisje|baby|man)|someone"
        r"|iemand) (?:is )?(?:screaming|screams|gilt|krijst|roept om hulp|crying for help"
        r"|calling for help|screaming for help)\b"
        r"|\b(?:he's|she's|they're|he is|she is|they are|hij is|ze is|zij is|hij staat"
        r"|hij loopt) (?:[\w']+ ){0,2}?(?:in|op|at|bij) (?:my|mijn|m'n|mn|our|onze)"
        r" (?:street|straat|building|flat|portiek|galerij|garden|tuin|driveway|oprit)\b",
        Category.ATTACK,
    ),
    # Fire opening a message: "brand in de wachtkamer", "fire in the waiting room", a
    # molotov or petrol bomb.
    (
        "fire_now",
        r"^\W*(?:brand|fire|vuur)\b (?:in|op|bij|at|on) (?:de |het |the |our |onze |a |een )?"
        r"[\w']+\b(?!(?: [\w']+){0,2} (?:is |was )?(?:uit|geblust|gedoofd|out|over)\b)"
        r"|\b(?:gooit|gooien|throws|throwing|houdt|holding|steekt|lights|lighting|met|with)"
        r" (?:[\w']+ ){0,3}?(?:molotov\w*|brandbom|brandbommen|petrol bombs?|firebombs?"
        r"|fire bombs?)\b",
        Category.FIRE,
    ),
)

#: The quick test per rule (`AcutePattern.needs`): words one of which a text must hold for
#: the rule to be tried at all (matched at a word start).
NOW_NEEDS: dict[str, str] = {
    "weapon_typed": r"gota|gotta|gotsa|gt a|heft|heeeft|heef|hept|hep",
    "odd_weapon": r"kruisboog|crossbow|pijl|bow|hooivork|riek|pitchfork|zeis|scythe|zwaard"
    r"|sword|speer|spear|bijlen|axes",
    "weapon_taken_up": r"picked up|grabbed|pulled|taken out|got out|drawn",
    "cornered": r"in een hoek|in de hoek|drijft|backed|corner|klem|boxing|boxed|hemm|block"
    r"|cutting",
    "car_danger": r"stuur|wheel|driving|drives|rijdt|rijden",
    "self_harm_now": r"pil|tablet|medic|slaap|paracetamol|strip|pills|meds|sleeping|painkill"
    r"|overd|ontsmet|desinfect|bleek|chloor|wasbenzine|spiritus|terpentine|antivries|schoonmaak"
    r"|ammonia|ontstop|gootsteen|lampolie|handgel|alcoholgel|bleach|disinfect|antifreeze"
    r"|white spirit|drain|lamp oil|cleaning|hand sani|weedkiller|onkruid|ratten|rat poison|gif"
    r"|poison|cutting|slashing|snijd|kerf|kerv|kras|nek|hals|keel|neck|throat|hangt|hanging"
    r"|dangling|jump|spring|trapleuning|leuning|balustrade|balkon|reling|raam|stair|rail"
    r"|balcony|banister|window|edge|drop|laten vallen|locked|locks|barricaded|shut|opgesloten"
    r"|sluit",
    "gas_smell": r"ruik|smell|gaslucht|gasgeur|gaslek|gas leak|stink|reek",
    "kept_inside": r"niet|won't|will not|doesn't|does not|refuses|blijven|hier blijven|stay"
    r"|sit down",
    "coming_at": r"komen|komt|lopen|loopt|rennen|rent|storm|coming|running|charging|heading"
    r"|rushing|hond|dog|pitbull|rottweiler|herder",
    "robbery_now": r"overval|bivak|balaclava|hold|armed robbery|robbery|being robbed|beroofd",
    "breaking_in_now": r"smash|break|shatter|kicking|bashing|sla|gooi|trap|schop|beuk|ram"
    r"|intrap|inbeuk|ingooi|kicks|mee bezig|doing it",
    "beside_me": r"naast|next to|beside|achter|behind",
    "assault_now": r"haren|hair|achter|swing|wav|zwaai|slinger|screaming|screams|gilt|krijst"
    r"|roept om hulp|crying for help|calling for help|street|straat|building|flat|portiek"
    r"|galerij|garden|tuin|driveway|oprit",
    "fire_now": r"brand|fire|vuur|molotov|petrol bomb|firebomb|fire bomb",
}
