"""Dictionary entity extraction for `platform` and `perpetrator_relation`.

The vocabulary comes from a built-in base list plus the training data (lookup tables,
synonyms and annotated spans). Matching is case- and accent-insensitive on word boundaries,
longest match first and non-overlapping; offsets index the original text. Separators inside
a surface are flexible ("e-mail" matches "email" and "e mail"), and a platform name may be
the head of a Dutch compound ("instagramaccount", "whatsappgroep").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from nlu.interpreter import ENTITY_TYPES, Entity
from nlu.text import fold
from nlu.training_data import TrainingData

__all__ = [
    "BUILTIN_VOCABULARY",
    "CONTEXT_ONLY",
    "ENTITY_VALUES",
    "MAX_SCAN_CHARS",
    "EntityExtractor",
    "canonical_value",
    "fold_preserving_length",
]

#: The normalised values each entity type may take (DESIGN.md §5).
ENTITY_VALUES: dict[str, tuple[str, ...]] = {
    "platform": (
        "facebook",
        "instagram",
        "x",
        "tiktok",
        "whatsapp",
        "telegram",
        "snapchat",
        "linkedin",
        "youtube",
        "e-mail",
        "sms",
        "telefoon",
        "google-reviews",
        "other",
    ),
    "perpetrator_relation": ("patient", "naaste", "bezoeker", "onbekend"),
}

# Base vocabulary (folded surface -> value), extended and overridden by the training data.
# Deliberately left out because they are ordinary words too: "snap" (Dutch "understand"),
# "signal", "threads", "app", "bezoek" ("visit"), "ouder" ("older"), "vreemde" ("strange"),
# "anoniem" (the melder's own choice), "gebeld" (also "I called 112").
BUILTIN_VOCABULARY: dict[str, dict[str, str]] = {
    "platform": {
        # Meta
        "facebook": "facebook",
        "fb": "facebook",
        "facebook messenger": "facebook",
        "messenger": "facebook",
        "instagram": "instagram",
        "insta": "instagram",
        "ig": "instagram",
        # X, formerly Twitter; the bare letter only in context (see `CONTEXT_ONLY`)
        "x": "x",
        "x.com": "x",
        "twitter": "x",
        "tweet": "x",
        "tweets": "x",
        "getweet": "x",
        "tweette": "x",
        "tiktok": "tiktok",
        "tik tok": "tiktok",
        "whatsapp": "whatsapp",
        "whats app": "whatsapp",
        "appje": "whatsapp",
        "appjes": "whatsapp",
        "geappt": "whatsapp",
        "appte": "whatsapp",
        "telegram": "telegram",
        "snapchat": "snapchat",
        "linkedin": "linkedin",
        "youtube": "youtube",
        "yt": "youtube",
        "e-mail": "e-mail",
        "mail": "e-mail",
        "mailtje": "e-mail",
        "mailtjes": "e-mail",
        "gemaild": "e-mail",
        "mailde": "e-mail",
        "emailed": "e-mail",
        "sms": "sms",
        "sms'je": "sms",
        "sms'jes": "sms",
        "ge-sms't": "sms",
        "sms't": "sms",
        "sms'te": "sms",
        "text message": "sms",
        "text messages": "sms",
        "texted": "sms",
        "telefoon": "telefoon",
        "telefonisch": "telefoon",
        "telefoontje": "telefoon",
        "telefoontjes": "telefoon",
        "voicemail": "telefoon",
        "phone": "telefoon",
        "phone call": "telefoon",
        "phone calls": "telefoon",
        "belt me": "telefoon",
        "belt mij": "telefoon",
        "belde me": "telefoon",
        "belde mij": "telefoon",
        "calls me": "telefoon",
        "called me": "telefoon",
        "google reviews": "google-reviews",
        "google review": "google-reviews",
        "google recensie": "google-reviews",
        "google recensies": "google-reviews",
        "google maps": "google-reviews",
        "review op google": "google-reviews",
        "recensie op google": "google-reviews",
        "reddit": "other",
        "mastodon": "other",
        "discord": "other",
        "bluesky": "other",
        "pinterest": "other",
        "zorgkaart": "other",
        "zorgkaart nederland": "other",
        "forum": "other",
    },
    "perpetrator_relation": {
        "patient": "patient",
        "patiente": "patient",
        "client": "patient",
        "cliente": "patient",
        "bewoner": "patient",
        "bewoonster": "patient",
        "zorgvrager": "patient",
        "naaste": "naaste",
        "familie": "naaste",
        "familielid": "naaste",
        "familieleden": "naaste",
        "vader": "naaste",
        "moeder": "naaste",
        "zoon": "naaste",
        "dochter": "naaste",
        "echtgenoot": "naaste",
        "echtgenote": "naaste",
        "broer": "naaste",
        "zus": "naaste",
        "ouders": "naaste",
        "partner van": "naaste",
        "vriend van": "naaste",
        "vriendin van": "naaste",
        "relative": "naaste",
        "family": "naaste",
        "family member": "naaste",
        "father": "naaste",
        "mother": "naaste",
        "son": "naaste",
        "daughter": "naaste",
        "husband": "naaste",
        "wife": "naaste",
        "brother": "naaste",
        "sister": "naaste",
        "parents": "naaste",
        "friend of": "naaste",
        "bezoeker": "bezoeker",
        "bezoekster": "bezoeker",
        "visitor": "bezoeker",
        "onbekend": "onbekend",
        "onbekende": "onbekend",
        "vreemdeling": "onbekend",
        "voorbijganger": "onbekend",
        "iemand die ik niet ken": "onbekend",
        "nepaccount": "onbekend",
        "anoniem account": "onbekend",
        "stranger": "onbekend",
        "unknown": "onbekend",
        "passer-by": "onbekend",
        "passerby": "onbekend",
        "someone i don't know": "onbekend",
        "fake account": "onbekend",
        "anonymous account": "onbekend",
    },
}

# Dutch compound tails and English possessives after a surface ("instagramaccount",
# "whatsappgroep", "facebook's", "patienten", "bezoekers"); only for surfaces of 4+ letters.
_TAILS: dict[str, str] = {
    "platform": (
        r"(?:account|accounts|pagina|paginas|groep|groepen|groepje|bericht|berichten|berichtje"
        r"|berichtjes|profiel|post|posts|story|filmpje|filmpjes|video|videos|chat|chats|adres"
        r"|je|jes|tje|tjes|s|'s)"
    ),
    "perpetrator_relation": r"(?:s|en|e|n|'s)",
}
_MIN_TAIL_SURFACE = 4

# Surfaces that are ordinary words too count only after a preposition or an article:
# "via snap" / "ik snap het", "a text" / "the text", "een ouder van" / "hij is ouder".
# Single letters (the "x" of X) always need a preposition: "op x", "on X", "via x".
CONTEXT_ONLY: frozenset[str] = frozenset(
    {"snap", "snaps", "app", "apps", "text", "texts", "ouder", "mobiel", "mobile", "google"}
)
# Surfaces never matched: the generic value names themselves ("the other nurse").
IGNORED_SURFACES: frozenset[str] = frozenset({"other", "overig", "overige", "anders"})

_PREPOSITIONS = r"(?:op|on|via|through|per|naar|by)"
_ARTICLES = r"(?:een|a|an)"
# Extra forms for X: "x-account", "X (voorheen Twitter)".
_X_EXTRA = re.compile(
    r"(?<![\w.@])(?P<c>x)(?=[\s\-]*(?:account|accounts|post|posts|bericht|berichten|profiel"
    r"|profile|handle|dm|dms)\b|\s*\(\s*(?:voorheen\s+|formerly\s+)?twitter\s*\))"
)

#: Entities are looked for in the first characters only, so a huge message stays cheap.
MAX_SCAN_CHARS = 10_000

_SEPARATORS = frozenset(" -'")
_SEP_CLASS = r"[\s\-']{0,3}"
_MAX_SURFACE = 60


def canonical_value(entity: str, raw: str) -> str | None:
    """The allowed value for a raw value or surface, or None when it cannot be mapped."""
    allowed = ENTITY_VALUES.get(entity)
    if allowed is None:
        return None
    folded = fold(raw)
    if folded in allowed:
        return folded
    dashed = folded.replace(" ", "-")
    if dashed in allowed:
        return dashed
    builtin = BUILTIN_VOCABULARY.get(entity, {}).get(folded)
    if builtin is not None:
        return builtin
    return "other" if "other" in allowed else None


# --------------------------------------------------------------------------- folding


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    """Per-character lowercase/accent folding that never changes the text's length."""
    table: dict[int, str] = {}
    for cp in (*range(0x41, 0x5B), *range(0x80, 0x2000), *range(0xFF00, 0xFFF0)):
        char = chr(cp)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        ).lower()
        if len(base) == 1 and base != char:
            table[cp] = base
    for cp in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2212):  # dashes
        table[cp] = "-"
    for cp in (0x2018, 0x2019, 0x02BC, 0x0060, 0x00B4):  # apostrophes
        table[cp] = "'"
    for cp in (0x2000, 0x2001, 0x2002, 0x2003, 0x2009, 0x200A, 0x202F, 0x205F):  # spaces
        table[cp] = " "
    return table


