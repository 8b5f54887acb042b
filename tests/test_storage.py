"""Storage: migrations match the models, encryption at rest, pseudonyms, the outbox."""

from __future__ import annotations

import glob
import shutil
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from cryptography.fernet import Fernet
from sqlmodel import SQLModel

from bot.runtime import Runtime
from storage.casecode import ALPHABET, new_code, normalise_code
from storage.crypto import DecryptionError, KeyConfigError, KeySources, Vault, load_vault
from storage.db import create_db_engine, migrate
from storage.repository import Store
from tests.stepchat import Answer, Driver
from tests.test_conversation_report import DESCRIPTION, ONLINE_ANSWERS


def test_migrations_create_exactly_the_models(tmp_path: Path) -> None:
    engine = create_db_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    migrate(engine)  # running twice is harmless
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == [], "a model changed without a migration"


def _raw_database(runtime: Runtime, tmp_path: Path) -> bytes:
    """Everything the database holds, as bytes: the SQLite files, or a pg_dump."""
    url = runtime.settings.resolved_database_url()
    if url.startswith("sqlite"):
        return b"".join(p.read_bytes() for p in (tmp_path / "var").glob("zorgveilig.db*"))
    pg_dump = shutil.which("pg_dump") or next(iter(glob.glob("/usr/lib/postgresql/*/bin/pg_dump")))
    libpq_url = url.replace("postgresql+psycopg://", "postgresql://")
    return subprocess.run([pg_dump, libpq_url], capture_output=True, check=True).stdout


def test_report_text_and_melder_identity_are_not_readable_in_the_database(
    driver: Driver, runtime: Runtime, tmp_path: Path
) -> None:
    user = "nachtdienst-ziekenhuis-jansen"
    screenshot = tmp_path / "screenshot-bedreiging.png"
    evidence = b"\x89PNG fake screenshot bytes: ik weet waar je woont " * 20
    screenshot.write_bytes(evidence)
    answers = {**ONLINE_ANSWERS, "evidence": [str(screenshot), "done"]}
    driver.session(["online", Answer("online_threat", answers)], user=user)
    raw = _raw_database(runtime, tmp_path)
    assert evidence[:40] not in raw, "evidence bytes are stored encrypted"
    assert b"screenshot-bedreiging" not in raw, "so is the file name"
    assert b"routing_decision" in raw or len(raw) > 10_000, "the database dump is real"
    for secret in (DESCRIPTION, "boze_zoon_1980", user, "mevrouw K"):
        assert secret.encode() not in raw, f"{secret!r} is stored in plaintext"


def test_vault_encrypts_rotates_and_pseudonymises() -> None:
    old, new = Fernet.generate_key(), Fernet.generate_key()
    secret = b"0" * 32
    token = Vault([old], secret).encrypt_text("geheim")
    rotated_vault = Vault([new, old], secret)
    assert rotated_vault.decrypt_text(token) == "geheim"
    rotated = rotated_vault.rotate(token)
    assert Vault([new], secret).decrypt_text(rotated) == "geheim"
    with pytest.raises(DecryptionError):
        Vault([Fernet.generate_key()], secret).decrypt(token)
    a = Vault([old], secret).pseudonym("telegram", "12345")
    assert a == Vault([new], secret).pseudonym("telegram", "12345"), "stable across data keys"
    assert a != Vault([old], b"1" * 32).pseudonym("telegram", "12345")
    assert "12345" not in a


def test_tokens_of_earlier_versions_stay_readable_and_tampering_is_refused() -> None:
    key, secret = Fernet.generate_key(), b"0" * 32
    vault = Vault([key], secret)
    earlier = Fernet(key).encrypt(b"mevrouw K")  # as versions before AES-GCM wrote
    assert vault.decrypt_text(earlier) == "mevrouw K"
    rotated = vault.rotate(earlier)
    assert rotated.startswith(b"zv2.")
    assert vault.decrypt_text(rotated) == "mevrouw K"
    token = vault.encrypt_text("mevrouw K")
    assert b"mevrouw" not in token
    assert token != vault.encrypt_text("mevrouw K"), "a random nonce per token"
    flipped = bytearray(token)
    flipped[-5] = ord("A") if flipped[-5] != ord("A") else ord("B")
    for bad in (bytes(flipped), token[:20], b"zv2.!!!", b"zv2.", b"gAAAAAbogus"):
        with pytest.raises(DecryptionError):
            vault.decrypt(bad)


def test_keys_are_generated_once_for_development(tmp_path: Path) -> None:
    sources = KeySources(dev_dir=tmp_path / "keys")
    first = load_vault(sources)
    second = load_vault(sources)
    assert second.decrypt_text(first.encrypt_text("x")) == "x"
    assert (tmp_path / "keys" / "data.key").stat().st_mode & 0o777 == 0o600
    with pytest.raises(KeyConfigError, match="ZV_DATA_KEY"):
        load_vault(
            KeySources(
                data_key="not-a-key", pseudonym_key="kq6QGw8ijN1s2BLc0/MlK6CXzy2i6X0C3KZ4YvRxw0A="
            )
        )


def test_case_codes_are_readable_and_unambiguous() -> None:
    codes = {new_code() for _ in range(500)}
    for code in codes:
        assert code.startswith("ZV-")
        assert len(code) == 7
        assert set(code[3:]) <= set(ALPHABET)
    assert not set("01OIL25SBZ8") & set(ALPHABET)
    assert normalise_code(" zv 7k3q ") == "ZV-7K3Q"
    assert normalise_code("7K3Q") == "ZV-7K3Q"
    assert normalise_code("ZV-0000") is None


