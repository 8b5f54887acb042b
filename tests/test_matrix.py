"""The Matrix channel against a real Synapse homeserver on 127.0.0.1.

Care workers and aanspreekpunt af-anna are matrix-nio clients registered on the test
server; the bot runs the real `MatrixChannel`. Synapse comes from `.venv-synapse`
(`make synapse-install`; `make test` builds it): without it these tests are skipped, and
in CI they fail.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
import os
import re
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import nio
import pytest

from bot.matrix.channel import SYNC_FILTER, SYNC_TOKEN, MatrixChannel, MatrixOptions
from bot.matrix.run import options_from
from bot.matrix.translate import CHANNEL, numbered
from bot.runtime import Runtime
from bot.settings import Settings
from dialogs.export import case_json
from dialogs.messages import Choice, Outgoing
from tests import synapse_server
from tests.running_bot import RunningBot, bot_env
from tests.synapse_server import SERVER_NAME, Synapse

CODE = re.compile(r"ZV-[A-Z0-9]{4}")
# A story that names no fact the report asks (the channel is tested here, not the facts).
DESCRIPTION = "Hij stuurde: 'ik weet waar je woont, pas maar op'."
PHOTO = b"\xff\xd8\xff\xe0" + b"screenshot of a threatening message" * 50
PASSWORD = "test-password-" + uuid.uuid4().hex[:8]
BOT = "zorgveilig-bot"
ANNA = "anna.devries"
TIMEOUT = 30.0
TEST_TIMEOUT = 120.0


# -- the homeserver -----------------------------------------------------------------------


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synapse]:
    """One Synapse for the session (shared by the Matrix test modules), with the bot and
    af-anna registered."""
    if not synapse_server.SYNAPSE_PYTHON.exists():
        message = "Synapse is not installed: run `make synapse-install` (make test does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    started = time.monotonic()
    server = synapse_server.Shared.acquire(lambda: tmp_path_factory.mktemp("synapse"))
    try:
        server.register(BOT, PASSWORD)
        server.register(ANNA, PASSWORD)
        print(f"\nSynapse ready in {time.monotonic() - started:.1f} s")
        yield server
    finally:
        synapse_server.Shared.release()


@pytest.fixture
def matrix_settings(
    settings: Settings,
    synapse: Synapse,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Settings:
    """The test settings plus Matrix, with the example organisation on the test server."""
    example = Path(synapse_server.PROJECT / "config" / "organisation.example.yml").read_text()
    organisation = tmp_path / "organisation.yml"
    # Contacts' Matrix users live on the test server; the meldteam's room is not used.
    text = example.replace(":example.org", f":{SERVER_NAME}")
    text = re.sub(r"\n\s*matrix_room_id: .*", "", text)
    organisation.write_text(text)
    monkeypatch.setenv("ZV_ORGANISATION", str(organisation))
    monkeypatch.setenv("ZV_MATRIX_HOMESERVER", synapse.url)
    monkeypatch.setenv("ZV_MATRIX_USER_ID", synapse.user_id(BOT))
    monkeypatch.setenv("ZV_MATRIX_PASSWORD", PASSWORD)
    return Settings()


# -- people on the server -----------------------------------------------------------------


class Person:
    """A care worker (or af-anna) with a plain matrix-nio client, syncing on demand."""

    def __init__(self, server: Synapse, localpart: str, store: Path | None = None) -> None:
        self.user_id = server.user_id(localpart)
        self.encrypted = store is not None
        if store is not None:
            store.mkdir(parents=True, exist_ok=True)
        self.client = nio.AsyncClient(
            server.url,
            self.user_id,
            store_path=str(store) if store else "",
            config=nio.AsyncClientConfig(encryption_enabled=self.encrypted),
        )
        self.since: str | None = None
        self.messages: dict[str, list[Any]] = {}
        self.reactions: dict[str, list[nio.ReactionEvent]] = {}
        self.invites: list[str] = []

    async def login(self) -> None:
        response = await self.client.login(PASSWORD)
        assert isinstance(response, nio.LoginResponse), response
        if self.encrypted and self.client.should_upload_keys:
            await self.client.keys_upload()
        await self.sync()

    async def sync(self) -> None:
        response = await self.client.sync(timeout=0, since=self.since, sync_filter=SYNC_FILTER)
        assert isinstance(response, nio.SyncResponse), response
        self.since = response.next_batch
        if self.encrypted:
            client = self.client
            if client.should_query_keys:
                await client.keys_query()
            if client.should_claim_keys:
                await client.keys_claim(client.get_users_for_key_claiming())
            await client.send_to_device_messages()
        self.invites += list(response.rooms.invite)
        for room_id, info in response.rooms.join.items():
            for event in info.timeline.events:
                if event.sender == self.user_id:
                    continue
                if isinstance(event, nio.RoomMessage):
                    self.messages.setdefault(room_id, []).append(event)
                elif isinstance(event, nio.ReactionEvent):
                    self.reactions.setdefault(room_id, []).append(event)

    def texts(self, room_id: str) -> list[str]:
        return [e.body for e in self.messages.get(room_id, []) if isinstance(e, nio.RoomMessage)]

    async def direct_chat(self, *invite: str, direct: bool = True, encrypted: bool = False) -> str:
        state = [
            {
                "type": "m.room.encryption",
                "state_key": "",
                "content": {"algorithm": "m.megolm.v1.aes-sha2"},
            }
        ]
        response = await self.client.room_create(
            is_direct=direct,
            invite=list(invite),
            preset=nio.RoomPreset.trusted_private_chat,
            initial_state=state if encrypted else (),
        )
        assert isinstance(response, nio.RoomCreateResponse), response
        return str(response.room_id)

    async def send(self, room_id: str, text: str) -> str:
        content = {"msgtype": "m.text", "body": text}
        response = await self.client.room_send(
            room_id, "m.room.message", content, ignore_unverified_devices=True
        )
        assert isinstance(response, nio.RoomSendResponse), response
        return str(response.event_id)

    async def react(self, room_id: str, event_id: str, key: str) -> str:
        content = {"m.relates_to": {"rel_type": "m.annotation", "event_id": event_id, "key": key}}
        response = await self.client.room_send(room_id, "m.reaction", content)
        assert isinstance(response, nio.RoomSendResponse), response
        return str(response.event_id)

    async def send_image(self, room_id: str, name: str, data: bytes) -> str:
        upload, _ = await self.client.upload(
            io.BytesIO(data), content_type="image/jpeg", filename=name, filesize=len(data)
        )
        assert isinstance(upload, nio.UploadResponse), upload
        content = {
            "msgtype": "m.image",
            "body": name,
            "url": upload.content_uri,
            "info": {"mimetype": "image/jpeg", "size": len(data)},
        }
        response = await self.client.room_send(room_id, "m.room.message", content)
        assert isinstance(response, nio.RoomSendResponse), response
        return str(response.event_id)

    async def close(self) -> None:
        await self.client.close()


async def wait_until(condition: Callable[[], bool], timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        await asyncio.sleep(0.05)


class Harness:
    """The bot's channel plus the people talking to it; `turn` waits for the answer."""

    def __init__(self, runtime: Runtime, server: Synapse, *, encryption: bool = True) -> None:
        self.runtime = runtime
        self.server = server
        self.encryption = encryption
        self.channel: MatrixChannel | None = None
        self.people: list[Person] = []

    def options(self) -> MatrixOptions:
        return replace(
            options_from(self.runtime.settings),
            sync_timeout_ms=3000,
            outbox_interval=0.3,
            tick_interval=1.0,
            encryption=self.encryption,
        )

    @property
    def bot(self) -> MatrixChannel:
        assert self.channel is not None
        return self.channel

    async def start(self) -> None:
        self.channel = MatrixChannel(self.runtime, self.options())
        await self.channel.start()

    async def stop(self) -> None:
        if self.channel is not None:
            await self.channel.stop()
            self.channel = None

    async def person(self, localpart: str | None = None, store: Path | None = None) -> Person:
        if localpart is None:
            localpart = "carer-" + uuid.uuid4().hex[:8]
            self.server.register(localpart, PASSWORD)
        person = Person(self.server, localpart, store)
        await person.login()
        self.people.append(person)
        return person

    async def room_of_three(self, carer: Person) -> str:
        """A room of `carer`, a colleague and the bot (not a direct chat); its id."""
        colleague = await self.person()
        room = await carer.direct_chat(self.bot.client.user_id, colleague.user_id, direct=False)
        await colleague.sync()
        joined = await colleague.client.join(room)
        assert isinstance(joined, nio.JoinResponse), joined
        await wait_until(lambda: room in self.bot.client.rooms)
        await wait_until(lambda: self.bot.client.rooms[room].joined_count == 3)
        return room

    async def open_chat(self, person: Person, encrypted: bool = False) -> tuple[str, list[str]]:
        """A direct chat with the bot; the bot joins and greets."""
        before = self.bot.handled
        room_id = await person.direct_chat(self.bot.client.user_id, encrypted=encrypted)
        await wait_until(lambda: self.bot.handled > before)
        await person.sync()
        return room_id, person.texts(room_id)

    async def turn(self, person: Person, room_id: str, text: str, *, handled: int = 1) -> list[str]:
        """Send a message and return everything the bot answered to it."""
        seen = len(person.texts(room_id))
        before = self.bot.handled
        await person.send(room_id, text)
        await wait_until(lambda: self.bot.handled >= before + handled)
        await person.sync()
        return person.texts(room_id)[seen:]

    async def close(self) -> None:
        await self.stop()
        for person in self.people:
            await person.close()


