"""Taking updates from Telegram at least once: each is in the inbox before Telegram
hears it was received.

python-telegram-bot's `Updater` acknowledges a batch with its next getUpdates, right
after queueing it and before anything handled it, so a crash loses the batch. Here the
bot long-polls itself: a batch is stored (`bot.core.inbox`) before the next getUpdates
carries its offset, and the webhook answers 200 only after the update is stored.

Each update is read on its own: one the library cannot parse (a field missing that it
requires, from an older or self-hosted Bot API server) is skipped, acknowledged, counted
and logged with its id and the error's class only, and everyone else is answered.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import tornado.httpserver
import tornado.web
from telegram import Bot, Update

from bot.core.inbox import Inbox
from storage.inbox import InboxItem

log = logging.getLogger(__name__)

#: Hands a stored update to the application (its update queue).
Dispatch = Callable[[Update], Awaitable[None]]

#: Waits after a failed getUpdates: 1, 2, 4 ... at most 30 seconds.
MAX_BACKOFF = 30.0


def message_id_of(bot_id: int, update_id: int) -> str:
    """The platform message id of an update, as the turns and the inbox know it."""
    return f"{bot_id}:{update_id}"


@dataclass(frozen=True)
class Batch:
    """What one batch of raw updates holds: the readable updates, how many could not be
    read, and the offset that acknowledges them all (None: nothing to acknowledge)."""

    updates: list[tuple[InboxItem, Update]]
    skipped: int
    offset: int | None


def read_batch(raw: Sequence[object], bot: Bot) -> Batch:
    """Read each update on its own; log an unreadable one by id and error class only."""
    updates: list[tuple[InboxItem, Update]] = []
    skipped = 0
    offset: int | None = None
    for data in raw:
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if not isinstance(update_id, int):
            skipped += 1
            log.warning("skipped an update without an id")
            continue
        offset = max(offset or 0, update_id + 1)
        assert isinstance(data, dict)
        try:
            update = Update.de_json(data, bot)
        except Exception as exc:
            skipped += 1
            log.warning(
                "skipped update %d that could not be read: %s", update_id, type(exc).__name__
            )
            continue
        chat = update.effective_chat
        item = InboxItem(
            message_id=message_id_of(bot.id, update_id),
            seq=update_id,
            update=data,
            chat=str(chat.id) if chat is not None else None,
        )
        updates.append((item, update))
    return Batch(updates, skipped, offset)


class Intake:
    """Stores Telegram's updates in the inbox, then dispatches the new ones; by long
    polling (`poll`) or as the webhook's handler (`take`)."""

    def __init__(self, bot: Bot, inbox: Inbox, dispatch: Dispatch) -> None:
        self.bot = bot
        self.inbox = inbox
        self.dispatch = dispatch
        self.skipped = 0  # updates that could not be read (tests, logs)

    async def take(self, raw: Sequence[object]) -> int | None:
        """Store a batch, then dispatch what was new; the offset acknowledging it. Raises
        when the inbox could not store it (nothing may be acknowledged then)."""
        batch = read_batch(raw, self.bot)
        self.skipped += batch.skipped
        new = await self.inbox.keep([item for item, _ in batch.updates])
        for item, update in batch.updates:
            if item.message_id in new:
                await self.dispatch(update)
        return batch.offset

    async def poll(
        self,
        *,
        timeout: int,
        allowed_updates: Sequence[str],
        stored: Callable[[], Awaitable[object]] | None = None,
    ) -> None:
        """Long-poll until cancelled; an offset goes out only after its batch is stored.
        `stored` runs once, after what Telegram held at the start is stored (the first
        request does not wait for new updates)."""
        offset: int | None = None
        failures = 0
        first = True
        url = f"{self.bot.base_url}/getUpdates"
        async with httpx.AsyncClient(timeout=timeout + 10.0) as http:
            while True:
                params: dict[str, Any] = {
                    "timeout": 0 if first else timeout,
                    "allowed_updates": list(allowed_updates),
                }
                if offset is not None:
                    params["offset"] = offset
                try:
                    raw = await _get_updates(http, url, params)
                    offset = await self.take(raw) or offset
                    failures = 0
                    if first and stored is not None:
                        await stored()
                    first = False
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # Telegram, the network or the database is away
                    failures += 1
                    wait = min(2.0 ** (failures - 1), MAX_BACKOFF)
                    log.warning(
                        "taking updates failed (%s); again in %.0f s", type(exc).__name__, wait
                    )
                    await asyncio.sleep(wait)


class BotApiError(Exception):
    """The Bot API refused a getUpdates (its status only: the text may quote the request)."""


async def _get_updates(http: httpx.AsyncClient, url: str, params: dict[str, Any]) -> list[object]:
    response = await http.post(url, json=params)
    try:
        body = response.json()
    except ValueError:
        body = None
    if response.status_code != 200 or not isinstance(body, dict) or not body.get("ok"):
        raise BotApiError(f"getUpdates answered {response.status_code}")
    result = body.get("result")
    return list(result) if isinstance(result, list) else []


class WebhookHandler(tornado.web.RequestHandler):
    """Telegram's webhook: 200 only once the update is stored; 403 without the secret."""

    def initialize(self, secret: str, intake: Intake) -> None:
        self.secret = secret
        self.intake = intake

    async def post(self) -> None:
        token = self.request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
        if not hmac.compare_digest(token.encode(), self.secret.encode()):
            self.set_status(403)
            return
        if self.request.headers.get("Content-Type", "").split(";")[0] != "application/json":
            self.set_status(403)
            return
        try:
            data = json.loads(self.request.body)
        except ValueError:
            self.set_status(400)
            return
        try:
            await self.intake.take([data])
        except Exception as exc:  # not stored: Telegram sends it again later
            log.error("a webhook update could not be stored: %s", type(exc).__name__)
            self.set_status(500)
            return
        self.set_status(200)


def webhook_server(path: str, secret: str, intake: Intake) -> tornado.httpserver.HTTPServer:
    """The webhook's HTTP server (request logs off: a URL or body may identify someone)."""
    app = tornado.web.Application(
        [(rf"/{path.strip('/')}/?", WebhookHandler, {"secret": secret, "intake": intake})],
        log_function=lambda handler: None,
    )
    return tornado.httpserver.HTTPServer(app)


async def stop_webhook(server: tornado.httpserver.HTTPServer) -> None:
    """Stop taking requests and close the connections."""
    server.stop()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(server.close_all_connections(), 5)
