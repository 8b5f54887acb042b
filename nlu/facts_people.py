"""Facts about people in a story: who did it, the melder's name, anonymity, the line manager.

Who did it follows the report's options (patient, naaste, bezoeker, onbekend): a relative
of a patient ("de vader van een patiënt", "the patient's son", "haar zoon" when a patient
is mentioned) is a naaste, never the patient; denied mentions do not count ("geen
patiënt maar een bezoeker"). The melder's name is only what they say it is ("ik heet Lisa",
"my name is Tom", "ik ben Sanne."); it never decides anonymity, which needs a wish said in
words (`nlu.anonymity.wish_in_story`).
"""

from __future__ import annotations

import re

from nlu.anonymity import wish_in_story
from nlu.facts_base import Extracted, Story, first_free, negated

__all__ = ["anonymous", "exclude_line_manager", "perpetrator_relation", "reporter_name"]

_KIN_NL = (
    r"zoon|zoons|dochter|dochters|vader|moeder|man|vrouw|echtgenoot|echtgenote|partner|broer"
    r"|zus|zwager|schoonzus|schoonzoon|schoondochter|schoonvader|schoonmoeder|kleinzoon"
    r"|kleindochter|neef|nicht|oom|tante|opa|oma|vriend|vriendin|vriendje|ouders|kinderen|kind"
    r"|familie|familielid|familieleden|mantelzorger|naaste|naasten|verwant\w*"
)
_KIN_EN = (
    r"son|daughter|father|mother|husband|wife|partner|brother|sister|uncle|aunt|nephew|niece"
    r"|grandson|granddaughter|grandfather|grandmother|grandma|grandpa|cousin|friend|boyfriend"
    r"|girlfriend|parents|parent|children|child|relative|relatives|family member|family|carer"
)
_CARED = (
    r"(?:patient\w*|client\w*|bewoner\w*|zorgvrager\w*|resident\w*|mevrouw|meneer|mevr\.?|mw\.?"
    r"|dhr\.?|de heer|mrs\.?|mr\.?|ms\.?)"
)
_DET = r"(?:(?:de|het|een|mijn|m'n|deze|die|onze|the|a|an|my|our|this|that|one of my)\s+)?"
_NAASTE = tuple(
    re.compile(p)
    for p in (
        rf"\b(?:{_KIN_NL})\s+van\s+{_DET}(?:\w+\s+)?{_CARED}(?!\w)",
        rf"\b(?:{_KIN_EN})\s+of\s+{_DET}(?:\w+\s+)?{_CARED}(?!\w)",
        rf"\b{_CARED}'s\s+(?:\w+\s+)?(?:{_KIN_EN})\b",
        r"\b(?<!mijn )(?<!my )(?:familielid|familieleden|naaste|mantelzorger|relative|relatives"
        r"|family member|family members)\b",
        r"\bde familie\b(?!\s+van\s+(?:mij|mijzelf))|\bthe family\b",
    )
)
# "haar zoon", "his wife": a relative of someone, when the story names a patient or client.
_POSSESSIVE_KIN = re.compile(
    r"\b(?:haar|zijn|hun|her|his|their)\s+(?:zoon|dochter|vader|moeder|man|vrouw|echtgeno\w+"
    r"|partner|broer|zus|schoon\w+|klein\w+|neef|nicht|oom|tante|familie|son|daughter|father"
    r"|mother|husband|wife|brother|sister|grand\w+|uncle|aunt|nephew|niece|family)\b"
)
_MENTIONS_CARED = re.compile(rf"(?<!\w){_CARED}(?!\w)")
_BEZOEKER = re.compile(r"\b(?:bezoeker|bezoekster|bezoekers|visitor|visitors)\b")
_ONBEKEND = re.compile(
    r"\b(?:onbekende|onbekend (?:nummer|account|persoon|iemand)|vreemde (?:man|vrouw|jongen"
    r"|meneer|mevrouw|persoon|kerel|gast)|vreemdeling|voorbijganger|nepaccount|anoniem account"
    r"|anoniem nummer|stranger|passer-?by|unknown (?:man|woman|person|number|caller|account|guy)"
    r"|fake account|anonymous account|anonymous number)\b"
    r"|\b(?:iemand|een man|een vrouw|een jongen|hem|haar|die man|die vrouw)\s+(?:die\s+)?ik\s+"
    r"(?:niet|nog nooit)\s+(?:ken|kende|gezien had|eerder gezien had)\b"
    r"|\bik\s+ken\s+(?:hem|haar|die man|die vrouw|deze man|deze persoon)\s+niet\b"
    r"|\bik\s+weet\s+niet\s+wie\s+(?:het|hij|zij|ze)\s+(?:is|was)\b"
    r"|\b(?:someone|somebody|a man|a woman|a guy)\s+(?:that\s+|who\s+)?i\s+(?:didn'?t|don'?t"
    r"|did not|do not|had never)\s+(?:know|seen)\b|\bi\s+(?:didn'?t|don'?t|do not|did not)\s+"
    r"know\s+(?:him|her|who)\b"
)
# A patient or client as the one who did it; "bij een cliënt thuis", "de kamer van een
# patiënt" and "zorg voor een bewoner" only say where or for whom.
_PATIENT = re.compile(
    r"(?<!\w)(?:ex-|oud-|former\s+)?(?:patient|patiente|patienten|patientje|client|cliente"
    r"|clienten|bewoner|bewoonster|bewoners|zorgvrager|resident)(?!\w|'s|\s+thuis)"
)
_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:bij|voor|naar|met|over|for|to|with|about|at|visiting|tegen)"
    r"|\b(?!(?:berichten|bericht|berichtjes|mailtjes|mailtje|mails|mail|appjes|appje|sms'?jes"
    r"|telefoontjes|telefoontje|brief|brieven|dreigementen|reacties|messages|texts|calls|emails"
    r"|letters|threats|comments|posts)\b)\w+\s+(?:van|of))"
    r"\s+(?:(?:de|het|een|mijn|m'n|deze|die|onze|the|a|an|my|our)\s+)?(?:\w+\s+)?$"
)


