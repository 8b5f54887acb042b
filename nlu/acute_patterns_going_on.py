"""Acute-danger rules found missing by a twenty-seventh blind round (nlu/dev/danger27):
someone outside the melder's home now ("his car is in my street, I can see it"), a crowd
forcing its way in or a group hitting a colleague, a sheet tied to the window bars, a
raised chair over the melder, smoke from a room where a client locked himself in with a
lighter, a dog attacking now, someone breathing strangely after a blow, the attacker still
on the premises, "nu iemand nodig"; and by a twenty-eighth (nlu/dev/danger28): a fire or a
weapon as a headline ("fire room 12", "vuurwapen bij de balie HAP"), someone climbing in
through a window now, a door giving way under blows.

Same format as `nlu.acute_patterns_force`; `nlu.acute_patterns` makes them AcutePatterns.
"""

from __future__ import annotations

from nlu.acute_words import Category

# (name, pattern, category) of each rule.
GOING_ON_RULES: tuple[tuple[str, str, Category | None], ...] = (
    # At the melder's home now, seen: "his car is in my street, I can see it" (a text that
    # says "I'm outside your house now" may be one received last week).
    (
        "outside_my_home_now",
        r"\b(?:his|her|their|zijn|zn|z'n|haar) (?:car|auto) (?:is|staat) (?:now |nu |echt )*"
        r"(?:in|op) (?:my|mijn|mn|m'n) (?:street|straat|road|drive|oprit)\b",
        Category.THREAT,
    ),
    # A crowd forcing its way in, one of them holding a nurse: "pushing into the staff room,
    # ... has grabbed the nurse by her collar", "duwt zich de teampost in".
    (
        "forcing_in",
        r"\b(?:is|are|zijn) (?:now )?(?:pushing|forcing|barging|storming) (?:their |his |her )?"
        r"(?:way )?(?:into|in)\b"
        r"|\b(?:duwt|duwen|dringt|dringen) zich (?:[\w']+ ){0,3}?(?:in|binnen)\b"
        r"|\b(?:heeft|hebben|has|have|is holding|holds|houdt) (?:[\w']+ ){0,3}?(?:bij de (?:kraag"
        r"|keel|nek|haren)|by (?:the|her|his|their) (?:collar|throat|neck|hair))\b",
        Category.DANGER,
    ),
    # A group hitting someone now: "4 familieleden slaan vpk", "three men are kicking him".
    (
        "group_hitting",
        r"\b(?:\d+|twee|drie|vier|vijf|zes|paar|groep|two|three|four|five|six|several)"
        r" (?:familieleden|mannen|man|mensen|jongens|jongeren|bezoekers|family members|men"
        r"|people|guys|youths|visitors) (?:are )?(?:slaan|schoppen|trappen|beating|hitting"
        r"|kicking|attacking|vallen (?:[\w']+ ){0,2}?aan)\b",
        Category.DANGER,
    ),
    # A noose being made: "tied his bedsheet to the window bars", "laken aan de tralies
    # geknoopt".
    (
        "noose_tied",
        r"\b(?:tied|tying|knotted|ties|geknoopt|knoopt|vastgeknoopt|vastgemaakt|gebonden)"
        r" (?:[\w']+ ){0,3}?(?:bedsheet|sheet|laken|belt|riem|cord|koord|rope|touw|sjaal"
        r"|scarf)s?\b[^.!?]{0,30}?\b(?:bars|tralies|window|raam|door|deur|hook|haak|radiator"
        r"|bed|pipe|leiding)\b"
        r"|\b(?:bedsheet|sheet|laken|belt|riem|cord|koord|rope|touw|sjaal|scarf)s? (?:[\w']+ )"
        r"{0,3}?(?:aan|to|on|around|om) (?:de |het |the |his |her |zijn |haar |zn )?(?:tralies"
        r"|bars|window|raam|deur|door|haak|hook|radiator|leiding|pipe|nek|neck|keel|throat)\b"
        r"[^.!?]{0,12}?\b(?:geknoopt|vastgeknoopt|vastgemaakt|gebonden|tied|knotted)\b",
        Category.DANGER,
    ),
    # Something raised over the melder: "he's standing over me with a chair raised",
    # "houdt de stoel boven zijn hoofd".
    (
        "raised_over_me",
        r"\b(?:standing|stands|staat|stands) over (?:me|mij|us|ons)\b[^.!?]{0,40}?\b(?:raised"
        r"|in the air|above his head|omhoog|geheven|boven zijn hoofd)\b"
        r"|\b(?:chair|stoel|bottle|fles|fire extinguisher|brandblusser|stick|stok|bat|knuppel"
        r"|hammer|hamer|vase|vaas) (?:raised|held high|above (?:his|her) head|boven (?:zijn|haar"
        r"|zn) hoofd|in de lucht|omhoog)\b",
        Category.DANGER,
    ),
    # Smoke from a room, a client shut in with a lighter: "rook uit kmr 14, clt heeft zich
    # opgesloten met n aansteker".
    (
        "smoke_from_room",
        r"^\W*(?:rook|smoke) (?:uit|from|in) (?:kmr|kamer|room|rm|de|het|the|his|her)\b"
        r"|\b(?:opgesloten|locked (?:himself|herself|themselves) in) (?:[\w']+ ){0,2}?(?:met"
        r"|with) (?:een |n |a )?(?:aansteker|lighter|lucifers|matches)\b",
        Category.FIRE,
    ),
    # A dog attacking now: "rottweiler op t terrein, valt pt aan", "the dog is biting her".
    (
        "dog_attacking",
        r"\b(?:hond|dog|rottweiler|pitbull|herder|shepherd|bulldog|staffordshire|stafford)\b"
        r"[^.!?]{0,40}?\b(?:valt (?:[\w']+ ){0,2}?aan|bijt (?:in|door)|is (?:attacking|biting)"
        r"|attacks|attacking|biting)\b",
        Category.DANGER,
    ),
    # Breathing strangely after a blow, the attacker still about: "ademt raar, dader in de
    # tuin, nog op t terrein".
    (
        "breathing_oddly",
        r"\bademt (?:raar|vreemd|slecht|nauwelijks|moeilijk|zwaar|niet goed|heel oppervlakkig)\b"
        r"|\b(?:breathing (?:strangely|weird|funny|badly|oddly)|barely breathing|struggling to"
        r" breathe|can'?t breathe)\b",
        Category.DANGER,
    ),
    (
        "attacker_still_here",
        r"\b(?:dader|aggressor|attacker|perpetrator|hij|he|ze|zij|she)\b[^.!?]{0,30}?\b(?:nog|is"
        r" still|still) (?:op (?:het|t) terrein|in het gebouw|in (?:the )?building|on (?:the )?"
        r"(?:premises|site|grounds))\b",
        Category.THREAT,
    ),
    # (twenty-eighth round) a fire or a weapon as a headline: "fire room 12", "echte vlammen
    # in de spoelkeuken", "vuurwapen bij de balie HAP".
    (
        "fire_headline",
        r"^\W*(?:fire|brand|vuur)\s+(?:in\s+)?(?:room|rm|kamer|kmr|ward|afd\w*|unit)\b"
        r"|^\W*(?:room|rm|kamer|kmr|ward|afd\w*|unit|bay)\.?\s*\w{1,4}\W{0,2}\s*(?:fire|brand|rook"
        r"|smoke)\W*$"
        r"|\b(?:echte\s+)?vlammen\s+(?:in|uit|op)\s+(?:de|het|t|kamer|kmr)\b"
        r"|\bflames\s+(?:in|from|coming out of)\s+(?:the|room|rm)\b",
        Category.FIRE,
    ),
    (
        "weapon_headline",
        r"^\W*(?:een\s+|a\s+)?<WEAPON>\s+(?:bij|in|op|aan|at|on)\s+(?:de|het|t|the|room|kamer"
        r"|kmr|ward|afd|reception|receptie)\b(?![^.!?]*\b(?:kwijt|missing|gevonden|found|lost"
        r"|vermist|zoek|weg|gone)\b)",
        Category.WEAPON,
    ),
    # Coming in through a window now: "he's just climbed through the window again", "hij
    # klimt nu weer door t keukenraam".
    (
        "climbing_in",
        r"\b(?:(?:'s|is|has)\s+just\s+climbed|is\s+climbing|climbs|klimt|kruipt)\s+"
        r"(?:[\w']+\s+){0,3}?(?:through|in\s+through|door|via)\s+(?:the|t|het|de|a|een|mn|my"
        r"|our|ons)\s+\w*(?:window|raam)\b",
        Category.THREAT,
    ),
    # A door giving way under blows: "pt ramt tegen kantoordeur, scharnier komt los".
    (
        "door_giving_way",
        r"\b(?:ramt|rammen|beukt|beuken|trapt|schopt|ramming|kicking|smashing|banging)\s+"
        r"(?:[\w']+\s+){0,2}?(?:tegen|op|in|at|on|down)\s+(?:de|het|t|the|my|mn|mijn|our|onze)?"
        r"\s*\w*(?:deur|door)\b[^.!?]{0,40}?\b(?:scharnier|hinge|komt los|coming off"
        r"|geeft mee|giving way|breekt|breaking|bezwijkt)",
        Category.THREAT,
    ),
)