def scenario(
    runtime: Runtime,
    server: Synapse,
    body: Callable[[Harness], Awaitable[None]],
    *,
    encryption: bool = True,
) -> None:
    async def main() -> None:
        harness = Harness(runtime, server, encryption=encryption)
        await harness.start()
        try:
            await asyncio.wait_for(body(harness), timeout=TEST_TIMEOUT)
        finally:
            await harness.close()

    asyncio.run(main())


def cases(runtime: Runtime) -> list[dict[str, Any]]:
    with runtime.store.unit() as unit:
        return [case_json(c) for c in unit.all_cases()]


def number_of(text: str, label: str) -> str:
    """The number in front of a label in a numbered list ('3. Label' -> '3')."""
    match = re.search(rf"^(\d+)\. {re.escape(label)}$", text, re.MULTILINE)
    assert match, text
    return match.group(1)


async def anna_reads_notice(h: Harness, code: str) -> str:
    """af-anna gets an invite to a direct chat with the bot and the case notice in it."""
    anna = await h.person(ANNA)
    await wait_until(lambda: h.bot.outbox.delivered >= 1)
    await anna.sync()
    assert anna.invites, "af-anna is invited to a direct chat"
    for room_id in anna.invites:
        joined = await anna.client.join(room_id)
        assert isinstance(joined, nio.JoinResponse), joined
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        await anna.sync()
        found = [t for room in anna.invites for t in anna.texts(room) if code in t]
        if found:
            return found[0]
        await asyncio.sleep(0.2)
    raise AssertionError("af-anna did not receive the case notice")


