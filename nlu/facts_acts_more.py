"""More ways a story tells what was done, for `nlu.facts_acts`: intimidation told by
posture ("stood over me", "bleef over me heen staan", "came right up to my face"), a
throat-cutting gesture written as words, a feint ("haalde uit alsof hij me ging slaan maar
stopte"), racist words as what was shouted ("shouted racist stuff at me"), remarks on the
body in quotes ("about my 'nice tits'"), filming that goes on ("bleef me filmen"), a threat
to wait for the melder; and blows that land on a thing, not on the melder ("sloeg met zijn
vuist op de balie"), or on the melder's things ("kicked the side mirror", "grabbed my
phone"); contact denied ("he didn't touch me") leaves no physical act.
"""

from __future__ import annotations

import re

__all__ = [
    "AS_IF_BEFORE",
    "BLOWS",
    "BLOW_ON_A_THING",
    "BY_AFTER",
    "DODGED",
    "DOOR_SLAM",
    "PERSONAL_EXTRA",
    "PERSONAL_FOURTEENTH",
    "PERSONAL_MORE",
    "PHYSICAL_FOURTEENTH",
    "SPIT",
    "STANDING_OVER",
    "THING_NOT_ME",
    "UNTOUCHED",
    "VERBAL_EXTRA",
    "contact_denied",
    "taken_back",
]

_ME = r"(?:me|mij)"
_MY = r"(?:mijn|m'n|mn|my)"

