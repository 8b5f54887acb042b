"""The account name, phone number, e-mail address or link someone used, as written.

Links, addresses, @handles and phone numbers are taken as they stand; an account name only
where the story introduces it ("account 'zorg.klikker'", "een bericht van 'Pieter
Verhoef'", "via snapchat (j.bakkerrr)"); a quoted sentence is what they wrote, never a name.
"""

from __future__ import annotations

import re

from nlu.facts_base import Extracted, Story

__all__ = ["handle"]

_HANDLE = re.compile(
    # links, with or without a scheme: "https://x.com/abc", "facebook.com/boze.man"
    r"(?P<url>(?:https?://|www\.)[^\s<>\"']+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|nl|net|org|be|eu|io"
    r"|me|tv|app|info)/[^\s<>\"']*)"
    # e-mail addresses
    r"|(?P<mail>\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    # fediverse and @handles: "@vrijdenker@mastodon.social", "@boze_zoon_1980"
    r"|(?P<fedi>(?<![\w@./])@[A-Za-z0-9_][A-Za-z0-9_.]{0,30}@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<at>(?<![\w@./])@[A-Za-z0-9_][A-Za-z0-9_.]{1,30})"
    # Dutch and international phone numbers
    r"|(?P<phone>(?<![\w+])(?:\+|00)\d{1,3}[\s-]?(?:\(0\))?[\s-]?\d(?:[\s-]?\d){6,11}(?!\d)"
    # (a spaced dash after the area code: "020 - 612 34 56")
    r"|(?<![\w+])0\d{1,3}(?:\s?-\s?|\s)?\d(?:[\s-]?\d){5,8}(?!\d))"
)
# An account name: a quoted handle ("'snapjunior07'"), a quoted name after words that
# introduce one ("een bericht van 'Pieter Verhoef'", "an account called 'HonestOpinion'"),
# an unquoted handle after such words ("account zorgsnitch040", "naam: sandy_mama86"), or a
# Reddit user ("u/justice4mum"). A quoted sentence is what they wrote, never a name.
_QUOTE = "['\u2018\u2019\"]"
_CUE = (
    r"(?i:\b(?:van|from|by|called|heet|heten|genaamd|named|naam|name|als|as|account|profiel"
    r"|profile|username|gebruikersnaam|handle|kanaal|channel|afzender|sender)\b)"
)
# A handle-like word: "kiki.baddie.2010", "Gerrit1955", "ghost_nl_99", "DutchCareWatch",
# "NachtZuster_Hater#4412" (not "e.g." or "mevr.Jansen").
_HANDLE_WORD = (
    r"(?!(?:mevr|dhr|mw|mr|mrs|ms|dr|st|nr|tel|bijv|vs)\.)(?:[A-Za-z][A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)+"
    r"|[A-Za-z]+[_\d][A-Za-z0-9_]*[A-Za-z0-9]|[A-Za-z]*[a-z][A-Z][A-Za-z0-9_]*)(?:#\d{4})?"
)
# Name particles, also typed short: "Peter vd Berg", "Jan v.d. Veen", "Anna v/d Wal".
_PARTICLE = r"van|de|der|den|ten|ter|te|vd|v\.d\.|v/d|'t"
# A name as a profile shows it: "Kees van der Wal", "M. Hoogendoorn", "Tessa B", "Jan Klaassen 2".
_PERSON = (
    rf"(?:[A-Z]\.\s?[A-Z][a-z]+|[A-Z][a-z]+(?:\s(?:(?:{_PARTICLE})\s){{0,2}}"
    r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\b\.?|\d{1,4}\b)){1,2})"
)
# ("for": a page's name, "'Justice for Oma Ria'")
_QUOTED_NAME = (
    rf"(?:[A-Z]\.\s?(?:(?:{_PARTICLE})\s){{0,2}})?[A-Z][\w-]*(?:\s(?:(?:{_PARTICLE}|the|of|for|voor)\s){{0,2}}"
    r"(?:[A-Z][\w.-]*|\d{1,4})){0,3}"
)
# A dotted or underscored handle, no abbreviation: "j.bakkerrr", "nurse.sophie.real" (not
# "e.g.", "o.a.", "mevr.Jansen").
_DOTTED = (
    r"(?!(?:e\.g|i\.e|o\.a|a\.u\.b|m\.b\.t|i\.p\.v|d\.w\.z|z\.s\.m|mevr|dhr|mw|mr|mrs|ms|dr|st"
    r"|nr|tel|bijv|vs|etc)\b)(?=[\w.]{5})[A-Za-z][A-Za-z0-9_]*(?:[._][A-Za-z0-9_]+)+"
)
# A handle word in brackets: a dotted one, or letters with digits ("Gerrit1955", not "2x").
_BRACKETED = rf"{_DOTTED}|[A-Za-z][A-Za-z0-9_]*\d[A-Za-z0-9_]*"
_PLATFORM_WORD = (
    r"(?i:snapchat|snap|instagram|insta|ig|facebook(?:\s+messenger)?|fb|messenger|tiktok|twitter"
    r"|x|telegram|linkedin|whatsapp|signal|discord|threads|youtube|reddit|bluesky)"
)
_MULTI = r"[A-Z][\w-]*(?:\s(?:[A-Z][\w.-]*|\d{1,4})){1,3}"
_DOES = (
    r"has|had|is|was|keeps|kept|zet|zette|stuurt|stuurde|bekijkt|plaatst|plaatste|heeft|blijft"
    r"|commented|comments|posted|posts|wrote|writes|sent|sends|left|leaves|schreef|schrijft"
    r"|reageerde|reageert|views|viewed|follows|volgt"
)
# The word for an account, and "is", "heet", ":" after it.
_ACCOUNT = (
    r"(?i:\b(?:account|profiel|profile|profielnaam|accountnaam|username|gebruikersnaam|handle"
    r"|kanaal|channel|reviewer|user|gebruiker|snap|insta|instagram|tiktok|naam|name)"
    r"(?:\s+(?:name|naam))?(?:\s+(?:op|on)\s+\w+)?\s*(?:is|heet|called|named|:|van|from)?\s*)"
)
_ALIAS = re.compile(
    rf"(?<![\w'])u/[A-Za-z0-9_-]{{2,30}}"
    # (also dotted: "een anoniem account 'zorg.klikker'")
    rf"|(?<!\w){_QUOTE}(?P<token>[A-Za-z0-9_.]*[_\d][A-Za-z0-9_.]*|{_DOTTED}){_QUOTE}(?!\w)"
    rf"|{_CUE}[^'\u2018\u2019\"\n.]{{0,25}}?{_QUOTE}(?P<name>{_QUOTED_NAME}|[A-Z][a-z]+[A-Z]\w+)"
    rf"{_QUOTE}"
    # a quoted name of two or more words, when it views, posts or sends (see `_does`)
    rf"|(?<!\w){_QUOTE}(?P<multi>{_MULTI}){_QUOTE}(?!\w)"
    rf"|(?i:\b(?:from|van|vanaf|called|genaamd|named|posting\s+as)\s+)(?P<after>{_HANDLE_WORD})"
    # a name that wrote: "Gerald Tromp commented"
    rf"|(?P<writer>{_PERSON})\s+(?i:commented|posted|replied|wrote|reageerde|schreef|plaatste)\b"
)
# Rarer ways, each read only when a word it needs is in the story (cheap on most stories).
_ALIAS_WHEN: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(guard), re.compile(pattern))
    for guard, pattern in (
        # a quoted name right after the word for a reviewer or user: "reviewer 'moeder van J.'"
        (
            r"\b(?:reviewer|profielnaam|accountnaam|username|gebruikersnaam|user|gebruiker|onder de"
            r" naam|under the name)\b",
            rf"(?i:\b(?:reviewer|profielnaam|accountnaam|username|gebruikersnaam|user|gebruiker"
            rf"|onder de naam|under the name)(?:\s+(?:is\s+)?(?:called|named|heet|genaamd))?"
            rf"\s*:?\s*){_QUOTE}"
            rf"(?P<any>[^'\u2018\u2019\"\n]{{1,30}}?){_QUOTE}(?!\w)",
        ),
        # after the word for an account: "account is nadia.k.xo", "zijn profiel heet Ricardo
        # Veldman", "het profiel van Frank de Boer", "hij heet op fb Kees van der Wal"
        (
            r"account|profiel|profile|username|gebruikersnaam|handle|kanaal|channel|reviewer|user"
            r"|gebruiker|snap|insta|tiktok|naam|name|posting as|heet op",
            rf"{_ACCOUNT}(?:(?P<bare>{_HANDLE_WORD}|[A-Za-z0-9_.]*[_\d][A-Za-z0-9_.]*[A-Za-z0-9_])"
            rf"|(?P<profile>{_PERSON}))"
            rf"|(?i:\b(?:het\s+profiel\s+van|the\s+profile\s+of|posting\s+as|heet\s+op\s+\w+"
            rf"|reviewer\s+heet)\s+)(?P<profile2>{_PERSON})"
            # any word right after "username": "username dennisxx", "gebruikersnaam: lisa"
            r"|(?i:\b(?:username|user\s+name|gebruikersnaam|accountnaam|profielnaam)\s*(?:is\s+|:\s*)?)"
            r"(?P<plain>(?!(?:is|was|unknown|onbekend|weet|not|niet|of|van|i|ik|heet)\b)"
            r"[A-Za-z0-9_.]{3,30}[A-Za-z0-9_])(?![\w@])",
        ),
        (r"\bheet\b", rf"(?P<before>{_HANDLE_WORD})\s+heet\b"),
        # (twenty-third round, b) the account in brackets after its platform: "via snapchat
        # (j.bakkerrr)", "facebook messenger (Jolanda Kuipers)", "(snapchat: kevvv_92)"
        (
            r"\(",
            rf"\b{_PLATFORM_WORD}\s*\(\s*(?P<bracket>{_BRACKETED}|{_PERSON})\s*\)"
            rf"|\(\s*{_PLATFORM_WORD}\s*:\s*(?P<bracketed>{_BRACKETED}|{_PERSON})\s*\)",
        ),
        # a handle a few words after the word for an account: "a fake account with my name,
        # nurse.sophie.real"
        (
            r"\b(?:account|profiel|profile)\b",
            rf"(?i:\b(?:account|profiel|profile)\b)[^.!?\n'\"]{{0,30}}?[\s,:]\s*(?P<near>{_DOTTED})"
            r"(?![\w@])",
        ),
        # a message from a name: "a LinkedIn message from Martin Kessler"
        (
            r"\b(?:message|bericht|reactie|comment|repl|review|dm|post|tweet|snap)",
            rf"(?i:\b(?:message|messages|bericht\w*|reactie\w*|comment\w*|reply|replies|review\w*"
            rf"|dm|dms|post|tweet\w*|snap\w*)\b)[^.!?\n]{{0,50}}?(?i:\b(?:from|van|by|door)\s+"
            rf"(?:(?:his|her|zijn|haar)\s+)?(?:(?:profile|profiel|account)\s+)?)"
            rf"(?P<sender>{_PERSON})",
        ),
        # a quoted name after who posted it: "Geplaatst door 'M. Bakker'", "posted by
        # 'Bezorgde dochter'" (what is quoted is the account's name as it stands)
        (
            r"\b(?:geplaatst|gepost|posted|geschreven|written)\s+(?:door|by)\b",
            r"(?i:\b(?:geplaatst|gepost|posted|geschreven|written)\s+(?:door|by)\s*:?\s*)"
            rf"{_QUOTE}(?P<any>[^'\u2018\u2019\"\n]{{1,30}}?){_QUOTE}(?!\w)",
        ),
        # "schreef Ans Hofman gisteren"
        (
            r"\b(?:schreef|reageerde|postte|plaatste)\b",
            rf"(?i:\b(?:schreef|reageerde|postte|plaatste)\s+)(?P<wrote>{_PERSON})",
        ),
    )
)
# "'Talent Scout Rob' has been viewing", "bekijkt 'Recruiter Mark' elke dag".
_DOES_AFTER = re.compile(rf"\s+(?:{_DOES})\b")
_VIEWS_BEFORE = re.compile(
    r"\b(?:bekijkt|bekeek|stuurt|stuurde|volgt|volgde|zet|zette|heeft|schreef|plaatste|door"
    r"|views|viewed|follows|followed|by)\s+$"
)
# Names of organisations and places are no account: "I'm Noura from District Nursing South".
_ORGANISATION = re.compile(
    r"\b(?:clinic|kliniek|hospital|ziekenhuis|nursing|verpleging|post|gp|care|zorg|service|team"
    r"|ward|afdeling|noord|zuid|north|south|google|facebook|instagram|linkedin)\b"
)
#: A link in brackets right after a name is the account itself: "'Erik de Graaf'
#: (linkedin.com/in/erikdegraaf1970)".
#: An account said to be called so is named as it stands, a place word and all: "account
#: heet Henk Vos Zuid".
_NAMED_ACCOUNT = re.compile(
    r"(?i:(?:account|profiel|profile|accountnaam|profielnaam)\s+(?:heet|is\s+called|is\s+named"
    r"|genaamd|called|named)\s)"
)
_LINK_AFTER = re.compile(r"\s*\(\s*")
_TRAILING = ".,;:!?)'\""
_GROUP_BEFORE = re.compile(
    r"\b(?:groep|group|groepsapp|groupchat|group chat|pagina|page|community|forum|chat)"
    r"\s*:?\s*['\"]$"
)
_PERSON_GROUPS = frozenset(
    ("profile", "profile2", "sender", "writer", "wrote", "bracket", "bracketed")
)
_QUOTED_GROUPS = frozenset(("name", "any", "multi"))


