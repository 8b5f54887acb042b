"""Preparing unclear messages for review: the redacted copy to keep, and the YAML for ops.

Storage keeps the copies (`storage.nlu_review`); this module never touches a database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Protocol

from nlu.redact import redact
from nlu.training_data import Example, format_example

#: Characters of a message looked at before redaction.
MAX_INPUT = 4_000


class Reviewable(Protocol):
    """A kept message as `review_yaml` reads it."""

    @property
    def id(self) -> int: ...
    @property
    def lang(self) -> str: ...
    @property
    def intent(self) -> str: ...
    @property
    def confidence(self) -> float: ...
    @property
    def text(self) -> str: ...


def redacted_copy(text: str) -> str:
    """What may be kept of a message: names, numbers, addresses and links replaced."""
    return " ".join(redact(text[:MAX_INPUT]).split())


def review_yaml(items: Iterable[Reviewable]) -> str:
    """The messages as Rasa NLU YAML, one intent block per language and predicted intent.

    The intent is the model's guess: ops correct it, then move the lines into `nlu/data`.
    Identical texts appear once per block.
    """
    groups: dict[tuple[str, str], list[Reviewable]] = {}
    for item in sorted(items, key=lambda i: (i.lang, i.intent, i.confidence, i.id)):
        groups.setdefault((item.lang, item.intent), []).append(item)
    out = [
        "# Messages the bot was not sure about (redacted), from `zorgveilig nlu review`.",
        "# Each block carries the model's best guess as its intent. Check every line, move it",
        "# to the block of the right intent, then add it to nlu/data/<lang>/nlu.yml.",
        'version: "3.1"',
    ]
    blocks: list[str] = []
    for (lang, intent), members in groups.items():
        texts = dict.fromkeys(format_example(Example(m.text, intent)) for m in members)
        lines = [f"      - {text}" for text in texts if text]
        if not lines:
            continue
        low = min(m.confidence for m in members)
        high = max(m.confidence for m in members)
        blocks += [
            f"  # {lang}: predicted {intent}, confidence {low:.2f}-{high:.2f}",
            f"  - intent: {json.dumps(intent)}",
            "    examples: |",
            *lines,
        ]
    out += ["nlu:", *blocks] if blocks else ["nlu: []"]
    return "\n".join(out) + "\n"
