"""Keeping a message the NLU was not sure about: redacted (nlu), then stored (storage)."""

from __future__ import annotations

from nlu.interpreter import ParseResult
from nlu.review import redacted_copy
from storage.nlu_review import store_review
from storage.repository import Unit


def record_low_confidence(unit: Unit, text: str, parse: ParseResult, lang: str) -> None:
    """Keep a redacted, encrypted copy of a message, with the model's guess, for review."""
    store_review(
        unit,
        redacted_copy(text),
        intent=parse.intent.name,
        confidence=parse.intent.confidence,
        lang=lang,
    )
