"""Encryption at rest and keyed pseudonyms (DESIGN.md §6).

Free text, names, evidence and delivery addresses are stored as authenticated tokens:
AES-256-GCM under a key derived (HKDF-SHA256) from each data key, with a random nonce and a
key id, base64 after a "zv2." prefix. Fernet tokens (AES-128-CBC + HMAC-SHA256) written by
earlier versions stay readable, and `zorgveilig keys rotate` rewrites them. The data keys
keep Fernet's format (32 random bytes, URL-safe base64); several keys, newest first, keep
old tokens readable so keys can be rotated. Conversation keys and the link from a case to
its melder are HMAC-SHA256 pseudonyms, so no raw platform id is ever stored in plaintext.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import logging
import os
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from storage.files import private_dir, private_file

log = logging.getLogger(__name__)


class KeyConfigError(Exception):
    """A key is missing, unreadable or malformed; the message names the setting."""


class DecryptionError(Exception):
    """A stored token cannot be decrypted with any configured key."""


#: The prefix of an AES-256-GCM token (a Fernet token starts with "gAAAAA").
TOKEN_PREFIX = b"zv2."
_KEY_ID = 4
_NONCE = 12


def _aead_key(data_key: bytes) -> tuple[bytes, AESGCM]:
    """The AES-256-GCM key derived from a data key, and its key id (so a token names the
    key that wrote it, and rotation needs no trial decryption)."""
    secret = base64.urlsafe_b64decode(data_key)
    derived = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"zorgveilig data v2"
    ).derive(secret)
    key_id = hmac.new(derived, b"key id", hashlib.sha256).digest()[:_KEY_ID]
    return key_id, AESGCM(derived)


class Vault:
    """Encrypts and decrypts stored values and derives pseudonyms."""

    def __init__(self, data_keys: Sequence[bytes], pseudonym_key: bytes) -> None:
        if not data_keys:
            raise KeyConfigError("at least one data key is required (ZV_DATA_KEY)")
        if len(pseudonym_key) < 32:
            raise KeyConfigError("the pseudonym key must be at least 32 bytes (ZV_PSEUDONYM_KEY)")
        try:
            self._fernet = MultiFernet([Fernet(k) for k in data_keys])
        except ValueError as exc:
            raise KeyConfigError("a data key is not a valid Fernet key (ZV_DATA_KEY)") from exc
        keys = [_aead_key(k) for k in data_keys]
        self._primary = keys[0]
        self._by_id: dict[bytes, list[AESGCM]] = {}
        for key_id, aead in keys:
            self._by_id.setdefault(key_id, []).append(aead)
        self._pseudonym_key = pseudonym_key

    def encrypt(self, data: bytes) -> bytes:
        """Encrypt bytes with the primary key."""
        key_id, aead = self._primary
        nonce = os.urandom(_NONCE)
        sealed = aead.encrypt(nonce, data, key_id)
        return TOKEN_PREFIX + base64.urlsafe_b64encode(key_id + nonce + sealed)

    def decrypt(self, token: bytes) -> bytes:
        """Decrypt a token written with any configured key (also an older Fernet token)."""
        if token.startswith(TOKEN_PREFIX):
            opened = self._open(token)
            if opened is not None:
                return opened
        else:
            try:
                return self._fernet.decrypt(token)
            except InvalidToken:
                pass
        raise DecryptionError("stored value cannot be decrypted with the configured keys")

    def _open(self, token: bytes) -> bytes | None:
        try:
            raw = base64.urlsafe_b64decode(token[len(TOKEN_PREFIX) :])
        except ValueError:
            return None
        key_id, nonce, sealed = (
            raw[:_KEY_ID],
            raw[_KEY_ID : _KEY_ID + _NONCE],
            raw[_KEY_ID + _NONCE :],
        )
        for aead in self._by_id.get(key_id, ()):
            try:
                return aead.decrypt(nonce, sealed, key_id)
            except (InvalidTag, ValueError):
                continue
        return None

    def encrypt_text(self, text: str) -> bytes:
        """Encrypt a string (UTF-8; see `utf8`)."""
        return self.encrypt(utf8(text))

    def decrypt_text(self, token: bytes) -> str:
        """Decrypt a string written by `encrypt_text`."""
        return self.decrypt(token).decode("utf-8", "replace")

    def rotate(self, token: bytes) -> bytes:
        """Re-encrypt a token under the primary key (an older Fernet token too)."""
        try:
            return self.encrypt(self.decrypt(token))
        except DecryptionError as exc:
            raise DecryptionError(
                "stored value cannot be rotated with the configured keys"
            ) from exc

    def pseudonym(self, channel: str, address: str) -> str:
        """Keyed pseudonym of a chat on a channel: stable, not reversible without the key."""
        mac = hmac.new(self._pseudonym_key, utf8(f"{channel}\x1f{address}"), hashlib.sha256)
        return "p:" + base64.b32encode(mac.digest()[:20]).decode("ascii").lower()


@dataclass(frozen=True)
class KeySources:
    """Where keys come from: explicit values, key files, or a development folder."""

    data_key: str | None = None
    data_key_file: Path | None = None
    pseudonym_key: str | None = None
    pseudonym_key_file: Path | None = None
    dev_dir: Path | None = None


def _read_key_file(path: Path, setting: str) -> str:
    try:
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            log.warning("key file named by %s is readable by others (mode %o)", setting, mode)
        return path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise KeyConfigError(f"cannot read the key file named by {setting}") from exc


def _dev_key(dev_dir: Path, name: str, new: Callable[[], bytes]) -> str:
    """The development key `name`, made once. Processes starting together on a fresh
    folder agree on one: the key is written whole under another name and linked into
    place, which only the first can do; the others read the first's key."""
    path = dev_dir / name
    private_dir(dev_dir)
    if path.exists():
        private_file(path)
        return path.read_text(encoding="utf-8").strip()
    key = new().decode("ascii")
    draft = dev_dir / f".{name}.{os.getpid()}.{secrets.token_hex(4)}"
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(key)
            handle.flush()
            os.fsync(handle.fileno())
        os.link(draft, path)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    finally:
        draft.unlink(missing_ok=True)
    log.warning(
        "generated a development key in %s; set ZV_DATA_KEY_FILE and ZV_PSEUDONYM_KEY_FILE "
        "in production",
        path,
    )
    return key


