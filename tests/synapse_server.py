"""A real Synapse homeserver for the Matrix tests, on 127.0.0.1 and a free port.

Synapse comes from its own virtualenv (`make synapse-install`, `.venv-synapse`). The config
is generated per test session: SQLite, no federation, no key servers, no metrics, relaxed
rate limits, and users registered through the shared-secret admin API. The server is
stopped (and its folder removed by pytest) when the session ends.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import yaml

PROJECT = Path(__file__).resolve().parent.parent
SYNAPSE_PYTHON = PROJECT / ".venv-synapse" / "bin" / "python"
SERVER_NAME = "zorgveilig.test"
START_TIMEOUT = 120.0

_RELAXED = {"per_second": 1000, "burst_count": 1000}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def config(folder: Path, port: int, secret: str) -> dict[str, Any]:
    """A homeserver config for tests: loopback only, SQLite, no federation."""
    return {
        "server_name": SERVER_NAME,
        "pid_file": str(folder / "homeserver.pid"),
        "public_baseurl": f"http://127.0.0.1:{port}/",
        "listeners": [
            {
                "port": port,
                "bind_addresses": ["127.0.0.1"],
                "type": "http",
                "tls": False,
                "x_forwarded": False,
                "resources": [{"names": ["client"], "compress": False}],
            }
        ],
        "database": {"name": "sqlite3", "args": {"database": str(folder / "homeserver.db")}},
        "log_config": str(folder / "log.yaml"),
        "media_store_path": str(folder / "media"),
        "signing_key_path": str(folder / "signing.key"),
        "registration_shared_secret": secret,
        "macaroon_secret_key": secrets.token_hex(16),
        "form_secret": secrets.token_hex(16),
        "report_stats": False,
        "enable_metrics": False,
        "enable_registration": False,
        "url_preview_enabled": False,
        "trusted_key_servers": [],
        "suppress_key_server_warning": True,
        "federation_domain_whitelist": [],
        "presence": {"enabled": False},
        "bcrypt_rounds": 4,
        "rc_message": _RELAXED,
        "rc_registration": _RELAXED,
        "rc_login": {"address": _RELAXED, "account": _RELAXED, "failed_attempts": _RELAXED},
        "rc_joins": {"local": _RELAXED, "remote": _RELAXED},
        "rc_joins_per_room": _RELAXED,
        "rc_invites": {"per_room": _RELAXED, "per_user": _RELAXED, "per_issuer": _RELAXED},
        "rc_3pid_validation": _RELAXED,
        "rc_admin_redaction": _RELAXED,
        "rc_key_requests": _RELAXED,
        "rc_media_create": _RELAXED,
    }


LOG_CONFIG = {
    "version": 1,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"file": {"class": "logging.FileHandler", "formatter": "plain"}},
    "root": {"level": "WARNING", "handlers": ["file"]},
    "disable_existing_loggers": False,
}


@dataclass
class Synapse:
    """A running homeserver: its URL and a way to register users."""

    url: str
    secret: str
    process: subprocess.Popen[bytes]
    folder: Path

    def user_id(self, localpart: str) -> str:
        return f"@{localpart}:{SERVER_NAME}"

    def register(self, localpart: str, password: str) -> str:
        """Register a user with the shared secret (like register_new_matrix_user)."""
        endpoint = f"{self.url}/_synapse/admin/v1/register"
        with httpx.Client(timeout=30) as client:
            nonce = client.get(endpoint).json()["nonce"]
            mac = hmac.new(self.secret.encode(), digestmod=hashlib.sha1)
            mac.update(b"\x00".join([nonce.encode(), localpart.encode(), password.encode()]))
            mac.update(b"\x00notadmin")
            response = client.post(
                endpoint,
                json={
                    "nonce": nonce,
                    "username": localpart,
                    "password": password,
                    "admin": False,
                    "mac": mac.hexdigest(),
                },
            )
        if response.status_code != 200 and "M_USER_IN_USE" not in response.text:
            raise RuntimeError(f"registering a test user failed: {response.status_code}")
        return self.user_id(localpart)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


class Shared:
    """One server for every test module of a session: started on first use, stopped when
    the last module's fixture lets go (session fixtures of several modules overlap)."""

    server: Synapse | None = None
    holders = 0

    @classmethod
    def acquire(cls, folder: Callable[[], Path]) -> Synapse:
        if cls.server is None:
            cls.server = start(folder())
        cls.holders += 1
        return cls.server

    @classmethod
    def release(cls) -> None:
        cls.holders -= 1
        if cls.holders <= 0 and cls.server is not None:
            cls.server.stop()
            cls.server = None
            cls.holders = 0


def start(folder: Path) -> Synapse:
    """Generate the config and keys, start Synapse, wait until it answers."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    secret = secrets.token_hex(16)
    config_file = folder / "homeserver.yaml"
    config_file.write_text(yaml.safe_dump(config(folder, port, secret)))
    log_config = dict(LOG_CONFIG)
    log_config["handlers"] = {
        "file": {
            "class": "logging.FileHandler",
            "formatter": "plain",
            "filename": str(folder / "homeserver.log"),
        }
    }
    (folder / "log.yaml").write_text(yaml.safe_dump(log_config))
    python = str(SYNAPSE_PYTHON)
    subprocess.run(
        [python, "-m", "synapse.app.homeserver", "-c", str(config_file), "--generate-keys"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with (folder / "stdout.log").open("wb") as output:
        process = subprocess.Popen(
            [python, "-m", "synapse.app.homeserver", "-c", str(config_file)],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=folder,
        )
    url = f"http://127.0.0.1:{port}"
    server = Synapse(url=url, secret=secret, process=process, folder=folder)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(
                "Synapse exited at start-up: " + (folder / "stdout.log").read_text()[-2000:]
            )
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    server.stop()
    raise RuntimeError(f"Synapse did not start within {START_TIMEOUT:.0f} s")
