"""A test chat that answers by step name: it reads where the conversation is, and gives
the answer meant for that question (never by position in the output)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from dialogs.engine import Engine
from dialogs.messages import Incoming, Outgoing


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

    def position(self) -> tuple[str | None, str | None]:
        """The (flow, step) the conversation waits at."""
        store = self.engine.store
        with store.unit() as unit:
            stored = unit.load_conversation(store.pseudonym("console", self.user), lock=False)
        return (stored.flow, stored.step) if stored else (None, None)

    def answer(self, flow: str, answers: Mapping[str, str], *, limit: int = 40) -> list[str]:
        """Answer each question of `flow` with `answers[step]` (a button's id, else typed)
        until the flow is left; returns the steps asked, in order. A step the test did not
        expect fails."""
        asked: list[str] = []
        for _ in range(limit):
            current, step = self.position()
            if current != flow or step is None:
                return asked
            assert step in answers, f"the bot asks {step!r}, which the test did not expect"
            asked.append(step)
            offered = {c.id for c in self.said[-1].choices} if self.said else set()
            if answers[step] in offered:
                self.send(choice=answers[step])
            else:
                self.send(answers[step])
        raise AssertionError(f"{flow} did not end within {limit} answers: {asked}")

    @property
    def all_text(self) -> str:
        """Everything the bot said, one message a line."""
        return "\n".join(m.text for m in self.said)
