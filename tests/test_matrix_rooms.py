"""Case notices into a configured room (a contact's `matrix_room_id`), against the real
Synapse (see tests/test_matrix.py): the meldteam's shared room, which af-anna created with
a colleague, and invited the bot to (or left open to join)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import nio
import pytest

from bot.runtime import Runtime
from bot.settings import Settings
from tests import synapse_server
from tests.synapse_server import SERVER_NAME, Synapse
from tests.test_matrix import (  # noqa: F401 (fixtures)
    ANNA,
    BOT,
    CODE,
    DESCRIPTION,
    PASSWORD,
    TIMEOUT,
    Harness,
    Person,
    cases,
    matrix_settings,
    scenario,
    synapse,
    wait_until,
)

BRAM = "bram.jansen"


def team_room(server: Synapse, *, invite_bot: bool) -> str:
    """af-anna creates the meldteam's room and invites af-bram, who joins, and the bot (or
    makes the room open to join on the server instead)."""

    async def main() -> str:
        anna = Person(server, ANNA)
        bram = Person(server, BRAM)
        try:
            await anna.login()
            await bram.login()
            created = await anna.client.room_create(
                name="Meldteam",
                invite=[server.user_id(BOT), bram.user_id] if invite_bot else [bram.user_id],
                preset=nio.RoomPreset.private_chat if invite_bot else nio.RoomPreset.public_chat,
                federate=False,
            )
            assert isinstance(created, nio.RoomCreateResponse), created
            joined = await bram.client.join(created.room_id)
            assert isinstance(joined, nio.JoinResponse), joined
            return str(created.room_id)
        finally:
            await anna.close()
            await bram.close()

    return asyncio.run(main())


def configure_room(room_id: str) -> None:
    """The example organisation on the test server, the meldteam reached in `room_id`."""
    example = (synapse_server.PROJECT / "config" / "organisation.example.yml").read_text()
    text = example.replace("!meldteam:example.org", room_id)
    text = text.replace(":example.org", f":{SERVER_NAME}")
    assert room_id in text
    Path(Settings().organisation).write_text(text)


@pytest.mark.sqlite_only  # the delivery path is the same on PostgreSQL
@pytest.mark.parametrize("invite_bot", [True, False], ids=["invited", "open-to-join"])
def test_case_notice_arrives_in_the_meldteams_room(
    matrix_settings: Settings,  # noqa: F811
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,  # noqa: F811
    invite_bot: bool,
) -> None:
    synapse.register(BRAM, PASSWORD)
    room = team_room(synapse, invite_bot=invite_bot)
    configure_room(room)
    runtime = make_runtime(fresh_settings=True)
    [meldteam] = [c for c in runtime.organisation.contacts if c.id == "mt-team"]
    assert meldteam.addresses.matrix_room_id == room
    assert meldteam.addresses.matrix_user_id is None

    async def body(h: Harness) -> None:
        if invite_bot:
            await wait_until(lambda: room in h.bot.client.rooms, TIMEOUT)
        else:
            assert room not in h.bot.client.rooms, "joined when the first notice is due"
        anna = await h.person(ANNA)
        assert room in anna.client.rooms

        carer = await h.person()
        chat, _ = await h.open_chat(carer)
        for text in ["online", DESCRIPTION, "yesterday", "instagram", "@boze_zoon_1980"]:
            await h.turn(carer, chat, text)
        for text in ["naaste", "done", "2", "anonymous", "kliniek-noord", "meldteam"]:
            await h.turn(carer, chat, text)
        done = "\n".join(await h.turn(carer, chat, "confirm"))
        code = CODE.search(done)
        assert code, done
        [case] = cases(h.runtime)
        assert "mt-team" in [r["contact"] for r in case["routed_to"]]

        deadline = time.monotonic() + TIMEOUT
        notices: list[str] = []
        while not notices and time.monotonic() < deadline:
            await asyncio.sleep(0.2)
            await anna.sync()
            notices = [t for t in anna.texts(room) if code.group(0) in t]
        assert notices, "the case notice arrives in the meldteam's room"
        assert DESCRIPTION not in notices[0], "the story stays out of a shared room"
        notice = next(e for e in anna.messages[room] if code.group(0) in e.body)
        assert notice.sender == h.bot.client.user_id
        assert [r for r in anna.reactions.get(room, []) if r.reacts_to == notice.event_id] == []

        # The team talks in its room: the bot, not addressed, stays quiet (no refusal).
        await wait_until(lambda: h.bot.client.rooms[room].joined_count == 3, TIMEOUT)
        before = h.bot.handled
        seen = len(anna.texts(room))
        await anna.send(room, "Goedemorgen team, wie pakt deze melding op?")
        await wait_until(lambda: h.bot.handled > before)
        await anna.sync()
        assert anna.texts(room)[seen:] == []

    scenario(runtime, synapse, body)
