"""More ways a story tells who did it, for `nlu.facts_relation`: someone unknown or someone
in care told short ("een random gozer", "de man die ik vanochtend moest verbinden"), a
fellow resident ("een medebewoner"), a day-care client ("meneer van de dagbesteding"), and
visitors who are no relatives: a client's neighbour, someone dropping something off.
"""

from __future__ import annotations

import re

from nlu.facts_relation_bystanders import BEZOEKER_25, NAASTE_25, ONBEKEND_25, PATIENT_25
from nlu.facts_relation_everyday import (
    BEZOEKER_EVERYDAY,
    NAASTE_EVERYDAY,
    ONBEKEND_EVERYDAY,
)

__all__ = [
    "BEZOEKER_MORE",
    "FRIEND",
    "NAASTE_MORE",
    "NOT_FAMILY",
    "ONBEKEND_MORE",
    "ONBEKEND_WEAK",
    "PATIENT_MORE",
    "WHO_UNKNOWN",
]

# Told short, as an answer to "who did it?": "een random gozer", "iemand die toevallig langs
# liep", "never found out who", "an account with no name".
#: Someone unknown, told short (see nlu.facts_relation).
ONBEKEND_MORE = re.compile(
    r"\brandom\s+(?:gozer|guy|man|vent|dude|bloke|gast|persoon|person|type)\b"
    # (not the melder passing: "spat at me as I walked past")
    r"|\btoevallig\s+(?:langs|voorbij)|(?<!\bi\s)(?<!\bwe\s)(?<!\bi\swas\s)(?<!\bwe\swere\s)"
    r"\b(?:(?:passing|walking)\s+by|walked\s+past)\b"
    r"|\b(?:nooit|never)\s+(?:\w+\s+)?(?:found\s+out|gezien|seen|met|ontmoet)\b"
    r"|\b(?:did\s+not|didn'?t)\s+introduce\b|\bstelde\s+zich\s+niet\s+voor\b"
    r"|\b(?:account|profiel|profile)\s+(?:has\s+|had\s+|heeft\s+)?(?:with\s+no|without\s+a"
    r"|zonder|geen|no)\s+(?:naam|name|foto|pic|photo|picture|profielfoto|profile\s+pic\w*)\b"
    r"|\bnot\s+a\s+clue\b"
    # "a man walked in off the street", "die niks met de kliniek te maken had"
    r"|\boff\s+the\s+street\b|\bgewoon\s+van\s+(?:de\s+)?straat\b"
    r"|\b(?:niks|niets)\s+met\s+(?:de|het|ons|onze)\s+\w+\s+te\s+maken\b"
    # someone in the street, an unknown sender, a post by a name only
    r"|\b(?:someone|somebody|iemand)\s+(?:on|in|op)\s+(?:the|de)\s+(?:street|straat)\b"
    r"|\bunknown\s+sender\b|\bonbekende\s+afzender\b"
    r"|\b(?:posted|written|geplaatst|gepost|geschreven)\s+anonymously\b|\banoniem\s+(?:geplaatst"
    r"|gepost|geschreven)\b|\b(?:profiel|account|profile)\s+(?:is|was)\s+(?:nep|fake)\b"
    # "Afzender is onbekend", "the sender is unknown"
    r"|\b(?:afzender|sender|dader|beller|caller)\s+(?:is\s+|was\s+)?(?:onbekend|unknown)\b"
    r"|\b(?:posted|geplaatst|gepost)\s+(?:by|door)\s+'"
    # a sender known by a name only ("een bericht van ene bram_xx"), a group by its name
    # ("telegramgroep Linde Ontmaskerd"); not "iemand op X" ("iemand" may be known: asked)
    r"|\bvan\s+ene\s+\S+"
    r"|\b(?:telegram\s*group|telegramgroep|telegram-groep)\s+(?:called\s+|genaamd\s+)?[a-z]"
)
# Someone in care, told short: "een jongen die bij ons in behandeling is", "de man die ik
# vanochtend moest verbinden", "een meisje dat bij ons op de leefgroep woont".
#: Someone in care, told short (see nlu.facts_relation).
PATIENT_MORE = re.compile(
    r"\bbij\s+ons\s+in\s+(?:behandeling|zorg)\b|\bin\s+(?:onze\s+)?zorg\s+(?:hebben|heb|is)\b"
    r"|\b(?:die|dat|who)\s+(?:ik|we|wij|i)\s+(?:\w+\s+){0,3}?(?:verbinden|verzorgen|wassen|helpen"
    r"|zorg|verzorg|help\s+met|begeleid|begeleiden|care\s+for|look\s+after|support)\b"
    r"|\b(?:die|dat|who)\s+bij\s+ons\s+(?:op\s+(?:de|het)\s+\w+\s+)?(?:woont|ligt|lives|zit)\b"
    # "the lady I visit every morning for her insulin", "de man die ik aan het behandelen
    # was", "de mevrouw waar ik elke ochtend insuline kom geven"
    r"|\b(?:die|dat|who|that|whom)\s+(?:ik|i)\s+(?:\w+\s+){0,2}?(?:visit|treat|nurse|wash"
    r"|behandel|bezoek)\b|\b(?:lady|man|woman|gentleman|client|patient)\s+i\s+(?:visit|treat"
    r"|nurse|wash|see\s+every|do\s+(?:home\s*)?care\s+for|care\s+for|look\s+after)\b"
    # "the man who was in for his wound care", "de mevrouw waar ik thuiszorg doe"
    r"|\b(?:who|die)\s+(?:was|is|came|kwam)\s+(?:in\s+)?(?:for|voor)\s+(?:his|her|zijn|haar)\s+"
    r"(?:\w+\s+)?(?:care|treatment|appointment|check-?up|jab|bloods|zorg|behandeling|afspraak"
    r"|controle|prik)\b"
    r"|\b(?:die|dat)\s+ik\s+aan\s+het\s+(?:behandelen|verzorgen|wassen|helpen|verbinden)\s+was\b"
    r"|\bwaar\s+ik\s+(?:\w+\s+){0,4}?(?:insuline|medicatie|medicijnen|wondzorg|steunkousen"
    r"|thuiszorg|zorg|verzorging)\b"
    # a new admission, someone with dementia: "we had a new admission", "mevr met dementie"
    r"|\bnew\s+admission\b|\bnieuwe\s+opname\b|\b(?:with|met)\s+(?:dementia|dementie|alzheimer\w*)\b"
    # "he was calling about his own fever", "belde voor zichzelf"
    r"|\b(?:calling|called|calls|belde|belt|bellen)\s+(?:about|for|over|voor)\s+(?:(?:his|her"
    r"|zijn|haar)\s+(?:own|eigen)|himself|herself|zichzelf)\b"
    # just seen by the doctor, or not: "couldnt see a doctor straight away", "die eerder die
    # avond bij ons op consult was geweest"
    r"|\b(?:couldn'?t|could\s+not|can'?t|cannot|wasn'?t\s+allowed\s+to)\s+see\s+(?:a|the)\s+"
    r"(?:doctor|gp)\b|\b(?:die|who)\s+(?:\w+\s+){0,4}?(?:op\s+consult|on\s+consult)\b"
    # taking a client somewhere: "went with a client to the dentist and there he hit me"
    r"|\b(?:went|go|going|ging|gaan)\s+(?:\w+\s+)?(?:with|met)\s+(?:a|an|my|een|mijn)\s+"
    r"(?:client|patient|resident|bewoner)\w*\s+(?:to|naar)\b(?=[^.!?]{0,80}\b(?:he|she|hij|zij)\b)"
    # "bij een cliënt thuis ... hij": at a client's home, he is the client
    r"|\bbij\s+(?:een|de|mijn)\s+client\w*\s+thuis\b(?=[^.!?]{0,60}\b(?:hij|zij|ze)\b)"
)
# (twenty-second round) Someone else in care: "een medebewoner", "a fellow resident"; a
# day-care client: "meneer van de dagbesteding", "a man from the day centre".
_FELLOW = re.compile(
    r"\bmede-?(?:bewoner|bewoonster|patient|client)\w*|\bfellow\s+(?:patient|resident|client)s?\b"
    r"|\b(?:meneer|mevrouw|mevr|mw|dhr|man|vrouw|jongen|meisje|deelnemer\w*|client\w*)\s+"
    r"(?:van|uit|op)\s+(?:de|onze)\s+dagbesteding\b"
    r"|\b(?:man|woman|lady|gentleman|guy|client|attendee)\s+from\s+(?:the\s+|our\s+)?day\s*"
    r"(?:care|centre|center|services?)\b"
)
PATIENT_MORE = re.compile(f"{PATIENT_MORE.pattern}|{_FELLOW.pattern}")

