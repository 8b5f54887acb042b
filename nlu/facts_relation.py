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

from nlu.facts_acts import ACT
from nlu.facts_base import Extracted, Story, first_free

__all__ = ["perpetrator_relation"]

_KIN_NL = (
    r"zoon|zoons|dochter|dochters|vader|moeder|man|vrouw|echtgenoot|echtgenote|partner|broer"
    r"|zus|zwager|schoonzus|schoonzoon|schoondochter|schoonvader|schoonmoeder|kleinzoon"
    r"|kleindochter|neef|nicht|oom|tante|opa|oma|vriend|vriendin|vriendje|ouders|kinderen|kind"
    r"|familie|familielid|familieleden|mantelzorger|naaste|naasten|verwant\w*|papa|mama"
)
_KIN_EN = (
    r"son|daughter|father|mother|husband|wife|partner|brother|sister|uncle|aunt|nephew|niece"
    r"|grandson|granddaughter|grandfather|grandmother|grandma|grandpa|cousin|friend|boyfriend"
    r"|girlfriend|parents|parent|children|child|relative|relatives|family member|family|carer"
    r"|mum|mom|dad|son-in-law|daughter-in-law|mate"
)
# The one in care: patients, clients, residents, and children someone supports.
_CARED = (
    r"(?:patient\w*|client\w*|bewoner\w*|zorgvrager\w*|resident\w*|mevrouw|meneer|mevr\.?|mw\.?"
    r"|dhr\.?|de heer|mrs\.?|mr\.?|ms\.?|pleegkind\w*|jongen|meisje|kind|kindje|boy|girl|child"
    r"|kid|foster child|lady|gentleman|man|woman)"
)
_DET = (
    r"(?:(?:de|het|een|mijn|m'n|deze|die|onze|the|a|an|my|our|this|that|one of (?:my|our|the)"
    r"|een van (?:mijn|onze|de))\s+)?"
)
# Parents and children who are named by their role alone: "de vader dreigde", "the mum".
_ROLE_KIN = (
    r"vader|moeder|zoon|dochter|kleinzoon|kleindochter|schoonzoon|schoondochter|papa|mama"
    r"|father|mother|son|daughter|grandson|granddaughter|son-in-law|daughter-in-law|mum|mom|dad"
)
_NAASTE = tuple(
    re.compile(p)
    for p in (
        rf"\b(?:{_KIN_NL})\s+van\s+{_DET}(?:\w+\s+)?{_CARED}(?!\w)",
        rf"\b(?:{_KIN_EN})\s+of\s+{_DET}(?:\w+\s+)?{_CARED}(?!\w)",
        # "the patient's son", also typed without the apostrophe ("a patients son")
        rf"\b{_CARED}'s\s+(?:\w+\s+)?(?:{_KIN_EN})\b"
        rf"|\b(?:patients|clients|residents)\s+(?:{_KIN_EN})\b",
        r"\b(?<!mijn )(?<!my )(?:familielid|familieleden|naaste|mantelzorger|relative|relatives"
        r"|family member|family members)\b",
        r"\bde familie\b(?!\s+van\s+(?:mij|mijzelf))|\bthe family\b",
        # "een vrouw die met haar moeder meekwam", "a man who came in with his mate"
        rf"\b(?:die|who)(?:'d)?\s+(?:\w+\s+){{0,3}}?(?:met|with)\s+(?:zijn|haar|hun|his|her"
        rf"|their)\s+(?:{_KIN_NL}|{_KIN_EN})\b"
        rf"|\bmeekwam\s+met\s+(?:zijn|haar|hun)\s+(?:{_KIN_NL})\b",
        # the perpetrator's own relative in their words: "'... mijn oma laten vallen'"
        rf"'[^']{{0,80}}\b(?:mijn|m'n|my)\s+(?:{_ROLE_KIN}|opa|oma|grandma|grandpa)\b[^']{{0,80}}'",
    )
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
    r"\b(?:haar|zijn|hun|her|his|their)\s+(?:zoon|dochter|vader|moeder|man|vrouw|echtgeno\w+"
    r"|partner|broer|zus|schoon\w+|klein\w+|neef|nicht|oom|tante|familie|son|daughter|father"
    r"|mother|husband|wife|brother|sister|grand\w+|uncle|aunt|nephew|niece|family|oma|opa)\b"
)
_IN_CARE = re.compile(
    r"(?<!\w)(?:patient\w*|client\w*|bewoner\w*|zorgvrager\w*|resident\w*|mevrouw|meneer)(?!\w)"
    r"|\b(?:bij ons (?:lag|ligt|opgenomen)|lag bij ons|on our ward|in our care|caseload"
    r"|begeleid|verzorg\w*|looks? after|i support|care for|zorg voor|was on our)\b"
)
_BEZOEKER = re.compile(
    r"\b(?:bezoeker|bezoekster|bezoekers|visitor|visitors|op bezoek|visiting"
    r"|(?:came|come|comes|coming)\s+(?:in\s+)?to\s+visit|on\s+(?:a\s+)?visit|kwam\s+(?:op\s+)?bezoek\w*)\b"
)
_ONBEKEND = re.compile(
    r"\b(?:onbekende|onbekend (?:nummer|account|persoon|iemand)|vreemde (?:man|vrouw|jongen"
    r"|meneer|mevrouw|persoon|kerel|gast)|vreemdeling|voorbijganger|nepaccount|anoniem account"
    r"|anoniem nummer|wildvreemde?|stranger|passer-?by|unknown (?:man|woman|person|number"
    r"|caller|account|guy)|fake account|anonymous account|anonymous number)\b"
    r"|\b(?:iemand|een man|een vrouw|een jongen|hem|haar|die man|die vrouw)\s+(?:die\s+)?ik\s+"
    r"(?:niet|nog nooit)\s+(?:ken|kende|gezien had|eerder gezien had)\b"
    r"|\bik\s+ken\s+(?:hem|haar|ze|hen|die \w+|deze \w+)\s+niet\b|\bnog nooit gezien\b"
    r"|\bi\s*(?:'d|had|would have)?\s*never\s+seen\b|\bcomplete stranger\b"
    r"|\b(?:geen idee|no idea|no clue|weet (?:ik )?niet|don'?t know|do not know)\s+(?:van\s+)?"
    r"(?:wie|who)\b"
    r"|\b(?:someone|somebody|a man|a woman|a guy|some guy|some man)\s+(?:that\s+|who\s+)?i\s+"
    r"(?:didn'?t|don'?t|did not|do not|had never|'d never|d never)\s+(?:know|seen)\b"
    r"|\bi\s+(?:didn'?t|don'?t|do not|did not)\s+know\s+(?:him|her|them|who)\b"
)
# The one in care as the one who did it. "bij een cliënt thuis", "de kamer van een patiënt",
# "zorg voor een bewoner" and "dat ik patiënten uitscheld" only say where, whom or what.
_PATIENT = re.compile(
    r"(?<!\w)(?:ex-|oud-|former\s+)?(?:patient|patiente|patienten|patientje|client|cliente"
    r"|clienten|bewoner|bewoonster|bewoners|zorgvrager|resident)(?!\w|'s|\s+thuis)"
)
# Who is in care without the word: a child someone supports ("een jongen van 15 die hier
# woont"), whoever was just with the doctor, someone who lay on the ward.
_PATIENT_CUES = re.compile(
    r"\b(?:een|a)\s+(?:kind|jongen|meisje|boy|girl|child|kid|\d+\s*year\s*old)"
    r"(?:\s+(?:van|of)\s+\d+)?(?=\s+(?:die hier woont|who lives here|uit mijn caseload"
    r"|(?:from|on|in) my caseload|op de groep|in the group|die ik begeleid|i support)"
    r"|\s+(?:beet|sloeg|schopte|stompte|bit|hit|kicked|punched)\b)"
    r"|\b(?:beet|sloeg|schopte|stompte|duwde|spuugde|krabde|kneep|gooide)\s+(?:een|het)\s+"
    r"(?:kind|kindje|jongen|meisje)\b"
    r"|\b(?:die|who)(?:'d|'s)?\s+(?:\w+\s+){0,2}?(?:bij de (?:dokter|huisarts|arts)"
    r"|(?:seen|saw|been to) the (?:doctor|gp)|(?:ooit\s+)?bij ons (?:op de \w+ )?(?:lag|opgenomen)"
    r"|used to be on our ward)"
    r"|\bat\s+a\s+client'?s\s+home\b"
)
# At a home visit, "meneer" or "the gentleman" is the client.
_HOME_VISIT = re.compile(r"\b(?:huisbezoek\w*|home visit\w*|thuis|at home|'s home|aan huis)\b")
_AT_HOME = re.compile(
    r"\b(?:meneer|mevrouw|the gentleman|the lady|the man|the woman|de heer)\b(?!'s|\s+van\b)"
)
_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:bij|voor|naar|met|over|for|to|with|about|at|visiting|tegen)"
    r"|\b(?!(?:berichten|bericht|berichtjes|mailtjes|mailtje|mails|mail|appjes|appje|sms'?jes"
    r"|telefoontjes|telefoontje|brief|brieven|dreigementen|reacties|messages|texts|calls|emails"
    r"|letters|threats|comments|posts|filmpje|video|foto|post|snap|review|recensie)\b)\w+\s+"
    r"(?:van|of)|\b(?:ik|i)(?:\s+\w+)?)"
    r"\s+(?:(?:de|het|een|mijn|m'n|deze|die|onze|the|a|an|my|our)\s+)?(?:\w+\s+)?$"
)
# A guess is no fact: "volgens mij de zoon van een patiënt", "I think it's a patient".
_GUESS = re.compile(
    r"\b(?:volgens mij|ik denk|denk dat|denk ik|vermoed\w*|waarschijnlijk|misschien"
    r"|weet het niet zeker|niet zeker (?:of|wie)|i think|i guess|pretty sure|probably|maybe"
    r"|i suspect|not sure (?:if|whether|who|it'?s)|think it'?s|denk(?: dat)? het)\b"
)


