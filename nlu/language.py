"""Which language a message is written in (Dutch or English), and explicit requests for one.

`detect` weighs function words ("ik", "het", "the", "you") and a few spelling cues ("ij",
"sch", "th", "n't") of the folded text and answers only with a clear margin: "ok", "3", a
name or "instagram" are neither language, and one English word in a Dutch sentence does not
make it English. Text in double quotes is left out: a melder quotes the literal words, in
any language. It takes microseconds: a dictionary lookup per word of the first
`MAX_CHARS` characters.

`requested` recognises someone asking for a language in their own words: "english please",
"sorry I don't speak Dutch", "kan het in het Nederlands?", "nederlands".
"""

from __future__ import annotations

import re
from typing import Literal

from nlu.text import fold

__all__ = ["Language", "detect", "requested"]

Language = Literal["nl", "en"]

#: Only the start of a message is weighed: the language shows early.
MAX_CHARS = 600
#: The winner needs at least this score, and this many times the loser's.
MIN_SCORE = 2.0
RATIO = 2.0

_STRONG, _WORD, _WEAK = 1.5, 1.0, 0.5


def _weights(*groups: tuple[str, float]) -> dict[str, float]:
    """Word weights from (space-separated words, weight) groups; later groups win."""
    return {word: weight for words, weight in groups for word in words.split()}


_DUTCH = _weights(
    (
        "ik jij je jou jouw u hij zij wij jullie mij mijn m'n het een niet geen"
        " ook nog wel er daar waar wat wie hoe waarom wanneer ben bent heb hebt heeft"
        " hebben word wordt worden werd kan kun kunt kunnen wil wilt willen moet moeten mag"
        " zal zou ga gaat gaan met voor naar bij uit aan door tot als dan toen omdat maar"
        " want dat dit deze die nu ja nee graag alsjeblieft dank bedankt goed heel erg echt"
        " gisteren vandaag morgen weet niks niets iets iemand alles mee zo even toch hier"
        " ons onze hem haar zijn waren was staat staan zit komt komen doet doen zegt"
        " alleen nooit altijd vaak soms weer al veel meer misschien zeker thuis werk collega"
        " bedreigd bedreiging melding melden gebeurd weg zelf mezelf elkaar had hulp politie"
        " beveiliging bel snel mes deur gevaar bang stuur kom aangevallen binnen buiten",
        _WORD,
    ),
    ("ik het een niet geen heb hebt ben bent wordt werd zijn jij", _STRONG),
    ("op te en", _WORD),
    ("de van in me we", _WEAK),
)
_ENGLISH = _weights(
    (
        "i i'm i've i'd you you're your he he's she she's they they're we we're us my"
        " him his her our their them it's the a an and or but because that this these"
        " those not no don't can't won't didn't doesn't isn't wasn't there here where what"
        " who how why when are am be been have has had do does did will would can could"
        " should must with for from at on by about into if then now just please thanks"
        " thank yes yeah know want need today yesterday tomorrow someone something"
        " everything nothing very really speak english dutch of to is was were it me"
        " got get going said told keeps anyone anybody always never again still only"
        " im ive dont cant wont didnt doesnt isnt hes shes youre theyre call police security"
        " send come quick quickly knife door danger scared attacked inside outside",
        _WORD,
    ),
    ("the you i'm i've don't can't won't didn't doesn't isn't he's she's", _STRONG),
    ("in me we", _WEAK),
)
# Spelling that shows in one language and hardly in the other.
_DUTCH_SPELLING = re.compile(r"ij|sch|aa|uu|oe|ui|eu")
_ENGLISH_SPELLING = re.compile(r"th|wh|sh|ck|ly$|tion|n't|'s$|ing$|ea|ou")
_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|„[^”“]*[”“]|«[^»]*»|(?<!\w)'[^'\n]+'(?!\w)")


def _scores(text: str) -> tuple[float, float, int]:
    folded = fold(_QUOTED.sub(" ", text[:MAX_CHARS]))
    dutch = english = 0.0
    count = 0
    for word in _WORDS.findall(folded):
        count += 1
        in_dutch, in_english = _DUTCH.get(word, 0.0), _ENGLISH.get(word, 0.0)
        if in_dutch or in_english:
            dutch += in_dutch
            english += in_english
        elif len(word) > 3:
            dutch += _WEAK * bool(_DUTCH_SPELLING.search(word))
            english += _WEAK * bool(_ENGLISH_SPELLING.search(word))
    return dutch, english, count


def detect(text: str, *, min_score: float = MIN_SCORE) -> Language | None:
    """ "nl" or "en" when the message is clearly in that language, else None."""
    dutch, english, _ = _scores(text)
    if dutch >= min_score and dutch >= RATIO * english:
        return "nl"
    if english >= min_score and english >= RATIO * dutch:
        return "en"
    return None


def words(text: str) -> int:
    """The number of words, as `detect` counts them."""
    return _scores(text)[2]


