"""Whether a typed answer asks for an anonymous or a named report, negation included.

A bag-of-n-grams classifier confuses "anoniem" with "niet anoniem" (and "no name" with
"my name"): in cross-validation about a third of want_anonymous / want_named examples
went to the other one. For this one choice a wrong guess matters (a name shown that was
meant to stay hidden), so these rules decide first; the classifier is only asked when they
find nothing, and a sentence that matches both ways decides nothing.
"""

from __future__ import annotations

import re
from typing import Literal

from nlu.rule_text import fold_for_rules

Preference = Literal["anonymous", "named"]

# Negated forms first: "niet anoniem" is a wish to be named, "geen naam" one for anonymity.
_NAMED_NEGATED = [
    r"\b(niet|geen|hoeft niet|hoef niet)\s+anoniem",
    r"\banoniem\w*\s+(melden\s+)?wil\s+ik\s+niet",
    r"\banoniem\w*\s+is\s+(voor\s+mij\s+)?(niet|geen)\s+(nodig|noodzakelijk)",
    r"\b(don'?t|do not|doesn'?t|does not)\s+(want|have|need)\s+to\s+be\s+anonym",
    r"\banoniem\w*\s+(hoeft|hoef|moet)\b[^.!?]{0,20}\bniet\b",
    r"\banoniem\w*\s+(is\s+)?(niet|geen)\s+(nodig|noodzakelijk)",
    r"\bniet\s+geheim\b",
    r"\bnot\s+anonymous|\b(not|niet)\s+anon\b",
    r"\b(don'?t|do not|no)\s+need\s+(to\s+be\s+|for\s+)?anonym",
    r"\banonymous\w*\s+(isn'?t|is not|not)\s+(necessary|needed|required)",
    r"\bno\s+need\s+to\s+hide\s+(my\s+name|who i am)",
    # "ik heb geen reden om anoniem te blijven", "I see no reason to be anonymous"
    r"\b(geen|no)\s+(\w+\s+)?(reden|reason|zin|behoefte|need)\s+(om|to|for)\s+(\w+\s+){0,2}"
    r"anon",
    r"\b(not|niet)\s+(doing|reporting|do|melden|doen)\s+(it|this|dit|het)?\s*anon",
]
_ANONYMOUS_NEGATED = [
    r"\b(niet|geen|zonder)\s+(met\s+)?(mijn\s+|m'n\s+|mn\s+)?naam",
    r"\b(mijn|m'n|mn)\s+naam\b[^.!?]{0,25}\b(niet|weg|weglaten|geheim)\b",
    r"\b(not|never)\s+(with|under|using|by)\s+my\s+name",
    r"\b(no|without)\s+(my\s+)?name",
    r"\b(didn'?t|did not|don'?t|do not|never|no)\s+(\w+\s+){0,2}(use|give|share|put|mention|show"
    r"|add|write|include)"
    r"\s+my\s+name",
    r"\b(don'?t|do not|rather not|won'?t|will not)\s+(want\s+to\s+)?"
    r"(give|use|share|say|put|tell|add|write|include)\s+(you\s+)?my\s+name",
    r"\bmy\s+name\s+(must|may|should|can)\s*(not|n'?t)\b",
    r"\b(niemand|nobody|no one|no-one)\s+(mag|kan|moet|may|can|must|should)\b",
    r"\bniet\s+(herkend|herkenbaar)",
    r"\bnot\s+(be\s+)?(recogni[sz]ed|identified|identifiable)",
    r"\b(identiteit|identity)\b[^.!?]*\b(geheim|secret|hidden|verborgen)",
    r"\bniet\s+dat\s+(mijn|m'n)\s+naam",
    r"\b(don'?t|do not|doesn'?t)\s+want\s+(anyone|anybody|people|them|others)\s+to\s+know",
    r"\bniemand\s+(\w+\s+)?(weet|weten)\b",
    r"\b(don'?t|do not|not|never)\s+(want\s+to\s+)?be\s+named",
    r"\bniet\s+(bij\s+naam\s+)?genoemd",
    r"\b(keep|leave)\s+my\s+name\s+(\w+\s+)?(out|off)|\b(hou|houd|laat)\s+(mijn|m'n|mn)\s+naam\s+"
    r"(eruit|erbuiten|weg)",
    r"\b(don'?t|do not)\s+want\s+my\s+name",
    r"\bniet\s+dat\s+(iemand|ze|men|anderen|mensen)\s+(\w+\s+)?(weet|weten)\b",
    # "laat mijn naam er maar uit", "hou mn naam er aub buiten", "mn naam hoeft er niet bij"
    r"\b(laat|hou|houd)\s+(mijn|m'n|mn)\s+naam\s+(\w+\s+){0,3}(uit|buiten|weg)\b",
    r"\b(mijn|m'n|mn)\s+naam\s+hoeft\s+(er\s+)?niet\b",
    r"\b(wil|wilt)\s+(het\s+|dit\s+)?niet\s+(op|met|onder)\s+(mijn|m'n|mn)\s+naam",
    r"\b(prefer|rather)\s+not\s+(to\s+)?(be\s+)?named",
    # "prefer not to have my name on it", "I'd rather not put my name to this"
    r"\b(prefer|rather)\s+not\s+(to\s+)?(have|put|use|give|include|add|attach)\s+my\s+name",
    r"\btraced\s+back\s+to\s+me|\bterug\s+te\s+leiden\s+(zijn\s+)?naar\s+mij",
    r"\bzonder\s+dat\s+(mijn|m'n|mn)\s+naam|\bwithout\s+my\s+name",
    # "I'd rather my name wasn't on it", "skip my name", "sla mijn naam over"
    r"\bmy\s+name\s+(wasn'?t|was not|isn'?t|is not|weren'?t|not)\b",
    r"\b(skip|leave out|drop|omit)\s+my\s+name|\b(sla|laat)\s+(mijn|m'n|mn)\s+naam\s+"
    r"(\w+\s+)?(over|weg)\b",
]
_NAMED = [
    r"\bmet\s+(mijn\s+|m'n\s+)?(eigen\s+)?naam",
    # "happy to go on record", "happy to be identified", "use my real name"
    r"\b(happy|fine|ok|okay|willing) to (go|be) on (the )?record\b|\bon the record\b",
    r"\b(happy|fine|ok|okay|willing) to be (identified|known)\b",
    r"\b(use|with|under) my (real|full) name\b",
    # "you can name me", "put my name down", "I'd like my name in the report", "mag op naam"
    r"\b(you\s+can|can|may|ok\s+to|okay\s+to|fine\s+to)\s+name\s+me\b",
    r"\b(put|write|use|add)\s+(my\s+name|it)\s+(down|on|in)\b|\bput\s+my\s+name\b",
    r"\b(like|want)\s+my\s+name\b|\bi\s+want\s+my\s+name\b",
    r"\bmy\s+name\s+(being|to\s+go|in|on)\b",
    r"\b(happy|fine|glad)\s+(for\s+my\s+name|to\s+give\s+my\s+name)\b",
    r"\bname'?s\s+(fine|ok|okay)\b|\byou\s+can\s+(use|write)\s+it\b",
    r"\b(op|onder)\s+(mijn\s+|m'n\s+|mn\s+)?naam\b",
    r"\b(mijn|m'n|mn)\s+naam\s+(er\s*)?(onder|bij)\b|\bnaam\s+er\s+(gerust\s+)?bij\b",
    r"\b(wil|wilt)\s+er\s+(wel\s+)?(mijn|m'n|mn)\s+naam\s+bij\b",
    r"\b(with|under|using|use)\s+my\s+(own\s+)?name",
    r"\b(mag|mogen|kan|kunnen)\s+(best\s+|gerust\s+)?weten\s+(dat ik|wie ik)",
    r"\b(can|may)\s+know\s+(it'?s me|it is me|who i am)",
    r"\bfine\s+if\s+they\s+know",
    # "zet er maar bij dat ik het ben", "put down that it's me", "everyone can know it was me"
    r"\b(zet|schrijf)\s+(er\s+)?(maar\s+)?(bij|neer|op)\s+dat\s+ik\s+het\s+(ben|was)",
    r"\b(put|write)\s+(down\s+)?that\s+(it'?s|it is|it was)\s+me\b",
    r"\b(everyone|anyone|they|people|iedereen|ze|men)\s+(can|may|mag|mogen|kan)\s+"
    r"(?!(?:niet|not|never|nooit|geen)\b)(\w+\s+)?(know|weten)\s+(it was me|it'?s me|dat ik|wie"
    r"|van wie)",
    r"\blaat\s+(ze|hem|haar|iedereen)\s+(maar\s+)?weten\s+(van\s+wie|wie|dat ik)",
    r"\bpersoonlijk\s+benaderd",
    r"\bik\s+wil\s+dat\s+(ze|hij|zij|men|mijn \w+)\s+weten?\s+dat\s+ik\s+het\s+ben",
    r"\b(mijn|m'n)\s+naam\s+(mag|mogen|kan)\s+(er\s*bij|bekend|gedeeld|genoemd|gezien|vermeld)",
    r"\bmy\s+name\s+(may|can)\s+be\s+(shared|used|given|known|seen|mentioned|passed on)",
    r"\bnaam\b[^.!?]{0,30}\b(mag|mogen|kan)\s+(\w+\s+){0,2}(er\s*bij|bekend|gedeeld|genoemd"
    r"|gezien|vermeld|gebruikt|doorgegeven|door|doorgeven|gebruiken|noemen|delen)\b",
    r"\b(naam|name)\s+is\s+(fine|ok|okay|good|goed|prima)\b",
    r"\b(mag|mogen|kan|kunt)\s+(\w+\s+){0,2}naam\s+(gewoon\s+|gerust\s+|best\s+)?(gebruiken"
    r"|doorgeven|noemen|vermelden|delen)",
    r"\bnamed\b",
    r"\b(you can|feel free to|ok to|okay to|fine to)\s+(use|share|give|pass on|mention)\s+"
    r"my\s+name",
    r"\bmy\s+name\b[^.!?]{0,25}\b(can|may)\s+(go|be\s+(included|used|shared|passed on|given"
    r"|on it))",
    r"\bput\s+my\s+name\s+on",
    # "you can write my name", "add my name", "name can go on it", "naam mag wel: Sandra",
    # "ik wil mijn naam er graag bij", "name: Fiona Grant, use it"
    r"\b(write|add|include)\s+my\s+name\b",
    r"(?<!his )(?<!her )\bname\s+(can|may)\s+go\s+(on|in)\b",
    r"\bnaam\s+mag\s+(wel|gerust|best)\b",
    r"\b(mijn|m'n|mn)\s+naam\s+er\s+(\w+\s+){0,2}bij\b",
    r"\bname\s*:\s*[\w' -]{1,30},\s*(use it|can go on it|that'?s fine|fine|ok|okay)\b",
    r"\bname\b[^.!?]{0,40}\b(fine|ok|okay|happy)\s+to\s+(pass|share|use|include)",
    r"\b(naam|ik ben|ik heet|name|i'?m)\b[^.!?]{0,40}\b(dat|die|that)\s+(mag|can|may)\s+"
    r"(erbij|er bij|be\s+(used|shared|included|passed on))",
]
_ANONYMOUS = [
    r"\banoniem",
    r"\banonym",
    r"\bgeheim\b",
    r"\banon\b",
]


