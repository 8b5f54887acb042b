"""Acute-danger rules found missing by a thirtieth blind round (nlu/dev/danger30): calls of
a few words ("bay 4 NOW", "SECURITY ED cubicle 9", "code grey bay 12"), a colleague gone in
who does not answer the radio, someone out cold, a weapon being made (a toothbrush sharpened)
or a used needle swung, the melder's car blocked in, men at the entrance as threatened,
hands on every door handle, hiding in the sluice room, a name called while the melder is
alone, cornered, leaning over the edge of a roof, a scream and a door that won't open, a
kettle switched on again after boiling water was thrown.

Same format as `nlu.acute_patterns_force`; `nlu.acute_patterns` makes them AcutePatterns.
"""

from __future__ import annotations

from nlu.acute_words import Category

# A place of a hospital or ward as a call names it: "bay 4", "ED cubicle 9", "A&E majors".
_SPOT = (
    r"(?:[\w&']+\s+){0,2}?(?:bay|room|rm|kamer|kmr|afd\w*|ward|unit|cubicle|box|suite|majors"
    r"|minors|resus|seh|a&e|ed|reception|balie|corridor|gang|ingang|entrance|dayroom"
    r"|huiskamer)(?:\s*\d+\w?)?"
)

CALLS_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # A place and a call, the whole message: "bay 4 NOW", "🚨 A&E majors now", "kmr 3 snel".
    (
        "place_now",
        rf"^\W*{_SPOT}(?:\s+[\w&']+)?\s*[,!]*\s*(?:now|nu|help|hulp|hlep|asap|snel|quick|urgent"
        r"|spoed)\W*$",
        Category.DANGER,
    ),
    # Security called to a place: "SECURITY ED cubicle 9", "beveiliging SEH box 6", "security
    # to the 136 suite, he's broken the bed frame".
    (
        "security_to",
        rf"^\W*(?:security|beveiliging|bev|bewaking)\s+(?:to\s+|naar\s+|at\s+|in\s+|needed\s+"
        rf"(?:at|in)\s+|nodig\s+(?:op|in|bij)\s+)?(?:the\s+|de\s+|het\s+)?{_SPOT}\s*(?:[,!]|now"
        r"|nu|asap|pls|please|$)",
        Category.DANGER,
    ),
    # A hospital emergency code, or hands asked for: "code grey bay 12 need more hands".
    (
        "emergency_code",
        r"^\W*code (?:grey|gray|black|white|purple|zwart|grijs|wit|paars)\b(?! (?:training|drill"
        r"|oefening|exercise))"
        r"|\b(?:need|needs|needed) (?:more|extra) (?:hands|staff|bodies|people) (?:now|asap|here"
        r"|urgently)?\W*$|\bmeer handen nodig\b",
        Category.DANGER,
    ),
    # A colleague gone in who does not answer: "isnt answering her radio", "reageert nie op
    # de portofoon".
    (
        "radio_silent",
        r"\b(?:isn't|isnt|is not|not|no longer|stopped) (?:answering|responding on|responding to"
        r"|picking up) (?:her|his|the|their|my|our) (?:radio|phone|pager|bleep|walkie)"
        r"|\breageert (?:niet|nie) (?:meer )?op (?:de|haar|zijn|zn|mn|mijn) (?:portofoon|porto"
        r"|telefoon|pieper|semafoon)",
        Category.DANGER,
    ),
    # Knocked out now: "my crewmate is out cold on the pavement", "ligt bewusteloos".
    (
        "out_cold",
        r"\b(?:is|'s|are|'re|ligt|liggen|lies|lying) (?:now |nu |still |nog )?(?:[\w']+ )?"
        r"(?:out cold|unconscious|bewusteloos|buiten westen|knocked out)\b",
        Category.DANGER,
    ),
    # A weapon being made or swung: "sharpening the end of a toothbrush", "zwaait met een
    # gebruikte insulinenaald".
    (
        "weapon_made",
        r"\b(?:is|'s|are|'re) (?:now )?sharpening\b|\bslijpt (?:een |de |zn |zijn )?(?:[\w']+ )?"
        r"(?:tandenborstel|lepel|stok|potlood|mes|stuk)"
        r"|\b(?:zwaait|zwaaien|dreigt|prikt|steekt|waving|threatening|jabbing|lunging) (?:[\w']+ )"
        r"{0,4}?(?:naald|injectienaald|insulinenaald|spuit|needle|syringe)\w*",
        Category.WEAPON,
    ),
    # The melder's car blocked in: "van has blocked my car in", "zet mn auto klem".
    (
        "car_blocked_in",
        r"\b(?:has|have|'s|is|are|'re) (?:just )?(?:blocked|blocking) (?:my|our) (?:car|van)"
        r" in\b|\b(?:zet|zetten|heeft|hebben|staat|staan) (?:mijn|mn|m'n|onze) (?:auto|bus)"
        r" (?:nu )?(?:klem|ingesloten)\b",
        Category.THREAT,
    ),
    # Men at the entrance, as threatened: "ze zijn er, 3 man bij de ingang".
    (
        "men_at_entrance",
        r"\b(?:\d+|twee|drie|vier|vijf|two|three|four|five) (?:man|mannen|men|guys|jongens)"
        r" (?:bij|at|in|voor|outside|op) (?:de |het |the )?(?:ingang|entrance|deur|door|balie"
        r"|reception|voordeur|front door)\b",
        Category.THREAT,
    ),
    # Hands on every door: "ik hoor hem bij elke deur op de gang aan de klink voelen".
    (
        "door_handles",
        r"\baan de (?:klink|klinken|deurklink|deurklinken) (?:voelen|voelt|rammelen|rammelt"
        r"|trekken|trekt|draaien|draait)\b"
        r"|\bprobeert (?:elke|alle|iedere) (?:deur|klink)\b"
        r"|\b(?:trying|tries|testing|rattling) (?:every|each|all the) (?:door|handle)s?\b",
        Category.THREAT,
    ),
    # Hiding now, said without "I": "zit in de spoelruimte verstopt".
    (
        "hiding_here",
        r"^\W*(?:zit|zitten|ben) (?:nu |nog )?(?:[\w']+ ){0,4}?verstopt\b",
        Category.THREAT,
    ),
    # A name called while the melder is alone: "er wordt steeds aangebeld en mn naam
    # geroepen, ben alleen op de post".
    (
        "name_called_alone",
        r"\b(?:(?:mijn|mn|m'n) naam (?:wordt )?geroepen|roept (?:steeds |de hele tijd )?(?:mijn"
        r"|mn|m'n) naam|(?:screaming|shouting|yelling|calling out) my name)\b"
        r"(?=.*\b(?:alleen|alone|on my own|by myself)\b)",
        Category.THREAT,
    ),
    # Cornered: "nu heeft ie me klem in de hoek", "he's got me cornered".
    (
        "pinned_in_corner",
        r"\b(?:heeft|houdt|zet) (?:ie |hij |ze |zij )?(?:me|mij|ons) (?:nu )?klem\b"
        r"|\b(?:has|'s got|got|have|'ve got) (?:me|us) (?:cornered|pinned|trapped)\b",
        Category.TRAPPED,
    ),
    # At the edge: "on the roof of the annexe leaning over the edge", "hangt over de reling".
    (
        "over_the_edge",
        r"\b(?:leaning|hanging) over the (?:edge|railing|balcony|parapet)\b"
        r"|\bhangt (?:nu )?over de (?:rand|reling|balustrade|dakrand)\b",
        Category.DANGER,
    ),
    # A scream, then a door that won't open: "screamed and then went quiet, door wont open".
    (
        "scream_door_shut",
        r"\b(?:scream\w*|gil\w*|gegil|schreeuw\w*|went quiet|werd stil)\b[^.!?]{0,80}?\b(?:door"
        r"|deur)\w* (?:won't|wont|will not|doesn't|gaat niet|kan niet|krijg(?:en)? (?:ik|we) niet)"
        r" open\b",
        Category.TRAPPED,
    ),
    # A colleague locked in by a client: "took the keys off my colleague and locked her in the
    # seclusion room", "haar in de separeer opgesloten".
    (
        "colleague_locked_in",
        r"\blocked (?:her|him|them|my colleague|the nurse|the hca|staff) in (?:the |a |his |her )?"
        r"(?:seclusion room|seclusion|room|office|bathroom|toilet|cupboard|med room|kitchen)\b"
        r"|\b(?:haar|hem|mn collega|mijn collega|de vpk|de collega) (?:in|op) (?:de|het|een)"
        r" (?:separeer|kamer|kantoor|badkamer|toilet|wc|medicijnkamer|kast|keuken)\w* opgesloten\b",
        Category.TRAPPED,
    ),
    # Boiling water thrown and the kettle on again: "zet m opnieuw aan".
    (
        "kettle_switched_on",
        r"\b(?:zet|doet|switches|puts|turns|is (?:switching|putting|turning)|'s (?:switching"
        r"|putting|turning)) (?:m|hem|het|it|de waterkoker|the kettle) (?:weer|opnieuw|again"
        r"|back) (?:aan|on)\b",
        Category.ATTACK,
    ),
)

#: The quick test per rule (`AcutePattern.needs`).
CALLS_NEEDS: dict[str, str] = {
    "place_now": r"now|nu|help|hulp|hlep|asap|snel|quick|urgent|spoed",
    "security_to": r"security|beveiliging|bev|bewaking",
    "emergency_code": r"code|need|meer handen",
    "radio_silent": r"radio|phone|pager|bleep|walkie|portofoon|porto|telefoon|pieper|semafoon",
    "out_cold": r"out cold|unconscious|bewusteloos|buiten westen|knocked out",
    "weapon_made": r"sharpening|slijpt|naald|injectienaald|insulinenaald|spuit|needle|syringe",
    "car_blocked_in": r"blocked|blocking|klem|ingesloten",
    "men_at_entrance": r"man|mannen|men|guys|jongens",
    "door_handles": r"klink|deurklink|probeert|trying|tries|testing|rattling",
    "hiding_here": r"verstopt",
    "name_called_alone": r"naam|name",
    "pinned_in_corner": r"klem|cornered|pinned|trapped",
    "over_the_edge": r"leaning|hanging|hangt",
    "scream_door_shut": r"door|deur",
    "colleague_locked_in": r"locked|opgesloten",
    "kettle_switched_on": r"waterkoker|kettle",
}