_NAMES = {
    # (and as typed on a phone: "englsh plz", "engles aub", "duthc pls", "nederlans pls")
    "en": r"(?:english|engels|engelse|inglese?|englsh|engles|englis|engelsh|engelish|enegls|engls)",
    "nl": r"(?:nederlands|nederlandse|dutch|hollands|vlaams|nederlander|duthc|nederlans"
    r"|nedelands|nederands)",
}
_ANY = rf"(?:{_NAMES['en']}|{_NAMES['nl']})"
_POLITE = r"(?:please|pls|plz|graag|alsjeblieft|alstublieft|aub|svp|thanks|thank you|sorry)"
# "I don't speak Dutch", "ik spreek geen Engels", "mijn Nederlands is niet goed": the other one.
_CANNOT = re.compile(
    r"\b(?:don't|do not|dont|can't|cannot|cant|niet|geen|slecht|weinig|barely|hardly|no|not"
    rf")\s+(?:\w+\s+){{0,2}}?(?P<lang>{_ANY})\b"
    # "I only understand a bit of Dutch", "ik spreek maar een beetje engels"
    rf"|\b(?:a little|a bit|een beetje|een klein beetje)\s+(?:bit\s+)?(?:of\s+)?(?P<lang3>{_ANY})\b"
    rf"|\b(?P<lang2>{_ANY})\s+(?:\w+\s+){{0,2}}?(?:niet|not|isn't|is bad|is poor|is slecht"
    r"|is niet|is niks|is nothing|te moeilijk|too hard|too difficult)\b"
)
_WANT = re.compile(
    rf"^\W*(?:{_POLITE}\W+)?(?:(?:in|op)\s+)?(?:het\s+)?(?P<a>{_ANY})(?:\W+{_POLITE})*\W*$"
    r"|\b(?:speak|spreek|spreken|praat|praten|talk|write|schrijf|continue|verder|switch|answer"
    rf"|reply|antwoord|overschakelen)\s+(?:\w+\s+){{0,3}}?(?:in\s+)?(?:het\s+)?(?P<b>{_ANY})\b"
    rf"|\b(?:in|op)\s+(?:het\s+)?(?P<c>{_ANY})\s+(?:\w+\s+){{0,2}}?(?:antwoorden|praten|spreken"
    r"|verder|schrijven|please|graag|alsjeblieft|answer|reply|talk|speak|continue)\b"
    r"|\b(?:liever|prefer|rather|do you speak|spreek je|spreekt u|praat je|can you|kun je"
    r"|kan je|kunt u|kan het|kan dat|mag het|kunnen we|can we|could we|could you)"
    rf"\s+(?:\w+\s+){{0,3}}?(?:in\s+)?(?:het\s+)?(?P<d>{_ANY})\b"
    rf"|\b(?P<e>{_ANY})\s+{_POLITE}\b"
    # "back to Dutch", "zet de taal op nederlands", "ik wil nederlands", "change language to"
    r"|\b(?:back to|terug naar|switch to|change (?:the )?language to|language to|taal op"
    r"|taal naar|ik wil|i want|wil graag|i'd like|i need|need|terugzetten naar|zetten naar"
    r"|veranderen naar|veranderen in|wijzigen naar|change to|set to|set it to)"
    rf"\s+(?:\w+\s+){{0,1}}?(?:in\s+)?(?:het\s+)?(?P<f>{_ANY})\b"
    # "English would be easier", "engels is makkelijker voor mij", "nederlandse taal aub"
    rf"|\b(?P<g>{_ANY})\s+(?:would be|is|taal|language)\s+(?:\w+\s+){{0,1}}?(?:easier"
    r"|makkelijker|beter|better|aub|please|graag|alsjeblieft)\b"
    # "kan de bot ook engels?", "do you do Dutch?", "ik ben nederlander, kan dat ook"
    r"|\b(?:kan|kun|kunt|can|could|do|does)\s+(?:\w+\s+){0,3}?(?:ook\s+|also\s+|do\s+)?"
    rf"(?:in\s+)?(?:het\s+)?(?P<h>{_ANY})\b"
    rf"|\b(?:ik ben|i am|i'm)\s+(?:een\s+)?(?P<i>{_ANY})\b"
    # "is there an english version?", "nederlandse versie graag", "taal: engels"
    rf"|\b(?P<j>{_ANY})\s+(?:version|versie|mode|modus|option|optie|setting|instelling)\b"
    rf"|\b(?:language|taal)\s*[:=]?\s*(?:\w+\s+){{0,1}}?(?P<k>{_ANY})\b"
    # "doe maar gewoon nederlands", "more comfortable in Dutch", "english, i'm new here"
    r"|\b(?:doe maar|doe|dan maar|just)\s+(?:gewoon\s+|maar\s+)?(?:in\s+)?(?:het\s+)?"
    rf"(?P<l>{_ANY})\b"
    rf"|\bliever\s+(?:in\s+)?(?:het\s+)?(?P<q>{_ANY})\b"
    r"|\b(?:comfortable|easier|makkelijker|fijner|prettiger|beter)\s+(?:in|op|met)\s+(?:het\s+)?"
    rf"(?P<m>{_ANY})\b"
    rf"|^\W*(?P<n>{_ANY})\s*[,!:]"
    rf"|^\W*(?:{_POLITE}\W+)?(?P<o>nl|en)(?:\W+{_POLITE})+\W*$"
    rf"|\b(?:begrijp|snap|understand|verstaat|versta)\s+(?:je|jij|u|you)\s+(?:ook\s+)?(?P<p>{_ANY})\b"
)
# A wish in a short message that names a language: a question, a polite word, a verb of
# speaking or writing, "better".
_ASKING = re.compile(
    r"\?|\b(?:graag|please|pls|plz|aub|alsjeblieft|alstublieft|kan|kun|kunt|kunnen|kunde|can"
    r"|could|mag|liever|prefer|rather|beter|better|verder|continue|switch|wil|wilt|want|doe"
    r"|schrijf|schrijven|praten|spreken|communiceren|speak|talk|write|communicate|zetten"
    r"|chose|choose|gekozen|koos)\b"
)
_FLAG = re.compile("🇬🇧|🇳🇱")
# "sorry, I don't understand this language": the language the message is written in.
_NOT_THIS = re.compile(
    r"\b(?:don'?t|do not|cannot|can'?t|cant)\s+(?:understand|read|speak)\s+(?:this|the|that|your)"
    r"\s+language\b|\b(?:begrijp|snap|versta|spreek|lees)\s+(?:deze|die|de|jouw)\s+taal\s+niet\b"
)
# "why is this in Dutch?", "waarom praat je engels?" (opening the message): the other one,
# unless the message says it otherwise later ("why is this in Dutch? I need English").
_WHY = re.compile(
    r"^\W*(?:(?:huh|hm+|eh|uh|um|hey|sorry|maar|but|and|en|ok|oh)\W+){0,2}"
    r"(?:why|waarom|how come|hoezo)\b(?![^?,.!]*\b(?:not|niet|geen|no|don't|dont|can't|cant"
    rf"|isn't|isnt)\b)[^?,.!]{{0,40}}?\b(?P<lang>{_ANY})\b"
)
# "I understand Dutch better than English", "engels gaat beter dan nederlands": the first.
_BETTER = re.compile(
    rf"\b(?P<lang>{_ANY})\s+(?:\w+\s+){{0,2}}?(?:better|beter|easier|makkelijker|more easily)"
    rf"\s+(?:than|dan)\s+(?:in\s+|my\s+|mijn\s+)?(?:het\s+)?{_ANY}\b"
)
# A bare language code, written as one: "EN", "NL", "nl" ("en" alone is Dutch for "and").
_CODE = re.compile(r"^\W*(?P<code>EN|NL|nl)\W*$")
#: A request for a language is short; a longer message that names one tells something else.
_MAX_REQUEST_WORDS = 16


