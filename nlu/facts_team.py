"""The melder's team, from the organisation's own team names (and aliases) in a story.

Names are matched as whole words ("HAP", "kliniek noord") and fuzzily with rapidfuzz when
they are long enough ("wijkverpleging zuidd", "the GP out-of-hours service"), also by a
part or a long word only that team's names have ("de huisartsenpost"). A team only counts
where the melder says they work there ("ik werk op de HAP", "bij ons op", "our GP post",
"North Clinic here", a name on its own after the story): a place that is only the scene
("bij de ingang van de kliniek") says nothing about their team. Two teams: nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from nlu.facts_base import Extracted, Story, negated
from nlu.text import fold

__all__ = ["team"]

#: Words of team names that name no team on their own ("Kliniek Noord": "noord").
_GENERIC = frozenset(
    (
        "de", "het", "van", "en", "the", "of", "and", "team", "teams", "locatie", "location",
        "afdeling", "department", "service", "dienst", "zorg", "care", "nursing", "verpleging",
        "noord", "zuid", "oost", "west", "north", "south", "east", "centrum", "centre",
        "center", "out", "hours", "gp", "post",
    )
)  # fmt: skip
#: Generic words that may tell a team apart after "ik werk op" ("noord", "zuid").
_REGIONS = frozenset(
    ("noord", "zuid", "oost", "west", "north", "south", "east", "centrum", "centre", "center")
)
_DISTINCT_LENGTH = 6  # a single word names a team when it is this long and only theirs
_PHRASE_LENGTH = 10  # part of a team's name ("gp out of hours") names it when this long
_SCORE = 90
_TOKEN = re.compile(r"[\w'&]+")

#: A team the melder only stood in for: "viel gisteren in op kliniek noord", "was filling in
#: at the HAP", "extra dienst gedraaid op" (their own team is another).
_STAND_IN = re.compile(
    r"\b(?:viel|val|vallen|ingevallen|invallen|inval|invaller)\b(?:\s+\S+){0,3}?\s+(?:in\s+)?(?:op|bij)"
    r"\s+(?:de\s+|het\s+)?$|\b(?:filling|filled|covering|covered)\s+(?:in\s+)?(?:\S+\s+){0,3}?"
    r"(?:at|on|for)\s+(?:the\s+)?$|\bextra\s+dienst\s+(?:\S+\s+){0,2}?(?:op|bij)\s+(?:de\s+)?$"
)
_WORK_BEFORE = re.compile(
    # a sign-off with the role: "groetjes Lotte, vpk kliniek noord"
    r"\b(?:vpk|verpleegkundige|verzorgende|nurse|hca)\s+$|"
    r"\b(?:ik werk|werk ik|ik zit|werkzaam|(?<!het )werk(?:t)?|bij ons|onze|ons team|mijn team"
    r"|van ons|i work|our|ours|my team|team|works?|working|collega\w*|colleagues?)\b[^.!?]{0,45}$"
    # "ik ben Marieke van ...", "i'm district nursing south", "i'm Emily with ..."
    r"|\b(?:ik ben|i'?m|i am)(?:\s+(?:ook|also|zelf))?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:(?:van|bij|op|in|with|from|at|on)\s+)?(?:de\s+|het\s+|the\s+)?$"
    # (not "stond voor de kliniek": in front of it)
    r"|(?<!stond )(?<!staan )(?<!staat )(?<!buiten )\b(?:for|voor)\s+(?:de\s+"
    r"|the\s+)?$"
    # "wij vd huisartsenpost", "wij werken allebei op de huisartsenpost"
    r"|\b(?:wij|we)\s+(?:vd|van\s+de|van\s+het|from\s+the|werken|werkten)\b[^.!?]{0,30}$"
    # "I do triage at the HAP", "ik doe nachten op kliniek noord", "a triage nurse at the"
    r"|\b(?:ik doe|i do|ik draai|i'?m an?|ik ben een)\s+(?:[\w-]+\s+){0,3}?(?:op|at|bij|in|for"
    r"|voor)\s+(?:de\s+|het\s+|the\s+)?$"
    # "ik assisteer op de hap", "ik sta op de receptie van", "belde naar ons op de"
    r"|\b(?:ik assisteer|ik sta|ik rij\s+\w+|i assist)\s+(?:[\w-]+\s+){0,3}?(?:op|bij|voor|van|at"
    r"|on|for)\s+(?:de\s+|het\s+|the\s+)?$|\bnaar\s+ons\s+(?:op|bij)\s+(?:de\s+|het\s+)?$"
    # "this is Tom from the", "Amina from the" opening the story, "dit is Nadia van"
    # (a room or spot of the place is the scene: "wachtkamer van de hap: ...")
    r"|(?:^|\b(?:this is|dit is|hier is|it'?s)\s+)(?!\w*(?:kamer|ruimte|room|hal|gang|balie|ingang"
    r"|uitgang|deur|door|plaats|park|parking|receptie|reception|lift|trap|desk|entrance|corridor"
    r"|hallway|lobby|wachtzaal|toilet\w*)\b)[\w-]+(?:\s+[\w-]+)?\s+(?:from|van|uit|of)\s+"
    r"(?:de\s+|het\s+|the\s+)?$"
    # "Sanne here, triage at the", "Tom hier, nachtdienst op de"
    r"|^\W*(?:(?:hi|hoi|hey|hallo)[,!]?\s+)?[\w-]+\s+(?:here|hier)[,.:]?\s+(?:[\w-]+\s+){0,3}?"
    r"(?:at|on|in|for|op|bij|van|voor|from|uit)\s+"
    r"(?:de\s+|het\s+|the\s+)?$"
    # the Dutch way to open a call: "hoi met Fatima van", "met Femke van de"
    r"|^\W*(?:(?:hoi|hallo|hi|hey|goedemorgen|goedemiddag|goedenavond|dag)[,!]?\s+)?met\s+[\w-]+"
    r"(?:\s+[\w-]+)?\s+(?:van|uit|bij)\s+(?:de\s+|het\s+)?$"
    # "my shift at the", "mijn dienst op", "the triage desk at the", "the triage phone at"
    r"|\b(?:my|mijn|mn|our|onze)\s+(?:[\w-]+\s+)?(?:shift|dienst|werk|work|job|baan)\s+"
    r"(?:at|op|bij|in)\s+(?:de\s+|het\s+|the\s+)?$"
    r"|\b(?:zat ik|stond ik|was ik)\s+(?:bij|op)\s+(?:de\s+|het\s+)?$"
    # (twenty-third round, b) the melder's shift: "I was on night shift at kliniek noord",
    # "ik had nachtdienst op", "i'm doing a late shift at the"
    r"|\b(?:i was|i'?m|im|i am|i had|i did|i worked|i was working|ik had|ik was|ik deed|ik draaide"
    r"|ik stond|ik zat|ik werkte|had ik|draaide ik|stond ik)\s+(?:on\s+|op\s+|doing\s+|working\s+)?"
    r"(?:a\s+|the\s+|een\s+|de\s+|my\s+|mijn\s+|mn\s+|m'n\s+)?(?:[\w-]+\s?)?(?:shift|dienst)\s+"
    r"(?:at|on|in|for|op|bij|voor)\s+(?:de\s+|het\s+|the\s+)?$"
    r"|\b(?:i was|i'?m|im|ik zat|ik stond|ik was)\s+(?:on|at|op|aan|achter|behind)\s+(?:the|de|het)"
    r"\s+(?:[\w-]+\s+){0,3}?(?:at|of|op|van|bij|in)?\s*(?:de\s+|het\s+|the\s+)?$"
    # a place for staff only: "op de personeelsparkeerplaats van de kliniek", "the staff
    # entrance of the clinic"
    r"|\b(?:personeels\w+|staff\s+(?:car\s+park|parking|entrance|room|toilets?|canteen))\s+"
    r"(?:van|of|at|bij)\s+(?:de\s+|het\s+|the\s+)?$"
    # "wijkverpleegkundige bij wijkverpleging zuid", "triage nurse at the GP post"
    r"|\b(?:\w*verpleegkundige|verzorgende|\w*assistente?|triagist|nurse|carer|receptionist"
    r"|\w*begeleider|arts|doctor|gp|huisarts)\s+(?:bij|op|in|at|with|for)\s+(?:de\s+|het\s+|the\s+)?$"
)
# Right before a word of a team's name that is no name on its own ("noord", "zuid"): the
# melder says they work there in so many words ("ik werk op noord", "wijkteam zuid").
_WORK_RIGHT_BEFORE = re.compile(
    r"(?:\b(?:werk|werkt|work|works|zit|ben|i'?m)\s+(?:\w+\s+){0,2}?(?:op|bij|in|at|on|with|for)"
    r"\s+(?:de\s+|het\s+|the\s+)?(?:\w*team\s+)?|\b\w*team\s+|\b\w*(?:ward|afdeling)\s+)$"
)
_WORK_AFTER = re.compile(
    r"^[^.!?]{0,20}?\b(?:hier|here|daar werk ik|waar ik werk|where i work|that'?s my team"
    r"|is mijn team|werk ik|daar werk|my team|mijn team|is where i work|ik doe de triage"
    r"|i do (?:the )?triage)\b"
)
_WORKS_THERE = re.compile(
    r"\b(?:i work there|ik werk daar|daar werk ik|waar ik werk|where i work|ik werk er"
    r"|i work here|ik werk hier|ik werk daar zelf|ik werk zelf daar)\b"
    # "i do the evening shifts there", "ik draai daar de avonddiensten", "i'm a triage nurse
    # there", "i work on the front desk there"
    r"|\b(?:i work|i do|ik werk|ik doe|ik draai)\b[^.!?]{0,30}?\b(?:there|daar)\b"
    r"|\b(?:i'?m|i am|ik ben)\s+(?:a|an|een|the|de)\s+[\w'-]+(?:\s+[\w-]+)?\s+(?:there|daar)\b"
    r"|\bik ben daar\s+(?:\w+\s+)?(?:triagist|assistente?|verpleegkundige|verzorgende|arts"
    r"|doktersassistente?|medewerker|werkzaam|in dienst)\b"
)
_ABBREVIATED = re.compile(r"\b(afd|kmr|nr|ca)\.")
_FRAGMENT = re.compile(r"[.,;!?\n()]|:(?!\d)")

TeamNames = tuple[tuple[str, tuple[str, ...]], ...]
_TeamWords = tuple[re.Pattern[str], tuple[str, ...], tuple[str, ...], frozenset[str]]


def team(story: Story) -> Extracted | None:
    """The melder's team (a team id), or None (see the module docstring)."""
    if len(story.teams) < 2:
        return None
    # ("ik werk op afd. 5 bij kliniek noord": the abbreviation's full stop ends no sentence)
    folded = _ABBREVIATED.sub(r"\1 ", story.folded.replace("-", " "))
    anywhere = bool(_WORKS_THERE.search(folded))
    names = tuple((t, tuple(n)) for t, n in sorted(story.teams.items()))
    own = {t: frozenset(_folded(" ".join((*n, t))).split()) for t, n in names}
    hits: dict[str, tuple[int, int]] = {}
    for team_id, spans in _mentions(names, folded).items():
        for start, end, said_to_work in spans:
            if negated(folded, start, end) or _STAND_IN.search(folded, max(0, start - 40), start):
                continue
            if said_to_work or anywhere or _works_there(folded, start, end, own[team_id]):
                hits.setdefault(team_id, (start, end))
    if len(hits) != 1:
        return None
    [(team_id, (start, end))] = hits.items()
    return Extracted(team_id, story.words(start, end))