def handle(story: Story) -> Extracted | None:
    """The first account name, phone number, e-mail address or link in the story."""
    found: list[tuple[int, str]] = []
    direct = list(_HANDLE.finditer(story.text))
    for match in direct:
        value = match.group(0).rstrip(_TRAILING)
        if not (match.group("phone") and len(re.sub(r"\D", "", value)) < 9):
            found.append((match.start(), value))
    taken = [m.span() for m in direct]
    matches = list(_ALIAS.finditer(story.text))
    for guard, pattern in _ALIAS_WHEN:
        if guard.search(story.folded):
            matches += pattern.finditer(story.text)
    for match in matches:
        group = next((g for g, v in match.groupdict().items() if v), None)
        start, end = match.span(group) if group else match.span()
        if any(s <= start < e for s, e in taken):  # inside a link or address
            continue
        value = story.text[start:end]
        if (
            group in _PERSON_GROUPS
            and _ORGANISATION.search(value.lower())
            and not _NAMED_ACCOUNT.match(match.group(0))
        ):
            continue
        if group == "multi" and not _does(story.folded, match.start(), match.end()):
            continue
        if _link_follows(story.text, match.end(), direct):
            continue
        found.append((start, value if group in _QUOTED_GROUPS else value.rstrip(_TRAILING)))
    if not found:
        return None
    _, value = min(found)
    return Extracted(value, value)


def _does(folded: str, start: int, end: int) -> bool:
    """Whether a quoted name views, posts or sends, and is no group ("in de groep '...'")."""
    if _GROUP_BEFORE.search(folded, max(0, start - 30), start + 1):
        return False
    return bool(
        _DOES_AFTER.match(folded, end) or _VIEWS_BEFORE.search(folded, max(0, start - 20), start)
    )


def _link_follows(text: str, end: int, direct: list[re.Match[str]]) -> bool:
    """Whether a link in brackets follows a name (the link is the account itself)."""
    opening = _LINK_AFTER.match(text, end)
    return opening is not None and any(
        m.group("url") and m.start() == opening.end() for m in direct
    )
