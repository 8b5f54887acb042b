"""Whether the melder wants their line manager to get the report, read from the sentence
that names the manager when no fixed phrase of `nlu.facts_people` says it.

People say it in endless ways ("copy to my manager is fine", "my team lead is the one who
rota'd me alone with him so keep her out of this", "hou mijn teamleider er aub buiten",
"teamleider lacht zulke dingen altijd weg dus die hoeft het niet te lezen"). The fixed
phrases stay first; here the sentence around a mention of the manager is searched for a
cue that keeps the manager out, else one that lets them in.
"""

from __future__ import annotations

import re

__all__ = ["MANAGER", "MY", "ONLY", "SEE", "stance_in_sentence"]

#: A line manager, in both languages and common typos ("my ward manager", "teamleidr").
MANAGER = (
    r"(?:(?:eigen|directe|direct|ward|unit|clinical|practice|site|home|care|locatie"
    r"|afdelings)\s+)?(?:leidinggevende|leidinggevenden|manager|managers|teamleider"
    r"|teamleidster|teammanager|baas|chef|supervisor|boss|team ?leader|team ?lead|line manager"
    r"|afdelingshoofd|leidinggevnde|leidinggeveden|leidinggvende|manger|coordinator|coordinatrice"
    r"|team\s*coordinator|teamleidr|teamleidre|supervisr|superviser"
    r"|zorgcoordinator|teamcoach|locatiemanager|praktijkmanager|praktijkhouder)"
)
MY = r"(?:(?:mijn|m'n|mn|de|my|the|our|onze)\s+)"
#: What the manager would do with the report.
SEE = (
    r"(?:weten|zien|lezen|meelezen|meekijken|inzien|krijgen|ontvangen|horen|know|see|read"
    r"|look|receive|get|hear|be told|be (?:involved|informed|included|copied|cc'?d|in the loop)"
    r"|find out)"
)

_MENTION = re.compile(rf"\b{MANAGER}\b")
# "not to HR, only my manager", "alleen naar mn teamleider": the manager is let in, the
# "not" is about someone else.
ONLY = re.compile(
    rf"\b(?:only|just|alleen)\s+(?:to\s+|naar\s+)?{MY}?{MANAGER}\b"
    # "should go to my team leader not hr", "moet naar mijn teamleider niet naar p&o"
    rf"|\b(?:should|must|needs?\s+to|moet|hoort)\s+(?:go\s+|gaan\s+)?(?:to|naar)\s+{MY}?{MANAGER}\b"
)
_SENTENCE_END = re.compile(r"[.!?\n]")
_CLAUSE_END = re.compile(r"[,;:]\s*")
# Keeping the manager out: "keep her out of this", "leave him out", "the last person i want
# reading this", "would rather this doesnt go via", "laat haar er maar buiten", "hoeft het
# niet te lezen", "zonder dat", "ik vertrouw ... niet", "part of the problem".
_OUT = re.compile(
    r"\b(?:keep|leave|kept|left)\s+(?:her|him|them|it|this)\s+(?:\w+\s+)?out\b"
    r"|\bout\s+of\s+(?:this|it|the\s+loop)\b|\blast\s+person\b"
    r"|\b(?:rather|prefer)\b[^.!?]{0,30}?\b(?:didn'?t|didnt|doesn'?t|doesnt|did\s+not|does\s+not"
    r"|not|wasn'?t|wouldn'?t)\b"
    rf"|\b(?:don'?t|dont|do\s+not|never)\s+(?:really\s+)?(?:want|trust|tell|send|let|show|cc"
    rf"|copy|involve|loop)\s+(?:[\w']+\s+){{0,4}}?(?:her|him|them|{MY}?{MANAGER})\b"
    r"|\bnot\s+(?:via|through)\b|\bnot\s+(?:to|with|for)\s+(?:her|him|them)\b"
    r"|\bwithout\s+(?:her|him|them)\s+(?:knowing|seeing|reading|finding\s+out)\b"
    r"|\bpart\s+of\s+the\s+problem\b"
    r"|\ber\s+(?:\w+\s+){0,3}?buiten\b|\berbuiten\b|\bbuiten\s+(?:laten|houden)\b"
    r"|\b(?:hoeft|hoeven|mag|mogen|moet)\s+(?:\w+\s+){0,3}?niet\b|\bzonder\s+dat\b"
    r"|\bniet\s+(?:\w+\s+){0,3}?(?:lezen|zien|krijgen|horen|weten|betrekken|vertrouw\w*)\b"
    r"|\bvertrouw\w*\s+(?:\w+\s+){0,4}?niet\b|\bweg\s+bij\b|\b(?:onderdeel|deel)\s+van\s+het"
    r"\s+probleem\b|\bliever\s+niet\b|\bbetrek\w*\b[^.!?]{0,40}?\bniet\b"
)
# Letting the manager in: "copy to my manager is fine", "cool to see this", "send it to her
# too", "wants a copy", "make sure my manager gets this", "mag een kopie", "zorg dat ... het
# ook krijgt", "graag ook naar haar", "zij mag het hebben".
_IN = re.compile(
    r"\b(?:fine|ok|okay|cool|happy|welcome)\s+(?:for\s+(?:her|him|them)\s+)?(?:to\s+(?:see|read"
    r"|get|have|know|receive|share)|if|with)\b|\b(?:is|are|'s)\s+(?:fine|ok|okay|cool)\s*$"
    r"|\b(?:go\s+ahead|in\s+the\s+loop|copy|cc|needs?\s+to\s+know|should\s+know"
    r"|wants?\s+(?:a\s+)?copy)\b(?!\s+of\b)|\b(?:her|him|them)\s+(?:too|as\s+well)\b"
    r"|\bmake\s+sure\b[^.!?]{0,30}?\bgets?\b"
    r"|\b(?:can|may)\s+have\s+(?:it|this|a\s+copy)\b(?!\s+of\b)"
    r"|\bsend\s+(?:it|this)\s+to\s+(?:her|him|them)\b"
    r"|\b(?:mag|mogen)\s+(?:\w+\s+){0,3}?(?:het|dit|kopie|zien|lezen|weten|hebben|krijgen"
    r"|ontvangen)\b|\bkopie\b(?!\s+van\b)|\bprima\b|\bgraag\s+ook\b|\book\s+(?:krijgt|naar|krijgen"
    r"|ontvangt|ontvangen|lezen|zien)\b|\bzorg\b[^.!?]{0,40}?\bkrijgt\b|\bgeen\s+probleem\b"
)


def stance_in_sentence(folded: str) -> tuple[bool, int, int] | None:
    """(True: keep the manager out, False: let them in; where the sentence is) from the
    first sentence naming the manager that has a cue; None when none has. (`ONLY` is read
    first, on the whole text, by `nlu.facts_people.exclude_line_manager`.)"""
    for mention in _MENTION.finditer(folded):
        start = max(
            (m.end() for m in _SENTENCE_END.finditer(folded, 0, mention.start())), default=0
        )
        end_match = _SENTENCE_END.search(folded, mention.end())
        end = end_match.start() if end_match is not None else len(folded)
        sentence = folded[start:end]
        # Where the wish is said: from the clause that names the manager on ("liever
        # anoniem, mn leidinggevende is onderdeel van het probleem" leaves "liever anoniem").
        clauses = _CLAUSE_END.finditer(folded, start, mention.start())
        said = max((m.end() for m in clauses), default=start)
        if _OUT.search(sentence) is not None:
            return True, said, end
        if _IN.search(sentence) is not None:
            return False, said, end
    return None