def perpetrator_relation(story: Story) -> Extracted | None:
    """Who did it: naaste, then bezoeker, onbekend, patient (a relative's patient or a
    visitor's host is mentioned too, so the more specific relation wins)."""
    folded = story.folded
    for value, found in (
        ("naaste", _naaste(folded)),
        ("bezoeker", _spans(_BEZOEKER, folded)),
        ("onbekend", _spans(_ONBEKEND, folded)),
        ("patient", _patients(folded)),
    ):
        hit = first_free([(s, e, value) for s, e in found], folded)
        if hit is not None:
            return Extracted(value, story.words(hit[0], hit[1]))
    return None


def _spans(pattern: re.Pattern[str], folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(folded)]


def _naaste(folded: str) -> list[tuple[int, int]]:
    found = [m.span() for p in _NAASTE for m in p.finditer(folded)]
    if _MENTIONS_CARED.search(folded):
        found += _spans(_POSSESSIVE_KIN, folded)
    return found


def _patients(folded: str) -> list[tuple[int, int]]:
    return [
        m.span()
        for m in _PATIENT.finditer(folded)
        if not _CONTEXT_BEFORE.search(folded[max(0, m.start() - 30) : m.start()])
    ]


# ------------------------------------------------------------------------------ name

_NAME_WORD = r"[A-ZÀ-Þ][a-zß-ÿ'\-]+"
_PARTICLE = r"(?:van|de|der|den|ter|te|ten|el|al|bin|da|di|du|la|le|von|'t|v\.d\.)"
_NAME = rf"{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,3}}"
_LOWER_NAME = rf"[a-zß-ÿ][a-zß-ÿ'\-]+(?:\s+(?:{_PARTICLE}\s+)+[a-zß-ÿ][a-zß-ÿ'\-]+)?"
# "ik heet Lisa", "mijn naam is Tom", "met mijn naam: Fatima El Amrani": the name follows.
_SAYS_NAME = re.compile(
    r"(?i:\b(?:ik heet|mijn naam is|m'n naam is|my name is|my name's|i am called|i'm called))"
    rf"\s*[:,]?\s+(?P<name>{_NAME}|{_LOWER_NAME})"
    r"|(?i:\b(?:(?:met|with|under) (?:mijn|m'n|my) (?:eigen |own )?naam|naam|name))\s*:\s*"
    rf"(?P<name2>{_NAME})"
)
# "ik ben Sanne.", "I'm Emma": only a capitalised word that ends the phrase.
_IS_NAME = re.compile(
    rf"(?i:\b(?:ik ben|i am|i'm|im|dit is|this is|groet(?:en|jes)?|gr\.|regards|thanks|bedankt)"
    rf")[,:]?\s+(?P<name>(?!I'|I\b){_NAME})(?=\s*(?:$|[,.!;:)]|\s(?:en|and|van|from|uit|bij|at)\b))"
)
_NOT_NAMES = frozenset(
    (
        "nederlander", "nederlandse", "dutch", "english", "engels", "engelse", "belg",
        "belgisch", "marokkaans", "turks", "surinaams", "christen", "moslim", "muslim",
        "christian", "god", "ok", "oke", "okay", "verpleegkundige", "nurse", "doctor", "dokter",
        "arts", "huisarts", "zorg", "team", "manager", "leidinggevende", "ja", "nee", "yes",
        "no", "sorry", "bang", "boos", "klaar", "anoniem", "anonymous",
    )
)  # fmt: skip
_LOWER_STOP = frozenset(["niet", "geen", "wel", "anoniem", "de", "het", "een", "bang", "boos"])


