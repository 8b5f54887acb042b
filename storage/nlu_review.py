"""Storage of messages the NLU was not sure about, for ops to review (`zorgveilig nlu review`).

Callers store only a redacted copy (`dialogs.nlu_review` redacts with `nlu.review`); it is
encrypted with the unit's vault, with the predicted intent, its confidence and the language.
Rows older than 30 days are deleted: on every new row and by `purge_expired`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import col, select

from storage.models import NluReview
from storage.unit import Unit

__all__ = [
    "MAX_AGE",
    "ReviewItem",
    "purge_expired",
    "review_items",
    "store_review",
]

#: How long a message is kept at most.
MAX_AGE = timedelta(days=30)
#: Characters of a redacted message kept.
MAX_STORED = 1_000


@dataclass(frozen=True)
class ReviewItem:
    """One stored message, decrypted (it was redacted before it was stored)."""

    id: int
    created_at: datetime
    lang: str
    intent: str
    confidence: float
    text: str


def store_review(unit: Unit, redacted: str, *, intent: str, confidence: float, lang: str) -> None:
    """Keep an already redacted message, encrypted, for review.

    Also deletes rows past `MAX_AGE`, so nothing outlives it even without `nlu review`.
    """
    purge_expired(unit)
    redacted = redacted[:MAX_STORED]
    if not redacted:
        return
    unit.session.add(
        NluReview(
            created_at=unit.clock(),
            lang=lang[:8],
            intent=intent[:48],
            confidence=float(confidence),
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
