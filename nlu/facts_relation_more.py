"""More ways a story tells who did it, for `nlu.facts_relation`: someone unknown or someone
in care told short ("een random gozer", "de man die ik vanochtend moest verbinden"), a
fellow resident ("een medebewoner"), a day-care client ("meneer van de dagbesteding"), and
visitors who are no relatives: a client's neighbour, someone dropping something off.
"""

from __future__ import annotations

import re

__all__ = ["BEZOEKER_MORE", "ONBEKEND_MORE", "PATIENT_MORE"]

# Told short, as an answer to "who did it?": "een random gozer", "iemand die toevallig langs
# liep", "never found out who", "an account with no name".
#: Someone unknown, told short (see nlu.facts_relation).
ONBEKEND_MORE = re.compile(
    r"\brandom\s+(?:gozer|guy|man|vent|dude|bloke|gast|persoon|person|type)\b"
    r"|\btoevallig\s+(?:langs|voorbij)|\b(?:passing|walking)\s+by\b|\bwalked\s+past\b"
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
    rf"\b(?:buurman|buurvrouw|buren|neighbou?rs?)\s+(?:van|of)\s+(?:\w+\s+){{0,2}}?{_CARED}\b"
    rf"|\b{_CARED}'?s\s+(?:next[\s-]door\s+)?neighbou?rs?\b"
    r"|\b(?:kwam|kwamen|komt)\s+(?:\w+\s+){0,2}?(?:afgeven|afleveren|bezorgen)\b"
    r"|\biets\s+(?:kwam|komt|kwamen)\s+(?:afgeven|afleveren|bezorgen|brengen)\b"
    r"|\b(?:came|come|comes|coming)\s+(?:in\s+)?to\s+drop\s+(?:\w+\s+){0,2}?off\b"
    r"|\bdropping\s+(?:something|a\s+\w+|some\s+\w+)\s+off\b"
)
