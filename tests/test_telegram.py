"""The Telegram channel: the real python-telegram-bot `Application` against a fake Bot API
server on 127.0.0.1 (tests/fake_telegram.py). Whole conversations are driven by injecting
updates; the assertions read what the fake server was asked to show."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import socket
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import aiohttp
import pytest
import sqlalchemy as sa
from pydantic import SecretStr
from sqlmodel import select

from bot.core import channel_texts as tt
from bot.core.outbox import backoff
from bot.core.turns import REPLY_TRIES
from bot.runtime import Runtime
from bot.settings import Settings
from bot.telegram.channel import TelegramChannel, TelegramOptions
from bot.telegram.run import TelegramConfigError, options_from
from bot.telegram.translate import (
    command_for_bot,
    language_of,
    render,
    split_text,
    valid_callback_data,
)
from dialogs.export import case_json
from dialogs.i18n import translator
from dialogs.messages import MAX_ATTACHMENT_BYTES, Choice, Outgoing
from dialogs.render import size as render_size
from dialogs.texts import HELP, LANGUAGE_SWITCHED
from storage.models import Conversation, Evidence, OutboxMessage, ProcessedMessage
from tests.fake_telegram import BOT_USERNAME, TOKEN, Call, FakeTelegram, wait_until
from tests.running_bot import RunningBot, bot_env

pytestmark = pytest.mark.timeout(60)

MELDER = 424242
OTHER = 515151
ANNA = 100000001  # af-anna's telegram_chat_id in the example organisation
FRANK = 100000007  # sec-frank (security)
GROUP = -1009876543
CODE = re.compile(r"ZV-[A-Z0-9]{4}")
# A story that names no fact the report asks (the channel is tested here, not the facts).
DESCRIPTION = "Hij stuurde: 'ik weet waar je woont, pas maar op'."
PHOTO = b"\xff\xd8\xff\xe0" + b"screenshot of a threatening message" * 50
NL = translator("nl")
ACUTE = "help hij staat nu voor de deur met een mes"


class Harness:
    """The fake server and a running channel; helpers answer like a melder would."""

    def __init__(self, runtime: Runtime, group_max_rate: float = 2000) -> None:
        self.runtime = runtime
        self.fake = FakeTelegram()
        self.channel: TelegramChannel | None = None
        self.expected = 0
        self.group_max_rate = group_max_rate

    async def start(self) -> None:
        if not self.fake.port:
            await self.fake.start()
        self.channel = TelegramChannel(
            self.runtime,
            TelegramOptions(
                token=TOKEN,
                base_url=self.fake.base_url,
                outbox_interval=0.1,
                tick_interval=0.2,
                poll_timeout=1,
                overall_max_rate=2000,
                group_max_rate=self.group_max_rate,
            ),
        )
        self.expected = 0
        await self.channel.start_polling()

    async def stop(self) -> None:
        if self.channel is not None:
            await self.channel.stop()
            self.channel = None

    async def close(self) -> None:
        await self.stop()
        await self.fake.stop()

    async def settle(self, timeout: float = 20.0) -> None:
        """Wait until every injected update has been handled."""
        channel = self.channel
        assert channel is not None
        await wait_until(lambda: channel.handled >= self.expected, timeout)

    async def acknowledged(self, update_id: int, timeout: float = 20.0) -> None:
        """Wait until the bot acknowledged updates up to `update_id` (after storing them)."""
        await wait_until(lambda: self.fake.confirmed > update_id, timeout)

    async def inject(
        self, update: Callable[[], object], chat: int = MELDER, timeout: float = 20.0
    ) -> list[Call]:
        """Inject one update, wait until it is handled; what the chat was sent meanwhile."""
        before = len(self.fake.calls)
        update()
        self.expected += 1
        await self.settle(timeout)
        return [
            c
            for c in self.fake.calls[before:]
            if c.method == "sendMessage" and c.chat_id == chat and c.status == 200
        ]

    async def say(self, text: str, user: int = MELDER, lang: str = "nl") -> list[Call]:
        return await self.inject(lambda: self.fake.message(user, text, lang=lang), user)

    async def press(self, choice: str, user: int = MELDER, lang: str = "nl") -> list[Call]:
        keyboard = self.fake.last_keyboard(user)
        assert choice in keyboard.choice_ids, (choice, keyboard.choice_ids)
        message_id = keyboard.params["message_id"]
        return await self.inject(
            lambda: self.fake.callback(user, choice, message_id=message_id, lang=lang), user
        )

    async def answer(self, value: str, user: int = MELDER, lang: str = "nl") -> list[Call]:
        """Press the button with this id if the newest keyboard has it, else type it."""
        keyboards = [c for c in self.fake.sent(user) if c.buttons]
        if keyboards and value in keyboards[-1].choice_ids:
            return await self.press(value, user, lang)
        return await self.say(value, user, lang)


def scenario(
    runtime: Runtime, body: Callable[[Harness], Awaitable[None]], group_max_rate: float = 2000
) -> None:
    """Run one test body with the fake server and a started channel, then clean up."""

    async def main() -> None:
        harness = Harness(runtime, group_max_rate)
        await harness.start()
        try:
            await asyncio.wait_for(body(harness), timeout=50)
        finally:
            await harness.close()

    asyncio.run(main())


def texts(calls: list[Call]) -> str:
    return "\n".join(c.text for c in calls)


def cases(runtime: Runtime) -> list[dict[str, Any]]:
    with runtime.store.unit() as unit:
        return [case_json(c) for c in unit.all_cases()]


def database_text(runtime: Runtime) -> str:
    """Every row of every table as text (to look for what must not be there)."""
    metadata = sa.MetaData()
    metadata.reflect(runtime.store.engine)
    with runtime.store.engine.connect() as connection:
        return "\n".join(
            repr(tuple(row))
            for table in metadata.sorted_tables
            for row in connection.execute(table.select())
        )


def step_of(runtime: Runtime) -> str | None:
    """The step the (only) conversation is at."""
    [conversation] = rows(runtime, Conversation)
    return conversation.step  # type: ignore[no-any-return]


def rows(runtime: Runtime, model: type[Any]) -> list[Any]:
    with runtime.store.unit() as unit:
        return list(unit.session.exec(select(model)).all())


ONLINE_START = ["/start", "online", DESCRIPTION, "yesterday", "instagram", "@boze_zoon_1980"]
ONLINE_END = ["naaste"]  # then evidence
AFTER_EVIDENCE = ["done", "2", "anonymous", "kliniek-noord", "none", "confirm"]


# -- whole conversations ------------------------------------------------------------------


def test_anonymous_online_report_with_photo_reaches_the_aandachtsfunctionaris(
    runtime: Runtime,
) -> None:
    async def body(h: Harness) -> None:
        greeting = await h.say("/start")
        assert "ZorgVeilig" in greeting[0].text
        assert "online" in greeting[-1].choice_ids
        for value in [*ONLINE_START[1:], *ONLINE_END]:
            await h.answer(value)
        got_photo = await h.inject(lambda: h.fake.photo(MELDER, PHOTO))
        assert any("photo_" in c.text for c in got_photo), texts(got_photo)
        assert "done" in got_photo[-1].choice_ids
        assert AFTER_EVIDENCE[-1] == "confirm"
        for value in AFTER_EVIDENCE[:-1]:
            await h.answer(value)
        assert "photo_" in texts(h.fake.sent(MELDER)[-4:]), "the summary lists the photo"
        done = await h.press("confirm")
        code = CODE.search(texts(done))
        assert code, texts(done)
        assert "0900-0101" in texts(done)

        # Every press was acknowledged and its keyboard removed.
        presses = len(h.fake.called("answerCallbackQuery"))
        assert presses >= 9
        removed = h.fake.called("editMessageReplyMarkup")
        assert len(removed) >= presses
        assert all(c.params.get("reply_markup") in (None, "", {}) for c in removed)

        # The notice for af-anna goes out through the outbox, without the story.
        await wait_until(lambda: bool(h.fake.sent(ANNA)), 10)
        notice = h.fake.sent(ANNA)[0].text
        assert code.group(0) in notice
        assert DESCRIPTION not in notice

        [case] = cases(h.runtime)
        assert case["code"] == code.group(0)
        assert case["anonymous"] is True
        assert case["channel"] == "telegram"
        assert case["description"] == DESCRIPTION
        assert [e["sha256"] for e in case["evidence"]] == [hashlib.sha256(PHOTO).hexdigest()]
        assert case["evidence"][0]["media_type"] == "image/jpeg"

        # The command menu was set in Dutch (default) and English.
        commands = h.fake.called("setMyCommands")
        assert {c.params.get("language_code") for c in commands} == {None, "en"}
        for call in commands:
            names = [c["command"] for c in call.params["commands"]]
            assert names == ["start", "stop", "status", "privacy", "help"]
        dutch = next(c for c in commands if c.params.get("language_code") is None)
        english = next(c for c in commands if c.params.get("language_code") == "en")
        assert dutch.params["commands"] != english.params["commands"]

        # The raw chat id of the anonymous melder is nowhere in plaintext in the database.
        assert str(MELDER) not in database_text(h.runtime)

    scenario(runtime, body)


def test_niet_pluis_in_english_goes_to_the_aandachtsfunctionaris(runtime: Runtime) -> None:
    async def body(h: Harness) -> None:
        greeting = await h.say("/start", lang="en-GB")
        assert "report" in texts(greeting).lower()
        for value in [
            "niet_pluis",
            "A colleague has been very short with a resident lately and closes the door.",
            "colleague",
            "bespreken",
            "anonymous",
            "kliniek-noord",
        ]:
            await h.answer(value, lang="en-GB")
        done = await h.answer("confirm", lang="en-GB")
        assert CODE.search(texts(done)), texts(done)
        [case] = cases(h.runtime)
        assert case["kind"] == "niet_pluis"
        assert [r["contact"] for r in case["routed_to"]] == ["af-anna"]
        await wait_until(lambda: bool(h.fake.sent(ANNA)), 10)

    scenario(runtime, body)


def test_acute_danger_is_answered_first_and_alerts_security(runtime: Runtime) -> None:
    async def body(h: Harness) -> None:
        for value in ONLINE_START[:3]:
            await h.answer(value)
        question = h.fake.sent(MELDER)[-1].text
        acute = await h.say(ACUTE)
        assert "112" in acute[0].text
        assert "0900-8844" in acute[0].text
        assert acute[-1].text == question, "after the safety message, the same question"
        await wait_until(lambda: bool(h.fake.sent(FRANK)), 10)
        assert str(MELDER) not in h.fake.sent(FRANK)[0].text

    scenario(runtime, body)


def test_stop_mid_report_keeps_nothing(runtime: Runtime) -> None:
    async def body(h: Harness) -> None:
        for value in [*ONLINE_START, *ONLINE_END]:
            await h.answer(value)
        await h.inject(lambda: h.fake.photo(MELDER, PHOTO))
        assert len(rows(h.runtime, Evidence)) == 1
        stopped = await h.say("/stop")
        assert "niets" in stopped[0].text.lower()
        assert "online" in stopped[-1].choice_ids
        assert rows(h.runtime, Evidence) == []
        assert cases(h.runtime) == []

    scenario(runtime, body)


def test_restart_mid_report_continues_and_answers_no_update_twice(
    runtime: Runtime, make_runtime: Callable[..., Runtime]
) -> None:
    async def body(h: Harness) -> None:
        for value in ONLINE_START[:4]:
            await h.answer(value)
        question = h.fake.sent(MELDER)[-1]
        answered = len(h.fake.sent(MELDER))
        last_two = sorted(h.fake.delivered)[-2]

        # The process dies after handling the last two updates, before confirming them;
        # a new process on the same database starts and Telegram sends them again.
        await h.stop()
        h.fake.crash_before_confirming(last_two)
        h.runtime.close()  # the process is gone: what it held is free
        h.runtime = make_runtime()
        await h.start()
        await h.acknowledged(max(h.fake.delivered))
        assert len(h.fake.sent(MELDER)) == answered, "a redelivered update is not answered"

        back = await h.say("/start")
        assert "Welkom terug" in back[0].text
        assert back[-1].text == question.text
        assert back[-1].choice_ids == question.choice_ids
        for value in ["instagram", "@boze_zoon_1980", "naaste", *AFTER_EVIDENCE]:
            await h.answer(value)
        assert len(cases(h.runtime)) == 1

    scenario(runtime, body)


def test_an_answer_lost_in_a_crash_arrives_after_a_restart_without_typing(
    runtime: Runtime, make_runtime: Callable[..., Runtime]
) -> None:
    async def body(h: Harness) -> None:
        for value in ONLINE_START[:2]:
            await h.answer(value)
        before = len(h.fake.sent(MELDER))
        # The story is stored, but its answer never arrives: every try fails, as if the
        # process died between the commit and the send.
        h.fake.failures[MELDER] = [(502, "Bad Gateway", None)] * REPLY_TRIES
        update = h.fake.message(MELDER, DESCRIPTION)
        h.expected += 1
        await h.settle()
        assert len(h.fake.sent(MELDER)) == before, "nothing reached the melder"
        with h.runtime.store.unit() as unit:
            stored = unit.load_conversation(h.runtime.store.pseudonym("telegram", str(MELDER)))
        assert stored is not None
        assert stored.state["slots"]["description"] == DESCRIPTION

        # A new process on the same database: the melder types nothing, and Telegram also
        # sends the update again.
        await h.stop()
        h.fake.crash_before_confirming(update["update_id"])
        h.runtime.close()  # the process is gone: what it held is free
        h.runtime = make_runtime()
        await h.start()
        await wait_until(lambda: len(h.fake.sent(MELDER)) > before)
        await h.acknowledged(update["update_id"])
        answer = h.fake.sent(MELDER)[before:]
        assert len(answer) == 1, "the lost answer arrives, once"
        assert "yesterday" in answer[-1].choice_ids, "the question after the story"
        # The live keyboard is that answer's: the melder just goes on.
        await h.press("yesterday")
        assert "instagram" in h.fake.last_keyboard(MELDER).choice_ids

        # Once answered, a further redelivery of that update stays unanswered.
        sent = len(h.fake.sent(MELDER))
        await h.stop()
        h.fake.crash_before_confirming(update["update_id"])
        await h.start()
        await h.acknowledged(max(h.fake.delivered))  # the story again, the press after it
        assert len(h.fake.sent(MELDER)) == sent, "no update is answered twice"
        with h.runtime.store.unit() as unit:
            stored = unit.load_conversation(h.runtime.store.pseudonym("telegram", str(MELDER)))
        assert stored is not None
        assert stored.state["slots"]["occurred_choice"] == "yesterday"

    scenario(runtime, body)


def test_an_answer_cut_off_halfway_by_a_crash_goes_on_where_it_stopped(
    runtime: Runtime, make_runtime: Callable[..., Runtime]
) -> None:
    async def body(h: Harness) -> None:
        # The greeting is two messages: the welcome, then the menu with its buttons. The
        # welcome arrives; the menu never does, as if the process died in between.
        cut: list[tuple[int, str, int | None]] = [(502, "Bad Gateway", None)] * REPLY_TRIES
        h.fake.failures[MELDER] = [(200, "", None), *cut]
        h.fake.message(MELDER, "/start")
        h.expected += 1
        await h.settle()
        [welcome] = h.fake.sent(MELDER)
        assert not welcome.buttons

        await h.stop()
        h.runtime.close()  # the process is gone: what it held is free
        h.runtime = make_runtime()
        await h.start()
        await wait_until(lambda: len(h.fake.sent(MELDER)) > 1)
        await asyncio.sleep(0.3)  # nothing more is coming
        rest = h.fake.sent(MELDER)[1:]
        assert [c.text for c in rest] != [welcome.text], "the welcome is not sent again"
        assert all(c.text != welcome.text for c in rest), "the welcome arrived once"
        assert "online" in rest[-1].choice_ids, "the menu arrives, with its buttons"
        await h.press("online")
        assert h.fake.sent(MELDER)[-1].text, "the melder goes on from the menu"

    scenario(runtime, body)


def test_a_press_is_answered_even_when_telegram_fails_the_side_requests(
    runtime: Runtime,
) -> None:
    async def body(h: Harness) -> None:
        await h.say("/start")
        h.fake.failing.update({"answerCallbackQuery", "editMessageReplyMarkup"})
        answer = await h.press("online")
        assert answer, "the press is answered"
        assert step_of(h.runtime) == "what", "the online report has begun"
        assert [c.status for c in h.fake.called("answerCallbackQuery")] == [500]
        assert [c.status for c in h.fake.called("editMessageReplyMarkup")] == [500]
        h.fake.failing.clear()
        await h.say(DESCRIPTION)
        assert "yesterday" in h.fake.last_keyboard(MELDER).choice_ids

    scenario(runtime, body)


def test_forged_and_stale_button_presses_change_nothing(runtime: Runtime) -> None:
    async def body(h: Harness) -> None:
        await h.say("/start")
        menu = h.fake.last_keyboard(MELDER)
        await h.press("online")
        await h.say(DESCRIPTION)
        question = h.fake.last_keyboard(MELDER)
        assert "yesterday" in question.choice_ids
        sent = len(h.fake.sent(MELDER))
        mid = question.params["message_id"]

        for data in ["x' OR 1=1; --", "a" * 65, "../../etc", "", "ok\nnewline"]:
            await h.inject(lambda d=data: h.fake.callback(MELDER, d, message_id=mid))  # type: ignore[misc]
        # A real id, but on the menu message of an earlier question.
        await h.inject(
            lambda: h.fake.callback(MELDER, "aggression", message_id=menu.params["message_id"])
        )
        # A well-formed id that the current question does not have.
        await h.inject(lambda: h.fake.callback(MELDER, "kliniek-noord", message_id=mid))

        answers = h.fake.called("answerCallbackQuery")[-7:]
        assert all(a.params.get("text") for a in answers[:6]), "a polite answer every time"
        assert len(h.fake.sent(MELDER)) >= sent
        # Nothing moved: the same question still takes its answer.
        assert step_of(h.runtime) == "when"
        nxt = await h.press("yesterday")
        assert "instagram" in nxt[-1].choice_ids

    scenario(runtime, body)


def test_group_chat_gets_a_pointer_to_a_private_chat_and_nothing_is_stored(
    runtime: Runtime,
) -> None:
    async def body(h: Harness) -> None:
        quiet = await h.inject(
            lambda: h.fake.message(OTHER, "ik word bedreigd", chat=GROUP, chat_type="group"),
            GROUP,
        )
        assert quiet == [], "the bot does not join a group's own conversation"
        answer = await h.inject(
            lambda: h.fake.message(
                OTHER, f"/start@{BOT_USERNAME}", chat=GROUP, chat_type="supergroup"
            ),
            GROUP,
        )
        [reply] = answer
        assert reply.chat_id == GROUP
        assert reply.text == NL(tt.GROUP_NOT_HERE)
        [button] = reply.buttons
        assert button["url"].startswith(f"https://t.me/{BOT_USERNAME}")
        mentioned = await h.inject(
            lambda: h.fake.message(
                OTHER, f"@{BOT_USERNAME} hoe meld ik iets?", chat=GROUP, chat_type="group"
            ),
            GROUP,
        )
        assert len(mentioned) == 1
        assert rows(h.runtime, Conversation) == []
        assert rows(h.runtime, ProcessedMessage) == []

    scenario(runtime, body)


def test_voice_sticker_location_contact_get_a_clear_answer(runtime: Runtime) -> None:
    async def body(h: Harness) -> None:
        await h.say("/start")
        await h.press("online")
        before = step_of(h.runtime)
        file = {"file_id": "v1", "file_unique_id": "uv1"}
        voice = await h.inject(
            lambda: h.fake.message(MELDER, voice=file | {"duration": 3, "mime_type": "audio/ogg"})
        )
        sticker = await h.inject(
            lambda: h.fake.message(
                MELDER,
                sticker=file
                | {"width": 512, "height": 512, "is_animated": False, "is_video": False}
                | {"type": "regular"},
            )
        )
        location = await h.inject(
            lambda: h.fake.message(MELDER, location={"latitude": 52.1, "longitude": 5.1})
        )
        contact = await h.inject(
            lambda: h.fake.message(
                MELDER, contact={"phone_number": "+31600000000", "first_name": "X"}
            )
        )
        video_note = await h.inject(
            lambda: h.fake.message(MELDER, video_note=file | {"length": 240, "duration": 2})
        )
        for said, msgid in [
            (voice, tt.NO_VOICE),
            (sticker, tt.NO_STICKER),
            (location, tt.NO_LOCATION),
            (contact, tt.NO_CONTACT),
            (video_note, tt.NO_VIDEO),
        ]:
            assert [c.text for c in said] == [NL(msgid) + "\n\n" + NL(tt.WHAT_I_TAKE)]
        assert step_of(h.runtime) == before, "nothing moved"

    scenario(runtime, body)


def test_flood_of_200_messages_is_answered_in_order_once(
    settings: Settings, make_runtime: Callable[..., Runtime]
) -> None:
    # The engine's own per-chat limit (ZV_RATE_LIMIT) is lifted: this test is about the
    # channel delivering every message, once and in order.
    settings.rate_limit = 1000
    runtime = make_runtime()

    async def body(h: Harness) -> None:
        for value in [*ONLINE_START, *ONLINE_END]:
            await h.answer(value)
        start = len(h.fake.sent(MELDER))
        links = [f"https://example.org/bewijs/{n}" for n in range(1, 201)]
        for link in links:
            h.fake.message(MELDER, link)
        # and meanwhile another melder is served too
        h.fake.message(OTHER, "/start")
        h.expected += len(links) + 1
        await h.settle(timeout=40)
        saved = [c.text for c in h.fake.sent(MELDER)[start:] if "example.org/bewijs/" in c.text]
        echoed = [re.search(r"example\.org/bewijs/(\d+)", t).group(1) for t in saved]  # type: ignore[union-attr]
        assert echoed == [str(n) for n in range(1, 201)], "every link once, in order"
        assert h.fake.sent(OTHER), "another chat is not starved"
        stored = rows(h.runtime, Evidence)
        assert len(stored) == 200
        with h.runtime.store.unit() as unit:
            conversation_key = stored[0].conversation_key
            names = [e.name for e in unit.draft_evidence(conversation_key)]
        assert names == links

    scenario(runtime, body)


def test_documents_are_evidence_and_too_large_files_are_explained(runtime: Runtime) -> None:
    async def body(h: Harness) -> None:
        for value in [*ONLINE_START, *ONLINE_END]:
            await h.answer(value)
        pdf = b"%PDF-1.4 a threatening e-mail, printed"
        h.fake.files["doc-1"] = pdf
        document = {"file_id": "doc-1", "file_unique_id": "ud1", "file_size": len(pdf)}
        got = await h.inject(
            lambda: h.fake.message(
                MELDER,
                document=document | {"file_name": "mail.pdf", "mime_type": "application/pdf"},
            )
        )
        assert "mail.pdf" in got[0].text
        huge = {"file_id": "doc-2", "file_unique_id": "ud2", "file_size": 30_000_000}
        refused = await h.inject(
            lambda: h.fake.message(MELDER, document=huge | {"file_name": "film.mov"})
        )
        assert [c.text for c in refused] == [
            NL(tt.FILE_TOO_LARGE, name="film.mov", limit=render_size(MAX_ATTACHMENT_BYTES))
        ]
        [stored] = rows(h.runtime, Evidence)
        assert stored.sha256 == hashlib.sha256(pdf).hexdigest()
        assert stored.media_type == "application/pdf"
        assert not h.fake.called("getFile")[1:], "a file over the limit is not fetched"

    scenario(runtime, body)


def test_a_failing_turn_gets_an_apology_and_the_chat_goes_on(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def body(h: Harness) -> None:
        await h.say("/start")
        handle = h.runtime.engine.handle
        calls = {"n": 0}

        def broken_once(incoming: Any) -> Any:
            calls["n"] += 1
            if calls["n"] == 1:
                raise RuntimeError("boom")
            return handle(incoming)

        monkeypatch.setattr(h.runtime.engine, "handle", broken_once)
        sorry = await h.say("online")
        assert [c.text for c in sorry] == [NL(tt.SOMETHING_WRONG)]
        again = await h.press("online")
        assert again, "the next message is answered as usual"

    scenario(runtime, body)


def test_a_data_export_arrives_as_a_document(runtime: Runtime) -> None:
    async def body(h: Harness) -> None:
        for value in [*ONLINE_START, *ONLINE_END, *AFTER_EVIDENCE]:
            await h.answer(value)
        [case] = cases(h.runtime)
        await h.answer("privacy")
        await h.answer("export")
        [document] = h.fake.called("sendDocument")
        assert document.chat_id == MELDER
        sent = document.params["document"]
        data = json.loads(sent["data"])
        assert case["code"] in json.dumps(data)
        assert sent["filename"].endswith(".json")

    scenario(runtime, body)


def test_the_evidence_reaches_the_aandachtsfunctionaris_as_a_document(runtime: Runtime) -> None:
    async def body(h: Harness) -> None:
        for value in [*ONLINE_START, *ONLINE_END]:
            await h.answer(value)
        await h.inject(lambda: h.fake.photo(MELDER, PHOTO))
        for value in AFTER_EVIDENCE:
            await h.answer(value)
        [case] = cases(h.runtime)
        for value in ("/start", "cases", case["code"], "evidence"):
            await h.answer(value, user=ANNA)
        [document] = h.fake.called("sendDocument")
        assert document.chat_id == ANNA, "in the contact's own chat"
        sent = document.params["document"]
        assert sent["data"] == PHOTO, "the file as the melder sent it"
        assert sent["filename"].startswith(f"{case['code']}-1-")

    scenario(runtime, body)


def test_a_language_switch_typed_in_the_chat_holds(runtime: Runtime) -> None:
    async def body(h: Harness) -> None:
        await h.say("/start")
        switched = await h.say("english")
        assert switched[0].text == translator("en")(LANGUAGE_SWITCHED)
        # The next message still comes from a Dutch Telegram app: English holds.
        helped = await h.say("/help")
        assert helped[0].text == translator("en")(HELP)
        assert "online" in helped[-1].choice_ids
        with h.runtime.store.unit() as unit:
            [conversation] = unit.session.exec(select(Conversation)).all()
        assert conversation.lang == "en"

    scenario(runtime, body)


def test_webhook_takes_updates_only_with_the_secret_token(runtime: Runtime) -> None:
    async def main() -> None:
        harness = Harness(runtime)
        await harness.fake.start()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        harness.channel = TelegramChannel(
            runtime, TelegramOptions(token=TOKEN, base_url=harness.fake.base_url)
        )
        url = f"https://bot.example.org/telegram/{port}"
        await harness.channel.start_webhook(
            url=url, secret="s3cret-token", listen="127.0.0.1", port=port
        )
        try:
            [hook] = harness.fake.called("setWebhook")
            assert hook.params["url"] == url
            assert hook.params["secret_token"] == "s3cret-token"
            update = {
                "update_id": 90001,
                "message": {
                    "message_id": 1,
                    "date": 1_700_000_000,
                    "chat": {"id": MELDER, "type": "private", "first_name": "M"},
                    "from": {"id": MELDER, "is_bot": False, "first_name": "M"},
                    "text": "/start",
                },
            }
            local = f"http://127.0.0.1:{port}/telegram/{port}"
            async with aiohttp.ClientSession() as http:
                for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                    async with http.post(local, json=update, headers=headers) as response:
                        assert response.status == 403
                assert harness.fake.sent(MELDER) == []
                headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret-token"}
                async with http.post(local, json=update, headers=headers) as response:
                    assert response.status == 200
            harness.expected = 1
            await harness.settle()
            assert "online" in harness.fake.last_keyboard(MELDER).choice_ids
        finally:
            await harness.close()

    asyncio.run(asyncio.wait_for(main(), timeout=50))


# -- the outbox ---------------------------------------------------------------------------


def _enqueue(runtime: Runtime, address: str, text: str, key: str, recipient: str = "test") -> None:
    with runtime.store.unit() as unit:
        unit.enqueue(
            channel="telegram",
            recipient=recipient,
            address=address,
            purpose="case_notice",
            payload={"text": text, "choices": []},
            dedupe_key=key,
        )


def test_outbox_retries_errors_respects_retry_after_and_gives_up_when_blocked(
    runtime: Runtime,
) -> None:
    async def body(h: Harness) -> None:
        assert h.channel is not None
        await h.channel.outbox.stop()  # driven by hand below
        h.fake.blocked.add(ANNA)
        h.fake.failures[FRANK] = [
            (500, "Internal Server Error", None),
            (429, "Too Many Requests: retry after 1", 1),
        ]
        _enqueue(h.runtime, str(ANNA), "notice for anna", "a", "af-anna")
        _enqueue(h.runtime, str(FRANK), "alert for frank", "f", "sec-frank")
        sender = h.channel.outbox
        await sender.deliver_once()
        with h.runtime.store.unit() as unit:
            assert unit.outbox_counts() == {"pending": 1, "delivered": 0, "failed": 1}
            rows_ = {r.dedupe_key: r for r in unit.session.exec(select(OutboxMessage)).all()}
        assert rows_["a"].last_error == "Forbidden"
        assert rows_["f"].last_error in ("NetworkError", "TelegramError")
        # Retry due now (instead of waiting for the 5 s backoff) -> 429, retried by the
        # rate limiter after 1 s -> delivered.
        with h.runtime.store.unit() as unit:
            row = unit.session.get(OutboxMessage, rows_["f"].id)
            assert row is not None
            row.not_before = row.created_at
            unit.session.add(row)
        await sender.deliver_once()
        with h.runtime.store.unit() as unit:
            assert unit.outbox_counts() == {"pending": 0, "delivered": 1, "failed": 1}
        assert [c.text for c in h.fake.sent(FRANK)] == ["alert for frank"]
        assert h.fake.sent(ANNA) == []
        # Anna unblocks the bot and starts it again: the notice she missed arrives.
        h.fake.blocked.discard(ANNA)
        greeting = await h.say("/start", user=ANNA)
        assert greeting, "the bot answers /start"
        await sender.deliver_once()
        assert h.fake.sent(ANNA)[-1].text == "notice for anna"
        with h.runtime.store.unit() as unit:
            assert unit.outbox_counts() == {"pending": 0, "delivered": 2, "failed": 0}
        await h.say("/start", user=ANNA)
        await sender.deliver_once()
        assert [c.text for c in h.fake.sent(ANNA)].count("notice for anna") == 1, "once"

    scenario(runtime, body)


# -- small pieces -------------------------------------------------------------------------


def test_translation_helpers() -> None:
    assert language_of("en-GB") == "en"
    assert language_of("nl") == "nl"
    assert language_of(None) == "nl"
    assert language_of("de") == "nl"
    assert valid_callback_data("kliniek-noord") == "kliniek-noord"
    assert valid_callback_data("ZV-7K3Q") == "ZV-7K3Q"
    assert valid_callback_data("a" * 65) is None
    assert valid_callback_data("x y") is None
    assert valid_callback_data(None) is None
    assert command_for_bot(f"/stop@{BOT_USERNAME}", BOT_USERNAME) == "/stop"
    assert command_for_bot("/stop@other_bot", BOT_USERNAME) == "/stop@other_bot"
    long = "\n".join(f"regel {n} " + "x" * 50 for n in range(200))
    parts = split_text(long)
    assert all(len(p) <= 4096 for p in parts)
    assert "\n".join(parts) == long
    rendered = render(Outgoing("vraag", (Choice("ok", "Ja"), Choice("bad id!", "Nee"))))
    [only] = rendered
    assert "2) Nee" in only.text
    assert only.keyboard is not None
    assert backoff(1) == timedelta(seconds=5)
    assert backoff(30) == timedelta(hours=1)


def test_settings_for_webhook_need_a_secret(settings: Settings) -> None:
    with pytest.raises(TelegramConfigError):
        options_from(settings)
    token = settings.model_copy(update={"telegram_token": SecretStr(TOKEN)})
    hook = token.model_copy(update={"telegram_webhook_url": "https://bot.example.org/tg"})
    with pytest.raises(TelegramConfigError, match="ZV_TELEGRAM_WEBHOOK_SECRET"):
        options_from(hook)
    bad = hook.model_copy(update={"telegram_webhook_secret": SecretStr("not allowed!")})
    with pytest.raises(TelegramConfigError, match="ZV_TELEGRAM_WEBHOOK_SECRET") as raised:
        options_from(bad)
    assert "not allowed!" not in str(raised.value)
    good = hook.model_copy(update={"telegram_webhook_secret": SecretStr("abc_DEF-123")})
    assert options_from(good).token == TOKEN
    assert options_from(good).overall_max_rate == 30, "Telegram's own limit by default"
    faster = good.model_copy(update={"telegram_max_rate": 500.0})
    assert options_from(faster).overall_max_rate == 500
    assert options_from(faster).group_max_rate == 20


def test_zorgveilig_run_starts_telegram_and_logs_no_token(cli_env: dict[str, str]) -> None:
    """The real command: long polling against the fake server, stopped with SIGINT."""

    async def main() -> None:
        fake = FakeTelegram()
        await fake.start()
        bot = await RunningBot.start(bot_env(cli_env, telegram_url=fake.base_url))
        try:
            await wait_until(lambda: bool(fake.called("setMyCommands")) or not bot.running, 40)
            assert bot.running, bot.log[-2000:]
            fake.message(MELDER, "/start")
            await wait_until(lambda: bool(fake.sent(MELDER)), 20)
        finally:
            returncode = await bot.stop()
            await fake.stop()
        logged = bot.log
        assert returncode == 0, logged[-2000:]
        assert "TEST-token" not in logged
        assert "/start" not in logged
        assert "long polling" in logged

    asyncio.run(main())


def test_the_running_channel_fires_due_timers(make_runtime: Callable[..., Runtime]) -> None:
    """Escalations, reminders and check-ins need no cron: the channel ticks."""
    from tests.test_case_handling import Clock

    clock = Clock()
    runtime = make_runtime(clock=clock)
    bram = 100000002  # af-bram, the backup of af-anna in the example organisation

    async def body(h: Harness) -> None:
        for value in [*ONLINE_START, *ONLINE_END, *AFTER_EVIDENCE]:
            await h.answer(value)
        assert not h.fake.sent(bram)
        clock.advance(hours=25)  # nobody claimed the case in time
        await wait_until(lambda: any("niet opgepakt" in m.text for m in h.fake.sent(bram)), 10)

    scenario(runtime, body)
