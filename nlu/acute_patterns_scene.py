"""Acute-danger rules for scenes a ninth blind development round showed missing: someone
going after others, a weapon being drawn, flames seen, someone riding or walking right
behind the melder, a client at the edge of a roof or on the wrong side of a railing, a
plea to hurry, and the man from earlier standing next to the melder.

Same format and the same tense guards as `nlu.acute_patterns_now`; tried after
`nlu.acute_patterns_short`.
"""

from __future__ import annotations

from nlu.acute_words import Category

# Whom someone goes after: "the other residents", "everyone", "mijn collega".
_OTHERS = (
    r"(?:the |other |another |my |our |a |his |her |de |andere |een |mijn |onze )*(?:residents?"
    r"|patients?|clients?|colleagues?|staff|kids|children|people|nurses?|everyone|everybody"
    r"|us|me|him|her|them|bewoners?|patienten|patient|clienten|client|collega'?s|collega"
    r"|kinderen|mensen|iedereen|ons|mij|hem|haar|carers?|one|others|someone|somebody|anderen"
    r"|iemand)\b"
)

SCENE_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # Going after people now: "he threw the TV and is now going after the other residents",
    # "hij gaat nu op de andere bewoners af", "gaat achter mijn collega aan".
    (
        "going_after",
        rf"\b(?:is|'s|are|'re) (?:now |still |nu )?going after {_OTHERS}"
        rf"|\bgaat (?:nu |weer )?(?:op {_OTHERS} af|achter {_OTHERS} aan)",
        Category.ATTACK,
    ),
    # A weapon being drawn: "guy at reception pulling out a knife", "trekt nu een mes".
    (
        "drawing_weapon",
        r"\b(?:(?:pulling|drawing|whipping) (?:out )?|(?:taking|getting) out )(?:a |an |his |her"
        r" |the )?"
        r"(?:big |huge |kitchen |long )?<WEAPON>\b"
        r"|\btrekt (?:nu |net |ineens |opeens )?(?:een|zijn|haar|z'n|d'r) <WEAPON>\b",
        Category.WEAPON,
    ),
    # Flames or smoke seen now: "I see flames in room 3", "ik zie rook uit kamer 4".
    (
        "fire_seen",
        r"(?:\b(?:i|we) (?:can )?see (?:flames|fire|smoke)"
        r"|\b(?:ik|we|wij) (?:zie|zien) (?:nu )?(?:vlammen|vuur|rook))\b"
        # (not a fire meant to burn: "rook van de barbecue", "smoke from the chimney")
        r"(?! (?:from|of|van|uit|bij) (?:the |de |het |a |een |our |onze )?(?:\w+ )?(?:barbecue"
        r"|bbq|chimney|schoorsteen|kaars\w*|candles?|open haard|fireplace|kampvuur|campfire"
        r"|vuurkorf|oven|buren|neighbours?))",
        Category.FIRE,
    ),
    # Someone right behind the melder since a while: "man on a bike right behind me since I
    # left work", "rijdt al de hele weg vlak achter me".
    (
        "right_behind",
        r"\b(?:right|close|just|vlak|pal|steeds) (?:behind|achter) (?:me|mij)(?: aan)?"
        r" (?:since|for|the whole|all the way|sinds|al|de hele|helemaal|vanaf)\b"
        r"|\b(?:is|'s|are|rijdt|fietst|loopt|zit) (?:still |nog steeds |al |nog )*(?:right"
        r" |close |vlak |pal )?(?:behind|achter) (?:me|mij) (?:aan )?(?:since|sinds|vanaf|al"
        r" sinds)\b",
        Category.FOLLOWED,
    ),
    # At the edge of a roof or on the wrong side of a railing: "resident on the edge of the
    # roof, wont come down", "aan de verkeerde kant van de reling".
    (
        "at_the_edge",
        r"\b(?:on|at) the (?:edge|ledge) of (?:the |a )?(?:roof|bridge|balcony|building)\b"
        r"|\bop de rand van (?:het dak|de brug|het balkon|het gebouw)\b"
        r"|\b(?:wrong|other|outer) side of the (?:railings?|barrier|balustrade|bridge railing)\b"
        r"|\b(?:verkeerde|andere|buiten) ?kant van de (?:reling|leuning|balustrade"
        r"|brugleuning)\b",
        Category.DANGER,
    ),
    # A plea to hurry, to the end of its sentence: "pls hurry he broke through the door".
    (
        "hurry_plea",
        r"(?:\b(?:please|pleas|pls|plz|alsjeblieft|aub) |^\W*)(?:hurry|schiet op)\b"
        r"(?! (?:up )?(?:met|with))[^.!?]*"
        r"|^\W*(?:please|pleas|pls|plz) (?:fast|quick|quickly)\b[^.!?]*",
        None,
    ),
    # The man from earlier standing next to the melder, saying things: "the guy from today
    # is standing next to me saying he knows where I live", "staat naast me, zegt ...".
    (
        "standing_next_to",
        r"\b(?:man|guy|bloke|he|she|hij|zij|ie|vent|gast|kerel|vrouw|woman)\b(?: \S+){0,6}?"
        r" (?:is |'s )?(?:standing|sitting|staat|zit) (?:right |vlak |pal |nu )?(?:next to"
        r"|beside|naast) (?:me|mij)\b(?= ?,? (?:and |en )?(?:(?:saying|says|telling me) (?:that )?"
        r"(?:he|she)(?:'s| is| knows| will|'ll| wants)|zegt dat (?:hij|ze|zij) (?:weet|gaat|zal"
        r"|komt|wil)|threatening|dreigt|staring|staart|shouting|schreeuwt|scheldt|swearing))",
        Category.THREAT,
    ),
)

#: Quick word tests (see `AcutePattern.needs`).
SCENE_NEEDS: dict[str, str] = {
    "going_after": r"going after|gaat",
    "drawing_weapon": r"pulling|taking out|getting out|drawing|whipping|trekt",
    "fire_seen": r"see|zie|zien",
    "right_behind": r"behind|achter",
    "at_the_edge": r"edge|ledge|rand|side|kant",
    "hurry_plea": r"hurry|schiet|fast|quick",
    "standing_next_to": r"next to|beside|naast",
}