#: The quick test per rule (`AcutePattern.needs`).
GOING_ON_NEEDS: dict[str, str] = {
    "outside_my_home_now": r"car|auto",
    "forcing_in": r"pushing|forcing|barging|storming|duw|dring|kraag|keel|nek|haren|collar"
    r"|throat|neck|hair",
    "group_hitting": r"slaan|schoppen|trappen|beating|hitting|kicking|attacking|vallen",
    "noose_tied": r"bedsheet|sheet|laken|belt|riem|cord|koord|rope|touw|sjaal|scarf",
    "raised_over_me": r"raised|air|head|omhoog|geheven|hoofd|lucht|high",
    "smoke_from_room": r"rook|smoke|aansteker|lighter|lucifers|matches",
    "dog_attacking": r"hond|dog|rottweiler|pitbull|herder|shepherd|bulldog|stafford",
    "breathing_oddly": r"ademt|breath",
    "attacker_still_here": r"terrein|gebouw|building|premises|site|grounds",
    "fire_headline": r"fire|brand|vuur|vlammen|flames",
    "weapon_headline": r"<WEAPON>",
    "climbing_in": r"climb|klimt|kruipt",
    "door_giving_way": r"scharnier|hinge|los|coming|mee|giving|breekt|breaking|bezwijkt",
}
