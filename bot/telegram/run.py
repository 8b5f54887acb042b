"""Starting the Telegram channel from the settings (`zorgveilig run` with a token)."""

from __future__ import annotations

import logging
import re

from telegram.error import InvalidToken

from bot.settings import Settings
from bot.telegram.channel import TelegramChannel, TelegramOptions

log = logging.getLogger(__name__)

_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class TelegramConfigError(Exception):
    """The Telegram settings do not fit together (names settings, never values)."""


def options_from(settings: Settings) -> TelegramOptions:
    """The channel options from ZV_TELEGRAM_*."""
    if settings.telegram_token is None or not settings.telegram_token.get_secret_value():
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


async def start_telegram(
    channel: TelegramChannel, settings: Settings, *, beside_matrix: bool = False
) -> None:
    """Start the channel as the settings say: a webhook server when a URL is set, else
    long polling; both run in the event loop they are started in."""
    try:
        await _start(channel, settings, beside_matrix=beside_matrix)
    except InvalidToken:
        # The library's message quotes the token: say what is wrong without it.
        raise TelegramConfigError(
            "the Telegram server refused the bot token (ZV_TELEGRAM_TOKEN): check it with "
            "BotFather, or ZV_TELEGRAM_BASE_URL if you use another Bot API server"
        ) from None


async def _start(channel: TelegramChannel, settings: Settings, *, beside_matrix: bool) -> None:
    if settings.telegram_webhook_url:
        assert settings.telegram_webhook_secret is not None
        await channel.start_webhook(
            url=settings.telegram_webhook_url,
            secret=settings.telegram_webhook_secret.get_secret_value(),
            listen=settings.telegram_webhook_listen,
            port=settings.telegram_webhook_port,
        )
        log.warning(
            "Telegram: webhook on %s:%d%s",
            settings.telegram_webhook_listen,
            settings.telegram_webhook_port,
            " (next to Matrix)" if beside_matrix else "",
        )
    else:
        await channel.start_polling()
        log.warning("Telegram: long polling%s", " (next to Matrix)" if beside_matrix else "")
