"""Answering with reactions on Matrix, against the real Synapse (see tests/test_matrix.py).

The bot reacts to its own question with 1️⃣ 2️⃣ … (at most ten); a care worker who taps one
answers as if they typed the number. Only the newest question counts, only in a direct
chat, and each reaction is handled once, also across a restart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest

from bot.core.memory import ChatMemory
from bot.matrix.channel import SYNC_TOKEN
from bot.matrix.choices import QuestionMemory, ReactionAnswer, answer_for
from bot.matrix.translate import CHANNEL, KEYCAPS, keycap_number, reaction_keys
from bot.runtime import Runtime
from bot.settings import Settings
from tests.synapse_server import Synapse
from tests.test_matrix import (  # noqa: F401 (fixtures)
    CODE,
    DESCRIPTION,
    Harness,
    Person,
    cases,
    matrix_settings,
    number_of,
    scenario,
    synapse,
    wait_until,
)

THUMBS_UP = "\U0001f44d"


def question(person: Person, room: str) -> Any:
    """The bot's newest message with a numbered list of choices."""
    listed = [e for e in person.messages.get(room, []) if "\n1. " in e.body]
    assert listed, "the bot asked a question with choices"
    return listed[-1]


def offered(person: Person, room: str, event_id: str) -> list[str]:
    """The reaction keys the bot put under one of its messages, in order."""
    return [r.key for r in person.reactions.get(room, []) if r.reacts_to == event_id]


async def react(
    h: Harness, person: Person, room: str, event_id: str, key: str, *, handled: int = 1
) -> list[str]:
    """React to a message; everything the bot answered to it."""
    seen = len(person.texts(room))
    before = h.bot.handled
    await person.react(room, event_id, key)
    await wait_until(lambda: h.bot.handled >= before + handled)
    await person.sync()
    return person.texts(room)[seen:]


async def tap(h: Harness, person: Person, room: str, label: str) -> list[str]:
    """Tap the keycap of the option with this label under the newest question."""
    asked = question(person, room)
    number = int(number_of(asked.body, label))
    assert KEYCAPS[number - 1] in offered(person, room, asked.event_id)
    return await react(h, person, room, asked.event_id, KEYCAPS[number - 1])


# -- against the server --------------------------------------------------------------------


