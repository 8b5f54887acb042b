"""Who did it, in the report's options: patient, naaste, bezoeker or onbekend.

A relative, partner or friend of a patient is a naaste, never the patient: "de vader van een
patiënt", "the patient's son", "haar zoon" or "the father" when the story is about someone
in care, "a woman who came with her mum". Someone at a home visit ("meneer", "the
gentleman") or who was just with the doctor is the patient; "geen idee wie", "a man I don't
know" is onbekend. Denied mentions do not count ("geen patiënt maar een bezoeker"), and
neither do guesses ("volgens mij de zoon van een patiënt", "I think it's a patient"): a
wrong relation is worse than the question.
"""

from __future__ import annotations

import re

from nlu.facts_acts import ACT, HARM
from nlu.facts_base import Extracted, Story, first_free
from nlu.facts_relation_bystanders import FRIEND_OF, WATCHING
from nlu.facts_relation_more import (
    BEZOEKER_MORE,
    FRIEND,
    NAASTE_MORE,
    NOT_FAMILY,
    ONBEKEND_MORE,
    ONBEKEND_WEAK,
    PATIENT_MORE,
    WHO_UNKNOWN,
)

__all__ = ["KIN_EN", "KIN_NL", "perpetrator_relation"]

KIN_NL = (
    r"zoon|zoons|dochter|dochters|vader|moeder|man|vrouw|echtgenoot|echtgenote|partner|broer"
    r"|zus|zwager|schoonzus|schoonzoon|schoondochter|schoonvader|schoonmoeder|kleinzoon"
    r"|kleindochter|neef|nicht|oom|tante|opa|oma|vriend|vriendin|vriendje|ouders|kinderen|kind"
    r"|familie|familielid|familieleden|mantelzorger|naaste|naasten|verwant\w*|papa|mama"
    r"|stief\w+|pleeg(?:vader|moeder|ouders?)|kleinkind\w*|abi|abla|broertje|zusje"
)
KIN_EN = (
    r"son|daughter|father|mother|husband|wife|partner|brother|sister|uncle|aunt|nephew|niece"
    r"|grandson|granddaughter|grandfather|grandmother|grandma|grandpa|cousin|friend|boyfriend"
    r"|girlfriend|parents|parent|children|child|relative|relatives|family member|family|carer"
    r"|mum|mom|dad|son-in-law|daughter-in-law|mate|step(?:dad|mum|mom|father|mother|son"
    r"|daughter)|foster\s+(?:dad|mum|mom|father|mother|parents?)|grandchild\w*|grandkid\w*|nan|gran"
    r"|missus|hubby"
)
# The one in care: patients, clients, residents, and children someone supports.
_CARED = (
    r"(?:patient\w*|client\w*|clt|pt|bewoner\w*|bewoonster\w*|zorgvrager\w*|resident\w*|jongere\w*"
    r"|puber\w*|young\s+person|young\s+people|teenager\w*|youngster\w*|mevrouw|meneer|mevr\.?|mw\.?|mnr"
    r"|dhr\.?|de heer|mrs\.?|mr\.?|ms\.?|pleegkind\w*|jongen|jongens|meisje|meiden|kind|kindje"
    r"|kinderen|gasten|boy|boys|girl|girls|lads|child|children|kid|kids|foster child|lady|ladies"
    r"|gentleman|man|woman|youths?|service\s+users?)"
)
_DET = (
    r"(?:(?:de|het|een|mijn|m'n|deze|die|onze|the|a|an|my|our|this|that|one of (?:my|our|the)"
    r"|een van (?:mijn|onze|de))\s+)?"
)
# Parents and children who are named by their role alone: "de vader dreigde", "the mum".
_ROLE_KIN = (
    r"vader|moeder|zoontje|zoon|dochtertje|dochter|kleinzoon|kleindochter|schoonzoon"
    r"|schoondochter|papa|mama"
    r"|father|mother|son|daughter|grandson|granddaughter|son-in-law|daughter-in-law|mum|mom|dad"
)
_NAASTE = tuple(
    re.compile(p)
    for p in (
        rf"\b(?:{KIN_NL})\s+van\s+{_DET}(?:\w+\s+){{0,2}}?{_CARED}(?!\w)",
        rf"\b(?:{KIN_EN})\s+(?:of|from)\s+{_DET}(?:\w+\s+){{0,2}}?{_CARED}(?!\w)",
        # "the patient's son", also typed without the apostrophe ("a patients son")
        rf"\b{_CARED}(?:\s+[a-z]\.?)?'s\s+(?:[\w-]+\s+)?(?:{KIN_EN})\b"
        # a client by title and name: "Mrs. Bakker's nephew"
        rf"|\b(?:mrs|mr|ms|mevr|mw|dhr)\.?\s+[a-z][\w-]*'s\s+(?:{KIN_EN})\b"
        rf"|\b(?:patients|clients|residents|pts|clts)\s+(?:{KIN_EN})\b"
        rf"|\b(?:kids|children|patients|clients|residents|boys|girls)'\s+(?:\w+\s+)?(?:{KIN_EN})\b",
        # "the man who's married to one of my clients", "getrouwd met een cliënte"
        rf"\b(?:married|getrouwd)\s+(?:to|met)\s+{_DET}(?:\w+\s+){{0,2}}?{_CARED}(?!\w)",
        # a parent on the maternity ward: "a new dad", "de kersverse vader"
        r"\b(?:new|nieuwe|kersverse|aanstaande)\s+(?:dad|father|vader|papa)\b",
        r"\b(?<!mijn )(?<!my )(?:familielid|familieleden|naaste|mantelzorger|relative|relatives"
        r"|family member|family members)\b",
        r"\bde familie\b(?!\s+van\s+(?:mij|mijzelf))|\bthe family\b",
        # "een vrouw die met haar moeder meekwam", "a man who came in with his mate"
        rf"\b(?:die|who)(?:'d)?\s+(?:\w+\s+){{0,3}}?(?:met|with)\s+(?:zijn|haar|hun|his|her"
        rf"|their)\s+(?:{KIN_NL}|{KIN_EN})\b"
        rf"|\bmeekwam\s+met\s+(?:zijn|haar|hun)\s+(?:{KIN_NL})\b"
        # "was met zn maat meegekomen", "was there with his mate (the mate was the patient)"
        r"|\bmet\s+(?:zijn|haar|zn|z'n)\s+(?:maat|vriend|vriendin|broer|zus|moeder|vader|oma|opa)"
        r"\s+(?:\w+\s+){0,2}?meegekomen\b"
        r"|\bthere\s+with\s+(?:his|her)\s+(?:mate|friend|brother|sister|mum|mom|dad|nan|gran)\b",
        # "a man demanding a doctor for his mum", "a woman with her sick toddler", "een gast
        # die zijn moeder kwam ophalen"
        rf"\b(?:man|woman|guy|bloke|lady|vrouw|gast|vent|kerel|meneer|mevrouw)\s+(?:[\w']+\s+){{0,6}}?"
        rf"(?:for|with|met|voor)\s+(?:his|her|their|zijn|haar|hun|z'n|zn)\s+(?:sick\s+|zieke\s+"
        rf"|little\s+|kleine\s+)?(?:{_ROLE_KIN}|toddler|baby|kid|kind|kindje|peuter|oma|opa"
        rf"|grandma|grandpa|wife|husband)\b"
        rf"|\b(?:man|vrouw|gast|vent|kerel|jongen)\s+(?:[\w']+\s+){{0,2}}?(?:zijn|haar|z'n|zn)\s+"
        rf"(?:{_ROLE_KIN}|oma|opa|kind|vrouw|man|vriendin|vriend|partner)\s+(?:\w+\s+){{0,4}}?"
        rf"(?:ophalen|halen|brengen|bezoeken)\b",
        # calling or coming for a partner: "belde een man voor zijn vrouw", "a woman calling
        # about her husband"
        r"\b(?:man|woman|guy|lady|vrouw|gast|vent|meneer|mevrouw)\s+(?:[\w']+\s+){0,6}?(?:for"
        r"|about|voor|over|namens)\s+(?:his|her|their|zijn|haar|hun|z'n|zn)\s+(?:\w+\s+)?"
        r"(?:vrouw|man|vriendin|vriend|partner|wife|husband|girlfriend|boyfriend)\b",
        # a neighbour who cares for the client: "de buurman die voor hem zorgt"
        r"\b(?:buurman|buurvrouw|neighbour|neighbor)\s+(?:die|who)\s+(?:\w+\s+){0,3}?(?:zorgt"
        r"|mantelzorger|looks\s+after|cares\s+for|takes\s+care)\b",
        # a relative waited on or called for: "if his wife was not seen immediately", "als
        # zijn kind niet meteen gezien werd", "hij belde voor zijn moeder", "she was there
        # with her sick child", "he was waiting with his wife who was ill"
        rf"\b(?:if|als|unless|tenzij)\s+(?:his|her|their|zijn|haar|hun|z'n|zn)\s+(?:{_ROLE_KIN}"
        r"|wife|husband|child|kid|baby|partner|vrouw|man|kind|kindje)\s+(?:\w+\s+){0,3}?"
        r"(?:seen|helped|gezien|geholpen)\b"
        rf"|\b(?:hij|zij|ze|he|she)\s+(?:belde|belt|called|calls|was\s+calling|is\s+calling)\s+"
        rf"(?:voor|for|about|over)\s+(?:zijn|haar|his|her)\s+(?:{_ROLE_KIN}|vrouw|man|kind|wife"
        r"|husband|child|baby|oma|opa|grandma|grandpa)\b"
        rf"|\b(?:was|were|came|sat|waiting|waited|wachtte|zat|kwam)\s+(?:there\s+|here\s+|daar\s+)?"
        rf"(?:with|met)\s+(?:her|his|their|haar|zijn|hun)\s+(?:sick\s+|ill\s+|zieke\s+|little\s+"
        rf"|kleine\s+)?(?:{_ROLE_KIN}|child|kid|baby|wife|husband|kind|vrouw|man)\b",
    )
)
# The perpetrator's own relative in their words: "'... mijn oma laten vallen'" (not from an
# unknown sender: "'we know what you did to my father', dont know who it is").
_QUOTED_KIN = re.compile(
    rf"(?<!\w)'(?![stnkm]\b)[^']{{0,80}}\b(?:mijn|m'n|my)\s+(?:{_ROLE_KIN}|opa|oma|grandma"
    rf"|grandpa)\b[^']{{0,80}}'"
)
# "de vader dreigde", "the mum came to the desk": a parent or child named by their role,
# doing something (not "de moeder lachte erom" while her child bit).
_ROLE = re.compile(
    rf"\b(?:de|het|een|the|a)\s+(?:{_ROLE_KIN})\b(?!\s+(?:van|of)\s+(?:mij|me|mijn|my)\b)"
)
# How near the act must be: after the role ("de vader dreigde", "the mum of a boy I support
# came"), or right before it in Dutch word order ("dreigde de vader").
_ACT_AFTER, _ACT_BEFORE = 70, 25
# "haar zoon", "his wife": a relative of someone, when the story is about someone in care.
_POSSESSIVE_KIN = re.compile(
    r"(?<!\w)(?:haar|zijn|zn|z'n|d'r|hun|her|his|their)\s+(?:zoon|dochter|vader|moeder|man|vrouw|echtgeno\w+"
    r"|partner|broer|zus|schoon\w+|klein\w+|neef|nicht|oom|tante|familie|son|daughter|father"
    r"|mother|husband|wife|brother|sister|grand\w+|uncle|aunt|nephew|niece|family|oma|opa"
    r"|vriend|vriendin|vriendje|boyfriend|girlfriend|stief\w+|step\w+|missus|hubby)\b"
)
_IN_CARE = re.compile(
    r"(?<!\w)(?:patient\w*|client\w*|bewoner\w*|bewoonster\w*|zorgvrager\w*|resident\w*|mevrouw"
    r"|meneer|mevr|mw|dhr|mr|mrs)(?!\w)|\bin\s+(?:behandeling|treatment|zorg|care)\s+(?:bij|with)\b"
    r"|\b(?:bij ons (?:lag|ligt|opgenomen)|lag bij ons|on our ward|in our care|caseload"
    r"|begeleid|verzorg\w*|looks? after|i support|care for|zorg voor|was on our|service users?)\b"
    # the melder came to give care: "when I came to give her insulin"
    r"|\b(?:came|come|went|was\s+there)\s+to\s+(?:give|help|wash|dress|shower)\s+(?:her|him)\b"
    r"|\bbij\s+ons\s+(?:op\s+(?:de|het)\s+\w+\s+)?(?:is\s+|was\s+)?(?:overleden|overleed|gestorven"
    r"|stierf)\b|\b(?:died|passed\s+away)\s+(?:on|in|at)\s+our\b"
)
_BEZOEKER = re.compile(
    r"\b(?:bezoeker|bezoekster|bezoekers|visitor|visitors|op bezoek|visiting(?!\s+(?:hours?|time))"
    r"|(?:came|come|comes|coming)\s+(?:in\s+)?to\s+visit|on\s+(?:a\s+)?visit|kwam\s+(?:op\s+)?bezoek\w*"
    r"|van\s+bezoek|op\s+visite|(?:came|come|dropped)\s+(?:in\s+)?(?:to|for)\s+(?:a\s+)?visit"
    # people at the site who are not in care: "the taxi driver who brought a client", "de
    # bezorger", "iemand uit de buurt die aan de balie kwam"
    r"|taxi\s?(?:driver|chauffeur)|taxichauffeur|(?:pakket)?bezorger|delivery\s+(?:man|guy|driver)"
    r"|(?:kwam|came\s+to)\s+(?:\w+\s+)?(?:afleveren|bezorgen|deliver)|leverancier|supplier"
    r"|postbode|postman|koerier|courier|buurtbewoner|(?:iemand|someone|a\s+man|a\s+woman|een\s+man"
    r"|een\s+vrouw)\s+(?:uit|from)\s+(?:de|the)\s+(?:buurt|neighbourhood|neighborhood))\b"
)
# Someone said not to be in care, and no one else named: "een man bij de balie, geen
# patiënt", "he was not a patient and not with anyone".
_NOT_IN_CARE = re.compile(
    r"\b(?:geen|not\s+a|niet\s+een|wasn'?t\s+a|isn'?t\s+a)\s+(?:patient|client|bewoner|resident)\w*"
)
_ONBEKEND = re.compile(
    r"\b(?:anonie?me?|anonymous)\s+\w+\s+(?:account|profiel|profile)\b"
    # "the Instagram account @x (anonymous)"
    r"|\b(?:account|profiel|profile)\s+@\w+\s+\((?:anonymous|anoniem)\)"
    r"|\b(?:onbekende|onbekend (?:nummer|account|persoon|iemand)|vreemde (?:man|vrouw|jongen"
    r"|meneer|mevrouw|persoon|kerel|gast|vent|gozer|snuiter)|vreemdeling|voorbijganger"
    r"|nepaccount|anoniem account|anoniem nummer|anon account|anon profiel|anon profile"
    r"|wildvreemde?|stranger|passer-?by"
    r"|unknown (?:man|woman|person|number"
    r"|caller|account|guy)|fake account|anonymous account|anonymous number)\b"
    r"|\b(?:iemand|een man|een vrouw|een jongen|hem|haar|die man|die vrouw)\s+(?:die\s+)?ik\s+"
    r"(?:niet|nog nooit)\s+(?:ken|kende|gezien had|eerder gezien had)\b"
    r"|\bik\s+ken\s+(?:hem|haar|ze|hen|die \w+|deze \w+)\s+niet\b(?!\s+(?:goed|zo\s+goed))"
    r"|\bnog nooit gezien\b"
    r"|\bi\s*(?:'d|had|would have)?\s*never\s+seen\b|\bcomplete stranger\b"
    r"|\b(?:geen idee|no idea|no clue|weet (?:ik )?(?:echt |really )?niet?|don'?t know"
    r"|do not know)\s+(?:van\s+)?"
    r"(?:wie|who)\b"
    r"|\b(?:someone|somebody|a man|a woman|a guy|some guy|some man)\s+(?:that\s+|who\s+)?i\s+"
    r"(?:didn'?t|don'?t|did not|do not|had never|'d never|d never)\s+(?:know|seen)\b"
    r"|\bi\s+(?:didn'?t|don'?t|do not|did not)\s+know\s+(?:him|her|them|who)\b"
    # "een nummer dat ik niet ken", "ken hem niet", "ken ik niet", "een man ik ken niet"
    r"|\b(?:die|dat)\s+ik\s+(?:niet|nooit|nog\s+nooit)\s+(?:eerder\s+)?(?:had\s+|heb\s+)?"
    r"(?:ken|kende|gezien|ontmoet)\b"
    r"|\b(?:ken|kende|kennen)\s+(?:ik\s+|we\s+)?(?:hem|haar|ze|hen|(?:die|deze|dat|dit|het)\s+"
    r"(?:persoon|man|vrouw|jongen|meisje|gast|kerel|nummer|account|profiel))?\s*(?:helemaal\s+"
    r"|totaal\s+|echt\s+|gewoon\s+)?"
    # ("nie": "niet" as typed by many, "ken dat account nie")
    r"niet?\b(?!\s+(?:goed|zo\s+goed|persoonlijk|bij\s+naam))|\bik\s+ken\s+niet\b"
    # "a number I don't know", "two lads i don't know", "don't know him", "never met him"
    r"|\b(?:man|woman|guy|lads?|boys?|girls?|men|women|people|someone|somebody|person|number"
    r"|account|bloke|kids?|teenagers?)\s+(?:that\s+|who\s+|whom\s+)?i(?:'ve|'d|\s+have|\s+had)?"
    r"\s+(?:don'?t|dont|didn'?t|didnt|do\s+not|did\s+not|never)\s+(?:know|knew|seen|saw|met)\b"
    r"|\b(?:don'?t|dont|didn'?t|didnt|do\s+not|did\s+not)"
    r"\s+know\s+(?:him|her|them|(?:this|that|the)\s+(?:person|man|woman|guy|number|account"
    r"|sender))\b"
    r"|\b(?:(?:don'?t|dont|do\s+not)\s+)?know\s+whose\s+(?:number|account|profile)\b"
    r"|\bnever\s+(?:heard\s+of|met|seen)\s+(?:him|her|them)\b|\b(?:nobody|no\s+one|niemand)\s+"
    r"(?:knew|knows|kende|kent)\s+(?:him|her|them|hem|haar)\b|\bonbekend\s+wie\b"
)
# The one in care as the one who did it. "bij een cliënt thuis", "de kamer van een patiënt",
# "zorg voor een bewoner" and "dat ik patiënten uitscheld" only say where, whom or what.
_PATIENT = re.compile(
    r"(?<!\w)(?:ex-|oud-|former\s+)?(?:patient|patiente|patienten|patientje|client|cliente|pateint"
    r"|clienten|bewoner|bewoonster|bewoners|bew|zorgvrager|resident|pt|clt|clnt|(?<!\d\s)cl)"
    r"(?!\w|'s|\s+thuis|\s+(?:file|files|record|records|notes|dossier|chart)\b)"
    # a client by title, doing something: "dhr gooide zn mok", "mw. kneep me", "mr D grabbed"
    r"|(?<!\w)(?:dhr|mw|mnr|mevr|mr|mrs|mevrouw|meneer)\.?(?:\s+[a-z]\.?)?(?=\s+(?:me\s+)?(?:\w+\s+)?(?:sloeg|gooide"
    r"|kneep|trok|schopte|beet|duwde|spuugde|krabde|schreeuwde|schold|dreigde|hief|heeft\s+me|greep"
    r"|reed|smeet|stak|riep|spuwde|knalde|trapte|noemde|pinched|slapped|groped|squeezed"
    r"|grabbed|hit|kicked|punched|bit|pushed|spat|scratched|threw|shouted|swore|threatened)\b)"
    r"|\b(?:sloeg|kneep|gooide|trok|schopte|beet|duwde|spuugde|krabde|schreeuwde|schold|werd"
    r"|begon)\s+(?:dhr|mw|mnr|mevr)\b"
)
# Who is in care without the word: a child someone supports ("een jongen van 15 die hier
# woont"), whoever was just with the doctor, someone who lay on the ward.
_PATIENT_CUES = re.compile(
    r"\b(?:een|a)\s+(?:kind|jongen|meisje|jongere|boy|girl|child|kid|youth|teen|teenager"
    r"|\d+\s*year\s*old)(?:\s+(?:van|of)\s+\d+)?(?=\s+(?:die hier woont|who lives here"
    r"|uit (?:mijn|mn|m'n) caseload"
    r"|(?:we|i)\s+(?:look\s+after|support|care\s+for)|die\s+(?:ik|we)\s+begeleid\w*"
    r"|(?:die|who)\s+(?:bij\s+ons\s+woont|lives\s+with\s+us)"
    r"|(?:from|on|in) my caseload|op de groep|in the group|die ik begeleid|i support)"
    r"|\s+(?:beet|sloeg|schopte|stompte|bit|hit|kicked|punched)\b)"
    r"|\b(?:beet|sloeg|schopte|stompte|duwde|spuugde|krabde|kneep|gooide)\s+(?:een|het)\s+"
    r"(?:kind|kindje|jongen|meisje)\b"
    r"|\b(?:die|who)(?:'d|'s)?\s+(?:\w+\s+){0,2}?(?:bij de (?:dokter|huisarts|arts)"
    r"|(?:seen|saw|been to) the (?:doctor|gp)|(?:ooit\s+)?bij ons (?:op de \w+ )?(?:lag|opgenomen)"
    r"|used to be on our ward)"
    r"|\bat\s+a\s+client'?s\s+home\b"
    # "one of our former patients", "hij was tot de zomer bij ons opgenomen"
    r"|\bone\s+of\s+(?:our|my|the)\s+(?:former\s+|ex-)?(?:patients|clients|residents)\b"
    r"|\b(?:hij|zij|ze|he|she)\s+(?:was|is|lag|ligt)\s+(?:\w+\s+){0,4}?bij\s+ons\s+(?:\w+\s+)?"
    r"(?:opgenomen|in\s+behandeling|in\s+zorg)\b"
    # one of the young people on a group: "een jongen van onze groep", "one of our lads"
    r"|\b(?:een|a|one)\s+(?:van|of)\s+(?:onze|our|the|de)\s+(?:gasten|jongeren|jongens|meiden|youths"
    r"|pubers|kids|lads|boys|girls|teenagers|young\s+people|youngsters)\b"
    r"|\b(?:jongen|meisje|jongere|jeugdige|puber|lad|boy|girl|teen|teenager|young\s+person|kid"
    r"|youth)\s+(?:(?:van|uit|from|on|in|of|op)\s+(?:onze|our|de|the)|v\.?d\.?)\s+(?:\w+\s+)?"
    r"(?:groep|leefgroep"
    r"|woongroep|unit|group|afdeling|ward|home)\b"
    # the young person the melder mentors: "the boy I mentor", "mijn mentorjongen"
    r"|\b(?:boy|girl|kid|lad|young\s+person|youngster|teen\w*|client|jongen|meisje|jongere"
    r"|kind)\s+(?:(?:that|who|die|dat)\s+)?(?:i|ik)\s+(?:mentor|coach)\b"
    r"|\bmentor(?:jongen|meisje|kind|jongere|leerling|client|pupil)\w*|\bmentee\b"
    # "meneer Jansen van kamer 4", "mr de Groot in bed 3"
    r"|\b(?:meneer|mevrouw|mr|mrs|ms|dhr|mw|man|woman|lady|gentleman|guy|vrouw|heer|dame|girl"
    r"|boy|jongen|meisje)\.?\s+"
    r"(?:[\w']+\s+){0,3}?(?:in|van|op|from|of|uit)\s+(?:bed|kamer|room)\s+\d+"
    # whom the melder cares for: "whose wound I dressed", "in behandeling bij ons"
    r"|\b(?:wiens|wier|whose)\s+(?:\w+\s+){0,2}?(?:wond\w*|wound\w*|infuus|drip|katheter"
    r"|catheter|insuline|insulin|medicatie|medication|meds|steunkousen|stockings)\b"
    r"|\b(?:die|who)\s+ik\s+(?:\w+\s+){0,3}?(?:verbond|verzorgde|waste|verpleegde|behandelde"
    r"|dressed|nursed|washed|was\s+(?:treating|nursing|washing))\b"
    r"|\b(?:die|who)\s+(?:\w+\s+){0,2}?(?:in|onder)\s+(?:behandeling|treatment|zorg|care)\s+"
    r"(?:is\s+)?(?:bij|with)\s+(?:ons|us|me|mij)\b"
    # "a young person in our care", "een jongere in onze zorg"
    r"|\b(?:young\s+person|youngster|jongere|kid|child|boy|girl|man|woman|lad|resident|meisje"
    r"|jongen|kind)\s+in\s+(?:our|my|onze|mijn)\s+(?:care|zorg)\b"
)
# Youth care: "een jongere", "one of the teenagers" is one of the young people in care.
_YOUNG = re.compile(
    r"\b(?:een|a)\s+(?:jongere|puber|teenager|tiener|teen)\b|\bone\s+of\s+the\s+teenagers\b"
    r"|(?:^|[.,;]\s*)jongere\b|\b(?:a|een)\s+\d{1,2}\s*(?:yo|y/o|year\s+old|jarige?)\b"
)
_YOUTH_CARE = re.compile(
    r"\b(?:jeugdzorg\w*|youth\s+care|leefgroep|woongroep|residential|(?:on|in)\s+our\s+group"
    r"|op\s+(?:de|onze)\s+groep|youth\s+(?:group|home|unit)|groep\s+de\s+\w+)\b"
    r"|(?:^|[.,;]\s*)(?:de\s+)?groep\s*(?:[.,;]|$)"
)
# An ex-partner is left to the melder: "haar ex-man", "the client's ex".
_EX = re.compile(
    r"\bex[\s-]?(?:man|vrouw|partner|vriend|vriendin|echtgeno\w+|husband|wife|boyfriend"
    r"|girlfriend)\b|\b(?:de|the)\s+ex\s+(?:van|of)\b|'s\s+ex\b(?!-)"
)
# At a home visit, "meneer" or "the gentleman" is the client.
_HOME_VISIT = re.compile(
    r"\b(?:huisbezoek\w*|home visit\w*|thuis|at home|'s home|aan huis)\b"
    r"|\b(?:in|at)\s+(?:zijn|haar|hun|his|her|their)\s+(?:huis|woning|house|home|flat|appartement)\b"
)
_AT_HOME = re.compile(
    r"\b(?:meneer|mevrouw|mnr|mevr|mw|dhr|mr|mrs|ms|the gentleman|the lady|the man|the woman"
    r"|de heer)\b"
    r"(?!'s|\s+van\b)"
)
_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:bij|voor|naar|met|over|for|to|with|about|at|visiting|tegen)"
    r"|(?<!')\b(?!(?:\w*mail\w*|\w*bericht\w*|berichtjes|mailtjes|mailtje|mails|appjes|appje|sms'?jes"
    r"|telefoontjes|telefoontje|brief|brieven|dreigementen|reacties|messages|texts|calls|emails"
    r"|letters|threats|comments|posts|filmpje|video|foto|post|snap|review|recensie|sms|dm|dms"
    r"|whatsapp|whatsappje|spraakbericht\w*|mailtje|kopstoot|klap|duw|trap|schop|stomp|mep|tik"
    r"|dreun|vuistslag|knietje|jenner|optater|oplawaai|hengst|lel|opdoffer|oorvijg|bedreiging|message|text|call|gehad|gekregen|is|was"
    # a blow against a body part by someone: "een trap tegen mijn been van een patiënt"
    r"|been|benen|arm|armen|hoofd|gezicht|rug|buik|schouder|hand|wang|oor|neus|knie|scheen"
    r"|schenen|leg|face|head|back|shoulder|stomach|cheek|ear|nose|knee|shin|maag|borst|ribben"
    r"|kaak|nek|oog|lip|chest|jaw|neck|eye|ribs)\b)\w+\s+"
    # ("werd ik door een patiënt uitgescholden": the one after "door" did it)
    r"(?:van|of)|\b(?:ik|i)(?:\s+(?!work\b|werk\b|zag\b|saw\b|door\b|by\b)\w+)?)"
    r"\s+(?:(?:de|het|een|mijn|m'n|deze|die|onze|the|a|an|my|our)\s+)?(?:\w+\s+)?$"
)
# A guess is no fact: "volgens mij de zoon van een patiënt", "I think it's a patient".
_GUESS = re.compile(
    r"\b(?:volgens mij|ik denk|denk dat|denk ik|vermoed\w*|waarschijnlijk|misschien"
    r"|weet het niet zeker|niet zeker (?:of|wie)|i think|i guess|pretty sure|maybe"
    # (not about how much it matters: "it's probably nothing, but the patient's brother")
    r"|probably(?!\s+(?:nothing|overreacting|silly|stupid|not\s+(?:a\s+big\s+deal|important)))"
    r"|i suspect|not sure (?:if|whether|who|it'?s)|think it'?s|denk(?: dat)? het|might be"
    r"|could be|kan zijn|zou kunnen)\b"
)


