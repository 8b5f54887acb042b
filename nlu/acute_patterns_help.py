"""Acute-danger rules for a cry for help: "help!", "help, I'm bleeding", "stuur nu hulp",
"kom snel", "I need security now". Tried first; the words of the matched sentence tell
the kind of danger (`CATEGORY_WORDS`).

Same format as `nlu.acute_patterns_force`; `nlu.acute_patterns` makes them AcutePatterns.
"""

from __future__ import annotations

from nlu.acute_words import Category

# (name, pattern, category) of each rule.
HELP_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # A cry for help as the whole message: "help!", "HELP ME", "help help".
    # Not "/help" (a bot command), not a bare "help" (how people ask for the menu, the
    # classifier still weighs it) and not "help?" (a question about how the bot works).
    (
        "help_cry",
        r"^(?!/)(?!\s*help\s*$)\W*(?:help|hlep|hepl|hellp|helpp|help me|help mij|help ons|helpen"
        r"|please help(?: me)?|help me please|help alsjeblieft|help (?:me )?(?:snel|nu|pls|aub))"
        r"(?:\W+(?:help|hulp|please|pls|aub|alsjeblieft|snel|nu))*\s*!*\s*$",
        None,
    ),
    # An alarm emoji with "now" or "help": "🚨 now", "🆘🆘", "🚨 nu!!"
    ("alarm_emoji", r"^\W*(?:🚨|🆘)+\s*(?:now|nu|help|hulp|pls|aub)?\s*!*\s*$", None),
    # "hulp!" needs the exclamation: plain "hulp" is usually a request for the menu.
    ("help_cry_hulp", r"^(?!/)\W*(?:hulp|hulp nodig|help)\s*!+\s*(?:!|\s)*$", None),
    # "Help" that opens a longer message ("help, I'm bleeding"), shouted anywhere ("help!"),
    # or closes one (", help"); not "help, hoe werkt dit" or "help me met melden".
    (
        "help_in_message",
        # (Possessive groups: "help me met melden" must not backtrack past the "me".)
        r"^(?!/)\W*(?:help|hlep|helpp|hulp)(?>(?: me| mij| ons)?)(?>(?: alsjeblieft| please"
        r"| pls)?)(?:\s*[,!]+\s*|\s+)(?!(?:bij|met|with|for|voor|hoe|how|wat|what|waar|where"
        r"|welke|which|kan|can|could|is|even|eens|effe|out|op weg|ik snap|ik begrijp"
        r"|ik weet niet|i don't|ik wil|i want|i'd like|menu|nodig bij)\b)[a-z]"
        r"|\b(?:help|hulp)(?: me| mij| ons)?\s*!"
        r"|[,;!.]\s*(?:help|hulp)(?: me| mij| ons)?(?: alsjeblieft| please)?\W*$",
        None,
    ),
    # Urgent requests for help, security or police: "ik heb nu hulp nodig", "stuur hulp",
    # "beveiliging naar de receptie nu", "I need security now", "kom snel", "help quickly".
    (
        "help_urgent",
        r"\b(?:heb|hebben|need|needs) (?:nu |dringend |direct |meteen |snel |now |urgent "
        r"|urgently |immediate )+(?:hulp|help|politie|police|beveiliging|security|backup)\b"
        r"|\b(?<!with the )(?<!bij de )(?<!geen )(?<!no )(?:hulp|help|beveiliging|security|politie"
        r"|police|backup"
        r"|assistentie)(?: nodig| needed)?(?: (?:naar|to|bij|at|in|op)(?: [\w']+){0,3}?)?"
        r" (?:nu|now|right now|asap|immediately|direct|meteen|dringend)\b"
        r"|\b(?:nu|now) (?:direct |meteen |onmiddellijk )?(?:hulp|beveiliging|politie|security"
        r"|police|help) (?:nodig|needed)\b"
        r"|\b(?:snel|dringend|urgent|immediate) (?:hulp|help|beveiliging|security|politie"
        r"|police)\b"
        r"|\b(?:help|hulp) (?:snel|quick|quickly|fast|asap|dringend|urgent)\b"
        r"|\b(?:stuur|send) (?:(?:nu|now|snel|direct|meteen|quickly|alsjeblieft|please) )*"
        r"(?:hulp|help|iemand|someone|somebody"
        r"|de politie|the police|politie|police|security|beveiliging|een ambulance"
        r"|an ambulance)\b"
        r"|\bkom (?:nu |alsjeblieft |snel |direct |meteen )*(?:snel|alsjeblieft|direct|meteen"
        r"|helpen)\b|\bkom (?:nu|hier)\s*(?:!|$)"
        r"|\bkom (?:naar|in|op) (?:[\w']+ ){0,3}?(?:snel|nu|direct|meteen)\b"
        r"|\bkom (?:met spoed|als de bliksem|zo snel mogelijk)\b"
        r"|\bcome (?:(?:to|over to|down to|up to) (?:[\w']+ ){0,3}?)?(?:quick|quickly|fast|now"
        r"|help|asap)\b"
        r"|\b(?:we|i) need (?:security|the police|police|backup)\b"
        r"|\b(?<!geen )(?<!niet )(?:beveiliging|politie|backup) nodig\b"
        r"|\b(?:kan|can) (?:iemand|someone|somebody) (?:nu |snel |now |quickly )?(?:komen"
        r"|come)\b(?![^.!?]{0,40}?\b(?:tomorrow|morgen|overmorgen|later|next week|volgende"
        r" week)\b)"
        # "crisisdienst nu iemand nodig", "need someone here now"
        r"|\b(?:nu|direct|meteen) (?:iemand|mensen) nodig\b|\bneed (?:someone|somebody)"
        r" (?:here )?(?:now|asap|right now)\b",
        None,
    ),
)
