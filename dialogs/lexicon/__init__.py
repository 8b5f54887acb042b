"""The words people use for answers (answers.yml): data the answer matching reads."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

import yaml

LEXICON_DIR = Path(__file__).parent

__all__ = ["LexiconError", "all_answer_words", "answer_words", "guard_words"]


class LexiconError(ValueError):
    """answers.yml holds something that is not a list of phrases per option."""


@lru_cache(maxsize=1)
def _load() -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    with (LEXICON_DIR / "answers.yml").open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle) or {}
    found: dict[str, Mapping[str, tuple[str, ...]]] = {}
    for slot, options in data.items():
        if not isinstance(options, dict):
            raise LexiconError(f"answers.yml: '{slot}' is not a mapping of options")
        per_option: dict[str, tuple[str, ...]] = {}
        options = dict(options)
        base = options.pop("extends", None)  # another question's words, and these besides
        if base is not None:
            per_option.update(found[str(base)])
        for option, phrases in options.items():
            # YAML reads a bare yes/no/on/off as a boolean: such a phrase must be quoted.
            if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                raise LexiconError(f"answers.yml: {slot}.{option} must be a list of quoted text")
            per_option[str(option)] = (*per_option.get(str(option), ()), *phrases)
        found[str(slot)] = MappingProxyType(per_option)
    return MappingProxyType(found)


def answer_words(slot: str | None) -> Mapping[str, tuple[str, ...]]:
    """Phrases per option id for the question that fills `slot` (empty when none)."""
    if slot is None:
        return MappingProxyType({})
    return _load().get(slot, MappingProxyType({}))


def all_answer_words() -> tuple[Mapping[str, tuple[str, ...]], ...]:
    """The phrases per option id of every question."""
    return tuple(_load().values())


@lru_cache(maxsize=1)
def guard_words() -> Mapping[str, object]:
    """guards.yml: commands, filler, question words and topics, distress, see-above."""
    with (LEXICON_DIR / "guards.yml").open(encoding="utf-8") as handle:
        data: dict[str, object] = yaml.safe_load(handle) or {}
    return MappingProxyType(data)
