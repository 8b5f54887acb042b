"""Which of many regular expressions can match a text at all, found in one pass.

Every danger rule has a quick test (its `needs`) that is searched before the rule itself;
searched one by one, those quick tests were most of the time a message's danger check took.
Here each pattern's possible beginnings (its first few characters, read from the pattern's
parsed form) are indexed once; a text's beginnings are read once, and only the patterns
whose beginnings occur in it are searched. A pattern whose beginnings cannot be listed (it
may begin with any letter) is always searched, so the filter never drops a match. A
beginning after a word boundary is looked up only where no letter comes before: there are
fewer such places than characters.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]  # the parser's opcodes
from re import _parser  # type: ignore[attr-defined]  # the stdlib's own pattern parser
from typing import Any

#: How many characters of a beginning are indexed: long enough to tell words apart, short
#: enough that a text's beginnings are few.
PREFIX = 3
#: Above this many beginnings a pattern is searched always (listing them costs more).
_MOST = 600
#: Every character `\s` matches (a space category is listed, not given up).
_SPACES = frozenset(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())
#: A character class with more characters than this is taken as "any character".
_WIDEST_CLASS = 40
#: Marks a beginning that comes after `(?<!\w)`: no letter before it.
_AFTER_NO_LETTER = "\x00"
#: Marks a beginning that comes after `\b`: no letter before it if it begins with one.
_AFTER_BOUNDARY = "\x01"
#: Marks a beginning at the text's start (`^`).
_AT_TEXT_START = "\x02"
#: Marks a beginning at the text's first letter (`^` and then only non-letters).
_AT_FIRST_LETTER = "\x03"
_MARKS = (_AFTER_NO_LETTER, _AFTER_BOUNDARY, _AT_TEXT_START, _AT_FIRST_LETTER)
_WORD_START = re.compile(r"(?<!\w)")
_LETTER = re.compile(r"\w")


class _UnboundedError(Exception):
    """A pattern can begin with too many different characters to list."""


def beginnings(pattern: str, length: int = PREFIX) -> frozenset[str] | None:
    """Every string of `length` characters a match of `pattern` can begin with, and whole
    matches shorter than that; None when those cannot be listed (any letter, a backreference,
    a case-insensitive part, or too many)."""
    try:
        parsed = _parser.parse(pattern)
        if parsed.state.flags & sre.SRE_FLAG_IGNORECASE:
            return None
        growing, done = _sequence(parsed, {""}, length)
    except (_UnboundedError, RecursionError):
        return None
    return frozenset(done | growing)


def _sequence(items: Iterable[tuple[Any, Any]], starts: set[str], length: int) -> _Grown:
    """The beginnings after `items`, from the beginnings `starts`: (still shorter than
    `length`, complete)."""
    growing, done = set(starts), set[str]()
    for op, av in items:
        if not growing:
            break
        try:
            grown, finished = _item(op, av, growing, length)
        except _UnboundedError:
            if any(_size(start) == 0 for start in growing):
                raise
            # What comes next cannot be listed: the beginnings so far are shorter, still
            # true (a text is looked up by its shorter pieces too).
            return set(), done | growing
        growing = grown
        done |= finished
        if len(growing) + len(done) > _MOST:
            raise _UnboundedError
    return growing, done


_Grown = tuple[set[str], set[str]]


def _item(op: Any, av: Any, starts: set[str], length: int) -> _Grown:
    if op is sre.LITERAL:
        return _extend(starts, (chr(av),), length)
    if op is sre.IN:
        return _extend(starts, _class(av), length)
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & sre.SRE_FLAG_IGNORECASE:
            raise _UnboundedError
        return _sequence(sub, starts, length)
    if op is sre.BRANCH:
        growing, done = set[str](), set[str]()
        for branch in av[1]:
            grown, finished = _sequence(branch, starts, length)
            growing |= grown
            done |= finished
        return growing, done
    if op is sre.MAX_REPEAT and _skips_non_letters(av):
        return _past_non_letters(starts)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        return _repeat(av, starts, length)
    if op is sre.ATOMIC_GROUP:
        return _sequence(av, starts, length)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _zero_width(op, av, starts), set()
    raise _UnboundedError  # any character, a negated class, a backreference, ...


def _zero_width(op: Any, av: Any, starts: set[str]) -> set[str]:
    """The beginnings after an anchor or a lookaround: the empty one marked by the anchors
    that tell where a match can start; leaving any other out only lets more through."""
    if op is sre.AT and av is sre.AT_BOUNDARY:
        return _marked(starts, _AFTER_BOUNDARY)
    if op is sre.AT and av is sre.AT_BEGINNING:
        return _marked(starts, _AT_TEXT_START)
    if op is sre.ASSERT_NOT and (av[0], list(av[1])) == _NO_LETTER_BEFORE:
        return _marked(starts, _AFTER_NO_LETTER)
    return set(starts)


def _past_non_letters(starts: set[str]) -> _Grown:
    """After `\\W*`: the text's start becomes its first letter; longer beginnings end."""
    if any(_size(start) == 0 and start != _AT_TEXT_START for start in starts):
        raise _UnboundedError
    moved = {_AT_FIRST_LETTER} if _AT_TEXT_START in starts else set()
    return moved, starts - {_AT_TEXT_START}


#: `(?<!\w)` as the parser gives it.
_NO_LETTER_BEFORE = (-1, [(sre.IN, [(sre.CATEGORY, sre.CATEGORY_WORD)])])


