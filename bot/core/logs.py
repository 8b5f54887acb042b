"""Logs hold no secrets and no message content, whatever ZV_LOG_LEVEL says."""

from __future__ import annotations

import logging

#: The libraries' loggers that would print tokens (httpx logs request URLs) or message
#: content at debug level, and the most they may say.
_FLOORS = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "telegram": logging.INFO,
    "nio": logging.WARNING,
    "aiohttp": logging.WARNING,
    "peewee": logging.WARNING,
}


def quiet_noisy_loggers() -> None:
    """Keep tokens and message content out of the logs."""
    for name, floor in _FLOORS.items():
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), floor))