PERSONAL_MORE = re.compile(
    # standing over or looming: "stood over me", "bleef over me heen staan"
    rf"\b(?:stood|standing|stands|towered|towering|loomed|leaning|leaned|leant|hovering"
    rf"|hovered)\s+(?:right\s+)?over\s+{_ME}\b"
    rf"|\bover\s+{_ME}\s+heen\s+(?:\S+\s+)?(?:staan|stond|stonden|hangen|hing|buigen|boog"
    r"|gebogen|leunen|leunde|torenen)\b"
    # a face too close: "came right up to my face", "got up in my face"
    rf"|\bup\s+(?:to|in)\s+{_MY}\s+face\b"
    # a throat-cutting gesture in words: "a throat-cutting gesture", "keel doorsnij gebaar"
    r"|\b(?:throat[\s-]?(?:cutting|slitting|slashing)|cut(?:ting)?[\s-]?(?:his\s+|the\s+)?throat"
    r"|(?:keel\s*-?\s*)?door\s*-?\s*snij\w*|keel\s*-?\s*snij\w*)\s*-?\s*(?:gesture|sign|motion"
    r"|gebaar|beweging)\b"
    # a feint: "haalde uit alsof hij me ging slaan", "acted as if to hit me"
    r"|\b(?:alsof|as\s+if|as\s+though)\s+(?:\S+\s+){0,3}?(?:ging|zou|wou|wilde|going|gonna"
    r"|would|to|was)\s+(?:\S+\s+){0,2}?(?:slaan|meppen|stompen|schoppen|hit|punch|slap|smack"
    r"|kick|strike|hurt)\w*\b"
    # racist words as what was said: "shouted racist stuff", "riep racistische dingen"
    # (a racist slur among insults stays the melder's call: see nlu.facts_acts)
    r"|\bracist\w*\s+(?:stuff|abuse|things|dingen|taal|language|teksten|leuzen|praat|shit"
    r"|crap|slogans?)\b"
    # remarks on the body with a word between: "about my 'nice tits'", "over mn 'lekkere
    # tieten'"
    rf"|\b(?:about|over|on)\s+{_MY}\s+(?:\S+\s+)?['\"]?(?:\w+\s+)?(?:tits|titties|boobs|breasts"
    r"|ass|arse|butt|bum|tieten|borsten|kont|billen|reet)\b"
    # sexual talk, and remarks on what the melder wears: "said really sexual stuff to me",
    # "'you'd look better without the uniform'", "zei dat ik 'lekker strak in mn broek zat'"
    r"|\b(?:sexual|seksuele?|schunnige?|dirty|smerige)\s+(?:stuff|things|talk|dingen|praat"
    r"|taal|grappen|jokes)\b|\bwithout\s+(?:the|your|my|her|that)\s+(?:uniform|clothes|scrubs)\b"
    r"|\b(?:strak|strakke|tight)\s+(?:in|om)\s+(?:mijn|mn|m'n|je|jouw|my|your|her|haar)\s+"
    r"(?:broek|rok|shirt|uniform|jeans|trousers|pants|skirt|scrubs|top)\b"
    # filming or staring that goes on: "bleef me in de wachtkamer filmen"
    rf"|\b(?:bleef|bleven|blijft|blijven|stond|stonden|zat|zaten)\s+{_ME}\s+(?:\S+\s+){{0,5}}?"
    r"(?:filmen|fotograferen|aanstaren|aangapen|bespieden|begluren)\b"
)
#: What else makes it personal, found by a thirteenth facts round: the melder's private life
#: known ("knows which school my kids go to", "weet waar mijn man werkt"), racist or
#: antisemitic words and remarks on origin or skin ("a racist remark", "noemde me een vuile
#: marokkaan", "opmerkingen over mijn afkomst"), sexual noises and gestures ("kissing
#: noises", "schunnige gebaren", "een gebaar met zn tong").
PERSONAL_EXTRA = re.compile(
    r"\b(?:knows|knew|weet|wist)\s+(?:\S+\s+){0,3}?(?:which|what|where|welke|waar|op\s+welke)\s+"
    r"(?:school|street|straat|gym|sportschool)\b"
    rf"|\b(?:knows|knew|weet|wist)\s+(?:that\s+|dat\s+|waar\s+|where\s+)?{_MY}\s+(?:husband|wife"
    r"|man|vrouw|partner"
    r"|kids|children|kinderen|son|daughter|zoon|dochter)\s+(?:\S+\s+){0,2}?(?:works?|werkt|goes"
    r"|gaat|lives?|woont|zit)\b"
    # (twentieth round) the way home known, waiting at the melder's car, the car damaged
    r"|\b(?:i|ik)\s+(?:know|weet)\s+(?:your|jouw|je|welke)\s+(?:car|auto)\b"
    r"|\b(?:knows|knew|weet|wist)\s+(?:\S+\s+){0,3}?(?:which\s+way|what\s+route|welke\s+(?:weg"
    r"|route|kant))\b"
    rf"|\b(?:waiting|waited|wachten|wachtte|stond|stood)\s+(?:\S+\s+){{0,3}}?(?:next\s+to|by|at"
    rf"|bij|naast)\s+{_MY}\s+(?:car|auto|fiets|bike)\b|\bbij\s+{_MY}\s+auto\s+te\s+wachten\b"
    rf"|\blak\s+van\s+{_MY}\s+auto\b|\b(?:paint|bonnet|tyres|tires)\s+(?:of|on)\s+{_MY}\s+car\b"
    rf"|\b(?:keyed|slashed|scratched|vernielde|bekraste?)\s+{_MY}\s+(?:car|tyres|auto|banden)\b"
    # (twenty-first round) followed down the street, at the melder's own door, tyres slashed
    r"|\b(?:liep|loopt)\s+(?:me|mij)\s+(?:\S+\s+){0,2}?na\b|\bfollowed\s+me\b"
    r"|\b(?:stond|stonden|stood)\s+(?:\S+\s+){0,4}?(?:bij\s+(?:mij|mn|mijn|m'n)\s+thuis"
    r"|at\s+my\s+(?:house|home|front\s+door)|outside\s+my\s+(?:house|home|flat))\b"
    r"|\b(?:band|banden)\s+(?:is\s+|zijn\s+)?lek\s*gestoken\b|\b(?:slashed|punctured)\s+my\s+tyres?\b"
    # (sixteenth round) advances, filming, a fake account, the melder looked up, exposure,
    # sexual remarks in dialect
    r"|\b(?:probeerde|wilde|wou|tried|wanted)\s+(?:\S+\s+){0,2}?(?:te\s+)?(?:zoenen|kussen|kiss)\b"
    r"|\bkusjes\b|\bmet\s+(?:me|mij)\s+(?:wil|wilde|wou)\s+trouwen\b|\bwants\s+to\s+marry\s+me\b"
    r"|\bgefilmd\b|\bfilmde\s+(?:me|mij)\b|\bfilm(?:ed|ing)\s+me\b"
    r"|\bnep-?account\w*|\bfake\s+(?:account|profile)\w*"
    r"|\b(?:prive|private)\s+(?:account|nummer|number|adres|address)\b"
    r"|\bfoto\s+van\s+(?:mijn|mn|m'n)\s+huis\b|\bphoto\s+of\s+my\s+house\b"
    r"|\b(?:looking|looked|look)\s+me\s+up\b|\bknew\s+my\s+(?:kids|children|husband|wife)\b"
    r"|\bblote\s+(?:kont|billen|lijf)\b|\bexposed\s+himself\b|\bflashed\s+(?:me|at\s+me)\b"
    r"|\blekker\s+(?:stuk|ding|wijf)\b|\bwat\s+met\s+(?:mij|me)\s+(?:wou|wil|wilde)\b"
    r"|\bvieze\s+dingen\s+in\s+(?:mijn|mn|m'n)\s+oor\b|\bfluisterde\s+(?:steeds\s+)?vieze\b|\bwhat\s+(?:he|she)'?d\s+(?:like|love|want)\s+to\s+do\s+to\s+me\b"
    r"|\bthe\s+gay\s+one\b|\bpaki\b|\bkutmarokkaan\w*|\bracial\s+slurs?\b"
    # (not "a racist slur" among insults: the melder's call, see nlu.facts_acts)
    r"|\b(?:racist|racial|ethnic)\s+(?:remark|remarks|comment|comments)\b"
    r"|\bantisemiti\w*|\bvuile\s+(?:marokkaan|turk|buitenlander|allochtoon|zwarte|jood)\b"
    r"|\b(?:dirty|filthy|vieze)\s+(?:foreigner|buitenlander|immigrant)\b"
    rf"|\b(?:opmerkingen|remarks|comments|grappen|jokes)\s+(?:over|about|on)\s+{_MY}\s+"
    r"(?:afkomst|huidskleur|kleur|accent|geloof|hoofddoek|origin|skin|colour|color|religion"
    r"|surname|achternaam|headscarf)\b"
    r"|\b(?:kissing|kus|smak)\s*(?:noises|geluiden|geluidjes)\b"
    r"|\b(?:schunnige?|smerige?|rude|obscene|vieze)\s+(?:gebaren|gebaar|gestures?)\b"
    r"|\bgebaar\s+met\s+(?:zijn|zn|z'n)\s+tong\b"
    r"|\b(?:had|heb|have|has)\s+(?:mooie|lekkere|nice|great)\s+(?:borsten|tieten|tits|boobs"
    r"|breasts|kont|billen|ass|bum)\b"
)
#: What a fourteenth facts round added: a photo taken of the melder or their badge, their
#: number or address asked for, coming to their house, asking for them at the door again
#: and again, and words about who they are
#: ("the n word", "die zwarte", "vieze flikker", "all poles are thieves").
PERSONAL_FOURTEENTH = re.compile(
    r"\b(?:took|takes|taking|made|maakte|maakt|snapped)\s+(?:a\s+|een\s+)?(?:pic|picture|photo"
    rf"|foto|selfie|video|filmpje)\w*\s+(?:of|van)\s+(?:me|mij|{_MY})\b"
    rf"|\b(?:asking|asks|asked|vraagt|vroeg|vragen)\s+(?:\S+\s+){{0,3}}?(?:for\s+)?{_MY}\s+"
    r"(?:phone\s+number|number|nummer|06|telefoonnummer|address|adres|huisadres)\b"
    r"|\b(?:asking|asks|asked|vraagt|vroeg)\s+(?:\S+\s+){0,4}?(?:where|waar)\s+(?:i|ik)\s+"
    r"(?:live|woon)\b"
    r"|\bfind\s+out\s+myself\b|\bzoek\s+ik\s+(?:zelf\s+)?(?:wel\s+)?uit\b"
    rf"|\b(?:come|coming|komt|komen)\s+(?:\S+\s+){{0,2}}?(?:to|round\s+to|naar|bij)\s+{_MY}\s+"
    r"(?:house|home|place|huis|woning|gezin)\b|\bnaar\s+(?:mijn|mn)\s+huis\s+(?:komt|komen)\b"
    r"|\blangs\s+(?:laat\s+)?(?:gaan|komen)\s+bij\s+(?:mijn|mn)\s+(?:gezin|huis|familie)\b"
    r"|\basking\s+for\s+me\b|\bvraagt\s+(?:\S+\s+)?naar\s+(?:mij|me)\b"
    # (not the verb: "flikkerde zn bord naar me" is a throw)
    r"|\bn[\s-]?word\b|\bflikker(?!de\b|den\b|t\b)\w*|\bnikker\w*|\bfaggot\w*"
    r"|\b(?:die|that|the)\s+(?:zwarte|poolse|polish\s+one|turkse|marokkaanse)\b"
    r"|\bforeign\s+b\W*\w*|\ball\s+(?:poles|polen|foreigners|buitenlanders|turks|moroccans"
    r"|marokkanen|immigrants)\s+(?:are|zijn)\b"
    # (fifteenth round) advances, the melder's private life looked up, staring at the door
    r"|\b(?:asking|asks|asked|vroeg|vraagt)\s+(?:\S+\s+){0,2}?(?:if|whether|of)\s+(?:i'?ve|i|ik)\s+"
    r"(?:got\s+|have\s+|had\s+|een\s+)?(?:a\s+)?(?:boyfriend|girlfriend|vriend|vriendin|partner)\b"
    r"|\b(?:pop|come)\s+round\s+(?:mine|to\s+mine)\b|\bthuis\s+(?:\S+\s+){0,2}?(?:opzoeken"
    r"|bezoeken|langskomen)\b|\bvriendschapsverzoek\w*|\bfriend\s+request\w*"
    r"|\bbij\s+hem\s+in\s+(?:bed|zn\s+bed)\b|\b(?:into|in)\s+(?:his|bed\s+with)\s+(?:bed|him)\b"
    r"|\bvrouwen\s+(?:\S+\s+){0,2}?niet\s+(?:horen\s+te\s+)?werken\b"
    r"|\bwomen\s+(?:shouldn'?t|should\s+not|can'?t)\s+(?:be\s+)?work\w*\b"
    r"|\b(?:looked|helped|touched)\s+(?:after\s+)?by\s+a\s+(?:woman|girl|black)\b"
    r"|\b(?:black|zwart\w*|brown|bruin\w*)\s+(?:girl|woman|meisje|vrouw|nurse|zuster)\b"
    r"|\b(?:wist|weet|knew|knows)\s+(?:\S+\s+)?(?:achternaam|surname|last\s+name)\b"
    r"|\b(?:had|heeft|has|had)\s+me\s+(?:opgezocht|looked\s+up|gegoogeld|googled)\b"
    r"|\b(?:staat|stond|standing|stands|waits|waiting|turns\s+up)\b[^.!?]{0,60}?\b(?:staff\s+entrance"
    r"|personeelsingang|window|raam|every\s+day|elke\s+dag|al\s+weken|for\s+weeks)\b"
    r"[^.!?]{0,40}?\b(?:stares?|staring|staart|staren|zegt\s+niks|says\s+nothing)\b"
    r"|\b(?:commenting|comments|remarks|opmerkingen)\s+(?:on|about|over)\s+(?:my|mijn|mn)\s+"
    r"(?:chest|body|boobs|breasts|bum|legs|lichaam|borsten|billen|benen)\b"
    r"|\bpoof\b|\bpooier\b|\bhomo\b"
    # (eighteenth round) remarks on the body, a gun made with fingers, a weapon held at the
    # melder, the melder's things taken or broken
    r"|\bnice\s+(?:tits|boobs|ass|arse|bum|legs)\b|\blekker\s+kontje\b|\btieten\b"
    r"|\bprivate\s+visits\b|\bextra\s+diensten\b|\b(?:likte|licked|licking)\s+(?:\S+\s+)?(?:lippen|lips)\b"
    r"|\bunder\s+my\s+uniform\b|\bonder\s+(?:mijn|mn)\s+uniform\b"
    r"|\bvingers?\s+(?:\S+\s+){0,2}?pistool\b|\bvingerpistool\b|\bfinger\s+gun\b"
    r"|\bdeed\s+alsof\s+(?:hij|ze|zij)\s+(?:schoot|ging\s+schieten)\b|\bpretend\w*\s+to\s+shoot\b"
    r"|\b(?:hield|houdt|held|holds|pointed|points|richtte|richt)\s+(?:\S+\s+){0,3}?(?:naar|op|at|towards"
    r"|to)\s+(?:me|mij)\b(?:\s+toe)?"
    rf"|\b(?:pakte|griste|grabbed|took|snatched)\s+(?:\S+\s+){{0,2}}?{_MY}\s+(?:own\s+)?(?:tas|telefoon"
    r"|phone|bag|handbag|keys|sleutels|spullen)\b"
    rf"|\b(?:kicked|smashed|broke|trapte|schopte|sloeg)\s+(?:\S+\s+){{0,2}}?(?:the|{_MY}|de)\s+(?:side\s+)?"
    r"(?:mirror|wing\s+mirror|spiegel|zijspiegel|ruit|window)\b"
    rf"|\b{_MY}\s+(?:fiets|bike|auto|car|scooter|tas|bag)\b[^.!?]{{0,50}}?\b(?:gegooid|gooide"
    r"|vernield|bekrast|lek\w*|slashed|smashed|damaged|keyed|thrown|threw|getrokken)\b"
    r"|\bkras\w*\s+(?:\S+\s+){0,4}?(?:over|op|in)\s+(?:\S+\s+){0,4}?(?:auto|car)\b|\bkeyed\s+my\b"
    # following or staring all evening: "bleef me de hele avond volgen en staan aanstaren"
    r"|\b(?:bleef|blijft|bleven)\s+(?:me|mij)\s+(?:\S+\s+){0,4}?(?:volgen|achtervolgen|aanstaren"
    r"|aankijken|lastigvallen)\b"
    # waiting for the melder
    r"|\b(?:staat|stond|staan|stonden)\s+(?:\S+\s+){0,10}?(?:op\s+(?:me|mij)\s+te\s+wachten|te\s+wachten"
    r"\s+(?:als|tot|wanneer|totdat)\s+(?:mijn|mn|ik))\b"
)
#: Things of the melder's taken or hit, which are no blow to the melder: "grabbed my own
#: phone", "kicked the side mirror".
THING_NOT_ME = re.compile(
    rf"\s+(?:{_MY}|the|de|het|his|her|zijn|haar)\s+(?:own\s+|side\s+|eigen\s+)?(?:phone|telefoon"
    r"|bag|tas|handbag|keys|sleutels|badge|pas|laptop|spullen|stuff|mirror|wing\s+mirror"
    r"|spiegel|zijspiegel)\b"
    # (not off the melder: "yanked my bag off my shoulder")
    rf"(?![^.!?,]{{0,25}}?\b(?:off|from|uit|van)\s+{_MY}\s+(?:shoulder|hands?|arm|schouder|handen))"
)
#: Contact denied: "he didn't touch me", "nothing hit me", "niet aangeraakt".
UNTOUCHED = re.compile(
    r"\b(?:didn'?t|did\s+not|never|doesn'?t)\s+(?:actually\s+)?touch\s+me\b|\bniet\s+aangeraakt\b"
    r"|\bheeft\s+me\s+niet\s+aangeraakt\b"
)
#: Spit is contact even untouched: "didn't touch me but spat".
SPIT = re.compile(r"\b(?:spat|spit\w*|spuug\w*|spuwde|gespuugd|gob\w*|fluim\w*)\b")