def perpetrator_relation(story: Story) -> Extracted | None:
    """Who did it: naaste, then bezoeker, onbekend, patient (a relative's patient or a
    visitor's host is mentioned too, so the more specific relation wins). A guess about
    who it was leaves it open."""
    folded = story.folded
    if _EX.search(folded):
        return None
    former = _FORMER.search(folded)
    if (
        former is not None
        and not _guessed(folded, *former.span())
        and not _KIN_OF.search(folded, max(0, former.start() - 40), former.start())
    ):
        return Extracted("patient", story.words(*former.span()))  # also from a hidden number
    unknown = _spans(_ONBEKEND, folded) + _spans(ONBEKEND_MORE, folded)
    weak = _spans(ONBEKEND_WEAK, folded)
    for value, found in (
        # (a relative quoted from someone the melder doesn't know is theirs: "someone I
        # don't know posted ... 'this nurse killed my mum'")
        ("naaste", _naaste(folded, unknown=_not_known(folded, unknown))),
        ("bezoeker", _spans(_BEZOEKER, folded) + _spans(BEZOEKER_MORE, folded)),
        ("onbekend", unknown),
        ("patient", _patients(folded)),
        ("onbekend", weak),  # only when no one else is named
    ):
        # a guess in an aside is no veto: "a visitor (some friend of the client i think)"
        found = [(s, e) for s, e in found if not (_aside(folded, s) and _guessed(folded, s, e))]
        guessed = [(s, e) for s, e in found if _guessed(folded, s, e)]
        if guessed and not _which_one_guessed(folded, found, guessed):
            return None
        found = [span for span in found if span not in guessed]
        hit = first_free([(s, e, value) for s, e in found], folded)
        if hit is not None:
            return Extracted(value, story.words(hit[0], hit[1]))
    denied = _NOT_IN_CARE.search(folded)
    if denied is not None and not _guessed(folded, *denied.span()):
        return Extracted("bezoeker", story.words(*denied.span()))
    return None


