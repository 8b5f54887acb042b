"""The Telegram channel: python-telegram-bot's `Application` wired to the engine.

Updates are dispatched one at a time by PTB and handed, without waiting, to a FIFO queue
per chat (`ChatQueues`): one chat's messages are answered in order, different chats in
parallel. The engine is synchronous and runs in a worker thread. Each update carries
`message_id = "<bot id>:<update id>"`, so an update Telegram delivers again after a crash
is answered once.

Privacy: nothing from a group chat is stored; logs hold no message content, no chat ids
and no tokens; per-chat channel state is filed under the keyed pseudonym of the chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, TypeVar
from urllib.parse import urlsplit

from telegram import (
    BotCommand,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
)
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.core import channel_texts as texts
from bot.runtime import Runtime
from bot.telegram.ordering import ChatQueues
from bot.telegram.outbox import OutboxSender
from bot.telegram.translate import (
    CHANNEL,
    MAX_DOWNLOAD_BYTES,
    command_for_bot,
    file_of,
    is_start,
    language_of,
    render,
    unsupported_answer,
    valid_callback_data,
)
from dialogs.i18n import translator
from dialogs.messages import Attachment, Incoming, Outgoing, Reply
from dialogs.render import size as render_size
from storage.repository import ConcurrentUpdateError

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
COMMANDS = (
    ("start", texts.COMMAND_START),
    ("stop", texts.COMMAND_STOP),
    ("status", texts.COMMAND_STATUS),
    ("privacy", texts.COMMAND_PRIVACY),
    ("help", texts.COMMAND_HELP),
)
ENGINE_TRIES = 3
REPLY_TRIES = 3

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
T = TypeVar("T")


@dataclass(frozen=True)
class ChatMemory:
    """What the channel keeps per private chat: the message whose keyboard is live, the
    Telegram language last passed to the engine (so a switch typed in the chat holds), and
    the update whose answer was sent last (so a redelivered update is answered once)."""

    keyboard: int | None = None
    language: str | None = None
    answered: str | None = None

    def dump(self) -> str:
        return json.dumps({"kb": self.keyboard, "lc": self.language, "an": self.answered})

    @classmethod
    def load(cls, raw: str | None) -> ChatMemory:
        if not raw:
            return cls()
        try:
            data = json.loads(raw)
            keyboard = data.get("kb")
            language = data.get("lc")
            answered = data.get("an")
            return cls(
                keyboard if isinstance(keyboard, int) else None,
                language if isinstance(language, str) else None,
                answered if isinstance(answered, str) else None,
            )
        except (ValueError, AttributeError):
            return cls()


@dataclass(frozen=True)
class TelegramOptions:
    """How to reach Telegram and how fast to go (tests lower the intervals)."""

    token: str
    base_url: str | None = None
    outbox_interval: float = 2.0
    tick_interval: float = 30.0
    poll_timeout: int = 10
    overall_max_rate: float = 30
    group_max_rate: float = 20


class TelegramChannel:
    """The bot on Telegram: build, start and stop the PTB application around the engine."""

    def __init__(self, runtime: Runtime, options: TelegramOptions) -> None:
        self.runtime = runtime
        self.options = options
        self.queues = ChatQueues()
        self.handled = 0  # updates fully handled (tests wait on it)
        self.application = self._build()
        self.outbox = OutboxSender(
            runtime.store, self._send_outgoing, interval=options.outbox_interval
        )
        self._ticker: asyncio.Task[None] | None = None

    # -- building -----------------------------------------------------------------------

    def _build(self) -> AnyApplication:
        options = self.options
        builder = (
            Application.builder()
            .token(options.token)
            .rate_limiter(
                AIORateLimiter(
                    overall_max_rate=options.overall_max_rate,
                    group_max_rate=options.group_max_rate,
                    max_retries=2,
                )
            )
            # Updates are dispatched one by one; handlers only enqueue per chat (see
            # ChatQueues), so order within a chat is guaranteed and chats run in parallel.
            .concurrent_updates(False)
            # httpcore checks every pooled connection on each request: a pool sized for
            # Telegram's 30 messages/s (a few in flight) keeps that cheap.
            .request(HTTPXRequest(connection_pool_size=16, read_timeout=20.0))
            .get_updates_request(
                HTTPXRequest(connection_pool_size=2, read_timeout=options.poll_timeout + 10.0)
            )
            .post_init(self._post_init)
            .post_stop(self._post_stop)
        )
        if options.base_url:
            root = options.base_url.rstrip("/")
            builder = builder.base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
        application: AnyApplication = builder.build()
        application.add_handler(CallbackQueryHandler(self._on_callback))
        application.add_handler(MessageHandler(filters.UpdateType.MESSAGE, self._on_message))
        application.add_error_handler(self._on_error)
        return application

    # -- lifecycle ----------------------------------------------------------------------

    async def _post_init(self, application: AnyApplication) -> None:
        try:
            await self.set_commands()
        except TelegramError as exc:  # the menu is a convenience: start without it
            log.warning("the command menu could not be set: %s", type(exc).__name__)
        self.outbox.start()
        self._ticker = asyncio.create_task(self._tick_loop(), name="zorgveilig-telegram-tick")

    async def _post_stop(self, application: AnyApplication) -> None:
        if self._ticker is not None:
            self._ticker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._ticker
            self._ticker = None
        await self.queues.join()
        await self.outbox.stop()

    async def _tick_loop(self) -> None:
        """Periodic work of the running bot: due timers (escalations, reminders, check-ins)
        and the daily retention purge; new outbox messages are sent right after."""
        while True:
            try:
                await asyncio.to_thread(self.runtime.tick)
                self.outbox.wake()
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # keep ticking: the next round may succeed
                log.error("periodic work failed: %s", type(exc).__name__)
            await asyncio.sleep(self.options.tick_interval)

    async def set_commands(self) -> None:
        """The command menu: Dutch by default, English for English-speaking users."""
        bot = self.application.bot
        for lang, language_code in (("nl", None), ("en", "en")):
            tr = translator(lang)
            commands = [BotCommand(name, tr(msgid)) for name, msgid in COMMANDS]
            await bot.set_my_commands(commands, language_code=language_code)

    async def start_polling(self) -> None:
        """Start in the running event loop (tests, embedding); stop with `stop()`."""
        app = self.application
        await app.initialize()
        await self._post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(
            poll_interval=0.0,
            timeout=self.options.poll_timeout,
            allowed_updates=ALLOWED_UPDATES,
        )
        await app.start()

    async def start_webhook(self, *, url: str, secret: str, listen: str, port: int) -> None:
        """Like `start_polling`, but as a webhook server (tests, embedding)."""
        app = self.application
        await app.initialize()
        await self._post_init(app)
        assert app.updater is not None
        await app.updater.start_webhook(
            listen=listen,
            port=port,
            url_path=urlsplit(url).path.lstrip("/"),
            webhook_url=url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
        )
        await app.start()

    async def stop(self) -> None:
        """Stop fetching, finish every queued update, stop the outbox, close."""
        app = self.application
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
        await self._post_stop(app)
        await app.shutdown()

    def run_polling(self) -> None:
        """Block: long polling until SIGINT/SIGTERM."""
        self.application.run_polling(
            poll_interval=0.0,
            timeout=self.options.poll_timeout,
            allowed_updates=ALLOWED_UPDATES,
        )

    def run_webhook(self, *, url: str, secret: str, listen: str, port: int) -> None:
        """Block: a webhook server that checks Telegram's secret-token header."""
        path = urlsplit(url).path.lstrip("/")
        self.application.run_webhook(
            listen=listen,
            port=port,
            url_path=path,
            webhook_url=url,
            secret_token=secret,
            allowed_updates=ALLOWED_UPDATES,
        )

    # -- dispatch -----------------------------------------------------------------------

    async def _on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        if message is None:
            return
        self.queues.submit(message.chat_id, lambda: self._counted(self._message(update, message)))

    async def _on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        chat = query.message.chat.id if query.message is not None else query.from_user.id
        self.queues.submit(chat, lambda: self._counted(self._press(update, query)))

    async def _counted(self, work: Awaitable[None]) -> None:
        try:
            await work
        finally:
            self.handled += 1

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        error = context.error
        log.error("telegram error: %s", type(error).__name__ if error else "unknown")

    # -- messages -----------------------------------------------------------------------

    def _message_id(self, update: Update) -> str:
        return f"{self.application.bot.id}:{update.update_id}"

    async def _message(self, update: Update, message: Message) -> None:
        user = message.from_user
        if user is None or user.is_bot:
            return
        lang = language_of(user.language_code)
        if message.chat.type != ChatType.PRIVATE:
            await self._group_message(message, lang)
            return
        answer = unsupported_answer(message)
        if answer is not None:
            if await asyncio.to_thread(self._claim, self._message_id(update)):
                tr = translator(lang)
                text = tr(answer)
                if answer != texts.WHAT_I_TAKE:
                    text += "\n\n" + tr(texts.WHAT_I_TAKE)
                await self._send(message.chat_id, Outgoing(text))
            return
        text = message.text if message.text is not None else (message.caption or "")
        text = command_for_bot(text, self.application.bot.username)
        incoming = Incoming(
            channel=CHANNEL,
            chat_id=str(message.chat_id),
            user_id=str(user.id),
            text=text,
            display_name=user.full_name or None,
            message_id=self._message_id(update),
        )
        ref = file_of(message)
        if ref is not None:
            if ref.size is not None and ref.size > MAX_DOWNLOAD_BYTES:
                if await asyncio.to_thread(self._claim, incoming.message_id or ""):
                    limit = render_size(MAX_DOWNLOAD_BYTES)
                    notice = translator(lang)(texts.FILE_TOO_LARGE, name=ref.name, limit=limit)
                    await self._send(message.chat_id, Outgoing(notice))
                return
            try:
                telegram_file = await self.application.bot.get_file(ref.file_id)
                data = bytes(await telegram_file.download_as_bytearray())
            except TelegramError as exc:
                log.warning("a file could not be downloaded: %s", type(exc).__name__)
                incoming = replace(incoming, unreadable=(ref.name,))
            else:
                attachment = Attachment(filename=ref.name, data=data, media_type=ref.media_type)
                incoming = replace(incoming, attachments=(attachment,))
        await self._converse(incoming, user.language_code, start=is_start(text))

    async def _converse(
        self,
        incoming: Incoming,
        language_code: str | None,
        *,
        start: bool,
        memory: ChatMemory | None = None,
    ) -> None:
        """Run one turn of the engine and send its answer (`memory`: the chat's, if the
        caller read it already)."""
        chat_id = int(incoming.chat_id)
        try:
            reply, known = await asyncio.to_thread(
                self._turn, incoming, language_code, start, memory
            )
        except Exception as exc:
            log.error("a turn failed: %s", type(exc).__name__)
            sorry = translator(language_of(language_code))(texts.SOMETHING_WRONG)
            with contextlib.suppress(TelegramError):
                await self._send(chat_id, Outgoing(sorry))
            return
        await self._answer(chat_id, reply, replace(known, answered=incoming.message_id))
        self.outbox.wake()

    def _turn(
        self,
        incoming: Incoming,
        language_code: str | None,
        start: bool,
        memory: ChatMemory | None = None,
    ) -> tuple[Reply, ChatMemory]:
        if memory is None:
            memory = self._memory(incoming.chat_id)
        lang = language_of(language_code)
        if memory.language != lang:
            incoming = replace(incoming, lang=lang)  # first contact, or the app's language changed
            memory = replace(memory, language=lang)
        for attempt in range(ENGINE_TRIES):
            try:
                if start:
                    if not self._claim(incoming.message_id or ""):
                        return Reply(messages=(), awaiting=False), memory
                    self._reopen_refused(incoming)
                    return self.runtime.engine.resume(incoming), memory
                reply = self.runtime.engine.handle(incoming)
                if reply.duplicate and memory.answered != incoming.message_id:
                    # Handled before, but its answer never went out (the process died
                    # in between): send it now. Answered already: stay quiet.
                    reply = self.runtime.engine.replay(incoming)
                return reply, memory
            except ConcurrentUpdateError:
                if attempt == ENGINE_TRIES - 1:
                    raise
        raise AssertionError("unreachable")

    async def _answer(self, chat_id: int, reply: Reply, memory: ChatMemory) -> None:
        if not reply.messages:
            await asyncio.to_thread(self._remember, str(chat_id), memory)
            return
        keyboard: int | None = None
        for outgoing in reply.messages:
            try:
                # The turn is stored already: a lost answer would leave the melder without
                # the next question, so a network failure is tried again.
                sent = await self._send(chat_id, outgoing, tries=REPLY_TRIES)
            except Forbidden:
                log.info("a chat blocked the bot; the answer is dropped")
                break
            if sent is not None:
                keyboard = sent
        await asyncio.to_thread(self._remember, str(chat_id), replace(memory, keyboard=keyboard))

    async def _group_message(self, message: Message, lang: str) -> None:
        """No reports in groups: point the person to a private chat, store nothing."""
        bot = self.application.bot
        text = message.text or message.caption or ""
        addressed = (
            text.startswith("/")
            or (bot.username is not None and f"@{bot.username.lower()}" in text.lower())
            or (
                message.reply_to_message is not None
                and message.reply_to_message.from_user is not None
                and message.reply_to_message.from_user.id == bot.id
            )
        )
        if not addressed:
            return  # the bot stays quiet in a group's own conversation
        tr = translator(lang)
        markup = None
        if bot.username:
            link = f"https://t.me/{bot.username}?start=private"
            markup = InlineKeyboardMarkup(
                [[InlineKeyboardButton(tr(texts.GROUP_OPEN_PRIVATE), url=link)]]
            )
        await bot.send_message(
            message.chat_id,
            tr(texts.GROUP_NOT_HERE),
            reply_markup=markup,
            reply_to_message_id=message.message_id,
        )

    # -- button presses -----------------------------------------------------------------

    async def _press(self, update: Update, query: CallbackQuery) -> None:
        lang = language_of(query.from_user.language_code)
        tr = translator(lang)
        message = query.message
        if message is None or message.chat.type != ChatType.PRIVATE:
            await query.answer(tr(texts.BUTTON_IN_GROUP), show_alert=True)
            return
        choice = valid_callback_data(query.data)
        if choice is None:
            log.warning("a button press with data the bot never sends was refused")
            await query.answer(tr(texts.BUTTON_NOT_VALID), show_alert=True)
            return
        chat_id = message.chat.id
        memory = await asyncio.to_thread(self._memory, str(chat_id))
        if memory.keyboard != message.message_id:
            await query.answer(tr(texts.BUTTON_STALE), show_alert=True)
            await self._remove_keyboard(chat_id, message.message_id)
            return
        incoming = Incoming(
            channel=CHANNEL,
            chat_id=str(chat_id),
            user_id=str(query.from_user.id),
            choice=choice,
            display_name=query.from_user.full_name or None,
            message_id=self._message_id(update),
        )
        # Three independent things at once, so the melder waits for one round trip to
        # Telegram instead of three: stop the button's spinner, take the old keyboard away,
        # and answer. A failure of the first two must not cost the answer.
        results = await asyncio.gather(
            query.answer(),
            self._remove_keyboard(chat_id, message.message_id),
            self._converse(incoming, query.from_user.language_code, start=False, memory=memory),
            return_exceptions=True,
        )
        for result in results:
            if isinstance(result, Exception):
                log.warning("part of a button press failed: %s", type(result).__name__)

    async def _remove_keyboard(self, chat_id: int, message_id: int) -> None:
        # BadRequest: already gone ("message is not modified") or too old to edit.
        with contextlib.suppress(BadRequest):
            await self.application.bot.edit_message_reply_markup(
                chat_id=chat_id, message_id=message_id, reply_markup=None
            )

    # -- sending ------------------------------------------------------------------------

    async def _send(self, chat_id: int | str, outgoing: Outgoing, *, tries: int = 1) -> int | None:
        """Send one outgoing message (in parts if long) and its files (as documents); the
        id of the message with buttons, if any. Each request is tried up to `tries` times
        on a network failure, so a part already sent is not sent again."""
        keyboard_message: int | None = None
        bot = self.application.bot
        for part in render(outgoing):
            sent = await _retrying(
                partial(bot.send_message, chat_id, part.text, reply_markup=part.keyboard), tries
            )
            if part.keyboard is not None:
                keyboard_message = sent.message_id
        for file in outgoing.files:
            document = InputFile(file.data, filename=file.filename)
            await _retrying(
                partial(bot.send_document, chat_id, document, disable_content_type_detection=True),
                tries,
            )
        return keyboard_message

    async def _send_outgoing(self, address: str, outgoing: Outgoing) -> None:
        """Outbox delivery: send, and make a keyboard in it the chat's live one."""
        keyboard = await self._send(int(address), outgoing)
        if keyboard is not None:
            memory = await asyncio.to_thread(self._memory, address)
            await asyncio.to_thread(self._remember, address, replace(memory, keyboard=keyboard))

    # -- durable per-chat memory --------------------------------------------------------

    def _memory_name(self, chat_id: str) -> str:
        return "chat:" + self.runtime.store.pseudonym(CHANNEL, chat_id)

    def _memory(self, chat_id: str) -> ChatMemory:
        with self.runtime.store.unit() as unit:
            return ChatMemory.load(unit.channel_value(CHANNEL, self._memory_name(chat_id)))

    def _remember(self, chat_id: str, memory: ChatMemory) -> None:
        with self.runtime.store.unit() as unit:
            unit.set_channel_value(CHANNEL, self._memory_name(chat_id), memory.dump())

    def _reopen_refused(self, incoming: Incoming) -> None:
        """Someone (re)starting the bot may have blocked it before: what could not reach
        them then (a case notice, an answer from the aanspreekpunt) goes out now."""
        recipients = [self.runtime.store.pseudonym(CHANNEL, incoming.chat_id)]
        contact = self.runtime.organisation.contact_for_address(CHANNEL, incoming.user_id)
        if contact is not None:
            recipients.append(contact.id)
        with self.runtime.store.unit() as unit:
            reopened = unit.reopen_refused(CHANNEL, recipients, error=Forbidden.__name__)
        if reopened:
            log.info("%d message(s) refused earlier go out again", reopened)

    def _claim(self, message_id: str) -> bool:
        with self.runtime.store.unit() as unit:
            return unit.claim_message(CHANNEL, message_id)


async def _retrying(request: Callable[[], Awaitable[T]], tries: int) -> T:
    """Await a Bot API request, again after a network failure (not after a refusal)."""
    for attempt in range(1, tries + 1):
        try:
            return await request()
        except (BadRequest, Forbidden):
            raise
        except NetworkError as exc:
            if attempt >= tries:
                raise
            log.warning("a request failed (%s); trying again", type(exc).__name__)
            await asyncio.sleep(0.5 * attempt)
    raise AssertionError("unreachable")