def _works_there(folded: str, start: int, end: int, own: frozenset[str] = frozenset()) -> bool:
    """Whether a mention says the melder works there, or stands on its own (beside the
    team's `own` name words, a day, a time or a shift: "HAP De Linde", "sunday 03:00
    nightshift kliniek noord")."""
    if _WORK_BEFORE.search(folded[max(0, start - 60) : start]):
        return True
    if _WORK_AFTER.search(folded[end : end + 40]):
        return True
    left = max((m.end() for m in _FRAGMENT.finditer(folded, 0, start)), default=0)
    right_match = _FRAGMENT.search(folded, end)
    right = right_match.start() if right_match else len(folded)
    before = _without_rooms(folded[left:start].split())
    rest = [*before, *_without_rooms(folded[end:right].split())]
    if not all(w in _TAG_WORDS or w in own or _WHEN_TAG.fullmatch(w) for w in rest):
        return False
    # a time beside a place is a scene: "at the huisartsenpost yesterday" (not "hap de linde
    # sunday around 2 in the afternoon")
    timed = any(w not in _TAG_WORDS and w not in own for w in rest)
    return not (timed and any(w in _AT for w in before))


def _without_rooms(words: list[str]) -> list[str]:
    """The words without a room's number: "room 12 on North Clinic" names no time."""
    return [w for i, w in enumerate(words) if not (i and words[i - 1] in _ROOMS and w.isdigit())]


