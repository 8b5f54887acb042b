"""Facts about the melder in a story: their name, anonymity, their line manager.

The melder's name is only what they say it is ("ik heet Lisa", "my name is Tom", "ik ben
Sanne.", "met naam graag: Mohammed"); it never decides anonymity, which needs a wish said
in words (`nlu.anonymity.wish_in_story`).
"""

from __future__ import annotations

import re

from nlu.anonymity import wish_in_story
from nlu.facts_base import Extracted, Story, negated, quoted
from nlu.manager_stance import MANAGER, MY, ONLY, SEE, stance_in_sentence
from nlu.text import fold

__all__ = ["NAME_PARTICLES", "anonymous", "capitalised", "exclude_line_manager", "reporter_name"]

# ------------------------------------------------------------------------------ name

# (Latin Extended-A too: "Ayşe", "Łukasz", "Dvořák")
_NAME_WORD = r"[A-ZÀ-Þ\u0100-\u017f][a-zß-ÿ\u0100-\u017f']+(?:-[A-ZÀ-Þ]?[a-zß-ÿ\u0100-\u017f']+)*"
#: Words of a surname that are no name by themselves: "de" of "Anna de Vries".
NAME_PARTICLES = (
    "van", "de", "der", "den", "ter", "te", "ten", "el", "al", "bin", "da", "di", "du", "la",
    "le", "von", "'t", "v.d.",
)  # fmt: skip
_PARTICLE = "(?:" + "|".join(re.escape(p) for p in NAME_PARTICLES) + ")"
# (an initial before or after: "J. Mulder", "Marta K.")
_NAME = rf"(?:[A-Z]\.\s?)?{_NAME_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_NAME_WORD}){{0,3}}(?:\s[A-Z]\.)?"
_LOWER_NAME = rf"[a-zß-ÿ][a-zß-ÿ'\-]+(?:\s+(?:{_PARTICLE}\s+)+[a-zß-ÿ][a-zß-ÿ'\-]+)?"
# "ik heet Lisa", "mijn naam is Tom": the name follows (also when typed in lower case).
_SAYS_NAME = re.compile(
    r"(?i:\b(?:ik heet|mijn naam is|m'n naam is|my name is|my name's|i am called|i'm called))"
    rf"\s*[:,]?\s+(?P<name>{_NAME}|{_LOWER_NAME})"
)
# "met naam graag: Mohammed Amrani", "mag met naam, Hanneke", "naam Joyce", "named please:
# Dennis", "with my name, it's Rahul", "Esther hier", "ik ben Sanne.": a capitalised name
# right after words about the name, or ending a phrase.
_GIVES_NAME = re.compile(
    r"(?i:\b(?:naam|name|named|reporter|melder)\b(?:[^.!?\n:,(]{0,25}?[:,(]|\s\(?)\s*"
    r"(?:(?:it'?s|is|dus|i'?m|i am|ik ben|ik heet)\s+)?)"
    rf"(?P<name>(?!I'|I\b){_NAME})"
    rf"|(?:^|[.!?,;]\s*)(?P<name2>{_NAME})\s+(?i:hier|here|speaking|aan het woord)\b"
    rf"|(?i:\bik ben die)\s+(?P<name3>{_NAME})"
    # "Saoirse, named is fine", "Floor, mag met naam"
    rf"|(?:^|[.!?]\s*)(?P<name4>(?!I'|I\b|It'?s\b){_NAME}),\s+(?:[^.,!?]{{1,30}},\s+)?"
    r"(?i:named|name is|mag met naam|met naam|mag op naam|(?:you can )?use my name)\b"
    # "it's Priya btw", "It's Daan van Leeuwen, you can use my name": a sentence of its own
    rf"|(?:^|[.!?]\s*)(?i:it'?s|its)\s+(?P<name5>(?!I'|I\b){_NAME})"
    r"(?=\s*(?:$|[.!]|\s(?i:btw|by the way|here)\b|,\s+(?i:you can|use my|fine|ok|happy)))"
)
# "onder de naam Piet Jansen", "his name", "His profile name is": someone else's name.
_SOMEONE_ELSES = re.compile(
    r"\b(?:de|the|een|a|zijn|haar|hun|his|her|their|onder|under|als|as|profile|profiel|account"
    r"|user|gebruikers)\s+$",
    re.IGNORECASE,
)
_IS_NAME = re.compile(
    rf"(?i:\b(?:ik ben(?: zelf)?|i am|i'm|im|dit is(?: van)?|this is(?: from)?"
    rf"|groet(?:en|jes)?(?: van)?|gr\.|regards|thanks"
    rf"|bedankt|cheers|mvg|m\.v\.g\.|hoi|hallo|hi|hey|hello|best|many thanks|thank you|liefs"
    rf"|signed|getekend|name's|call me|noem me|greetings|kind regards|best wishes|from(?=:)"
    rf"|(?:hi|hey|hoi|hallo|hello)[,!]?\s+(?:it'?s|its))"
    rf")[,:]?\s+(?P<name>(?!I'|I\b){_NAME})(?=\s*(?:$|[,.!;:()]|\s(?:en|and|van|from|uit|bij|at"
    r"|with|met|hier|here)\b))"
)
# "met Femke van de hap.", "Hoi, met Esther,": the Dutch way to open a call, at the start.
_MET_NAME = re.compile(
    r"^\W*(?:(?i:hoi|hallo|hi|hey|goedemorgen|goedemiddag|goedenavond|dag)[,!]?\s+)?(?i:met)\s+"
    rf"(?P<name>{_NAME})(?=\s*(?:[,.!;:]|\s(?:van|uit|bij|hier|op)\b))"
)
_NOT_NAMES = frozenset(
    (
        "nederlander", "nederlandse", "dutch", "english", "engels", "engelse", "belg",
        "belgisch", "marokkaans", "turks", "surinaams", "christen", "moslim", "muslim",
        "christian", "god", "ok", "oke", "okay", "verpleegkundige", "nurse", "doctor", "dokter",
        "arts", "huisarts", "zorg", "team", "manager", "leidinggevende", "ja", "nee", "yes",
        "no", "sorry", "bang", "boos", "klaar", "anoniem", "anonymous", "graag", "please",
        "aub", "pls", "ok", "fine", "is", "mag", "met", "with", "kliniek", "clinic", "north",
        "district", "wijkverpleging", "huisartsenpost", "de", "het", "the", "instagram",
        "facebook", "whatsapp", "google", "linkedin", "tiktok", "snapchat", "twitter", "x",
        "telegram", "youtube", "mevrouw", "meneer", "mr", "mrs", "ms", "dhr", "prima", "goed",
        "good", "bekend", "known", "thanks", "bedankt", "groetjes", "groeten", "cheers",
        # what else may close a story on its own: "Client bit me. Monday."
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "vandaag", "gisteren", "vannacht", "today", "yesterday", "tonight", "now", "nu",
        "help", "hulp", "dank", "thx", "groet", "regards", "greetings", "alsjeblieft",
        "alstublieft", "zuid", "noord", "south", "amsterdam", "rotterdam", "utrecht",
        # where one is from, said with "I'm": "(I'm Moroccan)"
        "moroccan", "turkish", "surinamese", "antillean", "polish", "syrian", "somali",
        "eritrean", "afghan", "ghanaian", "nigerian", "jewish", "black", "zwart", "joods",
        "marokkaanse", "turkse", "surinaamse", "poolse", "syrische", "pools", "syrisch",
    )
)  # fmt: skip
_LOWER_STOP = frozenset(["niet", "geen", "wel", "anoniem", "de", "het", "een", "bang", "boos"])


