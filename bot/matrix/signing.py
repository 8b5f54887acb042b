"""The bot's cross-signing keys and signed JSON, as the Matrix spec defines them.

Three Ed25519 keys (master, self-signing, user-signing); the master key signs the other two,
the self-signing key signs the bot's devices. Signing follows the spec's "Signing JSON":
the canonical JSON of the object without `signatures` and `unsigned` (the `canonicaljson`
library, as Synapse uses it), an Ed25519 signature (`cryptography`), unpadded base64.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from typing import Any

from canonicaljson import encode_canonical_json
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from unpaddedbase64 import decode_base64, encode_base64

#: The version of the stored form of the keys (`CrossSigningKeys.to_bytes`).
FORMAT = 1


@dataclass(frozen=True)
class SigningKey:
    """One Ed25519 key pair; its public half and key id as Matrix writes them."""

    private: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_seed(cls, seed: str) -> SigningKey:
        return cls(Ed25519PrivateKey.from_private_bytes(decode_base64(seed)))

    @property
    def seed(self) -> str:
        return encode_base64(self.private.private_bytes_raw())

    @property
    def public(self) -> str:
        return encode_base64(self.private.public_key().public_bytes_raw())

    @property
    def key_id(self) -> str:
        return "ed25519:" + self.public

    def key_object(self, user_id: str, usage: str) -> dict[str, Any]:
        """The public key as a cross-signing key object (unsigned)."""
        return {"user_id": user_id, "usage": [usage], "keys": {self.key_id: self.public}}


def signed_bytes(value: dict[str, Any]) -> bytes:
    """What a signature covers: canonical JSON without `signatures` and `unsigned`."""
    return encode_canonical_json(
        {k: v for k, v in value.items() if k not in ("signatures", "unsigned")}
    )


def sign_json(value: dict[str, Any], user_id: str, key: SigningKey) -> dict[str, Any]:
    """A copy of `value` (without `unsigned`) with `user_id`'s signature by `key` added."""
    signed = copy.deepcopy({k: v for k, v in value.items() if k != "unsigned"})
    signature = encode_base64(key.private.sign(signed_bytes(value)))
    signed.setdefault("signatures", {}).setdefault(user_id, {})[key.key_id] = signature
    return signed


def is_signed(value: dict[str, Any], user_id: str, public: str) -> bool:
    """Whether `value` carries a valid signature of `user_id` by the Ed25519 key `public`."""
    signature = value.get("signatures", {}).get(user_id, {}).get("ed25519:" + public)
    if not isinstance(signature, str):
        return False
    try:
        key = Ed25519PublicKey.from_public_bytes(decode_base64(public))
        key.verify(decode_base64(signature), signed_bytes(value))
    except (InvalidSignature, ValueError):
        return False
    return True


@dataclass(frozen=True)
class CrossSigningKeys:
    """The bot account's three cross-signing keys."""

    user_id: str
    master: SigningKey
    self_signing: SigningKey
    user_signing: SigningKey

    @classmethod
    def generate(cls, user_id: str) -> CrossSigningKeys:
        return cls(user_id, SigningKey.generate(), SigningKey.generate(), SigningKey.generate())

    def to_bytes(self) -> bytes:
        """The private keys as JSON (to be encrypted before it is stored)."""
        return json.dumps(
            {
                "format": FORMAT,
                "user_id": self.user_id,
                "master": self.master.seed,
                "self_signing": self.self_signing.seed,
                "user_signing": self.user_signing.seed,
            }
        ).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> CrossSigningKeys:
        """Read what `to_bytes` wrote (ValueError when it is not that)."""
        stored = json.loads(data)
        if not isinstance(stored, dict) or stored.get("format") != FORMAT:
            raise ValueError("not a stored set of cross-signing keys")
        return cls(
            str(stored["user_id"]),
            SigningKey.from_seed(stored["master"]),
            SigningKey.from_seed(stored["self_signing"]),
            SigningKey.from_seed(stored["user_signing"]),
        )

    def publics(self) -> tuple[str, str, str]:
        """The public keys: master, self-signing, user-signing."""
        return (self.master.public, self.self_signing.public, self.user_signing.public)

    def upload_body(self) -> dict[str, Any]:
        """The body of POST /keys/device_signing/upload: the public keys, the self-signing
        and user-signing keys signed by the master key."""
        user = self.user_id
        return {
            "master_key": self.master.key_object(user, "master"),
            "self_signing_key": sign_json(
                self.self_signing.key_object(user, "self_signing"), user, self.master
            ),
            "user_signing_key": sign_json(
                self.user_signing.key_object(user, "user_signing"), user, self.master
            ),
        }
