"""Two readings that keep a classifier's alarm from a message that is no danger now (the
rules' own guards are in `nlu.tense`): a story closed before the message ends whose rest
brings no news of now ("Dat was gister op huisbezoek. Pols is blauw maar verder ok."),
and danger words in a record or a worry about rosters ("history of arson in his file",
"staat dat in het risicoregister?", "maak me zorgen over de nachtdiensten")."""

from __future__ import annotations

import re

from nlu.acute_words import expand_macros
from nlu.all_clear import all_clear_phrases
from nlu.tense import nothing_after, story_closed_at

__all__ = ["RECORDED_BEFORE", "RECORDED_INSIDE", "closed_then_quiet", "recorded_or_worried"]

# News of now after the close: "now", "again", "still" ("nu staat hij er weer").
# (Not "nu we met z'n 2en staan", "now that": a reason, not a moment.)
_NOW_NEWS = re.compile(
    expand_macros(r"\b(?:<NOW>|net|zojuist|weer|again|still|nog steeds)\b(?! (?:we|dat|that)\b)")
)
_SENTENCES = re.compile(r"[^.!?\n]+")
#: Shorter messages hold no story closed before their end with more after it.
_SHORTEST = 40
# What was said, kept as evidence: "the voicemail where he says", "opname waarin hij dreigt".
_KEPT = (
    r"(?:voicemail|recording|opname|screenshot|filmpje|video|ingesproken bericht|audio)\w*"
    r" (?:where|waarin|in which|waarop|that|die|dat|of) (?:[\w']+ ){0,3}?(?:says|zegt|said|zei"
    r"|threatens|dreigt|shouts|roept)"
)
# The danger word as part of a record: "history of arson", "in het dossier staat
# brandstichting", "a tattoo of a gun" (what comes right before the rule's match).
RECORDED_BEFORE = re.compile(
    r"(?:history of|voorgeschiedenis (?:van|met)|(?:file|dossier|record|notes)\w* (?:[\w']+ ){0,4}?"
    r"(?:says|staat|mentions|vermeldt|noemt)|tattoo|tatoeage"
    # kept as evidence: "i saved the voicemail where he says he'll burn my house down"
    r"|" + _KEPT + r")\s+(?:[\w']+\s+){0,3}$"
)
# ... or inside it: "pt has a tattoo of a gun".
RECORDED_INSIDE = re.compile(r"\b(?:tattoo|tatoeage)\w*\s+(?:of|van)\b|\bhistory of\b")
# A record or a roster asked about, or a worry about rosters: no event now.
_RECORDED_OR_WORRIED = re.compile(
    r"\b(?:risk ?register|risicoregister|risk ?form|risicoformulier|risk assessment"
    r"|risico-?inventarisatie|in (?:het|zijn|haar|zn) dossier (?:van \w+ )?staat"
    r"|(?:file|dossier) (?:says|zegt|vermeldt))\b|" + RECORDED_INSIDE.pattern + r"|\b" + _KEPT +
    # an act online only: "hij heeft mn naam getagd zodat iedereen me kan vinden"
    r"|\b(?:getagd|tagged|gepost|posted|reposted|gedeeld|shared|geupload|uploaded|retweet\w*"
    r"|gedmd|dm'?d)\b"
    r"|\b(?:maak (?:me|mij|ik me) zorgen|(?:i'm|im|i am) worried|worried) (?:over|about) (?:de"
    r"|het|the|my|mn|mijn|next|volgende|onze|our) (?:[\w']+ )?(?:dienst\w*|nachtdienst\w*"
    r"|shifts?|nights?|week|rota|rooster|bezetting|staffing)\b"
)


def closed_then_quiet(folded: str) -> bool:
    """Whether the story is closed before the end and each sentence after it is either
    no news (`nothing_after`) or says nothing of now."""
    if len(folded) < _SHORTEST:
        return False  # a story and something after it: most answers are shorter
    end = story_closed_at(folded, all_clear_phrases(folded))
    if end == 0:
        return False
    return all(
        nothing_after(sentence) or _NOW_NEWS.search(sentence) is None
        for sentence in _SENTENCES.findall(folded[end:])
    )


# A fear that it happens again, some day: "ik ben bang dat het weer gebeurt", "worried he'll
# come back to the ward", "bang om hem weer tegen te komen".
_FEARS_AGAIN = re.compile(
    r"\b(?:scared|afraid|bang|worried|bezorgd|fear|vrees)\w*\s+(?:om|dat|to|that|he'll|she'll"
    r"|they'll|he will|she will|it will|it'll|it might|he might)\b[^.!?]{0,60}\b(?:again|weer"
    r"|opnieuw|tegen te komen|run into|bump into|come back|comes back|terugkomt|terug komt"
    r"|happen|gebeurt|gebeuren)\b"
)
# "now" as how things go since: "now we get sent there without police", "nu moeten we er
# zonder politie heen".
_NOW_SINCE = re.compile(
    r"\b(?:now|nu) (?:(?:we|i|ik|wij) (?:get|have to|must|moeten|moet|worden|krijgen|go|gaan)"
    r"|(?:moeten|moet|mogen|krijgen|gaan) (?:we|ik|wij))\b"
)


def recorded_or_worried(folded: str) -> bool:
    """Whether the message asks about a record, worries about rosters or fears that it
    happens again, with no now."""
    if _RECORDED_OR_WORRIED.search(folded) is not None:
        return _NOW_NEWS.search(folded) is None
    fear = _FEARS_AGAIN.search(folded)
    if fear is None:
        return False
    rest = _NOW_SINCE.sub(" ", folded[: fear.start()] + " " + folded[fear.end() :])
    return _NOW_NEWS.search(rest) is None
