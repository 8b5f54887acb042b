"""Danger words as a figure of speech or a joke, in no emergency: "the printer is trying to
kill me", "dit rooster is gwn een gijzeling", "help! ... with the rota, who's covering the
weekend 😅", "he's on the roof again!! jk it's next door's cat". Found by a thirtieth blind
round. Reads text folded by `nlu.rule_text.normalise_for_rules`."""

from __future__ import annotations

import re

from nlu.tense import names_event

__all__ = ["without_figures"]

# Things of work that "kill" people or "are a hostage situation" only in words.
_THINGS = (
    r"(?:printer|computer|pc|laptop|rota|rooster|roster|dienstrooster|planning|schedule"
    r"|shift|dienst|job|baan|werk|system|systeem|epd|epic|hix|wifi|coffee machine"
    r"|koffieautomaat|koffiemachine|paperwork|admin|administratie|meeting|vergadering|overleg"
    r"|this place|deze tent|this shift|deze dienst|this week|deze week|heat|hitte|bureaucracy"
    r"|bureaucratie)"
)
_FIGURE = re.compile(
    rf"\b{_THINGS}\s+(?:[\w']+\s+){{0,3}}?(?:kill\w*|murder\w*|vermoord\w*|the death of|mijn dood"
    r"|de dood van)\s+(?:me|us|mij|ons|mn|m'n|mijn|my)?"
    rf"|\b{_THINGS}\s+(?:is|was|voelt als|feels like|lijkt)\s+(?:[\w']+\s+){{0,3}}?(?:gijzeling"
    r"|hostage situation|hostage|oorlog|war ?zone|hel|hell|slagveld|battlefield|bloodbath"
    r"|bloedbad)\b"
    # the rota asked about with a cry: "help! wie neemt t weekend over in t rooster"
    r"|^\W*(?:help|hulp)\W+(?=[^.!?]*\b(?:rooster|rota|roster|planning|schedule)\b)"
    r"|^\W*(?:help|hulp)\W+(?:[.…]+\s*)?(?:with|met)\s+(?:the |de |het |t |mn |my )?(?:rota"
    r"|rooster|roster|planning|schedule)\b"
    r"|\b(?:wie|who)(?:'s| is)?\s+(?:neemt|covering|covers|can cover|kan|wil|takes)\b[^.!?]{0,40}?"
    r"\b(?:weekend|dienst|shift|rooster|rota|roster|nachtdienst|night)"
)
# The tool asked about with a cry: "help ik heb op de verkeerde knop gedrukt", "Help! Mijn
# wachtwoord werkt niet meer": no danger at all.
_TOOL_HELP = re.compile(
    r"^\W*(?:help|hulp)\W+(?=[^.!?]{0,80}\b(?:verkeerde knop|wrong button|wachtwoord|password"
    r"|inloggen|log ?in|aanpassen|wijzigen|typfout|typo|de bot|the bot|de app|the app)\b)"
)
# What is said as a joke, to the end of its clause: "my coworker keeps joking she'll kill me
# if I nick her yoghurt" (not "not joking, he's got a knife"): taken back.
_JOKED = re.compile(r"(?<!not )(?<!no )(?<!niet )\b(?:joking|jokes|joked|grapt|grapte)\b[^.!?,]*")
# A joke said to be one: "jk", "grapje", "haha"; not "geen grapje", "not kidding".
_JOKE = re.compile(
    r"(?<!geen )(?<!not a )(?<!not )(?<!no )(?<!niet )\b(?:jk|j/k|just kidding|just joking"
    r"|only joking|kidding|grapje|geintje|haha\w*|hihi\w*|lol)\b|😂|🤣"
)


# After a joke, words that turn to something real: "haha.. wacht nee er staat een vent".
_SERIOUS = re.compile(
    r"\b(?:wacht|wait|nee|no|serieus|seriously|for real|echt waar|maar|but|nu echt|really)\b"
)


def without_figures(folded: str) -> tuple[str, bool]:
    """The text without its figures of speech and without what a joke took back (blanked,
    positions kept); and whether that leaves nothing real to read. A joke takes back what came
    before it ("he's on the roof again!! jk it's the cat"), unless the melder turns to
    something real after it ("ik word gek van dit rooster haha.. wacht nee er staat een vent
    aan de balie"); a figure leaves something real when the rest names an event."""
    if _TOOL_HELP.search(folded) is not None:
        return _TOOL_HELP.sub(lambda m: " " * len(m.group(0)), folded), True
    if _JOKED.search(folded) is not None:
        return _JOKED.sub(lambda m: " " * len(m.group(0)), folded), True
    blanked = _FIGURE.sub(lambda m: " " * len(m.group(0)), folded)
    jokes = list(_JOKE.finditer(blanked))
    if jokes:
        end = jokes[-1].end()
        return " " * end + blanked[end:], _SERIOUS.search(blanked, end) is None
    return blanked, blanked != folded and not names_event(blanked)
