"""Signing JSON as the Matrix spec defines it, the bot's cross-signing keys, and how their
private parts are kept (bot/matrix/signing.py, bot/matrix/keyfile.py). No server needed;
tests/test_matrix_cross_signing.py runs them against Synapse and matrix-js-sdk."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from unpaddedbase64 import encode_base64

from bot.matrix import keyfile
from bot.matrix.signing import CrossSigningKeys, SigningKey, is_signed, sign_json, signed_bytes
from storage.crypto import Vault
from tests.conftest import run_cli

BOT = "@zorgveilig:example.org"
PSEUDONYM_KEY = bytes(range(32))

# The spec's test vectors (Appendices, "Cryptographic test vectors", JSON signing).
SPEC_SEED = "YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1"
SPEC_VECTORS = [
    ({}, "K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ"),
    (
        {"one": 1, "two": "Two"},
        "KqmLSbO39/Bzb0QIYE82zqLwsA+PDzYIpIRA2sRQ4sL53+sN6/fpNSoqE7BP7vBZhG6kYdD13EIMJpvhJI+6Bw",
    ),
]


@pytest.mark.parametrize(("value", "signature"), SPEC_VECTORS)
def test_signing_matches_the_spec_test_vectors(value: dict[str, object], signature: str) -> None:
    key = SigningKey.from_seed(SPEC_SEED)
    assert encode_base64(key.private.sign(signed_bytes(value))) == signature
    # What a signature covers leaves out earlier signatures and `unsigned`.
    decorated = {**value, "signatures": {"other": {"ed25519:x": "y"}}, "unsigned": {"age": 3}}
    assert encode_base64(key.private.sign(signed_bytes(decorated))) == signature


def test_a_signed_object_verifies_and_a_changed_one_does_not() -> None:
    key = SigningKey.generate()
    device = {
        "user_id": BOT,
        "device_id": "ABCDEF",
        "keys": {"ed25519:ABCDEF": "abc"},
        "unsigned": {"device_display_name": "ZorgVeilig meldbot"},
    }
    signed = sign_json(device, BOT, key)
    assert "unsigned" not in signed
    assert is_signed(signed, BOT, key.public)
    assert not is_signed({**signed, "device_id": "OTHER"}, BOT, key.public)
    assert not is_signed(signed, "@someone:example.org", key.public)
    assert not is_signed(signed, BOT, SigningKey.generate().public)
    assert not is_signed(device, BOT, key.public)


def test_the_master_key_signs_the_other_two_keys() -> None:
    keys = CrossSigningKeys.generate(BOT)
    body = keys.upload_body()
    assert body["master_key"]["keys"] == {keys.master.key_id: keys.master.public}
    assert body["master_key"]["usage"] == ["master"]
    for name, key in (
        ("self_signing_key", keys.self_signing),
        ("user_signing_key", keys.user_signing),
    ):
        assert body[name]["keys"] == {key.key_id: key.public}
        assert body[name]["user_id"] == BOT
        assert is_signed(body[name], BOT, keys.master.public)
    assert len(set(keys.publics())) == 3


def vault(*data_keys: bytes) -> Vault:
    return Vault(list(data_keys), PSEUDONYM_KEY)


def test_the_keys_are_stored_once_encrypted_with_mode_0600(tmp_path: Path) -> None:
    data_key = Fernet.generate_key()
    keys, created = keyfile.load_or_create(tmp_path, vault(data_key), BOT)
    assert created
    path = keyfile.key_path(tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = path.read_bytes()
    assert keys.master.seed.encode() not in stored
    assert BOT.encode() not in stored
    again, created = keyfile.load_or_create(tmp_path, vault(data_key), BOT)
    assert not created
    assert again.publics() == keys.publics()
    assert again.master.seed == keys.master.seed
    assert [p.name for p in tmp_path.iterdir()] == [keyfile.KEY_FILE], "no temporary file left"


def test_keys_that_cannot_be_read_stop_the_start_instead_of_making_a_new_identity(
    tmp_path: Path,
) -> None:
    keyfile.load_or_create(tmp_path, vault(Fernet.generate_key()), BOT)
    before = keyfile.key_path(tmp_path).read_bytes()
    with pytest.raises(keyfile.KeyFileError, match="ZV_DATA_KEY"):
        keyfile.load_or_create(tmp_path, vault(Fernet.generate_key()), BOT)
    assert keyfile.key_path(tmp_path).read_bytes() == before, "the file is left alone"


def test_keys_of_another_account_are_not_used(tmp_path: Path) -> None:
    data_key = Fernet.generate_key()
    keyfile.load_or_create(tmp_path, vault(data_key), BOT)
    with pytest.raises(keyfile.KeyFileError, match="another Matrix account"):
        keyfile.load(tmp_path, vault(data_key), "@other:example.org")


def test_keys_rotate_re_encrypts_the_matrix_keys_with_the_database(
    tmp_path: Path, cli_env: dict[str, str]
) -> None:
    old, new = Fernet.generate_key(), Fernet.generate_key()
    matrix_store = Path(cli_env["ZV_DATA_DIR"]) / "matrix"
    keys, _ = keyfile.load_or_create(matrix_store, vault(old), BOT)
    env = {**cli_env, "ZV_DATA_KEY": f"{new.decode()},{old.decode()}"}
    result = run_cli(["keys", "rotate"], env)
    assert result.returncode == 0, result.stderr
    assert '"matrix.cross-signing.keys": 1' in result.stdout
    # The old key can go now: the keys read with the new one alone.
    rotated = keyfile.load(matrix_store, vault(new), BOT)
    assert rotated is not None
    assert rotated.publics() == keys.publics()
    assert stat.S_IMODE(keyfile.key_path(matrix_store).stat().st_mode) == 0o600