def perpetrator_relation(story: Story) -> Extracted | None:
    """Who did it: naaste, then bezoeker, onbekend, patient (a relative's patient or a
    visitor's host is mentioned too, so the more specific relation wins). A guess about
    who it was leaves it open."""
    folded = story.folded
    for value, found in (
        ("naaste", _naaste(folded)),
        ("bezoeker", _spans(_BEZOEKER, folded)),
        ("onbekend", _spans(_ONBEKEND, folded)),
        ("patient", _patients(folded)),
    ):
        if any(_guessed(folded, s, e) for s, e in found):
            return None
        hit = first_free([(s, e, value) for s, e in found], folded)
        if hit is not None:
            return Extracted(value, story.words(hit[0], hit[1]))
    return None


def _guessed(folded: str, start: int, end: int) -> bool:
    left, right = _sentence(folded, start, end)
    return bool(_GUESS.search(folded[left:right]))


def _sentence(folded: str, start: int, end: int) -> tuple[int, int]:
    left = max(folded.rfind(mark, 0, start) for mark in ".!?\n") + 1
    ends = [i for i in (folded.find(mark, end) for mark in ".!?\n") if i >= 0]
    return left, min(ends) if ends else len(folded)


def _acting(folded: str, start: int, end: int) -> bool:
    """Whether a parent or child named by their role does something to the melder."""
    after = folded[end : end + _ACT_AFTER]
    stop = re.search(r"[.!?;]", after)
    if ACT.search(after[: stop.start()] if stop else after):
        return True
    before = folded[max(0, start - _ACT_BEFORE) : start]
    return bool(re.search(rf"(?:{ACT.pattern})\s+(?:\w+\s+){{0,2}}$", before))


def _spans(pattern: re.Pattern[str], folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(folded)]


def _naaste(folded: str) -> list[tuple[int, int]]:
    found = [m.span() for p in _NAASTE for m in p.finditer(folded)]
    found += [m.span() for m in _ROLE.finditer(folded) if _acting(folded, m.start(), m.end())]
    if _IN_CARE.search(folded):
        found += _spans(_POSSESSIVE_KIN, folded)
    return found


def _patients(folded: str) -> list[tuple[int, int]]:
    found = [
        m.span()
        for m in _PATIENT.finditer(folded)
        if not _CONTEXT_BEFORE.search(folded[max(0, m.start() - 30) : m.start()])
    ]
    found += _spans(_PATIENT_CUES, folded)
    if _HOME_VISIT.search(folded):
        found += _spans(_AT_HOME, folded)
    return found
