"""What kind of aggression a story describes, in the ARO categories of the report.

Fysiek (hitting, kicking, spitting, pushing, grabbing, biting, throwing things at someone)
before persoonlijk (intimidation, discrimination, stalking, sexual remarks) before verbaal
(shouting, swearing, insults, threats in words): a story of shouting and then pushing is
physical aggression, and so is a blow that missed ("probeerde me te slaan", "took a swing
at me"). A physical word inside a threat ("dreigde me te slaan", "threatened to hit me") is a
threat in words, and denied acts ("hij sloeg me niet") do not count.
"""

from __future__ import annotations

import re

from nlu.facts_acts_intimidation import THREAT_WORDS
from nlu.facts_acts_more import (
    AS_IF_BEFORE,
    BLOW_ON_A_THING,
    BLOWS,
    BY_AFTER,
    DODGED,
    DOOR_SLAM,
    PERSONAL_EXTRA,
    PERSONAL_FOURTEENTH,
    PERSONAL_MORE,
    PHYSICAL_FOURTEENTH,
    STANDING_OVER,
    THING_NOT_ME,
    VERBAL_EXTRA,
    contact_denied,
    taken_back,
)
from nlu.facts_acts_slang import PERSONAL_24, PHYSICAL_24, VERBAL_24, on_a_thing, told_otherwise
from nlu.facts_acts_words import (
    ARMED,
    DOOR_IN_FACE,
    PERSONAL_22,
    PERSONAL_23,
    PHYSICAL_22,
    VERBAL_MORE,
    WEAPON_WORD,
    weapon_shown,
)
from nlu.facts_base import Extracted, Story, clause_around, negated, quoted, sentence_start

__all__ = ["ACT", "HARM", "aro_category"]

