"""The turn runner every channel shares: one platform message, one engine turn, one answer.

A channel adapter translates a platform message into an `Incoming` and calls `converse`;
the runner hands it to the engine, answers a message delivered again once (the stored
answer is sent when it never went out, see `Engine.replay`), sends the answer through the
adapter, remembers which message carries the live choices, and says sorry kindly when the
turn fails. The console, which sends nothing over a network, uses `EngineTurns` alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from bot.core import channel_texts as texts
from bot.core.memory import ChatMemories, ChatMemory, MemoryFormat
from bot.core.outbox import Classify, OutboxLoop, retry_with_backoff
from bot.core.records import record
from bot.core.threads import in_thread
from bot.core.ticker import Ticker
from bot.runtime import Runtime
from dialogs.engine import Engine, WithTurn
from dialogs.i18n import translator
from dialogs.messages import Incoming, Outgoing, Reply
from storage.repository import Store, Unit

log = logging.getLogger(__name__)

#: The turn is stored before its answer is sent: a lost answer would leave the person
#: without the next question, so a failed send of an answer is tried again.
REPLY_TRIES = 3


class EngineTurns:
    """The engine's side of a turn: claim, handle or resume, replay a lost answer."""

    def __init__(
        self,
        channel: str,
        engine: Engine,
        store: Store,
        *,
        on_start: Callable[[Incoming], None] | None = None,
    ) -> None:
        self.channel = channel
        self.engine = engine
        self.store = store
        self.on_start = on_start

    def claim(self, message_id: str) -> bool:
        """Record a platform message answered outside the engine; False: done before."""
        with self.store.unit() as unit:
            return unit.claim_message(self.channel, message_id)

    def take(
        self,
        incoming: Incoming,
        *,
        start: bool = False,
        answered: str | None = None,
        newest: str | None = None,
        with_turn: WithTurn | None = None,
    ) -> Reply:
        """One turn (`start`: someone opens the chat). A message handled before is answered
        again only when `answered`, the message whose answer went out last, is another,
        and `newest`, the message whose turn was committed last, is this one (or not
        known). `with_turn`: what the channel keeps in the turn's transaction."""
        if start and self.on_start is not None:
            self.on_start(incoming)  # idempotent: also on a repeated start
        if start:
            reply = self.engine.resume(incoming, with_turn=with_turn)
        else:
            reply = self.engine.handle(incoming, with_turn=with_turn)
        went_on = newest not in (None, incoming.message_id)
        if reply.duplicate and answered != incoming.message_id and not went_on:
            # Handled before, but its answer never went out (the process died in
            # between): send it now. Answered already, or the person went on (a newer
            # message's turn was committed since): stay quiet.
            return self.engine.replay(incoming)
        return reply


class Platform(Protocol):
    """What the runner needs of a channel adapter: the platform's calls, translated."""

    async def send(
        self, chat_id: str, outgoing: Outgoing, *, tries: int, txn_id: str | None = None
    ) -> str | None:
        """Send one message (tried up to `tries` times on a network failure); the id of
        the sent message whose choices are live now (a keyboard, a question), if any.
        `txn_id`: an outbox message's idempotency id, for a platform that has them."""
        ...

    async def went_live(self, chat_id: str, memory: ChatMemory) -> None:
        """After a new live message was remembered (Matrix offers its reactions)."""
        ...

    async def chat_for(self, address: str) -> str:
        """The chat an outbox address (a chat, room or user) is delivered to."""
        ...


@dataclass(frozen=True)
class ChannelParts:
    """What tells one channel apart in the core: its name, how it stores a chat's memory,
    its default language, what a failed outbox send means, which send errors mean the
    person blocked the bot (the rest of an answer is dropped; the outbox records them),
    what to do when someone (re)starts the chat, and whether the platform drops a send
    whose idempotency id it saw before (`bot.core.outbox`)."""

    channel: str
    stored: MemoryFormat
    lang: str = "nl"
    classify: Classify = retry_with_backoff
    refused: tuple[type[Exception], ...] = ()
    on_start: Callable[[Incoming], None] | None = None
    idempotent: bool = False


