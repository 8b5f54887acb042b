"""Still going on, in the words of `nlu.when`: repetition in so many words and harassing
acts in the present tense; read by `nlu.when_ongoing`, matched against folded text."""

from __future__ import annotations

import re

__all__ = ["ONGOING"]

_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november"
    r"|december|january|february|march|may|june|july|august|october)"
)

#: Still going on: repetition in so many words ("al weken", "blijft maar bellen", "keeps
#: sending", "10 keer per dag"), or a harassing act in the present tense aimed at the melder
#: ("hij stuurt me", "she is sending messages"). "sinds" alone is no marker: "sinds gisteren
#: staat er een post" happened yesterday.
_PRESENT = (
    r"(?:stuurt|belt|appt|mailt|post|plaatst|dreigt|bedreigt|reageert|schrijft|volgt|noemt"
    r"|scheldt|roept|zegt|intimideert|achtervolgt|chanteert|berichten|sends|calls|texts"
    r"|messages|posts|threatens|harasses|comments|writes|follows|stalks|says|keeps|tags"
    r"|emails|e-mails|dms)"
)
_GERUND = (
    r"(?:sending|calling|texting|messaging|posting|threatening|harassing|commenting|writing"
    r"|following|stalking|coming|going on|happening|emailing|e-mailing|spreading|sharing"
    r"|tagging|contacting|getting|receiving)"
)
# Present tense acts that reach the melder: "stuurt me", "sends me", "belt mij".
_REACHES = (
    r"(?:stuurt|belt|appt|mailt|plaatst|reageert|schrijft|volgt|tagt|sends|texts"
    r"|messages|writes|follows|dms|emails|calls|tags)"
)
_HARASSES = r"(?:bedreigt|dreigt|intimideert|achtervolgt|chanteert|scheldt|stalkt|threatens)"
_ME = r"(?:me|mij|mijn|ons|my|us|over mij|about me|dat ik|that i|to me|naar mij|naar me)"
ONGOING: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p)
    for p in (
        rf"\b(?:nog steeds|nog altijd|steeds)\b(?:\s+\S+){{0,3}}?\s+{_PRESENT}\b",
        rf"\b{_PRESENT}\b(?:\s+\S+){{0,3}}?\s+(?:nog steeds|nog altijd|steeds|constant|continu"
        r"|voortdurend|telkens|de hele tijd|all the time|constantly|still)\b",
        rf"\b(?:still|is|are|has been|have been|'ve been|'s been|keeps?)\s+(?:\w+\s+)?{_GERUND}\b",
        rf"\b(?:hij|zij|ze|iemand|die|deze|het account|someone|somebody|he|she|they)\s+"
        rf"(?:\S+\s+){{0,2}}?{_REACHES}\s+{_ME}\b",
        rf"\b{_REACHES}\s+{_ME}\b",
        rf"\bsinds\s+\S+(?:\s+\S+)?\s+(?:krijg|ontvang|word\s+ik|wordt|zet|zetten|{_REACHES}"
        rf"|{_HARASSES})\b"
        rf"|\b(?:zet|{_REACHES}|{_HARASSES})\s+(?:\S+\s+){{0,2}}?(?:sinds|since)\s",
        r"\b(?:af en toe|now and then|soms|sometimes|regelmatig|regularly|again and again"
        r"|another one|weer een|(?:onder|op|under|on)\s+(?:alle|elke|every|each)\s+\w+)\b",
        rf"\b{_PRESENT}\s+(?:hij|zij|ze|iemand|die|er)\s+{_ME}\b",
        r"\bblijft\s+(?:maar\s+|me\s+|mij\s+|ons\s+|het\s+)*(?:\w+\s+)?(?:\w+en|worden)\b",
        r"\b(?:houdt|hield)\s+(?:maar\s+)?niet\s+op\b|\bstopt\s+(?:maar\s+)?niet\b"
        r"|\bgaat\s+(?:maar\s+|nog\s+|steeds\s+)*door\b",
        r"\bal\s+(?:zo'?n\s+|ruim\s+|bijna\s+)?(?:dagen|weken|maanden|jaren|een tijd(?:je)?"
        r"|een week|een maand|een hele tijd|de hele (?:week|maand)"
        r"|(?:een paar|twee|drie|vier|vijf|zes|\d+)\s+(?:dagen|weken|maanden))\b"
        r"(?!\s+(?:terug|geleden))",
        r"\b(?:elke|iedere)\s+(?:dag|nacht|avond|ochtend|week|dienst)\b|\bdagelijks\b"
        r"|\b(?:steeds|telkens)\s+weer\b|\bkeer op keer\b|\bkeer per (?:dag|week|nacht)\b"
        r"|\bsteeds vaker\b",
        r"\bkeeps?\s+(?:on\s+)?[\w-]+ing\b|\bstill\s+(?:going|happening|coming)\b"
        r"|\b(?:a new one|new ones)\b"
        # ("er komen steeds meer reacties bij")
        r"|\b(?:er\s+)?komen\s+(?:er\s+)?(?:nog\s+steeds\s+)?(?:nieuwe\s+|(?:steeds\s+)?meer\s+"
        r"(?:\w+\s+)?)?bij\b"
        r"|\b(?:won'?t|doesn'?t|does not|will not)\s+stop\b",
        r"\bfor\s+(?:about\s+|around\s+|almost\s+)?(?:(?:a few|two|three|four|five|six|several"
        r"|\d+)\s+)?(?:days|weeks|months|years|a while)\b|\b(?:every|each)\s+(?:day|night|week"
        r"|shift)\b|\bdaily\b|\btimes a (?:day|week|night)\b",
        r"\b(?:again and again|over and over|is still going on|ongoing)\b",
        # "Three weeks now the same resident grabs ...", "since the start of november ... is
        # always there when I come"
        r"\b(?:a|one|two|three|four|five|six|several|a few|\d+)\s+(?:weeks|months|days)\s+now\b"
        r"|\bsince\s+the\s+(?:start|beginning|middle|end)\s+of\b|\b(?:is|are)\s+always\s+there\b"
        r"|\bevery\s+time\s+i\s+(?:come|go|visit|arrive)\b|\b(?:steeds|elke\s+keer)\s+als\s+ik\b",
        # "dreig dm's op x. sinds eind november": a stretch of weeks, unlike "sinds gisteren"
        rf"\b(?:sinds|since)\s+(?:begin|eind|half|midden|medio|early|late|mid)\s+{_MONTHS}\b",
        # "it hasn't stopped", "it's not over", "months of this and counting", "constant"
        r"\b(?:hasn'?t|has not|haven'?t|have not|hasnt|havent)\s+stopped\b"
        r"|\b(?:not|isn'?t|is not|isnt)\s+over\b|\band counting\b|^\W*constant\b"
        r"|\bnog\s+(?:steeds\s+|altijd\s+)?(?:aan de gang|bezig|gaande|actief)\b|\bstill active\b"
        r"|\b(?:houdt|stopt)\s+er\s+(?:maar\s+)?niet\s+mee\s+op\b|\bniet\s+voorbij\b",
    )
)
