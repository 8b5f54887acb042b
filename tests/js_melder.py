"""A melder on Matrix with a client that is not matrix-nio: matrix-js-sdk and its Rust crypto
in Node.js (tests/js/melder.mjs), trusting only devices their owner cross-signed (MSC4153).

`make test` installs it (`npm ci` in tests/js, pinned by its package-lock.json); without it
the tests that use it are skipped, and in CI they fail.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

JS = Path(__file__).resolve().parent / "js"
SCRIPT = JS / "melder.mjs"
INSTALLED = JS / "node_modules" / "matrix-js-sdk"
REPLY_TIMEOUT = 60.0


def node_or_skip() -> str:
    """The Node.js executable, with the client's packages installed; else skip (fail in CI)."""
    node = shutil.which("node")
    if node is None or not INSTALLED.exists():
        message = "matrix-js-sdk is not installed: run `make js-install` (make test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return node


@dataclass(frozen=True)
class Message:
    """One message of the bot as the melder's client shows it."""

    event_id: str
    encrypted: bool
    type: str
    body: str | None
    failure: str | None

    @property
    def read(self) -> bool:
        """The melder can read it: it came encrypted and was decrypted."""
        return self.encrypted and self.failure is None and self.type == "m.room.message"


class JsMelder:
    """The Node.js client as a subprocess: one JSON command, one JSON answer."""

    def __init__(self, process: asyncio.subprocess.Process, user_id: str, device_id: str):
        self.process = process
        self.user_id = user_id
        self.device_id = device_id

    @classmethod
    async def start(cls, homeserver: str, user_id: str, password: str, log: Path) -> JsMelder:
        """Log in with a new device, cross-sign it, set up the strict mode and sync once.
        What the SDK logs goes to `log`."""
        with log.open("ab") as stderr:
            process = await asyncio.create_subprocess_exec(
                node_or_skip(),
                str(SCRIPT),
                homeserver,
                user_id,
                password,
                cwd=JS,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=stderr,
            )
        me = await _answer(process)
        return cls(process, str(me["user_id"]), str(me["device_id"]))

    async def call(self, cmd: str, **args: str) -> Any:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"cmd": cmd, **args}).encode() + b"\n")
        await self.process.stdin.drain()
        return await _answer(self.process)

    async def open_chat(self, invite: str) -> str:
        """A new encrypted direct chat with `invite`; its room id."""
        return str(await self.call("open", invite=invite))

    async def send(self, room_id: str, text: str) -> str:
        return str(await self.call("send", room=room_id, text=text))

    async def messages(self, room_id: str, sender: str) -> list[Message]:
        """Every message `sender` sent into the room, as this client decrypted it (or not)."""
        found = await self.call("read", room=room_id, sender=sender)
        return [Message(**item) for item in found]

    async def identity(self, user_id: str) -> dict[str, Any]:
        """What this client knows of a user's cross-signing: master key, signed devices."""
        return dict(await self.call("identity", user=user_id))

    async def stop(self) -> None:
        if self.process.returncode is None:
            assert self.process.stdin is not None
            self.process.stdin.write(b'{"cmd": "stop"}\n')
            try:
                await asyncio.wait_for(self.process.wait(), 10)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


async def _answer(process: asyncio.subprocess.Process) -> Any:
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), REPLY_TIMEOUT)
    if not line:
        raise RuntimeError("the matrix-js-sdk client exited")
    reply = json.loads(line)
    if "error" in reply:
        raise RuntimeError("the matrix-js-sdk client failed: " + str(reply["error"]))
    return reply["ok"]
