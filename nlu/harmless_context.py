"""Danger words in a context that makes them harmless: a weapon on the wall as decoration,
toys, a past incident in a file, an old aggressor back in care, a melder busy with a
client. Reads text folded by `nlu.rule_text.normalise_for_rules`."""

from __future__ import annotations

import re

from nlu.acute_words import expand_macros

__all__ = ["harmless"]

_NOW_ONLY = re.compile(expand_macros(r"\b(?:<NOW>|net|zojuist)\b"))


# Danger words in a context that makes them harmless: a weapon on the wall as decoration,
# toys, a past incident in a file, a report made for someone else afterwards, an old
# aggressor back in care, "dying of the heat". Only what follows such a phrase counts: a
# "now" after it may bring danger back ("... as decoration, but now he has taken it down").
_HARMLESS = re.compile(
    r"\b(?:als (?:versiering|decoratie|sieraad)|ter (?:decoratie|versiering)"
    r"|as (?:a )?(?:decoration|ornament)|(?:aan|op) de muur (?:hangen|hangt|hing)"
    r"|on (?:his|her|their) wall"
    r"|speelgoed\w*|water ?(?:pistool\w*|pistols?|guns?)|nerf|toy (?:gun|knife|sword"
    r"|guns|knives)|cops and robbers|politie en boefje|boefje"
    r"|(?:staat|stond|staan) (?:[\w']+ ){0,2}?in (?:zijn|zn|z'n|haar|het|hun) dossier"
    r"|(?:is |it's |it is )?(?:in|on) (?:his|her|their|the) (?:file|record|records|notes)"
    r"|ik meld (?:het|dit) (?:[\w']+ ){0,2}?(?:voor|namens) |(?:i'm|i am) reporting (?:it|this)"
    r" (?:for|on behalf of) |(?:wil|want) (?:het |dit |it |this )?(?:even |just )?(?:vastleggen"
    r"|on record|on file|registreren)|for the record|voor de registratie"
    r"|(?:weer|opnieuw) (?:bij ons )?in (?:zorg|behandeling)|back in (?:our )?(?:care|treatment)"
    # busy with a client, so later: "straks, zit nu met een cliënt"
    r"|(?:zit|ben|zitten|i'm|im|i am) (?:nu |now |even )?(?:met|bij|with) (?:een |a |mn |mijn"
    r" |my )?(?:cli[eë]nt|client|pati[eë]nt|patient|bewoner|resident)(?=\s*(?:[,.!?]|$))"
    r"|(?:is|wordt) (?:hij|ie|ze|zij) (?:nu )?weer (?:mijn|mn|onze|een) (?:cl|cli[eë]nt|client"
    r"|pati[eë]nt|patient|pt)\b"
    r"|(?:he's|she's|he is|she is) (?:now )?(?:a |our |my )?(?:patient|client|resident) (?:again"
    r"|here again)|(?:weer|again) (?:op|on) (?:mn|mijn|m'n|my|our|onze) (?:lijst|list|caseload"
    r"|planning|rooster|rota)|do i (?:have|need) to (?:treat|see|visit|care for) (?:him|her)"
    r"|(?:dying|die) of (?:the )?(?:heat|cold|boredom|laughter|hunger|thirst)"
    r"|dood van de (?:hitte|warmte|kou|verveling|honger|dorst)"
    r"|(?:hitte|warmte|heat|benauwd|hot in here)\b[^.!?]{0,40}?\b(?:gaan|gaat|go|going|dying"
    r"|die) (?:[\w']+ ){0,3}?(?:dood|to die|die)\b"
    # news read or seen: "las net over die steekpartij in Rotterdam", "saw on the news"
    r"|(?:las|lees|lezen|read|reading|zag|saw|watched|keek) (?:net |zojuist |just |vandaag "
    r"|today )?(?:over|about|op het nieuws|on the news|in de krant|in the paper|op nu\.nl)"
    r"|(?:op|in|on) (?:het|the) (?:nieuws|news)\b"
    # busy now, the report later: "overdracht nu, kom hier zo op terug"
    r"|(?:overdracht|handover|overleg|visite|meeting) (?:nu|now)\b|\b(?:kom|come) (?:hier |er )?"
    r"(?:zo |straks |later )?(?:op )?terug\b(?= *(?:[,.!?]|$))"
    r"|\b(?:i'll|ill) come back to (?:this|it)\b"
    # what comes later: "he's back on the ward next week and I'm dreading it"
    r"|(?:next|volgende) (?:week|month|shift|maand|dienst)|\btomorrow\b|\bovermorgen\b"
    r"|(?:gets|is getting|wordt|being) (?:discharged|released|ontslagen|vrijgelaten)\b"
    # evidence and a record: "the CCTV in the corridor should have him throwing the chair",
    # "huisarts heeft de schrammen bekeken en in mn dossier gezet"
    r"|(?:cctv|footage|camerabeelden|beveiligingsbeelden|bodycam)\b"
    r"|in (?:mn|mijn|m'n|het|haar|zijn|zn) dossier (?:gezet|gezegd|opgenomen|genoteerd"
    r"|geschreven|gedaan)|(?:huisarts|dokter|arts|gp|doctor|bedrijfsarts) (?:heeft|has|had)"
    r" (?:[\w']+ ){0,3}?(?:bekeken|gezien|looked at|checked|examined)"
    # asking to be called back: "laat iemand me bellen", "can someone ring me back"
    r"|(?:laat|kan|mag|wil|kunnen|zal) (?:er )?(?:iemand|jullie|je|u) (?:me|mij) (?:even |aub |pls "
    r")?(?:bellen|terugbellen|opbellen)(?= *(?:[,.!?]|$|aub|pls|graag|alsjeblieft))"
    r"|(?:can|could|will|may) (?:someone|somebody|you) (?:please )?(?:call|ring) me(?: back)?"
    r"(?= *(?:[,.!?]|$|please|pls|later|tomorrow))"
    # cutlery and food: "knife and fork at dinner", "choked on a piece of apple at lunch"
    r"|knife and fork|knives and forks|mes en vork|messen en vorken|cutlery|bestek"
    r"|(?:choked|choking|chokes|verslikte|verslikt) (?:zich )?(?:on|in|op|aan) (?:a |his |her"
    r" |the |een |zijn |haar |het )?(?:piece|bit|bite|food|apple|bread|sandwich|meat|drink"
    r"|water|stukje|stuk|hap|eten|brood|appel|vlees|drinken)|heimlich"
    # handed to the police, a case under way: "the letter is with the police now"
    r"|(?:is|ligt|zijn|are) (?:nu |now |al |already )?(?:bij|with) (?:de |the )?(?:politie"
    r"|police)(?: now| nu)?|(?:de |het )?(?:zaak|rechtszaak|aangifte|onderzoek) loopt(?: nog)?"
    r"|the (?:case|investigation|court case) is (?:still )?(?:ongoing|pending|open|running)"
    # what a text says, at the summary to check: "alles staat er goed in", "dat staat er niet
    # bij", "er staat een fout in" (no one standing anywhere)
    r"|(?:alles|het|dat|dit|die|naam|datum|tijd|plek|team) staat er(?:in|bij| (?:goed|fout"
    r"|verkeerd|niet|nog niet|allemaal|wel|ook) ?(?:in|bij|tussen)?)(?= *(?:[,.!?]|$|maar|en))"
    r"|\bstaat er (?:goed|fout|verkeerd|niet) (?:in|bij|tussen)(?= *(?:[,.!?]|$|maar|en))"
    r"|er staat (?:een fout|iets (?:fout|verkeerds?|niet goed)|een foutje|een typfout) in"
    # where it can be read or seen: "staat in de screenshot", "it's on the photo"
    r"|(?:staat|stond|staan|zit|is|it's|its|it is|they're|shown|visible|te zien) (?:[\w']+ ){0,2}?"
    r"(?:in|op|on) (?:de |het |die |dat |mijn |mn |m'n |the |my |that )?(?:screenshots?"
    r"|schermafbeelding(?:en)?|foto'?s?|photos?|pics?|pictures?|bijlage|attachment|mail"
    r"|e-?mail|chat|app|berichtje|bericht|message)(?= *(?:[,.!?]|$|die|dat|that|i sent|ik stuur))"
    # no help needed, nobody in danger: "geen beveiliging nodig", "he is not dangerous",
    # "all fine now lol", a threat by phone from someone far away ("maar hij zit in Spanje")
    r"|(?:geen|no) (?:beveiliging|security|politie|police|hulp|help) (?:nodig|needed)"
    r"|no need for (?:security|the police|police|help)|(?:is|he's|she's|hes) (?:niet|not)"
    r" gevaarlijk|(?:is|he's|she's|hes) not dangerous|(?:all|everything|alles) (?:is |was )?"
    r"(?:fine|ok|okay|good|goed|prima|in orde) (?:now|nu)\b"
    r"|(?:maar|but) (?:hij|zij|ze|he|she)(?:'s| is| zit| woont)? (?:in het buitenland|abroad"
    r"|ver weg|far away|in another country|in (?:spanje|spain|turkije|turkey|marokko|morocco"
    r"|polen|poland|duitsland|germany|belgie|belgium))\b"
    r")"
)


def harmless(folded: str) -> bool:
    """True when the text puts its danger words in a harmless context and no "now"
    follows that context."""
    found = None
    for found in _HARMLESS.finditer(folded):  # noqa: B007 - only the last one matters
        pass
    return found is not None and _NOW_ONLY.search(folded, found.end()) is None