class TurnRunner:
    """One channel's turns, outbox and share of the ticker, against its chats' memory."""

    def __init__(
        self,
        runtime: Runtime,
        platform: Platform,
        parts: ChannelParts,
        *,
        outbox_interval: float = 2.0,
        ticker: Ticker | None = None,
        tick_interval: float = 30.0,
    ) -> None:
        self.platform = platform
        self.parts = parts
        self.lang = parts.lang
        store = runtime.store
        self.turns = EngineTurns(parts.channel, runtime.engine, store, on_start=parts.on_start)
        self.memories = ChatMemories(parts.channel, store, parts.stored)
        self.outbox = OutboxLoop(
            parts.channel,
            store,
            self._outbox_send,
            holder=runtime.presence.key,
            classify=parts.classify,
            interval=outbox_interval,
            idempotent=parts.idempotent,
        )
        #: Shared with the other channels of the process; a channel alone has its own.
        self.ticker = ticker or Ticker(runtime.tick, interval=tick_interval)

    def start(self) -> None:
        """Start delivering the outbox and take part in the periodic work."""
        self.outbox.start()
        self.ticker.attach(self.outbox.wake)

    async def stop(self) -> None:
        """Leave the periodic work, stop the outbox (the message in hand is finished)."""
        await self.ticker.detach(self.outbox.wake)
        await self.outbox.stop()

    async def _outbox_send(self, address: str, outgoing: Outgoing, txn_id: str) -> None:
        await self.deliver(await self.platform.chat_for(address), outgoing, txn_id)

    async def converse(
        self,
        incoming: Incoming,
        *,
        lang: str | None = None,
        start: bool = False,
        memory: ChatMemory | None = None,
    ) -> None:
        """Run one turn and send its answer. `lang`: the language the platform says the
        person uses, if it does; `memory`: the chat's, if the adapter read it already."""
        try:
            reply, known = await in_thread(self._take, incoming, lang, start, memory)
        except Exception as exc:
            log.error("a turn failed: %s", type(exc).__name__)
            sorry = translator(lang or self.lang)(texts.SOMETHING_WRONG)
            with contextlib.suppress(Exception):
                await self.platform.send(incoming.chat_id, Outgoing(sorry), tries=1)
            return
        await self.answer(incoming.chat_id, reply, known, answers=incoming.message_id)
        self.outbox.wake()

    async def greet(self, incoming: Incoming) -> None:
        """Open a chat the person just started (no platform message): menu or report."""
        reply, known = await in_thread(self._take, incoming, None, True, None)
        await self.answer(incoming.chat_id, reply, known, answers=None)

    def _take(
        self, incoming: Incoming, lang: str | None, start: bool, memory: ChatMemory | None
    ) -> tuple[Reply, ChatMemory]:
        known = self.memories.get(incoming.chat_id) if memory is None else memory
        if lang is not None and known.language != lang:
            # First contact, or the person's app changed language: the engine follows.
            incoming = replace(incoming, lang=lang)
            known = replace(known, language=lang)

        def remember(unit: Unit, messages: Sequence[Outgoing]) -> None:
            # The answer's choices are live from its commit on: a crash before its message
            # is known must not make the melder's press on it stale. Read again here: an
            # answer sent since `known` was read may have changed the memory.
            if messages:
                current = self.memories.read(unit, incoming.chat_id, lock=True)
                current = replace(current, language=known.language)
                self.memories.write(
                    unit, incoming.chat_id, current.pending(messages, incoming.message_id)
                )

        reply = self.turns.take(
            incoming,
            start=start,
            answered=known.answered,
            newest=known.turn,
            with_turn=remember,
        )
        return reply, known

    async def replay(self, chat_id: str, message_id: str) -> None:
        """Send the answer to a message handled before a crash if it never went out (an
        inbox drained on start); nothing when it did."""
        channel = self.parts.channel
        await self.converse(Incoming(channel, chat_id, user_id="", message_id=message_id))

    async def answer(
        self, chat_id: str, reply: Reply, memory: ChatMemory, *, answers: str | None
    ) -> None:
        """Send the engine's answer to message `answers`; its last message with choices
        becomes the live one. Of an answer in several messages, what went out is
        remembered after each, so an answer sent again after a crash (`replay`) goes on
        where it was cut off instead of repeating its first messages."""
        if not reply.messages:
            # A message handled before: the live choices stay.
            language = memory.language
            if replace(memory, answered=answers, partly=None) != memory:
                await record(
                    self.memories.update,
                    chat_id,
                    lambda now: replace(now, answered=answers, partly=None, language=language),
                )
            return
        done = memory.partly[1] if memory.partly and memory.partly[0] == answers else 0
        live, choices = (memory.live, memory.choices) if done else (None, ())
        for index, outgoing in enumerate(reply.messages):
            if index < done:
                continue
            # The same id when the answer is sent again after a crash: a platform that keeps
            # one event per id (Matrix) shows it once.
            txn = _answer_txn(chat_id, answers, index) if answers is not None else None
            try:
                sent = await self.platform.send(chat_id, outgoing, tries=REPLY_TRIES, txn_id=txn)
            except self.parts.refused:
                log.info("a chat blocked the bot; the answer is dropped")
                break
            if sent is not None:
                live, choices = sent, tuple(c.id for c in outgoing.choices)
            if answers is not None and index + 1 < len(reply.messages):
                progress = _sent_so_far(answers, index + 1, live, choices)
                await record(self.memories.update, chat_id, progress)
        settled = await record(self.memories.update, chat_id, _answered(answers, live, choices))
        if settled is not None:
            await self.platform.went_live(chat_id, settled)

    async def deliver(self, chat_id: str, outgoing: Outgoing, txn_id: str | None = None) -> None:
        """Outbox delivery to a chat: send once; a question in it becomes the live one."""
        sent = await self.platform.send(chat_id, outgoing, tries=1, txn_id=txn_id)
        if sent is None:
            return
        choices = tuple(c.id for c in outgoing.choices)
        live = await record(
            self.memories.update, chat_id, lambda current: current.went_live(sent, choices)
        )
        if live is not None:
            await self.platform.went_live(chat_id, live)

    async def notice(self, message_id: str, chat_id: str, text: str) -> None:
        """Answer a message the engine does not see (a sticker, a file too large) once."""
        if await in_thread(self.turns.claim, message_id):
            await self.platform.send(chat_id, Outgoing(text), tries=1)

    async def memory(self, chat_id: str) -> ChatMemory:
        """The chat's memory (an adapter checking a press against the live keyboard)."""
        return await in_thread(self.memories.get, chat_id)


