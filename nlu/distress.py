"""Words of distress in a check-in answer (DESIGN.md §8): crisis or not coping.

These rules decide when the bot offers a call-back and the crisis numbers (113,
0800-0113, the huisarts). A false alarm costs one kind extra message; a miss can cost far
more, so the patterns lean towards recognising.
"""

from __future__ import annotations

import re

from nlu.rule_text import fold_for_rules

#: (name, pattern) pairs over lower-case, accent-free text.
PATTERNS: tuple[tuple[str, str], ...] = (
    # Thoughts of ending one's life, in Dutch and English.
    (
        "suicidal",
        r"\b(zelfmoord|suicide|suicidaal|suicidal|een eind(e)? aan (mijn|m'n) leven"
        r"|niet meer (willen )?leven|wil niet meer leven|dood (willen|wil) zijn|wil dood"
        r"|end (it all|my life)|kill myself|want to die|don'?t want to live|mezelf (iets )?aandoen"
        r"|hurt myself"
        # "beter als ik er niet meer ben", "better off without me", "niet meer wakker worden"
        r"|beter (is )?(als|zonder) (ik|mij) (er )?niet meer (ben|was|zou zijn)|beter zonder mij"
        r"|better off without me|better off dead|niet meer wakker (te )?worden"
        r"|er niet meer (zijn|wil zijn)"
        r"|want to disappear|wil verdwijnen|no reason to live|geen reden (meer )?om te leven)\b",
    ),
    # Not coping: cannot go on, at the end of one's rope, panic.
    (
        "not_coping",
        r"\b(ik kan (het )?niet meer|kan ik (het |dit )?niet meer|kan dit niet meer"
        r"|ik trek (het|dit|dat) niet( meer)?|het wordt me te veel|wordt me teveel|ten einde raad"
        r"|ga (hier |er )?(echt )?aan kapot|ik ben op, helemaal op|helemaal op\b"
        r"|hou (het|dit) niet (meer )?vol|houd (het|dit) niet (meer )?vol"
        r"|completely broken|can'?t keep going|everything is too much|it'?s all too much"
        r"|don'?t know what to do with myself|can'?t face going back"
        r"|wanhopig|radeloos|instorten"
        r"|ik stort in|can'?t (cope|go on|take it)|falling apart|desperate|breaking down"
        r"|paniekaanval|panic attack)",
    ),
    # Severe symptoms: no sleep for days, constant fear, not daring to go to work.
    (
        "severe",
        r"\b(slaap (al dagen|nauwelijks|niet meer)|kan niet (meer )?slapen"
        r"|slaap al (een week|weken|\w+ dagen|dagen|nachten) niet|stoppen niet met trillen"
        r"|hiding in the (toilet|bathroom|loo)|zit (me )?te verstoppen"
        r"|durf (niet meer )?(naar (mijn )?werk|de deur (niet )?uit)|constant bang|doodsbang"
        r"|afraid all the time|can'?t sleep|haven'?t slept)",
    ),
)

_COMPILED = tuple((name, re.compile(pattern)) for name, pattern in PATTERNS)


def distress(text: str) -> str | None:
    """The name of the distress pattern the text matches, or None (never the text)."""
    folded = fold_for_rules(text)
    for name, pattern in _COMPILED:
        if pattern.search(folded):
            return name
    return None