# A name signed at the end: "... you can use my name. Karin de Boer", "- Emma".
_SIGNED = re.compile(rf"(?:^|[.!?,\n]|\s[-\u2013\u2014])\s*(?P<name>(?!I'|I\b){_NAME})\s*[.!]?\s*$")
# A signature dash always signs: "... with my team leader. – Esther", "- Mark (night nurse)".
_DASH_SIGNED = re.compile(
    rf"\s[-\u2013\u2014]{{1,2}}\s*(?P<name>(?!I'|I\b){_NAME})"
    r"\s*(?:\([^()]{1,30}\))?\s*(?:[.!]?\s*$|[.,](?=\s))"
)
# A story typed without capitals gives its name in lower case, after words that say so
# ("naam mag erbij: fatima", "ik ben yasmina en ik werk", "groet, noor (kliniek noord)").
_LOWER_FULL = rf"[a-zß-ÿ][a-zß-ÿ'\-]+(?:\s+(?:{_PARTICLE}\s+)*[a-zß-ÿ][a-zß-ÿ'\-]+)?"
_LOWER_GIVEN = re.compile(
    r"\b(?:naam|name|named)\b[^.!?\n:]{0,30}:\s*"
    rf"(?P<name>{_LOWER_FULL})(?=\s*(?:$|[,.!;()]|\s(?:en|and|die|mag|graag)\b))"
    r"|(?:\b(?:ik ben|i'?m|im|i am|groet(?:en|jes)?|gr|mvg|liefs|greetings|cheers|regards)"
    r"|(?:^|(?<=[.!?] ))ben)[,:]?\s+"
    r"(?P<name2>[a-zß-ÿ][a-zß-ÿ'\-]+)(?=\s*(?:$|[,.!;()]|\s(?:en ik|and i|van|from|uit|bij|at"
    r"|with|met|en mijn|and my|trouwens|btw|by the way)\b))"
)
#: Words after "ik ben" in a story that are no name ("ik ben bang.", "ik ben nieuw, ...").
_NOT_LOWER_NAMES = frozenset(
    (
        "bang", "er", "in", "a", "nog", "not", "nu", "zo", "scared", "with", "op", "alleen", "ok",
        "on", "still", "at", "veilig", "being", "done", "so", "bij", "vorige", "van", "echt",
        "home", "nieuw", "nieuwe", "de", "die", "safe", "the", "good", "afraid", "already", "out",
        "klaar", "fine", "hier", "oké", "oke", "okay", "gewoon", "terrified", "worried",
        "doodsbang", "shaking", "alright", "snel", "niet", "al", "happy", "sure", "alone",
        "inside", "thuis", "met", "en", "gonna", "dutch", "als", "helemaal", "mijn", "het",
        "also", "pas", "toen", "difficult", "new", "free", "concerned", "dit", "iets",
        "devastated", "barely", "mostly", "binnen", "een", "wel", "shaken", "daar", "zelf",
        "samen", "lost", "slow", "just", "too", "door", "heel", "nederlander", "pools", "proper",
        "geen", "stuck", "behind", "upstairs", "never", "really", "weg", "slachtoffer", "online",
        "fysiek", "seksueel", "ongedeerd", "bedreigd", "ongerust", "gewond", "bijna", "erg",
        "angstig", "ziek", "doodop", "boven", "meteen", "goed", "moe", "boos", "verdrietig",
        "blij", "bezorgd", "geschrokken", "overstuur", "kapot", "kwaad", "misselijk", "zwanger",
        "student", "stagiaire", "invaller", "eerlijk", "benieuwd", "bezig", "onderweg", "wakker",
        "leerling", "huisarts", "arts", "nurse", "carer", "sorry", "ja", "nee", "yes", "no",
        "anoniem", "anonymous", "here", "there", "tired", "exhausted", "upset", "angry", "sad",
        "ok-ish", "wijk", "team", "nachtdienst", "dagdienst", "avonddienst",
    )
)  # fmt: skip
_NOT_NAME_ENDINGS = (
    "ig", "lijk", "baar", "kundige", "ente", "ist", "isch", "ing", "ed", "ly", "er'", "ster",
    "werker", "medewerker", "assistente", "begeleider", "verzorgende",
)  # fmt: skip