def _skips_non_letters(av: Any) -> bool:
    """Whether a repeat is `\\W*` or `\\s*`: any number of characters that are no letters."""
    least, most, sub = av
    classes = ([(sre.CATEGORY, sre.CATEGORY_NOT_WORD)], [(sre.CATEGORY, sre.CATEGORY_SPACE)])
    items = list(sub)
    return (
        least == 0
        and most is sre.MAXREPEAT
        and len(items) == 1
        and items[0][0] is sre.IN
        and list(items[0][1]) in classes
    )


def _marked(starts: set[str], mark: str) -> set[str]:
    """The empty beginning marked as coming after `mark`'s condition; others as they are."""
    return {mark if start == "" else start for start in starts}


def _repeat(av: Any, starts: set[str], length: int) -> _Grown:
    least, most, sub = av
    growing, done = set(starts), set[str]()
    for _ in range(least):
        growing, finished = _sequence(sub, growing, length)
        done |= finished
    optional = set(growing)  # after the least repetitions, each further one may come or not
    extra = 0
    while growing and (most is sre.MAXREPEAT or extra < most - least):
        grown, finished = _sequence(sub, growing, length)
        done |= finished
        new = grown - optional
        if not new:
            break
        optional |= new
        growing = new
        extra += 1
    return optional, done


def _extend(starts: set[str], chars: Iterable[str], length: int) -> _Grown:
    """The beginnings with one more character; those that reach `length` are complete."""
    growing, done = set[str](), set[str]()
    options = tuple(chars)
    for start in starts:
        for char in options:
            (done if _size(start) + 1 >= length else growing).add(start + char)
    return growing, done


def _size(beginning: str) -> int:
    return len(beginning) - (beginning[:1] in _MARKS)


def _class(items: list[tuple[Any, Any]]) -> frozenset[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _WIDEST_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is sre.CATEGORY and av is sre.CATEGORY_SPACE:
            chars |= _SPACES
        else:
            raise _UnboundedError
    if len(chars) > _WIDEST_CLASS:
        raise _UnboundedError
    return frozenset(chars)


class Prefilter:
    """The patterns (by name) that can match a text, from their listed beginnings."""

    def __init__(self, patterns: dict[str, str], length: int = PREFIX) -> None:
        self._length = length
        #: Beginnings that can only come where no letter is before them.
        self._at_word_start: dict[str, set[str]] = {}
        self._anywhere: dict[str, set[str]] = {}
        #: Beginnings at the text's first letter (all before it no letters).
        self._at_first_letter: dict[str, set[str]] = {}
        always: set[str] = set()
        for name, pattern in patterns.items():
            found = beginnings(pattern, length)
            if found is None:
                always.add(name)
                continue
            for beginning in found:
                index, key = self._placed(beginning)
                if index is None or not key:
                    always.add(name)  # (it may match the empty text or a start not listed)
                else:
                    index.setdefault(key, set()).add(name)
        self._always = frozenset(always)
        # Where a beginning found anywhere can start: at one of its first characters.
        firsts = "".join(sorted({key[0] for key in self._anywhere}))
        self._anywhere_starts = re.compile(f"[{re.escape(firsts)}]") if firsts else None

    def _placed(self, beginning: str) -> tuple[dict[str, set[str]] | None, str]:
        """The index a beginning goes in, and its key (no index: it cannot be placed)."""
        mark, rest = beginning[:1], beginning[1:]
        letter_first = _LETTER.match(rest) is not None
        if mark == _AFTER_NO_LETTER or (mark == _AFTER_BOUNDARY and letter_first):
            return self._at_word_start, rest
        if mark == _AFTER_BOUNDARY:
            return self._anywhere, rest
        if mark in (_AT_TEXT_START, _AT_FIRST_LETTER):
            # A beginning at the start that is a letter is at the first letter.
            return (self._at_first_letter, rest) if letter_first else (None, rest)
        return self._anywhere, beginning

    @property
    def always(self) -> frozenset[str]:
        """The patterns searched in every text."""
        return self._always

    def candidates(self, text: str) -> Candidates:
        """The patterns that may match `text`, with where their matches can start."""
        at: dict[str, list[int]] = {}
        word_starts = [match.start() for match in _WORD_START.finditer(text)]
        self._look_up(text, word_starts, self._at_word_start, at)
        first_letter = _LETTER.search(text)
        if first_letter is not None and self._at_first_letter:
            # (A match anchored at the text's start starts there, not at its first letter.)
            self._look_up(text, (first_letter.start(),), self._at_first_letter, at, at_start=True)
        if self._anywhere_starts is not None:
            starts = [match.start() for match in self._anywhere_starts.finditer(text)]
            self._look_up(text, starts, self._anywhere, at)
        return Candidates(self._always, at)

    def _look_up(
        self,
        text: str,
        starts: Iterable[int],
        index: dict[str, set[str]],
        at: dict[str, list[int]],
        *,
        at_start: bool = False,
    ) -> None:
        for start in starts:
            for end in range(start + 1, min(start + self._length, len(text)) + 1):
                names = index.get(text[start:end])
                if names is not None:
                    for name in names:
                        at.setdefault(name, []).append(0 if at_start else start)


@dataclass(frozen=True)
class Candidates:
    """The patterns that may match a text: those always searched, and the others with the
    places in the text where their beginnings are."""

    always: frozenset[str]
    at: dict[str, list[int]]

    def __contains__(self, name: object) -> bool:
        return name in self.at or name in self.always

    @property
    def names(self) -> set[str]:
        """Every pattern that may match."""
        return set(self.at) | self.always

    def places(self, name: str) -> list[int] | None:
        """Where a match of `name` can start, in order; None: anywhere."""
        if name in self.always:
            return None
        return sorted(set(self.at.get(name, ())))
