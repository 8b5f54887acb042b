"""A blade or a needle the melder uses for work ("ik sta met een mes uien te snijden", "I'm
holding a syringe of insulin ready for mr k"): no weapon, when nobody else is named."""

from __future__ import annotations

import re

from nlu.acute_words import expand_macros

__all__ = ["tool_in_use"]

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