# -- whole conversations ------------------------------------------------------------------


def test_anonymous_online_report_with_photo_reaches_af_anna(
    matrix_settings: Settings, make_runtime: Callable[..., Runtime], synapse: Synapse
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        carer = await h.person()
        room, greeting = await h.open_chat(carer)
        menu = "\n".join(greeting)
        assert "ZorgVeilig" in menu
        assert "1. Online bedreiging melden" in menu, "choices are a numbered list"
        # Typing the number of an option chooses it; so does its id or its label.
        asked = await h.turn(carer, room, number_of(menu, "Online bedreiging melden"))
        assert "Wat is er gebeurd?" in asked[-1]
        for text in [DESCRIPTION, "Gisteren", "instagram", "@boze_zoon_1980", "naaste"]:
            asked = await h.turn(carer, room, text)
        assert "bewijs" in asked[-1].lower()
        before = h.bot.handled
        await carer.send_image(room, "screenshot.jpg", PHOTO)
        await wait_until(lambda: h.bot.handled > before)
        for text in ["done", "2", "anonymous", "kliniek-noord", "none"]:
            asked = await h.turn(carer, room, text)
        assert "screenshot.jpg" in "\n".join(asked), "the summary lists the photo"
        done = "\n".join(await h.turn(carer, room, "confirm"))
        code = CODE.search(done)
        assert code, done
        assert "0900-0101" in done

        notice = await anna_reads_notice(h, code.group(0))
        assert DESCRIPTION not in notice

        [case] = cases(h.runtime)
        assert case["anonymous"] is True
        assert case["channel"] == CHANNEL
        assert case["description"] == DESCRIPTION
        assert [e["sha256"] for e in case["evidence"]] == [hashlib.sha256(PHOTO).hexdigest()]
        assert case["evidence"][0]["media_type"] == "image/jpeg"

    scenario(runtime, synapse, body)


@pytest.mark.sqlite_only  # PostgreSQL: covered by the report and restart tests
def test_niet_pluis_goes_to_the_aandachtsfunctionaris(
    matrix_settings: Settings, make_runtime: Callable[..., Runtime], synapse: Synapse
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        carer = await h.person()
        room, _ = await h.open_chat(carer)
        for text in [
            "niet_pluis",
            "Een collega is de laatste tijd erg kortaf tegen een bewoner en doet de deur dicht.",
            "colleague",
            "bespreken",
            "anonymous",
            "kliniek-noord",
        ]:
            await h.turn(carer, room, text)
        done = "\n".join(await h.turn(carer, room, "confirm"))
        code = CODE.search(done)
        assert code, done
        [case] = cases(h.runtime)
        assert case["kind"] == "niet_pluis"
        assert [r["contact"] for r in case["routed_to"]] == ["af-anna"]
        await anna_reads_notice(h, code.group(0))

    scenario(runtime, synapse, body)


async def at_the_when_question(h: Harness) -> tuple[Person, str, str]:
    """A carer in a direct chat, their online report at "when?"; the stored sync token."""
    carer = await h.person()
    room, _ = await h.open_chat(carer)
    for text in ["online", DESCRIPTION]:
        await h.turn(carer, room, text)
    with h.runtime.store.unit() as unit:
        token = unit.channel_value(CHANNEL, SYNC_TOKEN)
    assert token
    return carer, room, token


def test_restart_mid_report_loses_nothing_and_answers_nothing_twice(
    matrix_settings: Settings, make_runtime: Callable[..., Runtime], synapse: Synapse
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        carer, room, token_before = await at_the_when_question(h)
        answered = await h.turn(carer, room, "yesterday")
        assert "platform" in answered[-1]

        # The bot stops; its stored sync token is put back as if it had crashed before
        # storing it after the last message. While it is down the carer answers on.
        await h.stop()
        with h.runtime.store.unit() as unit:
            unit.set_channel_value(CHANNEL, SYNC_TOKEN, token_before)
        seen = len(carer.texts(room))
        await carer.send(room, "instagram")
        h.runtime = make_runtime(fresh_settings=True)
        await h.start()
        # Two events come again: "yesterday" (handled before: not answered) and
        # "instagram" (missed while down: answered once).
        await wait_until(lambda: h.bot.handled >= 2)
        await carer.sync()
        after = carer.texts(room)[seen:]
        assert len(after) == 1, after
        assert "accountnaam" in after[0]
        asked = await h.turn(carer, room, "@boze_zoon_1980")
        assert "Wie deed het?" in asked[0]
        for text in ["naaste", "done", "2", "anonymous", "kliniek-noord", "none"]:
            await h.turn(carer, room, text)
        done = "\n".join(await h.turn(carer, room, "confirm"))
        assert CODE.search(done), done
        [case] = cases(h.runtime)
        assert case["platform"] == "instagram"
        assert case["occurred_choice"] == "yesterday"

    scenario(runtime, synapse, body)


@pytest.mark.sqlite_only  # PostgreSQL: covered by the report and restart tests
def test_an_answer_lost_in_a_crash_arrives_when_the_event_comes_again(
    matrix_settings: Settings,
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        carer, room, token_before = await at_the_when_question(h)

        async def network_down(*args: object, **kwargs: object) -> str:
            raise OSError("network down")

        # "yesterday" is stored, but its answer never leaves: every send fails.
        seen = len(carer.texts(room))
        with monkeypatch.context() as patch:
            patch.setattr("bot.matrix.channel.room_send", network_down)
            assert await h.turn(carer, room, "yesterday") == []
        with h.runtime.store.unit() as unit:
            stored = unit.load_conversation(h.runtime.store.pseudonym(CHANNEL, room))
        assert stored is not None
        assert stored.state["slots"]["occurred_choice"] == "yesterday"

        async def restart_before_the_event() -> list[str]:
            """The bot dies before its sync token moved past the event; it comes again."""
            await h.stop()
            with h.runtime.store.unit() as unit:
                unit.set_channel_value(CHANNEL, SYNC_TOKEN, token_before)
            before = len(carer.texts(room))
            h.runtime = make_runtime(fresh_settings=True)
            await h.start()
            await wait_until(lambda: h.bot.handled >= 1)
            await carer.sync()
            return carer.texts(room)[before:]

        again = await restart_before_the_event()
        assert again, "the lost answer arrives"
        assert "platform" in again[-1], again
        assert await restart_before_the_event() == [], "and is not sent twice"
        asked = await h.turn(carer, room, "instagram")
        assert "accountnaam" in asked[0]
        assert len(carer.texts(room)) > seen

    scenario(runtime, synapse, body)


@pytest.mark.sqlite_only  # PostgreSQL: covered by the report and restart tests
def test_room_with_three_members_is_refused_and_nothing_stored(
    matrix_settings: Settings, make_runtime: Callable[..., Runtime], synapse: Synapse
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        carer = await h.person()
        room = await h.room_of_three(carer)
        answer = await h.turn(carer, room, "ik wil een online bedreiging melden")
        assert answer == [
            "In een kamer met meer dan twee mensen neem ik geen meldingen aan: iedereen hier "
            "kan meelezen. Begin een direct gesprek met mij (alleen jij en ik). Daar ziet "
            "niemand anders wat je schrijft."
        ]
        with h.runtime.store.unit() as unit:
            key = h.runtime.store.pseudonym(CHANNEL, room)
            assert unit.load_conversation(key) is None, "nothing of the room is stored"
        assert cases(h.runtime) == []

    scenario(runtime, synapse, body)


@pytest.mark.sqlite_only  # PostgreSQL: covered by the report and restart tests
def test_encrypted_direct_chat_works_end_to_end(
    matrix_settings: Settings,
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,
    tmp_path: Path,
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        assert h.bot.encryption, "vodozemac is installed with matrix-nio[e2e]"
        carer = await h.person(store=tmp_path / "carer-store")
        room, greeting = await h.open_chat(carer, encrypted=True)
        assert "ZorgVeilig" in "\n".join(greeting), "the greeting is decrypted by the carer"
        asked = await h.turn(carer, room, "online")
        assert "Wat is er gebeurd?" in asked[-1]
        events = carer.messages[room]
        assert events
        assert all(getattr(e, "decrypted", False) for e in events), "all answers encrypted"
        assert h.bot.client.rooms[room].encrypted

    scenario(runtime, synapse, body)


@pytest.mark.sqlite_only  # PostgreSQL: covered by the report and restart tests
def test_without_e2e_an_encrypted_chat_gets_a_clear_refusal(
    matrix_settings: Settings, make_runtime: Callable[..., Runtime], synapse: Synapse
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        assert not h.bot.encryption
        carer = await h.person()
        room, greeting = await h.open_chat(carer, encrypted=True)
        assert greeting == [
            "Dit gesprek is end-to-end versleuteld. Deze bot kan versleutelde berichten niet "
            "lezen. Ik heb niet gelezen wat je schreef. Begin een nieuw direct gesprek met mij, "
            "met versleuteling uit."
        ]
        # An encrypted message (that this bot cannot read) gets the same clear answer.
        seen = len(carer.texts(room))
        before = h.bot.handled
        fake = {
            "algorithm": "m.megolm.v1.aes-sha2",
            "ciphertext": "AwgAEn",
            "sender_key": "c2VuZGVy",
            "session_id": "c2Vzc2lvbg",
            "device_id": "CARERDEVICE",
        }
        sent = await carer.client.room_send(room, "m.room.encrypted", fake)
        assert isinstance(sent, nio.RoomSendResponse), sent
        await wait_until(lambda: h.bot.handled > before)
        await carer.sync()
        answer = carer.texts(room)[seen:]
        assert answer == greeting
        with h.runtime.store.unit() as unit:
            key = h.runtime.store.pseudonym(CHANNEL, room)
            assert unit.load_conversation(key) is None

    scenario(runtime, synapse, body, encryption=False)


@pytest.mark.sqlite_only  # PostgreSQL: covered by the report and restart tests
def test_a_data_export_arrives_as_a_file(
    matrix_settings: Settings, make_runtime: Callable[..., Runtime], synapse: Synapse
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        carer = await h.person()
        room, _ = await h.open_chat(carer)
        await h.turn(carer, room, "privacy")
        await h.turn(carer, room, "export")
        files = [e for e in carer.messages[room] if isinstance(e, nio.RoomMessageFile)]
        assert len(files) == 1
        assert files[0].body.endswith(".json")
        download = await carer.client.download(mxc=files[0].url)
        assert isinstance(download, nio.MemoryDownloadResponse), download
        assert isinstance(json.loads(download.body), dict | list)

    scenario(runtime, synapse, body)


@pytest.mark.sqlite_only  # PostgreSQL: covered by the report and restart tests
def test_outbox_retries_a_failed_delivery_and_delivers_to_a_user(
    matrix_settings: Settings, make_runtime: Callable[..., Runtime], synapse: Synapse
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        await h.bot.outbox.stop()  # driven by hand below
        for address, key in [(f"!missing:{SERVER_NAME}", "x"), (synapse.user_id(ANNA), "a")]:
            with h.runtime.store.unit() as unit:
                unit.enqueue(
                    channel=CHANNEL,
                    recipient="test",
                    address=address,
                    purpose="case_notice",
                    payload={"text": f"notice {key}", "choices": [{"id": "ok", "label": "OK"}]},
                    dedupe_key=key,
                )
        sender = h.bot.outbox
        assert await sender.deliver_once() == 2
        with h.runtime.store.unit() as unit:
            assert unit.outbox_counts() == {"pending": 1, "delivered": 1, "failed": 0}
        assert await sender.deliver_once() == 0, "the failed one waits for its backoff"
        anna = await h.person(ANNA)
        for invite in anna.invites:  # also older tests' chats: af-anna is one user
            await anna.client.join(invite)
        await wait_until(lambda: bool(anna.invites))
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            await anna.sync()
            received = [t for room in anna.invites for t in anna.texts(room)]
            if "notice a\n\n1. OK" in received:
                break
            await asyncio.sleep(0.2)
        else:
            raise AssertionError("af-anna did not receive the notice")

    scenario(runtime, synapse, body)


@pytest.mark.sqlite_only  # PostgreSQL: covered by the report and restart tests
def test_zorgveilig_run_starts_matrix_and_logs_no_secret(
    matrix_settings: Settings, synapse: Synapse, cli_env: dict[str, str]
) -> None:
    """The real command against Synapse, stopped with SIGINT."""

    async def main() -> None:
        bot = await RunningBot.start(bot_env(cli_env))
        carer = Person(synapse, "carer-" + uuid.uuid4().hex[:8])
        synapse.register(carer.user_id[1:].split(":")[0], PASSWORD)
        try:
            await wait_until(lambda: bot.logged("Matrix: syncing") or not bot.running, 90)
            assert bot.running, bot.log[-2000:]
            await carer.login()
            room = await carer.direct_chat(synapse.user_id(BOT))
            deadline = time.monotonic() + 60
            while not carer.texts(room) and time.monotonic() < deadline:
                await asyncio.sleep(0.3)
                await carer.sync()
            assert carer.texts(room), "the bot greets in the new direct chat"
        finally:
            await carer.close()
            returncode = await bot.stop()
        logged = bot.log
        assert returncode == 0, logged[-2000:]
        assert PASSWORD not in logged
        assert "Matrix: syncing" in logged
        assert room not in logged
        assert "ZorgVeilig meldbot van" not in logged

    asyncio.run(main())


@pytest.mark.sqlite_only  # PostgreSQL: covered by the report and restart tests
def test_login_with_an_access_token_keeps_its_device(
    matrix_settings: Settings,
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async def token() -> tuple[str, str]:
        client = nio.AsyncClient(synapse.url, synapse.user_id(BOT))
        try:
            response = await client.login(PASSWORD, device_name="token test")
            assert isinstance(response, nio.LoginResponse), response
            return str(response.access_token), str(response.device_id)
        finally:
            await client.close()

    access_token, device_id = asyncio.run(token())
    monkeypatch.delenv("ZV_MATRIX_PASSWORD")
    monkeypatch.setenv("ZV_MATRIX_ACCESS_TOKEN", access_token)
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        assert h.bot.client.device_id == device_id
        carer = await h.person()
        _, greeting = await h.open_chat(carer)
        assert "ZorgVeilig" in "\n".join(greeting)
        with h.runtime.store.unit() as unit:
            assert unit.channel_value(CHANNEL, "device_id") == device_id

    scenario(runtime, synapse, body)


def test_numbered_choices() -> None:
    outgoing = Outgoing("Klopt dit?", (Choice("confirm", "Ja"), Choice("edit", "Nee")))
    assert numbered(outgoing) == "Klopt dit?\n\n1. Ja\n2. Nee"
    assert numbered(Outgoing("Hallo")) == "Hallo"
