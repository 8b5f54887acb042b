"""Messages the NLU was not sure about, kept for ops to review (`zorgveilig nlu review`).

Only a redacted copy is stored (`nlu.redact`: names, phone numbers, e-mail addresses, links),
encrypted with the unit's vault, with the predicted intent, its confidence and the language.
Rows older than 30 days are deleted: on every new row and by `purge_expired`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import col, select

from nlu.interpreter import ParseResult
from nlu.redact import redact
from nlu.training_data import Example, format_example
from storage.models import NluReview
from storage.repository import Unit

__all__ = [
    "MAX_AGE",
    "ReviewItem",
    "purge_expired",
    "record_low_confidence",
    "review_items",
    "review_yaml",
]

#: How long a message is kept at most.
MAX_AGE = timedelta(days=30)
#: Characters of a message looked at, and kept after redaction.
_MAX_INPUT = 4_000
_MAX_STORED = 1_000


@dataclass(frozen=True)
class ReviewItem:
    """One stored message, decrypted (it was redacted before it was stored)."""

    id: int
    created_at: datetime
    lang: str
    intent: str
    confidence: float
    text: str


def record_low_confidence(unit: Unit, text: str, parse: ParseResult, lang: str) -> None:
    """Keep a redacted, encrypted copy of a message the NLU was not sure about.

    Also deletes rows past `MAX_AGE`, so nothing outlives it even without `nlu review`.
    """
    redacted = " ".join(redact(text[:_MAX_INPUT]).split())[:_MAX_STORED]
    purge_expired(unit)
    if not redacted:
        return
    unit.session.add(
        NluReview(
            created_at=unit.clock(),
            lang=lang[:8],
            intent=parse.intent.name[:48],
            confidence=float(parse.intent.confidence),
            text_enc=unit.vault.encrypt_text(redacted),
        )
    )
    unit.session.flush()


def purge_expired(unit: Unit, *, max_age: timedelta = MAX_AGE) -> int:
    """Delete rows older than `max_age` (at most `MAX_AGE`); returns how many."""
    cutoff = unit.clock() - min(max_age, MAX_AGE)
    result = unit.session.execute(sa.delete(NluReview).where(col(NluReview.created_at) < cutoff))
    return int(getattr(result, "rowcount", 0) or 0)


def review_items(unit: Unit, *, days: int = 30) -> list[ReviewItem]:
    """The stored messages of the last `days` days (at most 30), newest first."""
    since = unit.clock() - min(timedelta(days=days), MAX_AGE)
    rows = unit.session.exec(
        select(NluReview)
        .where(col(NluReview.created_at) >= since)
        .order_by(col(NluReview.created_at).desc(), col(NluReview.id).desc())
    ).all()
    return [
        ReviewItem(
            id=row.id or 0,
            created_at=row.created_at,
            lang=row.lang,
            intent=row.intent,
            confidence=row.confidence,
            text=unit.vault.decrypt_text(row.text_enc),
        )
        for row in rows
    ]


def review_yaml(items: Iterable[ReviewItem]) -> str:
    """The messages as Rasa NLU YAML, one intent block per language and predicted intent.

    The intent is the model's guess: ops correct it, then move the lines into `nlu/data`.
    Identical texts appear once per block.
    """
    groups: dict[tuple[str, str], list[ReviewItem]] = {}
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
