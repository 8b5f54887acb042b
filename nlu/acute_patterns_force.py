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
        r"|assaulted|beaten up)\b"
        r"|\b(?:keeps|keep) (?:on )?(?:hitting|kicking|punching|stabbing|biting)\b"
        r"|\b(?:trekt|sleurt|sleept) (?:me|mij|haar|hem|ons) (?:[\w']+ ){0,5}?mee\b"
        r"|\b(?:fist|fists) (?:raised|up)\b|\b(?:vuist|vuisten) (?:gebald|omhoog|geheven)\b"
        r"|\braising (?:his|her|their) (?:fist|fists|hand)\b",
        Category.ATTACK,
    ),
    # "ze rammen op de deur", "he's hammering on the door", "staat aan de deur te rammelen",
    # "rijdt met zijn auto tegen het hek".
    (
        "force_at_door",
        r"\b(?:ramt|rammen|rammelt|rammelen|bonkt|bonken|beukt|beuken|bonst|bonzen|trapt"
        r"|trappen|slaat|slaan|hammering|banging|pounding|kicking|bashing|ramming|rattling)"
        r" (?:[\w']+ ){0,3}?(?:op|tegen|aan|on|at|against|in) (?:de|het|mijn|m'n|onze|the|my"
        r"|our) (?:deur|deuren|voordeur|raam|ramen|hek|poort|door|doors|front door|window"
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
