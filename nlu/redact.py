"""Remove personal details from a message before it is kept for NLU review.

Replaced, in this order: links (`[link]`), e-mail addresses (`[e-mail]`), bare web
addresses (`[link]`), social media handles (`[account]`), IBANs (`[nummer]`), phone numbers
(`[telefoon]`), other long numbers such as a BSN (`[nummer]`), and names (`[naam]`).

Names are found pragmatically, by context: capitalised words after "ik ben", "ik heet",
"mijn naam is", "heet", "genaamd", "my name is", "I'm", "called"; after a form of address
("meneer", "mevrouw", "dhr.", "mw.", "mr", "mrs", "dr", "zuster"); after a role word
("patiënt", "cliënt", "bewoner", "collega", "zoon", "dochter", ...); and after a greeting
or a signature ("groetjes", "mvg", "regards"). Name particles ("de", "van der") and
initials are part of the name. Lowercase names without such context are not found.
"""

from __future__ import annotations

import re

__all__ = ["PLACEHOLDERS", "redact"]

#: Placeholder per kind of detail.
PLACEHOLDERS: dict[str, str] = {
    "link": "[link]",
    "email": "[e-mail]",
    "account": "[account]",
    "phone": "[telefoon]",
    "number": "[nummer]",
    "name": "[naam]",
}

_TRAILING_PUNCTUATION = ".,;:!?)]}'\""

_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+")
_EMAIL = re.compile(
    r"(?i)(?<![\w.+-])[\w.+-]+(?:\s?@\s?|\s?\(at\)\s?|\s?\[at\]\s?)[\w-]+(?:\.[\w-]+)*\.[a-z]{2,24}\b"
)
_TLDS = r"nl|com|org|net|eu|be|de|fr|uk|io|me|ly|gl|app|info|tv|co|ai|nu|link|site|online|shop"
_BARE_DOMAIN = re.compile(
    rf"(?i)(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})\b(?:/[^\s<>\"']*)?"
)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")

# Digits with at most one separator (space, dash, dot) between them.
_SEP = r"(?:[ \-.]|\s?-\s?)?"
_PHONE = re.compile(
    r"(?<![\w+])(?!\d{1,2}[-.]\d{1,2}[-.](?:19|20)\d\d)(?:"
    # +31 6 12345678, 0031 (0)20 123 4567: country code, optional (0), nine digits
    rf"(?:\+|00){_SEP}31{_SEP}(?:\(0\){_SEP})?\d(?:{_SEP}\d){{8}}"
    # any other international number: + country code and 6..13 more digits
    rf"|\+{_SEP}\d(?:{_SEP}\d){{7,14}}"
    # (020) 123 45 67, (06) 12345678
    rf"|\(0\d{{1,3}}\){_SEP}\d(?:{_SEP}\d){{4,7}}"
    # 0800-1234, 0900-8844, 0900 123 4567 (service numbers)
    rf"|0[89]0[09]{_SEP}\d(?:{_SEP}\d){{3,6}}"
    # 06-12345678, 020 123 4567, 0612345678: zero and nine digits
    rf"|0\d(?:{_SEP}\d){{8}}"
    r")(?![\d])"
)
_IBAN = re.compile(r"(?i)\b[a-z]{2}\d{2}\s?[a-z]{4}(?:\s?\d){8,20}\b")
_LONG_NUMBER = re.compile(r"(?<![\d.])(?:\d{7,}|\d{3,4}[ .]\d{2,3}[ .]\d{3})(?![\d])")

# --------------------------------------------------------------------------- names