_ROOMS = frozenset(("room", "kamer", "bed"))
#: Words that may stand beside a team's name in a tag of its own ("verpleegpost kliniek
#: noord, 06:45", "Nurses' station, Kliniek Noord"): the place of work, no scene.
_TAG_WORDS = frozenset(
    ("de", "het", "the", "team", "op", "at", "on", "bij", "verpleegpost", "teampost", "afdeling",
     "ward", "afd", "unit", "room", "kamer", "bed")
)  # fmt: skip

_AT = frozenset(("op", "at", "bij", "in", "on"))
#: When-words a tag may hold: "sunday 03:00 nightshift kliniek noord".
_WHEN_TAG = re.compile(
    r"\d{1,2}(?:[:.]\d{2})?(?:u|h|am|pm|uur)?|\d{1,2}[-/]\d{1,2}|(?:maan|dins|woens|donder"
    r"|vrij|zater|zon)dag\w*|(?:mon|tues|wednes|thurs|fri|satur|sun)day\w*|(?:avond|nacht"
    r"|dag|ochtend|late|vroege)?dienst|(?:night|late|early|day|evening)\s?shift|nightshift"
    r"|gisteren|gister|vandaag|yesterday|today|vanochtend|vannacht|vanavond|tonight"
    r"|vorige|afgelopen|last|week|around|rond|om|ongeveer|in|afternoon|morning|evening|'s"
    r"|ochtends|middags|avonds|nachts"
)