def _answer_txn(chat_id: str, answers: str, index: int) -> str:
    """The idempotency id of message `index` of the answer to platform message `answers`."""
    digest = hashlib.sha256(f"{chat_id}\n{answers}\n{index}".encode()).hexdigest()
    return f"answer-{digest[:32]}"


def _sent_so_far(
    answers: str, count: int, live: str | None, choices: tuple[str, ...]
) -> Callable[[ChatMemory], ChatMemory | None]:
    """The first `count` messages of the answer to `answers` went out (`live`: the last
    of them with choices): a replay goes on from there. Nothing when a newer turn's
    answer owns the chat."""

    def change(current: ChatMemory) -> ChatMemory | None:
        if current.turn != answers:
            return None
        progress = current.went_live(live, choices) if live is not None else current
        return replace(progress, partly=(answers, count))

    return change


def _answered(
    answers: str | None, live: str | None, choices: tuple[str, ...]
) -> Callable[[ChatMemory], ChatMemory | None]:
    """The whole answer to `answers` went out; `live`: its message with choices. Nothing
    when a newer turn's answer was committed meanwhile (an older answer sent again must
    not take that question's choices away)."""

    def change(current: ChatMemory) -> ChatMemory | None:
        if current.turn != answers:
            return None
        return replace(current, answered=answers, partly=None).went_live(live, choices)

    return change
