"""A notice whose delivery a crash cut off arrives once on the real Synapse.

The bot sends each outbox message under a transaction id kept with the delivery attempt
(`bot.core.outbox`). A process that dies after the homeserver took the message but before
it was recorded leaves the attempt in doubt; the process that takes it over sends it again
under the same id, after a new login as the same device, and Synapse keeps the first.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Callable

import pytest

from bot.matrix.translate import CHANNEL
from bot.runtime import Runtime
from bot.settings import Settings
from storage.outbox import PendingMessage
from tests.synapse_server import Synapse
from tests.test_matrix import (  # noqa: F401 (fixtures)
    ANNA,
    TIMEOUT,
    Harness,
    Person,
    matrix_settings,
    scenario,
    synapse,
)


class CrashError(Exception):
    """The process dies here (after the send, before the record)."""


async def send_and_crash(h: Harness, text: str) -> None:
    """Queue a notice for af-anna and let the bot die right after the homeserver took it."""
    with h.runtime.store.unit() as unit:
        unit.enqueue(
            channel=CHANNEL,
            recipient="test",
            address=h.server.user_id(ANNA),
            purpose="case_notice",
            payload={"text": text},
            dedupe_key=text,
        )
    sender = h.bot.outbox

    def crash(message: PendingMessage) -> None:
        raise CrashError

    sender._delivered = crash  # type: ignore[method-assign]
    assert await sender.deliver_once() == 1


async def copies(anna: Person, text: str, expected: int) -> int:
    """How often af-anna has `text`, once at least `expected` arrived (or time ran out)
    and a moment more for a copy too many to show."""
    deadline = time.monotonic() + TIMEOUT
    while True:
        for invite in anna.invites:
            await anna.client.join(invite)
        await anna.sync()
        found = [t for room in anna.invites for t in anna.texts(room)].count(text)
        if found >= expected or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.2)
    await asyncio.sleep(1.0)
    await anna.sync()
    return [t for room in anna.invites for t in anna.texts(room)].count(text)


async def restart(h: Harness, *, idempotent: bool = True) -> int:
    """The bot starts again (a new login as the same device) and delivers by hand; how many
    tries it found cut off by a crash."""
    await h.stop()
    await h.start()
    await h.bot.outbox.stop()
    h.bot.outbox.idempotent = idempotent
    assert await h.bot.outbox.deliver_once() == 1
    with h.runtime.store.unit() as unit:
        assert unit.outbox_counts() == {"pending": 0, "delivered": 1, "failed": 0}
    return h.bot.outbox.in_doubt


@pytest.mark.sqlite_only  # the attempt record is the same on PostgreSQL (test_crash_safety)
@pytest.mark.parametrize(
    ("idempotent", "arrived"),
    [
        (True, 1),  # the same transaction id: Synapse keeps the first
        (False, 2),  # the control: what this guards against is real on this homeserver
    ],
    ids=["same-transaction-id", "control-new-id"],
)
def test_a_notice_cut_off_by_a_crash_is_sent_again_and_arrives_once(
    matrix_settings: Settings,  # noqa: F811
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,  # noqa: F811
    idempotent: bool,
    arrived: int,
) -> None:
    runtime = make_runtime(fresh_settings=True)
    text = f"Nieuwe melding {uuid.uuid4().hex[:8]}"

    async def body(h: Harness) -> None:
        await h.bot.outbox.stop()  # driven by hand
        await send_and_crash(h, text)
        anna = await h.person(ANNA)
        assert await copies(anna, text, 1) == 1, "the homeserver took the first try"
        assert await restart(h, idempotent=idempotent) == 1, "the try is known to be in doubt"
        # The second try was sent and answered before this: a copy would be there now.
        assert await copies(anna, text, arrived) == arrived

    scenario(runtime, synapse, body)
