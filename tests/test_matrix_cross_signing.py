"""The bot's Matrix device is cross-signed, so a melder whose client trusts only devices
their owner cross-signed (MSC4153, where Element is going) reads the bot: against the real
Synapse (see tests/test_matrix.py), with a client that is not matrix-nio but matrix-js-sdk
and its Rust crypto in Node.js (tests/js_melder.py), in an encrypted direct chat.
"""

from __future__ import annotations

import asyncio
import os
import stat
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.fernet import Fernet

from bot.matrix import keyfile
from bot.matrix.channel import MatrixOptions
from bot.matrix.cross_signing import Outcome
from bot.matrix.run import store_dir
from bot.runtime import Runtime
from bot.settings import Settings
from storage.crypto import Vault
from tests.conftest import run_cli
from tests.js_melder import JsMelder, Message
from tests.synapse_server import Synapse
from tests.test_matrix import (  # noqa: F401 (fixtures)
    BOT,
    DESCRIPTION,
    PASSWORD,
    TEST_TIMEOUT,
    Harness,
    matrix_settings,
    synapse,
    wait_until,
)

UNSIGNED = "UNSIGNED_SENDER_DEVICE"


class SigningHarness(Harness):
    """The harness with the bot's cross-signing on or off."""

    def __init__(self, runtime: Runtime, server: Synapse, *, cross_signing: bool) -> None:
        super().__init__(runtime, server)
        self.cross_signing = cross_signing

    def options(self) -> MatrixOptions:
        return replace(super().options(), cross_signing=self.cross_signing)


def run(
    runtime: Runtime,
    server: Synapse,
    body: Callable[[SigningHarness], Awaitable[None]],
    *,
    cross_signing: bool = True,
) -> None:
    async def main() -> None:
        harness = SigningHarness(runtime, server, cross_signing=cross_signing)
        await harness.start()
        try:
            await asyncio.wait_for(body(harness), timeout=TEST_TIMEOUT)
        finally:
            await harness.close()

    asyncio.run(main())


class JsChat:
    """The melder's encrypted direct chat with the bot, in the matrix-js-sdk client."""

    def __init__(self, h: Harness, melder: JsMelder, room_id: str) -> None:
        self.h = h
        self.melder = melder
        self.room_id = room_id
        self.seen = 0

    @classmethod
    async def open(cls, h: Harness, melder: JsMelder) -> tuple[JsChat, list[Message]]:
        """Invite the bot to a new encrypted direct chat; the chat and the greeting."""
        before = h.bot.handled
        room_id = await melder.open_chat(h.bot.client.user_id)
        await wait_until(lambda: h.bot.handled > before)
        chat = cls(h, melder, room_id)
        return chat, await chat.new()

    async def all(self) -> list[Message]:
        """Every message the bot sent into the chat, as the melder's client shows it."""
        return await self.melder.messages(self.room_id, self.h.bot.client.user_id)

    async def new(self) -> list[Message]:
        messages = await self.all()
        fresh, self.seen = messages[self.seen :], len(messages)
        return fresh

    async def turn(self, text: str) -> list[Message]:
        """Send a message; the bot's answer to it."""
        before = self.h.bot.handled
        await self.melder.send(self.room_id, text)
        await wait_until(lambda: self.h.bot.handled > before)
        return await self.new()


async def js_melder(server: Synapse, folder: Path) -> JsMelder:
    """A new care worker on the server, logged in with the matrix-js-sdk client."""
    localpart = "js-melder-" + uuid.uuid4().hex[:8]
    user_id = server.register(localpart, PASSWORD)
    return await JsMelder.start(server.url, user_id, PASSWORD, folder / "js-melder.log")


def bodies(messages: list[Message]) -> str:
    return "\n".join(m.body or "" for m in messages)


@pytest.mark.sqlite_only  # the database plays no part in the device's keys
def test_a_melder_who_trusts_only_cross_signed_devices_reads_the_bot_across_a_restart(
    matrix_settings: Settings,  # noqa: F811
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,  # noqa: F811
    tmp_path: Path,
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: SigningHarness) -> None:
        assert h.bot.cross_signing is not None
        assert h.bot.cross_signing.checks[0] == Outcome(created=True, uploaded=True, signed=True)
        device_id = h.bot.client.device_id
        melder = await js_melder(synapse, tmp_path)
        try:
            chat, greeting = await JsChat.open(h, melder)
            assert greeting, "the bot greets"
            assert all(m.read for m in greeting), greeting
            assert "ZorgVeilig" in bodies(greeting)
            assert "Online bedreiging melden" in bodies(greeting)
            first = await melder.identity(h.bot.client.user_id)
            assert first["has_cross_signing_keys"]
            assert first["devices"][device_id]["signed_by_owner"], first
            assert "Wat is er gebeurd?" in bodies(await chat.turn("online"))

            # A restart: the same device, the same identity, nothing uploaded again.
            await h.stop()
            h.runtime = make_runtime(fresh_settings=True)
            await h.start()
            assert h.bot.client.device_id == device_id
            assert h.bot.cross_signing is not None
            assert set(h.bot.cross_signing.checks) == {Outcome()}, "in place: nothing to do"
            assert "Wanneer is het gebeurd?" in bodies(await chat.turn(DESCRIPTION))

            everything = await chat.all()
            assert len(everything) >= 5
            assert [m for m in everything if not m.read] == []
            again = await melder.identity(h.bot.client.user_id)
            assert again["master_key"] == first["master_key"], "the same identity"
            assert again["devices"][device_id]["signed_by_owner"]
            assert not again["needs_user_approval"], "no 'identity changed' warning"
        finally:
            await melder.stop()
        assert_keys_kept_encrypted(h.runtime, first["master_key"])

    run(runtime, synapse, body)