def _not_known(folded: str, unknown: list[tuple[int, int]]) -> bool:
    """Whether the melder says they don't know who it is ("no idea who", "someone I don't
    know"); a hidden or anonymous number alone says nothing of that."""
    if WHO_UNKNOWN.search(folded):
        return True
    return any(_KNOWING.search(folded, s, e) for s, e in unknown)


#: Words of (not) knowing someone, in an unknown one's mention.
_KNOWING = re.compile(r"\b(?:know|knew|ken|kende|kennen|seen|saw|gezien|met|ontmoet)\b")


def _which_one_guessed(
    folded: str, found: list[tuple[int, int]], guessed: list[tuple[int, int]]
) -> bool:
    """Whether each guess only says which one of a kind it was, after that kind was said for
    sure in the same sentence ("een familielid van een cliënt, ik denk zn broer")."""
    return all(
        any(
            s <= g_start and _sentence(folded, s, e) == _sentence(folded, g_start, g_end)
            for s, e in found
            if (s, e) not in guessed
        )
        for g_start, g_end in guessed
    )


def _guessed(folded: str, start: int, end: int) -> bool:
    """A guess before the one named in its sentence ("volgens mij de zoon"), or right after
    it ("a patient, I think"); not one about something else later ("..., I think he
    followed me home")."""
    left, right = _sentence(folded, start, end)
    return bool(_GUESS.search(folded[left : min(right, end + _GUESS_AFTER)]))