def load_vault(sources: KeySources) -> Vault:
    """Build the vault from settings; in development, generate keys once under dev_dir.

    ZV_DATA_KEY may hold several comma-separated Fernet keys, newest first, for rotation.
    A trivially weak pseudonym key, or newest data key, is refused.
    """
    data, data_from = _key_text(
        sources.data_key, sources.data_key_file, sources.dev_dir, "ZV_DATA_KEY", "data.key"
    )
    pseudo, pseudo_from = _key_text(
        sources.pseudonym_key,
        sources.pseudonym_key_file,
        sources.dev_dir,
        "ZV_PSEUDONYM_KEY",
        "pseudonym.key",
    )
    keys = [k.strip().encode("ascii") for k in data.split(",") if k.strip()]
    try:
        pseudo_bytes = base64.b64decode(pseudo, validate=True)
    except ValueError as exc:
        raise KeyConfigError("ZV_PSEUDONYM_KEY is not valid base64") from exc
    vault = Vault(keys, pseudo_bytes)
    _refuse_weak(pseudo_bytes, pseudo_from, "pseudonym")
    # Only the newest data key: an old, weak one must stay readable to rotate away from it.
    _refuse_weak(base64.urlsafe_b64decode(keys[0]), data_from, "data")
    return vault


#: How a development key is made, by its file name.
_NEW_KEY: dict[str, Callable[[], bytes]] = {
    "data.key": Fernet.generate_key,
    "pseudonym.key": lambda: base64.b64encode(os.urandom(32)),
}


def _key_text(
    value: str | None, file: Path | None, dev_dir: Path | None, setting: str, name: str
) -> tuple[str, str]:
    """A key's text, and where it came from (the setting, or the development key file)."""
    if value:
        return value, setting
    if file:
        return _read_key_file(file, setting + "_FILE"), setting + "_FILE"
    if dev_dir:
        return _dev_key(dev_dir, name, _NEW_KEY[name]), str(dev_dir / name)
    raise KeyConfigError(f"no key configured: set {setting} or {setting}_FILE")


def _refuse_weak(key: bytes, setting: str, kind: str) -> None:
    if weak_key(key):
        raise KeyConfigError(
            f"the key in {setting} is too weak (the same byte repeated, a short pattern or "
            f"a counting sequence): make a random one with `zorgveilig keys generate {kind}`"
        )


def weak_key(key: bytes) -> bool:
    """Whether a key is trivially guessable rather than random: few distinct bytes (32
    random bytes have about 30), a short pattern repeated, or bytes counting up or down."""
    if len(set(key)) < min(16, len(key) // 2):
        return True
    for period in range(1, len(key) // 2 + 1):
        if all(key[i] == key[i % period] for i in range(len(key))):
            return True
    return len({(b - a) % 256 for a, b in itertools.pairwise(key)}) == 1


def valid_text(text: str) -> str:
    """The text with each lone surrogate replaced by U+FFFD (a pair becomes its character).

    Undecodable input reaches Python as lone surrogates (a terminal's invalid UTF-8, a
    JSON "\\ud800" from a platform); no codec can write them, so they are replaced.
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text


def utf8(text: str) -> bytes:
    """Text as UTF-8 for storage; never fails (see `valid_text`)."""
    return valid_text(text).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    """SHA-256 of evidence content, as stored beside it."""
    return hashlib.sha256(data).hexdigest()