def _mentions(names: TeamNames, folded: str) -> dict[str, list[tuple[int, int, bool]]]:
    """Per team, where the story names it, and whether the words right before already say
    the melder works there (needed for a generic word such as "noord")."""
    found: dict[str, list[tuple[int, int, bool]]] = {}
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(folded)]
    for team_id, (exact, phrases, words, generic) in _team_words(names).items():
        spans = [(*m.span(), False) for m in exact.finditer(folded)]
        spans += [(s, e, False) for s, e in _phrase_spans(phrases, folded)]
        spans += [(s, e, False) for s, e in _word_spans(words, tokens)]
        spans += [
            (start, end, True)
            for start, end, token in tokens
            if token in generic and _WORK_RIGHT_BEFORE.search(folded, max(0, start - 40), start)
        ]
        if spans:
            found[team_id] = sorted(set(spans))
    return found


def _phrase_spans(phrases: tuple[str, ...], folded: str) -> list[tuple[int, int]]:
    found = []
    for phrase in phrases:
        aligned = fuzz.partial_ratio_alignment(phrase, folded, score_cutoff=_SCORE)
        if aligned is None:
            continue
        start, end = aligned.dest_start, aligned.dest_end
        while start > 0 and folded[start - 1].isalnum():
            start -= 1
        while end < len(folded) and folded[end].isalnum():
            end += 1
        if end - start <= len(phrase) + 3:
            found.append((start, end))
    return found


def _word_spans(
    words: tuple[str, ...], tokens: list[tuple[int, int, str]]
) -> list[tuple[int, int]]:
    # A typo keeps the first letter: only tokens that start like the word are compared.
    return [
        (start, end)
        for word in words
        for start, end, token in tokens
        if token[:1] == word[:1]
        and abs(len(token) - len(word)) <= 2
        and fuzz.ratio(word, token) >= _SCORE
    ]


@lru_cache(maxsize=8)
def _team_words(teams: TeamNames) -> dict[str, _TeamWords]:
    """Per team: its names as whole words, the parts of its names no other team has (for
    fuzzy matching, longest first), its long words no other team has, and its generic
    words no other team has ("noord"), which count only right after "ik werk op"."""
    grams = {t: _ngrams((*names, t)) for t, names in teams}
    words = {t: {w for g in grams[t] for w in g.split() if w not in _GENERIC} for t in grams}
    generic = {t: {w for g in grams[t] for w in g.split() if w in _REGIONS} for t in grams}
    found = {}
    for team_id, names in teams:
        other_grams = set().union(*(g for t, g in grams.items() if t != team_id))
        other_words = set().union(*(w for t, w in words.items() if t != team_id))
        whole = sorted(
            _with_english_article({_folded(n) for n in (*names, team_id)}), key=len, reverse=True
        )
        exact = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in whole) + r")(?!\w)")
        phrases = sorted(
            (g for g in grams[team_id] - other_grams if len(g) >= _PHRASE_LENGTH and " " in g),
            key=len,
            reverse=True,
        )
        distinct = sorted(w for w in words[team_id] - other_words if len(w) >= _DISTINCT_LENGTH)
        others = set().union(*(g for t, g in generic.items() if t != team_id))
        found[team_id] = (
            exact,
            tuple(phrases),
            tuple(distinct),
            frozenset(generic[team_id] - others),
        )
    return found


def _with_english_article(names: set[str]) -> set[str]:
    """The names, and a Dutch one with "the" for its article: melders writing English keep
    a team's Dutch nickname ("I work in the wijk" for "de wijk")."""
    return names | {_DUTCH_ARTICLE.sub("the", n) for n in names if _DUTCH_ARTICLE.search(n)}


_DUTCH_ARTICLE = re.compile(r"\b(?:de|het)\b")


def _folded(name: str) -> str:
    return " ".join(fold(name).replace("-", " ").replace("_", " ").split())


def _ngrams(names: Sequence[str]) -> set[str]:
    """Every run of words of the names, folded, hyphens as spaces."""
    found: set[str] = set()
    for name in names:
        tokens = _TOKEN.findall(_folded(name))
        for size in range(1, len(tokens) + 1):
            for i in range(len(tokens) - size + 1):
                found.add(" ".join(tokens[i : i + size]))
    return found