def test_a_whole_report_answered_by_tapping_reactions(
    matrix_settings: Settings,  # noqa: F811
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,  # noqa: F811
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        carer = await h.person()
        room, _ = await h.open_chat(carer)
        menu = question(carer, room)
        assert offered(carer, room, menu.event_id) == list(KEYCAPS[:6]), "one per option"

        asked = await tap(h, carer, room, "Online bedreiging melden")
        assert len(asked) == 1, "the bot's own reactions answer nothing"
        assert "Wat is er gebeurd?" in asked[0]
        await h.turn(carer, room, DESCRIPTION)
        asked = await tap(h, carer, room, "Gisteren")
        assert "platform" in asked[-1]

        # Fourteen platforms: ten keycaps, the others are typed.
        platforms = question(carer, room)
        assert offered(carer, room, platforms.event_id) == list(KEYCAPS)
        assert number_of(platforms.body, "E-mail") == "10"
        asked = await react(h, carer, room, platforms.event_id, "\U0001f51f")
        assert "accountnaam" in asked[-1]

        await h.turn(carer, room, "boze.zoon@example.com")
        for label in ["Een familielid of naaste van een patiënt", "Klaar", "2 - slecht"]:
            await tap(h, carer, room, label)
        for label in ["Anoniem", "Kliniek Noord", "Geen voorkeur"]:
            asked = await tap(h, carer, room, label)
        assert "Klopt dit?" in asked[-1]
        done = "\n".join(await tap(h, carer, room, "Ja, verstuur"))
        assert CODE.search(done), done

        [case] = cases(h.runtime)
        assert case["platform"] == "e-mail"
        assert case["occurred_choice"] == "yesterday"
        assert case["anonymous"] is True
        assert case["impact"] == 2

    scenario(runtime, synapse, body)


@pytest.mark.sqlite_only  # PostgreSQL: covered by the report and restart tests
def test_stale_unknown_and_out_of_range_reactions_change_nothing(
    matrix_settings: Settings,  # noqa: F811
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,  # noqa: F811
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        carer = await h.person()
        room, _ = await h.open_chat(carer)
        menu = question(carer, room)
        await tap(h, carer, room, "Online bedreiging melden")
        await h.turn(carer, room, DESCRIPTION)
        when = question(carer, room)
        assert "Wanneer" in when.body

        # A keycap under the menu (an earlier question): a short hint, nothing else.
        hint = await react(h, carer, room, menu.event_id, KEYCAPS[2])
        assert hint == [
            "Die reactie hoort bij een eerdere vraag. Geef antwoord op mijn nieuwste bericht."
        ]
        # Another emoji, and a keycap beyond the five options: no answer at all.
        assert await react(h, carer, room, when.event_id, THUMBS_UP) == []
        assert await react(h, carer, room, when.event_id, KEYCAPS[7]) == []
        # A keycap under the free-text question before it: stale too.
        story = [e for e in carer.messages[room] if "Wat is er gebeurd?" in e.body][-1]
        assert len(await react(h, carer, room, story.event_id, KEYCAPS[0])) == 1

        # The report still waits for "when": tapping there moves on.
        asked = await tap(h, carer, room, "Vandaag")
        assert "platform" in asked[-1]
        with h.runtime.store.unit() as unit:
            key = h.runtime.store.pseudonym(CHANNEL, room)
            conversation = unit.load_conversation(key)
        assert conversation is not None
        assert conversation.state["slots"]["occurred_choice"] == "today"

    scenario(runtime, synapse, body)


@pytest.mark.sqlite_only  # PostgreSQL: covered by the report and restart tests
def test_reactions_in_a_room_of_three_are_ignored(
    matrix_settings: Settings,  # noqa: F811
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,  # noqa: F811
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        carer = await h.person()
        room = await h.room_of_three(carer)
        [refusal] = await h.turn(carer, room, "online")
        notice = carer.messages[room][-1]
        assert notice.body == refusal
        assert offered(carer, room, notice.event_id) == [], "no reactions in a shared room"
        assert await react(h, carer, room, notice.event_id, KEYCAPS[0]) == []
        with h.runtime.store.unit() as unit:
            key = h.runtime.store.pseudonym(CHANNEL, room)
            assert unit.load_conversation(key) is None

    scenario(runtime, synapse, body)


def test_restart_keeps_the_live_question_and_replays_no_reaction(
    matrix_settings: Settings,  # noqa: F811
    make_runtime: Callable[..., Runtime],
    synapse: Synapse,  # noqa: F811
) -> None:
    runtime = make_runtime(fresh_settings=True)

    async def body(h: Harness) -> None:
        carer = await h.person()
        room, _ = await h.open_chat(carer)
        await h.turn(carer, room, "online")
        await h.turn(carer, room, DESCRIPTION)
        with h.runtime.store.unit() as unit:
            token_before = unit.channel_value(CHANNEL, SYNC_TOKEN)
        asked = await tap(h, carer, room, "Gisteren")
        assert "platform" in asked[-1]

        # The bot stops and its sync token is put back, as if it crashed right after
        # answering the tap. While it is down the carer taps Instagram.
        await h.stop()
        with h.runtime.store.unit() as unit:
            unit.set_channel_value(CHANNEL, SYNC_TOKEN, token_before or "")
        seen = len(carer.texts(room))
        platforms = question(carer, room)
        await carer.react(room, platforms.event_id, KEYCAPS[0])
        h.runtime = make_runtime(fresh_settings=True)
        await h.start()
        # The tap on "Gisteren" comes again (handled before: no answer, no hint); the tap
        # on Instagram, missed while down, is answered once: the live question survived.
        await wait_until(lambda: h.bot.handled >= 2)
        await asyncio.sleep(0.5)
        await carer.sync()
        after = carer.texts(room)[seen:]
        assert len(after) == 1, after
        assert "accountnaam" in after[0]
        with h.runtime.store.unit() as unit:
            key = h.runtime.store.pseudonym(CHANNEL, room)
            conversation = unit.load_conversation(key)
        assert conversation is not None
        assert conversation.state["slots"]["platform"] == "instagram"
        assert conversation.state["slots"]["occurred_choice"] == "yesterday"

    scenario(runtime, synapse, body)


# -- the pure parts ------------------------------------------------------------------------


def test_keycaps_map_to_numbers_with_or_without_the_variation_selector() -> None:
    assert [keycap_number(k) for k in KEYCAPS] == list(range(1, 11))
    assert keycap_number("3\u20e3") == 3
    assert keycap_number("3") is None
    assert keycap_number(THUMBS_UP) is None
    assert reaction_keys(3) == KEYCAPS[:3]
    assert reaction_keys(14) == KEYCAPS


def test_only_the_live_question_answers() -> None:
    stored = QuestionMemory()
    asked = ChatMemory(live="$q2", choices=tuple(f"opt{n}" for n in range(1, 13)))
    live = stored.load(stored.dump(asked))  # only the first ten can be reacted to
    assert live.choices == tuple(f"opt{n}" for n in range(1, 11))
    assert answer_for(live, "$q2", KEYCAPS[1]) == ReactionAnswer(choice="opt2")
    assert answer_for(live, "$q2", "\U0001f51f") == ReactionAnswer(choice="opt10")
    assert answer_for(live, "$q1", KEYCAPS[1]) == ReactionAnswer(stale=True)
    assert answer_for(live, "$q2", THUMBS_UP) == ReactionAnswer()
    short = ChatMemory(live="$q3", choices=("yes", "no"))
    assert answer_for(short, "$q3", KEYCAPS[2]) == ReactionAnswer()
    assert answer_for(ChatMemory(), "$q3", KEYCAPS[0]) == ReactionAnswer(stale=True)
    assert stored.load(stored.dump(live)) == live
    assert stored.load("not json") == ChatMemory()
    assert stored.load(None) == ChatMemory()
