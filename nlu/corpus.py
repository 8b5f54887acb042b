"""The NLU training corpus in memory: examples with entity spans, synonyms, lookups, regexes.

`nlu.training_data` reads it from and writes it to Rasa 3 YAML; `fold` is the key under which
synonyms and lookup entries are compared.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from nlu.text import fold

__all__ = ["EntitySpan", "Example", "TrainingData", "TrainingDataError"]

#: Bumped when the meaning of the fingerprinted content changes.
_FINGERPRINT_VERSION = "zorgveilig-nlu-data-1"


class TrainingDataError(ValueError):
    """Malformed training data; the message names the file and line."""

    def __init__(self, message: str, source: str, line: int | None = None) -> None:
        self.source = source
        self.line = line
        self.reason = message
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class EntitySpan:
    """An annotated entity: `start`/`end` index the plain (annotation-free) text."""

    entity: str
    value: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Example:
    """One training example: plain text, its intent and its entity spans."""

    text: str
    intent: str
    entities: tuple[EntitySpan, ...] = ()
    source: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)


@dataclass
class TrainingData:
    """Examples plus synonyms (folded surface -> value), lookup tables and regexes."""

    examples: list[Example] = field(default_factory=list)
    synonyms: dict[str, str] = field(default_factory=dict)
    lookups: dict[str, list[str]] = field(default_factory=dict)
    regexes: dict[str, list[str]] = field(default_factory=dict)

    @property
    def intents(self) -> list[str]:
        """The distinct intents of the examples, sorted."""
        return sorted({e.intent for e in self.examples})

    def by_intent(self) -> dict[str, list[Example]]:
        """Examples grouped per intent."""
        grouped: dict[str, list[Example]] = {}
        for example in self.examples:
            grouped.setdefault(example.intent, []).append(example)
        return grouped

    def entity_spans(self) -> Iterator[EntitySpan]:
        """All annotated entity spans of all examples."""
        for example in self.examples:
            yield from example.entities

    def conflicts(self) -> dict[str, list[str]]:
        """Texts (folded) that occur under more than one intent, with those intents."""
        seen: dict[str, set[str]] = {}
        for example in self.examples:
            seen.setdefault(fold(example.text), set()).add(example.intent)
        return {text: sorted(found) for text, found in seen.items() if len(found) > 1}

    def merge(self, other: TrainingData) -> TrainingData:
        """A new TrainingData with the content of both (other's synonyms win on clashes)."""
        lookups = {k: list(v) for k, v in self.lookups.items()}
        for name, items in other.lookups.items():
            lookups.setdefault(name, []).extend(items)
        regexes = {k: list(v) for k, v in self.regexes.items()}
        for name, items in other.regexes.items():
            regexes.setdefault(name, []).extend(items)
        return TrainingData(
            examples=[*self.examples, *other.examples],
            synonyms={**self.synonyms, **other.synonyms},
            lookups=lookups,
            regexes=regexes,
        )

    def fingerprint(self) -> str:
        """A sha256 over the normalised content, independent of file layout and order."""
        examples = sorted(
            (
                unicodedata.normalize("NFC", e.text),
                e.intent,
                [[s.entity, s.value, s.start, s.end] for s in e.entities],
            )
            for e in self.examples
        )
        content = {
            "version": _FINGERPRINT_VERSION,
            "examples": examples,
            "synonyms": sorted(self.synonyms.items()),
            "lookups": {k: sorted(fold(i) for i in v) for k, v in sorted(self.lookups.items())},
            "regexes": {k: sorted(v) for k, v in sorted(self.regexes.items())},
        }
        encoded = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(encoded.encode("utf-8")).hexdigest()