_CAPITALISED = re.compile(r"\b[A-ZÀ-Þ][a-zß-ÿ]")


def _lower_name(story: Story) -> Extracted | None:
    """A name given in lower case, in a story typed without capitals."""
    if _CAPITALISED.search(story.text):
        return None  # written with capitals: a name would have one ("HAP" is no sign)
    for match in _LOWER_GIVEN.finditer(story.text):
        name = (match.group("name") or match.group("name2") or "").strip(" -'")
        first = name.split()[0] if name else ""
        if (
            len(first) < 2
            or first in _NOT_LOWER_NAMES
            or first in _NOT_NAMES
            or first.endswith(_NOT_NAME_ENDINGS)
            or (first.startswith("ge") and first.endswith(("d", "t", "en")))
        ):
            continue
        return Extracted(capitalised(name), story.words(match.start(), match.end()))
    return None


def capitalised(name: str) -> str:
    """A name typed in lower case as a name is written: "anouk" is Anouk, "jan de vries"
    Jan de Vries (the particles stay small); a name with capitals is kept as typed."""
    if not name.islower():
        return name
    return " ".join(w if w in NAME_PARTICLES else w[:1].upper() + w[1:] for w in name.split())


def reporter_name(story: Story) -> Extracted | None:
    """The name the melder gives themself; never read as a wish to report with it. A name
    signed at the end counts in a story that asks to be reported with the name; without
    such a wish only a first name alone does ("... by a patient. Ruud"): a full name closing
    a story may be whom it is about ("he kicked me. Mark Jansen")."""
    wish = wish_in_story(story.text)
    signed = (_SIGNED,) if wish is None or wish[0] != "anonymous" else ()
    for pattern in (_SAYS_NAME, _GIVES_NAME, _IS_NAME, _MET_NAME, *signed, _DASH_SIGNED):
        for match in pattern.finditer(story.text):
            said = match.groupdict()
            group = next(k for k, v in sorted(said.items()) if k.startswith("name") and v)
            name = said[group]
            name = name.strip(" -'")
            if _SOMEONE_ELSES.search(story.text[max(0, match.start() - 12) : match.start()]):
                continue
            if quoted(story.folded, match.start(group)) or said[group].endswith(("'", "\u2019")):
                continue  # in what someone wrote: "'... groetjes Ruud'", "door 'M. Bakker'"
            if pattern is _SIGNED and wish is None and len(name.split()) > 1:
                continue
            first = name.split()[0].lower()
            if first in _NOT_NAMES or (name.islower() and first in _LOWER_STOP):
                continue
            return Extracted(
                capitalised(_without_team(name, story)), story.words(match.start(), match.end())
            )
    return _lower_name(story)


