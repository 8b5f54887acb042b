"""Where a story is closed as told: a sentence that dates it ("dat was donderdag", "this was
at the end of my shift yesterday"), says it is put on record ("wil het ff vastleggen"),
turned out harmless, or names it a story ("ok thats the story from last tuesday"). Danger
named before such a point belongs to the story (`nlu.tense.story_closed_at`)."""

from __future__ import annotations

import re

from nlu.acute_words import expand_macros

__all__ = ["STORY_CLOSER"]

# A story told in the present and closed in the past: "hij komt binnen, pakt de stoel ...
# Dat was donderdagmiddag."
STORY_CLOSER = re.compile(
    expand_macros(
        # (also without the subject, opening a sentence: "... Gebeurde zaterdagnacht.")
        r"(?:\b(?:dat|het|dit|that|this|it|all this|dit alles) |(?:^|[.!?]\s*))(?:was|were"
        r"|gebeurde|happened|is gebeurd|is geweest|has happened) (?:[\w']+ ){0,6}?(?:<PAST_TIME>"
        r"|(?:<WEEKDAY>|weekend)\w*"
        r"|(?:at |om )?\d{1,2}(?:[:.]\d\d|\s*(?:am|pm|uur)))\b"
        # "Dat wil ik hier even vastleggen", "just want to log that here": told to be logged.
        r"|\b(?:dat|dit|het) wil (?:ik|we) (?:[\w']+ ){0,3}?(?:vastleggen|registreren|noteren)\b"
        r"|\b(?:want|wanted|would like|'d like) to (?:log|record|document|note down|register)"
        r" (?:that|this|it)\b"
        # it turned out harmless: "turns out he was putting up a shelf. we laughed about it"
        r"|\b(?:turns out|turned out|bleek dat) (?:he|she|it|hij|ze|het) (?:was|had|wilde)\b"
        r"|\b(?:we|i) (?:both |all )?laughed about it\b|\ber (?:samen )?om gelachen\b"
        # a day alone as the last words: "He's huge and had scissors. Friday evening."
        r"|[.!?,]\s*(?:(?:on|op|last|afgelopen|vorige) )?(?:<PAST_TIME>|<WEEKDAY>(?:avond|nacht"
        r"|ochtend|middag| evening| night| morning| afternoon)?)"
        r"(?: (?:gebeurd|gebeurde|happened|was dat|was it))?(?=\W*$)"
        # a shift or round named as when: "that was on the morning round", "dat was tijdens
        # de nachtdienst"
        r"|\b(?:that|this|it|dat|dit|het) (?:was|gebeurde|happened) (?:(?:on|during|at|in|op"
        r"|tijdens|bij) )?(?:the|my|a|de|het|mijn|mn|een) (?:[\w']+ )?(?:round|rounds|shift|visit"
        r"|ronde|dienst|bezoek|huisbezoek)\b"
        # how a night went: "that's how saturday night went", "zo ging zaterdagnacht"
        r"|\b(?:that's|thats|that is) how (?:[\w']+ ){0,3}?(?:went|ended|happened)\b"
        r"|\bzo (?:ging|verliep|eindigde) (?:[\w']+ ){0,2}?(?:<WEEKDAY>\w*|<PAST_TIME>|dienst"
        r"|nacht|avond)"
        # a stretch of work named as when: "that was my whole week on the dementia ward"
        r"|\b(?:that|this|dat|dit) was (?:my|mijn|mn|the|de|het) (?:whole |hele )?(?:week|shift"
        r"|dienst|day|dag|night|nacht|weekend)\b"
        # the story named as told: "ok thats the story from last tuesday"
        r"|\b(?:that's|thats|that is|dat is|dat was|dit is|this is) (?:the|het|my|mijn) (?:story"
        r"|verhaal|incident)\b"
        # weeks ago as a sentence of its own: "... 2 weken geleden, nu pas durf ik het te melden"
        r"|(?:^|[.!?]\s*)(?:\d+|een|twee|drie|paar|a|two|three|a few|a couple of) (?:dagen|weken"
        r"|maanden|jaar|days|weeks|months|years) (?:geleden|ago)\s*(?=[,.!?]|$)"
        # told to be put on record: "wil het ff vastleggen", "wil het in het dossier"
        r"|\b(?:wil|wilde) (?:het|dit|dat) (?:[\w']+ ){0,2}?(?:vastleggen|melden|noteren|in het"
        r" dossier)\b"
    )
)
