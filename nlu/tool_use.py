"""A blade or a needle the melder uses for work ("ik sta met een mes uien te snijden", "I'm
holding a syringe of insulin ready for mr k"): no weapon, when nobody else is named."""

from __future__ import annotations

import re

from nlu.acute_words import expand_macros

__all__ = ["everyday_use", "no_weapon_now", "threat_kind_named", "tool_in_use"]

_TOOL_USE = re.compile(
    expand_macros(
        r"\b(?:ik|i'm|i am|im)\b[^.!?]{0,40}?\b<WEAPON>\b[^.!?]{0,30}?\b(?:uien|groente\w*"
        r"|brood|verband|fruit|vlees|aardappel\w*|veg|vegetables|onions|bread|bandages?"
        r"|dressings?|tape|meat|potatoes|insulin|insuline|vaccin\w*|snijden|knippen|schillen"
        r"|hakken|koken|cooking|dinner|lunch)\b"
        r"|\b(?:ik|i'm|i am|im) (?:[\w']+ ){0,2}?(?:chopping|slicing|peeling|dicing|cooking"
        r"|cutting|snij|knip|schil)\w*\b[^.!?]{0,30}?\b<WEAPON>\b"
        # (also "we", with the group: "we snijden nu groente met de kids, messen liggen op tafel")
        r"|\b(?:ik|i'm|i am|im|we|we're|we are|wij)\b[^.!?]{0,20}?\b(?:uien|groente\w*|brood"
        r"|verband|fruit|aardappel\w*|bandages?|veg|vegetables|onions|potatoes)\b[^.!?]{0,50}?"
        r"\b<WEAPON>\b"
    )
)
# Someone else in the message, or a threat: then a blade is no tool in use.
_SOMEONE = re.compile(
    r"\b(?:hij|zij|he|she|they|iemand|someone|somebody|patient|client|bewoner|man|vrouw"
    r"|dreig\w*|bedreig\w*|threat\w*|attack\w*|aanval\w*|stab\w*|steek\w*)\b"
)


def tool_in_use(folded: str) -> bool:
    """True when the melder names a blade or needle they use for work, and nobody else."""
    return _TOOL_USE.search(folded) is not None and _SOMEONE.search(folded) is None


# A blade in anyone's hand for what it is made for, said calmly: "holding a knife and fork
# and eating nicely", "zit met een schaar plaatjes te knippen voor zn collage", "scheert
# haar benen", "met een mes uien te snijden voor de kookavond".
_EVERYDAY = re.compile(
    expand_macros(
        r"\b<WEAPON>\b[^.!?]{0,50}?\b(?:eating|eats|eten|eet|dinner|lunch|breakfast|ontbijt"
        r"|avondeten|andijvie|cutting out|plaatjes|pictures|collage|uien"
        r"|onions|groente\w*|vegetables|scheert|scheren|shaving|shaves|benen|legs|kookavond"
        r"|cooking|koken|bread|brood)\b"
        r"|\b(?:knife and fork|mes en vork)\b"
        r"|\b(?:uien|groente\w*|brood|aardappel\w*|onions|vegetables|bread|potatoes|vlees"
        r"|meat)\b[^.!?]{0,30}?\b<WEAPON>\b[^.!?]{0,40}?\b(?:kookgroep|kookclub|kookavond"
        r"|cooking (?:group|class|club)|voor het eten|for dinner|for lunch)\b"
    )
)
# Harm named beside it: then the blade may be a weapon after all.
_HARM = re.compile(
    r"\b(?:dreig\w*|bedreig\w*|threat\w*|attack\w*|aanval\w*|stab\w*|steek\w*|stak|zwaai\w*"
    r"|wav\w*|point\w*|richt\w*|keel|throat|nek|neck|bloed|blood|pols\w*|wrists?|armen|arms"
    r"|zichzelf|himself|herself|snijdt (?:zich|in)|cuts? (?:him|her)self|at me|naar me|op me"
    r"|smash\w*|kapot\w*|slaat|sloeg|hitting|breaking|verniel\w*|off again|weer los)\b"
)


def everyday_use(folded: str) -> bool:
    """True when a blade is held for an everyday task (eating, crafts, cooking, shaving) and
    no harm is named."""
    return _EVERYDAY.search(folded) is not None and _HARM.search(folded) is None


# A weapon word in a crime told of ("vertelde over zn tijd in de bak voor gewapende
# overval", "served time for armed robbery"), or a weapon lying about when nothing happened
# ("er is niks gebeurd maar meneer heeft een jachtmes op tafel liggen, moet ik daar iets
# mee?"): a worry to report, no danger now.
_NO_WEAPON_NOW = re.compile(
    r"\b(?:vertelde|vertelt|verteld|told|talked|talks|praatte|sprak|zat (?:vast|in de bak|in de"
    r" gevangenis)|in de bak|in (?:de )?gevangenis|in prison|in jail|served time|veroordeeld"
    r"|convicted)\b[^.!?]{0,40}?\b(?:gewapende overval|armed robbery|gewapende roofoverval"
    r"|overval|robbery|steekpartij|stabbing|schietpartij|shooting)\b"
    r"|\b(?:er is (?:nog )?(?:niks|niets) gebeurd|nothing (?:has )?happened|nothing happened"
    r"|er gebeurde (?:niks|niets))\b"
)


def no_weapon_now(folded: str) -> bool:
    """True when a weapon word names a crime told of, or a weapon lying about while nothing
    happened, and no harm is named."""
    return _NO_WEAPON_NOW.search(folded) is not None and _HARM.search(folded) is None


#: The kind of threat as a form answer names it: "bedreiging met een mes".
_THREAT_KIND = re.compile(
    expand_macros(
        r"^\W*(?:bedreiging|dreiging|threat|intimidatie|intimidation|bedreigd|threatened)"
        r" (?:met|with) (?:een |a |an |zijn |his |z'n |zn )?<WEAPON>\w*\W*$"
    )
)


def threat_kind_named(folded: str) -> bool:
    """True when the whole message names the kind of threat as a form answer does
    ("bedreiging met een mes"): a weapon told of, not in a hand now."""
    return _THREAT_KIND.match(folded) is not None
