"""HAProxy (Debian's package) in front of several `zorgveilig run` webhook servers, as the
README's deployment picture runs it: each chat's updates go to one process (a consistent
hash of the chat id read from the update's JSON), so a chat is answered in order; when a
process dies, its chats move to the others and a request it did not answer is sent to
another at once. The binary comes from `ZV_TEST_HAPROXY` (scripts/with-haproxy) or the
PATH; the config is the one in docs/deployment/haproxy.cfg with the test's ports.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
CONFIG = PROJECT / "docs" / "deployment" / "haproxy.cfg"
HAPROXY_ENV = "ZV_TEST_HAPROXY"


def haproxy_binary() -> str:
    """The haproxy command, or skip (fail under CI) when it is not installed."""
    found = os.environ.get(HAPROXY_ENV) or shutil.which("haproxy") or "/usr/sbin/haproxy"
    if Path(found).exists():
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{HAPROXY_ENV} is not set: run the tests through `make test`")
    pytest.skip("no HAProxy: run through `make test` or scripts/with-haproxy")


def config(front_port: int, backend_ports: list[int]) -> str:
    """The deployment config with this test's ports (127.0.0.1 only)."""
    text = CONFIG.read_text()
    text = text.replace("bind 127.0.0.1:8443", f"bind 127.0.0.1:{front_port}")
    servers = "\n".join(
        f"    server bot{n} 127.0.0.1:{port} check inter 200ms fall 1 rise 1"
        for n, port in enumerate(backend_ports, start=1)
    )
    start = text.index("    server bot1 ")
    return text[:start] + servers + "\n"  # the servers end the file


class Haproxy:
    """A running HAProxy in the foreground; `stop()` ends it."""

    def __init__(self, process: asyncio.subprocess.Process, folder: Path) -> None:
        self.process = process
        self.folder = folder

    @classmethod
    async def start(cls, folder: Path, front_port: int, backend_ports: list[int]) -> Haproxy:
        binary = haproxy_binary()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "haproxy.cfg"
        path.write_text(config(front_port, backend_ports))
        check = await asyncio.create_subprocess_exec(
            binary, "-c", "-f", str(path), stdout=asyncio.subprocess.PIPE
        )
        err, _ = await check.communicate()
        assert check.returncode == 0, f"haproxy refused the config: {err.decode()}"
        process = await asyncio.create_subprocess_exec(
            binary,
            "-db",
            "-f",
            str(path),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        await _listening(front_port)
        return cls(process, folder)

    async def stop(self) -> None:
        if self.process.returncode is None:
            self.process.terminate()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.process.wait(), 5)
        if self.process.returncode is None:
            self.process.kill()
            await self.process.wait()


async def _listening(port: int, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if loop.time() > deadline:
                raise
            await asyncio.sleep(0.05)
            continue
        writer.close()
        await writer.wait_closed()
        return
