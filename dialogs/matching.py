"""Reading user input: cleaning text, commands, and matching answers to options."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from dialogs.flow import Option
from dialogs.scale import NUMBER_WORDS, scale_number
from nlu.language import requested
from nlu.phrases import NEGATIONS, PhraseIndex, qualified_after
from nlu.text import INVISIBLE
from nlu.text import words as fold_words

_SLASH_COMMAND = re.compile(r"^/\w+(?:@\w+)?$")
_URL = re.compile(r"(?i)\b(?:https?://|www\.)[^\s<>\"']+")
_PATH = re.compile(
    r"^(?:~|\.{1,2})?/\S+|^[A-Za-z]:\\\S+|^\S+\.(?:png|jpe?g|gif|heic|pdf|txt|docx?|mp4|mov|webp)$",
    re.IGNORECASE,
)

COMMANDS: dict[str, tuple[str, ...]] = {
    "stop": ("stop", "stoppen", "annuleer", "annuleren", "cancel", "quit", "afbreken"),
    "back": ("terug", "vorige", "back", "previous", "ga terug", "go back"),
    "menu": ("menu", "start", "help", "hulp nodig", "begin", "opnieuw"),
    "status": ("status", "mijn status", "my status"),
    "privacy": ("privacy",),
}
#: The commands for a language ("english", "sorry I don't speak Dutch"): `nlu.language`.
LANGUAGE_COMMANDS = {"en": "lang_en", "nl": "lang_nl"}


_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07]*(?:\x07|\x1b\\)|[@-Z\\-_])")


def clean_text(text: str) -> str:
    """Normalise to NFC and drop terminal escapes and invisible characters; keep line breaks."""
    text = _ANSI.sub("", text)
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLE.sub("", text)
    return text.strip()


def fold(text: str) -> str:
    """The one text fold without punctuation (`nlu.text.words`): for short answers."""
    return fold_words(text)


@functools.lru_cache(maxsize=4096)
def fold_label(text: str) -> str:
    """`fold` for the bot's own option ids, labels and synonyms (cached: they repeat).

    Only the bot's texts go through the cache, never what someone typed.
    """
    return fold(text)


def command_of(text: str) -> str | None:
    """The global command a short message stands for ('stop', 'back', a language), if any."""
    language = requested(text)
    if language is not None:
        return LANGUAGE_COMMANDS[language]
    if len(text) > 40:
        return None
    folded = fold(text.lstrip("/"))
    for command, words in COMMANDS.items():
        if folded in words:
            return command
    if _SLASH_COMMAND.match(text):
        return "unknown"
    return None


def find_urls(text: str) -> list[str]:
    """Links in a message (for evidence)."""
    return [m.group(0).rstrip(".,;:!?)") for m in _URL.finditer(text)]


def looks_like_path(text: str) -> bool:
    """Whether a line looks like a file name or path the melder meant to send."""
    return bool(_PATH.match(text.strip())) and "\n" not in text.strip()


_NUMBER_FILLER = frozenset({"nummer", "optie", "keuze", "number", "option", "de", "het", "the"})
#: Words after a digit that only hedge or ask nicely: the digit is still the choice.
_HEDGES = frozenset(
    {"i", "guess", "think", "suppose", "maybe", "probably", "please", "pls", "plz"}
    | {"then", "denk", "ik", "ofzo", "misschien", "waarschijnlijk", "graag", "aub", "dan"}
    | {"maar", "toch", "dus", "wel", "ok", "oke", "okay"}
)
#: The longest hedged number answer, in words.
_HEDGED_WORDS = 4
# A whole short answer this close to a label or phrase (0-100) is that option; a little
# less close, it is a guess the melder is asked to confirm.
_SURE, _GUESS = 88.0, 75.0
#: Shortest answer read for a typo: one letter off a three-letter word is another word
#: ("nee" is not "neef").
_NEAR_LETTERS = 5


@dataclass(frozen=True)
class Match:
    """The outcome of matching input to options: an option, a guess to confirm, or why
    not (a number outside the list)."""

    option: Option | None = None
    out_of_range: bool = False
    guess: Option | None = None
    #: The guess is one of two options the words give as much ("nee hoor, mag best").
    tie: bool = False


def number_in(text: str) -> int | None:
    """The number an answer stands for: "3", "drie", "nummer 3", "de tweede", and a digit
    with a hedge after it ("3 i guess", "2 denk ik", "1 graag")."""
    words = [w for w in fold(text).split() if w not in _NUMBER_FILLER]
    hedged = 1 < len(words) <= _HEDGED_WORDS and words[0].isdigit()
    if hedged and all(w in _HEDGES for w in words[1:]):
        return int(words[0])
    if len(words) != 1:
        return None
    word = words[0]
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


#: A message of gestures only, a thumbs-up or a check mark, a thumbs-down or a cross, is
#: a yes or a no ("👍", "👎🏽"); inside words they say nothing.
_GESTURES = {"👍": "yes", "👌": "yes", "✅": "yes", "✔": "yes", "☑": "yes"} | {
    "👎": "no",
    "❌": "no",
    "✖": "no",
    "🙅": "no",
}
#: Skin tones, the joiner and variation selectors, gender signs: parts of one gesture.
_GESTURE_PARTS = re.compile("[\U0001f3fb-\U0001f3ff\u200d\ufe0f\u2640\u2642\\s]")


def gesture_word(text: str) -> str:
    """ "yes" or "no" for a message of gestures only that agree, else the text itself."""
    if text.isascii():
        return text  # words, as nearly every answer is: no gesture to read
    bare = _GESTURE_PARTS.sub("", text)
    said = {_GESTURES.get(c) for c in bare}
    if bare and len(said) == 1 and None not in said:
        return str(said.pop())
    return text


def match_option(
    text: str,
    options: Sequence[Option],
    labels: Sequence[str],
    *,
    numbers: bool = True,
    words: Mapping[str, Sequence[str]] | None = None,
    loose: bool = True,
) -> Match:
    """Match typed text to an option: by number (also in words), id, label or synonym,
    then by the option's words (`words`, per option id) inside a longer answer or with a
    typo; a near miss becomes a guess to confirm. Not `loose`: the option as such only
    (the shortcuts of a question that asks for words: "Hij schreef ..." is a story, not
    "Gebruik wat ik schreef")."""
    text = gesture_word(text)
    folded = fold(text)
    if not folded:
        return Match()
    if numbers and (index := number_in(folded)) is not None:
        if 1 <= index <= len(options):
            return Match(options[index - 1])
        return Match(out_of_range=True)
    scaled = scale_number(text, folded, options) if numbers else None
    if scaled is not None:
        return Match(scaled)
    exact = _exact(folded, options, labels)
    if exact is not None or not loose:
        return Match(exact)
    entries = _entries(options, labels, words)
    by_id = {o.id: o for o in options}
    found = _by_phrases(text, _index(entries), [e[0] for e in entries])
    if found.option is None and found.guess is None:
        found = _near(folded, entries)
    return Match(
        by_id.get(found.option.id) if found.option else None,
        guess=by_id.get(found.guess.id) if found.guess else None,
        tie=found.tie,
    )


#: Words that join the phrases of a list: "schoppen en slaan", "kicking and punching".
_JOINERS = frozenset({"en", "and", "of", "or", "ook", "also", "plus", "maar", "but"})
#: Longest list read as answer phrases, in words: a longer message tells more than a list.
_LIST_WORDS = 12
#: Longest phrase of a list, in words.
_PHRASE_WORDS = 5


def is_phrase_list(
    text: str,
    options: Sequence[Option],
    labels: Sequence[str],
    words: Mapping[str, Sequence[str]] | None = None,
) -> bool:
    """Whether the whole message is one or more of the options' own phrases, joined by
    commas or "en"/"and" ("kicking and punching", "schelden, dreigen"): an answer in
    the question's own words and nothing else."""
    tokens = fold(gesture_word(text)).split()
    if not tokens or len(tokens) > _LIST_WORDS:
        return False
    phrases = _phrase_set(_entries(options, labels, words))
    # reach[i]: the first i words are phrases and joiners (a small dynamic programme).
    reach = [True] + [False] * len(tokens)
    for end in range(1, len(tokens) + 1):
        if reach[end - 1] and tokens[end - 1] in _JOINERS and end > 1:
            reach[end] = True
            continue
        for start in range(max(0, end - _PHRASE_WORDS), end):
            if reach[start] and " ".join(tokens[start:end]) in phrases:
                reach[end] = True
                break
    return reach[-1] and tokens[-1] not in _JOINERS


