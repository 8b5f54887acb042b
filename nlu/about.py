"""What a niet-pluis-gevoel is about, read from the answer to "Waar gaat het over?".

The options: a situation, a patient or client, how a colleague treats a client, or
something else. The words that decide are who the answer names and towards whom:

- a colleague (also an intern, a doctor, a team leader) and a client together: how a
  colleague treats a client ("mijn collega doet niet netjes met mevrouw van kamer 2");
- someone at work acting towards the melder ("een collega die me steeds kleineert", "my
  team leader pressuring me"), or someone who is neither colleague nor client (a cleaner,
  a security guard, someone from another company): something else;
- no person at all, only a place, a thing or what happens ("de deur van de medicijnkamer
  die steeds openstaat", "dealing by the entrance"): a situation.

- a client without a colleague: a patient or client.

None when the answer names a colleague alone, or only someone ("iemand", "he"): the
lexicon decides those.
"""

from __future__ import annotations

import re
from typing import Literal

from nlu.facts_relation import KIN_EN, KIN_NL
from nlu.rule_text import fold_for_rules

__all__ = ["About", "about", "names_colleague"]

About = Literal["situation", "client", "colleague", "other"]

_COLLEAGUE = re.compile(
    r"\b(?:col{1,2}e{1,2}a?g\w*|oud-collega\w*|coworkers?|co-workers?|stagiai?re?s?|teammates?"
    r"|teamgeno(?:ot|ten)|(?:iemand|someone|somebody)\s+(?:van|uit|in|on|from)\s+(?:mijn|my|ons|our)"
    r"\s+team|support\s+workers?|care\s+workers?|zorgmedewerker\w*|temps?|staff\s+members?"
    r"|(?:an\s+)?interns?|trainees?|leerling|teamleider\w*|team\s+lead(?:er)?s?|leidinggevende"
    r"|manager|supervisor|begeleider\w*|stagebegeleider\w*|werkbegeleider\w*|(?:work\s+)?mentors?"
    r"|(?:huis)?arts(?:en)?|dokter\w*"
    r"|doctors?|gps?|verpleegkundigen?|(?<!i )nurses?|verzorgenden?|carers?|psychiater|psycholoog"
    r"|therapeut|invalkracht|invaller\w*|oproepkracht\w*|poolmedewerker\w*|uitzendkracht"
    r"|flexwerker|agency\s+(?:nurse|staff|worker)"
    r"|groepsleid(?:er|ster)\w*|groepswerker\w*|group\s+workers?|(?:doktersa|a)ssistent\w*"
    r"|receptionist(?:e|s)?|\w*verpleegkundigen?|students?|studenten|teamlead(?:er)?s?"
    r"|co\s+workers?"
    r"|one\s+of\s+(?:the|our|my)\s+(?:team|staff|colleagues)|(?:uit|van)\s+(?:ons|mijn)\s+team"
    r"|(?:from|on|in)\s+(?:our|my)\s+team"
    r"|team\s*members?|teamlid|teamleden|(?:de|het|the)\s+(?:nacht|avond|dag|late|vroege|night"
    r"|late|day|evening|early)\s*(?:dienst|shift|staff)|night\s+staff)\b"
)
_FORMER = re.compile(r"\b(?:oud-?collega\w*|ex-?collega\w*|former\s+(?:colleague|coworker)s?)\b")
# Not a colleague and not in care: someone who is only in or around the building.
_OUTSIDER = re.compile(
    r"\b(?:schoonma(?:ker|akster|ak)\w*|cleaners?|cleaning\s+(?:company|firm|crew|staff)"
    r"|beveilig(?:er|ing\s+(?:man|medewerker))\w*"
    r"|security\s+guards?|guards?|vrijwilliger\w*|volunteers?|conci[eë]rge|caretaker|janitor"
    r"|klusjesman|handyman|bezorger|delivery\s+(?:man|driver)|postbode|ander(?:e)?\s+bedrijf"
    r"|another\s+company|other\s+company|huurder|tenant|taxi\w*|chauffeur\w*|drivers?"
    r"|buurman|buurvrouw|buren|neighbou?rs?|suppliers?|leverancier\w*"
    r"|(?:someone|somebody|iemand)\s+(?:from\s+outside|van\s+buiten(?:af)?))\b"
)
_CLIENT = re.compile(
    r"\b(?:patient\w*|client\w*|bewoner\w*|bewoonster\w*|jongere\w*|pupil\w*|residents?"
    r"|zorgvrager\w*|kind(?:eren)?|kids?|children|child|mevrouw|meneer|lady|gentleman|pt|pts"
    r"|(?:kamer|room)\s+\d+|(?:the|de)\s+(?:man|vrouw|woman)\s+(?:in|op|van)\s+(?:kamer|room)"
    r"|wassen|washing|verzorgen|verzorging|medicatie|medication|behandel\w*|treats?\s+(?:the\s+)?"
    r"(?:patients|clients|residents)|aan wie ik zorg\w*|die ik (?:verzorg|begeleid|help)"
    r"|(?:someone|somebody|a man|a woman) i (?:care for|look after|support)"
    r"|die (?:we|wij) (?:verzorgen|begeleiden|helpen|behandelen)"
    r"|i'?m (?:caring for|looking after|supporting)|in (?:mijn|my) (?:zorg|care)|in zorg heb)\b"
)
# A client or person named only to say it is not about them: "not towards patients",
# "niet tegen clienten", "about me not the clients", "not about a person exactly".
_NOT_NEAR = re.compile(r"\b(?:not|niet|geen|no|nie|nothing|niks|niets)\s+(?:\S+\s+){0,3}$")
# Before a job word that names no colleague: the melder's own job ("als wijkverpleegkundige
# zie ik", "as his nurse"), or a colleague ruled out ("over een client, niet over een collega").
_NO_COLLEAGUE_BEFORE = re.compile(
    r"\b(?:als|as)\s+(?:(?:his|her|their|a|an|the|zijn|haar|hun)\s+)?(?:\S+\s+)?$"
    r"|\b(?:not|niet|geen|no)\s+(?:(?:about|over|om)\s+)?(?:(?:a|an|the|een|de|het|my|mijn)\s+)?$"
)
# A shift or the way work goes, named as a whole: "onveiligheid in de nachtdienst".
_SHIFT = re.compile(r"(?:dienst|shift|staff)$")
# How things go, as a whole: "hoe het 's nachts op de groep gaat", "how nights on the group go".
_HOW_IT_GOES = (
    r"hoe\s+(?:het|alles|de\s+dingen)\s+(?:\S+\s+){0,5}(?:gaat|gaan|ging|loopt|lopen)"
    r"|how\s+(?:\S+\s+){1,4}?(?:go|goes|went|run|runs|works?)"
)
_GENERAL = re.compile(
    r"\b(?:onveilig\w*|unsafe|toestand|sfeer|vibe|atmosphere|in\s+het\s+algemeen|in\s+general"
    rf"|the\s+whole\s+way|de\s+manier\s+waarop|{_HOW_IT_GOES})\b"
)
# The home or family situation of a client, the whole of what went on: a situation, also
# when a client is named ("de thuissituatie bij een gezin", "how things are at home").
_HOME_SITUATION = re.compile(
    r"\b(?:thuissituatie|gezinssituatie|home\s+situation|situation\s+at\s+home|things\s+are"
    r"\s+at\s+home|(?:hele\s+)?toestand|in\s+dat\s+(?:huis|gezin)|het\s+geheel|overall|the\s+whole"
    r"\s+thing|what\s+went\s+on|hoe\s+het\s+(?:\S+\s+)?ging|de\s+buurt|the\s+neighbourhood"
    r"|neighborhood|de\s+plek|the\s+place|portiek|stairwell)\b"
)
# The melder's own life, not care: an ex, a letter at home, being bullied.
_OWN_LIFE = re.compile(
    r"\b(?:(?:mijn|my|m'n|mn)\s+(?:eigen\s+)?ex\w*|ex-?partner|ex-?vriend\w*|anonie?m\w*\s+"
    r"(?:brief|briefje|letter|note)|anonymous\s+(?:letter|note)|pesten|gepest|pestgedrag|bullying|bullied|(?:at|in)\s+my\s+(?:house|home|street)"
    r"|bij\s+mij\s+thuis|(?:mijn|my)\s+(?:huis|woning|straat)"
    r"|(?:outside|near|by)\s+my\s+(?:house|home|flat)|(?:voor|bij)\s+(?:mijn|mn|m'n)\s+(?:huis|deur)"
    # "gaat over mezelf eigenlijk", "het gaat om mij", "about me really"
    r"|(?:over|om|about)\s+(?:mezelf|mijzelf|mij\s*zelf|myself|mij|me)(?!\s+(?:en|and|of|or)\b))\b"
)
# Online: messages, an account, a post, when no colleague or client is named ("de post"
# alone is the GP post).
_ONLINE = re.compile(
    r"\b(?:online|facebook|fb|instagram|insta|tiktok|snapchat|whatsapp|twitter|social\s+media"
    r"|sociale\s+media|account|berichten|berichtjes|messages|dms?|posts|postje|gepost|posted"
    r"|posting)\b"
)
# Towards the melder: "die me kleineert", "pressuring me", "how she treats me".
_TOWARDS_ME = re.compile(
    r"\b(?:me|mij|mn|m'n|mijn\s+(?:werk|lichaam|adres|diploma|baan|uiterlijk)"
    r"|my\s+(?:body|work|address|diploma|job|looks|car|bike)|myself|mezelf"
    r"|(?:mijn|mn|m'n)\s+(?:auto|fiets|scooter)"
    r"|waar\s+ik\s+woon|where\s+i\s+live)\b"
    r"(?!\s+(?:collega|colleague|coworker|teamleider|team\s+leader|manager|supervisor"
    r"|leidinggevende|client|patient|stage\w*|placement))"
)
_PERSON = re.compile(
    r"\b(?:iemand|someone|somebody|persoon|person|hij|zij|ze|he|she|they|man|vrouw|woman"
    r"|jongen|meisje|guy|familie\w*|family|vader|moeder|father|mother|zoon|dochter|son"
    r"|daughter|broer|zus|brother|sister|partner|vriend\w*|friend)\b"
)
# Someone around a client: "de dochter van een client", "the father of one of our kids".
_RELATIVE_OF = re.compile(rf"\b(?:{KIN_NL}|{KIN_EN})\s+(?:van|of)\b")
# "a patient's husband", "the client's son"
_CLIENTS_RELATIVE = re.compile(rf"\w+'?s\s+(?:{KIN_EN})\b")
# A place, a thing or what happens, named without a person of care or work.
_SITUATION = re.compile(
    r"\b(?:situatie|situation|toestand|sfeer|atmosphere|spanning|tension|chaos|onrust|onveilig\w*"
    r"|unsafe|ingang|entrance|achteringang|back\s+door|achterdeur|deur|door|parkeerplaats"
    r"|car\s+park|parking|wachtkamer|waiting\s+(?:area|room)|gebouw|building|pand|beveiliging"
    r"|security|medicijnkamer|med(?:ication)?\s+room|dienst\w*|shift|overdracht|handover"
    r"|activiteit\w*|activities|opname|admission|gedeald|dealing|drugs|mannen|men|auto'?s|cars"
    r"|gebeurde|gebeurd|happened|happening|incident|iets\s+(?:wat|dat|in|op|bij)"
    r"|something\s+(?:that|which|in|at|on|with)|huis|house|woning|flat|parkeergarage|garage"
    r"|fietsenstalling|bike\s+shed|trappenhuis|lift|gang|corridor|hallway|groepjes|hangjongeren"
    r"|rondhangen|hangen\s+(?:\S+\s+){0,2}rond|hanging\s+around"
    r"|how\s+(?:things|everything)\s+(?:\S+\s+){0,3}(?:are|is)"
    rf"|{_HOW_IT_GOES})\b"
)


