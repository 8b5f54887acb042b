"""Starting the Telegram channel from the settings (`zorgveilig run` with a token)."""

from __future__ import annotations

import logging
import re

from bot.runtime import Runtime
from bot.settings import Settings
from bot.telegram.channel import TelegramChannel, TelegramOptions

log = logging.getLogger(__name__)

#: Loggers that would print the token (httpx logs request URLs) or message content
#: (PTB's debug output) are never more verbose than this, whatever ZV_LOG_LEVEL says.
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_QUIET = {"httpx": logging.WARNING, "httpcore": logging.WARNING, "telegram": logging.INFO}


class TelegramConfigError(Exception):
    """The Telegram settings do not fit together (names settings, never values)."""


def quiet_noisy_loggers() -> None:
    """Keep tokens and message content out of the logs."""
    for name, floor in _QUIET.items():
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), floor))


def options_from(settings: Settings) -> TelegramOptions:
    """The channel options from ZV_TELEGRAM_*."""
    if settings.telegram_token is None:
        raise TelegramConfigError("ZV_TELEGRAM_TOKEN is not set")
    if settings.telegram_webhook_url and settings.telegram_webhook_secret is None:
        raise TelegramConfigError(
            "ZV_TELEGRAM_WEBHOOK_URL needs ZV_TELEGRAM_WEBHOOK_SECRET (1-256 characters: "
            "letters, digits, '_' and '-')"
        )
    secret = settings.telegram_webhook_secret
    if secret is not None and not _SECRET.match(secret.get_secret_value()):
        raise TelegramConfigError(
            "ZV_TELEGRAM_WEBHOOK_SECRET must be 1-256 characters: letters, digits, '_' and '-'"
        )
    return TelegramOptions(
        token=settings.telegram_token.get_secret_value(),
        base_url=settings.telegram_base_url,
        overall_max_rate=settings.telegram_max_rate,
        # Telegram's limit per group chat stays lower than the overall one.
        group_max_rate=min(20.0, settings.telegram_max_rate),
    )


def run_telegram(runtime: Runtime) -> None:
    """Block: run the bot on Telegram (webhook when a URL is set, else long polling)."""
    settings = runtime.settings
    options = options_from(settings)
    quiet_noisy_loggers()
    channel = TelegramChannel(runtime, options)
    if settings.telegram_webhook_url:
        assert settings.telegram_webhook_secret is not None
        log.warning(
            "Telegram: webhook on %s:%d",
            settings.telegram_webhook_listen,
            settings.telegram_webhook_port,
        )
        channel.run_webhook(
            url=settings.telegram_webhook_url,
            secret=settings.telegram_webhook_secret.get_secret_value(),
            listen=settings.telegram_webhook_listen,
            port=settings.telegram_webhook_port,
        )
    else:
        log.warning("Telegram: long polling")
        channel.run_polling()
