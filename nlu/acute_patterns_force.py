"""Acute-danger rules for force in progress that the main list (`nlu.acute_patterns`) leaves
out: violence against anyone now, force at a door, things thrown or swung, someone held
or kept from leaving, hiding from someone who may hear, a bomb threat not yet resolved, and
someone waiting for the melder now.

Same format and the same tense guards as the main list; these are tried after it.
"""

from __future__ import annotations

from nlu.acute_words import Category

# (name, pattern, category) of each rule; `nlu.acute_patterns` makes them AcutePatterns.
FORCE_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # "slaat een man een andere patient in elkaar", "the dad is hitting the mum",
    # "my colleague is getting beaten up", "hij blijft maar schoppen".
    (
        "violence_now",
        r"\b(?:slaat|slaan|schopt|schoppen|trapt|trappen|stompt) (?:[\w']+ ){0,5}?in elkaar\b"
        r"|\b(?:blijft|blijven) (?:maar )?(?:slaan|schoppen|trappen|stompen|steken|bijten)\b"
        r"|\b(?:is|are|'s|'re) (?:now |still )?(?:hitting|beating|kicking|punching|attacking"
        r"|strangling|choking|biting|dragging|stabbing|beating up) (?:[\w']+ ){0,2}?(?:the|a"
        r"|another|my|his|her|their|me|us|him|her|everyone|people)\b"
        r"|\b(?:getting|being) (?:beaten|attacked|hit|kicked|punched|stabbed|strangled|choked"
        r"|assaulted|beaten up)\b(?! (?:is|isn't|was|happens|comes) )"
        r"|\b(?:keeps|keep) (?:on )?(?:hitting|kicking|punching|stabbing|biting)\b"
        r"|\b(?:trekt|sleurt|sleept) (?:me|mij|haar|hem|ons) (?:[\w']+ ){0,5}?mee\b"
        r"|\b(?:sleurt|sleept) (?:me|mij|haar|hem|ons) (?:naar|over|door)\b"
        r"|\b(?:fist|fists) (?:raised|up)\b|\b(?:vuist|vuisten) (?:gebald|omhoog|geheven)\b"
        r"|\braising (?:his|her|their) (?:fist|fists|hand)\b"
        # (thirty-sixth round) "meneer slaat andere meneer met stok, hij stopt niet"
        r"|\b(?:slaat|schopt|trapt|stompt|steekt|bijt|wurgt)\b[^.!?]{0,60}?\b(?:hij|ze|zij|ie)"
        r" (?:stopt|houdt) (?:niet|nie)(?: op)?\b"
        r"|\b(?:hitting|beating|kicking|punching|stabbing|biting|strangling)\b[^.!?]{0,60}?"
        r"\b(?:he|she|they) (?:won't|will not|doesn't|does not|don't|isn't going to) stop\b",
        Category.ATTACK,
    ),
    # "ze rammen op de deur", "he's hammering on the door", "staat aan de deur te rammelen",
    # "rijdt met zijn auto tegen het hek".
    (
        "force_at_door",
        r"\b(?:ramt|rammen|rammelt|rammelen|bonkt|bonken|beukt|beuken|bonst|bonzen|trapt"
        r"|trappen|slaat|slaan|hammering|banging|pounding|kicking|bashing|ramming|rattling)"
        r" (?:[\w']+ ){0,3}?(?:op|tegen|aan|on|at|against|in) (?:de|het|mijn|m'n|onze|the|my"
        r"|our) (?:glazen |glass |achter|back |voor)?(?:deur|deuren|voordeur|raam|ramen|hek|poort"
        r"|door|doors|front door|window"
        r"|windows|gate)\b"
        r"|\b(?:aan|op|tegen) (?:de|het|mijn|m'n) (?:deur|raam|hek|poort) te (?:rammelen|bonken"
        r"|beuken|bonzen|trappen|slaan|rammen)\b"
        r"|\b(?:rijdt|rijden|drives|driving|is driving) (?:[\w']+ ){0,4}?(?:tegen|into|at)"
        r" (?:het|de|the|our) (?:hek|poort|deur|gevel|gate|door|building|fence)\b",
        Category.THREAT,
    ),
    # "gooit met stoelen", "is swinging it at people", "throwing chairs".
    (
        "throwing_now",
        r"\b(?:gooit|gooien|smijt|smijten|werpt|slingert) (?:[\w']+ ){0,2}?(?:met|naar)"
        r" (?:[\w']+ ){0,2}?(?:stoelen|stoel|spullen|dingen|glazen|glas|borden|flessen|stenen"
        r"|meubels|alles|tafels|bekers|me|mij|ons|mensen|iedereen)\b"
        # "gooit ie alles van de medicijnkar naar ons"
        r"|\b(?:gooit|smijt|smijten|gooien) (?:[\w']+ ){0,6}?naar (?:me|mij|ons|mensen|iedereen)\b"
        r"|\b(?:throwing|hurling|swinging|smashing|chucking) (?:[\w']+ ){0,3}?(?:chairs"
        r"|furniture|things|glasses|bottles|stones|plates|at (?:me|us|people|staff|everyone"
        r"|anyone))\b|\bzwaait (?:[\w']+ ){0,3}?(?:naar|rond|om zich heen)\b",
        Category.ATTACK,
    ),
    # "he won't let go", "laat niet los", "won't let her leave the house", "de zoon haar
    # niet het huis uit laat gaan", "says nobody is leaving".
    (
        "held_now",
        r"\b(?:laat|laten) (?:me |mij |ons |haar |hem )?niet (?:meer )?los\b"
        r"|\b(?:won't|will not|doesn't|does not) let (?:go|(?:her|him|my colleague|them)"
        r" (?:go|leave|out))\b"
        r"|\b(?:laat|laten) (?:haar|hem|mijn collega|m'n collega) (?:[\w']+ ){0,3}?niet"
        r" (?:gaan|los|weg|vertrekken|weggaan|naar buiten|uit)\b"
        r"|\b(?:me|mij|ons|haar|hem) niet (?:[\w']+ ){0,3}?(?:laat|laten) (?:gaan|vertrekken"
        r"|weggaan)\b"
        r"|\b(?:nobody|no one|noone|niemand) (?:is leaving|leaves|gets out|mag (?:hier )?weg"
        r"|gaat (?:hier )?weg|komt (?:hier )?(?:weg|buiten))\b"
        r"|\bso (?:i|we) (?:can't|cannot) (?:get out|leave|get away)\b",
        Category.TRAPPED,
    ),
    # Hiding from someone who may hear: "kan niet bellen hij hoort me", "he'll hear me".
    (
        "hiding_quiet",
        r"\b(?:hij|zij|ze|he|she|they)(?:'ll| will| zal| kan| can)? (?:hoort|horen|hear|hears)"
        r" (?:me|mij|us|ons)\b"
        r"|\b(?:zit|zitten|sits|sitting|i'm|we're|hiding) (?:[\w']+ ){0,2}?(?:onder|under)"
        r" (?:het|de|mijn|the|a|my) (?:bureau|tafel|bed|desk|table|bed)\b",
        Category.TRAPPED,
    ),
    # A bomb threat not resolved: "het gebouw is nog steeds niet ontruimd".
    (
        "bomb_unresolved",
        r"\b(?:nog (?:steeds )?niet|still not|not yet|still hasn't been|still has not been"
        r"|hasn't been|has not been) (?:[\w']+ ){0,1}?(?:ontruimd|evacuated|cleared)\b",
        Category.BOMB,
    ),
    # A weapon held to someone's throat or body: "houdt het mes tegen haar keel", "he's
    # holding a blade to her neck", "zet een schaar op mijn buik".
    (
        "weapon_to_body",
        r"\b(?:houdt|houden|drukt|drukken|zet|zetten) (?:(?:een|het|de|zijn|zn|z'n|haar) )?"
        r"<WEAPON>(?: [\w']+){0,2}? (?:tegen|op) (?:de|mijn|mn|m'n|haar|zijn|zn|z'n) (?:keel|hals"
        r"|nek|strot|buik|zij|hoofd|slaap|gezicht)\b"
        r"|\b(?:houdt|houden|drukt|drukken) (?:het|hem|dat|die|'t) tegen (?:de|mijn|mn|m'n|haar"
        r"|zijn|zn|z'n) (?:keel|hals|nek|strot|slaap)\b"
        r"|\b(?:holding|holds|pressing|presses|putting|puts|has|'s got|is holding|'s holding)"
        r" (?:(?:a|an|the|his|her|their) )?<WEAPON>(?: [\w']+){0,2}? (?:to|against|at)"
        r" (?:my|her|his|their|the|someone's) (?:throat|neck|belly|stomach|side|head|temple"
        r"|face)\b"
        r"|\b(?:holding|holds|pressing|presses) it (?:to|against) (?:my|her|his|their|the"
        r"|someone's) (?:throat|neck|temple)\b",
        Category.WEAPON,
    ),
    # Pricking, jabbing or stabbing at people with anything: "prikt met een naald naar ons",
    # "steekt met de vork naar de verpleging", "jabbing a syringe at us".
    (
        "jabbing_at",
        r"\b(?:prikt|prikken|steekt|steken|hakt|hakken|mept|meppen|haalt|halen)"
        r" (?:(?:ermee|er mee|erop|uit|wild|steeds|telkens|met (?:een |de |het |zijn |zn |z'n"
        r" |haar )?[\w']+) ){0,3}(?:uit )?(?:naar|in de richting van) <VICTIM>\b"
        r"|\b(?:jabbing|jabs|stabbing|stabs|lunging|lunges|thrusting|slashing|slashes|swiping"
        r"|swipes) (?:[\w']+ ){0,4}?(?:at|towards?) <VICTIM>\b",
        Category.ATTACK,
    ),
    # Someone hitting someone with an object, a fight that cannot be broken up, a head
    # banged on the floor: "slaat meneer met zijn rollator", "I can't pull them apart".
    (
        "fight_now",
        r"\b(?:slaat|slaan|mept|meppen|ramt|rammen) (?!(?:(?:de|het|een|zijn|haar) )?(?:deur"
        r"|deuren|maat|praatje|alarm|slag|brug|munt|acht|toon|handen)\b)"
        r"(?:[\w']+ ){1,5}?met (?:een|zijn|zn|z'n|haar|hun|de|het) \w+"
        r"|\b(?:hitting|beating|whacking|smacking|striking|bashing|clubbing)"
        r" (?!the (?:gym|road|ball|books|hay|bar|nail|jackpot|sack)\b)(?:[\w']+ ){1,5}?"
        r"with (?:a|an|his|her|their|the) \w+"
        r"|\b(?:krijg|krijgen|kan|kunnen) (?:ze|hen|die twee) (?:[\w']+ ){0,2}?niet (?:meer )?uit"
        r" elkaar\b"
        r"|\b(?:can't|cannot|can not|couldn't) (?:get|pull|break|separate) (?:them|the two)"
        r"(?: of them)? apart\b"
        r"|\b(?:slaat|bonkt|beukt|ramt|smijt) (?:[\w']+ ){0,3}?(?:hoofd|kop) (?:[\w']+ ){0,4}?"
        r"(?:tegen|op) (?:de|het) (?:vloer|grond|muur|tafel|deur)\b"
        r"|\b(?:banging|slamming|smashing|bashing|hitting) (?:his|her|their|my|someone's)"
        r" (?:[\w']+ )?head (?:on|against|into) (?:the|a)\b"
        r"|\b(?:bedreigt|bedreigen) <VICTIM>\b(?! <ONLINE>)"
        r"|\b(?:shoving|jostling|shoves|jostles) <VICTIM>\b"
        r"|\b(?:is|zijn) aan het (?:flippen|flippen met|doordraaien|uitflippen)\b"
        r"|\b(?:is|'s|are|'re) (?:totally |completely )?(?:flipping out|freaking out"
        r"|kicking off)\b",
        Category.ATTACK,
    ),
    # Held against a wall, in a chokehold, turning blue: "drukt me tegen de muur", "heeft
    # haar in een nekklem", "two of them are pinning me against the wall", "she's going purple".
    (
        "pinned_or_choked",
        r"\b(?:houdt|houden|drukt|drukken|duwt|duwen|klemt|klemmen|pint) <VICTIM>"
        r" (?:[\w']+ ){0,4}?(?:tegen (?:de|het|een) (?:muur|wand|deur|kast|vloer|grond|raam"
        r"|auto)|op (?:de|het) (?:grond|vloer))\b"
        r"|\b(?:pinning|pinned|pin|pins|pushing|pressing|holding|shoving) <VICTIM>"
        r" (?:up )?against (?:the|a) (?:wall|door|floor|ground|car|window)\b"
        r"|\b(?:pinning|pinned|pins) <VICTIM> (?:down|to the (?:floor|ground|wall))\b"
        r"|\b(?:got|has|have|'s got|'ve got) <VICTIM> pinned (?:down|up|against|to)\b"
        r"|\b(?:has|'s got|got|is holding|'s holding|holds|heeft|houdt|houden|hebben|zit|zitten"
        r"|puts|putting|'s put|has put) (?:[\w']+ ){0,4}?(?:in|into) (?:a|een|de) (?:nekklem"
        r"|wurggreep|houdgreep|headlock|chokehold|choke hold|stranglehold|sleeper hold)\b"
        r"|\b(?:wordt|worden|word|loopt|lopen|gaat|going|turning) (?:al |helemaal |already )?"
        r"(?:paars|blauw|purple|blue)\b(?! (?:van de kou|from the cold|with cold|with the cold))"
        r"|\b(?:houdt|houden|heeft|hebben) (?:me|mij|ons|mn collega|m'n collega|mijn collega)"
        r" (?:[\w']+ ){1,4}?vast\b"
        r"|\b(?:has|'s got|is holding|'s holding) (?:me|us|her|him|my colleague)"
        r" (?:[\w']+ )?by (?:the|my|her|his) (?:wrist|arm|hair|throat|neck|collar)\b"
        # (The lookahead first: the lookbehinds would otherwise run at every position.)
        r"|\b(?=holds? (?:me|us)\b)(?<!\bto )(?<!\bcan )(?<!\bcould )(?<!\bwould )"
        r"(?<!\bwill )(?<!\bplease )(?<!\bdon't )(?<!\bnever )(?<!\byou )holds? (?:me|us)\b"
        r"(?! (?:back|up|to|in|accountable|responsible|liable))"
        r"|\b(?:trekt|sleurt|sleept|pulling|dragging|pulls|drags) (?:me|mij|ons|us)"
        r" (?:[\w']+ ){0,2}?(?:naar binnen|de kamer in|het huis in|de auto in|inside"
        r"|into (?:the|his|her|their) (?:house|room|flat|car|van))\b",
        Category.TRAPPED,
    ),
    # Someone coming back or after the melder now: "hij komt terug, hij komt terug",
    # "he's after me", "zegt dat hij terugkomt met zijn neven".
    (
        "coming_back",
        r"\b(?:hij|ze|zij|ie) komt (?:nu |weer |alweer )?terug(?=\s*(?:[.!?,;]|$|hij|ze|nu"
        r"|voor (?:me|mij|ons)))"
        r"|\b(?:he's|she's|they're|he is|she is|they are) (?:now )?coming back(?=\s*(?:[.!?,;]"
        r"|$|he's|she's|they're|now|right now|for (?:me|us)))"
        r"|\b(?:zegt|roept|schreeuwt|dreigt) (?:[\w']+ ){0,2}?dat (?:hij|ze|zij|ie) (?:zo |straks"
        r" |nu |meteen )?(?:terugkomt|terug komt|terugkomen|terug komen)\b"
        r"|\b(?:says|shouts|yells|threatens) (?:that )?(?:he|she|they)(?:'s| is|'re| are|'ll"
        r"| will) (?:coming back|come back|be back)\b"
        r"|\b(?:he's|she's|they're|he is|she is|they are|someone's|someone is) (?:still |now )?"
        r"after (?:me|us)\b(?! <ONLINE>)",
        Category.THREAT,
    ),
    # Breaking in or forcing a lock now: "staat aan het slot te morrelen", "someone is messing
    # with the lock", "rukt aan de schuifdeuren", "bonst op mijn slaapkamerraam".
    (
        "forcing_entry",
        r"\b(?:aan|op|tegen|bij) (?:de|het|mijn|mn|m'n|onze) (?:[\w']+ ){0,2}?\w*(?:deur|deuren"
        r"|raam|ramen|slot|hek|poort|klink)\w* (?:[\w']+ ){0,3}?(?:te|aan het)"
        r" (?:morrelen|rukken|trekken|wrikken|rammelen|bonken|beuken|bonzen|slaan|trappen|frutselen"
        r"|prutsen|peuteren|forceren)\b"
        r"|\b(?:morrelt|morrelen|rukt|rukken|wrikt|wrikken|peutert|prutst|forceert|forceren"
        r"|frutselt) (?:[\w']+ ){0,2}?(?:aan|in|op) (?:de|het|mijn|mn|m'n|onze) \w*(?:deur|deuren"
        r"|raam|ramen|slot|hek|poort|klink)\b"
        r"|\b(?=messing|fiddling|tampering|meddling)(?<!\bi'm )(?<!\bi am )(?<!\bwe're )"
        r"(?<!\bwe are )(?:messing|fiddling|tampering"
        r"|meddling) (?:about |around )?with (?:the|my|our) (?:[\w']+ )?(?:lock|door|window"
        r"|handle|latch)\b"
        r"|\b(?=picking|forcing|jiggling)(?<!\bi'm )(?<!\bi am )(?<!\bwe're )(?<!\bwe are )"
        r"(?:picking|forcing|jiggling)"
        r" (?:the|my|our) (?:[\w']+ )?(?:lock|door handle|handle)\b"
        r"|\b(?:bonkt|bonken|bonst|bonzen|beukt|beuken|slaat|slaan|trapt)"
        r" (?:hard |steeds |de hele tijd )?(?:op|tegen|aan) (?:de|het|mijn|mn|m'n|onze)"
        r" \w+(?:raam|ramen|deur|deuren)\b"
        r"|\b(?:banging|pounding|hammering) (?:on|at) (?:the|my|our)"
        r" (?:bedroom|kitchen|back|front|living room|office|bathroom|car) (?:window|door)\b"
        r"|\b(?:blijft|blijven) (?:maar )?(?:aanbellen|bellen aan|kloppen|bonken|bonzen|rammelen)\b"
        r"|\bkeeps? (?:on )?(?:ringing (?:the |my |our )?(?:door)?bell|(?:knocking|banging"
        r"|hammering)(?= (?:on|at) (?:the|my|our) (?:[\w']+ )?(?:door|window)|\s*(?:[.!,;]|$"
        r"| and)))",
        Category.THREAT,
    ),
    # Followed on the road: "hij hangt op mijn bumper", "he's right on my tail".
    (
        "tailgating",
        r"\b(?:hangt|zit|rijdt|blijft|hangen|zitten) (?:[\w']+ ){0,3}?(?:op|achter) (?:mijn|mn"
        r"|m'n|onze) (?:bumper|achterbumper)\b"
        r"|\b(?:is|'s|are|'re|stays|keeps|driving|sitting) (?:still |right |now |really |so )*"
        r"(?:on|behind) (?:my|our) (?:back )?(?:bumper|tail)\b"
        r"|\btailgating (?:me|us)\b",
        Category.FOLLOWED,
    ),
    # Petrol, gas or smoke smelt now: "het stinkt naar benzine", "it reeks of petrol".
    (
        "fuel_smell",
        r"\b(?:stinkt|stinken|meurt|walmt|ruikt) (?:[\w']+ ){0,3}?naar (?:benzine|diesel|gas"
        r"|terpentine|spiritus|brandstof|rook)\b"
        r"|\b(?:stinks|reeks|stinking|reeking|smelling|smells) (?:[\w']+ )?(?:of|like) (?:petrol"
        r"|gasoline|gas|diesel|fuel|white spirit|lighter fluid)\b",
        Category.FIRE,
    ),
    # Help that has not come yet: "beveiliging is er nog niet", "security isn't here yet".
    (
        "help_not_here",
        r"\b(?:beveiliging|politie|de politie|ambulance|hulp|backup|versterking) (?:is|zijn)"
        r" (?:er |hier )?(?:nog (?:steeds )?niet|nog altijd niet)(?: (?:hier|er))?\b(?! (?:geweest"
        r"|langs geweest|aan te pas))"
        r"|\b(?:security|the police|police|the ambulance|help|backup) (?:is|are) (?:still )?"
        r"(?:not (?:here|there) yet|nowhere to be seen)\b"
        r"|\b(?:security|the police|police|backup)(?: still)? (?:isn't|aren't|hasn't|haven't)"
        r" (?:here|there|arrived|turned up|shown up|come(?! back| to| about))(?: yet)?\b",
        None,
    ),
    # Someone waiting for the melder now: "staat ... bij de uitgang op me te wachten",
    # "is at the exit with four mates waiting for me".
    (
        "waiting_for_me",
        r"\bop (?:me|mij|ons) (?:staat |staan )?te wachten\b"
        r"|\b(?:is|are|'s|'re) (?:[\w']+ ){0,6}?waiting (?:[\w']+ ){0,2}?for (?:me|us)\b"
        r"|\bwaiting (?:outside|downstairs|at the \w+|by (?:my|the) \w+)(?: [\w']+){0,4}? (?:he"
        r"|she|they) (?:says?|said) (?:he|she|they)(?:'ll| will| is going to) (?:hurt|get|kill"
        r"|hit|stab) (?:me|us)\b",
        Category.THREAT,
    ),
)

