"""Logs hold no secrets and no message content, whatever ZV_LOG_LEVEL says."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Iterable
from types import TracebackType

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

#: Shorter values are not secrets worth hiding (and would blank out ordinary words).
_MIN_SECRET = 8
REDACTED = "[redacted]"


def quiet_noisy_loggers() -> None:
    """Keep tokens and message content out of the logs."""
    for name, floor in _FLOORS.items():
        logger = logging.getLogger(name)
        logger.setLevel(max(logger.getEffectiveLevel(), floor))


class Redactor:
    """Blanks out the configured secrets (tokens, passwords, keys) in any text."""

    def __init__(self, secrets: Iterable[str]) -> None:
        found = set()
        for secret in secrets:
            # A Telegram token is "<bot id>:<secret>": the part after the colon is the
            # secret, and a library may print it on its own.
            for part in (secret, secret.partition(":")[2]):
                if len(part) >= _MIN_SECRET:
                    found.add(part)
        self._secrets = sorted(found, key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text


class RedactingFormatter(logging.Formatter):
    """A formatter whose output (message, traceback, stack) never holds a secret."""

    def __init__(self, fmt: str, redact: Redactor) -> None:
        super().__init__(fmt)
        self.redact = redact

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))


def install_excepthooks(redact: Redactor) -> None:
    """Redact the tracebacks of uncaught exceptions too: a library's error message may
    quote a token (python-telegram-bot's InvalidToken does)."""

    def excepthook(
        kind: type[BaseException], error: BaseException, tb: TracebackType | None
    ) -> None:
        text = "".join(traceback.format_exception(kind, error, tb))
        sys.stderr.write(redact(text))

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
