"""Test chats that answer by step name: they read where the conversation is, and give the
answer meant for that question; what the bot said is read back by the step it answered
(never by position in the output).

`StepChat` talks to an engine directly; `Driver` runs the real console channel in JSONL
mode, one session per call, and returns a `Talk`: every message sent, labelled with the
step the conversation waited at, and what the bot answered to it.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.console import ConsoleChat
from bot.runtime import Runtime
from dialogs.engine import Engine
from dialogs.messages import Incoming, Outgoing
from storage.repository import Store

#: Where a conversation waits: (flow, step), or (None, None) before it started.
Position = tuple[str | None, str | None]


#: What a melder answers, unless a test says otherwise, when the bot confirms what it
#: understood from the story: yes, that is right.
CONFIRMED: Mapping[str, str] = {"understood": "yes"}


@dataclass(frozen=True)
class Answer:
    """Answer the questions of `flow` by step name until the conversation leaves the flow,
    or waits at `until`.

    `answers[step]` is a button's id or typed text. A list answers the step each time it is
    asked, in turn; when it is used up and the step is asked again, the answering ends
    there (the conversation waits at that step). A step the test did not expect fails,
    except the confirmation of what the bot understood from the story ("Ik heb begrepen:
    ... Klopt dat?"), which the melder confirms unless the test answers it (`UNDERSTOOD`).
    """

    flow: str
    answers: Mapping[str, str | Sequence[str]]
    until: str | None = None
    limit: int = 40

    def lines(self, position: Callable[[], Position]) -> Iterator[tuple[str, str]]:
        """(step, answer) for each question asked, reading `position` before each one."""
        used: dict[str, int] = {}
        for _ in range(self.limit):
            flow, step = position()
            if flow != self.flow or step is None or step == self.until:
                return
            answers = {**CONFIRMED, **self.answers}
            assert step in answers, f"the bot asks {step!r}, which the test did not expect"
            given = answers[step]
            if isinstance(given, str):
                yield step, given
                continue
            count = used.get(step, 0)
            if count == len(given):
                return
            used[step] = count + 1
            yield step, given[count]
        raise AssertionError(f"{self.flow} did not end within {self.limit} answers")


def conversation_position(store: Store, channel: str, chat: str) -> Position:
    """The (flow, step) a chat's conversation waits at."""
    with store.unit() as unit:
        stored = unit.load_conversation(store.pseudonym(channel, chat), lock=False)
    return (stored.flow, stored.step) if stored else (None, None)


@dataclass
class StepChat:
    """One melder's chat with an engine; `said` collects everything the bot answered."""

    engine: Engine
    user: str = "melder"
    said: list[Outgoing] = field(default_factory=list)
    #: The language the messenger says the person uses, passed with the first message only
    #: (as a channel passes it when it first sees a chat).
    lang: str | None = None

    def send(self, text: str = "", *, choice: str | None = None) -> list[Outgoing]:
        """One message (typed text or a pressed button); the bot's answer."""
        lang, self.lang = self.lang, None
        incoming = Incoming("console", self.user, self.user, text=text, choice=choice, lang=lang)
        reply = list(self.engine.handle(incoming).messages)
        self.said.extend(reply)
        return reply

    def position(self) -> Position:
        """The (flow, step) the conversation waits at."""
        return conversation_position(self.engine.store, "console", self.user)

    def answer(
        self,
        flow: str,
        answers: Mapping[str, str | Sequence[str]],
        *,
        until: str | None = None,
        limit: int = 40,
    ) -> dict[str, list[Outgoing]]:
        """Answer the questions of `flow` by step name (see `Answer`): a button's id when
        the last question offers it, else typed text. Returns what the bot answered at
        each step asked, in the order asked (a step asked twice: both answers)."""
        replies: dict[str, list[Outgoing]] = {}
        for step, given in Answer(flow, answers, until, limit).lines(self.position):
            offered = {c.id for c in self.said[-1].choices} if self.said else set()
            reply = self.send(choice=given) if given in offered else self.send(given)
            replies.setdefault(step, []).extend(reply)
        return replies

    @property
    def all_text(self) -> str:
        """Everything the bot said, one message a line."""
        return "\n".join(m.text for m in self.said)


@dataclass
class Said:
    """What the bot said in (part of) a console session, with helpers to read it."""

    records: list[dict[str, Any]]

    @property
    def messages(self) -> list[dict[str, Any]]:
        return [r for r in self.records if r["type"] == "message"]

    @property
    def texts(self) -> list[str]:
        return [m["text"] for m in self.messages]

    @property
    def all_text(self) -> str:
        return "\n".join(self.texts)

    @property
    def last(self) -> dict[str, Any]:
        return self.messages[-1]

    def choice_ids(self) -> list[str]:
        return [c["id"] for c in self.last["choices"]]


#: What a console session sends: plain lines (sent wherever the conversation is) and
#: `Answer`s (answered by step name).
Script = Sequence[str | Answer]


@dataclass(frozen=True)
class Turn:
    """One message sent in a console session and the bot's answer to it, with where the
    conversation waited before (`at`) and after (`then`)."""

    at: Position
    line: str
    said: Said
    then: Position


@dataclass(frozen=True)
class Talk:
    """A console session: the greeting, then each message sent and the bot's answer."""

    greeting: Said
    turns: tuple[Turn, ...]
    end: Position

    def at(self, step: str, flow: str | None = None, *, to: str | None = None) -> list[Turn]:
        """The messages sent while the conversation waited at `step` (of `flow`; only the
        message `to` when given)."""
        return [
            t
            for t in self.turns
            if t.at[1] == step and flow in (None, t.at[0]) and to in (None, t.line)
        ]

    def replies(self, step: str, flow: str | None = None, *, to: str | None = None) -> list[Said]:
        """What the bot answered to each message sent at `step`, in order."""
        return [t.said for t in self.at(step, flow, to=to)]

    def reply(self, step: str, flow: str | None = None, *, to: str | None = None) -> Said:
        """What the bot answered to the one message sent at `step` (the message `to`)."""
        found = self.replies(step, flow, to=to)
        assert len(found) == 1, f"{len(found)} messages were sent at {step!r}, to={to!r}"
        return found[0]

    def questions(self, step: str, flow: str | None = None) -> list[Said]:
        """What the bot said each time it came to `step` (of `flow`): the greeting when the
        session starts there, and each answer after which the conversation waited there."""
        found = [t.said for t in self.turns if t.then[1] == step and flow in (None, t.then[0])]
        if self.start[1] == step and flow in (None, self.start[0]):
            found.insert(0, self.greeting)
        return found

    def question(self, step: str, flow: str | None = None) -> Said:
        """What the bot said when it first came to `step`: the question itself (later
        times ask it again, after a wrong answer, `terug` or a command)."""
        found = self.questions(step, flow)
        assert found, f"the bot never came to {step!r}"
        return found[0]

    def asked(self, flow: str) -> list[str]:
        """The steps of `flow` messages were sent at, in order."""
        return [str(t.at[1]) for t in self.turns if t.at[0] == flow]

    @property
    def start(self) -> Position:
        """Where the conversation waited after the greeting."""
        return self.turns[0].at if self.turns else self.end

    @property
    def last(self) -> Said:
        """The bot's answer to the last message sent."""
        return self.turns[-1].said

    @property
    def said(self) -> Said:
        """Everything the bot said in the session."""
        return Said([r for s in (self.greeting, *(t.said for t in self.turns)) for r in s.records])


class Driver:
    """Runs console sessions (one per call) for a console user against one runtime."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime

    def position(self, user: str = "melder") -> Position:
        """The (flow, step) the console user's conversation waits at."""
        return conversation_position(self.runtime.store, "console", user)

    def talk(self, script: Script, *, user: str = "melder", lang: str | None = None) -> Talk:
        """Start the chat, send the script's messages one by one (an `Answer` reads where
        the conversation is before each one), and end the input (EOF)."""
        out = io.StringIO()
        chat = ConsoleChat(
            self.runtime.engine,
            self.runtime.store,
            self.runtime.organisation,
            user=user,
            lang=lang,
            jsonl=True,
            data_dir=self.runtime.settings.data_dir,
            out=out,
            tick=self.runtime.tick,
        )
        done = 0  # characters of `out` already read
        sent: list[tuple[Position, str]] = []
        outputs: list[Said] = []

        def read() -> None:
            """Take what the bot said since the last message (it ends waiting for input)."""
            nonlocal done
            text = out.getvalue()
            records = [json.loads(line) for line in text[done:].splitlines()]
            done = len(text)
            assert records, "the console wrote nothing"
            assert records[-1] == {"type": "await"}, "the bot must end waiting for input"
            outputs.append(Said(records))

        def position() -> Position:
            return self.position(user)

        def lines() -> Iterator[str]:
            for item in script:
                answers = [item] if isinstance(item, str) else (a for _, a in item.lines(position))
                for line in answers:
                    read()
                    sent.append((position(), line))
                    yield line
            read()

        chat.run(lines())
        end = position()
        positions = [at for at, _ in sent] + [end]
        turns = tuple(
            Turn(at=at, line=line, said=said, then=positions[i + 1])
            for i, ((at, line), said) in enumerate(zip(sent, outputs[1:], strict=True))
        )
        return Talk(greeting=outputs[0], turns=turns, end=end)

    def session(self, script: Script, *, user: str = "melder", lang: str | None = None) -> Said:
        """Like `talk`, everything the bot said in one."""
        return self.talk(script, user=user, lang=lang).said
