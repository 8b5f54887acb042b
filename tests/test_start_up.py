"""Starting safely: a refused token is never printed, secrets stay out of every log line
and traceback, weak keys are refused, and processes starting at once migrate once."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

from tests.conftest import PROJECT
from tests.fake_telegram import FakeTelegram
from tests.running_bot import RunningBot, bot_env

REJECTED = "7000001:AAHrejected-by-the-server_0123456789"


def test_a_token_the_server_refuses_is_never_printed(cli_env: dict[str, str]) -> None:
    async def main() -> tuple[int | None, str]:
        fake = FakeTelegram()  # answers 401 Unauthorized to any token but its own
        await fake.start()
        env = bot_env(cli_env, telegram_url=fake.base_url) | {"ZV_TELEGRAM_TOKEN": REJECTED}
        bot = await RunningBot.start(env)
        try:
            await asyncio.wait_for(bot.process.wait(), 60)
        finally:
            await bot.stop()
            await fake.stop()
        return bot.process.returncode, bot.log

    returncode, logged = asyncio.run(main())
    assert returncode == 2, logged[-2000:]
    assert "refused the bot token (ZV_TELEGRAM_TOKEN)" in logged
    assert "Traceback" not in logged
    assert REJECTED not in logged
    assert REJECTED.split(":")[1] not in logged, "not even the secret part alone"


def test_secrets_are_blanked_out_of_log_lines_and_tracebacks(cli_env: dict[str, str]) -> None:
    """Whatever a library logs or raises later (a URL with the token, a password in an
    error), the process's log and its crash output do not show it."""
    program = (
        "import logging\n"
        "from bot.cli_base import configure_logging, load_settings\n"
        "configure_logging(load_settings())\n"
        f"logging.getLogger('httpx').error('POST http://x/bot{REJECTED}/getMe 401')\n"
        "logging.getLogger('nio').error('login with %s failed', 'pw-Geheim-123456')\n"
        "try:\n"
        f"    raise RuntimeError('token {REJECTED} refused')\n"
        "except RuntimeError:\n"
        "    logging.getLogger('telegram').exception('polling stopped')\n"
        "raise RuntimeError('password pw-Geheim-123456 and db secret db-Geheim-654321')\n"
    )
    env = {
        **os.environ,
        **cli_env,
        "ZV_LOG_LEVEL": "DEBUG",
        "ZV_TELEGRAM_TOKEN": REJECTED,
        "ZV_MATRIX_PASSWORD": "pw-Geheim-123456",
        "ZV_DATABASE_URL": "postgresql://zv:db-Geheim-654321@127.0.0.1:1/zv",
    }
    result = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
        cwd=PROJECT,
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "polling stopped" in output
    assert output.count("Traceback") == 2, "the logged one and the crash"
    assert "[redacted]" in output
    for secret in (REJECTED.split(":")[1], "pw-Geheim-123456", "db-Geheim-654321"):
        assert secret not in output