@functools.lru_cache(maxsize=256)
def _phrase_set(entries: Entries) -> frozenset[str]:
    return frozenset(
        fold_label(phrase)
        for option_id, label, synonyms, extra in entries
        for phrase in (option_id, label, *synonyms, *extra)
    )


def says_option(
    text: str,
    options: Sequence[Option],
    labels: Sequence[str],
    words: Mapping[str, Sequence[str]] | None = None,
) -> bool:
    """Whether a longer message clearly gives an option: a phrase of two words or more
    ("geen foto's", "dat was het"), or one word that opens the message ("nee, ..."). A
    word of an option in the middle of a story ("hij had geen mes") is not enough."""
    entries = _entries(options, labels, words)
    return any(h.size >= 2 or h.start == 0 for h in _index(entries).find(text))


def listed_as_such(
    text: str, options: Sequence[Option], words: Mapping[str, Sequence[str]] | None
) -> Option | None:
    """The option whose listed words are the whole message ("nee hoor" for 'No, thanks'
    where the answer is a story): never a phrase inside longer words."""
    folded = fold(text)
    if not folded or not words:
        return None
    for option in options:
        if any(folded == fold_label(phrase) for phrase in words.get(option.id, ())):
            return option
    return None


def _exact(folded: str, options: Sequence[Option], labels: Sequence[str]) -> Option | None:
    for option, label in zip(options, labels, strict=True):
        if folded in (fold_label(option.id), fold_label(label)):
            return option
    for option in options:
        if any(folded == fold_label(s) for s in option.synonyms):
            return option
    # A short answer that starts a label ("ja," for "Ja, verstuur") is accepted too.
    if len(folded) >= 3:
        starts = [
            o for o, lab in zip(options, labels, strict=True) if fold_label(lab).startswith(folded)
        ]
        if len(starts) == 1:
            return starts[0]
    return None


