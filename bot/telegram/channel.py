"""The Telegram channel: python-telegram-bot's `Application` wired to the channel core.

Updates come in through `bot.telegram.intake` (long polling or the webhook), which keeps
each in the inbox before Telegram hears it arrived; PTB's `Application` then starts a task
per update, and `PerChatOrder` answers one chat's updates in order and different chats in
parallel. The core (`bot.core.turns`) runs each turn in a worker thread. Each update
carries `message_id = "<bot id>:<update id>"`, so an update Telegram delivers again after
a crash is answered once; what a crash left in the inbox is drained on start. This module
only translates: updates into `Incoming`, `Outgoing` into Telegram messages.

Privacy: nothing from a group chat is stored; logs hold no message content, no chat ids
and no tokens; per-chat channel state is filed under the keyed pseudonym of the chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, TypeVar
from urllib.parse import urlsplit

import tornado.httpserver
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
    Application,
    CallbackQueryHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import HTTPXRequest

from bot.core import channel_texts as texts
from bot.core.inbox import Inbox
from bot.core.memory import ChatMemory
from bot.core.outbox import TAKE_OVER_EVERY
from bot.core.ticker import Ticker
from bot.core.turns import ChannelParts, TurnRunner
from bot.runtime import Runtime
from bot.telegram.intake import Intake, message_id_of, stop_webhook, webhook_server
from bot.telegram.limits import ChatLanes
from bot.telegram.memory import KeyboardMemory, takes_press
from bot.telegram.ordering import PerChatOrder
from bot.telegram.outbox import classify
from bot.telegram.translate import (
    CHANNEL,
    FileRef,
    command_for_bot,
    file_of,
    is_start,
    language_of,
    render,
    unsupported_answer,
    valid_callback_data,
)
from dialogs.i18n import translator
from dialogs.messages import MAX_ATTACHMENT_BYTES, Attachment, Incoming, Outgoing
from dialogs.render import size as render_size
from storage.inbox import InboxEntry

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
COMMANDS = (
    ("start", texts.COMMAND_START),
    ("stop", texts.COMMAND_STOP),
    ("status", texts.COMMAND_STATUS),
    ("privacy", texts.COMMAND_PRIVACY),
    ("help", texts.COMMAND_HELP),
)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
T = TypeVar("T")


@dataclass(frozen=True)
class TelegramOptions:
    """How to reach Telegram and how fast to go (tests lower the intervals)."""

    token: str
    base_url: str | None = None
    outbox_interval: float = 2.0
    tick_interval: float = 30.0
    poll_timeout: int = 10
    #: How often to look for updates a process that died left (several processes).
    takeover_interval: float = TAKE_OVER_EVERY
    overall_max_rate: float = 30
    group_max_rate: float = 20


class TelegramChannel:
    """The bot on Telegram: build, start and stop the PTB application around the core.

    `ticker`: the periodic work shared with the process's other channels (a channel alone
    runs its own)."""

    def __init__(
        self, runtime: Runtime, options: TelegramOptions, ticker: Ticker | None = None
    ) -> None:
        self.runtime = runtime
        self.options = options
        self.handled = 0  # updates fully handled (tests wait on it)
        self.application = self._build()
        self.inbox = Inbox(CHANNEL, runtime.store, runtime.presence.key)
        self.intake = Intake(self.application.bot, self.inbox, self._dispatch)
        self._polling: asyncio.Task[None] | None = None
        self._sweeping: asyncio.Task[None] | None = None
        self._webhook: tornado.httpserver.HTTPServer | None = None
        parts = ChannelParts(
            CHANNEL,
            KeyboardMemory(),
            classify=classify,
            refused=(Forbidden,),
            on_start=self._reopen_refused,
        )
        self.core = TurnRunner(
            runtime,
            self,
            parts,
            outbox_interval=options.outbox_interval,
            ticker=ticker,
            tick_interval=options.tick_interval,
        )
        self.outbox = self.core.outbox

    # -- building -----------------------------------------------------------------------

    def _build(self) -> AnyApplication:
        options = self.options
        builder = (
            Application.builder()
            .token(options.token)
            .rate_limiter(
                ChatLanes(
                    overall_max_rate=options.overall_max_rate,
                    group_max_rate=options.group_max_rate,
                    max_retries=2,
                )
            )
            # Updates come from our own intake (bot.telegram.intake), not PTB's Updater.
            .updater(None)
            # A task per update: one chat's in order, chats in parallel (PerChatOrder).
            .concurrent_updates(PerChatOrder())
            # httpcore checks every pooled connection on each request: a pool sized for
            # Telegram's 30 messages/s (a few in flight) keeps that cheap.
            .request(HTTPXRequest(connection_pool_size=16, read_timeout=20.0))
        )
        if options.base_url:
            root = options.base_url.rstrip("/")
            builder = builder.base_url(f"{root}/bot").base_file_url(f"{root}/file/bot")
        application: AnyApplication = builder.build()
        application.add_handler(CallbackQueryHandler(self._on_callback))
        application.add_handler(MessageHandler(filters.UpdateType.MESSAGE, self._on_message))
        # Any other update (a kind not asked for): nothing to answer, it leaves the inbox.
        application.add_handler(TypeHandler(Update, self._other))
        application.add_error_handler(self._on_error)
        return application

    # -- lifecycle ----------------------------------------------------------------------

    async def _initialize(self) -> None:
        await self.application.initialize()
        try:
            await self.set_commands()
        except TelegramError as exc:  # the menu is a convenience: start without it
            log.warning("the command menu could not be set: %s", type(exc).__name__)
        self.core.start()

    async def set_commands(self) -> None:
        """The command menu: Dutch by default, English for English-speaking users."""
        bot = self.application.bot
        for lang, language_code in (("nl", None), ("en", "en")):
            tr = translator(lang)
            commands = [BotCommand(name, tr(msgid)) for name, msgid in COMMANDS]
            await bot.set_my_commands(commands, language_code=language_code)

    async def start_polling(self) -> None:
        """Start by long polling in the running event loop; stop with `stop()`. What a
        crash left in the inbox is handled first; lost answers go out again once what
        Telegram still held is stored (a newer message of the chat makes one moot)."""
        await self._start_handling()
        await self.application.bot.delete_webhook()
        poll = self.intake.poll(
            timeout=self.options.poll_timeout,
            allowed_updates=ALLOWED_UPDATES,
            stored=partial(self.inbox.replay_lost, self.core.replay),
        )
        self._polling = asyncio.create_task(poll, name="zorgveilig-telegram-intake")

    async def start_webhook(self, *, url: str, secret: str, listen: str, port: int) -> None:
        """Like `start_polling`, but as a webhook server that checks Telegram's
        secret-token header (it runs in the same event loop as everything else)."""
        await self._start_handling()
        self._webhook = webhook_server(urlsplit(url).path, secret, self.intake)
        self._webhook.listen(port, address=listen)
        await self.application.bot.set_webhook(
            url, secret_token=secret, allowed_updates=ALLOWED_UPDATES
        )
        await self.inbox.replay_lost(self.core.replay)

    async def _start_handling(self) -> None:
        await self._initialize()
        await self.application.start()
        await self.inbox.take_over(self._handle_left)
        self._sweeping = asyncio.create_task(self._sweep(), name="zorgveilig-telegram-takeover")

    async def _sweep(self) -> None:
        """Take over what another process of this bot left when it died (several
        processes behind one webhook), every `takeover_interval` seconds."""
        while True:
            await asyncio.sleep(self.options.takeover_interval)
            try:
                await self.inbox.sweep(self._handle_left, self.core.replay)
            except Exception as exc:  # the database is away: next round
                log.warning("taking over left updates failed: %s", type(exc).__name__)

    async def stop(self) -> None:
        """Stop taking updates, finish every update in progress, stop the outbox, close.
        An update taken and not answered stays in the inbox for the next start."""
        app = self.application
        polling, self._polling = self._polling, None
        if polling is not None:
            polling.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await polling
        webhook, self._webhook = self._webhook, None
        if webhook is not None:
            await stop_webhook(webhook)
        sweeping, self._sweeping = self._sweeping, None
        if sweeping is not None:
            sweeping.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await sweeping
        if app.running:
            await app.stop()  # waits for the updates in progress
        await self.core.stop()
        await app.shutdown()

    async def _dispatch(self, update: Update) -> None:
        await self.application.update_queue.put(update)

    async def _handle_left(self, entry: InboxEntry) -> None:
        """An update a crash left unhandled: handled now, like a new one."""
        assert entry.update is not None
        try:
            update = Update.de_json(entry.update, self.application.bot)
        except Exception as exc:  # read at intake: only a library upgrade gets here
            log.warning("skipped a stored update that could not be read: %s", type(exc).__name__)
            await self.inbox.done(entry.message_id)
            return
        await self._dispatch(update)

    # -- dispatch -----------------------------------------------------------------------

    async def _on_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.message
        if message is not None:
            await self._counted(update, self._message(update, message))

    async def _on_callback(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is not None:
            await self._counted(update, self._press(update, query))

    async def _counted(self, update: Update, work: Awaitable[None]) -> None:
        """Handle an update; once answered it leaves the inbox. One whose answer could not
        be sent stays there: the next start sends the stored answer again."""
        try:
            await work
        except Exception as exc:  # one failed update must not stop the chat
            log.error("handling an update failed: %s", type(exc).__name__)
        else:
            await self.inbox.done(self._message_id(update))
        finally:
            self.handled += 1

    async def _other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await self._counted(update, asyncio.sleep(0))

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        error = context.error
        log.error("telegram error: %s", type(error).__name__ if error else "unknown")

    # -- messages -----------------------------------------------------------------------

    def _message_id(self, update: Update) -> str:
        return message_id_of(self.application.bot.id, update.update_id)

    async def _message(self, update: Update, message: Message) -> None:
        user = message.from_user
        if user is None or user.is_bot:
            return
        lang = language_of(user.language_code)
        if message.chat.type != ChatType.PRIVATE:
            await self._group_message(message, lang)
            return
        chat = str(message.chat_id)
        answer = unsupported_answer(message)
        if answer is not None:
            tr = translator(lang)
            text = tr(answer)
            if answer != texts.WHAT_I_TAKE:
                text += "\n\n" + tr(texts.WHAT_I_TAKE)
            await self.core.notice(self._message_id(update), chat, text)
            return
        text = message.text if message.text is not None else (message.caption or "")
        text = command_for_bot(text, self.application.bot.username)
        incoming = Incoming(
            channel=CHANNEL,
            chat_id=chat,
            user_id=str(user.id),
            text=text,
            display_name=user.full_name or None,
            message_id=self._message_id(update),
        )
        ref = file_of(message)
        if ref is not None:
            with_file = await self._with_file(incoming, ref, lang)
            if with_file is None:
                return
            incoming = with_file
        await self.core.converse(incoming, lang=lang, start=is_start(text))

    async def _with_file(self, incoming: Incoming, ref: FileRef, lang: str) -> Incoming | None:
        """The message with its file downloaded (None: too large, answered already)."""
        if ref.size is not None and ref.size > MAX_ATTACHMENT_BYTES:
            limit = render_size(MAX_ATTACHMENT_BYTES)
            notice = translator(lang)(texts.FILE_TOO_LARGE, name=ref.name, limit=limit)
            await self.core.notice(incoming.message_id or "", incoming.chat_id, notice)
            return None
        try:
            telegram_file = await self.application.bot.get_file(ref.file_id)
            data = bytes(await telegram_file.download_as_bytearray())
        except TelegramError as exc:
            log.warning("a file could not be downloaded: %s", type(exc).__name__)
            return replace(incoming, unreadable=(ref.name,))
        attachment = Attachment(filename=ref.name, data=data, media_type=ref.media_type)
        return replace(incoming, attachments=(attachment,))

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
        memory = await self.core.memory(str(chat_id))
        if not takes_press(memory, message.message_id, choice):
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
            self.core.converse(incoming, lang=lang, memory=memory),
            return_exceptions=True,
        )
        for result in results[:2]:
            if isinstance(result, Exception):
                log.warning("part of a button press failed: %s", type(result).__name__)
        if isinstance(results[2], Exception):
            raise results[2]  # the answer did not go out: it stays in the inbox

    async def _remove_keyboard(self, chat_id: int, message_id: int) -> None:
        # BadRequest: already gone ("message is not modified") or too old to edit.
        with contextlib.suppress(BadRequest):
            await self.application.bot.edit_message_reply_markup(
                chat_id=chat_id, message_id=message_id, reply_markup=None
            )

    # -- the platform calls of the core (bot.core.turns.Platform) -----------------------

    async def send(
        self, chat_id: str, outgoing: Outgoing, *, tries: int = 1, txn_id: str | None = None
    ) -> str | None:
        """Send one outgoing message (in parts if long) and its files (as documents); the
        id of the message with buttons, if any. Each request is tried up to `tries` times
        on a network failure, so a part already sent is not sent again. The Bot API has
        no idempotency id: `txn_id` is not used (README, "Delivery guarantees")."""
        keyboard_message: str | None = None
        bot = self.application.bot
        chat = int(chat_id)
        for part in render(outgoing):
            sent = await _retrying(
                partial(bot.send_message, chat, part.text, reply_markup=part.keyboard), tries
            )
            if part.keyboard is not None:
                keyboard_message = str(sent.message_id)
        for file in outgoing.files:
            document = InputFile(file.data, filename=file.filename)
            await _retrying(
                partial(bot.send_document, chat, document, disable_content_type_detection=True),
                tries,
            )
        return keyboard_message

    async def went_live(self, chat_id: str, memory: ChatMemory) -> None:
        """A keyboard needs nothing more: a press carries its choice."""

    async def chat_for(self, address: str) -> str:
        """An outbox address on Telegram is the chat id."""
        return address

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