_PHYSICAL = re.compile(
    r"\b(?:sloeg|slaat|sloegen|geslagen|klap|klappen|vuistslag\w*|stompte|stompt|gestompt"
    r"|schopte|schopt|schopten|geschopt|trapte|trapt|getrapt|duwde|duwt|duwden|geduwd|duw"
    r"|weggeduwd|greep|grijpt|gegrepen|vastgegrepen|vastgepakt|beet|bijt|gebeten|krabde|krabt"
    r"|gekrabd|kneep|knijpt|geknepen|wurgde|gewurgd|sleurde|gesleurd|kopstoot|mishandeld"
    r"|mishandelde|aangevallen|aanviel|viel\s+(?:me|mij)\s+aan|raakte|geraakt|mep|stomp"
    # ("de trap af": the stairs)
    r"|(?<!de )(?<!die )trap(?!\s+(?:af|op|omhoog|omlaag|naar|afgeduwd|afgegooid))"
    r"|schop|knietje|elleboogstoot"
    r"|slaan|schoppen|trappen|stompen|duwen|bijten|krabben|knijpen|wurgen|aanvallen"
    r"|in elkaar slaan|kick|push|bite|attack|swung|caught"
    r"|hit|hits|hitting|punched|punch|kicked|kicks|kicking|pushed|pushing|shoved|grabbed"
    r"|grabbing|grabs|bit|bitten|scratched|pinched|slapped|choked|strangled|attacked|assaulted"
    r"|headbutted|physically|yanked|ripped|snatched|groped|grope|fondled|touched|touching"
    r"|elbowed|kneed|tripped|pinned|betast\w*|betastte|aangeraakt|rukte|gerukt|opengekrabd"
    r"|kletste|gekletst|neep|genepen|nijpen|getrokken|handtastelijk\w*|handsy"
    # "pakte hij me vast", "zat aan mijn borst", "de deur op mijn hand dichtgeslagen"
    r"|(?:pakte|pakt|hield|houdt|greep)\s+(?:\S+\s+){0,2}?(?:me|mij)\s+vast"
    r"|(?:zat|zit|gezeten|zitten)\s+(?:\S+\s+){0,2}?aan\s+(?:mijn|m'n|mn)\s+(?:borst\w*|kont|billen"
    r"|lijf|lichaam|benen|been)|(?:aan|at)\s+(?:mijn|m'n|mn)\s+(?:borst\w*|kont|billen|lijf)\s+"
    r"(?:gezeten|gezet|zitten|zat)"
    r"|(?:op|tegen)\s+(?:mijn|m'n|mn)\s+(?:hand|vingers?|arm|voet|hoofd)\s+(?:dicht)?(?:geslagen"
    r"|gegooid|gesmeten|geklapt|gesmakt)"
    r"|physical(?! therap| exam))\b"
    # "een tik", "ne klets" (Flemish), "een lel": a blow by its noun
    r"|\b(?:een|ne|nen|a)\s+(?:\w+\s+)?(?:tik|mep|oplawaai|dreun|pets|klets|lel|hengst|slap"
    r"|smack|whack|thump|stamp|schop|kopstoot|kaakslag|vuistslag|zet|duw|douw|por|stoot|opduwer"
    r"|shove|punch|kick|headbutt|elbow)\b"
    r"|\b(?:pakte|greep|trok|pulled|held|had)\s+(?:(?!\b(?:and|en|said|zei)\b)[^.,;]){0,60}?"
    r"\b(?:arm|armen|hand|pols|keel|haar|haren|nek|wrist|throat|hair|neck|shoulders?"
    r"|schouders?)\b"
    r"|\b(?:pakte|greep|trok|pulled|held|had|hield|houdt|vastgehouden|gepakt|getrokken"
    r"|twisted|bent|boog|verboog|verdraaide|draaide|squeezed|grabbed|grabbing)\s+(?:\S+\s+){0,3}?"
    r"(?:mijn|m'n|mn|my)\s+(?:\S+\s+)?(?:arm|armen|hand|handen|pols|keel|haar|haren|nek|wrist"
    r"|throat|hair|neck|shoulders?|schouders?|vinger|vingers|finger|fingers|duim|thumb|borst"
    r"|borsten|breast|breasts|bil|billen|kont|bum|bottom|kraag|collar)\b"
    # "zijn hand op mijn been", "hands on my thigh", "me bij mijn nek"
    r"|\b(?:hand|handen|hands)\s+(?:\S+\s+)?(?:op|on|onder|under|tegen|against|over|in)\s+"
    r"(?:mijn|m'n|mn|my)\b"
    r"|\b(?:me|mij)\s+bij\s+(?:mijn|m'n|mn|de|het)\s+(?:nek|keel|arm|armen|pols|polsen|haar"
    r"|haren|kraag|schouders?|shirt|jas|hand|hoofd|middel|kont|billen|borst)\b"
    r"|(?<!hoorn\s)(?<!phone\s)(?<!telefoon\s)(?<!receiver\s)"
    r"\b(?:off|out\s+of|from|uit|van)\s+(?:my|mijn|m'n|mn)\s+(?:head|hand|hands|face|ear|neck"
    r"|uniform|hoofd|handen|gezicht|oor|nek|uniform)\b"
    r"|\b(?:handen|hands)\s+(?:om|round|around)\s+(?:mijn|my)\s+(?:keel|nek|throat|neck)"
    # an injury told: "ik heb een snee in mijn hand", "a bruise on my arm"
    r"|\b(?:snee|sneetje|wond|bult|blauwe\s+plek\w*|schram\w*|rode\s+streep|striem|schaafwond"
    r"|bloedneus|cut|bruise\w*|wound|gash|scratch\w*|welt|red\s+mark)"
    r"\s+(?:in|op|on|aan|bij)\s+(?:mijn|m'n|mn|my)\s+\w+"
    r"|\bfysiek\w*\b"
    # a blow that missed is physical too: "took a swing at me", "haalde naar me uit"
    r"|\b(?:took|takes|taking)\s+a\s+swing\b|\bswung\s+(?:\S+\s+)?at\b"
    r"|\bhaalde\s+(?:\S+\s+){0,5}?(?:naar|op)\s+(?:me|mij)\s+uit\b|\buitgehaald\s+naar\b"
    # run into with a wheelchair or a car: "reed met zn rolstoel expres tegen mijn schenen"
    r"|\b(?:reed|rijdt|ramde|drove|rammed|ran)\s+(?:\S+\s+){0,8}?(?:tegen|into|over)\s+"
    r"(?:mijn|m'n|mn|my)\s+\w+"
)
# Spitting and throwing count whatever they hit ("spuugde op mijn jas", "threw it at me").
_SPAT_THREW = re.compile(
    r"\b(?:spuugde|spuugt|spoog|gespuugd|bespuugd|spuwde|spugen|spit|spat|spitting)\b"
    r"|\b(?:gooide|gooit|gegooid|smeet|smijt|wierp|goot|kieperde|spetterde|threw|trew|thrown|throw"
    r"|throwing|tipped|poured|flicked|splashed|squirted|hurled|chucked|lobbed|flung)\b"
    r"(?!\s+(?:abuse|insults|names|slurs|threats)\b)(?=(?:\s+\S+){0,9}?\s+(?:naar|tegen|op|over|at|in|to)\s+(?:\S+\s+){0,3}?(?:me|mij|mijn|mn"
    r"|m'n|my)\b)"
    # "smeet zijn mok mijn kant op", "threw it my way"
    r"|\b(?:gooide|gooit|smeet|smijt|wierp|threw|hurled|chucked|flung)\b(?:\s+\S+){0,10}?\s+"
    r"(?:(?:mijn|m'n|mn)\s+kant\s+op|my\s+way)"
    # "kreeg een beker koffie over me heen" (not "een hoop gezeik over me heen")
    r"|(?<!gezeik )(?<!gezeur )(?<!kritiek )(?<!commentaar )(?<!woorden )\bover\s+(?:me|mij)"
    r"\s+heen\b"
    # "er vloog een stoel mijn kant op", "a cup came flying at me"
    r"|\b(?:vloog|vlogen|flew|came\s+flying|went\s+flying)\b(?:\s+\S+){0,4}?\s+(?:(?:mijn|m'n|mn)"
    r"\s+kant|naar\s+(?:me|mij|mijn)|at\s+me|towards\s+me|my\s+way|past\s+my\s+head|langs"
    r"\s+(?:mijn|m'n|mn)\s+hoofd)"
    # "er werd een stoel naar me gegooid"
    r"|\b(?:naar|tegen|op|over)\s+(?:me|mij|mijn\s+\w+|mn\s+\w+)\s+(?:\S+\s+){0,2}?(?:gegooid"
    r"|gesmeten|geworpen|gespuugd|gegoten)\b"
)
_PERSONAL = re.compile(
    r"\b(?:intimid\w*|discrimin\w*|racist\w*|racism\w*|stalk\w*|achtervolg\w*|seksistisch\w*"
    r"|sexist\w*|homofob\w*|homophob\w*|seksue\w*\s+(?:getinte\s+)?(?:opmerking\w*|intimidatie"
    r"|toespeling\w*)|sexual\s+(?:remarks?|comments?|harassment|innuendo|messages?)"
    r"|ongewenste\s+intimiteit\w*|buitenlander\w*|eigen land|go back where|zwarte aap"
    # following, waiting, staring, standing too close
    r"|(?:volgde|volgt)\s+(?:me|mij)|(?:me|mij)\s+(?:\S+\s+){0,4}?achterna\w*|achter\s+(?:me|mij)"
    r"\s+aan|followed\s+me|follows\s+me|following\s+me"
    r"|behind(?<!\bsat behind)(?<!\bsat right behind)\s+me"
    r"|(?:wacht\w*|stond)\s+"
    r"(?:\S+\s+){0,3}?(?:me|mij)\s+op\b(?!\s+straat)|op\s+te\s+wachten|waiting\s+for\s+me|waits\s+at"
    r"|turning\s+up|(?:me|mij)\s+(?:\S+\s+)?aanstaren|(?:staarde|stared|staring)\s+(?:\S+\s+){0,2}?"
    r"(?:me|mij)|(?:dicht|vlak)\s+(?:bij|voor)\s+(?:me|mij)"
    r"|really\s+close|right\s+in\s+front\s+of\s+me|(?:me|mij)\s+(?:\S+\s+){0,4}?te\s+(?:filmen"
    r"|fotograferen|staren|begluren|bespieden|wachten)|naar\s+(?:me|mij)\s+(?:\S+\s+){0,3}?te\s+(?:staren"
    r"|loeren|gluren)|(?:filming|photographing|recording)\s+me|(?:been|kept|keeps|was|is)\s+"
    r"watching\s+me|watched\s+me\s+(?:\S+\s+){0,2}?(?:home|from|for|all|the\s+whole)"
    r"|(?:i\s+see\s+you|i'?m\s+watching\s+you|ik\s+zie\s+je|ik\s+hou\s+je\s+in\s+de\s+gaten)"
    r"|(?:knipoogde|winked)"
    # standing or waiting at the melder's home or car, touching their things
    r"|(?:stond|stonden|staat|wachtte|waited|waiting|stood|standing|parked|hing|hangs|hung)\s+"
    r"(?:\S+\s+){0,4}?(?:voor|bij|by|at|outside|in\s+front\s+of)\s+(?:mijn|m'n|mn|my)\s+"
    r"(?:huis|deur|voordeur|woning|house|home|door|flat|appartement|auto|car|fiets|bike)"
    r"|(?:my|mijn|m'n|mn)\s+(?:home\s+)?(?:address|huisadres|adres)"
    r"|(?:je|jij|u)\s+woont\s+(?:toch\s+)?(?:in|op|aan)|you\s+live\s+(?:in|on|at)"
    r"|(?:banden|tyres|tires)\s+(?:\S+\s+){0,3}?(?:lek|leeg|down|slashed)|(?:let|slashed)\s+"
    r"(?:my|mijn)\s+(?:tyres|tires)|(?:briefjes?|notes?)\s+(?:\S+\s+){0,2}?(?:achter|onder"
    r"|under|on)\s+(?:mijn|m'n|mn|my)\s+(?:ruitenwisser|windscreen|windshield|auto|car|deur|door)"
    r"|(?:pocketed|took|hid|pakte|verstopte)\s+(?:my|mijn|m'n|mn)\s+(?:car\s+)?(?:keys|sleutels?"
    r"|autosleutels?)"
    # threatening gestures
    r"|(?:vinger|finger|hand|duim|thumb)\s+(?:\S+\s+){0,3}?(?:langs|over|across)\s+(?:zijn|z'n"
    r"|zn|his|her|haar|de|the)\s+(?:keel|nek|throat|neck)|(?:snij|keel|pistool|schiet)\w*"
    r"(?:gebaar|beweging)|(?:dreigend\w*|threatening)\s+(?:gebaar\w*|gestures?)"
    r"|(?:gun|shooting|throat[\s-]?slitting|cut[\s-]?throat)\s+(?:gesture|sign)"
    # blocking the doorway or the way out
    r"|in\s+front\s+of\s+(?:me|the\s+(?:door|exit))|(?:wouldn'?t|would\s+not|refused\s+to)\s+"
    r"(?:move|budge|step\s+aside|get\s+out\s+of\s+the\s+way)|(?:wou|wilde)\s+niet\s+(?:opzij"
    r"|aan\s+de\s+kant)|(?:stond|stonden|staan)\s+(?:\S+\s+){0,3}?voor\s+de\s+(?:\w*deur|uitgang)"
    r"|voor\s+de\s+(?:\w*deur|uitgang)\s+(?:\S+\s+){0,3}?(?:staan|stond)|(?:in\s+de\s+deur\w*"
    r"|in\s+the\s+doorway)\s+(?:\S+\s+){0,3}?(?:staan|stond|stood)(?:\s+en)?\s+(?:liet|wou\s+niet"
    r"|wilde\s+niet|wouldn'?t)|voet\s+tussen\s+de\s+deur|foot\s+in\s+the\s+door|nergens\s+heen"
    r"|(?:not|n't)\s+going\s+anywhere|liet\s+(?:me|mij)\s+(?:er\s+)?(?:\S+\s+){0,4}?niet\s+"
    r"(?:uit|gaan|weg|langs|door|meer\s+uit)|liet\s+(?:hij|ze|zij)\s+(?:me|mij)\s+(?:pas\s+)?"
    r"(?:eruit|gaan|weg|door|langs)|liet\s+(?:me|mij)\s+pas\s+(?:gaan|eruit|weg|door)"
    r"|op\s+slot\s+(?:terwijl|toen|met)\s+(?:ik|mij|me)|opgesloten|locked\s+me"
    # sexual propositions and remarks on the body, discrimination
    r"|(?:vroeg|vraagt|asked|asking|wilde|wanted)\s+(?:\S+\s+){0,5}?(?:seks|sex|naar\s+bed"
    r"|neuken|pijpen|blowjob|sleep\s+with|zoen\w*|kiss)|propositioned|(?:seksuele?|sexual"
    r"|oneerbare|indecent)\s+(?:voorstel\w*|propositions?|advances?)|zo\s+lekker"
    r"|(?:opmerking\w*|comments?|remarks?|grap\w*|jokes?)\s+(?:\S+\s+){0,2}?(?:over|about|on)\s+"
    r"(?:mijn|m'n|mn|my|haar|her)\s+(?:\S+\s+)?(?:lichaam|kont|billen|borsten|tieten|benen"
    r"|lippen|body|bum|butt|bottom|breasts|boobs|chest|legs|lips"
    r"|hoofddoek|headscarf|hijab|huidskleur|skin|accent|kleur|colour|color|geloof|religion)"
    r"|monkey\w*|apengeluid\w*|(?:noemde|called)\s+(?:me|mij)\s+(?:een\s+|an?\s+)?['\"]?"
    r"(?:\w+\s+)?(?:aap|immigrant|allochtoon)|(?:zo'?n|een|geen)\s+(?:zwarte|bruine)(?=['\"]"
    r"|\s+(?:niet|geholpen|wil|hoort|aan|moet|mag)\b)|(?:omdat|because)\s+(?:ik|i'?m|i\s+am)\s+"
    r"(?:zwart|bruin|black|brown|moslim|muslim|joods|jewish)|(?:real|proper|echte)\s+(?:dutch"
    r"|nederlandse?|hollandse?|white|witte|blanke?)\s+(?:girl|nurse|woman|doctor|meid|meisje"
    r"|zuster|verpleegster|verpleegkundige|dokter|arts)|people\s+like\s+me\s+(?:shouldn'?t|can'?t)"
    # blocking the way: "ik kon er niet langs", "wouldn't let me out", "boxed in"
    r"|(?:kon|mocht)\s+(?:er\s+)?(?:niet|pas)\s+(?:langs|weg|door|eruit)|liet\s+(?:me|mij)\s+"
    r"niet\s+(?:gaan|weg|langs|door)|(?:couldn'?t|could not)\s+(?:get\s+(?:past|on|in|away"
    r"|through)|leave|get\s+out)|(?:kon|mocht)\s+(?:er\s+)?niet\s+(?:in|instappen|erin)\b"
    r"|\ber\s+niet\s+(?:in|uit|langs|door)\s+(?:kon|mocht)\b|(?:wouldn'?t|would not)\s+let\s+me"
    r"|locked\s+the|deur\s+dicht"
    # comments on the body, and implicit threats about home and family
    r"|opmerkingen\s+over\s+mijn\s+lichaam|dingen\s+over\s+mijn\s+lichaam|about\s+my\s+body"
    r"|on\s+my\s+body|schatje|lekker\s+ding|sweetheart|sexy"
    r"|(?:weet|weten|know|knows|knew|wist|find\s+out|found\s+out|uitzoeken|uitgezocht)\s+"
    r"(?:(?!(?:niet|not)\b)\w+\s+){0,2}?(?:(?:waar|where|hoe\s+laat|what\s+time|when)\s+(?:ik|jij"
    r"|je|u|you|i)\s+(?:\w+\s+){0,2}?(?:woon|woont|live|lives|park|parkeer|parkeert|fiets|cycle"
    r"|naar\s+huis|go\s+home|slaapt|sleep)|(?:which|what|welke)\s+(?:street|straat|auto"
    r"|car|route))|(?:je|jouw|your)\s+(?:auto|car)\s+(?:in|on)"
    r"|mond\s+(?:kon|moet|moest)?\s*houden|keep\s+my\s+mouth\s+shut"
    r"|filmde\s+(?:\S+\s+){0,5}?(?:me|mij)|filmed\s+me"
    # photographed, too close to the face, stared at, fists clenched, sexual gestures
    r"|(?:took|takes|taking|taken|snapped)\s+(?:\S+\s+){0,2}?(?:pictures|photos|photo|picture"
    r"|pics)\s+of\s+me|foto'?s\s+(?:\S+\s+){0,3}?van\s+(?:mij|me)|fotografeerde\s+(?:me|mij)"
    r"|(?:close|dichtbij|vlak|pal)\s+(?:to|bij|voor)\s+(?:my|mijn|m'n|mn)\s+(?:face|gezicht)"
    r"|breathing\s+on\s+me|(?:staart|staarden)\s+(?:me|mij)\s+aan|naar\s+(?:me|mij)\s+(?:\S+\s+)?"
    r"(?:staren|staarde|staart|loeren|gluren)|(?:vlak|pal|dicht|steeds)\s+achter\s+(?:me|mij)"
    r"|naast\s+(?:me|mij)\s+(?:\S+\s+)?(?:lopen|liep|staan|stond)"
    r"|(?:balde|balt)\s+(?:zijn|z'n|zn|haar|de)\s+vuist\w*|vuisten\s+gebald|clenched\s+(?:his|her"
    r"|their)\s+fists?|(?:seksue\w*|obscene|sexual|obscene)\s+(?:gebar\w*|gestures?)"
    r"|(?:bij|by|at)\s+(?:mijn|m'n|mn|my)\s+(?:auto|car|fiets|bike)\s+(?:\S+\s+){0,2}?(?:te\s+"
    r"wachten|waiting|te\s+staan))\b"
)
_VERBAL = re.compile(
    r"\b(?:schold|scheldt|scholden|gescholden|uitgescholden|uitschelden|uitschold|uitscheldt"
    r"|scheldwoord\w*|schelden|scheldpartij\w*|gescheld|schreeuwde|schreeuwt|schreeuwden|geschreeuwd|schreeuwen|tierde"
    r"|vloekte|vloekt|gevloekt|vloeken|beledigde|beledigt|beledigd|belediging\w*|bedreigde"
    r"|bedreigt|bedreigd|bedreiging\w*|dreigde|dreigt|gedreigd|verbaal|verbale|tekeer|riep"
    r"|shouted|shouting|yelled|yelling|screamed|screaming|swore|swearing|cursed|insulted|swears"
    r"|curses|shouts|yells|screams|tieren|tierde|tiert|getierd|roepen|te\s+roepen"
    r"|insulting|threatened|threatening|verbal\w*|called\s+me\s+(?:an?|every)|noemde\s+(?:\S+\s+){0,4}?(?:me|mij)"
    r"|roept|oprotten|opzouten|rot\s+op|called\s+me\s+names"
    r"|uitgemaakt\s+voor|uitmaakte\s+voor|maakte\s+(?:me|mij)\s+uit\s+voor"
    r"|went\s+off\s+(?:at|on)\s+me|f[\s-]?bombs?|f[\s-]?words?|swear\s*words|(?:nasty|foul"
    r"|vile|filthy|abusive)\s+language|words\s+only|only\s+words|just\s+words|alleen\s+(?:maar\s+)?"
    r"woorden|threaten|threatens|gebrul|kafferde|uitgekafferd|uitkafferen|kafferen|snauwde|snauwt|gesnauwd"
    r"|afgeblaft|blafte|brulde|krijste|snapped\s+at\s+me|barked\s+at\s+me|had\s+a\s+go\s+at\s+me"
    r"|(?:maak|maakt|maken)\s+(?:je|jou|u|jullie|me|mij)\s+(?:af|dood)|kill\s+(?:you|me|u)"
    r"|(?:you|i)'?ll\s+be\s+next|(?:jij|ik)\s+(?:bent|ben)\s+de\s+volgende"
    r"|(?:threatened|dreigde|dreigt|gedreigd)\s+(?:(?:me|mij)\s+)?(?:to|that|te|dat|om))\b"
)
# Intimidation told as a short answer to "what kind of aggression was it?" rather than in a
# story: following, waiting, watching, standing outside one's home, remarks about one's
# body, origin, skin or faith, photographing one's name badge.
_PERSONAL_MORE = re.compile(
    # a blow shown, not given; a door slammed in the face; a face too close; riding along
    r"\b(?:hief|hield|raised|held)\s+(?:z'n|zn|zijn|his|her|haar|d'r|a)\s+(?:vuist|hand|fist)\b"
    r"|\b(?:blocked|blokkeerde)\s+(?:the|de|het|my|mijn|mn)\s+(?:front\s+|voor)?(?:door|deur\w*|way"
    r"|doorgang|exit|uitgang)\b|\bslammed\s+(?:\S+\s+){0,7}?in\s+my\s+face\b"
    r"|\b(?:voor|in)\s+(?:mijn|mn|m'n)\s+gezicht\s+(?:\S+\s+)?dicht\w*|\bsmeet\s+(?:\S+\s+){0,4}?"
    r"dicht\b|\bgezicht\s+vlak\s+(?:bij|voor)\s+(?:het\s+mijne|mijn|mn)\b|\bright\s+up\s+in\s+my"
    r"\s+face\b|\b(?:fietste|reed|liep)\s+(?:\S+\s+){0,5}?naast\s+(?:me|mij)\s+mee\b"
    r"|"
    r"\b(?:me|mij)\s+(?:\S+\s+){0,2}?(?:volg(?!ende\b)\w*|achterna)\b|\bfollow\w*\s+(?:\S+\s+){0,1}?me\b"
    r"|\b(?:reed|rijdt|drove|drives|liep|loopt|walked)\s+(?:\S+\s+){0,1}?(?:achter|behind)\s+"
    r"(?:mijn|me|mij|my)\b"
    r"|\bwacht\w*\s+(?:\S+\s+){0,8}?op\s+(?:me|mij)\b|\bwacht\w*\s+(?:me|mij)\s+(?:\S+\s+){0,5}?op\b"
    r"|\b(?:waits|waited|waiting)\s+(?:for\s+me|by\s+my|at\s+my|outside\s+my)\b"
    r"|\b(?:voor|bij)\s+(?:mijn|mn|m'n)\s+(?:huis|deur|woning|voordeur)\b|\boutside\s+my\s+(?:house"
    r"|home|door|flat)\b|\bacross\s+the\s+street\b|\baan\s+de\s+overkant\b"
    r"|\bnaar\s+(?:me|mij)\s+te\s+(?:kijken|staren|loeren)\b|\bwatching\s+me\b"
    r"|\bkijkt\s+(?:me|mij)\s+(?:\S+\s+){0,3}?aan\b"
    r"|\b(?:bij\s+hem\s+in\s+bed|into\s+bed\s+with|in\s+bed\s+with|liefdesleven|love\s+life"
    r"|toespeling\w*\s+op|knipoog\w*|a\s+wink|women\s+like\s+me|vrouwen\s+zoals\s+ik"
    r"|how\s+tight|hoe\s+strak)\b"
    r"|\bjullie\s+soort\b|\byour\s+kind\b|\byou\s+people\b|\bterrorist\w*|\bgo\s+back\s+home\b"
    r"|\b(?:oprotten|opzouten|terug)\s+(?:\S+\s+){0,2}?(?:naar|uit)\s+(?:je\s+eigen\s+land|nederland"
    r"|holland|marokko|turkije|afrika|polen)\b"
    r"|\b(?:stond|stonden|zat|was|bleef)\s+(?:\S+\s+){0,6}?te\s+filmen\b"
    r"|\bfilmpje\s+(?:\S+\s+){0,4}?(?:tiktok|insta\w*|facebook|youtube|online|internet)\b"
    r"|\bachter\s+(?:ons|me|mij)\s+aan\b|\bbleef\s+(?:\S+\s+){0,2}?(?:volgen|staren)\b"
    r"|\btussen\s+(?:mij|me)\s+en\s+de\s+(?:\w*deur|uitgang)\b|\bbetween\s+me\s+and\s+the\s+(?:door|exit)\b"
    r"|\b(?:van\s+een\s+zwarte|black\s+(?:nurse|woman|carer|colleague)|white\s+(?:colleague|nurse)"
    r"|witte\s+collega|moslims?|muslims?|hoofddoek|headscarf|own\s+country|eigen\s+land)\b"
    r"|\b(?:foto|photo|picture)\s+(?:\S+\s+){0,3}?(?:naambordje|naamkaartje|badge|name\s+tag)\b"
    # found online and messaged, loomed over, asked about a boyfriend, stared at, waited for
    r"|\bfound\s+my\s+(?:\S+\s+)?(?:instagram|insta|facebook|account|profile|address|number)\b"
    # where the melder or their children live or go, the car's plate, body remarks
    r"|\b(?:know|knows|weet|weten)\s+(?:where|waar)\s+(?:your|je|jouw)\s+(?:kids|children|kinderen"
    r"|family|familie|daughter|son|dochter|zoon)\b|\b(?:you|je|jij)\s+(?:still\s+|nog\s+)?(?:live"
    r"|woont)\s+(?:on|in|at|op|in)\b|\bwoon\s+je\s+(?:nog\s+)?(?:in|op|aan)\b|\bkenteken\w*\b"
    r"|\b(?:license|licence|number)\s+plate\b|\b(?:pal|vlak|recht)\s+voor\s+(?:me|mij)\b"
    r"|\bover\s+(?:mijn|m'n|mn|my)\s+(?:borsten|tieten|kont|billen|lichaam|benen|breasts|boobs"
    r"|body|bum|butt)\b|\bbij\s+(?:hem|haar)\s+(?:\w+\s+)?(?:slapen|slaap)\b"
    r"|\b(?:me|mij)\s+(?:\S+\s+){0,4}?gefilmd\b"
    r"|\b(?:he|she|they|hij|ze|zij|client|patient)\s+(?:\S+\s+){0,3}?(?:waiting|waited|wachtte)\s+"
    r"(?:\S+\s+){0,3}?(?:at|by|bij|outside|op)\s+(?:the\s+|de\s+)?"
    r"(?:bus\s*stop|bushalte|entrance|ingang|exit|uitgang|gate|poort)\b"
    r"|\bwil\s+(?:geen\s+(?:pool|polen|marokkaan|turk|buitenlander|zwarte)\w*|(?:een\s+)?(?:nederlandse"
    r"|hollandse|witte)\s+(?:zuster|verpleegster|verpleegkundige|hulp))"
    r"|\bkeeps?\s+(?:messaging|texting|dming)\s+me\b|\bblijft\s+(?:me\s+)?(?:appen|berichten"
    r"|sturen)\b|\bloom\w*\s+over\b|\b(?:right\s+)?up\s+close\b|\bin\s+my\s+personal\s+space\b"
    r"|\b(?:onder|under)\s+(?:mijn|m'n|mn|my)\s+(?:uniform|kleren|shirt|rok|clothes|scrubs"
    r"|skirt)\b|\b(?:vriendje|vriendin|boyfriend|girlfriend)\s+(?:had|heb|have|has)\b"
    r"|\b(?:aan\s+te\s+)?(?:gapen|aangapen|aangaapt|gaapte)\b|\bopwacht(?:t|te|ten)?\b|\bopgewacht\b"
    r"|\b(?:grap\w*|jokes?|opmerking\w*|comments?)\s+(?:\S+\s+){0,2}?(?:over|about)\s+"
    r"(?:homo\w*|gay\w*|moslim\w*|muslim\w*|zwart\w*|black\s+people|buitenlander\w*"
    r"|foreigners|vrouwen|women|joden|jews|lesbi\w*)"
)
_SERIOUS_FIRST = (
    ("fysiek", DODGED),
    ("fysiek", _PHYSICAL),
    ("fysiek", _SPAT_THREW),
    ("fysiek", PHYSICAL_FOURTEENTH),
    ("fysiek", PHYSICAL_22),
    ("fysiek", PHYSICAL_24),
    ("persoonlijk", PERSONAL_MORE),
    ("persoonlijk", PERSONAL_EXTRA),
    ("persoonlijk", PERSONAL_FOURTEENTH),
    ("persoonlijk", _PERSONAL),
    ("persoonlijk", _PERSONAL_MORE),
    ("persoonlijk", PERSONAL_22),
    ("persoonlijk", PERSONAL_23),
    ("persoonlijk", PERSONAL_24),
)
# Words of violence in what someone said: "zei dat hij me verrot slaat", "said he'd smash my
# face in", "fluisterde dat hij me lek steekt", "zei 'hier prik ik je ogen mee uit'".
_SPEECH = (
    r"\b(?:zei|zegt|zeggen|zeiden|riep|roept|fluisterde|fluistert|siste|sist|brulde|schreeuwde"
    r"|schreeuwt|gilde|dreigde|dreigt|appte|schreef|schrijft|waarschuwde|say|said|says|told|tells"
    r"|telling|whispered|hissed|yelled|yelling|shouted|shouting|screamed|growled|texted|wrote"
    r"|threatened|warned)\b"
)
_MARKER = (
    r"(?:\b(?:dat|that|als|if|zou|zal|zouden|gaat|will|would|going\s+to|gonna)\b"
    r"|\b(?:he|she|they|i|we|you|who|people)'(?:d|ll)\b|(?:^|[\s:])['\"])"
)
# Strict: from the marker to the word no new clause ("zei dat ik moest stoppen en sloeg me").
_SPOKEN = re.compile(
    # (not what the melder said: "toen ik zei dat ie moest stoppen gaf ie me een duw")
    rf"(?<!\bik )(?<!\bi ){_SPEECH}(?:\s+\S+){{0,6}}?\s*{_MARKER}"
    r"(?:(?!\s(?:en|and|toen|then|maar|but)\s)[^,;.!?\n]){0,90}$"
)
_HARM = re.compile(
    r"\b(?:sla\w*|sloeg|klap\w*|schop\w*|trap\w*|steek\w*|stak|neersteken|prik\w*|snij\w*|keel"
    r"|kapot\w*|dood\w*|vermoord\w*|afmaken|breek\w*|breken|brand\w*|verbrand\w*|schiet\w*|pakken"
    r"|grazen|hersens|knieen|tanden|kopje\s+kleiner|hit|punch\w*|kick\w*|smash\w*|bash\w*"
    r"|snap\w*|break\w*|burn\w*|stab\w*|shank\w*|slit\w*|kill\w*|shoot\w*|hurt\w*|beat\w*"
    r"|knock\w*|strangle\w*|choke\w*|alight|bijt|bijten|bite|mes|knife|gun|pistool|wapen|in\s+the\s+ground|through\s+the\s+window|skull"
    r"|throat|teeth|sort\s+(?:me|you)\s+out|use\s+it\s+on|steken|finish\s+(?:me|you|her|him))\b"
)
# Lenient, for a threat when no act is told: "said he'd come back with petrol and set me
# alight", "zegt ik maak jou dood".
_SPOKEN_LOOSE = re.compile(
    rf"{_SPEECH}(?:\s+\S+){{0,14}}?\s*(?:{_MARKER}|\b(?:ik|jij|je|i|you)\b)[^.!?\n]{{0,90}}$"
)
_DISCRIMINATION = re.compile(r"racist\w*|racism\w*|discrimin\w*|zwarte aap|homofob\w*|homophob\w*")
# "dreigde me te slaan", "zei dat hij me zou slaan", "threatened to hit me".
_THREAT_BEFORE = re.compile(
    r"(?:\b(?:zou|zal|zouden|ga|gaat|gaan|wil|wilde|would|will|going to|gonna|wanted to"
    r"|volgende keer|next time)\b"
    # (not past a new clause: "toen ik weg wilde en duwde me terug")
    r"|\b(?:he|she|they)'(?:d|ll)\b)(?:\s+(?!(?:en|and|toen|then)\b)\S+){0,4}\s*$"
    # "zei dat hij de boel kort en klein kwam slaan": would come and do it
    r"|\b(?:kwam|komt|kwamen|komen)\s*$"
    # a threat verb reaches further, not past a new clause: "dreigde een jongen die ik niet
    # kende me in elkaar te slaan"
    r"|\b(?:dreig\w*|bedreig\w*|threat\w*)\b(?:\s+(?!(?:en|and|maar|but|toen|then)\b)\S+){0,10}"
    r"\s*$"
)
# The melder as the one hit: "me", "ik werd", "mijn arm", but not "mijn motorkap".
_FIRST_PERSON = re.compile(
    r"\b(?:me|mij|ik|i|myself|mezelf|gehad|gekregen|kreeg)\b|\b(?:mijn|m'n|mn|my)\s+(?!(?:eigen\s+|own\s+)?(?:auto|car|motorkap|bonnet|raam"
    r"|window|deur|door|fiets|bike|fietsstuur|handlebars|tas|bag|spullen|things)\b)"
)