def assert_keys_kept_encrypted(runtime: Runtime, master_key: str) -> None:
    """The private keys are in the Matrix store folder, mode 0600, readable only with the
    data key; they are the keys of the identity the melder's client saw."""
    folder = store_dir(runtime.settings)
    path = keyfile.key_path(folder)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    keys = keyfile.load(folder, runtime.store.vault, runtime.settings.matrix_user_id or "")
    assert keys is not None
    assert keys.master.public == master_key
    stored = path.read_bytes()
    for key in (keys.master, keys.self_signing, keys.user_signing):
        assert key.seed.encode() not in stored
    assert b"master" not in stored


@pytest.mark.sqlite_only  # the database plays no part in the device's keys
def test_without_cross_signing_that_melder_cannot_read_even_the_greeting(
    matrix_settings: Settings,  # noqa: F811
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,  # noqa: F811
    tmp_path: Path,
) -> None:
    """What the issue reported, kept as the control: the same client, a bot device that is
    not cross-signed."""
    runtime = make_runtime(fresh_settings=True)

    async def body(h: SigningHarness) -> None:
        assert h.bot.cross_signing is None
        melder = await js_melder(synapse, tmp_path)
        try:
            _, greeting = await JsChat.open(h, melder)
            assert greeting
            assert [m.failure for m in greeting] == [UNSIGNED] * len(greeting)
            seen = await melder.identity(h.bot.client.user_id)
            assert not seen["devices"][h.bot.client.device_id]["signed_by_owner"]
        finally:
            await melder.stop()

    run(runtime, synapse, body, cross_signing=False)


async def published_master_key(server: Synapse, user_id: str) -> str | None:
    """The master key the homeserver holds for `user_id`, as any user sees it."""
    async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
        login = await http.post(
            "/_matrix/client/v3/login",
            json={"type": "m.login.password", "user": user_id, "password": PASSWORD},
        )
        token = login.json()["access_token"]
        reply = await http.post(
            "/_matrix/client/v3/keys/query",
            json={"device_keys": {user_id: []}},
            headers={"Authorization": f"Bearer {token}"},
        )
    keys: dict[str, Any] = reply.json().get("master_keys", {}).get(user_id, {}).get("keys", {})
    return next(iter(keys.values()), None)


def bot_access_token(server: Synapse) -> str:
    """A new login of the bot's account (its own device), as an operator would make one."""
    reply = httpx.post(
        f"{server.url}/_matrix/client/v3/login",
        json={"type": "m.login.password", "user": server.user_id(BOT), "password": PASSWORD},
        timeout=30,
    )
    return str(reply.json()["access_token"])


@pytest.mark.sqlite_only  # the database plays no part in the device's keys
def test_a_lost_key_file_is_replaced_on_the_server_only_with_the_password(
    matrix_settings: Settings,  # noqa: F811
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The server asks for the password (user-interactive auth) before it takes new keys:
    logged in with an access token only, the bot says so and keeps running; with the
    password its new identity is uploaded and its device signed."""
    bot = synapse.user_id(BOT)
    folder = store_dir(matrix_settings)
    with_token = {"ZV_MATRIX_ACCESS_TOKEN": bot_access_token(synapse)}

    async def main() -> None:
        h = SigningHarness(make_runtime(fresh_settings=True), synapse, cross_signing=True)
        try:
            await h.start()
            first = h.bot.cross_signing
            assert first is not None
            assert first.keys is not None
            assert await published_master_key(synapse, bot) == first.keys.master.public
            await h.stop()
            keyfile.key_path(folder).unlink()

            with monkeypatch.context() as env:
                env.delenv("ZV_MATRIX_PASSWORD")
                for name, value in with_token.items():
                    env.setenv(name, value)
                h.runtime = make_runtime(fresh_settings=True)
                await h.start()
            signing = h.bot.cross_signing
            assert signing is not None
            assert signing.keys is not None
            assert signing.checks == [], "not replaced without the password"
            assert "needs ZV_MATRIX_PASSWORD" in caplog.text
            new_master = signing.keys.master.public
            assert await published_master_key(synapse, bot) != new_master
            _, greeting = await h.open_chat(await h.person())
            assert greeting, "the bot runs on"
            await h.stop()

            h.runtime = make_runtime(fresh_settings=True)
            await h.start()
            signing = h.bot.cross_signing
            assert signing is not None
            assert signing.keys is not None
            assert signing.keys.master.public == new_master, "the stored new keys"
            assert signing.checks[0] == Outcome(uploaded=True, signed=True)
            assert await published_master_key(synapse, bot) == new_master
        finally:
            await h.close()

    asyncio.run(asyncio.wait_for(main(), TEST_TIMEOUT))


@pytest.mark.sqlite_only  # the database plays no part in the device's keys
def test_keys_that_cannot_be_decrypted_stop_zorgveilig_run_with_a_clear_message(
    matrix_settings: Settings,  # noqa: F811
    synapse: Synapse,  # noqa: F811
    cli_env: dict[str, str],
) -> None:
    """A wrong data key must not quietly give the bot a new identity: the operator is told
    which file, and the file is left as it was."""
    folder = store_dir(matrix_settings)
    elsewhere = Vault([Fernet.generate_key()], os.urandom(32))
    keyfile.load_or_create(folder, elsewhere, synapse.user_id(BOT))
    before = keyfile.key_path(folder).read_bytes()
    result = run_cli(["run"], {**cli_env, "NO_PROXY": "127.0.0.1,localhost"})
    assert result.returncode == 2, result.stderr[-2000:]
    assert f"the cross-signing keys in {keyfile.key_path(folder)} cannot be read" in result.stderr
    assert "Traceback" not in result.stderr
    assert keyfile.key_path(folder).read_bytes() == before