def contact_denied(folded: str) -> bool:
    """Whether a story denies any contact ("he didn't touch me") and tells of no spit."""
    return UNTOUCHED.search(folded) is not None and SPIT.search(folded) is None


#: Contact the earlier rounds did not name: "poked me hard in the chest", "prikte met haar
#: vinger in mn borst", "tipped the table onto my feet".
PHYSICAL_FOURTEENTH = re.compile(
    r"\b(?:poked|jabbed|prikte|prikt|porde|pookte)\s+(?:\S+\s+){0,8}?(?:in|into)\s+"
    rf"(?:{_MY}|the|de)\s+"
    r"(?:chest|borst|arm|face|gezicht|side|zij|ribs|ribben)\b"
    rf"|\b(?:onto|on|op)\s+{_MY}\s+(?:feet|foot|voeten|voet|tenen|toes)\b"
    # tripped, gobbed at, whacked: "zette een beentje", "stuck his foot out ... i went flying"
    r"|\bbeentje\b|\btripped\s+me\b|\bstuck\s+(?:his|her|their)\s+(?:foot|leg)\s+out\b"
    r"|\bgobbed\b|\bfluim\w*|\bgefluimd\b|\b(?:houd|wurg)greep\b|\bheadlock\b|\bchokehold\b"
    r"|\brammed\s+(?:\S+\s+){0,3}?(?:into|in)\s+(?:me|my)\b"
    r"|\b(?:n|'n)\s+(?:\w+\s+)?(?:dreun|klap|mep|tik|lel|hengst|schop|duw|stomp|opdoffer)\b"
    r"|\bkreeg\s+(?:een\s+)?(?:\w+\s+)?(?:elleboog|kopstoot|klap|trap|schop|stomp|vuist|knietje"
    r"|mep|dreun)\b"
    r"|\bpinch(?:es|ed|ing)?\s+(?:me|my)\b|\b(?:knijpt|kneep|knepen)\s+(?:me|mij|in\s+(?:mijn|mn))\b"
    r"|\b(?:whacking|whacked|whacks|meppen|mepte|mept)\s+(?:me|mij|my|mijn|mn|op\s+mn"
    r"|op\s+mijn)\b|\bop\s+(?:mijn|mn)\s+arm\s+(?:\S+\s+)?(?:meppen|slaan|tikken)\b"
)
#: More words that say it was words: "told me hed stab me", "mouthing off", "calling me
#: names", "told me to f off", "maak ik je af".
VERBAL_EXTRA = re.compile(
    r"\b(?:told|tells|said|says)\s+(?:me\s+)?(?:that\s+)?(?:he'?d|he\s+would|he'?ll|he\s+will"
    r"|she'?d|she'?ll|they'?d)\s+(?:\S+\s+)?(?:stab|kill|hurt|hit|beat|smash|get|cut|shoot)\b"
    r"|\bmouthing\s+off\b|\bcalling\s+me\s+(?:names|a|an|every)\b|\bf[\s*-]?(?:off|of)\b"
    r"|\b(?:maak|sla)\s+ik\s+(?:je|jou|u)\s+(?:af|dood|in\s+elkaar)\b"
    # (fifteenth round) a threat of what happens next, swearing and mocking in slang
    r"|\b(?:me|mij|je|jou|ons)\s+(?:\S+\s+){0,2}?af\s+(?:zou|zal|gaat)\s+maken\b"
    r"|\bweet\s+je\s+wat\s+er\s+(?:gebeurt|gaat\s+gebeuren)\b|\bkrijg\s+je\s+(?:er\s+)?spijt\b"
    r"|\b(?:would|will|gonna|you'?ll|i'?d)\s+regret\s+it\b|\bthen\s+i'?d\s+see\b"
    r"|\beffing\s+and\s+blinding\b|\branting\b|\bhave\s+(?:our|my|your)\s+jobs?\b"
    r"|\b(?:saying|zeggen)\s+(?:that\s+)?(?:he'?d|he\s+would|she'?d|hij|ze)\s+(?:\S+\s+)?"
    r"(?:kill|stab|hurt|get|vermoorden|afmaken)\b"
    r"|\bmocked\s+me\b|\blachte\s+me\s+uit\b|\buitgelachen\b|\bcalling\s+me\s+(?:thick"
    r"|stupid|useless|lazy|fat|ugly|slow|dumb|an?\s+\w+)\b"
    # (sixteenth round) abuse in dialect and slang, threats told in other words
    r"|\b\w*scheld\w*|\boetscheuld\b|\bgezeik\b|\bgezeur\b|\b(?:kut|takke|kanker|tering)wijf\b"
    r"|\bje\s+moet\s+dood\b|\b(?:iets|wat)\s+aan\s+(?:gaat\s+|zal\s+|zou\s+)?doen\b|\baandoen\b|\bmouthed\s+off\b|\bf-?ing\b|\beffing\b"
    r"|\bput\s+me\s+in\s+(?:the\s+)?hospital\b|\bmake\s+(?:people|you|me)\s+disappear\b"
    r"|\bget\s+what'?s\s+coming\b|\bteach\s+(?:me|you|her|him)\s+a\s+lesson\b|\bte\s+dreigen\b|\b(?:i'?d|you'?d|you'?ll)\s+regret\b"
    r"|\bniet\s+leuk\s+(?:zou|zal)\s+zijn\b|\bweet\s+hoe\s+(?:hij|ie)\s+dingen\s+(?:moet\s+)?regel\w*"
    # (eighteenth round) "not leave in one piece", "called me incompetent", "stomme trut"
    r"|\bin\s+one\s+piece\b|\bheelhuids\b|\btrut\w*|\bzee\s+tegen\s+(?:mij|me)\b"
    r"|\bcalled\s+me\s+(?:an?\s+)?(?:\w+\s+)?(?:incompetent|stupid|useless|lazy|idiot|cow|liar"
    r"|bitch|slut|whore|witch|fat|ugly|thick|dumb|names)\b"
)
#: A door slammed shut, not in the melder's face: "smeet daarna de deur dicht", "slammed the
#: door behind him" (intimidation on its own; beside shouting it is part of the shouting).
DOOR_SLAM = re.compile(
    r"\b(?:smeet|smijt|gooide|knalde|sloeg|slammed|banged)\s+(?:\S+\s+){0,3}?(?:de|het|the|a)\s+"
    r"(?:\w*deur|door)\s+(?:(?!in\s+my\s+face)(?!voor\s+(?:mijn|mn|m'n)\s+(?:neus|gezicht))\S+\s+"
    r"){0,3}?(?:dicht|shut|behind)\b"
)
#: Hanging or standing over the melder is no throw ("kreeg koffie over me heen" is).
STANDING_OVER = re.compile(
    r"\s+(?:\S+\s+)?(?:staan|stond|stonden|hangen|hing|buigen|boog|gebogen|leunen|leunde)\b"
)
#: Blows told by a verb that may land on a thing.
BLOWS = frozenset(
    ("sloeg", "slaat", "sloegen", "hit", "hits", "punched", "kicked", "kicks", "schopte", "schopt",
     "trapte", "trapt", "stompte", "stompt", "mepte")
)  # fmt: skip
#: A blow onto a thing: "sloeg met zijn vuist op de balie", "trapte tegen de deur" (right
#: after the verb, with no one between: "sloeg me tegen de muur" is a blow).
BLOW_ON_A_THING = re.compile(
    r"\s+(?:(?!(?:me|mij|my|mijn|mn|m'n|hem|haar|him|her|us|ons)\b)\S+\s+){0,7}?"
    r"(?:op|tegen|on|against|onto)\s+(?:(?:de|het|een|the|a|our|onze|his|zijn"
    r"|z'n|zn)\s+)?(?:\w+\s+)?(?:balie|tafel|deur|muur|wand|desk|table|door|wall|counter|raam"
    r"|ruit|window|kast|glass?|bureau|toonbank|loket)\b"
)
#: Right before a blow word, "as if": the blow was shown, not given.
AS_IF_BEFORE = re.compile(r"\b(?:alsof|as\s+if|as\s+though)\s+(?:\S+\s+){0,4}$")
#: A blow tried and dodged: "wilde me slaan, ik kon nog net wegduiken dus hij miste".
DODGED = re.compile(
    r"\b(?:wilde|wou|probeerde|tried|wanted|went)\b(?:\s+\S+){0,6}?\s+(?:te\s+)?(?:slaan|schoppen"
    r"|stompen|meppen|to\s+(?:hit|punch|kick|slap|smack))\b[^.!?]{0,60}?\b(?:miste|missed"
    r"|wegduiken|weggedoken|dook|ducked|dodged|ontweek|ontwijken|stepped\s+(?:back|aside))\b"
)
#: Told in the passive: "kicked in the shin by a resident", "werd geduwd door een bewoner".
BY_AFTER = re.compile(
    r"(?:\s+(?:in|on|op|tegen)\s+(?:the|my|de|het|mijn|mn)\s+\w+)?\s+(?:by|door)\s+"
    r"(?:a|an|the|een|de|het|this|that|die|deze)\b"
)


# A kind named and taken back: "nothing physical", "fysiek? nee", "thought it was physical
# at first but no", "eerst dacht ik fysiek maar nee".
_DENIED_BEFORE = re.compile(r"\b(?:nothing|not|niks|niets|geen|no|never|nooit)\s+$")
_TAKEN_BACK = re.compile(
    r"\W{0,3}\s*(?:\S+\s+){0,4}?(?:maar|but)?\s*(?:nee|neen|no|nope|nah)\b(?!\s+(?:doubt|twijfel"
    r"|question))|\s*(?:\S+\s+){0,2}?"
    r"(?:at\s+first|eerst)\s+(?:but|maar)\s+(?:no|nee)\b"
)


def taken_back(folded: str, start: int, end: int) -> bool:
    """Whether a kind named is taken back ("nothing physical", "fysiek? nee")."""
    return bool(
        _DENIED_BEFORE.search(folded, max(0, start - 12), start)
        or _TAKEN_BACK.match(folded, end, min(len(folded), end + 40))
    )