def _aside(folded: str, start: int) -> bool:
    """Whether a mention stands between brackets: "a visitor (not family, I think)"."""
    return folded.rfind("(", 0, start) > folded.rfind(")", 0, start)


#: A relative of a former patient is a naaste: "the brother of a former patient".
_KIN_OF = re.compile(
    rf"\b(?:{KIN_EN})\s+of\s+(?:a|an|the|my|one\s+of\s+my)\s+$"
    rf"|\b(?:{KIN_NL})\s+van\s+(?:een|de|mijn)\s+$"
)
#: How far after the one named a guess still is about them.
_GUESS_AFTER = 10
#: A former patient or client, named as such.
_FORMER = re.compile(r"(?<!\w)(?:ex-|oud-|former\s+)(?:patient|patiente|client|cliente|clt|pt)\w*")


def _sentence(folded: str, start: int, end: int) -> tuple[int, int]:
    left = max(folded.rfind(mark, 0, start) for mark in ".!?\n") + 1
    ends = [i for i in (folded.find(mark, end) for mark in ".!?\n") if i >= 0]
    return left, min(ends) if ends else len(folded)


def _acting(folded: str, start: int, end: int, *, harm: bool = False) -> bool:
    """Whether someone named does something to the melder (with `harm`, an act of
    aggression itself, not a doing that may carry one: "his wife kept apologising")."""
    act, act_then = (HARM, _HARM_THEN) if harm else (ACT, _ACT_THEN)
    after = folded[end : end + _ACT_AFTER]
    stop = re.search(r"[.!?;]", after)
    if act.search(after[: stop.start()] if stop else after):
        return True
    before = folded[max(0, start - _ACT_BEFORE) : start]
    return bool(act_then.search(before))