def _any(patterns: re.Pattern[str], text: str) -> bool:
    return patterns.search(text) is not None


def _compile(patterns: list[str]) -> re.Pattern[str]:
    """One alternation: whether any of them matches, in one search."""
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_RULES: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (_compile(_NAMED_NEGATED), _compile(_ANONYMOUS_NEGATED)),
    (_compile(_NAMED), _compile(_ANONYMOUS)),
]


#: A question about anonymity ("wat betekent anoniem?") is not a choice.
_QUESTION = re.compile(
    r"\?|^(wat|hoe|wie|waarom|wanneer|welke|is|zijn|kan|kun|kunnen|mag|blijft|blijven|"
    r"what|how|who|why|when|which|is|are|can|could|does|do|will|would)\b"
)


def preference(text: str) -> Preference | None:
    """ "anonymous", "named", or None when the text says neither, both, or asks."""
    folded = fold_for_rules(text)
    if _QUESTION.search(folded):
        return None
    return _decide(folded)


def _decide(folded: str) -> Preference | None:
    for named, anonymous in _RULES:
        wants_named, wants_anonymous = _any(named, folded), _any(anonymous, folded)
        if wants_named and wants_anonymous:
            return None
        if wants_named:
            return "named"
        if wants_anonymous:
            return "anonymous"
    return None


