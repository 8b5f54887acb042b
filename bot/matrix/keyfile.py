"""The cross-signing private keys on disk: one file in the Matrix store folder, mode 0600,
encrypted like everything else the bot keeps at rest (a token under the data key,
`storage.crypto.Vault`), so `zorgveilig keys rotate` re-encrypts it with the database.

A file that exists but cannot be decrypted is an error, never a reason to make a new
identity: the melders' clients would see the bot's identity change.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from bot.matrix.signing import CrossSigningKeys
from storage.crypto import DecryptionError, KeyConfigError, Vault

log = logging.getLogger(__name__)

KEY_FILE = "cross-signing.keys"


class KeyFileError(KeyConfigError):
    """The stored cross-signing keys cannot be used (names the file, never key material);
    `zorgveilig run` stops with this message, like with any key it cannot use."""


def key_path(store_dir: Path) -> Path:
    return store_dir / KEY_FILE


def load(store_dir: Path, vault: Vault, user_id: str) -> CrossSigningKeys | None:
    """The stored keys of `user_id`; None when there are none yet."""
    path = key_path(store_dir)
    try:
        token = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        keys = CrossSigningKeys.from_bytes(vault.decrypt(token))
    except (DecryptionError, ValueError, KeyError, TypeError) as exc:
        raise KeyFileError(
            f"the cross-signing keys in {path} cannot be read with the configured data keys "
            "(ZV_DATA_KEY); restore the key, or remove the file to give the bot a new identity"
        ) from exc
    if keys.user_id != user_id:
        raise KeyFileError(f"the cross-signing keys in {path} belong to another Matrix account")
    return keys


def load_or_create(store_dir: Path, vault: Vault, user_id: str) -> tuple[CrossSigningKeys, bool]:
    """The stored keys, else new ones stored first; and whether they are new.

    Two processes starting at once keep one set: the file is created exclusively.
    """
    keys = load(store_dir, vault, user_id)
    if keys is not None:
        return keys, False
    keys = CrossSigningKeys.generate(user_id)
    try:
        _write(key_path(store_dir), vault.encrypt(keys.to_bytes()), replace=False)
    except FileExistsError:
        stored = load(store_dir, vault, user_id)
        assert stored is not None
        return stored, False
    log.warning("Matrix: new cross-signing keys stored in the Matrix store folder")
    return keys, True


def rotate(store_dir: Path, vault: Vault) -> int:
    """Re-encrypt the stored keys under the newest data key; how many files (0 or 1)."""
    path = key_path(store_dir)
    try:
        token = path.read_bytes()
    except FileNotFoundError:
        return 0
    _write(path, vault.rotate(token), replace=True)
    return 1


def _write(path: Path, data: bytes, *, replace: bool) -> None:
    """Write a file of mode 0600 whole or not at all (through a temporary file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()  # left by a crash of a process with the same id
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(temporary, path)
        else:
            os.link(temporary, path)  # FileExistsError when another process was first
    finally:
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
