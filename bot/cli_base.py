"""What every `zorgveilig` command shares: the settings, the logging, the operator's errors."""

from __future__ import annotations

import logging
import sys

from pydantic import ValidationError

from bot.core.logs import RedactingFormatter, Redactor, install_excepthooks
from bot.settings import Settings


class CliError(Exception):
    """A problem the operator can fix; printed without a traceback."""


def load_settings() -> Settings:
    """The settings from the environment; a wrong one is named, never shown."""
    try:
        return Settings()
    except ValidationError as exc:
        # Name the settings that are wrong, never their values (they may be secrets).
        names = sorted({"ZV_" + str(err["loc"][0]).upper() for err in exc.errors() if err["loc"]})
        raise CliError("invalid settings: " + ", ".join(names)) from None


def configure_logging(settings: Settings) -> None:
    """Log to stderr at ZV_LOG_LEVEL (with logger names when debugging), with every
    secret setting blanked out of log lines and tracebacks."""
    root = logging.getLogger()
    if root.handlers:  # configured already (as logging.basicConfig, leave it alone)
        return
    level = settings.log_level.upper()
    fmt = (
        "%(asctime)s %(levelname)s %(name)s: %(message)s"
        if level == "DEBUG"
        else "zorgveilig %(levelname)s: %(message)s"
    )
    redact = Redactor(settings.secret_values())
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(RedactingFormatter(fmt, redact))
    root.addHandler(handler)
    root.setLevel(level)
    install_excepthooks(redact)