#: The quick test per rule (`AcutePattern.needs`): words one of which a text must hold for
#: the rule to be tried at all (matched at a word start).
FORCE_NEEDS: dict[str, str] = {
    "weapon_to_body": (
        r"keel|hals|nek|strot|buik|zij|hoofd|slaap|gezicht|throat|neck|belly|stomach|side|head"
        r"|temple|face"
    ),
    "jabbing_at": (
        r"prik|steek|steken|hak|mep|stoot|stoten|zwaai|uithal|haalt uit|jab|pok|stab|lung"
        r"|thrust|slash|swip"
    ),
    "fight_now": (
        r"sla|mep|ram|hitting|beating|whacking|smacking|striking|bashing|clubbing|krijg|kan"
        r"|kunnen|can|couldn|bonkt|beukt|smijt|banging|slamming|smashing|bedreig|shov|jostl"
        r"|is aan|zijn aan|flipping|freaking|kicking off"
    ),
    "pinned_or_choked": (
        r"houd|houdt|druk|duw|klem|pin|zet|push|press|hold|shov|nekklem|wurggreep|houdgreep"
        r"|headlock|chokehold|choke hold|stranglehold|sleeper|paars|blauw|purple|blue|heeft"
        r"|hebben|has|'s got|got|trek|sleur|sleep|pull|drag"
    ),
    "coming_back": r"terug|coming back|come back|be back|after|he's|she's|they're|he is|she is",
    "forcing_entry": (
        r"aan|op|tegen|bij|morrel|ruk|wrik|peuter|prut|forceer|forcer|frutsel|messing|fiddling"
        r"|tampering|fumbling|meddling|playing|picking|forcing|jiggling|trying|bonk|bons|bonz"
        r"|beuk|sla|trap|klop|tik|bang|knock|pound|tap|hammer|blijf|keep"
    ),
    "tailgating": r"bumper|achterbumper|tail",
    "fuel_smell": r"stink|meur|walm|ruik|reek|smell",
    "help_not_here": r"beveiliging|politie|de politie|ambulance|hulp|backup|versterking|security"
    r"|the police|police|the ambulance|help",
}