def reporter_name(story: Story) -> Extracted | None:
    """The name the melder gives themself; never read as a wish to report with it."""
    for pattern in (_SAYS_NAME, _IS_NAME):
        for match in pattern.finditer(story.text):
            said = match.groupdict()
            name = (said.get("name") or said.get("name2") or "").strip(" -'")
            first = name.split()[0].lower()
            if first in _NOT_NAMES or (name.islower() and first in _LOWER_STOP):
                continue
            return Extracted(name, story.words(match.start(), match.end()))
    return None


# ------------------------------------------------------------------------- anonymity


def anonymous(story: Story) -> Extracted | None:
    """True or False only when the melder says so in words ("graag anoniem",
    "met mijn naam"); a name in the story is no such wish."""
    wish = wish_in_story(story.text)
    if wish is None:
        return None
    preference, clause = wish
    return Extracted(preference == "anonymous", clause)


# ---------------------------------------------------------------------- line manager

_MANAGER = (
    r"(?:(?:eigen|directe|direct)\s+)?(?:leidinggevende|leidinggevenden|manager|teamleider"
    r"|teamleidster|teammanager|baas|chef|supervisor|boss|team leader|line manager)"
)
_MY = r"(?:mijn|m'n|de|my|the)\s+"
_EXCLUDE = re.compile(
    rf"\bniet\s+(?:naar|aan|bij|voor|via|tegen)\s+{_MY}{_MANAGER}"
    rf"|\b{_MANAGER}\s+(?:mag|mogen|moet|hoeft|kan)\s+(?:\w+\s+){{0,3}}?(?:niet|nooit)\b"
    rf"|\b(?:zonder|buiten)\s+{_MY}{_MANAGER}"
    rf"|\b(?:dit|het|dat)\s+(?:mag|moet|hoeft)\s+(?:echt\s+|absoluut\s+)?niet\s+(?:naar|bij)\s+"
    rf"{_MY}{_MANAGER}"
    rf"|\b(?:don'?t|do not|never|please don'?t)\s+(?:send|tell|share|forward|inform|involve|show"
    rf"|give)\s+(?:this\s+|it\s+|anything\s+)?(?:to\s+|with\s+)?{_MY}{_MANAGER}"
    rf"|\bnot\s+(?:to|with)\s+{_MY}{_MANAGER}|\bkeep\s+{_MY}{_MANAGER}\s+out"
    rf"|\bwithout\s+{_MY}{_MANAGER}"
    rf"|\b{_MANAGER}\s+(?:must|should|may|can)(?:\s*not|n'?t)\s+(?:know|see|read|be told|find)"
)
_ALLOW = re.compile(
    rf"\b{_MANAGER}\s+(?:mag|mogen|kan)\s+(?:het|dit|dat)?\s*(?:ook\s+|gerust\s+|best\s+)?"
    r"(?:weten|zien|lezen|krijgen|ontvangen)\b"
    rf"|\b(?:ook|gerust)\s+naar\s+{_MY}{_MANAGER}"
    rf"|\b{_MANAGER}\s+(?:may|can)\s+(?:also\s+)?(?:know|see|read|receive|get)\b"
    rf"|\b(?:fine|ok|okay|all right)\s+(?:if|for|that)\s+{_MY}{_MANAGER}"
)


def exclude_line_manager(story: Story) -> Extracted | None:
    """True for "niet naar mijn leidinggevende", False for "mijn leidinggevende mag het
    weten"; nothing when both or neither are said."""
    folded = story.folded
    exclude = _EXCLUDE.search(folded)
    allow = next(
        (m for m in _ALLOW.finditer(folded) if not negated(folded, m.start(), m.end())), None
    )
    if allow is not None and _EXCLUDE.search(folded[allow.start() : allow.end() + 12]):
        allow = None  # "mijn leidinggevende mag het niet weten" is no permission
    if (exclude is None) == (allow is None):
        return None
    match = exclude or allow
    assert match is not None
    return Extracted(exclude is not None, story.words(match.start(), match.end()))
