"""Running the configured messengers in one process: Telegram (long polling or a webhook
server) and Matrix (a sync loop, in one process of those sharing the database) on one
event loop, sharing one runtime, one database and one ticker for the periodic work, until
SIGINT or SIGTERM."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from bot.core.logs import quiet_noisy_loggers
from bot.core.ticker import Ticker
from bot.runtime import Runtime
from bot.settings import Settings
from dialogs.learned import warm_up

if TYPE_CHECKING:
    from bot.matrix.channel import MatrixOptions
    from bot.telegram.channel import TelegramOptions

log = logging.getLogger(__name__)


class ChannelConfigError(Exception):
    """A messenger's settings do not fit together (names settings, never values)."""


class Channel(Protocol):
    async def stop(self) -> None: ...


@dataclass(frozen=True)
class Messengers:
    """The messengers the settings configure, checked before anything starts."""

    telegram: TelegramOptions | None = None
    matrix: MatrixOptions | None = None

    @property
    def any(self) -> bool:
        return self.telegram is not None or self.matrix is not None


def messengers_from(settings: Settings) -> Messengers:
    """The configured messengers' options (imports each only when it is configured)."""
    telegram = matrix = None
    if settings.telegram_token is not None:
        from bot.telegram.run import TelegramConfigError, options_from

        try:
            telegram = options_from(settings)
        except TelegramConfigError as exc:
            raise ChannelConfigError(str(exc)) from None
    if settings.matrix_homeserver is not None:
        from bot.matrix.run import MatrixConfigError
        from bot.matrix.run import options_from as matrix_options

        try:
            matrix = matrix_options(settings)
        except MatrixConfigError as exc:
            raise ChannelConfigError(str(exc)) from None
    return Messengers(telegram, matrix)


async def serve(runtime: Runtime, messengers: Messengers, *, ticker: Ticker | None = None) -> None:
    """Run the messengers until SIGINT/SIGTERM (or until cancelled)."""
    quiet_noisy_loggers()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    ticker = ticker or Ticker(runtime.tick)
    # Answers in own words are learned now, beside the start, not on a melder's first one.
    # The thread is stopped and joined before the process ends: a thread still inside
    # scikit-learn's native code when the interpreter exits aborts the process.
    learning = threading.Event()
    learner = threading.Thread(
        target=warm_up,
        args=(runtime.engine.flows, runtime.settings.answer_models_path, learning),
        name="zorgveilig-learn",
        daemon=True,
    )
    learner.start()
    running: list[Channel] = []
    try:
        await _start(runtime, messengers, ticker, running)
        await stop.wait()
    finally:
        learning.set()
        for channel in reversed(running):
            await channel.stop()
        await asyncio.to_thread(learner.join)


async def _start(
    runtime: Runtime, messengers: Messengers, ticker: Ticker, running: list[Channel]
) -> None:
    if messengers.telegram is not None:
        from bot.telegram.channel import TelegramChannel
        from bot.telegram.run import TelegramConfigError, start_telegram

        telegram = TelegramChannel(runtime, messengers.telegram, ticker)
        try:
            await start_telegram(telegram, runtime.settings, beside_matrix=bool(messengers.matrix))
        except TelegramConfigError as exc:
            raise ChannelConfigError(str(exc)) from None
        running.append(telegram)
    if messengers.matrix is not None:
        from bot.matrix.leader import MatrixLeader

        # One process on the database syncs; the others stand by to take over.
        matrix = MatrixLeader(runtime, messengers.matrix, ticker)
        running.append(matrix)
        await matrix.start()


def run_messengers(runtime: Runtime, messengers: Messengers) -> None:
    """Block: run the configured messengers until stopped."""
    asyncio.run(serve(runtime, messengers))
