"""Cross-signing for the bot's Matrix device, so clients that trust only cross-signed
devices (MSC4153; Element's direction) read the bot and show no red shield.

matrix-nio has no cross-signing, so this speaks the client-server API itself, through the
nio client's HTTP session: ask the homeserver what it holds (POST /keys/query), upload the
bot's keys when they are not what it holds (POST /keys/device_signing/upload, with
user-interactive auth by password where the server asks for it), and sign the device
with the self-signing key when it is not signed yet (POST /keys/signatures/upload).
Nothing is uploaded when all is in place: a restart keeps the identity and the signature.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import nio

from bot.matrix import keyfile
from bot.matrix.signing import CrossSigningKeys, is_signed, sign_json
from storage.crypto import Vault

log = logging.getLogger(__name__)

API = "/_matrix/client/v3"
FIRST_RETRY = 30.0
LAST_RETRY = 3600.0


class CrossSigningError(Exception):
    """A cross-signing request was refused (carries the status and error code only)."""


@dataclass(frozen=True)
class Outcome:
    """What one check did: keys made, keys uploaded, the device signed."""

    created: bool = False
    uploaded: bool = False
    signed: bool = False

    def describe(self) -> str:
        done = [
            name
            for name, flag in (
                ("keys created", self.created),
                ("keys uploaded", self.uploaded),
                ("this device signed", self.signed),
            )
            if flag
        ]
        return ", ".join(done) or "in place, nothing to do"


@dataclass(frozen=True)
class Published:
    """What the homeserver holds for the bot: the public keys and this device's keys."""

    publics: tuple[str | None, str | None, str | None]
    device: dict[str, Any] | None


class CrossSigning:
    """Keeps the bot's account cross-signed and its current device signed.

    `start()` reads (or makes) the keys and checks once; `upkeep()` runs on every sync."""

    def __init__(
        self, client: nio.AsyncClient, vault: Vault, store_dir: Path, password: str | None
    ) -> None:
        self.client = client
        self.vault = vault
        self.store_dir = store_dir
        self.password = password
        self.keys: CrossSigningKeys | None = None
        self.checks: list[Outcome] = []  # what each successful check did, first to last
        self._created = False
        self._due = True
        self._failures = 0
        self._next_try = 0.0

    async def start(self) -> None:
        """Read the keys (an unreadable key file stops the start) and check."""
        self.keys, self._created = await asyncio.to_thread(
            keyfile.load_or_create, self.store_dir, self.vault, self.client.user_id
        )
        await self.upkeep()

    async def upkeep(self, changed: Iterable[str] = ()) -> None:
        """Check when due: after a failure (tried again 30 s later, doubling to 1 h), or when
        `changed` (a sync's users whose devices or keys changed) holds the bot's account."""
        if self.client.user_id in changed:
            self._due = True
        loop = asyncio.get_running_loop()
        if self.keys is None or not self._due or loop.time() < self._next_try:
            return
        try:
            outcome = await self._check(self.keys)
        except (CrossSigningError, aiohttp.ClientError, OSError, TimeoutError) as exc:
            self._failures += 1
            delay = min(FIRST_RETRY * 2 ** (self._failures - 1), LAST_RETRY)
            self._next_try = loop.time() + delay
            log.error("Matrix: cross-signing failed (%s); trying again in %.0f s", exc, delay)
            return
        self._due, self._failures, self._created = False, 0, False
        self.checks.append(outcome)
        log.warning("Matrix: cross-signing %s", outcome.describe())

    async def _check(self, keys: CrossSigningKeys) -> Outcome:
        published = await self._published()
        uploaded = published.publics != keys.publics()
        if uploaded:
            await self._upload(keys)
        device = published.device
        if device is None:
            raise CrossSigningError("this device's keys are not on the homeserver")
        signed = not is_signed(device, keys.user_id, keys.self_signing.public)
        if signed:
            await self._sign_device(keys, device)
        return Outcome(created=self._created, uploaded=uploaded, signed=signed)

    async def _published(self) -> Published:
        user, device_id = self.client.user_id, self.client.device_id
        reply = await self._post("/keys/query", {"device_keys": {user: [device_id]}}, "keys query")

        def public(field: str) -> str | None:
            keys = reply.get(field, {}).get(user, {}).get("keys", {})
            return next(iter(keys.values()), None) if isinstance(keys, dict) else None

        publics = (public("master_keys"), public("self_signing_keys"), public("user_signing_keys"))
        device = reply.get("device_keys", {}).get(user, {}).get(device_id)
        return Published(publics, device if isinstance(device, dict) else None)

    async def _upload(self, keys: CrossSigningKeys) -> None:
        """Upload the keys; where the server asks for it (replacing keys it holds), with
        the account's password as user-interactive auth."""
        path, body = "/keys/device_signing/upload", keys.upload_body()
        status, reply = await self._request(path, body)
        if status == 401 and "flows" in reply:
            status, reply = await self._request(path, {**body, "auth": self._auth(reply)})
        if status != 200:
            raise CrossSigningError(_failed("uploading the keys", status, reply))

    def _auth(self, challenge: dict[str, Any]) -> dict[str, Any]:
        flows = challenge.get("flows", [])
        offered = any(flow.get("stages") == ["m.login.password"] for flow in flows)
        if self.password is None or not offered:
            raise CrossSigningError(
                "the homeserver holds other cross-signing keys for the bot; replacing them "
                "needs ZV_MATRIX_PASSWORD (a password login)"
            )
        return {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": self.client.user_id},
            "password": self.password,
            "session": challenge.get("session"),
        }

    async def _sign_device(self, keys: CrossSigningKeys, device: dict[str, Any]) -> None:
        signed = sign_json(device, keys.user_id, keys.self_signing)
        body = {keys.user_id: {self.client.device_id: signed}}
        reply = await self._post("/keys/signatures/upload", body, "signing this device")
        if reply.get("failures"):
            raise CrossSigningError(_failed("signing this device", 200, reply))

    async def _post(self, path: str, body: dict[str, Any], what: str) -> dict[str, Any]:
        status, reply = await self._request(path, body)
        if status != 200:
            raise CrossSigningError(_failed(what, status, reply))
        return reply

    async def _request(self, path: str, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        headers = {
            "Authorization": f"Bearer {self.client.access_token}",
            "Content-Type": "application/json",
        }
        response = await self.client.send("POST", API + path, json.dumps(body), headers)
        try:
            reply = await response.json(content_type=None)
        except (ValueError, aiohttp.ContentTypeError):
            reply = None
        finally:
            response.release()
        return response.status, reply if isinstance(reply, dict) else {}


def _failed(what: str, status: int, reply: dict[str, Any]) -> str:
    """An error message with the status and the Matrix error code, never the reply's text."""
    code = reply.get("errcode")
    if not isinstance(code, str) and reply.get("failures"):
        code = "failures"
    return f"{what}: {status} {code if isinstance(code, str) else ''}".rstrip()