def test_outbox_delivers_once_and_retries_after_a_failure(tmp_path: Path) -> None:
    now = [datetime(2026, 11, 22, 9, 0, tzinfo=UTC)]
    engine = create_db_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    store = Store(engine, load_vault(KeySources(dev_dir=tmp_path / "k")), clock=lambda: now[0])
    with store.unit() as unit:
        assert unit.enqueue(
            channel="telegram",
            recipient="af-anna",
            address="111",
            purpose="case_notice",
            payload={"text": "hallo"},
            dedupe_key="k1",
        )
        assert not unit.enqueue(
            channel="telegram",
            recipient="af-anna",
            address="111",
            purpose="case_notice",
            payload={"text": "hallo"},
            dedupe_key="k1",
        ), "the same message is never queued twice"
    with store.unit() as unit:
        [claimed] = unit.claim_outbox("telegram")
        assert claimed.address == "111"
        assert claimed.payload == {"text": "hallo"}
    with store.unit() as unit:
        assert unit.claim_outbox("telegram") == [], "a claimed message is not handed out twice"
        unit.mark_failed(claimed.id, "timeout", retry_in=timedelta(seconds=30))
    with store.unit() as unit:
        assert unit.claim_outbox("telegram") == [], "not before the retry time"
    now[0] += timedelta(seconds=31)
    with store.unit() as unit:
        [again] = unit.claim_outbox("telegram")
        assert again.attempts == 2
        unit.mark_delivered(again.id)
    now[0] += timedelta(hours=1)
    with store.unit() as unit:
        assert unit.claim_outbox("telegram") == []
        assert unit.outbox_counts() == {"pending": 0, "delivered": 1, "failed": 0}


def test_a_platform_message_is_handled_exactly_once(driver: Driver, runtime: Runtime) -> None:
    from dialogs.messages import Incoming

    first = Incoming(channel="telegram", chat_id="42", user_id="42", text="online", message_id="u1")
    reply = runtime.engine.handle(first)
    assert reply.messages, "answered the first time"
    again = runtime.engine.handle(first)
    assert again.messages == (), "a redelivered update is not answered twice"
    assert not again.awaiting
    with runtime.store.unit() as unit:
        assert unit.channel_value("telegram", "offset") is None
        unit.set_channel_value("telegram", "offset", "17")
    with runtime.store.unit() as unit:
        unit.set_channel_value("telegram", "offset", "18")
    with runtime.store.unit() as unit:
        assert unit.channel_value("telegram", "offset") == "18"


def test_every_channel_honours_quiet_hours_through_the_store(tmp_path: Path) -> None:
    from storage.repository import DeliveryWindow

    now = [datetime(2026, 11, 22, 22, 0, tzinfo=UTC)]  # 23:00 in Amsterdam
    engine = create_db_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    store = Store(
        engine,
        load_vault(KeySources(dev_dir=tmp_path / "k")),
        clock=lambda: now[0],
        window=DeliveryWindow("Europe/Amsterdam", 9, 20),
    )
    with store.unit() as unit:
        unit.enqueue(
            channel="telegram",
            recipient="p:x",
            address="42",
            purpose="checkin",
            payload={"text": "Hoe gaat het?"},
            dedupe_key="c1",
            quiet_hours=True,
        )
        unit.enqueue(
            channel="telegram",
            recipient="af-anna",
            address="111",
            purpose="acute_alert",
            payload={"text": "112"},
            dedupe_key="a1",
        )
    with store.unit() as unit:  # a channel that passes no window of its own
        claimed = unit.claim_outbox("telegram")
        assert [m.purpose for m in claimed] == ["acute_alert"], "alerts go at night"
        unit.mark_delivered(claimed[0].id)
    now[0] = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 09:00 in Amsterdam
    with store.unit() as unit:
        assert [m.purpose for m in unit.claim_outbox("telegram")] == ["checkin"]
    engine.dispose()


def _write_conversations(store: Store, count: int) -> None:
    for n in range(count):
        with store.unit() as unit:
            unit.save_conversation(
                key=f"p:wal{n}",
                channel="console",
                address=f"wal-{n}",
                lang="nl",
                flow="menu",
                step="choose",
                state={"n": n, "padding": "x" * 200},
                expected_version=None,
            )


def test_a_running_bot_checkpoints_the_wal_off_the_message_path(tmp_path: Path) -> None:
    """Commits only append to the WAL; the background thread moves it into the database
    file, so no melder's commit has to."""

    def store_at(name: str) -> tuple[Store, Path]:
        path = tmp_path / name
        engine = create_db_engine(f"sqlite:///{path}")
        migrate(engine)
        return Store(engine, load_vault(KeySources(dev_dir=tmp_path / "keys"))), path

    idle, idle_path = store_at("idle.sqlite")
    _write_conversations(idle, 300)
    size_without = idle_path.stat().st_size

    running, running_path = store_at("running.sqlite")
    running.start_background_work()
    _write_conversations(running, 300)
    deadline = datetime.now(UTC) + timedelta(seconds=10)
    while running_path.stat().st_size <= size_without and datetime.now(UTC) < deadline:
        time.sleep(0.05)
    assert running_path.stat().st_size > size_without, "the WAL reached the database file"
    with running.unit() as unit:
        assert unit.load_conversation("p:wal299") is not None
    checkpointer = running._checkpointer
    assert checkpointer is not None
    running.close()
    assert not checkpointer._thread.is_alive(), "close() stops the thread"
    idle.close()
