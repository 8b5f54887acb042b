"""Starting safely: a refused token is never printed, secrets stay out of every log line
and traceback, weak keys are refused, and processes starting at once migrate once."""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet

from storage.crypto import KeyConfigError, KeySources, Vault, load_vault
from storage.db import create_db_engine
from tests.conftest import POSTGRES_ENV, PROJECT, run_cli
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


WEAK_KEYS = {
    "32 identical bytes": b"\x07" * 32,
    "all zero": bytes(32),
    "a repeated pattern": b"zorg" * 8,
    "16 random bytes twice": bytes.fromhex("8f1c2a9e44d07b3a61e5c9f0b2d83e17") * 2,
    "counting up": bytes(range(100, 132)),
}


@pytest.mark.parametrize("key", WEAK_KEYS.values(), ids=WEAK_KEYS.keys())
def test_a_weak_pseudonym_key_is_refused(key: bytes, tmp_path: Path) -> None:
    value = base64.b64encode(key).decode()
    with pytest.raises(KeyConfigError, match=r"ZV_PSEUDONYM_KEY is too weak") as refused:
        load_vault(KeySources(dev_dir=tmp_path / "keys", pseudonym_key=value))
    assert "zorgveilig keys generate pseudonym" in str(refused.value)
    assert value not in str(refused.value)
    path = tmp_path / "pseudonym.key"
    path.write_text(value)
    with pytest.raises(KeyConfigError, match=r"ZV_PSEUDONYM_KEY_FILE is too weak"):
        load_vault(KeySources(dev_dir=tmp_path / "keys", pseudonym_key_file=path))


def test_a_random_key_and_a_generated_one_are_accepted(tmp_path: Path) -> None:
    random_key = base64.b64encode(os.urandom(32)).decode()
    load_vault(KeySources(dev_dir=tmp_path / "keys", pseudonym_key=random_key))
    load_vault(KeySources(dev_dir=tmp_path / "keys"))  # generated for development


def test_processes_starting_at_once_on_a_fresh_folder_agree_on_its_keys(tmp_path: Path) -> None:
    """Before, a start could fail on another's half-made key file, or read it empty; now
    every start gets the one pair of keys made, and no draft is left behind."""
    for attempt in range(20):
        folder = tmp_path / f"keys-{attempt}"
        start = threading.Barrier(6)

        def load(folder: Path = folder, start: threading.Barrier = start) -> Vault:
            start.wait()
            return load_vault(KeySources(dev_dir=folder))

        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            vaults = list(pool.map(lambda _: load(), range(6)))
        assert len({vault.pseudonym("telegram", "42") for vault in vaults}) == 1
        token = vaults[0].encrypt(b"kept")
        assert all(vault.decrypt(token) == b"kept" for vault in vaults)
        assert sorted(path.name for path in folder.iterdir()) == ["data.key", "pseudonym.key"]


def test_a_weak_new_data_key_is_refused_but_an_old_one_can_be_rotated_away(
    tmp_path: Path,
) -> None:
    weak = base64.urlsafe_b64encode(bytes(32)).decode()
    good = Fernet.generate_key().decode()
    pseudonym = base64.b64encode(os.urandom(32)).decode()
    with pytest.raises(KeyConfigError, match=r"ZV_DATA_KEY is too weak"):
        load_vault(KeySources(data_key=weak, pseudonym_key=pseudonym))
    load_vault(KeySources(data_key=f"{good},{weak}", pseudonym_key=pseudonym))


def test_the_bot_does_not_start_with_a_weak_pseudonym_key(cli_env: dict[str, str]) -> None:
    value = base64.b64encode(b"\x07" * 32).decode()
    result = run_cli(["chat", "--jsonl"], {**cli_env, "ZV_PSEUDONYM_KEY": value}, stdin="hallo\n")
    assert result.returncode == 2
    assert "ZV_PSEUDONYM_KEY is too weak" in result.stderr
    assert "Traceback" not in result.stderr
    assert value not in result.stdout + result.stderr


#: One process's start: connect, wait for the signal, migrate (as `open_store` does).
_MIGRATE = (
    "import sys\n"
    "from storage.db import create_db_engine, migrate\n"
    "engine = create_db_engine(sys.argv[1])\n"
    "print('ready', flush=True)\n"
    "sys.stdin.readline()\n"
    "migrate(engine)\n"
    "print('migrated', flush=True)\n"
)


def migrate_at_once(url: str, processes: int = 3) -> list[tuple[int, str]]:
    """Start `processes` migrations on `url` at the same moment; (exit code, stderr) each."""
    started = [
        subprocess.Popen(
            [sys.executable, "-c", _MIGRATE, url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=PROJECT,
        )
        for _ in range(processes)
    ]
    for process in started:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
    for process in started:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    results = []
    for process in started:
        _out, err = process.communicate(timeout=120)
        results.append((process.returncode, err))
    return results


def assert_migrated_once(url: str) -> None:
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            versions = connection.execute(sa.text("SELECT version_num FROM alembic_version"))
            assert len(versions.all()) == 1
        assert {"case", "conversation", "outbox", "audit_event"} <= set(
            sa.inspect(engine).get_table_names()
        )
    finally:
        engine.dispose()


def test_processes_starting_together_on_a_fresh_sqlite_database_migrate_once(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'fresh' / 'zorgveilig.db'}"
    for returncode, err in migrate_at_once(url):
        assert returncode == 0, err[-2000:]
    assert_migrated_once(url)
    assert oct((tmp_path / "fresh" / "zorgveilig.db.migration-lock").stat().st_mode & 0o777) == (
        "0o600"
    )


def test_processes_starting_together_on_a_fresh_postgresql_database_migrate_once() -> None:
    server = os.environ.get(POSTGRES_ENV)
    if not server:
        if os.environ.get("CI"):
            pytest.fail(f"{POSTGRES_ENV} is not set: run the tests through `make test`")
        pytest.skip("no PostgreSQL server: run through `make test` or scripts/with-postgres")
    name = "zv_fresh_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = server.rsplit("/", 1)[0] + "/" + name
    try:
        for returncode, err in migrate_at_once(url):
            assert returncode == 0, err[-2000:]
        assert_migrated_once(url)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
