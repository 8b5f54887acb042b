"""The acute-danger rules as data: word lists (macros) and the named patterns built from them.

Patterns are matched against text folded by `nlu.rule_text.normalise_for_rules`; `<NAME>` in a
pattern expands to the macro NAME (`expand_macros`). `nlu.acute.AcuteDangerRules` compiles
them and adds the tense guards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["MACROS", "PATTERNS", "AcutePattern", "expand_macros"]

# --------------------------------------------------------------------------- word lists
# Macros are regex fragments without capturing groups; they are matched against folded text
# (lowercase, no accents, single spaces, typographic apostrophes made straight).

MACROS: dict[str, str] = {
    # "Now" markers: the danger is happening at this moment.
    "NOW": (
        r"(?:nu|nou|nu meteen|nu direct|op dit moment|op het moment|op dit ogenblik|momenteel"
        r"|right now|now|at the moment|at this moment|currently|as we speak)"
    ),
    # Words that bring a sentence back to the present after a past marker ("he was here
    # last week and is still here"): they reset the tense guard, they do not signal danger.
    "RESET": r"(?:<NOW>|nog|nog steeds|weer|alweer|net|zojuist|still|again|just)",
    # Danger words that, next to a "now" marker, signal acute danger.
    "DANGER": (
        # Dutch weapons
        r"(?:mes|messen|wapen|wapens|pistool|vuurwapen|geweer|revolver|bijl|knuppel"
        # Dutch violence, threat, pursuit (present tense and passive participles)
        r"|slaat|slaan|schopt|stompt|wurgt|steekt|duwt|bijt|aanvallen|aanvalt|aangevallen"
        r"|valt (?:me|mij|ons|haar|hem|iemand|mensen|(?:een|mijn) collega) aan"
        r"|dreigt|dreigen|bedreigt|bedreigd|achtervolgt|achtervolgd|gevolgd|volgt (?:me|mij|ons)"
        r"|agressief|gewelddadig|gevaarlijk|gevaarlijke|door het lint|gijzelt|gegijzeld"
        # Dutch presence at the door or inside, in main and subordinate word order
        r"|(?:staat|staan|wacht|wachten) (?:[\w']+ ){0,3}?(?:voor|bij|buiten bij) "
        r"(?:de|mijn|m'n|onze|het) (?:deur|voordeur|huis|woning|auto|kamer)"
        r"|(?:voor|bij) (?:de|mijn|m'n|onze|het) (?:deur|voordeur|huis|woning|auto) "
        r"(?:staat|staan|is|zijn|wacht|wachten)"
        r"|(?:hij|zij|ze|ie|de dader|die man|die vrouw|de man|de vrouw)"
        r" (?:is |komt |staat |loopt )?(?:nu |weer |gewoon )*binnen"
        r"|binnengedrongen|breekt in|in gevaar|niet veilig|onveilig"
        # English weapons, violence, pursuit, presence
        r"|knife|knives|gun|guns|weapon|pistol|firearm|blade|axe|dangerous"
        r"|attacking|attacks|attack me|hitting|beating|punching|kicking|choking|strangling"
        r"|stabbing|threatening|threatens|following me|following us|chasing|aggressive|violent"
        r"|at (?:my|the|our) (?:door|front door|house|home|car)"
        r"|outside (?:my|the|our) (?:door|house|home|room|office)|breaking in|broke in"
        r"|(?:he|she|they|someone|somebody|the man)(?: is| are|'s|'re)? (?:now )?inside"
        r"|in danger|not safe|unsafe)"
    ),
    # Injuries in the present: "ik bloed", "I'm bleeding".
    "INJURY": (
        r"(?:ik bloed|ik ben gewond|bloedt|gewond|i'm bleeding|i am bleeding|im bleeding"
        r"|bleeding|injured|wounded|hurting me|doet me pijn)"
    ),
    # Time markers of a past event: the story is over.
    "PAST_TIME": (
        r"(?:gisteren|eergisteren|gisteravond|gistermiddag|gisterochtend|gisternacht"
        r"|vorige (?:week|maand|keer|dienst|nacht|dag)|vorig jaar|laatst|destijds|toen"
        r"|afgelopen (?:week|maand|nacht|weekend|jaar|dienst|dagen|weken|maanden)"
        r"|vanochtend|vanmorgen|eerder vandaag|geleden|een tijdje terug"
        r"|yesterday|last (?:week|month|night|year|time|shift|weekend)|ago|earlier today"
        r"|this morning|back then|in the past)"
    ),
    # Habitual or long-running markers: a pattern, not an emergency at this moment.
    "HABIT": (
        r"(?:al (?:dagen|weken|maanden|jaren|een tijd|tijden|een hele tijd)"
        r"|elke (?:dag|week|dienst|keer|nacht)|iedere (?:dag|week|dienst|keer|nacht)"
        r"|vaak|regelmatig|steeds weer|soms|altijd|sinds"
        r"|for (?:days|weeks|months|years|a while)|every (?:day|week|shift|time|night)"
        r"|often|regularly|sometimes|always|since|used to)"
    ),
    # Finite past-tense verbs: the danger word belongs to a finished event.
    "PAST_FINITE": (
        r"(?:had|hadden|was|waren|werd|werden|zei|zeiden|riep|riepen|dreigde|dreigden"
        r"|bedreigde|bedreigden|sloeg|sloegen|schopte|achtervolgde|volgde|stond|stonden|kwam"
        r"|kwamen|viel|vielen|trok|trokken|gooide|probeerde|liet|hield|zwaaide|zwaaiden|pakte"
        r"|stak|duwde|beet|schreeuwde|belde|stuurde|appte|ging|liep|zat|rende|greep"
        r"|threatened|attacked|followed|chased|stabbed|pulled|waved|grabbed|said|told|were"
        r"|came|stood|tried|showed|used|punched|kicked|pushed|shouted|yelled|called|sent|went"
        r"|ran|sat|held|did)"
    ),
    # Participles that, after the danger word, close a finished event ("dat hij een mes had
    # getrokken"); ignored in a present passive ("er wordt een mes getrokken").
    "PARTICIPLE": (
        r"(?:gehad|getrokken|getoond|gebruikt|gezien|gestoken|geslagen|geschopt|gedreigd"
        r"|meegenomen|laten zien|bedreigd|aangevallen)"
    ),
    # Words about reporting or asking: "can I now report a threat with a knife" is not danger.
    "REPORTING": (
        r"(?:melden|melding|meld|aangifte|rapporteren|vertellen|vragen|vraag|doorgeven"
        r"|report|reporting|tell|ask|asking|question)"
    ),
    # Present-tense verbs (and "with") that place a weapon in the room.
    "HOLDS": (
        r"(?:heeft|hebben|houdt|zwaait|zwaaien|trekt|pakt|staat|staan|loopt|zit|is|er is"
        r"|richt|wijst|dreigt|dreigen|bedreigt|met"
        r"|has|have|'s got|has got|is holding|holds|holding|is waving|waving|waves|pulls"
        r"|is pulling|there's|there is|carries|is carrying|got|pointing|points|aims|aiming"
        r"|threatens|threatening|with)"
    ),
    "WEAPON": (
        r"(?:mes|messen|wapen|pistool|vuurwapen|geweer|revolver|bijl|knuppel|schaar"
        r"|knife|knives|gun|weapon|pistol|firearm|blade|axe|machete)"
    ),
    # Who can be the object of an attack.
    "VICTIM": (
        r"(?:me|mij|ons|haar|hem|iedereen|mensen|(?:een|mijn|de) (?:collega|verpleegkundige"
        r"|zuster|arts|dokter|medewerker|client|patient)"
        r"|us|her|him|everyone|people|staff|(?:a|my|the) (?:colleague|nurse|doctor|coworker))"
    ),
    # Who can be the attacker in "<someone> staat voor de deur" and "<someone> is here".
    "PERSON": (
        r"(?:hij|zij|ze|ie|iemand|die man|die vrouw|de man|de vrouw|een man|een vrouw"
        r"|de dader|de patient|een patient|de client|een client|de vader|de moeder|de zoon"
        r"|de bezoeker|een bezoeker|zijn vader|haar vader|he|she|they|someone|somebody"
        r"|the man|the woman|a man|a woman|the patient|a patient|the visitor|a visitor)"
    ),
    # Platforms: "he is following me on instagram" is not pursuit in the street.
    "ONLINE": (
        r"(?:(?:op|on|via|through|in) (?:instagram|insta|twitter|x|tiktok|facebook|fb|linkedin"
        r"|youtube|snapchat|whatsapp|social media|sociale media|internet|berichten|messages"
        r"|dm|dms|de app|the app)|online|met berichten|with messages|by text)"
    ),
    # Conjunctions that start a new clause.
    "CONJ": r"(?:en|maar|want|omdat|terwijl|and|but|because|while)",
    # A sentence gap of up to 60 characters without past, habitual or reporting words.
    "GAP": (r"(?:(?!\b(?:<PAST_TIME>|<HABIT>|<PAST_FINITE>|<REPORTING>)\b)[^.!?;:\n]){0,60}?"),
}


@dataclass(frozen=True)
class AcutePattern:
    """One named rule; `pattern` may use `<MACRO>` references."""

    name: str
    pattern: str


# The rules, most specific first. Every match must also pass the tense guards in
# `AcuteDangerRules` (no past, habitual or reporting marker governing it).
PATTERNS: tuple[AcutePattern, ...] = (
    # A cry for help as the whole message: "help!", "HELP ME", "help help".
    # Not "/help" (a bot command), not a bare "help" (how people ask for the menu, the
    # classifier still weighs it) and not "help?" (a question about how the bot works).
    AcutePattern(
        "help_cry",
        r"^(?!/)(?!\s*help\s*$)\W*(?:help|hlep|hepl|hellp|helpp|help me|help mij|help ons|helpen"
        r"|please help(?: me)?|help me please|help alsjeblieft|help (?:me )?(?:snel|nu|pls|aub))"
        r"(?:\W+(?:help|hulp|please|pls|aub|alsjeblieft|snel|nu))*\s*!*\s*$",
    ),
    # "hulp!" needs the exclamation: plain "hulp" is usually a request for the menu.
    AcutePattern("help_cry_hulp", r"^(?!/)\W*(?:hulp|hulp nodig|help)\s*!+\s*(?:!|\s)*$"),
    # "Help" that opens a longer message ("help, I'm bleeding"), shouted anywhere ("help!"),
    # or closes one (", help"); not "help, hoe werkt dit" or "help me met melden".
    AcutePattern(
        "help_in_message",
        # (Possessive groups: "help me met melden" must not backtrack past the "me".)
        r"^(?!/)\W*(?:help|hlep|helpp|hulp)(?>(?: me| mij| ons)?)(?>(?: alsjeblieft| please"
        r"| pls)?)(?:\s*[,!]+\s*|\s+)(?!(?:bij|met|with|for|voor|hoe|how|wat|what|waar|where"
        r"|welke|which|kan|can|could|is|even|eens|effe|out|op weg|ik snap|ik begrijp"
        r"|ik weet niet|i don't|ik wil|i want|i'd like|menu|nodig bij)\b)[a-z]"
        r"|\b(?:help|hulp)(?: me| mij| ons)?\s*!"
        r"|[,;]\s*(?:help|hulp)(?: me| mij| ons)?(?: alsjeblieft| please)?\W*$",
    ),
    # Urgent requests for help, security or police: "ik heb nu hulp nodig", "stuur hulp",
    # "beveiliging naar de receptie nu", "I need security now", "kom snel", "help quickly".
    AcutePattern(
        "help_urgent",
        r"\b(?:heb|hebben|need|needs) (?:nu |dringend |direct |meteen |snel |now |urgent "
        r"|urgently |immediate )+(?:hulp|help|politie|police|beveiliging|security|backup)\b"
        r"|\b(?:hulp|help|beveiliging|security|politie|police|backup|assistentie)"
        r"(?: nodig| needed)?(?: (?:naar|to|bij|at|in|op)(?: [\w']+){0,3}?)?"
        r" (?:nu|now|right now|asap|immediately|direct|meteen|dringend)\b"
        r"|\b(?:nu|now) (?:direct |meteen |onmiddellijk )?(?:hulp|beveiliging|politie|security"
        r"|police|help) (?:nodig|needed)\b"
        r"|\b(?:snel|dringend|urgent|immediate) (?:hulp|help|beveiliging|security|politie"
        r"|police)\b"
        r"|\b(?:help|hulp) (?:snel|quick|quickly|fast|asap|dringend|urgent)\b"
        r"|\b(?:stuur|send) (?:(?:nu|now|snel|direct|meteen|quickly) )?(?:hulp|help"
        r"|de politie|the police|politie|police|security|beveiliging|een ambulance"
        r"|an ambulance)\b"
        r"|\bkom (?:nu |alsjeblieft |snel |direct |meteen )*(?:snel|alsjeblieft|direct|meteen"
        r"|helpen)\b|\bkom (?:nu|hier)\s*(?:!|$)"
        r"|\bcome (?:quick|quickly|fast|now|help)\b"
        r"|\b(?:kan|can) (?:iemand|someone|somebody) (?:nu |snel |now |quickly )?(?:komen"
        r"|come)\b",
    ),
    # "Ik ben in gevaar", "I am in danger", "we zijn niet veilig", "mijn leven is in gevaar".
    AcutePattern(
        "in_danger",
        r"\b(?:ik ben|ik zit|we zijn|wij zijn|i am|i'm|im|we are|we're)"
        r" (?:nu |hier |echt |now |here |really |so )*"
        r"(?:in gevaar|in levensgevaar|niet veilig|onveilig|in danger|not safe|unsafe)\b"
        # Feeling unsafe in general is aftercare; feeling in danger is acute.
        r"|\b(?:ik voel me|i feel) (?:nu |now |echt |really )*(?:in gevaar|in danger)\b"
        r"|\b(?:mijn|ons|my|our) (?:leven|life|lives) (?:is |zijn |are )?(?:nu |now )?"
        r"(?:in gevaar|in danger)\b|\blevensgevaar\b",
    ),
    # Injured now: "ik bloed", "ik ben gewond", "I've been stabbed", "er ligt iemand gewond".
    AcutePattern(
        "injured",
        r"\b(?:ik bloed|ik ben gewond|ik ben (?:net |zojuist )?(?:gestoken|neergestoken"
        r"|neergeschoten|beschoten)|(?:i'm|i am|im) (?:bleeding|injured|wounded)"
        r"|(?:i've|i have|ive) been (?:stabbed|shot|hit|injured|attacked)"
        r"|(?:er ligt|there's|there is) (?:iemand|someone|somebody) (?:gewond|injured|bleeding)"
        r"|(?:iemand|someone|somebody) is (?:gewond|injured|bleeding|hurt)"
        r"|(?:hij|ze|zij|he|she) (?:bloedt|is bleeding))\b",
    ),
    # "Ik word aangevallen", "my colleague is being attacked", "er wordt geschoten".
    AcutePattern(
        "being_attacked",
        r"\b(?:word|wordt|worden|am being|is being|are being|'m being|'re being|im being)"
        r" (?:nu |now |right now |hier |here |net |weer )*"
        r"(?:aangevallen|geslagen|geschopt|gewurgd|gestoken|achtervolgd|gevolgd|gegijzeld"
        r"|vastgehouden|aangerand|betast|gebeten|bedreigd met een <WEAPON>|attacked|hit"
        r"|beaten|punched|kicked|followed|chased|choked|strangled|stabbed|held hostage"
        r"|assaulted|groped|threatened with a <WEAPON>)\b"
        r"|\ber (?:wordt|worden) (?:[\w']+ ){0,4}?(?:geschoten|gevochten|gegooid|geslagen"
        r"|gestoken|gedreigd met)\b",
    ),
    # A violent event under way: "schietpartij", "shots fired", "there's a fight".
    AcutePattern(
        "violent_event",
        r"\b(?:schietpartij|steekpartij|gijzeling|vechtpartij|shots (?:are being )?fired"
        r"|gunfire|active shooter|there's a fight|there is a fight|a fight (?:is )?"
        r"(?:going on|breaking out))\b",
    ),
    # An attack in progress: "hij slaat me", "ze valt mijn collega aan", "he is hitting me",
    # "someone's trying to strangle me", "hij staat op de gang te dreigen".
    AcutePattern(
        "attack_in_progress",
        r"\b(?:slaat|schopt|stompt|wurgt|steekt|bijt|duwt|knijpt|trapt) <VICTIM>\b"
        r"|\b(?:valt|vallen) <VICTIM> (?:nu |weer )?aan\b"
        r"|\b(?:attacking|hitting|beating|punching|kicking|choking|strangling|stabbing|hurting"
        r"|grabbing|pushing) <VICTIM>\b"
        r"|\b(?:trying to|tries to|probeert (?:me|mij|ons) te) (?:strangle|choke|kill|stab|hit"
        r"|hurt|grab|wurgen|slaan|steken|vermoorden|pakken)\b"
        r"|\bknijpt (?:mijn|m'n|de|haar|zijn) keel\b"
        r"|\btrekt aan (?:mijn|m'n) (?:kleren|haar|arm)\b|\bpulling (?:at )?my (?:clothes|hair)\b"
        r"|\b(?:slaat|trapt|gooit|smijt) (?:[\w']+ ){0,2}?kapot\b"
        r"|\bsmashing (?:everything|things)\b"
        r"|\b(?:staat|staan|loopt|lopen) (?:[\w']+ ){0,4}?te (?:dreigen|schreeuwen|slaan"
        r"|schoppen|razen|tieren)\b"
        r"|\b(?:dreigt|dreigen) (?:me |mij |ons |iedereen |mijn collega )?te (?:slaan|steken"
        r"|vermoorden|doden|schieten|neersteken|neerschieten|pakken)\b(?! <ONLINE>)"
        r"|\bthreatening (?:to (?:kill|stab|shoot|hurt|attack|hit)|<VICTIM>)\b(?! <ONLINE>)",
    ),
    # Held, trapped or hiding: "hij houdt me vast", "I can't get out", "ik zit opgesloten".
    AcutePattern(
        "trapped",
        r"\b(?:houdt|heeft|hebben|houden) (?:me|mij|ons|(?:mijn|een) collega) vast\b"
        r"|\b(?:holding|grabbing|grabbed) (?:me|us|my colleague)\b"
        r"|\blaat (?:me|mij|ons) niet (?:gaan|los|weg|door)\b"
        r"|\b(?:won't|will not|doesn't|does not) let (?:me|us) (?:go|leave|out|through)\b"
        r"|\b(?:ik|we) (?:kan|kunnen) (?:hier )?niet (?:weg|naar buiten|eruit|vluchten)\b"
        r"|\b(?:i|we) (?:can't|cannot|can not) (?:get out|leave|escape|get away)\b"
        r"|\b(?:blokkeert|blocking|blocks) (?:de|the|my|onze|our) (?:deur|door|uitgang|exit)\b"
        r"|\b(?:zit|zitten) (?:[\w']+ ){0,2}?opgesloten\b|\bheb(?:ben)? (?:me|mij|ons) opgesloten\b"
        r"|\b(?:ben|zijn) ingesloten\b|\blocked (?:myself|ourselves) in\b"
        r"|\b(?:i'm|i am|we're|we are) trapped\b"
        r"|\b(?:hiding|verstop(?:t)? (?:me|mij|ons)|verstoppen ons) (?:in|under|behind|onder"
        r"|achter)\b"
        r"|\bdurf (?:[\w']+ ){0,3}?niet (?:uit|weg|naar buiten)\b"
        r"|\b(?:bang|scared|afraid) (?:om|to) (?:weg te gaan|naar buiten te gaan|leave|go out)\b"
        r"|\b(?:staan|staat) (?:[\w']+ ){0,3}?om (?:me|mij|ons) heen\b",
    ),
    # Someone coming at them: "komt op me af", "he's coming for me", "hij zoekt me".
    AcutePattern(
        "approaching",
        r"\bkomt (?:[\w']+ ){0,2}?op (?:me|mij|ons) af\b"
        r"|\b(?:hij|ze|zij|ie) komt eraan\b"
        r"|\b(?:coming|comes|running) (?:at|for|after|towards|toward) (?:me|us)\b"
        r"|\b(?:zoekt|zoeken) (?:me|mij|ons)\b(?! <ONLINE>)"
        r"|\blooking for (?:me|us)\b(?! <ONLINE>)"
        r"|\b(?:hij|ze|zij|ie) (?:gaat|gaan) niet weg\b"
        r"|\b(?:won't|will not|refuses to) (?:leave|go away)\b",
    ),
    # Pursuit in progress, not on a platform: "hij volgt me", "someone is following me".
    AcutePattern(
        "pursuit_in_progress",
        r"\b(?:achtervolgt|volgt|achtervolgen|volgen) (?:me|mij|ons)\b(?! (?:al )?<ONLINE>)"
        r"|\bloopt (?:achter (?:me|mij|ons) aan)\b"
        r"|\b(?:following|chasing|stalking) (?:me|us)\b(?! <ONLINE>)",
    ),
    # "Hij staat voor de deur", "he's outside my house", "he's waiting by my car".
    AcutePattern(
        "at_the_door",
        r"(?:\b<PERSON> (?:staat|staan|wacht|wachten)|\b(?:staat|staan|wacht|wachten) <PERSON>) "
        r"(?:nu |nou |weer |hier |al |gewoon |nog steeds |op dit moment |op het moment )*"
        r"(?:voor|bij|buiten bij|aan) (?:de|mijn|m'n|onze|het) "
        r"(?:deur|voordeur|huis|woning|auto|kamer|balie)\b"
        r"|\b<PERSON>(?: is| are|'s|'re)? (?:now |standing |waiting |still )*"
        r"(?:at|outside|in front of|by) (?:my|the|our) (?:door|front door|house|home|car|room)\b"
        r"|\b(?:voor|bij) (?:de|mijn|m'n|onze) (?:deur|voordeur|huis|woning) (?:staat|staan|is)\b",
    ),
    # "Hij is hier", "he is here", "he's still here", "er is iemand binnen".
    AcutePattern(
        "is_here",
        r"\b(?:hij|zij|ze|ie|die man|die vrouw|de dader) (?:is|zijn|staat|komt|komen) "
        r"(?:er |nu |weer |alweer |gewoon )*"
        r"(?:hier|binnen|binnengedrongen|in het gebouw|in mijn huis|op de afdeling)\b"
        r"|\b(?:hij|zij|ze|ie|de dader|die man|die vrouw) (?:is|staat|zit) (?:er |hier )*nog"
        r"(?: steeds)?(?: hier| er| binnen)?(?=\W|$)"
        r"|\b(?:he|she|they|the man|the patient)(?: is| are|'s|'re) (?:now |still )?"
        r"(?:here|inside|in the building|in my house|in the house|on the ward"
        r"|standing here)\b"
        r"|\b(?:er is|there's|there is) (?:iemand|someone|somebody|een man|a man) "
        r"(?:binnen|inside)\b",
    ),
    # Breaking in: "iemand probeert binnen te komen", "they're kicking the door".
    AcutePattern(
        "intrusion",
        r"\b(?:breekt in|inbreekt|breaking in|binnengedrongen)\b"
        r"|\b(?:probeert|proberen) (?:[\w']+ ){0,3}?(?:binnen te komen|in te trappen"
        r"|in te breken|open te breken)\b|\bwil(?:len)? binnenkomen\b"
        r"|\b(?:trying to|tries to) (?:break in|get in|kick (?:in )?the door|force)\b"
        r"|\b(?:bonkt|bonst|slaat|trapt|schopt|beukt|hamert) (?:hard )?(?:op|tegen) "
        r"(?:de|het|mijn|onze) (?:deur|ramen|raam)\b"
        r"|\b(?:banging|kicking|hitting|pounding|smashing) (?:on |at )?(?:the|my|our) "
        r"(?:door|doors|window|windows)\b",
    ),
    # A weapon in the room: "hij heeft een mes", "there is a man with a gun", "hij is
    # gewapend", "he's pointing a gun at me".
    AcutePattern(
        "weapon_present",
        r"\b<HOLDS> (?:(?!\b(?:<PAST_TIME>|<PAST_FINITE>|<PARTICIPLE>|<REPORTING>)\b)"
        r"[^.!?;:\n]){0,45}?"
        r"\b<WEAPON>\b"
        r"|\b(?:gewapend|gewapende|armed)\b",
    ),
    # Fear of imminent harm: "ik ben bang dat hij me iets aandoet", "I fear for my life".
    AcutePattern(
        "fear_of_harm",
        r"\b(?:bang|doodsbang|vrees|afraid|scared|terrified|fear)\b[^.!?;\n]{0,40}?"
        r"\b(?:aandoet|aandoen|aan doet|aan doen|vermoordt|vermoorden|doodmaakt|dood maakt"
        r"|doodmaken|neersteekt|mijn leven|gaat slaan|slaat|kill|hurt|attack|stab|shoot"
        r"|my life)\b",
    ),
    # Imminent threat: "hij gaat me vermoorden", "hij zegt dat hij me nu gaat steken",
    # "he is going to kill me", "he'll stab me".
    AcutePattern(
        "imminent_threat",
        r"\b(?:gaat|gaan|wil|komt) (?:me|mij|ons|haar|hem) (?:nu )?"
        r"(?:vermoorden|doodmaken|neersteken|neerschieten|steken|slaan|aanvallen|iets aandoen)\b"
        r"|\b(?:me|mij|ons) (?:nu )?(?:gaat|komt) (?:vermoorden|doodmaken|neersteken"
        r"|neerschieten|steken|slaan|aanvallen)\b"
        r"|\b(?:is going to|is gonna|'s going to|'s gonna|will|'ll) (?:kill|stab|shoot|hurt"
        r"|attack|hit|beat) (?:me|us|her|him)\b",
    ),
    # Something violent just now: "hij heeft me net geslagen", "he just grabbed a knife".
    AcutePattern(
        "just_happened",
        r"\b(?:net|zojuist) (?:[\w']+ ){0,4}?(?:gestoken|neergestoken|geslagen|geschopt"
        r"|aangevallen|getrokken|gewurgd|beschoten|geschoten|gebeten)\b"
        r"|\bjust (?:stabbed|attacked|shot|punched|kicked|hit|grabbed|pulled|bit|choked) "
        r"(?:<VICTIM>|(?:a|an|the|his|her|out a) <WEAPON>)\b",
    ),
    # Emergency numbers and calls for the police: "bel 112", "call 911", "haal de politie".
    AcutePattern(
        "call_emergency",
        r"\b(?:bel|bellen|call|dial|ring) (?:nu |now |snel |direct |meteen |asap )?"
        r"(?:112|911|999|de politie|politie|the police|police|security|de beveiliging"
        r"|beveiliging)\b|\b112 (?:bellen|gebeld|calling|called)\b"
        r"|\b(?:haal|get) (?:de |the )?(?:politie|police|beveiliging|security)\b"
        r"|\b(?:kan|can) (?:iemand|someone|somebody|you|je) (?:de |the )?(?:politie|police|112"
        r"|beveiliging|security) (?:bellen|call)\b|\b(?:can|could) (?:someone|somebody|you) "
        r"call (?:the police|112|security)\b"
        r"|^\W*112\W*$",
    ),
    # Emergency words: "noodgeval", "emergency", "SOS", or just "nood".
    AcutePattern(
        "emergency_word", r"\b(?:noodgeval|noodsituatie|emergency|sos|mayday)\b|^\W*nood\W*$"
    ),
    # "Now" plus a danger word in the same sentence, no past or reporting word in between:
    # "hij staat nu voor de deur", "right now a patient is attacking a nurse".
    AcutePattern("now_then_danger", r"\b<NOW>\b<GAP>\b(?:<DANGER>|<INJURY>)\b"),
    # A danger word closely followed by "now": "he has a knife right now", "met een mes nu!".
    # The gap stays inside the clause: "he had a knife and now I report it" is a story.
    AcutePattern(
        "danger_then_now",
        r"\b<DANGER>\b(?:(?!\b<CONJ>\b)[^,.!?;:\n]){0,25}?\b<NOW>\b",
    ),
)


def expand_macros(pattern: str) -> str:
    """The pattern with every `<MACRO>` replaced by its regex fragment."""
    for _ in range(5):  # macros may reference macros
        expanded = re.sub(r"<([A-Z_]+)>", lambda m: MACROS[m.group(1)], pattern)
        if expanded == pattern:
            return expanded
        pattern = expanded
    return pattern
