"""Rules that recognise acute danger *now* in Dutch and English (DESIGN.md §3 rule 4).

The rules run on every message next to the classifier. They aim at present-tense danger:
a story about last week must not trigger them (the classifier may still route it). Matching
is case- and accent-insensitive, tolerates stretched letters ("hellllp") and one typo in the
longer key words ("gevar", "aangevalen"). `match` returns the name of the pattern that fired,
never any of the text, so it is safe to log.

The patterns and word lists are data in `nlu.acute_patterns`; the text fold and typo
tolerance are in `nlu.rule_text`. This module adds the tense guards.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from nlu.acute_patterns import PATTERNS, AcutePattern, expand_macros
from nlu.rule_text import normalise_for_rules

__all__ = ["AcuteDangerRules"]

# A clause starts after sentence punctuation or a conjunction.
_CLAUSE_BREAK = re.compile(expand_macros(r"[.!?;:\n]|\b<CONJ>\b"))
# After the match a comma also ends the clause: "he's at my door, yesterday he was too".
_TAIL_BREAK = re.compile(expand_macros(r"[,.!?;:\n]|\b<CONJ>\b"))


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    last = None
    for last in matches:  # noqa: B007 - only the last one matters
        pass
    return last


class AcuteDangerRules:
    """Recognises acute danger with the `PATTERNS` and tense guards."""

    def __init__(self, patterns: tuple[AcutePattern, ...] = PATTERNS) -> None:
        self._patterns = [(p.name, re.compile(expand_macros(p.pattern))) for p in patterns]
        self._before = re.compile(
            expand_macros(r"\b(?:<PAST_TIME>|<HABIT>|<PAST_FINITE>|<REPORTING>)\b")
        )
        self._after = re.compile(expand_macros(r"\b(?:<PAST_TIME>|<HABIT>|<PAST_FINITE>)\b"))
        self._participle = re.compile(expand_macros(r"\b<PARTICIPLE>\b"))
        self._passive = re.compile(r"\b(?:word|wordt|worden)\b")
        self._reset = re.compile(expand_macros(r"\b<RESET>\b"))

    @property
    def names(self) -> tuple[str, ...]:
        """The pattern names in priority order."""
        return tuple(name for name, _ in self._patterns)

    def match(self, text: str) -> str | None:
        """The name of the first pattern that recognises acute danger, or None."""
        try:
            folded = normalise_for_rules(text)
            if not folded:
                return None
            for name, regex in self._patterns:
                position = 0
                # Overlapping search: a later match may pass the guards when the first fails.
                while (found := regex.search(folded, position)) is not None:
                    if self._in_the_present(folded, found.start(), found.end()):
                        return name
                    position = found.start() + 1
        except Exception:  # never let odd input break the caller's safety check
            return None
        return None

    def _in_the_present(self, text: str, start: int, end: int) -> bool:
        """False when a past, habitual or reporting marker governs the match.

        Before the match, in the same clause: such a marker (or a participle outside a present
        passive) with no "now"-like reset word between it and the match. After the match, up
        to the end of its clause: a past or habitual marker, or a participle outside a present
        passive; this catches Dutch verb-final clauses such as "dat hij een mes had".
        """
        clause = _last(_CLAUSE_BREAK.finditer(text, 0, start))
        clause_start = clause.end() if clause is not None else 0
        marker = _last(self._before.finditer(text, clause_start, start))
        if self._passive.search(text, clause_start, start) is None:
            # "hij heeft me bedreigd met een mes": a perfect tense, a finished event.
            participle = _last(self._participle.finditer(text, clause_start, start))
            if participle is not None and (marker is None or participle.start() > marker.start()):
                marker = participle
        if (
            marker is not None
            and self._reset.search(text, marker.end(), start) is None
            and self._reset.match(text, start) is None
        ):
            return False
        tail_end = min(len(text), end + 40)
        stop = _TAIL_BREAK.search(text, end, tail_end)
        tail_stop = stop.start() if stop is not None else tail_end
        if self._after.search(text, end, tail_stop) is not None:
            return False
        participle = self._participle.search(text, end, tail_stop)
        return (
            participle is None
            or self._passive.search(text, clause_start, participle.start()) is not None
        )
