"""Acute-danger rules found missing by a twenty-sixth blind round (nlu/dev/danger26): a
medical emergency during or after violence (wrists cut and pressing on it, not breathing
and CPR started), someone about to jump ("roept dat ie springt", on the wrong side of the
railing, run onto the motorway), a gas pipe hissing or "gas gas gas", a package that
ticks, security called in three words ("sec to A&E asap", "bev spoed SEH"), a colleague
overdue and not answering or whose alarm just went off, the man who threatened the melder
crossing towards them right now, a burglar in the building.

Same format as `nlu.acute_patterns_force`; `nlu.acute_patterns` makes them AcutePatterns.
"""

from __future__ import annotations

from nlu.acute_words import Category

# (name, pattern, category) of each rule.
URGENT_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # Bleeding that is being stopped: "pt cut her wrists ... im pressing on it"
    (
        "wrists_cut",
        r"\b(?:cut|slit|slashed|has cut|heeft) (?:(?:her|his|their|zijn|haar|zn|z'n) )?"
        r"(?:wrists?|polsen|pols) (?:door|open)?(?:gesneden)?\b"
        r"|\b(?:cut|slit|slashed) (?:her|his|their) wrists?\b"
        r"|\b(?:i'm|im|i am|ik) (?:pressing|druk|press) (?:hard )?(?:on|op) (?:it|the wound|de wond"
        r"|het)\b",
        Category.DANGER,
    ),
    # Not breathing, resuscitation going on.
    (
        "not_breathing",
        r"\b(?:not breathing|isn'?t breathing|stopped breathing|ademt niet(?: meer)?|geen"
        r" ademhaling)\b"
        r"|\b(?:started|starting|doing|begonnen met|bezig met|aan het) (?:cpr|reanimatie"
        r"|reanimeren)\b|\bwe (?:reanimeren|doen cpr|are doing cpr)\b",
        Category.DANGER,
    ),
    # About to jump: "roept dat ie springt", "dreigt met het kind van het balkon te springen",
    # "on the wrong side of the railing", "ran out onto the motorway, cars swerving".
    (
        "jump_said",
        r"\b(?:roept|zegt|dreigt|schreeuwt|gilt|threatens|threatening|says|saying|screaming"
        r"|shouting) (?:[\w']+ ){0,7}?(?:dat (?:ie|hij|ze|zij) (?:gaat )?springt|te springen"
        r"|(?:he|she)(?:'ll| will| is going to) jump|to jump)\b"
        r"|\b(?:aan de verkeerde kant|on the wrong side) (?:van|of) (?:het|de|the) (?:hek|reling"
        r"|balustrade|railing|fence|barrier|brug|bridge)\b"
        r"|\b(?:ran|runs|running|rent|rende|loopt|liep) (?:out )?(?:onto|on|op) (?:the |de )?"
        r"(?:motorway|highway|snelweg|ring road|ringweg|rails|spoor|train tracks|railway)\b"
        r"|\bcars? (?:swerving|braking|remmen)\b",
        Category.DANGER,
    ),
    # Gas escaping now: "gas pipe hit, hissing everywhere", "gas gas gas keuken".
    (
        "gas_escaping",
        r"\bgas\w*\b[^.!?]{0,40}?\b(?:hissing|hisses|sist|sissen|sissend)\b"
        r"|\bhissing everywhere\b|\bgas(?:[ ,!]+gas){2,}\b",
        Category.FIRE,
    ),
    # A package that ticks.
    (
        "ticking",
        r"\b(?:package|parcel|pakket\w*|doos|box|tas|bag|koffer|suitcase)\b[^.!?]{0,70}?"
        r"\b(?:ticking|tikt|tikken|tikkend|tikkende)\b",
        Category.BOMB,
    ),
    # Security called in a few words: "sec to A&E asap", "bev spoed SEH".
    (
        "security_called",
        r"^\W*(?:sec|security|bev|beveiliging)\s+(?:to|naar)\s+[^.!?]{1,20}?\b(?:asap|spoed|nu"
        r"|now|direct|meteen)\b|^\W*(?:sec|security|bev|beveiliging)\s+(?:spoed|asap|nu|now)\b",
        Category.DANGER,
    ),
    # A colleague overdue and not answering ("ze zou om 10 uur klaar zijn, is nu 11:15 en ze
    # neemt niet op"), or whose alarm went off just now.
    (
        "colleague_overdue",
        r"\b(?:zou|should have|was supposed to|had to)\b[^!?]{0,40}?\b(?:klaar|terug|back"
        r"|finished|done|out)\b[^!?]{0,60}?\b(?:neemt (?:haar |zijn )?(?:telefoon )?niet op"
        r"|(?:isn'?t|is not|not) answering|reageert niet|not picking up)\b"
        r"|\b(?:colleague|collega)\b[^.!?]{0,120}?\b(?:violent|aggress\w*|agressie\w*|bedreig\w*"
        r"|threaten\w*)\b[^.!?]{0,60}?\b(?:(?:isn'?t|is not|not) answering|not picking up"
        r"|neemt (?:haar |zijn )?(?:telefoon )?niet op|reageert niet)\b"
        r"|\b(?:alarm|pieper|noodknop)\w* (?:ging|gaat|went|is going|goes) (?:daar |er |net"
        r" |zojuist |just )*(?:net|zojuist|just) ?(?:af|off)\b",
        Category.DANGER,
    ),
    # Coming at the melder right now: "is crossing the road towards the clinic right now".
    (
        "coming_towards_now",
        r"\b(?:is|'s) (?:crossing|coming|walking|heading|running)\b[^.!?]{0,40}?\b(?:towards"
        r"|toward|to) (?:the|our|my|me)\b[^.!?]{0,30}?\b(?:right now|as we speak)\b"
        r"|\b(?:steekt|loopt|komt|rent) (?:[\w']+ ){0,4}?(?:naar (?:ons|me|mij|de \w+) toe|op"
        r" (?:ons|me|mij) af)\b[^.!?]{0,30}?\b(?:nu|op dit moment|op dit moment)\b",
        Category.THREAT,
    ),
    # A burglar or intruder in the building now.
    (
        "intruder_in",
        r"\b(?:inbreker|indringer|intruder|burglar)s? (?:in|op|bij) (?:de|het|onze|ons|mijn"
        r"|the|our|my)\b",
        Category.THREAT,
    ),
)

#: The quick test per rule (`AcutePattern.needs`).
URGENT_NEEDS: dict[str, str] = {
    "wrists_cut": r"wrist|pols|pressing|druk|press",
    "not_breathing": r"breathing|ademt|ademhaling|cpr|reanim",
    "jump_said": r"spring|jump|verkeerde|wrong|motorway|highway|snelweg|ring|rails|spoor"
    r"|train|railway|cars|car",
    "gas_escaping": r"gas|hissing",
    "ticking": r"tick|tikt|tikken|tikkend",
    "security_called": r"sec|security|bev|beveiliging",
    "colleague_overdue": r"zou|should|was supposed|had to|alarm|pieper|noodknop|colleague"
    r"|collega",
    "coming_towards_now": r"crossing|coming|walking|heading|running|steekt|loopt|komt|rent",
    "intruder_in": r"inbreker|indringer|intruder|burglar",
}