def fold_preserving_length(text: str) -> tuple[str, list[int] | None]:
    """Folded text plus, when lengths differ, a map from folded index to original index.

    Precomposed text (the norm) folds character by character, so offsets stay identical
    and the map is None. Decomposed accents ("e" + U+0301) are dropped via the map.
    """
    table = _fold_table()
    if text.isascii():
        return text.lower(), None
    if unicodedata.is_normalized("NFC", text):
        return text.translate(table), None
    chars: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        if unicodedata.combining(char):
            continue
        chars.append(char.translate(table))
        index.append(position)
    return "".join(chars), index


# --------------------------------------------------------------------------- patterns


def _tokens(surface: str) -> list[str]:
    """A surface as characters, with runs of separators collapsed to one marker ("")."""
    tokens: list[str] = []
    for char in surface:
        if char in _SEPARATORS:
            if tokens and tokens[-1] != "":
                tokens.append("")
        else:
            tokens.append(char)
    while tokens and tokens[-1] == "":
        tokens.pop()
    return tokens


def _key(surface: str) -> str:
    return "".join(c for c in surface if c not in _SEPARATORS and not c.isspace())


_END = "\x00"


_Trie = dict[str, "_Trie"]


def _trie_pattern(surfaces: Iterable[str]) -> str:
    """One regex alternation shaped as a trie: fast to scan, longest alternative first."""
    trie: _Trie = {}
    for surface in surfaces:
        node = trie
        for token in _tokens(surface):
            node = node.setdefault(token, {})
        node[_END] = {}

    def render(node: _Trie) -> str:
        branches = []
        for token in sorted(node, key=lambda t: (t == "", t)):
            if token == _END:
                continue
            head = _SEP_CLASS if token == "" else re.escape(token)
            branches.append(head + render(node[token]))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # Greedy `?`: a longer surface sharing this prefix is preferred.
        return f"(?:{body})?" if _END in node else body

    return render(trie)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    entity: str
    value: str