def _without_team(name: str, story: Story) -> str:
    """The name without the team it was said with: "Ruben van Kliniek Noord" is Ruben."""
    teams = {fold(n) for names in story.teams.values() for n in names}
    for particle in (" van ", " bij ", " from ", " at "):
        head, _, tail = name.partition(particle)
        if tail and fold(tail) in teams:
            return head
    return name


# ------------------------------------------------------------------------- anonymity


def anonymous(story: Story) -> Extracted | None:
    """True or False only when the melder says so in words ("graag anoniem",
    "met mijn naam"); a name in the story is no such wish."""
    wish = wish_in_story(story.text)
    if wish is None:
        kept_off = _NAME_WITHHELD.search(story.folded)  # "nie" typed short is no wish there
        if kept_off is not None:
            return Extracted(True, story.words(*kept_off.span()))
        named = _NAMED_SHORT.search(story.folded)  # "ik meld met mn naam": typed short
        return None if named is None else Extracted(False, story.words(*named.span()))
    preference, clause = wish
    if _NAME_CALLED.search(fold(clause)) or (
        preference != "anonymous" and _NAMED_BY_THEM.search(fold(clause))
    ):
        # "he named my street": someone else named; a wish may still come later
        later = wish_in_story(story.folded.replace(fold(clause), " " * len(clause)))
        if later is None:
            return None
        preference, clause = later
    withheld = _NAME_WITHHELD.search(fold(clause))
    if preference != "anonymous" and withheld is not None:
        return Extracted(True, clause)  # "zet mn naam er liever nie bij" keeps it out
    if preference != "anonymous" and (
        _CONTENT_NAMES_ME.search(fold(clause)) or _POSTED_IT.search(fold(clause))
    ):
        return None  # "een filmpje waarin hij tekeer gaat met mn naam erbij": what was posted
    return Extracted(preference == "anonymous", clause)


# The name kept off, with the "niet" typed short or the adverb between: "zet mn naam er
# liever nie bij", "mijn naam er maar niet bij" (nlu.anonymity reads it as the name put on).
_NAME_WITHHELD = re.compile(
    r"\b(?:mijn|m'n|mn)\s+naam\s+er\s+(?:\w+\s+){0,2}?(?:niet?|nooit|liever\s+niet?)\s+bij\b"
    # "wil niet dat mn naam erbij staat", "wil nie dat mijn naam erop komt"
    r"|\bwil\w*\s+(?:liever\s+)?niet?\s+dat\s+(?:mijn|m'n|mn)\s+naam\s+(?:er\s*(?:bij|op|in|onder)"
    r"|op\s+\w+|in\s+\w+|genoemd)\b"
)


# A report made with the name, "mijn" typed short: "ik meld met mn naam, Joyce".
_NAMED_SHORT = re.compile(
    r"\b(?:meld|melden|meldt|mag|graag|prima|gewoon)\b[^.!?]{0,20}?\bmet\s+(?:mn|m'n)\s+"
    r"(?:eigen\s+)?naam\b(?!\s+(?:erbij|erin|erop|genoemd))"
)
# Someone calling out the melder's name, no wish: "een vrouw die mijn naam riep".
_NAME_CALLED = re.compile(
    r"\b(?:mijn|mn|m'n)\s+naam\s+(?:riep|riepen|schreeuwde|noemde|fluisterde)\b"
    r"|\b(?:riep|schreeuwde|called|shouted|yelled|screamed)\s+(?:mijn|mn|m'n|my)\s+(?:naam|name)\b"
)