_CARED = (
    r"(?:client\w*|clt|patient\w*|pt|bewoner\w*|bewoonster|mevr|mevrouw|meneer|dhr|mw|resident"
    r"|zorgvrager\w*)"
)
#: Not in care and no relative: a client's neighbour ("de buurman van mijn cliënt", "the
#: client's neighbour"), someone dropping something off ("een man die iets kwam afgeven").
BEZOEKER_MORE = re.compile(
    # (also quoted: "iemand die zich 'een bezorgde buurman' van meneer Koster noemt")
    rf"\b(?:buurman|buurvrouw|buren|neighbou?rs?)'?\s+(?:van|of)\s+(?:\w+\s+){{0,2}}?{_CARED}\b"
    rf"|\b{_CARED}'?s\s+(?:next[\s-]door\s+)?neighbou?rs?\b"
    r"|\b(?:kwam|kwamen|komt)\s+(?:\w+\s+){0,2}?(?:afgeven|afleveren|bezorgen)\b"
    r"|\biets\s+(?:kwam|komt|kwamen)\s+(?:afgeven|afleveren|bezorgen|brengen)\b"
    r"|\b(?:came|come|comes|coming)\s+(?:in\s+)?to\s+drop\s+(?:\w+\s+){0,2}?off\b"
    r"|\bdropping\s+(?:something|a\s+\w+|some\s+\w+)\s+off\b"
)

