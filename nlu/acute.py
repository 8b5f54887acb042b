"""Rules that recognise acute danger *now* in Dutch and English (DESIGN.md §3 rule 4).

The rules run on every message next to the classifier. They aim at present-tense danger:
a story about last week must not trigger them (the classifier may still route it). Matching
is case- and accent-insensitive, tolerates stretched letters ("hellllp"), one typo in the
longer key words ("gevar", "aangevalen") and contractions without an apostrophe ("hes").
A message is read whole, however long (up to `MAX_SCAN_CHARS`): an emergency may close a
long story. `read` returns the name of the pattern that fired and the kinds of danger, never
any of the text, so it is safe to log.

The patterns and word lists are data in `nlu.acute_patterns` and `nlu.acute_words`; the
text fold and typo tolerance are in `nlu.rule_text`, the reading of tense in `nlu.tense`.
This module adds the tense guards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import takewhile

from nlu.acute_patterns import PATTERNS, AcutePattern, Category
from nlu.acute_words import CATEGORY_WORDS, expand_macros
from nlu.all_clear import all_clear_phrases
from nlu.figures_of_speech import without_figures
from nlu.harmless_context import harmless
from nlu.past_frame import historic_present
from nlu.rule_prefilter import Candidates, Prefilter
from nlu.rule_text import MAX_SCAN_CHARS, normalise_for_rules
from nlu.story_tail import (
    RECORDED_BEFORE,
    RECORDED_INSIDE,
    recorded_or_worried,
)
from nlu.tense import (
    closed_at_end,
    hypothetical,
    names_event,
    story_closed_at,
    told_in_past,
)
from nlu.text import quoted
from nlu.tool_use import everyday_use, no_weapon_now, threat_kind_named, tool_in_use

__all__ = ["AcuteDangerRules", "AcuteReading", "Category"]

# A clause starts after sentence punctuation or a conjunction, or after a comma that opens a
# clause in the present: "... took the key, i can't get out".
_CLAUSE_BREAK = re.compile(
    expand_macros(
        r"[.!?;:\n]|\b<CONJ>\b"
        r"|,(?= (?:i|we|he|she|they|ik|hij|ze|zij|wij)(?:'m|'re|'s)? <PRESENT>\b)"
        # "..., he's banging on the windows": a progressive after a comma
        r"|,(?= (?:he|she|they)(?:'re|'s| is| are) (?:now |still )?[a-z]{3,}ing\b)"
        # what is sensed now: "... opened the door to his room, i hear them fighting"
        r"|,(?= (?:i|we|ik|wij|we) (?:can )?(?:hear|see|hoor|horen|zie|zien)\b)"
        # a new subject in the present after a comma: "he pulled a knife, patients hiding
        # behind the desk", "..., the hall is burning", "..., he's been trying the handle"
        r"|,(?= (?:(?:the|de|het|our|onze|my|mijn)\s+)?\w+ (?:is|are|staat|staan|ligt|zit)"
        r" \w+ing\b)"
        r"|,(?= (?:patients|people|everyone|colleagues|clients|residents|kids) \w+ing\b)"
        # "locked in the med room, family member banging on the door"
        r"|,(?= (?:(?:a|the|his|her|some|een|de)\s+)?(?:\w+\s+)?(?:member|man|woman|guy|lad"
        r"|patient|pt|client|son|dad|father|mother|husband|wife|relative|visitor|someone"
        r"|somebody) \w+ing\b)"
        r"|,(?= (?:he|she|they)(?:'s|'re| has| have) been \w+ing\b)"
        # (thirty-fourth round) a present participle or help not come after a comma: "picked up a
        # big bit of glass, standing in front of the only exit", "pulled a blade, security not
        # here yet"
        r"|,(?= (?:still |now )?(?:standing|sitting|holding|waiting|hiding|blocking|swinging"
        r"|waving|pointing)\b)"
        r"|,(?= (?:security|police|beveiliging|bev|politie|backup|back-up)\b)"
        # where the aggressor is now, after a comma: "he took my phone, he's right outside"
        r"|,(?= (?:he|she|they)(?:'s|'re| is| are) (?:now |still |right |just )*(?:outside"
        r"|here|behind|next to|near|at the|in the)\b)"
        # a question of what to do now: "..., do we evacuate", "..., moeten we weg"
        r"|,(?= (?:do|should|shall|must|can|moeten|moet|kan|kunnen|mogen) (?:i|we|ik|wij)\b)"
    )
)
# After the match a comma also ends the clause: "he's at my door, yesterday he was too".
_TAIL_BREAK = re.compile(expand_macros(r"[,.!?;:\n]|\b<CONJ>\b"))
_SENTENCE_BREAK = re.compile(r"[.!?;\n]")
# An afterthought that closes the sentence in the past: "..., dat was vorige week".
_AFTERTHOUGHT = re.compile(
    r"\b(?:dat|het|dit|that|it|this) (?:was|were|gebeurde|happened|is gebeurd|is geweest)\b"
)
# A cry quoted and then reported as said: "'He's still hitting her!' is what I shouted to the
# police yesterday", "'Hij heeft een mes!' riep mijn collega gisteren".
_QUOTE_REPORTED = re.compile(
    r"(?:[^'\"]|(?<=\w)'(?=\w)){0,60}?['\"](?!\w)\s*[,.!]?\s*(?:(?:is|was|that'?s) what\s+)?"
    r"(?:[\w']+\s+){0,3}?"
    r"(?:riep|zei|schreeuwde|gilde|brulde|appte|schreef|shouted|said|yelled|screamed|wrote"
    r"|texted|cried)\b"
)


# Verbs of saying, and a present-tense clause after one ("said he's on his way").
_SAID = re.compile(
    r"said|told|zei|zeiden|belde|appte|texted|rang|called|wrote|schreef|sent|stuurde"
    # the melder telling the bot: "i should tell you the man in bay 3 has a machete"
    r"|tell|vertellen|vertel"
)
#: Said on a platform: "he said online he'll stab me", "schreef op insta dat ie me gaat
#: steken" is a threat to report, not danger at the door (a call stays danger: "she rang to
#: say he's outside").
_SAID_ONLINE = re.compile(
    r"\b(?:online|in (?:a|een) (?:post|comment|reactie|dm|story|bericht|message)|(?:on|op|via)"
    r" (?:de |het |the )?(?:insta|instagram|ig|facebook|fb|twitter|x|tiktok|snapchat|linkedin"
    r"|youtube|social media|sociale media|whatsapp|internet))\b"
)
#: What a "just" cannot bring to the present: "zie net het nieuws over die steekpartij".
_NEWS = re.compile(expand_macros("<MEDIA>"))
_SAYS_PRESENT = re.compile(
    r"\b(?:he|she|they|hij|ze|zij|ie)(?:'s|'re| is| are| komt| staat| zit| gaat| heeft| has"
    r"| will|'ll| wil| kom)\b|\bdat (?:[\w']+ ){1,5}?(?:is|komt|staat|zit|gaat|heeft|wacht)\b"
    r"|\b(?:man|woman|guy|bloke|lad|patient|pt|client|son|dad|father|husband|visitor|someone"
    r"|somebody|iemand|vrouw|meneer|jongen)\b(?: [\w']+){0,4}? (?:has|is|heeft|staat|zit)\b"
)
#: "Just" right before a past verb: a moment ago ("net", "zojuist" in Dutch).
_JUST_BEFORE = re.compile(r"\b(?:just|zojuist)\s+$")
_JUST_AFTER = re.compile(r"\s+(?:hem|haar|ze|him|her|them)?\s*(?:net|zojuist|just now)\b")
#: How far before a match the guards look for the start of its clause: bounds the work per
#: match in a long message (a clause is rarely longer).
_CLAUSE_REACH = 300


#: "HELP", "HULP!!", "HELP ME" typed in capitals as the whole message: a cry, where a bare
#: lower-case "help" is how people ask for the menu. Read before folding (which lowers).
_SHOUTED_HELP = re.compile(r"\W*(?:HELP|HULP|HELLUP|HLEP)(?:\W+(?:HELP|HULP|ME|MIJ|ONS))*\W*")


# The event named as what came before: "na de vechtpartij is het weer rustig", "after the
# fight he was moved".
_AFTER_THE = re.compile(r"\b(?:na|after) (?:de|het|dat|die|the|that|this) (?:[\w']+ )?$")
# ... inside the match: "heeft nu een apotheekverbod na dat gedoe met de hamer"
_AFTER_THE_INSIDE = re.compile(
    r"\b(?:na|after) (?:dat|het|de|that|the) (?:gedoe|incident|voorval|toestand|gebeuren"
    r"|business|thing) (?:met|with)\b"
)


def _reported_or_recorded(text: str, start: int, end: int) -> bool:
    """A match in words quoted as said, in a record ("history of arson", "a tattoo of a
    gun") or named as what came before ("na de vechtpartij"): no act now."""
    inside = start + 1 if text[start : start + 1] in "'\"" else start  # ("'help, ...")
    if quoted(text, inside) and _QUOTE_REPORTED.match(text, end) is not None:
        return True
    if (
        _AFTER_THE.search(text, max(0, start - 25), start) is not None
        or _AFTER_THE_INSIDE.search(text, start, end) is not None
    ):
        return True
    return (
        RECORDED_BEFORE.search(text, max(0, start - 60), start) is not None
        or RECORDED_INSIDE.search(text, start, end) is not None
    )


# A verb in the simple past right after its bare subject in a clause of where or when, which
# reads like a participle: "in the corridor where he pinned me", "at 3am when the clt set
# fire to his mattress" (not "he's cornered me"; and "in the lift with him, he pressed stop"
# is what he just did).
_BARE_SUBJECT = re.compile(r"\b(?:where|when|waar|toen) (?:he|she|they|the \w+|a \w+)\s+$")
_SIMPLE_PAST = re.compile(r"(?:\w+ed|set|hit|put|cut|shut|threw|grabbed|stabbed)\b")


def _simple_past(text: str, start: int) -> bool:
    """Whether a match opens with a verb in the simple past after its bare subject."""
    return (
        _SIMPLE_PAST.match(text, start) is not None
        and _BARE_SUBJECT.search(text, max(0, start - 25), start) is not None
    )


def _matches(
    regex: re.Pattern[str], text: str, start: int, places: list[int] | None
) -> Iterator[re.Match[str]]:
    """The matches of `regex` from `start` on, overlapping, leftmost first: a later match
    may pass the tense guards when the first fails. With the `places` where a match can
    start (from the prefilter), only those are tried: a long pattern is not run at every
    character."""
    if places is None:
        position = start
        while (hit := regex.search(text, position)) is not None:
            yield hit
            position = hit.start() + 1
        return
    for place in places:
        if place >= start and (hit := regex.match(text, place)) is not None:
            yield hit


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007 - only the last one matters
        pass
    return last


@dataclass(frozen=True)
class AcuteReading:
    """What the rules read in a message: danger now (the first pattern that fired, the kinds
    of danger, most specific first, and whether the melder is on a home visit), or a story
    told in the past (`past`)."""

    pattern: str | None = None
    categories: tuple[Category, ...] = ()
    past: bool = False
    home_visit: bool = False
    #: Names a place or a thing but nothing happening ("op de parkeerplaats bij mn auto",
    #: an answer to 'where'): no verb, no "now", no danger word, no cry for help.
    no_event: bool = False
    #: Danger words in a harmless context: a weapon hung up as decoration, toys, a past
    #: incident in a file, a report made afterwards for someone else.
    harmless: bool = False

    @property
    def acute(self) -> bool:
        """Whether a rule recognised danger now."""
        return self.pattern is not None


class AcuteDangerRules:
    """Recognises acute danger with the `PATTERNS` and tense guards."""

    def __init__(self, patterns: tuple[AcutePattern, ...] = PATTERNS) -> None:
        self._patterns = [(p.name, re.compile(expand_macros(p.pattern))) for p in patterns]
        self._regex = dict(self._patterns)
        self._priority = {name: rank for rank, (name, _) in enumerate(self._patterns)}
        needs = {p.name: expand_macros(rf"(?<!\w)(?:{p.needs})") for p in patterns if p.needs}
        self._needs = {name: re.compile(pattern) for name, pattern in needs.items()}
        # Which rules can match at all, by the beginnings of their quick test (or pattern).
        self._may_match = Prefilter(
            {p.name: needs.get(p.name) or expand_macros(p.pattern) for p in patterns}
        )
        self._categories = {p.name: p.category for p in patterns}
        self._words = [
            (category, re.compile(expand_macros(rf"\b(?:{words})\b")))
            for category, words in CATEGORY_WORDS.items()
        ]
        self._before = re.compile(
            expand_macros(r"\b(?:<PAST_TIME>|<HABIT>|<PAST_FINITE>|<REPORTING>)\b")
        )
        self._inside = re.compile(expand_macros(r"\b(?:<PAST_TIME>|<HABIT>)\b"))
        self._after = re.compile(expand_macros(r"\b(?:<PAST_TIME>|<HABIT>|<PAST_FINITE>)\b"))
        self._participle = re.compile(expand_macros(r"\b<PARTICIPLE>\b"))
        self._passive = re.compile(r"\b(?:word|wordt|worden)\b")
        self._reset = re.compile(expand_macros(r"\b<RESET>\b"))
        self._past_time = re.compile(expand_macros(r"<PAST_TIME>"))
        # A present main verb after a past time that only dates a relative clause: "the guy
        # I had a row with yesterday is at the exit", "de man die gisteren schold staat ...".
        self._copula = re.compile(r"\b(?:is|are|'s|'re|staat|staan|zit|zitten)\b")
        # ("the guy from this morning is trying codes": a past time that names who.)
        self._relative = re.compile(
            r"\b(?:who|whom|that|which|i|he|she|we|they|die|dat|wie|waar|ik|hij|zij|ze|we|from"
            r"|van)\b"
        )
        self._past_finite = re.compile(expand_macros(r"<PAST_FINITE>"))
        self._relative_pronoun = re.compile(r"\b(?:who|whom|which|die)\b")
        self._just = re.compile(r"\b(?:just|net|zojuist) (?!like |als |zoals )(?:[\w']+ ){0,3}$")
        self._home_visit = re.compile(expand_macros(r"\b<HOME_VISIT>\b"))

    @property
    def names(self) -> tuple[str, ...]:
        """The pattern names in priority order."""
        return tuple(name for name, _ in self._patterns)

    def match(self, text: str) -> str | None:
        """The name of the first pattern that recognises acute danger, or None."""
        return self.read(text).pattern

    def read(self, text: str) -> AcuteReading:
        """Danger now, with its kinds; or whether the message tells of the past."""
        try:
            if _SHOUTED_HELP.fullmatch(text) is not None:
                return AcuteReading("help_cry", (Category.DANGER,))  # (as "help!" is)
            folded = normalise_for_rules(text, MAX_SCAN_CHARS)
            if not folded:
                return AcuteReading()
            return self._read(folded)
        except Exception:  # never let odd input break the caller's safety check
            return AcuteReading()

    def _read(self, folded: str) -> AcuteReading:
        if hypothetical(folded) or historic_present(folded):
            return AcuteReading(past=True)
        plain, taken_back = without_figures(folded)
        if plain == folded:
            return self._read_events(folded)
        # Without its figures of speech and what a joke took back; danger found in what is
        # left is read again in the whole text, where its context may make it harmless.
        reading = self._read_events(plain, taken_back=taken_back)
        return self._read_events(folded) if reading.acute else reading

    def _read_events(self, folded: str, *, taken_back: bool = False) -> AcuteReading:
        candidates = self._may_match.candidates(folded)
        first, found, fired = self._scan(folded, 0, candidates)
        if first is not None:
            # Danger told before the story is closed ("dat was donderdag", "maar nu is het
            # goed") belongs to the story: only danger after that point counts. (Looked for
            # only when a rule fired: most messages name no danger at all; and only the rules
            # that fired can fire after that point.)
            story_end = story_closed_at(folded, all_clear_phrases(folded))
            if story_end > 0:
                first, found, fired = self._scan(folded, story_end, candidates, fired)
                if first is None:
                    return AcuteReading(past=True, harmless=harmless(folded))
        if first is None:
            # A rule refused in one clause says nothing of the others ("he took my phone, he's
            # at the door"): only a message told wholly in the past overrules the classifier.
            return AcuteReading(
                past=told_in_past(folded) or closed_at_end(folded),
                no_event=not names_event(folded),
                harmless=taken_back or harmless(folded) or recorded_or_worried(folded),
            )
        if len(found) > 1:
            found.discard(Category.DANGER)
        kinds = tuple(c for c in Category if c in found)
        if kinds == (Category.WEAPON,) and _no_weapon_in_hand(folded):
            return AcuteReading(harmless=True)
        return AcuteReading(first, kinds, home_visit=self._home_visit.search(folded) is not None)

    def _scan(
        self, folded: str, start: int, candidates: Candidates, only: set[str] | None = None
    ) -> tuple[str | None, set[Category], set[str]]:
        """The first pattern (of `only`, if given) whose match from `start` on passes the
        tense guards, the kinds of danger of all such patterns, and their names."""
        first: str | None = None
        found: set[Category] = set()
        fired: set[str] = set()
        names = candidates.names if only is None else candidates.names & only
        for name in sorted(names, key=self._priority.__getitem__):
            regex = self._regex[name]
            places = candidates.places(name)
            needs = self._needs.get(name)
            if needs is not None:
                if next(_matches(needs, folded, 0, places), None) is None:
                    continue
                places = None  # (where the quick test matched is not where the rule does)
            for hit in _matches(regex, folded, start, places):
                if self._in_the_present(folded, hit.start(), hit.end()):
                    first = first or name
                    fired.add(name)
                    found.add(self._categories[name] or self._words_category(folded, hit))
                    break
        return first, found, fired

    def _words_category(self, text: str, hit: re.Match[str]) -> Category:
        """The kind of danger the words of the matched sentence name ("help, a knife!")."""
        before = _last(
            _SENTENCE_BREAK.finditer(text, max(0, hit.start() - _CLAUSE_REACH), hit.start())
        )
        start = before.end() if before is not None else max(0, hit.start() - _CLAUSE_REACH)
        after = _SENTENCE_BREAK.search(text, hit.end(), hit.end() + _CLAUSE_REACH)
        end = after.start() if after is not None else min(len(text), hit.end() + _CLAUSE_REACH)
        for category, words in self._words:
            if words.search(text, start, end) is not None:
                return category
        return Category.DANGER

    def _past_time_then_present(
        self, text: str, clause_start: int, marker: re.Match[str], end: int
    ) -> bool:
        """Whether the marker only dates a relative clause ("the guy I had a row with
        yesterday", "de man die schold"): a past time after a subject or relative pronoun, or
        a past verb after a relative pronoun, in the clause; with a present main verb after
        it, up to the end of the match, and no participle that would make that a perfect."""
        word = marker.group(0)
        if self._past_time.fullmatch(word) is not None:
            relative = self._relative
        elif (
            self._past_finite.fullmatch(word) is not None
            or self._participle.fullmatch(word) is not None
        ):
            # "de man die me vanmiddag heeft bedreigd staat bij de fietsenstalling"
            relative = self._relative_pronoun
        else:
            return False
        return (
            relative.search(text, clause_start, marker.start()) is not None
            and self._copula.search(text, marker.end(), end) is not None
            and self._participle.search(text, marker.end(), end) is None
        )

    def _reports_present(self, text: str, marker: re.Match[str], until: int) -> bool:
        """Whether a marker is a verb of saying whose words are in the present: "said he's
        on his way", "zei dat hij eraan komt", "rang to say she's outside"."""
        return (
            _SAID.fullmatch(marker.group(0)) is not None
            and _SAYS_PRESENT.search(text, marker.end(), until) is not None
            and _SAID_ONLINE.search(text, max(0, marker.start() - 25), until) is None
        )

    def _just_came(self, text: str, marker: re.Match[str]) -> bool:
        """Whether a past verb after the match is "just" now: "bomb threat call just came
        in", "er kwam zojuist een bommelding binnen", "ik zag hem net bij de lift"."""
        return self._past_finite.fullmatch(marker.group(0)) is not None and (
            _JUST_BEFORE.search(text, max(0, marker.start() - 10), marker.start()) is not None
            or _JUST_AFTER.match(text, marker.end()) is not None
        )

    def _in_the_present(self, text: str, start: int, end: int) -> bool:
        """False when a past, habitual or reporting marker governs the match.

        Before the match, in the same clause: such a marker (or a participle outside a present
        passive) with no "now"-like reset word between it and the match. Inside the match: a
        past or habitual time ("ik heb me toen verstopt"). After the match, up to the end of
        its clause: a past or habitual marker, or a participle outside a present passive; this
        catches Dutch verb-final clauses such as "dat hij een mes had".
        """
        if _reported_or_recorded(text, start, end) or _simple_past(text, start):
            return False
        reach = max(0, start - _CLAUSE_REACH)
        # (Not limited to `start`: a break's lookahead reads on into the match.)
        clause = _last(takewhile(lambda m: m.end() <= start, _CLAUSE_BREAK.finditer(text, reach)))
        clause_start = clause.end() if clause is not None else reach
        marker = _last(self._before.finditer(text, clause_start, start))
        if marker is not None and self._reports_present(text, marker, end):
            # "her ex just rang and said he's on his way": what was said is now; an earlier
            # marker in the clause still counts ("yesterday he said he's coming").
            marker = _last(self._before.finditer(text, clause_start, marker.start()))
        if self._passive.search(text, clause_start, start) is None:
            # "hij heeft me bedreigd met een mes": a perfect tense, a finished event.
            participle = _last(self._participle.finditer(text, clause_start, start))
            if participle is not None and (marker is None or participle.start() > marker.start()):
                marker = participle
        if (
            marker is not None
            and _NEWS.fullmatch(marker.group(0)) is None
            and self._just.search(text, max(0, marker.start() - 30), marker.start())
        ):
            # "he just came in with an axe", "net telefoon gehad dat er een bom ligt": just
            # now, not a story
            marker = None
        # A "now" after the marker, up to the end of the match, brings it back to the
        # present: "de man die me gisteren bedreigde staat nu weer aan de balie".
        if (
            marker is not None
            and self._reset.search(text, marker.end(), end) is None
            and not self._past_time_then_present(text, clause_start, marker, end)
        ):
            return False
        if self._inside.search(text, start, end) is not None:
            return False
        tail_end = min(len(text), end + 40)
        stop = _TAIL_BREAK.search(text, end, tail_end)
        tail_stop = stop.start() if stop is not None else tail_end
        after = self._after.search(text, end, tail_stop)
        if after is not None and not self._just_came(text, after):
            return False
        sentence_end = _SENTENCE_BREAK.search(text, end, end + _CLAUSE_REACH)
        if _AFTERTHOUGHT.search(text, end, sentence_end.start() if sentence_end else len(text)):
            return False
        participle = self._participle.search(text, end, tail_stop)
        return (
            participle is None
            or self._passive.search(text, clause_start, participle.start()) is not None
        )


def _no_weapon_in_hand(folded: str) -> bool:
    """A weapon word alone that is no weapon in someone's hand now: a tool at work, a blade
    used for what it is made for, a crime told of, one lying about while nothing happened,
    the kind of threat named as a form answer."""
    return (
        tool_in_use(folded)
        or everyday_use(folded)
        or no_weapon_now(folded)
        or threat_kind_named(folded)
    )