_ACT_THEN = re.compile(rf"(?:{ACT.pattern})\s+(?:\w+\s+){{0,2}}$")
_HARM_THEN = re.compile(rf"(?:{HARM.pattern})\s+(?:\w+\s+){{0,2}}$")


def _spans(pattern: re.Pattern[str], folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(folded)]


def _naaste(folded: str, *, unknown: bool = False) -> list[tuple[int, int]]:
    found = [m.span() for p in (*_NAASTE, NAASTE_MORE) for m in p.finditer(folded)]
    if NOT_FAMILY.search(folded):  # "vriend van een pt, geen familie": a visitor
        found = [
            (s, e)
            for s, e in found
            if not FRIEND.match(folded, s) and not FRIEND_OF.search(folded, max(0, s - 20), s)
        ]
    if not unknown:  # a relative quoted from an unknown sender says nothing of who sent it
        found += _spans(_QUOTED_KIN, folded)
    found += [m.span() for m in _ROLE.finditer(folded) if _acting(folded, m.start(), m.end())]
    if _IN_CARE.search(folded) and not _BEZOEKER.search(folded):
        # ("a visitor ... she'd come back with her husband": the visitor's own relative)
        kin = _spans(_POSSESSIVE_KIN, folded)
        if any(_acting(folded, s, e, harm=True) for s, e in _spans(_PATIENT, folded)):
            # "client hit me ... his wife kept apologising": the relative did nothing
            kin = [(s, e) for s, e in kin if _acting(folded, s, e, harm=True)]
        found += kin
        found += _spans(_KIN_OF_THEM, folded)
    return found