def _language_of(name: str) -> Language:
    return "en" if name == "en" or re.fullmatch(_NAMES["en"], name) else "nl"  # "nl" too


def requested(text: str) -> Language | None:
    """The language someone explicitly asks for in a short message, if any."""
    folded = fold(text[:MAX_CHARS])
    if len(folded.split()) > _MAX_REQUEST_WORDS:
        return None
    code = _CODE.match(text)
    if code is not None:
        return _language_of(code.group("code").lower())
    better = _BETTER.search(folded)
    if better is not None:
        return _language_of(better.group("lang"))
    cannot = _CANNOT.search(folded)
    if cannot is not None:
        named = _language_of(cannot.group("lang") or cannot.group("lang2") or cannot.group("lang3"))
        return _other(named)
    why = _WHY.search(folded)
    # Of several wishes the last one counts: "waarom ineens engels? doe maar nederlands".
    want = None
    for want in _WANT.finditer(folded, why.end() if why else 0):  # noqa: B007 - the last one
        pass
    if want is not None:
        return _language_of(next(g for g in want.groups() if g))
    if why is not None:
        return _other(_language_of(why.group("lang")))
    if _NOT_THIS.search(folded):
        return detect(text)
    if _ASKING.search(folded) or _FLAG.search(text):
        # A short wish that names a language, in other words: "kunt ge in 't engels
        # schrijven?", "engels gaat veel beter", "🇳🇱 graag": the last one named.
        names = [m.group(0) for m in re.finditer(rf"{_ANY}|\bnl\b", folded)] or _flags(text)
        if names:
            return _language_of(names[-1])
    return None


def _other(language: Language) -> Language:
    return "nl" if language == "en" else "en"


def _flags(text: str) -> list[str]:
    return ["english" if f == "🇬🇧" else "nederlands" for f in _FLAG.findall(text)]