def aro_category(story: Story) -> Extracted | None:
    """fysiek, persoonlijk or verbaal: the most serious act the story tells."""
    folded = story.folded
    for value, pattern in _serious_kinds(folded):
        for match in pattern.finditer(folded):
            if _passed_over(folded, match, pattern, value):
                continue
            if _DISCRIMINATION.fullmatch(match.group(0)) and _insulted(folded):
                return None  # a slur among insults: personal or verbal is the melder's call
            return Extracted(value, story.words(*match.span()))
    return _in_words(story, folded)


def _in_words(story: Story, folded: str) -> Extracted | None:
    """verbaal for threats and insults; nothing for a weapon only shown (the melder's call)."""
    threat = THREAT_WORDS.search(folded)
    if threat and not negated(folded, threat.start(), threat.end(), verb=True):
        return Extracted("verbaal", story.words(*threat.span()))
    if ARMED.search(folded):
        return None
    shown = weapon_shown(folded)
    for match in _HARM.finditer(folded):
        if shown and WEAPON_WORD.fullmatch(match.group(0)):
            continue  # "zei dat ie een mes bij zich had": the weapon, no harm said
        if _said(folded, match.start(), _SPOKEN_LOOSE) and not negated(
            folded, match.start(), match.end(), verb=True
        ):
            return Extracted("verbaal", story.words(*match.span()))
    if shown:
        return None  # a weapon shown, no harm said and no act: the melder's call
    for pattern in (_VERBAL, VERBAL_MORE, VERBAL_EXTRA, VERBAL_24):
        for match in pattern.finditer(folded):
            if not negated(folded, match.start(), match.end(), verb=True):
                return Extracted("verbaal", story.words(*match.span()))
    threat = next((m for m in _PHYSICAL.finditer(folded) if _threatened(folded, m.start())), None)
    return None if threat is None else Extracted("verbaal", story.words(*threat.span()))