# (twenty-third round, b) Visitors told by whom they came for: "there with his neighbour who
# was the patient", "was er voor zn buurvrouw", "collecting a prescription for someone else".
BEZOEKER_MORE = re.compile(
    BEZOEKER_MORE.pattern
    + r"|\b(?:there|here|came|come|comes|was|were|waiting|waited|sat|daar|hier|kwam|komt"
    r"|was\s+er|zat|wachtte)\s+(?:in\s+|along\s+|mee\s+)?(?:with|for|voor|met)\s+(?:his|her"
    r"|their|zijn|haar|hun|zn|z'n|d'r)\s+(?:next[\s-]door\s+)?(?:neighbou?r|buurman|buurvrouw"
    r"|housemate|flatmate|roommate|huisgenoot|huisgenote)\b"
    r"|\b(?:collect\w*|pick\w*\s+up|picking|fetch\w*|ophal\w*|haalde|halen|kwam\s+\w+\s+halen)\b"
    r"[^.!?]{0,40}?\b(?:for|voor)\s+(?:someone|somebody|iemand)\s+(?:else|anders)\b"
    # a neighbour who comes over to the client's ("his neighbour comes over 'to help'"), not
    # one who came out of his own house
    r"|\b(?:the|his|her|their|a|de|zijn|haar|zn|z'n|d'r|hun|een)\s+(?:next[\s-]door\s+)?"
    r"(?:neighbou?r|buurman|buurvrouw)\s+(?:\w+\s+){0,2}?(?:comes|came|coming|pops|popped"
    r"|drops|dropped|kwam|komt)\s+(?:\w+\s+)?(?:over|round|around|by|langs|binnen|helpen)\b"
)
#: Someone sure to be unknown: a relative quoted from them ("'... my father'") says nothing
#: of who sent it ("dont know who it is", "no idea who sent it", "unknown sender").
WHO_UNKNOWN = re.compile(
    r"\b(?:geen\s+idee|no\s+idea|no\s+clue|weet\s+(?:ik\s+)?niet?|don'?t\s+know|dont\s+know"
    r"|do\s+not\s+know)\s+(?:van\s+)?(?:wie|who)\b"
    r"|\b(?:unknown\s+sender|onbekende\s+afzender|afzender\s+(?:is\s+)?onbekend)\b"
)
#: A friend said to be no family is no naaste: "vriend van een pt, geen familie".
NOT_FAMILY = re.compile(
    r"\b(?:geen|not|no|niet)\s+(?:familie|family|familielid|related|a\s+relative|verwant\w*)\b"
)
FRIEND = re.compile(r"(?:vriend|vriendin|vriendje|maat|friend|mate|buddy|kennis|acquaintance)\b")
#: Someone unknown only while no one else is named (read after the one in care): "Somebody
#: on X (@handle)", "no number shown", "number was hidden" ("a patient called, number was hidden").
ONBEKEND_WEAK = re.compile(
    # someone on a platform known by a handle only: "Somebody on X (@truthaboutcare)" ("iemand
    # op X" alone may be known: asked)
    r"\b(?:someone|somebody|iemand)\s+(?:on|op|via)\s+(?:x|twitter|instagram|insta|facebook|fb"
    r"|tiktok|snapchat|snap|linkedin|telegram|reddit|youtube|discord|threads|bluesky)"
    r"\s*(?:\(\s*|,\s*|:\s*)?@\w"
    r"|\bno\s+(?:caller\s+id|number\s+(?:shown|visible|showing))\b"
    r"|\bgeen\s+nummer\s+(?:zichtbaar|te\s+zien)\b"
    # a number kept hidden: "hidden number", "nummer was afgeschermd"
    r"|(?<!my )\b(?:hidden|private|withheld|blocked)\s+number\b"
    r"|\bnumber\s+(?:was\s+)?(?:withheld|hidden)\b"
    r"|\bafgeschermd\w*\s+nummer\b|\bnummer\s+(?:was\s+|is\s+)?afgeschermd\b"
)
# (twenty-third round, b) Whom the melder treated, or who came for their own care: "a guy I
# had just treated", "die ik eerder die avond had geholpen", "zn eigen recept".
PATIENT_MORE = re.compile(
    PATIENT_MORE.pattern
    + r"|\b(?:guy|bloke|man|woman|lady|gentleman|boy|girl|lad|kid|someone|somebody|client"
    r"|patient)\s+(?:that\s+|who\s+|whom\s+)?(?:i|we)(?:\s+had|'d|\s+have|'ve)?\s+(?:just\s+"
    r"|earlier\s+|already\s+|only\s+just\s+)?(?:treated|helped|stitched|examined|triaged|nursed"
    r"|bandaged|dressed|vaccinated|washed)\b"
    r"|\b(?:die|dat|wie)\s+(?:ik|we|wij)\s+(?:(?!niet\b|nie\b|nooit\b|nog\b)\w+\s+){0,4}?(?:had|heb"
    r"|hadden|hebben)\s+(?:geholpen|behandeld|verzorgd|verbonden|gewassen|gehecht|onderzocht"
    r"|geprikt|getrieerd|gezien\s+op\s+(?:het\s+)?spreekuur)\b"
    r"|\b(?:zijn|haar|zn|z'n|d'r|his|her)\s+(?:own|eigen)\s+(?:recept\w*|prescription\w*"
    r"|medicijn\w*|medicatie|meds|medication|medicine|afspraak|appointment|uitslag\w*|results?"
    r"|pillen|pills|behandeling|treatment)\b"
)
#: The relative someone says the staff harm is theirs: "screaming that we were killing her
#: mother", "riep dat jullie haar vader laten creperen" (see nlu.facts_relation).
NAASTE_MORE = re.compile(
    r"\b(?:we|you|jullie|they)\s+(?:were\s+|are\s+|'re\s+|was\s+)?(?:just\s+)?(?:killing|neglecting"
    r"|starving|murdering|poisoning|letting)\s+(?:his|her|their)\s+(?:mother|father|mum|mom|dad"
    r"|son|daughter|wife|husband|child|kid|baby|grandma|grandpa|gran|nan)\b"
    r"|\b(?:we|jullie|je|u)\s+(?:\w+\s+)?(?:zijn|haar|hun|zn|z'n|d'r)\s+(?:moeder|vader|zoon"
    r"|dochter|vrouw|man|kind|oma|opa|papa|mama)\s+(?:(?:laten|lieten|laat)\s+)?(?:vermoorden"
    r"|creperen|doodgaan|verwaarlozen|verwaarloosden|verhongeren|vergiftigen)\b"
)