# "een vriend van hem", "a friend of hers": a relative or friend of the one in care.
_KIN_OF_THEM = re.compile(
    r"\b(?:vriend|vriendin|zoon|dochter|broer|zus|neef|nicht|kleinzoon|kleindochter|vader"
    r"|moeder|partner)\s+van\s+(?:hem|haar)\b|\b(?:a\s+)?(?:friend|mate)\s+of\s+(?:his|hers)\b"
)


#: "the neighbour of one of my clients" is not the client.
_NEIGHBOUR_OF = re.compile(r"\b(?:neighbou?rs?|buurman|buurvrouw|buren)\s+(?:of|van)\s+$")


def _patients(folded: str) -> list[tuple[int, int]]:
    watching = _spans(WATCHING, folded)  # "waar patiënten bij stonden": only there
    found = [
        m.span()
        for m in _PATIENT.finditer(folded)
        if not _CONTEXT_BEFORE.search(folded[max(0, m.start() - 30) : m.start()])
        and not any(s <= m.start() < e for s, e in watching)
    ]
    cues = _spans(_PATIENT_CUES, folded) + _spans(PATIENT_MORE, folded)
    found += [(s, e) for s, e in cues if not _NEIGHBOUR_OF.search(folded, max(0, s - 20), s)]
    if _YOUTH_CARE.search(folded):
        found += _spans(_YOUNG, folded)
    if _HOME_VISIT.search(folded):
        found += _spans(_AT_HOME, folded)
    return found