def _serious_kinds(folded: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The serious kinds, most serious first; none physical when contact is denied."""
    if not contact_denied(folded):
        return _SERIOUS_FIRST
    return tuple(kind for kind in _SERIOUS_FIRST if kind[0] != "fysiek")


def _passed_over(folded: str, match: re.Match[str], pattern: re.Pattern[str], value: str) -> bool:
    """An act that does not count (see `_counts`), spit or a throw that is only standing
    over the melder, or a door slammed beside shouting ("schreeuwde tegen me en smeet de
    deur dicht": the shouting is it), or words as older rounds label them (`told_otherwise`)."""
    if not _counts(folded, match, physical=pattern is _PHYSICAL):
        return True
    if pattern is _SPAT_THREW and STANDING_OVER.match(folded, match.end()):
        return True
    slammed = _door_slammed(folded, match) or _door_slammed(folded, match, DOOR_IN_FACE)
    told = told_otherwise(folded, match) or (slammed and _insulted(folded))
    return value == "persoonlijk" and told


def _door_slammed(folded: str, match: re.Match[str], slams: re.Pattern[str] = DOOR_SLAM) -> bool:
    """A door slammed shut in a match ("smeet daarna de deur dicht"; with `slams`, also one
    slammed in the melder's face)."""
    slam = slams.search(folded, max(0, match.start() - 30), match.end() + 30)
    return slam is not None and slam.start() <= match.end() and match.start() <= slam.end()


def _insulted(folded: str) -> bool:
    return any(not negated(folded, *m.span(), verb=True) for m in _VERBAL.finditer(folded))


_NAMED = ("fysiek", "handtastelijk", "physical", "handsy")


def _counts(folded: str, match: re.Match[str], *, physical: bool) -> bool:
    start, end = match.span()
    if negated(folded, start, end, verb=True):
        return False
    if match.group(0).startswith(_NAMED) and taken_back(folded, start, end):
        return False
    if not physical:
        return True
    if _threatened(folded, start) or quoted(folded, start) or _not_on_me(folded, start, end):
        return False
    last = folded.rfind(" ", start, end) + 1 or start
    if _said(folded, start, _SPOKEN) or _said(folded, last, _SPOKEN):
        return False
    left, right = clause_around(folded, start, end)
    # The kind by its name ("fysiek", "it got physical") needs no one it was done to.
    named = match.group(0).startswith(_NAMED)
    # Told in the passive, the melder is the one it was done to: "got kicked by a client",
    # "werd geduwd door een bewoner", "Hit by a patient".
    passive = bool(
        _PASSIVE_BEFORE.search(folded, max(left, start - 12), start) or BY_AFTER.match(folded, end)
    )
    return named or passive or bool(_FIRST_PERSON.search(folded[left:right]))


def _not_on_me(folded: str, start: int, end: int) -> bool:
    """A blow onto a thing ("sloeg met zijn vuist op de balie") or only shown ("alsof hij me
    ging slaan")."""
    return bool(
        (folded[start:end] in BLOWS and BLOW_ON_A_THING.match(folded, end))
        or THING_NOT_ME.match(folded, end)
        or on_a_thing(folded, start, end, BLOWS)
        or AS_IF_BEFORE.search(folded, max(0, start - 40), start)
    )


_PASSIVE_BEFORE = re.compile(r"(?:^|\b(?:got|get|gets|getting|werd|word|wordt))\s+$")


def _threatened(folded: str, start: int) -> bool:
    left, right = clause_around(folded, start, start)
    if _THREAT_BEFORE.search(folded[max(left, start - 70) : start]):
        return True
    # Dutch puts the verb last: "dat hij me een klap voor mn kop zou geven".
    return bool(_THREAT_AFTER.match(folded, start, min(right, start + 40)))


_THREAT_AFTER = re.compile(
    r"\S+(?:\s+(?!(?:en|and|toen|maar)\b)\S+){0,5}?\s+(?:zou|zal|zouden|zullen)\b"
)


def _said(folded: str, start: int, pattern: re.Pattern[str]) -> bool:
    """Whether a word is part of what someone said they would do."""
    return bool(pattern.search(folded, sentence_start(folded, start), start))


#: An act of aggression or harassment itself ("sloeg", "screamed", "followed me").
HARM = re.compile("|".join(p.pattern for p in (_PHYSICAL, _SPAT_THREW, _PERSONAL, _VERBAL)))
#: Any act of aggression or harassment, or a doing that may carry one ("de vader dreigde",
#: "the father came"), to tell who did something.
ACT = re.compile(
    HARM.pattern
    + r"|\b(?:stuurde|stuurt|belde|belt|schreef|schrijft|postte|post|zei|zegt|kwam|komt|ging"
    r"|gaat|stond|staat|filmde|filmt|wachtte|wacht|greep|trok|pakte|sends?|sent|wrote|writes"
    r"|called|calls|said|says|came|comes|stood|stands|filmed|films|waited|waits|went|goes"
    r"|keeps|kept|posted|posts|shared|deelde|tekeer|gedeeld|gepost|gestuurd|geschreven|gebeld"
    r"|gedreigd|gezegd|geplaatst|gefilmd)\b"
)
