"""The web desk's own state: one-time login links, browser sessions, TOTP secrets and the
labels ops give to NLU review items.

Only hashes of login and session tokens are stored, so a database reader cannot log in;
TOTP secrets are encrypted with the unit's vault like every other secret at rest.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import col, func, select

from storage.models import AuditEvent
from storage.unit import Unit
from storage.web_tables import WebLogin, WebReviewLabel, WebSession, WebTotp

__all__ = [
    "LOGIN_VALID",
    "LoginCheck",
    "check_login",
    "end_sessions",
    "events_since",
    "issue_login",
    "logins_since",
    "mark_second_factor",
    "remove_totp_secret",
    "review_labels",
    "session_contact",
    "set_review_label",
    "set_totp_secret",
    "start_session",
    "totp_secret",
]

#: How long a login link works (issue 17: ten minutes, once).
LOGIN_VALID = timedelta(minutes=10)


def token_hash(token: str) -> str:
    """The stored form of a login or session token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# -- login links ----------------------------------------------------------------------------


def issue_login(unit: Unit, contact_id: str) -> str:
    """A new one-time login token for a contact, valid for `LOGIN_VALID`."""
    token = secrets.token_urlsafe(32)
    now = unit.clock()
    unit.session.add(
        WebLogin(
            token_hash=token_hash(token),
            contact_id=contact_id,
            created_at=now,
            expires_at=now + LOGIN_VALID,
        )
    )
    unit.session.flush()
    return token


def logins_since(unit: Unit, contact_id: str, since: datetime) -> int:
    """How many login links a contact was sent since a moment (for the rate limit)."""
    rows = unit.session.exec(
        select(WebLogin.id).where(
            WebLogin.contact_id == contact_id, col(WebLogin.created_at) >= since
        )
    ).all()
    return len(rows)


def events_since(unit: Unit, actor: str, action: str, since: datetime) -> int:
    """How many audit events of one action by one actor since a moment (the desk's login
    limits count tries this way, so every process sees the same count)."""
    count = unit.session.exec(
        select(func.count())
        .select_from(AuditEvent)
        .where(
            AuditEvent.actor == actor,
            AuditEvent.action == action,
            col(AuditEvent.at) >= since,
        )
    ).one()
    return int(count)


@dataclass(frozen=True)
class LoginCheck:
    """What a login token turned out to be: the contact (when it worked), else why not."""

    contact_id: str | None
    refused: str | None


def check_login(unit: Unit, token: str) -> LoginCheck:
    """Use a login token: it works once, within its ten minutes."""
    row = unit.session.exec(
        select(WebLogin).where(WebLogin.token_hash == token_hash(token)).with_for_update()
    ).first()
    if row is None:
        return LoginCheck(None, "unknown")
    now = unit.clock()
    if row.used_at is not None:
        return LoginCheck(None, "used")
    if row.expires_at <= now:
        return LoginCheck(None, "expired")
    row.used_at = now
    unit.session.add(row)
    return LoginCheck(row.contact_id, None)


# -- sessions -------------------------------------------------------------------------------


def start_session(unit: Unit, contact_id: str, *, second_factor: bool) -> str:
    """A new session for a contact; returns the cookie token."""
    token = secrets.token_urlsafe(32)
    now = unit.clock()
    unit.session.add(
        WebSession(
            token_hash=token_hash(token),
            contact_id=contact_id,
            second_factor=second_factor,
            created_at=now,
            seen_at=now,
        )
    )
    unit.session.flush()
    return token


@dataclass(frozen=True)
class SessionInfo:
    """A live session: whose it is and whether the second factor was given."""

    contact_id: str
    second_factor: bool


def session_contact(
    unit: Unit, token: str, *, idle: timedelta, touch: bool = True
) -> SessionInfo | None:
    """The session of a cookie token, if it is live; each use keeps it alive, except a
    use with `touch` off (a page asking for news by itself, not the person)."""
    row = unit.session.exec(
        select(WebSession).where(WebSession.token_hash == token_hash(token))
    ).first()
    now = unit.clock()
    if row is None or row.ended_at is not None:
        return None
    if row.seen_at + idle <= now:
        row.ended_at = now
        unit.session.add(row)
        return None
    if touch:
        row.seen_at = now
        unit.session.add(row)
    return SessionInfo(row.contact_id, row.second_factor)


def mark_second_factor(unit: Unit, token: str) -> None:
    """The session's holder gave a valid TOTP code."""
    unit.session.execute(
        sa.update(WebSession)
        .where(col(WebSession.token_hash) == token_hash(token))
        .values(second_factor=True)
    )


def end_sessions(unit: Unit, contact_id: str) -> int:
    """Log a contact out everywhere; how many sessions ended."""
    result = unit.session.execute(
        sa.update(WebSession)
        .where(col(WebSession.contact_id) == contact_id, col(WebSession.ended_at).is_(None))
        .values(ended_at=unit.clock())
    )
    return int(getattr(result, "rowcount", 0) or 0)


# -- TOTP -----------------------------------------------------------------------------------


def totp_secret(unit: Unit, contact_id: str) -> str | None:
    """A contact's TOTP secret (decrypted), if they enrolled."""
    row = unit.session.get(WebTotp, contact_id)
    return unit.vault.decrypt_text(row.secret_enc) if row else None


def set_totp_secret(unit: Unit, contact_id: str, secret: str) -> None:
    """Store a contact's TOTP secret, encrypted."""
    unit.session.merge(
        WebTotp(
            contact_id=contact_id,
            secret_enc=unit.vault.encrypt_text(secret),
            created_at=unit.clock(),
        )
    )


def remove_totp_secret(unit: Unit, contact_id: str) -> bool:
    """Forget a contact's TOTP secret (a lost authenticator); False when there was none."""
    row = unit.session.get(WebTotp, contact_id)
    if row is None:
        return False
    unit.session.delete(row)
    return True


# -- NLU review labels ----------------------------------------------------------------------


def set_review_label(unit: Unit, review_id: int, intent: str, by: str) -> None:
    """Label a review item with the intent it should have had."""
    unit.session.merge(
        WebReviewLabel(review_id=review_id, intent=intent, labelled_by=by, labelled_at=unit.clock())
    )


def review_labels(unit: Unit) -> dict[int, str]:
    """The labels given so far, by review item id."""
    rows = unit.session.exec(select(WebReviewLabel)).all()
    return {r.review_id: r.intent for r in rows}
