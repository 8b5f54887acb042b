"""The Matrix channel's options from the settings (`zorgveilig run` with ZV_MATRIX_*)."""

from __future__ import annotations

from pathlib import Path

from bot.matrix.channel import MatrixOptions
from bot.settings import Settings


class MatrixConfigError(Exception):
    """The Matrix settings do not fit together (names settings, never values)."""


def options_from(settings: Settings) -> MatrixOptions:
    """The channel options from ZV_MATRIX_*."""
    if not settings.matrix_homeserver:
        raise MatrixConfigError("ZV_MATRIX_HOMESERVER is not set")
    if not settings.matrix_homeserver.startswith(("http://", "https://")):
        raise MatrixConfigError("ZV_MATRIX_HOMESERVER must start with http:// or https://")
    user = settings.matrix_user_id
    if not user or not user.startswith("@") or ":" not in user:
        raise MatrixConfigError("ZV_MATRIX_USER_ID must be set, like @zorgveilig:example.org")
    if settings.matrix_password is None and settings.matrix_access_token is None:
        raise MatrixConfigError("set ZV_MATRIX_PASSWORD or ZV_MATRIX_ACCESS_TOKEN")
    return MatrixOptions(
        homeserver=settings.matrix_homeserver,
        user_id=user,
        password=(
            settings.matrix_password.get_secret_value() if settings.matrix_password else None
        ),
        access_token=(
            settings.matrix_access_token.get_secret_value()
            if settings.matrix_access_token
            else None
        ),
        device_name=settings.matrix_device_name,
        store_dir=store_dir(settings),
        lang=settings.lang,
        standby_interval=settings.matrix_standby_interval,
    )


def store_dir(settings: Settings) -> Path:
    """The Matrix store folder: end-to-end keys and the cross-signing keys."""
    return settings.matrix_store_dir or settings.data_dir / "matrix"