# What someone posted or sent with the melder's name in it, not a wish to be named: "een
# youtube filmpje waarin ie over mij tekeer gaat met mn naam erbij", "a post with my name".
_CONTENT_NAMES_ME = re.compile(
    r"\b(?:review\w*|recensie\w*|bericht\w*|post\w*|foto\w*|video\w*|filmpje\w*|tweet\w*"
    r"|comment\w*|reactie\w*|message\w*|photo\w*|picture\w*|thread|artikel|article|waarin"
    r"|in which)\b[^.!?]{0,80}?\b(?:met|with)\s+(?:mijn|mn|m'n|my)\s+(?:volledige\s+|full\s+)?"
    r"(?:voor)?(?:naam|name)\b"
)

# The melder or their street named by someone else: "he named my street", "and named me".
_NAMED_BY_THEM = re.compile(r"\bnamed\s+(?:me\b|my\s+(?!(?:full\s+)?name\b)\w+)")

# Where something was posted, not a name put on the report: "put it on tiktok".
_POSTED_IT = re.compile(
    r"\b(?:put|posted|uploaded|zette|zet|gezet)\s+(?:it|this|that|het|dat|dit)\s+(?:\w+\s+)?"
    r"(?:on|op)\s+(?:tiktok|insta\w*|facebook|fb|youtube|snapchat|x|twitter|telegram|online"
    r"|internet|the\s+internet|social\s+media|reddit)\b"
)


# ---------------------------------------------------------------------- line manager

