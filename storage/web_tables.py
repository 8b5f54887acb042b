"""The web desk's tables (bot/web): login links, sessions, TOTP secrets, review labels.

Imported by `storage.db` so the tables are always on the metadata the migrations check.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from storage.models import UTCDateTime


def _ts(*, nullable: bool = False, index: bool = False) -> sa.Column[datetime]:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


class WebLogin(SQLModel, table=True):
    """A one-time login link sent into a contact's own chat (only its hash is kept)."""

    __tablename__ = "web_login"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    contact_id: str = Field(max_length=64, index=True)
    created_at: datetime = Field(sa_column=_ts(index=True))
    expires_at: datetime = Field(sa_column=_ts())
    used_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class WebSession(SQLModel, table=True):
    """A browser session of a contact (only the hash of its cookie token is kept)."""

    __tablename__ = "web_session"

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    contact_id: str = Field(max_length=64, index=True)
    second_factor: bool = Field(default=False)
    created_at: datetime = Field(sa_column=_ts())
    seen_at: datetime = Field(sa_column=_ts())
    ended_at: datetime | None = Field(default=None, sa_column=_ts(nullable=True))


class WebTotp(SQLModel, table=True):
    """A contact's TOTP secret, for organisations that require a second factor."""

    __tablename__ = "web_totp"

    contact_id: str = Field(primary_key=True, max_length=64)
    secret_enc: bytes = Field(sa_type=sa.LargeBinary)
    created_at: datetime = Field(sa_column=_ts())


class WebReviewLabel(SQLModel, table=True):
    """The intent ops gave to an NLU review item (ids only; a label whose item has been
    purged after its 30 days is never shown or exported again)."""

    __tablename__ = "web_review_label"

    review_id: int = Field(primary_key=True)
    intent: str = Field(max_length=48)
    labelled_by: str = Field(max_length=64)
    labelled_at: datetime = Field(sa_column=_ts())
