"""Starting the Matrix channel from the settings (`zorgveilig run` with ZV_MATRIX_*)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from dataclasses import replace

from bot.matrix.channel import MatrixChannel, MatrixOptions
from bot.runtime import Runtime
from bot.settings import Settings

log = logging.getLogger(__name__)

#: Loggers that would print tokens or message content at debug level.
_QUIET = {"nio": logging.WARNING, "aiohttp": logging.WARNING, "peewee": logging.WARNING}


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
        store_dir=settings.matrix_store_dir or settings.data_dir / "matrix",
        lang=settings.lang,
    )


def serve_options(settings: Settings, *, telegram: bool) -> MatrixOptions:
    """The Matrix options for `serve`: next to Telegram, whose channel already runs the
    runtime's periodic work, Matrix does not run it a second time."""
    return replace(options_from(settings), ticks=not telegram)


def quiet_noisy_loggers() -> None:
    """Keep tokens and message content out of the logs."""
    for name, floor in _QUIET.items():
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), floor))


async def serve(runtime: Runtime, *, telegram: bool = False) -> None:
    """Run Matrix (and Telegram by long polling, when `telegram`) until SIGINT/SIGTERM."""
    quiet_noisy_loggers()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    matrix = MatrixChannel(runtime, serve_options(runtime.settings, telegram=telegram))
    others = []
    if telegram:
        from bot.telegram.channel import TelegramChannel
        from bot.telegram.run import options_from as telegram_options
        from bot.telegram.run import quiet_noisy_loggers as quiet_telegram

        quiet_telegram()
        channel = TelegramChannel(runtime, telegram_options(runtime.settings))
        await channel.start_polling()
        others.append(channel)
        log.warning("Telegram: long polling (next to Matrix)")
    try:
        await matrix.start()
        log.warning("Matrix: syncing")
        await stop.wait()
    finally:
        await matrix.stop()
        for other in others:
            await other.stop()


def run_matrix(runtime: Runtime, *, telegram: bool = False) -> None:
    """Block: run the bot on Matrix (and Telegram) until stopped."""
    asyncio.run(serve(runtime, telegram=telegram))