# ("nie" is "niet" as many melders type it: "liever nie naar mn leidinggevende")
_EXCLUDE = re.compile(
    rf"\bniet?\s+(?:naar|aan|bij|voor|via|tegen)\s+{MY}?{MANAGER}"
    rf"|\b{MANAGER}\s+(?:mag|mogen|moet|hoeft|kan|wil ik)\s+(?:\w+\s+){{0,4}}?(?:niet?|nooit|niks"
    r"|niets)\b"
    # "keep this away from my supervisor", "don't let my manager see this", "niet dat dit bij
    # mijn leidinggevende terechtkomt"
    rf"|\b(?:keep|hold)\s+(?:this|it)\s+(?:away\s+)?from\s+{MY}{MANAGER}"
    rf"|\b(?:don'?t|do not|never)\s+let\s+{MY}{MANAGER}\s+{SEE}"
    rf"|\bniet?\s+dat\s+(?:dit|het|dat)\s+(?:\w+\s+){{0,2}}?(?:bij|naar)\s+{MY}{MANAGER}"
    # "bypass my manager", "skip my team lead", "my manager is part of the problem"
    rf"|\b(?:bypass|bypassing|skip|skipping|go\s+around|going\s+around)\s+{MY}{MANAGER}"
    rf"|\b{MANAGER}\s+is\s+(?:part\s+of\s+the\s+problem|the\s+problem|friends\s+with"
    r"|close\s+(?:to|with)|related\s+to|onderdeel\s+van\s+het\s+probleem|het\s+probleem"
    r"|bevriend\s+met|familie\s+van)"
    # "my supervisor is the one I have problems with", "wil liever nie dat de chef dit ziet"
    rf"|\b{MANAGER}\s+is\s+the\s+one\s+(?:\S+\s+){{0,3}}?(?:problems?|issues?|trouble)\b"
    rf"|\bnie\s+(?:dat\s+)?{MY}?{MANAGER}"
    rf"|\b{MANAGER}\s+(?:liever\s+|graag\s+|echt\s+|ook\s+)?(?:niet?|buiten)\b(?!\s+\w+en\b)"
    rf"|\b(?:zonder|buiten)\s+{MY}?{MANAGER}"
    rf"|\b(?:hou|houd|laat|leave|keep)\s+{MY}?{MANAGER}\s+(?:er\s+)?(?:(?:wel|maar|liever"
    rf"|graag)\s+)?(?:erbuiten|buiten|out)\b"
    rf"|\bniet?\s+(?:doorsturen|sturen|doorgeven|geven|delen|laten\s+zien|tonen|vertellen)\s+"
    rf"(?:naar|aan|met)\s+{MY}?{MANAGER}"
    rf"|\b(?:no|not)\s+(?:tell|send|show|share)\s+(?:it\s+|this\s+)?(?:to\s+|with\s+)?{MY}{MANAGER}"
    rf"|\b(?:rather|prefer)\s+(?:that\s+|if\s+)?{MY}(?:\w+\s+)?{MANAGER}\s+(?:is|was|be|gets?)"
    r"\s+not\b"
    rf"|\b(?:rather|prefer|i'?d\s+prefer)\s+(?:that\s+|if\s+)?{MY}{MANAGER}\s+(?:doesn'?t"
    rf"|does\s+not|didn'?t|wouldn'?t|won'?t)\b"
    rf"|\b(?:niet?|don'?t want|do not want)\s+(?:dat\s+)?{MY}{MANAGER}"
    rf"|\b(?:dit|het|dat)\s+(?:mag|moet|hoeft)\s+(?:echt\s+|absoluut\s+)?niet\s+(?:naar|bij)\s+"
    rf"{MY}?{MANAGER}"
    rf"|\b(?:don'?t|do not|never|please don'?t)\s+(?:send|tell|share|forward|inform|involve|show"
    rf"|give|copy|pass|cc|include|loop in)\s+(?:this\s+|it\s+|anything\s+)?(?:on\s+)?"
    rf"(?:to\s+|with\s+|in\s+)?{MY}{MANAGER}"
    rf"|\b(?:not|rather not|but not)\s+(?:to\s+|with\s+|via\s+|through\s+)?{MY}{MANAGER}"
    rf"|\b{MANAGER}\s+(?:please\s+)?(?:no|not)\b(?!\s+\w+ed\b)"
    rf"|\b{MANAGER}\s+niet\s+(?:inlichten|informeren|op de hoogte)"
    rf"|\bwithout\s+{MY}{MANAGER}"
    rf"|\b{MANAGER}\s+(?:must|should|may|can|need|needs)(?:\s*not|n'?t)\s+{SEE}"
    rf"|\b{MANAGER}\s+(?:does|do)(?:\s*not|n'?t)\s+(?:need|have)\s+to\s+{SEE}"
    # "I don't trust my team leader", "ik vertrouw mn leidinggevende niet" (the Dutch above)
    r"|\b(?:i\s+)?(?:don'?t|do not|dont|can'?t|cannot|never)\s+(?:really\s+)?trust\s+"
    rf"{MY}{MANAGER}"
    # "not for my supervisor's eyes", "rather not have my boss cc'd on this"
    rf"|\bnot\s+for\s+{MY}{MANAGER}'?s?\s+eyes"
    rf"|\b(?:rather\s+not|don'?t\s+want\s+to|do\s+not\s+want\s+to)\s+have\s+{MY}{MANAGER}\s+"
    r"(?:cc'?d|copied|involved|informed|in\s+the\s+loop|see|read|know)"
    # "my team lead is not to know", "ik wil niet dat het team of mijn leidinggevende ..."
    rf"|\b{MANAGER}\s+(?:is\s+not|isn'?t|isnt)\s+to\s+{SEE}"
    # "not to be shared with my team leader", "make sure my manager doesn't get this", "I'd
    # rather this didn't go to my manager"
    rf"|\bnot\s+(?:to\s+be\s+)?(?:shared|sent|forwarded|passed\s+on|shown)\s+(?:with|to)\s+"
    rf"{MY}{MANAGER}"
    rf"|\bmake\s+sure\s+{MY}{MANAGER}\s+(?:doesn'?t|does\s+not|won'?t|will\s+not|never)\b"
    # "it should not go to my manager", "this mustn't be sent to my team lead"
    r"|\b(?:should|must|may|can|shall)(?:\s*not|n'?t)\s+(?:go|be\s+sent|get\s+sent|reach"
    rf"|be\s+passed)\s+(?:on\s+)?(?:to\s+)?{MY}{MANAGER}"
    rf"|\b(?:rather|prefer)\s+(?:this|it)\s+(?:didn'?t|did\s+not|doesn'?t|does\s+not|wasn'?t)\s+"
    rf"(?:go|get\s+sent|reach)\s+(?:to\s+)?{MY}{MANAGER}"
    rf"|\bniet?\s+dat\s+(?:[\w']+\s+){{1,4}}?{MY}{MANAGER}"
    # the manager by name: "nothing to Karin please, she's my coordinator", "niet naar Petra
    # sturen, dat is mijn teamleider"
    r"|\b(?:niet|nothing|not|nix|niks)\s+(?:naar|aan|to|for)\s+[\w']+(?:\s+[\w']+)?"
    r"(?:\s+(?:sturen|please|pls|aub|graag))?\s*[,.(-]\s*(?:she'?s|he'?s|that'?s|who'?s|dat is"
    rf"|die is|zij is|hij is|ze is)\s+{MY}{MANAGER}"
    # the manager, then "she" a sentence on: "my team lead yelled at me. obviously she
    # shouldn't get this report", "mijn teamleider ... die mag dit niet zien"
    rf"|\b{MANAGER}\b[^\n]{{0,150}}?\b(?:(?:she|he|they)\s+(?:shouldn'?t|shouldnt|should\s+not"
    r"|mustn'?t|must\s+not|can'?t|cannot|may\s+not)|(?:zij|hij|ze|die)\s+(?:mag|moet|hoeft)\s+"
    rf"(?:(?:dit|het)\s+)?niet?)\s+(?:(?:this|it)\s+)?{SEE}\b"
)
#: Permission said with two negations: "I don't mind if my team lead reads this", "ik vind
#: het niet erg als mijn leidinggevende het ziet", "its not that I don't want my manager to
#: read it". One of these decides: its own "don't" or "niet" is no exclusion.
_ALLOW_NEGATED = re.compile(
    rf"\b(?:don'?t|do not|dont)\s+mind\s+(?:\w+\s+){{0,2}}?(?:if|when|that)\s+{MY}{MANAGER}"
    rf"|\b(?:niet erg|geen bezwaar|geen probleem)\s+(?:\w+\s+){{0,2}}?(?:als|dat|wanneer)\s+"
    rf"{MY}{MANAGER}"
    rf"|\b(?:don'?t|do not|dont)\s+see\s+why\s+{MY}{MANAGER}\s+(?:shouldn'?t|should not"
    r"|can'?t|cannot|couldn'?t|wouldn'?t)\s+\w+"
    rf"|\bnot\s+that\s+i\s+(?:don'?t|do not|dont)\s+want\s+{MY}{MANAGER}(?:\s+to\s+{SEE})?"
    rf"|\bniet?\s+zo\s+dat\s+{MY}{MANAGER}\s+(?:\w+\s+){{0,3}}?niet\s+(?:\w+\s+)?{SEE}"
)
_ALLOW = re.compile(
    rf"\b{MANAGER}\s+(?:(?!niet|nie\b|not|never|nooit)\w+\s+){{0,5}}?"
    r"(?:mag|mogen|kan|can|may|is allowed to|is welcome to)\s+"
    rf"(?:(?!niet|nie\b|not|never|nooit)\w+\s+){{0,3}}?{SEE}\b"
    rf"|\b(?:ook|gerust)\s+naar\s+{MY}{MANAGER}"
    rf"|\b(?:wil|want|like|'d like)\s+(?:dat\s+)?{MY}{MANAGER}\s+(?:\w+\s+){{0,3}}?"
    r"(?:weet|ziet|leest|hoort|to know|to see|to read|to hear)\b"
    rf"|\b(?:fine|ok|okay|all right)\s+(?:if|for|that)\s+{MY}{MANAGER}"
    rf"|\b{MANAGER}\s+(?:weet|knows)\s+(?:het|it|this|dit)\s+(?:al|already)"
    # "ok to share with my manager", "my manager is fine to see it", "can be in the loop"
    rf"|\b(?:ok|okay|fine|happy)\s+to\s+(?:share|send|pass)\s+(?:it\s+)?(?:with|to)\s+{MY}"
    rf"{MANAGER}"
    rf"|\b{MANAGER}\s+is\s+(?:fine|ok|okay|welcome)\s+to\s+{SEE}"
    rf"|\b{MANAGER}\s+(?:can|may)\s+(?:be\s+(?:in the loop|informed|told|involved|copied)"
    r"|listen|know)\b"
    rf"|\b(?:fine|ok|okay|good)\s+by\s+me\s+if\s+{MY}{MANAGER}"
    rf"|\b(?:prima|goed|oke|ok|geen probleem|geen bezwaar)\s+als\s+{MY}{MANAGER}"
    rf"|\b(?:no problem|no worries|not a problem|doesn'?t matter)\s+if\s+{MY}{MANAGER}"
    # "my manager ahmed already knows", "mijn teamleider weet het al"
    rf"|\b{MANAGER}\s+(?:\w+\s+)?(?:already\s+knows|weet\s+(?:het\s+|ervan\s+)?al)\b"
    # "you can send it to my supervisor", "dit mag naar mijn leidinggevende"
    rf"|\b(?:can|may)\s+(?:send|forward|give|pass|share)\s+(?:it|this)\s+(?:on\s+)?(?:to|with)\s+"
    rf"{MY}{MANAGER}"
    # "I'm fine with my teamlead reading this", "fine with this going to the coordinator"
    rf"|\b(?:fine|ok|okay|happy|good)\s+with\s+{MY}{MANAGER}\s+(?:reading|seeing|knowing"
    r"|getting|having|being\s+(?:involved|informed|told|in))"
    rf"|\b(?:fine|ok|okay|happy|good)\s+with\s+(?:this|it)\s+going\s+to\s+{MY}{MANAGER}"
    rf"|\bmag\s+(?:(?!niet|nie\b|nooit)\w+\s+){{0,2}}?naar\s+{MY}?{MANAGER}"
    rf"|\bwel\s+(?:graag\s+)?naar\s+{MY}{MANAGER}"
    # "copy my manager in", "please include my line manager", "share it with my manager too",
    # "my team leader can have a copy", "happy for my manager to see it", "no objection to
    # my manager seeing it"
    rf"|\b(?:copy|cc|include|loop\s+in|share\s+(?:it|this)\s+with|send\s+(?:it|this)\s+to)\s+"
    rf"{MY}{MANAGER}"
    rf"|\b{MANAGER}\s+(?:can|may)\s+have\s+a\s+copy\b(?!\s+of)"
    rf"|\b(?:happy|fine|ok|okay|glad)\s+for\s+{MY}{MANAGER}\s+to\s+{SEE}"
    rf"|\bno\s+objection\s+to\s+{MY}{MANAGER}"
    # "named is fine, manager too"
    rf"|,\s*{MY}?{MANAGER}\s+(?:too|as well|ook)\s*(?:[.!]|$)"
    # "my leidinggevende should definitely get it", "mijn teamleider moet dit wel weten"
    rf"|\b{MY}{MANAGER}\s+(?:should|must|has to|needs to)\s+(?:really\s+|definitely\s+"
    rf"|also\s+|too\s+)?(?:get|see|know|read|have|hear)\b"
    rf"|\b{MANAGER}\s+(?:moet|mag)\s+(?:dit|het|dat)\s+(?:ook\s+|wel\s+|gewoon\s+|gerust\s+)*"
    rf"{SEE}\b"
    # "my teamleader ... so she knows anyway, fine if she gets this", "she'll see it anyway,
    # no issue"
    rf"|\b{MANAGER}\b[^.!?]{{0,80}}?\b(?:fine if (?:she|he|they)|(?:she|he|they)(?:'ll| will)"
    r" see it anyway|no issue|no problem|geen probleem|prima)\b"
    # "... aan mijn leidinggevende verteld en die wil dat ik het meld, dus die mag het zeker
    # zien", "my boss knows and wants me to report it, so it can go to her as well"
    rf"|\b{MANAGER}\b[^.!?]{{0,80}}?\b(?:(?:die|zij|hij|ze)\s+mag\s+(?:het|dit)\s+(?:\w+\s+)?"
    rf"{SEE}|(?:she|he|they)\s+(?:can|may)\s+(?:\w+\s+)?{SEE}|(?:it|this)\s+can\s+go\s+to"
    r"\s+(?:her|him|them)|(?:knows|weet)\s+(?:\w+\s+){0,2}?(?:and|en)\s+(?:wants|wil))\b"
    # "my manager was already told by phone, she's fine seeing this"
    rf"|\b{MANAGER}\s+(?:was|has\s+been|is)\s+already\s+(?:told|informed|aware)\b"
    rf"|\b{MANAGER}\b[^.!?]{{0,80}}?\b(?:she|he|they)(?:'s|'re|\s+is|\s+are)\s+(?:fine|ok|okay"
    r"|happy)\s+(?:with\s+)?(?:seeing|reading|getting|knowing)\b"
    # "naar mijn leidinggevende mag", "mijn teamleider weet er al van"
    rf"|\bnaar\s+{MY}{MANAGER}\s+mag\b|\b{MANAGER}\s+weet\s+er\s+al\s+van\b"
)


def exclude_line_manager(story: Story) -> Extracted | None:
    """True for "niet naar mijn leidinggevende", False for "mijn leidinggevende mag het
    weten"; nothing when both or neither are said."""
    folded = story.folded
    # Permission said with two negations, or the manager named as the one to get it ("not
    # to HR, only my manager", "should go to my team leader not hr"), decides.
    double = _ALLOW_NEGATED.search(folded) or ONLY.search(folded)
    if double is not None:
        return Extracted(False, story.words(double.start(), double.end()))
    exclude = _EXCLUDE.search(folded)
    allow = next(
        (m for m in _ALLOW.finditer(folded) if not negated(folded, m.start(), m.end())), None
    )
    if allow is not None and _EXCLUDE.search(folded[allow.start() : allow.end() + 12]):
        allow = None  # "mijn leidinggevende mag het niet weten" is no permission
    if exclude is None and allow is None:
        found = stance_in_sentence(folded)
        if found is None:
            return None
        keep_out, start, end = found
        return Extracted(keep_out, story.words(start, end))
    if exclude is not None and allow is not None:
        return None
    match = exclude or allow
    assert match is not None
    return Extracted(exclude is not None, story.words(match.start(), match.end()))
