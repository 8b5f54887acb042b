"""The acute-danger rules as data: named patterns built from the word lists of
`nlu.acute_words`, each with the kind of danger it recognises. Matched against text folded by
`nlu.rule_text.normalise_for_rules`; `<NAME>` expands to the macro NAME (`expand_macros`).
`nlu.acute.AcuteDangerRules` compiles them and adds the tense guards."""

from __future__ import annotations

from dataclasses import dataclass

from nlu.acute_patterns_help import HELP_RULES
from nlu.acute_patterns_more import ONGOING
from nlu.acute_rule_sets import RULE_SETS
from nlu.acute_words import MACROS, Category, expand_macros

__all__ = ["MACROS", "PATTERNS", "AcutePattern", "Category", "expand_macros"]


@dataclass(frozen=True)
class AcutePattern:
    """One named rule; `pattern` (and `needs`) may use `<MACRO>` references. `category` is
    the kind of danger it recognises; None: the words of the matched sentence tell
    (`CATEGORY_WORDS`)."""

    name: str
    pattern: str
    category: Category | None = None
    #: Words one of which a text must hold for the pattern to be tried at all: a quick
    #: test that spares the costly pattern on most messages (a regex fragment).
    needs: str | None = None


# The rules, most specific first. Every match must also pass the tense guards in
# `AcuteDangerRules` (no past, habitual or reporting marker governing it).
PATTERNS: tuple[AcutePattern, ...] = (
    *(AcutePattern(name, pattern, category) for name, pattern, category in HELP_RULES),
    # "Ik ben in gevaar", "I am in danger", "we zijn niet veilig", "mijn leven is in gevaar".
    AcutePattern(
        "in_danger",
        r"\b(?:ik ben|ik zit|we zijn|wij zijn|i am|i'm|im|we are|we're)"
        r" (?:nu |hier |echt |now |here |really |so )*"
        r"(?:in (?:groot |ernstig |acuut |echt )?gevaar|in levensgevaar|niet veilig|onveilig"
        r"|in (?:serious |grave |great |real |big |immediate |acute )?danger|not safe|unsafe)\b"
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
        Category.ATTACK,
    ),
    # "Ik word aangevallen", "my colleague is being attacked", "er wordt geschoten".
    AcutePattern(
        "being_attacked",
        r"\b(?:word|wordt|worden|am being|is being|are being|'m being|'re being|im being)"
        r" (?:(?:<NOW>|hier|here|net|weer) )*"
        r"(?:aangevallen|geslagen|geschopt|gewurgd|gestoken|achtervolgd|gevolgd|gegijzeld|geduwd"
        r"|getrapt|gekrabd|pushed|shoved|dragged|(?:mee|af|weg)gesleurd|(?:mee|weg)gesleept"
        r"|vastgehouden|aangerand|betast|gebeten|bedreigd met een <WEAPON>|in een hoek gedrukt"
        r"|klem gezet|in elkaar geslagen|attacked|hit|beaten|beaten up|punched|kicked|followed"
        r"|tailed|stalked|chased|choked|strangled|stabbed|held hostage|assaulted|groped|held down"
        r"|threatened with a <WEAPON>)\b(?! <ONLINE>)"
        r"|\b(?:gevolgd|achtervolgd) (?:word|worden)\b"
        # "collega wordt in de fietsenstalling door twee mannen in elkaar geslagen"
        r"|\b(?:wordt|worden|word) (?:[\w']+ ){1,7}?(?:in elkaar geslagen|in elkaar getrapt"
        r"|aangevallen|neergestoken|gewurgd|afgetuigd|(?:mee|af|weg)gesleurd)\b"
        # A sentence that opens with the passive: "being threatened with a bottle right now".
        r"|(?:^|[.!?;:]\s*)\W*(?:still |nog steeds )?being (?:attacked|threatened|followed|chased"
        r"|hit|beaten|punched|kicked|choked|strangled|stabbed|assaulted|held)\b"
        r"|\ber (?:wordt|worden) (?:[\w']+ ){0,4}?(?:geschoten|gevochten|gegooid|geslagen"
        r"|gestoken|neergestoken|neergeschoten|doodgeschoten|gedreigd met)\b",
    ),
    # A violent event under way: "schietpartij", "shots fired", "there's a fight" (not news
    # read: "las net over die steekpartij").
    AcutePattern(
        "violent_event",
        r"\b(?<!over die )(?<!over de )(?<!bij die )(?<!about the )(?<!about a )"
        r"(?:schietpartij|steekpartij|gijzeling|vechtpartij"
        r"|shots (?:are being |being |just (?:been )?|have just been |were just )?fired"
        r"|er is (?:een )?(?:gevecht|knokpartij|ruzie met klappen)|er vallen klappen"
        r"|punches are being thrown|(?:are|is) fighting|(?:vechten|knokken) (?:[\w']+ ){0,3}?"
        r"(?:met elkaar|op de gang|in de)|(?:hoor|horen|hear) (?:[\w']+ ){0,2}?(?:schoten"
        r"|schieten|gunshots|shots|gunfire|een explosie|an explosion)"
        r"|gunfire|active shooter|there's a (?:fight|brawl)|there is a (?:fight|brawl)"
        r"|a (?:fight|brawl) (?:is )?(?:going on|breaking out))\b",
    ),
    # An attack in progress: "hij slaat me", "he is hitting me", "hij staat op de gang te dreigen".
    AcutePattern(
        "attack_in_progress",
        r"\b(?:slaat|schopt|stompt|wurgt|steekt|bijt|duwt|knijpt|trapt) <VICTIM>\b"
        r"|\b(?:valt|vallen) <VICTIM> (?:nu |weer )?aan\b"
        r"|\b(?:attacking|hitting|beating|punching|kicking|choking|strangling|stabbing|hurting"
        r"|grabbing|pushing|assaulting) <VICTIM>\b"
        r"|\b(?:trying to|tries to|probeert (?:me|mij|ons) te) (?:strangle|choke|kill|stab|hit"
        r"|hurt|grab|wurgen|slaan|steken|vermoorden|pakken)\b"
        r"|\bknijpt (?:mijn|m'n|de|haar|zijn) keel\b"
        r"|\btrekt (?:<VICTIM> )?aan (?:mijn|m'n|haar|zijn) (?:kleren|haar|haren|arm)\b"
        r"|\b(?:dragging|pulling) <VICTIM> (?:by|across|along|over|down)\b"
        r"|\b(?:hond|honden|dog|dogs) (?:[\w']+ ){0,3}?(?:op (?:me|mij|ons) af(?:gestuurd)?"
        r"|on (?:me|us))\b"
        r"|\b(?:draait|twisting|twists) (?:mijn|m'n|my|her|his) arm\b"
        r"|\b(?:is|zijn|are) being (?:thrown|smashed|fired)\b"
        r"|\bpulling (?:at )?my (?:clothes|hair)\b|\b(?:dragging|pulling) (?:me|her|him|us) by\b"
        r"|\bslaat (?:[\w']+ ){0,4}?op <VICTIM> in\b"
        r"|\b(?:blijft|blijven) (?:me |mij |ons )?(?:slaan|schoppen|trappen|steken|dreigen)\b"
        r"|\bkeeps? (?:hitting|punching|kicking|attacking|stabbing)\b"
        r"|\b(?:gooit|smijt|slaat|gooien) (?:met )?(?:stoelen|een stoel|meubels|spullen|glazen)\b"
        r"|\b(?:throwing|smashing|hurling) (?:chairs|furniture|things|stuff|glasses|bottles)\b"
        r"|\b(?:gooit|smijt|gooien|throwing|hurling) (?:[\w']+ ){0,2}?(?:stenen|bakstenen|rocks"
        r"|stones|bricks)\b"
        r"|\b(?:zit|ligt|sits|is|'s) (?:boven ?op|on top of) <VICTIM>\b"
        r"|\b(?:drukt|drukken|duwt|duwen) <VICTIM> (?:tegen|op) (?:de grond|de muur|de vloer)\b"
        r"|\b(?:pinning|holding) <VICTIM> (?:down|to the (?:ground|floor|wall))\b"
        r"|\b(?:is|zijn) (?:[\w']+ ){0,3}?aan het (?:slaan|vechten|schoppen|steken|schieten"
        r"|dreigen|vernielen|slopen)\b"
        r"|\b(?:begint|beginnen|starting|starts) (?:te |to )(?:slaan|schoppen|vechten|hit"
        r"|fight|attack|punch|kick)\b"
        r"|\b(?:swinging|swings|lashing out|taking swings|swiping|lunging) (?:at|towards?)\b"
        r"|\b(?:slaat|zwaait|maait|haalt uit) (?:[\w']+ ){0,3}?naar <VICTIM>\b"
        r"|\b(?:squeezing|gripping|pressing on|pressing|grabbing) (?:my|her|his|their)"
        r" (?:throat|neck)\b|\bkussen (?:op|over) (?:mijn|zijn|haar|m'n) (?:gezicht|hoofd)\b"
        r"|\bpillow (?:on|over) (?:my|her|his) (?:face|head)\b|\bsmother\w*\b"
        r"|\b(?:rijdt|rijden) (?:[\w']+ ){0,2}?op (?:ons|me|mij|mensen) in\b"
        r"|\bdriving (?:at|into|towards|toward) (?:us|me|people)\b"
        r"|\b(?:slaat|trapt|gooit|smijt) (?:[\w']+ ){0,3}?kapot\b|\bsmashing (?:everything|things)"
        r"|\b(?:staat|staan|loopt|lopen) (?:[\w']+ ){0,6}?te (?:dreigen|schreeuwen|slaan"
        r"|schoppen|razen|tieren)\b"
        r"|\b(?:dreigt|dreigen) (?:me |mij |ons |iedereen |mijn collega )?(?:neer |dood )?te"
        r" (?:slaan|steken|vermoorden|doden|schieten|neersteken|neerschieten|pakken)\b(?! <ONLINE>)"
        r"|(?<!after )\bthreatening (?:to (?:kill|stab|shoot|hurt|attack|hit)|<VICTIM>)\b"
        r"(?! <ONLINE>)",
        Category.ATTACK,
    ),
    # Held, trapped or hiding: "hij houdt me vast", "I can't get out", "ik zit opgesloten".
    AcutePattern(
        "trapped",
        r"\b(?:houdt|heeft|hebben|houden) (?:me|mij|ons|(?:mijn|een) collega|(?:mijn|m'n|haar"
        r"|zijn) (?:arm|hand|pols|nek)) vast\b|\bholding (?:my|her|his) (?:arm|wrist|hand)\b"
        r"|\b(?:holding|grabbing) (?:me|us|my colleague)\b"
        r"|\b(?:laat|laten) (?:me|mij|ons) (?:[\w']+ ){0,3}?niet (?:gaan|los|weg|door|uit|eruit"
        r"|vertrekken|wegrijden|weggaan|instappen|erin|langs|naar buiten)\b"
        r"|\bwil (?:me|mij|ons) niet laten gaan\b"
        r"|\b(?:won't|will not|doesn't|does not) let (?:me|us|anyone|anybody) (?:go|leave|out"
        r"|through|drive|get in|in|pass)\b"
        r"|\b(?:ik|we) (?:kan|kunnen) (?:hier |er )?niet (?:weg|naar buiten|eruit|uit|vluchten"
        r"|wegrijden|ontsnappen)\b"
        r"|\b(?:ik|we) (?:kan|kunnen) geen kant (?:meer )?op\b"
        r"|\b(?:ik|we) (?:hier |er )?niet (?:weg|naar buiten|eruit|uit|langs) (?:kan|kunnen|mag)\b"
        r"|\b(?:houdt|houden) (?:de|het) (?:deur|raam) dicht\b|\bholding the door shut\b"
        r"|\b(?:i|we) (?:can't|cannot|can not) (?:get out of|leave) (?:the|this) (?:room|house)\b"
        r"|\b(?:i|we) (?:can't|cannot|can not) (?:get out|leave|escape|get away|drive off"
        r"|drive away|go anywhere)\b"
        # Locking a door counts when the melder is in the sentence ("... en ik kan niet weg").
        r"|\b<LOCKS>(?=[^.!?\n]{0,60}\b(?:me|mij|ons|ik|we)\b)"
        r"|\b(?:ik|we|me|mij|ons)\b[^.!?\n]{0,60}\b<LOCKS>"
        r"|\b(?:'s|has|have|'ve) locked (?:me|us|her|him|my colleague|the door|the room)\b"
        r"|\b(?:heeft|hebben) (?:me|mij|ons|mijn collega) (?:[\w']+ ){0,3}?opgesloten\b"
        r"|\b(?:en|and) (?:(?:me|mij|ons) (?:nu )?opgesloten|locked (?:me|us) in)\b"
        r"|\bsluit (?:me|mij|ons) (?:[\w']+ ){0,2}?(?:in|op)\b"
        r"|\blocking (?:the|my|our) (?:door"
        r"|room)\b|\b(?:i'm|i am|we're|we are) locked (?:in|up)\b"
        r"|\b(?:i'm|i am|we're|we are) cornered\b|\bgot (?:me|us) cornered\b"
        r"|\bbarricade(?:s|d|ert|erd)?\b|\bgebarricadeerd\b"
        r"|\b(?:blokkeert|blocking|blocks) (?:de|the|my|onze|our) (?:deur|door|uitgang|exit"
        r"|voordeur|front door|ingang|entrance)\b"
        r"|\b(?:pakt|grijpt) (?:me|mij) vast\b|\bkan (?:me|mij) niet (?:losmaken|lostrekken)\b"
        r"|\b(?:can't|cannot|can not) (?:break|get|pull) (?:free|loose|away)\b"
        r"|\b(?:zit|zitten) (?:[\w']+ ){0,2}?opgesloten\b|\bheb(?:ben)? (?:me|mij|ons) opgesloten\b"
        r"|\b(?:ben|zijn) (?:hier )?(?:ingesloten|opgesloten)\b|\blocked (?:myself|ourselves) in\b"
        r"|\b(?:'ve|have) locked (?:myself|ourselves) in\b"
        # a fragment that opens with it: "locked in the med room, he's banging on the door"
        r"|^\W*(?:locked|shut|opgesloten|ingesloten) (?:myself |ourselves )?(?:in"
        r"|inside) (?:the|a|de|het|een)\b"
        r"|\b(?:ik|we|wij) (?:heb|hebben|zit|zitten) (?:me |mij |ons )?(?:[\w']+ ){0,3}?verstopt\b"
        r"|\b(?:i'm|i am|we're|we are) (?:now |still )?hiding\b"
        r"|\b(?:i'm|i am|we're|we are) trapped\b"
        r"|\b(?:hiding|verstop(?:t)? (?:me|mij|ons)|verstoppen ons) (?:in|under|behind|onder"
        r"|achter)\b"
        r"|\bdurf (?:[\w']+ ){0,3}?niet (?:uit|weg|naar buiten|te bewegen)\b"
        r"|\b(?:i|we) (?:don't|do not|daren't|dare not) (?:dare )?(?:to )?(?:leave|go out|go"
        r" outside|move)\b|\b(?:too )?(?:scared|afraid|frightened) to move\b"
        r"|\b(?:bang|scared|afraid) (?:om|to) (?:weg te gaan|naar buiten te gaan|leave|go out"
        r"|go outside)\b"
        r"|\b(?:staan|staat) (?:[\w']+ ){0,3}?om (?:me|mij|ons) heen\b",
        Category.TRAPPED,
    ),
    # Someone coming at them: "komt op me af", "he's coming for me", "hij zoekt me".
    AcutePattern(
        "approaching",
        r"\bkomt (?:[\w']+ ){0,6}?op (?:me|mij|ons) af\b"
        r"|\b(?:hij|ze|zij|ie) komt eraan\b"
        r"|\b(?:coming|comes|running|walking|heading|storming|charging) (?:straight )?(?:at|for"
        r"|after|towards|toward) (?:me|us|my car|our car|my door|my house)\b"
        # "hes coming up the stairs", "hij komt de trap op": on the way to them now
        r"|\b(?:he's|hes|she's|shes|they're|theyre|he is|she is|they are) (?:now )?(?:coming"
        r"|running|walking|heading) (?:up|down) (?:the )?(?:stairs|corridor|hall|hallway|drive"
        r"|path)\b|\b(?:komt|komen|rent|rennen|loopt|lopen) (?:nu )?(?:de trap|het trappenhuis"
        r"|de gang|het pad|de oprit) (?:op|af|in|door)\b"
        r"|\b(?:loopt|rent|stormt|lopen|rennen) (?:[\w']+ ){0,4}?op (?:me|mij|ons) af\b"
        r"|\b(?:zoekt|zoeken) (?:me|mij|ons)\b(?! (?:op )?<ONLINE>)"
        r"(?! (?:steeds |vaak |telkens |altijd |weer |nog )*op\b)"
        r"|\blooking for (?:me|us)\b(?! <ONLINE>)(?! to (?!kill|hurt|get|beat|stab|shoot|hit)\w)"
        r"|\b(?:hij|ze|zij|ie) (?:gaat|gaan) niet weg\b"
        r"|\b(?:won't|will not|refuses to) (?:leave|go away)\b",
        Category.THREAT,
    ),
    # Pursuit in progress, not on a platform: "hij volgt me", "someone is following me".
    AcutePattern(
        "pursuit_in_progress",
        r"\b(?:achtervolgt|volgt|achtervolgen|volgen) (?:me|mij|ons)\b(?! (?:al )?<ONLINE>)"
        r"|\b(?:loopt|lopen|rijdt|rijden|fietst|rent) (?:al |steeds |nog steeds |de hele tijd )*"
        r"(?:[\w']+ ){0,5}?achter (?:me|mij|ons) aan\b"
        r"|\b(?:loopt|rijdt|zit|is) (?:al |steeds |nog steeds |de hele tijd )*achter"
        r" (?:me|mij|ons)\b"
        r"|\b(?:following|chasing|stalking|tailing) (?:me|us|my car)\b(?! <ONLINE>)"
        r"|\b<PERSON>(?:'s| is| are|'re)? (?:still |right )*behind (?:me|us)\b"
        r"|\b(?:loopt|lopen|rijdt|rent) (?:[\w']+ ){0,5}?(?:me|mij|ons) (?:[\w']+ ){0,4}?achterna\b"
        r"|\b(?:blijft|blijven) (?:me|mij|ons) (?:volgen|achtervolgen|achterna lopen)\b"
        r"|\b(?:walking|driving|running|cycling|riding) (?:right |close )?behind (?:me|us)\b"
        # "er rijdt al een kwartier een auto achter me", "die jongen fietst naast me"
        r"|\b(?:rijdt|fietst) (?:al |steeds |nog steeds |de hele tijd )*(?:[\w']+ ){0,5}?"
        r"(?:achter|naast) (?:me|mij|ons)\b"
        r"|\b(?:riding|cycling|driving) (?:right |close )?(?:alongside|next to|beside) (?:me|us)\b"
        r"|\bkeeps? (?:following|chasing|stalking) (?:me|us)\b(?! <ONLINE>)",
        Category.FOLLOWED,
    ),
    # "Hij staat voor de deur", "he's outside my house", "he's waiting by my car".
    AcutePattern(
        "at_the_door",
        r"(?:\b<PERSON> (?:staat|staan|wacht|wachten)|\b(?:staat|staan|wacht|wachten) <PERSON>) "
        r"(?:nu |nou |weer |hier |al |gewoon |echt |nog steeds |op dit moment |op het moment "
        r"|(?:me |mij |ons )?op (?:me |mij |ons )?te wachten |te wachten )*"
        r"(?:voor|bij|buiten bij|aan|op|naast) (?:de|mijn|m'n|mn|onze|het) <PLACE>\b"
        r"|\b<PERSON> (?:staat|staan|wacht|wachten) (?:me|mij|ons) op\b"
        r"|\b<PERSON> (?:staat|staan|wacht|wachten) (?:[\w']+ ){0,2}?op (?:me|mij|ons)\b"
        # (not "zit" opening a sentence or clause: "ik ben weg. zit nu in de auto" is the melder)
        r"|(?<=\S )(?<!ik )(?<!we )\b(?:staat|(?<![.!?,] )zit|is|komt) (?:(?:nu|weer|terug"
        r"|alweer) )+(?:aan|bij|voor|op|in) (?:de|het|mijn|m'n|mn|onze) <PLACE>\b"
        r"|\bstaat (?:nu |weer |al |nog steeds )*(?:voor|bij|naast|aan) (?:mijn|m'n|mn|onze)"
        r" <PLACE>\b"
        r"|(?<!i'm )(?<!i am )(?<!im )(?<!ik )(?<!'k )\b(?:zit|zitten|sitting) (?:[\w']+ ){0,3}?in"
        r" (?:mijn|m'n|my) (?:auto|car)\b(?! (?:a few|some|two|three) (?:streets|blocks|miles))"
        r"|\b(?:is|'s|are|'re) back (?:again )?(?:(?:at|in|on|outside|by) (?:the|my|our) <PLACE>"
        r"|<NOW>)\b"
        r"|\b(?:staat|staan) (?:[\w']+ ){0,3}?(?:me|mij|ons) op te wachten\b"
        r"|\b<PERSON>(?: is| are|'s|'re| has been| have been)? (?:now |standing |waiting |still "
        r"|sitting |lurking |parked )*(?:at|outside|in front of|by|on|near|next to|beside)"
        r" (?:my|the|our)"
        r" (?:own )?<PLACE>\b"
        r"|\b(?:er )?(?:staat|staan|zit|zitten) (?:al |nu |nog steeds |weer )?(?:[\w']+ ){0,5}?"
        r"<PERSON> (?:voor|bij|buiten bij) (?:de|mijn|m'n|mn|onze|het) <PLACE>\b"
        # Anyone at the melder's own door or home: "the dad of the family is at my front door".
        # (The lookahead first: the lookbehinds would otherwise run at every position.)
        r"|\b(?=(?:is|are|'s|'re) )(?<!\bwe)(?<!\byou)(?<!\bwe )(?<!\byou )(?:is|are|'s|'re)"
        r" (?:now |still |standing |waiting |sitting |right )*(?:at|outside"
        r"|in front of) (?:my|our) (?:own )?(?:front door|door|house|home|flat|bedroom window)\b"
        r"|\b<PERSON>(?: is| are|'s|'re) (?:still )?waiting (?:outside |downstairs )?for"
        r" (?:me|us)\b"
        r"|\b(?:voor|bij) (?:de|mijn|m'n|onze) (?:deur|voordeur|huis|woning) (?:staat|staan|is)\b",
        Category.THREAT,
    ),
    # "Hij is hier", "he is here", "he's still here", "er is iemand binnen".
    AcutePattern(
        "is_here",
        r"\b(?:hij|zij|ze|ie|die man|die vrouw|de dader) (?:is|zijn|staat|komt|komen) "
        r"(?:er |nu |weer |alweer |gewoon )*"
        r"(?:hier|binnen|binnengedrongen|in het gebouw|in mijn huis|op de afdeling)\b"
        r"(?! niet\b| nie\b| gebleven\b)"
        r"|\b(?:hij|zij|ze|ie|de dader|die man|die vrouw) (?:is|staat|zit) (?:er |hier )*nog"
        r"(?: steeds)?(?: hier| er| binnen)?(?=\s*(?:[.!?,;]|$|en\b|and\b))"
        r"|\b(?:he|she|they|the man|the patient)(?: is| are|'s|'re) (?:now |still )?"
        r"(?:here|inside|in the building|in my house|in the house|on the ward"
        r"|standing here)\b(?! (?:but|and) (?:he|she)(?:'s| is) (?:now )?(?:calm|asleep|sleeping"
        r"|quiet|settled))"
        r"|\b(?:er is|there's|there is) (?:iemand|someone|somebody|een man|a man) "
        r"(?:binnen|inside)\b",
        Category.THREAT,
    ),
    # Breaking in: "iemand probeert binnen te komen", "they're kicking the door".
    AcutePattern(
        "intrusion",
        r"\b(?:breekt in|inbreekt|breaking in|binnengedrongen)\b"
        r"|\b(?:probeert|proberen) (?:[\w']+ ){0,5}?(?:binnen te komen|in te trappen"
        r"|in te breken|open te breken)\b|\bwil(?:len)? binnenkomen\b"
        r"|\b(?:trying to|tries to) (?:break in|get in|kick (?:in )?the door|force)\b"
        r"|\b(?:trying to|tries to) (?:break|force|kick|smash) (?:[\w']+ ){0,4}?(?:open|down|in"
        r"|through)\b"
        r"|\b(?:bonkt|bonst|slaat|trapt|schopt|beukt|hamert|rammelt|rukt) (?:hard |steeds )?"
        r"(?:op|tegen|aan) (?:de|het|mijn|onze) (?:deur|ramen|raam)\b"
        r"|\b(?:banging|kicking|hitting|pounding|smashing|rattling|shaking) (?:on |at )?"
        r"(?:the|my|our) (?:door|doors|window|windows|car window|office door)\b"
        r"|\bforced? (?:his|her|their) way (?:in|into|onto)\b"
        r"|\btrapt (?:de|het|mijn|onze) (?:[\w']+ ){0,4}?in\b"
        r"|\b(?:naar binnen geklommen|binnengeklommen|climbed in through|has climbed in"
        r"|got in through the window)\b"
        r"|\b(?:probeert|proberen) (?:[\w']+ ){0,5}?open te (?:maken|trekken|breken)\b"
        r"|\btrying to (?:break into|get into|force open|open) (?:my|our) (?:car|house|room"
        r"|office)\b"
        r"|\bkicking (?:in )?(?:the|my|our) (?:[\w']+ )?door\b",
        Category.THREAT,
    ),
    # A weapon in the room: "hij heeft een mes", "there is a man with a gun", "hij is
    # gewapend", "he's pointing a gun at me".
    AcutePattern(
        "weapon_present",
        # (A drawn weapon first: "heeft een mes getrokken" is out now, not a finished story.)
        r"\b(?:heeft|hebben) (?:[\w']+ ){0,3}?<WEAPON> (?:getrokken|gepakt|tevoorschijn gehaald)\b"
        # (not talk about weapons, "hij heeft het steeds over messen", nor "wie heeft het mes")
        r"|(?<!wie )(?<!who )\b<HOLDS> (?:(?!\b(?:<PAST_TIME>|<PAST_FINITE>|<PARTICIPLE>"
        r"|<REPORTING>|over|about)\b)[^.!?;:\n]){0,45}?\b<WEAPON>\b"
        r"|\b(?:gewapend|gewapende|armed)\b"
        r"|\b(?:schiet|schieten) (?:om zich heen|op (?:ons|me|mij|mensen|iedereen)|in het rond)\b"
        r"|\b(?:shooting|firing) (?:at|around|people|shots|a gun)\b"
        r"|\b(?:has|have|'s) (?:just )?(?:pulled|drawn|pulled out|got out|taken out) (?:a|an|his"
        r"|her) <WEAPON>\b"
        r"|\b(?:heeft|has|'s got|got|houdt|is holding) (?:weer |again )?(?:iets|something)"
        r"(?: scherps| sharp)? (?:in|onder|achter) (?:zijn|haar|zn|z'n|his|her) (?:jas|zak"
        r"|broekzak|tas|hand|rug|coat|jacket|pocket|bag|back)\b"
        # "he's taking a knife out of the drawer", "pulling a blade from his bag"
        r"|\b(?:'s|is|he|she) (?:pulling|taking|getting) (?:out )?(?:a|an|the|his|her) <WEAPON>"
        r" (?:out|from)\b"
        r"|\b(?:zwaait|zwaaien) (?:ermee|er mee|ermee rond|rond)\b|\bwaving (?:it|that|them)"
        r" (?:around|about)\b",
        Category.WEAPON,
        needs=r"<WEAPON>|gewapend|armed|schiet|shoot|firing|zwaai|waving|iets|something",
    ),
    # Fear of imminent harm: "ik ben bang dat hij me iets aandoet", "I fear for my life".
    AcutePattern(
        "fear_of_harm",
        r"\b(?:bang|doodsbang|vrees|afraid|scared|terrified|fear)\b(?:(?!\b(?:volgende week"
        r"|next week|morgen|tomorrow)\b)[^.!?;\n]){0,40}?"
        r"\b(?:aandoet|aandoen|aan doet|aan doen|vermoordt|vermoorden|doodmaakt|dood maakt"
        r"|doodmaken|neersteekt|mijn leven|gaat slaan|slaat|kill|hurt|attack|stab|shoot"
        r"|my life)\b"
        # (not a fear for later: "bang dat hij zich dit weekend iets aandoet als ik vrij ben")
        r"(?![^.!?;\n]{0,30}?\b(?:dit weekend|this weekend|volgende week|next week|morgen"
        r"|tomorrow|als ik vrij ben|when i'm off)\b)",
        Category.THREAT,
    ),
    # Imminent threat: "hij gaat me vermoorden", "hij zegt dat hij me nu gaat steken",
    # "he is going to kill me", "he'll stab me".
    AcutePattern(
        "imminent_threat",
        r"\b(?:gaat|gaan|wil|komt) (?:me|mij|ons|haar|hem) (?:nu )?"
        r"(?:vermoorden|doodmaken|neersteken|neerschieten|steken|slaan|aanvallen|iets aandoen)\b"
        r"|\b(?:me|mij|ons) (?:nu )?(?:gaat|komt) (?:vermoorden|doodmaken|neersteken"
        r"|neerschieten|steken|slaan|aanvallen)\b"
        r"|\b(?:zegt|roept|schreeuwt|brult|zei net) (?:[\w']+ ){0,2}?dat (?:hij|ze|zij|ie)"
        r" (?:me|mij|ons) (?:nu )?(?:(?:gaat|komt) (?:pakken|halen|te grazen nemen)|pakt|afmaakt"
        r"|vermoordt|doodmaakt|neersteekt|neerschiet)\b"
        r"|\bom (?:me|mij|ons) (?:af te maken|te vermoorden|dood te maken|neer te steken"
        r"|neer te schieten|in elkaar te slaan)\b"
        r"|\b(?:to|gonna|going to|will|'ll) (?:finish (?:me|us) off|do (?:me|us) in)\b"
        r"|\b(?:is going to|is gonna|'s going to|'s gonna|will|'ll) (?:kill|stab|shoot|hurt"
        r"|attack|hit|beat|get) (?:me|us|her|him)\b",
        Category.THREAT,
    ),
    # Something violent just now: "hij heeft me net geslagen", "he just grabbed a knife".
    AcutePattern(
        "just_happened",
        r"\b(?:net|zojuist) (?:[\w']+ ){0,4}?(?:gestoken|neergestoken|geslagen|geschopt"
        r"|aangevallen|getrokken|gewurgd|beschoten|geschoten|gebeten"
        r"|een (?:klap|trap|schop|stomp|duw) gegeven)\b"
        r"|\bjust (?:stabbed|attacked|shot|punched|kicked|hit|grabbed|pulled|bit|choked) "
        r"(?:<VICTIM>|(?:a|an|the|his|her|out a) <WEAPON>)\b",
    ),
    # Strangled, choked: "hij knijpt mijn keel dicht", "hands around my throat", "I can't breathe".
    AcutePattern(
        "strangled",
        r"\b(?:knijpt|drukt) (?:[\w']+ ){0,3}?(?:keel|nek|strot)\b"
        r"|\b(?:handen|hand) (?:zitten |zit |zijn )?(?:om|rond|op) (?:mijn|m'n|haar|zijn|de)"
        r" (?:keel|nek|hals)\b"
        r"|\bhands? (?:are |is )?(?:around|on|round) (?:my|her|his|their|the"
        r"|(?:the )?[\w ]{2,20}'?s) (?:throat|neck)\b"
        r"|\b(?:ik krijg|we krijgen) geen (?:lucht|adem)\b|\bik stik\b"
        r"|\b(?:i|we) (?:can't|cannot|can not) breathe\b"
        r"|\b(?:wurgt|wurgen|chokes|strangles|throttles|throttling) <VICTIM>\b"
        r"|\b(?:has|got|grabs|heeft|pakt) <VICTIM> (?:by|bij) (?:the|my|de|mijn) (?:throat|keel"
        r"|neck|nek)\b",
        Category.ATTACK,
    ),
    # A bomb or explosives: "er ligt een bom", "dreigt alles op te blazen", "a parcel with
    # wires"; not the idioms: "a ticking time bomb", "de bom is gebarsten", "een bom energie".
    AcutePattern(
        "bomb",
        r"(?<!time )(?<!is the )(?<!\bf )(?<!\bf-)(?<!pass the )"
        r"\b(?:bom|bommen|bomb|bombs|bomvest|bomb vest"
        r"|explosief|explosieven|explosive|explosives|bommelding|bomb threat|bomb scare)\b"
        r"(?! (?:is )?(?:gebarsten|barst)| (?:energie|geld|duiten|werk|of energy|of money))"
        r"(?! (?:threat |scare )?(?:protocol|procedure|drill|oefening|training|plan|policy"
        r"|exercise)\b)"
        r"|\b(?:op te blazen|opblazen|blaast (?:[\w']+ ){0,3}?op|blow (?:up|us up|it up|the place"
        r" up|everything up|the building up)|(?<!phone is )(?<!phone's )(?<!phones are )blowing"
        r" (?:up|us up))\b(?! with\b)"
        r"|\b(?:verdacht|verdachte|suspicious) (?:pakket\w*|package|bag|tas|koffer|suitcase)\b"
        r"(?! (?:[\w']+ ){0,4}?(?:bleek|turned out|was (?:just|only|harmless)))"
        r"|\b(?:pakket\w*|doos|\w*tas|koffer|package|parcel|box|\w*bag|suitcase|\w*sack)"
        r"(?: [\w',]+){0,8}? (?:draadjes|draden|wires|timer|ticking (?:noise|sound)"
        r"|tikkend geluid|(?:it'll|will|gaat) (?:go off|afgaan))\b",
        Category.BOMB,
    ),
    # Fire or arson: "er is brand", "hij steekt zijn kamer in brand", "fire!", "pouring petrol".
    AcutePattern(
        "fire",
        r"\b(?:er is|er woedt|there's|there is) (?:een |a )?(?:brand|fire)\b"
        r"|\b(?:staat|staan|is) (?:[\w']+ ){0,2}?in (?:brand|de fik|lichterlaaie)\b"
        r"|\b(?:steekt|steken|zet|zetten|wil|gaat|dreigt|dreigen) (?:[\w']+ ){0,4}?in (?:brand"
        r"|de fik)\b|\bin (?:brand|de fik) (?:te )?(?:steken|gestoken|zetten|gezet)\b"
        r"|\b(?:brand|fire)\s*!|^\W*(?:brand|fire)\W*$|\bhet brandt\b|\bbrandstichting\b"
        r"|\b(?:gooit|giet|sprenkelt|pours|pouring|throwing|spilling|splashing|heeft|has|with"
        r"|met) (?:[\w']+ ){0,3}?(?:benzine|petrol|gasoline|brandbare vloeistof|lighter fluid)\b"
        r"|\b(?:set|sets|setting|lit|lighting|lights) (?:[\w']+ ){0,4}?(?:on fire|alight"
        r"|ablaze)\b|\b(?:set|sets|setting|started|starting|starts) (?:a )?fire\b"
        r"|\bset fire to\b|\b(?:burn|burning) (?:[\w']+ ){0,3}?down\b|\bon fire\b|\barson\b"
        r"|\b(?:something|iets|it|the building|the room|de kamer|het gebouw)(?:'s| is)? burning\b"
        r"|\b(?:er )?brandt (?:er )?iets\b|\ber brandt\b"
        r"|(?:^|[.!?,;]\s*)\W*(?:flames|vlammen) (?:in|uit|from|op) \w+"
        r"|\b(?:met|with|heeft|has|holding|carrying) (?:[\w']+ ){0,4}?(?:jerrycan|jerry can"
        r"|benzine|petrol|gasoline)\b"
        r"|\bruikt (?:[\w']+ ){0,2}?naar (?:benzine|gas|rook)\b|\bsmells? (?:of|like) (?:petrol"
        r"|gasoline|gas|smoke)\b|\b(?:aansteker|lighter) in (?:zijn|haar|his|her) hand\b",
        Category.FIRE,
        needs=r"brand|fik|benzine|fire|petrol|gasoline|jerry ?can|arson|burn|rook|smell|ruikt"
        r"|flames|vlammen",
    ),
    # Running amok: "hij gaat door het lint", "slaat alles kapot", "he's going berserk".
    AcutePattern(
        "rampage",
        r"\b(?:door het lint|uit (?:zijn|haar|z'n) dak|amok|berserk|over de rooie|flipt"
        r"|losgeslagen|sloopt (?:alles|de boel)|vernielt (?:alles|de boel)|on a rampage"
        r"|rampage|going berserk|smashing (?:everything|things|up)|trashing (?:the|everything))\b"
        r"|\bdoorgedraaid\b|\b(?:slaat|schopt|maait) om zich heen\b|\blashing out\b"
        r"|\bbuiten zinnen\b|\b(?:losing|lost) control\b"
        r"|(?<!hart )(?<!hart gaat )(?<!hart gaat nog )(?<!hart gaat nu )\btekeer\b"
        r"|\b(?:is|wordt) (?:helemaal |compleet |totaal )?(?:gek|gestoord|razend|woest|hysterisch)"
        r"(?: geworden)?\b|\b(?:he|she|they|<PERSON>)(?:'s| has| is) (?:gone )?(?:completely "
        r"|totally )?(?:mad|crazy|berserk|insane)\b"
        r"|\b(?:has|'s) (?:completely |totally )?(?:lost it|snapped)\b|\b(?:is|'s) going"
        r" (?:crazy|mental|nuts|wild)\b|\bwrecking (?:the|everything)\b"
        r"|\b<PERSON>(?:'s| is| are|'re) (?:completely |totally )?out of control\b",
        Category.ATTACK,
    ),
    # Aggression building up: "hij wordt steeds agressiever", "he's getting aggressive".
    AcutePattern(
        "escalating",
        r"\bwordt (?:steeds |heel |erg |nu )?(?:agressief|agressiever|gewelddadig|dreigend|bozer"
        r"|kwader|woedend)\b"
        r"|\b(?:escaleert|escaleren|escalating|escalates)\b"
        # not what keeps happening: "het loopt steeds uit de hand", "it keeps getting out of hand"
        r"|\bloopt (?!(?:steeds|altijd|vaak|elke keer|telkens)\b)(?:[\w']+ ){0,2}?uit de hand\b"
        r"|\b(?<!keeps )(?<!kept )(?<!always )(?:getting|gets|is) out of hand\b"
        r"|\b(?:is |'s |are |'re )?(?:getting|becoming) (?:more and more |more |very )?"
        r"(?:aggressive|violent|threatening|angrier|furious)\b"
        r"(?! (?:messages|texts|emails|e-mails|calls|comments|letters|mails|dms)\b)(?! <ONLINE>)",
        Category.THREAT,
    ),
    # Emergency numbers and calls for the police: "bel 112", "call 911", "haal de politie".
    AcutePattern(
        "call_emergency",
        r"\b(?:bel|bellen|call|dial|ring) (?:nu |now |snel |direct |meteen |asap )?"
        r"(?:112|911|999|de politie|politie|the police|police|security|de beveiliging"
        r"|beveiliging)\b|\b112 (?:bellen|calling)\b"
        r"|\b(?:haal|get) (?:de |the )?(?:politie|police|beveiliging|security)\b"
        r"|\b(?:kan|can) (?:iemand|someone|somebody|you|je) (?:de |the )?(?:politie|police|112"
        r"|beveiliging|security) (?:bellen|call)\b|\b(?:can|could) (?:someone|somebody|you) "
        r"call (?:the police|112|security)\b"
        r"|^\W*112\W*$",
    ),
    # Emergency words: "noodgeval", "emergency", "SOS", or just "nood".
    AcutePattern(
        "emergency_word",
        r"(?<!not an )(?<!isn't an )(?<!non )(?<!non-)(?<!geen )(?<!no )"
        r"\b(?:noodgeval|noodsituatie|emergency|sos|mayday)\b|^\W*nood\W*$",
    ),
    *(
        AcutePattern(name, pattern, category, needs.get(name))
        for rules, needs in RULE_SETS
        for name, pattern, category in rules
    ),
    # "Now" and a danger word in a sentence, no past, reporting or "after" between them.
    AcutePattern(
        "now_then_danger",
        r"\b<NOW>\b<GAP>(?<!niet )(?<!not )(?<!geen )(?<!no )(?<!after )(?<!na )(?<!na t )"
        r"(?<!na het )\b(?:<DANGER>|<INJURY>)\b",
    ),
    # A danger word closely followed by "now": "he has a knife right now", "met een mes nu!".
    # The gap stays inside the clause: "he had a knife and now I report it" is a story.
    AcutePattern(
        "danger_then_now",
        r"\b<DANGER>\b(?:(?!\b<CONJ>\b)[^,.!?;:\n]){0,25}?\b<NOW>\b",
    ),
    AcutePattern(*ONGOING),
)
