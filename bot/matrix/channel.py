"""The Matrix channel: a matrix-nio client wired to the channel core.

The bot syncs, handles the new events of each sync response (one room's events in order,
different rooms in parallel) and only then stores the sync token: a crash replays at most
the last batch, and each event carries `message_id = <event id>`, so nothing is answered
twice and nothing is missed. The device id is kept too, so a restart is the same device
(and keeps its end-to-end keys in the crypto store). Turns, answers, the live question and
the outbox are the core's (`bot.core.turns`); this module only translates.

Privacy: nothing from a room with more than two members is stored; logs hold no message
content, no user or room ids and no secrets.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, cast

import nio
from nio.crypto import ENCRYPTION_ENABLED

from bot.core import channel_texts as texts
from bot.core.memory import ChatMemory
from bot.core.threads import in_thread
from bot.core.ticker import Ticker
from bot.core.turns import ChannelParts, TurnRunner
from bot.matrix.choices import QuestionMemory, answer_for
from bot.matrix.cross_signing import CrossSigning
from bot.matrix.homeserver import MatrixError, download, room_send, send_file, status
from bot.matrix.translate import (
    CHANNEL,
    MAX_DIRECT_MEMBERS,
    file_info,
    is_user_id,
    mentions,
    new_events,
    numbered,
    reaction_content,
    reaction_keys,
    text_content,
)
from bot.runtime import Runtime
from dialogs.i18n import translator
from dialogs.messages import MAX_ATTACHMENT_BYTES, Attachment, Incoming, Outgoing
from dialogs.render import size as render_size
from storage.files import private_dir

log = logging.getLogger(__name__)

SYNC_TOKEN = "sync_token"  # noqa: S105 (the name of a stored value)
DEVICE_ID = "device_id"
#: Events per room in one sync: well above one turn's (an answer, up to ten offered
#: reactions and the person's own events), so a batch is rarely cut short.
SYNC_FILTER = {"room": {"timeline": {"limit": 200}}}

_TEXT = (nio.RoomMessageText,)
_FILES = (nio.RoomMessageImage, nio.RoomMessageFile, nio.RoomEncryptedImage, nio.RoomEncryptedFile)
_UNSUPPORTED = (
    nio.RoomMessageAudio,
    nio.RoomMessageVideo,
    nio.RoomEncryptedAudio,
    nio.RoomEncryptedVideo,
    nio.RoomMessageUnknown,
    nio.StickerEvent,
)


@dataclass(frozen=True)
class MatrixOptions:
    """How to reach the homeserver and how fast to go (tests lower the intervals)."""

    homeserver: str
    user_id: str
    password: str | None = None
    access_token: str | None = None
    device_name: str = "ZorgVeilig meldbot"
    store_dir: Path = Path("var/matrix")
    lang: str = "nl"
    sync_timeout_ms: int = 30_000
    outbox_interval: float = 2.0
    tick_interval: float = 30.0
    encryption: bool = ENCRYPTION_ENABLED
    cross_signing: bool = True  # with encryption: sign the device (bot.matrix.cross_signing)
    standby_interval: float = 10.0  # a standby tries the sync lock (bot.matrix.leader)


class MatrixChannel:
    """The bot on Matrix: log in, sync, answer, deliver the outbox; `stop()` ends it.

    `ticker`: the periodic work shared with the process's other channels (a channel alone
    runs its own)."""

    def __init__(
        self, runtime: Runtime, options: MatrixOptions, ticker: Ticker | None = None
    ) -> None:
        self.runtime = runtime
        self.options = options
        self.encryption = options.encryption and ENCRYPTION_ENABLED
        private_dir(options.store_dir)
        config = nio.AsyncClientConfig(
            encryption_enabled=self.encryption,
            store_sync_tokens=False,
            # The crypto store's pickles are encrypted with a key derived from the bot's
            # pseudonym secret, which lives outside the database and the store.
            pickle_key=runtime.store.pseudonym(CHANNEL, "crypto-store"),
            request_timeout=options.sync_timeout_ms / 1000 + 30,
            max_timeouts=3,
        )
        self.client = nio.AsyncClient(
            options.homeserver,
            options.user_id,
            store_path=str(options.store_dir),
            config=config,
        )
        self.core = TurnRunner(
            runtime,
            self,
            ChannelParts(CHANNEL, QuestionMemory(), lang=options.lang, idempotent=True),
            outbox_interval=options.outbox_interval,
            ticker=ticker,
            tick_interval=options.tick_interval,
        )
        self.outbox = self.core.outbox
        self.cross_signing = (
            CrossSigning(self.client, runtime.store.vault, options.store_dir, options.password)
            if self.encryption and options.cross_signing
            else None
        )
        self.handled = 0  # message events fully handled (tests wait on it)
        self.synced = asyncio.Event()  # set after the first sync (tests wait on it)
        self._since: str | None = None
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = asyncio.Event()
        self._dm_rooms: dict[str, str] = {}
        self._greet: dict[str, str] = {}  # joined direct chats to greet: room -> inviter

    # -- lifecycle ----------------------------------------------------------------------

    async def start(self) -> None:
        """Log in, catch up with the stored sync token, start syncing and the outbox."""
        if not self.encryption:
            log.warning(
                "Matrix: end-to-end encryption is not available (vodozemac is missing); "
                "encrypted rooms get a notice that the bot cannot read them"
            )
        device_id, self._since = await in_thread(self._load_state)
        await self._login(device_id)
        if self.encryption and self.client.should_upload_keys:
            await self.client.keys_upload()
        if self.cross_signing is not None:
            await self.cross_signing.start()  # after the device keys are on the server
        await self._sync_once(first=True)
        self.synced.set()
        self.core.start()
        self._tasks = [asyncio.create_task(self._sync_loop(), name="zorgveilig-matrix-sync")]

    async def stop(self) -> None:
        """Stop syncing (the batch in hand is finished), stop the outbox, close."""
        self._stopping.set()
        tasks, self._tasks = self._tasks, []
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await self.core.stop()
        await self.client.close()

    async def _login(self, device_id: str | None) -> None:
        options = self.options
        if options.access_token:
            self.client.access_token = options.access_token
            who = await self.client.whoami()
            if not isinstance(who, nio.WhoamiResponse) or not who.device_id:
                raise MatrixError("login with ZV_MATRIX_ACCESS_TOKEN", status(who))
            self.client.restore_login(who.user_id, who.device_id, options.access_token)
            device_id = who.device_id
        else:
            if device_id:
                self.client.device_id = device_id
            response = await self.client.login(options.password, device_name=options.device_name)
            if not isinstance(response, nio.LoginResponse):
                raise MatrixError("login with ZV_MATRIX_PASSWORD", status(response))
            device_id = response.device_id
        await in_thread(self._save_value, DEVICE_ID, device_id)
        log.warning(
            "Matrix: logged in (end-to-end encryption %s)", "on" if self.encryption else "off"
        )

    # -- syncing ------------------------------------------------------------------------

    async def _sync_loop(self) -> None:
        failures = 0
        while not self._stopping.is_set():
            try:
                await self._sync_once(first=False)
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                failures += 1
                log.warning("Matrix sync failed (%s); trying again", type(exc).__name__)
                await asyncio.sleep(min(2.0 * failures, 30.0))

    async def _sync_once(self, *, first: bool) -> None:
        """One sync: handle what is new, then store the token."""
        fresh = first and self._since is None
        response = await self.client.sync(
            timeout=0 if first else self.options.sync_timeout_ms,
            since=self._since,
            sync_filter=SYNC_FILTER,
            # The first sync after a start loads every room's state (members, encryption).
            full_state=True if first else None,
        )
        if not isinstance(response, nio.SyncResponse):
            raise MatrixError("sync", status(response))
        if self.encryption:
            # New members' device keys first, so answers are encrypted for their devices.
            await self._crypto_upkeep(response)
        await self._process(response, old=fresh)
        self._since = response.next_batch
        await in_thread(self._save_value, SYNC_TOKEN, response.next_batch)

    async def _crypto_upkeep(self, response: nio.SyncResponse) -> None:
        client = self.client
        if self.cross_signing is not None:
            await self.cross_signing.upkeep(changed=response.device_list.changed)
        if client.should_upload_keys:
            await client.keys_upload()
        if client.should_query_keys:
            await client.keys_query()
        if client.should_claim_keys:
            await client.keys_claim(client.get_users_for_key_claiming())
        await client.send_to_device_messages()

    async def _process(self, response: nio.SyncResponse, *, old: bool) -> None:
        """Accept invites; handle each joined room's new events (unless `old`)."""
        for room_id, info in response.rooms.invite.items():
            await self._accept(room_id, info, greet=not old)
        if old:
            return  # the first sync ever: what happened before the bot ran is not answered
        work = []
        for room_id, info in response.rooms.join.items():
            if info.timeline.limited:
                log.warning("Matrix: a room's new events did not fit in one sync; older skipped")
            events = new_events(info.timeline.events, self.client.user_id)
            inviter = self._greet.pop(room_id, None)
            if events or inviter:
                work.append(self._room_events(room_id, events, inviter))
        await asyncio.gather(*work)

    async def _room_events(
        self, room_id: str, events: Sequence[Any], greet: str | None = None
    ) -> None:
        if greet is not None:
            await self._greet_in(room_id, greet)
        for event in events:
            try:
                await self._event(room_id, event)
            except Exception as exc:  # one failed event must not stop the room
                log.error("handling a Matrix event failed: %s", type(exc).__name__)

    async def _accept(self, room_id: str, info: Any, *, greet: bool) -> None:
        """Join a room the bot was invited to; greet in a direct chat."""
        inviter: str | None = None
        direct = False
        for event in getattr(info, "invite_state", []):
            if (
                isinstance(event, nio.InviteMemberEvent)
                and event.state_key == self.client.user_id
                and event.membership == "invite"
            ):
                inviter = event.sender
                direct = bool(event.content.get("is_direct"))
        response = await self.client.join(room_id)
        if not isinstance(response, nio.JoinResponse):
            log.warning("Matrix: an invite could not be accepted (%s)", status(response))
            return
        log.info("Matrix: joined a room (direct: %s)", direct)
        if greet and direct and inviter is not None and inviter != self.client.user_id:
            # Greeted once the room is in the client's state (the next sync).
            self._greet[room_id] = inviter

    async def _greet_in(self, room_id: str, inviter: str) -> None:
        """Open a new direct chat: the menu (or the report in progress)."""
        try:
            room = self.client.rooms.get(room_id)
            if room is not None and room.encrypted and not self.encryption:
                notice = translator(self.options.lang)(texts.NO_ENCRYPTION)
                await self.send(room_id, Outgoing(notice))
                return
            await self.core.greet(Incoming(channel=CHANNEL, chat_id=room_id, user_id=inviter))
        except Exception as exc:
            log.error("greeting in a new direct chat failed: %s", type(exc).__name__)
        finally:
            self.handled += 1

    # -- events -------------------------------------------------------------------------

    async def _event(self, room_id: str, event: Any) -> None:
        if isinstance(event, nio.ReactionEvent):
            await self._reaction(room_id, event)
            return
        if not isinstance(event, (*_TEXT, *_FILES, *_UNSUPPORTED, nio.MegolmEvent)):
            return  # state changes, notices, redactions: nothing to answer
        room = self.client.rooms.get(room_id)
        tr = translator(self.options.lang)
        if room is None:
            return
        try:
            if room.member_count > MAX_DIRECT_MEMBERS:
                await self._group_message(room, event)
                return
            if isinstance(event, nio.MegolmEvent) or (room.encrypted and not self.encryption):
                notice = texts.NOT_DECRYPTED if self.encryption else texts.NO_ENCRYPTION
                await self.core.notice(event.event_id, room_id, tr(notice))
                return
            if isinstance(event, _UNSUPPORTED):
                text = tr(texts.NOT_SUPPORTED) + "\n\n" + tr(texts.WHAT_I_TAKE)
                await self.core.notice(event.event_id, room_id, text)
                return
            incoming = Incoming(
                channel=CHANNEL,
                chat_id=room_id,
                user_id=event.sender,
                text=event.body if isinstance(event, _TEXT) else "",
                display_name=room.user_name(event.sender),
                message_id=event.event_id,
            )
            if isinstance(event, _FILES):
                with_file = await self._with_file(room_id, incoming, event)
                if with_file is None:
                    return
                incoming = with_file
            await self.core.converse(incoming)
        finally:
            self.handled += 1

    async def _reaction(self, room_id: str, event: nio.ReactionEvent) -> None:
        """A keycap reaction to the live question answers it like typing the number.

        Other keys, reactions in rooms of three or more, and reactions nobody can match
        change nothing; a keycap on an earlier question gets a short hint (once: the
        reaction's event id is claimed like a message's).
        """
        room = self.client.rooms.get(room_id)
        try:
            if room is None or room.member_count > MAX_DIRECT_MEMBERS:
                return
            memory = await self.core.memory(room_id)
            answer = answer_for(memory, event.reacts_to, event.key)
            if answer.stale:
                hint = translator(self.options.lang)(texts.REACTION_STALE)
                await self.core.notice(event.event_id, room_id, hint)
                return
            if answer.choice is None:
                return
            incoming = Incoming(
                channel=CHANNEL,
                chat_id=room_id,
                user_id=event.sender,
                choice=answer.choice,
                display_name=room.user_name(event.sender),
                message_id=event.event_id,
            )
            await self.core.converse(incoming)
        finally:
            self.handled += 1

    async def _with_file(self, room_id: str, incoming: Incoming, event: Any) -> Incoming | None:
        """The incoming message with the event's file downloaded (None: answered already)."""
        content = event.source.get("content", {})
        media_type, size = file_info(content)
        name = str(event.body or "file")
        if size is not None and size > MAX_ATTACHMENT_BYTES:
            limit = render_size(MAX_ATTACHMENT_BYTES)
            notice = translator(self.options.lang)(texts.FILE_TOO_LARGE, name=name, limit=limit)
            await self.core.notice(event.event_id, room_id, notice)
            return None
        try:
            data = await download(self.client, event, MAX_ATTACHMENT_BYTES)
        except Exception as exc:
            log.warning("a file could not be downloaded: %s", type(exc).__name__)
            return replace(incoming, unreadable=(name,))
        return replace(
            incoming, attachments=(Attachment(filename=name, data=data, media_type=media_type),)
        )

    async def went_live(self, room_id: str, memory: ChatMemory) -> None:
        """The room's live question is remembered: offer its keycaps as reactions."""
        room = self.client.rooms.get(room_id)
        if memory.live is None or (room is not None and room.member_count > MAX_DIRECT_MEMBERS):
            return  # in a shared room reactions answer nothing, so none are offered
        for key in reaction_keys(len(memory.choices)):
            try:
                await room_send(
                    self.client,
                    room_id,
                    reaction_content(memory.live, key),
                    tries=1,
                    kind="m.reaction",
                )
            except (MatrixError, nio.LocalProtocolError, nio.SendRetryError, OSError) as exc:
                # A convenience only: the numbered list in the message still works.
                log.warning("offering reactions failed (%s)", type(exc).__name__)
                return

    async def _group_message(self, room: Any, event: Any) -> None:
        """No reports in rooms of three or more: point to a direct chat, store nothing.

        In a room configured for a contact (a shared inbox) the bot only answers when
        addressed; elsewhere it answers every message.
        """
        contact_room = (
            self.runtime.organisation.contact_for_address(CHANNEL, room.room_id) is not None
        )
        body = getattr(event, "body", "") or ""
        name = room.user_name(self.client.user_id)
        if contact_room and not mentions(str(body), self.client.user_id, name):
            return
        notice = translator(self.options.lang)(texts.ROOM_NOT_HERE)
        await self.core.notice(event.event_id, room.room_id, notice)

    # -- sending ------------------------------------------------------------------------

    async def send(
        self, room_id: str, outgoing: Outgoing, *, tries: int = 1, txn_id: str | None = None
    ) -> str | None:
        """Send one message (choices as a numbered list) and its files as m.file; the
        event id of the text message when it asks a question with choices. `txn_id`: the
        transaction id, so the homeserver keeps one event however often it is sent."""
        content = text_content(numbered(outgoing))
        room = self.client.rooms.get(room_id)
        event_id = await room_send(self.client, room_id, content, tries=tries, txn_id=txn_id)
        for file in outgoing.files:
            encrypt = bool(self.encryption and room is not None and room.encrypted)
            await send_file(self.client, room_id, file, encrypt=encrypt, tries=tries)
        return event_id if outgoing.choices else None

    async def chat_for(self, address: str) -> str:
        """The room of an outbox address: a room id, or a user's direct chat with the bot."""
        if is_user_id(address):
            return await self._room_for(address)
        if address not in self.client.rooms:
            await self._join(address)
        return address

    async def _join(self, room_id: str) -> None:
        """Join a configured room the bot is not in yet (invited, or open to join): an
        invite whose acceptance failed is not offered again by the server."""
        response = await self.client.join(room_id)
        if not isinstance(response, nio.JoinResponse):
            raise MatrixError("joining a configured room", status(response))
        log.info("Matrix: joined a configured room for delivery")
        await self._room_ready(room_id)

    async def _room_ready(self, room_id: str, timeout: float = 10.0) -> None:
        """Wait (briefly) until the sync loop brought a room just joined or created: its
        members and encryption are needed to send into it. Late: the send fails and the
        outbox tries again."""
        deadline = asyncio.get_running_loop().time() + timeout
        while room_id not in self.client.rooms and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.1)

    async def _room_for(self, user_id: str) -> str:
        """The direct chat with a contact: remembered, else created (with an invite)."""
        name = "dm:" + self.runtime.store.pseudonym(CHANNEL, user_id)
        room_id = self._dm_rooms.get(user_id) or await in_thread(self._value, name)
        if room_id and room_id in self.client.rooms:
            self._dm_rooms[user_id] = room_id
            return room_id
        response = await self.client.room_create(
            is_direct=True,
            invite=[user_id],
            preset=nio.RoomPreset.trusted_private_chat,
            federate=False,
        )
        if not isinstance(response, nio.RoomCreateResponse):
            raise MatrixError("creating a direct chat", status(response))
        await in_thread(self._save_value, name, response.room_id)
        self._dm_rooms[user_id] = response.room_id
        await self._room_ready(response.room_id)
        return cast(str, response.room_id)

    # -- durable state ------------------------------------------------------------------

    def _load_state(self) -> tuple[str | None, str | None]:
        with self.runtime.store.unit() as unit:
            return unit.channel_value(CHANNEL, DEVICE_ID), unit.channel_value(CHANNEL, SYNC_TOKEN)

    def _value(self, name: str) -> str | None:
        with self.runtime.store.unit() as unit:
            return unit.channel_value(CHANNEL, name)

    def _save_value(self, name: str, value: str) -> None:
        with self.runtime.store.unit() as unit:
            unit.set_channel_value(CHANNEL, name, value)
