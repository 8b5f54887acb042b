"""Finding known phrases in what someone typed: with typos, inside longer answers.

A `PhraseIndex` holds phrases, each standing for a key (an option id, a command). `find`
returns where they occur in a text: whole words only, a typo allowed in longer words
("slecth" for "slecht", "instagarm"), and never right after a negation ("niet slecht" is not
"slecht"; a phrase that itself starts with a negation, such as "niet naar mijn
leidinggevende", is found as a whole). Longer phrases win over the shorter ones they
contain: "heel slecht" over "slecht", "niet zo goed" over "goed".

Words are matched to the index's own vocabulary by their stem (Snowball, Dutch and
English: "schreeuwde" finds "schreeuwen", "slapped" finds "slap"), else corrected with
rapidfuzz; the cost is a few microseconds per word whatever the number of phrases.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from nlu.text import words as fold_words

__all__ = ["NEGATIONS", "Hit", "PhraseIndex", "qualified_after", "tokens"]

#: Words that turn the phrase after them around (up to two words before it).
NEGATIONS = frozenset(
    {
        "niet",
        "geen",
        "nooit",
        "not",
        "never",
        "nor",
        "don't",
        "dont",
        "doesn't",
        "doesnt",
        "isn't",
        "isnt",
        "can't",
        "cant",
        "cannot",
        "won't",
        "wont",
        "shouldn't",
        "mustn't",
        "didn't",
        "didnt",
        "hoeft",
        "hoef",
        "without",
        "zonder",
    }
)
# Clause boundaries a negation does not reach across.
_BOUNDARY = frozenset({"maar", "but", "en", "and", "want", "omdat", "because"})
# Sentence punctuation ends a clause; `_BREAK` stands for it among the words (it is no word,
# so no phrase contains it).
_CLAUSES = re.compile(r"[,.;:!?()\n]+")
_BREAK = "\x00"
#: Words that open a qualification of the answer before them.
_CONTRAST = frozenset({"maar", "but"})
#: How many corrections of unknown words an index remembers (then it starts afresh).
_CORRECTIONS_KEPT = 1024
#: How often a word must occur (a share of all words) to count as a real word.
_REAL_WORD_FREQUENCY = 1e-6


_STEMMERS = (Stemmer.Stemmer("dutch"), Stemmer.Stemmer("english"))


def stems(word: str) -> tuple[str, ...]:
    """The Dutch and English stems of a word (of four letters or more: shorter words are
    too often another word once stemmed)."""
    if len(word) < 4:
        return ()
    return tuple(dict.fromkeys(s.stemWord(word) for s in _STEMMERS))


def tokens(text: str) -> list[str]:
    """The words of a text as the index compares them (folded, no punctuation)."""
    return fold_words(text).split()


@functools.cache
def real_words() -> frozenset[str]:
    """Words common enough in Dutch or English to be meant as written (once per million
    words or more, by wordfreq's counts), folded: such a word is no typo of a near one
    ("verstuur" is not "overstuur", "schold" not "schelden")."""
    import wordfreq  # loaded once, on the first unknown word

    found: set[str] = set()
    for lang in ("nl", "en"):
        frequencies = wordfreq.get_frequency_dict(lang, wordlist="small")
        found.update(w for w, f in frequencies.items() if f >= _REAL_WORD_FREQUENCY)
    # Only the set is kept: wordfreq's own caches hold every list it read.
    wordfreq.get_frequency_dict.cache_clear()
    wordfreq.get_frequency_list.cache_clear()
    return frozenset(fold_words.__wrapped__(w) for w in found)


def _typos_allowed(word: str) -> int:
    """How many edits a word may be off: none for short words, where one letter is
    another word ("goed"/"god", "nee"/"een")."""
    if len(word) >= 8:
        return 2
    return 1 if len(word) >= 5 else 0


@dataclass(frozen=True)
class Hit:
    """A phrase found in a text: its key, and the word span [start, end) it covers."""

    key: str
    start: int
    end: int
    exact: bool
    negated: bool = False

    @property
    def size(self) -> int:
        """How many words the phrase covers."""
        return self.end - self.start


class PhraseIndex:
    """Phrases by key, for finding them in short answers."""

    def __init__(self, phrases: Iterable[tuple[str, str]]) -> None:
        # Phrase -> its keys, and per first word the phrase lengths that start with it, so a
        # position costs a few dictionary lookups however many phrases share a first word.
        self._keys: dict[tuple[str, ...], list[str]] = {}
        lengths: dict[str, set[int]] = {}
        vocabulary: set[str] = set()
        for key, phrase in phrases:
            words = tuple(tokens(phrase))
            if not words:
                continue
            vocabulary.update(words)
            keys = self._keys.setdefault(words, [])
            if key not in keys:
                keys.append(key)
            lengths.setdefault(words[0], set()).add(len(words))
        self._lengths = {w: tuple(sorted(ls, reverse=True)) for w, ls in lengths.items()}
        self._vocabulary = sorted(vocabulary)
        self._known = frozenset(vocabulary)
        # Words by length: a typo keeps the length within the edits allowed.
        self._by_length: dict[int, list[str]] = {}
        for word in self._vocabulary:
            self._by_length.setdefault(len(word), []).append(word)
        self._by_stem: dict[str, str] = {}
        for word in self._vocabulary:
            for stem in stems(word):
                self._by_stem.setdefault(stem, word)
        # Unknown words recur (the same misspellings, the same story words): their
        # correction is remembered, bounded, instead of searched on every message.
        self._corrected: dict[str, tuple[str, bool]] = {}

    def correct(self, word: str) -> tuple[str, bool]:
        """The vocabulary word this word stands for (itself when unknown), and whether
        it was written exactly so."""
        if word in self._known or not self._vocabulary:
            return word, True
        found = self._corrected.get(word)
        if found is None:
            if len(self._corrected) >= _CORRECTIONS_KEPT:
                self._corrected.clear()
            found = self._corrected[word] = self._correct(word)
        return found

    def _correct(self, word: str) -> tuple[str, bool]:
        for stem in stems(word):
            if stem in self._by_stem:
                return self._by_stem[stem], True
        allowed = _typos_allowed(word)
        if not allowed or word in real_words():
            return word, True
        near = [
            w
            for size in range(len(word) - allowed, len(word) + allowed + 1)
            for w in self._by_length.get(size, ())
        ]
        found = process.extractOne(word, near, scorer=Levenshtein.distance, score_cutoff=allowed)
        if found is None or _typos_allowed(found[0]) == 0:
            return word, True
        return found[0], False

    def find(self, text: str | Sequence[str], *, negated: bool = False) -> list[Hit]:
        """Every phrase in the text that no longer phrase covers, in text order; with
        `negated`, also the phrases right after a negation (marked so). A negation does
        not reach past a comma or a full stop ("weet niet, gaat wel")."""
        raw = _words(text) if isinstance(text, str) else list(text)
        corrected = [self.correct(w) for w in raw]
        words = [w for w, _ in corrected]
        hits: list[Hit] = []
        for start, word in enumerate(words):
            for size in self._lengths.get(word, ()):
                phrase = tuple(words[start : start + size])
                keys = self._keys.get(phrase)
                if keys is None:
                    continue
                turned = _negated(words, start, phrase)
                exact = all(ok for _, ok in corrected[start : start + size])
                hits.extend(Hit(key, start, start + size, exact, turned) for key in keys)
        # A negated phrase still covers its words: "not everything is correct" gives no
        # "correct" either.
        return [h for h in _outermost(hits) if negated or not h.negated]


def _words(text: str) -> list[str]:
    """The words `PhraseIndex.find` counts in, with `_BREAK` after each clause."""
    return [w for clause in _CLAUSES.split(text) for w in [*tokens(clause), _BREAK]]


def qualified_after(text: str, end: int) -> bool:
    """Whether the words from position `end` (as `PhraseIndex.find` counts them) open with
    "maar"/"but": what follows qualifies the answer before it ("ja, maar liever niet voor
    10 uur" is a yes, "slecht, maar ik red me wel" is bad)."""
    rest = [w for w in _words(text)[end:] if w != _BREAK]
    return bool(rest) and rest[0] in _CONTRAST


def _negated(words: Sequence[str], start: int, phrase: tuple[str, ...]) -> bool:
    """Whether a negation in the two words before the phrase turns it around; articles
    and prepositions between do not count ("niet over een collega", "not about a colleague")."""
    if phrase[0] in NEGATIONS:
        return False
    counted = 0
    for word in reversed(words[max(0, start - 5) : start]):
        if word in _BOUNDARY or word == _BREAK:
            return False
        if word in NEGATIONS:
            return True
        if word not in _SMALL_WORDS:
            counted += 1
            if counted == 2:
                return False
    return False


#: Words a negation reaches across to the phrase: "not about a colleague", "niet over een".
_SMALL_WORDS = frozenset(
    {"a", "an", "the", "een", "de", "het", "about", "over", "to", "naar", "of", "van", "my"}
    | {"mijn", "mn", "m'n"}
)


def _outermost(hits: list[Hit]) -> list[Hit]:
    """Drop hits inside a longer hit's span."""
    kept = [
        h
        for h in hits
        if not any(
            o is not h and o.start <= h.start and h.end <= o.end and o.size > h.size for o in hits
        )
    ]
    return sorted(kept, key=lambda h: (h.start, -h.size))


#: "laat maar" that lets someone do something ("ja laat maar iemand contact opnemen", "laat
#: ze maar bellen"): no "never mind".
_LET_SOMEONE = re.compile(
    r"(?i)\blaat\s+(?:ze\s+|hem\s+|haar\s+|het\s+)?maar\s+(?=(?:iemand|een|ze|hem|haar|die"
    r"|weten|horen|zien|komen|bellen|contact|mailen|appen|langskomen|lezen)\b)"
)


def without_let(text: str) -> str:
    """The text without a "laat maar" that lets someone do something, so that neither a
    command nor an answer reads it as "never mind"."""
    return _LET_SOMEONE.sub("", text) if "maar" in text.lower() else text