Entries = tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...]


#: Words too common to tell options apart by themselves.
_COMMON_WORDS = (
    "de het een van op in aan bij met voor naar uit over dat die dit mijn je jouw of en "
    "maar zoals bijvoorbeeld iets iemand dingen ding nog niet geen wel ook the a an of at "
    "on to for with from my your or and but such as example something someone things "
    "thing not yes ja nee no it is was "
    # wishes and helpers that open any request: "i want to continue my report" is no wish to
    # talk to someone ("I want to talk to someone")
    "want wants wil wilt willen graag like would could should will have heeft hebben kunnen "
    "moet moeten zijn were been this deze what wat about here hier there daar them they "
    # where everything the bot hears about happens: "een raar gevoel over iets op het werk" is
    # no report of aggression for naming work
    "werk work "
    # a wish's own words: "I'd prefer the vertrouwenspersoon" is no "No preference"
    "prefer preference voorkeur "
)
_COMMON = frozenset(_COMMON_WORDS.split())


def _entries(
    options: Sequence[Option], labels: Sequence[str], words: Mapping[str, Sequence[str]] | None
) -> Entries:
    """Per option: id, label as shown, the source label and synonyms, and its words."""
    return tuple(
        (o.id, label, (o.label, *o.synonyms), tuple((words or {}).get(o.id, ())))
        for o, label in zip(options, labels, strict=True)
    )


@functools.lru_cache(maxsize=256)
def _index(entries: Entries) -> PhraseIndex:
    """The phrases of a question's options (cached: the same question comes back), and
    each word of a label or synonym that only one option has ("schelden", "north")."""
    phrases = [
        (option_id, phrase)
        for option_id, label, synonyms, extra in entries
        for phrase in (label, *synonyms, *extra)
    ]
    owners: dict[str, set[str]] = {}
    # A word of a negated name ("weet" of "weet ik niet") shares a word with other options
    # but owns none: alone it says the opposite ("ja die weet ik").
    negated: set[tuple[str, str]] = set()
    for option_id, label, synonyms, _extra in entries:
        for name in (label, *synonyms):
            words = fold_label(name).split()
            for word in words:
                if len(word) >= 4 and word not in _COMMON:
                    owners.setdefault(word, set()).add(option_id)
                    if NEGATIONS & set(words):
                        negated.add((word, option_id))
    phrases += [
        (owner, word)
        for word, ids in owners.items()
        if len(ids) == 1 and (word, owner := next(iter(ids))) not in negated
    ]
    return PhraseIndex(phrases)


def _by_phrases(text: str, index: PhraseIndex, keys: Sequence[str]) -> Match:
    """The option whose phrases cover the most of the answer; two options covering as
    much make the first one mentioned a guess."""
    # Of two options, one negated is the other: "doesn't have to be anonymous" is named.
    other = dict(zip(keys, reversed(keys), strict=True)) if len(keys) == 2 else {}
    hits = [h for h in index.find(text, negated=bool(other)) if not h.negated or h.key in other]
    if not hits:
        return Match()
    # An answer that opens the message and is then qualified ("ja, maar liever niet voor
    # 10 uur") is the answer, however many words the qualification matches.
    opening = next((h for h in hits if h.start == 0 and not h.negated), None)
    if opening is not None and qualified_after(text, opening.end):
        return Match(Option(opening.key, ""))
    cover: dict[str, int] = {}
    for hit in hits:
        key = other[hit.key] if hit.negated else hit.key
        cover[key] = cover.get(key, 0) + hit.size
    ranked = sorted(cover, key=lambda k: -cover[k])
    best = Option(ranked[0], "")
    if len(ranked) > 1 and cover[ranked[1]] == cover[ranked[0]]:
        first = ranked[0]
        return Match(guess=Option(first, ""), tie=True)
    return Match(best)


def _near(folded: str, entries: Entries) -> Match:
    """A short answer close to one label or phrase as a whole ("fysik", "whatsup")."""
    if len(folded.split()) > 4 or len(folded) < _NEAR_LETTERS:
        return Match()
    choices = {
        fold_label(phrase): option_id
        for option_id, label, synonyms, extra in entries
        for phrase in (label, *synonyms, *extra)
    }
    found = process.extractOne(folded, list(choices), scorer=fuzz.ratio, score_cutoff=_GUESS)
    if found is None:
        return Match()
    # A negation the phrase does not have turns it around: "not everything is correct" is
    # close to "everything is correct" in letters, not in meaning.
    said, phrase = set(folded.split()), set(found[0].split())
    if (said - phrase) & NEGATIONS:
        return Match()
    option = Option(choices[found[0]], "")
    return Match(option) if found[1] >= _SURE else Match(guess=option)