#: A platform between "anonymous" and "account": "an anonymous X account".
_APP = (
    r"(?:x|insta\w*|twitter|facebook|fb|tiktok|snap\w*|telegram|whatsapp|google|gmail|e-?mail"
    r"|youtube|linkedin)"
)
# "anonieme berichten", "an anonymous account", "de afzender bleef anoniem": what the
# perpetrator did, not a wish.
_ABOUT_SOMETHING_ELSE = re.compile(
    rf"\(anonie?m\w*\)|\(anonymous\)|\banonie?m\w*\s+({_APP}[\s-]+)?(berichten|bericht|account"
    r"|accounts|nummer|brief|brieven|telefoontje\w*"
    r"|mail\w*|sms\w*|profiel|afzender|beller|reactie\w*|review\w*|persoon|iemand)\b"
    rf"|\banonymous\w*\s+({_APP}\s+)?(messages?|accounts?|numbers?|callers?|calls?|letters?"
    r"|profiles?|senders?|texts?|e-?mails?|reviews?|comments?|person|someone|user)\b"
    r"|\b(account|afzender|nummer|beller|dader|hij|zij|ze|het|sender|caller|number|he|she|they"
    r"|it)\s+(\w+\s+)?(was|is|bleef|blijft|stayed|remained|were|are)\s+anonie?m\w*"
    # someone else without a name: "the account has no name", "zijn profiel heeft geen naam"
    r"|\b(account|accounts|profiel|profile|afzender|nummer|beller|dader|sender|caller|number|user"
    r"|gebruiker|hij|zij|ze|he|she|they|it)\s+(\w+\s+){0,2}(has|had|heeft|had|have|shows?|toont"
    r"|with|met|zonder|without)\s+(got\s+)?(no|geen|zonder|without)\s+(\w+\s+)?(name|naam)s?\b"
    r"|\b(no|geen)\s+(name|naam)\s+(on|op)\s+(it|the|zijn|haar|het|his|her|their)\b"
)
# Quoted words, handles, links and addresses are someone else's ("@anonymous_zorg",
# "'anoniem123'"); a message "met mijn naam" names the melder without any wish.
_NOT_THE_MELDERS = re.compile(
    r"(?<!\w)'[^']{1,80}'(?!\w)|\"[^\"]{1,80}\"|@\w+|\S+@\S+|\b\S+\.(?:com|nl|net|org|be)\S*"
    r"|\b(?:review\w*|recensie\w*|bericht\w*|post\w*|foto\w*|video\w*|filmpje\w*|lijst\w*"
    r"|tekst\w*|sms\w*|message\w*|e-?mail\w*|mail\w*|photo\w*|picture\w*|list|tweet\w*|comment\w*|reactie\w*"
    r"|thread|artikel|article|profiel|profile|account)\b(?:[^.!?]|\.(?=\S)){0,60}?\b(?:met|with)\s+"
    r"(?:mijn|my)"
    r"\s+(?:volledige\s+|full\s+)?(?:voor)?(?:naam|name)"
    r"|\b(?:met|with)\s+(?:mijn|my)\s+(?:volledige|full|first)\s+(?:voor)?(?:naam|name)"
)
# A wish is said: "ik wil", "graag", "liever", "aub", "I'd rather", "please", "stay".
_WISH = re.compile(
    r"\b(wil|wilt|graag|liever|liefst|meld|melden|blijven|blijf|mag|mogen|hoeft|hoef|bespreken"
    r"|aub|pls|plz|please|alsjeblieft|alstublieft|svp|houden|hou|prima|goed|want|wish|prefer|rather|like|report"
    r"|reporting|stay|keep|may|can|okay|ok|oke|fine|happy|named|naam|name|use|put|include)\b"
)
# Not decided yet: "weet nog niet of ik anoniem wil", "haven't decided if".
_UNDECIDED = re.compile(
    r"\b(weet\s+(ik\s+)?(nog\s+)?niet|twijfel\w*|not sure|haven'?t decided|undecided|decide"
    r"\s+later|nog niet besloten|maybe|misschien)\b"
)
_ASKS = re.compile(
    r"^(wat|hoe|wie|waarom|welke|what|how|who|why|which|kan ik|mag ik|moet ik|is het|can i"
    r"|should i|is it|do i)\b"
)
_CLAUSES = re.compile(r"[.!?;\n]+")
# Parts of a clause: "ik ben Sara, met naam", "anoniem en niet naar mijn leidinggevende".
_FRAGMENTS = re.compile(r",|\b(?:en|and|maar|but)\b")
#: A short clause ("anoniem.", "met naam.") needs no word of wishing.
_SHORT = 4


def wish_in_story(text: str) -> tuple[Preference, str] | None:
    """An anonymity wish said in a story ("Graag anoniem.", "ik meld dit met mijn naam",
    "mag met naam"), with the clause that says it; None when the story says none, or both.

    Only clauses that voice a wish count, and "anonieme berichten" is about the messages,
    so a story about an anonymous account never makes a report anonymous.
    """
    found: list[tuple[Preference, str]] = []
    for clause in _CLAUSES.split(_NOT_THE_MELDERS.sub(" ", fold_for_rules(text))):
        clause = _ABOUT_SOMETHING_ELSE.sub(" ", clause).strip()
        if not clause or _UNDECIDED.search(clause) or _ASKS.search(clause):
            continue
        for part in [clause, *_FRAGMENTS.split(clause)]:
            short = len(part.split()) <= _SHORT
            if (short or _WISH.search(part)) and (decided := _decide(part.strip())):
                found.append((decided, part.strip()))
                break
    if len({wish for wish, _ in found}) != 1:
        return None
    return found[0]
