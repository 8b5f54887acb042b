"""The homeserver requests the Matrix channel makes beyond syncing: sending an event
(tried again after a network failure), uploading a file, downloading one. Errors carry
the status, never content."""

from __future__ import annotations

import asyncio
import io
import logging
import uuid
from typing import Any, cast

import nio
from nio.crypto.attachments import decrypt_attachment

from dialogs.messages import OutgoingFile

log = logging.getLogger(__name__)


class MatrixError(Exception):
    """A Matrix request was refused or failed (carries the status, never content)."""

    def __init__(self, what: str, status: str | None) -> None:
        super().__init__(f"{what} failed ({status or 'error'})")
        self.status = status


def status(response: object) -> str | None:
    """The status code of an error response (never its message, which may echo input)."""
    code = getattr(response, "status_code", None)
    return str(code) if code is not None else type(response).__name__


async def room_send(
    client: nio.AsyncClient,
    room_id: str,
    content: dict[str, Any],
    *,
    tries: int,
    kind: str = "m.room.message",
    txn_id: str | None = None,
) -> str:
    """Send one event (tried up to `tries` times, under one transaction id: the homeserver
    keeps the first that arrived); its event id."""
    txn_id = txn_id or uuid.uuid4().hex
    for attempt in range(1, tries + 1):
        try:
            # Without E2E matrix-nio sends plain events, also in an encrypted room; it
            # never encrypts reactions.
            response = await client.room_send(
                room_id, kind, content, tx_id=txn_id, ignore_unverified_devices=True
            )
            if isinstance(response, nio.RoomSendResponse):
                return cast(str, response.event_id)
            error: Exception = MatrixError("send", status(response))
        except (nio.LocalProtocolError, nio.SendRetryError, OSError, TimeoutError) as exc:
            error = exc
        if attempt >= tries:
            raise error
        log.warning("a Matrix send failed (%s); trying again", type(error).__name__)
        await asyncio.sleep(0.5 * attempt)
    raise AssertionError("unreachable")


async def send_file(
    client: nio.AsyncClient, room_id: str, file: OutgoingFile, *, encrypt: bool, tries: int
) -> None:
    """Upload a file (encrypted for an encrypted room) and send it as m.file."""
    data = file.data
    response, keys = await client.upload(
        io.BytesIO(data),
        content_type=file.media_type,
        filename=file.filename,
        encrypt=encrypt,
        filesize=len(data),
    )
    if not isinstance(response, nio.UploadResponse):
        raise MatrixError("upload", status(response))
    content: dict[str, Any] = {
        "msgtype": "m.file",
        "body": file.filename,
        "info": {"mimetype": file.media_type, "size": len(data)},
    }
    if encrypt and keys is not None:
        content["file"] = {**keys, "url": response.content_uri}
    else:
        content["url"] = response.content_uri
    await room_send(client, room_id, content, tries=tries)


async def download(client: nio.AsyncClient, event: Any, limit: int) -> bytes:
    """The file of an m.image/m.file event (decrypted if it came encrypted)."""
    response = await client.download(mxc=event.url)
    if not isinstance(response, nio.MemoryDownloadResponse):
        raise MatrixError("download", status(response))
    data = cast(bytes, response.body)
    if len(data) > limit:
        raise MatrixError("download", "too large")
    if isinstance(event, nio.RoomEncryptedMedia):
        data = decrypt_attachment(data, event.key["k"], event.hashes["sha256"], event.iv)
    return data