#: Capitalised words that are no name even after a name context ("hoi Ik ben ...").
_NOT_NAMES = frozenset(
    {
        "ik", "hij", "zij", "ze", "het", "een", "wij", "we", "jij", "je", "u", "die", "dat",
        "deze", "dit", "er", "maar", "en", "of", "want", "dus", "ook", "niet", "nu", "net",
        "ben", "heet", "is", "was", "wordt", "word", "heb", "heeft", "mijn", "m'n",
        "i", "he", "she", "it", "they", "you", "the", "a", "an", "and", "but", "not", "am",
        "now", "just", "so", "my", "me", "are", "facebook", "instagram", "insta",
        "whatsapp", "tiktok", "telegram", "snapchat", "linkedin", "youtube", "twitter",
        "google", "signal", "sms", "bot", "zorgveilig", "team", "allemaal", "allen", "all",
        "everyone", "bang", "scared", "afraid", "ok", "oke", "okay", "sorry", "hier", "here",
        "there", "daar", "regards", "groet", "groeten", "groetjes",
    }
)  # fmt: skip
_NOT_NAME = (
    "(?!(?i:"
    + "|".join(re.escape(w) for w in sorted(_NOT_NAMES, key=len, reverse=True))
    + ")(?![\\w'’-]))"
)
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_NAME_WORD = (
    rf"{_NOT_NAME}[{_UPPER}](?:[{_LOWER}]+|['’][{_UPPER}][{_LOWER}]+)"
    rf"(?:-[{_UPPER}{_LOWER}]+|['’][{_UPPER}][{_LOWER}]+)*"
)
_INITIALS = rf"(?:[{_UPPER}]\.\s?){{1,4}}"
_PARTICLE = r"(?i:van|de|der|den|het|'t|ter|ten|te|von|du|da|di|dos|la|le|el|al|bin|ibn)"
#: One name: initials, particles and capitalised words ("J. van der Berg", "Anna-Lena").
_NAME = (
    rf"(?:{_INITIALS})?(?:{_PARTICLE}\s+)*{_NAME_WORD}"
    rf"(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,3}}"
)

# Contexts that precede a name (case-insensitive); the name itself must be capitalised.
_INTRODUCTIONS = (
    r"ik\s+ben|ik\s+heet|mijn\s+naam\s+is|m'n\s+naam\s+is|naam\s*:|heet|heette|genaamd"
    r"|my\s+name\s+is|name\s*:|i\s+am|i'm|im|called|named|this\s+is"
)
_ADDRESS = (
    r"meneer|mevrouw|mevr\.?|mw\.?|mvr\.?|dhr\.?|hr\.?|mr\.?|mrs\.?|ms\.?|miss|dr\.?"
    r"|drs\.?|ir\.?|zuster|broeder|juf|meester|sir|madam|oom|tante|opa|oma"
)
_ROLES = (
    r"pati[eë]nte?|cli[eë]nte?|bewoner|bewoonster|collega|leidinggevende|manager|teamleider"
    r"|zoon|dochter|vader|moeder|broer|zus|zwager|schoonzoon|schoondochter|kleinzoon"
    r"|kleindochter|neef|nicht|partner|vriend|vriendin|ex|buurman|buurvrouw|dokter|arts"
    r"|son|daughter|father|mother|brother|sister|colleague|patient|client|resident|neighbour"
    r"|neighbor|husband|wife|boyfriend|girlfriend"
)
_GREETINGS = (
    r"groetjes|groeten|groet|gr\.?|mvg|m\.v\.g\.|met\s+vriendelijke\s+groet(?:en)?|doei"
    r"|hoi|hallo|hey|hi|beste|dag|regards|cheers|thanks|dear|hello|bedankt"
)
_NAME_CONTEXT = re.compile(
    rf"(?<![\w])(?P<context>(?i:{_INTRODUCTIONS}|{_ADDRESS}|{_ROLES}|{_GREETINGS})"
    rf"(?:\s*[,:]\s*|\s+))"
    # A name ends at a word boundary; a possessive "'s" may follow ("Anna's moeder").
    rf"(?P<name>{_NAME})(?!\w|-\w|['’](?!s\b)\w)"
)


def _replace_link(match: re.Match[str]) -> str:
    text = match.group(0)
    stripped = text.rstrip(_TRAILING_PUNCTUATION)
    return PLACEHOLDERS["link"] + text[len(stripped) :]


def _replace_name(match: re.Match[str]) -> str:
    return match.group("context") + PLACEHOLDERS["name"]


def redact(text: str) -> str:
    """The text with links, e-mail addresses, handles, phone numbers and names replaced."""
    text = _URL.sub(_replace_link, text)
    text = _EMAIL.sub(PLACEHOLDERS["email"], text)
    text = _BARE_DOMAIN.sub(_replace_link, text)
    text = _HANDLE.sub(PLACEHOLDERS["account"], text)
    text = _IBAN.sub(PLACEHOLDERS["number"], text)
    text = _PHONE.sub(PLACEHOLDERS["phone"], text)
    text = _LONG_NUMBER.sub(PLACEHOLDERS["number"], text)
    return _NAME_CONTEXT.sub(_replace_name, text)
