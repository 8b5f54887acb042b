"""A fake Telegram Bot API server on 127.0.0.1 for the channel tests.

It speaks enough of the Bot API for python-telegram-bot's `Application`: getMe,
deleteWebhook, getUpdates (long polling with Telegram's offset semantics), setWebhook
(then it POSTs the updates to the webhook like Telegram: one chat's in order, chats in
parallel, each sent again until it is answered with 200), sendMessage,
answerCallbackQuery, editMessageReplyMarkup, getFile and file download, setMyCommands.
Every call is recorded, so tests can assert what a user saw. Tests inject updates with
`message`, `callback`, or `push` (a raw update, for redelivery).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import httpx
from aiohttp import web

BOT_ID = 7000001
BOT_USERNAME = "zorgveilig_test_bot"
TOKEN = f"{BOT_ID}:TEST-token-not-secret"


@dataclass
class Call:
    """One Bot API request the bot made."""

    method: str
    params: dict[str, Any]
    status: int = 200

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    @property
    def buttons(self) -> list[dict[str, Any]]:
        markup = self.params.get("reply_markup") or {}
        return [b for row in markup.get("inline_keyboard", []) for b in row]

    @property
    def choice_ids(self) -> list[str]:
        return [b["callback_data"] for b in self.buttons if "callback_data" in b]


@dataclass
class FakeTelegram:
    """The server's state: pending updates, sent messages, files, and injected failures."""

    calls: list[Call] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)
    delivered: set[int] = field(default_factory=set)
    files: dict[str, bytes] = field(default_factory=dict)
    #: chat id -> list of (status, description, retry_after) answers for the next sends
    #: (status 200: that send goes through)
    failures: dict[int, list[tuple[int, str, int | None]]] = field(default_factory=dict)
    blocked: set[int] = field(default_factory=set)
    #: Bot API methods that fail (HTTP 500) until removed from the set.
    failing: set[str] = field(default_factory=set)
    history: list[dict[str, Any]] = field(default_factory=list)
    confirmed: int = 0
    port: int = 0
    _generation: int = 0
    _update_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(500))
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _new_updates: asyncio.Event = field(default_factory=asyncio.Event)
    _runner: web.AppRunner | None = None
    #: Called with every successful sendMessage (the benchmark waits on replies this way).
    on_send: Callable[[Call], None] | None = None
    #: The webhook set with setWebhook (None: updates wait for getUpdates).
    webhook: str | None = None
    webhook_secret: str | None = None
    #: Webhook requests that were not answered with 200 (sent again after a pause).
    webhook_failures: int = 0
    _webhook_task: asyncio.Task[None] | None = None

    @property
    def polls(self) -> int:
        """How many getUpdates requests the bot made (the first one means it is ready)."""
        return self._generation

    # -- server -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._file)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        task, self._webhook_task = self._webhook_task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if self._runner is not None:
            await self._runner.cleanup()

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            data = await request.json()
            return dict(data)
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            if isinstance(value, web.FileField):
                params[key] = {"filename": value.filename, "data": value.file.read()}
                continue
            text = str(value)
            try:
                params[key] = json.loads(text)
            except ValueError:
                params[key] = text
        return params

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await self._params(request)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            self.calls.append(Call(method, params))
            return _error(400, f"Bad Request: {method} is not in the fake")
        if method != "getUpdates":
            self.calls.append(Call(method, params))
        if method in self.failing:
            self.calls[-1].status = 500
            return _error(500, "Internal Server Error")
        result = handler(params)
        if asyncio.iscoroutine(result):
            result = await result
        if isinstance(result, web.Response):
            if method != "getUpdates":
                self.calls[-1].status = result.status
            return result
        if method == "sendMessage" and self.on_send is not None:
            self.on_send(self.calls[-1])
        return web.json_response({"ok": True, "result": result})

    async def _file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != TOKEN:
            return web.Response(status=401)
        data = self.files.get(request.match_info["path"])
        if data is None:
            return web.Response(status=404)
        return web.Response(body=data)

    # -- Bot API methods ----------------------------------------------------------------

    def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return _bot_user()

    def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = None
        return True

    def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = str(params["url"])
        self.webhook_secret = params.get("secret_token")
        if self._webhook_task is None:
            self._webhook_task = asyncio.create_task(self._deliver_to_webhook())
        self._new_updates.set()
        return True

    async def _deliver_to_webhook(self) -> None:
        """POST pending updates to the webhook until stopped: a chat's next update only
        after its previous one was answered with 200, the chats in parallel."""
        in_flight: dict[int, asyncio.Task[None]] = {}
        async with httpx.AsyncClient(timeout=30.0) as http:
            while True:
                if self.webhook is not None:
                    for update in list(self.pending):
                        chat = _chat_of(update)
                        if chat not in in_flight:
                            task = asyncio.create_task(self._post_update(http, update))
                            in_flight[chat] = task
                            task.add_done_callback(partial(self._posted, in_flight, chat))
                self._new_updates.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._new_updates.wait(), 0.5)

    def _posted(self, in_flight: dict[int, asyncio.Task[None]], chat: int, _: object) -> None:
        in_flight.pop(chat, None)
        self._new_updates.set()

    async def _post_update(self, http: httpx.AsyncClient, update: dict[str, Any]) -> None:
        assert self.webhook is not None
        headers = {"X-Telegram-Bot-Api-Secret-Token": self.webhook_secret or ""}
        try:
            response = await http.post(self.webhook, json=update, headers=headers)
            answered = response.status_code == 200
        except httpx.HTTPError:
            answered = False
        if answered:
            self.delivered.add(update["update_id"])
            self.pending = [u for u in self.pending if u is not update]
            return
        self.webhook_failures += 1
        await asyncio.sleep(0.5)  # Telegram waits before it tries again

    def _m_setMyCommands(self, params: dict[str, Any]) -> bool:
        return True

    def _m_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        return True

    def _m_editMessageReplyMarkup(self, params: dict[str, Any]) -> bool:
        return True

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        limit = int(params.get("limit") or 100)
        timeout = min(float(params.get("timeout") or 0), 2.0)
        deadline = time.monotonic() + timeout
        # Like Telegram: a newer getUpdates ends an older one still waiting, and every
        # update below the offset is confirmed and forgotten.
        self._generation += 1
        generation = self._generation
        self.confirmed = max(self.confirmed, offset)
        while True:
            self.pending = [u for u in self.pending if u["update_id"] >= self.confirmed]
            if self.pending or time.monotonic() >= deadline:
                break
            self._new_updates.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_updates.wait(), deadline - time.monotonic())
            if generation != self._generation:
                return []
        batch = self.pending[:limit]
        self.delivered.update(u["update_id"] for u in batch)
        return batch

    def crash_before_confirming(self, since: int) -> None:
        """Forget the confirmation of the updates from `since` on, as if the bot died
        after handling them but before its next getUpdates: Telegram sends them again."""
        self.confirmed = since
        again = [u for u in self.history if u["update_id"] >= since]
        known = {u["update_id"] for u in self.pending}
        self.pending.extend(u for u in again if u["update_id"] not in known)
        self.pending.sort(key=lambda u: u["update_id"])
        self._new_updates.set()

    def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any] | web.Response:
        chat_id = int(params["chat_id"])
        if chat_id in self.blocked:
            return _error(403, "Forbidden: bot was blocked by the user")
        failures = self.failures.get(chat_id)
        if failures:
            status, description, retry = failures.pop(0)
            if status != 200:  # 200 in the list: this send goes through
                return _error(status, description, retry)
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group", "title": "g"},
            "from": _bot_user(),
            "text": params.get("text", ""),
        }
        if params.get("reply_markup"):
            message["reply_markup"] = params["reply_markup"]
        self.calls[-1].params["message_id"] = message["message_id"]
        return message

    def _m_sendDocument(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        document = params["document"]
        if isinstance(document, str) and document.startswith("attach://"):
            document = params[document.removeprefix("attach://")]
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "M"},
            "from": _bot_user(),
            "document": {
                "file_id": f"sent-{len(self.calls)}",
                "file_unique_id": f"us-{len(self.calls)}",
                "file_name": document["filename"],
                "file_size": len(document["data"]),
            },
        }

    def _m_getFile(self, params: dict[str, Any]) -> dict[str, Any] | web.Response:
        file_id = str(params["file_id"])
        if file_id not in self.files:
            return _error(400, "Bad Request: invalid file_id")
        return {
            "file_id": file_id,
            "file_unique_id": "u" + file_id,
            "file_size": len(self.files[file_id]),
            "file_path": file_id,
        }

    # -- injecting updates --------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> int:
        """Queue a raw update."""
        self.history.append(update)
        self.pending.append(update)
        self.pending.sort(key=lambda u: u["update_id"])
        self._new_updates.set()
        return int(update["update_id"])

    def message(
        self,
        user: int,
        text: str | None = None,
        *,
        chat: int | None = None,
        chat_type: str = "private",
        lang: str = "nl",
        **content: Any,
    ) -> dict[str, Any]:
        """Queue a message update from `user` (in their private chat unless `chat`)."""
        chat_id = user if chat is None else chat
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": chat_type}
            | ({"title": "Team"} if chat_type != "private" else {"first_name": "M"}),
            "from": _user(user, lang),
        }
        if text is not None:
            message["text"] = text
            if text.startswith("/"):
                command = text.split()[0]
                message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        message.update(content)
        update = {"update_id": next(self._update_ids), "message": message}
        self.push(update)
        return update

    def photo(self, user: int, data: bytes, *, caption: str | None = None) -> dict[str, Any]:
        """Queue a photo message; the file is served by getFile and download."""
        file_id = f"photo-{len(self.files) + 1}"
        self.files[file_id] = data
        sizes = [
            {"file_id": "thumb-" + file_id, "file_unique_id": "t", "width": 90, "height": 90},
            {
                "file_id": file_id,
                "file_unique_id": "p" + file_id,
                "width": 1280,
                "height": 960,
                "file_size": len(data),
            },
        ]
        extra: dict[str, Any] = {"photo": sizes}
        if caption:
            extra["caption"] = caption
        return self.message(user, **extra)

    def callback(
        self, user: int, data: str, *, message_id: int, lang: str = "nl"
    ) -> dict[str, Any]:
        """Queue a button press on a message the bot sent to `user`."""
        update = {
            "update_id": next(self._update_ids),
            "callback_query": {
                "id": f"cq-{message_id}-{time.monotonic_ns()}",
                "from": _user(user, lang),
                "chat_instance": "ci",
                "data": data,
                "message": {
                    "message_id": message_id,
                    "date": int(time.time()),
                    "chat": {"id": user, "type": "private", "first_name": "M"},
                    "from": _bot_user(),
                    "text": "…",
                },
            },
        }
        self.push(update)
        return update

    # -- reading what happened ----------------------------------------------------------

    def sent(self, chat: int) -> list[Call]:
        """Messages the bot sent to a chat, in order."""
        return [
            c
            for c in self.calls
            if c.method == "sendMessage" and c.chat_id == chat and c.status == 200
        ]

    def called(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    def last_keyboard(self, chat: int) -> Call:
        """The newest message to `chat` with buttons."""
        return next(c for c in reversed(self.sent(chat)) if c.buttons)


def _chat_of(update: dict[str, Any]) -> int:
    """The chat an update belongs to (0: none)."""
    if "message" in update:
        return int(update["message"]["chat"]["id"])
    if "callback_query" in update:
        return int(update["callback_query"]["from"]["id"])
    return 0


def _user(user: int, lang: str) -> dict[str, Any]:
    return {
        "id": user,
        "is_bot": False,
        "first_name": "Melder",
        "last_name": str(user),
        "language_code": lang,
    }


def _bot_user() -> dict[str, Any]:
    return {
        "id": BOT_ID,
        "is_bot": True,
        "first_name": "ZorgVeilig",
        "username": BOT_USERNAME,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
    }


def _error(status: int, description: str, retry_after: int | None = None) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if retry_after is not None:
        body["parameters"] = {"retry_after": retry_after}
    return web.json_response(body, status=status)


async def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait (bounded) until `condition()` holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
        await asyncio.sleep(0.01)
