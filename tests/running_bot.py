"""`zorgveilig run` as a real subprocess, for tests of the command itself.

The log (stdout and stderr) is collected line by line while the bot runs, so a test can
wait for a mark in it and, at the end, check what was never logged.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from pathlib import Path

from tests.fake_telegram import TOKEN

PROJECT = Path(__file__).resolve().parent.parent


def bot_env(cli_env: dict[str, str], *, telegram_url: str | None = None) -> dict[str, str]:
    """The environment for `zorgveilig run` in a test: debug logs (which the tests scan
    for secrets), traffic to 127.0.0.1 only, and the fake Bot API when `telegram_url`."""
    env = {
        **os.environ,
        **cli_env,
        "ZV_LOG_LEVEL": "DEBUG",
        "NO_PROXY": "127.0.0.1,localhost",
    }
    if telegram_url is not None:
        env |= {"ZV_TELEGRAM_TOKEN": TOKEN, "ZV_TELEGRAM_BASE_URL": telegram_url}
    return env


class RunningBot:
    """A started `python -m bot run`; stop it with `stop` (SIGINT, as an operator does)."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.lines: list[bytes] = []
        assert process.stdout is not None
        assert process.stderr is not None
        self._readers = [
            asyncio.create_task(self._read(process.stdout)),
            asyncio.create_task(self._read(process.stderr)),
        ]

    @classmethod
    async def start(cls, env: dict[str, str]) -> RunningBot:
        """Start the bot with this environment, in the project folder."""
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            env=env,
            cwd=PROJECT,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        return cls(process)

    async def _read(self, stream: asyncio.StreamReader) -> None:
        async for line in stream:
            self.lines.append(line)

    @property
    def running(self) -> bool:
        """Whether the process is still alive."""
        return self.process.returncode is None

    @property
    def log(self) -> str:
        """Everything logged so far."""
        return b"".join(self.lines).decode(errors="replace")

    def logged(self, mark: str) -> bool:
        """Whether a line so far contains `mark`."""
        encoded = mark.encode()
        return any(encoded in line for line in self.lines)

    async def stop(self, timeout: float = 30) -> int:
        """SIGINT, then wait (kill after `timeout`); the exit code."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGINT)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.process.wait(), timeout)
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()
        await asyncio.gather(*self._readers)
        assert self.process.returncode is not None
        return self.process.returncode