# (twenty-fourth round) Care notes start with the client in short as the subject: "mnr sloeg
# op tafel", "mw noemde me ...", "dhr spuwde me vol" (a title with no name after a full stop
# or at the start names the client; "mnr zn dochter" is read as a naaste first; "Mw. de
# Vries, teamleider" is someone by name, left alone).
PATIENT_MORE = re.compile(
    PATIENT_MORE.pattern + r"|(?:^|(?<=[.!?;\n])\s*)(?:mnr|mw|mevr|dhr)\.?"
    r"(?=\s+(?!(?:van|v\.?d|en|de|der|den|ter|ten|te)\b)[a-z]\w*)"
)
# (twenty-fourth round) Who came along for someone else: "ze was mee met iemand anders", "die
# met haar buurman mee was naar de poli", "een kennis van de bewoner".
BEZOEKER_MORE = re.compile(
    BEZOEKER_MORE.pattern
    + r"|\b(?:was|waren|kwam|kwamen)\s+(?:er\s+)?mee\s+(?:met|voor)\s+(?:iemand|een\s+ander)"
    r"(?:\s+anders)?\b|\b(?:came|was|were)\s+(?:in\s+)?with\s+someone\s+else\b"
    r"|\bmet\s+(?:zijn|haar|hun|zn|z'n|d'r)\s+(?:buurman|buurvrouw|huisgenoot|huisgenote)\s+mee\b"
    rf"|\b(?:kennis|kennissen|acquaintance)\s+(?:van|of)\s+(?:\w+\s+){{0,2}}?{_CARED}\b"
)
# (twenty-fourth round) Not knowing who, said the Dutch way round: "wie het is weet ik nie".
_WHO_THEN = (
    r"|\bwie\s+(?:het|dat|dit)\s+(?:is|was)\s+weet\s+ik\s+(?:echt\s+)?(?:niet?|nog\s+niet?)\b"
)
ONBEKEND_MORE = re.compile(ONBEKEND_MORE.pattern + _WHO_THEN)
WHO_UNKNOWN = re.compile(WHO_UNKNOWN.pattern + _WHO_THEN)
# (twenty-fifth round) More of each: see nlu.facts_relation_bystanders.
NAASTE_MORE = re.compile(f"{NAASTE_MORE.pattern}|{NAASTE_25.pattern}")
PATIENT_MORE = re.compile(f"{PATIENT_MORE.pattern}|{PATIENT_25.pattern}")
BEZOEKER_MORE = re.compile(f"{BEZOEKER_MORE.pattern}|{BEZOEKER_25.pattern}")
ONBEKEND_MORE = re.compile(f"{ONBEKEND_MORE.pattern}|{ONBEKEND_25.pattern}")
# Everyday words for each: see nlu.facts_relation_everyday.
NAASTE_MORE = re.compile(f"{NAASTE_MORE.pattern}|{NAASTE_EVERYDAY.pattern}")
BEZOEKER_MORE = re.compile(f"{BEZOEKER_MORE.pattern}|{BEZOEKER_EVERYDAY.pattern}")
ONBEKEND_MORE = re.compile(f"{ONBEKEND_MORE.pattern}|{ONBEKEND_EVERYDAY.pattern}")
