"""A story framed in the past and told on in the present: the historic present of someone
telling what happened, which the acute-danger rules must not read as now.

The frame is a past time at the opening ("so yesterday I walk in and he grabs a knife",
"so I'm doing a home visit yesterday and he locks the door", "dus ik sta gisteren bij de
voordeur"), a header ("Yesterday's shift: man at the counter, shouts ...", "Afgelopen
dinsdag: jongen pakt een mes", "Tuesday was awful. he comes in ...", "wil incident melden
van maandag. zoon komt thuis ..."), or an aside anywhere ("he's standing there with the
scissors, this was monday, and he says ...").

Within such a frame nothing happens now unless a "now", "still" or "again" says so outside
the melder's own state and the story's all-clears: "zit nu in de auto bij kantoor, alles
oke", "I'm still not over it", "police have his details now" keep the story told.
"""

from __future__ import annotations

import re

from nlu.acute_words import expand_macros
from nlu.all_clear import all_clear_phrases

__all__ = ["historic_present"]

# A day in the past as written in a header: "yesterday", "last tuesday", "dinsdag".
_PAST_DAY = (
    r"(?:<PAST_TIME>|(?:on |op |last |afgelopen |vorige )?<WEEKDAY>\w*"
    r"|(?:begin|eind|start of|end of|earlier) (?:deze|vorige|this|last) (?:week|maand|month))"
)
_SUBJECT = r"(?:i|ik|we|wij|he|hij|she|ze|zij)(?:'m|'re|'s)?"
# How bad a day was, as a header's whole sentence: "Tuesday was awful.", "dinsdag was heftig."
_HOW_BAD = (
    r"(?:awful|horrible|terrible|dreadful|rough|crazy|mad|intense|scary|hell|a nightmare"
    r"|a mess|chaos|bad|a bad day|heftig|zwaar|vreselijk|verschrikkelijk|erg|eng|naar|rot"
    r"|bizar|een nachtmerrie|een chaos|chaos|een rotdag|een rotdienst|pittig|raar)"
)
_OPENING = re.compile(
    expand_macros(
        # "so yesterday ...", "so i'm doing a home visit yesterday and ...": "so" and the
        # time in the first clause
        rf"^\W*(?:so|ok so|anyway|dus|nou|en|nou dus|oke dus)\s+(?:{_SUBJECT}\s+"
        r"(?:[\w']+\s+){0,7}?)?(?:<PAST_TIME>|(?:on |last )?<WEEKDAY>)\b"
        # (thirty-seventh round) the day said first: "so this was friday. I'm in the lift ..."
        r"|^\W*(?:so |ok so |dus |nou )?(?:this|that|it|dit|dat|het) (?:was|happened|gebeurde)"
        r" (?:on |op |last |afgelopen |vorige )?(?:<PAST_TIME>|<WEEKDAY>)\w*\s*[.:,;]"
        # a weekday and the story in the present: "zondag sta ik in de medicijnkamer, komt ie"
        r"|^\W*(?:afgelopen |vorige )?<WEEKDAY>\w*\s+(?:sta|zit|ben|loop|kom|rijd|ga)\s+(?:ik|we)\b"
        # over, told while it is fresh: "The incident is over now, I'm writing while it's fresh"
        r"|^\W*(?:the |het )?(?:incident|it|everything|all|alles|het) is (?:now |nu )?(?:over"
        r"|voorbij|afgelopen)\b"
        # filled in at the end of a shift: "eind van de dienst, eindelijk tijd om in te vullen:"
        r"|^\W*(?:eind van de dienst|end of (?:my |the )?shift)\b"
        r"|\b(?:tijd om (?:dit |het )?in te vullen|time to (?:fill|write) (?:this|it) (?:in|up))\b"
        # a late report: "late melding: bew heeft maandag ..."
        r"|^\W*(?:late melding|late report|melding achteraf|reporting late|achteraf)\s*[:\-]"
        # a report of a past day asked for first: "wil incident melden van mn avondbezoek
        # maandag. zoon van clt komt thuis, schreeuwt ..."
        r"|^\W*(?:ik |i )?(?:wil|wilde|want to|wanted to|would like to|'d like to) (?:een |an |a )?"
        r"(?:incident |voorval )?(?:melden|report|vastleggen|log)\b[^.!?]{0,40}?\b(?:<PAST_TIME>"
        r"|(?:op |on |last |afgelopen |vorige )?<WEEKDAY>(?:avond|nacht|ochtend|middag)?)\s*[.!?:]"
        # (twenty-eighth round) "it all happened so fast. he's screaming ...", "ging zo snel."
        r"|^\W*(?:it |everything )?(?:all )?happened so (?:fast|quickly)\b"
        r"|^\W*(?:het |alles )?ging (?:allemaal )?zo (?:snel|vlug)\b"
        # a report's header: "report for monday: hes screaming", "verslag van maandag: ..."
        r"|^\W*(?:report|verslag|melding|incident|notes?|aantekening)\s+(?:for|of|from|van|voor"
        r"|over)\s+(?:<PAST_TIME>|(?:last |afgelopen |vorige )?<WEEKDAY>\w*)\s*[:.\-]"
        # a record for the file: "reporting for the log: ...", "voor het dossier: ..."
        r"|^\W*(?:(?:just |only |alleen |even )?(?:reporting|melding|ik meld dit"
        r"|i'm reporting this)\s+)?(?:for the (?:log|record|file|records)|voor (?:het|de)"
        r" (?:dossier|logboek|verslag|registratie|administratie|statistiek)"
        r"|ter (?:info|informatie|registratie|kennisgeving))"
        r"\s*[:\-]"
        # whether a past event may still be reported: "can i still report something from 2
        # months ago?", "mag ik iets van vorige maand nog melden?"
        r"|^\W*(?:can|may|should|could|kan|mag|moet) (?:i|ik|we) (?:still |nog |also |ook )*"
        r"(?:report|melden|iets)\b[^.!?]{0,50}?\b(?:<PAST_TIME>|ago|geleden|terug)\b[^.!?]*[.?!]"
        # a header of a few words with the day: "yesterday's shift:", "dienst van gisteren:",
        # "vanochtend bij de thuiszorg:", "afgelopen dinsdag:"
        rf"|^\W*(?:[\w']+\s+){{0,3}}?{_PAST_DAY}(?:'s)?(?:\s+[\w']+){{0,3}}\s*:"
        # the day judged as a sentence of its own: "tuesday was awful.", "gisteren was echt
        # heftig."
        rf"|^\W*{_PAST_DAY}(?:'s (?:shift|night|visit|round))? was (?:echt |really |so |pretty"
        rf" |just |a bit |best |zo |een beetje )*{_HOW_BAD}\s*[.!:]"
    )
)
# An aside that dates the whole story: "..., this was monday, and he says ...", "dit was
# maandag he".
_ASIDE = re.compile(
    expand_macros(
        rf"\b(?:this|that|it|dit|dat|het) was (?:al )?{_PAST_DAY}\b"
        # (thirty-fourth round) "this is sunday evening I'm talking about", "... was dinsdag in
        # de avond", "zondag, laat in de avond." as a sentence of its own, "dit was rond ...",
        # "it's all on cctv from last night", "that's what our new pt did on his first day"
        rf"|\b(?:this|that|it|dit|dat) is {_PAST_DAY}\w* (?:[\w']+ ){{0,2}}?(?:i'm talking about"
        r"|i mean|ik bedoel|waar ik het over heb)\b"
        rf"|(?:^|[.!?]\s+)(?:was |het was |it was )?{_PAST_DAY}(?:,? [\w ]{{0,25}})?[.!]"
        r"|\b(?:this|that|it|dit|dat|het) was (?:rond|around|about|om|at) "
        r"|\b(?:from|van) <PAST_TIME>\W*$"
        r"|\b(?:that's|that is|dat is|dat was) what (?:[\w']+ ){0,5}?(?:did|deed|said|zei)\b"
    )
)
# News of now in a framed story: "nu", "still", "again", "he's back".
_NOW = re.compile(
    expand_macros(
        r"\b(?:<NOW>|net|zojuist|nog steeds|still|weer|alweer|again|rn)\b(?! (?:we|dat|that)\b)"
        r"|\b(?:he's|she's|they're|he is|she is|they are|hij is|ze is|zij is|ie is) (?:weer )?"
        r"(?:back|terug)\b"
        # "just" before a past verb is a moment ago ("he just walked back onto the ward"); before
        # a present one it is how the story goes ("the drunk guy just grabs my colleague")
        r"|\bjust (?:(?!need)[a-z]+ed|came|got|ran|went|saw|rang|left|took|broke|threw|hit"
        r"|showed)\b"
    )
)
# The melder's own state after the story, which says nothing of the danger: "zit nu thuis
# op de bank", "I'm back at the office now", "ben er nog steeds niet overheen", "still
# shaking", "we zitten nu tijdelijk op een andere locatie", "mes ligt nu achter slot",
# "police have his details now".
_WHO_IS = (
    r"(?:i'm|im|i am|we're|we are|i|ik|we|wij|ben|zit|zitten|collega|mn collega|my colleague)"
    r"(?: (?:ben|zit|zitten|is|am|are))?(?: (?:now|nu|back|weer|allebei|both|safely|veilig"
    r"|inmiddels|tijdelijk|er|still|nog steeds|nog))*"
)
_WHERE_SAFE = (
    r"(?:(?:at|in|op|on) (?:the |het |de |mijn |mn |my )?(?:office|kantoor|base|post|staff ?room"
    r"|personeelsruimte)|(?:in|op) (?:the |de |mijn |mn |my )?(?:car|auto) (?:bij|at|outside)"
    r" (?:the |het )?(?:office|kantoor)"
    r"|(?:at )?(?:home|thuis)(?: op de bank)?"
    r"|(?:op|in|at) (?:een andere|another|a different) (?:locatie|location|plek|site|afdeling"
    r"|ward)"
    r"|not over it|niet overheen|(?:still )?shaking|trillen|aan het trillen)"
)
_MELDER_NOW = re.compile(
    rf"\b{_WHO_IS} {_WHERE_SAFE}\b"
    r"|\b(?:en )?(?:ik )?tril (?:nog steeds|nog|nu)\b"
    r"|\b(?:till|until|up to|tot) (?:now|nu)\b"
    r"|\bben (?:er )?(?:nog steeds|nog) (?:van )?(?:geschrokken|ondersteboven|aangeslagen)\b"
    r"|\b(?:reporting|report|melden|meld|meldt) (?:it|this|het|dit) (?:now|nu)\b"
    r"|\b(?:police|politie) (?:have|has|heeft|hebben|neemt|nam|took) (?:him|hem|his details"
    r"|zijn gegevens|zn gegevens|z'n gegevens)(?: mee)?(?: now| nu)?"
    r"|\b(?:ligt|is|zit) (?:nu |weer )*(?:achter slot|opgeborgen|locked away|weggeborgen)"
    r"|\balles (?:is )?(?:weer )?(?:oke|ok|goed|in orde)\b"
    # how the melder sleeps and feels since: "i still can't sleep", "slaap er nog steeds slecht
    # van", "ben nog steeds van slag"
    r"|\b(?:i|ik)(?:'m| am)? (?:still |nog steeds |nog )?(?:can't|cannot|cant|kan) (?:er )?"
    r"(?:(?:nog steeds|nog) )?(?:niet )?(?:sleep|slapen)\b"
    r"|\bslaap (?:er )?(?:nog steeds |nog )?slecht(?: van)?\b"
    # treated since: "resident is on new medication now", "bew heeft nu andere medicatie"
    r"|\b(?:is|heeft) (?:now |nu )?(?:on )?(?:new|andere|nieuwe) (?:medication|medicatie|meds"
    r"|medicijnen)(?: now| nu)?"
    r"|\b(?:i'm|im|i am|ik ben|ben) (?:still|nog steeds|nog) (?:upset|shaken|scared|bang|overstuur"
    r"|van slag|angry|boos|in shock|trillerig)\b"
)


#: Words said, in quotes after a space or colon: "he says 'now you listen to me'."
_SAID = re.compile(r"(?<=[\s:])['\"‘“][^'\"’”\n]{1,80}?['\"’”](?!\w)")


def historic_present(folded: str) -> bool:
    """True for a story framed in the past (see the module) and told in the present, with
    nothing said to happen now. Reads text folded by `nlu.rule_text.normalise_for_rules`."""
    opening = _OPENING.search(folded)
    if opening is None and _ASIDE.search(folded) is None:
        return False
    # (the opening itself may hold "still": "can i still report something from may?")
    rest = _MELDER_NOW.sub(" ", folded[opening.end() :] if opening is not None else folded)
    rest = _SAID.sub(" ", rest)  # ("says 'now you listen to me'": his words, not the melder's now)
    for found in reversed(list(all_clear_phrases(rest))):
        rest = rest[: found.start()] + " " + rest[found.end() :]
    return _NOW.search(rest) is None
