"""What every `zorgveilig` command shares: the settings, the logging, the operator's errors."""

from __future__ import annotations

import logging
import sys

from pydantic import ValidationError

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
    """Log to stderr at ZV_LOG_LEVEL (with logger names when debugging)."""
    logging.basicConfig(
        level=settings.log_level.upper(),
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        if settings.log_level.upper() == "DEBUG"
        else "zorgveilig %(levelname)s: %(message)s",
    )