class EntityExtractor:
    """Finds `platform` and `perpetrator_relation` mentions; see the module docstring."""

    name = "embedded"

    def __init__(self, vocabulary: Mapping[str, Mapping[str, str]]) -> None:
        """`vocabulary` maps entity type -> folded surface -> normalised value."""
        self._vocabulary: dict[str, dict[str, str]] = {}
        self._values: dict[str, dict[str, str]] = {}
        self._patterns: list[tuple[str, re.Pattern[str]]] = []
        self._context_patterns: list[tuple[str, re.Pattern[str]]] = []
        self._x_value: str | None = None
        for entity in ENTITY_TYPES:
            surfaces: dict[str, str] = {}
            for surface, value in vocabulary.get(entity, {}).items():
                folded = fold(surface)
                if not folded or len(folded) > _MAX_SURFACE or value not in ENTITY_VALUES[entity]:
                    continue
                surfaces[folded] = value
            self._vocabulary[entity] = surfaces
            keyed = {_key(s): v for s, v in surfaces.items()}
            self._values[entity] = keyed
            if entity == "platform" and "x" in keyed:
                self._x_value = keyed["x"]
            letters = [s for s in surfaces if len(_key(s)) == 1]
            worded = [s for s in surfaces if s in CONTEXT_ONLY]
            free = [
                s
                for s in surfaces
                if len(_key(s)) > 1 and s not in CONTEXT_ONLY and s not in IGNORED_SURFACES
            ]
            if free:
                pattern = rf"(?<![\w@])(?P<s>{_trie_pattern(free)})(?P<t>{_TAILS[entity]})?(?![\w])"
                self._patterns.append((entity, re.compile(pattern)))
            for words, context in (
                (letters, _PREPOSITIONS),
                (worded, f"(?:{_PREPOSITIONS}|{_ARTICLES})"),
            ):
                if words:
                    pattern = rf"(?<!\w){context}\s+(?P<c>{_trie_pattern(words)})(?![\w\-@]|\.\w)"
                    self._context_patterns.append((entity, re.compile(pattern)))

    @classmethod
    def from_training_data(
        cls, data: TrainingData | None = None, *, include_builtin: bool = True
    ) -> EntityExtractor:
        """Built-in vocabulary plus lookups, synonyms and annotated spans of the data."""
        vocabulary: dict[str, dict[str, str]] = {
            entity: dict(BUILTIN_VOCABULARY.get(entity, {})) if include_builtin else {}
            for entity in ENTITY_TYPES
        }
        if data is not None:
            _add_lookups(vocabulary, data)
            _add_synonyms(vocabulary, data)
            for span in data.entity_spans():
                if span.entity not in ENTITY_TYPES:
                    continue
                value = canonical_value(span.entity, span.value)
                if value is not None:
                    vocabulary[span.entity][fold(span.text)] = value
        return cls(vocabulary)

    @property
    def vocabulary(self) -> dict[str, dict[str, str]]:
        """Entity type -> folded surface -> value; enough to rebuild the extractor."""
        return {entity: dict(surfaces) for entity, surfaces in self._vocabulary.items()}

    def extract(self, text: str) -> tuple[Entity, ...]:
        """Entities in `text`, ordered by position, with offsets into `text` itself."""
        if not text:
            return ()
        # Offsets stay valid for the full text; only the scan is bounded.
        folded, index = fold_preserving_length(text[:MAX_SCAN_CHARS])
        candidates = self._candidates(folded)
        chosen: list[_Candidate] = []
        starts: list[int] = []  # sorted starts of the chosen, non-overlapping spans
        ends: list[int] = []
        # Longest first; on equal length the earlier one wins. Never overlapping.
        for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
            at = bisect.bisect_left(starts, cand.start)
            if at > 0 and ends[at - 1] > cand.start:
                continue  # overlaps the chosen span to the left
            if at < len(starts) and starts[at] < cand.end:
                continue  # overlaps the chosen span to the right
            starts.insert(at, cand.start)
            ends.insert(at, cand.end)
            chosen.append(cand)
        entities = []
        for cand in sorted(chosen, key=lambda c: c.start):
            start, end = cand.start, cand.end
            if index is not None:
                start, end = index[start], index[end - 1] + 1
            entities.append(Entity(cand.entity, cand.value, start, end, text[start:end]))
        return tuple(entities)

    def _candidates(self, folded: str) -> list[_Candidate]:
        found: list[_Candidate] = []
        for entity, pattern in self._patterns:
            values = self._values[entity]
            for match in pattern.finditer(folded):
                surface, tail = match.group("s"), match.group("t")
                if tail and len(_key(surface)) < _MIN_TAIL_SURFACE:
                    continue
                value = values.get(_key(surface))
                if value is not None:
                    found.append(_Candidate(match.start(), match.end(), entity, value))
        for entity, pattern in self._context_patterns:
            values = self._values[entity]
            for match in pattern.finditer(folded):
                value = values.get(_key(match.group("c")))
                if value is not None:
                    found.append(_Candidate(match.start("c"), match.end("c"), entity, value))
        if self._x_value is not None:
            for match in _X_EXTRA.finditer(folded):
                found.append(
                    _Candidate(match.start("c"), match.end("c"), "platform", self._x_value)
                )
        return found


def _entity_for_lookup(name: str) -> str | None:
    for candidate in (name, name.removesuffix("s"), name.removesuffix("_lookup")):
        if candidate in ENTITY_TYPES:
            return candidate
    return None


def _add_lookups(vocabulary: dict[str, dict[str, str]], data: TrainingData) -> None:
    """The lookup tables of the training data, as surfaces of their entity."""
    for name, items in data.lookups.items():
        entity = _entity_for_lookup(name)
        if entity is None:
            continue
        for item in items:
            surface = fold(item)
            value = canonical_value(entity, data.synonyms.get(surface, surface))
            if value is not None:
                vocabulary[entity][surface] = value


def _add_synonyms(vocabulary: dict[str, dict[str, str]], data: TrainingData) -> None:
    """Synonyms of a known value, under the first entity that knows the value."""
    for surface, raw_value in data.synonyms.items():
        for entity in ENTITY_TYPES:
            target = fold(raw_value)
            if target in ENTITY_VALUES[entity] or target in vocabulary[entity]:
                value = canonical_value(entity, vocabulary[entity].get(target, target))
                if value is not None:
                    vocabulary[entity][surface] = value
                break