def _first(
    pattern: re.Pattern[str], folded: str, *, unless_before: re.Pattern[str]
) -> re.Match[str] | None:
    """The first match of `pattern` that `unless_before` does not end right before ("niet
    tegen clienten", "als wijkverpleegkundige")."""
    return next(
        (m for m in pattern.finditer(folded) if not unless_before.search(folded, 0, m.start())),
        None,
    )


def _client_or_around(folded: str, client: re.Match[str]) -> About:
    """A client, or someone around a client acting towards the melder ("de dochter van een
    client doet heel dreigend tegen mij"): something else."""
    relative = _RELATIVE_OF.search(folded, 0, client.start()) or _CLIENTS_RELATIVE.match(
        folded, client.start()
    )
    if relative is not None and _TOWARDS_ME.search(folded[client.end() :]):
        return "other"
    return "client"


def about(text: str) -> About | None:
    """The option an answer to "Waar gaat het over?" gives by who it names (see above)."""
    folded = fold_for_rules(text)
    if _OWN_LIFE.search(folded):
        return "other"
    colleague = _first(_COLLEAGUE, folded, unless_before=_NO_COLLEAGUE_BEFORE)
    outsider = _OUTSIDER.search(folded)
    client = _first(_CLIENT, folded, unless_before=_NOT_NEAR)
    online = _ONLINE.search(folded)
    if colleague is None and outsider is None and _HOME_SITUATION.search(folded):
        return "situation"
    if colleague is not None:
        return _about_a_colleague(folded, colleague, client, outsider, online)
    if outsider is not None:
        if client is None or _TOWARDS_ME.search(folded[outsider.end() :]):
            return "other"  # "de buurman van een client, die vraagt steeds waar ik woon"
        return None
    if client is not None:
        return _client_or_around(folded, client)
    if online is not None:
        return "other"
    if _first(_PERSON, folded, unless_before=_NOT_NEAR) is not None:
        return None
    return "situation" if _SITUATION.search(folded) else None


def _about_a_colleague(
    folded: str,
    colleague: re.Match[str],
    client: re.Match[str] | None,
    outsider: re.Match[str] | None,
    online: re.Match[str] | None,
) -> About | None:
    """An answer that names a colleague: how they treat a client, a shift as a whole, or
    someone at work acting towards the melder."""
    if client is None and _SHIFT.search(colleague.group(0)) and _GENERAL.search(folded):
        return "situation"  # "de hele toestand in de nachtdienst": the shift, not a person
    if online is not None and online.start() < colleague.start():
        return "other"  # "een instagram account dat foto's van ons team deelt"
    if _FORMER.search(folded) or outsider is not None:
        return "other"
    if client is not None:
        return "colleague"
    return "other" if _TOWARDS_ME.search(folded[colleague.end() :]) else None


def names_colleague(text: str) -> bool:
    """Whether an answer names a colleague as the one who did it ("een collega van de
    nacht", "my team leader"); not a former colleague's client nor the melder's own job
    ("als verpleegkundige")."""
    folded = fold_for_rules(text)
    found = _first(_COLLEAGUE, folded, unless_before=_NO_COLLEAGUE_BEFORE)
    return found is not None and _first(_CLIENT, folded, unless_before=_NOT_NEAR) is None
